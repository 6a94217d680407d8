/**
 * OCR misreads what the recognizers key on: digits as the letters they look like ("2O 7946 O958", "1lll",
 * "67B9", an IBAN's "DEO8"), a 5 as "$", an IP address's dot as a comma, an e-mail's "@" as "¢" or "©". The
 * recognizers then see no value and it is stored. The engine also reads OCR text with those misreadings folded
 * back (same length, so offsets hold), and keeps what either reading finds. The misreadings are the ones real
 * Tesseract made on rendered screens (`npm run bench -- ocr`).
 */

import { isAsciiLetter, isDigit } from "./recognizers/contact/chars.js";
import { GTLDS, MAIL_LABELS } from "./recognizers/contact/email.js";

/** Letters OCR gives for digits, and the digit each stands for. */
const CONFUSED: Readonly<Record<string, string>> = {
  O: "0",
  o: "0",
  D: "0",
  Q: "0",
  I: "1",
  l: "1",
  "|": "1",
  Z: "2",
  z: "2",
  S: "5",
  s: "5",
  G: "6",
  B: "8",
};

/** A digit or a character OCR gives for one, as a regular expression's class (an IBAN's "@" too: "DE@2"). */
const DIGIT_LIKE = `[0-9${Object.keys(CONFUSED).join("")}@]`;

/** A character of a token that may be a number: a digit, or a letter OCR gives for one. */
function numberish(c: string): boolean {
  return (c >= "0" && c <= "9") || CONFUSED[c] !== undefined;
}

/**
 * `text` as OCR misread it, read back; the same length, so offsets hold, and text with nothing to fold comes back
 * as it is (the same string). In order, each reading the last one's result:
 * - every run of digits and digit-like letters that holds a digit and no other letter, written with digits only;
 * - an IBAN's check digits after its country code ("DEO8 1175…", "DE@2 0284…" are DE08, DE02);
 * - a "$" that continues a number's groups ("4111 $121 8177", "$105 6069 7925") as 5, where its line holds no
 *   other "$";
 * - a dot between an IBAN's groups as the space it was ("GB66 WEST 7407 3368 1772.44");
 * - four groups of digits joined by dots and at least one comma, with commas as dots ("198,51.100.7");
 * - "¢", "©", "®" between an address's local part and its domain as "@"; a doubled "@@" there as "_@";
 * - a "g" or "G" (or else an "e") between an address's local part and its domain ("ilsa.prenn54gexample.com"), on a
 *   line that labels an address ("Email", "From:", "Reply to", "Kontakt"…) or inside angle brackets, as "@"; an "&"
 *   for an 8 before an address's "@" or the digits before it ("vennik8&@", "prenn&3@");
 * - an "@" for the first digit of a number's groups ("SSN: @11-62-5516") or of an IBAN's group ("9474 @870") as 0;
 * - "{", "}", ")", "]" or "|" between two letters or digits of a long random-looking token ("…Cyo4E{PCVtb…") as
 *   the letter it was (f, J, J, J, I), so that a key reads as one token;
 * - an AWS access key id's prefix and letters as they were ("AKTA…", "\KIA…", "…NY}" are AKIA…, …NYJ): its
 *   sixteen characters are capitals and the digits 2 to 7, so a 0, 1 or 8 there is O, I or B, "@" is O, and ")",
 *   "}", "]", "|" are J or I.
 * @example foldOcrMisreads("Call +44 2O 7946 O958") // "Call +44 20 7946 0958"
 * @example foldOcrMisreads("SOS at 10 o'clock") // "SOS at 10 o'clock"
 * @example foldOcrMisreads("Host 198,51.100.7") // "Host 198.51.100.7"
 */
