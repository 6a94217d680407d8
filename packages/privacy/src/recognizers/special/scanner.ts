import type { Detection } from "../../types.js";
import { NO_DETECTIONS } from "../results.js";
import { FIRST_PERSON, GENERIC, MODIFIERS, OTHER_PERSON } from "./lexicons/common.js";
import {
  fold,
  isMark,
  isWordChar,
  keyOf,
  KEY_CHARS,
  wordKey,
  words,
  type Anchor,
  type SpecialLexicon,
  type SpecialType,
  type ValueKind,
} from "./lexicon.js";

/**
 * The special-category scanner: one linear pass cuts the text into words and looks each word up by a hash
 * of its first characters; only words that can start or continue a lexicon phrase are kept. When a term of
 * some category occurs, the words around it decide whether it is a statement about a person:
 *
 *   score = base (strong 0.40 | weak 0.15)
 *         + 0.30 first-person anchor ("my", "I have", "ich habe", "j'ai", "tengo") right before the term,
 *           or + 0.15 another-person anchor ("his", "she has") or a clinical frame ("patient", "year-old")
 *         + 0.25 category cue within 6 words before or 4 after ("diagnosed with", "voted", "my manager")
 *         + 0.30 value right after the term ("7.2 %", "50 mg", "$85,000", "2/5")
 *         - 0.30 generic word nearby ("research", "people", "awareness", "company")
 *
 * and the term fires at score >= 0.5. So a strong term needs an anchor, a cue or a value; a weak one an
 * anchor and a cue (or a value); and a generic context cancels one of them. Windows never cross a sentence.
 */

export const WEIGHTS = {
  strong: 0.4,
  weak: 0.15,
  firstPerson: 0.3,
  otherPerson: 0.15,
  cue: 0.25,
  value: 0.3,
  generic: -0.3,
  threshold: 0.5,
} as const;

const CUE_BEFORE = 6;
const CUE_AFTER = 4;
const GENERIC_WINDOW = 6;
const FRAME_WINDOW = 15;
const MAX_ANCHOR_GAP = 8;

const ROLE_TERM = 0;
const ROLE_CUE = 1;
const ROLE_FIRST = 2;
const ROLE_OTHER = 3;
const ROLE_MODIFIER = 4;
const ROLE_GENERIC = 5;
const ROLE_FRAME = 6;

interface Group {
  type: SpecialType;
  id: string;
  strong: boolean;
  value?: ValueKind;
  selfAnchored: boolean;
}

interface Entry {
  role: number;
  words: string[];
  /** The last word is a stem (prefix). */
  stem: boolean;
  /** Categories (bit per lexicon index) the entry serves. */
  mask: number;
  /** For terms: the lexicon index and group. */
  cat: number;
  group?: Group;
  maxGap: number;
  cue: boolean;
}

/** A word in the phrase trie: the entries whose phrase ends here, and the words that may follow. */
interface Node {
  word: string;
  stem: boolean;
  entries: Entry[];
  /** Next words, by key (built from `next`): the keys, and the nodes of each (a scan: most nodes have few). */
  next?: Map<number, Node[]>;
  nextKeys?: Int32Array;
  nextLists?: Node[][];
  /** A term ends here or below. */
  hasTerm: boolean;
}

/** The first-word nodes of one key (empty for a key that only occurs later in phrases). */
interface Bucket {
  nodes: Node[];
  hasTerm: boolean;
}

/** A compiled set of lexicons: the lookup table plus what detection needs. */
export interface CompiledLexicons {
  readonly types: readonly SpecialType[];
  readonly table: ReadonlyMap<number, Bucket>;
  /** The table again, open addressing (key 0: an empty slot; a key is never 0, it counts its characters). */
  readonly slotKeys: Int32Array;
  readonly slotBuckets: readonly (Bucket | undefined)[];
  /** Bit `bloomIndex(key)` set for every key of the table: most words are rejected without a map lookup. */
  readonly bloom: Int32Array;
  /**
   * Trigger words: the longest word of every term. A first cheap pass looks only for these; the full
   * analysis runs only in windows around them (most text has none).
   */
  readonly triggers: ReadonlyMap<number, readonly Trigger[]>;
  readonly triggerBloom: Int32Array;
  /** The trigger keys again, in an open-addressing table with the word lengths they accept (see `triggerTable`). */
  readonly triggerTable: TriggerTable;
}

/**
 * A trigger word, and what must be next to it for one of the terms it stands for to occur: the word that follows
 * (`next`) or precedes it in the term, within a phrase gap. `needs` undefined: some term is the word alone.
 */
interface Trigger {
  word: string;
  stem: boolean;
  needs: Need[] | undefined;
}
interface Need {
  next: boolean;
  word: string;
  stem: boolean;
}

/**
 * The trigger lists by key, with per key the lengths (code units, 31 standing for 31 or more) a word of plain
 * ASCII characters must have to equal one of them: a common word that only shares its first characters with a
 * trigger ("card" and "cardiac", "here" and "hereditary") is rejected without comparing it.
 */
interface TriggerTable {
  mask: number;
  /** The key, 0 for an empty slot (a trigger's key is never 0: it counts its characters). */
  keys: Int32Array;
  /** Bit L: a word of length L can match. */
  lengths: Int32Array;
  lists: (readonly Trigger[])[];
}

