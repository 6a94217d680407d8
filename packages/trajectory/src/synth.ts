import type { Action, RawEvent } from "@tracevault/core";
import { US_SHIFT } from "./keys.js";

/**
 * Synthesise the raw input events a person would produce for a sequence of actions: mouse paths
 * that wander toward their target, landing a pixel off, key rollover, typos fixed with backspace,
 * cursor edits, auto-repeat while a key is held, and jittered timing throughout. Used by the
 * faithfulness property tests and by the reducer benchmark (it is deterministic for a seed).
 */

/** Actions the synthesiser can act out (terminate is added by the reducer, not performed). */
export type ScriptAction = Exclude<Action, { type: "terminate" }>;

export interface Persona {
  /** Largest landing error of a click, in px (each axis). */
  landingJitterPx: number;
  /** Largest sideways wander of the pointer while moving, in px. */
  wanderPx: number;
  /** Range of the pause before each action, ms. */
  thinkMs: [number, number];
  /** Range of the interval between the presses of a multi-click, ms. */
  multiClickGapMs: [number, number];
  /** Probability that a typed character is a typo fixed by backspace. */
  typoRate: number;
  /** Probability that a character is typed late (left arrow, char, right arrow). */
  cursorEditRate: number;
  /** Probability that the next key goes down before the previous one is released. */
  rolloverRate: number;
  /** Probability that a key event carries the character (else only the key name). */
  charRate: number;
  /** Mouse moves per second while travelling. */
  moveHz: number;
}

/** A careful person within the default thresholds. */
export const CAREFUL: Persona = {
  landingJitterPx: 1,
  wanderPx: 6,
  thinkMs: [600, 1400],
  multiClickGapMs: [70, 220],
  typoRate: 0.05,
  cursorEditRate: 0.03,
  rolloverRate: 0.3,
  charRate: 0.5,
  moveHz: 125,
};

/** A hurried, sloppy person: close to the thresholds, more edits, more wander. */
export const SLOPPY: Persona = {
  landingJitterPx: 2,
  wanderPx: 25,
  thinkMs: [520, 2600],
  multiClickGapMs: [60, 380],
  typoRate: 0.15,
  cursorEditRate: 0.08,
  rolloverRate: 0.6,
  charRate: 0.3,
  moveHz: 250,
};

export interface SynthOptions {
  seed: number;
  persona?: Persona;
  display?: { w: number; h: number };
  /** Emit a screenshot event every this many ms (0 = none), with `diff` set after each action. */
  frameEveryMs?: number;
  /** Start time, ms. */
  t0?: number;
}

/** A small, fast, seedable PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SHIFTED: Record<string, string> = Object.fromEntries(Object.entries(US_SHIFT).map(([k, v]) => [v, k]));

/** Key name and shift state that type `ch` on a US layout. */
export function keyForChar(ch: string): { key: string; shift: boolean } {
  if (ch === " ") return { key: "space", shift: false };
  if (ch >= "A" && ch <= "Z") return { key: ch.toLowerCase(), shift: true };
  const base = SHIFTED[ch];
  if (base !== undefined) return { key: base, shift: true };
  return { key: ch, shift: false };
}

/**
 * Act out `actions` as raw events (a display event first).
 * @example synthesize([{ type: "click", x: 100, y: 100, button: "left" }], { seed: 1 }).some((e) => e.kind === "mouse_down") // true
 */
export function synthesize(actions: readonly ScriptAction[], opts: SynthOptions): RawEvent[] {
  const out: RawEvent[] = [];
  const s = new Synth(opts, (e) => out.push(e));
  for (const a of actions) s.act(a);
  s.finish();
  return out;
}

/** The same as {@link synthesize}, handing each event to `sink` (constant memory for long streams). */
export class Synth {
  private readonly r: () => number;
  private readonly p: Persona;
  private readonly W: number;
  private readonly H: number;
  private t: number;
  private x: number;
  private y: number;
  private nextFrame: number;
  private dirty = false;
  private frameNo = 0;
  private noThink = false;

  constructor(
    private readonly opts: SynthOptions,
    private readonly sink: (e: RawEvent) => void,
  ) {
    this.r = rng(opts.seed);
    this.p = opts.persona ?? CAREFUL;
    this.W = opts.display?.w ?? 1920;
    this.H = opts.display?.h ?? 1080;
    this.t = opts.t0 ?? 1000;
    this.x = Math.floor(this.W / 2);
    this.y = Math.floor(this.H / 2);
    this.nextFrame = (opts.frameEveryMs ?? 0) > 0 ? this.t : Infinity;
    sink({
      kind: "display",
      t: this.t,
      displays: [{ id: "0", x: 0, y: 0, w: this.W, h: this.H, scale: 1, primary: true }],
    });
  }

