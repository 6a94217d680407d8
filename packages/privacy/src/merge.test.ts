import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mergeDetections, sortDetections } from "./merge.js";
import { applyRedaction } from "./redact.js";
import type { Detection } from "./types.js";

const det = (len: number) =>
  fc
    .record({
      start: fc.integer({ min: 0, max: len - 1 }),
      len: fc.integer({ min: 1, max: 12 }),
      type: fc.constantFrom("EMAIL_ADDRESS", "CREDIT_CARD", "PERSON", "SECRET:github"),
      level: fc.constantFrom(2, 3, 4),
      score: fc.double({ min: 0.5, max: 1, noNaN: true }),
    })
    .map((d): Detection => ({
      start: d.start,
      end: Math.min(len, d.start + d.len),
      type: d.type,
      level: d.level as 2 | 3 | 4,
      score: d.score,
      recognizer: d.type.toLowerCase(),
    }));

describe("mergeDetections + applyRedaction", () => {
  it("property: merged spans are sorted, disjoint, cover exactly the union, and keep the highest level", () => {
    fc.assert(
      fc.property(fc.array(det(60), { maxLength: 12 }), (dets) => {
        const spans = mergeDetections(dets);
        for (let i = 1; i < spans.length; i++)
          expect(spans[i]!.start).toBeGreaterThanOrEqual(spans[i - 1]!.end);
        const union = new Uint8Array(60);
        for (const d of dets) union.fill(1, d.start, d.end);
        const cov = new Uint8Array(60);
        for (const s of spans) cov.fill(1, s.start, s.end);
        expect(cov).toEqual(union);
        for (const d of dets) {
          const s = spans.find((x) => x.start <= d.start && d.end <= x.end)!;
          expect(s.level).toBeGreaterThanOrEqual(d.level);
          expect(s.sources).toContain(d.recognizer);
        }
      }),
    );
  });

  it("property: the redacted text contains no 3+ character fragment of any detected value", () => {
    const alphabet = fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz0123456789");
    fc.assert(
      fc.property(
        fc.array(alphabet, { minLength: 60, maxLength: 60 }).map((a) => a.join("")),
        fc.array(det(60), { minLength: 1, maxLength: 8 }),
        (text, dets) => {
          const spans = mergeDetections(dets);
          const out = applyRedaction(text, spans);
          // Check against the text outside the spans: a fragment may only appear there if it also occurs
          // in the unmasked remainder by chance.
          const remainder = spans.reduce(
            (acc, s, i) => acc + text.slice(i === 0 ? 0 : spans[i - 1]!.end, s.start) + "\u0000",
            "",
          );
          for (const s of spans) {
            const value = text.slice(s.start, s.end);
            for (let i = 0; i + 3 <= value.length; i++) {
              const frag = value.slice(i, i + 3);
              if (!remainder.includes(frag) && !text.slice(spans.at(-1)!.end).includes(frag))
                expect(out.includes(frag)).toBe(false);
            }
          }
        },
      ),
    );
  });
});

describe("sortDetections", () => {
  it("orders as the built-in stable sort does, for short lists (insertion) and long ones", () => {
    fc.assert(
      fc.property(fc.array(det(40), { maxLength: 40 }), (dets) => {
        const expected = [...dets].sort((a, b) => a.start - b.start || b.end - a.end);
        const got = sortDetections([...dets]);
        // the same objects in the same order: equal keys keep their input order
        expect(got.length).toBe(expected.length);
        for (let i = 0; i < got.length; i++) expect(got[i]).toBe(expected[i]);
      }),
    );
  });
});
