/**
 * Scanner of grouped digit runs ("+41 (0)69 979 80 58", "259.735.7502x459", "2024-01-31") and the
 * shape tests that tell phone numbers from dates, versions, IPs, decimals and amounts. Shared by the
 * phone recognizer and its typed-text fallback; one linear pass over the text, no regex per position.
 */
import { codeAt, isAsciiLetter, isDigit, isGroupSpace, isWordCode } from "./chars.js";

/** One run of digit groups joined by phone-style separators. Offsets are UTF-16, end exclusive. */
export interface DigitRun {
  start: number;
  /** End of the number proper (before any extension). */
  numberEnd: number;
  /** End including the extension, if any. */
  end: number;
  /** Digits of the number proper, separators removed. */
  digits: string;
  /** Lengths of the digit groups, in order. */
  groups: number[];
  /** Start offset of each group. */
  groupStarts: number[];
  /** The separator text between consecutive groups (groups.length - 1 entries). */
  seps: string[];
  /** Written with a leading "+". */
  plus: boolean;
  /** Some group was in parentheses: "(0)", "(555)". */
  paren: boolean;
  /** Digits of an extension ("x123", "ext. 45"), or "". */
  ext: string;
}

const CURRENCY_BEFORE = new Set([
  0x24, 0xa2, 0xa3, 0xa5, 0x20ac, 0x20b9, 0x20bd, 0x20a9, 0x20a4, 0x20ba, 0x20b1,
]);
const CURRENCY_WORD =
  /^\s?(?:[$€£¥₹₽₩₺₱¢]|(?:usd|eur|gbp|chf|jpy|cny|inr|rub|sek|nok|dkk|pln|czk|huf|aud|cad|nzd|brl|mxn|zar|try|krw|kr|zł|zl|lei|dollars?|euros?|pounds?|yen|francs?|rupees?|kronor|kroner)(?![\p{L}\p{N}]))/u;
const CURRENCY_CODE_BEFORE =
  /(?:usd|eur|gbp|chf|jpy|cny|inr|rub|sek|nok|dkk|pln|aud|cad|nzd|brl|mxn|zar|rs\.?|r\$)\s?$/;
const UNIT_AFTER =
  /^\s?(?:%|‰|(?:[kmgtp]i?b|bytes?|bits?|kbps|mbps|gbps|ms|µs|ns|secs?|seconds?|mins?|minutes?|hours?|hrs?|km|mi|miles?|kg|mg|lbs?|px|pt|mm|cm|rows?|records?|lines?|pixels?|calories|kcal|mah|hz|khz|mhz|ghz|rpm|views?|downloads?|users?|people|times)(?![\p{L}\p{N}]))/u;

function isSepPunct(c: number): boolean {
  // '-', '.', '/', en dash, and the non-breaking hyphen
  return c === 45 || c === 46 || c === 47 || c === 0x2013 || c === 0x2011;
}

/**
 * Every digit run of `text` holding at least six digits (`from`, when given, is at or before the first digit).
 * Runs glued to letters ("A1234567", "1234567th") and parts of longer dotted or hyphenated tokens are
 * skipped. Time-like ends ("2024-01-31 14:30") are cut off. `lower` is `text.toLowerCase()`.
 * @example scanDigitRuns("call 555-0100 x12", "call 555-0100 x12")[0].ext // "12"
 */
export function scanDigitRuns(text: string, lower: string, from = 0): DigitRun[] {
  const out: DigitRun[] = [];
  // Prefilter in native code: two digits followed by four more digit-or-separator characters. Every
  // run of 6+ digits with a group of 2+ digits not at its very end has such a place; the reader then
  // walks back to the first digit of the run. `from`: no digit lies before it.
  const re = PAIR_THEN_MORE;
  re.lastIndex = from;
  let done = from;
  // test() + the match's fixed length (6) avoids allocating a match object per candidate
  while (re.test(text)) {
    const at = re.lastIndex - 6;
    let first = at;
    while (first > done && first > at - 24 && isRunChar(text.charCodeAt(first - 1))) first--;
    while (!isDigit(text.charCodeAt(first))) first++;
    const run = readRun(text, lower, first);
    if (run) out.push(run);
    done = Math.max(resumeAt, at + 2);
    re.lastIndex = done;
  }
  return out;
}

const PAIR_THEN_MORE = /[0-9]{2}[0-9 \-./()\u00a0\u202f\u2009\u2013\u2011]{4}/g;

