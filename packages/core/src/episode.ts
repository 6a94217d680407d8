import { z } from "zod";
import { Display } from "./events.js";

/**
 * Frame choice parameters (all times in ms).
 * @example ObservationParams.parse({}).stable_ms // 300
 */
export const ObservationParams = z.object({
  /** A frame is stable when the screen stayed unchanged this long after it, before the action. */
  stable_ms: z.number().nonnegative().default(300),
  /** Frames whose `diff` to the previous frame is at most this count as unchanged. */
  stable_diff: z.number().min(0).max(1).default(0.002),
  /** How far back before an action frames are considered (and kept in memory). */
  lookback_ms: z.number().positive().default(10_000),
  /** Without a stable frame: the latest frame at least this long before the action. */
  fallback_offset_ms: z.number().nonnegative().default(100),
  /** The frame after an action: the first frame at least this long after the action ended. */
  after_ms: z.number().nonnegative().default(300),
  /** Hard cap on frames kept in memory. */
  max_frames: z.number().int().positive().default(512),
});
export type ObservationParams = z.infer<typeof ObservationParams>;

/**
 * Every threshold the reducer uses. They are saved in the episode, so a dataset says how it was made.
 * Times in ms, distances in screen pixels.
 * @example ReduceParams.parse({ click_interval_ms: 400 }).drag_threshold_px // 6
 */
export const ReduceParams = z.object({
  /** Multi-click: the next press within this time of the previous press (the OS double-click time). */
  click_interval_ms: z.number().nonnegative().default(500),
  /** Multi-click: … and within this distance of the first press. */
  click_radius_px: z.number().nonnegative().default(4),
  /** A press becomes a drag once the pointer moves farther than this from where it went down. */
  drag_threshold_px: z.number().nonnegative().default(6),
  /** A click held at least this long is a long press (`press_ms` is set). */
  long_press_ms: z.number().positive().default(800),
  /** Wheel events closer than this in time (same place, same direction) form one scroll step. */
  scroll_gap_ms: z.number().nonnegative().default(400),
  /** … and within this distance of where the burst began. */
  scroll_radius_px: z.number().nonnegative().default(50),
  /** Pixels per wheel notch, when the source reported no pixel delta. */
  pixels_per_notch: z.number().positive().default(100),
  /** A key (not a modifier) held at least this long alone is a hold_key. */
  hold_key_ms: z.number().positive().default(1000),
  /** A gap with no input at all of at least this long is a wait step (0 = never). */
  wait_min_ms: z.number().nonnegative().default(3000),
  /** The pointer resting this long after travelling `hover_min_distance_px` is a mouse_move step (0 = never). */
  hover_ms: z.number().nonnegative().default(1500),
  hover_min_distance_px: z.number().nonnegative().default(20),
  /** A type step is closed (and a new one begun) past this many characters. */
  max_type_chars: z.number().int().positive().default(10_000),
  /** Drag paths longer than this are thinned (every other point dropped) to keep memory bounded. */
  max_drag_path_points: z.number().int().min(2).default(2000),
  /** Recorder control hotkeys, removed from the steps (`ctrl+alt+shift+p`; order-insensitive). */
  control_hotkeys: z.array(z.string()).default(["ctrl+alt+shift+p", "ctrl+alt+shift+s"]),
  /** Drop pointer events outside every recorded display. */
  drop_outside_displays: z.boolean().default(true),
  /** Lone taps of these modifiers are key steps (others, e.g. shift, are ignored and counted). */
  modifier_tap_keys: z.array(z.string()).default(["meta", "alt"]),
  /** End the steps with a terminate action. */
  append_terminate: z.boolean().default(true),
  observation: ObservationParams.default(ObservationParams.parse({})),
});
export type ReduceParams = z.infer<typeof ReduceParams>;
export type ReduceParamsInput = z.input<typeof ReduceParams>;

/** What went wrong, or was removed, while reducing: counts, never a crash. */
export const ReduceReport = z.object({
  events: z.number().int().nonnegative().default(0),
  steps: z.number().int().nonnegative().default(0),
  out_of_order: z.number().int().nonnegative().default(0),
  key_up_without_down: z.number().int().nonnegative().default(0),
  mouse_up_without_down: z.number().int().nonnegative().default(0),
  overlapping_buttons: z.number().int().nonnegative().default(0),
  stuck_buttons_at_end: z.number().int().nonnegative().default(0),
  stuck_keys_at_end: z.number().int().nonnegative().default(0),
  display_changes: z.number().int().nonnegative().default(0),
  unknown_kinds: z.number().int().nonnegative().default(0),
  invalid_events: z.number().int().nonnegative().default(0),
  /** Lines of the input file that were not JSON (a truncated file ends with one). */
  unparseable_lines: z.number().int().nonnegative().default(0),
  outside_display_dropped: z.number().int().nonnegative().default(0),
  control_hotkeys_removed: z.number().int().nonnegative().default(0),
  ignored_modifier_taps: z.number().int().nonnegative().default(0),
  drag_paths_thinned: z.number().int().nonnegative().default(0),
  pauses: z.number().int().nonnegative().default(0),
  steps_dropped_privacy: z.number().int().nonnegative().default(0),
  frames: z.number().int().nonnegative().default(0),
  steps_without_frame: z.number().int().nonnegative().default(0),
});
export type ReduceReport = z.infer<typeof ReduceReport>;

/** What the privacy engine did to an episode. */
export const PrivacySummary = z.object({
  policy_version: z.string(),
  /** Count of redactions per rule, e.g. `{"typed:EMAIL_ADDRESS": 2}`. */
  redacted: z.record(z.string(), z.number().int().nonnegative()),
  steps_dropped: z.number().int().nonnegative(),
});
export type PrivacySummary = z.infer<typeof PrivacySummary>;

export const EPISODE_SCHEMA = "tracevault.episode/1";

/** An episode folder holds `episode.json` (this), `steps.jsonl` (one Step a line) and `images/`. */
export const Episode = z.object({
  schema: z.literal(EPISODE_SCHEMA),
  id: z.string().min(1),
  task: z.object({
    id: z.string().optional(),
    instruction: z.string().optional(),
    status: z.enum(["success", "failure", "unknown"]).default("unknown"),
  }),
  source: z.object({
    kind: z.string(),
    os: z.string().optional(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
  displays: z.array(Display),
  started_at: z.string().optional(),
  duration_ms: z.number().nonnegative().optional(),
  reduction: ReduceParams,
  privacy: PrivacySummary,
  report: ReduceReport,
  steps: z.object({ file: z.string().default("steps.jsonl"), count: z.number().int().nonnegative() }),
});
export type Episode = z.infer<typeof Episode>;
