/**
 * National identifiers with their check rules, level 4, in one recognizer that walks the shared
 * digit runs once and hands each run (or window of its groups) to the identifiers of that length.
 * Common scoring scheme:
 * - a printed format (e.g. 123-45-6789) plus the check rule: kept on its own;
 * - a bare digit string plus the check rule: kept only when a keyword announces it;
 * - an announcing keyword adds confidence.
 * Identifiers mixing letters and digits (NINO, PAN, DNI/NIE, codice fiscale, Corsican NIR) are found
 * from the digits they contain.
 */
import type { Detection, Recognizer } from "../../types.js";
import { K, W, hasKeyword, knownRecordWords, maskBefore } from "./keywords.js";
import {
  type NumRun,
  type Window,
  alnumTokenLength,
  digitOffset,
  forEachWindow,
  groupEnd,
  groupStart,
  isAsciiLetter,
  isDigit,
  isSpaceSep,
  isUpper,
  isWordChar,
  numericRuns,
  runDigits,
  shapeIs,
  standsAlone,
  windowSep,
  windowShape,
} from "./scan.js";
import {
  auTfnValid,
  beNationalNumberValid,
  brCpfValid,
  caSinValid,
  czBirthNumberValid,
  deTaxIdValid,
  dkCprDateValid,
  esDniValid,
  esNieValid,
  fiHetuValid,
  frNirValid,
  inAadhaarValid,
  inPanValid,
  itFiscalCodeValid,
  ninoPrefixValid,
  nlBsnValid,
  noFodselsnummerValid,
  plPeselValid,
  ptNifValid,
  nhsNumberValid,
  sePersonnummerValid,
  usItinValid,
  usSsnValid,
} from "./validators.js";
import { NONE, det, pickBest } from "./util.js";

const ID = "national-id";
// Scratch list of candidates of the current run (emptied after each run).
const CANDS: Cand[] = [];
const DASH = 0x2d;
const DOT = 0x2e;
const SPACE = 0x20;

interface Cand {
  start: number;
  end: number;
  score: number;
  type: string;
}

// The label category of each type, and the labels of other things a number may be announced as.
const OWN: Readonly<Record<string, number>> = {
  US_SSN: K.SSN,
  US_ITIN: K.SSN,
  CA_SIN: K.SIN,
  AU_TFN: K.TFN,
  IN_AADHAAR: K.AADHAAR,
  DE_TAX_ID: K.DE_TAX,
  BR_CPF: K.CPF,
  FR_NIR: K.NIR,
  SE_PERSONNUMMER: K.SE_PNR,
  NO_FODSELSNUMMER: K.NO_FNR,
  BE_NATIONAL_NUMBER: K.BE_NRN,
  UK_NHS: K.NHS,
};
const ALL_LABELS = (1 << 30) - 1;

/**
 * A number found by its format alone but announced by another label ("card 3782…", "account no
 * 1 84…") is that other thing, not this identifier.
 */
function announcedAsOther(text: string, run: NumRun, c: Cand): boolean {
  const own = OWN[c.type];
  if (own === undefined || c.score >= 0.95 || c.start !== run.start) return false;
  return (maskBefore(text, run) & ALL_LABELS & ~own & ~(K.EXPIRY | K.CVV)) !== 0;
}

/** Same separator between all groups of the window, one of `allowed` (0x20 stands for any space). */
function sepIn(w: Pick<Window, "run" | "i" | "j">, ...allowed: number[]): boolean {
  const s = windowSep(w);
  if (s <= 0) return false;
  return allowed.includes(s) || (allowed.includes(SPACE) && isSpaceSep(s));
}

/** The character code at i, or NaN outside the text. */
function at(text: string, i: number): number {
  return i >= 0 && i < text.length ? text.charCodeAt(i) : NaN;
}

function isAsciiAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || isAsciiLetter(c);
}

// ---------------------------------------------------------------------------------------------
// Digit-only identifiers, by length

