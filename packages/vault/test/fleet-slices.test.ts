import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFleetVault, type FleetVault, type TestClient } from "./fleet-helpers.js";

/**
 * A pause is written to the recorders a slice per turn of the event loop (here one per turn, to see the
 * turns): everyone is told, and a lift arriving before the last write stops the remaining ones, so nobody is
 * left paused by a pause no longer in force.
 */
let t: FleetVault;
const clients: TestClient[] = [];

beforeAll(async () => {
  t = await startFleetVault({ leaseTtlMs: 5000, pauseSlice: 1 });
  for (let i = 0; i < 6; i++) {
    const person = `slice-${i}`;
    const dev = await t.enrollDevice(person);
    await t.consent(person);
    const c = t.client(dev);
    c.lease.start();
    clients.push(c);
  }
  await Promise.all(clients.map((c) => c.until((x) => x.canRecord, 8000, "a lease")));
}, 30_000);
afterAll(async () => {
  await t.close();
});

describe("pause written in slices", () => {
  it("every recorder is told, stops and acknowledges", async () => {
    const p = await t.fleet.pause({
      scope: { kind: "all", value: "" },
      reason: "slices",
      by: "admin",
      actor: "u-1",
    });
    expect(p.connectedHere).toBe(6);
    await Promise.all(clients.map((c) => c.until((x) => x.status === "paused", 5000, "paused")));
    await expect.poll(async () => (await t.fleet.pauseStatus(p.id)).acked, { timeout: 5000 }).toBe(6);
    await t.fleet.resume({ pauseId: p.id, by: "admin", actor: "u-1" });
    await Promise.all(clients.map((c) => c.until((x) => x.canRecord, 5000, "recording again")));
  });

  it("a lift before the last slice was written leaves nobody paused", async () => {
    const p = await t.fleet.pause({
      scope: { kind: "all", value: "" },
      reason: "short",
      by: "admin",
      actor: "u-1",
    });
    await t.fleet.resume({ pauseId: p.id, by: "admin", actor: "u-1" });
    await Promise.all(clients.map((c) => c.until((x) => x.canRecord, 5000, "recording after the lift")));
    await new Promise((r) => setTimeout(r, 300)); // no late pause write arrives
    for (const c of clients) expect(c.lease.state().status).toBe("recording");
  });
});
