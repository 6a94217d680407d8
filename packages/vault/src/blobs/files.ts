import { randomBytes } from "node:crypto";
import { mkdir, open, readdir, readFile, rename, rm } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { checkBlobKey, type BlobStore } from "./store.js";

/** Blobs as files under one directory: written to a temp name, fsynced, renamed (never half-written). */
export class FileBlobStore implements BlobStore {
  constructor(private readonly root: string) {}

  async put(key: string, data: Uint8Array): Promise<void> {
    checkBlobKey(key);
    const path = join(this.root, key);
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    const tmp = `${path}.${randomBytes(6).toString("hex")}.tmp`;
    const fh = await open(tmp, "w", 0o600);
    try {
      await fh.writeFile(data);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, path);
  }

  async get(key: string): Promise<Uint8Array | undefined> {
    checkBlobKey(key);
    try {
      return new Uint8Array(await readFile(join(this.root, key)));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw e;
    }
  }

  async delete(key: string): Promise<void> {
    checkBlobKey(key);
    await rm(join(this.root, key), { force: true });
  }

  async list(prefix: string): Promise<string[]> {
    const out: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      let names;
      try {
        names = await readdir(dir, { withFileTypes: true });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === "ENOENT") return;
        throw e;
      }
      for (const n of names) {
        const p = join(dir, n.name);
        if (n.isDirectory()) await walk(p);
        else if (!n.name.endsWith(".tmp")) out.push(relative(this.root, p));
      }
    };
    await walk(this.root);
    return out.filter((k) => k.startsWith(prefix)).sort();
  }
}
