/**
 * One-pass word tokeniser shared by the recognizers (people, special categories and the cheap gates of
 * the engine). It classifies UTF-16 code units with a 64K lookup table (built once, lazily) so that
 * scanning costs one array read per character, and writes tokens into reusable typed arrays (no
 * allocation per record once they are large enough). The same pass notes which punctuation occurs
 * (`chars`) and counts digits, so that a recognizer can tell in O(1) that a record cannot hold its
 * entity.
 */
import { isWordChar as specialWordChar } from "../special/lexicon.js";
import { lexicon } from "./lexicon.js";

/** Character classes (bits of the table entries). */
const T_UP = 1; // an upper- or title-case letter
const T_LO = 2; // any other letter (lower-case, caseless scripts, modifier letters)
const T_MARK = 4; // a combining mark (continues a word)
const T_DIGIT = 8; // a decimal digit of any script
const T_WORD = T_UP | T_LO | T_MARK | T_DIGIT;
const T_LETTER = T_UP | T_LO;
const T_NONASCII = 16; // a code unit >= 128
/** The special-category scanner's notion of a word character differs from this one for the unit. */
const T_DISAGREE = 32;
const T_ASCII_DIGIT = 64; // 0-9
const T_UNSEEN = 128; // not classified yet (never combined with other bits)
const T_JOINED = 128; // (token accumulator only, where T_UNSEEN never occurs) an inner apostrophe or hyphen

/** Bits of `Tokens.chars`: which characters occur in the text. */
export const CH_DIGIT = 1; // an ASCII digit
export const CH_UPPER = 2; // an upper-case letter (any script)
export const CH_AT = 4; // @
export const CH_COLON = 8; // :
export const CH_SLASH = 16; // /
export const CH_DOT = 32; // .
export const CH_HYPHEN = 64; // -
export const CH_UNDERSCORE = 128; // _
export const CH_EQUALS = 256; // =
export const CH_NEWLINE = 512; // \n or \r
export const CH_NONASCII = 1024; // a code unit >= 128
export const CH_PLUS = 2048; // +
export const CH_HASH = 4096; // #
export const CH_DOLLAR = 8192; // $
export const CH_PERCENT = 16384; // %
export const CH_AMP = 32768; // &
export const CH_QUOTE = 65536; // "
export const CH_APOS = 131072; // '
export const CH_PAREN = 262144; // ( ) [ ] { }
export const CH_BACKSLASH = 524288; // \
export const CH_COMMA = 1048576; // ,
export const CH_SEMI = 2097152; // ;
export const CH_ANGLE = 4194304; // < >
export const CH_TILDE = 8388608; // ~ ` ^ |
export const CH_QUESTION = 16777216; // ?
export const CH_EXCLAIM = 33554432; // !
export const CH_STAR = 67108864; // *
export const CH_SPACE = 134217728; // space, tab
export const CH_OTHER = 268435456; // any other ASCII control character
/** A combining mark occurs (tokens that hold one need NFC normalisation before a lookup). */
export const CH_MARK = 536870912;
/** Some character is a word character for the special-category scanner but not here, or the reverse. */
export const CH_SPECIAL_DISAGREE = 1073741824;

const ASCII_CH = new Int32Array(128);
{
  const set = (chars: string, bit: number) => {
    for (let k = 0; k < chars.length; k++) ASCII_CH[chars.charCodeAt(k)] = bit;
  };
  for (let c = 0; c < 32; c++) ASCII_CH[c] = CH_OTHER;
  ASCII_CH[127] = CH_OTHER;
  set("0123456789", CH_DIGIT);
  set("ABCDEFGHIJKLMNOPQRSTUVWXYZ", CH_UPPER);
  set("@", CH_AT);
  set(":", CH_COLON);
  set("/", CH_SLASH);
  set(".", CH_DOT);
  set("-", CH_HYPHEN);
  set("_", CH_UNDERSCORE);
  set("=", CH_EQUALS);
  set("\n\r", CH_NEWLINE);
  set("+", CH_PLUS);
  set("#", CH_HASH);
  set("$", CH_DOLLAR);
  set("%", CH_PERCENT);
  set("&", CH_AMP);
  set('"', CH_QUOTE);
  set("'", CH_APOS);
  set("()[]{}", CH_PAREN);
  set("\\", CH_BACKSLASH);
  set(",", CH_COMMA);
  set(";", CH_SEMI);
  set("<>", CH_ANGLE);
  set("~`^|", CH_TILDE);
  set("?", CH_QUESTION);
  set("!", CH_EXCLAIM);
  set("*", CH_STAR);
  set(" \t", CH_SPACE);
}

