import type { RouteDef } from "../routes.js";
import type { Vault } from "../vault.js";
import { breakglassRoutes } from "./breakglass.js";
import { keyRoutes } from "./keys.js";
import { oidcRoutes } from "./oidc.js";
import { subjectRequestRoutes } from "./subject-requests.js";

/**
 * Routes of the requests module (see routes.ts for how a route declares its access rule): requests from recorded
 * people, break-glass, OIDC sign-in and key administration. Each group lives in its own module; they are
 * registered here because server.ts registers this list.
 */
export function requestRoutes(vault: Vault): RouteDef[] {
  return [
    ...subjectRequestRoutes(vault),
    ...breakglassRoutes(vault),
    ...oidcRoutes(vault),
    ...keyRoutes(vault),
  ];
}
