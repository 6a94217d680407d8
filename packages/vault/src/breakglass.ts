import { randomUUID } from "node:crypto";
import type { Sql } from "./db/sql.js";
import type { Principal, Resource } from "./policy/cedar.js";
import type { Vault } from "./vault.js";

/**
 * Break-glass: the only way a privacy officer reads raw content. One officer asks for access to one person's
 * data with a written reason; a second officer approves; the grant then runs for a limited time (at most an
 * hour) and covers that person only. The Cedar policy `officer-breakglass-read` permits `record.read` only when
 * the request context says `breakglass`, and that flag is derived here, from a grant row in the database, never
 * from anything the client sends. Every step is audited under the action `breakglass`.
 */
export class BreakglassError extends Error {
  override name = "BreakglassError";
  constructor(
    readonly status: number,
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

export type GrantStatus = "pending" | "approved" | "denied" | "revoked" | "expired";

export interface Grant {
  id: string;
  officer: string;
  person: string;
  reason: string;
  purpose: string;
  minutes: number;
  requestedAt: string;
  status: GrantStatus;
  decidedBy: string | null;
  decidedAt: string | null;
  expiresAt: string | null;
  /** True while the grant lets its officer read: approved, unexpired, not revoked. */
  active: boolean;
}

/** Longest grant, and how long a request waits for its second officer before it lapses. */
export const MAX_GRANT_MINUTES = 60;
export const PENDING_TTL_MS = 24 * 3600 * 1000;
export const MIN_REASON_CHARS = 20;

type GrantRow = {
  id: string;
  officer: string;
  person: string;
  reason: string;
  purpose: string;
  minutes: number;
  requested_at: string;
  status: string;
  decided_by: string | null;
  decided_at: string | null;
  expires_at: string | null;
  revoked_at: string | null;
};

const COLS =
  "id, officer, person, reason, purpose, minutes, requested_at, status, decided_by, decided_at, expires_at, revoked_at";

function toGrant(r: GrantRow, now = new Date()): Grant {
  const iso = now.toISOString();
  let status = r.status as GrantStatus;
  if (status === "approved" && r.expires_at !== null && r.expires_at <= iso) status = "expired";
  if (status === "pending" && Date.parse(r.requested_at) + PENDING_TTL_MS <= now.getTime())
    status = "expired";
  return {
    id: r.id,
    officer: r.officer,
    person: r.person,
    reason: r.reason,
    purpose: r.purpose,
    minutes: Number(r.minutes),
    requestedAt: r.requested_at,
    status,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at,
    expiresAt: r.expires_at,
    active: status === "approved",
  };
}

/** Ask for break-glass access to one person's data. The reason is stored and audited (it must say why). */
export async function requestBreakglass(
  vault: Vault,
  officer: Principal,
  person: string,
  reason: string,
  purpose: string,
  minutes = MAX_GRANT_MINUTES,
): Promise<Grant> {
  if (officer.role !== "privacy_officer")
    throw new BreakglassError(403, "only a privacy officer may ask for break-glass access", "forbidden");
  if (reason.trim().length < MIN_REASON_CHARS)
    throw new BreakglassError(
      400,
      `the reason must say why, in at least ${MIN_REASON_CHARS} characters`,
      "reason_required",
    );
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > MAX_GRANT_MINUTES)
    throw new BreakglassError(400, `a grant lasts 1-${MAX_GRANT_MINUTES} minutes`, "bad_duration");
  const [p] = await vault.db.query<{ erased_at: string | null }>(
    "SELECT erased_at FROM people WHERE id = $1",
    [person],
  );
  if (!p) throw new BreakglassError(404, "no recorded person with this id", "not_found");
  if (p.erased_at) throw new BreakglassError(410, "this person's data was erased", "erased");
  const id = `bg-${randomUUID()}`;
  const now = new Date().toISOString();
  await vault.db.tx(async (q) => {
    await q.exec(
      `INSERT INTO breakglass_grants (${COLS}) VALUES ($1, $2, $3, $4, $5, $6, $7, 'pending', NULL, NULL, NULL, NULL)`,
      [id, officer.userId, person, reason.trim(), purpose, minutes, now],
    );
    await vault.audit.append(
      {
        action: "breakglass",
        actor: officer.userId,
        subject: vault.pseudonym(person),
        purpose,
        detail: { grant: id, step: "request", minutes, reasonChars: reason.trim().length },
      },
      q,
    );
  });
  return (await getGrant(vault.db, id))!;
}

export async function getGrant(db: Sql, id: string): Promise<Grant | undefined> {
  const [r] = await db.query<GrantRow>(`SELECT ${COLS} FROM breakglass_grants WHERE id = $1`, [id]);
  return r ? toGrant(r) : undefined;
}

export async function listGrants(db: Sql, opts: { person?: string } = {}): Promise<Grant[]> {
  const rows = opts.person
    ? await db.query<GrantRow>(
        `SELECT ${COLS} FROM breakglass_grants WHERE person = $1 ORDER BY requested_at DESC`,
        [opts.person],
      )
    : await db.query<GrantRow>(`SELECT ${COLS} FROM breakglass_grants ORDER BY requested_at DESC LIMIT 500`);
  return rows.map((r) => toGrant(r));
}

/** The second officer's decision. Approval starts the clock; the requester can never approve their own grant. */
export async function decideBreakglass(
  vault: Vault,
  approver: Principal,
  id: string,
  decision: "approve" | "deny",
  purpose: string,
): Promise<Grant> {
  if (approver.role !== "privacy_officer")
    throw new BreakglassError(403, "only a privacy officer may decide on break-glass access", "forbidden");
  await vault.db.tx(async (q) => {
    const [r] = await q.query<GrantRow>(`SELECT ${COLS} FROM breakglass_grants WHERE id = $1`, [id]);
    if (!r) throw new BreakglassError(404, "no such break-glass request", "not_found");
    const g = toGrant(r);
    if (g.officer === approver.userId)
      throw new BreakglassError(
        403,
        "a second privacy officer must decide: you cannot approve your own request",
        "same_officer",
      );
    if (g.status !== "pending")
      throw new BreakglassError(409, `this request is ${g.status}, not pending`, "not_pending");
    const now = new Date();
    const expires =
      decision === "approve" ? new Date(now.getTime() + g.minutes * 60_000).toISOString() : null;
    const changed = await q.exec(
      "UPDATE breakglass_grants SET status = $1, decided_by = $2, decided_at = $3, expires_at = $4 WHERE id = $5 AND status = 'pending'",
      [decision === "approve" ? "approved" : "denied", approver.userId, now.toISOString(), expires, id],
    );
    if (changed.changes !== 1)
      throw new BreakglassError(409, "this request was decided meanwhile", "not_pending");
    await vault.audit.append(
      {
        action: "breakglass",
        actor: approver.userId,
        subject: vault.pseudonym(g.person),
        purpose,
        detail: { grant: id, step: decision, requester: g.officer, expiresAt: expires },
      },
      q,
    );
  });
  return (await getGrant(vault.db, id))!;
}

/** End a grant early (either officer, or any officer during an incident). */
export async function revokeBreakglass(
  vault: Vault,
  by: Principal,
  id: string,
  purpose: string,
): Promise<Grant> {
  await vault.db.tx(async (q) => {
    const [r] = await q.query<GrantRow>(`SELECT ${COLS} FROM breakglass_grants WHERE id = $1`, [id]);
    if (!r) throw new BreakglassError(404, "no such break-glass grant", "not_found");
    const g = toGrant(r);
    if (g.status !== "approved" && g.status !== "pending")
      throw new BreakglassError(409, `this grant is already ${g.status}`, "not_active");
    await q.exec("UPDATE breakglass_grants SET status = 'revoked', revoked_at = $1 WHERE id = $2", [
      new Date().toISOString(),
      id,
    ]);
    await vault.audit.append(
      {
        action: "breakglass",
        actor: by.userId,
        subject: vault.pseudonym(g.person),
        purpose,
        detail: { grant: id, step: "revoke" },
      },
      q,
    );
  });
  return (await getGrant(vault.db, id))!;
}

/**
 * Does `principal` hold an active break-glass grant covering `person` right now? Only privacy officers can;
 * the grant must be approved by another officer, unexpired and not revoked. Returns the grant, or undefined.
 */
export async function activeGrant(db: Sql, principal: Principal, person: string): Promise<Grant | undefined> {
  if (principal.role !== "privacy_officer" || !principal.active || !person) return undefined;
  const now = new Date().toISOString();
  const [r] = await db.query<GrantRow>(
    `SELECT ${COLS} FROM breakglass_grants
     WHERE officer = $1 AND person = $2 AND status = 'approved' AND expires_at > $3 AND decided_by <> officer
     ORDER BY expires_at DESC LIMIT 1`,
    [principal.userId, person, now],
  );
  return r ? toGrant(r) : undefined;
}

/**
 * The `breakglass` context flag for one authorization decision, derived from the database: true only when the
 * principal is a privacy officer holding an active grant for the person who owns `resource`. The server should
 * compute it this way for every `record.read` (see the report: server.ts passes only the purpose today).
 */
export async function breakglassContext(
  vault: Vault,
  principal: Principal,
  resource: Resource,
): Promise<boolean> {
  const owner = resource.type === "Record" ? resource.owner : resource.type === "Person" ? resource.id : "";
  return (await activeGrant(vault.db, principal, owner)) !== undefined;
}
