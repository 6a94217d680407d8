/**
 * One-pass word tokeniser shared by the people recognizers. It classifies UTF-16 code units with a
 * 64K lookup table (built once, lazily) so that scanning costs one array read per character, and
 * writes tokens into reusable typed arrays (no allocation per record once they are large enough).
 */

/** Character classes. */
export const C_OTHER = 0;
export const C_UPPER = 1;
export const C_LOWER = 2; // any other letter (lower-case, caseless scripts, modifier letters)
export const C_MARK = 3; // combining mark (continues a word)
export const C_DIGIT = 4;

const C_UNSEEN = 255; // not classified yet

let table: Uint8Array | undefined;

/**
 * The class of every BMP code unit (surrogates count as OTHER). ASCII is filled at once; other code
 * units are classified the first time they are met (see classify), so building the table is cheap.
 */
export function charTable(): Uint8Array {
  if (table) return table;
  const t = new Uint8Array(65536).fill(C_UNSEEN);
  for (let c = 0; c < 128; c++) {
    if (c >= 65 && c <= 90) t[c] = C_UPPER;
    else if (c >= 97 && c <= 122) t[c] = C_LOWER;
    else if (c >= 48 && c <= 57) t[c] = C_DIGIT;
    else t[c] = C_OTHER;
  }
  for (let c = 0xd800; c <= 0xdfff; c++) t[c] = C_OTHER;
  table = t;
  return t;
}

const UPPER_RE = /[\p{Lu}\p{Lt}]/u;
const LETTER_RE = /\p{L}/u;
const MARK_RE = /\p{M}/u;
const DIGIT_RE = /\p{Nd}/u;

/** Classify a code unit not seen before and remember it. */
function classify(t: Uint8Array, c: number): number {
  const ch = String.fromCharCode(c);
  const k = UPPER_RE.test(ch)
    ? C_UPPER
    : LETTER_RE.test(ch)
      ? C_LOWER
      : MARK_RE.test(ch)
        ? C_MARK
        : DIGIT_RE.test(ch)
          ? C_DIGIT
          : C_OTHER;
  t[c] = k;
  return k;
}

/** Token kinds (bit set). */
export const K_CAP = 1; // first letter upper-case
export const K_ALLCAP = 2; // two or more letters, all upper-case
export const K_LOWER = 4; // first letter lower-case
export const K_DIGITS = 8; // contains a digit
export const K_INITIAL = 16; // a single upper-case letter (an initial)
export const K_MARKS = 32; // holds a combining mark (normalise to NFC before a lookup)
export const K_JOINED = 64; // holds an inner apostrophe or hyphen ("O'Brien", "I'm", "Hauta-aho")

/** Tokens of a text as parallel arrays (start, end exclusive, kind); only the first `count` are valid. */
export interface Tokens {
  start: Int32Array;
  end: Int32Array;
  kind: Uint8Array;
  count: number;
  /** Upper-case letters in the whole text (0: the text is written in lower case). */
  uppers: number;
}

/**
 * Split `text` into word tokens: runs of letters, marks and digits, with an apostrophe or hyphen
 * kept inside when a letter follows it ("O'Brien", "Hauta-aho", "al-Rashid"). The result is valid
 * until the next call (its arrays are reused); copy what must outlive it.
 * @example tokenize("Hi Anna-Lena!").count // 2
 */
export function tokenize(text: string): Tokens {
  cacheText = undefined; // the buffers of the cached tokens are about to be overwritten
  const t = charTable();
  const n = text.length;
  let cap = bufStart.length;
  if (cap < (n >> 1) + 2) {
    cap = Math.max((n >> 1) + 2, cap * 2);
    bufStart = new Int32Array(cap);
    bufEnd = new Int32Array(cap);
    bufKind = new Uint8Array(cap);
  }
  const start = bufStart;
  const end = bufEnd;
  const kind = bufKind;
  let count = 0;
  let allUppers = 0;
  let i = 0;
  while (i < n) {
    const code0 = text.charCodeAt(i);
    let c = t[code0]!;
    if (c === C_UNSEEN) c = classify(t, code0);
    if (c === C_OTHER || c === C_MARK) {
      i++;
      continue;
    }
    const s = i;
    let k = c === C_UPPER ? K_CAP : c === C_LOWER ? K_LOWER : K_DIGITS;
    let uppers = c === C_UPPER ? 1 : 0;
    let lowers = c === C_LOWER ? 1 : 0;
    i++;
    while (i < n) {
      const code = text.charCodeAt(i);
      c = t[code]!;
      if (c === C_UNSEEN) c = classify(t, code);
      if (c === C_LOWER) lowers++;
      else if (c === C_UPPER) uppers++;
      else if (c === C_DIGIT) k |= K_DIGITS;
      else if (c === C_MARK) k |= K_MARKS;
      else if ((code === 39 || code === 45 || code === 0x2019) && i + 1 < n) {
        // an apostrophe or hyphen joins two letters
        const nc1 = text.charCodeAt(i + 1);
        let nc = t[nc1]!;
        if (nc === C_UNSEEN) nc = classify(t, nc1);
        if (nc !== C_UPPER && nc !== C_LOWER) break;
        k |= K_JOINED;
      } else break;
      i++;
    }
    allUppers += uppers;
    if (uppers >= 2 && lowers === 0) k |= K_ALLCAP;
    if (uppers === 1 && lowers === 0 && i - s === 1) k |= K_INITIAL;
    start[count] = s;
    end[count] = i;
    kind[count] = k;
    count++;
  }
  return { start, end, kind, count, uppers: allUppers };
}

let cacheText: string | undefined;
let cacheToks: Tokens | undefined;
let bufStart = new Int32Array(256);
let bufEnd = new Int32Array(256);
let bufKind = new Uint8Array(256);

/**
 * Tokens of `text`, kept for the last text seen: the people recognizers read the same record one
 * after the other, so it is tokenised once.
 * @example tokensOf("Anna Smith").count // 2
 */
export function tokensOf(text: string): Tokens {
  if (cacheText !== text || !cacheToks) {
    cacheToks = tokenize(text);
    cacheText = text;
  }
  return cacheToks;
}
