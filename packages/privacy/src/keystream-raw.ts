import type { RawEvent } from "@tracevault/core";
import { analyze } from "./engine.js";
import type { KeystreamEvent, KeystreamKey } from "./keystream-buffer.js";
import { detectInKeystream, type KeystreamSpan } from "./keystream.js";

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

/**
 * Map canonical raw events to the key-stream model. Clicks and focus changes end the edit buffer; hotkeys
 * other than select-all and paste end it too (undo, cut and the like make the buffer unknowable, so the
 * conservative choice is to start over). Events that do not touch text are left out; `i` is the index in `events`.
 * @example keystreamFromRaw([{ kind: "key_down", t: 0, code: 30, key: "a", char: "a" }])[0] // { kind: "char", text: "a", i: 0, t: 0 }
 */
export function keystreamFromRaw(events: readonly RawEvent[]): KeystreamEvent[] {
  const out: KeystreamEvent[] = [];
  events.forEach((e, i) => {
    switch (e.kind) {
      case "key_down": {
        const m = e.mods ?? {};
        const chord = m.ctrl || m.meta || (m.alt && !m.altgr);
        if (!chord && e.char !== undefined && e.char !== "" && !EDIT_KEYS[e.key]) {
          out.push({ i, t: e.t, kind: "char", text: e.char });
        } else if (EDIT_KEYS[e.key]) {
          out.push({
            i,
            t: e.t,
            kind: "key",
            key: EDIT_KEYS[e.key]!,
            ctrl: m.ctrl,
            shift: m.shift,
            alt: m.alt,
            meta: m.meta,
          });
        } else if (chord && e.key === "a") {
          out.push({ i, t: e.t, kind: "selectAll" });
        } else if (chord && e.key === "v") {
          out.push({ i, t: e.t, kind: "paste" });
        } else if (chord) {
          out.push({ i, t: e.t, kind: "break" });
        }
        break;
      }
      case "mouse_down":
      case "focus":
        out.push({ i, t: e.t, kind: "break" });
        break;
      default:
        break;
    }
  });
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
 * @example filterRawKeys(events).events // same stream without the keys of "jane@example.com"
 */
export function filterRawKeys(
  events: readonly RawEvent[],
  analyzeFn: (text: string) => { spans: { start: number; end: number; type: string; level: number }[] } = (
    t,
  ) => analyze(t),
): RawKeyFilterResult {
  const ks = keystreamFromRaw(events);
  if (ks.length === 0) return { events: [...events], dropped: [], spans: [] };
  const det = detectInKeystream(ks, analyzeFn);
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
