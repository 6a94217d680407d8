import type { Step } from "@tracevault/core";
import { xdotoolKey } from "../keys.js";
import {
  actionPoint,
  imageOf,
  surfaceOf,
  taskOf,
  toImage,
  type ExportContext,
  type JsonlExporter,
} from "./common.js";

/** One `computer_20250124` tool input. */
export type AnthropicInput = Record<string, unknown> & { action: string };

/**
 * Anthropic computer-use tool inputs (`computer_20250124`) for a step, in screenshot pixels.
 * Empty when the action has no equivalent (terminate, back/forward buttons, non-left drags).
 */
export function anthropicInputs(step: Step, ctx: ExportContext): AnthropicInput[] {
  const a = step.action;
  const p = actionPoint(a);
  const s = surfaceOf(step, ctx.episode, p?.x, p?.y);
  const c = (x: number, y: number) => toImage(s, x, y);
  const combo = (keys: readonly string[]) => keys.map(xdotoolKey).join("+");
  const mods = (m: string[] | undefined) => (m && m.length > 0 ? { text: combo(m) } : {});
  switch (a.type) {
    case "click":
      if (a.button !== "left") return [];
      if (a.press_ms !== undefined)
        return [
          { action: "mouse_move", coordinate: c(a.x, a.y) },
          { action: "left_mouse_down" },
          { action: "wait", duration: round2(a.press_ms / 1000) },
          { action: "left_mouse_up" },
        ];
      return [{ action: "left_click", coordinate: c(a.x, a.y), ...mods(a.modifiers) }];
    case "double_click":
      return [{ action: "double_click", coordinate: c(a.x, a.y), ...mods(a.modifiers) }];
    case "triple_click":
      return [{ action: "triple_click", coordinate: c(a.x, a.y), ...mods(a.modifiers) }];
    case "right_click":
      return [{ action: "right_click", coordinate: c(a.x, a.y), ...mods(a.modifiers) }];
    case "middle_click":
      return [{ action: "middle_click", coordinate: c(a.x, a.y), ...mods(a.modifiers) }];
    case "mouse_move":
      return [{ action: "mouse_move", coordinate: c(a.x, a.y) }];
    case "drag": {
      if (a.button !== "left") return [];
      const p0 = a.path[0]!;
      const p1 = a.path[a.path.length - 1]!;
      return [{ action: "left_click_drag", start_coordinate: c(p0.x, p0.y), coordinate: c(p1.x, p1.y) }];
    }
    case "scroll": {
      const out: AnthropicInput[] = [];
      for (const dir of ["up", "down", "left", "right"] as const) {
        const n = Math.round(a.counts[dir]);
        if (n > 0)
          out.push({
            action: "scroll",
            coordinate: c(a.x, a.y),
            scroll_direction: dir,
            scroll_amount: n,
            ...mods(a.modifiers),
          });
      }
      return out;
    }
    case "type":
      return [{ action: "type", text: a.text }];
    case "key":
      return Array.from({ length: a.count }, () => ({ action: "key", text: xdotoolKey(a.key) }));
    case "hotkey":
      return Array.from({ length: a.count }, () => ({ action: "key", text: combo(a.keys) }));
    case "hold_key":
      return [{ action: "hold_key", text: combo(a.keys), duration: round2(a.duration_ms / 1000) }];
    case "wait":
      return [{ action: "wait", duration: round2(a.duration_ms / 1000) }];
    case "terminate":
      return [];
  }
}

function round2(v: number): number {
  return Math.round(v * 100) / 100;
}

/**
 * Anthropic computer-use tool calls: one line per episode with the tool definition and, per step,
 * the screenshot and the `computer_20250124` inputs a model should emit.
 */
export const anthropic: JsonlExporter = {
  id: "anthropic",
  description: "Anthropic computer-use tool calls (computer_20250124), coordinates in screenshot pixels",
  limitations: [
    "left_click_drag keeps only start and end: drag paths are lost",
    "drags with the right or middle button have no equivalent and are left out",
    "back/forward mouse-button clicks have no equivalent and are left out",
    "terminate has no tool action: the episode simply ends",
  ],
  records(steps, ctx) {
    const first = steps.find((s) => s.observation.screenshot !== null)?.observation.screenshot;
    const d = ctx.episode.displays.find((x) => x.primary) ?? ctx.episode.displays[0];
    const w = first?.w ?? d?.w ?? 1920;
    const h = first?.h ?? d?.h ?? 1080;
    return [
      {
        ...taskOf(ctx.episode),
        tool: { type: "computer_20250124", name: "computer", display_width_px: w, display_height_px: h },
        steps: steps.map((step) => {
          const inputs = anthropicInputs(step, ctx);
          return {
            index: step.index,
            image: imageOf(step, ctx),
            inputs,
            ...(inputs.length === 0 && step.action.type !== "terminate"
              ? { unsupported: step.action.type }
              : {}),
          };
        }),
      },
    ];
  },
};
