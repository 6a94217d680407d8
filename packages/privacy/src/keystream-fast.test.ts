/**
 * The plain-typing fast path (KeystreamRedactor in plain mode, filterRawKeys without event objects) must give
 * exactly what the general edit-buffer model gives: these properties run both on the same random streams
 * (`plainFastPath: false` forces the general model) and require deep-equal results and the same analyser calls.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { KeyDownEvent, ModifierState, RawEvent } from "@tracevault/core";
import { luhnValid } from "./checksums.js";
import { analyze } from "./engine.js";
import { filterRawKeys, keystreamFromRaw } from "./keystream-raw.js";
import {
  detectInKeystream,
  KeystreamBuffer,
  KeystreamRedactor,
  type KeystreamAnalyzer,
  type KeystreamEvent,
  type KeystreamKey,
  type KeystreamRedactorOptions,
} from "./keystream.js";
import { KEYSTREAM_KEYS } from "./keystream-buffer.js";
import { normalizedTextView, normalizedView } from "./keystream-views.js";

// ---- analysers ----------------------------------------------------------------------------------------

const EMAIL_RE = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const CARD_RE = /\d(?:[ -]?\d){12,18}/g;
const SECRET_RE = /Fake[A-Za-z0-9]{2,}/g;
const PHONE_RE = /555[ -.]?01\d\d/g;

/** Emails, Luhn-valid cards, "Fake..." secrets, and a level-1 phone pattern (below some minLevel options). */
const stub: KeystreamAnalyzer = (t) => {
  const spans = [];
  for (const m of t.matchAll(EMAIL_RE))
    spans.push({ start: m.index, end: m.index + m[0].length, type: "EMAIL_ADDRESS", level: 3 });
  for (const m of t.matchAll(CARD_RE))
    if (luhnValid(m[0].replace(/\D/g, "")))
      spans.push({ start: m.index, end: m.index + m[0].length, type: "CREDIT_CARD", level: 4 });
  for (const m of t.matchAll(SECRET_RE))
    spans.push({ start: m.index, end: m.index + m[0].length, type: "SECRET", level: 4 });
  for (const m of t.matchAll(PHONE_RE))
    spans.push({ start: m.index, end: m.index + m[0].length, type: "PHONE", level: 1 });
  return { spans };
};

/** Wraps an analyser to record the texts it is given. */
function recording(fn: KeystreamAnalyzer): { fn: KeystreamAnalyzer; calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    fn: (t) => {
      calls.push(t);
      return fn(t);
    },
  };
}

// ---- fake values ---------------------------------------------------------------------------------------

/** A Luhn-valid 16-digit test card number starting with 4000 (obviously fake). */
function fakeCard(body: number): string {
  const base = "4000" + String(body).padStart(11, "0");
  for (let c = 0; c < 10; c++) if (luhnValid(base + c)) return base + c;
  throw new Error("unreachable: one check digit always fits");
}

const fakeValue = fc.oneof(
  fc.nat({ max: 999 }).map((n) => [`user${n}@example.com`]),
  fc.nat({ max: 99_999_999 }).map((n) => [fakeCard(n)]),
  fc.nat({ max: 99_999_999 }).map((n) => [fakeCard(n).match(/.{4}/g)!.join(" ")]),
  fc.nat({ max: 99_999_999 }).map((n) => [fakeCard(n).split("").join(" ")]),
  fc.nat({ max: 99_999_999 }).map((n) => [fakeCard(n).match(/.{4}/g)!.join("-")]),
  // separators only the normalised view removes for these analysers
  fc.nat({ max: 99_999_999 }).map((n) => [fakeCard(n).match(/.{4}/g)!.join(".")]),
  fc.nat({ max: 99_999_999 }).map((n) => [fakeCard(n).match(/.{4}/g)!.join("  ")]),
  // split over four fields
  fc.nat({ max: 99_999_999 }).map((n) => fakeCard(n).match(/.{4}/g)!),
  fc.nat({ max: 99 }).map((n) => [`555-01${String(n).padStart(2, "0")}`]),
  fc.nat({ max: 999_999 }).map((n) => [`password: Fake${n}x`]),
);

