/**
 * Screenshots, black-out and OCR on a real X display showing a Chromium page. Skipped only when Xvfb is not
 * installed; the Chromium and OCR parts also need /usr/bin/chromium and tesseract (installed in CI).
 */
import { existsSync } from "node:fs";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { blackout, diffFrames, encodeFrame, type RawFrame } from "../packages/recorder/src/capture/image.js";
import { ocrFrame, tesseractAvailable } from "../packages/recorder/src/capture/ocr.js";
import { XConnection } from "../packages/recorder/src/platform/x11/connection.js";
import { readX11DesktopSettings } from "../packages/recorder/src/platform/x11/desktop-settings.js";
import {
  X11ScreenGrabber,
  X11ScreenshotSource,
  captureFrame,
} from "../packages/recorder/src/platform/x11/screenshot-source.js";
import { createX11Sources } from "../packages/recorder/src/platform/x11/index.js";
import { CHROMIUM_PATH, launchChromium, xdotool, type ChromiumApp } from "./support/apps.js";
import { recordingSink } from "./support/sink.js";
import { startXvfb, xvfbSkipReason, type XSession } from "./support/xvfb.js";

const skip =
  xvfbSkipReason() ??
  (existsSync(CHROMIUM_PATH) ? undefined : `${CHROMIUM_PATH} not installed: screenshot e2e tests skipped`);
if (skip) console.warn(`[capture-screenshot] ${skip}`);
const noOcr = !tesseractAvailable();
if (!skip && noOcr) console.warn("[capture-screenshot] tesseract not installed: OCR test skipped");

const PAGE = `<title>tv-shot</title>
<style>body{margin:0;background:#fff;font-family:sans-serif}
#red{position:absolute;left:40px;top:40px;width:300px;height:200px;background:#ff0000}
#blue{position:absolute;left:400px;top:40px;width:200px;height:200px;background:#0000ff}
#text{position:absolute;left:40px;top:300px;font-size:40px;color:#000}</style>
<div id=red></div><div id=blue></div><div id=text>TRACEVAULT screen 4242 example</div>`;

async function pixel(img: Buffer, x: number, y: number): Promise<[number, number, number]> {
  const { data, info } = await sharp(img).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const i = (y * info.width + x) * 3;
  return [data[i]!, data[i + 1]!, data[i + 2]!];
}

/** Screen rectangle of an element (via the page's own screen coordinates). */
async function screenBox(chrome: ChromiumApp, sel: string) {
  return chrome.page.evaluate((s) => {
    const r = document.querySelector(s)!.getBoundingClientRect();
    const border = (window.outerWidth - window.innerWidth) / 2;
    const top = window.screenY + window.outerHeight - window.innerHeight - border;
    return {
      x: Math.round(window.screenX + border + r.left),
      y: Math.round(top + r.top),
      w: Math.round(r.width),
      h: Math.round(r.height),
    };
  }, sel);
}

