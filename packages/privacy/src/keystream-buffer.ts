/**
 * Key-stream model and edit-buffer reducer: rebuilds the text a person typed from key events, keeping for
 * every character the key event that produced it (provenance) and, for every deleted character, where it
 * was deleted (tombstones). Pure: no I/O.
 *
 * The model is deliberately independent of the recorder's raw-event schema; the recorder maps its
 * canonical raw events onto {@link KeystreamEvent}. Anything the model cannot follow (undo, cut, a mouse
 * click inside the field, an IME session it does not understand) should be mapped to `break`: the buffer
 * ends there and a new one starts, so the model never silently drifts away from the real text.
 */

/** Editing keys the reducer understands. */
export const KEYSTREAM_KEYS = [
  "Backspace",
  "Delete",
  "ArrowLeft",
  "ArrowRight",
  "ArrowUp",
  "ArrowDown",
  "Home",
  "End",
  "Enter",
  "Tab",
  "Escape",
] as const;
export type KeystreamKey = (typeof KEYSTREAM_KEYS)[number];

/** Modifier state held while a key was pressed. */
export interface KeystreamModifiers {
  ctrl?: boolean;
  shift?: boolean;
  alt?: boolean;
  meta?: boolean;
}

interface KeystreamEventBase {
  /** Index of this event in the caller's event stream; reported back in provenance and drop sets. */
  i: number;
  /** Optional time in milliseconds (any epoch); used to decide whether short fields belong together. */
  t?: number;
}

/**
 * One input event of the key-stream model.
 * - `char`: text produced by a key press (or an IME commit), inserted at the caret.
 * - `key`: an editing key with its modifiers.
 * - `selectAll`: ctrl+A / cmd+A.
 * - `paste`: a paste; `text` when the recorder knows it, otherwise an opaque marker is inserted.
 * - `break`: focus change, click, or anything the model cannot follow: the current buffer ends.
 */
export type KeystreamEvent =
  | (KeystreamEventBase & { kind: "char"; text: string })
  | (KeystreamEventBase & KeystreamModifiers & { kind: "key"; key: KeystreamKey })
  | (KeystreamEventBase & { kind: "selectAll" })
  | (KeystreamEventBase & { kind: "paste"; text?: string })
  | (KeystreamEventBase & { kind: "break" });

/** How the edit buffer interprets keys. */
export interface KeystreamReduceOptions {
  /**
   * Multi-line field (text area, editor, terminal): Enter inserts "\n", Home/End work on the current line
   * and ArrowUp/ArrowDown move between lines. Default false: a single-line field, where Enter ends the
   * segment and ArrowUp/ArrowDown move to the start/end.
   */
  multiline?: boolean;
  /** Tab inserts "\t" (code editors). Default false: Tab moves focus and ends the segment. */
  tabInserts?: boolean;
  /**
   * Modifier conventions. "pc" (default): ctrl+arrows/Backspace/Delete work by word, ctrl+Home/End go to
   * the document start/end, alt and meta combinations do not edit. "mac": alt works by word, cmd (meta) by
   * line (cmd+Up/Down, cmd+Home/End: document), ctrl combinations do not edit.
   */
  platform?: "pc" | "mac";
}

/** Character inserted for a paste whose text is unknown: no recognizer matches it, provenance tracks it. */
export const KEYSTREAM_OPAQUE_MARKER = "\uFFFC";

/**
 * One character of the buffer: a code point plus its history. Deleted cells stay as tombstones in the
 * gap where they were deleted, so that later analysis can find everything typed around a value.
 */
export interface KeystreamCell {
  /** Unique id within the process (for de-duplication). */
  readonly id: number;
  /** One code point (or {@link KEYSTREAM_OPAQUE_MARKER}). */
  readonly ch: string;
  /** Caller's index `i` of the event that inserted it. */
  readonly ev: number;
  /** Internal sequence number of the event that inserted it. */
  readonly seq: number;
  readonly opaque: boolean;
  /** Sequence number of the event that deleted or overwrote it; -1 while visible. */
  del: number;
  /** Part of (or echoing) a detected value: its inserter and deleter are dropped. */
  hot: boolean;
  /** Has been part of an analysed view. */
  seen: boolean;
}

let nextCellId = 0;

function newCell(ch: string, ev: number, seq: number, opaque: boolean): KeystreamCell {
  return { id: nextCellId++, ch, ev, seq, opaque, del: -1, hot: false, seen: false };
}

