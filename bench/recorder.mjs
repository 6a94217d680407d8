// npm run bench -- recorder [--seconds 30] [--rate 1000] [--frames-seconds 40] [--uiohook-phase]
//
// The recorder under load on a real X display (Xvfb + openbox, an xterm running `cat` focused), input
// injected by ONE xdotool process per phase reading commands from stdin, written on a wall-clock schedule
// (10 ms chunks of 6 pointer moves + 2 key presses = 10 input events: 1,000 events/s on average):
//   A. a bare uiohook listener (counts events, nothing else)                    → baseline CPU
//   B. `tracevault record --offline` with keyboard/mouse/window: filtering (key-stream redaction, context
//      rules), sealing (gzip + HPKE) and spooling (fsync) on, no screenshots    → CPU, peak RSS, lost events
//      (keyboard/mouse read the way the recorder does by default: RECORD in process, no helper process;
//      with --uiohook-phase, B is run a second time with the uiohook child, TRACEVAULT_INPUT_BACKEND=uiohook)
//   C. the recorder with screenshots (actions + changes, OCR redaction): a line typed in the terminal
//      every ~1.5 s (the terminal scrolls); frame timings from the recorder itself: capture + black-out +
//      encode per frame, and OCR + engine per frame on which OCR ran (changed strips only; frames of an
//      unchanged screen reuse the previous words and are timed separately), plus the tesseract CPU per OCR'd
//      frame (from /proc, robust to a busy machine) and full-frame OCR of a text-filled 1280×800 screen.
// CPU is utime+stime from /proc of the process and all its descendants (a hook child included), as a
// percentage of one core over the load window; RSS is the sum over the same processes. Prints one JSON line:
// {"name":"recorder","cpu_ratio":…,"baseline_cpu_pct":…,"cpu_pct":…,"peak_rss_mb":…,"events_sent":…,
//  "events_lost":…,"frame_ms_p50":…,"ocr_redact_ms_p50":…, …}
import { spawn, spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const RUNNER = join(ROOT, "packages/recorder/test/cli-runner.mjs");
const TICK = 100; // clock ticks per second (Linux USER_HZ)
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function arg(args, name, def) {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : def;
}

// ------------------------------------------------------------------ /proc

function procStat(pid) {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, "utf8");
    const f = s.slice(s.lastIndexOf(")") + 2).split(" ");
    // f[0] = state (field 3); utime = field 14 → f[11]; stime f[12]; cutime f[13]; cstime f[14]; ppid f[1]
    return {
      ppid: Number(f[1]),
      utime: Number(f[11]),
      stime: Number(f[12]),
      cutime: Number(f[13]),
      cstime: Number(f[14]),
    };
  } catch {
    return undefined;
  }
}

function descendants(root) {
  const kids = new Map();
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    const st = procStat(Number(d));
    if (!st) continue;
    if (!kids.has(st.ppid)) kids.set(st.ppid, []);
    kids.get(st.ppid).push(Number(d));
  }
  const out = [root];
  for (let i = 0; i < out.length; i++) for (const k of kids.get(out[i]) ?? []) out.push(k);
  return out;
}

/** CPU ticks of a process tree, counting reaped children of the root too. */
function treeTicks(root) {
  let t = 0;
  for (const pid of descendants(root)) {
    const st = procStat(pid);
    if (!st) continue;
    t += st.utime + st.stime + (pid === root ? st.cutime + st.cstime : 0);
  }
  return t;
}

function treeRssKb(root) {
  let kb = 0;
  for (const pid of descendants(root)) {
    try {
      const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      if (m) kb += Number(m[1]);
    } catch {
      /* gone */
    }
  }
  return kb;
}

// ------------------------------------------------------------------ X session

