import { createHash } from "node:crypto";
import { BatchHeader } from "@tracevault/core";
import { canonicalJson } from "./canonical.js";
import { utf8 } from "./bytes.js";
import { open, seal } from "./hpke.js";
import { signJson, verifyJson, type Signature } from "./sign.js";

/**
 * A sealed batch on disk and on the wire:
 *   "TVB1" | u32 BE header length | header (canonical JSON, the AEAD's associated data) | enc (32) | ciphertext
 * The payload is sealed with HPKE to the vault's X25519 key, so the device that wrote it cannot read it back.
 */
const MAGIC = utf8("TVB1");
const INFO = utf8("tracevault/batch/v1");
export const MAX_BATCH_BYTES = 64 * 1024 * 1024;

export class BatchFormatError extends Error {
  override name = "BatchFormatError";
}

export function sealBatch(header: BatchHeader, payload: Uint8Array, vaultPublicKey: Uint8Array): Uint8Array {
  const h = utf8(canonicalJson(BatchHeader.parse(header)));
  const { enc, ct } = seal(vaultPublicKey, INFO, h, payload);
  const len = new Uint8Array(4);
  new DataView(len.buffer).setUint32(0, h.length);
  return Buffer.concat([MAGIC, len, h, enc, ct]);
}

export interface ParsedBatch {
  header: BatchHeader;
  headerBytes: Uint8Array;
  enc: Uint8Array;
  ciphertext: Uint8Array;
}

/** Parse without decrypting (the uploader and the vault's first checks need only the header). */
export function parseBatch(bytes: Uint8Array): ParsedBatch {
  if (bytes.length > MAX_BATCH_BYTES)
    throw new BatchFormatError(`batch is larger than ${MAX_BATCH_BYTES} bytes`);
  if (
    bytes.length < 8 + 32 + 16 ||
    Buffer.compare(Buffer.from(bytes.subarray(0, 4)), Buffer.from(MAGIC)) !== 0
  )
    throw new BatchFormatError("not a tracevault batch (bad magic or truncated)");
  const hlen = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(4);
  if (hlen > 16 * 1024 || 8 + hlen + 32 + 16 > bytes.length)
    throw new BatchFormatError("batch header length is invalid");
  const headerBytes = bytes.subarray(8, 8 + hlen);
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(headerBytes).toString("utf8"));
  } catch {
    throw new BatchFormatError("batch header is not JSON");
  }
  const header = BatchHeader.safeParse(json);
  if (!header.success)
    throw new BatchFormatError(`batch header is invalid: ${header.error.issues[0]?.path.join(".")}`);
  if (canonicalJson(header.data) !== Buffer.from(headerBytes).toString("utf8"))
    throw new BatchFormatError("batch header is not in canonical form");
  return {
    header: header.data,
    headerBytes,
    enc: bytes.subarray(8 + hlen, 8 + hlen + 32),
    ciphertext: bytes.subarray(8 + hlen + 32),
  };
}

/** Decrypt a batch with the vault's private key; throws if anything was altered. */
export function openBatch(
  bytes: Uint8Array,
  vaultPrivateKey: Uint8Array,
): { header: BatchHeader; payload: Uint8Array } {
  const p = parseBatch(bytes);
  return { header: p.header, payload: open(vaultPrivateKey, p.enc, INFO, p.headerBytes, p.ciphertext) };
}

/** SHA-256 of the whole sealed batch: what the device signs and the vault deduplicates on. */
export function batchDigest(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** The context uploads are signed under (`signUpload`); the vault verifies with its cached key objects. */
export const UPLOAD_CONTEXT = "tracevault/upload/v1";

/** The device's signature over an upload: Ed25519 over the batch digest, in the upload context. */
export function signUpload(
  bytes: Uint8Array,
  devicePrivateKey: Uint8Array,
  devicePublicKey: Uint8Array,
): Signature {
  return signJson(UPLOAD_CONTEXT, { digest: batchDigest(bytes) }, devicePrivateKey, devicePublicKey);
}

export function verifyUpload(bytes: Uint8Array, sig: Signature, devicePublicKey: Uint8Array): boolean {
  return verifyJson(UPLOAD_CONTEXT, { digest: batchDigest(bytes) }, sig, devicePublicKey);
}
