import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from "node:fs";
import { dirname, join } from "node:path";

/** Read a file the user named, with an error that names it and says why. */
export function readUserFile(path: string, what: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT" ? "no such file" : code === "EACCES" ? "permission denied" : (code ?? "unreadable");
    throw new Error(`cannot read ${what} ${path}: ${why}`);
  }
}

/** Write atomically (temp file + fsync + rename), with the given mode; refuse to overwrite unless `force`. */
export function writeFileAtomic(path: string, data: string | Uint8Array, mode = 0o644, force = false): void {
  if (!force && existsSync(path)) throw new Error(`${path} already exists (refusing to overwrite)`);
  const tmp = join(dirname(path), `.${Date.now()}-${process.pid}.tmp`);
  const fd = openSync(tmp, "w", mode);
  try {
    const buf = typeof data === "string" ? Buffer.from(data) : data;
    let off = 0;
    while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}
