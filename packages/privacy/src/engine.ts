import {
  classifyRecord,
  DEFAULT_POLICY,
  spansLevel,
  type PrivacyPolicy,
  type RecordContext,
} from "./classify.js";
import { mergeSorted, sortDetections, type Span } from "./merge.js";
import { foldOcrMisreads } from "./ocr-fold.js";
import { applyRedaction, type RedactionOperator } from "./redact.js";
import { RECOGNIZERS } from "./recognizers/index.js";
import { isTypedLike } from "./recognizers/ids/util.js";
import { spacedDigitsView, spanInText } from "./spaced-digits.js";
import { phoneWordNear } from "./recognizers/contact/phone.js";
import { beginRunBatch, endRunBatch, showBatchRecord } from "./recognizers/ids/scan.js";
import {
  asciiCharBit,
  batchTokensOf,
  beginTokenBatch,
  CH_DIGIT,
  endTokenBatch,
  isSoleChar,
  peekTokens,
  showBatchTokens,
  tokensOf,
  type Tokens,
} from "./recognizers/people/tokens.js";
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

/**
 * The recognizers of a list that apply to one channel, with their triggers (`Recognizer.triggers`) compiled
 * into bit masks over the distinct conditions of the list, so that each condition is tested at most once per
 * record, and only when a recognizer that needs it comes up.
 */
