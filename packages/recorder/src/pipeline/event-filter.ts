import type { FocusEvent, RawEvent } from "@tracevault/core";
import { KeystreamRedactor, keystreamFromRaw, type KeystreamRelease } from "@tracevault/privacy";
import type { ContextDecision } from "../filter/context.js";
import { guardedEngine, type PrivacyEngine } from "../filter/engine.js";
import { filterFocus } from "../filter/focus.js";

/**
 * The input side of the filter pipeline: an ordered in-memory queue where every event waits until it is
 * decided, and nothing undecided ever leaves.
 *
 * - **Typed text**: key events go through the privacy engine's streaming key-stream reconstruction
 *   (`KeystreamRedactor` with `keystreamFromRaw`, the same mapping `filterRawKeys` and the vault use): the
 *   key events (down and up) that typed, edited or deleted a detected value are dropped and a
 *   `redacted:<TYPE>` marker is left in their place. A key event stays in memory until its segment ends
 *   (a click, focus change, Enter, Tab, a hotkey) or `maxHoldMs` passes, whichever is first.
 * - **Context**: every input event is judged by the window context(s) in force within `slackMs` of its time
 *   (so a focus change reported a few ms after the first keys is still applied to them). Excluded window:
 *   keys, clicks, wheel and moves are dropped. Password context (title heuristics, or a browser source
 *   reporting a password field): key events are dropped (Enter, Tab and Escape kept) with one
 *   `redacted:PASSWORD` marker.
 * - **Control hotkey** (default ctrl+alt+shift+p): the chord's key events (the modifiers, held back while
 *   pressed, and the key) never leave; it toggles pause.
 * - **Settle**: an event leaves no earlier than `settleMs` after its time, so late context news can still
 *   drop it.
 * - **Frames**: screenshot events are placed by time as pending entries and leave once their frame is
 *   redacted (or are removed when the frame is dropped).
 */

export type DropReason = "keys" | "excluded" | "password" | "hotkey" | "paused" | "frame";

/** A frame attached to its screenshot event (encoded, already redacted). */
export interface FrameAttachment {
  ref: string;
  mime: "image/jpeg" | "image/webp" | "image/png";
  data: Buffer;
}

export interface Released {
  event: RawEvent;
  frame?: FrameAttachment;
}

interface Entry {
  id: number;
  t: number;
  ev: RawEvent;
  arrived: number;
  /** Decided (kept or dropped). */
  decided: boolean;
  drop: boolean;
  why?: DropReason;
  /** In the key stream: decided by the redactor. */
  ks: boolean;
  /** A modifier key_down held back until the chord is known. */
  modPending: boolean;
  /** A shift/AltGr key_down: the key it modified. Dropped with it (it would reveal the shape of a value). */
  nextKey?: Entry;
  /** A key_up: dropped when any key_down (auto-repeats included) since the last release of its key was. */
  upOf?: Entry[];
  markers?: string[];
  frame?: FrameAttachment;
  input: boolean;
}

export interface FilterCounters {
  keysDropped: number;
  keysRedactedSpans: number;
  passwordKeysDropped: number;
  excludedInputDropped: number;
  excludedFocus: number;
  hotkeyKeysDropped: number;
  titleSpans: number;
  titleFieldsRemoved: number;
  forcedFlushes: number;
}

/** A key chord such as "ctrl+alt+shift+p". */
export interface Hotkey {
  key: string;
  ctrl: boolean;
  alt: boolean;
  shift: boolean;
  meta: boolean;
}

/** @example parseHotkey("ctrl+alt+shift+p") // { key: "p", ctrl: true, alt: true, shift: true, meta: false } */
export function parseHotkey(s: string): Hotkey {
  const parts = s
    .toLowerCase()
    .split("+")
    .map((p) => p.trim())
    .filter(Boolean);
  const h: Hotkey = { key: "", ctrl: false, alt: false, shift: false, meta: false };
  for (const p of parts) {
    if (p === "ctrl" || p === "control") h.ctrl = true;
    else if (p === "alt") h.alt = true;
    else if (p === "shift") h.shift = true;
    else if (p === "meta" || p === "super" || p === "cmd") h.meta = true;
    else if (!h.key) h.key = p;
    else throw new Error(`hotkey '${s}' names two keys`);
  }
  if (!h.key) throw new Error(`hotkey '${s}' names no key`);
  if (!h.ctrl && !h.alt && !h.meta) throw new Error(`hotkey '${s}' needs ctrl, alt or meta`);
  return h;
}

