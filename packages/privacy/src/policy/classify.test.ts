import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { classifyRecord, spanLevel, spanMaskable } from "../classify.js";
import { analyze } from "../engine.js";
import type { Span } from "../merge.js";
import type { Channel, SensitivityLevel } from "../types.js";
import { DEFAULT_POLICY, loadPolicy, type RecordContext } from "./index.js";

const span = (type: string, level: SensitivityLevel, sources = ["test"]): Span => ({
  start: 0,
  end: 4,
  type,
  level,
  sources,
});

describe("classifyRecord: the level as stored", () => {
  it("an empty record has its channel's level", () => {
    const levels = (["typed", "title", "url", "clipboard", "ocr"] as Channel[]).map(
      (channel) => classifyRecord({ channel, spans: [] }).level,
    );
    expect(levels).toEqual([2, 2, 1, 2, 3]);
    expect(classifyRecord({ channel: "typed", spans: [] }).reasons).toEqual(["channel:typed"]);
  });

  it("a masked identifier makes the record 3, not 4: its value is gone", () => {
    for (const t of ["CREDIT_CARD", "US_SSN", "IBAN_CODE", "SECRET:github", "PASSWORD", "EMAIL_ADDRESS"]) {
      const c = classifyRecord({ channel: "typed", spans: [span(t, spanLevel(t))] });
      expect(c.level, t).toBe(3);
      expect(c.reasons).toContain(`entity:${t}`);
    }
    expect(classifyRecord({ channel: "typed", spans: [span("CREDIT_CARD", 4)] }).reasons).toContain(
      "masking:residual",
    );
  });

  it("a span below the residual keeps its level; an internal detail does not raise a url record above 2", () => {
    expect(classifyRecord({ channel: "url", spans: [span("IP_ADDRESS", 2)] }).level).toBe(2);
  });

  it("an unmaskable special-category span makes the record 4, by type or by recognizer", () => {
    for (const t of ["HEALTH", "FINANCE_TAX", "HR_PERFORMANCE", "RELIGION", "POLITICS", "SEXUALITY"])
      expect(classifyRecord({ channel: "typed", spans: [span(t, 4)] }).level, t).toBe(4);
    // merged into a span of another type: the recognizer id still marks it unmaskable
    expect(
      classifyRecord({ channel: "typed", spans: [span("PERSON", 4, ["person", "special-category"])] }).level,
    ).toBe(4);
  });

  it("a level-4 context makes the record 4 and excluded, with the category as reason", () => {
    const c = classifyRecord({ channel: "typed", spans: [], context: { app: "KeePassXC" } });
    expect(c).toMatchObject({
      level: 4,
      exclude: true,
      category: "password-manager",
      policyVersion: DEFAULT_POLICY.version,
    });
    expect(c.reasons).toContain("context:password-manager:app");
  });

  it("title and url records are matched as context themselves", () => {
    expect(
      classifyRecord({ channel: "title", spans: [], text: "New Incognito Tab - Google Chrome" }).level,
    ).toBe(4);
    expect(
      classifyRecord({ channel: "url", spans: [], text: "https://www.bankofamerica.com/login" }).level,
    ).toBe(4);
    expect(classifyRecord({ channel: "url", spans: [], text: "https://github.com/x/y" }).level).toBe(1);
    // typed text is not a title: a typed mention of WhatsApp is not a WhatsApp window
    expect(classifyRecord({ channel: "typed", spans: [], text: "WhatsApp - call me" }).level).toBe(2);
  });

  it("work chat raises to 3 without excluding", () => {
    expect(classifyRecord({ channel: "typed", spans: [], context: { app: "Slack" } })).toMatchObject({
      level: 3,
      exclude: false,
    });
  });

  it("uses the policy it is given", () => {
    const p = structuredClone(DEFAULT_POLICY.data) as Record<string, unknown> & {
      masking: { residualLevel: number };
    };
    p.masking.residualLevel = 4;
    const strict = loadPolicy(p);
    expect(classifyRecord({ channel: "typed", spans: [span("CREDIT_CARD", 4)], policy: strict }).level).toBe(
      4,
    );
  });

  it("end to end through the engine", () => {
    expect(analyze("my card is 4111 1111 1111 1111", { context: { app: "Code" } }).level).toBeLessThanOrEqual(
      3,
    );
    expect(analyze("Quarterly plan", { context: { url: "https://web.whatsapp.com/" } }).level).toBe(4);
    expect(analyze("I am on sick leave until Monday").level).toBe(4);
  });
});

