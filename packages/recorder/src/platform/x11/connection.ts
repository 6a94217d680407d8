/**
 * A small promise-based layer over the pure-JS `x11` package (no native code: it can never abort the
 * process, unlike libuiohook). Only what the capture sources need is typed here.
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { CaptureError } from "../../capture/types.js";

const require = createRequire(import.meta.url);

/** The part of the `x11` client the capture layer uses. Callbacks are (err, result). */
export interface XClient {
  on(ev: "event", fn: (ev: XEvent) => void): void;
  on(ev: "error" | "end", fn: (err?: Error) => void): void;
  removeAllListeners(ev?: string): void;
  InternAtom(onlyIfExists: boolean, name: string, cb: (err: Error | null, atom: number) => void): void;
  GetAtomName(atom: number, cb: (err: Error | null, name: string) => void): void;
  GetProperty(
    del: number,
    wid: number,
    atom: number,
    type: number,
    longOffset: number,
    longLength: number,
    cb: (err: Error | null, prop: XProperty) => void,
  ): void;
  ChangeWindowAttributes(wid: number, values: { eventMask?: number }, cb?: (err: Error | null) => void): void;
  GetGeometry(
    drawable: number,
    cb: (
      err: Error | null,
      g: { xPos: number; yPos: number; width: number; height: number; borderWidth: number },
    ) => void,
  ): void;
  TranslateCoordinates(
    src: number,
    dst: number,
    x: number,
    y: number,
    cb: (err: Error | null, r: { destX: number; destY: number; child: number }) => void,
  ): void;
  GetImage(
    format: number,
    drawable: number,
    x: number,
    y: number,
    w: number,
    h: number,
    planeMask: number,
    cb: (err: Error | null, img: { depth: number; visualId: number; data: Buffer }) => void,
  ): void;
  ListExtensions(cb: (err: Error | null, names: string[]) => void): void;
  GetKeyboardMapping(first: number, count: number, cb: (err: Error | null, rows: number[][]) => void): void;
  QueryPointer(
    wid: number,
    cb: (err: Error | null, r: { keyMask?: number; mask?: number } & Record<string, unknown>) => void,
  ): void;
  GetSelectionOwner(selection: number, cb: (err: Error | null, owner: number) => void): void;
  QueryTree(
    wid: number,
    cb: (err: Error | null, t: { root: number; parent: number; children: number[] }) => void,
  ): void;
  GetWindowAttributes(
    wid: number,
    cb: (err: Error | null, a: { mapState: number; overrideRedirect: number | boolean }) => void,
  ): void;
  require(name: string, cb: (err: Error | null, ext: unknown) => void): void;
  terminate(): void;
  close(cb?: () => void): void;
  sync(): Promise<void>;
}

export interface XProperty {
  type: number;
  format: number;
  bytesAfter: number;
  data: Buffer;
}

export interface XEvent {
  type: number;
  name: string;
  wid?: number;
  atom?: number;
  state?: number;
  request?: number;
  [k: string]: unknown;
}

interface XScreen {
  root: number;
  pixel_width: number;
  pixel_height: number;
  mm_width: number;
  mm_height: number;
  root_depth: number;
  root_visual?: number;
  depths?: Record<
    string,
    Record<string, { red_mask: number; green_mask: number; blue_mask: number; bits_per_rgb: number }>
  >;
}

export interface XDisplayInfo {
  client: XClient;
  screen: XScreen[];
  min_keycode: number;
  max_keycode: number;
  image_byte_order: number;
  isLocalSocket?: boolean;
  format?: Record<string, { depth: number; bits_per_pixel: number; scanline_pad: number }>;
}

interface X11Module {
  createClient(
    opts: { display?: string; disableBigRequests?: boolean },
    cb: (err: Error | undefined, d: XDisplayInfo) => void,
  ): XClient;
  eventMask: Record<string, number>;
}

let x11mod: X11Module | undefined;
/** The `x11` package (loaded lazily, so importing the recorder does not require it on macOS/Windows). */
export function x11(): X11Module {
  x11mod ??= require("x11") as X11Module;
  return x11mod;
}

/** Atoms 1..68 are predefined by the core protocol: the same on every server. */
const LAST_PREDEFINED_ATOM = 68;

/**
 * `x11@4.2.2` caches interned atoms (and atom names) in one object shared by every client of the process, so
 * after the X server restarts, or with a second display, a new connection would get the first server's atom
 * numbers and read the wrong properties (a window title read through another server's `_NET_WM_NAME` comes
 * back empty or wrong, and title rules then see nothing). Each client gets a private cache holding only the
 * predefined atoms.
 */
function isolateAtomCache(X: XClient): void {
  const c = X as unknown as { atoms?: Record<string, number>; atom_names?: Record<string, string> };
  if (c.atoms && typeof c.atoms === "object")
    c.atoms = Object.fromEntries(Object.entries(c.atoms).filter(([, v]) => v <= LAST_PREDEFINED_ATOM));
  if (c.atom_names && typeof c.atom_names === "object")
    c.atom_names = Object.fromEntries(
      Object.entries(c.atom_names).filter(([k]) => Number(k) <= LAST_PREDEFINED_ATOM),
    );
}

