import type { Detection, Recognizer } from "../../types.js";
import { codeAt, isAsciiLetter, isDigit, isHex, isWordCode, results } from "./chars.js";
import { L_COMMON, L_FIRST, L_LAST, lexicon } from "../people/lexicon.js";
import { isTrivialValue } from "../secrets/util.js";

/** Scratch list of detect (recognizers are not re-entered). */
const OUT: Detection[] = [];

/** Offsets of one URL's parts in the analysed text (UTF-16, end exclusive); absent parts are undefined. */
export interface UrlParts {
  start: number;
  end: number;
  /** "https" in "https://…" (without "://"). */
  scheme?: [number, number];
  /** "user:pw" in "https://user:pw@host/" (without "@"). */
  userinfo?: [number, number];
  host: [number, number];
  /** From the first "/" after the host up to "?", "#" or the end; may be empty. */
  path: [number, number];
  /** After "?", up to "#" or the end (without "?"). */
  query?: [number, number];
  /** After "#" (without "#"). */
  fragment?: [number, number];
}

const MAX_URL = 16_384;

function isTerminator(c: number): boolean {
  if (c <= 32 || c === 0x7f) return true;
  switch (c) {
    case 34: // "
    case 60: // <
    case 62: // >
    case 92: // \
    case 94: // ^
    case 96: // `
    case 123: // {
    case 124: // |
    case 125: // }
    case 0xa0:
    case 0x2028:
    case 0x2029:
    case 0x3000:
    case 0x201c: // “
    case 0x201d: // ”
    case 0x2018: // ‘
    case 0x2019: // ’
    case 0xab: // «
    case 0xbb: // »
      return true;
  }
  return c >= 0x2000 && c <= 0x200b;
}

/** Trailing characters that end a sentence rather than the URL. */
function isTrailingPunct(c: number): boolean {
  return (
    c === 46 || c === 44 || c === 59 || c === 58 || c === 33 || c === 63 || c === 39 || c === 42 || c === 35
  );
}

/**
 * Parse the URL whose authority (host part) starts at `authStart`. `start` is where the URL text
 * begins (the scheme, or the host when there is none). With `toEnd`, the URL runs to `limit` (the
 * `url` channel, where the whole text is one URL); otherwise it stops at white space or a delimiter
 * and sheds trailing sentence punctuation and unbalanced closing brackets.
 * @example parseUrlAt("see https://a.example/x?q=1.", 4, 12, true)!.query // [23, 26]
 */
export function parseUrlAt(
  text: string,
  start: number,
  authStart: number,
  hasScheme: boolean,
  toEnd = false,
  limit = text.length,
): UrlParts | undefined {
  let e = authStart;
  const max = Math.min(limit, start + MAX_URL);
  if (toEnd) e = max;
  else {
    let open = 0;
    let openSq = 0;
    while (e < max) {
      const c = text.charCodeAt(e);
      if (isTerminator(c)) break;
      if (c === 40) open++;
      else if (c === 41) {
        if (open === 0) break;
        open--;
      } else if (c === 91) openSq++;
      else if (c === 93) {
        if (openSq === 0 && e > authStart + 1) break;
        if (openSq > 0) openSq--;
      }
      e++;
    }
    while (e > authStart && isTrailingPunct(text.charCodeAt(e - 1))) e--;
  }
  if (e <= authStart) return undefined;
  // authority: up to the first '/', '?' or '#'
  let aEnd = authStart;
  while (aEnd < e) {
    const c = text.charCodeAt(aEnd);
    if (c === 47 || c === 63 || c === 35) break;
    aEnd++;
  }
  let hostStart = authStart;
  let userinfo: [number, number] | undefined;
  if (hasScheme) {
    // searched within the authority only: a search of the whole text before it made a text of many URLs quadratic
    let at = aEnd - 1;
    while (at >= authStart && text.charCodeAt(at) !== 64) at--;
    if (at >= authStart) {
      if (at > authStart) userinfo = [authStart, at];
      hostStart = at + 1;
    }
  }
  let hostEnd = hostStart;
  if (text.charCodeAt(hostStart) === 91 /* [ */) {
    let close = hostStart + 1;
    while (close < aEnd && text.charCodeAt(close) !== 93) close++;
    hostEnd = close < aEnd ? close + 1 : aEnd;
  } else {
    while (hostEnd < aEnd && text.charCodeAt(hostEnd) !== 58) hostEnd++;
  }
  let pEnd = aEnd;
  while (pEnd < e) {
    const c = text.charCodeAt(pEnd);
    if (c === 63 || c === 35) break;
    pEnd++;
  }
  const parts: UrlParts = { start, end: e, host: [hostStart, hostEnd], path: [aEnd, pEnd] };
  if (hasScheme && start < authStart) {
    let se = authStart;
    while (se > start && (text.charCodeAt(se - 1) === 47 || text.charCodeAt(se - 1) === 58)) se--;
    parts.scheme = [start, se];
  }
  if (userinfo) parts.userinfo = userinfo;
  let hash = -1;
  if (pEnd < e && text.charCodeAt(pEnd) === 63) {
    hash = pEnd + 1;
    while (hash < e && text.charCodeAt(hash) !== 35) hash++;
    if (hash > pEnd + 1) parts.query = [pEnd + 1, hash];
    if (hash >= e) hash = -1;
  } else if (pEnd < e) hash = pEnd;
  if (hash >= 0 && e > hash + 1) parts.fragment = [hash + 1, e];
  return parts;
}

