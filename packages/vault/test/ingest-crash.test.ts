import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { generateRawKeyPair, keyId, sealBatch, signUpload } from "@tracevault/crypto";
import { openDefaultBlobStore } from "../src/blobs/files.js";
import { verifyAuditLog } from "../src/audit/log.js";
import { SqliteSql } from "../src/db/sqlite.js";
import { Devices } from "../src/devices.js";
import { ingestBatch, readStoredBatch } from "../src/ingest.js";
import { Vault } from "../src/vault.js";
import { leaseProofFor, testManifest, typedEvents } from "./helpers.js";

const CHILD = fileURLToPath(new URL("./ingest-crash-child.mjs", import.meta.url));

async function openInline(dir: string): Promise<Vault> {
  const sql = new SqliteSql(join(dir, "vault.db"));
  return Vault.open({ dataDir: dir, sql, blobs: await openDefaultBlobStore(sql, join(dir, "blobs")) });
}

describe("kill -9 during ingest with blobs inline in SQLite", () => {
  it("every acknowledged batch is there, with its blob, exactly once; no blob without a row or row without a blob", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tv-inline-crash-"));
    let vault = await openInline(dir);
    const manifest = testManifest();
    const { canonicalJson } = await import("@tracevault/crypto");
    const { createHash } = await import("node:crypto");
    const hash = createHash("sha256").update(canonicalJson(manifest)).digest("hex");
    await vault.db.exec(
      "INSERT INTO manifests (hash, id, version, doc, published_at, published_by) VALUES ($1, $2, $3, $4, $5, $6)",
      [hash, manifest.id, manifest.version, JSON.stringify(manifest), new Date().toISOString(), "test"],
    );
    const devices = new Devices(vault.db);
    const tok = await devices.issueToken("alice", "test");
    const k = generateRawKeyPair("ed25519");
    const dev = await vault.db.tx((q) => devices.enroll(tok.token, k.publicKey, q));
    // Recorded under a lease (the vault's default requirement), carried in each header as the recorder does.
    const leaseProof = leaseProofFor(vault, dev.id, "alice", hash, new Date(), 600_000);
    const batches = Array.from({ length: 400 }, (_, i) => {
      const header = {
        v: 1 as const,
        deviceId: dev.id,
        batchId: randomUUID(),
        seq: i,
        manifestHash: hash,
        createdAt: new Date().toISOString(),
        channels: ["keyboard" as const],
        vaultKid: keyId("x25519", vault.keys.seal.publicKey),
        leaseId: leaseProof.lease.leaseId,
        leaseProof,
      };
      const bytes = sealBatch(
        header,
        gzipSync(JSON.stringify({ v: 1, events: typedEvents(`batch number ${i} `.repeat(20)), frames: [] })),
        vault.keys.seal.publicKey,
      );
      return { id: header.batchId, bytes, sig: signUpload(bytes, k.privateKey, k.publicKey) };
    });
    await vault.close();
    const file = join(dir, "batches.json");
    writeFileSync(
      file,
      JSON.stringify(batches.map((b) => ({ sig: b.sig, bytes: Buffer.from(b.bytes).toString("base64") }))),
    );

    const acked = new Set<string>();
    const child = spawn(process.execPath, [CHILD, dir, file, dev.id], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    const exited = new Promise<void>((r) => child.once("exit", () => r()));
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      for (const m of out.matchAll(/^ack (\S+)$/gm)) acked.add(m[1]!);
      // Kill once some batches were acknowledged and most are still to come.
      if (acked.size >= 20 && !child.killed) child.kill("SIGKILL");
    });
    await exited;
    expect(out).not.toContain("done");
    expect(acked.size).toBeGreaterThanOrEqual(20);
    expect(acked.size).toBeLessThan(batches.length);

    vault = await openInline(dir);
    const rows = await vault.db.query<{ batch_id: string; blob_key: string }>(
      "SELECT batch_id, blob_key FROM batches",
    );
    const blobs = await vault.db.query<{ key: string }>("SELECT key FROM inline_blobs");
    expect(new Set(blobs.map((b) => b.key))).toEqual(new Set(rows.map((r) => r.blob_key)));
    const stored = new Set(rows.map((r) => r.batch_id));
    for (const id of acked) expect(stored.has(id), `acknowledged ${id} was lost`).toBe(true);
    for (const r of rows)
      expect((await readStoredBatch(vault, r.batch_id))?.payload.events.length).toBeGreaterThan(0);
    expect((await verifyAuditLog(vault.db, vault.origin, vault.keys.sign.publicKey)).problems).toEqual([]);

    // The device retries everything: what was stored is a duplicate, the rest is stored now, once.
    const d2 = new Devices(vault.db);
    for (const b of batches) {
      const r = await ingestBatch(vault, d2, dev.id, b.sig, b.bytes);
      expect(r.duplicate).toBe(stored.has(b.id));
    }
    expect((await vault.db.query("SELECT batch_id FROM batches")).length).toBe(batches.length);
    expect((await vault.db.query("SELECT key FROM inline_blobs")).length).toBe(batches.length);
    await vault.close();
  }, 120_000);
});
