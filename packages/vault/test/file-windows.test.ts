import fc from "fast-check";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fileWindows } from "../src/fleet/detectors.js";

describe("canary scan windows", () => {
  it("property: a token anywhere in a file, across any window edge, is inside one window", () => {
    const dir = mkdtempSync(join(tmpdir(), "tv-windows-"));
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 8, max: 40 }),
        fc.integer({ min: 0, max: 120 }),
        (before, size, after) => {
          const token = Buffer.from("tvcanary-0123");
          const data = Buffer.concat([Buffer.alloc(before, 0x41), token, Buffer.alloc(after, 0x42)]);
          const p = join(dir, "db");
          writeFileSync(p, data);
          // windows share one buffer (the scan checks each before the next is read): copy each as it comes
          const windows: Buffer[] = [];
          for (const w of fileWindows(p, size, token.length - 1)) windows.push(Buffer.from(w));
          expect(windows.some((w) => w.includes(token))).toBe(true);
          // every byte is read, and nothing beyond the file
          expect(Buffer.concat(windows).length).toBeGreaterThanOrEqual(data.length);
          expect(windows.every((w) => w.length <= size + token.length - 1)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
