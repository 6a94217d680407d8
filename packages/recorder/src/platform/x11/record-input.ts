import {
  SupervisedInput,
  type InputChannel,
  type KeymapProvider,
  type RecoveryWords,
  type RestartPolicy,
} from "../../capture/supervised-input.js";
import { CaptureError, type Clock } from "../../capture/types.js";
import { XConnection, resolveDisplay } from "./connection.js";
import { noRecordError } from "./display-check.js";
import { RecordReader } from "./record-reader.js";

/**
 * Keyboard and mouse capture on X11 inside the recorder process, with the RECORD extension spoken by the
 * pure-JS `x11` client: the same data libuiohook reads (device events KeyPress…MotionNotify of all clients),
 * without a helper process.
 *
 * Why not the uiohook child here: libuiohook can abort() its process, so it has to run in a supervised child
 * (a second Node process, ~45–50 MB resident) that writes every event to a pipe the recorder then reads.
 * Nothing in this client can abort the recorder (a lost display is an `end` event), the X server batches
 * several events per reply when they come fast, and only what the manifest allows is ever sent to us: the
 * RECORD context lists key events only with `keyboard`, pointer events only with `mouse`. The data connection
 * is read on its own thread (record-reader.ts): the server drops events for a recording client that falls
 * behind, and this process's main thread has other work.
 *
 * Records are produced in the uiohook format ({@link InputMapper} turns them into core events), so key codes,
 * names, characters, modifiers and buttons are the same whichever backend captured them:
 * - key codes: X (evdev) keycode → libuiohook virtual code (keypad keys with NumLock off get 0xEE00);
 * - modifiers: the event's core state (what was held before it), plus the key's own bit on a modifier press
 *   (and minus it on its release), as libuiohook reports them;
 * - buttons: the pointer mapping applied, then 2 ↔ 3 (uiohook: 1 left, 2 right, 3 middle, 4/5 back/forward);
 *   X buttons 4–7 are wheel notches (rotation −1 up/left, +1 down/right), on press only.
 * - times: the server's event time. On a local server it is CLOCK_MONOTONIC in ms (measured: equal to
 *   `process.hrtime` to within a few ms), so events keep their real time even when the recorder was busy
 *   when they arrived (up to 60 s late); for a server with another clock (a remote display), the smallest
 *   arrival − server time seen is used as the offset.
 */

export interface X11RecordInputOptions {
  display?: string;
  /** Channels to capture; the RECORD context asks for nothing else. */
  channels: readonly InputChannel[];
  clock?: Clock;
  /** The active layout (and CapsLock state at start); default US. */
  keymap?: KeymapProvider;
  wheelPixelsPerNotch?: number;
  restart?: Partial<RestartPolicy>;
  /** Runs before every (re)connection (e.g. open the keyboard layout). */
  prepare?: () => Promise<void>;
  /** How long RECORD may take to start sending (default 10 000 ms). */
  startTimeoutMs?: number;
}

/** What the `x11` package's RECORD extension object offers (lib/ext/record.js). */
interface RecordExt {
  majorOpcode: number;
  CS: { AllClients: number };
  CreateContext(
    context: number,
    elementHeader: number,
    clientSpecs: number[],
    ranges: { deviceEvents: { first: number; last: number } }[],
  ): void;
  DisableContext(context: number): void;
  FreeContext(context: number): void;
}

/** The `x11` client calls used on the control connection that its typings do not declare. */
interface XInternals {
  AllocID(): number;
  GetPointerMapping(cb: (err: Error | null, map: number[]) => void): void;
  GetModifierMapping(cb: (err: Error | null, rows: number[][]) => void): void;
}

const KEY_PRESS = 2;
const KEY_RELEASE = 3;
const BUTTON_PRESS = 4;
const BUTTON_RELEASE = 5;
const MOTION = 6;

