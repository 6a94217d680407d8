import type { Lease } from "@tracevault/core";
import { keyId, type Signature } from "@tracevault/crypto";
import WebSocket from "ws";
import {
  CHANNEL_AUTH_CONTEXT,
  CHANNEL_PATH,
  LEASE_CONTEXT,
  ServerMessage,
  type ConsentNotice,
  type ManifestRef,
  type PauseNotice,
} from "./protocol.js";
import { Ed25519Signer, verifySignature } from "@tracevault/crypto";

/**
 * The recorder's lease client: the only thing that decides whether this machine may record.
 *
 * - One persistent WebSocket to the vault, authenticated by the device key over the vault's fresh challenge.
 * - A recorder may record only while it holds a lease signed by the vault for this device. Its lifetime is
 *   counted from the moment the client *asked* for it, on the monotonic clock — and, so that a suspended
 *   laptop or a wall clock set forward can only shorten it, also on the wall clock; whichever ends first wins.
 *   The client never extends a lease itself: only a new lease from the vault does.
 * - A pause (or a manifest change awaiting the person's acknowledgement, or a revocation) stops recording at
 *   once: `canRecord()` turns false, `onChange` fires, `stopRecording` is called, and once it resolves
 *   (sources stopped, everything flushed) the client acknowledges to the vault.
 * - When the vault is unreachable (killed, partitioned), nothing renews the lease and recording stops on its
 *   own when it expires, with a message saying so. On reconnect the vault's welcome lists the pauses in force
 *   before it grants anything.
 *
 * @example
 * const lease = new LeaseClient({ vaultUrl, deviceId, privateKey, publicKey, vaultSignKey, manifestHash,
 *   stopRecording: async () => { await recorder.stop(); } });
 * lease.onChange((s) => (s.canRecord ? startRecorder() : undefined));
 * lease.start();
 */
export interface LeaseClock {
  /** Monotonic milliseconds (never goes back, unaffected by clock changes). */
  mono(): number;
  /** Wall-clock epoch milliseconds. */
  wall(): number;
}

export const systemLeaseClock: LeaseClock = { mono: () => performance.now(), wall: () => Date.now() };

export type LeaseStatus =
  | "connecting"
  | "recording"
  | "paused"
  | "consent"
  | "manifest"
  | "expired"
  | "no-lease"
  | "revoked"
  | "stopped";

export interface LeaseState {
  status: LeaseStatus;
  canRecord: boolean;
  connected: boolean;
  /** The lease held (possibly expired). */
  lease?: Lease;
  /** Lease time left, 0 when expired or none. */
  expiresInMs: number;
  pauses: PauseNotice[];
  /** A manifest the person must acknowledge (with what changed), when that is what stops recording. */
  consent?: ConsentNotice;
  /** The vault grants leases for this manifest, not the one this recorder runs: restart under it. */
  requiredManifest?: ManifestRef;
  /** Why recording is (not) allowed, in words for the person. */
  reason: string;
  /** Milliseconds since the vault was last heard from (undefined before the first contact). */
  lastContactAgoMs?: number;
}

export type StopReason = "pause" | "consent" | "manifest" | "expired" | "revoked" | "no-lease";

export interface LeaseClientOptions {
  /** The vault's base URL (http/https; the channel is ws/wss on the same host). */
  vaultUrl: string;
  deviceId: string;
  /** The device's Ed25519 key pair (from enrollment). */
  privateKey: Uint8Array;
  publicKey: Uint8Array;
  /** The vault's Ed25519 signing key (from enrollment): leases must verify with it. */
  vaultSignKey: Uint8Array;
  /** The manifest this recorder records under; a lease naming another one does not allow recording. */
  manifestHash?: string;
  /**
   * Stop capturing and flush everything already captured (sealed into the spool). Called whenever recording
   * must stop; the client acknowledges a pause only after this resolves.
   */
  stopRecording?: (why: StopReason, state: LeaseState) => Promise<void> | void;
  log?: (msg: string) => void;
  clock?: LeaseClock;
  /** Reconnect backoff (default 250 ms doubling to 10 s, ±30 % jitter). */
  reconnectMinMs?: number;
  reconnectMaxMs?: number;
  /** Give up on a connection attempt (TCP + upgrade + welcome) after this long (default 5000 ms). */
  connectTimeoutMs?: number;
  /** Ask for a new lease when this fraction of its lifetime has passed (default 1/3, ±10 % jitter). */
  renewAt?: number;
  /** A renewal unanswered for this long means the connection is dead: reconnect (default min(5 s, ttl/4)). */
  renewTimeoutMs?: number;
  /** Extra options for the WebSocket (tests: a local address for many clients). */
  socketOptions?: WebSocket.ClientOptions;
}

