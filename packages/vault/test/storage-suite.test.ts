import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readStoredBatch } from "../src/ingest.js";
import { embedded, fleet, type Backend } from "./backends.js";
import { startTestVault, typedEvents } from "./helpers.js";

// The same storage tests on the embedded default and on PostgreSQL + S3 (s3rver).
const backends: Backend[] = [embedded];
beforeAll(async () => {
  backends.push(await fleet());
}, 60_000);
afterAll(async () => {
  for (const b of backends) await b.stop();
});

describe.each(["sqlite+files", "postgres+s3"])("storage on %s", (name) => {
  const backend = () => backends.find((b) => b.name === name)!;

  it("a transaction that throws leaves nothing behind", async () => {
    const t = await startTestVault(await backend().make());
    const before = await t.vault.audit.size();
    await expect(
      t.vault.db.tx(async (q) => {
        await t.vault.audit.append({ action: "read", actor: "x" }, q);
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await t.vault.audit.size()).toBe(before);
    await t.vault.audit.append({ action: "read", actor: "y" });
    expect((await t.vault.db.query("SELECT 1 AS one")).length).toBe(1);
    await t.app.close();
  });

  it("ingests, deduplicates, decrypts for the owner, verifies the audit log, and erases", async () => {
    const t = await startTestVault(await backend().make());
    const dev = await t.enrollDevice("alice");
    const b = dev.batch(typedEvents("plain words only"));
    expect(
      (await t.app.inject({ method: "POST", url: "/api/v1/batches", headers: b.headers, payload: b.bytes }))
        .statusCode,
    ).toBe(201);
    expect(
      (await t.app.inject({ method: "POST", url: "/api/v1/batches", headers: b.headers, payload: b.bytes }))
        .statusCode,
    ).toBe(200);
    const rows = await t.vault.db.query("SELECT batch_id FROM batches");
    expect(rows).toHaveLength(1);
    const got = await readStoredBatch(t.vault, b.batchId);
    expect(got?.payload.events.length).toBe(32);
    const v = await t.app.inject({
      method: "POST",
      url: "/api/v1/audit/verify",
      headers: t.as("auditor", "audit"),
    });
    expect(v.json().problems).toEqual([]);
    expect(
      (
        await t.app.inject({
          method: "POST",
          url: "/api/v1/me/erase",
          headers: t.as("person", "self-access"),
        })
      ).statusCode,
    ).toBe(200);
    expect(await t.vault.blobs.list("p/")).toEqual([]);
    await t.app.close();
  });

  it("blob store: put, get, list by prefix, delete; rejects path tricks", async () => {
    const t = await startTestVault(await backend().make());
    const bl = t.vault.blobs;
    await bl.put("p/x/2026-11/a", new Uint8Array([1, 2]));
    await bl.put("p/x/2026-11/b", new Uint8Array([3]));
    await bl.put("p/y/2026-11/c", new Uint8Array([4]));
    expect(await bl.get("p/x/2026-11/a")).toEqual(new Uint8Array([1, 2]));
    expect(await bl.list("p/x/")).toEqual(["p/x/2026-11/a", "p/x/2026-11/b"]);
    await bl.delete("p/x/2026-11/a");
    expect(await bl.get("p/x/2026-11/a")).toBeUndefined();
    await expect(bl.put("../escape", new Uint8Array())).rejects.toThrow(/invalid blob key/);
    await t.app.close();
  });
});
