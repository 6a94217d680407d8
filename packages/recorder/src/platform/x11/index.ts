import type { CaptureChannel } from "@tracevault/core";
import {
  HookInputSource,
  createInputSources,
  type InputChannel,
  type KeymapProvider,
  type RestartPolicy,
} from "../../capture/input-source.js";
import { Keymap } from "../../capture/keymap.js";
import type { CaptureSource, Clock } from "../../capture/types.js";
import { resolveDisplay } from "./connection.js";
import { checkX11Display } from "./display-check.js";
import { X11KeyboardLayout } from "./keyboard-layout.js";
import { X11RecordInput } from "./record-input.js";
import { X11ScreenshotSource } from "./screenshot-source.js";
import { X11ActiveWindowSource, type UrlProvider } from "./window-source.js";

export * from "./connection.js";
export * from "./display-check.js";
export * from "./keyboard-layout.js";
export * from "./screenshot-source.js";
export * from "./tray.js";
export * from "./window-source.js";
export * from "./desktop-settings.js";
export * from "./record-input.js";

/**
 * How keyboard and mouse are captured on X11:
 * - "xrecord" (default): RECORD spoken in the recorder process by the pure-JS `x11` client
 *   ({@link X11RecordInput}); no helper process.
 * - "uiohook": libuiohook in a supervised child process ({@link InputHook}), the macOS/Windows path.
 * `TRACEVAULT_INPUT_BACKEND=uiohook` selects the child when no option is given.
 */
export type X11InputBackend = "xrecord" | "uiohook";

export interface X11SourcesOptions {
  /** Channels the manifest allows: only these sources are created. */
  channels: readonly CaptureChannel[];
  /** X display (default $DISPLAY). */
  display?: string;
  clock?: Clock;
  urlProvider?: UrlProvider;
  wheelPixelsPerNotch?: number;
  restart?: Partial<RestartPolicy>;
  /** Use MIT-SHM for screenshots (default true). */
  shm?: boolean;
  /** Read the real keyboard layout from the X server (default true); false = built-in US table. */
  readLayout?: boolean;
  /** See {@link X11InputBackend} (default "xrecord", or $TRACEVAULT_INPUT_BACKEND). */
  inputBackend?: X11InputBackend;
}

function inputBackendOf(opt: X11InputBackend | undefined): X11InputBackend {
  const v = opt ?? process.env.TRACEVAULT_INPUT_BACKEND ?? "xrecord";
  if (v !== "xrecord" && v !== "uiohook")
    throw new Error(`TRACEVAULT_INPUT_BACKEND must be 'xrecord' or 'uiohook', got '${v}'`);
  return v;
}

/**
 * The active keyboard layout for the input hook: opened on the hook's preflight (so after the display
 * check), reopened when the connection was lost, US when it cannot be read.
 */
class X11KeymapProvider implements KeymapProvider {
  private layout: X11KeyboardLayout | undefined;
  private readonly us = Keymap.us();
  constructor(private readonly display: string) {}
  async ensure(): Promise<void> {
    if (this.layout) return;
    this.layout = await X11KeyboardLayout.open(this.display).catch(() => undefined);
  }
  current(): Keymap {
    return this.layout?.current() ?? this.us;
  }
  async capsLock(): Promise<boolean> {
    return (await this.layout?.capsLock().catch(() => false)) ?? false;
  }
  async close(): Promise<void> {
    const l = this.layout;
    this.layout = undefined;
    await l?.close();
  }
}

/**
 * Capture sources for an X11 desktop, one per allowed channel, all tested under Xvfb + openbox:
 * keyboard and mouse (RECORD in process by default, or uiohook-napi in a supervised child with the display
 * and RECORD checked first: see {@link X11InputBackend}), window
 * (event-driven active-window watcher), screenshots (GetImage/MIT-SHM + sharp). `clipboard` has no source
 * yet and is skipped.
 */
export function createX11Sources(opts: X11SourcesOptions): CaptureSource[] {
  const display = resolveDisplay(opts.display);
  const allowed = new Set(opts.channels);
  const out: CaptureSource[] = [];
  const inputChannels = (["keyboard", "mouse"] as const).filter((c) => allowed.has(c)) as InputChannel[];
  if (inputChannels.length > 0) {
    const keymap =
      allowed.has("keyboard") && opts.readLayout !== false ? new X11KeymapProvider(display) : undefined;
    if (inputBackendOf(opts.inputBackend) === "xrecord") {
      const input = new X11RecordInput({
        display,
        channels: inputChannels,
        ...(keymap ? { keymap, prepare: () => keymap.ensure() } : {}),
        ...(opts.clock ? { clock: opts.clock } : {}),
        ...(opts.restart ? { restart: opts.restart } : {}),
        ...(opts.wheelPixelsPerNotch !== undefined ? { wheelPixelsPerNotch: opts.wheelPixelsPerNotch } : {}),
      });
      for (const c of inputChannels)
        out.push(
          new HookInputSource(
            input,
            c,
            "linux-x11",
            true,
            c === "keyboard" && keymap ? () => keymap.close() : undefined,
          ),
        );
    } else {
      const inputs = createInputSources({
        channels: inputChannels,
        target: `display ${display}`,
        env: { ...process.env, DISPLAY: display },
        preflight: async () => {
          await checkX11Display({ display, requireRecord: true });
          await keymap?.ensure();
        },
        ...(keymap ? { keymap } : {}),
        ...(opts.clock ? { clock: opts.clock } : {}),
        ...(opts.restart ? { restart: opts.restart } : {}),
        ...(opts.wheelPixelsPerNotch !== undefined ? { wheelPixelsPerNotch: opts.wheelPixelsPerNotch } : {}),
        platform: "linux-x11",
        tested: true,
        ...(keymap ? { cleanup: { keyboard: () => keymap.close() } } : {}),
      });
      out.push(...inputs);
    }
  }
  if (allowed.has("window"))
    out.push(
      new X11ActiveWindowSource({
        display,
        ...(opts.clock ? { clock: opts.clock } : {}),
        ...(opts.urlProvider ? { urlProvider: opts.urlProvider } : {}),
        ...(opts.restart ? { restart: opts.restart } : {}),
      }),
    );
  if (allowed.has("screenshots"))
    out.push(
      new X11ScreenshotSource({
        display,
        ...(opts.clock ? { clock: opts.clock } : {}),
        ...(opts.shm !== undefined ? { shm: opts.shm } : {}),
      }),
    );
  return out;
}
