import { randomBytes } from "node:crypto";
import { mkdir, open, readdir, readFile, rename, rm, type FileHandle } from "node:fs/promises";
import { dirname, join, relative, sep } from "node:path";
import { migrate, type Sql } from "../db/sql.js";
import { checkBlobKey, type BlobStore } from "./store.js";

async function fsyncDir(dir: string): Promise<void> {
  const d = await open(dir, "r");
  try {
    await d.sync();
  } finally {
    await d.close();
  }
}

/**
 * Blobs as files under one directory: written to a temp name, fsynced, renamed, and the directory fsynced (so
 * the rename survives power loss too: a row committed after `put` never names a file that is not there).
 */
export class FileBlobStore implements BlobStore {
  /** Directories known to exist: `mkdir -p` on every put costs a syscall per path segment. */
  private readonly made = new Set<string>();

  constructor(private readonly root: string) {}

  /** `mkdir -p`, then fsync the parent of each directory it made, so their entries are durable too. */
  private async makeDir(dir: string): Promise<void> {
    const first = await mkdir(dir, { recursive: true, mode: 0o700 });
    if (first === undefined) return;
    for (let d = dirname(first); ; d = join(d, relative(d, dir).split(sep)[0]!)) {
      await fsyncDir(d);
      if (relative(d, dir).split(sep).length <= 1) break;
    }
  }

  private async openTmp(dir: string, tmp: string): Promise<FileHandle> {
    if (!this.made.has(dir)) {
      await this.makeDir(dir);
      if (this.made.size > 10_000) this.made.clear();
      this.made.add(dir);
    }
    try {
      return await open(tmp, "w", 0o600);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
      // Removed behind our back: make it again.
      await this.makeDir(dir);
      return open(tmp, "w", 0o600);
    }
  }

  async put(key: string, data: Uint8Array): Promise<void> {
    checkBlobKey(key);
    const path = join(this.root, key);
    const dir = dirname(path);
    const tmp = `${path}.${randomBytes(6).toString("hex")}.tmp`;
    const fh = await this.openTmp(dir, tmp);
    try {
      await fh.writeFile(data);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, path);
    await fsyncDir(dir);
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

/** The table small blobs live in; SQLite and PostgreSQL spell a byte column differently. */
function inlineBlobMigrations(dialect: Sql["dialect"]) {
  return [
    {
      id: "inline-blobs-1",
      sql: `CREATE TABLE inline_blobs (key TEXT PRIMARY KEY, data ${dialect === "sqlite" ? "BLOB" : "BYTEA"} NOT NULL)`,
    },
  ];
}

/** Above this a blob goes to the outer store: SQLite reads and writes blobs up to ~100 KB faster than files. */
export const DEFAULT_INLINE_LIMIT = 256 * 1024;

/**
 * Small blobs in the vault's own database, larger ones in another store (files, S3). An ingested batch of
 * ordinary size (1,000 events are ~10–50 KB sealed) then commits with its row in one transaction: one fsync
 * instead of two, and no blob without a row or row without a blob after a crash. Deleting a key removes it
 * from both places; listing merges both.
 */
export class InlineBlobStore implements BlobStore {
  private constructor(
    private readonly db: Sql,
    private readonly outer: BlobStore,
    readonly inlineLimit: number,
  ) {}

  static async open(db: Sql, outer: BlobStore, inlineLimit = DEFAULT_INLINE_LIMIT): Promise<InlineBlobStore> {
    await migrate(db, inlineBlobMigrations(db.dialect));
    return new InlineBlobStore(db, outer, inlineLimit);
  }

  async putInTx(q: Sql, key: string, data: Uint8Array): Promise<void> {
    checkBlobKey(key);
    if (data.length > this.inlineLimit)
      throw new Error(`blob of ${data.length} bytes is over the inline limit of ${this.inlineLimit}`);
    await q.exec(
      "INSERT INTO inline_blobs (key, data) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET data = excluded.data",
      [key, data],
    );
  }

  /**
   * Outside a transaction a blob goes to the outer store: only what ingest commits together with its row is
   * inlined, so nothing else (exports, debug dumps) lingers in the database's free pages after deletion.
   */
  async put(key: string, data: Uint8Array): Promise<void> {
    checkBlobKey(key);
    await this.outer.put(key, data);
    await this.db.exec("DELETE FROM inline_blobs WHERE key = $1", [key]);
  }

  async get(key: string): Promise<Uint8Array | undefined> {
    checkBlobKey(key);
    const [r] = await this.db.query<{ data: Uint8Array }>("SELECT data FROM inline_blobs WHERE key = $1", [
      key,
    ]);
    return r ? new Uint8Array(r.data) : this.outer.get(key);
  }

  async delete(key: string): Promise<void> {
    checkBlobKey(key);
    await this.db.exec("DELETE FROM inline_blobs WHERE key = $1", [key]);
    await this.outer.delete(key);
  }

  async list(prefix: string): Promise<string[]> {
    // Keys use only [A-Za-z0-9_./-], all below "~": [prefix, prefix + "~") is exactly the keys under prefix.
    // PostgreSQL compares text by locale unless told otherwise.
    const c = this.db.dialect === "postgres" ? ' COLLATE "C"' : "";
    const rows = await this.db.query<{ key: string }>(
      `SELECT key FROM inline_blobs WHERE key${c} >= $1 AND key${c} < $2`,
      [prefix, prefix + "~"],
    );
    const keys = new Set(rows.map((r) => r.key).filter((k) => k.startsWith(prefix)));
    for (const k of await this.outer.list(prefix)) keys.add(k);
    return [...keys].sort();
  }
}

/**
 * The blob store a vault uses when none is injected: on SQLite, small blobs inline in the database and the rest
 * as files under `dir`; on PostgreSQL, files (fleets inject an S3 store).
 */
export async function openDefaultBlobStore(db: Sql, dir: string): Promise<BlobStore> {
  const files = new FileBlobStore(dir);
  return db.dialect === "sqlite" ? InlineBlobStore.open(db, files) : files;
}
