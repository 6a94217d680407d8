import { InputMapper, type HookRecord, type InputMapperOptions } from "./input-mapper.js";
import type { Keymap } from "./keymap.js";
import type { CaptureChannel } from "@tracevault/core";
import { CaptureError, defaultClock, type CaptureSink, type Clock } from "./types.js";

export type InputChannel = Extract<CaptureChannel, "keyboard" | "mouse">;

export interface RestartPolicy {
  /** Give up after this many failures in a row, each within `quickFailureMs` of its start (default 3). */
  maxQuickFailures: number;
  /** A connection that lasted at least this long resets the failure count (default 10 000 ms). */
  quickFailureMs: number;
  /** Wait before restart attempt n (the last value repeats); default [250, 1000, 3000]. */
  backoffMs: readonly number[];
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = {
  maxQuickFailures: 3,
  quickFailureMs: 10_000,
  backoffMs: [250, 1000, 3000],
};

export interface KeymapProvider {
  current(): Keymap;
  /** CapsLock state now, when it can be read. */
  capsLock?(): Promise<boolean>;
}

export interface Listener {
  channel: InputChannel;
  sink: CaptureSink;
}

/** What every keyboard/mouse backend offers the capture sources. */
export interface InputBackend {
  /** Add a listener and make sure capture runs. Resolves with a function that removes the listener. */
  attach(channel: InputChannel, sink: CaptureSink): Promise<() => Promise<void>>;
  /** Capture is running (not starting, recovering, stopped or failed). */
  readonly running: boolean;
  /** Input records received (diagnostics and benches). */
  readonly received: number;
  /** Times capture was restarted after a failure. */
  readonly restarts: number;
  /** The PID of a helper process, when the backend runs one. */
  readonly pid: number | undefined;
  stop(): Promise<void>;
}

export interface SupervisedInputOptions {
  channels: readonly InputChannel[];
  restart?: Partial<RestartPolicy>;
  clock?: Clock;
  keymap?: KeymapProvider;
  wheelPixelsPerNotch?: number;
}

/** How a backend words its recovery in the sinks' logs and its final error. */
export interface RecoveryWords {
  /** The loss was noticed; `failure` is set when the loss itself counts as a failure. */
  lost(reason: CaptureError, failure?: { n: number; max: number }): string;
  restarted(n: number): string;
  restartFailed(message: string, n: number, max: number): string;
  /** The final error when restarts kept failing for another reason than the display going away. */
  keptFailing(n: number, message: string): string;
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/**
 * The part both keyboard/mouse backends share (the uiohook child and the in-process X RECORD client): one
 * connection serves every listener; it starts on the first attach and stops when the last one leaves; when it is
 * lost it is re-established with backoff, and after `maxQuickFailures` failed attempts in a row every listener
 * gets one clear CaptureError instead of a crash loop. A backend supplies `connect` / `disconnect` and its words.
 */
export abstract class SupervisedInput implements InputBackend {
  abstract readonly target: string;
  abstract readonly pid: number | undefined;
  protected readonly listeners = new Set<Listener>();
  protected state: "idle" | "starting" | "running" | "recovering" | "stopping" | "failed" = "idle";
  protected mapper: InputMapper;
  protected readonly policy: RestartPolicy;
  protected readonly clock: Clock;
  private startPromise: Promise<void> | undefined;
  private failures = 0;
  /** When the current connection was established (epoch ms): a long-lived one resets the failure count. */
  private connectedAt = 0;
  received = 0;
  restarts = 0;

  protected constructor(
    private readonly base: SupervisedInputOptions,
    private readonly words: RecoveryWords,
  ) {
    this.policy = { ...DEFAULT_RESTART_POLICY, ...base.restart };
    this.clock = base.clock ?? defaultClock;
    this.mapper = this.newMapper(false);
  }

  /** Open the connection (or start the helper) and begin delivering; throws a CaptureError saying why not. */
  protected abstract connect(): Promise<void>;
  /** Close it (idempotent); resolves once nothing more can be delivered. */
  protected abstract disconnect(): Promise<void>;

  get running(): boolean {
    return this.state === "running";
  }

  protected newMapper(caps: boolean): InputMapper {
    const mo: InputMapperOptions = { capsLock: caps };
    const km = this.base.keymap;
    if (km) mo.keymap = () => km.current();
    if (this.base.wheelPixelsPerNotch !== undefined) mo.wheelPixelsPerNotch = this.base.wheelPixelsPerNotch;
    return new InputMapper(mo);
  }

  /** A fresh mapper with CapsLock as the keymap reads it now (before each connection). */
  protected async refreshCaps(): Promise<void> {
    const caps = await this.base.keymap?.capsLock?.().catch(() => undefined);
    this.mapper = this.newMapper(caps ?? false);
  }

