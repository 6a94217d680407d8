import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  decodeBase64,
  decodeBase64Text,
  decodesToProse,
  entropyThreshold,
  isPlaceholder,
  isRunChar,
  isSequenceOrRepeat,
  isTrivialValue,
  looksRandom,
  caseIrregular,
  isAbsolutePath,
  matchLengthRange,
  MIN_RUN,
  shannonEntropy,
  tokenRuns,
} from "./util.js";

/** Reference implementation of tokenRuns: a plain scan. */
function naiveRuns(text: string): number[] {
  const out: number[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && !isRunChar(text.charCodeAt(i))) i++;
    const s = i;
    while (i < text.length && isRunChar(text.charCodeAt(i))) i++;
    if (i - s >= MIN_RUN) out.push(s, i);
  }
  return out;
}

describe("tokenRuns", () => {
  it("finds long token runs and skips prose", () => {
    const t = "see ghp_0123456789abcdefABCDEF0123456789abcd and more";
    expect(Array.from(tokenRuns(t))).toEqual([4, 44]);
    expect(tokenRuns("the quick brown fox jumps over the lazy dog").length).toBe(0);
  });

  it("equals a plain scan on random text (the stride probing misses nothing)", () => {
    const chars = fc.constantFrom(..."ab1_-. :/@=\n!é".split(""));
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 300 }), (arr) => {
        const t = arr.join("");
        expect(Array.from(tokenRuns(t))).toEqual(naiveRuns(t));
      }),
      { numRuns: 500 },
    );
  });

  it("handles runs at the very start and end", () => {
    const run = "A".repeat(MIN_RUN);
    expect(Array.from(tokenRuns(run))).toEqual([0, MIN_RUN]);
    expect(Array.from(tokenRuns(`x ${run}`))).toEqual([2, MIN_RUN + 2]);
    expect(tokenRuns("A".repeat(MIN_RUN - 1)).length).toBe(0);
  });
});

/** Reference Shannon entropy: counts in a Map, summed in first-occurrence order. */
function naiveEntropy(s: string): number {
  const counts = new Map<number, number>();
  for (let i = 0; i < s.length; i++) counts.set(s.charCodeAt(i), (counts.get(s.charCodeAt(i)) ?? 0) + 1);
  let h = 0;
  for (const k of counts.values()) h -= (k / s.length) * Math.log2(k / s.length);
  return h;
}

