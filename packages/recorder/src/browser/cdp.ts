import type { ActiveWindowInfo, Rect } from "../capture/types.js";
import type { BrowserFieldNotice, BrowserSource } from "../pipeline/recorder.js";
import { MiniWebSocket } from "./websocket.js";

/**
 * A browser source over the Chrome DevTools Protocol (Chromium started with `--remote-debugging-port`):
 * what X11 cannot tell the recorder about a browser window.
 *
 * - Password fields, exactly: a small script in every page (added with `Page.addScriptToEvaluateOnNewDocument`
 *   and evaluated in the pages already open) reports focus changes through a `Runtime.addBinding` binding:
 *   whether the focused element takes a secret (`type=password`, or autocomplete `current-password`,
 *   `new-password`, `one-time-code`, `cc-number`, `cc-csc`), its rectangle on screen, and the page URL. The
 *   recorder drops the keys typed while such a field has focus and blacks its rectangle out of screenshots.
 * - URLs: the URL of the page whose title the focused browser window shows, for site exclusions.
 *
 * Limits (documented, not hidden): only Chromium-family browsers started with a debugging port on
 * 127.0.0.1 (a browser extension is the production route); a field whose type changes while focused
 * ("show password" toggles) is re-reported only on the next focus, scroll or resize; the on-screen rectangle
 * is computed from the window geometry the page sees (exact at zoom 100 %, under openbox/X11); cross-origin
 * iframes are separate targets and are covered only when the browser reports them as attachable targets.
 */

const BINDING = "__tracevaultField";

/** The script run in every page. It reports facts about the focused element, never what it contains. */
export const PAGE_SCRIPT = String.raw`(() => {
  if (window.__tracevaultInstalled) return;
  window.__tracevaultInstalled = true;
  const SECRET_AC = /^(current-password|new-password|one-time-code|cc-number|cc-csc)$/;
  const isSecret = (el) => !!el && el.tagName === "INPUT" &&
    (String(el.type).toLowerCase() === "password" || SECRET_AC.test(String(el.autocomplete || "").toLowerCase().trim()));
  const rectOf = (el) => {
    const r = el.getBoundingClientRect();
    const border = Math.max(0, (outerWidth - innerWidth) / 2);
    const top = screenY + outerHeight - innerHeight - border;
    return { x: Math.round(screenX + border + r.left), y: Math.round(top + r.top), w: Math.round(r.width), h: Math.round(r.height) };
  };
  const report = (el, focused) => {
    try {
      const pw = focused && isSecret(el);
      window.${BINDING}(JSON.stringify({ t: performance.timeOrigin + performance.now(), password: !!pw,
        rect: pw ? rectOf(el) : undefined, url: location.href, title: document.title, focused: !!focused }));
    } catch (e) {}
  };
  addEventListener("focusin", (e) => report(e.target, true), true);
  addEventListener("focusout", () => report(null, false), true);
  addEventListener("blur", () => report(null, false));
  addEventListener("focus", () => report(document.activeElement, true));
  const again = () => { const el = document.activeElement; if (isSecret(el)) report(el, true); };
  addEventListener("scroll", again, true);
  addEventListener("resize", again);
  report(document.activeElement, document.hasFocus());
})()`;

interface Target {
  targetId: string;
  type: string;
  url: string;
  title: string;
  sessionId?: string;
  focusedAt: number;
}

interface Pending {
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
}

export interface CdpBrowserSourceOptions {
  /** DevTools HTTP endpoint, e.g. "http://127.0.0.1:9222". Only loopback hosts are accepted. */
  endpoint: string;
  log?: (msg: string) => void;
}

/** See the module comment. */
export class CdpBrowserSource implements BrowserSource {
  private ws: MiniWebSocket | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly targets = new Map<string, Target>();
  private onNotice: ((n: BrowserFieldNotice) => void) | undefined;
  private onPageChange: (() => void) | undefined;
  private stopped = false;
  lastRect: Rect | undefined;

