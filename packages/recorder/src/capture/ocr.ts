import { execFile, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { delimiter, join } from "node:path";
import type { RawFrame } from "./image.js";
import { CaptureError, type Rect } from "./types.js";

/**
 * On-device OCR with the native Tesseract binary (Debian: `apt-get install tesseract-ocr`, English data in
 * `tesseract-ocr-eng`), run as a child process with TSV output to get word boxes. Nothing is downloaded at
 * run time and nothing is written to disk: the image goes in on stdin (PPM), the TSV comes back on stdout.
 */

export interface OcrWord {
  text: string;
  /** Tesseract's confidence, 0–100. */
  conf: number;
  /** Bounding box in global screen pixels (frame origin added). */
  box: Rect;
  /** Block / paragraph / line numbers: words with equal values are on one line. */
  block: number;
  par: number;
  line: number;
}

export interface OcrOptions {
  /** Tesseract language(s), e.g. "eng" or "eng+deu" (default "eng"). */
  lang?: string;
  /** Page segmentation mode (default 11: sparse text, which suits screens). */
  psm?: number;
  /** Resolution hint (default 96). */
  dpi?: number;
  /** Drop words below this confidence (default 0: keep all; redaction should not drop low-confidence text). */
  minConf?: number;
  /** Kill tesseract after this long (default 30 000 ms). */
  timeoutMs?: number;
  /** Tesseract executable (default "tesseract" on PATH). */
  binary?: string;
  /** OCR only this region of the frame (screen pixels). */
  region?: Rect;
}

function findOnPath(name: string): string | undefined {
  if (name.includes("/")) return existsSync(name) ? name : undefined;
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    if (!dir) continue;
    const p = join(dir, name);
    if (existsSync(p)) return p;
  }
  return undefined;
}

/** True when the tesseract binary is installed. */
export function tesseractAvailable(binary = "tesseract"): boolean {
  return findOnPath(binary) !== undefined;
}

/** Installed Tesseract languages (`tesseract --list-langs`). Rejects with MISSING_TOOL when not installed. */
export function tesseractLanguages(binary = "tesseract"): Promise<string[]> {
  const bin = findOnPath(binary);
  if (!bin) return Promise.reject(missing(binary));
  return new Promise((resolve, reject) => {
    execFile(bin, ["--list-langs"], { timeout: 10_000 }, (err, stdout, stderr) => {
      if (err)
        reject(new CaptureError("FAILED", `tesseract --list-langs failed: ${err.message}`, { cause: err }));
      else
        resolve(
          `${stdout}\n${stderr}`
            .split("\n")
            .map((l) => l.trim())
            .filter((l) => /^[a-z_]+$/i.test(l) && l !== "osd"),
        );
    });
  });
}

function missing(binary: string): CaptureError {
  return new CaptureError(
    "MISSING_TOOL",
    `OCR needs the tesseract binary ('${binary}' not found on PATH): install it (Debian: apt-get install tesseract-ocr)`,
  );
}

/** Parse Tesseract TSV (level 5 rows are words). Boxes are offset by (dx, dy). */
export function parseTesseractTsv(tsv: string, dx = 0, dy = 0, minConf = 0): OcrWord[] {
  const words: OcrWord[] = [];
  for (const line of tsv.split("\n")) {
    const f = line.split("\t");
    if (f.length < 12 || f[0] !== "5") continue;
    const text = f.slice(11).join("\t").trim();
    if (text === "") continue;
    const conf = Number(f[10]);
    if (!(conf >= minConf)) continue;
    words.push({
      text,
      conf,
      box: { x: Number(f[6]) + dx, y: Number(f[7]) + dy, w: Number(f[8]), h: Number(f[9]) },
      block: Number(f[2]),
      par: Number(f[3]),
      line: Number(f[4]),
    });
  }
  return words;
}