const MODIFIER_KEYS = new Set(["shift", "ctrl", "alt", "altgr", "meta"]);
/** Modifiers that change which character a key types: their presses reveal the shape of a value. */
const CHAR_MODIFIERS = new Set(["shift", "altgr"]);
/** Keys kept in a password context: they move focus or submit, and say nothing about the secret. */
const PASSWORD_SAFE_KEYS = new Set(["enter", "tab", "escape"]);
const INPUT_KINDS = new Set<RawEvent["kind"]>([
  "key_down",
  "key_up",
  "mouse_move",
  "mouse_down",
  "mouse_up",
  "wheel",
]);

export interface EventFilterOptions {
  engine: PrivacyEngine;
  clock: () => number;
  /** Receives decided, kept events in order. */
  emit: (r: Released) => void;
  /** A detected typed value (its characters), for echo matching in screenshots. Memory only. */
  onTypedSecret?: (value: string) => void;
  /** Pause toggled by the hotkey. */
  onHotkey?: () => void;
  hotkey?: Hotkey;
  /** Minimum time an event waits before it may leave (default 250 ms). */
  settleMs?: number;
  /** Context changes within this long of an event apply to it (default 60 ms). */
  slackMs?: number;
  /** Longest an undecided key event is held before the key stream is flushed (default 15 000 ms). */
  maxHoldMs?: number;
  /** Flush the key stream when this many events wait behind an undecided one (default 20 000). */
  maxQueued?: number;
  /** Password marker name (default "redacted:PASSWORD"). */
  passwordMarker?: string;
  /** The manifest's sensitivity cap (titles and URLs above it are removed; default 3). */
  sensitivityCap?: 1 | 2 | 3;
}

interface ContextSpan {
  t: number;
  excluded: boolean;
  password: boolean;
}

/** Ordered, decided-before-release queue for raw events. See the module comment. */
export class EventFilter {
  private readonly o: Required<
    Omit<EventFilterOptions, "onTypedSecret" | "onHotkey" | "hotkey" | "sensitivityCap">
  > &
    Pick<EventFilterOptions, "onTypedSecret" | "onHotkey" | "hotkey" | "sensitivityCap">;
  private readonly g: ReturnType<typeof guardedEngine>;
  private redactor: KeystreamRedactor;
  private q: Entry[] = [];
  private head = 0;
  private nextId = 0;
  private readonly byId = new Map<number, Entry>();
  /** key_down entries (auto-repeats included) by key code since its last release, for linking key_ups. */
  private readonly downs = new Map<number, Entry[]>();
  /** Codes whose key_down was dropped on arrival: their key_up (and repeats) are dropped too. */
  private readonly droppedDowns = new Map<number, DropReason>();
  /** Modifier key_downs held back until the chord is known, by key code. */
  private readonly pendingMods = new Map<number, Entry>();
  /** Every key currently pressed (code → key name), paused or not. */
  private readonly pressed = new Map<number, string>();
  private ctx: ContextSpan[] = [{ t: -Infinity, excluded: false, password: false }];
  private browserPw: { t: number; password: boolean }[] = [{ t: -Infinity, password: false }];
  private passwordMarkerDue = true;
  private paused = false;
  private failed: Error | undefined;
  readonly counters: FilterCounters = {
    keysDropped: 0,
    keysRedactedSpans: 0,
    passwordKeysDropped: 0,
    excludedInputDropped: 0,
    excludedFocus: 0,
    hotkeyKeysDropped: 0,
    titleSpans: 0,
    titleFieldsRemoved: 0,
    forcedFlushes: 0,
  };

  constructor(opts: EventFilterOptions) {
    this.o = {
      settleMs: 250,
      slackMs: 60,
      maxHoldMs: 15_000,
      maxQueued: 20_000,
      passwordMarker: "redacted:PASSWORD",
      ...opts,
    };
    this.g = guardedEngine(opts.engine);
    this.redactor = this.newRedactor();
  }

