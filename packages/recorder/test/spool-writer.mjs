// Child process for the kill -9 test: appends sealed batches to a spool as fast as it can until killed.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { keyId, sealBatch } from "../../crypto/dist/index.js";
import { Spool } from "../dist/spool.js";

const [dir, keyFile] = process.argv.slice(2);
const pub = new Uint8Array(Buffer.from(readFileSync(keyFile, "utf8"), "hex"));
const spool = Spool.open(dir);
for (;;) {
  const seq = spool.nextSeq();
  const header = {
    v: 1,
    deviceId: "device-test-0001",
    batchId: randomUUID(),
    seq,
    manifestHash: "ab".repeat(32),
    createdAt: new Date().toISOString(),
    channels: ["keyboard"],
    vaultKid: keyId("x25519", pub),
  };
  const body = new TextEncoder().encode(JSON.stringify({ seq, text: "x".repeat(20000 + (seq % 7) * 5000) }));
  spool.append(sealBatch(header, body, pub));
}
