import { createHash } from "node:crypto";
import { spawnSync } from "node:child_process";
import {
  closeSync,
  copyFileSync,
  createReadStream,
  existsSync,
  mkdirSync,
  openSync,
  renameSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { basename, dirname, extname, isAbsolute, join, relative, resolve } from "node:path";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import {
  Episode,
  EPISODE_SCHEMA,
  RAW_EVENT_KINDS,
  RawEvent,
  ReduceParams,
  type Frame,
  type ReduceParamsInput,
  type Step,
} from "@tracevault/core";
import { DEFAULT_POLICY, redact } from "@tracevault/privacy";
import { episodeIdFromName, Reducer, type TextRedactor } from "@tracevault/trajectory";
import { UsageError } from "../usage.js";

/** The privacy engine as the trajectory package's redaction function. */
export const privacyRedactor: TextRedactor = (text, channel) => {
  const r = redact(text, { channel });
  return { text: r.redacted, rules: r.spans.map((s) => s.type), level: r.level };
};

/** Version of the privacy policy that redacts episodes made here. */
export const POLICY_VERSION: string = DEFAULT_POLICY.version;

/** Parse `--set key=value` (dotted keys for nested params, JSON values) into reducer parameters. */
export function parseParamSets(sets: readonly string[]): ReduceParamsInput {
  const out: Record<string, unknown> = {};
  for (const s of sets) {
    const eq = s.indexOf("=");
    if (eq <= 0) throw new UsageError(`--set takes key=value, got '${s}'`);
    const path = s.slice(0, eq).split(".");
    const raw = s.slice(eq + 1);
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      value = raw;
    }
    let o = out;
    for (const k of path.slice(0, -1)) o = (o[k] ??= {}) as Record<string, unknown>;
    o[path[path.length - 1]!] = value;
  }
  const r = ReduceParams.safeParse(out);
  if (!r.success) {
    const i = r.error.issues[0];
    throw new UsageError(`--set ${i?.path.join(".") ?? ""}: ${i?.message ?? "invalid"}`);
  }
  return out as ReduceParamsInput;
}

const FFMPEG_PATH = process.env.TRACEVAULT_FFMPEG ?? "ffmpeg";

/** Is ffmpeg (and ffprobe) on PATH? */
export function haveFfmpeg(): boolean {
  const r = spawnSync(FFMPEG_PATH, ["-version"], { stdio: "ignore" });
  return r.status === 0;
}

/**
 * Writes an episode folder as steps stream in: `steps.jsonl`, `images/` (the chosen frames, copied
 * or extracted from a video) and, at the end, `episode.json`. Memory stays constant: an image is
 * written once, under a name derived from its source, and found again on disk.
 */
export class EpisodeWriter {
  private fd: number;
  private buf: string[] = [];
  private bufLen = 0;
  readonly imagesDir: string;
  missingImages = 0;
  images = 0;
  private ffmpeg: boolean | undefined;

  constructor(
    readonly outDir: string,
    /** Folder image refs are relative to. */
    private readonly srcDir: string,
  ) {
    mkdirSync(outDir, { recursive: true });
    this.imagesDir = join(outDir, "images");
    this.fd = openSync(join(outDir, "steps.jsonl.tmp"), "w");
  }

  /** Copy (or extract) a frame's image into the episode; returns the ref to store. */
  private image(f: Frame | null): Frame | null {
    if (f === null) return null;
    const hash = createHash("sha1").update(f.ref).digest("hex").slice(0, 16);
    const hashIdx = f.ref.lastIndexOf("#t=");
    if (f.video_pts !== undefined && hashIdx > 0) {
      const video = this.inside(f.ref.slice(0, hashIdx));
      const name = `images/${hash}.png`;
      const dest = join(this.outDir, name);
      if (existsSync(dest)) return { ...f, ref: name };
      this.ffmpeg ??= haveFfmpeg();
      if (video && this.ffmpeg) {
        mkdirSync(this.imagesDir, { recursive: true });
        const r = spawnSync(
          FFMPEG_PATH,
          ["-v", "error", "-y", "-ss", String(f.video_pts), "-i", video, "-frames:v", "1", dest],
          { stdio: "ignore" },
        );
        if (r.status === 0 && existsSync(dest)) {
          this.images++;
          return { ...f, ref: name };
        }
      }
      this.missingImages++;
      return f;
    }
    const src = this.inside(f.ref);
    if (src === null || !existsSync(src)) {
      this.missingImages++;
      return f;
    }
    const name = `images/${hash}${extname(f.ref).toLowerCase() || ".png"}`;
    const dest = join(this.outDir, name);
    if (!existsSync(dest)) {
      mkdirSync(this.imagesDir, { recursive: true });
      copyFileSync(src, dest);
      this.images++;
    }
    return { ...f, ref: name };
  }

  /** A ref as a path inside the source folder, or null when it points elsewhere. */
  private inside(ref: string): string | null {
    if (isAbsolute(ref)) return null;
    const p = resolve(this.srcDir, ref);
    const rel = relative(this.srcDir, p);
    if (rel.startsWith("..") || isAbsolute(rel)) return null;
    return p;
  }

  addStep(step: Step): void {
    const s: Step = {
      ...step,
      observation: {
        ...step.observation,
        screenshot: this.image(step.observation.screenshot),
        after: this.image(step.observation.after),
      },
    };
    const line = JSON.stringify(s) + "\n";
    this.buf.push(line);
    this.bufLen += line.length;
    if (this.bufLen > 1 << 16) this.flush();
  }

