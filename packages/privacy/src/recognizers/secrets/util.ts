/**
 * Shared helpers of the secrets group: detection builder, character classes, entropy, placeholder tests,
 * base64 decoding and the one-pass scan for long token-like runs that several recognizers share.
 * Everything here is linear in its input and allocation-light.
 */
import type { Detection, RecognizerInput } from "../../types.js";

export { NO_DETECTIONS, results } from "../results.js";

/** Secrets are always level 4. */
export const SECRET_LEVEL = 4 as const;

/**
 * Build a `SECRET:<kind>` detection.
 * @example secretDetection(0, 4, "github", 0.95, "secret-tokens").type // "SECRET:github"
 */
export function secretDetection(
  start: number,
  end: number,
  kind: string,
  score: number,
  recognizer: string,
): Detection {
  return { start, end, type: `SECRET:${kind}`, score, level: SECRET_LEVEL, recognizer };
}

// ---------------------------------------------------------------------------------------------------------------
// Character classes (ASCII lookup tables; everything non-ASCII is "other").

const enum C {
  LOWER = 1,
  UPPER = 2,
  DIGIT = 4,
  /** Characters that may appear inside a token run besides letters and digits: _ - . + / = ~ : $ % @ */
  RUNPUNCT = 8,
  /** Characters of identifiers (keys): letters, digits, _ - . $ */
  IDENT = 16,
  /** base64 / base64url alphabet plus padding */
  B64 = 32,
  HEX = 64,
}

const CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  let v = 0;
  if (ch >= "a" && ch <= "z") v |= C.LOWER | C.IDENT | C.B64;
  if (ch >= "A" && ch <= "Z") v |= C.UPPER | C.IDENT | C.B64;
  if (ch >= "0" && ch <= "9") v |= C.DIGIT | C.IDENT | C.B64 | C.HEX;
  if ((ch >= "a" && ch <= "f") || (ch >= "A" && ch <= "F")) v |= C.HEX;
  if ("_-.+/=~:$%@".includes(ch)) v |= C.RUNPUNCT;
  if ("_-.$".includes(ch)) v |= C.IDENT;
  if ("+/=_-".includes(ch)) v |= C.B64;
  CLASS[c] = v;
}

const cls = (code: number): number => (code < 128 ? CLASS[code]! : 0);

/** ASCII letter. @example isAsciiLetter("a".charCodeAt(0)) // true */
export const isAsciiLetter = (code: number): boolean => (cls(code) & (C.LOWER | C.UPPER)) !== 0;
/** ASCII letter or digit. @example isAsciiAlnum("7".charCodeAt(0)) // true */
export const isAsciiAlnum = (code: number): boolean => (cls(code) & (C.LOWER | C.UPPER | C.DIGIT)) !== 0;
/** ASCII digit. @example isDigit("7".charCodeAt(0)) // true */
export const isDigit = (code: number): boolean => code >= 48 && code <= 57;
/** Character of a token run: ASCII letters, digits and `_-.+/=~:$%@`. @example isRunChar("~".charCodeAt(0)) // true */
export const isRunChar = (code: number): boolean =>
  (cls(code) & (C.LOWER | C.UPPER | C.DIGIT | C.RUNPUNCT)) !== 0;
/** Character of an identifier such as `AWS_SECRET_ACCESS_KEY` or `db.password`. @example isIdentChar(95) // true */
export const isIdentChar = (code: number): boolean => (cls(code) & C.IDENT) !== 0;
/** base64/base64url character or '='. @example isB64Char("+".charCodeAt(0)) // true */
export const isB64Char = (code: number): boolean => (cls(code) & C.B64) !== 0;
/** Hex digit. @example isHexChar("f".charCodeAt(0)) // true */
export const isHexChar = (code: number): boolean => (cls(code) & C.HEX) !== 0;
/** Unicode letter or digit (for word boundaries in prose). @example isWordChar("é".charCodeAt(0)) // true */
export function isWordChar(code: number): boolean {
  if (code < 128) return isAsciiAlnum(code) || code === 95;
  return WORDCHAR_RE.test(String.fromCharCode(code));
}
const WORDCHAR_RE = /[\p{L}\p{N}\p{M}]/u;

// ---------------------------------------------------------------------------------------------------------------
// Statistics of candidate values.

