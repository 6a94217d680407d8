#!/usr/bin/env node
// Test runner for the recorder's CLI commands while `tracevault record|spool` are not yet wired into the
// CLI's main: `node cli-runner.mjs record …` / `node cli-runner.mjs spool open …`. Needs the CLI built
// (npx tsc -b packages/cli/tsconfig.json). Exit codes and messages are the commands' own.
const [cmd, ...rest] = process.argv.slice(2);
const dist = new URL("../../cli/dist/", import.meta.url);
const { UsageError } = await import(new URL("usage.js", dist).href);
let run;
if (cmd === "record") run = (await import(new URL("commands/record.js", dist).href)).runRecord;
else if (cmd === "spool") run = (await import(new URL("commands/spool.js", dist).href)).runSpool;
else {
  process.stderr.write(`cli-runner: unknown command ${cmd}\n`);
  process.exit(2);
}
try {
  process.exitCode = await run(rest);
} catch (e) {
  process.stderr.write(`tracevault: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = e instanceof UsageError ? 2 : 1;
}
