import { gunzipSync } from "node:zlib";
import { BatchPayload, Manifest, type RawEvent } from "@tracevault/core";
import {
  BatchFormatError,
  MAX_BATCH_BYTES,
  batchDigest,
  openBatch,
  parseBatch,
  verifyUpload,
  type Signature,
} from "@tracevault/crypto";
import { filterRawKeys, redact } from "@tracevault/privacy";
import type { Devices } from "./devices.js";
import { KeyDestroyedError } from "./keys/datakeys.js";
import { isObjecting } from "./requests/requests.js";
import type { Vault } from "./vault.js";

/** Why an upload was refused: an HTTP status and a message that names the problem (never content). */
export class IngestError extends Error {
  override name = "IngestError";
  constructor(
    readonly status: number,
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

export interface IngestResult {
  batchId: string;
  duplicate: boolean;
  events: number;
  frames: number;
  level: number;
  redactions: number;
}

const MAX_PAYLOAD_BYTES = 256 * 1024 * 1024;

/** Which manifest channel each event kind needs: a batch may carry only what its manifest allows. */
const CHANNEL_OF: Partial<Record<RawEvent["kind"], string>> = {
  key_down: "keyboard",
  key_up: "keyboard",
  mouse_move: "mouse",
  mouse_down: "mouse",
  mouse_up: "mouse",
  wheel: "mouse",
  focus: "window",
  screenshot: "screenshots",
};

/**
 * Ingest one sealed, signed batch: verify the device and its signature, check the header against the manifest,
 * deduplicate by batch id, open it, filter it again with the privacy engine, re-encrypt it under the person's
 * month key, and commit blob + row + audit entry together. Nothing is stored unless every check passes.
 */
export async function ingestBatch(
  vault: Vault,
  devices: Devices,
  deviceId: string,
  signature: Signature,
  bytes: Uint8Array,
): Promise<IngestResult> {
  if (bytes.length > MAX_BATCH_BYTES)
    throw new IngestError(413, `batch is larger than ${MAX_BATCH_BYTES} bytes`, "too_large");
  const device = await devices.get(deviceId);
  if (!device) throw new IngestError(403, "unknown device", "unknown_device");
  if (device.revoked) throw new IngestError(403, "device is revoked", "revoked");
  if (!verifyUpload(bytes, signature, device.publicKey))
    throw new IngestError(401, "upload signature does not verify with this device's key", "bad_signature");
  let parsed;
  try {
    parsed = parseBatch(bytes);
  } catch (e) {
    throw new IngestError(400, (e as BatchFormatError).message, "bad_batch");
  }
  const h = parsed.header;
  if (h.deviceId !== deviceId)
    throw new IngestError(403, "batch was written by another device", "wrong_device");
  if (h.vaultKid !== vault.keys.seal.kid)
    throw new IngestError(400, "batch is sealed to another vault key", "wrong_vault_key");
  const [m] = await vault.db.query<{ doc: string }>("SELECT doc FROM manifests WHERE hash = $1", [
    h.manifestHash,
  ]);
  if (!m)
    throw new IngestError(422, "batch names a manifest this vault has not published", "unknown_manifest");
  const manifest = Manifest.parse(JSON.parse(m.doc));
  const extra = h.channels.filter((c) => !manifest.channels.includes(c));
  if (extra.length)
    throw new IngestError(
      422,
      `batch carries channel(s) its manifest lacks: ${extra.join(", ")}`,
      "channel_not_in_manifest",
    );

  const digest = batchDigest(bytes);
  const [seen] = await vault.db.query<{
    digest: string;
    events: number;
    frames: number;
    level: number;
    redactions: number;
  }>("SELECT digest, events, frames, level, redactions FROM batches WHERE batch_id = $1", [h.batchId]);
  if (seen) {
    if (seen.digest !== digest)
      throw new IngestError(409, "a different batch with this id was already stored", "batch_id_conflict");
    return {
      batchId: h.batchId,
      duplicate: true,
      events: Number(seen.events),
      frames: Number(seen.frames),
      level: Number(seen.level),
      redactions: Number(seen.redactions),
    };
  }

  let payloadBytes: Uint8Array;
  try {
    payloadBytes = openBatch(bytes, vault.keys.seal.privateKey).payload;
  } catch {
    throw new IngestError(
      400,
      "batch does not open with the vault key (corrupt or altered)",
      "does_not_open",
    );
  }
  let payload: BatchPayload;
  try {
    const json = JSON.parse(
      gunzipSync(payloadBytes, { maxOutputLength: MAX_PAYLOAD_BYTES }).toString("utf8"),
    );
    const r = BatchPayload.safeParse(json);
    if (!r.success)
      throw new Error(`payload ${r.error.issues[0]?.path.join(".")}: ${r.error.issues[0]?.message}`);
    payload = r.data;
  } catch (e) {
    throw new IngestError(
      400,
      `batch payload is invalid: ${(e as Error).message.slice(0, 200)}`,
      "bad_payload",
    );
  }
  for (const e of payload.events) {
    const ch = CHANNEL_OF[e.kind];
    if (ch && !h.channels.includes(ch as never))
      throw new IngestError(
        422,
        `batch carries ${e.kind} events but does not declare the ${ch} channel`,
        "undeclared_channel",
      );
  }

  // Second pass: the server's policy may be stricter than the device's.
  let redactions = 0;
  let level = 1;
  const keyed = filterRawKeys(payload.events);
  redactions += keyed.spans.length;
  const events = keyed.events.map((e) => {
    if (e.kind !== "focus") return e;
    const out = { ...e };
    for (const field of ["title", "url"] as const) {
      const v = out[field];
      if (v === undefined) continue;
      const r = redact(v, {
        channel: field === "url" ? "url" : "title",
        context: { app: e.app, title: e.title, url: e.url },
      });
      if (r.level === 4) {
        out[field] = "[EXCLUDED]";
        redactions++;
      } else {
        if (r.spans.length) redactions += r.spans.length;
        out[field] = r.redacted;
      }
      level = Math.max(level, Math.min(r.level, 3));
    }
    return out;
  });
  if (keyed.spans.length) level = Math.max(level, 3);
  if (payload.frames.length) level = Math.max(level, 3);
  if (level > manifest.sensitivityCap) level = manifest.sensitivityCap;

  if (await isObjecting(vault, device.person))
    throw new IngestError(
      403,
      "this person has objected to recording: nothing from them is stored",
      "objecting",
    );
  const person = vault.pseudonym(device.person);
  const month = h.createdAt.slice(0, 7);
  const blobKey = `p/${person}/${month}/${h.batchId}`;
  const stored = Buffer.from(JSON.stringify({ ...payload, events }));
  const binding = { person, month, level, purpose: manifest.purposes.join(","), recordId: h.batchId };
  let sealed: Uint8Array;
  try {
    sealed = await vault.dataKeys.encrypt(binding, stored);
  } catch (e) {
    if (e instanceof KeyDestroyedError)
      throw new IngestError(
        409,
        `data of ${month} for this person was erased or is past retention; not stored`,
        "period_erased",
      );
    throw e;
  }
  await vault.blobs.put(blobKey, sealed);
  try {
    await vault.db.tx(async (q) => {
      await q.exec(
        `INSERT INTO people (id, pseudonym, created_at) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING`,
        [device.person, person, new Date().toISOString()],
      );
      await q.exec(
        `INSERT INTO batches (batch_id, device_id, seq, digest, person, month, manifest_hash, level, events, frames, blob_key, received_at, redactions)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
        [
          h.batchId,
          deviceId,
          h.seq,
          digest,
          person,
          month,
          h.manifestHash,
          level,
          events.length,
          payload.frames.length,
          blobKey,
          new Date().toISOString(),
          redactions,
        ],
      );
      await q.exec("UPDATE devices SET last_seq = $1, last_seen = $2 WHERE id = $3 AND last_seq < $1", [
        h.seq,
        new Date().toISOString(),
        deviceId,
      ]);
      await vault.audit.append(
        {
          action: "ingest",
          actor: deviceId,
          subject: person,
          detail: {
            batch: h.batchId,
            events: events.length,
            frames: payload.frames.length,
            level,
            redactions,
          },
        },
        q,
      );
    });
  } catch (e) {
    // A concurrent upload of the same batch id may have won; otherwise remove the blob we wrote.
    const [won] = await vault.db.query<{ digest: string }>("SELECT digest FROM batches WHERE batch_id = $1", [
      h.batchId,
    ]);
    if (won?.digest === digest)
      return {
        batchId: h.batchId,
        duplicate: true,
        events: events.length,
        frames: payload.frames.length,
        level,
        redactions,
      };
    await vault.blobs.delete(blobKey).catch(() => undefined);
    throw e;
  }
  return {
    batchId: h.batchId,
    duplicate: false,
    events: events.length,
    frames: payload.frames.length,
    level,
    redactions,
  };
}

/** Decrypt a stored batch (for the person themself, exports, or break-glass). Callers authorize and audit. */
export async function readStoredBatch(
  vault: Vault,
  batchId: string,
): Promise<{ person: string; payload: BatchPayload } | undefined> {
  const [b] = await vault.db.query<{
    person: string;
    month: string;
    level: number;
    blob_key: string;
    manifest_hash: string;
  }>("SELECT person, month, level, blob_key, manifest_hash FROM batches WHERE batch_id = $1", [batchId]);
  if (!b) return undefined;
  const [m] = await vault.db.query<{ doc: string }>("SELECT doc FROM manifests WHERE hash = $1", [
    b.manifest_hash,
  ]);
  const manifest = Manifest.parse(JSON.parse(m!.doc));
  const blob = await vault.blobs.get(b.blob_key);
  if (!blob) return undefined;
  const plain = await vault.dataKeys.decrypt(
    {
      person: b.person,
      month: b.month,
      level: Number(b.level),
      purpose: manifest.purposes.join(","),
      recordId: batchId,
    },
    blob,
  );
  return { person: b.person, payload: JSON.parse(Buffer.from(plain).toString("utf8")) as BatchPayload };
}