export function foldOcrMisreads(text: string): string {
  // A step may make a run another step reads ("CDB|DE@2 0284…": DE02 makes the run before it an IBAN's), so the
  // steps are repeated until nothing changes: folding the result again then changes nothing. Each step only turns
  // characters OCR misreads into what they stand for, so a few rounds settle it.
  let t = text;
  for (let round = 0; round < 4; round++) {
    let u = foldDigitRuns(t);
    u = foldIbanCheck(u);
    u = foldDollarFive(u);
    u = foldIbanDots(u);
    u = foldIpCommas(u);
    u = foldAtSigns(u);
    u = foldGAt(u);
    u = foldAmpersandEight(u);
    u = foldAtZero(u);
    u = foldTokenBrackets(u);
    u = foldAwsKeyIds(u);
    if (u === t) break;
    t = u;
  }
  return t;
}

/** Digit-like letters inside number-like runs (the first step of `foldOcrMisreads`). */
function foldDigitRuns(text: string): string {
  let out: string[] | undefined;
  let i = 0;
  while (i < text.length) {
    if (!numberish(text[i]!)) {
      i++;
      continue;
    }
    // the whole run of letters and digits around it must be number-like, or it is a word ("Oslo", "B2B" stays)
    let e = i;
    let digits = 0;
    let letters = 0;
    while (e < text.length && numberish(text[e]!)) {
      if (text[e]! >= "0" && text[e]! <= "9") digits++;
      else letters++;
      e++;
    }
    const before = i > 0 ? text.charCodeAt(i - 1) : 32;
    const after = e < text.length ? text.charCodeAt(e) : 32;
    const wordAround = isLetter(before) || isLetter(after);
    // at least as many real digits as letters: "O958", "1lll"? (1 of 4) is a run a card's group reads as digits
    // only beside other digit groups, so a single digit with letters must sit between numbers
    if (
      letters > 0 &&
      digits > 0 &&
      !wordAround &&
      (digits >= letters || besideNumber(text, i, e)) &&
      !ibanStart(text, i, e)
    ) {
      out ??= text.split("");
      for (let k = i; k < e; k++) {
        const d = CONFUSED[text[k]!];
        if (d !== undefined) out[k] = d;
      }
    }
    i = e;
  }
  return out === undefined ? text : out.join("");
}

/**
 * The run s..e ends in an IBAN's country code and check digits ("GB82 WEST…", "|GB82 WEST…"): the IBAN rule reads
 * them, not this one.
 */
function ibanStart(text: string, s: number, e0: number): boolean {
  const up = (k: number) => text.charCodeAt(k) >= 65 && text.charCodeAt(k) <= 90;
  // (a check digit read as "@" ends the run before it: "GB9@ MIDL…")
  const e = text.charCodeAt(e0) === 64 ? e0 + 1 : e0;
  return e - s >= 4 && up(e - 4) && up(e - 3) && IBAN_NEXT_GROUP_RE.test(text.slice(e, e + 5));
}
// (the next group as read or as folded, so that folding twice changes nothing more)
const IBAN_NEXT_GROUP_RE = new RegExp(`^ ?(?:[A-Z]|${DIGIT_LIKE}){4}`);

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 127;
}

/**
 * Another number-like run stands within two characters before `s` or after `e`: "4111 1111 1lll 1111" (judged
 * by the characters as read, so that folding twice changes nothing more).
 */
function besideNumber(text: string, s: number, e: number): boolean {
  const near = (k: number) => k >= 0 && k < text.length && numberish(text[k]!);
  return near(s - 2) || near(s - 3) || near(e + 1) || near(e + 2);
}

/**
 * An IBAN's country code and check digits as OCR may read them (a letter or "@" for a digit), then its next group
 * as read or as folded (so that folding twice changes nothing more). Check digits read as two letters count only
 * where digits follow as an IBAN's do ("GBOS WEST 8173 4384…").
 */
const IBAN_CHECK = `([A-Z]{2})(${DIGIT_LIKE}{2})(?= ?(?:[A-Z]|${DIGIT_LIKE}){4})`;
const IBAN_CHECK_RE = new RegExp(`(?<![A-Za-z0-9])${IBAN_CHECK}`, "g");
const IBAN_CHECK_ANY_RE = new RegExp(IBAN_CHECK);
const IBAN_DIGITS_AFTER_RE = /^(?: ?[A-Z0-9]{4}){2}(?: ?[0-9]{4})/;

