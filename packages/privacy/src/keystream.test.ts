import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { luhnValid } from "./checksums.js";
import { analyze } from "./engine.js";
import {
  detectInKeystream,
  KEYSTREAM_OPAQUE_MARKER,
  KeystreamBuffer,
  KeystreamRedactor,
  rebuildKeystream,
  type KeystreamAnalyzer,
  type KeystreamEvent,
  type KeystreamKey,
  type KeystreamModifiers,
  type KeystreamReduceOptions,
  type KeystreamRelease,
} from "./keystream.js";
import { KEYSTREAM_KEYS } from "./keystream-buffer.js";

// ---- helpers ------------------------------------------------------------------------------------------

type EvNoI = KeystreamEvent extends infer E ? (E extends KeystreamEvent ? Omit<E, "i"> : never) : never;

/** Strings become one `char` event per code point; objects are events; `i` is assigned in order. */
function build(...parts: (string | EvNoI)[]): KeystreamEvent[] {
  const out: KeystreamEvent[] = [];
  for (const p of parts) {
    if (typeof p === "string") for (const ch of p) out.push({ i: out.length, kind: "char", text: ch });
    else out.push({ ...p, i: out.length } as KeystreamEvent);
  }
  return out;
}

const K = (key: KeystreamKey, mods: KeystreamModifiers = {}): EvNoI => ({ kind: "key", key, ...mods });
const rep = (n: number, e: EvNoI): EvNoI[] => Array.from({ length: n }, () => e);
const BS = K("Backspace");
const DEL = K("Delete");
const LEFT = K("ArrowLeft");
const RIGHT = K("ArrowRight");
const BREAK: EvNoI = { kind: "break" };

const texts = (evs: KeystreamEvent[], opts?: KeystreamReduceOptions) =>
  rebuildKeystream(evs, opts).map((s) => s.text);
const text = (evs: KeystreamEvent[], opts?: KeystreamReduceOptions) => texts(evs, opts).join("|");

/** Indices of the events whose position in `evs` is in [from, to). */
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => from + k);

// Stub analysers (the real engine only detects emails for now).
const EMAIL_RE = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const emailStub: KeystreamAnalyzer = (t) => ({
  spans: [...t.matchAll(EMAIL_RE)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    type: "EMAIL_ADDRESS",
    level: 3,
  })),
});
const CARD_RE = /\d(?:[ -]?\d){12,18}/g;
const cardStub: KeystreamAnalyzer = (t) => ({
  spans: [...t.matchAll(CARD_RE)]
    .filter((m) => luhnValid(m[0].replace(/\D/g, "")))
    .map((m) => ({ start: m.index, end: m.index + m[0].length, type: "CREDIT_CARD", level: 4 })),
});
const passwordStub: KeystreamAnalyzer = (t) => ({
  spans: [...t.matchAll(/password:\s*(\S+)/gi)].map((m) => {
    const start = m.index + m[0].length - m[1]!.length;
    return { start, end: m.index + m[0].length, type: "PASSWORD", level: 4 };
  }),
});
/** Flags every occurrence of `value`. */
const valueStub =
  (value: string): KeystreamAnalyzer =>
  (t) => {
    const spans = [];
    for (let at = t.indexOf(value); at >= 0; at = t.indexOf(value, at + 1))
      spans.push({ start: at, end: at + value.length, type: "SECRET", level: 4 });
    return { spans };
  };

// ---- the reducer ---------------------------------------------------------------------------------------

