// npm run bench -- pause-floor --agents N [--procs K] [--rounds R] [--slice S] [--warmup W] [--agent-nice X]
//                               [--transports tcp,ws]
//
// The best this machine can do for the exchange bench/pause.mjs measures, with no tracevault code: one server
// process holding N loopback connections, spread over K client processes the way bench/pause.mjs spreads its
// recorders (default one per 2,500 connections, each under the highest file-descriptor limit the shell allows,
// each on its own source address 127.0.0.x, at nice 10). On "pause" the server writes one pre-serialised
// ~200-byte notice (the size of the vault's pause notice) to every connection as fast as it can, in one
// synchronous loop (--slice S: S writes per event-loop turn, as the vault's hub does); every client parses it
// and answers with a ~100-byte acknowledgement on the same connection; the server parses each
// acknowledgement and records the time from the start of its writes. Two transports, one after the other in
// the same run: raw `net` sockets with newline-delimited JSON ("tcp"), and the `ws` library's server and
// clients (no compression, as the vault and the lease client use it; "ws"). Each is measured R times (default
// 3) after W unreported warm-up rounds (default 1; 0 measures the first, cold pause like bench/pause.mjs
// does). Before each round it waits (up to 60 s) for the 1-minute load average to fall below 2.5. Prints one
// JSON line per round: acknowledgement latencies (p50/p99/max), and the CPU time the server and the clients
// spent from the pause until the last acknowledgement arrived (from /proc/PID/schedstat; of which in the
// kernel: *_kernel_ms, /proc/PID/stat, 10 ms resolution). Diagnostics: BENCH_PROF=DIR (CPU profiles of every
// process).
//
// Differences from bench/pause.mjs worth knowing when comparing: its clock starts before the pause API call
// (HTTP request, database transaction, audit entry), this one at the first write.
import { createServer, connect } from "node:net";
import { loadavg } from "node:os";
import { createInterface } from "node:readline";
import { setImmediate } from "node:timers";
import { fileURLToPath } from "node:url";
import { WebSocket, WebSocketServer } from "ws";
import { arg, cpuMs, nodeWithFds, pct, sysMs } from "./children.mjs";

const SELF = fileURLToPath(import.meta.url);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const out = (o) => process.stdout.write(JSON.stringify(o) + "\n");
const MAX_LOAD = 2.5;
// Diagnostics: BENCH_PROF=DIR writes a CPU profile of every process there (as bench/pause.mjs does).
const PROF = process.env.BENCH_PROF ? ["--cpu-prof", "--cpu-prof-dir", process.env.BENCH_PROF] : [];

function intArg(args, name, dflt, min, max) {
  const v = Number(arg(args, name, dflt));
  if (!Number.isInteger(v) || v < min || v > max)
    throw new Error(`--${name} must be an integer ${min}-${max}`);
  return v;
}

const r1 = (x) => (x === null ? null : Math.round(x * 10) / 10);

/** The pause notice: the same fields and about the same size as the one the vault sends. */
function pauseNotice(round) {
  return JSON.stringify({
    t: "pause",
    pause: {
      id: `pz-floor-${String(round).padStart(4, "0")}-0123456789abcdef`,
      reason: "bench: fleet-wide pause to measure the floor of the exchange",
      by: "admin",
      at: new Date().toISOString(),
      scope: { kind: "all", value: "" },
    },
  });
}

/** The acknowledgement: the lease client's fields, padded to about 100 bytes. */
function ackFor(msg) {
  return JSON.stringify({ t: "ack", ids: [msg.pause.id], ok: true, pad: "x".repeat(20) });
}

// ------------------------------------------------------------------ child processes

// ------------------------------------------------------------------ server (child role)

