import { randomBytes } from "node:crypto";
import type { Manifest, ScreenshotEvent } from "@tracevault/core";
import { blackout, encodeFrame, type RawFrame } from "../capture/image.js";
import type { Rect } from "../capture/types.js";
import { EngineFailure } from "../filter/engine.js";
import type { ScreenTextRedactor } from "../filter/screen-text.js";
import type { EventFilter, FrameAttachment } from "./event-filter.js";

export type ScreenshotPolicy = NonNullable<Manifest["screenshots"]>;

export type FrameReason = "start" | "before" | "after" | "change";

export interface FrameCounters {
  requested: number;
  /** Frames taken, redacted, encoded and queued for sealing. */
  stored: number;
  /** Dropped because the recorder could not keep up (a frame was already waiting for redaction). */
  droppedBusy: number;
  /** Dropped because level-4 content was on screen. */
  droppedLevel4: number;
  /** Dropped because OCR failed or timed out (never stored unredacted). */
  droppedOcrFailed: number;
  /** Dropped because an excluded window was (or may have been) in front when it was taken. */
  droppedExcluded: number;
  /** Not taken: over the manifest's frames-per-minute budget. */
  skippedRate: number;
  /** Not taken: paused or an excluded window focused. */
  skippedContext: number;
  /** Regions blacked out (excluded windows, password fields, sensitive words). */
  blackedOutRegions: number;
  /** Timings of the last frames (ms), for the status line and the bench. */
  lastFrameMs: number;
  lastOcrMs: number;
  /** Frames on which OCR ran (the others reused the previous frame's words: nothing had changed). */
  ocrRuns: number;
}

export interface FramePipelineOptions {
  policy: ScreenshotPolicy;
  /** Grab the screen (raw RGB, in memory). */
  grab: () => Promise<RawFrame>;
  /** Rectangles to black out before OCR: excluded visible windows, browser password fields. */
  blackoutRects: (t: number) => Promise<Rect[]>;
  /** Whether the focused context is excluded (or recording is paused): then no frame is taken at all. */
  blocked: () => boolean;
  /** Whether an excluded context was focused at any time in [from, to] (then a frame from then is dropped). */
  excludedBetween: (from: number, to: number) => boolean;
  /** OCR + engine; undefined when the manifest does not ask for text redaction. */
  text: ScreenTextRedactor | undefined;
  filter: EventFilter;
  clock: () => number;
  /** The engine failed: fail closed. */
  onEngineFailure: (e: EngineFailure) => void;
  log?: (msg: string) => void;
  /** Display id for screenshot events. */
  display?: string;
  /** Extra time after a frame in which a newly reported excluded focus still drops it (default 300 ms). */
  exclusionSlackMs?: number;
}

const MIME = { jpeg: "image/jpeg", webp: "image/webp", png: "image/png" } as const;
const EXT = { jpeg: "jpg", webp: "webp", png: "png" } as const;

/**
 * Screenshots, redacted in memory before anything is kept: grab → black out excluded windows and password
 * fields → OCR (changed regions) + engine → black out sensitive words (or drop the frame when level-4
 * content is on screen) → encode → the frame joins its screenshot event in the event queue.
 *
 * One frame is redacted at a time and at most one waits; a request while one waits is dropped and counted
 * (the recorder never falls behind by storing unredacted frames). Requests are also limited to the
 * manifest's `maxPerMinute` (a token bucket; skipped requests are counted separately).
 */
export class FramePipeline {
  readonly counters: FrameCounters = {
    requested: 0,
    stored: 0,
    droppedBusy: 0,
    droppedLevel4: 0,
    droppedOcrFailed: 0,
    droppedExcluded: 0,
    skippedRate: 0,
    skippedContext: 0,
    blackedOutRegions: 0,
    lastFrameMs: 0,
    lastOcrMs: 0,
    ocrRuns: 0,
  };
  /** Recent timings (ms) for medians. */
  readonly timings: { frameMs: number[]; ocrMs: number[]; reuseMs: number[] } = {
    frameMs: [],
    ocrMs: [],
    reuseMs: [],
  };
  private readonly o: FramePipelineOptions;
  private tokens: number;
  private lastRefill: number;
  /** Frames being grabbed, waiting or being redacted (at most 2: one redacted, one waiting). */
  private inflight = 0;
  private busy = false;
  private seq = 0;
  private readonly prefix = randomBytes(4).toString("hex");
  private idle: (() => void)[] = [];
  private stopped = false;

  constructor(o: FramePipelineOptions) {
    this.o = o;
    this.tokens = Math.min(o.policy.maxPerMinute, 6);
    this.lastRefill = o.clock();
  }

