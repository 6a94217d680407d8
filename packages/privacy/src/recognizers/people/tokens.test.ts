import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { keyOf } from "../special/lexicon.js";
import { dobAge } from "./dob-age.js";
import { detectAddresses } from "./address.js";
import { detectPostcodes } from "./postcode.js";
import {
  CH_ANGLE,
  CH_AT,
  CH_COLON,
  CH_DIGIT,
  CH_DOT,
  CH_HYPHEN,
  CH_PAREN,
  K_ALLCAP,
  K_CAP,
  K_DIGITS,
  K_INITIAL,
  K_JOINED,
  K_LOWER,
  K_MARKS,
  K_NONASCII,
  peekTokens,
  tokenize,
  tokensOf,
} from "./tokens.js";

/*
 * The tokenizer is written for speed (a class table, one pass); this reference follows its definition
 * one code unit at a time with Unicode property escapes, so that the two can be compared on any text.
 */
interface RefToken {
  start: number;
  end: number;
  kind: number;
}

const isUpper = (c: string) => /[\p{Lu}\p{Lt}]/u.test(c);
const isLetter = (c: string) => /\p{L}/u.test(c);
const isMark = (c: string) => /\p{M}/u.test(c);
const isDigit = (c: string) => /\p{Nd}/u.test(c);
/** A BMP code unit that belongs to a word (surrogates never do). */
const unit = (s: string, i: number) => {
  const u = s.charCodeAt(i);
  return u >= 0xd800 && u <= 0xdfff ? "\u0000" : String.fromCharCode(u);
};
const wordUnit = (c: string) => isLetter(c) || isMark(c) || isDigit(c);

function reference(text: string): RefToken[] {
  const out: RefToken[] = [];
  let i = 0;
  while (i < text.length) {
    const c0 = unit(text, i);
    if (!isLetter(c0) && !isDigit(c0)) {
      i++;
      continue;
    }
    const s = i;
    let joined = false;
    i++;
    for (;;) {
      if (i >= text.length) break;
      const c = unit(text, i);
      if (wordUnit(c)) {
        i++;
        continue;
      }
      const joiner = c === "'" || c === "-" || c === "’";
      if (joiner && i + 1 < text.length && isLetter(unit(text, i + 1))) {
        joined = true;
        i++;
        continue;
      }
      break;
    }
    const word = [...Array(i - s).keys()].map((k) => unit(text, s + k));
    let kind = isUpper(c0) ? K_CAP : isLetter(c0) ? K_LOWER : K_DIGITS;
    if (word.some(isDigit)) kind |= K_DIGITS;
    if (word.some(isMark)) kind |= K_MARKS;
    if (joined) kind |= K_JOINED;
    // a code unit >= 128 among its letters, marks and digits (a ’ that joins two words does not count)
    if (word.some((c) => wordUnit(c) && c.charCodeAt(0) >= 128)) kind |= K_NONASCII;
    const letters = word.filter(isLetter);
    if (letters.length > 0 && letters.every(isUpper)) {
      if (i - s === 1) kind |= K_INITIAL;
      else if (letters.length >= 2) kind |= K_ALLCAP;
    }
    out.push({ start: s, end: i, kind });
  }
  return out;
}

function actual(text: string): RefToken[] {
  const t = tokenize(text);
  const out: RefToken[] = [];
  for (let k = 0; k < t.count; k++) out.push({ start: t.start[k]!, end: t.end[k]!, kind: t.kind[k]! });
  return out;
}

/** Letters, marks, digits of several scripts, joiners, separators, a surrogate pair and look-alikes. */
const UNITS = [
  "a",
  "Z",
  "é",
  "É",
  "ß",
  "İ",
  "ǅ",
  "ж",
  "Ж",
  "ع",
  "中",
  "\u0301",
  "\u0308",
  "٣",
  "7",
  "0",
  "Ⅻ",
  "²",
  "'",
  "’",
  "-",
  "‐",
  " ",
  "\u00a0",
  "\t",
  "\n",
  ".",
  ",",
  "@",
  "_",
  "𝒜",
  "🙂",
  "ª",
  "×",
];
const textArb = fc.array(fc.constantFrom(...UNITS), { maxLength: 40 }).map((a) => a.join(""));

