import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { luhnCheckDigit } from "./checksums.js";
import { analyze, analyzeMany, redact } from "./engine.js";
import { spacedDigitsView, spanInText } from "./spaced-digits.js";

/** A Visa-range test number completed with its Luhn digit (invented digits). */
const card = (body15: string) => body15 + luhnCheckDigit(body15);
const CARD = card("453914880343646");

/** `digits` with one of `gaps` after every digit but the last. */
const spaced = (digits: string, gaps: readonly string[]) =>
  [...digits].map((d, k) => (k < digits.length - 1 ? d + gaps[k % gaps.length] : d)).join("");

describe("spaced digits view", () => {
  it("removes the gaps inside numbers typed a digit at a time, or in a card's four fields", () => {
    expect(spacedDigitsView(`card ${spaced(CARD, [" "])}.`)?.text).toBe(`card ${CARD}.`);
    expect(spacedDigitsView("4539  1488  0343  6467")?.text).toBe("4539148803436467");
    expect(spacedDigitsView("4539\t1488\t0343\t6467")?.text).toBe("4539148803436467");
  });

  it("leaves printed numbers, short lists, versions and codes as they are", () => {
    expect(spacedDigitsView("call 020 7946 0958")).toBeNull();
    expect(spacedDigitsView("4539 1488 0343 6467")).toBeNull(); // printed: the recognizers read it
    expect(spacedDigitsView("pick 1 2 3 or 4")).toBeNull(); // fewer than 9 digits
    expect(spacedDigitsView("v1 2 3 4 5 6 7 8 9 0")).toBeNull(); // glued to a letter
    expect(spacedDigitsView("12  345  6789  1011")).toBeNull(); // a table's columns
  });

  it("maps every character of the view back to the same character of the text (property)", () => {
    const gap = fc.constantFrom(" ", "  ", "   ", "\t", "\u00a0");
    const piece = fc.oneof(
      fc.constantFrom("card ", "x", ". ", "a1", "ssn: ", "\n"),
      fc
        .tuple(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 4 }), gap)
        .map(([ds, g]) => ds.join("") + g),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
        const text = parts.join("");
        const view = spacedDigitsView(text);
        if (view === null) return;
        expect(view.text.length).toBe(view.at.length);
        expect(view.text.length).toBeLessThan(text.length);
        for (let k = 0; k < view.text.length; k++) {
          expect(view.text[k]).toBe(text[view.at[k]!]);
          if (k > 0) expect(view.at[k]!).toBeGreaterThan(view.at[k - 1]!);
        }
        // a range over the whole view maps to a range of the text that holds a removed gap
        expect(spanInText(view, 0, view.text.length)[2]).toBe(true);
      }),
    );
  });
});

describe("spaced numbers in redaction", () => {
  it("masks a card typed a digit at a time, with any gaps of 1-3 spaces (property)", () => {
    const gap = fc.constantFrom(" ", "  ", "   ");
    fc.assert(
      fc.property(fc.array(gap, { minLength: 15, maxLength: 15 }), (gaps) => {
        const typed = spaced(CARD, gaps);
        const text = `my card is ${typed}, thanks`;
        const r = redact(text);
        expect(r.redacted).toBe("my card is [CREDIT_CARD], thanks");
      }),
      { numRuns: 40 },
    );
  });

  it("masks a card in four fields, an SSN and a phone number typed a digit at a time, in one call or a batch", () => {
    const texts = [
      `4539\t1488\t0343\t${CARD.slice(12)}`,
      "ssn 5 3 6 2 2 1 2 3 4",
      "call me on 4 1 5 5 2 3 8 8 8 6",
    ];
    const want = [
      [`4539\t1488\t0343\t${CARD.slice(12)}`, "CREDIT_CARD"],
      ["5 3 6 2 2 1 2 3 4", "US_SSN"],
      ["4 1 5 5 2 3 8 8 8 6", "PHONE_NUMBER"],
    ];
    texts.forEach((t, k) => {
      const spans = analyze(t).spans.map((s) => [t.slice(s.start, s.end), s.type]);
      expect(spans).toEqual([want[k]]);
    });
    expect(analyzeMany(texts).map((a, k) => a.spans.map((s) => texts[k]!.slice(s.start, s.end)))).toEqual(
      want.map((w) => [w[0]]),
    );
  });

  it("leaves counts and scores typed with spaces alone, and titles and URLs unread", () => {
    expect(analyze("1 2 3 4 5 6 7 8 9 10").spans).toEqual([]);
    expect(analyze("scores: 3 4 5 2 1 4 3 5 2 4").spans).toEqual([]);
    expect(analyze(`card ${spaced(CARD, [" "])}`, { channel: "title" }).spans).toEqual([]);
  });
});
