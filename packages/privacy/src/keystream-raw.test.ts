import { describe, expect, it } from "vitest";
import type { RawEvent } from "@tracevault/core";
import { filterRawKeys, keystreamFromRaw } from "./keystream-raw.js";

function typed(text: string, t0 = 0): RawEvent[] {
  const out: RawEvent[] = [];
  let t = t0;
  for (const ch of text) {
    const key = ch === " " ? "space" : ch.toLowerCase();
    out.push({ kind: "key_down", t: t++, code: 0, key, char: ch });
    out.push({ kind: "key_up", t: t++, code: 0, key });
  }
  return out;
}

describe("filterRawKeys", () => {
  it("drops exactly the keys of a detected value, down and up, and marks the gap", () => {
    const events = [...typed("mail jane.doe@example.com ok")];
    const r = filterRawKeys(events);
    const keptText = r.events.flatMap((e) => (e.kind === "key_down" && e.char ? [e.char] : [])).join("");
    expect(keptText).toBe("mail  ok");
    expect(r.events.some((e) => e.kind === "marker" && e.name === "redacted:EMAIL_ADDRESS")).toBe(true);
    expect(r.events.filter((e) => e.kind === "key_up").length).toBe(keptText.length);
  });

  it("leaves a stream without sensitive text untouched", () => {
    const events = typed("hello world");
    expect(filterRawKeys(events).events).toEqual(events);
  });

  it("clicks and focus changes end the edit buffer", () => {
    const ks = keystreamFromRaw([
      ...typed("ab"),
      { kind: "mouse_down", t: 10, x: 1, y: 1, button: "left" },
      { kind: "key_down", t: 11, code: 0, key: "a", char: "a", mods: { ctrl: true } },
    ]);
    expect(ks.map((k) => k.kind)).toEqual(["char", "char", "break", "selectAll"]);
  });
});
