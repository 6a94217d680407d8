/**
 * Recording under the lease: the real Recorder (fake capture sources, real filter, real sealed spool) driven by
 * the real lease client against a scripted vault on loopback. What was captured is read back from the spool
 * with the vault key: keys typed while no lease allows recording appear in no batch.
 */
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import type { Manifest } from "@tracevault/core";
import { LeasedRecorder, type LeasedRecorderOptions } from "../src/lease/recording.js";
import { NoLeaseError, Recorder } from "../src/pipeline/recorder.js";
import { Spool } from "../src/spool.js";
import { DEVICE, HASH, devKey, fakeVault, lease, pauseMsg, vaultKey, type Script } from "./fake-vault.js";
import {
  FakeSource,
  FakeWindows,
  keysAndHash,
  now,
  openAll,
  removeTempDirs,
  sleep,
  tempDir,
  testManifest,
  typeText,
  typed,
} from "./helpers.js";

const manifest = testManifest();
const { keys } = keysAndHash(manifest);
const fakes: { close(): void }[] = [];
const sessions: LeasedRecorder[] = [];

afterEach(async () => {
  await Promise.all(sessions.splice(0).map((s) => s.stop()));
  for (const f of fakes.splice(0)) f.close();
});
afterAll(() => removeTempDirs());

