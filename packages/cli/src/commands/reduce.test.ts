import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Episode, Step } from "@tracevault/core";
import { randomScript, rng, synthesize } from "@tracevault/trajectory";
import { runReduce } from "./reduce.js";

const tmp = mkdtempSync(join(tmpdir(), "tv-reduce-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A recording folder: events.jsonl with frames, and the frame files. */
function makeRecording(dir: string, seed = 7, extraLines: string[] = []): string {
  mkdirSync(join(dir, "frames"), { recursive: true });
  const events = synthesize(randomScript(rng(seed), 25), { seed, frameEveryMs: 200 });
  for (const e of events) if (e.kind === "screenshot") writeFileSync(join(dir, e.ref), `fake png ${e.ref}`);
  const file = join(dir, "events.jsonl");
  writeFileSync(file, events.map((e) => JSON.stringify(e)).join("\n") + "\n" + extraLines.join("\n"));
  return file;
}

describe("tracevault reduce", () => {
  it("writes a valid episode folder: episode.json, steps.jsonl, images", async () => {
    const rec = join(tmp, "rec1");
    const file = makeRecording(rec, 7, [
      JSON.stringify({ kind: "key_down", t: 1e9, code: 0, key: "a" }),
      JSON.stringify({ kind: "gesture", t: 1e9 + 1 }),
      JSON.stringify({ kind: "mouse_move", t: 1e9 + 2, x: "left" }),
      '{"kind": "mouse_mo', // truncated last line
    ]);
    const out = join(tmp, "ep1");
    const code = await runReduce([
      file,
      "--out",
      out,
      "--task",
      "write to jane.doe@example.com",
      "--set",
      "click_interval_ms=450",
    ]);
    expect(code).toBe(0);
    const ep = Episode.parse(JSON.parse(readFileSync(join(out, "episode.json"), "utf8")));
    expect(ep.reduction.click_interval_ms).toBe(450);
    expect(ep.task.instruction).not.toContain("jane.doe@example.com");
    expect(ep.report).toMatchObject({
      unknown_kinds: 1,
      invalid_events: 1,
      unparseable_lines: 1,
      stuck_keys_at_end: 1,
    });
    expect(ep.privacy.policy_version.length).toBeGreaterThan(0);
    const lines = readFileSync(join(out, "steps.jsonl"), "utf8").trim().split("\n");
    expect(lines.length).toBe(ep.steps.count);
    const steps = lines.map((l) => Step.parse(JSON.parse(l)));
    expect(steps.at(-1)!.action.type).toBe("terminate");
    const withImage = steps.filter((s) => s.observation.screenshot !== null);
    expect(withImage.length).toBeGreaterThan(steps.length / 2);
    for (const s of withImage) {
      expect(s.observation.screenshot!.ref).toMatch(/^images\/[0-9a-f]{16}\.png$/);
      expect(existsSync(join(out, s.observation.screenshot!.ref))).toBe(true);
    }
  });

  it("refuses to overwrite, reports unreadable input, checks usage", async () => {
    const file = makeRecording(join(tmp, "rec2"), 8);
    const out = join(tmp, "ep2");
    expect(await runReduce([file, "--out", out])).toBe(0);
    expect(await runReduce([file, "--out", out])).toBe(1);
    expect(await runReduce([file, "--out", out, "--force"])).toBe(0);
    expect(await runReduce([join(tmp, "nope.jsonl"), "--out", join(tmp, "ep3")])).toBe(1);
    await expect(runReduce([file])).rejects.toThrow(/--out/);
    await expect(runReduce([file, "--out", out, "--set", "click_interval_ms=-1"])).rejects.toThrow(
      /click_interval_ms/,
    );
  });
});