describe("edit buffer", () => {
  it("inserts characters at the caret, including multi-character and astral text", () => {
    expect(text(build("ab", LEFT, "X"))).toBe("aXb");
    expect(text(build({ kind: "char", text: "日本" }, "x"))).toBe("日本x");
    expect(text(build("a😀b", LEFT, BS))).toBe("ab");
  });

  it("Backspace and Delete remove one code point before / after the caret", () => {
    expect(text(build("abc", BS))).toBe("ab");
    expect(text(build("abc", LEFT, LEFT, DEL))).toBe("ac");
    expect(text(build("ab", K("Home"), BS, K("End"), DEL))).toBe("ab");
  });

  it("arrows, Home and End move the caret (single-line: Up/Down go to start/end)", () => {
    expect(text(build("abc", K("Home"), "X", K("End"), "Y"))).toBe("XabcY");
    expect(text(build("abc", K("ArrowUp"), "X", K("ArrowDown"), "Y"))).toBe("XabcY");
    expect(text(build("abc", LEFT, LEFT, RIGHT, "X"))).toBe("abXc");
  });

  it("ctrl+Backspace / ctrl+Delete / ctrl+arrows work by word (alt on mac)", () => {
    expect(text(build("foo bar-baz", K("Backspace", { ctrl: true })))).toBe("foo bar-");
    expect(text(build("foo bar", K("ArrowLeft", { ctrl: true }), K("Backspace", { ctrl: true })))).toBe(
      "bar",
    );
    expect(text(build("foo bar", K("Home"), K("Delete", { ctrl: true })))).toBe(" bar");
    expect(text(build("foo bar", K("Home"), K("ArrowRight", { ctrl: true }), "X"))).toBe("fooX bar");
    expect(text(build("foo bar", K("Backspace", { alt: true })), { platform: "mac" })).toBe("foo ");
    expect(text(build("foo bar", K("Backspace", { alt: true })))).toBe("foo bar"); // alt does not edit on pc
    expect(text(build("foo bar", K("Backspace", { meta: true })), { platform: "mac" })).toBe("");
  });

  it("shift+arrows / shift+Home select; the next char or Backspace replaces the selection", () => {
    expect(text(build("hello", K("ArrowLeft", { shift: true }), K("ArrowLeft", { shift: true }), "p"))).toBe(
      "help",
    );
    expect(text(build("hello", K("Home", { shift: true }), "bye"))).toBe("bye");
    expect(text(build("hello", K("ArrowLeft", { shift: true, ctrl: true }), BS))).toBe("");
    // plain Left/Right collapse a selection to its start/end
    expect(
      text(build("abcd", K("ArrowLeft", { shift: true }), K("ArrowLeft", { shift: true }), LEFT, "X")),
    ).toBe("abXcd");
    expect(text(build("abcd", K("Home", { shift: true }), RIGHT, "X"))).toBe("abcdX");
  });

  it("select-all then typing replaces everything", () => {
    expect(text(build("secret", { kind: "selectAll" }, "new"))).toBe("new");
    expect(text(build("secret", { kind: "selectAll" }, DEL, "x"))).toBe("x");
  });

  it("paste inserts its text, or an opaque marker when the text is unknown", () => {
    expect(text(build("a", { kind: "paste", text: "XY" }, "b"))).toBe("aXYb");
    const segs = rebuildKeystream(build("a", { kind: "paste" }, "b"));
    expect(segs[0]!.text).toBe(`a${KEYSTREAM_OPAQUE_MARKER}b`);
    expect(segs[0]!.provenance).toEqual([0, 1, 2]);
  });

  it("Enter inserts a newline in multi-line mode and ends the segment in single-line mode; Tab moves focus", () => {
    expect(texts(build("ab", K("Enter"), "cd"))).toEqual(["ab", "cd"]);
    expect(texts(build("ab", K("Enter"), "cd"), { multiline: true })).toEqual(["ab\ncd"]);
    expect(texts(build("ab", K("Tab"), "cd"))).toEqual(["ab", "cd"]);
    expect(texts(build("ab", K("Tab"), "cd"), { multiline: true, tabInserts: true })).toEqual(["ab\tcd"]);
    expect(texts(build("ab", BREAK, "cd"))).toEqual(["ab", "cd"]);
  });

  it("multi-line: Home/End work on the line, Up/Down keep the column", () => {
    const ml = { multiline: true };
    expect(text(build("abc", K("Enter"), "de", K("Home"), "X"), ml)).toBe("abc\nXde");
    expect(
      text(build("abcdef", K("Enter"), "x", K("Enter"), "ghijkl", K("ArrowUp"), K("ArrowUp"), "Y"), ml),
    ).toBe("abcdefY\nx\nghijkl");
    expect(text(build("ab", K("Enter"), "cd", K("Home", { ctrl: true }), "Z"), ml)).toBe("Zab\ncd");
  });

  it("unknown keys end the segment rather than letting the model drift", () => {
    const evs = build("ab", { kind: "key", key: "F13" as KeystreamKey }, "cd");
    expect(texts(evs)).toEqual(["ab", "cd"]);
  });

  it("keeps the producing event of every character", () => {
    const seg = rebuildKeystream(build("ab", LEFT, "X", K("End"), BS, "c"))[0]!;
    expect(seg.text).toBe("aXc");
    expect(seg.provenance).toEqual([0, 3, 6]);
  });
});

