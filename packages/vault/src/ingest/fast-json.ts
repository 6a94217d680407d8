import { BatchStats, type BatchPayload, type RawEvent } from "@tracevault/core";
import { MAX_EVENTS, MODIFIER_KEYS, type ValidatedPayload } from "./validate.js";

/**
 * A parser for the one shape recorders actually send — a payload of keyboard, mouse, focus and marker events
 * written by `JSON.stringify` — that validates while it parses. `JSON.parse` followed by `validatePayload`
 * costs ~0.5 ms for 1,000 events; this does the same in a fraction of it, and it can also tell that the text
 * is exactly a serialization of what it returned.
 *
 * It accepts a strict subset of JSON and gives up (returns undefined) on anything else — whitespace, escapes,
 * non-canonical numbers, unknown or repeated keys, frames, display or screenshot events, a value the schema
 * refuses — and the caller then runs the general path, which decides. So whatever it accepts, `JSON.parse` +
 * `validatePayload` accept too, with the same result; test/ingest-fast-json.test.ts checks that on generated
 * payloads and on random edits of them.
 *
 * `exact`: every character of the text is accounted for by the result, i.e. `JSON.stringify(JSON.parse(text))
 * === text` and nothing was added (no default filled in). Keys may be in another order than the schema's.
 * Ingest then stores the text it received instead of serialising the payload again.
 */
export interface FastParsed extends ValidatedPayload {
  exact: boolean;
}

class Bail {}
const BAIL = new Bail();

/** Char codes of a token: comparing them one by one beats `startsWith` at these lengths. */
function codes(t: string): number[] {
  return [...t].map((c) => c.charCodeAt(0));
}

/** Field ids: a bit each in the masks below. */
const T = 0,
  X = 1,
  Y = 2,
  CODE = 3,
  KEY = 4,
  CHAR = 5,
  MODS = 6,
  BUTTON = 7,
  AXIS = 8,
  NOTCHES = 9,
  PIXELS = 10,
  APP = 11,
  TITLE = 12,
  URL = 13,
  PID = 14,
  WINDOW_ID = 15,
  NAME = 16;
/** `"name":` of each field id. */
const TOKENS = [
  "t",
  "x",
  "y",
  "code",
  "key",
  "char",
  "mods",
  "button",
  "axis",
  "notches",
  "pixels",
  "app",
  "title",
  "url",
  "pid",
  "window_id",
  "name",
].map((k) => codes(`"${k}":`));
const bit = (...ids: number[]) => ids.reduce((m, id) => m | (1 << id), 0);
/** The fields each kind may carry (see validate.ts for the rules), and those it must. */
const ALLOWED = {
  mouse_move: bit(T, X, Y),
  mouse_button: bit(T, X, Y, BUTTON),
  key_down: bit(T, CODE, KEY, CHAR, MODS),
  key_up: bit(T, CODE, KEY, MODS),
  wheel: bit(T, X, Y, AXIS, NOTCHES, PIXELS),
  focus: bit(T, APP, TITLE, URL, PID, WINDOW_ID),
  marker: bit(T, NAME),
};
const REQUIRED = {
  mouse_move: ALLOWED.mouse_move,
  mouse_button: ALLOWED.mouse_button,
  key: bit(T, KEY),
  wheel: bit(T, X, Y, AXIS, NOTCHES),
  focus: bit(T),
  marker: bit(T, NAME),
};

const BUTTONS = new Set(["left", "right", "middle", "back", "forward"]);
const AXES = new Set(["vertical", "horizontal"]);
const MOD_TOKENS = MODIFIER_KEYS.map((k) => codes(`"${k}":`));
const STATS_KEYS = Object.keys(BatchStats.shape);
const STATS_TOKENS = STATS_KEYS.map((k) => codes(`"${k}":`));
const KIND = {
  mouse_move: codes('mouse_move"'),
  key_down: codes('key_down"'),
  key_up: codes('key_up"'),
  mouse_down: codes('mouse_down"'),
  mouse_up: codes('mouse_up"'),
  focus: codes('focus"'),
  wheel: codes('wheel"'),
  marker: codes('marker"'),
};
const LIT = {
  event: codes('{"kind":"'),
  open: codes('{"v":1,"events":['),
  frames: codes('],"frames":[]'),
  stats: codes(',"stats":'),
  true: codes("true"),
  false: codes("false"),
};

