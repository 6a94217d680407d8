/**
 * Fleet control end to end with the real `tracevault record --vault` under Xvfb (X11 capture sources →
 * filter → sealed batches in the spool → upload), against a real vault process serving the fleet channel.
 *
 * - it records only while it holds the vault's lease (the person's local acknowledgement is passed on);
 * - pause → the recorder stops its sources, flushes, acknowledges, says so; text typed with xdotool after the
 *   acknowledgement appears nowhere (in no batch in the spool, none in the vault, no file);
 * - resume → it records again;
 * - a new manifest version → recording stops until the person acknowledges it (`record --acknowledge`, which
 *   tells the running recorder), with what changed on stderr, then resumes under the new version;
 * - the vault killed → the recorder stops by itself within the lease expiry and says so (stderr and
 *   `record --status`); text typed afterwards appears nowhere; the vault back → recording again;
 * - the device revoked → it stops, says so and exits.
 *
 * Needs Xvfb, openbox, xdotool, xterm and the built vault and CLI; skipped otherwise.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BatchPayload, type RawEvent } from "@tracevault/core";
import { openBatch } from "@tracevault/crypto";
import { readStoredBatch } from "../packages/vault/src/ingest.js";
import { startTestVault, testManifest, type TestVault } from "../packages/vault/test/helpers.js";
import { cliAsync, runCli, type RecorderProc } from "../packages/recorder/test/e2e-helpers.js";
import { startXterm, xdotool, type AppWindow } from "./support/apps.js";
import { startXvfb, xvfbSkipReason, type XSession } from "./support/xvfb.js";
import { VAULT_BUILT, freePort, sleep, startNode, type NodeConfig, type VaultNode } from "./fleet-support.js";

/** An API answer (checked by the assertions). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;
const CLI_BUILT = existsSync(
  fileURLToPath(new URL("../packages/cli/dist/commands/record.js", import.meta.url)),
);
const skip =
  xvfbSkipReason() ??
  (VAULT_BUILT ? undefined : "vault not built (npx tsc -b packages/vault/tsconfig.json)") ??
  (CLI_BUILT ? undefined : "CLI not built (npx tsc -b packages/cli/tsconfig.json)");
if (skip) console.warn(`[fleet-recorder] skipped: ${skip}`);

const TTL = 6000;

let x: XSession;
let term: AppWindow;
let t: TestVault;
let node: VaultNode;
let nodeCfg: NodeConfig;
let rec: RecorderProc;
let dir: string;
let state: string;
let env: NodeJS.ProcessEnv;
let deviceId = "";

function typed(events: RawEvent[]): string {
  return events.map((e) => (e.kind === "key_down" ? (e.char ?? "") : "")).join("");
}

function allFiles(d: string): string[] {
  const out: string[] = [];
  for (const f of readdirSync(d)) {
    const p = join(d, f);
    const st = statSync(p, { throwIfNoEntry: false });
    if (st?.isDirectory()) out.push(...allFiles(p));
    else if (st?.isFile()) out.push(p);
  }
  return out;
}

async function waitFor(pred: () => boolean | Promise<boolean>, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (!(await pred())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}\nrecorder stderr:\n${rec?.err()}`);
    await sleep(50);
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

/** `tracevault record --status --json` of the running recorder. */
async function status(): Promise<Json> {
  const r = await cliAsync(["record", "--status", "--json", "--state", state], env);
  if (r.code !== 0) throw new Error(`record --status: ${r.code} ${r.err}`);
  return JSON.parse(r.out) as Json;
}

const isRecording = async () => {
  const s = await status();
  return s.lease?.canRecord === true && s.status?.state === "recording";
};

