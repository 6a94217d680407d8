import type { BatchHeader, CaptureChannel, FocusEvent, Manifest, RawEvent } from "@tracevault/core";
import { Batcher, type BatchStatsDelta } from "../batcher.js";
import type { RawFrame } from "../capture/image.js";
import { tesseractAvailable, type OcrOptions } from "../capture/ocr.js";
import {
  CaptureError,
  defaultClock,
  type ActiveWindowInfo,
  type CaptureSink,
  type CaptureSource,
  type Clock,
  type Rect,
} from "../capture/types.js";
import { createCaptureSources } from "../platform/index.js";
import { displayEvent, readX11DesktopSettings } from "../platform/x11/desktop-settings.js";
import type { UrlProvider, WindowInfo } from "../platform/x11/window-source.js";
import { ContextFilter, type ContextDecision, type WindowContext } from "../filter/context.js";
import { DEFAULT_ENGINE, type PrivacyEngine } from "../filter/engine.js";
import { ScreenTextRedactor, type OcrFn } from "../filter/screen-text.js";
import type { Spool, SpoolEntry } from "../spool.js";
import { DEFAULT_POLICY } from "@tracevault/privacy";
import { EventFilter, parseHotkey, type Released } from "./event-filter.js";
import { FramePipeline, median } from "./frames.js";

/** What a browser source reports about the focused page element (see browser/cdp.ts). */
export interface BrowserFieldNotice {
  /** Time on the recorder's clock (epoch ms). */
  t: number;
  /** The focused element takes a secret (password, one-time code, card security code). */
  password: boolean;
  /** The element's rectangle in screen pixels, when known (blacked out in screenshots). */
  rect?: Rect;
  url?: string;
}

/** A browser-side source of page knowledge X11 cannot give: URLs and password fields. */
export interface BrowserSource {
  /**
   * `onPageChange`: a page's address changed (navigation, also within a single-page application, where the
   * window title may stay the same); the recorder asks `url` again for the focused window.
   */
  start(onNotice: (n: BrowserFieldNotice) => void, onPageChange?: () => void): Promise<void>;
  stop(): Promise<void>;
  /** The URL of the page in the focused browser window (the window source's `urlProvider`). */
  url?: UrlProvider;
}

export interface RecorderOptions {
  manifest: Manifest;
  manifestHash: string;
  /** The vault's sealing key (X25519). */
  vault: { publicKey: Uint8Array; kid: string };
  deviceId: string;
  spool: Spool;
  leaseId?: string;
  /**
   * The recording lease (online recording): no source is started and no captured event is accepted while it
   * does not allow recording, whatever the caller does. Without it (offline collection, tests) nothing gates.
   */
  lease?: LeaseGate;
  /** Start paused (the person paused before this recorder was created): nothing is recorded until resume. */
  startPaused?: boolean;
  /** X display (default $DISPLAY). */
  display?: string;
  /** Replace the platform's sources (tests). Each must carry a channel the manifest allows. */
  sources?: CaptureSource[];
  engine?: PrivacyEngine;
  /** OCR for on-screen text (default native Tesseract); `false` refuses screenshots that need it. */
  ocr?: OcrFn;
  ocrOptions?: OcrOptions;
  browser?: BrowserSource;
  /** Pause/resume hotkey (default "ctrl+alt+shift+p"); `false` for none. */
  hotkey?: string | false;
  batch?: { maxEvents?: number; maxAgeMs?: number; maxBytes?: number };
  settleMs?: number;
  slackMs?: number;
  maxHoldMs?: number;
  clock?: Clock;
  /** Read display geometry and double-click / drag settings once (X11; default true when a display is used). */
  desktopSettings?: boolean;
  log?: (msg: string) => void;
  onSealed?: (entry: SpoolEntry, info: { events: number; frames: number; bytes: number }) => void;
  /** Called on pause/resume/stop so a status line can be redrawn at once. */
  onState?: (s: RecorderState) => void;
}

