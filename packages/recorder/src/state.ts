import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { z } from "zod";
import type { Manifest } from "@tracevault/core";
import { generateRawKeyPair, keyId, publicFromPrivate, writeFileAtomic } from "@tracevault/crypto";

/**
 * The recorder's local state directory (mode 0700): the device identity (Ed25519 key, 0600), the vault it is
 * enrolled with, the manifest acknowledgements, the control socket, and (online mode) the spool. It never
 * holds recorded content: that only exists sealed, in the spool.
 */

/** Default state directory: $TRACEVAULT_STATE_DIR, else $XDG_STATE_HOME/tracevault, else ~/.local/state/tracevault. */
export function defaultStateDir(): string {
  if (process.env.TRACEVAULT_STATE_DIR) return process.env.TRACEVAULT_STATE_DIR;
  const xdg = process.env.XDG_STATE_HOME;
  return join(xdg && xdg.startsWith("/") ? xdg : join(homedir(), ".local", "state"), "tracevault");
}

/** Create the state directory (0700) if needed and refuse one that others can read. */
export function ensureStateDir(dir: string): string {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const st = statSync(dir);
  if ((st.mode & 0o077) !== 0) chmodSync(dir, 0o700);
  return dir;
}

/** Write a file atomically (temp + fsync + rename) with a mode. */
export function writePrivate(path: string, data: string | Uint8Array, mode = 0o600): void {
  writeFileAtomic(path, data, { mode });
}

const B64 = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
const Kid = z.string().regex(/^[0-9a-f]{16}$/);

export const DeviceFile = z.object({
  v: z.literal(1),
  deviceId: z.string().regex(/^[a-z0-9-]{8,64}$/),
  vaultUrl: z.string().url(),
  publicKey: B64,
  kid: Kid,
  vault: z.object({ seal: z.object({ pub: B64, kid: Kid }), sign: z.object({ pub: B64, kid: Kid }) }),
  enrolledAt: z.string(),
});
export type DeviceFile = z.infer<typeof DeviceFile>;

export interface DeviceIdentity {
  file: DeviceFile;
  privateKey: Uint8Array;
  publicKey: Uint8Array;
  vault: { seal: { publicKey: Uint8Array; kid: string }; sign: { publicKey: Uint8Array; kid: string } };
}

const unb64 = (s: string) => new Uint8Array(Buffer.from(s, "base64url"));

/** A new Ed25519 device key pair (the private key goes to `device.key`, 0600). */
export function newDeviceKey(): { privateKey: Uint8Array; publicKey: Uint8Array; kid: string } {
  const k = generateRawKeyPair("ed25519");
  return { ...k, kid: keyId("ed25519", k.publicKey) };
}

export function saveDevice(dir: string, file: DeviceFile, privateKey: Uint8Array): void {
  ensureStateDir(dir);
  writePrivate(join(dir, "device.key"), Buffer.from(privateKey).toString("base64url") + "\n", 0o600);
  writePrivate(join(dir, "device.json"), JSON.stringify(DeviceFile.parse(file), null, 2) + "\n", 0o600);
}

/** The enrolled device in `dir`, or undefined when this machine is not enrolled. Checks the key pair. */
export function loadDevice(dir: string): DeviceIdentity | undefined {
  const jf = join(dir, "device.json");
  if (!existsSync(jf)) return undefined;
  const file = DeviceFile.parse(JSON.parse(readFileSync(jf, "utf8")));
  const keyPath = join(dir, "device.key");
  const st = statSync(keyPath);
  if ((st.mode & 0o077) !== 0)
    throw new Error(
      `${keyPath} is readable by other users (mode ${(st.mode & 0o777).toString(8)}): chmod 600 it`,
    );
  const privateKey = unb64(readFileSync(keyPath, "utf8").trim());
  const publicKey = publicFromPrivate("ed25519", privateKey);
  if (Buffer.from(publicKey).toString("base64url") !== file.publicKey)
    throw new Error(`${keyPath} does not match the public key in device.json`);
  return {
    file,
    privateKey,
    publicKey,
    vault: {
      seal: { publicKey: unb64(file.vault.seal.pub), kid: file.vault.seal.kid },
      sign: { publicKey: unb64(file.vault.sign.pub), kid: file.vault.sign.kid },
    },
  };
}

/** A stable device id for offline (air-gapped) collection, kept in the state directory. */
export function offlineDeviceId(dir: string): string {
  ensureStateDir(dir);
  const p = join(dir, "offline-device.json");
  if (existsSync(p)) {
    const j = JSON.parse(readFileSync(p, "utf8")) as { deviceId?: unknown };
    if (typeof j.deviceId === "string" && /^[a-z0-9-]{8,64}$/.test(j.deviceId)) return j.deviceId;
  }
  const id = `offline-${randomBytes(8).toString("hex")}`;
  writePrivate(p, JSON.stringify({ deviceId: id }) + "\n");
  return id;
}

// ------------------------------------------------------------------ acknowledgements

const Ack = z.object({
  manifestId: z.string(),
  version: z.number().int(),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  title: z.string(),
  acknowledgedAt: z.string(),
});
const AckFile = z.object({ v: z.literal(1), acks: z.array(Ack) });
export type Acknowledgement = z.infer<typeof Ack>;

function readAcks(dir: string): Acknowledgement[] {
  const p = join(dir, "acks.json");
  if (!existsSync(p)) return [];
  try {
    return AckFile.parse(JSON.parse(readFileSync(p, "utf8"))).acks;
  } catch {
    return [];
  }
}

/** The acknowledgement of exactly this manifest (id, version and content hash), if the person gave one. */
export function findAcknowledgement(dir: string, m: Manifest, hash: string): Acknowledgement | undefined {
  return readAcks(dir).find((a) => a.hash === hash && a.manifestId === m.id && a.version === m.version);
}

/** Store that the person acknowledged this manifest version. */
export function acknowledge(dir: string, m: Manifest, hash: string, at = new Date()): Acknowledgement {
  ensureStateDir(dir);
  const acks = readAcks(dir).filter((a) => a.hash !== hash);
  const ack: Acknowledgement = {
    manifestId: m.id,
    version: m.version,
    hash,
    title: m.title,
    acknowledgedAt: at.toISOString(),
  };
  acks.push(ack);
  writePrivate(join(dir, "acks.json"), JSON.stringify({ v: 1, acks: acks.slice(-50) }, null, 2) + "\n");
  return ack;
}

/** Why recording may not start for this manifest, or undefined when it is acknowledged. */
export function acknowledgementProblem(dir: string, m: Manifest, hash: string): string | undefined {
  if (findAcknowledgement(dir, m, hash)) return undefined;
  const older = readAcks(dir).filter((a) => a.manifestId === m.id);
  const what = `manifest '${m.id}' version ${m.version} (hash ${hash.slice(0, 12)}…)`;
  return older.length
    ? `${what} changed since you acknowledged version ${older[older.length - 1]!.version}: read it and acknowledge it first (tracevault record --acknowledge …)`
    : `${what} has not been acknowledged on this machine: read it and acknowledge it first (tracevault record --acknowledge …)`;
}
