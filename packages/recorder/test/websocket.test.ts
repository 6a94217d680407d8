/** The minimal WebSocket client used for the DevTools protocol, against a hand-rolled RFC 6455 server. */
import { createHash } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MiniWebSocket } from "../src/browser/websocket.js";
import { CdpBrowserSource, PAGE_SCRIPT } from "../src/browser/cdp.js";

function serverFrame(opcode: number, payload: Buffer, fin = true): Buffer {
  const len = payload.length;
  let head: Buffer;
  if (len < 126) head = Buffer.from([(fin ? 0x80 : 0) | opcode, len]);
  else if (len < 65536) {
    head = Buffer.alloc(4);
    head[0] = (fin ? 0x80 : 0) | opcode;
    head[1] = 126;
    head.writeUInt16BE(len, 2);
  } else {
    head = Buffer.alloc(10);
    head[0] = (fin ? 0x80 : 0) | opcode;
    head[1] = 127;
    head.writeBigUInt64BE(BigInt(len), 2);
  }
  return Buffer.concat([head, payload]);
}

/** Decode one masked client frame (tests send small ones). */
function clientFrames(buf: Buffer): { opcode: number; text: string }[] {
  const out: { opcode: number; text: string }[] = [];
  let o = 0;
  while (o + 2 <= buf.length) {
    const opcode = buf[o]! & 15;
    let len = buf[o + 1]! & 127;
    let p = o + 2;
    if (len === 126) {
      len = buf.readUInt16BE(p);
      p += 2;
    } else if (len === 127) {
      len = Number(buf.readBigUInt64BE(p));
      p += 8;
    }
    const mask = buf.subarray(p, p + 4);
    p += 4;
    const data = Buffer.from(buf.subarray(p, p + len).map((v, i) => v ^ mask[i & 3]!));
    out.push({ opcode, text: data.toString() });
    o = p + len;
  }
  return out;
}

let server: Server;
let port = 0;
const sockets: Socket[] = [];
let received: { opcode: number; text: string }[] = [];

beforeAll(async () => {
  server = createServer((_, res) => res.writeHead(404).end());
  server.on("upgrade", (req, sock: Socket) => {
    const key = String(req.headers["sec-websocket-key"]);
    const accept = createHash("sha1")
      .update(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")
      .digest("base64");
    sock.write(
      `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`,
    );
    sockets.push(sock);
    let buf = Buffer.alloc(0);
    sock.on("data", (c: Buffer) => {
      buf = Buffer.concat([buf, c]);
      const frames = clientFrames(buf);
      buf = Buffer.alloc(0);
      for (const f of frames) {
        received.push(f);
        if (f.opcode === 1 && f.text === "big") {
          sock.write(serverFrame(1, Buffer.alloc(70_000, "x")));
          sock.write(serverFrame(1, Buffer.alloc(300, "y")));
        }
        if (f.opcode === 1 && f.text === "parts") {
          sock.write(serverFrame(9, Buffer.from("ping!")));
          const a = serverFrame(1, Buffer.from("hel"), false);
          const b = serverFrame(0, Buffer.from("lo"), true);
          const both = Buffer.concat([a, b]);
          // split across TCP writes in the middle of a header
          sock.write(both.subarray(0, 3));
          setTimeout(() => sock.write(both.subarray(3)), 20);
        }
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  port = (server.address() as { port: number }).port;
});
afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise<void>((r) => server.close(() => r()));
});

describe("MiniWebSocket", () => {
  it("sends masked text frames, receives 16- and 64-bit lengths, fragments, answers pings", async () => {
    received = [];
    const ws = await MiniWebSocket.connect(`ws://127.0.0.1:${port}/devtools/browser/x`);
    const msgs: string[] = [];
    ws.onmessage = (t) => msgs.push(t);
    ws.send("big");
    ws.send("parts");
    const end = Date.now() + 5000;
    while (msgs.length < 3 && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
    expect(msgs.map((m) => m.length)).toEqual([70_000, 300, 5]);
    expect(msgs[2]).toBe("hello");
    await new Promise((r) => setTimeout(r, 50));
    expect(received.find((f) => f.opcode === 10)?.text).toBe("ping!");
    ws.close();
  });

  it("refuses non-loopback DevTools endpoints; the page script reports facts, not field contents", () => {
    expect(() => new CdpBrowserSource({ endpoint: "http://10.0.0.5:9222" })).toThrow(
      /must be on this machine/,
    );
    expect(() => new CdpBrowserSource({ endpoint: "http://127.0.0.1:9222" })).not.toThrow();
    expect(PAGE_SCRIPT).not.toMatch(/\.value\b/);
  });
});
