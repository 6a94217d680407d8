import type { Detection, SensitivityLevel } from "./types.js";

/** A merged, non-overlapping span as reported to callers. */
export interface Span {
  start: number;
  end: number;
  type: string;
  level: SensitivityLevel;
  /** Recognizers whose detections were merged into this span (provenance). */
  sources: string[];
}

/**
 * Merge overlapping or touching detections into disjoint spans, so that redacting them never leaves a
 * fragment of any detected value. The merged span keeps the type of its highest-level, then longest,
 * then highest-scoring member, and the highest level.
 * @example mergeDetections([{start:0,end:4,...}, {start:2,end:8,...}]) // one span 0..8
 */
export function mergeDetections(dets: readonly Detection[]): Span[] {
  if (dets.length === 0) return [];
  // (one detection, the common case, needs no copy nor sort)
  return mergeSorted(dets.length === 1 ? dets : sortDetections([...dets]));
}

/** Largest list sorted by insertion (what records hold); a longer one goes to Array.prototype.sort. */
const INSERTION_MAX = 16;

/**
 * Sort `dets` in place by start, then longest first, stably (as Array.prototype.sort does, so the order is the
 * same), and return it: the engine sorts its own list of a record's detections without copying it, and short
 * lists without the temporary array of the built-in sort.
 * @example sortDetections([{start:5,end:9,...}, {start:0,end:4,...}])[0].start // 0
 */
export function sortDetections(dets: Detection[]): Detection[] {
  const n = dets.length;
  if (n > INSERTION_MAX) return dets.sort((a, b) => a.start - b.start || b.end - a.end);
  for (let i = 1; i < n; i++) {
    const d = dets[i]!;
    let j = i - 1;
    // strictly after: equal keys keep their order (stable)
    while (j >= 0 && (dets[j]!.start - d.start || d.end - dets[j]!.end) > 0) {
      dets[j + 1] = dets[j]!;
      j--;
    }
    dets[j + 1] = d;
  }
  return dets;
}

/** `mergeDetections` of detections already in `sortDetections` order. */
export function mergeSorted(sorted: readonly Detection[]): Span[] {
  const out: Span[] = [];
  let cur: Span | undefined;
  let best: Detection | undefined;
  for (let i = 0; i < sorted.length; i++) {
    const d = sorted[i]!;
    if (d.end <= d.start) continue;
    if (cur && d.start < cur.end) {
      cur.end = Math.max(cur.end, d.end);
      if (d.level > cur.level) cur.level = d.level;
      if (!cur.sources.includes(d.recognizer)) cur.sources.push(d.recognizer);
      if (best && outranks(d, best)) {
        best = d;
        cur.type = d.type;
      }
      continue;
    }
    cur = { start: d.start, end: d.end, type: d.type, level: d.level, sources: [d.recognizer] };
    best = d;
    out.push(cur);
  }
  return out;
}

function outranks(a: Detection, b: Detection): boolean {
  if (a.level !== b.level) return a.level > b.level;
  const la = a.end - a.start;
  const lb = b.end - b.start;
  if (la !== lb) return la > lb;
  return a.score > b.score;
}
