import {
  ReduceParams,
  ReduceReport,
  type Action,
  type Display,
  type Frame,
  type RawEvent,
  type ReduceParamsInput,
  type SensitivityLevel,
  type Step,
  type WindowInfo,
} from "@tracevault/core";
import { canonicalKey, comboId, EDIT_KEYS, HOTKEY_MODIFIERS, MODIFIERS, typedChar } from "./keys.js";
import { FrameChooser } from "./observe.js";
import { noRedaction, type TextRedactor } from "./privacy.js";

export interface ReducerOptions {
  /** Thresholds; defaults from `ReduceParams`. The resolved values are in `reducer.params`. */
  params?: ReduceParamsInput;
  /** Applied to typed text, window titles and URLs before a step leaves the reducer. */
  redact?: TextRedactor;
  /** Status of the final terminate action (when `append_terminate`). */
  terminateStatus?: "success" | "failure";
  /** Receives each step, in order, as soon as it is complete. */
  onStep: (step: Step) => void;
}

/** An action waiting for its frame-after (and for privacy) before it becomes a step. */
interface Draft {
  action: Action;
  start: number;
  end: number;
  first: number;
  last: number;
  before: Frame | null;
  after: Frame | null;
  window: WindowInfo | null;
}

interface Typing {
  text: string;
  cursor: number;
  keys: string[];
  start: number;
  end: number;
  first: number;
  last: number;
  before: Frame | null;
  window: WindowInfo | null;
}

interface Press {
  button: "left" | "right" | "middle" | "back" | "forward";
  x: number;
  y: number;
  t: number;
  idx: number;
  drag: boolean;
  /** Path as flat triples x, y, dt. */
  path: number[];
  thinStep: number;
  mods: string[];
  continuing: boolean;
  before: Frame | null;
  window: WindowInfo | null;
}

interface PendingClick {
  x: number;
  y: number;
  count: number;
  lastDownT: number;
  start: number;
  end: number;
  first: number;
  last: number;
  mods: string[];
  before: Frame | null;
  window: WindowInfo | null;
}

interface Scroll {
  x: number;
  y: number;
  up: number;
  down: number;
  left: number;
  right: number;
  nx: number;
  ny: number;
  pxx: number;
  pxy: number;
  measured: boolean;
  dirX: number;
  dirY: number;
  start: number;
  lastT: number;
  first: number;
  last: number;
  mods: string[];
  before: Frame | null;
  window: WindowInfo | null;
}

interface KeyPress {
  keys: string[];
  key: string;
  hot: boolean;
  t: number;
  downs: number;
  first: number;
  last: number;
  before: Frame | null;
  window: WindowInfo | null;
}

interface HoverCandidate {
  x: number;
  y: number;
  t: number;
  start: number;
  first: number;
  last: number;
}

/**
 * Streaming reducer: raw input events in, training steps out, in constant memory.
 *
 * Feed events with {@link Reducer.push} in stream order and call {@link Reducer.end} once; steps
 * arrive through `onStep`. What was wrong with the input is counted in {@link Reducer.report};
 * nothing in the input can make it throw.
 *
 * @example
 * const steps: Step[] = [];
 * const r = new Reducer({ onStep: (s) => steps.push(s) });
 * r.push({ kind: "mouse_down", t: 0, x: 10, y: 20, button: "left" });
 * r.push({ kind: "mouse_up", t: 80, x: 10, y: 20, button: "left" });
 * r.end();
 * steps[0].action // { type: "click", x: 10, y: 20, button: "left" }
 */
export class Reducer {
  readonly params: ReduceParams;
  readonly report: ReduceReport;
  /** Redactions per rule (`typed:EMAIL_ADDRESS` → count). */
  readonly privacyCounts: Record<string, number> = {};
  /** The display layout first seen (what the episode records). */
  initialDisplays: Display[] = [];
  firstT = NaN;
  lastT = -Infinity;

  private readonly onStep: (s: Step) => void;
  private readonly redact: TextRedactor;
  private readonly terminateStatus: "success" | "failure";
  private readonly chooser: FrameChooser;
  private readonly controlCombos: Set<string>;
  private readonly tapKeys: Set<string>;

  private idx = -1;
  private stepIndex = 0;
  private ended = false;
  private displays: Display[] = [];
  private window: WindowInfo | null = null;
  private windowId: string | undefined;

  private px = NaN;
  private py = NaN;
  private lastMoveT = -Infinity;
  private lastMoveIdx = -1;
  private lastInputT = NaN;

  private anchorX = NaN;
  private anchorY = NaN;
  private moveStartT = NaN;
  private moveFirstIdx = -1;
  private hoverArmed = false;
  private hover: HoverCandidate | null = null;

  private held: string[] = [];
  private modTap: { key: string; t: number; idx: number; clean: boolean } | null = null;
  private keyPress: KeyPress | null = null;
  private typing: Typing | null = null;
  private press: Press | null = null;
  private ignoredButtons: string[] = [];
  private click: PendingClick | null = null;
  private scroll: Scroll | null = null;
  private queue: Draft[] = [];
  private paused = false;

  // single-display fast path for the outside-display check
  private bx0 = -Infinity;
  private by0 = -Infinity;
  private bx1 = Infinity;
  private by1 = Infinity;