function triggerTableOf(triggers: ReadonlyMap<number, readonly Trigger[]>): TriggerTable {
  let size = 16;
  while (size < triggers.size * 2) size <<= 1;
  const t: TriggerTable = {
    mask: size - 1,
    keys: new Int32Array(size),
    lengths: new Int32Array(size),
    lists: new Array<readonly Trigger[]>(size).fill([]),
  };
  for (const [key, list] of triggers) {
    if (key === 0) throw new Error("a trigger key is 0");
    let i = triggerSlot(t, key);
    while (t.keys[i] !== 0) i = (i + 1) & t.mask;
    let lengths = 0;
    for (const { word, stem } of list) {
      const l = Math.min(word.length, 31);
      lengths |= stem ? ~((1 << l) - 1) : 1 << l;
    }
    t.keys[i] = key;
    t.lengths[i] = lengths;
    t.lists[i] = list;
  }
  return t;
}

function tableSlot(key: number, mask: number): number {
  return (key ^ (key >>> 15)) & mask;
}

function triggerSlot(t: TriggerTable, key: number): number {
  return (key ^ (key >>> 15)) & t.mask;
}

const BLOOM_BITS = 16;

/** Frequent words, never chosen as a phrase's trigger when the phrase has a more specific word. */
const FREQUENT_WORDS = [
  ..."after they them let go get getting got out off up down in on at to of for and or by as it its be do did done make made put placed take".split(
    " ",
  ),
  ..."life morning day days night time year week work home good bad new old test card plan note score return leave support credit".split(
    " ",
  ),
  ..."coming came front national party member union state form schedule type free count rate level high low heart blood".split(
    " ",
  ),
  ..."und oder mit von zu im am la le les de des du et en el los las y con por para que".split(" "),
];

function bloomIndex(key: number): number {
  return (key ^ (key >>> BLOOM_BITS)) & ((1 << BLOOM_BITS) - 1);
}

/** Bit sets of 2^BLOOM_BITS bits (8 KB: they stay in the processor's nearest cache). */
function bloomHas(bloom: Int32Array, key: number): boolean {
  const i = bloomIndex(key);
  return (bloom[i >>> 5]! & (1 << (i & 31))) !== 0;
}
function bloomAdd(bloom: Int32Array, key: number): void {
  const i = bloomIndex(key);
  bloom[i >>> 5]! |= 1 << (i & 31);
}

function parsePhrase(phrase: string): { words: string[]; stem: boolean } {
  const trimmed = phrase.trim();
  const stem = trimmed.endsWith("*");
  const ws = words(stem ? trimmed.slice(0, -1) : trimmed);
  if (ws.length === 0) throw new Error(`special lexicon: empty phrase ${JSON.stringify(phrase)}`);
  if (stem && ws[ws.length - 1]!.length < KEY_CHARS)
    throw new Error(`special lexicon: stem shorter than ${KEY_CHARS} letters in ${JSON.stringify(phrase)}`);
  return { words: ws, stem };
}

/**
 * Compile lexicons into one lookup table keyed by the first characters of a word. Every word of every
 * phrase gets a key, so that the words after a phrase's first word are kept by the scan too.
 */
