import type { CaptureChannel } from "@tracevault/core";
import { createInputSources, type InputChannel, type RestartPolicy } from "../capture/input-source.js";
import { CaptureError, type CaptureSource, type Clock } from "../capture/types.js";
import { GetWindowsActiveWindowSource } from "./get-windows-source.js";
import { NativeScreenshotSource } from "./native-screenshot.js";
import { createX11Sources } from "./x11/index.js";
import type { UrlProvider } from "./x11/window-source.js";

export * from "./x11/index.js";
export * from "./get-windows-source.js";
export * from "./native-screenshot.js";

export interface CaptureSourcesOptions {
  /** Channels the manifest allows: a source is created for these only. */
  channels: readonly CaptureChannel[];
  /** X11 only: the display (default $DISPLAY). */
  display?: string;
  clock?: Clock;
  /** Browser URL hook (X11 windows carry no URL). */
  urlProvider?: UrlProvider;
  /** See InputMapperOptions.wheelPixelsPerNotch (default: pixels omitted). */
  wheelPixelsPerNotch?: number;
  restart?: Partial<RestartPolicy>;
  /** Platform override (tests). */
  platform?: NodeJS.Platform;
}

/**
 * UNTESTED — macOS and Windows sources: uiohook-napi in the same supervised child (no display preflight;
 * macOS needs the Accessibility / Input Monitoring permission, and the built-in US layout is used for
 * characters), get-windows for the active window (polling), native screenshots. Never run; `tested` is
 * false on every one of them.
 */
function createNativeSources(platform: "darwin" | "win32", opts: CaptureSourcesOptions): CaptureSource[] {
  const allowed = new Set(opts.channels);
  const out: CaptureSource[] = [];
  const inputChannels = (["keyboard", "mouse"] as const).filter((c) => allowed.has(c)) as InputChannel[];
  if (inputChannels.length > 0)
    out.push(
      ...createInputSources({
        channels: inputChannels,
        target: platform === "darwin" ? "the macOS desktop" : "the Windows desktop",
        platform,
        tested: false,
        ...(opts.clock ? { clock: opts.clock } : {}),
        ...(opts.restart ? { restart: opts.restart } : {}),
        ...(opts.wheelPixelsPerNotch !== undefined ? { wheelPixelsPerNotch: opts.wheelPixelsPerNotch } : {}),
      }),
    );
  if (allowed.has("window"))
    out.push(
      new GetWindowsActiveWindowSource({
        platform,
        ...(opts.clock ? { clock: opts.clock } : {}),
        ...(opts.urlProvider ? { urlProvider: opts.urlProvider } : {}),
      }),
    );
  if (allowed.has("screenshots"))
    out.push(new NativeScreenshotSource(platform, opts.clock ? { clock: opts.clock } : {}));
  return out;
}

/**
 * The capture sources of this platform for the channels the manifest allows (one source per channel;
 * `clipboard` has none yet). Linux/X11 is tested; macOS and Windows are written but UNTESTED (see each
 * source's `tested` flag and platform/README.md).
 *
 * Throws NO_DISPLAY on Linux without DISPLAY, UNSUPPORTED on other platforms.
 * @example
 * const sources = createCaptureSources({ channels: manifest.channels });
 * for (const s of sources) await s.start(sink);
 */
export function createCaptureSources(opts: CaptureSourcesOptions): CaptureSource[] {
  const platform = opts.platform ?? process.platform;
  switch (platform) {
    case "linux":
    case "freebsd":
    case "openbsd":
      return createX11Sources(opts);
    case "darwin":
    case "win32":
      return createNativeSources(platform, opts);
    default:
      throw new CaptureError("UNSUPPORTED", `no capture sources for platform ${platform}`);
  }
}
