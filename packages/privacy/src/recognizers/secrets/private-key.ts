import type { Detection, Recognizer } from "../../types.js";
import { isB64Char, results, secretDetection } from "./util.js";

/** Scratch list of detect (recognizers are not re-entered). */
const OUT: Detection[] = [];

/** Standard base64 alphabet and padding (PEM bodies never use the url-safe '-' and '_'). */
const isStdB64 = (c: number): boolean => isB64Char(c) && c !== 45 && c !== 95;

const ID = "secret-private-key";
/** Longest key block examined (an RSA-16384 PEM is about 13 kB). */
const MAX_BODY = 64 * 1024;
/** Fewer base64 characters than this is a placeholder, not a key (the smallest real key, PKCS#8 Ed25519, has 64). */
const MIN_KEY_CHARS = 60;

/**
 * Is this the body of a real key block, or a placeholder (`...`, `xxx`, `***`, a short stub)?
 * Handles JSON-escaped newlines (`\n`), PEM/PGP header lines (`Proc-Type:`, `Version:`) and blank lines.
 * @example isRealKeyBody("\n...\n") // false
 */
export function isRealKeyBody(body: string): boolean {
  const lines = body.replace(/\\r|\\n/g, "\n").split(/\r?\n|\r/);
  let b64 = 0;
  let other = 0;
  let distinct = 0;
  const seen = SEEN.fill(0);
  for (const raw of lines) {
    const line = raw.trim().replace(/^["']|["'],?$/g, "");
    if (line.length === 0 || /^[A-Za-z-]+:\s/.test(line)) continue; // empty or an armour header
    for (let i = 0; i < line.length; i++) {
      const c = line.charCodeAt(i);
      if (c === 32 || c === 9) continue;
      if (isB64Char(c)) {
        b64++;
        if (seen[c] === 0) {
          seen[c] = 1;
          distinct++;
        }
      } else other++;
    }
  }
  if (b64 < MIN_KEY_CHARS) return false;
  if (other > b64 * 0.02) return false;
  if (/\.\.\.|\*\*\*|x{4,}|X{4,}|<[^>\n]{0,40}>/.test(body)) return false;
  return distinct >= 20;
}
/** Which base64 characters a body uses (isB64Char is true for ASCII only). */
const SEEN = new Uint8Array(128);

/** End of the "-----END <label>-----" marker that starts at `endIdx` (also tolerates 3-5 trailing dashes). */
function endOfEndMarker(text: string, endIdx: number): number {
  let i = endIdx + "-----END".length;
  const limit = Math.min(text.length, i + 80);
  while (i < limit) {
    const c = text.charCodeAt(i);
    if ((c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 32) i++;
    else break;
  }
  let dashes = 0;
  while (i < text.length && text.charCodeAt(i) === 45 && dashes < 5) {
    i++;
    dashes++;
  }
  return i;
}

/**
 * Without an END marker (a truncated paste), the body runs over the lines that look like base64 (standard
 * alphabet only, at least 16 characters or ending in padding); lines may be separated by real newlines or by
 * JSON `\n` escapes. Returns the end of the last such line.
 */
function bodyWithoutEnd(text: string, from: number): number {
  const limit = Math.min(text.length, from + MAX_BODY);
  let i = from;
  let end = from;
  while (i < limit) {
    // line breaks (real or escaped) and indentation
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 10 || c === 13 || c === 32 || c === 9) i++;
      else if (c === 92 && (text.charCodeAt(i + 1) === 110 || text.charCodeAt(i + 1) === 114)) i += 2;
      else break;
    }
    const s = i;
    while (i < limit && isStdB64(text.charCodeAt(i))) i++;
    const c = text.charCodeAt(i);
    const lineEnds = i >= text.length || c === 10 || c === 13 || (c === 92 && text.charCodeAt(i + 1) === 110);
    if (!lineEnds || (i - s < 16 && text.charCodeAt(i - 1) !== 61) || i === s) break;
    end = i;
  }
  return end;
}

/**
 * If the key sits in the `"private_key"` field of a Google service-account JSON object, return the object's
 * [start, end) (the whole file is the credential); otherwise null.
 */
function serviceAccountObject(text: string, keyStart: number, keyEnd: number): [number, number] | null {
  const before = text.slice(Math.max(0, keyStart - 40), keyStart);
  if (!/"private_key"\s*:\s*"$/.test(before)) return null;
  // Enclosing '{': scan back, counting braces (service-account values contain none).
  let depth = 0;
  let open = -1;
  for (let i = keyStart - 1, lim = Math.max(0, keyStart - 8192); i >= lim; i--) {
    const c = text.charCodeAt(i);
    if (c === 125) depth++;
    else if (c === 123) {
      if (depth === 0) {
        open = i;
        break;
      }
      depth--;
    }
  }
  if (open < 0) return null;
  depth = 0;
  let close = -1;
  for (let i = keyEnd, lim = Math.min(text.length, keyEnd + 16384); i < lim; i++) {
    const c = text.charCodeAt(i);
    if (c === 123) depth++;
    else if (c === 125) {
      if (depth === 0) {
        close = i + 1;
        break;
      }
      depth--;
    }
  }
  if (close < 0) return null;
  const obj = text.slice(open, close);
  return /"type"\s*:\s*"service_account"/.test(obj) ? [open, close] : null;
}

function detectPem(text: string, out: Detection[]): void {
  let at = text.indexOf("-----BEGIN ");
  while (at >= 0) {
    const labelStart = at + "-----BEGIN ".length;
    const dash = text.indexOf("-----", labelStart);
    const label = dash >= 0 && dash - labelStart <= 60 ? text.slice(labelStart, dash) : "";
    if (!label.includes("PRIVATE KEY") || !/^[A-Z0-9 ]+$/.test(label)) {
      at = text.indexOf("-----BEGIN ", labelStart);
      continue;
    }
    const bodyStart = dash + 5;
    // A body never contains "-----", so the next dash run is either its END marker or something else.
    const endIdx = text.indexOf("-----", bodyStart);
    let bodyEnd: number;
    let spanEnd: number;
    if (endIdx >= 0 && endIdx - bodyStart <= MAX_BODY && text.startsWith("-----END", endIdx)) {
      bodyEnd = endIdx;
      spanEnd = endOfEndMarker(text, endIdx);
    } else {
      bodyEnd = bodyWithoutEnd(text, bodyStart);
      spanEnd = bodyEnd;
    }
    if (isRealKeyBody(text.slice(bodyStart, bodyEnd))) {
      out.push(secretDetection(at, spanEnd, "private-key", 0.99, ID));
      const obj = serviceAccountObject(text, at, spanEnd);
      if (obj) out.push(secretDetection(obj[0], obj[1], "gcp", 0.99, ID));
      at = text.indexOf("-----BEGIN ", spanEnd);
    } else {
      at = text.indexOf("-----BEGIN ", bodyStart);
    }
  }
}

/** PuTTY .ppk files: the key file header to the end of the private lines (and the MAC line when present). */
function detectPutty(text: string, out: Detection[]): void {
  let at = text.indexOf("PuTTY-User-Key-File-");
  while (at >= 0) {
    const pl = text.indexOf("Private-Lines:", at);
    if (pl < 0 || pl - at > 16384) break;
    const nl = text.indexOf("\n", pl);
    if (nl < 0) break;
    const bodyStart = nl + 1;
    let bodyEnd = bodyWithoutEnd(text, bodyStart);
    let end = bodyEnd;
    const mac = text.indexOf("Private-MAC:", bodyStart);
    if (mac >= 0 && mac - bodyStart <= MAX_BODY) {
      bodyEnd = mac;
      end = mac;
      while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    }
    if (isRealKeyBody(text.slice(bodyStart, bodyEnd)))
      out.push(secretDetection(at, end, "private-key", 0.97, ID));
    at = text.indexOf("PuTTY-User-Key-File-", Math.max(end, at + 1));
  }
}

/**
 * Private key blocks: PEM (RSA, DSA, EC, PKCS#8, encrypted PKCS#8, OpenSSH), PGP private key blocks and PuTTY
 * key files, also when the block sits in a JSON string with `\n` escapes. The span runs from BEGIN to the end of
 * the END marker; a Google service-account JSON object holding such a key is reported whole as `SECRET:gcp`.
 * Placeholders (`...`, `xxx`, `***`, a body under 60 base64 characters) are not keys.
 * @example privateKey.detect({ text: "-----BEGIN PRIVATE KEY-----\nxxx\n-----END PRIVATE KEY-----", lower: "", channel: "typed" }).length // 0
 */
export const privateKey: Recognizer = {
  id: ID,
  types: ["SECRET:private-key", "SECRET:gcp"],
  triggers: { text: ["-----BEGIN ", "PuTTY-User-Key-File-"] },
  detect({ text }) {
    const out = OUT;
    if (out.length !== 0) out.length = 0;
    // Both markers contain '-', which most text lacks: one search rules both out.
    const dash = text.indexOf("-");
    if (dash < 0) return results(out);
    if (text.indexOf("-----BEGIN ", dash) >= 0) detectPem(text, out);
    if (text.indexOf("PuTTY-User-Key-File-") >= 0) detectPutty(text, out);
    return results(out);
  },
};