/** Counts of character kinds in a string. */
export interface CharStats {
  lower: number;
  upper: number;
  digit: number;
  other: number;
}

/** @example charStats("aB3-").other // 1 */
export function charStats(s: string): CharStats {
  const st = { lower: 0, upper: 0, digit: 0, other: 0 };
  for (let i = 0; i < s.length; i++) {
    const k = cls(s.charCodeAt(i));
    if (k & C.LOWER) st.lower++;
    else if (k & C.UPPER) st.upper++;
    else if (k & C.DIGIT) st.digit++;
    else st.other++;
  }
  return st;
}

/**
 * Shannon entropy of the characters of `s`, in bits per character.
 * @example shannonEntropy("aaaa") // 0
 * @example shannonEntropy("abcd") // 2
 */
export function shannonEntropy(s: string): number {
  const n = s.length;
  if (n === 0) return 0;
  // Counts per code unit in first-occurrence order (the order the terms are summed in, so results are
  // reproducible); ASCII in a scratch table, anything else in a map.
  let distinct = 0;
  let other: Map<number, number> | undefined;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 128) {
      const k = ENT_COUNT[c]!;
      ENT_COUNT[c] = k + 1;
      if (k === 0) ENT_ORDER[distinct++] = c;
    } else {
      other ??= new Map();
      const k = other.get(c);
      if (k === undefined) {
        other.set(c, 1);
        ENT_ORDER[distinct++] = c;
      } else other.set(c, k + 1);
    }
  }
  let h = 0;
  for (let j = 0; j < distinct; j++) {
    const c = ENT_ORDER[j]!;
    let k: number;
    if (c < 128) {
      k = ENT_COUNT[c]!;
      ENT_COUNT[c] = 0;
    } else k = other!.get(c)!;
    const p = k / n;
    h -= p * Math.log2(p);
  }
  return h;
}
// Scratch of shannonEntropy (left zeroed after each call). ENT_ORDER holds at most one entry per code unit.
const ENT_COUNT = new Int32Array(128);
const ENT_ORDER: number[] = [];

/**
 * The entropy (bits/char) a random-looking secret of this length is expected to exceed. Short strings cannot
 * reach high per-character entropy, so the bar rises with length.
 * @example entropyThreshold(16) // 3
 */
export function entropyThreshold(length: number): number {
  if (length < 20) return 3.0;
  if (length < 32) return 3.2;
  return 3.4;
}

/**
 * True when `s` looks like random key material: long enough, mixed character kinds, high entropy, not a
 * sequence or repetition.
 * @example looksRandom("ahDzWAqqBHgpAeUBUULuU0gA4p09rt0WDAsUOmFg") // true
 * @example looksRandom("not_a_real_token") // false
 */
export function looksRandom(s: string, minLength = 16): boolean {
  const n = s.length;
  if (n < minLength) return false;
  const st = charStats(s);
  const letters = st.lower + st.upper;
  // Random tokens of 16+ chars almost always mix digits in; long ones may be letters only if mixed-case, and
  // shorter ones too when their case changes as often as chance makes it ("NnjLTNSdKTwNZbyV", not "XMLHttpRequest")
  const mixed =
    (letters > 0 && st.digit > 0) ||
    (st.lower > 0 && st.upper > 0 && st.other === 0 && st.digit === 0 && (n >= 24 || caseIrregular(s)));
  if (!mixed) return false;
  // an identifier of words in camel case, however long: "formatNationalNumberWithNextDigits" (random letters put a
  // capital beside another, or one letter between two, long before such a length)
  if (st.digit === 0 && st.other === 0 && CAMEL_WORDS.test(s) && camelPartsPronounceable(s)) return false;
  if (isSequenceOrRepeat(s)) return false;
  return shannonEntropy(s) >= (st.other === 0 && isHexOnly(s) ? hexEntropyThreshold(n) : entropyThreshold(n));
}

/** Four or more words in camel case, each a capital then two or more small letters (the first may be all small). */
const CAMEL_WORDS = /^(?:[a-z]{2,}|[A-Z][a-z]{2,})(?:[A-Z][a-z]{2,}){3,}$/;

/**
 * Every part of a camel-case identifier has a vowel and no four consonants in a row, as words do: of random
 * mixed-case letters of 16 to 40 characters, 2 in 100,000 pass this and CAMEL_WORDS (measured on 2 million).
 */