/**
 * US Social Security number or ITIN (9 digits): 123-45-6789 (0.85), 123 45 6789 (0.6 alone), bare
 * digits only after "SSN", "social security"… (0.95 announced) Impossible ranges are rejected (area 000, 666, 9xx
 * for SSNs; group 00; serial 0000); 9xx numbers with an ITIN group are US_ITIN.
 */
function usSsn(text: string, w: Window): Cand | undefined {
  let dashed = false;
  if (w.i !== w.j) {
    if (!shapeIs(windowShape(w), 3, 2, 4)) return undefined;
    dashed = sepIn(w, DASH);
    if (!dashed && !sepIn(w, SPACE, DOT)) return undefined;
  }
  const d = w.digits;
  const itin = usItinValid(d);
  if (!itin && !usSsnValid(d)) return undefined;
  const type = itin ? "US_ITIN" : "US_SSN";
  if (hasKeyword(text, w.start, w.end, K.SSN, w.run))
    return { start: w.start, end: w.end, score: 0.95, type };
  const score = w.i === w.j ? 0 : dashed ? 0.85 : w.whole ? 0.6 : 0;
  return { start: w.start, end: w.end, score, type };
}

/** A window printed in the given group sizes with one space or dash separator (`spaceOnly`: spaces). */
function printed(w: Window, spaceOnly: boolean, ...sizes: number[]): boolean {
  return (
    w.i !== w.j && shapeIs(windowShape(w), ...sizes) && (spaceOnly ? sepIn(w, SPACE) : sepIn(w, SPACE, DASH))
  );
}

/**
 * Canada SIN (9 digits, Luhn, first digit 1-7 or 9): 123 456 789 or 123-456-789 alone 0.5;
 * announced by "SIN", "social insurance" 0.95 (bare digits too).
 */
function caSin(text: string, w: Window): Cand | undefined {
  const formatted = printed(w, false, 3, 3, 3);
  if (!formatted && w.i !== w.j) return undefined;
  if (!caSinValid(w.digits)) return undefined;
  const score = hasKeyword(text, w.start, w.end, K.SIN, w.run) ? 0.95 : formatted && w.whole ? 0.5 : 0;
  return { start: w.start, end: w.end, score, type: "CA_SIN" };
}

/**
 * Australia TFN (9 digits weighted 1,4,3,7,5,8,6,9,10 mod 11, or the older 8-digit form), announced by
 * "TFN" or "tax file number" (0.95): unannounced 9-digit numbers are too often phone numbers.
 */
function auTfn(text: string, w: Window): Cand | undefined {
  if (w.i !== w.j && !printed(w, false, 3, 3, 3) && !printed(w, false, 3, 3, 2)) return undefined;
  if (!hasKeyword(text, w.start, w.end, K.TFN, w.run) || !auTfnValid(w.digits)) return undefined;
  return { start: w.start, end: w.end, score: 0.95, type: "AU_TFN" };
}

/**
 * India Aadhaar (12 digits, first 2-9, Verhoeff): 1234 5678 9012 alone 0.6; announced by
 * "Aadhaar", "UID"… 0.95 (bare digits too).
 */
function inAadhaar(text: string, w: Window): Cand | undefined {
  const formatted = printed(w, false, 4, 4, 4);
  if (!formatted && w.i !== w.j) return undefined;
  const ctx = hasKeyword(text, w.start, w.end, K.AADHAAR, w.run);
  if (!ctx && !(formatted && w.whole)) return undefined;
  if (!inAadhaarValid(w.digits)) return undefined;
  return { start: w.start, end: w.end, score: ctx ? 0.95 : 0.6, type: "IN_AADHAAR" };
}

/**
 * Germany's tax id (11 digits, ISO 7064 MOD 11,10, digit-repetition rule): 12 345 678 901 alone
 * 0.65; announced by "Steuer-ID", "IdNr"… 0.95 (bare digits too).
 */
