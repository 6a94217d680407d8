import { verifyJson } from "@tracevault/crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { LEASE_CONTEXT } from "../src/fleet/protocol.js";
import { sleep, startFleetVault, type FleetVault } from "./fleet-helpers.js";

let t: FleetVault;
const admin = () => t.as("fleet_admin", "operations");

beforeAll(async () => {
  t = await startFleetVault({ leaseTtlMs: 5000 });
});
afterAll(async () => {
  await t.close();
});

describe("leases", () => {
  it("a recorder gets a lease signed by the vault naming device, person and manifest", async () => {
    const dev = await t.enrollDevice("alice");
    await t.consent("alice");
    const c = t.client(dev);
    c.lease.start();
    const s = await c.until((x) => x.canRecord, 5000, "a lease");
    expect(s.status).toBe("recording");
    expect(s.lease).toMatchObject({
      v: 1,
      deviceId: dev.id,
      personId: "alice",
      manifestHash: t.manifestHash,
      ttlMs: 5000,
    });
    expect(s.expiresInMs).toBeGreaterThan(4000);
    expect(s.expiresInMs).toBeLessThanOrEqual(5000);
    await c.lease.stop();
  });

  it("renews on the same connection before expiry, keeping the grant's id", async () => {
    const dev = await t.enrollDevice("alice");
    const c = t.client(dev);
    c.lease.start();
    const first = await c.until((x) => x.canRecord);
    await sleep(3500);
    const later = c.lease.state();
    expect(later.canRecord).toBe(true);
    expect(later.lease!.leaseId).toBe(first.lease!.leaseId);
    expect(Date.parse(later.lease!.issuedAt)).toBeGreaterThan(Date.parse(first.lease!.issuedAt));
    expect(await t.fleet.leaseValidAt(dev.id, new Date())).toBe(true);
    expect(await t.fleet.leaseValidAt(dev.id, new Date(Date.now() - 3600_000))).toBe(false);
    await c.lease.stop();
  });

  it("refuses an unauthenticated or forged hello and never sends a lease", async () => {
    const dev = await t.enrollDevice("alice");
    const ws = new WebSocket(t.url.replace("http", "ws") + "/api/v1/fleet/channel");
    const got: { t: string }[] = [];
    ws.on("message", (d) => {
      const m = JSON.parse(d.toString());
      got.push(m);
      if (m.t === "challenge")
        ws.send(
          JSON.stringify({
            t: "hello",
            v: 1,
            deviceId: dev.id,
            sig: { alg: "ed25519", kid: "0000000000000000", sig: Buffer.alloc(64).toString("base64url") },
          }),
        );
    });
    const code = await new Promise<number>((r) => ws.on("close", (c) => r(c)));
    expect(code).toBe(4001);
    expect(got.map((m) => m.t)).toEqual(["challenge", "error"]);
  });

  it("the lease signature verifies with the vault's key and no other context", async () => {
    const dev = await t.enrollDevice("alice");
    const c = t.client(dev);
    c.lease.start();
    const s = await c.until((x) => x.canRecord);
    const held = (c.lease as unknown as { held: { lease: unknown; sig: never } }).held;
    expect(verifyJson(LEASE_CONTEXT, held.lease, held.sig, t.vault.keys.sign.publicKey)).toBe(true);
    expect(verifyJson("tracevault/other/v1", held.lease, held.sig, t.vault.keys.sign.publicKey)).toBe(false);
    expect(s.lease!.leaseId).toMatch(/^l-/);
    await c.lease.stop();
  });
});