function camelPartsPronounceable(s: string): boolean {
  let vowel = false;
  let run = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i) | 32;
    if (i > 0 && s.charCodeAt(i) < 97) {
      if (!vowel) return false;
      vowel = false;
      run = 0;
    }
    if (c === 97 || c === 101 || c === 105 || c === 111 || c === 117 || c === 121) {
      vowel = true;
      run = 0;
    } else if (++run >= 4) return false;
  }
  return vowel;
}

/**
 * Hex has 16 symbols, so a random hex string's entropy sits lower than a base62 one's: the threshold is about
 * the 1st percentile of random hex of that length (measured on 20,000 strings a length: 16 → 2.69, 24 → 3.04,
 * 32 → 3.26, 40 → 3.40, 64 → 3.63), never above the general one.
 */
function hexEntropyThreshold(n: number): number {
  return Math.min(entropyThreshold(n), 3.95 - 24 / n);
}

/** Digits and hex letters of one case only ("9f86d081884c7d65", "9F86D081884C7D65"). */
function isHexOnly(s: string): boolean {
  let lower = false;
  let upper = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 97 && c <= 102) lower = true;
    else if (c >= 65 && c <= 70) upper = true;
    else if (c < 48 || c > 57) return false;
  }
  return !(lower && upper);
}

/**
 * Letters whose case changes at least once in four characters and with no lower-case run longer than six: how
 * random mixed-case letters look (of 20,000 random 16-letter strings, 95 % change case 4 times or more), and what
 * identifiers made of words do not ("NotFoundException" has runs of 7).
 * @example caseIrregular("NnjLTNSdKTwNZbyV") // true
 * @example caseIrregular("userPassword") // false
 */
export function caseIrregular(s: string): boolean {
  let changes = 0;
  let run = 0;
  let prevUpper = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const upper = c >= 65 && c <= 90;
    if (i > 0 && upper !== prevUpper) changes++;
    run = upper ? 0 : run + 1;
    if (run > 6) return false;
    prevUpper = upper;
  }
  return changes * 4 >= s.length;
}

/**
 * A run of one character or of a short repeated unit, or an ascending/descending sequence.
 * @example isSequenceOrRepeat("abababab") // true
 * @example isSequenceOrRepeat("123456789") // true
 */
export function isSequenceOrRepeat(s: string): boolean {
  const n = s.length;
  if (n < 2) return true;
  for (let unit = 1; unit <= 4 && unit * 2 <= n; unit++) {
    let ok = true;
    for (let i = unit; i < n && ok; i++) if (s.charCodeAt(i) !== s.charCodeAt(i - unit)) ok = false;
    if (ok) return true;
  }
  let up = true;
  let down = true;
  for (let i = 1; i < n; i++) {
    const d = s.charCodeAt(i) - s.charCodeAt(i - 1);
    if (d !== 1) up = false;
    if (d !== -1) down = false;
  }
  return up || down;
}

// ---------------------------------------------------------------------------------------------------------------
// Regular expressions.

/**
 * Shortest and longest length (UTF-16 code units; Infinity when unbounded) of the strings a regular expression
 * source can match, for the syntax the secret tables use: literals, escapes (`\d`, `\.`, `\uXXXX`…),
 * classes, groups, lookarounds, anchors and the quantifiers `? * + {n} {n,} {n,m}` (and their lazy forms).
 * A string whose length lies outside the range cannot match, so the range filters candidates before a regex
 * runs. Without the `u` flag: there a class may match two code units.
 * @example matchLengthRange("^(?:key-)?[a-f0-9]{32}$") // [32, 36]
 */
