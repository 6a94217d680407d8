import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { Action, Principal, Resource } from "./policy/cedar.js";
import type { Vault } from "./vault.js";

/**
 * One table of routes: each declares who may call it (anonymous, a device, or a signed-in principal with a
 * Cedar action on a resource), its body schema, and its handler. The server registers them, the OpenAPI
 * document is generated from them, and the route × role test iterates them — so none can drift apart.
 */
export type Auth =
  | { kind: "anonymous" }
  | { kind: "device" }
  | { kind: "principal"; action: Action; resource: (req: RouteRequest) => Resource | Promise<Resource> };

export interface RouteRequest {
  req: FastifyRequest;
  reply: FastifyReply;
  vault: Vault;
  principal?: Principal;
  purpose: string;
  body: unknown;
  params: Record<string, string>;
  query: Record<string, string>;
}

export interface RouteDef {
  method: "GET" | "POST" | "PUT" | "DELETE";
  url: string;
  summary: string;
  auth: Auth;
  body?: z.ZodType;
  /** Raw binary body (sealed batches). */
  binary?: boolean;
  handler: (r: RouteRequest) => Promise<unknown>;
}

export class HttpError extends Error {
  override name = "HttpError";
  constructor(
    readonly status: number,
    message: string,
    readonly code = "error",
  ) {
    super(message);
  }
}

export function route(def: RouteDef): RouteDef {
  return def;
}
