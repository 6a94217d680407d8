import type { Vault } from "./vault.js";

/** Erasure: destroy the person's data keys (nothing of theirs can be decrypted again), then delete their blobs. */
export async function eraseUser(
  vault: Vault,
  personId: string,
  actor: string,
): Promise<{ months: string[]; blobs: number }> {
  const pseudonym = vault.pseudonym(personId);
  const months = await vault.db.tx(async (q) => {
    const m = await vault.dataKeys.shredPerson(pseudonym, "erasure", q);
    await q.exec("UPDATE people SET erased_at = $1 WHERE id = $2", [new Date().toISOString(), personId]);
    await vault.audit.append(
      { action: "erasure", actor, subject: pseudonym, detail: { months: m.length } },
      q,
    );
    return m;
  });
  const keys = await vault.blobs.list(`p/${pseudonym}/`);
  for (const k of keys) await vault.blobs.delete(k);
  await vault.db.exec("DELETE FROM batches WHERE person = $1", [pseudonym]);
  return { months, blobs: keys.length };
}
