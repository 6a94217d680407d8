import type { Display, Frame, FrameRule, ObservationParams, ScreenshotEvent } from "@tracevault/core";

/** A frame as held in memory: the screenshot event plus whether the screen changed since the previous one. */
interface Held {
  ev: ScreenshotEvent;
  t: number;
  /** true: changed; false: unchanged; undefined: the source gave no change information. */
  changed: boolean | undefined;
}

/**
 * Keeps the recent frames (bounded by `lookback_ms` and `max_frames`) and picks observations:
 * the last stable frame before an action (with a fallback offset), and the frame after it.
 * Works the same for screenshots and for video frames (screenshot events with `video_pts`).
 */
export class FrameChooser {
  private buf: Held[] = [];
  private head = 0;
  private lastHash = new Map<string, string>();
  private displays: readonly Display[] = [];

  constructor(private readonly p: ObservationParams) {}

  setDisplays(displays: readonly Display[]): void {
    this.displays = displays;
  }

  get size(): number {
    return this.buf.length - this.head;
  }

  /** Add a frame (frames arrive in time order). */
  add(ev: ScreenshotEvent, t: number): void {
    let changed: boolean | undefined;
    if (ev.diff !== undefined) changed = ev.diff > this.p.stable_diff;
    else if (ev.hash !== undefined) {
      const key = ev.display ?? "";
      const prev = this.lastHash.get(key);
      changed = prev === undefined ? undefined : prev !== ev.hash;
      this.lastHash.set(key, ev.hash);
    }
    this.buf.push({ ev, t, changed });
    // Evict by age and count; compact the array now and then (amortised O(1)).
    const minT = t - this.p.lookback_ms;
    while (
      this.buf.length - this.head > 1 &&
      (this.buf[this.head]!.t < minT || this.buf.length - this.head > this.p.max_frames)
    )
      this.head++;
    if (this.head > 256 && this.head * 2 > this.buf.length) {
      this.buf = this.buf.slice(this.head);
      this.head = 0;
    }
  }

  /**
   * The observation for an action starting at `tA`.
   * 1. stable: walking back, the latest run of unchanged frames whose content lasted >= stable_ms
   *    (until the next change, or until the action); its latest frame is chosen.
   * 2. fallback_offset: the latest frame at least fallback_offset_ms before the action.
   * 3. latest: the latest frame at or before the action.
   */
  before(tA: number): Frame | null {
    const b = this.buf;
    let i = b.length - 1;
    while (i >= this.head && b[i]!.t > tA) i--;
    if (i < this.head) return null;
    const minT = tA - this.p.lookback_ms;
    // 1. stable runs (only frames that carry change information can prove stability)
    let runEnd = tA;
    let j = i;
    while (j >= this.head && b[j]!.t >= minT) {
      const last = j; // latest frame of this run
      // extend the run back while the frame at j is known to be unchanged from j-1
      while (j > this.head && b[j]!.changed === false) j--;
      const start = b[j]!;
      const known = last > j || start.changed !== undefined;
      if (known && runEnd - start.t >= this.p.stable_ms) return this.frame(b[last]!.ev, b[last]!.t, "stable");
      runEnd = start.t;
      j--;
    }
    // 2. fallback offset
    const limit = tA - this.p.fallback_offset_ms;
    for (let k = i; k >= this.head; k--) {
      if (b[k]!.t <= limit) return this.frame(b[k]!.ev, b[k]!.t, "fallback_offset");
    }
    // 3. whatever is closest before the action
    return this.frame(b[i]!.ev, b[i]!.t, "latest");
  }

  /** The first frame at or after `target` and at or before `limit`, if held. */
  firstBetween(target: number, limit: number): Frame | null {
    for (let k = this.head; k < this.buf.length; k++) {
      const h = this.buf[k]!;
      if (h.t > limit) return null;
      if (h.t >= target) return this.frame(h.ev, h.t, "after");
    }
    return null;
  }

  /** The latest frame in (after, limit]. */
  latestBetween(after: number, limit: number): Frame | null {
    for (let k = this.buf.length - 1; k >= this.head; k--) {
      const h = this.buf[k]!;
      if (h.t > limit) continue;
      if (h.t <= after) return null;
      return this.frame(h.ev, h.t, "before_next");
    }
    return null;
  }

  /** The time of the latest frame held, or -Infinity. */
  get latestT(): number {
    return this.buf.length > this.head ? this.buf[this.buf.length - 1]!.t : -Infinity;
  }

  /** Build the observation record, with the screen → image mapping of the frame's display. */
  frame(ev: ScreenshotEvent, t: number, rule: FrameRule): Frame {
    const d = displayFor(this.displays, ev.display);
    const f: Frame = {
      ref: ev.ref,
      t,
      w: ev.w,
      h: ev.h,
      scale: d ? { x: ev.w / d.w, y: ev.h / d.h } : { x: 1, y: 1 },
      origin: d ? { x: d.x, y: d.y } : { x: 0, y: 0 },
      rule,
    };
    if (ev.display !== undefined) f.display = ev.display;
    if (ev.video_pts !== undefined) f.video_pts = ev.video_pts;
    return f;
  }
}

/** The display a frame shows: by id, else the primary, else the first. */
export function displayFor(displays: readonly Display[], id: string | undefined): Display | undefined {
  if (displays.length === 0) return undefined;
  if (id !== undefined) {
    const d = displays.find((x) => x.id === id);
    if (d) return d;
  }
  return displays.find((x) => x.primary) ?? displays[0];
}