// ---- detection -----------------------------------------------------------------------------------------

describe("detectInKeystream", () => {
  it("drops an email typed with a typo fixed by backspace, with the real engine", () => {
    const evs = build("write to jane.dor", BS, "e@example.com", " please");
    const r = detectInKeystream(evs, (t) => analyze(t));
    expect(r.text).toBe("write to jane.doe@example.com please");
    const email = r.spans.find((s) => s.type === "EMAIL_ADDRESS");
    expect(email && r.text.slice(email.start, email.end)).toBe("jane.doe@example.com");
    // "jane.dor" (9..16), the Backspace (17) and "e@example.com" (18..30) are dropped, "write to " is kept.
    expect(email!.events).toEqual(range(9, 31));
    for (const k of range(9, 31)) expect(r.dropEvents).toContain(k);
    for (const k of range(0, 9)) expect(r.keptEvents).toContain(k);
  });

  it("drops a password typed after 'password:' with corrections inside, and the edit keys among them", () => {
    const evs = build("password: hunt", "x", BS, "er", LEFT, LEFT, "Q", BS, K("End"), "2", BREAK, "ok");
    const r = detectInKeystream(evs, passwordStub);
    expect(r.text).toBe("password: hunter2\nok");
    const kept = r.keptEvents.map((i) => evs[i]!);
    expect(
      kept
        .filter((e) => e.kind === "char")
        .map((e) => (e.kind === "char" ? e.text : ""))
        .join(""),
    ).toBe("password: ok");
    expect(kept.some((e) => e.kind === "key")).toBe(false);
    expect(kept.some((e) => e.kind === "break")).toBe(true);
  });

  it("finds a card typed with spaces between the digits (normalised view)", () => {
    const evs = build("card 4 1 1 1  1 1 1 1  1 1 1 1  1 1 1 1 ok");
    const r = detectInKeystream(evs, cardStub);
    expect(r.spans).toHaveLength(1);
    expect(r.spans[0]!.view).toBe("normalized");
    expect(r.text.slice(r.spans[0]!.start, r.spans[0]!.end)).toBe("4 1 1 1  1 1 1 1  1 1 1 1  1 1 1 1");
    expect(r.dropEvents).toEqual(range(5, 39));
  });

  it("finds a card typed in four fields separated by Tab or clicks, and drops the Tabs between them", () => {
    const evs = build("4111", K("Tab"), "1111", BREAK, "1111", K("Tab"), "1111", K("Tab"), "Jane");
    const r = detectInKeystream(evs, cardStub);
    expect(r.spans.map((s) => s.view)).toEqual(["joined", "joined", "joined", "joined"]);
    // every digit and the Tabs between the fields; not the break (a click) nor the last Tab nor "Jane"
    const dropped = new Set(r.dropEvents);
    for (const [k, e] of evs.entries()) {
      const digit = e.kind === "char" && /\d/.test(e.text);
      expect(dropped.has(k), `event ${k}`).toBe(digit || k === 4 || k === 14);
    }
  });

  it("does not join fields typed far apart in time", () => {
    const evs = build("4111", K("Tab"), "1111", K("Tab"), "1111", K("Tab"), "1111").map((e, k) => ({
      ...e,
      t: k * 100 + (k >= 10 ? 120_000 : 0),
    }));
    expect(detectInKeystream(evs, cardStub).dropEvents).toEqual([]);
    expect(detectInKeystream(evs, cardStub, { joinGapMs: Infinity }).dropEvents.length).toBeGreaterThan(0);
  });

  it("drops a value typed, deleted and retyped from further back (history + echoes)", () => {
    const evs = build("key: K7QP2XZ", ...rep(12, BS), "key: K7QP2XZ9", BREAK);
    const r = detectInKeystream(evs, valueStub("K7QP2XZ9"));
    const keptText = r.keptEvents
      .map((i) => evs[i]!)
      .map((e) => (e.kind === "char" ? e.text : ""))
      .join("");
    expect(keptText).not.toMatch(/K7QP|7QP2|QP2X|P2XZ/);
  });

  it("drops a value that existed only before it was overwritten (history span)", () => {
    const evs = build("K7QP2XZ9", { kind: "selectAll" }, "hello", BREAK);
    const r = detectInKeystream(evs, valueStub("K7QP2XZ9"));
    expect(r.text).toBe("hello");
    expect(r.spans).toEqual([]);
    expect(r.historySpans).toHaveLength(1);
    // the value, the selectAll, and the "h" that overwrote it
    expect(r.dropEvents).toEqual(range(0, 10));
  });

  it("ignores spans under minLevel and an opaque paste never matches", () => {
    const evs = build("a@example.com ", { kind: "paste" });
    expect(detectInKeystream(evs, emailStub, { minLevel: 4 }).dropEvents).toEqual([]);
    expect(detectInKeystream(evs, emailStub).dropEvents).toEqual(range(0, 13));
  });
});

