/**
 * A system-tray icon showing whether recording is on, for X11 desktops that have a tray (freedesktop
 * System Tray Protocol over XEmbed). It speaks X directly through the pure-JS `x11` package on a connection
 * of its own, so it never aborts the process and never disturbs the capture sources' connections.
 *
 * The icon is an indicator only: it takes no input and shows nothing but the state.
 */
import { existsSync } from "node:fs";
import { z } from "zod";
import { EventMask, XConnection, resolveDisplay, type XClient, type XEvent } from "./connection.js";

export type TrayState = "recording" | "paused" | "stopped";

const TrayStateSchema = z.enum(["recording", "paused", "stopped"]);

const OptionsSchema = z
  .object({
    /** X display (default $DISPLAY). */
    display: z.string().optional(),
    /** State shown from the start (default "recording"). */
    state: TrayStateSchema.optional(),
    /** Requested icon size in pixels before the tray sizes it (default 24). */
    size: z.number().int().min(8).max(256).optional(),
    /** How long to wait for the tray to embed the icon before giving up (default 3000 ms). */
    dockTimeoutMs: z.number().int().positive().max(60_000).optional(),
    /** Called whenever the icon enters or leaves a tray (tray killed, restarted, replaced). */
    onDockChange: z.custom<(docked: boolean) => void>((v) => typeof v === "function").optional(),
  })
  .strict();

export type TrayIndicatorOptions = z.input<typeof OptionsSchema>;

export interface TrayIndicator {
  /** The icon's X window id (diagnostics, tests). */
  readonly window: number;
  /** Whether a tray currently embeds the icon. After a tray restart it docks again by itself. */
  readonly docked: boolean;
  readonly state: TrayState;
  /** Times the icon docked into a tray after the first time (tray restarted or replaced). */
  readonly redocks: number;
  /** Show a state; `detail` (e.g. "lease lost") goes into the window title after the state. */
  setState(state: TrayState, detail?: string): void;
  /** Remove the icon and close the X connection. Idempotent. */
  close(): Promise<void>;
}

export interface TrayUnavailable {
  unavailable: string;
}

/** The colours painted for each state (0xRRGGBB). Exported so tests and docs name the same values. */
export const TRAY_COLOURS = {
  background: 0x202020,
  recording: 0xe01b24,
  paused: 0xa0a0a0,
  pauseBars: 0x202020,
  stopped: 0x4a4a4a,
  strike: 0x8a8a8a,
} as const;

/** The window title for a state, as trays show it in their tooltip / task lists. */
export function trayTitle(state: TrayState, detail?: string): string {
  return `tracevault: ${state}${detail ? ` (${detail})` : ""}`;
}

// Core protocol constants used below.
const CopyFromParent = 0;
const InputOutput = 1;
const ExposureMask = 1 << 15;
const XA_STRING = 31;
const XA_WM_NAME = 39;
const XA_WM_CLASS = 67;
const XA_WM_NORMAL_HINTS = 40;
const XA_WM_SIZE_HINTS = 41;
const PMinSize = 1 << 4;
const PBaseSize = 1 << 8;
const ClientMessage = 33;
const SYSTEM_TRAY_REQUEST_DOCK = 0;
const XEMBED_EMBEDDED_NOTIFY = 0;
/** _XEMBED_INFO flag: the embedder maps the icon (the client never maps itself). */
const XEMBED_MAPPED = 1;
const TrueColor = 4;
const DirectColor = 5;

/** Requests the capture layer's typed client does not cover. All are fire-and-forget. */
interface TrayX extends XClient {
  AllocID(): number;
  CreateWindow(
    id: number,
    parent: number,
    x: number,
    y: number,
    w: number,
    h: number,
    border: number,
    depth: number,
    cls: number,
    visual: number,
    values: { backgroundPixel?: number; eventMask?: number },
  ): void;
  DestroyWindow(wid: number): void;
  UnmapWindow(wid: number): void;
  ChangeProperty(mode: number, wid: number, prop: number, type: number, format: number, data: Buffer): void;
  CreateGC(gc: number, drawable: number, values: Record<string, number>): void;
  ChangeGC(gc: number, values: Record<string, number>): void;
  FreeGC(gc: number): void;
  ClearArea(wid: number, x: number, y: number, w: number, h: number, exposures: number): void;
  PolyFillArc(drawable: number, gc: number, arcs: number[]): void;
  PolyFillRectangle(drawable: number, gc: number, rects: number[]): void;
  PolySegment(drawable: number, gc: number, segments: number[]): void;
  SendEvent(destination: number, propagate: number, mask: number, event: Buffer): void;
  AllocColor(
    cmap: number,
    r: number,
    g: number,
    b: number,
    cb: (err: Error | null, c: { pixel: number }) => void,
  ): void;
}

