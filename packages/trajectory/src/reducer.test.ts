import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RawEvent, ReduceParams, Step, type Action } from "@tracevault/core";
import { reduceEvents, Reducer } from "./reducer.js";
import { canonicalKey, comboId, typedChar } from "./keys.js";

const D: RawEvent = { kind: "display", t: 0, displays: [{ id: "0", x: 0, y: 0, w: 1000, h: 800, scale: 1 }] };
const down = (t: number, x: number, y: number, button: "left" | "right" | "middle" = "left"): RawEvent => ({
  kind: "mouse_down",
  t,
  x,
  y,
  button,
});
const up = (t: number, x: number, y: number, button: "left" | "right" | "middle" = "left"): RawEvent => ({
  kind: "mouse_up",
  t,
  x,
  y,
  button,
});
const move = (t: number, x: number, y: number): RawEvent => ({ kind: "mouse_move", t, x, y });
const kd = (t: number, key: string, char?: string): RawEvent => ({
  kind: "key_down",
  t,
  code: 0,
  key,
  ...(char ? { char } : {}),
});
const ku = (t: number, key: string): RawEvent => ({ kind: "key_up", t, code: 0, key });
const tap = (t: number, key: string, char?: string): RawEvent[] => [kd(t, key, char), ku(t + 50, key)];

function actions(events: RawEvent[], params = {}): Action[] {
  return reduceEvents(events, { params: { append_terminate: false, ...params } }).steps.map((s) => s.action);
}

describe("clicks", () => {
  it("single, double, triple by interval and radius", () => {
    expect(actions([D, down(0, 10, 10), up(60, 10, 10)])).toEqual([
      { type: "click", x: 10, y: 10, button: "left" },
    ]);
    expect(actions([D, down(0, 10, 10), up(60, 10, 10), down(200, 12, 11), up(260, 12, 11)])).toEqual([
      { type: "double_click", x: 10, y: 10 },
    ]);
    const triple = [
      D,
      down(0, 10, 10),
      up(60, 10, 10),
      down(200, 10, 10),
      up(260, 10, 10),
      down(400, 10, 10),
      up(450, 10, 10),
    ];
    expect(actions(triple)).toEqual([{ type: "triple_click", x: 10, y: 10 }]);
    // too slow, or too far: two clicks
    expect(
      actions([D, down(0, 10, 10), up(60, 10, 10), down(700, 10, 10), up(760, 10, 10)]).map((a) => a.type),
    ).toEqual(["click", "click"]);
    expect(
      actions([D, down(0, 10, 10), up(60, 10, 10), down(200, 20, 10), up(260, 20, 10)]).map((a) => a.type),
    ).toEqual(["click", "click"]);
    // the OS's own double-click time is a parameter
    expect(
      actions([D, down(0, 10, 10), up(60, 10, 10), down(700, 10, 10), up(760, 10, 10)], {
        click_interval_ms: 800,
      })[0]!.type,
    ).toBe("double_click");
  });
  it("right, middle, modifiers, long press", () => {
    expect(actions([D, down(0, 5, 5, "right"), up(50, 5, 5, "right")])).toEqual([
      { type: "right_click", x: 5, y: 5 },
    ]);
    expect(actions([D, down(0, 5, 5, "middle"), up(50, 5, 5, "middle")])).toEqual([
      { type: "middle_click", x: 5, y: 5 },
    ]);
    expect(actions([D, kd(0, "ctrl"), down(10, 5, 5), up(50, 5, 5), ku(80, "ctrl")])).toEqual([
      { type: "click", x: 5, y: 5, button: "left", modifiers: ["ctrl"] },
    ]);
    expect(actions([D, down(0, 5, 5), up(1000, 5, 5)])).toEqual([
      { type: "click", x: 5, y: 5, button: "left", press_ms: 1000 },
    ]);
  });
  it("drag with its full path, above the threshold only", () => {
    const a = actions([
      D,
      down(0, 100, 100),
      move(20, 103, 101),
      move(40, 120, 110),
      move(60, 150, 130),
      up(80, 150, 130),
    ]);
    expect(a).toHaveLength(1);
    const d = a[0]!;
    expect(d.type).toBe("drag");
    if (d.type !== "drag") return;
    expect(d.path.map((p) => [p.x, p.y])).toEqual([
      [100, 100],
      [103, 101],
      [120, 110],
      [150, 130],
    ]);
    expect(actions([D, down(0, 100, 100), move(20, 104, 102), up(80, 104, 102)])[0]!.type).toBe("click");
  });
  it("thins very long drag paths to the configured bound", () => {
    const ev: RawEvent[] = [D, down(0, 0, 0)];
    for (let i = 1; i < 10000; i++) ev.push(move(i, i % 1000, Math.floor(i / 1000)));
    ev.push(up(10001, 999, 9));
    const { steps, report } = reduceEvents(ev, {
      params: { max_drag_path_points: 100, append_terminate: false },
    });
    const d = steps[0]!.action;
    expect(d.type).toBe("drag");
    if (d.type === "drag") {
      expect(d.path.length).toBeLessThanOrEqual(101);
      expect(d.path[d.path.length - 1]).toMatchObject({ x: 999, y: 9 });
    }
    expect(report.drag_paths_thinned).toBe(1);
  });
});