class Parser {
  i = 0;
  exact = true;
  /** Field values of the event being parsed, by field id. */
  private readonly v: unknown[] = new Array(17).fill(0);
  constructor(private readonly s: string) {}

  /** Whether the token is at `i`. */
  at(i: number, tok: readonly number[]): boolean {
    const s = this.s;
    for (let k = 0; k < tok.length; k++) if (s.charCodeAt(i + k) !== tok[k]) return false;
    return true;
  }

  lit(tok: readonly number[]): void {
    if (!this.at(this.i, tok)) throw BAIL;
    this.i += tok.length;
  }

  /** One structural character. */
  ch(c: number): void {
    if (this.s.charCodeAt(this.i) !== c) throw BAIL;
    this.i++;
  }

  /** A number exactly as `JSON.stringify` writes it (so the text is the only way to write that value). */
  num(): number {
    const s = this.s;
    const start = this.i;
    let i = start;
    let c = s.charCodeAt(i);
    const neg = c === 45; // -
    if (neg) c = s.charCodeAt(++i);
    const d0 = i;
    let v = 0;
    while (c >= 48 && c <= 57) {
      v = v * 10 + (c - 48);
      c = s.charCodeAt(++i);
    }
    const digits = i - d0;
    // The common case, an integer of up to 15 digits (exact in a double) without a leading zero or "-0".
    if (
      c !== 46 &&
      c !== 101 &&
      c !== 69 &&
      digits > 0 &&
      digits <= 15 &&
      (digits === 1 || s.charCodeAt(d0) !== 48) &&
      !(neg && v === 0)
    ) {
      this.i = i;
      return neg ? -v : v;
    }
    while (c === 46 || c === 101 || c === 69 || c === 43 || c === 45 || (c >= 48 && c <= 57))
      c = s.charCodeAt(++i);
    const tok = s.slice(start, i);
    const n = Number(tok);
    // Finite numbers print as valid JSON numbers; equal text means this is that printing.
    if (String(n) !== tok) throw BAIL;
    this.i = i;
    return n;
  }

  /** A string with nothing to escape (`JSON.stringify` writes such a string as is, and only so). */
  str(): string {
    const s = this.s;
    let i = this.i;
    if (s.charCodeAt(i) !== 34) throw BAIL;
    const start = ++i;
    for (;;) {
      if (i >= s.length) throw BAIL;
      const c = s.charCodeAt(i);
      if (c === 34) break;
      if (c < 32 || c === 92) throw BAIL;
      if (c >= 0xd800 && c <= 0xdfff) {
        // Only a well-formed pair is written unescaped.
        const d = s.charCodeAt(i + 1);
        if (c > 0xdbff || !(d >= 0xdc00 && d <= 0xdfff)) throw BAIL;
        i++;
      }
      i++;
    }
    this.i = i + 1;
    return s.slice(start, i);
  }

  mods(): Record<string, boolean> {
    this.ch(123);
    const got: (boolean | undefined)[] = [];
    let seen = 0;
    if (this.s.charCodeAt(this.i) !== 125) {
      for (;;) {
        let j = 0;
        while (j < MOD_TOKENS.length && !this.at(this.i, MOD_TOKENS[j]!)) j++;
        if (j === MOD_TOKENS.length || seen & (1 << j)) throw BAIL;
        seen |= 1 << j;
        this.i += MOD_TOKENS[j]!.length;
        if (this.at(this.i, LIT.true)) {
          got[j] = true;
          this.i += 4;
        } else if (this.at(this.i, LIT.false)) {
          got[j] = false;
          this.i += 5;
        } else throw BAIL;
        if (this.s.charCodeAt(this.i) !== 44) break;
        this.i++;
      }
    }
    this.ch(125);
    const out: Record<string, boolean> = {};
    for (let j = 0; j < MODIFIER_KEYS.length; j++) if (seen & (1 << j)) out[MODIFIER_KEYS[j]!] = got[j]!;
    return out;
  }

