import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import type { Action } from "@tracevault/core";
import { scoreReduction, editDistance, type Faithfulness } from "./faithfulness.js";
import { reduceEvents } from "./reducer.js";
import {
  CAREFUL,
  fixScript,
  SCRIPT_VOCABULARY,
  SLOPPY,
  synthesize,
  type Persona,
  type ScriptAction,
} from "./synth.js";

const W = 1920;
const H = 1080;
const { NAMED_KEYS, HOLD_KEYS, HOT_MODS, HOT_KEYS, TEXT_CHARS } = SCRIPT_VOCABULARY;

const xy = { x: fc.integer({ min: 0, max: W - 1 }), y: fc.integer({ min: 0, max: H - 1 }) };

const actionArb: fc.Arbitrary<ScriptAction> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      type: fc.constant("click" as const),
      ...xy,
      button: fc.constant("left" as const),
    }),
  },
  { weight: 2, arbitrary: fc.record({ type: fc.constant("double_click" as const), ...xy }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant("triple_click" as const), ...xy }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant("right_click" as const), ...xy }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant("middle_click" as const), ...xy }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant("mouse_move" as const), ...xy }) },
  {
    weight: 2,
    arbitrary: fc
      .record({
        a: fc.record(xy),
        b: fc.record(xy),
        button: fc.constantFrom("left" as const, "right" as const),
      })
      .map(({ a, b, button }): ScriptAction => ({
        type: "drag",
        button,
        path: [
          { ...a, t: 0 },
          { ...b, t: 1 },
        ],
      })),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({
        ...xy,
        dir: fc.constantFrom("up", "down", "left", "right"),
        n: fc.integer({ min: 1, max: 12 }),
      })
      .map(({ x, y, dir, n }): ScriptAction => ({
        type: "scroll",
        x,
        y,
        counts: {
          up: dir === "up" ? n : 0,
          down: dir === "down" ? n : 0,
          left: dir === "left" ? n : 0,
          right: dir === "right" ? n : 0,
        },
        notches: { x: 0, y: 0 },
        pixels: { x: 0, y: 0 },
        pixels_measured: false,
      })),
  },
  {
    weight: 5,
    arbitrary: fc
      .array(fc.constantFrom(...Array.from(TEXT_CHARS)), { minLength: 1, maxLength: 40 })
      .map((cs): ScriptAction => ({ type: "type", text: cs.join(""), keys: [] })),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(...NAMED_KEYS).map((key): ScriptAction => ({ type: "key", key, count: 1 })),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom(...HOT_MODS), fc.constantFrom(...HOT_KEYS))
      .map(([m, k]): ScriptAction => ({ type: "hotkey", keys: [...m, k], count: 1 })),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...HOLD_KEYS), fc.integer({ min: 1300, max: 4000 }))
      .map(([k, d]): ScriptAction => ({ type: "hold_key", keys: [k], duration_ms: d })),
  },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: 3600, max: 9000 })
      .map((d): ScriptAction => ({ type: "wait", duration_ms: d })),
  },
);

const scriptArb = fc
  .array(actionArb, { minLength: 1, maxLength: 40 })
  .map((a) => fixScript(a, { w: W, h: H }));

interface Totals {
  runs: number;
  aligned: number;
  slots: number;
  pos: number[];
  dist: number;
  chars: number;
  details: number;
}
const totals: Record<string, Totals> = {};

function record(name: string, f: Faithfulness): void {
  const t = (totals[name] ??= { runs: 0, aligned: 0, slots: 0, pos: [], dist: 0, chars: 0, details: 0 });
  t.runs++;
  const slots = Math.max(f.expected, f.got);
  t.aligned += f.typeAccuracy * slots;
  t.slots += slots;
  t.pos.push(...f.positionErrors);
  t.dist += f.typingDistances.reduce((a, b) => a + b, 0);
  t.chars += f.typedChars;
  t.details += f.detailMismatches;
}

function run(script: ScriptAction[], seed: number, persona: Persona): Faithfulness {
  const events = synthesize(script, { seed, persona, frameEveryMs: seed % 2 === 0 ? 200 : 0 });
  const { steps, report } = reduceEvents(events);
  expect(report.out_of_order + report.key_up_without_down + report.mouse_up_without_down).toBe(0);
  const got: Action[] = steps.map((s) => s.action);
  expect(got[got.length - 1]).toEqual({ type: "terminate", status: "success" });
  return scoreReduction(script, got.slice(0, -1));
}

describe("faithfulness: synthesised human input reduces back to the actions performed", () => {
  for (const [name, persona, maxErr] of [
    ["careful", CAREFUL, Math.SQRT2 * CAREFUL.landingJitterPx],
    ["sloppy", SLOPPY, Math.SQRT2 * SLOPPY.landingJitterPx],
  ] as const) {
    it(`${name} person: same action types, details, text; clicks within the landing jitter`, () => {
      fc.assert(
        fc.property(scriptArb, fc.integer({ min: 1, max: 2 ** 31 - 1 }), (script, seed) => {
          const f = run(script, seed, persona);
          record(name, f);
          expect(f.typeAccuracy).toBe(1);
          expect(f.detailMismatches).toBe(0);
          expect(f.typingDistances.every((d) => d === 0)).toBe(true);
          for (const e of f.positionErrors) expect(e).toBeLessThanOrEqual(maxErr + 1e-9);
        }),
        { numRuns: 300 },
      );
    });
  }

  afterAll(() => {
    for (const [name, t] of Object.entries(totals)) {
      const mean = t.pos.reduce((a, b) => a + b, 0) / Math.max(1, t.pos.length);
      const max = t.pos.reduce((a, b) => Math.max(a, b), 0);
      console.log(
        `faithfulness ${name}: runs=${t.runs} actions=${t.slots} type_accuracy=${(t.aligned / t.slots).toFixed(4)} ` +
          `click_error_px mean=${mean.toFixed(3)} max=${max.toFixed(3)} typing_edit_distance=${t.dist}/${t.chars} chars ` +
          `(CER ${(t.dist / Math.max(1, t.chars)).toFixed(4)}) detail_mismatches=${t.details}`,
      );
    }
  });
});

describe("scoreReduction", () => {
  it("edit distance", () => {
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
  });
  it("aligns around a missing action", () => {
    const a: Action[] = [
      { type: "click", x: 0, y: 0, button: "left" },
      { type: "type", text: "hi", keys: [] },
      { type: "key", key: "enter", count: 1 },
    ];
    const f = scoreReduction(a, [a[0]!, a[2]!]);
    expect(f.typeAccuracy).toBeCloseTo(2 / 3);
  });
});
