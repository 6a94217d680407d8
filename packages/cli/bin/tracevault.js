#!/usr/bin/env -S node --max-semi-space-size=32
// The `tracevault` command. Builds the workspace once if this checkout has not been built yet, so that
// `npx tracevault` works right after `npm install`.
// The V8 flag in the first line: a semi-space of 32 MB (V8's default on 64-bit is 16 MB). Redaction allocates a few
// kilobytes per record that die within the batch; with the default young generation a batch of 1,024 records
// outgrows it and every scavenge copies the batch's live state, which cost the engine ~25 % of its time
// (`npm run bench -- redact`, alternated runs, each in its own process: see docs/architecture.md). Starting this
// file with `node` directly loses the flag (scripts/start.sh runs it as an executable).
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

// A closed pipe (`tracevault redact --in big.jsonl | head`) is a normal way to stop reading, not a crash.
process.stdout.on("error", (err) => {
  if (err.code === "EPIPE") process.exit(0);
  throw err;
});

const main = new URL("../dist/main.js", import.meta.url);
if (!existsSync(fileURLToPath(main))) {
  const root = fileURLToPath(new URL("../../..", import.meta.url));
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  process.stderr.write("tracevault: first run, building…\n");
  execFileSync(process.execPath, [tsc, "-b", "packages/cli/tsconfig.json"], { cwd: root, stdio: "inherit" });
}
const { main: run } = await import(main.href);
run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`tracevault: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