export function matchLengthRange(source: string): readonly [number, number] {
  let i = 0;
  const fail = (): never => {
    throw new Error(`matchLengthRange: unsupported syntax in ${source} at ${i}`);
  };
  function alternatives(): [number, number] {
    const r = sequence();
    while (source[i] === "|") {
      i++;
      const b = sequence();
      r[0] = Math.min(r[0], b[0]);
      r[1] = Math.max(r[1], b[1]);
    }
    return r;
  }
  function sequence(): [number, number] {
    let min = 0;
    let max = 0;
    while (i < source.length && source[i] !== "|" && source[i] !== ")") {
      let lo = 1;
      let hi = 1;
      const c = source[i]!;
      if (c === "(") {
        i++;
        let zeroWidth = false;
        if (source[i] === "?") {
          const k = source[i + 1];
          if (k === "=" || k === "!") {
            zeroWidth = true;
            i += 2;
          } else if (k === "<" && (source[i + 2] === "=" || source[i + 2] === "!")) {
            zeroWidth = true;
            i += 3;
          } else if (k === ":") i += 2;
          else fail();
        }
        const inner = alternatives();
        if (source[i] !== ")") fail();
        i++;
        [lo, hi] = zeroWidth ? [0, 0] : inner;
      } else if (c === "[") {
        i++;
        if (source[i] === "^") i++;
        if (source[i] === "]") i++;
        while (i < source.length && source[i] !== "]") i += source[i] === "\\" ? 2 : 1;
        if (i >= source.length) fail();
        i++;
      } else if (c === "\\") {
        const e = source[i + 1];
        if (e === "b" || e === "B") lo = hi = 0;
        else if (e === "p" || e === "P" || e === "k" || (e !== undefined && e >= "1" && e <= "9")) fail();
        i += e === "u" ? 6 : e === "x" ? 4 : 2;
      } else if (c === "^" || c === "$") {
        lo = hi = 0;
        i++;
      } else if (c === "*" || c === "+" || c === "?" || c === "{" || c === "]" || c === "}") fail();
      else i++;
      let qmin = 1;
      let qmax = 1;
      const q = source[i];
      if (q === "?") [qmin, qmax] = [0, 1];
      else if (q === "*") [qmin, qmax] = [0, Infinity];
      else if (q === "+") [qmin, qmax] = [1, Infinity];
      else if (q === "{") {
        const close = source.indexOf("}", i);
        const m = /^(\d+)(,(\d*))?$/.exec(source.slice(i + 1, close));
        if (close < 0 || !m) fail();
        qmin = Number(m![1]);
        qmax = m![2] === undefined ? qmin : m![3] === "" ? Infinity : Number(m![3]);
        i = close;
      }
      if (q === "?" || q === "*" || q === "+" || q === "{") {
        i++;
        if (source[i] === "?") i++; // lazy
      }
      min += lo * qmin;
      max += hi === 0 || qmax === 0 ? 0 : hi * qmax;
    }
    return [min, max];
  }
  const r = alternatives();
  if (i !== source.length) fail();
  return r;
}

// ---------------------------------------------------------------------------------------------------------------
// Placeholders.

