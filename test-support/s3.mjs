// Starts s3rver (an S3-compatible server in Node) on 127.0.0.1 with a throw-away directory, for tests.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import S3rver from "s3rver";

/** Returns { endpoint, stop }. Credentials: s3rver's fixed S3RVER/S3RVER pair. */
export async function startS3() {
  const dir = mkdtempSync(join(tmpdir(), "tv-s3-"));
  const server = new S3rver({
    port: 0,
    address: "127.0.0.1",
    silent: true,
    directory: dir,
    configureBuckets: [],
  });
  const addr = await server.run();
  return {
    endpoint: `http://127.0.0.1:${addr.port}`,
    credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
    stop: () => server.close(),
  };
}
