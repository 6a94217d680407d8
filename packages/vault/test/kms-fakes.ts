/**
 * LOCAL FAKES of two KMS HTTP APIs, for tests only (there is no network here). They follow the real services'
 * request and response shapes closely enough to exercise the adapters' wire format, but they are NOT the real
 * services: no real authentication (a fixed token / the presence of a SigV4 Authorization header), keys in
 * memory, and their own ciphertext layout.
 *
 * - HashiCorp Vault Transit: POST /v1/{mount}/encrypt/{key} {plaintext, associated_data|context} →
 *   {data: {ciphertext: "vault:vN:…", key_version}}; POST /decrypt/{key}; POST /keys/{key}/rotate;
 *   GET /keys/{key} → {data: {latest_version, keys: {N: time}, …}}; errors {errors: [..]}.
 * - AWS KMS (JSON 1.1 protocol): POST / with X-Amz-Target TrentService.{Encrypt,Decrypt,DescribeKey,
 *   RotateKeyOnDemand,ListKeyRotations}, blobs base64 in JSON, errors {__type, message} with status 400.
 */
import { createCipheriv, createDecipheriv, randomBytes, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

async function body(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function gcm(key: Buffer, aad: Buffer, pt: Buffer): Buffer {
  const n = randomBytes(12);
  const c = createCipheriv("aes-256-gcm", key, n);
  c.setAAD(aad);
  return Buffer.concat([n, c.update(pt), c.final(), c.getAuthTag()]);
}

function ungcm(key: Buffer, aad: Buffer, ct: Buffer): Buffer {
  const d = createDecipheriv("aes-256-gcm", key, ct.subarray(0, 12));
  d.setAAD(aad);
  d.setAuthTag(ct.subarray(ct.length - 16));
  return Buffer.concat([d.update(ct.subarray(12, ct.length - 16)), d.final()]);
}

async function listen(
  handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    handler(req, res).catch((e) => {
      res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ errors: [String(e)] }));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

export interface FakeTransit {
  url: string;
  token: string;
  calls: { method: string; path: string; body: Record<string, unknown> }[];
  /** Key versions of a key (1-based). */
  versions(key: string): number;
  close(): Promise<void>;
}

/** A fake Vault Transit engine mounted at /v1/transit with one aes256-gcm96 key per name created on demand. */
export async function fakeVaultTransit(keyNames: string[] = ["tracevault"]): Promise<FakeTransit> {
  const token = "fake-vault-token";
  const keys = new Map<string, Buffer[]>(keyNames.map((k) => [k, [randomBytes(32)]]));
  const calls: FakeTransit["calls"] = [];
  const send = (res: ServerResponse, status: number, json: unknown) => {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(status === 204 ? undefined : JSON.stringify(json));
  };
  const { server, url } = await listen(async (req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    const raw = await body(req);
    const b = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    calls.push({ method: req.method ?? "", path, body: b });
    if (req.headers["x-vault-token"] !== token) return send(res, 403, { errors: ["permission denied"] });
    const m = /^\/v1\/transit\/(encrypt|decrypt|keys)\/([^/]+)(\/rotate)?$/.exec(path);
    if (!m) return send(res, 404, { errors: [] });
    const [, op, name, rotate] = m;
    const versions = keys.get(name!);
    if (!versions) return send(res, 400, { errors: [`encryption key not found`] });
    const aad = Buffer.from(String(b.associated_data ?? b.context ?? ""), "base64");
    if (op === "keys" && rotate && req.method === "POST") {
      versions.push(randomBytes(32));
      return send(res, 200, { data: { name, latest_version: versions.length, type: "aes256-gcm96" } });
    }
    if (op === "keys" && req.method === "GET")
      return send(res, 200, {
        data: {
          name,
          type: "aes256-gcm96",
          derived: false,
          latest_version: versions.length,
          min_decryption_version: 1,
          keys: Object.fromEntries(versions.map((_, i) => [String(i + 1), 1_700_000_000 + i])),
        },
      });
    if (op === "encrypt" && req.method === "POST") {
      if (typeof b.plaintext !== "string")
        return send(res, 400, { errors: ["missing plaintext to encrypt"] });
      const v = versions.length;
      const ct = gcm(versions[v - 1]!, aad, Buffer.from(b.plaintext, "base64"));
      return send(res, 200, { data: { ciphertext: `vault:v${v}:${ct.toString("base64")}`, key_version: v } });
    }
    if (op === "decrypt" && req.method === "POST") {
      const mm = /^vault:v(\d+):(.+)$/.exec(String(b.ciphertext ?? ""));
      if (!mm) return send(res, 400, { errors: ["invalid ciphertext: no prefix"] });
      const key = versions[Number(mm[1]) - 1];
      if (!key) return send(res, 400, { errors: ["invalid key version"] });
      try {
        const pt = ungcm(key, aad, Buffer.from(mm[2]!, "base64"));
        return send(res, 200, { data: { plaintext: pt.toString("base64") } });
      } catch {
        return send(res, 400, { errors: ["cipher: message authentication failed"] });
      }
    }
    return send(res, 405, { errors: [] });
  });
  return {
    url,
    token,
    calls,
    versions: (k) => keys.get(k)?.length ?? 0,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

export interface FakeAwsKms {
  endpoint: string;
  keyId: string;
  arn: string;
  targets: string[];
  close(): Promise<void>;
}

/** A fake AWS KMS endpoint with one symmetric key (and an alias for it). */
export async function fakeAwsKms(): Promise<FakeAwsKms> {
  const keyId = randomUUID();
  const arn = `arn:aws:kms:us-east-1:111122223333:key/${keyId}`;
  const material: Buffer[] = [randomBytes(32)];
  const rotations: { RotationDate: number; RotationType: string; KeyId: string }[] = [];
  const targets: string[] = [];
  const resolves = (id: unknown) => id === keyId || id === arn || id === "alias/tracevault";
  const ctxAad = (ctx: unknown) => {
    const o = (ctx ?? {}) as Record<string, string>;
    return Buffer.from(
      JSON.stringify(
        Object.keys(o)
          .sort()
          .map((k) => [k, o[k]]),
      ),
    );
  };
  const { server, url } = await listen(async (req, res) => {
    const target = String(req.headers["x-amz-target"] ?? "");
    targets.push(target);
    const send = (status: number, json: unknown) => {
      res.writeHead(status, { "content-type": "application/x-amz-json-1.1" });
      res.end(JSON.stringify(json));
    };
    const err = (type: string, message: string) => send(400, { __type: type, message });
    if (!String(req.headers.authorization ?? "").startsWith("AWS4-HMAC-SHA256 "))
      return err("UnrecognizedClientException", "The security token included in the request is invalid.");
    if (req.headers["content-type"] !== "application/x-amz-json-1.1")
      return err("SerializationException", "unexpected content type");
    const b = JSON.parse((await body(req)) || "{}") as Record<string, unknown>;
    switch (target) {
      case "TrentService.DescribeKey":
        if (!resolves(b.KeyId)) return err("NotFoundException", `Key '${String(b.KeyId)}' does not exist`);
        return send(200, {
          KeyMetadata: {
            AWSAccountId: "111122223333",
            KeyId: keyId,
            Arn: arn,
            CreationDate: 1_700_000_000,
            Enabled: true,
            KeyState: "Enabled",
            KeyUsage: "ENCRYPT_DECRYPT",
            KeySpec: "SYMMETRIC_DEFAULT",
            KeyManager: "CUSTOMER",
            Origin: "AWS_KMS",
          },
        });
      case "TrentService.Encrypt": {
        if (!resolves(b.KeyId)) return err("NotFoundException", "key not found");
        const v = material.length - 1;
        const ct = gcm(material[v]!, ctxAad(b.EncryptionContext), Buffer.from(String(b.Plaintext), "base64"));
        const blob = Buffer.concat([Buffer.from([v]), Buffer.from(keyId.replace(/-/g, ""), "hex"), ct]);
        return send(200, {
          CiphertextBlob: blob.toString("base64"),
          KeyId: arn,
          EncryptionAlgorithm: "SYMMETRIC_DEFAULT",
        });
      }
      case "TrentService.Decrypt": {
        if (b.KeyId !== undefined && !resolves(b.KeyId)) return err("IncorrectKeyException", "wrong key");
        const blob = Buffer.from(String(b.CiphertextBlob), "base64");
        const key = material[blob[0]!];
        if (!key || blob.subarray(1, 17).toString("hex") !== keyId.replace(/-/g, ""))
          return err("InvalidCiphertextException", "");
        try {
          const pt = ungcm(key, ctxAad(b.EncryptionContext), blob.subarray(17));
          return send(200, {
            Plaintext: pt.toString("base64"),
            KeyId: arn,
            EncryptionAlgorithm: "SYMMETRIC_DEFAULT",
          });
        } catch {
          return err("InvalidCiphertextException", "");
        }
      }
      case "TrentService.RotateKeyOnDemand":
        if (!resolves(b.KeyId)) return err("NotFoundException", "key not found");
        material.push(randomBytes(32));
        rotations.push({
          KeyId: arn,
          RotationDate: Math.floor(Date.now() / 1000),
          RotationType: "ON_DEMAND",
        });
        return send(200, { KeyId: keyId });
      case "TrentService.ListKeyRotations": {
        if (!resolves(b.KeyId)) return err("NotFoundException", "key not found");
        // One rotation per page, to exercise pagination.
        const start = b.Marker ? Number(b.Marker) : 0;
        const page = rotations.slice(start, start + 1);
        const more = start + 1 < rotations.length;
        return send(200, {
          Rotations: page,
          Truncated: more,
          ...(more ? { NextMarker: String(start + 1) } : {}),
        });
      }
      default:
        return err("UnknownOperationException", target);
    }
  });
  return { endpoint: url, keyId, arn, targets, close: () => new Promise((r) => server.close(() => r())) };
}
