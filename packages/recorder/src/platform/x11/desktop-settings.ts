import type { Display, DisplayEvent } from "@tracevault/core";
import type { KeyboardLayoutInfo } from "../../capture/keymap.js";
import { defaultClock, type Clock } from "../../capture/types.js";
import { XConnection } from "./connection.js";
import { parseXkbRulesNames } from "./keyboard-layout.js";

/** Defaults when the desktop does not publish a value (documented; GTK's own defaults are 400 ms / 8 px). */
export const DEFAULT_DOUBLE_CLICK_MS = 400;
export const DEFAULT_DRAG_THRESHOLD_PX = 4;

export type SettingSource = "xsettings" | "xrdb" | "default";

/** What the recorder stores once per episode about the desktop. */
export interface DesktopSettings {
  /** Monitors in global screen pixels (Xinerama), or the whole root window. `scale` is 1 on X11: X
   * coordinates are physical pixels. */
  displays: Display[];
  /** Root window size (the space every coordinate lives in). */
  screen: { width: number; height: number; mmWidth: number; mmHeight: number };
  /** UI text scale: Xft.dpi / 96 (xrdb or XSETTINGS Xft/DPI), 1 when unset. Does not change coordinates. */
  uiScale: number;
  uiScaleSource: SettingSource;
  /** Max interval between two clicks of a double click. */
  doubleClickMs: number;
  doubleClickSource: SettingSource;
  /** Pointer travel before a press becomes a drag. */
  dragThresholdPx: number;
  dragThresholdSource: SettingSource;
  keyboard: KeyboardLayoutInfo;
}

export type XSettingValue = number | string | { r: number; g: number; b: number; a: number };

/**
 * Parse the `_XSETTINGS_SETTINGS` property (XSETTINGS spec 0.5): byte order, serial, N settings of
 * {type (0 int, 1 string, 2 color), name, last-change serial, value}, each padded to 4 bytes.
 * @example parseXSettings(buf).get("Net/DoubleClickTime") // 250
 */
export function parseXSettings(buf: Buffer): Map<string, XSettingValue> {
  const m = new Map<string, XSettingValue>();
  if (buf.length < 12) return m;
  const le = buf[0] === 0; // LSBFirst
  const u16 = (o: number) => (le ? buf.readUInt16LE(o) : buf.readUInt16BE(o));
  const u32 = (o: number) => (le ? buf.readUInt32LE(o) : buf.readUInt32BE(o));
  const i32 = (o: number) => (le ? buf.readInt32LE(o) : buf.readInt32BE(o));
  const pad = (n: number) => (n + 3) & ~3;
  const n = u32(8);
  let o = 12;
  for (let i = 0; i < n && o + 8 <= buf.length; i++) {
    const type = buf[o]!;
    const nameLen = u16(o + 2);
    const name = buf.toString("latin1", o + 4, o + 4 + nameLen);
    o += 4 + pad(nameLen) + 4; // name, last-change serial
    if (type === 0) {
      if (o + 4 > buf.length) break;
      m.set(name, i32(o));
      o += 4;
    } else if (type === 1) {
      if (o + 4 > buf.length) break;
      const len = u32(o);
      m.set(name, buf.toString("utf8", o + 4, o + 4 + len));
      o += 4 + pad(len);
    } else if (type === 2) {
      if (o + 8 > buf.length) break;
      m.set(name, { r: u16(o), b: u16(o + 2), g: u16(o + 4), a: u16(o + 6) });
      o += 8;
    } else break;
  }
  return m;
}

/** Parse X resources (`RESOURCE_MANAGER`, what `xrdb -query` prints): `name:\tvalue` per line. */
export function parseXResources(text: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const line of text.split("\n")) {
    const i = line.indexOf(":");
    if (i <= 0 || line.startsWith("!")) continue;
    m.set(line.slice(0, i).trim(), line.slice(i + 1).trim());
  }
  return m;
}

function positiveInt(v: unknown): number | undefined {
  const n = typeof v === "string" ? Number(v) : v;
  return typeof n === "number" && Number.isFinite(n) && n > 0 ? Math.round(n) : undefined;
}

