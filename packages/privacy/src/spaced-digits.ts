/**
 * Numbers typed a digit or two at a time with spaces between, or in fields that a rebuilt text joins with tabs or
 * wide gaps: "4 5 3 9 1 4 8 8 0 3 4 3 6 4 6 7", "4539  1488  0343  6467", "123\t45\t6789". The recognizers read
 * digits in groups the way numbers are printed, so these go unseen; the key-stream path removes such separators
 * itself (keystream-views.ts), and this view does the same for a text that arrives whole (`redact`, the vault's
 * second filter, the clipboard, OCR). Pure.
 */

/** A text with the separators of its spaced numbers removed, and for each of its code units the text's offset. */
export interface SpacedDigitsView {
  text: string;
  at: Int32Array;
}

/** Separators of a spaced number: spaces, no-break spaces and tabs, up to 3 in a row. */
function isGap(c: number): boolean {
  return c === 32 || c === 0xa0 || c === 9 || c === 0x202f;
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Fewest digits of a spaced number worth reading whole (a US SSN has 9). */
const MIN_DIGITS = 9;
/** Most digits of one group: a card's printed group. */
const MAX_GROUP = 4;
const MAX_GAP = 3;

/**
 * The view of `text` with the gaps inside its spaced numbers removed, or null when it has none. A spaced number is
 * 3 or more groups of 1-4 digits, 9 digits or more in all, separated by 1-3 spaces or tabs, that the printed forms
 * do not explain: a group of one digit in every other place or more, or 3-5 groups of four digits with a gap wider
 * than one space (a card typed in four fields). Linear.
 * @example spacedDigitsView("card 4 5 3 9 1 4 8 8 0 3 4 3 6 4 6 7")?.text // "card 4539148803436467"
 * @example spacedDigitsView("call 020 7946 0958") // null (printed groups)
 */
export function spacedDigitsView(text: string): SpacedDigitsView | null {
  const n = text.length;
  // the gaps to remove, as [start, end) pairs
  let cuts: number[] | undefined;
  let k = 0;
  while (k < n) {
    if (!isDigit(text.charCodeAt(k))) {
      k++;
      continue;
    }
    // (a run glued to a word or a number before it is read whole, then left: "v1 2 3 4 …" is no spaced number)
    const glued = gluedBefore(text, k);
    // a run of groups from k
    const gaps: number[] = [];
    let digits = 0;
    let groups = 0;
    let short = 0;
    let allFour = true;
    let widened = false;
    let p = k;
    for (;;) {
      const g0 = p;
      while (p < n && isDigit(text.charCodeAt(p))) p++;
      const len = p - g0;
      if (len > MAX_GROUP) {
        groups = 0; // a long digit run is printed as it is
        break;
      }
      digits += len;
      groups++;
      if (len === 1) short++;
      if (len !== 4) allFour = false;
      let q = p;
      while (q < n && q - p < MAX_GAP + 1 && isGap(text.charCodeAt(q))) q++;
      if (q === p || q - p > MAX_GAP || q >= n || !isDigit(text.charCodeAt(q))) break;
      if (q - p > 1 || text.charCodeAt(p) === 9) widened = true;
      gaps.push(p, q);
      p = q;
    }
    const end = p;
    // digit by digit, or a card's four-digit groups with wider gaps (single spaces between four-digit groups are
    // how a card is printed, and the recognizers read that form already)
    const spaced = 2 * short >= groups || (allFour && groups <= 5 && widened);
    if (groups >= 3 && digits >= MIN_DIGITS && spaced && !glued && !gluedAfter(text, end))
      for (const g of gaps) (cuts ??= []).push(g);
    k = Math.max(end, k + 1);
  }
  if (cuts === undefined) return null;
  // the kept code units, decoded once (a text of many spaced numbers would otherwise be joined from as many pieces)
  const at = new Int32Array(n);
  const units = new Uint16Array(n);
  let m = 0;
  let from = 0;
  for (let c = 0; c <= cuts.length; c += 2) {
    const to = c < cuts.length ? cuts[c]! : n;
    for (let j = from; j < to; j++) {
      units[m] = text.charCodeAt(j);
      at[m++] = j;
    }
    if (c < cuts.length) from = cuts[c + 1]!;
  }
  let out = "";
  // (in pieces: a call takes a bounded number of arguments; lone surrogates stay as they are)
  for (let k = 0; k < m; k += 8192)
    out += String.fromCharCode.apply(null, units.subarray(k, Math.min(m, k + 8192)) as unknown as number[]);
  return { text: out, at: at.subarray(0, m) };
}

/** A letter or '_' joins a number to a word or a code ("v2 3 4", "x9"). */
function isLetterGlue(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}
/** '.', ',' or ':' between digits joins numbers ("1.5", "10:30", "1,000"). */
function isNumberGlue(c: number): boolean {
  return c === 46 || c === 44 || c === 58;
}
/** The number starting at `k` continues a word, a code or another number. */
function gluedBefore(text: string, k: number): boolean {
  if (k === 0) return false;
  const c = text.charCodeAt(k - 1);
  return isLetterGlue(c) || (isNumberGlue(c) && k >= 2 && isDigit(text.charCodeAt(k - 2)));
}
/** The number ending at `e` runs on into a word, a code or another number (not a sentence's full stop). */
function gluedAfter(text: string, e: number): boolean {
  if (e >= text.length) return false;
  const c = text.charCodeAt(e);
  return isLetterGlue(c) || (isNumberGlue(c) && e + 1 < text.length && isDigit(text.charCodeAt(e + 1)));
}

/**
 * The offsets in the text of the view's [start, end), and whether the range holds a removed gap (else the text
 * itself shows the same characters and its own reading stands).
 */
export function spanInText(view: SpacedDigitsView, start: number, end: number): [number, number, boolean] {
  const s = view.at[start]!;
  const e = view.at[end - 1]! + 1;
  return [s, e, e - s > end - start];
}