/** Whether recording is allowed right now (the lease client). Called for every captured event: must be cheap. */
export interface LeaseGate {
  canRecord(): boolean;
  /** The vault-signed lease held now, carried in each batch header as proof of the grant (core `BatchHeader`). */
  proof?(): BatchHeader["leaseProof"];
}

/** Recording was refused or cut short because the lease does not allow it (not a failure of the recorder). */
export class NoLeaseError extends Error {
  override name = "NoLeaseError";
  constructor(message = "no valid recording lease: nothing is recorded") {
    super(message);
  }
}

export type RecorderState = "starting" | "recording" | "paused" | "stopping" | "stopped" | "failed";

export interface RecorderStatus {
  state: RecorderState;
  startedAt: number;
  /** Events kept and queued for sealing. */
  events: number;
  /** Events waiting in memory to be decided. */
  queued: number;
  batches: number;
  spool: { batches: number; bytes: number; droppedBatches: number };
  frames: {
    stored: number;
    dropped: number;
    droppedBusy: number;
    droppedLevel4: number;
    skippedRate: number;
    frameMsP50: number;
    /** Median OCR + engine time of the frames on which OCR ran. */
    ocrMsP50: number;
    ocrRuns: number;
    /** Median time of frames whose screen had not changed (diff + engine, no OCR). */
    reuseMsP50: number;
  };
  keysDropped: number;
  redactedSpans: number;
  excludedWindows: number;
  /** Captured events refused because the lease did not allow recording at that moment. */
  leaseDropped: number;
  /** Why recording stopped, when it failed. */
  error?: string;
  /** Channels being recorded. */
  channels: CaptureChannel[];
  /** Focused window is excluded right now (nothing is recorded). */
  excludedNow: boolean;
}

export interface RecorderSummary {
  error?: Error;
  status: RecorderStatus;
}

interface ScreenshotCapable {
  grab(region?: Rect): Promise<RawFrame>;
  watchChanges?(onChange: () => void, minIntervalMs?: number): Promise<() => void>;
}
interface WindowCapable {
  visibleWindows?(): Promise<WindowInfo[]>;
  current?(): ActiveWindowInfo | undefined;
}

const CHANNEL_OF_KIND: Partial<Record<RawEvent["kind"], CaptureChannel>> = {
  key_down: "keyboard",
  key_up: "keyboard",
  mouse_move: "mouse",
  mouse_down: "mouse",
  mouse_up: "mouse",
  wheel: "mouse",
  focus: "window",
  screenshot: "screenshots",
};

/**
 * The recorder: capture sources → filter pipeline → batches sealed into the spool. Nothing unfiltered is
 * ever written: events wait in memory until decided, frames until redacted, batches are sealed to the vault
 * before they touch the disk.
 *
 * - Manifest gate: a source is started only for a channel the manifest collects (the active-window watcher
 *   also runs, without emitting anything, when the manifest collects input or screenshots but not windows:
 *   exclusions cannot work without knowing the focused window). Every batch carries the manifest hash.
 * - Fail closed: if the privacy engine throws, recording stops, everything undecided is dropped, and
 *   `done` resolves with the error. A capture source that fails for good (display gone) stops recording too.
 * @example
 * const rec = new Recorder({ manifest, manifestHash, vault, deviceId, spool });
 * await rec.start();
 * // … rec.pause(); rec.resume(); rec.status()
 * const { error } = await rec.stop();
 */
