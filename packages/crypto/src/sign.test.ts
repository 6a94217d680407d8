import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "./canonical.js";
import { generateRawKeyPair } from "./keys.js";
import { signJson, verifyJson } from "./sign.js";

const json = fc.jsonValue();

describe("canonical JSON and Ed25519 signatures", () => {
  it("canonical JSON ignores key order and rejects what JSON cannot carry", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, "x"], c: null } })).toBe('{"a":{"c":null,"d":[1,"x"]},"b":1}');
    expect(() => canonicalJson({ a: NaN })).toThrow(/non-finite/);
    expect(() => canonicalJson(new Date())).toThrow(/plain objects/);
  });

  it("property: canonical JSON round-trips through JSON.parse to the same canonical text", () => {
    fc.assert(
      fc.property(json, (v) => {
        expect(canonicalJson(JSON.parse(canonicalJson(v)))).toBe(canonicalJson(v));
      }),
    );
  });

  it("property: a signature verifies only for the same value, context and key", () => {
    const k = generateRawKeyPair("ed25519");
    const other = generateRawKeyPair("ed25519");
    fc.assert(
      fc.property(json, fc.string(), (v, extra) => {
        const s = signJson("tracevault/test/v1", v, k.privateKey, k.publicKey);
        expect(verifyJson("tracevault/test/v1", v, s, k.publicKey)).toBe(true);
        expect(verifyJson("tracevault/other/v1", v, s, k.publicKey)).toBe(false);
        expect(verifyJson("tracevault/test/v1", v, s, other.publicKey)).toBe(false);
        expect(verifyJson("tracevault/test/v1", { v, extra }, s, k.publicKey)).toBe(false);
      }),
      { numRuns: 60 },
    );
  });

  it("a malformed signature is rejected, not thrown", () => {
    const k = generateRawKeyPair("ed25519");
    const s = signJson("c", 1, k.privateKey, k.publicKey);
    expect(verifyJson("c", 1, { ...s, sig: "!!" }, k.publicKey)).toBe(false);
    expect(verifyJson("c", 1, { ...s, sig: s.sig.slice(2) }, k.publicKey)).toBe(false);
  });
});
