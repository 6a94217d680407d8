import type { Detection, Recognizer } from "../../types.js";
import { TOKEN_FORMATS, type TokenFormat } from "./token-formats.js";
import { hexKeys, wifKeys } from "./crypto-keys.js";
import {
  alignedLower,
  isAsciiAlnum,
  isAsciiLetter,
  isPlaceholder,
  looksRandom,
  matchLengthRange,
  results,
  secretDetection,
  shannonEntropy,
  tokenRuns,
} from "./util.js";

/** Scratch list of detect (recognizers are not re-entered). */
const OUT: Detection[] = [];

const ID = "secret-tokens";

interface Compiled {
  format: TokenFormat;
  /** Sticky for prefixed rows (tried at one position), global for trigger rows (searched in a run). */
  re: RegExp;
  /** One-character test of what may not follow a prefixed match (checked in code: no regex backtracking). */
  after: RegExp;
  strictBefore: boolean;
  score: number;
  prefixLength: number;
}

/** Key of a two-character prefix bucket. */
const key2 = (a: number, b: number): number => (a << 16) | b;

/** Formats without a prefix that share a trigger literal, and the shortest token any of them can match. */
interface TriggerGroup {
  trigger: string;
  list: Compiled[];
  minLength: number;
}

function compile(): { buckets: Map<number, Compiled[]>; triggers: TriggerGroup[] } {
  const buckets = new Map<number, Compiled[]>();
  const triggers: TriggerGroup[] = [];
  for (const format of TOKEN_FORMATS) {
    const after = format.after ?? "[A-Za-z0-9]";
    const strictBefore = format.before === "alnum";
    const score = format.score ?? (format.minEntropy !== undefined ? 0.85 : format.trigger ? 0.9 : 0.95);
    if (format.prefixes && format.prefixes.length > 0) {
      const re = new RegExp(`(?:${format.pattern})`, "y");
      const afterRe = new RegExp(`^${after}$`);
      for (const p of format.prefixes) {
        if (p.length < 2) throw new Error(`token format ${format.name}: prefix '${p}' is shorter than 2`);
        const k = key2(p.charCodeAt(0), p.charCodeAt(1));
        const list = buckets.get(k) ?? [];
        // One entry per format and bucket (several prefixes of a format often share their first two chars).
        if (!list.some((c) => c.format === format)) {
          list.push({ format, re, after: afterRe, strictBefore, score, prefixLength: p.length });
        }
        buckets.set(k, list);
      }
    } else if (format.trigger) {
      const before = strictBefore ? "[A-Za-z0-9+/]" : "[A-Za-z]";
      const re = new RegExp(`(?<!${before})(?:${format.pattern})(?!${after})`, "g");
      let group = triggers.find((t) => t.trigger === format.trigger);
      if (!group) triggers.push((group = { trigger: format.trigger, list: [], minLength: Infinity }));
      group.list.push({ format, re, after: /(?!)/, strictBefore, score, prefixLength: 0 });
      group.minLength = Math.min(group.minLength, matchLengthRange(format.pattern)[0]);
    } else {
      throw new Error(`token format ${format.name} has neither prefixes nor trigger`);
    }
  }
  // Longer (more specific) prefixes first, so `sk-ant-` wins over `sk-`.
  for (const list of buckets.values()) list.sort((a, b) => b.prefixLength - a.prefixLength);
  return { buckets, triggers };
}

const { buckets: BUCKETS, triggers: TRIGGERS } = compile();
/** Runs shorter than this hold no token of a format without a prefix. */
const MIN_TRIGGER_RUN = Math.min(...TRIGGERS.map((t) => t.minLength));

/** 1 where two ASCII characters start some prefix (a 16 kB bitmap checked before the bucket map). */
const PAIR = new Uint8Array(128 * 128);
for (const k of BUCKETS.keys()) {
  const a = k >>> 16;
  const b = k & 0xffff;
  if (a < 128 && b < 128) PAIR[a * 128 + b] = 1;
}

/** A file's extension, then the end of its name. */
const FILE_EXTENSION = /^\.[A-Za-z]{2,4}(?![A-Za-z0-9])/;

function accept(c: Compiled, token: string): boolean {
  const f = c.format;
  if (f.minEntropy !== undefined && shannonEntropy(token) < f.minEntropy) return false;
  if (f.check && !f.check(token)) return false;
  return true;
}

/** Include a directly preceding `http://` or `https://` in a URL-shaped token's span. */
function extendScheme(text: string, start: number): number {
  if (text.startsWith("https://", start - 8)) return start - 8;
  if (text.startsWith("http://", start - 7)) return start - 7;
  return start;
}

/** Try the formats of one bucket at `p`; returns the end of the token found, or -1. */
function tryAt(text: string, p: number, prev: number, list: readonly Compiled[], out: Detection[]): number {
  for (const c of list) {
    if (c.strictBefore && p > 0 && (isAsciiAlnum(prev) || prev === 43 || prev === 47)) continue;
    c.re.lastIndex = p;
    const m = c.re.exec(text);
    if (m === null) continue;
    const end = p + m[0].length;
    if (end < text.length && c.after.test(text[end]!)) continue;
    // a file's name that holds a prefix and a hash: "banner.ico-3c9d5e0f….png"
    if (prev === 46 && FILE_EXTENSION.test(text.slice(end, end + 6))) continue;
    if (accept(c, m[0])) {
      emit(out, c, text, p, end);
      return end;
    }
  }
  return -1;
}