export class Recorder {
  readonly done: Promise<RecorderSummary>;
  private resolveDone!: (s: RecorderSummary) => void;
  private readonly o: RecorderOptions;
  private readonly clock: Clock;
  private readonly engine: PrivacyEngine;
  private readonly contexts: ContextFilter;
  private readonly filter: EventFilter;
  private readonly batcher: Batcher;
  private frames: FramePipeline | undefined;
  private text: ScreenTextRedactor | undefined;
  private sources: CaptureSource[] = [];
  private started: CaptureSource[] = [];
  private windowSource: (CaptureSource & WindowCapable) | undefined;
  private shotSource: (CaptureSource & ScreenshotCapable) | undefined;
  private stopWatch: (() => void) | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;
  private afterTimer: ReturnType<typeof setTimeout> | undefined;
  private state: RecorderState = "starting";
  private error: Error | undefined;
  private readonly collectWindow: boolean;
  private lastWindow: ActiveWindowInfo | undefined;
  private lastFocus: { ev: FocusEvent; decision: ContextDecision } | undefined;
  private exclusions: { t: number; excluded: boolean }[] = [{ t: -Infinity, excluded: false }];
  /** Password fields seen focused: blacked out while focused and for `pwRectKeepMs` after (they show bullets). */
  private pwRects: { rect: Rect; until: number }[] = [];
  private emitted = 0;
  private lastKeyT = -Infinity;
  private lastWheelT = -Infinity;
  private startedAt = 0;
  private stopping: Promise<RecorderSummary> | undefined;
  private leaseDropped = 0;

  constructor(o: RecorderOptions) {
    this.o = o;
    this.clock = o.clock ?? defaultClock;
    this.engine = o.engine ?? DEFAULT_ENGINE;
    this.done = new Promise((r) => (this.resolveDone = r));
    this.contexts = new ContextFilter(o.manifest);
    this.collectWindow = o.manifest.channels.includes("window");
    const allowMode = o.manifest.scope.mode === "allow";
    if (allowMode) this.exclusions = [{ t: -Infinity, excluded: true }];
    this.filter = new EventFilter({
      engine: this.engine,
      clock: this.clock,
      emit: (r) => this.onReleased(r),
      onTypedSecret: (v) => this.text?.addTypedSecret(v),
      onHotkey: () => (this.state === "paused" ? this.resume() : this.pause()),
      ...(o.hotkey === false ? {} : { hotkey: parseHotkey(o.hotkey ?? "ctrl+alt+shift+p") }),
      settleMs: o.settleMs ?? 500,
      sensitivityCap: o.manifest.sensitivityCap,
      ...(o.slackMs !== undefined ? { slackMs: o.slackMs } : {}),
      ...(o.maxHoldMs !== undefined ? { maxHoldMs: o.maxHoldMs } : {}),
    });
    // In allow mode nothing is in scope until the focused window is known.
    if (allowMode)
      this.filter.focus(
        { kind: "focus", t: -1e15 },
        { excluded: true, password: false, level: 1, reasons: ["scope:unknown"] },
        false,
      );
    this.batcher = new Batcher({
      spool: o.spool,
      deviceId: o.deviceId,
      manifestHash: o.manifestHash,
      channels: o.manifest.channels,
      vault: o.vault,
      ...(o.leaseId ? { leaseId: o.leaseId } : {}),
      ...(o.lease?.proof ? { leaseProof: () => o.lease?.proof?.() } : {}),
      ...o.batch,
      stats: () => this.statsTotals(),
      onSealed: (e, info) => o.onSealed?.(e, info),
    });
  }

  private log(m: string): void {
    this.o.log?.(m);
  }

  private statsTotals(): BatchStatsDelta {
    const c = this.filter.counters;
    const f = this.frames?.counters;
    return {
      droppedKeys: c.keysDropped + c.passwordKeysDropped + c.excludedInputDropped,
      droppedFrames: f ? f.droppedBusy + f.droppedLevel4 + f.droppedOcrFailed + f.droppedExcluded : 0,
      blackedOutRegions: f?.blackedOutRegions ?? 0,
      excludedWindows: c.excludedFocus,
      redactedSpans: c.keysRedactedSpans + c.titleSpans,
      spoolDroppedBatches: this.o.spool.stats().droppedBatches,
    };
  }

  private setState(s: RecorderState): void {
    this.state = s;
    this.o.onState?.(s);
  }

