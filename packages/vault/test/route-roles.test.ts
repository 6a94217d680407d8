import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { datasetJobs } from "../src/datasets/jobs.js";
import { ROLES, type Role } from "../src/policy/cedar.js";
import { account, upload, waitForDataset, workSession } from "./governance-helpers.js";
import { startTestVault, type TestVault } from "./helpers.js";

/**
 * Every route × every role, against the ROLE TABLE of docs/ARCHITECTURE.md written out below — not against
 * the Cedar policies, so a policy that drifts from the role table fails here.
 *
 *   recorded person  — their own data (read, export, erase, pause) and their own requests
 *   researcher       — propose datasets; read approved datasets they are named on, for the approved purpose
 *   privacy officer  — approve datasets, handle requests, incidents (incl. pause/resume and fleet status),
 *                      read policy; raw content only through break-glass (tested in breakglass.test.ts)
 *   fleet admin      — devices, enrollment, manifests, pause/resume, accounts, key rotation, retention; no content
 *   auditor          — the audit log only
 *
 * A role the table allows must get past authorization (any answer but 401, or 403 with code "forbidden");
 * any other role must get 403 "forbidden". Anonymous callers get 401 everywhere except health, sign-in and the
 * routes that authenticate otherwise (device enrollment and upload) or are public (the manifest in force).
 */
const BY_ACTION: Record<string, Role[]> = {
  "record.read": ["person"],
  "record.export": ["person"],
  "record.erase": ["person"],
  "record.pause": ["person"],
  "request.create": ["person"],
  "request.list": ["privacy_officer"],
  "request.handle": ["privacy_officer"],
  "dataset.propose": ["researcher"],
  "dataset.list": ["researcher", "privacy_officer"],
  "dataset.read": ["researcher"],
  "dataset.approve": ["privacy_officer"],
  "breakglass.request": ["privacy_officer"],
  "breakglass.approve": ["privacy_officer"],
  "incident.open": ["privacy_officer"],
  "incident.read": ["privacy_officer"],
  // Officers may propose and approve; a change takes effect only when a second officer approves it
  // (tested in server.test.ts).
  "policy.change": ["privacy_officer"],
  "policy.read": ["privacy_officer", "fleet_admin"],
  "fleet.enroll": ["fleet_admin"],
  "fleet.revoke": ["fleet_admin"],
  "fleet.status": ["fleet_admin", "privacy_officer"],
  "fleet.pause": ["fleet_admin", "privacy_officer"],
  "fleet.resume": ["fleet_admin", "privacy_officer"],
  "manifest.publish": ["fleet_admin"],
  "account.create": ["fleet_admin"],
  "account.list": ["fleet_admin"],
  "key.rotate": ["fleet_admin"],
  "retention.run": ["fleet_admin"],
  "audit.read": ["auditor"],
  "audit.verify": ["auditor"],
};

/** Routes whose allowed roles differ from their action's: the person's own requests use request.list too. */
const BY_ROUTE: Record<string, Role[]> = {
  // The fixture holds a live, second-approved break-glass grant for alice, whose batch this is: the officer
  // may read it; without a grant the officer is denied (breakglass.test.ts).
  "GET /api/v1/batches/{id}": ["person", "privacy_officer"],
  "GET /api/v1/me/requests": ["person"],
  "GET /api/v1/me/requests/{id}": ["person"],
};

const OPEN = new Set([
  "GET /api/v1/health",
  "GET /api/v1/openapi.json",
  "POST /api/v1/auth/setup",
  "POST /api/v1/auth/login",
  "GET /api/v1/auth/oidc/start",
  "GET /api/v1/auth/oidc/callback",
  "GET /api/v1/manifests/current",
  "POST /api/v1/devices/enroll",
  "POST /api/v1/batches",
]);

/** Run last: they change what later calls find. */
const LAST = new Set(["POST /api/v1/me/erase"]);

let t: TestVault;
const params: Record<string, string> = {};
let doc: { paths: Record<string, Record<string, { "x-cedar-action"?: string; security?: unknown }>> };

