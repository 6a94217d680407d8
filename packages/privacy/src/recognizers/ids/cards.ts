/**
 * Payment cards (CREDIT_CARD) and, near them, their expiry date (CARD_EXPIRY) and security code
 * (CARD_CVV). Level 4.
 *
 * A card number is 12-19 digits, bare or grouped the way cards are printed (4-4-4-4, 4-6-5, 4-6-4,
 * 4-4-4-4-3 …, spaces or dashes). Scores:
 * - Luhn-valid, in an issuer's IIN range with one of its lengths: 0.9, in every channel;
 * - Luhn-valid otherwise: in typed text 0.6 if the prefix is an issuer's, else 0.8 with card words;
 * - in typed, pasted or OCR text a 13-19 digit card-like run is masked even when Luhn fails (a typo
 *   in a card number is still a card number): 0.6-0.65 with card words announcing it, 0.55 with an
 *   issuer prefix and one of the issuer's lengths (15-19 digits); never in titles or URLs.
 * Expiry dates (MM/YY, MM/YYYY, MM-YY) and security codes (3-4 digits) are kept only when an expiry
 * or cvv/cvc/security-code label announces them, or right after a detected card (and its expiry).
 */
import type { Detection, Recognizer, RecognizerInput } from "../../types.js";
import { luhnValid } from "../../checksums.js";
import { K, hasKeyword, keywordBefore, maskBefore } from "./keywords.js";
import {
  type NumRun,
  type Window,
  forEachWindow,
  groupEnd,
  groupStart,
  isSpaceSep,
  isWordChar,
  numericRuns,
  standsAlone,
  windowSep,
  windowShape,
} from "./scan.js";
import { cardIssuer } from "./validators.js";
import { NONE, det, isTypedLike, pickBest } from "./util.js";

const ID = "payment-card";

/**
 * Grouping of a window as cards are printed: bare, or 2-5 groups (first ≥ 4 digits) with one separator.
 * @example cardGroupingOk({ run: scanNumericRuns("4111 111111 11111")[0], i: 0, j: 2 }) // true (4-6-5)
 */
export function cardGroupingOk(w: Pick<Window, "run" | "i" | "j">): boolean {
  if (w.i === w.j) return true;
  const sep = windowSep(w);
  if (sep <= 0 || sep === 0x2e) return false; // mixed separators, or dots (versions, IPs)
  const shape = windowShape(w);
  const g = shape.length;
  if (g > 5 || shape[0]! < 4) return false;
  if (g === 2) return shape[1]! >= 4;
  for (let k = 0; k < g; k++) {
    const len = shape[k]!;
    if (len > 6) return false;
    if (len < (k < g - 1 ? 3 : g >= 4 ? 1 : 3)) return false;
  }
  return true;
}

interface Cand {
  start: number;
  end: number;
  score: number;
  run: NumRun;
  j: number;
}

/**
 * Score of a card-shaped window, 0 when it is not a card. `context` (card words announce it) is only
 * asked for when the digits alone do not settle the score.
 * @example cardScore("4111111111111111", () => false, true) // 0.9
 */
export function cardScore(digits: string, context: () => boolean, typedLike: boolean): number {
  const luhn = luhnValid(digits);
  const issuer = cardIssuer(digits);
  if (luhn && issuer?.lengthOk) return 0.9;
  if (luhn) {
    if (typedLike && issuer) return 0.6;
    return context() ? 0.8 : 0;
  }
  if (!typedLike || digits.length < 13 || /^(\d)\1+$/.test(digits)) return 0;
  if (context()) return issuer ? 0.65 : 0.6;
  // Without card words, 13-14 digit codes (EAN-13 and ISBN-13 barcodes, timestamps) are too common.
  return issuer?.lengthOk && digits.length >= 15 ? 0.55 : 0;
}

const NO_CANDS: Cand[] = [];

function findCards(input: RecognizerInput, runs: readonly NumRun[]): Cand[] {
  const { text } = input;
  const typedLike = isTypedLike(input.channel);
  let out: Cand[] | undefined;
  for (const run of runs) {
    if (run.nd < 12) continue;
    const cands: Cand[] = [];
    // A run that is itself card-shaped is one number: its groups are not cards of their own.
    const wholeShaped = run.nd <= 19 && cardGroupingOk({ run, i: 0, j: run.ng - 1 });
    forEachWindow(run, 12, 19, (w) => {
      if (wholeShaped && !w.whole) return;
      if (!cardGroupingOk(w) || !standsAlone(text, w.start, w.end, 0x2b)) return;
      const score = cardScore(w.digits, () => hasKeyword(text, w.start, w.end, K.CARD, run), typedLike);
      if (score >= 0.5) cands.push({ start: w.start, end: w.end, score, run, j: w.j });
    });
    for (const c of pickBest(cands)) (out ??= []).push(c);
  }
  return out ?? NO_CANDS;
}

