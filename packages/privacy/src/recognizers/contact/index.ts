import type { Recognizer } from "../../types.js";
import { email } from "./email.js";

/** Recognizers of the 'contact' group, registered in ../index.ts. */
export const CONTACT_RECOGNIZERS: readonly Recognizer[] = [email];
