import type { Detection, Recognizer } from "../../types.js";
import { CH_ANGLE, CH_PAREN, peekTokens } from "../people/tokens.js";
import { alignedLower, codeAt, isAsciiLetter, isDigit, isSpace, results } from "./chars.js";

/** Scratch list of detect (recognizers are not re-entered). */
const OUT: Detection[] = [];

// Local part and domain are bounded so that a long run of word characters cannot backtrack badly:
// the '@' anchor is found with indexOf and each side is scanned linearly (at most 64 / 255 units).
const DOMAIN_RE =
  /^(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+(?:xn--[A-Za-z0-9-]{1,59}|[A-Za-z]{2,24}|[\p{L}]{2,24})/u;
/** Image names with a pixel-density suffix ("icon@2x.png") are not addresses. */
const IMAGE_TLD = new Set(["png", "jpg", "jpeg", "gif", "svg", "webp", "avif", "ico", "bmp", "tif", "tiff"]);

function isLocalChar(c: number): boolean {
  if (c < 128)
    return (
      isAsciiLetter(c) ||
      isDigit(c) ||
      c === 46 || // .
      c === 95 || // _
      c === 37 || // %
      c === 43 || // +
      c === 45 || // -
      c === 39 // '
    );
  return /[\p{L}\p{N}\p{M}]/u.test(String.fromCharCode(c));
}

function isDomainTail(c: number): boolean {
  return (
    isAsciiLetter(c) ||
    isDigit(c) ||
    c === 45 ||
    c === 95 ||
    (c > 127 && /[\p{L}\p{N}]/u.test(String.fromCharCode(c)))
  );
}

/**
 * True when the local part starting at `s` is the userinfo of a URL ("postgres://user:pw@host",
 * "https://token@host"): a "://" earlier in the same token with no path, query or fragment between it
 * and `s`. Those belong to the URL and secrets recognizers.
 */
function isUrlUserinfo(text: string, s: number): boolean {
  for (let i = s - 1; i >= 0 && s - i < 512; i--) {
    const c = text.charCodeAt(i);
    if (isSpace(c) || c === 34 || c === 60 || c === 62) return false;
    if (c === 47 /* / */) return i >= 2 && text.charCodeAt(i - 1) === 47 && text.charCodeAt(i - 2) === 58;
    if (c === 63 || c === 35 || c === 38 || c === 61) return false; // ? # & =
  }
  return false;
}

/**
 * Find the address whose '@' (or obfuscated "at") ends at `at` and whose domain starts at `domStart`.
 * Returns [start, end] or undefined.
 */
function matchAround(text: string, at: number, domStart: number, ocr = false): [number, number] | undefined {
  let s = at;
  // OCR reads a space before the "@" in some fonts ("vennik31 @example.net")
  if (ocr && at > 1 && text.charCodeAt(at - 1) === 32 && isLocalChar(text.charCodeAt(at - 2)))
    s = at = at - 1;
  while (s > 0 && at - s < 64 && isLocalChar(text.charCodeAt(s - 1))) s--;
  // OCR puts a space after a dot inside the local part too ("dureildne. vennik57@…"): the part before counts
  if (ocr && s > 2 && s < at && text.charCodeAt(s - 1) === 32 && text.charCodeAt(s - 2) === 46) {
    let t = s - 2;
    while (t > 0 && at - t < 64 && isLocalChar(text.charCodeAt(t - 1))) t--;
    if (t < s - 2 && isAsciiLetter(text.charCodeAt(t))) s = t;
  }
  // OCR dropped the dot inside the local part ("From: dureildne prenn20@…"): the one word between a label that opens
  // the line and the address is its first part
  if (ocr && s > 2 && s < at && text.charCodeAt(s - 1) === 32) s = labelledWordBefore(text, s);
  while (s < at && (text.charCodeAt(s) === 46 || text.charCodeAt(s) === 39)) s++;
  if (s >= at) return undefined;
  const raw = text.slice(domStart, domStart + 256);
  const m = DOMAIN_RE.exec(raw);
  let len = m ? m[0].length : -1;
  if (ocr && (!m || codeAt(text, domStart + len) === 46)) len = Math.max(len, spacedDomainLength(raw));
  if (len < 0) return undefined;
  const end = domStart + len;
  if (isDomainTail(codeAt(text, end))) return undefined; // "a@b.com2", cut mid-label
  return [s, end];
}

/**
 * Labels a screen puts before an address, in the languages the person recognizer reads ("Email", "From:", "Reply
 * to", "Kontakt"): the OCR fold reads a "g" as "@" only on a line that holds one, and an address whose dot OCR
 * dropped ("From: dureildne prenn20@…") takes the word after one.
 */
export const MAIL_LABELS = [
  "e-mail",
  "email",
  "mail",
  "contact",
  "kontakt",
  "contacto",
  "contatto",
  "courriel",
  "correo",
  "reply to",
  "from:",
  "to:",
  "cc:",
  "bcc:",
  "sender",
  "recipient",
  "an:",
  "von:",
  "de:",
  "à:",
  "para:",
  "da:",
  "aan:",
  "van:",
];
/** A line's start that is one of MAIL_LABELS alone (a colon after it allowed). */
const LABEL_PREFIX_RE = new RegExp(`^\\s*(?:${MAIL_LABELS.join("|")})\\s*:?\\s*$`, "i");

/** Start of the lower-case word before the space at s - 1 when only a label stands before it on its line, else s. */
function labelledWordBefore(text: string, s: number): number {
  let t = s - 1;
  while (t > 0 && s - 1 - t < 64 && isLocalChar(text.charCodeAt(t - 1)) && text.charCodeAt(t - 1) < 128) t--;
  const first = text.charCodeAt(t);
  if (t === s - 1 || !(first >= 97 && first <= 122)) return s;
  let line = t;
  while (line > 0 && t - line < 40 && text.charCodeAt(line - 1) !== 10) line--;
  return LABEL_PREFIX_RE.test(text.slice(line, t)) ? t : s;
}

/** Common generic top-level domains (with every two-letter one, what OCR's spacing rules accept as an address's end). */
export const GTLDS = new Set(
  "com net org edu gov mil int info biz name pro mobi app dev io ai co me tv xyz online site tech cloud email mail page blog shop store".split(
    " ",
  ),
);

/** A dot then one space before a top-level domain: how OCR reads "example.com" in some fonts ("example. com"). */
const OCR_SPACED_DOT_RE = /\. ([a-z]{2,24})(?![A-Za-z0-9-])/g;

/**
 * Length in `raw` of a domain at its start that OCR read with a space after a dot before the top-level domain
 * ("example. com", "example. co. uk"), or -1. Only a two-letter or a common generic top-level domain counts after
 * such a space ("at example. Thanks" is a sentence).
 */
function spacedDomainLength(raw: string): number {
  if (raw.indexOf(". ") < 0) return -1;
  const removed: number[] = []; // offsets in `raw` of the spaces taken out
  const squeezed = raw.replace(OCR_SPACED_DOT_RE, (all: string, tld: string, at: number) => {
    if (tld.length !== 2 && !GTLDS.has(tld)) return all;
    removed.push(at + 1);
    return "." + tld;
  });
  if (removed.length === 0) return -1;
  const m = DOMAIN_RE.exec(squeezed);
  if (!m) return -1;
  // back to offsets of `raw`: every space taken out before the match's end adds one
  let len = m[0].length;
  for (const r of removed) if (r < len) len++;
  return len;
}

/** Obfuscated separators, lower case: the "at" forms and the "dot" forms. */
const AT_FORMS = ["[at]", "(at)", "{at}", "<at>", " at "];
const DOT_RE = /^(?:\s?(?:\[dot\]|\(dot\)|\{dot\}|<dot>)\s?|\sdot\s|\.)/;
const LABEL_RE = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?/;

/** Obfuscated addresses: "jane [at] example [dot] com", "jane.doe at example dot org". */
function findObfuscated(text: string, lower: string, out: Detection[]): void {
  for (const form of AT_FORMS) {
    for (let k = lower.indexOf(form); k >= 0; k = lower.indexOf(form, k + form.length)) {
      const plainWord = form === " at ";
      let a = k;
      if (!plainWord) while (a > 0 && lower.charCodeAt(a - 1) === 32 && k - a < 2) a--;
      let s = a;
      while (s > 0 && a - s < 64 && isLocalChar(lower.charCodeAt(s - 1)) && lower.charCodeAt(s - 1) !== 39)
        s--;
      while (s < a && lower.charCodeAt(s) === 46) s++;
      if (s >= a) continue;
      // local part written "john dot doe"
      for (let rounds = 0; rounds < 3; rounds++) {
        const m = / dot $/.exec(lower.slice(Math.max(0, s - 5), s));
        if (!m) break;
        let t = s - 5;
        const te = t;
        while (t > 0 && te - t < 64 && isLocalChar(lower.charCodeAt(t - 1))) t--;
        if (t === te) break;
        s = t;
      }
      let p = k + form.length;
      if (!plainWord) while (lower.charCodeAt(p) === 32 && p - k - form.length < 2) p++;
      let labels = 0;
      let obfuscatedDot = false;
      let lastLabel = "";
      let end = -1;
      for (let guard = 0; guard < 8; guard++) {
        const l = LABEL_RE.exec(lower.slice(p, p + 63));
        if (!l) break;
        labels++;
        lastLabel = l[0];
        p += l[0].length;
        end = p;
        const d = DOT_RE.exec(lower.slice(p, p + 8));
        if (!d || !LABEL_RE.test(lower.slice(p + d[0].length, p + d[0].length + 1))) break;
        if (d[0] !== ".") obfuscatedDot = true;
        p += d[0].length;
      }
      if (labels < 2 || end < 0 || isDomainTail(codeAt(text, end))) continue;
      if (!/^[a-z]{2,24}$/.test(lastLabel)) continue;
      if (plainWord && !(obfuscatedDot && (lastLabel.length === 2 || GTLDS.has(lastLabel)))) continue;
      out.push({
        start: s,
        end,
        type: "EMAIL_ADDRESS",
        score: plainWord ? 0.7 : 0.85,
        level: 3,
        recognizer: "email",
      });
    }
  }
}

/** Cheap gate for the obfuscated forms: a bracketed "at", or "dot" before a bracket or space. */
const OBFUSCATION_GATE = /(?:[[({<]at|dot)[\])}> ]/;

/**
 * False when OBFUSCATION_GATE cannot match: no "dot" and no opening bracket, read from the record's shared
 * tokens when another recognizer has made them (their character summary), so that most records skip the regex.
 */
function obfuscationPossible(text: string, lower: string): boolean {
  const toks = peekTokens(text);
  return toks === undefined || (toks.chars & (CH_PAREN | CH_ANGLE)) !== 0 || lower.includes("dot");
}

/**
 * E-mail addresses: anchored on '@', local part scanned backwards, domain must end in a TLD-shaped
 * label (letters, or an IDN "xn--" label). Not reported: URL userinfo ("postgres://user:pw@db.host"),
 * scp-style remotes ("git@github.com:org/repo"), image names ("icon@2x.png"). Obfuscated forms
 * ("jane [at] example [dot] com", "jane at example dot com") are found too, at a lower score.
 */
export const email: Recognizer = {
  id: "email",
  types: ["EMAIL_ADDRESS"],
  // an address holds '@'; an obfuscated one a bracket before "at", or "dot" (see OBFUSCATION_GATE)
  triggers: { text: ["@", "[", "(", "{", "<"], lower: ["dot"] },
  detect(input) {
    const { text } = input;
    const lower = alignedLower(text, input.lower);
    const out = OUT;
    if (out.length !== 0) out.length = 0;
    let at = text.indexOf("@");
    while (at >= 0) {
      const hit = matchAround(text, at, at + 1, input.channel === "ocr");
      if (hit && acceptable(text, hit, at)) {
        out.push({
          start: hit[0],
          end: hit[1],
          type: "EMAIL_ADDRESS",
          score: 0.95,
          level: 3,
          recognizer: "email",
        });
        at = text.indexOf("@", hit[1]);
        continue;
      }
      at = text.indexOf("@", at + 1);
    }
    if (obfuscationPossible(text, lower) && OBFUSCATION_GATE.test(lower)) {
      const before = out.length;
      findObfuscated(text, lower, out);
      if (out.length > before) return dedupe(out);
    }
    return results(out);
  },
};

function acceptable(text: string, [s, end]: [number, number], at: number): boolean {
  if (isUrlUserinfo(text, s)) return false;
  // "git@github.com:org/repo.git", "deploy@host.example.com:22": an scp/ssh remote, not an address
  if (codeAt(text, end) === 58) {
    const next = codeAt(text, end + 1);
    if (next >= 0 && !isSpace(next)) return false;
  }
  const domain = text.slice(at + 1, end).toLowerCase();
  const lastDot = domain.lastIndexOf(".");
  if (IMAGE_TLD.has(domain.slice(lastDot + 1)) && /^\d+(?:\.\d+)?x\./.test(domain)) return false;
  return true;
}

function dedupe(out: Detection[]): Detection[] {
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Detection[] = [];
  for (const d of out) {
    const last = kept[kept.length - 1];
    if (last && d.start >= last.start && d.end <= last.end) continue;
    kept.push(d);
  }
  return kept;
}
