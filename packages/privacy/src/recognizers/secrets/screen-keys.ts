import type { Detection, Recognizer } from "../../types.js";
import { classifyKey } from "./keyed.js";
import { isPlaceholder, isSequenceOrRepeat, looksRandom, results, secretDetection } from "./util.js";

/** Scratch list of detect (recognizers are not re-entered). */
const OUT: Detection[] = [];

const ID = "secret-screen-label";

/** Words of a secret's label; the label is the identifier around one ("AWS_SECRET_ACCESS_KE!", "api_key", "Token"). */
const LABEL_WORDS = ["key", "token", "secret", "passw", "pwd"];
/** Longest identifier read as a label, each side of its word (bounded, so that a long run costs no more than it). */
const MAX_IDENT = 64;
/** Words read after a label on its line, junk words skipped before the value, and a junk word's length at most. */
const MAX_WORDS = 8;
const MAX_JUNK = 3;
const JUNK_LENGTH = 5;
/** Words of a value at most (OCR splits a key where its letters are narrow), and letters and digits at least. */
const MAX_PARTS = 4;
const MIN_ALNUM = 16;
/** Longest word read as part of a value. */
const MAX_WORD = 512;

const isIdentChar = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
const isBlank = (c: number): boolean => c === 32 || c === 9 || c === 160;

interface Part {
  start: number;
  end: number;
}

/**
 * The value of a word: without an opening quote, backslash, tilde, dash or bar (OCR's reading of a "=" or a speck)
 * and without "=" / ":" and what a garbled label glued before it.
 */
function valueOf(text: string, s: number, e: number): Part {
  // "KEY=AKIA…", "=kytdq…": the value starts after an "=" or ":" among its first characters
  for (let k = Math.min(e, s + 6) - 1; k >= s; k--) {
    const c = text.charCodeAt(k);
    if (c === 61 || c === 58) {
      s = k + 1;
      break;
    }
  }
  while (s < e && "'‘’\"`\\(~-|".includes(text[s]!)) s++;
  while (e > s && ".,;:'’\")}]".includes(text[e - 1]!)) e--;
  return { start: s, end: e };
}

/** A character OCR may give for one of a key's (a letter or digit at least four times in five: "¥", "}", "|"). */
const MAX_ODD_SHARE = 0.2;

/** Case changes between letters of a word ("WdSbnwPyrdaR": 6; "Policy": 1). */
function caseChanges(v: string): number {
  let n = 0;
  let prev = 0; // 1 lower, 2 upper
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    const k = c >= 97 && c <= 122 ? 1 : c >= 65 && c <= 90 ? 2 : 0;
    if (k !== 0) {
      if (prev !== 0 && k !== prev) n++;
      prev = k;
    }
  }
  return n;
}

/**
 * A word that is part of a random key: a letter, and a digit or case that changes twice (not "Policy", "v2"), and
 * a letter or digit at least four characters in five.
 */
function tokenish(v: string): boolean {
  if (v.length < 3 || !/[A-Za-z]/.test(v) || !(/[0-9]/.test(v) || caseChanges(v) >= 2)) return false;
  // the characters that are no letter or digit are what OCR misread (any symbol but a space)
  let odd = 0;
  for (let i = 0; i < v.length; i++) if (!/[A-Za-z0-9]/.test(v[i]!)) odd++;
  return odd <= v.length * MAX_ODD_SHARE;
}

/**
 * Keys on a screen whose label OCR garbled or whose value it split ("export AWS_SECRET_ACCESS. KE! \KIABC…",
 * "AWS key TKRpC48NRJiE6BXERL 14sDefceUsan3z", "api_key =f6vZ…E{PCV…"): the other secret recognizers need the
 * label as written and the value in one piece. After a label (an identifier that names a secret, a password or a
 * key), up to three short junk words are skipped ("KE!", "KEY=", "IL"), then up to four words that look like parts of a
 * random key are the value when they hold 16 letters and digits or more. Only on the `ocr` channel: typed text
 * is what was typed.
 * @example screenKeys.detect({ text: "AWS key TKRpC48NRJiE6BXERL 14sDefceUsan3z", lower: "aws key tkrpc48nrjie6bxerl 14sdefceusan3z", channel: "ocr" })[0].start // 8
 */
export const screenKeys: Recognizer = {
  id: ID,
  types: ["SECRET:high-entropy"],
  channels: ["ocr"],
  triggers: { lower: LABEL_WORDS },
  detect(input) {
    const { text, lower } = input;
    const out = OUT;
    if (out.length !== 0) out.length = 0;
    if (lower.length !== text.length) return results(out);
    // the next occurrence of each label word at or after `from` (each searched again only once passed: linear)
    const next = LABEL_WORDS.map((w) => lower.indexOf(w));
    let from = 0;
    for (;;) {
      let at = -1;
      let len = 0;
      for (let k = 0; k < LABEL_WORDS.length; k++) {
        if (next[k]! >= 0 && next[k]! < from) next[k] = lower.indexOf(LABEL_WORDS[k]!, from);
        if (next[k]! >= 0 && (at < 0 || next[k]! < at)) {
          at = next[k]!;
          len = LABEL_WORDS[k]!.length;
        }
      }
      if (at < 0) break;
      let s = at;
      while (s > 0 && at - s < MAX_IDENT && isIdentChar(text.charCodeAt(s - 1))) s--;
      let e = at + len;
      while (e < text.length && e - at < MAX_IDENT && isIdentChar(text.charCodeAt(e))) e++;
      from = e;
      const cls = classifyKey(text.slice(s, e));
      if (cls === null) continue;
      const value = valueAfter(text, e, cls === "password" || cls === "secret");
      if (value !== undefined) {
        out.push(secretDetection(value.start, value.end, "high-entropy", 0.7, ID));
        from = value.end;
      }
    }
    return results(out);
  },
};

