import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyze, analyzeMany, MAX_TEXT_LENGTH, PrivacyInputError, redact, redactMany } from "./engine.js";

// Pieces that wake every recognizer family (fake values only), mixed with unicode, digits and filler.
const PIECES = [
  "card 4539 1488 0343 6467 exp 12/29 cvv 123",
  "Hi Anna Lindqvist,",
  "said Erle to Maurice",
  "221B Baker Street, London NW1 6XE",
  "1600 Fake Avenue NW, Springfield, IL 62704",
  "ssn 123-45-6789",
  "IBAN DE89 3704 0044 0532 0130 00",
  "call +44 20 7946 0958",
  "mail jane.doe@example.com",
  "AKIAIOSFODNN7EXAMPLE",
  "ghp_" + "x".repeat(36),
  "password: hunter2-fake",
  "born on 03/04/1985, age 41",
  "diagnosed with diabetes",
  "https://user:fake-pass@example.com/reset?token=abc",
  "192.168.0.1 and 00:1A:2B:3C:4D:5E",
  "Ünïcödé Žofie Dvořáková",
  "\u0301\ud83d x",
  "İstanbul ſ K",
  "plain words only",
  "",
];

const text = fc
  .array(
    fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 12 }), fc.stringMatching(/^[0-9 .-]{1,20}$/)),
    {
      maxLength: 6,
    },
  )
  .chain((parts) => fc.constantFrom(" ", "\n", ", ", "").map((sep) => parts.join(sep)));

describe("analyzeMany", () => {
  it("gives, record for record, what analyze gives alone (any mix, duplicates included)", () => {
    fc.assert(
      fc.property(
        fc.array(text, { maxLength: 40 }),
        fc.constantFrom("typed", "title", "url", "ocr"),
        (texts, ch) => {
          const channel = ch as "typed";
          const many = analyzeMany(texts, { channel });
          expect(many).toEqual(texts.map((t) => analyze(t, { channel })));
        },
      ),
      { numRuns: 150 },
    );
  });

  it("spans several batches, and long records analysed alone between them, in order", () => {
    const evalFile = fileURLToPath(
      new URL("../../../../shared/eval/pii_presidio_synth.jsonl", import.meta.url),
    );
    let texts: string[];
    try {
      texts = readFileSync(evalFile, "utf8")
        .split("\n")
        .filter((l) => l.trim())
        .map((l) => (JSON.parse(l) as { text: string }).text);
    } catch {
      texts = Array.from({ length: 1500 }, (_, i) => PIECES[i % PIECES.length]! + ` #${i}`);
    }
    // more records than one batch holds, and two records too long for a batch in the middle
    const long = PIECES.join(" ").repeat(1200);
    const all = [...texts.slice(0, 700), long, ...texts.slice(700), long.slice(7), ...texts.slice(0, 300)];
    const many = redactMany(all);
    expect(many).toHaveLength(all.length);
    for (let i = 0; i < all.length; i++) expect(many[i]).toEqual(redact(all[i]!));
    expect(many[700]!.spans.length).toBeGreaterThan(1000);
  });

  it("checks every text before any work, naming the one that is wrong", () => {
    expect(analyzeMany([])).toEqual([]);
    expect(() => analyzeMany("text" as unknown as string[])).toThrow(/texts must be an array/);
    expect(() => analyzeMany(["ok", 42 as unknown as string])).toThrow(/text 1 must be a string/);
    expect(() => analyzeMany(["ok", "x".repeat(MAX_TEXT_LENGTH + 1)])).toThrow(PrivacyInputError);
    expect(() => analyzeMany(["ok", "x".repeat(MAX_TEXT_LENGTH + 1)])).toThrow(
      /text 1 is \d+ code units long/,
    );
  });
});
