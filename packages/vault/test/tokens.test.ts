import { parseArgs } from "node:util";
import { describe, expect, it } from "vitest";
import { newToken } from "../src/accounts.js";

describe("bearer tokens", () => {
  it("never start with '-', so `record --enroll TOKEN` and `--token T` always parse (one in 64 used to fail)", () => {
    for (let i = 0; i < 2000; i++) {
      const t = newToken();
      expect(t).toMatch(/^tv_[A-Za-z0-9_-]{43}$/);
      const { values } = parseArgs({ args: ["--enroll", t], options: { enroll: { type: "string" } } });
      expect(values.enroll).toBe(t);
    }
  });
});
