/**
 * Check rules of financial and national identifiers. Pure functions over normalised strings (digits
 * only, or upper-case alphanumerics), each paired where useful with the function that computes the
 * check digit, so tests can generate valid values.
 */
import { iso7064Mod11_10Valid, luhnValid, mod97, verhoeffValid, weightedDigitSum } from "../../checksums.js";

// ---------------------------------------------------------------------------------------------
// Payment cards

/** One issuer range: prefixes lo..hi of `plen` digits, with the card lengths the issuer uses. */
interface IssuerRange {
  brand: string;
  plen: number;
  lo: number;
  hi: number;
  lengths: readonly number[];
}

const L12_19 = [12, 13, 14, 15, 16, 17, 18, 19];
const L16_19 = [16, 17, 18, 19];
const L14_19 = [14, 15, 16, 17, 18, 19];

// Public IIN ranges of the card schemes (Wikipedia "Payment card number" and scheme documentation).
const ISSUERS: readonly IssuerRange[] = [
  { brand: "visa", plen: 1, lo: 4, hi: 4, lengths: [13, 16, 19] },
  { brand: "mastercard", plen: 2, lo: 51, hi: 55, lengths: [16] },
  { brand: "mastercard", plen: 4, lo: 2221, hi: 2720, lengths: [16] },
  { brand: "amex", plen: 2, lo: 34, hi: 34, lengths: [15] },
  { brand: "amex", plen: 2, lo: 37, hi: 37, lengths: [15] },
  { brand: "discover", plen: 4, lo: 6011, hi: 6011, lengths: L16_19 },
  { brand: "discover", plen: 3, lo: 644, hi: 649, lengths: L16_19 },
  { brand: "discover", plen: 2, lo: 65, hi: 65, lengths: L16_19 },
  { brand: "discover", plen: 6, lo: 622126, hi: 622925, lengths: L16_19 },
  { brand: "jcb", plen: 4, lo: 3528, hi: 3589, lengths: L16_19 },
  { brand: "jcb", plen: 4, lo: 1800, hi: 1800, lengths: [15] },
  { brand: "jcb", plen: 4, lo: 2131, hi: 2131, lengths: [15] },
  { brand: "diners", plen: 3, lo: 300, hi: 305, lengths: L14_19 },
  { brand: "diners", plen: 4, lo: 3095, hi: 3095, lengths: L14_19 },
  { brand: "diners", plen: 2, lo: 36, hi: 36, lengths: L14_19 },
  { brand: "diners", plen: 2, lo: 38, hi: 39, lengths: L14_19 },
  { brand: "unionpay", plen: 2, lo: 62, hi: 62, lengths: L16_19 },
  { brand: "unionpay", plen: 2, lo: 81, hi: 81, lengths: L16_19 },
  { brand: "maestro", plen: 2, lo: 50, hi: 50, lengths: L12_19 },
  { brand: "maestro", plen: 2, lo: 56, hi: 69, lengths: L12_19 },
  { brand: "mir", plen: 4, lo: 2200, hi: 2204, lengths: L16_19 },
  { brand: "borica", plen: 4, lo: 2205, hi: 2205, lengths: [16] },
  { brand: "rupay", plen: 2, lo: 60, hi: 60, lengths: [16] },
  { brand: "rupay", plen: 2, lo: 82, hi: 82, lengths: [16] },
  { brand: "rupay", plen: 3, lo: 508, hi: 508, lengths: [16] },
  { brand: "rupay", plen: 3, lo: 353, hi: 353, lengths: [16] },
  { brand: "rupay", plen: 3, lo: 356, hi: 356, lengths: [16] },
  { brand: "verve", plen: 6, lo: 506099, hi: 506198, lengths: [16, 18, 19] },
  { brand: "verve", plen: 6, lo: 507865, hi: 507964, lengths: [16, 18, 19] },
  { brand: "troy", plen: 4, lo: 9792, hi: 9792, lengths: [16] },
  { brand: "gpn", plen: 4, lo: 1946, hi: 1946, lengths: [16, 18, 19] },
  { brand: "humo", plen: 4, lo: 9860, hi: 9860, lengths: [16] },
  { brand: "uzcard", plen: 4, lo: 8600, hi: 8600, lengths: [16] },
];

