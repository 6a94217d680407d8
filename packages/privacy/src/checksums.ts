/** Check-digit algorithms used by validators. Pure functions over digit strings. */

/**
 * Luhn (mod 10), used by payment cards and Canada's SIN.
 * @example luhnValid("4111111111111111") // true
 */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits) || digits.length < 2) return false;
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/**
 * ISO 7064 mod 97-10 as used by IBAN: move the first four characters to the end, letters to numbers, remainder 1.
 * @example ibanChecksumValid("GB82WEST12345698765432") // true
 */
export function ibanChecksumValid(iban: string): boolean {
  const s = iban.replace(/\s+/g, "").toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(s)) return false;
  const rearranged = s.slice(4) + s.slice(0, 4);
  let rem = 0;
  for (const ch of rearranged) {
    const code = ch.charCodeAt(0);
    const v = code >= 65 ? String(code - 55) : ch;
    for (const d of v) rem = (rem * 10 + (d.charCodeAt(0) - 48)) % 97;
  }
  return rem === 1;
}

const VERHOEFF_D = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
  [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
  [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
  [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
  [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
  [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
  [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
  [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
  [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
const VERHOEFF_P = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
  [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
  [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
  [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
  [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
  [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
  [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];

/**
 * Verhoeff check digit, used by India's Aadhaar.
 * @example verhoeffValid("2363") // true
 */
export function verhoeffValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let c = 0;
  const n = digits.length;
  for (let i = 0; i < n; i++) {
    const d = digits.charCodeAt(n - 1 - i) - 48;
    c = VERHOEFF_D[c]![VERHOEFF_P[i % 8]![d]!]!;
  }
  return c === 0;
}

/**
 * Luhn check digit to append to `body` (digits only).
 * @example luhnCheckDigit("411111111111111") // 1
 */
export function luhnCheckDigit(body: string): number {
  let sum = 0;
  let double = true;
  for (let i = body.length - 1; i >= 0; i--) {
    let d = body.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return (10 - (sum % 10)) % 10;
}

/**
 * Verhoeff check digit to append to `body` (digits only).
 * @example verhoeffCheckDigit("236") // 3
 */
export function verhoeffCheckDigit(body: string): number {
  let c = 0;
  const n = body.length;
  for (let i = 0; i < n; i++) {
    const d = body.charCodeAt(n - 1 - i) - 48;
    c = VERHOEFF_D[c]![VERHOEFF_P[(i + 1) % 8]![d]!]!;
  }
  return VERHOEFF_INV[c]!;
}
const VERHOEFF_INV = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9];

/**
 * ISO 7064 MOD 11,10 (hybrid system): the check digit of `body`, used by Germany's tax id (and Croatia's OIB).
 * @example iso7064Mod11_10CheckDigit("8609574271") // 9
 */
export function iso7064Mod11_10CheckDigit(body: string): number {
  let product = 10;
  for (let i = 0; i < body.length; i++) {
    let sum = (body.charCodeAt(i) - 48 + product) % 10;
    if (sum === 0) sum = 10;
    product = (2 * sum) % 11;
  }
  const check = 11 - product;
  return check === 10 ? 0 : check;
}

/**
 * ISO 7064 MOD 11,10 validity of a digit string whose last digit is the check digit.
 * @example iso7064Mod11_10Valid("86095742719") // true
 */
export function iso7064Mod11_10Valid(digits: string): boolean {
  if (!/^\d{2,}$/.test(digits)) return false;
  return iso7064Mod11_10CheckDigit(digits.slice(0, -1)) === digits.charCodeAt(digits.length - 1) - 48;
}

/**
 * Sum of digit × weight (weights aligned from the left), e.g. for mod-11 schemes.
 * @example weightedDigitSum("123", [3, 2, 1]) // 10
 */
export function weightedDigitSum(digits: string, weights: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < weights.length && i < digits.length; i++)
    s += (digits.charCodeAt(i) - 48) * weights[i]!;
  return s;
}

/**
 * Remainder of a long decimal or alphanumeric string (letters A=10 … Z=35) modulo 97, as ISO 7064 MOD 97-10 uses.
 * @example mod97("3214282912345698765432161182") // 1
 */
export function mod97(s: string): number {
  let rem = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) rem = (rem * 10 + (c - 48)) % 97;
    else {
      const v = (c | 0x20) - 87; // 'a' -> 10
      rem = (rem * 100 + v) % 97;
    }
  }
  return rem;
}
