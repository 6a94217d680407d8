import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { breakglassContext } from "../src/breakglass.js";
import { account, upload, workSession } from "./governance-helpers.js";
import { startTestVault, type TestVault } from "./helpers.js";

let t: TestVault;
let batch: string;
let second: Record<string, string>;
const PURPOSE = "incident-response";
const REASON = "security team reports this laptop uploaded a credential; confirm what was stored";

beforeAll(async () => {
  t = await startTestVault();
  batch = await upload(t, await t.enrollDevice("alice"), workSession("alice", "raw content here"));
  await upload(t, await t.enrollDevice("bob"), workSession("bob", "bob content"));
  second = await account(t, "officer-2", "privacy_officer", "", PURPOSE);
});
afterAll(async () => {
  await t.app.close();
});

const first = () => t.as("privacy_officer", PURPOSE);

async function requestGrant(headers: Record<string, string>, person = "alice", minutes?: number) {
  return t.app.inject({
    method: "POST",
    url: "/api/v1/breakglass",
    headers,
    payload: { person, reason: REASON, ...(minutes ? { minutes } : {}) },
  });
}

describe("break-glass", () => {
  it("an officer cannot read raw content without a grant, and the client cannot claim one", async () => {
    const plain = await t.app.inject({ method: "GET", url: `/api/v1/batches/${batch}`, headers: first() });
    expect(plain.statusCode).toBe(403);
    const claimed = await t.app.inject({
      method: "GET",
      url: `/api/v1/batches/${batch}?breakglass=true`,
      headers: { ...first(), "x-tracevault-breakglass": "true" },
    });
    expect(claimed.statusCode).toBe(403);
  });

  it("needs a written reason, a second officer, and stays scoped to one person for a limited time", async () => {
    expect(
      (
        await t.app.inject({
          method: "POST",
          url: "/api/v1/breakglass",
          headers: first(),
          payload: { person: "alice", reason: "because" },
        })
      ).statusCode,
    ).toBe(400);
    expect((await requestGrant(first(), "alice", 600)).statusCode).toBe(400); // longer than an hour
    for (const role of ["researcher", "fleet_admin", "auditor", "person"])
      expect((await requestGrant(t.as(role, PURPOSE))).statusCode, role).toBe(403);
    const r = await requestGrant(first(), "alice", 30);
    expect(r.statusCode, r.body).toBe(200);
    const g = r.json();
    expect(g).toMatchObject({ status: "pending", active: false, person: "alice", minutes: 30 });

    // Pending: still no access.
    expect(
      (
        await t.app.inject({
          method: "GET",
          url: `/api/v1/breakglass/${g.id}/batches/${batch}`,
          headers: first(),
        })
      ).statusCode,
    ).toBe(403);
    // The requester cannot approve their own request.
    const self = await t.app.inject({
      method: "POST",
      url: `/api/v1/breakglass/${g.id}/approve`,
      headers: first(),
    });
    expect(self.statusCode).toBe(403);
    expect(self.json().code).toBe("same_officer");
    // Other roles cannot approve.
    for (const role of ["researcher", "fleet_admin", "auditor", "person"])
      expect(
        (
          await t.app.inject({
            method: "POST",
            url: `/api/v1/breakglass/${g.id}/approve`,
            headers: t.as(role, PURPOSE),
          })
        ).statusCode,
        role,
      ).toBe(403);
    const ok = await t.app.inject({
      method: "POST",
      url: `/api/v1/breakglass/${g.id}/approve`,
      headers: second,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: "approved", active: true });
    const expires = Date.parse(ok.json().expiresAt);
    expect(expires - Date.now()).toBeGreaterThan(29 * 60_000);
    expect(expires - Date.now()).toBeLessThanOrEqual(30 * 60_000);

    // Now the requester reads alice's data, audited…
    const list = await t.app.inject({
      method: "GET",
      url: `/api/v1/breakglass/${g.id}/batches`,
      headers: first(),
    });
    expect(list.json().batches.map((b: { batch_id: string }) => b.batch_id)).toEqual([batch]);
    const read = await t.app.inject({
      method: "GET",
      url: `/api/v1/breakglass/${g.id}/batches/${batch}`,
      headers: first(),
    });
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json().events.length).toBeGreaterThan(10);
    // …but not bob's, and the approver gets nothing from the grant.
    const bobBatch = (
      await t.vault.db.query<{ batch_id: string }>("SELECT batch_id FROM batches WHERE person = $1", [
        t.vault.pseudonym("bob"),
      ])
    )[0]!.batch_id;
    expect(
      (
        await t.app.inject({
          method: "GET",
          url: `/api/v1/breakglass/${g.id}/batches/${bobBatch}`,
          headers: first(),
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await t.app.inject({
          method: "GET",
          url: `/api/v1/breakglass/${g.id}/batches/${batch}`,
          headers: second,
        })
      ).statusCode,
    ).toBe(403);
    // The server derives the flag for the officer from the grant (what server.ts should pass to Cedar).
    const officer = (await t.vault.accounts.principal(first().authorization!.slice(7)))!;
    expect(
      await breakglassContext(t.vault, officer, { type: "Record", id: batch, owner: "alice", level: 3 }),
    ).toBe(true);
    expect(
      await breakglassContext(t.vault, officer, { type: "Record", id: bobBatch, owner: "bob", level: 3 }),
    ).toBe(false);

    // Expired: access ends by itself.
    await t.vault.db.exec("UPDATE breakglass_grants SET expires_at = $1 WHERE id = $2", [
      new Date(Date.now() - 1000).toISOString(),
      g.id,
    ]);
    const late = await t.app.inject({
      method: "GET",
      url: `/api/v1/breakglass/${g.id}/batches/${batch}`,
      headers: first(),
    });
    expect(late.statusCode).toBe(403);
    expect(late.json().code).toBe("grant_inactive");
    expect(
      await breakglassContext(t.vault, officer, { type: "Record", id: batch, owner: "alice", level: 3 }),
    ).toBe(false);

    // Every step is in the audit log, with the purpose and without the person's name.
    const entries = await t.vault.audit.entries(0, 10_000);
    const steps = entries
      .filter((e) => e.action === "breakglass" && e.detail?.grant === g.id)
      .map((e) => e.detail?.step);
    expect(steps).toEqual(["request", "approve"]);
    const decrypts = entries.filter((e) => e.action === "decrypt" && e.detail?.breakglass === g.id);
    expect(decrypts).toHaveLength(1);
    expect(decrypts[0]).toMatchObject({ purpose: PURPOSE, subject: t.vault.pseudonym("alice") });
    expect(JSON.stringify(entries)).not.toContain("alice");
  });

  it("a grant can be denied or revoked, and a revoked grant reads nothing", async () => {
    const d = (await requestGrant(first())).json();
    const denied = await t.app.inject({
      method: "POST",
      url: `/api/v1/breakglass/${d.id}/deny`,
      headers: second,
    });
    expect(denied.json().status).toBe("denied");
    expect(
      (await t.app.inject({ method: "POST", url: `/api/v1/breakglass/${d.id}/approve`, headers: second }))
        .statusCode,
    ).toBe(409);
    const g = (await requestGrant(second)).json(); // the second officer asks, the first approves
    expect(
      (
        await t.app.inject({ method: "POST", url: `/api/v1/breakglass/${g.id}/approve`, headers: first() })
      ).json().status,
    ).toBe("approved");
    expect(
      (
        await t.app.inject({
          method: "GET",
          url: `/api/v1/breakglass/${g.id}/batches/${batch}`,
          headers: second,
        })
      ).statusCode,
    ).toBe(200);
    const rv = await t.app.inject({
      method: "POST",
      url: `/api/v1/breakglass/${g.id}/revoke`,
      headers: first(),
    });
    expect(rv.json().status).toBe("revoked");
    expect(
      (
        await t.app.inject({
          method: "GET",
          url: `/api/v1/breakglass/${g.id}/batches/${batch}`,
          headers: second,
        })
      ).statusCode,
    ).toBe(403);
    const all = (await t.app.inject({ method: "GET", url: "/api/v1/breakglass", headers: first() })).json()
      .grants;
    expect(all.map((x: { status: string }) => x.status).sort()).toEqual(["denied", "expired", "revoked"]);
  });
});