  private between(lo: number, hi: number): number {
    return lo + (hi - lo) * this.r();
  }

  private int(lo: number, hi: number): number {
    return Math.floor(this.between(lo, hi + 1));
  }

  private emit(e: RawEvent): void {
    // frames interleave with input, in time order
    while (this.nextFrame <= e.t) this.frame(this.nextFrame);
    this.sink(e);
    this.dirty = true;
  }

  private frame(t: number): void {
    const every = this.opts.frameEveryMs!;
    this.sink({
      kind: "screenshot",
      t,
      ref: `frames/${this.frameNo++}.png`,
      w: this.W,
      h: this.H,
      diff: this.dirty ? 0.05 : 0,
    });
    this.dirty = false;
    this.nextFrame = t + every;
  }

  private advance(ms: number): void {
    this.t += ms;
  }

  private clampX(x: number): number {
    return Math.min(this.W - 1, Math.max(0, Math.round(x)));
  }

  private clampY(y: number): number {
    return Math.min(this.H - 1, Math.max(0, Math.round(y)));
  }

  /** Move the pointer to (tx, ty) along a wandering path. */
  private travel(tx: number, ty: number): void {
    const dx = tx - this.x;
    const dy = ty - this.y;
    const dist = Math.hypot(dx, dy);
    if (dist < 1) return;
    const steps = Math.max(3, Math.min(80, Math.round(dist / 12)));
    const dt = 1000 / this.p.moveHz;
    const wander = Math.min(this.p.wanderPx, dist / 4);
    const bend = this.between(-wander, wander);
    for (let i = 1; i <= steps; i++) {
      const f = i / steps;
      const ease = f * f * (3 - 2 * f);
      const side = Math.sin(Math.PI * f) * bend;
      const nx = this.clampX(this.x + dx * ease - (dy / dist) * side + (i < steps ? this.between(-1, 1) : 0));
      const ny = this.clampY(this.y + dy * ease + (dx / dist) * side + (i < steps ? this.between(-1, 1) : 0));
      this.advance(this.between(dt * 0.6, dt * 1.4));
      this.emit({ kind: "mouse_move", t: this.t, x: nx, y: ny });
    }
    this.x = tx;
    this.y = ty;
  }

  /** Small resting tremor of the hand on the mouse (never far enough to count as movement). */
  private tremor(): void {
    if (this.r() < 0.5) return;
    const nx = this.clampX(this.x + this.int(-2, 2));
    const ny = this.clampY(this.y + this.int(-2, 2));
    this.advance(this.between(5, 30));
    this.emit({ kind: "mouse_move", t: this.t, x: nx, y: ny });
  }

  private think(): void {
    this.advance(this.between(this.p.thinkMs[0], this.p.thinkMs[1]));
  }

  private landing(v: number, max: number): number {
    const j = this.p.landingJitterPx;
    return Math.min(max - 1, Math.max(0, v + this.int(-j, j)));
  }

  private clickAt(
    x: number,
    y: number,
    button: "left" | "right" | "middle" | "back" | "forward",
    n: number,
  ): void {
    // the hand lands near the target, not exactly on it; later presses of a multi-click land near that
    const ax = this.landing(x, this.W);
    const ay = this.landing(y, this.H);
    this.travel(ax, ay);
    this.advance(this.between(40, 250));
    for (let i = 0; i < n; i++) {
      const lx = i === 0 ? ax : this.landing(ax, this.W);
      const ly = i === 0 ? ay : this.landing(ay, this.H);
      if (i > 0) this.advance(this.between(this.p.multiClickGapMs[0], this.p.multiClickGapMs[1]) * 0.5);
      this.emit({ kind: "mouse_down", t: this.t, x: lx, y: ly, button });
      this.advance(this.between(30, 110));
      this.emit({ kind: "mouse_up", t: this.t, x: lx, y: ly, button });
      if (i + 1 < n) this.advance(this.between(this.p.multiClickGapMs[0], this.p.multiClickGapMs[1]) * 0.5);
    }
  }

  private keyDown(key: string, char?: string): void {
    const e: RawEvent = { kind: "key_down", t: this.t, code: 0, key };
    if (char !== undefined && this.r() < this.p.charRate) e.char = char;
    this.emit(e);
  }

