import { createCipheriv, createDecipheriv, createHmac, diffieHellman, randomBytes } from "node:crypto";
import { concat, i2osp, utf8 } from "./bytes.js";
import { privateKeyFromRaw, publicFromPrivate, publicKeyFromRaw } from "./keys.js";

/**
 * HPKE (RFC 9180), base mode, DHKEM(X25519, HKDF-SHA256) with HKDF-SHA256 and AES-GCM, on node:crypto.
 * tracevault seals with AES-256-GCM; AES-128-GCM is here so the RFC's published vectors (appendix A.1) can
 * check every shared step.
 */
export type Aead = "aes-128-gcm" | "aes-256-gcm";

const KEM_ID = 0x0020;
const KDF_ID = 0x0001;
const AEAD_ID: Record<Aead, number> = { "aes-128-gcm": 0x0001, "aes-256-gcm": 0x0002 };
const NK: Record<Aead, number> = { "aes-128-gcm": 16, "aes-256-gcm": 32 };
const NN = 12;
const NH = 32;
const HPKE_V1 = utf8("HPKE-v1");
const KEM_SUITE = concat(utf8("KEM"), i2osp(KEM_ID, 2));

function hkdfExtract(salt: Uint8Array, ikm: Uint8Array): Uint8Array {
  return new Uint8Array(
    createHmac("sha256", salt.length ? salt : new Uint8Array(NH))
      .update(ikm)
      .digest(),
  );
}

function hkdfExpand(prk: Uint8Array, info: Uint8Array, len: number): Uint8Array {
  const out = new Uint8Array(len);
  let t = new Uint8Array(0);
  for (let i = 1, o = 0; o < len; i++) {
    t = new Uint8Array(createHmac("sha256", prk).update(t).update(info).update(Uint8Array.of(i)).digest());
    out.set(t.subarray(0, Math.min(t.length, len - o)), o);
    o += t.length;
  }
  return out;
}

function labeledExtract(suite: Uint8Array, salt: Uint8Array, label: string, ikm: Uint8Array): Uint8Array {
  return hkdfExtract(salt, concat(HPKE_V1, suite, utf8(label), ikm));
}

function labeledExpand(suite: Uint8Array, prk: Uint8Array, label: string, info: Uint8Array, len: number) {
  return hkdfExpand(prk, concat(i2osp(len, 2), HPKE_V1, suite, utf8(label), info), len);
}

/**
 * RFC 9180 DeriveKeyPair for X25519: a deterministic key pair from input keying material.
 * @example deriveKeyPair(ikm).publicKey.length // 32
 */
export function deriveKeyPair(ikm: Uint8Array): { privateKey: Uint8Array; publicKey: Uint8Array } {
  const prk = labeledExtract(KEM_SUITE, new Uint8Array(0), "dkp_prk", ikm);
  const sk = labeledExpand(KEM_SUITE, prk, "sk", new Uint8Array(0), 32);
  return { privateKey: sk, publicKey: publicFromPrivate("x25519", sk) };
}

function dh(sk: Uint8Array, pk: Uint8Array): Uint8Array {
  let secret: Uint8Array;
  try {
    secret = new Uint8Array(
      diffieHellman({
        privateKey: privateKeyFromRaw("x25519", sk),
        publicKey: publicKeyFromRaw("x25519", pk),
      }),
    );
  } catch {
    secret = new Uint8Array(32);
  }
  // RFC 9180 §7.1.4: an all-zero shared secret means a small-order public key; refuse it.
  if (secret.every((b) => b === 0)) throw new Error("invalid X25519 public key");
  return secret;
}

function extractAndExpand(dhOut: Uint8Array, kemContext: Uint8Array): Uint8Array {
  const prk = labeledExtract(KEM_SUITE, new Uint8Array(0), "eae_prk", dhOut);
  return labeledExpand(KEM_SUITE, prk, "shared_secret", kemContext, 32);
}

export interface KeySchedule {
  key: Uint8Array;
  baseNonce: Uint8Array;
  exporterSecret: Uint8Array;
}

