import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { FastifyInstance } from "fastify";
import type { BatchHeader, BatchPayload, Manifest, RawEvent } from "@tracevault/core";
import { Ed25519Signer, generateRawKeyPair, keyId, sealBatch, signUpload } from "@tracevault/crypto";
import type { BlobStore } from "../src/blobs/store.js";
import type { Sql } from "../src/db/sql.js";
import { LEASE_CONTEXT } from "../src/fleet/protocol.js";
import { buildServer } from "../src/server.js";
import { Vault } from "../src/vault.js";

export const PASSWORD = "correct horse battery staple";

export function testManifest(over: Partial<Manifest> = {}): Manifest {
  return {
    schema: "tracevault/manifest/v1",
    id: "test",
    version: 1,
    title: "Test collection",
    issuedAt: "2026-11-01T00:00:00.000Z",
    channels: ["keyboard", "mouse", "window"],
    sensitivityCap: 3,
    scope: { mode: "exclude", apps: [], sites: [], titles: [], useDefaultExclusions: true },
    retentionDays: 30,
    purposes: ["agent-training"],
    privacyPolicyVersion: "1",
    ...over,
  };
}

export interface TestVault {
  dir: string;
  vault: Vault;
  app: FastifyInstance;
  tokens: Record<string, string>;
  manifestHash: string;
  as(role: string, purpose?: string): Record<string, string>;
  enrollDevice(person: string): Promise<TestDevice>;
}

export interface TestDevice {
  id: string;
  privateKey: Uint8Array;
  publicKey: Uint8Array;
  seq: number;
  batch(
    events: RawEvent[],
    over?: Partial<{
      batchId: string;
      channels: string[];
      manifestHash: string;
      deviceId: string;
      /** Without a lease proof (the vault refuses it unless it opened with requireLease: false). */
      unleased: boolean;
      /** This lease proof instead of one made with the vault's key (e.g. what a real lease client holds). */
      leaseProof: NonNullable<BatchHeader["leaseProof"]>;
      createdAt: string;
    }>,
  ): { bytes: Buffer; headers: Record<string, string>; batchId: string };
}

/**
 * The signed lease a recorder would carry in its batch headers, made here with the vault's own signing key (as
 * its fleet channel would grant it): tests of storage and access upload hand-made batches under the vault's
 * default lease requirement without running a lease client.
 */
export function leaseProofFor(
  vault: Vault,
  deviceId: string,
  person: string,
  manifestHash: string,
  issuedAt = new Date(),
  ttlMs = 60_000,
): NonNullable<BatchHeader["leaseProof"]> {
  const lease = {
    v: 1 as const,
    leaseId: `l-test-${deviceId.slice(0, 12)}`,
    deviceId,
    personId: person,
    manifestVersion: 1,
    manifestHash,
    issuedAt: issuedAt.toISOString(),
    ttlMs,
  };
  const sig = new Ed25519Signer(vault.keys.sign.privateKey, vault.keys.sign.publicKey).sign(
    LEASE_CONTEXT,
    lease,
  );
  return { lease, sig };
}

/** A vault with one account per role (person = "alice"), a published manifest, on a fresh data dir. */
export async function startTestVault(
  storage: { sql?: Sql; blobs?: BlobStore; requireLease?: boolean } = {},
  dir = mkdtempSync(join(tmpdir(), "tv-vault-")),
): Promise<TestVault> {
  const vault = await Vault.open({ dataDir: dir, ...storage });
  const app = await buildServer(vault, { logger: false });
  const setup = await vault.accounts.createSetupToken();
  await app.inject({
    method: "POST",
    url: "/api/v1/auth/setup",
    payload: { token: setup, username: "admin", password: PASSWORD },
  });
  const login = async (u: string) =>
    (
      await app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { username: u, password: PASSWORD },
      })
    ).json().token as string;
  const tokens: Record<string, string> = { fleet_admin: await login("admin") };
  const admin = { authorization: `Bearer ${tokens.fleet_admin}`, "x-tracevault-purpose": "operations" };
  for (const [role, person] of [
    ["person", "alice"],
    ["researcher", ""],
    ["privacy_officer", ""],
    ["auditor", ""],
  ] as const) {
    const r = await app.inject({
      method: "POST",
      url: "/api/v1/accounts",
      headers: admin,
      payload: { username: `${role}-1`, password: PASSWORD, role, person },
    });
    if (r.statusCode !== 200) throw new Error(r.body);
    tokens[role] = await login(`${role}-1`);
  }
  const pub = await app.inject({
    method: "POST",
    url: "/api/v1/manifests",
    headers: admin,
    payload: testManifest(),
  });
  if (pub.statusCode !== 200) throw new Error(pub.body);
  const manifestHash = pub.json().hash as string;
  const t: TestVault = {
    dir,
    vault,
    app,
    tokens,
    manifestHash,
    as: (role, purpose = "agent-training") => ({
      authorization: `Bearer ${tokens[role]}`,
      "x-tracevault-purpose": purpose,
    }),
    enrollDevice: async (person) => {
      const tok = (
        await app.inject({ method: "POST", url: "/api/v1/enrollments", headers: admin, payload: { person } })
      ).json().token;
      const k = generateRawKeyPair("ed25519");
      const r = await app.inject({
        method: "POST",
        url: "/api/v1/devices/enroll",
        payload: { token: tok, publicKey: Buffer.from(k.publicKey).toString("base64url") },
      });
      if (r.statusCode !== 200) throw new Error(r.body);
      const deviceId = r.json().deviceId as string;
      const dev: TestDevice = {
        id: deviceId,
        ...k,
        seq: 0,
        batch: (events, over = {}) => {
          const batchId = over.batchId ?? randomUUID();
          const proof = over.unleased
            ? undefined
            : (over.leaseProof ??
              leaseProofFor(vault, over.deviceId ?? deviceId, person, over.manifestHash ?? manifestHash));
          const header = {
            v: 1 as const,
            deviceId: over.deviceId ?? deviceId,
            batchId,
            seq: dev.seq++,
            manifestHash: over.manifestHash ?? manifestHash,
            createdAt: over.createdAt ?? new Date().toISOString(),
            channels: (over.channels ?? ["keyboard", "mouse", "window"]) as never,
            vaultKid: keyId("x25519", vault.keys.seal.publicKey),
            ...(proof ? { leaseId: proof.lease.leaseId, leaseProof: proof } : {}),
          };
          const payload: BatchPayload = { v: 1, events, frames: [] };
          const bytes = Buffer.from(
            sealBatch(header, gzipSync(JSON.stringify(payload)), vault.keys.seal.publicKey),
          );
          const sig = signUpload(bytes, k.privateKey, k.publicKey);
          return {
            bytes,
            batchId,
            headers: {
              "content-type": "application/octet-stream",
              "x-tracevault-device": deviceId,
              "x-tracevault-signature": Buffer.from(JSON.stringify(sig)).toString("base64url"),
            },
          };
        },
      };
      return dev;
    },
  };
  return t;
}

/** Key events that type `text` (US layout), starting at time t0. */
export function typedEvents(text: string, t0 = 0): RawEvent[] {
  const out: RawEvent[] = [];
  let t = t0;
  for (const ch of text) {
    const key = ch === " " ? "space" : ch.toLowerCase();
    out.push({ kind: "key_down", t: t++, code: 0, key, char: ch });
    out.push({ kind: "key_up", t: t++, code: 0, key });
  }
  return out;
}
