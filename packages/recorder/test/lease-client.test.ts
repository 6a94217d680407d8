import { afterEach, describe, expect, it } from "vitest";
import { LeaseClient, type LeaseClientOptions, type LeaseState } from "../src/lease/client.js";
import { DEVICE, HASH, devKey, fakeVault as startFake, lease, vaultKey, type Script } from "./fake-vault.js";

/**
 * The lease client against a scripted vault (a real WebSocket server on loopback) and a controllable clock:
 * expiry on the monotonic clock counted from the request, never extended by the client, wall-clock jumps
 * only ever shorten a lease, pauses acknowledged only after the recorder stopped, pauses learnt first.
 */
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

class FakeClock {
  m = 1000;
  w = Date.parse("2026-11-01T10:00:00Z");
  mono = () => this.m;
  wall = () => this.w;
  advance(ms: number) {
    this.m += ms;
    this.w += ms;
  }
}

const servers: { close(): void }[] = [];
const clients: LeaseClient[] = [];

async function fakeVault(script: Script) {
  const v = await startFake(script);
  servers.push(v);
  return v;
}

function client(url: string, over: Partial<LeaseClientOptions> = {}) {
  const logs: string[] = [];
  const stops: string[] = [];
  const c = new LeaseClient({
    vaultUrl: url,
    deviceId: DEVICE,
    privateKey: devKey.privateKey,
    publicKey: devKey.publicKey,
    vaultSignKey: vaultKey.publicKey,
    manifestHash: HASH,
    log: (m) => logs.push(m),
    stopRecording: (why) => void stops.push(why),
    reconnectMinMs: 20,
    reconnectMaxMs: 100,
    ...over,
  });
  clients.push(c);
  return { c, logs, stops };
}

async function until(c: LeaseClient, pred: (s: LeaseState) => boolean, ms = 3000): Promise<LeaseState> {
  const end = Date.now() + ms;
  for (;;) {
    const s = c.state();
    if (pred(s)) return s;
    if (Date.now() > end) throw new Error(`timed out; state ${JSON.stringify(s)}`);
    await sleep(10);
  }
}

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.stop()));
  for (const s of servers.splice(0)) s.close();
});

