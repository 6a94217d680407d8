/**
 * `tracevault record --vault URL --enroll TOKEN` end to end: a real vault (started in this test process; the
 * recorder only talks HTTP to it), enrollment with a one-time token, the signed manifest acknowledged,
 * recording under Xvfb, signed uploads, the spool emptied only after the vault confirmed, and a new manifest
 * version refused until it is acknowledged. Needs Xvfb, openbox, xdotool, xterm; the CLI must be built.
 */
import { existsSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestVault, testManifest, type TestVault } from "../packages/vault/test/helpers.js";
import { cliAsync, runCli } from "../packages/recorder/test/e2e-helpers.js";
import { attachFleetChannel } from "../packages/vault/src/fleet/index.js";
import { startXterm, xdotool } from "./support/apps.js";
import { hasBinary, startXvfb, xvfbSkipReason, type XSession } from "./support/xvfb.js";

const CLI_BUILT = existsSync(
  fileURLToPath(new URL("../packages/cli/dist/commands/record.js", import.meta.url)),
);
const skip =
  xvfbSkipReason() ??
  (hasBinary("xterm") ? undefined : "xterm not installed") ??
  (CLI_BUILT
    ? undefined
    : "CLI not built (npx tsc -b packages/recorder/tsconfig.json packages/cli/tsconfig.json)");
if (skip) console.warn(`[recorder-online] skipped: ${skip}`);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!!skip)("recorder → vault: enroll, acknowledge, record, upload", () => {
  let t: TestVault;
  let url: string;
  let x: XSession;
  const state = join(tmpdir(), `tv-e2e-online-${process.pid}-${Date.now()}`);

  beforeAll(async () => {
    // the recorder records only under a lease, granted over the fleet channel; the vault refuses anything else
    t = await startTestVault({ requireLease: true });
    await attachFleetChannel(t.app, t.vault, { detectors: false });
    url = await t.app.listen({ port: 0, host: "127.0.0.1" });
    x = await startXvfb();
  }, 60_000);
  afterAll(async () => {
    await x?.stop();
    await t?.app.close();
    await t?.vault.close();
    if (!process.env.TRACEVAULT_KEEP_E2E) {
      rmSync(state, { recursive: true, force: true });
      if (t) rmSync(t.dir, { recursive: true, force: true });
    }
  });

  it("uploads every sealed batch, signed, and deletes it from the spool only once stored", async () => {
    const token = (
      await t.app.inject({
        method: "POST",
        url: "/api/v1/enrollments",
        headers: t.as("fleet_admin", "operations"),
        payload: { person: "alice" },
      })
    ).json().token as string;
    const env = { ...x.env };
    // not acknowledged yet: refused, but enrolled
    const first = await cliAsync(["record", "--vault", url, "--enroll", token, "--state", state], env);
    expect(first.code, first.err).toBe(1);
    expect(first.err).toMatch(/enrolled as device/);
    expect(first.err).toMatch(/not recording: manifest 'test' version 1 .* has not been acknowledged/);
    expect(statSync(join(state, "device.key")).mode & 0o777).toBe(0o600);
    const ack = await cliAsync(["record", "--acknowledge", "--yes", "--vault", url, "--state", state], env);
    expect(ack.code, ack.err).toBe(0);
    expect(ack.out).toMatch(/Test collection — manifest test v1/);

    const term = await startXterm(x, "work shell", { geometry: "100x30+0+0" });
    const r = runCli(
      ["record", "--vault", url, "--state", state, "--batch-seconds", "0.5", "--status-every", "1"],
      env,
    );
    await r.waitFor(/tracevault: recording/);
    await sleep(500);
    await xdotool(x, "type", "--delay", 25, "uploaded words mail jane.doe@example.com end");
    await xdotool(x, "key", "Return");
    await sleep(3000);
    const st = await cliAsync(["record", "--status", "--json", "--state", state], env);
    expect(st.code).toBe(0);
    const status = JSON.parse(st.out) as { upload: { uploaded: number } };
    expect(status.upload.uploaded).toBeGreaterThan(0);
    expect((await cliAsync(["record", "--stop", "--state", state], env)).code).toBe(0);
    expect(await r.exited, r.err()).toBe(0);
    await term.stop();
    expect(readdirSync(join(state, "spool", "batches"))).toEqual([]);

    const mine = (
      await t.app.inject({ method: "GET", url: "/api/v1/me/batches", headers: t.as("person", "self-access") })
    ).json().batches as { batch_id: string }[];
    expect(mine.length).toBeGreaterThan(0);
    let typed = "";
    for (const b of mine) {
      const got = await t.app.inject({
        method: "GET",
        url: `/api/v1/batches/${b.batch_id}`,
        headers: t.as("person", "self-access"),
      });
      expect(got.statusCode).toBe(200);
      const body = got.json() as {
        payload?: { events: { kind: string; char?: string }[] };
        events?: { kind: string; char?: string }[];
      };
      const events = body.payload?.events ?? body.events ?? [];
      typed += events.map((e) => (e.kind === "key_down" ? (e.char ?? "") : "")).join("");
    }
    expect(typed).toContain("uploaded words");
    expect(typed).not.toContain("jane");
  }, 120_000);

  it("a new manifest version stops recording until it is acknowledged", async () => {
    const pub = await t.app.inject({
      method: "POST",
      url: "/api/v1/manifests",
      headers: t.as("fleet_admin", "operations"),
      payload: testManifest({ version: 2, title: "Test collection, now with more" }),
    });
    expect(pub.statusCode, pub.body).toBe(200);
    const r = await cliAsync(["record", "--vault", url, "--state", state, "--duration", "1"], { ...x.env });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/manifest 'test' version 2 .* changed since you acknowledged version 1/);
  });
});