interface Held {
  lease: Lease;
  sig: Signature;
  expMono: number;
  expWall: number;
}

const str = (v: unknown, max = 2000): v is string => typeof v === "string" && v.length <= max;

/** A `pause` message checked without the schema (same rules as PauseNotice). */
export function quickPause(raw: unknown): ServerMessage | undefined {
  const p = (raw as { pause?: Record<string, unknown> }).pause;
  const scope = p?.scope as Record<string, unknown> | undefined;
  if (!p || !str(p.id, 128) || !str(p.reason) || !str(p.by, 64) || !str(p.at, 64)) return undefined;
  if (!scope || !str(scope.kind, 16) || !str(scope.value, 128)) return undefined;
  return {
    t: "pause",
    pause: {
      id: p.id,
      reason: p.reason,
      by: p.by,
      at: p.at,
      scope: { kind: scope.kind, value: scope.value },
    },
  };
}

/** A `refuse` message checked without the schema (every recorder renewing during a fleet-wide pause gets one). */
export function quickRefuse(raw: unknown): ServerMessage | undefined {
  const r = raw as { id?: unknown; code?: unknown; message?: unknown };
  if (typeof r.id !== "number" || !Number.isFinite(r.id) || !str(r.code, 64)) return undefined;
  if (r.message !== undefined && !str(r.message)) return undefined;
  return { t: "refuse", id: r.id, code: r.code, ...(r.message !== undefined ? { message: r.message } : {}) };
}

/** One timer for every client in the process: checks wall-clock jumps and expiry 4 times a second. */
const ticking = new Set<LeaseClient>();
let ticker: ReturnType<typeof setInterval> | undefined;
function track(c: LeaseClient, on: boolean): void {
  if (on) ticking.add(c);
  else ticking.delete(c);
  if (ticking.size && !ticker) {
    ticker = setInterval(() => {
      for (const x of ticking) x.check();
    }, 250);
    ticker.unref();
  } else if (!ticking.size && ticker) {
    clearInterval(ticker);
    ticker = undefined;
  }
}

export class LeaseClient {
  private readonly o: LeaseClientOptions;
  private readonly clock: LeaseClock;
  private readonly channelUrl: string;
  private readonly vaultKid: string;
  private readonly signer: Ed25519Signer;
  private ws: WebSocket | undefined;
  private connected = false;
  private running = false;
  private held: Held | undefined;
  private readonly pauses = new Map<string, PauseNotice>();
  private consent: ConsentNotice | undefined;
  private requiredManifest: ManifestRef | undefined;
  private revoked: string | undefined;
  private refused: string | undefined;
  private manifestHash: string | undefined;
  private readonly requests = new Map<number, { mono: number; wall: number }>();
  private nextReq = 1;
  private renewTimer: ReturnType<typeof setTimeout> | undefined;
  private renewDeadline: ReturnType<typeof setTimeout> | undefined;
  private expiryTimer: ReturnType<typeof setTimeout> | undefined;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private connectTimer: ReturnType<typeof setTimeout> | undefined;
  private backoff = 0;
  private lastContact: number | undefined;
  private ttlMs = 60_000;
  private readonly pendingAcks = new Set<string>();
  private stopDone: Promise<void> = Promise.resolve();
  private wasRecording = false;
  private lastKey = "";
  private readonly listeners = new Set<(s: LeaseState) => void>();

  constructor(o: LeaseClientOptions) {
    this.o = o;
    this.clock = o.clock ?? systemLeaseClock;
    this.manifestHash = o.manifestHash;
    const u = new URL(o.vaultUrl);
    u.protocol = u.protocol === "https:" ? "wss:" : "ws:";
    u.pathname = u.pathname.replace(/\/+$/, "") + CHANNEL_PATH;
    this.channelUrl = u.toString();
    this.vaultKid = keyId("ed25519", o.vaultSignKey);
    this.signer = new Ed25519Signer(o.privateKey, o.publicKey);
  }

