import { createRequire } from "node:module";

/**
 * Key codes → canonical key names and characters, through the active keyboard layout.
 *
 * libuiohook reports keys as "virtual codes" (VC): PC scan-code set 1 values, with 0x0Exx / 0xE0xx for
 * extended keys (A=0x1E, Shift=0x2A, Meta=0x0E5B, Up=0xE048) and 0xEExx for keypad keys with NumLock off.
 * It gives no characters, so:
 * - {@link Keymap.us} is a built-in US (QWERTY) table: code + shift → character.
 * - {@link Keymap.fromX11} reads the real layout: the X server's core keyboard mapping (GetKeyboardMapping,
 *   what XKB compiles `setxkbmap` settings into), converting each VC to its X (evdev) keycode and each keysym
 *   to a character. Levels used: 1 (plain), 2 (Shift), 3 (AltGr), 4 (AltGr+Shift) of the first group.
 *
 * Limits (documented, not hidden): only the first XKB group is used (a second layout switched to with a
 * group toggle is not followed); dead keys produce no character (the composed character is not
 * reconstructed); keys libuiohook cannot name (code 0: e.g. keysyms xdotool maps on a spare keycode, the ISO
 * `<>` key on evdev) have no character.
 */

/** Keypad codes with NumLock off carry this prefix (libuiohook). */
const KP_NAV = 0xee00;

/** Names of keys that do not type a character (canonical, see @tracevault/trajectory `canonicalKey`). */
const NAMED: ReadonlyMap<number, string> = new Map([
  [0x0001, "escape"],
  [0x000e, "backspace"],
  [0x000f, "tab"],
  [0x001c, "enter"],
  [0x0e1c, "enter"],
  [0x003a, "capslock"],
  [0x0045, "numlock"],
  [0x0046, "scrolllock"],
  [0x0e37, "printscreen"],
  [0x0e45, "pause"],
  [0x0e52, "insert"],
  [0x0e53, "delete"],
  [0x0e47, "home"],
  [0x0e4f, "end"],
  [0x0e49, "pageup"],
  [0x0e51, "pagedown"],
  [0xe048, "up"],
  [0xe04b, "left"],
  [0xe04c, "clear"],
  [0xe04d, "right"],
  [0xe050, "down"],
  [0x002a, "shift"],
  [0x0036, "shift"],
  [0x001d, "ctrl"],
  [0x0e1d, "ctrl"],
  [0x0038, "alt"],
  [0x0e38, "alt"], // "altgr" when the layout puts ISO_Level3_Shift on it (see Keymap.rightAltIsAltGr)
  [0x0e5b, "meta"],
  [0x0e5c, "meta"],
  [0x0e5d, "contextmenu"],
  [0xe020, "volumemute"],
  [0xe02e, "volumedown"],
  [0xe030, "volumeup"],
  [0xe022, "mediaplaypause"],
  [0xe024, "mediastop"],
  [0xe010, "mediaprevious"],
  [0xe019, "medianext"],
  // F1–F24
  ...[0x3b, 0x3c, 0x3d, 0x3e, 0x3f, 0x40, 0x41, 0x42, 0x43, 0x44, 0x57, 0x58].map(
    (c, i) => [c, `f${i + 1}`] as [number, string],
  ),
  ...[0x5b, 0x5c, 0x5d, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x6b].map(
    (c, i) => [c, `f${i + 13}`] as [number, string],
  ),
]);

/** Keypad keys (NumLock on): canonical name and character. */
const KEYPAD: ReadonlyMap<number, [string, string]> = new Map([
  [0x0052, ["numpad0", "0"]],
  [0x004f, ["numpad1", "1"]],
  [0x0050, ["numpad2", "2"]],
  [0x0051, ["numpad3", "3"]],
  [0x004b, ["numpad4", "4"]],
  [0x004c, ["numpad5", "5"]],
  [0x004d, ["numpad6", "6"]],
  [0x0047, ["numpad7", "7"]],
  [0x0048, ["numpad8", "8"]],
  [0x0049, ["numpad9", "9"]],
  [0x0053, ["numpaddecimal", "."]],
  [0x0e35, ["numpaddivide", "/"]],
  [0x0037, ["numpadmultiply", "*"]],
  [0x004a, ["numpadsubtract", "-"]],
  [0x004e, ["numpadadd", "+"]],
  [0x0e0d, ["numpadequal", "="]],
]);

