import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KeyDestroyedError } from "../src/keys/datakeys.js";
import { isObjecting } from "../src/requests/requests.js";
import { runRetention } from "../src/retention.js";
import { Vault } from "../src/vault.js";
import { unzip } from "../src/zip.js";
import { datasetJobs } from "../src/datasets/jobs.js";
import { embedded, fleet, type Backend } from "./backends.js";
import { account, filesUnder, upload, waitForDataset, workSession } from "./governance-helpers.js";
import { startTestVault, testManifest, type TestVault } from "./helpers.js";
import { storedPayloadText } from "../src/ingest/gzip.js";

// Datasets, requests from recorded people, erasure and retention on the embedded default (SQLite + files)
// and on PostgreSQL + an S3-compatible store (s3rver).
const backends: Backend[] = [embedded];
beforeAll(async () => {
  backends.push(await fleet());
}, 60_000);
afterAll(async () => {
  for (const b of backends) await b.stop();
});

const DAY = 24 * 3600 * 1000;
const range = () => ({
  from: new Date(Date.now() - DAY).toISOString(),
  to: new Date(Date.now() + DAY).toISOString(),
});
const text = (m: Map<string, Uint8Array>, name: string) => Buffer.from(m.get(name)!).toString("utf8");

async function close(t: TestVault) {
  await datasetJobs(t.vault).close();
  await t.app.close();
}

