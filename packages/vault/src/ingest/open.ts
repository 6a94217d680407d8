import {
  createDecipheriv,
  createHmac,
  createPublicKey,
  diffieHellman,
  timingSafeEqual,
  type KeyObject,
} from "node:crypto";
import { privateKeyFromRaw, publicFromPrivate, type ParsedBatch } from "@tracevault/crypto";

/**
 * The vault's side of a sealed batch (`openBatch` in @tracevault/crypto: RFC 9180 base mode, DHKEM(X25519,
 * HKDF-SHA256), HKDF-SHA256, AES-256-GCM, info "tracevault/batch/v1", the header as associated data), with the
 * vault's key imported once. `openBatch` takes the raw private key and re-imports it through OpenSSL's
 * PKCS#8 decoder on every call, twice, which costs more than the X25519 operation and the decryption together.
 * test/ingest-open.test.ts checks it against `sealBatch`/`openBatch`.
 */
const SUITE_KEM = Buffer.from([0x4b, 0x45, 0x4d, 0x00, 0x20]); // "KEM" || I2OSP(0x0020, 2)
const SUITE_HPKE = Buffer.from([0x48, 0x50, 0x4b, 0x45, 0x00, 0x20, 0x00, 0x01, 0x00, 0x02]); // "HPKE" || kem || kdf || aead
const V1 = Buffer.from("HPKE-v1");
const INFO = Buffer.from("tracevault/batch/v1");
const ZERO32 = Buffer.alloc(32);

function labeledExtract(suite: Buffer, salt: Uint8Array, label: string, ikm: Uint8Array): Buffer {
  return createHmac("sha256", salt.length ? salt : ZERO32)
    .update(V1)
    .update(suite)
    .update(label)
    .update(ikm)
    .digest();
}

/** HKDF-Expand for one block (every length used here is at most 32). */
function labeledExpand(suite: Buffer, prk: Uint8Array, label: string, info: Uint8Array, len: number): Buffer {
  return createHmac("sha256", prk)
    .update(Buffer.from([len >> 8, len & 0xff]))
    .update(V1)
    .update(suite)
    .update(label)
    .update(info)
    .update(Buffer.from([1]))
    .digest()
    .subarray(0, len);
}

export class BatchOpenError extends Error {
  override name = "BatchOpenError";
}

export class BatchOpener {
  private readonly sk: KeyObject;
  private readonly pkR: Uint8Array;
  /** mode_base || psk_id_hash || info_hash: fixed for one info string. */
  private readonly ksContext: Buffer;

  constructor(vaultPrivateKey: Uint8Array) {
    this.sk = privateKeyFromRaw("x25519", vaultPrivateKey);
    this.pkR = publicFromPrivate("x25519", vaultPrivateKey);
    const empty = new Uint8Array(0);
    this.ksContext = Buffer.concat([
      Buffer.from([0]),
      labeledExtract(SUITE_HPKE, empty, "psk_id_hash", empty),
      labeledExtract(SUITE_HPKE, empty, "info_hash", INFO),
    ]);
  }

  /** The plaintext payload of a parsed batch; throws `BatchOpenError` when anything was altered. */
  open(p: ParsedBatch): Buffer {
    const { enc, ciphertext: ct, headerBytes } = p;
    if (enc.length !== 32 || ct.length < 16) throw new BatchOpenError("sealed batch is truncated");
    let dh: Buffer;
    try {
      // A raw X25519 public key is any 32 bytes; JWK import skips the PKCS#8/SPKI decoder search.
      const pkE = createPublicKey({
        key: { kty: "OKP", crv: "X25519", x: Buffer.from(enc).toString("base64url") },
        format: "jwk",
      });
      dh = diffieHellman({ privateKey: this.sk, publicKey: pkE });
    } catch {
      throw new BatchOpenError("sealed batch has an invalid ephemeral key");
    }
    // RFC 9180 §7.1.4: an all-zero shared secret means a small-order public key.
    if (timingSafeEqual(dh, ZERO32)) throw new BatchOpenError("sealed batch has an invalid ephemeral key");
    const eaePrk = labeledExtract(SUITE_KEM, new Uint8Array(0), "eae_prk", dh);
    const shared = labeledExpand(SUITE_KEM, eaePrk, "shared_secret", Buffer.concat([enc, this.pkR]), 32);
    const secret = labeledExtract(SUITE_HPKE, shared, "secret", new Uint8Array(0));
    const key = labeledExpand(SUITE_HPKE, secret, "key", this.ksContext, 32);
    const nonce = labeledExpand(SUITE_HPKE, secret, "base_nonce", this.ksContext, 12); // sequence 0
    const d = createDecipheriv("aes-256-gcm", key, nonce);
    d.setAAD(headerBytes);
    d.setAuthTag(ct.subarray(ct.length - 16));
    try {
      const head = d.update(ct.subarray(0, ct.length - 16));
      const tail = d.final();
      return tail.length ? Buffer.concat([head, tail]) : head;
    } catch {
      throw new BatchOpenError("sealed batch does not open: altered, or sealed to another key");
    }
  }
}

const openers = new WeakMap<Uint8Array, BatchOpener>();

/** One opener per vault private key (held as long as the key itself). */
export function openerFor(vaultPrivateKey: Uint8Array): BatchOpener {
  let o = openers.get(vaultPrivateKey);
  if (!o) openers.set(vaultPrivateKey, (o = new BatchOpener(vaultPrivateKey)));
  return o;
}