// ---- raw event streams ---------------------------------------------------------------------------------

type Step = (t: number) => RawEvent[];

const MODS = fc.record(
  {
    ctrl: fc.boolean(),
    shift: fc.boolean(),
    alt: fc.boolean(),
    meta: fc.boolean(),
    altgr: fc.boolean(),
  },
  { requiredKeys: [] },
);

const CHARS = [..."abcxyz019 -./@_:", "\u00a0", "é", "😀", "ab", ""];

function press(key: string, char?: string, mods?: ModifierState): Step {
  return (t) => {
    const down: KeyDownEvent = { kind: "key_down", t, code: 0, key };
    if (char !== undefined) down.char = char;
    if (mods !== undefined) down.mods = mods;
    return [down, { kind: "key_up", t: t + 1, code: 0, key }];
  };
}

function typeText(text: string): Step {
  return (t) => {
    const out: RawEvent[] = [];
    for (const ch of text) {
      const key = ch === " " ? "space" : ch.toLowerCase();
      out.push(
        { kind: "key_down", t: t++, code: 0, key, char: ch },
        { kind: "key_up", t: t++, code: 0, key },
      );
    }
    return out;
  };
}

const rawStep: fc.Arbitrary<Step> = fc.oneof(
  { weight: 10, arbitrary: fc.constantFrom(...CHARS).map((ch) => press(ch === " " ? "space" : ch, ch)) },
  { weight: 4, arbitrary: fc.constantFrom("the ", "note ", "42 ", "4 5 ", "a.b ", "x-1/2 ").map(typeText) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(fakeValue, fc.constantFrom("tab", "click", "none"))
      .map(([parts, sep]): Step => (t) => {
        const out: RawEvent[] = [];
        parts.forEach((p, k) => {
          if (k > 0 && sep === "tab") out.push(...press("tab")(t + out.length));
          if (k > 0 && sep === "click")
            out.push({ kind: "mouse_down", t: t + out.length, x: 1, y: 1, button: "left" });
          out.push(...typeText(p)(t + out.length));
        });
        return out;
      }),
  },
  {
    weight: 4,
    arbitrary: fc
      .tuple(
        fc.constantFrom(
          "backspace",
          "delete",
          "left",
          "right",
          "up",
          "down",
          "home",
          "end",
          "enter",
          "tab",
          "escape",
        ),
        fc.option(MODS, { nil: undefined }),
      )
      .map(([key, mods]) => press(key, undefined, mods)),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom("a", "v", "z", "c", "x"), MODS)
      .map(([key, mods]) => press(key, key, mods)),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom("shift", "ctrl", "f5", "pageup", "constructor")
      .map((key) => press(key, undefined)),
  },
  {
    weight: 3,
    arbitrary: fc.constantFrom<Step>(
      (t) => [{ kind: "mouse_move", t, x: 3, y: 4 }],
      (t) => [
        { kind: "mouse_down", t, x: 3, y: 4, button: "left" },
        { kind: "mouse_up", t: t + 1, x: 3, y: 4, button: "left" },
      ],
      (t) => [{ kind: "focus", t, app: "Form", title: "Payment" }],
    ),
  },
);

/** Raw streams; `gapMs` spreads the steps in time so that joins of fields are sometimes too late. */
const rawStream = fc
  .tuple(fc.array(rawStep, { maxLength: 60 }), fc.constantFrom(1, 40_000))
  .map(([steps, gapMs]) => {
    const out: RawEvent[] = [];
    let t = 0;
    for (const step of steps) {
      const evs = step(t);
      out.push(...evs);
      t += evs.length + gapMs;
    }
    return out;
  });

// ---- key-stream level streams ---------------------------------------------------------------------------

type EvNoI = KeystreamEvent extends infer E ? (E extends KeystreamEvent ? Omit<E, "i"> : never) : never;

const KEYS = KEYSTREAM_KEYS;