interface ScreenInfo {
  root: number;
  default_colormap: number;
  root_depth: number;
  root_visual: number;
  depths?: Record<
    string,
    Record<string, { class?: number; red_mask: number; green_mask: number; blue_mask: number }>
  >;
}

/** The screen number in a display name (":1.2" → 2), 0 when absent. */
function screenNumber(display: string): number {
  const m = /:\d+\.(\d+)$/.exec(display);
  return m ? Number(m[1]) : 0;
}

/**
 * For a local display (":N"), the socket path when it does not exist. Xlib reaches ":N" only through that
 * socket; the `x11` package would fall back to TCP and leave the failed local socket open.
 */
function missingLocalSocket(display: string): string | undefined {
  if (process.platform !== "linux") return undefined;
  const m = /^(?:unix)?:(\d+)(?:\.\d+)?$/.exec(display);
  if (!m) return undefined;
  const path = `/tmp/.X11-unix/X${m[1]}`;
  return existsSync(path) ? undefined : path;
}

function shiftFor(mask: number): { shift: number; bits: number } {
  let shift = 0;
  while (shift < 32 && ((mask >>> shift) & 1) === 0) shift++;
  let bits = 0;
  while (shift + bits < 32 && ((mask >>> (shift + bits)) & 1) === 1) bits++;
  return { shift, bits };
}