  // one-entry cache for window redaction
  private redactedWindowSrc: WindowInfo | null = null;
  private redactedWindow: { w: WindowInfo | null; rules: string[]; level: SensitivityLevel } | null = null;

  constructor(opts: ReducerOptions) {
    this.params = ReduceParams.parse(opts.params ?? {});
    this.report = ReduceReport.parse({});
    this.onStep = opts.onStep;
    this.redact = opts.redact ?? noRedaction;
    this.terminateStatus = opts.terminateStatus ?? "success";
    this.chooser = new FrameChooser(this.params.observation);
    this.controlCombos = new Set(this.params.control_hotkeys.map((c) => comboId(c)));
    this.tapKeys = new Set(this.params.modifier_tap_keys.map(canonicalKey));
  }

  /** Count a line of the input that could not be parsed (a truncated or corrupt file). */
  noteUnparseableLine(): void {
    this.idx++;
    this.report.events++;
    this.report.unparseable_lines++;
  }

  /** Count an event that failed schema validation at the boundary. */
  noteInvalidEvent(): void {
    this.idx++;
    this.report.events++;
    this.report.invalid_events++;
  }

  /** Feed one raw event. Never throws on bad input: problems are counted in `report`. */
  push(ev: RawEvent): void {
    const idx = ++this.idx;
    this.report.events++;
    if (this.ended) return;
    if (ev === null || typeof ev !== "object") {
      this.report.invalid_events++;
      return;
    }
    let t = ev.t;
    if (typeof t !== "number" || t !== t || t === Infinity || t === -Infinity) {
      this.report.invalid_events++;
      return;
    }
    if (t < this.lastT) {
      this.report.out_of_order++;
      t = this.lastT;
    } else {
      if (this.firstT !== this.firstT) this.firstT = t;
      this.lastT = t;
    }
    switch (ev.kind) {
      case "mouse_move":
        return this.onMove(ev.x, ev.y, t, idx);
      case "mouse_down":
        return this.onDown(ev.x, ev.y, ev.button, t, idx);
      case "mouse_up":
        return this.onUp(ev.x, ev.y, ev.button, t, idx);
      case "wheel":
        return this.onWheel(ev.x, ev.y, ev.axis, ev.notches, ev.pixels, t, idx);
      case "key_down":
        return this.onKeyDown(ev.key, ev.char, t, idx);
      case "key_up":
        return this.onKeyUp(ev.key, t, idx);
      case "screenshot":
        return this.onFrame(ev, t);
      case "focus":
        return this.onFocus(ev, t);
      case "display":
        return this.onDisplay(ev.displays, t);
      case "marker":
        return this.onMarker(ev.name, t, idx);
      default:
        this.report.unknown_kinds++;
    }
  }

  /** Flush everything pending, emit the terminate step and return the report. Idempotent. */
  end(): ReduceReport {
    if (this.ended) return this.report;
    const t = this.lastT === -Infinity ? 0 : this.lastT;
    if (this.hoverArmed && this.press === null && t - this.lastMoveT >= this.params.hover_ms) this.armHover();
    if (this.hover) this.emitHover();
    this.flushPending(t);
    if (this.press) {
      this.report.stuck_buttons_at_end++;
      this.press = null;
    }
    if (this.held.length > 0) this.report.stuck_keys_at_end += this.held.length;
    this.held = [];
    this.resolveAfters(Infinity, true);
    if (this.params.append_terminate) {
      const before = this.chooser.before(t);
      this.finish({
        action: { type: "terminate", status: this.terminateStatus },
        start: t,
        end: t,
        first: Math.max(0, this.idx),
        last: Math.max(0, this.idx),
        before: before,
        after: null,
        window: this.window,
      });
      this.resolveAfters(Infinity, true);
    }
    this.ended = true;
    return this.report;
  }

  // ---------------------------------------------------------------- pointer

  private inside(x: number, y: number): boolean {
    if (!(x - x === 0 && y - y === 0)) return false; // NaN, ±Infinity or not a number
    if (x >= this.bx0 && x < this.bx1 && y >= this.by0 && y < this.by1) return true;
    const ds = this.displays;
    if (ds.length <= 1) return ds.length === 0;
    for (const d of ds) if (x >= d.x && x < d.x + d.w && y >= d.y && y < d.y + d.h) return true;
    return false;
  }

  private onMove(x: number, y: number, t: number, idx: number): void {
    if (!this.inside(x, y)) {
      if (!(x - x === 0 && y - y === 0)) this.report.invalid_events++;
      else if (this.params.drop_outside_displays) this.report.outside_display_dropped++;
      else this.moveInside(x, y, t, idx);
      return;
    }
    this.moveInside(x, y, t, idx);
  }

