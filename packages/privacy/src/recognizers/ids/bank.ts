/**
 * Bank identifiers, level 4: IBAN (IBAN_CODE), US routing numbers (US_ROUTING), bank account numbers
 * announced by their label (BANK_ACCOUNT) and BIC/SWIFT codes announced by theirs (SWIFT_CODE).
 */
import type { Detection, Recognizer } from "../../types.js";
import { K, W, keywordBefore, maskBefore, recordWords } from "./keywords.js";
import {
  groupEnd,
  groupStart,
  isAsciiLetter,
  isDigit,
  isWordChar,
  numericRuns,
  runDigits,
  standsAlone,
} from "./scan.js";
import { abaRoutingValid, ibanLengthOf, ibanValid } from "./validators.js";
import { NONE, det, isTypedLike } from "./util.js";

const SP = 0x20;
const NBSP = 0xa0;
const DASH = 0x2d;

function isAlnum(c: number): boolean {
  return isDigit(c) || isAsciiLetter(c);
}

/**
 * IBANs: two letters of a country with an IBAN, two check digits, then the BBAN, compact or grouped
 * (single spaces or dashes between characters, usually every four), upper or lower case; the
 * country's length and ISO 7064 mod 97 must hold (0.95). Found from the digit runs: the check digits
 * are a run preceded by the country code. In typed text, an IBAN-shaped value of the right length
 * announced by "IBAN" is kept at 0.6 even when its checksum fails (a mistyped IBAN).
 */
export const iban: Recognizer = {
  id: "iban",
  types: ["IBAN_CODE"],
  triggers: { digit: true },
  detect(input) {
    const { text } = input;
    const n = text.length;
    let out: Detection[] | undefined;
    for (const run of numericRuns(input)) {
      const s = run.start;
      if (s < 2 || groupEnd(run, 0) - groupStart(run, 0) < 2) continue;
      const c1 = text.charCodeAt(s - 2);
      const c2 = text.charCodeAt(s - 1);
      if (!isAsciiLetter(c1) || !isAsciiLetter(c2) || (s >= 3 && isWordChar(text.charCodeAt(s - 3))))
        continue;
      const len = ibanLengthOf(c1, c2);
      if (!len) continue;
      let p = s - 2;
      let compact = "";
      let sepUsed = -1;
      while (compact.length < len && p < n) {
        const c = text.charCodeAt(p);
        if (isAlnum(c)) {
          compact += text[p];
          p++;
          continue;
        }
        if (
          (c === SP || c === NBSP || c === DASH) &&
          // a printed IBAN is grouped in fours (ISO 13616); a separator elsewhere ends it, or a country code and
          // two digits could be glued to the words that follow ("JE230469C team quick sent")
          compact.length >= 4 &&
          compact.length % 4 === 0 &&
          (sepUsed < 0 || sepUsed === c) &&
          p + 1 < n &&
          isAlnum(text.charCodeAt(p + 1))
        ) {
          sepUsed = c;
          p++;
          continue;
        }
        break;
      }
      const start = s - 2;
      if (compact.length !== len || (p < n && isWordChar(text.charCodeAt(p)))) {
        if (input.channel === "ocr") {
          const e = misreadIbanEnd(text, start, len);
          if (e > 0) (out ??= []).push(det(start, e, "IBAN_CODE", 0.6, "iban"));
        }
        continue;
      }
      if (ibanValid(compact)) (out ??= []).push(det(start, p, "IBAN_CODE", 0.95, "iban"));
      else if (
        isTypedLike(input.channel) &&
        /^[A-Za-z]{2}\d{2}[A-Za-z0-9]+$/.test(compact) &&
        (keywordBefore(text, start, K.IBAN) >= 0 ||
          (input.channel === "ocr" && misreadIbanEnd(text, start, len) > 0))
      )
        (out ??= []).push(det(start, p, "IBAN_CODE", 0.6, "iban"));
    }
    if (input.channel === "ocr") out = groupedAccounts(text, out);
    return out ?? NONE;
  },
};

