import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BatchPayload, Display, ModifierState, RawEvent } from "@tracevault/core";
import {
  DISPLAY_KEYS,
  EVENT_KEYS,
  MAX_EVENTS,
  MODIFIER_KEYS,
  PayloadError,
  validatePayload,
} from "../src/ingest/validate.js";
import { event, payload } from "./payload-arbitraries.js";

/** Both verdicts on one input: accepted with the same output (same keys, same order), or both refused. */
function sameVerdict(input: unknown): void {
  const z = BatchPayload.safeParse(input);
  let mine: ReturnType<typeof validatePayload> | undefined;
  let err: unknown;
  try {
    mine = validatePayload(input);
  } catch (e) {
    err = e;
  }
  if (z.success) {
    expect(err, `zod accepts ${safeJson(input)} but the validator says ${String(err)}`).toBeUndefined();
    expect(mine!.payload).toStrictEqual(z.data);
    expect(JSON.stringify(mine!.payload)).toBe(JSON.stringify(z.data));
    expect(mine!.keyDowns).toBe(z.data.events.filter((e) => e.kind === "key_down").length);
  } else {
    expect(
      mine,
      `zod refuses ${safeJson(input)} (${z.error.issues[0]?.message}) but the validator accepts it`,
    ).toBeUndefined();
    expect(err).toBeInstanceOf(PayloadError);
  }
}

function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v)?.slice(0, 400) ?? String(v);
  } catch {
    return String(v);
  }
}

describe("the fast payload validator accepts exactly what BatchPayload accepts", () => {
  it("property: single events, valid and invalid, get zod's verdict and zod's output", () => {
    let accepted = 0;
    fc.assert(
      fc.property(event, (e) => {
        sameVerdict({ v: 1, events: [e], frames: [] });
        if (RawEvent.safeParse(e).success) accepted++;
      }),
      { numRuns: 20_000 },
    );
    // The generator reaches both sides of the boundary.
    expect(accepted).toBeGreaterThan(2_000);
    expect(accepted).toBeLessThan(18_000);
  });

  it("property: whole payloads (envelope, frames, stats, junk) get zod's verdict and zod's output", () => {
    fc.assert(fc.property(payload, sameVerdict), { numRuns: 5_000 });
  });

  it("property: the same after a JSON round trip (what ingest actually sees)", () => {
    fc.assert(
      fc.property(payload, (p) => {
        const text = JSON.stringify(p);
        if (text !== undefined) sameVerdict(JSON.parse(text));
      }),
      { numRuns: 3_000 },
    );
  });

  it("boundary cases by hand", () => {
    const ok = (events: unknown[]) => sameVerdict({ v: 1, events, frames: [] });
    ok([{ kind: "key_down", t: 1, key: "a" }]); // code defaults to 0
    ok([{ kind: "key_down", t: 1, key: "a", code: -0 }]);
    ok([{ kind: "key_down", t: 1, key: "a", code: 2 ** 53 }]); // not a safe integer
    ok([{ kind: "key_up", t: 1, key: "" }]);
    ok(JSON.parse(`[{"kind":"mouse_move","t":1e999,"x":0,"y":0}]`)); // JSON.parse makes 1e999 Infinity
    ok([{ kind: "screenshot", t: 0, ref: "a", w: 1, h: 1, diff: 1, video_pts: -0 }]);
    ok([{ kind: "screenshot", t: 0, ref: "a", w: 1.5, h: 1 }]);
    ok([{ kind: "display", t: 0, displays: [] }]);
    ok([{ kind: "display", t: 0, displays: [{ id: "d", x: 0, y: 0, w: 1, h: 1 }] }]); // scale defaults to 1
    ok([{ kind: "display", t: 0, displays: [{ id: "d", x: 0, y: 0, w: 1, h: 1, scale: 0 }] }]);
    ok([{ kind: "focus", t: 0, pid: 1.5 }]);
    ok([{ kind: "focus", t: 0, title: "x", mods: { shift: 1 } }]);
    ok([{ kind: "key_down", t: 0, key: "a", mods: { shift: true, hyper: true } }]);
    ok([{ kind: "key_down", t: 0, key: "a", mods: null }]);
    ok([{ kind: "nope", t: 0 }]);
    ok([null]);
    ok([[]]);
    sameVerdict({ v: 1, events: "x", frames: [] });
    sameVerdict({ v: 1, frames: [] });
    sameVerdict(
      JSON.parse('{"v":1,"events":[{"kind":"marker","t":0,"name":"n","__proto__":{"x":1}}],"frames":[]}'),
    );
    sameVerdict([]);
    sameVerdict(null);
  });

  it(`refuses more than ${MAX_EVENTS} events, as zod does`, () => {
    const e = { kind: "mouse_move", t: 0, x: 0, y: 0 };
    sameVerdict({ v: 1, events: new Array(MAX_EVENTS).fill(e), frames: [] });
    sameVerdict({ v: 1, events: new Array(MAX_EVENTS + 1).fill(e), frames: [] });
  });

  it("knows every kind and every key of core's schemas (a new field there fails here first)", () => {
    const kinds = RawEvent.options.map((o) => o.shape.kind.value as string).sort();
    expect(Object.keys(EVENT_KEYS).sort()).toEqual(kinds);
    for (const o of RawEvent.options)
      expect(EVENT_KEYS[o.shape.kind.value as keyof typeof EVENT_KEYS]).toEqual(Object.keys(o.shape));
    expect([...MODIFIER_KEYS]).toEqual(Object.keys(ModifierState.shape));
    expect([...DISPLAY_KEYS]).toEqual(Object.keys(Display.shape));
  });

  it("names the path and the problem, never the value", () => {
    expect(() =>
      validatePayload({
        v: 1,
        events: [
          { kind: "mouse_move", t: 0, x: 0, y: 0 },
          { kind: "key_down", t: "secret-value", key: "a" },
        ],
        frames: [],
      }),
    ).toThrow(/^events\.1\.t: expected a finite number, got string$/);
    expect(() => validatePayload({ v: 1, events: [{ kind: "warp", t: 0 }], frames: [] })).toThrow(
      /^events\.0\.kind: unknown event kind$/,
    );
  });
});
