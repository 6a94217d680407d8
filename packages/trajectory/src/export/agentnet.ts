import type { Step } from "@tracevault/core";
import {
  actionPoint,
  describe,
  imageOf,
  surfaceOf,
  taskOf,
  toUnit,
  type ExportContext,
  type JsonlExporter,
} from "./common.js";
import { pyautoguiCode } from "./pyautogui.js";

/** AgentNet code for a step: pyautogui with coordinates normalised to 0–1 (4 decimals) of its screenshot. */
export function agentnetCode(step: Step, ctx: ExportContext): string {
  const p = actionPoint(step.action);
  const s = surfaceOf(step, ctx.episode, p?.x, p?.y);
  return pyautoguiCode(step.action, {
    at: (x, y) => toUnit(s, x, y),
    sleep: false,
    dragPath: false,
    os: ctx.episode.source.os,
  });
}

/**
 * AgentNet / OpenCUA JSONL: one line per episode,
 * `{"task_id", "instruction", "traj": [{"index", "image", "value": {"action", "code"}}]}`.
 */
export const agentnet: JsonlExporter = {
  id: "agentnet",
  description:
    "AgentNet/OpenCUA trajectories: pyautogui code, coordinates normalised to 0–1 of the screenshot (4 decimals)",
  limitations: [
    "drag paths are reduced to start and end (pyautogui.moveTo + dragTo)",
    "long-press and hold_key durations are dropped (no sleep in AgentNet code)",
    "wait durations are dropped (computer.wait())",
    "back/forward mouse-button clicks become plain left clicks (pyautogui has no such buttons)",
  ],
  records(steps, ctx) {
    const traj = steps.map((step) => {
      const p = actionPoint(step.action);
      const s = surfaceOf(step, ctx.episode, p?.x, p?.y);
      return {
        index: step.index,
        image: imageOf(step, ctx),
        value: {
          action: describe(step.action, p ? toUnit(s, p.x, p.y) : undefined),
          code: agentnetCode(step, ctx),
        },
      };
    });
    return [{ ...taskOf(ctx.episode), traj }];
  },
};
