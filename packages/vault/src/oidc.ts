import { constants, createHash, createPublicKey, randomBytes, verify, type KeyObject } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { newToken, sha256hex } from "./accounts.js";
import type { Role } from "./policy/cedar.js";
import type { Vault } from "./vault.js";

/**
 * OpenID Connect sign-in (optional): the authorization-code flow with PKCE (S256) against one configured
 * issuer. The ID token's signature is checked with the issuer's JWKS on node:crypto (RS*, PS*, ES*, EdDSA;
 * never `none` or HMAC), then its issuer, audience, expiry and nonce; one claim (default
 * `preferred_username`) is mapped to an existing local account by username. No account is created: an
 * administrator creates accounts (with their role) first. The result is an ordinary vault session.
 *
 * Configure with `configureOidc(vault, cfg)` or a file `DATA_DIR/oidc.json` (mode 0600: it may hold the
 * client secret).
 */
export const OidcConfig = z.object({
  issuer: z.url(),
  clientId: z.string().min(1),
  clientSecret: z.string().min(1).optional(),
  /** Where the issuer sends the browser back: this vault's `/api/v1/auth/oidc/callback`. */
  redirectUri: z.url(),
  /** The ID-token claim holding the vault username. */
  claim: z.string().min(1).default("preferred_username"),
  scopes: z.array(z.string()).default(["openid", "profile", "email"]),
  allowedAlgs: z
    .array(z.enum(["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"]))
    .default(["RS256", "PS256", "ES256", "EdDSA"]),
  /** Clock skew tolerated on exp/iat/nbf, in seconds. */
  clockSkewS: z.number().int().min(0).max(300).default(60),
});
export type OidcConfig = z.infer<typeof OidcConfig>;
export type OidcConfigInput = z.input<typeof OidcConfig>;

export class OidcError extends Error {
  override name = "OidcError";
  constructor(
    readonly status: number,
    message: string,
    readonly code = "oidc_failed",
  ) {
    super(message);
  }
}

interface Discovery {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri: string;
}

interface Jwk {
  kty: string;
  kid?: string;
  use?: string;
  alg?: string;
  crv?: string;
  [k: string]: unknown;
}

const STATE_TTL_MS = 10 * 60 * 1000;
const SESSION_MS = 12 * 60 * 60 * 1000;
const b64url = (b: Uint8Array) => Buffer.from(b).toString("base64url");

/** The OIDC client of one vault: configuration, cached discovery and keys. */
export class OidcClient {
  private discovery: Discovery | undefined;
  private jwks: { keys: Jwk[]; at: number } | undefined;

  constructor(
    readonly config: OidcConfig,
    private readonly fetchFn: typeof fetch = fetch,
  ) {}

  private async getJson(url: string, init?: RequestInit): Promise<Record<string, unknown>> {
    let res: Response;
    try {
      res = await this.fetchFn(url, { ...init, signal: AbortSignal.timeout(10_000) });
    } catch (e) {
      throw new OidcError(502, `identity provider unreachable: ${(e as Error).message}`);
    }
    const text = await res.text();
    let json: Record<string, unknown>;
    try {
      json = JSON.parse(text) as Record<string, unknown>;
    } catch {
      throw new OidcError(502, `identity provider answered ${res.status} with a non-JSON body`);
    }
    if (!res.ok)
      throw new OidcError(
        res.status === 400 || res.status === 401 ? 401 : 502,
        `identity provider refused: ${String(json.error ?? res.status)}${json.error_description ? ` (${String(json.error_description).slice(0, 200)})` : ""}`,
      );
    return json;
  }

