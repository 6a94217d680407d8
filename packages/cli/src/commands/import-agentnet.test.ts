import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Episode, Step } from "@tracevault/core";
import { runImportAgentnet } from "./import-agentnet.js";
import { haveFfmpeg } from "./reduce.js";

const tmp = mkdtempSync(join(tmpdir(), "tv-agentnet-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A fake AgentNetTool recording; the folder name carries a (fake) annotator email, as a published sample did. */
function makeRecording(withVideo: boolean): string {
  const dir = join(tmp, `annotator.fake@example.com_task-17${withVideo ? "-video" : ""}`);
  mkdirSync(dir, { recursive: true });
  const T0 = 5000.0; // perf_counter seconds
  const ev: Record<string, unknown>[] = [];
  let t = T0 + 0.5;
  const add = (e: Record<string, unknown>) => ev.push({ time_stamp: t, ...e, event_idx: ev.length });
  for (let i = 0; i < 10; i++) {
    add({ action: "move", x: 100 + i * 20, y: 100 + i * 10 });
    t += 0.01;
  }
  add({ action: "click", x: 300, y: 200, button: "left", pressed: true });
  t += 0.08;
  add({ action: "click", x: 300, y: 200, button: "left", pressed: false });
  t += 0.8;
  for (const ch of "mail jane.fake@example.com") {
    if (ch === "@") {
      add({ action: "press", name: "shift", pynput_key: "Key.shift" });
      t += 0.02;
    }
    add({ action: "press", name: ch === " " ? "space" : ch });
    t += 0.05;
    add({ action: "release", name: ch === " " ? "space" : ch });
    t += 0.05;
    if (ch === "@") {
      add({ action: "release", name: "shift" });
      t += 0.02;
    }
  }
  add({ action: "press", name: "enter" });
  t += 0.05;
  add({ action: "release", name: "enter" });
  t += 0.8;
  // ctrl+a arrives as "A" (pynput gives the control character; AgentNetTool turns it into the letter)
  add({ action: "press", name: "ctrl_l" });
  t += 0.05;
  add({ action: "press", name: "A" });
  t += 0.05;
  add({ action: "release", name: "A" });
  t += 0.05;
  add({ action: "release", name: "ctrl_l" });
  t += 0.8;
  for (let i = 0; i < 3; i++) {
    add({ action: "scroll", x: 500, y: 400, dx: 0, dy: -1 });
    t += 0.05;
  }
  t += 0.8;
  add({ action: "teleport" });
  const lines = ev.map((e) => JSON.stringify(e));
  lines.push('{"time_stamp": 5010.1, "action": "mo'); // truncated
  writeFileSync(join(dir, "events.jsonl"), lines.join("\n"));
  writeFileSync(
    join(dir, "metadata.json"),
    JSON.stringify({
      system: "Windows",
      release: "10",
      screen_width: 1280,
      screen_height: 720,
      scroll_direction: 1,
      video_start_timestamp: T0,
    }),
  );
  writeFileSync(
    join(dir, "top_window.jsonl"),
    [
      { time_stamp: T0 + 0.1, top_window_name: "Inbox - Mail" },
      { time_stamp: T0 + 2.0, top_window_name: "Compose: jane.fake@example.com" },
    ]
      .map((r) => JSON.stringify(r))
      .join("\n"),
  );
  writeFileSync(
    join(dir, "task_name.json"),
    JSON.stringify({ task_name: "Send a note to jane.fake@example.com", description: "" }),
  );
  writeFileSync(join(dir, "element.jsonl"), '{"x": 1}\n{"x": 2}\n');
  if (withVideo) {
    const r = spawnSync("ffmpeg", [
      "-v",
      "error",
      "-f",
      "lavfi",
      "-i",
      "testsrc=size=640x360:rate=10",
      "-t",
      "9",
      "-pix_fmt",
      "yuv420p",
      join(dir, "screen.mp4"),
    ]);
    expect(r.status).toBe(0);
  }
  return dir;
}

describe("tracevault import agentnet", () => {
  it("imports events, windows and task through the reducer and the privacy engine", async () => {
    const dir = makeRecording(false);
    const out = join(tmp, "ep");
    expect(await runImportAgentnet(["agentnet", dir, "--out", out])).toBe(0);
    const ep = Episode.parse(JSON.parse(readFileSync(join(out, "episode.json"), "utf8")));
    expect(ep.id).not.toContain("@");
    expect(ep.id).not.toMatch(/annotator\.fake/);
    expect(ep.task.instruction).toBeDefined();
    expect(ep.task.instruction).not.toContain("jane.fake@example.com");
    expect(ep.source).toMatchObject({ kind: "agentnet", os: "windows" });
    expect(ep.source.details).toMatchObject({ element_records: 2, a11y_records: null, video: null });
    expect(JSON.stringify(ep)).not.toContain("example.com");
    expect(ep.displays).toEqual([{ id: "0", x: 0, y: 0, w: 1280, h: 720, scale: 1, primary: true }]);
    expect(ep.report).toMatchObject({ unparseable_lines: 1, unknown_kinds: 1 });
    const steps = readFileSync(join(out, "steps.jsonl"), "utf8")
      .trim()
      .split("\n")
      .map((l) => Step.parse(JSON.parse(l)));
    expect(steps.map((s) => s.action.type)).toEqual([
      "click",
      "type",
      "key",
      "hotkey",
      "scroll",
      "terminate",
    ]);
    const typed = steps[1]!.action;
    expect(typed.type === "type" && typed.text.startsWith("mail ")).toBe(true);
    expect(JSON.stringify(steps)).not.toContain("jane.fake@example.com");
    expect(steps[1]!.privacy.rules).toContain("typed:raw_keys_withheld");
    expect(steps[3]!.action).toEqual({ type: "hotkey", keys: ["ctrl", "a"], count: 1 });
    expect(steps[4]!.action).toMatchObject({ type: "scroll", counts: { down: 3, up: 0, left: 0, right: 0 } });
    expect(steps[0]!.observation.window).toEqual({ title: "Inbox - Mail" });
  });

  it.skipIf(!haveFfmpeg())("takes observation frames from the screen video with ffmpeg", async () => {
    const dir = makeRecording(true);
    const out = join(tmp, "ep-video");
    expect(await runImportAgentnet([dir, "--out", out])).toBe(0);
    const steps = readFileSync(join(out, "steps.jsonl"), "utf8")
      .trim()
      .split("\n")
      .map((l) => Step.parse(JSON.parse(l)));
    const f = steps[0]!.observation.screenshot!;
    expect(f).toMatchObject({ w: 640, h: 360, rule: "fallback_offset", scale: { x: 0.5, y: 0.5 } });
    expect(f.video_pts).toBeGreaterThan(0);
    expect(existsSync(join(out, f.ref))).toBe(true);
  });

  it("rejects a folder without events.jsonl", async () => {
    expect(await runImportAgentnet([tmp, "--out", join(tmp, "x")])).toBe(1);
  });
});