function deTaxId(text: string, w: Window): Cand | undefined {
  const formatted = printed(w, true, 2, 3, 3, 3) || printed(w, true, 3, 3, 3, 2);
  if (!formatted && w.i !== w.j) return undefined;
  const ctx = hasKeyword(text, w.start, w.end, K.DE_TAX, w.run);
  if (!ctx && !(formatted && w.whole)) return undefined;
  if (!deTaxIdValid(w.digits)) return undefined;
  return { start: w.start, end: w.end, score: ctx ? 0.95 : 0.65, type: "DE_TAX_ID" };
}

/** Brazil CPF as bare or spaced digits: only when announced by "CPF" (0.95). See also brCpfPrinted. */
function brCpfBare(text: string, w: Window): Cand | undefined {
  if (w.i !== w.j && !sepIn(w, SPACE)) return undefined;
  if (!hasKeyword(text, w.start, w.end, K.CPF, w.run) || !brCpfValid(w.digits)) return undefined;
  return { start: w.start, end: w.end, score: 0.95, type: "BR_CPF" };
}

/**
 * France NIR: 15 digits (sex, year, month, department, commune, order, key = 97 - n mod 97), bare or
 * printed 1 84 12 76 451 089 46: 0.85 (0.95 announced by "sécurité sociale", "NIR", "INSEE"…).
 */
function frNir(text: string, w: Window): Cand | undefined {
  if (!frNirValid(w.digits) || (w.i !== w.j && !sepIn(w, SPACE, DOT))) return undefined;
  const ctx = hasKeyword(text, w.start, w.end, K.NIR, w.run);
  // Inside a longer spaced run, only the printed form (sex digit alone first) or an announced one.
  const printed = w.whole || groupEnd(w.run, w.i) - groupStart(w.run, w.i) === 1;
  return { start: w.start, end: w.end, score: ctx ? 0.95 : printed ? 0.85 : 0, type: "FR_NIR" };
}

/**
 * A European personal number that is only digits and looks like any other number (Netherlands BSN, Poland
 * PESEL, Portugal NIF): bare or with one kind of separator, and only where its label announces it (0.95).
 */
function announcedOnly(type: string, label: number, valid: (d: string) => boolean): WindowCheck {
  return (text, w) => {
    if (w.i !== w.j && !sepIn(w, SPACE, DASH, DOT)) return undefined;
    if (!hasKeyword(text, w.start, w.end, label, w.run) || !valid(w.digits)) return undefined;
    return { start: w.start, end: w.end, score: 0.95, type };
  };
}
const nlBsn = announcedOnly("NL_BSN", K.NL_BSN, nlBsnValid);
const plPesel = announcedOnly("PL_PESEL", K.PL_PESEL, plPeselValid);
const ptNif = announcedOnly("PT_NIF", K.PT_NIF, ptNifValid);
// (printed 3 3 4 it is a US phone number's shape: only its label tells them apart)
const ukNhs = announcedOnly("UK_NHS", K.NHS, nhsNumberValid);

/**
 * Sweden personnummer (YYMMDD-NNNN, Luhn; also with the century, YYYYMMDD-NNNN) and Denmark CPR number (DDMMYY-NNNN,
 * a valid date): 0.95 announced ("personnummer", "CPR"); a Swedish number printed with its dash alone 0.7.
 */
function nordicTen(text: string, w: Window): Cand | undefined {
  const twelve = w.digits.length === 12;
  const grouped = w.i !== w.j;
  if (grouped && !shapeIs(windowShape(w), twelve ? 8 : 6, 4)) return undefined;
  const dashed = grouped && sepIn(w, DASH);
  if (grouped && !dashed && !sepIn(w, SPACE)) return undefined;
  if (twelve && !/^(?:18|19|20)/.test(w.digits)) return undefined;
  const d = twelve ? w.digits.slice(2) : w.digits;
  const se = sePersonnummerValid(d);
  if (se && hasKeyword(text, w.start, w.end, K.SE_PNR, w.run))
    return { start: w.start, end: w.end, score: 0.95, type: "SE_PERSONNUMMER" };
  if (!twelve && dkCprDateValid(d) && hasKeyword(text, w.start, w.end, K.DK_CPR, w.run))
    return { start: w.start, end: w.end, score: 0.95, type: "DK_CPR" };
  if (se && dashed && w.whole) return { start: w.start, end: w.end, score: 0.7, type: "SE_PERSONNUMMER" };
  return undefined;
}

