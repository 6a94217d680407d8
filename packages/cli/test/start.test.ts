/**
 * `tracevault start` on a machine with a display: the vault with embedded defaults, the first administrator's
 * one-time link, and an offer to record this desktop — a working one-time enrollment token for the local user,
 * audited, offered only while that user has no enrolled device.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { generateRawKeyPair } from "@tracevault/crypto";
import { Vault } from "@tracevault/vault";

const BIN = fileURLToPath(new URL("../bin/tracevault.js", import.meta.url));
const procs: ChildProcess[] = [];
afterAll(() => {
  for (const p of procs) if (p.exitCode === null) p.kill("SIGKILL");
});

/** Start `tracevault start` and collect its output until `done` matches it. */
function start(home: string, done: RegExp): Promise<{ proc: ChildProcess; out: string }> {
  const proc = spawn(process.execPath, [BIN, "start", "--port", "0", "--quiet"], {
    env: { ...process.env, TRACEVAULT_HOME: home, DISPLAY: ":97", USER: "fake.user" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  procs.push(proc);
  let out = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no match for ${done} in: ${out}`)), 30_000);
    proc.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      if (done.test(out)) {
        clearTimeout(timer);
        resolve({ proc, out });
      }
    });
    proc.once("exit", (c) => reject(new Error(`start exited ${c}: ${out}`)));
  });
}

async function stop(p: ChildProcess): Promise<void> {
  const exited = new Promise((r) => p.once("exit", r));
  p.kill("SIGTERM");
  await exited;
}

describe("tracevault start", () => {
  it("offers a one-time enrollment for the local user that enrolls a recorder, once", async () => {
    const home = mkdtempSync(join(tmpdir(), "tv-start-"));
    const first = await start(home, /--enroll (tv_\S+)[\s\S]*acknowledged it\)/);
    expect(first.out).toMatch(/\/setup#token=/);
    expect(first.out).toMatch(/To record this desktop as 'fake\.user'/);
    const url = /listening on (http:\/\/\S+)/.exec(first.out)![1]!;
    const token = /--enroll (tv_\S+)/.exec(first.out)![1]!;
    const k = generateRawKeyPair("ed25519");
    const enroll = () =>
      fetch(`${url}/api/v1/devices/enroll`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ token, publicKey: Buffer.from(k.publicKey).toString("base64url") }),
      });
    const r = await enroll();
    expect(r.status).toBe(200);
    const dev = (await r.json()) as { deviceId: string };
    expect((await enroll()).status).toBe(400); // one-time
    await stop(first.proc);

    const vault = await Vault.open({ dataDir: home });
    try {
      const [row] = await vault.db.query<{ person: string }>("SELECT person FROM devices WHERE id = $1", [
        dev.deviceId,
      ]);
      expect(row?.person).toBe("fake.user");
      const issued = await vault.db.query<{ entry: string }>("SELECT entry FROM audit_log");
      expect(
        issued.some((e) => /"actor":"system:start"/.test(e.entry) && /"action":"enroll"/.test(e.entry)),
      ).toBe(true);
    } finally {
      await vault.close();
    }

    // Enrolled now: no new token on the next start.
    const second = await start(home, /A recorder for 'fake\.user' is enrolled/);
    expect(second.out).not.toMatch(/--enroll tv_/);
    await stop(second.proc);
  }, 90_000);
});
