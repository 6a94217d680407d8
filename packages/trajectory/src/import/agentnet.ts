import type { RawEvent } from "@tracevault/core";
import { canonicalKey } from "../keys.js";
import { keyForChar } from "../synth.js";

/**
 * AgentNetTool recordings (the open recorder behind OpenCUA) → canonical raw events. Pure: the CLI
 * reads the folder (`events.jsonl`, `metadata.json`, `top_window.jsonl`, `task_name.json`, an `.mp4`)
 * and feeds this converter; its output goes through the same reducer and privacy engine as ours.
 *
 * Facts of the format (from AgentNetTool's recorder): events are pynput callbacks with
 * `time_stamp` (seconds, `time.perf_counter()`), `action` = move | click | scroll | press | release
 * (and pause | resume), `x`, `y`, `button` (pynput name), `pressed`, `dx`, `dy` (pynput: dy > 0 is
 * up, dx > 0 is right), `name` (pynput key name or character; control characters turned into the
 * letter, e.g. ctrl+a gives "A"), `event_idx`. `metadata.json` has `screen_width`, `screen_height`
 * (main monitor), `scroll_direction` (-1 with natural scrolling), `video_start_timestamp` (same clock).
 */

export interface AgentNetMetadata {
  screen_width?: number;
  screen_height?: number;
  scroll_direction?: number;
  video_start_timestamp?: number;
  system?: string;
  release?: string;
  version?: string;
  machine?: string;
  model?: string;
  start_time?: string;
  stop_time?: string;
  [k: string]: unknown;
}

/** Our OS name for AgentNet's `platform.system()` value. */
export function agentnetOs(system: unknown): string | undefined {
  if (typeof system !== "string") return undefined;
  const s = system.toLowerCase();
  if (s === "darwin") return "mac";
  if (s === "windows") return "windows";
  if (s === "linux") return "linux";
  return s;
}

const BUTTONS: Record<string, "left" | "right" | "middle" | "back" | "forward"> = {
  left: "left",
  right: "right",
  middle: "middle",
  x1: "back",
  x2: "forward",
  button8: "back",
  button9: "forward",
};

/**
 * Canonical key (and typed character) for a pynput key name.
 * @example agentnetKey("shift_r", false) // { key: "shift" }
 * @example agentnetKey("!", false) // { key: "1", char: "!" }
 * @example agentnetKey("A", true) // { key: "a" }  (ctrl+a arrives as "A")
 */
export function agentnetKey(name: string, ctrlHeld: boolean): { key: string; char?: string } {
  if (/^\$Unknown/i.test(name)) return { key: "unknown" };
  if (name.length === 1 || (name.length === 2 && name.codePointAt(0)! > 0xffff)) {
    if (ctrlHeld && name >= "A" && name <= "Z") return { key: name.toLowerCase() };
    const { key } = keyForChar(name);
    return { key, char: name };
  }
  if (/^Key\./.test(name)) return { key: canonicalKey(name.slice(4)) };
  return { key: canonicalKey(name) };
}

/** Converts AgentNetTool records, one at a time, keeping the little state the conversion needs. */
export class AgentNetConverter {
  private ctrl = 0;
  private readonly scrollSign: number;
  /** Count of records that were not events we know. */
  skipped = 0;

  constructor(readonly meta: AgentNetMetadata) {
    this.scrollSign = meta.scroll_direction === -1 ? -1 : 1;
  }

  /** The display event that starts the stream (main monitor, as AgentNetTool records it). */
  display(t: number): RawEvent | null {
    const w = Number(this.meta.screen_width);
    const h = Number(this.meta.screen_height);
    if (!(w > 0 && h > 0)) return null;
    return { kind: "display", t, displays: [{ id: "0", x: 0, y: 0, w, h, scale: 1, primary: true }] };
  }