  /** The id of the field whose `"name":` starts at `i`, or -1. */
  private keyAt(i: number): number {
    const s = this.s;
    if (s.charCodeAt(i) !== 34) return -1;
    let id: number;
    switch (s.charCodeAt(i + 1)) {
      case 116: // t
        id = s.charCodeAt(i + 2) === 34 ? T : TITLE;
        break;
      case 120: // x
        id = X;
        break;
      case 121: // y
        id = Y;
        break;
      case 99: // c
        id = s.charCodeAt(i + 2) === 111 ? CODE : CHAR;
        break;
      case 107: // k
        id = KEY;
        break;
      case 109: // m
        id = MODS;
        break;
      case 98: // b
        id = BUTTON;
        break;
      case 97: // a
        id = s.charCodeAt(i + 2) === 120 ? AXIS : APP;
        break;
      case 110: // n
        id = s.charCodeAt(i + 2) === 111 ? NOTCHES : NAME;
        break;
      case 112: // p
        id = s.charCodeAt(i + 2) === 105 && s.charCodeAt(i + 3) === 120 ? PIXELS : PID;
        break;
      case 117: // u
        id = URL;
        break;
      case 119: // w
        id = WINDOW_ID;
        break;
      default:
        return -1;
    }
    return this.at(i, TOKENS[id]!) ? id : -1;
  }

  /** The fields of one event after its kind, into `v`; returns which were present. */
  private fields(allowed: number, required: number): number {
    const s = this.s;
    const v = this.v;
    let seen = 0;
    while (s.charCodeAt(this.i) === 44) {
      const id = this.keyAt(this.i + 1);
      if (id < 0 || !(allowed & (1 << id)) || seen & (1 << id)) throw BAIL;
      seen |= 1 << id;
      this.i += 1 + TOKENS[id]!.length;
      switch (id) {
        case T:
        case X:
        case Y:
        case NOTCHES:
        case PIXELS:
          v[id] = this.num();
          break;
        case CODE: {
          const n = this.num();
          if (!Number.isSafeInteger(n) || n < 0) throw BAIL;
          v[id] = n;
          break;
        }
        case PID: {
          const n = this.num();
          if (!Number.isSafeInteger(n)) throw BAIL;
          v[id] = n;
          break;
        }
        case KEY:
        case NAME: {
          const t = this.str();
          if (t.length === 0) throw BAIL;
          v[id] = t;
          break;
        }
        case BUTTON: {
          const t = this.str();
          if (!BUTTONS.has(t)) throw BAIL;
          v[id] = t;
          break;
        }
        case AXIS: {
          const t = this.str();
          if (!AXES.has(t)) throw BAIL;
          v[id] = t;
          break;
        }
        case MODS:
          v[id] = this.mods();
          break;
        default: // CHAR, APP, TITLE, URL, WINDOW_ID
          v[id] = this.str();
      }
    }
    this.ch(125);
    if ((seen & required) !== required) throw BAIL;
    return seen;
  }

  /** `code` defaults to 0 (then the text lacks what the result has). */
  private code(seen: number): number {
    if (seen & (1 << CODE)) return this.v[CODE] as number;
    this.exact = false;
    return 0;
  }

