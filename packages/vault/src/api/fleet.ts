import type { RouteDef } from "../routes.js";
import type { Vault } from "../vault.js";

/** Routes of the fleet module (see routes.ts for how a route declares its access rule). */
export function fleetRoutes(_vault: Vault): RouteDef[] {
  return [];
}
