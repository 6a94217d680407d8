import { z } from "zod";
import { Lease } from "./lease.js";
import { CaptureChannel } from "./manifest.js";

const Hex = (bytes: number) => z.string().regex(new RegExp(`^[0-9a-f]{${bytes * 2}}$`));

/**
 * The clear header of a sealed batch. It is the AEAD's associated data, so it cannot be changed without
 * the vault noticing, and it carries only what routing and checks need — never content.
 */
export const BatchHeader = z.object({
  v: z.literal(1),
  deviceId: z.string().regex(/^[a-z0-9-]{8,64}$/),
  batchId: z.string().uuid(),
  /** Per-device sequence number, strictly increasing across the device's batches. */
  seq: z.number().int().nonnegative(),
  /** SHA-256 of the manifest's canonical JSON. */
  manifestHash: Hex(32),
  createdAt: z.string().datetime(),
  channels: z.array(CaptureChannel),
  /** Lease that authorised recording this batch (absent in offline, air-gapped collection). */
  leaseId: z.string().max(64).optional(),
  /**
   * The vault-signed lease in force when the batch was sealed. It proves the batch was recorded under a grant
   * even when the vault lost its record of that grant (leases are written behind, and a vault killed right after
   * granting or renewing one restarts without it).
   */
  leaseProof: z
    .object({
      lease: Lease,
      sig: z.object({ alg: z.literal("ed25519"), kid: z.string().max(64), sig: z.string().max(128) }),
    })
    .optional(),
  /** Key id of the vault public key the batch is sealed to. */
  vaultKid: z.string().regex(/^[0-9a-f]{16}$/),
});
export type BatchHeader = z.infer<typeof BatchHeader>;
