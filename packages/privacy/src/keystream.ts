/**
 * Typed-text reconstruction for the privacy engine. Recorders see key events, not text: this module
 * rebuilds the text from the key stream (see keystream-buffer.ts), runs an analyser over it and maps
 * every sensitive range back to the key events that produced it, so that the recorder can DROP exactly
 * those events. Pure: no I/O. The analyser is a parameter (`analyze` from engine.ts fits) to avoid an
 * import cycle.
 *
 * ## What is analysed
 * Per segment (the text between breaks / single-line Enter / focus-moving Tab):
 * - the final text ("text" view) and a normalised view where short separator runs between digits are
 *   removed ("normalized": "4 5 3 9  1 4 8 8" → "45391488");
 * - text about to disappear ("history"): before any removal (Backspace, Delete, a selection replaced),
 *   when something was inserted since the last such analysis or a removed character was never analysed,
 *   a window of `historyWindow` characters each side of the removed range is analysed — so a value that
 *   was typed in full and then deleted or overwritten is found;
 * - short all-digit fields in consecutive segments ("joined": a card typed in four fields), every run of
 *   2..`joinMaxFields` of them, concatenated and space-separated.
 *
 * ## The drop rule (conservative; the recorder drops exactly `dropEvents`)
 * For every detected range, its VALUE CELLS are the characters it covers at the time of detection,
 * extended to the surrounding non-whitespace token (at most `extendToToken` characters each side), plus
 * every deleted character (tombstone) lying inside that range or in the gap immediately before or after
 * it — i.e. typos fixed inside the value, and attempts deleted at the place where the value was typed.
 * Then drop:
 * - R1: every event that inserted a value cell (char, paste, multi-line Enter);
 * - R2: every event that deleted or overwrote a value cell (Backspace, Delete, word deletes, a char or
 *   paste typed over a selection containing it);
 * - R3: every editing event (`key`, `selectAll`) whose position in the stream lies between the first
 *   and the last R1/R2 event of that value: arrows, Home/End, selection moves and deletions made while
 *   editing the value reveal its length and shape. Breaks are never dropped; chars typed elsewhere in
 *   that interval are kept;
 * - R4 (echoes): for each detected value of 4+ characters, every deleted character that was adjacent
 *   (in the text just before its removal) to characters forming a `echoFragment`-character substring of
 *   the value (a partial attempt deleted elsewhere), and every other visible exact copy of the value in
 *   the segment, are treated as value cells (R1, R2).
 * Known limits: a paste whose text is unknown is an opaque marker (its content is not seen, so a value
 * half pasted and half typed may be missed); a value split by a forced cut of a long segment is found
 * thanks to the carried tail, but its events decided before the cut cannot be recalled; context that
 * lies in another segment (a "password" label, a field name) is not seen.
 */
import {
  KeystreamBuffer,
  type KeystreamCell,
  type KeystreamEvent,
  type KeystreamReduceOptions,
} from "./keystream-buffer.js";
import {
  isDigitCell,
  isSeparatorCell,
  normalizedTextView,
  normalizedView,
  rawView,
  type CellView,
} from "./keystream-views.js";

export {
  KeystreamBuffer,
  KEYSTREAM_OPAQUE_MARKER,
  rebuildKeystream,
  type KeystreamCell,
  type KeystreamEvent,
  type KeystreamKey,
  type KeystreamModifiers,
  type KeystreamReduceOptions,
  type RebuiltSegment,
} from "./keystream-buffer.js";

/** A span reported by the analyser (the engine's `Span` fits). */
export interface KeystreamAnalyzedSpan {
  start: number;
  end: number;
  type: string;
  level: number;
}

/** The analysis function; `(text) => analyze(text)` from engine.ts fits. */
export type KeystreamAnalyzer = (text: string) => { spans: readonly KeystreamAnalyzedSpan[] };

/** Which view of the typed text a span was found in. */
export type KeystreamView = "text" | "normalized" | "joined";

/** A sensitive range of the rebuilt text, with the events dropped because of it. */
export interface KeystreamSpan {
  /** UTF-16 offsets into the rebuilt text (of the release, or of `detectInKeystream`'s `text`). */
  start: number;
  end: number;
  type: string;
  level: number;
  view: KeystreamView;
  /** Event indices `i` dropped because of this value (R1-R3), ascending. */
  events: number[];
}

/** A value found only in text that was later deleted or overwritten. */
export interface KeystreamHistorySpan {
  type: string;
  level: number;
  events: number[];
}

