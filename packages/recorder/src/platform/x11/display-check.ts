import { CaptureError } from "../../capture/types.js";
import { XConnection, resolveDisplay } from "./connection.js";

export interface X11DisplayStatus {
  display: string;
  extensions: string[];
  hasRecord: boolean;
  /** A window manager advertises `_NET_SUPPORTING_WM_CHECK` (needed for the active window). */
  hasWindowManager: boolean;
}

/** The error for a display without the RECORD extension (no global keyboard/mouse capture on it). */
export function noRecordError(display: string): CaptureError {
  return new CaptureError(
    "NO_RECORD",
    `display ${display} has no RECORD extension: global keyboard/mouse capture is impossible on it ` +
      `(enable RECORD in the X server; Xvfb has it unless started with '-extension RECORD')`,
  );
}

/**
 * Check an X display before anything that could abort on it runs (libuiohook calls abort() when the display
 * is missing or lacks RECORD). Pure JS over the X protocol: never spawns `xdpyinfo`, never aborts.
 *
 * Rejects with a CaptureError: NO_DISPLAY (DISPLAY unset), DISPLAY_UNREACHABLE (cannot connect), or NO_RECORD
 * when `requireRecord` is set and the server lacks the RECORD extension.
 * @example
 * await checkX11Display({ requireRecord: true }); // throws "display :99 has no RECORD extension …"
 */
export async function checkX11Display(
  opts: { display?: string; requireRecord?: boolean; timeoutMs?: number } = {},
): Promise<X11DisplayStatus> {
  const display = resolveDisplay(opts.display);
  const conn = await XConnection.open(display, opts.timeoutMs ?? 3000);
  try {
    const extensions = await conn.extensions();
    const hasRecord = extensions.includes("RECORD");
    const wmCheck = await conn.cardinal(conn.root, "_NET_SUPPORTING_WM_CHECK").catch(() => undefined);
    if (opts.requireRecord && !hasRecord) throw noRecordError(display);
    return { display, extensions, hasRecord, hasWindowManager: wmCheck !== undefined && wmCheck !== 0 };
  } finally {
    await conn.close();
  }
}
