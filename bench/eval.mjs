// npm run bench -- eval [--set NAME] [--misses TYPE]: per-type figures on ../shared/eval (human-readable),
// and with --misses, the gold spans of TYPE that leaked (for developing recognizers; prints eval text locally only).
import { redact } from "../packages/privacy/dist/index.js";
import { evalDir, readJsonl, scoreSet, SETS } from "./eval-sets.mjs";
import { join } from "node:path";

export async function run(args) {
  const dir = evalDir();
  if (!dir) throw new Error("no ../shared/eval beside this checkout (set TRACEVAULT_EVAL_DIR)");
  const only = args.includes("--set") ? args[args.indexOf("--set") + 1] : undefined;
  const missType = args.includes("--misses") ? args[args.indexOf("--misses") + 1] : undefined;
  const fpMode = args.includes("--false-positives");
  for (const set of SETS.filter((s) => !only || s === only)) {
    const res = scoreSet(dir, set, (r) => {
      const x = redact(r.text, { channel: r.channel });
      return { level: x.level, spans: x.spans };
    });
    console.log(
      `${set}: recall ${res.recall_full_micro}  false alarms ${res.false_alarm_rate}  over-redaction ${res.over_redaction}`,
    );
    for (const [t, v] of Object.entries(res.per_type))
      console.log(
        `  ${t.padEnd(40)} ${String(v.spans).padStart(5)}  recall ${v.recall_full.toFixed(3)}  leak ${v.leak_rate.toFixed(3)}`,
      );
    if (missType || fpMode) {
      for (const r of readJsonl(join(dir, `${set}.jsonl`))) {
        const x = redact(r.text, { channel: r.channel });
        const cov = new Uint8Array(r.text.length);
        for (const s of x.spans) cov.fill(1, s.start, s.end);
        if (missType) {
          for (const g of r.spans) {
            if (g.type !== missType || x.level === 4) continue;
            let leak = false;
            for (let i = g.start; i < g.end; i++) if (/[\p{L}\p{N}]/u.test(r.text[i]) && !cov[i]) leak = true;
            if (leak)
              console.log(
                `MISS ${r.id}: ${JSON.stringify(r.text.slice(g.start, g.end))} in ${JSON.stringify(r.text.slice(Math.max(0, g.start - 50), g.end + 30))}`,
              );
          }
        }
        if (fpMode) {
          const gold = new Uint8Array(r.text.length);
          for (const g of r.spans) gold.fill(1, g.start, g.end);
          for (const s of x.spans) {
            let innocent = 0;
            for (let i = s.start; i < s.end; i++) if (!gold[i] && /[\p{L}\p{N}]/u.test(r.text[i])) innocent++;
            if (innocent > 0)
              console.log(
                `FP ${r.id} ${s.type} [${s.sources}]: ${JSON.stringify(r.text.slice(s.start, s.end))}`,
              );
          }
        }
      }
    }
  }
}
