import { setFlagsFromString } from "node:v8";
import { UsageError } from "./usage.js";

export { UsageError };

const USAGE = `usage: tracevault <command> [options]

privacy engine
  redact "TEXT"                                  print TEXT with everything sensitive replaced
  redact --in FILE.jsonl|-                       redact JSONL records {"id","text","channel"?}; one result line each
training data
  reduce EVENTS.jsonl --out DIR                  reduce raw events to steps (a canonical episode)
  export DIR --format F --out PATH               agentnet|osworld|computer13|anthropic|openai|messages|hf
  import agentnet DIR --out DIR                  import an AgentNetTool recording (through the privacy engine)
recording
  record --vault URL --enroll TOKEN              record this desktop for a vault (see record --help)
  record --offline --vault-pub F --spool D --manifest F [--duration S]
  record --acknowledge | --status | --pause | --resume
  spool open --spool DIR --vault-key FILE --out DIR   decrypt a spool into an episode
  keys init --out DIR                            write a vault key pair (vault.key, vault.pub) for offline collection
  manifest init|sign|show                        write, sign and inspect collection manifests
vault
  start                                          the vault with embedded defaults in ./.tracevault ($TRACEVAULT_HOME)
  vault [--data DIR] [--port N] [--db postgres://…] [--blobs s3://…] [--kms …]
  audit verify|checkpoint --data DIR             check the audit log / print its signed head
  fleet pause|resume|status                      pause and resume recorders by scope; live status
  dataset propose|list|approve|status|download   researcher datasets (approved by a privacy officer)
  request access|erasure|objection|list|handle   requests from recorded people
  breakglass request|approve|read                two-person raw access for incidents
  kms rotate|rewrap, retention run               key rotation and retention
  help                                           this text
`;

type Command = (argv: string[]) => Promise<number>;

// Each command loads only its own modules, so `tracevault redact` does not pay for the vault's server stack.
const COMMANDS: Record<string, () => Promise<Command>> = {
  redact: async () => (await import("./commands/redact.js")).runRedact,
  reduce: async () => (await import("./commands/reduce.js")).runReduce,
  export: async () => (await import("./commands/export.js")).runExport,
  import: async () => async (argv) => {
    if (argv[0] !== "agentnet")
      throw new UsageError("usage: tracevault import agentnet DIR --out EPISODE_DIR");
    return (await import("./commands/import-agentnet.js")).runImportAgentnet(argv);
  },
  record: async () => {
    // The recorder runs all day beside people's work: keep V8's young generation at its starting size from the
    // first allocation (see packages/recorder/src/capture/heap.ts; ~20 MB less resident).
    setFlagsFromString("--semi-space-growth-factor=1");
    return (await import("./commands/record.js")).runRecord;
  },
  spool: async () => (await import("./commands/spool.js")).runSpool,
  keys: async () => (await import("./commands/keys.js")).runKeys,
  manifest: async () => (await import("./commands/manifest.js")).runManifest,
  start: async () => async (argv) => (await import("./commands/vault.js")).runVault(argv, true),
  vault: async () => (await import("./commands/vault.js")).runVault,
  audit: async () => (await import("./commands/vault.js")).runAudit,
  fleet: async () => (await import("./commands/fleet.js")).runFleet,
  dataset: async () => (await import("./commands/dataset.js")).runDataset,
  request: async () => (await import("./commands/request.js")).runRequest,
  breakglass: async () => (await import("./commands/breakglass.js")).runBreakglass,
  kms: async () => (await import("./commands/keyadmin.js")).runKms,
  retention: async () => (await import("./commands/keyadmin.js")).runRetention,
};

/** Entry point of the `tracevault` command; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  if (cmd === undefined || cmd === "help" || cmd === "--help" || cmd === "-h") {
    process.stdout.write(USAGE);
    return cmd === undefined ? 2 : 0;
  }
  try {
    const load = COMMANDS[cmd];
    if (!load) throw new UsageError(`unknown command '${cmd}'`);
    return await (
      await load()
    )(rest);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`tracevault: ${err.message}\n\n${USAGE}`);
      return 2;
    }
    throw err;
  }
}
