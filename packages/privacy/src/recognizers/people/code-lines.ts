/**
 * Lines of program code among typed text, and which part of such a line a word stands in. A capitalised or (in
 * lower-case text) any word in the code of a line — an argument, a class, an import — is an identifier, not a person;
 * in its comment or in a string literal it is text again ("// ask Zorvan", `log("sent to zorvan")`). Also a terminal's
 * directory listing lines (`listingLineAt`), whose numbers are sizes and dates.
 */

/** Where an offset of a line stands: in its code, inside a string literal, or in a comment. */
export const IN_CODE = 0;
export const IN_STRING = 1;
export const IN_COMMENT = 2;

function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c >= 0xc0;
}

/**
 * What offset `at` of the line starting at `from` stands in: IN_CODE, IN_STRING (after an opening quote, backtick or
 * apostrophe that no word precedes) or IN_COMMENT (after "//", "/*", or a "#" or "*" that opens the line).
 * @example codePartAt('log("hi zorvan")', 0, 8) // IN_STRING
 */
export function codePartAt(text: string, from: number, at: number): number {
  let k = from;
  while (k < at && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k++;
  const first = text.charCodeAt(k);
  // a comment that fills the line: "# …", "* …" (a block comment's line), "-- …" (SQL)
  if (
    first === 35 ||
    (first === 42 && text.charCodeAt(k + 1) !== 42) ||
    (first === 45 && text.charCodeAt(k + 1) === 45)
  )
    return IN_COMMENT;
  let quote = 0;
  for (; k < at; k++) {
    const c = text.charCodeAt(k);
    if (quote !== 0) {
      if (c === 92) k++;
      else if (c === quote) quote = 0;
      continue;
    }
    if (c === 34 || c === 96 || (c === 39 && !(k > from && isWordChar(text.charCodeAt(k - 1))))) quote = c;
    else if (
      c === 47 &&
      (text.charCodeAt(k + 1) === 47 || text.charCodeAt(k + 1) === 42) &&
      text.charCodeAt(k - 1) !== 58
    )
      return IN_COMMENT;
  }
  return quote !== 0 ? IN_STRING : IN_CODE;
}

/** A line that opens with a keyword of code in its own shape ("const x =", "import { … } from", "if (", "def f("). */
const LEADING_KEYWORD =
  /^[ \t]*(?:import[ \t]+(?:[\w$*{].*[ \t]from[ \t]|["'])|export[ \t]+(?:default|const|let|var|function|class|async|type|interface|\{|\*)|(?:const|let|var)[ \t][\w$[\]{}, \t]*=|(?:async[ \t]+)?function\*?[ \t]*[\w$]*[ \t]*\(|class[ \t]+[A-Z][\w$]*[ \t]*(?:extends|implements|\{|\(|:)|def[ \t]+\w+[ \t]*\(|#include|#define|(?:if|for|while|switch|catch)[ \t]?\()/;
/** `key: value,` on a line of its own: an object literal's member ("retries: 3,", "host: hostname,"). */
const MEMBER_LINE = /^[ \t]*[\w$]+[ \t]*:[ \t]*[\w$.'"`[{(-]+,[ \t]*$/;

/**
 * The line [from, to) is program code: braces, an arrow, a comparison or an assignment operator, a statement's end, a
 * leading keyword, an object literal's member, or a call or an index next to an assignment or a member access —
 * outside its string literals and its comment. Prose with a semicolon inside ("Met Zorvan today; he says hi") is not.
 * @example isCodeLine("if (overlaps(rect, pos)) return;", 0, 33) // true
 */
export function isCodeLine(text: string, from: number, to: number): boolean {
  const line = text.slice(from, to);
  if (LEADING_KEYWORD.test(line) || MEMBER_LINE.test(line)) return true;
  let quote = 0;
  let call = false;
  let member = false;
  let assign = false;
  let last = 0;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (quote !== 0) {
      if (c === 92) k++;
      else if (c === quote) quote = 0;
      continue;
    }
    if (c === 34 || c === 96 || (c === 39 && !(k > from && isWordChar(text.charCodeAt(k - 1))))) {
      quote = c;
      continue;
    }
    if (
      c === 47 &&
      (text.charCodeAt(k + 1) === 47 || text.charCodeAt(k + 1) === 42) &&
      text.charCodeAt(k - 1) !== 58
    )
      break;
    if (c === 123 || c === 125) return true;
    const d = text.charCodeAt(k + 1);
    if (
      (c === 61 && (d === 62 || d === 61)) ||
      (c === 33 && d === 61) ||
      (c === 38 && d === 38) ||
      (c === 124 && d === 124)
    )
      return true;
    if ((c === 43 || c === 45 || c === 42 || c === 124) && d === 61) return true;
    if ((c === 43 && d === 43) || (c === 45 && d === 62) || (c === 58 && d === 58)) return true;
    if (c === 61) assign = true;
    if ((c === 40 || c === 91) && k > from && isWordChar(text.charCodeAt(k - 1))) call = true;
    if (c === 46 && k > from && isWordChar(text.charCodeAt(k - 1)) && isWordChar(d) && !(d >= 48 && d <= 57))
      member = true;
    if (c !== 32 && c !== 9 && c !== 13) last = c;
  }
  // a statement's end after a call ("realloc(ptr, len);"), or a call beside an assignment or a member access
  if (call && (last === 59 || last === 40 || last === 91 || assign || member)) return true;
  return false;
}

/** A file's type and permissions as `ls -l` prints them at a line's start ("-rw-r--r--", "drwxr-xr-x"). */
export const FILE_MODE = "[-dlcbps][rwxsStT-]{9}";
const LISTING_LINE = new RegExp(`^[ \\t]*${FILE_MODE}`);

/**
 * The line of offset `k` is a directory listing's (it opens with a file's mode): its numbers are sizes and dates and its
 * words a file's owner, group and name, not a staff number or a street.
 * @example listingLineAt("drwxr-xr-x 5 root root 160 dic  2 10:14 bin", 27) // true
 */
export function listingLineAt(text: string, k: number): boolean {
  let a = k;
  while (a > 0 && text.charCodeAt(a - 1) !== 10 && k - a < 200) a--;
  return LISTING_LINE.test(text.slice(a, a + 12));
}