/** Event mask bits we use (X11 core protocol values). */
export const EventMask = {
  KeyPress: 1 << 0,
  StructureNotify: 1 << 17,
  PropertyChange: 1 << 22,
} as const;

/** `AnyPropertyType` for GetProperty. */
export const AnyPropertyType = 0;

/**
 * The display to use: the given one, else $DISPLAY. Throws NO_DISPLAY when there is none (the `x11` package
 * would otherwise silently try ":0").
 */
export function resolveDisplay(display?: string): string {
  const d = display ?? process.env.DISPLAY;
  if (d === undefined || d.trim() === "") {
    const wayland = process.env.WAYLAND_DISPLAY
      ? " (this looks like a Wayland session without XWayland)"
      : "";
    throw new CaptureError("NO_DISPLAY", `no X display: DISPLAY is not set${wayland}`);
  }
  return d;
}

/**
 * What to hand the `x11` client for `display`. For a local display (":N") whose socket is absent, the client
 * falls back to TCP on localhost itself but leaves the descriptor of its failed socket attempt open: one
 * leaked descriptor per attempt, and a recorder retrying a display that went away makes many. Asking for
 * "localhost:N" directly is the same fallback without the leak.
 * @example clientDisplay(":0") // ":0" when /tmp/.X11-unix/X0 exists, else "localhost:0"
 */
export function clientDisplay(display: string): string {
  const m = /^(?:unix)?:(\d+)(\.\d+)?$/.exec(display);
  if (!m || process.platform !== "linux") return display;
  return existsSync(`/tmp/.X11-unix/X${m[1]}`) ? display : `localhost:${m[1]}${m[2] ?? ""}`;
}

/** An open connection to an X display. */
export class XConnection {
  readonly X: XClient;
  readonly info: XDisplayInfo;
  readonly display: string;
  private closed = false;
  private readonly atoms = new Map<string, number>();
  private readonly endListeners = new Set<(err?: Error) => void>();
  private readonly eventListeners = new Set<(ev: XEvent) => void>();

  private constructor(display: string, info: XDisplayInfo) {
    this.display = display;
    this.info = info;
    this.X = info.client;
    isolateAtomCache(this.X);
    let ended = false;
    const onEnd = (err?: Error) => {
      if (ended) return;
      ended = true;
      const wasClosed = this.closed;
      this.closed = true;
      if (!wasClosed) for (const l of this.endListeners) l(err);
    };
    this.X.on("end", () => onEnd());
    this.X.on("error", (err?: Error) => {
      // Errors of requests with a callback go to the callback; what reaches here is either a connection
      // failure or the error of a request sent without a callback (harmless for us: windows vanish).
      const e = err as (Error & { code?: string; error?: number }) | undefined;
      if (e && typeof e.error === "number") return; // an X protocol error (BadWindow…)
      onEnd(err);
    });
    this.X.on("event", (ev: XEvent) => {
      for (const l of this.eventListeners) l(ev);
    });
  }

