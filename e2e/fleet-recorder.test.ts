/**
 * Fleet control end to end with a real recorder under Xvfb: the recorder pipeline (X11 capture sources →
 * filter → sealed batches in the spool → upload) driven by the real lease client, against a real vault process.
 *
 * - pause → the recorder stops its sources, flushes, acknowledges; text typed with xdotool after the
 *   acknowledgement appears nowhere (not in any batch the recorder sealed, not in the vault, not in any file);
 * - resume → it records again;
 * - a new manifest version → recording stops until the person acknowledges it (the recorder shows the diff),
 *   then resumes under the new version;
 * - the vault killed → the recorder stops by itself within the lease expiry and says so; text typed afterwards
 *   appears nowhere.
 *
 * The harness below is what `tracevault record` does with a vault (see the report for the wiring).
 * Needs Xvfb, openbox, xdotool, xterm and the built vault; skipped otherwise.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BatchPayload, type Manifest, type RawEvent } from "@tracevault/core";
import { openBatch } from "@tracevault/crypto";
import { LeaseClient, type LeaseState } from "../packages/recorder/src/lease/index.js";
import { Recorder } from "../packages/recorder/src/pipeline/recorder.js";
import { Spool } from "../packages/recorder/src/spool.js";
import { Uploader, fetchManifest } from "../packages/recorder/src/uploader.js";
import { readStoredBatch } from "../packages/vault/src/ingest.js";
import {
  startTestVault,
  testManifest,
  type TestDevice,
  type TestVault,
} from "../packages/vault/test/helpers.js";
import { startXterm, xdotool, type AppWindow } from "./support/apps.js";
import { startXvfb, xvfbSkipReason, type XSession } from "./support/xvfb.js";
import { VAULT_BUILT, sleep, startNode, type VaultNode } from "./fleet-support.js";

/** An API answer (checked by the assertions). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;
const skip =
  xvfbSkipReason() ?? (VAULT_BUILT ? undefined : "vault not built (npx tsc -b packages/vault/tsconfig.json)");
if (skip) console.warn(`[fleet-recorder] skipped: ${skip}`);

const TTL = 6000;

/** The recorder as `tracevault record` runs it with a vault: it records only while the lease client allows. */
class FleetRecorder {
  readonly lease: LeaseClient;
  readonly logs: string[] = [];
  /** Every batch the recorder ever sealed (copied before upload), to prove what was and was not captured. */
  readonly sealed: Uint8Array[] = [];
  private rec: Recorder | undefined;
  private starting: Promise<void> | undefined;
  private stopping: Promise<void> = Promise.resolve();
  private manifest: Manifest;
  private manifestHash: string;
  readonly spool: Spool;
  readonly uploader: Uploader;

  constructor(
    private readonly o: { url: string; dev: TestDevice; t: TestVault; display: string; spoolDir: string },
  ) {
    this.manifest = testManifest();
    this.manifestHash = o.t.manifestHash;
    this.spool = Spool.open(o.spoolDir, 64 << 20);
    this.uploader = new Uploader({
      vaultUrl: o.url,
      deviceId: o.dev.id,
      privateKey: o.dev.privateKey,
      publicKey: o.dev.publicKey,
      spool: this.spool,
      initialBackoffMs: 200,
      maxBackoffMs: 1000,
    });
    this.lease = new LeaseClient({
      vaultUrl: o.url,
      deviceId: o.dev.id,
      privateKey: o.dev.privateKey,
      publicKey: o.dev.publicKey,
      vaultSignKey: o.t.vault.keys.sign.publicKey,
      manifestHash: this.manifestHash,
      reconnectMinMs: 100,
      reconnectMaxMs: 1000,
      log: (m) => this.logs.push(`${new Date().toISOString()} lease: ${m}`),
      // Stop the sources and seal everything already captured; the lease client acknowledges afterwards.
      stopRecording: () => this.halt(),
    });
    this.lease.onChange((s) => {
      if (s.canRecord && !this.rec && !this.starting)
        this.starting = this.begin(s).finally(() => (this.starting = undefined));
    });
  }

  start(): void {
    this.uploader.start();
    this.lease.start();
  }