  private takeToken(): boolean {
    const now = this.o.clock();
    const cap = Math.min(this.o.policy.maxPerMinute, 6);
    this.tokens = Math.min(
      cap,
      this.tokens + ((now - this.lastRefill) * this.o.policy.maxPerMinute) / 60_000,
    );
    this.lastRefill = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Ask for a frame now (non-blocking). */
  request(_reason: FrameReason): void {
    if (this.stopped) return;
    this.counters.requested++;
    if (this.o.blocked()) {
      this.counters.skippedContext++;
      return;
    }
    if (this.inflight >= 2) {
      this.counters.droppedBusy++;
      return;
    }
    if (!this.takeToken()) {
      this.counters.skippedRate++;
      return;
    }
    this.inflight++;
    void this.takeAndProcess().finally(() => this.inflight--);
  }

  private async takeAndProcess(): Promise<void> {
    const t0 = performance.now();
    let frame: RawFrame;
    let grabMs: number;
    try {
      frame = await this.o.grab();
      grabMs = performance.now() - t0;
    } catch (e) {
      this.o.log?.(`screenshot failed: ${(e as Error).message}`);
      return;
    }
    let handle: ReturnType<EventFilter["pendingFrame"]>;
    try {
      handle = this.o.filter.pendingFrame(frame.takenAt);
    } catch {
      frame.rgb.fill(0);
      return; // the filter has failed closed
    }
    // one at a time: wait for the frame being redacted
    while (this.busy) await new Promise<void>((r) => this.idle.push(r));
    this.busy = true;
    try {
      const r = await this.process(frame, grabMs);
      if (r) handle.resolve(r.event, r.frame);
      else handle.drop();
    } catch (e) {
      handle.drop();
      if (e instanceof EngineFailure) this.o.onEngineFailure(e);
      else {
        this.counters.droppedOcrFailed++;
        this.o.log?.(`frame dropped: ${(e as Error).message}`);
      }
    } finally {
      // wipe the raw pixels held in memory
      frame.rgb.fill(0);
      this.busy = false;
      const w = this.idle.shift();
      w?.();
    }
  }

  private async process(
    frame: RawFrame,
    grabMs: number,
  ): Promise<{ event: ScreenshotEvent; frame: FrameAttachment } | undefined> {
    const p = this.o.policy;
    const p0 = performance.now();
    let ocrMs = 0;
    const rects = await this.o.blackoutRects(frame.takenAt);
    if (rects.length) this.counters.blackedOutRegions += rects.length;
    blackout(frame, rects, 2);
    let diff: number | undefined;
    if (this.o.text && p.redactText) {
      const o0 = performance.now();
      const r = await this.o.text.analyze(frame);
      ocrMs = performance.now() - o0;
      this.counters.lastOcrMs = ocrMs;
      // timings of frames that needed OCR (an unchanged screen costs only the diff and the engine)
      if (r.ocrPixels > 0) {
        this.counters.ocrRuns++;
        push(this.timings.ocrMs, ocrMs);
      } else push(this.timings.reuseMs, ocrMs);
      diff = r.diff;
      if (r.level4) {
        this.counters.droppedLevel4++;
        return undefined;
      }
      if (r.boxes.length) {
        this.counters.blackedOutRegions += r.boxes.length;
        blackout(frame, r.boxes, 3);
      }
    }
    const enc = await encodeFrame(frame, { maxWidth: p.maxWidth, format: p.format, quality: p.quality });
    const slack = this.o.exclusionSlackMs ?? 300;
    if (this.o.excludedBetween(frame.takenAt - slack, frame.takenAt + slack)) {
      this.counters.droppedExcluded++;
      return undefined;
    }
    const ref = `f-${this.prefix}-${String(this.seq++).padStart(6, "0")}.${EXT[p.format]}`;
    const event: ScreenshotEvent = {
      kind: "screenshot",
      t: frame.takenAt,
      ref,
      w: enc.width,
      h: enc.height,
      hash: enc.hash,
      ...(this.o.display ? { display: this.o.display } : {}),
      ...(diff !== undefined ? { diff } : {}),
    };
    this.counters.stored++;
    // capture + black-out + encode (OCR and the engine are timed separately)
    const ms = grabMs + (performance.now() - p0 - ocrMs);
    this.counters.lastFrameMs = ms;
    push(this.timings.frameMs, ms);
    return { event, frame: { ref, mime: MIME[p.format], data: enc.data } };
  }

  /** Resolve once no frame is being redacted or waiting. */
  async drain(timeoutMs = 30_000): Promise<void> {
    const end = Date.now() + timeoutMs;
    while (this.inflight > 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
  }

  stop(): void {
    this.stopped = true;
  }
}

function push(a: number[], v: number): void {
  a.push(v);
  if (a.length > 512) a.splice(0, a.length - 512);
}

/** Median of a list (0 when empty). */
export function median(a: readonly number[]): number {
  if (a.length === 0) return 0;
  const s = [...a].sort((x, y) => x - y);
  return s[s.length >> 1]!;
}
