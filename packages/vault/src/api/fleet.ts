import { z } from "zod";
import { CONSENT_DECISIONS, type ConsentDecision } from "../fleet/consent.js";
import { fleetOf } from "../fleet/index.js";
import {
  OpenIncident,
  UpdateIncident,
  closeIncident,
  getIncident,
  listIncidents,
  openIncident,
  updateIncident,
} from "../fleet/incidents.js";
import { FleetError, listPauses } from "../fleet/pauses.js";
import { CHANNEL_PATH, Scope } from "../fleet/protocol.js";
import { HttpError, route, type RouteDef, type RouteRequest } from "../routes.js";
import type { Vault } from "../vault.js";

const svc = (id: string) => () => ({ type: "Service" as const, id });
const self = ({ principal }: RouteRequest) => ({ type: "Person" as const, id: principal!.person || "-" });
const Reason = z.string().trim().min(3, "give a reason (3+ characters)").max(500);

/** Turn fleet errors into HTTP errors. */
async function guard<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof FleetError) throw new HttpError(e.status, e.message, e.code);
    throw e;
  }
}

/**
 * Fleet control: pause and resume by scope with a live acknowledgement table, recorder status, teams, the
 * person's own pause and consent, incidents and detectors. The recorders' own channel is a WebSocket on
 * /api/v1/fleet/channel (served by `attachFleetChannel`; listed here so it appears in the OpenAPI document).
 */
