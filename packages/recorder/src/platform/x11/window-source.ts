import type { FocusEvent } from "@tracevault/core";
import { DEFAULT_RESTART_POLICY, type RestartPolicy } from "../../capture/input-source.js";
import {
  CaptureError,
  defaultClock,
  type ActiveWindowInfo,
  type CaptureSink,
  type CaptureSource,
  type Clock,
  type Rect,
} from "../../capture/types.js";
import { EventMask, XConnection, resolveDisplay, type XEvent } from "./connection.js";

/**
 * Supplies the URL of the page in a browser window. X11 window properties carry no URL (Chromium's title
 * is "page title - Chromium"); a URL needs a browser extension or the DevTools protocol, which the recorder
 * wires in here. Return undefined when unknown. Called on every focus / title change; keep it fast (it is
 * given `urlTimeoutMs`, default 250 ms).
 */
export type UrlProvider = (window: ActiveWindowInfo) => string | undefined | Promise<string | undefined>;

export interface X11WindowSourceOptions {
  display?: string;
  clock?: Clock;
  urlProvider?: UrlProvider;
  urlTimeoutMs?: number;
  /**
   * openbox briefly sets `_NET_ACTIVE_WINDOW` to 0 (None) during a focus switch. A 0 is reported as "no
   * active window" only if it lasts this long (default 150 ms).
   */
  noWindowGraceMs?: number;
  /** Reconnection when the display connection drops (default: 3 attempts, then a DISPLAY_GONE error). */
  restart?: Partial<RestartPolicy>;
}

/** A top-level window (for blacking out excluded windows in screenshots). */
export interface WindowInfo {
  windowId: number;
  app?: string;
  instance?: string;
  title?: string;
  pid?: number;
  bounds?: Rect;
}

function parseWmClass(data: Buffer): { instance?: string; app?: string } {
  const [instance, cls] = data.toString("latin1").split("\0");
  const r: { instance?: string; app?: string } = {};
  if (instance) r.instance = instance;
  if (cls) r.app = cls;
  return r;
}

function sameFocus(a: ActiveWindowInfo | undefined, b: ActiveWindowInfo): boolean {
  return (
    !!a &&
    a.windowId === b.windowId &&
    a.title === b.title &&
    a.app === b.app &&
    a.url === b.url &&
    a.pid === b.pid
  );
}

/** Read what the capture layer needs about one client window. Missing properties stay undefined. */
export async function readWindowInfo(conn: XConnection, wid: number): Promise<WindowInfo> {
  const [cls, netName, wmName, pid, bounds] = await Promise.all([
    conn.property(wid, "WM_CLASS", 1024).catch(() => undefined),
    conn.text(wid, "_NET_WM_NAME").catch(() => undefined),
    conn.text(wid, "WM_NAME").catch(() => undefined),
    conn.cardinal(wid, "_NET_WM_PID").catch(() => undefined),
    windowBounds(conn, wid).catch(() => undefined),
  ]);
  const info: WindowInfo = { windowId: wid, ...(cls ? parseWmClass(cls.data) : {}) };
  const title = netName ?? wmName;
  if (title !== undefined) info.title = title;
  if (pid !== undefined) info.pid = pid;
  if (bounds) info.bounds = bounds;
  return info;
}

/** The content rectangle of a window in root (global screen) coordinates. */
export async function windowBounds(conn: XConnection, wid: number): Promise<Rect> {
  const [g, tr] = await Promise.all([conn.geometry(wid), conn.translate(wid, conn.root, 0, 0)]);
  return { x: tr.destX, y: tr.destY, w: g.width, h: g.height };
}

/**
 * Managed top-level windows that are mapped, bottom to top (`_NET_CLIENT_LIST_STACKING`), with bounds.
 * Use it to black out excluded windows that are visible without being focused.
 */
export async function listVisibleWindows(conn: XConnection): Promise<WindowInfo[]> {
  const p = await conn.property(conn.root, "_NET_CLIENT_LIST_STACKING", 4096).catch(() => undefined);
  if (!p || p.format !== 32) return [];
  const ids: number[] = [];
  for (let i = 0; i + 4 <= p.data.length; i += 4) ids.push(p.data.readUInt32LE(i));
  const hiddenAtom = await conn.atom("_NET_WM_STATE_HIDDEN");
  const out = await Promise.all(
    ids.map(async (wid) => {
      try {
        const [attrs, state] = await Promise.all([
          conn.windowAttributes(wid),
          conn.property(wid, "_NET_WM_STATE", 256).catch(() => undefined),
        ]);
        if (attrs.mapState !== 2) return undefined;
        if (state && state.format === 32)
          for (let i = 0; i + 4 <= state.data.length; i += 4)
            if (state.data.readUInt32LE(i) === hiddenAtom) return undefined;
        return await readWindowInfo(conn, wid);
      } catch {
        return undefined; // window vanished meanwhile
      }
    }),
  );
  return out.filter((w): w is WindowInfo => w !== undefined);
}