  async discover(): Promise<Discovery> {
    if (this.discovery) return this.discovery;
    const url = `${this.config.issuer.replace(/\/+$/, "")}/.well-known/openid-configuration`;
    const d = (await this.getJson(url)) as Partial<Discovery>;
    // OpenID Connect Discovery 1.0 §4.3: the issuer in the document must be exactly the configured one.
    if (d.issuer !== this.config.issuer)
      throw new OidcError(
        502,
        `discovery document names issuer ${String(d.issuer)}, expected ${this.config.issuer}`,
      );
    for (const k of ["authorization_endpoint", "token_endpoint", "jwks_uri"] as const)
      if (typeof d[k] !== "string") throw new OidcError(502, `discovery document lacks ${k}`);
    this.discovery = d as Discovery;
    return this.discovery;
  }

  private async keys(forceRefresh: boolean): Promise<Jwk[]> {
    const now = Date.now();
    if (this.jwks && !forceRefresh && now - this.jwks.at < 10 * 60 * 1000) return this.jwks.keys;
    if (this.jwks && forceRefresh && now - this.jwks.at < 30 * 1000) return this.jwks.keys; // no refetch storms
    const d = await this.discover();
    const j = await this.getJson(d.jwks_uri);
    if (!Array.isArray(j.keys)) throw new OidcError(502, "JWKS has no keys");
    this.jwks = { keys: j.keys as Jwk[], at: now };
    return this.jwks.keys;
  }

  /** Start a sign-in: the URL to send the browser to, with state, nonce and the PKCE challenge. */
  async start(vault: Vault): Promise<{ authorizationUrl: string; state: string }> {
    const d = await this.discover();
    const state = b64url(randomBytes(32));
    const nonce = b64url(randomBytes(32));
    const verifier = b64url(randomBytes(32)); // 43 characters, RFC 7636 §4.1
    const challenge = b64url(createHash("sha256").update(verifier).digest());
    await vault.db.exec("DELETE FROM oidc_states WHERE expires_at < $1", [new Date().toISOString()]);
    await vault.db.exec(
      "INSERT INTO oidc_states (state_hash, verifier, nonce, expires_at) VALUES ($1, $2, $3, $4)",
      [sha256hex(state), verifier, nonce, new Date(Date.now() + STATE_TTL_MS).toISOString()],
    );
    const u = new URL(d.authorization_endpoint);
    u.searchParams.set("response_type", "code");
    u.searchParams.set("client_id", this.config.clientId);
    u.searchParams.set("redirect_uri", this.config.redirectUri);
    u.searchParams.set("scope", this.config.scopes.join(" "));
    u.searchParams.set("state", state);
    u.searchParams.set("nonce", nonce);
    u.searchParams.set("code_challenge", challenge);
    u.searchParams.set("code_challenge_method", "S256");
    return { authorizationUrl: u.toString(), state };
  }

