import { classifyRecord, type PrivacyPolicy, type RecordContext } from "./classify.js";
import { mergeDetections, type Span } from "./merge.js";
import { applyRedaction, type RedactionOperator } from "./redact.js";
import { RECOGNIZERS } from "./recognizers/index.js";
import { asciiCharBit, CH_DIGIT, isSoleChar, peekTokens, tokensOf } from "./recognizers/people/tokens.js";
import type { Channel, Detection, OrgDirectory, Recognizer, SensitivityLevel } from "./types.js";

export interface AnalyzeOptions {
  channel?: Channel;
  context?: RecordContext;
  directory?: OrgDirectory;
  /** Minimum score for a detection to count (default 0.5). */
  threshold?: number;
  /** Override the registered recognizers (tests, benchmarks of one recognizer). */
  recognizers?: readonly Recognizer[];
  /** The privacy policy (levels, context categories); the shipped default when omitted. */
  policy?: PrivacyPolicy;
}

export interface Analysis {
  /** The record's level after redaction (see classify.ts). Level 4 means: drop the record whole. */
  level: SensitivityLevel;
  spans: Span[];
  /** Policy rule ids that decided the level (never recorded values). */
  reasons: string[];
  policyVersion: string;
  /** The context category that set the level, when one matched. */
  category?: string;
  /** The context must not be captured at all (excluded application, site or window). */
  exclude: boolean;
}

export interface Redaction extends Analysis {
  redacted: string;
}

/** Largest record the engine accepts, in UTF-16 code units (a 10 MB line fits). */
export const MAX_TEXT_LENGTH = 32 * 1024 * 1024;

export class PrivacyInputError extends Error {
  override name = "PrivacyInputError";
}

/**
 * The recognizers of a list that apply to one channel, with their triggers (`Recognizer.triggers`) compiled
 * into bit masks over the distinct conditions of the list, so that each condition is tested at most once per
 * record, and only when a recognizer that needs it comes up.
 */
interface Plan {
  recognizers: readonly Recognizer[];
  /** Per recognizer, the conditions of which one must hold; 0: always run. */
  masks: readonly number[];
  /** Condition k: ASCII digit (DIGIT), or a string searched in the text or the lower-cased text. */
  kinds: readonly number[];
  strings: readonly string[];
  /**
   * Per condition, the character-summary bits (`Tokens.chars`) of its string's characters that have one: without
   * all of them in the record, the string cannot occur. `exact`: the string is one character that a bit stands
   * for alone, so the bit answers the condition.
   */
  gates: readonly number[];
  exact: readonly boolean[];
  /** A recognizer of the list reads the shared word tokens (`Recognizer.readsWords`): make them first. */
  words: boolean;
}

const DIGIT = 0;
const IN_TEXT = 1;
const IN_LOWER = 2;
/** At most this many distinct conditions per list (bits of a small integer); recognizers beyond it always run. */
const MAX_CONDITIONS = 30;
const HAS_DIGIT = /[0-9]/;

/** The text holds an ASCII digit: read from the record's word tokens when a recognizer has made them. */
function hasDigit(text: string): boolean {
  const toks = peekTokens(text);
  return toks !== undefined ? (toks.chars & CH_DIGIT) !== 0 : HAS_DIGIT.test(text);
}

function compilePlan(recognizers: readonly Recognizer[]): Plan {
  const kinds: number[] = [];
  const strings: string[] = [];
  const index = new Map<string, number>();
  const condition = (kind: number, s: string): number => {
    const key = `${kind}\u0000${s}`;
    let k = index.get(key);
    if (k === undefined) {
      if (kinds.length >= MAX_CONDITIONS) return -1;
      k = kinds.length;
      kinds.push(kind);
      strings.push(s);
      index.set(key, k);
    }
    return k;
  };
  const masks = recognizers.map((r) => {
    const t = r.triggers;
    if (!t) return 0;
    const ks: number[] = [];
    if (t.digit) ks.push(condition(DIGIT, ""));
    for (const s of t.text ?? []) ks.push(s === "" ? -1 : condition(IN_TEXT, s));
    for (const s of t.lower ?? []) ks.push(s === "" ? -1 : condition(IN_LOWER, s));
    // no condition, one that matches everything, or too many distinct ones: always run
    if (ks.length === 0 || ks.includes(-1)) return 0;
    let m = 0;
    for (const k of ks) m |= 1 << k;
    return m;
  });
  const gates = strings.map((str, k) => (kinds[k] === DIGIT ? 0 : charsGate(str)));
  const exact = strings.map(
    (str, k) => kinds[k] !== DIGIT && str.length === 1 && isSoleChar(str.charCodeAt(0)),
  );
  return { recognizers, masks, kinds, strings, gates, exact, words: recognizers.some((r) => r.readsWords) };
}

