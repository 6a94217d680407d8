/**
 * Passport numbers (PASSPORT) and driver's licence numbers (DRIVER_LICENSE), level 4. Their formats
 * differ by country and carry no public check digit, so they are found by the label that announces
 * them ("passport no", "Reisepass", "passeport", "pasaporte"; "driver's license", "DL#", "licence
 * no", "Führerschein"…) with only glue words ("number", "is", "#", ":") between label and value.
 */
import type { Detection, Recognizer } from "../../types.js";
import { K, maskAt, maskBefore } from "./keywords.js";
import { type NumRun, alnumTokenLength, isAsciiLetter, isDigit, isWordChar, numericRuns } from "./scan.js";
import { NONE, det } from "./util.js";

const ID = "id-document";

interface Token {
  start: number;
  end: number;
  digits: number;
  letters: number;
}

/** The identifier-shaped token around a digit run: up to 5 letters glued before, alphanumerics after. */
function tokenAround(text: string, run: NumRun): Token | undefined {
  let s = run.start;
  while (s > 0 && run.start - s < 5 && isAsciiLetter(text.charCodeAt(s - 1))) s--;
  let e = run.end;
  while (e < text.length && e - s < 24) {
    const c = text.charCodeAt(e);
    if (!isDigit(c) && !isAsciiLetter(c)) break;
    e++;
  }
  if ((s > 0 && isWordChar(text.charCodeAt(s - 1))) || (e < text.length && isWordChar(text.charCodeAt(e))))
    return undefined;
  let digits = 0;
  let letters = 0;
  for (let k = s; k < e; k++) {
    const c = text.charCodeAt(k);
    if (isDigit(c)) digits++;
    else if (isAsciiLetter(c)) letters++;
  }
  return { start: s, end: e, digits, letters };
}

/**
 * Passports: 6-12 alphanumerics with at least 5 digits and at most 4 letters (US 123456789, UK 9
 * digits, DE C01X00T47, FR 12AB34567, IN A1234567…). Driver's licences: 5-20 alphanumerics with at
 * least 5 digits, possibly grouped with spaces or dashes (US F123456789012, 123-45-6789, UK
 * MORGA753116SM9IJ). Both only when announced (0.85).
 */
export const idDocument: Recognizer = {
  id: ID,
  types: ["PASSPORT", "DRIVER_LICENSE"],
  triggers: { digit: true },
  detect(input) {
    const { text } = input;
    let out: Detection[] | undefined;
    let lastEnd = -1;
    for (const run of numericRuns(input)) {
      if (run.start < lastEnd) continue;
      const glued = run.start > 0 && isAsciiLetter(text.charCodeAt(run.start - 1));
      const gluedAfter = run.end < text.length && isAsciiLetter(text.charCodeAt(run.end));
      if (run.nd < 5 && !glued && !gluedAfter) continue;
      // Digits inside a token of more than 24 letters and digits (a hash, a base64 blob) are no document
      // number: tokenAround would find the token's edges glued to more of it.
      if (run.ng === 1 && (glued || gluedAfter) && alnumTokenLength(text, run.start) > 24) continue;
      // The label is read back from the token's start: cheap first when the token starts at the run.
      if (!glued && !(maskBefore(text, run) & (K.PASSPORT | K.DL))) continue;
      const t = tokenAround(text, run);
      if (!t || t.digits < 5) continue;
      lastEnd = t.end;
      const mask = maskAt(text, t.start, run) & (K.PASSPORT | K.DL);
      if (!mask) continue;
      const alnum = t.digits + t.letters;
      if (mask & K.PASSPORT && alnum >= 6 && alnum <= 12 && t.letters <= 4)
        (out ??= []).push(det(t.start, t.end, "PASSPORT", 0.85, ID));
      else if (mask & K.DL && alnum <= 20 && t.letters <= 10)
        (out ??= []).push(det(t.start, t.end, "DRIVER_LICENSE", 0.85, ID));
    }
    return out ?? NONE;
  },
};