function foldIbanCheck(text: string): string {
  if (!IBAN_CHECK_ANY_RE.test(text)) return text;
  return text.replace(IBAN_CHECK_RE, (m, cc: string, check: string, at: number) => {
    // one real digit at least, or an IBAN's groups after it: "ABOS DATA" stays
    if (!/[0-9]/.test(check) && !IBAN_DIGITS_AFTER_RE.test(text.slice(at + 4, at + 20))) return m;
    return cc + check.replace(/[^0-9]/g, (c) => (c === "@" ? "0" : CONFUSED[c]!));
  });
}

/** An IBAN's groups, one of them split by a dot where a space was ("1772.44", "4672.089259"). */
const IBAN_DOTTED_RE = /(?<![A-Za-z0-9])[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]{4}){3,7}(?:[ .][A-Z0-9]{1,4}){1,5}/g;

function foldIbanDots(text: string): string {
  if (text.indexOf(".") < 0 || !/[A-Z]{2}[0-9]{2}/.test(text)) return text;
  return text.replace(IBAN_DOTTED_RE, (m) => {
    // a dot between two digits, after three groups of four at least (an IBAN has fifteen characters or more)
    if (m.indexOf(".") < 0) return m;
    return m.replace(/(?<=[0-9])\.(?=[0-9])/g, " ");
  });
}

const IP_COMMA_RE = /(?<![0-9.,])[0-9]{1,3}(?:[.,][0-9]{1,3}){3}(?![0-9]|[.,][0-9])/g;

/**
 * (An address's first number has two digits or three and some number three, which a list of decimals seldom has:
 * "1.5,2.5" stays.)
 */
function foldIpCommas(text: string): string {
  if (text.indexOf(",") < 0) return text;
  return text.replace(IP_COMMA_RE, (m) =>
    m.includes(".") && m.includes(",") && /^[0-9]{2}/.test(m) && /(?:^|[.,])[0-9]{3}(?![0-9])/.test(m)
      ? m.replace(/,/g, ".")
      : m,
  );
}

/** A "$" after a group of digits, or opening a group that two groups of four follow (a card's). */
const DOLLAR_RE =
  /(?<=[0-9] )\$(?=[0-9]{2,}(?![A-Za-z]))|\$(?=[0-9]{2,4}(?: [0-9]{3,8}){2,3}(?![0-9A-Za-z]))/;

/** A line (of a screen's many) that holds one "$" and no other: a line with two or more is a line of prices. */
const ONE_DOLLAR_LINE_RE = /^[^\n$]*\$[^\n$]*$/gm;

function foldDollarFive(text: string): string {
  if (text.indexOf("$") < 0) return text;
  return text.replace(ONE_DOLLAR_LINE_RE, (line) => line.replace(DOLLAR_RE, "5"));
}

/**
 * A local part's last character, then the misread "@" before a domain (a label, dots, letters; OCR may put a space
 * after a dot), or the first of a doubled "@".
 */
const AT_DOMAIN = String.raw`[A-Za-z0-9-]+(?:\. ?[A-Za-z0-9-]+)*\. ?[A-Za-z]{2,}`;
const AT_RE = new RegExp(String.raw`(?<=[A-Za-z0-9._%+-])(?:[¢©®](?=${AT_DOMAIN})|@(?=@${AT_DOMAIN}))`, "g");

function foldAtSigns(text: string): string {
  if (!/[¢©®]|@@/.test(text)) return text;
  return text.replace(AT_RE, (m) => (m === "@" ? "_" : "@"));
}

/** An AWS access key id's prefix as OCR reads it (AKIA, ASIA), then sixteen characters, in a word of its own. */
const AWS_ID_RE = /(?<![A-Za-z0-9])(?:A|\\|4)(?:K|S)(?:I|T|1|l|\|)A[A-Z0-9)}\]|@]{16}(?![A-Za-z0-9])/g;
const AWS_BODY: Readonly<Record<string, string>> = {
  "0": "O",
  "1": "I",
  "8": "B",
  ")": "J",
  "}": "J",
  "]": "J",
  "|": "I",
  "@": "O",
};

