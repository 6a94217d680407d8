import type { Detection, Recognizer } from "../../types.js";
import {
  isPlaceholder,
  isSequenceOrRepeat,
  isTrivialValue,
  looksRandom,
  results,
  secretDetection,
} from "./util.js";

/** Scratch list of detect (recognizers are not re-entered). */
const OUT: Detection[] = [];

const ID = "secret-url-credentials";

/** URI schemes of databases, brokers and directories: their URIs are connection strings. */
// prettier-ignore
const DB_SCHEMES = new Set([
  "postgres", "postgresql", "pgsql", "mysql", "mysqlx", "mariadb", "mongodb", "redis", "rediss", "valkey",
  "amqp", "amqps", "mssql", "sqlserver", "oracle", "cockroachdb", "clickhouse", "couchdb", "couchbase", "neo4j",
  "bolt", "cassandra", "memcached", "influxdb", "db2", "snowflake", "firebird", "ldap", "ldaps", "smtp", "smtps",
  "imap", "imaps", "pop3", "pop3s", "nats", "kafka", "mqtt", "mqtts", "stomp", "rabbitmq", "elasticsearch",
  "opensearch",
]);

/** Query parameters whose value is a credential. */
// prettier-ignore
const SECRET_PARAMS = new Set([
  "sig", "signature", "x-amz-signature", "x-amz-security-token", "x-goog-signature", "x-goog-credential",
  "token", "access_token", "id_token", "refresh_token", "auth", "auth_token", "authtoken", "api_key", "apikey",
  "api-key", "secret", "client_secret", "password", "passwd", "pwd", "private_token", "session_token",
  "sessionid", "jwt", "access-token", "accesstoken", "x-api-key", "code_verifier",
]);

const FIELD_NAME_PASSWORD =
  /^(?:my|your|the|db|user|admin|new|some|enter|replacewith|replacewithyour|insert|insertyour|put|example|sample|test|dummy|fake)?(?:password|passwd|pwd|passphrase|secret|credentials?)(?:here)?$/;

/**
 * Is `pass` a real password in a URL (not a template, a field name, the user name again, or a stub)?
 * @example isRealUrlPassword("admin", "password") // false
 * @example isRealUrlPassword("apiuser", "r3alP4ssw0rd") // true
 */
export function isRealUrlPassword(user: string, pass: string): boolean {
  if (pass.length < 4) return false;
  if (pass === user) return false;
  if (isPlaceholder(pass) || isTrivialValue(pass) || isSequenceOrRepeat(pass)) return false;
  if (FIELD_NAME_PASSWORD.test(pass.toLowerCase().replace(/[-_\s.]/g, ""))) return false;
  if (/^[$%{<[(]/.test(pass)) return false;
  return true;
}

function schemeStart(text: string, sep: number): number {
  let s = sep;
  const lim = Math.max(0, sep - 32);
  while (s > lim) {
    const c = text.charCodeAt(s - 1);
    const ok =
      (c >= 97 && c <= 122) ||
      (c >= 65 && c <= 90) ||
      (c >= 48 && c <= 57) ||
      c === 43 ||
      c === 45 ||
      c === 46;
    if (!ok) break;
    s--;
  }
  while (s < sep && !/[A-Za-z]/.test(text[s]!)) s++; // a scheme starts with a letter
  return s;
}

/** 1: ends a URI (whitespace, quotes, < > and backslash); 2: also ends an authority (^ { | }). By char code. */
const URI_STOP = new Uint8Array(128);
for (const c of [32, 9, 10, 13, 34, 39, 96, 60, 62, 92]) URI_STOP[c] = 1;
for (const c of [94, 123, 124, 125]) URI_STOP[c] = 2;

/**
 * End of the run from `from` (at most `max` chars) that stops at URI_STOP characters and non-ASCII; with
 * `authority`, also at '/', '?', '#' and the characters an authority may not hold.
 */
function scanUntil(text: string, from: number, max: number, authority: boolean): number {
  let i = from;
  const lim = Math.min(text.length, from + max);
  while (i < lim) {
    const c = text.charCodeAt(i);
    if (c > 126) break;
    const k = URI_STOP[c]!;
    if (k === 1) break;
    if (authority && (k === 2 || c === 47 || c === 63 || c === 35)) break;
    i++;
  }
  return i;
}

function trimUriEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && ").,;]}!".indexOf(text[e - 1]!) >= 0) e--;
  return e;
}

/** First index of `ch` in text[from, to), or -1 (bounded, unlike String#indexOf). */
function indexIn(text: string, ch: number, from: number, to: number): number {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === ch) return i;
  return -1;
}

