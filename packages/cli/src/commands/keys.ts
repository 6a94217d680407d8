import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { generateVaultKeys, serializeVaultKeys } from "@tracevault/crypto";
import { writeFileAtomic } from "../files.js";
import { UsageError } from "../usage.js";

/** `tracevault keys init --out DIR`: a vault key pair for offline collection. */
export async function runKeys(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== "init") throw new UsageError("usage: tracevault keys init --out DIR [--force]");
  let values;
  try {
    ({ values } = parseArgs({
      args: rest,
      options: { out: { type: "string" }, force: { type: "boolean" } },
    }));
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  if (!values.out) throw new UsageError("keys init needs --out DIR");
  mkdirSync(values.out, { recursive: true, mode: 0o700 });
  const keys = generateVaultKeys();
  const files = serializeVaultKeys(keys);
  writeFileAtomic(join(values.out, "vault.key"), files.key, 0o600, values.force);
  writeFileAtomic(join(values.out, "vault.pub"), files.pub, 0o644, values.force);
  process.stdout.write(
    `wrote ${join(values.out, "vault.key")} (private, mode 0600: keep it off recording machines)\n` +
      `wrote ${join(values.out, "vault.pub")} (give this to recorders)\n` +
      `sealing key ${keys.seal.kid}, signing key ${keys.sign.kid}\n`,
  );
  return 0;
}