describe("entropy and randomness", () => {
  it("entropy equals the plain computation bit for bit, ASCII or not (property)", () => {
    const chars = fc.constantFrom(..."aaab01_-é€日\uD83D".split(""));
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 80 }), (a) => {
        const s = a.join("");
        expect(shannonEntropy(s)).toBe(naiveEntropy(s));
        expect(shannonEntropy(s)).toBe(naiveEntropy(s)); // scratch state is left clean
      }),
    );
  });

  it("computes Shannon entropy in bits per character", () => {
    expect(shannonEntropy("")).toBe(0);
    expect(shannonEntropy("aaaa")).toBe(0);
    expect(shannonEntropy("abcd")).toBeCloseTo(2);
    expect(shannonEntropy("abcdefghijklmnop")).toBeCloseTo(4);
  });

  it("raises the bar with length", () => {
    expect(entropyThreshold(12)).toBeLessThan(entropyThreshold(40));
  });

  it("tells random tokens from words, repeats and sequences", () => {
    expect(looksRandom("ahDzWAqqBHgpAeUBUULuU0gA4p09rt0WDAsUOmFg")).toBe(true);
    expect(looksRandom("9f8Kq2LmZx7Rt4Vw")).toBe(true);
    expect(looksRandom("not_a_real_token")).toBe(false);
    expect(looksRandom("aaaaaaaaaaaaaaaaaaaa")).toBe(false);
    // an identifier of words in camel case is no key, however long; random letters of mixed case still are
    expect(looksRandom("formatNationalNumberWithNextDigits")).toBe(false);
    expect(looksRandom("getSeparatorAfterNationalPrefix")).toBe(false);
    expect(looksRandom("NnjLTNSdKTwNZbyVqPwXrTzLmK")).toBe(true);
    expect(looksRandom("12345678901234567890")).toBe(false);
    expect(looksRandom("short1A")).toBe(false);
  });

  it("judges hex by hex's own entropy, and short mixed-case letters by how often their case changes", () => {
    // random hex of 24 and 32 characters whose entropy is below the base62 bar
    expect(looksRandom("76647160a277f7276b7874a3")).toBe(true);
    expect(looksRandom("02325f07faf76fefc428e304322f103f")).toBe(true);
    expect(looksRandom("0000ffff0000ffff0000ffff")).toBe(false);
    expect(looksRandom("NnjLTNSdKTwNZbyV")).toBe(true);
    expect(looksRandom("NotFoundExceptionX")).toBe(false);
    expect(caseIrregular("NnjLTNSdKTwNZbyV")).toBe(true);
    expect(caseIrregular("userPasswordHash")).toBe(false);
  });

  it("a path of directories is a path", () => {
    expect(isAbsolutePath("/home/dev/projects")).toBe(true);
    expect(isAbsolutePath("~/src/app/")).toBe(true);
    expect(isAbsolutePath("/xK9#pL2")).toBe(false);
    expect(isAbsolutePath("hunter2/x")).toBe(false);
  });

  it("random alphanumerics of 20+ chars look random", () => {
    const alnum = fc.constantFrom(
      ..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".split(""),
    );
    fc.assert(
      // unbiased: the default bias repeats the first characters, which is not what random looks like
      fc.property(fc.noBias(fc.array(alnum, { minLength: 24, maxLength: 64 })), (arr) => {
        const s = arr.join("");
        fc.pre(/\d/.test(s) && /[a-z]/i.test(s) && new Set(s).size > 12);
        expect(looksRandom(s)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("detects repeats and runs", () => {
    expect(isSequenceOrRepeat("abababab")).toBe(true);
    expect(isSequenceOrRepeat("1111")).toBe(true);
    expect(isSequenceOrRepeat("123456789")).toBe(true);
    expect(isSequenceOrRepeat("zyxwv")).toBe(true);
    expect(isSequenceOrRepeat("k8Hq2mZx")).toBe(false);
  });
});

describe("placeholders", () => {
  it.each([
    "${DB_PASSWORD}",
    "$(PGPASSWORD)",
    "{{pass}}",
    "{PASS}",
    "<your-api-key>",
    "YOUR_API_KEY",
    "REPLACE_WITH_PASSWORD",
    "********",
    "xxxxxxxx",
    "...",
    "process.env.TOKEN",
    "%APPDATA%",
    "$TOKEN",
    "changeme",
    "example-key-123",
    "dummy",
    "[REDACTED]",
    "your_token_here",
    "yourapikey",
    "fake-token-123",
    "sk_test_FAKE9x",
    "myFakeKey",
    "Todo",
    "sk-xxxx",
    "xxxx-xxxx-xxxx",
    "AKIAXXXXXXXXXXXXXXXX",
  ])("%s is a placeholder", (v) => {
    expect(isPlaceholder(v)).toBe(true);
  });

  it.each(["k8Hq2mZx9", "hunter2", "s3cr3tP4ss", "mySecret789", "ahDzWAqqBHgpAeUBUULu"])("%s is not", (v) => {
    expect(isPlaceholder(v)).toBe(false);
  });

  // random runs that happen to hold a short placeholder word (found by the keyed-secrets property test): a
  // secret is not let through because "your", "fake" or "todo" appears inside it
  it.each([
    "BfJBTpKdyHR68uByourJvEJT29zuvPDv9",
    "fakEccUnR4Kc5w4FAQtx7KYyNAu3S9",
    "K8LQ3AC2h3GjrDHsoWSfAkerzg8MRcEztJ8kGXWa9",
    "vR6NVksSRyUywvWAJMARFamRacb2wfenV5Lu36G8Xe7ToDo39",
    "Q7WMYFAKEH2KD9RTZP4N",
    "HVDrfz5ToseFweGwsXXxX9",
    "GWBEuByBzGg9xgdxxxxdV5LPbn4D3xB9",
    "XKqWHg3QhKUMTHuETA3DUMmYCEbrTka38Q7j6nmASP9",
    "JsKQCXfwFakekq7s5TztpwXvAmzNip7EQEmJXGkTqyoHn9",
    // the word at a boundary of a random run (found by the keyed-secrets property test at 200,000 runs)
    "YourHicxraxJJu7wy62mf6SD9",
    "todokRVH6dhdv9uwxLic2JgHWkiK9",
    "4J4px2Todocqq8eMWz8PibyKtxhyS9",
  ])("%s (a random run) is not", (v) => {
    expect(isPlaceholder(v)).toBe(false);
  });

  it("knows trivial example values", () => {
    expect(isTrivialValue("password")).toBe(true);
    expect(isTrivialValue("TRUE")).toBe(true);
    expect(isTrivialValue("123456")).toBe(true);
    expect(isTrivialValue("Tr0ub4dor&3")).toBe(false);
  });
});

describe("base64", () => {
  it("decodes standard and url-safe alphabets, with or without padding", () => {
    expect(decodeBase64Text("aGVsbG8=")).toBe("hello");
    expect(decodeBase64Text("aGVsbG8")).toBe("hello");
    expect(decodeBase64Text("eyJhbGciOiJIUzI1NiJ9")).toBe('{"alg":"HS256"}');
    expect(decodeBase64Text("not base64!")).toBeNull();
  });

  it("round-trips against Buffer for random bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const b64 = Buffer.from(bytes).toString("base64");
        const url = Buffer.from(bytes).toString("base64url");
        expect(Array.from(decodeBase64(b64)!)).toEqual(Array.from(bytes));
        expect(Array.from(decodeBase64(url)!)).toEqual(Array.from(bytes));
      }),
    );
  });

  it("recognises base64 of prose", () => {
    expect(decodesToProse(Buffer.from("dummy text data data data").toString("base64"))).toBe(true);
    expect(decodesToProse("R6WCNd0erkAuZyD+Fe8C4IwjpYQtniKqnHAzE7Pk5fPrBRpwOnuYxA==")).toBe(false);
  });
});

