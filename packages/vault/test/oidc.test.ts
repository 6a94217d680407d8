import { createHash, createHmac, generateKeyPairSync, randomBytes, sign, type KeyObject } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { configureOidc } from "../src/oidc.js";
import { startTestVault, type TestVault } from "./helpers.js";

/**
 * A LOCAL FAKE OpenID Provider written for this test: discovery, an /authorize endpoint that "signs in" a
 * chosen user at once and redirects back with a code, a /token endpoint that checks the PKCE verifier, and a
 * JWKS. ID tokens are real JWS (RS256 or ES256) signed with keys generated here. `misbehave` makes it issue
 * tokens that the vault must refuse.
 */
interface FakeIssuer {
  url: string;
  user: string;
  misbehave:
    | null
    | "wrong-key"
    | "wrong-aud"
    | "expired"
    | "wrong-nonce"
    | "wrong-iss"
    | "alg-none"
    | "hs256"
    | "es256";
  tokenRequests: URLSearchParams[];
  close(): Promise<void>;
}

const CLIENT = "tracevault-test";
const REDIRECT = "http://127.0.0.1:7420/api/v1/auth/oidc/callback";

const b64u = (x: unknown) => Buffer.from(typeof x === "string" ? x : JSON.stringify(x)).toString("base64url");

function jws(
  header: Record<string, unknown>,
  claims: Record<string, unknown>,
  key: KeyObject | null,
  alg: string,
): string {
  const input = `${b64u(header)}.${b64u(claims)}`;
  if (alg === "none") return `${input}.`;
  if (alg === "HS256") {
    return `${input}.${createHmac("sha256", "shared-secret-EXAMPLE").update(input).digest("base64url")}`;
  }
  const sig =
    alg === "ES256"
      ? sign("sha256", Buffer.from(input), { key: key!, dsaEncoding: "ieee-p1363" })
      : sign("sha256", Buffer.from(input), key!);
  return `${input}.${sig.toString("base64url")}`;
}

