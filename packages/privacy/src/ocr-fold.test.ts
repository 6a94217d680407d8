import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyze, analyzeMany, redact } from "./engine.js";
import { foldOcrDigits } from "./ocr-fold.js";

describe("OCR's digits read as letters", () => {
  it("folds letters back to digits inside number-like runs only", () => {
    expect(foldOcrDigits("Call +44 2O 7946 O958")).toBe("Call +44 20 7946 0958");
    expect(foldOcrDigits("Card 4111 1111 1lll 1111")).toBe("Card 4111 1111 1111 1111");
    expect(foldOcrDigits("SSN 123-45-67B9")).toBe("SSN 123-45-6789");
    // words, and runs without a digit or with a letter beside them, stay
    expect(foldOcrDigits("SOS at 10 o'clock, B2B deal in Oslo")).toBe("SOS at 10 o'clock, B2B deal in Oslo");
    expect(foldOcrDigits("COVID19 and H2O")).toBe("COVID19 and H2O");
  });
  it("the engine masks what either reading finds, on the ocr channel only", () => {
    expect(redact("Call +44 2O 7946 O958", { channel: "ocr" }).redacted).toBe("Call [PHONE_NUMBER]");
    expect(redact("Card 4111 1111 1lll 1111", { channel: "ocr" }).redacted).toBe("Card [CREDIT_CARD]");
    expect(redact("SSN 123-45-67B9", { channel: "ocr" }).redacted).toBe("SSN [US_SSN]");
    // typed text is what was typed: no folding there
    expect(redact("Call +44 2O 7946 O958", { channel: "typed" }).redacted).toBe("Call +44 2O 7946 O958");
    // the batch path gives the same results
    const texts = ["Call +44 2O 7946 O958", "plain words", "Card 4111 1111 1lll 1111"];
    expect(analyzeMany(texts, { channel: "ocr" })).toEqual(texts.map((t) => analyze(t, { channel: "ocr" })));
  });
  it("keeps length, is idempotent, and changes only digit-like letters to digits (property)", () => {
    const chars = fc.constantFrom(..."0123456789OoDQIl|ZzSsGBabcxyz -.+()/\n'".split(""));
    fc.assert(
      fc.property(
        fc.array(chars, { maxLength: 60 }).map((a) => a.join("")),
        fc.string({ maxLength: 30 }),
        (a, b) => {
          for (const s of [a, b, a + b]) {
            const f = foldOcrDigits(s);
            expect(f.length).toBe(s.length);
            expect(foldOcrDigits(f)).toBe(f);
            for (let i = 0; i < s.length; i++)
              if (f[i] !== s[i]) {
                expect(f[i]).toMatch(/[0-9]/);
                expect(s[i]).toMatch(/[OoDQIl|ZzSsGB]/);
              }
          }
        },
      ),
    );
  });
  it("masks on the misread text at least what it masks on the text read right (property)", () => {
    const parts = fc.constantFrom(
      "Call ",
      "+44 ",
      "2O ",
      "7946 ",
      "O958",
      "4111 ",
      "1lll ",
      "Anna ",
      "at ",
      "12 Oak St ",
    );
    fc.assert(
      fc.property(
        fc.array(parts, { maxLength: 8 }).map((a) => a.join("")),
        (t) => {
          const covered = new Uint8Array(t.length);
          for (const s of analyze(t, { channel: "ocr" }).spans) covered.fill(1, s.start, s.end);
          for (const s of analyze(foldOcrDigits(t), { channel: "ocr" }).spans)
            for (let k = s.start; k < s.end; k++) expect(covered[k]).toBe(1);
        },
      ),
      { numRuns: 50 },
    );
  });
});
