import { RawEvent } from "@tracevault/core";
import { describe, expect, it } from "vitest";
import { InputMapper } from "../src/capture/input-mapper.js";
import { Keymap } from "../src/capture/keymap.js";

describe("InputMapper", () => {
  it("maps key records to schema-valid key events with modifiers", () => {
    const m = new InputMapper();
    const down = m.map([4, 0, 0x1e, 1 | 2], 10)!;
    expect(down).toEqual({
      kind: "key_down",
      t: 10,
      code: 0x1e,
      key: "a",
      char: "A",
      mods: { shift: true, ctrl: true, alt: false, meta: false, altgr: false, capslock: false },
    });
    expect(RawEvent.safeParse(down).success).toBe(true);
    const up = m.map([5, 0, 0x1e, 0], 11)!;
    expect(up).toMatchObject({ kind: "key_up", key: "a" });
    expect("char" in up).toBe(false);
    expect(RawEvent.safeParse(up).success).toBe(true);
  });

  it("tracks CapsLock from its initial state, ignoring auto-repeat", () => {
    const m = new InputMapper({ capsLock: true });
    expect(m.map([4, 0, 0x1e, 0], 0)).toMatchObject({ char: "A", mods: { capslock: true } });
    m.map([4, 0, 0x3a, 0], 1);
    m.map([4, 0, 0x3a, 0], 2); // repeat: no second toggle
    m.map([5, 0, 0x3a, 0], 3);
    expect(m.capsLock).toBe(false);
    expect(m.map([4, 0, 0x1e, 0], 4)).toMatchObject({ char: "a" });
  });

  it("tells AltGr from Alt when the layout puts AltGr on right Alt", () => {
    const rows: number[][] = [];
    for (let kc = 8; kc <= 255; kc++) rows.push([0, 0, 0, 0, 0, 0, 0]);
    rows[24 - 8] = [0x71, 0x51, 0, 0, 0x40, 0, 0];
    rows[108 - 8] = [0xfe03, 0, 0, 0, 0, 0, 0];
    const de = Keymap.fromX11(rows, 8, { layout: "de" });
    const m = new InputMapper({ keymap: () => de });
    expect(m.map([4, 0, 0x0e38, 4], 0)).toMatchObject({ key: "altgr", mods: { alt: false, altgr: true } });
    expect(m.map([4, 0, 0x10, 4], 1)).toMatchObject({
      key: "q",
      char: "@",
      mods: { alt: false, altgr: true },
    });
    m.map([5, 0, 0x10, 4], 2);
    m.map([5, 0, 0x0e38, 0], 3);
    // Left Alt is Alt
    m.map([4, 0, 0x38, 4], 4);
    expect(m.map([4, 0, 0x10, 4], 5)).toMatchObject({ char: "q", mods: { alt: true, altgr: false } });
    // On US, right Alt is plain Alt
    const us = new InputMapper();
    expect(us.map([4, 0, 0x0e38, 4], 0)).toMatchObject({ key: "alt", mods: { alt: true, altgr: false } });
  });

  it("maps buttons, moves, and skips unknown buttons", () => {
    const m = new InputMapper();
    expect(m.map([7, 0, 10, 20, 1, 1], 1)).toEqual({
      kind: "mouse_down",
      t: 1,
      x: 10,
      y: 20,
      button: "left",
    });
    expect(m.map([8, 0, 10, 20, 2, 1], 2)).toEqual({ kind: "mouse_up", t: 2, x: 10, y: 20, button: "right" });
    expect(m.map([7, 0, 1, 2, 3, 1], 3)).toMatchObject({ button: "middle" });
    expect(m.map([7, 0, 1, 2, 4, 1], 3)).toMatchObject({ button: "back" });
    expect(m.map([7, 0, 1, 2, 5, 1], 3)).toMatchObject({ button: "forward" });
    expect(m.map([7, 0, 1, 2, 9, 1], 3)).toBeUndefined();
    expect(m.map([9, 0, 5, 6], 4)).toEqual({ kind: "mouse_move", t: 4, x: 5, y: 6 });
    expect(m.map(["ready", 0, 1], 5)).toBeUndefined();
  });

  it("maps wheel rotation to notches (+ up/right) and, when configured, pixels (+ down/right)", () => {
    const plain = new InputMapper();
    const up = plain.map([11, 0, 5, 6, -1, 3, 3], 1)!;
    expect(up).toEqual({ kind: "wheel", t: 1, x: 5, y: 6, axis: "vertical", notches: 1 });
    expect(RawEvent.safeParse(up).success).toBe(true);
    const px = new InputMapper({ wheelPixelsPerNotch: 120 });
    expect(px.map([11, 0, 5, 6, 1, 3, 3], 1)).toMatchObject({ axis: "vertical", notches: -1, pixels: 120 });
    expect(px.map([11, 0, 5, 6, -1, 4, 3], 1)).toMatchObject({
      axis: "horizontal",
      notches: -1,
      pixels: -120,
    });
    expect(px.map([11, 0, 5, 6, 1, 4, 3], 1)).toMatchObject({ axis: "horizontal", notches: 1, pixels: 120 });
  });
});
