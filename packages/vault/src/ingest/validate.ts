import { BatchPayload, type RawEvent } from "@tracevault/core";

/**
 * The payload check of ingest, without running zod over every event. zod costs ~3 µs per event (a third of a
 * 1,000-event batch's ingest); this validator accepts exactly the values `BatchPayload` accepts and returns
 * exactly what it returns (unknown keys dropped, defaults filled, keys in schema order), which
 * test/ingest-validate.test.ts checks against the zod schema with generated valid and invalid payloads. The
 * envelope (`v`, `frames`, `stats`) is still parsed by zod: it is small and rarely changes shape.
 */

/** What was wrong, with the path of the first offending value (`events.12.t`). Never the value itself. */
export class PayloadError extends Error {
  override name = "PayloadError";
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${path}: ${problem}`);
  }
}

/** The bound `BatchPayload` puts on `events` (the test asserts it is the same). */
export const MAX_EVENTS = 200_000;

/** Everything but the events; zod over an array of 1,000 unknowns alone costs more than checking them here. */
const Envelope = BatchPayload.omit({ events: true });
const PAYLOAD_KEYS = Object.keys(BatchPayload.shape);

/** The event kinds and, for each, the keys it may carry in schema order (the test compares with core's shapes). */
export const EVENT_KEYS: Record<RawEvent["kind"], readonly string[]> = {
  key_down: ["kind", "t", "code", "key", "char", "mods"],
  key_up: ["kind", "t", "code", "key", "mods"],
  mouse_move: ["kind", "t", "x", "y"],
  mouse_down: ["kind", "t", "x", "y", "button"],
  mouse_up: ["kind", "t", "x", "y", "button"],
  wheel: ["kind", "t", "x", "y", "axis", "notches", "pixels"],
  focus: ["kind", "t", "app", "title", "url", "pid", "window_id"],
  screenshot: ["kind", "t", "ref", "w", "h", "display", "hash", "diff", "video_pts"],
  display: ["kind", "t", "displays"],
  marker: ["kind", "t", "name"],
};
export const MODIFIER_KEYS = ["shift", "ctrl", "alt", "meta", "altgr", "capslock"] as const;
export const DISPLAY_KEYS = ["id", "x", "y", "w", "h", "scale", "primary"] as const;

type Obj = Record<string, unknown>;

const isObject = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

function typeName(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "number" && !Number.isFinite(v)) return String(v);
  return typeof v;
}

/**
 * One event check. `path` is built only when something is wrong, so the valid path allocates nothing but the
 * output object.
 */
class EventChecker {
  index = 0;

  private fail(key: string, problem: string): never {
    throw new PayloadError(`events.${this.index}${key ? "." + key : ""}`, problem);
  }

  num(e: Obj, k: string): number {
    const v = e[k];
    if (typeof v !== "number" || !Number.isFinite(v))
      this.fail(k, `expected a finite number, got ${typeName(v)}`);
    return v;
  }

  int(e: Obj, k: string): number {
    const v = e[k];
    if (typeof v !== "number" || !Number.isSafeInteger(v))
      this.fail(k, `expected a (safe) integer, got ${typeName(v)}`);
    return v;
  }

  positive(e: Obj, k: string): number {
    const v = this.num(e, k);
    if (!(v > 0)) this.fail(k, "must be greater than 0");
    return v;
  }

  str(e: Obj, k: string): string {
    const v = e[k];
    if (typeof v !== "string") this.fail(k, `expected a string, got ${typeName(v)}`);
    return v;
  }

  nonEmpty(e: Obj, k: string): string {
    const v = this.str(e, k);
    if (v.length < 1) this.fail(k, "must not be empty");
    return v;
  }

  oneOf<T extends string>(e: Obj, k: string, allowed: readonly T[]): T {
    const v = e[k];
    if (typeof v !== "string" || !(allowed as readonly string[]).includes(v))
      this.fail(k, `expected one of ${allowed.join(", ")}`);
    return v as T;
  }

  /** Optional keys: zod copies a present key even when its value is `undefined`, so presence is `in`. */
  optStr(e: Obj, k: string, out: Obj): void {
    if (!(k in e)) return;
    const v = e[k];
    if (v !== undefined && typeof v !== "string") this.fail(k, `expected a string, got ${typeName(v)}`);
    out[k] = v;
  }

  optNum(e: Obj, k: string, out: Obj, check?: (v: number) => string | undefined): void {
    if (!(k in e)) return;
    const v = e[k];
    if (v !== undefined) {
      if (typeof v !== "number" || !Number.isFinite(v))
        this.fail(k, `expected a finite number, got ${typeName(v)}`);
      const bad = check?.(v);
      if (bad) this.fail(k, bad);
    }
    out[k] = v;
  }

  optInt(e: Obj, k: string, out: Obj): void {
    if (!(k in e)) return;
    const v = e[k];
    if (v !== undefined && (typeof v !== "number" || !Number.isSafeInteger(v)))
      this.fail(k, `expected a (safe) integer, got ${typeName(v)}`);
    out[k] = v;
  }

  code(e: Obj): number {
    const v = e.code;
    if (v === undefined) return 0;
    if (typeof v !== "number" || !Number.isSafeInteger(v))
      this.fail("code", `expected a (safe) integer, got ${typeName(v)}`);
    if (v < 0) this.fail("code", "must be 0 or more");
    return v;
  }

  mods(e: Obj, out: Obj): void {
    if (!("mods" in e)) return;
    const m = e.mods;
    if (m === undefined) {
      out.mods = undefined;
      return;
    }
    if (!isObject(m)) this.fail("mods", `expected an object, got ${typeName(m)}`);
    const o: Obj = {};
    for (const k of MODIFIER_KEYS) {
      if (!(k in m)) continue;
      const v = m[k];
      if (v !== undefined && typeof v !== "boolean")
        this.fail(`mods.${k}`, `expected a boolean, got ${typeName(v)}`);
      o[k] = v;
    }
    out.mods = o;
  }

  display(d: unknown, j: number): Obj {
    const p = `displays.${j}`;
    if (!isObject(d)) this.fail(p, `expected an object, got ${typeName(d)}`);
    const id = d.id;
    if (typeof id !== "string") this.fail(`${p}.id`, `expected a string, got ${typeName(id)}`);
    const o: Obj = { id };
    for (const k of ["x", "y"] as const) {
      const v = d[k];
      if (typeof v !== "number" || !Number.isFinite(v))
        this.fail(`${p}.${k}`, `expected a finite number, got ${typeName(v)}`);
      o[k] = v;
    }
    for (const k of ["w", "h"] as const) {
      const v = d[k];
      if (typeof v !== "number" || !Number.isFinite(v))
        this.fail(`${p}.${k}`, `expected a finite number, got ${typeName(v)}`);
      if (!(v > 0)) this.fail(`${p}.${k}`, "must be greater than 0");
      o[k] = v;
    }
    const scale = d.scale;
    if (scale === undefined) o.scale = 1;
    else {
      if (typeof scale !== "number" || !Number.isFinite(scale))
        this.fail(`${p}.scale`, `expected a finite number, got ${typeName(scale)}`);
      if (!(scale > 0)) this.fail(`${p}.scale`, "must be greater than 0");
      o.scale = scale;
    }
    if ("primary" in d) {
      const v = d.primary;
      if (v !== undefined && typeof v !== "boolean")
        this.fail(`${p}.primary`, `expected a boolean, got ${typeName(v)}`);
      o.primary = v;
    }
    return o;
  }

  event(e: unknown): RawEvent {
    if (!isObject(e)) this.fail("", `expected an event object, got ${typeName(e)}`);
    const kind = e.kind;
    // Each branch builds its output in schema order, as zod does.
    switch (kind) {
      case "key_down": {
        const out: Obj = { kind, t: this.num(e, "t"), code: this.code(e), key: this.nonEmpty(e, "key") };
        this.optStr(e, "char", out);
        this.mods(e, out);
        return out as RawEvent;
      }
      case "key_up": {
        const out: Obj = { kind, t: this.num(e, "t"), code: this.code(e), key: this.nonEmpty(e, "key") };
        this.mods(e, out);
        return out as RawEvent;
      }
      case "mouse_move":
        return { kind, t: this.num(e, "t"), x: this.num(e, "x"), y: this.num(e, "y") };
      case "mouse_down":
      case "mouse_up":
        return {
          kind,
          t: this.num(e, "t"),
          x: this.num(e, "x"),
          y: this.num(e, "y"),
          button: this.oneOf(e, "button", ["left", "right", "middle", "back", "forward"] as const),
        };
      case "wheel": {
        const out: Obj = {
          kind,
          t: this.num(e, "t"),
          x: this.num(e, "x"),
          y: this.num(e, "y"),
          axis: this.oneOf(e, "axis", ["vertical", "horizontal"] as const),
          notches: this.num(e, "notches"),
        };
        this.optNum(e, "pixels", out);
        return out as RawEvent;
      }
      case "focus": {
        const out: Obj = { kind, t: this.num(e, "t") };
        this.optStr(e, "app", out);
        this.optStr(e, "title", out);
        this.optStr(e, "url", out);
        this.optInt(e, "pid", out);
        this.optStr(e, "window_id", out);
        return out as RawEvent;
      }
      case "screenshot": {
        const out: Obj = { kind, t: this.num(e, "t"), ref: this.nonEmpty(e, "ref") };
        for (const k of ["w", "h"] as const) {
          out[k] = this.int(e, k);
          if (!((out[k] as number) > 0)) this.fail(k, "must be greater than 0");
        }
        this.optStr(e, "display", out);
        this.optStr(e, "hash", out);
        this.optNum(e, "diff", out, (v) => (v < 0 || v > 1 ? "must be between 0 and 1" : undefined));
        this.optNum(e, "video_pts", out, (v) => (v < 0 ? "must be 0 or more" : undefined));
        return out as RawEvent;
      }
      case "display": {
        const t = this.num(e, "t");
        const ds = e.displays;
        if (!Array.isArray(ds)) this.fail("displays", `expected an array, got ${typeName(ds)}`);
        if (ds.length < 1) this.fail("displays", "must list at least one display");
        return { kind, t, displays: ds.map((d, j) => this.display(d, j)) } as RawEvent;
      }
      case "marker":
        return { kind, t: this.num(e, "t"), name: this.nonEmpty(e, "name") };
      default:
        this.fail(
          "kind",
          typeof kind === "string" ? "unknown event kind" : `expected a string, got ${typeName(kind)}`,
        );
    }
  }
}

export interface ValidatedPayload {
  payload: BatchPayload;
  /** How many `key_down` events there are: with none, the key-stream filter has nothing to look at. */
  keyDowns: number;
  /** How many `focus` events carry a title or URL (the ones title/URL redaction looks at). */
  focusTexts: number;
}

/**
 * Validate a parsed batch payload. Returns what `BatchPayload.parse` would return, or throws a `PayloadError`
 * naming the first offending path.
 * @example validatePayload({ v: 1, events: [{ kind: "key_up", t: 1, key: "a" }], frames: [] }).payload.events[0] // { kind: "key_up", t: 1, code: 0, key: "a" }
 */
export function validatePayload(input: unknown): ValidatedPayload {
  if (!isObject(input)) throw new PayloadError("payload", `expected an object, got ${typeName(input)}`);
  const { events: raw, ...rest } = input;
  const env = Envelope.safeParse(rest);
  if (!env.success) {
    const i = env.error.issues[0];
    throw new PayloadError(i?.path.join(".") || "payload", i?.message ?? "invalid");
  }
  if (!Array.isArray(raw)) throw new PayloadError("events", `expected an array, got ${typeName(raw)}`);
  if (raw.length > MAX_EVENTS) throw new PayloadError("events", `more than ${MAX_EVENTS} events`);
  const c = new EventChecker();
  const events = new Array<RawEvent>(raw.length);
  let keyDowns = 0;
  let focusTexts = 0;
  for (let i = 0; i < raw.length; i++) {
    c.index = i;
    const e = c.event(raw[i]);
    if (e.kind === "key_down") keyDowns++;
    else if (e.kind === "focus" && (e.title !== undefined || e.url !== undefined)) focusTexts++;
    events[i] = e;
  }
  // Keys in the order zod would give them.
  const data = env.data as Obj;
  const payload: Obj = {};
  for (const k of PAYLOAD_KEYS)
    if (k === "events") payload.events = events;
    else if (k in data) payload[k] = data[k];
  return { payload: payload as BatchPayload, keyDowns, focusTexts };
}