/** What the issuer prefix of a card number says. */
export interface CardIssuer {
  brand: string;
  /** The number's length is one the issuer uses. */
  lengthOk: boolean;
}

/**
 * The card scheme whose IIN range contains `digits`' prefix (preferring one whose lengths fit).
 * @example cardIssuer("4111111111111111") // { brand: "visa", lengthOk: true }
 */
export function cardIssuer(digits: string): CardIssuer | undefined {
  const n = digits.length;
  if (n < 6) return undefined;
  // prefixes of 1..6 digits, computed once
  const pre = [0, 0, 0, 0, 0, 0, 0];
  let v = 0;
  for (let k = 0; k < 6; k++) {
    const d = digits.charCodeAt(k) - 48;
    if (d < 0 || d > 9) return undefined;
    v = v * 10 + d;
    pre[k + 1] = v;
  }
  let loose: CardIssuer | undefined;
  for (const r of ISSUERS) {
    const p = pre[r.plen]!;
    if (p < r.lo || p > r.hi) continue;
    if (r.lengths.includes(n)) return { brand: r.brand, lengthOk: true };
    loose ??= { brand: r.brand, lengthOk: false };
  }
  return loose;
}

/**
 * A payment card number: 12-19 digits, Luhn-valid, in a known issuer range with a length it uses.
 * @example paymentCardValid("4111111111111111") // true
 */
export function paymentCardValid(digits: string): boolean {
  if (digits.length < 12 || digits.length > 19 || !luhnValid(digits)) return false;
  return cardIssuer(digits)?.lengthOk === true;
}

// ---------------------------------------------------------------------------------------------
// IBAN

// IBAN lengths by country: the SWIFT IBAN registry, plus territories that use their parent's
// format and the national formats in use without registration (Wikipedia "International Bank
// Account Number").
const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24,
  AE: 23,
  AL: 28,
  AT: 20,
  AZ: 28,
  BA: 20,
  BE: 16,
  BG: 22,
  BH: 22,
  BI: 27,
  BR: 29,
  BY: 28,
  CH: 21,
  CR: 22,
  CY: 28,
  CZ: 24,
  DE: 22,
  DJ: 27,
  DK: 18,
  DO: 28,
  EE: 20,
  EG: 29,
  ES: 24,
  FI: 18,
  FK: 18,
  FO: 18,
  FR: 27,
  GB: 22,
  GE: 22,
  GI: 23,
  GL: 18,
  GR: 27,
  GT: 28,
  HN: 28,
  HR: 21,
  HU: 28,
  IE: 22,
  IL: 23,
  IQ: 23,
  IS: 26,
  IT: 27,
  JO: 30,
  KW: 30,
  KZ: 20,
  LB: 28,
  LC: 32,
  LI: 21,
  LT: 20,
  LU: 20,
  LV: 21,
  LY: 25,
  MC: 27,
  MD: 24,
  ME: 22,
  MK: 19,
  MN: 20,
  MR: 27,
  MT: 31,
  MU: 30,
  NI: 28,
  NL: 18,
  NO: 15,
  OM: 23,
  PK: 24,
  PL: 28,
  PS: 29,
  PT: 25,
  QA: 29,
  RO: 24,
  RS: 22,
  RU: 33,
  SA: 24,
  SC: 31,
  SD: 18,
  SE: 24,
  SI: 19,
  SK: 24,
  SM: 27,
  SO: 23,
  ST: 25,
  SV: 28,
  TL: 23,
  TN: 24,
  TR: 26,
  UA: 29,
  VA: 22,
  VG: 24,
  XK: 20,
  YE: 30,
  // territories using the parent's format
  AX: 18,
  GF: 27,
  GP: 27,
  MQ: 27,
  RE: 27,
  PF: 27,
  TF: 27,
  YT: 27,
  NC: 27,
  BL: 27,
  MF: 27,
  PM: 27,
  WF: 27,
  IM: 22,
  JE: 22,
  GG: 22,
  // in use, not in the registry
  AO: 25,
  BF: 28,
  BJ: 28,
  CF: 27,
  CG: 27,
  CI: 28,
  CM: 27,
  CV: 25,
  DZ: 26,
  GA: 27,
  GQ: 27,
  GW: 25,
  IR: 26,
  KM: 27,
  MA: 28,
  MG: 27,
  ML: 28,
  MZ: 25,
  NE: 28,
  SN: 28,
  TD: 27,
  TG: 28,
};