/**
 * Norway fødselsnummer (DDMMYY NNNNN, two modulus-11 check digits): 0.95 announced; printed as six and five digits
 * alone 0.8.
 */
function noFnr(text: string, w: Window): Cand | undefined {
  const printed6x5 = w.i !== w.j && sepIn(w, SPACE, DASH) && shapeIs(windowShape(w), 6, 5);
  if (w.i !== w.j && !printed6x5) return undefined;
  if (!noFodselsnummerValid(w.digits)) return undefined;
  if (hasKeyword(text, w.start, w.end, K.NO_FNR, w.run))
    return { start: w.start, end: w.end, score: 0.95, type: "NO_FODSELSNUMMER" };
  return printed6x5 && w.whole
    ? { start: w.start, end: w.end, score: 0.8, type: "NO_FODSELSNUMMER" }
    : undefined;
}

/** Belgium national register number as bare digits: only when announced (0.95). See also beNrnPrinted. */
function beNrnBare(text: string, w: Window): Cand | undefined {
  if (w.i !== w.j && !sepIn(w, SPACE)) return undefined;
  if (!hasKeyword(text, w.start, w.end, K.BE_NRN, w.run) || !beNationalNumberValid(w.digits))
    return undefined;
  return { start: w.start, end: w.end, score: 0.95, type: "BE_NATIONAL_NUMBER" };
}

type WindowCheck = (text: string, w: Window) => Cand | undefined;

/** Window lengths some identifier has. */
const HAS_CHECKS = (n: number) => (n >= 8 && n <= 12) || n === 15;

/** The digit-only identifiers, by number of digits. */
const BY_LENGTH: ReadonlyArray<readonly WindowCheck[]> = (() => {
  const t: WindowCheck[][] = Array.from({ length: 16 }, () => []);
  t[8]!.push(auTfn);
  t[9]!.push(usSsn, caSin, auTfn, nlBsn, ptNif);
  t[10]!.push(nordicTen, ukNhs);
  t[11]!.push(deTaxId, brCpfBare, plPesel, noFnr, beNrnBare);
  t[12]!.push(inAadhaar, nordicTen);
  t[15]!.push(frNir);
  return t;
})();

/**
 * Belgium national register number printed YY.MM.DD-NNN.CC: 0.9 alone, 0.95 announced. (It mixes '.' and '-', so
 * it is matched on the run's groups.)
 */
function beNrnPrinted(text: string, run: NumRun, out: Cand[]): void {
  const g = run.ng;
  const len = (k: number) => groupEnd(run, k) - groupStart(run, k);
  for (let i = 0; i + 4 < g; i++) {
    if (!(len(i) === 2 && len(i + 1) === 2 && len(i + 2) === 2 && len(i + 3) === 3 && len(i + 4) === 2))
      continue;
    const sep = run.sep;
    if (sep[i] !== DOT || sep[i + 1] !== DOT || sep[i + 2] !== DASH || sep[i + 3] !== DOT) continue;
    const start = groupStart(run, i);
    const end = groupEnd(run, i + 4);
    const off = digitOffset(run, i);
    const d = runDigits(run).slice(off, off + 11);
    if (!beNationalNumberValid(d) || !standsAlone(text, start, end, 0x2b)) continue;
    const score = hasKeyword(text, start, end, K.BE_NRN, run) ? 0.95 : 0.9;
    out.push({ start, end, score, type: "BE_NATIONAL_NUMBER" });
  }
}

