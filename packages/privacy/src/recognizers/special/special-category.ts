import type { Detection, Recognizer } from "../../types.js";
import type { SpecialLexicon } from "./lexicon.js";
import { FINANCE_TAX } from "./lexicons/finance-tax.js";
import { HEALTH } from "./lexicons/health.js";
import { HR_PERFORMANCE } from "./lexicons/hr-performance.js";
import { POLITICS } from "./lexicons/politics.js";
import { RELIGION } from "./lexicons/religion.js";
import { SEXUALITY } from "./lexicons/sexuality.js";
import { CH_MARK, CH_SPECIAL_DISAGREE, K_JOINED, K_NONASCII, peekTokens } from "../people/tokens.js";
import { compileLexicons, detectSpecial, ownWords, type SharedWords } from "./scanner.js";

/**
 * The special categories, one lexicon each. Adding one: write its lexicon module and list it here; its
 * type must also be named (level 4, maskable false) in the policy's `entities.types`.
 */
export const SPECIAL_LEXICONS: readonly SpecialLexicon[] = [
  HEALTH,
  FINANCE_TAX,
  HR_PERFORMANCE,
  RELIGION,
  POLITICS,
  SEXUALITY,
];

const COMPILED = compileLexicons(SPECIAL_LEXICONS);

/** The record's shared tokens as the scanner's words, one object refilled per record (no allocation). */
const SHARED: { -readonly [F in keyof SharedWords]: SharedWords[F] } = {
  start: new Int32Array(0),
  end: new Int32Array(0),
  kind: new Uint8Array(0),
  count: 0,
  joinedBit: K_JOINED,
  computeBits: K_JOINED | K_NONASCII,
  key: new Int32Array(0),
  // detect gives the shared tokens only to a text without a combining mark (CH_MARK: any \p{M})
  markFree: true,
};

/** Lower-case without changing the length (a few characters, e.g. 'İ', lower-case to two code units). */
function sameLengthLower(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const lc = ch.toLowerCase();
    out += lc.length === 1 ? lc : ch;
  }
  return out;
}

/**
 * Statements about a person's health, tax/finance, HR/performance, religion, politics or sexuality
 * (types HEALTH, FINANCE_TAX, HR_PERFORMANCE, RELIGION, POLITICS, SEXUALITY; level 4). A lone ambiguous
 * word never fires: a term needs a person anchor, a category cue or a value around it (see scanner.ts).
 * The span covers the statement (anchor or cue, term, value). The policy marks these types unmaskable, so
 * a record that contains one is classified 4 and dropped.
 * @example specialCategories.detect({ text: "I was diagnosed with diabetes", lower: "i was diagnosed with diabetes", channel: "typed" })[0].type // "HEALTH"
 */
export const specialCategories: Recognizer = {
  id: "special-category",
  types: COMPILED.types,
  detect(input): Detection[] {
    const found = detectAll(input.text, input.lower);
    return found.length === 0 ? found : withoutNamedKin(input.text, found);
  },
};

/**
 * Religions' words that are given names too ("Christian", "Baptist", "Shia", "Jain"), read from the lower-cased text.
 */
const NAME_TERMS = /\b(?:christian|baptist|shia|jain)\b/g;
/** A family member's or a companion's noun right before a name: "my wife Christian", "his son Baptist". */
const KIN_BEFORE =
  /(?:^|[^\p{L}])(?:wife|husband|partner|son|daughter|brother|sister|mother|father|mom|mum|dad|uncle|aunt|cousin|nephew|niece|friend|colleague|boyfriend|girlfriend|fiancée?|frau|mann|sohn|tochter|bruder|schwester|femme|mari|fils|fille|frère|sœur|esposa|esposo|hijo|hija|hermano|hermana) $/u;

/**
 * `found` without the religion statements whose religion's word is a name: written with a capital right after a
 * family member's noun, with no verb or article between ("Survived by his wife Christian Engström", "my husband
 * Christian called"). "my wife is Christian", "my wife, a Christian" and "my Christian wife" stay.
 */
function withoutNamedKin(text: string, found: Detection[]): Detection[] {
  let out: Detection[] | undefined;
  for (let i = 0; i < found.length; i++) {
    const d = found[i]!;
    const named = d.type === "RELIGION" && namesKin(text, d.start, d.end);
    if (named && out === undefined) out = found.slice(0, i);
    else if (!named && out !== undefined) out.push(d);
  }
  return out ?? found;
}

function namesKin(text: string, start: number, end: number): boolean {
  const span = text.slice(start, end);
  const lower = span.toLowerCase();
  NAME_TERMS.lastIndex = 0;
  for (let m = NAME_TERMS.exec(lower); m !== null; m = NAME_TERMS.exec(lower)) {
    const c = span.charCodeAt(m.index);
    if (
      c >= 65 &&
      c <= 90 &&
      KIN_BEFORE.test(text.slice(Math.max(0, start + m.index - 16), start + m.index).toLowerCase())
    )
      return true;
  }
  return false;
}

/** The statements the scanner reads in one record, before `withoutNamedKin`. */
function detectAll(text: string, lower: string): Detection[] {
  if (lower.length === text.length) {
    // the record's shared tokens, when another recognizer has made them, give the words when they are
    // cut exactly as the scanner cuts them; else the scanner's own pass over the text is cheaper
    const toks = peekTokens(text);
    if (toks !== undefined && !(toks.chars & (CH_MARK | CH_SPECIAL_DISAGREE))) {
      const w = SHARED;
      w.start = toks.start;
      w.end = toks.end;
      w.kind = toks.kind;
      w.count = toks.count;
      w.key = toks.specialKey;
      return detectSpecial(lower, COMPILED, "special-category", w);
    }
  }
  const l = lower.length === text.length ? lower : sameLengthLower(text);
  return detectSpecial(l, COMPILED, "special-category", ownWords(l));
}
