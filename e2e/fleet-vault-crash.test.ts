/**
 * The vault refuses batches recorded without a lease (its default), and a vault crash must not turn that
 * against honest recorders: lease grants are written behind, so a vault killed (SIGKILL) right after granting
 * one restarts without a record of it. The batches recorded under that grant carry the signed lease in their
 * header and are still accepted; a batch without it, with an altered one, or created outside the lease's
 * lifetime is refused (403 no_lease) and nothing of it is stored. Real vault processes (built dist), the real
 * lease client.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LeaseClient } from "../packages/recorder/src/lease/index.js";
import {
  startTestVault,
  typedEvents,
  type TestDevice,
  type TestVault,
} from "../packages/vault/test/helpers.js";
import { VAULT_BUILT, acknowledgeManifest, startNode, untilLease, type VaultNode } from "./fleet-support.js";

const skip = VAULT_BUILT ? undefined : "vault not built (npx tsc -b packages/vault/tsconfig.json)";
if (skip) console.warn(`[fleet-vault-crash] skipped: ${skip}`);

const TTL = 60_000;
let t: TestVault;
const nodes: VaultNode[] = [];
const clients: LeaseClient[] = [];

async function upload(url: string, b: { bytes: Uint8Array; headers: Record<string, string> }) {
  const r = await fetch(`${url}/api/v1/batches`, { method: "POST", headers: b.headers, body: b.bytes });
  return { status: r.status, body: (await r.json()) as { code?: string; duplicate?: boolean } };
}

const stored = async (batchId: string) =>
  (await t.vault.db.query("SELECT batch_id FROM batches WHERE batch_id = $1", [batchId])).length;

describe.skipIf(!!skip)("a lease granted just before the vault is killed still covers its batches", () => {
  beforeAll(async () => {
    t = await startTestVault({}, mkdtempSync(join(tmpdir(), "tv-fleet-crash-")));
    await acknowledgeManifest(t);
  }, 30_000);

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.stop()));
    for (const n of nodes) await n.stop().catch(() => undefined);
    await t?.app.close();
    await t?.vault.close();
  });

  it("SIGKILL before the grant was written: signed-lease batches get in after the restart, others do not", async () => {
    // A node that would write its grants down only after an hour: the kill below always beats it.
    const first = await startNode({ dataDir: t.dir, nodeId: "crash-1", ttlMs: TTL, flushMs: 3_600_000 });
    nodes.push(first);
    const dev: TestDevice = await t.enrollDevice("alice");
    const c = new LeaseClient({
      vaultUrl: first.url,
      deviceId: dev.id,
      privateKey: dev.privateKey,
      publicKey: dev.publicKey,
      vaultSignKey: t.vault.keys.sign.publicKey,
      manifestHash: t.manifestHash,
      reconnectMinMs: 100,
      reconnectMaxMs: 1000,
      connectTimeoutMs: 1000,
      stopRecording: () => undefined,
    });
    clients.push(c);
    c.start();
    await untilLease(c, (s) => s.canRecord);
    const proof = c.proof();
    expect(proof?.lease.deviceId).toBe(dev.id);

    // What the recorder sealed while it held the lease, and what a misbehaving one might send.
    const honest = dev.batch(typedEvents("typed under the lease"), { leaseProof: proof! });
    const none = dev.batch(typedEvents("typed with no lease"), { unleased: true });
    const stretched = dev.batch(typedEvents("typed under a stretched lease"), {
      leaseProof: { ...proof!, lease: { ...proof!.lease, ttlMs: 3_600_000 } },
    });
    const late = dev.batch(typedEvents("typed long after the lease ended"), {
      leaseProof: proof!,
      createdAt: new Date(Date.parse(proof!.lease.issuedAt) + TTL + 10 * 60_000).toISOString(),
    });

    await first.kill();
    await c.stop();
    // The grant died with the process: the restarted vault has no record of it.
    expect(
      await t.vault.db.query("SELECT lease_id FROM fleet_leases WHERE lease_id = $1", [proof!.lease.leaseId]),
    ).toEqual([]);

    const second = await startNode({ dataDir: t.dir, nodeId: "crash-2", ttlMs: TTL });
    nodes.push(second);
    const ok = await upload(second.url, honest);
    expect(ok.status).toBe(201);
    expect(await stored(honest.batchId)).toBe(1);
    // …once: the recorder's retry after a lost answer is a duplicate
    expect((await upload(second.url, honest)).body.duplicate).toBe(true);

    for (const [what, b] of [
      ["no lease", none],
      ["an altered lease", stretched],
      ["outside the lease's lifetime", late],
    ] as const) {
      const r = await upload(second.url, b);
      expect(r.status, what).toBe(403);
      expect(r.body.code, what).toBe("no_lease");
      expect(await stored(b.batchId), what).toBe(0);
    }
  }, 60_000);
});