describe("lease client", () => {
  it("counts a lease from the moment it asked for it, on the monotonic clock", async () => {
    const clock = new FakeClock();
    const v = await fakeVault({
      welcome: () => {
        clock.advance(2000); // the answer took 2 s to arrive
        return { lease: lease() };
      },
    });
    const { c } = client(v.url, { clock });
    c.start();
    const s = await until(c, (x) => x.canRecord);
    expect(s.expiresInMs).toBe(3000);
  });

  it("never extends a lease itself: unanswered renewals → it stops when the lease expires, and says so", async () => {
    const clock = new FakeClock();
    const v = await fakeVault({ onRenew: () => undefined });
    const { c, logs, stops } = client(v.url, { clock, renewTimeoutMs: 60_000 });
    c.start();
    await until(c, (x) => x.canRecord);
    clock.advance(4999);
    c.check();
    expect(c.canRecord()).toBe(true);
    clock.advance(1);
    c.check();
    const s = c.state();
    expect(s).toMatchObject({ canRecord: false, status: "expired" });
    expect(s.reason).toMatch(/the lease expired: no renewal from the vault/);
    await sleep(10); // the recorder is told to stop right after the state changed
    expect(stops).toEqual(["expired"]);
    expect(logs.some((l) => /recording stopped: the lease expired/.test(l))).toBe(true);
  });

  it("a wall clock jumping forward (suspend) ends the lease; one jumping back does not extend it", async () => {
    const clock = new FakeClock();
    const v = await fakeVault({});
    const { c } = client(v.url, { clock });
    c.start();
    await until(c, (x) => x.canRecord);
    clock.w -= 3600_000; // set back an hour
    clock.m += 4000;
    c.check();
    expect(c.canRecord()).toBe(true);
    clock.m += 1000;
    c.check();
    expect(c.canRecord()).toBe(false);

    const c2 = client(v.url, { clock }).c;
    c2.start();
    await until(c2, (x) => x.canRecord);
    clock.w += 120_000; // the machine slept two minutes: the monotonic clock did not move
    c2.check();
    expect(c2.state().status).toBe("expired");
  });

  it("ignores a lease that does not verify, or that names another device", async () => {
    const forged = lease();
    forged.lease = { ...forged.lease, ttlMs: 3600_000 };
    const v = await fakeVault({ welcome: () => ({ lease: forged }) });
    const { c, logs } = client(v.url);
    c.start();
    await sleep(300);
    expect(c.canRecord()).toBe(false);
    expect(logs.join("\n")).toMatch(/did not verify/);

    const v2 = await fakeVault({ welcome: () => ({ lease: lease({ deviceId: "dev-someone-else" }) }) });
    const b = client(v2.url);
    b.c.start();
    await sleep(300);
    expect(b.c.canRecord()).toBe(false);
    expect(b.logs.join("\n")).toMatch(/another device/);
  });

  it("acknowledges a pause only after the recorder stopped and flushed", async () => {
    let ackAt = 0;
    let ackIds: string[] = [];
    const v = await fakeVault({
      onAck: (ids) => {
        ackAt = Date.now();
        ackIds = ids;
      },
    });
    let flushedAt = 0;
    const { c } = client(v.url, {
      stopRecording: async () => {
        await sleep(250);
        flushedAt = Date.now();
      },
    });
    c.start();
    await until(c, (x) => x.canRecord);
    v.sockets[0]!.send(
      JSON.stringify({
        t: "pause",
        pause: {
          id: "pz-1",
          scope: { kind: "all", value: "" },
          reason: "audit",
          by: "admin",
          at: new Date().toISOString(),
        },
      }),
    );
    await until(c, (x) => x.status === "paused");
    expect(c.canRecord()).toBe(false); // at once, before the recorder finished stopping
    await until(c, () => ackAt > 0, 3000);
    expect(ackIds).toEqual(["pz-1"]);
    expect(ackAt).toBeGreaterThanOrEqual(flushedAt);
    // resume: the old lease is gone; recording waits for a new one
    let renewed = 0;
    v.wss.removeAllListeners("connection");
    v.sockets[0]!.on("message", (d) => {
      const m = JSON.parse(d.toString());
      if (m.t === "renew") {
        renewed++;
        v.sockets[0]!.send(JSON.stringify({ t: "lease", id: m.id, ...lease() }));
      }
    });
    v.sockets[0]!.send(JSON.stringify({ t: "resume", pauseIds: ["pz-1"], clear: true }));
    await until(c, (x) => x.canRecord);
    expect(renewed).toBeGreaterThan(0);
  });

  it("learns a pause from the welcome before anything else and never records", async () => {
    const acks: string[][] = [];
    const v = await fakeVault({
      welcome: () => ({
        pauses: [
          {
            id: "pz-9",
            scope: { kind: "person", value: "alice" },
            reason: "her own",
            by: "person",
            at: new Date().toISOString(),
          },
        ],
      }),
      onAck: (ids) => acks.push(ids),
    });
    const { c, stops } = client(v.url);
    const seen: string[] = [];
    c.onChange((s) => seen.push(s.status));
    c.start();
    const s = await until(c, (x) => x.status === "paused");
    expect(s.reason).toBe("paused by you: her own");
    await until(c, () => acks.length > 0);
    expect(acks[0]).toEqual(["pz-9"]);
    expect(seen).not.toContain("recording");
    expect(stops).toEqual([]); // it never recorded, so nothing to stop
  });

  it("a lease for another manifest does not allow recording until the recorder runs it", async () => {
    const other = "b".repeat(64);
    const v = await fakeVault({
      welcome: () => ({ lease: lease({ manifestHash: other, manifestVersion: 2 }) }),
      onRenew: (ws, id) =>
        ws.send(JSON.stringify({ t: "lease", id, ...lease({ manifestHash: other, manifestVersion: 2 }) })),
    });
    const { c } = client(v.url);
    c.start();
    const s = await until(c, (x) => x.status === "manifest");
    expect(s.canRecord).toBe(false);
    c.setManifestHash(other);
    await until(c, (x) => x.canRecord);
  });

  it("a consent request stops recording; acknowledging sends the decision with what was shown", async () => {
    const consents: unknown[] = [];
    const acks: string[][] = [];
    const v = await fakeVault({ onConsent: (m) => consents.push(m), onAck: (ids) => acks.push(ids) });
    const { c, stops } = client(v.url);
    c.start();
    await until(c, (x) => x.canRecord);
    const v2 = "c".repeat(64);
    v.sockets[0]!.send(
      JSON.stringify({
        t: "consent",
        manifest: { id: "test", version: 2, hash: v2 },
        decision: null,
        previous: null,
        changes: ["now also collects: clipboard"],
      }),
    );
    const s = await until(c, (x) => x.status === "consent");
    expect(s.consent!.changes).toEqual(["now also collects: clipboard"]);
    await until(c, () => acks.length > 0);
    expect(acks[0]).toEqual([`consent:${v2}`]);
    expect(stops).toEqual(["consent"]);
    c.acknowledgeManifest(v2, "diff");
    await until(c, () => consents.length > 0);
    expect(consents[0]).toMatchObject({
      t: "consent",
      manifestHash: v2,
      decision: "acknowledge",
      shown: "diff",
    });
  });

  it("reconnects after the connection drops; a lease still valid keeps counting down meanwhile", async () => {
    const clock = new FakeClock();
    let connections = 0;
    const v = await fakeVault({
      welcome: () => {
        connections++;
        return { lease: lease() };
      },
    });
    const { c } = client(v.url, { clock });
    c.start();
    await until(c, (x) => x.canRecord);
    v.sockets[0]!.terminate();
    await until(c, () => connections === 2);
    await until(c, (x) => x.connected && x.canRecord);
    expect(c.state().expiresInMs).toBe(5000);
  });
});
