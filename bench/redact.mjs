// npm run bench -- redact: accuracy on ../shared/eval and single-core throughput on typed-text records,
// side by side with the npm package redact-pii (the baseline the issue names) in the same run.
import { createRequire } from "node:module";
import { join } from "node:path";
import { redact, redactMany } from "../packages/privacy/dist/index.js";
import { evalDir, readJsonl, scoreSet, SETS } from "./eval-sets.mjs";

const require = createRequire(import.meta.url);

/**
 * MB/s of `fn` over `texts` in steady state: repeated for at least `ms` milliseconds after 2 s of warm-up (one pass
 * was not enough to finish the JIT's work: on a loaded machine the figure then mostly measured the warm-up, for
 * both engines).
 */
function throughput(texts, fn, ms) {
  return throughputAll(
    texts,
    (all) => {
      for (const t of all) fn(t);
    },
    ms,
  );
}

/** The same, for `fn` given the whole list at once (the engine's batch path). */
function throughputAll(texts, fn, ms) {
  const bytes = texts.reduce((a, t) => a + Buffer.byteLength(t, "utf8"), 0);
  const w0 = performance.now();
  do fn(texts);
  while (performance.now() - w0 < 2000);
  let reps = 0;
  const t0 = performance.now();
  do {
    fn(texts);
    reps++;
  } while (performance.now() - t0 < ms);
  return (bytes * reps) / ((performance.now() - t0) / 1000) / 1e6;
}

/** A record's text with its labelled spans removed (joined by a space). */
function withoutSpans(r) {
  const spans = [...(r.spans ?? [])].sort((a, b) => a.start - b.start);
  let out = "";
  let at = 0;
  for (const sp of spans) {
    if (sp.start > at) out += r.text.slice(at, sp.start) + " ";
    at = Math.max(at, sp.end);
  }
  return out + r.text.slice(at);
}

export async function run(args) {
  const dir = evalDir();
  if (!dir) throw new Error("no ../shared/eval beside this checkout (set TRACEVAULT_EVAL_DIR)");
  const ms = args.includes("--quick") ? 500 : 3000;
  const sets = {};
  for (const set of SETS) {
    sets[set] = scoreSet(dir, set, (r) => {
      const x = redact(r.text, { channel: r.channel });
      return {
        level: x.level,
        spans: x.spans.map(({ start, end, type, level }) => ({ start, end, type, level })),
      };
    });
  }
  // Typed-text records: every eval text, as typed.
  const records = SETS.flatMap((s) => readJsonl(join(dir, `${s}.jsonl`)));
  const texts = records.map((r) => r.text);
  // The named figure: the records as `tracevault redact --in` reads them (redactMany, batches of records);
  // one call per record is printed beside it.
  const ours = throughputAll(texts, (all) => redactMany(all, { channel: "typed" }), ms);
  const oursSingle = throughput(texts, (t) => redact(t, { channel: "typed" }), ms);
  const { SyncRedactor } = require("redact-pii");
  const baseline = new SyncRedactor();
  const theirs = throughput(texts, (t) => baseline.redact(t), ms);
  // The same records with every labelled span cut out: ordinary typing with nothing to find, which is most of
  // what a recorder sees (the figure above is for text that is sensitive almost everywhere). Reported beside
  // it, not instead of it.
  const plain = records.map(withoutSpans).filter((t) => t.trim());
  const oursPlain = throughputAll(plain, (all) => redactMany(all, { channel: "typed" }), ms);
  const theirsPlain = throughput(plain, (t) => baseline.redact(t), ms);
  console.log(
    JSON.stringify({
      name: "redact",
      mb_per_s: +ours.toFixed(2),
      baseline: "redact-pii",
      baseline_mb_per_s: +theirs.toFixed(2),
      ratio: +(ours / theirs).toFixed(2),
      single_mb_per_s: +oursSingle.toFixed(2),
      plain_mb_per_s: +oursPlain.toFixed(2),
      plain_baseline_mb_per_s: +theirsPlain.toFixed(2),
      plain_ratio: +(oursPlain / theirsPlain).toFixed(2),
      // the V8 flags of this run (`npm run bench` passes the tracevault command's own: see package.json)
      node_flags: process.execArgv,
      sets,
    }),
  );
}
