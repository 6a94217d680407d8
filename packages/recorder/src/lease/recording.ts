import type { Manifest } from "@tracevault/core";
import {
  NoLeaseError,
  Recorder,
  type RecorderOptions,
  type RecorderState,
  type RecorderStatus,
} from "../pipeline/recorder.js";
import { LeaseClient, type LeaseClientOptions, type LeaseState, type LeaseStatus } from "./client.js";

/** A manifest with its content hash (verified by whoever loaded it). */
export interface ManifestAndHash {
  manifest: Manifest;
  hash: string;
}

/** What `record --status` shows about the lease: why recording is (not) allowed. JSON-safe, no content. */
export interface LeaseView {
  status: LeaseStatus;
  canRecord: boolean;
  connected: boolean;
  reason: string;
  expiresInMs: number;
  leaseId: string | null;
  lastContactAgoMs: number | null;
  pauses: { id: string; by: string; reason: string }[];
  /** The manifest the person must acknowledge, with what changed. */
  consent: { id: string; version: number; hash: string; changes: string[] } | null;
}

export function leaseView(s: LeaseState): LeaseView {
  return {
    status: s.status,
    canRecord: s.canRecord,
    connected: s.connected,
    reason: s.reason,
    expiresInMs: s.expiresInMs,
    leaseId: s.lease?.leaseId ?? null,
    lastContactAgoMs: s.lastContactAgoMs ?? null,
    pauses: s.pauses.map((p) => ({ id: p.id, by: p.by, reason: p.reason })),
    consent: s.consent ? { ...s.consent.manifest, changes: s.consent.changes } : null,
  };
}

/** A Recorder's options without what the lease decides. */
export type BaseRecorderOptions = Omit<
  RecorderOptions,
  "manifest" | "manifestHash" | "leaseId" | "lease" | "startPaused" | "onState"
>;

export interface LeasedRecorderOptions {
  /** The lease client's options (its `stopRecording` is this class; its `log` defaults to `log`). */
  lease: Omit<LeaseClientOptions, "stopRecording">;
  /** The manifest recording starts under (acknowledged by the person). */
  manifest: ManifestAndHash;
  /**
   * Everything a Recorder needs except what the lease decides (manifest, lease id, the gate itself). One
   * Recorder is made per period of recording: a pause or an expired lease ends it, the next lease starts
   * another.
   */
  recorder: BaseRecorderOptions | (() => BaseRecorderOptions);
  /** Load the manifest the vault now grants leases for; must verify the vault's signature and the hash. */
  loadManifest: (hash: string) => Promise<ManifestAndHash>;
  /** Did the person acknowledge this manifest on this machine (tracevault record --acknowledge)? */
  acknowledged: (m: ManifestAndHash) => boolean;
  log?: (msg: string) => void;
  /** Recording started or stopped, paused or resumed, or the lease changed: redraw a status line. */
  onChange?: () => void;
}

export interface LeasedRecorderSummary {
  /** Why the session ended on its own (a recorder failure, a revoked device); undefined after `stop()`. */
  error?: Error;
  status: RecorderStatus;
  lease: LeaseView;
}

type Totals = Pick<
  RecorderStatus,
  "events" | "batches" | "keysDropped" | "redactedSpans" | "excludedWindows" | "leaseDropped"
> & { framesStored: number; framesDropped: number };

const ZERO: Totals = {
  events: 0,
  batches: 0,
  keysDropped: 0,
  redactedSpans: 0,
  excludedWindows: 0,
  leaseDropped: 0,
  framesStored: 0,
  framesDropped: 0,
};

const SENT = "acknowledgement sent to the vault";

const NO_FRAMES: RecorderStatus["frames"] = {
  stored: 0,
  dropped: 0,
  droppedBusy: 0,
  droppedLevel4: 0,
  skippedRate: 0,
  frameMsP50: 0,
  ocrMsP50: 0,
  ocrRuns: 0,
  reuseMsP50: 0,
};

