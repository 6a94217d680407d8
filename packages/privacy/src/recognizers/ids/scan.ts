/**
 * Shared tokenizer of the 'ids' group: one pass over the text finds every run of digits, where a run is
 * digit groups joined by single separators (space, no-break space, '-', '.'). Cards, national ids,
 * IBANs (their check digits), tax ids… all start from these runs, so the text is scanned once per
 * record however many recognizers of the group run (the result is memoised for the current input).
 */
import type { RecognizerInput } from "../../types.js";
import { K_DIGITS, peekTokens, type Tokens } from "../people/tokens.js";

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
  scanToks = peekTokens(text);
  scanTok = 0;
  let start = nextDigit(text, 0);
  if (start < 0) {
    scanToks = undefined;
    return NO_RUNS;
  }
  const runs: NumRun[] = [];
  let prevEnd = 0;
  do {
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
    start = nextDigit(text, p);
  } while (start >= 0);
  scanToks = undefined;
  return runs;
}

/** The record's word tokens while its runs are scanned (when another recognizer made them), and a cursor. */
let scanToks: Tokens | undefined;
let scanTok = 0;

/**
 * Offset of the first ASCII digit at or after `from`, or -1. With the record's tokens, only the tokens that
 * hold a digit are read (every digit is inside one); else the regex engine searches.
 */
function nextDigit(text: string, from: number): number {
  const toks = scanToks;
  if (toks === undefined) {
    DIGIT_RE.lastIndex = from;
    return DIGIT_RE.test(text) ? DIGIT_RE.lastIndex - 1 : -1;
  }
  const { start, end, kind, count } = toks;
  for (let t = scanTok; t < count; t++) {
    const e = end[t]!;
    if (e <= from || !(kind[t]! & K_DIGITS)) continue;
    for (let q = start[t]! > from ? start[t]! : from; q < e; q++) {
      const c = text.charCodeAt(q);
      if (c >= 48 && c <= 57) {
        scanTok = t;
        return q;
      }
    }
  }
  scanTok = count;
  return -1;
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
  if (recall(input)) return;
  memoRuns = scanNumericRuns(input.text);
  memoInput = input;
  memoText = input.text;
  if (inBatch) {
    batchInputs[shown] = input;
    batchRuns[shown] = memoRuns;
  }
}

/**
 * The runs of every record of the batch being analysed (see `beginRunBatch`), by the record's place in the batch:
 * the engine runs a batch recognizer by recognizer, so one memo entry would rescan every record for every
 * recognizer. `shown`: the record whose turn it is (see `showBatchRecord`).
 */
let inBatch = false;
const batchInputs: (RecognizerInput | undefined)[] = [];
const batchRuns: (NumRun[] | undefined)[] = [];
let shown = 0;
let batchUsed = 0;

/** Make the runs the batch kept for `input` the memo's; false when it kept none. */
function recall(input: RecognizerInput): boolean {
  if (!inBatch || batchInputs[shown] !== input) return false;
  memoRuns = batchRuns[shown]!;
  memoInput = input;
  memoText = input.text;
  return true;
}

/**
 * From now until `endRunBatch`, the runs of every record scanned are kept (per input object, whose text must not
 * change meanwhile), under the record's place in the batch named by `showBatchRecord`. For the engine's batch
 * analysis only.
 * @example beginRunBatch(); showBatchRecord(0); numericRuns(a); showBatchRecord(1); numericRuns(b); showBatchRecord(0); knownRuns(a) !== undefined // true
 */
export function beginRunBatch(): void {
  inBatch = true;
  shown = 0;
  batchUsed = 0;
}

/** Record `j` of the batch is the one whose turn it is. @example showBatchRecord(0) */
export function showBatchRecord(j: number): void {
  shown = j;
  if (j >= batchUsed) {
    batchUsed = j + 1;
    // (no holes: the arrays stay packed)
    while (batchInputs.length < batchUsed) {
      batchInputs.push(undefined);
      batchRuns.push(undefined);
    }
  }
}

/** Forget the runs kept since `beginRunBatch`. @example endRunBatch() */
export function endRunBatch(): void {
  inBatch = false;
  // (the records are let go of: they would outlive the batch)
  batchInputs.fill(undefined, 0, batchUsed);
  batchRuns.fill(undefined, 0, batchUsed);
  memoInput = undefined;
  memoRuns = NO_RUNS;
  digitRunsOf = undefined;
}

/** The memo holds `input`'s runs (recalled from the batch when kept there). */
function known(input: RecognizerInput): boolean {
  return (memoInput === input && memoText === input.text) || recall(input);
}

