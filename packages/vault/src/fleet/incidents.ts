import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { Sql } from "../db/sql.js";
import { rotateKeys } from "../keys/rotation.js";
import type { Fleet } from "./hub.js";
import { FleetError, scopeLabel } from "./pauses.js";
import { SCOPE_KINDS, type Scope } from "./protocol.js";

/**
 * Incidents: a SEV record (0 the most severe … 5) with an owner, a scope, a status and a timeline. Opening a
 * SEV 0 or 1 pauses its scope at once (an incident pause, which officers and admins may lift, or closing the
 * incident does). An incident can also revoke researcher grants (approved datasets in its scope are suspended,
 * so Cedar's "approved only" rule denies them; active break-glass grants are revoked) and rotate the
 * key-encryption key (every data key rewrapped). Every step is on the timeline and in the audit log.
 */
export const IncidentScope = z.union([
  z.object({ kind: z.literal("none"), value: z.literal("").default("") }),
  z.object({ kind: z.enum(SCOPE_KINDS), value: z.string().max(128).default("") }),
]);
export type IncidentScope = { kind: "none"; value: "" } | Scope;

export const OpenIncident = z.object({
  sev: z.number().int().min(0).max(5),
  title: z.string().min(3).max(300),
  scope: IncidentScope.default({ kind: "none", value: "" }),
  owner: z.string().max(128).default(""),
  note: z.string().max(4000).default(""),
  revokeGrants: z.boolean().default(false),
  rotateKeys: z.boolean().default(false),
});
export type OpenIncident = z.infer<typeof OpenIncident>;

export type IncidentStatus = "open" | "mitigated" | "closed";

export type TimelineEntry = {
  seq: number;
  at: string;
  actor: string;
  kind: string;
  text: string;
};

export interface Incident {
  id: string;
  sev: number;
  title: string;
  status: IncidentStatus;
  owner: string;
  scope: IncidentScope;
  source: string;
  openedBy: string;
  openedAt: string;
  closedAt: string | null;
  pauseId: string | null;
  timeline?: TimelineEntry[];
}

type Row = {
  id: string;
  sev: number;
  title: string;
  status: string;
  owner: string;
  scope_kind: string;
  scope_value: string;
  source: string;
  opened_by: string;
  opened_at: string;
  closed_at: string | null;
  pause_id: string | null;
};

const COLS =
  "id, sev, title, status, owner, scope_kind, scope_value, source, opened_by, opened_at, closed_at, pause_id";
const iso = () => new Date().toISOString();

function toIncident(r: Row): Incident {
  return {
    id: r.id,
    sev: Number(r.sev),
    title: r.title,
    status: r.status as IncidentStatus,
    owner: r.owner,
    scope: { kind: r.scope_kind, value: r.scope_value } as IncidentScope,
    source: r.source,
    openedBy: r.opened_by,
    openedAt: r.opened_at,
    closedAt: r.closed_at,
    pauseId: r.pause_id,
  };
}

async function addEvent(q: Sql, id: string, actor: string, kind: string, text: string): Promise<void> {
  const [m] = await q.query<{ m: number | null }>(
    "SELECT MAX(seq) AS m FROM incident_events WHERE incident_id = $1",
    [id],
  );
  const seq = m?.m == null ? 0 : Number(m.m) + 1;
  await q.exec(
    "INSERT INTO incident_events (incident_id, seq, at, actor, kind, text) VALUES ($1, $2, $3, $4, $5, $6)",
    [id, seq, iso(), actor, kind, text.slice(0, 4000)],
  );
}

export async function getIncident(db: Sql, id: string): Promise<Incident | undefined> {
  const [r] = await db.query<Row>(`SELECT ${COLS} FROM incidents WHERE id = $1`, [id]);
  if (!r) return undefined;
  const tl = await db.query<TimelineEntry>(
    "SELECT seq, at, actor, kind, text FROM incident_events WHERE incident_id = $1 ORDER BY seq",
    [id],
  );
  return { ...toIncident(r), timeline: tl.map((t) => ({ ...t, seq: Number(t.seq) })) };
}

