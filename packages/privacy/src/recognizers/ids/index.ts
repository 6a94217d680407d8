import type { Recognizer } from "../../types.js";


/** Recognizers of the 'ids' group, registered in ../index.ts. */
export const ID_RECOGNIZERS: readonly Recognizer[] = [];
