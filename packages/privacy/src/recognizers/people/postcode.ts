import type { Detection } from "../../types.js";
import { asciiDigitRuns, type DigitRuns } from "../ids/scan.js";
import { L_CALENDAR, L_COMMON, lexicon, type Lexicon } from "./lexicon.js";
import { CH_DIGIT, isSpace, peekTokens } from "./tokens.js";

/*
 * Postcodes outside a street address (inside one they are part of the STREET_ADDRESS span): after a
 * postcode label ("ZIP:", "postal code", "PLZ", "CEP"), after a US state code ("CA 94105"), after
 * "in <Place>" ("in Bjert 6091"), and the self-evident UK and Canadian forms ("SW1A 1AA", "K1A 0B1").
 * One pass over the digit runs of the text; every check looks at a few characters around one run.
 */

const ID = "postcode";
const FORM =
  "(?:[A-Z]{1,2}\\d[A-Z\\d]? ?\\d[A-Z]{2}|[A-Z]\\d[A-Z] ?\\d[A-Z]\\d|\\d{4} ?[A-Z]{2}\\b|\\d{2,5}(?:[ -]\\d{2,4})?)";
const FORM_RE = new RegExp(`^${FORM}$`);
const VALUE_RE = new RegExp(`${FORM}(?![\\p{L}\\p{N}])`, "uy");
const UK_RE = /[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}(?![A-Za-z0-9])/y;
const CA_RE = /[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d(?![A-Za-z0-9])/y;
/** A postcode label right before a value (checked on the lower-cased text before a digit run). */
const LABEL_RE =
  /(?:^|[^\p{L}])(?:zip(?: ?code)?|postal code|post ?code|postleitzahl|plz|cep|code postal|c[óo]digo postal|codice postale|postnummer|postinumero|irányítószám|kod pocztowy|pin ?code)\s*(?:is|was|:|=|-|#|no\.?|number)?\s*(?:is\s*)?:?\s*$/u;
/** US state codes (and DC, PR) as a table of the 26 x 26 pairs of capital letters. */
const US_STATES = new Uint8Array(26 * 26);
for (const code of "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC PR".split(
  " ",
))
  US_STATES[(code.charCodeAt(0) - 65) * 26 + code.charCodeAt(1) - 65] = 1;

/**
 * `code` is a US state code (or DC, PR), in either case.
 * @example isUsStateCode("oh") // true
 */
export function isUsStateCode(code: string): boolean {
  return code.length === 2 && usState(code.toUpperCase(), 0);
}

/** text[at..at+2) is a US state code. */
function usState(text: string, at: number): boolean {
  const a = text.charCodeAt(at) - 65;
  const b = text.charCodeAt(at + 1) - 65;
  return a >= 0 && a < 26 && b >= 0 && b < 26 && US_STATES[a * 26 + b] === 1;
}

/**
 * True when `s` has the shape of a postcode of one of the supported countries.
 * @example isPostcodeText("SW1A 1AA") // true
 */
export function isPostcodeText(s: string): boolean {
  return FORM_RE.test(s.trim());
}

/**
 * Postcodes by label, state code, "in <Place>" and UK/Canadian form.
 * @example detectPostcodes("my zip code is 35350", "my zip code is 35350")[0].start // 15
 */
export function detectPostcodes(text: string, lower: string, digits?: DigitRuns): Detection[] {
  const out: Detection[] = [];
  if (lower.length !== text.length) return out;
  let lex: Lexicon | undefined;
  let allLower: boolean | undefined;
  let done = -1; // end of the last postcode found
  if (digits === undefined) {
    // no digit-gated recognizer scanned the record: when its tokens say it has no digit, there is nothing to find
    const toks = peekTokens(text);
    if (toks !== undefined && (toks.chars & CH_DIGIT) === 0) return out;
  }
  // every maximal run of ASCII digits [i, j): from the record's shared scan, else searched here
  const runs = digits ?? asciiDigitRuns(text);
  const runCount = runs.count;
  const runStart = runs.start;
  const runEnd = runs.end;
  let pos = 0; // digit runs before this offset are inside a postcode found
  for (let q = 0; q < runCount; q++) {
    const i = runStart[q]!;
    const j = runEnd[q]!;
    if (i < pos) continue;
    pos = j;
    const len = j - i;
    const prev = i > 0 ? text.charCodeAt(i - 1) : 32;
    if (i < done) continue;
    // UK and Canadian forms start with one or two letters before this digit run: "SW1A 1AA", "K1A 0B1"
    if (len <= 2 && prev >= 65 && prev <= 90) {
      const s = i >= 2 && text.charCodeAt(i - 2) >= 65 && text.charCodeAt(i - 2) <= 90 ? i - 2 : i - 1;
      if (s === 0 || !isWordChar(text.charCodeAt(s - 1))) {
        CA_RE.lastIndex = s;
        let m = CA_RE.exec(text);
        let score = 0.7;
        if (!m) {
          UK_RE.lastIndex = s;
          m = UK_RE.exec(text);
          score = 0.65;
        }
        if (!m && i - 1 !== s) {
          CA_RE.lastIndex = i - 1;
          m = i - 1 === 0 || !isWordChar(text.charCodeAt(i - 2)) ? CA_RE.exec(text) : null;
        }
        if (m) {
          const st = m.index;
          if (labelBefore(lower, st)) score = 0.85;
          out.push(det(st, st + m[0].length, score));
          done = st + m[0].length;
          pos = done;
          continue;
        }
      }
    }
    if (isWordChar(prev) || prev === 45 || prev === 46 || prev === 44 || len > 5) continue;
    VALUE_RE.lastIndex = i;
    if (VALUE_RE.test(text)) {
      const end = VALUE_RE.lastIndex;
      if (end - i >= 3 && labelBefore(lower, i)) {
        // labelled: "ZIP: 3520", "my zip code is 35350"
        out.push(det(i, end, 0.85));
        done = end;
      } else if (len === 5 && i >= 3 && text.charCodeAt(i - 1) === 32 && usState(text, i - 3)) {
        // "CA 94105", "NY 10001-1234"
        if (i - 4 < 0 || !isWordChar(text.charCodeAt(i - 4))) {
          out.push(det(i, end, 0.8));
          done = end;
        }
      } else if (len >= 4 && !yearLike(text, i, j)) {
        // "in Bjert 6091", "in Quinta de São Tiago 3610-114"
        lex ??= lexicon();
        // (the text compared with its lower-cased form once: per number, that cost the square of a long text's length)
        allLower ??= text === lower;
        if (placeBefore(text, i, lex, allLower)) {
          out.push(det(i, end, 0.6));
          done = end;
        }
      }
    }
    pos = Math.max(j, done);
  }
  return out;
}

/** A postcode label ends right before offset `st` of the lower-cased text. */
function labelBefore(lower: string, st: number): boolean {
  const from = Math.max(0, st - 32);
  return labelEndPossible(lower, from, st) && LABEL_RE.test(lower.slice(from, st));
}

/**
 * Whether a LABEL_RE match can end at `st`: its last character before the trailing spaces ends a label or one
 * of the words after it. Most numbers follow other words, and this settles them without the regex.
 */
function labelEndPossible(lower: string, from: number, st: number): boolean {
  let k = st - 1;
  while (k >= from && isSpace(lower.charCodeAt(k))) k--;
  if (k < from) return false;
  switch (lower.charCodeAt(k)) {
    case 101: // e: code, postale
    case 108: // l: postleitzahl, postal
    case 109: // m: irányítószám
    case 111: // o: postinumero, no
    case 112: // p: zip, cep
    case 114: // r: postnummer, number
    case 115: // s: is, was
    case 121: // y: pocztowy
    case 122: // z: plz
    case 58: // :
    case 61: // =
    case 45: // -
    case 35: // #
    case 46: // no.
      return true;
    default:
      return false;
  }
}

function det(start: number, end: number, score: number): Detection {
  return { start, end, type: "POSTCODE", score, level: 3, recognizer: ID };
}

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c >= 0xc0;
}

/** The run of ASCII digits text[s..e) is a year 1900-2099. */
function yearLike(text: string, s: number, e: number): boolean {
  if (e - s !== 4) return false;
  const c0 = text.charCodeAt(s);
  const c1 = text.charCodeAt(s + 1);
  return (c0 === 49 && c1 === 57) || (c0 === 50 && c1 === 48);
}

const IN_PLACE_RE = /\bin ((?:[\p{L}][\p{L}\p{M}'’-]*[ ]){1,4})$/u;

/** "in <1-4 place words> " right before `pos`, the words capitalised (or `allLower`: a lower-case text) and uncommon. */
function placeBefore(text: string, pos: number, lex: Lexicon, allLower: boolean): boolean {
  if (text.charCodeAt(pos - 1) !== 32) return false;
  const window = text.slice(Math.max(0, pos - 48), pos);
  if (!window.includes("in ")) return false;
  const m = IN_PLACE_RE.exec(window);
  if (!m) return false;
  const words = m[1]!.trim().split(" ");
  let ok = 0;
  for (const w of words) {
    const lw = w.toLowerCase();
    const bits = lex.get(lw);
    const cap = w !== lw;
    if (bits & (L_COMMON | L_CALENDAR) && !(lw.length <= 3 && words.length > 1)) return false;
    if (cap || allLower) ok++;
  }
  return ok > 0 && (words[0] !== words[0]!.toLowerCase() || allLower);
}