function scanQuery(text: string, qStart: number, uriEnd: number, out: Detection[]): void {
  let i = qStart;
  while (i < uriEnd) {
    let amp = uriEnd;
    for (let j = i; j < uriEnd; j++) {
      const c = text.charCodeAt(j);
      if (c === 38 || c === 35 || c === 59) {
        amp = j;
        break;
      }
    }
    const eq = indexIn(text, 61, i, amp);
    if (eq > i) {
      const name = text.slice(i, eq).toLowerCase();
      const value = text.slice(eq + 1, amp);
      const isPw = name === "password" || name === "passwd" || name === "pwd";
      if (SECRET_PARAMS.has(name) && value.length >= (isPw ? 4 : 8) && !isPlaceholder(decodeSafe(value))) {
        // "access_token=ACCESS_TOKEN": the name standing for its value in an API's documentation
        if (value.toLowerCase() !== name && (isPw ? isRealUrlPassword("", value) : !isTrivialValue(value))) {
          out.push(secretDetection(eq + 1, amp, "url-token", 0.85, ID));
        }
      }
    }
    i = amp + 1;
  }
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * Credentials inside URLs: `scheme://user:password@host` for any scheme (the span covers scheme, userinfo and
 * host; for database and broker schemes the whole URI, as a `SECRET:connection-string`), tokens used as the user
 * (`https://TOKEN:x-oauth-basic@github.com`, `https://TOKEN@host`), and credential query parameters
 * (`?sig=`, `access_token=`, `X-Amz-Signature=`...). Templates (`${PASSWORD}`, `{{pass}}`, `$(DB_PASS)`),
 * field names used as values (`user:password`), identical user and password, and stubs shorter than 4 are skipped.
 * @example urlCredentials.detect({ text: "ftp://bob:Tr0ub4dor@files.example.org", lower: "", channel: "typed" })[0].type // "SECRET:url-credentials"
 */
export const urlCredentials: Recognizer = {
  id: ID,
  types: ["SECRET:url-credentials", "SECRET:connection-string", "SECRET:url-token"],
  triggers: { text: ["://"] },
  detect({ text }) {
    const out = OUT;
    if (out.length !== 0) out.length = 0;
    let sep = text.indexOf("://");
    while (sep >= 0) {
      const authStart = sep + 3;
      const nextSep = text.indexOf("://", authStart);
      // Scans stop where the next URL begins, so every character is examined a bounded number of times.
      const limit = nextSep >= 0 ? Math.max(authStart, schemeStart(text, nextSep)) : text.length;
      const start0 = schemeStart(text, sep);
      if (start0 < sep) {
        const scheme = text.slice(start0, sep).toLowerCase();
        let start = start0;
        if (text.startsWith("jdbc:", start - 5)) start -= 5;
        const plus = scheme.indexOf("+");
        const isDb = DB_SCHEMES.has(plus < 0 ? scheme : scheme.slice(0, plus));
        const authEnd = trimUriEnd(
          text,
          authStart,
          scanUntil(text, authStart, Math.min(512, limit - authStart), true),
        );
        const uriEnd = trimUriEnd(
          text,
          authStart,
          scanUntil(text, authEnd, Math.min(4096, limit - authEnd), false),
        );
        let at = -1;
        for (let j = authEnd - 1; j >= authStart; j--) {
          if (text.charCodeAt(j) === 64) {
            at = j;
            break;
          }
        }
        if (at >= authStart) {
          const userinfo = text.slice(authStart, at);
          const host = text.slice(at + 1, authEnd);
          const colon = userinfo.indexOf(":");
          const hostOk = host.length > 0 && /^[A-Za-z0-9[]/.test(host);
          let found = false;
          if (hostOk && colon >= 0) {
            const user = userinfo.slice(0, colon);
            const pass = userinfo.slice(colon + 1);
            const tokenAsUser =
              /^x-oauth-(?:basic|token)$/i.test(pass) && user.length >= 8 && !isPlaceholder(user);
            found = tokenAsUser || isRealUrlPassword(user, pass);
          } else if (hostOk) {
            found = looksRandom(userinfo, 20) && !isPlaceholder(userinfo);
          }
          if (found) {
            const end = isDb ? Math.max(uriEnd, authEnd) : authEnd;
            out.push(secretDetection(start, end, isDb ? "connection-string" : "url-credentials", 0.95, ID));
          }
        }
        const q = indexIn(text, 63, authEnd, uriEnd);
        if (q >= 0) scanQuery(text, q + 1, uriEnd, out);
      }
      sep = nextSep;
    }
    return results(out);
  },
};