  private keyUp(key: string): void {
    this.emit({ kind: "key_up", t: this.t, code: 0, key });
  }

  /** Tap one key (down, hold, up), with shift around it when needed. */
  private typeChar(ch: string, pendingUp: { key: string } | null): { key: string } | null {
    const { key, shift } = keyForChar(ch);
    if (shift) {
      if (pendingUp) {
        this.keyUp(pendingUp.key);
        pendingUp = null;
      }
      this.keyDown("shift");
      this.advance(this.between(20, 60));
      this.keyDown(key, ch);
      this.advance(this.between(30, 100));
      this.keyUp(key);
      this.advance(this.between(10, 40));
      this.keyUp("shift");
      this.advance(this.between(40, 180));
      return null;
    }
    if (pendingUp && pendingUp.key === key) {
      this.keyUp(pendingUp.key);
      pendingUp = null;
      this.advance(this.between(20, 60));
    }
    this.keyDown(key, ch);
    if (pendingUp) {
      this.advance(this.between(5, 40));
      this.keyUp(pendingUp.key);
    }
    if (this.r() < this.p.rolloverRate) {
      this.advance(this.between(40, 160));
      return { key };
    }
    this.advance(this.between(30, 100));
    this.keyUp(key);
    this.advance(this.between(40, 180));
    return null;
  }

  private tapKey(key: string): void {
    this.keyDown(key);
    this.advance(this.between(40, 120));
    this.keyUp(key);
    this.advance(this.between(40, 150));
  }

  private typeText(text: string): void {
    let pending: { key: string } | null = null;
    const chars = Array.from(text);
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i]!;
      if (this.r() < this.p.typoRate) {
        // a wrong letter, noticed and erased
        pending = this.typeChar(String.fromCharCode(97 + this.int(0, 25)), pending);
        if (pending) {
          this.keyUp(pending.key);
          pending = null;
        }
        this.advance(this.between(80, 300));
        this.tapKey("backspace");
      }
      if (i + 1 < chars.length && this.r() < this.p.cursorEditRate) {
        // skip this character, type the next, go back, insert it, go forward again
        pending = this.typeChar(chars[i + 1]!, pending);
        if (pending) {
          this.keyUp(pending.key);
          pending = null;
        }
        this.advance(this.between(100, 300));
        this.tapKey("left");
        pending = this.typeChar(ch, pending);
        if (pending) {
          this.keyUp(pending.key);
          pending = null;
        }
        this.tapKey("right");
        i++;
        continue;
      }
      pending = this.typeChar(ch, pending);
    }
    if (pending) {
      this.advance(this.between(30, 90));
      this.keyUp(pending.key);
    }
  }

  /** Perform one action. */
  act(a: ScriptAction): void {
    if (this.noThink) this.noThink = false;
    else this.think();
    switch (a.type) {
      case "click":
        return this.clickAt(a.x, a.y, a.button, 1);
      case "double_click":
        return this.clickAt(a.x, a.y, "left", 2);
      case "triple_click":
        return this.clickAt(a.x, a.y, "left", 3);
      case "right_click":
        return this.clickAt(a.x, a.y, "right", 1);
      case "middle_click":
        return this.clickAt(a.x, a.y, "middle", 1);
      case "mouse_move":
        this.travel(a.x, a.y);
        // rest long enough to count as a hover (and no more pause before the next action)
        this.advance(this.between(1700, 2500));
        this.noThink = true;
        return;
      case "drag": {
        const p0 = a.path[0]!;
        const p1 = a.path[a.path.length - 1]!;
        this.travel(p0.x, p0.y);
        this.advance(this.between(60, 250));
        this.emit({ kind: "mouse_down", t: this.t, x: p0.x, y: p0.y, button: a.button });
        this.advance(this.between(60, 200));
        this.travel(p1.x, p1.y);
        this.advance(this.between(30, 150));
        this.emit({ kind: "mouse_up", t: this.t, x: p1.x, y: p1.y, button: a.button });
        return;
      }
      case "scroll": {
        this.travel(a.x, a.y);
        this.advance(this.between(60, 300));
        const parts: ["vertical" | "horizontal", number][] = [];
        if (a.counts.up > 0) parts.push(["vertical", Math.round(a.counts.up)]);
        if (a.counts.down > 0) parts.push(["vertical", -Math.round(a.counts.down)]);
        if (a.counts.right > 0) parts.push(["horizontal", Math.round(a.counts.right)]);
        if (a.counts.left > 0) parts.push(["horizontal", -Math.round(a.counts.left)]);
        for (const [axis, n] of parts) {
          for (let i = 0; i < Math.abs(n); i++) {
            this.emit({ kind: "wheel", t: this.t, x: this.x, y: this.y, axis, notches: Math.sign(n) });
            this.advance(this.between(20, 140));
          }
        }
        return;
      }
      case "type":
        this.tremor();
        return this.typeText(a.text);
      case "key":
        this.tremor();
        for (let i = 0; i < a.count; i++) this.tapKey(a.key);
        return;
      case "hotkey": {
        this.tremor();
        const mods = a.keys.slice(0, -1);
        const key = a.keys[a.keys.length - 1]!;
        for (const m of mods) {
          this.keyDown(m);
          this.advance(this.between(30, 120));
        }
        this.keyDown(key);
        this.advance(this.between(40, 120));
        this.keyUp(key);
        this.advance(this.between(10, 80));
        const order = this.r() < 0.5 ? [...mods].reverse() : mods;
        for (const m of order) {
          this.keyUp(m);
          this.advance(this.between(5, 40));
        }
        return;
      }
      case "hold_key": {
        const key = a.keys[0]!;
        const end = this.t + a.duration_ms;
        this.keyDown(key);
        // OS auto-repeat: after 500 ms, every ~33 ms
        let rep = this.t + 500;
        while (rep < end) {
          this.t = rep;
          this.keyDown(key);
          rep += 33;
        }
        this.t = end;
        this.keyUp(key);
        return;
      }
      case "wait":
        this.advance(a.duration_ms);
        return;
    }
  }

  /** Flush trailing frames and mark the end of the recording. */
  finish(): void {
    this.emit({ kind: "marker", t: this.t, name: "end" });
    if (this.nextFrame !== Infinity) {
      const end = this.t + 1000;
      while (this.nextFrame <= end) this.frame(this.nextFrame);
    }
  }
}

