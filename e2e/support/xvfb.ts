/**
 * Test support: a real X display for end-to-end tests. Starts Xvfb on a display number Xvfb picks itself
 * (`-displayfd`, so parallel test files and other sessions never collide), optionally without the RECORD
 * extension, and openbox (needed for `_NET_ACTIVE_WINDOW`). Every process is stopped by its own PID.
 *
 * Facts this relies on (see shared/docs/platform-notes.md): `-noreset` keeps the pointer where xdotool put it
 * between two xdotool calls; without a window manager there is no active window.
 */
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { delimiter, join } from "node:path";

export interface XSessionOptions {
  width?: number;
  height?: number;
  depth?: number;
  /** Start Xvfb with `-extension RECORD` (RECORD disabled): global input hooks cannot work. */
  disableRecord?: boolean;
  /** Start openbox (default true). */
  windowManager?: boolean;
}

export interface XSession {
  /** e.g. ":3" */
  readonly display: string;
  /** process.env with DISPLAY set to this display. */
  readonly env: NodeJS.ProcessEnv;
  readonly xvfbPid: number;
  /** Kill the X server abruptly (SIGKILL), as if it crashed. Clients lose their connection. */
  killServer(): Promise<void>;
  /** Stop openbox and Xvfb (idempotent). */
  stop(): Promise<void>;
}

/** True when an executable of this name is on PATH. */
export function hasBinary(name: string): boolean {
  return (process.env.PATH ?? "").split(delimiter).some((dir) => dir !== "" && existsSync(join(dir, name)));
}

/** True when Xvfb, openbox and xdotool are installed (the e2e capture tests need all three). */
export function haveXvfb(): boolean {
  return hasBinary("Xvfb") && hasBinary("openbox") && hasBinary("xdotool");
}

/** Why the X e2e tests are skipped, or undefined when they can run. */
export function xvfbSkipReason(): string | undefined {
  if (haveXvfb()) return undefined;
  return "Xvfb/openbox/xdotool not installed (apt-get install xvfb openbox xdotool x11-utils xterm): X e2e tests skipped";
}

const started = new Set<ChildProcess>();
let exitHook = false;
function track(p: ChildProcess): void {
  started.add(p);
  p.once("exit", () => started.delete(p));
  if (!exitHook) {
    exitHook = true;
    process.once("exit", () => {
      for (const c of started) if (c.exitCode === null && c.pid !== undefined) c.kill("SIGKILL");
    });
  }
}

function waitExit(p: ChildProcess, ms: number): Promise<void> {
  if (p.exitCode !== null || p.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const t = setTimeout(() => {
      p.kill("SIGKILL");
      resolve();
    }, ms);
    p.once("exit", () => {
      clearTimeout(t);
      resolve();
    });
  });
}

/** Run a command with DISPLAY set; resolves with stdout. */
export function run(
  env: NodeJS.ProcessEnv,
  cmd: string,
  args: string[],
  timeoutMs = 10_000,
): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { env, timeout: timeoutMs, maxBuffer: 16 << 20 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${cmd} ${args.join(" ")} failed: ${err.message} ${stderr}`));
      else resolve(stdout);
    });
  });
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Start Xvfb (and openbox) on a free display. */
export async function startXvfb(opts: XSessionOptions = {}): Promise<XSession> {
  const { width = 1280, height = 800, depth = 24, disableRecord = false, windowManager = true } = opts;
  const args = [
    "-displayfd",
    "3",
    "-screen",
    "0",
    `${width}x${height}x${depth}`,
    "-noreset",
    "-nolisten",
    "tcp",
  ];
  if (disableRecord) args.push("-extension", "RECORD");
  const xvfb = spawn("Xvfb", args, { stdio: ["ignore", "ignore", "pipe", "pipe"] });
  track(xvfb);
  let stderr = "";
  xvfb.stderr!.on("data", (c: Buffer) => (stderr += c.toString()));
  const num = await new Promise<string>((resolve, reject) => {
    let buf = "";
    const t = setTimeout(() => reject(new Error(`Xvfb did not start in 10 s: ${stderr}`)), 10_000);
    (xvfb.stdio[3] as NodeJS.ReadableStream).on("data", (c: Buffer) => {
      buf += c.toString();
      const m = /^(\d+)\n/.exec(buf);
      if (m) {
        clearTimeout(t);
        resolve(m[1]!);
      }
    });
    xvfb.once("exit", (code) => {
      clearTimeout(t);
      reject(new Error(`Xvfb exited (${code}) before it was ready: ${stderr}`));
    });
  });
  const display = `:${num}`;
  const env: NodeJS.ProcessEnv = { ...process.env, DISPLAY: display };
  delete env.WAYLAND_DISPLAY;

  let wm: ChildProcess | undefined;
  if (windowManager) {
    wm = spawn("openbox", [], { env, stdio: "ignore" });
    track(wm);
    await waitFor(
      async () => (await run(env, "xprop", ["-root", "_NET_SUPPORTING_WM_CHECK"])).includes("window id"),
      10_000,
      "openbox",
    );
  }

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (wm) {
      wm.kill("SIGTERM");
      await waitExit(wm, 3000);
    }
    xvfb.kill("SIGTERM");
    await waitExit(xvfb, 3000);
  };
  return {
    display,
    env,
    xvfbPid: xvfb.pid!,
    async killServer() {
      xvfb.kill("SIGKILL");
      await waitExit(xvfb, 3000);
    },
    stop,
  };
}