  constructor(private readonly o: CdpBrowserSourceOptions) {
    const host = new URL(o.endpoint).hostname;
    if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host))
      throw new Error(`the DevTools endpoint must be on this machine (127.0.0.1), not ${host}`);
  }

  private send(method: string, params: object = {}, sessionId?: string): Promise<unknown> {
    const ws = this.ws;
    if (!ws) return Promise.reject(new Error("not connected"));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      ws.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
    });
  }

  async start(onNotice: (n: BrowserFieldNotice) => void, onPageChange?: () => void): Promise<void> {
    this.onNotice = onNotice;
    this.onPageChange = onPageChange;
    const res = await fetch(`${this.o.endpoint.replace(/\/+$/, "")}/json/version`, {
      signal: AbortSignal.timeout(5000),
    });
    if (!res.ok) throw new Error(`DevTools endpoint answered ${res.status}`);
    const { webSocketDebuggerUrl } = (await res.json()) as { webSocketDebuggerUrl: string };
    const ws = await MiniWebSocket.connect(webSocketDebuggerUrl);
    this.ws = ws;
    ws.onmessage = (text) => this.onMessage(text);
    ws.onclose = (why) => {
      for (const p of this.pending.values()) p.reject(new Error(`DevTools connection closed: ${why}`));
      this.pending.clear();
      if (!this.stopped) this.o.log?.(`browser source: DevTools connection closed (${why})`);
      // Without the browser source, password fields are no longer known: say so, and assume the worst for
      // keys typed into the browser from now on is up to the window heuristics.
    };
    await this.send("Target.setDiscoverTargets", { discover: true });
    const { targetInfos } = (await this.send("Target.getTargets")) as { targetInfos: Target[] };
    for (const t of targetInfos) await this.track(t);
  }

  private async track(info: { targetId: string; type: string; url: string; title: string }): Promise<void> {
    if (info.type !== "page") return;
    let t = this.targets.get(info.targetId);
    if (!t) {
      t = { ...info, focusedAt: 0 };
      this.targets.set(info.targetId, t);
    } else {
      const moved = t.url !== info.url;
      t.url = info.url;
      t.title = info.title;
      if (moved) this.onPageChange?.();
    }
    if (t.sessionId) return;
    try {
      const { sessionId } = (await this.send("Target.attachToTarget", {
        targetId: info.targetId,
        flatten: true,
      })) as {
        sessionId: string;
      };
      t.sessionId = sessionId;
      await this.send("Runtime.enable", {}, sessionId);
      await this.send("Runtime.addBinding", { name: BINDING }, sessionId);
      await this.send("Page.addScriptToEvaluateOnNewDocument", { source: PAGE_SCRIPT }, sessionId);
      await this.send("Runtime.evaluate", { expression: PAGE_SCRIPT }, sessionId);
    } catch (e) {
      this.o.log?.(`browser source: cannot watch a page: ${(e as Error).message}`);
    }
  }

  private onMessage(text: string): void {
    let msg: {
      id?: number;
      result?: unknown;
      error?: { message: string };
      method?: string;
      params?: Record<string, unknown>;
      sessionId?: string;
    };
    try {
      msg = JSON.parse(text);
    } catch {
      return;
    }
    if (msg.id !== undefined) {
      const p = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      if (msg.error) p?.reject(new Error(msg.error.message));
      else p?.resolve(msg.result);
      return;
    }
    const params = msg.params ?? {};
    switch (msg.method) {
      case "Target.targetCreated":
      case "Target.targetInfoChanged":
        void this.track(params.targetInfo as Target);
        break;
      case "Target.targetDestroyed":
        this.targets.delete(String(params.targetId));
        break;
      case "Runtime.bindingCalled": {
        if (params.name !== BINDING) break;
        let n: { t?: number; password?: boolean; rect?: Rect; url?: string; focused?: boolean };
        try {
          n = JSON.parse(String(params.payload));
        } catch {
          break;
        }
        const target = [...this.targets.values()].find((t) => t.sessionId === msg.sessionId);
        if (target && n.focused) target.focusedAt = Date.now();
        if (target && typeof n.url === "string" && target.url !== n.url) {
          target.url = n.url;
          this.onPageChange?.();
        }
        const notice: BrowserFieldNotice = {
          t:
            typeof n.t === "number" && Number.isFinite(n.t)
              ? n.t
              : performance.timeOrigin + performance.now(),
          password: n.password === true,
        };
        if (n.rect && [n.rect.x, n.rect.y, n.rect.w, n.rect.h].every((v) => typeof v === "number"))
          notice.rect = { ...n.rect };
        if (typeof n.url === "string") notice.url = n.url;
        this.lastRect = notice.rect;
        this.onNotice?.(notice);
        break;
      }
      default:
        break;
    }
  }

  /** URL of the page shown by a browser window (matched by title, most recently focused first). */
  url = (win: ActiveWindowInfo): string | undefined => {
    if (!/chrom|brave|edge|opera|vivaldi/i.test(`${win.app ?? ""} ${win.instance ?? ""}`)) return undefined;
    const pages = [...this.targets.values()].sort((a, b) => b.focusedAt - a.focusedAt);
    if (pages.length === 0) return undefined;
    const title = win.title ?? "";
    const byTitle = pages.find((p) => p.title !== "" && title.startsWith(p.title));
    if (byTitle) return byTitle.url;
    return pages.length === 1 ? pages[0]!.url : undefined;
  };

  async stop(): Promise<void> {
    this.stopped = true;
    this.ws?.close();
    this.ws = undefined;
  }
}