  async attach(channel: InputChannel, sink: CaptureSink): Promise<() => Promise<void>> {
    if (!this.base.channels.includes(channel))
      throw new CaptureError("UNSUPPORTED", `this input capture was not created for the ${channel} channel`, {
        channel,
      });
    const l: Listener = { channel, sink };
    this.listeners.add(l);
    try {
      await this.ensureStarted();
    } catch (err) {
      this.listeners.delete(l);
      throw err;
    }
    return async () => {
      this.listeners.delete(l);
      if (this.listeners.size === 0) await this.stop();
    };
  }

  private ensureStarted(): Promise<void> {
    if (this.state === "running" || this.state === "recovering") return Promise.resolve();
    if (this.state === "starting" && this.startPromise) return this.startPromise;
    this.state = "starting";
    this.failures = 0;
    this.startPromise = (async () => {
      try {
        await this.connect();
        // stopped while connecting
        if ((this.state as string) !== "starting") {
          await this.disconnect();
          return;
        }
        this.connectedAt = Date.now();
        this.state = "running";
      } catch (err) {
        if (this.state === "starting") this.state = "idle";
        throw err;
      }
    })();
    return this.startPromise;
  }

  /** The last event time handed out: times never go back, whichever backend's clock they were converted from. */
  private lastT = -Infinity;

  /** Deliver one mapped event to the listeners of its channel. */
  protected emit(channel: InputChannel, rec: HookRecord, t: number): void {
    this.received++;
    if (t < this.lastT) t = this.lastT;
    this.lastT = t;
    const ev = this.mapper.map(rec, t);
    if (!ev) return;
    for (const l of this.listeners) if (l.channel === channel) l.sink.event(ev);
  }

  protected log(msg: string): void {
    for (const l of this.listeners) l.sink.log?.(msg);
  }

  /**
   * The connection was lost while running: re-establish it with backoff, or give up with one error to every
   * listener. `countLoss`: the loss itself counts as a failure (a crashed helper), not only failed attempts.
   */
  protected async recover(reason: CaptureError, countLoss: boolean): Promise<void> {
    if (this.state !== "running") return;
    this.state = "recovering";
    if (Date.now() - this.connectedAt >= this.policy.quickFailureMs) this.failures = 0;
    if (countLoss) this.failures++;
    this.log(
      this.words.lost(
        reason,
        countLoss ? { n: this.failures, max: this.policy.maxQuickFailures } : undefined,
      ),
    );
    await this.disconnect().catch(() => undefined);
    let last = reason;
    while ((this.state as string) === "recovering") {
      if (this.failures >= this.policy.maxQuickFailures) {
        this.fail(last);
        return;
      }
      const b = this.policy.backoffMs;
      await sleep(b[Math.min(this.failures - (countLoss ? 1 : 0), b.length - 1)] ?? 1000);
      if ((this.state as string) !== "recovering") return;
      try {
        await this.connect();
        if ((this.state as string) !== "recovering") {
          await this.disconnect();
          return;
        }
        this.restarts++;
        this.connectedAt = Date.now();
        this.state = "running";
        this.log(this.words.restarted(this.restarts));
        return;
      } catch (err) {
        this.failures++;
        last =
          err instanceof CaptureError ? err : new CaptureError("HOOK_FAILED", String(err), { cause: err });
        this.log(this.words.restartFailed(last.message, this.failures, this.policy.maxQuickFailures));
      }
    }
  }

  private fail(last: CaptureError): void {
    this.state = "failed";
    const n = this.failures;
    const err =
      last.code === "NO_RECORD"
        ? last
        : last.code === "DISPLAY_GONE" || last.code === "DISPLAY_UNREACHABLE" || last.code === "NO_DISPLAY"
          ? new CaptureError(
              "DISPLAY_GONE",
              `${this.target} went away: keyboard/mouse capture stopped after ${n} failed attempts (${last.message})`,
              { cause: last },
            )
          : new CaptureError("HOOK_FAILED", this.words.keptFailing(n, last.message), { cause: last });
    const ls = [...this.listeners];
    this.listeners.clear();
    for (const l of ls)
      l.sink.error(new CaptureError(err.code, err.message, { channel: l.channel, cause: err.cause }));
  }

  /** Stop capturing (idempotent); resolves once the connection is closed. */
  async stop(): Promise<void> {
    if (this.state === "idle" || this.state === "failed") {
      await this.disconnect();
      this.state = "idle";
      return;
    }
    this.state = "stopping";
    await this.startPromise?.catch(() => undefined);
    await this.disconnect();
    this.state = "idle";
  }
}