async function until(pred: () => boolean, ms = 4000, what = "condition"): Promise<void> {
  const end = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

async function setup(script: Script, over: Partial<LeasedRecorderOptions> = {}) {
  const v = await fakeVault(script);
  fakes.push(v);
  const dir = tempDir();
  const spoolDir = join(dir, "spool");
  const spool = Spool.open(spoolDir);
  const kb = new FakeSource("keyboard");
  const mouse = new FakeSource("mouse");
  const win = new FakeWindows();
  const logs: string[] = [];
  const { lease: leaseOver, ...rest } = over;
  const s = new LeasedRecorder({
    lease: {
      ...leaseOver,
      vaultUrl: v.url,
      deviceId: DEVICE,
      privateKey: devKey.privateKey,
      publicKey: devKey.publicKey,
      vaultSignKey: vaultKey.publicKey,
      reconnectMinMs: 20,
      reconnectMaxMs: 100,
      ...(leaseOver?.clock ? { clock: leaseOver.clock, renewTimeoutMs: 60_000 } : {}),
    },
    manifest: { manifest, hash: HASH },
    recorder: {
      vault: { publicKey: keys.seal.publicKey, kid: keys.seal.kid },
      deviceId: DEVICE,
      spool,
      sources: [win, kb, mouse],
      settleMs: 50,
      hotkey: false,
    },
    loadManifest: async (hash) => {
      if (hash === HASH) return { manifest, hash };
      throw new Error("unknown manifest");
    },
    acknowledged: () => true,
    log: (m) => logs.push(m),
    ...rest,
  });
  sessions.push(s);
  const text = () => typed(openAll(spoolDir, keys).events);
  const type = (t: string) => {
    for (const e of typeText(t + "\n", now())) kb.emit(e);
  };
  return { v, s, kb, win, logs, text, type, spoolDir };
}

describe("the Recorder's lease gate (fail closed)", () => {
  it("starts no source and accepts no event while the gate is closed", async () => {
    const dir = tempDir();
    const kb = new FakeSource("keyboard");
    const win = new FakeWindows();
    let allowed = false;
    const rec = new Recorder({
      manifest,
      manifestHash: HASH,
      vault: { publicKey: keys.seal.publicKey, kid: keys.seal.kid },
      deviceId: DEVICE,
      spool: Spool.open(join(dir, "spool")),
      sources: [win, kb],
      settleMs: 50,
      hotkey: false,
      lease: { canRecord: () => allowed },
    });
    await expect(rec.start()).rejects.toBeInstanceOf(NoLeaseError);
    expect(kb.sink).toBeUndefined();
    expect(win.sink).toBeUndefined();

    allowed = true;
    const rec2 = new Recorder({
      manifest,
      manifestHash: HASH,
      vault: { publicKey: keys.seal.publicKey, kid: keys.seal.kid },
      deviceId: DEVICE,
      spool: Spool.open(join(dir, "spool2")),
      sources: [win, kb],
      settleMs: 50,
      hotkey: false,
      lease: { canRecord: () => allowed },
    });
    await rec2.start();
    win.focus(now(), 7, "xterm", "shell");
    for (const e of typeText("kept\n", now())) kb.emit(e);
    allowed = false; // the lease ran out; the sources are still running
    for (const e of typeText("dropped\n", now())) kb.emit(e);
    allowed = true;
    await rec2.stop();
    const got = typed(openAll(join(dir, "spool2"), keys).events);
    expect(got).toContain("kept");
    expect(got).not.toContain("dropped");
    expect(rec2.status().leaseDropped).toBe(16); // 8 characters, key down and up
  });
});

describe("recording under the lease", () => {
  it("nothing starts while paused from the welcome; a resume and a lease start the sources", async () => {
    const { v, s, kb, type, text } = await setup({
      welcome: () => ({ pauses: [pauseMsg("pz-1").pause] }),
      onRenew: (ws, id) => ws.send(JSON.stringify({ t: "lease", id, ...lease() })),
    });
    s.start();
    await until(() => s.lease.state().status === "paused", 4000, "paused");
    await sleep(100);
    expect(kb.sink).toBeUndefined();
    type("never");
    v.push({ t: "resume", pauseIds: ["pz-1"], clear: true });
    await until(() => s.recording, 4000, "recording");
    type("after");
    await s.stop();
    expect(text()).toContain("after");
    expect(text()).not.toContain("never");
  });

  it("pause: sources stopped and everything sealed before the acknowledgement; later keys appear nowhere", async () => {
    const acks: { ids: string[]; sealed: string; sourcesRunning: boolean }[] = [];
    const ctx: { text?: () => string; kb?: FakeSource } = {};
    const { v, s, kb, win, type, text } = await setup({
      onAck: (ids) => acks.push({ ids, sealed: ctx.text!(), sourcesRunning: !!ctx.kb!.sink }),
    });
    ctx.text = text;
    ctx.kb = kb;
    s.start();
    await until(() => s.recording, 4000, "recording");
    win.focus(now(), 7, "xterm", "shell");
    type("alpha");
    v.push(pauseMsg("pz-2"));
    await until(() => acks.length > 0, 4000, "the ack");
    expect(acks[0]).toEqual({
      ids: ["pz-2"],
      sealed: expect.stringContaining("alpha"),
      sourcesRunning: false,
    });
    expect(s.recording).toBe(false);
    type("zebra");
    await sleep(200);
    expect(text()).not.toContain("zebra");
    expect(s.status().state).toBe("stopped");
  });

  it("stops by itself when the lease expires unrenewed (never extends it), and says why", async () => {
    // the lease client's clocks, moved by hand: the lease runs out exactly when its lifetime has passed
    const clock = { m: 1000, w: Date.now(), mono: () => clock.m, wall: () => clock.w };
    const { s, kb, type, text, logs } = await setup(
      { onRenew: () => undefined },
      {
        lease: {
          vaultUrl: "",
          deviceId: DEVICE,
          privateKey: devKey.privateKey,
          publicKey: devKey.publicKey,
          vaultSignKey: vaultKey.publicKey,
          clock,
          renewTimeoutMs: 60_000,
        },
      },
    );
    s.start();
    await until(() => s.recording, 4000, "recording");
    clock.m += 4999;
    await sleep(300);
    expect(s.recording).toBe(true);
    clock.m += 1;
    expect(s.lease.canRecord()).toBe(false); // at once, before any timer ran
    await until(() => !kb.sink, 1000, "sources stopped");
    type("late");
    expect(text()).not.toContain("late");
    expect(s.leaseView()).toMatchObject({ status: "expired", canRecord: false });
    expect(logs.join("\n")).toMatch(/recording stopped: the lease expired/);
  });

  it("the person's own pause holds across a vault pause and resume", async () => {
    const { v, s, win, type, text } = await setup({
      onRenew: (ws, id) => ws.send(JSON.stringify({ t: "lease", id, ...lease() })),
    });
    s.start();
    await until(() => s.recording, 4000, "recording");
    win.focus(now(), 7, "xterm", "shell");
    s.pause();
    v.push(pauseMsg("pz-3"));
    await until(() => s.lease.state().status === "paused", 4000, "vault pause");
    v.push({ t: "resume", pauseIds: ["pz-3"], clear: true });
    await until(() => s.lease.canRecord(), 4000, "a new lease");
    await until(() => s.status().state === "paused", 4000, "a recorder started paused");
    expect(s.recording).toBe(false);
    type("private");
    s.resume();
    await until(() => s.recording, 4000, "recording after the person resumed");
    win.focus(now(), 7, "xterm", "shell");
    type("public");
    await s.stop();
    expect(text()).toContain("public");
    expect(text()).not.toContain("private");
  });

  it("a manifest to acknowledge: passed on when acknowledged here and undecided at the vault, never over an objection", async () => {
    const v2 = "b".repeat(64);
    const m2: Manifest = { ...manifest, version: 2, retentionDays: 90 };
    const consents: { manifestHash: string; decision: string }[] = [];
    let decided: string | null = null;
    const consent = () => ({
      manifest: { id: "test", version: 2, hash: v2 },
      decision: decided,
      previous: { id: "test", version: 1, hash: HASH },
      changes: ["kept for 90 days (was 30)"],
    });
    const { v, s, logs } = await setup(
      {
        welcome: () => ({ consent: consent() }),
        onConsent: (m) => consents.push(m as never),
        onRenew: (ws, id) => ws.send(JSON.stringify({ t: "lease", id, ...lease({ manifestHash: v2 }) })),
      },
      {
        loadManifest: async (hash) => ({ manifest: hash === v2 ? m2 : manifest, hash }),
        acknowledged: (m) => m.hash === v2,
      },
    );
    decided = "object";
    s.start();
    await until(() => s.lease.state().status === "consent", 4000, "consent");
    expect(logs.join("\n")).toMatch(
      /not recording until manifest 'test' v2 is acknowledged.*kept for 90 days/,
    );
    await sleep(200);
    expect(consents).toEqual([]); // the person objected at the vault: an older acknowledgement is not sent
    expect(await s.personAcknowledged(v2)).toBe("acknowledgement sent to the vault");
    await until(() => consents.length > 0, 4000, "the acknowledgement");
    expect(consents[0]).toMatchObject({ manifestHash: v2, decision: "acknowledge" });
    v.push({ t: "consented", hash: v2 });
    await until(() => s.recording, 4000, "recording under v2");
    expect(s.manifestHash).toBe(v2);

    // undecided at the vault, acknowledged here: passed on without asking again
    consents.length = 0;
    decided = null;
    v.push({ t: "consent", ...consent() });
    await until(() => consents.length > 0, 4000, "the acknowledgement passed on");
  });

  it("revocation: stops, acknowledges, and ends the session with the reason", async () => {
    const acks: string[][] = [];
    const { v, s } = await setup({ onAck: (ids) => acks.push(ids) });
    s.start();
    await until(() => s.recording, 4000, "recording");
    v.push({ t: "revoke", reason: "lost laptop", code: "device_revoked" });
    const sum = await s.done;
    expect(sum.error?.message).toMatch(/may no longer record: lost laptop/);
    expect(acks).toContainEqual(["revoke"]);
    expect(s.recording).toBe(false);
  });

  it("a recorder that fails on its own ends the session (fail closed), not restarted", async () => {
    const { s, kb } = await setup({});
    s.start();
    await until(() => s.recording, 4000, "recording");
    kb.sink!.error(new Error("the display went away"));
    const sum = await s.done;
    expect(sum.error?.message).toMatch(/display went away/);
    expect(s.lease.state().status).toBe("stopped");
  });
});