describe("scroll", () => {
  const wheel = (
    t: number,
    notches: number,
    axis: "vertical" | "horizontal" = "vertical",
    pixels?: number,
  ): RawEvent => ({
    kind: "wheel",
    t,
    x: 50,
    y: 50,
    axis,
    notches,
    ...(pixels !== undefined ? { pixels } : {}),
  });
  it("merges a burst, splits on direction change and on gaps", () => {
    const a = actions([
      D,
      wheel(0, -1),
      wheel(50, -1),
      wheel(100, -1),
      wheel(150, 1),
      wheel(200, 1),
      wheel(1000, 1),
    ]);
    expect(a.map((x) => x.type === "scroll" && x.counts)).toEqual([
      { up: 0, down: 3, left: 0, right: 0 },
      { up: 2, down: 0, left: 0, right: 0 },
      { up: 1, down: 0, left: 0, right: 0 },
    ]);
    const s = a[0]!;
    if (s.type === "scroll") {
      expect(s.notches).toEqual({ x: 0, y: -3 });
      expect(s.pixels).toEqual({ x: 0, y: 300 });
      expect(s.pixels_measured).toBe(false);
    }
  });
  it("keeps measured pixel deltas and both axes", () => {
    const a = actions([D, wheel(0, -0.5, "vertical", 40), wheel(20, 1, "horizontal", 120)]);
    expect(a).toHaveLength(1);
    const s = a[0]!;
    if (s.type !== "scroll") throw new Error("not a scroll");
    expect(s.counts).toEqual({ up: 0, down: 0.5, left: 0, right: 1 });
    expect(s.pixels).toEqual({ x: 120, y: 40 });
    expect(s.pixels_measured).toBe(true);
  });
});

describe("typing", () => {
  it("applies backspace, delete and cursor moves; shift+printable is typing", () => {
    const ev = [
      D,
      ...tap(0, "h"),
      ...tap(100, "e"),
      ...tap(200, "x"),
      ...tap(300, "backspace"),
      ...tap(400, "l"),
      ...tap(500, "left"),
      ...tap(600, "l"),
    ];
    ev.push(
      ...tap(700, "right"),
      ...tap(800, "o"),
      kd(900, "shift"),
      kd(910, "1"),
      ku(950, "1"),
      ku(960, "shift"),
    );
    const a = actions(ev);
    expect(a).toHaveLength(1);
    expect(a[0]).toMatchObject({ type: "type", text: "hello!" });
  });
  it("uses the recorded character (layouts, AltGr) over the key name", () => {
    expect(actions([D, ...tap(0, "e", "é"), ...tap(100, "q", "@")])[0]).toMatchObject({ text: "é@" });
  });
  it("ends at enter, tab and hotkeys; enter is its own key step", () => {
    const a = actions([
      D,
      ...tap(0, "a"),
      ...tap(100, "enter"),
      ...tap(200, "b"),
      kd(300, "ctrl"),
      ...tap(310, "s"),
      ku(400, "ctrl"),
    ]);
    expect(a).toEqual([
      { type: "type", text: "a", keys: ["a"] },
      { type: "key", key: "enter", count: 1 },
      { type: "type", text: "b", keys: ["b"] },
      { type: "hotkey", keys: ["ctrl", "s"], count: 1 },
    ]);
  });
  it("an edit reaching outside the typed text becomes a key step", () => {
    const a = actions([D, ...tap(0, "a"), ...tap(100, "backspace"), ...tap(200, "backspace")]);
    expect(a).toEqual([{ type: "key", key: "backspace", count: 1 }]);
  });
});