/**
 * The IBAN length used by a country (upper-case ISO code), or undefined when it has no IBAN.
 * @example ibanLength("DE") // 22
 */
export function ibanLength(country: string): number | undefined {
  return IBAN_LENGTHS[country];
}

/** IBAN lengths by country letters (index (a - 65) * 26 + (b - 65)), 0 for none. */
const IBAN_LENGTH_TABLE = new Uint8Array(26 * 26);
for (const [cc, len] of Object.entries(IBAN_LENGTHS))
  IBAN_LENGTH_TABLE[(cc.charCodeAt(0) - 65) * 26 + (cc.charCodeAt(1) - 65)] = len;

/**
 * `ibanLength` from the char codes of two ASCII letters of either case, without building a string.
 * @example ibanLengthOf(0x67, 0x62) // 22 ("gb")
 */
export function ibanLengthOf(a: number, b: number): number {
  const x = (a & 0xdf) - 65;
  const y = (b & 0xdf) - 65;
  if (x < 0 || x >= 26 || y < 0 || y >= 26) return 0;
  return IBAN_LENGTH_TABLE[x * 26 + y]!;
}

/**
 * A compact IBAN (no spaces, any case): known country, that country's length, ISO 7064 mod 97 = 1.
 * @example ibanValid("GB82WEST12345698765432") // true
 */
export function ibanValid(iban: string): boolean {
  const s = iban.toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(s)) return false;
  if (IBAN_LENGTHS[s.slice(0, 2)] !== s.length) return false;
  return mod97(s.slice(4) + s.slice(0, 4)) === 1;
}

/**
 * The two check digits that make `country + cc + bban` a valid IBAN.
 * @example ibanCheckDigits("GB", "WEST12345698765432") // "82"
 */
export function ibanCheckDigits(country: string, bban: string): string {
  const r = 98 - mod97(bban + country.toUpperCase() + "00");
  return String(r).padStart(2, "0");
}

// ---------------------------------------------------------------------------------------------
// United States

/**
 * US routing (ABA) number: 9 digits, a Federal Reserve prefix, and 3-7-1 weighted sum ≡ 0 mod 10.
 * @example abaRoutingValid("011000015") // true
 */
export function abaRoutingValid(d: string): boolean {
  if (!/^\d{9}$/.test(d)) return false;
  const p = +d.slice(0, 2);
  // 00 (US government), 01-12 (Federal Reserve districts), 21-32 (thrifts), 61-72 (electronic), 80 (traveller's cheques)
  if (!(p <= 12 || (p >= 21 && p <= 32) || (p >= 61 && p <= 72) || p === 80)) return false;
  return weightedDigitSum(d, [3, 7, 1, 3, 7, 1, 3, 7, 1]) % 10 === 0;
}

/**
 * US Social Security number (9 digits): area not 000, 666 or 900-999; group not 00; serial not 0000;
 * and not one of the numbers the SSA voided after they were printed in advertising.
 * @example usSsnValid("536220719") // true
 */
export function usSsnValid(d: string): boolean {
  if (!/^\d{9}$/.test(d)) return false;
  const area = +d.slice(0, 3);
  if (area === 0 || area === 666 || area >= 900) return false;
  if (d.slice(3, 5) === "00" || d.slice(5) === "0000") return false;
  if (d === "078051120" || d === "219099999") return false;
  return !/^(\d)\1{8}$/.test(d);
}

/**
 * US Individual Taxpayer Identification Number: 9xx-GG-xxxx with group 50-65, 70-88, 90-92 or 94-99.
 * @example usItinValid("912701234") // true
 */
export function usItinValid(d: string): boolean {
  if (!/^9\d{8}$/.test(d)) return false;
  const g = +d.slice(3, 5);
  return (g >= 50 && g <= 65) || (g >= 70 && g <= 88) || (g >= 90 && g <= 92) || g >= 94;
}

// ---------------------------------------------------------------------------------------------
// United Kingdom

const NINO_BAD_PREFIX = new Set(["BG", "GB", "KN", "NK", "NT", "TN", "ZZ"]);

