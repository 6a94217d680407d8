import type { Detection, Recognizer } from "../../types.js";
import { L_CALENDAR, lexicon, MONTH_ABBREVIATIONS, type Lexicon } from "./lexicon.js";
import { asciiDigitRuns, type DigitRuns, knownDigitRuns } from "../ids/scan.js";
import { NO_DETECTIONS, results } from "../results.js";
import { isSpace } from "./tokens.js";

/*
 * Dates of birth and ages, by context only: a date is a date of birth when a birth word precedes it
 * ("born on", "DOB:", "date of birth", "geboren am", "né le", "fecha de nacimiento"); a number is an
 * age when an age word frames it ("34 years old", "aged 72", "age: 34", "I just turned 47").
 */

const ID = "dob-age";
/** Scratch list of detect (recognizers are not re-entered). */
const OUT: Detection[] = [];

const BIRTH_WORDS = [
  "born",
  "birth",
  "birthday",
  "dob",
  "d.o.b",
  "geboren",
  "geburtsdatum",
  "geburtstag",
  "né le",
  "née le",
  "naissance",
  "nacimiento",
  "nacido",
  "nacida",
  "nascita",
  "nato il",
  "nata il",
  "nascimento",
  "nasceu",
  "urodzon",
  "syntynyt",
  "född",
  "født",
  "született",
  "geboortedatum",
  "geb.",
];
const MONTH_ABBR = new Set(MONTH_ABBREVIATIONS);
const NUMERIC_DATE_RE = /(?:\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})|\d{4}[./-]\d{1,2}[./-]\d{1,2})(?![\d])/y;
const DAY_MONTH_YEAR_RE = /\d{1,2}(?:st|nd|rd|th)?\.?\s+(?:of\s+)?(\p{L}{3,10})\.?,?\s+\d{4}(?!\d)/uy;
const MONTH_DAY_YEAR_RE = /(\p{L}{3,10})\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}(?!\d)/uy;
const YEAR_RE = /(?:19|20)\d{2}(?!\d)/y;

/** Words that end right before an age ("aged 72", "I'm 34"). Checked on the lower-cased text. */
const AGE_BEFORE_RE =
  /(?:\baged?|\bage\s*[:=]|\bage of|\bages|\bturned|\bturn|\bturning|\bi am|\bi'm|\bi’m|\bhe is|\bshe is|\bhe's|\bshe's|\bthey are|\bwhen (?:he|she|i) was|\bis now|\balter\s*:?|\bâge\s*:?|\bedad\s*:?|\bedad de|\bleeftijd\s*:?|\bålder\s*:?|\bwiek\s*:?)\s{0,3}$/;
const AGE_AFTER_RE =
  /(?:[\s-]{0,2}(?:years?|yrs?|yr)[\s-]{0,2}old\b|\s?y\/o\b|\s?y\.o\.|\s?yo\b|[\s-]{0,2}years?\s+of\s+age\b|\s(?:jahre?|jährige?r?)\s+alt\b|-jährige?r?\b|\s+a[nñ]os\b|\s+anni\b|\s+ans\b|\s+jaar\b|\s+år\b|\s+vuotta\b|\s+lat\b)/y;
/** After a weaker lead word ("I'm 34"), the number must end the clause or be followed by such a word. */
const CLAUSE_END_RE =
  /(?:\s*$|\s*[.,!?;:)]|\s+(?:and|but|now|next|this|today|tomorrow|soon|last|in|on|years?|yrs?)\b)/y;
const STRONG_LEADS =
  /(?:aged?|age\s*[:=]|age of|ages|alter\s*:?|âge\s*:?|edad\s*:?|edad de|leeftijd\s*:?|ålder\s*:?|wiek\s*:?)\s{0,3}$/;

/**
 * Dates of birth (DATE_OF_BIRTH, level 3) and ages (AGE, level 3).
 * @example dobAge.detect({ text: "DOB: 1990-04-12", lower: "dob: 1990-04-12", channel: "typed" })[0].type // "DATE_OF_BIRTH"
 */
