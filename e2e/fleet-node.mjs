// One vault node for the fleet e2e tests and the pause bench: the real vault (built dist), its HTTP API and
// the fleet channel, optionally joined to NATS. Configured by argv JSON; prints one JSON line when listening
// ({"url":…,"node":…}), answers {"cmd":"rss"} lines on stdin with {"rss":…,"connected":…}, stops on SIGTERM.
import { createInterface } from "node:readline";
import { buildServer, Vault } from "../packages/vault/dist/index.js";
import { attachFleetChannel } from "../packages/vault/dist/fleet/index.js";

const cfg = JSON.parse(process.argv[2] ?? "{}");
// Recorders here hold real leases: the vault refuses any batch recorded without one.
const vault = await Vault.open({ dataDir: cfg.dataDir, requireLease: cfg.requireLease ?? true });
const app = await buildServer(vault, { logger: false });
const fleet = await attachFleetChannel(app, vault, {
  nodeId: cfg.nodeId,
  leaseTtlMs: cfg.ttlMs ?? 60_000,
  ...(cfg.natsUrl ? { natsUrl: cfg.natsUrl } : {}),
  ...(cfg.resyncMs ? { resyncMs: cfg.resyncMs } : {}),
  ...(cfg.flushMs ? { flushMs: cfg.flushMs } : {}),
  ...(cfg.livenessMs ? { livenessMs: cfg.livenessMs } : {}),
  ...(cfg.requireConsent === false ? { requireConsent: false } : {}),
  detectors: false,
  log: (m) => process.stderr.write(`[${cfg.nodeId}] ${m}\n`),
});
const address = await app.listen({ port: cfg.port ?? 0, host: "127.0.0.1" });
process.stdout.write(JSON.stringify({ url: address, node: fleet.node, bus: fleet.busKind }) + "\n");
createInterface({ input: process.stdin }).on("line", (line) => {
  let cmd;
  try {
    cmd = JSON.parse(line).cmd;
  } catch {
    return;
  }
  if (cmd === "rss") {
    globalThis.gc?.();
    globalThis.gc?.();
    const m = process.memoryUsage();
    process.stdout.write(
      JSON.stringify({ rss: m.rss, heap: m.heapUsed, connected: fleet.connectedHere() }) + "\n",
    );
  }
});
const stop = async () => {
  await app.close();
  await vault.close();
  process.exit(0);
};
process.once("SIGTERM", () => void stop());
process.once("SIGINT", () => void stop());
