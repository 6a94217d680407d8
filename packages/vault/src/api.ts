import { randomUUID } from "node:crypto";
import { Manifest } from "@tracevault/core";
import { signManifest, type Signature } from "@tracevault/crypto";
import { z } from "zod";
import { AuthError } from "./accounts.js";
import { verifyAuditLog } from "./audit/log.js";
import { Devices, EnrollmentError, issueEnrollment } from "./devices.js";
import { IngestError, ingestBatch, readStoredBatch } from "./ingest.js";
import { submitRequest } from "./requests/requests.js";
import { fleetOf } from "./fleet/index.js";
import { ROLES, validatePolicies } from "./policy/cedar.js";
import { HttpError, route, type RouteDef } from "./routes.js";
import type { Vault } from "./vault.js";

const svc = (id: string) => () => ({ type: "Service" as const, id });
const B64KEY = z.string().regex(/^[A-Za-z0-9_-]{43}$/, "a 32-byte key in base64url");

async function currentManifest(
  vault: Vault,
): Promise<{ manifest: Manifest; hash: string; doc: string } | undefined> {
  const [m] = await vault.db.query<{ doc: string; hash: string }>(
    "SELECT doc, hash FROM manifests ORDER BY published_at DESC, version DESC LIMIT 1",
  );
  return m ? { manifest: Manifest.parse(JSON.parse(m.doc)), hash: m.hash, doc: m.doc } : undefined;
}

