/**
 * Canonical key names and their spelling in each target format.
 *
 * Canonical names are lower-case and side-less: modifiers `ctrl`, `shift`, `alt`, `meta`, `altgr`;
 * named keys `enter`, `tab`, `backspace`, `delete`, `escape`, `space`, `up`, `down`, `left`,
 * `right`, `home`, `end`, `pageup`, `pagedown`, `insert`, `capslock`, `f1`…`f24`, …; other keys by
 * the unshifted character they carry (`a`, `1`, `/`).
 */

export const MODIFIERS: ReadonlySet<string> = new Set(["ctrl", "shift", "alt", "meta", "altgr"]);

/** Modifiers that turn a key press into a hotkey (shift alone does not: shift+a is typing). */
export const HOTKEY_MODIFIERS: ReadonlySet<string> = new Set(["ctrl", "alt", "meta"]);

/** Keys that edit text while typing (applied to the typed text, not emitted as steps). */
export const EDIT_KEYS: ReadonlySet<string> = new Set(["backspace", "delete", "left", "right"]);

const ALIASES: Record<string, string> = {
  control: "ctrl",
  ctl: "ctrl",
  ctrl_l: "ctrl",
  control_l: "ctrl",
  control_r: "ctrl",
  meta_l: "meta",
  meta_r: "meta",
  ctrl_r: "ctrl",
  controlleft: "ctrl",
  controlright: "ctrl",
  ctrlleft: "ctrl",
  ctrlright: "ctrl",
  lctrl: "ctrl",
  rctrl: "ctrl",
  shift_l: "shift",
  shift_r: "shift",
  shiftleft: "shift",
  shiftright: "shift",
  lshift: "shift",
  rshift: "shift",
  alt_l: "alt",
  alt_r: "alt",
  altleft: "alt",
  altright: "alt",
  option: "alt",
  optionleft: "alt",
  optionright: "alt",
  alt_gr: "altgr",
  altgraph: "altgr",
  iso_level3_shift: "altgr",
  cmd: "meta",
  cmd_l: "meta",
  cmd_r: "meta",
  command: "meta",
  super: "meta",
  super_l: "meta",
  super_r: "meta",
  win: "meta",
  winleft: "meta",
  winright: "meta",
  windows: "meta",
  metaleft: "meta",
  metaright: "meta",
  os: "meta",
  return: "enter",
  kp_enter: "enter",
  numpadenter: "enter",
  esc: "escape",
  del: "delete",
  back: "backspace",
  back_space: "backspace",
  spacebar: " ",
  arrowup: "up",
  arrowdown: "down",
  arrowleft: "left",
  arrowright: "right",
  page_up: "pageup",
  prior: "pageup",
  pgup: "pageup",
  page_down: "pagedown",
  next: "pagedown",
  pgdn: "pagedown",
  caps_lock: "capslock",
  num_lock: "numlock",
  scroll_lock: "scrolllock",
  print_screen: "printscreen",
  print: "printscreen",
  prtsc: "printscreen",
  prntscrn: "printscreen",
  menu: "contextmenu",
  apps: "contextmenu",
  ins: "insert",
};

/**
 * Canonical name of a key from the names recorders and formats use.
 * @example canonicalKey("Control_L") // "ctrl"
 * @example canonicalKey("Page Up") // "pageup"
 * @example canonicalKey("A") // "a"
 */
export function canonicalKey(name: string): string {
  if (name.length === 1) return name === " " ? "space" : name.toLowerCase();
  const k = name.toLowerCase().replace(/[\s-]+/g, "_");
  const a = ALIASES[k] ?? ALIASES[k.replace(/_/g, "")];
  if (a !== undefined) return a === " " ? "space" : a;
  return k.replace(/_/g, "");
}

/** Characters produced by shift + key on a US layout (used only when the source gave no character). */
export const US_SHIFT: Readonly<Record<string, string>> = {
  "1": "!",
  "2": "@",
  "3": "#",
  "4": "$",
  "5": "%",
  "6": "^",
  "7": "&",
  "8": "*",
  "9": "(",
  "0": ")",
  "-": "_",
  "=": "+",
  "[": "{",
  "]": "}",
  "\\": "|",
  ";": ":",
  "'": '"',
  ",": "<",
  ".": ">",
  "/": "?",
  "`": "~",
};

/**
 * The character a key press types, or undefined when it types none.
 * Uses the recorded character when there is one (layout and AltGr applied by the OS).
 * @example typedChar("a", undefined, true) // "A"
 * @example typedChar("space", undefined, false) // " "
 * @example typedChar("enter", undefined, false) // undefined
 */
