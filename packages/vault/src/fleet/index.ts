import type { FastifyInstance } from "fastify";
import type { Vault } from "../vault.js";
import { Fleet, type FleetOptions } from "./hub.js";

export * from "./hub.js";
export * from "./protocol.js";
export * from "./pauses.js";
export * from "./consent.js";
export * from "./leases.js";
export * from "./bus.js";
export * from "./incidents.js";
export * from "./detectors.js";

const fleets = new WeakMap<Vault, Fleet>();

/** Options from the environment, so `tracevault vault` needs no extra flags: NATS URL, lease TTL, node id. */
export function fleetOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): FleetOptions {
  const o: FleetOptions = {};
  if (env.TRACEVAULT_NATS_URL) o.natsUrl = env.TRACEVAULT_NATS_URL;
  if (env.TRACEVAULT_LEASE_TTL_MS) o.leaseTtlMs = Number(env.TRACEVAULT_LEASE_TTL_MS);
  if (env.TRACEVAULT_FLEET_NODE) o.nodeId = env.TRACEVAULT_FLEET_NODE;
  if (env.TRACEVAULT_REQUIRE_CONSENT === "0") o.requireConsent = false;
  return o;
}

/**
 * The fleet of this vault (one per Vault object; created on first use with `opts`, or from the environment).
 * Closing the vault closes the fleet first.
 * @example const fleet = fleetOf(vault); await fleet.pause({ scope: { kind: "all", value: "" }, reason: "audit", by: "admin", actor: userId })
 */
export function fleetOf(vault: Vault, opts?: FleetOptions): Fleet {
  let f = fleets.get(vault);
  // Options given before the fleet started win over a default one created by an early API call.
  if (f && opts && !f.isStarted) {
    void f.close();
    f = undefined;
  }
  if (!f) {
    f = new Fleet(vault, { ...fleetOptionsFromEnv(), ...opts });
    fleets.set(vault, f);
    const close = (Object.getPrototypeOf(vault) as Vault).close.bind(vault);
    Object.defineProperty(vault, "close", {
      configurable: true,
      value: async () => {
        await fleets.get(vault)?.close();
        await close();
      },
    });
  }
  return f;
}

const attached = new WeakSet<object>();

/**
 * Serve the fleet channel (WebSocket upgrades on /api/v1/fleet/channel) on this server and start the fleet's
 * background work; the fleet stops when the server closes. Idempotent. Call before `app.listen`.
 * @example const app = await buildServer(vault); await attachFleetChannel(app, vault); await app.listen({ port })
 */
export async function attachFleetChannel(
  app: FastifyInstance,
  vault: Vault,
  opts?: FleetOptions,
): Promise<Fleet> {
  const fleet = fleetOf(vault, opts);
  if (attached.has(app.server)) return fleet;
  attached.add(app.server);
  app.server.on("upgrade", (req, socket, head) => {
    if (!fleet.handleUpgrade(req, socket, head) && app.server.listenerCount("upgrade") === 1) {
      socket.end("HTTP/1.1 404 Not Found\r\nconnection: close\r\n\r\n");
    }
  });
  app.server.on("close", () => void fleet.close());
  try {
    app.addHook("onClose", async () => fleet.close());
  } catch {
    /* already booted: the server's close event covers it */
  }
  await fleet.start();
  return fleet;
}

/**
 * Did `deviceId` hold a recording lease at `time` (± the fleet's grace for clock skew)? Ingest uses
 * `fleetOf(vault).detectors.noteBatch`, which asks this and also remembers unleased batches (the detector opens
 * an incident when a recorder keeps uploading them).
 */
export function leaseValidAt(
  vault: Vault,
  deviceId: string,
  time: Date | string | number,
  leaseId?: string,
): Promise<boolean> {
  return fleetOf(vault).leaseValidAt(deviceId, time, leaseId);
}
