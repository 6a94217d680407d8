import {
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
} from "@aws-sdk/client-s3";
import { checkBlobKey, type BlobStore } from "./store.js";

/**
 * Blobs in an S3-compatible bucket (AWS S3, or any store speaking its API; tested against s3rver). A PUT is
 * atomic on S3: an object is either wholly there or absent.
 */
export class S3BlobStore implements BlobStore {
  private readonly client: S3Client;

  constructor(
    private readonly bucket: string,
    private readonly prefix: string,
    config: S3ClientConfig,
  ) {
    this.client = new S3Client({ forcePathStyle: true, ...config });
  }

  /** `s3://bucket/prefix?endpoint=http://127.0.0.1:9000&region=us-east-1` (credentials from the environment). */
  static fromUrl(url: string): S3BlobStore {
    const u = new URL(url);
    if (u.protocol !== "s3:") throw new Error(`blob store URL must start with s3://, got ${u.protocol}`);
    const endpoint = u.searchParams.get("endpoint") ?? undefined;
    return new S3BlobStore(u.hostname, u.pathname.replace(/^\/+/, ""), {
      region: u.searchParams.get("region") ?? process.env.AWS_REGION ?? "us-east-1",
      ...(endpoint ? { endpoint } : {}),
    });
  }

  private k(key: string): string {
    checkBlobKey(key);
    return this.prefix ? `${this.prefix.replace(/\/$/, "")}/${key}` : key;
  }

  async put(key: string, data: Uint8Array): Promise<void> {
    await this.client.send(new PutObjectCommand({ Bucket: this.bucket, Key: this.k(key), Body: data }));
  }

  async get(key: string): Promise<Uint8Array | undefined> {
    try {
      const r = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.k(key) }));
      return r.Body ? new Uint8Array(await r.Body.transformToByteArray()) : undefined;
    } catch (e) {
      if ((e as { name?: string }).name === "NoSuchKey") return undefined;
      throw e;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.k(key) }));
  }

  async list(prefix: string): Promise<string[]> {
    const out: string[] = [];
    const base = this.prefix ? `${this.prefix.replace(/\/$/, "")}/` : "";
    let token: string | undefined;
    do {
      const r = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.bucket, Prefix: base + prefix, ContinuationToken: token }),
      );
      for (const o of r.Contents ?? []) if (o.Key) out.push(o.Key.slice(base.length));
      token = r.IsTruncated ? r.NextContinuationToken : undefined;
    } while (token);
    return out.sort();
  }
}