function keySchedule(aead: Aead, sharedSecret: Uint8Array, info: Uint8Array): KeySchedule {
  const suite = concat(utf8("HPKE"), i2osp(KEM_ID, 2), i2osp(KDF_ID, 2), i2osp(AEAD_ID[aead], 2));
  const empty = new Uint8Array(0);
  const pskIdHash = labeledExtract(suite, empty, "psk_id_hash", empty);
  const infoHash = labeledExtract(suite, empty, "info_hash", info);
  const ctx = concat(Uint8Array.of(0), pskIdHash, infoHash);
  const secret = labeledExtract(suite, sharedSecret, "secret", empty);
  return {
    key: labeledExpand(suite, secret, "key", ctx, NK[aead]),
    baseNonce: labeledExpand(suite, secret, "base_nonce", ctx, NN),
    exporterSecret: labeledExpand(suite, secret, "exp", ctx, NH),
  };
}

/** Sender side: encapsulate to `recipientPublicKey`. `ikmE` makes it deterministic (test vectors only). */
export function setupBaseSender(
  recipientPublicKey: Uint8Array,
  info: Uint8Array,
  aead: Aead = "aes-256-gcm",
  ikmE?: Uint8Array,
): { enc: Uint8Array; sharedSecret: Uint8Array } & KeySchedule {
  const eph = deriveKeyPair(ikmE ?? randomBytes(32));
  const enc = eph.publicKey;
  const sharedSecret = extractAndExpand(
    dh(eph.privateKey, recipientPublicKey),
    concat(enc, recipientPublicKey),
  );
  return { enc, sharedSecret, ...keySchedule(aead, sharedSecret, info) };
}

/** Recipient side. */
export function setupBaseRecipient(
  enc: Uint8Array,
  recipientPrivateKey: Uint8Array,
  info: Uint8Array,
  aead: Aead = "aes-256-gcm",
): KeySchedule {
  if (enc.length !== 32) throw new Error(`HPKE enc must be 32 bytes, got ${enc.length}`);
  const pkR = publicFromPrivate("x25519", recipientPrivateKey);
  const sharedSecret = extractAndExpand(dh(recipientPrivateKey, enc), concat(enc, pkR));
  return keySchedule(aead, sharedSecret, info);
}

function nonceFor(base: Uint8Array, seq: number): Uint8Array {
  const n = new Uint8Array(base);
  const s = i2osp(seq, NN);
  for (let i = 0; i < NN; i++) n[i]! ^= s[i]!;
  return n;
}

/** AEAD seal with the context's key and the nonce for sequence number `seq`; returns ciphertext || tag. */
export function aeadSeal(
  ctx: KeySchedule,
  aead: Aead,
  seq: number,
  aad: Uint8Array,
  pt: Uint8Array,
): Uint8Array {
  const c = createCipheriv(aead, ctx.key, nonceFor(ctx.baseNonce, seq));
  c.setAAD(aad);
  return concat(c.update(pt), c.final(), c.getAuthTag());
}

/** AEAD open; throws when the ciphertext, tag or associated data was altered. */
export function aeadOpen(
  ctx: KeySchedule,
  aead: Aead,
  seq: number,
  aad: Uint8Array,
  ct: Uint8Array,
): Uint8Array {
  if (ct.length < 16) throw new Error("HPKE ciphertext is shorter than its tag");
  const d = createDecipheriv(aead, ctx.key, nonceFor(ctx.baseNonce, seq));
  d.setAAD(aad);
  d.setAuthTag(ct.subarray(ct.length - 16));
  try {
    return concat(d.update(ct.subarray(0, ct.length - 16)), d.final());
  } catch {
    throw new Error("HPKE open failed: ciphertext or associated data was altered, or the key is wrong");
  }
}

/**
 * Single-shot seal (RFC 9180 §6.1) with AES-256-GCM: what the recorder does to each batch.
 * @example const { enc, ct } = seal(vaultPub, info, aad, plaintext)
 */
export function seal(
  recipientPublicKey: Uint8Array,
  info: Uint8Array,
  aad: Uint8Array,
  pt: Uint8Array,
): { enc: Uint8Array; ct: Uint8Array } {
  const s = setupBaseSender(recipientPublicKey, info);
  return { enc: s.enc, ct: aeadSeal(s, "aes-256-gcm", 0, aad, pt) };
}

/** Single-shot open, the vault's side of `seal`. */
export function open(
  recipientPrivateKey: Uint8Array,
  enc: Uint8Array,
  info: Uint8Array,
  aad: Uint8Array,
  ct: Uint8Array,
): Uint8Array {
  return aeadOpen(setupBaseRecipient(enc, recipientPrivateKey, info), "aes-256-gcm", 0, aad, ct);
}