async function server(args) {
  const transport = arg(args, "transport");
  const conns = []; // { write(buf), idx }
  let ackAt = new Float64Array(0);
  let acked = 0;
  let round = -1;
  let t0 = 0;
  let onAll = null;
  const onAck = (idx, text) => {
    // Parsed, as the vault parses every acknowledgement; a stale one (an earlier round) does not count.
    const m = JSON.parse(text);
    if (m.t !== "ack" || m.ids[0] !== currentId || ackAt[idx] >= 0) return;
    ackAt[idx] = performance.now() - t0;
    if (++acked === ackAt.length) onAll?.();
  };
  let currentId = "";
  let port;
  if (transport === "tcp") {
    const srv = createServer({ noDelay: true }, (sock) => {
      const idx = conns.length;
      sock.setNoDelay(true);
      let buf = "";
      sock.setEncoding("utf8");
      sock.on("data", (d) => {
        buf += d;
        let nl;
        while ((nl = buf.indexOf("\n")) >= 0) {
          const line = buf.slice(0, nl);
          buf = buf.slice(nl + 1);
          onAck(idx, line);
        }
      });
      sock.on("error", () => undefined);
      conns.push({ write: (b) => sock.write(b) });
    });
    await new Promise((r) => srv.listen({ port: 0, host: "127.0.0.1", backlog: 4096 }, r));
    port = srv.address().port;
  } else if (transport === "ws") {
    const wss = new WebSocketServer({
      port: 0,
      host: "127.0.0.1",
      backlog: 4096,
      perMessageDeflate: false,
      maxPayload: 64 * 1024,
    });
    wss.on("connection", (ws) => {
      const idx = conns.length;
      ws.on("message", (data, isBinary) => {
        if (!isBinary) onAck(idx, data.toString());
      });
      ws.on("error", () => undefined);
      conns.push({ write: (b) => ws.send(b, { binary: false }) });
    });
    await new Promise((r) => wss.on("listening", r));
    port = wss.address().port;
  } else throw new Error(`--transport must be tcp or ws, not '${transport}'`);

  out({ type: "listening", port });
  createInterface({ input: process.stdin }).on("line", (l) => {
    const m = JSON.parse(l);
    if (m.cmd === "count") out({ type: "count", n: conns.length });
    else if (m.cmd === "pause") {
      round = m.round;
      const text = pauseNotice(round);
      currentId = JSON.parse(text).pause.id;
      const msg = Buffer.from(transport === "tcp" ? text + "\n" : text);
      ackAt = new Float64Array(conns.length).fill(-1);
      acked = 0;
      const targets = conns.slice();
      const slice = m.slice > 0 ? m.slice : targets.length;
      let writeMs = null;
      const timeout = setTimeout(() => onAll?.(), 15_000);
      onAll = () => {
        clearTimeout(timeout);
        onAll = null;
        const lat = [...ackAt].filter((x) => x >= 0).sort((a, b) => a - b);
        out({ type: "done", round, n: targets.length, lat, writeMs, bytes: msg.length });
      };
      t0 = performance.now();
      let i = 0;
      const step = () => {
        const end = Math.min(targets.length, i + slice);
        for (; i < end; i++) targets[i].write(msg);
        if (i < targets.length) setImmediate(step);
        else writeMs = performance.now() - t0;
      };
      step();
    } else if (m.cmd === "exit") process.exit(0);
  });
}

// ------------------------------------------------------------------ clients (child role)

async function clients(args) {
  const transport = arg(args, "transport");
  const n = Number(arg(args, "n"));
  const port = Number(arg(args, "port"));
  const local = arg(args, "local", "127.0.0.1");
  const open = [];
  const one = () =>
    new Promise((resolve, reject) => {
      if (transport === "tcp") {
        const sock = connect({ host: "127.0.0.1", port, localAddress: local, noDelay: true });
        sock.setEncoding("utf8");
        let buf = "";
        sock.on("data", (d) => {
          buf += d;
          let nl;
          while ((nl = buf.indexOf("\n")) >= 0) {
            const m = JSON.parse(buf.slice(0, nl));
            buf = buf.slice(nl + 1);
            if (m.t === "pause") sock.write(ackFor(m) + "\n");
          }
        });
        sock.once("connect", () => resolve(sock));
        sock.once("error", reject);
      } else {
        const ws = new WebSocket(`ws://127.0.0.1:${port}/`, {
          perMessageDeflate: false,
          maxPayload: 1 << 20,
          localAddress: local,
        });
        ws.on("message", (data) => {
          const m = JSON.parse(data.toString());
          if (m.t === "pause") ws.send(ackFor(m));
        });
        ws.once("open", () => resolve(ws));
        ws.once("error", reject);
      }
    });
  // in batches, so that the server's accept backlog never overflows (a dropped SYN costs a 1 s retry)
  for (let i = 0; i < n; i += 100) {
    const batch = [];
    for (let j = i; j < Math.min(n, i + 100); j++) batch.push(one());
    open.push(...(await Promise.all(batch)));
  }
  createInterface({ input: process.stdin }).on("line", (l) => {
    if (JSON.parse(l).cmd === "exit") process.exit(0);
  });
  out({ type: "started", n: open.length });
}

// ------------------------------------------------------------------ main

async function waitForQuiet(log) {
  const t = Date.now();
  while (loadavg()[0] >= MAX_LOAD && Date.now() - t < 60_000) {
    log(`load average ${loadavg()[0].toFixed(2)} ≥ ${MAX_LOAD}: waiting`);
    await sleep(10_000);
  }
  return loadavg()[0];
}

/**
 * One transport's floor: `o` = { n, procs, rounds, warmup, slice, nice, quiet?, wait? }; prints (unless `quiet`)
 * and returns one result per round (exported so that another bench can measure the floor in its own run, as a
 * baseline; `wait: false` measures at once, under whatever load the caller ran with).
 */
