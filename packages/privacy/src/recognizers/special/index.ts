import type { Recognizer } from "../../types.js";
import { specialCategories } from "./special-category.js";

/** Recognizers of the 'special' group, registered in ../index.ts. */
export const SPECIAL_RECOGNIZERS: readonly Recognizer[] = [specialCategories];