const WORD_RE = /[\p{L}\p{N}_]/u;
const KNOWN_KEYS: ReadonlySet<string> = new Set(KEYSTREAM_KEYS);

function insertAt<T>(arr: T[], at: number, items: readonly T[]): void {
  if (at === arr.length) {
    for (const x of items) arr.push(x);
  } else if (items.length < 4096) {
    arr.splice(at, 0, ...items);
  } else {
    const tail = arr.splice(at);
    for (const x of items) arr.push(x);
    for (const x of tail) arr.push(x);
  }
}

/**
 * The edit-buffer reducer. Feed events with {@link KeystreamBuffer.apply}; read the text with
 * {@link KeystreamBuffer.text} and the producing event of each UTF-16 code unit with
 * {@link KeystreamBuffer.provenance}.
 *
 * Semantics (also checked against a naive reference model by property tests):
 * - char/paste insert at the caret, replacing the selection when there is one.
 * - Backspace/Delete remove the selection, else one code point (by word with the word modifier, to the
 *   line start/end with cmd on mac).
 * - Arrows move by code point, by word (`\p{L}\p{N}_` runs: left skips non-word then word characters,
 *   right likewise), Home/End to the line start/end; shift extends the selection; a plain Left/Right
 *   with a selection collapses it to its start/end.
 * - selectAll selects everything; the next char/paste/Backspace replaces or removes it.
 * - Enter: "\n" in multi-line mode (without ctrl/alt/meta), otherwise it ends the segment; Tab ends
 *   the segment unless `tabInserts`; Escape does nothing; `break` ends the segment.
 * @example
 * const b = new KeystreamBuffer();
 * b.apply({ i: 0, kind: "char", text: "ab" }, 0);
 * b.apply({ i: 1, kind: "key", key: "Backspace" }, 1);
 * b.text(); // "a"
 */
export class KeystreamBuffer {
  /** Visible cells in order. */
  cells: KeystreamCell[] = [];
  /** `gaps[k]` holds the tombstones deleted just before visible cell k (`gaps[n]`: at the end). */
  gaps: (KeystreamCell[] | null)[] = [null];
  caret = 0;
  /** Selection anchor, -1 when nothing is selected. */
  anchor = -1;
  /** True when something was inserted since the hook last cleared it. */
  dirty = false;
  /** Called before visible cells [lo, hi) are removed (used to analyse text about to disappear). */
  beforeRemove: ((lo: number, hi: number) => void) | undefined;
  private goal = -1;
  private readonly multiline: boolean;
  private readonly tabInserts: boolean;
  private readonly mac: boolean;

  constructor(opts: KeystreamReduceOptions = {}) {
    this.multiline = opts.multiline ?? false;
    this.tabInserts = opts.tabInserts ?? false;
    this.mac = opts.platform === "mac";
  }

  /** Replace the content with `cells` (no tombstones), caret at `caret`. Used when a long segment is cut. */
  reset(cells: KeystreamCell[], caret: number): void {
    this.cells = cells;
    this.gaps = new Array<KeystreamCell[] | null>(cells.length + 1).fill(null);
    this.caret = Math.max(0, Math.min(caret, cells.length));
    this.anchor = -1;
    this.goal = -1;
  }

  /**
   * Load the state that typing `text` into an empty buffer one code unit per `char` event would leave:
   * cell k typed by event `evs[k]` with sequence number `seq0 + k`. Lets a caller follow plain typing
   * without cells and build them only when an edit needs the full model.
   */
  loadTyped(text: string, evs: readonly number[], seq0: number): void {
    const n = text.length;
    const cells = new Array<KeystreamCell>(n);
    for (let k = 0; k < n; k++) cells[k] = newCell(text[k]!, evs[k]!, seq0 + k, false);
    this.reset(cells, n);
    this.dirty = n > 0;
  }

  /**
   * True when {@link apply} would end the segment without changing the buffer (break, single-line Enter,
   * focus-moving Tab, unknown key or kind). Kept next to `apply` so that the two cannot drift apart.
   */
  endsUnchanged(ev: KeystreamEvent): boolean {
    switch (ev.kind) {
      case "char":
        return typeof ev.text !== "string";
      case "paste":
        return ev.text !== undefined && typeof ev.text !== "string";
      case "selectAll":
        return false;
      case "key": {
        const k = ev.key;
        if (!KNOWN_KEYS.has(k)) return true;
        const mods = !!(ev.ctrl || ev.alt || ev.meta);
        if (k === "Enter") return !this.multiline || mods;
        if (k === "Tab") return !this.tabInserts || mods || !!ev.shift;
        return false;
      }
      default:
        return true;
    }
  }