/** Packed RGB → binary PPM (P6), which Tesseract (Leptonica) reads from stdin. */
function toPpm(frame: RawFrame, region?: Rect): { data: Buffer; dx: number; dy: number } {
  let { x: fx, y: fy } = frame;
  let x0 = 0;
  let y0 = 0;
  let w = frame.width;
  let h = frame.height;
  if (region) {
    x0 = Math.max(0, Math.floor(region.x - fx));
    y0 = Math.max(0, Math.floor(region.y - fy));
    w = Math.min(frame.width, Math.ceil(region.x + region.w - fx)) - x0;
    h = Math.min(frame.height, Math.ceil(region.y + region.h - fy)) - y0;
    if (w <= 0 || h <= 0) return { data: Buffer.alloc(0), dx: 0, dy: 0 };
  }
  const header = Buffer.from(`P6\n${w} ${h}\n255\n`, "latin1");
  let body: Buffer;
  if (!region || (x0 === 0 && y0 === 0 && w === frame.width && h === frame.height)) body = frame.rgb;
  else {
    body = Buffer.allocUnsafe(w * h * 3);
    for (let y = 0; y < h; y++)
      frame.rgb.copy(
        body,
        y * w * 3,
        ((y0 + y) * frame.width + x0) * 3,
        ((y0 + y) * frame.width + x0 + w) * 3,
      );
  }
  fx += x0;
  fy += y0;
  return { data: Buffer.concat([header, body]), dx: fx, dy: fy };
}

/**
 * OCR a raw frame (or an encoded PNG/JPEG buffer, boxes then in image pixels) with native Tesseract.
 * Returns words with boxes in screen pixels and confidence. Rejects with MISSING_TOOL when tesseract is not
 * installed, FAILED when it fails or times out.
 * @example
 * const words = await ocrFrame(frame);
 * const hits = words.filter((w) => /\d{4}/.test(w.text)); // → blackout(frame, hits.map((w) => w.box), 2)
 */
export function ocrFrame(input: RawFrame | Buffer, opts: OcrOptions = {}): Promise<OcrWord[]> {
  const binary = opts.binary ?? "tesseract";
  const bin = findOnPath(binary);
  if (!bin) return Promise.reject(missing(binary));
  let data: Buffer;
  let dx = 0;
  let dy = 0;
  if (Buffer.isBuffer(input)) data = input;
  else {
    const p = toPpm(input, opts.region);
    if (p.data.length === 0) return Promise.resolve([]);
    ({ data, dx, dy } = p);
  }
  const args = [
    "stdin",
    "stdout",
    "--psm",
    String(opts.psm ?? 11),
    "--dpi",
    String(opts.dpi ?? 96),
    "-l",
    opts.lang ?? "eng",
    "tsv",
  ];
  return new Promise((resolve, reject) => {
    // One thread: OCR must not take over the machine of the person recording.
    const child = spawn(bin, args, {
      env: { ...process.env, OMP_THREAD_LIMIT: "1" },
      stdio: ["pipe", "pipe", "pipe"],
    });
    const out: Buffer[] = [];
    let err = "";
    const timer = setTimeout(() => child.kill("SIGKILL"), opts.timeoutMs ?? 30_000);
    child.stdout.on("data", (c: Buffer) => out.push(c));
    child.stderr.on("data", (c: Buffer) => (err = (err + c.toString()).slice(-2000)));
    child.stdin.on("error", () => undefined);
    child.once("error", (e) => {
      clearTimeout(timer);
      reject(new CaptureError("FAILED", `tesseract could not run: ${e.message}`, { cause: e }));
    });
    child.once("close", (code, signal) => {
      clearTimeout(timer);
      if (code !== 0) {
        const why = signal
          ? `killed (${signal}${signal === "SIGKILL" ? ", timeout" : ""})`
          : `exit code ${code}`;
        reject(
          new CaptureError(
            "FAILED",
            `tesseract failed (${why}): ${err.trim().split("\n").slice(-2).join(" | ")}`,
          ),
        );
        return;
      }
      resolve(parseTesseractTsv(Buffer.concat(out).toString("utf8"), dx, dy, opts.minConf ?? 0));
    });
    child.stdin.end(data);
  });
}
