/** The batcher's fast event check agrees with the core zod schema (property test), and batches open. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RawEvent } from "@tracevault/core";
import { cleanEvent } from "../src/batcher.js";
import { LEASE_CONTEXT } from "../src/lease/protocol.js";

const num = fc.oneof(fc.double(), fc.integer(), fc.constant(Number.NaN), fc.constant(Infinity), fc.string());
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const mods = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.record({
    shift: maybe(fc.oneof(fc.boolean(), fc.integer())),
    ctrl: maybe(fc.boolean()),
    capslock: maybe(fc.boolean()),
    extra: maybe(fc.string()),
  }),
);
const event = fc.oneof(
  fc.record({ kind: fc.constantFrom("mouse_move"), t: num, x: num, y: num, extra: maybe(fc.string()) }),
  fc.record({
    kind: fc.constantFrom("mouse_down", "mouse_up"),
    t: num,
    x: num,
    y: num,
    button: fc.constantFrom("left", "right", "middle", "back", "forward", "side", 1),
  }),
  fc.record({
    kind: fc.constantFrom("key_down", "key_up"),
    t: num,
    code: fc.oneof(fc.integer({ min: -2, max: 70000 }), fc.double()),
    key: fc.oneof(fc.string(), fc.constant(""), fc.integer()),
    char: maybe(fc.oneof(fc.string(), fc.integer())),
    mods,
  }),
  fc.record({
    kind: fc.constant("wheel"),
    t: num,
    x: num,
    y: num,
    axis: fc.constantFrom("vertical", "horizontal", "diagonal"),
    notches: num,
    pixels: maybe(num),
  }),
  fc.record({ kind: fc.constant("marker"), t: num, name: fc.string() }),
);

function strip(o: unknown): unknown {
  return JSON.parse(JSON.stringify(o));
}

describe("cleanEvent", () => {
  it("accepts exactly what the zod schema accepts, and yields the same event", () => {
    fc.assert(
      fc.property(event, (e) => {
        const z = RawEvent.safeParse(e);
        const c = cleanEvent(e as RawEvent);
        // zod's key_down/key_up give code a default; our events always carry one
        expect(c !== undefined).toBe(z.success);
        if (z.success) expect(strip(c)).toEqual(strip(z.data));
      }),
      { numRuns: 5000 },
    );
  });
});

describe("Batcher header", () => {
  it("carries the signed lease held when each batch is sealed (and its id), or none without a lease", async () => {
    const { generateRawKeyPair, keyId, parseBatch, Ed25519Signer } = await import("@tracevault/crypto");
    const { Batcher } = await import("../src/batcher.js");
    const { Spool } = await import("../src/spool.js");
    const { tempDir } = await import("./helpers.js");
    const vaultKey = generateRawKeyPair("x25519");
    const signKey = generateRawKeyPair("ed25519");
    const lease = (n: number) => {
      const l = {
        v: 1 as const,
        leaseId: `l-fake-lease-${n}`,
        deviceId: "dev-fake-0001",
        personId: "p-fake",
        manifestVersion: 1,
        manifestHash: "a".repeat(64),
        issuedAt: new Date(1_800_000_000_000 + n * 20_000).toISOString(),
        ttlMs: 60_000,
      };
      return {
        lease: l,
        sig: new Ed25519Signer(signKey.privateKey, signKey.publicKey).sign(LEASE_CONTEXT, l),
      };
    };
    let held: ReturnType<typeof lease> | undefined = lease(1);
    const spool = Spool.open(tempDir("tv-batcher-"));
    const zero = {
      droppedKeys: 0,
      droppedFrames: 0,
      blackedOutRegions: 0,
      excludedWindows: 0,
      redactedSpans: 0,
      spoolDroppedBatches: 0,
    };
    const b = new Batcher({
      spool,
      deviceId: "dev-fake-0001",
      manifestHash: "a".repeat(64),
      channels: ["keyboard"],
      vault: { publicKey: vaultKey.publicKey, kid: keyId("x25519", vaultKey.publicKey) },
      leaseId: "l-fake-lease-1",
      leaseProof: () => held,
      stats: () => zero,
    });
    const ev = { kind: "marker" as const, t: 1, name: "x" };
    const sealedHeader = () => {
      const e = b.seal()!;
      return parseBatch(spool.read(e)).header;
    };
    b.add({ event: ev });
    expect(sealedHeader()).toMatchObject({ leaseId: "l-fake-lease-1", leaseProof: lease(1) });
    // A renewal under a new grant: the next batch names the lease held then.
    held = lease(2);
    b.add({ event: ev });
    expect(sealedHeader()).toMatchObject({ leaseId: "l-fake-lease-2", leaseProof: lease(2) });
    held = undefined;
    b.add({ event: ev });
    const h = sealedHeader();
    expect(h.leaseProof).toBeUndefined();
    expect(h.leaseId).toBe("l-fake-lease-1");
  });
});