export interface KeystreamDetectOptions extends KeystreamReduceOptions {
  /** Spans below this level are ignored (default 1: every span the analyser keeps is dropped). */
  minLevel?: number;
  /** Analyse text about to be deleted or overwritten (default true). */
  analyzeDeleted?: boolean;
  /** Characters analysed on each side of a removed range (default 256). */
  historyWindow?: number;
  /** Extend a value to its whitespace-delimited token, up to this many characters each side (default 64; 0: off). */
  extendToToken?: number;
  /** Length of the value fragments searched for in deleted text (R4; default 4; 0: off). */
  echoFragment?: number;
  /** Join consecutive short all-digit segments (default true). */
  joinFields?: boolean;
  /** Longest field (in digits) that takes part in a join (default 8). */
  joinMaxDigits?: number;
  /** Most fields in one joined candidate (default 8). */
  joinMaxFields?: number;
  /** Longest pause between two joined fields in ms, when events carry `t` (default 30000). */
  joinGapMs?: number;
  /**
   * Follow plain typing (one code unit per `char` event, no edit) without cell objects, building the full
   * edit-buffer model only when an edit or a detection needs it (default true). Results are identical
   * either way; false exists so that tests can check exactly that.
   */
  plainFastPath?: boolean;
}

export interface KeystreamRedactorOptions extends KeystreamDetectOptions {
  /** Visible characters after which a segment is cut (default 1024). */
  maxSegmentChars?: number;
  /** Events after which a segment is cut (default 4096). */
  maxSegmentEvents?: number;
  /** Characters kept on each side of the caret when a segment is cut (default 64). */
  carryChars?: number;
}

/** Decisions on a batch of events, released by {@link KeystreamRedactor}. */
export interface KeystreamRelease {
  /** Running segment number (releases can come out of order when short fields are held for a join). */
  segment: number;
  /** Every event index `i` decided by this release, in stream order. Each event is decided exactly once. */
  events: number[];
  /** The subset of `events` to drop, in stream order. */
  dropEvents: number[];
  /** The segment's rebuilt text. */
  text: string;
  /** Event index `i` of each UTF-16 code unit of `text`. */
  provenance: number[];
  spans: KeystreamSpan[];
  historySpans: KeystreamHistorySpan[];
  /** The segment was cut for size: the text around the caret is carried into the next segment. */
  cut: boolean;
}

/** Result of {@link detectInKeystream}. */
export interface KeystreamDetection {
  /** Rebuilt text: the non-empty segments joined with "\n". */
  text: string;
  /** Event index `i` of each UTF-16 code unit of `text` (-1 for the "\n" between segments). */
  provenance: number[];
  spans: KeystreamSpan[];
  historySpans: KeystreamHistorySpan[];
  /** Event indices to drop, ascending. */
  dropEvents: number[];
  /** Every other event index, ascending. */
  keptEvents: number[];
  /** Per-segment detail, in segment order. */
  segments: KeystreamRelease[];
}

interface Pending {
  seq: number;
  i: number;
  /** An editing event (`key`, `selectAll`): subject to R3. */
  edit: boolean;
  drop: boolean;
}

interface Det {
  type: string;
  level: number;
  view: KeystreamView | "history";
  /** Value cells (see the drop rule). */
  cells: KeystreamCell[];
  /** Code points of the detected visible text (for echoes). */
  value: string[];
  /** Final positions per segment (not for history). */
  ranges: { seg: Segment; k1: number; k2: number }[];
  events: Set<number>;
}

interface Segment {
  id: number;
  buf: KeystreamBuffer;
  /**
   * Plain mode: every event so far typed one code unit, except perhaps a last one that ended the segment
   * without an edit. Then `evs` and the pending map are not filled and `buf` / `detKeys` are shared
   * placeholders: the text is the redactor's `codes[0, plainLen)` (cell k = code unit k = k-th event),
   * `plainEvs` holds the events' `i` and event j has sequence number `plainSeq0 + j`. `materialise`
   * converts to the full model.
   */
  plain: boolean;
  plainLen: number;
  plainEvs: number[];
  plainSeq0: number;
  /** The event that ended a plain segment is an editing event (subject to R3). */
  plainEndEdit: boolean;
  evs: Pending[];
  dets: Det[];
  detKeys: Set<string>;
  /** Cells around each removed range, as they were just before the removal (for echoes). */
  runs: KeystreamCell[][];
  firstT: number | undefined;
  lastT: number | undefined;
}

/** The analyser's spans for a segment's views, computed in plain mode before the cells exist. */
interface PlainSpans {
  text: readonly KeystreamAnalyzedSpan[];
  normalized?: readonly KeystreamAnalyzedSpan[];
}

const ECHO_CONTEXT = 3;

/** Placeholder detection keys of plain segments (they have no detections until materialised). */
const NO_KEYS: Set<string> = new Set();

function isSpaceCell(c: KeystreamCell): boolean {
  return !c.opaque && /\s/.test(c.ch);
}

