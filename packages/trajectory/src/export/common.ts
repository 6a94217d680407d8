import type { Action, Display, Episode, Frame, Step } from "@tracevault/core";

/** What every exporter gets besides the steps. */
export interface ExportContext {
  episode: Episode;
  /**
   * The path (relative to the export) under which the image of a frame is written, or null when it
   * is not exported. The CLI copies the files; exporters only name them. Default: the frame's ref.
   */
  image?: (step: Step, which: "before" | "after") => string | null;
}

/** A format written as JSON lines: one or more records per episode. */
export interface JsonlExporter {
  id: string;
  /** One line for the dataset card. */
  description: string;
  /** What the format cannot express, said in the dataset card. */
  limitations: readonly string[];
  records(steps: readonly Step[], ctx: ExportContext): unknown[];
}

export function imageOf(step: Step, ctx: ExportContext, which: "before" | "after" = "before"): string | null {
  const f = which === "before" ? step.observation.screenshot : step.observation.after;
  if (f === null) return null;
  return ctx.image ? ctx.image(step, which) : f.ref;
}

/** The rectangle (screen pixels) and image size a step's coordinates are expressed against. */
export interface Surface {
  originX: number;
  originY: number;
  /** Screen pixels covered. */
  w: number;
  h: number;
  /** Image pixels per screen pixel. */
  sx: number;
  sy: number;
  /** Image size. */
  iw: number;
  ih: number;
}

function displayAt(displays: readonly Display[], x: number, y: number): Display | undefined {
  return (
    displays.find((d) => x >= d.x && x < d.x + d.w && y >= d.y && y < d.y + d.h) ??
    displays.find((d) => d.primary) ??
    displays[0]
  );
}

/** The surface of a step: its screenshot if any, else the display under (x, y), else a 1920×1080 screen. */
export function surfaceOf(step: Step, episode: Episode, x = 0, y = 0): Surface {
  const f: Frame | null = step.observation.screenshot;
  if (f !== null)
    return {
      originX: f.origin.x,
      originY: f.origin.y,
      w: f.w / f.scale.x,
      h: f.h / f.scale.y,
      sx: f.scale.x,
      sy: f.scale.y,
      iw: f.w,
      ih: f.h,
    };
  const d = displayAt(episode.displays, x, y);
  if (d) return { originX: d.x, originY: d.y, w: d.w, h: d.h, sx: 1, sy: 1, iw: d.w, ih: d.h };
  return { originX: 0, originY: 0, w: 1920, h: 1080, sx: 1, sy: 1, iw: 1920, ih: 1080 };
}

/** Screen pixels → image pixels (rounded, clamped to the image). */
export function toImage(s: Surface, x: number, y: number): [number, number] {
  const ix = Math.round((x - s.originX) * s.sx);
  const iy = Math.round((y - s.originY) * s.sy);
  return [clamp(ix, 0, s.iw - 1), clamp(iy, 0, s.ih - 1)];
}

/** Screen pixels → 0–1 of the surface, 4 decimals. */
export function toUnit(s: Surface, x: number, y: number): [string, string] {
  return [unit((x - s.originX) / s.w), unit((y - s.originY) / s.h)];
}

function unit(v: number): string {
  return clamp(Math.round(v * 10000) / 10000, 0, 1).toFixed(4);
}

function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}

/**
 * A Python string literal for `s` (single-quoted).
 * @example pyString("it's\n") // "'it\\'s\\n'"
 */
export function pyString(s: string): string {
  let out = "'";
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === "\\") out += "\\\\";
    else if (ch === "'") out += "\\'";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (c < 0x20 || c === 0x7f) out += "\\x" + c.toString(16).padStart(2, "0");
    else if (c >= 0x80 && c < 0xa0) out += "\\x" + c.toString(16);
    else out += ch;
  }
  return out + "'";
}

/** The point an action happens at (drag: its start), or null. */
export function actionPoint(a: Action): { x: number; y: number } | null {
  if (a.type === "drag") return a.path[0]!;
  if ("x" in a && "y" in a) return { x: a.x, y: a.y };
  return null;
}

/** Short English description of an action (AgentNet's `action` field, chat history). */
export function describe(a: Action, at?: [string, string]): string {
  const where = at ? ` at (${at[0]}, ${at[1]})` : "";
  switch (a.type) {
    case "click":
      return `${a.button === "left" ? "Click" : `Click the ${a.button} button`}${where}`;
    case "double_click":
      return `Double-click${where}`;
    case "triple_click":
      return `Triple-click${where}`;
    case "right_click":
      return `Right-click${where}`;
    case "middle_click":
      return `Middle-click${where}`;
    case "mouse_move":
      return `Move the pointer${where.replace(" at ", " to ")}`;
    case "drag":
      return `Drag${where.replace(" at ", " from ")}`;
    case "scroll": {
      const dirs = (["up", "down", "left", "right"] as const).filter((d) => a.counts[d] > 0);
      return `Scroll ${dirs.map((d) => `${d} ${a.counts[d]}`).join(" and ")}${where}`;
    }
    case "type":
      return `Type ${JSON.stringify(a.text)}`;
    case "key":
      return `Press ${a.key}${a.count > 1 ? ` ${a.count} times` : ""}`;
    case "hotkey":
      return `Press ${a.keys.join("+")}`;
    case "hold_key":
      return `Hold ${a.keys.join("+")} for ${(a.duration_ms / 1000).toFixed(1)} s`;
    case "wait":
      return `Wait ${(a.duration_ms / 1000).toFixed(1)} s`;
    case "terminate":
      return a.status === "success" ? "Finish: the task is done" : "Finish: the task failed";
  }
}

export function taskOf(ep: Episode): { task_id: string; instruction: string } {
  return { task_id: ep.task.id ?? ep.id, instruction: ep.task.instruction ?? "" };
}

/** Spread a drag path to at most n points (first and last kept). */
export function samplePath<T>(path: readonly T[], n: number): T[] {
  if (path.length <= n) return [...path];
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(path[Math.round((i * (path.length - 1)) / (n - 1))]!);
  return out;
}
