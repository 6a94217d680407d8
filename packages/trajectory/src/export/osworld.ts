import type { Step } from "@tracevault/core";
import { imageOf, taskOf, type ExportContext, type JsonlExporter } from "./common.js";
import { pyautoguiCode } from "./pyautogui.js";

/** OSWorld pyautogui code for a step: screen pixels, durations with time.sleep, drags replayed along their path. */
export function osworldCode(step: Step, ctx: ExportContext): string {
  return pyautoguiCode(step.action, {
    at: (x, y) => [String(Math.round(x)), String(Math.round(y))],
    sleep: true,
    dragPath: true,
    os: ctx.episode.source.os,
  });
}

/** Screen size of an episode: its primary (or first) display. */
export function screenSize(ctx: ExportContext): [number, number] {
  const d = ctx.episode.displays.find((x) => x.primary) ?? ctx.episode.displays[0];
  return d ? [d.w, d.h] : [1920, 1080];
}

/**
 * OSWorld, `pyautogui` action space: one line per episode with each step's code in screen pixels
 * (`import pyautogui, time` assumed), in the layout of OSWorld's traj.jsonl records.
 */
export const osworld: JsonlExporter = {
  id: "osworld",
  description: "OSWorld pyautogui action space: Python code in screen pixels",
  limitations: [
    "back/forward mouse-button clicks become plain left clicks (pyautogui has no such buttons)",
    "drag paths are replayed through at most 32 points",
  ],
  records(steps, ctx) {
    return [
      {
        ...taskOf(ctx.episode),
        action_space: "pyautogui",
        screen_size: screenSize(ctx),
        traj: steps.map((step) => ({
          step_num: step.index + 1,
          action_timestamp: step.timing.start,
          action: osworldCode(step, ctx),
          screenshot_file: imageOf(step, ctx),
          screenshot_after_file: imageOf(step, ctx, "after"),
        })),
      },
    ];
  },
};
