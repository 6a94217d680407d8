import { createReadStream, existsSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { parseVaultKeyFile } from "@tracevault/crypto";
import { spoolBatchFiles, writeRawEpisode } from "@tracevault/recorder";
import { episodeIdFromName, Reducer } from "@tracevault/trajectory";
import { readUserFile } from "../files.js";
import { UsageError } from "../usage.js";
import { EpisodeWriter, episodeFrom, privacyRedactor, pushLine } from "./reduce.js";

const USAGE = `usage:
  tracevault spool open --spool DIR --vault-key vault.key --out EPISODE_DIR [--id ID] [--force]
      decrypt a sealed spool into an episode: raw/events.jsonl, raw/screenshots/, raw/batches.jsonl,
      and the reduced steps (steps.jsonl, images/, episode.json)
  tracevault spool list --spool DIR      sealed batches waiting in a spool (no key needed, nothing decrypted)`;

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      options: {
        spool: { type: "string" },
        "vault-key": { type: "string" },
        out: { type: "string" },
        id: { type: "string" },
        force: { type: "boolean" },
      },
    }).values;
  } catch (e) {
    throw new UsageError(`${(e as Error).message}\n${USAGE}`);
  }
}

/** `tracevault spool open|list`. */
export async function runSpool(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  const values = parse(rest);
  if (sub === "list") {
    if (!values.spool) throw new UsageError(`spool list needs --spool DIR\n${USAGE}`);
    const files = spoolBatchFiles(values.spool);
    process.stdout.write(JSON.stringify({ spool: values.spool, batches: files.length }) + "\n");
    return 0;
  }
  if (sub !== "open") throw new UsageError(USAGE);
  if (!values.spool || !values["vault-key"] || !values.out)
    throw new UsageError(`spool open needs --spool, --vault-key and --out\n${USAGE}`);
  const out = resolve(values.out);
  if (existsSync(join(out, "episode.json"))) {
    if (!values.force) {
      process.stderr.write(`tracevault: ${out} already holds an episode (use --force to replace it)\n`);
      return 1;
    }
    rmSync(join(out, "raw"), { recursive: true, force: true });
    rmSync(join(out, "images"), { recursive: true, force: true });
  }
  const keys = parseVaultKeyFile(readUserFile(values["vault-key"], "vault key"));
  const raw = writeRawEpisode(values.spool, keys.seal.privateKey, join(out, "raw"));

  const params: Record<string, unknown> = {};
  if (raw.settings.double_click_ms) params.click_interval_ms = raw.settings.double_click_ms;
  if (raw.settings.drag_threshold_px) params.drag_threshold_px = raw.settings.drag_threshold_px;
  const writer = new EpisodeWriter(out, join(out, "raw"));
  const reducer = new Reducer({ params, redact: privacyRedactor, onStep: (s) => writer.addStep(s) });
  const rl = createInterface({ input: createReadStream(raw.eventsFile), crlfDelay: Infinity });
  for await (const line of rl) pushLine(reducer, line);
  reducer.end();
  const id = values.id ?? episodeIdFromName(`recording ${raw.deviceIds[0] ?? "unknown"}`);
  writer.finish(
    episodeFrom(reducer, {
      id,
      task: { status: "unknown" },
      source: {
        kind: "tracevault-recorder",
        os: "linux",
        details: {
          batches: raw.batches,
          bad_batches: raw.badBatches.length,
          seq_gaps: raw.seqGaps,
          devices: raw.deviceIds,
          manifest_hashes: raw.manifestHashes,
          filter_stats: raw.stats,
          settings: raw.settings,
        },
      },
    }),
  );
  process.stdout.write(
    JSON.stringify({
      episode: out,
      id,
      batches: raw.batches,
      bad_batches: raw.badBatches.map((b) => ({ file: b.file, error: b.error })),
      events: raw.events,
      frames: raw.frames,
      steps: reducer.report.steps,
      images: writer.images,
      filter_stats: raw.stats,
    }) + "\n",
  );
  return raw.badBatches.length > 0 ? 1 : 0;
}
