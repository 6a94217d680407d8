import { createHmac, randomBytes } from "node:crypto";
import { EPISODE_SCHEMA, Episode, Manifest, type RawEvent, type Step } from "@tracevault/core";
import { DEFAULT_POLICY, redact } from "@tracevault/privacy";
import {
  EXPORTERS,
  Reducer,
  hfDatasetCard,
  hfEpisodeRow,
  hfStepRows,
  hfStepsParquet,
  type ExportFormat,
  type TextChannel,
  type TextRedactor,
} from "@tracevault/trajectory";
import { readStoredBatch } from "../ingest.js";
import { newObjectKey, objectKeyContext, sealObject } from "../keys/objectkeys.js";
import type { Vault } from "../vault.js";
import { zip, type ZipEntry } from "../zip.js";
import { getDataset, type Dataset } from "./datasets.js";

/**
 * The export job of an approved dataset, run inside the vault process:
 * 1. select the batches of the named people and teams in the time range, leaving out erased and objecting
 *    people and batches whose manifest does not list the dataset's purpose (purpose limitation);
 * 2. decrypt them (one `decrypt` audit entry per person, with the dataset's purpose);
 * 3. keep only the chosen channels, drop frames (screenshots are level 3), re-base times, and reduce each
 *    device-day to steps with the trajectory reducer (privacy engine as its redactor);
 * 4. pseudonymise people with a per-dataset key that is discarded afterwards, and re-check every text field
 *    with the privacy engine: what it still flags is redacted; steps above the level cap (and level 4) go;
 * 5. write the chosen format and a dataset card (manifest versions, policy versions, redaction counts) into a
 *    zip, seal it under a fresh dataset key wrapped by the KMS, and store it as one blob.
 */
export const CHANNEL_OF_EVENT: Partial<Record<RawEvent["kind"], string>> = {
  key_down: "keyboard",
  key_up: "keyboard",
  mouse_move: "mouse",
  mouse_down: "mouse",
  mouse_up: "mouse",
  wheel: "mouse",
  focus: "window",
  screenshot: "screenshots",
};

/** Reduction parameters of dataset exports: recorded sessions have no known task outcome, so no terminate. */
export const DATASET_REDUCE_PARAMS = { append_terminate: false } as const;

export interface ExportProgress {
  (done: number, total: number): Promise<void> | void;
}

export interface DatasetCard {
  schema: "tracevault.dataset-card/1";
  dataset: string;
  title: string;
  purpose: string;
  format: string;
  levelCap: number;
  channels: string[];
  timeRange: { from: string; to: string };
  proposer: string;
  approvedBy: string | null;
  approvedAt: string | null;
  builtAt: string;
  people: number;
  episodes: number;
  steps: number;
  manifests: { id: string; version: number; hash: string }[];
  policy: { cedarVersion: number; privacyPolicyVersion: string };
  reduction: typeof DATASET_REDUCE_PARAMS;
  redactions: { reducer: Record<string, number>; recheck: Record<string, number>; total: number };
  dropped: { level4Steps: number; aboveLevelCapSteps: number; frames: number; otherChannelEvents: number };
  excluded: {
    erasedPeople: number;
    objectingPeople: number;
    purposeMismatchBatches: number;
    unreadableBatches: number;
  };
  pseudonymisation: string;
}

