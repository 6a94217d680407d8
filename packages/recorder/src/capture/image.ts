import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { endianness } from "node:os";
import type { Rect } from "./types.js";

type Sharp = typeof import("sharp");
let sharpMod: Sharp | undefined;

/**
 * The `sharp` module, loaded on first use: libvips costs ~10 MB of memory and startup time, and a recorder
 * whose manifest takes no screenshots never needs it.
 */
export function loadSharp(): Sharp {
  if (!sharpMod) {
    sharpMod = createRequire(import.meta.url)("sharp") as Sharp;
    // The operation cache keeps decoded images for reuse; frames are never processed twice.
    sharpMod.cache(false);
  }
  return sharpMod;
}

/**
 * An uncompressed frame in memory: packed RGB, 3 bytes per pixel, no row padding. It never leaves memory:
 * redaction (black boxes) is applied here, before anything is encoded.
 */
export interface RawFrame {
  rgb: Buffer;
  width: number;
  height: number;
  /** Origin of the frame in global screen pixels (a region grab starts elsewhere than 0,0). */
  x: number;
  y: number;
  /** Time the pixels were read (recorder clock). */
  takenAt: number;
  /** Display name the frame came from (e.g. ":99"). */
  display?: string;
}

export type ImageFormat = "jpeg" | "webp" | "png";

export interface EncodeOptions {
  /** Downscale (never upscale) to at most this width, keeping the aspect ratio. Default: no downscale. */
  maxWidth?: number;
  /** Default "jpeg". */
  format?: ImageFormat;
  /** 1–100 (JPEG/WebP). Default 80. */
  quality?: number;
}

/** An encoded frame. Image pixel (ix, iy) shows screen point (x + ix / scale, y + iy / scale). */
export interface EncodedFrame {
  data: Buffer;
  format: ImageFormat;
  width: number;
  height: number;
  /** Encoded width / source width (1 = full resolution, 0.5 = half). */
  scale: number;
  x: number;
  y: number;
  sourceWidth: number;
  sourceHeight: number;
  takenAt: number;
  /**
   * SHA-256 of the encoded image: equal hash = identical screen (the encoder is deterministic: the same
   * pixels and options give the same bytes). Hashing the ~0.1–0.3 MB image instead of the 3 MB of raw
   * pixels saves ~2 ms a frame.
   */
  hash: string;
}

const LITTLE_ENDIAN = endianness() === "LE";

/**
 * Convert 32-bit X pixels (LSB-first: B,G,R,X per pixel; MSB-first: X,R,G,B) to packed RGB.
 * `stride` is the source bytes per row (4 × width for ZPixmap at 32 bpp).
 *
 * The common case (rows without padding, 4-byte aligned, little-endian host) reads whole pixels and writes
 * four pixels as three 32-bit words: ~2.5× faster than byte by byte (measured on a 1280×800 frame: 6 ms
 * instead of 16 ms on a loaded machine), and this runs on the recorder's main thread for every frame.
 */