export function compileLexicons(lexicons: readonly SpecialLexicon[]): CompiledLexicons {
  if (lexicons.length > 30) throw new Error("special lexicon: at most 30 categories");
  const all = (1 << lexicons.length) - 1;
  const byKey = new Map<string, Entry>();
  const add = (role: number, phrase: string, mask: number, extra: Partial<Entry> = {}) => {
    const { words: ws, stem } = parsePhrase(phrase);
    const id = `${role}|${extra.maxGap ?? 0}|${extra.cue ? 1 : 0}|${extra.group ? `${extra.cat}:${extra.group.id}` : ""}|${ws.join(" ")}${stem ? "*" : ""}`;
    const prev = byKey.get(id);
    if (prev) {
      prev.mask |= mask;
      return;
    }
    byKey.set(id, {
      role,
      words: ws,
      stem,
      mask,
      cat: extra.cat ?? -1,
      group: extra.group,
      maxGap: extra.maxGap ?? 0,
      cue: extra.cue ?? false,
    });
  };
  const addAnchors = (role: number, anchors: readonly Anchor[], mask: number) => {
    for (const a of anchors) add(role, a.phrase, mask, { maxGap: a.maxGap, cue: a.cue ?? false });
  };

  addAnchors(ROLE_FIRST, FIRST_PERSON, all);
  addAnchors(ROLE_OTHER, OTHER_PERSON, all);
  for (const w of MODIFIERS) add(ROLE_MODIFIER, w, all);
  for (const w of GENERIC) add(ROLE_GENERIC, w, all);
  lexicons.forEach((lex, cat) => {
    const bit = 1 << cat;
    for (const g of lex.groups) {
      const group: Group = {
        type: lex.type,
        id: g.id,
        strong: g.strength === "strong",
        value: g.value,
        selfAnchored: g.selfAnchored ?? false,
      };
      for (const t of g.terms) add(ROLE_TERM, t, bit, { cat, group });
    }
    for (const c of lex.cues) add(ROLE_CUE, c, bit);
    for (const w of lex.generic ?? []) add(ROLE_GENERIC, w, bit);
    for (const w of lex.modifiers ?? []) add(ROLE_MODIFIER, w, bit);
    for (const w of lex.frames ?? []) add(ROLE_FRAME, w, bit);
    addAnchors(ROLE_FIRST, lex.firstPerson ?? [], bit);
  });

  const table = new Map<number, Bucket>();
  const bucket = (key: number): Bucket => {
    let b = table.get(key);
    if (!b) table.set(key, (b = { nodes: [], hasTerm: false }));
    return b;
  };
  const child = (list: Node[], word: string, stem: boolean): Node => {
    let n = list.find((x) => x.word === word && x.stem === stem);
    if (!n) list.push((n = { word, stem, entries: [], hasTerm: false }));
    return n;
  };
  for (const e of byKey.values()) {
    const isTerm = e.role === ROLE_TERM;
    const last = e.words.length - 1;
    const first = bucket(wordKey(e.words[0]!));
    if (isTerm) first.hasTerm = true;
    let node = child(first.nodes, e.words[0]!, e.stem && last === 0);
    if (isTerm) node.hasTerm = true;
    for (let j = 1; j <= last; j++) {
      const w = e.words[j]!;
      bucket(wordKey(w)); // so that the scan keeps this word
      node.next ??= new Map();
      let list = node.next.get(wordKey(w));
      if (!list) node.next.set(wordKey(w), (list = []));
      node = child(list, w, e.stem && j === last);
      if (isTerm) node.hasTerm = true;
    }
    node.entries.push(e);
  }
  const bloom = new Int32Array(1 << (BLOOM_BITS - 5));
  for (const key of table.keys()) bloomAdd(bloom, key);
  let size = 16;
  while (size < table.size * 2) size <<= 1;
  const slotKeys = new Int32Array(size);
  const slotBuckets = new Array<Bucket | undefined>(size).fill(undefined);
  for (const [key, b] of table) {
    let i = tableSlot(key, size - 1);
    while (slotKeys[i] !== 0) i = (i + 1) & (size - 1);
    slotKeys[i] = key;
    slotBuckets[i] = b;
  }
  const finish = (n: Node): void => {
    if (!n.next) return;
    n.nextKeys = Int32Array.from(n.next.keys());
    n.nextLists = [...n.next.values()];
    for (const list of n.nextLists) list.forEach(finish);
  };
  for (const b of table.values()) b.nodes.forEach(finish);

  // The trigger of a phrase is its most specific word: the longest one that is not a frequent word.
  const frequent = new Set<string>(FREQUENT_WORDS);
  for (const e of byKey.values())
    if (e.role === ROLE_FIRST || e.role === ROLE_OTHER || e.role === ROLE_MODIFIER)
      e.words.forEach((w) => frequent.add(w));
  const specificity = (w: string) =>
    /^\d+$/.test(w) ? 0 : w.length < 2 ? 50 : (frequent.has(w) ? 100 : 200) + w.length;
  const triggers = new Map<number, Trigger[]>();
  for (const e of byKey.values()) {
    if (e.role !== ROLE_TERM) continue;
    const last = e.words.length - 1;
    let best = 0;
    for (let j = 1; j <= last; j++) if (specificity(e.words[j]!) >= specificity(e.words[best]!)) best = j;
    const word = e.words[best]!;
    const stem = e.stem && best === last;
    const key = wordKey(word);
    let list = triggers.get(key);
    if (!list) triggers.set(key, (list = []));
    let trigger = list.find((x) => x.word === word && x.stem === stem);
    if (!trigger) list.push((trigger = { word, stem, needs: [] }));
    if (last === 0) trigger.needs = undefined;
    else if (best < last)
      trigger.needs?.push({ next: true, word: e.words[best + 1]!, stem: e.stem && best + 1 === last });
    else trigger.needs?.push({ next: false, word: e.words[best - 1]!, stem: false });
  }
  const triggerBloom = new Int32Array(1 << (BLOOM_BITS - 5));
  for (const key of triggers.keys()) bloomAdd(triggerBloom, key);
  return {
    types: lexicons.map((l) => l.type),
    table,
    slotKeys,
    slotBuckets,
    bloom,
    triggers,
    triggerBloom,
    triggerTable: triggerTableOf(triggers),
  };
}

// ---- scan -------------------------------------------------------------------------------------------

/** Kept words: position in the token sequence, offsets, sentence number, bucket. Reused across calls. */
class Tokens {
  n = 0;
  idx = new Int32Array(256);
  start = new Int32Array(256);
  end = new Int32Array(256);
  sen = new Int32Array(256);
  key = new Int32Array(256);
  buckets: Bucket[] = [];

  reset(): void {
    this.n = 0;
    if (this.idx.length > 1 << 20) this.alloc(256);
    if (this.buckets.length > 1 << 20) this.buckets = [];
  }