/** True when only spaces and light punctuation (no letters or digits) separate a and b, within `max` chars. */
function closeGap(text: string, a: number, b: number, max: number): boolean {
  if (b < a || b - a > max) return false;
  for (let k = a; k < b; k++) if (isWordChar(text.charCodeAt(k))) return false;
  return true;
}

function noDigitGap(text: string, a: number, b: number, max: number): boolean {
  if (b < a || b - a > max) return false;
  for (let k = a; k < b; k++) {
    const c = text.charCodeAt(k);
    if (c >= 48 && c <= 57) return false;
  }
  return true;
}

interface Expiry {
  start: number;
  end: number;
}

const NO_EXPIRY: Expiry[] = [];

/** Cheap test: some run is followed by '/' or has a '-' inside (MM/YY, MM-YY). */
function mayHaveExpiry(text: string, runs: readonly NumRun[]): boolean {
  for (const r of runs) {
    if (r.end < text.length && text.charCodeAt(r.end) === 0x2f) return true;
    for (const c of r.sep) if (c === 0x2d) return true;
  }
  return false;
}

function monthYearOk(month: string, year: string): boolean {
  const m = +month;
  if (m < 1 || m > 12 || (year.length !== 2 && year.length !== 4)) return false;
  if (year.length === 4) {
    const y = +year;
    return y >= 1990 && y <= 2099;
  }
  return true;
}

/** MM/YY, MM/YYYY (also M/YY and MM-YY) candidates: not part of a longer date. */
function expiryShapes(text: string, runs: readonly NumRun[]): Expiry[] {
  const out: Expiry[] = [];
  for (let r = 0; r < runs.length; r++) {
    const run = runs[r]!;
    const g = run.ng;
    // MM-YY inside one run
    for (let k = 0; k + 1 < g; k++) {
      if (run.sep[k] !== 0x2d) continue;
      if (k > 0 && !isSpaceSep(run.sep[k - 1]!)) continue;
      if (k + 2 < g && !isSpaceSep(run.sep[k + 1]!)) continue;
      const ms = groupStart(run, k);
      const me = groupEnd(run, k);
      const ys = groupStart(run, k + 1);
      const ye = groupEnd(run, k + 1);
      if (me - ms > 2 || !monthYearOk(text.slice(ms, me), text.slice(ys, ye))) continue;
      if (k === 0) {
        const b = ms > 0 ? text.charCodeAt(ms - 1) : NaN;
        if (isWordChar(b) || b === 0x2f || b === 0x2e) continue;
      }
      if (k + 1 === g - 1) {
        const a = ye < text.length ? text.charCodeAt(ye) : NaN;
        if (isWordChar(a) || a === 0x2f) continue;
      }
      out.push({ start: ms, end: ye });
    }
    // MM/YY across two runs
    const next = runs[r + 1];
    if (!next) continue;
    const slash = text.slice(run.end, next.start);
    if (slash !== "/" && slash !== " / ") continue;
    const k = g - 1;
    if (k > 0 && !isSpaceSep(run.sep[k - 1]!)) continue;
    if (next.ng > 1 && !isSpaceSep(next.sep[0]!)) continue;
    const ms = groupStart(run, k);
    const me = groupEnd(run, k);
    const ys = groupStart(next, 0);
    const ye = groupEnd(next, 0);
    if (me - ms > 2 || !monthYearOk(text.slice(ms, me), text.slice(ys, ye))) continue;
    const b = ms > 0 ? text.charCodeAt(ms - 1) : NaN;
    const a = ye < text.length ? text.charCodeAt(ye) : NaN;
    if (isWordChar(b) || b === 0x2f || b === 0x2e || isWordChar(a) || a === 0x2f) continue;
    if (a === 0x2e && ye + 1 < text.length && isWordChar(text.charCodeAt(ye + 1))) continue;
    out.push({ start: ms, end: ye });
  }
  return out;
}

