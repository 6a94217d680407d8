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
import { L_COMMON, L_FIRST, L_LAST } from "./lexicon.js";
import {
  CH_ANGLE,
  CH_SLASH,
  K_ALLCAP,
  K_CAP,
  K_DIGITS,
  K_INITIAL,
  K_LOWER,
  K_NONASCII,
  tokensOf,
  wordBits,
} from "./tokens.js";

const ID = "person-documents";
const OUT: Detection[] = [];
const SCORE = 0.8;

/** Titles an airline prints after SURNAME/GIVEN (lower case). */
const TITLES_AFTER = new Set([
  "mr",
  "mrs",
  "ms",
  "miss",
  "mstr",
  "mst",
  "dr",
  "m",
  "mme",
  "mlle",
  "sr",
  "sra",
  "srta",
]);
/** Roles of a traveller that stand before a name in capitals without a colon ("Lead passenger ZORVAN KELTRUDE"). */
const TRAVELLER_ROLES = new Set([
  "passenger", "traveller", "traveler", "guest", "holder", "cardholder", "pax", "reisender", "passagier", "passeggero", "pasajero",
  "passager", "voyageur", "viajero", "viaggiatore", "reiziger",
]); // prettier-ignore
/**
 * The words of a document's name field labels, in the languages of the hold-out sets and Europe's cards; a line of
 * them alone (with "/" between the languages) labels the line after it.
 */
const FIELD_LABEL_WORDS = new Set([
  "surname", "surnames", "name", "names", "given", "forename", "forenames", "nom", "noms", "nom(s)", "prénom",
  "prénoms", "prenom", "prenoms", "apellido", "apellidos", "nombre", "nombres", "familienname", "nachname",
  "vorname", "vornamen", "geburtsname", "cognome", "nome", "nomi", "naam", "achternaam", "voornaam", "voornamen",
  "nazwisko", "imię", "imie", "imiona", "sobrenome", "sobrenomes", "efternamn", "förnamn", "etternavn", "fornavn",
  "efternavn", "sukunimi", "etunimet", "příjmení", "jméno", "of", "holder", "bearer",
]); // prettier-ignore
/** Labels of a scanned card's other fields, which end a name read after NAME (lower case). */
const NEXT_FIELDS = new Set([
  "dob", "sex", "gender", "nationality", "date", "born", "birth", "place", "id", "no", "number", "expiry", "expires",
  "issued", "valid", "address", "height", "class", "seat", "gate", "flight", "booking", "ref", "pnr", "ticket",
]); // prettier-ignore

/** Words of a ticket or a booking, in the languages of the hold-out sets. */
const TRAVEL_WORDS =
  /(?:^|[^\p{L}])(?:e-?ticket|ticket|pnr|booking|flight|seat|gate|boarding|passenger|itinerary|fluggast|flug|billet|vol|vuelo|volo|vlucht|reserv\p{L}*|buchung|boeking|prenotazione)(?![\p{L}])/u;

/** Particles of surnames, which the lexicon reads as common words: "DE BRUYN", "LE ROUX", "VAN DIJK". */
const SURNAME_PARTICLES = new Set(["de", "del", "della", "di", "da", "dos", "das", "du", "le", "la", "van", "von", "der", "den", "ten", "ter", "al", "el", "bin", "ben", "mac", "st"]); // prettier-ignore

/** Words in capitals that forms write where a name is not known or not given (lower case). */
const NO_NAME = new Set([
  "tbd", "tba", "tbc", "na", "n", "a", "none", "nil", "null", "unknown", "vip", "any", "all", "self", "you", "me",
  "ok", "yes", "no", "admin", "guest", "user", "test", "same", "see", "above", "below", "xxx", "xx",
]); // prettier-ignore

/** A machine-readable zone's name field: after a passport's or a visa's type and issuing state, or a line of its own. */
const MRZ_AFTER_STATE = /(?:^|\n)[ \t]*[PV][A-Z<][A-Z<]{3}([A-Z]{2,}(?:<[A-Z]+)*<<[A-Z]{2,}(?:<[A-Z]+)*)/g;
const MRZ_NAME_LINE = /(?:^|\n)[ \t]*([A-Z]{2,}(?:<[A-Z]+)*<<[A-Z]{2,}(?:<[A-Z]+)*)<{2,}[ \t]*(?=\r?\n|$)/g;

/**
 * Names of travel and identity documents (see the module's comment).
 * @example documentNames.detect({ text: "PASSENGER NAME KELTRUDE/ZORVAN MR", lower: "passenger name keltrude/zorvan mr", channel: "ocr" })[0].start // 15
 */