/** libuiohook virtual codes of the X (evdev) keycodes above the main block (X keycodes 9–91 are VC + 8). */
const EXTENDED_KEYCODES: Readonly<Record<number, number>> = {
  94: 0x0e46, // <LSGT>, the ISO key left of Z (libuiohook leaves it unnamed; the layout table names it)
  95: 0x0057, // F11
  96: 0x0058, // F12
  97: 0x0073, // <AB11> (JIS ro)
  98: 0x0070, // Katakana
  99: 0x007b, // Hiragana
  100: 0x0079, // Kanji (Henkan)
  103: 0x007e, // KP comma
  104: 0x0e1c, // KP Enter
  105: 0x0e1d, // right Control
  106: 0x0e35, // KP divide
  107: 0x0e37, // Print
  108: 0x0e38, // right Alt / AltGr
  110: 0x0e47, // Home
  111: 0xe048, // Up
  112: 0x0e49, // Page Up
  113: 0xe04b, // Left
  114: 0xe04d, // Right
  115: 0x0e4f, // End
  116: 0xe050, // Down
  117: 0x0e51, // Page Down
  118: 0x0e52, // Insert
  119: 0x0e53, // Delete
  121: 0xe020, // Mute
  122: 0xe02e, // Volume down
  123: 0xe030, // Volume up
  124: 0xe05e, // Power
  125: 0x0e0d, // KP equals
  127: 0x0e45, // Pause
  132: 0x007d, // <AE13> (JIS yen)
  133: 0x0e5b, // left Super (meta)
  134: 0x0e5c, // right Super
  135: 0x0e5d, // Menu
  148: 0xe021, // Calculator
  150: 0xe05f, // Sleep
  166: 0xe06c, // Mail
  167: 0xe022, // Play
  180: 0xe032, // Browser home
  225: 0xe065, // Browser search
};
for (let i = 0; i < 12; i++)
  (EXTENDED_KEYCODES as Record<number, number>)[191 + i] = i < 3 ? 0x5b + i : 0x63 + i - 3; // F13–F24

/**
 * The libuiohook virtual code of an X keycode (evdev rules: Xorg, Xvfb), 0 when it has none.
 * @example xKeycodeToVc(38) // 0x1e (A)
 * @example xKeycodeToVc(111) // 0xe048 (Up)
 */
export function xKeycodeToVc(keycode: number): number {
  if (keycode >= 9 && keycode <= 91) return keycode - 8;
  return EXTENDED_KEYCODES[keycode] ?? 0;
}

const VC_SHIFT_L = 0x2a;
const VC_SHIFT_R = 0x36;
const VC_CTRL_L = 0x1d;
const VC_CTRL_R = 0x0e1d;
const VC_ALT_L = 0x38;
const VC_ALT_R = 0x0e38;
const VC_META_L = 0x0e5b;
const VC_META_R = 0x0e5c;
/** Keypad keys that act as navigation keys with NumLock off (libuiohook adds 0xEE00 to them). */
const KEYPAD_NAV = new Set([0x47, 0x48, 0x49, 0x4b, 0x4c, 0x4d, 0x4f, 0x50, 0x51, 0x52, 0x53]);

/** uiohook modifier flags (hook-child.ts protocol): 1 shift, 2 ctrl, 4 alt, 8 meta. */
const OWN_FLAG: Readonly<Record<number, number>> = {
  [VC_SHIFT_L]: 1,
  [VC_SHIFT_R]: 1,
  [VC_CTRL_L]: 2,
  [VC_CTRL_R]: 2,
  [VC_ALT_L]: 4,
  [VC_ALT_R]: 4,
  [VC_META_L]: 8,
  [VC_META_R]: 8,
};
const OTHER_SIDE: Readonly<Record<number, number>> = {
  [VC_SHIFT_L]: VC_SHIFT_R,
  [VC_SHIFT_R]: VC_SHIFT_L,
  [VC_CTRL_L]: VC_CTRL_R,
  [VC_CTRL_R]: VC_CTRL_L,
  [VC_ALT_L]: VC_ALT_R,
  [VC_ALT_R]: VC_ALT_L,
  [VC_META_L]: VC_META_R,
  [VC_META_R]: VC_META_L,
};

