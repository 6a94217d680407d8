/**
 * Names and addresses in a table's columns: a CSV or TSV export, a spreadsheet's cells copied as text, a Markdown or
 * piped table. A header line names every column ("name,phone,city", "Vorname;Nachname;Straße"), and the rows under
 * it hold the values; a column named for a person or an address holds one in every row, whatever the words look
 * like ("Relian", "leeds road 4"), where the person and street recognizers, reading words alone, miss short
 * unlisted names and streets in no known form. Emits PERSON and STREET_ADDRESS (level 3) over the cells of those
 * columns. A header must consist of known column names only (so that a line of ordinary words or numbers is no
 * header), and a row must have as many cells as its header (so that prose under a header is no row).
 */
import type { Detection, Recognizer } from "../../types.js";
import { NO_DETECTIONS, results } from "../results.js";
import { PLACEHOLDER } from "./address-field.js";

const ID = "table-column";
/** Scratch list of detect (recognizers are not re-entered). */
const OUT: Detection[] = [];

const PERSON_COL = 1;
const ADDRESS_COL = 2;
const OTHER_COL = 3;
/** "Name" alone: a person's in a table of people, a product's, a server's or a file's in others. */
const NAME_COL = 4;
/** A column only a table of people has (a phone, an e-mail, a birth date…): then its "name" column is a person's. */
const PEOPLE_COL = 5;
/** A column of places, organisations, roles or things ("city", "company"): what it holds is no person. */
const THING_COL = 6;

// prettier-ignore
const NAME_COLUMNS = ["name", "names", "nom", "nombre", "nome", "naam", "namn", "navn", "imię", "imie", "jméno", "nimi"];
// prettier-ignore
const PERSON_COLUMNS = [
  "full name", "fullname", "first name", "firstname", "last name", "lastname", "surname",
  "given name", "family name", "middle name", "contact", "contact name", "contact person", "customer",
  "customer name", "client", "client name", "employee", "employee name", "owner", "assignee", "manager", "patient",
  "patient name", "student", "student name", "person", "recipient", "sender", "author", "guest", "tenant",
  "member", "applicant", "candidate", "emergency contact", "next of kin", "account holder", "cardholder",
  "apellido", "apellidos", "nombre completo", "prénom", "prenom", "nom complet", "vorname",
  "nachname", "familienname", "ansprechpartner", "kunde", "voornaam", "achternaam", "cognome",
  "nome completo", "nazwisko", "imię i nazwisko", "förnamn", "efternamn", "fornavn",
  "etternavn", "efternavn", "příjmení", "etunimi", "sukunimi",
];
// prettier-ignore
const ADDRESS_COLUMNS = [
  "address", "street", "street address", "address line 1", "address line 2", "address1", "address 1", "address2",
  "address 2", "addr", "home address", "postal address", "mailing address", "shipping address", "billing address",
  "delivery address", "adresse", "anschrift", "straße", "strasse", "straße und hausnummer", "dirección", "direccion",
  "calle", "domicilio", "indirizzo", "adres", "straat", "endereço", "endereco", "morada", "rua", "ulica", "adress",
  "gatuadress", "osoite", "adresa",
];
/** Columns that hold nothing found here (their values are left to the other recognizers, or are no personal data). */
// prettier-ignore
const OTHER_COLUMNS = [
  "id", "#", "no", "no.", "nr", "nr.", "number", "phone", "phone number", "telephone", "tel", "tel.", "mobile",
  "mobile phone", "cell", "cell phone", "fax", "email", "e-mail", "email address", "e-mail address", "mail", "city",
  "town", "state", "province", "region", "county", "country", "zip", "zip code", "zipcode", "postcode", "post code",
  "postal code", "plz", "cap", "date", "dob", "date of birth", "birthday", "birth date", "birthdate", "age", "gender",
  "sex", "title", "job title", "position", "role", "department", "dept", "team", "company", "organisation",
  "organization", "employer", "status", "amount", "total", "price", "quantity", "qty", "notes", "note", "comment",
  "comments", "created", "created at", "updated", "updated at", "start date", "end date", "salary", "iban", "account",
  "account number", "username", "user", "login", "website", "url", "type", "category", "description", "location",
  "office", "floor", "room", "ssn", "tax id", "currency", "balance", "invoice", "order", "order id", "sku", "product",
  "telefon", "telefonnummer", "teléfono", "telefono", "téléphone", "telefoon", "telefone", "ciudad", "ville", "stadt",
  "ort", "città", "citta", "stad", "woonplaats", "plaats", "miasto", "land", "país", "pays", "paese", "fecha",
  "datum", "data", "geburtsdatum", "fecha de nacimiento", "date de naissance", "data di nascita", "geboortedatum",
  "código postal", "code postal", "postleitzahl", "postcode", "cep", "kod pocztowy", "postnummer", "firma",
  "empresa", "société", "societe", "azienda", "bedrijf", "abteilung", "departamento", "département", "afdeling",
];
/** Columns of OTHER_COLUMNS whose values are places, organisations, roles or things, never a person. */
// prettier-ignore
const THING_COLUMNS = [
  "city", "town", "state", "province", "region", "county", "country", "company", "organisation", "organization",
  "employer", "department", "dept", "team", "product", "sku", "category", "type", "status", "location", "office",
  "currency", "title", "job title", "position", "role", "ciudad", "ville", "stadt", "ort", "città", "citta", "stad",
  "woonplaats", "plaats", "miasto", "land", "país", "pays", "paese", "firma", "empresa", "société", "societe",
  "azienda", "bedrijf", "abteilung", "departamento", "département", "afdeling",
];
/** Columns of OTHER_COLUMNS that only a table of people has. */
// prettier-ignore
const PEOPLE_COLUMNS = [
  "phone", "phone number", "telephone", "tel", "tel.", "mobile", "mobile phone", "cell", "cell phone", "email",
  "e-mail", "email address", "e-mail address", "dob", "date of birth", "birthday", "birth date", "birthdate", "age",
  "gender", "sex", "job title", "salary", "ssn", "tax id", "telefon", "telefonnummer", "teléfono", "telefono",
  "téléphone", "telefoon", "telefone", "geburtsdatum", "fecha de nacimiento", "date de naissance", "data di nascita",
  "geboortedatum",
];
/** A column's name as the table is looked up by: "First_Name*" and "first-name" are "first name". */
function columnKey(name: string): string {
  return name
    .replace(/[_-]+/g, " ")
    .replace(/\s*\*$/, "")
    .replace(/\s+/g, " ")
    .trim();
}
const COLUMNS = new Map<string, number>();
for (const [list, kind] of [
  [OTHER_COLUMNS, OTHER_COL],
  [THING_COLUMNS, THING_COL],
  [PEOPLE_COLUMNS, PEOPLE_COL],
  [NAME_COLUMNS, NAME_COL],
  [PERSON_COLUMNS, PERSON_COL],
  [ADDRESS_COLUMNS, ADDRESS_COL],
] as const)
  for (const c of list) COLUMNS.set(columnKey(c), kind);