const ksStep: fc.Arbitrary<EvNoI[]> = fc.oneof(
  { weight: 10, arbitrary: fc.constantFrom(...CHARS, "\n").map((text): EvNoI[] => [{ kind: "char", text }]) },
  {
    weight: 3,
    arbitrary: fakeValue.map((parts) =>
      parts.flatMap((p, k): EvNoI[] => [
        ...(k > 0 ? [{ kind: "key", key: "Tab" } as EvNoI] : []),
        ...[...p].map((text): EvNoI => ({ kind: "char", text })),
      ]),
    ),
  },
  {
    weight: 4,
    arbitrary: fc
      .tuple(fc.constantFrom(...KEYS), MODS)
      .map(([key, m]): EvNoI[] => [
        { kind: "key", key, ctrl: m.ctrl, shift: m.shift, alt: m.alt, meta: m.meta },
      ]),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom<EvNoI[]>(
      [{ kind: "selectAll" }],
      [{ kind: "paste" }],
      [{ kind: "paste", text: "Fake123 pasted" }],
      [{ kind: "paste", text: "" }],
      [{ kind: "break" }],
      [{ kind: "key", key: "F13" as KeystreamKey }],
    ),
  },
  { weight: 1, arbitrary: fc.constant<EvNoI[]>([{ kind: "break" }]) },
);

/** Streams with `i` in order, or (sometimes) with shuffled indices and times. */
const ksStream = fc
  .tuple(fc.array(ksStep, { maxLength: 50 }), fc.boolean(), fc.constantFrom(1, 40_000))
  .chain(([steps, shuffled, gapMs]) => {
    const flat = steps.flat();
    const idx = shuffled
      ? fc.shuffledSubarray(
          flat.map((_, k) => k * 3),
          { minLength: flat.length, maxLength: flat.length },
        )
      : fc.constant(flat.map((_, k) => k));
    return idx.map((is) => flat.map((e, k) => ({ ...e, i: is[k]!, t: k * gapMs }) as KeystreamEvent));
  });

const detectOptions: fc.Arbitrary<KeystreamRedactorOptions> = fc.record(
  {
    multiline: fc.boolean(),
    tabInserts: fc.boolean(),
    platform: fc.constantFrom<"pc" | "mac">("pc", "mac"),
    minLevel: fc.constantFrom(1, 2, 4),
    analyzeDeleted: fc.boolean(),
    historyWindow: fc.constantFrom(0, 5, 256),
    extendToToken: fc.constantFrom(0, 3, 64),
    echoFragment: fc.constantFrom(0, 2, 4),
    joinFields: fc.boolean(),
    joinMaxDigits: fc.constantFrom(4, 8),
    joinMaxFields: fc.constantFrom(2, 4, 8),
  },
  { requiredKeys: [] },
);

// ---- properties ------------------------------------------------------------------------------------------

