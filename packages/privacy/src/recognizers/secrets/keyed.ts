import type { Detection, Recognizer } from "../../types.js";
import { hasContextBefore } from "../../context.js";
import { KEYED_FORMATS } from "./keyed-formats.js";
import { isRealUrlPassword } from "./url-credentials.js";
import {
  alignedLower,
  decodesToProse,
  isAbsolutePath,
  isCommandEnd,
  isIdentChar,
  isNameOrAlphabet,
  isPasswordMessage,
  isPlaceholder,
  isSequenceOrRepeat,
  isTrivialValue,
  caseIrregular,
  looksRandom,
  matchLengthRange,
  results,
  secretDetection,
  shellWordAt,
} from "./util.js";

/** Scratch list of detect (recognizers are not re-entered). */
const OUT: Detection[] = [];

const ID = "secret-keyed";

/**
 * How secret a key name says its value is. "service-key": a key named for what it opens (`MAILGUN_KEY`,
 * `PAYMENT_KEY`), which services issue as hex or UUIDs; a bare "key" (`KEY`, `ANY_KEY`) may name a hash or an id.
 */
export type KeyClass = "password" | "secret" | "service-key" | "key";

/** A key name split into lower-case words: `azureClientSecret` → `["azure", "client", "secret"]`. */
export function keyWords(ident: string): string[] {
  const words: string[] = [];
  let cur = "";
  const n = ident.length;
  for (let i = 0; i < n; i++) {
    const c = ident.charCodeAt(i);
    const upper = c >= 65 && c <= 90;
    const lowerOrDigit = (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
    if (!upper && !lowerOrDigit) {
      if (cur) words.push(cur);
      cur = "";
      continue;
    }
    if (upper && cur) {
      const p = ident.charCodeAt(i - 1);
      const prevLower = (p >= 97 && p <= 122) || (p >= 48 && p <= 57);
      const nx = i + 1 < n ? ident.charCodeAt(i + 1) : 0;
      const nextLower = nx >= 97 && nx <= 122;
      const prevUpper = p >= 65 && p <= 90;
      // fooBar → foo|bar ; HTTPServer → http|server
      if (prevLower || (prevUpper && nextLower)) {
        words.push(cur);
        cur = "";
      }
    }
    cur += upper ? String.fromCharCode(c + 32) : ident[i];
  }
  if (cur) words.push(cur);
  return words;
}

/**
 * Cheap first test on a lower-cased key name: can it be a secret's name at all? (Substrings of every secret
 * word, password word in each supported language, and provider name of `KEYED_FORMATS`.)
 */
const KEY_HINT =
  /pass|pw|pin|otp|secret|token|key|auth|cred|jwt|bearer|sas|hmac|sig|pat|aws|amazon|s3|az|aad|arm|entra|msal|ad|tenant|devops|vsts|heroku|algolia|cohere|co_api|mistral|deepseek|datadog|dd_|twilio|mailgun|okta|cloudflare|cf_|sentry|snyk|netlify|jira|confluence|atlassian|npm|facebook|fb_|slack|telegram|discord|twitter|pagerduty|launchdarkly|fastly|pinecone|wandb|weights|ngrok|google|gcp|gapi|session|security|kennwort|wachtwoord|contras|senha|motdepasse|mot_de_passe|l[oö]senord|salasana|has[lł]o|heslo|[sş]ifre|jelsz|adgangskode|parol/;
/** Provider names that `KEYED_FORMATS` keys contain (a second cheap test before trying those formats). */
const PROVIDER_HINT =
  /aws|amazon|s3|az|aad|arm|entra|msal|ad|tenant|devops|vsts|heroku|algolia|cohere|co_api|mistral|deepseek|datadog|dd_|twilio|mailgun|okta|cloudflare|cf_|sentry|snyk|netlify|jira|confluence|atlassian|auth|npm|facebook|fb_|slack|telegram|discord|twitter|pagerduty|launchdarkly|fastly|pinecone|wandb|weights|ngrok|google|gcp|gapi|session|security/;

// prettier-ignore
const PASSWORD_PARTS = [
  "password", "passwd", "passphrase", "passcode", "passwort", "kennwort", "wachtwoord", "contrasena", "senha",
  "motdepasse", "losenord", "salasana", "haslo", "heslo", "sifre", "jelszo", "adgangskode", "passord",
];
// prettier-ignore
const PASSWORD_WORDS = new Set([
  "pwd", "pass", "pw", "pswd", "psw", "pword", "pin", "otp", "totp", "passkey",
]);
// prettier-ignore
const NOT_PASSWORD = new Set([
  "bypass", "compass", "encompass", "trespass", "overpass", "underpass", "surpass", "passive", "passenger",
  "passport", "passthrough", "passthru",
]);
// prettier-ignore
const SECRET_PARTS = [
  "secret", "token", "apikey", "credential", "privatekey", "accesskey", "secretkey", "signingkey", "masterkey",
  "encryptionkey", "authkey", "bearer", "jwt", "webhookkey", "hmackey",
];
// prettier-ignore
const SECRET_WORDS = new Set([
  "auth", "oauth", "creds", "cred", "pat", "sas", "hmac", "sig",
]);
/** Words that, with `key`, make an API-key-like name (`api_key`, `access_key`, `client_key`...). */
// prettier-ignore
const KEY_QUALIFIERS = new Set([
  "api", "access", "private", "secret", "signing", "master", "encryption", "client", "auth", "app", "license",
  "service", "account", "admin", "sdk", "server", "write", "read", "deploy", "integration", "partner",
  "merchant", "consumer", "subscription", "primary", "secondary", "shared", "storage", "webhook", "hmac", "ssh",
  "session", "jwt", "cookie", "crypt", "cipher", "aes", "rsa", "root", "user", "personal", "bot",
]);
/** Words that make a key name describe something other than a secret value. */
// prettier-ignore
const NEG_WORDS = new Set([
  "public", "publishable", "pub", "pubkey", "hash", "hashed", "sha", "sha1", "sha256", "sha512", "md5", "digest",
  "checksum", "fingerprint", "integrity", "id", "ids", "uuid", "guid", "name", "names", "type", "types",
  "length", "len", "size", "count", "max", "min", "limit", "ttl", "expiry", "expires", "expiration", "expire",
  "lifetime", "timeout", "url", "uri", "urls", "path", "file", "filename", "dir", "folder", "endpoint", "host",
  "port", "header", "field", "label", "prompt", "placeholder", "hint", "pattern", "regex", "format", "prefix",
  "suffix", "version", "enabled", "enable", "disabled", "required", "policy", "policies", "rule", "rules",
  "strength", "provider", "mode", "forgot", "manager", "column", "index", "tokenizer", "tokens", "keyboard",
  "keycode", "keyword", "keywords", "keystroke", "hotkey", "keypress", "keydown", "keyup", "keymap", "keyframe",
  "keyframes", "keyspace", "salt", "iv", "nonce", "algorithm", "alg", "kid", "kind", "usage", "rotation",
  "encrypted", "ref", "reference", "env", "var", "arn", "region", "bucket", "location", "attempts", "retries",
  "retry", "valid", "validation", "validator", "validity", "status", "state", "error", "errors", "message",
  "msg", "text", "title", "description", "desc", "help", "button", "input", "form", "modal", "dialog", "page",
  "screen", "view", "route", "link", "icon", "color", "style", "class", "display", "show", "hide", "visible",
  "toggle", "date", "time", "created", "updated", "last", "sort", "primary_key", "foreign", "cache", "lookup",
  "map", "table", "partition", "range", "shard", "row", "id_token", "example", "sample", "dummy", "mock", "fake",
  "test", "schema", "spec", "doc", "docs", "len", "bits", "encoding", "csrf", "xsrf", "authenticity",
]);

/**
 * Classify a key name: does it announce a password, a secret, a (possibly secret) key — or nothing?
 * @example classifyKey("DB_PASSWORD") // "password"
 * @example classifyKey("azureClientSecret") // "secret"
 * @example classifyKey("ANY_KEY") // "key"
 * @example classifyKey("password_min_length") // null
 */
export function classifyKey(ident: string): KeyClass | null {
  return classifyWords(keyWords(ident));
}

/** Any word containing one of the parts (the words hold letters and digits only, so joining them with '_' lets
 * one search stand for a search in each word). */
const PASSWORD_PART_RE = new RegExp(PASSWORD_PARTS.join("|"));
const SECRET_PART_RE = new RegExp(SECRET_PARTS.join("|"));

/** `classifyKey` on a key name already split into words. */
function classifyWords(words: readonly string[], joined = words.join("_")): KeyClass | null {
  if (words.length === 0) return null;
  for (const w of words) if (NEG_WORDS.has(w) || NOT_PASSWORD.has(w)) return null;
  for (const w of words) if (PASSWORD_WORDS.has(w)) return "password";
  if (PASSWORD_PART_RE.test(joined)) return "password";
  for (const w of words) if (SECRET_WORDS.has(w)) return "secret";
  if (SECRET_PART_RE.test(joined)) return "secret";
  let hasKey = false;
  for (const w of words) {
    if (w === "key" || w === "keys") hasKey = true;
    else if (w.length > 4 && w.endsWith("key") && KEY_QUALIFIERS.has(w.slice(0, -3))) return "secret"; // licensekey
  }
  if (!hasKey) return null;
  for (const w of words) if (KEY_QUALIFIERS.has(w)) return "secret";
  let named = false;
  for (const w of words) {
    if (w === "key" || w === "keys" || GENERIC_KEY_WORDS.has(w)) continue;
    if (ID_KEY_WORDS.has(w)) return "key";
    named = true;
  }
  return named ? "service-key" : "key";
}

/** Words that name nothing a key opens (`MY_KEY`, `THE_KEY`, `KEY_2`). */
// prettier-ignore
const GENERIC_KEY_WORDS = new Set([
  "my", "the", "a", "an", "any", "some", "other", "your", "our", "default", "new", "old", "current", "main",
  "this", "that", "next", "prev", "previous", "first", "second", "x", "k", "v",
]);
/**
 * Words of keys whose values are ids, hashes or public fingerprints, not secrets (`ENV GPG_KEY 7169…` in
 * Dockerfiles, `IDEMPOTENCY_KEY`, `ROUTING_KEY`, `OBJECT_KEY`).
 */
// prettier-ignore
const ID_KEY_WORDS = new Set([
  "gpg", "pgp", "gnupg", "keyid", "keyring", "routing", "idempotency", "dedup", "dedupe", "deduplication",
  "object", "s3", "blob", "message", "translation", "i18n", "l10n", "locale", "unique", "composite",
  "surrogate", "natural", "commit", "git", "revision", "rev", "etag", "build", "release", "asset", "upload",
  "download", "react", "list", "item", "node", "group", "tag", "tags", "redis", "memcache", "memcached",
  "counter", "metric", "metrics", "event", "events", "job", "queue", "topic", "stream", "record", "entry",
  "dict", "parent", "child", "join", "idx", "pk", "fk",
]);

const CODE_REF_UNQUOTED = /^[A-Za-z_$][\w$]*(?:\.[\w$]+)+$|[([{]/;
const ENCRYPTED_VALUE =
  /^(?:ENC\[|enc:|encrypted:|vault:v\d+:|AQICAH|\$ANSIBLE_VAULT|sha\d+[:-]|\$2[aby]\$|\$argon2|\$pbkdf2|\{SSHA?\}|!vault)/;
const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
/** Hashes, and the fingerprints and long ids of GPG keys (`ENV GPG_KEY A035C8C1…` in Dockerfiles: a public key's). */
const HASH_HEX = /^(?:[a-fA-F0-9]{16}|[a-fA-F0-9]{32}|[a-fA-F0-9]{40}|[a-fA-F0-9]{64}|[a-fA-F0-9]{128})$/;
/** Hex a service issues as a key: 32, 40 or 64 digits of one case (a GPG key's 16-digit id is no key). */
const SERVICE_HEX = /^(?:[a-f0-9]{32}|[a-f0-9]{40}|[a-f0-9]{64}|[A-F0-9]{32}|[A-F0-9]{40}|[A-F0-9]{64})$/;
const NOT_A_TOKEN =
  /:\/\/|^[.~]|^\/(?![A-Za-z0-9+/]{15,}={0,2}$)|^\/(?=[\w./-]*$)|^[A-Za-z]:\\|\.(?:pem|key|json|p12|pfx|crt|txt|env|ya?ml)$|@[A-Za-z0-9-]+\.[A-Za-z]/;
const PASSWORD_FIELD_NAME =
  /^(?:password|passwd|pwd|pass|secret|token|apikey|api_key|key|none|null|nil|true|false)$/i;

interface Value {
  start: number;
  end: number;
  text: string;
  quoted: boolean;
}

/** 1 for the characters that end an unquoted value (whitespace and , ; ) } ] < > " ' ` &), by char code. */
const STOP_UNQUOTED = new Uint8Array(128);
for (const c of [32, 9, 10, 13, 44, 59, 41, 125, 93, 60, 62, 34, 39, 96, 38]) STOP_UNQUOTED[c] = 1;

/** 1 for the letters of the escapes that stand for line breaks and tabs inside a string: n r t */
const ESCAPED_BREAK = new Uint8Array(128);
for (const c of "nrt") ESCAPED_BREAK[c.charCodeAt(0)] = 1;

/** Read the value after an operator: a quoted string (same line) or a run up to whitespace / punctuation. */
function readValue(text: string, from: number): Value | null {
  let i = from;
  const n = text.length;
  let spaces = 0;
  while (i < n && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) && spaces < 6) {
    i++;
    spaces++;
  }
  if (i >= n) return null;
  let q = text.charCodeAt(i);
  if (q === 92 && text.charCodeAt(i + 1) === 34) {
    // JSON-escaped string inside a string: \"value\"
    const rel = text.slice(i + 2, i + 1026).indexOf('\\"');
    if (rel < 0) return null;
    const close = i + 2 + rel;
    return { start: i + 2, end: close, text: text.slice(i + 2, close), quoted: true };
  }
  if (q === 34 || q === 39 || q === 96) {
    const start = i + 1;
    const lim = Math.min(n, start + 1024);
    let j = start;
    while (j < lim) {
      const c = text.charCodeAt(j);
      if (c === q || c === 10 || c === 13) break;
      j++;
    }
    if (j < n && text.charCodeAt(j) === q) return { start, end: j, text: text.slice(start, j), quoted: true };
    q = 0; // unterminated: read as unquoted after the quote
    i = start;
  }
  const start = i;
  const lim = Math.min(n, start + 1024);
  let j = start;
  for (let c: number; j < lim && ((c = text.charCodeAt(j)) >= 128 || STOP_UNQUOTED[c] === 0); j++) {
    // an escaped line break inside a JSON string ends the line's value: "TOKEN=k8Hq…\nNEXT=1"
    if (c === 92 && j > start && ESCAPED_BREAK[text.charCodeAt(j + 1)] === 1) break;
  }
  let end = j;
  // a full stop or colon after the value ends a sentence; not a configuration line's, where the value runs to the
  // line's end ("MAILER_PASSWORD=ms_8ssYN4ax.", "value: 3hMORbz2.dE."): its last character may be the secret's, and
  // a full stop masked with it costs nothing
  const lineValue =
    j >= n || text.charCodeAt(j) === 10 || text.charCodeAt(j) === 13 || text.charCodeAt(j) === 92;
  if (!lineValue)
    while (end > start && (text.charCodeAt(end - 1) === 46 || text.charCodeAt(end - 1) === 58)) end--;
  if (end <= start) return null;
  return { start, end, text: text.slice(start, end), quoted: false };
}

interface KeyName {
  start: number;
  end: number;
  ident: string;
  quoted: boolean;
}

/** The key name ending just before `opPos` (skipping spaces and a closing quote). */
function readKeyBefore(text: string, opPos: number): KeyName | null {
  let j = opPos;
  let spaces = 0;
  while (j > 0 && (text.charCodeAt(j - 1) === 32 || text.charCodeAt(j - 1) === 9) && spaces < 4) {
    j--;
    spaces++;
  }
  let quoted = false;
  const qc = text.charCodeAt(j - 1);
  if (qc === 93 && text.charCodeAt(j - 2) !== 93) return subscriptKey(text, j - 1);
  if (qc === 34 || qc === 39 || qc === 96) {
    quoted = true;
    j--;
    if (text.charCodeAt(j - 1) === 92) j--; // \" inside a JSON string
  } else if (qc === 93 && text.charCodeAt(j - 2) === 93) {
    return null;
  }
  const end = j;
  const lim = Math.max(0, end - 80);
  let letter = false;
  for (let c: number; j > lim && isIdentChar((c = text.charCodeAt(j - 1))); j--)
    if ((c | 0x20) >= 97 && (c | 0x20) <= 122) letter = true;
  // Leading dashes, dots and dollars belong to the syntax (--password, $password), not to the name.
  while (j < end && (text.charCodeAt(j) === 45 || text.charCodeAt(j) === 46 || text.charCodeAt(j) === 36))
    j++;
  if (j >= end || !letter) return null;
  const ident = text.slice(j, end);
  return { start: j, end, ident, quoted };
}

/** Type names that a typed declaration writes between a variable's name and its '=' (lower-cased). */
const TYPE_NAMES = new Set([
  "string",
  "str",
  "byte",
  "bytes",
  "secretstring",
  "securestring",
  "charsequence",
]);

/**
 * The variable a typed declaration assigns when `key` is its type: `var apiToken string = "…"` (Go),
 * `val apiToken: String = "…"` (Kotlin, Scala, Swift, TypeScript), `const API_TOKEN: &str = "…"` (Rust).
 * Any other key is returned as it is.
 */
function declaredName(text: string, key: KeyName | null): KeyName | null {
  if (key === null || key.quoted || !TYPE_NAMES.has(key.ident.toLowerCase())) return key;
  let j = key.start;
  if (text.charCodeAt(j - 1) === 38) j--; // &str
  const spaceAt = j;
  while (j > 0 && text.charCodeAt(j - 1) === 32 && spaceAt - j < 4) j--;
  if (text.charCodeAt(j - 1) === 58) {
    j--; // "name: Type"
  } else if (j === spaceAt) return key; // "name Type" needs its space
  const name = readKeyBefore(text, j);
  return name ?? key;
}

/**
 * The key of a subscript that ends with the ']' at `close`: `os.environ["API_TOKEN"]`, `ENV['API_TOKEN']`,
 * `config[:api_token]`, `$settings['api_token']`.
 */
function subscriptKey(text: string, close: number): KeyName | null {
  let e = close;
  const q = text.charCodeAt(e - 1);
  const quoted = q === 34 || q === 39;
  if (quoted) e--;
  let s = e;
  while (s > 0 && e - s < 80 && isIdentChar(text.charCodeAt(s - 1))) s--;
  if (s === e) return null;
  let open = s;
  if (quoted) {
    if (text.charCodeAt(s - 1) !== q) return null;
    open--;
  } else if (text.charCodeAt(s - 1) === 58) open--; // a Ruby symbol
  if (text.charCodeAt(open - 1) !== 91) return null;
  return { start: s, end: e, ident: text.slice(s, e), quoted: true };
}

/** Is the key written as code (quoted, snake/kebab/dotted/camel case or ALLCAPS) rather than as a prose word? */
function isCodeIdent(k: KeyName, op: string): boolean {
  if (k.quoted || op !== ":") return true;
  const id = k.ident;
  return /[_.\-$]/.test(id) || /[a-z][A-Z]/.test(id) || (/^[A-Z0-9]+$/.test(id) && id.length > 1);
}

/**
 * An identifier made of words, the value of an SDK's constant or enum ("GenerateDataKeyWithoutPlaintext",
 * "generate_data_key", "XMLHttpRequestIdle"): every capital starts a word of two or more lower-case letters (an
 * acronym may lead), no digit. Of 2,000,000
 * random base62 values of 16 to 48 characters, 27 have this shape.
 */
const WORDY_IDENT =
  /^(?:[a-z]{2,}|[A-Z][a-z]{2,}|[A-Z]{2,}(?=[A-Z][a-z]))(?:[A-Z][a-z]{2,}){2,}\$?$|^[a-z]{2,}(?:_[a-z]{2,}){2,}$/;
/** A constant's name or a placeholder in capitals ("STRING_VALUE", "DB_PASSWORD"), never a password itself. */
const UPPER_SNAKE = /^[A-Z]{2,}(?:_[A-Z]{2,})+$/;

/**
 * Does `value` look like a secret for a key of this class?
 * @example acceptValue("secret", "ahDzWAqqBHgpAeUBUULuU0gA4p09rt0WDAsUOmFg", true) // true
 * @example acceptValue("key", "ZHVtbXkgdGV4dCBkYXRhIGRhdGEgZGF0YQ==", false) // false
 */
export function acceptValue(cls: KeyClass, value: string, quoted: boolean, spacedOp = false): boolean {
  const v = value;
  if (v.length === 0 || v.length > 1024) return false;
  if (isPlaceholder(v) || isTrivialValue(v) || ENCRYPTED_VALUE.test(v)) return false;
  // (a password's random letters around a dot are no member access: "MAILER_PASSWORD=GecZ.ny6w5VE")
  if (!quoted && CODE_REF_UNQUOTED.test(v) && !(cls === "password" && caseIrregular(v))) return false;
  if (cls === "password") {
    if (v.length < 4 || v.length > 128) return false;
    if (PASSWORD_FIELD_NAME.test(v) || isSequenceOrRepeat(v) || UPPER_SNAKE.test(v)) return false;
    if (isPasswordMessage(v)) return false;
    // `password = user_password` in code is a variable, not a literal; `PASSWORD=hunter2` in a .env file is, and
    // so are random letters (`PASSWORD ?= qYzUbwBIHsij` in a Makefile)
    if (!quoted && spacedOp && /^[A-Za-z_][A-Za-z_]*$/.test(v) && !caseIrregular(v)) return false;
    // `pwd = "/home/dev/app"`: the working directory
    if (isAbsolutePath(v)) return false;
    if (/\s/.test(v) && !quoted) return false;
    return true;
  }
  if (NOT_A_TOKEN.test(v) || /\s/.test(v)) return false;
  if (decodesToProse(v) || WORDY_IDENT.test(v) || isNameOrAlphabet(v)) return false;
  if (cls === "secret") return looksRandom(v, 12);
  // a key named for a service: services issue keys as 32 to 64 hex digits and as UUIDs (`MAILGUN_KEY=<hex>`)
  if (cls === "service-key" && (UUID.test(v) || SERVICE_HEX.test(v)))
    return looksRandom(v.replace(/-/g, ""), 16);
  // a bare "key": demand more (cache keys, hashes and ids are common values)
  if (UUID.test(v) || HASH_HEX.test(v)) return false;
  return looksRandom(v, 16);
}

/** Lengths a value of each of `KEYED_FORMATS` may have (from its pattern). */
const VALUE_MIN: number[] = [];
const VALUE_MAX: number[] = [];
for (const f of KEYED_FORMATS) {
  const [lo, hi] = f.value.flags.includes("u") ? [0, Infinity] : matchLengthRange(f.value.source);
  VALUE_MIN.push(lo);
  VALUE_MAX.push(hi);
}

/** A YAML block scalar's indicator: the value starts on the next line ("token: |" then "  k8Hq…"). */
const BLOCK_SCALAR = /^[|>][-+]?$/;

/** The next line's text without its indentation, as the value of a YAML block scalar. */
function nextLineValue(text: string, from: number): Value | null {
  let i = from;
  if (text.charCodeAt(i) === 13) i++;
  if (text.charCodeAt(i) !== 10) return null;
  i++;
  const indent = i;
  while (i < text.length && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) && i - indent < 40) i++;
  if (i === indent) return null; // a block scalar's lines are indented
  const start = i;
  while (i < text.length && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13 && i - start < 1024) i++;
  let end = i;
  while (end > start && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end--;
  return end > start ? { start, end, text: text.slice(start, end), quoted: false } : null;
}

/**
 * The name field right before a key called "value" (`before` is where that key, or its quote, starts), in the
 * pairs that configuration formats write a variable as: XML attributes (`<add key="ApiKey" value="…"/>`), JSON
 * (`{"name": "API_KEY", "value": "…"}`, ECS task definitions) and YAML lists (`- name: API_KEY⏎  value: …`,
 * Kubernetes, GitHub Actions).
 */
const NAMED_BY =
  /(?:^|[^\w.$-])(?:name|key)["']?\s{0,4}[:=]\s{0,4}(["']?)([A-Za-z_][\w.-]{0,79})\1[\s,;]{0,12}["']?$/;
function namedBy(text: string, before: number): KeyName | null {
  const from = Math.max(0, before - 160);
  const m = NAMED_BY.exec(text.slice(from, before));
  if (m === null) return null;
  const ident = m[2]!;
  const start = from + m.index + m[0].indexOf(ident, m[0].search(/[:=]/));
  return { start, end: start + ident.length, ident, quoted: true };
}

// prettier-ignore
const ENCRYPTED_CONTEXT = [
  "encrypted", "ciphertext", "hashed", "encoded with", "sops",
];

function considerAssignment(
  text: string,
  lower: string,
  keyIn: KeyName,
  op: string,
  opEnd: number,
  spacedOp: boolean,
  out: Detection[],
): number {
  let key = keyIn;
  if (key.ident.length === 5 && key.ident.toLowerCase() === "value") {
    // `name="apiToken" value="…"`, `{"name": "API_KEY", "value": "…"}`, `- name: API_KEY⏎  value: …`
    const named = namedBy(text, key.start - (key.quoted ? 1 : 0));
    if (named === null) return opEnd;
    key = named;
  }
  const rawLower = key.ident.toLowerCase();
  if (!KEY_HINT.test(rawLower)) return opEnd;
  let value = readValue(text, opEnd);
  if (!value) return opEnd;
  if (op === ":" && !value.quoted && BLOCK_SCALAR.test(value.text)) value = nextLineValue(text, value.end);
  if (!value) return opEnd;
  const words = keyWords(key.ident);
  const norm = words.join("_");
  const code = isCodeIdent(key, op);
  const spanStart = code ? key.start : value.start;
  const vlen = value.text.length;
  if (PROVIDER_HINT.test(rawLower))
    for (let k = 0; k < KEYED_FORMATS.length; k++) {
      const f = KEYED_FORMATS[k]!;
      // a value of a length the format's value pattern cannot match is not tried
      if (vlen < VALUE_MIN[k]! || vlen > VALUE_MAX[k]!) continue;
      if ((f.rawKey ? f.key.test(rawLower) : f.key.test(norm)) && f.value.test(value.text)) {
        if (isPlaceholder(value.text) && !/^\d{4}-?\d{4}-?\d{4}$/.test(value.text)) break;
        out.push(secretDetection(spanStart, value.end, f.provider, 0.9, ID));
        return value.end;
      }
    }
  const cls = classifyWords(words, norm);
  if (!cls) return opEnd;
  if (cls === "password" && !code) return opEnd; // prose ("Password: x") is the typed-password recognizer's
  if (hasContextBefore(lower, key.start, ENCRYPTED_CONTEXT, 40)) return opEnd;
  if (!acceptValue(cls, value.text, value.quoted, spacedOp)) return opEnd;
  let kind: string = cls === "password" ? "password" : "high-entropy";
  if (
    cls === "password" &&
    (text.charCodeAt(value.end) === 59 ||
      text.charCodeAt(key.start - 1) === 59 ||
      text.charCodeAt(key.start - 2) === 59)
  ) {
    kind = "connection-string"; // ADO/JDBC "Server=..;Password=..;"
  }
  const score = cls === "password" ? 0.85 : cls === "secret" ? 0.8 : 0.7;
  out.push(secretDetection(spanStart, value.end, kind, score, ID));
  return value.end;
}

/** 1 for the characters that may precede '=' in a compound assignment: . + - ? | & : * */
const COMPOUND_OP = new Uint8Array(128);
for (const c of ".+-?|&:*") COMPOUND_OP[c.charCodeAt(0)] = 1;

/** Handle the operator at `pos` (':' or '='); returns where scanning may resume. */
function atOperator(text: string, lower: string, pos: number, out: Detection[]): number {
  const c = text.charCodeAt(pos);
  const next = text.charCodeAt(pos + 1);
  const prev = text.charCodeAt(pos - 1);
  let op: string;
  let opEnd: number;
  // where the key name ends: before the operator, or before a compound one's first character
  let keyEnd = pos;
  if (c === 58) {
    if (next === 58 || next === 47 || prev === 58) return pos + 1; // '::' scope, '://' URL
    if (next === 61) {
      op = ":=";
      opEnd = pos + 2;
    } else {
      op = ":";
      opEnd = pos + 1;
    }
  } else {
    // '=': an assignment that updates or defaults its name ("$token .= ", "TOKEN ?= ", "TOKEN ::= " in a
    // Makefile, "token ??= ", "token ||= ") is read from the name before its operator; comparisons ("==", "!=",
    // "<=", ">=") are not assignments
    let opStart = pos;
    while (opStart > 0 && pos - opStart < 3 && COMPOUND_OP[text.charCodeAt(opStart - 1)] === 1) opStart--;
    const before = text.charCodeAt(opStart - 1);
    if (before === 61 || before === 33 || before === 60 || before === 62) return pos + 1;
    if (opStart < pos) {
      keyEnd = opStart;
      op = "=";
      opEnd = pos + 1;
    } else if (next === 62) {
      op = "=>";
      opEnd = pos + 2;
    } else {
      op = "=";
      opEnd = pos + 1;
      while (opEnd < text.length && text.charCodeAt(opEnd) === 61 && opEnd - pos < 3) opEnd++;
    }
  }
  const key = declaredName(text, readKeyBefore(text, keyEnd));
  if (!key) return opEnd;
  const spacedOp = text.charCodeAt(keyEnd - 1) === 32 && text.charCodeAt(opEnd) === 32;
  return considerAssignment(text, lower, key, op, opEnd, spacedOp, out);
}

/** `--password value` / `--token value` command-line flags (the `--flag=value` form goes through '='). */
function cliFlags(text: string, lower: string, out: Detection[]): void {
  let i = text.indexOf("--");
  while (i >= 0) {
    let j = i + 2;
    const lim = Math.min(text.length, j + 40);
    while (j < lim && isIdentChar(text.charCodeAt(j)) && text.charCodeAt(j) !== 46) j++;
    if (j > i + 2 && text.charCodeAt(j) === 32 && text.charCodeAt(i - 1) !== 45) {
      const ident = text.slice(i + 2, j);
      const cls = classifyKey(ident);
      if (cls === "password" || cls === "secret") {
        const value = readValue(text, j + 1);
        if (
          value &&
          text.charCodeAt(value.start) !== 45 &&
          acceptValue(cls, value.text, value.quoted) &&
          !hasContextBefore(lower, i, ENCRYPTED_CONTEXT, 40)
        ) {
          out.push(secretDetection(i, value.end, cls === "password" ? "password" : "high-entropy", 0.8, ID));
        }
      }
    }
    i = text.indexOf("--", Math.max(j, i + 2));
  }
}

/**
 * Commands whose short flag takes a password, as people type them in a terminal: `docker login -u me -p …`,
 * `sshpass -p …`, `mongosh -u me -p …`, `redis-cli -a …`, and `mysql -p…` glued to its flag (mysql reads `-p value`
 * as a prompt and a database name). `login` counts after a container registry's client only.
 */
const SHORT_FLAG_COMMANDS: ReadonlyArray<readonly [command: string, flag: string, glued: boolean]> = [
  ["login", "-p", false],
  ["sshpass", "-p", false],
  ["mongo", "-p", false],
  ["mongosh", "-p", false],
  ["mongodump", "-p", false],
  ["mongorestore", "-p", false],
  ["mongoexport", "-p", false],
  ["mongoimport", "-p", false],
  ["redis-cli", "-a", false],
  ["mysql", "-p", true],
  ["mysqldump", "-p", true],
  ["mysqladmin", "-p", true],
  ["mariadb", "-p", true],
  ["mariadb-dump", "-p", true],
  // archives, SQL Server, remote desktops and FTP, SSH key passphrases (-N new, -P old)
  ["zip", "-P", false],
  ["unzip", "-P", false],
  ["7z", "-p", true],
  ["7za", "-p", true],
  ["sqlcmd", "-P", false],
  ["rdesktop", "-p", false],
  ["ncftp", "-p", false],
  ["ssh-keygen", "-N", false],
  ["ssh-keygen", "-P", false],
  // RAR's password (-hp also hides the names), OpenLDAP's bind password, Java's key and store passwords
  ["rar", "-hp", true],
  ["rar", "-p", true],
  ["unrar", "-p", true],
  ...[
    "ldapsearch",
    "ldapmodify",
    "ldapadd",
    "ldapdelete",
    "ldappasswd",
    "ldapwhoami",
    "ldapcompare",
    "ldapmodrdn",
  ].map((c) => [c, "-w", false] as const),
  ...["keytool", "jarsigner"].flatMap((c) =>
    ["-storepass", "-keypass", "-srcstorepass", "-deststorepass", "-srckeypass", "-destkeypass", "-new"].map(
      (f) => [c, f, false] as const,
    ),
  ),
];
const SHORT_FLAG_COMMAND = new Map<string, Array<readonly [flag: string, glued: boolean]>>();
for (const [c, f, g] of SHORT_FLAG_COMMANDS) {
  const flags = SHORT_FLAG_COMMAND.get(c) ?? [];
  flags.push([f, g]);
  SHORT_FLAG_COMMAND.set(c, flags);
}
const REGISTRY_CLIENTS = new Set([
  // cloud CLIs whose login takes -p (Azure, OpenShift, Cloud Foundry, Helm's registry login)
  "az",
  "oc",
  "cf",
  "docker",
  "podman",
  "nerdctl",
  "buildah",
  "skopeo",
  "oras",
  "registry",
  "auth",
]);
/** Most arguments of one command read after its name. */
const MAX_ARGS = 24;

/** What a text holds when a flag of SHORT_FLAG_COMMANDS may stand in it (the recognizer's triggers, and its gate). */
const SHORT_FLAG_HINTS = [" -p", " -a ", " -P ", " -N ", " -w ", " -hp", "pass ", " -new "];

/** The short password flags of SHORT_FLAG_COMMANDS: only the password is masked. */
function shortPasswordFlags(text: string, out: Detection[]): void {
  // the words of each line (a command ends at a line's end, ';', '|' or '&')
  let k = 0;
  const n = text.length;
  while (k < n) {
    while (k < n && isCommandSpace(text.charCodeAt(k))) k++;
    const ws = k;
    while (k < n && !isCommandSpace(text.charCodeAt(k)) && !isCommandEnd(text.charCodeAt(k))) k++;
    if (k === ws) {
      k++;
      continue;
    }
    const word = text.slice(ws, k);
    const spec = SHORT_FLAG_COMMAND.get(word.toLowerCase());
    if (spec === undefined || (word === "login" && !REGISTRY_CLIENTS.has(wordBefore(text, ws)))) continue;
    // the command's arguments, up to the end of the command
    let a = k;
    for (let args = 0; args < MAX_ARGS && a < n && !isCommandEnd(text.charCodeAt(a)); args++) {
      while (a < n && isCommandSpace(text.charCodeAt(a))) a++;
      const as = a;
      while (a < n && !isCommandSpace(text.charCodeAt(a)) && !isCommandEnd(text.charCodeAt(a))) a++;
      const match = spec.find(([flag]) => text.startsWith(flag, as));
      if (a === as || match === undefined) continue;
      const [flag, glued] = match;
      let value: Value | null = null;
      if (glued && a > as + flag.length) value = gluedValue(text, as + flag.length, a);
      else if (!glued && a === as + flag.length) value = readValue(text, a);
      if (
        value !== null &&
        text.charCodeAt(value.start) !== 45 &&
        !value.text.startsWith("$") &&
        acceptValue("password", value.text, value.quoted)
      ) {
        out.push(secretDetection(value.start, value.end, "password", 0.85, ID));
        // (a command may take two: "ssh-keygen -p -P old -N new")
      }
    }
    k = Math.max(k, a);
  }
}
/** text[s..e), a value glued to its flag, without the quotes around it. */
function gluedValue(text: string, s: number, e: number): Value | null {
  const q = text.charCodeAt(s);
  const quoted = (q === 34 || q === 39) && e - s >= 2 && text.charCodeAt(e - 1) === q;
  const start = quoted ? s + 1 : s;
  const end = quoted ? e - 1 : e;
  return end > start ? { start, end, text: text.slice(start, end), quoted } : null;
}
function isCommandSpace(c: number): boolean {
  return c === 32 || c === 9;
}
/** The word (lower-cased) that ends before the spaces before `pos`. */
function wordBefore(text: string, pos: number): string {
  let e = pos;
  while (e > 0 && isCommandSpace(text.charCodeAt(e - 1))) e--;
  let s = e;
  while (s > 0 && !isCommandSpace(text.charCodeAt(s - 1)) && !isCommandEnd(text.charCodeAt(s - 1))) s--;
  return text.slice(s, e).toLowerCase();
}

/**
 * `curl -u user:password` / `--user user:password` / `--user=user:password`: the credentials pair, read as the
 * shell reads one word (`kevin:'pRf7…'`, `"user:pa ss"`). A pair without a user (`-u ":pRf7…"`) is a password; one
 * without a password (`-u "sk_test_…:"`, how Stripe-like APIs take a key) is a key when it looks random.
 */
function curlUser(text: string, out: Detection[]): void {
  for (const flag of ["-u ", "--user ", "--user="]) {
    let i = text.indexOf(flag);
    while (i >= 0) {
      if (i === 0 || text.charCodeAt(i - 1) === 32 || text.charCodeAt(i - 1) === 9) {
        const word = shellWord(text, i + flag.length);
        // "<user:password>", "{user}:{pass}", "$USER:$PASS": a template of the command, not its credentials
        if (word && !/^[<{$]/.test(word.text) && !isPlaceholder(word.text)) {
          const v = word.text;
          const colon = v.indexOf(":");
          const user = v.slice(0, Math.max(colon, 0));
          const pass = v.slice(colon + 1);
          if (
            colon >= 0 &&
            (colon > 0 && pass.length > 0
              ? isRealUrlPassword(user, pass)
              : pass.length === 0
                ? looksRandom(user, 16) && !isPlaceholder(user)
                : isRealUrlPassword("", pass))
          ) {
            out.push(secretDetection(word.start, word.end, "basic-auth", 0.85, ID));
          }
        }
      }
      i = text.indexOf(flag, i + flag.length);
    }
  }
}

/** The shell word at `from` (after up to 4 spaces), as a value. */
function shellWord(text: string, from: number): Value | null {
  let i = from;
  while (i < text.length && text.charCodeAt(i) === 32 && i - from < 4) i++;
  const w = shellWordAt(text, i);
  return w === null ? null : { start: w.start, end: w.end, text: w.value, quoted: false };
}

/**
 * A snake_case key name, a space, then a random-looking value: the argument form of CLIs ("aws configure set
 * aws_secret_access_key wJalr…", "heroku config:set API_KEY k8Hq…" without '='). Only values that look random
 * count (prose such as "reset_password link" is no secret).
 */
function spacedIdents(text: string, lower: string, out: Detection[]): void {
  let u = text.indexOf("_");
  while (u >= 0) {
    let s = u;
    while (s > 0 && isIdentChar(text.charCodeAt(s - 1)) && u - s < 60) s--;
    let e = u + 1;
    while (e < text.length && isIdentChar(text.charCodeAt(e)) && e - s < 80) e++;
    const next = text.charCodeAt(e);
    if (e - s >= 4 && (next === 32 || next === 9) && (s === 0 || !isIdentChar(text.charCodeAt(s - 1)))) {
      const ident = text.slice(s, e);
      const cls = /[A-Za-z]/.test(ident) ? classifyKey(ident) : null;
      if (cls) {
        const value = readValue(text, e);
        if (
          value &&
          !value.quoted &&
          value.start - e <= 2 &&
          looksRandom(value.text, 16) &&
          acceptValue(cls === "password" ? "secret" : cls, value.text, false) &&
          !hasContextBefore(lower, s, ENCRYPTED_CONTEXT, 40)
        )
          out.push(secretDetection(s, value.end, "high-entropy", 0.8, ID));
      }
    }
    u = text.indexOf("_", Math.max(e, u + 1));
  }
}

/**
 * A quoted name, a comma and a quoted value: the arguments of the calls that set a variable or a header
 * (`System.setProperty("API_TOKEN", "…")`, `os.environ.setdefault("API_KEY", "…")`, `setenv("DB_PASSWORD", "…", 1)`,
 * `headers.set("X-Api-Key", "…")`). A password this way must be more than a lower-case word, so a list of field
 * names (`["password", "email"]`) is not read as one.
 */
function commaPairs(text: string, lower: string, out: Detection[]): void {
  for (let q = nextQuoteComma(text, 0); q >= 0; q = nextQuoteComma(text, q + 1)) {
    const quote = text.charCodeAt(q);
    let s = q;
    while (s > 0 && q - s < 80 && isIdentChar(text.charCodeAt(s - 1))) s--;
    if (s === q || text.charCodeAt(s - 1) !== quote) continue;
    let v = q + 2;
    while (v < text.length && (text.charCodeAt(v) === 32 || text.charCodeAt(v) === 9) && v - q < 6) v++;
    const vq = text.charCodeAt(v);
    if (vq !== 34 && vq !== 39 && vq !== 96) continue;
    const ident = text.slice(s, q);
    const value = readValue(text, v);
    if (value === null || !value.quoted) continue;
    if (classifyKey(ident) === "password" && /^[a-z]+$/.test(value.text)) continue;
    considerAssignment(text, lower, { start: s, end: q, ident, quoted: true }, ",", q + 2, false, out);
  }
}
/** The next closing quote directly followed by a comma, at or after `from`. */
function nextQuoteComma(text: string, from: number): number {
  for (let i = text.indexOf(",", from + 1); i >= 0; i = text.indexOf(",", i + 1)) {
    const c = text.charCodeAt(i - 1);
    if (c === 34 || c === 39) return i - 1;
  }
  return -1;
}

/** `<password>value</password>` elements. */
function xmlElements(text: string, out: Detection[]): void {
  let i = text.indexOf("</");
  while (i >= 0) {
    let j = i + 2;
    const lim = Math.min(text.length, j + 40);
    while (j < lim && isIdentChar(text.charCodeAt(j))) j++;
    if (j > i + 2 && text.charCodeAt(j) === 62) {
      const name = text.slice(i + 2, j);
      const cls = classifyKey(name);
      const open = `<${name}>`;
      const from = Math.max(0, i - 256 - open.length);
      const rel = cls ? text.slice(from, i).lastIndexOf(open) : -1;
      const o = rel >= 0 ? from + rel : -1;
      if (cls && o >= 0) {
        const v = text.slice(o + open.length, i).trim();
        if (acceptValue(cls, v, true))
          out.push(
            secretDetection(o + open.length, i, cls === "password" ? "password" : "high-entropy", 0.8, ID),
          );
      }
    }
    i = text.indexOf("</", j);
  }
}

/**
 * Secrets assigned to key names: `AWS_SECRET_ACCESS_KEY = ...`, `"apiKey": "..."`, `password: ...` in YAML,
 * `PGPASSWORD=...`, `.npmrc` `_authToken=...`, `X-API-Key: ...` headers, `--password value` flags,
 * `curl -u user:password`, `docker login -p …`, `mysql -p…` and `<password>..</password>` elements. Key names with provider words and a value of that provider's format
 * give `SECRET:<provider>` (see `keyed-formats.ts`); other secret-sounding names need a value that passes the
 * class's test (a password: not a placeholder; a secret or key: high entropy, mixed characters, not encoded
 * prose, not a hash, id, path or URL). Written as code, the span covers the key name and the value; written as
 * prose ("token: abc..."), only the value.
 * @example keyedSecrets.detect({ text: 'API_TOKEN="k8Hq2mZx9PqL4wRt"', lower: 'api_token="k8hq2mzx9pql4wrt"', channel: "typed" })[0].type // "SECRET:high-entropy"
 */
export const keyedSecrets: Recognizer = {
  id: ID,
  types: [
    "SECRET:high-entropy",
    "SECRET:password",
    "SECRET:connection-string",
    "SECRET:basic-auth",
    ...new Set(KEYED_FORMATS.map((f) => `SECRET:${f.provider}`)),
  ],
  // assignments (':' '='), command-line flags ('--', '-u'), XML elements ('</') and spaced snake_case names
  // ('_'): what detect looks for before it does anything else
  triggers: { text: [":", "=", "--", "-u", ...SHORT_FLAG_HINTS, "</", "_", '",', "',"] },
  detect(input) {
    const { text } = input;
    const out = OUT;
    if (out.length !== 0) out.length = 0;
    const lower = alignedLower(input); // the engine's lower-cased text unless lower-casing changed its length
    let colon = text.indexOf(":");
    let eq = text.indexOf("=");
    while (colon >= 0 || eq >= 0) {
      const pos = colon < 0 ? eq : eq < 0 ? colon : Math.min(colon, eq);
      const resume = Math.max(pos + 1, atOperator(text, lower, pos, out));
      if (colon >= 0 && colon < resume) colon = text.indexOf(":", resume);
      if (eq >= 0 && eq < resume) eq = text.indexOf("=", resume);
    }
    // Two-character searches are slower than one-character ones, so look for '-' and '<' first.
    const dash = text.indexOf("-");
    if (dash >= 0) {
      if (text.indexOf("--", dash) >= 0) cliFlags(text, lower, out);
      if (text.indexOf("-u", dash) >= 0) curlUser(text, out);
      for (const hint of SHORT_FLAG_HINTS)
        if (text.indexOf(hint, dash - 1) >= 0) {
          shortPasswordFlags(text, out);
          break;
        }
    }
    const lt = text.indexOf("<");
    if (lt >= 0 && text.indexOf("</", lt) >= 0) xmlElements(text, out);
    if (text.indexOf("_") >= 0) spacedIdents(text, lower, out);
    if (text.indexOf('",') >= 0 || text.indexOf("',") >= 0) commaPairs(text, lower, out);
    return results(out);
  },
};
