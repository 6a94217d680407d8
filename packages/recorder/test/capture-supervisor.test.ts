/**
 * The input-hook supervisor with stand-in child programs (no X needed): ready handshake, event streaming,
 * restart with backoff, giving up without a crash loop, preflight gating, and the child exiting when the
 * recorder goes away.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, existsSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { HOOK_CHILD_SOURCE } from "../src/capture/hook-child.js";
import { InputHook, classifyHookExit, createInputSources } from "../src/capture/input-source.js";
import { CaptureError, allowedSources, type CaptureSink } from "../src/capture/types.js";
import type { RawEvent } from "@tracevault/core";

/** A stand-in hook child: logs each spawn, says ready, sends `events`, then behaves per `mode`. */
function fakeChild(
  mode: "run" | "die-after-ready" | "never-ready" | "abort",
  spawnLog: string,
  events: unknown[] = [],
  delayMs = 0,
) {
  const src = `
    const fs = require("node:fs");
    fs.appendFileSync(${JSON.stringify(spawnLog)}, process.pid + "\\n");
    const out = new (require("node:net").Socket)({ fd: 3, readable: false, writable: true });
    const mode = ${JSON.stringify(mode)};
    if (mode === "abort") { process.stderr.write("xrecord_start [1024]: XOpenDisplay failure!\\n"); process.abort(); }
    if (mode !== "never-ready") out.write(JSON.stringify(["ready", performance.timeOrigin + performance.now(), process.pid]) + "\\n");
    setTimeout(() => { for (const e of ${JSON.stringify(events)}) out.write(JSON.stringify(e) + "\\n"); }, ${delayMs});
    if (mode === "die-after-ready") setTimeout(() => process.exit(7), 50);
    process.stdin.on("end", () => out.end(() => process.exit(0)));
    process.stdin.resume();
  `;
  return { file: process.execPath, args: ["-e", src] };
}

function sink(): CaptureSink & { events: RawEvent[]; errors: CaptureError[]; logs: string[] } {
  const s = {
    events: [] as RawEvent[],
    errors: [] as CaptureError[],
    logs: [] as string[],
    event: (e: RawEvent) => s.events.push(e),
    error: (e: CaptureError) => s.errors.push(e),
    log: (m: string) => s.logs.push(m),
  };
  return s;
}

/** The process exists and is not a zombie (an exited orphan waits for init to reap it). */
function running(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z";
  } catch {
    return false;
  }
}

const spawns = (f: string) =>
  existsSync(f) ? readFileSync(f, "utf8").trim().split("\n").filter(Boolean).length : 0;
const tmp = () => join(mkdtempSync(join(tmpdir(), "tv-hook-")), "spawns");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function waitFor(pred: () => boolean, ms = 5000) {
  const end = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > end) throw new Error("timeout");
    await sleep(10);
  }
}

