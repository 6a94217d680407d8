import { writeFileSync } from "node:fs";
import { parseCommand, UsageError } from "../usage.js";
import { CLIENT_OPTIONS, VaultClient, apiCommand, printJson } from "./client.js";

export const REQUEST_USAGE = `usage (recorded people, about their own data):
  tracevault request file access|erasure|objection [--note TEXT]
  tracevault request list
  tracevault request show ID
  tracevault request withdraw ID             (lifts an objection)
  tracevault request download ID --out FILE.zip   the copy an access request produced
usage (privacy officers):
  tracevault request all [--status open|failed|completed|rejected|withdrawn]
  tracevault request file-for PERSON access|erasure|objection [--note TEXT]
  tracevault request handle ID --action retry|complete|reject [--note TEXT]
common: --url URL ($TRACEVAULT_URL) --token T ($TRACEVAULT_TOKEN) --purpose P`;

const KINDS = ["access", "erasure", "objection"];

interface Req {
  id: string;
  person: string;
  kind: string;
  status: string;
  dueAt: string;
  overdue: boolean;
}

function line(r: Req): string {
  return `${r.id}  ${r.kind.padEnd(9)} ${r.status.padEnd(9)} due ${r.dueAt.slice(0, 10)}${r.overdue ? "  OVERDUE" : ""}  ${r.person}\n`;
}

/** `tracevault request …`: access, erasure and objection requests, tracked with deadlines. */
export async function runRequest(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  const parsed = parseCommand(
    rest,
    {
      ...CLIENT_OPTIONS,
      note: { type: "string" },
      out: { type: "string" },
      status: { type: "string" },
      action: { type: "string" },
    },
    REQUEST_USAGE,
  );
  const { values: v, positionals: p } = parsed;
  const own = () => new VaultClient({ url: v.url, token: v.token, purpose: v.purpose ?? "self-access" });
  const officer = () => new VaultClient({ url: v.url, token: v.token, purpose: v.purpose ?? "requests" });
  const need = (i: number, what: string) => {
    if (!p[i]) throw new UsageError(`request ${sub} needs ${what}\n${REQUEST_USAGE}`);
    return p[i]!;
  };
  return apiCommand(async () => {
    switch (sub) {
      case "file": {
        const kind = need(0, "a kind");
        if (!KINDS.includes(kind)) throw new UsageError(`kind must be ${KINDS.join(", ")}`);
        const r = await own().json<Req>("POST", "/api/v1/me/requests", {
          kind,
          ...(v.note ? { note: v.note } : {}),
        });
        printJson(r);
        return r.status === "failed" ? 1 : 0;
      }
      case "list": {
        const r = await own().json<{ requests: Req[] }>("GET", "/api/v1/me/requests");
        for (const x of r.requests) process.stdout.write(line(x));
        return 0;
      }
      case "show":
        printJson(await own().json("GET", `/api/v1/me/requests/${need(0, "an ID")}`));
        return 0;
      case "withdraw":
        printJson(await own().json("POST", `/api/v1/me/requests/${need(0, "an ID")}/withdraw`));
        return 0;
      case "download": {
        if (!v.out) throw new UsageError("request download needs --out FILE.zip");
        const bytes = await own().bytes(`/api/v1/me/requests/${need(0, "an ID")}/download`);
        writeFileSync(v.out, bytes, { mode: 0o600 });
        process.stdout.write(JSON.stringify({ out: v.out, bytes: bytes.length }) + "\n");
        return 0;
      }
      case "all": {
        const q = v.status ? `?status=${encodeURIComponent(v.status)}` : "";
        const r = await officer().json<{ requests: Req[]; overdue: number }>("GET", `/api/v1/requests${q}`);
        for (const x of r.requests) process.stdout.write(line(x));
        if (r.overdue) process.stderr.write(`${r.overdue} request(s) past their deadline\n`);
        return 0;
      }
      case "file-for": {
        const person = need(0, "a PERSON");
        const kind = need(1, "a kind");
        if (!KINDS.includes(kind)) throw new UsageError(`kind must be ${KINDS.join(", ")}`);
        printJson(
          await officer().json("POST", "/api/v1/requests", {
            person,
            kind,
            ...(v.note ? { note: v.note } : {}),
          }),
        );
        return 0;
      }
      case "handle": {
        if (!v.action || !["retry", "complete", "reject"].includes(v.action))
          throw new UsageError("request handle needs --action retry|complete|reject");
        printJson(
          await officer().json("POST", `/api/v1/requests/${need(0, "an ID")}/handle`, {
            action: v.action,
            note: v.note ?? "",
          }),
        );
        return 0;
      }
      default:
        throw new UsageError(REQUEST_USAGE);
    }
  });
}
