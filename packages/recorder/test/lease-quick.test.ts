/** The hand-checked fast paths of the lease client never accept what the protocol schema refuses, nor alter it. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { quickPause, quickRefuse } from "../src/lease/client.js";
import { ServerMessage } from "../src/lease/protocol.js";

const anyValue = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
);
const maybe = <T>(a: fc.Arbitrary<T>) => fc.oneof(a, anyValue);

describe("lease client fast paths", () => {
  it("property: quickRefuse accepts only what the schema accepts, with the same result", () => {
    fc.assert(
      fc.property(
        fc.record(
          {
            t: fc.constant("refuse"),
            id: maybe(fc.nat()),
            code: maybe(fc.string({ maxLength: 70 })),
            message: maybe(fc.string()),
            pauses: fc.array(fc.string(), { maxLength: 2 }),
          },
          { requiredKeys: ["t"] },
        ),
        (raw) => {
          const quick = quickRefuse(raw);
          const z = ServerMessage.safeParse(raw);
          if (quick) {
            expect(z.success).toBe(true);
            expect(quick).toEqual(z.data);
          }
        },
      ),
    );
  });

  it("property: quickPause accepts only what the schema accepts, with the same result", () => {
    const scope = fc.record({
      kind: maybe(fc.string({ maxLength: 20 })),
      value: maybe(fc.string({ maxLength: 130 })),
    });
    fc.assert(
      fc.property(
        fc.record({
          t: fc.constant("pause"),
          pause: fc.oneof(
            anyValue,
            fc.record({
              id: maybe(fc.string({ maxLength: 130 })),
              scope: fc.oneof(scope, anyValue),
              reason: maybe(fc.string()),
              by: maybe(fc.string({ maxLength: 70 })),
              at: maybe(fc.string({ maxLength: 70 })),
            }),
          ),
        }),
        (raw) => {
          const quick = quickPause(raw);
          const z = ServerMessage.safeParse(raw);
          if (quick) {
            expect(z.success).toBe(true);
            expect(quick).toEqual(z.data);
          }
        },
      ),
    );
  });

  it("a refusal as the vault sends it during a pause takes the fast path", () => {
    expect(quickRefuse({ t: "refuse", id: 7, code: "paused", pauses: ["p-1"] })).toEqual({
      t: "refuse",
      id: 7,
      code: "paused",
    });
  });
});