  private flush(): void {
    if (this.buf.length === 0) return;
    const data = Buffer.from(this.buf.join(""));
    let off = 0;
    while (off < data.length) off += writeSync(this.fd, data, off, data.length - off);
    this.buf = [];
    this.bufLen = 0;
  }

  /** Finish: close steps.jsonl and write episode.json (validated). */
  finish(ep: Episode): void {
    this.flush();
    closeSync(this.fd);
    renameSync(join(this.outDir, "steps.jsonl.tmp"), join(this.outDir, "steps.jsonl"));
    const checked = Episode.parse(ep);
    writeFileSync(join(this.outDir, "episode.json"), JSON.stringify(checked, null, 2) + "\n");
  }
}

/** Build the episode record from a finished reducer. */
export function episodeFrom(
  r: Reducer,
  fields: { id: string; task: Episode["task"]; source: Episode["source"]; started_at?: string },
): Episode {
  return {
    schema: EPISODE_SCHEMA,
    id: fields.id,
    task: fields.task,
    source: fields.source,
    displays: r.initialDisplays,
    ...(fields.started_at ? { started_at: fields.started_at } : {}),
    ...(Number.isFinite(r.firstT) && Number.isFinite(r.lastT)
      ? { duration_ms: Math.max(0, r.lastT - r.firstT) }
      : {}),
    reduction: r.params,
    privacy: {
      policy_version: POLICY_VERSION,
      redacted: { ...r.privacyCounts },
      steps_dropped: r.report.steps_dropped_privacy,
    },
    report: r.report,
    steps: { file: "steps.jsonl", count: r.report.steps },
  };
}

const KNOWN = new Set<string>(RAW_EVENT_KINDS);

/** Feed one JSONL line to a reducer: parse, validate at the boundary, count what is wrong. */
export function pushLine(r: Reducer, line: string): void {
  if (line.trim() === "") return;
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    r.noteUnparseableLine();
    return;
  }
  const kind = json !== null && typeof json === "object" ? (json as { kind?: unknown }).kind : undefined;
  if (typeof kind === "string" && !KNOWN.has(kind)) {
    r.push(json as RawEvent); // counted as an unknown kind
    return;
  }
  const ev = RawEvent.safeParse(json);
  if (ev.success) r.push(ev.data);
  else r.noteInvalidEvent();
}

/**
 * `tracevault reduce EVENTS.jsonl --out EPISODE_DIR`: canonical raw events in, canonical episode out.
 * Options: --id ID, --task TEXT, --task-id ID, --status success|failure|unknown, --set key=value
 * (reducer parameters, repeatable), --force (replace an existing episode).
 */
export async function runReduce(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: "string" },
        id: { type: "string" },
        task: { type: "string" },
        "task-id": { type: "string" },
        status: { type: "string" },
        set: { type: "string", multiple: true },
        force: { type: "boolean" },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new UsageError("reduce takes one EVENTS.jsonl file");
  if (!values.out) throw new UsageError("reduce needs --out EPISODE_DIR");
  const status = values.status ?? "unknown";
  if (status !== "success" && status !== "failure" && status !== "unknown")
    throw new UsageError(`--status must be success, failure or unknown, got '${status}'`);
  const params = parseParamSets(values.set ?? []);
  const input = positionals[0]!;
  const out = values.out;
  if (existsSync(join(out, "episode.json")) && !values.force) {
    process.stderr.write(`tracevault: ${out} already holds an episode (use --force to replace it)\n`);
    return 1;
  }
  const stream = createReadStream(input);
  try {
    await new Promise<void>((res, rej) => {
      stream.once("open", () => res());
      stream.once("error", rej);
    });
  } catch (e) {
    process.stderr.write(
      `tracevault: cannot read ${input}: ${(e as NodeJS.ErrnoException).code ?? "error"}\n`,
    );
    return 1;
  }
  const writer = new EpisodeWriter(out, dirname(resolve(input)));
  const reducer = new Reducer({
    params,
    redact: privacyRedactor,
    terminateStatus: status === "failure" ? "failure" : "success",
    onStep: (s) => writer.addStep(s),
  });
  const rl = createInterface({ input: stream, crlfDelay: Infinity });
  for await (const line of rl) pushLine(reducer, line);
  reducer.end();
  // default id: the file's name, or its folder's when the file is just "events.jsonl"
  const stem = basename(input).replace(/\.jsonl?$/i, "");
  const idSource = stem === "events" ? basename(dirname(resolve(input))) : stem;
  const id = values.id ?? episodeIdFromName(privacyRedactor(idSource.replace(/_/g, " "), "title").text);
  const task: Episode["task"] = { status };
  if (values["task-id"]) task.id = values["task-id"];
  if (values.task) task.instruction = privacyRedactor(values.task, "typed").text;
  writer.finish(episodeFrom(reducer, { id, task, source: { kind: "tracevault" } }));
  const rep = reducer.report;
  process.stdout.write(
    JSON.stringify({
      episode: out,
      id,
      steps: rep.steps,
      events: rep.events,
      images: writer.images,
      missing_images: writer.missingImages,
      problems: Object.fromEntries(
        Object.entries(rep).filter(([k, v]) => v > 0 && !["events", "steps", "frames", "pauses"].includes(k)),
      ),
    }) + "\n",
  );
  return 0;
}