  private alloc(cap: number): void {
    const grow = (a: Int32Array) => {
      const b = new Int32Array(cap);
      b.set(a.subarray(0, Math.min(this.n, cap)));
      return b;
    };
    this.idx = grow(this.idx);
    this.start = grow(this.start);
    this.end = grow(this.end);
    this.sen = grow(this.sen);
    this.key = grow(this.key);
  }

  push(idx: number, start: number, end: number, sen: number, key: number, b: Bucket): void {
    if (this.n === this.idx.length) this.alloc(this.idx.length * 2);
    const k = this.n++;
    this.key[k] = key;
    this.idx[k] = idx;
    this.start[k] = start;
    this.end[k] = end;
    this.sen[k] = sen;
    this.buckets[k] = b;
  }
}

const TOKENS = new Tokens();

function isSentenceBreak(lower: string, i: number, c: number): boolean {
  if (c === 10 || c === 13 || c === 33 || c === 63 || c === 59) return true; // \n \r ! ? ;
  if (c === 46) {
    const d = i + 1 < lower.length ? lower.charCodeAt(i + 1) : 32;
    return d === 32 || d === 10 || d === 13 || d === 9;
  }
  return c === 0x3002 || c === 0xff01 || c === 0xff1f;
}

/** `scan` over the words of a shared tokenization (see SharedWords): same words, keys and sentence numbers. */
function scanWords(
  lower: string,
  compiled: CompiledLexicons,
  out: Tokens,
  from: number,
  to: number,
  w: SharedWords,
): boolean {
  out.reset();
  const { slotKeys, slotBuckets, bloom } = compiled;
  const mask = slotKeys.length - 1;
  // the first token that ends after `from`
  let lo = 0;
  let hi = w.count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (w.end[mid]! <= from) lo = mid + 1;
    else hi = mid;
  }
  let idx = 0;
  let sen = 0;
  let hasTerm = false;
  let gap = from; // start of the characters between the previous word and the next
  const word = (s: number, e: number, given: number): void => {
    if (e <= s) return;
    let key = given;
    if (key < 0) {
      // as `scan` keys a word: its first KEY_CHARS characters that are no combining mark
      let h = 0;
      let k = 0;
      for (let q = s; q < e && k < KEY_CHARS; q++) {
        const c = lower.charCodeAt(q);
        if (c < 128) h = (h * 31 + c) | 0;
        else if (!isMark(c)) h = (h * 31 + fold(c)) | 0;
        else continue;
        k++;
      }
      key = keyOf(h, k);
    }
    if (bloomHas(bloom, key)) {
      let i = tableSlot(key, mask);
      for (let y = slotKeys[i]!; y !== key && y !== 0; y = slotKeys[i]!) i = (i + 1) & mask;
      const b = slotBuckets[i];
      if (b !== undefined) {
        out.push(idx, s, e, sen, key, b);
        if (b.hasTerm) hasTerm = true;
      }
    }
    idx++;
  };
  for (let t = lo; t < w.count; t++) {
    let s = w.start[t]!;
    if (s >= to) break;
    for (let q = gap; q < s; q++) {
      const c = lower.charCodeAt(q);
      if (c !== 32 && isSentenceBreak(lower, q, c)) sen++;
    }
    const whole = s >= from && w.end[t]! <= to;
    if (s < from) s = from;
    const e = Math.min(w.end[t]!, to);
    const k = w.kind[t]!;
    if (!(k & w.joinedBit)) word(s, e, whole && !(k & w.computeBits) ? w.key[t]! : -1);
    else {
      let ws = s;
      for (let q = s; q < e; q++) {
        const c = lower.charCodeAt(q);
        if (c === 39 || c === 45 || c === 0x2019) {
          word(ws, q, -1);
          ws = q + 1;
        }
      }
      word(ws, e, -1);
    }
    gap = e;
  }
  return hasTerm;
}

/** The word lower[s, e) equals the folded word `w` (or starts with it when `stem`). */
function wordEquals(lower: string, s: number, e: number, w: string, stem: boolean): boolean {
  let j = 0;
  for (let i = s; i < e; i++) {
    const c = lower.charCodeAt(i);
    if (isMark(c)) continue;
    if (j === w.length) return stem;
    if (fold(c) !== w.charCodeAt(j)) return false;
    j++;
  }
  return j === w.length;
}

/** Between two words of a phrase: one or two of space, hyphens, slash, apostrophes, dot, underscore. */
function phraseGap(lower: string, from: number, to: number): boolean {
  if (to - from < 1 || to - from > 2) return false;
  for (let i = from; i < to; i++) {
    const c = lower.charCodeAt(i);
    if (!(
      c === 32 ||
      c === 45 ||
      c === 47 ||
      c === 39 ||
      c === 46 ||
      c === 95 ||
      c === 0x2010 ||
      c === 0x2011 ||
      c === 0x2013 ||
      c === 0x2019 ||
      c === 0xa0
    ))
      return false;
  }
  return true;
}

interface Match {
  e: Entry;
  /** Token positions [i0, i1) in the whole text's word sequence. */
  i0: number;
  i1: number;
  start: number;
  end: number;
  sen: number;
}

/**
 * Walk the phrase trie from kept word `p`: `nodes` are the candidates for word `p + depth`. Pushes a match
 * for every entry whose phrase ends at a matching node (only terms when `termsOnly`); returns whether any.
 */