function isRunChar(c: number): boolean {
  return isDigit(c) || isGroupSpace(c) || isSepPunct(c) || c === 40 || c === 41;
}

/** Shortest run reported: six digits (a phone needs a context word at that length). */
const MIN_RUN_DIGITS = 6;

/** Where scanning resumes after the last `readRun` call (module state: avoids a result object). */
let resumeAt = 0;
const scratchGroups: number[] = [];
const scratchStarts: number[] = [];

function readRun(text: string, lower: string, firstDigit: number): DigitRun | undefined {
  const n = text.length;
  // Where the number starts: an optional "+" and/or "(" just before the first digit.
  let start = firstDigit;
  let plus = false;
  let parenOpen = false;
  let paren = false;
  const p1 = codeAt(text, firstDigit - 1);
  if (p1 === 40 /* ( */) {
    start--;
    parenOpen = paren = true;
    if (codeAt(text, start - 1) === 43 /* + */) {
      start--;
      plus = true;
    }
  } else if (p1 === 43) {
    start--;
    plus = true;
    if (codeAt(text, start - 1) === 40) {
      start--;
      parenOpen = paren = true;
    }
  }
  let ng = 0; // groups read so far, kept in the scratch arrays until the run qualifies
  let digitCount = 0;
  let pos = firstDigit;
  let openedBySep = false;
  for (;;) {
    const gs = pos;
    while (pos < n && isDigit(text.charCodeAt(pos))) pos++;
    scratchGroups[ng] = pos - gs;
    scratchStarts[ng++] = gs;
    digitCount += pos - gs;
    // separator run: up to 2 spaces, one of - . / and one parenthesis
    const sp = pos;
    let spaces = 0;
    let punct = 0;
    let parens = 0;
    let open: boolean = parenOpen;
    while (pos < n) {
      const c = text.charCodeAt(pos);
      if (isGroupSpace(c)) {
        if (++spaces > 2) break;
      } else if (isSepPunct(c)) {
        if (++punct > 1) break;
      } else if (c === 40) {
        // "(+55 (18) 8730-3357)": a "(" before the "+" encloses the whole number, the area code has its own
        if (open && ng === 1 && plus && parenOpen && !openedBySep && text.charCodeAt(start) === 40) {
          start++;
          parenOpen = open = false;
        }
        if (open || ++parens > 1) break;
        open = true;
      } else if (c === 41) {
        if (!open || ++parens > 1) break;
        open = false;
      } else break;
      pos++;
    }
    if (pos > sp && pos < n && isDigit(text.charCodeAt(pos))) {
      if (open && !parenOpen) {
        paren = true;
        openedBySep = true;
      } else if (!open) openedBySep = false;
      parenOpen = open;
      continue;
    }
    // not followed by another group: keep a closing parenthesis that balances, drop the rest
    pos = sp;
    // a ")" closing a "(" opened between groups belongs to the number; one closing the "(" before
    // the first group wraps the whole number and is punctuation (dropped with its "(" below)
    if (parenOpen && openedBySep && codeAt(text, pos) === 41) {
      pos++;
      parenOpen = false;
    }
    break;
  }
  let numberEnd = pos;
  resumeAt = numberEnd;
  if (digitCount < MIN_RUN_DIGITS) return undefined;
  const groups = scratchGroups.slice(0, ng);
  const groupStarts = scratchStarts.slice(0, ng);
  let digits = "";
  const seps: string[] = [];
  for (let g = 0; g < groups.length; g++) {
    const gs = groupStarts[g]!;
    digits += text.slice(gs, gs + groups[g]!);
    if (g > 0) seps.push(text.slice(groupStarts[g - 1]! + groups[g - 1]!, gs));
  }
  if (parenOpen && !openedBySep && text.charCodeAt(start) === 40) {
    // a leading "(" that is never closed is punctuation around the number, not part of it
    start++;
    paren = seps.some((s) => s.includes("("));
  }

  // Left boundary: not glued to a word (but for the scripts written without spaces), a longer number, a price.
  const b = codeAt(text, start - 1);
  if (b >= 0) {
    // (Chinese, Japanese and Korean write a number right after a word: "有事打13812345678")
    if (isWordCode(b) && !isCjk(b)) return undefined;
    if (b === 64 /* @ */ || b === 37 /* % */ || CURRENCY_BEFORE.has(b)) return undefined;
    if (isGroupSpace(b) && CURRENCY_BEFORE.has(codeAt(text, start - 2))) return undefined;
    const bb = codeAt(text, start - 2);
    if (
      (isSepPunct(b) || b === 58 || b === 44 || b === 43 || b === 95) &&
      bb >= 0 &&
      isWordCode(bb) &&
      isDigit(bb)
    )
      return undefined;
    if (
      (b === 45 || b === 46 || b === 95) &&
      bb >= 0 &&
      isAsciiLetter(bb) &&
      (b !== 45 || isDigitOrLetterRunBefore(text, start - 2) || isHyphenatedBefore(text, start - 2))
    )
      return undefined;
  }
  if (mayBeWordBefore(text, start) && CURRENCY_CODE_BEFORE.test(lower.slice(Math.max(0, start - 5), start)))
    return undefined;

  // Right side: a time ("2024-01-31 14:30"), a decimal part, or a word glued on.
  let after = codeAt(text, numberEnd);
  if (after === 58 /* : */ && isDigit(codeAt(text, numberEnd + 1))) {
    // the last group starts a clock time: drop it
    if (groups.length < 2) return undefined;
    const last = groups.length - 1;
    numberEnd = groupStarts[last]! - seps[last - 1]!.length;
    digits = digits.slice(0, digits.length - groups[last]!);
    groups.pop();
    groupStarts.pop();
    seps.pop();
    after = codeAt(text, numberEnd);
  } else if ((after === 44 || after === 46) && isDigit(codeAt(text, numberEnd + 1))) {
    // 1 234 567,89 or the like; but a comma after a phone's length of digits written as no amount is (after a "+",
    // with a bracket, from a 0, in 3-3-4) separates a CSV row's fields: "+441412066558,215 Gwydr", "(785) 449-9333,791 Martin"
    const csvField =
      after === 44 &&
      digits.length >= 9 &&
      (plus ||
        paren ||
        (text.charCodeAt(start) === 48 && groups[0]! >= 2) ||
        // (North America's 3-3-4, grouped as no amount is: "619-638-8360", "940.531.7637")
        (groups.length >= 3 && groups[groups.length - 1] === 4 && digits.length >= 10));
    if (!csvField) return undefined;
  }

  // Extension: x123, ext. 45, extension 45, #45
  let end = numberEnd;
  let ext = "";
  const e = readExtension(text, lower, numberEnd);
  if (e) {
    end = e.end;
    ext = e.digits;
  } else if (after >= 0 && isWordCode(after) && !isCjk(after)) {
    return undefined;
  } else if (after === 46 && isAsciiLetter(codeAt(text, numberEnd + 1))) {
    return undefined; // a host name label: "user-7772205-0.db.example.com"
  }
  if (
    mayBeWordAfter(text, end) &&
    (UNIT_AFTER.test(lower.slice(end, end + 12)) || CURRENCY_WORD.test(lower.slice(end, end + 10)))
  )
    return undefined;
  if (codeAt(text, end) === 37) return undefined;
  resumeAt = Math.max(resumeAt, end);
  return { start, numberEnd, end, digits, groups, groupStarts, seps, plus, paren, ext };
}

