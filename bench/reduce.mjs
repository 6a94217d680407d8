// npm run bench -- reduce [--events N]: raw events per second through the streaming reducer (one core),
// and its peak memory as the stream grows 10x. Prints one JSON line:
// {"name":"reduce","events_per_s":…,"peak_rss_mb":{"1x":…,"10x":…}}
// Each size runs in its own child process (peak RSS is per process). Events are synthesised human input
// (mouse travel, clicks, typing with edits, scrolls, hotkeys, frames every 100 ms) made in chunks, so the
// stream itself never sits in memory; only the time spent in reducer.push/end is counted.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const SELF = fileURLToPath(import.meta.url);

async function child(n) {
  const { Reducer, Synth, randomScript, rng } = await import("../packages/trajectory/dist/index.js");
  let steps = 0;
  const reducer = new Reducer({ onStep: () => steps++ });
  let chunk = [];
  let total = 0;
  let ns = 0n;
  const flush = () => {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < chunk.length; i++) reducer.push(chunk[i]);
    ns += process.hrtime.bigint() - t0;
    total += chunk.length;
    chunk = [];
  };
  const synth = new Synth({ seed: 42, frameEveryMs: 100 }, (e) => {
    chunk.push(e);
    if (chunk.length >= 65536) flush();
  });
  const r = rng(7);
  while (total + chunk.length < n) for (const a of randomScript(r, 20)) synth.act(a);
  synth.finish();
  flush();
  const t0 = process.hrtime.bigint();
  reducer.end();
  ns += process.hrtime.bigint() - t0;
  const seconds = Number(ns) / 1e9;
  process.stdout.write(
    JSON.stringify({ events: total, steps, seconds, peak_rss_mb: process.resourceUsage().maxRSS / 1024 }) +
      "\n",
  );
}

export async function run(args = []) {
  const i = args.indexOf("--events");
  const n = i >= 0 ? Number(args[i + 1]) : 1_000_000;
  const runs = {};
  for (const [label, size] of [
    ["1x", n],
    ["10x", 10 * n],
  ]) {
    const r = spawnSync(process.execPath, [SELF, "--child", String(size)], {
      encoding: "utf8",
      maxBuffer: 1 << 20,
    });
    if (r.status !== 0) throw new Error(`bench child failed: ${r.stderr}`);
    runs[label] = JSON.parse(r.stdout.trim().split("\n").pop());
  }
  const events = runs["1x"].events + runs["10x"].events;
  const seconds = runs["1x"].seconds + runs["10x"].seconds;
  console.log(
    JSON.stringify({
      name: "reduce",
      events_per_s: Math.round(events / seconds),
      peak_rss_mb: {
        "1x": Math.round(runs["1x"].peak_rss_mb * 10) / 10,
        "10x": Math.round(runs["10x"].peak_rss_mb * 10) / 10,
      },
      events: { "1x": runs["1x"].events, "10x": runs["10x"].events },
      steps: { "1x": runs["1x"].steps, "10x": runs["10x"].steps },
    }),
  );
}

if (process.argv[2] === "--child") await child(Number(process.argv[3]));
