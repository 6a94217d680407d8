import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { RecognizerInput } from "../../types.js";
import { tokenize, tokensOf } from "../people/tokens.js";
import { ID_RECOGNIZERS } from "./index.js";
import { K, hasKeyword, keywordBefore, keywordMask } from "./keywords.js";
import { W, recordWords } from "./keywords.js";
import {
  type DigitRuns,
  type Window,
  alnumTokenLength,
  asciiDigitRuns,
  knownDigitRuns,
  digitCount,
  forEachWindow,
  groupEnd,
  groupStart,
  numericRuns,
  runDigits,
  scanNumericRuns,
} from "./scan.js";

describe("digit-run tokenizer", () => {
  it("joins digit groups by single spaces, dashes and dots", () => {
    const runs = scanNumericRuns("ssn 123-45-6789, card 4111 1111 1111 1111. v1.2 ok 12  34");
    expect(runs.map(runDigits)).toEqual(["123456789", "4111111111111111", "12", "12", "34"]);
    const ssn = runs[0]!;
    expect([ssn.start, ssn.end, ssn.ng, ssn.nd, ssn.sep]).toEqual([4, 15, 3, 9, [45, 45]]);
    expect([0, 1, 2].map((k) => [groupStart(ssn, k), groupEnd(ssn, k)])).toEqual([
      [4, 7],
      [8, 10],
      [11, 15],
    ]);
    expect(runs[4]!.prevEnd).toBe(runs[3]!.end);
  });

  it("covers every digit of the text exactly once, in order (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("1", "2", " ", "-", ".", "a", "/", "\n") }), (s) => {
        const runs = scanNumericRuns(s);
        expect(runs.map(runDigits).join("")).toBe(s.replace(/\D/g, ""));
        for (const r of runs) {
          expect(/^\d/.test(s.slice(r.start))).toBe(true);
          expect(s.slice(r.start, r.end).replace(/\D/g, "")).toBe(runDigits(r));
        }
      }),
    );
  });

  it("windows split runs only at spaces", () => {
    const [run] = scanNumericRuns("12345 4111 1111 1111 1111");
    const seen: string[] = [];
    forEachWindow(run!, 16, 16, (w: Window) => seen.push(w.digits));
    expect(seen).toEqual(["4111111111111111"]);
    const [dashed] = scanNumericRuns("123-45-6789-01");
    const nine: string[] = [];
    forEachWindow(dashed!, 9, 9, (w) => nine.push(w.digits));
    expect(nine).toEqual([]);
  });

  it("memoises per input object and rescans a new one", () => {
    const a: RecognizerInput = { text: "a 12 b", lower: "a 12 b", channel: "typed" };
    const b: RecognizerInput = { text: "c 34 d", lower: "c 34 d", channel: "typed" };
    const ra = numericRuns(a);
    expect(numericRuns(a)).toBe(ra);
    expect(runDigits(numericRuns(b)[0]!)).toBe("34");
    expect(runDigits(numericRuns(a)[0]!)).toBe("12");
  });
});

describe("labels (keywords.ts)", () => {
  it("knows phrases in several languages and maps them to categories", () => {
    expect(keywordMask("credit card") & K.CARD).toBeTruthy();
    expect(keywordMask("Social Security Number") & K.SSN).toBeTruthy();
    expect(keywordMask("steuerliche Identifikationsnummer") & K.DE_TAX).toBeTruthy();
    expect(keywordMask("numéro de sécurité sociale") & K.NIR).toBeTruthy();
    expect(keywordMask("driver’s license") & K.DL).toBeTruthy();
    expect(keywordMask("a/c no") & K.ACCOUNT).toBeTruthy();
    expect(keywordMask("nothing")).toBe(0);
  });

  it("a label announces a value across glue words and punctuation only", () => {
    const t1 = "My credit card number is: 4111";
    expect(keywordBefore(t1, t1.indexOf("4111"), K.CARD)).toBe(t1.indexOf(" number"));
    const t2 = "credit card statement for 4111";
    expect(keywordBefore(t2, t2.indexOf("4111"), K.CARD)).toBe(-1);
    const t3 = "SSN 12 and 4111";
    expect(keywordBefore(t3, t3.indexOf("4111"), K.SSN)).toBe(-1); // never across another number
    const t4 = "Here's my SSN: 4111";
    expect(keywordBefore(t4, t4.indexOf("4111"), K.SSN)).toBeGreaterThan(0);
  });

  it("labels after the value", () => {
    const t = "123-45-6789 is my SSN";
    expect(hasKeyword(t, 0, 11, K.SSN)).toBe(true);
    expect(hasKeyword("123-45-6789 and 5 other SSNs", 0, 11, K.SSN)).toBe(false);
  });
});