export const dobAge: Recognizer = {
  id: ID,
  types: ["DATE_OF_BIRTH", "AGE"],
  // both start from a run of digits (see scan), or an age is spelt out before "years old" or after "aged"
  triggers: { digit: true, lower: ["year", "aged "] },
  detect(input) {
    const { text, lower } = input;
    if (lower.length !== text.length) return NO_DETECTIONS;
    const out = OUT;
    if (out.length !== 0) out.length = 0;
    scan(text, lower, out, knownDigitRuns(input) ?? asciiDigitRuns(text));
    if (lower.includes("year") || lower.includes("aged ")) spelledAges(lower, out);
    return results(out);
  },
};

// English numbers from one to a hundred and nineteen, as words ("forty-two", "twenty one", "a hundred and five")
const UNITS_WORDS = "one|two|three|four|five|six|seven|eight|nine";
const TEENS_WORDS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen";
const TENS_WORDS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety";
const UNDER_100 = `(?:(?:${TENS_WORDS})(?:[ -](?:${UNITS_WORDS}))?|${TEENS_WORDS}|${UNITS_WORDS})`;
const AGE_WORDS = `(?:(?:a|one) hundred(?:(?: and)? ${UNDER_100})?|${UNDER_100})`;
/** A spelt-out age then "years old" ("forty-two years old", "a twenty-five-year-old"), or "aged" then one. */
const SPELLED_AGE_RE = new RegExp(
  `\\b(${AGE_WORDS})(?=[ -]years?[ -]old\\b)|\\baged (${AGE_WORDS})\\b(?![ -](?:${TENS_WORDS}|${UNITS_WORDS}|hundred)\\b)`,
  "g",
);

/** Ages written in English words (AGE): "she is forty-two years old", "aged sixty". */
function spelledAges(lower: string, out: Detection[]): void {
  SPELLED_AGE_RE.lastIndex = 0;
  for (let m; (m = SPELLED_AGE_RE.exec(lower)) !== null;) {
    const start = m[1] !== undefined ? m.index : m.index + 5;
    const end = start + (m[1] ?? m[2]!).length;
    out.push({ start, end, type: "AGE", score: 0.85, level: 3, recognizer: ID });
  }
}

/** A birth word within the 48 characters before a date (checked on lower case). */
const BIRTH_RE = new RegExp(
  `(?:^|[^\\p{L}])(?:${BIRTH_WORDS.map((w) => w.replace(/[.]/g, "\\.")).join("|")})(?:[^\\n]{0,40})$`,
  "u",
);
const MONTH_BEFORE_RE = /(\p{L}{3,10})\.?\s+$/u;
/** Any birth word anywhere in the lower-cased text: without one, no date is a date of birth. */
const ANY_BIRTH_WORD_RE = new RegExp(BIRTH_WORDS.map((w) => w.replace(/[.]/g, "\\.")).join("|"));

/**
 * Whether an age word (AGE_BEFORE_RE) can end right before `i`: the last character before `i` that is
 * no white space (within the 24 the regex sees) must be the last character of one of its alternatives.
 */
function ageLeadPossible(lower: string, i: number): boolean {
  const from = Math.max(0, i - 24);
  let k = i - 1;
  while (k >= from && isSpace(lower.charCodeAt(k))) k--;
  if (k < from) return false;
  const c = lower.charCodeAt(k);
  // d e : = f s n g m w r k
  return (
    c === 100 ||
    c === 101 ||
    c === 58 ||
    c === 61 ||
    c === 102 ||
    c === 115 ||
    c === 110 ||
    c === 103 ||
    c === 109 ||
    c === 119 ||
    c === 114 ||
    c === 107
  );
}

// per-call state of scan (module-level: no closure per record)
let n = 0;
let lex: Lexicon | undefined;
let birth = -1; // whether the text holds a birth word at all (-1: not looked yet)
let dobEnd = -1;
let lastYearRun = -1; // start of the last run of exactly four digits, -1 when none