// ---- streaming -----------------------------------------------------------------------------------------

function runStream(r: KeystreamRedactor, evs: readonly KeystreamEvent[]): KeystreamRelease[] {
  const rels: KeystreamRelease[] = [];
  for (const e of evs) rels.push(...r.push(e));
  rels.push(...r.flush());
  return rels;
}

describe("detectInKeystream on long segments", () => {
  /** `n` characters typed into one field, each after `key` (a caret far from the end), with a secret among them. */
  const typedWith = (n: number, key: KeystreamKey | undefined): KeystreamEvent[] => {
    const evs: KeystreamEvent[] = [];
    let i = 0;
    const text = "lorem ipsum 1a dolor ";
    for (let k = 0; k < n; k++) {
      if (key && k % 2) evs.push({ i: i++, kind: "key", key });
      evs.push({ i: i++, kind: "char", text: text[k % text.length]! });
    }
    return evs;
  };
  const minTime = (fn: () => void): number => {
    let best = Infinity;
    for (let r = 0; r < 2; r++) {
      const t0 = performance.now();
      fn();
      best = Math.min(best, performance.now() - t0);
    }
    return best;
  };

  it("takes time linear in the events when every edit is far from the segment's end", () => {
    const stub = valueStub("1a");
    for (const key of ["Home", "ArrowLeft"] as const) {
      const small = typedWith(10_000, key);
      const big = typedWith(80_000, key);
      const ts = minTime(() => detectInKeystream(small, stub));
      const tb = minTime(() => detectInKeystream(big, stub));
      // 8x the events: linear ~8x, quadratic ~64x
      expect(tb, `${key}: ${ts.toFixed(1)} ms -> ${tb.toFixed(1)} ms`).toBeLessThan(Math.max(ts * 24, 150));
    }
  });

  it("gives the results of an uncut segment for a batch of the size a recorder sends (5,000 events)", () => {
    const stub = valueStub("1a");
    for (const key of [undefined, "Home", "ArrowLeft"] as const) {
      const evs = typedWith(4_000, key);
      const cut = detectInKeystream(evs, stub);
      const uncut = detectInKeystream(evs, stub, { maxSegmentChars: Infinity, maxSegmentEvents: Infinity });
      expect(cut.dropEvents).toEqual(uncut.dropEvents);
      expect(cut.text).toEqual(uncut.text);
      if (key === undefined) expect(cut.dropEvents.length).toBeGreaterThan(0);
    }
  });
});

