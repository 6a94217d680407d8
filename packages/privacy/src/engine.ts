import { classifyRecord, type PrivacyPolicy, type RecordContext } from "./classify.js";
import { mergeDetections, type Span } from "./merge.js";
import { applyRedaction, type RedactionOperator } from "./redact.js";
import { RECOGNIZERS } from "./recognizers/index.js";
import type {
  Channel,
  Detection,
  OrgDirectory,
  Recognizer,
  RecognizerInput,
  SensitivityLevel,
} from "./types.js";

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

type Detect = (input: RecognizerInput) => Detection[];

/** The detect functions of `recognizers` that apply to each channel, computed once per list and channel. */
const DETECTORS = new WeakMap<readonly Recognizer[], Map<Channel, readonly Detect[]>>();

function detectorsFor(recognizers: readonly Recognizer[], channel: Channel): readonly Detect[] {
  let byChannel = DETECTORS.get(recognizers);
  if (byChannel === undefined) DETECTORS.set(recognizers, (byChannel = new Map()));
  let list = byChannel.get(channel);
  if (list === undefined) {
    const fns: Detect[] = [];
    for (const r of recognizers) {
      if (r.channels && !r.channels.includes(channel)) continue;
      fns.push((input) => r.detect(input));
    }
    list = fns;
    // a caller may pass a new array every time; keep the cache for the shared lists only
    if (recognizers === RECOGNIZERS || byChannel.size < 8) byChannel.set(channel, list);
  }
  return list;
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
  const detectors = detectorsFor(opts.recognizers ?? RECOGNIZERS, channel);
  for (let k = 0; k < detectors.length; k++) {
    const found = detectors[k]!(input);
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
  const a = analyze(text, opts);
  const redacted = applyRedaction(text, a.spans, opts.operator);
  return a.category !== undefined
    ? {
        level: a.level,
        spans: a.spans,
        reasons: a.reasons,
        policyVersion: a.policyVersion,
        category: a.category,
        exclude: a.exclude,
        redacted,
      }
    : {
        level: a.level,
        spans: a.spans,
        reasons: a.reasons,
        policyVersion: a.policyVersion,
        exclude: a.exclude,
        redacted,
      };
}