/**
 * Streaming detector for an unbounded key stream. It holds back only the current segment (until a
 * break, single-line Enter, focus-moving Tab, or `maxSegmentChars` / `maxSegmentEvents`) plus at most
 * `joinMaxFields` short digit fields, so memory is bounded. The caller keeps each raw event until a
 * release names its index, then writes it unless it is in `dropEvents`. Releases may name events out
 * of stream order. Held events are bounded by `maxSegmentEvents` for the current segment plus
 * `joinMaxFields - 1` short fields awaiting a join. Event indices `i` must be unique in the stream.
 * Cost: while a segment is plain typing (one code unit per `char` event), it is kept as code units and
 * event indices only; the cells of the edit-buffer model are built when an edit, a detection or a short
 * digit field needs them (`plainFastPath`), so that ordinary typing costs little per key.
 * @example
 * const r = new KeystreamRedactor((t) => analyze(t));
 * for (const ev of keyEvents) for (const rel of r.push(ev)) emit(rel.events, new Set(rel.dropEvents));
 * for (const rel of r.flush()) emit(rel.events, new Set(rel.dropEvents));
 */
export class KeystreamRedactor {
  private seq = 0;
  private segCount = 0;
  private readonly pending = new Map<number, Pending>();
  private cur: Segment;
  private held: Segment[] = [];
  private out: KeystreamRelease[] = [];
  private readonly reduce: KeystreamReduceOptions;
  private readonly minLevel: number;
  private readonly analyzeDeleted: boolean;
  private readonly window: number;
  private readonly extend: number;
  private readonly echo: number;
  private readonly joinFields: boolean;
  private readonly joinMaxDigits: number;
  private readonly joinMaxFields: number;
  private readonly joinGapMs: number;
  private readonly maxChars: number;
  private readonly maxEvents: number;
  private readonly carry: number;
  private readonly plainFastPath: boolean;
  /** Code units typed in the current plain segment (only the current segment can be plain). */
  private codes = new Uint16Array(256);
  /** Placeholder buffer of plain segments: only asked `endsUnchanged`, never changed. */
  private readonly probe: KeystreamBuffer;

  constructor(
    private readonly analyzeFn: KeystreamAnalyzer,
    opts: KeystreamRedactorOptions = {},
  ) {
    this.reduce = { multiline: opts.multiline, tabInserts: opts.tabInserts, platform: opts.platform };
    this.minLevel = opts.minLevel ?? 1;
    this.analyzeDeleted = opts.analyzeDeleted ?? true;
    this.window = Math.max(0, opts.historyWindow ?? 256);
    this.extend = Math.max(0, opts.extendToToken ?? 64);
    this.echo = Math.max(0, opts.echoFragment ?? 4);
    this.joinFields = opts.joinFields ?? true;
    this.joinMaxDigits = opts.joinMaxDigits ?? 8;
    this.joinMaxFields = Math.max(2, opts.joinMaxFields ?? 8);
    this.joinGapMs = opts.joinGapMs ?? 30_000;
    this.maxChars = Math.max(16, opts.maxSegmentChars ?? 1024);
    this.maxEvents = Math.max(16, opts.maxSegmentEvents ?? 4096);
    this.carry = Math.max(
      0,
      Math.min(opts.carryChars ?? 64, Math.floor(this.maxChars / 4), Math.floor(this.maxEvents / 4)),
    );
    this.plainFastPath = opts.plainFastPath ?? true;
    this.probe = new KeystreamBuffer(this.reduce);
    this.cur = this.newSegment();
  }

  /** Events received and not yet decided (bounded by the segment limits). */
  get heldEvents(): number {
    return this.pending.size + (this.cur.plain ? this.cur.plainEvs.length : 0);
  }

  /**
   * Feed one event; returns the releases it completes (often none).
   * @example new KeystreamRedactor(analyzer).push({ i: 0, kind: "char", text: "a" }) // []
   */
  push(ev: KeystreamEvent): KeystreamRelease[] {
    this.feed(ev);
    return this.take();
  }

  /**
   * {@link push} without returning the releases: they are kept and returned by the next `push` or `flush`
   * (saves an array per event for a caller that only needs them at the end).
   * @example for (const ev of keyEvents) redactor.feed(ev); const releases = redactor.flush();
   */
  feed(ev: KeystreamEvent): void {
    const seg = this.cur;
    if (seg.plain) {
      if (ev.kind === "char" && typeof ev.text === "string" && ev.text.length === 1) {
        this.plainChar(seg, ev.i, ev.t, ev.text);
        return;
      }
      if (seg.buf.endsUnchanged(ev)) {
        this.plainEvent(seg, ev.i, ev.t);
        seg.plainEndEdit = ev.kind === "key";
        this.endSegment();
        return;
      }
      this.materialise(seg);
    }
    this.feedGeneral(ev);
  }

