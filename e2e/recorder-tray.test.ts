/**
 * The recording indicator in a real system tray: Xvfb + openbox + Debian's `trayer` (a GTK freedesktop
 * system tray). Proves the icon is embedded in the tray's window, that its pixels (read back with GetImage)
 * follow setState, that it docks again after the tray is killed and restarted, and that without a tray the
 * call answers with a reason. Skipped only when Xvfb/openbox or trayer are not installed.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readlinkSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { XConnection } from "../packages/recorder/src/platform/x11/connection.js";
import {
  TRAY_COLOURS,
  startTrayIndicator,
  trayTitle,
  type TrayIndicator,
} from "../packages/recorder/src/platform/x11/tray.js";
import { hasBinary, startXvfb, xvfbSkipReason, type XSession } from "./support/xvfb.js";

const skip =
  xvfbSkipReason() ??
  (hasBinary("trayer") ? undefined : "trayer not installed (apt-get install trayer): tray e2e tests skipped");
if (skip) console.warn(`[recorder-tray] ${skip}`);

/** Sockets this process holds: an X connection left open shows up here. */
function openSockets(): number {
  let n = 0;
  for (const fd of readdirSync("/proc/self/fd")) {
    try {
      if (readlinkSync(`/proc/self/fd/${fd}`).startsWith("socket:")) n++;
    } catch {
      /* fd closed while listing */
    }
  }
  return n;
}

