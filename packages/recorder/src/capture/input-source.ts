import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import type { Readable } from "node:stream";
import { HOOK_CHILD_SOURCE } from "./hook-child.js";
import type { HookRecord } from "./input-mapper.js";
import {
  SupervisedInput,
  type InputBackend,
  type InputChannel,
  type KeymapProvider,
  type RecoveryWords,
  type RestartPolicy,
} from "./supervised-input.js";
import {
  CaptureError,
  defaultClock,
  type CapturePlatform,
  type CaptureSink,
  type CaptureSource,
  type Clock,
} from "./types.js";

export {
  DEFAULT_RESTART_POLICY,
  type InputBackend,
  type InputChannel,
  type KeymapProvider,
  type RestartPolicy,
} from "./supervised-input.js";

export interface InputHookOptions {
  /** Channels the child forwards; events of other channels never leave it. */
  channels: readonly InputChannel[];
  /** What the hook watches, for messages: e.g. "display :99". */
  target?: string;
  /**
   * Runs before every (re)start; throws a CaptureError when the hook must not start (X11: the display is
   * unreachable or lacks RECORD — libuiohook would abort()). A failing preflight never spawns the child.
   */
  preflight?: () => Promise<void>;
  /** Environment of the child (default process.env; DISPLAY selects the X display). */
  env?: NodeJS.ProcessEnv;
  /** Replace the child program (tests). Default: node running {@link HOOK_CHILD_SOURCE} with uiohook-napi. */
  command?: { file: string; args: string[] };
  restart?: Partial<RestartPolicy>;
  /** How long the child may take to report "ready" (default 10 000 ms: generous for a loaded machine). */
  readyTimeoutMs?: number;
  clock?: Clock;
  keymap?: KeymapProvider;
  wheelPixelsPerNotch?: number;
}

const KEY_TYPES = new Set([4, 5]);

/**
 * One line of the child's protocol (`text[start, end)`), or undefined when it is not a record. Event lines
 * are arrays of numbers ("[9,1764400000000.123,300,301]"): read without JSON.parse (no intermediate
 * allocations but the array). Anything else (the ready line, a stand-in child's output) goes through JSON.
 */
export function parseHookLine(text: string, start = 0, end = text.length): HookRecord | undefined {
  if (end - start < 3 || text.charCodeAt(start) !== 91 /* [ */ || text.charCodeAt(end - 1) !== 93 /* ] */)
    return undefined;
  const c = text.charCodeAt(start + 1);
  if ((c >= 48 && c <= 57) || c === 45 /* - */) {
    const rec: number[] = [];
    let from = start + 1;
    for (;;) {
      let comma = text.indexOf(",", from);
      if (comma < 0 || comma > end - 1) comma = end - 1;
      const n = Number(text.slice(from, comma));
      if (!Number.isFinite(n) || comma === from) return undefined;
      rec.push(n);
      if (comma === end - 1) return rec;
      from = comma + 1;
    }
  }
  try {
    const v = JSON.parse(text.slice(start, end)) as unknown;
    return Array.isArray(v) ? (v as HookRecord) : undefined;
  } catch {
    return undefined;
  }
}