  private async begin(s: LeaseState): Promise<void> {
    await this.stopping;
    if (s.lease!.manifestHash !== this.manifestHash) {
      // the vault now grants leases for another manifest version: fetch it, check it is that one, run it
      const signed = await fetchManifest(this.o.url, this.o.t.vault.keys.sign.publicKey);
      if (signed.hash !== s.lease!.manifestHash) return;
      this.manifest = signed.manifest;
      this.manifestHash = signed.hash;
    }
    if (!this.lease.canRecord()) return;
    const rec = new Recorder({
      manifest: this.manifest,
      manifestHash: this.manifestHash,
      vault: { publicKey: this.o.t.vault.keys.seal.publicKey, kid: this.o.t.vault.keys.seal.kid },
      deviceId: this.o.dev.id,
      spool: this.spool,
      leaseId: s.lease!.leaseId,
      display: this.o.display,
      hotkey: false,
      batch: { maxAgeMs: 500 },
      settleMs: 300,
      log: (m) => this.logs.push(`${new Date().toISOString()} recorder: ${m}`),
      onSealed: (entry) => {
        this.sealed.push(new Uint8Array(readFileSync(entry.file)));
        this.uploader.kick();
      },
    });
    this.rec = rec;
    await rec.start();
    this.logs.push(`${new Date().toISOString()} recording under lease ${s.lease!.leaseId}`);
    // a pause may have arrived while the sources were starting
    if (!this.lease.canRecord()) await this.halt();
  }

  private halt(): Promise<void> {
    this.stopping = (async () => {
      await this.starting?.catch(() => undefined);
      const rec = this.rec;
      this.rec = undefined;
      if (rec) {
        await rec.stop();
        this.logs.push(`${new Date().toISOString()} recorder stopped and flushed`);
      }
    })();
    return this.stopping;
  }

  get recording(): boolean {
    return this.rec?.status().state === "recording";
  }

  async close(): Promise<void> {
    await this.lease.stop();
    await this.halt();
    await this.uploader.stop(3000);
  }
}

function typed(events: RawEvent[]): string {
  return events.map((e) => (e.kind === "key_down" ? (e.char ?? "") : "")).join("");
}

function allFiles(dir: string): string[] {
  const out: string[] = [];
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    const st = statSync(p);
    if (st.isDirectory()) out.push(...allFiles(p));
    else if (st.isFile()) out.push(p);
  }
  return out;
}

let x: XSession;
let term: AppWindow;
let t: TestVault;
let node: VaultNode;
let r: FleetRecorder;
let dir: string;

async function waitFor(pred: () => boolean | Promise<boolean>, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (!(await pred())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}\n${r?.logs.join("\n")}`);
    await sleep(25);
  }
}

async function api(method: string, path: string, body?: unknown, role = "fleet_admin"): Promise<Json> {
  const res = await fetch(node.url + path, {
    method,
    headers: {
      authorization: `Bearer ${t.tokens[role]}`,
      "x-tracevault-purpose": "operations",
      ...(body ? { "content-type": "application/json" } : {}),
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const j = (await res.json()) as Json;
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(j)}`);
  return j;
}

/** Text the recorder sealed into batches (all of them, uploaded or not). */
function sealedText(): string {
  return r.sealed
    .map((b) => {
      const { payload } = openBatch(b, t.vault.keys.seal.privateKey);
      return typed(BatchPayload.parse(JSON.parse(gunzipSync(payload).toString("utf8"))).events);
    })
    .join("");
}

/** Text stored in the vault for this device (decrypted). */
async function storedText(): Promise<string> {
  const rows = await t.vault.db.query<{ batch_id: string }>(
    "SELECT batch_id FROM batches WHERE device_id = $1 ORDER BY seq",
    [r.lease.state().lease?.deviceId ?? ""],
  );
  let s = "";
  for (const row of rows) s += typed((await readStoredBatch(t.vault, row.batch_id))!.payload.events);
  return s;
}

/** Type a line (Enter ends it: typed text is held until a break such as Enter, a click or a focus change). */
async function type(text: string): Promise<void> {
  await term.activate();
  await xdotool(x, "type", "--delay", 25, text);
  await xdotool(x, "key", "Return");
}

/** Wait until the recorder sealed `word` (it was captured). */
async function captured(word: string): Promise<void> {
  await waitFor(() => sealedText().includes(word), 15_000, `'${word}' to be recorded`).catch((e) => {
    const kinds = r.sealed.flatMap((b) => {
      const { payload } = openBatch(b, t.vault.keys.seal.privateKey);
      return BatchPayload.parse(JSON.parse(gunzipSync(payload).toString("utf8"))).events.map((ev) =>
        ev.kind === "focus" ? `focus:${ev.app}:${ev.title}` : ev.kind,
      );
    });
    throw new Error(
      `${(e as Error).message}\nsealed ${r.sealed.length} batches: ${kinds.join(" ")}\ntext: ${sealedText()}`,
    );
  });
}

function nowhere(word: string): void {
  expect(sealedText()).not.toContain(word);
  for (const f of allFiles(dir)) expect(readFileSync(f).includes(Buffer.from(word)), f).toBe(false);
}

