// npm run bench -- recognizers [--set NAME|all] [--ms N]: throughput of each recognizer alone on the texts of
// an eval set (MB/s; default the Presidio texts), to find the one that holds the engine back. Not a headline
// figure. Each recognizer is warmed up (up to 1 s), then runs for --ms milliseconds (default 300). The last lines
// give the combined speed of the recognizers, 1 / sum(1 / MB/s) (each one pays for the scans it shares with
// others in the engine, so this is a lower bound), and the engine's own speed with all of them (`redact`).
import { RECOGNIZERS, redact } from "../packages/privacy/dist/index.js";
import { evalDir, readJsonl, SETS } from "./eval-sets.mjs";
import { join } from "node:path";

function option(args, name, fallback) {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
}

export async function run(args = []) {
  const dir = evalDir();
  if (!dir) throw new Error("no ../shared/eval beside this checkout (set TRACEVAULT_EVAL_DIR)");
  const set = option(args, "--set", "pii_presidio_synth");
  const sets = set === "all" ? SETS : [set];
  for (const s of sets)
    if (!SETS.includes(s)) throw new Error(`--set ${s}: unknown set; one of ${SETS.join(", ")} or all`);
  const ms = Number(option(args, "--ms", "300"));
  if (!(ms > 0)) throw new Error(`--ms must be a positive number of milliseconds`);
  const texts = sets.flatMap((s) => readJsonl(join(dir, `${s}.jsonl`)).map((r) => r.text));
  const bytes = texts.reduce((a, t) => a + Buffer.byteLength(t), 0);
  const inputs = texts.map((text) => ({ text, lower: text.toLowerCase(), channel: "typed" }));
  // steady state: warm up for a while (one pass leaves much of the JIT's work to the timed part)
  const time = (pass) => {
    const w0 = performance.now();
    do pass();
    while (performance.now() - w0 < Math.min(1000, ms));
    let reps = 0;
    const t0 = performance.now();
    while (performance.now() - t0 < ms) {
      pass();
      reps++;
    }
    return (bytes * reps) / ((performance.now() - t0) / 1000) / 1e6;
  };
  let inverse = 0;
  for (const r of RECOGNIZERS) {
    const mbps = time(() => {
      for (const i of inputs) r.detect(i);
    });
    inverse += 1 / mbps;
    console.log(JSON.stringify({ name: "recognizer", id: r.id, set, mb_per_s: +mbps.toFixed(1) }));
  }
  console.log(JSON.stringify({ name: "recognizers-combined", set, mb_per_s: +(1 / inverse).toFixed(1) }));
  const engine = time(() => {
    for (const t of texts) redact(t, { channel: "typed" });
  });
  console.log(JSON.stringify({ name: "engine", set, mb_per_s: +engine.toFixed(1) }));
}