export async function measure(transport, o, log = () => undefined) {
  const srv = nodeWithFds([...PROF, SELF, "--role", "server", "--transport", transport]);
  const { port } = await srv.next((j) => j.type === "listening");
  const kids = [];
  const t0 = Date.now();
  for (let p = 0; p < o.procs; p++) {
    const from = Math.floor((p * o.n) / o.procs);
    const to = Math.floor(((p + 1) * o.n) / o.procs);
    kids.push(
      nodeWithFds(
        [
          ...PROF,
          SELF,
          "--role",
          "clients",
          "--transport",
          transport,
          "--n",
          to - from,
          "--port",
          port,
          "--local",
          `127.0.0.${2 + p}`,
        ],
        o.nice,
      ),
    );
  }
  for (const k of kids) await k.next((j) => j.type === "started", 300_000);
  // a client sees its connection open before the server has accepted it
  let connected = 0;
  for (let i = 0; i < 100 && connected < o.n; i++) {
    if (i) await sleep(100);
    srv.send({ cmd: "count" });
    connected = (await srv.next((j) => j.type === "count")).n;
  }
  if (connected !== o.n) throw new Error(`${transport}: ${connected}/${o.n} connections reached the server`);
  log(
    `${transport}: ${o.n} connections from ${o.procs} processes in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );
  await sleep(1000);
  const results = [];
  for (let r = 0; r < o.warmup + o.rounds; r++) {
    const load = o.wait === false ? loadavg()[0] : await waitForQuiet(log);
    const s0 = cpuMs([srv]);
    const c0 = cpuMs(kids);
    const sk0 = sysMs([srv]);
    const ck0 = sysMs(kids);
    srv.send({ cmd: "pause", round: r, slice: o.slice });
    const d = await srv.next((j) => j.type === "done" && j.round === r, 60_000);
    const server_cpu_ms = Math.round(cpuMs([srv]) - s0);
    const clients_cpu_ms = Math.round(cpuMs(kids) - c0);
    const server_kernel_ms = sysMs([srv]) - sk0;
    const clients_kernel_ms = sysMs(kids) - ck0;
    if (r >= o.warmup) {
      const line = {
        name: "pause-floor",
        transport,
        agents: o.n,
        acked: d.lat.length,
        p50_ms: r1(pct(d.lat, 50)),
        p99_ms: r1(pct(d.lat, 99)),
        max_ms: r1(d.lat.at(-1) ?? null),
        server_cpu_ms,
        clients_cpu_ms,
        server_kernel_ms,
        clients_kernel_ms,
        server_write_ms: r1(d.writeMs),
        notice_bytes: d.bytes,
        slice: o.slice || null,
        round: r - o.warmup + 1,
        procs: o.procs,
        agent_nice: o.nice,
        load_avg_1m: Math.round(load * 100) / 100,
      };
      if (!o.quiet) console.log(JSON.stringify(line));
      results.push(line);
    }
    await sleep(1500);
  }
  for (const k of [srv, ...kids]) k.send({ cmd: "exit" });
  // a profiling process writes its profile on exit: give it the time
  await Promise.all(
    [srv, ...kids].map(
      (k) =>
        k.proc.exitCode !== null ||
        new Promise((r) => {
          const t = setTimeout(r, PROF.length ? 15_000 : 300);
          k.proc.once("exit", () => (clearTimeout(t), r()));
        }),
    ),
  );
  for (const k of [srv, ...kids]) k.proc.kill("SIGKILL");
  return results;
}

export async function run(args) {
  const n = intArg(args, "agents", 1000, 1, 20_000);
  const o = {
    n,
    // bench/pause.mjs: one agent process per 2,500 recorders
    procs: intArg(args, "procs", Math.ceil(n / 2500), 1, 250),
    rounds: intArg(args, "rounds", 3, 1, 100),
    warmup: intArg(args, "warmup", 1, 0, 100),
    slice: intArg(args, "slice", 0, 0, 20_000),
    nice: intArg(args, "agent-nice", 10, 0, 19),
  };
  const transports = String(arg(args, "transports", "tcp,ws")).split(",");
  for (const t of transports)
    if (t !== "tcp" && t !== "ws") throw new Error(`--transports: '${t}' is neither tcp nor ws`);
  const log = (m) => process.stderr.write(`[pause-floor] ${m}\n`);
  for (const t of transports) await measure(t, o, log);
}

if (process.argv[1] === SELF && process.argv.includes("--role")) {
  const args = process.argv.slice(2);
  const role = arg(args, "role");
  if (role === "server") await server(args);
  else if (role === "clients") await clients(args);
}
