import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyze, redact, PrivacyInputError, MAX_CONDITIONS, MAX_TEXT_LENGTH } from "./engine.js";
import { RECOGNIZERS } from "./recognizers/index.js";
import type { Recognizer } from "./types.js";

describe("engine", () => {
  it("can gate every registered recognizer by its triggers (beyond the plan's conditions one would run on every record)", () => {
    for (const channel of ["typed", "title", "url", "clipboard", "ocr"] as const) {
      const conditions = new Set<string>();
      for (const r of RECOGNIZERS) {
        if (r.channels && !r.channels.includes(channel)) continue;
        if (r.triggers?.digit) conditions.add("digit");
        // as the engine compiles them: single characters one condition each; a recognizer's longer strings one
        // condition together when it names three or more of a kind, else one each
        for (const [kind, list] of [
          ["text", r.triggers?.text ?? []],
          ["lower", r.triggers?.lower ?? []],
        ] as const) {
          const long = list.filter((x) => x.length > 1);
          for (const x of list) if (x.length === 1 || long.length < 3) conditions.add(`${kind}:${x}`);
          if (long.length >= 3) conditions.add(`${kind}-any:${long.join("\u0000")}`);
        }
      }
      expect(conditions.size, channel).toBeLessThanOrEqual(MAX_CONDITIONS);
    }
  });

  it("redacts an email address with a typed placeholder", () => {
    const r = redact("write to jane.doe@example.com today");
    expect(r.redacted).toBe("write to [EMAIL_ADDRESS] today");
    expect(r.spans).toEqual([{ start: 9, end: 29, type: "EMAIL_ADDRESS", level: 3, sources: ["email"] }]);
  });

  it("keyed hash links equal values under one key and not across keys", () => {
    const k1 = new Uint8Array(32).fill(1);
    const k2 = new Uint8Array(32).fill(2);
    const a = redact("a@example.com", { operator: { kind: "hash", key: k1 } }).redacted;
    const b = redact("a@example.com", { operator: { kind: "hash", key: k1 } }).redacted;
    const c = redact("a@example.com", { operator: { kind: "hash", key: k2 } }).redacted;
    expect(a).toBe(b);
    expect(a).not.toBe(c);
    expect(a).toMatch(/^\[EMAIL_ADDRESS:[0-9a-f]{12}\]$/);
  });

  it("reads a Turkish capital İ as the recognizers' word lists do (its lower case is no longer than the text)", () => {
    const text = "İletişim: Zorqan Vennik, tel. see below";
    const spans = analyze(text).spans.map((s) => text.slice(s.start, s.end));
    expect(spans).toContain("Zorqan Vennik");
    // offsets stay the text's when the character stands before a value
    const card = "İ 4111 1111 1111 1111";
    const c = analyze(card).spans.find((s) => s.type === "CREDIT_CARD")!;
    expect(card.slice(c.start, c.end)).toBe("4111 1111 1111 1111");
  });

  it("rejects text over the size limit with a clear error", () => {
    expect(() => analyze("x".repeat(MAX_TEXT_LENGTH + 1))).toThrow(PrivacyInputError);
  });
});

describe("recognizer triggers", () => {
  // Triggers let the engine skip a recognizer, so each must be a true necessary condition: on any text that
  // meets none of them, the recognizer finds nothing (at any score).
  const holds = (r: Recognizer, text: string, lower: string): boolean => {
    const t = r.triggers!;
    return (
      (t.digit === true && /[0-9]/.test(text)) ||
      (t.text ?? []).some((s) => text.includes(s)) ||
      (t.lower ?? []).some((s) => lower.includes(s))
    );
  };
  const gated = RECOGNIZERS.filter((r) => r.triggers);
  // Fragments of what recognizers look for, with the characters triggers name mixed in.
  const pieces = fc.constantFrom(
    ...[
      "password is ",
      "hunter2",
      "card ",
      "4111 1111 1111 1111",
      "ssn ",
      "123-45-6789",
      "IBAN ",
      "GB82WEST12345698765432",
    ],
    ...[
      "jane",
      "@",
      "example",
      ".",
      "com",
      " at ",
      " dot ",
      "[at]",
      "https",
      "://",
      "/",
      "?",
      "#",
      "=",
      ":",
      "-",
    ],
    ...[
      "<",
      ">",
      "eyJhbGciOiJIUzI1NiJ9",
      "ghp_",
      "AKIA",
      "X".repeat(20),
      "0x",
      "ff",
      "::1",
      "fe80",
      "DEUTDEFF",
    ],
    ...["swift ", "BIC ", "codice fiscale ", "RSSMRA", "Ⅻ", "İ", " ", "\n", "tel ", "+", "(", ")", "7", "42"],
  );
  for (const channel of ["typed", "url"] as const) {
    it(`a recognizer finds nothing where none of its triggers holds (${channel}, property)`, () => {
      expect(gated.length).toBeGreaterThan(0);
      fc.assert(
        fc.property(fc.array(pieces, { maxLength: 14 }), (parts) => {
          const text = parts.join("");
          const lower = text.toLowerCase();
          for (const r of gated) {
            if (holds(r, text, lower)) continue;
            expect(r.detect({ text, lower, channel }), `${r.id} on ${JSON.stringify(text)}`).toEqual([]);
          }
        }),
        { numRuns: 3000 },
      );
    });
  }

  it("skipping by triggers changes no result", () => {
    const texts = [
      "mail jane.doe@example.com or call +44 20 7946 0958",
      "no digits, no at sign, just prose about a password: hunter2x",
      "SWIFT: DEUTDEFF and codice fiscale RSSMRA85T10A562S",
      "fe80::1 and 10.0.0.1 at 00:1A:2B:3C:4D:5E",
      "see https://example.com/a/b?token=abcdef123456#frag",
    ];
    // the same recognizers without triggers: always called
    const ungated = RECOGNIZERS.map((r) => ({
      id: r.id,
      types: r.types,
      channels: r.channels,
      detect: r.detect.bind(r),
    }));
    for (const t of texts) expect(analyze(t)).toEqual(analyze(t, { recognizers: ungated }));
  });
});
