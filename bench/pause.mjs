// npm run bench -- pause --agents N [--ttl MS] [--nodes K] [--per-proc N] [--rate R] [--no-disconnect] [--no-floor]
//
// N simulated recorders (the real lease client, without capture sources) connected to a real vault process
// over loopback, spread over several agent processes (each under its own file-descriptor limit, each on its
// own loopback source address). Measures, from the pause API call: the time to each recorder's
// acknowledgement as recorded by the vault (p50/p99/max) and how many acknowledged; the vault's RSS per
// connected recorder (RSS after everyone connected minus RSS before, after a full GC, divided by N); then,
// after a resume, SIGKILLs the vault and measures how long each recorder keeps recording (must be ≤ the
// lease lifetime). With --nodes K, K vault processes share the store and fan pauses out through NATS (the
// pause is issued on the first; agent processes are spread over the nodes). Also the CPU time the vault and
// the agents spent from the pause call until every agent had it (pause_cpu_*_ms, from /proc/PID/schedstat; of
// which in the kernel: *_kernel_ms): on a shared machine these vary far less than the latencies. Prints one
// JSON line, with the floor measured in the same run (bench/pause-floor.mjs: the same exchange over the `ws`
// library with no tracevault code; floor_*_ms, p99_ratio_to_floor). Diagnostics: BENCH_PROF=DIR (CPU profiles of every process), BENCH_VAULT_ARGS="--trace-gc …"
// (extra node flags for the vault), BENCH_VAULT_LOG=FILE (the vault's non-JSON output).
//
// Needs the built vault and recorder (npx tsc -b packages/vault/tsconfig.json packages/recorder/tsconfig.json).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath, pathToFileURL } from "node:url";
import { arg, cpuMs, jsonChild, nodeWithFds, pct, sysMs } from "./children.mjs";

const SELF = fileURLToPath(import.meta.url);
const ROOT = fileURLToPath(new URL("..", import.meta.url));
const NODE_SCRIPT = join(ROOT, "e2e", "fleet-node.mjs");
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ------------------------------------------------------------------ setup

async function setup(dir, n) {
  const vaultMod = await import(pathToFileURL(join(ROOT, "packages/vault/dist/index.js")).href);
  const fleetMod = await import(pathToFileURL(join(ROOT, "packages/vault/dist/fleet/index.js")).href);
  const crypto = await import(pathToFileURL(join(ROOT, "packages/crypto/dist/index.js")).href);
  const { Vault, Devices } = vaultMod;
  const vault = await Vault.open({ dataDir: dir });
  const password = "bench password long enough";
  await vault.accounts.create("bench-admin", password, "fleet_admin");
  const manifest = {
    schema: "tracevault/manifest/v1",
    id: "bench",
    version: 1,
    title: "Pause bench",
    issuedAt: new Date().toISOString(),
    channels: ["keyboard", "mouse", "window"],
    sensitivityCap: 3,
    scope: { mode: "exclude", apps: [], sites: [], titles: [], useDefaultExclusions: true },
    retentionDays: 30,
    purposes: ["agent-training"],
    privacyPolicyVersion: "1",
  };
  const signed = crypto.signManifest(manifest, vault.keys.sign.privateKey, vault.keys.sign.publicKey);
  await vault.db.exec(
    "INSERT INTO manifests (hash, id, version, doc, published_at, published_by) VALUES ($1, $2, $3, $4, $5, $6)",
    [signed.hash, manifest.id, 1, JSON.stringify(signed.manifest), new Date().toISOString(), "bench"],
  );
  const devices = new Devices(vault.db);
  const keys = [];
  const now = new Date().toISOString();
  for (let start = 0; start < n; start += 1000) {
    await vault.db.tx(async (q) => {
      for (let i = start; i < Math.min(n, start + 1000); i++) {
        const person = `person-${String(i).padStart(5, "0")}`;
        const k = crypto.generateRawKeyPair("ed25519");
        const tok = await devices.issueToken(person, "bench", q);
        const d = await devices.enroll(tok.token, k.publicKey, q);
        await q.exec(
          `INSERT INTO fleet_consent (id, person, manifest_id, manifest_version, manifest_hash, decision, via, actor, shown, note, at)
           VALUES ($1, $2, 'bench', 1, $3, 'acknowledge', 'api', 'bench', 'full', '', $4)`,
          [`cs-bench-${i}`, person, signed.hash, now],
        );
        keys.push({
          id: d.id,
          priv: Buffer.from(k.privateKey).toString("base64url"),
          pub: Buffer.from(k.publicKey).toString("base64url"),
        });
      }
    });
  }
  const session = await vault.accounts.login("bench-admin", password);
  const signPub = Buffer.from(vault.keys.sign.publicKey).toString("base64url");
  await vault.close();
  void fleetMod;
  return { keys, token: session.token, signPub, manifestHash: signed.hash };
}

