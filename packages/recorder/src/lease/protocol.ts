import { Lease } from "@tracevault/core";
import { z } from "zod";

/**
 * The recorder's copy of the fleet channel protocol (the vault keeps its own: the packages never import each
 * other). One WebSocket per recorder at {@link CHANNEL_PATH}; JSON text frames. See the vault's
 * fleet/protocol.ts for the full description.
 */
export const CHANNEL_PATH = "/api/v1/fleet/channel";
export const LEASE_CONTEXT = "tracevault/lease/v1";
export const CHANNEL_AUTH_CONTEXT = "tracevault/fleet-channel/v1";

const Sig = z.object({ alg: z.literal("ed25519"), kid: z.string(), sig: z.string() });

export const PauseNotice = z.object({
  id: z.string().max(128),
  scope: z.object({ kind: z.string(), value: z.string() }),
  reason: z.string(),
  by: z.string(),
  at: z.string(),
});
export type PauseNotice = z.infer<typeof PauseNotice>;

export const ManifestRef = z.object({ id: z.string(), version: z.number(), hash: z.string() });
export type ManifestRef = z.infer<typeof ManifestRef>;

/** A new manifest the person must acknowledge before recording goes on, and what changed since theirs. */
export const ConsentNotice = z.object({
  manifest: ManifestRef,
  decision: z.string().nullable().optional(),
  previous: ManifestRef.nullable().optional(),
  changes: z.array(z.string()).default([]),
});
export type ConsentNotice = z.infer<typeof ConsentNotice>;

const SignedLease = { lease: Lease, sig: Sig };

export const ServerMessage = z.discriminatedUnion("t", [
  z.object({
    t: z.literal("challenge"),
    nonce: z.string().min(16).max(128),
    vaultKid: z.string(),
    node: z.string(),
  }),
  z.object({
    t: z.literal("welcome"),
    node: z.string(),
    deviceId: z.string(),
    ttlMs: z.number(),
    pauses: z.array(PauseNotice),
    consent: ConsentNotice.optional(),
    lease: z.object(SignedLease).optional(),
    refused: z.object({ code: z.string(), message: z.string().optional() }).optional(),
  }),
  z.object({ t: z.literal("lease"), id: z.number(), ...SignedLease }),
  z.object({ t: z.literal("refuse"), id: z.number(), code: z.string(), message: z.string().optional() }),
  z.object({ t: z.literal("pause"), pause: PauseNotice }),
  z.object({ t: z.literal("resume"), pauseIds: z.array(z.string()), clear: z.boolean().optional() }),
  z.object({ t: z.literal("consent"), ...ConsentNotice.shape }),
  z.object({ t: z.literal("consented"), hash: z.string().optional() }),
  z.object({ t: z.literal("manifest"), manifest: ManifestRef }),
  z.object({ t: z.literal("revoke"), reason: z.string(), code: z.string().optional() }),
  z.object({ t: z.literal("error"), code: z.string(), message: z.string().optional() }),
]);
export type ServerMessage = z.infer<typeof ServerMessage>;