/** Cheap gate for the currency-code test: a letter or '$' ends just before `start` (one space allowed). */
function mayBeWordBefore(text: string, start: number): boolean {
  let c = codeAt(text, start - 1);
  if (c === 32) c = codeAt(text, start - 2);
  return c === 36 || isAsciiLetter(c);
}

/** Cheap gate for the unit and currency tests: something other than plain punctuation follows. */
function mayBeWordAfter(text: string, end: number): boolean {
  let c = codeAt(text, end);
  if (isGroupSpace(c)) c = codeAt(text, end + 1);
  return c > 127 || isAsciiLetter(c) || c === 36 || c === 37;
}

/** The letters ending at `i` are one piece of a hyphenated token ("do-user-7772205"). */
function isHyphenatedBefore(text: string, i: number): boolean {
  let k = i;
  while (k >= 0 && i - k < 40 && isAsciiLetter(text.charCodeAt(k))) k--;
  return k >= 0 && (text.charCodeAt(k) === 45 || text.charCodeAt(k) === 95 || isDigit(text.charCodeAt(k)));
}

function isDigitOrLetterRunBefore(text: string, i: number): boolean {
  // "a456-426614174000" (a UUID tail), "build_2024010112": the run is one piece of a larger token when
  // the token before the separator mixes letters and digits.
  let sawDigit = false;
  for (let k = i; k >= 0 && k > i - 40; k--) {
    const c = text.charCodeAt(k);
    if (isDigit(c)) sawDigit = true;
    else if (!isAsciiLetter(c)) break;
  }
  return sawDigit;
}

