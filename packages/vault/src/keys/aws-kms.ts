import {
  DecryptCommand,
  DescribeKeyCommand,
  EncryptCommand,
  KMSClient,
  ListKeyRotationsCommand,
  RotateKeyOnDemandCommand,
  type KMSClientConfig,
} from "@aws-sdk/client-kms";
import type { Kms } from "./kms.js";

/**
 * AWS KMS as the KMS: data keys are wrapped with `Encrypt` under a symmetric KMS key and unwrapped with
 * `Decrypt`, both with an `EncryptionContext` that binds the person pseudonym and month (KMS refuses to decrypt
 * with a different context, and logs the context in CloudTrail). The key-encryption key never leaves KMS.
 *
 * Rotation: `RotateKeyOnDemand` gives the KMS key new backing material; KMS keeps the old material for
 * decryption. The KEK id stored beside each wrapped key is `aws-kms:{keyArn}#r{N}` where N is the number of
 * rotations (`ListKeyRotations`) when it was wrapped, so `rewrapAll()` after `rotate()` re-encrypts every data
 * key under the newest material. (On AWS an on-demand rotation completes asynchronously; rewrap once
 * `ListKeyRotations` shows it.)
 */
export interface AwsKmsOptions {
  /** Key id, ARN, or alias (`alias/tracevault`). */
  keyId: string;
  client?: KMSClient;
  config?: KMSClientConfig;
}

export class AwsKms implements Kms {
  readonly name = "aws-kms";
  private rotations = 0;
  private arn = "";
  private readonly client: KMSClient;

  private constructor(private readonly opts: AwsKmsOptions) {
    this.client = opts.client ?? new KMSClient(opts.config ?? {});
  }

  /** Resolve the key's ARN and its rotation count. */
  static async connect(opts: AwsKmsOptions): Promise<AwsKms> {
    const k = new AwsKms(opts);
    const d = await k.client.send(new DescribeKeyCommand({ KeyId: opts.keyId }));
    const meta = d.KeyMetadata;
    if (!meta?.Arn) throw new Error(`AWS KMS key ${opts.keyId} was not found`);
    if (meta.KeySpec && meta.KeySpec !== "SYMMETRIC_DEFAULT")
      throw new Error(`AWS KMS key ${opts.keyId} is ${meta.KeySpec}; a SYMMETRIC_DEFAULT key is needed`);
    if (meta.KeyState && meta.KeyState !== "Enabled")
      throw new Error(`AWS KMS key ${opts.keyId} is ${meta.KeyState}`);
    k.arn = meta.Arn;
    await k.refresh();
    return k;
  }

  /** Re-count rotations (every page of `ListKeyRotations`). */
  async refresh(): Promise<number> {
    let n = 0;
    let marker: string | undefined;
    do {
      const r = await this.client.send(new ListKeyRotationsCommand({ KeyId: this.arn, Marker: marker }));
      n += r.Rotations?.length ?? 0;
      marker = r.Truncated ? r.NextMarker : undefined;
    } while (marker);
    this.rotations = n;
    return n;
  }

  private ctx(context: string): Record<string, string> {
    return { tracevault: context };
  }

  currentKekId(): string {
    return `aws-kms:${this.arn}#r${this.rotations}`;
  }

  async wrap(key: Uint8Array, context: string): Promise<{ kekId: string; wrapped: string }> {
    const r = await this.client.send(
      new EncryptCommand({ KeyId: this.arn, Plaintext: key, EncryptionContext: this.ctx(context) }),
    );
    if (!r.CiphertextBlob) throw new Error("AWS KMS Encrypt returned no CiphertextBlob");
    return { kekId: this.currentKekId(), wrapped: Buffer.from(r.CiphertextBlob).toString("base64") };
  }

  async unwrap(wrapped: string, kekId: string, context: string): Promise<Uint8Array> {
    if (!kekId.startsWith(`aws-kms:${this.arn}#`))
      throw new Error(`key-encryption key ${kekId} is not this AWS KMS key`);
    const r = await this.client.send(
      new DecryptCommand({
        KeyId: this.arn,
        CiphertextBlob: Buffer.from(wrapped, "base64"),
        EncryptionContext: this.ctx(context),
      }),
    );
    if (!r.Plaintext) throw new Error("AWS KMS Decrypt returned no Plaintext");
    return new Uint8Array(r.Plaintext);
  }

  async rotate(): Promise<string> {
    await this.client.send(new RotateKeyOnDemandCommand({ KeyId: this.arn }));
    await this.refresh();
    return this.currentKekId();
  }
}
