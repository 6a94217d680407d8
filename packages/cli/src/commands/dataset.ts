import { writeFileSync } from "node:fs";
import { parseCommand, UsageError } from "../usage.js";
import { CLIENT_OPTIONS, VaultClient, apiCommand, list, printJson, progressBar } from "./client.js";

export const DATASET_USAGE = `usage:
  tracevault dataset propose --title T (--people a,b | --teams t) --from ISO --to ISO
                             --channels keyboard,mouse,window --level 1|2 --purpose P
                             --format agentnet|osworld|computer13|anthropic|openai|messages|hf [--researchers u1,u2]
  tracevault dataset list
  tracevault dataset status ID [--wait]          export progress (a progress bar with --wait)
  tracevault dataset approve ID [--note TEXT]    (privacy officer, not the proposer)
  tracevault dataset reject ID --note TEXT
  tracevault dataset rebuild ID                  export again after an erasure or objection
  tracevault dataset card ID
  tracevault dataset download ID --out FILE.zip [--wait]
common: --url URL ($TRACEVAULT_URL) --token T ($TRACEVAULT_TOKEN) --purpose P (default: the dataset's or agent-training)`;

interface DatasetView {
  id: string;
  title: string;
  status: string;
  purpose: string;
  format: string;
  stale: boolean;
  job: { state: string; done: number; total: number; error: string | null };
}

/** Poll a dataset's export job, drawing a progress bar, until it is ready or failed. */
async function waitFor(c: VaultClient, id: string, intervalMs = 500): Promise<DatasetView> {
  const bar = progressBar(`dataset ${id.slice(0, 11)}`);
  try {
    for (;;) {
      const d = await c.json<DatasetView>("GET", `/api/v1/datasets/${id}`);
      bar(d.job.done, d.job.total);
      if (d.job.state === "ready" || d.job.state === "failed" || d.job.state === "none") return d;
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  } finally {
    bar.done();
  }
}

/**
 * `tracevault dataset …`: propose, approve and download de-identified datasets through the vault's API.
 * Exit codes: 0 done, 1 refused or failed (the reason on stderr), 2 usage.
 */
export async function runDataset(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  const parsed = parseCommand(
    rest,
    {
      ...CLIENT_OPTIONS,
      title: { type: "string" },
      people: { type: "string" },
      teams: { type: "string" },
      from: { type: "string" },
      to: { type: "string" },
      channels: { type: "string" },
      level: { type: "string" },
      format: { type: "string" },
      researchers: { type: "string" },
      note: { type: "string" },
      out: { type: "string" },
      wait: { type: "boolean" },
    },
    DATASET_USAGE,
  );
  const { values: v, positionals } = parsed;
  const id = positionals[0];
  const needId = () => {
    if (!id) throw new UsageError(`dataset ${sub} needs a dataset ID\n${DATASET_USAGE}`);
    return id;
  };
  const client = (purpose = v.purpose ?? "agent-training") =>
    new VaultClient({ url: v.url, token: v.token, purpose });

  return apiCommand(async () => {
    switch (sub) {
      case "propose": {
        for (const k of ["title", "from", "to", "channels", "level", "purpose", "format"] as const)
          if (!v[k]) throw new UsageError(`dataset propose needs --${k}\n${DATASET_USAGE}`);
        const level = Number(v.level);
        const d = await client(v.purpose).json<DatasetView>("POST", "/api/v1/datasets", {
          title: v.title,
          people: list(v.people),
          teams: list(v.teams),
          from: new Date(v.from!).toISOString(),
          to: new Date(v.to!).toISOString(),
          channels: list(v.channels),
          levelCap: level,
          purpose: v.purpose,
          format: v.format,
          researchers: list(v.researchers),
        });
        printJson(d);
        return 0;
      }
      case "list": {
        const r = await client().json<{ datasets: DatasetView[] }>("GET", "/api/v1/datasets");
        for (const d of r.datasets)
          process.stdout.write(
            `${d.id}  ${d.status.padEnd(8)} ${d.job.state.padEnd(7)} ${d.purpose}  ${d.format}  ${d.title}${d.stale ? "  (stale: rebuild)" : ""}\n`,
          );
        return 0;
      }
      case "status": {
        const c = client();
        const d = v.wait
          ? await waitFor(c, needId())
          : await c.json<DatasetView>("GET", `/api/v1/datasets/${needId()}`);
        printJson(d);
        return d.job.state === "failed" ? 1 : 0;
      }
      case "approve":
      case "reject":
      case "rebuild": {
        if (sub === "reject" && !v.note) throw new UsageError("dataset reject needs --note (the reason)");
        const body = sub === "rebuild" ? {} : { note: v.note ?? "" };
        const d = await client(v.purpose ?? "dataset-review").json<DatasetView>(
          "POST",
          `/api/v1/datasets/${needId()}/${sub}`,
          body,
        );
        printJson(d);
        return 0;
      }
      case "card": {
        printJson(await client().json("GET", `/api/v1/datasets/${needId()}/card`));
        return 0;
      }
      case "download": {
        if (!v.out) throw new UsageError("dataset download needs --out FILE.zip");
        const c = client();
        if (v.wait) {
          const d = await waitFor(c, needId());
          if (d.job.state !== "ready") {
            process.stderr.write(
              `tracevault: the export ${d.job.state}${d.job.error ? `: ${d.job.error}` : ""}\n`,
            );
            return 1;
          }
        }
        const bytes = await c.bytes(`/api/v1/datasets/${needId()}/download`);
        writeFileSync(v.out, bytes, { mode: 0o600 });
        process.stdout.write(JSON.stringify({ dataset: id, out: v.out, bytes: bytes.length }) + "\n");
        return 0;
      }
      default:
        throw new UsageError(DATASET_USAGE);
    }
  });
}
