import { z } from "zod";

/** A recording lease: without a valid one, a recorder records nothing. Signed by the vault (Ed25519). */
export const Lease = z.object({
  v: z.literal(1),
  leaseId: z.string().min(8).max(64),
  deviceId: z.string().min(8).max(64),
  personId: z.string().min(1).max(128),
  manifestVersion: z.number().int().min(1),
  manifestHash: z.string().regex(/^[0-9a-f]{64}$/),
  issuedAt: z.string().datetime(),
  /** Lifetime in milliseconds, counted by the recorder on its monotonic clock from receipt. */
  ttlMs: z.number().int().min(5_000).max(3_600_000),
});
export type Lease = z.infer<typeof Lease>;
