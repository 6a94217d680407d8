import type { Action } from "@tracevault/core";
import { pyautoguiKey } from "../keys.js";
import { pyString, samplePath } from "./common.js";

export interface PyautoguiOptions {
  /** Coordinates as printed: normalised "0.1234" strings or pixel integers. */
  at: (x: number, y: number) => [string, string];
  /** Express durations (long press, hold) with time.sleep (OSWorld runs real Python; AgentNet parses calls). */
  sleep: boolean;
  /** Replay a drag's path point by point instead of a straight dragTo. */
  dragPath: boolean;
  os?: string;
}

const BUTTON: Record<string, string> = { left: "left", right: "right", middle: "middle" };

/**
 * pyautogui code for one action (several lines when needed).
 * @example pyautoguiCode({ type: "hotkey", keys: ["ctrl", "s"], count: 1 }, { at: (x, y) => [String(x), String(y)], sleep: false, dragPath: false }) // "pyautogui.hotkey('ctrl', 's')"
 */
export function pyautoguiCode(a: Action, o: PyautoguiOptions): string {
  const k = (key: string) => pyString(pyautoguiKey(key, o.os));
  const xy = (x: number, y: number) => {
    const [px, py] = o.at(x, y);
    return `x=${px}, y=${py}`;
  };
  const withMods = (mods: string[] | undefined, lines: string[]): string => {
    if (!mods || mods.length === 0) return lines.join("\n");
    return [
      ...mods.map((m) => `pyautogui.keyDown(${k(m)})`),
      ...lines,
      ...[...mods].reverse().map((m) => `pyautogui.keyUp(${k(m)})`),
    ].join("\n");
  };
  switch (a.type) {
    case "click": {
      const btn = BUTTON[a.button];
      if (a.press_ms !== undefined && o.sleep)
        return withMods(a.modifiers, [
          `pyautogui.mouseDown(${xy(a.x, a.y)}, button=${pyString(btn ?? "left")})`,
          `time.sleep(${(a.press_ms / 1000).toFixed(2)})`,
          `pyautogui.mouseUp(button=${pyString(btn ?? "left")})`,
        ]);
      const b = btn === undefined || btn === "left" ? "" : `, button=${pyString(btn)}`;
      return withMods(a.modifiers, [`pyautogui.click(${xy(a.x, a.y)}${b})`]);
    }
    case "double_click":
      return withMods(a.modifiers, [`pyautogui.doubleClick(${xy(a.x, a.y)})`]);
    case "triple_click":
      return withMods(a.modifiers, [`pyautogui.tripleClick(${xy(a.x, a.y)})`]);
    case "right_click":
      return withMods(a.modifiers, [`pyautogui.rightClick(${xy(a.x, a.y)})`]);
    case "middle_click":
      return withMods(a.modifiers, [`pyautogui.middleClick(${xy(a.x, a.y)})`]);
    case "mouse_move":
      return `pyautogui.moveTo(${xy(a.x, a.y)})`;
    case "drag": {
      const p0 = a.path[0]!;
      const p1 = a.path[a.path.length - 1]!;
      const btn = pyString(BUTTON[a.button] ?? "left");
      if (o.dragPath) {
        const pts = samplePath(a.path, 32);
        return withMods(a.modifiers, [
          `pyautogui.mouseDown(${xy(p0.x, p0.y)}, button=${btn})`,
          ...pts.slice(1).map((p) => `pyautogui.moveTo(${xy(p.x, p.y)})`),
          `pyautogui.mouseUp(button=${btn})`,
        ]);
      }
      return withMods(a.modifiers, [
        `pyautogui.moveTo(${xy(p0.x, p0.y)})`,
        `pyautogui.dragTo(${xy(p1.x, p1.y)}, button=${btn})`,
      ]);
    }
    case "scroll": {
      const lines: string[] = [];
      const v = Math.round(a.notches.y);
      const h = Math.round(a.notches.x);
      if (v !== 0 || (h === 0 && (a.counts.up > 0 || a.counts.down > 0)))
        lines.push(`pyautogui.scroll(${v !== 0 ? v : a.counts.up > 0 ? 1 : -1}, ${xy(a.x, a.y)})`);
      if (h !== 0 || (lines.length === 0 && (a.counts.left > 0 || a.counts.right > 0)))
        lines.push(`pyautogui.hscroll(${h !== 0 ? h : a.counts.right > 0 ? 1 : -1}, ${xy(a.x, a.y)})`);
      if (lines.length === 0) lines.push(`pyautogui.scroll(0, ${xy(a.x, a.y)})`);
      return withMods(a.modifiers, lines);
    }
    case "type":
      return `pyautogui.write(message=${pyString(a.text)})`;
    case "key":
      return a.count > 1
        ? `pyautogui.press(${k(a.key)}, presses=${a.count})`
        : `pyautogui.press(${k(a.key)})`;
    case "hotkey": {
      const line = `pyautogui.hotkey(${a.keys.map(k).join(", ")})`;
      return Array.from({ length: a.count }, () => line).join("\n");
    }
    case "hold_key":
      return [
        ...a.keys.map((x) => `pyautogui.keyDown(${k(x)})`),
        ...(o.sleep ? [`time.sleep(${(a.duration_ms / 1000).toFixed(2)})`] : []),
        ...[...a.keys].reverse().map((x) => `pyautogui.keyUp(${k(x)})`),
      ].join("\n");
    case "wait":
      return o.sleep ? `time.sleep(${(a.duration_ms / 1000).toFixed(2)})` : "computer.wait()";
    case "terminate":
      return `computer.terminate(status=${pyString(a.status)})`;
  }
}