  private moveInside(x: number, y: number, t: number, idx: number): void {
    const press = this.press;
    if (press !== null) {
      this.lastInputT = t;
      this.px = x;
      this.py = y;
      if (!press.drag) {
        const dx = x - press.x;
        const dy = y - press.y;
        const thr = this.params.drag_threshold_px;
        if (dx * dx + dy * dy > thr * thr) this.becomeDrag(press);
      }
      this.addPathPoint(press, x, y, t);
      return;
    }
    this.gapCheck(t);
    if (this.click !== null && t - this.click.lastDownT > this.params.click_interval_ms) this.finalizeClick();
    if (this.hover !== null) {
      const h = this.hover;
      const dx = x - h.x;
      const dy = y - h.y;
      const r = this.params.hover_min_distance_px;
      if (dx * dx + dy * dy > r * r) this.emitHover();
    } else if (!this.hoverArmed && this.params.hover_ms > 0) {
      if (this.moveStartT !== this.moveStartT) {
        this.moveStartT = t;
        this.moveFirstIdx = idx;
      }
      const dx = x - this.anchorX;
      const dy = y - this.anchorY;
      const r = this.params.hover_min_distance_px;
      // NaN anchor (no action yet): any movement arms
      if (!(dx * dx + dy * dy < r * r)) this.hoverArmed = true;
    }
    this.px = x;
    this.py = y;
    this.lastMoveT = t;
    this.lastMoveIdx = idx;
    this.lastInputT = t;
  }

  private becomeDrag(press: Press): void {
    press.drag = true;
    if (press.continuing) {
      // the second press of a multi-click turned into a drag: the clicks so far stand alone
      this.finalizeClick();
      press.continuing = false;
      press.before = this.chooser.before(press.t);
    }
  }

  private addPathPoint(press: Press, x: number, y: number, t: number): void {
    const p = press.path;
    const n = p.length;
    if (p[n - 3] === x && p[n - 2] === y) return;
    p.push(x, y, t - press.t);
    if (p.length / 3 > this.params.max_drag_path_points) {
      // thin: keep the first point and every other point after it (the last point is re-added on release)
      const out: number[] = [];
      for (let i = 0; i < p.length; i += 6) out.push(p[i]!, p[i + 1]!, p[i + 2]!);
      press.path = out;
      press.thinStep++;
      if (press.thinStep === 1) this.report.drag_paths_thinned++;
    }
  }

  private onDown(x: number, y: number, button: Press["button"], t: number, idx: number): void {
    if (!BUTTONS.has(button)) {
      this.report.invalid_events++;
      return;
    }
    if (!this.inside(x, y)) {
      if (!(x - x === 0 && y - y === 0)) {
        this.report.invalid_events++;
        this.ignoredButtons.push(button);
        return;
      }
      if (this.params.drop_outside_displays) {
        this.report.outside_display_dropped++;
        this.ignoredButtons.push(button);
        return;
      }
    }
    if (this.press !== null) {
      this.report.overlapping_buttons++;
      this.ignoredButtons.push(button);
      return;
    }
    this.gapCheck(t, x, y);
    if (this.modTap) this.modTap.clean = false;
    const mods = this.heldModifiers();
    let continuing = false;
    const c = this.click;
    if (c !== null) {
      const dx = x - c.x;
      const dy = y - c.y;
      const r = this.params.click_radius_px;
      continuing =
        button === "left" &&
        c.count < 3 &&
        t - c.lastDownT <= this.params.click_interval_ms &&
        dx * dx + dy * dy <= r * r &&
        sameList(mods, c.mods);
    }
    let before: Frame | null;
    if (continuing) {
      this.resolveHover(x, y);
      before = c!.before;
    } else {
      before = this.startAction(t, x, y);
    }
    this.press = {
      button,
      x,
      y,
      t,
      idx,
      drag: false,
      path: [x, y, 0],
      thinStep: 0,
      mods,
      continuing,
      before,
      window: continuing ? c!.window : this.window,
    };
    this.px = x;
    this.py = y;
    this.lastInputT = t;
  }

  private onUp(x: number, y: number, button: Press["button"], t: number, idx: number): void {
    if (!BUTTONS.has(button)) {
      this.report.invalid_events++;
      return;
    }
    const press = this.press;
    if (press === null || press.button !== button) {
      const i = this.ignoredButtons.indexOf(button);
      if (i >= 0) this.ignoredButtons.splice(i, 1);
      else this.report.mouse_up_without_down++;
      return;
    }
    this.press = null;
    this.lastInputT = t;
    const ok = this.inside(x, y);
    if (ok) {
      if (!press.drag) {
        const dx = x - press.x;
        const dy = y - press.y;
        const thr = this.params.drag_threshold_px;
        if (dx * dx + dy * dy > thr * thr) this.becomeDrag(press);
      }
      if (press.drag) this.addPathPoint(press, x, y, t);
      this.px = x;
      this.py = y;
    }
    const duration = t - press.t;
    const mods = press.mods.length > 0 ? press.mods : undefined;
    if (press.drag) {
      this.finalizeClick();
      const p = press.path;
      const path: { x: number; y: number; t: number }[] = [];
      for (let i = 0; i < p.length; i += 3) path.push({ x: p[i]!, y: p[i + 1]!, t: p[i + 2]! });
      if (path.length < 2) path.push({ x: press.x, y: press.y, t: duration });
      const action: Action = { type: "drag", button, path };
      if (mods) action.modifiers = mods;
      this.finishPress(press, action, t, idx);
      const endPt = path[path.length - 1]!;
      this.setAnchor(endPt.x, endPt.y);
      return;
    }
    this.setAnchor(press.x, press.y);
    const long = duration >= this.params.long_press_ms;
    if (button === "left" && !long) {
      const c = this.click;
      if (press.continuing && c !== null) {
        c.count++;
        c.lastDownT = press.t;
        c.end = t;
        c.last = idx;
        if (c.count >= 3) this.finalizeClick();
      } else {
        this.finalizeClick();
        this.click = {
          x: press.x,
          y: press.y,
          count: 1,
          lastDownT: press.t,
          start: press.t,
          end: t,
          first: press.idx,
          last: idx,
          mods: press.mods,
          before: press.before,
          window: press.window,
        };
      }
      return;
    }
    this.finalizeClick();
    let action: Action;
    if (button === "right") action = { type: "right_click", x: press.x, y: press.y };
    else if (button === "middle") action = { type: "middle_click", x: press.x, y: press.y };
    else action = { type: "click", x: press.x, y: press.y, button };
    if (long && action.type === "click") action.press_ms = duration;
    if (mods) action.modifiers = mods;
    this.finishPress(press, action, t, idx);
  }

