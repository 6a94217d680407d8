/**
 * Fleet control on the fleet storage configuration (PostgreSQL + S3-compatible blobs): pauses with
 * acknowledgements, resume, consent, an incident pause, lease records and the unleased-upload detector —
 * the SQL of the fleet module on the other dialect. Skipped when PostgreSQL is not installed.
 */
import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fleet as fleetBackend, type Backend } from "./backends.js";
import { sleep, startFleetVault, type FleetVault } from "./fleet-helpers.js";

const skip = existsSync("/usr/lib/postgresql") ? undefined : "PostgreSQL not installed";
if (skip) console.warn(`[fleet-postgres] skipped: ${skip}`);

let backend: Backend;
let t: FleetVault;

describe.skipIf(!!skip)("fleet control on PostgreSQL + S3", () => {
  beforeAll(async () => {
    backend = await fleetBackend();
    t = await startFleetVault({ leaseTtlMs: 5000, resyncMs: 300 }, await backend.make());
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await backend?.stop();
  });

  it("pause, acknowledgement table, resume, status", async () => {
    await t.consent("alice");
    await t.fleet.setTeam("alice", "green");
    const dev = await t.enrollDevice("alice");
    const c = t.client(dev);
    c.lease.start();
    await c.until((s) => s.canRecord);
    const p = await t.fleet.pause({
      scope: { kind: "team", value: "green" },
      reason: "pg drill",
      by: "admin",
      actor: "u",
    });
    expect(p.inScope).toBe(1);
    await c.until((s) => s.status === "paused");
    let st = await t.fleet.pauseStatus(p.id);
    for (let i = 0; i < 50 && st.acked < 1; i++) {
      await sleep(20);
      st = await t.fleet.pauseStatus(p.id);
    }
    expect(st).toMatchObject({ inScope: 1, acked: 1, pending: 0 });
    expect(await t.fleet.pauseStatus(p.id, false)).toMatchObject({ inScope: 1, acked: 1, pending: 0 });
    await t.fleet.flush();
    const [row] = await t.vault.db.query<{ n: number }>(
      "SELECT COUNT(*) AS n FROM fleet_acks WHERE pause_id = $1",
      [p.id],
    );
    expect(Number(row!.n)).toBe(1);
    await t.fleet.resume({ scope: { kind: "team", value: "green" }, by: "admin", actor: "u" });
    await c.until((s) => s.canRecord);
    const status = await t.fleet.status();
    expect(status.recorders.find((r) => r.deviceId === dev.id)).toMatchObject({
      team: "green",
      connected: true,
    });
    expect(await t.fleet.leaseValidAt(dev.id, new Date())).toBe(true);
    expect((await t.fleet.detectors.noteBatch(dev.id, "b-pg-1", new Date().toISOString())).leased).toBe(true);
    await c.lease.stop();
  });

  it("consent and an incident pause", async () => {
    const dev = await t.enrollDevice("bob");
    const c = t.client(dev);
    c.lease.start();
    await c.until((s) => s.status === "consent");
    c.lease.acknowledgeManifest(t.manifestHash, "full");
    await c.until((s) => s.canRecord);
    const { openIncident } = await import("../src/fleet/incidents.js");
    const inc = await openIncident(t.fleet, {
      sev: 0,
      title: "pg incident",
      scope: { kind: "person", value: "bob" },
      owner: "",
      note: "",
      revokeGrants: true,
      rotateKeys: false,
      source: "manual",
      openedBy: "u",
    });
    expect(inc.pauseId).toBeTruthy();
    await c.until((s) => s.status === "paused");
    expect((await t.fleet.consentOf("bob")).history).toHaveLength(1);
    await c.lease.stop();
  });
});
