import { z } from "zod";
import {
  DatasetError,
  DatasetProposal,
  canSee,
  datasetResource,
  decideDataset,
  getDataset,
  listDatasets,
  proposeDataset,
  queueRebuild,
  type Dataset,
} from "../datasets/datasets.js";
import { datasetJobs } from "../datasets/jobs.js";
import { objectKeyContext, openObject } from "../keys/objectkeys.js";
import { HttpError, route, type RouteDef, type RouteRequest } from "../routes.js";
import type { Vault } from "../vault.js";

const svc = () => ({ type: "Service" as const, id: "datasets" });

async function wrap<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof DatasetError) throw new HttpError(e.status, e.message, e.code);
    throw e;
  }
}

async function load({ vault, params }: RouteRequest): Promise<Dataset> {
  const d = await getDataset(vault.db, params.id!);
  if (!d) throw new HttpError(404, "no such dataset", "not_found");
  return d;
}

/** What a caller is shown of a dataset (the spec names people; only officers and its researchers see it). */
function view(d: Dataset): unknown {
  return {
    id: d.id,
    title: d.title,
    status: d.status,
    purpose: d.purpose,
    format: d.format,
    levelCap: d.levelCap,
    proposer: d.proposer,
    researchers: d.researchers,
    spec: d.spec,
    createdAt: d.createdAt,
    decidedBy: d.decidedBy,
    decidedAt: d.decidedAt,
    decisionNote: d.decisionNote,
    job: d.job,
    stale: d.stale,
    card: d.card,
  };
}

/** Routes of the datasets module (see routes.ts for how a route declares its access rule). */
export function datasetRoutes(vault: Vault): RouteDef[] {
  const jobs = datasetJobs(vault);
  // Pick up jobs a previous process queued or left half-done, on the first dataset request (a process that
  // serves datasets should also call `datasetJobs(vault).resume()` at start; building routes does no I/O).
  let resumed = false;
  const resume = () => {
    if (resumed) return;
    resumed = true;
    void jobs.resume().catch(() => undefined);
  };
  const routes: RouteDef[] = [
    route({
      method: "POST",
      url: "/api/v1/datasets",
      summary: "Propose a dataset (people or teams, time range, channels, level cap ≤ 2, purpose, format)",
      auth: { kind: "principal", action: "dataset.propose", resource: svc },
      body: DatasetProposal,
      handler: async ({ body, principal }) =>
        view(await wrap(() => proposeDataset(vault, principal!, body as DatasetProposal))),
    }),
    route({
      method: "GET",
      url: "/api/v1/datasets",
      summary: "Datasets this account may see (officers: all; researchers: the ones they are on)",
      auth: { kind: "principal", action: "dataset.list", resource: svc },
      handler: async ({ principal }) => ({ datasets: (await listDatasets(vault.db, principal!)).map(view) }),
    }),
    route({
      method: "GET",
      url: "/api/v1/datasets/:id",
      summary: "One dataset: its proposal, decision and export progress",
      auth: { kind: "principal", action: "dataset.list", resource: svc },
      handler: async (r) => {
        const d = await load(r);
        if (!canSee(r.principal!, d)) throw new HttpError(404, "no such dataset", "not_found");
        return view(d);
      },
    }),
    route({
      method: "POST",
      url: "/api/v1/datasets/:id/approve",
      summary: "Approve a proposed dataset (a privacy officer other than the proposer); starts the export",
      auth: {
        kind: "principal",
        action: "dataset.approve",
        resource: async (r) => datasetResource(await load(r)),
      },
      body: z.object({ note: z.string().max(2000).default("") }).default({ note: "" }),
      handler: async ({ params, principal, body }) => {
        const d = await wrap(() =>
          decideDataset(vault, principal!, params.id!, "approve", (body as { note: string }).note),
        );
        void jobs.kick();
        return view(d);
      },
    }),
    route({
      method: "POST",
      url: "/api/v1/datasets/:id/reject",
      summary: "Reject a proposed dataset, with a note",
      auth: {
        kind: "principal",
        action: "dataset.approve",
        resource: async (r) => datasetResource(await load(r)),
      },
      body: z.object({ note: z.string().min(1).max(2000) }),
      handler: async ({ params, principal, body }) =>
        view(
          await wrap(() =>
            decideDataset(vault, principal!, params.id!, "reject", (body as { note: string }).note),
          ),
        ),
    }),
    route({
      method: "POST",
      url: "/api/v1/datasets/:id/rebuild",
      summary: "Export an approved dataset again (after an erasure or objection made it stale)",
      auth: {
        kind: "principal",
        action: "dataset.approve",
        resource: async (r) => datasetResource(await load(r)),
      },
      body: z.object({}).optional(),
      handler: async ({ params, principal }) => {
        const d = await wrap(() => queueRebuild(vault, principal!, params.id!));
        void jobs.kick();
        return view(d);
      },
    }),
    route({
      method: "GET",
      url: "/api/v1/datasets/:id/card",
      summary: "The dataset card of a built dataset (researchers named on it, for its purpose)",
      auth: {
        kind: "principal",
        action: "dataset.read",
        resource: async (r) => datasetResource(await load(r)),
      },
      handler: async (r) => {
        const d = await load(r);
        if (d.job.state !== "ready") throw new HttpError(409, `the export is ${d.job.state}`, "not_ready");
        return d.card;
      },
    }),
    route({
      method: "GET",
      url: "/api/v1/datasets/:id/download",
      summary: "Download a built dataset (zip: the chosen format, README.md, dataset-card.json); audited",
      auth: {
        kind: "principal",
        action: "dataset.read",
        resource: async (r) => datasetResource(await load(r)),
      },
      handler: async (r) => {
        const d = await load(r);
        if (d.job.state !== "ready") throw new HttpError(409, `the export is ${d.job.state}`, "not_ready");
        const [row] = await vault.db.query<{ blob_key: string; kek_id: string; wrapped_key: string }>(
          "SELECT blob_key, kek_id, wrapped_key FROM datasets WHERE id = $1",
          [d.id],
        );
        const sealed = row ? await vault.blobs.get(row.blob_key) : undefined;
        if (!row || !sealed)
          throw new HttpError(410, "the export is gone; ask an officer to rebuild it", "gone");
        const ctx = objectKeyContext("dataset", d.id);
        const key = await vault.kms.unwrap(row.wrapped_key, row.kek_id, ctx);
        const bytes = openObject(key, ctx, sealed);
        await vault.audit.append({
          action: "read",
          actor: r.principal!.userId,
          purpose: r.purpose,
          detail: { dataset: d.id, bytes: bytes.length },
        });
        r.reply
          .type("application/zip")
          .header("content-disposition", `attachment; filename="${d.id}.zip"`)
          .header("cache-control", "no-store");
        return Buffer.from(bytes);
      },
    }),
  ];
  return routes.map((r) => ({
    ...r,
    handler: async (req) => {
      resume();
      return r.handler(req);
    },
  }));
}
