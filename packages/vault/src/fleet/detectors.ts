import { createHmac } from "node:crypto";
import { closeSync, existsSync, openSync, readSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import type { Lease } from "@tracevault/core";
import type { Signature } from "@tracevault/crypto";
import type { AuditEntry } from "../audit/log.js";
import {
  ACTIONS,
  Authorizer,
  DEFAULT_POLICIES,
  ROLES,
  type Action,
  type Principal,
  type Resource,
} from "../policy/cedar.js";
import type { Fleet } from "./hub.js";
import { openIncident, type Incident } from "./incidents.js";

/**
 * Detectors that open incidents on their own. Four read the audit log incrementally (a cursor per detector
 * run, kept in the database so a restart does not rescan): a principal reading the data of unusually many
 * people, a decrypt outside any approved purpose, a policy change that widens access to level-3+ data. One
 * scans storage for planted canaries found in plaintext. One is fed by ingest: a recorder that keeps uploading
 * batches created when it held no lease. Each opens at most one incident per subject and period (dedupe keys).
 */
export interface DetectorOptions {
  /** Distinct people whose data one principal may read in an hour before it is unusual (default 20). */
  manyPeople?: number;
  /** …or this many times the principal's own busiest earlier hour, if more (default 3). */
  manyPeopleFactor?: number;
  /** Unleased batches from one device within a day before an incident is opened (default 2). */
  unleasedBatches?: number;
  sev?: Partial<Record<DetectorName, number>>;
}

export type DetectorName = "many-people" | "decrypt-purpose" | "policy-widening" | "canary" | "unleased";

const DEFAULT_SEV: Record<DetectorName, number> = {
  "many-people": 2,
  "decrypt-purpose": 2,
  "policy-widening": 2,
  canary: 1,
  unleased: 2,
};

const READS = new Set(["decrypt", "read", "export"]);
const HOUR = 3600_000;

export class Detectors {
  private readonly o: DetectorOptions;
  private readonly windows = new Map<string, { t: number; subject: string }[]>();
  private readonly busiest = new Map<string, number>();
  private readonly accounts = new Map<string, { person: string } | null>();
  private readonly scannedBlobs = new Set<string>();
  private running: Promise<Incident[]> | undefined;

  constructor(
    private readonly fleet: Fleet,
    opts: DetectorOptions = {},
  ) {
    this.o = opts;
  }

  private sev(n: DetectorName): number {
    return this.o.sev?.[n] ?? DEFAULT_SEV[n];
  }

  private get vault() {
    return this.fleet.vault;
  }

  /** Scan audit entries appended since the last run. Returns the incidents opened (not duplicates). */
  runOnce(): Promise<Incident[]> {
    this.running ??= this.scan().finally(() => (this.running = undefined));
    return this.running;
  }

  private async scan(): Promise<Incident[]> {
    const db = this.vault.db;
    const [c] = await db.query<{ cursor: number }>(
      "SELECT cursor FROM fleet_detector_state WHERE name = 'audit'",
    );
    let cursor = Number(c?.cursor ?? 0);
    const opened: Incident[] = [];
    for (;;) {
      const entries = await this.vault.audit.entries(cursor, 2000);
      if (!entries.length) break;
      for (const e of entries) {
        const got = await this.inspect(e).catch(() => undefined);
        if (got && !got.duplicate) opened.push(got);
      }
      cursor = entries[entries.length - 1]!.idx + 1;
      await db.exec(
        `INSERT INTO fleet_detector_state (name, cursor, updated_at) VALUES ('audit', $1, $2)
         ON CONFLICT (name) DO UPDATE SET cursor = excluded.cursor, updated_at = excluded.updated_at`,
        [cursor, new Date().toISOString()],
      );
      if (entries.length < 2000) break;
    }
    return opened;
  }

  private async inspect(e: AuditEntry): Promise<(Incident & { duplicate: boolean }) | undefined> {
    if (e.action === "policy.change") return this.policyChange(e);
    if (!READS.has(e.action) || !e.subject) return undefined;
    const self = await this.isSelf(e.actor, e.subject);
    if (self) return undefined;
    let found: (Incident & { duplicate: boolean }) | undefined;
    if (e.action === "decrypt") found = await this.decryptPurpose(e);
    if (e.actor === "system") return found;
    return (await this.manyPeople(e)) ?? found;
  }

  private async account(actor: string): Promise<{ person: string } | null> {
    if (!this.accounts.has(actor)) {
      const [a] = await this.vault.db.query<{ person: string }>("SELECT person FROM accounts WHERE id = $1", [
        actor,
      ]);
      this.accounts.set(actor, a ? { person: a.person } : null);
    }
    return this.accounts.get(actor)!;
  }

  private async isSelf(actor: string, subject: string): Promise<boolean> {
    const a = await this.account(actor);
    return !!a?.person && this.vault.pseudonym(a.person) === subject;
  }

  /** One principal, distinct people read within the last hour, against a threshold and their own history. */
  private async manyPeople(e: AuditEntry): Promise<(Incident & { duplicate: boolean }) | undefined> {
    const t = Date.parse(e.ts);
    const w = this.windows.get(e.actor) ?? [];
    w.push({ t, subject: e.subject! });
    while (w.length && w[0]!.t < t - HOUR) w.shift();
    this.windows.set(e.actor, w);
    const distinct = new Set(w.map((x) => x.subject)).size;
    const usual = this.busiest.get(e.actor) ?? 0;
    const limit = Math.max(this.o.manyPeople ?? 20, (this.o.manyPeopleFactor ?? 3) * usual);
    if (distinct < limit) {
      // remember the busiest hour seen, as the principal's normal
      if (w[0] && t - w[0].t >= HOUR * 0.9) this.busiest.set(e.actor, Math.max(usual, distinct));
      return undefined;
    }
    return openIncident(this.fleet, {
      sev: this.sev("many-people"),
      title: `${e.actor} read the data of ${distinct} people within an hour (usual at most ${usual})`,
      scope: { kind: "none", value: "" },
      owner: "",
      note: `last action ${e.action} with purpose '${e.purpose ?? ""}' at ${e.ts} (audit entry ${e.idx})`,
      revokeGrants: false,
      rotateKeys: false,
      source: "detector:many-people",
      openedBy: "system",
      dedupeKey: `many-people:${e.actor}:${e.ts.slice(0, 13)}`,
    });
  }

  /** A decrypt is within an approved purpose when it is the person's own, an approved dataset's job, or
   *  covered by an approved break-glass grant for that person and purpose at that time. */
  private async decryptPurpose(e: AuditEntry): Promise<(Incident & { duplicate: boolean }) | undefined> {
    const db = this.vault.db;
    if (e.actor === "system") {
      const ds = typeof e.detail?.dataset === "string" ? e.detail.dataset : "";
      if (ds) {
        const [d] = await db.query<{ purpose: string; status: string }>(
          "SELECT purpose, status FROM datasets WHERE id = $1",
          [ds],
        );
        if (d && d.purpose === e.purpose && (d.status === "approved" || d.status === "suspended"))
          return undefined;
      }
    } else {
      const grants = await db.query<{
        person: string;
        purpose: string;
        decided_at: string | null;
        expires_at: string | null;
        revoked_at: string | null;
      }>(
        "SELECT person, purpose, decided_at, expires_at, revoked_at FROM breakglass_grants WHERE officer = $1 AND decided_by IS NOT NULL AND decided_by <> officer AND status IN ('approved', 'expired', 'revoked')",
        [e.actor],
      );
      for (const g of grants) {
        if (this.vault.pseudonym(g.person) !== e.subject || g.purpose !== e.purpose) continue;
        const end =
          g.revoked_at && (!g.expires_at || g.revoked_at < g.expires_at) ? g.revoked_at : g.expires_at;
        if (g.decided_at && g.decided_at <= e.ts && (!end || e.ts <= end)) return undefined;
      }
    }
    return openIncident(this.fleet, {
      sev: this.sev("decrypt-purpose"),
      title: `decrypt outside any approved purpose by ${e.actor} (purpose '${e.purpose ?? ""}')`,
      scope: { kind: "none", value: "" },
      owner: "",
      note: `audit entry ${e.idx} at ${e.ts}, subject ${e.subject}`,
      revokeGrants: false,
      rotateKeys: false,
      source: "detector:decrypt-purpose",
      openedBy: "system",
      dedupeKey: `decrypt-purpose:${e.actor}:${e.purpose ?? ""}:${e.ts.slice(0, 10)}`,
    });
  }

  /** Compare the policy before and after a change on level-3 and level-4 data; any newly allowed request
   *  is a widening. */
  private async policyChange(e: AuditEntry): Promise<(Incident & { duplicate: boolean }) | undefined> {
    const version = Number(e.detail?.version);
    if (!Number.isInteger(version)) return undefined;
    const rows = await this.vault.db.query<{ version: number; text: string }>(
      "SELECT version, text FROM policies WHERE version <= $1 ORDER BY version DESC LIMIT 2",
      [version],
    );
    const after = rows.find((r) => Number(r.version) === version);
    if (!after) return undefined;
    const before = rows.find((r) => Number(r.version) === version - 1)?.text ?? DEFAULT_POLICIES;
    const widened = policyWidening(before, after.text);
    if (!widened.length) return undefined;
    return openIncident(this.fleet, {
      sev: this.sev("policy-widening"),
      title: `policy version ${version} widens access to level-3+ data`,
      scope: { kind: "none", value: "" },
      owner: "",
      note: `changed by ${e.actor}; newly allowed: ${widened.slice(0, 8).join("; ")}${widened.length > 8 ? ` (+${widened.length - 8} more)` : ""}`,
      revokeGrants: false,
      rotateKeys: false,
      source: "detector:policy-widening",
      openedBy: "system",
      dedupeKey: `policy-widening:${version}`,
    });
  }

  // ------------------------------------------------------------------ canaries

  /** The plaintext of canary `id`: derived from the deployment's pseudonym key, never stored. */
  canaryToken(id: string): string {
    return (
      "tvcanary-" +
      createHmac("sha256", this.vault.pseudonymKey).update(`canary:${id}`).digest("hex").slice(0, 24)
    );
  }

  /** Issue a canary: plant its token where data should only ever be stored encrypted (a test recording). */
  async issueCanary(label: string, by: string): Promise<{ id: string; token: string }> {
    const id = `cn-${createHmac("sha256", this.vault.pseudonymKey).update(`${label}:${Date.now()}:${Math.random()}`).digest("hex").slice(0, 12)}`;
    await this.vault.db.exec(
      "INSERT INTO fleet_canaries (id, label, created_by, created_at) VALUES ($1, $2, $3, $4)",
      [id, label, by, new Date().toISOString()],
    );
    await this.vault.audit.append({ action: "incident", actor: by, detail: { step: "canary", canary: id } });
    return { id, token: this.canaryToken(id) };
  }

  /**
   * Look for every canary's plaintext in stored blobs (raw, and gunzipped when gzip) and, with the embedded
   * store, in the SQLite database files. Blobs already scanned by this process are skipped unless `full`.
   */
  async scanCanaries(full = false): Promise<Incident[]> {
    const canaries = await this.vault.db.query<{ id: string; label: string }>(
      "SELECT id, label FROM fleet_canaries",
    );
    if (!canaries.length) return [];
    const tokens = canaries.map((c) => ({ ...c, token: Buffer.from(this.canaryToken(c.id)) }));
    const hits: { canary: { id: string; label: string }; where: string }[] = [];
    const check = (bytes: Uint8Array, where: string) => {
      const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      let views = [buf];
      if (buf[0] === 0x1f && buf[1] === 0x8b)
        try {
          views = [buf, gunzipSync(buf, { maxOutputLength: 512 << 20 })];
        } catch {
          /* not gzip after all */
        }
      for (const t of tokens) if (views.some((v) => v.includes(t.token))) hits.push({ canary: t, where });
    };
    for (const key of await this.vault.blobs.list("")) {
      if (!full && this.scannedBlobs.has(key)) continue;
      const b = await this.vault.blobs.get(key);
      if (b) check(b, `blob ${key}`);
      this.scannedBlobs.add(key);
    }
    if (this.vault.db.dialect === "sqlite")
      for (const f of ["vault.db", "vault.db-wal"]) {
        const p = join(this.vault.dataDir, f);
        if (!existsSync(p)) continue;
        // Small batch blobs live in the database: read it in windows rather than whole, each window overlapping
        // the last by the longest canary so a token across a window edge is still found.
        const overlap = Math.max(...tokens.map((t) => t.token.length)) - 1;
        for (const window of fileWindows(p, 8 << 20, overlap)) check(window, `database file ${f}`);
      }
    const out: Incident[] = [];
    // one incident per canary and place, however many windows of a file held it
    const seen = new Set<string>();
    for (const h of hits.filter((x) => {
      const k = `${x.canary.id}|${x.where}`;
      return seen.has(k) ? false : (seen.add(k), true);
    })) {
      const inc = await openIncident(this.fleet, {
        sev: this.sev("canary"),
        title: `plaintext canary '${h.canary.label}' found at rest (${h.where})`,
        scope: { kind: "all", value: "" },
        owner: "",
        note: "data that must only be stored encrypted was found in the clear: recording is paused until this is understood",
        revokeGrants: false,
        rotateKeys: false,
        source: "detector:canary",
        openedBy: "system",
        dedupeKey: `canary:${h.canary.id}:${h.where}`,
      });
      if (!inc.duplicate) out.push(inc);
    }
    return out;
  }

  // ------------------------------------------------------------------ unleased uploads

  /**
   * Ingest reports every new batch here (after its signature verified and it is not a duplicate) and refuses
   * it when `leased` is false: the device held no lease when the batch was created (its header's `createdAt`),
   * or the header names a lease granted to another device — unless `proof`, the signed lease the batch says it
   * was recorded under (ingest passes it only when it matches the header's lease id and manifest), covers it
   * (see `Fleet.leaseProven`). Refused batches are remembered, and once one device has uploaded
   * `unleasedBatches` of them within a day an incident is opened for that device.
   * @example
   * const { leased } = await fleetOf(vault).detectors.noteBatch(deviceId, h.batchId, h.createdAt, h.leaseId);
   * if (!leased) throw new IngestError(403, "…", "no_lease");
   */
  async noteBatch(
    deviceId: string,
    batchId: string,
    createdAt: string,
    leaseId?: string,
    proof?: { lease: Lease; sig: Signature },
  ): Promise<{ leased: boolean; incident?: Incident }> {
    if (await this.fleet.leaseValidAt(deviceId, createdAt, leaseId)) return { leased: true };
    if (proof && (await this.fleet.leaseProven(deviceId, createdAt, proof))) return { leased: true };
    const db = this.vault.db;
    const now = new Date();
    await db.exec(
      "INSERT INTO fleet_unleased (device_id, batch_id, created_at, seen_at) VALUES ($1, $2, $3, $4) ON CONFLICT (device_id, batch_id) DO NOTHING",
      [deviceId, batchId, createdAt, now.toISOString()],
    );
    const [n] = await db.query<{ n: number }>(
      "SELECT COUNT(*) AS n FROM fleet_unleased WHERE device_id = $1 AND seen_at >= $2",
      [deviceId, new Date(now.getTime() - 24 * HOUR).toISOString()],
    );
    const count = Number(n?.n ?? 0);
    if (count < (this.o.unleasedBatches ?? 2)) return { leased: false };
    const inc = await openIncident(this.fleet, {
      sev: this.sev("unleased"),
      title: `recorder ${deviceId} keeps uploading batches recorded without a lease (${count} today)`,
      scope: { kind: "device", value: deviceId },
      owner: "",
      note: `latest: batch ${batchId} created ${createdAt}; the recorder does not honour pauses or lease expiry`,
      revokeGrants: false,
      rotateKeys: false,
      source: "detector:unleased",
      openedBy: "system",
      dedupeKey: `unleased:${deviceId}:${now.toISOString().slice(0, 10)}`,
    });
    return { leased: false, ...(inc.duplicate ? {} : { incident: inc }) };
  }
}

/**
 * Requests on level-3 and level-4 data (records of someone else, datasets with a level-3 cap) that `after`
 * allows and `before` denies, as readable lines. Empty when the change does not widen such access.
 */
export function policyWidening(before: string, after: string): string[] {
  let a: Authorizer;
  let b: Authorizer;
  try {
    a = new Authorizer(before);
    b = new Authorizer(after);
  } catch {
    return [];
  }
  const purposes = [
    "agent-training",
    "operations",
    "incident-response",
    "research",
    "self-access",
    "x-other",
  ];
  const recordActions = (ACTIONS as readonly Action[]).filter((x) => x.startsWith("record."));
  const out: string[] = [];
  for (const role of ROLES)
    for (const purpose of purposes)
      for (const breakglass of [false, true]) {
        const p: Principal = {
          userId: "u-probe",
          role,
          person: role === "person" ? "probe-person" : "",
          active: true,
        };
        const resources: { r: Resource; actions: Action[]; what: string }[] = [3, 4].map((level) => ({
          r: { type: "Record", id: "probe", owner: "someone-else", level },
          actions: recordActions,
          what: `level-${level} record of someone else`,
        }));
        resources.push({
          r: {
            type: "Dataset",
            id: "probe",
            status: "approved",
            proposer: "u-other",
            researchers: ["u-probe"],
            purpose,
            levelCap: 3,
          },
          actions: ["dataset.read"],
          what: "level-3 dataset",
        });
        for (const { r, actions, what } of resources)
          for (const action of actions) {
            const ctx = { purpose, breakglass };
            if (b.authorize(p, action, r, ctx).allowed && !a.authorize(p, action, r, ctx).allowed)
              out.push(
                `${role} ${action} on a ${what} (purpose ${purpose}${breakglass ? ", break-glass" : ""})`,
              );
          }
      }
  return [...new Set(out)];
}

/** A file read in windows of `size` bytes, each starting `overlap` bytes before the previous one ended. */
export function* fileWindows(path: string, size: number, overlap: number): Generator<Buffer> {
  const fd = openSync(path, "r");
  try {
    const buf = Buffer.alloc(size + overlap);
    let carry = 0;
    for (;;) {
      const n = readSync(fd, buf, carry, size, null);
      if (n === 0) return; // the carried bytes were the end of the window already checked
      const end = carry + n;
      yield buf.subarray(0, end);
      carry = Math.min(overlap, end);
      buf.copy(buf, 0, end - carry, end);
    }
  } finally {
    closeSync(fd);
  }
}