export async function listIncidents(db: Sql, opts: { status?: string } = {}): Promise<Incident[]> {
  const rows = opts.status
    ? await db.query<Row>(`SELECT ${COLS} FROM incidents WHERE status = $1 ORDER BY opened_at DESC`, [
        opts.status,
      ])
    : await db.query<Row>(`SELECT ${COLS} FROM incidents ORDER BY opened_at DESC LIMIT 500`);
  return rows.map(toIncident);
}

/**
 * Open an incident. With `dedupeKey` (detectors), a second opening with the same key returns the first
 * incident (`duplicate: true`) instead of opening another.
 */
export async function openIncident(
  fleet: Fleet,
  req: OpenIncident & { source: string; openedBy: string; dedupeKey?: string },
): Promise<Incident & { duplicate: boolean }> {
  const vault = fleet.vault;
  const scope = req.scope as IncidentScope;
  if (scope.kind !== "none" && scope.kind !== "all" && !/^[A-Za-z0-9._@:-]{1,128}$/.test(scope.value))
    throw new FleetError(400, "scope value must be an id", "bad_scope");
  if (req.dedupeKey) {
    const [d] = await vault.db.query<Row>(`SELECT ${COLS} FROM incidents WHERE dedupe_key = $1`, [
      req.dedupeKey,
    ]);
    if (d) return { ...toIncident(d), duplicate: true };
  }
  const id = `inc-${randomBytes(6).toString("hex")}`;
  const opened = await vault.db
    .tx(async (q) => {
      await q.exec(
        `INSERT INTO incidents (id, sev, title, status, owner, scope_kind, scope_value, source, dedupe_key, opened_by, opened_at)
         VALUES ($1, $2, $3, 'open', $4, $5, $6, $7, $8, $9, $10)`,
        [
          id,
          req.sev,
          req.title,
          req.owner,
          scope.kind,
          scope.value,
          req.source,
          req.dedupeKey ?? null,
          req.openedBy,
          iso(),
        ],
      );
      await addEvent(
        q,
        id,
        req.openedBy,
        "open",
        `SEV ${req.sev} opened (${req.source}): ${req.title}${req.note ? ` — ${req.note}` : ""}; scope ${
          scope.kind === "none" ? "none" : scopeLabel(scope)
        }`,
      );
      await vault.audit.append(
        {
          action: "incident",
          actor: req.openedBy,
          detail: { incident: id, step: "open", sev: req.sev, scope: scope.kind, source: req.source },
        },
        q,
      );
      return true;
    })
    .catch(async (e) => {
      // Another node's detector opened the same incident an instant earlier.
      if (req.dedupeKey) {
        const [d] = await vault.db.query<Row>(`SELECT ${COLS} FROM incidents WHERE dedupe_key = $1`, [
          req.dedupeKey,
        ]);
        if (d) return false;
      }
      throw e;
    });
  if (!opened) {
    const [d] = await vault.db.query<Row>(`SELECT ${COLS} FROM incidents WHERE dedupe_key = $1`, [
      req.dedupeKey!,
    ]);
    return { ...toIncident(d!), duplicate: true };
  }

  if (req.sev <= 1 && scope.kind !== "none") {
    const p = await fleet.pause({
      scope,
      reason: `incident ${id} (SEV ${req.sev}): ${req.title}`.slice(0, 500),
      by: "incident",
      actor: id,
      incidentId: id,
    });
    await vault.db.tx(async (q) => {
      await q.exec("UPDATE incidents SET pause_id = $1 WHERE id = $2", [p.id, id]);
      await addEvent(
        q,
        id,
        "system",
        "pause",
        `recording paused for ${scopeLabel(scope)} (pause ${p.id}, ${p.inScope} recorders in scope)`,
      );
    });
  }
  if (req.revokeGrants) await revokeGrants(fleet, id, scope, req.openedBy);
  if (req.rotateKeys) {
    const r = await rotateKeys(vault, `incident:${id}`);
    await vault.db.tx((q) =>
      addEvent(
        q,
        id,
        req.openedBy,
        "rotate-keys",
        `key-encryption key rotated ${r.previous} → ${r.kekId}; rewrapped ${r.dataKeys} data keys, ${r.datasetKeys} dataset keys`,
      ),
    );
  }
  return { ...(await getIncident(vault.db, id))!, duplicate: false };
}

