import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testManifest } from "./helpers.js";
import { sleep, startFleetVault, type FleetVault, type TestClient } from "./fleet-helpers.js";

let t: FleetVault;
let c: TestClient;
let v2 = "";
const person = () => t.as("person", "self-service");

beforeAll(async () => {
  t = await startFleetVault({ leaseTtlMs: 5000, resyncMs: 200 });
});
afterAll(async () => {
  await t.close();
});

describe("consent to manifest versions", () => {
  it("no lease until the person acknowledged the manifest in force; the recorder can acknowledge on their behalf", async () => {
    c = t.client(await t.enrollDevice("alice"));
    c.lease.start();
    const s = await c.until((x) => x.status === "consent");
    expect(s.canRecord).toBe(false);
    expect(s.lease).toBeUndefined();
    expect(s.consent!.manifest).toMatchObject({ id: "test", version: 1, hash: t.manifestHash });
    expect(s.consent!.changes[0]).toMatch(/new collection/);
    c.lease.acknowledgeManifest(t.manifestHash, "full");
    const ok = await c.until((x) => x.canRecord, 3000, "a lease after acknowledging");
    expect(ok.lease!.manifestHash).toBe(t.manifestHash);
  });

  it("publishing a new version stops recording at once; the recorder acknowledges that it stopped", async () => {
    const pub = await t.app.inject({
      method: "POST",
      url: "/api/v1/manifests",
      headers: t.as("fleet_admin", "operations"),
      payload: testManifest({
        version: 2,
        channels: ["keyboard", "mouse", "window", "clipboard"],
        retentionDays: 60,
      }),
    });
    expect(pub.statusCode, pub.body).toBe(200);
    v2 = pub.json().hash;
    const started = Date.now();
    const s = await c.until((x) => x.status === "consent", 3000, "the consent stop");
    expect(Date.now() - started).toBeLessThan(1500);
    expect(s.canRecord).toBe(false);
    expect(s.consent!.manifest).toMatchObject({ version: 2, hash: v2 });
    expect(s.consent!.previous).toMatchObject({ version: 1, hash: t.manifestHash });
    expect(s.consent!.changes).toEqual(
      expect.arrayContaining(["now also collects: clipboard", "kept for 60 days (was 30)"]),
    );
    expect(c.stops).toContain("consent");
    await sleep(300);
    const st = (
      await t.app.inject({
        method: "GET",
        url: "/api/v1/fleet/status",
        headers: t.as("fleet_admin", "operations"),
      })
    ).json();
    const row = st.recorders.find((r: { person: string }) => r.person === "alice");
    expect(row.state).toBe("consent");
    expect(row.lastAck.pauseId).toBe(`consent:${v2}`);
  });

  it("the person sees what changed and acknowledges through the API; the recorder must then run the new version", async () => {
    const mine = await t.app.inject({ method: "GET", url: "/api/v1/me/consent", headers: person() });
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().current).toMatchObject({ version: 2, hash: v2, decision: null });
    expect(mine.json().current.changes).toContain("now also collects: clipboard");
    const ack = await t.app.inject({
      method: "POST",
      url: "/api/v1/me/consent",
      headers: person(),
      payload: { manifestHash: v2, decision: "acknowledge", shown: "diff" },
    });
    expect(ack.statusCode, ack.body).toBe(200);
    // the lease now names v2, which this recorder does not run yet
    const s = await c.until((x) => x.status === "manifest", 3000, "a v2 lease");
    expect(s.canRecord).toBe(false);
    expect(s.lease!.manifestHash).toBe(v2);
    c.lease.setManifestHash(v2);
    await c.until((x) => x.canRecord, 3000, "recording under v2");
  });

  it("a withdrawal stops recording; an objection through the recorder is stored; all is visible and audited", async () => {
    const w = await t.app.inject({
      method: "POST",
      url: "/api/v1/me/consent",
      headers: person(),
      payload: { manifestHash: v2, decision: "withdraw", note: "not comfortable with clipboard" },
    });
    expect(w.statusCode, w.body).toBe(200);
    await c.until((x) => x.status === "consent", 3000, "the withdrawal stop");
    c.lease.acknowledgeManifest(v2, "diff", "object", "clipboard is too much");
    await sleep(300);
    expect(c.lease.canRecord()).toBe(false);
    const mine = (await t.app.inject({ method: "GET", url: "/api/v1/me/consent", headers: person() })).json();
    expect(
      mine.history.map((h: { decision: string; via: string; manifest: { version: number } }) => [
        h.decision,
        h.via,
        h.manifest.version,
      ]),
    ).toEqual([
      ["acknowledge", "recorder", 1],
      ["acknowledge", "api", 2],
      ["withdraw", "api", 2],
      ["object", "recorder", 2],
    ]);
    expect(mine.current.decision).toBe("object");
    const audit = (await t.vault.audit.entries(0, 10_000)).filter((e) => e.action === "consent");
    expect(audit.map((e) => e.detail?.decision)).toEqual([
      "acknowledge",
      "acknowledge",
      "withdraw",
      "object",
    ]);
    expect(audit.every((e) => e.subject === t.vault.pseudonym("alice"))).toBe(true);
  });

  it("consent of another person is not theirs to give: the route only ever acts on the signed-in person", async () => {
    const r = await t.app.inject({
      method: "POST",
      url: "/api/v1/me/consent",
      headers: t.as("fleet_admin", "operations"),
      payload: { manifestHash: v2, decision: "acknowledge" },
    });
    expect(r.statusCode).toBe(403);
  });
});