describe("spanLevel / spanMaskable", () => {
  it("exact type, PREFIX:*, default, never below the recognizer", () => {
    expect(spanLevel("CREDIT_CARD")).toBe(4);
    expect(spanLevel("SECRET:aws")).toBe(4);
    expect(spanLevel("NATIONAL_ID:de")).toBe(4);
    expect(spanLevel("IP_ADDRESS")).toBe(2);
    expect(spanLevel("IP_ADDRESS", DEFAULT_POLICY, 3)).toBe(3);
    expect(spanLevel("SOMETHING_NEW")).toBe(3);
    expect(spanLevel("SOMETHING_NEW", DEFAULT_POLICY, 2)).toBe(2);
    expect(spanMaskable({ type: "HEALTH", sources: [] })).toBe(false);
    expect(spanMaskable({ type: "CREDIT_CARD", sources: ["card"] })).toBe(true);
  });
});

describe("classification is monotonic (property)", () => {
  const types = [
    "PERSON",
    "EMAIL_ADDRESS",
    "CREDIT_CARD",
    "IP_ADDRESS",
    "SECRET:github",
    "HEALTH",
    "RELIGION",
    "DOMAIN_NAME",
    "UNKNOWN_TYPE",
  ];
  const arbSpan = fc.record({
    type: fc.constantFrom(...types),
    level: fc.constantFrom<SensitivityLevel>(1, 2, 3, 4),
    sources: fc.subarray(["email", "card", "special-category", "person"], { minLength: 1 }),
  });
  const arbContext: fc.Arbitrary<RecordContext | undefined> = fc.option(
    fc.record(
      {
        app: fc.constantFrom("Code", "Slack", "KeePassXC", "firefox", "Signal"),
        title: fc.constantFrom(
          "Quarterly plan",
          "Inbox - Gmail",
          "New Incognito Tab",
          "Steuererklärung 2025",
        ),
        url: fc.constantFrom(
          "https://github.com/x",
          "http://10.0.0.1/",
          "https://web.whatsapp.com/",
          "https://www.irs.gov/",
        ),
        privateWindow: fc.boolean(),
      },
      { requiredKeys: [] },
    ),
    { nil: undefined },
  );
  const arbChannel = fc.constantFrom<Channel>("typed", "title", "url", "clipboard", "ocr");
  const level4Contexts: RecordContext[] = [
    { app: "1Password" },
    { url: "https://web.telegram.org/" },
    { title: "Private Browsing" },
    { privateWindow: true },
    { url: "https://mychart.example.org/" },
  ];
  const toSpans = (xs: { type: string; level: SensitivityLevel; sources: string[] }[]): Span[] =>
    xs.map((x, i) => ({ start: i * 10, end: i * 10 + 5, ...x }));

  it("adding a span never lowers the level", () => {
    fc.assert(
      fc.property(
        arbChannel,
        fc.array(arbSpan, { maxLength: 5 }),
        arbSpan,
        arbContext,
        fc.string({ maxLength: 40 }),
        (channel, base, extra, context, text) => {
          const spans = toSpans(base);
          const before = classifyRecord({ channel, spans, context, text }).level;
          const after = classifyRecord({
            channel,
            spans: [...spans, ...toSpans([extra]).map((s) => ({ ...s, start: 900, end: 905 }))],
            context,
            text,
          }).level;
          expect(after).toBeGreaterThanOrEqual(before);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("adding a level-4 context gives level 4 and never lowers the level", () => {
    fc.assert(
      fc.property(
        arbChannel,
        fc.array(arbSpan, { maxLength: 5 }),
        arbContext,
        fc.constantFrom(...level4Contexts),
        (channel, base, context, l4) => {
          const spans = toSpans(base);
          const before = classifyRecord({ channel, spans, context }).level;
          const merged = classifyRecord({ channel, spans, context: { ...context, ...l4 } });
          expect(merged.level).toBeGreaterThanOrEqual(before);
          expect(merged.level).toBe(4);
          expect(merged.exclude).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("raising a span's level never lowers the record's level", () => {
    fc.assert(
      fc.property(
        arbChannel,
        fc.array(arbSpan, { minLength: 1, maxLength: 5 }),
        fc.nat(),
        (channel, base, k) => {
          const spans = toSpans(base);
          const i = k % spans.length;
          const before = classifyRecord({ channel, spans }).level;
          const raised = spans.map((s, j) => (j === i ? { ...s, level: 4 as SensitivityLevel } : s));
          expect(classifyRecord({ channel, spans: raised }).level).toBeGreaterThanOrEqual(before);
        },
      ),
    );
  });
});
