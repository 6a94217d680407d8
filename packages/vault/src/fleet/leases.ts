import type { Sql } from "../db/sql.js";
import { bulkExec } from "./bulk.js";

/**
 * The vault's record of the recording leases it granted: one row per grant (a lease id), extended by each
 * renewal, ended early when the recorder acknowledged a pause. Renewals are frequent (every few seconds per
 * recorder), so rows are written behind, in one transaction per flush; `flush()` is awaited before anything
 * reads them. `validAt` answers "did this device hold a lease at that time?" for ingest and the detectors.
 */
export interface LeaseRow {
  leaseId: string;
  deviceId: string;
  person: string;
  manifestHash: string;
  manifestVersion: number;
  ttlMs: number;
  node: string;
  issuedAt: number;
  renewedAt: number;
  validUntil: number;
  endedAt?: number;
  endReason?: string;
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * A row with these fields changed, spelt out: `{ ...row, endedAt }` costs ~4 µs here against ~0.5 µs (V8 takes
 * a slow path for a spread plus new properties), and 10 000 recorders acknowledge a pause at once.
 */
function copyRow(r: LeaseRow, issuedAt: number, endedAt?: number, endReason?: string): LeaseRow {
  return {
    leaseId: r.leaseId,
    deviceId: r.deviceId,
    person: r.person,
    manifestHash: r.manifestHash,
    manifestVersion: r.manifestVersion,
    ttlMs: r.ttlMs,
    node: r.node,
    issuedAt,
    renewedAt: r.renewedAt,
    validUntil: r.validUntil,
    // always present (possibly undefined): one object shape
    endedAt,
    endReason,
  };
}

export class LeaseBook {
  private readonly dirty = new Map<string, LeaseRow>();
  /** The latest lease this node granted each device (answers most `validAt` calls without the database). */
  private readonly recent = new Map<string, LeaseRow>();
  private flushing: Promise<void> | undefined;

  constructor(private readonly db: Sql) {}

  /** A lease was granted or renewed (same id: the grant goes on). */
  issued(row: LeaseRow): void {
    const prev = this.dirty.get(row.leaseId);
    const r = prev ? copyRow(row, Math.min(prev.issuedAt, row.issuedAt), row.endedAt, row.endReason) : row;
    this.dirty.set(row.leaseId, r);
    this.recent.set(row.deviceId, r);
  }

  /** The recorder stopped under this lease (acknowledged a pause or a manifest change) at `at`. Returns the
   *  ended row (the one kept for writing and for `validAt`). */
  ended(row: LeaseRow, at: number, reason: string): LeaseRow {
    const r = this.dirty.get(row.leaseId) ?? row;
    const e = copyRow(r, r.issuedAt, Math.min(at, r.validUntil), reason);
    this.dirty.set(row.leaseId, e);
    if (this.recent.get(row.deviceId)?.leaseId === row.leaseId) this.recent.set(row.deviceId, e);
    return e;
  }

  get pending(): number {
    return this.dirty.size;
  }

  /** Write pending changes (at most `limit`, in one transaction). Concurrent calls wait for each other. */
  async flush(limit = Infinity): Promise<void> {
    while (this.flushing) await this.flushing;
    if (this.dirty.size === 0) return;
    const rows: LeaseRow[] = [];
    for (const r of this.dirty.values()) {
      if (rows.length >= limit) break;
      rows.push(r);
    }
    for (const r of rows) this.dirty.delete(r.leaseId);
    this.flushing = this.db
      .tx(async (q) =>
        bulkExec(
          q,
          "INSERT INTO fleet_leases (lease_id, device_id, person, manifest_hash, manifest_version, ttl_ms, node, issued_at, renewed_at, valid_until, ended_at, end_reason)",
          rows.map((r) => [
            r.leaseId,
            r.deviceId,
            r.person,
            r.manifestHash,
            r.manifestVersion,
            r.ttlMs,
            r.node,
            iso(r.issuedAt),
            iso(r.renewedAt),
            iso(r.validUntil),
            r.endedAt !== undefined ? iso(r.endedAt) : null,
            r.endReason ?? null,
          ]),
          `ON CONFLICT (lease_id) DO UPDATE SET renewed_at = excluded.renewed_at, valid_until = excluded.valid_until,
             ended_at = COALESCE(excluded.ended_at, fleet_leases.ended_at), end_reason = COALESCE(excluded.end_reason, fleet_leases.end_reason),
             node = excluded.node`,
        ),
      )
      .catch((e) => {
        // keep what could not be written for the next flush (newer changes win)
        for (const r of rows) if (!this.dirty.has(r.leaseId)) this.dirty.set(r.leaseId, r);
        throw e;
      })
      .finally(() => (this.flushing = undefined));
    await this.flushing;
  }