/**
 * The active window on X11, event-driven: PropertyNotify on the root for `_NET_ACTIVE_WINDOW`, and on the
 * active window for `_NET_WM_NAME` / `WM_NAME` (title) and ConfigureNotify (bounds). No polling, no child
 * processes. Emits a `focus` event when the window, its title or its URL changes (after `sink.window` with
 * the full information, bounds included, so the recorder can filter before anything is written).
 *
 * A `focus` event with `window_id: "0"` and nothing else means no window is active (the desktop).
 * Needs a window manager (EWMH `_NET_ACTIVE_WINDOW`); without one, start() fails with NO_WINDOW_MANAGER.
 */
export class X11ActiveWindowSource implements CaptureSource {
  readonly channel = "window" as const;
  readonly platform = "linux-x11" as const;
  readonly tested = true;
  private readonly opts: X11WindowSourceOptions;
  private readonly clock: Clock;
  private readonly policy: RestartPolicy;
  private conn: XConnection | undefined;
  private sink: CaptureSink | undefined;
  private active = 0;
  private watched = 0;
  private gen = 0;
  private last: ActiveWindowInfo | undefined;
  private lastEmitted: ActiveWindowInfo | undefined;
  private zeroTimer: ReturnType<typeof setTimeout> | undefined;
  private running = false;
  private atoms: Record<string, number> = {};
  /** Reconnections performed (tests). */
  reconnects = 0;
  /** Times `_NET_ACTIVE_WINDOW` was 0 for less than the grace period and so not reported (diagnostics). */
  transientZeros = 0;

  constructor(opts: X11WindowSourceOptions = {}) {
    this.opts = opts;
    this.clock = opts.clock ?? defaultClock;
    this.policy = { ...DEFAULT_RESTART_POLICY, ...opts.restart };
  }

  /** The active window as last read (bounds kept current). */
  current(): ActiveWindowInfo | undefined {
    return this.last;
  }

  /** Visible managed windows, bottom to top (see {@link listVisibleWindows}). */
  async visibleWindows(): Promise<WindowInfo[]> {
    if (!this.conn)
      throw new CaptureError("FAILED", "the window source is not running", { channel: "window" });
    return listVisibleWindows(this.conn);
  }

  async start(sink: CaptureSink): Promise<void> {
    if (this.running) return;
    this.sink = sink;
    this.running = true;
    try {
      await this.connect();
    } catch (err) {
      this.running = false;
      throw err;
    }
  }

  private async connect(): Promise<void> {
    const display = resolveDisplay(this.opts.display);
    const conn = await XConnection.open(display);
    try {
      const wm = await conn.cardinal(conn.root, "_NET_SUPPORTING_WM_CHECK");
      if (!wm)
        throw new CaptureError(
          "NO_WINDOW_MANAGER",
          `display ${display} has no EWMH window manager (_NET_SUPPORTING_WM_CHECK missing): the active window cannot be known`,
          { channel: "window" },
        );
      for (const name of ["_NET_ACTIVE_WINDOW", "_NET_WM_NAME", "WM_NAME"])
        this.atoms[name] = await conn.atom(name);
      conn.onEvent((ev) => this.onEvent(ev));
      conn.onEnd(() => void this.onConnectionLost());
      await conn.selectInput(conn.root, EventMask.PropertyChange);
    } catch (err) {
      await conn.close();
      throw err;
    }
    this.conn = conn;
    this.watched = 0;
    const t = this.clock();
    const active = (await conn.cardinal(conn.root, "_NET_ACTIVE_WINDOW").catch(() => 0)) ?? 0;
    this.setActive(active, t);
  }

