/**
 * Shared tokenizer of the 'ids' group: one pass over the text finds every run of digits, where a run is
 * digit groups joined by single separators (space, no-break space, '-', '.'). Cards, national ids,
 * IBANs (their check digits), tax ids… all start from these runs, so the text is scanned once per
 * record however many recognizers of the group run (the result is memoised for the current input).
 */
import type { RecognizerInput } from "../../types.js";

/**
 * A run of digit groups, e.g. `4111 1111 1111 1111` or `123-45-6789` or `12.345.678`. Kept small
 * (long texts can hold many thousands): single-group runs carry no arrays, digits are built lazily.
 */
export interface NumRun {
  /** Offset of the first digit (UTF-16 code units). */
  start: number;
  /** Offset just after the last digit. */
  end: number;
  /** Number of digits. */
  nd: number;
  /** Number of groups. */
  ng: number;
  /** Group boundaries [s0, e0, s1, e1, …] when there are several groups (see groupStart/groupEnd). */
  g: number[] | undefined;
  /** Separator char code between group k and k+1 (length = groups - 1). */
  sep: number[];
  /** End of the previous run (0 for the first): context words never lie across another number. */
  prevEnd: number;
  /** The scanned text and the digits of the run once asked for (see runDigits). */
  src: string;
  d: string | undefined;
  /** Label lookups memoised by keywords.ts (undefined until asked). */
  kwBefore: unknown;
  kwAfter: unknown;
  kwMask: number | undefined;
}

/** Start offset of group k. @example groupStart(scanNumericRuns("x 12-34")[0], 1) // 5 */
export function groupStart(run: NumRun, k: number): number {
  return run.g === undefined ? run.start : run.g[2 * k]!;
}

/** End offset of group k. @example groupEnd(scanNumericRuns("x 12-34")[0], 0) // 4 */
export function groupEnd(run: NumRun, k: number): number {
  return run.g === undefined ? run.end : run.g[2 * k + 1]!;
}

/** Offset in the run's digits where group k starts. @example digitOffset(scanNumericRuns("123-45")[0], 1) // 3 */
export function digitOffset(run: NumRun, k: number): number {
  let o = 0;
  for (let t = 0; t < k; t++) o += groupEnd(run, t) - groupStart(run, t);
  return o;
}

/**
 * The run's digits, separators removed (computed once).
 * @example runDigits(scanNumericRuns("a 123-45-6789")[0]) // "123456789"
 */
export function runDigits(run: NumRun): string {
  if (run.d === undefined) {
    if (run.g === undefined) run.d = run.src.slice(run.start, run.end);
    else {
      let d = "";
      for (let k = 0; k < run.ng; k++) d += run.src.slice(run.g[2 * k], run.g[2 * k + 1]);
      run.d = d.length > 12 ? d.charAt(0) + d.slice(1) : d; // flatten long concatenations
    }
  }
  return run.d;
}

const SP = 0x20;
const NBSP = 0xa0;
const DASH = 0x2d;
const DOT = 0x2e;

/** True for the separators that may join digit groups inside one run. @example isGroupSep(0x2d) // true ("-") */
export function isGroupSep(c: number): boolean {
  return c === SP || c === DASH || c === DOT || c === NBSP || c === 0x2009 || c === 0x202f;
}

/** True for whitespace separators (space, no-break space, thin spaces). @example isSpaceSep(0x20) // true */
export function isSpaceSep(c: number): boolean {
  return c === SP || c === NBSP || c === 0x2009 || c === 0x202f;
}

/** ASCII digit. @example isDigit(0x37) // true ("7") */
export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** ASCII letter. @example isAsciiLetter(0x61) // true ("a") */
export function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** ASCII upper-case letter. @example isUpper(0x41) // true ("A") */
export function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

const NON_ASCII_WORD = /[\p{L}\p{N}]/u;

/**
 * A character that glues onto an identifier: letters and digits of any script, and '_'.
 * `NaN` (outside the text) is not a word character.
 * @example isWordChar("a".charCodeAt(0)) // true
 */
export function isWordChar(c: number): boolean {
  if (c !== c) return false;
  if (c < 128) return isDigit(c) || isAsciiLetter(c) || c === 0x5f;
  return NON_ASCII_WORD.test(String.fromCharCode(c));
}

const DIGIT_RE = /[0-9]/g;

/**
 * Every digit run of `text`, in order. Linear: the next digit is found by the regex engine, each
 * character of a run is visited once.
 * @example scanNumericRuns("ssn 123-45-6789").map(runDigits) // ["123456789"]
 */
