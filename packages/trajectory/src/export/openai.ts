import type { Step } from "@tracevault/core";
import { openaiKey } from "../keys.js";
import {
  actionPoint,
  imageOf,
  samplePath,
  surfaceOf,
  taskOf,
  toImage,
  type ExportContext,
  type JsonlExporter,
} from "./common.js";

/** One OpenAI computer-use action (`computer_call.action`). */
export type OpenAIAction = Record<string, unknown> & { type: string };

const BUTTON: Record<string, string> = {
  left: "left",
  right: "right",
  middle: "wheel",
  back: "back",
  forward: "forward",
};

/** OpenAI computer-use actions for a step, in screenshot pixels; empty for terminate. */
export function openaiActions(step: Step, ctx: ExportContext): OpenAIAction[] {
  const a = step.action;
  const p = actionPoint(a);
  const s = surfaceOf(step, ctx.episode, p?.x, p?.y);
  const at = (x: number, y: number) => {
    const [ix, iy] = toImage(s, x, y);
    return { x: ix, y: iy };
  };
  const press = (keys: readonly string[]) => ({ type: "keypress", keys: keys.map(openaiKey) });
  switch (a.type) {
    case "click":
      return [{ type: "click", button: BUTTON[a.button] ?? "left", ...at(a.x, a.y) }];
    case "double_click":
      return [{ type: "double_click", ...at(a.x, a.y) }];
    case "triple_click":
      return [
        { type: "double_click", ...at(a.x, a.y) },
        { type: "click", button: "left", ...at(a.x, a.y) },
      ];
    case "right_click":
      return [{ type: "click", button: "right", ...at(a.x, a.y) }];
    case "middle_click":
      return [{ type: "click", button: "wheel", ...at(a.x, a.y) }];
    case "mouse_move":
      return [{ type: "move", ...at(a.x, a.y) }];
    case "drag":
      return [{ type: "drag", path: samplePath(a.path, 64).map((q) => at(q.x, q.y)) }];
    case "scroll":
      return [
        {
          type: "scroll",
          ...at(a.x, a.y),
          scroll_x: Math.round(a.pixels.x),
          scroll_y: Math.round(a.pixels.y),
        },
      ];
    case "type":
      return [{ type: "type", text: a.text }];
    case "key":
      return Array.from({ length: a.count }, () => press([a.key]));
    case "hotkey":
      return Array.from({ length: a.count }, () => press(a.keys));
    case "hold_key":
      return [press(a.keys)];
    case "wait":
      return [{ type: "wait" }];
    case "terminate":
      return [];
  }
}

/** OpenAI computer-use (`computer_use_preview`) actions: one line per episode. */
export const openai: JsonlExporter = {
  id: "openai",
  description:
    "OpenAI computer-use actions (click, double_click, drag with path, keypress, move, scroll in pixels, type, wait), screenshot pixels",
  limitations: [
    "no triple_click: written as double_click followed by click",
    "no modifier-held clicks, scrolls or drags: the modifiers are dropped",
    "no long press and no hold_key: written as a click and a keypress; durations lost",
    "wait has no duration",
    "terminate has no action: the episode simply ends",
    "drag paths are sampled to at most 64 points",
  ],
  records(steps, ctx) {
    const first = steps.find((s) => s.observation.screenshot !== null)?.observation.screenshot;
    const d = ctx.episode.displays.find((x) => x.primary) ?? ctx.episode.displays[0];
    const os = ctx.episode.source.os;
    const environment = os === "mac" ? "mac" : os === "windows" ? "windows" : "linux";
    return [
      {
        ...taskOf(ctx.episode),
        tool: {
          type: "computer_use_preview",
          display_width: first?.w ?? d?.w ?? 1920,
          display_height: first?.h ?? d?.h ?? 1080,
          environment,
        },
        steps: steps.map((step) => ({
          index: step.index,
          image: imageOf(step, ctx),
          actions: openaiActions(step, ctx),
        })),
      },
    ];
  },
};
