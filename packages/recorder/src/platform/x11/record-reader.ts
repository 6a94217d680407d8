import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import { CaptureError } from "../../capture/types.js";
import { clientDisplay } from "./connection.js";

/**
 * The RECORD data connection, read on its own thread.
 *
 * Why a thread: the X server (measured on Xvfb 21.1) drops recorded events when the recording client falls
 * behind. Once the client's socket is full the server buffers what it could not write, and a reply written
 * while that buffer is being flushed is discarded — one event at a time, on the connection that fell behind,
 * with nothing on the wire to show for it. The recorder's main thread does other work (filtering, sealing,
 * frame redaction, garbage collection); a stall there while input arrives fast lost events (e2e:
 * capture-input, "a main thread busy … loses nothing"). Here a thread that does nothing else reads every
 * reply as soon as the server writes it, so the server never has to hold data for us.
 *
 * The thread hands events over in batches: what arrived in the last FLUSH_MS goes in one message, so the main
 * thread wakes ~60 times a second at 1,000 events/s instead of once per event. A button press, and the first
 * event after a quiet spell, are handed over at once (the recorder takes its "before" screenshot when a
 * press arrives; that must not wait).
 *
 * Reads: the server writes each event as its own reply, so reading at once costs the thread a wake-up per
 * event. A read that comes less than HOLD_MS after the previous one is held until HOLD_MS after it, and
 * events that arrive close together are read in one go — but not for FLOOD_MS after a read of more than
 * HOLD_MAX_BYTES (32 events): a full socket is what makes the server drop events, and a Linux socket takes
 * ~278 of these 64-byte replies, so a hold lets about 8 pile up at 1,000 events/s and none is held while
 * input comes faster than people produce it.
 *
 * Messages to the main thread: {t:"started"} once RECORD sends StartOfData; {t:"ev", data, arrivals} with
 * the raw 32-byte events and each one's arrival time (CLOCK_MONOTONIC ms, what the main thread stamps
 * foreign-clock servers with); {t:"end", message} when the connection or the context ended;
 * {t:"error", message} when it could not start. From the main thread: "close".
 */