/**
 * UK National Insurance number prefix: first letter not D F I Q U V, second not D F I O Q U V, and not
 * BG GB KN NK NT TN ZZ.
 * @example ninoPrefixValid("AB") // true
 */
export function ninoPrefixValid(p: string): boolean {
  if (!/^[A-Z]{2}$/.test(p)) return false;
  if ("DFIQUV".includes(p[0]!) || "DFIOQUV".includes(p[1]!)) return false;
  return !NINO_BAD_PREFIX.has(p);
}

/**
 * A full NINO, compact and upper-case: prefix rules, six digits, suffix A-D.
 * @example ninoValid("AB123456C") // true
 */
export function ninoValid(s: string): boolean {
  return /^[A-Z]{2}\d{6}[A-D]$/.test(s) && ninoPrefixValid(s.slice(0, 2));
}

// ---------------------------------------------------------------------------------------------
// Canada, India, Australia, Brazil

/**
 * Canada Social Insurance Number: 9 digits, Luhn, first digit not 0 or 8 (unassigned).
 * @example caSinValid("046454286") // false (starts with 0)
 */
export function caSinValid(d: string): boolean {
  return /^[1-79]\d{8}$/.test(d) && luhnValid(d);
}

/**
 * India Aadhaar: 12 digits, first digit 2-9, Verhoeff check digit.
 * @example inAadhaarValid("234123412346") // true
 */
export function inAadhaarValid(d: string): boolean {
  return /^[2-9]\d{11}$/.test(d) && verhoeffValid(d);
}

/**
 * India PAN: five letters, four digits, a letter; the fourth letter is the holder type
 * (P person, C company, H Hindu undivided family, F firm, A association, T trust, B body of
 * individuals, L local authority, J artificial juridical person, G government).
 * @example inPanValid("ABCPE1234F") // true
 */
export function inPanValid(s: string): boolean {
  return /^[A-Z]{3}[ABCFGHJLPT][A-Z]\d{4}[A-Z]$/.test(s) && s.slice(5, 9) !== "0000";
}

const TFN_WEIGHTS = [1, 4, 3, 7, 5, 8, 6, 9, 10];
const TFN8_WEIGHTS = [10, 7, 8, 4, 6, 3, 5, 1];

/**
 * Australia Tax File Number: 9 digits weighted 1,4,3,7,5,8,6,9,10 (or the older 8-digit form weighted
 * 10,7,8,4,6,3,5,1), sum ≡ 0 mod 11.
 * @example auTfnValid("123456782") // true
 */
export function auTfnValid(d: string): boolean {
  if (/^\d{9}$/.test(d)) return weightedDigitSum(d, TFN_WEIGHTS) % 11 === 0;
  if (/^\d{8}$/.test(d)) return weightedDigitSum(d, TFN8_WEIGHTS) % 11 === 0;
  return false;
}

/**
 * The ninth TFN digit completing an 8-digit body, or undefined when none does.
 * @example auTfnComplete("12345678") // 2
 */
export function auTfnComplete(body: string): number | undefined {
  // 10·d ≡ -S (mod 11)  ⇔  d ≡ S (mod 11)
  const d = weightedDigitSum(body, TFN_WEIGHTS) % 11;
  return d <= 9 ? d : undefined;
}

/**
 * The two check digits of a Brazilian CPF body (9 digits).
 * @example brCpfCheckDigits("529982247") // "25"
 */
export function brCpfCheckDigits(body: string): string {
  const d1 = ((weightedDigitSum(body, [10, 9, 8, 7, 6, 5, 4, 3, 2]) * 10) % 11) % 10;
  const d2 = ((weightedDigitSum(body + d1, [11, 10, 9, 8, 7, 6, 5, 4, 3, 2]) * 10) % 11) % 10;
  return `${d1}${d2}`;
}

/**
 * Brazil CPF: 11 digits, two mod-11 check digits, not all the same digit.
 * @example brCpfValid("52998224725") // true
 */
export function brCpfValid(d: string): boolean {
  if (!/^\d{11}$/.test(d) || /^(\d)\1{10}$/.test(d)) return false;
  return brCpfCheckDigits(d.slice(0, 9)) === d.slice(9);
}

// ---------------------------------------------------------------------------------------------
// Germany