describe("keys", () => {
  it("hotkeys in held order, canonical names; recorder control hotkeys removed", () => {
    const ev = [
      D,
      kd(0, "Control_L"),
      kd(10, "Shift_R"),
      ...tap(20, "T"),
      ku(100, "Shift_R"),
      ku(110, "Control_L"),
    ];
    expect(actions(ev)).toEqual([{ type: "hotkey", keys: ["ctrl", "shift", "t"], count: 1 }]);
    const ctl = [
      D,
      kd(0, "ctrl"),
      kd(5, "alt"),
      kd(10, "shift"),
      ...tap(20, "p"),
      ku(100, "shift"),
      ku(101, "alt"),
      ku(102, "ctrl"),
    ];
    const r = reduceEvents(ctl, { params: { append_terminate: false } });
    expect(r.steps).toHaveLength(0);
    expect(r.report.control_hotkeys_removed).toBe(1);
  });
  it("hold_key for a long press, key count for auto-repeat, lone modifier taps", () => {
    expect(actions([D, kd(0, "down"), kd(500, "down"), kd(533, "down"), ku(1500, "down")])).toEqual([
      { type: "hold_key", keys: ["down"], duration_ms: 1500 },
    ]);
    expect(actions([D, kd(0, "down"), kd(500, "down"), ku(600, "down")])).toEqual([
      { type: "key", key: "down", count: 2 },
    ]);
    expect(actions([D, ...tap(0, "meta")])).toEqual([{ type: "key", key: "meta", count: 1 }]);
    const r = reduceEvents([D, ...tap(0, "shift")], { params: { append_terminate: false } });
    expect(r.steps).toHaveLength(0);
    expect(r.report.ignored_modifier_taps).toBe(1);
  });
  it("canonical key names", () => {
    expect(canonicalKey("Return")).toBe("enter");
    expect(canonicalKey("Page_Down")).toBe("pagedown");
    expect(canonicalKey("cmd_r")).toBe("meta");
    expect(canonicalKey(" ")).toBe("space");
    expect(comboId("Shift+Ctrl+P")).toBe("ctrl+shift+p");
    expect(typedChar("a", undefined, true)).toBe("A");
    expect(typedChar("a", "\u0001", false)).toBeUndefined();
  });
});

describe("waits and hovers", () => {
  it("a long idle gap is a wait step", () => {
    const a = actions([D, down(0, 10, 10), up(50, 10, 10), down(5000, 10, 10), up(5050, 10, 10)]);
    expect(a.map((x) => x.type)).toEqual(["click", "wait", "click"]);
    expect(a[1]).toEqual({ type: "wait", duration_ms: 4950 });
  });
  it("resting after travelling is a mouse_move, unless the next press is right there", () => {
    const travel = [move(100, 200, 200), move(120, 300, 300), move(140, 400, 400)];
    const hover = actions([D, down(0, 10, 10), up(50, 10, 10), ...travel, ...tap(2000, "escape")]);
    expect(hover.map((x) => x.type)).toEqual(["click", "mouse_move", "key"]);
    expect(hover[1]).toEqual({ type: "mouse_move", x: 400, y: 400 });
    const noHover = actions([
      D,
      down(0, 10, 10),
      up(50, 10, 10),
      ...travel,
      down(2000, 401, 400),
      up(2050, 401, 400),
    ]);
    expect(noHover.map((x) => x.type)).toEqual(["click", "click"]);
  });
});

