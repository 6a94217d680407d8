import type { Detection, Recognizer } from "../../types.js";
import { codeAt, isHex, isWordCode, results } from "./chars.js";
import { CH_COLON, CH_DOT, CH_HYPHEN, peekTokens } from "../people/tokens.js";
import { knownDigitCount } from "../ids/scan.js";

/** Scratch list of detect (recognizers are not re-entered). */
const OUT: Detection[] = [];

function hexRun(text: string, at: number, len: number): boolean {
  for (let k = 0; k < len; k++) if (!isHex(codeAt(text, at + k))) return false;
  return true;
}

/**
 * Length of a MAC address starting at `s`: six (or eight, EUI-64) pairs of hex digits joined by one
 * separator used throughout (":" or "-"), or Cisco's three dotted quads ("0011.2233.4455"); 0 when none.
 * @example macLength("00:1A:2B:3C:4D:5E", 0) // 17
 * @example macLength("0011.2233.4455", 0) // 14
 */
export function macLength(text: string, s: number): number {
  const sep = codeAt(text, s + 2);
  if ((sep === 58 || sep === 45) && hexRun(text, s, 2)) {
    let groups = 1;
    let p = s + 2;
    while (groups < 8 && codeAt(text, p) === sep && hexRun(text, p + 1, 2)) {
      groups++;
      p += 3;
    }
    if (groups === 6 || groups === 8) {
      // not the first six groups of something longer
      if (codeAt(text, p) === sep && isHex(codeAt(text, p + 1))) return 0;
      return p - s;
    }
    return 0;
  }
  if (
    codeAt(text, s + 4) === 46 &&
    hexRun(text, s, 4) &&
    hexRun(text, s + 5, 4) &&
    codeAt(text, s + 9) === 46
  ) {
    if (hexRun(text, s + 10, 4) && !(codeAt(text, s + 14) === 46 && isHex(codeAt(text, s + 15)))) return 14;
  }
  return 0;
}

function hasDigit(text: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

function scanSeparator(text: string, sep: string, out: Detection[]): void {
  const code = sep.charCodeAt(0);
  const back = code === 46 ? 4 : 2; // the group before the first separator
  for (let k = text.indexOf(sep); k >= 0; k = text.indexOf(sep, k + 1)) {
    const start = k - back;
    if (start < 0 || !isHex(text.charCodeAt(k - 1)) || !isHex(codeAt(text, k + 1))) continue;
    const b = codeAt(text, start - 1);
    if (b === code || (b >= 0 && isWordCode(b))) continue;
    const len = macLength(text, start);
    if (len === 0) continue;
    const end = start + len;
    if (isWordCode(codeAt(text, end)) || !hasDigit(text, start, end)) continue;
    out.push({ start, end, type: "MAC_ADDRESS", score: 0.85, level: 2, recognizer: "mac-address" });
    k = end;
  }
}

/**
 * MAC addresses (EUI-48, and EUI-64) written colon-, dash- or dot-grouped, type MAC_ADDRESS at level 2.
 * Each separator is found with `indexOf` and only then is the hex around it examined.
 */
export const macAddress: Recognizer = {
  id: "mac-address",
  types: ["MAC_ADDRESS"],
  triggers: { digit: true },
  detect(input) {
    const { text } = input;
    const out = OUT;
    if (out.length !== 0) out.length = 0;
    // Every address holds a digit (see scanSeparator): free to rule out when the ids recognizers ran.
    if (knownDigitCount(input) === 0) return results(out);
    // the record's shared tokens, when made, say which separators occur at all
    const toks = peekTokens(text);
    const chars = toks === undefined ? CH_COLON | CH_HYPHEN | CH_DOT : toks.chars;
    if (chars & CH_COLON) scanSeparator(text, ":", out);
    if (chars & CH_HYPHEN) scanSeparator(text, "-", out);
    if (chars & CH_DOT) scanSeparator(text, ".", out);
    if (out.length > 1) out.sort((a, b) => a.start - b.start);
    return results(out);
  },
};