/**
 * Germany's Steuerliche Identifikationsnummer: 11 digits, first not 0; in the first ten exactly one
 * digit occurs twice or three times (three times never all adjacent) and the others at most once;
 * ISO 7064 MOD 11,10 check digit.
 * @example deTaxIdValid("86095742719") // true
 */
export function deTaxIdValid(d: string): boolean {
  if (!/^[1-9]\d{10}$/.test(d)) return false;
  const counts = new Array<number>(10).fill(0);
  for (let i = 0; i < 10; i++) counts[d.charCodeAt(i) - 48]!++;
  let repeated = -1;
  for (let k = 0; k < 10; k++) {
    const c = counts[k]!;
    if (c <= 1) continue;
    if (repeated >= 0 || c > 3) return false;
    repeated = k;
  }
  if (repeated < 0) return false;
  if (counts[repeated] === 3) {
    const ch = String(repeated);
    if (d.slice(0, 10).includes(ch.repeat(3))) return false;
  }
  return iso7064Mod11_10Valid(d);
}

// ---------------------------------------------------------------------------------------------
// France

/**
 * The key of a French NIR body (13 characters; Corsica's departments 2A/2B count as 19/18).
 * @example frNirKey("2550814168025") // 38
 */
export function frNirKey(body: string): number {
  const b = body.toUpperCase();
  let num = b;
  if (b.slice(5, 7) === "2A") num = b.slice(0, 5) + "19" + b.slice(7);
  else if (b.slice(5, 7) === "2B") num = b.slice(0, 5) + "18" + b.slice(7);
  return 97 - mod97(num);
}

/**
 * French social security number (NIR): sex 1/2 (3/4/7/8 for provisional numbers), year, month
 * 01-12 (20-42 and 50-99 when unknown), department (01-99, 2A, 2B), commune, order, and a
 * 2-digit key = 97 - (number mod 97).
 * @example frNirValid("255081416802538") // true
 */
export function frNirValid(s: string): boolean {
  const u = s.toUpperCase();
  if (!/^[1-478]\d{4}(?:\d\d|2A|2B)\d{8}$/.test(u)) return false;
  const month = +u.slice(3, 5);
  if (!((month >= 1 && month <= 12) || (month >= 20 && month <= 42) || month >= 50)) return false;
  if (u.slice(5, 7) === "00") return false;
  return frNirKey(u.slice(0, 13)) === +u.slice(13);
}

// ---------------------------------------------------------------------------------------------
// Spain

const DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";

/**
 * The control letter of a Spanish DNI number (or of an NIE with X/Y/Z replaced by 0/1/2).
 * @example esDniLetter(12345678) // "Z"
 */
export function esDniLetter(n: number): string {
  return DNI_LETTERS[n % 23]!;
}

/**
 * Spanish DNI: 8 digits and the letter of their value mod 23.
 * @example esDniValid("12345678Z") // true
 */
export function esDniValid(s: string): boolean {
  const u = s.toUpperCase();
  return /^\d{8}[A-Z]$/.test(u) && esDniLetter(+u.slice(0, 8)) === u[8];
}

/**
 * Spanish NIE: X, Y or Z (read as 0, 1, 2), 7 digits and the DNI control letter.
 * @example esNieValid("X1234567L") // true
 */
export function esNieValid(s: string): boolean {
  const u = s.toUpperCase();
  if (!/^[XYZ]\d{7}[A-Z]$/.test(u)) return false;
  const n = +("XYZ".indexOf(u[0]!) + u.slice(1, 8));
  return esDniLetter(n) === u[8];
}

// ---------------------------------------------------------------------------------------------
// Italy

// Values of characters in odd positions (1st, 3rd, …) for digits 0-9 and letters A-Z.
const CF_ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];
const CF_OMOCODE = "LMNPQRSTUV"; // letters replacing digits 0-9 when two people share a code
const CF_MONTHS = "ABCDEHLMPRST";

/**
 * The check character of the first 15 characters of a codice fiscale (upper case).
 * @example itFiscalCheckChar("RSSMRA85T10A562") // "S"
 */
export function itFiscalCheckChar(body: string): string {
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const c = body.charCodeAt(i);
    const v = c <= 57 ? c - 48 : c - 65;
    sum += i % 2 === 0 ? CF_ODD[v]! : v;
  }
  return String.fromCharCode(65 + (sum % 26));
}

