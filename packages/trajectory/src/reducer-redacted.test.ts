import { describe, expect, it } from "vitest";
import type { RawEvent } from "@tracevault/core";
import { reduceEvents } from "./index.js";

const key = (t: number, ch: string): RawEvent[] => [
  { kind: "key_down", t, code: 0, key: ch === " " ? "space" : ch, char: ch },
  { kind: "key_up", t: t + 1, code: 0, key: ch === " " ? "space" : ch },
];

describe("redaction markers", () => {
  it("a value the recorder dropped reads as a typed placeholder in the step", () => {
    const events: RawEvent[] = [
      ...[..."card "].flatMap((c, i) => key(i * 10, c)),
      { kind: "marker", t: 60, name: "redacted:CREDIT_CARD" },
      ...[..." ok"].flatMap((c, i) => key(100 + i * 10, c)),
    ];
    const steps = reduceEvents(events).steps.filter((s) => s.action.type === "type");
    expect(steps.map((s) => (s.action as { text: string }).text)).toEqual(["card [CREDIT_CARD] ok"]);
  });
});
