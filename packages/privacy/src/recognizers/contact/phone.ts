import type { Channel, Detection, Recognizer } from "../../types.js";
import { isCardShape, isExcludedShape, isPhoneShape, scanDigitRuns, type DigitRun } from "./numbers.js";
import { alignedLower, isGroupSpace, results } from "./chars.js";
import { type NumRun, knownFirstDigit, knownRuns } from "../ids/scan.js";
import { checkForCallingCode, checkInternational, type PhoneVerdict } from "./phone-metadata.js";

/** Scratch list of detect (recognizers are not re-entered). */
const OUT: Detection[] = [];

/** Words that announce a phone number, in several languages (lower case, matched as whole words). */
const PHONE_WORDS =
  /(?:^|[^a-z0-9_\u00c0-\u024f\u0400-\u04ff])(?:phone|phones|telephone|tel|tél|tele|ph|call|calls|calling|called|ring|dial|mobile|mob|cell|cellphone|fax|whatsapp|signal|sms|text|txt|message|messages|msg|voicemail|hotline|landline|desk|contact|reach|handy|telefon|telefonnummer|rufnummer|mobil|mobilnummer|festnetz|téléphone|portable|numéro|teléfono|telefono|móvil|movil|celular|telefone|cellulare|telefoon|mobiel|puhelin|telefonu|komórka|телефон|тел|моб|電話|携帯|手机|电话|전화|फ़ोन)(?![a-z0-9_\u00c0-\u024f\u0400-\u04ff])/;
