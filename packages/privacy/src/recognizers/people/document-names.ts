/**
 * Names as travel and identity documents print them, which the person recognizer's capital-letter rules do not read
 * (a word all in capitals is an acronym to them unless a name list holds it):
 * - an airline's SURNAME/GIVEN, with a title after it or a label before it: "PASSENGER NAME KELTRUDE/ZORVAN MR",
 *   "Pasajero: KELTRUDE/ZORVAN";
 * - the name field of a machine-readable zone: "P<GBRKELTRUDE<<ZORVAN<MARVESH<<<<", "KELTRUDE<<ZORVAN<<<<<<<<<";
 * - a passport's or an ID card's field, its label on one line (in one or two languages: "Surname / Nom", "Given names
 *   / Prénoms", "Apellidos / Surname") and the name in capitals on the next;
 * - a name in capitals after a person's label and its colon ("Traveller: ZORVAN KELTRUDE"), after a traveller's role
 *   ("Lead passenger ZORVAN KELTRUDE, booking ref …"), or after NAME in capitals on a scanned card's line ("NAME
 *   ZORVAN KELTRUDE DOB 12 MAR 1984").
 * Emits PERSON (level 3). Words in capitals that are common words ("SEE BOOKING", "N/A") are no name.
 */
import type { Detection, Recognizer } from "../../types.js";
import { NO_DETECTIONS, results } from "../results.js";
import { PERSON_LABELS } from "./labels.js";
import { entries, WordTable } from "./words.js";
import { L_CALENDAR, L_CITY, L_COMMON, L_FIRST, L_LAST, L_ORG, L_PLACE, L_TITLE } from "./lexicon.js";
import {
  CH_ANGLE,
  CH_NEWLINE,
  CH_SLASH,
  K_ALLCAP,
  K_CAP,
  K_DIGITS,
  K_INITIAL,
  K_LOWER,
  K_NONASCII,
  tokensOf,
  type Tokens,
  wordBits,
} from "./tokens.js";

const ID = "person-documents";
const OUT: Detection[] = [];
const SCORE = 0.8;

// what a word is to this recognizer (bits of WORDS)
/** A title an airline prints after SURNAME/GIVEN. */
const W_TITLE = 1;
/** A traveller's role before a name in capitals without a colon ("Lead passenger ZORVAN KELTRUDE"). */
const W_TRAVELLER = 2;
/** A word of a document's name field labels ("Surname / Nom"); a line of them alone labels the line after it. */
const W_FIELD = 4;
/** A scanned card's other field, which ends a name read after NAME ("DOB", "SEX"). */
const W_NEXT_FIELD = 8;
/** What forms write in capitals where a name is not known or not given ("TBD", "VIP"). */
const W_NO_NAME = 16;
/** A particle of surnames, which the lexicon reads as a common word ("DE BRUYN", "VAN DIJK"). */
const W_PARTICLE = 32;
/** A person's label before a colon (PERSON_LABELS). */
const W_LABEL = 64;

// prettier-ignore
const WORDS = new WordTable([
  ...entries(["mr", "mrs", "ms", "miss", "mstr", "mst", "dr", "m", "mme", "mlle", "sr", "sra", "srta"], W_TITLE),
  ...entries([
    "passenger", "traveller", "traveler", "guest", "holder", "cardholder", "pax", "reisender", "passagier",
    "passeggero", "pasajero", "passager", "voyageur", "viajero", "viaggiatore", "reiziger",
  ], W_TRAVELLER),
  ...entries([
    "surname", "surnames", "name", "names", "given", "forename", "forenames", "nom", "noms", "prénom", "prénoms",
    "prenom", "prenoms", "apellido", "apellidos", "nombre", "nombres", "familienname", "nachname", "vorname",
    "vornamen", "geburtsname", "cognome", "nome", "nomi", "naam", "achternaam", "voornaam", "voornamen", "nazwisko",
    "imię", "imie", "imiona", "sobrenome", "sobrenomes", "efternamn", "förnamn", "etternavn", "fornavn", "efternavn",
    "sukunimi", "etunimet", "příjmení", "jméno", "of", "holder", "bearer",
  ], W_FIELD),
  ...entries([
    "dob", "sex", "gender", "nationality", "date", "born", "birth", "place", "id", "no", "number", "expiry",
    "expires", "issued", "valid", "address", "height", "class", "seat", "gate", "flight", "booking", "ref", "pnr",
    "ticket",
  ], W_NEXT_FIELD),
  ...entries([
    "tbd", "tba", "tbc", "na", "n", "a", "none", "nil", "null", "unknown", "vip", "any", "all", "self", "you", "me",
    "ok", "yes", "no", "admin", "guest", "user", "test", "same", "see", "above", "below", "xxx", "xx",
  ], W_NO_NAME),
  ...entries([
    "de", "del", "della", "di", "da", "dos", "das", "du", "le", "la", "van", "von", "der", "den", "ten", "ter", "al",
    "el", "bin", "ben", "mac", "st",
  ], W_PARTICLE),
  ...entries([...PERSON_LABELS], W_LABEL),
]);