  /** Canonical events for one `events.jsonl` record (none, one or two). */
  convert(rec: unknown): RawEvent[] {
    if (rec === null || typeof rec !== "object") {
      this.skipped++;
      return [];
    }
    const r = rec as Record<string, unknown>;
    const ts = r.time_stamp;
    if (typeof ts !== "number" || !Number.isFinite(ts)) {
      this.skipped++;
      return [];
    }
    const t = ts * 1000;
    const x = Number(r.x);
    const y = Number(r.y);
    switch (r.action) {
      case "move":
        return [{ kind: "mouse_move", t, x, y }];
      case "click": {
        const button = BUTTONS[String(r.button)];
        if (button === undefined)
          return [{ kind: `unknown_button:${String(r.button)}`, t } as unknown as RawEvent];
        return [{ kind: r.pressed ? "mouse_down" : "mouse_up", t, x, y, button }];
      }
      case "scroll": {
        const out: RawEvent[] = [];
        const dy = Number(r.dy) * this.scrollSign;
        const dx = Number(r.dx) * this.scrollSign;
        if (dy) out.push({ kind: "wheel", t, x, y, axis: "vertical", notches: dy });
        if (dx) out.push({ kind: "wheel", t, x, y, axis: "horizontal", notches: dx });
        return out;
      }
      case "press":
      case "release": {
        if (typeof r.name !== "string" || r.name.length === 0) {
          this.skipped++;
          return [];
        }
        const { key, char } = agentnetKey(r.name, this.ctrl > 0);
        if (key === "ctrl") this.ctrl = Math.max(0, this.ctrl + (r.action === "press" ? 1 : -1));
        if (r.action === "press")
          return [{ kind: "key_down", t, code: 0, key, ...(char !== undefined ? { char } : {}) }];
        return [{ kind: "key_up", t, code: 0, key }];
      }
      case "pause":
      case "resume":
        return [{ kind: "marker", t, name: r.action }];
      default:
        // counted by the reducer as an unknown kind
        return [{ kind: `agentnet:${String(r.action)}`, t } as unknown as RawEvent];
    }
  }

  /** A focus event for one `top_window.jsonl` record. */
  topWindow(rec: unknown): RawEvent | null {
    if (rec === null || typeof rec !== "object") return null;
    const r = rec as Record<string, unknown>;
    if (typeof r.time_stamp !== "number" || typeof r.top_window_name !== "string") return null;
    return { kind: "focus", t: r.time_stamp * 1000, title: r.top_window_name };
  }

  /**
   * Screenshot events for frames of the screen video, every `everyMs`, from the video start to `endT`
   * (ms on the event clock). `ref` is `VIDEO#t=SECONDS`; the CLI extracts only the frames chosen.
   */
  *videoFrames(
    video: string,
    w: number,
    h: number,
    durationS: number,
    endT: number,
    everyMs = 250,
  ): Generator<RawEvent> {
    const start = Number(this.meta.video_start_timestamp);
    if (!Number.isFinite(start)) return;
    for (
      let pts = 0;
      pts <= durationS && start * 1000 + pts * 1000 <= endT + everyMs;
      pts += everyMs / 1000
    ) {
      const p = Math.round(pts * 1000) / 1000;
      yield { kind: "screenshot", t: (start + p) * 1000, ref: `${video}#t=${p}`, w, h, video_pts: p };
    }
  }
}

/**
 * Merge time-ordered event sources into one time-ordered stream (stable: on equal times the earlier
 * source wins). Each source is consumed lazily.
 */
export function* mergeByTime(...sources: Iterable<RawEvent>[]): Generator<RawEvent> {
  const its = sources.map((s) => s[Symbol.iterator]());
  const heads = its.map((it) => it.next());
  for (;;) {
    let best = -1;
    for (let i = 0; i < heads.length; i++) {
      const h = heads[i]!;
      if (h.done) continue;
      if (best < 0 || h.value.t < (heads[best]!.value as RawEvent).t) best = i;
    }
    if (best < 0) return;
    yield heads[best]!.value as RawEvent;
    heads[best] = its[best]!.next();
  }
}

/**
 * A file-name-safe episode id from a recording folder name, after redaction (a folder name can
 * carry an annotator's email address).
 * @example episodeIdFromName("[EMAIL_ADDRESS]_task 3") // "EMAIL_ADDRESS_task-3"
 */
export function episodeIdFromName(redactedName: string): string {
  const s = redactedName.replace(/[^A-Za-z0-9_.-]+/g, (m) =>
    /^\s+$/.test(m) ? "-" : m.includes("[") || m.includes("]") ? "" : "-",
  );
  const id = s.replace(/-+/g, "-").replace(/^[-.]+|[-.]+$/g, "");
  return id.length > 0 ? id.slice(0, 120) : "episode";
}