interface Plan {
  recognizers: readonly Recognizer[];
  /**
   * Per recognizer, the conditions of which one must hold: conditions 0-29 as bits of `masks`, 30-59 of `masksHi`
   * (condition k is bit k % 30 of its word); both 0: always run.
   */
  masks: readonly number[];
  masksHi: readonly number[];
  /**
   * Condition k: ASCII digit (DIGIT), a string searched in the text or the lower-cased text (IN_TEXT, IN_LOWER), or
   * one of a recognizer's several strings (IN_TEXT_ANY, IN_LOWER_ANY: `strings[k]` joins them with U+0000).
   */
  kinds: readonly number[];
  strings: readonly string[];
  /** Per condition of kind IN_TEXT_ANY or IN_LOWER_ANY, the search for its strings. */
  searches: readonly (RegExp | undefined)[];
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
/** One of several strings in the text (IN_TEXT_ANY) or the lower-cased text (IN_LOWER_ANY): one regex search. */
const IN_TEXT_ANY = 3;
const IN_LOWER_ANY = 4;
/** A recognizer's strings of one kind from this many on are searched together (see `compilePlan`). */
const ANY_FROM = 3;
/** Conditions per word of a mask (bits of a small integer). */
const WORD_BITS = 30;
/**
 * At most this many distinct conditions per list (two words); recognizers beyond it always run. (One word once
 * held them all; at 31 conditions the recognizers last in the list, e-mail, URLs, ages and accounts among them,
 * had started to run on every record.)
 */
export const MAX_CONDITIONS = 2 * WORD_BITS;
const HAS_DIGIT = /[0-9]/;

/** The text holds an ASCII digit: read from the record's word tokens when a recognizer has made them. */
function hasDigit(text: string): boolean {
  const toks = peekTokens(text);
  return toks !== undefined ? (toks.chars & CH_DIGIT) !== 0 : HAS_DIGIT.test(text);
}

function compilePlan(recognizers: readonly Recognizer[]): Plan {
  const kinds: number[] = [];
  const strings: string[] = [];
  const searches: (RegExp | undefined)[] = [];
  const index = new Map<string, number>();
  const condition = (kind: number, s: string): number => {
    const key = `${kind}\u0000${s}`;
    let k = index.get(key);
    if (k === undefined) {
      if (kinds.length >= MAX_CONDITIONS) return -1;
      k = kinds.length;
      kinds.push(kind);
      strings.push(s);
      searches.push(
        kind === IN_TEXT_ANY || kind === IN_LOWER_ANY
          ? new RegExp(s.split("\u0000").map(escapeRegExp).join("|"))
          : undefined,
      );
      index.set(key, k);
    }
    return k;
  };
  const masks: number[] = [];
  const masksHi: number[] = [];
  for (const r of recognizers) {
    const t = r.triggers;
    const ks: number[] = [];
    if (t) {
      if (t.digit) ks.push(condition(DIGIT, ""));
      // single characters stay conditions of their own (the record's character summary answers most of them);
      // a recognizer's longer strings, when it names several, are searched for in one pass instead of one each
      for (const [kind, any, list] of [
        [IN_TEXT, IN_TEXT_ANY, t.text ?? []],
        [IN_LOWER, IN_LOWER_ANY, t.lower ?? []],
      ] as const) {
        if (list.includes("")) ks.push(-1);
        const long = list.filter((x) => x.length > 1);
        for (const x of list)
          if (x.length === 1 || (x.length > 1 && long.length < ANY_FROM)) ks.push(condition(kind, x));
        if (long.length >= ANY_FROM) ks.push(condition(any, long.join("\u0000")));
      }
    }
    let lo = 0;
    let hi = 0;
    // no condition, one that matches everything, or too many distinct ones: always run (both words 0)
    if (ks.length > 0 && !ks.includes(-1))
      for (const k of ks) {
        if (k < WORD_BITS) lo |= 1 << k;
        else hi |= 1 << (k - WORD_BITS);
      }
    masks.push(lo);
    masksHi.push(hi);
  }
  const gates = strings.map((str, k) => (kinds[k] === IN_TEXT || kinds[k] === IN_LOWER ? charsGate(str) : 0));
  const exact = strings.map(
    (str, k) =>
      (kinds[k] === IN_TEXT || kinds[k] === IN_LOWER) && str.length === 1 && isSoleChar(str.charCodeAt(0)),
  );
  return {
    recognizers,
    masks,
    masksHi,
    kinds,
    strings,
    searches,
    gates,
    exact,
    words: recognizers.some((r) => r.readsWords),
  };
}

/** `s` as a regular expression's literal. */
function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
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

/** What the engine knows of one record while its recognizers run. */
interface RecordState {
  input: RecognizerInput;
  /** The record's word tokens when the plan reads words. */
  toks: Tokens | undefined;
  /** `Tokens.chars` of the record when the plan reads words, else -1. */
  chars: number;
  /** Trigger conditions tested so far, and those that held (conditions 0-29, then 30-59: see `Plan.masks`). */
  tested: number;
  held: number;
  testedHi: number;
  heldHi: number;
  /** The detections kept so far (made with the first one: most recognizers keep nothing from most records). */
  kept: Detection[] | undefined;
}

function checkText(text: unknown, what = "text"): asserts text is string {
  if (typeof text !== "string") throw new PrivacyInputError(`${what} must be a string`);
  if (text.length > MAX_TEXT_LENGTH)
    throw new PrivacyInputError(`${what} is ${text.length} code units long; the limit is ${MAX_TEXT_LENGTH}`);
}

/** `inBatch`: the record's tokens are copied to outlive the next record's (see `batchTokensOf`). */
function stateOf(
  text: string,
  channel: Channel,
  opts: AnalyzeOptions,
  plan: Plan,
  inBatch: boolean,
): RecordState {
  const toks = plan.words ? (inBatch ? batchTokensOf(text) : tokensOf(text)) : undefined;
  return {
    input: { text, lower: lowerOf(text), channel, directory: opts.directory },
    toks,
    chars: toks !== undefined ? toks.chars : -1,
    tested: 0,
    held: 0,
    testedHi: 0,
    heldHi: 0,
    kept: undefined,
  };
}

const DOTTED_I = /\u0130/g;

/**
 * `text.toLowerCase()` of the same length: "İ" (Turkish capital I with a dot, the one character whose lower case is
 * two code units) becomes "i", as Turkish writes it, so that offsets into the lower-cased text stay the text's and
 * the recognizers' word lists read "İletişim:" as "iletişim:".
 */
function lowerOf(text: string): string {
  const lower = text.toLowerCase();
  return lower.length === text.length ? lower : text.replace(DOTTED_I, "I").toLowerCase();
}

/** One of the trigger conditions of recognizer `k` of the plan holds for the record (each is tested once a record). */
function triggered(plan: Plan, k: number, st: RecordState): boolean {
  const lo = plan.masks[k]!;
  const hi = plan.masksHi[k]!;
  if ((lo === 0 && hi === 0) || (st.held & lo) !== 0 || (st.heldHi & hi) !== 0) return true;
  return (
    (lo !== 0 && testConditions(plan, lo, 0, st)) || (hi !== 0 && testConditions(plan, hi, WORD_BITS, st))
  );
}

/** Test the untested conditions of `mask`, a word of masks whose bit 0 is condition `base`; true at the first hit. */
function testConditions(plan: Plan, mask: number, base: number, st: RecordState): boolean {
  const { kinds, strings, searches, gates, exact } = plan;
  const { text, lower } = st.input;
  const chars = st.chars;
  const high = base !== 0;
  let untested = mask & ~(high ? st.testedHi : st.tested);
  while (untested !== 0) {
    const bit = untested & -untested;
    untested ^= bit;
    if (high) st.testedHi |= bit;
    else st.tested |= bit;
    const c = base + 31 - Math.clz32(bit);
    const kind = kinds[c]!;
    let hit: boolean;
    if (kind === DIGIT) hit = chars !== -1 ? (chars & CH_DIGIT) !== 0 : hasDigit(text);
    else if (chars !== -1 && (chars & gates[c]!) !== gates[c]!) hit = false;
    else if (chars !== -1 && exact[c]!) hit = true;
    else if (kind === IN_TEXT || kind === IN_LOWER)
      hit = (kind === IN_TEXT ? text : lower).indexOf(strings[c]!) >= 0;
    else hit = searches[c]!.test(kind === IN_TEXT_ANY ? text : lower);
    if (hit) {
      if (high) st.heldHi |= bit;
      else st.held |= bit;
      return true;
    }
  }
  return false;
}

/** Keep the detections of `found` that score enough. */
function keep(st: RecordState, found: readonly Detection[], threshold: number): void {
  for (let j = 0; j < found.length; j++) {
    const d = found[j]!;
    if (d.score >= threshold) {
      if (st.kept === undefined) st.kept = [d];
      else st.kept.push(d);
    }
  }
}

/** Run every recognizer of the plan on one record, skipping those none of whose triggers holds. */
function runAll(plan: Plan, st: RecordState, threshold: number): void {
  const { recognizers } = plan;
  for (let k = 0; k < recognizers.length; k++)
    if (triggered(plan, k, st)) keep(st, recognizers[k]!.detect(st.input), threshold);
}

/**
 * The record's analysis, built as one object (with `redacted` when `redacting`, so that the object does not grow
 * a field afterwards): the classification of a record without context is computed here from its parts.
 */
function conclude(
  st: RecordState,
  opts: AnalyzeOptions & { operator?: RedactionOperator },
  redacting: boolean,
): Redaction {
  const { text, channel } = st.input;
  const kept = st.kept;
  const spans = kept === undefined ? [] : mergeSorted(kept.length === 1 ? kept : sortDetections(kept));
  const redacted = redacting ? applyRedaction(text, spans, opts.operator) : "";
  if (opts.context === undefined && channel !== "title" && channel !== "url") {
    // no context to match: the channel and the spans decide (classifyRecord's other steps add nothing)
    const policy = opts.policy ?? DEFAULT_POLICY;
    const reasons: string[] = [];
    const level = spansLevel(channel, spans, policy, reasons);
    return redacting
      ? { level, spans, reasons, policyVersion: policy.version, exclude: false, redacted }
      : ({ level, spans, reasons, policyVersion: policy.version, exclude: false } as Redaction);
  }
  const c = classifyRecord({ channel, spans, context: opts.context, text, policy: opts.policy });
  const a: Analysis = c.category
    ? {
        level: c.level,
        spans,
        reasons: c.reasons,
        policyVersion: c.policyVersion,
        category: c.category,
        exclude: c.exclude,
      }
    : { level: c.level, spans, reasons: c.reasons, policyVersion: c.policyVersion, exclude: c.exclude };
  if (redacting) (a as Redaction).redacted = redacted;
  return a as Redaction;
}

/**
 * Run every recognizer over `text` and return merged, disjoint spans plus the record's level.
 * @example analyze("mail me at jane.doe@example.com").spans[0].type // "EMAIL_ADDRESS"
 */
export function analyze(text: string, opts: AnalyzeOptions = {}): Analysis {
  return concludeOne(text, opts, false);
}

/** `analyze`, and with `redacting` `redact`. */
function concludeOne(
  text: string,
  opts: AnalyzeOptions & { operator?: RedactionOperator },
  redacting: boolean,
  folded?: string,
): Redaction {
  checkText(text);
  const channel = opts.channel ?? "typed";
  const threshold = opts.threshold ?? 0.5;
  const plan = planFor(opts.recognizers ?? RECOGNIZERS, channel);
  const st = stateOf(text, channel, opts, plan, false);
  runAll(plan, st, threshold);
  // what OCR misread ("2O 7946 O958", "DEO8 …", "jane¢example.com"), read back, counts too (`folded`: when the
  // caller has read it back already)
  folded ??= channel === "ocr" ? foldOcrMisreads(text) : text;
  if (folded !== text) {
    const fst = stateOf(folded, channel, opts, plan, false);
    runAll(plan, fst, threshold);
    if (fst.kept !== undefined) for (const d of fst.kept) (st.kept ??= []).push(d);
  }
  if (isTypedLike(channel) && MAY_BE_SPACED.test(text)) readSpaced(text, channel, opts, plan, threshold, st);
  return conclude(st, opts, redacting);
}

/**
 * A digit alone between gaps, or four-digit groups with a wide gap: a record may hold a spaced number (see
 * spaced-digits.ts).
 */
const MAY_BE_SPACED =
  /\d[ \t\u00a0\u202f]{1,3}\d[ \t\u00a0\u202f]{1,3}\d|\d{4}(?:[ \u00a0\u202f]{2,3}|\t)\d{4}/;
/** Least score of what the spaced view finds: a number's validated reading, not the typed-text fallback. */
const SPACED_MIN_SCORE = 0.6;

/**
 * Run the plan again over the record with the gaps inside its spaced numbers removed ("4 5 3 9 1 4 8 8 …"), and keep
 * what it finds across a removed gap, at the text's offsets: a card, an SSN, a phone number typed a digit at a time.
 * Bare digit runs (type NUMBER) and the fallback's weak readings are left out unless a phone word announces them:
 * "1 2 3 4 5 6 7 8 9" is a count.
 */
function readSpaced(
  text: string,
  channel: Channel,
  opts: AnalyzeOptions,
  plan: Plan,
  threshold: number,
  st: RecordState,
): void {
  const view = spacedDigitsView(text);
  if (view === null) return;
  const vst = stateOf(view.text, channel, opts, plan, false);
  runAll(plan, vst, threshold);
  if (vst.kept === undefined) return;
  for (const d of vst.kept) {
    if (d.type === "NUMBER") continue;
    // (a phone number typed a digit at a time, announced as one: "call me on 4 1 5 5 2 3 …")
    if (
      d.score < SPACED_MIN_SCORE &&
      !(d.type === "PHONE_NUMBER" && phoneWordNear(vst.input.lower, d.start, d.end))
    )
      continue;
    const [start, end, spaced] = spanInText(view, d.start, d.end);
    if (spaced) (st.kept ??= []).push({ ...d, start, end });
  }
}

/** Most records analysed together by `analyzeMany`, and most UTF-16 code units; a longer record goes alone. */
const BATCH_RECORDS = 1024;
const BATCH_UNITS = 256 * 1024;
const SOLO_UNITS = BATCH_UNITS / 4;

/**
 * `texts.map((t) => analyze(t, opts))`, with the same results, computed faster: the records are taken in
 * batches, and each recognizer runs over every record of a batch before the next one starts, so its code and
 * tables stay in the processor's caches (recognizer after recognizer on one short record evicts them; measured
 * ~20 % of the engine's time on the eval texts). Every text is checked before any work starts.
 * @example analyzeMany(["call +44 20 7946 0958", "hello"]).map((a) => a.spans.length) // [1, 0]
 */
export function analyzeMany(texts: readonly string[], opts: AnalyzeOptions = {}): Analysis[] {
  return concludeMany(texts, opts, false);
}

/** `analyzeMany`, and with `redacting` `redactMany`. */
function concludeMany(
  texts: readonly string[],
  opts: AnalyzeOptions & { operator?: RedactionOperator },
  redacting: boolean,
): Redaction[] {
  if (!Array.isArray(texts)) throw new PrivacyInputError("texts must be an array of strings");
  for (let i = 0; i < texts.length; i++) checkText(texts[i], `text ${i}`);
  const channel = opts.channel ?? "typed";
  const threshold = opts.threshold ?? 0.5;
  const plan = planFor(opts.recognizers ?? RECOGNIZERS, channel);
  const out: Redaction[] = new Array<Redaction>(texts.length);
  // a long record goes alone, and so does OCR text with something misread (it is read twice: concludeOne); each
  // record is read back once, here
  const folded = channel === "ocr" ? texts.map(foldOcrMisreads) : undefined;
  const spacedToo = isTypedLike(channel);
  const alone = (i: number) =>
    texts[i]!.length > SOLO_UNITS || (folded !== undefined && folded[i] !== texts[i]);
  let i = 0;
  while (i < texts.length) {
    if (alone(i)) {
      out[i] = concludeOne(texts[i]!, opts, redacting, folded?.[i]);
      i++;
      continue;
    }
    const from = i;
    let units = 0;
    while (i < texts.length && i - from < BATCH_RECORDS && !alone(i)) {
      units += texts[i]!.length;
      i++;
      if (units >= BATCH_UNITS) break;
    }
    beginTokenBatch();
    beginRunBatch();
    const states: RecordState[] = [];
    try {
      for (let j = from; j < i; j++) states.push(stateOf(texts[j]!, channel, opts, plan, true));
      for (let k = 0; k < plan.recognizers.length; k++) {
        const r = plan.recognizers[k]!;
        for (let j = 0; j < states.length; j++) {
          const st = states[j]!;
          if (!triggered(plan, k, st)) continue;
          if (st.toks !== undefined) showBatchTokens(st.input.text, st.toks);
          showBatchRecord(j);
          keep(st, r.detect(st.input), threshold);
        }
      }
    } finally {
      endTokenBatch();
      endRunBatch();
    }
    // records with a spaced number are read again without its gaps (see readSpaced), outside the batch: only
    // those that hold a digit are searched for one
    for (let j = 0; j < states.length; j++) {
      const st = states[j]!;
      if (spacedToo && (st.chars === -1 || (st.chars & CH_DIGIT) !== 0) && MAY_BE_SPACED.test(st.input.text))
        readSpaced(st.input.text, channel, opts, plan, threshold, st);
      out[from + j] = conclude(st, opts, redacting);
    }
  }
  return out;
}

/**
 * Analyse and redact in one call.
 * @example redact("call +44 20 7946 0958").redacted // "call [PHONE_NUMBER]"
 */
export function redact(
  text: string,
  opts: AnalyzeOptions & { operator?: RedactionOperator } = {},
): Redaction {
  return concludeOne(text, opts, true);
}

/**
 * `texts.map((t) => redact(t, opts))`, computed as `analyzeMany` does.
 * @example redactMany(["call +44 20 7946 0958"])[0].redacted // "call [PHONE_NUMBER]"
 */
export function redactMany(
  texts: readonly string[],
  opts: AnalyzeOptions & { operator?: RedactionOperator } = {},
): Redaction[] {
  return concludeMany(texts, opts, true);
}
