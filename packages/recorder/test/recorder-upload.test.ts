/**
 * Enrollment, the signed manifest, acknowledgement, and uploads against a real vault started in-process
 * (the vault is imported here, in the test only: the recorder itself talks HTTP and never imports it).
 */
import { copyFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { leaseProofFor, startTestVault, type TestVault } from "../../vault/test/helpers.js";
import { Recorder } from "../src/pipeline/recorder.js";
import { Spool } from "../src/spool.js";
import { acknowledge, acknowledgementProblem, findAcknowledgement, loadDevice } from "../src/state.js";
import { Uploader, enrollDevice, fetchManifest } from "../src/uploader.js";
import { ControlServer, sendControl } from "../src/control.js";
import { formatStatus } from "../src/status.js";
import { FakeSource, FakeWindows, now, sleep, removeTempDirs, tempDir, typeText } from "./helpers.js";

let t: TestVault;
let url: string;
beforeAll(async () => {
  t = await startTestVault();
  url = await t.app.listen({ port: 0, host: "127.0.0.1" });
}, 60_000);
afterAll(async () => {
  await t?.app.close();
  await t?.vault.close();
  if (t) rmSync(t.dir, { recursive: true, force: true });
});

/** A lease as the vault's fleet channel grants it (the vault refuses batches recorded without one). */
function granted(deviceId: string, manifestHash: string) {
  return { canRecord: () => true, proof: () => leaseProofFor(t.vault, deviceId, "alice", manifestHash) };
}

async function enrollmentToken(): Promise<string> {
  const r = await t.app.inject({
    method: "POST",
    url: "/api/v1/enrollments",
    headers: t.as("fleet_admin", "operations"),
    payload: { person: "alice" },
  });
  return r.json().token as string;
}

async function myBatches(): Promise<unknown[]> {
  const r = await t.app.inject({
    method: "GET",
    url: "/api/v1/me/batches",
    headers: t.as("person", "self-access"),
  });
  return r.json().batches as unknown[];
}

afterAll(() => removeTempDirs());

describe("enrollment, manifest, acknowledgement", () => {
  it("enrolls with a one-time token (device key 0600), verifies the manifest, needs an acknowledgement", async () => {
    const state = tempDir("tv-state-");
    const dev = await enrollDevice(url, await enrollmentToken(), state);
    expect(statSync(join(state, "device.key")).mode & 0o777).toBe(0o600);
    expect(statSync(state).mode & 0o777).toBe(0o700);
    expect(loadDevice(state)!.file.deviceId).toBe(dev.file.deviceId);
    const signed = await fetchManifest(url, dev.vault.sign.publicKey);
    expect(signed.hash).toBe(t.manifestHash);
    expect(acknowledgementProblem(state, signed.manifest, signed.hash)).toMatch(/has not been acknowledged/);
    acknowledge(state, signed.manifest, signed.hash);
    expect(findAcknowledgement(state, signed.manifest, signed.hash)).toBeDefined();
    expect(acknowledgementProblem(state, signed.manifest, signed.hash)).toBeUndefined();
    const v2 = { ...signed.manifest, version: 2 };
    expect(acknowledgementProblem(state, v2, "f".repeat(64))).toMatch(
      /changed since you acknowledged version 1/,
    );
    // a token works once
    const tok = await enrollmentToken();
    await enrollDevice(url, tok, tempDir("tv-state-"));
    await expect(enrollDevice(url, tok, tempDir("tv-state-"))).rejects.toThrow(/already used/);
    // a manifest signed by someone else is refused
    await expect(fetchManifest(url, new Uint8Array(32).fill(7))).rejects.toThrow(/signature does not verify/);
  });
});

describe("upload", () => {
  it("records, seals, uploads signed batches and deletes them only after the vault confirmed", async () => {
    const state = tempDir("tv-state-");
    const dev = await enrollDevice(url, await enrollmentToken(), state);
    const signed = await fetchManifest(url, dev.vault.sign.publicKey);
    const spoolDir = join(state, "spool");
    const spool = Spool.open(spoolDir);
    const before = (await myBatches()).length;
    const uploader = new Uploader({
      vaultUrl: url,
      deviceId: dev.file.deviceId,
      privateKey: dev.privateKey,
      publicKey: dev.publicKey,
      spool,
    });
    const kb = new FakeSource("keyboard");
    const win = new FakeWindows();
    const rec = new Recorder({
      manifest: signed.manifest,
      manifestHash: signed.hash,
      vault: dev.vault.seal,
      deviceId: dev.file.deviceId,
      lease: granted(dev.file.deviceId, signed.hash),
      spool,
      sources: [win, kb, new FakeSource("mouse")],
      settleMs: 20,
      batch: { maxEvents: 20 },
      onSealed: () => uploader.kick(),
    });
    await rec.start();
    uploader.start();
    win.focus(now(), 1, "XTerm", "shell");
    for (const e of typeText("hello from the recorder, mail jane.doe@example.com bye", now())) kb.emit(e);
    const sum = await rec.stop();
    expect(sum.status.batches).toBeGreaterThan(3);
    await uploader.stop(20_000);
    const st = uploader.status();
    expect(st.uploaded).toBe(sum.status.batches);
    expect(st.pending).toBe(0);
    expect(readdirSync(join(spoolDir, "batches"))).toEqual([]);
    expect((await myBatches()).length - before).toBe(sum.status.batches);
    expect(formatStatus(sum.status, Date.now(), st)).toMatch(/uploaded \d+/);
  }, 60_000);

  it("is idempotent by batch id, retries with backoff, and keeps refused batches", async () => {
    const state = tempDir("tv-state-");
    const dev = await enrollDevice(url, await enrollmentToken(), state);
    const signed = await fetchManifest(url, dev.vault.sign.publicKey);
    const spoolDir = join(state, "spool");
    const keep = tempDir("tv-keep-");
    const spool = Spool.open(spoolDir);
    const kb = new FakeSource("keyboard");
    const win = new FakeWindows();
    const rec = new Recorder({
      manifest: signed.manifest,
      manifestHash: signed.hash,
      vault: dev.vault.seal,
      deviceId: dev.file.deviceId,
      lease: granted(dev.file.deviceId, signed.hash),
      spool,
      sources: [win, kb, new FakeSource("mouse")],
      settleMs: 20,
      batch: { maxEvents: 10 },
    });
    await rec.start();
    win.focus(now(), 1, "XTerm", "shell");
    for (const e of typeText("retry me please", now())) kb.emit(e);
    await rec.stop();
    const files = readdirSync(join(spoolDir, "batches"));
    expect(files.length).toBeGreaterThan(1);
    for (const f of files) copyFileSync(join(spoolDir, "batches", f), join(keep, f));

    // the network fails twice, then works: retried with backoff, nothing lost
    let calls = 0;
    const flaky: typeof fetch = async (input, init) => {
      calls++;
      if (calls <= 2) throw new TypeError("fetch failed (simulated)");
      return fetch(input, init);
    };
    const up = new Uploader({
      vaultUrl: url,
      deviceId: dev.file.deviceId,
      privateKey: dev.privateKey,
      publicKey: dev.publicKey,
      spool,
      fetch: flaky,
      initialBackoffMs: 50,
    });
    up.start();
    const end = Date.now() + 20_000;
    while (spool.list().length > 0 && Date.now() < end) await sleep(50);
    await up.stop();
    expect(spool.list()).toHaveLength(0);
    expect(up.status().failures).toBe(2);
    expect(up.status().uploaded).toBe(files.length);

    // the same batches again: the vault answers 200 (duplicate), and they leave the spool
    for (const f of files) copyFileSync(join(keep, f), join(spoolDir, "batches", f));
    const again = Spool.open(spoolDir);
    const up2 = new Uploader({
      vaultUrl: url,
      deviceId: dev.file.deviceId,
      privateKey: dev.privateKey,
      publicKey: dev.publicKey,
      spool: again,
    });
    expect(await up2.pass()).toBe(true);
    expect(up2.status().duplicates).toBe(files.length);
    expect(again.list()).toHaveLength(0);

    // signed by a key the vault does not know for this device: refused (401), kept in the spool
    for (const f of files) copyFileSync(join(keep, f), join(spoolDir, "batches", f));
    const third = Spool.open(spoolDir);
    const wrong = new Uploader({
      vaultUrl: url,
      deviceId: dev.file.deviceId,
      privateKey: new Uint8Array(32).fill(1),
      publicKey: dev.publicKey,
      spool: third,
    });
    expect(await wrong.pass()).toBe(true);
    expect(wrong.status().rejected).toBe(files.length);
    expect(wrong.status().lastError).toMatch(/401/);
    expect(third.list()).toHaveLength(files.length);
  }, 60_000);
});

describe("control socket", () => {
  it("answers status, pause and resume; refuses a second recorder on the same state directory", async () => {
    const state = tempDir("tv-state-");
    let paused = false;
    const server = new ControlServer(state, {
      status: () => ({ paused }),
      pause: () => ((paused = true), { paused }),
      resume: () => ((paused = false), { paused }),
      stop: () => ({ stopping: true }),
    });
    await server.listen();
    expect(statSync(join(state, "control.sock")).mode & 0o777).toBe(0o600);
    expect(await sendControl(state, "pause")).toEqual({ ok: true, paused: true });
    expect(await sendControl(state, "status")).toEqual({ ok: true, paused: true });
    expect(await sendControl(state, "resume")).toEqual({ ok: true, paused: false });
    const second = new ControlServer(state, server as never);
    await expect(second.listen()).rejects.toThrow(/already running/);
    await server.close();
    await expect(sendControl(state, "status")).rejects.toThrow(/no recorder is running/);
  });
});
