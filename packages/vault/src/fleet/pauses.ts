import { randomBytes } from "node:crypto";
import type { Sql } from "../db/sql.js";
import type { PauseNotice, PauserKind, Scope, ScopeKind } from "./protocol.js";

/** A pause as stored: who it applies to, why, who issued it, and whether it was lifted. */
export interface PauseRecord {
  id: string;
  scope: Scope;
  reason: string;
  by: PauserKind;
  /** A user id (admin/officer), an incident id, or — for a person's own pause — the person id. */
  actor: string;
  incidentId: string | null;
  createdAt: string;
  inScope: number;
  resumedAt: string | null;
  resumedBy: string | null;
}

export class FleetError extends Error {
  override name = "FleetError";
  constructor(
    readonly status: number,
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

/** What a recorder is, for matching scopes. */
export interface Target {
  deviceId: string;
  person: string;
  team: string;
}

export function covers(scope: Scope, t: Target): boolean {
  switch (scope.kind) {
    case "all":
      return true;
    case "team":
      return t.team !== "" && t.team === scope.value;
    case "person":
      return t.person === scope.value;
    case "device":
      return t.deviceId === scope.value;
  }
}

export function scopeLabel(s: Scope): string {
  return s.kind === "all" ? "everyone" : `${s.kind} ${s.value}`;
}

export function notice(p: PauseRecord): PauseNotice {
  return { id: p.id, scope: p.scope, reason: p.reason, by: p.by, at: p.createdAt };
}

export const newPauseId = () => `pz-${randomBytes(9).toString("base64url")}`;

type PauseRow = {
  id: string;
  scope_kind: string;
  scope_value: string;
  reason: string;
  by_kind: string;
  actor: string;
  incident_id: string | null;
  created_at: string;
  in_scope: number;
  resumed_at: string | null;
  resumed_by: string | null;
};

const COLS =
  "id, scope_kind, scope_value, reason, by_kind, actor, incident_id, created_at, in_scope, resumed_at, resumed_by";

function toRecord(r: PauseRow): PauseRecord {
  return {
    id: r.id,
    scope: { kind: r.scope_kind as ScopeKind, value: r.scope_value },
    reason: r.reason,
    by: r.by_kind as PauserKind,
    actor: r.actor,
    incidentId: r.incident_id,
    createdAt: r.created_at,
    inScope: Number(r.in_scope),
    resumedAt: r.resumed_at,
    resumedBy: r.resumed_by,
  };
}

export async function activePauses(db: Sql): Promise<PauseRecord[]> {
  const rows = await db.query<PauseRow>(
    `SELECT ${COLS} FROM fleet_pauses WHERE resumed_at IS NULL ORDER BY created_at`,
  );
  return rows.map(toRecord);
}

export async function getPause(db: Sql, id: string): Promise<PauseRecord | undefined> {
  const [r] = await db.query<PauseRow>(`SELECT ${COLS} FROM fleet_pauses WHERE id = $1`, [id]);
  return r ? toRecord(r) : undefined;
}

export async function listPauses(db: Sql, limit = 100): Promise<PauseRecord[]> {
  const rows = await db.query<PauseRow>(
    `SELECT ${COLS} FROM fleet_pauses ORDER BY created_at DESC LIMIT $1`,
    [limit],
  );
  return rows.map(toRecord);
}

export async function insertPause(q: Sql, p: PauseRecord): Promise<void> {
  await q.exec(
    `INSERT INTO fleet_pauses (id, scope_kind, scope_value, reason, by_kind, actor, incident_id, created_at, in_scope)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [p.id, p.scope.kind, p.scope.value, p.reason, p.by, p.actor, p.incidentId, p.createdAt, p.inScope],
  );
}

/** The SQL condition (on `d` devices joined with `p` people) for a scope, with its parameters from `$n`. */
export function scopeWhere(scope: Scope, n = 1): { sql: string; params: string[] } {
  switch (scope.kind) {
    case "all":
      return { sql: "d.revoked_at IS NULL", params: [] };
    case "team":
      return { sql: `d.revoked_at IS NULL AND p.team = $${n}`, params: [scope.value] };
    case "person":
      return { sql: `d.revoked_at IS NULL AND d.person = $${n}`, params: [scope.value] };
    case "device":
      return { sql: `d.revoked_at IS NULL AND d.id = $${n}`, params: [scope.value] };
  }
}

/** How many enrolled, unrevoked devices a scope covers. */
export async function countInScope(db: Sql, scope: Scope): Promise<number> {
  const w = scopeWhere(scope);
  const [r] = await db.query<{ n: number }>(
    `SELECT COUNT(*) AS n FROM devices d LEFT JOIN people p ON p.id = d.person WHERE ${w.sql}`,
    w.params,
  );
  return Number(r?.n ?? 0);
}

/** Enrolled, unrevoked devices a scope covers (with their person and team). */
export async function devicesInScope(db: Sql, scope: Scope): Promise<Target[]> {
  const w = scopeWhere(scope);
  const rows = await db.query<{ device_id: string; person: string; team: string }>(
    `SELECT d.id AS device_id, d.person AS person, COALESCE(p.team, '') AS team
     FROM devices d LEFT JOIN people p ON p.id = d.person WHERE ${w.sql}`,
    w.params,
  );
  return rows.map((r) => ({ deviceId: r.device_id, person: r.person, team: r.team }));
}

/**
 * Which active pauses a resume may lift. Others can never lift a person's own pause; a person can lift only
 * the pauses they issued themself. With `pauseId`, exactly that pause; otherwise every active pause whose
 * scope is exactly `scope`.
 */
export function liftable(
  active: PauseRecord[],
  who: { kind: PauserKind; person?: string },
  sel: { pauseId?: string; scope?: Scope },
): { lift: PauseRecord[]; refused: PauseRecord[] } {
  const matching = active.filter((p) =>
    sel.pauseId
      ? p.id === sel.pauseId
      : sel.scope
        ? p.scope.kind === sel.scope.kind && p.scope.value === sel.scope.value
        : false,
  );
  const lift: PauseRecord[] = [];
  const refused: PauseRecord[] = [];
  for (const p of matching) {
    const own = p.by === "person";
    const ok = who.kind === "person" ? own && p.actor === who.person : !own;
    (ok ? lift : refused).push(p);
  }
  return { lift, refused };
}
