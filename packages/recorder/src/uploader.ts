import { parseBatch, signUpload, verifySignedManifest, type SignedManifest } from "@tracevault/crypto";
import type { Spool } from "./spool.js";
import { newDeviceKey, saveDevice, type DeviceFile, type DeviceIdentity, loadDevice } from "./state.js";

/**
 * Talking to the vault over its HTTP API (the recorder never imports the vault package):
 * enrollment (`POST /api/v1/devices/enroll`), the signed manifest in force (`GET /api/v1/manifests/current`)
 * and uploads (`POST /api/v1/batches`, device-signed, idempotent by batch id).
 */

export type FetchFn = typeof fetch;

export class VaultHttpError extends Error {
  override name = "VaultHttpError";
  constructor(
    readonly status: number,
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

function base(url: string): string {
  return url.replace(/\/+$/, "");
}

async function errorOf(res: Response, what: string): Promise<VaultHttpError> {
  let body: { error?: string; code?: string } = {};
  try {
    body = (await res.json()) as typeof body;
  } catch {
    /* not JSON */
  }
  return new VaultHttpError(
    res.status,
    `${what}: the vault answered ${res.status}${body.error ? ` (${body.error})` : ""}`,
    body.code,
  );
}

/**
 * Enroll this machine with a one-time token: a new Ed25519 key pair (private key kept 0600 in `stateDir`),
 * the vault's sealing and signing keys stored beside it.
 */
export async function enrollDevice(
  vaultUrl: string,
  token: string,
  stateDir: string,
  f: FetchFn = fetch,
): Promise<DeviceIdentity> {
  const key = newDeviceKey();
  let res: Response;
  try {
    res = await f(`${base(vaultUrl)}/api/v1/devices/enroll`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ token, publicKey: Buffer.from(key.publicKey).toString("base64url") }),
      signal: AbortSignal.timeout(30_000),
    });
  } catch (e) {
    throw new Error(`cannot reach the vault at ${vaultUrl}: ${(e as Error).message}`);
  }
  if (!res.ok) throw await errorOf(res, "enrollment failed");
  const body = (await res.json()) as {
    deviceId: string;
    vault: { seal: { pub: string; kid: string }; sign: { pub: string; kid: string } };
  };
  const file: DeviceFile = {
    v: 1,
    deviceId: body.deviceId,
    vaultUrl: base(vaultUrl),
    publicKey: Buffer.from(key.publicKey).toString("base64url"),
    kid: key.kid,
    vault: body.vault,
    enrolledAt: new Date().toISOString(),
  };
  saveDevice(stateDir, file, key.privateKey);
  const d = loadDevice(stateDir);
  if (!d) throw new Error("enrollment was not saved");
  return d;
}

/** Fetch the manifest in force and verify its signature with the vault's signing key (from enrollment). */
export async function fetchManifest(
  vaultUrl: string,
  signPublicKey: Uint8Array,
  f: FetchFn = fetch,
): Promise<SignedManifest> {
  let res: Response;
  try {
    res = await f(`${base(vaultUrl)}/api/v1/manifests/current`, { signal: AbortSignal.timeout(30_000) });
  } catch (e) {
    throw new Error(`cannot reach the vault at ${vaultUrl}: ${(e as Error).message}`);
  }
  if (!res.ok) throw await errorOf(res, "cannot get the manifest in force");
  return verifySignedManifest(await res.json(), signPublicKey);
}

export interface UploaderOptions {
  vaultUrl: string;
  deviceId: string;
  privateKey: Uint8Array;
  publicKey: Uint8Array;
  spool: Spool;
  fetch?: FetchFn;
  /** First retry delay (default 1000 ms), doubled per failure up to `maxBackoffMs` (default 60 000), ±20 % jitter. */
  initialBackoffMs?: number;
  maxBackoffMs?: number;
  /** A batch the vault refused (4xx) is retried after this long (default 1 h): policy may change. */
  rejectedRetryMs?: number;
  timeoutMs?: number;
  log?: (msg: string) => void;
}

export interface UploaderStatus {
  uploaded: number;
  duplicates: number;
  failures: number;
  /** Batches the vault refused, by error code; they stay in the spool. */
  rejected: number;
  pending: number;
  lastError?: string;
  /** When the next attempt is due after a failure (epoch ms). */
  retryAt?: number;
  online: boolean;
}

/**
 * Uploads sealed batches from the spool, oldest first, each signed with the device key, and deletes a batch
 * from the spool only after the vault confirmed it (201 stored, 200 already stored). Network errors and
 * 5xx/429 are retried with exponential backoff; a batch the vault refuses (other 4xx) stays in the spool and
 * is retried much later, without blocking the others. Idempotent: the vault deduplicates by batch id.
 */