  /**
   * `feed({ i, t, kind: "char", text })` without building the event object when plain mode can take it.
   * @example redactor.feedChar(0, 17, "a")
   */
  feedChar(i: number, t: number | undefined, text: string): void {
    const seg = this.cur;
    if (seg.plain && typeof text === "string" && text.length === 1) this.plainChar(seg, i, t, text);
    else this.feed({ i, t, kind: "char", text });
  }

  /** The bookkeeping {@link feedGeneral} does for every event, in plain mode. */
  private plainEvent(seg: Segment, i: number, t: number | undefined): void {
    if (seg.plainEvs.length === 0) seg.plainSeq0 = this.seq;
    this.seq++;
    seg.plainEvs.push(i);
    if (typeof t === "number") {
      seg.firstT ??= t;
      seg.lastT = t;
    }
  }

  /** One code unit typed in plain mode; cuts the segment where {@link feedGeneral} would. */
  private plainChar(seg: Segment, i: number, t: number | undefined, ch: string): void {
    this.plainEvent(seg, i, t);
    const n = seg.plainLen + 1;
    if (n > this.codes.length) {
      const grown = new Uint16Array(this.codes.length * 2);
      grown.set(this.codes);
      this.codes = grown;
    }
    this.codes[n - 1] = ch.charCodeAt(0);
    seg.plainLen = n;
    if (n > this.maxChars || n > this.maxEvents) {
      this.materialise(seg);
      this.cut();
    }
  }

  private feedGeneral(ev: KeystreamEvent): void {
    const seq = this.seq++;
    const p: Pending = { seq, i: ev.i, edit: ev.kind === "key" || ev.kind === "selectAll", drop: false };
    this.pending.set(seq, p);
    const seg = this.cur;
    seg.evs.push(p);
    if (typeof ev.t === "number") {
      seg.firstT ??= ev.t;
      seg.lastT = ev.t;
    }
    if (seg.buf.apply(ev, seq)) this.endSegment();
    else if (seg.buf.cells.length > this.maxChars || seg.evs.length > this.maxEvents) this.cut();
  }

  /**
   * End the stream (or a recording pause): decide every held event.
   * @example redactor.flush().flatMap((r) => r.dropEvents)
   */
  flush(): KeystreamRelease[] {
    const cur = this.cur;
    if ((cur.plain ? cur.plainEvs.length : cur.evs.length) > 0) this.endSegment();
    this.releaseHeld();
    return this.take();
  }

  private take(): KeystreamRelease[] {
    const out = this.out;
    this.out = [];
    return out;
  }

  private newSegment(plain = this.plainFastPath): Segment {
    const seg: Segment = {
      id: this.segCount++,
      buf: this.probe,
      plain,
      plainLen: 0,
      plainEvs: [],
      plainSeq0: 0,
      plainEndEdit: false,
      evs: [],
      dets: [],
      detKeys: NO_KEYS,
      runs: [],
      firstT: undefined,
      lastT: undefined,
    };
    if (!plain) this.equip(seg);
    return seg;
  }

  /** Give a segment its own edit buffer and detection keys (the full model). */
  private equip(seg: Segment): void {
    seg.buf = new KeystreamBuffer(this.reduce);
    seg.buf.beforeRemove = (lo, hi) => this.onRemove(seg, lo, hi);
    seg.detKeys = new Set();
  }

  /** The text typed in the current plain segment. */
  private plainText(seg: Segment): string {
    const n = seg.plainLen;
    if (n <= 4096) return String.fromCharCode.apply(null, this.codes.subarray(0, n) as unknown as number[]);
    let text = "";
    for (let k = 0; k < n; k += 4096) {
      const part = this.codes.subarray(k, Math.min(n, k + 4096));
      text += String.fromCharCode.apply(null, part as unknown as number[]);
    }
    return text;
  }

  /** Leave plain mode: build the cells and pending events the full model would hold by now. */
  private materialise(seg: Segment): void {
    if (!seg.plain) return;
    const text = this.plainText(seg);
    seg.plain = false;
    this.equip(seg);
    const { plainEvs: is, plainSeq0: seq0 } = seg;
    const n = text.length;
    seg.buf.loadTyped(text, is, seq0);
    for (let j = 0; j < is.length; j++) {
      const p: Pending = { seq: seq0 + j, i: is[j]!, edit: j >= n && seg.plainEndEdit, drop: false };
      this.pending.set(p.seq, p);
      seg.evs.push(p);
    }
    seg.plainLen = 0;
    seg.plainEvs = [];
  }