const FILE_EXTENSIONS = new Set(
  (
    "js ts tsx jsx mjs cjs json md txt html htm css scss less py rb go java kt c h cpp hpp cs php yml yaml " +
    "toml xml csv log png jpg jpeg gif svg webp pdf doc docx xls xlsx ppt pptx zip gz tgz tar lock ini cfg " +
    "conf env sql vue svelte swift lua dart exe dll so bin map wasm mp3 mp4 wav mov avi mkv"
  ).split(" "),
);

/**
 * A host name written without a scheme: two or more dot-separated labels, the last TLD-shaped
 * (letters, or an IDN "xn--" label) and not a common file extension.
 * @example isBareDomain("docs.example.org") // true
 * @example isBareDomain("index.html") // false
 */
export function isBareDomain(host: string): boolean {
  if (host.length < 4 || host.length > 253) return false;
  const labels = host.split(".");
  if (labels.length < 2) return false;
  for (const l of labels) {
    if (l.length < 1 || l.length > 63) return false;
    if (l.charCodeAt(0) === 45 || l.charCodeAt(l.length - 1) === 45) return false;
    for (let i = 0; i < l.length; i++) {
      const c = l.charCodeAt(i);
      if (!(isDigit(c) || isAsciiLetter(c) || c === 45 || c > 127)) return false;
    }
  }
  const tld = labels[labels.length - 1]!.toLowerCase();
  if (tld.startsWith("xn--")) return tld.length >= 5;
  if (tld.length < 2 || tld.length > 24) return false;
  for (let i = 0; i < tld.length; i++)
    if (!isAsciiLetter(tld.charCodeAt(i)) && tld.charCodeAt(i) < 128) return false;
  return !FILE_EXTENSIONS.has(tld);
}

// ---------------------------------------------------------------------------------------------
// ID-like path segments

const UUID = /[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/g;
const EMAILISH = /^[^@\s]{1,64}@[A-Za-z0-9.-]{1,253}\.[A-Za-z]{2,24}$/;

function charClass(c: number): number {
  if (isDigit(c)) return 1;
  if (c >= 65 && c <= 90) return 2;
  if (c >= 97 && c <= 122) return 3;
  return 4;
}

/** Dictionary-ish slug: pieces joined by '-' or '_' that are lower-case words or short numbers. */
function isSlug(s: string): boolean {
  if (s.indexOf("-") < 0 && s.indexOf("_") < 0) return false;
  for (const piece of s.split(/[-_]/)) {
    if (piece === "") continue;
    let letters = 0;
    let digits = 0;
    for (let i = 0; i < piece.length; i++) {
      const c = piece.charCodeAt(i);
      if (isDigit(c)) digits++;
      else if (isAsciiLetter(c)) letters++;
      else return false;
    }
    if (digits && letters) return false;
    if (digits > 4) return false;
    if (letters && piece !== piece.toLowerCase() && piece.slice(1) !== piece.slice(1).toLowerCase())
      return false;
  }
  return true;
}

/**
 * Is this path segment (or a token of it) an identifier: a UUID, a hex hash of 16+ characters, a
 * base64-like token of 20+ characters, an e-mail address, or all digits (6+)?
 * @example isIdToken("d41d8cd98f00b204e9800998ecf8427e") // true
 * @example isIdToken("getting-started-with-typescript") // false
 */
export function isIdToken(s: string): boolean {
  const n = s.length;
  if (n < 6) return false;
  if (n <= 320 && s.indexOf("@") > 0 && EMAILISH.test(s)) return true;
  let digits = 0;
  let hex = 0;
  let b64 = 0;
  let transitions = 0;
  let prev = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (isDigit(c)) digits++;
    if (isHex(c)) hex++;
    if (
      isDigit(c) ||
      isAsciiLetter(c) ||
      c === 45 ||
      c === 95 ||
      c === 43 ||
      c === 61 ||
      c === 126 ||
      c === 46
    )
      b64++;
    const k = charClass(c);
    if (i > 0 && k !== prev) transitions++;
    prev = k;
  }
  if (digits === n) return n >= 6;
  if (hex === n && n >= 16 && digits > 0) return true;
  if (b64 !== n || n < 20 || isSlug(s)) return false;
  if (digits > 0) return transitions >= n / 4;
  return transitions >= n / 2;
}