  private newRedactor(): KeystreamRedactor {
    return new KeystreamRedactor((text) => this.g.analyzeFor("typed text", text, { channel: "typed" }));
  }

  get isPaused(): boolean {
    return this.paused;
  }

  /** Events waiting in memory. */
  get queued(): number {
    return this.q.length - this.head;
  }

  /** Set after the engine failed: the filter refuses everything from then on. */
  get failure(): Error | undefined {
    return this.failed;
  }

  private guard<T>(fn: () => T): T {
    if (this.failed) throw this.failed;
    try {
      return fn();
    } catch (e) {
      this.failed = e instanceof Error ? e : new Error(String(e));
      // Nothing undecided may leave: forget the queue.
      this.q = [];
      this.head = 0;
      this.byId.clear();
      this.pendingMods.clear();
      throw this.failed;
    }
  }

  // ------------------------------------------------------------------ context

  private contextAround(t: number): { excluded: boolean; password: boolean } {
    const lo = t - this.o.slackMs;
    const hi = t + this.o.slackMs;
    let excluded = false;
    let password = false;
    for (let i = this.ctx.length - 1; i >= 0; i--) {
      const c = this.ctx[i]!;
      const end = i + 1 < this.ctx.length ? this.ctx[i + 1]!.t : Infinity;
      if (end < lo) break;
      if (c.t > hi) continue;
      excluded ||= c.excluded;
      password ||= c.password;
    }
    for (let i = this.browserPw.length - 1; i >= 0; i--) {
      const c = this.browserPw[i]!;
      const end = i + 1 < this.browserPw.length ? this.browserPw[i + 1]!.t : Infinity;
      if (end < lo) break;
      if (c.t > hi) continue;
      password ||= c.password;
    }
    return { excluded, password };
  }

  private pushContext(span: ContextSpan): void {
    this.ctx.push(span);
    if (this.ctx.length > 64) this.ctx.splice(0, this.ctx.length - 64);
  }

  /** Re-judge queued input events at or after `t - slack` (late news of an excluded/password context). */
  private retro(t: number, excluded: boolean, password: boolean): void {
    if (!excluded && !password) return;
    const lo = t - this.o.slackMs;
    for (let i = this.q.length - 1; i >= this.head; i--) {
      const e = this.q[i]!;
      if (e.t < lo) break;
      if (!e.input || (e.drop && e.why !== "keys")) continue;
      if (excluded) this.dropEntry(e, "excluded");
      else if (password && isKey(e.ev) && !PASSWORD_SAFE_KEYS.has(e.ev.key) && !MODIFIER_KEYS.has(e.ev.key)) {
        if (this.passwordMarkerDue) {
          (e.markers ??= []).push(this.o.passwordMarker);
          this.passwordMarkerDue = false;
        }
        this.dropEntry(e, "password");
      }
    }
  }

  private dropEntry(e: Entry, why: DropReason): void {
    const wasKept = !e.drop;
    e.drop = true;
    e.why = why;
    if (why === "excluded") e.markers = undefined;
    if (wasKept && isKey(e.ev)) {
      if (why === "excluded") this.counters.excludedInputDropped++;
      else if (why === "password") this.counters.passwordKeysDropped++;
      else if (why === "hotkey") this.counters.hotkeyKeysDropped++;
    } else if (wasKept && why === "excluded") this.counters.excludedInputDropped++;
  }

  /**
   * The focused window changed (the window source's focus event) and what the context filter decided for
   * it. Emits the filtered focus event, or an `excluded` marker (`emit` false: only the context is used,
   * when the manifest does not collect windows). Throws EngineFailure (fail closed).
   */
  focus(ev: FocusEvent, decision: ContextDecision, emit = true): void {
    this.guard(() => {
      this.pushContext({ t: ev.t, excluded: decision.excluded, password: decision.password });
      if (decision.password) this.passwordMarkerDue = true;
      this.retro(ev.t, decision.excluded, decision.password);
      if (this.paused) return;
      if (!emit) {
        // the window channel is not collected: the context is used for filtering only
        this.applyReleases(this.redactor.push({ i: this.nextId++, t: ev.t, kind: "break" }));
        return;
      }
      const f = filterFocus(ev, decision, this.o.engine, this.o.sensitivityCap ?? 3);
      this.counters.titleSpans += f.redactedSpans;
      this.counters.titleFieldsRemoved += f.removedFields;
      if (decision.excluded) this.counters.excludedFocus++;
      const e = this.insertByTime(f.event, false);
      e.decided = true;
      // A focus change ends the typed segment.
      this.applyReleases(this.redactor.push({ i: e.id, t: ev.t, kind: "break" }));
    });
  }