  /**
   * Finalise a segment that ended in plain mode. Returns true when it is released (no detection, not a
   * short field); otherwise the segment has been materialised and finalised and endSegment goes on.
   */
  private finalisePlain(seg: Segment): boolean {
    const text = seg.plainLen === 0 ? "" : this.plainText(seg);
    const n = text.length;
    if (n === 0) {
      this.releasePlain(seg, text);
      return true;
    }
    if (this.joinFields && this.isPlainField(text)) {
      this.materialise(seg);
      this.finalise(seg);
      return false;
    }
    // The same calls, in the same order, as analyseRange: the text, then the normalised view if any.
    const pre: PlainSpans = { text: this.analyzeFn(text).spans };
    let hit = this.wouldDetect(pre.text, n);
    if (!hit) {
      const norm = normalizedTextView(text);
      if (norm) {
        pre.normalized = this.analyzeFn(norm.text).spans;
        hit = this.wouldDetect(pre.normalized, norm.text.length);
      }
    }
    if (hit) {
      this.materialise(seg);
      this.finalise(seg, pre);
      return false;
    }
    // Not a field: endSegment would release any held fields first.
    if (this.joinFields && this.held.length > 0) this.releaseHeld();
    this.releasePlain(seg, text);
    return true;
  }

  /** Whether {@link addDets} would add a detection for these spans over a view of `len` code units. */
  private wouldDetect(spans: readonly KeystreamAnalyzedSpan[], len: number): boolean {
    for (const sp of spans) {
      if (!(sp.level >= this.minLevel)) continue;
      const s = Math.max(0, sp.start);
      const e = Math.min(len, sp.end);
      if (e <= s) continue;
      return true;
    }
    return false;
  }

  /** {@link isField} for plain text (every code unit a typed cell). */
  private isPlainField(text: string): boolean {
    let digits = 0;
    for (let k = 0; k < text.length; k++) {
      const x = text.charCodeAt(k);
      if (x >= 48 && x <= 57) digits++;
      else if (!(x === 32 || x === 160 || x === 45 || x === 46 || x === 47)) return false;
    }
    return digits > 0 && digits <= this.joinMaxDigits;
  }

  /** {@link release} of a plain segment without detections: nothing dropped. */
  private releasePlain(seg: Segment, text: string): void {
    const events = seg.plainEvs;
    seg.plainEvs = [];
    seg.plainLen = 0;
    this.out.push({
      segment: seg.id,
      events,
      dropEvents: [],
      text,
      provenance: events.slice(0, text.length),
      spans: [],
      historySpans: [],
      cut: false,
    });
  }

  private drop(seq: number, det?: Det): void {
    const p = this.pending.get(seq);
    if (!p) return;
    p.drop = true;
    det?.events.add(p.i);
  }

  // ---- analysis -------------------------------------------------------------------------------------

  private onRemove(seg: Segment, lo: number, hi: number): void {
    const { cells } = seg.buf;
    if (this.echo > 0) {
      seg.runs.push(cells.slice(Math.max(0, lo - ECHO_CONTEXT), Math.min(cells.length, hi + ECHO_CONTEXT)));
    }
    if (!this.analyzeDeleted) return;
    let need = seg.buf.dirty;
    for (let k = lo; !need && k < hi; k++) if (!cells[k]!.seen) need = true;
    if (!need) return;
    seg.buf.dirty = false;
    this.analyseRange(seg, Math.max(0, lo - this.window), Math.min(cells.length, hi + this.window), false);
  }

  /**
   * `pre`: the analyser's spans for the views of [lo, hi) already analysed in plain mode (`normalized`
   * only when that view was analysed), so that no text is analysed twice.
   */
  private analyseRange(seg: Segment, lo: number, hi: number, final: boolean, pre?: PlainSpans): void {
    const { cells } = seg.buf;
    const raw = rawView(cells, lo, hi);
    const norm = normalizedView(cells, lo, hi);
    this.addDets(seg, "text", raw, pre ? pre.text : this.analyzeFn(raw.text).spans, final);
    if (norm) {
      const spans = pre?.normalized ?? this.analyzeFn(norm.text).spans;
      this.addDets(seg, "normalized", norm, spans, final);
    }
    for (let k = lo; k < hi; k++) cells[k]!.seen = true;
  }

  private addDets(
    seg: Segment,
    view: KeystreamView,
    v: CellView,
    spans: readonly KeystreamAnalyzedSpan[],
    final: boolean,
  ): void {
    for (const sp of spans) {
      if (!(sp.level >= this.minLevel)) continue;
      const s = Math.max(0, sp.start);
      const e = Math.min(v.text.length, sp.end);
      if (e <= s) continue;
      this.addDet(seg, v.at[s]!, v.at[e - 1]!, sp.type, sp.level, final ? view : "history");
    }
  }

