import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_POLICIES } from "../src/policy/cedar.js";
import { policyWidening } from "../src/fleet/detectors.js";
import { typedEvents } from "./helpers.js";
import { sleep, startFleetVault, type FleetVault } from "./fleet-helpers.js";

let t: FleetVault;
const officer = () => t.as("privacy_officer", "incident-response");
const accountId = async (username: string) =>
  (await t.vault.db.query<{ id: string }>("SELECT id FROM accounts WHERE username = $1", [username]))[0]!.id;

beforeAll(async () => {
  t = await startFleetVault({ leaseTtlMs: 5000, detectors: { manyPeople: 10, unleasedBatches: 2 } });
});
afterAll(async () => {
  await t.close();
});

describe("detectors open incidents on their own", () => {
  it("a principal reading the data of unusually many people", async () => {
    const researcher = await accountId("researcher-1");
    for (let i = 0; i < 12; i++)
      await t.vault.audit.append({
        action: "read",
        actor: researcher,
        subject: t.vault.pseudonym(`p${i}`),
        purpose: "research",
      });
    const opened = await t.fleet.detectors.runOnce();
    expect(opened.map((i) => i.source)).toContain("detector:many-people");
    const inc = opened.find((i) => i.source === "detector:many-people")!;
    expect(inc.title).toMatch(/read the data of 10 people within an hour/);
    expect(inc.sev).toBe(2);
    // more reads in the same hour: still one incident
    await t.vault.audit.append({
      action: "read",
      actor: researcher,
      subject: t.vault.pseudonym("p99"),
      purpose: "research",
    });
    expect((await t.fleet.detectors.runOnce()).filter((i) => i.source === "detector:many-people")).toEqual(
      [],
    );
  });

  it("a person reading their own data is never 'many people', nor outside a purpose", async () => {
    const alice = await accountId("person-1");
    for (let i = 0; i < 15; i++)
      await t.vault.audit.append({
        action: "decrypt",
        actor: alice,
        subject: t.vault.pseudonym("alice"),
        purpose: "self-service",
      });
    expect(await t.fleet.detectors.runOnce()).toEqual([]);
  });

  it("a decrypt outside any approved purpose; one covered by an approved break-glass grant is fine", async () => {
    const off = await accountId("privacy_officer-1");
    const now = new Date();
    await t.vault.db.exec(
      `INSERT INTO breakglass_grants (id, officer, person, reason, purpose, minutes, requested_at, status, decided_by, decided_at, expires_at)
       VALUES ('bg-ok', $1, 'gina', 'support ticket 42 needs the raw session', 'incident-response', 30, $2, 'approved', 'u-second', $2, $3)`,
      [off, new Date(now.getTime() - 1000).toISOString(), new Date(now.getTime() + 1800_000).toISOString()],
    );
    await t.vault.audit.append({
      action: "decrypt",
      actor: off,
      subject: t.vault.pseudonym("gina"),
      purpose: "incident-response",
    });
    expect(await t.fleet.detectors.runOnce()).toEqual([]);
    await t.vault.audit.append({
      action: "decrypt",
      actor: off,
      subject: t.vault.pseudonym("hank"),
      purpose: "curiosity",
    });
    await t.vault.audit.append({
      action: "decrypt",
      actor: "system",
      subject: t.vault.pseudonym("hank"),
      purpose: "agent-training",
      detail: { dataset: "ds-none" },
    });
    const opened = await t.fleet.detectors.runOnce();
    expect(opened.filter((i) => i.source === "detector:decrypt-purpose").map((i) => i.title)).toEqual([
      `decrypt outside any approved purpose by ${off} (purpose 'curiosity')`,
      "decrypt outside any approved purpose by system (purpose 'agent-training')",
    ]);
  });

  it("a policy change widening access to level 3+ data; a narrowing one is fine", async () => {
    const widened = DEFAULT_POLICIES.replace("resource.levelCap <= 2", "resource.levelCap <= 3");
    expect(policyWidening(DEFAULT_POLICIES, widened)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^researcher dataset.read on a level-3 dataset/)]),
    );
    const narrowed = DEFAULT_POLICIES.replace(
      'Tracevault::Action::"fleet.pause", Tracevault::Action::"fleet.resume", Tracevault::Action::"fleet.status"\n  ],',
      'Tracevault::Action::"fleet.status"\n  ],',
    );
    expect(policyWidening(DEFAULT_POLICIES, narrowed)).toEqual([]);
    const officerRead = DEFAULT_POLICIES.replace(
      "when { principal.active && context.breakglass };",
      "when { principal.active };",
    );
    expect(
      policyWidening(DEFAULT_POLICIES, officerRead).some((l) => l.startsWith("privacy_officer record.read")),
    ).toBe(true);
    for (const [v, text] of [
      [1, narrowed],
      [2, widened],
    ] as const) {
      await t.vault.db.exec(
        "INSERT INTO policies (version, text, changed_by, changed_at, reason) VALUES ($1, $2, 'u-x', $3, 'test')",
        [v, text, new Date().toISOString()],
      );
      await t.vault.audit.append({ action: "policy.change", actor: "u-x", detail: { version: v } });
    }
    const opened = await t.fleet.detectors.runOnce();
    expect(opened.map((i) => i.title)).toEqual(["policy version 2 widens access to level-3+ data"]);
  });

  it("a plaintext canary at rest pauses everyone (SEV 1); the same canary recorded and stored encrypted is not found", async () => {
    await t.consent("alice");
    const dev = await t.enrollDevice("alice");
    const c = t.client(dev);
    c.lease.start();
    await c.until((x) => x.canRecord);
    const r = await t.app.inject({
      method: "POST",
      url: "/api/v1/incidents/canaries",
      headers: officer(),
      payload: { label: "typed in test session" },
    });
    expect(r.statusCode, r.body).toBe(200);
    const { token } = r.json() as { token: string };
    expect(token).toMatch(/^tvcanary-[0-9a-f]{24}$/);
    // recorded through the real ingest: stored encrypted, nothing found
    const b = dev.batch([
      { kind: "focus", t: 0, app: "Editor", title: `notes ${token}` },
      ...typedEvents(`hello ${token} bye`, 1),
    ]);
    const up = await t.app.inject({
      method: "POST",
      url: "/api/v1/batches",
      headers: b.headers,
      payload: b.bytes,
    });
    expect(up.statusCode, up.body).toBe(201);
    const none = await t.app.inject({
      method: "POST",
      url: "/api/v1/incidents/detectors/run",
      headers: officer(),
      payload: { run: "canaries" },
    });
    expect(none.json().opened).toEqual([]);
    // a bug stores it in the clear
    await t.vault.blobs.put("debug/dump-1", Buffer.from(`{"title":"notes ${token}"}`));
    const found = await t.app.inject({
      method: "POST",
      url: "/api/v1/incidents/detectors/run",
      headers: officer(),
      payload: { run: "canaries" },
    });
    const [inc] = found.json().opened;
    expect(inc).toMatchObject({ sev: 1, source: "detector:canary", scope: { kind: "all" } });
    expect(inc.title).toMatch(/blob debug\/dump-1/);
    await c.until((x) => x.status === "paused", 3000, "the canary pause");
    await t.app.inject({
      method: "POST",
      url: `/api/v1/incidents/${inc.id}/close`,
      headers: officer(),
      payload: {},
    });
    await c.until((x) => x.canRecord, 3000, "recording after the canary incident closed");
    await c.lease.stop();
  });

  it("a recorder that keeps uploading batches created without a lease", async () => {
    const leased = await t.enrollDevice("ivan");
    await t.consent("ivan");
    const c = t.client(leased);
    c.lease.start();
    await c.until((x) => x.canRecord);
    expect(await t.fleet.detectors.noteBatch(leased.id, "b-1", new Date().toISOString())).toEqual({
      leased: true,
    });
    // a rogue recorder: enrolled, never held a lease
    const rogue = await t.enrollDevice("judy");
    const a = await t.fleet.detectors.noteBatch(rogue.id, "b-2", new Date().toISOString());
    expect(a).toEqual({ leased: false });
    const b = await t.fleet.detectors.noteBatch(rogue.id, "b-3", new Date().toISOString());
    expect(b.leased).toBe(false);
    expect(b.incident).toMatchObject({
      sev: 2,
      source: "detector:unleased",
      scope: { kind: "device", value: rogue.id },
    });
    // a batch naming the lease it was recorded under is covered; one naming another device's lease is not
    const leaseId = c.lease.state().lease!.leaseId;
    const now = new Date().toISOString();
    expect((await t.fleet.detectors.noteBatch(leased.id, "b-5", now, leaseId)).leased).toBe(true);
    expect((await t.fleet.detectors.noteBatch(rogue.id, "b-6", now, leaseId)).leased).toBe(false);
    // an id this vault does not know (yet: granted by another node) does not decide; the time does
    expect((await t.fleet.detectors.noteBatch(leased.id, "b-7", now, "l-no-such-lease-000")).leased).toBe(
      true,
    );
    // a batch created long after the lease ended (the recorder ignored the expiry) counts too
    await c.lease.stop();
    await sleep(50);
    const late = new Date(Date.now() + 10 * 60_000).toISOString();
    expect((await t.fleet.detectors.noteBatch(leased.id, "b-4", late)).leased).toBe(false);
  });
});