/** Pixel values for the palette: computed from the visual's masks on TrueColor, else allocated. */
async function palette(X: TrayX, scr: ScreenInfo): Promise<Record<keyof typeof TRAY_COLOURS, number>> {
  const visual = scr.depths?.[String(scr.root_depth)]?.[String(scr.root_visual)];
  const out = {} as Record<keyof typeof TRAY_COLOURS, number>;
  for (const [name, rgb] of Object.entries(TRAY_COLOURS) as [keyof typeof TRAY_COLOURS, number][]) {
    const [r, g, b] = [(rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff];
    if (
      visual &&
      (visual.class === TrueColor || visual.class === DirectColor || visual.class === undefined)
    ) {
      const chan = (v: number, mask: number) => {
        const { shift, bits } = shiftFor(mask);
        return (Math.round((v * ((1 << bits) - 1)) / 255) << shift) >>> 0;
      };
      out[name] = (chan(r, visual.red_mask) | chan(g, visual.green_mask) | chan(b, visual.blue_mask)) >>> 0;
    } else {
      out[name] = await new Promise<number>((resolve, reject) =>
        X.AllocColor(scr.default_colormap, r * 257, g * 257, b * 257, (err, c) =>
          err ? reject(err) : resolve(c.pixel),
        ),
      );
    }
  }
  return out;
}

function utf8(s: string): Buffer {
  return Buffer.from(s, "utf8");
}

/** A 32-byte ClientMessage event, format 32, for SendEvent. */
function clientMessage(window: number, type: number, data: number[]): Buffer {
  const b = Buffer.alloc(32);
  b[0] = ClientMessage;
  b[1] = 32;
  b.writeUInt32LE(window >>> 0, 4);
  b.writeUInt32LE(type >>> 0, 8);
  for (let i = 0; i < 5; i++) b.writeUInt32LE((data[i] ?? 0) >>> 0, 12 + i * 4);
  return b;
}

class X11TrayIndicator implements TrayIndicator {
  private win: number;
  private readonly X: TrayX;
  private readonly gc: number;
  private current: TrayState;
  private detail: string | undefined;
  private width: number;
  private height: number;
  /** The tray manager we asked to embed us; 0 while there is no tray. */
  private manager = 0;
  private isDocked = false;
  private dockCount = 0;
  private closing: Promise<void> | undefined;
  private ended = false;
  private readonly unsubscribe: (() => void)[] = [];
  private dockWaiters: ((docked: boolean) => void)[] = [];

  constructor(
    private readonly conn: XConnection,
    private readonly scr: ScreenInfo,
    private readonly atoms: Record<string, number>,
    private readonly pixels: Record<keyof typeof TRAY_COLOURS, number>,
    private readonly opts: { state: TrayState; size: number; onDockChange?: (docked: boolean) => void },
  ) {
    this.X = conn.X as TrayX;
    this.current = opts.state;
    this.width = this.height = opts.size;
    this.gc = this.X.AllocID();
    this.win = this.createWindow();
    this.X.CreateGC(this.gc, this.win, { foreground: pixels.background, graphicsExposures: 0 });
    this.unsubscribe.push(
      conn.onEvent((ev) => this.onEvent(ev)),
      conn.onEnd(() => {
        this.ended = true;
        this.manager = 0;
        this.setDocked(false);
        this.resolveDockWaiters(false);
      }),
    );
  }

  get window(): number {
    return this.win;
  }
  get docked(): boolean {
    return this.isDocked;
  }
  get state(): TrayState {
    return this.current;
  }
  get redocks(): number {
    return Math.max(0, this.dockCount - 1);
  }

  setState(state: TrayState, detail?: string): void {
    const parsed = TrayStateSchema.safeParse(state);
    if (!parsed.success)
      throw new TypeError(
        `tray state must be "recording", "paused" or "stopped", got ${JSON.stringify(state)}`,
      );
    if (detail !== undefined && typeof detail !== "string")
      throw new TypeError(`tray state detail must be a string, got ${typeof detail}`);
    this.current = parsed.data;
    this.detail = detail;
    if (!this.live) return;
    this.writeTitle();
    this.paint();
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      for (const u of this.unsubscribe) u();
      this.resolveDockWaiters(false);
      const wasDocked = this.isDocked;
      this.isDocked = false;
      if (wasDocked) this.opts.onDockChange?.(false);
      if (!this.ended && !this.conn.isClosed) {
        try {
          // Destroying the window is what tells the tray to drop its socket for us.
          this.X.FreeGC(this.gc);
          this.X.DestroyWindow(this.win);
        } catch {
          /* the connection is going away anyway */
        }
      }
      await this.conn.close();
    })();
    return this.closing;
  }

  /** Ask the current selection owner (if any) to embed the icon. */
  async dock(): Promise<boolean> {
    if (!this.live) return false;
    const owner = await this.conn.selectionOwner(this.selectionName).catch(() => 0);
    if (!this.live) return false;
    if (owner === 0) {
      this.manager = 0;
      return false;
    }
    this.requestDock(owner);
    return true;
  }

  /** Wait until the icon is embedded, or `ms` passed, or the indicator closed. */
  waitDocked(ms: number): Promise<boolean> {
    if (this.isDocked) return Promise.resolve(true);
    return new Promise((resolve) => {
      const t = setTimeout(() => done(false), ms);
      const done = (ok: boolean) => {
        clearTimeout(t);
        this.dockWaiters = this.dockWaiters.filter((w) => w !== done);
        resolve(ok);
      };
      this.dockWaiters.push(done);
    });
  }

  get selectionName(): string {
    return `_NET_SYSTEM_TRAY_S${screenNumber(this.conn.display)}`;
  }

  private get live(): boolean {
    return this.closing === undefined && !this.ended;
  }

  private requestDock(owner: number): void {
    this.manager = owner;
    // StructureNotify on the manager: its DestroyNotify says the tray is gone.
    this.X.ChangeWindowAttributes(owner, { eventMask: EventMask.StructureNotify });
    // The spec's dock request: sent to the manager window with an empty event mask, so it goes to the
    // client that created that window, i.e. the tray.
    const ev = clientMessage(owner, this.atoms._NET_SYSTEM_TRAY_OPCODE!, [
      0,
      SYSTEM_TRAY_REQUEST_DOCK,
      this.win,
    ]);
    this.X.SendEvent(owner, 0, 0, ev);
  }

  private trayGone(): void {
    this.manager = 0;
    this.setDocked(false);
  }

  private setDocked(docked: boolean): void {
    if (docked === this.isDocked) return;
    this.isDocked = docked;
    if (docked) {
      this.dockCount++;
      this.resolveDockWaiters(true);
    }
    this.opts.onDockChange?.(docked);
  }

  private resolveDockWaiters(ok: boolean): void {
    const waiters = this.dockWaiters;
    this.dockWaiters = [];
    for (const w of waiters) w(ok);
  }

  private onEvent(ev: XEvent): void {
    if (!this.live) return;
    const e = ev as XEvent & Record<string, number | boolean | number[] | undefined>;
    switch (ev.name) {
      case "ClientMessage": {
        const data = (e.data as number[] | undefined) ?? [];
        if (e.message_type === this.atoms.MANAGER && data[1] === this.atoms.selection) {
          // A (new) tray took the selection: this is the broadcast every tray sends when it starts.
          const owner = data[2] ?? 0;
          if (owner !== 0 && (owner !== this.manager || !this.isDocked)) this.requestDock(owner);
        } else if (
          e.wid === this.win &&
          e.message_type === this.atoms._XEMBED &&
          data[1] === XEMBED_EMBEDDED_NOTIFY &&
          this.manager !== 0
        ) {
          this.setDocked(true);
        }
        return;
      }
      case "ReparentNotify":
        if (e.wid !== this.win) return;
        if (e.parent === this.scr.root) {
          // Back on the root: the tray died and the server's save-set handling rescued the window. It must
          // not linger as a stray top-level window until the next tray asks for it.
          this.trayGone();
          this.X.UnmapWindow(this.win);
        } else if (this.manager !== 0) {
          this.setDocked(true);
        }
        return;
      case "MapNotify":
        // Mapped while no tray holds it (save-set rescue, or a window manager framing it): hide it.
        if (e.wid === this.win && this.manager === 0) this.X.UnmapWindow(this.win);
        return;
      case "DestroyNotify":
        if (e.wid === this.win) {
          // Destroyed along with a tray that did not keep it in its save-set (or died before it could):
          // start over with a new window, docked when the next tray announces itself.
          this.trayGone();
          this.win = this.createWindow();
        } else if (e.wid === this.manager && this.manager !== 0) this.trayGone();
        return;
      case "ConfigureNotify":
        if (e.wid === this.win && (e.width !== this.width || e.height !== this.height)) {
          this.width = e.width as number;
          this.height = e.height as number;
          this.paint();
        }
        return;
      case "Expose":
        if (e.wid === this.win && e.count === 0) this.paint();
        return;
      default:
        return;
    }
  }

  /** A fresh, unmapped icon window on the root, with the properties trays read. */
  private createWindow(): number {
    const { X, atoms, opts } = this;
    const w = X.AllocID();
    X.CreateWindow(
      w,
      this.scr.root,
      0,
      0,
      opts.size,
      opts.size,
      0,
      CopyFromParent,
      InputOutput,
      CopyFromParent,
      {
        backgroundPixel: this.pixels.background,
        eventMask: ExposureMask | EventMask.StructureNotify,
      },
    );
    const info = Buffer.alloc(8);
    info.writeUInt32LE(0, 0); // XEmbed protocol version
    info.writeUInt32LE(XEMBED_MAPPED, 4);
    X.ChangeProperty(0, w, atoms._XEMBED_INFO!, atoms._XEMBED_INFO!, 32, info);
    X.ChangeProperty(0, w, XA_WM_CLASS, XA_STRING, 8, Buffer.from("tracevault-tray\0tracevault\0", "latin1"));
    // GTK trays size the socket from the icon's minimum size; without it the icon gets 1 pixel of width.
    const hints = Buffer.alloc(18 * 4);
    hints.writeUInt32LE(PMinSize | PBaseSize, 0);
    hints.writeUInt32LE(opts.size, 5 * 4);
    hints.writeUInt32LE(opts.size, 6 * 4);
    hints.writeUInt32LE(opts.size, 15 * 4);
    hints.writeUInt32LE(opts.size, 16 * 4);
    X.ChangeProperty(0, w, XA_WM_NORMAL_HINTS, XA_WM_SIZE_HINTS, 32, hints);
    this.width = this.height = opts.size;
    this.writeTitle(w);
    return w;
  }

  private writeTitle(w = this.win): void {
    const title = trayTitle(this.current, this.detail);
    this.X.ChangeProperty(0, w, this.atoms._NET_WM_NAME!, this.atoms.UTF8_STRING!, 8, utf8(title));
    // WM_NAME is Latin-1; the title is ASCII unless a caller passes other text in `detail`.
    this.X.ChangeProperty(0, w, XA_WM_NAME, XA_STRING, 8, Buffer.from(title, "latin1"));
  }

  private paint(): void {
    const { X, gc, window: w, pixels: px } = this;
    const size = Math.max(1, Math.min(this.width, this.height));
    const margin = Math.max(1, Math.round(size * 0.1));
    const d = Math.max(1, size - 2 * margin);
    const x = Math.floor((this.width - d) / 2);
    const y = Math.floor((this.height - d) / 2);
    X.ClearArea(w, 0, 0, 0, 0, 0);
    const disc = (pixel: number) => {
      X.ChangeGC(gc, { foreground: pixel });
      X.PolyFillArc(w, gc, [x, y, d, d, 0, 360 * 64]);
    };
    switch (this.current) {
      case "recording":
        disc(px.recording);
        break;
      case "paused": {
        disc(px.paused);
        // Two bars either side of the centre: the centre itself stays the disc colour.
        const bw = Math.max(1, Math.round(d / 6));
        const bh = Math.max(1, Math.round(d / 2));
        const by = y + Math.round((d - bh) / 2);
        const cx = x + d / 2;
        X.ChangeGC(gc, { foreground: px.pauseBars });
        X.PolyFillRectangle(w, gc, [
          Math.round(cx - d / 12 - bw),
          by,
          bw,
          bh,
          Math.round(cx + d / 12),
          by,
          bw,
          bh,
        ]);
        break;
      }
      case "stopped": {
        disc(px.stopped);
        X.ChangeGC(gc, { foreground: px.strike, lineWidth: Math.max(2, Math.round(size / 8)) });
        X.PolySegment(w, gc, [x, y + d, x + d, y]);
        break;
      }
    }
  }
}

