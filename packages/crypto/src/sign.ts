import { sign as edSign, verify as edVerify } from "node:crypto";
import { utf8 } from "./bytes.js";
import { canonicalJson } from "./canonical.js";
import { keyId, privateKeyFromRaw, publicKeyFromRaw } from "./keys.js";

/** A detached Ed25519 signature over the canonical JSON of a value, naming the key that made it. */
export interface Signature {
  alg: "ed25519";
  kid: string;
  sig: string; // base64url
}

/**
 * Sign `value` (any JSON value) with a raw Ed25519 private key. `context` separates uses (a lease signature
 * can never be replayed as a batch signature): the signed bytes are `context || 0x00 || canonicalJson(value)`.
 * @example const s = signJson("tracevault/lease/v1", lease, priv, pub)
 */
export function signJson(
  context: string,
  value: unknown,
  privateKey: Uint8Array,
  publicKey: Uint8Array,
): Signature {
  const sig = edSign(null, message(context, value), privateKeyFromRaw("ed25519", privateKey));
  return { alg: "ed25519", kid: keyId("ed25519", publicKey), sig: sig.toString("base64url") };
}

/** True when `signature` is a valid signature of `value` under `publicKey` for `context`. Never throws on bad input. */
export function verifyJson(
  context: string,
  value: unknown,
  signature: Signature,
  publicKey: Uint8Array,
): boolean {
  try {
    if (signature.alg !== "ed25519" || signature.kid !== keyId("ed25519", publicKey)) return false;
    const sig = Buffer.from(signature.sig, "base64url");
    if (sig.length !== 64) return false;
    return edVerify(null, message(context, value), publicKeyFromRaw("ed25519", publicKey), sig);
  } catch {
    return false;
  }
}

function message(context: string, value: unknown): Buffer {
  return Buffer.concat([utf8(context), Uint8Array.of(0), utf8(canonicalJson(value))]);
}

/** Raw Ed25519 signature over bytes (for binary layouts such as signed notes). */
export function signBytes(data: Uint8Array, privateKey: Uint8Array): Uint8Array {
  return new Uint8Array(edSign(null, data, privateKeyFromRaw("ed25519", privateKey)));
}

export function verifyBytes(data: Uint8Array, sig: Uint8Array, publicKey: Uint8Array): boolean {
  try {
    return sig.length === 64 && edVerify(null, data, publicKeyFromRaw("ed25519", publicKey), sig);
  } catch {
    return false;
  }
}
