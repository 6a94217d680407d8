import { spawnSync } from "node:child_process";
import { createReadStream, existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { RAW_EVENT_KINDS, RawEvent, type Episode } from "@tracevault/core";
import {
  AgentNetConverter,
  agentnetOs,
  episodeIdFromName,
  Reducer,
  type AgentNetMetadata,
} from "@tracevault/trajectory";
import { UsageError } from "../usage.js";
import { EpisodeWriter, episodeFrom, haveFfmpeg, parseParamSets, privacyRedactor } from "./reduce.js";

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return undefined;
  }
}

/** Lines of a small JSONL file, parsed; unparseable lines (a truncated last line) are counted. */
function readJsonl(path: string): { rows: unknown[]; bad: number } {
  const rows: unknown[] = [];
  let bad = 0;
  if (!existsSync(path)) return { rows, bad };
  for (const line of readFileSync(path, "utf8").split(/\r?\n/)) {
    if (line.trim() === "") continue;
    try {
      rows.push(JSON.parse(line));
    } catch {
      bad++;
    }
  }
  return { rows, bad };
}

function countLines(path: string): number | null {
  if (!existsSync(path)) return null;
  let n = 0;
  for (const line of readFileSync(path, "utf8").split(/\r?\n/)) if (line.trim() !== "") n++;
  return n;
}

/** Width, height and duration of a video, by ffprobe; null without ffprobe or on failure. */
function probeVideo(path: string): { w: number; h: number; duration: number } | null {
  const ffprobe = process.env.TRACEVAULT_FFPROBE ?? "ffprobe";
  const r = spawnSync(
    ffprobe,
    [
      "-v",
      "error",
      "-select_streams",
      "v:0",
      "-show_entries",
      "stream=width,height:format=duration",
      "-of",
      "json",
      path,
    ],
    {
      encoding: "utf8",
    },
  );
  if (r.status !== 0) return null;
  try {
    const j = JSON.parse(r.stdout) as {
      streams?: { width?: number; height?: number }[];
      format?: { duration?: string };
    };
    const s = j.streams?.[0];
    const duration = Number(j.format?.duration);
    if (!s?.width || !s.height || !Number.isFinite(duration)) return null;
    return { w: s.width, h: s.height, duration };
  } catch {
    return null;
  }
}

const KNOWN = new Set<string>(RAW_EVENT_KINDS);

/**
 * `tracevault import agentnet DIR --out EPISODE_DIR`: an AgentNetTool recording folder → a canonical
 * episode, through the same reducer and privacy engine as our own recordings. Accepts argv with or
 * without the leading `agentnet`. Options: --frame-ms N (video frame spacing, default 250), --set k=v, --force.
 */
