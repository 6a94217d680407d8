import type { SensitivityLevel } from "@tracevault/core";
import { DEFAULT_POLICY } from "./default.js";
import type { CompiledCategory, PrivacyPolicy } from "./load.js";
import { clip, containsPhrase, normalizeName, parseUrlLike } from "./normalize.js";

/** Where a record was seen: the application, window title and URL around it. */
export interface RecordContext {
  /** Application name, executable, WM_CLASS or bundle id (any of them; matched as words). */
  app?: string;
  title?: string;
  url?: string;
  /** A private/incognito browser window. */
  privateWindow?: boolean;
}

/** What the policy says about a context. */
export interface ContextMatch {
  /** The matched category with the highest level (the first in policy order among equals). */
  category?: string;
  /** The highest level among matched categories; 1 when nothing matched (the context adds nothing). */
  level: SensitivityLevel;
  /** True when any matched category says so: the recorder must not capture in this context. */
  exclude: boolean;
  /**
   * Rule ids that matched, `context:<category>:<matcher>` with matcher one of app, title, host, url, private.
   * Never contains the matched values (a banking host is itself sensitive).
   */
  reasons: string[];
  /** Every matched category id, in policy order. */
  categories: string[];
}

type Matcher = "app" | "title" | "host" | "url" | "private";

interface Prepared {
  app?: string;
  title?: string;
  titleNorm?: string;
  host?: string;
  hostPath?: string;
  privateWindow: boolean;
}

function prepare(ctx: RecordContext): Prepared {
  const p: Prepared = { privateWindow: ctx.privateWindow === true };
  if (ctx.app) p.app = normalizeName(clip(ctx.app));
  if (ctx.title) {
    p.title = clip(ctx.title);
    p.titleNorm = normalizeName(p.title);
  }
  if (ctx.url) {
    const u = parseUrlLike(ctx.url);
    if (u) {
      p.host = u.host;
      p.hostPath = u.host + u.path;
    }
  }
  return p;
}

function categoryMatch(c: CompiledCategory, p: Prepared): Matcher | undefined {
  if (c.privateWindow && p.privateWindow) return "private";
  if (p.app !== undefined) {
    if (c.appsExact.has(p.app)) return "app";
    for (const a of c.apps) if (containsPhrase(p.app, a)) return "app";
  }
  if (p.titleNorm !== undefined) {
    for (const k of c.titleKeywords) if (containsPhrase(p.titleNorm, k)) return "title";
    for (const re of c.titlePatterns) if (re.test(p.title!)) return "title";
  }
  if (p.host !== undefined) {
    if (c.hosts?.test(p.host)) return "host";
    for (const re of c.urlPatterns) if (re.test(p.hostPath!)) return "url";
  }
  return undefined;
}

/**
 * Which context categories of the policy a record's context falls in, and what follows: the level the
 * context imposes and whether the recorder must exclude it. The recorder calls this on every focus change.
 * @example matchContext({ app: "KeePassXC" }, DEFAULT_POLICY) // { category: "password-manager", level: 4, exclude: true, ... }
 * @example matchContext({ title: "Quarterly plan - Google Docs" }, DEFAULT_POLICY).level // 1
 */
export function matchContext(
  ctx: RecordContext | undefined,
  policy: PrivacyPolicy = DEFAULT_POLICY,
): ContextMatch {
  const out: ContextMatch = { level: 1, exclude: false, reasons: [], categories: [] };
  if (!ctx) return out;
  const p = prepare(ctx);
  for (const c of policy.categories) {
    const how = categoryMatch(c, p);
    if (!how) continue;
    out.categories.push(c.id);
    out.reasons.push(`context:${c.id}:${how}`);
    if (c.exclude) out.exclude = true;
    if (out.category === undefined || c.level > out.level) {
      out.category = c.id;
      out.level = c.level;
    }
  }
  return out;
}