interface Selected {
  person: string; // person id
  pseudonym: string; // vault pseudonym
  batches: { batch_id: string; device_id: string; seq: number; manifest_hash: string; received_at: string }[];
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The privacy engine as the reducer's redactor. */
const engineRedactor: TextRedactor = (text, channel) => {
  const r = redact(text, { channel });
  return { text: r.redacted, rules: r.spans.map((s) => s.type), level: r.level };
};

async function selectPeople(
  vault: Vault,
  ds: Dataset,
): Promise<{ people: { id: string; pseudonym: string }[]; erased: number; objecting: number }> {
  const spec = ds.spec;
  const rows: { id: string; pseudonym: string; erased_at: string | null }[] = [];
  const seen = new Set<string>();
  const add = (list: { id: string; pseudonym: string; erased_at: string | null }[]) => {
    for (const r of list)
      if (!seen.has(r.id)) {
        seen.add(r.id);
        rows.push(r);
      }
  };
  for (const p of spec.people)
    add(await vault.db.query("SELECT id, pseudonym, erased_at FROM people WHERE id = $1", [p]));
  for (const t of spec.teams)
    add(await vault.db.query("SELECT id, pseudonym, erased_at FROM people WHERE team = $1 ORDER BY id", [t]));
  const objecting = new Set(
    (await vault.db.query<{ person: string }>("SELECT person FROM objections")).map((r) => r.person),
  );
  let erased = 0;
  let objectingCount = 0;
  const people: { id: string; pseudonym: string }[] = [];
  for (const r of rows) {
    if (r.erased_at) erased++;
    else if (objecting.has(r.id)) objectingCount++;
    else people.push({ id: r.id, pseudonym: r.pseudonym });
  }
  return { people, erased, objecting: objectingCount };
}

/** Replace each literal occurrence of a person's identifiers (id, usernames) in text with their pseudonym. */
function identifierReplacer(ids: string[], pseudonym: string): (s: string) => { text: string; n: number } {
  const names = ids.filter((s) => s.length >= 3).sort((a, b) => b.length - a.length);
  if (names.length === 0) return (text) => ({ text, n: 0 });
  const re = new RegExp(`(?<![A-Za-z0-9])(?:${names.map(escapeRe).join("|")})(?![A-Za-z0-9])`, "gi");
  return (text) => {
    let n = 0;
    const out = text.replace(re, () => {
      n++;
      return pseudonym;
    });
    return { text: out, n };
  };
}

const bump = (m: Record<string, number>, k: string, by = 1) => {
  m[k] = (m[k] ?? 0) + by;
};

/**
 * Re-check one step: identifiers → pseudonym, every text field through the privacy engine again. Returns the
 * cleaned step, or null when it must be dropped (level 4, or above the dataset's level cap).
 */
function recheckStep(
  step: Step,
  levelCap: number,
  replace: (s: string) => { text: string; n: number },
  counts: Record<string, number>,
  dropped: DatasetCard["dropped"],
): Step | null {
  let level = step.privacy.level ?? 1;
  const rules = [...step.privacy.rules];
  const check = (text: string, channel: TextChannel, field: string): string => {
    const r0 = replace(text);
    if (r0.n) {
      bump(counts, `${field}:PERSON_ID`, r0.n);
      rules.push(`recheck:${field}:PERSON_ID`);
    }
    const r = redact(r0.text, { channel });
    if (r.level > level) level = r.level;
    if (r.spans.length === 0) return r0.text;
    for (const s of r.spans) {
      bump(counts, `${field}:${s.type}`);
      rules.push(`recheck:${field}:${s.type}`);
    }
    return r.redacted;
  };
  let action = step.action;
  if (action.type === "type") {
    const text = check(action.text, "typed", "typed");
    if (text !== action.text) action = { type: "type", text, keys: [] };
  }
  let window = step.observation.window;
  if (window) {
    const w: typeof window = {};
    if (window.app !== undefined) w.app = check(window.app, "title", "app");
    if (window.title !== undefined) w.title = check(window.title, "title", "title");
    if (window.url !== undefined) w.url = check(window.url, "url", "url");
    window = w;
  }
  if (step.observation.screenshot) dropped.frames++;
  if (step.observation.after) dropped.frames++;
  if (level >= 4) {
    dropped.level4Steps++;
    return null;
  }
  if (level > levelCap) {
    dropped.aboveLevelCapSteps++;
    return null;
  }
  return {
    ...step,
    action,
    observation: { screenshot: null, after: null, window },
    privacy: { rules: [...new Set(rules)], level: level as Step["privacy"]["level"] },
  };
}

/** Build, seal and store one dataset's export. Returns the card. Throws on failure (the job records it). */
export async function buildDatasetExport(
  vault: Vault,
  id: string,
  progress: ExportProgress = () => undefined,
): Promise<DatasetCard> {
  const ds = await getDataset(vault.db, id);
  if (!ds) throw new Error(`no dataset ${id}`);
  if (ds.status !== "approved") throw new Error(`dataset ${id} is not approved`);
  const spec = ds.spec;
  const channels = new Set<string>(spec.channels);
  const sel = await selectPeople(vault, ds);

  // Batches in range whose manifest lists the dataset's purpose.
  const manifests = new Map<string, { m: Manifest; hash: string } | null>();
  const manifestOf = async (hash: string) => {
    if (!manifests.has(hash)) {
      const [r] = await vault.db.query<{ doc: string }>("SELECT doc FROM manifests WHERE hash = $1", [hash]);
      manifests.set(hash, r ? { m: Manifest.parse(JSON.parse(r.doc)), hash } : null);
    }
    return manifests.get(hash)!;
  };
  let purposeMismatch = 0;
  const selected: Selected[] = [];
  for (const p of sel.people) {
    const rows = await vault.db.query<Selected["batches"][number]>(
      `SELECT batch_id, device_id, seq, manifest_hash, received_at FROM batches
       WHERE person = $1 AND received_at >= $2 AND received_at < $3 ORDER BY device_id, seq`,
      [p.pseudonym, new Date(spec.from).toISOString(), new Date(spec.to).toISOString()],
    );
    const keep: Selected["batches"] = [];
    for (const r of rows) {
      const m = await manifestOf(r.manifest_hash);
      if (!m || !m.m.purposes.includes(ds.purpose)) purposeMismatch++;
      else keep.push({ ...r, seq: Number(r.seq) });
    }
    if (keep.length) selected.push({ person: p.id, pseudonym: p.pseudonym, batches: keep });
  }
  const total = selected.reduce((n, s) => n + s.batches.length, 0);
  await progress(0, total);

  const dsKey = randomBytes(32); // per-dataset pseudonym key: never stored, so pseudonyms cannot be reversed
  const pseudo = (personId: string) =>
    "person-" + createHmac("sha256", dsKey).update(personId).digest("hex").slice(0, 12);
  const reducerCounts: Record<string, number> = {};
  const recheckCounts: Record<string, number> = {};
  const dropped: DatasetCard["dropped"] = {
    level4Steps: 0,
    aboveLevelCapSteps: 0,
    frames: 0,
    otherChannelEvents: 0,
  };
  let unreadable = 0;
  let done = 0;
  const episodes: { episode: Episode; steps: Step[] }[] = [];
  const usedManifests = new Set<string>();

  for (const s of selected) {
    const personPseudo = pseudo(s.person);
    const usernames = (
      await vault.db.query<{ username: string }>("SELECT username FROM accounts WHERE person = $1", [
        s.person,
      ])
    ).map((r) => r.username);
    const replace = identifierReplacer([s.person, ...usernames], personPseudo);
    await vault.audit.append({
      action: "decrypt",
      actor: "system",
      subject: s.pseudonym,
      purpose: ds.purpose,
      detail: { dataset: ds.id, batches: s.batches.length, approvedBy: ds.decidedBy },
    });
    // One episode per device per day, batches in sequence order.
    const groups = new Map<string, Selected["batches"]>();
    for (const b of s.batches) {
      const k = `${b.device_id}|${b.received_at.slice(0, 10)}`;
      (groups.get(k) ?? groups.set(k, []).get(k)!).push(b);
    }
    let n = 0;
    for (const batches of groups.values()) {
      const events: RawEvent[] = [];
      for (const b of batches) {
        let got;
        try {
          got = await readStoredBatch(vault, b.batch_id);
        } catch {
          got = undefined; // key destroyed by retention or erasure meanwhile
        }
        done++;
        await progress(done, total);
        if (!got) {
          unreadable++;
          continue;
        }
        usedManifests.add(b.manifest_hash);
        for (const e of got.payload.events) {
          const ch = CHANNEL_OF_EVENT[e.kind];
          if (ch && !channels.has(ch)) {
            if (ch === "screenshots") dropped.frames++;
            else dropped.otherChannelEvents++;
            continue;
          }
          events.push(e);
        }
      }
      if (events.length === 0) continue;
      const t0 = events.reduce((m, e) => Math.min(m, e.t), Infinity);
      const steps: Step[] = [];
      const reducer = new Reducer({
        params: DATASET_REDUCE_PARAMS,
        redact: engineRedactor,
        onStep: (st) => steps.push(st),
      });
      for (const e of events) reducer.push({ ...e, t: e.t - t0 } as RawEvent);
      reducer.end();
      for (const [k, v] of Object.entries(reducer.privacyCounts)) bump(reducerCounts, k, v);
      dropped.level4Steps += reducer.report.steps_dropped_privacy;
      const kept: Step[] = [];
      for (const st of steps) {
        const c = recheckStep(st, ds.levelCap, replace, recheckCounts, dropped);
        if (c) kept.push({ ...c, index: kept.length });
      }
      if (kept.length === 0) continue;
      const epCounts: Record<string, number> = { ...reducer.privacyCounts };
      for (const st of kept)
        for (const r of st.privacy.rules) if (r.startsWith("recheck:")) bump(epCounts, r);
      const episode = Episode.parse({
        schema: EPISODE_SCHEMA,
        id: `${personPseudo}-e${++n}`,
        task: { status: "unknown" },
        source: { kind: "tracevault", details: { participant: personPseudo, dataset: ds.id } },
        displays: reducer.initialDisplays,
        ...(Number.isFinite(reducer.firstT) && Number.isFinite(reducer.lastT)
          ? { duration_ms: Math.max(0, reducer.lastT - reducer.firstT) }
          : {}),
        reduction: reducer.params,
        privacy: {
          policy_version: DEFAULT_POLICY.version,
          redacted: epCounts,
          steps_dropped: reducer.report.steps_dropped_privacy + (steps.length - kept.length),
        },
        report: { ...reducer.report, steps: kept.length },
        steps: { file: "steps.jsonl", count: kept.length },
      });
      episodes.push({ episode, steps: kept });
    }
  }

  const [pv] = await vault.db.query<{ version: number }>("SELECT MAX(version) AS version FROM policies");
  const manifestList = [...usedManifests]
    .map((h) => manifests.get(h))
    .filter((m): m is { m: Manifest; hash: string } => !!m)
    .map((m) => ({ id: m.m.id, version: m.m.version, hash: m.hash }))
    .sort((a, b) => a.id.localeCompare(b.id) || a.version - b.version);
  const total2 = (m: Record<string, number>) => Object.values(m).reduce((a, b) => a + b, 0);
  const card: DatasetCard = {
    schema: "tracevault.dataset-card/1",
    dataset: ds.id,
    title: ds.title,
    purpose: ds.purpose,
    format: ds.format,
    levelCap: ds.levelCap,
    channels: spec.channels,
    timeRange: { from: spec.from, to: spec.to },
    proposer: ds.proposer,
    approvedBy: ds.decidedBy,
    approvedAt: ds.decidedAt,
    builtAt: new Date().toISOString(),
    people: new Set(episodes.map((e) => (e.episode.source.details as { participant: string }).participant))
      .size,
    episodes: episodes.length,
    steps: episodes.reduce((n, e) => n + e.steps.length, 0),
    manifests: manifestList,
    policy: { cedarVersion: Number(pv?.version ?? 0), privacyPolicyVersion: DEFAULT_POLICY.version },
    reduction: DATASET_REDUCE_PARAMS,
    redactions: {
      reducer: reducerCounts,
      recheck: recheckCounts,
      total: total2(reducerCounts) + total2(recheckCounts),
    },
    dropped,
    excluded: {
      erasedPeople: sel.erased,
      objectingPeople: sel.objecting,
      purposeMismatchBatches: purposeMismatch,
      unreadableBatches: unreadable,
    },
    pseudonymisation:
      "people are named by HMAC-SHA256 pseudonyms under a random per-dataset key that was discarded after the build; their ids and usernames in text were replaced by the same pseudonyms",
  };

  const files = writeFormat(ds.format as ExportFormat, episodes, card);
  const archive = zip(files);
  const key = await newObjectKey(vault.kms, objectKeyContext("dataset", ds.id));
  const blobKey = `d/${ds.id}/export.zip`;
  await vault.blobs.put(blobKey, sealObject(key.key, objectKeyContext("dataset", ds.id), archive));
  await vault.db.tx(async (q) => {
    await q.exec("DELETE FROM dataset_members WHERE dataset_id = $1", [ds.id]);
    for (const s of selected)
      await q.exec("INSERT INTO dataset_members (dataset_id, person) VALUES ($1, $2)", [ds.id, s.pseudonym]);
    await q.exec(
      "UPDATE datasets SET blob_key = $1, kek_id = $2, wrapped_key = $3, card = $4, stale = 0 WHERE id = $5",
      [blobKey, key.kekId, key.wrapped, JSON.stringify(card), ds.id],
    );
    await vault.audit.append(
      {
        action: "export",
        actor: "system",
        purpose: ds.purpose,
        detail: {
          dataset: ds.id,
          people: card.people,
          episodes: card.episodes,
          steps: card.steps,
          redactions: card.redactions.total,
          bytes: archive.length,
        },
      },
      q,
    );
  });
  return card;
}

function jsonl(records: readonly unknown[]): Uint8Array {
  return Buffer.from(records.map((r) => JSON.stringify(r)).join("\n") + (records.length ? "\n" : ""));
}

function cardMarkdown(card: DatasetCard): string {
  const lines = [
    `# ${card.title}`,
    "",
    `Dataset \`${card.dataset}\`, built ${card.builtAt} by tracevault for the purpose **${card.purpose}** only.`,
    "",
    `- format: ${card.format}; level cap: ${card.levelCap}; channels: ${card.channels.join(", ")}`,
    `- time range: ${card.timeRange.from} – ${card.timeRange.to}`,
    `- ${card.people} people (pseudonymous), ${card.episodes} episodes, ${card.steps} steps`,
    `- proposed by ${card.proposer}; approved by ${card.approvedBy ?? "?"} at ${card.approvedAt ?? "?"}`,
    `- manifests: ${card.manifests.map((m) => `${m.id} v${m.version} (${m.hash.slice(0, 16)}…)`).join(", ") || "none"}`,
    `- policies: Cedar v${card.policy.cedarVersion}, privacy engine ${card.policy.privacyPolicyVersion}`,
    `- redactions: ${card.redactions.total} (reducer ${JSON.stringify(card.redactions.reducer)}, re-check ${JSON.stringify(card.redactions.recheck)})`,
    `- dropped: ${JSON.stringify(card.dropped)}`,
    `- excluded: ${JSON.stringify(card.excluded)}`,
    `- ${card.pseudonymisation}`,
    "",
    "Use for any other purpose, or any attempt to re-identify people, is not permitted.",
    "",
  ];
  return lines.join("\n");
}

/** The files of one export in the chosen format, plus the card (JSON and Markdown). */
function writeFormat(
  format: ExportFormat,
  episodes: readonly { episode: Episode; steps: Step[] }[],
  card: DatasetCard,
): ZipEntry[] {
  const files: ZipEntry[] = [];
  const noImage = () => null;
  if (format === "hf") {
    const rows = episodes.flatMap((e) => hfStepRows(e.steps, { episode: e.episode, image: noImage }));
    files.push({ name: "episodes.jsonl", data: jsonl(episodes.map((e) => hfEpisodeRow(e.episode))) });
    files.push({ name: "data/steps.parquet", data: hfStepsParquet(rows) });
    const readme = hfDatasetCard({
      episodes: episodes.map((e) => e.episode),
      steps: card.steps,
      images: 0,
      formats: Object.values(EXPORTERS),
      name: card.title,
    });
    files.push({ name: "README.md", data: Buffer.from(readme + "\n" + cardMarkdown(card)) });
  } else {
    const exporter = EXPORTERS[format];
    if (!exporter) throw new Error(`unknown export format ${format}`);
    const records = episodes.flatMap((e) =>
      exporter.records(e.steps, { episode: e.episode, image: noImage }),
    );
    files.push({ name: `${format}.jsonl`, data: jsonl(records) });
    files.push({ name: "README.md", data: Buffer.from(cardMarkdown(card)) });
  }
  files.push({ name: "dataset-card.json", data: Buffer.from(JSON.stringify(card, null, 2) + "\n") });
  return files;
}