describe("matchLengthRange", () => {
  it("bounds the lengths a pattern matches", () => {
    expect(matchLengthRange("^(?:key-)?[a-f0-9]{32}$")).toEqual([32, 36]);
    expect(matchLengthRange("[A-Za-z0-9]{14}\\.atlasv1\\.[A-Za-z0-9_=-]{60,70}")).toEqual([83, 93]);
    expect(matchLengthRange("a(?=b)c?d+e{2,3}[x\\]]|(?:ab){3}")).toEqual([5, Infinity]);
    expect(matchLengthRange("\\bx\\u00e9{2,}")).toEqual([3, Infinity]);
    expect(matchLengthRange("(?<![A-Za-z])x*?y")).toEqual([1, Infinity]);
  });

  it("rejects syntax it does not model", () => {
    expect(() => matchLengthRange("(a)\\1")).toThrow(/unsupported/);
    expect(() => matchLengthRange("\\p{L}")).toThrow(/unsupported/);
    expect(() => matchLengthRange("(?<name>a)")).toThrow(/unsupported/);
    expect(() => matchLengthRange("a{2")).toThrow(/unsupported/);
  });

  it("every string a pattern matches has a length in its range (property)", () => {
    const patterns = ["^[a-c]{2,4}(?:-[0-9]{3})?$", "^(?:ab|c)+d?$", "^x(?:yz){1,3}[0-9]*$"];
    for (const p of patterns) {
      const re = new RegExp(p);
      const [lo, hi] = matchLengthRange(p);
      fc.assert(
        fc.property(fc.string({ unit: fc.constantFrom(..."abcdxyz-0123".split("")), maxLength: 14 }), (s) => {
          if (re.test(s)) expect(s.length >= lo && s.length <= hi).toBe(true);
        }),
        { numRuns: 2000 },
      );
    }
  });
});