  /** Start every source the manifest allows. Rejects (after stopping what started) with a clear error. */
  async start(): Promise<void> {
    const m = this.o.manifest;
    const needWindow =
      !this.collectWindow && m.channels.some((c) => c === "keyboard" || c === "mouse" || c === "screenshots");
    const wanted: CaptureChannel[] = [...m.channels, ...(needWindow ? (["window"] as const) : [])];
    const browser = this.o.browser;
    this.sources =
      this.o.sources ??
      createCaptureSources({
        channels: wanted,
        ...(this.o.display ? { display: this.o.display } : {}),
        clock: this.clock,
        ...(browser?.url ? { urlProvider: browser.url } : {}),
      });
    for (const s of this.sources) {
      const ok = m.channels.includes(s.channel) || (s.channel === "window" && needWindow);
      if (!ok)
        throw new CaptureError(
          "UNSUPPORTED",
          `refusing to start the ${s.channel} source: manifest ${m.id} v${m.version} does not collect ${s.channel}`,
          { channel: s.channel },
        );
    }
    const required = policyVersionProblem(m.privacyPolicyVersion, DEFAULT_POLICY.version);
    if (required) throw new Error(required);
    if (m.screenshots && m.sensitivityCap < 3) {
      // Screenshots are personal data (level 3): a manifest that caps storage lower cannot have them.
      this.sources = this.sources.filter((s) => s.channel !== "screenshots");
      this.log(
        `screenshots are level 3 (personal) and manifest ${m.id} caps what is stored at level ${m.sensitivityCap}: no screenshot is taken`,
      );
    }
    if (m.screenshots && m.sensitivityCap >= 3) {
      const shot = this.sources.find((s) => s.channel === "screenshots") as
        (CaptureSource & ScreenshotCapable) | undefined;
      if (shot && typeof shot.grab !== "function")
        throw new CaptureError("UNSUPPORTED", "this screenshot source cannot grab raw frames for redaction");
      if (shot && m.screenshots.redactText && !this.o.ocr && !tesseractAvailable())
        throw new CaptureError(
          "MISSING_TOOL",
          "the manifest asks for on-screen text to be redacted on this machine, but OCR is not installed " +
            "(Debian: apt-get install tesseract-ocr tesseract-ocr-eng); no screenshot is taken without it",
          { channel: "screenshots" },
        );
      this.shotSource = shot;
    }
    if (this.contexts.needsUrl && !browser?.url)
      this.log(
        "browser windows are not recorded: site rules apply (the manifest's or the privacy policy's excluded " +
          "sites) and no browser source reports page addresses (start with --browser-cdp to record them)",
      );
    this.startedAt = this.clock();
    if (this.o.startPaused) this.filter.pause(this.clock());
    try {
      this.requireLease();
      // The browser source before the window: the first focus needs the page address when site rules apply.
      if (browser)
        await browser
          .start(
            (n) => this.onBrowser(n),
            () => this.onPageChange(),
          )
          .catch((e) => this.log(`browser source: ${(e as Error).message}`));
      // Window next: exclusions must be known before the first key.
      const win = this.sources.find((s) => s.channel === "window");
      if (win) {
        this.windowSource = win as CaptureSource & WindowCapable;
        await this.startSource(win);
        await this.waitFirstWindow(1000);
      }
      if (this.o.desktopSettings ?? (!this.o.sources && process.platform === "linux"))
        await this.emitDesktop();
      for (const s of this.sources)
        if (s.channel !== "window" && s.channel !== "screenshots") await this.startSource(s);
      if (this.shotSource) {
        await this.startSource(this.shotSource);
        this.setupFrames();
      }
    } catch (e) {
      await this.stopSources();
      this.setState("failed");
      throw e;
    }
    this.timer = setInterval(() => this.tick(), 100);
    this.timer.unref?.();
    if (this.o.startPaused) {
      this.setState("paused");
      this.log("recording paused (paused before it started)");
    } else {
      this.setState("recording");
      this.frames?.request("start");
    }
  }

