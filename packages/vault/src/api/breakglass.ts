import { z } from "zod";
import {
  BreakglassError,
  MAX_GRANT_MINUTES,
  MIN_REASON_CHARS,
  activeGrant,
  decideBreakglass,
  getGrant,
  listGrants,
  requestBreakglass,
  revokeBreakglass,
  type Grant,
} from "../breakglass.js";
import { readStoredBatch } from "../ingest.js";
import { HttpError, route, type RouteDef, type RouteRequest } from "../routes.js";
import type { Vault } from "../vault.js";

async function wrap<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof BreakglassError) throw new HttpError(e.status, e.message, e.code);
    throw e;
  }
}

/** The person a grant covers, as the Cedar resource of routes that act on the grant. */
async function grantPerson({ vault, params }: RouteRequest): Promise<{ type: "Person"; id: string }> {
  const g = await getGrant(vault.db, params.id!);
  if (!g) throw new HttpError(404, "no such break-glass grant", "not_found");
  return { type: "Person", id: g.person };
}

/**
 * The grant behind a break-glass read, checked in the handler: it belongs to this officer, it is active, and the
 * final `record.read` decision is Cedar's with `breakglass` derived from it (never from the request).
 */
async function usableGrant(r: RouteRequest): Promise<Grant> {
  const g = await getGrant(r.vault.db, r.params.id!);
  if (!g) throw new HttpError(404, "no such break-glass grant", "not_found");
  if (g.officer !== r.principal!.userId)
    throw new HttpError(403, "this grant belongs to another officer", "not_your_grant");
  const live = await activeGrant(r.vault.db, r.principal!, g.person);
  if (!live || live.id !== g.id)
    throw new HttpError(
      403,
      `this grant is ${g.status === "approved" ? "not active" : g.status}`,
      "grant_inactive",
    );
  return g;
}

function decide(
  vault: Vault,
  r: RouteRequest,
  resource: { type: "Person"; id: string } | { type: "Record"; id: string; owner: string; level: number },
  breakglass: boolean,
): void {
  const d = vault.authorizer.authorize(r.principal!, "record.read", resource, {
    purpose: r.purpose,
    breakglass,
  });
  if (!d.allowed)
    throw new HttpError(403, "denied by policy: record.read is not allowed under this grant", "forbidden");
}

/** Break-glass routes: request, decide, revoke, list, and the reads a live grant allows. */
export function breakglassRoutes(vault: Vault): RouteDef[] {
  return [
    route({
      method: "POST",
      url: "/api/v1/breakglass",
      summary:
        "Ask for time-limited raw access to one person's data, with a written reason (needs a second officer)",
      auth: {
        kind: "principal",
        action: "breakglass.request",
        resource: ({ req }) => {
          const b = req.body as { person?: unknown } | undefined;
          return { type: "Person", id: typeof b?.person === "string" && b.person ? b.person : "-" };
        },
      },
      body: z.object({
        person: z.string().min(1).max(128),
        reason: z.string().min(MIN_REASON_CHARS).max(4000),
        minutes: z.number().int().min(1).max(MAX_GRANT_MINUTES).optional(),
      }),
      handler: async ({ body, principal, purpose }) => {
        const b = body as { person: string; reason: string; minutes?: number };
        return wrap(() => requestBreakglass(vault, principal!, b.person, b.reason, purpose, b.minutes));
      },
    }),
    route({
      method: "GET",
      url: "/api/v1/breakglass",
      summary: "Break-glass requests and grants (privacy officers)",
      auth: {
        kind: "principal",
        action: "breakglass.approve",
        resource: () => ({ type: "Service", id: "breakglass" }),
      },
      handler: async ({ query }) => ({ grants: await listGrants(vault.db, { person: query.person }) }),
    }),
    route({
      method: "POST",
      url: "/api/v1/breakglass/:id/approve",
      summary: "Approve another officer's break-glass request (starts its clock)",
      auth: { kind: "principal", action: "breakglass.approve", resource: grantPerson },
      handler: async ({ params, principal, purpose }) =>
        wrap(() => decideBreakglass(vault, principal!, params.id!, "approve", purpose)),
    }),
    route({
      method: "POST",
      url: "/api/v1/breakglass/:id/deny",
      summary: "Deny another officer's break-glass request",
      auth: { kind: "principal", action: "breakglass.approve", resource: grantPerson },
      handler: async ({ params, principal, purpose }) =>
        wrap(() => decideBreakglass(vault, principal!, params.id!, "deny", purpose)),
    }),
    route({
      method: "POST",
      url: "/api/v1/breakglass/:id/revoke",
      summary: "End a break-glass grant early",
      auth: { kind: "principal", action: "breakglass.approve", resource: grantPerson },
      handler: async ({ params, principal, purpose }) =>
        wrap(() => revokeBreakglass(vault, principal!, params.id!, purpose)),
    }),
    route({
      method: "GET",
      url: "/api/v1/breakglass/:id/batches",
      summary: "Under a live grant: the covered person's stored batches (metadata)",
      auth: { kind: "principal", action: "breakglass.request", resource: grantPerson },
      handler: async (r) => {
        const g = await usableGrant(r);
        decide(vault, r, { type: "Person", id: g.person }, true);
        const rows = await vault.db.query(
          "SELECT batch_id, month, level, events, frames, received_at, redactions FROM batches WHERE person = $1 ORDER BY received_at",
          [vault.pseudonym(g.person)],
        );
        await vault.audit.append({
          action: "read",
          actor: r.principal!.userId,
          subject: vault.pseudonym(g.person),
          purpose: r.purpose,
          detail: { breakglass: g.id, list: rows.length },
        });
        return { grant: g.id, expiresAt: g.expiresAt, batches: rows };
      },
    }),
    route({
      method: "GET",
      url: "/api/v1/breakglass/:id/batches/:batch",
      summary: "Under a live grant: decrypt one of the covered person's batches (audited)",
      auth: { kind: "principal", action: "breakglass.request", resource: grantPerson },
      handler: async (r) => {
        const g = await usableGrant(r);
        const [b] = await vault.db.query<{ person: string; level: number }>(
          "SELECT person, level FROM batches WHERE batch_id = $1",
          [r.params.batch!],
        );
        if (!b || b.person !== vault.pseudonym(g.person))
          throw new HttpError(404, "no such batch of the person this grant covers", "not_found");
        decide(
          vault,
          r,
          { type: "Record", id: r.params.batch!, owner: g.person, level: Number(b.level) },
          true,
        );
        const got = await readStoredBatch(vault, r.params.batch!);
        if (!got) throw new HttpError(404, "no such batch", "not_found");
        await vault.audit.append({
          action: "decrypt",
          actor: r.principal!.userId,
          subject: got.person,
          purpose: r.purpose,
          detail: { batch: r.params.batch!, breakglass: g.id },
        });
        return got.payload;
      },
    }),
  ];
}
