import type { Channel, Detection, SensitivityLevel } from "../../types.js";

/** The shared empty result (never mutated). */
export const NONE: Detection[] = [];

/**
 * Channels where people type or paste free text: there a card-like number is masked on looks alone.
 * @example isTypedLike("clipboard") // true
 */
export function isTypedLike(channel: Channel): boolean {
  return channel === "typed" || channel === "clipboard" || channel === "ocr";
}

/**
 * A level-4 detection (every entity of this group is level 4).
 * @example det(0, 11, "US_SSN", 0.85, "national-id").level // 4
 */
export function det(
  start: number,
  end: number,
  type: string,
  score: number,
  recognizer: string,
  level: SensitivityLevel = 4,
): Detection {
  return { start, end, type, score, level, recognizer };
}

/**
 * Keep the best of overlapping candidates: highest score, then longest, then leftmost. Linear in the
 * candidates' total length (a coverage map over their extent), so thousands of candidates in one long
 * run stay cheap.
 * @example pickBest([{start:0,end:4,score:0.6}, {start:2,end:8,score:0.9}]) // the second
 */
export function pickBest<T extends { start: number; end: number; score: number }>(cands: T[]): T[] {
  if (cands.length <= 1) return cands;
  let lo = Infinity;
  let hi = -Infinity;
  for (const c of cands) {
    if (c.start < lo) lo = c.start;
    if (c.end > hi) hi = c.end;
  }
  const sorted = [...cands].sort(
    (a, b) => b.score - a.score || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const covered = new Uint8Array(hi - lo);
  const kept: T[] = [];
  for (const c of sorted) {
    let free = true;
    for (let k = c.start - lo; k < c.end - lo && free; k++) free = covered[k] === 0;
    if (!free) continue;
    covered.fill(1, c.start - lo, c.end - lo);
    kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}