export async function runImportAgentnet(argv: string[]): Promise<number> {
  const args = argv[0] === "agentnet" ? argv.slice(1) : argv;
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        out: { type: "string" },
        set: { type: "string", multiple: true },
        force: { type: "boolean" },
        "frame-ms": { type: "string" },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new UsageError("import agentnet takes one recording folder");
  if (!values.out) throw new UsageError("import agentnet needs --out EPISODE_DIR");
  const frameMs = values["frame-ms"] === undefined ? 250 : Number(values["frame-ms"]);
  if (!(frameMs >= 10)) throw new UsageError("--frame-ms must be a number of milliseconds >= 10");
  const params = parseParamSets(values.set ?? []);
  const dir = resolve(positionals[0]!);
  const eventsPath = join(dir, "events.jsonl");
  if (!existsSync(eventsPath)) {
    process.stderr.write(
      `tracevault: ${positionals[0]} has no events.jsonl: not an AgentNetTool recording\n`,
    );
    return 1;
  }
  if (existsSync(join(values.out, "episode.json")) && !values.force) {
    process.stderr.write(`tracevault: ${values.out} already holds an episode (use --force to replace it)\n`);
    return 1;
  }

  const metaRaw = readJson(join(dir, "metadata.json"));
  const meta: AgentNetMetadata = metaRaw && typeof metaRaw === "object" ? (metaRaw as AgentNetMetadata) : {};
  const conv = new AgentNetConverter(meta);
  const taskRaw = readJson(join(dir, "task_name.json")) as
    { task_name?: unknown; description?: unknown } | undefined;
  const top = readJsonl(join(dir, "top_window.jsonl"));
  const focus = top.rows
    .map((r) => conv.topWindow(r))
    .filter((e): e is RawEvent => e !== null)
    .sort((a, b) => a.t - b.t);
  const video = readdirSync(dir).find((n) => n.toLowerCase().endsWith(".mp4"));
  const probe = video && haveFfmpeg() ? probeVideo(join(dir, video)) : null;

  const writer = new EpisodeWriter(values.out, dir);
  const reducer = new Reducer({ params, redact: privacyRedactor, onStep: (s) => writer.addStep(s) });
  const push = (e: RawEvent) => {
    if (!KNOWN.has(e.kind)) return reducer.push(e);
    const v = RawEvent.safeParse(e);
    if (v.success) reducer.push(v.data);
    else reducer.noteInvalidEvent();
  };

  // events.jsonl streams; focus changes and video frames are merged in by time
  let fi = 0;
  let frames: Iterator<RawEvent> | null = null;
  let nextFrame: RawEvent | null = null;
  let started = false;
  const feedUntil = (t: number) => {
    while (fi < focus.length && focus[fi]!.t <= t) push(focus[fi++]!);
    while (nextFrame !== null && nextFrame.t <= t) {
      push(nextFrame);
      const n = frames!.next();
      nextFrame = n.done ? null : n.value;
    }
  };
  const rl = createInterface({ input: createReadStream(eventsPath), crlfDelay: Infinity });
  let records = 0;
  for await (const line of rl) {
    if (line.trim() === "") continue;
    records++;
    let rec: unknown;
    try {
      rec = JSON.parse(line);
    } catch {
      reducer.noteUnparseableLine();
      continue;
    }
    for (const e of conv.convert(rec)) {
      if (!started) {
        started = true;
        const d = conv.display(e.t);
        if (d) push(d);
        if (probe && video) {
          frames = conv.videoFrames(video, probe.w, probe.h, probe.duration, Infinity, frameMs);
          const n = frames.next();
          nextFrame = n.done ? null : n.value;
        }
      }
      feedUntil(e.t);
      push(e);
    }
  }
  if (started) feedUntil(reducer.lastT + frameMs);
  for (let i = 0; i < conv.skipped; i++) reducer.noteInvalidEvent();
  reducer.end();

  // underscores join words in folder names ("someone@example.com_task"): split them so the engine sees the tokens
  const name = privacyRedactor(basename(dir).replace(/_/g, " "), "title").text;
  const id = episodeIdFromName(name);
  const task: Episode["task"] = { status: "unknown" };
  if (taskRaw && typeof taskRaw.task_name === "string") {
    const desc =
      typeof taskRaw.description === "string" && taskRaw.description.trim() !== ""
        ? `\n${taskRaw.description.trim()}`
        : "";
    task.instruction = privacyRedactor(taskRaw.task_name.trim() + desc, "typed").text;
  }
  const os = agentnetOs(meta.system);
  const details: Record<string, unknown> = {
    recorder: "AgentNetTool",
    folder: name,
    events_records: records,
    top_window_records: top.rows.length,
    top_window_bad_lines: top.bad,
    video: video ?? null,
    video_frames: probe ? { w: probe.w, h: probe.h, duration_s: probe.duration, every_ms: frameMs } : null,
    // accessibility and element records are counted, not imported
    a11y_records: countLines(join(dir, "a11y.jsonl")),
    element_records: countLines(join(dir, "element.jsonl")),
    scroll_direction: meta.scroll_direction ?? null,
  };
  if (video && !probe) details.video_note = "ffmpeg/ffprobe not found: no frames were taken from the video";
  const episode = episodeFrom(reducer, {
    id,
    task,
    source: { kind: "agentnet", ...(os ? { os } : {}), details },
  });
  writer.finish(episode);
  process.stdout.write(
    JSON.stringify({
      episode: values.out,
      id,
      steps: reducer.report.steps,
      images: writer.images,
      missing_images: writer.missingImages,
      video: video ?? null,
      frames: probe ? "ffmpeg" : "none",
    }) + "\n",
  );
  return 0;
}
