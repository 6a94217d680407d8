/**
 * UNTESTED — active window on macOS and Windows through the `get-windows` package. Written against its
 * documented API, never run: do not claim it works until a test on a real macOS / Windows desktop passes.
 *
 * `get-windows` has no change events, so this source asks for the active window every `pollMs` (default
 * 500 ms; each call costs a native call on Windows and a helper binary on macOS). It is an optional
 * dependency, loaded at start: when it is not installed, start() fails with MISSING_TOOL.
 */
import type { FocusEvent } from "@tracevault/core";
import {
  CaptureError,
  defaultClock,
  type ActiveWindowInfo,
  type CapturePlatform,
  type CaptureSink,
  type CaptureSource,
  type Clock,
} from "../capture/types.js";
import type { UrlProvider } from "./x11/window-source.js";

interface GetWindowsResult {
  id: number;
  title: string;
  bounds: { x: number; y: number; width: number; height: number };
  owner: { name: string; processId: number; path?: string; bundleId?: string };
  url?: string;
}
interface GetWindowsModule {
  activeWindow(opts?: {
    accessibilityPermission?: boolean;
    screenRecordingPermission?: boolean;
  }): Promise<GetWindowsResult | undefined>;
}

export interface GetWindowsSourceOptions {
  platform: Extract<CapturePlatform, "darwin" | "win32">;
  pollMs?: number;
  clock?: Clock;
  urlProvider?: UrlProvider;
}

export class GetWindowsActiveWindowSource implements CaptureSource {
  readonly channel = "window" as const;
  readonly platform: "darwin" | "win32";
  /** UNTESTED. */
  readonly tested = false;
  private readonly opts: GetWindowsSourceOptions;
  private readonly clock: Clock;
  private timer: ReturnType<typeof setInterval> | undefined;
  private last: ActiveWindowInfo | undefined;
  private busy = false;

  constructor(opts: GetWindowsSourceOptions) {
    this.opts = opts;
    this.platform = opts.platform;
    this.clock = opts.clock ?? defaultClock;
  }

  current(): ActiveWindowInfo | undefined {
    return this.last;
  }

  async start(sink: CaptureSink): Promise<void> {
    if (this.timer) return;
    let mod: GetWindowsModule;
    try {
      mod = (await import("get-windows" as string)) as GetWindowsModule;
    } catch (err) {
      throw new CaptureError(
        "MISSING_TOOL",
        "active-window capture on this platform needs the 'get-windows' package (npm install get-windows)",
        {
          channel: "window",
          cause: err,
        },
      );
    }
    const tick = async () => {
      if (this.busy) return;
      this.busy = true;
      try {
        const t = this.clock();
        // The title on macOS needs the screen-recording permission; without it get-windows returns "".
        const w = await mod.activeWindow({
          accessibilityPermission: false,
          screenRecordingPermission: false,
        });
        const info: ActiveWindowInfo = w
          ? {
              windowId: w.id,
              app: w.owner.name,
              title: w.title,
              pid: w.owner.processId,
              bounds: { x: w.bounds.x, y: w.bounds.y, w: w.bounds.width, h: w.bounds.height },
              t,
              ...(w.url ? { url: w.url } : {}),
            }
          : { windowId: 0, t };
        if (this.opts.urlProvider && !info.url) {
          const url = await Promise.resolve(this.opts.urlProvider(info)).catch(() => undefined);
          if (url) info.url = url;
        }
        const changed =
          !this.last ||
          this.last.windowId !== info.windowId ||
          this.last.title !== info.title ||
          this.last.url !== info.url ||
          this.last.app !== info.app;
        this.last = info;
        sink.window?.(info);
        if (changed) {
          const ev: FocusEvent = { kind: "focus", t: info.t, window_id: String(info.windowId) };
          if (info.app !== undefined) ev.app = info.app;
          if (info.title !== undefined) ev.title = info.title;
          if (info.url !== undefined) ev.url = info.url;
          if (info.pid !== undefined) ev.pid = info.pid;
          sink.event(ev);
        }
      } catch (err) {
        sink.log?.(`get-windows failed: ${(err as Error).message}`);
      } finally {
        this.busy = false;
      }
    };
    await tick();
    this.timer = setInterval(() => void tick(), this.opts.pollMs ?? 500);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
