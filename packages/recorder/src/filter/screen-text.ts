import { createHash } from "node:crypto";
import { diffFrames, type RawFrame } from "../capture/image.js";
import { ocrFrame, type OcrOptions, type OcrWord } from "../capture/ocr.js";
import type { Rect } from "../capture/types.js";
import { guardedEngine, type PrivacyEngine } from "./engine.js";

/**
 * On-screen text redaction: OCR a frame (only the regions that changed since the previous frame), run the
 * words through the privacy engine on the `ocr` channel, and return the boxes to black out — plus whether
 * the screen holds level-4 content that masking cannot remove (the whole frame is then dropped).
 *
 * Two detectors feed the boxes:
 * 1. the engine over the frame's text, rebuilt line by line from the word boxes (so a card number split
 *    into four OCR words is one candidate);
 * 2. echoes of what was just typed: values the key-stream filter detected in typed text are kept in memory
 *    for a while (never written) and searched for in the OCR text after folding characters OCR confuses
 *    (O/0, l/1, S/5, …), so a value misread by OCR is still found where it was typed.
 *
 * Reuse: the previous frame and its words are kept; {@link diffFrames} tiles say what changed, changed
 * tiles are widened to full-width strips (text runs horizontally) and grown to cover every cached word
 * they touch, all strips are stacked into one image and OCR'd in one Tesseract run, and cached words
 * outside the strips are kept as they were.
 */

export type OcrFn = (frame: RawFrame, opts: OcrOptions) => Promise<OcrWord[]>;

export interface ScreenTextOptions {
  engine: PrivacyEngine;
  /** OCR implementation (default: native Tesseract via {@link ocrFrame}). */
  ocr?: OcrFn;
  ocrOptions?: OcrOptions;
  /** Tile size for change detection (default 32 px). */
  tile?: number;
  /** Pixels added above and below a changed tile before OCR (default 10). */
  stripPad?: number;
  /** Above this fraction of changed frame height, OCR the whole frame (default 0.6). */
  fullFrameAbove?: number;
  /**
   * Follow scrolling (default true): when a block of rows moved up or down, the cached words inside it move
   * with it and only the rows that are new are OCR'd again (see {@link detectScroll}).
   */
  scroll?: boolean;
  /** How long typed values are remembered for echo matching (default 10 min). */
  echoTtlMs?: number;
  /** Most typed values remembered (default 64). */
  echoMax?: number;
  clock?: () => number;
}

export interface ScreenTextResult {
  /** Word boxes (screen pixels) to black out. */
  boxes: Rect[];
  /** Level-4 content that masking cannot remove is on screen: drop the frame. */
  level4: boolean;
  /** Rule ids (entity types), never values. */
  types: string[];
  /** Fraction of pixels changed since the previous frame (1 for the first). */
  diff: number;
  /** Pixels OCR'd this time (0 when nothing changed). */
  ocrPixels: number;
  words: number;
}

/** Characters OCR confuses, folded to one representative (applied to both sides of a comparison). */
const FOLD: Record<string, string> = {
  o: "0",
  q: "0",
  d: "0",
  i: "1",
  l: "1",
  "|": "1",
  "!": "1",
  j: "1",
  s: "5",
  b: "8",
  z: "2",
  g: "9",
  a: "4",
  e: "3",
  t: "7",
};

/**
 * Fold a string for echo matching: lower case, letters OCR confuses with digits mapped to the digit, every
 * other non-alphanumeric dropped.
 * @example foldForEcho("4111 1111 IIII l1l1") === foldForEcho("4111-1111-1111-1111") // true
 */
export function foldForEcho(s: string): string {
  let out = "";
  for (const ch of s.toLowerCase()) {
    if (/[\p{L}\p{N}]/u.test(ch)) out += FOLD[ch] ?? ch;
    else if (FOLD[ch]) out += FOLD[ch];
  }
  return out;
}

interface Line {
  words: OcrWord[];
}

