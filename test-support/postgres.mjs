// Starts a throw-away PostgreSQL on 127.0.0.1 (Debian's postgresql package), for benchmarks and tests.
import { execFileSync, spawn } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

function pgBin() {
  const base = "/usr/lib/postgresql";
  if (!existsSync(base)) throw new Error("PostgreSQL is not installed (apt-get install postgresql)");
  const v = readdirSync(base).sort().at(-1);
  return join(base, v, "bin");
}

async function freePort() {
  return new Promise((res) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const p = s.address().port;
      s.close(() => res(p));
    });
  });
}

/** Returns { url, stop }. As root, the server runs as the `postgres` user (it refuses to run as root). */
export async function startPostgres() {
  const bin = pgBin();
  const dir = mkdtempSync(join(tmpdir(), "tv-pg-"));
  const asRoot = process.getuid?.() === 0;
  const uid = asRoot ? Number(execFileSync("id", ["-u", "postgres"]).toString().trim()) : undefined;
  const gid = asRoot ? Number(execFileSync("id", ["-g", "postgres"]).toString().trim()) : undefined;
  if (asRoot) chownSync(dir, uid, gid);
  const run = (cmd, args) => execFileSync(join(bin, cmd), args, { uid, gid, stdio: "pipe" });
  run("initdb", ["-D", join(dir, "data"), "-U", "tracevault", "--auth=trust", "-E", "UTF8"]);
  const port = await freePort();
  const proc = spawn(
    join(bin, "postgres"),
    ["-D", join(dir, "data"), "-h", "127.0.0.1", "-p", String(port), "-k", dir, "-c", "fsync=on"],
    {
      uid,
      gid,
      stdio: "ignore",
    },
  );
  const url = `postgres://tracevault@127.0.0.1:${port}/postgres`;
  const pg = (await import("pg")).default;
  for (let i = 0; i < 100; i++) {
    try {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.end();
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
      if (i === 99) throw new Error("PostgreSQL did not start");
    }
  }
  return {
    url,
    stop: async () => {
      proc.kill("SIGINT");
      await new Promise((r) => proc.once("exit", r));
    },
  };
}
