/**
 * HTTP authorization credentials: `Bearer <token>`, `Basic <base64 user:password>` and
 * `Authorization: <scheme> <credentials>` (Token, Bot, SSWS, ApiKey...). These parsers run where the
 * announced-secrets scan (typed-password.ts) finds the words "bearer", "basic" or "authorization", so the
 * text is scanned once for all announcing words.
 */
import type { Detection } from "../../types.js";
import { isRealUrlPassword } from "./url-credentials.js";
import { decodeBase64Text, isPlaceholder, looksRandom, secretDetection } from "./util.js";

/** Characters of an RFC 6750 bearer token (b64token) plus padding. */
const isTokenChar = (c: number): boolean =>
  (c >= 65 && c <= 90) ||
  (c >= 97 && c <= 122) ||
  (c >= 48 && c <= 57) ||
  c === 45 ||
  c === 46 ||
  c === 95 ||
  c === 126 ||
  c === 43 ||
  c === 47 ||
  c === 61;

/** [start, end) of the token after up to three spaces from `from` (a trailing full stop excluded). */
export function tokenAt(text: string, from: number): [number, number] {
  let i = from;
  let spaces = 0;
  while (i < text.length && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) && spaces < 3) {
    i++;
    spaces++;
  }
  const s = i;
  const lim = Math.min(text.length, s + 8192);
  while (i < lim && isTokenChar(text.charCodeAt(i))) i++;
  let e = i;
  while (e > s && text.charCodeAt(e - 1) === 46) e--;
  return [s, e];
}

/**
 * Is `token` a bearer credential (long, random-looking or a dotted JWT-like string, not a placeholder)?
 * @example isBearerCredential("ya29.a0AfH6SMBx3kLqP9zR2") // true
 * @example isBearerCredential("YOUR_TOKEN_HERE") // false
 */
export function isBearerCredential(token: string): boolean {
  if (token.length < 16 || isPlaceholder(token)) return false;
  if (looksRandom(token, 16)) return true;
  return token.split(".").length >= 3 && token.length >= 30;
}

/**
 * Is `token` a Basic credential: base64 of "user:password" with a real password?
 * @example isBasicCredential("YWxhZGRpbjpvcGVuc2VzYW1l") // true ("aladdin:opensesame")
 * @example isBasicCredential("dXNlcjpwYXNzd29yZA==") // false ("user:password")
 */
export function isBasicCredential(token: string): boolean {
  if (token.length < 8 || !/^[A-Za-z0-9+/]+={0,2}$/.test(token)) return false;
  const plain = decodeBase64Text(token, 1024);
  // credentials that do not decode to text (a byte mistyped, a client that sends a key): long random ones still are
  if (plain === null) return token.length >= 24 && looksRandom(token, 24);
  for (let i = 0; i < plain.length; i++) {
    const c = plain.charCodeAt(i);
    if (c < 32 || c > 126) return token.length >= 24 && looksRandom(token, 24);
  }
  const colon = plain.indexOf(":");
  if (colon <= 0) return false;
  return isRealUrlPassword(plain.slice(0, colon), plain.slice(colon + 1));
}

/** After the word "bearer" (ending at `end`): the token, if it is a credential. */
export function bearerAfter(text: string, end: number, out: Detection[], id: string): void {
  const [s, e] = tokenAt(text, end);
  if (s > end && isBearerCredential(text.slice(s, e)))
    out.push(secretDetection(s, e, "bearer-token", 0.9, id));
}

/** After the word "basic": the base64 credentials, if they decode to user:password. */
export function basicAfter(text: string, end: number, out: Detection[], id: string): void {
  const [s, e] = tokenAt(text, end);
  if (s > end && isBasicCredential(text.slice(s, e))) out.push(secretDetection(s, e, "basic-auth", 0.9, id));
}

/**
 * After the word "authorization": `: <scheme> <credentials>` or `: <credentials>` (Bearer and Basic are left to
 * `bearerAfter`/`basicAfter`, which run on those words).
 */
export function authorizationAfter(
  text: string,
  lower: string,
  end: number,
  out: Detection[],
  id: string,
): void {
  let i = end;
  const lim = Math.min(text.length, i + 4);
  while (i < lim && (text[i] === '"' || text[i] === "'" || text[i] === " ")) i++;
  if (text[i] !== ":" && text[i] !== "=") return;
  i++;
  while (i < text.length && (text[i] === " " || text[i] === '"' || text[i] === "'") && i < end + 24) i++;
  const [s1, e1] = tokenAt(text, i);
  const first = lower.slice(s1, e1);
  if (first === "bearer" || first === "basic" || e1 === s1) return;
  const [s2, e2] = text.charCodeAt(e1) === 32 ? tokenAt(text, e1 + 1) : [e1, e1];
  if (e2 > s2 && /^[a-z][a-z0-9-]{1,20}$/.test(first)) {
    const cred = text.slice(s2, e2);
    if (cred.length >= 12 && !isPlaceholder(cred) && looksRandom(cred, 12)) {
      out.push(secretDetection(s2, e2, "authorization-header", 0.85, id));
    }
  } else if (isBearerCredential(text.slice(s1, e1))) {
    out.push(secretDetection(s1, e1, "authorization-header", 0.85, id));
  }
}
