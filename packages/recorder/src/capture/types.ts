import type { CaptureChannel, RawEvent } from "@tracevault/core";

/**
 * The one interface every capture source implements, whatever the platform.
 *
 * A source captures exactly one manifest channel. The recorder starts a source only when the manifest lists
 * its channel ({@link allowedSources} makes that a one-liner) and stops it the moment it is told to.
 * Sources never write anything anywhere: they hand what they capture to the {@link CaptureSink}, which
 * filters, redacts and seals it.
 */
export interface CaptureSource {
  /** The manifest channel this source captures. */
  readonly channel: CaptureChannel;
  /** Which implementation this is; only `linux-x11` is tested. */
  readonly platform: CapturePlatform;
  /** False for implementations that were written but never run (macOS, Windows). */
  readonly tested: boolean;
  /** Start capturing into `sink`. Rejects with a {@link CaptureError} when the source cannot start. */
  start(sink: CaptureSink): Promise<void>;
  /** Stop capturing; resolves once nothing more will reach the sink. Idempotent. */
  stop(): Promise<void>;
}

export type CapturePlatform = "linux-x11" | "darwin" | "win32";

/** Where sources deliver what they capture. Called synchronously from the source's event handlers. */
export interface CaptureSink {
  /** A raw event in the core schema (`@tracevault/core` RawEvent). */
  event(e: RawEvent): void;
  /**
   * The source failed for good (after its own retries) and has stopped itself. The recorder decides what
   * follows (it should stop recording that channel and say why).
   */
  error(err: CaptureError): void;
  /** Diagnostics: restarts, recoverable problems. Never contains captured content. */
  log?(message: string): void;
  /**
   * Full information about the active window, before the corresponding `focus` event is emitted (and again
   * when its bounds change). Lets the recorder filter excluded windows and black them out in screenshots.
   */
  window?(info: ActiveWindowInfo): void;
}

/** A rectangle in global screen pixels. */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The active (focused) window as the window source sees it. */
export interface ActiveWindowInfo {
  /** Platform window id (X11: the client window XID); 0 = no window is active (desktop). */
  windowId: number;
  /** Application: X11 WM_CLASS class part (e.g. "XTerm", "Chromium"); macOS/Windows: owner name. */
  app?: string;
  /** X11 WM_CLASS instance part (e.g. "xterm", "chromium"). */
  instance?: string;
  title?: string;
  pid?: number;
  /** The window's content area in global screen pixels (without WM decorations). */
  bounds?: Rect;
  /** From the `urlProvider` hook, when one is configured and answered. */
  url?: string;
  /** Time (same clock as events) this information was read. */
  t: number;
}

/** A clock in milliseconds, monotonic for the whole recording. */
export type Clock = () => number;

/**
 * The default clock: epoch milliseconds with sub-millisecond resolution, monotonic within a process
 * (`performance.timeOrigin + performance.now()`). The input hook child stamps its events with the same
 * expression, so its events and the parent's share one time line (to well under a millisecond).
 */
export const defaultClock: Clock = () => performance.timeOrigin + performance.now();

export type CaptureErrorCode =
  /** DISPLAY is unset (and no display was given). */
  | "NO_DISPLAY"
  /** The X display cannot be reached. */
  | "DISPLAY_UNREACHABLE"
  /** The X server has no RECORD extension: global keyboard/mouse capture is impossible. */
  | "NO_RECORD"
  /** The display went away during the session (and did not come back). */
  | "DISPLAY_GONE"
  /** The input hook process kept failing; the supervisor gave up. */
  | "HOOK_FAILED"
  /** No window manager: no `_NET_ACTIVE_WINDOW`, so no active window can be known. */
  | "NO_WINDOW_MANAGER"
  /** Not supported on this platform / build. */
  | "UNSUPPORTED"
  /** A required tool is not installed (e.g. tesseract). */
  | "MISSING_TOOL"
  /** Anything else. */
  | "FAILED";

/** A capture failure with a machine-readable code and a message meant for the person recording. */
export class CaptureError extends Error {
  readonly code: CaptureErrorCode;
  readonly channel: CaptureChannel | undefined;
  constructor(
    code: CaptureErrorCode,
    message: string,
    opts: { channel?: CaptureChannel; cause?: unknown } = {},
  ) {
    super(message, opts.cause !== undefined ? { cause: opts.cause } : undefined);
    this.name = "CaptureError";
    this.code = code;
    this.channel = opts.channel;
  }
}

/**
 * The sources whose channel the manifest allows, in the given order. Use this (and nothing else) to decide
 * what to start.
 * @example
 * const toStart = allowedSources(createCaptureSources({}), manifest.channels);
 * for (const s of toStart) await s.start(sink);
 */
export function allowedSources<S extends CaptureSource>(
  sources: readonly S[],
  allowed: readonly CaptureChannel[],
): S[] {
  const set = new Set(allowed);
  return sources.filter((s) => set.has(s.channel));
}
