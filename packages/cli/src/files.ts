import { readFileSync } from "node:fs";
import { writeFileAtomic as writeAtomically } from "@tracevault/crypto";

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
  writeAtomically(path, data, { mode, exclusive: !force });
}
