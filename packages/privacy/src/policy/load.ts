import type { SensitivityLevel } from "@tracevault/core";
import { normalizeName } from "./normalize.js";
import { PolicySource, type EntityRuleData, type PolicyData } from "./schema.js";

/** One problem found while validating a policy file; `path` names the bad field, e.g. `categories[2].level`. */
export interface PolicyIssue {
  path: string;
  message: string;
}

/** Thrown by `loadPolicy` when a policy file is not valid; its message lists every bad field. */
export class PolicyValidationError extends Error {
  override name = "PolicyValidationError";
  constructor(readonly issues: readonly PolicyIssue[]) {
    super(
      `invalid privacy policy:\n${issues.map((i) => `  ${i.path || "(root)"}: ${i.message}`).join("\n")}`,
    );
  }
}

/** A context category with its matchers compiled. */
export interface CompiledCategory {
  readonly id: string;
  readonly level: SensitivityLevel;
  readonly exclude: boolean;
  /** Normalised app entries matched as whole-word sequences. */
  readonly apps: readonly string[];
  /** Normalised app entries (written with a leading `=`) that must equal the whole normalised app string. */
  readonly appsExact: ReadonlySet<string>;
  readonly titleKeywords: readonly string[];
  readonly titlePatterns: readonly RegExp[];
  /** One regex for all host patterns of the category, or undefined. */
  readonly hosts?: RegExp;
  readonly urlPatterns: readonly RegExp[];
  readonly privateWindow: boolean;
}

/** A validated, compiled policy. Build one with `loadPolicy`; treat it as immutable. */
export interface PrivacyPolicy {
  readonly version: string;
  /** The validated policy file (with defaults filled in). */
  readonly data: Readonly<PolicyData>;
  readonly categories: readonly CompiledCategory[];
  readonly entityExact: ReadonlyMap<string, EntityRuleData>;
  /** Rules written as `PREFIX:*`, keyed by `PREFIX`. */
  readonly entityPrefix: ReadonlyMap<string, EntityRuleData>;
  readonly unmaskableRecognizers: ReadonlySet<string>;
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const p of path) {
    if (typeof p === "number") out += `[${p}]`;
    else if (typeof p === "string" && /^[A-Za-z_$][\w$]*$/.test(p)) out += out ? `.${p}` : p;
    else out += `[${JSON.stringify(String(p))}]`;
  }
  return out;
}

function hostPatternSource(pattern: string): string {
  const labels = pattern.split(".");
  const parts = labels.map((l, i) => {
    if (l !== "*") return l;
    return i === labels.length - 1 ? "[^.]+(?:\\.[^.]+)*" : "[^.]+";
  });
  return `(?:^|\\.)${parts.join("\\.")}$`;
}

/**
 * Validate a policy (a parsed JSON value, or JSON text) and compile its matchers.
 * Throws `PolicyValidationError` naming every bad field.
 * @example loadPolicy(DEFAULT_POLICY.data).version // "2026-11-30.1"
 * @example loadPolicy({ version: "x" }) // throws: version: must be 'YYYY-MM-DD.N' or semver ...
 */
export function loadPolicy(json: unknown): PrivacyPolicy {
  let value = json;
  if (typeof json === "string") {
    try {
      value = JSON.parse(json);
    } catch (e) {
      throw new PolicyValidationError([{ path: "", message: `is not JSON: ${(e as Error).message}` }]);
    }
  }
  const parsed = PolicySource.safeParse(value);
  if (!parsed.success) {
    throw new PolicyValidationError(
      parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })),
    );
  }
  const data = parsed.data;
  const categories: CompiledCategory[] = data.categories.map((c) => {
    const m = c.match;
    const apps: string[] = [];
    const appsExact = new Set<string>();
    for (const a of m.apps ?? []) {
      if (a.startsWith("=")) appsExact.add(normalizeName(a.slice(1)));
      else apps.push(normalizeName(a));
    }
    return {
      id: c.id,
      level: c.level,
      exclude: c.exclude,
      apps: apps.filter((a) => a.length > 0),
      appsExact,
      titleKeywords: (m.titleKeywords ?? []).map(normalizeName).filter((k) => k.length > 0),
      titlePatterns: (m.titlePatterns ?? []).map((p) => new RegExp(p, "iu")),
      hosts: m.hosts?.length ? new RegExp(m.hosts.map(hostPatternSource).join("|")) : undefined,
      urlPatterns: (m.urlPatterns ?? []).map((p) => new RegExp(p, "iu")),
      privateWindow: m.privateWindow === true,
    };
  });
  const entityExact = new Map<string, EntityRuleData>();
  const entityPrefix = new Map<string, EntityRuleData>();
  for (const [k, rule] of Object.entries(data.entities.types)) {
    if (k.endsWith(":*")) entityPrefix.set(k.slice(0, -2), rule);
    else entityExact.set(k, rule);
  }
  return Object.freeze({
    version: data.version,
    data: Object.freeze(data),
    categories: Object.freeze(categories),
    entityExact,
    entityPrefix,
    unmaskableRecognizers: new Set(data.entities.unmaskableRecognizers),
  });
}

/**
 * The policy rule for an entity type: exact type first, then `PREFIX:*` for `PREFIX:sub` types, then none.
 * @example entityRule("SECRET:github", DEFAULT_POLICY)?.level // 4
 */
export function entityRule(type: string, policy: PrivacyPolicy): EntityRuleData | undefined {
  const exact = policy.entityExact.get(type);
  if (exact) return exact;
  const i = type.indexOf(":");
  return policy.entityPrefix.get(i > 0 ? type.slice(0, i) : type);
}