  /** Emit the step of a finished press (drag or single non-left/long click) from its down to `t`. */
  private finishPress(press: Press, action: Action, t: number, idx: number): void {
    this.finish({
      action,
      start: press.t,
      end: t,
      first: press.idx,
      last: idx,
      before: press.before,
      after: null,
      window: press.window,
    });
  }

  private finalizeClick(): void {
    const c = this.click;
    if (c === null) return;
    this.click = null;
    const type = c.count === 1 ? "click" : c.count === 2 ? "double_click" : "triple_click";
    const mods = c.mods.length > 0 ? { modifiers: c.mods } : {};
    const action: Action =
      type === "click"
        ? { type, x: c.x, y: c.y, button: "left", ...mods }
        : { type, x: c.x, y: c.y, ...mods };
    this.finish({
      action,
      start: c.start,
      end: c.end,
      first: c.first,
      last: c.last,
      before: c.before,
      after: null,
      window: c.window,
    });
  }

  private onWheel(
    x: number,
    y: number,
    axis: "vertical" | "horizontal",
    notches: number,
    pixels: number | undefined,
    t: number,
    idx: number,
  ): void {
    // a wheel event is a few notches or pixels; absurd magnitudes are corrupt data
    if (!(Math.abs(notches) <= 1e4) || (pixels !== undefined && !(Math.abs(pixels) <= 1e6))) {
      this.report.invalid_events++;
      return;
    }
    if (!this.inside(x, y)) {
      if (!(x - x === 0 && y - y === 0)) {
        this.report.invalid_events++;
        return;
      }
      if (this.params.drop_outside_displays) {
        this.report.outside_display_dropped++;
        return;
      }
    }
    this.gapCheck(t, x, y);
    if (this.modTap) this.modTap.clean = false;
    const vertical = axis === "vertical";
    const ppn = this.params.pixels_per_notch;
    // pixel delta (+ = down/right), measured or derived from notches (+ = up/right)
    const px = pixels ?? (vertical ? -notches * ppn : notches * ppn);
    const n = notches !== 0 ? notches : vertical ? -px / ppn : px / ppn;
    if (n === 0 && px === 0) {
      this.lastInputT = t;
      return;
    }
    const dir = vertical ? (n > 0 ? 1 : -1) : n > 0 ? 1 : -1;
    let s = this.scroll;
    const mods = this.heldModifiers();
    if (s !== null) {
      const dx = x - s.x;
      const dy = y - s.y;
      const r = this.params.scroll_radius_px;
      const compatible =
        t - s.lastT <= this.params.scroll_gap_ms &&
        dx * dx + dy * dy <= r * r &&
        (vertical ? s.dirY === 0 || s.dirY === dir : s.dirX === 0 || s.dirX === dir) &&
        sameList(mods, s.mods);
      if (!compatible) s = null;
    }
    if (s === null) {
      const before = this.startAction(t, x, y);
      s = this.scroll = {
        x,
        y,
        up: 0,
        down: 0,
        left: 0,
        right: 0,
        nx: 0,
        ny: 0,
        pxx: 0,
        pxy: 0,
        measured: true,
        dirX: 0,
        dirY: 0,
        start: t,
        lastT: t,
        first: idx,
        last: idx,
        mods,
        before,
        window: this.window,
      };
    }
    const a = Math.abs(n);
    if (vertical) {
      s.dirY = dir;
      if (dir > 0) s.up += a;
      else s.down += a;
      s.ny += n;
      s.pxy += px;
    } else {
      s.dirX = dir;
      if (dir > 0) s.right += a;
      else s.left += a;
      s.nx += n;
      s.pxx += px;
    }
    if (pixels === undefined) s.measured = false;
    s.lastT = t;
    s.last = idx;
    this.px = x;
    this.py = y;
    this.lastInputT = t;
  }