export class Uploader {
  private readonly o: UploaderOptions;
  private readonly f: FetchFn;
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private failuresInRow = 0;
  private readonly rejectedUntil = new Map<string, number>();
  private st: UploaderStatus = {
    uploaded: 0,
    duplicates: 0,
    failures: 0,
    rejected: 0,
    pending: 0,
    online: false,
  };

  constructor(o: UploaderOptions) {
    this.o = o;
    this.f = o.fetch ?? fetch;
  }

  status(): UploaderStatus {
    return { ...this.st, pending: this.o.spool.list().length };
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** A new batch is in the spool. */
  kick(): void {
    const w = this.wake;
    this.wake = undefined;
    w?.();
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        this.wake = undefined;
        resolve();
      }, ms);
      t.unref?.();
      this.wake = () => {
        clearTimeout(t);
        resolve();
      };
    });
  }

  private backoff(): number {
    const b0 = this.o.initialBackoffMs ?? 1000;
    const max = this.o.maxBackoffMs ?? 60_000;
    const d = Math.min(max, b0 * 2 ** Math.min(20, this.failuresInRow - 1));
    return Math.round(d * (0.8 + Math.random() * 0.4));
  }

  /** Try every due batch once. Returns false when a transient failure says: back off. */
  async pass(): Promise<boolean> {
    const now = Date.now();
    for (const entry of [...this.o.spool.list()]) {
      if (!this.running && this.loop) return true;
      const until = this.rejectedUntil.get(entry.batchId);
      if (until !== undefined && until > now) continue;
      let bytes: Uint8Array;
      try {
        bytes = this.o.spool.read(entry);
        parseBatch(bytes);
      } catch (e) {
        this.o.log?.(`spool batch ${entry.seq} unreadable: ${(e as Error).message}`);
        this.rejectedUntil.set(entry.batchId, Infinity);
        continue;
      }
      const sig = Buffer.from(
        JSON.stringify(signUpload(bytes, this.o.privateKey, this.o.publicKey)),
      ).toString("base64url");
      let res: Response;
      try {
        res = await this.f(`${base(this.o.vaultUrl)}/api/v1/batches`, {
          method: "POST",
          headers: {
            "content-type": "application/octet-stream",
            "x-tracevault-device": this.o.deviceId,
            "x-tracevault-signature": sig,
          },
          body: bytes,
          signal: AbortSignal.timeout(this.o.timeoutMs ?? 60_000),
        });
      } catch (e) {
        this.transient(`vault unreachable: ${(e as Error).message}`);
        return false;
      }
      if (res.status === 201 || res.status === 200) {
        await res.arrayBuffer().catch(() => undefined);
        this.o.spool.remove(entry.batchId);
        this.rejectedUntil.delete(entry.batchId);
        if (res.status === 201) this.st.uploaded++;
        else this.st.duplicates++;
        this.failuresInRow = 0;
        this.st.online = true;
        delete this.st.lastError;
        delete this.st.retryAt;
        continue;
      }
      const err = await errorOf(res, `upload of batch ${entry.seq}`);
      if (res.status >= 500 || res.status === 429 || res.status === 408) {
        this.transient(err.message);
        return false;
      }
      // Refused: keep it (never deleted without confirmation), retry much later, go on with the others.
      this.st.rejected++;
      this.st.lastError = `${err.message}${err.code ? ` [${err.code}]` : ""}`;
      this.o.log?.(`${this.st.lastError}; the batch stays in the spool`);
      this.rejectedUntil.set(entry.batchId, now + (this.o.rejectedRetryMs ?? 3_600_000));
    }
    return true;
  }

  private transient(msg: string): void {
    this.failuresInRow++;
    this.st.failures++;
    this.st.online = false;
    this.st.lastError = msg;
    const wait = this.backoff();
    this.st.retryAt = Date.now() + wait;
    this.o.log?.(`${msg}; retrying in ${Math.round(wait / 100) / 10} s`);
  }

  private async run(): Promise<void> {
    while (this.running) {
      const ok = await this.passQuiet();
      if (!this.running) break;
      if (!ok) await this.sleep(Math.max(0, (this.st.retryAt ?? Date.now()) - Date.now()));
      else await this.sleep(30_000);
    }
  }

  /** Stop; first try to upload what is left for up to `drainMs` (default 0). */
  async stop(drainMs = 0): Promise<void> {
    if (drainMs > 0) {
      const end = Date.now() + drainMs;
      while (Date.now() < end && this.o.spool.list().some((e) => !this.rejectedUntil.has(e.batchId))) {
        this.kick();
        const ok = await this.passQuiet();
        if (!ok) await new Promise((r) => setTimeout(r, Math.min(1000, Math.max(0, end - Date.now()))));
      }
    }
    this.running = false;
    this.kick();
    await this.loop?.catch(() => undefined);
  }

  private inPass: Promise<boolean> | undefined;
  private passQuiet(): Promise<boolean> {
    this.inPass ??= this.pass().finally(() => (this.inPass = undefined));
    return this.inPass;
  }
}
