/** The vault stores only what was recorded under a lease: the product default, on here as in production. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { grantTestLease } from "./fleet-helpers.js";
import { startTestVault, typedEvents, type TestDevice, type TestVault } from "./helpers.js";

let t: TestVault;
let dev: TestDevice;
let other: TestDevice;

beforeAll(async () => {
  t = await startTestVault({ requireLease: true });
  dev = await t.enrollDevice("alice");
  other = await t.enrollDevice("bob");
});
afterAll(async () => {
  await t.app.close();
  await t.vault.close();
});

const stored = async () => (await t.vault.db.query("SELECT batch_id FROM batches")).length;
const post = (b: { bytes: Uint8Array; headers: Record<string, string> }) =>
  t.app.inject({ method: "POST", url: "/api/v1/batches", headers: b.headers, payload: Buffer.from(b.bytes) });

describe("ingest requires a recording lease", () => {
  it("refuses a batch recorded without a lease (403 no_lease), stores nothing, then accepts it under a lease", async () => {
    const b = dev.batch(typedEvents("no lease here"));
    const refused = await post(b);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: "no_lease" });
    expect(refused.json().error).toMatch(/no recording lease/);
    expect(await stored()).toBe(0);

    grantTestLease(t, dev.id, "alice");
    const fresh = dev.batch(typedEvents("under a lease"));
    expect((await post(fresh)).statusCode).toBe(201);
    expect(await stored()).toBe(1);
  });

  it("a device without a lease is not covered by another device's lease", async () => {
    const r = await post(other.batch(typedEvents("someone else's lease")));
    expect(r.statusCode).toBe(403);
    expect(r.json()).toMatchObject({ code: "no_lease" });
    expect(await stored()).toBe(1);
  });
});
