import { randomBytes } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { hostname } from "node:os";
import type { Duplex } from "node:stream";
import type { Lease } from "@tracevault/core";
import type { Signature } from "@tracevault/crypto";
import { WebSocketServer, type RawData, type WebSocket } from "ws";
import type { SqlValue } from "../db/sql.js";
import { Devices } from "../devices.js";
import type { Vault } from "../vault.js";
import { NatsBus, NoBus, type Bus, type BusEvent } from "./bus.js";
import {
  consentHistory,
  currentManifest,
  insertConsent,
  lastAcknowledged,
  latestDecision,
  manifestByHash,
  manifestDiff,
  type ConsentDecision,
  type ConsentRecord,
  type CurrentManifest,
} from "./consent.js";
import { Detectors, type DetectorOptions } from "./detectors.js";
import { bulkExec } from "./bulk.js";
import { LeaseBook, type LeaseRow } from "./leases.js";
import { Ed25519Signer, verifySignature } from "@tracevault/crypto";
import {
  FleetError,
  activePauses,
  countInScope,
  covers,
  devicesInScope,
  getPause,
  insertPause,
  scopeWhere,
  liftable,
  newPauseId,
  notice,
  scopeLabel,
  type PauseRecord,
  type Target,
} from "./pauses.js";
import {
  CHANNEL_AUTH_CONTEXT,
  CHANNEL_PATH,
  ClientMessage,
  LEASE_CONTEXT,
  type ManifestRef,
  type PauserKind,
  type Scope,
} from "./protocol.js";

export interface FleetOptions {
  /** This node's name (default host-pid-random). */
  nodeId?: string;
  /** Lease lifetime in ms (default 60 000, at least 5 000). */
  leaseTtlMs?: number;
  /** NATS server URL(s), comma-separated; default $TRACEVAULT_NATS_URL; none: this node works alone. */
  natsUrl?: string;
  /** A new manifest stops recording until each person acknowledges it (default true). */
  requireConsent?: boolean;
  /** Re-read pauses, the manifest in force and revocations this often (default 2000 ms). */
  resyncMs?: number;
  /** Write presence, acknowledgements and leases this often (default 250 ms). */
  flushMs?: number;
  /** Ping every recorder this often; one silent for 2.25 periods is disconnected (default 20 000 ms). */
  livenessMs?: number;
  /** Recorders told of a pause per turn of the event loop (default 1000; see `tellInSlices`). */
  pauseSlice?: number;
  /** Close a socket that has not authenticated within this time (default 10 000 ms). */
  authTimeoutMs?: number;
  /** Tolerance of `leaseValidAt` for recorder clock skew and batches sealed while stopping (default 120 000). */
  leaseGraceMs?: number;
  /** Detector thresholds; `false` turns the periodic detector runs off (they can still be run by hand). */
  detectors?: DetectorOptions | false;
  /** Scan the audit log for detector findings this often (default 10 000 ms). */
  detectorMs?: number;
  /** Scan storage for plaintext canaries this often (default 600 000 ms). */
  canaryScanMs?: number;
  log?: (msg: string) => void;
}

/** One recorder connected to this node. Kept small: a node holds thousands. */
interface Conn {
  ws: WebSocket;
  nonce: string;
  deviceId: string;
  person: string;
  team: string;
  connectedAt: number;
  lastSeen: number;
  recording: boolean;
  reason: string;
  lease: LeaseRow | undefined;
  /** A pause, consent request or revocation was sent since the lease was granted: the next one is a new grant. */
  broken: boolean;
  /** The manifest hash the person must acknowledge before this recorder may record again. */
  consent: string | undefined;
  /** Notices sent and not yet acknowledged (pause ids, `consent:<hash>`, `revoke`). */
  pending: string[] | undefined;
  revoked: boolean;
  lastAck: { id: string; at: number } | undefined;
  authTimer: ReturnType<typeof setTimeout> | undefined;
}

interface PauseState {
  rec: PauseRecord;
  /** The `pause` message, serialised once for every recorder. */
  buf: Buffer;
  /** Acknowledgements received by this node: device → epoch ms. */
  acks: Map<string, number>;
  /** Recorders here not yet written to by `tellInSlices` (undefined once all were). */
  queued?: Set<Conn>;
  /** When this node applied it. */
  appliedAt: number;
}

export interface RecorderRow {
  deviceId: string;
  person: string;
  team: string;
  node: string | null;
  connected: boolean;
  /** recording | stopped | paused | consent | disconnected | never-connected | revoked */
  state: string;
  detail: string;
  lastSeen: string | null;
  leaseId: string | null;
  leaseExpiresAt: string | null;
  lastAck: { pauseId: string; at: string } | null;
}

export interface PauseStatus {
  pause: PauseRecord;
  inScope: number;
  acked: number;
  /** Not acknowledged, but their lease has expired: they cannot be recording. */
  expired: number;
  pending: number;
  recorders?: {
    deviceId: string;
    person: string;
    acked: boolean;
    ackedAt: string | null;
    ackMs: number | null;
    connected: boolean;
    node: string | null;
    lastSeen: string | null;
    leaseExpiresAt: string | null;
    /** Why it is known not to record: `ack`, `lease-expired`, or null (not yet known). */
    stopped: "ack" | "lease-expired" | null;
  }[];
}

const iso = (ms: number) => new Date(ms).toISOString();
const nowMs = () => Date.now();
/** Recorders told of a pause per turn of the event loop (see `tellInSlices`). */
const PAUSE_SLICE = 1000;

function closeQuietly(ws: WebSocket, code: number, reason: string): void {
  try {
    ws.close(code, reason);
  } catch {
    ws.terminate();
  }
}

/**
 * Fleet control on one vault node: the recorders connected here (one WebSocket each), their leases, pauses and
 * resumes by scope with live acknowledgements, consent to manifest versions, device revocation, and fan-out to
 * the other nodes. Obtain it with `fleetOf(vault)`; serve the channel with `attachFleetChannel(app, vault)`.
 */
export class Fleet {
  readonly node: string;
  readonly ttlMs: number;
  readonly graceMs: number;
  readonly leases: LeaseBook;
  readonly detectors: Detectors;
  private readonly signer: Ed25519Signer;
  private readonly o: FleetOptions;
  private readonly devices: Devices;
  private readonly conns = new Map<string, Conn>();
  private readonly pauses = new Map<string, PauseState>();
  /** Pauses lifted on this node, and when (a slower database read must not bring them back). */
  private readonly lifted = new Map<string, number>();
  private pausesLoading: Promise<void> | undefined;
  private pausesLoadedAt = 0;
  private readonly wss: WebSocketServer;
  private bus: Bus = new NoBus();
  private manifest: CurrentManifest | undefined;
  private manifestLoaded = false;
  private readonly consentCache = new Map<string, { hash: string; ok: boolean; at: number }>();
  private readonly dirtyPresence = new Set<string>();
  private readonly closedPresence = new Map<string, Conn>();
  private ackQueue: { pause: string; device: string; at: number }[] = [];
  private lastAckAt = 0;
  private oldestDirty = 0;
  /** Recorders here sent a pause and not acknowledged it yet (since `awaitingSince`). */
  private awaitingAcks = 0;
  private awaitingSince = 0;
  private timers: ReturnType<typeof setInterval>[] = [];
  private started = false;
  private closed = false;
  private revokedSince = new Date(0).toISOString();
  private consentSince = new Date().toISOString();
  private readonly listeners = new Set<(e: FleetEvent) => void>();
  private readonly log: (msg: string) => void;