/** Keypad keys with NumLock off (code | 0xEE00): the navigation key they act as. */
const KEYPAD_NAV: ReadonlyMap<number, string> = new Map([
  [0x52, "insert"],
  [0x4f, "end"],
  [0x50, "down"],
  [0x51, "pagedown"],
  [0x4b, "left"],
  [0x4c, "clear"],
  [0x4d, "right"],
  [0x47, "home"],
  [0x48, "up"],
  [0x49, "pageup"],
  [0x53, "delete"],
]);

/** US QWERTY: code → [unshifted, shifted]. */
const US: ReadonlyMap<number, [string, string]> = new Map([
  [0x29, ["`", "~"]],
  [0x02, ["1", "!"]],
  [0x03, ["2", "@"]],
  [0x04, ["3", "#"]],
  [0x05, ["4", "$"]],
  [0x06, ["5", "%"]],
  [0x07, ["6", "^"]],
  [0x08, ["7", "&"]],
  [0x09, ["8", "*"]],
  [0x0a, ["9", "("]],
  [0x0b, ["0", ")"]],
  [0x0c, ["-", "_"]],
  [0x0d, ["=", "+"]],
  [0x1a, ["[", "{"]],
  [0x1b, ["]", "}"]],
  [0x2b, ["\\", "|"]],
  [0x27, [";", ":"]],
  [0x28, ["'", '"']],
  [0x33, [",", "<"]],
  [0x34, [".", ">"]],
  [0x35, ["/", "?"]],
  [0x39, [" ", " "]],
  [0x0e46, ["<", ">"]],
  ...(
    [
      [0x10, "q"],
      [0x11, "w"],
      [0x12, "e"],
      [0x13, "r"],
      [0x14, "t"],
      [0x15, "y"],
      [0x16, "u"],
      [0x17, "i"],
      [0x18, "o"],
      [0x19, "p"],
      [0x1e, "a"],
      [0x1f, "s"],
      [0x20, "d"],
      [0x21, "f"],
      [0x22, "g"],
      [0x23, "h"],
      [0x24, "j"],
      [0x25, "k"],
      [0x26, "l"],
      [0x2c, "z"],
      [0x2d, "x"],
      [0x2e, "c"],
      [0x2f, "v"],
      [0x30, "b"],
      [0x31, "n"],
      [0x32, "m"],
    ] as [number, string][]
  ).map(([c, l]) => [c, [l, l.toUpperCase()]] as [number, [string, string]]),
]);

/**
 * The X keycode (evdev rules, what Xorg and Xvfb use on Linux) of a libuiohook code, for the keys that can
 * type a character. The main block follows X keycode = Linux input code + 8 = set-1 scan code + 8.
 */
export function vcToX11Keycode(vc: number): number | undefined {
  if (vc >= 0x01 && vc <= 0x58) return vc + 8;
  switch (vc) {
    case 0x0e35:
      return 106; // KP_Divide
    case 0x0e0d:
      return 125; // KP_Equal
    case 0x0e46:
      return 94; // <LSGT>, the ISO key left of Z
    case 0x0073:
      return 97; // <AB11> (JIS ro)
    case 0x007d:
      return 132; // <AE13> (JIS yen)
    case 0x0e38:
      return 108; // right Alt / AltGr
    default:
      return undefined;
  }
}

export interface KeyModifiers {
  shift?: boolean;
  altgr?: boolean;
  capslock?: boolean;
}

export interface KeyLookup {
  /** Canonical key name: a named key, or the unshifted character of the key in this layout. */
  key: string;
  /** The character this press types (layout, Shift, AltGr and CapsLock applied), when it types one. */
  char?: string;
  /** The key is a dead key in this layout (it types nothing by itself). */
  dead?: boolean;
}

export interface KeyboardLayoutInfo {
  /** Where the table came from. */
  source: "x11" | "builtin-us";
  /** From `_XKB_RULES_NAMES` (what `setxkbmap -query` prints), when known. */
  rules?: string;
  model?: string;
  layout?: string;
  variant?: string;
  options?: string;
}

