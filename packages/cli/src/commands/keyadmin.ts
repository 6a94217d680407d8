import { parseArgs } from "node:util";
import { UsageError } from "../usage.js";
import { CLIENT_OPTIONS, VaultClient, apiCommand, printJson } from "./client.js";

export const KMS_USAGE = `usage (fleet administrators; through the running vault, which keeps serving):
  tracevault kms status            the key-encryption key in use, and how many keys each version still wraps
  tracevault kms rotate            rotate the key-encryption key and rewrap every data and dataset key
  tracevault kms rewrap            finish an interrupted rotation
common: --url URL ($TRACEVAULT_URL) --token T ($TRACEVAULT_TOKEN) --purpose P (default operations)`;

export const RETENTION_USAGE = `usage (fleet administrators):
  tracevault retention run         delete batches and crypto-shred month keys past the manifests' retention now
                                   (the vault also does this by itself, hourly)
common: --url URL ($TRACEVAULT_URL) --token T ($TRACEVAULT_TOKEN) --purpose P (default operations)`;

function parse(argv: string[], usage: string) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, options: { ...CLIENT_OPTIONS } });
  } catch (e) {
    throw new UsageError(`${(e as Error).message}\n${usage}`);
  }
}

/** `tracevault kms status|rotate|rewrap`: key rotation without downtime, through the vault's API. */
export async function runKms(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  const { values: v } = parse(rest, KMS_USAGE);
  const c = () => new VaultClient({ url: v.url, token: v.token, purpose: v.purpose ?? "operations" });
  return apiCommand(async () => {
    if (sub === "status") printJson(await c().json("GET", "/api/v1/keys"));
    else if (sub === "rotate" || sub === "rewrap") printJson(await c().json("POST", `/api/v1/keys/${sub}`));
    else throw new UsageError(KMS_USAGE);
    return 0;
  });
}

/** `tracevault retention run`: apply retention now, through the vault's API. */
export async function runRetention(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  const { values: v } = parse(rest, RETENTION_USAGE);
  if (sub !== "run") throw new UsageError(RETENTION_USAGE);
  return apiCommand(async () => {
    const c = new VaultClient({ url: v.url, token: v.token, purpose: v.purpose ?? "operations" });
    printJson(await c.json("POST", "/api/v1/retention/run"));
    return 0;
  });
}