function pushIdSpans(text: string, from: number, to: number, out: Detection[]): void {
  let segStart = from;
  for (let i = from; i <= to; i++) {
    if (i < to && text.charCodeAt(i) !== 47) continue;
    if (i > segStart) idsInSegment(text, segStart, i, out);
    segStart = i + 1;
  }
}

function idsInSegment(text: string, s: number, e: number, out: Detection[]): void {
  const seg = text.slice(s, e);
  // a file name: judge its stem ("3f9a…e1.pdf"), keep the extension
  const dot = seg.lastIndexOf(".");
  if (seg.indexOf("@") > 0 && seg.length <= 320 && EMAILISH.test(seg)) {
    out.push(det(s, e, "URL_ID"));
    return;
  }
  if (dot > 0 && seg.length - dot <= 6 && /^\.[A-Za-z0-9]{1,5}$/.test(seg.slice(dot))) {
    if (isIdToken(seg.slice(0, dot))) {
      out.push(det(s, s + dot, "URL_ID"));
      return;
    }
  } else if (isIdToken(seg)) {
    out.push(det(s, e, "URL_ID"));
    return;
  }
  UUID.lastIndex = 0;
  let m: RegExpExecArray | null;
  let found = false;
  while ((m = UUID.exec(seg))) {
    out.push(det(s + m.index, s + m.index + m[0].length, "URL_ID"));
    found = true;
  }
  if (found) return;
  // long digit runs inside a slug ("12345678-my-post")
  let run = -1;
  for (let i = 0; i <= seg.length; i++) {
    const d = i < seg.length && isDigit(seg.charCodeAt(i));
    if (d && run < 0) run = i;
    else if (!d && run >= 0) {
      if (i - run >= 6) out.push(det(s + run, s + i, "URL_ID"));
      run = -1;
    }
  }
}

function det(start: number, end: number, type: string): Detection {
  return { start, end, type, score: 0.8, level: 3, recognizer: "url" };
}

// ---------------------------------------------------------------------------------------------
// A person's account in the path: "linkedin.com/in/<name>", "x.com/<handle>", "/@handle", "/people/<name>"

/**
 * Sites whose first path segment is an account's handle ("instagram.com/<handle>"), unless it is one of the site's
 * own pages (RESERVED_PATHS).
 */
const HANDLE_HOSTS = new Set([
  "facebook.com",
  "instagram.com",
  "twitter.com",
  "x.com",
  "threads.net",
  "threads.com",
  "t.me",
  "telegram.me",
  "m.me",
  "wa.me",
  "linktr.ee",
  "calendly.com",
  "keybase.io",
  "about.me",
  "vk.com",
  "patreon.com",
  "pinterest.com",
  "dribbble.com",
  "behance.net",
  "soundcloud.com",
  "twitch.tv",
  "venmo.com",
  "cash.app",
  "paypal.me",
  "buymeacoffee.com",
  "ko-fi.com",
]);

/** Path segments after which the next one names a person, on any site ("/people/", "/users/"). */
const PERSON_PATHS = new Set([
  "people",
  "person",
  "profile",
  "profiles",
  "user",
  "users",
  "u",
  "member",
  "members",
  "author",
  "authors",
  "staff",
  "employee",
  "employees",
  "contact",
  "contacts",
  "candidate",
  "candidates",
  "patient",
  "patients",
]);

