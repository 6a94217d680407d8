import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { generateRawKeyPair, keyId, sealBatch, signUpload } from "@tracevault/crypto";
import { readStoredBatch } from "../src/ingest.js";
import { verifyAuditLog } from "../src/audit/log.js";
import { Vault } from "../src/vault.js";
import { leaseProofFor, PASSWORD, testManifest, typedEvents } from "./helpers.js";

const BIN = fileURLToPath(new URL("../../cli/bin/tracevault.js", import.meta.url));

async function startServer(
  dir: string,
  fresh = false,
): Promise<{ proc: ChildProcess; url: string; setupToken?: string }> {
  const proc = spawn(process.execPath, [BIN, "vault", "--data", dir, "--port", "0", "--quiet"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`vault did not start: ${out}`)), 30_000);
    proc.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      const url = /listening on (http:\/\/\S+)/.exec(out)?.[1];
      const token = /"token":"([^"]+)"/.exec(out)?.[1];
      if (url && (!fresh || token)) {
        clearTimeout(timer);
        resolve({ proc, url, setupToken: token });
      }
    });
    proc.once("exit", (c) => reject(new Error(`vault exited ${c}: ${out}`)));
  });
}

async function json(url: string, init: RequestInit & { body?: string } = {}) {
  const r = await fetch(url, {
    ...init,
    headers: { "content-type": "application/json", ...(init.headers ?? {}) },
  });
  return { status: r.status, body: await r.json() };
}

describe("kill -9 during ingest", () => {
  it("every acknowledged batch is there exactly once after restart, and nothing is half-stored", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tv-crash-"));
    let s = await startServer(dir, true);
    await json(`${s.url}/api/v1/auth/setup`, {
      method: "POST",
      body: JSON.stringify({ token: s.setupToken, username: "admin", password: PASSWORD }),
    });
    const token = (
      await json(`${s.url}/api/v1/auth/login`, {
        method: "POST",
        body: JSON.stringify({ username: "admin", password: PASSWORD }),
      })
    ).body.token;
    const admin = { authorization: `Bearer ${token}`, "x-tracevault-purpose": "operations" };
    const man = await json(`${s.url}/api/v1/manifests`, {
      method: "POST",
      headers: admin,
      body: JSON.stringify(testManifest()),
    });
    const enr = await json(`${s.url}/api/v1/enrollments`, {
      method: "POST",
      headers: admin,
      body: JSON.stringify({ person: "alice" }),
    });
    const k = generateRawKeyPair("ed25519");
    const dev = await json(`${s.url}/api/v1/devices/enroll`, {
      method: "POST",
      body: JSON.stringify({
        token: enr.body.token,
        publicKey: Buffer.from(k.publicKey).toString("base64url"),
      }),
    });
    if (!dev.body.vault)
      throw new Error(
        `enrollment failed: ${JSON.stringify(dev.body)} ${JSON.stringify(enr.body)} ${JSON.stringify(man.body).slice(0, 300)}`,
      );
    const sealPub = new Uint8Array(Buffer.from(dev.body.vault.seal.pub, "base64url"));
    // The batches were recorded under a lease the vault granted (it refuses others); signed with its key here.
    const keyed = await Vault.open({ dataDir: dir });
    const leaseProof = leaseProofFor(keyed, dev.body.deviceId, "alice", man.body.hash, new Date(), 600_000);
    await keyed.close();
    const batches = Array.from({ length: 40 }, (_, i) => {
      const header = {
        v: 1 as const,
        deviceId: dev.body.deviceId,
        batchId: randomUUID(),
        seq: i,
        manifestHash: man.body.hash,
        createdAt: new Date().toISOString(),
        channels: ["keyboard" as const],
        vaultKid: keyId("x25519", sealPub),
        leaseId: leaseProof.lease.leaseId,
        leaseProof,
      };
      const bytes = sealBatch(
        header,
        gzipSync(JSON.stringify({ v: 1, events: typedEvents(`batch number ${i} `.repeat(20)), frames: [] })),
        sealPub,
      );
      const sig = Buffer.from(JSON.stringify(signUpload(bytes, k.privateKey, k.publicKey))).toString(
        "base64url",
      );
      return { id: header.batchId, bytes, sig };
    });
    const upload = (url: string, b: (typeof batches)[number]) =>
      fetch(`${url}/api/v1/batches`, {
        method: "POST",
        headers: {
          "content-type": "application/octet-stream",
          "x-tracevault-device": dev.body.deviceId,
          "x-tracevault-signature": b.sig,
        },
        body: b.bytes,
      });

    // Upload concurrently and kill the vault mid-stream.
    const acked = new Set<string>();
    const inflight = batches.map(async (b, i) => {
      await new Promise((r) => setTimeout(r, i * 40));
      try {
        const r = await upload(s.url, b);
        if (r.status === 201 || r.status === 200) acked.add(b.id);
      } catch {
        /* connection died with the server: not acknowledged */
      }
    });
    // Kill once some uploads were acknowledged and others are still in flight.
    for (let i = 0; i < 600 && acked.size < 5; i++) await new Promise((r) => setTimeout(r, 25));
    s.proc.kill("SIGKILL");
    await Promise.all(inflight);
    expect(acked.size).toBeGreaterThan(0);
    expect(acked.size).toBeLessThan(batches.length);

    // Restart; the recorder retries everything it still holds.
    s = await startServer(dir);
    for (const b of batches) {
      const r = await upload(s.url, b);
      expect([200, 201]).toContain(r.status);
      if (acked.has(b.id)) expect((await r.json()).duplicate, `acknowledged ${b.id} was lost`).toBe(true);
    }
    s.proc.kill("SIGTERM");
    await new Promise((r) => s.proc.once("exit", r));

    const vault = await Vault.open({ dataDir: dir });
    const rows = await vault.db.query<{ batch_id: string }>("SELECT batch_id FROM batches");
    expect(rows.length).toBe(batches.length);
    expect(new Set(rows.map((r) => r.batch_id)).size).toBe(batches.length);
    for (const r of rows)
      expect((await readStoredBatch(vault, r.batch_id))?.payload.events.length).toBeGreaterThan(0);
    expect((await verifyAuditLog(vault.db, vault.origin, vault.keys.sign.publicKey)).problems).toEqual([]);
    await vault.close();
  }, 120_000);
});
