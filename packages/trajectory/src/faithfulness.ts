import type { Action } from "@tracevault/core";

/** How well reduced actions match the actions a person performed. */
export interface Faithfulness {
  expected: number;
  got: number;
  /** Aligned pairs with the same action type / max(expected, got). */
  typeAccuracy: number;
  /** Pointer position error of aligned pointer actions, px. */
  positionErrors: number[];
  /** Levenshtein distance between expected and reduced typed text, per aligned type action. */
  typingDistances: number[];
  /** Characters expected in aligned type actions. */
  typedChars: number;
  /** Aligned pairs whose type matches but whose details (keys, counts, button) differ. */
  detailMismatches: number;
}

/**
 * Levenshtein distance between two strings (code points).
 * @example editDistance("kitten", "sitting") // 3
 */
export function editDistance(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  let prev = Array.from({ length: y.length + 1 }, (_, i) => i);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++)
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[y.length]!;
}

function point(a: Action): { x: number; y: number } | null {
  switch (a.type) {
    case "click":
    case "double_click":
    case "triple_click":
    case "right_click":
    case "middle_click":
    case "mouse_move":
    case "scroll":
      return { x: a.x, y: a.y };
    case "drag":
      return a.path[a.path.length - 1]!;
    default:
      return null;
  }
}

function detailsMatch(e: Action, g: Action): boolean {
  if (e.type !== g.type) return false;
  switch (e.type) {
    case "click":
      return g.type === "click" && e.button === g.button;
    case "drag": {
      if (g.type !== "drag" || e.button !== g.button) return false;
      const a = e.path[0]!;
      const b = g.path[0]!;
      return Math.hypot(a.x - b.x, a.y - b.y) <= 3;
    }
    case "scroll":
      return (
        g.type === "scroll" &&
        e.counts.up === g.counts.up &&
        e.counts.down === g.counts.down &&
        e.counts.left === g.counts.left &&
        e.counts.right === g.counts.right
      );
    case "key":
      return g.type === "key" && e.key === g.key && e.count === g.count;
    case "hotkey":
      return g.type === "hotkey" && e.keys.join("+") === g.keys.join("+");
    case "hold_key":
      return g.type === "hold_key" && e.keys.join("+") === g.keys.join("+");
    default:
      return true;
  }
}

/**
 * Align expected and reduced actions (longest common subsequence of action types) and measure
 * type accuracy, pointer position error and typing edit distance.
 */
export function scoreReduction(expected: readonly Action[], got: readonly Action[]): Faithfulness {
  const n = expected.length;
  const m = got.length;
  const L: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      L[i]![j] =
        expected[i]!.type === got[j]!.type ? L[i + 1]![j + 1]! + 1 : Math.max(L[i + 1]![j]!, L[i]![j + 1]!);
  const res: Faithfulness = {
    expected: n,
    got: m,
    typeAccuracy: 0,
    positionErrors: [],
    typingDistances: [],
    typedChars: 0,
    detailMismatches: 0,
  };
  let i = 0;
  let j = 0;
  let same = 0;
  while (i < n && j < m) {
    const e = expected[i]!;
    const g = got[j]!;
    if (e.type === g.type) {
      same++;
      const pe = point(e);
      const pg = point(g);
      if (pe && pg) res.positionErrors.push(Math.hypot(pe.x - pg.x, pe.y - pg.y));
      if (e.type === "type" && g.type === "type") {
        res.typingDistances.push(editDistance(e.text, g.text));
        res.typedChars += Array.from(e.text).length;
      }
      if (!detailsMatch(e, g)) res.detailMismatches++;
      i++;
      j++;
    } else if (L[i + 1]![j]! >= L[i]![j + 1]!) i++;
    else j++;
  }
  res.typeAccuracy = Math.max(n, m) === 0 ? 1 : same / Math.max(n, m);
  return res;
}
