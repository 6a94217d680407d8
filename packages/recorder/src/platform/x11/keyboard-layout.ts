import { Keymap, type KeyboardLayoutInfo } from "../../capture/keymap.js";
import type { KeymapProvider } from "../../capture/input-source.js";
import { EventMask, XConnection } from "./connection.js";

/** Parse `_XKB_RULES_NAMES` (rules, model, layout, variant, options — NUL-separated Latin-1 strings). */
export function parseXkbRulesNames(data: Buffer): Omit<KeyboardLayoutInfo, "source"> {
  const [rules, model, layout, variant, options] = data.toString("latin1").split("\0");
  const info: Omit<KeyboardLayoutInfo, "source"> = {};
  if (rules) info.rules = rules;
  if (model) info.model = model;
  if (layout) info.layout = layout;
  if (variant) info.variant = variant;
  if (options) info.options = options;
  return info;
}

/**
 * The active X keyboard layout, kept current without polling: the core keyboard mapping is re-read on
 * MappingNotify (sent to every client when `setxkbmap` or xmodmap changes it), and the layout names
 * (`_XKB_RULES_NAMES` on the root, what `setxkbmap -query` prints) on PropertyNotify.
 *
 * Falls back to the built-in US table when the mapping cannot be read.
 */
export class X11KeyboardLayout implements KeymapProvider {
  private keymap: Keymap = Keymap.us();
  private readonly conn: XConnection;
  private pending: ReturnType<typeof setTimeout> | undefined;
  /** How many times the layout was (re)read (tests). */
  reloads = 0;

  private constructor(conn: XConnection) {
    this.conn = conn;
  }

  static async open(display?: string): Promise<X11KeyboardLayout> {
    const conn = await XConnection.open(display);
    const l = new X11KeyboardLayout(conn);
    const rulesAtom = await conn.atom("_XKB_RULES_NAMES");
    conn.onEvent((ev) => {
      if (
        (ev.name === "MappingNotify" && ev.request === 1) ||
        (ev.name === "PropertyNotify" && ev.atom === rulesAtom)
      )
        l.scheduleReload();
    });
    await conn.selectInput(conn.root, EventMask.PropertyChange).catch(() => undefined);
    await l.reload();
    return l;
  }

  private scheduleReload(): void {
    if (this.pending) return;
    this.pending = setTimeout(() => {
      this.pending = undefined;
      void this.reload();
    }, 20);
  }

  /** Re-read mapping and names now. */
  async reload(): Promise<void> {
    try {
      const [rows, names] = await Promise.all([
        this.conn.keyboardMapping(),
        this.conn.property(this.conn.root, "_XKB_RULES_NAMES").catch(() => undefined),
      ]);
      const info = names ? parseXkbRulesNames(names.data) : {};
      this.keymap = Keymap.fromX11(rows, this.conn.info.min_keycode, info);
      this.reloads++;
    } catch {
      /* keep the previous table (connection lost: the input hook reports that) */
    }
  }

  current(): Keymap {
    return this.keymap;
  }

  /** CapsLock from the server's modifier state (LockMask). */
  async capsLock(): Promise<boolean> {
    const mask = await this.conn.queryPointerMask();
    return (mask & 2) !== 0;
  }

  async close(): Promise<void> {
    if (this.pending) clearTimeout(this.pending);
    await this.conn.close();
  }
}