export function xPixelsToRgb(
  src: Buffer,
  width: number,
  height: number,
  msbFirst = false,
  stride = width * 4,
): Buffer {
  const n = width * height;
  const out = Buffer.allocUnsafe(n * 3);
  if (LITTLE_ENDIAN && stride === width * 4 && src.byteOffset % 4 === 0 && out.byteOffset % 4 === 0) {
    const s = new Uint32Array(src.buffer, src.byteOffset, n);
    const d = new Uint32Array(out.buffer, out.byteOffset, (n * 3) >> 2);
    // A pixel word is B | G << 8 | R << 16 (LSB-first) or X | R << 8 | G << 16 | B << 24 (MSB-first).
    const rs = msbFirst ? 8 : 16;
    const bs = msbFirst ? 24 : 0;
    const gs = msbFirst ? 16 : 8;
    const full = n - (n % 4);
    let j = 0;
    for (let i = 0; i < full; i += 4) {
      const a = s[i]!;
      const b = s[i + 1]!;
      const c = s[i + 2]!;
      const e = s[i + 3]!;
      d[j++] =
        ((a >>> rs) & 255) |
        (((a >>> gs) & 255) << 8) |
        (((a >>> bs) & 255) << 16) |
        (((b >>> rs) & 255) << 24);
      d[j++] =
        ((b >>> gs) & 255) |
        (((b >>> bs) & 255) << 8) |
        (((c >>> rs) & 255) << 16) |
        (((c >>> gs) & 255) << 24);
      d[j++] =
        ((c >>> bs) & 255) |
        (((e >>> rs) & 255) << 8) |
        (((e >>> gs) & 255) << 16) |
        (((e >>> bs) & 255) << 24);
    }
    for (let i = full, o = full * 3; i < n; i++, o += 3) {
      const p = s[i]!;
      out[o] = (p >>> rs) & 255;
      out[o + 1] = (p >>> gs) & 255;
      out[o + 2] = (p >>> bs) & 255;
    }
    return out;
  }
  const r = msbFirst ? 1 : 2;
  const b = msbFirst ? 3 : 0;
  let o = 0;
  for (let y = 0; y < height; y++) {
    let si = y * stride;
    const end = si + width * 4;
    for (; si < end; si += 4) {
      out[o++] = src[si + r]!;
      out[o++] = src[si + 1 + (msbFirst ? 1 : 0)]!;
      out[o++] = src[si + b]!;
    }
  }
  return out;
}

/** Clip a screen-coordinate rectangle to a frame; returns frame-pixel bounds or undefined when outside. */
function clip(frame: { x: number; y: number; width: number; height: number }, r: Rect, pad: number) {
  const x0 = Math.max(0, Math.floor(r.x - pad - frame.x));
  const y0 = Math.max(0, Math.floor(r.y - pad - frame.y));
  const x1 = Math.min(frame.width, Math.ceil(r.x + r.w + pad - frame.x));
  const y1 = Math.min(frame.height, Math.ceil(r.y + r.h + pad - frame.y));
  return x1 > x0 && y1 > y0 ? { x0, y0, x1, y1 } : undefined;
}

/**
 * Black out rectangles (global screen pixels) in a raw frame, in place — before encoding, so no encoded
 * image ever holds the pixels. `pad` grows each rectangle by that many pixels on every side.
 * Returns the number of pixels blacked out.
 * @example blackout(frame, [{ x: 100, y: 200, w: 300, h: 40 }]) // 12000
 */
export function blackout(frame: RawFrame, rects: readonly Rect[], pad = 0): number {
  let n = 0;
  for (const r of rects) {
    const c = clip(frame, r, pad);
    if (!c) continue;
    for (let y = c.y0; y < c.y1; y++)
      frame.rgb.fill(0, (y * frame.width + c.x0) * 3, (y * frame.width + c.x1) * 3);
    n += (c.x1 - c.x0) * (c.y1 - c.y0);
  }
  return n;
}

/** SHA-256 (hex) of a raw frame's pixels. */
export function frameHash(frame: RawFrame): string {
  return createHash("sha256").update(frame.rgb).digest("hex");
}

/** Encode a raw frame (downscaled to `maxWidth`) as JPEG, WebP or PNG. */
export async function encodeFrame(frame: RawFrame, opts: EncodeOptions = {}): Promise<EncodedFrame> {
  const format = opts.format ?? "jpeg";
  const quality = Math.min(100, Math.max(1, Math.round(opts.quality ?? 80)));
  const sharp = loadSharp();
  let img = sharp(frame.rgb, { raw: { width: frame.width, height: frame.height, channels: 3 } });
  let width = frame.width;
  let height = frame.height;
  if (opts.maxWidth !== undefined && opts.maxWidth < frame.width) {
    width = Math.max(1, Math.round(opts.maxWidth));
    height = Math.max(1, Math.round((frame.height * width) / frame.width));
    img = img.resize({ width, height, fit: "fill" });
  }
  // Huffman-table optimisation is a second pass over the image: off, a 1280×800 frame encodes in less than
  // half the CPU time (measured: 12.5 → 5.5 ms) for ~4 % more bytes.
  if (format === "jpeg") img = img.jpeg({ quality, optimiseCoding: false });
  else if (format === "webp") img = img.webp({ quality });
  else img = img.png({ compressionLevel: 6 });
  const data = await img.toBuffer();
  return {
    data,
    format,
    width,
    height,
    scale: width / frame.width,
    x: frame.x,
    y: frame.y,
    sourceWidth: frame.width,
    sourceHeight: frame.height,
    takenAt: frame.takenAt,
    hash: createHash("sha256").update(data).digest("hex"),
  };
}