  /** A browser source says whether the focused page element takes a secret (password / one-time code). */
  browserField(t: number, password: boolean): void {
    this.guard(() => {
      this.browserPw.push({ t, password });
      if (this.browserPw.length > 64) this.browserPw.splice(0, this.browserPw.length - 64);
      if (password) {
        this.passwordMarkerDue = true;
        this.retro(t, false, true);
      }
    });
  }

  // ------------------------------------------------------------------ input

  private isHotkey(ev: RawEvent): boolean {
    const h = this.o.hotkey;
    if (!h || ev.kind !== "key_down" || ev.key !== h.key) return false;
    const m = ev.mods ?? {};
    return !!m.ctrl === h.ctrl && !!m.alt === h.alt && !!m.shift === h.shift && !!m.meta === h.meta;
  }

  /** An input event from a capture source (keyboard, mouse). Throws EngineFailure (fail closed). */
  input(ev: RawEvent): void {
    this.guard(() => this.inputNow(ev));
  }

  private inputNow(ev: RawEvent): void {
    if (ev.kind === "key_down") this.pressed.set(ev.code, ev.key);
    else if (ev.kind === "key_up") this.pressed.delete(ev.code);

    if (ev.kind === "key_up" || ev.kind === "key_down") {
      const why = this.droppedDowns.get(ev.code);
      if (why !== undefined) {
        // the release (or an auto-repeat) of a key whose press was dropped on arrival
        if (ev.kind === "key_up") this.droppedDowns.delete(ev.code);
        this.countDropped(why);
        return;
      }
    }
    if (this.isHotkey(ev)) {
      this.onHotkeyNow(ev as RawEvent & { kind: "key_down" });
      return;
    }
    if (this.paused) {
      if (ev.kind === "key_down") this.droppedDowns.set(ev.code, "paused");
      return;
    }
    const c = this.contextAround(ev.t);
    if (c.excluded) {
      this.counters.excludedInputDropped++;
      if (ev.kind === "key_down") this.droppedDowns.set(ev.code, "excluded");
      return;
    }
    if (c.password && isKey(ev) && !PASSWORD_SAFE_KEYS.has(ev.key) && !MODIFIER_KEYS.has(ev.key)) {
      if (ev.kind === "key_down") {
        this.dropModsFor("password");
        this.droppedDowns.set(ev.code, "password");
        if (this.passwordMarkerDue) {
          this.passwordMarkerDue = false;
          const m = this.append({ kind: "marker", t: ev.t, name: this.o.passwordMarker }, false);
          m.decided = true;
        }
      }
      this.counters.passwordKeysDropped++;
      return;
    }

    const e = this.append(ev, true);
    if (ev.kind === "key_up") {
      const downs = this.downs.get(ev.code);
      this.downs.delete(ev.code);
      if (downs) e.upOf = downs;
      const mod = this.pendingMods.get(ev.code);
      if (mod) {
        mod.modPending = false;
        this.pendingMods.delete(ev.code);
      }
      e.decided = true;
      return;
    }
    if (ev.kind === "key_down") {
      const list = this.downs.get(ev.code);
      if (!list) this.downs.set(ev.code, [e]);
      else if (list.length < 256) list.push(e);
      else {
        // a release that never came: stay conservative (the oldest link is forgotten, the newest kept)
        list.shift();
        list.push(e);
      }
      if (MODIFIER_KEYS.has(ev.key)) {
        if (!this.pendingMods.has(ev.code)) {
          e.modPending = true;
          this.pendingMods.set(ev.code, e);
        }
      } else this.releaseMods(e);
    }
    const ks = keystreamFromRaw([ev]);
    if (ks.length > 0) {
      e.ks = true;
      this.applyReleases(this.redactor.push({ ...ks[0]!, i: e.id }));
    } else e.decided = true;
  }