function walk(
  lower: string,
  t: Tokens,
  p: number,
  depth: number,
  nodes: readonly Node[],
  termsOnly: boolean,
  out: Match[] | undefined,
): boolean {
  const q = p + depth;
  if (depth > 0) {
    if (q >= t.n || t.idx[q] !== t.idx[p]! + depth || t.sen[q] !== t.sen[p]) return false;
    if (!phraseGap(lower, t.end[q - 1]!, t.start[q]!)) return false;
  }
  let found = false;
  const ws = t.start[q]!;
  const we = t.end[q]!;
  const len = we - ws;
  for (const node of nodes) {
    if (termsOnly && !node.hasTerm) continue;
    // the nodes of a bucket share their first characters: without marks, the length tells most of them apart
    const wl = node.word.length;
    if (wordsMarkFree && (node.stem ? len < wl : len !== wl)) continue;
    if (!wordEquals(lower, ws, we, node.word, node.stem)) continue;
    for (const e of node.entries) {
      if (termsOnly && e.role !== ROLE_TERM) continue;
      found = true;
      if (!out) return true;
      out.push({
        e,
        i0: t.idx[p]!,
        i1: t.idx[p]! + depth + 1,
        start: t.start[p]!,
        end: t.end[q]!,
        sen: t.sen[p]!,
      });
    }
    const nk = node.nextKeys;
    if (nk !== undefined && q + 1 < t.n) {
      const key = t.key[q + 1]!;
      let list: Node[] | undefined;
      for (let j = 0; j < nk.length; j++)
        if (nk[j] === key) {
          list = node.nextLists![j];
          break;
        }
      if (list && walk(lower, t, p, depth + 1, list, termsOnly, out)) {
        found = true;
        if (!out) return true;
      }
    }
  }
  return found;
}

/**
 * All lexicon matches around the terms of the text, in word order. Terms are looked for first; the other
 * entries (anchors, cues, modifiers: frequent words) only within the windows of a term.
 */
function matchesOf(lower: string, t: Tokens): Match[] {
  const termAt: number[] = [];
  for (let p = 0; p < t.n; p++) {
    const b = t.buckets[p]!;
    if (b.hasTerm && walk(lower, t, p, 0, b.nodes, true, undefined)) termAt.push(t.idx[p]!);
  }
  if (termAt.length === 0) return [];
  const out: Match[] = [];
  let r = 0;
  for (let p = 0; p < t.n; p++) {
    const idx = t.idx[p]!;
    while (r < termAt.length && termAt[r]! + FRAME_WINDOW + 8 < idx) r++;
    if (r === termAt.length) break;
    if (idx < termAt[r]! - FRAME_WINDOW) continue;
    const b = t.buckets[p]!;
    if (b.nodes.length > 0) walk(lower, t, p, 0, b.nodes, false, out);
  }
  return out;
}

// ---- values -----------------------------------------------------------------------------------------

const LEAD = String.raw`[\s:=(]{0,4}(?:(?:is|was|of|at|about|around|level|levels|reading|von|bei|beträgt|liegt bei|de|est|du|es|=)[\s:=]{1,3}){0,2}`;
const VALUE_RE: Record<ValueKind, RegExp> = {
  measure: new RegExp(
    String.raw`${LEAD}[<>≤≥~]?\s?\d{1,3}(?:[.,]\d{1,2})?(?!\d)\s?(?:%|mg/dl|mmol/l|mmol/mol|g/dl|g/l|ng/ml|ng/dl|pg/ml|[µμ]g/l|m?iu/l|u/l|mm\s?hg|bpm|/\s?\d{2,3})?`,
    "y",
  ),
  dose: new RegExp(
    String.raw`${LEAD}\d{1,4}(?:[.,]\d{1,3})?\s?(?:mg|mcg|[µμ]g|g|ml|iu|ie|ui|units?|einheiten|unités|unidades|tablets?|tabs?|pills?|capsules?|tabletten|comprimés?|comprimidos?|puffs?|hübe)(?![\p{L}\p{N}])`,
    "yu",
  ),
  money: new RegExp(
    String.raw`${LEAD}(?:[$€£¥]\s?\d[\d,.' ]{0,14}[km]?|\d[\d,.' ]{0,14}\s?(?:k(?![\p{L}])|€|eur(?![\p{L}])|euros?(?![\p{L}])|usd(?![\p{L}])|dollars?(?![\p{L}])|£|gbp(?![\p{L}])|pounds?(?![\p{L}])|chf(?![\p{L}])|\$)|\d[\d,.']{2,14}\s?(?:(?:a|an|per|/)\s?(?:year|yr|month|mo|annum|hour|hr|week)(?![\p{L}])|p\.a\.))`,
    "yu",
  ),
  score: new RegExp(
    String.raw`${LEAD}\d(?:[.,]\d)?\s?(?:/\s?\d{1,2}|out of \d{1,2}|von \d{1,2}|sur \d{1,2}|de \d{1,2})`,
    "y",
  ),
};