  /** One event, built as a literal in schema order (the same keys, in the same order, as zod gives). */
  event(): RawEvent {
    const s = this.s;
    const v = this.v;
    this.lit(LIT.event);
    const i = this.i;
    if (this.at(i, KIND.mouse_move)) {
      this.i += 11;
      this.fields(ALLOWED.mouse_move, REQUIRED.mouse_move);
      return { kind: "mouse_move", t: v[T] as number, x: v[X] as number, y: v[Y] as number };
    }
    if (this.at(i, KIND.key_down) || this.at(i, KIND.key_up)) {
      const down = s.charCodeAt(i + 4) === 100;
      this.i += down ? 9 : 7;
      const seen = this.fields(down ? ALLOWED.key_down : ALLOWED.key_up, REQUIRED.key);
      const e: Record<string, unknown> = {
        kind: down ? "key_down" : "key_up",
        t: v[T],
        code: this.code(seen),
        key: v[KEY],
      };
      if (seen & (1 << CHAR)) e.char = v[CHAR];
      if (seen & (1 << MODS)) e.mods = v[MODS];
      return e as RawEvent;
    }
    if (this.at(i, KIND.mouse_down) || this.at(i, KIND.mouse_up)) {
      const down = s.charCodeAt(i + 6) === 100;
      this.i += down ? 11 : 9;
      this.fields(ALLOWED.mouse_button, REQUIRED.mouse_button);
      return {
        kind: down ? "mouse_down" : "mouse_up",
        t: v[T] as number,
        x: v[X] as number,
        y: v[Y] as number,
        button: v[BUTTON] as "left",
      };
    }
    if (this.at(i, KIND.focus)) {
      this.i += 6;
      const seen = this.fields(ALLOWED.focus, REQUIRED.focus);
      const e: Record<string, unknown> = { kind: "focus", t: v[T] };
      if (seen & (1 << APP)) e.app = v[APP];
      if (seen & (1 << TITLE)) e.title = v[TITLE];
      if (seen & (1 << URL)) e.url = v[URL];
      if (seen & (1 << PID)) e.pid = v[PID];
      if (seen & (1 << WINDOW_ID)) e.window_id = v[WINDOW_ID];
      return e as RawEvent;
    }
    if (this.at(i, KIND.wheel)) {
      this.i += 6;
      const seen = this.fields(ALLOWED.wheel, REQUIRED.wheel);
      const e: Record<string, unknown> = {
        kind: "wheel",
        t: v[T],
        x: v[X],
        y: v[Y],
        axis: v[AXIS],
        notches: v[NOTCHES],
      };
      if (seen & (1 << PIXELS)) e.pixels = v[PIXELS];
      return e as RawEvent;
    }
    if (this.at(i, KIND.marker)) {
      this.i += 7;
      this.fields(ALLOWED.marker, REQUIRED.marker);
      return { kind: "marker", t: v[T] as number, name: v[NAME] as string };
    }
    throw BAIL;
  }

  stats(): Record<string, number> {
    this.ch(123);
    const got: number[] = [];
    let seen = 0;
    if (this.s.charCodeAt(this.i) !== 125) {
      for (;;) {
        let j = 0;
        while (j < STATS_TOKENS.length && !this.at(this.i, STATS_TOKENS[j]!)) j++;
        if (j === STATS_TOKENS.length || seen & (1 << j)) throw BAIL;
        seen |= 1 << j;
        this.i += STATS_TOKENS[j]!.length;
        const v = this.num();
        if (!Number.isSafeInteger(v) || v < 0) throw BAIL;
        got[j] = v;
        if (this.s.charCodeAt(this.i) !== 44) break;
        this.i++;
      }
    }
    this.ch(125);
    const out: Record<string, number> = {};
    for (let j = 0; j < STATS_KEYS.length; j++) {
      if (seen & (1 << j)) out[STATS_KEYS[j]!] = got[j]!;
      else {
        out[STATS_KEYS[j]!] = 0;
        this.exact = false;
      }
    }
    return out;
  }

  payload(): FastParsed {
    const s = this.s;
    this.lit(LIT.open);
    const events: RawEvent[] = [];
    let keyDowns = 0;
    let focusTexts = 0;
    if (s.charCodeAt(this.i) !== 93) {
      for (;;) {
        const e = this.event();
        if (e.kind === "key_down") keyDowns++;
        else if (e.kind === "focus" && (e.title !== undefined || e.url !== undefined)) focusTexts++;
        events.push(e);
        if (s.charCodeAt(this.i) !== 44) break;
        this.i++;
      }
    }
    if (events.length > MAX_EVENTS) throw BAIL;
    this.lit(LIT.frames);
    const payload: Record<string, unknown> = { v: 1, events, frames: [] };
    if (this.at(this.i, LIT.stats)) {
      this.i += LIT.stats.length;
      payload.stats = this.stats();
    }
    this.ch(125);
    if (this.i !== s.length) throw BAIL;
    return { payload: payload as BatchPayload, keyDowns, focusTexts, exact: this.exact };
  }
}

/**
 * Parse and validate a payload text in one pass, or undefined when the text is outside the subset handled here
 * (the caller then uses `JSON.parse` + `validatePayload`, which decide).
 * @example fastParsePayload('{"v":1,"events":[{"kind":"mouse_move","t":1,"x":2,"y":3}],"frames":[]}')?.exact // true
 */
export function fastParsePayload(text: string): FastParsed | undefined {
  try {
    return new Parser(text).payload();
  } catch (e) {
    if (e === BAIL) return undefined;
    throw e;
  }
}