/** Words of a ticket or a booking, in the languages of the hold-out sets. */
const TRAVEL_WORDS =
  /(?:^|[^\p{L}])(?:e-?ticket|ticket|pnr|booking|flight|seat|gate|boarding|passenger|itinerary|fluggast|flug|billet|vol|vuelo|volo|vlucht|reserv\p{L}*|buchung|boeking|prenotazione)(?![\p{L}])/u;

/** A machine-readable zone's name field: after a passport's or a visa's type and issuing state, or a line of its own. */
const MRZ_AFTER_STATE = /(?:^|\n)[ \t]*[PV][A-Z<][A-Z<]{3}([A-Z]{2,}(?:<[A-Z]+)*<<[A-Z]{2,}(?:<[A-Z]+)*)/g;
const MRZ_NAME_LINE = /(?:^|\n)[ \t]*([A-Z]{2,}(?:<[A-Z]+)*<<[A-Z]{2,}(?:<[A-Z]+)*)<{2,}[ \t]*(?=\r?\n|$)/g;

// ---- per-call state of detect (not re-entrant; module-level so that no closure is made per record) ----
let text = "";
let lower = "";
let toks: Tokens;
let n = 0;
let ts: Int32Array;
let te: Int32Array;
let tk: Uint8Array;
/** Whether the record's words are a ticket's or a booking's (-1: not looked yet). */
let travel = -1;