/** Words after a number that name it as a phone: "781 1704 office", "555-0100 (mobile)". */
const PHONE_WORDS_AFTER =
  /^[\s(,:-]{0,3}(?:phone|tel|mobile|mob|cell|fax|office|home|work|desk|landline|whatsapp)(?![a-z0-9_\u00c0-\u024f\u0400-\u04ff])/;
/** Words that name a number as something other than a phone. */
const OTHER_NUMBER_WORDS =
  /(?:^|[^a-z0-9_\u00c0-\u024f\u0400-\u04ff])(?:order|invoice|account|acct|iban|card|isbn|issn|ssn|sin|zip|postcode|postal|tracking|ticket|case|ref|reference|serial|version|build|release|patent|doi|pmid|id|no\.?|nr\.?)(?![a-z0-9_\u00c0-\u024f\u0400-\u04ff])[^\d]{0,12}$/;

const CONTEXT_WINDOW = 36;

/**
 * A word that announces a phone number stands before [start, end) (within a few words) or names it right after.
 * @example phoneWordNear("call me on 4155238886", 11, 21) // true
 */
export function phoneWordNear(lower: string, start: number, end: number): boolean {
  const before = lower.slice(Math.max(0, start - CONTEXT_WINDOW), start);
  if (PHONE_WORDS.test(before)) return true;
  return PHONE_WORDS_AFTER.test(lower.slice(end, end + 16)) || inSignature(lower, start);
}

/** A signature's delimiter line ("-- ") a few lines above: what follows is a name, a role and how to reach them. */
const SIGNATURE_ABOVE = /(?:^|\n)-- ?\r?\n/;
/** Most characters between a signature's delimiter and a number of it. */
const SIGNATURE_SPAN = 160;

/** `start` lies in a signature block (see SIGNATURE_ABOVE). */
function inSignature(lower: string, start: number): boolean {
  const from = Math.max(0, start - SIGNATURE_SPAN);
  return lower.lastIndexOf("--", start) >= from && SIGNATURE_ABOVE.test(lower.slice(from, start));
}

function hasOtherContext(lower: string, run: DigitRun): boolean {
  return OTHER_NUMBER_WORDS.test(lower.slice(Math.max(0, run.start - 24), run.start));
}

/** How a candidate's digits fit a numbering plan, from the strongest evidence available. */
function planVerdict(run: DigitRun): { verdict: PhoneVerdict; international: boolean } {
  const d = run.digits;
  if (run.plus) return { verdict: dropTrunkGroup(run), international: true };
  if (d.startsWith("00") && d.length >= 9)
    return { verdict: checkInternational(d.slice(2)).verdict, international: true };
  if (d.startsWith("011") && run.groups[0] === 3 && d.length >= 10)
    return { verdict: checkInternational(d.slice(3)).verdict, international: true };
  // North American numbers are usually written without "+1"
  if (d.length === 10 && d.charCodeAt(0) >= 50)
    return { verdict: checkForCallingCode("1", d), international: false };
  if (d.length === 11 && d.charCodeAt(0) === 49)
    return { verdict: checkForCallingCode("1", d.slice(1)), international: false };
  return { verdict: "invalid", international: false };
}

/** "+41 (0)69 …": the parenthesised trunk prefix is not dialled from abroad; validate without it. */
function dropTrunkGroup(run: DigitRun): PhoneVerdict {
  const full = checkInternational(run.digits);
  if (full.verdict === "valid" || run.groups.length < 3) return full.verdict;
  // a group "(0)" right after the country code
  const g1 = run.groupStarts[1]!;
  if (run.groups[1] === 1 && run.digits[run.groups[0]!] === "0" && g1 > 0 && run.seps[0]!.includes("(")) {
    const d = run.digits.slice(0, run.groups[0]) + run.digits.slice(run.groups[0]! + 1);
    const v = checkInternational(d).verdict;
    if (v !== "invalid") return v;
  }
  return full.verdict;
}

/**
 * "call me on 612.345.678": Spanish and Portuguese numbers (and others of nine digits: Peru, Chile, old Mexican
 * ones) are also written in threes with dots, the shape of a thousands-grouped amount. After a phone word, nine
 * digits so written are a phone whether or not they fit a plan this engine knows: with the other separators such a
 * number already is ("call me on 542 807 008"), and a number announced as a phone is masked rather than kept.
 */
function dottedNational(run: DigitRun, lower: string): boolean {
  const g = run.groups;
  if (run.plus || g.length !== 3 || g[0] !== 3 || g[1] !== 3 || g[2] !== 3 || !allDots(run)) return false;
  return phoneWordNear(lower, run.start, run.end);
}
function allDots(run: DigitRun): boolean {
  for (const sep of run.seps) if (sep !== ".") return false;
  return true;
}

function isNanpGrouping(run: DigitRun): boolean {
  const g = run.groups;
  const n = g.length;
  return n >= 3 && g[n - 1] === 4 && g[n - 2] === 3 && g[n - 3] === 3;
}

/**
 * Score a digit run as a telephone number, or return 0 when it is not one (dates, versions, IPs,
 * card numbers, plain numbers without evidence). Exported for tests.
 * @example phoneScore(scanDigitRuns("+41 44 668 18 00", "+41 44 668 18 00")[0], "+41 44 668 18 00") // 0.85
 */
export function phoneScore(run: DigitRun, lower: string, useContext = true): number {
  const len = run.digits.length;
  if (len < 6 || len > 15 || isExcludedShape(run)) return 0;
  const { verdict, international } = planVerdict(run);
  let score: number;
  if (international) score = verdict === "valid" ? 0.85 : verdict === "possible" ? 0.6 : 0.25;
  else if (verdict === "valid")
    score = isNanpGrouping(run) || run.paren ? 0.75 : run.groups.length > 1 ? 0.6 : 0.45;
  else if (!isPhoneShape(run) && len >= 7) score = 0.1;
  else score = run.groups.length > 1 ? 0.4 : 0.3;
  if (isCardShape(run)) score = Math.min(score, 0.2);
  // Context only matters when it can move the score across the threshold.
  if (useContext && score < 0.5 && score + 0.3 + (run.ext ? 0.1 : 0) >= 0.5) {
    if (phoneWordNear(lower, run.start, run.end)) score += 0.3;
    else if (hasOtherContext(lower, run)) score -= 0.2;
  }
  if (run.ext) score += 0.1;
  if (len < 7 && score < 0.6) return 0; // six digits only with a strong sign
  return Math.max(0, Math.min(0.99, Math.round(score * 100) / 100));
}

/** A character `readRun` may put between two digit groups: spaces, - . / en dash, non-breaking hyphen, ( ). */
function isJoiner(c: number): boolean {
  return (
    isGroupSpace(c) ||
    c === 45 ||
    c === 46 ||
    c === 47 ||
    c === 0x2013 ||
    c === 0x2011 ||
    c === 40 ||
    c === 41
  );
}

/**
 * The most digits any phone candidate can hold: digit runs (which `readRun` never splits across more than
 * their own separators) summed over gaps of at most four joiner characters (its widest separator: two spaces,
 * one punctuation mark and one parenthesis).
 * @example maxDigitCluster("6750 Koskikatu 25 Apt. 864", scanNumericRuns("6750 Koskikatu 25 Apt. 864")) // 4
 */
export function maxDigitCluster(text: string, runs: readonly NumRun[]): number {
  let best = 0;
  let cur = 0;
  for (let k = 0; k < runs.length; k++) {
    const r = runs[k]!;
    let joined = k > 0;
    if (joined) {
      const from = runs[k - 1]!.end;
      if (r.start - from > 4) joined = false;
      else for (let i = from; i < r.start && joined; i++) joined = isJoiner(text.charCodeAt(i));
    }
    cur = joined ? cur + r.nd : r.nd;
    if (cur > best) best = cur;
  }
  return best;
}

/** Channels where a person typed, pasted or photographed the text, so long digit runs are identifiers. */
export const FALLBACK_CHANNELS: readonly Channel[] = ["typed", "clipboard", "ocr"];

/** Score of the typed-text fallback: just above the engine's threshold, so stronger types win merges. */
export const FALLBACK_SCORE = 0.55;

/**
 * Telephone numbers of any country: "+41 (0)69 979 80 58", "(602) 272-9781 x135", "07700 900123",
 * "03.93.92.16.85". Candidates come from one linear scan of digit groups; international numbers are
 * validated against libphonenumber-js metadata, North American ones too; national numbers of other
 * countries need phone-like grouping plus a context word (phone, tel, mobile, Telefon, teléfono, …).
 *
 * Fallback, in the typed, clipboard and ocr channels only: any other run of 7 or more digits (grouped
 * with spaces, dots, dashes, parentheses or slashes) that is not a date, time, version, decimal, amount
 * or IP address is an identifier a person typed (account, phone, ID). It is reported as PHONE_NUMBER
 * when phone-shaped, else NUMBER, with score {@link FALLBACK_SCORE}. Both share one scan, which is why
 * they are one recognizer.
 */
export const phone: Recognizer = {
  id: "phone",
  types: ["PHONE_NUMBER", "NUMBER"],
  triggers: { digit: true },
  detect(input) {
    const { text, channel } = input;
    const out = OUT;
    if (out.length !== 0) out.length = 0;
    // Every candidate holds six digits or more, read across separators of at most four characters; when the
    // ids recognizers already found this input's digit runs, texts without such a cluster are ruled out.
    const runs = knownRuns(input);
    if (runs !== undefined && maxDigitCluster(text, runs) < 6) return results(out);
    const lower = alignedLower(text, input.lower);
    const fallback = FALLBACK_CHANNELS.includes(channel);
    for (const run of scanDigitRuns(text, lower, knownFirstDigit(input))) {
      // In the fallback channels a 7+ digit run is reported either way, so context words (which only
      // move a score across the threshold) are not consulted: the type follows the number's shape.
      const reported = fallback && run.digits.length >= 7;
      if (isExcludedShape(run)) {
        if (dottedNational(run, lower))
          out.push({
            start: run.start,
            end: run.end,
            type: "PHONE_NUMBER",
            score: 0.6,
            level: 3,
            recognizer: "phone",
          });
        continue;
      }
      const score = phoneScore(run, lower, !reported);
      if (score >= 0.5) {
        out.push({
          start: run.start,
          end: run.end,
          type: "PHONE_NUMBER",
          score,
          level: 3,
          recognizer: "phone",
        });
      } else if (reported) {
        const type = isPhoneShape(run) && !isCardShape(run) ? "PHONE_NUMBER" : "NUMBER";
        out.push({
          start: run.start,
          end: run.end,
          type,
          score: FALLBACK_SCORE,
          level: 3,
          recognizer: "phone",
        });
      }
    }
    return results(out);
  },
};