/** The summary bits of the characters of `s` that have one (letters of the lower-cased text have none). */
function charsGate(s: string): number {
  let g = 0;
  for (let i = 0; i < s.length; i++) g |= asciiCharBit(s.charCodeAt(i));
  return g;
}

const PLANS = new WeakMap<readonly Recognizer[], Map<Channel, Plan>>();

/** The last plan handed out from the cache (records come in runs of one list and channel). */
let lastList: readonly Recognizer[] | undefined;
let lastChannel: Channel | undefined;
let lastPlan: Plan | undefined;

function planFor(recognizers: readonly Recognizer[], channel: Channel): Plan {
  if (recognizers === lastList && channel === lastChannel) return lastPlan!;
  let byChannel = PLANS.get(recognizers);
  if (byChannel === undefined) PLANS.set(recognizers, (byChannel = new Map()));
  let plan = byChannel.get(channel);
  if (plan === undefined) {
    plan = compilePlan(recognizers.filter((r) => !r.channels || r.channels.includes(channel)));
    // a caller may pass a new array every time; keep the cache for the shared lists only
    if (recognizers === RECOGNIZERS || byChannel.size < 8) byChannel.set(channel, plan);
    else return plan;
  }
  lastList = recognizers;
  lastChannel = channel;
  lastPlan = plan;
  return plan;
}

/**
 * Run every recognizer over `text` and return merged, disjoint spans plus the record's level.
 * @example analyze("mail me at jane.doe@example.com").spans[0].type // "EMAIL_ADDRESS"
 */
export function analyze(text: string, opts: AnalyzeOptions = {}): Analysis {
  if (typeof text !== "string") throw new PrivacyInputError("text must be a string");
  if (text.length > MAX_TEXT_LENGTH)
    throw new PrivacyInputError(`text is ${text.length} code units long; the limit is ${MAX_TEXT_LENGTH}`);
  const channel = opts.channel ?? "typed";
  const threshold = opts.threshold ?? 0.5;
  const input = { text, lower: text.toLowerCase(), channel, directory: opts.directory };
  const kept: Detection[] = [];
  const { recognizers, masks, kinds, strings, gates, exact, words } = planFor(
    opts.recognizers ?? RECOGNIZERS,
    channel,
  );
  const chars = words ? tokensOf(text).chars : -1;
  // conditions tested so far, and those that held
  let tested = 0;
  let held = 0;
  for (let k = 0; k < recognizers.length; k++) {
    const mask = masks[k]!;
    if (mask !== 0 && (held & mask) === 0) {
      let untested = mask & ~tested;
      while (untested !== 0) {
        const bit = untested & -untested;
        untested ^= bit;
        tested |= bit;
        const c = 31 - Math.clz32(bit);
        const kind = kinds[c]!;
        let hit: boolean;
        if (kind === DIGIT) hit = hasDigit(text);
        else if (chars !== -1 && (chars & gates[c]!) !== gates[c]!) hit = false;
        else if (chars !== -1 && exact[c]!) hit = true;
        else hit = (kind === IN_TEXT ? text : input.lower).indexOf(strings[c]!) >= 0;
        if (hit) {
          held |= bit;
          break;
        }
      }
      if ((held & mask) === 0) continue;
    }
    const found = recognizers[k]!.detect(input);
    for (let j = 0; j < found.length; j++) {
      const d = found[j]!;
      if (d.score >= threshold) kept.push(d);
    }
  }
  const spans = mergeDetections(kept);
  const c = classifyRecord({ channel, spans, context: opts.context, text, policy: opts.policy });
  return c.category
    ? {
        level: c.level,
        spans,
        reasons: c.reasons,
        policyVersion: c.policyVersion,
        category: c.category,
        exclude: c.exclude,
      }
    : { level: c.level, spans, reasons: c.reasons, policyVersion: c.policyVersion, exclude: c.exclude };
}

/**
 * Analyse and redact in one call.
 * @example redact("call +44 20 7946 0958").redacted // "call [PHONE_NUMBER]"
 */
export function redact(
  text: string,
  opts: AnalyzeOptions & { operator?: RedactionOperator } = {},
): Redaction {
  // the analysis is a fresh object of this call: completed in place, its fields keep their order
  const r = analyze(text, opts) as Redaction;
  r.redacted = applyRedaction(text, r.spans, opts.operator);
  return r;
}