/** End offset of a value of `kind` right after `end`, or -1. */
function valueAfter(lower: string, end: number, kind: ValueKind): number {
  const re = VALUE_RE[kind];
  re.lastIndex = end;
  const m = re.exec(lower);
  if (!m) return -1;
  // The value must contain a digit (LEAD alone matches "is ").
  return /\d/.test(m[0]) ? end + m[0].trimEnd().length : -1;
}

// ---- decide -----------------------------------------------------------------------------------------

/**
 * Find special-category statements in `lower` (the lower-cased text; offsets are into it and into the
 * original text, which has the same length), cut into `words` (a shared tokenization or `ownWords`).
 */
export function detectSpecial(
  lower: string,
  compiled: CompiledLexicons,
  recognizer: string,
  words: SharedWords,
): Detection[] {
  const at = triggersInWords(lower, compiled, words);
  // without a trigger word that stands where its term can be, no term occurs: nothing to analyse
  if (!confirmed) return NO_DETECTIONS;
  shared = words;
  wordsMarkFree = words.markFree;
  const out: Detection[] = [];
  const len = lower.length;
  let k = 0;
  while (k < at.length) {
    // One region around this trigger and every trigger whose window overlaps it.
    const regionFrom = Math.max(0, at[k]! - WINDOW_CHARS);
    let regionTo = Math.min(len, at[k]! + WINDOW_CHARS);
    k++;
    while (k < at.length && at[k]! - WINDOW_CHARS <= regionTo)
      regionTo = Math.min(len, at[k++]! + WINDOW_CHARS);
    // Analysed in cores of bounded size, each with WINDOW_CHARS of context on both sides, so that memory
    // stays bounded on long runs of lexicon words; a term belongs to the core its first character is in.
    for (let c0 = regionFrom; c0 < regionTo; c0 += CORE_CHARS) {
      const c1 = Math.min(regionTo, c0 + CORE_CHARS);
      analyseCore(lower, compiled, recognizer, c0, c1, out);
    }
  }
  shared = undefined;
  return out;
}

/** The shared words of the text being analysed (see detectSpecial), or undefined. */
let shared: SharedWords | undefined;
/** `shared.markFree`: no word of the text holds a combining mark (one code unit per compared character). */
let wordsMarkFree = false;

/** Characters of context analysed on each side of a trigger word (anchors, cues, frames all fit). */
const WINDOW_CHARS = 240;
/** Largest stretch analysed at once. */
const CORE_CHARS = 4096;

function analyseCore(
  lower: string,
  compiled: CompiledLexicons,
  recognizer: string,
  c0: number,
  c1: number,
  out: Detection[],
): void {
  let from = Math.max(0, c0 - WINDOW_CHARS);
  let to = Math.min(lower.length, c1 + WINDOW_CHARS);
  // Whole words only: a bounded walk (a "word" longer than the window is not a lexicon word anyway).
  for (let n = 0; from > 0 && n < 64 && isWordChar(lower.charCodeAt(from - 1)); n++) from--;
  for (let n = 0; to < lower.length && n < 64 && isWordChar(lower.charCodeAt(to)); n++) to++;
  const t = TOKENS;
  if (!scanWords(lower, compiled, t, from, to, shared!)) return;
  const ms = matchesOf(lower, t);
  for (let q = 0; q < ms.length; q++) {
    const m = ms[q]!;
    if (m.e.role !== ROLE_TERM || m.start < c0 || m.start >= c1) continue;
    const d = decide(lower, ms, q, m, compiled.types[m.e.cat]!, recognizer);
    if (d) out.push(d);
  }
}

/**
 * Words of `lower` found by a shared tokenizer that agrees with `isWordChar` on every character of the
 * text and that has no combining mark: the words are the tokens, split at the apostrophes and hyphens
 * inside the tokens marked `joinedBit` in `kind`.
 */
export interface SharedWords {
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly kind: Uint8Array;
  readonly count: number;
  readonly joinedBit: number;
  /** Tokens whose key is given in `key` have none of these bits in `kind`. */
  readonly computeBits: number;
  /** `wordKey` of the token's word, for tokens without `computeBits`. */
  readonly key: Int32Array;
  /**
   * No word holds a combining mark: each code unit is one compared character, so a word's length can rule out a
   * trigger or a lexicon word before it is compared.
   */
  readonly markFree: boolean;
}

/**
 * Per code unit: 0 when it is no word character, 1 for a combining mark (inside a word, no part of its
 * key), else the code unit as a key counts it (ASCII as is, Latin folded).
 */
const WORD_CODE = new Uint16Array(65536);
for (let c = 0; c < 65536; c++) WORD_CODE[c] = !isWordChar(c) ? 0 : isMark(c) ? 1 : c < 128 ? c : fold(c);

let ownStart = new Int32Array(256);
let ownEnd = new Int32Array(256);
let ownKey = new Int32Array(256);
/** Always zero: the own words are never joined and their keys are always given. */
let ownKind = new Uint8Array(256);

/**
 * The scanner's own words of `lower` (runs of word characters, keyed as `scan` keys them) in one pass,
 * for `detectSpecial` when no shared tokenization of the record exists. Valid until the next call.
 * @example ownWords("my diabetes").count // 2
 */
