import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const BIN = fileURLToPath(new URL("../bin/tracevault.js", import.meta.url));
const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8" });

describe("tracevault keys / manifest", { timeout: 120_000 }, () => {
  it("writes a private key only its owner can read, and refuses to overwrite it", () => {
    const d = mkdtempSync(join(tmpdir(), "tv-keys-"));
    expect(run("keys", "init", "--out", d).status).toBe(0);
    expect(statSync(join(d, "vault.key")).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(join(d, "vault.pub"), "utf8")).kind).toBe("tracevault-vault-pub");
    const again = run("keys", "init", "--out", d);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/already exists/);
  });

  it("signs a manifest that show verifies, and detects any edit after signing", () => {
    const d = mkdtempSync(join(tmpdir(), "tv-man-"));
    run("keys", "init", "--out", d);
    expect(run("manifest", "init", "--out", join(d, "m.json")).status).toBe(0);
    expect(
      run(
        "manifest",
        "sign",
        "--in",
        join(d, "m.json"),
        "--key",
        join(d, "vault.key"),
        "--out",
        join(d, "s.json"),
      ).status,
    ).toBe(0);
    const ok = run("manifest", "show", join(d, "s.json"), "--pub", join(d, "vault.pub"));
    expect(ok.stdout).toMatch(/collects: keyboard, mouse, window, screenshots/);
    expect(ok.stdout).toMatch(/signature: valid/);
    const signed = JSON.parse(readFileSync(join(d, "s.json"), "utf8"));
    signed.manifest.channels.push("clipboard");
    writeFileSync(join(d, "s2.json"), JSON.stringify(signed));
    const bad = run("manifest", "show", join(d, "s2.json"), "--pub", join(d, "vault.pub"));
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/hash does not match/);
  });

  it("rejects forbidden purposes and names the field", () => {
    const d = mkdtempSync(join(tmpdir(), "tv-man-"));
    run("keys", "init", "--out", d);
    run("manifest", "init", "--out", join(d, "m.json"));
    const m = JSON.parse(readFileSync(join(d, "m.json"), "utf8"));
    m.purposes = ["emotion-inference"];
    writeFileSync(join(d, "m.json"), JSON.stringify(m));
    const r = run(
      "manifest",
      "sign",
      "--in",
      join(d, "m.json"),
      "--key",
      join(d, "vault.key"),
      "--out",
      join(d, "s.json"),
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/purposes\.0: forbidden purpose/);
  });
});