  constructor(
    readonly vault: Vault,
    opts: FleetOptions = {},
  ) {
    this.o = opts;
    this.node = opts.nodeId ?? `${hostname()}-${process.pid}-${randomBytes(2).toString("hex")}`;
    const ttl = opts.leaseTtlMs ?? 60_000;
    if (!Number.isInteger(ttl) || ttl < 5_000 || ttl > 3_600_000)
      throw new Error(`lease ttl must be 5000-3600000 ms, got ${ttl}`);
    this.ttlMs = ttl;
    this.graceMs = opts.leaseGraceMs ?? 120_000;
    this.leases = new LeaseBook(vault.db);
    this.signer = new Ed25519Signer(vault.keys.sign.privateKey, vault.keys.sign.publicKey);
    this.detectors = new Detectors(this, opts.detectors || {});
    this.devices = new Devices(vault.db);
    this.log = opts.log ?? (() => undefined);
    this.wss = new WebSocketServer({
      noServer: true,
      maxPayload: 64 * 1024,
      perMessageDeflate: false,
      clientTracking: false,
    });
  }

  // ------------------------------------------------------------------ lifecycle

  /** Start background work: NATS, the write-behind flush, resync with the database, node heartbeat. */
  async start(): Promise<void> {
    if (this.started || this.closed) return;
    this.started = true;
    await this.resync();
    const url = this.o.natsUrl ?? process.env.TRACEVAULT_NATS_URL;
    if (url) {
      try {
        this.bus = await NatsBus.open({
          url,
          deployment: this.vault.keys.sign.kid,
          node: this.node,
          onEvent: (ev) => void this.onBus(ev).catch((e) => this.log(`fleet bus event failed: ${String(e)}`)),
          onReconnect: () => void this.resync().catch(() => undefined),
          log: this.log,
        });
      } catch (e) {
        this.log(
          `fleet: cannot reach NATS at ${url} (${(e as Error).message}); pauses from other nodes arrive through the database instead`,
        );
      }
    }
    const every = (ms: number, fn: () => Promise<void>) => {
      let busy = false;
      const t = setInterval(() => {
        if (busy || this.closed) return;
        busy = true;
        fn()
          .catch((e) => this.log(`fleet: ${(e as Error).message}`))
          .finally(() => (busy = false));
      }, ms);
      t.unref();
      this.timers.push(t);
    };
    // Write behind, but not while acknowledgements are streaming in (a pause reaching thousands of
    // recorders): a synchronous database write would hold them up. At most five seconds late; status reads
    // take this node's acknowledgements from memory meanwhile.
    every(this.o.flushMs ?? 250, async () => {
      const now = nowMs();
      if (now - this.lastAckAt < 100 && this.oldestDirty && now - this.oldestDirty < 5000) return;
      // …nor while recorders told of a pause have yet to acknowledge it (a lull in their answers is not the end)
      if (this.awaitingAcks > 0 && now - this.awaitingSince < 5000) return;
      // in slices, so that no single synchronous write holds the event loop for long
      await this.flush(2000);
    });
    // Not while a pause's acknowledgements stream in (its queries are synchronous on SQLite and would hold them up),
    // for at most five seconds: pauses from other nodes reach this one through the bus meanwhile.
    every(this.o.resyncMs ?? 2000, async () => {
      if (this.awaitingAcks > 0 && nowMs() - this.awaitingSince < 5000) return;
      await this.resync();
    });
    if (this.o.detectors !== false) {
      every(this.o.detectorMs ?? 10_000, async () => void (await this.detectors.runOnce()));
      every(this.o.canaryScanMs ?? 600_000, async () => void (await this.detectors.scanCanaries()));
    }
    // Liveness: every recorder is pinged once per period (20 s), a twentieth of them at a time (10 000 pings in
    // one loop held the event loop for ~0.2 s, and a pause landing then waited); one silent for 2.25 periods is
    // gone: its connection is closed and it shows as disconnected, with when it was last seen.
    const period = this.o.livenessMs ?? 20_000;
    let sweep: Conn[] = [];
    let tick = 0;
    every(period / 20, async () => {
      if (tick % 20 === 0) sweep = [...this.conns.values()];
      const part = Math.ceil(sweep.length / 20);
      const from = (tick % 20) * part;
      tick++;
      const cutoff = nowMs() - period * 2.25;
      for (const c of sweep.slice(from, from + part)) {
        if (c.ws.readyState !== 1) continue;
        if (c.lastSeen < cutoff) c.ws.terminate();
        else c.ws.ping();
      }
    });
  }