describe("InputHook supervisor", () => {
  it("streams the child's records as core events to the listeners of each channel", async () => {
    const log = tmp();
    const [kb, mouse] = createInputSources({
      channels: ["keyboard", "mouse"],
      command: fakeChild(
        "run",
        log,
        [
          [4, Date.now(), 30, 1],
          [5, Date.now(), 30, 0],
          [7, Date.now(), 11, 22, 1, 1],
        ],
        300,
      ),
    });
    const ks = sink();
    const ms = sink();
    await kb!.start(ks);
    await mouse!.start(ms);
    await waitFor(() => ks.events.length === 2 && ms.events.length === 1);
    expect(ks.events[0]).toMatchObject({ kind: "key_down", key: "a", char: "A" });
    expect(ms.events[0]).toMatchObject({ kind: "mouse_down", x: 11, y: 22, button: "left" });
    expect(Math.abs(ks.events[0]!.t - Date.now())).toBeLessThan(5000);
    await kb!.stop();
    expect(spawns(log)).toBe(1);
    await mouse!.stop();
  });

  it("never hands out a time earlier than the one before (the child's clock is converted per event)", async () => {
    const t0 = Date.now();
    // a child whose stamps step back by a few µs, as two clocks read one after the other can
    const [kb] = createInputSources({
      channels: ["keyboard"],
      command: fakeChild(
        "run",
        tmp(),
        [
          [4, t0 + 0.05, 30, 0],
          [5, t0 + 0.01, 30, 0],
          [4, t0 + 0.02, 31, 0],
          [5, t0 + 5, 31, 0],
        ],
        100,
      ),
    });
    const ks = sink();
    await kb!.start(ks);
    await waitFor(() => ks.events.length === 4);
    const ts = ks.events.map((e) => e.t);
    for (let i = 1; i < ts.length; i++) expect(ts[i]).toBeGreaterThanOrEqual(ts[i - 1]!);
    expect(ts[3]! - ts[0]!).toBeGreaterThan(4);
    await kb!.stop();
  });

  it("never spawns the child when the preflight fails, and reports the preflight's error", async () => {
    const log = tmp();
    const hook = new InputHook({
      channels: ["keyboard"],
      command: fakeChild("run", log),
      preflight: async () => {
        throw new CaptureError("NO_RECORD", "display :99 has no RECORD extension");
      },
    });
    await expect(hook.attach("keyboard", sink())).rejects.toMatchObject({ code: "NO_RECORD" });
    expect(spawns(log)).toBe(0);
  });

  it("contains an aborting child and classifies it (no retry on the first start)", async () => {
    const log = tmp();
    const hook = new InputHook({
      channels: ["keyboard"],
      command: fakeChild("abort", log),
      target: "display :5",
    });
    const err = (await hook.attach("keyboard", sink()).catch((e: unknown) => e)) as CaptureError;
    expect(err.code).toBe("DISPLAY_UNREACHABLE");
    expect(err.message).toMatch(/input hook cannot open display :5 \(signal SIGABRT\)/);
    expect(spawns(log)).toBe(1);
  });

  it("times out a child that never gets ready", async () => {
    const log = tmp();
    const hook = new InputHook({
      channels: ["mouse"],
      command: fakeChild("never-ready", log),
      readyTimeoutMs: 300,
    });
    await expect(hook.attach("mouse", sink())).rejects.toThrow(/did not start within 300 ms/);
  });

  it("restarts a dying child with backoff, then gives up after N quick failures: one error, no crash loop", async () => {
    const log = tmp();
    const [kb] = createInputSources({
      channels: ["keyboard"],
      command: fakeChild("die-after-ready", log),
      restart: { maxQuickFailures: 3, backoffMs: [50, 100] },
      target: "display :9",
    });
    const s = sink();
    await kb!.start(s);
    await waitFor(() => s.errors.length > 0, 5000);
    expect(s.errors).toHaveLength(1);
    expect(s.errors[0]).toMatchObject({ code: "HOOK_FAILED", channel: "keyboard" });
    expect(s.errors[0]!.message).toMatch(/kept failing \(3 times in a row\)/);
    expect(spawns(log)).toBe(3);
    await sleep(500);
    expect(spawns(log)).toBe(3);
    expect(s.logs.filter((l) => /restarted/.test(l))).toHaveLength(2);
  });

  it("says 'display … went away' when the display cannot be reached again after a crash", async () => {
    const log = tmp();
    let calls = 0;
    const [kb] = createInputSources({
      channels: ["keyboard"],
      command: fakeChild("die-after-ready", log),
      restart: { maxQuickFailures: 3, backoffMs: [20] },
      target: "display :42",
      preflight: async () => {
        if (calls++ > 0)
          throw new CaptureError("DISPLAY_UNREACHABLE", "cannot connect to X display :42: ECONNREFUSED");
      },
    });
    const s = sink();
    await kb!.start(s);
    await waitFor(() => s.errors.length > 0);
    expect(s.errors[0]!.code).toBe("DISPLAY_GONE");
    expect(s.errors[0]!.message).toMatch(
      /^display :42 went away: keyboard\/mouse capture stopped after 3 failed attempts/,
    );
    expect(spawns(log)).toBe(1);
  });

  it("stops the child on stop(), and the child exits by itself when its stdin closes", async () => {
    const log = tmp();
    const hook = new InputHook({ channels: ["keyboard"], command: fakeChild("run", log) });
    const detach = await hook.attach("keyboard", sink());
    const pid = hook.pid!;
    expect(() => process.kill(pid, 0)).not.toThrow();
    await detach();
    expect(hook.pid).toBeUndefined();
    expect(() => process.kill(pid, 0)).toThrow();
  });

  it("refuses a channel it was not created for", async () => {
    const hook = new InputHook({ channels: ["mouse"], command: fakeChild("run", tmp()) });
    await expect(hook.attach("keyboard", sink())).rejects.toThrow(/not created for the keyboard channel/);
  });
});

