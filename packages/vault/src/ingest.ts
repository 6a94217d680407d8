import { isUtf8 } from "node:buffer";
import { Manifest, type BatchPayload, type FocusEvent, type RawEvent } from "@tracevault/core";
import {
  BatchFormatError,
  MAX_BATCH_BYTES,
  UPLOAD_CONTEXT,
  batchDigest,
  parseBatch,
  verifySignature,
  type ParsedBatch,
  type Signature,
} from "@tracevault/crypto";
import { filterRawKeys } from "@tracevault/privacy";
import type { Devices } from "./devices.js";
import { fleetOf } from "./fleet/index.js";
import { fastParsePayload } from "./ingest/fast-json.js";
import { gunzipPayload, storedPayloadText } from "./ingest/gzip.js";
import { openerFor } from "./ingest/open.js";
import { TitleRedactor } from "./ingest/titles.js";
import { PayloadError, validatePayload } from "./ingest/validate.js";
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

/** Per-vault state that only saves work: none of it decides what is accepted. */
interface IngestCaches {
  /** Manifests by hash: a hash names one document forever, and published manifests are never deleted. */
  manifests: Map<string, Manifest>;
  /** People whose `people` row exists (rows are never deleted; erasure marks them). */
  people: Set<string>;
  pseudonyms: Map<string, string>;
  /** First uses of a person-month data key under way (see `keyReady`). */
  creatingKeys: Map<string, Promise<unknown>>;
}
const caches = new WeakMap<Vault, IngestCaches>();
const titles = new TitleRedactor();

function cachesOf(vault: Vault): IngestCaches {
  let c = caches.get(vault);
  if (!c)
    caches.set(
      vault,
      (c = { manifests: new Map(), people: new Set(), pseudonyms: new Map(), creatingKeys: new Map() }),
    );
  return c;
}

function bounded<K, V>(m: Map<K, V> | Set<K>, max = 10_000): void {
  if (m.size >= max) m.clear();
}

async function manifestOf(vault: Vault, hash: string): Promise<Manifest | undefined> {
  const c = cachesOf(vault).manifests;
  const hit = c.get(hash);
  if (hit) return hit;
  const [m] = await vault.db.query<{ doc: string }>("SELECT doc FROM manifests WHERE hash = $1", [hash]);
  if (!m) return undefined;
  const manifest = Manifest.parse(JSON.parse(m.doc));
  bounded(c, 1000);
  c.set(hash, manifest);
  return manifest;
}

function pseudonymOf(vault: Vault, personId: string): string {
  const c = cachesOf(vault).pseudonyms;
  let p = c.get(personId);
  if (p === undefined) {
    p = vault.pseudonym(personId);
    bounded(c);
    c.set(personId, p);
  }
  return p;
}

/**
 * Make sure the person-month data key exists before encrypting with it. `DataKeys.key` creates a missing key
 * with select-then-insert, so two batches of a new month arriving together would both create one and the
 * second would fail on the primary key; here the second waits for the first.
 */
async function keyReady(vault: Vault, person: string, month: string): Promise<void> {
  const m = cachesOf(vault).creatingKeys;
  const k = `${person}|${month}`;
  const running = m.get(k);
  if (running) {
    await running.catch(() => undefined);
    return;
  }
  const p = vault.dataKeys.key(person, month);
  m.set(k, p);
  try {
    await p;
  } finally {
    m.delete(k);
  }
}

function sameElements<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Settle a promise into a value or its error, so it can be awaited later without an unhandled rejection. */
function settle<T>(p: Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
  return p.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
}