/**
 * Recording under fleet control: the recorder runs only while the lease client allows it.
 *
 * - Capture sources are started only while `lease.canRecord()`; the Recorder itself also refuses every event
 *   captured while it does not (fail closed, whatever happens here).
 * - A pause, a manifest the person must acknowledge, a revocation or an expired lease: the lease client calls
 *   back, the sources stop and everything captured is sealed, and only then does the client acknowledge.
 * - A manifest change: recording stays stopped until the person acknowledged the new version (on this
 *   machine, `tracevault record --acknowledge`; the decision is passed on to the vault); what changed is said.
 * - A resume or a new lease: a new Recorder under the lease (and the manifest it names).
 * - The person's own pause (hotkey, `record --pause`) holds across lease periods: a resume from the vault
 *   never restarts recording the person paused.
 * @example
 * const s = new LeasedRecorder({ lease, manifest, recorder: { vault, deviceId, spool }, loadManifest, acknowledged });
 * s.start();
 * const { error } = await s.done;
 */
export class LeasedRecorder {
  readonly lease: LeaseClient;
  readonly done: Promise<LeasedRecorderSummary>;
  private resolveDone!: (s: LeasedRecorderSummary) => void;
  private readonly o: LeasedRecorderOptions;
  private manifest: ManifestAndHash;
  private rec: Recorder | undefined;
  /** Every start and stop runs in this chain, one after the other. */
  private chain: Promise<void> = Promise.resolve();
  private personPaused = false;
  private closed = false;
  private ending: Promise<LeasedRecorderSummary> | undefined;
  private fatal: Error | undefined;
  private totals: Totals = { ...ZERO };
  private firstStart = 0;
  private lastStatus: RecorderStatus | undefined;
  private saidConsent = "";
  private saidManifest = "";
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private offChange: (() => void) | undefined;
  private stopsByUs = new WeakSet<Recorder>();

  constructor(o: LeasedRecorderOptions) {
    this.o = o;
    this.manifest = o.manifest;
    this.lease = new LeaseClient({
      ...(o.log ? { log: o.log } : {}),
      ...o.lease,
      manifestHash: o.manifest.hash,
      // Stop the sources and seal what was captured; the client acknowledges once this resolves.
      stopRecording: () => this.reconcile(),
    });
    this.done = new Promise((r) => (this.resolveDone = r));
  }

  private log(m: string): void {
    this.o.log?.(m);
  }

  /** Connect to the vault; recording starts when (and each time) a lease allows it. */
  start(): void {
    this.offChange = this.lease.onChange((s) => this.onLease(s));
    this.lease.start();
  }

  /** Is a recorder capturing right now (not paused, not stopped)? */
  get recording(): boolean {
    return this.rec?.status().state === "recording";
  }

  /** The manifest recording runs under. */
  get manifestHash(): string {
    return this.manifest.hash;
  }

  // ------------------------------------------------------------------ lease → recorder

  private onLease(s: LeaseState): void {
    this.o.onChange?.();
    if (this.closed) return;
    // said once per request: a new request for the same version (after it was settled) is said again
    if (s.status !== "consent") this.saidConsent = "";
    if (s.canRecord) {
      void this.reconcile();
      return;
    }
    if (s.status === "consent" && s.consent) this.consentNeeded(s);
    else if (s.status === "manifest" && s.requiredManifest?.hash)
      void this.manifestRequired(s.requiredManifest.hash);
    else if (s.status === "revoked") void this.end(new Error(s.reason));
  }

  /** Bring the recorder in line with the lease: start one when allowed and none runs, stop it when not. */
  private reconcile(): Promise<void> {
    const step = this.chain.then(async () => {
      const allowed = !this.closed && this.lease.canRecord();
      if (allowed && !this.rec) await this.begin();
      else if (!allowed && this.rec) await this.halt();
    });
    this.chain = step.catch((e) => this.log(`recording control failed: ${(e as Error).message}`));
    return this.chain;
  }