export function scanNumericRuns(text: string): NumRun[] {
  const n = text.length;
  DIGIT_RE.lastIndex = 0;
  if (!DIGIT_RE.test(text)) return NO_RUNS;
  const runs: NumRun[] = [];
  let prevEnd = 0;
  do {
    const start = DIGIT_RE.lastIndex - 1;
    let p = start + 1;
    let c = 0;
    while (p < n && (c = text.charCodeAt(p)) >= 48 && c <= 57) p++;
    let nd = p - start;
    let ng = 1;
    let g: number[] | undefined;
    let sep = NO_SEP;
    if (p + 1 < n && isGroupSep(c) && isDigitAt(text, p + 1)) {
      // several groups: gathered in scratch arrays, copied at their exact size
      S_G[0] = start;
      S_G[1] = p;
      for (;;) {
        S_SEP[ng - 1] = c;
        const g0 = p + 1;
        p = g0 + 1;
        while (p < n && (c = text.charCodeAt(p)) >= 48 && c <= 57) p++;
        S_G[2 * ng] = g0;
        S_G[2 * ng + 1] = p;
        ng++;
        nd += p - g0;
        if (!(p + 1 < n && isGroupSep(c) && isDigitAt(text, p + 1))) break;
      }
      g = S_G.slice(0, 2 * ng);
      sep = S_SEP.slice(0, ng - 1);
    }
    runs.push({
      start,
      end: p,
      nd,
      ng,
      g,
      sep,
      prevEnd,
      src: text,
      d: undefined,
      kwBefore: undefined,
      kwAfter: undefined,
      kwMask: undefined,
    });
    prevEnd = p;
    DIGIT_RE.lastIndex = p;
  } while (DIGIT_RE.test(text));
  return runs;
}

// Scratch arrays of the multi-group path (the scanner is not re-entrant).
const S_G: number[] = [];
const S_SEP: number[] = [];

function isDigitAt(text: string, i: number): boolean {
  const d = text.charCodeAt(i);
  return d >= 48 && d <= 57;
}

// Shared read-only arrays of single-group runs (never mutated).
const NO_RUNS: NumRun[] = [];
const NO_SEP: number[] = [];

// One-entry memo: the engine hands the same input object to every recognizer of a record in turn,
// so the group shares one scan per record. A different input (or text) rescans.
let memoInput: RecognizerInput | undefined;
let memoText = "";
let memoRuns: NumRun[] = NO_RUNS;

function refresh(input: RecognizerInput): void {
  if (memoInput === input && memoText === input.text) return;
  memoRuns = scanNumericRuns(input.text);
  memoInput = input;
  memoText = input.text;
}

/**
 * The digit runs of `input.text` when another recognizer already scanned them, else undefined.
 * @example knownRuns({ text: "a1", lower: "a1", channel: "typed" }) // undefined (not scanned yet)
 */
export function knownRuns(input: RecognizerInput): readonly NumRun[] | undefined {
  return memoInput === input && memoText === input.text ? memoRuns : undefined;
}

/**
 * Offset of the first digit of `input.text` when another recognizer already scanned its digit runs (the text
 * length when it has none), else 0.
 * @example knownFirstDigit({ text: "ab 12", lower: "ab 12", channel: "typed" }) // 0 (not scanned yet)
 */
export function knownFirstDigit(input: RecognizerInput): number {
  if (memoInput !== input || memoText !== input.text) return 0;
  return memoRuns.length > 0 ? memoRuns[0]!.start : input.text.length;
}

/**
 * `digitCount(input)` when another recognizer already scanned this input's digit runs, else -1 (for
 * recognizers whose own cheap test beats a scan of their own, but that can use a shared one for free).
 * @example knownDigitCount({ text: "a1", lower: "a1", channel: "typed" }) // -1 (not scanned yet)
 */
export function knownDigitCount(input: RecognizerInput): number {
  return memoInput === input && memoText === input.text ? digitCount(input) : -1;
}

/**
 * Number of ASCII digits in `input.text` (from its digit runs, which are computed once per input and shared).
 * @example digitCount({ text: "call 555-0100", lower: "call 555-0100", channel: "typed" }) // 7
 */
export function digitCount(input: RecognizerInput): number {
  const runs = numericRuns(input);
  let n = 0;
  for (let k = 0; k < runs.length; k++) n += runs[k]!.nd;
  return n;
}

/**
 * The digit runs of `input.text`, computed once per input object.
 * @example numericRuns({ text: "card 4111 1111 1111 1111", lower: "…", channel: "typed" }).length // 1
 */
export function numericRuns(input: RecognizerInput): NumRun[] {
  refresh(input);
  return memoRuns;
}

// ---------------------------------------------------------------------------------------------
// ASCII-alphanumeric tokens around digit runs

function isAsciiAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

const ALNUM_FROM = /[A-Za-z0-9]*/y;

// The last token measured: runs are visited in text order, and a long token (a base64 blob, a hash) holds
// many runs, so each token is measured once, not once per run in it.
let tokText = "";
let tokStart = 0;
let tokEnd = 0;

