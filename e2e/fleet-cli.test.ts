/**
 * `tracevault fleet pause|resume|status|team` against a listening vault with a connected recorder (the real
 * lease client): the pause command waits for the acknowledgements and prints the table.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { formatFleetStatus, runFleet } from "../packages/cli/src/commands/fleet.js";
import { startFleetVault, type FleetVault, type TestClient } from "../packages/vault/test/fleet-helpers.js";

let t: FleetVault;
let c: TestClient;
let devId = "";

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const o = vi.spyOn(process.stdout, "write").mockImplementation((s) => ((out += String(s)), true));
  const e = vi.spyOn(process.stderr, "write").mockImplementation((s) => ((err += String(s)), true));
  try {
    const code = await runFleet([...args, "--url", t.url, "--token", t.tokens.fleet_admin!]);
    return { code, out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

beforeAll(async () => {
  t = await startFleetVault({ leaseTtlMs: 5000 });
  await t.consent("alice");
  const dev = await t.enrollDevice("alice");
  devId = dev.id;
  c = t.client(dev);
  c.lease.start();
  await c.until((s) => s.canRecord);
});
afterAll(async () => {
  await t.close();
});

describe("tracevault fleet", () => {
  it("team PERSON TEAM", async () => {
    const r = await cli(["team", "alice", "blue"]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/alice is in team blue/);
  });

  it("pause --team waits for the acknowledgements and prints who stopped", async () => {
    const r = await cli(["pause", "--team", "blue", "--reason", "cli drill", "--wait", "5"]);
    expect(r.code, r.err + r.out).toBe(0);
    expect(r.out).toMatch(/team blue — 1 recorders in scope/);
    expect(r.out).toMatch(/1\/1 acknowledged/);
    expect(r.out).toMatch(new RegExp(`${devId}\\s+alice\\s+ack\\s+\\d+ ms`));
    expect(c.lease.canRecord()).toBe(false);
  });

  it("status shows the live table; --json the data", async () => {
    const r = await cli(["status"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/PAUSE pz-\S+ team blue by admin "cli drill": 1\/1 acknowledged/);
    expect(r.out).toMatch(/DEVICE\s+PERSON\s+TEAM\s+NODE\s+STATE\s+LEASE\s+LAST SEEN\s+LAST ACK/);
    expect(r.out).toMatch(new RegExp(`${devId}\\s+alice\\s+blue\\s+\\S+\\s+paused`));
    const j = await cli(["status", "--json"]);
    expect(JSON.parse(j.out).recorders[0]).toMatchObject({ deviceId: devId, state: "paused" });
  });

  it("resume --team lifts it; the recorder records again", async () => {
    const r = await cli(["resume", "--team", "blue"]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/resumed: pause pz-\S+ \(team blue\)/);
    await c.until((s) => s.canRecord);
  });

  it("usage errors name the problem", async () => {
    await expect(cli(["pause", "--all"])).rejects.toThrow(/--reason/);
    await expect(cli(["pause", "--all", "--team", "x", "--reason", "r"])).rejects.toThrow(/one of --all/);
    await expect(cli(["resume"])).rejects.toThrow(/scope .* or --pause ID/);
  });

  it("uses the saved session when no token is given", async () => {
    const p = join(mkdtempSync(join(tmpdir(), "tv-session-")), "session.json");
    writeFileSync(p, JSON.stringify({ url: t.url, token: t.tokens.fleet_admin }), { mode: 0o600 });
    process.env.TRACEVAULT_SESSION = p;
    const o = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    try {
      expect(await runFleet(["status", "--json"])).toBe(0);
    } finally {
      o.mockRestore();
      delete process.env.TRACEVAULT_SESSION;
    }
  });

  it("formats a fleet with no recorders", () => {
    expect(formatFleetStatus({ node: "n1", bus: "none", nodes: [], recorders: [], pauses: [] })).toMatch(
      /recorders: 0 \(none\)/,
    );
  });
});
