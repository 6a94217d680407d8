import type { Span } from "./merge.js";
import {
  DEFAULT_POLICY,
  entityRule,
  type EntityRuleData,
  matchContext,
  type ContextMatch,
  type PrivacyPolicy,
  type RecordContext,
} from "./policy/index.js";
import type { Channel, SensitivityLevel } from "./types.js";

export {
  DEFAULT_POLICY,
  DEFAULT_POLICY_SOURCE,
  loadPolicy,
  matchContext,
  PolicyValidationError,
  type ContextMatch,
  type PolicyIssue,
  type PolicySourceInput,
  type PrivacyPolicy,
  type RecordContext,
} from "./policy/index.js";

export interface Classification {
  /**
   * The record's level AS STORED, i.e. after its spans are masked (policy/README.md). 4 means: drop the
   * record whole, never store it.
   */
  level: SensitivityLevel;
  /**
   * Why: ids of the policy rules that applied, e.g. `channel:typed`, `entity:CREDIT_CARD`,
   * `masking:residual`, `context:banking:host`. Never contains recorded values.
   */
  reasons: string[];
  /** Version of the policy that decided; store it with the record. */
  policyVersion: string;
  /** The context category that set the context level, when one matched. */
  category?: string;
  /** The context is one the recorder must not capture at all (see `matchContext`). */
  exclude: boolean;
}

/** What `classifyRecord` looks at. */
export interface ClassifyInput {
  channel: Channel;
  /** Merged spans of the record (they will be masked before it is stored). */
  spans: readonly Span[];
  context?: RecordContext;
  /** The record's text: for the `title` and `url` channels it is itself a title or URL, matched as context. */
  text?: string;
  /** Defaults to `DEFAULT_POLICY`. */
  policy?: PrivacyPolicy;
}

const maxLevel = (a: SensitivityLevel, b: SensitivityLevel): SensitivityLevel => (a >= b ? a : b);

/** `entityRule` results per policy and type (null: no rule), so that a record costs one Map lookup per span. */
const RULES = new WeakMap<PrivacyPolicy, Map<string, EntityRuleData | null>>();

function ruleOf(type: string, policy: PrivacyPolicy): EntityRuleData | undefined {
  let m = RULES.get(policy);
  if (m === undefined) RULES.set(policy, (m = new Map()));
  let r = m.get(type);
  if (r === undefined) {
    r = entityRule(type, policy) ?? null;
    // bounded: types come from recognizers, but a caller may pass anything
    if (m.size < 4096) m.set(type, r);
  }
  return r ?? undefined;
}

/** Reason strings, built once per channel or type. */
const CHANNEL_REASONS = new Map<string, string>();
const ENTITY_REASONS = new Map<string, string>();

function memoReason(cache: Map<string, string>, prefix: string, name: string): string {
  let r = cache.get(name);
  if (r === undefined) {
    r = `${prefix}${name}`;
    if (cache.size < 4096) cache.set(name, r);
  }
  return r;
}

/** Append `r` to `reasons` unless it is there (first occurrence order, like a Set; lists are short). */
function addReason(reasons: string[], r: string): void {
  for (let i = 0; i < reasons.length; i++) if (reasons[i] === r) return;
  reasons.push(r);
}

/**
 * The intrinsic level of a span of `type`: the policy's rule for the type (exact, then `PREFIX:*`), never
 * below the level its recognizer gave; the policy's default rule when neither says anything.
 * @example spanLevel("CREDIT_CARD") // 4
 * @example spanLevel("SECRET:github") // 4
 * @example spanLevel("IP_ADDRESS") // 2
 * @example spanLevel("SOMETHING_NEW") // 3 (entities.default)
 */
export function spanLevel(
  type: string,
  policy: PrivacyPolicy = DEFAULT_POLICY,
  detectorLevel?: SensitivityLevel,
): SensitivityLevel {
  const rule = ruleOf(type, policy);
  if (rule) return detectorLevel ? maxLevel(rule.level, detectorLevel) : rule.level;
  return detectorLevel ?? policy.data.entities.default.level;
}

/**
 * Whether masking a span removes what makes it sensitive (a card number: yes; a health statement: no).
 * @example spanMaskable({ type: "HEALTH", sources: ["special-category"] }) // false
 */