/** Classify a dead child from its exit and the end of its stderr. */
export function classifyHookExit(
  code: number | null,
  signal: NodeJS.Signals | null,
  stderr: string,
  target: string,
): CaptureError {
  const how = signal ? `signal ${signal}` : `exit code ${code}`;
  if (/XOpenDisplay failure|cannot open display|Can't open display/i.test(stderr))
    return new CaptureError("DISPLAY_UNREACHABLE", `input hook cannot open ${target} (${how})`);
  if (/RECORD/.test(stderr))
    return new CaptureError(
      "NO_RECORD",
      `${target} has no RECORD extension: global keyboard/mouse capture is impossible (${how})`,
    );
  if (/X connection to .* broken|connection .* closed|server shutdown/i.test(stderr))
    return new CaptureError("DISPLAY_GONE", `display ${target.replace(/^display /, "")} went away (${how})`);
  if (/cannot load uiohook-napi/.test(stderr))
    return new CaptureError(
      "UNSUPPORTED",
      `uiohook-napi cannot be loaded: ${stderr.trim().split("\n").pop()}`,
    );
  const tail = stderr.trim().split("\n").slice(-2).join(" | ");
  return new CaptureError("HOOK_FAILED", `input hook died (${how})${tail ? `: ${tail}` : ""}`);
}

const HOOK_WORDS: RecoveryWords = {
  lost: (reason, f) => `input hook stopped: ${reason.message}${f ? ` (failure ${f.n}/${f.max})` : ""}`,
  restarted: (n) => `input hook restarted (restart ${n})`,
  restartFailed: (m, n, max) => `input hook restart failed: ${m} (failure ${n}/${max})`,
  keptFailing: (n, m) =>
    `the input hook kept failing (${n} times in a row); keyboard/mouse capture stopped: ${m}`,
};

/**
 * The supervised input-hook child, shared by the keyboard and mouse sources.
 *
 * - Preflight (display check) before every start: a failing check never spawns the child.
 * - The child streams events over fd 3; it is killed when stopped and exits by itself if the recorder dies.
 * - When it dies, it is restarted after a backoff — but after `maxQuickFailures` failures in a row (each
 *   child that ran less than `quickFailureMs`, or each failed preflight) the hook gives up and every listener
 *   gets one clear CaptureError (e.g. "display :99 went away: …"). No crash loop.
 */
export class InputHook extends SupervisedInput {
  readonly target: string;
  private readonly opts: InputHookOptions;
  private child: ChildProcess | undefined;
  private exitWaiters: (() => void)[] = [];

  constructor(opts: InputHookOptions) {
    super(opts, HOOK_WORDS);
    this.opts = opts;
    this.target =
      opts.target ??
      ((opts.env?.DISPLAY ?? process.env.DISPLAY)
        ? `display ${opts.env?.DISPLAY ?? process.env.DISPLAY}`
        : "the desktop");
  }

  /** The child's PID while it runs (tests). */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  protected async connect(): Promise<void> {
    await this.opts.preflight?.();
    if (this.state !== "starting" && this.state !== "recovering") return;
    await this.refreshCaps();
    await this.spawnChild();
  }

  protected disconnect(): Promise<void> {
    return this.killChild();
  }

  private spawnChild(): Promise<void> {
    const cmd = this.opts.command ?? {
      file: process.execPath,
      args: [
        "-e",
        HOOK_CHILD_SOURCE,
        createRequire(import.meta.url).resolve("uiohook-napi"),
        (this.opts.channels.includes("keyboard") ? "k" : "") +
          (this.opts.channels.includes("mouse") ? "m" : ""),
      ],
    };
    return new Promise((resolve, reject) => {
      const child = spawn(cmd.file, cmd.args, {
        env: this.opts.env ?? process.env,
        stdio: ["pipe", "ignore", "pipe", "pipe"],
      });
      this.child = child;
      let stderr = "";
      let ready = false;
      let settled = false;
      child.stderr!.on("data", (c: Buffer) => {
        stderr = (stderr + c.toString()).slice(-4000);
      });
      child.stdin!.on("error", () => undefined);
      const timer = setTimeout(() => {
        if (settled) return;
        settled = true;
        child.kill("SIGKILL");
        reject(
          new CaptureError(
            "HOOK_FAILED",
            `input hook did not start within ${this.opts.readyTimeoutMs ?? 10_000} ms on ${this.target}`,
          ),
        );
      }, this.opts.readyTimeoutMs ?? 10_000);

      let rest = "";
      const out = child.stdio[3] as Readable;
      out.on("error", () => undefined);
      out.on("data", (chunk: Buffer) => {
        // The protocol is ASCII: latin1 decoding is exact and cheapest; a batch holds many lines.
        const text = rest + chunk.toString("latin1");
        let start = 0;
        let nl: number;
        while ((nl = text.indexOf("\n", start)) >= 0) {
          const rec = parseHookLine(text, start, nl);
          start = nl + 1;
          if (!rec) continue;
          if (rec[0] === "ready") {
            ready = true;
            if (!settled) {
              settled = true;
              clearTimeout(timer);
              resolve();
            }
            continue;
          }
          this.dispatch(rec);
        }
        rest = start < text.length ? text.slice(start) : "";
      });

      child.once("exit", (code, signal) => {
        clearTimeout(timer);
        if (this.child === child) this.child = undefined;
        const waiters = this.exitWaiters;
        this.exitWaiters = [];
        for (const w of waiters) w();
        const err = classifyHookExit(code, signal, stderr, this.target);
        if (!settled) {
          settled = true;
          reject(err);
          return;
        }
        if (ready) void this.recover(err, true);
      });
      child.once("error", (e) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        reject(new CaptureError("HOOK_FAILED", `cannot start the input hook: ${e.message}`, { cause: e }));
      });
    });
  }

  private dispatch(rec: HookRecord): void {
    // The child stamps with its own epoch-ms clock; convert to the recorder's clock. (The conversion reads two
    // clocks, so two events µs apart can come out in the wrong order: emit keeps times from going back.)
    const now = this.clock();
    const t = typeof rec[1] === "number" ? rec[1] - defaultClock() + now : now;
    this.emit(KEY_TYPES.has(rec[0] as number) ? "keyboard" : "mouse", rec, t);
  }

  private killChild(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        child.kill("SIGKILL");
      }, 2000);
      this.exitWaiters.push(() => {
        clearTimeout(t);
        resolve();
      });
      child.stdin?.end();
      child.kill("SIGTERM");
    });
  }
}

