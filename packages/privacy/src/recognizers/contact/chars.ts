/**
 * Character-class helpers for the contact and network recognizers. They work on UTF-16 code units
 * (`charCodeAt`) so that scans stay allocation-free; non-ASCII code units are classified with one
 * Unicode regex test, which is rare in practice.
 */

const NON_ASCII_WORD = /[\p{L}\p{N}\p{M}]/u;

/** `0`-`9`. @example isDigit("7".charCodeAt(0)) // true */
export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** ASCII letter. @example isAsciiLetter(65) // true */
export function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Hexadecimal digit of either case. @example isHex("f".charCodeAt(0)) // true */
export function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

/**
 * A letter, digit, mark or `_` of any script: the characters a token is "glued" to.
 * @example isWordCode("é".charCodeAt(0)) // true
 * @example isWordCode("-".charCodeAt(0)) // false
 */
export function isWordCode(c: number): boolean {
  if (c < 128) return isDigit(c) || isAsciiLetter(c) || c === 95;
  if (c === 0xa0 || c === 0x202f || c === 0x2009) return false;
  return NON_ASCII_WORD.test(String.fromCharCode(c));
}

/**
 * The code unit at `i`, or -1 outside the string (so boundary checks need no length test).
 * @example codeAt("ab", 5) // -1
 */
export function codeAt(s: string, i: number): number {
  return i >= 0 && i < s.length ? s.charCodeAt(i) : -1;
}

/** Horizontal white space that may separate digit groups: space, no-break and thin spaces. */
export function isGroupSpace(c: number): boolean {
  return c === 32 || c === 0xa0 || c === 0x202f || c === 0x2009;
}

/** Any white space, including line breaks. @example isSpace(10) // true */
export function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x202f || c === 0x2009 || c === 0x3000;
}

/**
 * `lower` when it is index-aligned with `text` (the usual case); otherwise an ASCII-only lower-casing
 * of `text`, which keeps every offset ("İ".toLowerCase() is two code units long).
 * @example alignedLower("İD 5", "i̇d 5") // "İd 5"
 */
export function alignedLower(text: string, lower: string): string {
  if (lower.length === text.length) return lower;
  return text.replace(/[A-Z]+/g, (m) => m.toLowerCase());
}

export { NO_DETECTIONS, results } from "../results.js";
