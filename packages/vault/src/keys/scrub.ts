import type { Sql } from "../db/sql.js";

/**
 * Destroyed data keys must not survive in the database files. A deleted row's bytes normally stay in free pages
 * (SQLite) or dead tuples (PostgreSQL) and in the write-ahead log; with the key-encryption key on the same disk,
 * someone with the files could unwrap them again. Call `beforeKeyDeletion` before deleting wrapped keys and
 * `afterKeyDeletion` after the deleting transaction committed:
 * - SQLite: `secure_delete` makes deletes overwrite the freed cells, then the WAL is checkpointed and truncated
 *   so no older copy of the page remains in it.
 * - PostgreSQL: `VACUUM FULL data_keys` rewrites the table without the dead tuples. WAL segments and archives
 *   keep older pages until they are recycled; for those (and any backup) the remedy is `kms.rotate()` plus
 *   `rewrapAll()` and destroying the old key-encryption key version in the KMS.
 */
export async function beforeKeyDeletion(db: Sql): Promise<void> {
  if (db.dialect === "sqlite") await db.exec("PRAGMA secure_delete = ON");
}

export async function afterKeyDeletion(db: Sql): Promise<void> {
  if (db.dialect === "sqlite") await db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
  else await db.exec("VACUUM FULL data_keys");
}