/** A stand-in for uiohook-napi: an emitter that fires a key and a click when started. */
function fakeUiohook(): string {
  const file = join(mkdtempSync(join(tmpdir(), "tv-fakehook-")), "fake-uiohook.cjs");
  writeFileSync(
    file,
    `const { EventEmitter } = require("node:events");
     const uIOhook = new EventEmitter();
     uIOhook.start = () => setTimeout(() => {
       uIOhook.emit("input", { type: 4, keycode: 30, shiftKey: true, ctrlKey: false, altKey: false, metaKey: false });
       uIOhook.emit("input", { type: 7, x: 5, y: 6, button: 1, clicks: 1 });
       uIOhook.emit("input", { type: 11, x: 5, y: 6, rotation: -1, direction: 3, amount: 3 });
     }, 20);
     uIOhook.stop = () => {};
     module.exports = { uIOhook };`,
  );
  return file;
}

/** A stand-in uiohook that fires `n` pointer moves (x = 0…n−1) and a click in one burst when started. */
function burstUiohook(n: number): string {
  const file = join(mkdtempSync(join(tmpdir(), "tv-fakehook-")), "burst-uiohook.cjs");
  writeFileSync(
    file,
    `const { EventEmitter } = require("node:events");
     const uIOhook = new EventEmitter();
     uIOhook.start = () => setTimeout(() => {
       for (let i = 0; i < ${n}; i++) uIOhook.emit("input", { type: 9, x: i, y: 7 });
       uIOhook.emit("input", { type: 7, x: 1, y: 2, button: 1, clicks: 1 });
     }, 20);
     uIOhook.stop = () => {};
     module.exports = { uIOhook };`,
  );
  return file;
}

describe("the hook child program (HOOK_CHILD_SOURCE) with a stand-in uiohook", () => {
  it("writes bursts in batches and loses or reorders nothing", async () => {
    const hook = new InputHook({
      channels: ["mouse"],
      command: { file: process.execPath, args: ["-e", HOOK_CHILD_SOURCE, burstUiohook(5000), "m"] },
    });
    const s = sink();
    const detach = await hook.attach("mouse", s);
    await waitFor(() => s.events.length >= 5001);
    expect(s.events.slice(0, 5000).map((e) => (e.kind === "mouse_move" ? e.x : -1))).toEqual([
      ...Array(5000).keys(),
    ]);
    expect(s.events[5000]).toMatchObject({ kind: "mouse_down", button: "left" });
    await detach();
  });

  it("forwards only the kinds it was started for", async () => {
    const hook = new InputHook({
      channels: ["mouse"],
      command: { file: process.execPath, args: ["-e", HOOK_CHILD_SOURCE, fakeUiohook(), "m"] },
    });
    const s = sink();
    const detach = await hook.attach("mouse", s);
    await waitFor(() => s.events.length >= 2);
    await sleep(100);
    expect(s.events.map((e) => e.kind)).toEqual(["mouse_down", "wheel"]);
    expect(hook.received).toBe(2); // the key never left the child
    await detach();
  });

  it("exits when the recorder is killed with SIGKILL (no orphan hook keeps recording)", async () => {
    // A stand-in recorder: spawns the child like InputHook does, prints its pid, then waits.
    const recorder = spawn(
      process.execPath,
      [
        "-e",
        `const c = require("node:child_process").spawn(process.execPath, ["-e", process.argv[1], process.argv[2], "km"], { stdio: ["pipe", "ignore", "ignore", "pipe"] });
         c.stdio[3].once("data", () => console.log(c.pid));
         setInterval(() => {}, 1000);`,
        HOOK_CHILD_SOURCE,
        fakeUiohook(),
      ],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    const childPid = await new Promise<number>((resolve) =>
      recorder.stdout!.once("data", (d: Buffer) => resolve(Number(d.toString().trim()))),
    );
    expect(running(childPid)).toBe(true);
    recorder.kill("SIGKILL");
    await waitFor(() => !running(childPid), 5000);
  });
});

describe("classifyHookExit / allowedSources", () => {
  it("classifies libuiohook's messages", () => {
    expect(
      classifyHookExit(null, "SIGABRT", 'Xlib:  extension "RECORD" missing on display ":1".', "display :1")
        .code,
    ).toBe("NO_RECORD");
    expect(
      classifyHookExit(1, null, "X connection to :1 broken (explicit kill or server shutdown).", "display :1")
        .message,
    ).toBe("display :1 went away (exit code 1)");
    expect(classifyHookExit(1, null, "boom", "display :1").code).toBe("HOOK_FAILED");
  });
  it("keeps only the sources whose channel the manifest allows", () => {
    const srcs = createInputSources({ channels: ["keyboard", "mouse"], command: fakeChild("run", tmp()) });
    expect(allowedSources(srcs, ["mouse", "window"]).map((s) => s.channel)).toEqual(["mouse"]);
    expect(allowedSources(srcs, [])).toEqual([]);
  });
});