describe("plain-typing fast path", () => {
  it("filterRawKeys gives the general model's events, dropped and spans, with the same analyser calls", () => {
    fc.assert(
      fc.property(rawStream, (events) => {
        const a = recording(stub);
        const b = recording(stub);
        const fast = filterRawKeys(events, a.fn);
        const general = filterRawKeys(events, b.fn, { plainFastPath: false });
        expect(fast).toStrictEqual(general);
        expect(a.calls).toStrictEqual(b.calls);
      }),
      { numRuns: 400 },
    );
  });

  it("filterRawKeys agrees with the general model under the real engine", () => {
    fc.assert(
      fc.property(rawStream, (events) => {
        const fast = filterRawKeys(events);
        const general = filterRawKeys(events, (t) => analyze(t), { plainFastPath: false });
        expect(fast).toStrictEqual(general);
      }),
      { numRuns: 60 },
    );
  });

  it("detectInKeystream gives the general model's result (segments included) for any options", () => {
    fc.assert(
      fc.property(ksStream, detectOptions, (events, opts) => {
        const a = recording(stub);
        const b = recording(stub);
        const fast = detectInKeystream(events, a.fn, opts);
        const general = detectInKeystream(events, b.fn, { ...opts, plainFastPath: false });
        expect(fast).toStrictEqual(general);
        expect(a.calls).toStrictEqual(b.calls);
      }),
      { numRuns: 400 },
    );
  });

  it("streaming with cuts releases the same decisions after every event, holding as many events", () => {
    fc.assert(
      fc.property(
        ksStream,
        detectOptions,
        fc.constantFrom(16, 24, 1024),
        fc.constantFrom(16, 30, 4096),
        (events, opts, maxSegmentChars, maxSegmentEvents) => {
          const o = { ...opts, maxSegmentChars, maxSegmentEvents, carryChars: 6 };
          const fast = new KeystreamRedactor(stub, o);
          const general = new KeystreamRedactor(stub, { ...o, plainFastPath: false });
          for (const ev of events) {
            expect(fast.push(ev)).toStrictEqual(general.push(ev));
            expect(fast.heldEvents).toBe(general.heldEvents);
          }
          expect(fast.flush()).toStrictEqual(general.flush());
          expect(fast.heldEvents).toBe(0);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("feedChar is feed of a char event", () => {
    fc.assert(
      fc.property(ksStream, (events) => {
        const a = new KeystreamRedactor(stub);
        const b = new KeystreamRedactor(stub);
        for (const ev of events) {
          if (ev.kind === "char") a.feedChar(ev.i, ev.t, ev.text);
          else a.feed(ev);
          b.feed(ev);
        }
        expect(a.flush()).toStrictEqual(b.flush());
      }),
      { numRuns: 200 },
    );
  });
});

describe("plain-mode helpers", () => {
  it("normalizedTextView equals normalizedView over one cell per code unit", () => {
    const text = fc
      .array(fc.constantFrom(..."0123456789 -./ab\u00a0"), { maxLength: 40 })
      .map((cs) => cs.join(""));
    fc.assert(
      fc.property(text, (t) => {
        const buf = new KeystreamBuffer();
        buf.loadTyped(
          t,
          [...t].map((_, k) => k),
          0,
        );
        const expected = normalizedView(buf.cells, 0, buf.cells.length);
        const got = normalizedTextView(t);
        expect(got).toStrictEqual(expected);
      }),
      { numRuns: 500 },
    );
    expect(normalizedTextView("4 5 3 9")?.text).toBe("4539");
    expect(normalizedTextView("45 ab")).toBeNull();
  });

  it("loadTyped leaves the state that typing the text one event per code unit leaves", () => {
    const buf = new KeystreamBuffer();
    buf.loadTyped("hi 42", [7, 8, 9, 10, 11], 3);
    const typed = new KeystreamBuffer();
    [..."hi 42"].forEach((ch, k) => typed.apply({ i: 7 + k, kind: "char", text: ch }, 3 + k));
    const strip = (b: KeystreamBuffer) => ({
      cells: b.cells.map(({ id: _id, ...c }) => c),
      gaps: b.gaps,
      caret: b.caret,
      anchor: b.anchor,
      dirty: b.dirty,
    });
    expect(strip(buf)).toStrictEqual(strip(typed));
  });

  it("endsUnchanged holds exactly when apply ends the segment without changing the buffer", () => {
    fc.assert(
      fc.property(ksStream, detectOptions, (events, opts) => {
        const buf = new KeystreamBuffer(opts);
        events.forEach((ev, seq) => {
          const before = { text: buf.text(), caret: buf.caret, anchor: buf.anchor };
          const predicted = buf.endsUnchanged(ev);
          const ended = buf.apply(ev, seq);
          if (predicted) {
            expect(ended).toBe(true);
            expect({ text: buf.text(), caret: buf.caret, anchor: buf.anchor }).toStrictEqual(before);
          } else {
            expect(ended).toBe(false);
          }
        });
      }),
      { numRuns: 300 },
    );
  });

  it("keystreamFromRaw maps typed characters to char events carrying their raw index", () => {
    const events = typeText("ab")(0);
    expect(keystreamFromRaw(events)).toStrictEqual([
      { i: 0, t: 0, kind: "char", text: "a" },
      { i: 2, t: 2, kind: "char", text: "b" },
    ]);
  });
});