/**
 * Finland henkilötunnus DDMMYY-NNNC (century sign +, -, A-F or U-Y; check character): 0.9 alone (0.75 with a dash
 * and a digit last, the shape of a Swedish personnummer), 0.95 announced.
 * Found from a run whose first group is the six date digits.
 */
function fiHetu(text: string, run: NumRun, out: Cand[]): void {
  const s = run.start;
  if (groupEnd(run, 0) - s !== 6 || isWordChar(at(text, s - 1))) return;
  const e = s + 11;
  if (e > text.length || isWordChar(at(text, e))) return;
  const code = text.slice(s, e);
  if (!fiHetuValid(code)) return;
  // with a dash and a digit last it is shaped like a Swedish personnummer (which it then outscores)
  const plain = code.charCodeAt(6) === DASH && isDigit(code.charCodeAt(10));
  const score = hasKeyword(text, s, e, K.FI_HETU) ? 0.95 : plain ? 0.75 : 0.9;
  out.push({ start: s, end: e, score, type: "FI_HETU" });
}

/**
 * Czech or Slovak rodné číslo YYMMDD/NNNN (or /NNN before 1954): the slash splits it into two runs. 0.85 alone,
 * 0.95 announced; without the slash only announced.
 */
function czBirthNumber(text: string, a: NumRun, b: NumRun | undefined, out: Cand[]): void {
  if (a.ng !== 1 || a.nd !== 6 || at(text, a.end) !== 0x2f || !b || b.start !== a.end + 1 || b.ng !== 1)
    return;
  if ((b.nd !== 3 && b.nd !== 4) || isWordChar(at(text, a.start - 1)) || isWordChar(at(text, b.end))) return;
  // not one part of a path or a chain of numbers ("/070425/474/", "12/2024")
  if (at(text, a.start - 1) === 0x2f || at(text, b.end) === 0x2f) return;
  if (!czBirthNumberValid(runDigits(a) + runDigits(b))) return;
  const ctx = hasKeyword(text, a.start, b.end, K.CZ_RC);
  out.push({ start: a.start, end: b.end, score: ctx ? 0.95 : 0.85, type: "CZ_BIRTH_NUMBER" });
}

/**
 * Brazil CPF in its printed forms: 123.456.789-09 alone 0.9, 123456789-09 0.8; 0.95 announced.
 * (The dotted form mixes '.' and '-', so it is matched on the run's groups.)
 */
function brCpfPrinted(text: string, run: NumRun, out: Cand[]): void {
  const g = run.ng;
  for (let i = 0; i + 1 < g; i++) {
    if (i > 0 && !isSpaceSep(run.sep[i - 1]!)) continue;
    const len = (k: number) => groupEnd(run, k) - groupStart(run, k);
    let j = -1;
    let score = 0;
    if (
      i + 3 < g &&
      len(i) === 3 &&
      len(i + 1) === 3 &&
      len(i + 2) === 3 &&
      len(i + 3) === 2 &&
      run.sep[i] === DOT &&
      run.sep[i + 1] === DOT &&
      run.sep[i + 2] === DASH
    ) {
      j = i + 3;
      score = 0.9;
    } else if (len(i) === 9 && len(i + 1) === 2 && run.sep[i] === DASH) {
      j = i + 1;
      score = 0.8;
    }
    if (j < 0 || (j < g - 1 && !isSpaceSep(run.sep[j]!))) continue;
    const start = groupStart(run, i);
    const end = groupEnd(run, j);
    const off = digitOffset(run, i);
    const d = runDigits(run).slice(off, off + 11);
    if (!brCpfValid(d) || !standsAlone(text, start, end, 0x2b)) continue;
    if (hasKeyword(text, start, end, K.CPF, run)) score = 0.95;
    out.push({ start, end, score, type: "BR_CPF" });
  }
}

