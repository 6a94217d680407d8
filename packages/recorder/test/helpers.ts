/** Test helpers for the recorder pipeline: fake capture sources, manifests, keys, a spool in a temp dir. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Manifest, type CaptureChannel, type RawEvent } from "@tracevault/core";
import { generateVaultKeys, manifestHash, type VaultKeys } from "@tracevault/crypto";
import type { RawFrame } from "../src/capture/image.js";
import type { ActiveWindowInfo, CaptureSink, CaptureSource, Rect } from "../src/capture/types.js";
import type { WindowInfo } from "../src/platform/x11/window-source.js";
import { readSpool } from "../src/spool-reader.js";

export function testManifest(over: Partial<Manifest> = {}): Manifest {
  const channels = over.channels ?? (["keyboard", "mouse", "window"] as CaptureChannel[]);
  return Manifest.parse({
    schema: "tracevault/manifest/v1",
    id: "test",
    version: 1,
    title: "Test recording",
    issuedAt: "2026-01-01T00:00:00.000Z",
    channels,
    ...(channels.includes("screenshots")
      ? {
          screenshots: {
            trigger: "actions",
            maxPerMinute: 600,
            maxWidth: 1280,
            format: "png",
            quality: 80,
            redactText: true,
          },
        }
      : {}),
    sensitivityCap: 3,
    scope: { mode: "exclude", apps: [], sites: [], titles: [], useDefaultExclusions: true },
    retentionDays: 30,
    purposes: ["agent-training"],
    privacyPolicyVersion: "1",
    ...over,
  });
}

const made: string[] = [];

/** A fresh temporary directory, removed by {@link removeTempDirs}. */
export function tempDir(prefix = "tv-rec-"): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  made.push(d);
  return d;
}

/** Remove every directory {@link tempDir} made (call from afterAll). */
export function removeTempDirs(): void {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
}

export function keysAndHash(m: Manifest): { keys: VaultKeys; hash: string } {
  return { keys: generateVaultKeys(), hash: manifestHash(m) };
}

export class FakeSource implements CaptureSource {
  readonly platform = "linux-x11" as const;
  readonly tested = true;
  sink: CaptureSink | undefined;
  constructor(readonly channel: CaptureChannel) {}
  async start(sink: CaptureSink): Promise<void> {
    this.sink = sink;
  }
  async stop(): Promise<void> {
    this.sink = undefined;
  }
  emit(e: RawEvent): void {
    this.sink?.event(e);
  }
}

export class FakeWindows extends FakeSource {
  visible: WindowInfo[] = [];
  constructor() {
    super("window");
  }
  /** Focus a window; `url`: the page address a browser source reported for it. */
  focus(t: number, windowId: number, app: string, title: string, bounds?: Rect, url?: string): void {
    const info: ActiveWindowInfo = { windowId, app, title, t, ...(bounds ? { bounds } : {}) };
    this.sink?.window?.(info);
    this.sink?.event({ kind: "focus", t, app, title, window_id: String(windowId), ...(url ? { url } : {}) });
  }
  async visibleWindows(): Promise<WindowInfo[]> {
    return this.visible;
  }
}

export class FakeScreen extends FakeSource {
  constructor(public next: () => RawFrame) {
    super("screenshots");
  }
  async grab(): Promise<RawFrame> {
    return this.next();
  }
}

/** A solid white frame. */
export function whiteFrame(
  width = 320,
  height = 200,
  takenAt = performance.timeOrigin + performance.now(),
): RawFrame {
  return { rgb: Buffer.alloc(width * height * 3, 255), width, height, x: 0, y: 0, takenAt };
}

export const now = (): number => performance.timeOrigin + performance.now();

const SHIFTED: Record<string, string> = { "@": "2", _: "-", ":": ";", "!": "1", "?": "/" };

/**
 * Key events typing `text` (US layout names), 5 ms apart, starting at t0. `withShift`: press and release
 * the shift key around each shifted character, as xdotool does.
 */
export function typeText(text: string, t0: number, withShift = false): RawEvent[] {
  const out: RawEvent[] = [];
  let t = t0;
  for (const ch of text) {
    const lower = ch.toLowerCase();
    const shifted = ch !== lower || SHIFTED[ch] !== undefined;
    const key = ch === " " ? "space" : ch === "\n" ? "enter" : (SHIFTED[ch] ?? lower);
    const code = key.charCodeAt(0) + (key.length > 1 ? 500 : 0);
    const mods = { shift: shifted };
    if (withShift && shifted)
      out.push({ kind: "key_down", t: t - 2, code: 42, key: "shift", mods: { shift: true } });
    if (ch === "\n") {
      out.push({ kind: "key_down", t, code: 28, key: "enter", mods });
      out.push({ kind: "key_up", t: t + 1, code: 28, key: "enter", mods });
    } else {
      out.push({ kind: "key_down", t, code, key, char: ch, mods });
      out.push({ kind: "key_up", t: t + 1, code, key, mods });
    }
    if (withShift && shifted) out.push({ kind: "key_up", t: t + 2, code: 42, key: "shift", mods: {} });
    t += 5;
  }
  return out;
}

/** Every event of every batch of a spool, in order, plus the batches. */
export function openAll(spoolDir: string, keys: VaultKeys) {
  const batches = [...readSpool(spoolDir, keys.seal.privateKey)];
  const bad = batches.filter((b) => "error" in b);
  if (bad.length) throw new Error(`bad batches: ${JSON.stringify(bad)}`);
  const ok = batches.filter((b): b is Exclude<typeof b, { error: string }> => !("error" in b));
  return {
    batches: ok,
    events: ok.flatMap((b) => b.payload.events),
    frames: ok.flatMap((b) => b.payload.frames),
  };
}

/** Characters of the kept key_down events. */
export function typed(events: readonly RawEvent[]): string {
  return events
    .map((e) => (e.kind === "key_down" ? (e.char ?? (e.key === "enter" ? "\n" : "")) : ""))
    .join("");
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