  /**
   * Apply one event. `seq` is the caller's running sequence number (strictly increasing).
   * Returns true when the event ends the segment (break, single-line Enter, focus-moving Tab, or an
   * event of unknown kind or key name: what the model cannot follow ends the buffer).
   */
  apply(ev: KeystreamEvent, seq: number): boolean {
    const goal = this.goal;
    this.goal = -1;
    switch (ev.kind) {
      case "char":
        if (typeof ev.text !== "string") return true;
        this.insert(ev.text, ev.i, seq, false);
        return false;
      case "paste":
        if (ev.text === undefined) this.insert(KEYSTREAM_OPAQUE_MARKER, ev.i, seq, true);
        else if (typeof ev.text === "string") this.insert(ev.text, ev.i, seq, false);
        else return true;
        return false;
      case "selectAll":
        if (this.cells.length > 0) {
          this.anchor = 0;
          this.caret = this.cells.length;
        }
        return false;
      case "key":
        return this.key(ev, seq, goal);
      case "break":
        return true;
      default:
        return true;
    }
  }

  /** The visible text. */
  text(): string {
    let s = "";
    for (const c of this.cells) s += c.ch;
    return s;
  }

  /** Event index `i` that produced each UTF-16 code unit of {@link text}. */
  provenance(): number[] {
    const out: number[] = [];
    for (const c of this.cells) for (let u = 0; u < c.ch.length; u++) out.push(c.ev);
    return out;
  }

  /** Selection as [start, end), or undefined. */
  selection(): [number, number] | undefined {
    if (this.anchor < 0 || this.anchor === this.caret) return undefined;
    return this.anchor < this.caret ? [this.anchor, this.caret] : [this.caret, this.anchor];
  }

  private insert(text: string, i: number, seq: number, opaque: boolean): void {
    const sel = this.selection();
    if (sel) this.remove(sel[0], sel[1], seq);
    this.anchor = -1;
    if (text.length === 0) return;
    const chars = opaque ? [text] : Array.from(text);
    const fresh = chars.map((ch) => newCell(ch, i, seq, opaque));
    const at = this.caret;
    insertAt(this.cells, at, fresh);
    // Tombstones already in gap `at` stay before the new text; the new cells get empty gaps.
    insertAt(this.gaps, at + 1, new Array<KeystreamCell[] | null>(fresh.length).fill(null));
    this.caret = at + fresh.length;
    this.dirty = true;
  }

  /** Remove visible cells [lo, hi): they become tombstones in gap `lo`, deleted by event `seq`. */
  private remove(lo: number, hi: number, seq: number): void {
    if (hi <= lo) return;
    this.beforeRemove?.(lo, hi);
    const { cells, gaps } = this;
    let best = lo;
    for (let g = lo + 1; g <= hi; g++) if ((gaps[g]?.length ?? 0) > (gaps[best]?.length ?? 0)) best = g;
    const merged = gaps[best] ?? [];
    for (let g = lo; g <= hi; g++) {
      const gap = gaps[g];
      if (g !== best && gap) for (const c of gap) merged.push(c);
    }
    for (let k = lo; k < hi; k++) {
      const c = cells[k]!;
      c.del = seq;
      merged.push(c);
    }
    cells.splice(lo, hi - lo);
    gaps.splice(lo + 1, hi - lo);
    gaps[lo] = merged;
    this.caret = lo;
    this.anchor = -1;
  }

  private isWord(k: number): boolean {
    const c = this.cells[k];
    return c !== undefined && !c.opaque && WORD_RE.test(c.ch);
  }

  private wordLeft(p: number): number {
    while (p > 0 && !this.isWord(p - 1)) p--;
    while (p > 0 && this.isWord(p - 1)) p--;
    return p;
  }

  private wordRight(p: number): number {
    const n = this.cells.length;
    while (p < n && !this.isWord(p)) p++;
    while (p < n && this.isWord(p)) p++;
    return p;
  }

  private lineStart(p: number): number {
    while (p > 0 && this.cells[p - 1]!.ch !== "\n") p--;
    return p;
  }

  private lineEnd(p: number): number {
    const n = this.cells.length;
    while (p < n && this.cells[p]!.ch !== "\n") p++;
    return p;
  }

