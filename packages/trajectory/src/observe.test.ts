import { describe, expect, it } from "vitest";
import { ObservationParams, type RawEvent, type ScreenshotEvent } from "@tracevault/core";
import { FrameChooser } from "./observe.js";
import { reduceEvents } from "./reducer.js";

const P = ObservationParams.parse({});
const shot = (t: number, extra: Partial<ScreenshotEvent> = {}): ScreenshotEvent => ({
  kind: "screenshot",
  t,
  ref: `f${t}.png`,
  w: 100,
  h: 50,
  ...extra,
});

function chooser(frames: ScreenshotEvent[]): FrameChooser {
  const c = new FrameChooser(P);
  c.setDisplays([{ id: "0", x: 0, y: 0, w: 200, h: 100, scale: 2 }]);
  for (const f of frames) c.add(f, f.t);
  return c;
}

describe("frame choice", () => {
  it("the last stable frame before the action, skipping an animation that just started", () => {
    // static from 0, hover effect starts at 900 (changing frames), click at 1000
    const c = chooser([
      shot(0, { diff: 1 }),
      shot(100, { diff: 0 }),
      shot(500, { diff: 0 }),
      shot(900, { diff: 0.2 }),
      shot(950, { diff: 0.2 }),
    ]);
    const f = c.before(1000)!;
    expect(f).toMatchObject({
      ref: "f500.png",
      rule: "stable",
      scale: { x: 0.5, y: 0.5 },
      origin: { x: 0, y: 0 },
    });
  });
  it("a screen that has been still is taken at its latest frame", () => {
    const c = chooser([shot(0, { hash: "a" }), shot(400, { hash: "a" }), shot(800, { hash: "a" })]);
    expect(c.before(1000)).toMatchObject({ ref: "f800.png", rule: "stable" });
  });
  it("without change information: the fallback offset, then the latest frame", () => {
    const c = chooser([shot(0), shot(500), shot(960)]);
    expect(c.before(1000)).toMatchObject({ ref: "f500.png", rule: "fallback_offset" });
    const d = chooser([shot(950)]);
    expect(d.before(1000)).toMatchObject({ ref: "f950.png", rule: "latest" });
    expect(chooser([shot(1500)]).before(1000)).toBeNull();
  });
  it("frames and video frames keep their source fields", () => {
    const c = chooser([shot(0, { video_pts: 12.5, ref: "screen.mp4#t=12.5" })]);
    expect(c.before(500)).toMatchObject({ video_pts: 12.5, ref: "screen.mp4#t=12.5" });
  });
  it("the frame after: first at least after_ms later, else the latest before the next action", () => {
    const ev: RawEvent[] = [
      { kind: "display", t: 0, displays: [{ id: "0", x: 0, y: 0, w: 200, h: 100, scale: 1 }] },
      shot(0, { diff: 0 }),
      { kind: "mouse_down", t: 1000, x: 5, y: 5, button: "left" },
      { kind: "mouse_up", t: 1050, x: 5, y: 5, button: "left" },
      shot(1200, { diff: 0.3 }),
      shot(1400, { diff: 0 }),
      { kind: "mouse_down", t: 2000, x: 50, y: 50, button: "right" },
      { kind: "mouse_up", t: 2050, x: 50, y: 50, button: "right" },
      shot(2100, { diff: 0.3 }),
      { kind: "key_down", t: 2200, code: 0, key: "escape" },
      { kind: "key_up", t: 2250, code: 0, key: "escape" },
    ];
    const { steps } = reduceEvents(ev, { params: { append_terminate: false } });
    expect(steps[0]!.observation.screenshot).toMatchObject({ ref: "f0.png", rule: "stable" });
    expect(steps[0]!.observation.after).toMatchObject({ ref: "f1400.png", rule: "after" });
    expect(steps[1]!.observation.after).toMatchObject({ ref: "f2100.png", rule: "before_next" });
    expect(steps[2]!.observation.after).toBeNull();
  });
});