/**
 * An account number printed in an IBAN's groups whose country code OCR broke ("GBG61 MIDL 2615 3003 2473 79",
 * "E61 9211 8524 8786 5438 81"): a head of two to five characters that starts with a letter and holds a digit (what
 * is left of the country code and check digits; "Visa" and "to" are words), perhaps a bank code's four capitals,
 * then two to seven groups of four with two digits or more each, and a shorter last group of digits; 15 to 34
 * characters in all. A card's four groups of four (no head, no short group) are the card recognizer's.
 */
const GROUPED_ACCOUNT_RE =
  /(?<![A-Za-z0-9])(?:([A-Za-z](?=[A-Za-z0-9]{0,3}[0-9])[A-Za-z0-9]{1,4} )(?:[A-Z]{4} )?)?(?:[0-9A-Z]{4} ){2,7}[0-9]{1,4}(?![A-Za-z0-9])/g;

function groupedAccounts(text: string, out: Detection[] | undefined): Detection[] | undefined {
  const re = GROUPED_ACCOUNT_RE;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const s = m.index;
    const e = s + m[0].length;
    if (!groupedAccount(m[0], m[1])) {
      // (read again from the next character: "IBAN DEO8 1175 …" is no account from "IBAN", but from "DEO8")
      re.lastIndex = s + 1;
      continue;
    }
    // (an IBAN the rules above found there already)
    if (out?.some((d) => d.start < e && d.end > s)) continue;
    (out ??= []).push(det(s, e, "IBAN_CODE", 0.6, "iban"));
  }
  return out;
}

/** The match `all` of GROUPED_ACCOUNT_RE, with its `head`, is an account's groups (see GROUPED_ACCOUNT_RE). */
function groupedAccount(all: string, head: string | undefined): boolean {
  const groups = all.split(" ");
  const last = groups[groups.length - 1]!;
  if (head === undefined && last.length === 4) return false;
  // a well-formed head (two letters, two digits) was judged by the rules above: its country is no IBAN's ("Model
  // AB12 3456 …")
  if (head !== undefined && /^[A-Za-z]{2}[0-9]{2} $/.test(head)) return false;
  // the groups after the head and a bank code hold two digits or more each (OCR reads some as letters: "S660")
  let from = head === undefined ? 0 : /^[A-Z]{4}$/.test(groups[1]!) ? 2 : 1;
  for (; from < groups.length - 1; from++) if (groups[from]!.replace(/[^0-9]/g, "").length < 2) return false;
  const chars = all.length - (groups.length - 1);
  return chars >= 15 && chars <= 34;
}

/**
 * End of an IBAN as OCR misread it, printed in groups from `start` (its country code), or -1: OCR changes, drops or
 * adds a character ("… 0398 571 14", "GB48 MIDI 0844…"), so the checksum fails and the length may be off by two.
 * What counts is the printed shape: three spaces at least between groups (a dot or comma OCR read before one is
 * allowed), every group after the second holding a digit (the words after it do not: "… 7328 22 thanks"), and a
 * length within two of the country's.
 */
function misreadIbanEnd(text: string, start: number, len: number): number {
  const n = text.length;
  let p = start;
  let count = 0;
  let groups = 1;
  while (p < n && count <= len + 2) {
    const c = text.charCodeAt(p);
    if (isAlnum(c)) {
      count++;
      p++;
      continue;
    }
    // a speck OCR read as a dot or comma after a group, before its space ("GB44 MIDL. 6830 …")
    let sp = p;
    if ((c === 46 || c === 44) && count > 0 && p + 1 < n && text.charCodeAt(p + 1) === SP) sp = p + 1;
    else if (c !== SP) break;
    if (sp + 1 >= n || !isAlnum(text.charCodeAt(sp + 1))) break;
    // the next group, beyond the second, must hold a digit (among its first eight characters: no group is longer)
    let digit = false;
    for (let q = sp + 1; q < n && q <= sp + 8 && isAlnum(text.charCodeAt(q)); q++)
      if (isDigit(text.charCodeAt(q))) digit = true;
    if (groups >= 2 && !digit) break;
    groups++;
    p = sp + 1;
  }
  if (p < n && isWordChar(text.charCodeAt(p))) return -1;
  return groups >= 4 && count >= len - 2 && count <= len + 2 ? p : -1;
}

