import fc from "fast-check";
import { EVENT_KEYS } from "../src/ingest/validate.js";

/**
 * Generators of batch payloads for the validator and parser tests: mostly valid, each field sometimes absent
 * and sometimes any value at all, with numbers at every boundary the schemas draw.
 */
// Values of the wrong kind, and numbers at every boundary the schemas draw.
export const anyValue = fc.oneof(
  fc.constantFrom(
    null,
    undefined,
    true,
    false,
    0,
    -0,
    1,
    -1,
    0.5,
    1.5,
    2 ** 53 - 1,
    2 ** 53,
    -(2 ** 53),
    1e308,
    Infinity,
    -Infinity,
    NaN,
    "",
    "x",
    [],
    {},
    [1],
  ),
  fc.double(),
  fc.integer(),
  fc.string({ maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 3 }), fc.integer(), { maxKeys: 2 }),
);
export const mostly = <T>(valid: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 5, arbitrary: valid as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: anyValue });
export const finite = fc.double({ noNaN: true, noDefaultInfinity: true });
export const str = fc.string({ maxLength: 8 });
export const nonEmpty = fc.string({ minLength: 1, maxLength: 8 });

const modifiers = fc.record(
  {
    shift: mostly(fc.boolean()),
    ctrl: mostly(fc.boolean()),
    alt: mostly(fc.boolean()),
    meta: mostly(fc.boolean()),
    altgr: mostly(fc.boolean()),
    capslock: mostly(fc.boolean()),
    extra: anyValue,
  },
  { requiredKeys: [] },
);
const display = fc.record(
  {
    id: mostly(str),
    x: mostly(finite),
    y: mostly(finite),
    w: mostly(fc.double({ min: Number.MIN_VALUE, noNaN: true, noDefaultInfinity: true })),
    h: mostly(fc.double({ min: Number.MIN_VALUE, noNaN: true, noDefaultInfinity: true })),
    scale: mostly(fc.double({ min: 0, max: 4, noNaN: true })),
    primary: mostly(fc.boolean()),
    extra: anyValue,
  },
  { requiredKeys: [] },
);
export const FIELD: Record<string, fc.Arbitrary<unknown>> = {
  t: mostly(finite),
  x: mostly(finite),
  y: mostly(finite),
  code: mostly(fc.integer({ min: -2, max: 70_000 })),
  key: mostly(fc.oneof(nonEmpty, fc.constant(""))),
  char: mostly(str),
  mods: mostly(modifiers),
  button: mostly(fc.constantFrom("left", "right", "middle", "back", "forward", "LEFT", "")),
  axis: mostly(fc.constantFrom("vertical", "horizontal", "diagonal")),
  notches: mostly(finite),
  pixels: mostly(finite),
  app: mostly(str),
  title: mostly(str),
  url: mostly(str),
  pid: mostly(fc.integer()),
  window_id: mostly(str),
  ref: mostly(fc.oneof(nonEmpty, fc.constant(""))),
  w: mostly(fc.integer({ min: -1, max: 5000 })),
  h: mostly(fc.integer({ min: -1, max: 5000 })),
  display: mostly(str),
  hash: mostly(str),
  diff: mostly(fc.double({ min: -0.5, max: 1.5, noNaN: true })),
  video_pts: mostly(fc.double({ min: -1, max: 100, noNaN: true })),
  displays: mostly(fc.array(display, { maxLength: 3 })),
  name: mostly(fc.oneof(nonEmpty, fc.constant(""))),
};

/** An event of a known kind (usually), each field usually valid, sometimes absent, sometimes anything. */
export const event = fc
  .oneof(
    { weight: 12, arbitrary: fc.constantFrom(...(Object.keys(EVENT_KEYS) as (keyof typeof EVENT_KEYS)[])) },
    { weight: 1, arbitrary: anyValue },
  )
  .chain((kind) => {
    const keys = typeof kind === "string" && kind in EVENT_KEYS ? EVENT_KEYS[kind as "marker"] : ["t", "x"];
    const fields: Record<string, fc.Arbitrary<unknown>> = {};
    for (const k of keys) if (k !== "kind") fields[k] = FIELD[k]!;
    // A key of another kind, and an unknown one: both are dropped.
    fields.x = FIELD.x!;
    fields.extra = anyValue;
    return fc.record(fields, { requiredKeys: [] }).map((f) => ({ kind, ...f }));
  });
const eventOrJunk = fc.oneof({ weight: 20, arbitrary: event }, { weight: 1, arbitrary: anyValue });

