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
  const sorted = dets.length === 1 ? dets : [...dets].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Span[] = [];
  let cur: Span | undefined;
  let best: Detection | undefined;
  for (const d of sorted) {
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