/** Group words into lines by geometry (words from several OCR runs mix, so Tesseract's ids cannot be used). */
export function groupLines(words: readonly OcrWord[]): Line[] {
  const sorted = [...words].sort(
    (a, b) => a.box.y + a.box.h / 2 - (b.box.y + b.box.h / 2) || a.box.x - b.box.x,
  );
  const lines: Line[] = [];
  let cur: OcrWord[] = [];
  let cy = 0;
  let ch = 0;
  for (const w of sorted) {
    const y = w.box.y + w.box.h / 2;
    if (cur.length > 0 && Math.abs(y - cy) <= Math.max(4, 0.5 * Math.min(ch, w.box.h))) {
      cur.push(w);
      continue;
    }
    if (cur.length) lines.push({ words: cur });
    cur = [w];
    cy = y;
    ch = w.box.h;
  }
  if (cur.length) lines.push({ words: cur });
  for (const l of lines) l.words.sort((a, b) => a.box.x - b.box.x);
  // Split a line where words are far apart (two columns, two panes): they are different texts.
  const out: Line[] = [];
  for (const l of lines) {
    let part: OcrWord[] = [];
    for (const w of l.words) {
      const prev = part[part.length - 1];
      if (prev && w.box.x - (prev.box.x + prev.box.w) > 3 * Math.max(prev.box.h, w.box.h, 8)) {
        out.push({ words: part });
        part = [];
      }
      part.push(w);
    }
    if (part.length) out.push({ words: part });
  }
  return out;
}

/**
 * Words `a` and `b` of one line stand in two columns: the space between them is wider than one and a half line
 * heights (a space between words is about a third of one; `groupLines` splits the line beyond three).
 */
export function columnGap(a: OcrWord, b: OcrWord): boolean {
  return b.box.x - (a.box.x + a.box.w) > 1.5 * Math.max(a.box.h, b.box.h, 8);
}