async function fakeIssuer(): Promise<FakeIssuer> {
  const rsa = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const ec = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const rogue = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const codes = new Map<string, { challenge: string; nonce: string; user: string; redirect: string }>();
  const state: FakeIssuer = {
    url: "",
    user: "auditor-1",
    misbehave: null,
    tokenRequests: [],
    close: async () => undefined,
  };
  const server: Server = createServer(async (req, res) => {
    const u = new URL(req.url ?? "/", state.url);
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (u.pathname === "/.well-known/openid-configuration")
      return json(200, {
        issuer: state.url,
        authorization_endpoint: `${state.url}/authorize`,
        token_endpoint: `${state.url}/token`,
        jwks_uri: `${state.url}/jwks`,
        response_types_supported: ["code"],
        code_challenge_methods_supported: ["S256"],
        id_token_signing_alg_values_supported: ["RS256", "ES256"],
      });
    if (u.pathname === "/jwks")
      return json(200, {
        keys: [
          { ...rsa.publicKey.export({ format: "jwk" }), kid: "rsa-1", use: "sig", alg: "RS256" },
          { ...ec.publicKey.export({ format: "jwk" }), kid: "ec-1", use: "sig", alg: "ES256" },
        ],
      });
    if (u.pathname === "/authorize") {
      const p = u.searchParams;
      if (
        p.get("response_type") !== "code" ||
        p.get("client_id") !== CLIENT ||
        p.get("code_challenge_method") !== "S256"
      )
        return json(400, { error: "invalid_request" });
      const code = randomBytes(16).toString("base64url");
      codes.set(code, {
        challenge: p.get("code_challenge")!,
        nonce: p.get("nonce")!,
        user: state.user,
        redirect: p.get("redirect_uri")!,
      });
      const back = new URL(p.get("redirect_uri")!);
      back.searchParams.set("code", code);
      back.searchParams.set("state", p.get("state")!);
      res.writeHead(302, { location: back.toString() });
      return res.end();
    }
    if (u.pathname === "/token" && req.method === "POST") {
      let raw = "";
      for await (const c of req) raw += c;
      const f = new URLSearchParams(raw);
      state.tokenRequests.push(f);
      const c = codes.get(f.get("code") ?? "");
      codes.delete(f.get("code") ?? "");
      if (!c || f.get("grant_type") !== "authorization_code" || f.get("redirect_uri") !== c.redirect)
        return json(400, { error: "invalid_grant" });
      const challenge = createHash("sha256")
        .update(f.get("code_verifier") ?? "")
        .digest("base64url");
      if (challenge !== c.challenge)
        return json(400, { error: "invalid_grant", error_description: "PKCE verification failed" });
      const now = Math.floor(Date.now() / 1000);
      const m = state.misbehave;
      const claims = {
        iss: m === "wrong-iss" ? "https://evil.example" : state.url,
        sub: `sub-${c.user}`,
        aud: m === "wrong-aud" ? "someone-else" : CLIENT,
        exp: m === "expired" ? now - 3600 : now + 300,
        iat: m === "expired" ? now - 7200 : now,
        nonce: m === "wrong-nonce" ? "not-the-nonce" : c.nonce,
        preferred_username: c.user,
      };
      const idToken =
        m === "alg-none"
          ? jws({ alg: "none", typ: "JWT" }, claims, null, "none")
          : m === "hs256"
            ? jws({ alg: "HS256", typ: "JWT", kid: "rsa-1" }, claims, null, "HS256")
            : m === "es256"
              ? jws({ alg: "ES256", typ: "JWT", kid: "ec-1" }, claims, ec.privateKey, "ES256")
              : jws(
                  { alg: "RS256", typ: "JWT", kid: "rsa-1" },
                  claims,
                  m === "wrong-key" ? rogue.privateKey : rsa.privateKey,
                  "RS256",
                );
      return json(200, {
        access_token: "fake-access-token",
        token_type: "Bearer",
        expires_in: 300,
        id_token: idToken,
      });
    }
    json(404, { error: "not_found" });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = () => new Promise((r) => server.close(() => r()));
  return state;
}

let t: TestVault;
let idp: FakeIssuer;
beforeAll(async () => {
  idp = await fakeIssuer();
  // Configured by a file in the data directory before the server starts (that registers the OIDC routes).
  const dir = mkdtempSync(join(tmpdir(), "tv-oidc-"));
  writeFileSync(
    join(dir, "oidc.json"),
    JSON.stringify({
      issuer: idp.url,
      clientId: CLIENT,
      redirectUri: REDIRECT,
      allowedAlgs: ["RS256", "ES256"],
    }),
    { mode: 0o600 },
  );
  t = await startTestVault({}, dir);
});
afterAll(async () => {
  await t.app.close();
  await idp.close();
});

/** Start, follow the issuer's redirect like a browser, and call the vault's callback. */
async function signIn(): Promise<{ status: number; body: Record<string, string> }> {
  const start = await t.app.inject({ method: "GET", url: "/api/v1/auth/oidc/start" });
  expect(start.statusCode, start.body).toBe(200);
  const auth = new URL(start.json().authorizationUrl);
  expect(auth.searchParams.get("code_challenge_method")).toBe("S256");
  const r = await fetch(auth, { redirect: "manual" });
  const back = new URL(r.headers.get("location")!);
  const cb = await t.app.inject({ method: "GET", url: `/api/v1/auth/oidc/callback${back.search}` });
  return { status: cb.statusCode, body: cb.json() };
}

describe("OIDC sign-in (authorization code + PKCE) against a fake issuer", () => {
  it("signs in an existing account and gives an ordinary session, audited", async () => {
    idp.misbehave = null;
    idp.user = "auditor-1";
    const s = await signIn();
    expect(s.status, JSON.stringify(s.body)).toBe(200);
    expect(s.body.role).toBe("auditor");
    const tokenReq = idp.tokenRequests.at(-1)!;
    expect(tokenReq.get("code_verifier")).toMatch(/^[A-Za-z0-9_-]{43,128}$/);
    expect(tokenReq.get("client_id")).toBe(CLIENT);
    const entries = await t.app.inject({
      method: "GET",
      url: "/api/v1/audit/entries?limit=1000",
      headers: { authorization: `Bearer ${s.body.token}`, "x-tracevault-purpose": "audit" },
    });
    expect(entries.statusCode).toBe(200);
    expect(
      entries
        .json()
        .entries.some(
          (e: { action: string; detail?: { method?: string } }) =>
            e.action === "login" && e.detail?.method === "oidc",
        ),
    ).toBe(true);
    // The session has the mapped account's rights and no others.
    expect(
      (
        await t.app.inject({
          method: "GET",
          url: "/api/v1/accounts",
          headers: { authorization: `Bearer ${s.body.token}`, "x-tracevault-purpose": "audit" },
        })
      ).statusCode,
    ).toBe(403);
  });

  it("accepts ES256 tokens too", async () => {
    idp.misbehave = "es256";
    idp.user = "researcher-1";
    const s = await signIn();
    expect(s.status, JSON.stringify(s.body)).toBe(200);
    expect(s.body.role).toBe("researcher");
  });

  it.each([
    ["wrong-key", 401],
    ["wrong-aud", 401],
    ["expired", 401],
    ["wrong-nonce", 401],
    ["wrong-iss", 401],
    ["alg-none", 401],
    ["hs256", 401],
  ] as const)("refuses an ID token with %s", async (m, status) => {
    idp.misbehave = m;
    idp.user = "auditor-1";
    const s = await signIn();
    expect(s.status, JSON.stringify(s.body)).toBe(status);
    expect(s.body.token).toBeUndefined();
  });

  it("refuses an identity with no vault account, a replayed state, and a code redeemed with another verifier", async () => {
    idp.misbehave = null;
    idp.user = "stranger";
    const s = await signIn();
    expect(s.status).toBe(403);
    expect(s.body.code).toBe("no_account");

    // Replaying a state that was used already.
    idp.user = "auditor-1";
    const start = await t.app.inject({ method: "GET", url: "/api/v1/auth/oidc/start" });
    const back = new URL(
      (await fetch(start.json().authorizationUrl, { redirect: "manual" })).headers.get("location")!,
    );
    expect(
      (await t.app.inject({ method: "GET", url: `/api/v1/auth/oidc/callback${back.search}` })).statusCode,
    ).toBe(200);
    const replay = await t.app.inject({ method: "GET", url: `/api/v1/auth/oidc/callback${back.search}` });
    expect(replay.statusCode).toBe(400);
    expect(replay.json().code).toBe("bad_state");

    // Two sign-ins with their codes swapped: each code reaches the issuer with the other one's PKCE verifier.
    const a = await t.app.inject({ method: "GET", url: "/api/v1/auth/oidc/start" });
    const b = await t.app.inject({ method: "GET", url: "/api/v1/auth/oidc/start" });
    const ba = new URL(
      (await fetch(a.json().authorizationUrl, { redirect: "manual" })).headers.get("location")!,
    );
    const bb = new URL(
      (await fetch(b.json().authorizationUrl, { redirect: "manual" })).headers.get("location")!,
    );
    const swapped = await t.app.inject({
      method: "GET",
      url: `/api/v1/auth/oidc/callback?code=${ba.searchParams.get("code")}&state=${bb.searchParams.get("state")}`,
    });
    expect(swapped.statusCode).toBe(401);
    expect(swapped.json().error).toMatch(/PKCE/);

    // The issuer reporting an error.
    const err = await t.app.inject({
      method: "GET",
      url: "/api/v1/auth/oidc/callback?error=access_denied&state=x",
    });
    expect(err.statusCode).toBe(401);
  });

  it("is off where not configured: no routes, and 404 if switched off at run time", async () => {
    const plain = await startTestVault();
    const doc = (await plain.app.inject({ method: "GET", url: "/api/v1/openapi.json" })).json();
    expect(Object.keys(doc.paths).filter((p) => p.includes("oidc"))).toEqual([]);
    await plain.app.close();
    configureOidc(t.vault, null);
    expect((await t.app.inject({ method: "GET", url: "/api/v1/auth/oidc/start" })).statusCode).toBe(404);
    configureOidc(t.vault, { issuer: idp.url, clientId: CLIENT, redirectUri: REDIRECT });
  });
});
