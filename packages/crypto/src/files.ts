import { randomBytes } from "node:crypto";
import { chmodSync, closeSync, existsSync, fsyncSync, openSync, renameSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";

export interface WriteFileOptions {
  /** File mode (default 0600: key files, device identities, state that names people). */
  mode?: number;
  /** Refuse when the file exists (default false: replace it). */
  exclusive?: boolean;
}

/**
 * Write a file so that a crash leaves either the old or the new content, never a torn or half-permissioned one:
 * a temp file beside it created with the final mode, written, fsynced, renamed over it, and the directory
 * fsynced. Key files, device identities and manifests are written with it.
 * @example
 * writeFileAtomic("/var/lib/tracevault/keys/vault.key", json);            // 0600
 * writeFileAtomic("manifest.json", text, { mode: 0o644, exclusive: true }); // refuses to overwrite
 */
export function writeFileAtomic(path: string, data: string | Uint8Array, opts: WriteFileOptions = {}): void {
  const mode = opts.mode ?? 0o600;
  if (opts.exclusive && existsSync(path)) throw new Error(`${path} already exists (refusing to overwrite)`);
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  const fd = openSync(tmp, "wx", mode);
  try {
    const buf = typeof data === "string" ? Buffer.from(data) : data;
    let off = 0;
    while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  // the umask may have narrowed the mode given to open(); the file gets exactly the one asked for
  chmodSync(tmp, mode);
  renameSync(tmp, path);
  try {
    const dir = openSync(dirname(path), "r");
    try {
      fsyncSync(dir);
    } finally {
      closeSync(dir);
    }
  } catch {
    /* some file systems cannot fsync a directory; the rename itself is atomic */
  }
}