describe("tokenize", () => {
  it("cuts words, joins inner apostrophes and hyphens and classifies tokens", () => {
    expect(actual("Hi Anna-Lena! O'Brien, I'm 3rd")).toEqual([
      { start: 0, end: 2, kind: K_CAP },
      { start: 3, end: 12, kind: K_CAP | K_JOINED },
      { start: 14, end: 21, kind: K_CAP | K_JOINED },
      { start: 23, end: 26, kind: K_CAP | K_JOINED },
      { start: 27, end: 30, kind: K_DIGITS },
    ]);
    expect(actual("NASA A")).toEqual([
      { start: 0, end: 4, kind: K_CAP | K_ALLCAP },
      { start: 5, end: 6, kind: K_CAP | K_INITIAL },
    ]);
  });

  it("agrees with the reference definition on any text", () => {
    fc.assert(
      fc.property(textArb, (text) => {
        expect(actual(text)).toEqual(reference(text));
      }),
      { numRuns: 2000 },
    );
  });

  it("notes digits, '@' and upper-case letters of the text", () => {
    const t = tokenize("mail a@b.c 42");
    expect(t.chars & CH_DIGIT).toBeTruthy();
    expect(t.chars & CH_AT).toBeTruthy();
    expect(t.uppers).toBe(0);
    expect(tokenize("X").uppers).not.toBe(0);
  });

  it("notes exactly the ASCII punctuation the text holds (the gates of other recognizers rely on it)", () => {
    const classes: [number, string][] = [
      [CH_COLON, ":"],
      [CH_HYPHEN, "-"],
      [CH_DOT, "."],
      [CH_AT, "@"],
      [CH_DIGIT, "0123456789"],
      [CH_PAREN, "()[]{}"],
      [CH_ANGLE, "<>"],
    ];
    const alphabet = [
      "a",
      "B",
      "7",
      ":",
      "-",
      ".",
      "@",
      "(",
      "]",
      "{",
      "<",
      ">",
      "'",
      "’",
      " ",
      "é",
      "\u0301",
      "_",
    ];
    const arb = fc.oneof(
      fc.array(fc.constantFrom(...alphabet), { maxLength: 24 }).map((a) => a.join("")),
      fc.string({ unit: "grapheme", maxLength: 30 }),
    );
    fc.assert(
      fc.property(arb, (text) => {
        const chars = tokenize(text).chars;
        for (const [bit, members] of classes)
          expect((chars & bit) !== 0).toBe([...members].some((c) => text.includes(c)));
      }),
      { numRuns: 2000 },
    );
  });

  it("gives the special-category key of plain ASCII tokens", () => {
    const t = tokenize("My DIABETES is ok");
    const key = (w: string) => {
      let h = 0;
      for (let k = 0; k < Math.min(4, w.length); k++) h = (h * 31 + w.charCodeAt(k)) | 0;
      return keyOf(h, Math.min(4, w.length));
    };
    expect([...t.specialKey.subarray(0, t.count)]).toEqual(["my", "diabetes", "is", "ok"].map(key));
  });
});

describe("peekTokens", () => {
  it("returns the cached tokens of the last record only", () => {
    const text = "Ship to 4 Privet Drive";
    tokenize("something else");
    expect(peekTokens(text)).toBeUndefined();
    const t = tokensOf(text);
    expect(peekTokens(text)).toBe(t);
    tokenize("x");
    expect(peekTokens(text)).toBeUndefined();
  });
});

describe("recognizers give the same result whether or not the record was tokenised before", () => {
  const words = [
    "12",
    "4",
    "Baker",
    "Street",
    "Apt.",
    "5",
    "ZIP",
    "code",
    "94105",
    "CA",
    "SW1A",
    "1AA",
    "born",
    "on",
    "12/03/1990",
    "aged",
    "34",
    "years",
    "old",
    "corner",
    "of",
    "Main",
    "and",
    "Elm",
    "PO",
    "Box",
    "77",
    "in",
    "Bjert",
    "6091",
    "Koskikatu",
    "25",
    "\n",
    ",",
    "lives",
    "at",
    "Rua",
    "do",
    "Arenque",
    "1634",
  ];
  const arb = fc.array(fc.constantFrom(...words), { maxLength: 14 }).map((a) => a.join(" "));
  it("street addresses, postcodes, dates of birth and ages", () => {
    fc.assert(
      fc.property(arb, (text) => {
        const lower = text.toLowerCase();
        tokenize("-");
        const fresh = [
          detectAddresses(text, lower),
          detectPostcodes(text, lower),
          dobAge.detect({ text, lower, channel: "typed" }),
        ];
        tokensOf(text);
        const shared = [
          detectAddresses(text, lower),
          detectPostcodes(text, lower),
          dobAge.detect({ text, lower, channel: "typed" }),
        ];
        expect(shared).toEqual(fresh);
      }),
      { numRuns: 500 },
    );
  });
});