const frame = fc.record({
  ref: mostly(fc.stringMatching(/^[A-Za-z0-9_.-]{1,12}$/)),
  mime: mostly(fc.constantFrom("image/jpeg", "image/webp", "image/png")),
  data: mostly(fc.base64String({ maxLength: 16 })),
});
const stats = fc.record(
  {
    droppedKeys: mostly(fc.nat()),
    droppedFrames: mostly(fc.nat()),
    blackedOutRegions: mostly(fc.nat()),
    excludedWindows: mostly(fc.nat()),
    redactedSpans: mostly(fc.nat()),
    spoolDroppedBatches: mostly(fc.nat()),
  },
  { requiredKeys: [] },
);
export const payload = fc.record(
  {
    v: fc.oneof({ weight: 10, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: anyValue }),
    events: fc.oneof(
      { weight: 15, arbitrary: fc.array(eventOrJunk, { maxLength: 6 }) },
      { weight: 1, arbitrary: anyValue },
    ),
    frames: fc.oneof(
      { weight: 15, arbitrary: fc.array(frame, { maxLength: 2 }) },
      { weight: 1, arbitrary: anyValue },
    ),
    stats: stats,
    extra: anyValue,
  },
  { requiredKeys: ["v", "events", "frames"] },
);

/** Text with everything JSON may have to escape: quotes, backslashes, controls, lone and paired surrogates. */
export const anyText = fc
  .array(
    fc.oneof(
      { weight: 6, arbitrary: fc.integer({ min: 0x20, max: 0x7e }) },
      { weight: 1, arbitrary: fc.constantFrom(0x22, 0x5c, 0x0a, 0x00, 0x1f, 0x7f, 0x2028, 0xfffd) },
      { weight: 1, arbitrary: fc.integer({ min: 0, max: 0xffff }) },
    ),
    { maxLength: 10 },
  )
  .map((cs) => String.fromCharCode(...cs));
const someText = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 10 }) },
  { weight: 1, arbitrary: anyText },
);
const someNumber = fc.oneof(
  fc.integer({ min: -1000, max: 100_000 }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -0, 0.1, 1e21, 1e-7, 123.456, 2 ** 53, 1e15, 999999999999999, 1000000000000000),
);
const bools = fc.record(
  {
    shift: fc.boolean(),
    ctrl: fc.boolean(),
    alt: fc.boolean(),
    meta: fc.boolean(),
    altgr: fc.boolean(),
    capslock: fc.boolean(),
  },
  { requiredKeys: [] },
);

/** Valid events of the kinds recorders send most, as recorders write them (fields in various orders). */
export const validEvent = fc
  .oneof(
    fc.record({ kind: fc.constant("mouse_move"), t: someNumber, x: someNumber, y: someNumber }),
    fc.record({
      kind: fc.constantFrom("mouse_down", "mouse_up"),
      t: someNumber,
      x: someNumber,
      y: someNumber,
      button: fc.constantFrom("left", "right", "middle", "back", "forward"),
    }),
    fc
      .record(
        {
          kind: fc.constantFrom("key_down", "key_up"),
          t: someNumber,
          code: fc.nat(70_000),
          key: someText.filter((k) => k.length > 0),
          char: someText,
          mods: bools,
        },
        { requiredKeys: ["kind", "t", "key"] },
      )
      .map((e) => {
        if (e.kind === "key_up") delete e.char;
        return e;
      }),
    fc.record(
      {
        kind: fc.constant("wheel"),
        t: someNumber,
        x: someNumber,
        y: someNumber,
        axis: fc.constantFrom("vertical", "horizontal"),
        notches: someNumber,
        pixels: someNumber,
      },
      { requiredKeys: ["kind", "t", "x", "y", "axis", "notches"] },
    ),
    fc.record(
      {
        kind: fc.constant("focus"),
        t: someNumber,
        app: someText,
        title: someText,
        url: someText,
        pid: fc.integer(),
        window_id: someText,
      },
      { requiredKeys: ["kind", "t"] },
    ),
    fc.record({ kind: fc.constant("marker"), t: someNumber, name: someText.filter((n) => n.length > 0) }),
  )
  .chain((e) =>
    // Keys after `kind` in any order (the recorder writes `mods` before `char`, `window_id` before `app`).
    fc
      .shuffledSubarray(Object.keys(e).slice(1), { minLength: Object.keys(e).length - 1 })
      .map((keys) =>
        Object.fromEntries([["kind", e.kind], ...keys.map((k) => [k, (e as Record<string, unknown>)[k]])]),
      ),
  );

export const validPayload = fc.record(
  {
    v: fc.constant(1),
    events: fc.array(validEvent, { maxLength: 12 }),
    frames: fc.constant([]),
    stats: fc.record(
      {
        droppedKeys: fc.nat(),
        droppedFrames: fc.nat(),
        blackedOutRegions: fc.nat(),
        excludedWindows: fc.nat(),
        redactedSpans: fc.nat(),
        spoolDroppedBatches: fc.nat(),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: ["v", "events", "frames"] },
);