export function typedChar(key: string, char: string | undefined, shift: boolean): string | undefined {
  if (char !== undefined && char.length > 0) {
    // Control characters (ctrl+letter on some hooks), DEL and newlines are not typed text here.
    const c = char.codePointAt(0)!;
    if (c < 0x20 || c === 0x7f || (c >= 0x80 && c < 0xa0)) return undefined;
    return char;
  }
  if (key === "space") return " ";
  if (key.length !== 1) return undefined;
  const c = key.charCodeAt(0);
  if (c < 0x20 || c === 0x7f) return undefined;
  if (!shift) return key;
  if (c >= 0x61 && c <= 0x7a) return key.toUpperCase();
  return US_SHIFT[key] ?? key;
}

/** Key names pyautogui accepts (OSWorld and AgentNet use them). */
const PYAUTOGUI: Record<string, string> = {
  meta: "win",
  altgr: "altright",
  escape: "esc",
  contextmenu: "apps",
  printscreen: "printscreen",
};

/**
 * The pyautogui spelling of a canonical key.
 * @example pyautoguiKey("meta") // "win"
 * @example pyautoguiKey("meta", "mac") // "command"
 */
export function pyautoguiKey(key: string, os?: string): string {
  if (key === "meta" && os === "mac") return "command";
  if (key === "alt" && os === "mac") return "option";
  return PYAUTOGUI[key] ?? key;
}

/** X keysym names, as the Anthropic computer tool's `key` action (xdotool syntax) takes them. */
const XDOTOOL: Record<string, string> = {
  ctrl: "ctrl",
  shift: "shift",
  alt: "alt",
  meta: "super",
  altgr: "ISO_Level3_Shift",
  enter: "Return",
  tab: "Tab",
  backspace: "BackSpace",
  delete: "Delete",
  escape: "Escape",
  space: "space",
  up: "Up",
  down: "Down",
  left: "Left",
  right: "Right",
  home: "Home",
  end: "End",
  pageup: "Page_Up",
  pagedown: "Page_Down",
  insert: "Insert",
  capslock: "Caps_Lock",
  numlock: "Num_Lock",
  scrolllock: "Scroll_Lock",
  printscreen: "Print",
  contextmenu: "Menu",
  pause: "Pause",
  "-": "minus",
  "=": "equal",
  "+": "plus",
  "[": "bracketleft",
  "]": "bracketright",
  "\\": "backslash",
  ";": "semicolon",
  "'": "apostrophe",
  ",": "comma",
  ".": "period",
  "/": "slash",
  "`": "grave",
};

/**
 * The xdotool / X keysym spelling of a canonical key.
 * @example xdotoolKey("enter") // "Return"
 * @example xdotoolKey("f5") // "F5"
 */
export function xdotoolKey(key: string): string {
  const m = XDOTOOL[key];
  if (m !== undefined) return m;
  if (/^f\d{1,2}$/.test(key)) return key.toUpperCase();
  return key;
}

const OPENAI: Record<string, string> = {
  ctrl: "CTRL",
  shift: "SHIFT",
  alt: "ALT",
  meta: "META",
  altgr: "ALTGR",
  enter: "ENTER",
  tab: "TAB",
  backspace: "BACKSPACE",
  delete: "DELETE",
  escape: "ESC",
  space: "SPACE",
  up: "ARROWUP",
  down: "ARROWDOWN",
  left: "ARROWLEFT",
  right: "ARROWRIGHT",
  home: "HOME",
  end: "END",
  pageup: "PAGEUP",
  pagedown: "PAGEDOWN",
  insert: "INSERT",
  capslock: "CAPSLOCK",
};

/**
 * The spelling of a canonical key in OpenAI computer-use `keypress` actions (upper case names).
 * @example openaiKey("ctrl") // "CTRL"
 * @example openaiKey("up") // "ARROWUP"
 */
export function openaiKey(key: string): string {
  return OPENAI[key] ?? key.toUpperCase();
}

/**
 * Canonical form of a hotkey spec such as `Ctrl+Shift+P`: modifiers sorted, then the other keys.
 * @example comboId("shift+ctrl+p") // "ctrl+shift+p"
 */
export function comboId(spec: string | readonly string[]): string {
  const parts = (typeof spec === "string" ? spec.split("+") : [...spec])
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map(canonicalKey);
  const mods = parts.filter((p) => MODIFIERS.has(p)).sort();
  const rest = parts.filter((p) => !MODIFIERS.has(p));
  return [...new Set(mods), ...rest].join("+");
}
