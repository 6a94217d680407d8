import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from "node:crypto";
import { concat, hex } from "./bytes.js";

// DER prefixes that wrap a raw 32-byte key into PKCS#8 / SPKI, so raw keys (as RFC 9180 and Ed25519 specify
// them) can be handed to node:crypto without any other encoding.
const PKCS8_PREFIX = {
  x25519: Uint8Array.from(Buffer.from("302e020100300506032b656e04220420", "hex")),
  ed25519: Uint8Array.from(Buffer.from("302e020100300506032b657004220420", "hex")),
};
const SPKI_PREFIX = {
  x25519: Uint8Array.from(Buffer.from("302a300506032b656e032100", "hex")),
  ed25519: Uint8Array.from(Buffer.from("302a300506032b6570032100", "hex")),
};

export type Curve = "x25519" | "ed25519";

export function privateKeyFromRaw(curve: Curve, raw: Uint8Array): KeyObject {
  if (raw.length !== 32) throw new Error(`${curve} private key must be 32 bytes, got ${raw.length}`);
  return createPrivateKey({
    key: Buffer.from(concat(PKCS8_PREFIX[curve], raw)),
    format: "der",
    type: "pkcs8",
  });
}

export function publicKeyFromRaw(curve: Curve, raw: Uint8Array): KeyObject {
  if (raw.length !== 32) throw new Error(`${curve} public key must be 32 bytes, got ${raw.length}`);
  return createPublicKey({ key: Buffer.from(concat(SPKI_PREFIX[curve], raw)), format: "der", type: "spki" });
}

export function rawPublicKey(key: KeyObject): Uint8Array {
  const pub = key.type === "private" ? createPublicKey(key) : key;
  const der = pub.export({ format: "der", type: "spki" });
  return new Uint8Array(der.subarray(der.length - 32));
}

export function rawPrivateKey(key: KeyObject): Uint8Array {
  const der = key.export({ format: "der", type: "pkcs8" });
  return new Uint8Array(der.subarray(der.length - 32));
}

/** A raw key pair; private keys never leave the process that made them unless written to a 0600 file. */
export interface RawKeyPair {
  curve: Curve;
  privateKey: Uint8Array;
  publicKey: Uint8Array;
}

/** @example generateRawKeyPair("x25519").publicKey.length // 32 */
export function generateRawKeyPair(curve: Curve): RawKeyPair {
  const { privateKey } = curve === "x25519" ? generateKeyPairSync("x25519") : generateKeyPairSync("ed25519");
  return { curve, privateKey: rawPrivateKey(privateKey), publicKey: rawPublicKey(privateKey) };
}

/** Public key derived from a raw private key. */
export function publicFromPrivate(curve: Curve, raw: Uint8Array): Uint8Array {
  return rawPublicKey(privateKeyFromRaw(curve, raw));
}

/**
 * A short, stable key id: the first 16 hex digits of SHA-256 over the curve name and the raw public key.
 * @example keyId("ed25519", pub) // "3f9a0c…" (16 hex digits)
 */
export function keyId(curve: Curve, publicKey: Uint8Array): string {
  return hex(createHash("sha256").update(curve).update(publicKey).digest()).slice(0, 16);
}