/** Which core modifier bit (Mod1…Mod5) holds Alt, Super and NumLock on this server. */
interface ModBits {
  alt: number;
  meta: number;
  numLock: number;
}
/** The usual XKB assignment: Alt on Mod1, NumLock on Mod2, Super on Mod4. */
const DEFAULT_MOD_BITS: ModBits = { alt: 0x08, meta: 0x40, numLock: 0x10 };

/** Modifier bits from GetModifierMapping rows (Shift, Lock, Control, Mod1–Mod5) by the keycodes in them. */
export function modBitsFromMapping(rows: readonly (readonly number[])[]): ModBits {
  const bitOf = (keycodes: number[], fallback: number): number => {
    for (let m = 3; m < 8; m++) if (rows[m]?.some((k) => keycodes.includes(k))) return 1 << m;
    return fallback;
  };
  return {
    alt: bitOf([64], DEFAULT_MOD_BITS.alt), // Alt_L
    meta: bitOf([133, 134], DEFAULT_MOD_BITS.meta), // Super_L, Super_R
    numLock: bitOf([77], DEFAULT_MOD_BITS.numLock), // Num_Lock
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Milliseconds of CLOCK_MONOTONIC (what a local X server stamps events with). */
function monotonicMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/**
 * One RECORD session: a control connection (creates, disables and frees the context; mappings) and the data
 * connection on which the context is enabled, read on its own thread (see record-reader.ts for why).
 */
class RecordSession {
  ended = false;
  ctx = 0;
  private stopping = false;
  private reader: RecordReader | undefined;
  private constructor(
    readonly ctl: XConnection,
    private readonly ext: RecordExt,
  ) {}

  static async open(display: string): Promise<RecordSession> {
    const ctl = await XConnection.open(display);
    try {
      if (!(await ctl.extensions()).includes("RECORD")) throw noRecordError(display);
      const ext = await ctl.requireExtension<RecordExt>("record");
      return new RecordSession(ctl, ext);
    } catch (err) {
      await ctl.close();
      throw err;
    }
  }

  /**
   * Create the context and enable it on the reader thread's connection. `onEvents(buf, arrivals)` gets the
   * recorded 32-byte events with their arrival times; `onLost` is called once if the data connection ends
   * while running. Resolves once the server said StartOfData.
   */
  async enable(
    channels: readonly InputChannel[],
    onEvents: (buf: Buffer, arrivals: Float64Array) => void,
    onLost: () => void,
    timeoutMs: number,
  ): Promise<void> {
    const c = this.ctl.X as unknown as XInternals;
    this.ctx = c.AllocID();
    const first = channels.includes("keyboard") ? KEY_PRESS : BUTTON_PRESS;
    const last = channels.includes("mouse") ? MOTION : KEY_RELEASE;
    this.ext.CreateContext(this.ctx, 0, [this.ext.CS.AllClients], [{ deviceEvents: { first, last } }]);
    // The round trip makes a refused CreateContext show up as an error before the context is enabled.
    try {
      await this.ctl.X.sync();
    } catch (err) {
      throw new CaptureError("HOOK_FAILED", `RECORD refused the capture context: ${(err as Error).message}`, {
        cause: err,
      });
    }
    this.reader = await RecordReader.start(this.ctl.display, this.ctx, onEvents, timeoutMs);
    if (this.stopping) {
      await this.reader.close();
      return;
    }
    this.reader.onEnd(onLost);
  }

  async pointerMapping(): Promise<number[]> {
    const c = this.ctl.X as unknown as XInternals;
    return new Promise((resolve) => c.GetPointerMapping((err, map) => resolve(err ? [] : map)));
  }

  async modBits(): Promise<ModBits> {
    const c = this.ctl.X as unknown as XInternals;
    return new Promise((resolve) =>
      c.GetModifierMapping((err, rows) => resolve(err ? DEFAULT_MOD_BITS : modBitsFromMapping(rows))),
    );
  }

  async close(): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    if (this.ctx && !this.ended && !this.ctl.isClosed) {
      // Disabling is done from the control connection (the data connection is busy with the context). A
      // server that died without closing the socket never answers: wait a second at most.
      this.ext.DisableContext(this.ctx);
      this.ext.FreeContext(this.ctx);
      await Promise.race([this.ctl.X.sync().catch(() => undefined), sleep(1000)]);
    }
    await this.reader?.close();
    await this.ctl.close();
  }
}

const RECORD_WORDS: RecoveryWords = {
  lost: () => `keyboard/mouse capture lost its display connection; reconnecting`,
  restarted: (n) => `keyboard/mouse capture reconnected (restart ${n})`,
  restartFailed: (m, n, max) => `keyboard/mouse capture: reconnect failed: ${m} (failure ${n}/${max})`,
  keptFailing: (n, m) => `keyboard/mouse capture kept failing (${n} times in a row) and stopped: ${m}`,
};

/**
 * Keyboard and mouse capture through RECORD in this process (see the module comment). Shared by the
 * keyboard and mouse sources like {@link InputHook}: connects on the first attach, reconnects with backoff
 * when the display connection drops, and after `maxQuickFailures` failed attempts gives every listener one
 * clear CaptureError ("display :N went away: …"). No crash loop, no helper process.
 */
export class X11RecordInput extends SupervisedInput {
  readonly target: string;
  readonly pid: undefined = undefined;
  private readonly opts: X11RecordInputOptions;
  private readonly display: string;
  private session: RecordSession | undefined;
  private buttons: number[] = [];
  private mods: ModBits = DEFAULT_MOD_BITS;
  private readonly heldMods = new Set<number>();
  /** recorder clock − CLOCK_MONOTONIC (ms), fixed per session. */
  private clockOffset = 0;
  /** For a server whose time is not CLOCK_MONOTONIC: smallest arrival − server time seen. */
  private foreignOffset: number | undefined;
  private lastServerMs = -1;
  private serverEpochs = 0;

  constructor(opts: X11RecordInputOptions) {
    super(opts, RECORD_WORDS);
    this.opts = opts;
    this.display = resolveDisplay(opts.display);
    this.target = `display ${this.display}`;
  }

  /** The RECORD context of the current connection (diagnostics; tests kill its client to simulate a loss). */
  get recordContext(): number | undefined {
    return this.session?.ctx;
  }

  protected disconnect(): Promise<void> {
    return this.closeSession();
  }

  protected async connect(): Promise<void> {
    // RECORD is checked (and refused with NO_RECORD) before anything else is opened
    const s = await RecordSession.open(this.display);
    try {
      await this.opts.prepare?.();
      await this.refreshCaps();
      this.heldMods.clear();
      [this.buttons, this.mods] = await Promise.all([s.pointerMapping(), s.modBits()]);
      s.ctl.onEvent((ev) => {
        // MappingNotify: request 0 = modifiers, 2 = pointer buttons.
        if (ev.name !== "MappingNotify") return;
        if (ev.request === 0) void s.modBits().then((m) => (this.mods = m));
        else if (ev.request === 2) void s.pointerMapping().then((b) => (this.buttons = b));
      });
      this.clockOffset = this.clock() - monotonicMs();
      this.foreignOffset = undefined;
      this.lastServerMs = -1;
      this.serverEpochs = 0;
      const lost = () => {
        if (s.ended) return;
        s.ended = true;
        if (this.session === s)
          void this.recover(
            new CaptureError("DISPLAY_GONE", `the connection to ${this.target} was lost`),
            false,
          );
      };
      s.ctl.onEnd(lost);
      await s.enable(
        this.opts.channels,
        (buf, arrivals) => this.onEvents(buf, arrivals),
        lost,
        this.opts.startTimeoutMs ?? 10_000,
      );
      this.session = s;
    } catch (err) {
      s.ended = true;
      await s.close().catch(() => undefined);
      if (err instanceof CaptureError) throw err;
      throw new CaptureError(
        s.ctl.isClosed ? "DISPLAY_GONE" : "HOOK_FAILED",
        `keyboard/mouse capture on ${this.target} could not start: ${(err as Error).message}`,
        { cause: err },
      );
    }
  }

  /** Event time on the recorder's clock from the server's 32-bit millisecond time. */
  private stamp(serverMs: number, mono: number): number {
    // local server: its time is CLOCK_MONOTONIC in ms, modulo 2^32
    let d = (Math.floor(mono) % 0x100000000) - serverMs;
    if (d < -0x80000000) d += 0x100000000;
    else if (d > 0x80000000) d -= 0x100000000;
    let t: number;
    if (d > -1000 && d < 60_000) t = this.clockOffset + Math.floor(mono) - Math.max(0, d);
    else {
      // another clock: unwrap it and keep the smallest offset seen (the fastest delivery)
      if (this.lastServerMs >= 0 && serverMs < this.lastServerMs && this.lastServerMs - serverMs > 0x80000000)
        this.serverEpochs++;
      this.lastServerMs = serverMs;
      const full = serverMs + this.serverEpochs * 0x100000000;
      const now = this.clock();
      if (this.foreignOffset === undefined || now - full < this.foreignOffset)
        this.foreignOffset = now - full;
      t = full + this.foreignOffset;
    }
    return t;
  }

  private onEvents(buf: Buffer, arrivals: Float64Array): void {
    if (this.state === "stopping" || this.state === "idle" || this.state === "failed") return;
    for (let i = 0, o = 0; o + 32 <= buf.length; i++, o += 32) {
      const type = buf[o]! & 0x7f;
      const detail = buf[o + 1]!;
      const t = this.stamp(buf.readUInt32LE(o + 4), arrivals[i]!);
      const x = buf.readInt16LE(o + 20);
      const y = buf.readInt16LE(o + 22);
      const state = buf.readUInt16LE(o + 28);
      switch (type) {
        case KEY_PRESS:
        case KEY_RELEASE:
          this.key(type === KEY_PRESS, detail, state, t);
          break;
        case BUTTON_PRESS:
        case BUTTON_RELEASE:
          this.button(type === BUTTON_PRESS, detail, x, y, t);
          break;
        case MOTION:
          this.emit("mouse", [9, t, x, y], t);
          break;
        default:
          break;
      }
    }
  }

  private key(down: boolean, keycode: number, state: number, t: number): void {
    let vc = xKeycodeToVc(keycode);
    if (KEYPAD_NAV.has(vc) && (state & this.mods.numLock) === 0) vc |= 0xee00;
    let flags =
      (state & 1 ? 1 : 0) |
      (state & 4 ? 2 : 0) |
      (state & this.mods.alt ? 4 : 0) |
      (state & this.mods.meta ? 8 : 0);
    const own = OWN_FLAG[vc];
    if (own !== undefined) {
      // libuiohook reports a modifier's own press with its flag set and its release with it cleared
      // (unless the same modifier on the other side is still held)
      if (down) {
        this.heldMods.add(vc);
        flags |= own;
      } else {
        this.heldMods.delete(vc);
        if (!this.heldMods.has(OTHER_SIDE[vc]!)) flags &= ~own;
      }
    }
    this.emit("keyboard", [down ? 4 : 5, t, vc, flags], t);
  }

  private button(down: boolean, detail: number, x: number, y: number, t: number): void {
    const logical = this.buttons[detail - 1] ?? detail;
    if (logical >= 4 && logical <= 7) {
      if (down)
        this.emit(
          "mouse",
          [11, t, x, y, logical === 4 || logical === 6 ? -1 : 1, logical <= 5 ? 3 : 4, 3],
          t,
        );
      return;
    }
    const b = logical === 2 ? 3 : logical === 3 ? 2 : logical === 8 ? 4 : logical === 9 ? 5 : logical;
    this.emit("mouse", [down ? 7 : 8, t, x, y, b, 1], t);
  }

  private async closeSession(): Promise<void> {
    const s = this.session;
    this.session = undefined;
    if (s) {
      s.ended = true;
      await s.close().catch(() => undefined);
    }
  }
}
