import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import type { Kms } from "./kms.js";

/**
 * Keys for derived objects (a dataset export): one random AES-256 key per object, stored only wrapped by the
 * KMS under a context naming the object, and AES-256-GCM with the object's name as associated data. Destroying
 * the wrapped key (or the row holding it) makes the object unreadable.
 */
export interface ObjectKey {
  key: Uint8Array;
  kekId: string;
  wrapped: string;
}

export const objectKeyContext = (kind: string, id: string): string => `tracevault/${kind}/v1|${id}`;

export async function newObjectKey(kms: Kms, context: string): Promise<ObjectKey> {
  const key = new Uint8Array(randomBytes(32));
  const w = await kms.wrap(key, context);
  return { key, kekId: w.kekId, wrapped: w.wrapped };
}

/** nonce (12) || ciphertext || tag (16), with `aad` bound. */
export function sealObject(key: Uint8Array, aad: string, data: Uint8Array): Uint8Array {
  const nonce = randomBytes(12);
  const c = createCipheriv("aes-256-gcm", key, nonce);
  c.setAAD(Buffer.from(aad));
  return new Uint8Array(Buffer.concat([nonce, c.update(data), c.final(), c.getAuthTag()]));
}

export function openObject(key: Uint8Array, aad: string, sealed: Uint8Array): Uint8Array {
  const b = Buffer.from(sealed);
  if (b.length < 28) throw new Error("sealed object is truncated");
  const d = createDecipheriv("aes-256-gcm", key, b.subarray(0, 12));
  d.setAAD(Buffer.from(aad));
  d.setAuthTag(b.subarray(b.length - 16));
  try {
    return new Uint8Array(Buffer.concat([d.update(b.subarray(12, b.length - 16)), d.final()]));
  } catch {
    throw new Error("sealed object does not open: altered, or under another key");
  }
}
