import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { redact } from "../../engine.js";
import type { RecognizerInput } from "../../types.js";
import { SECRET_RECOGNIZERS } from "./index.js";

const input = (text: string): RecognizerInput => ({ text, lower: text.toLowerCase(), channel: "typed" });
const all = (text: string) =>
  SECRET_RECOGNIZERS.flatMap((r) => r.detect(input(text))).filter((d) => d.score >= 0.5);

describe("secrets group", () => {
  it("registers recognizers whose types are all SECRET:* and whose detections are level 4", () => {
    expect(SECRET_RECOGNIZERS.length).toBeGreaterThan(0);
    for (const r of SECRET_RECOGNIZERS)
      for (const t of r.types) expect(t.startsWith("SECRET:"), `${r.id}: ${t}`).toBe(true);
    const sample = [
      "ghp_" + "aB3dE6gH9jK2mN5pQ8sT1vW4yZ7bC0eF3hJ6",
      "my password is hunter2",
      "https://bob:Tr0ub4dor@files.example.org",
      'API_TOKEN="k8Hq2mZx9PqL4wRtY7vB"',
      "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlLXZhbHVlLTEyMzQ",
    ].join("\n");
    const dets = all(sample);
    expect(dets.length).toBeGreaterThanOrEqual(5);
    for (const d of dets) {
      expect(d.level).toBe(4);
      expect(d.type.startsWith("SECRET:")).toBe(true);
      expect(d.start).toBeLessThan(d.end);
    }
  });

  it("redacts through the engine", () => {
    const text = "deploy with token ghp_aB3dE6gH9jK2mN5pQ8sT1vW4yZ7bC0eF3hJ6 and password: Xk29mQ7z!";
    const r = redact(text, { recognizers: SECRET_RECOGNIZERS });
    expect(r.redacted).toBe("deploy with token [SECRET] and password: [SECRET]");
    expect(r.spans.map((x) => x.type)).toEqual(["SECRET:github", "SECRET:password"]);
  });

  it("covers a record mixing many kinds", () => {
    const key = "sk_live_" + "4eC39HqLyjWDarjtT1zdp7dc";
    const text = [
      `STRIPE_SECRET_KEY=${key}`,
      "DATABASE_URL=postgres://app:k9Lm2xQ7@db.example.net:5432/prod",
      "Authorization: Bearer 9f8Kq2LmZx7Rt4Vw1Np6Hs3J",
      "Mein Passwort ist Geheim123",
    ].join("\n");
    const r = redact(text, { recognizers: SECRET_RECOGNIZERS });
    for (const secret of [key, "k9Lm2xQ7", "9f8Kq2LmZx7Rt4Vw1Np6Hs3J", "Geheim123"])
      expect(r.redacted).not.toContain(secret);
  });

  it("random English-like prose is not flagged (property)", () => {
    // ("password"/"pin"/"code" + "is" + a word would be an announcement, so those words are left out here;
    // typed-password.test.ts covers sentences about passwords.)
    const word = fc.constantFrom(
      "the",
      "meeting",
      "is",
      "at",
      "ten",
      "tomorrow",
      "please",
      "send",
      "report",
      "to",
      "Anna",
      "review",
      "the",
      "tab",
      "policy",
      "requires",
      "twelve",
      "characters",
      "token",
      "bucket",
      "limits",
      "key",
      "results",
      "basic",
      "idea",
      "bearer",
      "of",
      "news",
      "secret",
      "recipe",
      "ingredients",
      "2024",
      "v1.2.3",
      "https://example.com/docs",
      "user@example.com",
      "10:30",
      "a=b",
      "e.g.",
      "(see",
      "above)",
    );
    const sep = fc.constantFrom(" ", " ", " ", ", ", ". ", "\n");
    fc.assert(
      fc.property(fc.array(fc.tuple(word, sep), { maxLength: 50 }), (parts) => {
        const text = parts.map(([w, s]) => w + s).join("");
        expect(all(text)).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it("stays linear on adversarial input", () => {
    const units = [
      "a",
      "1",
      "=",
      "a=",
      ":",
      "a:",
      "-----BEGIN ",
      "eyJ",
      "sk-",
      "ghp_",
      "http://a:b@",
      "password: ",
      "Ab3_",
      "0x",
      "\\n",
      "x@y.",
    ];
    for (const unit of units) {
      const small = unit.repeat(Math.ceil(10_000 / unit.length));
      const big = unit.repeat(Math.ceil(80_000 / unit.length));
      for (const r of SECRET_RECOGNIZERS) {
        let ts = Infinity;
        let tb = Infinity;
        for (let k = 0; k < 3; k++) {
          let t0 = performance.now();
          r.detect(input(small));
          ts = Math.min(ts, performance.now() - t0);
          t0 = performance.now();
          r.detect(input(big));
          tb = Math.min(tb, performance.now() - t0);
        }
        expect(tb, `${r.id} on ${JSON.stringify(unit)}: ${ts.toFixed(1)} → ${tb.toFixed(1)} ms`).toBeLessThan(
          Math.max(ts * 24, 250),
        );
      }
    }
  });
});
