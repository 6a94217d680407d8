// npm run bench -- code [--part N] [--of M]: what the engine masks in real program code, typed as a developer types
// it. The lines are read from the source files that `npm ci` installs into node_modules (JavaScript and TypeScript;
// the lock file fixes them): every M-th file from the N-th (default every 11th from the first), every fourth line of
// each. Nothing is labelled, so the figure is what was masked, by type and by where it stood: in a line's code (an
// argument, a key, a class: almost never a person) or in a comment or a copyright line (where authors' real names
// stand and are rightly masked). Not an accuracy figure: a watch on over-redaction in text nobody tuned the rules to.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { redactMany } from "../packages/privacy/dist/index.js";

function option(args, name, fallback) {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? Number(args[i + 1]) : fallback;
}

/** A comment's line, or one that names an author: people's names stand there. */
const COMMENT_LINE = /^\s*(?:\*|\/\/|\/\*|#)|copyright|@author|\bauthor\b/i;

export async function run(args = []) {
  const part = option(args, "--part", 0);
  const of = option(args, "--of", 11);
  if (!(Number.isInteger(of) && of >= 1 && Number.isInteger(part) && part >= 0 && part < of))
    throw new Error("--of must be a whole number ≥ 1 and --part one of 0 … of-1");
  const root = fileURLToPath(new URL("../node_modules/", import.meta.url));
  const files = execFileSync(
    "find",
    [
      ".",
      "-type",
      "f",
      "(",
      "-name",
      "*.js",
      "-o",
      "-name",
      "*.ts",
      "-o",
      "-name",
      "*.mjs",
      "-o",
      "-name",
      "*.cjs",
      ")",
      "-size",
      "-40k",
    ],
    { cwd: root, maxBuffer: 256 * 1024 * 1024 },
  )
    .toString()
    .split("\n")
    .filter((f) => f && !f.endsWith(".d.ts") && !f.includes(".min."))
    .sort()
    .filter((_, i) => i % of === part)
    .slice(0, 1500);
  const lines = [];
  for (const f of files) {
    const ls = readFileSync(root + f, "utf8")
      .split("\n")
      .filter((l) => l.trim().length > 3 && l.length < 300);
    for (let i = 0; i < ls.length; i += 4) lines.push(ls[i]);
  }
  const results = redactMany(lines, { channel: "typed" });
  const code = {};
  const comment = {};
  let codeLines = 0;
  results.forEach((r, i) => {
    const inComment = COMMENT_LINE.test(lines[i]);
    if (!inComment) codeLines++;
    for (const s of r.spans) {
      const into = inComment ? comment : code;
      into[s.type] = (into[s.type] ?? 0) + 1;
    }
  });
  console.log(
    JSON.stringify({
      name: "code",
      files: files.length,
      lines: lines.length,
      code_lines: codeLines,
      person_in_code_per_10k_lines: +((10_000 * (code.PERSON ?? 0)) / Math.max(1, codeLines)).toFixed(1),
      spans_in_code: code,
      spans_in_comments: comment,
    }),
  );
}