/** The same, on one site only: "linkedin.com/in/<name>", "snapchat.com/add/<handle>". */
const SITE_PERSON_PATHS: Readonly<Record<string, readonly string[]>> = {
  "linkedin.com": ["in", "pub"],
  "snapchat.com": ["add"],
};

/** Package registries and CDNs, where "/@scope" is a package's scope, not an account ("unpkg.com/@scope/pkg"). */
const PACKAGE_HOSTS = new Set([
  "npmjs.com",
  "npm.im",
  "npmx.dev",
  "unpkg.com",
  "esm.sh",
  "esm.run",
  "jsr.io",
  "cdn.jsdelivr.net",
  "cdn.skypack.dev",
  "ga.jspm.io",
  "deno.land",
  "yarnpkg.com",
  "bundlephobia.com",
  "packagephobia.com",
  "socket.dev",
  "npmmirror.com",
  "npmtrends.com",
]);

/** Pages of sites, not accounts: "x.com/home", "/users/settings", "/people/search". */
const RESERVED_PATHS = new Set(
  (
    "home explore search settings messages notifications i login logout signup signin register about help " +
    "privacy terms legal policies groups group pages events watch marketplace gaming hashtag share sharer intent " +
    "compose p reel reels stories accounts direct tv feed results channel c watch shorts playlist videos live " +
    "posts photos photo status lists list new edit me self all index admin api static assets public images img " +
    "js css dashboard account billing invite invites join jobs careers company companies school feed pulse " +
    "learning premium sales talent directory browse trending topics discover notifications bookmarks " +
    "communities community business ads developers docs blog press media download downloads app apps " +
    "oauth auth sso dialog plugins friends saved places memories"
  ).split(" "),
);

/** Host without "www.", "m." or "mobile.", lower-cased. */
function siteOf(text: string, u: UrlParts): string {
  let h = text.slice(u.host[0], u.host[1]).toLowerCase();
  for (const p of ["www.", "m.", "mobile."]) if (h.startsWith(p)) h = h.slice(p.length);
  return h;
}

/** A segment that may be an account's name or handle: letters, digits, ".", "-", "_", at most 64. */
function handleLike(seg: string, lower: string): boolean {
  if (seg.length < 2 || seg.length > 64 || RESERVED_PATHS.has(lower)) return false;
  let letter = false;
  for (let i = 0; i < seg.length; i++) {
    const c = seg.charCodeAt(i);
    if (isAsciiLetter(c)) letter = true;
    else if (!(isDigit(c) || c === 45 || c === 46 || c === 95 || c > 127)) return false;
  }
  return letter || seg.length >= 6; // "wa.me/447700900123"
}

/** A path segment (lower-cased) after PERSON_PATHS that is one common word ("/users/guide") names a page. */
function commonWord(lower: string): boolean {
  const bits = lexicon().get(lower);
  return (bits & L_COMMON) !== 0 && (bits & (L_FIRST | L_LAST)) === 0;
}

/** The account segments of the URL's path (URL_PROFILE): they name or point to one person. */
function profileSpans(text: string, u: UrlParts, out: Detection[]): void {
  const site = siteOf(text, u);
  const handleFirst = HANDLE_HOSTS.has(site);
  const sitePaths = SITE_PERSON_PATHS[site];
  let k = 0;
  let after = false;
  for (let s = u.path[0], i = s; i <= u.path[1]; i++) {
    if (i < u.path[1] && text.charCodeAt(i) !== 47) continue;
    if (i > s) {
      // "/@handle" as the first segment: Mastodon, Medium, YouTube, TikTok (not a package's scope)
      const at = k === 0 && text.charCodeAt(s) === 64 && !PACKAGE_HOSTS.has(site);
      const a = at ? s + 1 : s;
      const seg = text.slice(a, i);
      const lower = seg.toLowerCase();
      // (an identifier is reported as one already: "/users/12345678")
      if (
        (at || after || (handleFirst && k === 0)) &&
        handleLike(seg, lower) &&
        (at || k === 0 || !commonWord(lower)) &&
        !isIdToken(seg)
      )
        out.push(det(a, i, "URL_PROFILE"));
      after = !at && (PERSON_PATHS.has(lower) || (sitePaths !== undefined && sitePaths.includes(lower)));
      k++;
    }
    s = i + 1;
  }
}

/**
 * Detections for one parsed URL: userinfo, query, fragment, ID-like path segments and a person's account in the
 * path. Scheme, host and the rest of the path are kept.
 */
