/**
 * A person's handle, as chat, social media and code review write one: "@mkowalska", "ping @jorik.v", "(@marta_k92)".
 * A handle names one person (or one account) as surely as the name it stands for, and most are no name of any list,
 * so the person recognizer sees none of them. Emits USERNAME (level 3) over the handle without its "@".
 *
 * Not handles: an e-mail's or a URL's "@" (a character glued before it), a package's scope ("@types/node",
 * "@scope:registry="), decorators and annotations ("@Component(", "@Override" alone on its line), documentation tags
 * and CSS at-rules ("@param", "@media"), chat's broadcasts ("@here", "@channel"), and "@" read as "at" before a
 * time or an ordinary word ("@3pm", "@home").
 */
import type { Detection, Recognizer } from "../../types.js";
import { results } from "../results.js";
import { L_COMMON, L_FIRST, L_LAST, lexicon } from "./lexicon.js";

const ID = "handle";
const OUT: Detection[] = [];

/** "@" then a handle: a letter or "_" first, then letters, digits, ".", "_" or "-", not ending in "." or "-". */
const HANDLE_RE = /@([A-Za-z_][A-Za-z0-9_.-]{0,38}[A-Za-z0-9_]|[A-Za-z])/g;

/** Words after "@" that code, documentation, style sheets and chat use for themselves (lower case). */
// prettier-ignore
const NOT_HANDLES = new Set([
  // JSDoc, Javadoc, PHPDoc, Doxygen and the like
  "param", "params", "arg", "argument", "returns", "return", "type", "typedef", "template", "example", "see",
  "link", "linkcode", "linkplain", "throws", "throw", "exception", "deprecated", "default", "since", "version",
  "author", "todo", "fixme", "note", "internal", "private", "public", "protected", "override", "readonly",
  "module", "namespace", "class", "interface", "enum", "const", "function", "method", "property", "prop",
  "callback", "event", "fires", "listens", "mixes", "mixin", "memberof", "static", "inheritdoc", "abstract",
  "async", "generator", "yields", "yield", "ignore", "license", "copyright", "file", "fileoverview", "brief",
  "details", "code", "endcode", "var", "global", "package", "api", "category", "group", "summary", "remarks",
  "ts-ignore", "ts-expect-error", "ts-nocheck", "ts-check", "jsx", "jsxfrag", "jsximportsource", "flow",
  "vitest-environment", "jest-environment", "format", "prettier", "preserve", "noinspection", "suppress",
  "constructor", "classdesc", "name", "tstype", "typeparam", "description", "desc", "member", "instance", "inner",
  "lends", "borrows", "hideconstructor", "augments", "implements", "extends", "requires", "exports", "emits",
  "satisfies", "experimental", "alias", "access", "kind", "func", "variation", "tutorial", "external", "constant",
  "defaultvalue", "sealed", "virtual", "privateremarks", "decorator",
  // bundlers' annotations: "/* @__PURE__ */"
  "__pure__", "__no_side_effects__", "__inline__",
  // CSS, Sass and Less at-rules, Tailwind's directives
  "media", "import", "font-face", "keyframes", "supports", "page", "charset", "layer", "container",
  "counter-style", "font-feature-values", "document", "viewport", "scope", "starting-style", "include", "extend",
  "use", "forward", "if", "else", "each", "for", "while", "error", "warn", "debug", "at-root",
  "content", "tailwind", "apply", "screen", "variants", "responsive", "theme", "config", "plugin", "utility",
  "custom-variant", "source",
  // decorators and annotations of Python, Java, C#, TypeScript frameworks
  "staticmethod", "classmethod", "dataclass", "abstractmethod", "cached_property", "pytest", "app", "router",
  "test", "before", "after", "beforeeach", "aftereach", "autowired", "component", "injectable", "input",
  "output", "entity", "column", "id", "bean", "service", "controller", "restcontroller", "get", "post", "put",
  "delete", "patch", "functionalinterface", "suppresswarnings", "nullable", "nonnull", "notnull",
  "data", "builder", "getter", "setter", "value", "slf4j", "transactional", "ngmodule", "directive", "pipe",
  "hostlistener", "viewchild", "observable", "action", "computed", "observer", "inject", "provide",
  // chat's broadcasts and groups that name no one
  "here", "channel", "everyone", "all", "team", "room", "admins", "mods", "moderators", "staff",
  "latest", "next", "beta", "alpha", "canary", "stable", "types",
  // JScript's conditional compilation, batch files' "@echo off", Deno's directives, log fields
  "cc_on", "set", "elif", "end", "echo", "powershell", "cmd", "call", "rem", "deno-types", "jsxruntime",
  "jsx-runtime", "console", "timestamp", "message", "metadata", "context",
  // bots of code hosting
  "dependabot", "renovate", "github-actions", "codecov", "greenkeeper", "mergify", "coderabbitai",
]);

