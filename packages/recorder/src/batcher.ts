import { randomUUID } from "node:crypto";
import { gzipSync } from "node:zlib";
import { BatchPayload, RawEvent, type BatchHeader, type CaptureChannel } from "@tracevault/core";
import { sealBatch } from "@tracevault/crypto";
import type { Released } from "./pipeline/event-filter.js";
import type { Spool, SpoolEntry } from "./spool.js";

/** Per-batch counts of what filtering did (core `BatchStats`). */
export interface BatchStatsDelta {
  droppedKeys: number;
  droppedFrames: number;
  blackedOutRegions: number;
  excludedWindows: number;
  redactedSpans: number;
  spoolDroppedBatches: number;
}

export interface BatcherOptions {
  spool: Spool;
  deviceId: string;
  manifestHash: string;
  channels: readonly CaptureChannel[];
  /** The vault's X25519 sealing key. */
  vault: { publicKey: Uint8Array; kid: string };
  leaseId?: string;
  /** The signed lease in force when a batch is sealed (its proof of authorisation; see core `BatchHeader`). */
  leaseProof?: () => BatchHeader["leaseProof"];
  /** Seal after this many events (default 5000; with the 5 s bound, a batch a second or less at 1,000 events/s). */
  maxEvents?: number;
  /** Seal when the oldest buffered event is this old (default 5000 ms). */
  maxAgeMs?: number;
  /** Seal before the buffered frames + events exceed this (default 8 MiB). */
  maxBytes?: number;
  /** Totals of the filter counters; the batch carries the increase since the last batch. */
  stats: () => BatchStatsDelta;
  clock?: () => number;
  onSealed?: (entry: SpoolEntry, info: { events: number; frames: number; bytes: number }) => void;
}

/**
 * Buffers filtered events in memory (never on disk) and seals them, a batch at a time, into the spool:
 * gzip'd JSON per core `BatchPayload` (events, frames as base64, stats), sealed with HPKE to the vault key
 * with the clear header (device, batch id, seq, manifest hash, channels, vault key id) as associated data.
 * Events that do not validate against the core schema are dropped and counted (a batch the vault would
 * refuse helps nobody).
 */
export class Batcher {
  private events: RawEvent[] = [];
  private frames: { ref: string; mime: "image/jpeg" | "image/webp" | "image/png"; data: string }[] = [];
  private bytes = 0;
  private firstAt = 0;
  private lastStats: BatchStatsDelta;
  private readonly o: Required<Omit<BatcherOptions, "leaseId" | "leaseProof" | "onSealed">> &
    Pick<BatcherOptions, "leaseId" | "leaseProof" | "onSealed">;
  /** Events dropped because they failed schema validation. */
  invalid = 0;
  sealed = 0;
  sealedEvents = 0;
  sealedFrames = 0;

  constructor(o: BatcherOptions) {
    this.o = { maxEvents: 5000, maxAgeMs: 5000, maxBytes: 8 << 20, clock: () => Date.now(), ...o };
    this.lastStats = { ...o.stats() };
  }

  get buffered(): number {
    return this.events.length;
  }

  add(r: Released): void {
    const ev = cleanEvent(r.event);
    if (!ev) {
      this.invalid++;
      return;
    }
    const frameBytes = r.frame ? Math.ceil((r.frame.data.length * 4) / 3) + 64 : 0;
    if (this.events.length > 0 && this.bytes + frameBytes + 200 > this.o.maxBytes) this.seal();
    if (this.events.length === 0) this.firstAt = this.o.clock();
    this.events.push(ev);
    this.bytes += 120;
    if (r.frame) {
      this.frames.push({ ref: r.frame.ref, mime: r.frame.mime, data: r.frame.data.toString("base64") });
      this.bytes += frameBytes;
    }
    if (this.events.length >= this.o.maxEvents) this.seal();
  }

  /** Seal when the buffer is old enough. */
  tick(): void {
    if (this.events.length > 0 && this.o.clock() - this.firstAt >= this.o.maxAgeMs) this.seal();
  }