/**
 * Black out rectangles in an already-encoded image (image pixel coordinates) and re-encode it in its own
 * format. Prefer {@link blackout} on the raw frame; this is for images that exist only encoded.
 */
export async function blackoutEncoded(
  image: Buffer,
  rects: readonly Rect[],
  opts: { quality?: number } = {},
): Promise<Buffer> {
  const sharp = loadSharp();
  const meta = await sharp(image).metadata();
  const { data, info } = await sharp(image).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const frame: RawFrame = { rgb: data, width: info.width, height: info.height, x: 0, y: 0, takenAt: 0 };
  blackout(frame, rects);
  const out = sharp(data, { raw: { width: info.width, height: info.height, channels: 3 } });
  const q = opts.quality ?? 80;
  if (meta.format === "png") return out.png().toBuffer();
  if (meta.format === "webp") return out.webp({ quality: q }).toBuffer();
  return out.jpeg({ quality: q }).toBuffer();
}

export interface FrameDiff {
  /** Fraction of pixels that differ (0–1), for ScreenshotEvent.diff. */
  fraction: number;
  /** Changed areas (global screen pixels), tiles merged per row band: where OCR must run again. */
  changed: Rect[];
}

/**
 * Compare two raw frames of the same size and origin: fraction of changed pixels, and the changed tiles
 * (so OCR and redaction only need to run again there). Different sizes → everything changed.
 * @example diffFrames(a, a).fraction // 0
 */
export function diffFrames(prev: RawFrame, cur: RawFrame, tile = 32): FrameDiff {
  if (prev.width !== cur.width || prev.height !== cur.height || prev.x !== cur.x || prev.y !== cur.y)
    return { fraction: 1, changed: [{ x: cur.x, y: cur.y, w: cur.width, h: cur.height }] };
  const { width, height } = cur;
  const tilesX = Math.ceil(width / tile);
  const tilesY = Math.ceil(height / tile);
  const dirty = new Uint8Array(tilesX * tilesY);
  const a = prev.rgb;
  const b = cur.rgb;
  let changedPx = 0;
  for (let y = 0; y < height; y++) {
    const row = y * width * 3;
    const ty = (y / tile) | 0;
    // Fast path: whole row identical.
    if (a.compare(b, row, row + width * 3, row, row + width * 3) === 0) continue;
    for (let x = 0; x < width; x++) {
      const i = row + x * 3;
      if (a[i] !== b[i] || a[i + 1] !== b[i + 1] || a[i + 2] !== b[i + 2]) {
        changedPx++;
        dirty[ty * tilesX + ((x / tile) | 0)] = 1;
      }
    }
  }
  const changed: Rect[] = [];
  for (let ty = 0; ty < tilesY; ty++) {
    let start = -1;
    for (let tx = 0; tx <= tilesX; tx++) {
      const d = tx < tilesX && dirty[ty * tilesX + tx] === 1;
      if (d && start < 0) start = tx;
      if (!d && start >= 0) {
        const x = start * tile;
        const y = ty * tile;
        changed.push({
          x: cur.x + x,
          y: cur.y + y,
          w: Math.min(width, tx * tile) - x,
          h: Math.min(height, y + tile) - y,
        });
        start = -1;
      }
    }
  }
  return { fraction: changedPx / (width * height), changed };
}
