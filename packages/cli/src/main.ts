import { runKeys } from "./commands/keys.js";
import { runManifest } from "./commands/manifest.js";
import { runRedact } from "./commands/redact.js";
import { UsageError } from "./usage.js";

export { UsageError };

const USAGE = `usage: tracevault <command> [options]

commands:
  redact "TEXT"                 print TEXT with everything sensitive replaced
  redact --in FILE.jsonl|-      redact JSONL records {"id","text","channel"?}; one result line each
  keys init --out DIR           write a vault key pair (vault.key, vault.pub) for offline collection
  manifest init|sign|show       write, sign and inspect collection manifests
  start                         run tracevault with embedded defaults
  help                          this text
`;

function runStart(): number {
  // The vault server (issue 5) is what `start` will run; until it exists, say so plainly.
  process.stdout.write(
    "tracevault 0.1.0\n" +
      "The vault server is not built yet; what works today is the privacy engine:\n" +
      '  npx tracevault redact "text to redact"\n' +
      "  npx tracevault redact --in records.jsonl\n",
  );
  return 0;
}

/** Entry point of the `tracevault` command; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  try {
    switch (cmd) {
      case "redact":
        return await runRedact(rest);
      case "keys":
        return await runKeys(rest);
      case "manifest":
        return await runManifest(rest);
      case "start":
        return runStart();
      case undefined:
      case "help":
      case "--help":
      case "-h":
        process.stdout.write(USAGE);
        return cmd === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command '${cmd}'`);
    }
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`tracevault: ${err.message}\n\n${USAGE}`);
      return 2;
    }
    throw err;
  }
}
