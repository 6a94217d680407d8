import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { parseCommand, UsageError } from "../usage.js";
import { CLIENT_OPTIONS, VaultClient, apiCommand, printJson } from "./client.js";

export const FLEET_USAGE = `usage:
  tracevault fleet pause  --all|--team T|--person P|--device D --reason "…" [--wait SEC]
                          then shows, live, how many recorders in scope acknowledged (default: wait 10 s)
  tracevault fleet resume --all|--team T|--person P|--device D | --pause ID  [--reason "…"]
  tracevault fleet status [--watch] [--pause ID] [--json]   recorders: state, lease expiry, last seen, last ack
  tracevault fleet team PERSON TEAM                         put a person in a team ('' for none)
  tracevault fleet login --username U [--password-stdin]    save a session for these commands (0600)
common: --url URL ($TRACEVAULT_URL) --token T ($TRACEVAULT_TOKEN, else the saved session) --purpose P (default operations)`;

interface Scope {
  kind: "all" | "team" | "person" | "device";
  value: string;
}

/** Where `fleet login` keeps the session: $TRACEVAULT_SESSION, else $XDG_CONFIG_HOME/tracevault/session.json. */
export function sessionPath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.TRACEVAULT_SESSION) return env.TRACEVAULT_SESSION;
  const xdg =
    env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME.startsWith("/")
      ? env.XDG_CONFIG_HOME
      : join(homedir(), ".config");
  return join(xdg, "tracevault", "session.json");
}

function savedSession(): { url: string; token: string; expiresAt?: string } | undefined {
  const p = sessionPath();
  if (!existsSync(p)) return undefined;
  try {
    const j = JSON.parse(readFileSync(p, "utf8")) as { url?: unknown; token?: unknown; expiresAt?: unknown };
    if (typeof j.url !== "string" || typeof j.token !== "string") return undefined;
    if (typeof j.expiresAt === "string" && Date.parse(j.expiresAt) < Date.now()) return undefined;
    return {
      url: j.url,
      token: j.token,
      ...(typeof j.expiresAt === "string" ? { expiresAt: j.expiresAt } : {}),
    };
  } catch {
    return undefined;
  }
}

function scopeOf(
  v: { all?: boolean; team?: string; person?: string; device?: string },
  cmd: string,
): Scope | undefined {
  const given = [
    v.all ? ({ kind: "all", value: "" } as const) : undefined,
    v.team !== undefined ? ({ kind: "team", value: v.team } as const) : undefined,
    v.person !== undefined ? ({ kind: "person", value: v.person } as const) : undefined,
    v.device !== undefined ? ({ kind: "device", value: v.device } as const) : undefined,
  ].filter((x) => x !== undefined);
  if (given.length > 1) throw new UsageError(`fleet ${cmd}: give one of --all, --team, --person, --device`);
  return given[0];
}

const ago = (iso: string | null | undefined, now: number): string => {
  if (!iso) return "-";
  const s = Math.round((now - Date.parse(iso)) / 1000);
  return s < 0
    ? `in ${-s}s`
    : s < 120
      ? `${s}s ago`
      : s < 7200
        ? `${Math.round(s / 60)}m ago`
        : `${Math.round(s / 3600)}h ago`;
};
const until = (iso: string | null | undefined, now: number): string => {
  if (!iso) return "-";
  const s = Math.round((Date.parse(iso) - now) / 1000);
  return s <= 0 ? "expired" : `${s}s`;
};

function table(rows: string[][]): string {
  const w = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(w[i]!))).join("  ")).join("\n");
}

interface Recorder {
  deviceId: string;
  person: string;
  team: string;
  node: string | null;
  connected: boolean;
  state: string;
  detail: string;
  lastSeen: string | null;
  leaseExpiresAt: string | null;
  lastAck: { pauseId: string; at: string } | null;
}
interface PauseStatus {
  pause: { id: string; scope: Scope; reason: string; by: string; createdAt: string };
  inScope: number;
  acked: number;
  expired: number;
  pending: number;
  recorders?: {
    deviceId: string;
    person: string;
    acked: boolean;
    ackMs: number | null;
    connected: boolean;
    node: string | null;
    lastSeen: string | null;
    leaseExpiresAt: string | null;
    stopped: string | null;
  }[];
}
interface Status {
  node: string;
  bus: string;
  nodes: { node: string; alive: boolean }[];
  recorders: Recorder[];
  pauses: PauseStatus[];
}

const scopeText = (s: Scope) => (s.kind === "all" ? "everyone" : `${s.kind} ${s.value}`);

