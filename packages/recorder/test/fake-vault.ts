/**
 * A scripted vault for the lease client's tests: a real WebSocket server on loopback that speaks the fleet
 * channel (challenge → verified hello → welcome), with leases signed by a test vault key.
 */
import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import type { Lease } from "@tracevault/core";
import { generateRawKeyPair, keyId, signJson, verifyJson } from "@tracevault/crypto";
import { WebSocketServer, type WebSocket } from "ws";
import { CHANNEL_AUTH_CONTEXT, LEASE_CONTEXT } from "../src/lease/protocol.js";

export const vaultKey = generateRawKeyPair("ed25519");
export const devKey = generateRawKeyPair("ed25519");
export const DEVICE = "dev-test-0001";
export const HASH = "a".repeat(64);
const VAULT_KID = keyId("ed25519", vaultKey.publicKey);

/** A lease for DEVICE (5 s, manifest HASH) signed by the test vault key. */
export function lease(over: Partial<Lease> = {}): { lease: Lease; sig: ReturnType<typeof signJson> } {
  const l: Lease = {
    v: 1,
    leaseId: `l-${randomBytes(6).toString("hex")}`,
    deviceId: DEVICE,
    personId: "alice",
    manifestVersion: 1,
    manifestHash: HASH,
    issuedAt: new Date().toISOString(),
    ttlMs: 5000,
    ...over,
  };
  return { lease: l, sig: signJson(LEASE_CONTEXT, l, vaultKey.privateKey, vaultKey.publicKey) };
}

export interface Script {
  /** Called with the verified hello; return the welcome's extra fields (pauses, lease…). */
  welcome?: (ws: WebSocket) => Record<string, unknown> | Promise<Record<string, unknown>>;
  onRenew?: (ws: WebSocket, id: number) => void;
  onAck?: (ids: string[]) => void;
  onConsent?: (m: unknown) => void;
  onState?: (m: { recording: boolean; reason: string }) => void;
}

export interface FakeVault {
  url: string;
  sockets: WebSocket[];
  wss: WebSocketServer;
  /** Send a message to the latest connection. */
  push(msg: unknown): void;
  close(): void;
}

export async function fakeVault(script: Script): Promise<FakeVault> {
  const wss = new WebSocketServer({ port: 0, host: "127.0.0.1" });
  await new Promise<void>((r) => wss.once("listening", () => r()));
  const sockets: WebSocket[] = [];
  wss.on("connection", (ws) => {
    sockets.push(ws);
    const nonce = randomBytes(18).toString("base64url");
    ws.send(JSON.stringify({ t: "challenge", nonce, vaultKid: VAULT_KID, node: "fake" }));
    ws.on("message", async (d) => {
      const m = JSON.parse(d.toString());
      if (m.t === "hello") {
        const payload = { nonce, deviceId: m.deviceId, vaultKid: VAULT_KID };
        if (!verifyJson(CHANNEL_AUTH_CONTEXT, payload, m.sig, devKey.publicKey)) return ws.close(4001);
        const extra = (await script.welcome?.(ws)) ?? { lease: lease() };
        ws.send(
          JSON.stringify({ t: "welcome", node: "fake", deviceId: DEVICE, ttlMs: 5000, pauses: [], ...extra }),
        );
      } else if (m.t === "renew") script.onRenew?.(ws, m.id);
      else if (m.t === "ack") script.onAck?.(m.ids);
      else if (m.t === "consent") script.onConsent?.(m);
      else if (m.t === "state") script.onState?.(m);
    });
  });
  const port = (wss.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    sockets,
    wss,
    push: (msg) => sockets.at(-1)?.send(JSON.stringify(msg)),
    close: () => {
      for (const ws of wss.clients) ws.terminate();
      wss.close();
    },
  };
}

/** A pause notice as the vault pushes it. */
export function pauseMsg(id: string, by = "admin", reason = "audit") {
  return {
    t: "pause",
    pause: { id, scope: { kind: "all", value: "" }, reason, by, at: new Date().toISOString() },
  };
}
