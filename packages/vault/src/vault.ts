import { createHmac, randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import {
  generateVaultKeys,
  parseVaultKeyFile,
  serializeVaultKeys,
  writeFileAtomic,
  type VaultKeys,
} from "@tracevault/crypto";
import { Accounts } from "./accounts.js";
import { AuditLog } from "./audit/log.js";
import { openDefaultBlobStore } from "./blobs/files.js";
import type { BlobStore } from "./blobs/store.js";
import { migrate, type Sql } from "./db/sql.js";
import { SqliteSql } from "./db/sqlite.js";
import { DataKeys } from "./keys/datakeys.js";
import { LocalKms, type Kms } from "./keys/kms.js";
import { Authorizer } from "./policy/cedar.js";
import { MIGRATIONS } from "./store/migrations.js";

/** Write a secret file atomically with mode 0600 (created so from the first byte). */
export function writeSecretFile(path: string, data: string | Uint8Array): void {
  writeFileAtomic(path, data, { mode: 0o600 });
}

function readSecretFile(path: string): string {
  const mode = statSync(path).mode & 0o777;
  if (mode & 0o077) throw new Error(`${path} is readable by others (mode ${mode.toString(8)}); chmod 600 it`);
  return readFileSync(path, "utf8");
}

export interface VaultOptions {
  /** Data directory (embedded defaults live here: vault.db, blobs/, keys/). */
  dataDir: string;
  /** Injected storage for PostgreSQL / S3 deployments; SQLite and files under dataDir otherwise. */
  sql?: Sql;
  blobs?: BlobStore;
  kms?: Kms;
  /** Origin name of the audit log's checkpoints. */
  origin?: string;
  /**
   * Refuse batches recorded while their device held no recording lease (403 no_lease, and the unleased-uploads
   * detector counts them and opens an incident for a device that keeps sending them). Default true. A batch
   * recorded under a grant the vault lost in a crash (grants are written behind) still gets in: its header
   * carries the signed lease (`leaseProof`). False only for tests of other features that upload hand-made
   * batches.
   */
  requireLease?: boolean;
}

/** Everything a request handler needs, opened once per process. */
export class Vault {
  private constructor(
    readonly dataDir: string,
    readonly db: Sql,
    readonly blobs: BlobStore,
    readonly kms: Kms,
    readonly keys: VaultKeys,
    readonly pseudonymKey: Uint8Array,
    readonly dataKeys: DataKeys,
    readonly audit: AuditLog,
    readonly accounts: Accounts,
    readonly authorizer: Authorizer,
    readonly origin: string,
    readonly requireLease: boolean,
  ) {}

  static async open(opts: VaultOptions): Promise<Vault> {
    const dir = opts.dataDir;
    mkdirSync(join(dir, "keys"), { recursive: true, mode: 0o700 });
    chmodSync(dir, 0o700);
    const keyPath = join(dir, "keys", "vault.key");
    if (!existsSync(keyPath)) {
      const files = serializeVaultKeys(generateVaultKeys());
      writeSecretFile(keyPath, files.key);
      writeSecretFile(join(dir, "vault.pub"), files.pub);
      chmodSync(join(dir, "vault.pub"), 0o644);
    }
    const keys = parseVaultKeyFile(readSecretFile(keyPath));
    const pseudoPath = join(dir, "keys", "pseudonym.key");
    if (!existsSync(pseudoPath)) writeSecretFile(pseudoPath, randomBytes(32).toString("base64url"));
    const pseudonymKey = new Uint8Array(Buffer.from(readSecretFile(pseudoPath).trim(), "base64url"));
    const db = opts.sql ?? new SqliteSql(join(dir, "vault.db"));
    await migrate(db, MIGRATIONS);
    // SQLite keeps small batch blobs in the same transaction as their row (one fsync, atomic); files otherwise
    const blobs = opts.blobs ?? (await openDefaultBlobStore(db, join(dir, "blobs")));
    const kms = opts.kms ?? LocalKms.open(join(dir, "keys", "kek.json"), writeSecretFile);
    const origin = opts.origin ?? `tracevault/${keys.sign.kid}`;
    const audit = new AuditLog(db, {
      origin,
      privateKey: keys.sign.privateKey,
      publicKey: keys.sign.publicKey,
    });
    const [latest] = await db.query<{ text: string }>(
      "SELECT text FROM policies ORDER BY version DESC LIMIT 1",
    );
    const authorizer = new Authorizer(latest?.text);
    return new Vault(
      dir,
      db,
      blobs,
      kms,
      keys,
      pseudonymKey,
      new DataKeys(db, kms),
      audit,
      new Accounts(db),
      authorizer,
      origin,
      opts.requireLease ?? true,
    );
  }

  /** Keyed pseudonym of a person id: stable within this deployment, meaningless outside it. */
  pseudonym(personId: string): string {
    return "p-" + createHmac("sha256", this.pseudonymKey).update(personId).digest("hex").slice(0, 24);
  }

  async close(): Promise<void> {
    await this.db.close();
  }
}