export function urlDetections(text: string, u: UrlParts, out: Detection[]): void {
  if (u.userinfo && !isPlaceholderUserinfo(text.slice(u.userinfo[0], u.userinfo[1])))
    out.push(det(u.userinfo[0], u.userinfo[1], "URL_USERINFO"));
  if (u.path[1] > u.path[0]) {
    pushIdSpans(text, u.path[0], u.path[1], out);
    profileSpans(text, u, out);
  }
  if (u.query) out.push(det(u.query[0], u.query[1], "URL_QUERY"));
  if (u.fragment) out.push(det(u.fragment[0], u.fragment[1], "URL_FRAGMENT"));
}

/** Template variables, documentation words and filler used where a real user name or password goes. */
const PLACEHOLDER_PART =
  /^(?:user(?:name)?|[a-z]{0,8}user|pass(?:word)?|passwd|pwd|secret|admin|root|guest|login|test|demo|postgres|mysql|mongo(?:db)?|redis|sa|example|sample|dummy|changeme|git|your[_-]?[a-z_]*|my[_-]?[a-z_]*|replace[_-]?[a-z_]*|<[^>]*>|\$\{[^}]*\}|\$\([^)]*\)|\{\{[^}]*\}\}|%[a-z_]+%|(.)\1*)$/i;

/**
 * Userinfo that is only placeholders ("user:password", "YOUR_USERNAME:YOUR_PASSWORD", "$(DB_USER):$(DB_PASS)")
 * or identical default credentials ("postgres:postgres") names nobody; it stays.
 * @example isPlaceholderUserinfo("user:password") // true
 * @example isPlaceholderUserinfo("jane:Tr0ub4dor") // false
 */
export function isPlaceholderUserinfo(s: string): boolean {
  const colon = s.indexOf(":");
  const user = colon < 0 ? s : s.slice(0, colon);
  const pass = colon < 0 ? "" : s.slice(colon + 1);
  if (colon >= 0 && user === pass && /^[a-z]+$/i.test(user)) return true;
  // a placeholder user with a filler password ("user:abc", "admin:1234")
  return PLACEHOLDER_PART.test(user) && (pass === "" || PLACEHOLDER_PART.test(pass) || isTrivialValue(pass));
}

const OPAQUE_SCHEMES = ["mailto:", "tel:", "sms:"];

/** Start of a "scheme://" whose "://" is at `sep`, or -1. */
function schemeStart(text: string, sep: number): number {
  let s = sep;
  while (s > 0 && sep - s < 32) {
    const c = text.charCodeAt(s - 1);
    if (isAsciiLetter(c) || isDigit(c) || c === 43 || c === 45 || c === 46) s--;
    else break;
  }
  while (s < sep && !isAsciiLetter(text.charCodeAt(s))) s++;
  if (s >= sep) return -1;
  const b = codeAt(text, s - 1);
  if (b >= 0 && isWordCode(b)) return -1;
  return s;
}

/** Where a bare "host/path" whose "/" is at `slash` starts, or -1 when the token before it is no domain. */
function bareStart(text: string, slash: number): number {
  // `slash` is the delimiter after the host: "/", "?" or "#"
  let s = slash;
  const hostChar = (c: number) => isAsciiLetter(c) || isDigit(c) || c === 45 || c === 46 || c > 127;
  let dots = 0;
  while (s > 0 && slash - s <= 260 && hostChar(text.charCodeAt(s - 1))) {
    s--;
    if (text.charCodeAt(s) === 46) dots++;
  }
  let port = "";
  if (codeAt(text, s - 1) === 58 && /^\d{1,5}$/.test(text.slice(s, slash))) {
    // "host:8080/" — the run read so far was the port
    port = text.slice(s, slash);
    const pe = s - 1;
    s = pe;
    while (s > 0 && pe - s <= 260 && hostChar(text.charCodeAt(s - 1))) {
      s--;
      if (text.charCodeAt(s) === 46) dots++;
    }
    if (s === pe) return -1;
  }
  if (s === slash || slash - s > 259) return -1;
  const b = codeAt(text, s - 1);
  if (dots === 0 && !port) return -1;
  if (b >= 0 && (isWordCode(b) || b === 47 || b === 64 || b === 46 || b === 92)) return -1;
  const host = text.slice(s, port ? s + (slash - s - port.length - 1) : slash);
  if (port && host.toLowerCase() === "localhost") return s;
  return isBareDomain(host) ? s : -1;
}

