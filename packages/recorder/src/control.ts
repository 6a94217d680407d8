import { chmodSync, existsSync, unlinkSync } from "node:fs";
import { createConnection, createServer, type Server, type Socket } from "node:net";
import { join } from "node:path";

/**
 * Local control of a running recorder over a unix socket in the state directory (`control.sock`, 0600 in a
 * 0700 directory: only the person's own account can talk to it). One JSON line in, one JSON line out:
 * `{"cmd":"status"}`, `{"cmd":"pause"}`, `{"cmd":"resume"}`, `{"cmd":"stop"}`, and
 * `{"cmd":"acknowledge","hash":"<64 hex>"}` (the person just acknowledged that manifest with
 * `tracevault record --acknowledge`: a recorder under fleet control passes it on). Answers never carry content.
 */

export type ControlCommand = "status" | "pause" | "resume" | "stop" | "acknowledge";

export interface ControlHandlers {
  status(): unknown;
  pause(): unknown;
  resume(): unknown;
  stop(): unknown;
  /** Absent: the recorder answers that it has nothing to acknowledge (offline recording). */
  acknowledge?(hash: string): unknown;
}

const HASH = /^[0-9a-f]{64}$/;

export function controlSocketPath(stateDir: string): string {
  return join(stateDir, "control.sock");
}

/** Send one command to the recorder running with this state directory. Rejects when none is running. */
export function sendControl(
  stateDir: string,
  cmd: ControlCommand,
  timeoutMs = 5000,
  args: { hash?: string } = {},
): Promise<unknown> {
  const path = controlSocketPath(stateDir);
  return new Promise((resolve, reject) => {
    if (!existsSync(path)) {
      reject(new Error(`no recorder is running (no control socket in ${stateDir})`));
      return;
    }
    const sock = createConnection(path);
    let buf = "";
    const timer = setTimeout(() => {
      sock.destroy();
      reject(new Error(`the recorder did not answer within ${timeoutMs} ms`));
    }, timeoutMs);
    sock.on("connect", () => sock.write(JSON.stringify({ cmd, ...args }) + "\n"));
    sock.on("data", (c) => {
      buf += c.toString();
      const nl = buf.indexOf("\n");
      if (nl < 0) return;
      clearTimeout(timer);
      sock.end();
      try {
        resolve(JSON.parse(buf.slice(0, nl)));
      } catch {
        reject(new Error("the recorder sent an unreadable answer"));
      }
    });
    sock.on("error", (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(
        e.code === "ECONNREFUSED" || e.code === "ENOENT"
          ? new Error(`no recorder is running (stale control socket in ${stateDir})`)
          : e,
      );
    });
  });
}

/** A control server for a running recorder. */
export class ControlServer {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  constructor(
    readonly stateDir: string,
    private readonly h: ControlHandlers,
  ) {}

  /** Listen; refuses when another recorder already answers on this state directory. */
  async listen(): Promise<void> {
    const path = controlSocketPath(this.stateDir);
    if (existsSync(path)) {
      const other = await sendControl(this.stateDir, "status", 1000).then(
        (s) => s,
        () => undefined,
      );
      if (other !== undefined)
        throw new Error(
          `a recorder is already running with state directory ${this.stateDir} (tracevault record --status)`,
        );
      unlinkSync(path);
    }
    const server = createServer((sock) => {
      this.sockets.add(sock);
      sock.on("close", () => this.sockets.delete(sock));
      sock.on("error", () => undefined);
      let buf = "";
      let handled = false;
      sock.on("data", (c) => {
        if (handled) return;
        buf += c.toString();
        if (buf.length > 4096) {
          sock.destroy();
          return;
        }
        const nl = buf.indexOf("\n");
        if (nl < 0) return;
        handled = true;
        const reply = (answer: unknown) => {
          if (!sock.destroyed) sock.end(JSON.stringify(answer) + "\n");
        };
        try {
          const { cmd, hash } = JSON.parse(buf.slice(0, nl)) as { cmd?: string; hash?: unknown };
          if (cmd === "status" || cmd === "pause" || cmd === "resume" || cmd === "stop")
            reply({ ok: true, ...(this.h[cmd]() as object) });
          else if (cmd === "acknowledge") {
            if (typeof hash !== "string" || !HASH.test(hash))
              reply({ ok: false, error: "acknowledge needs the manifest hash (64 hex digits)" });
            else if (!this.h.acknowledge)
              reply({ ok: false, error: "this recorder is not under fleet control: nothing to pass on" });
            else
              void Promise.resolve(this.h.acknowledge(hash)).then(
                (r) => reply({ ok: true, ...(r as object) }),
                (e: Error) => reply({ ok: false, error: e.message }),
              );
          } else reply({ ok: false, error: `unknown command '${String(cmd)}'` });
        } catch (e) {
          reply({ ok: false, error: (e as Error).message });
        }
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(path, () => {
        server.off("error", reject);
        resolve();
      });
    });
    chmodSync(path, 0o600);
    this.server = server;
  }

  async close(): Promise<void> {
    const s = this.server;
    this.server = undefined;
    if (!s) return;
    for (const sock of this.sockets) sock.destroy();
    await new Promise<void>((r) => s.close(() => r()));
    const path = controlSocketPath(this.stateDir);
    try {
      unlinkSync(path);
    } catch {
      /* already gone */
    }
  }
}