async function settled<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: unknown }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw r.error;
  return r.value;
}

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
  const deviceQuery = settle(devices.get(deviceId));
  // Hash, parse and look the batch id up while the device row is on its way (on PostgreSQL the two queries run
  // side by side); nothing is answered before the signature verifies, and errors keep the order of the checks.
  const digest = batchDigest(bytes);
  let parsed: ParsedBatch | undefined;
  let parseError: string | undefined;
  try {
    parsed = parseBatch(bytes);
  } catch (e) {
    parseError = (e as BatchFormatError).message;
  }
  const seenQuery =
    parsed &&
    settle(
      vault.db.query<{
        digest: string;
        events: number;
        frames: number;
        level: number;
        redactions: number;
      }>("SELECT digest, events, frames, level, redactions FROM batches WHERE batch_id = $1", [
        parsed.header.batchId,
      ]),
    );
  const device = await settled(deviceQuery);
  if (!device) throw new IngestError(403, "unknown device", "unknown_device");
  if (device.revoked) throw new IngestError(403, "device is revoked", "revoked");
  if (!verifySignature(UPLOAD_CONTEXT, { digest }, signature, device.publicKey))
    throw new IngestError(401, "upload signature does not verify with this device's key", "bad_signature");
  if (!parsed || !seenQuery) throw new IngestError(400, parseError!, "bad_batch");
  const h = parsed.header;
  if (h.deviceId !== deviceId)
    throw new IngestError(403, "batch was written by another device", "wrong_device");
  if (h.vaultKid !== vault.keys.seal.kid)
    throw new IngestError(400, "batch is sealed to another vault key", "wrong_vault_key");
  const manifest = await manifestOf(vault, h.manifestHash);
  if (!manifest)
    throw new IngestError(422, "batch names a manifest this vault has not published", "unknown_manifest");
  const extra = h.channels.filter((c) => !manifest.channels.includes(c));
  if (extra.length)
    throw new IngestError(
      422,
      `batch carries channel(s) its manifest lacks: ${extra.join(", ")}`,
      "channel_not_in_manifest",
    );

  const [seen] = await settled(seenQuery);
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
  // Recorded only under a lease: refused otherwise, and remembered (a device that keeps sending such batches
  // gets an incident). After the duplicate check, so a batch stored earlier is still a duplicate when re-sent.
  if (vault.requireLease) {
    const { leased } = await fleetOf(vault).detectors.noteBatch(
      deviceId,
      h.batchId,
      h.createdAt,
      h.leaseId,
      // A signed lease speaks only for the batch that names it and for the manifest it was granted under.
      h.leaseProof &&
        h.leaseProof.lease.manifestHash === h.manifestHash &&
        (h.leaseId === undefined || h.leaseId === h.leaseProof.lease.leaseId)
        ? h.leaseProof
        : undefined,
    );
    if (!leased)
      throw new IngestError(403, "batch was recorded while this device held no recording lease", "no_lease");
  }
  // Asked now, answered after the CPU work below (on PostgreSQL the round trip overlaps it).
  const objecting = settle(isObjecting(vault, device.person));

  let payloadBytes: Buffer;
  try {
    payloadBytes = openerFor(vault.keys.seal.privateKey).open(parsed);
  } catch {
    throw new IngestError(
      400,
      "batch does not open with the vault key (corrupt or altered)",
      "does_not_open",
    );
  }
  let payload: BatchPayload;
  let keyDowns: number;
  let focusTexts: number;
  /** The payload as received (gzip or its text), when it is exactly a serialization of `payload`: stored as is. */
  let exactText: Buffer | undefined;
  try {
    const { raw, member } = gunzipPayload(payloadBytes, MAX_PAYLOAD_BYTES);
    const text = raw.toString("utf8");
    const fast = fastParsePayload(text);
    ({ payload, keyDowns, focusTexts } = fast ?? validatePayload(JSON.parse(text)));
    // Invalid UTF-8 would decode to U+FFFD: then the bytes are not the text, and the text is what was checked.
    // When the batch arrived as one plain gzip member of exactly that text, it is stored compressed as it came.
    if (fast?.exact && isUtf8(raw)) exactText = member ?? raw;
  } catch (e) {
    const msg = e instanceof PayloadError ? `payload ${e.message}` : (e as Error).message;
    throw new IngestError(400, `batch payload is invalid: ${msg.slice(0, 200)}`, "bad_payload");
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
  let events = payload.events;
  // Only typed characters can spell a detected value: without a key_down there is nothing to filter.
  if (keyDowns > 0) {
    const keyed = filterRawKeys(events);
    redactions += keyed.spans.length;
    if (keyed.spans.length) level = 3;
    if (!sameElements(keyed.events, events)) events = keyed.events;
  }
  if (focusTexts > 0) {
    let changed = false;
    const titled = events.map((e) => {
      if (e.kind !== "focus") return e;
      let out: FocusEvent | undefined;
      for (const field of ["title", "url"] as const) {
        if (e[field] === undefined) continue;
        const r = titles.redact(field, e);
        redactions += r.redactions;
        level = Math.max(level, r.level);
        if (r.text !== e[field]) (out ??= { ...e })[field] = r.text;
      }
      if (out) changed = true;
      return out ?? e;
    });
    if (changed) events = titled;
  }
  if (payload.frames.length) level = Math.max(level, 3);
  if (level > manifest.sensitivityCap) level = manifest.sensitivityCap;

  if (await settled(objecting))
    throw new IngestError(
      403,
      "this person has objected to recording: nothing from them is stored",
      "objecting",
    );
  const person = pseudonymOf(vault, device.person);
  const month = h.createdAt.slice(0, 7);
  const blobKey = `p/${person}/${month}/${h.batchId}`;
  const stored =
    exactText && events === payload.events
      ? exactText
      : Buffer.from(JSON.stringify(events === payload.events ? payload : { ...payload, events }));
  const binding = { person, month, level, purpose: manifest.purposes.join(","), recordId: h.batchId };
  let sealed: Uint8Array;
  try {
    await keyReady(vault, person, month);
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
  const blobs = vault.blobs;
  const inline = blobs.putInTx !== undefined && sealed.length <= (blobs.inlineLimit ?? 0);
  // A blob outside the database must be durable before the row naming it commits. SQLite holds its write lock
  // for the whole transaction, so the file is written first; on PostgreSQL the write overlaps the statements.
  let outside: Promise<{ ok: true; value: void } | { ok: false; error: unknown }> | undefined;
  if (!inline) {
    outside = settle(blobs.put(blobKey, sealed));
    if (vault.db.dialect === "sqlite") await settled(outside);
  }
  const c = cachesOf(vault);
  const knownPerson = c.people.has(device.person);
  const now = new Date().toISOString();
  try {
    await vault.db.tx(async (q) => {
      const row = [
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
        now,
        redactions,
      ];
      if (q.dialect === "postgres") {
        // One round trip for the three row changes.
        await q.exec(
          `WITH ${knownPerson ? "" : "p AS (INSERT INTO people (id, pseudonym, created_at) VALUES ($14, $5, $12) ON CONFLICT (id) DO NOTHING), "}d AS (UPDATE devices SET last_seq = $3, last_seen = $12 WHERE id = $2 AND last_seq < $3)
           INSERT INTO batches (batch_id, device_id, seq, digest, person, month, manifest_hash, level, events, frames, blob_key, received_at, redactions)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
          knownPerson ? row : [...row, device.person],
        );
      } else {
        if (!knownPerson)
          await q.exec(
            `INSERT INTO people (id, pseudonym, created_at) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING`,
            [device.person, person, now],
          );
        await q.exec(
          `INSERT INTO batches (batch_id, device_id, seq, digest, person, month, manifest_hash, level, events, frames, blob_key, received_at, redactions)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
          row,
        );
        await q.exec("UPDATE devices SET last_seq = $1, last_seen = $2 WHERE id = $3 AND last_seq < $1", [
          h.seq,
          now,
          deviceId,
        ]);
      }
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
      if (inline) await blobs.putInTx!(q, blobKey, sealed);
      else await settled(outside!);
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
    if (!inline) {
      // The write may still be running (PostgreSQL): let it finish, then take it back.
      await outside;
      await blobs.delete(blobKey).catch(() => undefined);
    }
    throw e;
  }
  if (!knownPerson) {
    bounded(c.people);
    c.people.add(device.person);
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
  const manifest = await manifestOf(vault, b.manifest_hash);
  if (!manifest) throw new Error(`batch ${batchId} names manifest ${b.manifest_hash}, which is not stored`);
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
  return { person: b.person, payload: JSON.parse(storedPayloadText(plain)) as BatchPayload };
}
