/**
 * Several vault nodes: two vault processes on one store (SQLite in one data directory) and one nats-server, all
 * on loopback. A recorder (the real lease client) is connected to node B; a pause issued through node A's API
 * reaches it through NATS — the nodes' database resync is set to a minute, so only NATS can explain a delivery
 * within a second — and its acknowledgement shows on node A. A third node without NATS still learns the pause
 * from the database within its resync period.
 *
 * Needs nats-server and the built vault (npx tsc -b packages/vault/tsconfig.json); skipped otherwise.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LeaseClient } from "../packages/recorder/src/lease/index.js";
import { startTestVault, type TestDevice, type TestVault } from "../packages/vault/test/helpers.js";
import {
  VAULT_BUILT,
  natsSkipReason,
  sleep,
  startNats,
  startNode,
  untilLease,
  acknowledgeManifest,
  type NatsProc,
  type VaultNode,
} from "./fleet-support.js";

/** An API answer (checked by the assertions). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;
const skip =
  natsSkipReason() ?? (VAULT_BUILT ? undefined : "vault not built (npx tsc -b packages/vault/tsconfig.json)");
if (skip) console.warn(`[fleet-nodes] skipped: ${skip}`);

let nats: NatsProc;
let a: VaultNode;
let b: VaultNode;
let t: TestVault;
let dev: TestDevice;
const clients: LeaseClient[] = [];

async function api(
  node: VaultNode,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: Json }> {
  const res = await fetch(node.url + path, {
    method,
    headers: {
      authorization: `Bearer ${t.tokens.fleet_admin}`,
      "x-tracevault-purpose": "operations",
      ...(body ? { "content-type": "application/json" } : {}),
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, json: (await res.json()) as Json };
}

function client(url: string, d: TestDevice): LeaseClient {
  const c = new LeaseClient({
    vaultUrl: url,
    deviceId: d.id,
    privateKey: d.privateKey,
    publicKey: d.publicKey,
    vaultSignKey: t.vault.keys.sign.publicKey,
    manifestHash: t.manifestHash,
    reconnectMinMs: 50,
  });
  clients.push(c);
  return c;
}

describe.skipIf(!!skip)("two vault nodes and NATS", () => {
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), "tv-fleet-nodes-"));
    t = await startTestVault({}, dir);
    dev = await t.enrollDevice("alice");
    await acknowledgeManifest(t);
    nats = await startNats();
    a = await startNode({
      dataDir: dir,
      nodeId: "node-a",
      natsUrl: nats.url,
      ttlMs: 10_000,
      resyncMs: 60_000,
    });
    b = await startNode({
      dataDir: dir,
      nodeId: "node-b",
      natsUrl: nats.url,
      ttlMs: 10_000,
      resyncMs: 60_000,
    });
  }, 60_000);

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.stop()));
    await a?.stop();
    await b?.stop();
    await nats?.stop();
    await t?.app.close();
    await t?.vault.close();
  });

  it("both nodes joined NATS", () => {
    expect(a.bus).toBe("nats");
    expect(b.bus).toBe("nats");
  });

  it("a pause issued on node A reaches a recorder connected to node B within a second; the ack shows on A", async () => {
    const c = client(b.url, dev);
    c.start();
    await untilLease(c, (s) => s.canRecord);
    const t0 = Date.now();
    const p = await api(a, "POST", "/api/v1/fleet/pause", {
      scope: { kind: "all" },
      reason: "two-node drill",
    });
    expect(p.status, JSON.stringify(p.json)).toBe(200);
    expect(p.json.connectedHere).toBe(0); // nobody is connected to A: it can only have travelled through NATS
    await untilLease(c, (s) => s.status === "paused", 2000);
    const reached = Date.now() - t0;
    expect(reached).toBeLessThan(1000);
    let st: Json = {};
    for (let i = 0; i < 100; i++) {
      st = (await api(a, "GET", `/api/v1/fleet/pauses/${p.json.id}`)).json;
      if (st.acked === 1) break;
      await sleep(20);
    }
    expect(st).toMatchObject({ inScope: 1, acked: 1, pending: 0 });
    expect(st.recorders[0]).toMatchObject({
      deviceId: dev.id,
      acked: true,
      node: "node-b",
      connected: true,
      stopped: "ack",
    });
    const status = (await api(a, "GET", "/api/v1/fleet/status")).json;
    expect(
      status.nodes
        .filter((n: { alive: boolean }) => n.alive)
        .map((n: { node: string }) => n.node)
        .sort(),
    ).toEqual(expect.arrayContaining(["node-a", "node-b"]));
    expect(status.recorders.find((r: { deviceId: string }) => r.deviceId === dev.id)).toMatchObject({
      node: "node-b",
      connected: true,
      state: "paused",
    });
    console.log(`[fleet-nodes] pause on node A → recorder on node B: ${reached} ms`);

    const r = await api(a, "POST", "/api/v1/fleet/resume", { scope: { kind: "all" } });
    expect(r.status).toBe(200);
    await untilLease(c, (s) => s.canRecord, 2000);
    await c.stop();
  });

  it("a device revoked on node A is stopped at once on node B (through NATS)", async () => {
    const d2 = await t.enrollDevice("alice");
    const c = client(b.url, d2);
    c.start();
    await untilLease(c, (s) => s.canRecord);
    const t0 = Date.now();
    const r = await api(a, "POST", `/api/v1/fleet/devices/${d2.id}/revoke`, { reason: "laptop stolen" });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    const s = await untilLease(c, (x) => x.status === "revoked", 2000);
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(s.reason).toMatch(/laptop stolen/);
    expect(s.canRecord).toBe(false);
  });

  it("a node without NATS still learns the pause from the database within its resync period", async () => {
    const c3 = await startNode({ dataDir: t.dir, nodeId: "node-c", ttlMs: 10_000, resyncMs: 500 });
    try {
      expect(c3.bus).toBe("none");
      const d3 = await t.enrollDevice("alice");
      const c = client(c3.url, d3);
      c.start();
      await untilLease(c, (s) => s.canRecord);
      const t0 = Date.now();
      const p = await api(a, "POST", "/api/v1/fleet/pause", {
        scope: { kind: "device", value: d3.id },
        reason: "no bus drill",
      });
      expect(p.status).toBe(200);
      await untilLease(c, (s) => s.status === "paused", 3000);
      expect(Date.now() - t0).toBeLessThan(2000);
      await c.stop();
    } finally {
      await c3.stop();
    }
  });
});
