/**
 * An address filled into a form's field: what follows an address label is an address, whatever its country's
 * forms ("Address: Aleea Prahova, Bloc 82, Ap. 39", "Adresse: Fünfhaus (Paasdorf) 68c", "Billing address" and the
 * lines under it, "Ship to:", "住所：…"). The street recognizer reads addresses from their own words (type words,
 * house numbers) and misses the forms it does not know, or takes a street named for a person for the person; the
 * label says it all. Emits STREET_ADDRESS (level 3) over the field's value: the rest of the label's line, or, when
 * the label stands alone on its line, the lines under it up to a blank line or the next label.
 */
import type { Detection, Recognizer } from "../../types.js";
import { NO_DETECTIONS, results } from "../results.js";
import { inHouseOnly } from "./in-house.js";

const ID = "address-field";
/** Scratch list of detect (recognizers are not re-entered). */
const OUT: Detection[] = [];

/**
 * Labels of an address field, lower case. Each names a postal address alone: "IP address", "e-mail address" and
 * "MAC address" begin with another word, so a label read from the line's start (or a field's) never matches them.
 */
// prettier-ignore
const LABELS = [
  // English, with the qualifiers forms give it
  "address", "addr", "addr.", "home address", "street address", "postal address", "mailing address",
  "billing address", "shipping address", "delivery address", "residential address", "permanent address",
  "current address", "correspondence address", "return address", "invoice address", "ship to", "deliver to",
  "bill to", "sold to", "address line 1", "address line 2", "address 1", "address 2",
  // German, French, Spanish, Italian, Portuguese, Dutch
  "adresse", "anschrift", "wohnadresse", "wohnanschrift", "lieferadresse", "rechnungsadresse", "postanschrift",
  "adresse postale", "adresse de livraison", "adresse de facturation", "domicile",
  "dirección", "direccion", "domicilio", "dirección de envío", "dirección de facturación",
  "indirizzo", "indirizzo di residenza", "indirizzo di spedizione", "residenza",
  "endereço", "endereco", "morada", "endereço de entrega",
  "adres", "woonadres", "postadres", "factuuradres", "afleveradres",
  // Nordic, Baltic, Central and Eastern European, Turkish, Greek, Cyrillic
  "adress", "gatuadress", "postadress", "hemadress", "osoite", "katuosoite", "postiosoite",
  "adrese", "adresas", "aadress", "adresa", "adresă", "adres zamieszkania", "bydliště", "lakcím", "cím",
  "ev adresi", "διεύθυνση", "адрес", "адреса", "адрес доставки",
  // Hebrew, Arabic, Persian, Hindi, Indonesian and Malay, Vietnamese, Japanese, Chinese, Korean
  "כתובת", "العنوان", "عنوان", "آدرس", "نشانی", "पता", "alamat", "địa chỉ", "住所", "所在地", "地址", "住址",
  "주소",
];
const LABEL_SET = new Set(LABELS);
/**
 * A part of every label ("addr" of "address", "adres" of "adresse", "ship to"…): a record without one has no
 * address field, and one search of the lower-cased text says so.
 */
const LABEL_PART =
  /addr|adres|adrese|anschrift|direcci|domicil|indirizz|residenza|endere|morada|osoite|adress|cím|bydli|(?:ship|deliver|bill|sold) to|διεύθυνση|адрес|כתובת|عنوان|آدرس|نشانی|पता|alamat|địa chỉ|住所|所在地|地址|住址|주소/;
for (const l of LABELS)
  if (!LABEL_PART.test(l))
    throw new Error(`address-field: label ${JSON.stringify(l)} has no part in LABEL_PART`);
/** Longest label, in code units (a line's start longer than it, before its colon, is no label). */
const MAX_LABEL = Math.max(...LABELS.map((l) => l.length));
/** Most lines a field's value takes under a label that stands alone. */
const MAX_LINES = 6;
/** Most characters of one line of a value. */
const MAX_LINE = 160;

/** A value that stands for no address: "N/A", "none", "same as above", "-", "TBD", "<address>". */
export const PLACEHOLDER =
  /^(?:n\/?a|none|nil|null|-+|—|\?+|tbd|tba|unknown|same(?: as (?:above|billing|shipping|home))?|see (?:above|below)|\(?optional\)?|<[^>]*>|\[[^\]]*\]|\{[^}]*\}|x+|\*+|\.+)$/i;

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 0x3000;
}