/**
 * Length of the maximal run of ASCII letters and digits that contains offset `pos` of `text` (which must be
 * such a character). Identifiers glued to letters (fiscal codes, passport numbers) are told apart from
 * digits inside long tokens by it.
 * @example alnumTokenLength("key a1b2c3d4 x", 5) // 8
 */
export function alnumTokenLength(text: string, pos: number): number {
  if (tokText === text && pos >= tokStart && pos < tokEnd) return tokEnd - tokStart;
  let s = pos;
  while (s > 0 && isAsciiAlnum(text.charCodeAt(s - 1))) s--;
  // Forwards (the long way through a blob) in native code.
  ALNUM_FROM.lastIndex = pos;
  ALNUM_FROM.test(text);
  const e = ALNUM_FROM.lastIndex;
  tokText = text;
  tokStart = s;
  tokEnd = e;
  return e - s;
}

/** A window of consecutive groups i..j of one run. */
export interface Window {
  run: NumRun;
  i: number;
  j: number;
  /** Text offsets of the window. */
  start: number;
  end: number;
  digits: string;
  /** The window is the whole run. */
  whole: boolean;
}

/**
 * Call `fn` for every window of groups i..j whose digit count lies in [minDigits, maxDigits] and whose
 * edges are the run's edges or whitespace separators (a run is only split where its fields are
 * separated by spaces: `12345 4111 1111 1111 1111`; never inside `123-45-6789-01`). Linear in the
 * number of groups times the widest window (at most maxDigits groups). `accept`, when given, filters
 * digit counts before a window is built.
 * @example forEachWindow(scanNumericRuns("12345 4111 1111 1111 1111")[0], 16, 16, (w) => w.digits) // one window
 */
export function forEachWindow(
  run: NumRun,
  minDigits: number,
  maxDigits: number,
  fn: (w: Window) => void,
  accept?: (digits: number) => boolean,
): void {
  const total = run.nd;
  if (total < minDigits) return;
  const g = run.ng;
  if (g === 1) {
    if (total <= maxDigits && (!accept || accept(total)))
      fn({ run, i: 0, j: 0, start: run.start, end: run.end, digits: runDigits(run), whole: true });
    return;
  }
  const gg = run.g!;
  let d0 = 0;
  for (let i = 0; i < g; i++) {
    if (i > 0) d0 += gg[2 * i - 1]! - gg[2 * i - 2]!;
    if (i > 0 && !isSpaceSep(run.sep[i - 1]!)) continue;
    if (total - d0 < minDigits) break;
    let d1 = d0;
    for (let j = i; j < g; j++) {
      d1 += gg[2 * j + 1]! - gg[2 * j]!;
      const count = d1 - d0;
      if (count > maxDigits) break;
      if (count < minDigits) continue;
      if (j < g - 1 && !isSpaceSep(run.sep[j]!)) continue;
      if (accept && !accept(count)) continue;
      fn({
        run,
        i,
        j,
        start: gg[2 * i]!,
        end: gg[2 * j + 1]!,
        digits: runDigits(run).slice(d0, d1),
        whole: i === 0 && j === g - 1,
      });
    }
  }
}

/**
 * Group lengths of a window, e.g. [3, 2, 4] for `123-45-6789`.
 * @example windowShape({ run, i: 0, j: 2 }) // [3, 2, 4]
 */
export function windowShape(w: Pick<Window, "run" | "i" | "j">): number[] {
  const out: number[] = [];
  for (let k = w.i; k <= w.j; k++) out.push(groupEnd(w.run, k) - groupStart(w.run, k));
  return out;
}

/**
 * The separator used inside a window when all its separators are equal; 0 for a single group;
 * -1 when mixed.
 * @example windowSep({ run: scanNumericRuns("123-45-6789")[0], i: 0, j: 2 }) // 0x2d
 */
export function windowSep(w: Pick<Window, "run" | "i" | "j">): number {
  if (w.i === w.j) return 0;
  const s = w.run.sep[w.i]!;
  for (let k = w.i + 1; k < w.j; k++) if (w.run.sep[k] !== s) return -1;
  return s;
}

/** Shape equality helper. @example shapeIs([3, 2, 4], 3, 2, 4) // true */
export function shapeIs(shape: readonly number[], ...want: number[]): boolean {
  if (shape.length !== want.length) return false;
  for (let k = 0; k < want.length; k++) if (shape[k] !== want[k]) return false;
  return true;
}

/**
 * True when the span stands alone: the characters just outside it are not letters, digits or '_',
 * nor the character `reject` (a char code, e.g. '+' before phone numbers, '/' around dates).
 * @example standsAlone("call +4411", 6, 10, 0x2b) // false
 */
export function standsAlone(text: string, start: number, end: number, reject = -1): boolean {
  const b = start > 0 ? text.charCodeAt(start - 1) : NaN;
  const a = end < text.length ? text.charCodeAt(end) : NaN;
  if (b === reject || a === reject) return false;
  return !isWordChar(b) && !isWordChar(a);
}