function cfDigit(ch: string): number {
  const c = ch.charCodeAt(0);
  if (c >= 48 && c <= 57) return c - 48;
  return CF_OMOCODE.indexOf(ch);
}

/**
 * Italian codice fiscale of a person: 6 letters (surname, name), year, month letter, day (+40 for
 * women), birthplace (letter + 3 digits), check character; digits may be replaced by the omocodia
 * letters L M N P Q R S T U V.
 * @example itFiscalCodeValid("RSSMRA85T10A562S") // true
 */
export function itFiscalCodeValid(s: string): boolean {
  const u = s.toUpperCase();
  if (!/^[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/.test(u))
    return false;
  if (!CF_MONTHS.includes(u[8]!)) return false;
  const day = cfDigit(u[9]!) * 10 + cfDigit(u[10]!);
  if (!((day >= 1 && day <= 31) || (day >= 41 && day <= 71))) return false;
  return itFiscalCheckChar(u) === u[15];
}

// ---------------------------------------------------------------------------------------------
// Continental Europe: the personal numbers of the Netherlands, Poland, the Nordic countries, Belgium,
// Portugal and Czechia. Most of them begin with the holder's date of birth.

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Month 1-12 and a day that month can have (29 February always: the century is often unknown). */
function dayOfMonthValid(month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= DAYS_IN_MONTH[month - 1]!;
}

const two = (d: string, at: number): number => (d.charCodeAt(at) - 48) * 10 + (d.charCodeAt(at + 1) - 48);

/**
 * Netherlands burgerservicenummer (9 digits): the "11-proof", 9·d1 + 8·d2 + … + 2·d8 − d9 divisible by 11.
 * @example nlBsnValid("111222333") // true
 */
export function nlBsnValid(d: string): boolean {
  if (!/^\d{9}$/.test(d) || d === "000000000") return false;
  const s = weightedDigitSum(d, [9, 8, 7, 6, 5, 4, 3, 2, -1]);
  return s % 11 === 0;
}

/**
 * Poland PESEL (11 digits): birth date YYMMDD with the century in the month (+80 1800s, +0 1900s, +20 2000s,
 * +40 2100s, +60 2200s), weights 1 3 7 9 1 3 7 9 1 3 and a check digit to a multiple of 10.
 * @example plPeselValid("44051401359") // true
 */
export function plPeselValid(d: string): boolean {
  if (!/^\d{11}$/.test(d)) return false;
  if (!dayOfMonthValid(two(d, 2) % 20, two(d, 4))) return false;
  const s = weightedDigitSum(d, [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]);
  return (10 - (s % 10)) % 10 === d.charCodeAt(10) - 48;
}

/**
 * Sweden personnummer or samordningsnummer (10 digits, YYMMDD then four; the day is +60 for a coordination
 * number): a valid date and the Luhn check over the ten digits.
 * @example sePersonnummerValid("8112189876") // true
 */
export function sePersonnummerValid(d: string): boolean {
  if (!/^\d{10}$/.test(d)) return false;
  const day = two(d, 4);
  return dayOfMonthValid(two(d, 2), day > 60 ? day - 60 : day) && luhnValid(d);
}

/**
 * Denmark CPR number (10 digits, DDMMYY then four): a valid date. Numbers given since 2007 need not pass the
 * old modulus 11 check, so only the date can be checked.
 * @example dkCprDateValid("0707614285") // true
 */
export function dkCprDateValid(d: string): boolean {
  return /^\d{10}$/.test(d) && dayOfMonthValid(two(d, 2), two(d, 0));
}

/**
 * Norway fødselsnummer or D-number (11 digits, DDMMYY, three digits, two check digits by modulus 11; the day is
 * +40 for a D-number, the month +40 for an H-number).
 * @example noFodselsnummerValid("01010750160") // true
 */
export function noFodselsnummerValid(d: string): boolean {
  if (!/^\d{11}$/.test(d)) return false;
  let day = two(d, 0);
  let month = two(d, 2);
  if (day > 40) day -= 40;
  if (month > 40) month -= 40;
  if (!dayOfMonthValid(month, day)) return false;
  const check = (weights: number[], at: number): boolean => {
    const r = 11 - (weightedDigitSum(d, weights) % 11);
    const c = r === 11 ? 0 : r;
    return c !== 10 && c === d.charCodeAt(at) - 48;
  };
  return check([3, 7, 6, 1, 8, 9, 4, 5, 2], 9) && check([5, 4, 3, 2, 7, 6, 5, 4, 3, 2], 10);
}

const HETU_CHARS = "0123456789ABCDEFHJKLMNPRSTUVWXY";
const HETU_SIGNS = "+-ABCDEFYXWVU";

/**
 * Finland henkilötunnus: DDMMYY, a century sign (+, -, A-F, U-Y), a three-digit individual number and a check
 * character, the nine digits' remainder modulo 31 in 0-9 A-Y without G I O Q Z.
 * @example fiHetuValid("131052-308T") // true
 */
export function fiHetuValid(s: string): boolean {
  const u = s.toUpperCase();
  if (u.length !== 11 || !/^\d{6}$/.test(u.slice(0, 6)) || !/^\d{3}$/.test(u.slice(7, 10))) return false;
  if (!HETU_SIGNS.includes(u[6]!) || !dayOfMonthValid(two(u, 2), two(u, 0))) return false;
  const n = Number(u.slice(0, 6) + u.slice(7, 10));
  return HETU_CHARS[n % 31] === u[10];
}

/**
 * Belgium national register number (11 digits, YYMMDD, a three-digit serial, two check digits): 97 minus the first
 * nine digits modulo 97, with a 2 before them for people born from 2000. Month and day may be 00 (unknown date).
 * @example beNationalNumberValid("85073003328") // true
 */
export function beNationalNumberValid(d: string): boolean {
  if (!/^\d{11}$/.test(d)) return false;
  const month = two(d, 2) % 20;
  const day = two(d, 4);
  if (!(month === 0 || day === 0 || dayOfMonthValid(month, day)) || month > 12) return false;
  const check = two(d, 9);
  const body = d.slice(0, 9);
  return 97 - mod97(body) === check || 97 - mod97("2" + body) === check;
}

/**
 * Portugal número de identificação fiscal (9 digits): weights 9…2 and a check digit 11 − remainder (0 when that
 * is 10 or 11); the first digit says what kind of taxpayer.
 * @example ptNifValid("123456789") // true
 */
export function ptNifValid(d: string): boolean {
  if (!/^[1235689]\d{8}$/.test(d) && !/^(?:45|7[0-9])\d{7}$/.test(d)) return false;
  const r = weightedDigitSum(d, [9, 8, 7, 6, 5, 4, 3, 2]) % 11;
  return (r < 2 ? 0 : 11 - r) === d.charCodeAt(8) - 48;
}

/**
 * UK NHS number (England, Wales, Isle of Man), Scotland's CHI number and Northern Ireland's H&C number share one
 * rule: ten digits, the tenth 11 minus the first nine weighted 10 down to 2, modulo 11 (11 is written 0; a number
 * whose check would be 10 is never issued). Ten equal digits pass the sum but are no one's number.
 * @example nhsNumberValid("9434765919") // true
 */
export function nhsNumberValid(d: string): boolean {
  if (!/^\d{10}$/.test(d) || /^(\d)\1{9}$/.test(d)) return false;
  const r = 11 - (weightedDigitSum(d, [10, 9, 8, 7, 6, 5, 4, 3, 2]) % 11);
  const check = r === 11 ? 0 : r;
  return check !== 10 && check === d.charCodeAt(9) - 48;
}

/**
 * Czech or Slovak rodné číslo: YYMMDD (month +50 for women, +20 or +70 for extra numbers since 2004) and three
 * digits (before 1954) or four; a ten-digit number is divisible by 11, or its first nine leave 10 and it ends in 0.
 * @example czBirthNumberValid("7103192745") // true
 */
export function czBirthNumberValid(d: string): boolean {
  if (!/^\d{9,10}$/.test(d)) return false;
  let month = two(d, 2);
  if (month > 70) month -= 70;
  else if (month > 50) month -= 50;
  else if (month > 20) month -= 20;
  if (!dayOfMonthValid(month, two(d, 4))) return false;
  if (d.length === 9) return two(d, 0) < 54;
  const r = Number(d.slice(0, 9)) % 11;
  return r === 10 ? d.charCodeAt(9) === 48 : r === d.charCodeAt(9) - 48;
}