describe.each(["sqlite+files", "postgres+s3"])("governance on %s", (name) => {
  const backend = () => backends.find((b) => b.name === name)!;

  it("datasets: propose → approve by another officer → export job → de-identified download for the named researcher", async () => {
    const t = await startTestVault(await backend().make());
    const alice = await t.enrollDevice("alice");
    const bob = await t.enrollDevice("bob");
    const carol = await t.enrollDevice("carol");
    await upload(t, alice, workSession("alice", "hello world"));
    await upload(t, alice, workSession("alice", "second batch of work", 20_000));
    await upload(t, bob, workSession("bob", "design review"));
    await upload(t, carol, workSession("carol", "not in this dataset"));
    await t.vault.db.exec("UPDATE people SET team = 'design' WHERE id = 'bob'");
    const researcher = t.as("researcher");
    const officer = t.as("privacy_officer");
    const proposal = {
      title: "Editor and mail navigation",
      people: ["alice"],
      teams: ["design"],
      ...range(),
      channels: ["keyboard", "mouse", "window"],
      levelCap: 2,
      purpose: "agent-training",
      format: "agentnet",
    };

    // Bad proposals: a forbidden purpose, screenshots above the cap, a level cap of 3, nobody named.
    for (const bad of [
      { ...proposal, purpose: "performance-evaluation" },
      { ...proposal, channels: ["screenshots"] },
      { ...proposal, levelCap: 3 },
      { ...proposal, people: [], teams: [] },
    ]) {
      const r = await t.app.inject({
        method: "POST",
        url: "/api/v1/datasets",
        headers: researcher,
        payload: bad,
      });
      expect(r.statusCode, JSON.stringify(bad)).toBe(400);
    }
    const p = await t.app.inject({
      method: "POST",
      url: "/api/v1/datasets",
      headers: researcher,
      payload: proposal,
    });
    expect(p.statusCode, p.body).toBe(200);
    const id = p.json().id as string;
    expect(p.json().status).toBe("proposed");

    // Not yet approved: the researcher cannot read it; a researcher cannot approve.
    expect(
      (await t.app.inject({ method: "GET", url: `/api/v1/datasets/${id}/download`, headers: researcher }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await t.app.inject({
          method: "POST",
          url: `/api/v1/datasets/${id}/approve`,
          headers: researcher,
          payload: {},
        })
      ).statusCode,
    ).toBe(403);
    const a = await t.app.inject({
      method: "POST",
      url: `/api/v1/datasets/${id}/approve`,
      headers: officer,
      payload: { note: "purpose and scope fit the manifest" },
    });
    expect(a.statusCode, a.body).toBe(200);
    const done = await waitForDataset(t, id, officer);
    expect(done.job, JSON.stringify(done.job)).toMatchObject({
      state: "ready",
      done: 3,
      total: 3,
      error: null,
    });

    // Only for the dataset's purpose, only for researchers named on it.
    expect(
      (
        await t.app.inject({
          method: "GET",
          url: `/api/v1/datasets/${id}/download`,
          headers: t.as("researcher", "other-research"),
        })
      ).statusCode,
    ).toBe(403);
    const other = await account(t, "researcher-2", "researcher");
    expect(
      (await t.app.inject({ method: "GET", url: `/api/v1/datasets/${id}/download`, headers: other }))
        .statusCode,
    ).toBe(403);
    expect(
      (await t.app.inject({ method: "GET", url: `/api/v1/datasets/${id}`, headers: other })).statusCode,
    ).toBe(404);
    for (const role of ["person", "fleet_admin", "auditor", "privacy_officer"])
      expect(
        (await t.app.inject({ method: "GET", url: `/api/v1/datasets/${id}/download`, headers: t.as(role) }))
          .statusCode,
        role,
      ).toBe(403);

    const dl = await t.app.inject({
      method: "GET",
      url: `/api/v1/datasets/${id}/download`,
      headers: researcher,
    });
    expect(dl.statusCode, dl.body).toBe(200);
    expect(dl.headers["content-type"]).toBe("application/zip");
    const files = unzip(dl.rawPayload);
    expect([...files.keys()].sort()).toEqual(["README.md", "agentnet.jsonl", "dataset-card.json"]);
    const all = [...files.values()].map((b) => Buffer.from(b).toString("utf8")).join("\n");
    for (const leak of ["alice", "bob", "carol", "jane.doe", "example.com", "not in this dataset"])
      expect(all.toLowerCase(), leak).not.toContain(leak);
    expect(all).toContain("hello world"); // level-2 typing stays
    const card = JSON.parse(text(files, "dataset-card.json"));
    expect(card).toMatchObject({
      dataset: id,
      purpose: "agent-training",
      levelCap: 2,
      format: "agentnet",
      people: 2,
      manifests: [{ id: "test", version: 1, hash: t.manifestHash }],
      policy: { cedarVersion: 0 },
      excluded: { erasedPeople: 0, objectingPeople: 0, purposeMismatchBatches: 0, unreadableBatches: 0 },
    });
    expect(card.policy.privacyPolicyVersion).toMatch(/\S/);
    expect(card.redactions.total).toBeGreaterThan(0);
    expect(card.episodes).toBe(2);
    expect(card.steps).toBeGreaterThan(2);
    const lines = text(files, "agentnet.jsonl").trim().split("\n");
    expect(lines).toHaveLength(2);

    // The card over the API; the stored export is ciphertext.
    const c = await t.app.inject({ method: "GET", url: `/api/v1/datasets/${id}/card`, headers: researcher });
    expect(c.json().steps).toBe(card.steps);
    const sealed = await t.vault.blobs.get(`d/${id}/export.zip`);
    expect(Buffer.from(sealed!).includes(Buffer.from("agentnet"))).toBe(false);

    // Audited: one decrypt per person with the dataset's purpose, the export, the download.
    const entries = await t.vault.audit.entries(0, 10_000);
    const decrypts = entries.filter((e) => e.action === "decrypt" && e.detail?.dataset === id);
    expect(decrypts.map((e) => e.subject).sort()).toEqual(
      [t.vault.pseudonym("alice"), t.vault.pseudonym("bob")].sort(),
    );
    expect(decrypts.every((e) => e.purpose === "agent-training")).toBe(true);
    expect(entries.some((e) => e.action === "export" && e.detail?.dataset === id)).toBe(true);
    expect(entries.some((e) => e.action === "read" && e.detail?.dataset === id)).toBe(true);
    expect(entries.some((e) => e.action === "dataset.approve" && e.detail?.dataset === id)).toBe(true);

    // Erasure later: the dataset is marked stale, and its next build leaves the person out.
    const er = await t.app.inject({
      method: "POST",
      url: "/api/v1/me/requests",
      headers: t.as("person", "self-access"),
      payload: { kind: "erasure" },
    });
    expect(er.json().status, er.body).toBe("completed");
    expect(er.json().result.datasetsMarkedStale).toBe(1);
    expect(
      (await t.app.inject({ method: "GET", url: `/api/v1/datasets/${id}`, headers: officer })).json().stale,
    ).toBe(true);
    const rb = await t.app.inject({
      method: "POST",
      url: `/api/v1/datasets/${id}/rebuild`,
      headers: officer,
      payload: {},
    });
    expect(rb.statusCode, rb.body).toBe(200);
    const again = await waitForDataset(t, id, officer);
    expect(again.job.state).toBe("ready");
    const card2 = (
      await t.app.inject({ method: "GET", url: `/api/v1/datasets/${id}/card`, headers: researcher })
    ).json();
    expect(card2).toMatchObject({ people: 1, episodes: 1, excluded: { erasedPeople: 1 } });
    expect(
      (await t.app.inject({ method: "GET", url: `/api/v1/datasets/${id}`, headers: officer })).json().stale,
    ).toBe(false);
    await close(t);
  });

  it("datasets: the hf format, purpose limitation, and the proposer never approves", async () => {
    const t = await startTestVault(await backend().make());
    const dev = await t.enrollDevice("alice");
    await upload(t, dev, workSession("alice", "plain words"));
    const researcher = t.as("researcher");
    const officer = t.as("privacy_officer");
    const base = {
      title: "hf export",
      people: ["alice"],
      ...range(),
      channels: ["mouse", "window"],
      levelCap: 2,
    };
    const p = await t.app.inject({
      method: "POST",
      url: "/api/v1/datasets",
      headers: researcher,
      payload: { ...base, purpose: "agent-training", format: "hf" },
    });
    const id = p.json().id as string;
    expect(
      (
        await t.app.inject({
          method: "POST",
          url: `/api/v1/datasets/${id}/approve`,
          headers: officer,
          payload: {},
        })
      ).statusCode,
    ).toBe(200);
    expect((await waitForDataset(t, id, officer)).job.state).toBe("ready");
    const files = unzip(
      (await t.app.inject({ method: "GET", url: `/api/v1/datasets/${id}/download`, headers: researcher }))
        .rawPayload,
    );
    expect([...files.keys()].sort()).toEqual([
      "README.md",
      "data/steps.parquet",
      "dataset-card.json",
      "episodes.jsonl",
    ]);
    expect(Buffer.from(files.get("data/steps.parquet")!).subarray(0, 4).toString()).toBe("PAR1");
    const card = JSON.parse(text(files, "dataset-card.json"));
    expect(card.channels).toEqual(["mouse", "window"]);
    expect(text(files, "episodes.jsonl")).not.toContain("alice");
    // Mouse and window only: no typed text reached the export.
    expect(card.dropped.otherChannelEvents).toBeGreaterThan(0);
    expect(Buffer.from(files.get("data/steps.parquet")!).includes(Buffer.from("plain words"))).toBe(false);

    // A purpose the data was not collected for: nothing is selected.
    const q = await t.app.inject({
      method: "POST",
      url: "/api/v1/datasets",
      headers: researcher,
      payload: { ...base, purpose: "ui-research", format: "messages" },
    });
    const id2 = q.json().id as string;
    await t.app.inject({
      method: "POST",
      url: `/api/v1/datasets/${id2}/approve`,
      headers: officer,
      payload: {},
    });
    await waitForDataset(t, id2, officer);
    const card2 = (
      await t.app.inject({
        method: "GET",
        url: `/api/v1/datasets/${id2}/card`,
        headers: t.as("researcher", "ui-research"),
      })
    ).json();
    expect(card2).toMatchObject({ people: 0, steps: 0, excluded: { purposeMismatchBatches: 1 } });

    // An officer who proposes cannot approve; the role table gives officers no dataset.propose anyway.
    expect(
      (
        await t.app.inject({
          method: "POST",
          url: "/api/v1/datasets",
          headers: officer,
          payload: { ...base, purpose: "agent-training", format: "hf" },
        })
      ).statusCode,
    ).toBe(403);
    // Deciding twice fails; rejecting needs a note.
    expect(
      (
        await t.app.inject({
          method: "POST",
          url: `/api/v1/datasets/${id}/approve`,
          headers: officer,
          payload: {},
        })
      ).statusCode,
    ).toBe(409);
    await close(t);
  });

  it("requests: access (zip of own data), objection (stop and exclude, withdrawable), tracked with deadlines", async () => {
    const t = await startTestVault(await backend().make());
    const dev = await t.enrollDevice("alice");
    const batch = await upload(t, dev, workSession("alice", "my own words"));
    const me = t.as("person", "self-access");
    const officer = t.as("privacy_officer", "requests");

    const acc = await t.app.inject({
      method: "POST",
      url: "/api/v1/me/requests",
      headers: me,
      payload: { kind: "access" },
    });
    expect(acc.statusCode, acc.body).toBe(200);
    const req = acc.json();
    expect(req).toMatchObject({ kind: "access", status: "completed", person: "alice", overdue: false });
    expect(Date.parse(req.dueAt) - Date.parse(req.createdAt)).toBe(30 * DAY);
    const dl = await t.app.inject({
      method: "GET",
      url: `/api/v1/me/requests/${req.id}/download`,
      headers: me,
    });
    expect(dl.statusCode, dl.body).toBe(200);
    const files = unzip(dl.rawPayload);
    expect(files.has(`batches/${batch}.json`)).toBe(true);
    const events = JSON.parse(text(files, `batches/${batch}.json`)).events as {
      kind: string;
      char?: string;
    }[];
    expect(
      events
        .filter((e) => e.kind === "key_down")
        .map((e) => e.char)
        .join(""),
    ).toContain("my own words");
    expect(text(files, "requests.jsonl")).toContain(req.id);
    // Nobody else downloads it; an officer sees the request but not the data.
    for (const role of ["privacy_officer", "researcher", "fleet_admin", "auditor"])
      expect(
        (
          await t.app.inject({
            method: "GET",
            url: `/api/v1/me/requests/${req.id}/download`,
            headers: t.as(role),
          })
        ).statusCode,
        role,
      ).toBe(403);
    const bobHeaders = await account(t, "bob-person", "person", "bob", "self-access");
    expect(
      (await t.app.inject({ method: "GET", url: `/api/v1/me/requests/${req.id}`, headers: bobHeaders }))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await t.app.inject({
          method: "GET",
          url: `/api/v1/me/requests/${req.id}/download`,
          headers: bobHeaders,
        })
      ).statusCode,
    ).toBe(404);

    // Objection: in effect at once (the fleet module refuses leases via isObjecting), and withdrawable.
    const ob = await t.app.inject({
      method: "POST",
      url: "/api/v1/me/requests",
      headers: me,
      payload: { kind: "objection" },
    });
    expect(ob.json().status, ob.body).toBe("completed");
    expect(await isObjecting(t.vault, "alice")).toBe(true);
    expect(await isObjecting(t.vault, "bob")).toBe(false);
    const twice = await t.app.inject({
      method: "POST",
      url: "/api/v1/me/requests",
      headers: me,
      payload: { kind: "objection" },
    });
    expect(twice.statusCode).toBe(409);

    // An objecting person is left out of datasets.
    const researcher = t.as("researcher");
    const p = await t.app.inject({
      method: "POST",
      url: "/api/v1/datasets",
      headers: researcher,
      payload: {
        title: "objection check",
        people: ["alice"],
        ...range(),
        channels: ["mouse"],
        levelCap: 2,
        purpose: "agent-training",
        format: "openai",
      },
    });
    await t.app.inject({
      method: "POST",
      url: `/api/v1/datasets/${p.json().id}/approve`,
      headers: t.as("privacy_officer"),
      payload: {},
    });
    await waitForDataset(t, p.json().id, t.as("privacy_officer"));
    const card = (
      await t.app.inject({ method: "GET", url: `/api/v1/datasets/${p.json().id}/card`, headers: researcher })
    ).json();
    expect(card).toMatchObject({ people: 0, excluded: { objectingPeople: 1 } });

    const wd = await t.app.inject({
      method: "POST",
      url: `/api/v1/me/requests/${ob.json().id}/withdraw`,
      headers: me,
    });
    expect(wd.json().status, wd.body).toBe("withdrawn");
    expect(await isObjecting(t.vault, "alice")).toBe(false);

    // Officers list everything with deadlines, file on a person's behalf, and handle failures.
    const list = (await t.app.inject({ method: "GET", url: "/api/v1/requests", headers: officer })).json();
    expect(list.requests.map((r: { kind: string }) => r.kind).sort()).toEqual(["access", "objection"]);
    expect(list.overdue).toBe(0);
    const mine = (await t.app.inject({ method: "GET", url: "/api/v1/me/requests", headers: me })).json();
    expect(mine.requests).toHaveLength(2);
    expect(
      (await t.app.inject({ method: "GET", url: "/api/v1/me/requests", headers: bobHeaders })).json()
        .requests,
    ).toEqual([]);
    const filed = await t.app.inject({
      method: "POST",
      url: "/api/v1/requests",
      headers: officer,
      payload: { person: "bob", kind: "objection", note: "received by letter" },
    });
    expect(filed.json()).toMatchObject({ person: "bob", status: "completed" });
    expect(await isObjecting(t.vault, "bob")).toBe(true);
    // A request that is overdue shows up as such.
    await t.vault.db.exec("UPDATE subject_requests SET status = 'open', due_at = $1 WHERE id = $2", [
      new Date(Date.now() - 1000).toISOString(),
      req.id,
    ]);
    expect(
      (await t.app.inject({ method: "GET", url: "/api/v1/requests?status=open", headers: officer })).json()
        .overdue,
    ).toBe(1);
    const rej = await t.app.inject({
      method: "POST",
      url: `/api/v1/requests/${req.id}/handle`,
      headers: officer,
      payload: { action: "complete", note: "sent by post as well" },
    });
    expect(rej.json().status).toBe("completed");
    expect(rej.json().handledBy).toBeTruthy();
    const audit = await t.vault.audit.entries(0, 10_000);
    expect(audit.filter((e) => e.action === "request").length).toBeGreaterThanOrEqual(6);
    expect(JSON.stringify(audit)).not.toContain("alice");
    await close(t);
  });

  it("erasure through a tracked request: nobody can decrypt the person's data again, not even with the whole database and key file", async () => {
    const storage = await backend().make();
    const t = await startTestVault(storage);
    const dev = await t.enrollDevice("alice");
    const other = await t.enrollDevice("bob");
    const b1 = await upload(t, dev, workSession("alice", "erase me please"));
    const b2 = await upload(t, dev, workSession("alice", "and this too", 20_000));
    const kept = await upload(t, other, workSession("bob", "bob stays"));
    const pseudo = t.vault.pseudonym("alice");
    // What an admin with full access copies before the erasure: the ciphertext blobs and their metadata.
    const rows = await t.vault.db.query<{ batch_id: string; month: string; level: number; blob_key: string }>(
      "SELECT batch_id, month, level, blob_key FROM batches WHERE person = $1",
      [pseudo],
    );
    expect(rows).toHaveLength(2);
    const copies = await Promise.all(
      rows.map(async (r) => ({ ...r, bytes: (await t.vault.blobs.get(r.blob_key))! })),
    );
    const wrapped = (
      await t.vault.db.query<{ wrapped: string }>("SELECT wrapped FROM data_keys WHERE person = $1", [pseudo])
    ).map((r) => r.wrapped);
    expect(wrapped).toHaveLength(1);
    const binding = (r: (typeof copies)[number]) => ({
      person: pseudo,
      month: r.month,
      level: Number(r.level),
      purpose: "agent-training",
      recordId: r.batch_id,
    });
    // Before: the copy opens (the test's decryption path is right).
    expect(
      storedPayloadText(await t.vault.dataKeys.decrypt(binding(copies[0]!), copies[0]!.bytes)),
    ).toContain("events");

    const me = t.as("person", "self-access");
    const er = await t.app.inject({
      method: "POST",
      url: "/api/v1/me/requests",
      headers: me,
      payload: { kind: "erasure" },
    });
    expect(er.statusCode, er.body).toBe(200);
    expect(er.json()).toMatchObject({ kind: "erasure", status: "completed", result: { blobs: 2 } });
    expect(er.json().result.months).toHaveLength(1);

    // Through the API: gone for the person, and for an officer even under break-glass.
    expect(
      (await t.app.inject({ method: "GET", url: "/api/v1/me/batches", headers: me })).json().batches,
    ).toEqual([]);
    for (const id of [b1, b2])
      expect(
        (await t.app.inject({ method: "GET", url: `/api/v1/batches/${id}`, headers: me })).statusCode,
      ).toBe(404);
    const bg = await t.app.inject({
      method: "POST",
      url: "/api/v1/breakglass",
      headers: t.as("privacy_officer", "incident-response"),
      payload: { person: "alice", reason: "suspected data leak reported by the security team" },
    });
    expect(bg.statusCode).toBe(410);
    expect(await t.vault.blobs.list(`p/${pseudo}/`)).toEqual([]);

    // An admin with the whole database and the key file, in a fresh process: the copied blobs do not open, and
    // the erased key cannot be recreated.
    const admin = await Vault.open({ dataDir: t.dir, ...storage });
    for (const c of copies)
      await expect(admin.dataKeys.decrypt(binding(c), c.bytes)).rejects.toThrow(KeyDestroyedError);
    await expect(admin.dataKeys.key(pseudo, rows[0]!.month)).rejects.toThrow(KeyDestroyedError);
    expect(await admin.db.query("SELECT 1 FROM data_keys WHERE person = $1", [pseudo])).toEqual([]);
    // … and the destroyed wrapped key is not left in the database's files either (free pages, WAL, dead tuples).
    if (name === "sqlite+files") {
      for (const f of await filesUnder(t.dir))
        for (const w of wrapped) expect(readFileSync(f).includes(Buffer.from(w)), f).toBe(false);
    } else {
      await admin.db.exec("CREATE EXTENSION IF NOT EXISTS pageinspect");
      const pages = await admin.db.query<{ n: number }>(
        "SELECT pg_relation_size('data_keys') / current_setting('block_size')::int AS n",
      );
      for (let i = 0; i < Number(pages[0]!.n); i++) {
        const raw = await admin.db.query<{ p: Uint8Array }>("SELECT get_raw_page('data_keys', $1) AS p", [i]);
        for (const w of wrapped) expect(Buffer.from(raw[0]!.p).includes(Buffer.from(w))).toBe(false);
      }
    }
    // Someone else's data is untouched.
    expect((await admin.db.query("SELECT 1 FROM batches WHERE batch_id = $1", [kept])).length).toBe(1);
    // The audit log still verifies and names nobody.
    const v = await t.app.inject({
      method: "POST",
      url: "/api/v1/audit/verify",
      headers: t.as("auditor", "audit"),
    });
    expect(v.json().problems).toEqual([]);
    if (name === "sqlite+files") await admin.close();
    await close(t);
  });

  it("retention deletes batches past their manifest's retention and crypto-shreds expired month keys", async () => {
    const t = await startTestVault(await backend().make());
    const admin = { authorization: `Bearer ${t.tokens.fleet_admin}`, "x-tracevault-purpose": "operations" };
    const v2 = await t.app.inject({
      method: "POST",
      url: "/api/v1/manifests",
      headers: admin,
      payload: testManifest({ version: 2, retentionDays: 365 }),
    });
    expect(v2.statusCode, v2.body).toBe(200);
    const dev = await t.enrollDevice("alice");
    const short = await upload(t, dev, workSession("alice", "short retention"), {
      manifestHash: t.manifestHash,
    });
    const long = await upload(t, dev, workSession("alice", "long retention"), {
      manifestHash: v2.json().hash,
    });
    const pseudo = t.vault.pseudonym("alice");

    // Nothing is due yet.
    expect(await runRetention(t.vault, new Date(Date.now() + 10 * DAY))).toEqual({
      cutoff: null,
      keys: 0,
      batches: 0,
      blobs: 0,
    });
    // In 100 days: the 30-day batch is gone, the 365-day one stays, and so does the month key it needs.
    const r1 = await runRetention(t.vault, new Date(Date.now() + 100 * DAY));
    expect(r1).toMatchObject({ cutoff: null, keys: 0, batches: 1, blobs: 1 });
    expect(await t.vault.db.query("SELECT batch_id FROM batches")).toEqual([{ batch_id: long }]);
    expect(await t.vault.blobs.list(`p/${pseudo}/`)).toHaveLength(1);
    expect(
      (
        await t.app.inject({
          method: "GET",
          url: `/api/v1/batches/${short}`,
          headers: t.as("person", "self-access"),
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await t.app.inject({
          method: "GET",
          url: `/api/v1/batches/${long}`,
          headers: t.as("person", "self-access"),
        })
      ).statusCode,
    ).toBe(200);
    // In 400 days: everything is past retention; the month key is destroyed.
    const r2 = await runRetention(t.vault, new Date(Date.now() + 400 * DAY));
    expect(r2).toMatchObject({ keys: 1, batches: 1, blobs: 1 });
    expect(await t.vault.db.query("SELECT 1 FROM data_keys")).toEqual([]);
    expect((await t.vault.db.query("SELECT reason FROM shredded_keys")).map((r) => r.reason)).toEqual([
      "retention",
    ]);
    expect(await t.vault.blobs.list("p/")).toEqual([]);
    const entries = await t.vault.audit.entries(0, 10_000);
    expect(
      entries.filter((e) => e.action === "key.destroy" && e.detail?.reason === "retention"),
    ).toHaveLength(2);
    // The admin route runs it too (nothing left to do now).
    const run = await t.app.inject({ method: "POST", url: "/api/v1/retention/run", headers: admin });
    expect(run.statusCode, run.body).toBe(200);
    await close(t);
  });
});
