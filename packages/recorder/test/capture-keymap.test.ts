import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InputMapper } from "../src/capture/input-mapper.js";
import { Keymap, keysymToChar, vcToX11Keycode } from "../src/capture/keymap.js";

/** Inverse US table: character → [code, shift]. */
function usKeys(): Map<string, [number, boolean]> {
  const us = Keymap.us();
  const m = new Map<string, [number, boolean]>();
  for (let vc = 1; vc < 0x60; vc++)
    for (const shift of [false, true]) {
      const c = us.lookup(vc, { shift }).char;
      if (c !== undefined && !m.has(c)) m.set(c, [vc, shift]);
    }
  return m;
}

/** A synthetic X core keyboard mapping (7 keysyms per keycode, from keycode 8). */
function xRows(over: Record<number, number[]>): number[][] {
  const rows: number[][] = [];
  for (let kc = 8; kc <= 255; kc++) rows.push(over[kc] ?? [0, 0, 0, 0, 0, 0, 0]);
  return rows;
}

describe("Keymap (built-in US)", () => {
  const us = Keymap.us();
  it("maps letters, digits and punctuation with Shift", () => {
    expect(us.lookup(0x1e, {})).toEqual({ key: "a", char: "a" });
    expect(us.lookup(0x1e, { shift: true })).toEqual({ key: "a", char: "A" });
    expect(us.lookup(0x02, { shift: true })).toEqual({ key: "1", char: "!" });
    expect(us.lookup(0x35, {})).toEqual({ key: "/", char: "/" });
    expect(us.lookup(0x28, { shift: true })).toEqual({ key: "'", char: '"' });
    expect(us.lookup(0x39, {})).toEqual({ key: "space", char: " " });
  });
  it("applies CapsLock to letters only, and Shift+CapsLock gives lower case", () => {
    expect(us.lookup(0x1e, { capslock: true }).char).toBe("A");
    expect(us.lookup(0x1e, { capslock: true, shift: true }).char).toBe("a");
    expect(us.lookup(0x02, { capslock: true }).char).toBe("1");
  });
  it("names non-printing keys canonically and gives them no character", () => {
    const names: [number, string][] = [
      [0x1c, "enter"],
      [0x0e1c, "enter"],
      [0x0f, "tab"],
      [0x0e, "backspace"],
      [0x01, "escape"],
      [0x0e53, "delete"],
      [0xe048, "up"],
      [0xe04b, "left"],
      [0x0e49, "pageup"],
      [0x3b, "f1"],
      [0x58, "f12"],
      [0x6b, "f24"],
      [0x2a, "shift"],
      [0x0e1d, "ctrl"],
      [0x0e38, "alt"],
      [0x0e5b, "meta"],
      [0x3a, "capslock"],
      [0, "unidentified"],
    ];
    for (const [vc, name] of names) expect(us.lookup(vc, { shift: true })).toEqual({ key: name });
  });
  it("types keypad digits with NumLock on, and navigates with it off (0xEE prefix)", () => {
    expect(us.lookup(0x4f, {})).toEqual({ key: "numpad1", char: "1" });
    expect(us.lookup(0x0e35, {})).toEqual({ key: "numpaddivide", char: "/" });
    expect(us.lookup(0xee4f, {})).toEqual({ key: "end" });
    expect(us.lookup(0xee48, {})).toEqual({ key: "up" });
  });
  it("round-trips every printable ASCII string through codes and the mapper (property)", () => {
    const inv = usKeys();
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
          maxLength: 40,
        }),
        (s) => {
          const m = new InputMapper();
          let out = "";
          let t = 0;
          for (const ch of s) {
            const [vc, shift] = inv.get(ch)!;
            const flags = shift ? 1 : 0;
            if (shift) m.map([4, t++, 0x2a, 1], t);
            const e = m.map([4, t++, vc, flags], t);
            if (e?.kind === "key_down" && e.char) out += e.char;
            m.map([5, t++, vc, flags], t);
            if (shift) m.map([5, t++, 0x2a, 0], t);
          }
          return out === s;
        },
      ),
    );
  });
});