const NAMED_KEYS = [
  "enter",
  "tab",
  "escape",
  "up",
  "down",
  "pageup",
  "pagedown",
  "home",
  "end",
  "f5",
  "delete",
  "backspace",
];
const EDIT_LIKE = new Set(["backspace", "delete", "left", "right"]);
const HOLD_KEYS = ["down", "up", "pagedown", "right", "f3"];
const HOT_MODS = [["ctrl"], ["ctrl", "shift"], ["alt"], ["meta"], ["ctrl", "alt"]];
const HOT_KEYS = ["s", "c", "v", "z", "t", "1", "f4", "tab", "left", "enter"];
const TEXT_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,;-/!?@#()'\"";

const POINTER = new Set([
  "click",
  "double_click",
  "triple_click",
  "right_click",
  "middle_click",
  "mouse_move",
  "drag",
  "scroll",
]);

function pos(a: ScriptAction): { x: number; y: number } | null {
  if (a.type === "drag") return a.path[a.path.length - 1]!;
  if (POINTER.has(a.type)) return a as { x: number; y: number };
  return null;
}

/**
 * Make a random action list performable and unambiguous for the default thresholds: no two type
 * steps in a row (they would be one), no editing key right after typing (it would edit the text),
 * hovers far from where the pointer was and from the next pointer action, waits neither first,
 * last nor doubled, points inside the display.
 */
