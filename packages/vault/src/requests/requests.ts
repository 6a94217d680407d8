import { randomUUID } from "node:crypto";
import { eraseUser } from "../erasure.js";
import { markDatasetsStale } from "../datasets/datasets.js";
import type { Sql } from "../db/sql.js";
import { readStoredBatch } from "../ingest.js";
import { afterKeyDeletion, beforeKeyDeletion } from "../keys/scrub.js";
import type { Vault } from "../vault.js";
import { zip, type ZipEntry } from "../zip.js";

/**
 * Requests from recorded people — access (a copy of all their data), erasure, objection (stop and exclude) —
 * each tracked with a status and a deadline (30 days), visible to the person and to privacy officers.
 * All three take effect at once when filed; the tracking makes failures visible (status `failed`, retried by an
 * officer) and records when and by whom each was handled. Every step is audited under `request`.
 */
export const REQUEST_KINDS = ["access", "erasure", "objection"] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];
export type RequestStatus = "open" | "completed" | "rejected" | "withdrawn" | "failed";
export const DEADLINE_DAYS = 30;

export class RequestError extends Error {
  override name = "RequestError";
  constructor(
    readonly status: number,
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

export interface SubjectRequest {
  id: string;
  person: string;
  kind: RequestKind;
  status: RequestStatus;
  createdBy: string;
  createdAt: string;
  dueAt: string;
  updatedAt: string;
  handledBy: string | null;
  note: string | null;
  result: Record<string, unknown> | null;
  /** Still open (or failed) past its deadline. */
  overdue: boolean;
}

type Row = {
  id: string;
  person: string;
  kind: string;
  status: string;
  created_by: string;
  created_at: string;
  due_at: string;
  updated_at: string;
  handled_by: string | null;
  note: string | null;
  result: string | null;
};

const COLS = "id, person, kind, status, created_by, created_at, due_at, updated_at, handled_by, note, result";

function toRequest(r: Row, now = new Date().toISOString()): SubjectRequest {
  const status = r.status as RequestStatus;
  return {
    id: r.id,
    person: r.person,
    kind: r.kind as RequestKind,
    status,
    createdBy: r.created_by,
    createdAt: r.created_at,
    dueAt: r.due_at,
    updatedAt: r.updated_at,
    handledBy: r.handled_by,
    note: r.note,
    result: r.result ? (JSON.parse(r.result) as Record<string, unknown>) : null,
    overdue: (status === "open" || status === "failed") && r.due_at < now,
  };
}

export async function getRequest(db: Sql, id: string): Promise<SubjectRequest | undefined> {
  const [r] = await db.query<Row>(`SELECT ${COLS} FROM subject_requests WHERE id = $1`, [id]);
  return r ? toRequest(r) : undefined;
}

export async function listRequests(
  db: Sql,
  opts: { person?: string; status?: string } = {},
): Promise<SubjectRequest[]> {
  const where: string[] = [];
  const params: string[] = [];
  if (opts.person !== undefined) where.push(`person = $${params.push(opts.person)}`);
  if (opts.status) where.push(`status = $${params.push(opts.status)}`);
  const rows = await db.query<Row>(
    `SELECT ${COLS} FROM subject_requests ${where.length ? "WHERE " + where.join(" AND ") : ""} ORDER BY created_at DESC LIMIT 1000`,
    params,
  );
  return rows.map((r) => toRequest(r));
}

/** Is this person objecting to being recorded? The fleet module refuses their leases while this is true. */
export async function isObjecting(vault: { db: Sql } | Sql, person: string): Promise<boolean> {
  const db = "db" in vault ? vault.db : vault;
  const r = await db.query("SELECT 1 AS x FROM objections WHERE person = $1", [person]);
  return r.length > 0;
}

async function setStatus(
  vault: Vault,
  id: string,
  status: RequestStatus,
  fields: { handledBy?: string; note?: string | null; result?: unknown },
  q: Sql = vault.db,
): Promise<void> {
  await q.exec(
    `UPDATE subject_requests SET status = $1, updated_at = $2, handled_by = COALESCE($3, handled_by), note = COALESCE($4, note), result = COALESCE($5, result) WHERE id = $6`,
    [
      status,
      new Date().toISOString(),
      fields.handledBy ?? null,
      fields.note ?? null,
      fields.result === undefined ? null : JSON.stringify(fields.result),
      id,
    ],
  );
}

/**
 * Erasure, made final on the storage too: the person's data keys are destroyed and their blobs deleted
 * (`eraseUser`), then the bytes of the destroyed wrapped keys are scrubbed from the database files as well
 * (keys/scrub.ts). Without this, a copy of the wrapped key could survive in free pages or the WAL and, with the
 * key-encryption key on the same disk, an admin could still unwrap it.
 */
export async function eraseCompletely(
  vault: Vault,
  person: string,
  actor: string,
): Promise<{ months: string[]; blobs: number; datasetsMarkedStale: number }> {
  await beforeKeyDeletion(vault.db);
  const r = await eraseUser(vault, person, actor);
  const stale = await markDatasetsStale(vault.db, vault.pseudonym(person));
  await afterKeyDeletion(vault.db);
  return { ...r, datasetsMarkedStale: stale };
}

/** Carry out a request (called when it is filed, and again when an officer retries it). */
async function execute(vault: Vault, req: SubjectRequest, actor: string): Promise<SubjectRequest> {
  try {
    let result: Record<string, unknown>;
    if (req.kind === "access") {
      const [n] = await vault.db.query<{ n: number }>("SELECT COUNT(*) AS n FROM batches WHERE person = $1", [
        vault.pseudonym(req.person),
      ]);
      // The copy is assembled when the person downloads it, so no second copy of their data is kept.
      result = { batches: Number(n?.n ?? 0), download: `/api/v1/me/requests/${req.id}/download` };
    } else if (req.kind === "erasure") {
      result = await eraseCompletely(vault, req.person, actor);
    } else {
      await vault.db.exec(
        "INSERT INTO objections (person, request_id, since) VALUES ($1, $2, $3) ON CONFLICT (person) DO NOTHING",
        [req.person, req.id, new Date().toISOString()],
      );
      result = {
        recording: "stopped (leases refused)",
        datasetsMarkedStale: await markDatasetsStale(vault.db, vault.pseudonym(req.person)),
      };
    }
    await vault.db.tx(async (q) => {
      await setStatus(vault, req.id, "completed", { result }, q);
      await vault.audit.append(
        {
          action: "request",
          actor,
          subject: vault.pseudonym(req.person),
          detail: { request: req.id, kind: req.kind, step: "completed" },
        },
        q,
      );
    });
  } catch (e) {
    await setStatus(vault, req.id, "failed", { note: `failed: ${(e as Error).message.slice(0, 200)}` });
    await vault.audit.append({
      action: "request",
      actor,
      subject: vault.pseudonym(req.person),
      detail: { request: req.id, kind: req.kind, step: "failed" },
    });
  }
  return (await getRequest(vault.db, req.id))!;
}

/** File a request for `person` (by the person, or by an officer on their behalf) and carry it out. */
export async function submitRequest(
  vault: Vault,
  person: string,
  kind: RequestKind,
  by: string,
  note = "",
): Promise<SubjectRequest> {
  if (!/^[A-Za-z0-9._@-]{1,128}$/.test(person))
    throw new RequestError(400, "person must be an id of 1-128 letters, digits or . _ @ -", "bad_person");
  if (kind === "objection" && (await isObjecting(vault, person)))
    throw new RequestError(409, "an objection is already in effect", "already_objecting");
  const id = `rq-${randomUUID()}`;
  const now = new Date();
  const due = new Date(now.getTime() + DEADLINE_DAYS * 24 * 3600 * 1000).toISOString();
  await vault.db.tx(async (q) => {
    await q.exec(
      `INSERT INTO subject_requests (${COLS}) VALUES ($1, $2, $3, 'open', $4, $5, $6, $5, NULL, $7, NULL)`,
      [id, person, kind, by, now.toISOString(), due, note || null],
    );
    await vault.audit.append(
      {
        action: "request",
        actor: by,
        subject: vault.pseudonym(person),
        detail: { request: id, kind, step: "filed", dueAt: due },
      },
      q,
    );
  });
  return execute(vault, (await getRequest(vault.db, id))!, by);
}

/** The person withdraws a request: an open one is closed; a completed objection is lifted. */
export async function withdrawRequest(
  vault: Vault,
  person: string,
  id: string,
  by: string,
): Promise<SubjectRequest> {
  const r = await getRequest(vault.db, id);
  if (!r || r.person !== person) throw new RequestError(404, "no such request", "not_found");
  const lifting = r.kind === "objection" && r.status === "completed";
  if (!lifting && r.status !== "open" && r.status !== "failed")
    throw new RequestError(409, `a ${r.status} ${r.kind} request cannot be withdrawn`, "not_withdrawable");
  await vault.db.tx(async (q) => {
    if (lifting) await q.exec("DELETE FROM objections WHERE person = $1 AND request_id = $2", [person, id]);
    await setStatus(vault, id, "withdrawn", { handledBy: by }, q);
    await vault.audit.append(
      {
        action: "request",
        actor: by,
        subject: vault.pseudonym(person),
        detail: { request: id, kind: r.kind, step: "withdrawn" },
      },
      q,
    );
  });
  return (await getRequest(vault.db, id))!;
}

/** An officer handles a request: retry a failed one, or close an open/failed one as completed or rejected. */
export async function handleRequest(
  vault: Vault,
  officer: string,
  id: string,
  action: "retry" | "complete" | "reject",
  note: string,
): Promise<SubjectRequest> {
  const r = await getRequest(vault.db, id);
  if (!r) throw new RequestError(404, "no such request", "not_found");
  if (r.status !== "open" && r.status !== "failed")
    throw new RequestError(409, `this request is already ${r.status}`, "closed");
  if (action === "retry") {
    await setStatus(vault, id, "open", { handledBy: officer, note: note || null });
    return execute(vault, (await getRequest(vault.db, id))!, officer);
  }
  if (action === "reject" && note.trim().length < 5)
    throw new RequestError(400, "a rejection needs a reason the person can read", "reason_required");
  await vault.db.tx(async (q) => {
    await setStatus(
      vault,
      id,
      action === "complete" ? "completed" : "rejected",
      { handledBy: officer, note },
      q,
    );
    await vault.audit.append(
      {
        action: "request",
        actor: officer,
        subject: vault.pseudonym(r.person),
        detail: { request: id, kind: r.kind, step: action === "complete" ? "completed" : "rejected" },
      },
      q,
    );
  });
  return (await getRequest(vault.db, id))!;
}

/**
 * The person's copy of their own data (access request): a zip with every stored batch decrypted
 * (`batches/<id>.json`, frames as image files), an index, their requests, and a README. Audited as `export`.
 */
export async function accessExport(
  vault: Vault,
  person: string,
  requestId: string,
  actor: string,
): Promise<Uint8Array> {
  const pseudonym = vault.pseudonym(person);
  const rows = await vault.db.query<{
    batch_id: string;
    month: string;
    level: number;
    events: number;
    frames: number;
    received_at: string;
    redactions: number;
    manifest_hash: string;
  }>(
    "SELECT batch_id, month, level, events, frames, received_at, redactions, manifest_hash FROM batches WHERE person = $1 ORDER BY received_at",
    [pseudonym],
  );
  const files: ZipEntry[] = [];
  const index: unknown[] = [];
  let unreadable = 0;
  for (const r of rows) {
    let got;
    try {
      got = await readStoredBatch(vault, r.batch_id);
    } catch {
      got = undefined;
    }
    if (!got) {
      unreadable++;
      index.push({ ...r, available: false });
      continue;
    }
    const { frames, ...rest } = got.payload;
    for (const f of frames)
      files.push({ name: `frames/${r.batch_id}/${f.ref}`, data: Buffer.from(f.data, "base64") });
    files.push({
      name: `batches/${r.batch_id}.json`,
      data: Buffer.from(
        JSON.stringify({ ...rest, frames: frames.map((f) => ({ ref: f.ref, mime: f.mime })) }),
      ),
    });
    index.push({ ...r, available: true });
  }
  const requests = await listRequests(vault.db, { person });
  files.unshift(
    {
      name: "README.txt",
      data: Buffer.from(
        [
          `Your data held by this tracevault, exported ${new Date().toISOString()} for request ${requestId}.`,
          "batches.jsonl lists every stored batch; batches/<id>.json holds its events as stored (after filtering);",
          "frames/<batch>/ holds its screenshots; requests.jsonl lists your requests and their status.",
          "",
        ].join("\n"),
      ),
    },
    { name: "batches.jsonl", data: Buffer.from(index.map((x) => JSON.stringify(x)).join("\n") + "\n") },
    { name: "requests.jsonl", data: Buffer.from(requests.map((x) => JSON.stringify(x)).join("\n") + "\n") },
  );
  await vault.audit.append({
    action: "export",
    actor,
    subject: pseudonym,
    purpose: "self-access",
    detail: { request: requestId, batches: rows.length - unreadable, unreadable },
  });
  return zip(files);
}