function foldAwsKeyIds(text: string): string {
  if (!/[KS][IT1l|]A/.test(text)) return text;
  return text.replace(AWS_ID_RE, (m) => {
    const body = m.slice(4).replace(/[018)}\]|@]/g, (c) => AWS_BODY[c]!);
    // (a run that is no key id after all: sixteen characters of a key id hold a letter)
    if (!/[A-Z]/.test(body)) return m;
    return "A" + m[1] + "IA" + body;
  });
}

/** A label of an address on a screen's line (`MAIL_LABELS`). */
const MAIL_CUE_RE = new RegExp(`(?:^|[^\\p{L}])(?:${MAIL_LABELS.join("|")})(?!\\p{L})`, "iu");
/** Longest word read as an address (an address has at most 254 characters). */
const MAX_ADDRESS = 320;

function isAddressChar(c: number): boolean {
  return (
    // (a letter with an accent: OCR's reading of a digit or letter of the local part, "maqsSégexample.org")
    (c >= 0xc0 && c <= 0xff && c !== 0xd7 && c !== 0xf7) ||
    isAlnum(c) ||
    c === 46 || // .
    c === 95 || // _
    c === 37 || // %
    c === 43 || // +
    c === 45 // -
  );
}
function isAlnum(c: number): boolean {
  return isAsciiLetter(c) || isDigit(c);
}
function isDomainChar(c: number): boolean {
  return isAlnum(c) || c === 45 || c === 46;
}

/**
 * OCR reads an address's "@" as "g" (or "G") in some fonts, and nothing in the word then tells it from a host name
 * ("ilsa.prenn54gexample.com", "images.google.com"): only a line that labels an address, or angle brackets around
 * it, do. The "g" is the first one after which the rest of the word is a domain (labels and dots, a known top-level
 * domain, OCR's ". " spacing allowed) and before which a local part stands (two characters or more, starting with a
 * letter or digit, not ending in a dot). Each word is read once, forwards then backwards (linear).
 */
function foldGAt(text: string): string {
  if ((text.indexOf("g") < 0 && text.indexOf("G") < 0 && text.indexOf("e") < 0) || text.indexOf(".") < 0)
    return text;
  let out: string[] | undefined;
  let line = 0;
  let cued = -1; // the line starting at `line` holds a label (1), or not (0); -1: not read yet
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c0 = text.charCodeAt(i);
    if (c0 === 10) {
      line = i + 1;
      cued = -1;
    }
    if (!isAddressChar(c0)) {
      i++;
      continue;
    }
    // the word: address characters, and a space after a dot before a letter ("example. com")
    let e = i;
    while (e < n && e - i <= MAX_ADDRESS) {
      const c = text.charCodeAt(e);
      if (isAddressChar(c) || (c === 32 && e > i && text.charCodeAt(e - 1) === 46 && isLetterAt(text, e + 1)))
        e++;
      else break;
    }
    if (e - i > MAX_ADDRESS) {
      while (e < n && isAddressChar(text.charCodeAt(e))) e++;
      i = e;
      continue;
    }
    const s = i;
    i = e;
    // a sentence's full stop after the word is no part of it
    while (e > s && text.charCodeAt(e - 1) === 46) e--;
    const before = s > 0 ? text.charCodeAt(s - 1) : 32;
    const after = e < n ? text.charCodeAt(e) : 32;
    // an address's own parts (either side of an "@"), or a link's host ("https://…", "www.…")
    if (before === 64 || after === 64 || before === 47 || before === 58 || text.startsWith("www.", s))
      continue;
    const g = gBeforeDomain(text, s, e);
    if (g < 0) continue;
    if (!(before === 60 && after === 62)) {
      if (cued === -1) {
        let le = text.indexOf("\n", line);
        if (le < 0) le = n;
        cued = MAIL_CUE_RE.test(text.slice(line, le)) ? 1 : 0;
      }
      if (cued === 0) continue;
    }
    out ??= text.split("");
    out[g] = "@";
  }
  return out === undefined ? text : out.join("");
}

function isLetterAt(text: string, k: number): boolean {
  return k < text.length && isAsciiLetter(text.charCodeAt(k));
}

