/**
 * The pure parts of keyboard/mouse capture: X keycodes → libuiohook codes (the in-process RECORD backend
 * must name keys exactly as the uiohook child does), the modifier bits read from the server's modifier
 * mapping, and the hook child's line protocol as the recorder parses it.
 */
import { describe, expect, it } from "vitest";
import { parseHookLine } from "../src/capture/input-source.js";
import { InputMapper } from "../src/capture/input-mapper.js";
import { vcToX11Keycode } from "../src/capture/keymap.js";
import { modBitsFromMapping, xKeycodeToVc } from "../src/platform/x11/record-input.js";

describe("xKeycodeToVc", () => {
  it("names the main block, navigation, modifiers and function keys as libuiohook does", () => {
    const named = (kc: number) => new InputMapper().map([4, 0, xKeycodeToVc(kc), 0], 0);
    expect(xKeycodeToVc(38)).toBe(0x1e); // A
    expect(xKeycodeToVc(9)).toBe(0x01); // Escape
    expect(xKeycodeToVc(36)).toBe(0x1c); // Return
    expect(xKeycodeToVc(50)).toBe(0x2a); // left Shift
    expect(xKeycodeToVc(105)).toBe(0x0e1d); // right Control
    expect(xKeycodeToVc(133)).toBe(0x0e5b); // left Super = libuiohook Meta (3675)
    expect(xKeycodeToVc(95)).toBe(0x57); // F11
    expect(xKeycodeToVc(191)).toBe(0x5b); // F13
    expect(xKeycodeToVc(194)).toBe(0x63); // F16
    expect(xKeycodeToVc(202)).toBe(0x6b); // F24
    expect(xKeycodeToVc(92)).toBe(0); // the virtual LVL3 key: no name
    expect(xKeycodeToVc(255)).toBe(0);
    const keys = [111, 113, 114, 116, 110, 115, 112, 117, 118, 119, 104, 127, 135].map(
      (kc) => named(kc)?.kind === "key_down" && (named(kc) as { key: string }).key,
    );
    expect(keys).toEqual([
      "up",
      "left",
      "right",
      "down",
      "home",
      "end",
      "pageup",
      "pagedown",
      "insert",
      "delete",
      "enter",
      "pause",
      "contextmenu",
    ]);
  });

  it("is the inverse of the layout table's vcToX11Keycode for every key that types a character", () => {
    // 0x54–0x56 are no keys in libuiohook (X keycodes 92–94 are LVL3 and the ISO key, named 0x0E46)
    const vcs = [...Array(0x58).keys()]
      .map((i) => i + 1)
      .filter((vc) => vc < 0x54 || vc > 0x56)
      .concat([0x0e35, 0x0e0d, 0x0e46, 0x73, 0x7d, 0x0e38]);
    for (const vc of vcs) {
      const kc = vcToX11Keycode(vc);
      if (kc === undefined) continue;
      expect(xKeycodeToVc(kc), `vc ${vc.toString(16)} ↔ keycode ${kc}`).toBe(vc);
    }
  });
});

describe("modBitsFromMapping", () => {
  const rows = (over: Record<number, number[]>) =>
    [...Array(8).keys()].map((m) => over[m] ?? ([] as number[]));
  it("finds Alt, Super and NumLock wherever the server put them", () => {
    // the usual XKB assignment: Mod1 Alt_L, Mod2 Num_Lock, Mod4 Super_L
    expect(
      modBitsFromMapping(rows({ 0: [50, 62], 2: [37, 105], 3: [64, 204], 4: [77], 6: [133, 206] })),
    ).toEqual({
      alt: 0x08,
      numLock: 0x10,
      meta: 0x40,
    });
    // a remapped server: Alt on Mod3, Super on Mod5, NumLock on Mod4
    expect(modBitsFromMapping(rows({ 5: [64], 7: [134], 6: [77] }))).toEqual({
      alt: 0x20,
      numLock: 0x40,
      meta: 0x80,
    });
    // nothing mapped: the usual bits
    expect(modBitsFromMapping(rows({}))).toEqual({ alt: 0x08, numLock: 0x10, meta: 0x40 });
  });
});

describe("parseHookLine (the hook child's protocol)", () => {
  it("reads event lines without JSON and everything else through JSON", () => {
    expect(parseHookLine("[9,1764400000000.125,300,-2]")).toEqual([9, 1764400000000.125, 300, -2]);
    expect(parseHookLine("[11,5,1,2,-1,3,3]")).toEqual([11, 5, 1, 2, -1, 3, 3]);
    expect(parseHookLine('["ready",123.5,42]')).toEqual(["ready", 123.5, 42]);
    // a line inside a batch: only [start, end) is read
    const batch = "[4,1,30,1]\n[5,2,30,0]\n";
    expect(parseHookLine(batch, 11, 21)).toEqual([5, 2, 30, 0]);
    for (const bad of ["", "[]", "[9,,1]", "[9,1,2", "9,1,2]", "[9,1e999,2]", "[9,x,2]", "{}", '"a"'])
      expect(parseHookLine(bad), bad).toBeUndefined();
  });
});