  /** The chord is known: release held modifiers; shift/AltGr follow the fate of the key they modified. */
  private releaseMods(next?: Entry): void {
    for (const m of this.pendingMods.values()) {
      m.modPending = false;
      if (next && isKey(m.ev) && CHAR_MODIFIERS.has(m.ev.key)) m.nextKey = next;
    }
    this.pendingMods.clear();
  }

  /** A key typed in a password context was dropped on arrival: so is the shift/AltGr held for it. */
  private dropModsFor(why: DropReason): void {
    for (const m of this.pendingMods.values()) {
      m.modPending = false;
      if (isKey(m.ev) && CHAR_MODIFIERS.has(m.ev.key)) this.dropEntry(m, why);
    }
    this.pendingMods.clear();
  }

  private countDropped(why: DropReason): void {
    if (why === "excluded") this.counters.excludedInputDropped++;
    else if (why === "password") this.counters.passwordKeysDropped++;
    else if (why === "hotkey") this.counters.hotkeyKeysDropped++;
  }

  private onHotkeyNow(ev: RawEvent & { kind: "key_down" }): void {
    // Every key of the chord goes: the held modifiers (still in the queue) and the releases still to come.
    for (const m of this.pendingMods.values()) {
      m.modPending = false;
      this.dropEntry(m, "hotkey");
    }
    this.pendingMods.clear();
    for (const code of this.pressed.keys()) {
      this.droppedDowns.set(code, "hotkey");
      for (const d of this.downs.get(code) ?? []) this.dropEntry(d, "hotkey");
      this.downs.delete(code);
    }
    this.droppedDowns.set(ev.code, "hotkey");
    this.counters.hotkeyKeysDropped++;
    this.o.onHotkey?.();
  }

  // ------------------------------------------------------------------ pause

  /** Stop recording input: decide everything held, then a `pause` marker. */
  pause(t = this.o.clock()): void {
    this.guard(() => {
      if (this.paused) return;
      this.applyReleases(this.redactor.flush());
      this.releaseMods();
      const e = this.insertByTime({ kind: "marker", t, name: "pause" }, false);
      e.decided = true;
      this.paused = true;
    });
  }

  /** Resume: a `resume` marker, then the current window again (filtered) so steps know where they are. */
  resume(current?: { ev: FocusEvent; decision: ContextDecision }, t = this.o.clock()): void {
    this.guard(() => {
      if (!this.paused) return;
      this.paused = false;
      const e = this.append({ kind: "marker", t, name: "resume" }, false);
      e.decided = true;
      if (current) this.focus({ ...current.ev, t }, current.decision);
    });
  }

  // ------------------------------------------------------------------ other events and frames

  /** A non-input event that needs no filtering (display layout, settings marker). */
  meta(ev: RawEvent): void {
    this.guard(() => {
      const e = this.insertByTime(ev, false);
      e.decided = true;
    });
  }

  /** Reserve the place of a screenshot taken at `t`; resolve or drop it with the returned handle. */
  pendingFrame(t: number): { resolve(ev: RawEvent, frame: FrameAttachment): void; drop(): void } {
    if (this.failed) throw this.failed;
    const e = this.insertByTime({ kind: "marker", t, name: "frame-pending" }, false);
    return {
      resolve: (ev, frame) => {
        e.ev = ev;
        e.frame = frame;
        e.decided = true;
      },
      drop: () => {
        e.drop = true;
        e.why = "frame";
        e.decided = true;
      },
    };
  }

  // ------------------------------------------------------------------ queue

  private append(ev: RawEvent, input: boolean): Entry {
    const e: Entry = {
      id: this.nextId++,
      t: ev.t,
      ev,
      arrived: this.o.clock(),
      decided: false,
      drop: false,
      ks: false,
      modPending: false,
      input: input && INPUT_KINDS.has(ev.kind),
    };
    this.q.push(e);
    this.byId.set(e.id, e);
    return e;
  }

