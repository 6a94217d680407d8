/** Where encrypted blobs live: local files by default, an S3-compatible bucket for fleets. Blobs are ciphertext. */
export interface BlobStore {
  put(key: string, data: Uint8Array): Promise<void>;
  get(key: string): Promise<Uint8Array | undefined>;
  delete(key: string): Promise<void>;
  /** Every key under a prefix (erasure deletes a person's blobs by prefix). */
  list(prefix: string): Promise<string[]>;
}

/** Keys are `a/b/c` paths of safe segments only (no `..`, no absolute paths). */
export function checkBlobKey(key: string): void {
  if (!/^[A-Za-z0-9_-]+(?:\/[A-Za-z0-9_.-]+)*$/.test(key) || key.includes(".."))
    throw new Error(`invalid blob key '${key}'`);
}