/** WORDS bits of token i. */
function flags(i: number): number {
  return WORDS.getRange(lower, ts[i]!, te[i]!);
}
/** Lexicon bits of token i (memoised for the record, shared with the other recognizers). */
function lexBits(i: number): number {
  return wordBits(toks, i, text, lower);
}
/** Token i is a word in capitals that may be a name's: letters only, two or more, no common word. */
function capsName(i: number): boolean {
  if (i < 0 || i >= n || (tk[i]! & (K_ALLCAP | K_DIGITS)) !== K_ALLCAP) return false;
  const b = lexBits(i);
  return !(b & L_COMMON) || (b & (L_FIRST | L_LAST)) !== 0;
}
/** Token i is a word in lower case that may be a name's: letters only, two or more, no common word. */
function lowerName(i: number): boolean {
  return (tk[i]! & (K_LOWER | K_DIGITS)) === K_LOWER && te[i]! - ts[i]! >= 2 && !(lexBits(i) & L_COMMON);
}
/** Only spaces (one to three) stand between tokens i and i + 1. */
function spaced(i: number): boolean {
  const gap = ts[i + 1]! - te[i]!;
  if (gap < 1 || gap > 3) return false;
  for (let k = te[i]!; k < ts[i + 1]!; k++) if (text.charCodeAt(k) !== 32) return false;
  return true;
}
/** Token i and i + 1 are joined by a slash alone: "KELTRUDE/ZORVAN". */
function slashed(i: number): boolean {
  return i + 1 < n && te[i] === ts[i + 1]! - 1 && text.charCodeAt(te[i]!) === 47;
}
/** Token i may be a word of a name in capitals read after a label: no label, field or placeholder of its own. */
function runWord(i: number): boolean {
  return capsName(i) && (flags(i) & (W_NEXT_FIELD | W_NO_NAME | W_FIELD)) === 0;
}
/** The run of names in capitals from token i (at most five, on one line), its last token; -1 if none. */
function capsRun(i: number): number {
  if (!runWord(i)) return -1;
  let j = i;
  for (;;) {
    if (j + 1 < n && j - i < 4 && spaced(j) && runWord(j + 1)) j++;
    // a particle inside the name: "ANA MARÍA SEVILLA DE COVARRUBIAS"
    else if (
      j + 2 < n &&
      j - i < 3 &&
      spaced(j) &&
      spaced(j + 1) &&
      (tk[j + 1]! & K_ALLCAP) !== 0 &&
      flags(j + 1) & W_PARTICLE &&
      runWord(j + 2)
    )
      j += 2;
    else return j;
  }
}
/** The record is a ticket's or a booking's: its words say so ("E-ticket: X/Y  PNR 5KQ2XA"). */
function travelRecord(): boolean {
  if (travel === -1) travel = TRAVEL_WORDS.test(lower) ? 1 : 0;
  return travel === 1;
}
/** Token t, in capitals, may be a word of a surname before the airline's "/": a particle, or no label or title. */
function surnamePart(t: number): boolean {
  if ((tk[t]! & (K_ALLCAP | K_DIGITS)) !== K_ALLCAP) return false;
  const f = flags(t);
  if (f & W_PARTICLE) return true;
  return capsName(t) && (f & (W_LABEL | W_TRAVELLER | W_FIELD | W_TITLE | W_NO_NAME)) === 0;
}
/** A label of a person is token i - 1: "PASSENGER NAME X/Y", "Pasajero: X/Y". */
function labelBefore(i: number): boolean {
  return i >= 1 && (flags(i - 1) & (W_LABEL | W_TRAVELLER | W_FIELD)) !== 0;
}
function push(out: Detection[], a: number, b: number): void {
  out.push({ start: ts[a]!, end: te[b]!, type: "PERSON", score: SCORE, level: 3, recognizer: ID });
}

/**
 * Names of travel and identity documents (see the module's comment).
 * @example documentNames.detect({ text: "PASSENGER NAME KELTRUDE/ZORVAN MR", lower: "passenger name keltrude/zorvan mr", channel: "ocr" })[0].start // 15
 */
export const documentNames: Recognizer = {
  id: ID,
  types: ["PERSON"],
  readsWords: true,
  detect(input) {
    const t = tokensOf(input.text);
    if (input.lower.length !== input.text.length) return NO_DETECTIONS;
    const slash = (t.chars & CH_SLASH) !== 0;
    const lines = (t.chars & CH_NEWLINE) !== 0;
    const angle = (t.chars & CH_ANGLE) !== 0;
    // every reading needs a word in capitals, a slash, a line break (a field's label above its value) or "<"
    let caps = false;
    if (t.uppers > 0) for (let k = 0; k < t.count && !caps; k++) caps = (t.kind[k]! & K_ALLCAP) !== 0;
    if (!caps && !slash && !lines && !angle) return NO_DETECTIONS;
    text = input.text;
    lower = input.lower;
    toks = t;
    n = t.count;
    ts = t.start;
    te = t.end;
    tk = t.kind;
    travel = -1;
    const out = OUT;
    if (out.length !== 0) out.length = 0;
    if (angle) machineZone(out);
    if (t.uppers === 0) {
      // surname/given, as lower-case chat copies a boarding pass, with its title or in a ticket's words
      // ("chalby/borina ms", "e-ticket: osie/jeta  pnr 5kq2xa")
      if (slash)
        for (let i = 0; i + 1 < n; i++)
          if (
            slashed(i) &&
            lowerName(i) &&
            lowerName(i + 1) &&
            ((i + 2 < n && spaced(i + 1) && flags(i + 2) & W_TITLE) || travelRecord())
          ) {
            push(out, i, i + 1);
            i++;
          }
      return results(out);
    }
    if (caps) readCaps(out, slash);
    if (lines) fieldLines(out);
    return results(out);
  },
};