/** One pass over the digit runs of the text: each may be an age (by the words around it) or start a date of birth. */
function scan(text: string, lower: string, out: Detection[], digits: DigitRuns): void {
  n = text.length;
  lex = undefined;
  birth = -1;
  dobEnd = -1;
  const { count, start, end } = digits;
  lastYearRun = -1;
  for (let k = count - 1; k >= 0; k--)
    if (end[k]! - start[k]! === 4) {
      lastYearRun = start[k]!;
      break;
    }
  let pos = 0; // runs before this offset were consumed by a date of birth
  for (let k = 0; k < count; k++) if (start[k]! >= pos) pos = scanRun(text, lower, out, start[k]!, end[k]!);
}

/**
 * A date (see matchDate, digit or month first) can start with the run [i, j) of one, two or four digits: a
 * separator of a numeric date follows it, a four-digit run is a year of this century or the last, or a year
 * (a run of exactly four digits) comes after it. Without, the birth words need not be looked for.
 */
function dateMayStart(text: string, i: number, j: number): boolean {
  const c = j < n ? text.charCodeAt(j) : 32;
  if (c === 46 || c === 47 || c === 45) return true;
  if (j - i === 4) {
    const a = text.charCodeAt(i);
    const b = text.charCodeAt(i + 1);
    return (a === 49 && b === 57) || (a === 50 && b === 48);
  }
  return lastYearRun > i;
}

/** Look at the run [i, j); returns where the next run may start. */
function scanRun(text: string, lower: string, out: Detection[], i: number, j: number): number {
  const prev = i > 0 ? text.charCodeAt(i - 1) : 32;
  const digitStart = !(prev >= 48 && prev <= 57);
  // ---- a date of birth: a date with a birth word before it ----
  // (every date form starts with a run of one, two or four digits: the others need no birth word)
  const len = j - i;
  if ((len <= 2 || len === 4) && i >= dobEnd && digitStart && !isLetter(prev) && dateMayStart(text, i, j)) {
    if (birth < 0) birth = ANY_BIRTH_WORD_RE.test(lower) ? 1 : 0;
    if (birth === 1) {
      lex ??= lexicon();
      let start = i;
      let m = matchDate(text, i, lex, true);
      if (!m && isSpace(prev)) {
        // "March 12, 1985": a month name before the day
        const mb = MONTH_BEFORE_RE.exec(text.slice(Math.max(0, i - 12), i));
        if (mb) {
          const ms = i - mb[0].length;
          const mm = matchDate(text, ms, lex, false);
          if (mm) {
            start = ms;
            m = mm;
          }
        }
      }
      if (m && BIRTH_RE.test(lower.slice(Math.max(0, start - 48), start))) {
        out.push({
          start,
          end: start + m.len,
          type: "DATE_OF_BIRTH",
          score: m.score,
          level: 3,
          recognizer: ID,
        });
        dobEnd = start + m.len;
        return Math.max(j, dobEnd);
      }
    }
  }
  // ---- an age: 1-3 digits framed by age words ----
  const next = j < n ? text.charCodeAt(j) : 32;
  const glued =
    isLetter(prev) || prev === 46 || prev === 44 || prev === 47 || prev === 58 || prev === 36 || !digitStart;
  const decimal =
    (next === 46 || next === 44 || next === 58 || next === 47) &&
    j + 1 < n &&
    text.charCodeAt(j + 1) >= 48 &&
    text.charCodeAt(j + 1) <= 57;
  if (j - i <= 3 && !glued && !decimal && i >= dobEnd) {
    let age = 0;
    for (let k = i; k < j; k++) age = age * 10 + text.charCodeAt(k) - 48;
    if (age <= 130) {
      let score = 0;
      AGE_AFTER_RE.lastIndex = j;
      const after = ageWordMayFollow(lower, j) ? AGE_AFTER_RE.exec(lower) : null;
      if (after !== null) {
        // "34 ans", "34 años" alone are an age ("il a 34 ans"), and a time too: "il y a 3 ans", "hace 3 años",
        // "3 jaar geleden", "da 3 anni"
        if (!BARE_YEARS_RE.test(after[0]) || !duration(lower, i, j + after[0].length)) score = 0.85;
      } else if (ageLeadPossible(lower, i)) {
        const before = lower.slice(Math.max(0, i - 24), i);
        if (AGE_BEFORE_RE.test(before)) {
          if (STRONG_LEADS.test(before)) score = 0.85;
          else {
            CLAUSE_END_RE.lastIndex = j;
            if (CLAUSE_END_RE.test(lower) && !unitAfter(lower, j)) score = 0.75;
          }
        }
      }
      if (score) out.push({ start: i, end: j, type: "AGE", score, level: 3, recognizer: ID });
    }
  }
  return j;
}