describe("KeystreamRedactor", () => {
  it("releases a segment when it ends, holding nothing back afterwards", () => {
    const r = new KeystreamRedactor(emailStub);
    expect(r.push({ i: 0, kind: "char", text: "a" })).toEqual([]);
    expect(r.heldEvents).toBe(1);
    const rel = r.push({ i: 1, kind: "break" });
    expect(rel.map((x) => x.events)).toEqual([[0, 1]]);
    expect(r.heldEvents).toBe(0);
  });

  it("decides every event exactly once and agrees with the batch form", () => {
    const evs = build("mail jo@example.org", K("Tab"), "4111", K("Tab"), "1111", BREAK, "x", BS, "y");
    const rels = runStream(new KeystreamRedactor(cardStub), evs);
    const decided = rels.flatMap((x) => x.events).sort((a, b) => a - b);
    expect(decided).toEqual(range(0, evs.length));
    const batch = detectInKeystream(evs, cardStub);
    expect(rels.flatMap((x) => x.dropEvents).sort((a, b) => a - b)).toEqual(batch.dropEvents);
  });

  it("keeps memory bounded on an unbounded stream and still catches values across a cut", () => {
    const r = new KeystreamRedactor(emailStub, { maxSegmentChars: 200, carryChars: 40 });
    let i = 0;
    let maxHeld = 0;
    const dropped = new Set<number>();
    const emailEvents: number[] = [];
    for (let round = 0; round < 300; round++) {
      const chunk =
        round % 10 === 5 ? "write to someone.fake@example.com now " : "lorem ipsum dolor sit amet ";
      for (const ch of chunk) {
        const ev: KeystreamEvent = { i: i++, kind: "char", text: ch };
        for (const rel of r.push(ev)) for (const d of rel.dropEvents) dropped.add(d);
        maxHeld = Math.max(maxHeld, r.heldEvents);
      }
      if (round % 10 === 5) {
        const start = i - chunk.length + chunk.indexOf("someone");
        emailEvents.push(...range(start, start + "someone.fake@example.com".length));
      }
    }
    for (const rel of r.flush()) for (const d of rel.dropEvents) dropped.add(d);
    expect(maxHeld).toBeLessThanOrEqual(200 + 1);
    for (const e of emailEvents) expect(dropped.has(e), `event ${e}`).toBe(true);
    expect(dropped.size).toBe(emailEvents.length);
  });
});

// ---- properties ----------------------------------------------------------------------------------------

