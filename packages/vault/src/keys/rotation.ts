import type { Vault } from "../vault.js";
import { objectKeyContext } from "./objectkeys.js";

/**
 * Key rotation without downtime: the KMS starts wrapping with a new key-encryption key version (older versions
 * still unwrap), then every wrapped key — person-month data keys and dataset keys — is rewrapped one at a time
 * while the vault keeps serving. Each rewrap is a guarded single-row update, so a concurrent writer or a second
 * run is harmless, and an interrupted run is finished by `rewrapKeys` (also safe to run at any time).
 */
export interface RewrapResult {
  kekId: string;
  dataKeys: number;
  datasetKeys: number;
}

export async function rewrapKeys(vault: Vault): Promise<RewrapResult> {
  const dataKeys = await vault.dataKeys.rewrapAll();
  const current = vault.kms.currentKekId();
  const rows = await vault.db.query<{ id: string; kek_id: string; wrapped_key: string }>(
    "SELECT id, kek_id, wrapped_key FROM datasets WHERE wrapped_key IS NOT NULL AND kek_id <> $1",
    [current],
  );
  let datasetKeys = 0;
  for (const r of rows) {
    const ctx = objectKeyContext("dataset", r.id);
    const key = await vault.kms.unwrap(r.wrapped_key, r.kek_id, ctx);
    const w = await vault.kms.wrap(key, ctx);
    datasetKeys += (
      await vault.db.exec("UPDATE datasets SET kek_id = $1, wrapped_key = $2 WHERE id = $3 AND kek_id = $4", [
        w.kekId,
        w.wrapped,
        r.id,
        r.kek_id,
      ])
    ).changes;
  }
  return { kekId: current, dataKeys, datasetKeys };
}

/** Rotate the KMS key, then rewrap everything under the new version. Audited as `key.rotate`. */
export async function rotateKeys(vault: Vault, actor: string): Promise<RewrapResult & { previous: string }> {
  const previous = vault.kms.currentKekId();
  const kekId = await vault.kms.rotate();
  await vault.audit.append({
    action: "key.rotate",
    actor,
    detail: { kms: vault.kms.name, previous, current: kekId },
  });
  const r = await rewrapKeys(vault);
  await vault.audit.append({
    action: "key.rotate",
    actor,
    detail: {
      kms: vault.kms.name,
      current: r.kekId,
      rewrappedDataKeys: r.dataKeys,
      rewrappedDatasetKeys: r.datasetKeys,
    },
  });
  return { ...r, previous };
}

/** Which KEK versions still wrap how many keys (no key material). */
export async function keyStatus(vault: Vault): Promise<{
  kms: string;
  current: string;
  dataKeys: { kekId: string; n: number }[];
  datasetKeys: { kekId: string; n: number }[];
}> {
  const dk = await vault.db.query<{ kek_id: string; n: number }>(
    "SELECT kek_id, COUNT(*) AS n FROM data_keys GROUP BY kek_id ORDER BY kek_id",
  );
  const ds = await vault.db.query<{ kek_id: string; n: number }>(
    "SELECT kek_id, COUNT(*) AS n FROM datasets WHERE wrapped_key IS NOT NULL GROUP BY kek_id ORDER BY kek_id",
  );
  return {
    kms: vault.kms.name,
    current: vault.kms.currentKekId(),
    dataKeys: dk.map((r) => ({ kekId: r.kek_id, n: Number(r.n) })),
    datasetKeys: ds.map((r) => ({ kekId: r.kek_id, n: Number(r.n) })),
  };
}