  private finalizeScroll(): void {
    const s = this.scroll;
    if (s === null) return;
    this.scroll = null;
    const action: Action = {
      type: "scroll",
      x: s.x,
      y: s.y,
      counts: { up: round3(s.up), down: round3(s.down), left: round3(s.left), right: round3(s.right) },
      notches: { x: round3(s.nx), y: round3(s.ny) },
      pixels: { x: round3(s.pxx), y: round3(s.pxy) },
      pixels_measured: s.measured,
    };
    if (s.mods.length > 0) action.modifiers = s.mods;
    this.finish({
      action,
      start: s.start,
      end: s.lastT,
      first: s.first,
      last: s.last,
      before: s.before,
      after: null,
      window: s.window,
    });
    this.setAnchor(s.x, s.y);
  }

  // ---------------------------------------------------------------- keyboard

  private onKeyDown(rawKey: string, char: string | undefined, t: number, idx: number): void {
    if (typeof rawKey !== "string" || rawKey.length === 0) {
      this.report.invalid_events++;
      return;
    }
    const key =
      rawKey.length === 1 && (rawKey < "A" || rawKey > "Z") && rawKey !== " " ? rawKey : canonicalKey(rawKey);
    const repeat = this.held.includes(key);
    if (!repeat) {
      this.gapCheck(t);
      this.held.push(key);
    }
    this.lastInputT = t;
    if (MODIFIERS.has(key)) {
      if (repeat) return;
      if (this.typing !== null && (key === "shift" || key === "altgr")) this.typing.keys.push(key);
      if (this.held.length === 1 && this.press === null) this.modTap = { key, t, idx, clean: true };
      else if (this.modTap) this.modTap.clean = false;
      return;
    }
    if (this.modTap) this.modTap.clean = false;
    const kp = this.keyPress;
    if (repeat && kp !== null && kp.key === key) {
      kp.downs++;
      kp.last = idx;
      return;
    }
    let hot = false;
    let shift = false;
    let ctrl = false;
    let alt = false;
    for (const h of this.held) {
      if (h === "shift") shift = true;
      else if (HOTKEY_MODIFIERS.has(h)) {
        hot = true;
        if (h === "ctrl") ctrl = true;
        else if (h === "alt") alt = true;
      }
    }
    if (hot && ctrl && alt && char !== undefined && typedChar(key, char, shift) !== undefined) hot = false; // AltGr as ctrl+alt (Windows)
    if (!hot) {
      const ch = typedChar(key, char, shift);
      if (ch !== undefined) {
        let ty = this.typing;
        // a hover since the last key press ends the typing: the new text starts a new step
        if (ty === null || this.hover !== null) {
          const before = this.startAction(t);
          ty = this.typing = {
            text: "",
            cursor: 0,
            keys: this.held.filter((h) => h !== key && MODIFIERS.has(h)),
            start: t,
            end: t,
            first: idx,
            last: idx,
            before,
            window: this.window,
          };
        }
        ty.text =
          ty.cursor === ty.text.length
            ? ty.text + ch
            : ty.text.slice(0, ty.cursor) + ch + ty.text.slice(ty.cursor);
        ty.cursor += ch.length;
        ty.keys.push(key);
        ty.end = t;
        ty.last = idx;
        if (ty.text.length >= this.params.max_type_chars) this.finalizeTyping();
        return;
      }
      const ty = this.typing;
      if (ty !== null && this.hover === null && EDIT_KEYS.has(key) && !shift && this.applyEdit(ty, key)) {
        ty.keys.push(key);
        ty.end = t;
        ty.last = idx;
        return;
      }
    }
    // a key press of its own: a key, a hotkey, or (if held long) a hold_key
    const keys: string[] = [];
    for (const h of this.held) if (h !== key && MODIFIERS.has(h)) keys.push(h);
    keys.push(key);
    const before = this.startAction(t);
    this.keyPress = {
      keys,
      key,
      hot: keys.length > 1,
      t,
      downs: 1,
      first: idx,
      last: idx,
      before,
      window: this.window,
    };
  }

  /** Apply an editing key to the typed text; false when the edit leaves the text we know. */
  private applyEdit(ty: Typing, key: string): boolean {
    const c = ty.cursor;
    const n = ty.text.length;
    switch (key) {
      case "backspace": {
        if (c === 0) return false;
        const w = charWidthBefore(ty.text, c);
        ty.text = ty.text.slice(0, c - w) + ty.text.slice(c);
        ty.cursor = c - w;
        return true;
      }
      case "delete": {
        if (c >= n) return false;
        const w = charWidthAt(ty.text, c);
        ty.text = ty.text.slice(0, c) + ty.text.slice(c + w);
        return true;
      }
      case "left":
        if (c === 0) return false;
        ty.cursor = c - charWidthBefore(ty.text, c);
        return true;
      case "right":
        if (c >= n) return false;
        ty.cursor = c + charWidthAt(ty.text, c);
        return true;
    }
    return false;
  }