/** A deliberately naive reference editor: arrays of code points, regexes for words, no provenance. */
function referenceTexts(events: readonly KeystreamEvent[], opts: KeystreamReduceOptions): string[] {
  const mac = opts.platform === "mac";
  const out: string[] = [];
  let t: string[] = [];
  let c = 0;
  let a = -1;
  let goal = -1;
  let open = false;
  const cp = (s: string) => Array.from(s).length;
  const wl = (p: number) => p - cp(/[\p{L}\p{N}_]*[^\p{L}\p{N}_]*$/u.exec(t.slice(0, p).join(""))![0]);
  const wr = (p: number) => p + cp(/^[^\p{L}\p{N}_]*[\p{L}\p{N}_]*/u.exec(t.slice(p).join(""))![0]);
  const ls = (p: number) => t.slice(0, p).lastIndexOf("\n") + 1;
  const le = (p: number) => {
    const j = t.indexOf("\n", p);
    return j < 0 ? t.length : j;
  };
  const sel = (): [number, number] | null => (a < 0 || a === c ? null : [Math.min(a, c), Math.max(a, c)]);
  const cutOut = (s: number, e: number) => {
    t = [...t.slice(0, s), ...t.slice(e)];
    c = s;
    a = -1;
  };
  const type = (s: string[]) => {
    const r = sel();
    if (r) cutOut(r[0], r[1]);
    a = -1;
    t = [...t.slice(0, c), ...s, ...t.slice(c)];
    c += s.length;
  };
  const end = () => {
    out.push(t.join(""));
    t = [];
    c = 0;
    a = -1;
    goal = -1;
    open = false;
  };
  for (const e of events) {
    open = true;
    const g = goal;
    goal = -1;
    if (e.kind === "break") {
      end();
      continue;
    }
    if (e.kind === "char") type(Array.from(e.text));
    else if (e.kind === "paste") type(e.text === undefined ? [KEYSTREAM_OPAQUE_MARKER] : Array.from(e.text));
    else if (e.kind === "selectAll") {
      if (t.length) [a, c] = [0, t.length];
    } else {
      const anyMod = e.ctrl || e.alt || e.meta;
      if (e.key === "Enter") {
        if (opts.multiline && !anyMod) type(["\n"]);
        else end();
        continue;
      }
      if (e.key === "Tab") {
        if (opts.tabInserts && !anyMod && !e.shift) type(["\t"]);
        else end();
        continue;
      }
      if (e.key === "Escape") continue;
      if (mac ? e.ctrl : e.alt || e.meta) continue;
      const word = mac ? !!e.alt : !!e.ctrl;
      const line = mac && !!e.meta;
      if (e.key === "Backspace" || e.key === "Delete") {
        const r = sel();
        if (r) cutOut(r[0], r[1]);
        else if (e.key === "Backspace") cutOut(line ? ls(c) : word ? wl(c) : Math.max(0, c - 1), c);
        else {
          const to = line ? le(c) : word ? wr(c) : Math.min(t.length, c + 1);
          t = [...t.slice(0, c), ...t.slice(to)];
          a = -1;
        }
        continue;
      }
      let to: number | null = null;
      if (e.key === "ArrowLeft") to = line ? ls(c) : word ? wl(c) : Math.max(0, c - 1);
      else if (e.key === "ArrowRight") to = line ? le(c) : word ? wr(c) : Math.min(t.length, c + 1);
      else if (e.key === "Home") to = word || line ? 0 : ls(c);
      else if (e.key === "End") to = word || line ? t.length : le(c);
      else if (line) to = e.key === "ArrowUp" ? 0 : t.length;
      else if (word) to = null;
      else if (!opts.multiline) to = e.key === "ArrowUp" ? 0 : t.length;
      else {
        const lines = t.join("").split("\n").map(cp);
        let row = 0;
        let start = 0;
        while (start + lines[row]! < c) start += lines[row++]! + 1;
        const col = g >= 0 ? g : c - start;
        goal = col;
        if (e.key === "ArrowUp")
          to = row === 0 ? 0 : start - 1 - lines[row - 1]! + Math.min(col, lines[row - 1]!);
        else
          to = row === lines.length - 1 ? t.length : start + lines[row]! + 1 + Math.min(col, lines[row + 1]!);
      }
      if (to === null) continue;
      if (e.shift) {
        if (a < 0) a = c;
        c = to;
        if (a === c) a = -1;
      } else {
        const r = sel();
        a = -1;
        c =
          r && !word && !line && e.key === "ArrowLeft"
            ? r[0]
            : r && !word && !line && e.key === "ArrowRight"
              ? r[1]
              : to;
      }
    }
  }
  if (open) end();
  return out;
}

const KEYS = KEYSTREAM_KEYS;
const arbMods = fc.record(
  {
    ctrl: fc.boolean(),
    shift: fc.boolean(),
    alt: fc.boolean(),
    meta: fc.boolean(),
  },
  { requiredKeys: [] },
);
const arbEvent: fc.Arbitrary<EvNoI> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .constantFrom("a", "b", "Z", "1", " ", "-", ".", "é", "😀", "\n")
      .map((text) => ({ kind: "char" as const, text })),
  },
  {
    weight: 4,
    arbitrary: fc
      .tuple(fc.constantFrom(...KEYS), arbMods)
      .map(([key, m]) => ({ kind: "key" as const, key, ...m })),
  },
  { weight: 1, arbitrary: fc.constant({ kind: "selectAll" as const }) },
  {
    weight: 1,
    arbitrary: fc
      .option(fc.constantFrom("xy", "p q", "7"), { nil: undefined })
      .map((text) => (text === undefined ? { kind: "paste" as const } : { kind: "paste" as const, text })),
  },
  { weight: 1, arbitrary: fc.constant({ kind: "break" as const }) },
);
const arbScript = fc
  .array(arbEvent, { maxLength: 60 })
  .map((ps) => ps.map((p, i) => ({ ...p, i }) as KeystreamEvent));