/**
 * Suspend approved datasets in scope (researchers lose access: the policy permits only approved ones) and
 * revoke active break-glass grants in scope. Recorded on the timeline with the ids, so closing can restore.
 */
export async function revokeGrants(
  fleet: Fleet,
  incidentId: string,
  scope: IncidentScope,
  actor: string,
): Promise<{ datasets: string[]; breakglass: string[] }> {
  const vault = fleet.vault;
  let datasets: string[];
  let grants: string[];
  const now = iso();
  if (scope.kind === "all" || scope.kind === "none") {
    datasets = (
      await vault.db.query<{ id: string }>("SELECT id FROM datasets WHERE status = 'approved'")
    ).map((r) => r.id);
    grants = (
      await vault.db.query<{ id: string }>(
        "SELECT id FROM breakglass_grants WHERE status IN ('approved', 'pending') AND (expires_at IS NULL OR expires_at > $1)",
        [now],
      )
    ).map((r) => r.id);
  } else {
    const persons =
      scope.kind === "person"
        ? [scope.value]
        : [...new Set((await fleet.targets(scope)).map((t) => t.person))];
    const pseudos = persons.map((p) => vault.pseudonym(p));
    datasets = [];
    grants = [];
    for (const ps of pseudos)
      datasets.push(
        ...(
          await vault.db.query<{ id: string }>(
            "SELECT d.id FROM datasets d JOIN dataset_members m ON m.dataset_id = d.id WHERE d.status = 'approved' AND m.person = $1",
            [ps],
          )
        ).map((r) => r.id),
      );
    for (const p of persons)
      grants.push(
        ...(
          await vault.db.query<{ id: string }>(
            "SELECT id FROM breakglass_grants WHERE person = $1 AND status IN ('approved', 'pending') AND (expires_at IS NULL OR expires_at > $2)",
            [p, now],
          )
        ).map((r) => r.id),
      );
    datasets = [...new Set(datasets)];
  }
  await vault.db.tx(async (q) => {
    for (const d of datasets)
      await q.exec("UPDATE datasets SET status = 'suspended' WHERE id = $1 AND status = 'approved'", [d]);
    for (const g of grants)
      await q.exec("UPDATE breakglass_grants SET status = 'revoked', revoked_at = $1 WHERE id = $2", [
        now,
        g,
      ]);
    await addEvent(
      q,
      incidentId,
      actor,
      "revoke-grants",
      JSON.stringify({ suspendedDatasets: datasets, revokedBreakglass: grants }),
    );
    await vault.audit.append(
      {
        action: "incident",
        actor,
        detail: {
          incident: incidentId,
          step: "revoke-grants",
          datasets: datasets.length,
          breakglass: grants.length,
        },
      },
      q,
    );
  });
  return { datasets, breakglass: grants };
}

export const UpdateIncident = z.object({
  note: z.string().max(4000).optional(),
  owner: z.string().max(128).optional(),
  status: z.enum(["open", "mitigated"]).optional(),
  sev: z.number().int().min(0).max(5).optional(),
});