function readExtension(text: string, lower: string, at: number): { end: number; digits: string } | undefined {
  let p = at;
  // a word after a comma too: "555-0100, ext. 12"; Canadian French "549 316-0012, poste 965"
  const comma = codeAt(text, p) === 44;
  if (comma) p++;
  if (isGroupSpace(codeAt(text, p))) p++;
  const c = codeAt(lower, p);
  let q = -1;
  if (c === 120 /* x */ && !comma) q = p + 1;
  else if (c === 35 /* # */ && !comma) q = p + 1;
  else if (lower.startsWith("ext", p)) {
    q = p + 3;
    if (lower.startsWith("ension", q)) q += 6;
    else if (lower.startsWith("n", q)) q += 1;
    if (codeAt(text, q) === 46) q++;
  } else if (lower.startsWith("poste", p)) q = p + 5;
  if (q < 0) return undefined;
  if (codeAt(text, q) === 58) q++;
  if (isGroupSpace(codeAt(text, q))) q++;
  const ds = q;
  while (q < text.length && q - ds < 7 && isDigit(text.charCodeAt(q))) q++;
  const len = q - ds;
  if (len < 1 || len > 6 || isWordCode(codeAt(text, q))) return undefined;
  // "x" glued to the number without space must be followed directly by digits ("555-0100x12")
  return { end: q, digits: text.slice(ds, q) };
}

// ---------------------------------------------------------------------------------------------
// Shape tests

function sepKind(s: string): string {
  // the separator with spaces and parentheses removed: "-", ".", "/", "" (spaces only)
  let k = "";
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isSepPunct(c)) k += c === 0x2013 || c === 0x2011 ? "-" : s[i];
  }
  return k;
}

function allSeps(run: DigitRun, kind: string): boolean {
  return run.seps.length > 0 && run.seps.every((s) => s === kind);
}

function num(run: DigitRun, gi: number): number {
  let o = 0;
  for (let k = 0; k < gi; k++) o += run.groups[k]!;
  let v = 0;
  for (let k = 0; k < run.groups[gi]!; k++) v = v * 10 + (run.digits.charCodeAt(o + k) - 48);
  return v;
}

function isYear(v: number): boolean {
  return v >= 1800 && v <= 2199;
}

