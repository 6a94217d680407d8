import { createHash } from "node:crypto";
import { Manifest } from "@tracevault/core";
import { z } from "zod";
import { canonicalJson } from "./canonical.js";
import { signJson, verifyJson, type Signature } from "./sign.js";

const CONTEXT = "tracevault/manifest/v1";

export const SignedManifest = z.object({
  manifest: z.unknown(),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  signature: z.object({ alg: z.literal("ed25519"), kid: z.string(), sig: z.string() }),
});
export type SignedManifest = { manifest: Manifest; hash: string; signature: Signature };

/** SHA-256 of the manifest's canonical JSON: the value batches and leases carry. */
export function manifestHash(m: Manifest): string {
  return createHash("sha256").update(canonicalJson(m)).digest("hex");
}

/** @example signManifest(Manifest.parse(json), keys.sign.privateKey, keys.sign.publicKey) */
export function signManifest(m: Manifest, privateKey: Uint8Array, publicKey: Uint8Array): SignedManifest {
  const manifest = Manifest.parse(m);
  return {
    manifest,
    hash: manifestHash(manifest),
    signature: signJson(CONTEXT, manifest, privateKey, publicKey),
  };
}

/**
 * Validate and verify a signed manifest. Throws with the reason when the document is malformed, the manifest
 * is invalid, the hash is wrong, or the signature does not verify under `publicKey`.
 */
export function verifySignedManifest(doc: unknown, publicKey: Uint8Array): SignedManifest {
  const outer = SignedManifest.safeParse(doc);
  if (!outer.success)
    throw new Error(`signed manifest is malformed (${outer.error.issues[0]?.path.join(".")})`);
  const inner = Manifest.safeParse(outer.data.manifest);
  if (!inner.success) {
    const i = inner.error.issues[0];
    throw new Error(`manifest is invalid: ${i?.path.join(".") || "manifest"}: ${i?.message}`);
  }
  if (manifestHash(inner.data) !== outer.data.hash)
    throw new Error("manifest hash does not match its content");
  if (!verifyJson(CONTEXT, inner.data, outer.data.signature, publicKey))
    throw new Error("manifest signature does not verify with the vault's signing key");
  return { manifest: inner.data, hash: outer.data.hash, signature: outer.data.signature };
}
