/** Test helpers for fleet control: a listening vault with the fleet channel, and real lease clients. */
import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import { LeaseClient, type LeaseClientOptions, type LeaseState } from "../../recorder/src/lease/client.js";
import { attachFleetChannel, fleetOf, type Fleet, type FleetOptions } from "../src/fleet/index.js";
import type { BlobStore } from "../src/blobs/store.js";
import type { Sql } from "../src/db/sql.js";
import { startTestVault, type TestDevice, type TestVault } from "./helpers.js";

export interface FleetVault extends TestVault {
  url: string;
  fleet: Fleet;
  close(): Promise<void>;
  /** Record that `person` acknowledged the manifest in force (as their recorder would, after showing it). */
  consent(person: string): Promise<void>;
  client(dev: TestDevice, over?: Partial<LeaseClientOptions>): TestClient;
}

export interface TestClient {
  lease: LeaseClient;
  stops: string[];
  logs: string[];
  /** Resolve when the state satisfies `pred` (checked on every change and every 20 ms). */
  until(pred: (s: LeaseState) => boolean, ms?: number, what?: string): Promise<LeaseState>;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startFleetVault(
  opts: FleetOptions = {},
  storage: { sql?: Sql; blobs?: BlobStore } = {},
): Promise<FleetVault> {
  const t = await startTestVault(storage);
  const fleet = await attachFleetChannel(t.app, t.vault, { detectors: false, ...opts });
  await t.app.listen({ port: 0, host: "127.0.0.1" });
  const port = (t.app.server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  const clients: LeaseClient[] = [];
  return {
    ...t,
    url,
    fleet,
    async close() {
      await Promise.all(clients.map((c) => c.stop()));
      await t.app.close();
      await t.vault.close();
    },
    async consent(person) {
      const f = fleetOf(t.vault);
      await f.recordConsent({
        person,
        manifestHash: t.manifestHash,
        decision: "acknowledge",
        via: "recorder",
        actor: "test",
        shown: "full",
        note: "",
      });
    },
    client(dev, over = {}) {
      const stops: string[] = [];
      const logs: string[] = [];
      const lease = new LeaseClient({
        vaultUrl: url,
        deviceId: dev.id,
        privateKey: dev.privateKey,
        publicKey: dev.publicKey,
        vaultSignKey: t.vault.keys.sign.publicKey,
        manifestHash: t.manifestHash,
        log: (m) => logs.push(m),
        reconnectMinMs: 50,
        reconnectMaxMs: 500,
        ...over,
        stopRecording: async (why, st) => {
          stops.push(why);
          await over.stopRecording?.(why, st);
        },
      });
      clients.push(lease);
      return {
        lease,
        stops,
        logs,
        until(pred, ms = 5000, what = "lease state") {
          return new Promise((resolve, reject) => {
            const done = (s: LeaseState) => {
              clearInterval(poll);
              clearTimeout(timer);
              off();
              resolve(s);
            };
            const off = lease.onChange((s) => pred(s) && done(s));
            const poll = setInterval(() => {
              const s = lease.state();
              if (pred(s)) done(s);
            }, 20);
            const timer = setTimeout(() => {
              clearInterval(poll);
              off();
              reject(
                new Error(
                  `timed out waiting for ${what}; state ${JSON.stringify(lease.state())}; log ${logs.join(" | ")}`,
                ),
              );
            }, ms);
            const s = lease.state();
            if (pred(s)) done(s);
          });
        },
      };
    },
  };
}

/**
 * Record a lease for `deviceId` as the fleet grants one (valid from now for `ttlMs`), for tests that upload
 * batches without running a recorder: ingest refuses batches created while their device held no lease.
 * Returns the lease id (for a batch header's `leaseId`).
 */
export function grantTestLease(
  t: Pick<TestVault, "vault" | "manifestHash">,
  deviceId: string,
  person: string,
  ttlMs = 3600_000,
): string {
  const fleet = fleetOf(t.vault);
  const now = Date.now();
  const leaseId = `l-test-${randomBytes(9).toString("base64url")}`;
  fleet.leases.issued({
    leaseId,
    deviceId,
    person,
    manifestHash: t.manifestHash,
    manifestVersion: 1,
    ttlMs,
    node: fleet.node,
    issuedAt: now,
    renewedAt: now,
    validUntil: now + ttlMs,
  });
  return leaseId;
}