/** The offset after the blanks from `k` (not past `end`). */
function skipBlanks(text: string, k: number, end: number): number {
  while (k < end && isBlank(text.charCodeAt(k))) k++;
  return k;
}

/** The end of the line holding `k` (the offset of its line break, or the text's end). */
function lineEnd(text: string, k: number): number {
  const nl = text.indexOf("\n", k);
  return nl < 0 ? text.length : nl;
}

/** [start, end) of `text` without blanks and the punctuation that ends a field (",", ";", "."). */
function trimmed(text: string, s: number, e: number): [number, number] {
  while (s < e && isBlank(text.charCodeAt(s))) s++;
  while (e > s) {
    const c = text.charCodeAt(e - 1);
    if (isBlank(c) || c === 13 || c === 44 || c === 59) e--;
    else break;
  }
  return [s, e];
}

/**
 * The label that opens the field at `k` (a line's or a field's start) and the offset after it and its colon;
 * `alone`: the label ends its line with no value after it (the value is on the lines below).
 */
function labelAt(lower: string, k: number, end: number): { after: number; alone: boolean } | undefined {
  // a label is followed by a colon, or stands alone on its line
  let colon = -1;
  const lim = Math.min(end, k + MAX_LABEL + 2);
  for (let j = k; j < lim; j++) {
    const c = lower.charCodeAt(j);
    if (c === 58 || c === 0xff1a) {
      colon = j;
      break;
    }
  }
  let labelEnd = colon >= 0 ? colon : end;
  while (labelEnd > k && isBlank(lower.charCodeAt(labelEnd - 1))) labelEnd--;
  if (labelEnd - k > MAX_LABEL || labelEnd <= k) return undefined;
  let label = lower.slice(k, labelEnd);
  // "Address (home)", "Address*": the field's hint or its mark of a required field
  label = label.replace(/\s*(?:\*|\([^)]{0,20}\))$/, "");
  if (!LABEL_SET.has(label)) return undefined;
  if (colon < 0) return { after: end, alone: true };
  const after = skipBlanks(lower, colon + 1, end);
  return { after, alone: after >= end };
}

/**
 * Whether the line [s, e) opens another field ("Phone:", "Card number:", "E-mail:"): a short run of words then a
 * colon. Such a line ends the value of a label that stands alone.
 */
function isFieldLine(text: string, s: number, e: number): boolean {
  const lim = Math.min(e, s + 32);
  for (let j = s; j < lim; j++) {
    const c = text.charCodeAt(j);
    if (c === 58 || c === 0xff1a) return j > s && !/\d/.test(text.slice(s, j));
  }
  return false;
}