  /** Connect to `display` (default $DISPLAY) within `timeoutMs`. Rejects with a CaptureError. */
  static open(display?: string, timeoutMs = 3000): Promise<XConnection> {
    const name = resolveDisplay(display);
    return new Promise((resolve, reject) => {
      let done = false;
      const timer = setTimeout(() => {
        if (done) return;
        done = true;
        try {
          client.terminate();
        } catch {
          /* ignore */
        }
        reject(
          new CaptureError(
            "DISPLAY_UNREACHABLE",
            `cannot connect to X display ${name}: no answer in ${timeoutMs} ms`,
          ),
        );
      }, timeoutMs);
      let client: XClient;
      try {
        client = x11().createClient({ display: clientDisplay(name) }, (err, info) => {
          if (done) {
            if (!err) info.client.terminate();
            return;
          }
          done = true;
          clearTimeout(timer);
          if (err) {
            reject(
              new CaptureError("DISPLAY_UNREACHABLE", `cannot connect to X display ${name}: ${err.message}`, {
                cause: err,
              }),
            );
            return;
          }
          resolve(new XConnection(name, info));
        });
      } catch (err) {
        done = true;
        clearTimeout(timer);
        reject(
          new CaptureError(
            "DISPLAY_UNREACHABLE",
            `cannot connect to X display ${name}: ${(err as Error).message}`,
            { cause: err },
          ),
        );
        return;
      }
      // Connection-phase errors are also emitted on the client; without a listener they would throw.
      client.on("error", (err?: Error) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        reject(
          new CaptureError(
            "DISPLAY_UNREACHABLE",
            `cannot connect to X display ${name}: ${err?.message ?? "error"}`,
            { cause: err },
          ),
        );
      });
    });
  }

  get root(): number {
    return this.info.screen[0]!.root;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Called once when the connection is lost (not when {@link close} is called). */
  onEnd(fn: (err?: Error) => void): () => void {
    this.endListeners.add(fn);
    return () => this.endListeners.delete(fn);
  }

  onEvent(fn: (ev: XEvent) => void): () => void {
    this.eventListeners.add(fn);
    return () => this.eventListeners.delete(fn);
  }

  /** Close politely (round trip, then disconnect). Idempotent. */
  close(): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.closed = true;
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        try {
          this.X.terminate();
        } catch {
          /* ignore */
        }
        resolve();
      }, 1000);
      try {
        this.X.close(() => {
          clearTimeout(t);
          resolve();
        });
      } catch {
        clearTimeout(t);
        resolve();
      }
    });
  }

  private call<T>(fn: (cb: (err: Error | null, r: T) => void) => void): Promise<T> {
    return new Promise((resolve, reject) => {
      if (this.closed) {
        reject(new CaptureError("DISPLAY_GONE", `display ${this.display} went away`));
        return;
      }
      fn((err, r) => (err ? reject(err) : resolve(r)));
    });
  }

  async atom(name: string): Promise<number> {
    const cached = this.atoms.get(name);
    if (cached !== undefined) return cached;
    const a = await this.call<number>((cb) => this.X.InternAtom(false, name, cb));
    this.atoms.set(name, a);
    return a;
  }

  atomName(atom: number): Promise<string> {
    return this.call<string>((cb) => this.X.GetAtomName(atom, cb));
  }

  /** Read a property (up to `maxBytes`); `undefined` when the window lacks it. */
  async property(wid: number, name: string | number, maxBytes = 65536): Promise<XProperty | undefined> {
    const atom = typeof name === "number" ? name : await this.atom(name);
    const p = await this.call<XProperty>((cb) =>
      this.X.GetProperty(0, wid, atom, AnyPropertyType, 0, Math.ceil(maxBytes / 4), cb),
    );
    return p.type === 0 ? undefined : p;
  }

  /** A 32-bit property's first value (WINDOW, CARDINAL), or undefined. */
  async cardinal(wid: number, name: string): Promise<number | undefined> {
    const p = await this.property(wid, name, 4);
    if (!p || p.format !== 32 || p.data.length < 4) return undefined;
    return p.data.readUInt32LE(0);
  }

  /** A text property (UTF8_STRING, STRING as Latin-1, COMPOUND_TEXT as Latin-1 best effort). */
  async text(wid: number, name: string): Promise<string | undefined> {
    const p = await this.property(wid, name);
    if (!p || p.format !== 8) return undefined;
    const utf8 = await this.atom("UTF8_STRING");
    return p.type === utf8 ? p.data.toString("utf8") : p.data.toString("latin1");
  }

  selectInput(wid: number, mask: number): Promise<void> {
    return this.call<void>((cb) =>
      this.X.ChangeWindowAttributes(wid, { eventMask: mask }, (err) => cb(err, undefined)),
    );
  }

  geometry(wid: number) {
    return this.call<{ xPos: number; yPos: number; width: number; height: number; borderWidth: number }>(
      (cb) => this.X.GetGeometry(wid, cb),
    );
  }

  translate(src: number, dst: number, x: number, y: number) {
    return this.call<{ destX: number; destY: number; child: number }>((cb) =>
      this.X.TranslateCoordinates(src, dst, x, y, cb),
    );
  }

  extensions(): Promise<string[]> {
    return this.call<string[]>((cb) => this.X.ListExtensions(cb));
  }

  keyboardMapping(): Promise<number[][]> {
    const { min_keycode: min, max_keycode: max } = this.info;
    return this.call<number[][]>((cb) => this.X.GetKeyboardMapping(min, max - min + 1, cb));
  }

  getImage(drawable: number, x: number, y: number, w: number, h: number) {
    return this.call<{ depth: number; visualId: number; data: Buffer }>((cb) =>
      this.X.GetImage(2, drawable, x, y, w, h, 0xffffffff, cb),
    );
  }

  queryPointerMask(): Promise<number> {
    return this.call<{ keyMask?: number; mask?: number }>((cb) => this.X.QueryPointer(this.root, cb)).then(
      (r) => (r.keyMask ?? r.mask ?? 0) as number,
    );
  }

  selectionOwner(selection: string): Promise<number> {
    return this.atom(selection).then((a) => this.call<number>((cb) => this.X.GetSelectionOwner(a, cb)));
  }

  queryTree(wid: number) {
    return this.call<{ root: number; parent: number; children: number[] }>((cb) => this.X.QueryTree(wid, cb));
  }

  windowAttributes(wid: number) {
    return this.call<{ mapState: number; overrideRedirect: number | boolean }>((cb) =>
      this.X.GetWindowAttributes(wid, cb),
    );
  }

  requireExtension<T>(name: string): Promise<T> {
    return this.call<T>((cb) => this.X.require(name, cb as (err: Error | null, ext: unknown) => void));
  }
}