beforeAll(async () => {
  t = await startTestVault();
  const batch = await upload(t, await t.enrollDevice("alice"), workSession("alice", "table test"));
  // An approved, built dataset naming the researcher; a request by alice; a live break-glass grant held by
  // privacy_officer-1 (approved by a second officer).
  const ds = await t.app.inject({
    method: "POST",
    url: "/api/v1/datasets",
    headers: t.as("researcher"),
    payload: {
      title: "table test",
      people: ["alice"],
      from: new Date(Date.now() - 86_400_000).toISOString(),
      to: new Date(Date.now() + 86_400_000).toISOString(),
      channels: ["mouse"],
      levelCap: 2,
      purpose: "agent-training",
      format: "messages",
    },
  });
  await t.app.inject({
    method: "POST",
    url: `/api/v1/datasets/${ds.json().id}/approve`,
    headers: t.as("privacy_officer"),
    payload: {},
  });
  await waitForDataset(t, ds.json().id, t.as("privacy_officer"));
  const rq = await t.app.inject({
    method: "POST",
    url: "/api/v1/me/requests",
    headers: t.as("person"),
    payload: { kind: "access" },
  });
  const second = await account(t, "officer-2", "privacy_officer");
  const g = await t.app.inject({
    method: "POST",
    url: "/api/v1/breakglass",
    headers: t.as("privacy_officer"),
    payload: { person: "alice", reason: "table test: checking what a live grant may reach" },
  });
  await t.app.inject({ method: "POST", url: `/api/v1/breakglass/${g.json().id}/approve`, headers: second });
  Object.assign(params, { batch, dataset: ds.json().id, request: rq.json().id, grant: g.json().id });
  doc = (await t.app.inject({ method: "GET", url: "/api/v1/openapi.json" })).json();
});

afterAll(async () => {
  await datasetJobs(t.vault).close();
  await t.app.close();
});

/** A concrete URL for a route: real fixture ids where the route's resource is looked up. */
function concrete(path: string): string {
  const id = path.startsWith("/api/v1/datasets/")
    ? params.dataset
    : path.startsWith("/api/v1/me/requests/") || path.startsWith("/api/v1/requests/")
      ? params.request
      : path.startsWith("/api/v1/breakglass/")
        ? params.grant
        : path.startsWith("/api/v1/batches/")
          ? params.batch
          : "x-no-such-id";
  return path
    .replace("{id}", id!)
    .replace("{batch}", params.batch!)
    .replace(/\{\w+\}/g, "x-no-such-id");
}

function routes(): { key: string; method: string; path: string; action?: string; principal: boolean }[] {
  const out = [];
  for (const [path, methods] of Object.entries(doc.paths))
    for (const [m, op] of Object.entries(methods))
      out.push({
        key: `${m.toUpperCase()} ${path}`,
        method: m.toUpperCase(),
        path,
        action: op["x-cedar-action"],
        principal: op.security !== undefined,
      });
  return out.sort((a, b) => Number(LAST.has(a.key)) - Number(LAST.has(b.key)));
}

describe("every route × every role", () => {
  it("the role table covers every action a route uses", () => {
    const missing = routes()
      .filter((r) => r.principal && !BY_ROUTE[r.key] && !BY_ACTION[r.action ?? ""])
      .map((r) => `${r.key} (${r.action})`);
    expect(missing, "add these actions to the test's role table").toEqual([]);
  });

  it("anonymous requests get 401 everywhere except health, sign-in, device enrollment/upload and the public manifest", async () => {
    for (const r of routes()) {
      if (OPEN.has(r.key)) continue;
      const res = await t.app.inject({
        method: r.method as "GET",
        url: concrete(r.path),
        ...(r.method === "GET" ? {} : { payload: {} }),
      });
      expect(res.statusCode, r.key).toBe(401);
    }
  });

  // Before the role pass below, which ends with an erasure.
  it("a forbidden purpose is refused on every route, for every role", async () => {
    for (const r of routes()) {
      if (!r.principal) continue;
      for (const role of ROLES) {
        const res = await t.app.inject({
          method: r.method as "GET",
          url: concrete(r.path),
          headers: t.as(role, "performance-evaluation"),
          ...(r.method === "GET" ? {} : { payload: {} }),
        });
        expect(res.statusCode, `${r.key} as ${role}`).toBe(403);
      }
    }
  });

  it("each role gets exactly what the role table allows", async () => {
    const problems: string[] = [];
    let checked = 0;
    for (const r of routes()) {
      if (!r.principal) continue;
      const allowed = BY_ROUTE[r.key] ?? BY_ACTION[r.action ?? ""] ?? [];
      for (const role of ROLES) {
        const res = await t.app.inject({
          method: r.method as "GET",
          url: concrete(r.path),
          headers: t.as(role),
          ...(r.method === "GET" ? {} : { payload: {} }),
        });
        const denied = res.statusCode === 403 && res.json().code === "forbidden";
        checked++;
        if (res.statusCode === 401) problems.push(`${r.key} as ${role}: 401 with a valid session`);
        else if (allowed.includes(role) && denied)
          problems.push(`${r.key} as ${role}: denied, but the table allows it`);
        else if (!allowed.includes(role) && !denied)
          problems.push(`${r.key} as ${role}: got ${res.statusCode}, but the table denies it`);
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(40 * ROLES.length);
  });
});
