import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  generateRawKeyPair,
  hex,
  unhex,
  verifyConsistency,
  verifyInclusion,
  leafHash,
  utf8,
} from "@tracevault/crypto";
import { AUDIT_MIGRATIONS, AuditLog, verifyAuditLog, verifyCheckpoint } from "../src/audit/log.js";
import { migrate } from "../src/db/sql.js";
import { SqliteSql } from "../src/db/sqlite.js";

const key = generateRawKeyPair("ed25519");
const signer = { origin: "tracevault.test/audit", privateKey: key.privateKey, publicKey: key.publicKey };

async function fresh(n: number) {
  const db = new SqliteSql(join(mkdtempSync(join(tmpdir(), "tv-audit-")), "vault.db"));
  await migrate(db, AUDIT_MIGRATIONS);
  const log = new AuditLog(db, signer);
  for (let i = 0; i < n; i++)
    await log.append({
      action: i % 2 ? "read" : "decrypt",
      actor: `user-${i % 3}`,
      subject: `p-${i}`,
      purpose: "agent-training",
    });
  return { db, log };
}

describe("audit log", () => {
  it("an intact log verifies, with signed checkpoints and proofs an outsider can check", async () => {
    const { db, log } = await fresh(10);
    const cp1 = verifyCheckpoint(await log.checkpoint(), signer.origin, signer.publicKey);
    await log.append({ action: "policy.change", actor: "officer-1", detail: { version: 2 } });
    const cp2 = verifyCheckpoint(await log.checkpoint(), signer.origin, signer.publicKey);
    expect(cp2.size).toBe(11);
    const c = await log.proveConsistency(10);
    expect(verifyConsistency(10, 11, c.proof.map(unhex), cp1.root, cp2.root)).toBe(true);
    const [e3] = await log.entries(3, 1);
    const inc = await log.proveInclusion(3);
    const { canonicalJson } = await import("@tracevault/crypto");
    expect(verifyInclusion(leafHash(utf8(canonicalJson(e3))), 3, 11, inc.proof.map(unhex), cp2.root)).toBe(
      true,
    );
    const v = await verifyAuditLog(db, signer.origin, signer.publicKey);
    expect(v.problems).toEqual([]);
    expect(v.root).toBe(hex(cp2.root));
  });

  it("two vault nodes appending to one log interleave into one verifiable chain", async () => {
    const { db, log: a } = await fresh(3);
    const b = new AuditLog(db, signer);
    for (let i = 0; i < 6; i++)
      await (i % 2 ? a : b).append({ action: "read", actor: `node-${i % 2}`, subject: `p-${i}` });
    expect(await a.size()).toBe(9);
    const entries = await a.entries(0, 9);
    expect(entries.map((e) => e.idx)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    // each entry chains to the root of everything before it, whichever node wrote it
    const v = await verifyAuditLog(db, signer.origin, signer.publicKey);
    expect(v.problems).toEqual([]);
    expect(v.size).toBe(9);
  });

  it("editing one byte of an entry is found and located", async () => {
    const { db, log } = await fresh(8);
    await log.checkpoint();
    const [row] = await db.query<{ entry: string }>("SELECT entry FROM audit_log WHERE idx = 4");
    await db.exec("UPDATE audit_log SET entry = $1 WHERE idx = 4", [row!.entry.replace("user-", "usEr-")]);
    const v = await verifyAuditLog(db, signer.origin, signer.publicKey);
    expect(v.problems.map((p) => p.message)).toContain(
      "entry 4 was edited: its content does not match its leaf hash",
    );
  });

  it("rewriting an entry together with its leaf hash is still found (next entry and checkpoint disagree)", async () => {
    const { db, log } = await fresh(8);
    await log.checkpoint();
    const [row] = await db.query<{ entry: string }>("SELECT entry FROM audit_log WHERE idx = 2");
    const forged = row!.entry.replace("user-2", "user-0");
    await db.exec("UPDATE audit_log SET entry = $1, leaf = $2 WHERE idx = 2", [
      forged,
      hex(leafHash(utf8(forged))),
    ]);
    const msgs = (await verifyAuditLog(db, signer.origin, signer.publicKey)).problems.map((p) => p.message);
    expect(msgs).toContain(
      "entry 3 does not follow the log before it (an earlier entry was changed, removed or reordered)",
    );
    expect(msgs.some((m) => m.includes("do not match signed checkpoint 8"))).toBe(true);
  });

  it("deleting an entry, or the last entries, is found", async () => {
    const { db, log } = await fresh(8);
    await log.checkpoint();
    await db.exec("DELETE FROM audit_log WHERE idx = 5");
    let msgs = (await verifyAuditLog(db, signer.origin, signer.publicKey)).problems.map((p) => p.message);
    expect(msgs).toContain("entry 5 is missing (next stored entry is 6)");
    const b = await fresh(8);
    await b.log.checkpoint();
    await b.db.exec("DELETE FROM audit_log WHERE idx = 7");
    msgs = (await verifyAuditLog(b.db, signer.origin, signer.publicKey)).problems.map((p) => p.message);
    expect(msgs.some((m) => m.includes("entries were deleted"))).toBe(true);
  });

  it("swapping two entries is found", async () => {
    const { db } = await fresh(6);
    const rows = await db.query<{ idx: number; entry: string; leaf: string }>(
      "SELECT * FROM audit_log WHERE idx IN (1, 2) ORDER BY idx",
    );
    await db.tx(async (q) => {
      await q.exec("UPDATE audit_log SET entry = $1, leaf = $2 WHERE idx = 1", [
        rows[1]!.entry,
        rows[1]!.leaf,
      ]);
      await q.exec("UPDATE audit_log SET entry = $1, leaf = $2 WHERE idx = 2", [
        rows[0]!.entry,
        rows[0]!.leaf,
      ]);
    });
    const msgs = (await verifyAuditLog(db, signer.origin, signer.publicKey)).problems.map((p) => p.message);
    expect(msgs).toContain("entry 1 claims to be entry 2 (moved)");
  });

  it("a checkpoint signed by another key is rejected", async () => {
    const { log } = await fresh(2);
    const other = generateRawKeyPair("ed25519");
    expect(() => verifyCheckpoint(log ? "x" : "", signer.origin, other.publicKey)).toThrow();
    const note = await log.checkpoint();
    expect(() => verifyCheckpoint(note, signer.origin, other.publicKey)).toThrow(/another key/);
  });
});
