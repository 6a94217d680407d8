#!/usr/bin/env node
// npm run bench -- NAME [args]: runs bench/NAME.mjs, which prints one JSON line per benchmark.
import { existsSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";

const [name, ...rest] = process.argv.slice(2);
if (!name) {
  console.error(
    "usage: npm run bench -- NAME   (redact, eval, holdout, recognizers, ocr, ingest, recorder, reduce, pause, …: the files in bench/)",
  );
  process.exit(2);
}
const file = fileURLToPath(new URL(`./${name}.mjs`, import.meta.url));
if (!/^[a-z0-9-]+$/.test(name) || !existsSync(file)) {
  console.error(`bench: no benchmark named '${name}'`);
  process.exit(2);
}
const mod = await import(pathToFileURL(file).href);
await mod.run(rest);