describe("pause and resume", () => {
  it("pause --all reaches the recorder, which stops, flushes, then acknowledges; resume grants a new lease", async () => {
    const dev = await t.enrollDevice("alice");
    let flushedAt = 0;
    const c = t.client(dev, {
      stopRecording: async () => {
        await sleep(100); // stopping sources and sealing the last batch takes a moment
        flushedAt = Date.now();
      },
    });
    c.lease.start();
    const first = await c.until((x) => x.canRecord);
    const r = await t.app.inject({
      method: "POST",
      url: "/api/v1/fleet/pause",
      headers: admin(),
      payload: { scope: { kind: "all" }, reason: "quarterly review" },
    });
    expect(r.statusCode, r.body).toBe(200);
    const pause = r.json();
    expect(pause).toMatchObject({ scope: { kind: "all", value: "" }, by: "admin", connectedHere: 1 });
    const paused = await c.until((x) => x.status === "paused");
    expect(paused.canRecord).toBe(false);
    expect(paused.reason).toMatch(/quarterly review/);
    expect(c.stops).toEqual(["pause"]);
    // the acknowledgement arrives only after the recorder flushed
    let st;
    for (let i = 0; i < 100; i++) {
      st = (
        await t.app.inject({ method: "GET", url: `/api/v1/fleet/pauses/${pause.id}`, headers: admin() })
      ).json();
      if (st.acked >= 1) break;
      await sleep(20);
    }
    const row = st.recorders.find((x: { deviceId: string }) => x.deviceId === dev.id);
    expect(row).toMatchObject({ acked: true, stopped: "ack", connected: true });
    expect(Date.parse(row.ackedAt)).toBeGreaterThanOrEqual(flushedAt - 5);
    expect(row.ackMs).toBeGreaterThanOrEqual(100);
    // renewals are refused while paused
    await sleep(300);
    expect(c.lease.canRecord()).toBe(false);

    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/fleet/resume",
      headers: admin(),
      payload: { scope: { kind: "all" } },
    });
    expect(res.statusCode, res.body).toBe(200);
    const again = await c.until((x) => x.canRecord, 3000, "a new lease after resume");
    expect(again.lease!.leaseId).not.toBe(first.lease!.leaseId);
    await c.lease.stop();
  });

  it("a recorder reconnecting while a pause is in force learns it before any lease", async () => {
    const dev = await t.enrollDevice("bob");
    await t.consent("bob");
    const p = await t.fleet.pause({
      scope: { kind: "person", value: "bob" },
      reason: "bob asked HR",
      by: "admin",
      actor: "u-test",
    });
    const c = t.client(dev);
    const seen: string[] = [];
    c.lease.onChange((s) => seen.push(s.status));
    c.lease.start();
    await c.until((x) => x.status === "paused");
    await sleep(200);
    expect(seen).not.toContain("recording");
    expect(c.lease.state().lease).toBeUndefined();
    const st = await t.fleet.pauseStatus(p.id);
    expect(st.acked).toBe(1);
    await t.fleet.resume({ pauseId: p.id, by: "admin", actor: "u-test" });
    await c.until((x) => x.canRecord);
    await c.lease.stop();
  });

  it("scopes: a team pause reaches the team only; a device pause that device only", async () => {
    await t.fleet.setTeam("carol", "red");
    await t.fleet.setTeam("dave", "blue");
    await t.consent("carol");
    await t.consent("dave");
    const carol = t.client(await t.enrollDevice("carol"));
    const dave = t.client(await t.enrollDevice("dave"));
    const dave2dev = await t.enrollDevice("dave");
    const dave2 = t.client(dave2dev);
    for (const c of [carol, dave, dave2]) c.lease.start();
    for (const c of [carol, dave, dave2]) await c.until((x) => x.canRecord);
    const r = await t.app.inject({
      method: "POST",
      url: "/api/v1/fleet/pause",
      headers: t.as("privacy_officer", "incident-response"),
      payload: { scope: { kind: "team", value: "red" }, reason: "red team audit" },
    });
    expect(r.json()).toMatchObject({ by: "officer", inScope: 1 });
    await carol.until((x) => x.status === "paused");
    await sleep(200);
    expect(dave.lease.canRecord()).toBe(true);
    const d = await t.fleet.pause({
      scope: { kind: "device", value: dave2dev.id },
      reason: "one laptop",
      by: "admin",
      actor: "u",
    });
    await dave2.until((x) => x.status === "paused");
    expect(dave.lease.canRecord()).toBe(true);
    // moving dave into team red pauses him at once
    await t.fleet.setTeam("dave", "red");
    await dave.until((x) => x.status === "paused");
    await t.fleet.resume({ pauseId: d.id, by: "admin", actor: "u" });
    await t.fleet.resume({ scope: { kind: "team", value: "red" }, by: "officer", actor: "u" });
    for (const c of [carol, dave, dave2]) await c.until((x) => x.canRecord);
    for (const c of [carol, dave, dave2]) await c.lease.stop();
  });

  it("a person's own pause cannot be lifted by anyone else", async () => {
    const dev = await t.enrollDevice("alice");
    const c = t.client(dev);
    c.lease.start();
    await c.until((x) => x.canRecord);
    const own = await t.app.inject({
      method: "POST",
      url: "/api/v1/me/pause",
      headers: t.as("person", "self-service"),
      payload: { reason: "private call" },
    });
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json()).toMatchObject({ by: "person", scope: { kind: "person", value: "alice" } });
    const paused = await c.until((x) => x.status === "paused");
    expect(paused.reason).toMatch(/paused by you/);
    for (const role of ["fleet_admin", "privacy_officer"]) {
      const r1 = await t.app.inject({
        method: "POST",
        url: "/api/v1/fleet/resume",
        headers: t.as(role, "operations"),
        payload: { pauseId: own.json().id },
      });
      expect(r1.statusCode).toBe(403);
      expect(r1.json().code).toBe("own_pause");
      const r2 = await t.app.inject({
        method: "POST",
        url: "/api/v1/fleet/resume",
        headers: t.as(role, "operations"),
        payload: { scope: { kind: "person", value: "alice" } },
      });
      expect(r2.statusCode).toBe(403);
    }
    // an admin pausing and resuming "all" leaves alice's own pause in force
    const all = await t.fleet.pause({
      scope: { kind: "all", value: "" },
      reason: "maintenance",
      by: "admin",
      actor: "u",
    });
    await t.fleet.resume({ pauseId: all.id, by: "admin", actor: "u" });
    await sleep(300);
    expect(c.lease.state().status).toBe("paused");
    const mine = await t.app.inject({
      method: "GET",
      url: "/api/v1/me/fleet",
      headers: t.as("person", "self-service"),
    });
    expect(mine.json().pauses).toEqual([expect.objectContaining({ own: true, reason: "private call" })]);
    const lift = await t.app.inject({
      method: "POST",
      url: "/api/v1/me/resume",
      headers: t.as("person", "self-service"),
      payload: {},
    });
    expect(lift.statusCode, lift.body).toBe(200);
    await c.until((x) => x.canRecord);
    await c.lease.stop();
  });

  it("pauses and resumes are audited; the fleet status lists recorders with state, lease expiry, last ack", async () => {
    const entries = (await t.vault.audit.entries(0, 10_000)).filter(
      (e) => e.action === "pause" || e.action === "resume",
    );
    expect(entries.length).toBeGreaterThanOrEqual(4);
    expect(entries.some((e) => e.actor.startsWith("person:p-"))).toBe(true);
    const st = (await t.app.inject({ method: "GET", url: "/api/v1/fleet/status", headers: admin() })).json();
    expect(st.recorders.length).toBeGreaterThan(3);
    const acked = st.recorders.filter((r: { lastAck: unknown }) => r.lastAck);
    expect(acked.length).toBeGreaterThan(0);
    expect(st.recorders[0]).toHaveProperty("leaseExpiresAt");
    expect(st.recorders[0]).toHaveProperty("lastSeen");
  });
});
