/**
 * People in the code a developer types: a string literal that a person's key, setter, list or column holds.
 * - a key or a keyword argument: `name: 'Jane Roe'`, `"author": "…"`, `assignee = "…"`, `full_name = '…'` (SQL),
 *   `Contact(name="…")`, `$row['last_name'] => '…'`;
 * - a setter: `user.setName("…")`, `withAuthor('…')`;
 * - an assertion about a name: `expect(getDisplayName(user)).toBe("…")`;
 * - a list a plural key holds: `reviewers: ['…', '…']`;
 * - SQL's `(name, phone) VALUES ('…', …)`: the column at the literal's place.
 * The key says a person; the value must read as a name (one to four words of letters, capitalised where the record has
 * capitals). A bare `name` holds an event's, an error's or a package's name as often, so its value must look like a
 * person's more closely: no identifier in camel case, no common word alone. Emits PERSON (level 3).
 */
import type { Detection, Recognizer } from "../../types.js";
import { NO_DETECTIONS, results } from "../results.js";
import { PERSON_LABELS } from "./labels.js";
import { lexicon, L_COMMON, L_EXTRA, L_FIRST, L_LAST } from "./lexicon.js";

const ID = "person-code";
const OUT: Detection[] = [];
const SCORE = 0.8;

/**
 * How far back on its line a literal's list or assertion is looked for (each literal reads back on its own; a longer
 * reach would make a long line of literals quadratic).
 */
const LOOK_BACK = 400;

/** The longest literal read (a person's name is shorter; a longer string is prose, which the person recognizer reads). */
const MAX_VALUE = 64;

/**
 * Keys of a person in code, besides the labels of ../labels.ts (which forms print and code copies: author, assignee,
 * owner, customer, patient…): the words programmers write.
 */
const CODE_KEYS = new Set([
  "fullname",
  "firstname",
  "lastname",
  "givenname",
  "givennames",
  "familyname",
  "displayname",
  "middlename",
  "maidenname",
  "surname",
  "forename",
  "nickname",
  "maintainer",
  "maintainers",
  "manager",
  "approver",
  "requester",
  "requestor",
  "committer",
  "contributor",
  "creator",
  "signer",
  "signatory",
  "witness",
  "nominee",
  "person",
  "passenger",
  "student",
  "teacher",
  "doctor",
  "physician",
  "nurse",
  "apellido",
  "apellidos",
  "prenom",
  "prénom",
  "nome",
  "cognome",
  "naam",
  "voornaam",
  "achternaam",
  "nachname",
  "kunde",
  "klant",
  "cliente",
  "autor",
  "auteur",
  "autore",
  "mitarbeiter",
  "empleado",
  "dipendente",
  "medewerker",
  "paciente",
  "paziente",
  "patiënt",
]);

/** The compound keys, found at the end of an identifier written in lower case. */
const LONG_KEYS = [...CODE_KEYS].filter((k) => k.length >= 8 && k.endsWith("name"));

/** Keys that hold a list of people: `reviewers: ['…', '…']`. */
const LIST_KEYS = new Set([
  "reviewers",
  "authors",
  "assignees",
  "maintainers",
  "owners",
  "members",
  "participants",
  "attendees",
  "recipients",
  "people",
  "persons",
  "contributors",
  "approvers",
  "contacts",
  "customers",
  "patients",
  "employees",
  "guests",
  "students",
  "names",
  "users",
]);

/**
 * The bare keys whose value is a person's name only when it looks like one (an event, an error, a package or a field
 * is named too).
 */
const GENERIC_KEYS = new Set([
  "name",
  "names",
  "nombre",
  "nom",
  "nome",
  "naam",
  "user",
  "users",
  "client",
  "value",
]);

/** Prefixes of a setter or a builder: `setName`, `withAuthor`. */
const SETTER_PREFIXES = ["set", "with", "add", "update", "change", "assign"];