/** Every route of the vault's API. */
export function apiRoutes(vault: Vault): RouteDef[] {
  const devices = new Devices(vault.db);
  return [
    route({
      method: "GET",
      url: "/api/v1/health",
      summary: "Liveness and storage check",
      auth: { kind: "anonymous" },
      handler: async () => {
        await vault.db.query("SELECT 1 AS ok");
        return { ok: true, auditSize: await vault.audit.size() };
      },
    }),
    route({
      method: "POST",
      url: "/api/v1/auth/setup",
      summary: "Create the first administrator with the one-time setup link",
      auth: { kind: "anonymous" },
      body: z.object({ token: z.string().min(1), username: z.string(), password: z.string() }),
      handler: async ({ body }) => {
        const b = body as { token: string; username: string; password: string };
        try {
          const id = await vault.accounts.setup(b.token, b.username, b.password);
          await vault.audit.append({ action: "login", actor: id, detail: { setup: true } });
          return { accountId: id, role: "fleet_admin" };
        } catch (e) {
          if (e instanceof AuthError) throw new HttpError(400, e.message, "setup_failed");
          throw e;
        }
      },
    }),
    route({
      method: "POST",
      url: "/api/v1/auth/login",
      summary: "Sign in with a local account; returns a bearer token",
      auth: { kind: "anonymous" },
      body: z.object({ username: z.string().max(64), password: z.string().max(1024) }),
      handler: async ({ body }) => {
        const b = body as { username: string; password: string };
        try {
          const s = await vault.accounts.login(b.username, b.password);
          await vault.audit.append({ action: "login", actor: s.accountId });
          return s;
        } catch (e) {
          if (e instanceof AuthError) throw new HttpError(401, e.message, "login_failed");
          throw e;
        }
      },
    }),
    route({
      method: "GET",
      url: "/api/v1/manifests/current",
      summary: "The manifest in force (what is collected, why, for how long), signed by the vault",
      auth: { kind: "anonymous" },
      handler: async () => {
        const m = await currentManifest(vault);
        if (!m) throw new HttpError(404, "no manifest has been published", "no_manifest");
        return signManifest(m.manifest, vault.keys.sign.privateKey, vault.keys.sign.publicKey);
      },
    }),
    route({
      method: "POST",
      url: "/api/v1/manifests",
      summary: "Publish a new manifest version (recording stops until people acknowledge it)",
      auth: { kind: "principal", action: "manifest.publish", resource: svc("fleet") },
      body: Manifest,
      handler: async ({ body, principal }) => {
        const signed = signManifest(body as Manifest, vault.keys.sign.privateKey, vault.keys.sign.publicKey);
        await vault.db.tx(async (q) => {
          const dup = await q.query("SELECT 1 FROM manifests WHERE hash = $1", [signed.hash]);
          if (dup.length)
            throw new HttpError(409, "this manifest is already published", "duplicate_manifest");
          const older = await q.query<{ v: number }>(
            "SELECT MAX(version) AS v FROM manifests WHERE id = $1",
            [signed.manifest.id],
          );
          if (older[0]?.v != null && Number(older[0].v) >= signed.manifest.version)
            throw new HttpError(
              409,
              `manifest ${signed.manifest.id} already has version ${older[0].v}; publish a higher one`,
              "stale_version",
            );
          await q.exec(
            "INSERT INTO manifests (hash, id, version, doc, published_at, published_by) VALUES ($1, $2, $3, $4, $5, $6)",
            [
              signed.hash,
              signed.manifest.id,
              signed.manifest.version,
              JSON.stringify(signed.manifest),
              new Date().toISOString(),
              principal!.userId,
            ],
          );
          await vault.audit.append(
            {
              action: "manifest.publish",
              actor: principal!.userId,
              detail: { id: signed.manifest.id, version: signed.manifest.version, hash: signed.hash },
            },
            q,
          );
        });
        // Tell connected recorders now (other nodes learn it through NATS or their resync).
        await fleetOf(vault).manifestPublished();
        return signed;
      },
    }),
    route({
      method: "POST",
      url: "/api/v1/accounts",
      summary: "Create an account",
      auth: { kind: "principal", action: "account.create", resource: svc("accounts") },
      body: z.object({
        username: z.string(),
        password: z.string(),
        role: z.enum(ROLES),
        person: z.string().max(128).optional(),
      }),
      handler: async ({ body }) => {
        const b = body as {
          username: string;
          password: string;
          role: (typeof ROLES)[number];
          person?: string;
        };
        try {
          return { id: await vault.accounts.create(b.username, b.password, b.role, b.person ?? "") };
        } catch (e) {
          if (e instanceof AuthError) throw new HttpError(400, e.message, "bad_account");
          throw e;
        }
      },
    }),
    route({
      method: "GET",
      url: "/api/v1/accounts",
      summary: "List accounts",
      auth: { kind: "principal", action: "account.list", resource: svc("accounts") },
      handler: async () => ({ accounts: await vault.accounts.list() }),
    }),
    route({
      method: "POST",
      url: "/api/v1/enrollments",
      summary: "Issue a one-time enrollment token for a person's device",
      auth: { kind: "principal", action: "fleet.enroll", resource: svc("fleet") },
      body: z.object({ person: z.string() }),
      handler: async ({ body, principal }) => {
        try {
          return await issueEnrollment(vault, (body as { person: string }).person, principal!.userId);
        } catch (e) {
          if (e instanceof EnrollmentError) throw new HttpError(400, e.message, "bad_enrollment");
          throw e;
        }
      },
    }),
    route({
      method: "POST",
      url: "/api/v1/devices/enroll",
      summary: "A recorder redeems an enrollment token for its Ed25519 identity",
      auth: { kind: "anonymous" },
      body: z.object({ token: z.string().min(1).max(200), publicKey: B64KEY }),
      handler: async ({ body }) => {
        const b = body as { token: string; publicKey: string };
        try {
          const d = await vault.db.tx(async (q) => {
            const dev = await devices.enroll(
              b.token,
              new Uint8Array(Buffer.from(b.publicKey, "base64url")),
              q,
            );
            await vault.audit.append(
              {
                action: "enroll",
                actor: dev.id,
                subject: vault.pseudonym(dev.person),
                detail: { kid: dev.kid },
              },
              q,
            );
            return dev;
          });
          return {
            deviceId: d.id,
            vault: {
              seal: {
                pub: Buffer.from(vault.keys.seal.publicKey).toString("base64url"),
                kid: vault.keys.seal.kid,
              },
              sign: {
                pub: Buffer.from(vault.keys.sign.publicKey).toString("base64url"),
                kid: vault.keys.sign.kid,
              },
            },
          };
        } catch (e) {
          if (e instanceof EnrollmentError) throw new HttpError(400, e.message, "bad_enrollment");
          throw e;
        }
      },
    }),
    route({
      method: "GET",
      url: "/api/v1/devices",
      summary: "List devices (no content)",
      auth: { kind: "principal", action: "fleet.status", resource: svc("fleet") },
      handler: async () => ({ devices: await devices.list() }),
    }),
    route({
      method: "POST",
      url: "/api/v1/devices/:id/revoke",
      summary: "Revoke a device: its uploads are refused from now on",
      auth: { kind: "principal", action: "fleet.revoke", resource: svc("fleet") },
      handler: async ({ params, principal }) => {
        if (!(await devices.revoke(params.id!)))
          throw new HttpError(404, "no such active device", "not_found");
        await fleetOf(vault).revokeDevice(params.id!, "revoked by a fleet admin");
        await vault.audit.append({
          action: "device.revoke",
          actor: principal!.userId,
          detail: { device: params.id! },
        });
        return { revoked: true };
      },
    }),
    route({
      method: "POST",
      url: "/api/v1/batches",
      summary: "Upload one sealed batch (device-signed; idempotent by batch id)",
      auth: { kind: "device" },
      binary: true,
      handler: async ({ req, body, reply }) => {
        const deviceId = String(req.headers["x-tracevault-device"] ?? "");
        let sig: Signature;
        try {
          sig = JSON.parse(
            Buffer.from(String(req.headers["x-tracevault-signature"] ?? ""), "base64url").toString("utf8"),
          );
        } catch {
          throw new HttpError(401, "missing or malformed X-Tracevault-Signature", "bad_signature");
        }
        if (!deviceId) throw new HttpError(401, "missing X-Tracevault-Device", "unknown_device");
        try {
          const r = await ingestBatch(vault, devices, deviceId, sig, body as Uint8Array);
          reply.code(r.duplicate ? 200 : 201);
          return r;
        } catch (e) {
          if (e instanceof IngestError) throw new HttpError(e.status, e.message, e.code);
          throw e;
        }
      },
    }),
    route({
      method: "GET",
      url: "/api/v1/me/batches",
      summary: "The signed-in person's own stored batches (metadata)",
      auth: {
        kind: "principal",
        action: "record.read",
        resource: ({ principal }) => ({ type: "Person", id: principal!.person || "-" }),
      },
      handler: async ({ principal }) => {
        const rows = await vault.db.query(
          "SELECT batch_id, month, level, events, frames, received_at, redactions FROM batches WHERE person = $1 ORDER BY received_at",
          [vault.pseudonym(principal!.person)],
        );
        return { batches: rows };
      },
    }),
    route({
      method: "GET",
      url: "/api/v1/batches/:id",
      summary: "Decrypt one stored batch (its owner, or an officer under break-glass)",
      auth: {
        kind: "principal",
        action: "record.read",
        resource: async ({ params, vault: v }) => {
          const [b] = await v.db.query<{ person: string; level: number }>(
            "SELECT person, level FROM batches WHERE batch_id = $1",
            [params.id!],
          );
          if (!b) throw new HttpError(404, "no such batch", "not_found");
          const [p] = await v.db.query<{ id: string }>("SELECT id FROM people WHERE pseudonym = $1", [
            b.person,
          ]);
          return { type: "Record", id: params.id!, owner: p?.id ?? "", level: Number(b.level) };
        },
      },
      handler: async ({ params, principal, purpose }) => {
        const r = await readStoredBatch(vault, params.id!);
        if (!r) throw new HttpError(404, "no such batch", "not_found");
        await vault.audit.append({
          action: "decrypt",
          actor: principal!.userId,
          subject: r.person,
          purpose,
          detail: { batch: params.id! },
        });
        return r.payload;
      },
    }),
    route({
      method: "POST",
      url: "/api/v1/me/erase",
      summary: "Erase all of the signed-in person's data (crypto-shredding, then blob deletion)",
      auth: {
        kind: "principal",
        action: "record.erase",
        resource: ({ principal }) => ({ type: "Person", id: principal!.person || "-" }),
      },
      // Erasure is a tracked request like any other (deadline, status, audit), carried out at once.
      handler: async ({ principal }) => submitRequest(vault, principal!.person, "erasure", principal!.userId),
    }),
    route({
      method: "GET",
      url: "/api/v1/audit/entries",
      summary: "Read audit entries (pseudonymous)",
      auth: { kind: "principal", action: "audit.read", resource: svc("audit") },
      handler: async ({ query }) => ({
        entries: await vault.audit.entries(
          Number(query.from ?? 0) || 0,
          Math.min(Number(query.limit ?? 100) || 100, 1000),
        ),
      }),
    }),
    route({
      method: "GET",
      url: "/api/v1/audit/checkpoint",
      summary: "The signed head of the audit log (C2SP checkpoint) for an external witness",
      auth: { kind: "principal", action: "audit.read", resource: svc("audit") },
      handler: async ({ reply }) => {
        reply.type("text/plain; charset=utf-8");
        return vault.audit.checkpoint();
      },
    }),
    route({
      method: "POST",
      url: "/api/v1/audit/verify",
      summary: "Verify the whole audit log",
      auth: { kind: "principal", action: "audit.verify", resource: svc("audit") },
      handler: async () => verifyAuditLog(vault.db, vault.origin, vault.keys.sign.publicKey),
    }),
    route({
      method: "GET",
      url: "/api/v1/policy",
      summary: "The active Cedar policies",
      auth: { kind: "principal", action: "policy.read", resource: svc("policy") },
      handler: async () => {
        const [v] = await vault.db.query<{ version: number }>("SELECT MAX(version) AS version FROM policies");
        return { version: Number(v?.version ?? 0), text: vault.authorizer.text };
      },
    }),
    route({
      method: "PUT",
      url: "/api/v1/policy",
      summary: "Propose new Cedar policies (validated now; applied only when a second officer approves)",
      auth: { kind: "principal", action: "policy.change", resource: svc("policy") },
      body: z.object({ text: z.string().min(1).max(200_000), reason: z.string().min(5).max(2000) }),
      handler: async ({ body, principal, reply }) => {
        const b = body as { text: string; reason: string };
        const problems = validatePolicies(b.text);
        if (problems.length)
          throw new HttpError(422, `policy is invalid: ${problems.join("; ")}`, "invalid_policy");
        const id = `pc-${randomUUID()}`;
        await vault.db.tx(async (q) => {
          await q.exec(
            "INSERT INTO policy_changes (id, text, reason, proposed_by, proposed_at, status) VALUES ($1, $2, $3, $4, $5, 'pending')",
            [id, b.text, b.reason, principal!.userId, new Date().toISOString()],
          );
          await vault.audit.append(
            { action: "policy.change", actor: principal!.userId, detail: { proposed: id } },
            q,
          );
        });
        reply.code(202);
        return { id, status: "pending", note: "a second privacy officer must approve this change" };
      },
    }),
    route({
      method: "POST",
      url: "/api/v1/policy/changes/:id/approve",
      summary:
        "Approve a proposed policy change (a different officer than the proposer); it takes effect at once",
      auth: { kind: "principal", action: "policy.change", resource: svc("policy") },
      handler: async ({ params, principal }) => {
        const version = await vault.db.tx(async (q) => {
          const [c] = await q.query<{ text: string; reason: string; proposed_by: string; status: string }>(
            "SELECT text, reason, proposed_by, status FROM policy_changes WHERE id = $1",
            [params.id!],
          );
          if (!c) throw new HttpError(404, "no such policy change", "not_found");
          if (c.status !== "pending") throw new HttpError(409, `policy change is ${c.status}`, "not_pending");
          if (c.proposed_by === principal!.userId)
            throw new HttpError(
              403,
              "a policy change needs a second officer: you proposed this one",
              "same_officer",
            );
          const problems = validatePolicies(c.text);
          if (problems.length)
            throw new HttpError(422, `policy is invalid: ${problems.join("; ")}`, "invalid_policy");
          const [v] = await q.query<{ version: number }>("SELECT MAX(version) AS version FROM policies");
          const next = Number(v?.version ?? 0) + 1;
          const now = new Date().toISOString();
          await q.exec(
            "INSERT INTO policies (version, text, changed_by, changed_at, reason) VALUES ($1, $2, $3, $4, $5)",
            [next, c.text, `${c.proposed_by}+${principal!.userId}`, now, c.reason],
          );
          await q.exec(
            "UPDATE policy_changes SET status = 'applied', decided_by = $1, decided_at = $2 WHERE id = $3",
            [principal!.userId, now, params.id!],
          );
          await vault.audit.append(
            {
              action: "policy.change",
              actor: principal!.userId,
              detail: { approved: params.id!, version: next },
            },
            q,
          );
          return { version: next, text: c.text };
        });
        vault.authorizer.replace(version.text);
        return { version: version.version };
      },
    }),
  ];
}