  private insertByTime(ev: RawEvent, input: boolean): Entry {
    const e = this.append(ev, input);
    // keep time order: move it back past later entries still in the queue
    let j = this.q.length - 1;
    while (j > this.head && this.q[j - 1]!.t > e.t) {
      this.q[j] = this.q[j - 1]!;
      j--;
    }
    this.q[j] = e;
    return e;
  }

  private applyReleases(rels: KeystreamRelease[]): void {
    for (const rel of rels) {
      const drop = new Set(rel.dropEvents);
      for (const i of rel.events) {
        const e = this.byId.get(i);
        if (!e) continue;
        e.decided = true;
        if (drop.has(i) && !e.drop) {
          e.drop = true;
          e.why = "keys";
          this.counters.keysDropped++;
        }
      }
      for (const s of [...rel.spans, ...rel.historySpans]) {
        this.counters.keysRedactedSpans++;
        const first = s.events[0];
        const fe = first !== undefined ? this.byId.get(first) : undefined;
        if (fe && fe.why !== "excluded") (fe.markers ??= []).push(`redacted:${s.type}`);
        if (this.o.onTypedSecret) {
          let value = "";
          for (const i of s.events) {
            const x = this.byId.get(i)?.ev;
            if (x?.kind === "key_down" && x.char) value += x.char;
          }
          if (value.length >= 3) this.o.onTypedSecret(value);
        }
      }
    }
  }

  /**
   * Release what is decided and settled, in order. `force`: decide everything held in the key stream and
   * ignore the settle time (pause, stop) — frames still pending are waited for by the caller.
   */
  pump(force = false): void {
    this.guard(() => this.pumpNow(force));
  }

  private pumpNow(force: boolean): void {
    const now = this.o.clock();
    if (force) {
      this.applyReleases(this.redactor.flush());
      this.releaseMods();
    }
    while (this.head < this.q.length) {
      const e = this.q[this.head]!;
      if (e.modPending) {
        if (now - e.arrived < this.o.maxHoldMs) break;
        e.modPending = false;
        if (e.ev.kind === "key_down") this.pendingMods.delete(e.ev.code);
      }
      if (e.nextKey && !e.nextKey.decided) {
        if (now - e.arrived >= this.o.maxHoldMs || this.queued > this.o.maxQueued) {
          this.counters.forcedFlushes++;
          this.applyReleases(this.redactor.flush());
        }
        if (!e.nextKey.decided) break;
      }
      if (e.nextKey) {
        const n = e.nextKey;
        e.nextKey = undefined;
        if (n.drop && !e.drop && n.why !== undefined) {
          e.drop = true;
          e.why = n.why;
          if (n.why === "keys") this.counters.keysDropped++;
          else this.countDropped(n.why);
        }
      }
      if (!e.decided) {
        if (e.ks && (now - e.arrived >= this.o.maxHoldMs || this.queued > this.o.maxQueued)) {
          this.counters.forcedFlushes++;
          this.applyReleases(this.redactor.flush());
          if (!e.decided) e.decided = true; // not in any release: nothing detected
        } else break;
      }
      if (!force && now - e.t < this.o.settleMs) break;
      this.head++;
      this.byId.delete(e.id);
      const droppedDown = e.upOf?.find((d) => d.drop);
      if (droppedDown && !e.drop) {
        e.drop = true;
        e.why = droppedDown.why ?? "keys";
        if (e.why === "keys") this.counters.keysDropped++;
        else this.countDropped(e.why);
      }
      e.upOf = undefined;
      if (e.markers) for (const name of e.markers) this.o.emit({ event: { kind: "marker", t: e.t, name } });
      if (!e.drop) this.o.emit(e.frame ? { event: e.ev, frame: e.frame } : { event: e.ev });
    }
    if (this.head > 4096 && this.head * 2 > this.q.length) {
      this.q = this.q.slice(this.head);
      this.head = 0;
    }
  }

  /** Whether something undecided (a frame being redacted) still waits. */
  get hasPending(): boolean {
    for (let i = this.head; i < this.q.length; i++) if (!this.q[i]!.decided) return true;
    return false;
  }
}

function isKey(ev: RawEvent): ev is RawEvent & { kind: "key_down" | "key_up" } {
  return ev.kind === "key_down" || ev.kind === "key_up";
}
