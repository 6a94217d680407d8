import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sleep, startFleetVault, type FleetVault } from "./fleet-helpers.js";

let t: FleetVault;
const officer = () => t.as("privacy_officer", "incident-response");

async function seedGrants(person: string): Promise<{ dataset: string; grant: string }> {
  const now = new Date().toISOString();
  const dataset = `ds-${Math.random().toString(36).slice(2, 8)}`;
  await t.vault.db.exec(
    `INSERT INTO datasets (id, title, proposer, spec, purpose, level_cap, format, researchers, status, created_at)
     VALUES ($1, 'seed', 'u-r', '{}', 'agent-training', 2, 'messages', '["u-r"]', 'approved', $2)`,
    [dataset, now],
  );
  await t.vault.db.exec("INSERT INTO dataset_members (dataset_id, person) VALUES ($1, $2)", [
    dataset,
    t.vault.pseudonym(person),
  ]);
  const grant = `bg-${Math.random().toString(36).slice(2, 8)}`;
  await t.vault.db.exec(
    `INSERT INTO breakglass_grants (id, officer, person, reason, purpose, minutes, requested_at, status, decided_by, decided_at, expires_at)
     VALUES ($1, 'u-o1', $2, 'seeded for the incident test', 'incident-response', 30, $3, 'approved', 'u-o2', $3, $4)`,
    [grant, person, now, new Date(Date.now() + 1800_000).toISOString()],
  );
  return { dataset, grant };
}

beforeAll(async () => {
  t = await startFleetVault({ leaseTtlMs: 5000 });
});
afterAll(async () => {
  await t.close();
});

describe("incidents", () => {
  it("a SEV 3 records owner, scope and timeline without pausing anyone", async () => {
    const r = await t.app.inject({
      method: "POST",
      url: "/api/v1/incidents",
      headers: officer(),
      payload: { sev: 3, title: "odd export volume", owner: "u-officer", note: "looking into it" },
    });
    expect(r.statusCode, r.body).toBe(200);
    const inc = r.json();
    expect(inc).toMatchObject({
      sev: 3,
      status: "open",
      owner: "u-officer",
      scope: { kind: "none" },
      pauseId: null,
    });
    expect(inc.timeline[0]).toMatchObject({ kind: "open" });
    const u = await t.app.inject({
      method: "POST",
      url: `/api/v1/incidents/${inc.id}/update`,
      headers: officer(),
      payload: { note: "false alarm: scheduled job", status: "mitigated" },
    });
    expect(u.json().timeline.map((e: { kind: string }) => e.kind)).toEqual(["open", "status", "note"]);
    const list = (
      await t.app.inject({ method: "GET", url: "/api/v1/incidents?status=mitigated", headers: officer() })
    ).json();
    expect(list.incidents.map((i: { id: string }) => i.id)).toContain(inc.id);
  });

  it("a SEV 1 pauses its scope at once, revokes researcher grants and rotates keys; closing lifts the pause", async () => {
    await t.fleet.setTeam("erin", "ops");
    await t.consent("erin");
    await t.consent("frank");
    const erin = t.client(await t.enrollDevice("erin"));
    const frank = t.client(await t.enrollDevice("frank"));
    erin.lease.start();
    frank.lease.start();
    await erin.until((x) => x.canRecord);
    await frank.until((x) => x.canRecord);
    const seeded = await seedGrants("erin");
    const other = await seedGrants("frank");
    const kekBefore = t.vault.kms.currentKekId();

    const r = await t.app.inject({
      method: "POST",
      url: "/api/v1/incidents",
      headers: officer(),
      payload: {
        sev: 1,
        title: "ops team laptops exfiltrating screenshots",
        scope: { kind: "team", value: "ops" },
        revokeGrants: true,
        rotateKeys: true,
      },
    });
    expect(r.statusCode, r.body).toBe(200);
    const inc = r.json();
    expect(inc.pauseId).toMatch(/^pz-/);
    const paused = await erin.until((x) => x.status === "paused");
    expect(paused.reason).toMatch(/an incident/);
    await sleep(200);
    expect(frank.lease.canRecord()).toBe(true);
    const st = (
      await t.app.inject({ method: "GET", url: `/api/v1/fleet/pauses/${inc.pauseId}`, headers: officer() })
    ).json();
    expect(st).toMatchObject({ inScope: 1, acked: 1 });
    expect(st.pause).toMatchObject({ by: "incident", actor: inc.id, incidentId: inc.id });

    const ds = await t.vault.db.query<{ id: string; status: string }>(
      "SELECT id, status FROM datasets ORDER BY id",
    );
    expect(ds.find((d) => d.id === seeded.dataset)!.status).toBe("suspended");
    expect(ds.find((d) => d.id === other.dataset)!.status).toBe("approved");
    const [g] = await t.vault.db.query<{ status: string }>(
      "SELECT status FROM breakglass_grants WHERE id = $1",
      [seeded.grant],
    );
    expect(g!.status).toBe("revoked");
    expect(t.vault.kms.currentKekId()).not.toBe(kekBefore);
    expect(inc.timeline.map((e: { kind: string }) => e.kind)).toEqual([
      "open",
      "pause",
      "revoke-grants",
      "rotate-keys",
    ]);

    const c = await t.app.inject({
      method: "POST",
      url: `/api/v1/incidents/${inc.id}/close`,
      headers: officer(),
      payload: { note: "laptops reimaged", restoreGrants: true },
    });
    expect(c.statusCode, c.body).toBe(200);
    expect(c.json().status).toBe("closed");
    await erin.until((x) => x.canRecord, 3000, "recording after the incident closed");
    const [d] = await t.vault.db.query<{ status: string }>("SELECT status FROM datasets WHERE id = $1", [
      seeded.dataset,
    ]);
    expect(d!.status).toBe("approved");
    const audit = (await t.vault.audit.entries(0, 10_000)).filter((e) => e.action === "incident");
    expect(audit.map((e) => e.detail?.step)).toEqual(
      expect.arrayContaining(["open", "revoke-grants", "close"]),
    );
    expect((await t.vault.audit.entries(0, 10_000)).some((e) => e.action === "key.rotate")).toBe(true);
  });

  it("raising an incident to SEV 0 pauses its scope", async () => {
    const dev = await t.enrollDevice("frank");
    const c = t.client(dev);
    c.lease.start();
    await c.until((x) => x.canRecord);
    const r = await t.app.inject({
      method: "POST",
      url: "/api/v1/incidents",
      headers: officer(),
      payload: { sev: 2, title: "one laptop acting up", scope: { kind: "device", value: dev.id } },
    });
    expect(r.json().pauseId).toBeNull();
    await sleep(100);
    expect(c.lease.canRecord()).toBe(true);
    await t.app.inject({
      method: "POST",
      url: `/api/v1/incidents/${r.json().id}/update`,
      headers: officer(),
      payload: { sev: 0 },
    });
    await c.until((x) => x.status === "paused");
    await t.app.inject({
      method: "POST",
      url: `/api/v1/incidents/${r.json().id}/close`,
      headers: officer(),
      payload: {},
    });
    await c.until((x) => x.canRecord);
  });
});
