// Child process of ingest-crash.test.ts: ingests the batches in BATCHES_FILE into the vault at DIR (SQLite with
// inline blobs, from the built dist/), four at a time, and prints "ack <batchId>" once each is acknowledged.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Devices, SqliteSql, Vault, ingestBatch, openDefaultBlobStore } from "../dist/index.js";

const [dir, batchesFile, deviceId] = process.argv.slice(2);
const sql = new SqliteSql(join(dir, "vault.db"));
const vault = await Vault.open({
  dataDir: dir,
  sql,
  blobs: await openDefaultBlobStore(sql, join(dir, "blobs")),
});
const devices = new Devices(vault.db);
const batches = JSON.parse(readFileSync(batchesFile, "utf8"));
let next = 0;
async function worker() {
  while (next < batches.length) {
    const b = batches[next++];
    const r = await ingestBatch(vault, devices, deviceId, b.sig, Buffer.from(b.bytes, "base64"));
    process.stdout.write(`ack ${r.batchId}\n`);
  }
}
await Promise.all([worker(), worker(), worker(), worker()]);
process.stdout.write("done\n");
