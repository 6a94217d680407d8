import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { KMSClient } from "@aws-sdk/client-kms";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "../src/db/sql.js";
import { SqliteSql } from "../src/db/sqlite.js";
import { AwsKms } from "../src/keys/aws-kms.js";
import { DATAKEY_MIGRATIONS, DataKeys } from "../src/keys/datakeys.js";
import type { Kms } from "../src/keys/kms.js";
import { VaultTransitError, VaultTransitKms } from "../src/keys/vault-transit.js";
import { upload, workSession } from "./governance-helpers.js";
import { fakeAwsKms, fakeVaultTransit, type FakeAwsKms, type FakeTransit } from "./kms-fakes.js";
import { startTestVault } from "./helpers.js";

// These tests run the adapters against LOCAL FAKES of Vault Transit and AWS KMS (see kms-fakes.ts): they check
// the adapters' requests and handling of responses in the real services' shapes, not the services themselves.

let transit: FakeTransit;
let aws: FakeAwsKms;
beforeAll(async () => {
  transit = await fakeVaultTransit();
  aws = await fakeAwsKms();
});
afterAll(async () => {
  await transit.close();
  await aws.close();
});

const awsClient = () =>
  new KMSClient({
    endpoint: aws.endpoint,
    region: "us-east-1",
    credentials: { accessKeyId: "AKIAFAKEEXAMPLE", secretAccessKey: "fake-secret-EXAMPLE" },
  });

const adapters: [string, () => Promise<Kms>][] = [
  [
    "Vault Transit (fake)",
    () => VaultTransitKms.connect({ address: transit.url, token: transit.token, key: "tracevault" }),
  ],
  ["AWS KMS (fake)", () => AwsKms.connect({ keyId: "alias/tracevault", client: awsClient() })],
];

async function dataKeysWith(kms: Kms) {
  const db = new SqliteSql(join(mkdtempSync(join(tmpdir(), "tv-kms-")), "v.db"));
  await migrate(db, DATAKEY_MIGRATIONS);
  return { db, keys: new DataKeys(db, kms) };
}

const rec = { person: "p-aaaa", month: "2026-11", level: 2, purpose: "agent-training", recordId: "r-1" };

describe.each(adapters)("%s adapter", (_name, make) => {
  it("wraps and unwraps, binding the context", async () => {
    const kms = await make();
    const key = new Uint8Array(32).fill(7);
    const w = await kms.wrap(key, "tracevault/datakey/v1|p-aaaa|2026-11");
    expect(w.kekId).toBe(kms.currentKekId());
    expect(w.wrapped).not.toContain(Buffer.from(key).toString("base64"));
    expect(await kms.unwrap(w.wrapped, w.kekId, "tracevault/datakey/v1|p-aaaa|2026-11")).toEqual(key);
    await expect(kms.unwrap(w.wrapped, w.kekId, "tracevault/datakey/v1|p-bbbb|2026-11")).rejects.toThrow();
  });

  it("rotation: a new KEK version, old wraps still open, rewrapAll moves every data key", async () => {
    const kms = await make();
    const { db, keys } = await dataKeysWith(kms);
    const ct = await keys.encrypt(rec, new TextEncoder().encode("fake record"));
    const before = kms.currentKekId();
    const after = await kms.rotate();
    expect(after).not.toBe(before);
    // Old wraps still open before the rewrap (no downtime)…
    expect(new TextDecoder().decode(await new DataKeys(db, kms).decrypt(rec, ct))).toBe("fake record");
    expect(await keys.rewrapAll()).toBe(1);
    expect((await db.query<{ kek_id: string }>("SELECT kek_id FROM data_keys")).map((r) => r.kek_id)).toEqual(
      [after],
    );
    // …and after it.
    expect(new TextDecoder().decode(await new DataKeys(db, kms).decrypt(rec, ct))).toBe("fake record");
    await db.close();
  });
});