  private addDet(seg: Segment, k1: number, k2: number, type: string, level: number, view: Det["view"]): void {
    const { cells, gaps } = seg.buf;
    const key = `${view === "history" ? "h" : "f"}|${type}|${cells[k1]!.id}|${cells[k2]!.id}`;
    if (seg.detKeys.has(key)) return;
    seg.detKeys.add(key);
    let a = k1;
    let b = k2;
    for (let x = 0; x < this.extend && a > 0 && !isSpaceCell(cells[a - 1]!); x++) a--;
    for (let x = 0; x < this.extend && b < cells.length - 1 && !isSpaceCell(cells[b + 1]!); x++) b++;
    const value: string[] = [];
    for (let k = k1; k <= k2; k++) value.push(cells[k]!.ch);
    const dc: KeystreamCell[] = [];
    for (let g = a; g <= b + 1; g++) {
      const gap = gaps[g];
      if (gap) for (const c of gap) dc.push(c);
    }
    for (let k = a; k <= b; k++) dc.push(cells[k]!);
    for (const c of dc) c.hot = true;
    seg.dets.push({
      type,
      level,
      view,
      cells: dc,
      value,
      ranges: view === "history" ? [] : [{ seg, k1, k2 }],
      events: new Set(),
    });
  }

  /** Analyse the whole segment and settle the drop flags of its pending events. */
  private finalise(seg: Segment, pre?: PlainSpans): void {
    const { cells, gaps } = seg.buf;
    if (cells.length > 0) this.analyseRange(seg, 0, cells.length, true, pre);
    this.markEchoes(seg);
    // R1 + R2 for every hot cell, visible or deleted, including cells made hot before a cut.
    for (const c of cells) if (c.hot) this.drop(c.seq);
    for (const gap of gaps) {
      if (!gap) continue;
      for (const c of gap) {
        if (!c.hot) continue;
        this.drop(c.seq);
        this.drop(c.del);
      }
    }
    for (const det of seg.dets) this.settle(det, [seg]);
  }

  /** R1-R3 for one detection, recording the dropped events on it. */
  private settle(det: Det, segs: readonly Segment[]): void {
    let lo = Infinity;
    let hi = -Infinity;
    for (const c of det.cells) {
      this.drop(c.seq, det);
      if (c.del >= 0) this.drop(c.del, det);
      lo = Math.min(lo, c.seq);
      hi = Math.max(hi, c.seq, c.del);
    }
    for (const seg of segs) {
      const evs = seg.evs;
      let l = 0;
      let h = evs.length;
      while (l < h) {
        const m = (l + h) >> 1;
        if (evs[m]!.seq < lo) l = m + 1;
        else h = m;
      }
      for (let j = l; j < evs.length && evs[j]!.seq <= hi; j++) {
        const p = evs[j]!;
        if (p.edit) {
          p.drop = true;
          det.events.add(p.i);
        }
      }
    }
  }

  /** R4: deleted partial attempts and visible copies of detected values. */
  private markEchoes(seg: Segment): void {
    const F = this.echo;
    if (F <= 0) return;
    const values = new Map<string, string[]>();
    for (const d of seg.dets) if (d.value.length >= F) values.set(d.value.join(""), d.value);
    if (values.size === 0) return;
    const grams = new Set<string>();
    for (const v of values.values())
      for (let p = 0; p + F <= v.length; p++) grams.add(v.slice(p, p + F).join(""));
    for (const run of seg.runs) {
      for (let p = 0; p + F <= run.length; p++) {
        let g = "";
        for (let q = p; q < p + F; q++) g += run[q]!.ch;
        if (grams.has(g)) for (let q = p; q < p + F; q++) run[q]!.hot = true;
      }
    }
    const { cells } = seg.buf;
    if (cells.length === 0) return;
    const view = rawView(cells, 0, cells.length);
    for (const s of values.keys()) {
      for (let at = view.text.indexOf(s); at >= 0; at = view.text.indexOf(s, at + 1)) {
        for (let k = view.at[at]!; k <= view.at[at + s.length - 1]!; k++) cells[k]!.hot = true;
      }
    }
  }

  // ---- segments, joins, cuts ------------------------------------------------------------------------

  private endSegment(): void {
    const seg = this.cur;
    this.cur = this.newSegment();
    if (!seg.plain) this.finalise(seg);
    else if (this.finalisePlain(seg)) return;
    if (!this.joinFields || seg.buf.cells.length === 0) {
      // Empty segments (a lone break, text typed and deleted) do not interrupt a run of fields.
      this.release(seg, false);
      return;
    }
    const fits = this.isField(seg);
    const last = this.held[this.held.length - 1];
    if (last && (!fits || this.tooLate(last, seg))) this.releaseHeld();
    if (!fits) {
      this.release(seg, false);
      return;
    }
    this.held.push(seg);
    this.analyseJoins();
    if (this.held.length >= this.joinMaxFields) this.release(this.held.shift()!, false);
  }

  private isField(seg: Segment): boolean {
    let digits = 0;
    for (const c of seg.buf.cells) {
      if (isDigitCell(c)) digits++;
      else if (!isSeparatorCell(c)) return false;
    }
    return digits > 0 && digits <= this.joinMaxDigits;
  }

  private tooLate(a: Segment, b: Segment): boolean {
    return a.lastT !== undefined && b.firstT !== undefined && b.firstT - a.lastT > this.joinGapMs;
  }

