import { connect, type NatsConnection, type Subscription } from "nats";
import type { PauseRecord } from "./pauses.js";

/**
 * Fan-out between vault nodes. When several vault processes serve one fleet, each recorder is connected to one
 * of them; a pause, resume, revocation, consent decision or team change made on one node is published here and
 * every other node pushes it to its own recorders. Core NATS (no JetStream): at-most-once delivery is enough
 * because every node also re-reads the pause table every couple of seconds, so a lost message delays a pause
 * on that node by at most that period (and a recorder that hears nothing stops when its lease expires).
 */
export type BusEvent =
  | { type: "pause"; pause: PauseRecord }
  | { type: "resume"; pauseIds: string[] }
  | { type: "revoke"; deviceIds: string[]; reason: string }
  | { type: "consent"; person: string }
  | { type: "manifest" }
  | { type: "team"; person: string; team: string };

export interface Bus {
  publish(ev: BusEvent): void;
  close(): Promise<void>;
  readonly kind: "nats" | "none";
  /** True while connected (always true for "none"). */
  connected(): boolean;
}

/** One node: no fan-out. */
export class NoBus implements Bus {
  readonly kind = "none" as const;
  publish(): void {}
  async close(): Promise<void> {}
  connected(): boolean {
    return true;
  }
}

interface Envelope {
  node: string;
  ev: BusEvent;
}

/**
 * A NATS connection publishing and receiving fleet events on `tracevault.fleet.<deployment>`. Reconnects
 * forever; `onReconnect` lets the node re-read the database for anything it missed meanwhile.
 */
export class NatsBus implements Bus {
  readonly kind = "nats" as const;
  private nc: NatsConnection | undefined;
  private sub: Subscription | undefined;
  private up = false;
  private closed = false;

  private constructor(
    private readonly subject: string,
    private readonly node: string,
  ) {}

  static async open(opts: {
    url: string;
    deployment: string;
    node: string;
    onEvent: (ev: BusEvent, fromNode: string) => void;
    onReconnect: () => void;
    log: (msg: string) => void;
  }): Promise<NatsBus> {
    const bus = new NatsBus(`tracevault.fleet.${opts.deployment}`, opts.node);
    const nc = await connect({
      servers: opts.url.split(",").map((s) => s.trim()),
      name: `tracevault-vault-${opts.node}`,
      reconnect: true,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 500,
      waitOnFirstConnect: true,
      pingInterval: 10_000,
    });
    bus.nc = nc;
    bus.up = true;
    bus.sub = nc.subscribe(bus.subject, {
      callback: (err, msg) => {
        if (err) return;
        try {
          const env = JSON.parse(Buffer.from(msg.data).toString("utf8")) as Envelope;
          if (env.node !== opts.node) opts.onEvent(env.ev, env.node);
        } catch {
          opts.log("fleet bus: unreadable message ignored");
        }
      },
    });
    void (async () => {
      for await (const s of nc.status()) {
        if (s.type === "disconnect") {
          bus.up = false;
          opts.log("fleet bus: NATS disconnected; falling back to the database until it is back");
        } else if (s.type === "reconnect") {
          bus.up = true;
          opts.log("fleet bus: NATS reconnected");
          opts.onReconnect();
        }
      }
    })().catch(() => undefined);
    return bus;
  }

  connected(): boolean {
    return this.up && !this.closed;
  }

  publish(ev: BusEvent): void {
    if (!this.nc || this.closed) return;
    try {
      this.nc.publish(this.subject, Buffer.from(JSON.stringify({ node: this.node, ev } satisfies Envelope)));
    } catch {
      /* disconnected: the other nodes re-read the database */
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.sub?.unsubscribe();
    await this.nc?.drain().catch(() => this.nc?.close());
  }
}
