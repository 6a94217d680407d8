import fc from "fast-check";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import {
  blackout,
  blackoutEncoded,
  diffFrames,
  encodeFrame,
  frameHash,
  xPixelsToRgb,
  type RawFrame,
} from "../src/capture/image.js";

function frame(w: number, h: number, fill: [number, number, number], x = 0, y = 0): RawFrame {
  const rgb = Buffer.alloc(w * h * 3);
  for (let i = 0; i < w * h; i++) rgb.set(fill, i * 3);
  return { rgb, width: w, height: h, x, y, takenAt: 123 };
}
const px = (f: RawFrame, x: number, y: number) => [
  ...f.rgb.subarray((y * f.width + x) * 3, (y * f.width + x) * 3 + 3),
];

describe("X pixels → RGB", () => {
  it("converts LSB-first BGRX and MSB-first XRGB", () => {
    const lsb = Buffer.from([3, 2, 1, 0, 30, 20, 10, 0]); // B G R X
    expect([...xPixelsToRgb(lsb, 2, 1)]).toEqual([1, 2, 3, 10, 20, 30]);
    const msb = Buffer.from([0, 1, 2, 3, 0, 10, 20, 30]); // X R G B
    expect([...xPixelsToRgb(msb, 2, 1, true)]).toEqual([1, 2, 3, 10, 20, 30]);
  });
  it("the word-at-a-time path (large aligned frames) gives the same bytes as a pixel-by-pixel reference", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 40, max: 90 }),
        fc.integer({ min: 36, max: 50 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 0xffffffff }),
        (w, h, msbFirst, seed) => {
          // ≥ 4 KiB in and out: buffers of their own, aligned (the fast path); odd sizes leave 1–3 tail pixels
          const src = Buffer.alloc(w * h * 4 + 4096).subarray(0, w * h * 4);
          let v = seed;
          for (let i = 0; i < src.length; i++) src[i] = (v = (v * 1103515245 + 12345) >>> 0) >>> 24;
          const ref: number[] = [];
          for (let i = 0; i < w * h; i++) {
            const p = src.subarray(i * 4, i * 4 + 4);
            ref.push(...(msbFirst ? [p[1]!, p[2]!, p[3]!] : [p[2]!, p[1]!, p[0]!]));
          }
          expect([...xPixelsToRgb(src, w, h, msbFirst)]).toEqual(ref);
          // padded rows (stride > 4 × width) take the general path
          const padded = Buffer.alloc(h * (w * 4 + 8));
          for (let y = 0; y < h; y++) src.copy(padded, y * (w * 4 + 8), y * w * 4, (y + 1) * w * 4);
          expect([...xPixelsToRgb(padded, w, h, msbFirst, w * 4 + 8)]).toEqual(ref);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("blackout", () => {
  it("blacks out screen rectangles clipped to the frame, with padding, honouring the frame origin", () => {
    const f = frame(100, 50, [255, 255, 255], 1000, 500);
    const n = blackout(f, [{ x: 1010, y: 510, w: 20, h: 10 }], 1);
    expect(n).toBe(22 * 12);
    expect(px(f, 9, 9)).toEqual([0, 0, 0]);
    expect(px(f, 30, 20)).toEqual([0, 0, 0]);
    expect(px(f, 31, 21)).toEqual([255, 255, 255]);
    expect(blackout(f, [{ x: 0, y: 0, w: 10, h: 10 }])).toBe(0); // outside
    expect(blackout(f, [{ x: 1090, y: 540, w: 100, h: 100 }])).toBe(10 * 10); // clipped
  });
  it("never leaves a pixel inside any rectangle un-blacked (property)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            x: fc.integer({ min: -20, max: 80 }),
            y: fc.integer({ min: -20, max: 60 }),
            w: fc.integer({ min: 0, max: 50 }),
            h: fc.integer({ min: 0, max: 50 }),
          }),
          { maxLength: 5 },
        ),
        (rects) => {
          const f = frame(64, 48, [200, 100, 50]);
          blackout(f, rects);
          for (const r of rects)
            for (let y = Math.max(0, r.y); y < Math.min(48, r.y + r.h); y++)
              for (let x = Math.max(0, r.x); x < Math.min(64, r.x + r.w); x++)
                if (px(f, x, y).some((v) => v !== 0)) return false;
          return true;
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe("encodeFrame", () => {
  it("downscales to maxWidth keeping the aspect ratio, and reports scale and hash", async () => {
    const f = frame(1280, 800, [255, 0, 0]);
    const e = await encodeFrame(f, { maxWidth: 640, format: "jpeg", quality: 80 });
    expect(e).toMatchObject({
      width: 640,
      height: 400,
      scale: 0.5,
      format: "jpeg",
      takenAt: 123,
      sourceWidth: 1280,
    });
    // the hash identifies the screen: same pixels → same hash, one pixel changed → another hash
    expect(e.hash).toMatch(/^[0-9a-f]{64}$/);
    expect((await encodeFrame(frame(1280, 800, [255, 0, 0]), { maxWidth: 640, quality: 80 })).hash).toBe(
      e.hash,
    );
    const g = frame(1280, 800, [255, 0, 0]);
    g.rgb.fill(0, 0, 3 * 1280 * 8);
    expect((await encodeFrame(g, { maxWidth: 640, quality: 80 })).hash).not.toBe(e.hash);
    expect(frameHash(g)).not.toBe(frameHash(f));
    const meta = await sharp(e.data).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["jpeg", 640, 400]);
    const png = await encodeFrame(f, { format: "png" });
    expect((await sharp(png.data).metadata()).format).toBe("png");
    expect(png.scale).toBe(1);
    const webp = await encodeFrame(f, { format: "webp", maxWidth: 2000 });
    expect([(await sharp(webp.data).metadata()).format, webp.width]).toEqual(["webp", 1280]);
  });
  it("blackoutEncoded blacks out regions of an encoded image in its own format", async () => {
    const png = (await encodeFrame(frame(40, 30, [255, 255, 255]), { format: "png" })).data;
    const out = await blackoutEncoded(png, [{ x: 5, y: 5, w: 10, h: 10 }]);
    const { data, info } = await sharp(out).raw().toBuffer({ resolveWithObject: true });
    expect(info.width).toBe(40);
    expect([...data.subarray((7 * 40 + 7) * info.channels, (7 * 40 + 7) * info.channels + 3)]).toEqual([
      0, 0, 0,
    ]);
    expect([...data.subarray(0, 3)]).toEqual([255, 255, 255]);
  });
});

describe("diffFrames", () => {
  it("reports the changed fraction and merged changed tiles", () => {
    const a = frame(128, 64, [0, 0, 0]);
    const b = frame(128, 64, [0, 0, 0]);
    expect(diffFrames(a, b)).toEqual({ fraction: 0, changed: [] });
    for (let y = 10; y < 20; y++) for (let x = 40; x < 80; x++) b.rgb[(y * 128 + x) * 3] = 9;
    const d = diffFrames(a, b, 32);
    expect(d.fraction).toBeCloseTo(400 / (128 * 64));
    expect(d.changed).toEqual([{ x: 32, y: 0, w: 64, h: 32 }]);
    expect(diffFrames(a, frame(10, 10, [0, 0, 0])).fraction).toBe(1);
  });
});
