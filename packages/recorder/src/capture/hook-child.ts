/**
 * The program run in the supervised input-hook child process (`node -e HOOK_CHILD_SOURCE HOOK_PATH KINDS`).
 *
 * Why a child: libuiohook calls abort() (uncatchable) when the display is missing or lacks RECORD, and the
 * process exits when the X server dies. Whatever happens to the hook, the recorder survives.
 *
 * Protocol: one JSON array per line on fd 3 (stdout and stderr stay free for libuiohook's own messages):
 *   ["ready", t, pid]                          the hook is running
 *   [4|5, t, code, mods]                       key pressed / released (mods: 1 shift, 2 ctrl, 4 alt, 8 meta)
 *   [7|8, t, x, y, button, clicks]             mouse button pressed / released
 *   [9, t, x, y]                               pointer moved (also while dragging)
 *   [11, t, x, y, rotation, direction, amount] wheel
 * `t` is `performance.timeOrigin + performance.now()` in the child: epoch ms, sub-ms resolution.
 * Lines are written in batches: what arrived in the last FLUSH_MS goes out in one write. One write per
 * event cost the recorder one wake-up per event; measured at 1,000 events/s: ~115 recorder wake-ups/s with
 * 4 ms batches, ~60 with 16 ms (the filter holds every event far longer than that anyway). A button press,
 * and a key press or wheel turn after a quiet spell, are flushed at once with what is pending: the recorder
 * takes its "before" screenshot when they arrive, and that must not be late.
 * KINDS is a string with `k` (forward keys) and/or `m` (forward mouse): what the manifest does not allow
 * never leaves the child. The child exits when its stdin closes (the recorder stopped or died), so a killed
 * recorder never leaves a hook running.
 */
export const HOOK_CHILD_SOURCE = String.raw`
"use strict";
const net = require("node:net");
const hookPath = process.argv[1];
const kinds = process.argv[2] || "";
const keys = kinds.includes("k");
const mouse = kinds.includes("m");
const out = new net.Socket({ fd: 3, readable: false, writable: true });
out.on("error", () => process.exit(0));
const now = () => performance.timeOrigin + performance.now();
const FLUSH_MS = 16;
const QUIET_MS = 400;
let pending = "";
let timer;
let lastKey = 0;
let lastWheel = 0;
function flush() {
  if (timer !== undefined) clearTimeout(timer);
  timer = undefined;
  const s = pending;
  pending = "";
  if (s && !out.writableEnded) out.write(s);
}
function send(line, urgent) {
  pending += line;
  if (urgent) flush();
  else if (timer === undefined) timer = setTimeout(flush, FLUSH_MS);
}
let hook;
try {
  hook = require(hookPath).uIOhook;
} catch (e) {
  process.stderr.write("tracevault-hook: cannot load uiohook-napi: " + (e && e.message) + "\n");
  process.exit(3);
}
hook.on("input", (e) => {
  const t = now();
  switch (e.type) {
    case 4:
    case 5:
      if (keys) {
        send("[" + e.type + "," + t + "," + e.keycode + "," + ((e.shiftKey ? 1 : 0) | (e.ctrlKey ? 2 : 0) | (e.altKey ? 4 : 0) | (e.metaKey ? 8 : 0)) + "]\n", e.type === 4 && t - lastKey > QUIET_MS);
        if (e.type === 4) lastKey = t;
      }
      break;
    case 7:
    case 8:
      if (mouse) send("[" + e.type + "," + t + "," + e.x + "," + e.y + "," + (Number(e.button) || 0) + "," + (e.clicks | 0) + "]\n", e.type === 7);
      break;
    case 9:
    case 10:
      if (mouse) send("[9," + t + "," + e.x + "," + e.y + "]\n", false);
      break;
    case 11:
      if (mouse) {
        send("[11," + t + "," + e.x + "," + e.y + "," + e.rotation + "," + e.direction + "," + e.amount + "]\n", t - lastWheel > QUIET_MS);
        lastWheel = t;
      }
      break;
  }
});
let stopping = false;
function stop() {
  if (stopping) return;
  stopping = true;
  try { hook.stop(); } catch (e) {}
  flush();
  out.end(() => process.exit(0));
  setTimeout(() => process.exit(0), 500).unref();
}
process.stdin.on("end", stop);
process.stdin.on("error", stop);
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
process.stdin.resume();
hook.start();
out.write(JSON.stringify(["ready", now(), process.pid]) + "\n");
`;
