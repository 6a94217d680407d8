/**
 * The recorder under Xvfb + openbox, driven by xdotool, through the real `tracevault record` command:
 * - kill -9 in the middle of a session, restart: nothing sealed before is lost or corrupt;
 * - an application the privacy policy excludes (a password manager) is focused: nothing from it is recorded,
 *   not even its title, and it is blacked out of screenshots while visible;
 * - no display, no RECORD extension, the display dying mid-session: one clear error, exit, no crash loop.
 * Needs Xvfb, openbox, xdotool, xterm and tesseract; the CLI must be built.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import sharp from "sharp";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import type { RawEvent } from "@tracevault/core";
import { tesseractAvailable } from "../packages/recorder/src/capture/ocr.js";
import { findWindowByTitle, startXterm, xdotool } from "./support/apps.js";
import { hasBinary, startXvfb, xvfbSkipReason, type XSession } from "./support/xvfb.js";
import { cliSync, runCli } from "../packages/recorder/test/e2e-helpers.js";
import { generateVaultKeys, serializeVaultKeys, signManifest } from "@tracevault/crypto";

const CLI_BUILT = existsSync(
  fileURLToPath(new URL("../packages/cli/dist/commands/record.js", import.meta.url)),
);
const skip =
  xvfbSkipReason() ??
  (hasBinary("xterm") ? undefined : "xterm not installed") ??
  (tesseractAvailable() ? undefined : "tesseract not installed") ??
  (CLI_BUILT
    ? undefined
    : "CLI not built (npx tsc -b packages/recorder/tsconfig.json packages/cli/tsconfig.json)");
if (skip) console.warn(`[recorder-robustness] skipped: ${skip}`);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const made: string[] = [];
afterAll(() => {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
});

function setupDir(
  name: string,
  screenshots: boolean,
): { dir: string; base: string[]; spool: string; state: string } {
  const dir = join(tmpdir(), `tv-e2e-${name}-${process.pid}-${Date.now()}`);
  mkdirSync(join(dir, "state"), { recursive: true });
  const keys = generateVaultKeys();
  const f = serializeVaultKeys(keys);
  writeFileSync(join(dir, "vault.key"), f.key, { mode: 0o600 });
  writeFileSync(join(dir, "vault.pub"), f.pub);
  const channels = ["keyboard", "mouse", "window", ...(screenshots ? ["screenshots"] : [])] as (
    "keyboard" | "mouse" | "window" | "screenshots"
  )[];
  const m = {
    schema: "tracevault/manifest/v1" as const,
    id: "robust",
    version: 1,
    title: "Robustness",
    issuedAt: new Date().toISOString(),
    channels,
    ...(screenshots
      ? {
          screenshots: {
            trigger: "actions" as const,
            maxPerMinute: 120,
            maxWidth: 1280,
            format: "png" as const,
            quality: 80,
            redactText: true,
          },
        }
      : {}),
    sensitivityCap: 3 as const,
    scope: { mode: "exclude" as const, apps: [], sites: [], titles: [], useDefaultExclusions: true },
    retentionDays: 30,
    purposes: ["agent-training"],
    privacyPolicyVersion: "1",
  };
  writeFileSync(
    join(dir, "signed.json"),
    JSON.stringify(signManifest(m, keys.sign.privateKey, keys.sign.publicKey)),
  );
  if (!process.env.TRACEVAULT_KEEP_E2E) made.push(dir);
  const base = [
    "--offline",
    "--vault-pub",
    join(dir, "vault.pub"),
    "--manifest",
    join(dir, "signed.json"),
    "--state",
    join(dir, "state"),
  ];
  return { dir, base, spool: join(dir, "spool"), state: join(dir, "state") };
}

function readEvents(dir: string): RawEvent[] {
  return readFileSync(join(dir, "episode", "raw", "events.jsonl"), "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as RawEvent);
}

const typed = (evs: RawEvent[]) => evs.map((e) => (e.kind === "key_down" ? (e.char ?? "") : "")).join("");

function childrenOf(pid: number): number[] {
  const r = spawnSync("ps", ["-o", "pid=", "--ppid", String(pid)], { encoding: "utf8" });
  return r.stdout
    .split("\n")
    .map((s) => Number(s.trim()))
    .filter((n) => n > 0);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe.skipIf(!!skip)("recorder robustness under Xvfb", () => {
  const cleanup: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const c of cleanup.splice(0).reverse()) await Promise.resolve(c()).catch(() => undefined);
  });

  function spawnXterm(x: XSession, args: string[]): ChildProcess {
    const p = spawn("xterm", args, { env: x.env, stdio: "ignore" });
    cleanup.push(() => void p.kill("SIGKILL"));
    return p;
  }

  it("kill -9 mid-session, then restart: every batch sealed before is intact, nothing earlier is lost", async () => {
    const x = await startXvfb();
    cleanup.push(() => x.stop());
    const s = setupDir("kill", false);
    const env = { ...x.env };
    expect(cliSync(["record", "--acknowledge", "--yes", ...s.base], env).code).toBe(0);
    const term = await startXterm(x, "work shell", { geometry: "100x30+0+0" });
    cleanup.push(() => term.stop());

    const r1 = runCli(["record", ...s.base, "--spool", s.spool, "--batch-seconds", "0.5", "--quiet"], env);
    cleanup.push(() => void r1.proc.kill("SIGKILL"));
    await r1.waitFor(/tracevault: recording/);
    await sleep(500);
    await xdotool(x, "type", "--delay", 25, "first session alpha words");
    await xdotool(x, "key", "Return");
    await sleep(2500); // sealed (batches every 0.5 s once events settle)
    // Keyboard and mouse are read in the recorder process (RECORD): no helper process to outlive it. Any
    // child it has (the uiohook child with TRACEVAULT_INPUT_BACKEND=uiohook) must go with it.
    const kids = childrenOf(r1.proc.pid!);
    if (process.env.TRACEVAULT_INPUT_BACKEND !== "uiohook") expect(kids).toEqual([]);
    else expect(kids.length).toBeGreaterThan(0);
    await xdotool(x, "type", "--delay", 25, "lost");
    r1.proc.kill("SIGKILL");
    await r1.exited;
    const killedAt = Date.now();
    const end = killedAt + 10_000;
    while (kids.some(alive) && Date.now() < end) await sleep(50);
    if (kids.length)
      console.log(
        `[recorder-robustness] input hook child gone ${Date.now() - killedAt} ms after kill -9 of the recorder`,
      );
    for (const k of kids)
      expect(
        alive(k),
        `child ${k} still alive: ${spawnSync("ps", ["-o", "pid,stat,args", "-p", String(k)], { encoding: "utf8" }).stdout.slice(0, 300)}`,
      ).toBe(false);

    const r2 = runCli(["record", ...s.base, "--spool", s.spool, "--batch-seconds", "0.5", "--quiet"], env);
    cleanup.push(() => void r2.proc.kill("SIGKILL"));
    await r2.waitFor(/tracevault: recording/);
    await sleep(500);
    await xdotool(x, "type", "--delay", 25, "second session beta");
    await sleep(1200);
    expect(cliSync(["record", "--stop", "--state", s.state], env).code).toBe(0);
    expect(await r2.exited).toBe(0);
    expect(readdirSync(join(s.spool, "tmp"))).toEqual([]);

    const open = cliSync(
      [
        "spool",
        "open",
        "--spool",
        s.spool,
        "--vault-key",
        join(s.dir, "vault.key"),
        "--out",
        join(s.dir, "episode"),
      ],
      env,
    );
    expect(open.code, open.err).toBe(0);
    const sum = JSON.parse(open.out) as { bad_batches: unknown[]; batches: number };
    expect(sum.bad_batches).toEqual([]);
    const batches = readFileSync(join(s.dir, "episode", "raw", "batches.jsonl"), "utf8")
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { header: { seq: number; batchId: string } });
    const seqs = batches.map((b) => b.header.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
    const t = typed(readEvents(s.dir));
    expect(t).toContain("first session alpha words");
    expect(t).toContain("second session beta");
  }, 120_000);

  it("an excluded application focused: nothing from it (keys, clicks, title); blacked out while visible", async () => {
    const x = await startXvfb();
    cleanup.push(() => x.stop());
    const s = setupDir("excl", true);
    const env = { ...x.env };
    expect(cliSync(["record", "--acknowledge", "--yes", ...s.base], env).code).toBe(0);
    const work = await startXterm(x, "work shell", { geometry: "70x20+0+0", fontSize: 14 });
    cleanup.push(() => work.stop());
    spawnXterm(x, [
      "-class",
      "KeePassXC",
      "-T",
      "Passwords.kdbx - KeePassXC",
      "-geometry",
      "50x15+760+300",
      "-fa",
      "Monospace",
      "-fs",
      "14",
      "-xrm",
      "XTerm*allowTitleOps: false",
      "-e",
      "cat",
    ]);
    const vaultWin = await findWindowByTitle(x, "Passwords.kdbx - KeePassXC");
    const geo = await xdotool(x, "getwindowgeometry", "--shell", vaultWin);
    const g = Object.fromEntries(
      geo
        .trim()
        .split("\n")
        .map((l) => l.split("="))
        .map(([k, v]) => [k, Number(v)]),
    );
    await work.activate();

    const r = runCli(["record", ...s.base, "--spool", s.spool, "--batch-seconds", "0.5", "--quiet"], env);
    cleanup.push(() => void r.proc.kill("SIGKILL"));
    await r.waitFor(/tracevault: recording/);
    await sleep(500);
    await xdotool(x, "type", "--delay", 25, "normal words one");
    await sleep(1500); // an "after" frame with the password manager visible beside
    const exclFrom = Date.now();
    await xdotool(x, "windowactivate", "--sync", vaultWin);
    await sleep(200);
    await xdotool(x, "type", "--delay", 25, "diarysecret hunter2");
    await xdotool(x, "mousemove", g.X + 40, g.Y + 40, "mousedown", 1, "mouseup", 1);
    await sleep(1500);
    await work.activate();
    const exclTo = Date.now();
    await sleep(200);
    await xdotool(x, "type", "--delay", 25, " two");
    await sleep(2000);
    expect(cliSync(["record", "--stop", "--state", s.state], env).code).toBe(0);
    expect(await r.exited).toBe(0);
    const open = cliSync(
      [
        "spool",
        "open",
        "--spool",
        s.spool,
        "--vault-key",
        join(s.dir, "vault.key"),
        "--out",
        join(s.dir, "episode"),
      ],
      env,
    );
    expect(open.code, open.err).toBe(0);
    const events = readEvents(s.dir);
    const json = JSON.stringify(events);
    for (const bad of ["KeePass", "kdbx", "Passwords", "diarysecret", "hunter2"])
      expect(json).not.toContain(bad);
    expect(typed(events)).toContain("normal words one");
    expect(typed(events)).toContain(" two");
    expect(typed(events)).not.toContain("diary");
    expect(events.some((e) => e.kind === "marker" && e.name === "excluded")).toBe(true);
    const downs = events.filter((e) => e.kind === "mouse_down") as { x: number; y: number }[];
    expect(downs.some((d) => Math.abs(d.x - (g.X + 40)) < 3 && Math.abs(d.y - (g.Y + 40)) < 3)).toBe(false);
    const shots = events.filter((e) => e.kind === "screenshot") as { t: number; ref: string }[];
    expect(shots.length).toBeGreaterThan(0);
    console.log(
      `[recorder-robustness] password manager window at ${JSON.stringify(g)}, ${shots.length} frames`,
    );
    // no frame while the password manager had focus
    expect(shots.filter((f) => f.t > exclFrom + 300 && f.t < exclTo - 100)).toEqual([]);
    // while visible beside the focused terminal, it is black
    let checked = 0;
    for (const f of shots) {
      const { data, info } = await sharp(readFileSync(join(s.dir, "episode", "raw", f.ref)))
        .extract({
          left: g.X + 10,
          top: g.Y + 10,
          width: Math.min(g.WIDTH, 1280 - g.X) - 20,
          height: Math.min(g.HEIGHT, 800 - g.Y) - 20,
        })
        .removeAlpha()
        .raw()
        .toBuffer({ resolveWithObject: true });
      let sum = 0;
      for (let i = 0; i < data.length; i++) sum += data[i]!;
      expect(sum / (info.width * info.height * 3)).toBeLessThan(5);
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  }, 120_000);

  it("no display / no RECORD: one clear error, non-zero exit, no hook process left", async () => {
    const s = setupDir("nodisp", false);
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env.DISPLAY;
    expect(cliSync(["record", "--acknowledge", "--yes", ...s.base], env).code).toBe(0);
    const t0 = Date.now();
    const r = cliSync(["record", ...s.base, "--spool", s.spool], env);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/cannot record: no X display: DISPLAY is not set/);
    expect(Date.now() - t0).toBeLessThan(20_000);

    const x = await startXvfb({ disableRecord: true });
    cleanup.push(() => x.stop());
    const r2 = cliSync(["record", ...s.base, "--spool", s.spool], { ...x.env });
    expect(r2.code).toBe(1);
    expect(r2.err).toMatch(new RegExp(`cannot record: display ${x.display} has no RECORD extension`));
    expect(r2.err.match(/cannot record/g)).toHaveLength(1);
  }, 60_000);

  it("the display dies mid-session: a clear error, exit, no crash loop; what was sealed before is intact", async () => {
    const x = await startXvfb();
    const s = setupDir("die", false);
    const env = { ...x.env };
    expect(cliSync(["record", "--acknowledge", "--yes", ...s.base], env).code).toBe(0);
    const term = await startXterm(x, "work shell", { geometry: "100x30+0+0" });
    cleanup.push(() => term.stop());
    const r = runCli(["record", ...s.base, "--spool", s.spool, "--batch-seconds", "0.5", "--quiet"], env);
    cleanup.push(() => void r.proc.kill("SIGKILL"));
    await r.waitFor(/tracevault: recording/);
    await sleep(500);
    await xdotool(x, "type", "--delay", 25, "before the crash");
    await sleep(2000);
    const t0 = Date.now();
    await x.killServer();
    const code = await Promise.race([r.exited, sleep(45_000).then(() => "timeout" as const)]);
    expect(code).toBe(1);
    expect(Date.now() - t0).toBeLessThan(45_000);
    expect(r.err()).toMatch(/recording stopped: .*display :\d+ went away/);
    expect((r.err().match(/input hook restarted/g) ?? []).length).toBeLessThanOrEqual(3);
    await x.stop();
    const open = cliSync(
      [
        "spool",
        "open",
        "--spool",
        s.spool,
        "--vault-key",
        join(s.dir, "vault.key"),
        "--out",
        join(s.dir, "episode"),
      ],
      {},
    );
    expect(open.code, open.err).toBe(0);
    expect(typed(readEvents(s.dir))).toContain("before the crash");
  }, 90_000);
});
