import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PASSWORD, startTestVault, typedEvents, type TestVault } from "./helpers.js";

let t: TestVault;
beforeAll(async () => {
  t = await startTestVault();
});
afterAll(async () => {
  await t.app.close();
  await t.vault.close();
});

const CANARY = "canaryzebraquartz";

describe("vault API", () => {
  it("serves health and an OpenAPI document without sign-in", async () => {
    expect((await t.app.inject({ method: "GET", url: "/api/v1/health" })).json()).toMatchObject({ ok: true });
    const doc = (await t.app.inject({ method: "GET", url: "/api/v1/openapi.json" })).json();
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.paths["/api/v1/batches"].post["requestBody"].content).toHaveProperty(
      "application/octet-stream",
    );
  });

  it("stores an uploaded batch once, filtered again, and gives it back only to its person", async () => {
    const dev = await t.enrollDevice("alice");
    const events = [
      { kind: "focus" as const, t: 0, app: "Editor", title: `notes for ${CANARY}` },
      ...typedEvents(`the ${CANARY} report goes to jane.doe@example.com`, 1),
    ];
    const b = dev.batch(events);
    const r1 = await t.app.inject({
      method: "POST",
      url: "/api/v1/batches",
      headers: b.headers,
      payload: b.bytes,
    });
    expect(r1.statusCode).toBe(201);
    const r2 = await t.app.inject({
      method: "POST",
      url: "/api/v1/batches",
      headers: b.headers,
      payload: b.bytes,
    });
    expect(r2.statusCode).toBe(200);
    expect(r2.json().duplicate).toBe(true);
    const mine = (
      await t.app.inject({ method: "GET", url: "/api/v1/me/batches", headers: t.as("person", "self-access") })
    ).json();
    expect(mine.batches).toHaveLength(1);
    const got = await t.app.inject({
      method: "GET",
      url: `/api/v1/batches/${b.batchId}`,
      headers: t.as("person", "self-access"),
    });
    expect(got.statusCode).toBe(200);
    const typed = got
      .json()
      .events.flatMap((e: { kind: string; char?: string }) =>
        e.kind === "key_down" && e.char ? [e.char] : [],
      )
      .join("");
    expect(typed).toContain(CANARY);
    expect(typed).not.toContain("jane.doe@example.com");
    for (const role of ["researcher", "privacy_officer", "fleet_admin", "auditor"]) {
      const denied = await t.app.inject({
        method: "GET",
        url: `/api/v1/batches/${b.batchId}`,
        headers: t.as(role),
      });
      expect(denied.statusCode, role).toBe(403);
    }
  });

  it("leaves no plaintext canary anywhere under the data directory", async () => {
    const files: string[] = [];
    const walk = (d: string) => {
      for (const n of readdirSync(d)) {
        const p = join(d, n);
        if (statSync(p).isDirectory()) walk(p);
        else files.push(p);
      }
    };
    walk(t.dir);
    expect(files.length).toBeGreaterThan(3);
    for (const f of files) expect(readFileSync(f).includes(CANARY), f).toBe(false);
  });

  it("refuses uploads that are unsigned, re-signed by another device, or carry a channel the manifest lacks", async () => {
    const a = await t.enrollDevice("alice");
    const b = await t.enrollDevice("bob");
    const good = a.batch(typedEvents("x"));
    const noSig = await t.app.inject({
      method: "POST",
      url: "/api/v1/batches",
      headers: { ...good.headers, "x-tracevault-signature": "" },
      payload: good.bytes,
    });
    expect(noSig.statusCode).toBe(401);
    const wrongDevice = await t.app.inject({
      method: "POST",
      url: "/api/v1/batches",
      headers: { ...good.headers, "x-tracevault-device": b.id },
      payload: good.bytes,
    });
    expect(wrongDevice.statusCode).toBe(401);
    const extra = a.batch(typedEvents("x"), { channels: ["keyboard", "clipboard"] });
    const r = await t.app.inject({
      method: "POST",
      url: "/api/v1/batches",
      headers: extra.headers,
      payload: extra.bytes,
    });
    expect(r.statusCode).toBe(422);
    expect(r.json().error).toMatch(/clipboard/);
  });

  it("audit log records the reads and verifies; an auditor can check it, a person cannot", async () => {
    const v = await t.app.inject({
      method: "POST",
      url: "/api/v1/audit/verify",
      headers: t.as("auditor", "audit"),
    });
    expect(v.json().problems).toEqual([]);
    const entries = (
      await t.app.inject({
        method: "GET",
        url: "/api/v1/audit/entries?limit=1000",
        headers: t.as("auditor", "audit"),
      })
    ).json().entries;
    expect(entries.some((e: { action: string }) => e.action === "decrypt")).toBe(true);
    expect(JSON.stringify(entries)).not.toContain("alice");
    expect(
      (await t.app.inject({ method: "GET", url: "/api/v1/audit/entries", headers: t.as("person") }))
        .statusCode,
    ).toBe(403);
  });

  it("a policy change needs a second officer before it takes effect", async () => {
    const admin = { authorization: `Bearer ${t.tokens.fleet_admin}`, "x-tracevault-purpose": "operations" };
    await t.app.inject({
      method: "POST",
      url: "/api/v1/accounts",
      headers: admin,
      payload: { username: "officer-2", password: PASSWORD, role: "privacy_officer" },
    });
    const second = (
      await t.app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { username: "officer-2", password: PASSWORD },
      })
    ).json().token;
    const current = (
      await t.app.inject({
        method: "GET",
        url: "/api/v1/policy",
        headers: t.as("privacy_officer", "governance"),
      })
    ).json();
    const text =
      current.text +
      '\n@id("extra")\nforbid (principal, action == Tracevault::Action::"audit.read", resource) when { context.purpose == "curiosity" };';
    const proposed = await t.app.inject({
      method: "PUT",
      url: "/api/v1/policy",
      headers: t.as("privacy_officer", "governance"),
      payload: { text, reason: "block curiosity reads" },
    });
    expect(proposed.statusCode).toBe(202);
    const id = proposed.json().id;
    const self = await t.app.inject({
      method: "POST",
      url: `/api/v1/policy/changes/${id}/approve`,
      headers: t.as("privacy_officer", "governance"),
    });
    expect(self.statusCode).toBe(403);
    expect(
      (
        await t.app.inject({
          method: "GET",
          url: "/api/v1/policy",
          headers: t.as("privacy_officer", "governance"),
        })
      ).json().version,
    ).toBe(current.version);
    const ok = await t.app.inject({
      method: "POST",
      url: `/api/v1/policy/changes/${id}/approve`,
      headers: { authorization: `Bearer ${second}`, "x-tracevault-purpose": "governance" },
    });
    expect(ok.statusCode).toBe(200);
    expect(
      (
        await t.app.inject({
          method: "GET",
          url: "/api/v1/policy",
          headers: t.as("privacy_officer", "governance"),
        })
      ).json().text,
    ).toBe(text);
  });

  it("erasure makes the person's batches unreadable and gone", async () => {
    const r = await t.app.inject({
      method: "POST",
      url: "/api/v1/me/erase",
      headers: t.as("person", "self-access"),
    });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ kind: "erasure", status: "completed" });
    const mine = (
      await t.app.inject({ method: "GET", url: "/api/v1/me/batches", headers: t.as("person", "self-access") })
    ).json();
    expect(mine.batches).toEqual([]);
  });

  it("anonymous requests get 401 everywhere except health, sign-in, enrollment and the public manifest", async () => {
    const doc = (await t.app.inject({ method: "GET", url: "/api/v1/openapi.json" })).json();
    const open = new Set([
      "/api/v1/health",
      "/api/v1/auth/setup",
      "/api/v1/auth/login",
      "/api/v1/devices/enroll",
      "/api/v1/manifests/current",
      "/api/v1/batches",
    ]);
    for (const [path, methods] of Object.entries(doc.paths as Record<string, Record<string, unknown>>)) {
      if (open.has(path)) continue;
      for (const m of Object.keys(methods)) {
        const r = await t.app.inject({
          method: m.toUpperCase() as "GET",
          url: path.replace(/\{\w+\}/g, "x"),
          payload: m === "get" ? undefined : {},
        });
        expect(r.statusCode, `${m} ${path}`).toBe(401);
      }
    }
  });
});