/** AGE_AFTER_RE's match is the word for years alone, which a time takes too ("il y a 3 ans"). */
const BARE_YEARS_RE = /(?:a[nñ]os|anni|ans|jaar|år|vuotta|lat)$/;
/** The words before a number of years that make it a time, not an age: "il y a", "depuis", "hace", "sinds", "da". */
const DURATION_BEFORE_RE =
  /(?:^|[^\p{L}])(?:il y a|depuis|pendant|durant|dans|hace|durante|desde|en|da|per|tra|fra|sinds|al|over|na|binnen|ruim|för|om|efter|przez|za|od)\s+(?:(?:plus de|presque|près de|environ|más de|casi|più di|quasi|circa|meer dan|bijna|zo'n)\s+)?$/u;
/** The word after the years that makes them a time: "3 jaar geleden", "tre anni fa", "3 år sedan", "3 lata temu". */
const DURATION_AFTER_RE = /^\s+(?:geleden|fa|sedan|siden|temu|sitten|ago)(?![\p{L}])/u;
/** The number of years at [i, e) is a time: "il y a 3 ans", "3 jaar geleden". */
function duration(lower: string, i: number, e: number): boolean {
  return (
    DURATION_BEFORE_RE.test(lower.slice(Math.max(0, i - 24), i)) ||
    DURATION_AFTER_RE.test(lower.slice(e, e + 12))
  );
}

/** Every alternative of AGE_AFTER_RE starts with white space, "-" or "y": the regex need not be tried elsewhere. */
function ageWordMayFollow(lower: string, j: number): boolean {
  if (j >= n) return false;
  const c = lower.charCodeAt(j);
  return c === 121 || c === 45 || isSpace(c);
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7);
}

function matchDate(
  text: string,
  k: number,
  lex: Lexicon,
  digit: boolean,
): { len: number; score: number } | undefined {
  const isMonth = (w: string) => {
    const lw = w.toLowerCase();
    return MONTH_ABBR.has(lw) || (lex.get(lw) & L_CALENDAR) !== 0;
  };
  if (digit) {
    NUMERIC_DATE_RE.lastIndex = k;
    let m = NUMERIC_DATE_RE.exec(text);
    if (m) return { len: m[0].length, score: 0.85 };
    DAY_MONTH_YEAR_RE.lastIndex = k;
    m = DAY_MONTH_YEAR_RE.exec(text);
    if (m && isMonth(m[1]!)) return { len: m[0].length, score: 0.85 };
    YEAR_RE.lastIndex = k;
    m = YEAR_RE.exec(text);
    if (m) return { len: m[0].length, score: 0.6 };
    return undefined;
  }
  MONTH_DAY_YEAR_RE.lastIndex = k;
  const m = MONTH_DAY_YEAR_RE.exec(text);
  if (m && isMonth(m[1]!)) return { len: m[0].length, score: 0.85 };
  return undefined;
}

/** "I'm 5 minutes away", "turn 2 left": a unit after the number is no age. */
function unitAfter(lower: string, j: number): boolean {
  return /^\s?(?:%|percent|minutes?|mins?|hours?|hrs?|seconds?|secs?|days?|weeks?|months?|times?|degrees?|°|pages?|miles?|km|kg|lbs?|pounds?|dollars?|euros?|\$|€|left|right|am|pm|o'clock|points?|items?|of|x|th|st|nd|rd)\b/.test(
    lower.slice(j, j + 12),
  );
}
