import { Manifest } from "@tracevault/core";
import { afterKeyDeletion, beforeKeyDeletion } from "./keys/scrub.js";
import type { Vault } from "./vault.js";

/**
 * Retention: nothing is kept longer than the manifest it was collected under says.
 * - Each batch's blob and row are deleted once `received_at + retentionDays` (of the batch's manifest) passes.
 * - A person-month data key is crypto-shredded (`dataKeys.shredBefore`) once its whole month is past
 *   retention: the end of the month plus the longest retention among the manifests of that month's batches
 *   (months without batches use the newest manifest's retention). Keys are shredded oldest month first and a
 *   month is never shredded while an earlier one is still kept, so `shredBefore(cutoff)` does it in one step.
 * One `key.destroy` audit entry records what each run destroyed.
 */
export interface RetentionResult {
  /** Every month key before this month was shredded (null: none was due). */
  cutoff: string | null;
  keys: number;
  batches: number;
  blobs: number;
}

const DAY = 24 * 3600 * 1000;

function nextMonth(m: string): string {
  const [y, mo] = m.split("-").map(Number) as [number, number];
  const d = new Date(Date.UTC(y, mo, 1)); // month index mo is the next month (0-based)
  return d.toISOString().slice(0, 7);
}

function endOfMonth(m: string): number {
  return Date.parse(`${nextMonth(m)}-01T00:00:00.000Z`);
}

export async function runRetention(
  vault: Vault,
  now: Date = new Date(),
  actor = "system",
): Promise<RetentionResult> {
  const retentionOf = new Map<string, number>();
  for (const r of await vault.db.query<{ hash: string; doc: string }>("SELECT hash, doc FROM manifests"))
    retentionOf.set(r.hash, Manifest.parse(JSON.parse(r.doc)).retentionDays);
  const [newest] = await vault.db.query<{ hash: string }>(
    "SELECT hash FROM manifests ORDER BY published_at DESC, version DESC LIMIT 1",
  );
  if (!newest) return { cutoff: null, keys: 0, batches: 0, blobs: 0 }; // nothing collected under any promise yet
  const fallbackDays = retentionOf.get(newest.hash)!;

  // 1. Batches past their own manifest's retention.
  const batches = await vault.db.query<{
    batch_id: string;
    blob_key: string;
    received_at: string;
    manifest_hash: string;
  }>("SELECT batch_id, blob_key, received_at, manifest_hash FROM batches WHERE received_at < $1", [
    new Date(now.getTime() - Math.min(...retentionOf.values()) * DAY).toISOString(),
  ]);
  let blobs = 0;
  let removed = 0;
  for (const b of batches) {
    const days = retentionOf.get(b.manifest_hash) ?? fallbackDays;
    if (Date.parse(b.received_at) + days * DAY > now.getTime()) continue;
    await vault.blobs.delete(b.blob_key);
    blobs++;
    removed += (await vault.db.exec("DELETE FROM batches WHERE batch_id = $1", [b.batch_id])).changes;
  }

  // 2. Month keys whose whole month is past retention, oldest first.
  const months = (
    await vault.db.query<{ month: string }>("SELECT DISTINCT month FROM data_keys ORDER BY month")
  ).map((r) => r.month);
  let cutoff: string | null = null;
  for (const m of months) {
    const hashes = await vault.db.query<{ manifest_hash: string }>(
      "SELECT DISTINCT manifest_hash FROM batches WHERE month = $1",
      [m],
    );
    const days = hashes.length
      ? Math.max(...hashes.map((h) => retentionOf.get(h.manifest_hash) ?? fallbackDays))
      : fallbackDays;
    if (endOfMonth(m) + days * DAY > now.getTime()) break;
    cutoff = nextMonth(m);
  }
  let keys = 0;
  if (cutoff) {
    // Rows of batches in shredded months are unreadable from now on: remove what step 1 left (a longer manifest
    // can only keep a batch in a month that is itself still kept, so this removes nothing still promised).
    for (const b of await vault.db.query<{ batch_id: string; blob_key: string }>(
      "SELECT batch_id, blob_key FROM batches WHERE month < $1",
      [cutoff],
    )) {
      await vault.blobs.delete(b.blob_key);
      blobs++;
      removed += (await vault.db.exec("DELETE FROM batches WHERE batch_id = $1", [b.batch_id])).changes;
    }
    await beforeKeyDeletion(vault.db);
    keys = await vault.dataKeys.shredBefore(cutoff);
    await afterKeyDeletion(vault.db);
  }
  if (keys || removed || blobs)
    await vault.audit.append({
      action: "key.destroy",
      actor,
      detail: { reason: "retention", before: cutoff, keys, batches: removed, blobs },
    });
  return { cutoff, keys, batches: removed, blobs };
}

/** Run retention now and then every `intervalMs` (default: hourly). Returns a stop function. */
export function startRetention(
  vault: Vault,
  opts: { intervalMs?: number; onError?: (e: unknown) => void } = {},
): () => void {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const tick = async () => {
    if (stopped) return;
    try {
      await runRetention(vault);
    } catch (e) {
      opts.onError?.(e);
    }
    if (!stopped) timer = setTimeout(() => void tick(), opts.intervalMs ?? 3600_000).unref();
  };
  timer = setTimeout(() => void tick(), 0).unref();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}