  /**
   * Did `deviceId` hold a lease at `time`? A lease covers [issued, min(valid until, ended)]; `graceMs` widens
   * that on both sides for the recorder's clock skew and for batches sealed while it was stopping.
   */
  async validAt(
    deviceId: string,
    time: Date | string | number,
    graceMs: number,
    leaseId?: string,
  ): Promise<boolean> {
    const t = new Date(time).getTime();
    if (!Number.isFinite(t)) return false;
    // A batch naming a lease granted to another device was not recorded under this device's lease. Otherwise
    // the time decides: the id need not be the covering grant (a recorder that reconnected goes on under a new
    // one), and a grant another node has not written yet is unknown here for a few seconds.
    if (leaseId !== undefined) {
      const owner = await this.ownerOf(leaseId, deviceId);
      if (owner !== undefined && owner !== deviceId) return false;
    }
    const r = this.recent.get(deviceId);
    if (r && r.issuedAt - graceMs <= t && Math.min(r.validUntil, r.endedAt ?? Infinity) + graceMs >= t)
      return true;
    // Older grants, and grants made by other nodes: from the database (this node's pending rows first).
    if ([...this.dirty.values()].some((x) => x.deviceId === deviceId)) await this.flush();
    const rows = await this.db.query<{ n: number }>(
      `SELECT COUNT(*) AS n FROM fleet_leases WHERE device_id = $1 AND issued_at <= $2
         AND (CASE WHEN ended_at IS NOT NULL AND ended_at < valid_until THEN ended_at ELSE valid_until END) >= $3`,
      [deviceId, iso(t + graceMs), iso(t - graceMs)],
    );
    return Number(rows[0]?.n ?? 0) > 0;
  }

  /** When a lease ended early (a pause or manifest change acknowledged under it), epoch ms; undefined: it did not
   *  (or is unknown here). */
  async endedAt(leaseId: string): Promise<number | undefined> {
    const pending = this.dirty.get(leaseId);
    if (pending?.endedAt !== undefined) return pending.endedAt;
    const [row] = await this.db.query<{ ended_at: string | null }>(
      "SELECT ended_at FROM fleet_leases WHERE lease_id = $1",
      [leaseId],
    );
    return row?.ended_at ? new Date(row.ended_at).getTime() : undefined;
  }

  /** The device a lease was granted to (undefined: unknown here). `likely`: the device it probably is. */
  async ownerOf(leaseId: string, likely?: string): Promise<string | undefined> {
    if (likely !== undefined && this.recent.get(likely)?.leaseId === leaseId) return likely;
    const pending = this.dirty.get(leaseId);
    if (pending) return pending.deviceId;
    const [row] = await this.db.query<{ device_id: string }>(
      "SELECT device_id FROM fleet_leases WHERE lease_id = $1",
      [leaseId],
    );
    return row?.device_id;
  }

  /** The latest lease of each device (for status tables): id, validity end, and why it ended early. */
  async latest(
    deviceIds?: string[],
  ): Promise<Map<string, { leaseId: string; validUntil: string; endedAt: string | null; node: string }>> {
    await this.flush();
    const rows = await this.db.query<{
      device_id: string;
      lease_id: string;
      valid_until: string;
      ended_at: string | null;
      node: string;
    }>(
      `SELECT l.device_id, l.lease_id, l.valid_until, l.ended_at, l.node FROM fleet_leases l
       JOIN (SELECT device_id, MAX(renewed_at) AS m FROM fleet_leases GROUP BY device_id) x
         ON x.device_id = l.device_id AND x.m = l.renewed_at`,
    );
    const want = deviceIds ? new Set(deviceIds) : undefined;
    const out = new Map<
      string,
      { leaseId: string; validUntil: string; endedAt: string | null; node: string }
    >();
    for (const r of rows)
      if (!want || want.has(r.device_id))
        out.set(r.device_id, {
          leaseId: r.lease_id,
          validUntil: r.valid_until,
          endedAt: r.ended_at,
          node: r.node,
        });
    return out;
  }
}