/** The prefixes of AWS access key ids and other unique ids (AKIA, ASIA, AIDA…). */
const AWS_ID_PREFIX = /^(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|APKA|AIPA)/;

/**
 * The value after a label ending at `e`, on its line (see `screenKeys`). `strong`: the label names a secret or a
 * password, so one long run of capitals and digits counts too (an AWS key id OCR misread: "KIAVKYRDJAGAJHXDSQS").
 */
function valueAfter(text: string, e: number, strong: boolean): Part | undefined {
  /** A word's value as its text (what `valueOf` keeps of it). */
  const valueText = (word: Part): string => {
    const v = valueOf(text, word.start, word.end);
    return text.slice(v.start, v.end);
  };
  const words: Part[] = [];
  let i = e;
  while (words.length < MAX_WORDS && i < text.length) {
    while (i < text.length && isBlank(text.charCodeAt(i))) i++;
    if (i >= text.length || text.charCodeAt(i) === 10 || text.charCodeAt(i) === 13) break;
    const s = i;
    while (i < text.length && !isBlank(text.charCodeAt(i)) && text.charCodeAt(i) !== 10) {
      // (a word longer than any key ends the reading: each label then reads a bounded stretch, so the scan is linear)
      if (++i - s > MAX_WORD) return undefined;
    }
    words.push({ start: s, end: i });
  }
  let w = 0;
  let junk = 0;
  // (the rest of the label's own word is junk too, or the value glued to it: "api_key=Ab…")
  while (w < words.length && junk <= MAX_JUNK) {
    const str = valueText(words[w]!);
    if (tokenish(str) || (strong && /^[A-Z0-9]{16,}$/.test(str))) break;
    // (or the first of a key id's parts: "AKIAXGF JB6COWXAYPEDX")
    if (
      strong &&
      /^[A-Z0-9]{4,}$/.test(str) &&
      w + 1 < words.length &&
      /^[A-Z0-9]{4,}$/.test(valueText(words[w + 1]!))
    )
      break;
    if (
      words[w]!.end - words[w]!.start > JUNK_LENGTH &&
      !/[=:]$/.test(text.slice(words[w]!.start, words[w]!.end))
    )
      return undefined;
    junk++;
    w++;
  }
  if (w >= words.length || junk > MAX_JUNK) return undefined;
  let start = -1;
  let end = -1;
  let alnum = 0;
  let longest = 0;
  let joined = "";
  let caps = false;
  let parts = 0;
  for (let p = 0; p < MAX_PARTS && w + p < words.length; p++) {
    const v = valueOf(text, words[w + p]!.start, words[w + p]!.end);
    const str = text.slice(v.start, v.end);
    const capsRun = p === 0 && strong && /^[A-Z0-9]{16,}$/.test(str);
    // a key id OCR split in two or three ("AKIAXGF JB6COWXAYPEDX"): runs of capitals and digits from the start
    const capsPart = strong && (p === 0 || caps) && /^[A-Z0-9]{4,}$/.test(str);
    // a few characters OCR cut off between two parts of a key or at its end: "LOdMqC9IbgSdsdf j CQWq5wGF…",
    // "AKIAVT74TMUB43C CDN"
    const cut =
      p > 0 &&
      /^[A-Za-z0-9]{1,3}$/.test(str) &&
      (w + p + 1 < words.length ? tokenish(valueText(words[w + p + 1]!)) : alnum >= 12);
    if (!(tokenish(str) || capsRun || capsPart || cut)) break;
    if (capsRun || (capsPart && !tokenish(str))) caps = true;
    if (capsPart && p > 0) parts++;
    if (start < 0) start = v.start;
    end = v.end;
    alnum += str.replace(/[^A-Za-z0-9]/g, "").length;
    longest = Math.max(longest, str.length);
    joined += str;
  }
  if (start < 0 || alnum < MIN_ALNUM || longest < 6) return undefined;
  if (/:\/\//.test(joined) || isPlaceholder(joined)) return undefined;
  // as random as a key ("YourApiKeyHere12345678" is not); a run of capitals and digits (a key id) only unrepeated
  const bare = joined.replace(/[^A-Za-z0-9]/g, "");
  // (capitals joined from parts need digits too: "TOKEN EXPIRED PLEASE LOGIN AGAIN" is a message)
  if (caps && parts > 0 && bare.replace(/[^0-9]/g, "").length < 2 && !AWS_ID_PREFIX.test(bare))
    return undefined;
  if (caps ? isSequenceOrRepeat(bare) : !looksRandom(bare, MIN_ALNUM)) return undefined;
  return { start, end };
}
