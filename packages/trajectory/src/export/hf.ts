import type { Episode, Step } from "@tracevault/core";
import { parquetWriteBuffer } from "hyparquet-writer/src/write.js";
import { agentnetCode } from "./agentnet.js";
import { actionPoint, imageOf, type ExportContext, type JsonlExporter } from "./common.js";

/** One row of `steps.parquet`. */
export interface HfStepRow {
  episode_id: string;
  step_index: number;
  t_start_ms: number;
  t_end_ms: number;
  action_type: string;
  /** The canonical action as JSON. */
  action: string;
  x: number | null;
  y: number | null;
  text: string | null;
  keys: string | null;
  agentnet_code: string;
  image: string | null;
  image_after: string | null;
  image_w: number | null;
  image_h: number | null;
  frame_rule: string | null;
  window_app: string | null;
  window_title: string | null;
  window_url: string | null;
  raw_first: number;
  raw_last: number;
  privacy_rules: string;
}

/** The parquet rows of one episode. */
export function hfStepRows(steps: readonly Step[], ctx: ExportContext): HfStepRow[] {
  return steps.map((s) => {
    const a = s.action;
    const p = actionPoint(a);
    const f = s.observation.screenshot;
    const w = s.observation.window;
    return {
      episode_id: ctx.episode.id,
      step_index: s.index,
      t_start_ms: s.timing.start,
      t_end_ms: s.timing.end,
      action_type: a.type,
      action: JSON.stringify(a),
      x: p ? p.x : null,
      y: p ? p.y : null,
      text: a.type === "type" ? a.text : null,
      keys:
        a.type === "key"
          ? JSON.stringify([a.key])
          : a.type === "hotkey" || a.type === "hold_key"
            ? JSON.stringify(a.keys)
            : null,
      agentnet_code: agentnetCode(s, ctx),
      image: imageOf(s, ctx),
      image_after: imageOf(s, ctx, "after"),
      image_w: f ? f.w : null,
      image_h: f ? f.h : null,
      frame_rule: f ? f.rule : null,
      window_app: w?.app ?? null,
      window_title: w?.title ?? null,
      window_url: w?.url ?? null,
      raw_first: s.raw_event_range.first,
      raw_last: s.raw_event_range.last,
      privacy_rules: JSON.stringify(s.privacy.rules),
    };
  });
}

const COLUMNS: [keyof HfStepRow, "STRING" | "INT32" | "DOUBLE"][] = [
  ["episode_id", "STRING"],
  ["step_index", "INT32"],
  ["t_start_ms", "DOUBLE"],
  ["t_end_ms", "DOUBLE"],
  ["action_type", "STRING"],
  ["action", "STRING"],
  ["x", "DOUBLE"],
  ["y", "DOUBLE"],
  ["text", "STRING"],
  ["keys", "STRING"],
  ["agentnet_code", "STRING"],
  ["image", "STRING"],
  ["image_after", "STRING"],
  ["image_w", "INT32"],
  ["image_h", "INT32"],
  ["frame_rule", "STRING"],
  ["window_app", "STRING"],
  ["window_title", "STRING"],
  ["window_url", "STRING"],
  ["raw_first", "INT32"],
  ["raw_last", "INT32"],
  ["privacy_rules", "STRING"],
];

/** The bytes of `steps.parquet` for these rows (pure JS, snappy-compressed). */
export function hfStepsParquet(rows: readonly HfStepRow[]): Uint8Array {
  const buf = parquetWriteBuffer({
    columnData: COLUMNS.map(([name, type]) => ({ name, type, data: rows.map((r) => r[name]) })),
    createdBy: "tracevault",
  });
  return new Uint8Array(buf);
}

/** One line of `episodes.jsonl`. */
export function hfEpisodeRow(ep: Episode): Record<string, unknown> {
  return {
    episode_id: ep.id,
    task_id: ep.task.id ?? ep.id,
    instruction: ep.task.instruction ?? "",
    status: ep.task.status,
    source: ep.source.kind,
    os: ep.source.os ?? null,
    displays: ep.displays,
    started_at: ep.started_at ?? null,
    duration_ms: ep.duration_ms ?? null,
    steps: ep.steps.count,
    reduction: ep.reduction,
    privacy: ep.privacy,
    report: ep.report,
  };
}

