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

/** An image block naming the exported file (relative path); a loader puts the bytes in before an API call. */
function imageBlock(path: string): { type: "image"; path: string } {
  return { type: "image", path };
}

/**
 * The episode as a Messages-API conversation with the computer tool: the task (and first screenshot) from the
 * user, each step's inputs as `tool_use` blocks of one assistant turn, and the screenshot that followed as the
 * last `tool_result` of the next user turn. Steps without an equivalent input are left out.
 */
export function anthropicTranscript(steps: readonly Step[], ctx: ExportContext): unknown[] {
  const { instruction } = taskOf(ctx.episode);
  const first = steps[0] ? imageOf(steps[0], ctx) : null;
  const out: unknown[] = [
    { role: "user", content: [{ type: "text", text: instruction }, ...(first ? [imageBlock(first)] : [])] },
  ];
  steps.forEach((step, i) => {
    const inputs = anthropicInputs(step, ctx);
    if (inputs.length === 0) return;
    const next = imageOf(step, ctx, "after") ?? (steps[i + 1] ? imageOf(steps[i + 1]!, ctx) : null);
    const ids = inputs.map((_, k) => `toolu_${String(step.index).padStart(4, "0")}_${k}`);
    out.push({
      role: "assistant",
      content: inputs.map((input, k) => ({ type: "tool_use", id: ids[k], name: "computer", input })),
    });
    out.push({
      role: "user",
      content: ids.map((id, k) => ({
        type: "tool_result",
        tool_use_id: id,
        content: k === ids.length - 1 && next ? [imageBlock(next)] : [],
      })),
    });
  });
  return out;
}

/**
 * Anthropic computer-use: one line per episode with the tool definition, per step the screenshot and the
 * `computer_20250124` inputs a model should emit, and the same episode as a Messages-API transcript
 * (`messages`, see {@link anthropicTranscript}).
 */
export const anthropic: JsonlExporter = {
  id: "anthropic",
  description: "Anthropic computer-use tool calls (computer_20250124), coordinates in screenshot pixels",
  limitations: [
    "left_click_drag keeps only start and end: drag paths are lost",
    "drags with the right or middle button have no equivalent and are left out",
    "back/forward mouse-button clicks have no equivalent and are left out",
    "terminate has no tool action: the episode simply ends",
    'images in `messages` are {"type":"image","path":…} (the exported file): replace with a base64 source before an API call',
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
        messages: anthropicTranscript(steps, ctx),
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