/** Characters per level: [plain, Shift, AltGr, AltGr+Shift]; undefined = none. `dead` marks dead-key levels. */
interface KeyLevels {
  chars: (string | undefined)[];
  dead: boolean[];
}

function isCased(ch: string): boolean {
  return ch.toLowerCase() !== ch.toUpperCase();
}

/** A keyboard layout: turns key codes into canonical names and characters. */
export class Keymap {
  readonly info: KeyboardLayoutInfo;
  /** The right Alt key is AltGr (ISO_Level3_Shift or Mode_switch) in this layout. */
  readonly rightAltIsAltGr: boolean;
  private readonly table: ReadonlyMap<number, KeyLevels>;

  private constructor(
    table: ReadonlyMap<number, KeyLevels>,
    info: KeyboardLayoutInfo,
    rightAltIsAltGr: boolean,
  ) {
    this.table = table;
    this.info = info;
    this.rightAltIsAltGr = rightAltIsAltGr;
  }

  /** The built-in US QWERTY layout (used when the real layout cannot be read: macOS, Windows, no X). */
  static us(): Keymap {
    const t = new Map<number, KeyLevels>();
    for (const [vc, [a, b]] of US) t.set(vc, { chars: [a, b], dead: [false, false] });
    return new Keymap(t, { source: "builtin-us", layout: "us" }, false);
  }

  /**
   * A layout from the X server's core keyboard mapping.
   * @param rows GetKeyboardMapping rows, one per keycode from `minKeycode` (keysyms per level/group:
   *   [G1L1, G1L2, G2L1, G2L2, G1L3, G1L4, …]).
   */
  static fromX11(
    rows: readonly (readonly number[])[],
    minKeycode: number,
    info: Omit<KeyboardLayoutInfo, "source">,
  ): Keymap {
    const t = new Map<number, KeyLevels>();
    const codes = [...US.keys(), ...[...Array(0x58).keys()].map((i) => i + 1), 0x0e35, 0x0e0d, 0x73, 0x7d];
    for (const vc of new Set(codes)) {
      if (NAMED.has(vc) || KEYPAD.has(vc)) continue;
      const kc = vcToX11Keycode(vc);
      if (kc === undefined) continue;
      const row = rows[kc - minKeycode];
      if (!row) continue;
      const syms = [row[0] ?? 0, row[1] ?? 0, row[4] ?? 0, row[5] ?? 0];
      const chars = syms.map((s) => keysymToChar(s));
      const dead = syms.map((s) => isDeadKeysym(s));
      // Core-protocol rule: a single alphabetic keysym stands for its lower and upper case.
      if (chars[0] !== undefined && syms[1] === 0 && isCased(chars[0])) {
        chars[0] = chars[0].toLowerCase();
        chars[1] = chars[0].toUpperCase();
      }
      if (chars.every((c) => c === undefined) && !dead.some(Boolean)) continue;
      t.set(vc, { chars, dead });
    }
    const ralt = rows[108 - minKeycode];
    const rightAltIsAltGr = !!ralt && (ralt[0] === 0xfe03 || ralt[0] === 0xff7e);
    return new Keymap(t, { source: "x11", ...info }, rightAltIsAltGr);
  }

  /** The canonical name of a key, regardless of modifiers. */
  keyName(vc: number): string {
    return this.lookup(vc, {}).key;
  }

