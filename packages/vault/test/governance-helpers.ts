import { expect } from "vitest";
import type { RawEvent } from "@tracevault/core";
import { PASSWORD, typedEvents, type TestDevice, type TestVault } from "./helpers.js";

/** Upload one batch of `events` from `dev`; expects it stored. Returns the batch id. */
export async function upload(
  t: TestVault,
  dev: TestDevice,
  events: RawEvent[],
  over: Parameters<TestDevice["batch"]>[1] = {},
): Promise<string> {
  const b = dev.batch(events, over);
  const r = await t.app.inject({
    method: "POST",
    url: "/api/v1/batches",
    headers: b.headers,
    payload: b.bytes,
  });
  expect(r.statusCode, r.body).toBe(201);
  return b.batchId;
}

/**
 * A small, realistic piece of work: the display layout, a focused editor window whose title names the person
 * and an email address, a click, some typing, a second window. All values are fake.
 */
export function workSession(person: string, typed: string, t0 = 1_000): RawEvent[] {
  return [
    {
      kind: "display",
      t: t0,
      displays: [{ id: "d1", x: 0, y: 0, w: 1920, h: 1080, scale: 1, primary: true }],
    },
    { kind: "focus", t: t0 + 1, app: "Editor", title: `${person} notes - Editor` },
    { kind: "mouse_move", t: t0 + 10, x: 400, y: 300 },
    { kind: "mouse_down", t: t0 + 20, x: 400, y: 300, button: "left" },
    { kind: "mouse_up", t: t0 + 80, x: 400, y: 300, button: "left" },
    ...typedEvents(typed, t0 + 200),
    { kind: "focus", t: t0 + 5_000, app: "Mail", title: "Inbox - jane.doe@example.com - Mail" },
    { kind: "mouse_down", t: t0 + 5_100, x: 900, y: 500, button: "left" },
    { kind: "mouse_up", t: t0 + 5_160, x: 900, y: 500, button: "left" },
  ];
}

/** Create an account with `role` and sign it in; returns request headers for it. */
export async function account(
  t: TestVault,
  username: string,
  role: string,
  person = "",
  purpose = "agent-training",
): Promise<Record<string, string>> {
  const admin = { authorization: `Bearer ${t.tokens.fleet_admin}`, "x-tracevault-purpose": "operations" };
  const c = await t.app.inject({
    method: "POST",
    url: "/api/v1/accounts",
    headers: admin,
    payload: { username, password: PASSWORD, role, person },
  });
  expect(c.statusCode, c.body).toBe(200);
  const l = await t.app.inject({
    method: "POST",
    url: "/api/v1/auth/login",
    payload: { username, password: PASSWORD },
  });
  return { authorization: `Bearer ${l.json().token}`, "x-tracevault-purpose": purpose };
}

/** Poll a dataset until its export job is ready or failed. */
export async function waitForDataset(
  t: TestVault,
  id: string,
  headers: Record<string, string>,
  timeoutMs = 30_000,
): Promise<{ job: { state: string; done: number; total: number; error: string | null } }> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const r = await t.app.inject({ method: "GET", url: `/api/v1/datasets/${id}`, headers });
    const d = r.json();
    if (d.job?.state === "ready" || d.job?.state === "failed") return d;
    if (Date.now() > until) throw new Error(`dataset ${id} not done: ${r.body}`);
    await new Promise((res) => setTimeout(res, 50));
  }
}

/** Every file under a directory, recursively. */
export async function filesUnder(dir: string): Promise<string[]> {
  const { readdirSync, statSync } = await import("node:fs");
  const { join } = await import("node:path");
  const out: string[] = [];
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(p);
    }
  };
  walk(dir);
  return out;
}