async function startX() {
  const xvfb = spawn(
    "Xvfb",
    ["-displayfd", "3", "-screen", "0", "1280x800x24", "-noreset", "-nolisten", "tcp"],
    {
      stdio: ["ignore", "ignore", "ignore", "pipe"],
    },
  );
  const num = await new Promise((resolve, reject) => {
    let buf = "";
    const t = setTimeout(() => reject(new Error("Xvfb did not start")), 10_000);
    xvfb.stdio[3].on("data", (c) => {
      buf += c.toString();
      const m = /^(\d+)\n/.exec(buf);
      if (m) {
        clearTimeout(t);
        resolve(m[1]);
      }
    });
  });
  const display = `:${num}`;
  const env = { ...process.env, DISPLAY: display };
  const wm = spawn("openbox", [], { env, stdio: "ignore" });
  for (let i = 0; i < 100; i++) {
    const r = spawnSync("xprop", ["-root", "_NET_SUPPORTING_WM_CHECK"], { env, encoding: "utf8" });
    if (r.stdout.includes("window id")) break;
    await sleep(50);
  }
  const term = spawn(
    "xterm",
    [
      "-T",
      "bench-term",
      "-geometry",
      "150x45+0+0",
      "-fa",
      "Monospace",
      "-fs",
      "11",
      "-xrm",
      "XTerm*allowTitleOps: false",
      "-e",
      "cat",
    ],
    { env, stdio: "ignore" },
  );
  const id = spawnSync("xdotool", ["search", "--sync", "--onlyvisible", "--name", "^bench-term$"], {
    env,
    encoding: "utf8",
  })
    .stdout.trim()
    .split("\n")[0];
  spawnSync("xdotool", ["windowactivate", "--sync", id], { env });
  return {
    display,
    env,
    stop: () => {
      for (const p of [term, wm, xvfb]) p.kill("SIGKILL");
    },
  };
}

// ------------------------------------------------------------------ load

const WORDS = "the quick brown fox jumps over the lazy dog while the recorder keeps up with every key".split(
  " ",
);

/** The commands of chunk `i`: 6 pointer moves + 2 key presses (10 input events). */
function chunkLines(i, st) {
  const lines = [];
  for (let k = 0; k < 6; k++)
    lines.push(`mousemove ${300 + ((i * 6 + k) % 2) * 7 + (i % 50)} ${300 + (k % 3)}`);
  for (let k = 0; k < 2; k++) {
    if (st.col >= 70) {
      lines.push("key --delay 0 Return");
      st.col = 0;
      continue;
    }
    const w = WORDS[st.w % WORDS.length] + " ";
    const ch = w[st.c++];
    st.col++;
    lines.push(`key --delay 0 ${ch === " " ? "space" : ch}`);
    if (st.c >= w.length) {
      st.w++;
      st.c = 0;
    }
  }
  return lines.join("\n") + "\n";
}

/**
 * Inject `chunks` chunks at `rate` events/s through ONE xdotool process reading commands from stdin: the
 * commands are written on a wall-clock schedule (xdotool runs them as they arrive), so the average rate is
 * exact whatever the machine's load. Resolves with the seconds it took.
 */
function runPaced(env, chunks, rate) {
  return new Promise((resolve, reject) => {
    const p = spawn("xdotool", ["-"], { env, stdio: ["pipe", "ignore", "pipe"] });
    let err = "";
    p.stderr.on("data", (d) => (err += d));
    const st = { w: 0, c: 0, col: 0 };
    const perChunkMs = (10 * 1000) / rate;
    const t0 = performance.now();
    let sent = 0;
    const timer = setInterval(() => {
      const due = Math.min(chunks, Math.floor((performance.now() - t0) / perChunkMs) + 1);
      let text = "";
      while (sent < due) text += chunkLines(sent++, st);
      if (text) p.stdin.write(text);
      if (sent >= chunks) {
        clearInterval(timer);
        p.stdin.end();
      }
    }, 5);
    p.on("exit", (code) =>
      code === 0 ? resolve((performance.now() - t0) / 1000) : reject(new Error(`xdotool: ${err}`)),
    );
  });
}