describe.skipIf(!!skip)("a real recorder under fleet control (Xvfb)", () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "tv-fleet-rec-"));
    mkdirSync(join(dir, "vault"));
    t = await startTestVault({}, join(dir, "vault"));
    const dev = await t.enrollDevice("alice");
    await t.app.inject({
      method: "POST",
      url: "/api/v1/me/consent",
      headers: t.as("person", "self-service"),
      payload: { manifestHash: t.manifestHash, decision: "acknowledge" },
    });
    node = await startNode({ dataDir: join(dir, "vault"), nodeId: "rec-node", ttlMs: TTL, resyncMs: 300 });
    x = await startXvfb();
    term = await startXterm(x, "tv-fleet-term", { geometry: "100x20+0+0" });
    r = new FleetRecorder({ url: node.url, dev, t, display: x.display, spoolDir: join(dir, "spool") });
    r.start();
    await waitFor(() => r.recording, 15_000, "the recorder to start");
  }, 60_000);

  afterAll(async () => {
    await r?.close();
    await node?.stop();
    await term?.stop();
    await x?.stop();
    await t?.app.close();
    await t?.vault.close();
  });

  it("records while it holds a lease", async () => {
    await type("alphaone words ");
    await captured("alphaone");
    await waitFor(async () => (await storedText()).includes("alphaone"), 15_000, "the upload");
  });

  it("pause → acknowledged after the sources stopped; keys typed after the ack appear nowhere", async () => {
    const p = await api("POST", "/api/v1/fleet/pause", { scope: { kind: "all" }, reason: "e2e pause" });
    let st: Json = {};
    await waitFor(
      async () => {
        st = await api("GET", `/api/v1/fleet/pauses/${p.id}`);
        return st.acked === 1;
      },
      10_000,
      "the acknowledgement",
    );
    expect(st.recorders[0]).toMatchObject({ acked: true, stopped: "ack" });
    expect(r.recording).toBe(false);
    expect(r.lease.state().status).toBe("paused");
    await type("zebrapaused never ");
    await sleep(2500);
    await r.uploader.stop(2000);
    r.uploader.start();
    nowhere("zebrapaused");
    expect(await storedText()).not.toContain("zebrapaused");
    const status = await api("GET", "/api/v1/fleet/status");
    expect(status.recorders.find((x: { person: string }) => x.person === "alice")).toMatchObject({
      state: "paused",
      connected: true,
    });
  });

  it("resume → it records again", async () => {
    await api("POST", "/api/v1/fleet/resume", { scope: { kind: "all" } });
    await waitFor(() => r.recording, 10_000, "recording after resume");
    await type("bravotwo again ");
    await captured("bravotwo");
    expect(sealedText()).not.toContain("zebrapaused");
  });

  it("a new manifest version stops recording until the person acknowledges it (after seeing the diff)", async () => {
    const pub = await t.app.inject({
      method: "POST",
      url: "/api/v1/manifests",
      headers: t.as("fleet_admin", "operations"),
      payload: testManifest({ version: 2, retentionDays: 90 }),
    });
    expect(pub.statusCode, pub.body).toBe(200);
    const v2 = pub.json().hash as string;
    await waitFor(() => r.lease.state().status === "consent", 5000, "the consent stop");
    await waitFor(() => !r.recording, 5000, "the recorder to stop");
    const s = r.lease.state();
    expect(s.consent!.manifest.hash).toBe(v2);
    expect(s.consent!.changes).toEqual(["kept for 90 days (was 30)"]);
    await sleep(300);
    await type("charlieconsent none ");
    await sleep(2000);
    nowhere("charlieconsent");
    // the person saw the diff and acknowledges through the recorder
    r.lease.acknowledgeManifest(v2, "diff");
    await waitFor(() => r.recording, 10_000, "recording under v2");
    await type("deltaacked yes ");
    await captured("deltaacked");
    const batches = r.sealed.map((b) => openBatch(b, t.vault.keys.seal.privateKey).header);
    expect(batches.at(-1)!.manifestHash).toBe(v2);
    nowhere("charlieconsent");
  });

  it("kill the vault → the recorder stops by itself within the lease expiry and says so; later keys appear nowhere", async () => {
    await sleep(1000);
    const killedAt = Date.now();
    await node.kill();
    await waitFor(() => !r.lease.canRecord(), TTL + 2000, "the lease to expire");
    const after = Date.now() - killedAt;
    await waitFor(() => !r.recording, 5000, "the recorder to stop");
    console.log(`[fleet-recorder] vault killed: recording stopped after ${after} ms (lease ${TTL} ms)`);
    expect(after).toBeLessThanOrEqual(TTL + 250);
    expect(r.logs.join("\n")).toMatch(/recording stopped: the lease expired/);
    await type("echokilled gone ");
    await sleep(2000);
    nowhere("echokilled");
  });
});