  private async begin(): Promise<void> {
    const lease = this.lease.state().lease;
    if (!lease) return;
    if (lease.manifestHash !== this.manifest.hash) {
      // The person acknowledged another version (that is how the lease client came to take this lease).
      let next: ManifestAndHash;
      try {
        next = await this.o.loadManifest(lease.manifestHash);
      } catch (e) {
        this.log(
          `cannot load manifest ${lease.manifestHash.slice(0, 12)}…: ${(e as Error).message}; retrying`,
        );
        this.retryLater();
        return;
      }
      if (next.hash !== lease.manifestHash || !this.o.acknowledged(next)) {
        this.log(`the lease names a manifest this machine has not acknowledged; not recording`);
        return;
      }
      this.manifest = next;
    }
    // The lease may have gone while the manifest loaded: start nothing then.
    if (this.closed || !this.lease.canRecord()) return;
    const base = typeof this.o.recorder === "function" ? this.o.recorder() : this.o.recorder;
    const rec = new Recorder({
      ...base,
      manifest: this.manifest.manifest,
      manifestHash: this.manifest.hash,
      leaseId: lease.leaseId,
      lease: this.lease,
      startPaused: this.personPaused,
      onState: (st) => this.onRecorderState(rec, st),
    });
    this.rec = rec;
    void rec.done.then((sum) => {
      // A recorder that stopped without being asked to failed (engine error, display gone): fail closed.
      if (!this.stopsByUs.has(rec) && !this.closed)
        void this.end(sum.error ?? new Error("the recorder stopped unexpectedly"));
    });
    try {
      await rec.start();
    } catch (e) {
      this.rec = undefined;
      this.account(rec);
      if (e instanceof NoLeaseError) return; // the lease went while starting: the lease client says why
      void this.end(new Error(`cannot record: ${(e as Error).message}`));
      return;
    }
    if (!this.firstStart) this.firstStart = rec.status().startedAt;
    this.log(
      `recording under lease ${lease.leaseId} — manifest '${this.manifest.manifest.id}' v${this.manifest.manifest.version}`,
    );
    this.o.onChange?.();
  }

  private async halt(): Promise<void> {
    const rec = this.rec;
    if (!rec) return;
    this.stopsByUs.add(rec);
    const sum = await rec.stop();
    this.rec = undefined;
    this.account(rec, sum.status);
    this.log(
      `recorder stopped; ${sum.status.batches} batch(es) sealed` +
        (sum.error ? ` (while stopping: ${sum.error.message})` : ""),
    );
    this.o.onChange?.();
  }

  private account(rec: Recorder, st = rec.status()): void {
    this.lastStatus = st;
    const t = this.totals;
    this.totals = {
      events: t.events + st.events,
      batches: t.batches + st.batches,
      keysDropped: t.keysDropped + st.keysDropped,
      redactedSpans: t.redactedSpans + st.redactedSpans,
      excludedWindows: t.excludedWindows + st.excludedWindows,
      leaseDropped: t.leaseDropped + st.leaseDropped,
      framesStored: t.framesStored + st.frames.stored,
      framesDropped: t.framesDropped + st.frames.dropped,
    };
  }

  private onRecorderState(rec: Recorder, st: RecorderState): void {
    // The hotkey toggles the running recorder; remember the person's choice for the next one.
    if (rec === this.rec && (st === "paused" || st === "recording")) this.personPaused = st === "paused";
    this.o.onChange?.();
  }