/** The live table of `fleet status`. */
export function formatFleetStatus(st: Status, now = Date.now()): string {
  const lines: string[] = [];
  const alive = st.nodes.filter((n) => n.alive).map((n) => n.node);
  lines.push(`vault nodes: ${alive.join(", ") || st.node} (fan-out: ${st.bus})`);
  const counts = new Map<string, number>();
  for (const r of st.recorders) counts.set(r.state, (counts.get(r.state) ?? 0) + 1);
  lines.push(
    `recorders: ${st.recorders.length} (${[...counts].map(([k, n]) => `${n} ${k}`).join(", ") || "none"})`,
  );
  for (const p of st.pauses)
    lines.push(
      `PAUSE ${p.pause.id} ${scopeText(p.pause.scope)} by ${p.pause.by} "${p.pause.reason}": ${p.acked}/${p.inScope} acknowledged, ${p.expired} lease expired, ${p.pending} pending`,
    );
  lines.push("");
  const rows = [["DEVICE", "PERSON", "TEAM", "NODE", "STATE", "LEASE", "LAST SEEN", "LAST ACK"]];
  for (const r of st.recorders)
    rows.push([
      r.deviceId,
      r.person,
      r.team || "-",
      r.connected ? (r.node ?? "-") : "-",
      r.state,
      until(r.leaseExpiresAt, now),
      ago(r.lastSeen, now),
      r.lastAck ? `${r.lastAck.pauseId} ${ago(r.lastAck.at, now)}` : "-",
    ]);
  lines.push(table(rows));
  return lines.join("\n");
}

/** The acknowledgement table of one pause. */
export function formatPauseStatus(p: PauseStatus, now = Date.now()): string {
  const lines = [
    `pause ${p.pause.id} — ${scopeText(p.pause.scope)} — by ${p.pause.by}: ${p.pause.reason}`,
    `${p.acked}/${p.inScope} acknowledged, ${p.expired} not acknowledged but their lease expired (cannot record), ${p.pending} not yet`,
  ];
  if (p.recorders?.length) {
    const rows = [["DEVICE", "PERSON", "STOPPED", "ACK AFTER", "CONNECTED", "LAST SEEN", "LEASE"]];
    for (const r of p.recorders)
      rows.push([
        r.deviceId,
        r.person,
        r.stopped ?? "NOT YET",
        r.ackMs !== null ? `${r.ackMs} ms` : "-",
        r.connected ? (r.node ?? "yes") : "no",
        ago(r.lastSeen, now),
        until(r.leaseExpiresAt, now),
      ]);
    lines.push("", table(rows));
  }
  return lines.join("\n");
}

async function readPassword(fromStdin: boolean): Promise<string> {
  const rl = createInterface({
    input: process.stdin,
    output: process.stderr,
    terminal: !fromStdin && process.stdin.isTTY,
  });
  if (!fromStdin) process.stderr.write("password: ");
  const line = await new Promise<string>((r) => rl.once("line", r));
  rl.close();
  return line.replace(/\r?\n$/, "");
}