  /** Refuse to go on when the lease does not allow recording (checked before each source starts). */
  private requireLease(): void {
    if (this.o.lease && !this.o.lease.canRecord()) throw new NoLeaseError();
  }

  private async waitFirstWindow(ms: number): Promise<void> {
    const end = Date.now() + ms;
    while (!this.lastFocus && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
  }

  private async emitDesktop(): Promise<void> {
    if (!this.o.manifest.channels.some((c) => c === "mouse" || c === "screenshots")) return;
    try {
      const s = await readX11DesktopSettings(this.o.display ? { display: this.o.display } : {});
      this.filter.meta(displayEvent(s, this.clock));
      this.filter.meta({
        kind: "marker",
        t: this.clock(),
        name:
          `settings:double_click_ms=${s.doubleClickMs},drag_threshold_px=${s.dragThresholdPx},` +
          `ui_scale=${Math.round(s.uiScale * 100) / 100}`,
      });
    } catch (e) {
      this.log(`desktop settings not read: ${(e as Error).message}`);
    }
  }

  private sinkFor(s: CaptureSource): CaptureSink {
    return {
      event: (e) => this.onEvent(s, e),
      error: (err) => void this.fail(err),
      log: (msg) => this.log(`${s.channel}: ${msg}`),
      window: (info) => {
        this.lastWindow = info;
      },
    };
  }

  private async startSource(s: CaptureSource): Promise<void> {
    this.requireLease();
    if (!s.tested) this.log(`${s.channel} source for ${s.platform} is UNTESTED`);
    await s.start(this.sinkFor(s));
    this.started.push(s);
  }

  private setupFrames(): void {
    const policy = this.o.manifest.screenshots!;
    const shot = this.shotSource!;
    this.text = policy.redactText
      ? new ScreenTextRedactor({
          engine: this.engine,
          ...(this.o.ocr ? { ocr: this.o.ocr } : {}),
          ...(this.o.ocrOptions ? { ocrOptions: this.o.ocrOptions } : {}),
          clock: this.clock,
        })
      : undefined;
    this.frames = new FramePipeline({
      policy,
      grab: () => shot.grab(),
      blackoutRects: () => this.blackoutRects(),
      blocked: () =>
        this.state !== "recording" ||
        (!!this.o.lease && !this.o.lease.canRecord()) ||
        this.excludedAt(this.clock()),
      excludedBetween: (a, b) => this.excludedBetween(a, b),
      text: this.text,
      filter: this.filter,
      clock: this.clock,
      onEngineFailure: (e) => void this.fail(e),
      log: (msg) => this.log(msg),
      ...(this.o.display ? { display: this.o.display } : {}),
    });
    if (policy.trigger === "actions+changes" && shot.watchChanges) {
      const every = Math.max(2000, Math.ceil(60_000 / policy.maxPerMinute));
      void shot
        .watchChanges(() => {
          // not while a typing burst is on screen: the "after" frame follows it, with the whole value
          if (this.clock() - this.lastKeyT > 800) this.frames?.request("change");
        }, every)
        .then((off) => (this.stopWatch = off))
        .catch((e) => this.log(`screen change watch unavailable: ${(e as Error).message}`));
    }
  }

  private async blackoutRects(): Promise<Rect[]> {
    const rects: Rect[] = [];
    const ws = this.windowSource;
    if (ws?.visibleWindows) {
      const wins = await ws.visibleWindows().catch(() => [] as WindowInfo[]);
      for (const w of wins) {
        if (!w.bounds) continue;
        const ctx: WindowContext = {};
        if (w.app) ctx.app = w.app;
        if (w.instance) ctx.instance = w.instance;
        if (w.title) ctx.title = w.title;
        // the focused window's page address, when a browser source reported it (other windows have none: a
        // browser among them is blacked out while site rules apply, `scope:site-unknown` in filter/context.ts)
        const f = this.lastFocus?.ev;
        if (f?.url && f.window_id === String(w.windowId)) ctx.url = f.url;
        if (this.contexts.decide(ctx).excluded) rects.push(w.bounds);
      }
    }
    const now = this.clock();
    this.pwRects = this.pwRects.filter((r) => r.until > now);
    for (const r of this.pwRects) rects.push(r.rect);
    return rects;
  }

  private excludedAt(t: number): boolean {
    for (let i = this.exclusions.length - 1; i >= 0; i--)
      if (this.exclusions[i]!.t <= t) return this.exclusions[i]!.excluded;
    return false;
  }

  private excludedBetween(a: number, b: number): boolean {
    if (this.excludedAt(a)) return true;
    return this.exclusions.some((x) => x.t >= a && x.t <= b && x.excluded);
  }

  // ------------------------------------------------------------------ events

  private onEvent(s: CaptureSource, e: RawEvent): void {
    if (this.state === "stopped" || this.state === "failed" || this.state === "stopping") return;
    // Fail closed: whatever the caller does, nothing captured while the lease does not allow it is kept
    // (the lease client stops the sources right after; this covers the moments in between).
    if (this.o.lease && !this.o.lease.canRecord()) {
      this.leaseDropped++;
      return;
    }
    const ch = CHANNEL_OF_KIND[e.kind];
    // Defence in depth: a source never gets to deliver another channel's events.
    if (ch && ch !== s.channel) return;
    try {
      if (e.kind === "focus") this.onFocus(e);
      else if (ch === "keyboard" || ch === "mouse") {
        if (!this.o.manifest.channels.includes(ch)) return;
        this.filter.input(e);
        this.trigger(e);
      } else if (e.kind === "screenshot")
        return; // frames only come from the frame pipeline
      else this.filter.meta(e);
    } catch (err) {
      void this.fail(err as Error);
    }
  }

  private onFocus(e: FocusEvent): void {
    const info =
      this.lastWindow && String(this.lastWindow.windowId) === e.window_id ? this.lastWindow : undefined;
    const ctx: WindowContext = {};
    if (e.app) ctx.app = e.app;
    if (info?.instance) ctx.instance = info.instance;
    if (e.title) ctx.title = e.title;
    if (e.url) ctx.url = e.url;
    if (e.window_id === "0") ctx.desktop = true;
    const decision = this.contexts.decide(ctx);
    this.exclusions.push({ t: e.t, excluded: decision.excluded });
    if (this.exclusions.length > 64) this.exclusions.splice(0, this.exclusions.length - 64);
    this.lastFocus = { ev: e, decision };
    this.filter.focus(e, decision, this.collectWindow);
    if (!decision.excluded) this.scheduleAfter(300);
  }

  /**
   * The focused browser window may show another address now: decide its context again (a site rule may
   * exclude it, or stop excluding it) and record the focus change, as if the window had been focused anew.
   */
  private onPageChange(): void {
    const last = this.lastFocus?.ev;
    const win = this.lastWindow;
    const url = this.o.browser?.url;
    if (!last || !win || !url || String(win.windowId) !== last.window_id) return;
    // an address that cannot be read counts as unknown (fail closed)
    void Promise.resolve()
      .then(() => url(win))
      .catch(() => undefined)
      .then((now) => {
        // still the same window, still running, and the address did change
        if (this.lastFocus?.ev !== last || now === last.url) return;
        if (this.state === "stopped" || this.state === "failed" || this.state === "stopping") return;
        if (this.o.lease && !this.o.lease.canRecord()) return;
        const ev: FocusEvent = { ...last, t: this.clock() };
        if (now === undefined) delete ev.url;
        else ev.url = now;
        try {
          this.onFocus(ev);
        } catch (err) {
          void this.fail(err as Error);
        }
      });
  }

  private onBrowser(n: BrowserFieldNotice): void {
    try {
      this.filter.browserField(n.t, n.password);
      const keep = this.clock() + 60_000;
      // the field being left keeps its black box for a minute (it still shows the secret's length)
      for (const r of this.pwRects) if (r.until === Infinity) r.until = keep;
      if (n.password && n.rect) {
        const same = (r: Rect) =>
          r.x === n.rect!.x && r.y === n.rect!.y && r.w === n.rect!.w && r.h === n.rect!.h;
        this.pwRects = this.pwRects.filter((r) => !same(r.rect));
        this.pwRects.push({ rect: n.rect, until: Infinity });
        if (this.pwRects.length > 16) this.pwRects.splice(0, this.pwRects.length - 16);
      }
    } catch (err) {
      void this.fail(err as Error);
    }
  }

  private trigger(e: RawEvent): void {
    const f = this.frames;
    if (!f || this.state !== "recording") return;
    const now = this.clock();
    switch (e.kind) {
      case "mouse_down":
        f.request("before");
        break;
      case "mouse_up":
        this.scheduleAfter(400);
        break;
      case "key_down":
        if (now - this.lastKeyT > 1000) f.request("before");
        this.lastKeyT = now;
        this.scheduleAfter(800);
        break;
      case "wheel":
        if (now - this.lastWheelT > 500) f.request("before");
        this.lastWheelT = now;
        this.scheduleAfter(500);
        break;
      default:
        break;
    }
  }

  private scheduleAfter(ms: number): void {
    if (!this.frames) return;
    if (this.afterTimer) clearTimeout(this.afterTimer);
    this.afterTimer = setTimeout(() => {
      this.afterTimer = undefined;
      this.frames?.request("after");
    }, ms);
    this.afterTimer.unref?.();
  }

  private onReleased(r: Released): void {
    this.emitted++;
    this.batcher.add(r);
  }

  private tick(): void {
    if (this.state === "stopped" || this.state === "failed") return;
    try {
      this.filter.pump();
      this.batcher.tick();
    } catch (err) {
      void this.fail(err as Error);
    }
  }

  // ------------------------------------------------------------------ control

  /** Pause recording (the hotkey, `tracevault record --pause`). Idempotent. */
  pause(): void {
    if (this.state !== "recording") return;
    try {
      this.filter.pause(this.clock());
      this.text?.reset();
      this.setState("paused");
      this.log("recording paused");
    } catch (err) {
      void this.fail(err as Error);
    }
  }

  /** Resume recording. Idempotent. */
  resume(): void {
    if (this.state !== "paused") return;
    try {
      const cur = this.lastFocus;
      this.filter.resume(cur, this.clock());
      this.setState("recording");
      this.log("recording resumed");
      this.frames?.request("after");
    } catch (err) {
      void this.fail(err as Error);
    }
  }

  status(): RecorderStatus {
    const f = this.frames?.counters;
    const c = this.filter.counters;
    const sp = this.o.spool.stats();
    const st: RecorderStatus = {
      state: this.state,
      startedAt: this.startedAt,
      events: this.emitted,
      queued: this.filter.queued,
      batches: this.batcher.sealed,
      spool: { batches: sp.batches, bytes: sp.bytes, droppedBatches: sp.droppedBatches },
      frames: {
        stored: f?.stored ?? 0,
        dropped: f ? f.droppedBusy + f.droppedLevel4 + f.droppedOcrFailed + f.droppedExcluded : 0,
        droppedBusy: f?.droppedBusy ?? 0,
        droppedLevel4: f?.droppedLevel4 ?? 0,
        skippedRate: f?.skippedRate ?? 0,
        frameMsP50: Math.round(median(this.frames?.timings.frameMs ?? []) * 10) / 10,
        ocrMsP50: Math.round(median(this.frames?.timings.ocrMs ?? [])),
        ocrRuns: f?.ocrRuns ?? 0,
        reuseMsP50: Math.round(median(this.frames?.timings.reuseMs ?? [])),
      },
      keysDropped: c.keysDropped + c.passwordKeysDropped,
      redactedSpans: c.keysRedactedSpans + c.titleSpans,
      excludedWindows: c.excludedFocus,
      leaseDropped: this.leaseDropped,
      channels: [...this.o.manifest.channels],
      excludedNow: this.excludedAt(this.clock()),
    };
    if (this.error) st.error = this.error.message;
    return st;
  }

  /** Frame pipeline timings (bench). */
  frameTimings(): { frameMs: number[]; ocrMs: number[]; reuseMs: number[] } {
    return this.frames?.timings ?? { frameMs: [], ocrMs: [], reuseMs: [] };
  }

  private async stopSources(): Promise<void> {
    this.stopWatch?.();
    this.stopWatch = undefined;
    const order = [...this.started].sort((a, b) => rank(a.channel) - rank(b.channel));
    this.started = [];
    for (const s of order)
      await s.stop().catch((e) => this.log(`stopping ${s.channel}: ${(e as Error).message}`));
    await this.o.browser?.stop().catch(() => undefined);
  }

  /** Stop because something failed for good: seal what was already filtered, drop the rest, say why. */
  private fail(err: Error): Promise<RecorderSummary> {
    if (this.stopping) return this.stopping;
    this.error = err instanceof Error ? err : new Error(String(err));
    return this.stop();
  }

  /** Stop recording: stop the sources, finish redacting frames in flight, seal everything decided. */
  stop(): Promise<RecorderSummary> {
    if (this.stopping) return this.stopping;
    this.stopping = (async () => {
      this.setState("stopping");
      if (this.timer) clearInterval(this.timer);
      if (this.afterTimer) clearTimeout(this.afterTimer);
      this.frames?.stop();
      await this.stopSources();
      if (!this.filter.failure) {
        await this.frames?.drain();
        try {
          this.filter.pump(true);
          for (let i = 0; i < 100 && this.filter.hasPending; i++) {
            await new Promise((r) => setTimeout(r, 50));
            this.filter.pump(true);
          }
        } catch (e) {
          this.error ??= e as Error;
        }
      }
      try {
        this.batcher.seal();
      } catch (e) {
        this.error ??= new Error(`could not seal the last batch: ${(e as Error).message}`);
      }
      this.setState(this.error ? "failed" : "stopped");
      const summary: RecorderSummary = {
        status: this.status(),
        ...(this.error ? { error: this.error } : {}),
      };
      this.resolveDone(summary);
      return summary;
    })();
    return this.stopping;
  }
}

function rank(c: CaptureChannel): number {
  return c === "keyboard" || c === "mouse" ? 0 : c === "window" ? 2 : 1;
}

function versionKey(v: string): number[] | undefined {
  const d = /^(\d{4})-(\d{2})-(\d{2})\.(\d+)$/.exec(v);
  if (d) return [1, Number(d[1]), Number(d[2]), Number(d[3]), Number(d[4])];
  const s = /^(\d+)\.(\d+)\.(\d+)/.exec(v);
  if (s) return [0, Number(s[1]), Number(s[2]), Number(s[3])];
  return undefined;
}

/**
 * Why this recorder may not record under a manifest that names privacy policy `required`, having `have`;
 * undefined when it may. Versions of one scheme (dated `YYYY-MM-DD.N`, or semver) are compared; a required
 * version this recorder cannot interpret is not held against it.
 * @example policyVersionProblem("2030-01-01.1", "2026-11-29.1") // "manifest requires privacy policy 2030-01-01.1 or newer; …"
 */
export function policyVersionProblem(required: string, have: string): string | undefined {
  const r = versionKey(required);
  const h = versionKey(have);
  if (!r || !h || r[0] !== h[0]) return undefined;
  for (let i = 1; i < r.length; i++) {
    if ((h[i] ?? 0) > r[i]!) return undefined;
    if ((h[i] ?? 0) < r[i]!)
      return `the manifest requires privacy policy ${required} or newer; this recorder applies ${have}: update the recorder`;
  }
  return undefined;
}