/**
 * The digit runs of `input.text` when another recognizer already scanned them, else undefined.
 * @example knownRuns({ text: "a1", lower: "a1", channel: "typed" }) // undefined (not scanned yet)
 */
export function knownRuns(input: RecognizerInput): readonly NumRun[] | undefined {
  return known(input) ? memoRuns : undefined;
}

/**
 * Offset of the first digit of `input.text` when another recognizer already scanned its digit runs (the text
 * length when it has none), else 0.
 * @example knownFirstDigit({ text: "ab 12", lower: "ab 12", channel: "typed" }) // 0 (not scanned yet)
 */
export function knownFirstDigit(input: RecognizerInput): number {
  if (!known(input)) return 0;
  return memoRuns.length > 0 ? memoRuns[0]!.start : input.text.length;
}

/** The maximal runs of ASCII digits of a text: `count` runs, run k is [start[k], end[k]). Valid until the next call. */
export interface DigitRuns {
  count: number;
  start: Int32Array;
  end: Int32Array;
}

const DIGIT_RUNS: DigitRuns = { count: 0, start: new Int32Array(64), end: new Int32Array(64) };
/** The numeric runs `DIGIT_RUNS` was flattened from. */
let digitRunsOf: readonly NumRun[] | undefined;

/**
 * The maximal runs of ASCII digits of `input.text` (what `/[0-9]+/g` matches, in order) when this input's
 * numeric runs have been scanned, else undefined. Every digit group of a numeric run is such a run, so the
 * recognizers outside the group (dates of birth, ages, postcodes) read the digits of a record from the one
 * scan instead of searching the text again.
 * @example knownDigitRuns({ text: "a1", lower: "a1", channel: "typed" }) // undefined (not scanned yet)
 */
export function knownDigitRuns(input: RecognizerInput): DigitRuns | undefined {
  if (!known(input)) return undefined;
  if (digitRunsOf !== memoRuns) {
    const runs = memoRuns;
    let count = 0;
    for (let r = 0; r < runs.length; r++) count += runs[r]!.ng;
    if (DIGIT_RUNS.start.length < count) {
      const cap = Math.max(count, DIGIT_RUNS.start.length * 2);
      DIGIT_RUNS.start = new Int32Array(cap);
      DIGIT_RUNS.end = new Int32Array(cap);
    }
    const { start, end } = DIGIT_RUNS;
    let q = 0;
    for (let r = 0; r < runs.length; r++) {
      const run = runs[r]!;
      const g = run.g;
      if (g === undefined) {
        start[q] = run.start;
        end[q++] = run.end;
      } else
        for (let k = 0; k < 2 * run.ng; k += 2) {
          start[q] = g[k]!;
          end[q++] = g[k + 1]!;
        }
    }
    DIGIT_RUNS.count = count;
    digitRunsOf = runs;
  }
  return DIGIT_RUNS;
}

const OWN_RUNS: DigitRuns = { count: 0, start: new Int32Array(64), end: new Int32Array(64) };
const DIGIT_RUN_RE = /[0-9]+/g;

/**
 * The maximal runs of ASCII digits of `text`, searched here (for a record whose shared scan is not made; see
 * `knownDigitRuns`). The result is valid until the next call.
 * @example asciiDigitRuns("zip 12345-6789").count // 2
 */
export function asciiDigitRuns(text: string): DigitRuns {
  const re = DIGIT_RUN_RE;
  re.lastIndex = 0;
  let count = 0;
  while (re.test(text)) {
    const j = re.lastIndex;
    let i = j - 1;
    for (let c = 0; i > 0 && (c = text.charCodeAt(i - 1)) >= 48 && c <= 57;) i--;
    if (count === OWN_RUNS.start.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      OWN_RUNS.start = grow(OWN_RUNS.start);
      OWN_RUNS.end = grow(OWN_RUNS.end);
    }
    OWN_RUNS.start[count] = i;
    OWN_RUNS.end[count++] = j;
  }
  OWN_RUNS.count = count;
  return OWN_RUNS;
}

/**
 * `digitCount(input)` when another recognizer already scanned this input's digit runs, else -1 (for
 * recognizers whose own cheap test beats a scan of their own, but that can use a shared one for free).
 * @example knownDigitCount({ text: "a1", lower: "a1", channel: "typed" }) // -1 (not scanned yet)
 */
export function knownDigitCount(input: RecognizerInput): number {
  return known(input) ? digitCount(input) : -1;
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
  // (the offsets first, and the text kept after a match: an equal text of another record compares letter by
  // letter, and this runs for every run of digits, 200K letters of "0x" took 1.8 s instead of 0.1 s)
  if (pos >= tokStart && pos < tokEnd && tokText === text) {
    tokText = text;
    return tokEnd - tokStart;
  }
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