  private onKeyUp(rawKey: string, t: number, idx: number): void {
    if (typeof rawKey !== "string" || rawKey.length === 0) {
      this.report.invalid_events++;
      return;
    }
    const key =
      rawKey.length === 1 && (rawKey < "A" || rawKey > "Z") && rawKey !== " " ? rawKey : canonicalKey(rawKey);
    const i = this.held.indexOf(key);
    if (i < 0) {
      this.report.key_up_without_down++;
      return;
    }
    this.held.splice(i, 1);
    this.lastInputT = t;
    const kp = this.keyPress;
    if (kp !== null && kp.key === key) {
      kp.last = idx;
      this.finalizeKeyPress(t);
    } else if (this.typing !== null && this.typing.last < idx) {
      // key-ups of typed keys belong to the typing
      this.typing.last = idx;
    }
    const tap = this.modTap;
    if (tap !== null && tap.key === key) {
      this.modTap = null;
      if (!tap.clean) return;
      if (!this.tapKeys.has(key)) {
        this.report.ignored_modifier_taps++;
        return;
      }
      const duration = t - tap.t;
      const before = this.startAction(tap.t);
      const action: Action =
        duration >= this.params.hold_key_ms
          ? { type: "hold_key", keys: [key], duration_ms: duration }
          : { type: "key", key, count: 1 };
      this.finish({
        action,
        start: tap.t,
        end: t,
        first: tap.idx,
        last: idx,
        before,
        after: null,
        window: this.window,
      });
    }
  }

  private finalizeKeyPress(tUp: number | undefined): void {
    const kp = this.keyPress;
    if (kp === null) return;
    this.keyPress = null;
    if (kp.hot && this.controlCombos.has(comboId(kp.keys))) {
      this.report.control_hotkeys_removed++;
      return;
    }
    const end = tUp ?? this.lastT;
    const duration = end - kp.t;
    let action: Action;
    if (kp.hot) action = { type: "hotkey", keys: kp.keys, count: kp.downs };
    else if (tUp !== undefined && duration >= this.params.hold_key_ms)
      action = { type: "hold_key", keys: kp.keys, duration_ms: duration };
    else action = { type: "key", key: kp.key, count: kp.downs };
    this.finish({
      action,
      start: kp.t,
      end,
      first: kp.first,
      last: kp.last,
      before: kp.before,
      after: null,
      window: kp.window,
    });
  }

  private finalizeTyping(): void {
    const ty = this.typing;
    if (ty === null) return;
    this.typing = null;
    // typed and erased everything: the net effect is nothing a step could teach
    if (ty.text.length === 0) return;
    this.finish({
      action: { type: "type", text: ty.text, keys: ty.keys },
      start: ty.start,
      end: ty.end,
      first: ty.first,
      last: ty.last,
      before: ty.before,
      after: null,
      window: ty.window,
    });
  }

  private heldModifiers(): string[] {
    const h = this.held;
    if (h.length === 0) return EMPTY;
    const out: string[] = [];
    for (const k of h) if (MODIFIERS.has(k)) out.push(k);
    return out.length === 0 ? EMPTY : out;
  }

  // ---------------------------------------------------------------- other events

  private onFrame(ev: RawEvent & { kind: "screenshot" }, t: number): void {
    if (
      typeof ev.ref !== "string" ||
      !Number.isInteger(ev.w) ||
      !Number.isInteger(ev.h) ||
      ev.w <= 0 ||
      ev.h <= 0
    ) {
      this.report.invalid_events++;
      return;
    }
    this.report.frames++;
    this.chooser.add(ev, t);
    if (this.queue.length > 0) this.resolveReady(t);
  }

  private onFocus(ev: RawEvent & { kind: "focus" }, t: number): void {
    const w: WindowInfo = {};
    if (typeof ev.app === "string") w.app = ev.app;
    if (typeof ev.title === "string") w.title = ev.title;
    if (typeof ev.url === "string") w.url = ev.url;
    const old = this.window;
    if (old && old.app === w.app && old.title === w.title && old.url === w.url) return;
    // typing goes to the focused window: another app or window ends it (a title that changes as
    // one types, "*draft" or a compose window's subject, does not)
    const wid = typeof ev.window_id === "string" ? ev.window_id : undefined;
    const otherWindow =
      (old?.app !== undefined && w.app !== undefined && old.app !== w.app) ||
      (wid !== undefined && wid !== this.windowId);
    if (this.typing !== null && otherWindow) {
      this.finalizeTyping();
      this.resolveAfters(t, false);
    }
    this.windowId = wid;
    this.window = w;
  }

  private onDisplay(displays: Display[], t: number): void {
    if (!Array.isArray(displays) || displays.length === 0) {
      this.report.invalid_events++;
      return;
    }
    const ok = (v: unknown) => typeof v === "number" && v - v === 0;
    const ds = displays
      .filter((d) => d && ok(d.x) && ok(d.y) && ok(d.w) && ok(d.h) && d.w > 0 && d.h > 0)
      .map((d) => ({ ...d, id: String(d.id), scale: ok(d.scale) && d.scale > 0 ? d.scale : 1 }));
    if (ds.length === 0) {
      this.report.invalid_events++;
      return;
    }
    if (this.initialDisplays.length === 0) this.initialDisplays = ds;
    else if (!sameDisplays(ds, this.displays)) {
      this.report.display_changes++;
      if (this.hover) this.emitHover();
      this.flushPending(t);
      this.resolveAfters(t, false);
    } else return;
    this.displays = ds;
    this.chooser.setDisplays(ds);
    if (ds.length === 1) {
      const d = ds[0]!;
      this.bx0 = d.x;
      this.by0 = d.y;
      this.bx1 = d.x + d.w;
      this.by1 = d.y + d.h;
    } else {
      // no single rectangle: the loop in inside() decides
      this.bx0 = Infinity;
      this.by0 = Infinity;
      this.bx1 = -Infinity;
      this.by1 = -Infinity;
    }
  }

