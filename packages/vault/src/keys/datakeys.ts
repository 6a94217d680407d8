import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { canonicalJson } from "@tracevault/crypto";
import type { Sql } from "../db/sql.js";
import type { Kms } from "./kms.js";

/**
 * Envelope encryption: one AES-256 data key per person per month, stored only wrapped by the KMS.
 * Erasure deletes a person's wrapped keys (crypto-shredding): every record encrypted under them becomes
 * unreadable by anyone, including an admin with the whole database. Retention deletes month keys past the
 * manifest's retention the same way.
 */
export const DATAKEY_MIGRATIONS = [
  {
    id: "datakeys-1",
    sql: `CREATE TABLE data_keys (person TEXT NOT NULL, month TEXT NOT NULL, kek_id TEXT NOT NULL, wrapped TEXT NOT NULL, created_at TEXT NOT NULL, PRIMARY KEY (person, month));
CREATE TABLE shredded_keys (person TEXT NOT NULL, month TEXT NOT NULL, shredded_at TEXT NOT NULL, reason TEXT NOT NULL, PRIMARY KEY (person, month))`,
  },
];

/** What is bound to every stored record as associated data: changing any of it makes the record unreadable. */
export interface RecordBinding {
  person: string; // pseudonym
  month: string; // YYYY-MM
  level: number;
  purpose: string;
  recordId: string;
}

/** How long an unwrapped data key stays in memory without re-reading its row. */
const CACHE_MS = 30_000;

export class KeyDestroyedError extends Error {
  override name = "KeyDestroyedError";
}

export class DataKeys {
  /**
   * Unwrapped keys, each kept briefly: another vault node may shred a key, and this node must stop using its
   * copy soon after (within CACHE_MS), not at its next restart.
   */
  private cache = new Map<string, { key: Uint8Array; until: number }>();

  private readonly cacheMs: number;

  constructor(
    private readonly db: Sql,
    private readonly kms: Kms,
    opts: { cacheMs?: number } = {},
  ) {
    this.cacheMs = opts.cacheMs ?? CACHE_MS;
  }

  private context(person: string, month: string): string {
    return `tracevault/datakey/v1|${person}|${month}`;
  }

  /** The data key for (person, month), created on first use. Refuses a shredded key's slot. */
  async key(person: string, month: string, q: Sql = this.db): Promise<Uint8Array> {
    if (!/^\d{4}-\d{2}$/.test(month)) throw new Error(`month must be YYYY-MM, got ${month}`);
    const ck = `${person}|${month}`;
    const hit = this.cache.get(ck);
    if (hit && hit.until > performance.now()) return hit.key;
    this.cache.delete(ck);
    const rows = await q.query<{ kek_id: string; wrapped: string }>(
      "SELECT kek_id, wrapped FROM data_keys WHERE person = $1 AND month = $2",
      [person, month],
    );
    let key: Uint8Array;
    if (rows[0]) {
      key = await this.kms.unwrap(rows[0].wrapped, rows[0].kek_id, this.context(person, month));
    } else {
      const shredded = await q.query("SELECT 1 FROM shredded_keys WHERE person = $1 AND month = $2", [
        person,
        month,
      ]);
      if (shredded.length) throw new KeyDestroyedError(`data key for ${month} was destroyed`);
      key = new Uint8Array(randomBytes(32));
      const w = await this.kms.wrap(key, this.context(person, month));
      // Another vault node may create the same slot at the same moment: the first key stored wins everywhere.
      await q.exec(
        "INSERT INTO data_keys (person, month, kek_id, wrapped, created_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (person, month) DO NOTHING",
        [person, month, w.kekId, w.wrapped, new Date().toISOString()],
      );
      const [stored] = await q.query<{ kek_id: string; wrapped: string }>(
        "SELECT kek_id, wrapped FROM data_keys WHERE person = $1 AND month = $2",
        [person, month],
      );
      if (!stored) throw new Error(`data key for ${month} could not be stored`);
      if (stored.wrapped !== w.wrapped)
        key = await this.kms.unwrap(stored.wrapped, stored.kek_id, this.context(person, month));
    }
    this.cache.set(ck, { key, until: performance.now() + this.cacheMs });
    return key;
  }