function intersects(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

interface Strip {
  y0: number;
  y1: number;
}

/** A vertical scroll found between two frames: rows [y0, y1) (frame rows) over columns [x0, x1). */
export interface ScrollMatch {
  /** Current row y shows what previous row y + dy showed (dy > 0: content moved up). */
  dy: number;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  /** Per frame row: 1 when the row (inside the box) equals previous row y + dy byte for byte. */
  explained: Uint8Array;
  /** Per frame row: 1 when the row (inside the box) differs from the previous frame's same row. */
  changed: Uint8Array;
}

function rowHashes(f: RawFrame, x0: number, x1: number, y0: number, y1: number): string[] {
  const out: string[] = new Array(f.height).fill("");
  for (let y = y0; y < y1; y++) {
    const o = (y * f.width + x0) * 3;
    out[y] = createHash("sha1")
      .update(f.rgb.subarray(o, o + (x1 - x0) * 3))
      .digest("base64");
  }
  return out;
}

/**
 * Find a vertical scroll between two frames of the same size: inside the bounding box of the changed
 * tiles, rows are hashed and each changed row of the new frame votes for the offsets at which the same
 * (not repeated) row appears in the old one. A shift explaining at least half of those rows (and 8 or more)
 * is a scroll. Matching is byte-exact on the hashed columns, so moved words keep valid boxes.
 * @example detectScroll(before, afterScrollingThreeLines, diffFrames(before, after).changed)?.dy // 3 × line height
 */
export function detectScroll(
  prev: RawFrame,
  cur: RawFrame,
  changed: readonly Rect[],
): ScrollMatch | undefined {
  if (prev.width !== cur.width || prev.height !== cur.height || changed.length === 0) return undefined;
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  for (const r of changed) {
    x0 = Math.min(x0, r.x - cur.x);
    x1 = Math.max(x1, r.x - cur.x + r.w);
    y0 = Math.min(y0, r.y - cur.y);
    y1 = Math.max(y1, r.y - cur.y + r.h);
  }
  x0 = Math.max(0, x0);
  y0 = Math.max(0, y0);
  x1 = Math.min(cur.width, x1);
  y1 = Math.min(cur.height, y1);
  if (x1 - x0 < 16 || y1 - y0 < 16) return undefined;
  const hp = rowHashes(prev, x0, x1, y0, y1);
  const hc = rowHashes(cur, x0, x1, y0, y1);
  const where = new Map<string, number[]>();
  for (let y = y0; y < y1; y++) {
    const l = where.get(hp[y]!);
    if (l) l.push(y);
    else where.set(hp[y]!, [y]);
  }
  const votes = new Map<number, number>();
  let voters = 0;
  const changedRow = new Uint8Array(cur.height);
  for (let y = y0; y < y1; y++) {
    if (hc[y] === hp[y]) continue;
    changedRow[y] = 1;
    const at = where.get(hc[y]!);
    if (!at || at.length > 2) continue; // repeated rows (blank lines) say nothing about the offset
    voters++;
    for (const yp of at) votes.set(yp - y, (votes.get(yp - y) ?? 0) + 1);
  }
  let dy = 0;
  let best = 0;
  for (const [k, v] of votes) if (k !== 0 && v > best) [dy, best] = [k, v];
  if (dy === 0 || best < 8 || best * 2 < voters) return undefined;
  const explained = new Uint8Array(cur.height);
  for (let y = y0; y < y1; y++) if (y + dy >= y0 && y + dy < y1 && hc[y] === hp[y + dy]) explained[y] = 1;
  return { dy, x0, x1, y0, y1, explained, changed: changedRow };
}

/** The pixels of a box (screen coordinates) are the same in two frames of the same size and origin. */
function samePixels(a: RawFrame, b: RawFrame, box: Rect): boolean {
  const x0 = Math.max(0, box.x - b.x);
  const x1 = Math.min(b.width, box.x - b.x + box.w);
  const y0 = Math.max(0, box.y - b.y);
  const y1 = Math.min(b.height, box.y - b.y + box.h);
  if (x1 <= x0 || y1 <= y0) return false;
  for (let y = y0; y < y1; y++) {
    const o = (y * b.width + x0) * 3;
    const e = (y * b.width + x1) * 3;
    if (a.rgb.compare(b.rgb, o, e, o, e) !== 0) return false;
  }
  return true;
}

/**
 * Apply a scroll to the word cache: words inside the box whose new rows are all explained move by -dy;
 * words in rows that did not change stay; every other word touching the box is dropped and the rows of its
 * old and new place are OCR'd again, as are the changed rows the scroll does not explain. Returns the rows
 * to OCR again (screen coordinates) and the words to keep.
 */
function applyScroll(
  sc: ScrollMatch,
  prev: RawFrame,
  frame: RawFrame,
  words: readonly OcrWord[],
): { rows: Strip[]; keep: OcrWord[] } {
  const need = new Uint8Array(frame.height);
  for (let y = sc.y0; y < sc.y1; y++) if (sc.changed[y] && !sc.explained[y]) need[y] = 1;
  const all = (a: Uint8Array, from: number, to: number, v: number) => {
    for (let y = Math.max(0, from); y < Math.min(frame.height, to); y++) if (a[y] !== v) return false;
    return from >= 0 && to <= frame.height;
  };
  const mark = (from: number, to: number) => {
    for (let y = Math.max(sc.y0, from); y < Math.min(sc.y1, to); y++) need[y] = 1;
  };
  const keep: OcrWord[] = [];
  const stayed: OcrWord[] = [];
  for (const w of words) {
    const bx0 = w.box.x - frame.x;
    const bx1 = bx0 + w.box.w;
    const by0 = w.box.y - frame.y;
    const by1 = by0 + w.box.h;
    const touches = bx0 < sc.x1 && sc.x0 < bx1 && by0 < sc.y1 && sc.y0 < by1;
    if (!touches) {
      keep.push(w);
      continue;
    }
    const inside = bx0 >= sc.x0 && bx1 <= sc.x1 && by0 >= sc.y0 && by1 <= sc.y1;
    if (samePixels(prev, frame, w.box)) {
      stayed.push(w); // still there, pixel for pixel
      // Its content may also show where the scroll would have taken it (the same line twice on screen, as
      // a terminal echoing what `cat` prints back): nobody moved a word there. When all those rows came
      // from its rows, it is there too (a copy); otherwise they are read again.
      const ny0 = by0 - sc.dy;
      const ny1 = by1 - sc.dy;
      if (inside && ny0 >= sc.y0 && ny1 <= sc.y1 && all(sc.explained, ny0, ny1, 1))
        keep.push({ ...w, box: { ...w.box, y: ny0 + frame.y } });
      else for (let y = Math.max(sc.y0, ny0); y < Math.min(sc.y1, ny1); y++) if (sc.explained[y]) need[y] = 1;
      continue;
    }
    const ny0 = by0 - sc.dy;
    const ny1 = by1 - sc.dy;
    if (inside && ny0 >= sc.y0 && ny1 <= sc.y1 && all(sc.explained, ny0, ny1, 1)) {
      keep.push({ ...w, box: { ...w.box, y: ny0 + frame.y } });
      continue;
    }
    // Dropped: whatever now shows where it was, and its content where it went, is read again. Inside the
    // box, rows that show content moved from elsewhere are covered by that content's own words.
    if (inside) {
      for (let y = Math.max(sc.y0, by0); y < Math.min(sc.y1, by1); y++) if (!sc.explained[y]) need[y] = 1;
    } else {
      // straddles the box: read its whole rows again, inside and outside the box
      for (let y = Math.max(0, by0); y < Math.min(frame.height, by1); y++) need[y] = 1;
    }
    mark(ny0, ny1);
  }
  // A word moved (or copied) onto a place where an identical word already is, is that word: keep one.
  const at = new Set<string>();
  const kept: OcrWord[] = [];
  for (const w of [...stayed, ...keep]) {
    const k = `${w.box.x},${w.box.y},${w.box.w},${w.box.h}`;
    if (at.has(k)) continue;
    at.add(k);
    kept.push(w);
  }
  const rows: Strip[] = [];
  for (let y = 0; y < frame.height; y++) {
    if (!need[y]) continue;
    const last = rows[rows.length - 1];
    if (last && last.y1 === y + frame.y) last.y1++;
    else rows.push({ y0: y + frame.y, y1: y + frame.y + 1 });
  }
  return { rows, keep: kept };
}

/** Screen text redactor with an OCR cache. One instance per display; frames must come in time order. */
export class ScreenTextRedactor {
  private readonly g: ReturnType<typeof guardedEngine>;
  private readonly ocr: OcrFn;
  private readonly o: Required<Omit<ScreenTextOptions, "engine" | "ocr" | "ocrOptions" | "clock">>;
  private readonly ocrOptions: OcrOptions;
  private readonly clock: () => number;
  private prev: RawFrame | undefined;
  private words: OcrWord[] = [];
  private echoes: { folded: string; until: number }[] = [];

  constructor(opts: ScreenTextOptions) {
    this.g = guardedEngine(opts.engine);
    this.ocr = opts.ocr ?? ((f, o) => ocrFrame(f, o));
    this.ocrOptions = { timeoutMs: 20_000, ...opts.ocrOptions };
    this.clock = opts.clock ?? (() => Date.now());
    this.o = {
      tile: opts.tile ?? 32,
      stripPad: opts.stripPad ?? 10,
      fullFrameAbove: opts.fullFrameAbove ?? 0.6,
      scroll: opts.scroll ?? true,
      echoTtlMs: opts.echoTtlMs ?? 10 * 60_000,
      echoMax: opts.echoMax ?? 64,
    };
  }

  /** Remember a typed value the key-stream filter detected (memory only, expires). */
  addTypedSecret(value: string): void {
    const folded = foldForEcho(value);
    if (folded.length < 4) return;
    const now = this.clock();
    this.echoes = this.echoes.filter((e) => e.until > now && e.folded !== folded);
    this.echoes.push({ folded, until: now + this.o.echoTtlMs });
    if (this.echoes.length > this.o.echoMax) this.echoes.splice(0, this.echoes.length - this.o.echoMax);
  }

  /** Forget the cached frame and words (after a pause, or when the screen layout changed). */
  reset(): void {
    this.prev = undefined;
    this.words = [];
  }

  /** Strips to OCR again, and the cached words to keep. */
  private plan(frame: RawFrame): { strips: Strip[]; keep: OcrWord[]; diff: number } {
    const H = frame.height;
    if (!this.prev) return { strips: [{ y0: frame.y, y1: frame.y + H }], keep: [], diff: 1 };
    const d = diffFrames(this.prev, frame, this.o.tile);
    if (d.changed.length === 0) return { strips: [], keep: this.words, diff: d.fraction };
    let changedRows: Strip[] = d.changed.map((r) => ({ y0: r.y, y1: r.y + r.h }));
    let keep = this.words;
    const rowsChanged = changedRows.reduce((a, r) => a + r.y1 - r.y0, 0);
    if (this.o.scroll && rowsChanged >= 3 * this.o.tile) {
      const sc = detectScroll(this.prev, frame, d.changed);
      if (sc) ({ rows: changedRows, keep } = applyScroll(sc, this.prev, frame, this.words));
    }
    let strips: Strip[] = changedRows
      .map((r) => ({
        y0: Math.max(frame.y, r.y0 - this.o.stripPad),
        y1: Math.min(frame.y + H, r.y1 + this.o.stripPad),
      }))
      .sort((a, b) => a.y0 - b.y0);
    if (strips.length === 0) return { strips: [], keep, diff: d.fraction };
    for (let pass = 0; pass < 8; pass++) {
      // merge overlapping / nearly touching strips
      const merged: Strip[] = [];
      for (const s of strips) {
        const last = merged[merged.length - 1];
        if (last && s.y0 <= last.y1 + 4) last.y1 = Math.max(last.y1, s.y1);
        else merged.push({ ...s });
      }
      strips = merged;
      // grow strips over cached words they touch (a word is OCR'd again whole, or kept whole)
      let grew = false;
      const stay: OcrWord[] = [];
      for (const w of keep) {
        const wy0 = w.box.y;
        const wy1 = w.box.y + w.box.h;
        const s = strips.find((st) => wy0 < st.y1 && st.y0 < wy1);
        if (!s) {
          stay.push(w);
          continue;
        }
        if (wy0 - 2 < s.y0 || wy1 + 2 > s.y1) {
          s.y0 = Math.max(frame.y, Math.min(s.y0, wy0 - 2));
          s.y1 = Math.min(frame.y + H, Math.max(s.y1, wy1 + 2));
          grew = true;
        }
      }
      keep = stay;
      if (!grew) break;
    }
    const covered = strips.reduce((a, s) => a + (s.y1 - s.y0), 0);
    if (covered > this.o.fullFrameAbove * H)
      return { strips: [{ y0: frame.y, y1: frame.y + H }], keep: [], diff: d.fraction };
    return { strips, keep, diff: d.fraction };
  }

  /** OCR the strips in one run (stacked vertically, white gaps between them). */
  private async ocrStrips(frame: RawFrame, strips: Strip[]): Promise<OcrWord[]> {
    if (strips.length === 0) return [];
    if (strips.length === 1 && strips[0]!.y0 === frame.y && strips[0]!.y1 === frame.y + frame.height)
      return this.ocr(frame, this.ocrOptions);
    const GAP = 12;
    const W = frame.width;
    const heights = strips.map((s) => s.y1 - s.y0);
    const total = heights.reduce((a, h) => a + h, 0) + GAP * (strips.length - 1);
    const rgb = Buffer.alloc(W * total * 3, 255);
    const offsets: number[] = [];
    let y = 0;
    strips.forEach((s, i) => {
      offsets.push(y);
      const srcStart = (s.y0 - frame.y) * W * 3;
      frame.rgb.copy(rgb, y * W * 3, srcStart, srcStart + heights[i]! * W * 3);
      y += heights[i]! + GAP;
    });
    const stacked: RawFrame = { rgb, width: W, height: total, x: 0, y: 0, takenAt: frame.takenAt };
    const words = await this.ocr(stacked, this.ocrOptions);
    const out: OcrWord[] = [];
    for (const w of words) {
      const cy = w.box.y + w.box.h / 2;
      let k = strips.length - 1;
      while (k > 0 && offsets[k]! > cy) k--;
      const s = strips[k]!;
      out.push({ ...w, box: { ...w.box, x: w.box.x + frame.x, y: w.box.y - offsets[k]! + s.y0 } });
    }
    return out;
  }

  /**
   * Find the sensitive text on a frame. The frame must already have excluded windows blacked out; it is not
   * modified (the caller blacks out the returned boxes). Throws EngineFailure when the engine fails, and the
   * OCR's error when OCR fails (the caller drops the frame).
   */
  async analyze(frame: RawFrame): Promise<ScreenTextResult> {
    const plan = this.plan(frame);
    const fresh = await this.ocrStrips(frame, plan.strips);
    const words = [...plan.keep, ...fresh];
    // Only now, after OCR succeeded, does the cache move on to this frame.
    this.prev = { ...frame, rgb: Buffer.from(frame.rgb) };
    this.words = words;
    const ocrPixels = plan.strips.reduce((a, s) => a + (s.y1 - s.y0) * frame.width, 0);

    const lines = groupLines(words);
    let text = "";
    const owner: number[] = []; // text offset → index into flat
    const flat: OcrWord[] = [];
    for (const l of lines) {
      if (text.length > 0) {
        text += "\n";
        owner.push(-1);
      }
      l.words.forEach((w, k) => {
        if (k > 0) {
          // two columns of one row ("Assignee    Ilsa Prenn") are two spaces apart in the text, as the engine
          // reads screens: a label or a time beside a name is no part of it
          const sep = columnGap(l.words[k - 1]!, w) ? "  " : " ";
          text += sep;
          for (let c = 0; c < sep.length; c++) owner.push(-1);
        }
        const idx = flat.push(w) - 1;
        text += w.text;
        for (let c = 0; c < w.text.length; c++) owner.push(idx);
      });
    }
    // The words of one value on one line are blacked out as one box, from the first to the last: a word OCR
    // missed between two it read ("4539 [5375] 3694 2751") is covered too.
    const groups: number[][] = [];
    const types = new Set<string>();
    let level4 = false;
    if (text.length > 0) {
      const a = this.g.analyzeFor("screen text", text, { channel: "ocr" });
      if (a.level >= 4) level4 = true;
      for (const s of a.spans) {
        types.add(s.type);
        const group: number[] = []; // indexes into flat
        for (let c = s.start; c < s.end; c++) {
          const i = owner[c];
          if (i !== undefined && i >= 0 && group[group.length - 1] !== i) group.push(i);
        }
        if (group.length === 0) continue;
        if (s.type.startsWith("SECRET")) secretTail(group, flat);
        groups.push(group);
      }
    }
    // Echoes of typed secrets.
    const now = this.clock();
    this.echoes = this.echoes.filter((e) => e.until > now);
    if (this.echoes.length > 0) {
      let base = 0;
      for (const l of lines) {
        const folded = l.words.map((w) => foldForEcho(w.text));
        for (const e of this.echoes) {
          const need = Math.min(e.folded.length, Math.max(6, Math.ceil(e.folded.length / 2)));
          for (let i = 0; i < folded.length; i++) {
            let acc = "";
            for (let j = i; j < folded.length && acc.length < e.folded.length + 8; j++) {
              acc += folded[j]!;
              if (acc.length === 0) continue;
              // words i..j are all part of the value, or one word holds all of it ("card:4111…")
              const match =
                (acc.length >= need && e.folded.includes(acc)) || (i === j && acc.includes(e.folded));
              if (match) {
                types.add("TYPED_ECHO");
                const group: number[] = [];
                for (let k = i; k <= j; k++) group.push(base + k);
                groups.push(group);
              }
            }
          }
        }
        base += l.words.length;
      }
    }
    const boxes = lineBoxes(groups, flat);
    return { boxes, level4, types: [...types], diff: plan.diff, ocrPixels, words: words.length };
  }
}

/** A word that may be part of a key or token: 4+ characters of base64 or a URL's, mixing two kinds of them. */
function tokenLike(t: string): boolean {
  if (t.length < 4 || !/^[A-Za-z0-9+/=_.-]+$/.test(t)) return false;
  const kinds = (/[A-Z]/.test(t) ? 1 : 0) + (/[a-z]/.test(t) ? 1 : 0) + (/[0-9]/.test(t) ? 1 : 0);
  return kinds >= 2;
}

/**
 * OCR splits a long key where it sees a gap ("bCPTFUKcu6rhDtTZ4fvE9Fj 63zeXWkUp"): the engine finds the part before
 * the split, and the words after it on the same line that look like the rest of a token are blacked out with it
 * (three at most).
 */
function secretTail(group: number[], flat: readonly OcrWord[]): void {
  let last = group[group.length - 1]!;
  for (let k = 0; k < 3; k++) {
    const a = flat[last]!;
    const b = flat[last + 1];
    if (!b || !tokenLike(b.text)) return;
    if (!onLineOf(a.box, b.box) || b.box.x < a.box.x) return; // another line
    group.push(++last);
  }
}

/** Box b stands on the line of box r: its vertical middle is inside r. */
function onLineOf(r: Rect, b: Rect): boolean {
  const mid = b.y + b.h / 2;
  return mid >= r.y && mid <= r.y + r.h;
}

/**
 * One box per group of words and line they stand on (a word's line: its vertical middle inside the first word's
 * box), spanning the group's words there; boxes that come out the same are given once.
 */
function lineBoxes(groups: readonly number[][], flat: readonly OcrWord[]): Rect[] {
  const out: Rect[] = [];
  const seen = new Set<string>();
  for (const g of groups) {
    const rows: Rect[] = [];
    for (const i of g) {
      const b = flat[i]!.box;
      const row = rows.find((r) => onLineOf(r, b));
      if (!row) {
        rows.push({ ...b });
        continue;
      }
      const x0 = Math.min(row.x, b.x);
      const y0 = Math.min(row.y, b.y);
      row.w = Math.max(row.x + row.w, b.x + b.w) - x0;
      row.h = Math.max(row.y + row.h, b.y + b.h) - y0;
      row.x = x0;
      row.y = y0;
    }
    for (const r of rows) {
      const k = `${r.x},${r.y},${r.w},${r.h}`;
      if (seen.has(k)) continue;
      seen.add(k);
      out.push(r);
    }
  }
  return out;
}

export { intersects as rectsIntersect };
