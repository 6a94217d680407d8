import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { BatchPayload, type BatchHeader, type RawEvent } from "@tracevault/core";
import { openBatch } from "@tracevault/crypto";

/** One batch of a spool, opened with the vault's private key. */
export interface OpenedBatch {
  file: string;
  header: BatchHeader;
  payload: BatchPayload;
}

/** A batch that could not be opened (damaged, altered, sealed to another key). */
export interface BadBatch {
  file: string;
  error: string;
}

const NAME = /^(\d{12})-([0-9a-f-]{36})\.tvb$/;

/** Batch files of a spool directory in sequence order (read-only: never touches a running recorder's tmp/). */
export function spoolBatchFiles(spoolDir: string): string[] {
  const dir = join(spoolDir, "batches");
  if (!existsSync(dir)) throw new Error(`${spoolDir} is not a spool (no batches/ directory)`);
  return readdirSync(dir)
    .filter((f) => NAME.test(f))
    .sort()
    .map((f) => join(dir, f));
}

/**
 * Open every batch of a spool with the vault's X25519 private key, in sequence order. A batch that does not
 * open is reported, not fatal.
 * @example for (const b of readSpool(dir, keys.seal.privateKey)) if ("payload" in b) console.log(b.payload.events.length)
 */
export function* readSpool(spoolDir: string, vaultPrivateKey: Uint8Array): Generator<OpenedBatch | BadBatch> {
  for (const file of spoolBatchFiles(spoolDir)) {
    try {
      const { header, payload } = openBatch(new Uint8Array(readFileSync(file)), vaultPrivateKey);
      const json = JSON.parse(gunzipSync(payload, { maxOutputLength: 256 << 20 }).toString("utf8"));
      yield { file, header, payload: BatchPayload.parse(json) };
    } catch (e) {
      yield { file, error: (e as Error).message };
    }
  }
}

export interface RawEpisodeSummary {
  batches: number;
  badBatches: BadBatch[];
  events: number;
  frames: number;
  /** Events file (screenshot refs are relative to its folder). */
  eventsFile: string;
  /** Desktop settings from the recorder's `settings:` marker (double-click interval, drag threshold). */
  settings: Record<string, number>;
  /** Sum of the batches' filter statistics. */
  stats: Record<string, number>;
  manifestHashes: string[];
  deviceIds: string[];
  /** Gaps in batch sequence numbers (batches dropped by the bounded spool, or uploaded and deleted). */
  seqGaps: number;
}

/** Parse a `settings:k=v,k=v` marker name. */
export function parseSettingsMarker(name: string): Record<string, number> | undefined {
  if (!name.startsWith("settings:")) return undefined;
  const out: Record<string, number> = {};
  for (const kv of name.slice(9).split(",")) {
    const [k, v] = kv.split("=");
    const n = Number(v);
    if (k && Number.isFinite(n)) out[k] = n;
  }
  return out;
}

/**
 * Decrypt a spool into raw episode files under `outDir`: `events.jsonl` (every event, in order; screenshot
 * refs rewritten to `screenshots/<ref>`), `screenshots/` (the redacted frames) and `batches.jsonl` (header
 * and filter statistics of each batch). The reduction into steps is done by the caller (the CLI, with the
 * trajectory package).
 */
export function writeRawEpisode(
  spoolDir: string,
  vaultPrivateKey: Uint8Array,
  outDir: string,
): RawEpisodeSummary {
  mkdirSync(join(outDir, "screenshots"), { recursive: true });
  const eventsFile = join(outDir, "events.jsonl");
  const fd = openSync(eventsFile, "w", 0o600);
  const batchLines: string[] = [];
  const sum: RawEpisodeSummary = {
    batches: 0,
    badBatches: [],
    events: 0,
    frames: 0,
    eventsFile,
    settings: {},
    stats: {},
    manifestHashes: [],
    deviceIds: [],
    seqGaps: 0,
  };
  let lastSeq = -1;
  try {
    for (const b of readSpool(spoolDir, vaultPrivateKey)) {
      if ("error" in b) {
        sum.badBatches.push(b);
        continue;
      }
      sum.batches++;
      if (lastSeq >= 0 && b.header.seq > lastSeq + 1) sum.seqGaps += b.header.seq - lastSeq - 1;
      lastSeq = b.header.seq;
      if (!sum.manifestHashes.includes(b.header.manifestHash)) sum.manifestHashes.push(b.header.manifestHash);
      if (!sum.deviceIds.includes(b.header.deviceId)) sum.deviceIds.push(b.header.deviceId);
      for (const [k, v] of Object.entries(b.payload.stats ?? {})) sum.stats[k] = (sum.stats[k] ?? 0) + v;
      batchLines.push(JSON.stringify({ header: b.header, stats: b.payload.stats ?? null }));
      const refs = new Set<string>();
      for (const f of b.payload.frames) {
        writeFileSync(join(outDir, "screenshots", f.ref), Buffer.from(f.data, "base64"), { mode: 0o600 });
        refs.add(f.ref);
        sum.frames++;
      }
      let chunk = "";
      for (const e of b.payload.events) {
        let ev: RawEvent = e;
        if (e.kind === "screenshot" && refs.has(e.ref)) ev = { ...e, ref: `screenshots/${e.ref}` };
        if (e.kind === "marker") {
          const s = parseSettingsMarker(e.name);
          if (s) Object.assign(sum.settings, s);
        }
        chunk += JSON.stringify(ev) + "\n";
        sum.events++;
      }
      const buf = Buffer.from(chunk);
      let off = 0;
      while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
    }
  } finally {
    closeSync(fd);
  }
  writeFileSync(join(outDir, "batches.jsonl"), batchLines.join("\n") + (batchLines.length ? "\n" : ""), {
    mode: 0o600,
  });
  return sum;
}