const READER_SOURCE = String.raw`
"use strict";
const { parentPort, workerData } = require("node:worker_threads");
const x11 = require(workerData.x11Path);
const FLUSH_MS = 16;
const HOLD_MS = 8;
const HOLD_MAX_BYTES = 32 * 64;
const FLOOD_MS = 250;
const BUTTON_PRESS = 4;
const FROM_SERVER = 0, START_OF_DATA = 4, END_OF_DATA = 5;
const mono = () => Number(process.hrtime.bigint()) / 1e6;
let data = Buffer.allocUnsafe(32 * 256);
let arrivals = new Float64Array(256);
let n = 0;
let lastPost = -Infinity;
let timer;
let client;
let closed = false;

function post() {
  if (timer !== undefined) clearTimeout(timer);
  timer = undefined;
  if (n === 0) return;
  const d = new Uint8Array(n * 32);
  d.set(data.subarray(0, n * 32));
  const a = arrivals.slice(0, n);
  n = 0;
  lastPost = mono();
  parentPort.postMessage({ t: "ev", data: d, arrivals: a }, [d.buffer, a.buffer]);
}
function take(buf, from, to, now) {
  const count = (to - from) >> 5;
  if (count === 0) return;
  if (n + count > arrivals.length) {
    let cap = arrivals.length;
    while (n + count > cap) cap *= 2;
    const nd = Buffer.allocUnsafe(cap * 32);
    data.copy(nd, 0, 0, n * 32);
    data = nd;
    const na = new Float64Array(cap);
    na.set(arrivals.subarray(0, n));
    arrivals = na;
  }
  let urgent = now - lastPost >= FLUSH_MS;
  for (let o = from; o + 32 <= to; o += 32) {
    buf.copy(data, n * 32, o, o + 32);
    arrivals[n++] = now;
    if ((buf[o] & 0x7f) === BUTTON_PRESS) urgent = true;
  }
  if (urgent) post();
  else if (timer === undefined) timer = setTimeout(post, Math.max(0, lastPost + FLUSH_MS - now));
}
// See "Reads" in the comment of record-reader.ts. A paused Node socket keeps reading from the descriptor, so
// holding a read means stopping the handle itself and keeping the stream from restarting it meanwhile (its
// _read restarts a stopped handle). Without those internals, reads are simply not held.
function paceReads(sock) {
  const h = sock._handle;
  if (!h || typeof h.readStop !== "function" || typeof h.readStart !== "function") return;
  const ownRead = sock._read;
  let held = false;
  let last = -Infinity;
  let floodUntil = -Infinity;
  sock._read = function (size) {
    if (!held) ownRead.call(this, size);
  };
  const release = () => {
    if (!held) return;
    held = false;
    last = mono();
    if (!sock.destroyed && sock._handle === h) ownRead.call(sock, 65536);
  };
  sock.on("data", (chunk) => {
    // runs after the client parsed the chunk (its own listener was added first)
    const now = mono();
    // a big read means input comes faster than people type or move: read at once for a while
    if (chunk.length > HOLD_MAX_BYTES) floodUntil = now + FLOOD_MS;
    if (!held && !closed && now - last < HOLD_MS && now >= floodUntil && sock._handle === h && h.reading) {
      held = true;
      h.reading = false;
      h.readStop();
      setTimeout(release, HOLD_MS - (now - last));
    }
    last = now;
  });
}
let rest = null;
// X packets: 32 bytes, longer for a reply (type 1) or a GenericEvent (35) by 4 × the length at byte 4.
function parse(chunk) {
  const b = rest ? Buffer.concat([rest, chunk]) : chunk;
  rest = null;
  const now = mono();
  let o = 0;
  while (b.length - o >= 32) {
    const type = b[o];
    const size = type === 1 || (type & 0x7f) === 35 ? 32 + b.readUInt32LE(o + 4) * 4 : 32;
    if (b.length - o < size) break;
    if (type === 1) {
      const category = b[o + 1];
      if (category === FROM_SERVER) take(b, o + 32, o + size, now);
      else if (category === START_OF_DATA) parentPort.postMessage({ t: "started" });
      else if (category === END_OF_DATA) end("RECORD ended the context");
    } else if (type === 0) end("the X server refused the capture context (error " + b[o + 1] + ")");
    // anything else is an event every client gets (MappingNotify): not ours to read here
    o += size;
  }
  if (o < b.length) rest = b.subarray(o);
}
function end(message) {
  if (closed) return;
  closed = true;
  post();
  parentPort.postMessage({ t: "end", message });
}
function close() {
  if (closed && !client) return process.exit(0);
  closed = true;
  post();
  try { client && client.terminate(); } catch (e) {}
  client = undefined;
  setImmediate(() => process.exit(0));
}
parentPort.on("message", (m) => {
  if (m === "close") close();
});
try {
  client = x11.createClient({ display: workerData.display }, (err, display) => {
    if (err) {
      closed = true;
      parentPort.postMessage({ t: "error", message: err.message });
      return;
    }
    const X = display.client;
    X.QueryExtension("RECORD", (err2, ext) => {
      if (err2 || !ext || !ext.present) {
        closed = true;
        parentPort.postMessage({ t: "error", message: "the display has no RECORD extension" });
        return;
      }
      // From here on the connection carries the replies to EnableContext (one per batch of recorded data, until
      // the context is disabled), and nothing else we asked for: they are parsed here, straight from the
      // socket, instead of by the client (which allocates per reply and would keep every one).
      X.seq_num++;
      const req = Buffer.alloc(8);
      req.writeUInt8(ext.majorOpcode, 0);
      req.writeUInt8(5, 1);
      req.writeUInt16LE(2, 2);
      req.writeUInt32LE(workerData.ctx >>> 0, 4);
      X.pack_stream.put(req);
      X.pack_stream.submit(true);
      X.stream.removeAllListeners("data");
      X.stream.on("data", parse);
      paceReads(X.stream);
    });
  });
  client.on("error", (e) => end("the connection failed: " + (e && e.message)));
  client.on("end", () => end("the connection was closed"));
} catch (e) {
  closed = true;
  parentPort.postMessage({ t: "error", message: (e && e.message) || String(e) });
}
`;

