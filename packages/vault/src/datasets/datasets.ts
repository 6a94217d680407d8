import { randomUUID } from "node:crypto";
import { CaptureChannel, FORBIDDEN_PURPOSES, Purpose } from "@tracevault/core";
import { EXPORT_FORMATS } from "@tracevault/trajectory";
import { z } from "zod";
import type { Sql } from "../db/sql.js";
import type { Principal, Resource } from "../policy/cedar.js";
import type { Vault } from "../vault.js";

/**
 * Datasets: a researcher proposes (who, when, which channels, level cap, purpose, export format); a privacy
 * officer other than the proposer approves; the export job then builds a de-identified export (see export.ts).
 * The Cedar policy `researcher-datasets` lets a researcher read an approved dataset they are named on, for the
 * dataset's purpose, at level 2 or below.
 */
export class DatasetError extends Error {
  override name = "DatasetError";
  constructor(
    readonly status: number,
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

const PersonId = z.string().regex(/^[A-Za-z0-9._@-]{1,128}$/, "a person id");

/** What a researcher proposes. Datasets stop at level 2, so only channels that can stay at level ≤ 2 qualify. */
export const DatasetProposal = z
  .object({
    title: z.string().trim().min(3).max(200),
    people: z.array(PersonId).max(10_000).default([]),
    teams: z.array(z.string().min(1).max(128)).max(1000).default([]),
    from: z.iso.datetime(),
    to: z.iso.datetime(),
    channels: z.array(CaptureChannel).min(1),
    levelCap: z.union([z.literal(1), z.literal(2)]),
    purpose: Purpose,
    format: z.enum(EXPORT_FORMATS),
    /** Researchers (user ids or usernames) who may read it; the proposer always may. */
    researchers: z.array(z.string().min(1).max(128)).max(100).default([]),
  })
  .superRefine((p, ctx) => {
    if (p.people.length + p.teams.length === 0)
      ctx.addIssue({ code: "custom", path: ["people"], message: "name at least one person or team" });
    if (Date.parse(p.from) >= Date.parse(p.to))
      ctx.addIssue({ code: "custom", path: ["to"], message: "the time range ends before it starts" });
    for (const c of p.channels)
      if (c === "screenshots" || c === "clipboard")
        ctx.addIssue({
          code: "custom",
          path: ["channels"],
          message: `${c} content is personal (level 3); datasets are capped at level 2`,
        });
  });
export type DatasetProposal = z.infer<typeof DatasetProposal>;

export type DatasetStatus = "proposed" | "approved" | "rejected";
export type JobState = "none" | "queued" | "running" | "ready" | "failed";

export interface Dataset {
  id: string;
  title: string;
  proposer: string;
  spec: DatasetProposal;
  purpose: string;
  levelCap: number;
  format: string;
  researchers: string[];
  status: DatasetStatus;
  createdAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  job: {
    state: JobState;
    done: number;
    total: number;
    error: string | null;
    startedAt: string | null;
    finishedAt: string | null;
  };
  /** A person in it was erased or objected after it was built: rebuild before further use. */
  stale: boolean;
  card: unknown;
}

type Row = {
  id: string;
  title: string;
  proposer: string;
  spec: string;
  purpose: string;
  level_cap: number;
  format: string;
  researchers: string;
  status: string;
  created_at: string;
  decided_by: string | null;
  decided_at: string | null;
  decision_note: string | null;
  job_state: string;
  progress_done: number;
  progress_total: number;
  job_error: string | null;
  job_started_at: string | null;
  job_finished_at: string | null;
  card: string | null;
  stale: number;
};

const COLS =
  "id, title, proposer, spec, purpose, level_cap, format, researchers, status, created_at, decided_by, decided_at, decision_note, job_state, progress_done, progress_total, job_error, job_started_at, job_finished_at, card, stale";

function toDataset(r: Row): Dataset {
  return {
    id: r.id,
    title: r.title,
    proposer: r.proposer,
    spec: JSON.parse(r.spec) as DatasetProposal,
    purpose: r.purpose,
    levelCap: Number(r.level_cap),
    format: r.format,
    researchers: JSON.parse(r.researchers) as string[],
    status: r.status as DatasetStatus,
    createdAt: r.created_at,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at,
    decisionNote: r.decision_note,
    job: {
      state: r.job_state as JobState,
      done: Number(r.progress_done),
      total: Number(r.progress_total),
      error: r.job_error,
      startedAt: r.job_started_at,
      finishedAt: r.job_finished_at,
    },
    stale: Boolean(Number(r.stale)),
    card: r.card ? JSON.parse(r.card) : null,
  };
}

export async function getDataset(db: Sql, id: string): Promise<Dataset | undefined> {
  const [r] = await db.query<Row>(`SELECT ${COLS} FROM datasets WHERE id = $1`, [id]);
  return r ? toDataset(r) : undefined;
}

/** The Cedar resource for a dataset (what `dataset.read` / `dataset.approve` are decided on). */
export function datasetResource(d: Dataset): Resource {
  return {
    type: "Dataset",
    id: d.id,
    status: d.status,
    proposer: d.proposer,
    researchers: d.researchers,
    purpose: d.purpose,
    levelCap: d.levelCap,
  };
}

/** Who sees a dataset in listings: privacy officers all; researchers those they proposed or are named on. */
export function canSee(p: Principal, d: Dataset): boolean {
  if (p.role === "privacy_officer") return true;
  return d.proposer === p.userId || d.researchers.includes(p.userId);
}

export async function listDatasets(db: Sql, p: Principal): Promise<Dataset[]> {
  const rows = await db.query<Row>(`SELECT ${COLS} FROM datasets ORDER BY created_at DESC LIMIT 1000`);
  return rows.map(toDataset).filter((d) => canSee(p, d));
}

/** Record a proposal. Researchers may be named by user id or username; unknown or non-researcher names fail. */
export async function proposeDataset(
  vault: Vault,
  proposer: Principal,
  spec: DatasetProposal,
): Promise<Dataset> {
  if ((FORBIDDEN_PURPOSES as readonly string[]).includes(spec.purpose))
    throw new DatasetError(422, `purpose ${spec.purpose} is forbidden`, "forbidden_purpose");
  const researchers = new Set<string>([proposer.userId]);
  for (const name of spec.researchers) {
    const [a] = await vault.db.query<{ id: string; role: string }>(
      "SELECT id, role FROM accounts WHERE id = $1 OR username = $1",
      [name],
    );
    if (!a || a.role !== "researcher")
      throw new DatasetError(422, `researcher '${name}' is not a researcher account`, "bad_researcher");
    researchers.add(a.id);
  }
  const id = `ds-${randomUUID()}`;
  await vault.db.tx(async (q) => {
    await q.exec(
      `INSERT INTO datasets (id, title, proposer, spec, purpose, level_cap, format, researchers, status, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'proposed', $9)`,
      [
        id,
        spec.title,
        proposer.userId,
        JSON.stringify(spec),
        spec.purpose,
        spec.levelCap,
        spec.format,
        JSON.stringify([...researchers]),
        new Date().toISOString(),
      ],
    );
    await vault.audit.append(
      {
        action: "dataset.propose",
        actor: proposer.userId,
        purpose: spec.purpose,
        detail: {
          dataset: id,
          people: spec.people.length,
          teams: spec.teams.length,
          levelCap: spec.levelCap,
          format: spec.format,
          channels: spec.channels.join(","),
        },
      },
      q,
    );
  });
  return (await getDataset(vault.db, id))!;
}

/** An officer's decision. The proposer can never approve their own dataset. Approval queues the export job. */
export async function decideDataset(
  vault: Vault,
  officer: Principal,
  id: string,
  decision: "approve" | "reject",
  note: string,
): Promise<Dataset> {
  await vault.db.tx(async (q) => {
    const [r] = await q.query<Row>(`SELECT ${COLS} FROM datasets WHERE id = $1`, [id]);
    if (!r) throw new DatasetError(404, "no such dataset", "not_found");
    const d = toDataset(r);
    if (d.proposer === officer.userId)
      throw new DatasetError(403, "the proposer cannot decide on their own dataset", "same_person");
    if (d.status !== "proposed")
      throw new DatasetError(409, `this dataset is already ${d.status}`, "decided");
    const now = new Date().toISOString();
    await q.exec(
      `UPDATE datasets SET status = $1, decided_by = $2, decided_at = $3, decision_note = $4, job_state = $5
       WHERE id = $6 AND status = 'proposed'`,
      [
        decision === "approve" ? "approved" : "rejected",
        officer.userId,
        now,
        note,
        decision === "approve" ? "queued" : "none",
        id,
      ],
    );
    await vault.audit.append(
      {
        action: "dataset.approve",
        actor: officer.userId,
        purpose: d.purpose,
        detail: { dataset: id, decision },
      },
      q,
    );
  });
  return (await getDataset(vault.db, id))!;
}

/** Queue an approved dataset's export again (after an erasure or objection made it stale). */
export async function queueRebuild(vault: Vault, officer: Principal, id: string): Promise<Dataset> {
  const d = await getDataset(vault.db, id);
  if (!d) throw new DatasetError(404, "no such dataset", "not_found");
  if (d.status !== "approved")
    throw new DatasetError(409, "only an approved dataset is exported", "not_approved");
  if (d.job.state === "queued" || d.job.state === "running")
    throw new DatasetError(409, "the export is already queued or running", "busy");
  await vault.db.tx(async (q) => {
    await q.exec("UPDATE datasets SET job_state = 'queued', job_error = NULL WHERE id = $1", [id]);
    await vault.audit.append(
      {
        action: "dataset.approve",
        actor: officer.userId,
        purpose: d.purpose,
        detail: { dataset: id, decision: "rebuild" },
      },
      q,
    );
  });
  return (await getDataset(vault.db, id))!;
}

/** Mark every built dataset that includes `pseudonym` as stale (called after erasure or objection). */
export async function markDatasetsStale(db: Sql, pseudonym: string): Promise<number> {
  const r = await db.exec(
    "UPDATE datasets SET stale = 1 WHERE id IN (SELECT dataset_id FROM dataset_members WHERE person = $1)",
    [pseudonym],
  );
  return r.changes;
}