/** Assertions whose expected value is read against the call before them: `expect(getName(u)).toBe("…")`. */
const ASSERTIONS = new Set([
  "tobe",
  "toequal",
  "tostrictequal",
  "equal",
  "equals",
  "strictequal",
  "deepequal",
  "assertequal",
  "assertequals",
  "asserteq",
  "is",
  "eq",
]);

/** Values that stand where a name is not known or not given. */
const NO_NAMES = new Set([
  "n/a",
  "na",
  "none",
  "null",
  "nil",
  "undefined",
  "unknown",
  "anonymous",
  "tbd",
  "tba",
  "todo",
  "test",
  "admin",
  "root",
  "guest",
  "user",
  "default",
  "system",
  "nobody",
  "someone",
  "me",
  "you",
  // programmers' placeholders
  "foo",
  "bar",
  "baz",
  "qux",
  "quux",
  "foobar",
  "lorem",
  "ipsum",
  "example",
  "sample",
  "demo",
  "dummy",
]);

/** Labels of a person on a form that name something else in code: a network's host, a test's reporter, a DB client. */
const NOT_IN_CODE = new Set([
  "host",
  "reporter",
  "client",
  "tenant",
  "holder",
  "candidate",
  "signed",
  "on-call",
  "user",
  "users",
]);

