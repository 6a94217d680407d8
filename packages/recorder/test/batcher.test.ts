/** The batcher's fast event check agrees with the core zod schema (property test), and batches open. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RawEvent } from "@tracevault/core";
import { cleanEvent } from "../src/batcher.js";

const num = fc.oneof(fc.double(), fc.integer(), fc.constant(Number.NaN), fc.constant(Infinity), fc.string());
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const mods = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.record({
    shift: maybe(fc.oneof(fc.boolean(), fc.integer())),
    ctrl: maybe(fc.boolean()),
    capslock: maybe(fc.boolean()),
    extra: maybe(fc.string()),
  }),
);
const event = fc.oneof(
  fc.record({ kind: fc.constantFrom("mouse_move"), t: num, x: num, y: num, extra: maybe(fc.string()) }),
  fc.record({
    kind: fc.constantFrom("mouse_down", "mouse_up"),
    t: num,
    x: num,
    y: num,
    button: fc.constantFrom("left", "right", "middle", "back", "forward", "side", 1),
  }),
  fc.record({
    kind: fc.constantFrom("key_down", "key_up"),
    t: num,
    code: fc.oneof(fc.integer({ min: -2, max: 70000 }), fc.double()),
    key: fc.oneof(fc.string(), fc.constant(""), fc.integer()),
    char: maybe(fc.oneof(fc.string(), fc.integer())),
    mods,
  }),
  fc.record({
    kind: fc.constant("wheel"),
    t: num,
    x: num,
    y: num,
    axis: fc.constantFrom("vertical", "horizontal", "diagonal"),
    notches: num,
    pixels: maybe(num),
  }),
  fc.record({ kind: fc.constant("marker"), t: num, name: fc.string() }),
);

function strip(o: unknown): unknown {
  return JSON.parse(JSON.stringify(o));
}

describe("cleanEvent", () => {
  it("accepts exactly what the zod schema accepts, and yields the same event", () => {
    fc.assert(
      fc.property(event, (e) => {
        const z = RawEvent.safeParse(e);
        const c = cleanEvent(e as RawEvent);
        // zod's key_down/key_up give code a default; our events always carry one
        expect(c !== undefined).toBe(z.success);
        if (z.success) expect(strip(c)).toEqual(strip(z.data));
      }),
      { numRuns: 5000 },
    );
  });
});