/** A keyboard or mouse capture source backed by a shared {@link InputBackend}. */
export class HookInputSource implements CaptureSource {
  readonly channel: InputChannel;
  readonly platform: CapturePlatform;
  readonly tested: boolean;
  private readonly hook: InputBackend;
  private readonly cleanup: (() => Promise<void>) | undefined;
  private detach: (() => Promise<void>) | undefined;

  constructor(
    hook: InputBackend,
    channel: InputChannel,
    platform: CapturePlatform,
    tested: boolean,
    cleanup?: () => Promise<void>,
  ) {
    this.hook = hook;
    this.channel = channel;
    this.platform = platform;
    this.tested = tested;
    this.cleanup = cleanup;
  }

  /** The shared backend (diagnostics, tests). */
  get inputHook(): InputBackend {
    return this.hook;
  }

  async start(sink: CaptureSink): Promise<void> {
    if (this.detach) return;
    let failed = false;
    const wrapped: CaptureSink = {
      event: (e) => sink.event(e),
      error: (err) => {
        failed = true;
        this.detach = undefined;
        sink.error(err);
      },
      ...(sink.log ? { log: (m: string) => sink.log!(m) } : {}),
    };
    let detach: () => Promise<void>;
    try {
      detach = await this.hook.attach(this.channel, wrapped);
    } catch (err) {
      // what was opened for this source (the keyboard layout's connection) must not outlive a failed start
      await this.cleanup?.().catch(() => undefined);
      throw err;
    }
    if (!failed) this.detach = detach;
  }

  async stop(): Promise<void> {
    const d = this.detach;
    this.detach = undefined;
    await d?.();
    await this.cleanup?.();
  }
}

/**
 * Keyboard and mouse sources sharing one supervised hook child. Only the channels passed are forwarded by the
 * child at all (a manifest without `keyboard` means key events never leave the hook process).
 * @example
 * const [kb, mouse] = createInputSources({ channels: ["keyboard", "mouse"], preflight: () => checkX11Display({ requireRecord: true }).then(() => {}) });
 */
export function createInputSources(
  opts: InputHookOptions & {
    platform?: CapturePlatform;
    tested?: boolean;
    /** Run after a source stopped (e.g. close the keyboard-layout connection). */
    cleanup?: Partial<Record<InputChannel, () => Promise<void>>>;
  },
): HookInputSource[] {
  const hook = new InputHook(opts);
  const platform = opts.platform ?? "linux-x11";
  const tested = opts.tested ?? platform === "linux-x11";
  return opts.channels.map((c) => new HookInputSource(hook, c, platform, tested, opts.cleanup?.[c]));
}
