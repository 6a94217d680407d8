import { randomUUID } from "node:crypto";
import { keyId } from "@tracevault/crypto";
import type { Sql } from "./db/sql.js";
import { newToken, sha256hex } from "./accounts.js";
import type { Vault } from "./vault.js";

/** Device enrollment: one-time tokens issued by an admin; each device then has its own Ed25519 identity. */
export class EnrollmentError extends Error {
  override name = "EnrollmentError";
}

export interface Device {
  id: string;
  person: string;
  publicKey: Uint8Array;
  kid: string;
  revoked: boolean;
  lastSeq: number;
}

const TOKEN_TTL_MS = 24 * 3600 * 1000;

export class Devices {
  constructor(private readonly db: Sql) {}

  async issueToken(
    person: string,
    createdBy: string,
    q: Sql = this.db,
  ): Promise<{ token: string; expiresAt: string }> {
    if (!/^[A-Za-z0-9._@-]{1,128}$/.test(person))
      throw new EnrollmentError("person must be an id of 1-128 letters, digits or . _ @ -");
    const token = newToken();
    const expiresAt = new Date(Date.now() + TOKEN_TTL_MS).toISOString();
    await q.exec(
      "INSERT INTO enrollment_tokens (token_hash, person, created_by, expires_at) VALUES ($1, $2, $3, $4)",
      [sha256hex(token), person, createdBy, expiresAt],
    );
    return { token, expiresAt };
  }

  /** Redeem a token for a device identity. The token works once. */
  async enroll(token: string, publicKey: Uint8Array, q: Sql): Promise<Device> {
    if (publicKey.length !== 32) throw new EnrollmentError("device public key must be 32 bytes (Ed25519)");
    const [t] = await q.query<{ person: string; expires_at: string; used_at: string | null }>(
      "SELECT person, expires_at, used_at FROM enrollment_tokens WHERE token_hash = $1",
      [sha256hex(token)],
    );
    if (!t) throw new EnrollmentError("enrollment token is not valid");
    if (t.used_at) throw new EnrollmentError("enrollment token was already used");
    if (t.expires_at < new Date().toISOString()) throw new EnrollmentError("enrollment token has expired");
    const id = `dev-${randomUUID()}`;
    const kid = keyId("ed25519", publicKey);
    await q.exec("UPDATE enrollment_tokens SET used_at = $1, device_id = $2 WHERE token_hash = $3", [
      new Date().toISOString(),
      id,
      sha256hex(token),
    ]);
    await q.exec(
      "INSERT INTO devices (id, person, public_key, kid, enrolled_at) VALUES ($1, $2, $3, $4, $5)",
      [id, t.person, Buffer.from(publicKey).toString("base64url"), kid, new Date().toISOString()],
    );
    return { id, person: t.person, publicKey, kid, revoked: false, lastSeq: -1 };
  }

  async get(id: string, q: Sql = this.db): Promise<Device | undefined> {
    const [r] = await q.query<{
      id: string;
      person: string;
      public_key: string;
      kid: string;
      revoked_at: string | null;
      last_seq: number;
    }>("SELECT id, person, public_key, kid, revoked_at, last_seq FROM devices WHERE id = $1", [id]);
    if (!r) return undefined;
    return {
      id: r.id,
      person: r.person,
      publicKey: new Uint8Array(Buffer.from(r.public_key, "base64url")),
      kid: r.kid,
      revoked: r.revoked_at !== null,
      lastSeq: Number(r.last_seq),
    };
  }

  /** Whether `person` has a device that is enrolled and not revoked. */
  async hasActive(person: string, q: Sql = this.db): Promise<boolean> {
    const rows = await q.query("SELECT id FROM devices WHERE person = $1 AND revoked_at IS NULL LIMIT 1", [
      person,
    ]);
    return rows.length > 0;
  }

  async revoke(id: string, q: Sql = this.db): Promise<boolean> {
    const r = await q.exec("UPDATE devices SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL", [
      new Date().toISOString(),
      id,
    ]);
    return r.changes > 0;
  }

  async list(): Promise<
    {
      id: string;
      person: string;
      kid: string;
      enrolledAt: string;
      revokedAt: string | null;
      lastSeen: string | null;
    }[]
  > {
    const rows = await this.db.query<{
      id: string;
      person: string;
      kid: string;
      enrolled_at: string;
      revoked_at: string | null;
      last_seen: string | null;
    }>("SELECT id, person, kid, enrolled_at, revoked_at, last_seen FROM devices ORDER BY enrolled_at");
    return rows.map((r) => ({
      id: r.id,
      person: r.person,
      kid: r.kid,
      enrolledAt: r.enrolled_at,
      revokedAt: r.revoked_at,
      lastSeen: r.last_seen,
    }));
  }
}

/**
 * Issue a one-time enrollment token for `person`'s device and audit it, in one transaction (no token without
 * its audit entry). `actor`: the account that asked, or `system:…` for the vault itself.
 * @example
 * const { token } = await issueEnrollment(vault, "alice", principal.userId);
 */
export async function issueEnrollment(
  vault: Vault,
  person: string,
  actor: string,
): Promise<{ token: string; expiresAt: string }> {
  const devices = new Devices(vault.db);
  return vault.db.tx(async (q) => {
    const t = await devices.issueToken(person, actor, q);
    await vault.audit.append(
      { action: "enroll", actor, subject: vault.pseudonym(person), detail: { issued: true } },
      q,
    );
    return t;
  });
}
