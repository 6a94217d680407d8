import { runBreakglass } from "./commands/breakglass.js";
import { runDataset } from "./commands/dataset.js";
import { runExport } from "./commands/export.js";
import { runKms, runRetention } from "./commands/keyadmin.js";
import { runRequest } from "./commands/request.js";
import { runImportAgentnet } from "./commands/import-agentnet.js";
import { runKeys } from "./commands/keys.js";
import { runManifest } from "./commands/manifest.js";
import { runRedact } from "./commands/redact.js";
import { runReduce } from "./commands/reduce.js";
import { runAudit, runVault } from "./commands/vault.js";
import { UsageError } from "./usage.js";

export { UsageError };

const USAGE = `usage: tracevault <command> [options]

commands:
  redact "TEXT"                 print TEXT with everything sensitive replaced
  redact --in FILE.jsonl|-      redact JSONL records {"id","text","channel"?}; one result line each
  reduce EVENTS.jsonl --out DIR  reduce raw events to steps (a canonical episode)
  export DIR --format F --out PATH  agentnet|osworld|computer13|anthropic|openai|messages|hf
  import agentnet DIR --out DIR  import an AgentNetTool recording (through the privacy engine)
  keys init --out DIR           write a vault key pair (vault.key, vault.pub) for offline collection
  manifest init|sign|show       write, sign and inspect collection manifests
  start                         run the vault with embedded defaults in ./.tracevault ($TRACEVAULT_HOME)
  vault [--data DIR] [--port N] [--db postgres://…]   run the vault server
  audit verify|checkpoint --data DIR                   check the audit log / print its signed head
  dataset propose|list|approve|status|download   researcher datasets (approved by a privacy officer)
  request access|erasure|objection|list|handle   requests from recorded people
  breakglass request|approve|read                two-person raw access for incidents
  kms rotate|rewrap, retention run               key rotation and retention
  help                          this text
`;

/** Entry point of the `tracevault` command; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  try {
    switch (cmd) {
      case "redact":
        return await runRedact(rest);
      case "reduce":
        return await runReduce(rest);
      case "export":
        return await runExport(rest);
      case "import":
        if (rest[0] !== "agentnet")
          throw new UsageError("usage: tracevault import agentnet DIR --out EPISODE_DIR");
        return await runImportAgentnet(rest);
      case "keys":
        return await runKeys(rest);
      case "dataset":
        return await runDataset(rest);
      case "request":
        return await runRequest(rest);
      case "breakglass":
        return await runBreakglass(rest);
      case "kms":
        return await runKms(rest);
      case "retention":
        return await runRetention(rest);
      case "manifest":
        return await runManifest(rest);
      case "start":
        return await runVault(rest, true);
      case "vault":
        return await runVault(rest);
      case "audit":
        return await runAudit(rest);
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