  private log(m: string): void {
    this.o.log?.(m);
  }

  // ------------------------------------------------------------------ public

  /** Connect (and keep reconnecting) until `stop()`. */
  start(): void {
    if (this.running) return;
    this.running = true;
    track(this, true);
    this.connect();
  }

  /** Close for good. Recording is not allowed afterwards. */
  async stop(): Promise<void> {
    this.running = false;
    track(this, false);
    for (const t of [
      this.renewTimer,
      this.renewDeadline,
      this.expiryTimer,
      this.reconnectTimer,
      this.connectTimer,
    ])
      if (t) clearTimeout(t);
    this.held = undefined;
    const ws = this.ws;
    this.ws = undefined;
    if (ws && ws.readyState <= 1) {
      const closed = new Promise<void>((r) => ws.once("close", () => r()));
      ws.close(1000, "recorder stopping");
      await Promise.race([closed, new Promise((r) => setTimeout(r, 1000).unref())]);
      ws.terminate();
    }
    this.connected = false;
    this.changed();
  }

  /**
   * May the recorder record right now? Cheap (no allocation): call it for every captured event. Exactly
   * `state().canRecord`, read from the clocks at the moment of the call, so a lease stops allowing recording
   * the instant it expires even before any timer fired.
   */
  canRecord(): boolean {
    const h = this.held;
    return (
      this.running &&
      !this.revoked &&
      this.pauses.size === 0 &&
      !this.consent &&
      !this.requiredManifest &&
      !!h &&
      !this.expired(h) &&
      (!this.manifestHash || h.lease.manifestHash === this.manifestHash)
    );
  }

  /**
   * The signed lease held (possibly just expired: a batch sealed while stopping was still recorded under it),
   * as the vault sent it. Batches carry it so the vault can tell they were recorded under a grant even if it
   * lost its own record of the grant in a crash.
   */
  proof(): { lease: Lease; sig: Signature } | undefined {
    const h = this.held;
    return h ? { lease: h.lease, sig: h.sig } : undefined;
  }

  /** Resolves once every pending acknowledgement was sent (or after `timeoutMs`): before closing for good. */
  async whenAcked(timeoutMs = 2000): Promise<void> {
    const end = this.clock.mono() + timeoutMs;
    while (this.pendingAcks.size && this.connected && this.clock.mono() < end)
      await new Promise((r) => setTimeout(r, 20));
  }

  state(): LeaseState {
    return this.evaluate();
  }