/**
 * The `Tokens.chars` bit that ASCII character `c` sets, 0 for a lower-case letter and any other code unit (the
 * lower-cased text holds a lower-case letter wherever the text holds either case, so no bit stands for it).
 * @example asciiCharBit(58) === CH_COLON // true
 */
export function asciiCharBit(c: number): number {
  return c < 128 ? ASCII_CH[c]! : 0;
}

/**
 * Character `c` is the only one whose presence sets its `Tokens.chars` bit (":" yes; "<" no, it shares CH_ANGLE
 * with ">").
 * @example isSoleChar(58) // true
 */
export function isSoleChar(c: number): boolean {
  const bit = asciiCharBit(c);
  if (bit === 0) return false;
  for (let d = 0; d < 128; d++) if (d !== c && ASCII_CH[d] === bit) return false;
  return true;
}

let table: Uint8Array | undefined;

/**
 * The class of every BMP code unit (surrogates count as OTHER). ASCII is filled at once; other code
 * units are classified the first time they are met (see classify), so building the table is cheap.
 */
function charTable(): Uint8Array {
  if (table) return table;
  const t = new Uint8Array(65536).fill(T_UNSEEN);
  for (let c = 0; c < 128; c++) {
    if (c >= 65 && c <= 90) t[c] = T_UP;
    else if (c >= 97 && c <= 122) t[c] = T_LO;
    else if (c >= 48 && c <= 57) t[c] = T_DIGIT | T_ASCII_DIGIT;
    else t[c] = 0;
  }
  for (let c = 0xd800; c <= 0xdfff; c++) t[c] = T_NONASCII;
  table = t;
  return t;
}

const UPPER_RE = /[\p{Lu}\p{Lt}]/u;
const LETTER_RE = /\p{L}/u;
const MARK_RE = /\p{M}/u;
const DIGIT_RE = /\p{Nd}/u;