/** France NIR of Corsica: the department 2A/2B splits the number into two runs around the letter. */
function frNirCorsica(text: string, a: NumRun, b: NumRun | undefined, out: Cand[]): void {
  if (!b || a.nd < 6 || text.charCodeAt(a.end - 1) !== 50) return;
  const letter = at(text, a.end) | 0x20;
  if (letter !== 0x61 && letter !== 0x62) return;
  const gap = b.start - a.end;
  if (gap !== 1 && !(gap === 2 && isSpaceSep(text.charCodeAt(a.end + 1)))) return;
  let head: Window | undefined;
  forEachWindow(a, 6, 6, (w) => {
    if (w.j === a.ng - 1) head = w;
  });
  let tail: Window | undefined;
  forEachWindow(b, 8, 8, (w) => {
    if (w.i === 0 && !tail) tail = w;
  });
  if (!head || !tail) return;
  const s = head.digits + String.fromCharCode(letter & 0xdf) + tail.digits;
  if (!frNirValid(s) || !standsAlone(text, head.start, tail.end, 0x2b)) return;
  const ctx = hasKeyword(text, head.start, tail.end, K.NIR);
  out.push({ start: head.start, end: tail.end, score: ctx ? 0.95 : 0.85, type: "FR_NIR" });
}

// ---------------------------------------------------------------------------------------------
// Identifiers mixing letters and digits

/**
 * Spain: DNI 12345678Z / 12.345.678-Z (8 digits, letter = value mod 23) and NIE X1234567L (X/Y/Z as
 * 0/1/2). Letter glued or after a dash 0.85 (NIE 0.9); after a space 0.75 (capital only); 0.95
 * announced by "DNI", "NIE", "NIF"….
 */
function esDni(text: string, run: NumRun, out: Cand[]): void {
  const len = run.nd;
  const g = run.ng;
  if (!(
    g === 1 ||
    (len === 8 &&
      g === 3 &&
      shapeIs(windowShape({ run, i: 0, j: 2 }), 2, 3, 3) &&
      sepIn({ run, i: 0, j: 2 }, DOT))
  ))
    return;
  let e = run.end;
  let c = at(text, e);
  let spaced = false;
  if (c === DASH || c === SPACE) {
    spaced = c === SPACE;
    e++;
    c = at(text, e);
  }
  if (!isAsciiLetter(c) || isWordChar(at(text, e + 1)) || (spaced && !isUpper(c))) return;
  const letter = String.fromCharCode(c);
  let start = run.start;
  let type = "ES_DNI";
  let score = spaced ? 0.75 : 0.85;
  if (len === 8) {
    if (isWordChar(at(text, start - 1)) || !esDniValid(runDigits(run) + letter)) return;
  } else {
    let p = start - 1;
    if (at(text, p) === DASH) p--;
    const x = at(text, p) | 0x20;
    if ((x !== 0x78 && x !== 0x79 && x !== 0x7a) || isWordChar(at(text, p - 1))) return;
    if (!esNieValid(String.fromCharCode(x & 0xdf) + runDigits(run) + letter)) return;
    start = p;
    type = "ES_NIE";
    score = spaced ? 0.8 : 0.9;
  }
  if (hasKeyword(text, start, e + 1, K.ES_ID, len === 8 ? run : undefined)) score = 0.95;
  out.push({ start, end: e + 1, score, type });
}

/**
 * Italy codice fiscale (16 characters; digits possibly replaced by omocodia letters; check character):
 * 0.9, 0.95 announced. Found around the digits it contains; returns the code's end so the caller
 * skips the code's other digit runs.
 */
function itFiscalCode(text: string, run: NumRun, out: Cand[]): number {
  if (run.ng > 1 || run.nd > 7) return -1;
  if (!isAsciiLetter(at(text, run.start - 1)) && !isAsciiLetter(at(text, run.end))) return -1;
  // The code is a whole token of 16 letters and digits (most digits glued to letters sit in longer ones).
  if (alnumTokenLength(text, run.start) !== 16) return -1;
  let s = run.start;
  while (s > 0 && run.start - s < 16 && isAsciiAlnum(text.charCodeAt(s - 1))) s--;
  let e = run.end;
  while (e < text.length && e - s < 17 && isAsciiAlnum(text.charCodeAt(e))) e++;
  if (e - s !== 16 || isWordChar(at(text, s - 1)) || isWordChar(at(text, e))) return -1;
  if (!itFiscalCodeValid(text.slice(s, e))) return e;
  out.push({ start: s, end: e, score: hasKeyword(text, s, e, K.IT_CF) ? 0.95 : 0.9, type: "IT_FISCAL_CODE" });
  return e;
}

