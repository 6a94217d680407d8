import { describe, expect, it } from "vitest";
import { analyze, redact, PrivacyInputError, MAX_TEXT_LENGTH } from "./engine.js";

describe("engine", () => {
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

  it("rejects text over the size limit with a clear error", () => {
    expect(() => analyze("x".repeat(MAX_TEXT_LENGTH + 1))).toThrow(PrivacyInputError);
  });
});