/** The value [s, e) is an address a person wrote, not a placeholder, a number alone, a link, an e-mail or code. */
function valueOk(text: string, s: number, e: number): boolean {
  if (e <= s) return false;
  const v = text.slice(s, e);
  if (PLACEHOLDER.test(v) || v.includes("@") || v.includes("://") || /^0x[0-9a-f]/i.test(v)) return false;
  // a letter of any script, and more than one word unless the script writes without spaces (住所：東京都港区…)
  if (!/\p{L}/u.test(v)) return false;
  // (one word is a host's or a variable's name in a config file: "address: localhost", "address: db-01.prod")
  if (!/\s/.test(v) && !/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(v))
    return false;
  // code: an assignment's or a call's marks
  if (/[{}=;<>`]|\(\)|=>/.test(v)) return false;
  return !inHouseOnly(v);
}

/**
 * Addresses in form fields.
 * @example addressField.detect({ text: "Address: Aleea Prahova, Bloc 82, Ap. 39", lower: "address: aleea prahova, bloc 82, ap. 39", channel: "typed" })[0].start // 9
 */
export const addressField: Recognizer = {
  id: ID,
  types: ["STREET_ADDRESS"],
  channels: ["typed", "clipboard", "ocr", "title"],
  // a label ends at a colon or at its line's end
  triggers: { text: [":", "\n", "：", "\r"] },
  detect(input) {
    const { text, lower } = input;
    const out = OUT;
    if (out.length !== 0) out.length = 0;
    // (offsets of `lower` must be the text's)
    if (lower.length !== text.length || !LABEL_PART.test(lower)) return NO_DETECTIONS;
    const n = text.length;
    let k = 0;
    while (k < n) {
      const e = lineEnd(text, k);
      // a field starts the line (after blanks, a bullet or a dash), or follows ", " / "; " / " | " / a tab on it
      let s = skipBlanks(text, k, e);
      const c0 = text.charCodeAt(s);
      if (c0 === 42 || c0 === 45 || c0 === 0x2022) s = skipBlanks(text, s + 1, e);
      let next = e + 1;
      for (let f = s; f < e;) {
        const lab = labelAt(lower, f, e);
        if (lab !== undefined) {
          const end = lab.alone ? valueBelow(text, e) : valueOnLine(text, lab.after, e);
          if (end !== undefined) {
            const [vs, ve] = end;
            out.push({ start: vs, end: ve, type: "STREET_ADDRESS", score: 0.85, level: 3, recognizer: ID });
            if (lab.alone) next = Math.max(next, ve + 1);
            break;
          }
        }
        f = nextField(text, f, e);
      }
      k = next;
    }
    return results(out);
  },
};

/** The start of the next field on the line after `f` (after ", ", "; ", " | " or a tab), or `e`. */
function nextField(text: string, f: number, e: number): number {
  for (let j = f; j < e; j++) {
    const c = text.charCodeAt(j);
    if (c === 9) return skipBlanks(text, j + 1, e);
    if ((c === 44 || c === 59 || c === 124) && j + 1 < e && isBlank(text.charCodeAt(j + 1)))
      return skipBlanks(text, j + 1, e);
  }
  return e;
}

/** The value after a label on its line, from `s` to the line's end `e` or the next field's label. */
function valueOnLine(text: string, s: number, e: number): [number, number] | undefined {
  // "Address: 12 Main St, Springfield, Phone: 555 …": the value ends where another field begins
  let end = e;
  for (let j = s; j < e; j++) {
    const c = text.charCodeAt(j);
    if (c === 9 || c === 124) {
      end = j;
      break;
    }
    if ((c === 44 || c === 59) && isFieldLine(text, skipBlanks(text, j + 1, e), e)) {
      end = j;
      break;
    }
  }
  if (end - s > MAX_LINE) return undefined;
  const [vs, ve] = trimmed(text, s, end);
  if (!valueOk(text, vs, ve)) return undefined;
  // indented lines under it continue the address ("Billing address: Sara Schwarz\n    28245 Puruntie 82 …")
  let last = ve;
  let k = e + 1;
  for (let lines = 0; k < text.length && lines < MAX_LINES; lines++) {
    const le = lineEnd(text, k);
    if (!isBlank(text.charCodeAt(k))) break;
    const [ls, lle] = trimmed(text, k, le);
    if (
      lle <= ls ||
      isFieldLine(text, ls, lle) ||
      (!valueOk(text, ls, lle) && !/^[\p{L}\p{N}][\p{L}\p{N} .,'-]*$/u.test(text.slice(ls, lle)))
    )
      break;
    last = lle;
    k = le + 1;
  }
  return [vs, last];
}

/** The lines under a label that stands alone on the line ending at `e`, up to a blank line or another field. */
function valueBelow(text: string, e: number): [number, number] | undefined {
  let first = -1;
  let last = -1;
  let k = e + 1;
  for (let lines = 0; k < text.length && lines < MAX_LINES; lines++) {
    const le = lineEnd(text, k);
    const [ls, lle] = trimmed(text, k, le);
    if (lle <= ls || le - k > MAX_LINE || isFieldLine(text, ls, lle)) break;
    // the first line must read as an address; those after it may be a town, a region or a postcode alone
    if (first < 0) {
      if (!valueOk(text, ls, lle)) return undefined;
      first = ls;
    } else {
      const line = text.slice(ls, lle);
      if (line.includes("@") || line.includes("://")) break;
    }
    last = lle;
    k = le + 1;
  }
  // a label alone on its line may be a heading over prose: an address below it holds a number somewhere
  if (first < 0 || !/\p{N}/u.test(text.slice(first, last))) return undefined;
  return [first, last];
}