/** Payment card numbers, expiry dates and security codes. */
/** What OCR leaves of a card's digits when it garbles them: digits, spaces and the marks it reads for them. */
const GARBLE = /[0-9 :;.,%$<>()|/\\_'"`~oOsSlIBZ-]/;
/** The most characters a card's number takes on a screen's line after its label, as OCR may garble it. */
const GARBLED_MAX = 40;

/**
 * On a screen, a card's number after its label that OCR garbled ("Card number 45: 572504260", "Card 4539 915% 8 <
 * 5: . 242 8717", "Card 4539 2436 ous"): no rule reads it as a card, and what the filter leaves readable is part of
 * it. From the first run of digits after a card label, the line's digits and the marks OCR reads for them, to the
 * last digit, when 8 digits or more are there and no card was found on them.
 */
function garbledCards(
  text: string,
  runs: readonly NumRun[],
  cards: readonly Cand[],
  out: Detection[] | undefined,
): Detection[] | undefined {
  let covered = -1;
  for (const run of runs) {
    if (run.start < covered || keywordBefore(text, run.start, K.CARD, run) < 0) continue;
    let e = run.start;
    let last = run.end;
    let digits = 0;
    while (e < text.length && e - run.start < GARBLED_MAX && GARBLE.test(text[e]!)) {
      const c = text.charCodeAt(e);
      if (c >= 48 && c <= 57) {
        digits++;
        last = e + 1;
      }
      e++;
    }
    if (digits < 8) {
      covered = last;
      continue;
    }
    let end = e;
    if (e > last && e < text.length && text.charCodeAt(e) > 32 && text.charCodeAt(e - 1) > 32) {
      // the rest of a word OCR garbled there ("2436 ous": "ous" was "5075 0118")
      while (end < text.length && end - e < 6 && text.charCodeAt(end) > 32) end++;
    } else {
      // marks after the last digit, up to the last one that is no space ("… 7343 o")
      while (end > last && text.charCodeAt(end - 1) === 32) end--;
    }
    covered = end;
    if (cards.some((c) => c.start < end && c.end > run.start)) continue;
    (out ??= []).push(det(run.start, end, "CREDIT_CARD", 0.6, ID));
  }
  return out;
}

export const paymentCard: Recognizer = {
  id: ID,
  types: ["CREDIT_CARD", "CARD_EXPIRY", "CARD_CVV"],
  triggers: { digit: true },
  detect(input) {
    const { text } = input;
    const runs = numericRuns(input);
    if (runs.length === 0) return NONE;
    const cards = findCards(input, runs);
    let out: Detection[] | undefined;
    for (const c of cards) (out ??= []).push(det(c.start, c.end, "CREDIT_CARD", c.score, ID));
    if (input.channel === "ocr") out = garbledCards(text, runs, cards, out);

    // Expiry: announced by an expiry word, or right after a card. Cards, expiries and runs are in
    // text order, so the nearest card before a candidate is tracked with a moving index (linear).
    let expiries: Expiry[] = NO_EXPIRY;
    if (mayHaveExpiry(text, runs)) {
      let ci = -1;
      for (const e of expiryShapes(text, runs)) {
        while (ci + 1 < cards.length && cards[ci + 1]!.end <= e.start) ci++;
        let score = 0;
        if (keywordBefore(text, e.start, K.EXPIRY) >= 0) score = 0.85;
        else if (ci >= 0 && noDigitGap(text, cards[ci]!.end, e.start, 40)) score = 0.8;
        if (score > 0) {
          if (expiries === NO_EXPIRY) expiries = [];
          expiries.push(e);
          (out ??= []).push(det(e.start, e.end, "CARD_EXPIRY", score, ID));
        }
      }
    }

    // Security code: 3-4 digits announced by cvv/cvc/security code…, or right after a card or its expiry.
    let ci = -1;
    let xi = -1;
    for (const run of runs) {
      const g = run.ng;
      const k = g - 1;
      const s = groupStart(run, k);
      const e = groupEnd(run, k);
      const len = e - s;
      if (len < 3 || len > 4) continue;
      if (k > 0 && !isSpaceSep(run.sep[k - 1]!)) continue;
      while (ci + 1 < cards.length && cards[ci + 1]!.start < e) ci++;
      while (xi + 1 < expiries.length && expiries[xi + 1]!.start < e) xi++;
      const card = ci >= 0 ? cards[ci] : undefined;
      const expiry = xi >= 0 ? expiries[xi] : undefined;
      if ((card && s < card.end) || (expiry && s < expiry.end)) continue; // part of the card or the date
      if (!standsAlone(text, s, e, 0x2f)) continue;
      let score = 0;
      if (g === 1 && maskBefore(text, run) & K.CVV) score = 0.85;
      else if (card && (closeGap(text, card.end, s, 6) || (card.run === run && card.j === k - 1)))
        score = 0.7;
      else if (expiry && closeGap(text, expiry.end, s, 6)) score = 0.7;
      if (score > 0) (out ??= []).push(det(s, e, "CARD_CVV", score, ID));
    }
    return out ?? NONE;
  },
};