/** A fully omocodic fiscal code has no digits left: looked for only where "fiscal…" appears. */
function itFiscalCodeOmocodic(text: string, out: Cand[]): void {
  const re = /(?<![\p{L}\p{N}_])[A-Za-z]{16}(?![\p{L}\p{N}_])/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (itFiscalCodeValid(m[0]) && hasKeyword(text, m.index, m.index + 16, K.IT_CF))
      out.push({ start: m.index, end: m.index + 16, score: 0.9, type: "IT_FISCAL_CODE" });
  }
}

/**
 * India PAN (AAAPA1234A, fourth letter the holder type): capitals alone 0.8; lower case only when
 * announced by "PAN"; 0.95 announced.
 */
function inPan(text: string, run: NumRun, out: Cand[]): void {
  if (run.nd !== 4 || run.ng !== 1) return;
  const s = run.start - 5;
  const e = run.end + 1;
  if (s < 0 || e > text.length || !isAsciiLetter(text.charCodeAt(run.start - 1))) return;
  if (isWordChar(at(text, s - 1)) || isWordChar(at(text, e))) return;
  const code = text.slice(s, e);
  const upper = code.toUpperCase();
  if (!inPanValid(upper)) return;
  const score = hasKeyword(text, s, e, K.IN_PAN) ? 0.95 : code === upper ? 0.8 : 0;
  out.push({ start: s, end: e, score, type: "IN_PAN" });
}

/**
 * UK National Insurance number (two prefix letters by HMRC's rules, six digits optionally in pairs,
 * suffix A-D): AB 12 34 56 C / AB123456C in capitals alone 0.85; without the suffix or in lower case
 * only when announced by "national insurance", "NINO", "NI number" (0.8-0.95).
 */
function ukNino(text: string, run: NumRun, out: Cand[]): void {
  if (run.nd !== 6) return;
  const g = run.ng;
  if (!(
    g === 1 ||
    (g === 3 && shapeIs(windowShape({ run, i: 0, j: 2 }), 2, 2, 2) && run.sep.every((c) => c === SPACE))
  ))
    return;
  let p = run.start;
  if (at(text, p - 1) === SPACE) p--;
  const l1 = at(text, p - 2);
  const l2 = at(text, p - 1);
  if (!isAsciiLetter(l1) || !isAsciiLetter(l2) || isWordChar(at(text, p - 3))) return;
  const start = p - 2;
  let e = run.end;
  let suffix = 0;
  let q = e;
  if (at(text, q) === SPACE) q++;
  const sc = at(text, q) | 0x20;
  if (sc >= 0x61 && sc <= 0x64 && !isWordChar(at(text, q + 1))) {
    suffix = text.charCodeAt(q);
    e = q + 1;
  } else if (isWordChar(at(text, run.end))) return;
  if (!ninoPrefixValid(String.fromCharCode(l1, l2).toUpperCase())) return;
  const caps = isUpper(l1) && isUpper(l2) && (!suffix || isUpper(suffix));
  let score = 0;
  if (hasKeyword(text, start, e, K.NINO)) score = suffix ? 0.95 : 0.8;
  else if (suffix && caps) score = 0.85;
  out.push({ start, end: e, score, type: "UK_NINO" });
}

// ---------------------------------------------------------------------------------------------

