import { z } from "zod";
import {
  REQUEST_KINDS,
  RequestError,
  accessExport,
  getRequest,
  handleRequest,
  listRequests,
  submitRequest,
  withdrawRequest,
  type RequestKind,
} from "../requests/requests.js";
import { HttpError, route, type RouteDef, type RouteRequest } from "../routes.js";
import type { Vault } from "../vault.js";

async function wrap<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof RequestError) throw new HttpError(e.status, e.message, e.code);
    throw e;
  }
}

/** The signed-in person, as the resource of /me routes. Staff accounts have no person: these routes are not theirs. */
const self = ({ principal }: RouteRequest) => {
  if (!principal!.person)
    throw new HttpError(403, "denied by policy: this route is for recorded people's own data", "forbidden");
  return { type: "Person" as const, id: principal!.person };
};
const svc = () => ({ type: "Service" as const, id: "requests" });

async function own(r: RouteRequest) {
  const q = await getRequest(r.vault.db, r.params.id!);
  if (!q || q.person !== r.principal!.person) throw new HttpError(404, "no such request", "not_found");
  return q;
}

/** Requests from recorded people: their own routes under /me, and the officers' routes under /requests. */
export function subjectRequestRoutes(vault: Vault): RouteDef[] {
  return [
    route({
      method: "POST",
      url: "/api/v1/me/requests",
      summary: "File a request about your own data: access, erasure or objection (tracked, 30-day deadline)",
      auth: { kind: "principal", action: "request.create", resource: self },
      body: z.object({ kind: z.enum(REQUEST_KINDS), note: z.string().max(2000).optional() }),
      handler: async ({ body, principal }) => {
        const b = body as { kind: RequestKind; note?: string };
        return wrap(() => submitRequest(vault, principal!.person, b.kind, principal!.userId, b.note ?? ""));
      },
    }),
    route({
      method: "GET",
      url: "/api/v1/me/requests",
      summary: "Your requests and their status",
      auth: { kind: "principal", action: "request.list", resource: self },
      handler: async ({ principal }) => ({
        requests: await listRequests(vault.db, { person: principal!.person }),
      }),
    }),
    route({
      method: "GET",
      url: "/api/v1/me/requests/:id",
      summary: "One of your requests",
      auth: { kind: "principal", action: "request.list", resource: self },
      handler: async (r) => own(r),
    }),
    route({
      method: "POST",
      url: "/api/v1/me/requests/:id/withdraw",
      summary: "Withdraw one of your requests (lifts an objection)",
      auth: { kind: "principal", action: "request.create", resource: self },
      handler: async (r) => {
        await own(r);
        return wrap(() => withdrawRequest(vault, r.principal!.person, r.params.id!, r.principal!.userId));
      },
    }),
    route({
      method: "GET",
      url: "/api/v1/me/requests/:id/download",
      summary:
        "Download the copy of all your data an access request produced (zip; assembled on demand, audited)",
      auth: { kind: "principal", action: "record.export", resource: self },
      handler: async (r) => {
        const q = await own(r);
        if (q.kind !== "access" || q.status !== "completed")
          throw new HttpError(409, "only a completed access request has a download", "no_download");
        const bytes = await accessExport(vault, r.principal!.person, q.id, r.principal!.userId);
        r.reply
          .type("application/zip")
          .header("content-disposition", `attachment; filename="tracevault-my-data-${q.id}.zip"`)
          .header("cache-control", "no-store");
        return Buffer.from(bytes);
      },
    }),
    route({
      method: "GET",
      url: "/api/v1/requests",
      summary: "All requests from recorded people, with deadlines (?status=open|failed|completed…)",
      auth: { kind: "principal", action: "request.list", resource: svc },
      handler: async ({ query }) => {
        const requests = await listRequests(vault.db, { status: query.status });
        return { requests, overdue: requests.filter((x) => x.overdue).length };
      },
    }),
    route({
      method: "GET",
      url: "/api/v1/requests/:id",
      summary: "One request from a recorded person",
      auth: { kind: "principal", action: "request.list", resource: svc },
      handler: async ({ params }) => {
        const q = await getRequest(vault.db, params.id!);
        if (!q) throw new HttpError(404, "no such request", "not_found");
        return q;
      },
    }),
    route({
      method: "POST",
      url: "/api/v1/requests",
      summary: "File a request on a person's behalf (received by mail or in person)",
      auth: { kind: "principal", action: "request.handle", resource: svc },
      body: z.object({
        person: z.string().min(1).max(128),
        kind: z.enum(REQUEST_KINDS),
        note: z.string().max(2000).optional(),
      }),
      handler: async ({ body, principal }) => {
        const b = body as { person: string; kind: RequestKind; note?: string };
        return wrap(() => submitRequest(vault, b.person, b.kind, principal!.userId, b.note ?? ""));
      },
    }),
    route({
      method: "POST",
      url: "/api/v1/requests/:id/handle",
      summary: "Handle a request: retry a failed one, or close it as completed or rejected (with a note)",
      auth: { kind: "principal", action: "request.handle", resource: svc },
      body: z.object({
        action: z.enum(["retry", "complete", "reject"]),
        note: z.string().max(2000).default(""),
      }),
      handler: async ({ body, params, principal }) => {
        const b = body as { action: "retry" | "complete" | "reject"; note: string };
        return wrap(() => handleRequest(vault, principal!.userId, params.id!, b.action, b.note));
      },
    }),
  ];
}