/** The readings of words in capitals: the airline's SURNAME/GIVEN, a name after a label, a role or NAME. */
function readCaps(out: Detection[], slash: boolean): void {
  for (let i = 0; i < n; i++) {
    // SURNAME/GIVEN [TITLE]
    if (slash && slashed(i) && capsName(i) && capsName(i + 1)) {
      let j = i + 1;
      while (j + 1 < n && j - i < 3 && spaced(j) && capsName(j + 1) && !(flags(j + 1) & W_TITLE)) j++;
      // a surname of several words: "PERALES ARTEAGA/ALBERTO", "DE BRUYN/NINA"
      let a = i;
      while (a - 1 >= 0 && i - a < 2 && spaced(a - 1) && surnamePart(a - 1)) a--;
      const titled = j + 1 < n && spaced(j) && (flags(j + 1) & W_TITLE) !== 0;
      if (titled || labelBefore(a) || travelRecord()) {
        push(out, a, j);
        i = j;
        continue;
      }
    }
    // a register's SURNAME Given, as French, Italian and Central European lists print it: "KELTRUDE Zorvan, 3B"
    if (registerName(i)) {
      const j = i + (spaced(i) && i + 1 < n && capsName(i + 1) && !(flags(i + 1) & NOT_NAME) ? 1 : 0);
      const e = givenAfter(j);
      if (e > j && (listedPair(i, e) || rowEnds(e))) {
        push(out, i, e);
        i = e;
        continue;
      }
    }
    // the rest read a name in capitals after token i
    if (i + 1 >= n || !(tk[i + 1]! & K_ALLCAP)) continue;
    const colon = colonBetween(te[i]!, ts[i + 1]!);
    if (!colon && !spaced(i)) continue;
    const f = flags(i);
    // a person's label and its colon, a traveller's role, or NAME in capitals on a scanned card's line ("NAME
    // ZORVAN KELTRUDE DOB …"); not the airline's form, read above ("Pasajero: KELTRUDE/ZORVAN")
    if (
      (colon && f & W_LABEL) ||
      (!colon && f & W_TRAVELLER) ||
      (!colon &&
        tk[i]! & K_ALLCAP &&
        te[i]! - ts[i]! === 4 &&
        f & W_FIELD &&
        lower.startsWith("name", ts[i]!))
    ) {
      const j = capsRun(i + 1);
      if (j >= 0 && text.charCodeAt(te[j]!) !== 47) {
        // (and the given names after a surname in capitals: "Élève : KELTRUDE Zorvan")
        const e = givenAfter(j);
        push(out, i + 1, e);
        i = e;
        continue;
      }
    }
  }
}

/** Words of WORDS that are no part of a name. */
const NOT_NAME = W_LABEL | W_TRAVELLER | W_FIELD | W_TITLE | W_NO_NAME | W_NEXT_FIELD;

/**
 * Token i may start a register's SURNAME Given: a surname in capitals (four letters or more, or a listed name) that
 * starts a run of capitals (a heading's words in capitals are no surname).
 */
function registerName(i: number): boolean {
  if (i >= n || !capsName(i) || flags(i) & NOT_NAME) return false;
  if (te[i]! - ts[i]! < 4 && !(lexBits(i) & (L_FIRST | L_LAST))) return false;
  return i === 0 || !(tk[i - 1]! & K_ALLCAP) || !spaced(i - 1);
}

/** Token k is a given name after a surname in capitals: capitalised, letters only, a listed given name or no word. */
function givenName(k: number): boolean {
  if (k >= n || (tk[k]! & (K_CAP | K_ALLCAP | K_DIGITS | K_INITIAL)) !== K_CAP) return false;
  const b = lexBits(k);
  return (b & L_FIRST) !== 0 || (b & (L_COMMON | L_PLACE | L_CITY | L_CALENDAR | L_ORG | L_TITLE)) === 0;
}

/** The last token of the given names (one or two) after token j; j when none follows. */
function givenAfter(j: number): number {
  if (!(j + 1 < n && spaced(j) && givenName(j + 1))) return j;
  return j + 2 < n && spaced(j + 1) && givenName(j + 2) ? j + 2 : j + 1;
}

/** A word of a..b is a listed name (a surname in capitals, or a given name). */
function listedPair(a: number, b: number): boolean {
  for (let t = a; t <= b; t++) if (lexBits(t) & (L_FIRST | L_LAST)) return true;
  return false;
}