  /** Be told of every change of `canRecord`, status or reason. Returns the unsubscribe function. */
  onChange(fn: (s: LeaseState) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Resolves true once recording is allowed, false after `timeoutMs`. */
  waitForLease(timeoutMs: number): Promise<boolean> {
    if (this.canRecord()) return Promise.resolve(true);
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        off();
        resolve(false);
      }, timeoutMs);
      const off = this.onChange((s) => {
        if (!s.canRecord) return;
        clearTimeout(t);
        off();
        resolve(true);
      });
    });
  }

  /** The recorder now runs under this manifest (after restarting for a new version). */
  setManifestHash(hash: string): void {
    this.manifestHash = hash;
    if (this.requiredManifest?.hash === hash) this.requiredManifest = undefined;
    this.changed();
    if (!this.held || this.held.lease.manifestHash !== hash) this.renewNow();
  }

  /**
   * The person read the manifest (this recorder showed them `shown`: the diff or the full text) and decided.
   * Acknowledging also makes it the manifest this recorder records under.
   */
  acknowledgeManifest(
    hash: string,
    shown: "diff" | "full" | "none",
    decision: "acknowledge" | "object" = "acknowledge",
    note = "",
  ): void {
    if (decision === "acknowledge") this.manifestHash = hash;
    this.send({ t: "consent", manifestHash: hash, decision, shown, note });
  }

  /** Tell the vault whether the recorder is actually capturing (shown in the fleet status table). */
  reportRecording(recording: boolean, reason = ""): void {
    this.send({ t: "state", recording, reason: reason.slice(0, 300) });
  }

  // ------------------------------------------------------------------ state

  private expired(h: Held): boolean {
    return this.clock.mono() >= h.expMono || this.clock.wall() >= h.expWall;
  }

  private evaluate(): LeaseState {
    const h = this.held;
    const valid = !!h && !this.expired(h);
    const left =
      h && valid ? Math.max(0, Math.min(h.expMono - this.clock.mono(), h.expWall - this.clock.wall())) : 0;
    const wrongManifest = !!h && !!this.manifestHash && h.lease.manifestHash !== this.manifestHash;
    const pauses = [...this.pauses.values()];
    let status: LeaseStatus;
    let reason: string;
    if (!this.running && !this.revoked) {
      status = "stopped";
      reason = "the lease client is stopped";
    } else if (this.revoked) {
      status = "revoked";
      reason = `this device may no longer record: ${this.revoked}`;
    } else if (pauses.length) {
      status = "paused";
      const p = pauses[0]!;
      reason = `paused by ${p.by === "person" ? "you" : p.by === "incident" ? "an incident" : `the ${p.by === "admin" ? "fleet admin" : "privacy officer"}`}: ${p.reason}`;
    } else if (this.consent) {
      status = "consent";
      reason = `manifest '${this.consent.manifest.id}' v${this.consent.manifest.version} must be acknowledged before recording goes on`;
    } else if (this.requiredManifest || (valid && wrongManifest)) {
      status = "manifest";
      const m = this.requiredManifest;
      reason = m
        ? `the vault now requires manifest '${m.id}' v${m.version}: restart recording under it`
        : "the lease names another manifest than the one this recorder runs";
    } else if (valid) {
      status = "recording";
      reason = "lease held";
    } else if (h) {
      status = "expired";
      const ago =
        this.lastContact !== undefined
          ? Math.round((this.clock.mono() - this.lastContact) / 1000)
          : undefined;
      reason = `the lease expired: no renewal from the vault${ago !== undefined ? ` for ${ago} s` : ""}`;
    } else if (this.refused) {
      status = "no-lease";
      reason = this.refused;
    } else {
      status = this.connected ? "no-lease" : "connecting";
      reason = this.connected ? "waiting for a lease" : "connecting to the vault";
    }
    const st: LeaseState = {
      status,
      canRecord: status === "recording",
      connected: this.connected,
      expiresInMs: Math.round(left),
      pauses,
      reason,
    };
    if (h) st.lease = h.lease;
    if (this.consent) st.consent = this.consent;
    if (this.requiredManifest) st.requiredManifest = this.requiredManifest;
    if (this.lastContact !== undefined)
      st.lastContactAgoMs = Math.round(this.clock.mono() - this.lastContact);
    return st;
  }

  /** Re-evaluate (expiry, clock jumps); called by the shared ticker and by timers. */
  check(): void {
    // Cheap when nothing can have changed: a lease still valid stays valid until its expiry.
    const h = this.held;
    if (h && this.wasRecording && !this.expired(h)) return;
    if (!h && !this.wasRecording && this.lastChecked === this.lastKey) return;
    this.changed();
    this.lastChecked = this.lastKey;
  }
  private lastChecked = "";

  private changed(): void {
    const s = this.evaluate();
    const key = `${s.status}|${s.canRecord}|${s.connected}|${s.reason}|${s.lease?.leaseId ?? ""}|${s.pauses.length}`;
    if (this.wasRecording && !s.canRecord) {
      const why: StopReason =
        s.status === "paused"
          ? "pause"
          : s.status === "expired"
            ? "expired"
            : s.status === "consent"
              ? "consent"
              : s.status === "manifest"
                ? "manifest"
                : s.status === "revoked"
                  ? "revoked"
                  : "no-lease";
      this.log(`recording stopped: ${s.reason}`);
      const stop = this.o.stopRecording;
      this.stopDone = Promise.resolve()
        .then(() => stop?.(why, s))
        .catch((e) => this.log(`stopping the recorder failed: ${(e as Error).message}`));
      const done = this.stopDone;
      void done.then(() => {
        // An acknowledgement says it already; otherwise tell the vault's status table why it stopped.
        if (this.stopDone === done && !this.pendingAcks.size) this.reportRecording(false, s.reason);
      });
    } else if (!this.wasRecording && s.canRecord) {
      if (this.o.log)
        this.log(`recording allowed: lease ${s.lease?.leaseId} for ${Math.round(s.expiresInMs / 1000)} s`);
      this.reportRecording(true);
    }
    this.wasRecording = s.canRecord;
    if (s.canRecord) this.armExpiry();
    // (also for a notice repeated without changing anything: it is acknowledged again)
    if (this.pendingAcks.size) this.scheduleAcks();
    if (key === this.lastKey) return;
    this.lastKey = key;
    for (const l of this.listeners) {
      try {
        l(s);
      } catch (e) {
        this.log(`lease listener failed: ${(e as Error).message}`);
      }
    }
  }

  private armExpiry(): void {
    const h = this.held;
    if (!h) return;
    if (this.expiryTimer) clearTimeout(this.expiryTimer);
    const left = Math.min(h.expMono - this.clock.mono(), h.expWall - this.clock.wall());
    this.expiryTimer = setTimeout(() => this.check(), Math.max(0, left) + 1);
    this.expiryTimer.unref?.();
  }

  /** Acknowledge every pending notice once the recorder confirmed it stopped and flushed. */
  private scheduleAcks(): void {
    const done = this.stopDone;
    void done.then(() => {
      if (this.stopDone !== done || !this.pendingAcks.size || !this.connected) return;
      if (this.canRecord()) return;
      const ids = [...this.pendingAcks];
      this.pendingAcks.clear();
      this.send({ t: "ack", ids, ok: true });
    });
  }

  // ------------------------------------------------------------------ connection

  private connect(): void {
    if (!this.running) return;
    let ws: WebSocket;
    try {
      ws = new WebSocket(this.channelUrl, {
        perMessageDeflate: false,
        handshakeTimeout: this.o.connectTimeoutMs ?? 5000,
        maxPayload: 1 << 20,
        ...this.o.socketOptions,
      });
    } catch (e) {
      this.log(`cannot open the fleet channel: ${(e as Error).message}`);
      return this.scheduleReconnect();
    }
    this.ws = ws;
    this.connectTimer = setTimeout(() => {
      if (this.ws === ws && !this.connected) {
        this.log("the vault did not answer in time; retrying");
        ws.terminate();
      }
    }, this.o.connectTimeoutMs ?? 5000);
    this.connectTimer.unref?.();
    ws.on("message", (data) => {
      if (this.ws !== ws) return;
      let msg: ServerMessage;
      try {
        const raw = JSON.parse(data.toString()) as { t?: unknown };
        // The pause (and the refusal of a renewal during one) is what every recorder gets at once: checked by
        // hand, the rest by the schema.
        const fast =
          raw?.t === "pause" ? quickPause(raw) : raw?.t === "refuse" ? quickRefuse(raw) : undefined;
        if (fast) msg = fast;
        else {
          const r = ServerMessage.safeParse(raw);
          if (!r.success) {
            const i = r.error.issues[0];
            this.log(
              `ignored a '${String(raw?.t).slice(0, 20)}' message from the vault that breaks the protocol (${i?.path.join(".")}: ${i?.message})`,
            );
            return;
          }
          msg = r.data;
        }
      } catch {
        return;
      }
      this.lastContact = this.clock.mono();
      this.onMessage(ws, msg);
    });
    ws.on("pong", () => {
      if (this.ws === ws) this.lastContact = this.clock.mono();
    });
    ws.on("close", (code, reason) => {
      if (this.ws !== ws) return;
      this.ws = undefined;
      const was = this.connected;
      this.connected = false;
      if (this.renewDeadline) clearTimeout(this.renewDeadline);
      if (this.renewTimer) clearTimeout(this.renewTimer);
      if (this.connectTimer) clearTimeout(this.connectTimer);
      if (was)
        this.log(
          `fleet channel closed (${code}${reason.length ? ` ${reason.toString()}` : ""}); the lease runs out unless renewed`,
        );
      this.changed();
      if (code === 4003 || this.revoked) {
        this.running = false;
        track(this, false);
        return;
      }
      this.scheduleReconnect();
    });
    ws.on("error", (e) => {
      // Said once per cause, not on every retry: "cannot reach" is what the person needs to know.
      if (this.ws !== ws || this.connected) return;
      const why = e.message.slice(0, 200);
      if (why !== this.lastConnectError)
        this.log(`cannot reach the vault's fleet channel (${why}); retrying`);
      this.lastConnectError = why;
    });
  }
  private lastConnectError = "";

  private scheduleReconnect(): void {
    if (!this.running) return;
    const min = this.o.reconnectMinMs ?? 250;
    const max = this.o.reconnectMaxMs ?? 10_000;
    this.backoff = this.backoff ? Math.min(max, this.backoff * 2) : min;
    const wait = Math.round(this.backoff * (0.7 + Math.random() * 0.6));
    this.reconnectTimer = setTimeout(() => this.connect(), wait);
    this.reconnectTimer.unref?.();
  }

  private send(msg: unknown): void {
    const ws = this.ws;
    if (!ws || ws.readyState !== 1 || (!this.connected && (msg as { t: string }).t !== "hello")) return;
    ws.send(JSON.stringify(msg));
  }

  private onMessage(ws: WebSocket, m: ServerMessage): void {
    switch (m.t) {
      case "challenge": {
        if (m.vaultKid !== this.vaultKid) {
          this.log(
            `the server at ${this.o.vaultUrl} is not the vault this device enrolled with (key ${m.vaultKid})`,
          );
          ws.close(4002, "wrong vault");
          return;
        }
        const sig = this.signer.sign(CHANNEL_AUTH_CONTEXT, {
          nonce: m.nonce,
          deviceId: this.o.deviceId,
          vaultKid: this.vaultKid,
        });
        this.requests.clear();
        this.requests.set(0, { mono: this.clock.mono(), wall: this.clock.wall() });
        ws.send(
          JSON.stringify({
            t: "hello",
            v: 1,
            deviceId: this.o.deviceId,
            sig,
            ...(this.manifestHash ? { manifestHash: this.manifestHash } : {}),
            recording: this.wasRecording,
          }),
        );
        return;
      }
      case "welcome": {
        if (this.connectTimer) clearTimeout(this.connectTimer);
        this.connected = true;
        this.backoff = 0;
        this.lastConnectError = "";
        this.ttlMs = m.ttlMs;
        this.refused = m.refused ? (m.refused.message ?? m.refused.code) : undefined;
        // The welcome is the truth for this connection: pauses lifted while away are gone.
        this.pauses.clear();
        for (const p of m.pauses) {
          this.pauses.set(p.id, p);
          this.pendingAcks.add(p.id);
        }
        if (m.pauses.length)
          this.log(`the vault says recording is paused: ${m.pauses.map((p) => p.reason).join("; ")}`);
        this.consent = m.consent;
        if (m.pauses.length || m.consent) this.held = undefined;
        if (m.consent) this.pendingAcks.add(`consent:${m.consent.manifest.hash}`);
        if (m.lease) this.accept(m.lease.lease, m.lease.sig, 0);
        else this.changed();
        if (this.pendingAcks.size) this.scheduleAcks();
        if (m.lease) this.scheduleRenew();
        return;
      }
      case "lease":
        this.refused = undefined;
        this.accept(m.lease, m.sig, m.id);
        this.scheduleRenew();
        return;
      case "refuse":
        if (this.renewDeadline) clearTimeout(this.renewDeadline);
        this.requests.delete(m.id);
        if (m.code === "no_manifest") this.refused = m.message ?? "no manifest has been published";
        this.changed();
        return;
      case "pause":
        if (this.o.log && !this.pauses.has(m.pause.id))
          this.log(`pause from the vault (${m.pause.by}): ${m.pause.reason}`);
        // A pause ends the lease: recording resumes only under a new one. Stopping is the safe direction:
        // taken at once from the authenticated connection, without a signature to check first.
        this.held = undefined;
        this.pauses.set(m.pause.id, m.pause);
        this.pendingAcks.add(m.pause.id);
        this.changed(); // schedules the acknowledgement for after the recorder stopped
        return;
      case "resume": {
        for (const id of m.pauseIds) {
          this.pauses.delete(id);
          this.pendingAcks.delete(id);
        }
        this.log(`pause lifted (${m.pauseIds.join(", ")})`);
        this.changed();
        if (!this.pauses.size && !this.consent) this.renewNow();
        return;
      }
      case "consent":
        this.held = undefined;
        this.consent = {
          manifest: m.manifest,
          decision: m.decision ?? null,
          previous: m.previous ?? null,
          changes: m.changes,
        };
        this.pendingAcks.add(`consent:${m.manifest.hash}`);
        this.log(
          `manifest '${m.manifest.id}' v${m.manifest.version} must be acknowledged: ${m.changes.join("; ")}`,
        );
        this.changed();
        this.scheduleAcks();
        return;
      case "consented":
        this.consent = undefined;
        for (const id of [...this.pendingAcks]) if (id.startsWith("consent:")) this.pendingAcks.delete(id);
        this.changed();
        if (!this.pauses.size) this.renewNow();
        return;
      case "manifest":
        if (m.manifest.hash !== this.manifestHash) {
          this.requiredManifest = m.manifest;
          this.changed();
        }
        this.renewNow();
        return;
      case "revoke":
        this.revoked = m.reason;
        this.held = undefined;
        this.pendingAcks.add("revoke");
        this.log(`this device was revoked: ${m.reason}`);
        this.changed();
        this.scheduleAcks();
        return;
      case "error":
        this.log(`vault: ${m.code}${m.message ? `: ${m.message}` : ""}`);
        return;
    }
  }

  /** Take a lease from the vault: verify it, and count its lifetime from when it was asked for. */
  private accept(lease: Lease, sig: Signature, reqId: number): void {
    if (this.renewDeadline) clearTimeout(this.renewDeadline);
    const req = this.requests.get(reqId);
    this.requests.delete(reqId);
    if (!req) return this.log("a lease arrived for no request of this connection; ignored");
    if (!verifySignature(LEASE_CONTEXT, lease, sig, this.o.vaultSignKey))
      return this.log("a lease did not verify with the vault key; ignored");
    if (lease.deviceId !== this.o.deviceId) return this.log("a lease for another device arrived; ignored");
    const expMono = req.mono + lease.ttlMs;
    const expWall = req.wall + lease.ttlMs;
    const cur = this.held;
    // A late answer to an older request never shortens the grant it continues.
    if (cur && cur.lease.leaseId === lease.leaseId && cur.expMono >= expMono) return;
    this.held = { lease, sig, expMono, expWall };
    if (this.requiredManifest?.hash === lease.manifestHash && this.manifestHash === lease.manifestHash)
      this.requiredManifest = undefined;
    if (!this.manifestHash) this.manifestHash = lease.manifestHash;
    else if (lease.manifestHash !== this.manifestHash && !this.requiredManifest)
      this.requiredManifest = { id: "", version: lease.manifestVersion, hash: lease.manifestHash };
    this.changed();
  }

  private scheduleRenew(): void {
    if (this.renewTimer) clearTimeout(this.renewTimer);
    const h = this.held;
    const ttl = h?.lease.ttlMs ?? this.ttlMs;
    const frac = (this.o.renewAt ?? 1 / 3) * (0.9 + Math.random() * 0.2);
    const since = h ? this.clock.mono() - (h.expMono - ttl) : 0;
    const wait = Math.max(50, ttl * frac - since);
    this.renewTimer = setTimeout(() => this.renewNow(), wait);
    this.renewTimer.unref?.();
  }

  /** Ask for a lease now. An unanswered request means the connection is dead: reconnect. */
  private renewNow(): void {
    const ws = this.ws;
    if (!ws || !this.connected || ws.readyState !== 1) return;
    if (this.renewTimer) clearTimeout(this.renewTimer);
    const id = this.nextReq++;
    this.requests.set(id, { mono: this.clock.mono(), wall: this.clock.wall() });
    if (this.requests.size > 8) this.requests.delete(this.requests.keys().next().value!);
    ws.send(JSON.stringify({ t: "renew", id }));
    if (this.renewDeadline) clearTimeout(this.renewDeadline);
    const limit = this.o.renewTimeoutMs ?? Math.min(5000, this.ttlMs / 4);
    this.renewDeadline = setTimeout(() => {
      if (this.ws === ws && this.requests.has(id)) {
        this.log(`no answer from the vault for ${Math.round(limit)} ms; reconnecting`);
        ws.terminate();
      }
    }, limit);
    this.renewDeadline.unref?.();
    // Ask again later if this one is refused for a reason that may pass unannounced (no manifest yet). While
    // paused or waiting for consent there is nothing to ask: the vault pushes the resume on this connection,
    // and a new connection starts with a fresh welcome.
    this.renewTimer = setTimeout(
      () => {
        if (!this.pauses.size && !this.consent && !this.revoked) this.renewNow();
      },
      Math.max(1000, this.ttlMs / 3),
    );
    this.renewTimer.unref?.();
  }
}