/** `tracevault fleet …`: pause, resume and watch the recorders (fleet admins and privacy officers). */
export async function runFleet(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  const parsed = parseCommand(
    rest,
    {
      ...CLIENT_OPTIONS,
      all: { type: "boolean" },
      team: { type: "string" },
      person: { type: "string" },
      device: { type: "string" },
      reason: { type: "string" },
      pause: { type: "string" },
      wait: { type: "string" },
      watch: { type: "boolean" },
      json: { type: "boolean" },
      interval: { type: "string" },
      username: { type: "string" },
      "password-stdin": { type: "boolean" },
    },
    FLEET_USAGE,
  );
  const { values: v, positionals: pos } = parsed;
  const saved = savedSession();
  const url = v.url ?? process.env.TRACEVAULT_URL ?? saved?.url;
  const token =
    v.token ??
    process.env.TRACEVAULT_TOKEN ??
    (saved && (!url || url.replace(/\/+$/, "") === saved.url) ? saved.token : undefined);
  const client = () =>
    new VaultClient({
      ...(url ? { url } : {}),
      ...(token ? { token } : {}),
      purpose: v.purpose ?? "operations",
    });
  const out = (s: string) => process.stdout.write(s + "\n");
  const tty = process.stdout.isTTY && !v.json;

  return apiCommand(async () => {
    switch (sub) {
      case "login": {
        if (!v.username) throw new UsageError("fleet login needs --username");
        const base = (url ?? "http://127.0.0.1:7420").replace(/\/+$/, "");
        const password = await readPassword(!!v["password-stdin"]);
        let res: Response;
        try {
          res = await fetch(`${base}/api/v1/auth/login`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ username: v.username, password }),
          });
        } catch (e) {
          process.stderr.write(`tracevault: cannot reach the vault at ${base}: ${(e as Error).message}\n`);
          return 1;
        }
        const j = (await res.json()) as { token?: string; expiresAt?: string; role?: string; error?: string };
        if (!res.ok || !j.token) {
          process.stderr.write(`tracevault: sign-in failed: ${j.error ?? res.status}\n`);
          return 1;
        }
        const p = sessionPath();
        mkdirSync(dirname(p), { recursive: true, mode: 0o700 });
        const tmp = `${p}.${process.pid}.tmp`;
        writeFileSync(
          tmp,
          JSON.stringify({ url: base, token: j.token, expiresAt: j.expiresAt, role: j.role }) + "\n",
          { mode: 0o600 },
        );
        chmodSync(tmp, 0o600);
        renameSync(tmp, p);
        out(`signed in as ${v.username} (${j.role}); session saved in ${p} until ${j.expiresAt}`);
        return 0;
      }
      case "pause": {
        const scope = scopeOf(v, "pause");
        if (!scope)
          throw new UsageError(`fleet pause needs --all, --team T, --person P or --device D\n${FLEET_USAGE}`);
        if (!v.reason)
          throw new UsageError('fleet pause needs --reason "…" (it is shown to the people recorded)');
        const waitS = v.wait !== undefined ? Number(v.wait) : 10;
        if (!Number.isFinite(waitS) || waitS < 0) throw new UsageError("--wait must be a number of seconds");
        const t0 = Date.now();
        const p = await client().json<{ id: string; inScope: number; connectedHere: number }>(
          "POST",
          "/api/v1/fleet/pause",
          {
            scope,
            reason: v.reason,
          },
        );
        if (!v.json) out(`pause ${p.id}: ${scopeText(scope)} — ${p.inScope} recorders in scope`);
        let st: PauseStatus | undefined;
        const end = t0 + waitS * 1000;
        for (;;) {
          st = await client().json<PauseStatus>("GET", `/api/v1/fleet/pauses/${p.id}`);
          const done = st.pending === 0;
          if (!v.json) {
            const line = `${st.acked}/${st.inScope} acknowledged, ${st.expired} lease expired, ${st.pending} pending (${((Date.now() - t0) / 1000).toFixed(1)} s)`;
            process.stdout.write(tty ? `\r\x1b[2K${line}` : `${line}\n`);
          }
          if (done || Date.now() >= end) break;
          await new Promise((r) => setTimeout(r, 200));
        }
        if (tty) process.stdout.write("\n");
        if (v.json) printJson(st);
        else out(formatPauseStatus(st));
        return st.pending === 0 ? 0 : 3;
      }
      case "resume": {
        const scope = scopeOf(v, "resume");
        if (!scope === !v.pause)
          throw new UsageError(
            `fleet resume needs a scope (--all, --team, --person, --device) or --pause ID\n${FLEET_USAGE}`,
          );
        const r = await client().json<{ resumed: { id: string; scope: Scope }[] }>(
          "POST",
          "/api/v1/fleet/resume",
          {
            ...(scope ? { scope } : { pauseId: v.pause }),
            ...(v.reason ? { reason: v.reason } : {}),
          },
        );
        if (v.json) printJson(r);
        else for (const p of r.resumed) out(`resumed: pause ${p.id} (${scopeText(p.scope)})`);
        return 0;
      }
      case "status": {
        const interval = Math.max(0.2, Number(v.interval ?? 1)) * 1000;
        const once = async () => {
          const now = Date.now();
          if (v.pause) {
            const st = await client().json<PauseStatus>(
              "GET",
              `/api/v1/fleet/pauses/${encodeURIComponent(v.pause)}`,
            );
            return v.json ? JSON.stringify(st, null, 2) : formatPauseStatus(st, now);
          }
          const st = await client().json<Status>("GET", "/api/v1/fleet/status");
          return v.json ? JSON.stringify(st, null, 2) : formatFleetStatus(st, now);
        };
        if (!v.watch) {
          out(await once());
          return 0;
        }
        let stop = false;
        const onSig = () => (stop = true);
        process.once("SIGINT", onSig);
        while (!stop) {
          const text = await once();
          if (tty)
            process.stdout.write(
              `\x1b[H\x1b[2J${new Date().toLocaleTimeString()}  (Ctrl-C to quit)\n${text}\n`,
            );
          else out(text + "\n");
          await new Promise((r) => setTimeout(r, interval));
        }
        process.off("SIGINT", onSig);
        return 0;
      }
      case "team": {
        const [person, team] = pos;
        if (!person || team === undefined)
          throw new UsageError(`fleet team needs PERSON and TEAM\n${FLEET_USAGE}`);
        await client().json("PUT", `/api/v1/fleet/people/${encodeURIComponent(person)}/team`, { team });
        out(`${person} is in team ${team || "(none)"}`);
        return 0;
      }
      case undefined:
      case "help":
        out(FLEET_USAGE);
        return sub === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown fleet command '${sub}'\n${FLEET_USAGE}`);
    }
  });
}