export function spanMaskable(
  span: Pick<Span, "type" | "sources">,
  policy: PrivacyPolicy = DEFAULT_POLICY,
): boolean {
  const rule = ruleOf(span.type, policy) ?? policy.data.entities.default;
  if (rule.maskable === false) return false;
  const sources = span.sources;
  if (sources)
    for (let i = 0; i < sources.length; i++) if (policy.unmaskableRecognizers.has(sources[i]!)) return false;
  return true;
}

/** Cap on the text of a title/url record matched as context (a title or URL is short; a huge one is clipped). */
const MAX_CONTEXT_TEXT = 16_384;

function contextsOf(input: ClassifyInput): RecordContext[] {
  const out: RecordContext[] = [];
  if (input.context) out.push(input.context);
  const text = input.text;
  if (text && (input.channel === "title" || input.channel === "url")) {
    const t =
      text.length > MAX_CONTEXT_TEXT
        ? `${text.slice(0, MAX_CONTEXT_TEXT / 2)} ${text.slice(text.length - MAX_CONTEXT_TEXT / 2)}`
        : text;
    out.push(input.channel === "title" ? { title: t } : { url: t });
  }
  return out;
}

/**
 * The level of a record as it will be stored, i.e. after its spans are masked:
 * - the channel's level (policy `channels`);
 * - each span: its intrinsic level (`spanLevel`), capped at `masking.residualLevel` (3) when masking removes
 *   what made it sensitive; unmaskable spans (special categories: health, tax, HR, religion, politics,
 *   sexuality) keep their level, so the record becomes 4 and is dropped;
 * - the context: the highest matching context category (banking, password manager, private window: 4).
 * The record's level is the highest of these; reasons name every rule that applied.
 * @example classifyRecord({ channel: "typed", spans: [] }).level // 2
 * @example classifyRecord({ channel: "typed", spans: [{ start: 0, end: 16, type: "CREDIT_CARD", level: 4, sources: ["card"] }] }).level // 3
 * @example classifyRecord({ channel: "typed", spans: [], context: { app: "KeePassXC" } }).level // 4
 */
export function classifyRecord(input: ClassifyInput): Classification {
  const policy = input.policy ?? DEFAULT_POLICY;
  // reasons in first-occurrence order (an array: the lists are short)
  const reasons: string[] = [];
  let level = spansLevel(input.channel, input.spans, policy, reasons);

  let best: ContextMatch | undefined;
  let exclude = false;
  if (input.context || input.channel === "title" || input.channel === "url") {
    for (const ctx of contextsOf(input)) {
      const m = matchContext(ctx, policy);
      for (const r of m.reasons) addReason(reasons, r);
      if (m.exclude) exclude = true;
      if (m.category !== undefined && (best?.category === undefined || m.level > best.level)) best = m;
    }
  }
  if (best) level = maxLevel(level, best.level);

  const out: Classification = { level, reasons, policyVersion: policy.version, exclude };
  if (best?.category !== undefined) out.category = best.category;
  return out;
}

/**
 * The level that the channel and the spans give a record (`classifyRecord` without its context), the reasons
 * appended to `reasons`: all of the classification when the record has no context to match, as the engine's
 * records mostly have not.
 * @example spansLevel("typed", [], DEFAULT_POLICY, []) // 2
 */
export function spansLevel(
  channel: Channel,
  spans: readonly Span[],
  policy: PrivacyPolicy,
  reasons: string[],
): SensitivityLevel {
  const channelRule = policy.data.channels[channel];
  let level: SensitivityLevel;
  if (channelRule) {
    level = channelRule.level;
    reasons.push(memoReason(CHANNEL_REASONS, "channel:", channel));
  } else {
    // A channel the policy does not know (a caller outside TypeScript): when in doubt, the higher level.
    level = 3;
    reasons.push("channel:unknown");
  }

  const cap = policy.data.masking.residualLevel;
  for (let i = 0; i < spans.length; i++) {
    const s = spans[i]!;
    const intrinsic = spanLevel(s.type, policy, s.level);
    let contribution = intrinsic;
    if (intrinsic > cap && spanMaskable(s, policy)) {
      contribution = cap;
      addReason(reasons, "masking:residual");
    }
    addReason(reasons, memoReason(ENTITY_REASONS, "entity:", s.type));
    level = maxLevel(level, contribution);
  }
  return level;
}
