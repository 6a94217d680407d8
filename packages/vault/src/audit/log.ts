import { createHash } from "node:crypto";
import {
  MerkleFrontier,
  canonicalJson,
  consistencyProof,
  hex,
  inclusionProof,
  leafHash,
  rootOf,
  signBytes,
  unhex,
  utf8,
  verifyBytes,
} from "@tracevault/crypto";
import { z } from "zod";
import type { Sql } from "../db/sql.js";

/**
 * The tamper-evident audit log. Every decrypt, read, export, policy change, key operation, enrollment and pause
 * is one leaf of an append-only RFC 6962 Merkle tree. Each entry also names the tree root before it, so an
 * edited entry is located exactly (the next entry's `prevRoot` no longer matches); signed checkpoints let an
 * outside witness hold the vault to its history. People are named by keyed pseudonyms, never by name, so
 * erasing a person leaves the log verifiable.
 */
export const AuditAction = z.enum([
  "decrypt",
  "read",
  "export",
  "ingest",
  "policy.change",
  "key.create",
  "key.rotate",
  "key.destroy",
  "enroll",
  "device.revoke",
  "pause",
  "resume",
  "login",
  "dataset.propose",
  "dataset.approve",
  "request",
  "erasure",
  "breakglass",
  "incident",
  "manifest.publish",
  "consent",
]);
export type AuditAction = z.infer<typeof AuditAction>;

export interface AuditEvent {
  action: AuditAction;
  /** Who acted: a user id, a device id or `system`. */
  actor: string;
  /** Pseudonym of the person whose data was touched, when there is one. */
  subject?: string;
  purpose?: string;
  /** Non-content facts: ids, counts, decisions. Never recorded content. */
  detail?: Record<string, string | number | boolean | null>;
}

export interface AuditEntry extends AuditEvent {
  idx: number;
  ts: string;
  prevRoot: string;
}

export const AUDIT_MIGRATIONS = [
  {
    id: "audit-1",
    sql: `CREATE TABLE audit_log (idx BIGINT PRIMARY KEY, entry TEXT NOT NULL, leaf TEXT NOT NULL);
CREATE TABLE audit_checkpoints (size BIGINT PRIMARY KEY, root TEXT NOT NULL, note TEXT NOT NULL, ts TEXT NOT NULL)`,
  },
];

/** Signer for checkpoints: the vault's Ed25519 key and the log's origin name. */
export interface CheckpointSigner {
  origin: string;
  privateKey: Uint8Array;
  publicKey: Uint8Array;
}

/** C2SP signed-note key hash: first 4 bytes of SHA-256(name || 0x0A || 0x01 || public key). */
function noteKeyHash(origin: string, publicKey: Uint8Array): Uint8Array {
  return new Uint8Array(
    createHash("sha256").update(utf8(origin)).update(Uint8Array.of(0x0a, 0x01)).update(publicKey).digest(),
  ).subarray(0, 4);
}

/** A checkpoint in the C2SP tlog-checkpoint form, signed as a C2SP signed note. */
export function formatCheckpoint(signer: CheckpointSigner, size: number, root: Uint8Array): string {
  const body = `${signer.origin}\n${size}\n${Buffer.from(root).toString("base64")}\n`;
  const sig = signBytes(utf8(body), signer.privateKey);
  const blob = Buffer.concat([noteKeyHash(signer.origin, signer.publicKey), sig]).toString("base64");
  return `${body}\n\u2014 ${signer.origin} ${blob}\n`;
}

