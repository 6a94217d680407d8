import { z } from "zod";

/**
 * Canonical raw input events, as a recorder (or an importer) writes them: one JSON object per line.
 *
 * Conventions (every producer must follow them; the reducer relies on them):
 * - `t` is a time in milliseconds on one monotonic clock for the whole stream (any origin).
 * - Coordinates are global screen pixels: the space the OS reports pointer positions in, spanning
 *   every display (see {@link Display}). Screenshots map to it through their display's geometry.
 * - Key names are canonical (see `canonicalKey` in @tracevault/trajectory): lower-case, side-less
 *   (`ctrl`, `shift`, `alt`, `meta`, `altgr`, `enter`, `tab`, `backspace`, `delete`, `escape`,
 *   `space`, `up`, `down`, `left`, `right`, `home`, `end`, `pageup`, `pagedown`, `f1`…, or the
 *   unshifted character of the key, `a`, `1`, `/`).
 */

const time = z.number().finite();
const coord = z.number().finite();

/** Mouse buttons. `back`/`forward` are the side buttons (X1/X2). */
export const MouseButton = z.enum(["left", "right", "middle", "back", "forward"]);
export type MouseButton = z.infer<typeof MouseButton>;

/** Modifier state reported with a key event, when the source knows it. */
export const ModifierState = z.object({
  shift: z.boolean().optional(),
  ctrl: z.boolean().optional(),
  alt: z.boolean().optional(),
  meta: z.boolean().optional(),
  altgr: z.boolean().optional(),
  capslock: z.boolean().optional(),
});
export type ModifierState = z.infer<typeof ModifierState>;

/** One display: its rectangle in global screen pixels and its scale (physical pixels per screen pixel). */
export const Display = z.object({
  id: z.string(),
  x: coord,
  y: coord,
  w: z.number().positive(),
  h: z.number().positive(),
  scale: z.number().positive().default(1),
  primary: z.boolean().optional(),
});
export type Display = z.infer<typeof Display>;

export const KeyDownEvent = z.object({
  kind: z.literal("key_down"),
  t: time,
  /** Platform key code (e.g. libuiohook or X11 keycode); 0 when unknown. */
  code: z.number().int().nonnegative().default(0),
  /** Canonical key name. */
  key: z.string().min(1),
  /** The character this press produced, when the source knows it (layout, shift and AltGr applied). */
  char: z.string().optional(),
  mods: ModifierState.optional(),
});
export type KeyDownEvent = z.infer<typeof KeyDownEvent>;

export const KeyUpEvent = z.object({
  kind: z.literal("key_up"),
  t: time,
  code: z.number().int().nonnegative().default(0),
  key: z.string().min(1),
  mods: ModifierState.optional(),
});
export type KeyUpEvent = z.infer<typeof KeyUpEvent>;

export const MouseMoveEvent = z.object({ kind: z.literal("mouse_move"), t: time, x: coord, y: coord });
export type MouseMoveEvent = z.infer<typeof MouseMoveEvent>;

export const MouseDownEvent = z.object({
  kind: z.literal("mouse_down"),
  t: time,
  x: coord,
  y: coord,
  button: MouseButton,
});
export type MouseDownEvent = z.infer<typeof MouseDownEvent>;

export const MouseUpEvent = z.object({
  kind: z.literal("mouse_up"),
  t: time,
  x: coord,
  y: coord,
  button: MouseButton,
});
export type MouseUpEvent = z.infer<typeof MouseUpEvent>;

/**
 * A wheel or trackpad scroll. `notches`: wheel detents (fractional for high-resolution wheels),
 * + = up (vertical axis) or right (horizontal axis). `pixels`: the pixel delta when the source
 * reports one, + = down (vertical) or right (horizontal), as browsers do.
 */
export const WheelEvent = z.object({
  kind: z.literal("wheel"),
  t: time,
  x: coord,
  y: coord,
  axis: z.enum(["vertical", "horizontal"]),
  notches: z.number().finite(),
  pixels: z.number().finite().optional(),
});
export type WheelEvent = z.infer<typeof WheelEvent>;

/** The focused window changed (or its title / URL did). */
export const FocusEvent = z.object({
  kind: z.literal("focus"),
  t: time,
  app: z.string().optional(),
  title: z.string().optional(),
  url: z.string().optional(),
  pid: z.number().int().optional(),
  window_id: z.string().optional(),
});
export type FocusEvent = z.infer<typeof FocusEvent>;

/**
 * A captured frame. `ref` names the image (a path relative to the events file, or `VIDEO#t=SECONDS`
 * for a frame inside a video, with `video_pts`). `diff` (fraction of pixels changed since the
 * previous frame of the same display) or `hash` (equal hash = unchanged screen) let the frame
 * chooser find the last stable frame; frames with neither are only chosen by time.
 */
export const ScreenshotEvent = z.object({
  kind: z.literal("screenshot"),
  t: time,
  ref: z.string().min(1),
  w: z.number().int().positive(),
  h: z.number().int().positive(),
  display: z.string().optional(),
  hash: z.string().optional(),
  diff: z.number().min(0).max(1).optional(),
  video_pts: z.number().nonnegative().optional(),
});
export type ScreenshotEvent = z.infer<typeof ScreenshotEvent>;

/** The display layout (sent at the start, and again whenever it changes). */
export const DisplayEvent = z.object({
  kind: z.literal("display"),
  t: time,
  displays: z.array(Display).min(1),
});
export type DisplayEvent = z.infer<typeof DisplayEvent>;

/** Recorder markers: `pause`, `resume`, `task_start`, `task_end`, or another name. */
export const MarkerEvent = z.object({
  kind: z.literal("marker"),
  t: time,
  name: z.string().min(1),
});
export type MarkerEvent = z.infer<typeof MarkerEvent>;

/** Every kind of raw event. Unknown kinds are counted by the reducer, never fatal. */
export const RawEvent = z.discriminatedUnion("kind", [
  KeyDownEvent,
  KeyUpEvent,
  MouseMoveEvent,
  MouseDownEvent,
  MouseUpEvent,
  WheelEvent,
  FocusEvent,
  ScreenshotEvent,
  DisplayEvent,
  MarkerEvent,
]);
export type RawEvent = z.infer<typeof RawEvent>;

/** The `kind` values {@link RawEvent} knows. */
export const RAW_EVENT_KINDS: readonly RawEvent["kind"][] = [
  "key_down",
  "key_up",
  "mouse_move",
  "mouse_down",
  "mouse_up",
  "wheel",
  "focus",
  "screenshot",
  "display",
  "marker",
];