async function until<T>(what: string, fn: () => Promise<T | undefined | false>, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v !== undefined && v !== false) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > end)
      throw new Error(`timed out waiting for ${what}${last ? `: ${(last as Error).message}` : ""}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

interface Tray {
  proc: ChildProcess;
  pid: number;
  /** The window that owns _NET_SYSTEM_TRAY_S0. */
  owner: number;
}

function exited(p: ChildProcess): Promise<void> {
  if (p.exitCode !== null || p.signalCode !== null) return Promise.resolve();
  return new Promise((r) => p.once("exit", () => r()));
}

/**
 * A second, deliberately bare tray host speaking the protocol with raw requests: it embeds icons without
 * adding them to its save-set, so when it disconnects the X server destroys the icon along with it (what
 * happens with any tray that dies before saving the icon).
 */
interface BareTray {
  window: number;
  /** Icons it was asked to dock. */
  requests: number[];
  stop(): Promise<void>;
}
interface RawX {
  AllocID(): number;
  CreateWindow(...args: unknown[]): void;
  MapWindow(wid: number): void;
  ReparentWindow(wid: number, parent: number, x: number, y: number): void;
  SetSelectionOwner(owner: number, selection: number, time: number): void;
  SendClientMessage(
    dest: number,
    wid: number,
    type: number,
    format: number,
    data: number[],
    mask: number,
  ): void;
  sync(): Promise<void>;
}
async function startBareTray(display: string, opts: { embed?: boolean } = {}): Promise<BareTray> {
  const conn = await XConnection.open(display);
  const X = conn.X as unknown as RawX;
  const [selection, manager, opcode] = [
    await conn.atom("_NET_SYSTEM_TRAY_S0"),
    await conn.atom("MANAGER"),
    await conn.atom("_NET_SYSTEM_TRAY_OPCODE"),
  ];
  const window = X.AllocID();
  // override-redirect: a plain strip at (300,0) that openbox leaves alone
  X.CreateWindow(window, conn.root, 300, 0, 40, 40, 0, 0, 1, 0, {
    backgroundPixel: 0xffffff,
    overrideRedirect: 1,
  });
  X.MapWindow(window);
  const requests: number[] = [];
  conn.onEvent((ev) => {
    const data = ev.data as number[] | undefined;
    if (ev.name !== "ClientMessage" || ev.message_type !== opcode || data?.[1] !== 0) return;
    requests.push(data[2]!);
    if (opts.embed === false) return;
    X.ReparentWindow(data[2]!, window, 4, 4);
    X.MapWindow(data[2]!);
  });
  X.SetSelectionOwner(window, selection, 0);
  X.SendClientMessage(conn.root, conn.root, manager, 32, [0, selection, window, 0, 0], 1 << 17);
  await X.sync();
  return { window, requests, stop: () => conn.close() };
}

type Rgb = [number, number, number];
const rgb = (v: number): Rgb => [(v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff];
const near = (a: Rgb, b: Rgb) => a.every((c, i) => Math.abs(c - b[i]!) <= 8);

describe.skipIf(!!skip)("system tray indicator under Xvfb + openbox + trayer", () => {
  let x: XSession;
  let probe: XConnection;
  let tray: Tray | undefined;
  const trays: ChildProcess[] = [];
  let ind: TrayIndicator | undefined;

  async function startTray(): Promise<Tray> {
    const before = await probe.selectionOwner("_NET_SYSTEM_TRAY_S0");
    const proc = spawn(
      "trayer",
      [
        "--edge",
        "top",
        "--align",
        "left",
        "--widthtype",
        "request",
        "--height",
        "32",
        "--transparent",
        "false",
      ],
      { env: x.env, stdio: "ignore" },
    );
    trays.push(proc);
    const owner = await until("trayer to own _NET_SYSTEM_TRAY_S0", async () => {
      if (proc.exitCode !== null) throw new Error(`trayer exited with ${proc.exitCode}`);
      const o = await probe.selectionOwner("_NET_SYSTEM_TRAY_S0");
      return o !== 0 && o !== before ? o : undefined;
    });
    return { proc, pid: proc.pid!, owner };
  }

  /** The chain of ancestors of `wid` up to (not including) the root. */
  async function ancestors(wid: number): Promise<number[]> {
    const out: number[] = [];
    for (let w = wid; ;) {
      const t = await probe.queryTree(w);
      if (t.parent === probe.root || t.parent === 0) return out;
      out.push(t.parent);
      w = t.parent;
    }
  }

  /** True when `wid` sits inside a window that belongs to this trayer process. */
  async function embeddedIn(wid: number, t: Tray): Promise<boolean> {
    for (const a of await ancestors(wid))
      if ((await probe.cardinal(a, "_NET_WM_PID").catch(() => undefined)) === t.pid) return true;
    return false;
  }

  /** Pixels of the icon window, as fractions of its area close to each palette colour. */
  async function colours(wid: number) {
    const g = await probe.geometry(wid);
    const img = await probe.getImage(wid, 0, 0, g.width, g.height);
    expect(img.depth).toBe(24);
    const n = g.width * g.height;
    const count: Record<string, number> = {};
    for (let i = 0; i < n; i++) {
      // ZPixmap at depth 24 on Xvfb: 32 bits per pixel, little-endian BGRX
      const px: Rgb = [img.data[i * 4 + 2]!, img.data[i * 4 + 1]!, img.data[i * 4]!];
      for (const [name, v] of Object.entries(TRAY_COLOURS))
        if (near(px, rgb(v))) count[name] = (count[name] ?? 0) + 1;
      // independent of the palette: a saturated red
      if (px[0] > 180 && px[1] < 80 && px[2] < 80) count.red = (count.red ?? 0) + 1;
    }
    const frac = (k: string) => (count[k] ?? 0) / n;
    return { w: g.width, h: g.height, frac };
  }

  beforeAll(async () => {
    x = await startXvfb();
    probe = await XConnection.open(x.display);
  }, 30_000);

  afterAll(async () => {
    await ind?.close();
    for (const p of trays) {
      p.kill("SIGKILL");
      await exited(p);
    }
    await probe?.close();
    await x?.stop();
  });

  it("answers with a reason, and leaks no connection, when no tray owns the selection", async () => {
    expect(await probe.selectionOwner("_NET_SYSTEM_TRAY_S0")).toBe(0);
    const sockets = openSockets();
    const r = await startTrayIndicator({ display: x.display });
    expect(r).toEqual({
      unavailable: `no system tray on this display (${x.display}): nothing owns _NET_SYSTEM_TRAY_S0`,
    });
    expect(openSockets()).toBe(sockets);

    const gone = await startTrayIndicator({ display: ":4999" });
    expect("unavailable" in gone && gone.unavailable).toMatch(
      /^no system tray: cannot connect to X display :4999/,
    );
    expect(openSockets()).toBe(sockets);

    const saved = process.env.DISPLAY;
    delete process.env.DISPLAY;
    try {
      expect(await startTrayIndicator()).toEqual({
        unavailable: "no system tray: no X display: DISPLAY is not set",
      });
      expect(await startTrayIndicator({ display: "" })).toEqual({
        unavailable: "no system tray: no X display: DISPLAY is not set",
      });
    } finally {
      if (saved !== undefined) process.env.DISPLAY = saved;
    }

    await expect(startTrayIndicator({ display: x.display, size: 0 })).rejects.toThrow(/size/);
  });

  it("answers with a reason when the tray does not embed the icon in time", async () => {
    const mute = await startBareTray(x.display, { embed: false });
    try {
      const sockets = openSockets();
      const r = await startTrayIndicator({ display: x.display, dockTimeoutMs: 300 });
      expect(r).toEqual({
        unavailable: `the system tray on ${x.display} did not embed the icon within 300 ms`,
      });
      expect(mute.requests).toHaveLength(1);
      expect(openSockets()).toBe(sockets);
      // the icon it created was destroyed again
      await expect(probe.windowAttributes(mute.requests[0]!)).rejects.toThrow();
    } finally {
      await mute.stop();
    }
    await until(
      "the bare tray's selection to be released",
      async () => (await probe.selectionOwner("_NET_SYSTEM_TRAY_S0")) === 0,
    );
  });

  it("docks into the tray's window and shows red while recording", async () => {
    tray = await startTray();
    const t0 = Date.now();
    const r = await startTrayIndicator({ display: x.display });
    if ("unavailable" in r) throw new Error(r.unavailable);
    ind = r;
    console.log(`[recorder-tray] docked in ${Date.now() - t0} ms`);
    expect(ind.docked).toBe(true);
    expect(ind.state).toBe("recording");

    const parent = (await probe.queryTree(ind.window)).parent;
    expect(parent).not.toBe(probe.root);
    expect(await embeddedIn(ind.window, tray)).toBe(true);
    await until(
      "the icon to be viewable",
      async () => (await probe.windowAttributes(ind!.window)).mapState === 2,
    );
    expect(await probe.text(ind.window, "_NET_WM_NAME")).toBe("tracevault: recording");
    expect(await probe.text(ind.window, "WM_NAME")).toBe("tracevault: recording");

    const c = await until("red pixels", async () => {
      const c = await colours(ind!.window);
      return c.frac("recording") > 0.3 ? c : undefined;
    });
    expect(c.frac("red")).toBeGreaterThan(0.3);
  });

  it("changes colour and title with setState", async () => {
    const i = ind!;
    i.setState("paused");
    expect(i.state).toBe("paused");
    const p = await until("grey pixels", async () => {
      const c = await colours(i.window);
      return c.frac("paused") > 0.25 ? c : undefined;
    });
    expect(p.frac("red")).toBe(0);
    expect(p.frac("pauseBars")).toBeGreaterThan(0.05); // background + pause bars
    expect(await probe.text(i.window, "_NET_WM_NAME")).toBe("tracevault: paused");

    i.setState("stopped", "lease lost");
    const s = await until("dark, struck pixels", async () => {
      const c = await colours(i.window);
      return c.frac("stopped") > 0.2 && c.frac("paused") === 0 ? c : undefined;
    });
    expect(s.frac("red")).toBe(0);
    expect(s.frac("strike")).toBeGreaterThan(0.03);
    expect(await probe.text(i.window, "_NET_WM_NAME")).toBe(trayTitle("stopped", "lease lost"));
    expect(await probe.text(i.window, "_NET_WM_NAME")).toBe("tracevault: stopped (lease lost)");

    i.setState("recording");
    await until("red again", async () => (await colours(i.window)).frac("red") > 0.3);
    expect(() => i.setState("off" as never)).toThrow(/"recording", "paused" or "stopped", got "off"/);
    expect(i.state).toBe("recording");
  });

  it("docks again after the tray is killed and restarted", async () => {
    const i = ind!;
    const old = tray!;
    old.proc.kill("SIGKILL");
    await exited(old.proc);
    await until("the indicator to notice the tray is gone", async () => !i.docked);
    // The server rescues the icon to the root; it must not stay there as a visible stray window.
    await until("the icon to be hidden", async () => {
      const t = await probe.queryTree(i.window);
      const a = await probe.windowAttributes(i.window);
      return t.parent === probe.root && a.mapState !== 2;
    });
    // Still alive, still settable while there is no tray.
    i.setState("paused");

    tray = await startTray();
    await until(
      "the icon to dock into the new tray",
      async () => i.docked && (await embeddedIn(i.window, tray!)),
    );
    expect(i.redocks).toBe(1);
    await until(
      "the icon to be viewable again",
      async () => (await probe.windowAttributes(i.window)).mapState === 2,
    );
    await until("grey pixels in the new tray", async () => (await colours(i.window)).frac("paused") > 0.25);
    i.setState("recording");
    await until("red pixels in the new tray", async () => (await colours(i.window)).frac("red") > 0.3);
  });

  it("starts over with a fresh icon when a tray takes the icon down with it", async () => {
    const i = ind!;
    tray!.proc.kill("SIGKILL");
    await exited(tray!.proc);
    await until("undocked", async () => !i.docked);
    const bare = await startBareTray(x.display);
    try {
      await until(
        "the icon to dock into the bare tray",
        async () => i.docked && (await ancestors(i.window)).includes(bare.window),
      );
      expect(bare.requests).toEqual([i.window]);
      expect(i.redocks).toBe(2);
      const first = i.window;
      await bare.stop();
      await until("undocked", async () => !i.docked);
      // the server destroyed the old icon together with the bare tray's window
      await expect(probe.windowAttributes(first)).rejects.toThrow();
      expect(i.window).not.toBe(first);
      i.setState("stopped");
      tray = await startTray();
      await until(
        "the new icon to dock into trayer",
        async () => i.docked && (await embeddedIn(i.window, tray!)),
      );
      expect(i.redocks).toBe(3);
      expect(await probe.text(i.window, "_NET_WM_NAME")).toBe("tracevault: stopped");
      await until("dark, struck pixels on the new icon", async () => {
        const c = await colours(i.window);
        return c.frac("stopped") > 0.2 && c.frac("strike") > 0.03 && c.frac("red") === 0;
      });
    } finally {
      await bare.stop();
    }
  });

  it("close() removes the icon, is idempotent and closes its connection", async () => {
    const i = ind!;
    const wid = i.window;
    const sockets = openSockets();
    await Promise.all([i.close(), i.close()]);
    await i.close();
    expect(i.docked).toBe(false);
    expect(openSockets()).toBe(sockets - 1);
    await expect(probe.windowAttributes(wid)).rejects.toThrow();
    i.setState("paused"); // a no-op once closed, never an error
    ind = undefined;
  });
});

describe.skipIf(!!skip)("system tray indicator on a second X server that then dies", () => {
  it("reports undocked, ignores setState and closes cleanly", async () => {
    const x = await startXvfb();
    const proc = spawn(
      "trayer",
      ["--edge", "top", "--align", "left", "--widthtype", "request", "--height", "32"],
      {
        env: x.env,
        stdio: "ignore",
      },
    );
    try {
      const changes: boolean[] = [];
      // This worker already talked to another X server: the second server is reached only through
      // startTrayIndicator, which keeps its own atom cache (see isolateAtomCache).
      const r = await until("trayer to embed the icon", async () => {
        const r = await startTrayIndicator({ display: x.display, onDockChange: (d) => changes.push(d) });
        return "unavailable" in r ? undefined : r;
      });
      expect(changes).toEqual([true]);
      await x.killServer();
      await until("the indicator to see the display go", async () => !r.docked);
      expect(changes).toEqual([true, false]);
      r.setState("paused");
      expect(r.state).toBe("paused");
      await r.close();
      await r.close();
    } finally {
      proc.kill("SIGKILL");
      await exited(proc);
      await x.stop();
    }
  });
});