  /** Stop: close every recorder connection (they reconnect elsewhere), flush, leave NATS. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const t of this.timers) clearInterval(t);
    for (const c of this.conns.values()) closeQuietly(c.ws, 1012, "vault node stopping");
    await this.bus.close();
    await this.flush().catch(() => undefined);
    await this.vault.db
      .exec("UPDATE fleet_nodes SET stopped_at = $1 WHERE node = $2", [iso(nowMs()), this.node])
      .catch(() => undefined);
    this.wss.close();
  }

  get isStarted(): boolean {
    return this.started;
  }

  get busKind(): "nats" | "none" {
    return this.bus.kind;
  }

  /** Observe what happens on this node (tests, the console). */
  on(fn: (e: FleetEvent) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private emit(e: FleetEvent): void {
    for (const l of this.listeners) l(e);
  }

  // ------------------------------------------------------------------ channel

  /** Handle an HTTP upgrade; returns false when the path is not the fleet channel. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const path = (req.url ?? "").split("?")[0];
    if (path !== CHANNEL_PATH) return false;
    if (this.closed) {
      socket.end("HTTP/1.1 503 Service Unavailable\r\nconnection: close\r\n\r\n");
      return true;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.onConnection(ws));
    return true;
  }

  private onConnection(ws: WebSocket): void {
    const now = nowMs();
    const conn: Conn = {
      ws,
      nonce: randomBytes(18).toString("base64url"),
      deviceId: "",
      person: "",
      team: "",
      connectedAt: now,
      lastSeen: now,
      recording: false,
      reason: "",
      lease: undefined,
      broken: false,
      consent: undefined,
      pending: undefined,
      revoked: false,
      lastAck: undefined,
      authTimer: undefined,
    };
    conn.authTimer = setTimeout(() => {
      if (!conn.deviceId) closeQuietly(ws, 4001, "authenticate first");
    }, this.o.authTimeoutMs ?? 10_000);
    conn.authTimer.unref();
    ws.on("message", (data, isBinary) => this.onMessage(conn, data, isBinary));
    ws.on("pong", () => (conn.lastSeen = nowMs()));
    ws.on("close", () => this.onClose(conn));
    ws.on("error", () => undefined);
    this.send(conn, {
      t: "challenge",
      nonce: conn.nonce,
      vaultKid: this.vault.keys.sign.kid,
      node: this.node,
    });
  }

  private send(conn: Conn, msg: unknown): void {
    if (conn.ws.readyState !== 1) return;
    conn.ws.send(JSON.stringify(msg));
  }

  private onMessage(conn: Conn, data: RawData, isBinary: boolean): void {
    conn.lastSeen = nowMs();
    if (isBinary) return closeQuietly(conn.ws, 1003, "text frames only");
    let raw: unknown;
    try {
      raw = JSON.parse(data.toString());
    } catch {
      return closeQuietly(conn.ws, 1007, "not JSON");
    }
    const t = (raw as { t?: unknown })?.t;
    // Hot paths (every recorder, every pause) are checked by hand; the rest through the schema.
    if (conn.deviceId && t === "ack") {
      const ids = (raw as { ids?: unknown }).ids;
      if (
        !Array.isArray(ids) ||
        ids.length > 256 ||
        !ids.every((i) => typeof i === "string" && i.length <= 128)
      )
        return closeQuietly(conn.ws, 1008, "bad ack");
      this.onAck(conn, ids as string[]);
      return;
    }
    if (conn.deviceId && t === "renew") {
      const id = (raw as { id?: unknown }).id;
      if (typeof id !== "number" || !Number.isInteger(id) || id < 0)
        return closeQuietly(conn.ws, 1008, "bad renew");
      void this.onRenew(conn, id).catch((e) => this.log(`fleet: renew failed: ${(e as Error).message}`));
      return;
    }
    const parsed = ClientMessage.safeParse(raw);
    if (!parsed.success) return closeQuietly(conn.ws, 1008, "unknown message");
    const m = parsed.data;
    if (!conn.deviceId) {
      if (m.t !== "hello") return closeQuietly(conn.ws, 4001, "authenticate first");
      void this.onHello(conn, m).catch((e) => {
        this.log(`fleet: hello failed: ${(e as Error).message}`);
        closeQuietly(conn.ws, 1011, "internal error");
      });
      return;
    }
    switch (m.t) {
      case "hello":
        return closeQuietly(conn.ws, 1008, "already authenticated");
      case "consent":
        void this.recordConsent({
          person: conn.person,
          manifestHash: m.manifestHash,
          decision: m.decision,
          via: "recorder",
          actor: conn.deviceId,
          shown: m.shown,
          note: m.note,
        }).catch((e) => this.send(conn, { t: "error", code: "consent", message: (e as Error).message }));
        return;
      case "state":
        conn.recording = m.recording;
        conn.reason = m.reason;
        this.dirtyPresence.add(conn.deviceId);
        this.emit({ type: "state", deviceId: conn.deviceId, recording: m.recording, reason: m.reason });
        return;
      default:
        return;
    }
  }

  private async onHello(conn: Conn, m: Extract<ClientMessage, { t: "hello" }>): Promise<void> {
    const [d] = await this.vault.db.query<{
      id: string;
      person: string;
      public_key: string;
      revoked_at: string | null;
      team: string;
    }>(
      `SELECT d.id, d.person, d.public_key, d.revoked_at, COALESCE(p.team, '') AS team
       FROM devices d LEFT JOIN people p ON p.id = d.person WHERE d.id = $1`,
      [m.deviceId],
    );
    const dev = d && {
      id: d.id,
      person: d.person,
      publicKey: new Uint8Array(Buffer.from(d.public_key, "base64url")),
      revoked: d.revoked_at !== null,
    };
    const authPayload = { nonce: conn.nonce, deviceId: m.deviceId, vaultKid: this.vault.keys.sign.kid };
    if (!dev || !verifySignature(CHANNEL_AUTH_CONTEXT, authPayload, m.sig as Signature, dev.publicKey)) {
      this.send(conn, {
        t: "error",
        code: "unauthenticated",
        message: "device unknown or signature invalid",
      });
      return closeQuietly(conn.ws, 4001, "unauthenticated");
    }
    if (dev.revoked) {
      this.send(conn, { t: "revoke", reason: "this device has been revoked", code: "device_revoked" });
      return closeQuietly(conn.ws, 4003, "device revoked");
    }
    const p = { team: d.team };
    // Pauses from the database first, so a pause made on another node an instant ago is not missed even
    // without the bus (during a reconnection storm, one read serves the hellos of the next 200 ms).
    await this.loadPauses(200);
    await this.ensureManifest();
    const consent = await this.consentNeeded(dev.person);
    if (conn.ws.readyState !== 1 || this.closed) return;
    if (conn.authTimer) clearTimeout(conn.authTimer);
    conn.authTimer = undefined;
    conn.deviceId = dev.id;
    conn.person = dev.person;
    conn.team = p?.team ?? "";
    conn.recording = m.recording;
    const old = this.conns.get(dev.id);
    if (old && old !== conn) {
      old.deviceId = "";
      closeQuietly(old.ws, 4009, "replaced by a newer connection of this device");
    }
    this.conns.set(dev.id, conn);
    this.closedPresence.delete(dev.id);
    // Synchronous from here: nothing can slip between the pause check and the welcome.
    const pauses = [...this.pauses.values()].filter((s) => covers(s.rec.scope, conn)).map((s) => s.rec);
    const welcome: Record<string, unknown> = {
      t: "welcome",
      node: this.node,
      deviceId: dev.id,
      ttlMs: this.ttlMs,
      pauses: pauses.map(notice),
    };
    if (pauses.length) conn.pending = pauses.map((p) => p.id);
    conn.consent = consent?.manifest.hash;
    if (consent) {
      welcome.consent = consent;
      (conn.pending ??= []).push(`consent:${consent.manifest.hash}`);
    }
    if (!pauses.length && !consent) {
      const l = this.issueLease(conn, 0);
      if (l) welcome.lease = l;
      else welcome.refused = { code: "no_manifest", message: "no manifest has been published" };
    }
    this.send(conn, welcome);
    this.dirtyPresence.add(dev.id);
    this.emit({ type: "connected", deviceId: dev.id });
  }

  private onClose(conn: Conn): void {
    if (conn.authTimer) clearTimeout(conn.authTimer);
    if (!conn.deviceId) return;
    if (this.conns.get(conn.deviceId) === conn) {
      this.conns.delete(conn.deviceId);
      this.closedPresence.set(conn.deviceId, conn);
      this.dirtyPresence.add(conn.deviceId);
      this.emit({ type: "disconnected", deviceId: conn.deviceId });
    }
  }

  /** The reasons this device may not record now (empty: it may). */
  private blockers(conn: Conn): string[] {
    const out: string[] = [];
    if (conn.revoked) out.push("revoked");
    for (const s of this.pauses.values()) if (covers(s.rec.scope, conn)) out.push(s.rec.id);
    return out;
  }

  private async onRenew(conn: Conn, id: number): Promise<void> {
    // Revocations reach `conn.revoked` through the bus, the revoke route, or the resync (every couple of
    // seconds); renewals themselves stay free of database reads.
    // Hundreds a second with a large fleet: answered without a trip through the microtask queue when the
    // manifest in force is known and the person's acknowledgement of it is cached.
    if (this.manifestLoaded && this.consentKnownOk(conn.person)) return this.answerRenew(conn, id, undefined);
    await this.ensureManifest();
    const consent = await this.consentNeeded(conn.person);
    this.answerRenew(conn, id, consent);
  }

  private answerRenew(conn: Conn, id: number, consent: Awaited<ReturnType<Fleet["consentNeeded"]>>): void {
    if (conn.ws.readyState !== 1) return;
    const blocked = this.blockers(conn);
    if (blocked.length) {
      // It should know already; say it again, in the same words as the push.
      this.send(conn, { t: "refuse", id, code: conn.revoked ? "revoked" : "paused", pauses: blocked });
      for (const pid of blocked) {
        const s = this.pauses.get(pid);
        // A recorder still waiting in the pause's slices is told there; the others hear it again now.
        if (s && conn.ws.readyState === 1 && !s.queued?.has(conn)) conn.ws.send(s.buf, { binary: false });
      }
      return;
    }
    if (consent) {
      conn.consent = consent.manifest.hash;
      this.send(conn, { t: "refuse", id, code: "consent" });
      this.send(conn, { t: "consent", ...consent });
      return;
    }
    const l = this.issueLease(conn, id);
    if (!l)
      this.send(conn, { t: "refuse", id, code: "no_manifest", message: "no manifest has been published" });
    else this.send(conn, { t: "lease", id, ...l });
  }

  /** Sign a lease for this recorder (continuing its grant when it still holds one). */
  private issueLease(conn: Conn, _reqId: number): { lease: Lease; sig: Signature } | undefined {
    const m = this.manifest;
    if (!m) return undefined;
    const now = nowMs();
    const cur = conn.lease;
    const continues =
      cur && !conn.broken && cur.validUntil > now && cur.manifestHash === m.hash && cur.endedAt === undefined;
    conn.broken = false;
    const leaseId = continues ? cur.leaseId : `l-${randomBytes(12).toString("base64url")}`;
    const lease: Lease = {
      v: 1,
      leaseId,
      deviceId: conn.deviceId,
      personId: conn.person,
      manifestVersion: m.version,
      manifestHash: m.hash,
      issuedAt: iso(now),
      ttlMs: this.ttlMs,
    };
    const sig = this.signer.sign(LEASE_CONTEXT, lease);
    const row: LeaseRow = {
      leaseId,
      deviceId: conn.deviceId,
      person: conn.person,
      manifestHash: m.hash,
      manifestVersion: m.version,
      ttlMs: this.ttlMs,
      node: this.node,
      issuedAt: continues ? cur.issuedAt : now,
      renewedAt: now,
      validUntil: now + this.ttlMs,
    };
    conn.lease = row;
    this.leases.issued(row);
    conn.consent = undefined;
    this.dirtyPresence.add(conn.deviceId);
    return { lease, sig };
  }

  private onAck(conn: Conn, ids: string[]): void {
    const at = nowMs();
    this.lastAckAt = at;
    if (!this.oldestDirty) this.oldestDirty = at;
    for (const id of ids) {
      if (conn.pending) {
        const i = conn.pending.indexOf(id);
        if (i >= 0) conn.pending.splice(i, 1);
        if (conn.pending.length === 0) conn.pending = undefined;
      }
      const s = this.pauses.get(id);
      if (s && !s.acks.has(conn.deviceId)) {
        s.acks.set(conn.deviceId, at);
        this.ackQueue.push({ pause: id, device: conn.deviceId, at });
        if (this.awaitingAcks > 0) this.awaitingAcks--;
      }
      // (10 000 of these arrive at once after a fleet-wide pause: nothing allocated that nobody reads)
      if (this.listeners.size) this.emit({ type: "ack", deviceId: conn.deviceId, id, at });
    }
    if (ids.length) conn.lastAck = { id: ids[ids.length - 1]!, at };
    if (conn.lease && conn.lease.endedAt === undefined)
      conn.lease = this.leases.ended(conn.lease, at, ids.length === 1 ? ids[0]! : ids.join(","));
    conn.recording = false;
    this.dirtyPresence.add(conn.deviceId);
  }

  // ------------------------------------------------------------------ pauses

  /** Load active pauses from the database; apply the ones this node has not heard of, lift the lifted ones. */
  private async loadPauses(maxAgeMs = 0): Promise<void> {
    if (this.pausesLoading) return this.pausesLoading;
    if (maxAgeMs && nowMs() - this.pausesLoadedAt < maxAgeMs) return;
    this.pausesLoading = (async () => {
      const started = nowMs();
      const active = await activePauses(this.vault.db);
      const ids = new Set(active.map((p) => p.id));
      // What arrived (or was lifted) through the bus while the query ran is newer than its answer.
      for (const p of active)
        if (!this.pauses.has(p.id) && (this.lifted.get(p.id) ?? 0) < started) this.applyPause(p);
      const gone = [...this.pauses.values()].filter((x) => !ids.has(x.rec.id) && x.appliedAt < started);
      if (gone.length) this.applyResume(gone.map((x) => x.rec.id));
      this.pausesLoadedAt = started;
    })().finally(() => (this.pausesLoading = undefined));
    return this.pausesLoading;
  }

  /** Push a pause to every recorder here that it covers. Idempotent. */
  /** Returns how many recorders connected here it covers. */
  private applyPause(rec: PauseRecord): number {
    if (this.pauses.has(rec.id) || rec.resumedAt) return 0;
    const s: PauseState = {
      rec,
      buf: Buffer.from(JSON.stringify({ t: "pause", pause: notice(rec) })),
      acks: new Map(),
      appliedAt: nowMs(),
    };
    this.pauses.set(rec.id, s);
    const targets: Conn[] = [];
    for (const c of this.conns.values()) {
      if (!covers(rec.scope, c)) continue;
      c.broken = true;
      (c.pending ??= []).push(rec.id);
      targets.push(c);
    }
    this.tellInSlices(s, targets);
    this.awaitingAcks += targets.length;
    this.awaitingSince = s.appliedAt;
    this.emit({ type: "pause", pause: rec });
    return targets.length;
  }

  /**
   * One socket write per recorder (the same bytes for all), PAUSE_SLICE per turn of the event loop: the
   * acknowledgements already in are taken between turns, and the API answers without waiting for the last
   * write. Measured with 10 000 recorders on loopback (bench/pause.mjs, a loaded 2-core machine): slices of
   * 1 000 gave p99 0.8–1.6 s against 0.8–4.0 s for all in one go, and less vault CPU; 500 and 2 000 were in
   * between. Safe meanwhile: the pause is already in force here, so a renewal from a recorder not told yet is
   * refused with the pause, a new connection's welcome lists it, and a lift stops the remaining writes.
   */
  private tellInSlices(s: PauseState, targets: Conn[]): void {
    let i = 0;
    const slice = this.o.pauseSlice ?? PAUSE_SLICE;
    if (targets.length > slice) s.queued = new Set(targets.slice(slice));
    const step = () => {
      if (this.closed || this.pauses.get(s.rec.id) !== s) return;
      const end = Math.min(targets.length, i + slice);
      for (; i < end; i++) {
        const c = targets[i]!;
        s.queued?.delete(c);
        if (c.ws.readyState === 1) c.ws.send(s.buf, { binary: false });
      }
      if (i < targets.length) setImmediate(step);
      else s.queued = undefined;
    };
    step();
  }

  private applyResume(ids: string[]): void {
    const lifted: PauseRecord[] = [];
    for (const id of ids) {
      const s = this.pauses.get(id);
      if (!s) continue;
      this.pauses.delete(id);
      this.lifted.set(id, nowMs());
      if (this.lifted.size > 10_000) this.lifted.delete(this.lifted.keys().next().value!);
      lifted.push(s.rec);
    }
    if (!lifted.length) return;
    for (const c of this.conns.values()) {
      const mine = lifted.filter((p) => covers(p.scope, c)).map((p) => p.id);
      if (!mine.length) continue;
      if (c.pending) {
        c.pending = c.pending.filter((x) => !mine.includes(x));
        if (!c.pending.length) c.pending = undefined;
      }
      this.send(c, { t: "resume", pauseIds: mine, clear: this.blockers(c).length === 0 });
    }
    this.emit({ type: "resume", pauseIds: lifted.map((p) => p.id) });
  }

  /**
   * Pause recording for a scope. Stored and audited first (so a recorder reconnecting anywhere learns it), then
   * pushed to the recorders connected here and published to the other nodes.
   */
  async pause(req: {
    scope: Scope;
    reason: string;
    by: PauserKind;
    actor: string;
    incidentId?: string;
  }): Promise<PauseRecord & { connectedHere: number }> {
    if (req.scope.kind === "device" && !(await this.devices.get(req.scope.value)))
      throw new FleetError(404, `no device ${req.scope.value}`, "not_found");
    // A count, not the rows: with a fleet-wide pause every recorder waits for this before it is told.
    const inScope = await countInScope(this.vault.db, req.scope);
    const rec: PauseRecord = {
      id: newPauseId(),
      scope: req.scope,
      reason: req.reason,
      by: req.by,
      actor: req.actor,
      incidentId: req.incidentId ?? null,
      createdAt: iso(nowMs()),
      inScope,
      resumedAt: null,
      resumedBy: null,
    };
    await this.vault.db.tx(async (q) => {
      await insertPause(q, rec);
      await this.vault.audit.append(
        {
          action: "pause",
          actor: req.by === "person" ? `person:${this.vault.pseudonym(req.actor)}` : req.actor,
          ...(req.scope.kind === "person" ? { subject: this.vault.pseudonym(req.scope.value) } : {}),
          detail: {
            pause: rec.id,
            scope: req.scope.kind,
            ...(req.scope.kind === "team" || req.scope.kind === "device" ? { value: req.scope.value } : {}),
            by: req.by,
            inScope,
            ...(req.incidentId ? { incident: req.incidentId } : {}),
          },
        },
        q,
      );
    });
    const here = this.applyPause(rec);
    this.bus.publish({ type: "pause", pause: rec });
    this.scheduleAckSummary(rec);
    return { ...rec, connectedHere: here };
  }

  /** A few seconds after a pause, write how many recorders in scope had acknowledged into the audit log. */
  private scheduleAckSummary(rec: PauseRecord): void {
    const t = setTimeout(() => {
      if (this.closed) return;
      void this.pauseStatus(rec.id, false)
        .then((st) =>
          this.vault.audit.append({
            action: "pause",
            actor: "system",
            detail: {
              pause: rec.id,
              step: "acknowledgements",
              inScope: st.inScope,
              acked: st.acked,
              leaseExpired: st.expired,
              pending: st.pending,
              afterMs: 5000,
            },
          }),
        )
        .catch(() => undefined);
    }, 5000);
    t.unref();
  }

  /** Lift pauses (see `liftable` for who may lift which). Throws when none may be lifted. */
  async resume(req: {
    scope?: Scope;
    pauseId?: string;
    by: PauserKind;
    actor: string;
    person?: string;
    reason?: string;
  }): Promise<{ resumed: PauseRecord[] }> {
    const active = await activePauses(this.vault.db);
    const { lift, refused } = liftable(
      active,
      { kind: req.by, ...(req.person ? { person: req.person } : {}) },
      req,
    );
    if (!lift.length) {
      if (refused.length)
        throw new FleetError(
          403,
          req.by === "person"
            ? "only pauses you made yourself can be lifted by you"
            : "this is the person's own pause: only they can lift it",
          "own_pause",
        );
      throw new FleetError(404, "no active pause matches", "not_found");
    }
    const at = iso(nowMs());
    await this.vault.db.tx(async (q) => {
      for (const p of lift) {
        await q.exec(
          "UPDATE fleet_pauses SET resumed_at = $1, resumed_by = $2, resume_reason = $3 WHERE id = $4 AND resumed_at IS NULL",
          [at, req.actor, req.reason ?? "", p.id],
        );
        await this.vault.audit.append(
          {
            action: "resume",
            actor: req.by === "person" ? `person:${this.vault.pseudonym(req.actor)}` : req.actor,
            ...(p.scope.kind === "person" ? { subject: this.vault.pseudonym(p.scope.value) } : {}),
            detail: { pause: p.id, scope: p.scope.kind, by: req.by },
          },
          q,
        );
      }
    });
    const ids = lift.map((p) => p.id);
    this.applyResume(ids);
    this.bus.publish({ type: "resume", pauseIds: ids });
    return { resumed: lift.map((p) => ({ ...p, resumedAt: at, resumedBy: req.actor })) };
  }

  /** Stop a device for good: it gets `revoke`, no further lease, and is disconnected. */
  async revokeDevice(deviceId: string, reason: string): Promise<void> {
    this.applyRevoke([deviceId], reason);
    this.bus.publish({ type: "revoke", deviceIds: [deviceId], reason });
  }

  private applyRevoke(deviceIds: string[], reason: string): void {
    for (const id of deviceIds) {
      const c = this.conns.get(id);
      if (!c) continue;
      c.revoked = true;
      c.broken = true;
      (c.pending ??= []).push("revoke");
      this.send(c, { t: "revoke", reason, code: "device_revoked" });
      const t = setTimeout(() => closeQuietly(c.ws, 4003, "device revoked"), 5000);
      t.unref();
    }
  }

  /** Set a person's team (creating their person row if needed); recorders here see the new team at once. */
  async setTeam(person: string, team: string): Promise<void> {
    await this.vault.db.exec(
      `INSERT INTO people (id, pseudonym, team, created_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO UPDATE SET team = excluded.team`,
      [person, this.vault.pseudonym(person), team, iso(nowMs())],
    );
    await this.applyTeam(person, team);
    this.bus.publish({ type: "team", person, team });
  }

  private async applyTeam(person: string, team: string): Promise<void> {
    for (const c of this.conns.values()) {
      if (c.person !== person || c.team === team) continue;
      c.team = team;
      // A pause of the new team applies now.
      for (const s of this.pauses.values())
        if (covers(s.rec.scope, c) && !(c.pending ?? []).includes(s.rec.id)) {
          c.broken = true;
          (c.pending ??= []).push(s.rec.id);
          if (c.ws.readyState === 1) c.ws.send(s.buf, { binary: false });
        }
    }
  }

  // ------------------------------------------------------------------ consent

  private async ensureManifest(): Promise<void> {
    if (!this.manifestLoaded) {
      this.manifest = await currentManifest(this.vault.db);
      this.manifestLoaded = true;
    }
  }

  /** Known without the database: nothing to acknowledge (consent not required, or acknowledged and cached). */
  private consentKnownOk(person: string): boolean {
    if (this.o.requireConsent === false) return true;
    const m = this.manifest;
    if (!m) return false;
    const c = this.consentCache.get(person);
    // Changes arrive through the bus or the resync; the cache only bounds how stale a lost one can be.
    return !!c && c.hash === m.hash && c.ok && nowMs() - c.at < 600_000;
  }

  /** What the person must acknowledge before recording, or undefined when nothing. */
  private async consentNeeded(person: string): Promise<
    | {
        manifest: ManifestRef;
        decision: ConsentDecision | null;
        previous: ManifestRef | null;
        changes: string[];
      }
    | undefined
  > {
    if (this.o.requireConsent === false) return undefined;
    await this.ensureManifest();
    const m = this.manifest;
    if (!m) return undefined;
    if (this.consentKnownOk(person)) return undefined;
    const d = await latestDecision(this.vault.db, person, m.hash);
    const ok = d === "acknowledge";
    this.consentCache.set(person, { hash: m.hash, ok, at: nowMs() });
    if (this.consentCache.size > 100_000) this.consentCache.clear();
    if (ok) return undefined;
    const prev = await lastAcknowledged(this.vault.db, person);
    const before = prev ? await manifestByHash(this.vault.db, prev.hash) : undefined;
    return {
      manifest: { id: m.id, version: m.version, hash: m.hash },
      decision: d ?? null,
      previous: prev ?? null,
      changes: manifestDiff(before?.manifest, m.manifest),
    };
  }

  /**
   * Store a consent decision (the person through the API, or their recorder on their behalf), audit it, and
   * tell the person's recorders: recording may go on (acknowledged) or must stop (objection, withdrawal).
   */
  async recordConsent(req: {
    person: string;
    manifestHash: string;
    decision: ConsentDecision;
    via: "api" | "recorder";
    actor: string;
    shown: string;
    note: string;
  }): Promise<ConsentRecord> {
    const m = await manifestByHash(this.vault.db, req.manifestHash);
    if (!m) throw new FleetError(404, "no published manifest has this hash", "unknown_manifest");
    const rec = await this.vault.db.tx(async (q) => {
      const r = await insertConsent(q, {
        person: req.person,
        manifest: { id: m.id, version: m.version, hash: m.hash },
        decision: req.decision,
        via: req.via,
        actor: req.actor,
        shown: req.shown,
        note: req.note,
        at: iso(nowMs()),
      });
      await this.vault.audit.append(
        {
          action: "consent",
          actor: req.via === "recorder" ? req.actor : req.actor,
          subject: this.vault.pseudonym(req.person),
          detail: {
            decision: req.decision,
            manifest: m.id,
            version: m.version,
            hash: m.hash,
            via: req.via,
            shown: req.shown,
          },
        },
        q,
      );
      return r;
    });
    await this.applyConsent(req.person);
    this.bus.publish({ type: "consent", person: req.person });
    return rec;
  }

  private async applyConsent(person: string, onlyChanges = false): Promise<void> {
    this.consentCache.delete(person);
    const mine = [...this.conns.values()].filter((c) => c.person === person);
    if (!mine.length) return;
    const need = await this.consentNeeded(person);
    for (const c of mine) {
      if (need) {
        if (onlyChanges && c.consent === need.manifest.hash) continue;
        const id = `consent:${need.manifest.hash}`;
        if (!(c.pending ?? []).includes(id)) (c.pending ??= []).push(id);
        c.broken = true;
        c.consent = need.manifest.hash;
        this.send(c, { t: "consent", ...need });
      } else {
        if (onlyChanges && !c.consent) continue;
        c.consent = undefined;
        if (c.pending) {
          c.pending = c.pending.filter((x) => !x.startsWith("consent:"));
          if (!c.pending.length) c.pending = undefined;
        }
        this.send(c, { t: "consented", hash: this.manifest?.hash });
      }
    }
  }

  /**
   * Call after publishing a manifest (the publish route): recorders here that need the person's
   * acknowledgement stop at once, and the other nodes are told (otherwise they notice at their next resync).
   */
  async manifestPublished(): Promise<void> {
    await this.manifestChanged();
    this.bus.publish({ type: "manifest" });
  }

  /** A new manifest is in force: everyone who has not acknowledged it stops until they do. */
  async manifestChanged(): Promise<void> {
    const m = await currentManifest(this.vault.db);
    this.manifestLoaded = true;
    if (!m || m.hash === this.manifest?.hash) {
      this.manifest = m;
      return;
    }
    this.manifest = m;
    this.consentCache.clear();
    this.emit({ type: "manifest", hash: m.hash });
    const persons = new Set([...this.conns.values()].map((c) => c.person));
    for (const person of persons) {
      const need = await this.consentNeeded(person);
      for (const c of this.conns.values()) {
        if (c.person !== person) continue;
        c.broken = true;
        if (need) {
          const id = `consent:${need.manifest.hash}`;
          if (!(c.pending ?? []).includes(id)) (c.pending ??= []).push(id);
          c.consent = need.manifest.hash;
          this.send(c, { t: "consent", ...need });
        } else this.send(c, { t: "manifest", manifest: { id: m.id, version: m.version, hash: m.hash } });
      }
    }
  }

  async consentOf(person: string): Promise<{
    current: (ManifestRef & { decision: ConsentDecision | null; changes: string[] }) | null;
    history: ConsentRecord[];
  }> {
    await this.ensureManifest();
    const m = this.manifest;
    const history = await consentHistory(this.vault.db, person);
    if (!m) return { current: null, history };
    const d = await latestDecision(this.vault.db, person, m.hash);
    const prev = await lastAcknowledged(this.vault.db, person);
    const before = prev && prev.hash !== m.hash ? await manifestByHash(this.vault.db, prev.hash) : undefined;
    return {
      current: {
        id: m.id,
        version: m.version,
        hash: m.hash,
        decision: d ?? null,
        changes: d === "acknowledge" ? [] : manifestDiff(before?.manifest, m.manifest),
      },
      history,
    };
  }

  // ------------------------------------------------------------------ bus, resync, flush

  private async onBus(ev: BusEvent): Promise<void> {
    switch (ev.type) {
      case "pause":
        this.applyPause(ev.pause);
        return;
      case "resume":
        this.applyResume(ev.pauseIds);
        return;
      case "revoke":
        this.applyRevoke(ev.deviceIds, ev.reason);
        return;
      case "consent":
        await this.applyConsent(ev.person);
        return;
      case "manifest":
        await this.manifestChanged();
        return;
      case "team":
        await this.applyTeam(ev.person, ev.team);
        return;
    }
  }

  /** Re-read what other nodes may have changed without this node hearing of it; heartbeat. */
  async resync(): Promise<void> {
    if (this.closed) return;
    await this.loadPauses();
    const m = await currentManifest(this.vault.db);
    if (!this.manifestLoaded) {
      this.manifest = m;
      this.manifestLoaded = true;
    } else if (m?.hash !== this.manifest?.hash) {
      await this.manifestChanged();
      this.bus.publish({ type: "manifest" });
    }
    const since = this.revokedSince;
    const revoked = await this.vault.db.query<{ id: string; revoked_at: string }>(
      "SELECT id, revoked_at FROM devices WHERE revoked_at IS NOT NULL AND revoked_at >= $1",
      [since],
    );
    for (const r of revoked) {
      if (r.revoked_at > this.revokedSince) this.revokedSince = r.revoked_at;
      const c = this.conns.get(r.id);
      if (c && !c.revoked) this.applyRevoke([r.id], "this device has been revoked");
    }
    // Consent decisions made on other nodes (when the bus lost them).
    const consentSince = this.consentSince;
    this.consentSince = iso(nowMs() - 1000);
    const changed = await this.vault.db.query<{ person: string }>(
      "SELECT DISTINCT person FROM fleet_consent WHERE at >= $1",
      [consentSince],
    );
    const here = new Set([...this.conns.values()].map((c) => c.person));
    for (const r of changed) if (here.has(r.person)) await this.applyConsent(r.person, true);
    const now = iso(nowMs());
    await this.vault.db.exec(
      `INSERT INTO fleet_nodes (node, started_at, heartbeat_at) VALUES ($1, $2, $2)
       ON CONFLICT (node) DO UPDATE SET heartbeat_at = excluded.heartbeat_at, stopped_at = NULL`,
      [this.node, now],
    );
  }

  /** Write acknowledgements, presence and leases to the database. */
  async flush(limit = Infinity): Promise<void> {
    this.oldestDirty = 0;
    const acks = this.ackQueue.splice(0, limit);
    const dirty: string[] = [];
    for (const id of this.dirtyPresence) {
      if (dirty.length >= limit) break;
      dirty.push(id);
    }
    for (const id of dirty) this.dirtyPresence.delete(id);
    if (acks.length || dirty.length)
      await this.vault.db
        .tx(async (q) => {
          await bulkExec(
            q,
            "INSERT INTO fleet_acks (pause_id, device_id, acked_at, node, ok)",
            acks.map((a) => [a.pause, a.device, iso(a.at), this.node, 1]),
            "ON CONFLICT (pause_id, device_id) DO NOTHING",
          );
          const rows: SqlValue[][] = [];
          for (const id of dirty) {
            const live = this.conns.get(id);
            const c = live ?? this.closedPresence.get(id);
            if (!c) continue;
            rows.push([
              id,
              this.node,
              live ? 1 : 0,
              iso(c.connectedAt),
              iso(c.lastSeen),
              this.stateOf(c, !!live),
              c.reason,
              c.lease?.leaseId ?? null,
              c.lease ? iso(Math.min(c.lease.validUntil, c.lease.endedAt ?? Infinity)) : null,
              c.lastAck?.id ?? null,
              c.lastAck ? iso(c.lastAck.at) : null,
            ]);
            if (!live) this.closedPresence.delete(id);
          }
          await bulkExec(
            q,
            "INSERT INTO fleet_presence (device_id, node, connected, connected_at, last_seen, state, detail, lease_id, lease_until, last_ack_pause, last_ack_at)",
            rows,
            `ON CONFLICT (device_id) DO UPDATE SET node = excluded.node, connected = excluded.connected,
               connected_at = excluded.connected_at, last_seen = excluded.last_seen, state = excluded.state,
               detail = excluded.detail, lease_id = excluded.lease_id, lease_until = excluded.lease_until,
               last_ack_pause = COALESCE(excluded.last_ack_pause, fleet_presence.last_ack_pause),
               last_ack_at = COALESCE(excluded.last_ack_at, fleet_presence.last_ack_at)`,
          );
        })
        .catch((e) => {
          this.ackQueue.unshift(...acks);
          for (const id of dirty) this.dirtyPresence.add(id);
          throw e;
        });
    await this.leases.flush(limit);
  }

  private stateOf(c: Conn, live: boolean): string {
    if (c.revoked) return "revoked";
    if (!live) return "disconnected";
    if (c.consent) return "consent";
    if (this.blockers(c).length) return c.pending?.length ? "pausing" : "paused";
    return c.recording ? "recording" : "stopped";
  }

  // ------------------------------------------------------------------ status

  /** Every enrolled recorder with its state, lease expiry, last sighting and last acknowledgement. */
  async status(): Promise<{
    node: string;
    bus: "nats" | "none";
    nodes: { node: string; heartbeatAt: string; alive: boolean }[];
    recorders: RecorderRow[];
    pauses: PauseStatus[];
  }> {
    await this.flush();
    const now = nowMs();
    const nodes = await this.vault.db.query<{
      node: string;
      heartbeat_at: string;
      stopped_at: string | null;
    }>("SELECT node, heartbeat_at, stopped_at FROM fleet_nodes ORDER BY node");
    const alive = new Set(
      nodes
        .filter(
          (n) => !n.stopped_at && now - Date.parse(n.heartbeat_at) < 3 * (this.o.resyncMs ?? 2000) + 5000,
        )
        .map((n) => n.node),
    );
    alive.add(this.node);
    const devs = await this.vault.db.query<{
      id: string;
      person: string;
      team: string;
      revoked_at: string | null;
      node: string | null;
      connected: number | null;
      last_seen: string | null;
      state: string | null;
      detail: string | null;
      lease_id: string | null;
      lease_until: string | null;
      last_ack_pause: string | null;
      last_ack_at: string | null;
    }>(
      `SELECT d.id, d.person, COALESCE(p.team, '') AS team, d.revoked_at, f.node, f.connected, f.last_seen, f.state,
              f.detail, f.lease_id, f.lease_until, f.last_ack_pause, f.last_ack_at
       FROM devices d LEFT JOIN people p ON p.id = d.person LEFT JOIN fleet_presence f ON f.device_id = d.id
       ORDER BY d.enrolled_at`,
    );
    const recorders: RecorderRow[] = devs.map((d) => {
      const live = this.conns.get(d.id);
      const connected = live ? true : !!Number(d.connected ?? 0) && !!d.node && alive.has(d.node);
      const leaseUntil = live?.lease
        ? iso(Math.min(live.lease.validUntil, live.lease.endedAt ?? Infinity))
        : d.lease_until;
      let state = live ? this.stateOf(live, true) : (d.state ?? "never-connected");
      if (d.revoked_at) state = "revoked";
      else if (!live && !connected && d.state) state = "disconnected";
      const leaseValid = !!leaseUntil && Date.parse(leaseUntil) > now;
      const detail =
        state === "disconnected"
          ? leaseValid
            ? `no connection; lease valid until ${leaseUntil} (it may record until then)`
            : "no connection and no valid lease: not recording"
          : (live?.reason ?? d.detail ?? "");
      return {
        deviceId: d.id,
        person: d.person,
        team: d.team,
        node: live ? this.node : d.node,
        connected,
        state,
        detail,
        lastSeen: live ? iso(live.lastSeen) : d.last_seen,
        leaseId: live?.lease?.leaseId ?? d.lease_id,
        leaseExpiresAt: leaseUntil,
        lastAck: live?.lastAck
          ? { pauseId: live.lastAck.id, at: iso(live.lastAck.at) }
          : d.last_ack_pause && d.last_ack_at
            ? { pauseId: d.last_ack_pause, at: d.last_ack_at }
            : null,
      };
    });
    const pauses: PauseStatus[] = [];
    for (const p of await activePauses(this.vault.db)) pauses.push(await this.pauseStatus(p.id, false));
    return {
      node: this.node,
      bus: this.bus.kind,
      nodes: nodes.map((n) => ({ node: n.node, heartbeatAt: n.heartbeat_at, alive: alive.has(n.node) })),
      recorders,
      pauses,
    };
  }

  /** The acknowledgement table of one pause: who in scope has acknowledged, who has not, who cannot record. */
  async pauseStatus(id: string, detail = true): Promise<PauseStatus> {
    // No flush: this node's acknowledgements are read from memory, so asking does not slow the answers.
    const pause = await getPause(this.vault.db, id);
    if (!pause) throw new FleetError(404, "no such pause", "not_found");
    const ackRows = await this.vault.db.query<{ device_id: string; acked_at: string }>(
      "SELECT device_id, acked_at FROM fleet_acks WHERE pause_id = $1",
      [id],
    );
    const acks = new Map(ackRows.map((r) => [r.device_id, Date.parse(r.acked_at)]));
    for (const [d, at] of this.pauses.get(id)?.acks ?? []) acks.set(d, at);
    for (const a of this.ackQueue) if (a.pause === id) acks.set(a.device, a.at);
    const now = nowMs();
    const liveLease = (deviceId: string): number | undefined => {
      const l = this.conns.get(deviceId)?.lease;
      return l ? Math.min(l.validUntil, l.endedAt ?? Infinity) : undefined;
    };
    if (!detail) {
      // Counts only: in scope, acknowledged, and (not acknowledged but) without a valid lease.
      const w1 = scopeWhere(pause.scope, 1);
      const [n] = await this.vault.db.query<{ n: number }>(
        `SELECT COUNT(*) AS n FROM devices d LEFT JOIN people p ON p.id = d.person WHERE ${w1.sql}`,
        w1.params,
      );
      const w = scopeWhere(pause.scope, 2);
      const noLease = await this.vault.db.query<{ id: string }>(
        `SELECT d.id FROM devices d LEFT JOIN people p ON p.id = d.person LEFT JOIN fleet_presence f ON f.device_id = d.id
         WHERE ${w.sql} AND (f.lease_until IS NULL OR f.lease_until <= $1)`,
        [iso(now), ...w.params],
      );
      const inScope = Number(n?.n ?? 0);
      const acked = Math.min(inScope, acks.size);
      let expired = 0;
      for (const r of noLease) {
        if (acks.has(r.id)) continue;
        const l = liveLease(r.id);
        if (l === undefined || l <= now) expired++;
      }
      return { pause, inScope, acked, expired, pending: Math.max(0, inScope - acked - expired) };
    }
    const targets = await devicesInScope(this.vault.db, pause.scope);
    const pres = await this.vault.db.query<{
      device_id: string;
      node: string;
      connected: number;
      last_seen: string;
      lease_until: string | null;
    }>("SELECT device_id, node, connected, last_seen, lease_until FROM fleet_presence");
    const presence = new Map(pres.map((r) => [r.device_id, r]));
    const created = Date.parse(pause.createdAt);
    let acked = 0;
    let expired = 0;
    const rows: NonNullable<PauseStatus["recorders"]> = [];
    for (const t of targets) {
      const live = this.conns.get(t.deviceId);
      const pr = presence.get(t.deviceId);
      const at = acks.get(t.deviceId);
      const ll = liveLease(t.deviceId);
      const leaseUntil = ll !== undefined ? iso(ll) : (pr?.lease_until ?? null);
      const leaseGone = !leaseUntil || Date.parse(leaseUntil) <= now;
      const stopped = at !== undefined ? "ack" : leaseGone ? "lease-expired" : null;
      if (at !== undefined) acked++;
      else if (leaseGone) expired++;
      rows.push({
        deviceId: t.deviceId,
        person: t.person,
        acked: at !== undefined,
        ackedAt: at !== undefined ? iso(at) : null,
        ackMs: at !== undefined ? at - created : null,
        connected: !!live || (!!pr && !!Number(pr.connected)),
        node: live ? this.node : (pr?.node ?? null),
        lastSeen: live ? iso(live.lastSeen) : (pr?.last_seen ?? null),
        leaseExpiresAt: leaseUntil,
        stopped,
      });
    }
    return {
      pause,
      inScope: targets.length,
      acked,
      expired,
      pending: targets.length - acked - expired,
      recorders: rows,
    };
  }

  /** Devices connected to this node (tests and the bench). */
  connectedHere(): number {
    return this.conns.size;
  }

  /** Did this device hold a lease at this time (± the grace), under `leaseId` if given? See LeaseBook.validAt. */
  leaseValidAt(deviceId: string, time: Date | string | number, leaseId?: string): Promise<boolean> {
    return this.leases.validAt(deviceId, time, this.graceMs, leaseId);
  }

  /**
   * Was a batch created at `time` recorded under `proof`, a lease this vault signed? For when `leaseValidAt`
   * says no only because the grant was never written down (leases are written behind; a vault killed right
   * after granting or renewing restarts without the row). The signature, the device, and the time within the
   * lease's lifetime (± the grace) decide; a lease the vault knows ended early (a pause was acknowledged under
   * it) proves nothing after its end.
   */
  async leaseProven(
    deviceId: string,
    time: Date | string | number,
    proof: { lease: Lease; sig: Signature },
  ): Promise<boolean> {
    const t = new Date(time).getTime();
    const l = proof.lease;
    if (!Number.isFinite(t) || l.deviceId !== deviceId) return false;
    if (!verifySignature(LEASE_CONTEXT, l, proof.sig, this.vault.keys.sign.publicKey)) return false;
    const issued = new Date(l.issuedAt).getTime();
    if (!(issued - this.graceMs <= t && t <= issued + l.ttlMs + this.graceMs)) return false;
    const ended = await this.leases.endedAt(l.leaseId);
    return ended === undefined || t <= ended + this.graceMs;
  }

  /** Scope targets (for incidents). */
  targets(scope: Scope): Promise<Target[]> {
    return devicesInScope(this.vault.db, scope);
  }

  describeScope(scope: Scope): string {
    return scopeLabel(scope);
  }
}

export type FleetEvent =
  | { type: "connected"; deviceId: string }
  | { type: "disconnected"; deviceId: string }
  | { type: "ack"; deviceId: string; id: string; at: number }
  | { type: "state"; deviceId: string; recording: boolean; reason: string }
  | { type: "pause"; pause: PauseRecord }
  | { type: "resume"; pauseIds: string[] }
  | { type: "manifest"; hash: string };
