import Fastify, { type FastifyInstance } from "fastify";
import { z } from "zod";
import { apiRoutes } from "./api.js";
import { datasetRoutes } from "./api/datasets.js";
import { fleetRoutes } from "./api/fleet.js";
import { requestRoutes } from "./api/requests.js";
import { MAX_BATCH_BYTES } from "@tracevault/crypto";
import { breakglassContext } from "./breakglass.js";
import { HttpError, type RouteDef, type RouteRequest } from "./routes.js";
import type { Vault } from "./vault.js";

// The first-run page behind the one-time link: the token stays in the URL fragment (never sent in a request
// line or logged) and is posted once to /api/v1/auth/setup.
const SETUP_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>tracevault setup</title>
<meta name="viewport" content="width=device-width"><style>body{font:16px system-ui;max-width:32rem;margin:3rem auto;padding:0 1rem}
label{display:block;margin:.8rem 0}input{width:100%;padding:.4rem;font:inherit}button{padding:.5rem 1rem;font:inherit}</style></head>
<body><h1>Create the first administrator</h1><p>This account enrolls machines and manages the fleet. It can never read recorded content.</p>
<form id="f"><label>Username <input name="username" required minlength="3" autocomplete="username"></label>
<label>Password (12+ characters) <input name="password" type="password" required minlength="12" autocomplete="new-password"></label>
<button>Create account</button></form><p id="out" role="status"></p>
<script>const t=new URLSearchParams(location.hash.slice(1)).get("token");
document.getElementById("f").onsubmit=async(e)=>{e.preventDefault();const d=new FormData(e.target);
const r=await fetch("/api/v1/auth/setup",{method:"POST",headers:{"content-type":"application/json"},
body:JSON.stringify({token:t,username:d.get("username"),password:d.get("password")})});const j=await r.json();
document.getElementById("out").textContent=r.ok?"Account created. Sign in with it from the CLI or the API.":"Failed: "+j.error;};</script></body></html>`;

const PURPOSE = /^[a-z0-9][a-z0-9-]{1,63}$/;

/** OpenAPI 3.1 document generated from the route table and its zod schemas. */
export function openApiDocument(routes: RouteDef[]): unknown {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = r.url.replace(/:(\w+)/g, "{$1}");
    const params = [...r.url.matchAll(/:(\w+)/g)].map((m) => ({
      name: m[1],
      in: "path",
      required: true,
      schema: { type: "string" },
    }));
    const headers =
      r.auth.kind === "principal"
        ? [
            {
              name: "X-Tracevault-Purpose",
              in: "header",
              required: true,
              schema: { type: "string", pattern: PURPOSE.source },
            },
          ]
        : r.auth.kind === "device"
          ? [
              { name: "X-Tracevault-Device", in: "header", required: true, schema: { type: "string" } },
              { name: "X-Tracevault-Signature", in: "header", required: true, schema: { type: "string" } },
            ]
          : [];
    (paths[path] ??= {})[r.method.toLowerCase()] = {
      summary: r.summary,
      ...(r.auth.kind === "principal" ? { security: [{ bearer: [] }], "x-cedar-action": r.auth.action } : {}),
      parameters: [...params, ...headers],
      ...(r.body
        ? {
            requestBody: {
              required: true,
              content: {
                "application/json": {
                  schema: z.toJSONSchema(r.body, { io: "input", unrepresentable: "any" }),
                },
              },
            },
          }
        : r.binary
          ? {
              requestBody: {
                required: true,
                content: { "application/octet-stream": { schema: { type: "string", format: "binary" } } },
              },
            }
          : {}),
      responses: {
        "200": { description: "OK" },
        "400": { description: "Bad request: the body names what was wrong" },
        "401": { description: "Not signed in" },
        "403": { description: "Denied by policy" },
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: { title: "tracevault vault API", version: "1" },
    components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } } },
    paths,
  };
}

export interface ServerOptions {
  /** pino logger options; false to silence. Logs carry method, route, status and timing — never bodies. */
  logger?: boolean | object;
}

/** Build the HTTP server (not yet listening). */
export async function buildServer(vault: Vault, opts: ServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      opts.logger === false
        ? false
        : {
            level: "info",
            redact: {
              paths: ["req.headers.authorization", 'req.headers["x-tracevault-signature"]'],
              censor: "[REDACTED]",
            },
            ...(typeof opts.logger === "object" ? opts.logger : {}),
          },
    bodyLimit: 1024 * 1024,
  });
  app.addContentTypeParser(
    "application/octet-stream",
    { parseAs: "buffer", bodyLimit: MAX_BATCH_BYTES },
    (_req, body, done) => done(null, body),
  );
  const routes = [
    ...apiRoutes(vault),
    ...datasetRoutes(vault),
    ...requestRoutes(vault),
    ...fleetRoutes(vault),
  ];
  const doc = openApiDocument(routes);
  app.get("/api/v1/openapi.json", async () => doc);
  app.get("/setup", async (_req, reply) =>
    reply.type("text/html; charset=utf-8").header("cache-control", "no-store").send(SETUP_PAGE),
  );

  app.setErrorHandler((err: Error & { statusCode?: number; code?: string }, req, reply) => {
    if (err instanceof HttpError) return reply.code(err.status).send({ error: err.message, code: err.code });
    if (err.statusCode && err.statusCode < 500)
      return reply.code(err.statusCode).send({ error: err.message, code: err.code ?? "bad_request" });
    req.log.error({ err: { type: err.name, message: err.message.slice(0, 200) } }, "request failed");
    return reply.code(500).send({ error: "internal error", code: "internal" });
  });

  // Several vault processes may serve one database: pick up an approved policy change made on another node.
  let policyCheckedAt = 0;
  let policyVersion = -1;
  app.addHook("onRequest", async () => {
    if (Date.now() - policyCheckedAt < 2000) return;
    policyCheckedAt = Date.now();
    const [v] = await vault.db.query<{ version: number | null }>(
      "SELECT MAX(version) AS version FROM policies",
    );
    const current = Number(v?.version ?? 0);
    if (policyVersion === -1) policyVersion = current;
    else if (current !== policyVersion) {
      const [p] = await vault.db.query<{ text: string }>("SELECT text FROM policies WHERE version = $1", [
        current,
      ]);
      if (p) vault.authorizer.replace(p.text);
      policyVersion = current;
    }
  });

  for (const r of routes) {
    app.route({
      method: r.method,
      url: r.url,
      handler: async (req, reply) => {
        const rr: RouteRequest = {
          req,
          reply,
          vault,
          purpose: "",
          body: req.body,
          params: req.params as Record<string, string>,
          query: req.query as Record<string, string>,
        };
        if (r.binary && !(req.body instanceof Buffer))
          throw new HttpError(415, "send the batch as application/octet-stream", "bad_content_type");
        // Authenticate, then authorize, and only then look at the body: callers who may not use a route learn
        // nothing about what it accepts.
        if (r.auth.kind === "principal") {
          const h = req.headers.authorization ?? "";
          const token = h.startsWith("Bearer ") ? h.slice(7) : "";
          const principal = token ? await vault.accounts.principal(token) : undefined;
          if (!principal)
            throw new HttpError(401, "sign in first (Authorization: Bearer <token>)", "unauthenticated");
          const purpose = String(req.headers["x-tracevault-purpose"] ?? "");
          if (!PURPOSE.test(purpose))
            throw new HttpError(
              400,
              "every request names its purpose in X-Tracevault-Purpose (a lower-case slug)",
              "missing_purpose",
            );
          rr.principal = principal;
          rr.purpose = purpose;
          const resource = await r.auth.resource(rr);
          // Break-glass is derived from an approved, unexpired grant in the database, never from the client.
          const breakglass =
            r.auth.action === "record.read" && (await breakglassContext(vault, principal, resource));
          const d = vault.authorizer.authorize(principal, r.auth.action, resource, { purpose, breakglass });
          if (!d.allowed)
            throw new HttpError(
              403,
              `denied by policy: ${r.auth.action} is not allowed for this account and purpose`,
              "forbidden",
            );
        }
        if (r.body) {
          const parsed = r.body.safeParse(req.body);
          if (!parsed.success) {
            const i = parsed.error.issues[0];
            throw new HttpError(
              400,
              `${i?.path.join(".") || "body"}: ${i?.message ?? "invalid"}`,
              "invalid_body",
            );
          }
          rr.body = parsed.data;
        }
        return r.handler(rr);
      },
    });
  }
  app.setNotFoundHandler((req, reply) =>
    reply.code(404).send({ error: `no route ${req.method} ${req.url.split("?")[0]}`, code: "not_found" }),
  );
  return app;
}