  private onMarker(name: string, t: number, idx: number): void {
    if (name.startsWith("redacted:")) {
      // The recorder dropped the keys of a sensitive value here: keep the typed text faithful to what the
      // person did ("card [CREDIT_CARD] mail") without the value itself.
      const placeholder = `[${name.slice("redacted:".length).split(":")[0] || "REDACTED"}]`;
      let ty = this.typing;
      if (ty === null || this.hover !== null) {
        const before = this.startAction(t);
        ty = this.typing = {
          text: "",
          cursor: 0,
          keys: [],
          start: t,
          end: t,
          first: idx,
          last: idx,
          before,
          window: this.window,
        };
      }
      ty.text = ty.text.slice(0, ty.cursor) + placeholder + ty.text.slice(ty.cursor);
      ty.cursor += placeholder.length;
      ty.end = t;
      ty.last = idx;
      return;
    }
    if (name === "pause") {
      this.report.pauses++;
      if (this.hover) this.emitHover();
      this.flushPending(t);
      this.paused = true;
    } else if (name === "resume" && this.paused) {
      // whatever was held may have been released while paused
      this.paused = false;
      this.held = [];
      this.press = null;
      this.modTap = null;
      this.lastInputT = t;
      this.setAnchor(this.px, this.py);
    }
  }

  // ---------------------------------------------------------------- shared machinery

  /** Long idle gaps: a hover candidate, then (if nothing is held) a wait step. */
  private gapCheck(t: number, x?: number, y?: number): void {
    if (this.hoverArmed && t - this.lastMoveT >= this.params.hover_ms && this.press === null) this.armHover();
    const wmin = this.params.wait_min_ms;
    const last = this.lastInputT;
    if (wmin > 0 && t - last >= wmin && this.press === null && this.held.length === 0) {
      if (x !== undefined && y !== undefined) this.resolveHover(x, y);
      else if (this.hover) this.emitHover();
      this.flushPending(t);
      const before = this.noteStart(last);
      this.finish({
        action: { type: "wait", duration_ms: t - last },
        start: last,
        end: t,
        first: this.idx,
        last: this.idx,
        before,
        after: null,
        window: this.window,
      });
      this.lastInputT = t;
    }
  }

  /** The pointer has rested long enough after travelling: it may be a hover (decided by what comes next). */
  private armHover(): void {
    this.hoverArmed = false;
    this.hover = {
      x: this.px,
      y: this.py,
      t: this.lastMoveT,
      start: this.moveStartT === this.moveStartT ? this.moveStartT : this.lastMoveT,
      first: this.moveFirstIdx >= 0 ? this.moveFirstIdx : this.lastMoveIdx,
      last: this.lastMoveIdx,
    };
  }

  /** A pointer action at (x, y) is starting: a hover candidate there is part of it. */
  private resolveHover(x: number, y: number): void {
    const h = this.hover;
    if (h === null) return;
    const dx = x - h.x;
    const dy = y - h.y;
    const r = Math.max(this.params.click_radius_px, this.params.hover_min_distance_px);
    if (dx * dx + dy * dy <= r * r) {
      this.hover = null;
      this.moveStartT = NaN;
      this.moveFirstIdx = -1;
    } else this.emitHover();
  }

  private emitHover(): void {
    const h = this.hover;
    if (h === null) return;
    this.hover = null;
    this.flushPending(h.start);
    const before = this.noteStart(h.start);
    this.finish({
      action: { type: "mouse_move", x: h.x, y: h.y },
      start: h.start,
      end: h.t,
      first: h.first,
      last: h.last,
      before,
      after: null,
      window: this.window,
    });
    this.setAnchor(h.x, h.y);
  }

  /** A new action begins at time t: close everything pending, then choose its frame. */
  private startAction(t: number, x?: number, y?: number): Frame | null {
    if (this.hover !== null) {
      if (x !== undefined && y !== undefined) this.resolveHover(x, y);
      else this.emitHover();
    }
    this.flushPending(t);
    this.hoverArmed = false;
    this.moveStartT = NaN;
    this.moveFirstIdx = -1;
    return this.noteStart(t);
  }

  /** Bound the frame-after of queued steps by this start, and return the frame before it. */
  private noteStart(t: number): Frame | null {
    this.resolveAfters(t, false);
    return this.chooser.before(t);
  }

  private flushPending(_t: number): void {
    this.finalizeClick();
    this.finalizeTyping();
    this.finalizeScroll();
    if (this.keyPress !== null) this.finalizeKeyPress(undefined);
  }

  private setAnchor(x: number, y: number): void {
    this.anchorX = x;
    this.anchorY = y;
    this.hoverArmed = false;
    this.moveStartT = NaN;
    this.moveFirstIdx = -1;
  }

  /** Queue a finished action until its frame-after is known. */
  private finish(d: Draft): void {
    this.queue.push(d);
    this.resolveReady(this.lastT);
  }