// Every recognizer of the group on adversarial input: a FRESH input object each call, so the memoised
// scan is measured too. Linear code takes ~8x for 8x the input; allow noise on a shared machine.
const UNITS = [
  "1",
  "1 ",
  "1-",
  "1.",
  "12.",
  "1234 ",
  "4111 ",
  "12/",
  "1/1 ",
  "123-45-",
  "AB12 ",
  "GB82 ",
  "card ",
  "ssn 1 ",
  "cvv 123 ",
  "a1",
  "A1b2",
  "X1234567L ",
  "passport 1 ",
  "account 12 ",
  "2A",
  "swift bic ",
  "fiscal ",
  "a",
];
function fresh(text: string): RecognizerInput {
  return { text, lower: text.toLowerCase(), channel: "typed" };
}
function best(fn: () => void): number {
  let b = Infinity;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    fn();
    b = Math.min(b, performance.now() - t0);
  }
  return b;
}
describe("shared per-record facts", () => {
  const alnum = (c: string) => /[A-Za-z0-9]/.test(c);
  it("alnumTokenLength is the length of the letters-and-digits token at a position (property)", () => {
    const chars = fc.constantFrom(..."aZ09_ -é".split(""));
    fc.assert(
      fc.property(fc.array(chars, { minLength: 1, maxLength: 60 }), (a) => {
        const text = a.join("");
        // in text order (the order recognizers ask in), then once more out of order
        const positions = [...text].map((_, i) => i).filter((i) => alnum(text[i]!));
        for (const p of [...positions, ...positions.reverse()]) {
          let s = p;
          while (s > 0 && alnum(text[s - 1]!)) s--;
          let e = p;
          while (e < text.length && alnum(text[e]!)) e++;
          expect(alnumTokenLength(text, p)).toBe(e - s);
        }
      }),
    );
    expect(alnumTokenLength("key a1b2c3d4 x", 5)).toBe(8);
  });

  it("digitCount counts the ASCII digits of the record", () => {
    expect(digitCount(fresh("call 555-0100 or +44 20 7946 0958"))).toBe(19);
    expect(digitCount(fresh("no digits here ٣"))).toBe(0);
  });

  it("recordWords finds swift, bic and fiscal anywhere in the lower-cased text", () => {
    expect(recordWords(fresh("SWIFT code: DEUTDEFF"))).toBe(W.SWIFT);
    expect(recordWords(fresh("the bic is X; Codice Fiscale"))).toBe(W.BIC | W.FISCAL);
    expect(recordWords(fresh("nothing to see"))).toBe(0);
    expect(recordWords(fresh("swiftbicfiscal"))).toBe(W.SWIFT | W.BIC | W.FISCAL);
  });
});

describe("linear time on adversarial input", () => {
  for (const r of ID_RECOGNIZERS) {
    it(`${r.id}`, () => {
      for (const unit of UNITS) {
        const small = unit.repeat(Math.ceil(12_500 / unit.length));
        const big = unit.repeat(Math.ceil(100_000 / unit.length));
        const ts = best(() => r.detect(fresh(small)));
        const tb = best(() => r.detect(fresh(big)));
        expect(tb, `${r.id} on ${JSON.stringify(unit)}: ${ts.toFixed(1)} → ${tb.toFixed(1)} ms`).toBeLessThan(
          Math.max(ts * 24, 80),
        );
      }
    });
  }
});

describe("digit runs shared with the other groups", () => {
  const reference = (text: string): [number, number][] =>
    [...text.matchAll(/[0-9]+/g)].map((m) => [m.index, m.index + m[0].length]);
  const pairs = (r: DigitRuns): [number, number][] =>
    Array.from({ length: r.count }, (_, k) => [r.start[k]!, r.end[k]!]);
  const arb = fc.oneof(
    fc
      .array(fc.constantFrom("1", "23", "456", " ", "-", ".", "/", "\u00a0", "a", "X", "é", "٣", ","), {
        maxLength: 40,
      })
      .map((a) => a.join("")),
    fc.string({ maxLength: 40 }),
  );

  it("are the maximal runs of ASCII digits, whether searched or read from the numeric runs", () => {
    fc.assert(
      fc.property(arb, (text) => {
        const expected = reference(text);
        expect(pairs(asciiDigitRuns(text))).toEqual(expected);
        const input: RecognizerInput = { text, lower: text.toLowerCase(), channel: "typed" };
        expect(knownDigitRuns(input)).toBeUndefined();
        numericRuns(input);
        expect(pairs(knownDigitRuns(input)!)).toEqual(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it("are scanned the same with the record's word tokens as without them", () => {
    fc.assert(
      fc.property(arb, (text) => {
        tokenize("\u0000");
        const alone = scanNumericRuns(text);
        tokensOf(text);
        expect(scanNumericRuns(text)).toEqual(alone);
      }),
      { numRuns: 3000 },
    );
  });

  it("grow past their first capacity", () => {
    const text = "1 ".repeat(500);
    expect(asciiDigitRuns(text).count).toBe(500);
    const input: RecognizerInput = { text, lower: text, channel: "typed" };
    numericRuns(input);
    expect(knownDigitRuns(input)!.count).toBe(500);
  });
});