/** Most cells a header may have, and most characters of one (longer lines are no header). */
const MAX_COLUMNS = 40;
const MAX_HEADER = 600;
/** Most rows read under one header. */
const MAX_ROWS = 5000;

/** The cells of the line [s, e) split at `sep` (a cell in double quotes may hold it), as [start, end) pairs. */
function cellsOf(text: string, s: number, e: number, sep: number, out: number[]): number {
  out.length = 0;
  let k = s;
  for (;;) {
    const c0 = k;
    if (k < e && text.charCodeAt(k) === 34) {
      // a quoted cell: up to the closing quote ("" is a quote inside it)
      k++;
      for (; k < e; k++) {
        if (text.charCodeAt(k) === 34) {
          if (k + 1 < e && text.charCodeAt(k + 1) === 34) k++;
          else {
            k++;
            break;
          }
        }
      }
      while (k < e && text.charCodeAt(k) !== sep) k++;
    } else while (k < e && text.charCodeAt(k) !== sep) k++;
    out.push(c0, k);
    if (out.length > 2 * MAX_COLUMNS) return -1;
    if (k >= e) break;
    k++;
  }
  // a piped table's outer bars ("| a | b |") open and close no cell
  if (sep === 124) {
    if (out.length >= 2 && blank(text, out[0]!, out[1]!)) out.splice(0, 2);
    if (out.length >= 2 && blank(text, out[out.length - 2]!, out[out.length - 1]!)) out.splice(-2, 2);
  }
  return out.length / 2;
}

