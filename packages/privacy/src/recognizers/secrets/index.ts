import type { Recognizer } from "../../types.js";


/** Recognizers of the 'secrets' group, registered in ../index.ts. */
export const SECRET_RECOGNIZERS: readonly Recognizer[] = [];
