import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { generateRawKeyPair, keyId, openBatch, sealBatch } from "@tracevault/crypto";
import { Spool } from "../src/spool.js";

const vault = generateRawKeyPair("x25519");
const header = (seq: number) => ({
  v: 1 as const,
  deviceId: "device-test-0001",
  batchId: randomUUID(),
  seq,
  manifestHash: "ab".repeat(32),
  createdAt: new Date().toISOString(),
  channels: ["keyboard" as const],
  vaultKid: keyId("x25519", vault.publicKey),
});
const payload = (seq: number) =>
  new TextEncoder().encode(JSON.stringify({ seq, text: "fake typed text ".repeat(50) }));

describe("sealed spool", () => {
  it("stores only ciphertext that the vault key opens, in sequence order, across reopen", () => {
    const dir = mkdtempSync(join(tmpdir(), "tv-spool-"));
    const s = Spool.open(dir);
    for (let i = 0; i < 5; i++) s.append(sealBatch(header(s.nextSeq()), payload(i), vault.publicKey));
    const again = Spool.open(dir);
    expect(again.list().map((e) => e.seq)).toEqual([0, 1, 2, 3, 4]);
    expect(again.nextSeq()).toBe(5);
    for (const e of again.list()) {
      const raw = again.read(e);
      expect(Buffer.from(raw).includes("fake typed text")).toBe(false);
      const { header: h, payload: p } = openBatch(raw, vault.privateKey);
      expect(JSON.parse(new TextDecoder().decode(p)).seq).toBe(h.seq);
    }
  });

  it("drops the oldest batches first when full, and counts the drop", () => {
    const dir = mkdtempSync(join(tmpdir(), "tv-spool-"));
    const one = sealBatch(header(0), payload(0), vault.publicKey).length;
    const s = Spool.open(dir, one * 3 + 10);
    for (let i = 0; i < 5; i++) s.append(sealBatch(header(s.nextSeq()), payload(i), vault.publicKey));
    expect(s.list().map((e) => e.seq)).toEqual([2, 3, 4]);
    expect(Spool.open(dir, one * 3 + 10).stats()).toMatchObject({ batches: 3, droppedBatches: 2 });
  });

  it("refuses a batch whose sequence number goes backwards", () => {
    const s = Spool.open(mkdtempSync(join(tmpdir(), "tv-spool-")));
    s.append(sealBatch(header(0), payload(0), vault.publicKey));
    expect(() => s.append(sealBatch(header(0), payload(0), vault.publicKey))).toThrow(/seq 0/);
  });

  it("kill -9 while writing loses at most the batch in flight and never corrupts earlier ones", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tv-spool-"));
    const keyFile = join(dir, "..", `vault-${randomUUID()}.pub`);
    writeFileSync(keyFile, Buffer.from(vault.publicKey).toString("hex"));
    const writer = fileURLToPath(new URL("./spool-writer.mjs", import.meta.url));
    const written = () => readdirSync(join(dir, "batches")).length;
    for (let round = 0; round < 6; round++) {
      const child = spawn(process.execPath, [writer, dir, keyFile], { stdio: "ignore" });
      // Kill at a varying moment once this round has written something (timing-independent on a busy machine).
      const before = existsSync(join(dir, "batches")) ? written() : 0;
      for (let i = 0; i < 400 && (!existsSync(join(dir, "batches")) || written() < before + 2); i++)
        await new Promise((r) => setTimeout(r, 25));
      await new Promise((r) => setTimeout(r, (round * 7) % 20));
      child.kill("SIGKILL");
      await new Promise((r) => child.once("exit", r));
      const s = Spool.open(dir);
      const seqs = s.list().map((e) => e.seq);
      expect(new Set(seqs).size).toBe(seqs.length);
      for (const e of s.list()) {
        const { header: h, payload: p } = openBatch(s.read(e), vault.privateKey);
        expect(h.seq).toBe(e.seq);
        expect(JSON.parse(new TextDecoder().decode(p)).seq).toBe(h.seq);
      }
      expect(readdirSync(join(dir, "tmp"))).toEqual([]);
    }
    expect(Spool.open(dir).list().length).toBeGreaterThan(5);
  }, 120_000);
});
