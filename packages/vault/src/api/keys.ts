import type { Action } from "../policy/cedar.js";
import { keyStatus, rewrapKeys, rotateKeys } from "../keys/rotation.js";
import { runRetention } from "../retention.js";
import { route, type RouteDef } from "../routes.js";
import type { Vault } from "../vault.js";

// Actions declared in policies/schema.cedarschema and permitted to fleet admins in policies.cedar; they are not
// (yet) in cedar.ts's ACTIONS list, hence the casts.
const KEY_ROTATE: Action = "key.rotate";
const RETENTION_RUN: Action = "retention.run";
const svc = (id: string) => () => ({ type: "Service" as const, id });

/** Key operations for administrators: rotation without downtime, and retention on demand. No content. */
export function keyRoutes(vault: Vault): RouteDef[] {
  return [
    route({
      method: "GET",
      url: "/api/v1/keys",
      summary: "Key-encryption key in use and how many keys each version still wraps (no key material)",
      auth: { kind: "principal", action: KEY_ROTATE, resource: svc("keys") },
      handler: async () => keyStatus(vault),
    }),
    route({
      method: "POST",
      url: "/api/v1/keys/rotate",
      summary:
        "Rotate the key-encryption key and rewrap every data and dataset key (the vault keeps serving)",
      auth: { kind: "principal", action: KEY_ROTATE, resource: svc("keys") },
      handler: async ({ principal }) => rotateKeys(vault, principal!.userId),
    }),
    route({
      method: "POST",
      url: "/api/v1/keys/rewrap",
      summary: "Finish an interrupted rotation: rewrap keys still under an older key-encryption key",
      auth: { kind: "principal", action: KEY_ROTATE, resource: svc("keys") },
      handler: async ({ principal }) => {
        const r = await rewrapKeys(vault);
        await vault.audit.append({
          action: "key.rotate",
          actor: principal!.userId,
          detail: { current: r.kekId, rewrappedDataKeys: r.dataKeys, rewrappedDatasetKeys: r.datasetKeys },
        });
        return r;
      },
    }),
    route({
      method: "POST",
      url: "/api/v1/retention/run",
      summary:
        "Apply retention now: delete batches and crypto-shred month keys past the manifests' retention",
      auth: { kind: "principal", action: RETENTION_RUN, resource: svc("keys") },
      handler: async ({ principal }) => runRetention(vault, new Date(), principal!.userId),
    }),
  ];
}