/** A bot's account: "greenkeeperio-bot", "renovate-bot", "my_bot" (no person). */
const BOT_RE = /[-_]?bot$/i;

/** Characters that may stand right before a handle's "@": none (the text's start), blanks, brackets, quotes, punctuation. */
function handleMayFollow(c: number): boolean {
  return (
    c !== c ||
    c === 32 ||
    c === 9 ||
    c === 10 ||
    c === 13 ||
    c === 0xa0 ||
    c === 40 || // (
    c === 91 || // [
    c === 123 || // {  (not after a template's "}")
    c === 34 || // "
    c === 39 || // '
    c === 0x201c ||
    c === 0x2018 ||
    c === 0xab ||
    c === 44 || // ,
    c === 59 || // ;
    c === 62 || // > (a quoted reply)
    c === 0x3000
  );
}

/**
 * Handles in chat, posts and titles.
 * @example handles.detect({ text: "ping @mkowalska about it", lower: "ping @mkowalska about it", channel: "typed" })[0].start // 6
 */
export const handles: Recognizer = {
  id: ID,
  types: ["USERNAME"],
  channels: ["typed", "clipboard", "ocr", "title"],
  triggers: { text: ["@"] },
  detect(input) {
    const { text } = input;
    const out = OUT;
    if (out.length !== 0) out.length = 0;
    HANDLE_RE.lastIndex = 0;
    for (let m; (m = HANDLE_RE.exec(text)) !== null;) {
      const at = m.index;
      const h = m[1]!;
      const end = at + 1 + h.length;
      if (!handleMayFollow(at > 0 ? text.charCodeAt(at - 1) : NaN)) continue;
      const next = end < text.length ? text.charCodeAt(end) : NaN;
      // "@scope/pkg", "@decorator(", "user@host@…", "@scope:registry=…", a quoted key ("@timestamp": …), a
      // directive's value ("@deno-types=…")
      if (
        next === 47 ||
        next === 40 ||
        next === 64 ||
        next === 34 ||
        next === 61 ||
        text.startsWith(":registry", end)
      )
        continue;
      const lowerH = h.toLowerCase();
      if (NOT_HANDLES.has(lowerH) || NOT_HANDLES.has(lowerH.split(".")[0]!) || BOT_RE.test(h)) continue;
      // an annotation alone on its line ("@Override", "@Test")
      if (lineAlone(text, at, end)) continue;
      // "@" read as "at": "@home", "@work"; a given name that English also uses ("@mark") stays a handle
      const bits = lexicon().get(lowerH);
      if (bits & L_COMMON && !(bits & (L_FIRST | L_LAST))) continue;
      out.push({ start: at + 1, end, type: "USERNAME", score: 0.8, level: 3, recognizer: ID });
    }
    if (out.length !== 0) otherMentions(text, out);
    return results(out);
  },
};

/**
 * The same handles elsewhere in the record, as a word of their own: the profile link beside a credit
 * ("[@zvennik](https://github.com/zvennik)") spells the handle again. At most 16 distinct handles are looked for.
 */
function otherMentions(text: string, out: Detection[]): void {
  const found = out.length;
  const seen = new Set<string>();
  for (let k = 0; k < found && seen.size < 16; k++) {
    const h = text.slice(out[k]!.start, out[k]!.end);
    if (h.length < 3 || seen.has(h)) continue;
    seen.add(h);
    for (let at = text.indexOf(h); at >= 0; at = text.indexOf(h, at + h.length)) {
      const e = at + h.length;
      if (isHandleChar(text.charCodeAt(at - 1)) || isHandleChar(text.charCodeAt(e))) continue;
      if (text.charCodeAt(at - 1) === 64) continue; // the "@handle" itself, found above
      out.push({ start: at, end: e, type: "USERNAME", score: 0.8, level: 3, recognizer: ID });
    }
  }
}

/** A character a handle may hold (NaN, outside the text, is none). */
function isHandleChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45;
}

/** Only blanks stand between the line's start and `s`, and between `e` and the line's end. */
function lineAlone(text: string, s: number, e: number): boolean {
  for (let k = s - 1; k >= 0; k--) {
    const c = text.charCodeAt(k);
    if (c === 10) break;
    if (c !== 32 && c !== 9) return false;
  }
  for (let k = e; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 10 || c === 13) break;
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}
