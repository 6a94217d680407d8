/** Which received gzip bytes may be stored as they came: exactly one plain member holding the checked text. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gunzipSync, gzipSync } from "node:zlib";
import { gunzipPayload, storedPayloadText } from "../src/ingest/gzip.js";

const MAX = 1 << 20;

describe("gunzipPayload", () => {
  it("property: a recorder's gzip is kept (decompressing to exactly the text); the header's free bytes cleared", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), fc.integer({ min: 1, max: 9 }), (data, level) => {
        const gz = gzipSync(data, { level });
        const { raw, member } = gunzipPayload(gz, MAX);
        expect(Buffer.compare(raw, Buffer.from(data))).toBe(0);
        expect(member).toBeDefined();
        expect(Buffer.compare(gunzipSync(member!), Buffer.from(data))).toBe(0);
        expect([...member!.subarray(4, 10)]).toEqual([0, 0, 0, 0, 0, 255]);
      }),
    );
  });

  it("property: anything more than one plain member is never kept as received", () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 500 }),
        fc.constantFrom("trailing", "second member", "name", "comment", "extra", "header crc"),
        fc.uint8Array({ minLength: 1, maxLength: 20 }),
        (data, how, junk) => {
          const gz = gzipSync(data);
          let bytes: Buffer;
          if (how === "trailing") bytes = Buffer.concat([gz, Buffer.from(junk)]);
          else if (how === "second member") bytes = Buffer.concat([gz, gzipSync(junk)]);
          else {
            bytes = Buffer.from(gz);
            bytes[3] = { name: 8, comment: 16, extra: 4, "header crc": 2 }[how]!;
          }
          let out: { raw: Buffer; member?: Buffer } | undefined;
          try {
            out = gunzipPayload(bytes, MAX);
          } catch {
            return; // refused outright: fine
          }
          expect(out.member).toBeUndefined();
        },
      ),
    );
  });

  it("a corrupted member (CRC) is refused, not stored", () => {
    const gz = gzipSync(Buffer.from('{"v":1,"events":[],"frames":[]}'));
    gz[gz.length - 8] ^= 1;
    expect(() => gunzipPayload(gz, MAX)).toThrow();
  });

  it("storedPayloadText reads both forms at rest", () => {
    const text = '{"v":1,"events":[],"frames":[]}';
    expect(storedPayloadText(gzipSync(text))).toBe(text);
    expect(storedPayloadText(Buffer.from(text))).toBe(text);
  });
});