  private retryLater(): void {
    if (this.retryTimer || this.closed) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.reconcile();
    }, 5000);
    this.retryTimer.unref?.();
  }

  // ------------------------------------------------------------------ manifests

  /** The vault asks the person to acknowledge a manifest before recording goes on. */
  private consentNeeded(s: LeaseState): void {
    const c = s.consent!;
    const hash = c.manifest.hash;
    if (this.saidConsent === hash) return;
    this.saidConsent = hash;
    void (async () => {
      // Acknowledged here already (tracevault record --acknowledge, which showed the whole manifest), and never
      // decided at the vault: pass the person's decision on. An objection made at the vault is never overridden
      // by an older acknowledgement here: that takes a new `record --acknowledge`.
      if (c.decision == null && (await this.passOnAcknowledgement(hash, false)) === SENT) return;
      this.log(
        `not recording until manifest '${c.manifest.id}' v${c.manifest.version} is acknowledged; what changed: ` +
          `${c.changes.length ? c.changes.join("; ") : "(first version)"} — read it and acknowledge it with ` +
          `tracevault record --acknowledge`,
      );
    })();
  }

  /** The vault requires another manifest version (no consent step): run it if the person acknowledged it. */
  private async manifestRequired(hash: string): Promise<void> {
    const m = await this.o.loadManifest(hash).catch(() => undefined);
    if (m && m.hash === hash && this.o.acknowledged(m)) {
      this.lease.setManifestHash(hash);
      return;
    }
    if (this.saidManifest !== hash) {
      this.saidManifest = hash;
      this.log(
        `not recording: the vault now requires manifest ${m ? `'${m.manifest.id}' v${m.manifest.version}` : hash.slice(0, 12) + "…"}; read it and acknowledge it with tracevault record --acknowledge`,
      );
    }
  }

  /**
   * The person acknowledged manifest `hash` on this machine just now (`tracevault record --acknowledge` told
   * the running recorder). Checked against the acknowledgement stored here, then passed on to the vault.
   * Returns what happened, in words.
   */
  async personAcknowledged(hash: string): Promise<string> {
    return this.passOnAcknowledgement(hash, true);
  }

  private async passOnAcknowledgement(hash: string, explicit: boolean): Promise<string> {
    let m: ManifestAndHash;
    try {
      m = await this.o.loadManifest(hash);
    } catch (e) {
      return `cannot load manifest ${hash.slice(0, 12)}…: ${(e as Error).message}`;
    }
    if (m.hash !== hash || !this.o.acknowledged(m))
      return "this manifest is not acknowledged on this machine";
    const s = this.lease.state();
    if (s.consent?.manifest.hash === hash) {
      this.lease.acknowledgeManifest(
        hash,
        "full",
        "acknowledge",
        explicit ? "" : "acknowledged on the recorder",
      );
      this.log(`acknowledgement of manifest '${m.manifest.id}' v${m.manifest.version} sent to the vault`);
      return "acknowledgement sent to the vault";
    }
    if (s.requiredManifest?.hash === hash) {
      this.lease.setManifestHash(hash);
      return "recording goes on under this manifest once the vault grants a lease";
    }
    return "nothing to acknowledge: the vault does not ask for it";
  }

  // ------------------------------------------------------------------ the person's controls

  /** The person pauses (hotkey or `record --pause`). Holds until they resume, across leases. */
  pause(): void {
    this.personPaused = true;
    this.rec?.pause();
    this.o.onChange?.();
  }

  /** The person resumes. Recording goes on only if the lease allows it (a vault pause is not lifted). */
  resume(): void {
    this.personPaused = false;
    this.rec?.resume();
    this.o.onChange?.();
  }

  get paused(): boolean {
    return this.personPaused;
  }

  // ------------------------------------------------------------------ status and end

  /** The running recorder's status, with counts summed over every recorder of this session. */
  status(): RecorderStatus {
    const cur = this.rec?.status();
    const base = cur ?? this.lastStatus;
    const t = this.totals;
    const add = (k: keyof Totals, v = 0) => t[k] + v;
    const st: RecorderStatus = {
      state: cur
        ? cur.state
        : this.closed
          ? "stopped"
          : this.personPaused
            ? "paused"
            : this.lease.canRecord()
              ? "starting"
              : "stopped",
      startedAt: this.firstStart || base?.startedAt || 0,
      events: add("events", cur?.events),
      queued: cur?.queued ?? 0,
      batches: add("batches", cur?.batches),
      spool: cur?.spool ?? base?.spool ?? { batches: 0, bytes: 0, droppedBatches: 0 },
      frames: {
        ...(cur?.frames ?? base?.frames ?? NO_FRAMES),
        stored: add("framesStored", cur?.frames.stored),
        dropped: add("framesDropped", cur?.frames.dropped),
      },
      keysDropped: add("keysDropped", cur?.keysDropped),
      redactedSpans: add("redactedSpans", cur?.redactedSpans),
      excludedWindows: add("excludedWindows", cur?.excludedWindows),
      leaseDropped: add("leaseDropped", cur?.leaseDropped),
      channels: [...this.manifest.manifest.channels],
      excludedNow: cur?.excludedNow ?? false,
    };
    const err = this.fatal?.message ?? cur?.error;
    if (err) st.error = err;
    return st;
  }

  leaseView(): LeaseView {
    return leaseView(this.lease.state());
  }

  /** Stop recording and close the lease (the person stops, or the duration is up). */
  stop(): Promise<LeasedRecorderSummary> {
    return this.end(undefined);
  }

  private end(error: Error | undefined): Promise<LeasedRecorderSummary> {
    if (this.ending) return this.ending;
    this.fatal = error;
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.ending = (async () => {
      await this.reconcile();
      // Acknowledgements of what stopped it (a revocation) go out before the connection closes.
      await this.lease.whenAcked(2000);
      this.offChange?.();
      await this.lease.stop();
      const summary: LeasedRecorderSummary = {
        status: this.status(),
        lease: this.leaseView(),
        ...(error ? { error } : {}),
      };
      this.resolveDone(summary);
      return summary;
    })();
    return this.ending;
  }
}
