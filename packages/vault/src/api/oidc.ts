import { OidcError, oidcClient } from "../oidc.js";
import { HttpError, route, type RouteDef } from "../routes.js";
import type { Vault } from "../vault.js";

async function wrap<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof OidcError) throw new HttpError(e.status, e.message, e.code);
    throw e;
  }
}

function client(vault: Vault) {
  const c = oidcClient(vault);
  if (!c) throw new HttpError(404, "OIDC sign-in is not configured on this vault", "oidc_off");
  return c;
}

/**
 * OIDC sign-in (anonymous: they are how one signs in). Registered only when OIDC is configured when the server
 * is built (`configureOidc` before `buildServer`, or DATA_DIR/oidc.json), so the OpenAPI document lists them
 * exactly when they work.
 */
export function oidcRoutes(vault: Vault): RouteDef[] {
  if (!oidcClient(vault)) return [];
  return [
    route({
      method: "GET",
      url: "/api/v1/auth/oidc/start",
      summary: "Start OIDC sign-in (authorization code + PKCE); ?redirect=1 answers with a 302 to the issuer",
      auth: { kind: "anonymous" },
      handler: async ({ query, reply }) => {
        const s = await wrap(() => client(vault).start(vault));
        reply.header("cache-control", "no-store");
        if (query.redirect === "1") return reply.redirect(s.authorizationUrl, 302);
        return { authorizationUrl: s.authorizationUrl };
      },
    }),
    route({
      method: "GET",
      url: "/api/v1/auth/oidc/callback",
      summary: "OIDC redirect target: exchanges the code, verifies the ID token, returns a vault session",
      auth: { kind: "anonymous" },
      handler: async ({ query, reply }) => {
        const c = client(vault);
        reply.header("cache-control", "no-store");
        if (query.error)
          throw new HttpError(
            401,
            `sign-in refused by the identity provider: ${String(query.error).slice(0, 100)}`,
            "oidc_refused",
          );
        if (!query.code || !query.state)
          throw new HttpError(400, "callback needs code and state", "bad_callback");
        return wrap(() => c.callback(vault, query.code!, query.state!));
      },
    }),
  ];
}