/** Parse and verify a signed checkpoint note; returns its size and root, or throws saying what is wrong. */
export function verifyCheckpoint(
  note: string,
  origin: string,
  publicKey: Uint8Array,
): { size: number; root: Uint8Array } {
  const split = note.indexOf("\n\n");
  if (split < 0) throw new Error("checkpoint has no signature block");
  const body = note.slice(0, split + 1);
  const lines = body.split("\n");
  if (lines[0] !== origin) throw new Error(`checkpoint is for origin '${lines[0]}', expected '${origin}'`);
  const size = Number(lines[1]);
  const root = new Uint8Array(Buffer.from(lines[2] ?? "", "base64"));
  if (!Number.isInteger(size) || size < 0 || root.length !== 32)
    throw new Error("checkpoint body is malformed");
  const sigLine = note
    .slice(split + 2)
    .split("\n")
    .find((l) => l.startsWith(`\u2014 ${origin} `));
  if (!sigLine) throw new Error("checkpoint is not signed by this log");
  const blob = Buffer.from(sigLine.slice(`\u2014 ${origin} `.length), "base64");
  const kh = noteKeyHash(origin, publicKey);
  if (blob.length !== 68 || !blob.subarray(0, 4).equals(Buffer.from(kh)))
    throw new Error("checkpoint signature names another key");
  if (!verifyBytes(utf8(body), new Uint8Array(blob.subarray(4)), publicKey))
    throw new Error("checkpoint signature does not verify");
  return { size, root };
}

/** Entries in the log: indices are dense from 0 (verification proves it), so MAX(idx) + 1. */
async function sizeOf(q: Sql): Promise<number> {
  const [r] = await q.query<{ n: number | string | null }>("SELECT MAX(idx) AS n FROM audit_log");
  return r?.n === null || r?.n === undefined ? 0 : Number(r.n) + 1;
}

export class AuditLog {
  private leaves: Uint8Array[] | undefined;
  private frontier = new MerkleFrontier();

  constructor(
    private readonly db: Sql,
    private readonly signer: CheckpointSigner,
  ) {}

  private async loadLeaves(q: Sql): Promise<Uint8Array[]> {
    if (!this.leaves) {
      const rows = await q.query<{ leaf: string }>("SELECT leaf FROM audit_log ORDER BY idx");
      this.leaves = rows.map((r) => unhex(r.leaf));
      this.frontier = new MerkleFrontier();
      for (const l of this.leaves) this.frontier.append(l);
    }
    return this.leaves;
  }

  /**
   * Append one event. Use inside the caller's transaction (pass its `q`) so the audit entry and the action it
   * records commit together or not at all.
   */
  async append(event: AuditEvent, q: Sql = this.db): Promise<AuditEntry> {
    const parsed = AuditAction.parse(event.action);
    return q
      .tx(async (t) => {
        if (t.dialect === "postgres") await t.exec("LOCK TABLE audit_log IN EXCLUSIVE MODE");
        // Re-read the size inside the transaction: another process may have appended since we cached. Indices
        // are dense from 0, so the size is MAX(idx) + 1 — a primary-key lookup, where COUNT(*) would scan a
        // log that only grows.
        const n = await sizeOf(t);
        const leaves = await this.loadLeaves(t);
        if (leaves.length < n) {
          // only the entries appended elsewhere since we cached
          const more = await t.query<{ leaf: string }>(
            "SELECT leaf FROM audit_log WHERE idx >= $1 ORDER BY idx",
            [leaves.length],
          );
          for (const r of more) {
            const l = unhex(r.leaf);
            leaves.push(l);
            this.frontier.append(l);
          }
        }
        if (leaves.length !== n) {
          this.leaves = undefined;
          await this.loadLeaves(t);
        }
        const all = this.leaves!;
        const entry: AuditEntry = {
          ...event,
          action: parsed,
          idx: all.length,
          ts: new Date().toISOString(),
          prevRoot: hex(this.frontier.root()),
        };
        const text = canonicalJson(entry);
        const leaf = leafHash(utf8(text));
        await t.exec("INSERT INTO audit_log (idx, entry, leaf) VALUES ($1, $2, $3)", [
          entry.idx,
          text,
          hex(leaf),
        ]);
        all.push(leaf);
        this.frontier.append(leaf);
        return entry;
      })
      .catch((e) => {
        this.leaves = undefined; // the transaction rolled back: our cache may hold a leaf that was never stored
        throw e;
      });
  }

  async size(): Promise<number> {
    return sizeOf(this.db);
  }

