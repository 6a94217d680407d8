#!/usr/bin/env node
// Regenerates default-policy.ts from default-policy.json (the file people edit).
//   node packages/privacy/src/policy/sync-default.mjs          write default-policy.ts
//   node packages/privacy/src/policy/sync-default.mjs --check  exit 1 when it is out of date
// The package is pure (no fs at run time) and its tsconfig does not list JSON files, so the policy ships as
// a TypeScript module generated from the JSON; a unit test fails when the two differ.
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import * as prettier from "prettier";

const jsonPath = fileURLToPath(new URL("./default-policy.json", import.meta.url));
const tsPath = fileURLToPath(new URL("./default-policy.ts", import.meta.url));
const data = JSON.parse(readFileSync(jsonPath, "utf8"));
const source = [
  "// GENERATED from default-policy.json by sync-default.mjs. Do not edit: edit the JSON, then run",
  "// `node packages/privacy/src/policy/sync-default.mjs`.",
  'import type { PolicySourceInput } from "./schema.js";',
  "",
  "/** The default policy file, as written (validated and compiled by `loadPolicy` into `DEFAULT_POLICY`). */",
  `export const DEFAULT_POLICY_SOURCE: PolicySourceInput = ${JSON.stringify(data)};`,
  "",
].join("\n");
const options = (await prettier.resolveConfig(tsPath)) ?? {};
const formatted = await prettier.format(source, { ...options, filepath: tsPath });
if (process.argv.includes("--check")) {
  const current = existsSync(tsPath) ? readFileSync(tsPath, "utf8") : "";
  if (current !== formatted) {
    console.error("default-policy.ts is out of date: run node packages/privacy/src/policy/sync-default.mjs");
    process.exit(1);
  }
} else {
  writeFileSync(tsPath, formatted);
  console.log(`wrote ${tsPath} (policy version ${data.version})`);
}
