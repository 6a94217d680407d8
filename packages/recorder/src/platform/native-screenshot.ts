/**
 * UNTESTED — screenshots on macOS (`screencapture`) and Windows (PowerShell + System.Drawing). Written,
 * never run: do not claim they work until a test on a real macOS / Windows desktop passes.
 *
 * Both produce a PNG that is decoded in memory into a {@link RawFrame}, so redaction (black boxes, OCR)
 * happens before any encoding, exactly as on X11. macOS's `screencapture` can only write a file: it writes
 * into a fresh private directory (mode 0700) and the file is deleted as soon as it is read.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  blackout as blackoutRaw,
  encodeFrame,
  loadSharp,
  type EncodedFrame,
  type RawFrame,
} from "../capture/image.js";
import {
  CaptureError,
  defaultClock,
  type CaptureSink,
  type CaptureSource,
  type Clock,
  type Rect,
} from "../capture/types.js";
import type { CaptureFrameOptions } from "./x11/screenshot-source.js";

function run(file: string, args: string[], maxBuffer = 256 << 20): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    execFile(
      file,
      args,
      { encoding: "buffer", maxBuffer, timeout: 15_000, windowsHide: true },
      (err, stdout, stderr) => {
        if (err)
          reject(
            new CaptureError("FAILED", `${file} failed: ${err.message} ${stderr.toString().slice(0, 500)}`, {
              channel: "screenshots",
              cause: err,
            }),
          );
        else resolve(stdout);
      },
    );
  });
}

/** macOS: `screencapture -x` (no sound) of the main display into a private temp file. UNTESTED. */
export async function grabPngDarwin(): Promise<Buffer> {
  const dir = mkdtempSync(join(tmpdir(), "tv-shot-"));
  const file = join(dir, "s.png");
  try {
    await run("/usr/sbin/screencapture", ["-x", "-t", "png", file]);
    return readFileSync(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const PS_GRAB = [
  "Add-Type -AssemblyName System.Windows.Forms,System.Drawing;",
  "$b=[System.Windows.Forms.SystemInformation]::VirtualScreen;",
  "$bmp=New-Object System.Drawing.Bitmap $b.Width,$b.Height;",
  "$g=[System.Drawing.Graphics]::FromImage($bmp);",
  "$g.CopyFromScreen($b.Left,$b.Top,0,0,$bmp.Size);",
  "$ms=New-Object System.IO.MemoryStream;",
  "$bmp.Save($ms,[System.Drawing.Imaging.ImageFormat]::Png);",
  "[Console]::Out.Write([Convert]::ToBase64String($ms.ToArray()))",
].join("");

/** Windows: the virtual screen through PowerShell + System.Drawing, PNG as base64 on stdout. UNTESTED. */
export async function grabPngWindows(): Promise<Buffer> {
  const out = await run("powershell.exe", ["-NoProfile", "-NonInteractive", "-Command", PS_GRAB]);
  return Buffer.from(out.toString("latin1").trim(), "base64");
}

/** Decode a PNG into a raw RGB frame. */
export async function pngToRawFrame(
  png: Buffer,
  takenAt: number,
  origin = { x: 0, y: 0 },
): Promise<RawFrame> {
  const { data, info } = await loadSharp()(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { rgb: data, width: info.width, height: info.height, x: origin.x, y: origin.y, takenAt };
}

/** Screenshot source over a native "grab a PNG" command. UNTESTED on both platforms. */
export class NativeScreenshotSource implements CaptureSource {
  readonly channel = "screenshots" as const;
  readonly platform: "darwin" | "win32";
  /** UNTESTED. */
  readonly tested = false;
  private readonly clock: Clock;
  private running = false;

  constructor(platform: "darwin" | "win32", opts: { clock?: Clock } = {}) {
    this.platform = platform;
    this.clock = opts.clock ?? defaultClock;
  }

  async start(_sink: CaptureSink): Promise<void> {
    this.running = true;
  }

  async grab(region?: Rect): Promise<RawFrame> {
    if (!this.running)
      throw new CaptureError("FAILED", "the screenshot source is not running", { channel: "screenshots" });
    const takenAt = this.clock();
    const png = this.platform === "darwin" ? await grabPngDarwin() : await grabPngWindows();
    const frame = await pngToRawFrame(png, takenAt);
    if (!region) return frame;
    const { data, info } = await loadSharp()(frame.rgb, {
      raw: { width: frame.width, height: frame.height, channels: 3 },
    })
      .extract({ left: Math.max(0, region.x), top: Math.max(0, region.y), width: region.w, height: region.h })
      .raw()
      .toBuffer({ resolveWithObject: true });
    return { rgb: data, width: info.width, height: info.height, x: region.x, y: region.y, takenAt };
  }

  async capture(opts: Omit<CaptureFrameOptions, "grabber" | "display"> = {}): Promise<EncodedFrame> {
    const raw = await this.grab(opts.region);
    if (opts.blackout?.length) blackoutRaw(raw, opts.blackout);
    return encodeFrame(raw, opts);
  }

  async stop(): Promise<void> {
    this.running = false;
  }
}