  /**
   * Finish a sign-in: redeem the one-time state, exchange the code (with the PKCE verifier), verify the ID
   * token, map its claim to an account and open a session.
   */
  async callback(
    vault: Vault,
    code: string,
    state: string,
  ): Promise<{ token: string; accountId: string; role: Role; expiresAt: string }> {
    const row = await vault.db.tx(async (q) => {
      const [r] = await q.query<{ verifier: string; nonce: string; expires_at: string }>(
        "SELECT verifier, nonce, expires_at FROM oidc_states WHERE state_hash = $1",
        [sha256hex(state)],
      );
      if (r) await q.exec("DELETE FROM oidc_states WHERE state_hash = $1", [sha256hex(state)]);
      return r;
    });
    if (!row || row.expires_at < new Date().toISOString())
      throw new OidcError(400, "unknown, used or expired sign-in state; start again", "bad_state");
    const d = await this.discover();
    const form = new URLSearchParams({
      grant_type: "authorization_code",
      code,
      redirect_uri: this.config.redirectUri,
      code_verifier: row.verifier,
    });
    const headers: Record<string, string> = {
      "content-type": "application/x-www-form-urlencoded",
      accept: "application/json",
    };
    if (this.config.clientSecret) {
      // client_secret_basic (RFC 6749 §2.3.1): form-urlencoded id and secret, then Basic.
      const enc = (s: string) => encodeURIComponent(s).replace(/%20/g, "+");
      headers.authorization = `Basic ${Buffer.from(`${enc(this.config.clientId)}:${enc(this.config.clientSecret)}`).toString("base64")}`;
    } else form.set("client_id", this.config.clientId);
    const tok = await this.getJson(d.token_endpoint, { method: "POST", headers, body: form.toString() });
    if (typeof tok.id_token !== "string") throw new OidcError(502, "token response has no id_token");
    const claims = await this.verifyIdToken(tok.id_token, row.nonce);
    const value = claims[this.config.claim];
    if (typeof value !== "string" || !value)
      throw new OidcError(403, `the ID token has no '${this.config.claim}' claim`, "no_claim");
    if (this.config.claim === "email" && claims.email_verified === false)
      throw new OidcError(
        403,
        "the identity provider has not verified this email address",
        "unverified_email",
      );
    const [a] = await vault.db.query<{ id: string; role: Role; active: number }>(
      "SELECT id, role, active FROM accounts WHERE username = $1",
      [value],
    );
    if (!a || !Number(a.active))
      throw new OidcError(
        403,
        "no active vault account for this identity; ask an administrator",
        "no_account",
      );
    const token = newToken();
    const expiresAt = new Date(Date.now() + SESSION_MS).toISOString();
    await vault.db.tx(async (q) => {
      await q.exec(
        "INSERT INTO sessions (token_hash, account_id, expires_at, created_at) VALUES ($1, $2, $3, $4)",
        [sha256hex(token), a.id, expiresAt, new Date().toISOString()],
      );
      await vault.audit.append(
        { action: "login", actor: a.id, detail: { method: "oidc", issuer: this.config.issuer } },
        q,
      );
    });
    return { token, accountId: a.id, role: a.role, expiresAt };
  }

  /** Verify an ID token's signature (JWKS) and claims; returns the claims. */
  async verifyIdToken(jwt: string, nonce: string, now = Date.now()): Promise<Record<string, unknown>> {
    const parts = jwt.split(".");
    if (parts.length !== 3)
      throw new OidcError(401, "ID token is not a JWS compact serialization", "bad_token");
    let header: { alg?: unknown; kid?: unknown; crit?: unknown };
    let claims: Record<string, unknown>;
    try {
      header = JSON.parse(Buffer.from(parts[0]!, "base64url").toString("utf8")) as typeof header;
      claims = JSON.parse(Buffer.from(parts[1]!, "base64url").toString("utf8")) as Record<string, unknown>;
    } catch {
      throw new OidcError(401, "ID token is not valid JSON", "bad_token");
    }
    const alg = String(header.alg);
    if (!(this.config.allowedAlgs as readonly string[]).includes(alg))
      throw new OidcError(401, `ID token algorithm ${alg} is not allowed`, "bad_token");
    if (header.crit !== undefined)
      throw new OidcError(401, "ID token has critical header extensions", "bad_token");
    const kid = typeof header.kid === "string" ? header.kid : undefined;
    const pick = (keys: Jwk[]) => {
      const usable = keys.filter((k) => (k.use === undefined || k.use === "sig") && keyFits(k, alg));
      return kid ? usable.find((k) => k.kid === kid) : usable.length === 1 ? usable[0] : undefined;
    };
    let jwk = pick(await this.keys(false));
    if (!jwk) jwk = pick(await this.keys(true)); // the issuer may have rotated its keys
    if (!jwk) throw new OidcError(401, "no key in the issuer's JWKS matches the ID token", "bad_token");
    let key: KeyObject;
    try {
      key = createPublicKey({ key: jwk as unknown as import("node:crypto").JsonWebKey, format: "jwk" });
    } catch {
      throw new OidcError(502, "the issuer's JWKS key does not parse", "bad_jwks");
    }
    const data = Buffer.from(`${parts[0]}.${parts[1]}`);
    const sig = Buffer.from(parts[2]!, "base64url");
    if (!verifySig(alg, data, key, sig))
      throw new OidcError(401, "ID token signature does not verify", "bad_token");

    const skew = this.config.clockSkewS * 1000;
    if (claims.iss !== this.config.issuer)
      throw new OidcError(401, "ID token is from another issuer", "bad_token");
    const aud = claims.aud;
    const auds = typeof aud === "string" ? [aud] : Array.isArray(aud) ? aud : [];
    if (!auds.includes(this.config.clientId))
      throw new OidcError(401, "ID token is for another client (aud)", "bad_token");
    if ((auds.length > 1 || claims.azp !== undefined) && claims.azp !== this.config.clientId)
      throw new OidcError(401, "ID token's authorized party (azp) is another client", "bad_token");
    if (typeof claims.exp !== "number" || claims.exp * 1000 + skew <= now)
      throw new OidcError(401, "ID token has expired", "bad_token");
    if (typeof claims.iat !== "number" || claims.iat * 1000 - skew > now)
      throw new OidcError(401, "ID token is issued in the future", "bad_token");
    if (typeof claims.nbf === "number" && claims.nbf * 1000 - skew > now)
      throw new OidcError(401, "ID token is not valid yet", "bad_token");
    if (claims.nonce !== nonce)
      throw new OidcError(401, "ID token nonce does not match this sign-in", "bad_token");
    if (typeof claims.sub !== "string" || !claims.sub)
      throw new OidcError(401, "ID token has no subject", "bad_token");
    return claims;
  }
}