// ------------------------------------------------------------------ agents (child role)

async function agents(args) {
  const { LeaseClient } = await import(
    pathToFileURL(join(ROOT, "packages/recorder/dist/lease/client.js")).href
  );
  const all = JSON.parse(readFileSync(arg(args, "keys"), "utf8"));
  const from = Number(arg(args, "from"));
  const to = Number(arg(args, "to"));
  const url = arg(args, "url");
  const local = arg(args, "local", "127.0.0.1");
  const vaultSignKey = new Uint8Array(Buffer.from(arg(args, "sign"), "base64url"));
  const rate = Number(arg(args, "rate", 250));
  const out = (o) => process.stdout.write(JSON.stringify(o) + "\n");
  const clients = [];
  const stoppedAt = new Map();
  const pausedAt = [];
  // Kept up to date from the clients' own change events: counting must not take CPU from what is measured
  // (evaluating every client's state on each poll did, while the pause was being acknowledged).
  const tally = { recording: 0, paused: 0, expired: 0 };
  const kindOf = (st) =>
    st.canRecord ? "recording" : st.status === "paused" ? "paused" : st.status === "expired" ? "expired" : "";
  for (let i = from; i < to; i++) {
    const k = all[i];
    const c = new LeaseClient({
      vaultUrl: url,
      deviceId: k.id,
      privateKey: new Uint8Array(Buffer.from(k.priv, "base64url")),
      publicKey: new Uint8Array(Buffer.from(k.pub, "base64url")),
      vaultSignKey,
      connectTimeoutMs: 60_000,
      reconnectMinMs: 500,
      reconnectMaxMs: 5000,
      socketOptions: { localAddress: local },
      stopRecording: (why) => {
        if (why === "expired") stoppedAt.set(k.id, Date.now());
      },
    });
    let kind = "";
    c.onChange((st) => {
      if (st.status === "paused") pausedAt.push(Date.now());
      const k = kindOf(st);
      if (k === kind) return;
      if (kind) tally[kind]--;
      if (k) tally[k]++;
      kind = k;
    });
    clients.push(c);
  }
  // connect at a bounded rate: a real fleet does not connect all at once either
  for (let i = 0; i < clients.length; i++) {
    clients[i].start();
    if (i % 25 === 24) await sleep((25 / rate) * 1000);
  }
  const count = () => ({ ...tally, total: clients.length });
  createInterface({ input: process.stdin }).on("line", (l) => {
    const m = JSON.parse(l);
    if (m.cmd === "count") out({ type: "count", ...count() });
    else if (m.cmd === "paused") out({ type: "paused", at: pausedAt.splice(0) });
    else if (m.cmd === "killed") {
      const after = [...stoppedAt.values()].map((t) => t - m.at);
      out({ type: "killed", n: after.length, after, stillRecording: count().recording });
    } else if (m.cmd === "exit") process.exit(0);
  });
  out({ type: "started", n: clients.length });
}

// ------------------------------------------------------------------ main

