import { z } from "zod";
import { generateRawKeyPair, keyId, publicFromPrivate } from "./keys.js";

/**
 * Key files for offline collection: `vault.key` (private, written 0600) and `vault.pub` (public, given to
 * recorders). A vault has two key pairs: X25519 to which recorders seal batches, and Ed25519 with which it
 * signs manifests and leases. Keys are base64url raw bytes; ids are checked on load so a damaged file is named.
 */
const B64 = z.string().regex(/^[A-Za-z0-9_-]{43}$/, "a 32-byte key in base64url");
const PubPart = z.object({ pub: B64, kid: z.string().regex(/^[0-9a-f]{16}$/) });
const PrivPart = PubPart.extend({ priv: B64 });

export const VaultPublicFile = z.object({
  kind: z.literal("tracevault-vault-pub"),
  v: z.literal(1),
  seal: PubPart,
  sign: PubPart,
});
export const VaultKeyFile = z.object({
  kind: z.literal("tracevault-vault-key"),
  v: z.literal(1),
  seal: PrivPart,
  sign: PrivPart,
});

export interface VaultKeys {
  seal: { privateKey: Uint8Array; publicKey: Uint8Array; kid: string };
  sign: { privateKey: Uint8Array; publicKey: Uint8Array; kid: string };
}
export interface VaultPublicKeys {
  seal: { publicKey: Uint8Array; kid: string };
  sign: { publicKey: Uint8Array; kid: string };
}

const b64 = (b: Uint8Array) => Buffer.from(b).toString("base64url");
const unb64 = (s: string) => new Uint8Array(Buffer.from(s, "base64url"));

/** @example const keys = generateVaultKeys(); keys.seal.kid // 16 hex digits */
export function generateVaultKeys(): VaultKeys {
  const s = generateRawKeyPair("x25519");
  const g = generateRawKeyPair("ed25519");
  return {
    seal: { privateKey: s.privateKey, publicKey: s.publicKey, kid: keyId("x25519", s.publicKey) },
    sign: { privateKey: g.privateKey, publicKey: g.publicKey, kid: keyId("ed25519", g.publicKey) },
  };
}

export function serializeVaultKeys(k: VaultKeys): { key: string; pub: string } {
  const part = (p: VaultKeys["seal"]) => ({ pub: b64(p.publicKey), kid: p.kid });
  return {
    key:
      JSON.stringify(
        {
          kind: "tracevault-vault-key",
          v: 1,
          seal: { ...part(k.seal), priv: b64(k.seal.privateKey) },
          sign: { ...part(k.sign), priv: b64(k.sign.privateKey) },
        },
        null,
        2,
      ) + "\n",
    pub:
      JSON.stringify(
        { kind: "tracevault-vault-pub", v: 1, seal: part(k.seal), sign: part(k.sign) },
        null,
        2,
      ) + "\n",
  };
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`${what} is not JSON`);
  }
}

function zodWhere(e: z.ZodError): string {
  const i = e.issues[0];
  return `${i?.path.join(".") || "file"}: ${i?.message ?? "invalid"}`;
}

/** Parse `vault.key`, checking that each public key and id matches its private key. */
export function parseVaultKeyFile(text: string): VaultKeys {
  const r = VaultKeyFile.safeParse(parseJson(text, "vault key file"));
  if (!r.success) throw new Error(`vault key file is invalid (${zodWhere(r.error)})`);
  const seal = {
    privateKey: unb64(r.data.seal.priv),
    publicKey: unb64(r.data.seal.pub),
    kid: r.data.seal.kid,
  };
  const sign = {
    privateKey: unb64(r.data.sign.priv),
    publicKey: unb64(r.data.sign.pub),
    kid: r.data.sign.kid,
  };
  if (
    b64(publicFromPrivate("x25519", seal.privateKey)) !== r.data.seal.pub ||
    keyId("x25519", seal.publicKey) !== seal.kid
  )
    throw new Error("vault key file is damaged: the sealing key pair does not match");
  if (
    b64(publicFromPrivate("ed25519", sign.privateKey)) !== r.data.sign.pub ||
    keyId("ed25519", sign.publicKey) !== sign.kid
  )
    throw new Error("vault key file is damaged: the signing key pair does not match");
  return { seal, sign };
}

/** Parse `vault.pub`. */
export function parseVaultPublicFile(text: string): VaultPublicKeys {
  const r = VaultPublicFile.safeParse(parseJson(text, "vault public key file"));
  if (!r.success) throw new Error(`vault public key file is invalid (${zodWhere(r.error)})`);
  const seal = { publicKey: unb64(r.data.seal.pub), kid: r.data.seal.kid };
  const sign = { publicKey: unb64(r.data.sign.pub), kid: r.data.sign.kid };
  if (keyId("x25519", seal.publicKey) !== seal.kid || keyId("ed25519", sign.publicKey) !== sign.kid)
    throw new Error("vault public key file is damaged: a key id does not match its key");
  return { seal, sign };
}