/**
 * Put a recording indicator in the X11 system tray of `display` (default $DISPLAY).
 *
 * Resolves with `{ unavailable: reason }` — never rejects — when there is no display, no tray owns
 * `_NET_SYSTEM_TRAY_S<screen>`, or the tray did not embed the icon in time. Invalid options throw a
 * TypeError (a programming error, not a property of the desktop). Once docked, the icon follows tray
 * restarts by itself (MANAGER broadcasts on the root window).
 */
export async function startTrayIndicator(
  options: TrayIndicatorOptions = {},
): Promise<TrayIndicator | TrayUnavailable> {
  const parsed = OptionsSchema.safeParse(options);
  if (!parsed.success)
    throw new TypeError(
      `invalid tray indicator options: ${parsed.error.issues.map((i) => `${i.path.join(".") || "options"}: ${i.message}`).join("; ")}`,
    );
  const opts = parsed.data;
  const dockTimeoutMs = opts.dockTimeoutMs ?? 3000;

  let conn: XConnection;
  try {
    const display = resolveDisplay(opts.display);
    const missing = missingLocalSocket(display);
    if (missing)
      return {
        unavailable: `no system tray: cannot connect to X display ${display}: ${missing} does not exist`,
      };
    conn = await XConnection.open(display);
  } catch (err) {
    return { unavailable: `no system tray: ${(err as Error).message}` };
  }
  let indicator: X11TrayIndicator | undefined;
  try {
    const n = screenNumber(conn.display);
    const scr = conn.info.screen[n] as unknown as ScreenInfo | undefined;
    if (!scr) {
      await conn.close();
      return { unavailable: `no system tray: display ${conn.display} has no screen ${n}` };
    }
    const selection = `_NET_SYSTEM_TRAY_S${n}`;
    const atoms: Record<string, number> = { selection: await conn.atom(selection) };
    for (const name of [
      "_NET_SYSTEM_TRAY_OPCODE",
      "MANAGER",
      "_XEMBED",
      "_XEMBED_INFO",
      "_NET_WM_NAME",
      "UTF8_STRING",
    ])
      atoms[name] = await conn.atom(name);
    const X = conn.X as TrayX;
    // Watch for MANAGER broadcasts before asking who owns the selection, so a tray starting in between
    // is not missed.
    await conn.selectInput(scr.root, EventMask.StructureNotify);
    if ((await conn.selectionOwner(selection)) === 0) {
      await conn.close();
      return { unavailable: `no system tray on this display (${conn.display}): nothing owns ${selection}` };
    }
    const pixels = await palette(X, scr);
    indicator = new X11TrayIndicator(conn, scr, atoms, pixels, {
      state: opts.state ?? "recording",
      size: opts.size ?? 24,
      ...(opts.onDockChange ? { onDockChange: opts.onDockChange } : {}),
    });
    const waiting = indicator.waitDocked(dockTimeoutMs);
    if (!(await indicator.dock())) {
      await indicator.close();
      return { unavailable: `no system tray on this display (${conn.display}): the tray went away` };
    }
    if (!(await waiting)) {
      await indicator.close();
      return {
        unavailable: `the system tray on ${conn.display} did not embed the icon within ${dockTimeoutMs} ms`,
      };
    }
    return indicator;
  } catch (err) {
    if (indicator) await indicator.close();
    else await conn.close();
    return { unavailable: `no system tray: ${(err as Error).message}` };
  }
}
