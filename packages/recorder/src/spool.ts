// First, before zod and crypto: it bounds the heap for everything the recorder loads (see capture/heap.ts).
import "./capture/heap.js";
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { parseBatch } from "@tracevault/crypto";

/**
 * The sealed spool: where batches wait for upload. Every file in it is already sealed to the vault.
 * - Append-only and crash-safe: a batch is written to tmp/, fsynced, then renamed into batches/ (atomic), and
 *   the directory is fsynced. A kill -9 at any instant loses at most the batch being written; leftovers in
 *   tmp/ are deleted on the next open. Files in batches/ are never modified.
 * - Bounded: when a new batch would exceed `maxBytes`, the oldest batches are deleted first and the drop is
 *   counted in state.json (reported to the vault with the next upload).
 */
export interface SpoolEntry {
  seq: number;
  batchId: string;
  file: string;
  bytes: number;
}

const State = z.object({
  nextSeq: z.number().int().nonnegative(),
  droppedBatches: z.number().int().nonnegative(),
  droppedBytes: z.number().int().nonnegative(),
});
type State = z.infer<typeof State>;

const NAME = /^(\d{12})-([0-9a-f-]{36})\.tvb$/;

function writeDurably(path: string, data: Uint8Array): void {
  const fd = openSync(path, "w", 0o600);
  try {
    let off = 0;
    while (off < data.length) off += writeSync(fd, data, off, data.length - off);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function fsyncDir(dir: string): void {
  const fd = openSync(dir, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export class Spool {
  private readonly batchesDir: string;
  private readonly tmpDir: string;
  private readonly statePath: string;
  private state: State;
  private entries: SpoolEntry[];

  private constructor(
    readonly dir: string,
    readonly maxBytes: number,
  ) {
    this.batchesDir = join(dir, "batches");
    this.tmpDir = join(dir, "tmp");
    this.statePath = join(dir, "state.json");
    mkdirSync(this.batchesDir, { recursive: true, mode: 0o700 });
    mkdirSync(this.tmpDir, { recursive: true, mode: 0o700 });
    for (const f of readdirSync(this.tmpDir)) unlinkSync(join(this.tmpDir, f));
    this.entries = this.scan();
    this.state = this.loadState();
    const maxSeq = this.entries.at(-1)?.seq ?? -1;
    if (this.state.nextSeq <= maxSeq) this.state.nextSeq = maxSeq + 1;
  }

  /** Open (creating if needed) the spool in `dir`, cleaning up anything a crash left half-written. */
  static open(dir: string, maxBytes = 512 * 1024 * 1024): Spool {
    if (!Number.isFinite(maxBytes) || maxBytes < 1024)
      throw new Error("spool size limit must be at least 1 KiB");
    return new Spool(dir, maxBytes);
  }

  private scan(): SpoolEntry[] {
    const out: SpoolEntry[] = [];
    for (const f of readdirSync(this.batchesDir)) {
      const m = NAME.exec(f);
      if (!m) continue;
      out.push({
        seq: Number(m[1]),
        batchId: m[2]!,
        file: join(this.batchesDir, f),
        bytes: statSync(join(this.batchesDir, f)).size,
      });
    }
    return out.sort((a, b) => a.seq - b.seq);
  }

  private loadState(): State {
    if (!existsSync(this.statePath)) return { nextSeq: 0, droppedBatches: 0, droppedBytes: 0 };
    try {
      return State.parse(JSON.parse(readFileSync(this.statePath, "utf8")));
    } catch {
      // A state file is only ever replaced by rename, so a bad one was edited by hand: start counting afresh.
      return { nextSeq: 0, droppedBatches: 0, droppedBytes: 0 };
    }
  }

  private saveState(): void {
    const tmp = join(this.tmpDir, "state.json.part");
    writeDurably(tmp, new TextEncoder().encode(JSON.stringify(this.state)));
    renameSync(tmp, this.statePath);
  }

  /** The sequence number the next batch must carry. */
  nextSeq(): number {
    return this.state.nextSeq;
  }

  /** Append a sealed batch (its header names the seq and batch id). Returns the entry. */
  append(sealed: Uint8Array): SpoolEntry {
    const { header } = parseBatch(sealed);
    if (header.seq < this.state.nextSeq)
      throw new Error(`batch seq ${header.seq} is not after ${this.state.nextSeq - 1}`);
    if (sealed.length > this.maxBytes) throw new Error("batch is larger than the whole spool");
    let total = this.totalBytes();
    while (total + sealed.length > this.maxBytes && this.entries.length > 0) {
      const oldest = this.entries.shift()!;
      unlinkSync(oldest.file);
      total -= oldest.bytes;
      this.state.droppedBatches++;
      this.state.droppedBytes += oldest.bytes;
    }
    const name = `${String(header.seq).padStart(12, "0")}-${header.batchId}.tvb`;
    const tmp = join(this.tmpDir, name + ".part");
    writeDurably(tmp, sealed);
    const file = join(this.batchesDir, name);
    renameSync(tmp, file);
    fsyncDir(this.batchesDir);
    const entry = { seq: header.seq, batchId: header.batchId, file, bytes: sealed.length };
    this.entries.push(entry);
    this.state.nextSeq = header.seq + 1;
    this.saveState();
    return entry;
  }

  list(): readonly SpoolEntry[] {
    return this.entries;
  }

  read(entry: SpoolEntry): Uint8Array {
    return new Uint8Array(readFileSync(entry.file));
  }

  /** Delete a batch once the vault has confirmed it. */
  remove(batchId: string): void {
    const i = this.entries.findIndex((e) => e.batchId === batchId);
    if (i < 0) return;
    unlinkSync(this.entries[i]!.file);
    this.entries.splice(i, 1);
  }

  totalBytes(): number {
    return this.entries.reduce((a, e) => a + e.bytes, 0);
  }

  stats(): { batches: number; bytes: number; droppedBatches: number; droppedBytes: number } {
    return {
      batches: this.entries.length,
      bytes: this.totalBytes(),
      droppedBatches: this.state.droppedBatches,
      droppedBytes: this.state.droppedBytes,
    };
  }
}
