import { createHash, randomBytes, randomUUID } from "node:crypto";
import { hash as argonHash, verify as argonVerify } from "@node-rs/argon2";
import type { Sql } from "./db/sql.js";
import { ROLES, type Principal, type Role } from "./policy/cedar.js";

/** Local accounts (argon2id) and bearer sessions. Session tokens are stored only as SHA-256 hashes. */
const SESSION_MS = 12 * 60 * 60 * 1000;
// OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane.
const ARGON = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

export const sha256hex = (s: string) => createHash("sha256").update(s).digest("hex");
/**
 * A bearer secret (session, setup link, enrollment). The `tv_` prefix keeps it from ever starting with "-" (which
 * command-line parsers read as an option: `--enroll -Xy…` failed) and lets secret scanners recognise it.
 */
export const newToken = () => "tv_" + randomBytes(32).toString("base64url");

export class AuthError extends Error {
  override name = "AuthError";
}

export class Accounts {
  constructor(private readonly db: Sql) {}

  async count(): Promise<number> {
    const [r] = await this.db.query<{ n: number }>("SELECT COUNT(*) AS n FROM accounts");
    return Number(r?.n ?? 0);
  }

  async create(
    username: string,
    password: string,
    role: Role,
    person = "",
    q: Sql = this.db,
  ): Promise<string> {
    if (!/^[A-Za-z0-9._@-]{3,64}$/.test(username))
      throw new AuthError("username must be 3-64 letters, digits or . _ @ -");
    if (password.length < 12) throw new AuthError("password must be at least 12 characters");
    if (!ROLES.includes(role)) throw new AuthError(`unknown role ${role}`);
    if (role === "person" && !person) throw new AuthError("a person account must name its person");
    const existing = await q.query("SELECT 1 FROM accounts WHERE username = $1", [username]);
    if (existing.length) throw new AuthError(`username ${username} is taken`);
    const id = `u-${randomUUID()}`;
    await q.exec(
      "INSERT INTO accounts (id, username, role, person, password_hash, active, created_at) VALUES ($1, $2, $3, $4, $5, 1, $6)",
      [id, username, role, person, await argonHash(password, ARGON), new Date().toISOString()],
    );
    return id;
  }

  /** Check a password and open a session. The same error for an unknown user and a wrong password. */
  async login(
    username: string,
    password: string,
  ): Promise<{ token: string; accountId: string; role: Role; expiresAt: string }> {
    const [a] = await this.db.query<{ id: string; role: Role; password_hash: string; active: number }>(
      "SELECT id, role, password_hash, active FROM accounts WHERE username = $1",
      [username],
    );
    // Hash anyway when the user does not exist, so timing does not reveal which usernames exist.
    const ok = a ? await argonVerify(a.password_hash, password) : (await argonHash(password, ARGON), false);
    if (!a || !ok || !Number(a.active)) throw new AuthError("wrong username or password");
    const token = newToken();
    const expiresAt = new Date(Date.now() + SESSION_MS).toISOString();
    await this.db.exec(
      "INSERT INTO sessions (token_hash, account_id, expires_at, created_at) VALUES ($1, $2, $3, $4)",
      [sha256hex(token), a.id, expiresAt, new Date().toISOString()],
    );
    return { token, accountId: a.id, role: a.role, expiresAt };
  }

  async logout(token: string): Promise<void> {
    await this.db.exec("DELETE FROM sessions WHERE token_hash = $1", [sha256hex(token)]);
  }

  /** The principal behind a bearer token, or undefined when it is unknown or expired. */
  async principal(token: string): Promise<Principal | undefined> {
    const [r] = await this.db.query<{
      id: string;
      role: Role;
      person: string;
      active: number;
      expires_at: string;
    }>(
      `SELECT a.id, a.role, a.person, a.active, s.expires_at FROM sessions s JOIN accounts a ON a.id = s.account_id
       WHERE s.token_hash = $1`,
      [sha256hex(token)],
    );
    if (!r || r.expires_at < new Date().toISOString()) return undefined;
    return { userId: r.id, role: r.role, person: r.person, active: Boolean(Number(r.active)) };
  }

  async list(): Promise<{ id: string; username: string; role: Role; person: string; active: boolean }[]> {
    const rows = await this.db.query<{
      id: string;
      username: string;
      role: Role;
      person: string;
      active: number;
    }>("SELECT id, username, role, person, active FROM accounts ORDER BY created_at");
    return rows.map((r) => ({ ...r, active: Boolean(Number(r.active)) }));
  }

  /** A one-time link for the first administrator, printed by `tracevault start`. */
  async createSetupToken(): Promise<string> {
    const token = newToken();
    await this.db.exec("INSERT INTO setup_tokens (token_hash, expires_at) VALUES ($1, $2)", [
      sha256hex(token),
      new Date(Date.now() + 24 * 3600 * 1000).toISOString(),
    ]);
    return token;
  }

  /** Redeem the setup token: creates the first fleet admin. Works once, and only while no account exists. */
  async setup(token: string, username: string, password: string): Promise<string> {
    return this.db.tx(async (q) => {
      const [t] = await q.query<{ expires_at: string; used_at: string | null }>(
        "SELECT expires_at, used_at FROM setup_tokens WHERE token_hash = $1",
        [sha256hex(token)],
      );
      if (!t || t.used_at || t.expires_at < new Date().toISOString())
        throw new AuthError("setup link is invalid or used");
      const [c] = await q.query<{ n: number }>("SELECT COUNT(*) AS n FROM accounts");
      if (Number(c?.n) > 0) throw new AuthError("the vault already has accounts");
      await q.exec("UPDATE setup_tokens SET used_at = $1 WHERE token_hash = $2", [
        new Date().toISOString(),
        sha256hex(token),
      ]);
      return this.create(username, password, "fleet_admin", "", q);
    });
  }
}
