import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { generateRawKeyPair, signUpload } from "@tracevault/crypto";
import { startTestVault, typedEvents, type TestDevice, type TestVault } from "./helpers.js";

let t: TestVault;
let dev: TestDevice;
let other: TestDevice;
beforeAll(async () => {
  t = await startTestVault();
  dev = await t.enrollDevice("alice");
  other = await t.enrollDevice("bob");
});
afterAll(async () => {
  await t.app.close();
});

const count = async () => (await t.vault.db.query("SELECT batch_id FROM batches")).length;
const post = (bytes: Uint8Array, headers: Record<string, string>) =>
  t.app.inject({ method: "POST", url: "/api/v1/batches", headers, payload: Buffer.from(bytes) });

describe("ingest under hostile input", () => {
  it("property: truncated, bit-flipped or padded batches get a clear 4xx and nothing is stored", async () => {
    const base = dev.batch(typedEvents("fuzz me"));
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.record({ kind: fc.constant("truncate"), at: fc.nat() }),
          fc.record({ kind: fc.constant("flip"), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
          fc.record({ kind: fc.constant("pad"), junk: fc.uint8Array({ minLength: 1, maxLength: 64 }) }),
        ),
        async (m) => {
          const b = Buffer.from(base.bytes);
          let bytes: Buffer;
          if (m.kind === "truncate") bytes = b.subarray(0, m.at % b.length);
          else if (m.kind === "flip") {
            bytes = Buffer.from(b);
            bytes[m.at % b.length]! ^= 1 << m.bit;
          } else bytes = Buffer.concat([b, Buffer.from(m.junk)]);
          const before = await count();
          // Signed correctly by the device, so every check past the signature is exercised too.
          const sig = signUpload(bytes, dev.privateKey, dev.publicKey);
          const r = await post(bytes, {
            ...base.headers,
            "x-tracevault-signature": Buffer.from(JSON.stringify(sig)).toString("base64url"),
          });
          expect(r.statusCode).toBeGreaterThanOrEqual(400);
          expect(r.statusCode).toBeLessThan(500);
          expect(typeof r.json().error).toBe("string");
          expect(await count()).toBe(before);
        },
      ),
      { numRuns: 60 },
    );
    expect((await t.app.inject({ method: "GET", url: "/api/v1/health" })).statusCode).toBe(200);
  });

  it("replays are stored once; a different batch reusing an id is refused", async () => {
    const b = dev.batch(typedEvents("replay"));
    expect((await post(b.bytes, b.headers)).statusCode).toBe(201);
    for (let i = 0; i < 3; i++) expect((await post(b.bytes, b.headers)).json().duplicate).toBe(true);
    const clash = dev.batch(typedEvents("different"), { batchId: b.batchId });
    const r = await post(clash.bytes, clash.headers);
    expect(r.statusCode).toBe(409);
  });

  it("a batch re-signed by another device, or naming another device, or an unknown manifest is refused", async () => {
    const b = dev.batch(typedEvents("x"));
    const sig = signUpload(b.bytes, other.privateKey, other.publicKey);
    const resigned = await post(b.bytes, {
      ...b.headers,
      "x-tracevault-device": other.id,
      "x-tracevault-signature": Buffer.from(JSON.stringify(sig)).toString("base64url"),
    });
    expect(resigned.statusCode).toBe(403);
    expect(resigned.json().code).toBe("wrong_device");
    const stranger = generateRawKeyPair("ed25519");
    const forged = await post(b.bytes, {
      ...b.headers,
      "x-tracevault-signature": Buffer.from(
        JSON.stringify(signUpload(b.bytes, stranger.privateKey, stranger.publicKey)),
      ).toString("base64url"),
    });
    expect(forged.statusCode).toBe(401);
    const unknown = dev.batch(typedEvents("x"), { manifestHash: "0".repeat(64) });
    expect((await post(unknown.bytes, unknown.headers)).json().code).toBe("unknown_manifest");
    const ghost = await post(b.bytes, { ...b.headers, "x-tracevault-device": `dev-${randomUUID()}` });
    expect(ghost.statusCode).toBe(403);
  });

  it("a revoked device can upload no more", async () => {
    const d = await t.enrollDevice("carol");
    const admin = { authorization: `Bearer ${t.tokens.fleet_admin}`, "x-tracevault-purpose": "operations" };
    expect(
      (await t.app.inject({ method: "POST", url: `/api/v1/devices/${d.id}/revoke`, headers: admin }))
        .statusCode,
    ).toBe(200);
    const b = d.batch(typedEvents("x"));
    const r = await post(b.bytes, b.headers);
    expect(r.statusCode).toBe(403);
    expect(r.json().code).toBe("revoked");
  });

  it("an oversized upload is refused before it is read whole", async () => {
    const r = await t.app.inject({
      method: "POST",
      url: "/api/v1/batches",
      headers: dev.batch([]).headers,
      payload: Buffer.alloc(65 * 1024 * 1024),
    });
    expect(r.statusCode).toBe(413);
  });
});