function blank(text: string, s: number, e: number): boolean {
  for (let k = s; k < e; k++) {
    const c = text.charCodeAt(k);
    if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return true;
}

/** [start, end) of the cell [s, e) without blanks, a carriage return and its quotes. */
function inner(text: string, s: number, e: number): [number, number] {
  while (s < e && (text.charCodeAt(s) === 32 || text.charCodeAt(s) === 9)) s++;
  while (
    e > s &&
    (text.charCodeAt(e - 1) === 32 || text.charCodeAt(e - 1) === 9 || text.charCodeAt(e - 1) === 13)
  )
    e--;
  if (e - s >= 2 && text.charCodeAt(s) === 34 && text.charCodeAt(e - 1) === 34) {
    s++;
    e--;
  }
  return [s, e];
}

/** The kind of column a header cell names (one of the *_COL values), or 0 for a word of no header. */
function columnKind(lower: string, s: number, e: number): number {
  const [a, b] = inner(lower, s, e);
  if (b <= a || b - a > 40) return 0;
  const name = lower.slice(a, b);
  return COLUMNS.get(name) ?? (/[_*-]|\s\s/.test(name) ? (COLUMNS.get(columnKey(name)) ?? 0) : 0);
}

const HEADER_CELLS: number[] = [];
const ROW_CELLS: number[] = [];
/** A Markdown table's rule under its header: "|---|:--:|". */
const MARKDOWN_RULE = /^(?=[^-]*-)[\s|:\-+]+$/;

/**
 * Names and addresses in the columns a header names.
 * @example tableColumns.detect({ text: "name,phone\nRelian,555-0100", lower: "name,phone\nrelian,555-0100", channel: "clipboard" })[0].start // 11
 */
export const tableColumns: Recognizer = {
  id: ID,
  types: ["PERSON", "STREET_ADDRESS"],
  // a header and a row: two lines
  triggers: { text: ["\n"] },
  detect(input) {
    const { text, lower } = input;
    // (offsets of `lower` must be the text's)
    if (lower.length !== text.length) return NO_DETECTIONS;
    const out = OUT;
    if (out.length !== 0) out.length = 0;
    scanTables(text, lower, out, null);
    return results(out);
  },
};

/** Read every table of the text: its names and addresses to `out`, and (with `things`) its thing cells to it. */
function scanTables(text: string, lower: string, out: Detection[], things: number[] | null): void {
  const n = text.length;
  let k = 0;
  while (k < n) {
    const e0 = text.indexOf("\n", k);
    const e = e0 < 0 ? n : e0;
    const next = header(text, lower, k, e, out, things);
    k = next > e ? next : e + 1;
  }
}

/**
 * When the line [s, e) is a header, read the rows under it into `out` and return the offset after the last; else
 * return `e`.
 */
function header(
  text: string,
  lower: string,
  s: number,
  e: number,
  out: Detection[],
  things: number[] | null,
): number {
  if (e - s > MAX_HEADER || e - s < 5) return e;
  // a header's first cell is a known column's name: read it before splitting the line (most lines are no header)
  const first = firstCell(lower, s, e);
  if (first < 0) return e;
  const sep = lower.charCodeAt(first);
  const cols = cellsOf(lower, s, e, sep, HEADER_CELLS);
  if (cols < 2) return e;
  const kinds: number[] = [];
  let people = false;
  let ok = true;
  for (let c = 0; c < cols; c++) {
    const kind = columnKind(lower, HEADER_CELLS[2 * c]!, HEADER_CELLS[2 * c + 1]!);
    if (kind === 0) {
      ok = false;
      break;
    }
    if (kind === PERSON_COL || kind === ADDRESS_COL || kind === PEOPLE_COL) people = true;
    kinds.push(kind);
  }
  if (!ok) return e;
  // "name" is a person's beside another column of people ("name,email"), not in "name,description"
  let wanted = false;
  for (let c = 0; c < cols; c++) {
    if (kinds[c] === NAME_COL) kinds[c] = people ? PERSON_COL : OTHER_COL;
    else if (kinds[c] === PEOPLE_COL) kinds[c] = OTHER_COL;
    if (kinds[c] === PERSON_COL || kinds[c] === ADDRESS_COL || (things !== null && kinds[c] === THING_COL))
      wanted = true;
  }
  if (!wanted) return e;
  return rows(text, e + 1, sep, kinds, out, things);
}

/**
 * The offset of the separator after the line's first cell when that cell names a known column (after a piped
 * table's opening bar; a quoted name read to its closing quote), or -1.
 */
function firstCell(lower: string, s: number, e: number): number {
  let k = s;
  while (k < e && (lower.charCodeAt(k) === 32 || lower.charCodeAt(k) === 9)) k++;
  if (lower.charCodeAt(k) === 124) k++;
  const c0 = k;
  if (lower.charCodeAt(k) === 34) {
    const q = lower.indexOf('"', k + 1);
    if (q < 0 || q >= e || q - k > 42) return -1;
    k = q + 1;
  }
  const lim = Math.min(e, c0 + 44);
  for (; k < lim; k++) {
    const c = lower.charCodeAt(k);
    if (c === 9 || c === 59 || c === 124 || c === 44) return columnKind(lower, c0, k) === 0 ? -1 : k;
  }
  return -1;
}

/**
 * Read the rows from `k` that have a cell per column of `kinds`, pushing their names and addresses to `out` (and,
 * with `things`, the [start, end) of the cells of THING_COL columns to it).
 */
function rows(
  text: string,
  k: number,
  sep: number,
  kinds: number[],
  out: Detection[],
  things: number[] | null,
): number {
  const n = text.length;
  let read = 0;
  while (k < n && read < MAX_ROWS) {
    const e0 = text.indexOf("\n", k);
    const e = e0 < 0 ? n : e0;
    // a Markdown table's rule under its header: "|---|---|"
    if (read === 0 && MARKDOWN_RULE.test(text.slice(k, e))) {
      k = e + 1;
      continue;
    }
    if (blank(text, k, e) || cellsOf(text, k, e, sep, ROW_CELLS) !== kinds.length) return k;
    for (let c = 0; c < kinds.length; c++) {
      const kind = kinds[c]!;
      if (kind === OTHER_COL) continue;
      const [a, b] = inner(text, ROW_CELLS[2 * c]!, ROW_CELLS[2 * c + 1]!);
      if (kind === THING_COL) {
        if (things !== null && b > a) things.push(a, b);
        continue;
      }
      if (kind === PERSON_COL ? personValue(text, a, b) : addressValue(text, a, b))
        out.push({
          start: a,
          end: b,
          type: kind === PERSON_COL ? "PERSON" : "STREET_ADDRESS",
          score: 0.85,
          level: 3,
          recognizer: ID,
        });
    }
    read++;
    k = e + 1;
  }
  return k;
}

/** A person's name: one to five words of letters (with dots, hyphens, apostrophes; "Last, First"), no digits. */
function personValue(text: string, a: number, b: number): boolean {
  if (b - a < 2 || b - a > 80) return false;
  const v = text.slice(a, b);
  if (PLACEHOLDER.test(v)) return false;
  return /^\p{L}[\p{L}\p{M}.,'’\- ]*$/u.test(v) && v.split(/\s+/).length <= 5;
}

/** An address: letters, and not a placeholder, a link or an e-mail. */
function addressValue(text: string, a: number, b: number): boolean {
  if (b - a < 3 || b - a > 200) return false;
  const v = text.slice(a, b);
  return !PLACEHOLDER.test(v) && /\p{L}/u.test(v) && !v.includes("@") && !v.includes("://");
}

let thingsText: string | undefined;
let thingsCells: number[] = [];

/**
 * The cells of a table's columns of places, organisations, roles and things ("city", "company", "job title"), as
 * [start, end) pairs: the person recognizer reads no name in them ("name,phone,city" then "…,Leeds"). The last
 * text's answer is kept (the person recognizer asks once per name it finds in it).
 * @example thingCells("name,phone,city\nZqwimbo,555-0100,Leeds", "name,phone,city\nzqwimbo,555-0100,leeds") // [33, 38]
 */
export function thingCells(text: string, lower: string): readonly number[] {
  if (text === thingsText) return thingsCells;
  const cells: number[] = [];
  if (lower.length === text.length) {
    scanTables(text, lower, SCRATCH, cells);
    SCRATCH.length = 0;
  }
  thingsText = text;
  thingsCells = cells;
  return cells;
}
const SCRATCH: Detection[] = [];
