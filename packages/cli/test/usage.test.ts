import { describe, expect, it } from "vitest";
import { parseCommand, UsageError } from "../src/usage.js";

describe("parseCommand", () => {
  const opts = { team: { type: "string" }, all: { type: "boolean" } } as const;

  it("returns typed values and positionals", () => {
    const r = parseCommand(["pause", "--team", "ops", "--all"], opts, "usage: x");
    expect(r.values.team).toBe("ops");
    expect(r.values.all).toBe(true);
    expect(r.positionals).toEqual(["pause"]);
  });

  it("turns an unknown option into a UsageError that names it and carries the usage text", () => {
    let err: unknown;
    try {
      parseCommand(["--tem", "ops"], opts, "usage: fleet pause --team T");
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UsageError);
    expect((err as Error).message).toMatch(/--tem/);
    expect((err as Error).message).toMatch(/usage: fleet pause --team T/);
  });

  it("refuses a string option given without its value", () => {
    expect(() => parseCommand(["--team"], opts, "u")).toThrow(UsageError);
  });
});
