/**
 * Lexicon format of the special-category recognizer and the character-level helpers it shares with the
 * scanner (word characters, diacritic folding, the first-characters key of a word).
 *
 * A lexicon is data: term groups (strong or weak), cue phrases, generic words, and a few category-specific
 * anchors. Phrases are written naturally ("crohn's disease", "W-2", "Steuererklärung"); they are cut into
 * words exactly as the scanner cuts text, so "W-2" matches "w 2", "W-2" and "W‑2". A trailing `*` makes the
 * last word a stem ("diabet*" matches "diabetes", "diabetic"). Accents are folded on both sides
 * ("diabète" = "diabete").
 */

export type SpecialType = "HEALTH" | "FINANCE_TAX" | "HR_PERFORMANCE" | "RELIGION" | "POLITICS" | "SEXUALITY";

/** A value right after a term that turns it into a concrete fact about someone. */
export type ValueKind =
  /** a lab or vital measurement: "HbA1c 7.2%", "blood pressure 140/90", "cholesterol 240" */
  | "measure"
  /** a dose: "sertraline 50 mg", "insulin 10 units" */
  | "dose"
  /** an amount of money: "salary $85,000", "refund: 1.234 €" */
  | "money"
  /** a rating: "rating 2/5", "rated 3 out of 5" */
  | "score";

export interface TermGroup {
  /** Short name, for docs and tests. */
  id: string;
  /**
   * `strong`: specific to the category ("chemotherapy", "metformin", "Steuererklärung"); fires with a person
   * anchor ("my", "I have") OR a category cue ("diagnosed with"), or a value. `weak`: ambiguous ("cold",
   * "party", "rating"); fires only with an anchor AND a cue (or an anchor and a value).
   */
  strength: "strong" | "weak";
  value?: ValueKind;
  /** The phrases are themselves first-person statements ("I was fired"): they count as anchored. */
  selfAnchored?: boolean;
  terms: readonly string[];
}

/** A phrase that ties a term to a particular person, and how many modifier words may sit between them. */
export interface Anchor {
  phrase: string;
  maxGap: number;
  /** The anchor is itself a category cue ("I voted"): it also counts as the cue. */
  cue?: boolean;
}

export interface SpecialLexicon {
  type: SpecialType;
  groups: readonly TermGroup[];
  /** Phrases that make a nearby term a statement in this category ("diagnosed with", "voted for"). */
  cues: readonly string[];
  /** Words that make a nearby term generic rather than about someone ("research", "awareness"). */
  generic?: readonly string[];
  /** Extra words allowed between an anchor and a term in this category ("on" in "I'm on metformin"). */
  modifiers?: readonly string[];
  /** Sentence-wide mentions of one particular other person (clinical notes: "patient", "year-old"). */
  frames?: readonly string[];
  /** Category-specific first-person anchors ("i voted"). */
  firstPerson?: readonly Anchor[];
}

// ---- characters -------------------------------------------------------------------------------------

/** 1 for ASCII letters and digits. */
export const ASCII_WORD = new Uint8Array(128);
for (let c = 48; c <= 57; c++) ASCII_WORD[c] = 1;
for (let c = 97; c <= 122; c++) ASCII_WORD[c] = 1;
for (let c = 65; c <= 90; c++) ASCII_WORD[c] = 1;

/** Letters and digits; apostrophes, hyphens, punctuation, symbols, emoji and spaces separate words. */
export function isWordChar(c: number): boolean {
  if (c < 128) return ASCII_WORD[c] === 1;
  if (c < 0xc0) return false; // Latin-1 punctuation, nbsp, ª º
  if (c === 0xd7 || c === 0xf7) return false;
  if (c >= 0x2000 && c <= 0x2bff) return false; // general punctuation, symbols, arrows
  if (c >= 0x3000 && c <= 0x303f) return false; // CJK punctuation
  if (c >= 0xd800 && c <= 0xdfff) return false; // surrogates (emoji)
  if (c >= 0xfe00 && c <= 0xfe0f) return false; // variation selectors
  if (c >= 0xff00 && c <= 0xff0f) return false; // full-width punctuation
  return true;
}

/** Combining diacritical marks: part of a word, ignored when comparing (NFD text). */
export function isMark(c: number): boolean {
  return c >= 0x300 && c <= 0x36f;
}

const FOLD = new Uint16Array(0x250);
for (let c = 0; c < 0x250; c++) {
  const base = String.fromCharCode(c).toLowerCase().normalize("NFD").charCodeAt(0);
  FOLD[c] = base < 0x250 ? base : c;
}

/** Lower-case ASCII/Latin letter without its diacritic (é → e, ü → u); other characters unchanged. */
export function fold(c: number): number {
  return c < 0x250 ? FOLD[c]! : c;
}

/** Key of a word: a hash of its first four folded characters (marks skipped) and how many there were. */
export const KEY_CHARS = 4;

export function keyOf(h: number, k: number): number {
  return ((h & 0x07ffffff) << 3) | k;
}

/**
 * Cut a phrase into folded words, as the scanner cuts text.
 * @example words("Crohn's disease") // ["crohn", "s", "disease"]
 */
export function words(phrase: string): string[] {
  const out: string[] = [];
  let cur = "";
  const lower = phrase.toLowerCase();
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (isWordChar(c)) {
      if (!isMark(c)) cur += String.fromCharCode(fold(c));
    } else if (cur) {
      out.push(cur);
      cur = "";
    }
  }
  if (cur) out.push(cur);
  return out;
}

/** The key of a folded word (as `words` returns them). */
export function wordKey(w: string): number {
  let h = 0;
  const k = Math.min(KEY_CHARS, w.length);
  for (let i = 0; i < k; i++) h = (h * 31 + w.charCodeAt(i)) | 0;
  return keyOf(h, k);
}
