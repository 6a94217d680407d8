/**
 * Text views over edit-buffer cells, each with a map from UTF-16 code unit back to the cell that produced
 * it: the raw text, and a normalised text where separators typed between digits are removed (so that a
 * card typed "4 5 3 9  1 4 8 8 ..." reads "45391488..."). Pure.
 */
import type { KeystreamCell } from "./keystream-buffer.js";

/** A text plus, for each UTF-16 code unit, the index of its cell in the source array. */
export interface CellView {
  text: string;
  at: Int32Array;
}

/** Separators removed between digits in the normalised view (space, no-break space, - . /). */
const SEPARATORS = new Set([" ", "\u00a0", "-", ".", "/"]);
/** Longest separator run removed between two digits ("4 5", "4539  1488"). */
const MAX_SEPARATOR_RUN = 3;

/**
 * An ASCII digit cell (not an opaque paste).
 * @example isDigitCell(buf.cells[0]) // true after typing "4"
 */
export function isDigitCell(c: KeystreamCell | undefined): boolean {
  if (c === undefined || c.opaque) return false;
  const x = c.ch.charCodeAt(0);
  return c.ch.length === 1 && x >= 48 && x <= 57;
}

/**
 * A separator that the normalised view removes between digits.
 * @example isSeparatorCell(buf.cells[1]) // true after typing "4 5"
 */
export function isSeparatorCell(c: KeystreamCell | undefined): boolean {
  return c !== undefined && !c.opaque && SEPARATORS.has(c.ch);
}

function build(
  cells: readonly KeystreamCell[],
  idx: readonly number[] | null,
  lo: number,
  hi: number,
): CellView {
  let units = 0;
  let text = "";
  const count = idx ? idx.length : hi - lo;
  for (let j = 0; j < count; j++) {
    const ch = cells[idx ? idx[j]! : lo + j]!.ch;
    units += ch.length;
    text += ch;
  }
  const at = new Int32Array(units);
  let u = 0;
  for (let j = 0; j < count; j++) {
    const k = idx ? idx[j]! : lo + j;
    for (let n = cells[k]!.ch.length; n > 0; n--) at[u++] = k;
  }
  return { text, at };
}

/**
 * The text of cells [lo, hi) with its code-unit → cell map.
 * @example rawView(cells, 0, cells.length).text // the visible text
 */
export function rawView(cells: readonly KeystreamCell[], lo: number, hi: number): CellView {
  return build(cells, null, lo, hi);
}

/**
 * The text of cells [lo, hi) with short separator runs between digits removed, or null when nothing
 * would be removed (the raw view already covers it).
 * @example normalizedView(buf.cells, 0, buf.cells.length)?.text // "4539" for "4 5 3 9"
 */
export function normalizedView(cells: readonly KeystreamCell[], lo: number, hi: number): CellView | null {
  const keep: number[] = [];
  let removed = false;
  let k = lo;
  while (k < hi) {
    if (!isSeparatorCell(cells[k])) {
      keep.push(k++);
      continue;
    }
    let r = k;
    while (r < hi && isSeparatorCell(cells[r])) r++;
    if (
      r - k <= MAX_SEPARATOR_RUN &&
      k > lo &&
      r < hi &&
      isDigitCell(cells[k - 1]) &&
      isDigitCell(cells[r])
    ) {
      removed = true;
    } else {
      for (let j = k; j < r; j++) keep.push(j);
    }
    k = r;
  }
  return removed ? build(cells, keep, lo, hi) : null;
}

function isSeparatorCode(x: number): boolean {
  return x === 32 || x === 160 || x === 45 || x === 46 || x === 47;
}

function isDigitCode(x: number): boolean {
  return x >= 48 && x <= 57;
}

/**
 * {@link normalizedView} for a text whose every UTF-16 code unit is its own plain (typed, not opaque)
 * cell, cell k = code unit k: the same text and map, without cell objects. Null when nothing is removed.
 * @example normalizedTextView("4 5 3 9")?.text // "4539"
 */
export function normalizedTextView(text: string): CellView | null {
  const n = text.length;
  // Pass 1 only answers whether anything is removed: typed prose (no digit-separator-digit) stops here.
  let removed = false;
  for (let k = 0; k < n && !removed;) {
    if (!isSeparatorCode(text.charCodeAt(k))) {
      k++;
      continue;
    }
    let r = k;
    while (r < n && isSeparatorCode(text.charCodeAt(r))) r++;
    removed =
      r - k <= MAX_SEPARATOR_RUN &&
      k > 0 &&
      r < n &&
      isDigitCode(text.charCodeAt(k - 1)) &&
      isDigitCode(text.charCodeAt(r));
    k = r;
  }
  if (!removed) return null;
  const keep: number[] = [];
  let out = "";
  for (let k = 0; k < n;) {
    if (!isSeparatorCode(text.charCodeAt(k))) {
      keep.push(k);
      out += text[k]!;
      k++;
      continue;
    }
    let r = k;
    while (r < n && isSeparatorCode(text.charCodeAt(r))) r++;
    const drop =
      r - k <= MAX_SEPARATOR_RUN &&
      k > 0 &&
      r < n &&
      isDigitCode(text.charCodeAt(k - 1)) &&
      isDigitCode(text.charCodeAt(r));
    if (!drop) {
      for (let j = k; j < r; j++) {
        keep.push(j);
        out += text[j]!;
      }
    }
    k = r;
  }
  return { text: out, at: Int32Array.from(keep) };
}