describe("adapter wire details", () => {
  it("Vault Transit: token header, base64 plaintext with associated_data, vault:vN: ciphertext, errors surfaced", async () => {
    const kms = await VaultTransitKms.connect({
      address: transit.url,
      token: transit.token,
      key: "tracevault",
    });
    transit.calls.length = 0;
    const w = await kms.wrap(new Uint8Array(32), "ctx-1");
    expect(w.wrapped).toMatch(/^vault:v\d+:/);
    const call = transit.calls.find((c) => c.path === "/v1/transit/encrypt/tracevault")!;
    expect(call.body).toEqual({
      plaintext: Buffer.alloc(32).toString("base64"),
      associated_data: Buffer.from("ctx-1").toString("base64"),
    });
    const bad = await VaultTransitKms.connect({
      address: transit.url,
      token: transit.token,
      key: "tracevault",
    });
    await expect(bad.unwrap("vault:v1:AAAA", "transit:tracevault:v1", "ctx")).rejects.toThrow(
      VaultTransitError,
    );
    await expect(
      VaultTransitKms.connect({ address: transit.url, token: "wrong", key: "tracevault" }),
    ).rejects.toThrow(/403 permission denied/);
    await expect(kms.unwrap(w.wrapped, "transit:otherkey:v1", "ctx-1")).rejects.toThrow(
      /not this Vault Transit key/,
    );
    expect(
      VaultTransitKms.optionsFromUrl("vault+https://vault.internal:8200/transit/tv", { VAULT_TOKEN: "t" }),
    ).toEqual({
      address: "https://vault.internal:8200",
      token: "t",
      mount: "transit",
      key: "tv",
    });
  });

  it("AWS KMS: the JSON 1.1 operations the adapter uses, signed requests, paginated rotations", async () => {
    aws.targets.length = 0;
    const kms = await AwsKms.connect({ keyId: "alias/tracevault", client: awsClient() });
    await kms.unwrap((await kms.wrap(new Uint8Array(32), "c")).wrapped, kms.currentKekId(), "c");
    expect(aws.targets).toEqual(
      expect.arrayContaining([
        "TrentService.DescribeKey",
        "TrentService.ListKeyRotations",
        "TrentService.Encrypt",
        "TrentService.Decrypt",
      ]),
    );
    expect(kms.currentKekId()).toMatch(new RegExp(`^aws-kms:${aws.arn}#r\\d+$`));
    const n = Number(/#r(\d+)$/.exec(kms.currentKekId())![1]);
    await kms.rotate();
    await kms.rotate();
    expect(kms.currentKekId()).toBe(`aws-kms:${aws.arn}#r${n + 2}`); // counted across ListKeyRotations pages
    await expect(AwsKms.connect({ keyId: "alias/missing", client: awsClient() })).rejects.toThrow(
      /does not exist/,
    );
  });

  it("a whole vault on Vault Transit: ingest, read, and key rotation through the admin API while serving", async () => {
    const kms = await VaultTransitKms.connect({
      address: transit.url,
      token: transit.token,
      key: "tracevault",
    });
    // startTestVault passes its storage argument to Vault.open, so the Transit KMS goes in with it.
    const t = await startTestVault({ kms } as Parameters<typeof startTestVault>[0]);
    const { vault, app } = t;
    const id = await upload(t, await t.enrollDevice("alice"), workSession("alice", "on transit"));
    const me = t.as("person", "self-access");
    expect((await app.inject({ method: "GET", url: `/api/v1/batches/${id}`, headers: me })).statusCode).toBe(
      200,
    );
    expect((await vault.db.query<{ kek_id: string }>("SELECT kek_id FROM data_keys"))[0]!.kek_id).toMatch(
      /^transit:tracevault:v\d+$/,
    );
    const admin = { authorization: `Bearer ${t.tokens.fleet_admin}`, "x-tracevault-purpose": "operations" };
    // Rotation runs while reads continue.
    const [rot, read] = await Promise.all([
      app.inject({ method: "POST", url: "/api/v1/keys/rotate", headers: admin }),
      app.inject({ method: "GET", url: `/api/v1/batches/${id}`, headers: me }),
    ]);
    expect(rot.statusCode, rot.body).toBe(200);
    expect(read.statusCode).toBe(200);
    expect(rot.json()).toMatchObject({
      dataKeys: 1,
      kekId: `transit:tracevault:v${transit.versions("tracevault")}`,
    });
    const status = (await app.inject({ method: "GET", url: "/api/v1/keys", headers: admin })).json();
    expect(status).toMatchObject({ kms: "vault-transit", dataKeys: [{ kekId: rot.json().kekId, n: 1 }] });
    expect((await app.inject({ method: "GET", url: `/api/v1/batches/${id}`, headers: me })).statusCode).toBe(
      200,
    );
    for (const role of ["person", "researcher", "privacy_officer", "auditor"])
      expect(
        (await app.inject({ method: "POST", url: "/api/v1/keys/rotate", headers: t.as(role) })).statusCode,
        role,
      ).toBe(403);
    const audit = await vault.audit.entries(0, 10_000);
    expect(audit.filter((e) => e.action === "key.rotate")).toHaveLength(2);
    await app.close();
    await vault.close();
  });
});