describe.skipIf(!!skip)("screenshots and pointer on a Chromium page under Xvfb", () => {
  let x: XSession;
  let chrome: ChromiumApp;
  let grabber: X11ScreenGrabber;

  beforeAll(async () => {
    x = await startXvfb();
    chrome = await launchChromium(x, PAGE, "tv-shot");
    await new Promise((r) => setTimeout(r, 500)); // let the page paint
    grabber = await X11ScreenGrabber.open({ display: x.display });
  }, 60_000);

  afterAll(async () => {
    await grabber?.close();
    await chrome?.stop();
    await x?.stop();
  });

  it("captures a frame whose pixels show the page (JPEG, downscaled, with scale)", async () => {
    const red = await screenBox(chrome, "#red");
    const blue = await screenBox(chrome, "#blue");
    const f = await captureFrame({ grabber, maxWidth: 640, format: "jpeg", quality: 85 });
    expect(f).toMatchObject({
      width: 640,
      height: 400,
      scale: 0.5,
      sourceWidth: 1280,
      sourceHeight: 800,
      format: "jpeg",
    });
    expect(f.data.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    const [r1, g1, b1] = await pixel(
      f.data,
      Math.round((red.x + red.w / 2) * f.scale),
      Math.round((red.y + red.h / 2) * f.scale),
    );
    expect(r1).toBeGreaterThan(200);
    expect(g1).toBeLessThan(60);
    expect(b1).toBeLessThan(60);
    const [r2, , b2] = await pixel(
      f.data,
      Math.round((blue.x + blue.w / 2) * f.scale),
      Math.round((blue.y + blue.h / 2) * f.scale),
    );
    expect(b2).toBeGreaterThan(200);
    expect(r2).toBeLessThan(60);
    expect(Math.abs(f.takenAt - Date.now())).toBeLessThan(60_000);
  });

  it("blacks out rectangles before encoding (red block gone, blue block kept), in every format", async () => {
    const red = await screenBox(chrome, "#red");
    const blue = await screenBox(chrome, "#blue");
    for (const format of ["png", "webp", "jpeg"] as const) {
      const f = await captureFrame({ grabber, format, quality: 80, blackout: [red] });
      const [r, g, b] = await pixel(f.data, red.x + 10, red.y + 10);
      expect(r + g + b).toBeLessThan(30);
      const [r2, g2, b2] = await pixel(f.data, red.x + red.w - 5, red.y + red.h - 5);
      expect(r2 + g2 + b2).toBeLessThan(30);
      const [, , bb] = await pixel(f.data, blue.x + 20, blue.y + 20);
      expect(bb).toBeGreaterThan(200);
    }
  });

  it("grabs a 1280×800 frame and encodes it fast enough (reports timings)", async () => {
    const grab: number[] = [];
    const total: number[] = [];
    for (let i = 0; i < 15; i++) {
      const t0 = performance.now();
      const raw = await grabber.grab();
      const t1 = performance.now();
      blackout(raw, [{ x: 100, y: 100, w: 200, h: 50 }]);
      await encodeFrame(raw, { format: "jpeg", quality: 80 });
      total.push(performance.now() - t0);
      grab.push(t1 - t0);
    }
    const p50 = (a: number[]) => [...a].sort((p, q) => p - q)[a.length >> 1]!;
    console.log(
      `[capture-screenshot] 1280x800 grab p50 ${p50(grab).toFixed(1)} ms (shm=${grabber.usesShm}), grab+blackout+JPEG q80 p50 ${p50(total).toFixed(1)} ms`,
    );
    expect(p50(total)).toBeLessThan(200); // generous bound for a loaded CI machine; the figure is reported above
  });

  it("detects change (diff + changed tiles) and notifies on screen damage", async () => {
    const a = await grabber.grab();
    const b = await grabber.grab();
    expect(diffFrames(a, b).fraction).toBe(0);
    let changes = 0;
    const stop = await grabber.watchChanges(() => changes++, 100);
    await chrome.page.evaluate(() => {
      document.getElementById("blue")!.style.background = "#00ff00";
    });
    const end = Date.now() + 3000;
    while (changes === 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
    stop();
    expect(changes).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 200));
    const c = await grabber.grab();
    const d = diffFrames(a, c);
    const blue = await screenBox(chrome, "#blue");
    expect(d.fraction).toBeGreaterThan(0.02);
    expect(d.fraction).toBeLessThan(0.2);
    // every changed tile overlaps the blue block (nothing else changed)
    for (const r of d.changed) {
      expect(r.x + r.w).toBeGreaterThan(blue.x - 32);
      expect(r.x).toBeLessThan(blue.x + blue.w + 32);
    }
  });

  it.skipIf(noOcr)(
    "OCRs the frame with native tesseract: words, boxes in screen pixels, confidence",
    async () => {
      const raw: RawFrame = await grabber.grab();
      const text = await screenBox(chrome, "#text");
      const t0 = performance.now();
      const words = await ocrFrame(raw);
      console.log(
        `[capture-screenshot] OCR of a 1280x800 frame: ${(performance.now() - t0).toFixed(0)} ms, ${words.length} words`,
      );
      const w = words.find((o) => o.text.includes("TRACEVAULT"));
      expect(w, JSON.stringify(words.map((o) => o.text))).toBeDefined();
      expect(w!.conf).toBeGreaterThan(60);
      expect(w!.box.x).toBeGreaterThanOrEqual(text.x - 4);
      expect(w!.box.y).toBeGreaterThanOrEqual(text.y - 4);
      expect(w!.box.y + w!.box.h).toBeLessThanOrEqual(text.y + text.h + 4);
      const num = words.find((o) => o.text === "4242");
      expect(num).toBeDefined();
      // redact what OCR found, then OCR again: the number is gone
      blackout(raw, [num!.box], 2);
      const again = await ocrFrame(raw, { region: { x: text.x, y: text.y, w: text.w, h: text.h } });
      expect(again.some((o) => o.text.includes("4242"))).toBe(false);
      expect(again.some((o) => o.text.includes("TRACEVAULT"))).toBe(true);
    },
  );

  it("pointer capture agrees with the page: click coordinates = MouseEvent.screenX/Y, wheel pixels = scrollY", async () => {
    const [mouse] = createX11Sources({ channels: ["mouse"], display: x.display, wheelPixelsPerNotch: 120 });
    const s = recordingSink();
    await mouse!.start(s);
    try {
      await chrome.page.evaluate(() => {
        document.body.style.height = "20000px";
        (window as unknown as { clicks: number[][] }).clicks = [];
        addEventListener("mousedown", (e) =>
          (window as unknown as { clicks: number[][] }).clicks.push([e.screenX, e.screenY]),
        );
        scrollTo(0, 0);
      });
      const blue = await screenBox(chrome, "#blue");
      const cx = blue.x + 17;
      const cy = blue.y + 23;
      await xdotool(x, "mousemove", cx, cy, "mousedown", 1, "mouseup", 1);
      await s.until((ev) => ev.some((e) => e.kind === "mouse_up"), 5000, "click");
      const down = s.events.find((e) => e.kind === "mouse_down") as { x: number; y: number };
      // The X server reports the click before Chromium has dispatched it to the page: wait for the page too.
      let page: number[][] = [];
      for (const end = Date.now() + 5000; page.length === 0 && Date.now() < end;) {
        page = await chrome.page.evaluate(() => (window as unknown as { clicks: number[][] }).clicks);
        if (page.length === 0) await new Promise((r) => setTimeout(r, 50));
      }
      expect([down.x, down.y]).toEqual([cx, cy]);
      expect(page).toEqual([[cx, cy]]);
      await xdotool(x, "click", "--repeat", 3, "--delay", 80, 5);
      await s.until((ev) => ev.filter((e) => e.kind === "wheel").length >= 3, 5000, "wheel");
      const end = Date.now() + 3000;
      let scrollY = 0;
      while (Date.now() < end && (scrollY = await chrome.page.evaluate(() => window.scrollY)) < 360)
        await new Promise((r) => setTimeout(r, 50));
      const pixels = s.events
        .filter((e) => e.kind === "wheel")
        .reduce((a, e) => a + ((e as { pixels?: number }).pixels ?? 0), 0);
      expect(pixels).toBe(360);
      expect(scrollY).toBe(pixels); // Chromium on X11 scrolls 120 px per notch
    } finally {
      await mouse!.stop();
    }
  });

  it("is a CaptureSource on the screenshots channel", async () => {
    const src = new X11ScreenshotSource({ display: x.display });
    expect(src.channel).toBe("screenshots");
    await expect(src.grab()).rejects.toThrow(/not running/);
    await src.start(recordingSink());
    const f = await src.capture({ maxWidth: 320, format: "webp", quality: 50 });
    expect(f.width).toBe(320);
    await src.stop();
  });

  it("reads display geometry and desktop settings (defaults when unpublished)", async () => {
    const s = await readX11DesktopSettings({ display: x.display });
    expect(s.displays).toEqual([
      { id: `${x.display}/0`, x: 0, y: 0, w: 1280, h: 800, scale: 1, primary: true },
    ]);
    expect(s.screen).toMatchObject({ width: 1280, height: 800 });
    expect(s.doubleClickMs).toBe(400);
    expect(s.doubleClickSource).toBe("default");
    expect(s.dragThresholdPx).toBe(4);
    expect(s.keyboard).toMatchObject({ source: "x11", rules: "evdev", layout: "us" });
  });

  it("reads the double-click time and drag threshold from XSETTINGS and the UI scale from X resources", async () => {
    // Play an XSETTINGS manager: own _XSETTINGS_S0 with a window carrying _XSETTINGS_SETTINGS.
    const conn = await XConnection.open(x.display);
    try {
      const X = conn.X as unknown as {
        AllocID(): number;
        CreateWindow(...a: number[]): void;
        SetSelectionOwner(owner: number, selection: number): void;
        ChangeProperty(
          mode: number,
          wid: number,
          name: number,
          type: number,
          format: number,
          data: Buffer | string,
        ): void;
      };
      const wid = X.AllocID();
      X.CreateWindow(wid, conn.root, 0, 0, 1, 1, 0, 0, 0, 0);
      const ints: [string, number][] = [
        ["Net/DoubleClickTime", 275],
        ["Net/DndDragThreshold", 9],
      ];
      const parts: Buffer[] = [Buffer.from([0, 0, 0, 0]), Buffer.alloc(4), Buffer.alloc(4)];
      parts[2]!.writeUInt32LE(ints.length);
      for (const [name, v] of ints) {
        const h = Buffer.alloc(4);
        h.writeUInt16LE(name.length, 2);
        const n = Buffer.alloc((name.length + 3) & ~3);
        n.write(name, "latin1");
        const val = Buffer.alloc(8);
        val.writeInt32LE(v, 4);
        parts.push(h, n, val);
      }
      const settingsAtom = await conn.atom("_XSETTINGS_SETTINGS");
      X.ChangeProperty(0, wid, settingsAtom, settingsAtom, 8, Buffer.concat(parts));
      X.SetSelectionOwner(wid, await conn.atom("_XSETTINGS_S0"));
      X.ChangeProperty(
        0,
        conn.root,
        await conn.atom("RESOURCE_MANAGER"),
        31 /* STRING */,
        8,
        "Xft.dpi:\t144\n",
      );
      await conn.X.sync();
      const s = await readX11DesktopSettings({ display: x.display });
      expect([s.doubleClickMs, s.doubleClickSource]).toEqual([275, "xsettings"]);
      expect([s.dragThresholdPx, s.dragThresholdSource]).toEqual([9, "xsettings"]);
      expect([s.uiScale, s.uiScaleSource]).toEqual([1.5, "xrdb"]);
      expect(s.displays[0]!.scale).toBe(1); // X coordinates stay physical pixels
    } finally {
      await conn.close();
    }
  });
});
