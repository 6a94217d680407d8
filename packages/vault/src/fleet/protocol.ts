import { z } from "zod";

/**
 * The fleet channel: one WebSocket per recorder at {@link CHANNEL_PATH}, JSON text frames both ways.
 *
 * 1. The vault sends `challenge` (a fresh nonce) as soon as the socket opens.
 * 2. The recorder answers `hello`: its device id and an Ed25519 signature by its device key over
 *    `{nonce, deviceId, vaultKid}` (context {@link CHANNEL_AUTH_CONTEXT}). Nothing else is accepted first, and a
 *    socket that does not authenticate within a few seconds is closed.
 * 3. The vault answers `welcome`, which lists every pause in force for the device and whether the person must
 *    acknowledge a new manifest — so a reconnecting recorder learns a pause before anything else — and carries
 *    a lease only when recording is allowed.
 * 4. Afterwards: the recorder sends `renew` (the vault answers `lease` or `refuse`), `ack` once it has stopped
 *    its sources and flushed after a `pause`/`consent`/`revoke`, `consent` to acknowledge a manifest on the
 *    person's behalf, `state` when it starts or stops recording. The vault pushes `pause`, `resume`, `consent`,
 *    `consented` and `revoke` at any time.
 *
 * The recorder counts a lease's lifetime from the moment it *asked* for it (the `hello` or `renew`), on its
 * monotonic clock, so a lease delivered late never lasts longer than the vault meant. This module is the
 * vault's copy of the protocol; the recorder keeps its own (the two packages never import each other).
 */
export const CHANNEL_PATH = "/api/v1/fleet/channel";
export const LEASE_CONTEXT = "tracevault/lease/v1";
export const CHANNEL_AUTH_CONTEXT = "tracevault/fleet-channel/v1";

export const SCOPE_KINDS = ["all", "team", "person", "device"] as const;
export type ScopeKind = (typeof SCOPE_KINDS)[number];

const ID = /^[A-Za-z0-9._@:-]{1,128}$/;

/** Who a pause applies to. `value` is empty for `all`. */
export const Scope = z
  .object({ kind: z.enum(SCOPE_KINDS), value: z.string().max(128).default("") })
  .refine((s) => (s.kind === "all" ? s.value === "" : ID.test(s.value)), {
    message: "scope value must be empty for 'all' and an id (letters, digits, . _ @ : -) otherwise",
  });
export type Scope = z.infer<typeof Scope>;

/** Who paused: a fleet admin, a privacy officer, an incident, or the recorded person themself. */
export const PAUSER_KINDS = ["admin", "officer", "incident", "person"] as const;
export type PauserKind = (typeof PAUSER_KINDS)[number];

export interface PauseNotice {
  id: string;
  scope: Scope;
  reason: string;
  by: PauserKind;
  at: string;
}

export interface ManifestRef {
  id: string;
  version: number;
  hash: string;
}

const SignatureSchema = z.object({
  alg: z.literal("ed25519"),
  kid: z.string().max(64),
  sig: z.string().max(128),
});

/** Messages a recorder may send. */
export const ClientMessage = z.discriminatedUnion("t", [
  z.object({
    t: z.literal("hello"),
    v: z.literal(1),
    deviceId: z.string().min(1).max(64),
    sig: SignatureSchema,
    /** The manifest the recorder records under (if it has one yet). */
    manifestHash: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .optional(),
    recording: z.boolean().default(false),
  }),
  z.object({ t: z.literal("renew"), id: z.number().int().min(0) }),
  z.object({
    t: z.literal("ack"),
    ids: z.array(z.string().max(128)).max(256),
    ok: z.boolean().default(true),
  }),
  z.object({
    t: z.literal("consent"),
    manifestHash: z.string().regex(/^[0-9a-f]{64}$/),
    decision: z.enum(["acknowledge", "object"]),
    shown: z.enum(["diff", "full", "none"]).default("none"),
    note: z.string().max(2000).default(""),
  }),
  z.object({ t: z.literal("state"), recording: z.boolean(), reason: z.string().max(300).default("") }),
]);
export type ClientMessage = z.infer<typeof ClientMessage>;