/** The offset of the "g" in s..e that stands for an address's "@" (see `foldGAt`), or -1. */
function gBeforeDomain(text: string, s: number, e: number): number {
  // the top-level domain: letters after the last dot
  let t = e;
  while (t > s && isLetterAt(text, t - 1)) t--;
  const tldLen = e - t;
  // its dot, right before it or before OCR's space
  const lastDot = text.charCodeAt(t - 1) === 32 ? t - 2 : t - 1;
  if (tldLen < 2 || tldLen > 24 || lastDot - s < 3 || text.charCodeAt(lastDot) !== 46) return -1;
  const tld = text.slice(t, e).toLowerCase();
  if (tldLen !== 2 && !GTLDS.has(tld)) return -1;
  // the domain's characters reach back to q (a space only after a dot)
  let q = t;
  while (q > s) {
    const c = text.charCodeAt(q - 1);
    if (isDomainChar(c) || (c === 32 && text.charCodeAt(q - 2) === 46)) q--;
    else break;
  }
  // a "g", or else an "e" (Tesseract gives both for "@" in small type: "vennik53eexample.org")
  for (const letter of [103, 101]) {
    for (let p = Math.max(q - 1, s + 2); p < lastDot - 1; p++) {
      const c = text.charCodeAt(p);
      if ((letter === 103 ? c | 32 : c) !== letter) continue;
      if (!isAlnum(text.charCodeAt(p + 1)) || !isAlnum(text.charCodeAt(s))) continue;
      const l = text.charCodeAt(p - 1);
      if (l === 46 || l === 32) continue;
      return p;
    }
  }
  return -1;
}

/** A bracket or bar OCR gives for a letter of a token, and the letter ("{" for f, "}", ")", "]" for J, "|" for I). */
const BRACKET_LETTER: Readonly<Record<string, string>> = { "{": "f", "}": "J", ")": "J", "]": "J", "|": "I" };
/** A run of a token's characters and those brackets, long enough to be a key (16+). */
const TOKEN_RUN_RE = /[A-Za-z0-9{})\]|]{16,512}/g;

function foldTokenBrackets(text: string): string {
  if (!/[A-Za-z0-9][{})\]|][A-Za-z0-9]/.test(text)) return text;
  return text.replace(TOKEN_RUN_RE, (m) =>
    /[{})\]|]/.test(m) && /[a-z]/.test(m) && /[A-Z]/.test(m) && /[0-9]/.test(m)
      ? m.replace(/(?<=[A-Za-z0-9])[{})\]|](?=[A-Za-z0-9])/g, (c) => BRACKET_LETTER[c]!)
      : m,
  );
}

/**
 * An "&" for an 8 in a local part's last characters, before its "@" or the digits before it
 * ("zorqual.vennik8&@example.org", "prenn&3@example.net").
 */
const AMP_AT_RE = /(?<=[A-Za-z0-9])&(?=[0-9]{0,3}@[A-Za-z0-9])/g;

function foldAmpersandEight(text: string): string {
  return text.indexOf("&") < 0 || text.indexOf("@") < 0 ? text : text.replace(AMP_AT_RE, "8");
}

/**
 * An "@" for the first digit of a number printed in groups ("SSN: @11-62-5516"): after no word or address character,
 * before two digits, a dash, dot or space and another digit (a handle, "@10 people", stays).
 */
const AT_DIGIT_RE = /(?<![A-Za-z0-9@._%+-])@(?=[0-9]{2}[-. ][0-9])/g;
/** An "@" for the 0 that starts a group of an IBAN's digits ("GB43 NWBK 9474 @870 4620 82"). */
const IBAN_GROUP_AT_RE =
  /(?<=(?<![A-Za-z0-9])[A-Z]{2}[0-9]{2}(?: [A-Z0-9]{4}){1,6} )@(?=[0-9]{3}(?![A-Za-z0-9]))/g;

function foldAtZero(text: string): string {
  return text.indexOf("@") < 0 ? text : text.replace(AT_DIGIT_RE, "0").replace(IBAN_GROUP_AT_RE, "0");
}
