/** The vault stores only what was recorded under a lease: the product default. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { grantTestLease } from "./fleet-helpers.js";
import { fleetOf } from "../src/fleet/index.js";
import { LEASE_CONTEXT } from "../src/fleet/protocol.js";
import { generateRawKeyPair, Ed25519Signer } from "@tracevault/crypto";
import { leaseProofFor, startTestVault, typedEvents, type TestDevice, type TestVault } from "./helpers.js";

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
  await t.vault.close();
});

const stored = async () => (await t.vault.db.query("SELECT batch_id FROM batches")).length;
const post = (b: { bytes: Uint8Array; headers: Record<string, string> }) =>
  t.app.inject({ method: "POST", url: "/api/v1/batches", headers: b.headers, payload: Buffer.from(b.bytes) });

describe("ingest requires a recording lease", () => {
  it("refuses a batch recorded without a lease (403 no_lease), stores nothing, then accepts it under a lease", async () => {
    const b = dev.batch(typedEvents("no lease here"), { unleased: true });
    const refused = await post(b);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: "no_lease" });
    expect(refused.json().error).toMatch(/no recording lease/);
    expect(await stored()).toBe(0);

    grantTestLease(t, dev.id, "alice");
    const fresh = dev.batch(typedEvents("under a lease"), { unleased: true });
    expect((await post(fresh)).statusCode).toBe(201);
    expect(await stored()).toBe(1);
  });

  it("a device without a lease is not covered by another device's lease", async () => {
    const r = await post(other.batch(typedEvents("someone else's lease"), { unleased: true }));
    expect(r.statusCode).toBe(403);
    expect(r.json()).toMatchObject({ code: "no_lease" });
    expect(await stored()).toBe(1);
  });

  it("a signed lease in the header stands in for a grant the vault has no record of — only a real one", async () => {
    const before = await stored();
    const now = new Date();
    // Signed with the vault's key for this device: accepted though no grant row exists.
    const ok = await post(
      other.batch(typedEvents("carried proof"), {
        leaseProof: leaseProofFor(t.vault, other.id, "bob", t.manifestHash, now),
      }),
    );
    expect(ok.statusCode).toBe(201);
    // Signed by some other key, for another device, or for another manifest: refused, nothing stored.
    const k = generateRawKeyPair("ed25519");
    const genuine = leaseProofFor(t.vault, other.id, "bob", t.manifestHash, now);
    const foreign = {
      lease: genuine.lease,
      sig: new Ed25519Signer(k.privateKey, k.publicKey).sign(LEASE_CONTEXT, genuine.lease),
    };
    const forDev = leaseProofFor(t.vault, dev.id, "alice", t.manifestHash, now);
    const otherManifest = leaseProofFor(t.vault, other.id, "bob", "e".repeat(64), now);
    for (const [what, proof] of [
      ["another key", foreign],
      ["another device", forDev],
      ["another manifest", otherManifest],
    ] as const) {
      const r = await post(other.batch(typedEvents(`proof from ${what}`), { leaseProof: proof }));
      expect(r.statusCode, what).toBe(403);
      expect(r.json().code, what).toBe("no_lease");
    }
    expect(await stored()).toBe(before + 1);
  });

  it("a lease that ended early (a pause acknowledged under it) proves nothing after its end", async () => {
    const dave = await t.enrollDevice("dave");
    const issued = Date.now() - 5 * 60_000;
    const proof = leaseProofFor(t.vault, dave.id, "dave", t.manifestHash, new Date(issued));
    const book = fleetOf(t.vault).leases;
    const row = {
      leaseId: proof.lease.leaseId,
      deviceId: dave.id,
      person: "dave",
      manifestHash: t.manifestHash,
      manifestVersion: 1,
      ttlMs: proof.lease.ttlMs,
      node: "test",
      issuedAt: issued,
      renewedAt: issued,
      validUntil: issued + proof.lease.ttlMs,
    };
    book.issued(row);
    book.ended(row, issued + 1000, "pause");
    await book.flush();
    const at = (ms: number) => new Date(issued + ms).toISOString();
    const during = await post(
      dave.batch(typedEvents("before the pause"), { leaseProof: proof, createdAt: at(500) }),
    );
    expect(during.statusCode).toBe(201);
    // 1 s + the 120 s grace after the end, but within the 60 s lease + grace as signed: the end decides.
    const after = await post(
      dave.batch(typedEvents("after the pause"), { leaseProof: proof, createdAt: at(150_000) }),
    );
    expect(after.statusCode).toBe(403);
    expect(after.json().code).toBe("no_lease");
  });
});