/** Add to the timeline: a note, a new owner, a new status or severity (raising to SEV 0/1 pauses the scope). */
export async function updateIncident(
  fleet: Fleet,
  id: string,
  actor: string,
  u: z.infer<typeof UpdateIncident>,
): Promise<Incident> {
  const vault = fleet.vault;
  const inc = await getIncident(vault.db, id);
  if (!inc) throw new FleetError(404, "no such incident", "not_found");
  if (inc.status === "closed") throw new FleetError(409, "the incident is closed", "closed");
  await vault.db.tx(async (q) => {
    if (u.owner !== undefined) {
      await q.exec("UPDATE incidents SET owner = $1 WHERE id = $2", [u.owner, id]);
      await addEvent(q, id, actor, "owner", `owner: ${u.owner || "(none)"}`);
    }
    if (u.status !== undefined && u.status !== inc.status) {
      await q.exec("UPDATE incidents SET status = $1 WHERE id = $2", [u.status, id]);
      await addEvent(q, id, actor, "status", `status: ${u.status}`);
    }
    if (u.sev !== undefined && u.sev !== inc.sev) {
      await q.exec("UPDATE incidents SET sev = $1 WHERE id = $2", [u.sev, id]);
      await addEvent(q, id, actor, "sev", `SEV ${inc.sev} → ${u.sev}`);
    }
    if (u.note) await addEvent(q, id, actor, "note", u.note);
    await vault.audit.append(
      {
        action: "incident",
        actor,
        detail: { incident: id, step: "update", ...(u.sev !== undefined ? { sev: u.sev } : {}) },
      },
      q,
    );
  });
  if (u.sev !== undefined && u.sev <= 1 && inc.sev > 1 && inc.scope.kind !== "none" && !inc.pauseId) {
    const p = await fleet.pause({
      scope: inc.scope,
      reason: `incident ${id} (SEV ${u.sev}): ${inc.title}`.slice(0, 500),
      by: "incident",
      actor: id,
      incidentId: id,
    });
    await vault.db.tx(async (q) => {
      await q.exec("UPDATE incidents SET pause_id = $1 WHERE id = $2", [p.id, id]);
      await addEvent(
        q,
        id,
        "system",
        "pause",
        `recording paused for ${scopeLabel(inc.scope as Scope)} (pause ${p.id})`,
      );
    });
  }
  return (await getIncident(vault.db, id))!;
}

/** Close: lift the incident's pause (unless `keepPaused`) and, if asked, restore the grants it suspended. */
export async function closeIncident(
  fleet: Fleet,
  id: string,
  actor: string,
  opts: { note?: string; keepPaused?: boolean; restoreGrants?: boolean } = {},
): Promise<Incident> {
  const vault = fleet.vault;
  const inc = await getIncident(vault.db, id);
  if (!inc) throw new FleetError(404, "no such incident", "not_found");
  if (inc.status === "closed") throw new FleetError(409, "the incident is already closed", "closed");
  if (inc.pauseId && !opts.keepPaused)
    await fleet
      .resume({ pauseId: inc.pauseId, by: "incident", actor, reason: `incident ${id} closed` })
      .catch((e) => {
        if (!(e instanceof FleetError && e.status === 404)) throw e;
      });
  await vault.db.tx(async (q) => {
    if (opts.restoreGrants)
      for (const ev of inc.timeline ?? [])
        if (ev.kind === "revoke-grants") {
          const { suspendedDatasets } = JSON.parse(ev.text) as { suspendedDatasets: string[] };
          for (const d of suspendedDatasets)
            await q.exec("UPDATE datasets SET status = 'approved' WHERE id = $1 AND status = 'suspended'", [
              d,
            ]);
          await addEvent(
            q,
            id,
            actor,
            "restore-grants",
            `datasets approved again: ${suspendedDatasets.join(", ") || "none"}`,
          );
        }
    await q.exec("UPDATE incidents SET status = 'closed', closed_at = $1 WHERE id = $2", [iso(), id]);
    await addEvent(
      q,
      id,
      actor,
      "close",
      `closed${opts.note ? `: ${opts.note}` : ""}${inc.pauseId && !opts.keepPaused ? "; pause lifted" : ""}`,
    );
    await vault.audit.append({ action: "incident", actor, detail: { incident: id, step: "close" } }, q);
  });
  return (await getIncident(vault.db, id))!;
}
