import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { RecognizerInput } from "../../types.js";
import { isJoseHeader, jwt } from "./jwt.js";

const input = (text: string): RecognizerInput => ({ text, lower: text.toLowerCase(), channel: "typed" });
const b64u = (o: unknown): string => Buffer.from(JSON.stringify(o)).toString("base64url");

function makeJwt(header: object, payload: object, sigBytes = 32): string {
  const sig = Buffer.from(Array.from({ length: sigBytes }, (_, i) => (i * 37 + 11) % 256)).toString(
    "base64url",
  );
  return `${b64u(header)}.${b64u(payload)}.${sig}`;
}

describe("JWT", () => {
  it("finds a signed JWT and covers all three parts", () => {
    const t = makeJwt({ alg: "HS256", typ: "JWT" }, { sub: "fake-user", iat: 1 });
    const text = `Authorization: Bearer ${t} ok`;
    const d = jwt.detect(input(text));
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ start: 22, end: 22 + t.length, type: "SECRET:jwt", level: 4 });
  });

  it("finds unsigned (alg none) and JWE tokens", () => {
    const none = makeJwt({ alg: "none" }, { sub: "x" }, 0);
    expect(jwt.detect(input(`t=${none}`))).toHaveLength(1);
    const jwe = `${b64u({ alg: "RSA-OAEP", enc: "A256GCM" })}.c29tZWtleQ.aXZpdml2.Y2lwaGVydGV4dA.dGFndGFn`;
    expect(jwt.detect(input(jwe))[0]).toMatchObject({ start: 0, end: jwe.length });
  });

  it("requires a JOSE header", () => {
    expect(isJoseHeader(b64u({ alg: "RS256" }))).toBe(true);
    expect(isJoseHeader(b64u({ foo: "bar" }))).toBe(false);
    expect(isJoseHeader(b64u([1, 2]))).toBe(false);
    const fake = `${b64u({ hello: "world" })}.${b64u({ a: 1 })}.c2lnbmF0dXJl`;
    expect(jwt.detect(input(fake))).toEqual([]);
    expect(jwt.detect(input("eyJhbGciOiJIUzI1NiJ9 alone"))).toEqual([]);
  });

  it("ignores eyJ glued inside another token (the provider table owns those)", () => {
    const t = makeJwt({ alg: "HS256" }, { a: 1 });
    expect(jwt.detect(input(`ops_${t}`))).toEqual([]);
  });

  it("finds random JWTs (property)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("HS256", "RS256", "ES384", "EdDSA"),
        fc.dictionary(fc.stringMatching(/^[a-z]{1,8}$/), fc.oneof(fc.string(), fc.integer())),
        fc.integer({ min: 16, max: 256 }),
        (alg, payload, sig) => {
          const t = makeJwt({ alg, typ: "JWT" }, payload, sig);
          const d = jwt.detect(input(`token "${t}"`));
          expect(d).toHaveLength(1);
          expect(d[0]!.end - d[0]!.start).toBe(t.length);
        },
      ),
    );
  });
});
