/** Test support: a capture sink that keeps everything, and helpers to wait for events. */
import type { RawEvent } from "@tracevault/core";
import type {
  ActiveWindowInfo,
  CaptureError,
  CaptureSink,
} from "../../packages/recorder/src/capture/types.js";

export interface RecordingSink extends CaptureSink {
  events: RawEvent[];
  errors: CaptureError[];
  logs: string[];
  windows: ActiveWindowInfo[];
  clear(): void;
  /** Resolve once `pred` holds for the events so far (polls every 10 ms). */
  until(pred: (events: RawEvent[]) => boolean, timeoutMs?: number, what?: string): Promise<void>;
  untilError(timeoutMs?: number): Promise<CaptureError>;
}

export function recordingSink(): RecordingSink {
  const s: RecordingSink = {
    events: [],
    errors: [],
    logs: [],
    windows: [],
    event(e) {
      s.events.push(e);
    },
    error(err) {
      s.errors.push(err);
    },
    log(m) {
      s.logs.push(m);
    },
    window(w) {
      s.windows.push(w);
    },
    clear() {
      s.events.length = 0;
      s.errors.length = 0;
      s.windows.length = 0;
    },
    async until(pred, timeoutMs = 5000, what = "events") {
      const end = Date.now() + timeoutMs;
      while (!pred(s.events)) {
        if (Date.now() > end)
          throw new Error(
            `timed out waiting for ${what}; got ${s.events.length} events: ${JSON.stringify(s.events.slice(-8))}`,
          );
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    async untilError(timeoutMs = 10_000) {
      const end = Date.now() + timeoutMs;
      while (s.errors.length === 0) {
        if (Date.now() > end) throw new Error(`timed out waiting for an error; logs: ${s.logs.join(" | ")}`);
        await new Promise((r) => setTimeout(r, 10));
      }
      return s.errors[0]!;
    },
  };
  return s;
}

/** Typed text from key_down events (characters only). */
export function typedText(events: readonly RawEvent[]): string {
  return events
    .filter((e): e is Extract<RawEvent, { kind: "key_down" }> => e.kind === "key_down")
    .map((e) => e.char ?? "")
    .join("");
}
