import type { FocusEvent, MarkerEvent } from "@tracevault/core";
import type { ContextDecision } from "./context.js";
import { guardedEngine, type PrivacyEngine } from "./engine.js";

/** The marker that replaces the focus event of an excluded window (no app, title, URL or id). */
export const EXCLUDED_MARKER = "excluded";

export interface FocusFilterResult {
  event: FocusEvent | MarkerEvent;
  /** Spans masked in the title and URL. */
  redactedSpans: number;
  /** The title or URL was level 4 and was removed. */
  removedFields: number;
}

/**
 * Filter a focus event before anything is kept:
 * - an excluded window → an `excluded` marker and nothing else (not even its title);
 * - otherwise the title goes through the engine on the `title` channel and the URL on the `url` channel,
 *   with the window as context: sensitive spans are masked; a field whose record is level 4 (a banking URL
 *   when default exclusions are off, a health statement in a title), or above the manifest's sensitivity
 *   cap, is removed.
 * Throws {@link EngineFailure} when the engine fails (the recorder then stops).
 * @example filterFocus({ kind: "focus", t: 1, app: "XTerm", title: "mail jane@example.com" }, d).event.title // "mail [EMAIL_ADDRESS]"
 */
export function filterFocus(
  ev: FocusEvent,
  decision: ContextDecision,
  engine: PrivacyEngine,
  /** The manifest's sensitivity cap: a title or URL whose record is above it is removed (default 3). */
  cap: 1 | 2 | 3 = 3,
): FocusFilterResult {
  if (decision.excluded) {
    return { event: { kind: "marker", t: ev.t, name: EXCLUDED_MARKER }, redactedSpans: 0, removedFields: 0 };
  }
  const g = guardedEngine(engine);
  const out: FocusEvent = { kind: "focus", t: ev.t };
  if (ev.window_id !== undefined) out.window_id = ev.window_id;
  if (ev.app !== undefined) out.app = ev.app;
  if (ev.pid !== undefined) out.pid = ev.pid;
  let redactedSpans = 0;
  let removedFields = 0;
  const context = {
    ...(ev.app !== undefined ? { app: ev.app } : {}),
    ...(ev.title !== undefined ? { title: ev.title } : {}),
    ...(ev.url !== undefined ? { url: ev.url } : {}),
  };
  for (const field of ["title", "url"] as const) {
    const v = ev[field];
    if (v === undefined || v === "") continue;
    const r = g.redactFor(`a window ${field}`, v, { channel: field, context });
    if (r.level >= 4 || r.level > cap) {
      removedFields++;
      continue;
    }
    redactedSpans += r.spans.length;
    out[field] = r.redacted;
  }
  return { event: out, redactedSpans, removedFields };
}
