import type { KeyDownEvent, KeyUpEvent, ModifierState, MouseButton, RawEvent } from "@tracevault/core";
import { Keymap } from "./keymap.js";

/** One record from the hook child (see hook-child.ts for the protocol). */
export type HookRecord = readonly (number | string)[];

export interface InputMapperOptions {
  /** The active layout (called per key event, so a layout change is picked up at once). Default: US. */
  keymap?: () => Keymap;
  /** CapsLock state when capture starts (X11: read from the server). Default false. */
  capsLock?: boolean;
  /**
   * Pixels per wheel notch, for `wheel.pixels`. X11 reports no pixel delta, so by default `pixels` is
   * omitted (the schema's rule: only when the source reports one). Measured: Chromium 156 on X11 scrolls
   * 120 px per notch; terminals scroll lines.
   */
  wheelPixelsPerNotch?: number;
}

const MOD_SHIFT = 1;
const MOD_CTRL = 2;
const MOD_ALT = 4;
const MOD_META = 8;
const VC_CAPSLOCK = 0x3a;
const VC_ALT_L = 0x38;
const VC_ALT_R = 0x0e38;

const BUTTONS: Record<number, MouseButton> = { 1: "left", 2: "right", 3: "middle", 4: "back", 5: "forward" };

/**
 * Turns hook records into core raw events: key codes → canonical names and characters through the layout,
 * modifier flags → ModifierState (AltGr told apart from Alt by the layout, CapsLock tracked), buttons →
 * names, wheel rotation → notches (+ = up / right, the schema's convention).
 *
 * libuiohook's wheel on X11: buttons 4/5 (up/down) and 6/7 (left/right) become rotation -1 (up, left) or
 * +1 (down, right), direction 3 (vertical) or 4 (horizontal); one event per notch.
 */
export class InputMapper {
  private readonly keymap: () => Keymap;
  private readonly pressed = new Set<number>();
  private caps: boolean;
  private readonly pxPerNotch: number | undefined;

  constructor(opts: InputMapperOptions = {}) {
    const us = Keymap.us();
    this.keymap = opts.keymap ?? (() => us);
    this.caps = opts.capsLock ?? false;
    this.pxPerNotch = opts.wheelPixelsPerNotch;
  }

  /** CapsLock as currently tracked. */
  get capsLock(): boolean {
    return this.caps;
  }

  /**
   * Map one record. `t` is the event time on the recorder's clock. Returns undefined for records that are
   * not events (ready) or carry nothing usable (unknown button).
   * @example new InputMapper().map([4, 0, 30, 1], 5) // { kind: "key_down", t: 5, code: 30, key: "a", char: "A", mods: {…} }
   */
  map(rec: HookRecord, t: number): RawEvent | undefined {
    const type = rec[0];
    switch (type) {
      case 4:
      case 5:
        return this.key(type === 4, Number(rec[2]), Number(rec[3]), t);
      case 7:
      case 8: {
        const button = BUTTONS[Number(rec[4])];
        if (!button) return undefined;
        return {
          kind: type === 7 ? "mouse_down" : "mouse_up",
          t,
          x: Number(rec[2]),
          y: Number(rec[3]),
          button,
        };
      }
      case 9:
        return { kind: "mouse_move", t, x: Number(rec[2]), y: Number(rec[3]) };
      case 11: {
        const rotation = Number(rec[4]);
        const vertical = Number(rec[5]) !== 4;
        // notches: + = up (vertical) / right (horizontal); pixels: + = down / right.
        const notches = vertical ? -rotation : rotation;
        const ev: RawEvent = {
          kind: "wheel",
          t,
          x: Number(rec[2]),
          y: Number(rec[3]),
          axis: vertical ? "vertical" : "horizontal",
          notches,
        };
        if (this.pxPerNotch !== undefined) ev.pixels = rotation * this.pxPerNotch;
        return ev;
      }
      default:
        return undefined;
    }
  }

  private key(down: boolean, code: number, flags: number, t: number): KeyDownEvent | KeyUpEvent {
    const km = this.keymap();
    const repeat = down && this.pressed.has(code);
    if (down) this.pressed.add(code);
    else this.pressed.delete(code);
    if (down && !repeat && code === VC_CAPSLOCK) this.caps = !this.caps;

    const altgrHeld = km.rightAltIsAltGr && this.pressed.has(VC_ALT_R);
    let alt = (flags & MOD_ALT) !== 0;
    // libuiohook sets its Alt flag for the right Alt key too; on layouts where that key is AltGr, it is not Alt.
    if (alt && altgrHeld && !this.pressed.has(VC_ALT_L)) alt = false;
    const mods: ModifierState = {
      shift: (flags & MOD_SHIFT) !== 0,
      ctrl: (flags & MOD_CTRL) !== 0,
      alt,
      meta: (flags & MOD_META) !== 0,
      altgr: altgrHeld,
      capslock: this.caps,
    };
    const look = km.lookup(code, { shift: mods.shift, altgr: altgrHeld, capslock: this.caps });
    if (!down) return { kind: "key_up", t, code, key: look.key, mods };
    const ev: KeyDownEvent = { kind: "key_down", t, code, key: look.key, mods };
    if (look.char !== undefined) ev.char = look.char;
    return ev;
  }
}
