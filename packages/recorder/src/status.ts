import type { LeaseView } from "./lease/recording.js";
import type { RecorderStatus } from "./pipeline/recorder.js";
import type { UploaderStatus } from "./uploader.js";

function dur(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}`;
}

function kb(n: number): string {
  return n >= 1 << 20 ? `${(n / (1 << 20)).toFixed(1)} MB` : `${Math.round(n / 1024)} KB`;
}

/**
 * One status line for the terminal (and `tracevault record --status`): state, time, counts, spool and
 * upload state, and — under fleet control — the lease: why nothing is recorded, or how long the lease runs.
 * Never contains recorded content.
 * @example formatStatus(rec.status(), Date.now()) // "● REC 00:01:02 | 812 events | 3 batches (spool 2, 41 KB) | …"
 */
export function formatStatus(s: RecorderStatus, now: number, up?: UploaderStatus, lease?: LeaseView): string {
  // Under fleet control the lease says why nothing is recorded (paused by the vault, expired, consent…).
  const blocked = lease && !lease.canRecord ? lease.reason : undefined;
  const badge =
    blocked && s.state === "paused"
      ? `‖ PAUSED (and not recording: ${blocked})`
      : blocked
        ? `■ NOT RECORDING (${blocked})`
        : s.state === "recording"
          ? s.excludedNow
            ? "● REC (excluded window: nothing recorded)"
            : "● REC"
          : s.state === "paused"
            ? "‖ PAUSED"
            : s.state === "failed"
              ? "✖ STOPPED"
              : s.state.toUpperCase();
  const parts = [
    s.startedAt ? `${badge} ${dur(now - s.startedAt)}` : badge,
    `${s.events} events`,
    `${s.batches} batches (spool ${s.spool.batches}, ${kb(s.spool.bytes)}${s.spool.droppedBatches ? `, ${s.spool.droppedBatches} dropped when full` : ""})`,
  ];
  if (s.channels.includes("screenshots"))
    parts.push(
      `${s.frames.stored} frames${s.frames.dropped ? ` (${s.frames.dropped} dropped)` : ""}` +
        (s.frames.ocrMsP50 ? `, ocr ${s.frames.ocrMsP50} ms` : ""),
    );
  parts.push(`${s.redactedSpans} redacted, ${s.keysDropped} keys dropped, ${s.excludedWindows} excluded`);
  if (up)
    parts.push(
      up.lastError && !up.online
        ? `upload: retrying (${up.pending} waiting)`
        : `uploaded ${up.uploaded}${up.pending ? `, ${up.pending} waiting` : ""}${up.rejected ? `, ${up.rejected} refused` : ""}`,
    );
  if (lease?.canRecord) parts.push(`lease ${Math.round(lease.expiresInMs / 1000)} s`);
  if (s.leaseDropped) parts.push(`${s.leaseDropped} events refused without a lease`);
  if (s.error) parts.push(`error: ${s.error}`);
  return parts.join(" | ");
}