export async function run(args) {
  const n = Number(arg(args, "agents", 1000));
  const ttl = Number(arg(args, "ttl", 60_000));
  const perProc = Number(arg(args, "per-proc", 2500));
  const rate = Number(arg(args, "rate", 300));
  const disconnect = !arg(args, "no-disconnect", false);
  const nodes = Number(arg(args, "nodes", 1));
  // The simulated recorders stand for other machines: by default they run at a lower CPU priority so that
  // simulating them takes as little as possible from the vault (--agent-nice 0 to share the CPU equally).
  const agentNice = Number(arg(args, "agent-nice", 10));
  if (!Number.isInteger(n) || n < 1 || n > 20_000) throw new Error("--agents must be 1-20000");
  const dir = mkdtempSync(join(tmpdir(), "tv-bench-pause-"));
  const log = (m) => process.stderr.write(`[pause bench] ${m}\n`);
  const t0setup = Date.now();
  const s = await setup(dir, n);
  const keysFile = join(dir, "agent-keys.json");
  writeFileSync(keysFile, JSON.stringify(s.keys), { mode: 0o600 });
  log(`${n} devices enrolled and consented in ${((Date.now() - t0setup) / 1000).toFixed(1)} s`);

  // One vault node, or several sharing the store and fanning out through NATS (Debian's nats-server).
  let nats;
  if (nodes > 1) {
    const port = 20000 + Math.floor(Math.random() * 20000);
    nats = jsonChild("nats-server", ["-a", "127.0.0.1", "-p", String(port)]);
    for (let i = 0; i < 100 && !/Server is ready/.test(nats.stderr()); i++) await sleep(50);
    if (!/Server is ready/.test(nats.stderr()))
      throw new Error(`nats-server did not start: ${nats.stderr()}`);
    nats.url = `nats://127.0.0.1:${port}`;
  }
  const vaults = [];
  for (let i = 0; i < nodes; i++) {
    // Diagnostics: BENCH_VAULT_ARGS (extra node flags, e.g. --trace-gc) and BENCH_VAULT_LOG (a file for the
    // vault's non-JSON output).
    const v = nodeWithFds(
      [
        "--expose-gc",
        ...(process.env.BENCH_VAULT_ARGS ? process.env.BENCH_VAULT_ARGS.split(" ").filter(Boolean) : []),
        ...(process.env.BENCH_PROF ? ["--cpu-prof", "--cpu-prof-dir", process.env.BENCH_PROF] : []),
        NODE_SCRIPT,
        JSON.stringify({
          dataDir: dir,
          nodeId: `bench-node-${i}`,
          ttlMs: ttl,
          ...(nats ? { natsUrl: nats.url } : {}),
        }),
      ],
      0,
      process.env.BENCH_VAULT_LOG ? { logFile: process.env.BENCH_VAULT_LOG } : {},
    );
    v.url = (await v.next((j) => j.url)).url;
    vaults.push(v);
  }
  const node = vaults[0];
  const url = node.url;
  await sleep(500);
  const rssAll = async () => {
    let total = 0;
    for (const v of vaults) {
      v.send({ cmd: "rss" });
      total += (await v.next((j) => j.rss !== undefined)).rss;
    }
    return { rss: total };
  };
  const rss0 = await rssAll();

  const procs = Math.ceil(n / perProc);
  const kids = [];
  const t0conn = Date.now();
  for (let p = 0; p < procs; p++) {
    const from = p * perProc;
    const to = Math.min(n, from + perProc);
    kids.push(
      nodeWithFds(
        [
          ...(process.env.BENCH_PROF ? ["--cpu-prof", "--cpu-prof-dir", process.env.BENCH_PROF] : []),
          SELF,
          "--role",
          "agents",
          "--keys",
          keysFile,
          "--from",
          from,
          "--to",
          to,
          "--url",
          vaults[p % nodes].url,
          "--sign",
          s.signPub,
          "--local",
          `127.0.0.${2 + p}`,
          "--rate",
          Math.ceil(rate / procs),
        ],
        agentNice,
      ),
    );
  }
  for (const k of kids) await k.next((j) => j.type === "started");
  const counts = async () => {
    let r = { recording: 0, paused: 0, expired: 0, total: 0 };
    for (const k of kids) {
      k.send({ cmd: "count" });
      const c = await k.next((j) => j.type === "count");
      r = {
        recording: r.recording + c.recording,
        paused: r.paused + c.paused,
        expired: r.expired + c.expired,
        total: r.total + c.total,
      };
    }
    return r;
  };
  for (;;) {
    const c = await counts();
    if (c.recording === n) break;
    if (Date.now() - t0conn > 300_000)
      throw new Error(`only ${c.recording}/${n} recorders got a lease in 300 s`);
    await sleep(500);
  }
  const connectS = (Date.now() - t0conn) / 1000;
  log(`${n} recorders connected and leased in ${connectS.toFixed(1)} s (${procs} agent processes)`);
  await sleep(1000);
  const rss1 = await rssAll();
  const perAgentKb = (rss1.rss - rss0.rss) / 1024 / n;

  const api = async (method, path, body) => {
    const res = await fetch(url + path, {
      method,
      headers: {
        authorization: `Bearer ${s.token}`,
        "x-tracevault-purpose": "operations",
        ...(body ? { "content-type": "application/json" } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const j = await res.json();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(j)}`);
    return j;
  };

  // warm the vault's request path (JIT, policy engine, schemas) as in a running deployment
  for (let i = 0; i < 3; i++) {
    const w = await api("POST", "/api/v1/fleet/pause", {
      scope: { kind: "team", value: "bench-warmup" },
      reason: "warm-up",
    });
    await api("GET", `/api/v1/fleet/pauses/${w.id}?summary=1`);
    await api("POST", "/api/v1/fleet/resume", { pauseId: w.id });
  }
  await sleep(1000);
  const load = loadavg()[0];
  const cpuVault0 = cpuMs(vaults);
  const cpuAgents0 = cpuMs(kids);
  const sysVault0 = sysMs(vaults);
  const sysAgents0 = sysMs(kids);
  const t0 = Date.now();
  const pause = await api("POST", "/api/v1/fleet/pause", { scope: { kind: "all" }, reason: "bench" });
  const apiMs = Date.now() - t0;
  // Wait on the agents (separate processes) rather than asking the vault: polling it would slow what we measure.
  for (;;) {
    const c = await counts();
    if (c.paused >= n || Date.now() - t0 > 15_000) break;
    await sleep(200);
  }
  // CPU time the pause took (until every agent had it, and a moment for the last acknowledgements): with
  // other work on the machine, wall-clock latencies vary run to run; these do far less.
  await sleep(300);
  const minus = (a, b) => (a === null || b === null ? null : a - b);
  const cpuVault = minus(cpuMs(vaults), cpuVault0);
  const cpuAgents = minus(cpuMs(kids), cpuAgents0);
  const sysVault = minus(sysMs(vaults), sysVault0);
  const sysAgents = minus(sysMs(kids), sysAgents0);
  let summary;
  for (;;) {
    await sleep(300);
    summary = await api("GET", `/api/v1/fleet/pauses/${pause.id}?summary=1`);
    if (summary.acked >= n || Date.now() - t0 > 20_000) break;
  }
  const detail = await api("GET", `/api/v1/fleet/pauses/${pause.id}`);
  const lat = detail.recorders
    .filter((r) => r.acked)
    .map((r) => Date.parse(r.ackedAt) - t0)
    .sort((a, b) => a - b);
  log(`pause API answered in ${apiMs} ms; ${lat.length}/${n} acknowledged (load average ${load.toFixed(2)})`);
  const seen = [];
  for (const k of kids) {
    k.send({ cmd: "paused" });
    seen.push(...(await k.next((j) => j.type === "paused")).at.map((x) => x - t0));
  }
  seen.sort((a, b) => a - b);
  log(
    `recorders learnt the pause after p50 ${pct(seen, 50)} ms, p99 ${pct(seen, 99)} ms, max ${seen.at(-1)} ms (their clocks)`,
  );

  let disc = null;
  if (disconnect) {
    await api("POST", "/api/v1/fleet/resume", { scope: { kind: "all" } });
    const t1 = Date.now();
    for (;;) {
      const c = await counts();
      if (c.recording === n || Date.now() - t1 > 120_000) break;
      await sleep(500);
    }
    await sleep(2000);
    const killedAt = Date.now();
    for (const v of vaults) v.proc.kill("SIGKILL");
    log(`vault killed; waiting up to the lease lifetime (${ttl} ms) for every recorder to stop by itself`);
    for (;;) {
      const c = await counts();
      if (c.recording === 0 || Date.now() - killedAt > ttl + 10_000) break;
      await sleep(500);
    }
    const after = [];
    let still = 0;
    for (const k of kids) {
      k.send({ cmd: "killed", at: killedAt });
      const r = await k.next((j) => j.type === "killed");
      after.push(...r.after);
      still += r.stillRecording;
    }
    after.sort((a, b) => a - b);
    disc = { n: after.length, p50: pct(after, 50), max: after.at(-1) ?? null, stillRecording: still };
  } else for (const v of vaults) v.proc.kill("SIGTERM");
  nats?.proc.kill("SIGTERM");
  for (const k of kids) k.send({ cmd: "exit" });
  // a profiling agent writes its profile on exit: give it the time
  const exitWait = process.env.BENCH_PROF ? 15_000 : 300;
  await Promise.all(
    kids.map(
      (k) =>
        k.proc.exitCode !== null ||
        new Promise((r) => {
          const t = setTimeout(r, exitWait);
          k.proc.once("exit", () => (clearTimeout(t), r()));
        }),
    ),
  );
  for (const k of kids) k.proc.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });

  // The baseline in the same run: the same exchange with no tracevault code (bench/pause-floor.mjs, the `ws`
  // library as the vault uses it, the same number of connections and processes, the hub's slices, a cold first
  // pause like the one above): the best this machine can do, so that a noisy run still compares.
  let floor = null;
  if (!arg(args, "no-floor", false)) {
    const { measure } = await import(pathToFileURL(join(ROOT, "bench", "pause-floor.mjs")).href);
    const [f] = await measure(
      "ws",
      { n, procs, rounds: 1, warmup: 0, slice: 1000, nice: agentNice, quiet: true, wait: false },
      (m) => log(`floor: ${m}`),
    );
    floor = f;
  }

  console.log(
    JSON.stringify({
      name: "pause",
      agents: n,
      acked: lat.length,
      p50_ms: pct(lat, 50),
      p99_ms: pct(lat, 99),
      max_ms: lat.at(-1) ?? null,
      floor_p99_ms: floor?.p99_ms ?? null,
      floor_max_ms: floor?.max_ms ?? null,
      p99_ratio_to_floor: floor?.p99_ms ? Math.round((pct(lat, 99) / floor.p99_ms) * 100) / 100 : null,
      vault_rss_per_agent_kb: Math.round(perAgentKb * 10) / 10,
      lease_ttl_ms: ttl,
      disconnected_recording_p50_ms: disc?.p50 ?? null,
      disconnected_recording_max_ms: disc?.max ?? null,
      disconnected_still_recording: disc?.stillRecording ?? null,
      pause_api_ms: apiMs,
      pause_cpu_vault_ms: cpuVault,
      pause_cpu_agents_ms: cpuAgents,
      pause_cpu_vault_kernel_ms: sysVault,
      pause_cpu_agents_kernel_ms: sysAgents,
      connect_s: Math.round(connectS * 10) / 10,
      agent_procs: procs,
      vault_nodes: nodes,
      agent_nice: agentNice,
      load_avg_1m: Math.round(load * 100) / 100,
    }),
  );
}

if (process.argv[1] === SELF && process.argv.includes("--role")) {
  const args = process.argv.slice(2);
  if (arg(args, "role") === "agents") await agents(args);
}
