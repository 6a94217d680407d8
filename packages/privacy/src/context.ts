/**
 * Context helpers shared by recognizers: look for announcing words just before (or after) a candidate.
 * They work on the lower-cased text so callers pay for `toLowerCase` once per record.
 */

/**
 * True when one of `words` (lower-case) ends within `window` characters before `start`.
 * @example hasContextBefore("my ssn is 123", 10, ["ssn"], 20) // true
 */
export function hasContextBefore(
  lower: string,
  start: number,
  words: readonly string[],
  window = 40,
): boolean {
  const from = Math.max(0, start - window);
  const slice = lower.slice(from, start);
  for (const w of words) if (containsWord(slice, w)) return true;
  return false;
}

/**
 * True when one of `words` starts within `window` characters after `end`.
 * @example hasContextAfter("123 is my pin", 3, ["pin"], 20) // true
 */
export function hasContextAfter(lower: string, end: number, words: readonly string[], window = 40): boolean {
  const slice = lower.slice(end, end + window);
  for (const w of words) if (containsWord(slice, w)) return true;
  return false;
}

/**
 * Either side.
 * @example hasContext("card 4111 exp", 5, 9, ["card"]) // true
 */
export function hasContext(
  lower: string,
  start: number,
  end: number,
  words: readonly string[],
  window = 40,
): boolean {
  return hasContextBefore(lower, start, words, window) || hasContextAfter(lower, end, words, window);
}

const WORDCHAR = /[\p{L}\p{N}_]/u;

/**
 * Whole-word containment: `word` occurs in `hay` not glued to other letters or digits.
 * @example containsWord("the pin: 1234", "pin") // true
 * @example containsWord("spinning", "pin") // false
 */
export function containsWord(hay: string, word: string): boolean {
  let i = hay.indexOf(word);
  while (i >= 0) {
    const before = i === 0 ? "" : hay[i - 1]!;
    const after = hay[i + word.length] ?? "";
    if ((before === "" || !WORDCHAR.test(before)) && (after === "" || !WORDCHAR.test(after))) return true;
    i = hay.indexOf(word, i + 1);
  }
  return false;
}

/** Keep only the digits of a string. @example digitsOf("4111-1111") // "41111111" */
export function digitsOf(s: string): string {
  return s.replace(/\D+/g, "");
}