  /** Analyse every run of held fields that ends with the newest one. */
  private analyseJoins(): void {
    const H = this.held;
    for (let L = 2; L <= Math.min(H.length, this.joinMaxFields); L++) {
      const segs = H.slice(H.length - L);
      for (const spaced of [false, true]) {
        let text = "";
        const map: ({ s: number; k: number } | null)[] = [];
        segs.forEach((sg, s) => {
          if (spaced && s > 0) {
            text += " ";
            map.push(null);
          }
          sg.buf.cells.forEach((c, k) => {
            if (!isDigitCell(c)) return;
            text += c.ch;
            map.push({ s, k });
          });
        });
        for (const sp of this.analyzeFn(text).spans) {
          if (!(sp.level >= this.minLevel)) continue;
          let first: { s: number; k: number } | null = null;
          let lastHit: { s: number; k: number } | null = null;
          for (let u = Math.max(0, sp.start); u < Math.min(map.length, sp.end); u++) {
            const m = map[u];
            if (!m) continue;
            first ??= m;
            lastHit = m;
          }
          if (first && lastHit) this.addJoinedDet(segs.slice(first.s, lastHit.s + 1), first.k, lastHit.k, sp);
        }
      }
    }
  }

  private addJoinedDet(segs: Segment[], k1: number, k2: number, sp: KeystreamAnalyzedSpan): void {
    const head = segs[0]!;
    const tail = segs[segs.length - 1]!;
    const key = `j|${sp.type}|${head.buf.cells[k1]!.id}|${tail.buf.cells[k2]!.id}`;
    if (head.detKeys.has(key)) return;
    head.detKeys.add(key);
    // Value cells: every cell, visible or deleted, of every field involved.
    const cells: KeystreamCell[] = [];
    const value: string[] = [];
    for (const sg of segs) {
      for (const gap of sg.buf.gaps) if (gap) for (const c of gap) cells.push(c);
      for (const c of sg.buf.cells) {
        cells.push(c);
        if (isDigitCell(c)) value.push(c.ch);
      }
    }
    for (const c of cells) c.hot = true;
    const det: Det = {
      type: sp.type,
      level: sp.level,
      view: "joined",
      cells,
      value,
      ranges: segs.map((sg, s) => ({
        seg: sg,
        k1: s === 0 ? k1 : 0,
        k2: s === segs.length - 1 ? k2 : sg.buf.cells.length - 1,
      })),
      events: new Set(),
    };
    this.settle(det, segs);
    for (const sg of segs) sg.dets.push(det);
  }

  private releaseHeld(): void {
    for (const sg of this.held) this.release(sg, false);
    this.held = [];
  }

  /** Cut an over-long segment: decide it, but carry the text around the caret into a new segment. */
  private cut(): void {
    const seg = this.cur;
    this.finalise(seg);
    const { cells, caret } = seg.buf;
    const lo = Math.max(0, caret - this.carry);
    const hi = Math.min(cells.length, caret + this.carry);
    const kept = cells.slice(lo, hi);
    const carried = new Set(kept.map((c) => c.seq));
    const next = this.newSegment(false);
    next.buf.reset(kept, caret - lo);
    next.evs = seg.evs.filter((p) => carried.has(p.seq));
    next.firstT = seg.lastT;
    next.lastT = seg.lastT;
    this.cur = next;
    this.releaseHeld();
    this.release(seg, true, carried);
  }

  private release(seg: Segment, cut: boolean, carried?: ReadonlySet<number>): void {
    const { cells } = seg.buf;
    const offs = new Array<number>(cells.length + 1);
    let text = "";
    const provenance: number[] = [];
    for (let k = 0; k < cells.length; k++) {
      offs[k] = text.length;
      const c = cells[k]!;
      text += c.ch;
      for (let u = 0; u < c.ch.length; u++) provenance.push(c.ev);
    }
    offs[cells.length] = text.length;
    const spans: KeystreamSpan[] = [];
    const historySpans: KeystreamHistorySpan[] = [];
    const sortNum = (s: Set<number>) => [...s].sort((x, y) => x - y);
    for (const det of seg.dets) {
      if (det.view === "history") {
        if (det.cells.some((c) => c.del >= 0))
          historySpans.push({ type: det.type, level: det.level, events: sortNum(det.events) });
        continue;
      }
      for (const r of det.ranges) {
        if (r.seg !== seg || r.k2 < r.k1) continue;
        spans.push({
          start: offs[r.k1]!,
          end: offs[r.k2 + 1]!,
          type: det.type,
          level: det.level,
          view: det.view,
          events: sortNum(det.events),
        });
      }
    }
    spans.sort((a, b) => a.start - b.start || a.end - b.end);
    const events: number[] = [];
    const dropEvents: number[] = [];
    for (const p of seg.evs) {
      if (carried?.has(p.seq)) continue;
      events.push(p.i);
      if (p.drop) dropEvents.push(p.i);
      this.pending.delete(p.seq);
    }
    this.out.push({ segment: seg.id, events, dropEvents, text, provenance, spans, historySpans, cut });
  }
}