// ------------------------------------------------------------------ phases

const BASELINE = String.raw`
const { uIOhook } = require(process.argv[1]);
let n = 0;
uIOhook.on("input", (e) => { if (e.type === 4 || e.type === 5 || e.type === 9 || e.type === 10) n++; });
uIOhook.start();
process.stdout.write("ready\n");
process.stdin.on("data", () => { process.stdout.write(JSON.stringify({ received: n }) + "\n"); });
process.stdin.on("end", () => { uIOhook.stop(); process.exit(0); });
`;

function ownTicks(pid) {
  const st = procStat(pid);
  return st ? st.utime + st.stime : 0;
}

function ownRssKb(pid) {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

async function measure(pid, env, chunks, rate) {
  const rss = [];
  const own = [];
  const t0 = performance.now();
  const c0 = treeTicks(pid);
  const o0 = ownTicks(pid);
  const sampler = setInterval(() => {
    rss.push(treeRssKb(pid));
    own.push(ownRssKb(pid));
  }, 100);
  const secs = await runPaced(env, chunks, rate);
  await sleep(300); // the last events arrive
  const c1 = treeTicks(pid);
  const o1 = ownTicks(pid);
  const wall = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  rss.push(treeRssKb(pid));
  return {
    cpu_pct: ((c1 - c0) / TICK / wall) * 100,
    main_cpu_pct: ((o1 - o0) / TICK / wall) * 100,
    peak_rss_kb: Math.max(...rss),
    main_peak_rss_kb: Math.max(...own),
    load_seconds: secs,
  };
}

/**
 * Measure a child that prints "ready" once listening, counts what it receives, answers a stdin line with
 * {"received": n}, and exits when stdin ends.
 */
async function measureCounter(p, x, chunks, rate) {
  let out = "";
  p.stdout.on("data", (d) => (out += d));
  while (!out.includes("ready")) await sleep(20);
  await sleep(1000);
  const m = await measure(p.pid, x.env, chunks, rate);
  await sleep(1000);
  p.stdin.write("count\n");
  while (!out.includes("received")) await sleep(20);
  const received = JSON.parse(out.trim().split("\n").pop()).received;
  p.stdin.end();
  return { ...m, received };
}

async function baseline(x, chunks, rate) {
  const hook = createRequire(join(ROOT, "packages/recorder/package.json")).resolve("uiohook-napi");
  const p = spawn(process.execPath, ["-e", BASELINE, hook], {
    env: x.env,
    stdio: ["pipe", "pipe", "inherit"],
  });
  return measureCounter(p, x, chunks, rate);
}

/** The capture layer alone (hook child + InputHook + key mapping, events counted and dropped). */
const CAPTURE_ONLY = String.raw`
const R = await import(process.argv[1]);
let n = 0;
const sources = R.createCaptureSources({ channels: ["keyboard", "mouse"] });
const sink = { event: () => n++, error: (e) => { console.error(e.message); process.exit(1); } };
for (const s of sources) await s.start(sink);
process.stdout.write("ready\n");
process.stdin.on("data", () => process.stdout.write(JSON.stringify({ received: n }) + "\n"));
process.stdin.on("end", async () => { for (const s of sources) await s.stop(); process.exit(0); });
`;

async function captureOnly(x, chunks, rate) {
  const p = spawn(
    process.execPath,
    ["--input-type=module", "-e", CAPTURE_ONLY, join(ROOT, "packages/recorder/dist/index.js")],
    {
      env: x.env,
      stdio: ["pipe", "pipe", "inherit"],
    },
  );
  return measureCounter(p, x, chunks, rate);
}

async function setupDir(withShots) {
  const crypto = await import(join(ROOT, "packages/crypto/dist/index.js"));
  const rec = await import(join(ROOT, "packages/recorder/dist/index.js"));
  const dir = mkdtempSync(join(tmpdir(), "tv-bench-rec-"));
  const keys = crypto.generateVaultKeys();
  const files = crypto.serializeVaultKeys(keys);
  writeFileSync(join(dir, "vault.key"), files.key, { mode: 0o600 });
  writeFileSync(join(dir, "vault.pub"), files.pub);
  const m = {
    schema: "tracevault/manifest/v1",
    id: "bench",
    version: 1,
    title: "Recorder bench",
    issuedAt: new Date().toISOString(),
    channels: withShots ? ["keyboard", "mouse", "window", "screenshots"] : ["keyboard", "mouse", "window"],
    ...(withShots
      ? {
          screenshots: {
            trigger: "actions+changes",
            maxPerMinute: 600,
            maxWidth: 1280,
            format: "jpeg",
            quality: 80,
            redactText: true,
          },
        }
      : {}),
    sensitivityCap: 3,
    scope: { mode: "exclude", apps: [], sites: [], titles: [], useDefaultExclusions: true },
    retentionDays: 30,
    purposes: ["agent-training"],
    privacyPolicyVersion: "1",
  };
  const signed = crypto.signManifest(m, keys.sign.privateKey, keys.sign.publicKey);
  writeFileSync(join(dir, "signed.json"), JSON.stringify(signed));
  mkdirSync(join(dir, "state"), { recursive: true, mode: 0o700 });
  rec.acknowledge(join(dir, "state"), signed.manifest, signed.hash);
  return { dir, keys, rec };
}

function startRecorder(x, dir, extra = [], env = {}) {
  const args = [
    RUNNER,
    "record",
    "--offline",
    "--vault-pub",
    join(dir, "vault.pub"),
    "--manifest",
    join(dir, "signed.json"),
    "--spool",
    join(dir, "spool"),
    "--state",
    join(dir, "state"),
    "--quiet",
    ...extra,
  ];
  const p = spawn(process.execPath, args, { env: { ...x.env, ...env }, stdio: ["ignore", "ignore", "pipe"] });
  let err = "";
  p.stderr.on("data", (d) => (err += d));
  const exited = new Promise((r) => p.once("exit", r));
  return { p, err: () => err, exited };
}

async function waitFor(r, re, ms = 30_000) {
  const end = Date.now() + ms;
  while (!re.test(r.err())) {
    if (Date.now() > end) throw new Error(`recorder did not start: ${r.err()}`);
    await sleep(50);
  }
}

function countSpool(rec, dir, keys) {
  let n = 0;
  let markers = 0;
  for (const b of rec.readSpool(join(dir, "spool"), keys.seal.privateKey)) {
    if ("error" in b) throw new Error(`bad batch: ${b.error}`);
    for (const e of b.payload.events) {
      if (e.kind === "mouse_move" || e.kind === "key_down" || e.kind === "key_up") n++;
      if (e.kind === "marker" && e.name.startsWith("redacted:")) markers++;
    }
  }
  return { n, markers };
}

async function recorderPhase(x, chunks, rate, env = {}) {
  const { dir, keys, rec } = await setupDir(false);
  const r = startRecorder(x, dir, [], env);
  await waitFor(r, /tracevault: recording/);
  await sleep(1000);
  const m = await measure(r.p.pid, x.env, chunks, rate);
  await sleep(1500);
  r.p.kill("SIGINT");
  const code = await r.exited;
  if (code !== 0) throw new Error(`recorder exited ${code}: ${r.err()}`);
  const got = countSpool(rec, dir, keys);
  rmSync(dir, { recursive: true, force: true });
  return { ...m, received: got.n, redactions: got.markers };
}

function median(a) {
  if (!a.length) return 0;
  const s = [...a].sort((p, q) => p - q);
  return s[s.length >> 1];
}

async function framesPhase(x, seconds) {
  const { dir, rec } = await setupDir(true);
  // fill the terminal with text first: OCR has work to do on every frame
  const lines = Array.from(
    { length: 10 },
    (_, i) => `line ${i} ${WORDS.slice(i % 5).join(" ")} ${1000 + i * 37}`,
  ).join("\n");
  spawnSync("xdotool", ["type", "--delay", "0", lines + "\n"], { env: x.env });
  await sleep(500);

  // full-frame OCR + engine on a text-filled 1280x800 screen (no reuse), in this process
  const grabber = await rec.X11ScreenGrabber.open({ display: x.display });
  const full = [];
  const encode = [];
  const selfChildTicks = () => {
    const st = procStat(process.pid);
    return st.cutime + st.cstime;
  };
  const f0 = selfChildTicks();
  for (let i = 0; i < 5; i++) {
    const f = await grabber.grab();
    const red = new rec.ScreenTextRedactor({ engine: rec.DEFAULT_ENGINE });
    const t0 = performance.now();
    const r = await red.analyze(f);
    full.push(performance.now() - t0);
    const t1 = performance.now();
    rec.blackout(f, r.boxes, 3);
    await rec.encodeFrame(f, { format: "jpeg", quality: 80, maxWidth: 1280 });
    encode.push(performance.now() - t1);
  }
  await grabber.close();
  const fullCpuMs = ((selfChildTicks() - f0) * 1000) / TICK / 5;

  const r = startRecorder(x, dir);
  await waitFor(r, /tracevault: recording/);
  const childTicks = () => {
    const st = procStat(r.p.pid);
    return st ? st.cutime + st.cstime : 0;
  };
  const k0 = childTicks();
  const t0 = Date.now();
  let i = 0;
  while (Date.now() - t0 < seconds * 1000) {
    spawnSync(
      "xdotool",
      ["type", "--delay", "15", `typed line ${i++} ${WORDS[i % WORDS.length]} ${i * 7919}\n`],
      { env: x.env },
    );
    await sleep(1500);
  }
  const { sendControl } = rec;
  await sleep(3000); // the last frames finish
  const st = (await sendControl(join(dir, "state"), "status")).status;
  const ocrRuns = st.frames.ocrRuns;
  const ocrCpuMs = ocrRuns ? ((childTicks() - k0) * 1000) / TICK / ocrRuns : 0;
  r.p.kill("SIGINT");
  await r.exited;
  rmSync(dir, { recursive: true, force: true });
  return {
    frame_ms_p50: st.frames.frameMsP50,
    ocr_redact_ms_p50: st.frames.ocrMsP50,
    ocr_cpu_ms_per_frame: Math.round(ocrCpuMs),
    ocr_runs: st.frames.ocrRuns,
    reuse_ms_p50: st.frames.reuseMsP50,
    frames_stored: st.frames.stored,
    frames_dropped: st.frames.dropped,
    frames_seconds: seconds,
    ocr_full_frame_ms_p50: Math.round(median(full)),
    ocr_full_frame_cpu_ms: Math.round(fullCpuMs),
    blackout_encode_ms_p50: Math.round(median(encode) * 10) / 10,
  };
}

export async function run(args = []) {
  const seconds = arg(args, "seconds", 30);
  const rate = arg(args, "rate", 1000);
  const framesSeconds = arg(args, "frames-seconds", 40);
  for (const bin of ["Xvfb", "openbox", "xdotool", "xterm", "tesseract"])
    if (spawnSync("which", [bin]).status !== 0)
      throw new Error(`bench recorder needs ${bin} (see scripts/test.sh)`);
  if (!existsSync(join(ROOT, "packages/cli/dist/commands/record.js")))
    throw new Error("build first: npx tsc -b packages/recorder/tsconfig.json packages/cli/tsconfig.json");
  const x = await startX();
  try {
    const chunks = Math.round((seconds * rate) / 10);
    const eventsSent = chunks * 10; // 6 moves + 2 × (down + up)
    const base = await baseline(x, chunks, rate);
    const cap = await captureOnly(x, chunks, rate);
    const recd = await recorderPhase(x, chunks, rate);
    const child = args.includes("--uiohook-phase")
      ? await recorderPhase(x, chunks, rate, { TRACEVAULT_INPUT_BACKEND: "uiohook" })
      : undefined;
    const frames = await framesPhase(x, framesSeconds);
    const out = {
      name: "recorder",
      cpu_ratio: Math.round((recd.cpu_pct / base.cpu_pct) * 100) / 100,
      baseline_cpu_pct: Math.round(base.cpu_pct * 100) / 100,
      cpu_pct: Math.round(recd.cpu_pct * 100) / 100,
      peak_rss_mb: Math.round(recd.peak_rss_kb / 102.4) / 10,
      events_sent: eventsSent,
      events_lost: Math.max(0, eventsSent - recd.received),
      frame_ms_p50: frames.frame_ms_p50,
      ocr_redact_ms_p50: frames.ocr_redact_ms_p50,
      // context
      rate_achieved: Math.round(eventsSent / recd.load_seconds),
      baseline_events_lost: Math.max(0, eventsSent - base.received),
      baseline_peak_rss_mb: Math.round(base.peak_rss_kb / 102.4) / 10,
      recorder_main_cpu_pct: Math.round(recd.main_cpu_pct * 100) / 100,
      hook_child_cpu_pct: Math.round((recd.cpu_pct - recd.main_cpu_pct) * 100) / 100,
      recorder_main_peak_rss_mb: Math.round(recd.main_peak_rss_kb / 102.4) / 10,
      input_backend: process.env.TRACEVAULT_INPUT_BACKEND ?? "xrecord",
      ...(child
        ? {
            uiohook_cpu_ratio: Math.round((child.cpu_pct / base.cpu_pct) * 100) / 100,
            uiohook_cpu_pct: Math.round(child.cpu_pct * 100) / 100,
            uiohook_main_cpu_pct: Math.round(child.main_cpu_pct * 100) / 100,
            uiohook_peak_rss_mb: Math.round(child.peak_rss_kb / 102.4) / 10,
            uiohook_main_peak_rss_mb: Math.round(child.main_peak_rss_kb / 102.4) / 10,
            uiohook_events_lost: Math.max(0, eventsSent - child.received),
          }
        : {}),
      redaction_markers: recd.redactions,
      capture_only_cpu_pct: Math.round(cap.cpu_pct * 100) / 100,
      capture_only_main_cpu_pct: Math.round(cap.main_cpu_pct * 100) / 100,
      capture_only_peak_rss_mb: Math.round(cap.peak_rss_kb / 102.4) / 10,
      ocr_full_frame_ms_p50: frames.ocr_full_frame_ms_p50,
      blackout_encode_ms_p50: frames.blackout_encode_ms_p50,
      ocr_cpu_ms_per_frame: frames.ocr_cpu_ms_per_frame,
      ocr_runs: frames.ocr_runs,
      unchanged_frame_ms_p50: frames.reuse_ms_p50,
      ocr_full_frame_cpu_ms: frames.ocr_full_frame_cpu_ms,
      frames_per_min_one_core_by_cpu: Math.round(
        60_000 / Math.max(1, frames.ocr_cpu_ms_per_frame + frames.frame_ms_p50),
      ),
      frames_per_min_one_core: Math.round(
        60_000 / Math.max(1, frames.ocr_redact_ms_p50 + frames.frame_ms_p50),
      ),
      frames_stored: frames.frames_stored,
      frames_dropped_busy: frames.frames_dropped,
      frames_seconds: frames.frames_seconds,
      load_avg_1m: Number(readFileSync("/proc/loadavg", "utf8").split(" ")[0]),
    };
    process.stdout.write(JSON.stringify(out) + "\n");
    return out;
  } finally {
    x.stop();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await run(process.argv.slice(2));
