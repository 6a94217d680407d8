/**
 * Support for the fleet e2e tests: vault nodes as separate processes (e2e/fleet-node.mjs, on the built dist),
 * a NATS server (Debian's nats-server) on loopback, and a TCP proxy that can stop forwarding without closing
 * anything (a network partition). Every process is stopped by its own PID.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer, connect, type AddressInfo, type Server, type Socket } from "node:net";
import { fileURLToPath } from "node:url";
import type { LeaseClient, LeaseState } from "../packages/recorder/src/lease/index.js";
import type { TestVault } from "../packages/vault/test/helpers.js";
import { hasBinary } from "./support/xvfb.js";

const NODE_SCRIPT = fileURLToPath(new URL("./fleet-node.mjs", import.meta.url));
export const VAULT_BUILT = existsSync(
  fileURLToPath(new URL("../packages/vault/dist/fleet/index.js", import.meta.url)),
);

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Resolve with the lease client's state once `pred` holds (polled every 5 ms); throw with the state after `ms`. */
export async function untilLease(
  c: LeaseClient,
  pred: (s: LeaseState) => boolean,
  ms = 10_000,
): Promise<LeaseState> {
  const end = Date.now() + ms;
  for (;;) {
    const s = c.state();
    if (pred(s)) return s;
    if (Date.now() > end) throw new Error(`timed out; state ${JSON.stringify(s)}`);
    await sleep(5);
  }
}

/** The test person ("alice") acknowledges the manifest in force, as their recorder would after showing it. */
export async function acknowledgeManifest(t: TestVault): Promise<void> {
  const ack = await t.app.inject({
    method: "POST",
    url: "/api/v1/me/consent",
    headers: t.as("person", "self-service"),
    payload: { manifestHash: t.manifestHash, decision: "acknowledge" },
  });
  if (ack.statusCode !== 200) throw new Error(`acknowledging the manifest failed: ${ack.body}`);
}

export async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", () => r()));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

const started = new Set<ChildProcess>();
process.once("exit", () => {
  for (const p of started) if (p.exitCode === null && p.pid) p.kill("SIGKILL");
});

function waitExit(p: ChildProcess, ms: number): Promise<void> {
  if (p.exitCode !== null || p.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const t = setTimeout(() => {
      p.kill("SIGKILL");
      resolve();
    }, ms);
    p.once("exit", () => {
      clearTimeout(t);
      resolve();
    });
  });
}

export interface NatsProc {
  url: string;
  stop(): Promise<void>;
}

export function natsSkipReason(): string | undefined {
  return hasBinary("nats-server") ? undefined : "nats-server not installed (apt-get install nats-server)";
}

/** Debian's nats-server on 127.0.0.1 (core NATS only). */
export async function startNats(): Promise<NatsProc> {
  const port = await freePort();
  const p = spawn("nats-server", ["-a", "127.0.0.1", "-p", String(port)], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  started.add(p);
  let err = "";
  p.stderr!.on("data", (c: Buffer) => (err += c.toString()));
  const end = Date.now() + 10_000;
  for (;;) {
    if (/Server is ready/.test(err)) break;
    if (p.exitCode !== null) throw new Error(`nats-server exited: ${err}`);
    if (Date.now() > end) throw new Error(`nats-server did not start: ${err}`);
    await sleep(25);
  }
  return {
    url: `nats://127.0.0.1:${port}`,
    async stop() {
      p.kill("SIGTERM");
      await waitExit(p, 3000);
      started.delete(p);
    },
  };
}

export interface VaultNode {
  url: string;
  node: string;
  bus: string;
  proc: ChildProcess;
  stderr(): string;
  rss(): Promise<{ rss: number; heap: number; connected: number }>;
  stop(): Promise<void>;
  kill(): Promise<void>;
}

export interface NodeConfig {
  dataDir: string;
  nodeId: string;
  ttlMs?: number;
  natsUrl?: string;
  resyncMs?: number;
  /** How often the node writes its lease grants down (write-behind; default 250 ms). */
  flushMs?: number;
  /** How often the node pings each recorder; silent for 2.25 periods → disconnected (default 20 000 ms). */
  livenessMs?: number;
  port?: number;
  requireConsent?: boolean;
}

/** A vault node process on the built dist. */
export async function startNode(cfg: NodeConfig, nodeArgs: string[] = []): Promise<VaultNode> {
  const p = spawn(process.execPath, [...nodeArgs, NODE_SCRIPT, JSON.stringify(cfg)], {
    stdio: ["pipe", "pipe", "pipe"],
  });
  started.add(p);
  let out = "";
  let err = "";
  const waiters: ((line: string) => void)[] = [];
  p.stdout!.on("data", (c: Buffer) => {
    out += c.toString();
    let nl;
    while ((nl = out.indexOf("\n")) >= 0) {
      const line = out.slice(0, nl);
      out = out.slice(nl + 1);
      waiters.shift()?.(line);
    }
  });
  p.stderr!.on("data", (c: Buffer) => (err += c.toString()));
  const nextLine = (ms: number) =>
    new Promise<string>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`vault node ${cfg.nodeId} did not answer: ${err}`)), ms);
      waiters.push((l) => {
        clearTimeout(t);
        resolve(l);
      });
      p.once("exit", (code) => reject(new Error(`vault node ${cfg.nodeId} exited (${code}): ${err}`)));
    });
  const ready = JSON.parse(await nextLine(30_000)) as { url: string; node: string; bus: string };
  return {
    ...ready,
    proc: p,
    stderr: () => err,
    async rss() {
      const l = nextLine(30_000);
      p.stdin!.write(JSON.stringify({ cmd: "rss" }) + "\n");
      return JSON.parse(await l);
    },
    async stop() {
      p.kill("SIGTERM");
      await waitExit(p, 5000);
      started.delete(p);
    },
    async kill() {
      p.kill("SIGKILL");
      await waitExit(p, 5000);
      started.delete(p);
    },
  };
}

/**
 * A TCP proxy in front of the vault. `partition()` stops forwarding in both directions and holds new
 * connections open without connecting them anywhere — nothing is closed, nothing is refused: packets simply
 * stop arriving, as when a network path silently dies. `heal()` forwards again (for new connections).
 */
export interface Proxy {
  url: string;
  partition(): void;
  heal(): void;
  close(): Promise<void>;
}

export async function startProxy(target: string): Promise<Proxy> {
  const t = new URL(target);
  let cut = false;
  const sockets = new Set<Socket>();
  const server: Server = createServer((down) => {
    sockets.add(down);
    down.on("close", () => sockets.delete(down));
    down.on("error", () => undefined);
    if (cut) return; // held open, never answered
    const up = connect(Number(t.port), t.hostname);
    sockets.add(up);
    up.on("close", () => sockets.delete(up));
    up.on("error", () => down.destroy());
    down.on("error", () => up.destroy());
    down.on("data", (c) => {
      if (!cut) up.write(c);
    });
    up.on("data", (c) => {
      if (!cut) down.write(c);
    });
    down.on("end", () => !cut && up.end());
    up.on("end", () => !cut && down.end());
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    partition: () => (cut = true),
    heal: () => (cut = false),
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
