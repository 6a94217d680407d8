import { chmodSync, mkdtempSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { migrate } from "../src/db/sql.js";
import { SqliteSql } from "../src/db/sqlite.js";
import { DATAKEY_MIGRATIONS, DataKeys, KeyDestroyedError } from "../src/keys/datakeys.js";
import { LocalKms } from "../src/keys/kms.js";

const write = (p: string, d: string) => writeFileSync(p, d, { mode: 0o600 });

async function setup() {
  const dir = mkdtempSync(join(tmpdir(), "tv-keys-"));
  const db = new SqliteSql(join(dir, "vault.db"));
  await migrate(db, DATAKEY_MIGRATIONS);
  const kms = LocalKms.open(join(dir, "kek.json"), write);
  return { dir, db, kms, keys: new DataKeys(db, kms) };
}

const rec = (
  over: Partial<{ person: string; month: string; level: number; purpose: string; recordId: string }> = {},
) => ({
  person: "p-aaaa",
  month: "2026-11",
  level: 3,
  purpose: "agent-training",
  recordId: "r-1",
  ...over,
});

describe("envelope encryption", () => {
  it("creates the key file 0600 and refuses one others can read", async () => {
    const { dir } = await setup();
    expect(statSync(join(dir, "kek.json")).mode & 0o777).toBe(0o600);
    chmodSync(join(dir, "kek.json"), 0o644);
    expect(() => LocalKms.open(join(dir, "kek.json"), write)).toThrow(/readable by others/);
  });

  it("round-trips a record and binds its metadata: a changed level or purpose does not open", async () => {
    const { keys } = await setup();
    const ct = await keys.encrypt(rec(), new TextEncoder().encode("fake record body"));
    expect(new TextDecoder().decode(await keys.decrypt(rec(), ct))).toBe("fake record body");
    await expect(keys.decrypt(rec({ level: 2 }), ct)).rejects.toThrow(/altered/);
    await expect(keys.decrypt(rec({ purpose: "other" }), ct)).rejects.toThrow(/altered/);
  });

  it("erasure shreds the person's keys: nothing of theirs opens again, even with the whole database", async () => {
    const { dir, db, keys } = await setup();
    const ct = await keys.encrypt(rec(), new TextEncoder().encode("fake record body"));
    const other = await keys.encrypt(rec({ person: "p-bbbb" }), new TextEncoder().encode("other person"));
    expect(await keys.shredPerson("p-aaaa", "erasure request")).toEqual(["2026-11"]);
    await expect(keys.decrypt(rec(), ct)).rejects.toThrow(KeyDestroyedError);
    // A fresh process with the same files (an admin with full access) cannot either, and cannot recreate it.
    const again = new DataKeys(db, LocalKms.open(join(dir, "kek.json"), write));
    await expect(again.decrypt(rec(), ct)).rejects.toThrow(KeyDestroyedError);
    await expect(again.key("p-aaaa", "2026-11")).rejects.toThrow(KeyDestroyedError);
    expect(new TextDecoder().decode(await again.decrypt(rec({ person: "p-bbbb" }), other))).toBe(
      "other person",
    );
  });

  it("retention shreds month keys past the cut-off", async () => {
    const { keys } = await setup();
    const old = await keys.encrypt(rec({ month: "2026-01" }), new Uint8Array([1]));
    const cur = await keys.encrypt(rec({ month: "2026-11" }), new Uint8Array([2]));
    expect(await keys.shredBefore("2026-06")).toBe(1);
    await expect(keys.decrypt(rec({ month: "2026-01" }), old)).rejects.toThrow(KeyDestroyedError);
    expect(await keys.decrypt(rec({ month: "2026-11" }), cur)).toEqual(new Uint8Array([2]));
  });

  it("KEK rotation rewraps every data key without losing access", async () => {
    const { keys, kms, db } = await setup();
    const ct = await keys.encrypt(rec(), new Uint8Array([7, 7]));
    expect(await kms.rotate()).toBe("kek-2");
    expect(await keys.rewrapAll()).toBe(1);
    const rows = await db.query<{ kek_id: string }>("SELECT kek_id FROM data_keys");
    expect(rows.map((r) => r.kek_id)).toEqual(["kek-2"]);
    expect(await new DataKeys(db, kms).decrypt(rec(), ct)).toEqual(new Uint8Array([7, 7]));
  });

  it("two vault nodes on one database: a slot created by both at once gets one key; a shred on one node stops the other", async () => {
    const { db, kms } = await setup();
    const a = new DataKeys(db, kms, { cacheMs: 50 });
    const b = new DataKeys(db, kms, { cacheMs: 50 });
    const [ka, kb] = await Promise.all([a.key("p-two", "2026-11"), b.key("p-two", "2026-11")]);
    expect(Buffer.from(ka).equals(Buffer.from(kb))).toBe(true);
    const sealed = await b.encrypt(rec({ person: "p-two" }), new TextEncoder().encode("from node b"));
    expect(new TextDecoder().decode(await a.decrypt(rec({ person: "p-two" }), sealed))).toBe("from node b");
    await a.shredPerson("p-two", "erasure request");
    await new Promise((r) => setTimeout(r, 80));
    // node b's copy has expired: it re-reads the slot, finds it shredded, and refuses to encrypt under it
    await expect(b.encrypt(rec({ person: "p-two" }), new Uint8Array(1))).rejects.toThrow(KeyDestroyedError);
    await expect(b.decrypt(rec({ person: "p-two" }), sealed)).rejects.toThrow(KeyDestroyedError);
  });
});
