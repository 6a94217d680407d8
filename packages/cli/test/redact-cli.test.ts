import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// Runs the built command the way a user does (npm test builds first).
const BIN = fileURLToPath(new URL("../bin/tracevault.js", import.meta.url));
const run = (args: string[], input?: string) =>
  spawnSync(process.execPath, [BIN, ...args], { input, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });

describe("tracevault redact", { timeout: 120_000 }, () => {
  it("prints redacted text for an argument", () => {
    const r = run(["redact", "write to jane.doe@example.com please"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("write to [EMAIL_ADDRESS] please\n");
  });

  it("runs as an executable, as npx starts it (its first line hands node a V8 flag through env -S)", () => {
    const r = spawnSync(BIN, ["redact", "write to jane.doe@example.com please"], { encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("write to [EMAIL_ADDRESS] please\n");
  });

  it("reads JSONL, answers every line in order, and names bad lines without stopping", () => {
    const input = [
      JSON.stringify({ id: "a", text: "mail x@example.org", extra: true }),
      "{not json",
      JSON.stringify({ id: "b" }),
      JSON.stringify({ id: "c", text: "hello", channel: "telepathy" }),
      JSON.stringify({ id: 7, text: "plain words", channel: "title" }),
    ].join("\n");
    const r = run(["redact", "--in", "-"], input);
    expect(r.status).toBe(0);
    const lines = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatchObject({ id: "a", redacted: "mail [EMAIL_ADDRESS]" });
    expect(lines[0].spans[0]).toEqual({ start: 5, end: 18, type: "EMAIL_ADDRESS", level: 3 });
    expect(lines[1]).toEqual({ error: "not valid JSON", line: 2 });
    expect(lines[2]).toMatchObject({ line: 3, id: "b" });
    expect(lines[2].error).toMatch(/^text:/);
    expect(lines[3].error).toMatch(/^channel:/);
    expect(lines[4]).toMatchObject({ id: 7, redacted: "plain words", spans: [] });
    expect(r.stderr).toMatch(/3 of 5 lines had errors/);
  });

  it("answers 2,200 mixed lines (several batches) in input order, each exactly as redact would alone", async () => {
    const { redact } = await import("@tracevault/privacy");
    const samples = [
      "card 4539 1488 0343 6467 exp 12/29",
      "Hi Anna Lindqvist, the key is AKIAIOSFODNN7EXAMPLE",
      "meet at 221B Baker Street, London NW1 6XE",
      "nothing to see here",
      "https://example.com/reset?token=fake-token-123",
      "password: hunter2-fake",
    ];
    const channels = [undefined, "typed", "title", "url", "ocr", "clipboard"] as const;
    const recs = Array.from({ length: 2200 }, (_, i) => ({
      id: i,
      text: `${samples[i % samples.length]} #${i}`,
      channel: channels[(i * 7) % channels.length],
    }));
    const input = recs.map((r, i) => (i % 97 === 5 ? "{broken" : JSON.stringify(r))).join("\n");
    const r = run(["redact", "--in", "-", "--channel", "title"], input);
    expect(r.status).toBe(0);
    const lines = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2200);
    lines.forEach((line, i) => {
      if (i % 97 === 5) return expect(line).toEqual({ error: "not valid JSON", line: i + 1 });
      const want = redact(recs[i]!.text, { channel: recs[i]!.channel ?? "title" });
      expect(line).toEqual({
        id: i,
        level: want.level,
        redacted: want.redacted,
        spans: want.spans.map(({ start, end, type, level }) => ({ start, end, type, level })),
      });
    });
    const broken = recs.filter((_, i) => i % 97 === 5).length;
    expect(r.stderr).toContain(`${broken} of 2200 lines had errors`);
  });

  it("reads a file, survives binary junk and a 10 MB line", () => {
    const dir = mkdtempSync(join(tmpdir(), "tv-cli-"));
    const file = join(dir, "in.jsonl");
    const big = "lorem ipsum dolor ".repeat(600_000) + "a@example.com";
    writeFileSync(
      file,
      Buffer.concat([
        Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x0a]),
        Buffer.from(JSON.stringify({ id: "big", text: big }) + "\n"),
        Buffer.from(JSON.stringify({ id: "lone", text: "x\ud800y mail a@example.com" }) + "\n"),
      ]),
    );
    const r = run(["redact", "--in", file]);
    const lines = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines[0]).toEqual({ error: "not valid JSON", line: 1 });
    expect(lines[1].id).toBe("big");
    expect(lines[1].redacted.endsWith("[EMAIL_ADDRESS]")).toBe(true);
    expect(lines[2].redacted).toBe("x\ud800y mail [EMAIL_ADDRESS]");
  });

  it("exits 2 with usage on bad arguments and 1 on an unreadable file", () => {
    expect(run(["redact"]).status).toBe(2);
    expect(run(["redact", "--channel", "nope", "x"]).stderr).toMatch(/--channel must be one of/);
    expect(run(["frobnicate"]).status).toBe(2);
    const r = run(["redact", "--in", "/nonexistent/file.jsonl"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/cannot read/);
  });

  it("is reachable as npx tracevault from the repository root", () => {
    const root = fileURLToPath(new URL("../../..", import.meta.url));
    const out = execFileSync("npx", ["--no-install", "tracevault", "redact", "a@example.com"], {
      cwd: root,
      encoding: "utf8",
    });
    expect(out).toBe("[EMAIL_ADDRESS]\n");
  });
});