describe("Keymap.fromX11 (the real layout from the X server)", () => {
  // A German-like layout: z and y swapped, AltGr+q = @, a dead key, AltGr on right Alt, a Cyrillic key.
  const rows = xRows({
    24: [0x71, 0x51, 0x71, 0x51, 0x40, 0x10003a9, 0x40], // q Q … @ Ω
    29: [0x7a, 0, 0, 0, 0, 0, 0], // z (single keysym: lower/upper implied)
    52: [0x79, 0x59, 0x79, 0x59, 0x3e, 0, 0], // y Y … >
    21: [0xfe51, 0xfe50, 0, 0, 0, 0, 0], // dead_acute dead_grave
    38: [0x6c1, 0x6e1, 0, 0, 0, 0, 0], // Cyrillic_a Cyrillic_A
    11: [0x32, 0x22, 0, 0, 0xb2, 0, 0], // 2 " … ²
    108: [0xfe03, 0, 0xfe03, 0, 0, 0, 0], // ISO_Level3_Shift
  });
  const km = Keymap.fromX11(rows, 8, { rules: "evdev", layout: "de" });
  it("uses the layout's characters for the physical key", () => {
    expect(km.info).toEqual({ source: "x11", rules: "evdev", layout: "de" });
    expect(km.lookup(0x15, {})).toEqual({ key: "z", char: "z" }); // the US "y" position
    expect(km.lookup(0x15, { shift: true })).toEqual({ key: "z", char: "Z" });
    expect(km.lookup(0x2c, {})).toEqual({ key: "y", char: "y" });
    expect(km.lookup(0x03, { shift: true })).toEqual({ key: "2", char: '"' });
  });
  it("recognises AltGr on right Alt and uses levels 3/4", () => {
    expect(km.rightAltIsAltGr).toBe(true);
    expect(km.lookup(0x0e38, {})).toEqual({ key: "altgr" });
    expect(km.lookup(0x10, { altgr: true })).toEqual({ key: "q", char: "@" });
    expect(km.lookup(0x10, { altgr: true, shift: true })).toEqual({ key: "q", char: "Ω" });
    expect(km.lookup(0x03, { altgr: true })).toEqual({ key: "2", char: "²" });
  });
  it("marks dead keys and decodes legacy keysyms", () => {
    expect(km.lookup(0x0d, {})).toEqual({ key: "=", dead: true });
    expect(km.lookup(0x1e, {})).toEqual({ key: "а", char: "а" });
    expect(km.lookup(0x1e, { shift: true }).char).toBe("А");
    expect(km.lookup(0x1e, { capslock: true }).char).toBe("А");
  });
  it("falls back to US names for keys the layout leaves empty", () => {
    expect(km.lookup(0x1f, {})).toEqual({ key: "s" });
  });
});

describe("keysyms and keycodes", () => {
  it("converts keysyms to characters", () => {
    expect(keysymToChar(0x61)).toBe("a");
    expect(keysymToChar(0xe9)).toBe("é");
    expect(keysymToChar(0x10020ac)).toBe("€");
    expect(keysymToChar(0x1f600 + 0x1000000)).toBe("😀");
    expect(keysymToChar(0x6c1)).toBe("а");
    expect(keysymToChar(0x1ec)).toBe("ě");
    expect(keysymToChar(0xffb5)).toBe("5");
    expect(keysymToChar(0xff0d)).toBeUndefined(); // Return
    expect(keysymToChar(0xfe51)).toBeUndefined(); // dead_acute
    expect(keysymToChar(0)).toBeUndefined();
  });
  it("maps libuiohook codes to evdev X keycodes", () => {
    expect(vcToX11Keycode(0x1e)).toBe(38); // a
    expect(vcToX11Keycode(0x01)).toBe(9); // Escape
    expect(vcToX11Keycode(0x57)).toBe(95); // F11
    expect(vcToX11Keycode(0x0e38)).toBe(108);
    expect(vcToX11Keycode(0xe048)).toBeUndefined();
  });
});