/**
 * Rebuild the typed text of a whole key stream, analyse it and say which events to drop.
 * @example
 * const evs = [..."mail a@example.com"].map((ch, i) => ({ i, kind: "char" as const, text: ch }));
 * detectInKeystream(evs, (t) => analyze(t)).dropEvents // [5, 6, ..., 17]: the events that typed the address
 */
export function detectInKeystream(
  events: readonly KeystreamEvent[],
  analyzeFn: KeystreamAnalyzer,
  opts: KeystreamRedactorOptions = {},
): KeystreamDetection {
  const r = batchRedactor(analyzeFn, opts);
  for (const ev of events) r.feed(ev);
  const rels = batchReleases(r);
  let text = "";
  const provenance: number[] = [];
  const spans: KeystreamSpan[] = [];
  const historySpans: KeystreamHistorySpan[] = [];
  const drop = new Set<number>();
  for (const rel of rels) {
    for (const d of rel.dropEvents) drop.add(d);
    for (const h of rel.historySpans) historySpans.push(h);
    if (rel.text.length === 0) continue;
    if (text.length > 0) {
      text += "\n";
      provenance.push(-1);
    }
    const base = text.length;
    text += rel.text;
    for (const p of rel.provenance) provenance.push(p);
    for (const sp of rel.spans) spans.push({ ...sp, start: sp.start + base, end: sp.end + base });
  }
  const dropEvents = [...drop].sort((a, b) => a - b);
  const keptEvents: number[] = [];
  let ascending = true;
  for (const e of events) {
    if (drop.has(e.i)) continue;
    if (keptEvents.length > 0 && !(e.i >= keptEvents[keptEvents.length - 1]!)) ascending = false;
    keptEvents.push(e.i);
  }
  // Callers number events in stream order: sorting is then a no-op worth skipping.
  if (!ascending) keptEvents.sort((a, b) => a - b);
  return { text, provenance, spans, historySpans, dropEvents, keptEvents, segments: rels };
}

/**
 * Segment size past which the batch form cuts, as the streaming one does at 1,024 characters. An edit costs time in
 * proportion to the segment's length (the buffer is an array), so without a bound a long segment edited far from its
 * end took quadratic time (80,000 key events each typed after Home: ~4 s). A recorder batch holds at most 5,000
 * events, so no batch a device sends reaches the bound: there the results are those of an uncut segment.
 */
const BATCH_SEGMENT_CHARS = 8192;
const BATCH_SEGMENT_EVENTS = 32768;

/**
 * The redactor {@link detectInKeystream} uses (segments cut only past 8,192 characters or 32,768 events). For
 * callers that feed it without building every event object (see `feedChar`); read the result with
 * {@link batchReleases} and {@link batchOutcome}.
 * @example const r = batchRedactor(analyzer); r.feedChar(0, 0, "a"); batchOutcome(batchReleases(r)).dropEvents // []
 */
export function batchRedactor(
  analyzeFn: KeystreamAnalyzer,
  opts: KeystreamRedactorOptions = {},
): KeystreamRedactor {
  return new KeystreamRedactor(analyzeFn, {
    maxSegmentChars: BATCH_SEGMENT_CHARS,
    maxSegmentEvents: BATCH_SEGMENT_EVENTS,
    ...opts,
  });
}

/**
 * Flush a batch redactor: every release, in segment order ({@link KeystreamDetection.segments}).
 * @example batchReleases(r).map((rel) => rel.text)
 */
export function batchReleases(r: KeystreamRedactor): KeystreamRelease[] {
  // flush() returns every release fed so far, in the order push() would have returned them.
  const rels = r.flush();
  rels.sort((a, b) => a.segment - b.segment);
  return rels;
}

/**
 * {@link detectInKeystream}'s `spans` and `dropEvents` from {@link batchReleases}, without building the
 * text, provenance and kept events.
 * @example batchOutcome(batchReleases(r)).spans
 */
export function batchOutcome(
  rels: readonly KeystreamRelease[],
): Pick<KeystreamDetection, "spans" | "dropEvents"> {
  const spans: KeystreamSpan[] = [];
  const drop = new Set<number>();
  let len = 0;
  for (const rel of rels) {
    for (const d of rel.dropEvents) drop.add(d);
    if (rel.text.length === 0) continue;
    if (len > 0) len++;
    const base = len;
    len += rel.text.length;
    for (const sp of rel.spans) spans.push({ ...sp, start: sp.start + base, end: sp.end + base });
  }
  return { spans, dropEvents: [...drop].sort((a, b) => a - b) };
}
