import type { Detection, Recognizer } from "../../types.js";
import { decodeBase64Text, results, secretDetection } from "./util.js";

/** Scratch list of detect (recognizers are not re-entered). */
const OUT: Detection[] = [];

const ID = "secret-jwt";

const isB64Url = (c: number): boolean =>
  (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45 || c === 95;

function partEnd(text: string, from: number, max: number): number {
  const lim = Math.min(text.length, from + max);
  let i = from;
  while (i < lim && isB64Url(text.charCodeAt(i))) i++;
  return i;
}

/**
 * First "eyJ" (base64 of `{"`) at or after `from`, or -1. Found from its rare capital 'J': searching for the
 * common 'e' would stop at most words.
 */
function indexOfEyJ(text: string, from: number): number {
  let j = text.indexOf("J", from + 2);
  while (j >= 0) {
    if (text.charCodeAt(j - 1) === 121 && text.charCodeAt(j - 2) === 101) return j - 2;
    j = text.indexOf("J", j + 1);
  }
  return -1;
}

/**
 * Does this base64url segment decode to a JOSE header (a JSON object with "alg", or "enc" for JWE)?
 * @example isJoseHeader("eyJhbGciOiJIUzI1NiJ9") // true
 */
export function isJoseHeader(segment: string): boolean {
  const json = decodeBase64Text(segment, 2048);
  if (json === null || !json.startsWith("{")) return false;
  try {
    const h: unknown = JSON.parse(json);
    if (typeof h !== "object" || h === null || Array.isArray(h)) return false;
    const o = h as Record<string, unknown>;
    return typeof o["alg"] === "string" || typeof o["enc"] === "string";
  } catch {
    return false;
  }
}

/**
 * JSON Web Tokens (JWS: header.payload.signature; JWE: five parts). The header must decode to a JSON object
 * with "alg" (or "enc"); three base64url parts are not enough on their own.
 * @example jwt.detect({ text: "t=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlLXZhbHVlLTEyMzQ", lower: "", channel: "typed" })[0].type // "SECRET:jwt"
 */
export const jwt: Recognizer = {
  id: ID,
  types: ["SECRET:jwt"],
  triggers: { text: ["eyJ"] },
  detect({ text }) {
    const out = OUT;
    if (out.length !== 0) out.length = 0;
    let at = indexOfEyJ(text, 0);
    while (at >= 0) {
      let next = at + 3;
      if (at === 0 || !isB64Url(text.charCodeAt(at - 1))) {
        const hEnd = partEnd(text, at, 4096);
        next = hEnd;
        if (hEnd - at >= 10 && text.charCodeAt(hEnd) === 46) {
          const pEnd = partEnd(text, hEnd + 1, 65536);
          if (pEnd - hEnd - 1 >= 2 && text.charCodeAt(pEnd) === 46) {
            let end = partEnd(text, pEnd + 1, 8192);
            // JWE has two more parts.
            if (text.charCodeAt(end) === 46) {
              const e4 = partEnd(text, end + 1, 65536);
              if (text.charCodeAt(e4) === 46) end = partEnd(text, e4 + 1, 4096);
            }
            next = end;
            if (isJoseHeader(text.slice(at, hEnd))) {
              const sigLen = end - pEnd - 1;
              out.push(secretDetection(at, end, "jwt", sigLen >= 16 || sigLen === 0 ? 0.95 : 0.85, ID));
            }
          } else next = pEnd;
        }
      }
      at = indexOfEyJ(text, Math.max(next, at + 3));
    }
    return results(out);
  },
};
