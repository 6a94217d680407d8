import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runExport } from "./export.js";
import { runReduce } from "./reduce.js";
import { mkdirSync, writeFileSync } from "node:fs";
import { randomScript, rng, synthesize } from "@tracevault/trajectory";

function makeRecording(dir: string, seed: number): string {
  mkdirSync(join(dir, "frames"), { recursive: true });
  const events = synthesize(randomScript(rng(seed), 25), { seed, frameEveryMs: 200 });
  for (const e of events) if (e.kind === "screenshot") writeFileSync(join(dir, e.ref), `fake png ${e.ref}`);
  const file = join(dir, "events.jsonl");
  writeFileSync(file, events.map((e) => JSON.stringify(e)).join("\n") + "\n");
  return file;
}

const tmp = mkdtempSync(join(tmpdir(), "tv-export-"));
const dataset = join(tmp, "dataset");
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

beforeAll(async () => {
  for (const seed of [11, 12]) {
    const file = makeRecording(join(tmp, `rec${seed}`), seed);
    expect(
      await runReduce([
        file,
        "--out",
        join(dataset, `ep${seed}`),
        "--task",
        `task ${seed}`,
        ...(seed === 11 ? ["--id", "ep11"] : []),
      ]),
    ).toBe(0);
  }
});

describe("tracevault export", () => {
  for (const format of ["agentnet", "osworld", "computer13", "anthropic", "openai"]) {
    it(`${format}: one line per episode, images copied`, async () => {
      const out = join(tmp, `out-${format}`);
      expect(await runExport([dataset, "--format", format, "--out", out])).toBe(0);
      const lines = readFileSync(join(out, `${format}.jsonl`), "utf8")
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l));
      expect(lines).toHaveLength(2);
      expect(lines[0].instruction).toBe("task 11");
      const img = JSON.stringify(lines[0]).match(/images\/ep11\/[0-9a-f]+\.png/);
      expect(img).not.toBeNull();
      expect(existsSync(join(out, img![0]))).toBe(true);
    });
  }

  it("agentnet code uses 0–1 coordinates with 4 decimals", async () => {
    const out = join(tmp, "an.jsonl");
    expect(await runExport([join(dataset, "ep11"), "--format", "agentnet", "--out", out])).toBe(0);
    const [rec] = readFileSync(out, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    const codes: string[] = rec.traj.map((t: { value: { code: string } }) => t.value.code);
    expect(codes.at(-1)).toBe("computer.terminate(status='success')");
    for (const c of codes)
      for (const m of c.matchAll(/[xy]=([0-9.]+)/g)) expect(m[1]).toMatch(/^[01]\.\d{4}$/);
  });

  it("messages: one sample per step", async () => {
    const out = join(tmp, "msgs");
    expect(await runExport([dataset, "--format", "messages", "--out", out])).toBe(0);
    const lines = readFileSync(join(out, "messages.jsonl"), "utf8").trim().split("\n");
    expect(lines.length).toBeGreaterThan(10);
    expect(JSON.parse(lines[0]!).messages).toHaveLength(3);
  });

  it("hf: episodes.jsonl, data/steps.parquet (DuckDB reads it), images, README card", async () => {
    const out = join(tmp, "hf");
    expect(await runExport([dataset, "--format", "hf", "--out", out])).toBe(0);
    const eps = readFileSync(join(out, "episodes.jsonl"), "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(eps.map((e) => e.episode_id)).toEqual(["ep11", "rec12"]);
    const total = eps.reduce((a: number, e: { steps: number }) => a + e.steps, 0);
    const { DuckDBInstance } = await import("@duckdb/node-api");
    const db = await DuckDBInstance.create(":memory:");
    const con = await db.connect();
    const file = join(out, "data", "steps.parquet");
    const res = await con.runAndReadAll(
      `SELECT count(*)::INTEGER AS n, count(DISTINCT episode_id)::INTEGER AS e, count(image)::INTEGER AS imgs FROM read_parquet('${file}')`,
    );
    const [row] = res.getRowObjects();
    expect(row).toMatchObject({ n: total, e: 2 });
    const imgs = await con.runAndReadAll(
      `SELECT image FROM read_parquet('${file}') WHERE image IS NOT NULL LIMIT 5`,
    );
    for (const r of imgs.getRowObjects()) expect(existsSync(join(out, String(r.image)))).toBe(true);
    con.closeSync();
    const card = readFileSync(join(out, "README.md"), "utf8");
    expect(card).toMatch(/^---\nconfigs:/);
    expect(card).toContain("Privacy policy version:");
    expect(card).toContain("## Reduction parameters");
    expect(card).toContain("### anthropic");
  });

  it("usage errors and missing input", async () => {
    await expect(runExport([dataset, "--format", "csv", "--out", tmp])).rejects.toThrow(/--format/);
    expect(await runExport([join(tmp, "none"), "--format", "agentnet", "--out", join(tmp, "x")])).toBe(1);
  });
});
