import { z } from "zod";
import { MouseButton } from "./events.js";
import { SensitivityLevel } from "./sensitivity.js";

/**
 * One training step: what the person saw, what they did, when, from which raw events, and which
 * privacy rules touched it. Coordinates are stored once, in global screen pixels; every other form
 * (screenshot pixels, 0–1 normalised) is derived by the exporters from the observation's frame.
 */

const coord = z.number().finite();
const modifiers = z.array(z.string()).optional();

/** How a frame was chosen for an action. */
export const FrameRule = z.enum([
  /** The last frame whose content had stayed unchanged for `stable_ms` before the action. */
  "stable",
  /** No stable frame known: the latest frame at least `fallback_offset_ms` before the action. */
  "fallback_offset",
  /** Only a frame closer than the offset existed: the latest frame at or before the action. */
  "latest",
  /** After the action: the first frame at least `after_ms` after it ended. */
  "after",
  /** After the action, but the next action began first: the latest frame before it. */
  "before_next",
]);
export type FrameRule = z.infer<typeof FrameRule>;

/** A frame used as an observation, with what is needed to map screen pixels to image pixels. */
export const Frame = z.object({
  ref: z.string(),
  t: z.number().finite(),
  w: z.number().int().positive(),
  h: z.number().int().positive(),
  /** Image pixels per screen pixel: image_x = (screen_x - origin.x) * scale.x. */
  scale: z.object({ x: z.number().positive(), y: z.number().positive() }),
  /** Top-left corner of the captured area in screen pixels. */
  origin: z.object({ x: coord, y: coord }),
  display: z.string().optional(),
  rule: FrameRule,
  video_pts: z.number().nonnegative().optional(),
});
export type Frame = z.infer<typeof Frame>;

export const WindowInfo = z.object({
  app: z.string().optional(),
  title: z.string().optional(),
  url: z.string().optional(),
});
export type WindowInfo = z.infer<typeof WindowInfo>;

export const Observation = z.object({
  /** The screen the person saw when acting (see {@link FrameRule}); null when no frame was recorded. */
  screenshot: Frame.nullable(),
  /** The screen after the action, for reflection data. */
  after: Frame.nullable(),
  window: WindowInfo.nullable(),
});
export type Observation = z.infer<typeof Observation>;

const pointAction = { x: coord, y: coord, modifiers };

export const ClickAction = z.object({
  type: z.literal("click"),
  ...pointAction,
  button: MouseButton.default("left"),
  /** Set when the button was held at least `long_press_ms` (a long press), in ms. */
  press_ms: z.number().nonnegative().optional(),
});
export const DoubleClickAction = z.object({ type: z.literal("double_click"), ...pointAction });
export const TripleClickAction = z.object({ type: z.literal("triple_click"), ...pointAction });
export const RightClickAction = z.object({ type: z.literal("right_click"), ...pointAction });
export const MiddleClickAction = z.object({ type: z.literal("middle_click"), ...pointAction });
export const MouseMoveAction = z.object({ type: z.literal("mouse_move"), x: coord, y: coord });

/** A drag: the full pointer path (screen pixels, `t` = ms since the button went down). */
export const DragAction = z.object({
  type: z.literal("drag"),
  button: MouseButton.default("left"),
  path: z.array(z.object({ x: coord, y: coord, t: z.number().nonnegative() })).min(2),
  modifiers,
});

/**
 * A scroll burst at one place. `counts`: notches per direction (never negative).
 * `notches`: net, y + = up, x + = right. `pixels`: net, y + = down, x + = right (measured when the
 * source reported pixel deltas, else notches × `pixels_per_notch`; see `pixels_measured`).
 */
export const ScrollAction = z.object({
  type: z.literal("scroll"),
  ...pointAction,
  counts: z.object({
    up: z.number().nonnegative(),
    down: z.number().nonnegative(),
    left: z.number().nonnegative(),
    right: z.number().nonnegative(),
  }),
  notches: z.object({ x: z.number(), y: z.number() }),
  pixels: z.object({ x: z.number(), y: z.number() }),
  pixels_measured: z.boolean(),
});

/** Typed text with backspace / delete / cursor edits applied, and the raw key presses behind it. */
export const TypeAction = z.object({
  type: z.literal("type"),
  text: z.string(),
  /** Canonical names of the keys pressed, in order; empty when withheld for privacy. */
  keys: z.array(z.string()),
});

/** One key pressed alone; `count` > 1 when the OS auto-repeated it while held. */
export const KeyAction = z.object({
  type: z.literal("key"),
  key: z.string(),
  count: z.number().int().positive().default(1),
});

/** A key combination, keys in the order they went down (modifiers first). */
export const HotkeyAction = z.object({
  type: z.literal("hotkey"),
  keys: z.array(z.string()).min(2),
  count: z.number().int().positive().default(1),
});

export const HoldKeyAction = z.object({
  type: z.literal("hold_key"),
  keys: z.array(z.string()).min(1),
  duration_ms: z.number().nonnegative(),
});

export const WaitAction = z.object({ type: z.literal("wait"), duration_ms: z.number().nonnegative() });

export const TerminateAction = z.object({
  type: z.literal("terminate"),
  status: z.enum(["success", "failure"]),
});

export const Action = z.discriminatedUnion("type", [
  ClickAction,
  DoubleClickAction,
  TripleClickAction,
  RightClickAction,
  MiddleClickAction,
  MouseMoveAction,
  DragAction,
  ScrollAction,
  TypeAction,
  KeyAction,
  HotkeyAction,
  HoldKeyAction,
  WaitAction,
  TerminateAction,
]);
export type Action = z.infer<typeof Action>;
export type ActionType = Action["type"];
export type ActionOf<T extends ActionType> = Extract<Action, { type: T }>;

export const ACTION_TYPES: readonly ActionType[] = [
  "click",
  "double_click",
  "triple_click",
  "right_click",
  "middle_click",
  "mouse_move",
  "drag",
  "scroll",
  "type",
  "key",
  "hotkey",
  "hold_key",
  "wait",
  "terminate",
];

/** Which privacy rules touched a step (its provenance), and its resulting level. */
export const StepPrivacy = z.object({
  /** e.g. `typed:EMAIL_ADDRESS`, `title:PERSON`, `typed:raw_keys_withheld`. */
  rules: z.array(z.string()),
  level: SensitivityLevel.optional(),
});
export type StepPrivacy = z.infer<typeof StepPrivacy>;

export const Step = z.object({
  index: z.number().int().nonnegative(),
  observation: Observation,
  action: Action,
  timing: z.object({
    start: z.number().finite(),
    end: z.number().finite(),
    duration_ms: z.number().nonnegative(),
  }),
  /** Indices (0-based, inclusive) of the raw events the action was reduced from. */
  raw_event_range: z.object({ first: z.number().int().nonnegative(), last: z.number().int().nonnegative() }),
  privacy: StepPrivacy,
});
export type Step = z.infer<typeof Step>;