  /**
   * Emit queued drafts whose frame-after is already held: the first frame at least `after_ms` after
   * the action, up to `now` (no later action has begun, or it would have been resolved already).
   */
  private resolveReady(now: number): void {
    const q = this.queue;
    while (q.length > 0) {
      const d = q[0]!;
      const f = this.chooser.firstBetween(d.end + this.params.observation.after_ms, now);
      if (f === null) return;
      d.after = f;
      q.shift();
      this.emit(d);
    }
  }

  /** Resolve every queued draft whose frame-after can no longer come before `limit` (a new action's start). */
  private resolveAfters(limit: number, atEnd: boolean): void {
    const q = this.queue;
    while (q.length > 0) {
      const d = q[0]!;
      if (!atEnd && limit < d.end) break;
      const target = d.end + this.params.observation.after_ms;
      d.after = this.chooser.firstBetween(target, limit) ?? this.chooser.latestBetween(d.end, limit);
      q.shift();
      this.emit(d);
    }
  }

  /** Privacy, numbering, delivery. */
  private emit(d: Draft): void {
    const rules: string[] = [];
    let level: SensitivityLevel = 1;
    let action = d.action;
    if (action.type === "type" && action.text.length > 0) {
      const r = this.redact(action.text, "typed");
      if (r.rules.length > 0 || r.text !== action.text) {
        for (const x of r.rules) rules.push("typed:" + x);
        rules.push("typed:raw_keys_withheld");
        action = { type: "type", text: r.text, keys: [] };
      }
      if (r.level > level) level = r.level;
    }
    let window = d.window;
    if (window !== null && (window.title !== undefined || window.url !== undefined)) {
      const w = this.redactWindow(window);
      window = w.w;
      for (const x of w.rules) rules.push(x);
      if (w.level > level) level = w.level;
    }
    if (level >= 4) {
      this.report.steps_dropped_privacy++;
      for (const x of rules) this.privacyCounts[x] = (this.privacyCounts[x] ?? 0) + 1;
      return;
    }
    for (const x of rules) this.privacyCounts[x] = (this.privacyCounts[x] ?? 0) + 1;
    if (d.before === null) this.report.steps_without_frame++;
    const step: Step = {
      index: this.stepIndex++,
      observation: { screenshot: d.before, after: d.after, window },
      action,
      timing: { start: d.start, end: d.end, duration_ms: Math.max(0, d.end - d.start) },
      raw_event_range: { first: Math.max(0, d.first), last: Math.max(0, d.first, d.last) },
      privacy: rules.length > 0 || level > 1 ? { rules: [...new Set(rules)], level } : { rules: [] },
    };
    this.report.steps++;
    this.onStep(step);
  }

  private redactWindow(w: WindowInfo): { w: WindowInfo | null; rules: string[]; level: SensitivityLevel } {
    if (this.redactedWindowSrc === w && this.redactedWindow) return this.redactedWindow;
    const out: WindowInfo = {};
    const rules: string[] = [];
    let level: SensitivityLevel = 1;
    if (w.app !== undefined) out.app = w.app;
    if (w.title !== undefined) {
      const r = this.redact(w.title, "title");
      out.title = r.text;
      for (const x of r.rules) rules.push("title:" + x);
      if (r.level > level) level = r.level;
    }
    if (w.url !== undefined) {
      const r = this.redact(w.url, "url");
      out.url = r.text;
      for (const x of r.rules) rules.push("url:" + x);
      if (r.level > level) level = r.level;
    }
    const res = { w: out, rules, level };
    this.redactedWindowSrc = w;
    this.redactedWindow = res;
    return res;
  }
}

const EMPTY: string[] = [];
const BUTTONS: ReadonlySet<string> = new Set(["left", "right", "middle", "back", "forward"]);

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function sameDisplays(a: readonly Display[], b: readonly Display[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.id !== y.id || x.x !== y.x || x.y !== y.y || x.w !== y.w || x.h !== y.h || x.scale !== y.scale)
      return false;
  }
  return true;
}

function round3(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/** Width (1 or 2 UTF-16 units) of the character ending at `i`. */
function charWidthBefore(s: string, i: number): number {
  const c = s.charCodeAt(i - 1);
  return c >= 0xdc00 && c <= 0xdfff && i >= 2 ? 2 : 1;
}

function charWidthAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && i + 1 < s.length ? 2 : 1;
}

/**
 * Reduce a whole (finite) event sequence.
 * @example reduceEvents([{ kind: "key_down", t: 0, code: 0, key: "a" }, { kind: "key_up", t: 50, code: 0, key: "a" }]).steps[0].action
 * // { type: "type", text: "a", keys: ["a"] }
 */
export function reduceEvents(
  events: Iterable<RawEvent>,
  opts: Omit<ReducerOptions, "onStep"> = {},
): { steps: Step[]; report: ReduceReport; reducer: Reducer } {
  const steps: Step[] = [];
  const reducer = new Reducer({ ...opts, onStep: (s) => steps.push(s) });
  for (const ev of events) reducer.push(ev);
  reducer.end();
  return { steps, report: reducer.report, reducer };
}
