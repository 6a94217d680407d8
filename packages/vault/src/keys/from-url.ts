import { AwsKms } from "./aws-kms.js";
import type { Kms } from "./kms.js";
import { VaultTransitKms } from "./vault-transit.js";

/**
 * Open a KMS adapter from a `--kms` value (undefined: the embedded local key file, chosen by Vault.open).
 * - `vault+https://vault.internal:8200/transit/KEY` — HashiCorp Vault Transit; token from $VAULT_TOKEN
 *   (and $VAULT_NAMESPACE if set).
 * - `awskms:KEY` — AWS KMS; KEY is a key id, ARN or `alias/NAME`; region and credentials from the AWS
 *   environment (AWS_REGION, AWS_PROFILE, instance role, …).
 * @example await openKms("awskms:alias/tracevault")
 */
export async function openKms(
  spec: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Kms | undefined> {
  if (!spec) return undefined;
  if (spec.startsWith("vault+")) return VaultTransitKms.connect(VaultTransitKms.optionsFromUrl(spec, env));
  if (spec.startsWith("awskms:")) {
    const keyId = spec.slice("awskms:".length);
    if (!keyId) throw new Error("--kms awskms:KEY needs a key id, ARN or alias/NAME");
    return AwsKms.connect({ keyId, config: env.AWS_REGION ? { region: env.AWS_REGION } : {} });
  }
  throw new Error(`unknown KMS '${spec}': use vault+https://HOST:8200/MOUNT/KEY or awskms:KEY`);
}
