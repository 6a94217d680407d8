import type { Action } from "@tracevault/core";
import { pyautoguiKey } from "../keys.js";
import { imageOf, samplePath, taskOf, type JsonlExporter } from "./common.js";
import { screenSize } from "./osworld.js";

/** One action of OSWorld's structured `computer_13` space (plus its WAIT / FAIL / DONE). */
export interface Computer13Action {
  action_type: string;
  parameters?: Record<string, unknown>;
}

const px = (v: number) => Math.round(v);

/**
 * The computer_13 actions for one canonical action, in screen pixels.
 * @example computer13Actions({ type: "double_click", x: 10.4, y: 20 }) // [{ action_type: "DOUBLE_CLICK", parameters: { x: 10, y: 20 } }]
 */
export function computer13Actions(a: Action, os?: string): Computer13Action[] {
  const key = (k: string) => pyautoguiKey(k, os);
  const wrap = (mods: string[] | undefined, acts: Computer13Action[]): Computer13Action[] =>
    !mods || mods.length === 0
      ? acts
      : [
          ...mods.map((m) => ({ action_type: "KEY_DOWN", parameters: { key: key(m) } })),
          ...acts,
          ...[...mods].reverse().map((m) => ({ action_type: "KEY_UP", parameters: { key: key(m) } })),
        ];
  switch (a.type) {
    case "click": {
      const button = a.button === "right" || a.button === "middle" ? a.button : "left";
      if (a.press_ms !== undefined)
        return wrap(a.modifiers, [
          { action_type: "MOVE_TO", parameters: { x: px(a.x), y: px(a.y) } },
          { action_type: "MOUSE_DOWN", parameters: { button } },
          { action_type: "WAIT" },
          { action_type: "MOUSE_UP", parameters: { button } },
        ]);
      return wrap(a.modifiers, [
        { action_type: "CLICK", parameters: { button, x: px(a.x), y: px(a.y), num_clicks: 1 } },
      ]);
    }
    case "double_click":
      return wrap(a.modifiers, [{ action_type: "DOUBLE_CLICK", parameters: { x: px(a.x), y: px(a.y) } }]);
    case "triple_click":
      return wrap(a.modifiers, [
        { action_type: "CLICK", parameters: { button: "left", x: px(a.x), y: px(a.y), num_clicks: 3 } },
      ]);
    case "right_click":
      return wrap(a.modifiers, [{ action_type: "RIGHT_CLICK", parameters: { x: px(a.x), y: px(a.y) } }]);
    case "middle_click":
      return wrap(a.modifiers, [
        { action_type: "CLICK", parameters: { button: "middle", x: px(a.x), y: px(a.y), num_clicks: 1 } },
      ]);
    case "mouse_move":
      return [{ action_type: "MOVE_TO", parameters: { x: px(a.x), y: px(a.y) } }];
    case "drag": {
      const button = a.button === "right" || a.button === "middle" ? a.button : "left";
      const pts = samplePath(a.path, 32);
      return wrap(a.modifiers, [
        { action_type: "MOVE_TO", parameters: { x: px(pts[0]!.x), y: px(pts[0]!.y) } },
        { action_type: "MOUSE_DOWN", parameters: { button } },
        ...pts.slice(1).map((p) => ({ action_type: "MOVE_TO", parameters: { x: px(p.x), y: px(p.y) } })),
        { action_type: "MOUSE_UP", parameters: { button } },
      ]);
    }
    case "scroll":
      return wrap(a.modifiers, [
        { action_type: "MOVE_TO", parameters: { x: px(a.x), y: px(a.y) } },
        { action_type: "SCROLL", parameters: { dx: Math.round(a.notches.x), dy: Math.round(a.notches.y) } },
      ]);
    case "type":
      return [{ action_type: "TYPING", parameters: { text: a.text } }];
    case "key":
      return Array.from({ length: a.count }, () => ({
        action_type: "PRESS",
        parameters: { key: key(a.key) },
      }));
    case "hotkey":
      return Array.from({ length: a.count }, () => ({
        action_type: "HOTKEY",
        parameters: { keys: a.keys.map(key) },
      }));
    case "hold_key":
      return [
        ...a.keys.map((k) => ({ action_type: "KEY_DOWN", parameters: { key: key(k) } })),
        { action_type: "WAIT" },
        ...[...a.keys].reverse().map((k) => ({ action_type: "KEY_UP", parameters: { key: key(k) } })),
      ];
    case "wait":
      return [{ action_type: "WAIT" }];
    case "terminate":
      return [{ action_type: a.status === "success" ? "DONE" : "FAIL" }];
  }
}

/** OSWorld's structured 13-action space (`computer_13`), screen pixels; one line per episode. */
export const computer13: JsonlExporter = {
  id: "computer13",
  description:
    "OSWorld computer_13 structured actions (MOVE_TO, CLICK, MOUSE_DOWN/UP, RIGHT_CLICK, DOUBLE_CLICK, DRAG_TO, SCROLL, TYPING, PRESS, KEY_DOWN/UP, HOTKEY; WAIT, FAIL, DONE) in screen pixels",
  limitations: [
    "WAIT has no duration: long-press, hold_key and wait durations are lost",
    "back/forward mouse-button clicks become left clicks",
    "drag paths are replayed through at most 32 MOVE_TO points",
  ],
  records(steps, ctx) {
    return [
      {
        ...taskOf(ctx.episode),
        action_space: "computer_13",
        screen_size: screenSize(ctx),
        traj: steps.map((step) => ({
          step_num: step.index + 1,
          action_timestamp: step.timing.start,
          actions: computer13Actions(step.action, ctx.episode.source.os),
          screenshot_file: imageOf(step, ctx),
          screenshot_after_file: imageOf(step, ctx, "after"),
        })),
      },
    ];
  },
};
