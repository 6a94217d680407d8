import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { crc32, deflateRawSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RawEvent } from "@tracevault/core";
import { keyId, sealBatch, signUpload } from "@tracevault/crypto";
import { FileBlobStore, InlineBlobStore, openDefaultBlobStore } from "../src/blobs/files.js";
import type { BlobStore } from "../src/blobs/store.js";
import type { Sql } from "../src/db/sql.js";
import { SqliteSql } from "../src/db/sqlite.js";
import { PostgresSql } from "../src/db/postgres.js";
import { ingestBatch, readStoredBatch } from "../src/ingest.js";
import { storedPayloadText } from "../src/ingest/gzip.js";
import { Devices } from "../src/devices.js";
import { eraseUser } from "../src/erasure.js";
import { startPostgres } from "../../../test-support/index.mjs";
import { leaseProofFor, startTestVault, typedEvents, type TestDevice, type TestVault } from "./helpers.js";

const CANARY = "inlinecanaryokapi";

function filesUnder(d: string): string[] {
  if (!existsSync(d)) return [];
  return readdirSync(d).flatMap((n) => {
    const p = join(d, n);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

/** A vault on SQLite whose blobs are the embedded default: inline up to `limit`, files above. */
async function inlineVault(limit?: number): Promise<TestVault> {
  const dir = mkdtempSync(join(tmpdir(), "tv-inline-"));
  const sql = new SqliteSql(join(dir, "vault.db"));
  const blobs =
    limit === undefined
      ? await openDefaultBlobStore(sql, join(dir, "blobs"))
      : await InlineBlobStore.open(sql, new FileBlobStore(join(dir, "blobs")), limit);
  return startTestVault({ sql, blobs }, dir);
}

async function post(t: TestVault, b: { bytes: Buffer; headers: Record<string, string> }) {
  return t.app.inject({ method: "POST", url: "/api/v1/batches", headers: b.headers, payload: b.bytes });
}

/** The lease the batch was recorded under, as a recorder carries it in the header. */
function leased(t: TestVault, deviceId: string) {
  const leaseProof = leaseProofFor(t.vault, deviceId, "alice", t.manifestHash);
  return { leaseId: leaseProof.lease.leaseId, leaseProof };
}

/** A batch whose payload is exactly `text` (the test helpers serialise objects; this sends raw JSON). */
function rawBatch(t: TestVault, dev: TestDevice, text: string, gz: Buffer = gzipSync(text)) {
  const header = {
    v: 1 as const,
    deviceId: dev.id,
    batchId: randomUUID(),
    seq: dev.seq++,
    manifestHash: t.manifestHash,
    createdAt: new Date().toISOString(),
    channels: ["keyboard" as const, "mouse" as const, "window" as const],
    vaultKid: keyId("x25519", t.vault.keys.seal.publicKey),
    ...leased(t, dev.id),
  };
  const bytes = Buffer.from(sealBatch(header, gz, t.vault.keys.seal.publicKey));
  const sig = signUpload(bytes, dev.privateKey, dev.publicKey);
  return {
    bytes,
    batchId: header.batchId,
    headers: {
      "content-type": "application/octet-stream",
      "x-tracevault-device": dev.id,
      "x-tracevault-signature": Buffer.from(JSON.stringify(sig)).toString("base64url"),
    },
  };
}

/** The decrypted bytes stored for a batch, as they are at rest (before any parsing), and the text they hold. */
async function storedAtRest(t: TestVault, batchId: string): Promise<{ bytes: Buffer; text: string }> {
  const [b] = await t.vault.db.query<{ person: string; month: string; level: number; blob_key: string }>(
    "SELECT person, month, level, blob_key FROM batches WHERE batch_id = $1",
    [batchId],
  );
  const sealed = await t.vault.blobs.get(b!.blob_key);
  const plain = await t.vault.dataKeys.decrypt(
    {
      person: b!.person,
      month: b!.month,
      level: Number(b!.level),
      purpose: "agent-training",
      recordId: batchId,
    },
    sealed!,
  );
  return { bytes: Buffer.from(plain), text: storedPayloadText(plain) };
}

async function storedPlaintext(t: TestVault, batchId: string): Promise<string> {
  return (await storedAtRest(t, batchId)).text;
}

const inlineRows = async (t: TestVault) =>
  (await t.vault.db.query<{ key: string }>("SELECT key FROM inline_blobs ORDER BY key")).map((r) => r.key);

describe("ingest into SQLite with small blobs inline", () => {
  let t: TestVault;
  beforeAll(async () => {
    t = await inlineVault();
  });
  afterAll(async () => {
    await t.app.close();
  });

  it("stores the batch's ciphertext in the database, in the same commit as its row, and reads it back", async () => {
    const dev = await t.enrollDevice("alice");
    const b = dev.batch(typedEvents(`notes ${CANARY} and mail jane.doe@example.com `));
    const r = await post(t, b);
    expect(r.statusCode, r.body).toBe(201);
    const [row] = await t.vault.db.query<{ blob_key: string }>(
      "SELECT blob_key FROM batches WHERE batch_id = $1",
      [b.batchId],
    );
    expect(await inlineRows(t)).toEqual([row!.blob_key]);
    expect(filesUnder(join(t.dir, "blobs"))).toEqual([]);
    expect(await t.vault.blobs.list("p/")).toEqual([row!.blob_key]);
    const got = await readStoredBatch(t.vault, b.batchId);
    const typed = got!.payload.events
      .flatMap((e) => (e.kind === "key_down" && e.char ? [e.char] : []))
      .join("");
    expect(typed).toContain(CANARY);
    expect(typed).not.toContain("jane.doe@example.com");
    expect(r.json().redactions).toBeGreaterThan(0);
    // Replays are duplicates and add nothing.
    expect((await post(t, b)).json().duplicate).toBe(true);
    expect(await inlineRows(t)).toHaveLength(1);
  });

  it("leaves no plaintext canary in the database, its WAL, or anywhere under the data directory", async () => {
    const files = filesUnder(t.dir);
    expect(files.some((f) => f.endsWith("vault.db-wal") || f.endsWith("vault.db"))).toBe(true);
    for (const f of files) expect(readFileSync(f).includes(CANARY), f).toBe(false);
  });

  it("redacts titles (the same title again comes from the memo, with the same result) and keeps mouse-only batches whole", async () => {
    const dev = await t.enrollDevice("dora");
    const focus: RawEvent = {
      kind: "focus",
      t: 0,
      app: "Mail",
      title: "Inbox - jane.doe@example.com - Mail",
    };
    const results = [];
    for (let i = 0; i < 2; i++) {
      const b = dev.batch([
        focus,
        { kind: "mouse_move", t: 1, x: 5, y: 6 },
        { kind: "mouse_down", t: 2, x: 5, y: 6, button: "left" },
      ]);
      const r = await post(t, b);
      expect(r.statusCode, r.body).toBe(201);
      results.push({ res: r.json(), stored: (await readStoredBatch(t.vault, b.batchId))!.payload.events });
    }
    for (const { res, stored } of results) {
      expect(stored[0]).toMatchObject({ kind: "focus", app: "Mail" });
      expect((stored[0] as { title: string }).title).not.toContain("jane.doe@example.com");
      expect(stored.slice(1)).toEqual([
        { kind: "mouse_move", t: 1, x: 5, y: 6 },
        { kind: "mouse_down", t: 2, x: 5, y: 6, button: "left" },
      ]);
      expect(res.redactions).toBeGreaterThan(0);
    }
    expect(results[1]!.res).toMatchObject({
      level: results[0]!.res.level,
      redactions: results[0]!.res.redactions,
    });
    expect(results[1]!.stored[0]).toEqual(results[0]!.stored[0]);
  });

  it("stores a payload the filters left alone as received; anything else only as re-serialised from what was checked", async () => {
    const dev = await t.enrollDevice("gina");
    const send = async (text: string) => {
      const b = rawBatch(t, dev, text);
      const r = await post(t, b);
      expect(r.statusCode, r.body).toBe(201);
      return {
        stored: await storedPlaintext(t, b.batchId),
        read: (await readStoredBatch(t.vault, b.batchId))!,
      };
    };
    // As a recorder writes it (mods before char, stats): kept byte for byte.
    const plain =
      '{"v":1,"events":[{"kind":"key_down","t":1,"code":30,"key":"a","mods":{"shift":false},"char":"a"},' +
      '{"kind":"key_up","t":2,"code":30,"key":"a"},{"kind":"mouse_move","t":3,"x":4,"y":5}],"frames":[],' +
      '"stats":{"droppedKeys":0,"droppedFrames":0,"blackedOutRegions":0,"excludedWindows":0,"redactedSpans":0,"spoolDroppedBatches":0}}';
    expect((await send(plain)).stored).toBe(plain);
    // A repeated key hides its first value from every JSON reader; it must not reach storage at all.
    const dup = `{"v":1,"events":[{"kind":"key_up","t":1,"code":0,"key":"${CANARY}","key":"a"}],"frames":[]}`;
    const d = await send(dup);
    expect(d.stored).not.toContain(CANARY);
    expect(d.read.payload.events).toEqual([{ kind: "key_up", t: 1, code: 0, key: "a" }]);
    // Unknown fields are dropped (as zod drops them), whitespace and escapes normalised.
    const odd = `{ "v": 1, "events": [{"kind":"marker","t":1,"name":"n\u0041","note":"${CANARY}"}], "frames": [] }`;
    const o = await send(odd);
    expect(o.stored).not.toContain(CANARY);
    expect(o.read.payload.events).toEqual([{ kind: "marker", t: 1, name: "nA" }]);
    // Defaults filled in: the stored text carries them.
    const short = '{"v":1,"events":[{"kind":"key_up","t":1,"key":"b"}],"frames":[]}';
    expect(JSON.parse((await send(short)).stored).events).toEqual([
      { kind: "key_up", t: 1, code: 0, key: "b" },
    ]);
  });

  it("keeps a recorder's gzip as received (compressed at rest); a gzip carrying anything else is stored as checked text", async () => {
    const dev = await t.enrollDevice("hilda");
    const text =
      '{"v":1,"events":[' +
      Array.from({ length: 200 }, (_, i) => `{"kind":"mouse_move","t":${i},"x":${i},"y":${2 * i}}`).join(
        ",",
      ) +
      '],"frames":[]}';
    const send = async (gz: Buffer) => {
      const b = rawBatch(t, dev, text, gz);
      const r = await post(t, b);
      expect(r.statusCode, r.body).toBe(201);
      return { at: await storedAtRest(t, b.batchId), read: (await readStoredBatch(t.vault, b.batchId))! };
    };
    // One plain member, as the recorder writes it: stored compressed, its header's time stamp cleared.
    const plain = await send(gzipSync(text));
    expect([...plain.at.bytes.subarray(0, 10)]).toEqual([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 255]);
    expect(plain.at.bytes.length).toBeLessThan(text.length / 4);
    expect(plain.at.text).toBe(text);
    expect(plain.read.payload.events).toHaveLength(200);
    // A file name in the gzip header is content nobody checked: the header does not reach storage.
    const body = deflateRawSync(text);
    const trailer = Buffer.alloc(8);
    trailer.writeUInt32LE(crc32(text), 0);
    trailer.writeUInt32LE(text.length, 4);
    const named = Buffer.concat([
      Buffer.from([0x1f, 0x8b, 8, 0x08, 0, 0, 0, 0, 0, 3]),
      Buffer.from(`${CANARY}\0`),
      body,
      trailer,
    ]);
    const n = await send(named);
    expect(n.at.bytes.toString("latin1")).not.toContain(CANARY);
    expect(n.at.text).toBe(text);
    // Two members (gzip allows it): both are read and checked; stored as the text, not as received.
    const half = text.length >> 1;
    const two = await send(Buffer.concat([gzipSync(text.slice(0, half)), gzipSync(text.slice(half))]));
    expect(two.at.bytes[0]).toBe(0x7b); // "{"
    expect(two.read.payload.events).toHaveLength(200);
  });

  it("batches of a new month arriving together all get stored (one data key is created, not several)", async () => {
    const dev = await t.enrollDevice("hank");
    const devices = new Devices(t.vault.db);
    const batches = Array.from({ length: 6 }, (_, i) =>
      dev.batch([{ kind: "mouse_move", t: i, x: 1, y: 2 }]),
    );
    const sig = (b: (typeof batches)[number]) =>
      JSON.parse(Buffer.from(b.headers["x-tracevault-signature"]!, "base64url").toString());
    const rs = await Promise.allSettled(
      batches.map((b) => ingestBatch(t.vault, devices, dev.id, sig(b), b.bytes)),
    );
    expect(rs.map((r) => r.status)).toEqual(Array(6).fill("fulfilled"));
    const keys = await t.vault.db.query("SELECT month FROM data_keys WHERE person = $1", [
      t.vault.pseudonym("hank"),
    ]);
    expect(keys).toHaveLength(1);
  });

  it("erasure removes the person's inline blobs and their keys", async () => {
    const dev = await t.enrollDevice("erin");
    for (let i = 0; i < 2; i++)
      expect((await post(t, dev.batch(typedEvents(`erase ${i}`)))).statusCode).toBe(201);
    const pseudo = t.vault.pseudonym("erin");
    expect(await t.vault.blobs.list(`p/${pseudo}/`)).toHaveLength(2);
    const r = await eraseUser(t.vault, "erin", "test");
    expect(r.blobs).toBe(2);
    expect(await t.vault.blobs.list(`p/${pseudo}/`)).toEqual([]);
    expect((await inlineRows(t)).filter((k) => k.startsWith(`p/${pseudo}/`))).toEqual([]);
  });

  it("a transaction that fails after the rows were written leaves no row, no blob, no audit entry", async () => {
    const dev = await t.enrollDevice("frank");
    const blobs = t.vault.blobs as BlobStore;
    const original = blobs.putInTx!.bind(blobs);
    const auditBefore = await t.vault.audit.size();
    const inlineBefore = await inlineRows(t);
    (blobs as { putInTx: BlobStore["putInTx"] }).putInTx = async (q, key, data) => {
      await original(q, key, data);
      throw new Error("disk on fire");
    };
    try {
      const b = dev.batch(typedEvents("doomed"));
      expect((await post(t, b)).statusCode).toBe(500);
      expect(await t.vault.db.query("SELECT 1 FROM batches WHERE batch_id = $1", [b.batchId])).toEqual([]);
    } finally {
      (blobs as { putInTx: BlobStore["putInTx"] }).putInTx = original;
    }
    expect(await inlineRows(t)).toEqual(inlineBefore);
    expect(await t.vault.audit.size()).toBe(auditBefore);
  });
});

describe("blobs over the inline limit", () => {
  it("go to files, written before the row commits, and read back the same", async () => {
    const t = await inlineVault(64);
    const dev = await t.enrollDevice("alice");
    const b = dev.batch(typedEvents("a batch larger than sixty-four bytes once sealed"));
    expect((await post(t, b)).statusCode).toBe(201);
    expect(await inlineRows(t)).toEqual([]);
    expect(filesUnder(join(t.dir, "blobs"))).toHaveLength(1);
    expect((await readStoredBatch(t.vault, b.batchId))!.payload.events).toHaveLength(2 * 48);
    await t.app.close();
  });
});

describe.each(["sqlite", "postgres"])("InlineBlobStore on %s", (dialect) => {
  let db: Sql;
  let stop = async () => {};
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "tv-inline-store-"));
    if (dialect === "sqlite") db = new SqliteSql(join(dir, "db"));
    else {
      const pg = await startPostgres();
      db = new PostgresSql(pg.url);
      stop = pg.stop;
    }
  }, 60_000);
  afterAll(async () => {
    await db.close();
    await stop();
  });

  it("inlines what a transaction writes and sends every other put to the outer store; get, list, delete see both", async () => {
    const files = new FileBlobStore(join(dir, "blobs"));
    const s = await InlineBlobStore.open(db, files, 4);
    // Opening again (a restart) does not re-run the migration.
    const s2 = await InlineBlobStore.open(db, files, 4);
    await db.tx(async (q) => {
      await s.putInTx(q, "p/x/2026-11/a", Uint8Array.of(1, 2));
      await s.putInTx(q, "p/x_y/2026-11/c", Uint8Array.of(3)); // "_" is a LIKE wildcard: listing must not treat it so
      await s.putInTx(q, "p/xay/2026-11/d", Uint8Array.of(4));
    });
    await s.put("p/x/2026-11/b", Uint8Array.of(1, 2));
    // Only the blob written outside a transaction is a file: exports and dumps never linger in database pages.
    expect(filesUnder(join(dir, "blobs")).map((f) => f.slice(dir.length))).toEqual(["/blobs/p/x/2026-11/b"]);
    expect(await s2.get("p/x/2026-11/a")).toEqual(Uint8Array.of(1, 2));
    expect(await s2.get("p/x/2026-11/b")).toEqual(Uint8Array.of(1, 2));
    expect(await s.get("p/x/2026-11/zz")).toBeUndefined();
    expect(await s.list("p/x/")).toEqual(["p/x/2026-11/a", "p/x/2026-11/b"]);
    expect(await s.list("p/x_y/")).toEqual(["p/x_y/2026-11/c"]);
    expect(await s.list("")).toHaveLength(4);
    // Overwriting an inlined key outside a transaction moves it to the outer store without leaving the old copy.
    await s.put("p/x/2026-11/a", Uint8Array.of(9, 9, 9, 9, 9));
    expect(await s.get("p/x/2026-11/a")).toEqual(Uint8Array.of(9, 9, 9, 9, 9));
    expect(await files.get("p/x/2026-11/a")).toEqual(Uint8Array.of(9, 9, 9, 9, 9));
    expect(await s.list("p/x/")).toEqual(["p/x/2026-11/a", "p/x/2026-11/b"]);
    for (const k of await s.list("p/")) await s.delete(k);
    expect(await s.list("")).toEqual([]);
    expect(filesUnder(join(dir, "blobs"))).toEqual([]);
    await expect(s.put("../escape", Uint8Array.of(1))).rejects.toThrow(/invalid blob key/);
    await expect(db.tx((q) => s.putInTx(q, "p/x/big", new Uint8Array(5)))).rejects.toThrow(/inline limit/);
  });

  it("putInTx is part of the caller's transaction: rolled back with it", async () => {
    const s = await InlineBlobStore.open(db, new FileBlobStore(join(dir, "blobs2")));
    await expect(
      db.tx(async (q) => {
        await s.putInTx(q, "p/r/2026-11/a", Uint8Array.of(1));
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    expect(await s.get("p/r/2026-11/a")).toBeUndefined();
    await db.tx((q) => s.putInTx(q, "p/r/2026-11/a", Uint8Array.of(1)));
    expect(await s.get("p/r/2026-11/a")).toEqual(Uint8Array.of(1));
  });
});
