import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Episode, ReduceParams, ReduceReport, type RawEvent, type Step } from "@tracevault/core";
import { reduceEvents } from "../reducer.js";
import {
  EXPORTERS,
  hfDatasetCard,
  hfEpisodeRow,
  hfStepRows,
  hfStepsParquet,
  pyString,
  type ExportContext,
} from "./index.js";

const DISPLAY: RawEvent = {
  kind: "display",
  t: 0,
  displays: [{ id: "0", x: 0, y: 0, w: 1920, h: 1080, scale: 1, primary: true }],
};

function frame(t: number, i: number): RawEvent {
  // screenshots at half resolution: exporters must map screen → image pixels
  return { kind: "screenshot", t, ref: `frames/${i}.png`, w: 960, h: 540, diff: 0 };
}

function fixture(): { steps: Step[]; ctx: ExportContext } {
  const ev: RawEvent[] = [DISPLAY, { kind: "focus", t: 0, app: "editor", title: "notes.txt" }];
  for (let i = 0; i < 40; i++) ev.push(frame(i * 250, i));
  ev.sort((a, b) => a.t - b.t);
  const more: RawEvent[] = [
    { kind: "mouse_down", t: 1000, x: 1867, y: 1048, button: "left" },
    { kind: "mouse_up", t: 1060, x: 1867, y: 1048, button: "left" },
    { kind: "key_down", t: 2000, code: 0, key: "h" },
    { kind: "key_up", t: 2050, code: 0, key: "h" },
    { kind: "key_down", t: 2100, code: 0, key: "'", char: "'" },
    { kind: "key_up", t: 2150, code: 0, key: "'" },
    { kind: "key_down", t: 3000, code: 0, key: "ctrl" },
    { kind: "key_down", t: 3050, code: 0, key: "s" },
    { kind: "key_up", t: 3100, code: 0, key: "s" },
    { kind: "key_up", t: 3150, code: 0, key: "ctrl" },
    { kind: "mouse_down", t: 4000, x: 100, y: 100, button: "left" },
    { kind: "mouse_move", t: 4050, x: 150, y: 120 },
    { kind: "mouse_move", t: 4100, x: 300, y: 200 },
    { kind: "mouse_up", t: 4150, x: 300, y: 200, button: "left" },
    { kind: "wheel", t: 5000, x: 960, y: 540, axis: "vertical", notches: -1 },
    { kind: "wheel", t: 5050, x: 960, y: 540, axis: "vertical", notches: -1 },
    { kind: "mouse_down", t: 6000, x: 500, y: 500, button: "left" },
    { kind: "mouse_up", t: 6050, x: 500, y: 500, button: "left" },
    { kind: "mouse_down", t: 6200, x: 500, y: 500, button: "left" },
    { kind: "mouse_up", t: 6250, x: 500, y: 500, button: "left" },
    { kind: "mouse_down", t: 6400, x: 500, y: 500, button: "left" },
    { kind: "mouse_up", t: 6450, x: 500, y: 500, button: "left" },
  ];
  const all = [...ev, ...more].sort((a, b) => a.t - b.t);
  const { steps, report, reducer } = reduceEvents(all);
  const episode = Episode.parse({
    schema: "tracevault.episode/1",
    id: "ep1",
    task: { instruction: "save the note", status: "success" },
    source: { kind: "tracevault", os: "linux" },
    displays: reducer.initialDisplays,
    reduction: reducer.params,
    privacy: { policy_version: "test-1", redacted: { "typed:EMAIL_ADDRESS": 1 }, steps_dropped: 0 },
    report,
    steps: { count: steps.length },
  });
  return { steps, ctx: { episode } };
}