/** Every batch the recorder sealed: still in its spool, or stored by the vault (it deletes only after that). */
async function everything(): Promise<{ text: string; manifests: string[] }> {
  let text = "";
  const manifests: string[] = [];
  const spoolDir = join(state, "spool", "batches");
  for (const f of existsSync(spoolDir) ? readdirSync(spoolDir) : []) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(join(spoolDir, f));
    } catch {
      continue; // uploaded and deleted meanwhile: read from the vault below
    }
    const { header, payload } = openBatch(bytes, t.vault.keys.seal.privateKey);
    manifests.push(header.manifestHash);
    text += typed(BatchPayload.parse(JSON.parse(gunzipSync(payload).toString("utf8"))).events);
  }
  const rows = await t.vault.db.query<{ batch_id: string; manifest_hash: string }>(
    "SELECT batch_id, manifest_hash FROM batches WHERE device_id = $1 ORDER BY seq",
    [deviceId],
  );
  for (const row of rows) {
    manifests.push(row.manifest_hash);
    text += typed((await readStoredBatch(t.vault, row.batch_id))!.payload.events);
  }
  return { text, manifests };
}

/** Type a line (Enter ends it: typed text is held until a break such as Enter, a click or a focus change). */
async function type(text: string): Promise<void> {
  await term.activate();
  await xdotool(x, "type", "--delay", 25, text);
  await xdotool(x, "key", "Return");
}

async function captured(word: string): Promise<void> {
  await waitFor(async () => (await everything()).text.includes(word), 15_000, `'${word}' to be recorded`);
}

async function nowhere(word: string): Promise<void> {
  expect((await everything()).text).not.toContain(word);
  for (const f of allFiles(dir)) expect(readFileSync(f).includes(Buffer.from(word)), f).toBe(false);
}