function emit(out: Detection[], c: Compiled, text: string, start: number, end: number): void {
  let s = start;
  let e = end;
  // A sentence may end right after a token whose alphabet includes '.' or '-'.
  if (e - s > 20 && text.charCodeAt(e - 1) === 46 && (e === text.length || /\s/.test(text[e]!))) e--;
  if (c.format.url) s = extendScheme(text, s);
  out.push(secretDetection(s, e, c.format.provider, c.score, ID));
  if (c.format.name === AWS_KEY_ID) awsSecretAfter(text, e, out);
}

const AWS_KEY_ID = "AWS access key id";
/** Between an access key id and its secret: spaces, tabs, one line break, or a short separator (" / ", ", "). */
const AWS_PAIR_GAP = /^[ \t]{0,3}(?:[,;:|/][ \t]{0,3}|\r?\n[ \t]{0,3})?/;
const AWS_SECRET_CHAR = /[A-Za-z0-9/+]/;

/**
 * The secret access key that follows an access key id ("AKIA… wJalr…", as pasted from a credentials file or a
 * console): 40 characters of base64 that look random. Alone, such a string has no shape of its own.
 */
function awsSecretAfter(text: string, from: number, out: Detection[]): void {
  const gap = AWS_PAIR_GAP.exec(text.slice(from, from + 10))![0].length;
  const s = from + gap;
  if (gap === 0 && s < text.length) return; // glued on: not a separate value
  let e = s;
  while (e < text.length && e - s <= 40 && AWS_SECRET_CHAR.test(text[e]!)) e++;
  if (e - s !== 40 || (e < text.length && /[=A-Za-z0-9/+]/.test(text[e]!))) return;
  const v = text.slice(s, e);
  if (looksRandom(v, 40) && !isPlaceholder(v)) out.push(secretDetection(s, e, "aws", 0.85, ID));
}

/**
 * Provider tokens with a recognisable shape (about 110 formats of 90 providers, see `token-formats.ts`).
 * Only runs of 16+ token characters are examined; inside a run, a bucket of formats is looked up by the two
 * characters at each possible token start, and each format's sticky regex is tried there. Formats without a
 * prefix are searched only in runs that contain their trigger literal. The same runs are searched for raw
 * private keys (64 hex digits or WIF next to key words, see crypto-keys.ts).
 * @example secretTokens.detect({ text: "GH: ghp_" + "a1B2".repeat(9), lower: "", channel: "typed" })[0].type // "SECRET:github"
 */
export const secretTokens: Recognizer = {
  id: ID,
  types: [...new Set([...TOKEN_FORMATS.map((f) => `SECRET:${f.provider}`), "SECRET:private-key"])],
  detect(input) {
    const { text } = input;
    const out = OUT;
    if (out.length !== 0) out.length = 0;
    const runs = tokenRuns(text);
    if (runs.length === 0) return results(out);
    let longest = 0;
    for (let r = 0; r < runs.length; r += 2) {
      const rs = runs[r]!;
      const re = runs[r + 1]!;
      if (re - rs > longest) longest = re - rs;
      let p = rs;
      let prev = p > 0 ? text.charCodeAt(p - 1) : 32;
      let c0 = text.charCodeAt(p);
      while (p < re - 1) {
        const c1 = text.charCodeAt(p + 1);
        // Token starts: the run start, or after a character that is not an ASCII letter.
        if ((p === rs || !isAsciiLetter(prev)) && c0 < 128 && c1 < 128 && PAIR[c0 * 128 + c1] === 1) {
          const end = tryAt(text, p, prev, BUCKETS.get(key2(c0, c1))!, out);
          if (end > p) {
            p = end;
            prev = text.charCodeAt(p - 1);
            c0 = text.charCodeAt(p);
            continue;
          }
        }
        prev = c0;
        c0 = c1;
        p++;
      }
      // Formats without a prefix: only in runs that contain their trigger.
      if (re - rs < MIN_TRIGGER_RUN) continue;
      let run: string | undefined;
      for (const { trigger, list, minLength } of TRIGGERS) {
        if (re - rs < minLength) continue;
        run ??= text.slice(rs, re);
        if (run.indexOf(trigger) < 0) continue;
        for (const c of list) {
          c.re.lastIndex = 0;
          let m: RegExpExecArray | null;
          while ((m = c.re.exec(run)) !== null) {
            if (accept(c, m[0])) emit(out, c, text, rs + m.index, rs + m.index + m[0].length);
            if (m[0].length === 0) c.re.lastIndex++;
          }
        }
      }
    }
    if (longest >= 51) {
      // Raw private keys (64 hex digits, WIF) live in the same runs; see crypto-keys.ts.
      const lower = alignedLower(input);
      hexKeys(text, lower, runs, out, ID);
      wifKeys(text, lower, runs, out, ID);
    }
    return results(out);
  },
};