describe("bad input is counted, never fatal, never a wrong action", () => {
  it("out-of-order timestamps, key-up without key-down, stuck button, display change, unknown kinds", () => {
    const ev = [
      D,
      ku(0, "a"),
      { kind: "mouse_up", t: 1, x: 5, y: 5, button: "left" },
      { kind: "teleport", t: 2 } as unknown as RawEvent,
      down(10, 5, 5),
      up(5, 5, 5), // out of order: treated as at t=10
      { kind: "display", t: 20, displays: [{ id: "0", x: 0, y: 0, w: 800, h: 600, scale: 2 }] } as RawEvent,
      move(30, 5000, 5000), // outside every display
      down(40, 50, 50),
    ];
    const r = reduceEvents(ev as RawEvent[], { params: { append_terminate: false } });
    expect(r.report).toMatchObject({
      key_up_without_down: 1,
      mouse_up_without_down: 1,
      unknown_kinds: 1,
      out_of_order: 1,
      display_changes: 1,
      outside_display_dropped: 1,
      stuck_buttons_at_end: 1,
    });
    expect(r.steps.map((s) => s.action.type)).toEqual(["click"]);
  });
  it("survives any garbage (property)", () => {
    const anyEvent = fc.oneof(
      fc.record({
        kind: fc.constantFrom(
          "mouse_move",
          "mouse_down",
          "mouse_up",
          "wheel",
          "key_down",
          "key_up",
          "focus",
          "screenshot",
          "marker",
          "bogus",
        ),
        t: fc.oneof(fc.double(), fc.integer({ min: 0, max: 100000 })),
        x: fc.oneof(fc.double(), fc.integer({ min: -100, max: 3000 })),
        y: fc.integer({ min: -100, max: 3000 }),
        button: fc.constantFrom("left", "right", "middle", "x9"),
        key: fc.oneof(
          fc.constantFrom("a", "ctrl", "shift", "enter", "backspace", "left", "meta"),
          fc.string(),
        ),
        notches: fc.oneof(fc.double(), fc.integer({ min: -3, max: 3 })),
        axis: fc.constantFrom("vertical", "horizontal"),
        ref: fc.string(),
        w: fc.integer({ min: -1, max: 100 }),
        h: fc.integer({ min: 1, max: 100 }),
        name: fc.constantFrom("pause", "resume", "x"),
      }),
      fc.constant(D),
      fc.anything(),
    );
    fc.assert(
      fc.property(fc.array(anyEvent, { maxLength: 200 }), (evs) => {
        const steps: Step[] = [];
        const r = new Reducer({ onStep: (s) => steps.push(s) });
        for (const e of evs) r.push(e as RawEvent);
        const rep = r.end();
        expect(rep.events).toBe(evs.length);
        for (const s of steps) {
          const ok = Step.safeParse(s);
          if (!ok.success) console.log(JSON.stringify(s), ok.error.issues[0]);
          expect(ok.success).toBe(true);
        }
      }),
      { numRuns: Number(process.env.TV_GARBAGE_RUNS ?? 300) },
    );
  });
});

describe("privacy and parameters", () => {
  it("redacts typed text and titles; withholds raw keys; drops level-4 steps", () => {
    const redact = (text: string) =>
      text.includes("@")
        ? { text: "[EMAIL_ADDRESS]", rules: ["EMAIL_ADDRESS"], level: 3 as const }
        : text.includes("secret")
          ? { text, rules: ["SECRET"], level: 4 as const }
          : { text, rules: [], level: 1 as const };
    const ev: RawEvent[] = [D, { kind: "focus", t: 0, app: "mail", title: "to a@b.example" }];
    for (const [i, c] of Array.from("x@y.example").entries())
      ev.push(...tap(10 + i * 60, c === "@" ? "2" : c, c));
    ev.push(...tap(1000, "enter"));
    ev.push({ kind: "focus", t: 1100, app: "vault", title: "secret" }, ...tap(1200, "q"));
    const r = reduceEvents(ev, { redact, params: { append_terminate: false } });
    expect(r.steps[0]!.action).toEqual({ type: "type", text: "[EMAIL_ADDRESS]", keys: [] });
    expect(r.steps[0]!.privacy.rules).toEqual(
      expect.arrayContaining(["typed:EMAIL_ADDRESS", "typed:raw_keys_withheld", "title:EMAIL_ADDRESS"]),
    );
    expect(r.steps[0]!.observation.window).toEqual({ app: "mail", title: "[EMAIL_ADDRESS]" });
    expect(r.steps.map((s) => s.action.type)).toEqual(["type", "key"]);
    expect(r.report.steps_dropped_privacy).toBe(1);
    expect(r.reducer.privacyCounts["typed:EMAIL_ADDRESS"]).toBe(1);
  });
  it("records every threshold, with defaults", () => {
    const r = new Reducer({ onStep: () => {}, params: { drag_threshold_px: 9 } });
    expect(r.params).toEqual(ReduceParams.parse({ drag_threshold_px: 9 }));
    expect(r.params.click_interval_ms).toBe(500);
    expect(r.params.observation.stable_ms).toBe(300);
  });
});

describe("streaming", () => {
  it("memory stays bounded: internal buffers do not grow with the stream", () => {
    const r = new Reducer({ onStep: () => {} });
    r.push(D);
    let t = 0;
    for (let i = 0; i < 200000; i++) {
      t += 5;
      r.push(move(t, i % 1000, (i * 7) % 800));
      if (i % 50 === 0) r.push({ kind: "screenshot", t, ref: `f${i}.png`, w: 100, h: 80, diff: 0 });
      if (i % 100 === 0) {
        r.push(down(t, 5, 5));
        r.push(up(t + 1, 5, 5));
      }
    }
    const inner = r as unknown as { queue: unknown[]; chooser: { size: number } };
    expect(inner.queue.length).toBeLessThanOrEqual(2);
    expect(inner.chooser.size).toBeLessThanOrEqual(512);
    r.end();
  });
});