  /** Sign and store the current head; returns the note an external witness can keep. */
  async checkpoint(): Promise<string> {
    return this.db.tx(async (t) => {
      this.leaves = undefined;
      const leaves = await this.loadLeaves(t);
      const root = rootOf(leaves);
      const note = formatCheckpoint(this.signer, leaves.length, root);
      const existing = await t.query("SELECT size FROM audit_checkpoints WHERE size = $1", [leaves.length]);
      if (existing.length === 0)
        await t.exec("INSERT INTO audit_checkpoints (size, root, note, ts) VALUES ($1, $2, $3, $4)", [
          leaves.length,
          hex(root),
          note,
          new Date().toISOString(),
        ]);
      return note;
    });
  }

  async entries(from = 0, limit = 1000): Promise<AuditEntry[]> {
    const rows = await this.db.query<{ entry: string }>(
      "SELECT entry FROM audit_log WHERE idx >= $1 ORDER BY idx LIMIT $2",
      [from, limit],
    );
    return rows.map((r) => JSON.parse(r.entry) as AuditEntry);
  }

  async proveInclusion(idx: number): Promise<{ size: number; proof: string[] }> {
    this.leaves = undefined;
    const leaves = await this.loadLeaves(this.db);
    return { size: leaves.length, proof: inclusionProof(leaves, idx).map(hex) };
  }

  async proveConsistency(oldSize: number): Promise<{ size: number; proof: string[] }> {
    this.leaves = undefined;
    const leaves = await this.loadLeaves(this.db);
    return { size: leaves.length, proof: consistencyProof(leaves, oldSize).map(hex) };
  }
}

export interface VerifyProblem {
  idx?: number;
  message: string;
}

/**
 * Check the whole log: every entry's content hashes to its stored leaf, entries are numbered 0..n-1 in order,
 * each entry's prevRoot is the root of the entries before it, and every stored checkpoint is validly signed
 * and matches the tree at its size. Returns the problems found (empty when the log is intact).
 */
export async function verifyAuditLog(
  db: Sql,
  origin: string,
  publicKey: Uint8Array,
): Promise<{ size: number; root: string; problems: VerifyProblem[] }> {
  const problems: VerifyProblem[] = [];
  const rows = await db.query<{ idx: number; entry: string; leaf: string }>(
    "SELECT idx, entry, leaf FROM audit_log ORDER BY idx",
  );
  const frontier = new MerkleFrontier();
  const rootsBySize = new Map<number, string>([[0, hex(rootOf([]))]]);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    const idx = Number(r.idx);
    if (idx !== i) problems.push({ idx: i, message: `entry ${i} is missing (next stored entry is ${idx})` });
    const computed = leafHash(utf8(r.entry));
    if (hex(computed) !== r.leaf)
      problems.push({ idx, message: `entry ${idx} was edited: its content does not match its leaf hash` });
    let entry: AuditEntry | undefined;
    try {
      entry = JSON.parse(r.entry) as AuditEntry;
    } catch {
      problems.push({ idx, message: `entry ${idx} is not valid JSON` });
    }
    if (entry && entry.idx !== idx)
      problems.push({ idx, message: `entry ${idx} claims to be entry ${entry.idx} (moved)` });
    if (entry && entry.prevRoot !== rootsBySize.get(i))
      problems.push({
        idx,
        message: `entry ${idx} does not follow the log before it (an earlier entry was changed, removed or reordered)`,
      });
    frontier.append(unhex(r.leaf));
    rootsBySize.set(i + 1, hex(frontier.root()));
  }
  const cps = await db.query<{ size: number; root: string; note: string }>(
    "SELECT size, root, note FROM audit_checkpoints ORDER BY size",
  );
  for (const cp of cps) {
    const size = Number(cp.size);
    try {
      const v = verifyCheckpoint(cp.note, origin, publicKey);
      if (v.size !== size || hex(v.root) !== cp.root)
        problems.push({ message: `checkpoint ${size} was altered` });
      else if (size > rows.length)
        problems.push({
          message: `the log has ${rows.length} entries but checkpoint ${size} was signed: entries were deleted`,
        });
      else if (rootsBySize.get(size) !== cp.root)
        problems.push({ message: `the log's first ${size} entries do not match signed checkpoint ${size}` });
    } catch (e) {
      problems.push({ message: `checkpoint ${size}: ${(e as Error).message}` });
    }
  }
  return { size: rows.length, root: rootsBySize.get(rows.length)!, problems };
}