export function fleetRoutes(vault: Vault): RouteDef[] {
  const fleet = () => fleetOf(vault);
  return [
    route({
      method: "GET",
      url: CHANNEL_PATH,
      summary:
        "The recorder's lease and pause channel: a WebSocket (upgrade), authenticated by the device's Ed25519 signature over a fresh challenge",
      auth: { kind: "device" },
      handler: async () => {
        throw new HttpError(
          401,
          "this is a WebSocket channel: open it with an Upgrade request and answer the challenge with the device key",
          "upgrade_required",
        );
      },
    }),
    route({
      method: "POST",
      url: "/api/v1/fleet/pause",
      summary:
        "Pause recording for everyone, a team, a person or a device; recorders acknowledge once they have stopped and flushed",
      auth: { kind: "principal", action: "fleet.pause", resource: svc("fleet") },
      body: z.object({ scope: Scope, reason: Reason }),
      handler: async ({ body, principal }) => {
        const b = body as { scope: Scope; reason: string };
        return guard(() =>
          fleet().pause({
            scope: b.scope,
            reason: b.reason,
            by: principal!.role === "privacy_officer" ? "officer" : "admin",
            actor: principal!.userId,
          }),
        );
      },
    }),
    route({
      method: "POST",
      url: "/api/v1/fleet/resume",
      summary:
        "Lift pauses: one by id, or every active pause of exactly this scope (never a person's own pause)",
      auth: { kind: "principal", action: "fleet.resume", resource: svc("fleet") },
      body: z
        .object({
          scope: Scope.optional(),
          pauseId: z.string().max(64).optional(),
          reason: z.string().max(500).optional(),
        })
        .refine((b) => !!b.scope !== !!b.pauseId, { message: "give either scope or pauseId" }),
      handler: async ({ body, principal }) => {
        const b = body as { scope?: Scope; pauseId?: string; reason?: string };
        return guard(() =>
          fleet().resume({
            ...(b.scope ? { scope: b.scope } : {}),
            ...(b.pauseId ? { pauseId: b.pauseId } : {}),
            ...(b.reason ? { reason: b.reason } : {}),
            by: principal!.role === "privacy_officer" ? "officer" : "admin",
            actor: principal!.userId,
          }),
        );
      },
    }),
    route({
      method: "GET",
      url: "/api/v1/fleet/status",
      summary:
        "Every recorder: state, lease expiry, last seen, last acknowledgement, node; the active pauses with their acknowledgement counts",
      auth: { kind: "principal", action: "fleet.status", resource: svc("fleet") },
      handler: async () => fleet().status(),
    }),
    route({
      method: "GET",
      url: "/api/v1/fleet/pauses",
      summary: "Recent pauses (active and lifted)",
      auth: { kind: "principal", action: "fleet.status", resource: svc("fleet") },
      handler: async () => ({ pauses: await listPauses(vault.db) }),
    }),
    route({
      method: "GET",
      url: "/api/v1/fleet/pauses/:id",
      summary:
        "One pause's acknowledgement table: which recorders in scope acknowledged (and how fast), which did not, which cannot record (lease expired)",
      auth: { kind: "principal", action: "fleet.status", resource: svc("fleet") },
      handler: async ({ params, query }) =>
        guard(() => fleet().pauseStatus(params.id!, query.summary !== "1" && query.summary !== "true")),
    }),
    route({
      method: "PUT",
      url: "/api/v1/fleet/people/:person/team",
      summary: "Put a person in a team (team pauses apply to their recorders at once)",
      auth: { kind: "principal", action: "fleet.enroll", resource: svc("fleet") },
      body: z.object({
        team: z.string().regex(/^$|^[A-Za-z0-9._@:-]{1,128}$/, "a team id (or empty for none)"),
      }),
      handler: async ({ params, body, principal }) => {
        const person = params.person!;
        if (!/^[A-Za-z0-9._@-]{1,128}$/.test(person)) throw new HttpError(400, "bad person id", "bad_person");
        const team = (body as { team: string }).team;
        await fleet().setTeam(person, team);
        await vault.audit.append({
          action: "enroll",
          actor: principal!.userId,
          subject: vault.pseudonym(person),
          detail: { team },
        });
        return { person, team };
      },
    }),
    route({
      method: "POST",
      url: "/api/v1/fleet/devices/:id/revoke",
      summary:
        "Revoke a device and stop it now: its recorder is told on whichever node it is connected to, gets no further lease, and its uploads are refused",
      auth: { kind: "principal", action: "fleet.revoke", resource: svc("fleet") },
      body: z.object({ reason: z.string().max(500).default("revoked by the fleet admin") }),
      handler: async ({ params, body, principal }) => {
        const id = params.id!;
        const reason = (body as { reason: string }).reason;
        const revoked = await vault.db.tx(async (q) => {
          const r = await q.exec("UPDATE devices SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL", [
            new Date().toISOString(),
            id,
          ]);
          if (r.changes)
            await vault.audit.append(
              { action: "device.revoke", actor: principal!.userId, detail: { device: id } },
              q,
            );
          return r.changes > 0;
        });
        if (!revoked) throw new HttpError(404, "no such active device", "not_found");
        await fleet().revokeDevice(id, reason);
        return { revoked: true };
      },
    }),
    route({
      method: "POST",
      url: "/api/v1/me/pause",
      summary: "Pause your own recording on all your devices (nobody else can lift it)",
      auth: { kind: "principal", action: "record.pause", resource: self },
      body: z.object({ reason: Reason }),
      handler: async ({ body, principal }) =>
        guard(() =>
          fleet().pause({
            scope: { kind: "person", value: principal!.person },
            reason: (body as { reason: string }).reason,
            by: "person",
            actor: principal!.person,
          }),
        ),
    }),
    route({
      method: "POST",
      url: "/api/v1/me/resume",
      summary: "Lift your own pause",
      auth: { kind: "principal", action: "record.pause", resource: self },
      body: z.object({ pauseId: z.string().max(64).optional() }),
      handler: async ({ body, principal }) => {
        const b = body as { pauseId?: string };
        return guard(() =>
          fleet().resume({
            ...(b.pauseId ? { pauseId: b.pauseId } : { scope: { kind: "person", value: principal!.person } }),
            by: "person",
            actor: principal!.person,
            person: principal!.person,
          }),
        );
      },
    }),
    route({
      method: "GET",
      url: "/api/v1/me/fleet",
      summary: "Your recorders (state, lease) and the pauses that apply to you",
      auth: { kind: "principal", action: "record.read", resource: self },
      handler: async ({ principal }) => {
        const st = await fleet().status();
        const mine = st.recorders.filter((r) => r.person === principal!.person);
        const teams = new Set(mine.map((r) => r.team).filter(Boolean));
        const devices = new Set(mine.map((r) => r.deviceId));
        return {
          recorders: mine,
          pauses: st.pauses
            .map((p) => p.pause)
            .filter(
              (p) =>
                p.scope.kind === "all" ||
                (p.scope.kind === "person" && p.scope.value === principal!.person) ||
                (p.scope.kind === "team" && teams.has(p.scope.value)) ||
                (p.scope.kind === "device" && devices.has(p.scope.value)),
            )
            .map((p) => ({
              id: p.id,
              scope: p.scope,
              reason: p.reason,
              by: p.by,
              createdAt: p.createdAt,
              own: p.by === "person",
            })),
        };
      },
    }),
    route({
      method: "GET",
      url: "/api/v1/me/consent",
      summary:
        "Your consent: the manifest in force, your decision about it and what changed since the version you acknowledged; every acknowledgement, objection and withdrawal",
      auth: { kind: "principal", action: "record.read", resource: self },
      handler: async ({ principal }) => fleet().consentOf(principal!.person),
    }),
    route({
      method: "POST",
      url: "/api/v1/me/consent",
      summary:
        "Acknowledge a manifest version, object to it, or withdraw your acknowledgement (stored, audited; recording stops unless acknowledged)",
      auth: { kind: "principal", action: "request.create", resource: self },
      body: z.object({
        manifestHash: z.string().regex(/^[0-9a-f]{64}$/),
        decision: z.enum(CONSENT_DECISIONS),
        note: z.string().max(2000).default(""),
        shown: z.enum(["diff", "full", "none"]).default("full"),
      }),
      handler: async ({ body, principal }) => {
        const b = body as { manifestHash: string; decision: ConsentDecision; note: string; shown: string };
        return guard(() =>
          fleet().recordConsent({
            person: principal!.person,
            manifestHash: b.manifestHash,
            decision: b.decision,
            via: "api",
            actor: principal!.userId,
            shown: b.shown,
            note: b.note,
          }),
        );
      },
    }),
    route({
      method: "POST",
      url: "/api/v1/incidents",
      summary:
        "Open an incident (SEV 0-5, owner, scope); SEV 0/1 pauses its scope; optionally revoke researcher grants and rotate keys",
      auth: { kind: "principal", action: "incident.open", resource: svc("incidents") },
      body: OpenIncident,
      handler: async ({ body, principal }) =>
        guard(() =>
          openIncident(fleet(), { ...(body as OpenIncident), source: "manual", openedBy: principal!.userId }),
        ),
    }),
    route({
      method: "GET",
      url: "/api/v1/incidents",
      summary: "Incidents (newest first); ?status=open|mitigated|closed",
      auth: { kind: "principal", action: "incident.read", resource: svc("incidents") },
      handler: async ({ query }) => ({
        incidents: await listIncidents(vault.db, query.status ? { status: String(query.status) } : {}),
      }),
    }),
    route({
      method: "GET",
      url: "/api/v1/incidents/:id",
      summary: "One incident with its timeline",
      auth: { kind: "principal", action: "incident.read", resource: svc("incidents") },
      handler: async ({ params }) => {
        const inc = await getIncident(vault.db, params.id!);
        if (!inc) throw new HttpError(404, "no such incident", "not_found");
        return inc;
      },
    }),
    route({
      method: "POST",
      url: "/api/v1/incidents/:id/update",
      summary: "Add a note, change owner, status (open/mitigated) or severity",
      auth: { kind: "principal", action: "incident.open", resource: svc("incidents") },
      body: UpdateIncident,
      handler: async ({ params, body, principal }) =>
        guard(() =>
          updateIncident(fleet(), params.id!, principal!.userId, body as z.infer<typeof UpdateIncident>),
        ),
    }),
    route({
      method: "POST",
      url: "/api/v1/incidents/:id/close",
      summary:
        "Close an incident: lifts its pause (unless keepPaused), optionally restores suspended datasets",
      auth: { kind: "principal", action: "incident.open", resource: svc("incidents") },
      body: z.object({
        note: z.string().max(4000).optional(),
        keepPaused: z.boolean().optional(),
        restoreGrants: z.boolean().optional(),
      }),
      handler: async ({ params, body, principal }) =>
        guard(() =>
          closeIncident(
            fleet(),
            params.id!,
            principal!.userId,
            body as { note?: string; keepPaused?: boolean; restoreGrants?: boolean },
          ),
        ),
    }),
    route({
      method: "POST",
      url: "/api/v1/incidents/canaries",
      summary:
        "Issue a canary token to plant in a test recording: if it is ever found in plaintext at rest, a SEV 1 incident opens",
      auth: { kind: "principal", action: "incident.open", resource: svc("incidents") },
      body: z.object({ label: z.string().min(1).max(200) }),
      handler: async ({ body, principal }) =>
        fleet().detectors.issueCanary((body as { label: string }).label, principal!.userId),
    }),
    route({
      method: "POST",
      url: "/api/v1/incidents/detectors/run",
      summary:
        "Run the detectors now (audit-log detectors, the canary scan, or both); returns incidents opened",
      auth: { kind: "principal", action: "incident.open", resource: svc("incidents") },
      body: z.object({ run: z.enum(["audit", "canaries", "all"]) }),
      handler: async ({ body }) => {
        const what = (body as { run: "audit" | "canaries" | "all" }).run;
        const opened = [
          ...(what !== "canaries" ? await fleet().detectors.runOnce() : []),
          ...(what !== "audit" ? await fleet().detectors.scanCanaries(true) : []),
        ];
        return { opened };
      },
    }),
  ];
}