/**
 * US SSN/ITIN, UK NINO, Canada SIN, India Aadhaar and PAN, Germany Steuer-IdNr, France NIR, Spain
 * DNI/NIE, Italy codice fiscale, Australia TFN, Brazil CPF, and the personal numbers of the Netherlands
 * (BSN), Poland (PESEL), Sweden, Denmark, Norway, Finland, Belgium, Portugal (NIF) and Czechia/Slovakia.
 */
export const nationalId: Recognizer = {
  id: ID,
  types: [
    "US_SSN",
    "US_ITIN",
    "UK_NINO",
    "CA_SIN",
    "IN_AADHAAR",
    "IN_PAN",
    "DE_TAX_ID",
    "FR_NIR",
    "ES_DNI",
    "ES_NIE",
    "IT_FISCAL_CODE",
    "AU_TFN",
    "BR_CPF",
    "NL_BSN",
    "PL_PESEL",
    "SE_PERSONNUMMER",
    "DK_CPR",
    "NO_FODSELSNUMMER",
    "FI_HETU",
    "BE_NATIONAL_NUMBER",
    "PT_NIF",
    "CZ_BIRTH_NUMBER",
    "UK_NHS",
  ],
  // digit runs, or a fully omocodic fiscal code after "fiscal…"
  triggers: { digit: true, lower: ["fiscal"] },
  detect(input) {
    const { text, lower } = input;
    const runs = numericRuns(input);
    let out: Detection[] | undefined;
    const cands: Cand[] = CANDS;
    if (cands.length) cands.length = 0;
    let skipUntil = -1;
    for (let r = 0; r < runs.length; r++) {
      const run = runs[r]!;
      const len = run.nd;
      if (run.start < skipUntil) continue;
      if (len >= 8) {
        forEachWindow(
          run,
          8,
          15,
          (w) => {
            const checks = BY_LENGTH[w.digits.length]!;
            if (!standsAlone(text, w.start, w.end, 0x2b)) return;
            for (const check of checks) {
              const c = check(text, w);
              if (c && c.score >= 0.5 && !announcedAsOther(text, run, c)) cands.push(c);
            }
          },
          HAS_CHECKS,
        );
        if (len >= 11) {
          brCpfPrinted(text, run, cands);
          if (run.ng >= 5) beNrnPrinted(text, run, cands);
        }
        if (len === 8) esDni(text, run, cands);
      } else {
        if (len === 7) esDni(text, run, cands);
        else if (len === 6) ukNino(text, run, cands);
        else if (len === 4) inPan(text, run, cands);
        if (isAsciiLetter(at(text, run.start - 1)) || isAsciiLetter(at(text, run.end)))
          skipUntil = itFiscalCode(text, run, cands);
      }
      if (len >= 6 && (at(text, run.end) | 0x20) >= 0x61 && (at(text, run.end) | 0x20) <= 0x62)
        frNirCorsica(text, run, runs[r + 1], cands);
      if (len >= 6 && groupEnd(run, 0) - run.start === 6) {
        // DDMMYY and a century sign: a Finnish henkilötunnus; YYMMDD and a slash: a Czech rodné číslo
        const c = at(text, run.start + 6);
        if (c === DASH || c === 0x2b || (c >= 0x41 && c <= 0x46) || (c >= 0x55 && c <= 0x59))
          fiHetu(text, run, cands);
        else if (c === 0x2f && len === 6) czBirthNumber(text, run, runs[r + 1], cands);
      }
      if (cands.length) {
        for (const c of pickBest(cands.filter((x) => x.score >= 0.5)))
          (out ??= []).push(det(c.start, c.end, c.type, c.score, ID));
        cands.length = 0;
      }
    }
    // "fiscal" in the record: shared with bank-account's search when it ran, else one search of our own
    const words = knownRecordWords(input);
    if (lower.length === text.length && (words >= 0 ? words & W.FISCAL : lower.includes("fiscal"))) {
      itFiscalCodeOmocodic(text, cands);
      for (const c of cands) (out ??= []).push(det(c.start, c.end, c.type, c.score, ID));
      cands.length = 0;
    }
    return out ?? NONE;
  },
};
