import {
  closeSync,
  copyFileSync,
  createReadStream,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { basename, dirname, extname, isAbsolute, join, relative, resolve } from "node:path";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { Episode, Step } from "@tracevault/core";
import {
  EXPORT_FORMATS,
  EXPORTERS,
  hfDatasetCard,
  hfEpisodeRow,
  hfStepRows,
  hfStepsParquet,
  type ExportContext,
  type ExportFormat,
  type HfStepRow,
} from "@tracevault/trajectory";
import { UsageError } from "../usage.js";

/** Episode folders under `dir`: itself when it holds episode.json, else its sub-folders that do. */
export function findEpisodes(dir: string): string[] {
  if (existsSync(join(dir, "episode.json"))) return [dir];
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return [];
  }
  return names.map((n) => join(dir, n)).filter((p) => existsSync(join(p, "episode.json")));
}

/** Read an episode folder: its validated episode.json and each valid step line (bad lines counted). */
export async function readEpisode(
  dir: string,
  onStep: (s: Step) => void,
): Promise<{ episode: Episode; badLines: number }> {
  const episode = Episode.parse(JSON.parse(readFileSync(join(dir, "episode.json"), "utf8")));
  let badLines = 0;
  const file = join(dir, episode.steps.file);
  if (existsSync(file)) {
    const rl = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
    for await (const line of rl) {
      if (line.trim() === "") continue;
      try {
        const s = Step.safeParse(JSON.parse(line));
        if (s.success) onStep(s.data);
        else badLines++;
      } catch {
        badLines++;
      }
    }
  }
  return { episode, badLines };
}

/** Names exported images `images/<episode>/<file>` and copies them from the episode folder. */
class ImageCopier {
  count = 0;
  missing = 0;
  constructor(
    private readonly outRoot: string,
    private readonly epDir: string,
    private readonly epId: string,
  ) {}

  name = (step: Step, which: "before" | "after"): string | null => {
    const f = which === "before" ? step.observation.screenshot : step.observation.after;
    if (f === null) return null;
    const src = resolve(this.epDir, f.ref);
    const rel = relative(this.epDir, src);
    if (isAbsolute(f.ref) || rel.startsWith("..") || !existsSync(src) || f.ref.includes("#t=")) {
      this.missing++;
      return null;
    }
    const name = `images/${safe(this.epId)}/${basename(f.ref, extname(f.ref))}${extname(f.ref)}`;
    const dest = join(this.outRoot, name);
    if (!existsSync(dest)) {
      mkdirSync(dirname(dest), { recursive: true });
      copyFileSync(src, dest);
      this.count++;
    }
    return name;
  };
}

function safe(s: string): string {
  return s.replace(/[^A-Za-z0-9_.-]+/g, "-").slice(0, 120) || "episode";
}

function writeLines(fd: number, records: unknown[]): void {
  if (records.length === 0) return;
  const data = Buffer.from(records.map((r) => JSON.stringify(r)).join("\n") + "\n");
  let off = 0;
  while (off < data.length) off += writeSync(fd, data, off, data.length - off);
}

/**
 * `tracevault export EPISODE_DIR|DATASET_DIR --format F --out PATH`.
 * JSONL formats: PATH is a `.jsonl` file (images beside it, under images/) or a folder that gets
 * `F.jsonl`. `hf`: PATH is a folder with episodes.jsonl, data/steps.parquet, images/ and README.md.
 */
export async function runExport(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { format: { type: "string" }, out: { type: "string" } },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new UsageError("export takes one EPISODE_DIR or DATASET_DIR");
  const format = values.format as ExportFormat | undefined;
  if (!format || !(EXPORT_FORMATS as readonly string[]).includes(format))
    throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(", ")}`);
  if (!values.out) throw new UsageError("export needs --out PATH");
  const dirs = findEpisodes(positionals[0]!);
  if (dirs.length === 0) {
    process.stderr.write(`tracevault: no episode (episode.json) found in ${positionals[0]}\n`);
    return 1;
  }
  const out = values.out;
  let badLines = 0;
  let images = 0;
  let missing = 0;
  let steps = 0;

  if (format === "hf") {
    mkdirSync(join(out, "data"), { recursive: true });
    const episodes: Episode[] = [];
    const rows: HfStepRow[] = [];
    for (const dir of dirs) {
      const epSteps: Step[] = [];
      const { episode, badLines: bad } = await readEpisode(dir, (s) => epSteps.push(s));
      badLines += bad;
      const copier = new ImageCopier(out, dir, episode.id);
      const ctx: ExportContext = { episode, image: copier.name };
      for (const r of hfStepRows(epSteps, ctx)) rows.push(r);
      episodes.push(episode);
      steps += epSteps.length;
      images += copier.count;
      missing += copier.missing;
    }
    writeFileSync(
      join(out, "episodes.jsonl"),
      episodes.map((e) => JSON.stringify(hfEpisodeRow(e))).join("\n") + "\n",
    );
    writeFileSync(join(out, "data", "steps.parquet"), hfStepsParquet(rows));
    writeFileSync(
      join(out, "README.md"),
      hfDatasetCard({ episodes, steps, images, formats: Object.values(EXPORTERS) }),
    );
  } else {
    const exporter = EXPORTERS[format]!;
    const file = out.endsWith(".jsonl") ? out : join(out, `${format}.jsonl`);
    const root = dirname(file);
    mkdirSync(root, { recursive: true });
    const fd = openSync(file, "w");
    try {
      for (const dir of dirs) {
        const epSteps: Step[] = [];
        const { episode, badLines: bad } = await readEpisode(dir, (s) => epSteps.push(s));
        badLines += bad;
        const copier = new ImageCopier(root, dir, episode.id);
        writeLines(fd, exporter.records(epSteps, { episode, image: copier.name }));
        steps += epSteps.length;
        images += copier.count;
        missing += copier.missing;
      }
    } finally {
      closeSync(fd);
    }
  }
  const limitations = format === "hf" ? "see README.md" : EXPORTERS[format]!.limitations;
  process.stdout.write(
    JSON.stringify({
      format,
      out,
      episodes: dirs.length,
      steps,
      images,
      missing_images: missing,
      bad_step_lines: badLines,
      limitations,
    }) + "\n",
  );
  if (badLines > 0)
    process.stderr.write(`tracevault: ${badLines} step line(s) were not valid and were skipped\n`);
  return 0;
}
