/**
 * Test support: drive a display with xdotool, open an xterm, launch Debian's Chromium with playwright-core.
 *
 * Input goes through xdotool (XTEST), never through Playwright: Playwright's input travels over the DevTools
 * protocol and an OS-level recorder never sees it. Playwright is used for setup, element boxes and assertions.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { chromium, type Browser, type Page } from "playwright-core";
import { run, type XSession } from "./xvfb.js";

/** Run one xdotool process with these arguments (chain many commands in one call: it is much faster). */
export function xdotool(x: XSession, ...args: (string | number)[]): Promise<string> {
  return run(x.env, "xdotool", args.map(String));
}

/** The focused window id (decimal), via xdotool. */
export async function activeWindow(x: XSession): Promise<number> {
  return Number((await xdotool(x, "getactivewindow")).trim());
}

export interface AppWindow {
  readonly windowId: number;
  readonly pid: number;
  /** Focus the window and wait until the WM made it active. */
  activate(): Promise<void>;
  stop(): Promise<void>;
}

function stopChild(p: ChildProcess): Promise<void> {
  if (p.exitCode !== null || p.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const t = setTimeout(() => {
      p.kill("SIGKILL");
      resolve();
    }, 3000);
    p.once("exit", () => {
      clearTimeout(t);
      resolve();
    });
    p.kill("SIGTERM");
  });
}

/** Find a window by exact title (xdotool search --sync waits until it exists and is visible). */
export async function findWindowByTitle(x: XSession, title: string, timeoutMs = 10_000): Promise<number> {
  const escaped = title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const end = Date.now() + timeoutMs;
  let out = "";
  for (;;) {
    try {
      out = await run(
        x.env,
        "xdotool",
        ["search", "--sync", "--onlyvisible", "--name", `^${escaped}$`],
        Math.max(1_000, end - Date.now()),
      );
      break;
    } catch (e) {
      // a window that closes while xdotool walks the tree (a browser's short-lived helper windows) makes the whole
      // search fail with BadWindow; the window searched for is not at fault: search again
      if (!/BadWindow/.test((e as Error).message) || Date.now() > end) throw e;
    }
  }
  const id = Number(out.trim().split("\n")[0]);
  if (!Number.isFinite(id) || id === 0) throw new Error(`no window titled ${title}`);
  return id;
}

/**
 * Open an xterm with this title at this geometry (`COLSxROWS+X+Y`). `-e` runs a command; by default a shell
 * that just reads input (`cat`), so typed text shows on screen and nothing is executed.
 */
export async function startXterm(
  x: XSession,
  title: string,
  opts: { geometry?: string; command?: string[]; fontSize?: number } = {},
): Promise<AppWindow> {
  const args = [
    "-T",
    title,
    "-geometry",
    opts.geometry ?? "80x24+0+0",
    "-fa",
    "Monospace",
    "-fs",
    String(opts.fontSize ?? 12),
  ];
  // xterm would reset its title from the command; keep ours.
  args.push("-xrm", "XTerm*allowTitleOps: false");
  args.push("-e", ...(opts.command ?? ["cat"]));
  const p = spawn("xterm", args, { env: x.env, stdio: "ignore" });
  const windowId = await findWindowByTitle(x, title);
  const w: AppWindow = {
    windowId,
    pid: p.pid!,
    async activate() {
      await xdotool(x, "windowactivate", "--sync", windowId);
    },
    stop: () => stopChild(p),
  };
  await w.activate();
  return w;
}

export const CHROMIUM_PATH = "/usr/bin/chromium";

export interface ChromiumApp {
  readonly browser: Browser;
  readonly page: Page;
  /** The X window of the browser (found by its title). */
  readonly windowId: number;
  activate(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Launch Debian's Chromium (never a Playwright browser download) in a real window on this display, at 0,0,
 * 1280x800, and load `html`. The window is found by the page title, which must be unique.
 */
export async function launchChromium(x: XSession, html: string, title: string): Promise<ChromiumApp> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: false,
    env: x.env as Record<string, string>,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-quic",
      "--window-position=0,0",
      "--window-size=1280,800",
    ],
  });
  const context = await browser.newContext({ viewport: null });
  const page = await context.newPage();
  await page.setContent(html);
  const windowId = await findWindowByTitle(x, `${title} - Chromium`, 20_000);
  const app: ChromiumApp = {
    browser,
    page,
    windowId,
    async activate() {
      await xdotool(x, "windowactivate", "--sync", windowId);
    },
    async stop() {
      await browser.close().catch(() => undefined);
    },
  };
  await app.activate();
  return app;
}

/**
 * Screen coordinates of the centre of an element, from `window.screenX/screenY` and the size of the browser
 * chrome (measured: Chromium 156 under openbox has 4 px side/bottom borders). Tests that need exact figures
 * compare against the page's own `MouseEvent.screenX/screenY`, which match the X coordinates exactly.
 */
export async function elementScreenCenter(page: Page, selector: string): Promise<{ x: number; y: number }> {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el) throw new Error(`no element ${sel}`);
    const r = el.getBoundingClientRect();
    // Side borders are equal; the bottom border equals a side border; the rest is the top chrome.
    const border = (window.outerWidth - window.innerWidth) / 2;
    const chromeTop = window.outerHeight - window.innerHeight - border;
    const chromeLeft = border;
    return {
      x: Math.round(window.screenX + chromeLeft + r.left + r.width / 2),
      y: Math.round(window.screenY + chromeTop + r.top + r.height / 2),
    };
  }, selector);
}