  private key(e: Extract<KeystreamEvent, { kind: "key" }>, seq: number, goal: number): boolean {
    const k = e.key;
    if (!KNOWN_KEYS.has(k)) return true;
    const mods = !!(e.ctrl || e.alt || e.meta);
    if (k === "Enter") {
      if (!this.multiline || mods) return true;
      this.insert("\n", e.i, seq, false);
      return false;
    }
    if (k === "Tab") {
      if (!this.tabInserts || mods || e.shift) return true;
      this.insert("\t", e.i, seq, false);
      return false;
    }
    if (k === "Escape") return false;
    // Modifiers that carry no editing meaning on this platform make the key a no-op.
    if (this.mac ? e.ctrl : e.alt || e.meta) return false;
    const word = !!(this.mac ? e.alt : e.ctrl);
    const line = this.mac && !!e.meta;
    if (k === "Backspace" || k === "Delete") {
      const sel = this.selection();
      if (sel) {
        this.remove(sel[0], sel[1], seq);
        return false;
      }
      const c = this.caret;
      if (k === "Backspace") {
        this.remove(line ? this.lineStart(c) : word ? this.wordLeft(c) : Math.max(0, c - 1), c, seq);
      } else {
        const n = this.cells.length;
        this.remove(c, line ? this.lineEnd(c) : word ? this.wordRight(c) : Math.min(n, c + 1), seq);
      }
      return false;
    }
    const t = this.moveTarget(k, word, line, goal);
    if (t === undefined) return false;
    if (e.shift) {
      if (this.anchor < 0) this.anchor = this.caret;
      this.caret = t;
      if (this.caret === this.anchor) this.anchor = -1;
      return false;
    }
    const sel = this.selection();
    this.anchor = -1;
    if (sel && !word && !line && k === "ArrowLeft") this.caret = sel[0];
    else if (sel && !word && !line && k === "ArrowRight") this.caret = sel[1];
    else this.caret = t;
    return false;
  }

  private moveTarget(k: KeystreamKey, word: boolean, line: boolean, goal: number): number | undefined {
    const c = this.caret;
    const n = this.cells.length;
    switch (k) {
      case "ArrowLeft":
        return line ? this.lineStart(c) : word ? this.wordLeft(c) : Math.max(0, c - 1);
      case "ArrowRight":
        return line ? this.lineEnd(c) : word ? this.wordRight(c) : Math.min(n, c + 1);
      case "Home":
        return word || line ? 0 : this.lineStart(c);
      case "End":
        return word || line ? n : this.lineEnd(c);
      case "ArrowUp":
      case "ArrowDown": {
        const up = k === "ArrowUp";
        if (line) return up ? 0 : n;
        if (word) return undefined; // ctrl+Up/Down (pc) scrolls; alt+Up/Down (mac) is not modelled
        if (!this.multiline) return up ? 0 : n;
        const ls = this.lineStart(c);
        const col = goal >= 0 ? goal : c - ls;
        this.goal = col;
        if (up) {
          if (ls === 0) return 0;
          const pls = this.lineStart(ls - 1);
          return pls + Math.min(col, ls - 1 - pls);
        }
        const le = this.lineEnd(c);
        if (le === n) return n;
        const nle = this.lineEnd(le + 1);
        return le + 1 + Math.min(col, nle - le - 1);
      }
      default:
        return undefined;
    }
  }
}

/** One segment of rebuilt text (between breaks). */
export interface RebuiltSegment {
  text: string;
  /** Event index `i` that produced each UTF-16 code unit of `text`. */
  provenance: number[];
  /** Indices `i` of the events of this segment, including the one that ended it. */
  events: number[];
}

/**
 * Rebuild the typed text of a key stream, split into segments at breaks (and single-line Enter / Tab).
 * @example
 * rebuildKeystream([
 *   { i: 0, kind: "char", text: "h" }, { i: 1, kind: "char", text: "x" },
 *   { i: 2, kind: "key", key: "Backspace" }, { i: 3, kind: "char", text: "i" },
 * ])[0]; // { text: "hi", provenance: [0, 3], events: [0, 1, 2, 3] }
 */
export function rebuildKeystream(
  events: readonly KeystreamEvent[],
  opts: KeystreamReduceOptions = {},
): RebuiltSegment[] {
  const out: RebuiltSegment[] = [];
  let buf = new KeystreamBuffer(opts);
  let evs: number[] = [];
  const close = () => {
    out.push({ text: buf.text(), provenance: buf.provenance(), events: evs });
    buf = new KeystreamBuffer(opts);
    evs = [];
  };
  events.forEach((ev, seq) => {
    evs.push(ev.i);
    if (buf.apply(ev, seq)) close();
  });
  if (evs.length > 0) close();
  return out;
}