const BIC_RE = /^[A-Za-z]{6}[A-Za-z0-9]{2}(?:[A-Za-z0-9]{3})?$/;

/** Find whole-word occurrences of `word` (lower case) in `lower`. */
function wordHits(lower: string, word: string): number[] {
  const out: number[] = [];
  let i = lower.indexOf(word);
  while (i >= 0) {
    const b = i > 0 ? lower.charCodeAt(i - 1) : NaN;
    const a = i + word.length < lower.length ? lower.charCodeAt(i + word.length) : NaN;
    if (!isWordChar(b) && !isWordChar(a)) out.push(i + word.length);
    i = lower.indexOf(word, i + word.length);
  }
  return out;
}

/**
 * Bank details announced by their label:
 * - US routing (ABA) numbers after "routing", "ABA", "RTN"…: 9 digits with the 3-7-1 checksum (0.9);
 * - account numbers after "account number", "acct", "a/c", "Kontonummer", "número de cuenta"…:
 *   6-17 digits, bare or grouped (0.8);
 * - BIC/SWIFT codes after "BIC" or "SWIFT": 4-letter bank, 2-letter country, 2-character location,
 *   optional 3-character branch (0.85).
 */
export const bankAccount: Recognizer = {
  id: "bank-account",
  types: ["US_ROUTING", "BANK_ACCOUNT", "SWIFT_CODE"],
  // digit runs, or a BIC/SWIFT code after its label
  triggers: { digit: true, lower: ["swift", "bic"] },
  detect(input) {
    const { text, lower } = input;
    let out: Detection[] | undefined;
    const runs = numericRuns(input);
    for (const run of runs) {
      const len = run.nd;
      if (len < 6 || len > 17 || !standsAlone(text, run.start, run.end)) continue;
      const mask = maskBefore(text, run) & (K.ACCOUNT | K.ROUTING);
      if (!mask) continue;
      if (len === 9 && run.ng === 1 && abaRoutingValid(runDigits(run))) {
        if (mask & K.ROUTING && keywordBefore(text, run.start, K.ROUTING, run) >= 0) {
          (out ??= []).push(det(run.start, run.end, "US_ROUTING", 0.9, "bank-account"));
          continue;
        }
      }
      // Every separator a space or a dash (not dots: amounts, versions, dates).
      if (run.sep.some((c) => c === 0x2e)) continue;
      if (mask & K.ACCOUNT && keywordBefore(text, run.start, K.ACCOUNT, run) >= 0)
        (out ??= []).push(det(run.start, run.end, "BANK_ACCOUNT", 0.8, "bank-account"));
    }
    // BIC / SWIFT, found from their labels.
    if (lower.length === text.length && recordWords(input) & (W.SWIFT | W.BIC)) {
      const seen = new Set<number>();
      for (const kw of ["swift", "bic"]) {
        for (const at of wordHits(lower, kw)) {
          const m =
            /^[^A-Za-z0-9\n]{0,30}?(?:(?:code|no|number|is|bic|swift)[^A-Za-z0-9\n]{1,8}){0,3}([A-Za-z0-9]{8,11})(?![\p{L}\p{N}_])/u.exec(
              text.slice(at, at + 64),
            );
          if (!m) continue;
          const tok = m[1]!;
          if (!BIC_RE.test(tok)) continue;
          const start = at + m[0].length - tok.length;
          if (seen.has(start)) continue;
          seen.add(start);
          // Lower-case words ("swift code is fast") are not codes: require capitals or digits.
          if (tok === tok.toLowerCase() && !/\d/.test(tok)) continue;
          (out ??= []).push(det(start, start + tok.length, "SWIFT_CODE", 0.85, "bank-account"));
        }
      }
    }
    return out ?? NONE;
  },
};