const arbOpts: fc.Arbitrary<KeystreamReduceOptions> = fc.record({
  multiline: fc.boolean(),
  tabInserts: fc.boolean(),
  platform: fc.constantFrom("pc" as const, "mac" as const),
});

describe("properties", () => {
  it("(d) streaming with tiny segment limits decides every event exactly once, holding a bounded number", () => {
    fc.assert(
      fc.property(arbScript, arbOpts, (evs, opts) => {
        const r = new KeystreamRedactor(emailStub, { ...opts, maxSegmentChars: 16, maxSegmentEvents: 16 });
        const decided: number[] = [];
        for (const e of evs) {
          for (const rel of r.push(e)) decided.push(...rel.events);
          // the current segment plus at most joinMaxFields - 1 held fields, each cut at 16 events
          expect(r.heldEvents).toBeLessThanOrEqual(8 * 17);
        }
        for (const rel of r.flush()) decided.push(...rel.events);
        expect(decided.sort((a, b) => a - b)).toEqual(evs.map((e) => e.i));
      }),
      { numRuns: 1000 },
    );
  });

  it("(e) without cuts, the streaming form drops exactly what the batch form drops", () => {
    const stub = valueStub("1a");
    fc.assert(
      fc.property(arbScript, arbOpts, (evs, opts) => {
        const rels = runStream(new KeystreamRedactor(stub, opts), evs);
        const streamed = rels.flatMap((x) => x.dropEvents).sort((a, b) => a - b);
        expect(streamed).toEqual(detectInKeystream(evs, stub, opts).dropEvents);
      }),
      { numRuns: 500 },
    );
  });

  it("(a) the reducer's text equals a naive reference editor's text for random edit scripts", () => {
    fc.assert(
      fc.property(arbScript, arbOpts, (evs, opts) => {
        expect(texts(evs, opts)).toEqual(referenceTexts(evs, opts));
      }),
      { numRuns: 3000 },
    );
  });

  it("(b) provenance: every character of the output comes from an event that produced that character", () => {
    fc.assert(
      fc.property(arbScript, arbOpts, (evs, opts) => {
        for (const seg of rebuildKeystream(evs, opts)) {
          expect(seg.provenance).toHaveLength(seg.text.length);
          for (let u = 0; u < seg.text.length; u++) {
            const e = evs[seg.provenance[u]!]!;
            const unit = seg.text[u]!;
            const produced =
              e.kind === "char"
                ? e.text
                : e.kind === "paste"
                  ? (e.text ?? KEYSTREAM_OPAQUE_MARKER)
                  : e.kind === "key" && e.key === "Enter"
                    ? "\n"
                    : e.kind === "key" && e.key === "Tab"
                      ? "\t"
                      : "";
            expect(produced.includes(unit)).toBe(true);
            expect(seg.events).toContain(e.i);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });

  // (c) A random value typed with typos and corrections inside random filler text. The filler alphabet is
  // disjoint from the value alphabet, so any 4-character fragment of the value in what is kept is a leak.
  const VALUE_ALPHA = [..."ABCDEFGHJKLMNPQRSTUVWXYZ23456789"];
  const FILL_ALPHA = [..."abcdefghijklmnopqrstuvwxyz ,;!?"];
  const arbValue = fc.string({ unit: fc.constantFrom(...VALUE_ALPHA), minLength: 6, maxLength: 14 });
  const arbFill = (max: number) => fc.string({ unit: fc.constantFrom(...FILL_ALPHA), maxLength: max });
  const arbJunk = fc.string({ unit: fc.constantFrom(...VALUE_ALPHA, ..."qwxz"), minLength: 1, maxLength: 3 });
  const arbTypo = fc.record({
    at: fc.nat(),
    kind: fc.constantFrom("backspace", "select", "arrowDelete", "missing"),
    junk: arbJunk,
  });
  const arbPlan = fc.record({
    value: arbValue,
    prefix: arbFill(12),
    suffix: arbFill(12),
    falseStart: fc.option(fc.record({ len: fc.nat(), extra: fc.nat() }), { nil: undefined }),
    typos: fc.array(arbTypo, { maxLength: 4 }),
    ending: fc.constantFrom("none", "break", "enter"),
    /** Afterwards, overwrite or delete everything: the value exists only in the history. */
    abandon: fc.constantFrom("no", "no", "selectAll", "deleteAll"),
  });

  type Plan = typeof arbPlan extends fc.Arbitrary<infer T> ? T : never;
  function scriptOf(plan: Plan): EvNoI[] {
    const { value, prefix, suffix } = plan;
    const out: EvNoI[] = [];
    const typeStr = (s: string) => {
      for (const ch of s) out.push({ kind: "char", text: ch });
    };
    typeStr(prefix);
    if (plan.falseStart) {
      const len = 1 + (plan.falseStart.len % value.length);
      const extra = plan.falseStart.extra % (prefix.length + 1);
      typeStr(value.slice(0, len));
      out.push(...rep(len + extra, BS));
      typeStr(prefix.slice(prefix.length - extra));
    }
    const typos = new Map(plan.typos.map((t) => [t.at % (value.length + 1), t]));
    for (let p = 0; p <= value.length; p++) {
      const ty = typos.get(p);
      if (ty && ty.kind === "missing" && p + 1 < value.length) {
        // skip value[p], type value[p+1], go back one, type the missing char, go to the end
        typeStr(value[p + 1]!);
        out.push(LEFT);
        typeStr(value[p]!);
        out.push(K("End"));
        p++;
        continue;
      }
      if (ty) {
        typeStr(ty.junk);
        const n = ty.junk.length;
        if (ty.kind === "backspace") out.push(...rep(n, BS));
        else if (ty.kind === "arrowDelete") out.push(...rep(n, LEFT), ...rep(n, DEL));
        else if (p < value.length)
          out.push(...rep(n, K("ArrowLeft", { shift: true }))); // next char replaces
        else out.push(...rep(n, K("ArrowLeft", { shift: true })), BS);
      }
      if (p < value.length) typeStr(value[p]!);
    }
    typeStr(suffix);
    if (plan.abandon === "selectAll") out.push({ kind: "selectAll" }, { kind: "char", text: "x" });
    if (plan.abandon === "deleteAll")
      out.push(K("End"), ...rep(prefix.length + value.length + suffix.length, BS));
    if (plan.ending === "break") out.push(BREAK);
    if (plan.ending === "enter") out.push(K("Enter"));
    return out;
  }

  const fragments = (value: string) => new Set(range(0, value.length - 3).map((p) => value.slice(p, p + 4)));
  const leaks = (s: string, frags: Set<string>) =>
    range(0, Math.max(0, s.length - 3)).some((p) => frags.has(s.slice(p, p + 4)));

  it("(c) kept events never reconstruct a 4-character fragment of a detected value", () => {
    fc.assert(
      fc.property(arbPlan, fc.boolean(), (plan, multiline) => {
        const evs = build(...scriptOf(plan));
        const opts = { multiline };
        if (plan.abandon === "no") expect(texts(evs, opts).join("\n")).toContain(plan.value);
        const r = detectInKeystream(evs, valueStub(plan.value), opts);
        const frags = fragments(plan.value);
        const kept = r.keptEvents.map((i) => evs[i]!);
        const typed = kept.map((e) => (e.kind === "char" ? e.text : "")).join("");
        expect(leaks(typed, frags)).toBe(false);
        const buf = new KeystreamBuffer(opts);
        kept.forEach((e, seq) => {
          buf.apply(e, seq);
          expect(leaks(buf.text(), frags)).toBe(false);
        });
      }),
      { numRuns: 3000 },
    );
  });
});