/**
 * URLs with a scheme ("https://", "ftp://", "postgres://"…), "www."-prefixed and bare "host.tld/path"
 * ones, and "mailto:"/"tel:" links. Scheme, host and path stay; the query string (URL_QUERY), fragment
 * (URL_FRAGMENT), userinfo (URL_USERINFO), ID-like path segments (URL_ID: digit runs, UUIDs, hex
 * hashes, base64-ish tokens, e-mail addresses) and a person's account in the path (URL_PROFILE: "linkedin.com/in/…",
 * "x.com/<handle>", "/@handle", "/people/<name>") are reported, each covering just that part. In the
 * `url` channel the whole text is one URL, with or without a scheme.
 */
export const url: Recognizer = {
  id: "url",
  types: ["URL_QUERY", "URL_FRAGMENT", "URL_USERINFO", "URL_ID", "URL_PROFILE"],
  // every reported part (path id, query, fragment, userinfo after "://") comes with one of them
  triggers: { text: ["/", "?", "#"] },
  detect(input) {
    const { text, channel } = input;
    const out = OUT;
    if (out.length !== 0) out.length = 0;
    if (channel === "url") {
      wholeTextUrl(text, out);
      return results(out);
    }
    // Only a path, query, fragment or userinfo can hold something to report, and each of those comes
    // with a '/', '?' or '#': find those, then look at the token before them.
    const starts = STARTS;
    if (starts.length !== 0) starts.length = 0;
    for (let k = text.indexOf("/"); k >= 0; k = text.indexOf("/", k + 1)) {
      const c = codeAt(text, k - 1);
      if (c === 58 /* : */ && codeAt(text, k + 1) === 47) {
        const s = schemeStart(text, k - 1);
        if (s >= 0) starts.push({ start: s, auth: k + 2, scheme: true });
        k++;
      } else if (isHostTail(c)) addBare(text, k, starts);
    }
    for (let k = text.indexOf("?"); k >= 0; k = text.indexOf("?", k + 1))
      if (isHostTail(codeAt(text, k - 1))) addBare(text, k, starts);
    for (let k = text.indexOf("#"); k >= 0; k = text.indexOf("#", k + 1))
      if (isHostTail(codeAt(text, k - 1))) addBare(text, k, starts);
    if (starts.length === 0) return results(out);
    if (starts.length > 1) starts.sort((x, y) => x.start - y.start);
    let done = 0;
    for (const st of starts) {
      if (st.start < done) continue;
      const u = parseUrlAt(text, st.start, st.auth, st.scheme);
      if (!u) continue;
      if (!st.scheme && u.host[1] <= u.host[0]) continue;
      urlDetections(text, u, out);
      done = u.end;
    }
    return results(out);
  },
};

interface UrlStart {
  start: number;
  auth: number;
  scheme: boolean;
}
const STARTS: UrlStart[] = [];

function isHostTail(c: number): boolean {
  return isAsciiLetter(c) || isDigit(c) || c > 127;
}

function addBare(text: string, delim: number, starts: UrlStart[]): void {
  const s = bareStart(text, delim);
  if (s >= 0) starts.push({ start: s, auth: s, scheme: false });
}

function wholeTextUrl(text: string, out: Detection[]): void {
  let s = 0;
  let e = text.length;
  while (s < e && text.charCodeAt(s) <= 32) s++;
  while (e > s && text.charCodeAt(e - 1) <= 32) e--;
  if (e <= s) return;
  const sep = text.indexOf("://", s);
  const firstDelim = firstOf(text, s, e);
  let u: UrlParts | undefined;
  if (sep >= 0 && sep < firstDelim && schemeStart(text, sep) === s)
    u = parseUrlAt(text, s, sep + 3, true, true, e);
  else {
    const lower = text.slice(s, Math.min(e, s + 8)).toLowerCase();
    const opaque =
      OPAQUE_SCHEMES.find((p) => lower.startsWith(p)) ?? (/^[a-z][a-z0-9+.-]*:(?!\d)/.exec(lower)?.[0] || "");
    u = parseUrlAt(text, s, s + opaque.length, false, true, e);
  }
  if (u) urlDetections(text, u, out);
}

function firstOf(text: string, s: number, e: number): number {
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c === 47 || c === 63 || c === 35) return i;
  }
  return e;
}
