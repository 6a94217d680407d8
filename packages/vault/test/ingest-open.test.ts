import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  batchDigest,
  generateVaultKeys,
  openBatch,
  parseBatch,
  sealBatch,
  signUpload,
  verifySignature,
  verifyUpload,
  generateRawKeyPair,
} from "@tracevault/crypto";
import { BatchOpener, BatchOpenError, openerFor } from "../src/ingest/open.js";

const keys = generateVaultKeys();
const header = () => ({
  v: 1 as const,
  deviceId: "dev-12345678",
  batchId: randomUUID(),
  seq: 0,
  manifestHash: "a".repeat(64),
  createdAt: new Date().toISOString(),
  channels: ["keyboard" as const],
  vaultKid: keys.seal.kid,
});

describe("BatchOpener (openBatch with the vault key imported once)", () => {
  it("property: opens what sealBatch sealed, to the same bytes openBatch gives", () => {
    const opener = new BatchOpener(keys.seal.privateKey);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), (payload) => {
        const bytes = sealBatch(header(), payload, keys.seal.publicKey);
        const mine = opener.open(parseBatch(bytes));
        expect(new Uint8Array(mine)).toEqual(openBatch(bytes, keys.seal.privateKey).payload);
        expect(new Uint8Array(mine)).toEqual(payload);
      }),
      { numRuns: 200 },
    );
  });

  it("property: any flipped bit after the header, in the key or the ciphertext, is refused (as openBatch refuses it)", () => {
    const opener = openerFor(keys.seal.privateKey);
    const bytes = sealBatch(
      header(),
      new TextEncoder().encode("some payload bytes".repeat(10)),
      keys.seal.publicKey,
    );
    const start = parseBatch(bytes).headerBytes.length + 8;
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: 0, max: 7 }), (at, bit) => {
        const b = Buffer.from(bytes);
        b[start + (at % (b.length - start))]! ^= 1 << bit;
        expect(() => opener.open(parseBatch(b))).toThrow(BatchOpenError);
        expect(() => openBatch(b, keys.seal.privateKey)).toThrow();
      }),
      { numRuns: 200 },
    );
  });

  it("refuses a batch sealed to another vault, an all-zero (small-order) ephemeral key, and a truncated one", () => {
    const other = generateVaultKeys();
    const opener = openerFor(keys.seal.privateKey);
    expect(openerFor(keys.seal.privateKey)).toBe(opener);
    const bytes = sealBatch(header(), Uint8Array.of(1, 2, 3), other.seal.publicKey);
    expect(() => opener.open(parseBatch(bytes))).toThrow(/does not open/);
    const p = parseBatch(sealBatch(header(), Uint8Array.of(1), keys.seal.publicKey));
    expect(() => opener.open({ ...p, enc: new Uint8Array(32) })).toThrow(/invalid ephemeral key/);
    expect(() => opener.open({ ...p, ciphertext: p.ciphertext.subarray(0, 15) })).toThrow(/truncated/);
  });

  it("the upload check ingest uses (cached key) agrees with verifyUpload", () => {
    const dev = generateRawKeyPair("ed25519");
    const stranger = generateRawKeyPair("ed25519");
    const bytes = sealBatch(header(), Uint8Array.of(9), keys.seal.publicKey);
    const digest = batchDigest(bytes);
    const good = signUpload(bytes, dev.privateKey, dev.publicKey);
    const forged = signUpload(bytes, stranger.privateKey, stranger.publicKey);
    for (const [sig, pub, want] of [
      [good, dev.publicKey, true],
      [forged, dev.publicKey, false],
      [{ ...good, sig: forged.sig }, dev.publicKey, false],
    ] as const) {
      expect(verifyUpload(bytes, sig, pub)).toBe(want);
      expect(verifySignature("tracevault/upload/v1", { digest }, sig, pub)).toBe(want);
    }
  });
});
