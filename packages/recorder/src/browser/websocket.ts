import { randomBytes, createHash } from "node:crypto";
import { request } from "node:http";
import type { Socket } from "node:net";

/**
 * A minimal WebSocket client (RFC 6455) for the DevTools protocol on 127.0.0.1: text frames only, client
 * frames masked, fragmented messages reassembled, ping answered, no extensions. Node 20 has no WebSocket
 * without a flag, and the recorder takes no dependency for this.
 */
export class MiniWebSocket {
  private buf: Buffer = Buffer.alloc(0);
  private parts: Buffer[] = [];
  private closed = false;
  onmessage: ((text: string) => void) | undefined;
  onclose: ((why: string) => void) | undefined;

  private constructor(private readonly sock: Socket) {
    sock.on("data", (c: Buffer) => this.onData(c));
    sock.on("close", () => this.finish("connection closed"));
    sock.on("error", (e) => this.finish(e.message));
  }

  /** Connect to a `ws://` URL (plain TCP only). */
  static connect(url: string, timeoutMs = 5000): Promise<MiniWebSocket> {
    const u = new URL(url);
    if (u.protocol !== "ws:")
      return Promise.reject(new Error(`only ws:// URLs are supported (${u.protocol})`));
    const key = randomBytes(16).toString("base64");
    return new Promise((resolve, reject) => {
      const req = request({
        host: u.hostname,
        port: u.port || 80,
        path: u.pathname + u.search,
        headers: {
          Connection: "Upgrade",
          Upgrade: "websocket",
          "Sec-WebSocket-Key": key,
          "Sec-WebSocket-Version": "13",
        },
        timeout: timeoutMs,
      });
      req.on("upgrade", (res, sock, head) => {
        const expect = createHash("sha1")
          .update(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")
          .digest("base64");
        if (res.headers["sec-websocket-accept"] !== expect) {
          sock.destroy();
          reject(new Error("websocket handshake failed"));
          return;
        }
        sock.setNoDelay(true);
        const ws = new MiniWebSocket(sock);
        if (head.length) ws.onData(head);
        resolve(ws);
      });
      req.on("response", (res) => reject(new Error(`websocket upgrade refused: HTTP ${res.statusCode}`)));
      req.on("timeout", () => req.destroy(new Error("websocket connect timed out")));
      req.on("error", reject);
      req.end();
    });
  }

  private finish(why: string): void {
    if (this.closed) return;
    this.closed = true;
    this.onclose?.(why);
  }

  private frame(opcode: number, payload: Buffer): Buffer {
    const len = payload.length;
    const head: number[] = [0x80 | opcode];
    if (len < 126) head.push(0x80 | len);
    else if (len < 65536) head.push(0x80 | 126, len >> 8, len & 255);
    else {
      head.push(0x80 | 127, 0, 0, 0, 0);
      head.push((len >>> 24) & 255, (len >>> 16) & 255, (len >>> 8) & 255, len & 255);
    }
    const mask = randomBytes(4);
    const body = Buffer.allocUnsafe(len);
    for (let i = 0; i < len; i++) body[i] = payload[i]! ^ mask[i & 3]!;
    return Buffer.concat([Buffer.from(head), mask, body]);
  }

  send(text: string): void {
    if (this.closed) throw new Error("websocket is closed");
    this.sock.write(this.frame(1, Buffer.from(text)));
  }

  private onData(c: Buffer): void {
    this.buf = this.buf.length ? Buffer.concat([this.buf, c]) : c;
    for (;;) {
      if (this.buf.length < 2) return;
      const b0 = this.buf[0]!;
      const b1 = this.buf[1]!;
      let len = b1 & 127;
      let off = 2;
      if (len === 126) {
        if (this.buf.length < 4) return;
        len = this.buf.readUInt16BE(2);
        off = 4;
      } else if (len === 127) {
        if (this.buf.length < 10) return;
        len = Number(this.buf.readBigUInt64BE(2));
        off = 10;
      }
      const masked = (b1 & 128) !== 0;
      const maskOff = off;
      if (masked) off += 4;
      if (this.buf.length < off + len) return;
      let payload = this.buf.subarray(off, off + len);
      if (masked) {
        const m = this.buf.subarray(maskOff, maskOff + 4);
        payload = Buffer.from(payload.map((v, i) => v ^ m[i & 3]!));
      }
      this.buf = this.buf.subarray(off + len);
      const opcode = b0 & 15;
      const fin = (b0 & 128) !== 0;
      if (opcode === 8) {
        this.close();
        return;
      }
      if (opcode === 9) {
        if (!this.closed) this.sock.write(this.frame(10, Buffer.from(payload)));
        continue;
      }
      if (opcode === 10) continue;
      if (opcode === 1 || opcode === 2 || opcode === 0) {
        this.parts.push(Buffer.from(payload));
        if (fin) {
          const text = Buffer.concat(this.parts).toString("utf8");
          this.parts = [];
          this.onmessage?.(text);
        }
      }
    }
  }

  close(): void {
    if (!this.closed) {
      try {
        this.sock.write(this.frame(8, Buffer.alloc(0)));
      } catch {
        /* already gone */
      }
    }
    this.sock.end();
    this.sock.destroy();
    this.finish("closed");
  }
}
