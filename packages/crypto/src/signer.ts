import { sign, verify, type KeyObject } from "node:crypto";
import { canonicalJson } from "./canonical.js";
import { keyId, privateKeyFromRaw, publicKeyFromRaw } from "./keys.js";
import type { Signature } from "./sign.js";

/**
 * `signJson` / `verifyJson` (sign.ts) — the same signed bytes (`context || 0x00 || canonical JSON`)
 * and the same signature format — with the key objects built once. Importing a raw key into node:crypto costs
 * far more than the Ed25519 operation itself; the fleet signs a lease per recorder per renewal and a recorder
 * signs each challenge and verifies each lease.
 */
function message(context: string, value: unknown): Buffer {
  return Buffer.concat([
    Buffer.from(context, "utf8"),
    Buffer.of(0),
    Buffer.from(canonicalJson(value), "utf8"),
  ]);
}

export class Ed25519Signer {
  private readonly key: KeyObject;
  readonly kid: string;
  constructor(privateKey: Uint8Array, publicKey: Uint8Array) {
    this.key = privateKeyFromRaw("ed25519", privateKey);
    this.kid = keyId("ed25519", publicKey);
  }

  sign(context: string, value: unknown): Signature {
    return {
      alg: "ed25519",
      kid: this.kid,
      sig: sign(null, message(context, value), this.key).toString("base64url"),
    };
  }
}

const publicKeys = new Map<string, { key: KeyObject; kid: string }>();

/** True when `signature` is a valid signature of `value` under `publicKey` for `context`. Never throws. */
export function verifySignature(
  context: string,
  value: unknown,
  signature: Signature,
  publicKey: Uint8Array,
): boolean {
  try {
    const id = Buffer.from(publicKey).toString("base64url");
    let k = publicKeys.get(id);
    if (!k) {
      if (publicKeys.size > 50_000) publicKeys.clear();
      k = { key: publicKeyFromRaw("ed25519", publicKey), kid: keyId("ed25519", publicKey) };
      publicKeys.set(id, k);
    }
    if (signature.alg !== "ed25519" || signature.kid !== k.kid || typeof signature.sig !== "string")
      return false;
    const sig = Buffer.from(signature.sig, "base64url");
    if (sig.length !== 64) return false;
    return verify(null, message(context, value), k.key, sig);
  } catch {
    return false;
  }
}
