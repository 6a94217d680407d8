import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fastParsePayload } from "../src/ingest/fast-json.js";
import { validatePayload } from "../src/ingest/validate.js";
import { anyText, payload, validEvent, validPayload } from "./payload-arbitraries.js";

/**
 * The one rule: when the fast parser answers, `JSON.parse` + `validatePayload` give the same answer; and when
 * it says `exact`, the text is exactly the serialization of what was parsed (nothing in it the result lacks).
 */
function sound(text: string): "fast" | "slow" {
  const fast = fastParsePayload(text);
  let slow: ReturnType<typeof validatePayload> | undefined;
  try {
    slow = validatePayload(JSON.parse(text));
  } catch {
    slow = undefined;
  }
  if (!fast) return "slow";
  expect(slow, `fast path accepted what the general path refuses: ${text.slice(0, 300)}`).toBeDefined();
  expect(fast.payload).toStrictEqual(slow!.payload);
  expect(JSON.stringify(fast.payload)).toBe(JSON.stringify(slow!.payload));
  expect(fast.keyDowns).toBe(slow!.keyDowns);
  expect(fast.focusTexts).toBe(slow!.focusTexts);
  if (fast.exact) {
    expect(JSON.stringify(JSON.parse(text))).toBe(text);
    expect(JSON.parse(text)).toEqual(fast.payload);
  }
  return "fast";
}

/** Edits that keep a text JSON-looking: the characters the parser branches on, and copies of its own pieces. */
const edit = (text: string) =>
  fc.oneof(
    fc.record({
      at: fc.nat(text.length),
      del: fc.integer({ min: 0, max: 3 }),
      ins: fc.oneof(
        fc.constantFrom(
          " ",
          '"',
          "\\",
          ",",
          ":",
          "{",
          "}",
          "[",
          "]",
          "0",
          "-",
          ".",
          "e",
          "+",
          "1",
          "\\u0041",
          "\n",
        ),
        fc.constantFrom(
          '"t":1,',
          ',"t":1',
          ',"key":"a"',
          ',"code":01',
          ',"x":-0',
          ',"extra":1',
          "true",
          "null",
        ),
        anyText,
      ),
    }),
    // Repeat a slice of the text itself (duplicated keys, events, fields).
    fc.record({ at: fc.nat(text.length), from: fc.nat(text.length), len: fc.integer({ min: 1, max: 40 }) }),
  );

function apply(
  text: string,
  e: { at: number; del?: number; ins?: string; from?: number; len?: number },
): string {
  const ins = e.ins ?? text.slice(e.from!, e.from! + e.len!);
  return text.slice(0, e.at) + ins + text.slice(e.at + (e.del ?? 0));
}