/**
 * Read display geometry, UI scale, double-click interval, drag threshold and keyboard layout names from an
 * X display, all over the X protocol (no xrdb/xdpyinfo child process):
 * - monitors: Xinerama QueryScreens; the root window when Xinerama is inactive;
 * - double click: XSETTINGS `Net/DoubleClickTime`, else xrdb `*multiClickTime`, else 400 ms;
 * - drag threshold: XSETTINGS `Net/DndDragThreshold`, else 4 px;
 * - UI scale: xrdb `Xft.dpi` or XSETTINGS `Xft/DPI` (1/1024 dpi) divided by 96.
 */
export async function readX11DesktopSettings(opts: { display?: string } = {}): Promise<DesktopSettings> {
  const conn = await XConnection.open(opts.display);
  try {
    return await readWith(conn);
  } finally {
    await conn.close();
  }
}

async function readWith(conn: XConnection): Promise<DesktopSettings> {
  const s = conn.info.screen[0]!;
  const screen = { width: s.pixel_width, height: s.pixel_height, mmWidth: s.mm_width, mmHeight: s.mm_height };

  let monitors: { x: number; y: number; width: number; height: number }[] = [];
  try {
    const xin = await conn.requireExtension<{
      QueryScreens(cb: (e: Error | null, r: typeof monitors) => void): void;
    }>("xinerama");
    monitors = await new Promise((resolve) => xin.QueryScreens((e, r) => resolve(e ? [] : r)));
  } catch {
    monitors = [];
  }
  const displays: Display[] =
    monitors.length > 0
      ? monitors.map((m, i) => ({
          id: `${conn.display}/${i}`,
          x: m.x,
          y: m.y,
          w: m.width,
          h: m.height,
          scale: 1,
          primary: i === 0,
        }))
      : [{ id: `${conn.display}/0`, x: 0, y: 0, w: screen.width, h: screen.height, scale: 1, primary: true }];

  const rm = await conn.text(conn.root, "RESOURCE_MANAGER").catch(() => undefined);
  const xres = parseXResources(rm ?? "");
  let xs = new Map<string, XSettingValue>();
  try {
    const owner = await conn.selectionOwner("_XSETTINGS_S0");
    if (owner) {
      const p = await conn.property(owner, "_XSETTINGS_SETTINGS", 1 << 20);
      if (p) xs = parseXSettings(p.data);
    }
  } catch {
    /* no XSETTINGS manager */
  }

  let doubleClickMs = DEFAULT_DOUBLE_CLICK_MS;
  let doubleClickSource: SettingSource = "default";
  const dcX = positiveInt(xs.get("Net/DoubleClickTime"));
  const dcR = positiveInt(
    xres.get("*multiClickTime") ?? xres.get("multiClickTime") ?? xres.get("*.multiClickTime"),
  );
  if (dcX !== undefined) [doubleClickMs, doubleClickSource] = [dcX, "xsettings"];
  else if (dcR !== undefined) [doubleClickMs, doubleClickSource] = [dcR, "xrdb"];

  let dragThresholdPx = DEFAULT_DRAG_THRESHOLD_PX;
  let dragThresholdSource: SettingSource = "default";
  const dt = positiveInt(xs.get("Net/DndDragThreshold"));
  if (dt !== undefined) [dragThresholdPx, dragThresholdSource] = [dt, "xsettings"];

  let uiScale = 1;
  let uiScaleSource: SettingSource = "default";
  const dpiR = Number(xres.get("Xft.dpi"));
  const dpiX = positiveInt(xs.get("Xft/DPI"));
  if (Number.isFinite(dpiR) && dpiR > 0) [uiScale, uiScaleSource] = [dpiR / 96, "xrdb"];
  else if (dpiX !== undefined) [uiScale, uiScaleSource] = [dpiX / 1024 / 96, "xsettings"];

  const names = await conn.property(conn.root, "_XKB_RULES_NAMES").catch(() => undefined);
  const keyboard: KeyboardLayoutInfo = { source: "x11", ...(names ? parseXkbRulesNames(names.data) : {}) };

  return {
    displays,
    screen,
    uiScale,
    uiScaleSource,
    doubleClickMs,
    doubleClickSource,
    dragThresholdPx,
    dragThresholdSource,
    keyboard,
  };
}

/** The core `display` event for these settings. */
export function displayEvent(
  settings: Pick<DesktopSettings, "displays">,
  clock: Clock = defaultClock,
): DisplayEvent {
  return { kind: "display", t: clock(), displays: settings.displays };
}