export interface CardInput {
  episodes: readonly Episode[];
  steps: number;
  images: number;
  /** Every exporter, so the card can say what each format cannot express. */
  formats: readonly JsonlExporter[];
  name?: string;
}

/**
 * The dataset card (README.md with YAML front matter): contents, reduction parameters, privacy policy
 * version, what was redacted, and what each target format cannot express.
 */
export function hfDatasetCard(c: CardInput): string {
  const eps = c.episodes;
  const params = [...new Set(eps.map((e) => JSON.stringify(e.reduction, null, 2)))];
  const policies = [...new Set(eps.map((e) => e.privacy.policy_version))];
  const redacted: Record<string, number> = {};
  let dropped = 0;
  for (const e of eps) {
    for (const [k, v] of Object.entries(e.privacy.redacted)) redacted[k] = (redacted[k] ?? 0) + v;
    dropped += e.privacy.steps_dropped;
  }
  const reports: Record<string, number> = {};
  for (const e of eps)
    for (const [k, v] of Object.entries(e.report))
      if (typeof v === "number") reports[k] = (reports[k] ?? 0) + v;
  const sources = [...new Set(eps.map((e) => e.source.kind))];
  const lines = [
    "---",
    "configs:",
    "- config_name: steps",
    "  data_files:",
    "  - split: train",
    "    path: data/steps.parquet",
    "- config_name: episodes",
    "  data_files:",
    "  - split: train",
    "    path: episodes.jsonl",
    "task_categories:",
    "- image-text-to-text",
    "tags:",
    "- computer-use",
    "- gui-agent",
    "- trajectories",
    "---",
    "",
    `# ${c.name ?? "tracevault computer-use trajectories"}`,
    "",
    `${eps.length} episode(s), ${c.steps} step(s), ${c.images} image(s); sources: ${sources.join(", ") || "none"}.`,
    "Recorded human computer use, reduced by tracevault from raw input events into one step per action:",
    "the screenshot the person saw (the last stable frame before the action), the action, its timing,",
    "the raw events it came from, and the privacy rules that touched it.",
    "",
    "## Files",
    "",
    "- `episodes.jsonl`: one line per episode (task, displays, reduction parameters, privacy summary, input report).",
    "- `data/steps.parquet`: one row per step. Coordinates `x`, `y` are global screen pixels; `image_w`/`image_h` give the",
    "  screenshot size; the full canonical action is in `action` (JSON); `agentnet_code` is the same action as",
    "  pyautogui code normalised to 0–1 of the screenshot.",
    "- `images/`: the screenshots named in `image` (before the action) and `image_after` (after it).",
    "",
    "## Reduction parameters",
    "",
    "Thresholds the reducer used (times in ms, distances in screen pixels):",
    "",
    ...params.map((p) => "```json\n" + p + "\n```"),
    "",
    "## Privacy",
    "",
    `Privacy policy version: ${policies.join(", ") || "none"}.`,
    "Typed text, window titles and URLs went through the privacy engine before export; typed text that was",
    "redacted has its raw key presses withheld. Steps whose content was classified level 4 were dropped.",
    "",
    "| rule | redactions |",
    "| --- | --- |",
    ...Object.entries(redacted)
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `| ${k} | ${v} |`),
    ...(Object.keys(redacted).length === 0 ? ["| (none) | 0 |"] : []),
    "",
    `Steps dropped for privacy: ${dropped}.`,
    "",
    "## Input problems found while reducing",
    "",
    "| count | total |",
    "| --- | --- |",
    ...Object.entries(reports).map(([k, v]) => `| ${k} | ${v} |`),
    "",
    "## What each export format cannot express",
    "",
    ...c.formats.flatMap((f) => [
      `### ${f.id}`,
      "",
      f.description + ".",
      "",
      ...f.limitations.map((l) => `- ${l}`),
      "",
    ]),
  ];
  return lines.join("\n") + "\n";
}
