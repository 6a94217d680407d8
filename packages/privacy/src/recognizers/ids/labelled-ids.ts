/**
 * Identifiers of a person's vehicle and employment that only their label tells apart from any other code (level 3):
 * - VEHICLE_ID: a licence plate after "plate", "registration", "Kennzeichen", "immatriculation", "matrícula",
 *   "targa", "kenteken"… ("AB12 CDE", "7ABC123", "B-MW 1234", "AA-123-AA"), and a vehicle identification number
 *   after "VIN", "chassis number", "Fahrgestellnummer"… (17 characters without I, O and Q);
 * - EMPLOYEE_ID: a staff number after "employee ID", "staff number", "badge", "Personalnummer", "matricule"…
 *   ("E104392", "48213").
 * Only what a label announces, with glue words ("number", "no", "#", "is", ":") between: "registration 2019" or
 * "badge design" are no identifiers (a value needs a digit, and a plate a letter too).
 */
import { listingLineAt } from "../people/code-lines.js";
import type { Detection, Recognizer } from "../../types.js";
import { NO_DETECTIONS, results } from "../results.js";

const ID = "labelled-id";
const OUT: Detection[] = [];

const GLUE = String.raw`(?:\s*(?:number|numbers|no\.?|nr\.?|num\.?|#|id|is|was|:|=|-|–)\s*){0,3}\s*`;

const PLATE_LABELS = String.raw`(?:licen[cs]e\s+plate|number\s+plate|registration\s+plate|plate|car\s+registration|vehicle\s+registration|reg(?:istration)?\s+(?:no|number|mark)|kennzeichen|nummernschild|immatriculation|plaque|matr[ií]cula|targa|kenteken|rekisterinumero|registreringsnummer|registreringsnr|tablica\s+rejestracyjna|spz|rendszám)`;
const VIN_LABELS = String.raw`(?:vin|vehicle\s+identification|chassis|fahrgestellnummer|fahrgestell|fin|num[ée]ro\s+de\s+s[ée]rie|n[uú]mero\s+de\s+bastidor|telaio)`;
const EMPLOYEE_LABELS = String.raw`(?:employee|staff|personnel|payroll|badge|worker|personalnummer|personal-nr|mitarbeiternummer|matricule|n[uú]mero\s+de\s+empleado|matricola|personeelsnummer)`;

/** A plate: a group of up to 8 letters and digits, then at most 2 more after a space or a dash; a letter and a digit. */
const PLATE_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])${PLATE_LABELS}${GLUE}([A-Za-z0-9]{1,8}(?:[ -][A-Za-z0-9]{1,4}){0,2})(?![\p{L}\p{N}-])`,
  "giu",
);
const VIN_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])${VIN_LABELS}${GLUE}([A-HJ-NPR-Z0-9]{17})(?![\p{L}\p{N}])`,
  "giu",
);
const EMPLOYEE_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])${EMPLOYEE_LABELS}${GLUE}([A-Za-z]{0,3}-?\d{4,10}[A-Za-z]?)(?![\p{L}\p{N}])`,
  "giu",
);
/**
 * A part of every label (the three-letter ones as a word's start, as the searches read them): without one, none of
 * the searches runs ("vin" and "fin" inside "moving" or "final" started all three on most records).
 */
const ANY_LABEL =
  /plate|regist|kennzeichen|nummernschild|immatric|plaque|matr|targa|kenteken|rekisteri|tablica|rendsz|vehicle|chassis|fahrgestell|s[ée]rie|bastidor|telaio|employee|staff|personnel|payroll|badge|worker|personal|mitarbeiter|matricul|empleado|personeel|(?<![\p{L}\p{N}])(?:spz|vin|fin)/u;

/**
 * Vehicle and employee identifiers after their labels.
 * @example labelledIds.detect({ text: "my plate is AB12 CDE", lower: "my plate is ab12 cde", channel: "typed" })[0].type // "VEHICLE_ID"
 */
export const labelledIds: Recognizer = {
  id: ID,
  types: ["VEHICLE_ID", "EMPLOYEE_ID"],
  triggers: { digit: true },
  detect(input) {
    const { text, lower } = input;
    const out = OUT;
    if (out.length !== 0) out.length = 0;
    if (lower.length !== text.length || !ANY_LABEL.test(lower)) return NO_DETECTIONS;
    for (const [re, type] of [
      [PLATE_RE, "VEHICLE_ID"],
      [VIN_RE, "VEHICLE_ID"],
      [EMPLOYEE_RE, "EMPLOYEE_ID"],
    ] as const) {
      re.lastIndex = 0;
      for (let m; (m = re.exec(text)) !== null;) {
        let v = m[1]!;
        // a plate's later groups hold a digit or are capitals: "AB12 CDE in the car" ends before "in"
        if (re === PLATE_RE) v = plateGroups(v);
        if (!/\d/.test(v)) continue;
        // a plate and a VIN have a letter too ("registration 2019" is a year); a staff number is no year
        if (re !== EMPLOYEE_RE && !/[A-Za-z]/.test(v)) continue;
        if (re === EMPLOYEE_RE && /^(?:19|20)\d\d$/.test(v)) continue;
        const start = m.index + m[0].length - m[1]!.length;
        // a directory listing's group and size ("-rw-r--r--  1 zorvan  staff  4096 Dec  2 …"): no staff number
        if (re === EMPLOYEE_RE && listingLineAt(text, start)) continue;
        out.push({ start, end: start + v.length, type, score: 0.8, level: 3, recognizer: ID });
      }
    }
    return results(out);
  },
};

/** The groups of a plate's value that belong to it: the first, then each that holds a digit or is in capitals. */
function plateGroups(v: string): string {
  const parts = v.split(/(?=[ -])/);
  let out = parts[0]!;
  for (let k = 1; k < parts.length; k++) {
    const g = parts[k]!.slice(1);
    if (!/\d/.test(g) && g !== g.toUpperCase()) break;
    out += parts[k];
  }
  return out;
}
