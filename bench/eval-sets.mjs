// Locates ../shared/eval beside the checkout and scores the redactor on its labelled sets.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(fileURLToPath(new URL("..", import.meta.url)));

/** Directory holding the shared eval sets, or undefined when this checkout has none beside it. */
export function evalDir() {
  const candidates = [process.env.TRACEVAULT_EVAL_DIR, join(root, "../shared/eval")].filter(Boolean);
  return candidates.find((d) => existsSync(join(d, "score.mjs")));
}

export const SETS = ["pii_presidio_synth", "secrets_secretlint"];

export function readJsonl(path) {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
}

/** Run `redactFn(record) -> {level, spans}` over `dir/set.jsonl` and return the scorer's --json result. */
export function scoreSet(dir, set, redactFn, scorer = join(dir, "score.mjs")) {
  const gold = join(dir, `${set}.jsonl`);
  const records = readJsonl(gold);
  const pred = records.map((r) => JSON.stringify({ id: r.id, ...redactFn(r) })).join("\n") + "\n";
  const tmp = mkdtempSync(join(tmpdir(), "tv-eval-"));
  const predPath = join(tmp, "pred.jsonl");
  writeFileSync(predPath, pred);
  const out = execFileSync(process.execPath, [scorer, "--gold", gold, "--pred", predPath, "--json"], {
    encoding: "utf8",
  });
  return JSON.parse(out);
}