type FromReader =
  | { t: "started" }
  | { t: "ev"; data: Uint8Array; arrivals: Float64Array }
  | { t: "end"; message: string }
  | { t: "error"; message: string };

/**
 * The main thread's side of the reader thread: enables an existing RECORD context on a connection of its
 * own and delivers the recorded events. `onEvents(buf, arrivals)` gets 32-byte X events; `onEnd` is called
 * once if the connection or the thread is lost while running (not after {@link close}).
 */
export class RecordReader {
  private readonly worker: Worker;
  private closing = false;
  private ended = false;
  private exited: Promise<void>;
  private readonly endListeners = new Set<(message: string) => void>();

  private constructor(
    worker: Worker,
    private readonly onEvents: (buf: Buffer, arrivals: Float64Array) => void,
  ) {
    this.worker = worker;
    this.exited = new Promise<void>((r) => worker.once("exit", () => r()));
  }

  /**
   * Start the thread and enable context `ctx` (created by another connection) on `display`. Resolves once
   * RECORD sent StartOfData; rejects with a CaptureError after `timeoutMs` or when the thread cannot connect.
   */
  static start(
    display: string,
    ctx: number,
    onEvents: (buf: Buffer, arrivals: Float64Array) => void,
    timeoutMs: number,
  ): Promise<RecordReader> {
    const worker = new Worker(READER_SOURCE, {
      eval: true,
      // a CommonJS script whatever the recorder was started with (`--input-type=module` would make it ESM)
      execArgv: [],
      workerData: {
        display: clientDisplay(display),
        ctx,
        x11Path: createRequire(import.meta.url).resolve("x11"),
      },
      // it holds a few batches of 32-byte events, nothing else
      resourceLimits: { maxYoungGenerationSizeMb: 2, maxOldGenerationSizeMb: 32 },
      stdout: false,
      stderr: false,
    });
    const reader = new RecordReader(worker, onEvents);
    return new Promise((resolve, reject) => {
      let started = false;
      const fail = (message: string) => {
        if (started) return reader.lost(message);
        started = true;
        clearTimeout(timer);
        void worker.terminate();
        reject(new CaptureError("HOOK_FAILED", `RECORD could not start: ${message}`));
      };
      const timer = setTimeout(() => fail(`no data within ${timeoutMs} ms`), timeoutMs);
      worker.on("message", (m: FromReader) => {
        if (m.t === "ev") reader.deliver(m.data, m.arrivals);
        else if (m.t === "started") {
          if (started) return;
          started = true;
          clearTimeout(timer);
          resolve(reader);
        } else fail(m.message);
      });
      worker.on("error", (err) => fail(`the reader thread failed: ${err.message}`));
      worker.on("exit", () => {
        if (!reader.closing) fail("the reader thread exited");
      });
    });
  }

  private deliver(data: Uint8Array, arrivals: Float64Array): void {
    if (this.closing) return;
    this.onEvents(Buffer.from(data.buffer, data.byteOffset, data.byteLength), arrivals);
  }

  private lost(message: string): void {
    if (this.ended || this.closing) return;
    this.ended = true;
    for (const l of this.endListeners) l(message);
  }

  onEnd(fn: (message: string) => void): void {
    this.endListeners.add(fn);
  }

  /** Stop reading and end the thread (within a second even if it does not answer). */
  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    this.worker.postMessage("close");
    const timer = setTimeout(() => void this.worker.terminate(), 1000);
    await this.exited;
    clearTimeout(timer);
  }
}
