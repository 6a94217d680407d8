import {
  blackout as blackoutRaw,
  encodeFrame,
  xPixelsToRgb,
  type EncodeOptions,
  type EncodedFrame,
  type RawFrame,
} from "../../capture/image.js";
import {
  CaptureError,
  defaultClock,
  type CaptureSink,
  type CaptureSource,
  type Clock,
  type Rect,
} from "../../capture/types.js";
import { XConnection } from "./connection.js";

interface ShmSegment {
  buffer: Buffer;
  getImage(
    drawable: number,
    x: number,
    y: number,
    w: number,
    h: number,
    planeMask: number,
    format: number | undefined,
    offset: number,
    cb: (err: Error | null, rep: { depth: number; size: number }) => void,
  ): void;
  detach(cb?: () => void): void;
}
interface ShmExt {
  usable(cb: (err: Error | null, ok: boolean) => void): void;
  createSegment(size: number, cb: (err: Error | null, seg: ShmSegment) => void): void;
}
interface DamageExt {
  Create(damage: number, drawable: number, level: number): void;
  Subtract(damage: number, repair: number, parts: number): void;
  Destroy(damage: number): void;
  ReportLevel: { NonEmpty: number };
}

export interface X11GrabberOptions {
  display?: string;
  clock?: Clock;
  /** Use MIT-SHM when the server accepts it (default true): ~1 ms instead of ~8 ms per 1280×800 grab. The
   * segment is an unlinked tmpfs file (anonymous shared memory), never a visible file. */
  shm?: boolean;
}

/**
 * Reads the screen of an X display: GetImage on the root window (through MIT-SHM when possible), converted
 * from the server's 32-bit BGRX/XRGB pixels to packed RGB. Keeps one connection open; grabs are serialized.
 */
export class X11ScreenGrabber {
  readonly conn: XConnection;
  private readonly clock: Clock;
  private shm: ShmSegment | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly msbFirst: boolean;

  private constructor(conn: XConnection, clock: Clock) {
    this.conn = conn;
    this.clock = clock;
    this.msbFirst = conn.info.image_byte_order === 1;
  }

  static async open(opts: X11GrabberOptions = {}): Promise<X11ScreenGrabber> {
    const conn = await XConnection.open(opts.display);
    const screen = conn.info.screen[0]!;
    const fmt = conn.info.format?.[String(screen.root_depth)];
    if ((screen.root_depth !== 24 && screen.root_depth !== 32) || (fmt && fmt.bits_per_pixel !== 32)) {
      await conn.close();
      throw new CaptureError(
        "UNSUPPORTED",
        `display ${conn.display} has depth ${screen.root_depth} (${fmt?.bits_per_pixel ?? "?"} bpp): only 24/32-bit TrueColor screens are supported`,
        { channel: "screenshots" },
      );
    }
    const g = new X11ScreenGrabber(conn, opts.clock ?? defaultClock);
    if (opts.shm !== false) await g.setupShm().catch(() => undefined);
    return g;
  }

  /** Screen size in pixels (root window). */
  get size(): { width: number; height: number } {
    const s = this.conn.info.screen[0]!;
    return { width: s.pixel_width, height: s.pixel_height };
  }

  /** True when grabs go through MIT-SHM. */
  get usesShm(): boolean {
    return this.shm !== undefined;
  }

  private async setupShm(): Promise<void> {
    if (!this.conn.info.isLocalSocket) return;
    const ext = await this.conn.requireExtension<ShmExt>("shm");
    const ok = await new Promise<boolean>((r) => ext.usable((err, ok) => r(!err && ok)));
    if (!ok) return;
    const { width, height } = this.size;
    this.shm = await new Promise<ShmSegment>((resolve, reject) =>
      ext.createSegment(width * height * 4, (err, seg) => (err ? reject(err) : resolve(seg))),
    );
  }

