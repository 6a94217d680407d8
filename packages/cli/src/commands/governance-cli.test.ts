import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startTestVault, type TestVault } from "../../../vault/test/helpers.js";
import { upload, workSession } from "../../../vault/test/governance-helpers.js";
import { datasetJobs } from "../../../vault/src/datasets/jobs.js";
import { runBreakglass } from "./breakglass.js";
import { runDataset } from "./dataset.js";
import { runKms, runRetention } from "./keyadmin.js";
import { runRequest } from "./request.js";

let t: TestVault;
let url: string;
const tmp = mkdtempSync(join(tmpdir(), "tv-cli-gov-"));

beforeAll(async () => {
  t = await startTestVault();
  await upload(t, await t.enrollDevice("alice"), workSession("alice", "cli words"));
  url = await t.app.listen({ port: 0, host: "127.0.0.1" });
});
afterAll(async () => {
  await datasetJobs(t.vault).close();
  await t.app.close();
});

/** Run a command, capturing stdout and stderr. */
async function run(fn: (argv: string[]) => Promise<number>, role: string, argv: string[]) {
  let out = "";
  let err = "";
  const o = vi.spyOn(process.stdout, "write").mockImplementation((s) => ((out += String(s)), true));
  const e = vi.spyOn(process.stderr, "write").mockImplementation((s) => ((err += String(s)), true));
  try {
    const code = await fn([...argv, "--url", url, "--token", t.tokens[role]!]);
    return { code, out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

describe("tracevault dataset / request / breakglass / kms / retention", () => {
  it("dataset: propose, approve, wait with a progress bar, download", async () => {
    const day = 86_400_000;
    const p = await run(runDataset, "researcher", [
      "propose",
      "--title",
      "cli dataset",
      "--people",
      "alice",
      "--from",
      new Date(Date.now() - day).toISOString(),
      "--to",
      new Date(Date.now() + day).toISOString(),
      "--channels",
      "keyboard,mouse,window",
      "--level",
      "2",
      "--purpose",
      "agent-training",
      "--format",
      "openai",
    ]);
    expect(p.code, p.err).toBe(0);
    const id = JSON.parse(p.out).id as string;
    const denied = await run(runDataset, "researcher", ["approve", id]);
    expect(denied.code).toBe(1);
    expect(denied.err).toMatch(/denied by policy/);
    expect((await run(runDataset, "privacy_officer", ["approve", id, "--note", "ok"])).code).toBe(0);
    const out = join(tmp, "ds.zip");
    const d = await run(runDataset, "researcher", ["download", id, "--out", out, "--wait"]);
    expect(d.code, d.err).toBe(0);
    expect(d.err).toMatch(/\[#+\.*\] \d+\/\d+ \d+%/);
    expect(d.err).toMatch(/100%/);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe("PK");
    const l = await run(runDataset, "privacy_officer", ["list"]);
    expect(l.out).toContain(id);
    expect(l.out).toContain("ready");
  });

  it("request: file access, list, download; officers see all", async () => {
    const f = await run(runRequest, "person", ["file", "access"]);
    expect(f.code, f.err).toBe(0);
    const id = JSON.parse(f.out).id as string;
    expect((await run(runRequest, "person", ["list"])).out).toContain(id);
    const out = join(tmp, "mine.zip");
    expect((await run(runRequest, "person", ["download", id, "--out", out])).code).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe("PK");
    expect((await run(runRequest, "privacy_officer", ["all"])).out).toContain(id);
    expect((await run(runRequest, "researcher", ["all"])).code).toBe(1);
  });

  it("breakglass and kms/retention reach their routes", async () => {
    const b = await run(runBreakglass, "privacy_officer", [
      "request",
      "--person",
      "alice",
      "--reason",
      "cli test: verifying the command reaches the route",
    ]);
    expect(b.code, b.err).toBe(0);
    expect(JSON.parse(b.out).status).toBe("pending");
    const s = await run(runKms, "fleet_admin", ["status"]);
    expect(JSON.parse(s.out).kms).toBe("local");
    const r = await run(runKms, "fleet_admin", ["rotate"]);
    expect(JSON.parse(r.out)).toMatchObject({ kekId: "kek-2", previous: "kek-1" });
    expect((await run(runRetention, "fleet_admin", ["run"])).code).toBe(0);
    expect((await run(runKms, "auditor", ["rotate"])).code).toBe(1);
  });
});
