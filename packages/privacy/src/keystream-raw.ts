import type { KeyDownEvent, RawEvent } from "@tracevault/core";
import { analyze } from "./engine.js";
import type { KeystreamEvent, KeystreamKey } from "./keystream-buffer.js";
import {
  batchOutcome,
  batchRedactor,
  batchReleases,
  detectInKeystream,
  type KeystreamAnalyzer,
  type KeystreamDetection,
  type KeystreamDetectOptions,
  type KeystreamSpan,
} from "./keystream.js";

const EDIT_KEYS: Record<string, KeystreamKey> = {
  backspace: "Backspace",
  delete: "Delete",
  left: "ArrowLeft",
  right: "ArrowRight",
  up: "ArrowUp",
  down: "ArrowDown",
  home: "Home",
  end: "End",
  enter: "Enter",
  tab: "Tab",
  escape: "Escape",
};

/** Shared stand-in for absent modifiers (no object allocated per key press). */
const NO_MODS: NonNullable<KeyDownEvent["mods"]> = Object.freeze({});

// What a raw event becomes in the key-stream model.
const NONE = 0;
const CHAR = 1;
const KEY = 2;
const SELECT_ALL = 3;
const PASTE = 4;
const BREAK = 5;

function classify(e: RawEvent): number {
  switch (e.kind) {
    case "key_down": {
      const m = e.mods ?? NO_MODS;
      const chord = m.ctrl || m.meta || (m.alt && !m.altgr);
      const edit = EDIT_KEYS[e.key];
      if (!chord && e.char !== undefined && e.char !== "" && !edit) return CHAR;
      if (edit) return KEY;
      if (chord && e.key === "a") return SELECT_ALL;
      if (chord && e.key === "v") return PASTE;
      return chord ? BREAK : NONE;
    }
    case "mouse_down":
    case "focus":
      return BREAK;
    default:
      return NONE;
  }
}

/** The key-stream event of raw event `e` (index `i`) of class `cls` (not NONE). */
function toKeystream(e: RawEvent, i: number, cls: number): KeystreamEvent {
  const t = e.t;
  if (cls === BREAK) return { i, t, kind: "break" };
  const d = e as KeyDownEvent;
  if (cls === CHAR) return { i, t, kind: "char", text: d.char! };
  if (cls === SELECT_ALL) return { i, t, kind: "selectAll" };
  if (cls === PASTE) return { i, t, kind: "paste" };
  const m = d.mods ?? NO_MODS;
  return {
    i,
    t,
    kind: "key",
    key: EDIT_KEYS[d.key]!,
    ctrl: m.ctrl,
    shift: m.shift,
    alt: m.alt,
    meta: m.meta,
  };
}

/**
 * Map canonical raw events to the key-stream model. Clicks and focus changes end the edit buffer; hotkeys
 * other than select-all and paste end it too (undo, cut and the like make the buffer unknowable, so the
 * conservative choice is to start over). Events that do not touch text are left out; `i` is the index in `events`.
 * @example keystreamFromRaw([{ kind: "key_down", t: 0, code: 30, key: "a", char: "a" }])[0] // { kind: "char", text: "a", i: 0, t: 0 }
 */
export function keystreamFromRaw(events: readonly RawEvent[]): KeystreamEvent[] {
  const out: KeystreamEvent[] = [];
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    // Holes of a sparse array are skipped (as forEach does).
    if (e === undefined && !(i in events)) continue;
    const cls = classify(e);
    if (cls !== NONE) out.push(toKeystream(e, i, cls));
  }
  return out;
}

export interface RawKeyFilterResult {
  /** The events with every key event of a detected value removed, and a `redacted:<TYPE>` marker in its place. */
  events: RawEvent[];
  /** Indices (into the input) of dropped events. */
  dropped: number[];
  spans: KeystreamSpan[];
}

/**
 * Drop exactly the key events (down and matching up) that typed, edited or deleted a detected value, and leave a
 * marker saying what was removed. Used on the device before anything is written and again in the vault.
 * `opts` are {@link detectInKeystream}'s; the result is the same as `detectInKeystream(keystreamFromRaw(events))`
 * gives, computed without an event object per typed character.
 * @example filterRawKeys(events).events // same stream without the keys of "jane@example.com"
 */
export function filterRawKeys(
  events: readonly RawEvent[],
  analyzeFn: KeystreamAnalyzer = (t) => analyze(t),
  opts: KeystreamDetectOptions = {},
): RawKeyFilterResult {
  let det: Pick<KeystreamDetection, "spans" | "dropEvents">;
  if (opts.plainFastPath === false) {
    const ks = keystreamFromRaw(events);
    if (ks.length === 0) return { events: [...events], dropped: [], spans: [] };
    det = detectInKeystream(ks, analyzeFn, opts);
  } else {
    // keystreamFromRaw + detectInKeystream, without an object per typed character or the text views.
    const r = batchRedactor(analyzeFn, opts);
    let fed = false;
    for (let i = 0; i < events.length; i++) {
      const e = events[i]!;
      if (e === undefined && !(i in events)) continue;
      const cls = classify(e);
      if (cls === NONE) continue;
      fed = true;
      if (cls === CHAR) r.feedChar(i, e.t, (e as KeyDownEvent).char!);
      else r.feed(toKeystream(e, i, cls));
    }
    if (!fed) return { events: [...events], dropped: [], spans: [] };
    det = batchOutcome(batchReleases(r));
  }
  if (det.dropEvents.length === 0) return { events: [...events], dropped: [], spans: det.spans };
  const drop = new Set(det.dropEvents);
  // The key_up of a dropped key_down goes too (its key name would reveal the character).
  const pendingUp = new Map<string, number>();
  events.forEach((e, i) => {
    if (e.kind === "key_down" && drop.has(i)) pendingUp.set(e.key, (pendingUp.get(e.key) ?? 0) + 1);
    else if (e.kind === "key_up" && (pendingUp.get(e.key) ?? 0) > 0) {
      pendingUp.set(e.key, pendingUp.get(e.key)! - 1);
      drop.add(i);
    }
  });
  const markerAt = new Map<number, string>();
  for (const s of det.spans) {
    const first = s.events[0];
    if (first !== undefined && !markerAt.has(first)) markerAt.set(first, s.type);
  }
  const out: RawEvent[] = [];
  events.forEach((e, i) => {
    const type = markerAt.get(i);
    if (type !== undefined) out.push({ kind: "marker", t: e.t, name: `redacted:${type}` });
    if (!drop.has(i)) out.push(e);
  });
  return { events: out, dropped: [...drop].sort((a, b) => a - b), spans: det.spans };
}