  /** Existing key only (reads never create keys); throws KeyDestroyedError when shredded or absent. */
  async existingKey(person: string, month: string): Promise<Uint8Array> {
    const rows = await this.db.query<{ kek_id: string; wrapped: string }>(
      "SELECT kek_id, wrapped FROM data_keys WHERE person = $1 AND month = $2",
      [person, month],
    );
    if (!rows[0]) throw new KeyDestroyedError(`no data key for ${month}: destroyed or never created`);
    return this.kms.unwrap(rows[0].wrapped, rows[0].kek_id, this.context(person, month));
  }

  /** Encrypt one record under its person-month key; nonce (12) || ciphertext || tag. */
  async encrypt(b: RecordBinding, plaintext: Uint8Array, q: Sql = this.db): Promise<Uint8Array> {
    const key = await this.key(b.person, b.month, q);
    const nonce = randomBytes(12);
    const c = createCipheriv("aes-256-gcm", key, nonce);
    c.setAAD(Buffer.from(canonicalJson(b)));
    return new Uint8Array(Buffer.concat([nonce, c.update(plaintext), c.final(), c.getAuthTag()]));
  }

  async decrypt(b: RecordBinding, sealed: Uint8Array): Promise<Uint8Array> {
    const key = await this.existingKey(b.person, b.month);
    const buf = Buffer.from(sealed);
    const d = createDecipheriv("aes-256-gcm", key, buf.subarray(0, 12));
    d.setAAD(Buffer.from(canonicalJson(b)));
    d.setAuthTag(buf.subarray(buf.length - 16));
    try {
      return new Uint8Array(Buffer.concat([d.update(buf.subarray(12, buf.length - 16)), d.final()]));
    } catch {
      throw new Error(`record ${b.recordId} does not open: its ciphertext or metadata was altered`);
    }
  }

  /** Crypto-shred every key of a person (erasure). Returns the months destroyed. */
  async shredPerson(person: string, reason: string, q: Sql = this.db): Promise<string[]> {
    return q.tx(async (t) => {
      const rows = await t.query<{ month: string }>("SELECT month FROM data_keys WHERE person = $1", [
        person,
      ]);
      const now = new Date().toISOString();
      for (const r of rows)
        await t.exec(
          "INSERT INTO shredded_keys (person, month, shredded_at, reason) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
          [person, r.month, now, reason],
        );
      await t.exec("DELETE FROM data_keys WHERE person = $1", [person]);
      for (const k of [...this.cache.keys()]) if (k.startsWith(person + "|")) this.cache.delete(k);
      return rows.map((r) => r.month);
    });
  }

  /** Crypto-shred every month key older than `oldestKept` (YYYY-MM) — retention. */
  async shredBefore(oldestKept: string, q: Sql = this.db): Promise<number> {
    return q.tx(async (t) => {
      const rows = await t.query<{ person: string; month: string }>(
        "SELECT person, month FROM data_keys WHERE month < $1",
        [oldestKept],
      );
      const now = new Date().toISOString();
      for (const r of rows)
        await t.exec(
          "INSERT INTO shredded_keys (person, month, shredded_at, reason) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
          [r.person, r.month, now, "retention"],
        );
      await t.exec("DELETE FROM data_keys WHERE month < $1", [oldestKept]);
      this.cache.clear();
      return rows.length;
    });
  }

  /** Rewrap every data key under the KMS's current KEK (after `kms.rotate()`), one key at a time: no downtime. */
  async rewrapAll(): Promise<number> {
    const current = this.kms.currentKekId();
    const rows = await this.db.query<{ person: string; month: string; kek_id: string; wrapped: string }>(
      "SELECT person, month, kek_id, wrapped FROM data_keys WHERE kek_id <> $1",
      [current],
    );
    for (const r of rows) {
      const ctx = this.context(r.person, r.month);
      const key = await this.kms.unwrap(r.wrapped, r.kek_id, ctx);
      const w = await this.kms.wrap(key, ctx);
      await this.db.exec(
        "UPDATE data_keys SET kek_id = $1, wrapped = $2 WHERE person = $3 AND month = $4 AND kek_id = $5",
        [w.kekId, w.wrapped, r.person, r.month, r.kek_id],
      );
    }
    return rows.length;
  }
}