describe.skipIf(!!skip)("tracevault record --vault under fleet control (Xvfb)", () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "tv-fleet-rec-"));
    state = join(dir, "state");
    mkdirSync(join(dir, "vault"));
    t = await startTestVault({}, join(dir, "vault"));
    nodeCfg = {
      dataDir: join(dir, "vault"),
      nodeId: "rec-node",
      ttlMs: TTL,
      resyncMs: 300,
      port: await freePort(),
    };
    node = await startNode(nodeCfg);
    x = await startXvfb();
    env = { ...x.env };
    term = await startXterm(x, "tv-fleet-term", { geometry: "100x20+0+0" });
  }, 60_000);

  afterAll(async () => {
    if (rec && rec.proc.exitCode === null) {
      rec.proc.kill("SIGTERM");
      await rec.exited;
    }
    await node?.stop();
    await term?.stop();
    await x?.stop();
    await t?.app.close();
    await t?.vault.close();
  });

  it("records only under the vault's lease; the person's acknowledgement is passed on to the vault", async () => {
    const token = (
      await t.app.inject({
        method: "POST",
        url: "/api/v1/enrollments",
        headers: t.as("fleet_admin", "operations"),
        payload: { person: "alice" },
      })
    ).json().token as string;
    // enroll and acknowledge the manifest on this machine; the vault has no decision of alice's yet
    const ack = await cliAsync(
      ["record", "--acknowledge", "--yes", "--vault", node.url, "--enroll", token, "--state", state],
      env,
    );
    expect(ack.code, ack.err).toBe(0);
    deviceId = JSON.parse(readFileSync(join(state, "device.json"), "utf8")).deviceId as string;
    rec = runCli(
      ["record", "--vault", node.url, "--state", state, "--batch-seconds", "0.5", "--status-every", "1"],
      env,
      process.env.TV_E2E_LOGS,
    );
    await rec.waitFor(/recording under lease l-/, 30_000);
    const consent = await t.app.inject({
      method: "GET",
      url: "/api/v1/me/consent",
      headers: t.as("person", "self-access"),
    });
    expect(consent.json().current).toMatchObject({ hash: t.manifestHash, decision: "acknowledge" });
    const st = await status();
    expect(st.lease).toMatchObject({ status: "recording", canRecord: true });
    await type("alphaone words ");
    await captured("alphaone");
    await waitFor(
      async () =>
        (
          await t.vault.db.query<{ n: number }>("SELECT COUNT(*) AS n FROM batches WHERE device_id = $1", [
            deviceId,
          ])
        )[0]!.n > 0,
      15_000,
      "the upload",
    );
  }, 90_000);

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
    expect(rec.err()).toMatch(/recording stopped: paused by the fleet admin: e2e pause/);
    const s = await status();
    expect(s.lease).toMatchObject({ status: "paused", canRecord: false });
    expect(s.status.state).not.toBe("recording");
    const line = await cliAsync(["record", "--status", "--state", state], env);
    expect(line.out).toMatch(/NOT RECORDING \(paused by the fleet admin: e2e pause\)/);
    await type("zebrapaused never ");
    await sleep(2500);
    await nowhere("zebrapaused");
    const fleet = await api("GET", "/api/v1/fleet/status");
    expect(fleet.recorders.find((r: { person: string }) => r.person === "alice")).toMatchObject({
      state: "paused",
      connected: true,
    });
  }, 60_000);

  it("resume → it records again", async () => {
    await api("POST", "/api/v1/fleet/resume", { scope: { kind: "all" } });
    await waitFor(isRecording, 10_000, "recording after resume");
    await type("bravotwo again ");
    await captured("bravotwo");
    await nowhere("zebrapaused");
  }, 60_000);

  it("a new manifest version stops recording until the person acknowledges it (after seeing what changed)", async () => {
    const pub = await t.app.inject({
      method: "POST",
      url: "/api/v1/manifests",
      headers: t.as("fleet_admin", "operations"),
      payload: testManifest({ version: 2, retentionDays: 90 }),
    });
    expect(pub.statusCode, pub.body).toBe(200);
    const v2 = pub.json().hash as string;
    await rec.waitFor(
      /not recording until manifest 'test' v2 is acknowledged; what changed: kept for 90 days \(was 30\)/,
      10_000,
    );
    const s = await status();
    expect(s.lease).toMatchObject({ status: "consent", canRecord: false });
    expect(s.lease.consent).toMatchObject({ hash: v2, changes: ["kept for 90 days (was 30)"] });
    expect(s.status.state).not.toBe("recording");
    await type("charlieconsent none ");
    await sleep(2000);
    await nowhere("charlieconsent");
    // the person reads the new version and acknowledges it; the running recorder passes it on
    const ack = await cliAsync(
      ["record", "--acknowledge", "--yes", "--vault", node.url, "--state", state],
      env,
    );
    expect(ack.code, ack.err).toBe(0);
    expect(ack.out).toMatch(/kept for 90 days/);
    expect(ack.out).toMatch(/running recorder: acknowledgement sent to the vault/);
    await waitFor(isRecording, 15_000, "recording under v2");
    await type("deltaacked yes ");
    await captured("deltaacked");
    const all = await everything();
    expect(all.manifests.at(-1)).toBe(v2);
    await nowhere("charlieconsent");
  }, 90_000);

  it("kill the vault → the recorder stops by itself within the lease expiry and says so; later keys appear nowhere", async () => {
    await sleep(1000);
    const killedAt = Date.now();
    await node.kill();
    // the recorder's own words, as they come (a `record --status` process takes too long to start to time this)
    const expired = /recording stopped: the lease expired: no renewal from the vault/;
    const end = killedAt + TTL + 3000;
    while (!expired.test(rec.err()) && Date.now() < end) await sleep(20);
    const after = Date.now() - killedAt;
    console.log(`[fleet-recorder] vault killed: recording stopped after ${after} ms (lease ${TTL} ms)`);
    expect(rec.err()).toMatch(expired);
    expect(after).toBeLessThanOrEqual(TTL + 250);
    const s = await status();
    expect(s.lease).toMatchObject({ status: "expired", canRecord: false });
    expect(s.status.state).not.toBe("recording");
    const line = await cliAsync(["record", "--status", "--state", state], env);
    expect(line.out).toMatch(/NOT RECORDING \(the lease expired: no renewal from the vault/);
    await type("echokilled gone ");
    await sleep(2000);
    await nowhere("echokilled");
  }, 60_000);

  it("the vault back → recording again; revoked → stops, says so and exits", async () => {
    node = await startNode(nodeCfg);
    await waitFor(isRecording, 30_000, "recording after the vault came back");
    await api("POST", `/api/v1/devices/${deviceId}/revoke`, {});
    const code = await rec.exited;
    expect(code).toBe(1);
    expect(rec.err()).toMatch(
      /this device may no longer record: (this device has been revoked|revoked by a fleet admin)/,
    );
    await nowhere("echokilled");
  }, 60_000);
});
