/**
 * Active-window capture on a real X display: xterm and Debian's Chromium under openbox, focus switched with
 * xdotool. Skipped only when Xvfb/openbox/xdotool are not installed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FocusEvent, RawEvent } from "@tracevault/core";
import { X11ActiveWindowSource } from "../packages/recorder/src/platform/x11/window-source.js";
import { XConnection } from "../packages/recorder/src/platform/x11/connection.js";
import {
  CHROMIUM_PATH,
  launchChromium,
  startXterm,
  xdotool,
  type AppWindow,
  type ChromiumApp,
} from "./support/apps.js";
import { recordingSink, type RecordingSink } from "./support/sink.js";
import { hasBinary, startXvfb, xvfbSkipReason, type XSession } from "./support/xvfb.js";
import { existsSync } from "node:fs";

const skip =
  xvfbSkipReason() ?? (hasBinary("xterm") ? undefined : "xterm not installed: window e2e tests skipped");
if (skip) console.warn(`[capture-window] ${skip}`);
const noChromium = !existsSync(CHROMIUM_PATH);
if (!skip && noChromium)
  console.warn(`[capture-window] ${CHROMIUM_PATH} missing: Chromium window test skipped`);

const focus = (events: readonly RawEvent[]) => events.filter((e): e is FocusEvent => e.kind === "focus");

describe.skipIf(!!skip)("active window capture under Xvfb + openbox", () => {
  let x: XSession;
  let src: X11ActiveWindowSource;
  let sink: RecordingSink;
  const apps: { stop(): Promise<void> }[] = [];
  let urlFor: (title: string | undefined) => string | undefined = () => undefined;

  beforeAll(async () => {
    x = await startXvfb();
    sink = recordingSink();
    src = new X11ActiveWindowSource({ display: x.display, urlProvider: (w) => urlFor(w.title) });
    await src.start(sink);
  }, 30_000);

  afterAll(async () => {
    await src?.stop();
    for (const a of apps.reverse()) await a.stop();
    await x?.stop();
  });

  it("reports the focused xterm: application, title, pid, bounds (event-driven)", async () => {
    const a: AppWindow = await startXterm(x, "tv-alpha", { geometry: "80x24+40+50" });
    apps.push(a);
    await sink.until((ev) => focus(ev).some((f) => f.title === "tv-alpha"), 5000, "focus on tv-alpha");
    const f = focus(sink.events).find((e) => e.title === "tv-alpha")!;
    expect(f).toMatchObject({ app: "XTerm", window_id: String(a.windowId), pid: a.pid });
    const info = src.current()!;
    expect(info.instance).toBe("xterm");
    expect(info.bounds!.x).toBeGreaterThanOrEqual(40);
    expect(info.bounds!.y).toBeGreaterThanOrEqual(50);
    expect(info.bounds!.w).toBeGreaterThan(300);
    // sink.window came first, with the same window
    expect(sink.windows.some((w) => w.windowId === a.windowId && w.bounds !== undefined)).toBe(true);
  });

  it("follows focus changes between windows, and title changes, without reporting openbox's transient 0", async () => {
    const b = await startXterm(x, "tv-beta", { geometry: "80x24+600+300" });
    apps.push(b);
    await sink.until((ev) => focus(ev).some((f) => f.title === "tv-beta"), 5000, "focus on tv-beta");
    sink.clear();
    const alpha = Number((await xdotool(x, "search", "--name", "^tv-alpha$")).trim());
    for (let i = 0; i < 3; i++) {
      await xdotool(x, "windowactivate", "--sync", alpha);
      await sink.until((ev) => focus(ev).at(-1)?.title === "tv-alpha", 5000, "alpha");
      await b.activate();
      await sink.until((ev) => focus(ev).at(-1)?.title === "tv-beta", 5000, "beta");
    }
    const titles = focus(sink.events).map((f) => f.title);
    expect(titles).toEqual(["tv-alpha", "tv-beta", "tv-alpha", "tv-beta", "tv-alpha", "tv-beta"]);
    expect(focus(sink.events).some((f) => f.window_id === "0")).toBe(false);
    // openbox did set 0 between the switches; the grace period kept it out of the data
    expect(src.transientZeros).toBeGreaterThan(0);

    sink.clear();
    await xdotool(x, "set_window", "--name", "tv-beta renamed", b.windowId);
    await sink.until((ev) => focus(ev).some((f) => f.title === "tv-beta renamed"), 5000, "title change");
    expect(focus(sink.events)).toHaveLength(1);
    expect(focus(sink.events)[0]).toMatchObject({ window_id: String(b.windowId), app: "XTerm" });
  });

  it("keeps bounds current when the window moves (no focus event for a move)", async () => {
    sink.clear();
    const id = src.current()!.windowId;
    await xdotool(x, "windowmove", "--sync", id, 200, 150);
    const end = Date.now() + 5000;
    while (Date.now() < end && !(src.current()!.bounds!.x >= 200 && src.current()!.bounds!.x < 220))
      await new Promise((r) => setTimeout(r, 20));
    expect(src.current()!.bounds!.x).toBeGreaterThanOrEqual(200);
    expect(src.current()!.bounds!.x).toBeLessThan(220);
    expect(focus(sink.events)).toHaveLength(0);
  });

  it.skipIf(noChromium)(
    "reports a Chromium page (title from the page; URL only through the urlProvider hook)",
    async () => {
      let chrome: ChromiumApp | undefined;
      urlFor = (title) => (title?.startsWith("tv-page") ? "https://example.test/form" : undefined);
      try {
        chrome = await launchChromium(x, "<title>tv-page</title><h1>hello</h1>", "tv-page");
        apps.push(chrome);
        await sink.until(
          (ev) => focus(ev).some((f) => f.title === "tv-page - Chromium"),
          10_000,
          "chromium focus",
        );
        const f = focus(sink.events).find((e) => e.title === "tv-page - Chromium")!;
        expect(f.app?.toLowerCase()).toBe("chromium");
        expect(f.url).toBe("https://example.test/form");
        expect(f.pid).toBeGreaterThan(0);
        sink.clear();
        await chrome.page.evaluate(() => (document.title = "tv-page two"));
        await sink.until(
          (ev) => focus(ev).some((f) => f.title === "tv-page two - Chromium"),
          5000,
          "page title change",
        );
      } finally {
        urlFor = () => undefined;
      }
    },
    60_000,
  );

  it("lists visible windows with bounds (for blacking out excluded ones)", async () => {
    const wins = await src.visibleWindows();
    const titles = wins.map((w) => w.title);
    expect(titles).toContain("tv-alpha");
    expect(titles).toContain("tv-beta renamed");
    for (const w of wins) expect(w.bounds!.w).toBeGreaterThan(0);
  });
  it("gives each display its own atom numbers (the x11 package caches them for the whole process)", async () => {
    // After an X server restart, or with a second display, another server's atom numbers would read the wrong
    // properties (window titles through the old _NET_WM_NAME). The second server interns an extra atom first,
    // so the same name gets a different number on each.
    const y = await startXvfb();
    const a = await XConnection.open(x.display);
    const b = await XConnection.open(y.display);
    try {
      const tag = `TV_PROBE_${process.pid}_${Date.now()}`;
      await b.atom(`${tag}_B_ONLY`);
      const onA = await a.atom(`${tag}_SHARED`);
      const onB = await b.atom(`${tag}_SHARED`);
      expect(onB).not.toBe(onA);
      expect(await b.atomName(onB)).toBe(`${tag}_SHARED`);
      expect(await a.atomName(onA)).toBe(`${tag}_SHARED`);
      // a connection opened later to the first server still gets that server's numbers
      const a2 = await XConnection.open(x.display);
      try {
        expect(await a2.atom(`${tag}_SHARED`)).toBe(onA);
      } finally {
        await a2.close();
      }
    } finally {
      await a.close();
      await b.close();
      await y.stop();
    }
  }, 30_000);
});