  private onEvent(ev: XEvent): void {
    const t = this.clock();
    const conn = this.conn;
    if (!conn) return;
    if (ev.name === "PropertyNotify") {
      if (ev.wid === conn.root && ev.atom === this.atoms._NET_ACTIVE_WINDOW) {
        void conn
          .cardinal(conn.root, "_NET_ACTIVE_WINDOW")
          .then((w) => this.setActive(w ?? 0, t))
          .catch(() => undefined);
      } else if (
        ev.wid === this.active &&
        (ev.atom === this.atoms._NET_WM_NAME || ev.atom === this.atoms.WM_NAME)
      ) {
        void this.refresh(this.active, t, true);
      }
    } else if (
      ev.name === "ConfigureNotify" &&
      this.active !== 0 &&
      (ev.wid === this.active || ev.wid1 === this.active)
    ) {
      void this.refresh(this.active, t, false);
    } else if (ev.name === "DestroyNotify" && (ev.wid === this.active || ev.event === this.active)) {
      // The WM will set a new active window; until then, report nothing.
    }
  }

  private setActive(wid: number, t: number): void {
    if (!this.conn) return;
    if (wid === this.active && this.last) return;
    this.active = wid;
    this.gen++;
    if (this.zeroTimer) {
      clearTimeout(this.zeroTimer);
      this.zeroTimer = undefined;
      if (wid !== 0) this.transientZeros++;
    }
    if (this.watched !== 0 && this.watched !== wid) {
      // Stop listening to the previous window (affects only our own connection's selection).
      void this.conn.selectInput(this.watched, 0).catch(() => undefined);
      this.watched = 0;
    }
    if (wid === 0) {
      const g = this.gen;
      this.zeroTimer = setTimeout(() => {
        this.zeroTimer = undefined;
        if (this.gen !== g) return;
        this.publish({ windowId: 0, t }, true);
      }, this.opts.noWindowGraceMs ?? 150);
      return;
    }
    this.watched = wid;
    void this.conn
      .selectInput(wid, EventMask.PropertyChange | EventMask.StructureNotify)
      .catch(() => undefined);
    void this.refresh(wid, t, true);
  }

  private async refresh(wid: number, t: number, mayFocus: boolean): Promise<void> {
    const conn = this.conn;
    if (!conn) return;
    const g = this.gen;
    let info: ActiveWindowInfo;
    try {
      info = { ...(await readWindowInfo(conn, wid)), t };
    } catch {
      return;
    }
    if (g !== this.gen || wid !== this.active) return; // a newer change won
    const provider = this.opts.urlProvider;
    if (provider) {
      const url = await Promise.race([
        Promise.resolve()
          .then(() => provider(info))
          .catch(() => undefined),
        new Promise<undefined>((r) => setTimeout(() => r(undefined), this.opts.urlTimeoutMs ?? 250)),
      ]);
      if (g !== this.gen || wid !== this.active) return;
      if (url) info.url = url;
    }
    this.publish(info, mayFocus);
  }

  private publish(info: ActiveWindowInfo, mayFocus: boolean): void {
    if (!this.sink || !this.running) return;
    this.last = info;
    this.sink.window?.(info);
    if (!mayFocus || sameFocus(this.lastEmitted, info)) return;
    this.lastEmitted = info;
    const ev: FocusEvent = { kind: "focus", t: info.t, window_id: String(info.windowId) };
    if (info.app !== undefined) ev.app = info.app;
    if (info.title !== undefined) ev.title = info.title;
    if (info.url !== undefined) ev.url = info.url;
    if (info.pid !== undefined) ev.pid = info.pid;
    this.sink.event(ev);
  }

  private async onConnectionLost(): Promise<void> {
    if (!this.running) return;
    this.conn = undefined;
    const display = this.opts.display ?? process.env.DISPLAY ?? "?";
    let attempt = 0;
    let lastErr = "connection closed";
    while (this.running && attempt < this.policy.maxQuickFailures) {
      const b = this.policy.backoffMs;
      await new Promise((r) => setTimeout(r, b[Math.min(attempt, b.length - 1)] ?? 1000));
      attempt++;
      if (!this.running) return;
      try {
        this.active = 0;
        this.last = undefined;
        await this.connect();
        this.reconnects++;
        this.sink?.log?.(`window source reconnected to display ${display}`);
        return;
      } catch (err) {
        lastErr = (err as Error).message;
        this.sink?.log?.(
          `window source: reconnect ${attempt}/${this.policy.maxQuickFailures} failed: ${lastErr}`,
        );
      }
    }
    if (!this.running) return;
    this.running = false;
    this.sink?.error(
      new CaptureError(
        "DISPLAY_GONE",
        `display ${display} went away: active-window capture stopped after ${attempt} failed reconnects (${lastErr})`,
        {
          channel: "window",
        },
      ),
    );
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.zeroTimer) clearTimeout(this.zeroTimer);
    this.zeroTimer = undefined;
    const c = this.conn;
    this.conn = undefined;
    await c?.close();
  }
}