export function ownWords(lower: string): SharedWords {
  const len = lower.length;
  if (ownStart.length < (len >> 1) + 2) {
    const cap = Math.max((len >> 1) + 2, ownStart.length * 2);
    ownStart = new Int32Array(cap);
    ownEnd = new Int32Array(cap);
    ownKey = new Int32Array(cap);
    ownKind = new Uint8Array(cap);
  }
  const start = ownStart;
  const end = ownEnd;
  const key = ownKey;
  let count = 0;
  let marks = false;
  let i = 0;
  while (i < len) {
    let w = WORD_CODE[lower.charCodeAt(i)]!;
    if (w === 0) {
      i++;
      continue;
    }
    const s = i;
    let h = 0;
    let k = 0;
    for (;;) {
      if (w === 1) marks = true;
      else if (k < KEY_CHARS) {
        h = (Math.imul(h, 31) + w) | 0;
        k++;
      }
      if (++i >= len) break;
      w = WORD_CODE[lower.charCodeAt(i)]!;
      if (w === 0) break;
    }
    start[count] = s;
    end[count] = i;
    // a word of marks only has no key (0 matches nothing) but still counts as a word
    key[count] = k > 0 ? keyOf(h, k) : 0;
    count++;
  }
  // kind 0 everywhere: no word is joined and every key is given
  return { start, end, kind: ownKind, count, joinedBit: 1, computeBits: 0xff, key, markFree: !marks };
}

/** Start offsets of the trigger words found by `triggersInWords` (reused: detectSpecial is not re-entered). */
const AT: number[] = [];
/** One trigger word found by `triggersInWords` stands where one of its terms can occur (see `confirms`). */
let confirmed = false;

/**
 * Start offsets of the trigger words among `w` (a hash test per word, from its given key when it has one), in
 * `AT`; sets `confirmed`.
 */
function triggersInWords(lower: string, compiled: CompiledLexicons, w: SharedWords): number[] {
  const out = AT;
  if (out.length !== 0) out.length = 0; // (setting the length is a call into the runtime)
  confirmed = false;
  const { triggerBloom, triggerTable } = compiled;
  const { keys: tKeys, lengths: tLengths, mask: tMask } = triggerTable;
  const { start, end, kind, key, computeBits, markFree } = w;
  for (let t = 0; t < w.count; t++) {
    const k = kind[t]!;
    if (!(k & computeBits)) {
      const x = key[t]!;
      if (!bloomHas(triggerBloom, x)) continue;
      let i = triggerSlot(triggerTable, x);
      for (let y = tKeys[i]!; y !== x && y !== 0; y = tKeys[i]!) i = (i + 1) & tMask;
      if (tKeys[i] === 0) continue;
      const s = start[t]!;
      const e = end[t]!;
      // without marks a word has one code unit per compared character: its length must fit
      const len = e - s;
      if (markFree && ((tLengths[i]! >>> (len < 31 ? len : 31)) & 1) === 0) continue;
      matchTriggers(lower, s, e, triggerTable.lists[i]!, out);
      continue;
    }
    const s = start[t]!;
    const e = end[t]!;
    if (!(k & w.joinedBit)) {
      triggerAt(lower, compiled, s, e, out);
      continue;
    }
    let ws = s;
    for (let q = s; q < e; q++) {
      const c = lower.charCodeAt(q);
      if (c === 39 || c === 45 || c === 0x2019) {
        triggerAt(lower, compiled, ws, q, out);
        ws = q + 1;
      }
    }
    triggerAt(lower, compiled, ws, e, out);
  }
  return out;
}

/** Push `s` when the word lower[s, e) (no marks) is a trigger. */
function triggerAt(lower: string, compiled: CompiledLexicons, s: number, e: number, out: number[]): void {
  if (e <= s) return;
  let h = 0;
  const lim = Math.min(e, s + KEY_CHARS);
  for (let q = s; q < lim; q++) {
    const c = lower.charCodeAt(q);
    h = (h * 31 + (c < 128 ? c : fold(c))) | 0;
  }
  const key = keyOf(h, lim - s);
  if (!bloomHas(compiled.triggerBloom, key)) return;
  const list = compiled.triggers.get(key);
  if (list !== undefined) matchTriggers(lower, s, e, list, out);
}

/** Push `s` when the word lower[s, e) is one of `list`; note whether one of those it is confirms a term. */
function matchTriggers(lower: string, s: number, e: number, list: readonly Trigger[], out: number[]): void {
  let found = false;
  for (const x of list) {
    if (!wordEquals(lower, s, e, x.word, x.stem)) continue;
    if (!found) out.push(s);
    found = true;
    if (confirmed) return;
    if (confirms(lower, s, e, x)) {
      confirmed = true;
      return;
    }
  }
}

/**
 * The trigger word `x` at lower[s, e) can be part of one of its terms: the term is the word alone, or the word
 * next to it in the term is next to it in the text, a gap of one or two characters away (as `walk` requires, see
 * `phraseGap`). Without one, no term occurs there.
 */
