import type { Detection } from "../types.js";

/** The shared empty result of a recognizer (frozen, so that no caller can fill it for the next one). */
export const NO_DETECTIONS = Object.freeze([]) as unknown as Detection[];

/**
 * A recognizer's result from the scratch list it filled: a copy, or the shared empty array (most records hold
 * nothing, and then nothing is allocated).
 * @example results([]) === NO_DETECTIONS // true
 */
export function results(scratch: Detection[]): Detection[] {
  if (scratch.length === 0) return NO_DETECTIONS;
  const r = scratch.slice();
  scratch.length = 0;
  return r;
}