export function fixScript(actions: readonly ScriptAction[], display = { w: 1920, h: 1080 }): ScriptAction[] {
  const out: ScriptAction[] = [];
  const inX = (v: number) => Math.min(display.w - 10, Math.max(10, Math.round(v)));
  const inY = (v: number) => Math.min(display.h - 10, Math.max(10, Math.round(v)));
  let px = Math.floor(display.w / 2);
  let py = Math.floor(display.h / 2);
  for (const a0 of actions) {
    let a: ScriptAction = a0;
    const prev = out[out.length - 1];
    if (a.type === "wait" && (prev === undefined || prev.type === "wait")) continue;
    if (a.type === "type" && (prev?.type === "type" || a.text.length === 0)) continue;
    if ((a.type === "key" && EDIT_LIKE.has(a.key)) || (a.type === "hold_key" && EDIT_LIKE.has(a.keys[0]!))) {
      if (prev?.type === "type") continue;
    }
    if ("x" in a && "y" in a && a.type !== "scroll") a = { ...a, x: inX(a.x), y: inY(a.y) } as ScriptAction;
    if (a.type === "scroll") a = { ...a, x: inX(a.x), y: inY(a.y) };
    if (a.type === "drag") {
      const p0 = { x: inX(a.path[0]!.x), y: inY(a.path[0]!.y), t: 0 };
      let p1 = { x: inX(a.path[a.path.length - 1]!.x), y: inY(a.path[a.path.length - 1]!.y), t: 1 };
      if (Math.hypot(p1.x - p0.x, p1.y - p0.y) < 30)
        p1 = { x: inX(p0.x + (p0.x < display.w / 2 ? 60 : -60)), y: p0.y, t: 1 };
      a = { ...a, path: [p0, p1] };
    }
    if (a.type === "mouse_move" && Math.hypot(a.x - px, a.y - py) < 60) {
      a = { ...a, x: inX(px + (px < display.w / 2 ? 120 : -120)), y: a.y };
    }
    // the pointer action after a hover must start away from the hover point
    if (prev?.type === "mouse_move") {
      const p = a.type === "drag" ? a.path[0]! : pos(a);
      if (p && Math.hypot(p.x - prev.x, p.y - prev.y) < 60) {
        const nx = inX(prev.x + (prev.x < display.w / 2 ? 150 : -150));
        if (a.type === "drag") {
          const dx = nx - a.path[0]!.x;
          a = { ...a, path: a.path.map((q) => ({ ...q, x: inX(q.x + dx) })) };
          if (Math.hypot(a.path[1]!.x - a.path[0]!.x, a.path[1]!.y - a.path[0]!.y) < 30) continue;
        } else a = { ...(a as ScriptAction & { x: number }), x: nx } as ScriptAction;
      }
    }
    out.push(a);
    const p = pos(a);
    if (p) {
      px = p.x;
      py = p.y;
    }
  }
  while (out.length > 0 && out[out.length - 1]!.type === "wait") out.pop();
  return out;
}

/**
 * A random, performable action list (for benchmarks; the property tests build theirs with fast-check).
 * @example randomScript(rng(1), 10).length <= 10 // true
 */
export function randomScript(r: () => number, n: number, display = { w: 1920, h: 1080 }): ScriptAction[] {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const X = () => Math.floor(r() * display.w);
  const Y = () => Math.floor(r() * display.h);
  const list: ScriptAction[] = [];
  for (let i = 0; i < n; i++) {
    const k = r();
    if (k < 0.3) list.push({ type: "click", x: X(), y: Y(), button: "left" });
    else if (k < 0.36) list.push({ type: "double_click", x: X(), y: Y() });
    else if (k < 0.38) list.push({ type: "triple_click", x: X(), y: Y() });
    else if (k < 0.42) list.push({ type: "right_click", x: X(), y: Y() });
    else if (k < 0.43) list.push({ type: "middle_click", x: X(), y: Y() });
    else if (k < 0.47) list.push({ type: "mouse_move", x: X(), y: Y() });
    else if (k < 0.52)
      list.push({
        type: "drag",
        button: "left",
        path: [
          { x: X(), y: Y(), t: 0 },
          { x: X(), y: Y(), t: 1 },
        ],
      });
    else if (k < 0.6) {
      const c = 1 + Math.floor(r() * 8);
      const d = pick(["up", "down", "left", "right"] as const);
      list.push({
        type: "scroll",
        x: X(),
        y: Y(),
        counts: {
          up: d === "up" ? c : 0,
          down: d === "down" ? c : 0,
          left: d === "left" ? c : 0,
          right: d === "right" ? c : 0,
        },
        notches: { x: 0, y: 0 },
        pixels: { x: 0, y: 0 },
        pixels_measured: false,
      });
    } else if (k < 0.8) {
      const len = 1 + Math.floor(r() * 30);
      let text = "";
      for (let j = 0; j < len; j++) text += pick(Array.from(TEXT_CHARS));
      list.push({ type: "type", text, keys: [] });
    } else if (k < 0.88) list.push({ type: "key", key: pick(NAMED_KEYS), count: 1 });
    else if (k < 0.95) list.push({ type: "hotkey", keys: [...pick(HOT_MODS), pick(HOT_KEYS)], count: 1 });
    else if (k < 0.97)
      list.push({ type: "hold_key", keys: [pick(HOLD_KEYS)], duration_ms: 1300 + Math.floor(r() * 1500) });
    else list.push({ type: "wait", duration_ms: 3500 + Math.floor(r() * 3000) });
  }
  return fixScript(list, display);
}

export const SCRIPT_VOCABULARY = { NAMED_KEYS, HOLD_KEYS, HOT_MODS, HOT_KEYS, TEXT_CHARS };
