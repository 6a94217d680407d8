import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import cedar from "@cedar-policy/cedar-wasm/nodejs";

/**
 * Every read and every change in the vault is decided here, by Cedar, deny by default. The schema and the
 * default policies ship as files in packages/vault/policies; the active policy text lives in the database and
 * changes only through the API (validated against the schema first, and audited).
 */
export const ROLES = ["person", "researcher", "privacy_officer", "fleet_admin", "auditor"] as const;
export type Role = (typeof ROLES)[number];

export const ACTIONS = [
  "record.read",
  "record.export",
  "record.erase",
  "record.pause",
  "dataset.propose",
  "dataset.read",
  "dataset.approve",
  "dataset.list",
  "audit.read",
  "audit.verify",
  "fleet.enroll",
  "fleet.pause",
  "fleet.resume",
  "fleet.status",
  "fleet.revoke",
  "manifest.publish",
  "policy.read",
  "policy.change",
  "request.create",
  "request.handle",
  "request.list",
  "incident.open",
  "incident.read",
  "breakglass.request",
  "breakglass.approve",
  "account.create",
  "account.list",
  "key.rotate",
  "retention.run",
] as const;
export type Action = (typeof ACTIONS)[number];

const policyDir = fileURLToPath(new URL("../../policies/", import.meta.url));
export const SCHEMA_TEXT = readFileSync(policyDir + "schema.cedarschema", "utf8");
export const DEFAULT_POLICIES = readFileSync(policyDir + "policies.cedar", "utf8");

export interface Principal {
  userId: string;
  role: Role;
  person: string;
  active: boolean;
}

export type Resource =
  | { type: "Service"; id: string }
  | { type: "Person"; id: string }
  | { type: "Record"; id: string; owner: string; level: number }
  | {
      type: "Dataset";
      id: string;
      status: string;
      proposer: string;
      researchers: string[];
      purpose: string;
      levelCap: number;
    };

export interface RequestContext {
  purpose: string;
  breakglass?: boolean;
}

export interface Decision {
  allowed: boolean;
  /** Ids of the policies that decided (for the audit log). */
  policies: string[];
  errors: string[];
}

const NS = "Tracevault::";

function errorsOf(list: { message: string }[]): string[] {
  return list.map((e) => e.message);
}

/** Validate a policy set against the schema; returns the problems (empty when valid). */
export function validatePolicies(text: string): string[] {
  const parsed = cedar.checkParsePolicySet({ staticPolicies: text });
  if (parsed.type === "failure") return errorsOf(parsed.errors);
  const v = cedar.validate({
    schema: SCHEMA_TEXT,
    policies: { staticPolicies: text },
    validationSettings: { mode: "strict" },
  });
  if (v.type === "failure") return errorsOf(v.errors);
  return v.validationErrors.map((e) => `${e.policyId}: ${e.error.message}`);
}

/** Ids from `@id("…")` annotations, in policy order (Cedar names unnamed policies policy0, policy1…). */
function annotationIds(text: string): Map<string, string> {
  const parts = cedar.policySetTextToParts(text);
  const map = new Map<string, string>();
  if (parts.type !== "success") return map;
  parts.policies.forEach((p, i) => {
    const m = /@id\("([^"]+)"\)/.exec(p);
    map.set(`policy${i}`, m ? m[1]! : `policy${i}`);
  });
  return map;
}

let schemaPrepared = false;
let nextSetId = 0;

export class Authorizer {
  private ids: Map<string, string>;
  private setId = "";

  constructor(private policies: string = DEFAULT_POLICIES) {
    this.ids = new Map();
    this.install(policies);
  }

  /** Parse once into Cedar's cache, so each decision costs microseconds rather than a re-parse. */
  private install(text: string): void {
    const problems = validatePolicies(text);
    if (problems.length) throw new Error(`policy set is invalid: ${problems.join("; ")}`);
    if (!schemaPrepared) {
      const s = cedar.preparseSchema("tracevault", SCHEMA_TEXT);
      if (s.type === "failure") throw new Error(`schema does not parse: ${errorsOf(s.errors).join("; ")}`);
      schemaPrepared = true;
    }
    const id = `pset-${nextSetId++}`;
    const p = cedar.preparsePolicySet(id, { staticPolicies: text });
    if (p.type === "failure") throw new Error(`policy set does not parse: ${errorsOf(p.errors).join("; ")}`);
    this.policies = text;
    this.setId = id;
    this.ids = annotationIds(text);
  }

  get text(): string {
    return this.policies;
  }

  /** Replace the active policies (already validated and stored by the caller). */
  replace(text: string): void {
    this.install(text);
  }

  /**
   * Decide one request. Context `selfRequest` is derived here (never taken from the caller): true when the
   * resource is the principal's own person or one of their own records.
   */
  authorize(p: Principal, action: Action, resource: Resource, ctx: RequestContext): Decision {
    const owner = resource.type === "Person" ? resource.id : resource.type === "Record" ? resource.owner : "";
    const selfRequest = p.person !== "" && owner === p.person;
    const resUid = { type: NS + resource.type, id: resource.id };
    const entities: cedar.EntityJson[] = [
      {
        uid: { type: NS + "User", id: p.userId },
        attrs: { uid: p.userId, person: p.person, active: p.active },
        parents: [{ type: NS + "Role", id: p.role }],
      },
      { uid: { type: NS + "Role", id: p.role }, attrs: {}, parents: [] },
    ];
    if (resource.type === "Record")
      entities.push({ uid: resUid, attrs: { owner: resource.owner, level: resource.level }, parents: [] });
    else if (resource.type === "Dataset")
      entities.push({
        uid: resUid,
        attrs: {
          status: resource.status,
          proposer: resource.proposer,
          researchers: resource.researchers,
          purpose: resource.purpose,
          levelCap: resource.levelCap,
        },
        parents: [],
      });
    else entities.push({ uid: resUid, attrs: {}, parents: [] });
    const answer = cedar.statefulIsAuthorized({
      principal: { type: NS + "User", id: p.userId },
      action: { type: NS + "Action", id: action },
      resource: resUid,
      context: { purpose: ctx.purpose, breakglass: ctx.breakglass ?? false, selfRequest },
      preparsedSchemaName: "tracevault",
      validateRequest: true,
      preparsedPolicySetId: this.setId,
      entities,
    });
    if (answer.type === "failure") return { allowed: false, policies: [], errors: errorsOf(answer.errors) };
    const r = answer.response;
    return {
      allowed: r.decision === "allow",
      policies: r.diagnostics.reason.map((id) => this.ids.get(id) ?? id),
      errors: r.diagnostics.errors.map((e) => e.error.message),
    };
  }
}
