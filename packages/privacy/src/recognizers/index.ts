import type { Recognizer } from "../types.js";
import { CONTACT_RECOGNIZERS } from "./contact/index.js";
import { ID_RECOGNIZERS } from "./ids/index.js";
import { PEOPLE_RECOGNIZERS } from "./people/index.js";
import { SECRET_RECOGNIZERS } from "./secrets/index.js";
import { SPECIAL_RECOGNIZERS } from "./special/index.js";

/**
 * Every registered recognizer, by group. Adding one: write its module and add it to its group's index;
 * nothing else changes.
 */
export const RECOGNIZERS: readonly Recognizer[] = [
  ...SECRET_RECOGNIZERS,
  ...ID_RECOGNIZERS,
  ...CONTACT_RECOGNIZERS,
  ...PEOPLE_RECOGNIZERS,
  ...SPECIAL_RECOGNIZERS,
];