const WORD_RE = /^\p{L}[\p{L}\p{M}'’-]*[.,]?$/u;
const INITIALS_RE = /^(?:\p{Lu}\.){1,3}$/u;

/** Lower-case particles inside a capitalised name: "Ana de la Cruz", "Jan van Dijk". */
const PARTICLES = new Set([
  "de",
  "la",
  "le",
  "du",
  "del",
  "della",
  "di",
  "da",
  "van",
  "von",
  "der",
  "den",
  "ten",
  "ter",
  "y",
  "bin",
  "al",
  "el",
  "dos",
  "das",
]);

// ---- per-call state (module-level so that no closure is made per record) ----
let text = "";
let lower = "";
/** The record has no capital letter: names in it are written in lower case too. */
let caseless = false;

function isIdentChar(c: number): boolean {
  return (
    (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 36 || c === 45
  );
}
/** A letter or a digit of a word (any letter beyond ASCII counts). */
function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c >= 0xc0;
}
const QUOTES = /['"`]/g;
function isSpace(c: number): boolean {
  return c === 32 || c === 9;
}
function isQuote(c: number): boolean {
  return c === 39 || c === 34 || c === 96;
}

/** The words of an identifier, lower-cased and joined: "getDisplayName" → "getdisplayname", parts ["get","display","name"]. */
function identWords(from: number, to: number): string[] {
  const words: string[] = [];
  let w = "";
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    const upper = c >= 65 && c <= 90;
    if (c === 95 || c === 45 || c === 36) {
      if (w) words.push(w);
      w = "";
      continue;
    }
    // a capital after a small letter starts a word: "displayName"
    if (upper && w && !(text.charCodeAt(k - 1) >= 65 && text.charCodeAt(k - 1) <= 90)) {
      words.push(w);
      w = "";
    }
    w += String.fromCharCode(upper ? c + 32 : c);
  }
  if (w) words.push(w);
  return words;
}

/** 1: a person's key, 2: a generic one (name), 3: a list of people, 0: none; read from the identifier's words. */
function keyKind(words: readonly string[]): number {
  if (words.length === 0) return 0;
  const last = words[words.length - 1]!;
  const two = words.length >= 2 ? words[words.length - 2]! + last : "";
  if (CODE_KEYS.has(two) || CODE_KEYS.has(last)) return 1;
  // an identifier in lower case has no capital to part its words: "getdisplayname"
  if (words.length === 1 && last.length > 8) for (const k of LONG_KEYS) if (last.endsWith(k)) return 1;
  if (LIST_KEYS.has(last)) {
    // "names" alone is a list of anything's names; "authorNames" is people's
    if (last === "names" || last === "users")
      return words.length >= 2 && personWord(words[words.length - 2]!) ? 3 : 0;
    return 3;
  }
  if (
    last === "name" ||
    last === "names" ||
    last === "nombre" ||
    last === "nom" ||
    last === "nome" ||
    last === "naam"
  ) {
    // "customer_name", "authorName", "contactName": a person's; "file_name", "eventName": no one's
    if (words.length >= 2) return personWord(words[words.length - 2]!) ? 1 : 0;
    return 2;
  }
  if (GENERIC_KEYS.has(last) && words.length === 1) return 2;
  if (PERSON_LABELS.has(last) && !NOT_IN_CODE.has(last)) return 1;
  return 0;
}
function personWord(w: string): boolean {
  return (
    (PERSON_LABELS.has(w) && !GENERIC_KEYS.has(w) && !NOT_IN_CODE.has(w)) ||
    CODE_KEYS.has(w) ||
    w === "full" ||
    w === "first" ||
    w === "last" ||
    w === "given" ||
    w === "family" ||
    w === "display" ||
    w === "middle" ||
    w === "real" ||
    w === "legal" ||
    w === "user"
  );
}

/** The identifier ending at `end` (exclusive), after an optional closing quote of a quoted key: [start, end) or null. */
function identBefore(end: number): [number, number] | null {
  let e = end;
  if (e > 0 && isQuote(text.charCodeAt(e - 1))) e--;
  // PHP's and others' `['key']`
  if (e > 0 && text.charCodeAt(e - 1) === 93) {
    e--;
    if (e > 0 && isQuote(text.charCodeAt(e - 1))) e--;
  }
  let s = e;
  while (s > 0 && isIdentChar(text.charCodeAt(s - 1))) s--;
  if (s === e) return null;
  return [s, e];
}

/** Offset of the last non-space character before `k`, or -1. */
function backOverSpaces(k: number): number {
  let p = k - 1;
  while (p >= 0 && isSpace(text.charCodeAt(p))) p--;
  return p;
}

/** The kind of key (see keyKind) that governs the literal opening at `q`, or 0. */
function keyOfLiteral(q: number): number {
  const p = backOverSpaces(q);
  if (p < 0) return 0;
  const c = text.charCodeAt(p);
  // key: 'v', key = 'v', key == 'v', key := 'v', PHP's key => 'v'
  if (c === 58 || c === 61 || (c === 62 && p > 0 && text.charCodeAt(p - 1) === 61)) {
    let k = c === 62 ? p - 1 : p;
    while (k >= 0 && (text.charCodeAt(k) === 61 || text.charCodeAt(k) === 58 || text.charCodeAt(k) === 33))
      k--;
    const ke = backOverSpaces(k + 1) + 1;
    if (insideTag(ke)) return 0;
    const id = identBefore(ke);
    if (!id) return 0;
    const kind = keyKind(identWords(id[0], id[1]));
    return kind === 3 ? 0 : kind;
  }
  // a call: an assertion, a setter, SQL's VALUES; other calls' positional arguments say nothing of their meaning
  if (c === 40) {
    const id = identBefore(backOverSpaces(p) + 1);
    if (!id) return 0;
    const words = identWords(id[0], id[1]);
    const whole = words.join("");
    if (whole === "values") return listKey(q);
    if (ASSERTIONS.has(whole)) return assertedKey(q);
    // setName("v"), withAuthor('v'); in lower case "setname(" has no capital to part its words
    for (const prefix of SETTER_PREFIXES)
      if (whole.length > prefix.length && whole.startsWith(prefix)) {
        const rest = words.length >= 2 && words[0] === prefix ? words.slice(1) : [whole.slice(prefix.length)];
        const kind = keyKind(rest);
        return kind === 3 ? 1 : kind;
      }
    return 0;
  }
  // a list's item: reviewers: ['a', 'b'] or SQL's VALUES ('a', 'b')
  if (c === 44 || c === 91) return listKey(q);
  return 0;
}

/** `<a name="…">`: the key is an attribute of a tag, whose names are anchors and fields, not people. */
function insideTag(k: number): boolean {
  for (let j = k - 1; j >= 0 && k - j < 200; j--) {
    const c = text.charCodeAt(j);
    if (c === 62 || c === 10) return false;
    if (c === 60) return /[a-z]/i.test(text[j + 1] ?? "");
  }
  return false;
}

/**
 * The kind of name an assertion expects: the last call before the literal on its line, other than the assertion's own,
 * names a person's ("expect(getDisplayName(user)).toBe(…)", "assert.equal(formatName(user), …)").
 */
function assertedKey(at: number): number {
  let line = at;
  while (line > 0 && at - line < LOOK_BACK && text.charCodeAt(line - 1) !== 10) line--;
  const before = text.slice(line, at);
  let found = 0;
  for (const m of before.matchAll(CALLS)) {
    const words = identWords(line + m.index!, line + m.index! + m[1]!.length);
    const whole = words.join("");
    if (ASSERTIONS.has(whole) || whole === "expect" || whole === "assert") continue;
    if (words[0] === "get" || words[0] === "format" || words[0] === "to") words.shift();
    // (in lower case the prefix is not parted from the rest: "formatname")
    else if (words.length === 1)
      for (const prefix of ["get", "format", "to"])
        if (whole.length > prefix.length + 3 && whole.startsWith(prefix))
          words[0] = whole.slice(prefix.length);
    const kind = keyKind(words);
    found = kind === 3 ? 0 : kind;
  }
  return found;
}
const CALLS = /([A-Za-z_$][\w$]*)\(/g;

/** The kind of key of the list around the literal at `q`: a plural key's array, or SQL's VALUES and its columns. */
function listKey(q: number): number {
  // find the opening bracket on the line at depth 0 and the literal's place in the list
  let depth = 0;
  let index = 0;
  let inQuote = 0;
  let k = q - 1;
  for (; k >= 0; k--) {
    const c = text.charCodeAt(k);
    if (c === 10 || q - k > LOOK_BACK) return 0;
    if (inQuote) {
      if (c === inQuote) inQuote = 0;
      continue;
    }
    if (isQuote(c)) inQuote = c;
    else if (c === 41 || c === 93 || c === 125) depth++;
    else if (c === 40 || c === 91 || c === 123) {
      if (depth === 0) break;
      depth--;
    } else if (c === 44 && depth === 0) index++;
  }
  if (k < 0) return 0;
  const open = text.charCodeAt(k);
  const p = backOverSpaces(k);
  if (open === 91) {
    // reviewers: [ … ], reviewers = [ … ]
    const c = p >= 0 ? text.charCodeAt(p) : 0;
    if (c !== 58 && c !== 61) return 0;
    const id = identBefore(backOverSpaces(p) + 1);
    if (!id) return 0;
    const kind = keyKind(identWords(id[0], id[1]));
    return kind === 3 ? 1 : 0;
  }
  if (open === 40) {
    const id = identBefore(p + 1);
    if (!id) return 0;
    // an assertion's expected value after the call under test: "assert.equal(formatName(user), …)"
    if (ASSERTIONS.has(identWords(id[0], id[1]).join(""))) return assertedKey(q);
    // VALUES ( … ): the column list before it
    if (lower.slice(id[0], id[1]) !== "values") return 0;
    const close = backOverSpaces(id[0]);
    if (close < 0 || text.charCodeAt(close) !== 41) return 0;
    const from = text.lastIndexOf("(", close);
    if (from < 0) return 0;
    const columns = text.slice(from + 1, close).split(",");
    const col = columns[index];
    if (col === undefined) return 0;
    const name = col.trim().replace(/^[`"[]|[`"\]]$/g, "");
    const at = text.indexOf(name, from);
    return at < 0 ? 0 : keyKind(identWords(at, at + name.length));
  }
  return 0;
}

/**
 * The literal's value [s, e) reads as a person's name: one to four words of letters (an initial with its dot, a hyphen
 * or an apostrophe inside), capitalised where the record has capitals. `generic`: the key is a bare `name`, so the
 * value must look like a person's more closely.
 */
function nameLike(s: number, e: number, generic: boolean): boolean {
  const v = text.slice(s, e);
  if (NO_NAMES.has(v.toLowerCase())) return false;
  const words = v.split(" ");
  if (words.length > 4) return false;
  let common = 0;
  let known = 0;
  let capitalised = 0;
  for (const w of words) {
    if (w.length === 0) return false;
    // letters, a hyphen or an apostrophe inside, a dot at the end ("Jr.") or after each initial ("J.R."), a comma after
    // the family name ("Doe, Jane"); a dot inside is a host's or a file's ("auth.example.test")
    if (!WORD_RE.test(w) && !INITIALS_RE.test(w)) return false;
    const first = w[0]!;
    const cap = first !== first.toLowerCase();
    if (caseless) {
      if (cap) return false;
    } else if (!cap && !PARTICLES.has(w)) return false;
    if (cap) capitalised++;
    // a word in capitals after its first letter is an identifier ("CursorNotify", "FastifyError") unless it is an
    // initial or a name's "Mc", "Mac", "O'", "De"
    if (
      /\p{Lu}/u.test(w.slice(1)) &&
      !/^(?:Mc|Mac|O'|D'|De|Di|La|Le|Van)\p{Lu}/u.test(w) &&
      !/^\p{Lu}\.$/u.test(w)
    )
      return false;
    const bare = w.replace(/[.,]$/, "").toLowerCase();
    const bits = lexicon().getRange(bare, 0, bare.length);
    if ((bits & L_COMMON) !== 0 && (bits & (L_FIRST | L_LAST)) === 0) {
      // a bare name holds no common word that is no name ("Android Browser", "class static block")
      if (generic) return false;
      common++;
    } else if (bits & (L_FIRST | L_LAST | L_EXTRA)) known++;
  }
  if (!caseless && capitalised === 0) return false;
  if (!generic) return common < words.length;
  if (words.length === 1 && v.length < 3) return false;
  // (in lower case, a lone word of no list is as often a package's or a field's name: "largearrays")
  if (caseless && words.length === 1 && known === 0) return false;
  return true;
}

/**
 * People in code (see the module's comment).
 * @example codeNames.detect({ text: "const u = { name: 'Zorvan Keltrude' };", lower: "const u = { name: 'zorvan keltrude' };", channel: "typed" })[0].start // 19
 */
export const codeNames: Recognizer = {
  id: ID,
  types: ["PERSON"],
  // (every reading needs a key's ":" or "=", a call's "(" or a list's "[" before its quote: conditions other
  // recognizers test already, so that the engine's count of conditions stays within its two words)
  triggers: { text: [":", "=", "(", "["] },
  detect(input) {
    const t = input.text;
    if (input.lower.length !== t.length) return NO_DETECTIONS;
    text = t;
    lower = input.lower;
    caseless = t === lower;
    const out = OUT;
    if (out.length !== 0) out.length = 0;
    const n = t.length;
    QUOTES.lastIndex = 0;
    while (QUOTES.exec(t) !== null) {
      const q = QUOTES.lastIndex - 1;
      const c = t.charCodeAt(q);
      // an apostrophe inside a word is no literal ("don't")
      if (c === 39 && q > 0 && isWordChar(t.charCodeAt(q - 1))) continue;
      let end = q + 1;
      while (end < n && end - q <= MAX_VALUE + 1) {
        const d = t.charCodeAt(end);
        if (d === c || d === 10) break;
        end++;
      }
      if (end >= n || t.charCodeAt(end) !== c) continue;
      const s = q + 1;
      if (end - s >= 2 && end - s <= MAX_VALUE) {
        const kind = keyOfLiteral(q);
        if (kind !== 0 && nameLike(s, end, kind === 2))
          out.push({ start: s, end, type: "PERSON", score: SCORE, level: 3, recognizer: ID });
      }
      QUOTES.lastIndex = end + 1;
    }
    return results(out);
  },
};