describe("fastParsePayload", () => {
  it("property: payloads as recorders write them (keys in any order after kind) take the fast path, soundly", () => {
    let fast = 0;
    fc.assert(
      fc.property(validPayload, (p) => {
        const text = JSON.stringify(p);
        const path = sound(text);
        // Only text with something escaped leaves it.
        if (!text.includes("\\")) expect(path, text).toBe("fast");
        if (path === "fast") fast++;
      }),
      { numRuns: 3_000 },
    );
    expect(fast).toBeGreaterThan(500);
  });

  it("property: generated payloads, valid and invalid, never get a different answer", () => {
    fc.assert(
      fc.property(payload, (p) => {
        const text = JSON.stringify(p);
        if (text !== undefined) sound(text);
      }),
      { numRuns: 5_000 },
    );
  });

  it("property: random edits of valid texts (whitespace, escapes, duplicated keys, bad numbers) never get a different answer", () => {
    const withEdits = validPayload
      .map((p) => JSON.stringify(p))
      .chain((text) => fc.tuple(fc.constant(text), fc.array(edit(text), { minLength: 1, maxLength: 3 })));
    fc.assert(
      fc.property(withEdits, ([text, edits]) => {
        let t = text;
        for (const e of edits) t = apply(t, e);
        sound(t);
      }),
      { numRuns: 20_000 },
    );
  });

  it("takes what the recorder sends: mods before char, window_id first, stats", () => {
    const text = JSON.stringify({
      v: 1,
      events: [
        { kind: "focus", t: 10.25, window_id: "0x1a", app: "Editor", title: "Notes — draft", pid: 4242 },
        {
          kind: "key_down",
          t: 11,
          code: 30,
          key: "a",
          mods: { shift: false, ctrl: false, alt: false, meta: false, altgr: false, capslock: false },
          char: "a",
        },
        { kind: "key_up", t: 12, code: 30, key: "a", mods: { shift: false } },
        { kind: "mouse_move", t: 13.5, x: -20, y: 1e21 },
        { kind: "wheel", t: 14, x: 1, y: 2, axis: "vertical", notches: -1.5, pixels: 40 },
        { kind: "mouse_down", t: 15, x: 1, y: 2, button: "left" },
        { kind: "marker", t: 16, name: "pause" },
      ],
      frames: [],
      stats: {
        droppedKeys: 0,
        droppedFrames: 0,
        blackedOutRegions: 0,
        excludedWindows: 1,
        redactedSpans: 2,
        spoolDroppedBatches: 0,
      },
    });
    expect(sound(text)).toBe("fast");
    const r = fastParsePayload(text)!;
    expect(r.exact).toBe(true);
    expect(r.keyDowns).toBe(1);
    expect(r.focusTexts).toBe(1);
    // Keys come out in schema order, as zod gives them.
    expect(Object.keys(r.payload.events[1]!)).toEqual(["kind", "t", "code", "key", "char", "mods"]);
  });

  it("fills defaults like zod, and then the text is not exact", () => {
    const r = fastParsePayload(
      '{"v":1,"events":[{"kind":"key_up","t":1,"key":"a"}],"frames":[],"stats":{}}',
    )!;
    expect(r.payload).toEqual({
      v: 1,
      events: [{ kind: "key_up", t: 1, code: 0, key: "a" }],
      frames: [],
      stats: {
        droppedKeys: 0,
        droppedFrames: 0,
        blackedOutRegions: 0,
        excludedWindows: 0,
        redactedSpans: 0,
        spoolDroppedBatches: 0,
      },
    });
    expect(r.exact).toBe(false);
  });

  it("leaves everything outside its subset to the general path", () => {
    const ev = (e: string) => `{"v":1,"events":[${e}],"frames":[]}`;
    for (const text of [
      ev('{"kind":"mouse_move","t":1,"x":2,"y":3} '), // whitespace
      ev('{"kind":"focus","t":1,"title":"say \\"hi\\""}'), // escapes
      ev('{"kind":"mouse_move","t":1.0,"x":2,"y":3}'), // a number not as JSON.stringify writes it
      ev('{"kind":"mouse_move","t":1,"x":2,"y":3,"x":4}'), // a repeated key
      ev('{"kind":"mouse_move","t":1,"x":2,"y":3,"z":4}'), // an unknown key (zod drops it)
      ev('{"t":1,"kind":"mouse_move","x":2,"y":3}'), // kind not first
      ev('{"kind":"display","t":1,"displays":[{"id":"a","x":0,"y":0,"w":1,"h":1}]}'),
      '{"v":1,"events":[],"frames":[{"ref":"a","mime":"image/png","data":"AA=="}]}',
      ev('{"kind":"key_down","t":1,"key":""}'), // refused by the schema: the general path says why
      ev('{"kind":"focus","t":1,"title":"a\ud800b"}'), // a raw lone surrogate (JSON.stringify escapes it)
      ev('{"kind":"focus","t":1,"title":"a\udc00"}'),
    ])
      expect(fastParsePayload(text), text).toBeUndefined();
    // A well-formed pair is written as is.
    const emoji = ev('{"kind":"focus","t":1,"title":"ok \ud83d\ude00"}');
    expect(sound(emoji)).toBe("fast");
    expect(fastParsePayload(emoji)!.exact).toBe(true);
  });

  it("property: single valid events round-trip through the fast path", () => {
    fc.assert(
      fc.property(validEvent, (e) => {
        sound(JSON.stringify({ v: 1, events: [e], frames: [] }));
      }),
      { numRuns: 5_000 },
    );
  });
});