function validDay(d: number, m: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

/**
 * Calendar dates and year ranges: 2024-01-31, 31/01/2024, 01.31.2024, 2024 01 31, 20240131, 1999-2005.
 * @example isDateShape(scanDigitRuns("2024-01-31", "2024-01-31")[0]) // true
 */
export function isDateShape(run: DigitRun): boolean {
  const g = run.groups;
  if (run.plus || run.paren) return false;
  if (g.length === 3) {
    const kind = sepKind(run.seps[0]!);
    if (kind !== sepKind(run.seps[1]!)) return false;
    if (g[0] === 4 && g[1]! <= 2 && g[2]! <= 2)
      return isYear(num(run, 0)) && validDay(num(run, 2), num(run, 1));
    if (g[0]! <= 2 && g[1]! <= 2 && (g[2] === 4 || g[2] === 2)) {
      if (g[2] === 4 && !isYear(num(run, 2))) return false;
      if (g[2] === 2 && kind === "") return false; // "21 12 34" is a phone, "21.12.34" a date
      const a = num(run, 0);
      const b = num(run, 1);
      return validDay(a, b) || validDay(b, a);
    }
    return false;
  }
  // a number, then an ISO date after a blank: "pts/1  2026-12-01" (a terminal's columns), "v2 2024-01-31"
  if (
    g.length === 4 &&
    sepKind(run.seps[0]!) === "" &&
    g[1] === 4 &&
    g[2]! <= 2 &&
    g[3]! <= 2 &&
    sepKind(run.seps[1]!) !== "" &&
    sepKind(run.seps[1]!) === sepKind(run.seps[2]!)
  )
    return isYear(num(run, 1)) && validDay(num(run, 3), num(run, 2));
  if (g.length === 2 && g[0] === 4 && g[1] === 4) {
    const k = sepKind(run.seps[0]!);
    return (
      (k === "-" || k === "/") && isYear(num(run, 0)) && isYear(num(run, 1)) && num(run, 1) >= num(run, 0)
    );
  }
  if (g.length === 1 && g[0] === 8) {
    const y = Number(run.digits.slice(0, 4));
    return y >= 1900 && y <= 2099 && validDay(Number(run.digits.slice(6, 8)), Number(run.digits.slice(4, 6)));
  }
  return false;
}

/**
 * An IPv4 address written with dots, alone or as a network ("10.0.0.0/24"): the IP recognizer owns it.
 * @example isIPv4Shape(scanDigitRuns("10.0.0.255", "10.0.0.255")[0]) // true
 */
export function isIPv4Shape(run: DigitRun): boolean {
  if (run.plus || run.paren) return false;
  const g = run.groups.length;
  // (and a network's prefix after it: "10.0.0.0/24")
  const cidr = g === 5 && run.seps[3] === "/" && run.groups[4]! <= 3 && num(run, 4) <= 128;
  if (g !== 4 && !cidr) return false;
  for (let k = 0; k < 3; k++) if (run.seps[k] !== ".") return false;
  for (let k = 0; k < 4; k++) if (run.groups[k]! > 3 || num(run, k) > 255) return false;
  return true;
}

/** Dotted groups are written like a phone number: a short lead group (country or trunk) then groups of 2-4. */
function phoneLikeDotted(run: DigitRun): boolean {
  const g = run.groups;
  for (let k = 1; k < g.length; k++) if (g[k]! < 2 || g[k]! > 4) return false;
  return g[0]! >= 1 && g[0]! <= 4;
}

/**
 * Version strings and build numbers (10.0.19045.3693, 120.0.6099.109), decimals (1234567.89) and
 * dot-grouped thousands (1.234.567).
 * @example isVersionOrDecimalShape(scanDigitRuns("10.0.19045.3693", "10.0.19045.3693")[0]) // true
 */
export function isVersionOrDecimalShape(run: DigitRun): boolean {
  if (!allSeps(run, ".") || run.plus || run.paren) return false;
  const g = run.groups;
  if (g.length === 2) return true; // one dot: a decimal number
  if (!phoneLikeDotted(run)) return true;
  // 1.234.567: thousands grouping
  if (g[0]! <= 3 && g.slice(1).every((x) => x === 3)) return true;
  return false;
}

/**
 * Payment-card shaped: 13-19 digits passing Luhn (the card recognizer owns these).
 * @example isCardShape(scanDigitRuns("4111 1111 1111 1111", "4111 1111 1111 1111")[0]) // true
 */
export function isCardShape(run: DigitRun): boolean {
  const d = run.digits;
  if (run.plus || d.length < 13 || d.length > 19) return false;
  let sum = 0;
  let dbl = false;
  for (let i = d.length - 1; i >= 0; i--) {
    let x = d.charCodeAt(i) - 48;
    if (dbl) {
      x *= 2;
      if (x > 9) x -= 9;
    }
    sum += x;
    dbl = !dbl;
  }
  return sum % 10 === 0;
}

/**
 * Grouped or plain like a telephone number: 7-15 digits, few groups, no group longer than 8 digits
 * (a plain run may be up to 12, or 15 after "+").
 * @example isPhoneShape(scanDigitRuns("+41 (0)69 979 80 58", "+41 (0)69 979 80 58")[0]) // true
 */
export function isPhoneShape(run: DigitRun): boolean {
  const d = run.digits.length;
  if (d < 7 || d > 15) return false;
  if (run.groups.length === 1) return d <= (run.plus ? 15 : 12);
  if (run.groups.length > 7) return false;
  for (const g of run.groups) if (g > 8) return false;
  return true;
}

/** Not a phone and not an identifier: a date, version, decimal, IPv4 address or a run of one repeated digit. */
export function isExcludedShape(run: DigitRun): boolean {
  return isDateShape(run) || isIPv4Shape(run) || isVersionOrDecimalShape(run) || isRepeatedDigit(run);
}

/** "0000000", "9999 9999": a placeholder or filler, not an identifier. */
function isRepeatedDigit(run: DigitRun): boolean {
  const d = run.digits;
  const c = d.charCodeAt(0);
  for (let i = 1; i < d.length; i++) if (d.charCodeAt(i) !== c) return false;
  return true;
}

/** Kana, CJK ideographs and Hangul syllables: scripts written without spaces between words and numbers. */
function isCjk(c: number): boolean {
  return (c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af);
}
