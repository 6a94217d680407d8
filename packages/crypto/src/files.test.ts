import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeFileAtomic } from "./files.js";

describe("writeFileAtomic", () => {
  it("writes 0600 by default whatever the umask, replaces content, and leaves no temp file", () => {
    const dir = mkdtempSync(join(tmpdir(), "tv-files-"));
    const p = join(dir, "vault.key");
    const old = process.umask(0o000);
    try {
      writeFileAtomic(p, "first");
      expect(statSync(p).mode & 0o777).toBe(0o600);
      writeFileAtomic(p, Uint8Array.from(Buffer.from("second")));
      expect(readFileSync(p, "utf8")).toBe("second");
      writeFileAtomic(join(dir, "pub"), "x", { mode: 0o644 });
      expect(statSync(join(dir, "pub")).mode & 0o777).toBe(0o644);
    } finally {
      process.umask(old);
    }
    expect(readdirSync(dir).sort()).toEqual(["pub", "vault.key"]);
  });

  it("exclusive: refuses an existing file and keeps it as it was", () => {
    const dir = mkdtempSync(join(tmpdir(), "tv-files-"));
    const p = join(dir, "manifest.json");
    writeFileAtomic(p, "kept", { exclusive: true });
    expect(() => writeFileAtomic(p, "lost", { exclusive: true })).toThrow(/already exists/);
    expect(readFileSync(p, "utf8")).toBe("kept");
  });
});
