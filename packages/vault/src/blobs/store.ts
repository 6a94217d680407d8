import type { Sql } from "../db/sql.js";

/** Where encrypted blobs live: local files by default, an S3-compatible bucket for fleets. Blobs are ciphertext. */
export interface BlobStore {
  put(key: string, data: Uint8Array): Promise<void>;
  get(key: string): Promise<Uint8Array | undefined>;
  delete(key: string): Promise<void>;
  /** Every key under a prefix (erasure deletes a person's blobs by prefix). */
  list(prefix: string): Promise<string[]>;
  /**
   * Stores that keep small blobs in the database: blobs of at most `inlineLimit` bytes can be written with
   * `putInTx` inside the caller's transaction, so they commit (and fsync) together with the rows that name them.
   */
  readonly inlineLimit?: number;
  putInTx?(q: Sql, key: string, data: Uint8Array): Promise<void>;
}

/** Keys are `a/b/c` paths of safe segments only (no `..`, no absolute paths). */
export function checkBlobKey(key: string): void {
  if (!/^[A-Za-z0-9_-]+(?:\/[A-Za-z0-9_.-]+)*$/.test(key) || key.includes(".."))
    throw new Error(`invalid blob key '${key}'`);
}