const TEMPLATE_START =
  /^(?:\$\{|\$\(|\{\{|\{%|<%|%\(|#\{|\$[A-Z_][A-Z0-9_]*$|\$[a-z_]+$|%[A-Z_][A-Z0-9_]*%|<[^>]{0,60}>|\[[^\]]{0,60}\]$|\{[^}]{0,60}\}$)/;
const TEMPLATE_ANY = /\$\{[^}]{0,80}\}|\{\{[^}]{0,80}\}\}|\$\([^)]{0,80}\)|<[a-z_ -]{2,40}>/i;
const CODE_REF =
  /^(?:process\.env|os\.environ|os\.getenv|getenv|env\(|env\.|environ|secrets\.|vars\.|config\.|settings\.|self\.|this\.|import\.meta|system\.getenv|configuration\[|context\.|std::env|dotenv)/i;
const PLACEHOLDER_WORDS =
  /example|sample|placeholder|changeme|change_me|change-me|changeit|replace|insert|redacted|not[_\- ]?a[_\- ]?real|notreal|\*\*\*|\.\.\.|••|●●|foobar|_here\b|goes[_\- ]?here/i;
// Short words turn up inside random tokens (about one 40-character token in 5,000 holds "your", "fake" or "todo"
// somewhere, in some mix of cases), so they mark a placeholder only as a word of their own: one case (your, YOUR,
// Your), starting the value, after a non-letter, or as a whole camel-case hump (myFakeKey).
const SHORT_PLACEHOLDER = /your|fake|todo|dummy|lorem|fixme/gi;
// A mask is written in one case, and is either long or a part of its own (sk-xxxx, xxxx-xxxx); xXxX, or four
// x's inside letters and digits, is a random run.
const MASK_RUN = /x{6}|X{6}|(?<![A-Za-z0-9])(?:x{4,}|X{4,})(?![A-Za-z0-9])/;

function hasShortPlaceholderWord(v: string): boolean {
  SHORT_PLACEHOLDER.lastIndex = 0;
  for (let m: RegExpExecArray | null; (m = SHORT_PLACEHOLDER.exec(v));) {
    const w = m[0];
    const i = m.index;
    const rest = w.slice(1);
    const lower = w === w.toLowerCase();
    const capital = !lower && w[0] === w[0]!.toUpperCase() && rest === rest.toLowerCase();
    if (!lower && !capital && w !== w.toUpperCase()) continue; // fAke, ToDo: mixed case, part of a random run
    const before = i === 0 ? 0 : v.charCodeAt(i - 1);
    const beforeLetter = (before | 0x20) >= 97 && (before | 0x20) <= 122;
    if (!beforeLetter) return true;
    // a hump ends where the next one starts (myFakeKey, myFake2), not inside lowercase (fwFakekq is random)
    const after = v.charCodeAt(i + w.length);
    if (capital && before >= 97 && before <= 122 && !(after >= 97 && after <= 122)) return true;
  }
  return false;
}

/**
 * A documentation placeholder, template variable, masked value or code reference rather than a secret.
 * @example isPlaceholder("${DB_PASSWORD}") // true
 * @example isPlaceholder("<your-api-key>") // true
 * @example isPlaceholder("********") // true
 * @example isPlaceholder("k8Hq2mZx9") // false
 * @example isPlaceholder("BfJBTpKdyHR68uByourJvEJT29zuvPDv9") // false ("your" inside a random run)
 */
export function isPlaceholder(value: string): boolean {
  const v = value.trim();
  if (v.length === 0) return true;
  if (TEMPLATE_START.test(v) || TEMPLATE_ANY.test(v) || CODE_REF.test(v)) return true;
  if (PLACEHOLDER_WORDS.test(v) || MASK_RUN.test(v)) return true;
  // "YourApiKeyHere" is a placeholder; "YourHicxraxJJu7wy62mf6SD9" is a random token that starts with "Your"
  if (hasShortPlaceholderWord(v) && !looksRandom(v.replace(SHORT_PLACEHOLDER, ""), 12)) return true;
  if (/^[*•●xX.#_\-?]+$/.test(v)) return true;
  return false;
}

/**
 * Names made of lower-case words: a property's or package's dotted path ("acme.orders.retry_policy",
 * "spring.datasource.url") and a package with its version ("jjwt-jackson-0.11.2", "spring-boot-starter-3.2.1").
 */
const NAME_PATH =
  /^[a-z][a-z0-9-]*:\d+(?:\.[\w-]+)*$|^[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*){2,}$|^[a-z]{2,}[0-9]?(?:-[a-z]{2,}[0-9]?)+(?:-\d+(?:\.\d+)*)?$/;

/**
 * The longest run of characters that each follow the one before in the alphabet ("abcdefgh", "123456789"): an
 * alphabet written out ("ABC…xyz0123456789") or a made-up value counting up. Random values have none of 8 or more.
 */
function ascendingRun(v: string): number {
  let best = 1;
  let run = 1;
  for (let i = 1; i < v.length; i++) {
    run = v.charCodeAt(i) === v.charCodeAt(i - 1) + 1 ? run + 1 : 1;
    if (run > best) best = run;
  }
  return best;
}

/**
 * A name, not a secret: a dotted path or package coordinate of lower-case words, or a value with an alphabet's
 * run in it (see NAME_PATH and ascendingRun).
 * @example isNameOrAlphabet("spring.datasource.url") // true
 * @example isNameOrAlphabet("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz") // true
 * @example isNameOrAlphabet("k8Hq2mZx9PqL4wRtY7vB3n") // false
 */
export function isNameOrAlphabet(v: string): boolean {
  return NAME_PATH.test(v) || ascendingRun(v) >= 8;
}

/** The word for "password" in the supported languages other than English and German, as a regular expression's alternation. */
export const FOREIGN_PASSWORD_WORDS =
  "kennwort|wachtwoord|contrase[ñn]a|senha|mot de passe|l[öo]senord|salasana|has[łl]o|heslo|[şs]ifre|jelsz[óo]|adgangskode|passord";
/** A password word of the supported languages, inside a lower-cased text. */
const PASSWORD_WORD_IN = new RegExp(`pass ?words?|passwor[dt]|passwd|${FOREIGN_PASSWORD_WORDS}`);

/**
 * Words, not a password: a value of several words that names a password or reads as a sentence, the text of a
 * form's label or message in a translation file (`"password_mismatch": "Passwords do not match"`, `new_password:
 * "Nouveau mot de passe"`). A passphrase of plain words ("correct horse battery staple") is still a password.
 * @example isPasswordMessage("Confirm password") // true
 * @example isPasswordMessage("Please try again.") // true
 * @example isPasswordMessage("correct horse battery staple") // false
 */
export function isPasswordMessage(v: string): boolean {
  const t = v.trim();
  if (!/\s/.test(t)) return false;
  return PASSWORD_WORD_IN.test(t.toLowerCase()) || /[.?!…:]$/.test(t);
}

/** A word of a command line: where it stands and what the shell passes (its quoted parts joined). */
export interface ShellWord {
  start: number;
  end: number;
  value: string;
}

/**
 * The shell word that starts at `start` (no space skipped): bare and quoted parts up to a space or the command's end
 * (a line break, `;`, `|` or `&`), 1,024 characters at most; null where a quote is left open or nothing is there.
 * @example shellWordAt(`-u kevin:'pa ss' -X`, 3) // { start: 3, end: 16, value: "kevin:pa ss" }
 */
export function shellWordAt(text: string, start: number): ShellWord | null {
  const lim = Math.min(text.length, start + 1024);
  let i = start;
  let value = "";
  while (i < lim) {
    const c = text.charCodeAt(i);
    if (c === 34 || c === 39) {
      let close = i + 1;
      while (close < lim && text.charCodeAt(close) !== c && text.charCodeAt(close) !== 10) close++;
      if (close >= lim || text.charCodeAt(close) !== c) return null;
      value += text.slice(i + 1, close);
      i = close + 1;
    } else if (c === 32 || c === 9 || isCommandEnd(c)) break;
    else {
      value += text[i];
      i++;
    }
  }
  return i > start && value.length > 0 ? { start, end: i, value } : null;
}

/** A character that ends a command: a line break, `;`, `|` or `&`. */
export function isCommandEnd(c: number): boolean {
  return c === 10 || c === 13 || c === 59 || c === 124 || c === 38;
}

/**
 * A path of two directories or more from the root or the home directory: a working directory, not a password.
 * @example isAbsolutePath("/home/dev/projects") // true
 * @example isAbsolutePath("/xK9#pL2") // false
 */
export function isAbsolutePath(v: string): boolean {
  return /^~?(?:\/[\w.-]+){2,}\/?$/.test(v);
}

// prettier-ignore
const TRIVIAL = new Set([
  "true", "false", "null", "nil", "none", "undefined", "empty", "default", "string", "value", "values",
  "required", "optional", "secret", "secrets", "password", "passwd", "pwd", "passphrase", "credentials",
  "credential", "token", "key", "apikey", "api_key", "test", "tests", "testing", "test123", "testtest", "demo",
  "admin", "root", "user", "username", "guest", "changeme", "changeit", "letmein", "qwerty", "abc123", "123456",
  "1234", "12345", "1234567", "12345678", "123456789", "1234567890", "000000", "0000", "111111", "password1",
  "password123", "foo", "bar", "baz", "foobar", "xyz", "abc", "mysecret", "mypassword", "yourpassword",
  "p@ssw0rd", "p@ssword",
]);

/**
 * A well-known trivial value used in code and config examples (also booleans and null).
 * @example isTrivialValue("changeme") // true
 */
export function isTrivialValue(value: string): boolean {
  return TRIVIAL.has(value.trim().toLowerCase());
}

// ---------------------------------------------------------------------------------------------------------------
// base64.

const B64_VALUE = new Int16Array(128).fill(-1);
for (let i = 0; i < 64; i++) {
  B64_VALUE["ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".charCodeAt(i)] = i;
}
B64_VALUE[45] = 62; // '-' (base64url)
B64_VALUE[95] = 63; // '_' (base64url)

/**
 * Decode base64 or base64url (padding optional) into bytes; null when `s` has other characters.
 * Decodes at most `maxBytes` bytes.
 * @example new TextDecoder().decode(decodeBase64("eyJhbGciOiJIUzI1NiJ9")!) // '{"alg":"HS256"}'
 */
export function decodeBase64(s: string, maxBytes = 1 << 20): Uint8Array | null {
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 61) end--;
  const outLen = Math.min(maxBytes, Math.floor((end * 6) / 8));
  const out = new Uint8Array(outLen);
  let acc = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < end && o < outLen; i++) {
    const c = s.charCodeAt(i);
    const v = c < 128 ? B64_VALUE[c]! : -1;
    if (v < 0) return null;
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}

/**
 * Decode base64(url) to a latin-1 string (each byte one char); null if not base64.
 * @example decodeBase64Text("aGVsbG8=") // "hello"
 */
export function decodeBase64Text(s: string, maxBytes = 4096): string | null {
  const b = decodeBase64(s, maxBytes);
  if (!b) return null;
  let r = "";
  for (let i = 0; i < b.length; i++) r += String.fromCharCode(b[i]!);
  return r;
}

/**
 * True when a base64 value decodes to readable text (letters and spaces): an encoded phrase, not random bytes.
 * @example decodesToProse("ZHVtbXkgdGV4dCBkYXRhIGRhdGEgZGF0YQ==") // true
 */
export function decodesToProse(s: string): boolean {
  if (s.length < 8 || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(s)) return false;
  const t = decodeBase64Text(s, 512);
  if (t === null || t.length < 6) return false;
  let printable = 0;
  let spaces = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 32 && c < 127) printable++;
    if (c === 32) spaces++;
  }
  return printable === t.length && spaces >= 1;
}

// ---------------------------------------------------------------------------------------------------------------
// Text helpers.

/**
 * The lower-cased text with the same length as `text` (String#toLowerCase can lengthen a few characters,
 * e.g. 'İ'; then map character by character so offsets stay valid).
 * @example alignedLower({ text: "AB", lower: "ab", channel: "typed" }) // "ab"
 */
export function alignedLower(input: RecognizerInput): string {
  const { text, lower } = input;
  if (lower.length === text.length) return lower;
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const l = ch.toLowerCase();
    out += l.length === 1 ? l : ch;
  }
  return out;
}

/**
 * Start of the line containing `pos`, looking back at most `max` chars.
 * @example lineStart("ab\ncd", 4) // 3
 */
export function lineStart(text: string, pos: number, max = 400): number {
  const from = Math.max(0, pos - max);
  for (let i = pos - 1; i >= from; i--) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i + 1;
  }
  return from;
}

// ---------------------------------------------------------------------------------------------------------------
// Long token runs, computed once per text and shared by the recognizers that need them.

/** Runs shorter than this are never examined (no provider token is shorter). */
export const MIN_RUN = 16;

/** Token runs as a flat list of [start, end) pairs. */
export type TokenRuns = readonly number[];

const EMPTY_RUNS: TokenRuns = [];

/** 1 for token-run characters (ASCII letters, digits, `_-.+/=~:$%@`), by char code. */
const RUN = new Uint8Array(128);
for (let c = 0; c < 128; c++) RUN[c] = isRunChar(c) ? 1 : 0;

/**
 * Maximal runs of token characters (ASCII letters, digits, `_-.+/=~:$%@`) at least `MIN_RUN` long, as a flat
 * array of [start, end) pairs.
 * Any run of `MIN_RUN` characters contains a position that is a multiple of `MIN_RUN` minus one, so only those
 * positions are probed; a probe that lands on a run character is extended both ways. Prose (short words)
 * costs about a quarter of a full scan.
 * @example Array.from(tokenRuns("key ghp_0123456789abcdefABCDEF ok")) // [4, 30]
 */
export function tokenRuns(text: string): TokenRuns {
  const n = text.length;
  let found: number[] | undefined;
  let p = MIN_RUN - 1;
  while (p < n) {
    const c = text.charCodeAt(p);
    if (c >= 128 || RUN[c] === 0) {
      p += MIN_RUN;
      continue;
    }
    let s = p;
    while (s > 0) {
      const b = text.charCodeAt(s - 1);
      if (b >= 128 || RUN[b] === 0) break;
      s--;
    }
    let e = p + 1;
    while (e < n) {
      const b = text.charCodeAt(e);
      if (b >= 128 || RUN[b] === 0) break;
      e++;
    }
    if (e - s >= MIN_RUN) (found ??= []).push(s, e);
    p = Math.max(p + MIN_RUN, e + MIN_RUN);
  }
  return found ?? EMPTY_RUNS;
}