  /**
   * Name and character of a key press.
   * @example Keymap.us().lookup(0x1e, { shift: true }) // { key: "a", char: "A" }
   * @example Keymap.us().lookup(0x02, { shift: true }) // { key: "1", char: "!" }
   * @example Keymap.us().lookup(0x1c, {}) // { key: "enter" }
   */
  lookup(vc: number, mods: KeyModifiers): KeyLookup {
    if (vc === 0) return { key: "unidentified" };
    if (vc === 0x0e38 && this.rightAltIsAltGr) return { key: "altgr" };
    const named = NAMED.get(vc);
    if (named !== undefined) return { key: named };
    const kp = KEYPAD.get(vc);
    if (kp !== undefined) return { key: kp[0], char: kp[1] };
    if ((vc & 0xff00) === KP_NAV) {
      const nav = KEYPAD_NAV.get(vc & 0xff);
      if (nav !== undefined) return { key: nav };
    }
    const levels = this.table.get(vc);
    const usName = US.get(vc)?.[0];
    if (!levels) {
      return usName !== undefined
        ? { key: usName === " " ? "space" : usName }
        : { key: `vc${vc.toString(16)}` };
    }
    const base = levels.chars[0];
    const key =
      base === " "
        ? "space"
        : base !== undefined && !levels.dead[0]
          ? base.toLowerCase()
          : (usName ?? `vc${vc.toString(16)}`);
    let shift = !!mods.shift;
    // CapsLock acts as Shift on cased letters (XKB ALPHABETIC type); Shift+CapsLock gives lower case.
    const plainCased = base !== undefined && isCased(base) && levels.chars[1] === base.toUpperCase();
    if (mods.capslock && plainCased) shift = !shift;
    let level = shift ? 1 : 0;
    if (mods.altgr) level = shift ? 3 : 2;
    let char = levels.chars[level];
    let dead = levels.dead[level] ?? false;
    if (mods.altgr && char === undefined && !dead && level === 3) {
      char = levels.chars[2];
      dead = levels.dead[2] ?? false;
    }
    if (dead) return { key: key === " " ? "space" : key, dead: true };
    if (char === undefined) return { key };
    // CapsLock also upper-cases an AltGr letter
    if (mods.capslock && mods.altgr && isCased(char) && !mods.shift) char = char.toUpperCase();
    return { key, char };
  }
}

/** Keysyms of dead keys (XK_dead_grave … XK_dead_greek and friends). */
export function isDeadKeysym(ks: number): boolean {
  return ks >= 0xfe50 && ks <= 0xfe8f;
}

const KEYPAD_KEYSYMS: ReadonlyMap<number, string> = new Map([
  [0xff80, " "],
  [0xffaa, "*"],
  [0xffab, "+"],
  [0xffac, ","],
  [0xffad, "-"],
  [0xffae, "."],
  [0xffaf, "/"],
  [0xffbd, "="],
  ...[...Array(10).keys()].map((i) => [0xffb0 + i, String(i)] as [number, string]),
]);

let legacyKeysyms: Map<number, string> | undefined;

/**
 * The character of an X keysym, or undefined (function keys, modifiers, dead keys, NoSymbol).
 * Latin-1 and Unicode keysyms (0x01000000 + code point) are direct; other legacy keysyms (Latin-2…,
 * Cyrillic, Greek, …) come from the Unicode names in the `x11` package's keysymdef table.
 * @example keysymToChar(0x61) // "a"
 * @example keysymToChar(0x10020ac) // "€"
 * @example keysymToChar(0x6c1) // "а" (Cyrillic_a)
 */
export function keysymToChar(ks: number): string | undefined {
  if (ks === 0) return undefined;
  if ((ks >= 0x20 && ks <= 0x7e) || (ks >= 0xa0 && ks <= 0xff)) return String.fromCharCode(ks);
  if (ks >= 0x01000100 && ks <= 0x0110ffff) return String.fromCodePoint(ks - 0x01000000);
  const kp = KEYPAD_KEYSYMS.get(ks);
  if (kp !== undefined) return kp;
  if (ks >= 0xfd00) return undefined; // function, modifier, dead, 3270 and XKB keysyms
  legacyKeysyms ??= loadLegacyKeysyms();
  return legacyKeysyms.get(ks);
}

function loadLegacyKeysyms(): Map<number, string> {
  const m = new Map<number, string>();
  try {
    // Lazy: only needed for non-Latin-1 layouts. The table's descriptions start with "(c) NAME".
    const table = createRequire(import.meta.url)("x11/lib/keysyms.js") as unknown;
    for (const v of Object.values(table as Record<string, { code: number; description: string | null }>)) {
      if (!v || typeof v.code !== "number" || v.code < 0x100 || v.code >= 0xfd00) continue;
      const d = v.description;
      if (typeof d !== "string" || d[0] !== "(") continue;
      const cp = d.codePointAt(1);
      if (cp === undefined) continue;
      const ch = String.fromCodePoint(cp);
      if (d[1 + ch.length] !== ")") continue;
      if (!m.has(v.code)) m.set(v.code, ch);
    }
  } catch {
    /* no table: legacy keysyms give no character */
  }
  return m;
}