describe("exporters", () => {
  const { steps, ctx } = fixture();

  it("the fixture reduces as expected, with frames chosen", () => {
    expect(steps.map((s) => s.action.type)).toEqual([
      "click",
      "type",
      "hotkey",
      "drag",
      "scroll",
      "triple_click",
      "terminate",
    ]);
    expect(steps[0]!.observation.screenshot).toMatchObject({ rule: "stable", scale: { x: 0.5, y: 0.5 } });
    expect(steps[0]!.observation.after?.t).toBeGreaterThanOrEqual(1060 + 300);
  });

  it("agentnet: pyautogui with 0–1 coordinates, 4 decimals, computer.terminate", () => {
    const [rec] = EXPORTERS.agentnet!.records(steps, ctx) as {
      task_id: string;
      instruction: string;
      traj: { index: number; image: string; value: { code: string } }[];
    }[];
    expect(rec!.task_id).toBe("ep1");
    expect(rec!.instruction).toBe("save the note");
    const codes = rec!.traj.map((t) => t.value.code);
    expect(codes[0]).toBe("pyautogui.click(x=0.9724, y=0.9704)");
    expect(codes[1]).toBe("pyautogui.write(message='h\\'')");
    expect(codes[2]).toBe("pyautogui.hotkey('ctrl', 's')");
    expect(codes[3]).toBe(
      "pyautogui.moveTo(x=0.0521, y=0.0926)\npyautogui.dragTo(x=0.1563, y=0.1852, button='left')",
    );
    expect(codes[4]).toBe("pyautogui.scroll(-2, x=0.5000, y=0.5000)");
    expect(codes[5]).toBe("pyautogui.tripleClick(x=0.2604, y=0.4630)");
    expect(codes[6]).toBe("computer.terminate(status='success')");
    expect(rec!.traj[0]!.image).toMatch(/^frames\/\d+\.png$/);
  });

  it("osworld pixels and computer_13", () => {
    const [o] = EXPORTERS.osworld!.records(steps, ctx) as { traj: { action: string }[] }[];
    expect(o!.traj[0]!.action).toBe("pyautogui.click(x=1867, y=1048)");
    expect(o!.traj[3]!.action.split("\n")[0]).toBe("pyautogui.mouseDown(x=100, y=100, button='left')");
    const [c] = EXPORTERS.computer13!.records(steps, ctx) as {
      traj: { actions: { action_type: string; parameters?: unknown }[] }[];
    }[];
    expect(c!.traj[0]!.actions).toEqual([
      { action_type: "CLICK", parameters: { button: "left", x: 1867, y: 1048, num_clicks: 1 } },
    ]);
    expect(c!.traj[2]!.actions).toEqual([{ action_type: "HOTKEY", parameters: { keys: ["ctrl", "s"] } }]);
    expect(c!.traj[4]!.actions[1]).toEqual({ action_type: "SCROLL", parameters: { dx: 0, dy: -2 } });
    expect(c!.traj[6]!.actions).toEqual([{ action_type: "DONE" }]);
  });

  it("anthropic: computer_20250124 inputs in screenshot pixels", () => {
    const [a] = EXPORTERS.anthropic!.records(steps, ctx) as {
      tool: unknown;
      steps: { inputs: unknown[] }[];
    }[];
    expect(a!.tool).toEqual({
      type: "computer_20250124",
      name: "computer",
      display_width_px: 960,
      display_height_px: 540,
    });
    expect(a!.steps[0]!.inputs).toEqual([{ action: "left_click", coordinate: [934, 524] }]);
    expect(a!.steps[2]!.inputs).toEqual([{ action: "key", text: "ctrl+s" }]);
    expect(a!.steps[3]!.inputs).toEqual([
      { action: "left_click_drag", start_coordinate: [50, 50], coordinate: [150, 100] },
    ]);
    expect(a!.steps[4]!.inputs).toEqual([
      { action: "scroll", coordinate: [480, 270], scroll_direction: "down", scroll_amount: 2 },
    ]);
    expect(a!.steps[5]!.inputs).toEqual([{ action: "triple_click", coordinate: [250, 250] }]);
    expect(a!.steps[6]!.inputs).toEqual([]);
  });

  it("anthropic: the episode as a Messages transcript — tool_use answered by tool_result with the next screenshot", () => {
    const [a] = EXPORTERS.anthropic!.records(steps, ctx) as {
      instruction: string;
      steps: { inputs: unknown[]; image: string | null }[];
      messages: { role: string; content: Record<string, unknown>[] }[];
    }[];
    const m = a!.messages;
    expect(m[0]!.role).toBe("user");
    expect(m[0]!.content[0]).toEqual({ type: "text", text: a!.instruction });
    expect(m[0]!.content[1]).toEqual({ type: "image", path: a!.steps[0]!.image });
    // user, then assistant/user pairs: one per step with an equivalent input
    const acting = a!.steps.filter((x) => x.inputs.length > 0);
    expect(m.length).toBe(1 + 2 * acting.length);
    m.forEach((x, i) => expect(x.role).toBe(i % 2 === 0 ? "user" : "assistant"));
    acting.forEach((st, j) => {
      const uses = m[1 + 2 * j]!.content;
      const results = m[2 + 2 * j]!.content;
      expect(uses.map((u) => u.input)).toEqual(st.inputs);
      expect(uses.every((u) => u.type === "tool_use" && u.name === "computer")).toBe(true);
      expect(results.map((r) => r.tool_use_id)).toEqual(uses.map((u) => u.id));
      // the screenshot that followed closes the turn
      expect((results.at(-1)!.content as { type: string; path: string }[])[0]?.type).toBe("image");
    });
    const ids = m.flatMap((x) => x.content.filter((c) => c.type === "tool_use").map((c) => c.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("openai: computer-use actions", () => {
    const [o] = EXPORTERS.openai!.records(steps, ctx) as {
      steps: { actions: Record<string, unknown>[] }[];
    }[];
    expect(o!.steps[0]!.actions).toEqual([{ type: "click", button: "left", x: 934, y: 524 }]);
    expect(o!.steps[2]!.actions).toEqual([{ type: "keypress", keys: ["CTRL", "S"] }]);
    expect(o!.steps[3]!.actions[0]!.type).toBe("drag");
    expect(o!.steps[3]!.actions[0]!.path).toEqual([
      { x: 50, y: 50 },
      { x: 75, y: 60 },
      { x: 150, y: 100 },
    ]);
    expect(o!.steps[4]!.actions).toEqual([{ type: "scroll", x: 480, y: 270, scroll_x: 0, scroll_y: 200 }]);
    expect(o!.steps[5]!.actions.map((a) => a.type)).toEqual(["double_click", "click"]);
  });

  it("messages: TRL chat layout with images", () => {
    const recs = EXPORTERS.messages!.records(steps, ctx) as {
      messages: { role: string; content: { type: string }[] }[];
      images: string[];
    }[];
    expect(recs).toHaveLength(steps.length);
    expect(recs[1]!.messages.map((m) => m.role)).toEqual(["system", "user", "assistant"]);
    expect(recs[1]!.messages[1]!.content[0]).toEqual({ type: "image" });
    expect(recs[1]!.images).toHaveLength(1);
  });

  it("hf: steps.parquet readable by DuckDB; the card states parameters, policy and limitations", async () => {
    const rows = hfStepRows(steps, ctx);
    const bytes = hfStepsParquet(rows);
    const dir = mkdtempSync(join(tmpdir(), "tv-hf-"));
    try {
      const file = join(dir, "steps.parquet");
      writeFileSync(file, bytes);
      const { DuckDBInstance } = await import("@duckdb/node-api");
      const db = await DuckDBInstance.create(":memory:");
      const con = await db.connect();
      const res = await con.runAndReadAll(
        `SELECT count(*)::INTEGER AS n, count(DISTINCT action_type)::INTEGER AS kinds, max(step_index)::INTEGER AS last,
                min(x) AS minx, any_value(agentnet_code) FILTER (WHERE action_type = 'click') AS code
         FROM read_parquet('${file}')`,
      );
      const [row] = res.getRowObjects();
      expect(row).toMatchObject({
        n: steps.length,
        kinds: 7,
        last: steps.length - 1,
        minx: 100,
        code: "pyautogui.click(x=0.9724, y=0.9704)",
      });
      const typed = await con.runAndReadAll(
        `SELECT text FROM read_parquet('${file}') WHERE action_type = 'type'`,
      );
      expect(typed.getRowObjects()[0]!.text).toBe("h'");
      con.closeSync();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const card = hfDatasetCard({
      episodes: [ctx.episode],
      steps: steps.length,
      images: 3,
      formats: Object.values(EXPORTERS),
    });
    expect(card).toContain("Privacy policy version: test-1");
    expect(card).toContain('"click_interval_ms": 500');
    expect(card).toContain("| typed:EMAIL_ADDRESS | 1 |");
    expect(card).toContain("left_click_drag keeps only start and end");
    expect(card).toContain("no triple_click");
    expect(hfEpisodeRow(ctx.episode)).toMatchObject({ episode_id: "ep1", steps: steps.length });
  });

  it("python string literals", () => {
    expect(pyString("a'b\\c\nd\u0001")).toBe("'a\\'b\\\\c\\nd\\x01'");
  });

  it("episode defaults are complete", () => {
    expect(ReduceReport.parse({}).out_of_order).toBe(0);
    expect(ReduceParams.parse({}).control_hotkeys.length).toBeGreaterThan(0);
  });
});
