import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { chmodSync, existsSync, readFileSync, statSync } from "node:fs";
import { z } from "zod";

/**
 * Key-encryption keys live behind this interface. Data keys are only ever stored wrapped by a KEK; the KEK
 * never leaves the KMS (for the local key file, it never leaves this process).
 */
export interface Kms {
  readonly name: string;
  /** Wrap a data key, binding `context` (e.g. the person pseudonym and month) as associated data. */
  wrap(key: Uint8Array, context: string): Promise<{ kekId: string; wrapped: string }>;
  unwrap(wrapped: string, kekId: string, context: string): Promise<Uint8Array>;
  /** Start wrapping with a new KEK version; older versions still unwrap until rewrapped. */
  rotate(): Promise<string>;
  currentKekId(): string;
}

const LocalKeyFile = z.object({
  kind: z.literal("tracevault-kek"),
  v: z.literal(1),
  current: z.string(),
  keys: z.record(z.string(), z.string().regex(/^[A-Za-z0-9_-]{43}$/)),
});
type LocalKeyFile = z.infer<typeof LocalKeyFile>;

/**
 * The embedded default: KEKs in a local key file created on first start with mode 0600, wrapping with
 * AES-256-GCM (12-byte random nonce, context as AAD). Rotation adds a version to the file.
 */
export class LocalKms implements Kms {
  readonly name = "local";
  private file: LocalKeyFile;

  private constructor(
    private readonly path: string,
    private readonly write: (path: string, data: string) => void,
  ) {
    if (!existsSync(path)) {
      const id = "kek-1";
      this.file = {
        kind: "tracevault-kek",
        v: 1,
        current: id,
        keys: { [id]: randomBytes(32).toString("base64url") },
      };
      this.save();
    } else {
      const mode = statSync(path).mode & 0o777;
      if (mode & 0o077)
        throw new Error(`key file ${path} is readable by others (mode ${mode.toString(8)}); chmod 600 it`);
      let parsed: unknown;
      try {
        parsed = JSON.parse(readFileSync(path, "utf8"));
      } catch {
        throw new Error(`key file ${path} is not JSON`);
      }
      const r = LocalKeyFile.safeParse(parsed);
      if (!r.success || !r.data.keys[r.data.current]) throw new Error(`key file ${path} is invalid`);
      this.file = r.data;
    }
  }

  /** Open (or create) the key file; `write` must write atomically with mode 0600. */
  static open(path: string, write: (path: string, data: string) => void): LocalKms {
    return new LocalKms(path, write);
  }

  private save(): void {
    this.write(this.path, JSON.stringify(this.file, null, 2) + "\n");
    chmodSync(this.path, 0o600);
  }

  currentKekId(): string {
    return this.file.current;
  }

  private kek(id: string): Buffer {
    const k = this.file.keys[id];
    if (!k) throw new Error(`key-encryption key ${id} is not in this key file`);
    return Buffer.from(k, "base64url");
  }

  async wrap(key: Uint8Array, context: string): Promise<{ kekId: string; wrapped: string }> {
    const nonce = randomBytes(12);
    const c = createCipheriv("aes-256-gcm", this.kek(this.file.current), nonce);
    c.setAAD(Buffer.from(context));
    const ct = Buffer.concat([c.update(key), c.final(), c.getAuthTag()]);
    return { kekId: this.file.current, wrapped: Buffer.concat([nonce, ct]).toString("base64url") };
  }

  async unwrap(wrapped: string, kekId: string, context: string): Promise<Uint8Array> {
    const b = Buffer.from(wrapped, "base64url");
    if (b.length < 12 + 16) throw new Error("wrapped key is truncated");
    const d = createDecipheriv("aes-256-gcm", this.kek(kekId), b.subarray(0, 12));
    d.setAAD(Buffer.from(context));
    d.setAuthTag(b.subarray(b.length - 16));
    try {
      return new Uint8Array(Buffer.concat([d.update(b.subarray(12, b.length - 16)), d.final()]));
    } catch {
      throw new Error("wrapped key does not open under its key-encryption key (altered, or wrong context)");
    }
  }

  async rotate(): Promise<string> {
    const n = Object.keys(this.file.keys).length + 1;
    const id = `kek-${n}`;
    this.file = {
      ...this.file,
      current: id,
      keys: { ...this.file.keys, [id]: randomBytes(32).toString("base64url") },
    };
    this.save();
    return id;
  }
}