export const documentNames: Recognizer = {
  id: ID,
  types: ["PERSON"],
  readsWords: true,
  detect(input) {
    const { text, lower } = input;
    const toks = tokensOf(text);
    if (lower.length !== text.length || (toks.uppers === 0 && !(toks.chars & CH_SLASH))) return NO_DETECTIONS;
    const out = OUT;
    if (out.length !== 0) out.length = 0;
    let travel = -1;
    if (toks.chars & CH_ANGLE) machineZone(text, out);
    const n = toks.count;
    const { start: ts, end: te, kind: tk } = toks;
    /** Token i is a word in capitals that may be a name's: letters only, two or more, no common word. */
    const capsName = (i: number): boolean => {
      if (i < 0 || i >= n || (tk[i]! & (K_ALLCAP | K_DIGITS)) !== K_ALLCAP) return false;
      const b = wordBits(toks, i, text, lower);
      return !(b & L_COMMON) || (b & (L_FIRST | L_LAST)) !== 0;
    };
    const word = (i: number) => lower.slice(ts[i]!, te[i]!);
    /** Token i is a word in lower case that may be a name's: letters only, two or more, no common word. */
    const lowerName = (i: number): boolean =>
      (tk[i]! & (K_LOWER | K_DIGITS)) === K_LOWER &&
      te[i]! - ts[i]! >= 2 &&
      !(wordBits(toks, i, text, lower) & L_COMMON);
    /** Only spaces (one to three) between tokens i and i + 1. */
    const spaced = (i: number): boolean => {
      const gap = ts[i + 1]! - te[i]!;
      if (gap < 1 || gap > 3) return false;
      for (let k = te[i]!; k < ts[i + 1]!; k++) if (text.charCodeAt(k) !== 32) return false;
      return true;
    };
    /** The run of names in capitals from token i (at most four, on one line), its last token; -1 if none. */
    const runWord = (i: number): boolean => {
      if (!capsName(i)) return false;
      const w = word(i);
      return !NEXT_FIELDS.has(w) && !NO_NAME.has(w) && !FIELD_LABEL_WORDS.has(w);
    };
    const capsRun = (i: number): number => {
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
          SURNAME_PARTICLES.has(word(j + 1)) &&
          runWord(j + 2)
        )
          j += 2;
        else return j;
      }
    };
    const push = (a: number, b: number) =>
      out.push({ start: ts[a]!, end: te[b]!, type: "PERSON", score: SCORE, level: 3, recognizer: ID });
    for (let i = 0; i < n; i++) {
      // surname/given and a title, as lower-case chat copies a boarding pass ("chalby/borina ms")
      if (toks.uppers === 0) {
        if (
          toks.chars & CH_SLASH &&
          i + 1 < n &&
          te[i] === ts[i + 1]! - 1 &&
          text.charCodeAt(te[i]!) === 47 &&
          lowerName(i) &&
          lowerName(i + 1) &&
          ((spaced(i + 1) && TITLES_AFTER.has(word(i + 2))) || travelRecord())
        ) {
          push(i, i + 1);
          i += 1;
        }
        continue;
      }
      // SURNAME/GIVEN [TITLE]
      if (
        toks.chars & CH_SLASH &&
        i + 1 < n &&
        te[i] === ts[i + 1]! - 1 &&
        text.charCodeAt(te[i]!) === 47 &&
        capsName(i) &&
        capsName(i + 1)
      ) {
        let j = i + 1;
        while (j + 1 < n && j - i < 3 && spaced(j) && capsName(j + 1) && !TITLES_AFTER.has(word(j + 1))) j++;
        // a surname of several words: "PERALES ARTEAGA/ALBERTO", "DE BRUYN/NINA"
        let a = i;
        while (a - 1 >= 0 && i - a < 2 && spaced(a - 1) && surnamePart(a - 1)) a--;
        const titled = j + 1 < n && spaced(j) && TITLES_AFTER.has(word(j + 1));
        if (titled || labelBefore(a) || travelRecord()) {
          push(a, j);
          i = j;
          continue;
        }
      }
      // a person's label and its colon, or a traveller's role, then names in capitals (not the airline's form,
      // read above: "Pasajero: KELTRUDE/ZORVAN")
      const w = word(i);
      const colon = i + 1 < n && colonBetween(text, te[i]!, ts[i + 1]!);
      if ((colon && PERSON_LABELS.has(w)) || (!colon && TRAVELLER_ROLES.has(w) && i + 1 < n && spaced(i))) {
        const j = capsRun(i + 1);
        if (j >= 0 && text.charCodeAt(te[j]!) !== 47) {
          push(i + 1, j);
          i = j;
          continue;
        }
      }
      // NAME in capitals on a scanned card's line, then the name ("NAME ZORVAN KELTRUDE DOB …")
      if (!colon && (tk[i]! & K_ALLCAP) !== 0 && w === "name" && i + 1 < n && spaced(i)) {
        const j = capsRun(i + 1);
        if (j >= 0 && text.charCodeAt(te[j]!) !== 47) {
          push(i + 1, j);
          i = j;
          continue;
        }
      }
    }
    fieldLines(text, lower, out, capsName, (i) => wordBits(toks, i, text, lower), ts, te, tk, n);
    return results(out);

    /** The record is a ticket's or a booking's: its words say so ("E-ticket: X/Y  PNR 5KQ2XA"). */
    function travelRecord(): boolean {
      if (travel === -1) travel = TRAVEL_WORDS.test(lower) ? 1 : 0;
      return travel === 1;
    }

    /** Token t, in capitals, may be a word of a surname before the airline's "/": no label, no title. */
    function surnamePart(t: number): boolean {
      if ((tk[t]! & (K_ALLCAP | K_DIGITS)) !== K_ALLCAP) return false;
      const w = word(t);
      if (SURNAME_PARTICLES.has(w)) return true;
      return (
        capsName(t) &&
        !PERSON_LABELS.has(w) &&
        !TRAVELLER_ROLES.has(w) &&
        !FIELD_LABEL_WORDS.has(w) &&
        !TITLES_AFTER.has(w) &&
        !NO_NAME.has(w)
      );
    }

    /** A label of a person ends right before token i (across a colon or spaces): "PASSENGER NAME X/Y". */
    function labelBefore(i: number): boolean {
      const p = i - 1;
      if (p < 0) return false;
      const w = word(p);
      return PERSON_LABELS.has(w) || TRAVELLER_ROLES.has(w) || FIELD_LABEL_WORDS.has(w);
    }
  },
};

