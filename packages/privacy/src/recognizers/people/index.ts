import type { Recognizer } from "../../types.js";


/** Recognizers of the 'people' group, registered in ../index.ts. */
export const PEOPLE_RECOGNIZERS: readonly Recognizer[] = [];