/** Does this JWK suit the algorithm (so an RSA key is never used for an EC signature, and so on)? */
function keyFits(k: Jwk, alg: string): boolean {
  if (k.alg !== undefined && k.alg !== alg) return false;
  if (alg.startsWith("RS") || alg.startsWith("PS")) return k.kty === "RSA";
  if (alg === "ES256") return k.kty === "EC" && k.crv === "P-256";
  if (alg === "ES384") return k.kty === "EC" && k.crv === "P-384";
  if (alg === "ES512") return k.kty === "EC" && k.crv === "P-521";
  if (alg === "EdDSA") return k.kty === "OKP" && (k.crv === "Ed25519" || k.crv === "Ed448");
  return false;
}

function verifySig(alg: string, data: Buffer, key: KeyObject, sig: Buffer): boolean {
  const hash = `sha${alg.slice(2)}`;
  try {
    if (alg.startsWith("RS")) return verify(hash, data, key, sig);
    if (alg.startsWith("PS"))
      return verify(
        hash,
        data,
        { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST },
        sig,
      );
    if (alg.startsWith("ES")) return verify(hash, data, { key, dsaEncoding: "ieee-p1363" }, sig);
    if (alg === "EdDSA") return verify(null, data, key, sig);
  } catch {
    return false;
  }
  return false;
}

const clients = new WeakMap<Vault, OidcClient | null>();

/** Turn OIDC sign-in on for a vault (or off, with null). */
export function configureOidc(
  vault: Vault,
  cfg: OidcConfigInput | null,
  fetchFn?: typeof fetch,
): OidcClient | null {
  const c = cfg ? new OidcClient(OidcConfig.parse(cfg), fetchFn) : null;
  clients.set(vault, c);
  return c;
}

/** The vault's OIDC client: configured programmatically, or from DATA_DIR/oidc.json; null when off. */
export function oidcClient(vault: Vault): OidcClient | null {
  if (clients.has(vault)) return clients.get(vault)!;
  const path = join(vault.dataDir, "oidc.json");
  if (!existsSync(path)) {
    clients.set(vault, null);
    return null;
  }
  if (statSync(path).mode & 0o077)
    throw new Error(`${path} is readable by others; chmod 600 it (it may hold the client secret)`);
  const parsed = OidcConfig.safeParse(JSON.parse(readFileSync(path, "utf8")));
  if (!parsed.success) throw new Error(`${path} is invalid: ${parsed.error.issues[0]?.message ?? "?"}`);
  const c = new OidcClient(parsed.data);
  clients.set(vault, c);
  return c;
}