/** Only blanks and one colon stand between offsets a and b of `text` ("Traveller: X", "Passager : X"). */
function colonBetween(text: string, a: number, b: number): boolean {
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
function machineZone(text: string, out: Detection[]): void {
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
 * names (in capitals, or capitalised): that line is the name.
 */
function fieldLines(
  text: string,
  lower: string,
  out: Detection[],
  capsName: (i: number) => boolean,
  bitsOf: (i: number) => number,
  ts: Int32Array,
  te: Int32Array,
  tk: Uint8Array,
  n: number,
): void {
  if (text.indexOf("\n") < 0) return;
  let i = 0;
  while (i < n) {
    // the tokens of the line of token i
    const lineStart = text.lastIndexOf("\n", ts[i]! - 1) + 1;
    let lineEnd = text.indexOf("\n", ts[i]!);
    if (lineEnd < 0) lineEnd = text.length;
    let j = i;
    let labels = true;
    let named = false;
    while (j < n && ts[j]! < lineEnd) {
      if (!(tk[j]! & K_DIGITS)) {
        const w = lower.slice(ts[j]!, te[j]!);
        if (!FIELD_LABEL_WORDS.has(w)) labels = false;
        else if (w !== "of") named = true;
      }
      j++;
    }
    if (labels && named && j < n && onlyLabelMarks(text, lineStart, lineEnd)) {
      // the next line: one to four names, and nothing else
      const nextEnd = (() => {
        const e = text.indexOf("\n", ts[j]!);
        return e < 0 ? text.length : e;
      })();
      let k = j;
      let ok = true;
      while (k < n && ts[k]! < nextEnd) {
        const kk = tk[k]!;
        // (in capitals, capitalised, or of a script without case: "KELTRUDE", "Keltrude", "عبدالی", "蕭")
        const c0 = text[ts[k]!]!;
        const caseless =
          (kk & (K_NONASCII | K_CAP | K_DIGITS)) === K_NONASCII && c0.toUpperCase() === c0.toLowerCase();
        const b = bitsOf(k);
        const capitalised =
          (kk & (K_CAP | K_DIGITS)) === K_CAP &&
          !(kk & K_INITIAL) &&
          (!(b & L_COMMON) || (b & (L_FIRST | L_LAST)) !== 0);
        if (!(capsName(k) || caseless || capitalised)) ok = false;
        k++;
      }
      if (ok && k - j >= 1 && k - j <= 4 && text.lastIndexOf("\n", ts[j]! - 1) === lineEnd)
        out.push({ start: ts[j]!, end: te[k - 1]!, type: "PERSON", score: SCORE, level: 3, recognizer: ID });
    }
    i = j;
  }
}

/** A field label's line holds only its words, "/", numbering ("2.") and brackets. */
function onlyLabelMarks(text: string, a: number, b: number): boolean {
  for (let k = a; k < b; k++) {
    const c = text.charCodeAt(k);
    if (c === 59 || c === 44 || c === 33 || c === 63) return false;
  }
  return true;
}