  /** Grab the screen (or a region of it, in screen pixels, clipped to the screen) as a raw RGB frame. */
  grab(region?: Rect): Promise<RawFrame> {
    const run = this.queue.then(() => this.grabNow(region));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async grabNow(region?: Rect): Promise<RawFrame> {
    const { width: sw, height: sh } = this.size;
    const x = Math.max(0, Math.floor(region?.x ?? 0));
    const y = Math.max(0, Math.floor(region?.y ?? 0));
    const w = Math.min(sw - x, Math.ceil(region?.w ?? sw));
    const h = Math.min(sh - y, Math.ceil(region?.h ?? sh));
    if (w <= 0 || h <= 0)
      throw new CaptureError("FAILED", "screenshot region is outside the screen", { channel: "screenshots" });
    const takenAt = this.clock();
    let pixels: Buffer;
    try {
      if (this.shm) {
        const seg = this.shm;
        await new Promise<void>((resolve, reject) =>
          seg.getImage(this.conn.root, x, y, w, h, 0xffffffff, 2, 0, (err) =>
            err ? reject(err) : resolve(),
          ),
        );
        pixels = seg.buffer;
      } else {
        pixels = (await this.conn.getImage(this.conn.root, x, y, w, h)).data;
      }
    } catch (err) {
      if (err instanceof CaptureError) throw err;
      throw new CaptureError(
        this.conn.isClosed ? "DISPLAY_GONE" : "FAILED",
        `screenshot of ${this.conn.display} failed: ${(err as Error).message}`,
        {
          channel: "screenshots",
          cause: err,
        },
      );
    }
    const rgb = xPixelsToRgb(pixels, w, h, this.msbFirst);
    return { rgb, width: w, height: h, x, y, takenAt, display: this.conn.display };
  }

  /**
   * Call `onChange` when the screen content changes (X DAMAGE on the root window: event-driven, no polling),
   * at most once per `minIntervalMs`. Returns a function that stops watching.
   */
  async watchChanges(onChange: () => void, minIntervalMs = 1000): Promise<() => void> {
    const Damage = await this.conn.requireExtension<DamageExt>("damage");
    const X = this.conn.X as unknown as { AllocID(): number };
    const damage = X.AllocID();
    Damage.Create(damage, this.conn.root, Damage.ReportLevel.NonEmpty);
    let last = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let active = true;
    const off = this.conn.onEvent((ev) => {
      if (!active || ev.name !== "DamageNotify" || ev.damage !== damage || timer) return;
      const wait = Math.max(0, last + minIntervalMs - Date.now());
      timer = setTimeout(() => {
        timer = undefined;
        if (!active) return;
        last = Date.now();
        // Re-arm: with NonEmpty reporting, the next change after this Subtract sends one new event.
        Damage.Subtract(damage, 0, 0);
        onChange();
      }, wait);
    });
    return () => {
      active = false;
      off();
      if (timer) clearTimeout(timer);
      if (!this.conn.isClosed) Damage.Destroy(damage);
    };
  }

  async close(): Promise<void> {
    await this.queue.catch(() => undefined);
    const seg = this.shm;
    this.shm = undefined;
    if (seg && !this.conn.isClosed) await new Promise<void>((r) => seg.detach(() => r()));
    await this.conn.close();
  }
}

export interface CaptureFrameOptions extends EncodeOptions {
  /** Display to read (default $DISPLAY); ignored when `grabber` is given. */
  display?: string;
  /** An open grabber (fast path: no connection setup per frame). */
  grabber?: X11ScreenGrabber;
  /** Screen region to capture (default: whole screen). */
  region?: Rect;
  /** Rectangles (screen pixels) to black out before encoding: excluded windows, OCR redactions. */
  blackout?: readonly Rect[];
}

/**
 * Grab the screen, black out rectangles, downscale and encode — the one-call path.
 * @example
 * const f = await captureFrame({ maxWidth: 1024, format: "jpeg", quality: 80, blackout: [passwordBox] });
 * // f.data (JPEG bytes), f.width, f.height, f.scale, f.takenAt
 */
export async function captureFrame(opts: CaptureFrameOptions = {}): Promise<EncodedFrame> {
  const grabber =
    opts.grabber ??
    (await X11ScreenGrabber.open(opts.display !== undefined ? { display: opts.display } : {}));
  try {
    const raw = await grabber.grab(opts.region);
    if (opts.blackout?.length) blackoutRaw(raw, opts.blackout);
    return await encodeFrame(raw, opts);
  } finally {
    if (!opts.grabber) await grabber.close();
  }
}

/**
 * The screenshot channel on X11. Started only when the manifest allows screenshots; it does not emit frames
 * by itself (frames must be OCR-redacted before anything is stored): the recorder calls {@link grab} /
 * {@link capture} when a frame matters (before/after actions), and {@link watchChanges} for changes at a low
 * rate. Fails with DISPLAY_GONE when the display dies.
 */
export class X11ScreenshotSource implements CaptureSource {
  readonly channel = "screenshots" as const;
  readonly platform = "linux-x11" as const;
  readonly tested = true;
  private readonly opts: X11GrabberOptions;
  private grabber: X11ScreenGrabber | undefined;
  private offEnd: (() => void) | undefined;

  constructor(opts: X11GrabberOptions = {}) {
    this.opts = opts;
  }

  async start(sink: CaptureSink): Promise<void> {
    if (this.grabber) return;
    const g = await X11ScreenGrabber.open(this.opts);
    this.grabber = g;
    this.offEnd = g.conn.onEnd(() => {
      this.grabber = undefined;
      sink.error(
        new CaptureError("DISPLAY_GONE", `display ${g.conn.display} went away: screenshot capture stopped`, {
          channel: "screenshots",
        }),
      );
    });
  }

  private need(): X11ScreenGrabber {
    if (!this.grabber)
      throw new CaptureError("FAILED", "the screenshot source is not running", { channel: "screenshots" });
    return this.grabber;
  }

  /** Raw frame (for OCR and redaction before encoding). */
  async grab(region?: Rect): Promise<RawFrame> {
    return this.need().grab(region);
  }

  /** Grab + black out + encode. */
  async capture(opts: Omit<CaptureFrameOptions, "grabber" | "display"> = {}): Promise<EncodedFrame> {
    return captureFrame({ ...opts, grabber: this.need() });
  }

  async watchChanges(onChange: () => void, minIntervalMs?: number): Promise<() => void> {
    return this.need().watchChanges(onChange, minIntervalMs);
  }

  get grabberInfo(): { width: number; height: number; shm: boolean } | undefined {
    return this.grabber ? { ...this.grabber.size, shm: this.grabber.usesShm } : undefined;
  }

  async stop(): Promise<void> {
    this.offEnd?.();
    this.offEnd = undefined;
    const g = this.grabber;
    this.grabber = undefined;
    await g?.close();
  }
}