/** The register's row ends after token e: the line's or the text's end, a comma, a tab or a wide gap. */
function rowEnds(e: number): boolean {
  const k = te[e]!;
  const c = text.charCodeAt(k);
  return (
    k >= text.length ||
    c === 10 ||
    c === 13 ||
    c === 44 ||
    c === 9 ||
    (c === 32 && text.charCodeAt(k + 1) === 32)
  );
}

/** Only blanks and one colon stand between offsets a and b ("Traveller: X", "Passager : X"). */
function colonBetween(a: number, b: number): boolean {
  if (b - a > 6) return false;
  let colons = 0;
  for (let k = a; k < b; k++) {
    const c = text.charCodeAt(k);
    if (c === 58) colons++;
    else if (c !== 32 && c !== 9) return false;
  }
  return colons === 1;
}

/** The name fields of a machine-readable zone, their "<" between names included. */
function machineZone(out: Detection[]): void {
  for (const re of [MRZ_AFTER_STATE, MRZ_NAME_LINE]) {
    re.lastIndex = 0;
    for (let m; (m = re.exec(text)) !== null;) {
      const start = m.index + m[0].indexOf(m[1]!);
      out.push({ start, end: start + m[1]!.length, type: "PERSON", score: SCORE, level: 3, recognizer: ID });
    }
  }
}

/**
 * A line of a document's field labels alone ("Surname / Nom", "2. Given names / Prénoms"), then a line of one to four
 * names (in capitals, capitalised, or of a script without case): that line is the name.
 */
function fieldLines(out: Detection[]): void {
  let i = 0;
  while (i < n) {
    // the tokens of the line of token i
    const lineStart = text.lastIndexOf("\n", ts[i]! - 1) + 1;
    let lineEnd = text.indexOf("\n", ts[i]!);
    if (lineEnd < 0) lineEnd = text.length;
    let j = i;
    // (most lines open with a word that labels no field: skip them without reading their other words)
    let f = i;
    while (f < n && ts[f]! < lineEnd && tk[f]! & K_DIGITS) f++;
    if (f < n && ts[f]! < lineEnd && !(flags(f) & W_FIELD)) {
      while (j < n && ts[j]! < lineEnd) j++;
      i = j;
      continue;
    }
    let labels = true;
    let named = false;
    while (j < n && ts[j]! < lineEnd) {
      if (labels && !(tk[j]! & K_DIGITS)) {
        if (!(flags(j) & W_FIELD)) labels = false;
        else if (!(te[j]! - ts[j]! === 2 && lower.startsWith("of", ts[j]!))) named = true;
      }
      j++;
    }
    if (
      labels &&
      named &&
      j < n &&
      onlyLabelMarks(lineStart, lineEnd) &&
      text.lastIndexOf("\n", ts[j]! - 1) === lineEnd
    ) {
      // the next line: one to four names, and nothing else
      let nextEnd = text.indexOf("\n", ts[j]!);
      if (nextEnd < 0) nextEnd = text.length;
      let k = j;
      let ok = true;
      while (ok && k < n && ts[k]! < nextEnd) {
        const kk = tk[k]!;
        const c0 = text[ts[k]!]!;
        const caseless =
          (kk & (K_NONASCII | K_CAP | K_DIGITS)) === K_NONASCII && c0.toUpperCase() === c0.toLowerCase();
        const capitalised =
          (kk & (K_CAP | K_DIGITS)) === K_CAP &&
          !(kk & K_INITIAL) &&
          (!(lexBits(k) & L_COMMON) || (lexBits(k) & (L_FIRST | L_LAST)) !== 0);
        ok = capsName(k) || caseless || capitalised;
        k++;
      }
      while (k < n && ts[k]! < nextEnd) k++;
      if (ok && k - j >= 1 && k - j <= 4) push(out, j, k - 1);
    }
    i = j;
  }
}

/** A field label's line holds only its words, "/", numbering ("2."), brackets and a colon. */
function onlyLabelMarks(a: number, b: number): boolean {
  for (let k = a; k < b; k++) {
    const c = text.charCodeAt(k);
    if (c === 59 || c === 44 || c === 33 || c === 63) return false;
  }
  return true;
}