function confirms(lower: string, s: number, e: number, x: Trigger): boolean {
  const needs = x.needs;
  if (needs === undefined) return true;
  const n = lower.length;
  // the words right after and right before, as the scanner cuts them (-1: none within a gap)
  let as = e + 1;
  while (as < n && as <= e + 2 && !isWordChar(lower.charCodeAt(as))) as++;
  if (as >= n || as > e + 2) as = -1;
  let ae = as;
  if (as >= 0) while (ae < n && isWordChar(lower.charCodeAt(ae))) ae++;
  let be = s - 1;
  while (be > 0 && be >= s - 2 && !isWordChar(lower.charCodeAt(be - 1))) be--;
  if (be <= 0 || be < s - 2) be = -1;
  let bs = be;
  if (be >= 0) while (bs > 0 && isWordChar(lower.charCodeAt(bs - 1))) bs--;
  for (const need of needs) {
    if (need.next) {
      if (as >= 0 && wordEquals(lower, as, ae, need.word, need.stem)) return true;
    } else if (be >= 0 && wordEquals(lower, bs, be, need.word, need.stem)) return true;
  }
  return false;
}

function decide(
  lower: string,
  ms: Match[],
  q: number,
  m: Match,
  type: SpecialType,
  recognizer: string,
): Detection | undefined {
  const g = m.e.group!;
  const bit = 1 << m.e.cat;
  let score = g.strong ? WEIGHTS.strong : WEIGHTS.weak;
  let modifiers = 0; // bit d: word m.i0-1-d is a modifier of this category
  // Walking backwards, the words between an anchor and the term are seen before the anchor, so an anchor
  // can be checked when it is met. First-person beats other-person, then the closest wins.
  let anchor: Match | undefined;
  let cue1: Match | undefined;
  let cue2: Match | undefined;
  let cueAfter: Match | undefined;
  let generic = false;
  let frame = false;

  for (let r = q - 1; r >= 0; r--) {
    const x = ms[r]!;
    if (x.sen !== m.sen || x.i0 < m.i0 - FRAME_WINDOW) break;
    if ((x.e.mask & bit) === 0) continue;
    switch (x.e.role) {
      case ROLE_MODIFIER: {
        const dd = m.i0 - 1 - x.i0;
        if (dd >= 0 && dd < MAX_ANCHOR_GAP) modifiers |= 1 << dd;
        break;
      }
      case ROLE_FIRST:
      case ROLE_OTHER: {
        const gap = m.i0 - x.i1;
        if (x.i1 > m.i0 || gap > x.e.maxGap) break;
        const need = (1 << gap) - 1;
        if ((modifiers & need) !== need) break;
        if (!anchor || rank(x) > rank(anchor)) anchor = x;
        break;
      }
      case ROLE_CUE:
        if (x.i1 <= m.i0 && x.i0 >= m.i0 - CUE_BEFORE) {
          if (!cue1) cue1 = x;
          else cue2 ??= x;
        }
        break;
      case ROLE_GENERIC:
        if (x.i0 >= m.i0 - GENERIC_WINDOW) generic = true;
        break;
      case ROLE_FRAME:
        frame = true;
        break;
    }
  }
  for (let r = q + 1; r < ms.length; r++) {
    const x = ms[r]!;
    if (x.sen !== m.sen || x.i0 >= m.i1 + FRAME_WINDOW) break;
    if ((x.e.mask & bit) === 0) continue;
    // A generic phrase may overlap the term ("fired up" after "I got fired"); the rest must follow it.
    if (x.e.role === ROLE_GENERIC && x.i0 < m.i1 + GENERIC_WINDOW) generic = true;
    else if (x.i0 < m.i1) continue;
    else if (x.e.role === ROLE_CUE && x.i0 < m.i1 + CUE_AFTER) cueAfter ??= x;
    else if (x.e.role === ROLE_FRAME) frame = true;
  }

  let start = m.start;
  let end = m.end;
  if (g.selfAnchored) score += WEIGHTS.firstPerson;
  else if (anchor) {
    score += anchor.e.role === ROLE_FIRST ? WEIGHTS.firstPerson : WEIGHTS.otherPerson;
    start = Math.min(start, anchor.start);
  } else if (frame) score += WEIGHTS.otherPerson;

  // The cue: the closest one before that does not overlap the anchor (unless the anchor is itself a cue).
  const overlapsAnchor = (c: Match) => anchor !== undefined && c.i0 < anchor.i1 && c.i1 > anchor.i0;
  let cue: Match | undefined = anchor?.e.cue ? anchor : undefined;
  if (!cue && cue1 && !overlapsAnchor(cue1)) cue = cue1;
  if (!cue && cue2 && !overlapsAnchor(cue2)) cue = cue2;
  if (cue) {
    start = Math.min(start, cue.start);
  } else if (cueAfter) {
    cue = cueAfter;
    end = Math.max(end, cueAfter.end);
  }
  if (cue) score += WEIGHTS.cue;

  if (g.value) {
    const v = valueAfter(lower, m.end, g.value);
    if (v > 0) {
      score += WEIGHTS.value;
      end = Math.max(end, v);
    }
  }
  if (generic) score += WEIGHTS.generic;
  if (score < WEIGHTS.threshold - 1e-9) return undefined;
  return { start, end, type, score: Math.min(0.95, Math.round(score * 100) / 100), level: 4, recognizer };
}

function rank(a: Match): number {
  return a.e.role === ROLE_FIRST ? 2 : 1;
}