  /** Seal what is buffered now (no-op when empty). Returns the spool entry. */
  seal(): SpoolEntry | undefined {
    if (this.events.length === 0) return undefined;
    const now = this.o.stats();
    const stats: BatchStatsDelta = {
      droppedKeys: now.droppedKeys - this.lastStats.droppedKeys,
      droppedFrames: now.droppedFrames - this.lastStats.droppedFrames,
      blackedOutRegions: now.blackedOutRegions - this.lastStats.blackedOutRegions,
      excludedWindows: now.excludedWindows - this.lastStats.excludedWindows,
      redactedSpans: now.redactedSpans - this.lastStats.redactedSpans,
      spoolDroppedBatches: now.spoolDroppedBatches - this.lastStats.spoolDroppedBatches,
    };
    for (const k of Object.keys(stats) as (keyof BatchStatsDelta)[]) stats[k] = Math.max(0, stats[k]);
    const payload: BatchPayload = { v: 1, events: this.events, frames: this.frames, stats };
    const proof = this.o.leaseProof?.();
    const leaseId = proof?.lease.leaseId ?? this.o.leaseId;
    const header: BatchHeader = {
      v: 1,
      deviceId: this.o.deviceId,
      batchId: randomUUID(),
      seq: this.o.spool.nextSeq(),
      manifestHash: this.o.manifestHash,
      createdAt: new Date().toISOString(),
      channels: [...this.o.channels],
      vaultKid: this.o.vault.kid,
      ...(leaseId ? { leaseId } : {}),
      ...(proof ? { leaseProof: proof } : {}),
    };
    const gz = gzipSync(Buffer.from(JSON.stringify(payload)), { level: 6 });
    const sealed = sealBatch(header, gz, this.o.vault.publicKey);
    gz.fill(0);
    const info = { events: this.events.length, frames: this.frames.length, bytes: sealed.length };
    const entry = this.o.spool.append(sealed);
    this.sealed++;
    this.sealedEvents += info.events;
    this.sealedFrames += info.frames;
    this.lastStats = { ...now };
    this.events = [];
    this.frames = [];
    this.bytes = 0;
    this.o.onSealed?.(entry, info);
    return entry;
  }
}

const fin = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const str = (v: unknown): v is string => typeof v === "string";
const BUTTONS = new Set(["left", "right", "middle", "back", "forward"]);
const MOD_KEYS = ["shift", "ctrl", "alt", "meta", "altgr", "capslock"] as const;

function cleanMods(m: unknown): Record<string, boolean> | undefined | null {
  if (m === undefined) return undefined;
  if (m === null || typeof m !== "object") return null;
  const out: Record<string, boolean> = {};
  for (const k of MOD_KEYS) {
    const v = (m as Record<string, unknown>)[k];
    if (v === undefined) continue;
    if (typeof v !== "boolean") return null;
    out[k] = v;
  }
  return out;
}

/**
 * Validate an event against the core schema and copy only the schema's fields (so nothing a source added
 * by mistake is ever sealed). A hand-written check for the frequent kinds (the zod schema costs ~10 µs an
 * event, too much at 1,000 events/s); the rare kinds go through the zod schema itself.
 */
export function cleanEvent(e: RawEvent): RawEvent | undefined {
  if (!e || typeof e !== "object" || !fin(e.t)) return undefined;
  switch (e.kind) {
    case "mouse_move":
      return fin(e.x) && fin(e.y) ? { kind: e.kind, t: e.t, x: e.x, y: e.y } : undefined;
    case "mouse_down":
    case "mouse_up":
      return fin(e.x) && fin(e.y) && BUTTONS.has(e.button)
        ? { kind: e.kind, t: e.t, x: e.x, y: e.y, button: e.button }
        : undefined;
    case "key_down":
    case "key_up": {
      if (!Number.isSafeInteger(e.code) || e.code < 0 || !str(e.key) || e.key.length === 0) return undefined;
      const mods = cleanMods(e.mods);
      if (mods === null) return undefined;
      if (e.kind === "key_up")
        return { kind: e.kind, t: e.t, code: e.code, key: e.key, ...(mods ? { mods } : {}) };
      if (e.char !== undefined && !str(e.char)) return undefined;
      return {
        kind: e.kind,
        t: e.t,
        code: e.code,
        key: e.key,
        ...(e.char !== undefined ? { char: e.char } : {}),
        ...(mods ? { mods } : {}),
      };
    }
    case "wheel":
      if (!fin(e.x) || !fin(e.y) || !fin(e.notches) || (e.axis !== "vertical" && e.axis !== "horizontal"))
        return undefined;
      if (e.pixels !== undefined && !fin(e.pixels)) return undefined;
      return {
        kind: e.kind,
        t: e.t,
        x: e.x,
        y: e.y,
        axis: e.axis,
        notches: e.notches,
        ...(e.pixels !== undefined ? { pixels: e.pixels } : {}),
      };
    default: {
      const r = RawEvent.safeParse(e);
      return r.success ? r.data : undefined;
    }
  }
}