/** Classify a code unit >= 128 not seen before and remember it. */
function classify(t: Uint8Array, c: number): number {
  const ch = String.fromCharCode(c);
  let k = UPPER_RE.test(ch)
    ? T_UP
    : LETTER_RE.test(ch)
      ? T_LO
      : MARK_RE.test(ch)
        ? T_MARK
        : DIGIT_RE.test(ch)
          ? T_DIGIT
          : 0;
  // the special-category scanner reads the lower-cased text: compare with both forms of the unit
  const word = k !== 0;
  const lc = ch.toLowerCase();
  if (specialWordChar(c) !== word || (lc.length === 1 && specialWordChar(lc.charCodeAt(0)) !== word))
    k |= T_DISAGREE;
  k |= T_NONASCII;
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
export const K_NONASCII = 128; // holds a letter, mark or digit >= 128 (a joining ’ does not count)

/** Tokens of a text as parallel arrays (start, end exclusive, kind); only the first `count` are valid. */
export interface Tokens {
  start: Int32Array;
  end: Int32Array;
  kind: Uint8Array;
  count: number;
  /** 0 when the text has no upper-case letter (it is written in lower case), else > 0. */
  uppers: number;
  /** Which characters occur (CH_* bits). */
  chars: number;
  /** Memo of `wordBits` per token (-1: not looked up yet), valid for `bitsLower` (filled on first use). */
  bits: Int32Array;
  bitsLower: string | undefined;
  /**
   * Key of the special-category scanner (see special/lexicon.ts `keyOf`: its first four characters,
   * lower-cased) of every token that holds neither a code unit >= 128 nor an inner apostrophe or hyphen;
   * meaningless for the others. Computed in the same pass, so that the scanner reads no character again.
   */
  specialKey: Int32Array;
}

let bufStart = new Int32Array(256);
let bufEnd = new Int32Array(256);
let bufKind = new Uint8Array(256);
let bufBits = new Int32Array(256);
let bufSKey = new Int32Array(256);
/** The one result object of `tokenize`, overwritten by every call (no allocation per record). */
const TOKS: Tokens = {
  start: bufStart,
  end: bufEnd,
  kind: bufKind,
  count: 0,
  uppers: 0,
  chars: 0,
  bits: bufBits,
  bitsLower: undefined,
  specialKey: bufSKey,
};

/**
 * Split `text` into word tokens: runs of letters, marks and digits, with an apostrophe or hyphen
 * kept inside when a letter follows it ("O'Brien", "Hauta-aho", "al-Rashid"). The result is valid
 * until the next call (its arrays and the object itself are reused); copy what must outlive it.
 * @example tokenize("Hi Anna-Lena!").count // 2
 */
export function tokenize(text: string): Tokens {
  cacheText = undefined; // the buffers of the cached tokens are about to be overwritten
  const t = table ?? charTable();
  const n = text.length;
  if (bufStart.length < (n >> 1) + 2) {
    const cap = Math.max((n >> 1) + 2, bufStart.length * 2);
    bufStart = new Int32Array(cap);
    bufEnd = new Int32Array(cap);
    bufKind = new Uint8Array(cap);
    bufBits = new Int32Array(cap);
    bufSKey = new Int32Array(cap);
  }
  const start = bufStart;
  const end = bufEnd;
  const kind = bufKind;
  const skey = bufSKey;
  let count = 0;
  let chars = 0;
  let all = 0; // OR of the classes of every code unit
  let i = 0;
  outer: while (i < n) {
    let code = text.charCodeAt(i);
    let c = t[code]!;
    // skip what cannot start a word (punctuation, space, symbol, a combining mark with no letter before)
    while ((c & (T_LETTER | T_DIGIT)) === 0) {
      if (c === T_UNSEEN) {
        c = classify(t, code);
        if ((c & (T_LETTER | T_DIGIT)) !== 0) break;
      }
      if (code < 128) chars |= ASCII_CH[code]!;
      else all |= c;
      if (++i >= n) break outer;
      code = text.charCodeAt(i);
      c = t[code]!;
    }
    const s = i;
    const c0 = c;
    let seen = c;
    // the special-category key: a hash of the first four code units, lower-cased (right for ASCII only)
    let h = code | 32;
    let kc = 1;
    while (++i < n) {
      code = text.charCodeAt(i);
      c = t[code]!;
      if ((c & T_WORD) !== 0) {
        seen |= c;
        if (kc < 4) {
          h = (Math.imul(h, 31) + (code | 32)) | 0;
          kc++;
        }
        continue;
      }
      if (c === T_UNSEEN) {
        c = classify(t, code);
        if ((c & T_WORD) !== 0) {
          seen |= c;
          continue;
        }
      }
      if ((code === 39 || code === 45 || code === 0x2019) && i + 1 < n) {
        // an apostrophe or hyphen joins two letters
        const nc1 = text.charCodeAt(i + 1);
        let nc = t[nc1]!;
        if (nc === T_UNSEEN) nc = classify(t, nc1);
        if ((nc & T_LETTER) === 0) break;
        seen |= T_JOINED;
        if (code < 128) chars |= ASCII_CH[code]!;
        else all |= T_NONASCII;
        continue;
      }
      break;
    }
    let k = c0 & T_UP ? K_CAP : c0 & T_LO ? K_LOWER : K_DIGITS;
    if (seen !== c0) {
      if (seen & T_DIGIT) k |= K_DIGITS;
      if (seen & T_MARK) k |= K_MARKS;
      if (seen & T_JOINED) k |= K_JOINED;
    }
    if (seen & T_NONASCII) k |= K_NONASCII;
    if ((seen & (T_UP | T_LO)) === T_UP) {
      // upper-case letters and no lower-case one: an initial, or all capitals when two or more
      if (i - s === 1) k |= K_INITIAL;
      else {
        let ups = 0;
        for (let q = s; q < i && ups < 2; q++) ups += t[text.charCodeAt(q)]! & T_UP;
        if (ups >= 2) k |= K_ALLCAP;
      }
    }
    all |= seen;
    start[count] = s;
    end[count] = i;
    kind[count] = k;
    skey[count] = ((h & 0x07ffffff) << 3) | kc;
    count++;
  }
  if (all & T_ASCII_DIGIT) chars |= CH_DIGIT;
  if (all & T_UP) chars |= CH_UPPER;
  if (all & T_NONASCII) chars |= CH_NONASCII;
  if (all & T_MARK) chars |= CH_MARK;
  if (all & T_DISAGREE) chars |= CH_SPECIAL_DISAGREE;
  const r = TOKS;
  r.start = start;
  r.end = end;
  r.kind = kind;
  r.count = count;
  r.uppers = all & T_UP;
  r.chars = chars;
  r.bits = bufBits;
  r.specialKey = skey;
  r.bitsLower = undefined;
  return r;
}

let cacheText: string | undefined;

/**
 * Tokens of `text`, kept for the last text seen: the recognizers read the same record one after the
 * other, so it is tokenised once.
 * @example tokensOf("Anna Smith").count // 2
 */
export function tokensOf(text: string): Tokens {
  if (shownText === text) return shownToks!;
  if (cacheText !== text) {
    tokenize(text);
    cacheText = text;
  }
  return TOKS;
}

/**
 * A new batch begins: the copies made by `batchTokensOf` from now on may reuse the memory of the last batch's.
 * @example beginTokenBatch()
 */
export function beginTokenBatch(): void {
  arenaUsed = 0;
}

/**
 * The tokens of `text` as a copy that stays valid until the next `beginTokenBatch` (the result of `tokensOf` is
 * overwritten by the next text). The engine runs a batch recognizer by recognizer, so every record's tokens must
 * outlive the next record's; it hands them over with `showBatchTokens`.
 * @example beginTokenBatch(); const a = batchTokensOf("Anna"); batchTokensOf("Bob Lee"); a.count // 1
 */
export function batchTokensOf(text: string): Tokens {
  return copyTokens(tokensOf(text));
}

/** The batch is over: `tokensOf` and `peekTokens` no longer answer from the record last shown. @example endTokenBatch() */
export function endTokenBatch(): void {
  shownText = undefined;
  shownToks = undefined;
}

// The batch's copies live in large shared buffers (views, no allocation of memory per record: small typed arrays
// each with its own memory made the garbage collector the batch's largest cost).
let arena = new ArrayBuffer(0);
let arenaUsed = 0;

function copyTokens(t: Tokens): Tokens {
  const n = t.count;
  // four Int32 arrays then one Uint8 array, 4-byte aligned
  const bytes = 16 * n + ((n + 3) & ~3);
  if (arenaUsed + bytes > arena.byteLength) {
    arena = new ArrayBuffer(Math.max(256 * 1024, bytes));
    arenaUsed = 0;
  }
  const at = arenaUsed;
  arenaUsed += bytes;
  const start = new Int32Array(arena, at, n);
  const end = new Int32Array(arena, at + 4 * n, n);
  const specialKey = new Int32Array(arena, at + 8 * n, n);
  const bits = new Int32Array(arena, at + 12 * n, n);
  const kind = new Uint8Array(arena, at + 16 * n, n);
  const ts = t.start;
  const te = t.end;
  const tk = t.kind;
  const tkey = t.specialKey;
  for (let i = 0; i < n; i++) {
    start[i] = ts[i]!;
    end[i] = te[i]!;
    kind[i] = tk[i]!;
    specialKey[i] = tkey[i]!;
  }
  return {
    start,
    end,
    kind,
    count: n,
    uppers: t.uppers,
    chars: t.chars,
    bits,
    bitsLower: undefined,
    specialKey,
  };
}

/**
 * The tokens of `text` when the last `tokensOf` call was for it, else undefined: a recognizer that can
 * do without tokens uses them when another one has paid for them, and its own cheaper scan otherwise.
 * @example peekTokens("never seen") // undefined
 */
export function peekTokens(text: string): Tokens | undefined {
  if (shownText === text) return shownToks;
  return cacheText === text ? TOKS : undefined;
}

/** The record whose turn it is in the batch, and its tokens (see `showBatchTokens`). */
let shownText: string | undefined;
let shownToks: Tokens | undefined;

/**
 * The engine hands a batch's records to a recognizer one after the other: it names the record's tokens (made by
 * `batchTokensOf`) before each, and `tokensOf` and `peekTokens` answer from them for that text.
 * @example beginTokenBatch(); const t = batchTokensOf("Anna"); tokensOf("Bob"); showBatchTokens("Anna", t); peekTokens("Anna") === t // true
 */
export function showBatchTokens(text: string, toks: Tokens): void {
  shownText = text;
  shownToks = toks;
}

/**
 * Lexicon bits (L_*) of the whole word of token `i`: `lower[start..end)` when it can be read straight
 * from it, else the NFC-normalised lower-cased token. Memoised per token of the cached record.
 * @example wordBits(tokensOf("Hi Anna"), 1, "Hi Anna", "hi anna") & L_FIRST // 1
 */
export function wordBits(toks: Tokens, i: number, text: string, lower: string): number {
  if (toks.bitsLower !== lower) toks.bits.fill(-1, 0, toks.count);
  // (always: an equal text of another record, whose cached tokens these are, compares letter by letter until the
  // same string is kept here, and this runs for every word: 400K letters took 2.5 s instead of 0.06 s)
  toks.bitsLower = lower;
  const v = toks.bits[i]!;
  if (v >= 0) return v;
  const s = toks.start[i]!;
  const e = toks.end[i]!;
  const sameLen = lower.length === text.length;
  let b: number;
  if (sameLen && !(toks.kind[i]! & K_MARKS)) b = lexicon().getRange(lower, s, e);
  else {
    let k = sameLen ? lower.slice(s, e) : text.slice(s, e).toLowerCase();
    if (toks.kind[i]! & K_MARKS) k = k.normalize("NFC");
    b = lexicon().get(k);
  }
  toks.bits[i] = b;
  return b;
}

/**
 * A white-space character: what `\s` matches, and what String.prototype.trim removes (the same set).
 * @example isSpace(0xa0) // true (no-break space)
 */
export function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}
