/**
 * The failure cases of the capture layer on real X servers: no display, no RECORD extension, the display
 * dying mid-session (with keyboard/mouse read in process through RECORD, the default, and with the uiohook
 * child), and a hook child that keeps dying. Each must give one clear error and no crash loop.
 * Skipped only when Xvfb/openbox/xdotool are not installed.
 */
import { readdirSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { InputHook, type HookInputSource } from "../packages/recorder/src/capture/input-source.js";
import { CaptureError, type CaptureSource } from "../packages/recorder/src/capture/types.js";
import { checkX11Display } from "../packages/recorder/src/platform/x11/display-check.js";
import {
  X11RecordInput,
  XConnection,
  createX11Sources,
} from "../packages/recorder/src/platform/x11/index.js";
import { startXterm, xdotool } from "./support/apps.js";
import { recordingSink, typedText } from "./support/sink.js";
import { startXvfb, xvfbSkipReason } from "./support/xvfb.js";

const skip = xvfbSkipReason();
if (skip) console.warn(`[capture-failures] ${skip}`);

function alive(pid: number | undefined): boolean {
  if (pid === undefined) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!!skip)("capture failure cases", () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanup.splice(0).reverse()) await c().catch(() => undefined);
  });

  it("no display: DISPLAY unset, or a display nobody serves → a clear error, nothing spawned", async () => {
    const saved = process.env.DISPLAY;
    delete process.env.DISPLAY;
    try {
      expect(() => createX11Sources({ channels: ["keyboard"] })).toThrow(/no X display: DISPLAY is not set/);
      await expect(checkX11Display()).rejects.toMatchObject({ code: "NO_DISPLAY" });
    } finally {
      if (saved !== undefined) process.env.DISPLAY = saved;
    }
    const sources = createX11Sources({
      channels: ["keyboard", "mouse", "window", "screenshots"],
      display: ":4711",
    });
    for (const s of sources) {
      const err = await s.start(recordingSink()).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err, s.channel).toBeInstanceOf(CaptureError);
      expect((err as CaptureError).code).toBe("DISPLAY_UNREACHABLE");
      expect((err as CaptureError).message).toMatch(/cannot connect to X display :4711/);
    }
    const hook = (sources[0] as HookInputSource).inputHook;
    expect(hook.pid).toBeUndefined();
    expect(hook.restarts).toBe(0);
  });

  it("trying a display nobody serves again and again leaks no file descriptor", async () => {
    // (x11@4.2.2 left its failed local-socket attempt open on every try: a recorder retrying a display that
    // went away ran out of descriptors in the end)
    const fds = () => readdirSync("/proc/self/fd").length;
    await XConnection.open(":4712", 1000).catch(() => undefined);
    const before = fds();
    for (let i = 0; i < 20; i++) {
      const err = await XConnection.open(":4712", 1000).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect((err as CaptureError).code).toBe("DISPLAY_UNREACHABLE");
    }
    await new Promise((r) => setTimeout(r, 200));
    expect(fds()).toBeLessThanOrEqual(before + 1);
  });

  it("no RECORD extension: keyboard/mouse refuse to start with a clear error; window and screenshots still work", async () => {
    const x = await startXvfb({ disableRecord: true });
    cleanup.push(() => x.stop());
    const status = await checkX11Display({ display: x.display });
    expect(status.hasRecord).toBe(false);
    const [kb, mouse, win, shots] = createX11Sources({
      channels: ["keyboard", "mouse", "window", "screenshots"],
      display: x.display,
    });
    const sink = recordingSink();
    for (const s of [kb!, mouse!]) {
      const err = (await s.start(sink).catch((e: unknown) => e)) as CaptureError;
      expect(err.code).toBe("NO_RECORD");
      expect(err.message).toBe(
        `display ${x.display} has no RECORD extension: global keyboard/mouse capture is impossible on it (enable RECORD in the X server; Xvfb has it unless started with '-extension RECORD')`,
      );
    }
    expect((kb as HookInputSource).inputHook.pid).toBeUndefined();
    await win!.start(sink);
    await shots!.start(sink);
    cleanup.push(
      () => win!.stop(),
      () => shots!.stop(),
    );
    expect(sink.errors).toHaveLength(0);
  });

  it("without the preflight, libuiohook's abort() on a display without RECORD is contained in the child", async () => {
    const x = await startXvfb({ disableRecord: true, windowManager: false });
    cleanup.push(() => x.stop());
    const hook = new InputHook({
      channels: ["keyboard"],
      env: { ...process.env, DISPLAY: x.display },
      target: `display ${x.display}`,
    });
    const err = (await hook.attach("keyboard", recordingSink()).catch((e: unknown) => e)) as CaptureError;
    expect(err.code, err.message).toBe("NO_RECORD");
    expect(err.message).toMatch(/SIGABRT/);
    expect(hook.pid).toBeUndefined();
  });

  it("display dies mid-session (in-process RECORD input): each source reports 'display :N went away' once, no crash loop", async () => {
    const x = await startXvfb();
    let killed = false;
    cleanup.push(() => (killed ? Promise.resolve() : x.stop()));
    const term = await startXterm(x, "tv-dying");
    cleanup.push(() => term.stop());
    const sources: CaptureSource[] = createX11Sources({
      channels: ["keyboard", "mouse", "window", "screenshots"],
      display: x.display,
      restart: { backoffMs: [100, 200, 300] },
    });
    const sinks = sources.map(() => recordingSink());
    for (const [i, s] of sources.entries()) await s.start(sinks[i]!);
    cleanup.push(async () => {
      for (const s of sources) await s.stop();
    });
    const input = (sources[0] as HookInputSource).inputHook;
    expect(input).toBeInstanceOf(X11RecordInput);
    expect(input.running).toBe(true);
    expect(input.pid).toBeUndefined(); // no helper process

    const t0 = Date.now();
    await x.killServer();
    killed = true;
    const errors = await Promise.all(sinks.map((s) => s.untilError(15_000)));
    const elapsed = Date.now() - t0;
    for (const [i, e] of errors.entries()) {
      expect(e.code, sources[i]!.channel).toBe("DISPLAY_GONE");
      expect(e.message).toContain(`display ${x.display} went away`);
      expect(e.channel).toBe(sources[i]!.channel);
    }
    expect(errors[0]!.message).toMatch(/keyboard\/mouse capture stopped after 3 failed attempts/);
    expect(elapsed).toBeLessThan(10_000);
    // no crash loop: every reconnect failed, none succeeded, and nothing is retried after the error
    expect(input.restarts).toBe(0);
    expect(input.running).toBe(false);
    await sleep(1500);
    for (const s of sinks) expect(s.errors).toHaveLength(1);
    expect(input.restarts).toBe(0);
  }, 40_000);

  it("a lost connection to a display that is still up (in-process RECORD input) is reconnected; capture goes on", async () => {
    const x = await startXvfb();
    cleanup.push(() => x.stop());
    const term = await startXterm(x, "tv-reconnect");
    cleanup.push(() => term.stop());
    const sources = createX11Sources({
      channels: ["keyboard", "mouse"],
      display: x.display,
      restart: { backoffMs: [100] },
    });
    const sink = recordingSink();
    for (const s of sources) await s.start(sink);
    cleanup.push(async () => {
      for (const s of sources) await s.stop();
    });
    const input = (sources[0] as HookInputSource).inputHook as X11RecordInput;
    const ctx = input.recordContext!;
    expect(ctx).toBeGreaterThan(0);
    // Another client kills the connection that owns the context (XKillClient), as a server would drop it.
    const killer = await XConnection.open(x.display);
    (killer.X as unknown as { KillClient(id: number): void }).KillClient(ctx);
    await killer.X.sync();
    await killer.close();
    const end = Date.now() + 10_000;
    while (input.restarts === 0 && Date.now() < end) await sleep(20);
    expect(input.restarts).toBe(1);
    expect(input.running).toBe(true);
    expect(sink.logs.some((l) => /reconnected \(restart 1\)/.test(l))).toBe(true);
    sink.clear();
    await xdotool(x, "type", "--delay", "5", "after");
    await sink.until((ev) => typedText(ev) === "after", 5000, "typed after the reconnect");
    expect(sink.errors).toHaveLength(0);
  }, 40_000);

  it("display dies mid-session (uiohook child): 'display :N went away' once, no crash loop, no child left", async () => {
    const x = await startXvfb();
    let killed = false;
    cleanup.push(() => (killed ? Promise.resolve() : x.stop()));
    const term = await startXterm(x, "tv-dying");
    cleanup.push(() => term.stop());
    const sources: CaptureSource[] = createX11Sources({
      channels: ["keyboard", "mouse", "window", "screenshots"],
      display: x.display,
      restart: { backoffMs: [100, 200, 300] },
      inputBackend: "uiohook",
    });
    const sinks = sources.map(() => recordingSink());
    for (const [i, s] of sources.entries()) await s.start(sinks[i]!);
    cleanup.push(async () => {
      for (const s of sources) await s.stop();
    });
    const hook = (sources[0] as HookInputSource).inputHook;
    expect(hook).toBeInstanceOf(InputHook);
    const childPid = hook.pid;
    expect(alive(childPid)).toBe(true);

    const t0 = Date.now();
    await x.killServer();
    killed = true;
    const errors = await Promise.all(sinks.map((s) => s.untilError(15_000)));
    const elapsed = Date.now() - t0;
    for (const [i, e] of errors.entries()) {
      expect(e.code, sources[i]!.channel).toBe("DISPLAY_GONE");
      expect(e.message).toContain(`display ${x.display} went away`);
      expect(e.channel).toBe(sources[i]!.channel);
    }
    console.log(
      "[capture-failures] after the X server was killed:",
      errors.map((e) => e.message),
      "in",
      elapsed,
      "ms",
    );
    expect(elapsed).toBeLessThan(10_000);
    // no crash loop: the preflight failed every time, so the hook was never spawned again
    expect(hook.restarts).toBe(0);
    expect(alive(childPid)).toBe(false);
    expect(hook.pid).toBeUndefined();
    await sleep(1500);
    for (const s of sinks) expect(s.errors).toHaveLength(1);
    expect(hook.pid).toBeUndefined();
  }, 40_000);

  it("a hook that keeps dying is restarted with backoff, then given up with one clear error", async () => {
    const x = await startXvfb();
    cleanup.push(() => x.stop());
    const term = await startXterm(x, "tv-crashy");
    cleanup.push(() => term.stop());
    const [kb] = createX11Sources({
      channels: ["keyboard"],
      display: x.display,
      restart: { backoffMs: [100, 200], maxQuickFailures: 3 },
      inputBackend: "uiohook",
    });
    const sink = recordingSink();
    await kb!.start(sink);
    cleanup.push(() => kb!.stop());
    const hook = (kb as HookInputSource).inputHook;

    // One crash: restarted, and capture goes on.
    let pid = hook.pid!;
    process.kill(pid, "SIGKILL");
    const end = Date.now() + 5000;
    while ((hook.pid === undefined || hook.pid === pid || !hook.running) && Date.now() < end) await sleep(20);
    expect(hook.restarts).toBe(1);
    expect(sink.errors).toHaveLength(0);
    expect(sink.logs.some((l) => /input hook restarted/.test(l))).toBe(true);

    // Two more quick crashes: the supervisor gives up.
    for (let i = 0; i < 2; i++) {
      pid = hook.pid!;
      process.kill(pid, "SIGKILL");
      const e2 = Date.now() + 5000;
      while (hook.pid === pid && Date.now() < e2) await sleep(20);
      if (i === 0) while (!hook.running && sink.errors.length === 0 && Date.now() < e2) await sleep(20);
    }
    const err = await sink.untilError(5000);
    expect(err.code).toBe("HOOK_FAILED");
    expect(err.message).toMatch(
      /the input hook kept failing \(3 times in a row\); keyboard\/mouse capture stopped/,
    );
    const restarts = hook.restarts;
    await sleep(1000);
    expect(hook.restarts).toBe(restarts);
    expect(hook.pid).toBeUndefined();
    expect(sink.errors).toHaveLength(1);
  }, 40_000);
});
