import type { Manifest, SensitivityLevel } from "@tracevault/core";
import { DEFAULT_POLICY, matchContext, type PrivacyPolicy } from "@tracevault/privacy";

/**
 * Where input happens: the focused window (application, title) and, when a browser source reports it, the
 * page URL and whether the focused page element is a password field.
 */
export interface WindowContext {
  /** X11 WM_CLASS class (e.g. "Chromium"), or the owner name on other platforms. */
  app?: string;
  /** X11 WM_CLASS instance (e.g. "chromium"). */
  instance?: string;
  title?: string;
  url?: string;
  privateWindow?: boolean;
  /** No window is focused (the desktop). */
  desktop?: boolean;
}

/** What the recorder does in a context. Reasons are rule ids, never recorded values. */
export interface ContextDecision {
  /** Record nothing from this window: no keys, clicks, title or pixels. */
  excluded: boolean;
  /**
   * Keys typed here are secret (a password prompt or login window): key events are dropped and replaced by
   * one `redacted:PASSWORD` marker. Clicks and screenshots are kept (screenshots still go through OCR).
   */
  password: boolean;
  /** The context level from the privacy policy (1 when nothing matched). */
  level: SensitivityLevel;
  /** Why, e.g. `scope:app`, `policy:banking`, `password:title`. */
  reasons: string[];
}

/** Applications that only ever ask for a secret: excluded whole (nothing from them is recorded). */
export const PASSWORD_PROMPT_APPS = [
  "pinentry",
  "pinentry gtk",
  "pinentry gnome3",
  "pinentry qt",
  "ssh askpass",
  "x11 ssh askpass",
  "ksshaskpass",
  "gnome ssh askpass",
  "polkit gnome authentication agent",
  "polkit kde authentication agent",
  "lxpolkit",
  "gcr prompter",
  "kwalletd",
  "kwalletd5",
  "kwalletd6",
];

/**
 * Web browsers (WM_CLASS class or instance, normalised). In one of these the page decides what is on screen,
 * and site rules can only be applied when the page address is known.
 */
export const BROWSER_APPS = [
  "chromium",
  "chromium browser",
  "google chrome",
  "chrome",
  "firefox",
  "firefox esr",
  "navigator",
  "librewolf",
  "waterfox",
  "tor browser",
  "brave browser",
  "microsoft edge",
  "msedge",
  "opera",
  "vivaldi",
  "vivaldi stable",
  "epiphany",
  "gnome web",
  "falkon",
  "konqueror",
  "qutebrowser",
  "midori",
  "safari",
];

/**
 * Title words (after normalisation: lower case, every non-alphanumeric run one space) that say a window asks
 * for a secret. X11 cannot tell which widget has focus, so a whole window whose title says "Sign in" or
 * "Unlock" is treated as a password field: every typed key is dropped there (the user name too).
 */
export const PASSWORD_TITLE_PHRASES = [
  "password",
  "passwords",
  "passphrase",
  "passcode",
  "pass phrase",
  "login",
  "log in",
  "logon",
  "log on",
  "sign in",
  "signin",
  "sign on",
  "unlock",
  "authenticate",
  "authentication required",
  "authentication",
  "credentials",
  "2fa",
  "two factor",
  "one time code",
  "one time password",
  "verification code",
  "security code",
  "pin code",
  "enter pin",
  "passwort",
  "kennwort",
  "anmelden",
  "anmeldung",
  "mot de passe",
  "connexion",
  "contrasena",
  "iniciar sesion",
  "sudo",
];

/** Lower-case, strip diacritics, every run of non-alphanumerics → one space, trimmed, padded with spaces. */
export function normalizeWords(s: string): string {
  const n = s
    .slice(0, 4096)
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
  return ` ${n} `;
}

/** True when `phrase` occurs in `text` as whole words (both already normalised by {@link normalizeWords}). */
function hasPhrase(textNorm: string, phraseNorm: string): boolean {
  return phraseNorm.trim() !== "" && textNorm.includes(phraseNorm);
}

/** The host of a URL or URL-like string ("example.com/path"), lower-case; undefined when there is none. */
export function urlHost(url: string): string | undefined {
  const s = url.trim();
  try {
    const u = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(s) ? s : `https://${s}`);
    return u.hostname.toLowerCase().replace(/\.$/, "") || undefined;
  } catch {
    return undefined;
  }
}

interface SiteRule {
  host: string;
  wildcard: boolean;
  path: string;
}

function parseSite(site: string): SiteRule | undefined {
  let s = site.trim().toLowerCase();
  let wildcard = false;
  if (s.startsWith("*.")) {
    wildcard = true;
    s = s.slice(2);
  }
  const host = urlHost(s);
  if (!host) return undefined;
  let path = "";
  try {
    path = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(s) ? s : `https://${s}`).pathname;
  } catch {
    path = "";
  }
  return { host, wildcard, path: path === "/" ? "" : path };
}

function siteMatches(rule: SiteRule, url: string): boolean {
  const host = urlHost(url);
  if (!host) return false;
  const hostOk = host === rule.host || host.endsWith(`.${rule.host}`);
  // "*.example.com" and "example.com" both cover the domain and its subdomains (exclusion errs wide).
  if (!hostOk) return false;
  if (!rule.path) return true;
  try {
    const p = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `https://${url}`).pathname.toLowerCase();
    return p === rule.path || p.startsWith(rule.path.endsWith("/") ? rule.path : `${rule.path}/`);
  } catch {
    return false;
  }
}

export interface ContextFilterOptions {
  /** The privacy policy whose level-4 context categories are excluded (default: the engine's). */
  policy?: PrivacyPolicy;
  /** Extra password title phrases. */
  passwordPhrases?: readonly string[];
}

/**
 * Decides, for a window context, whether the recorder may record there at all (manifest scope, the privacy
 * policy's excluded categories, password prompts) and whether typed keys are secret (password heuristics).
 *
 * Order: manifest scope (`exclude` mode: listed apps/sites/titles are excluded; `allow` mode: everything not
 * listed is excluded, the desktop included) → policy categories with `exclude` (when the manifest's
 * `useDefaultExclusions` is on) → a browser window whose page address is unknown while site rules apply
 * (`scope:site-unknown`, see {@link ContextFilter.unverifiableSite}) → password prompt applications → password
 * title phrases.
 * @example
 * const f = new ContextFilter(manifest);
 * f.decide({ app: "KeePassXC", title: "db.kdbx" }).excluded // true (policy:password-manager)
 * f.decide({ app: "Chromium", title: "Sign in - Chromium" }).password // true
 */
export class ContextFilter {
  private readonly scope: Manifest["scope"];
  private readonly apps: string[];
  private readonly titles: string[];
  private readonly sites: SiteRule[];
  private readonly policy: PrivacyPolicy;
  private readonly pwPhrases: string[];
  private readonly promptApps: string[];
  private readonly browserApps: string[];
  /** A rule here needs the page address: site entries of an exclude-mode scope, the policy's excluded sites. */
  readonly needsUrl: boolean;
  private readonly cache = new Map<string, ContextDecision>();

  constructor(manifest: Pick<Manifest, "scope">, opts: ContextFilterOptions = {}) {
    this.scope = manifest.scope;
    this.apps = manifest.scope.apps.map(normalizeWords);
    this.titles = manifest.scope.titles.map((t) => t.toLowerCase());
    this.sites = manifest.scope.sites.map(parseSite).filter((s): s is SiteRule => s !== undefined);
    this.policy = opts.policy ?? DEFAULT_POLICY;
    this.pwPhrases = [...PASSWORD_TITLE_PHRASES, ...(opts.passwordPhrases ?? [])].map(normalizeWords);
    this.promptApps = PASSWORD_PROMPT_APPS.map(normalizeWords);
    this.browserApps = BROWSER_APPS.map(normalizeWords);
    this.needsUrl =
      (this.scope.mode === "exclude" && this.sites.length > 0) ||
      (this.scope.useDefaultExclusions &&
        this.policy.categories.some((c) => c.exclude && (c.hosts !== undefined || c.urlPatterns.length > 0)));
  }

  /**
   * Site rules apply here, and whether they would match cannot be told: a browser window whose page address
   * is unknown (no browser source, or it did not say). Such a window is excluded — a site the person was told
   * is never recorded must not be recorded because its address could not be read.
   */
  private unverifiableSite(ctx: WindowContext, appNorms: readonly string[]): boolean {
    if (!this.needsUrl || ctx.url || ctx.desktop) return false;
    return appNorms.some((n) => this.browserApps.some((b) => hasPhrase(n, b)));
  }

  private inList(ctx: WindowContext, appNorms: readonly string[]): string | undefined {
    for (const a of this.apps) for (const n of appNorms) if (hasPhrase(n, a)) return "app";
    if (ctx.title) {
      const t = ctx.title.toLowerCase();
      for (const s of this.titles) if (t.includes(s)) return "title";
    }
    if (ctx.url) for (const s of this.sites) if (siteMatches(s, ctx.url)) return "site";
    return undefined;
  }

  /** The decision for a context (cached; contexts repeat). */
  decide(ctx: WindowContext): ContextDecision {
    const key = JSON.stringify([ctx.app, ctx.instance, ctx.title, ctx.url, ctx.privateWindow, ctx.desktop]);
    const hit = this.cache.get(key);
    if (hit) return hit;
    const d = this.compute(ctx);
    if (this.cache.size > 2048) this.cache.clear();
    this.cache.set(key, d);
    return d;
  }

  private compute(ctx: WindowContext): ContextDecision {
    const reasons: string[] = [];
    let excluded = false;
    let password = false;
    const appNorms = [ctx.app, ctx.instance].filter((a): a is string => !!a).map(normalizeWords);
    const listed = this.inList(ctx, appNorms);
    if (this.scope.mode === "exclude" && listed) {
      excluded = true;
      reasons.push(`scope:${listed}`);
    } else if (this.scope.mode === "allow" && !listed) {
      excluded = true;
      reasons.push(ctx.desktop ? "scope:desktop-not-allowed" : "scope:not-allowed");
    }
    const m = matchContext(
      {
        ...(ctx.app || ctx.instance ? { app: [ctx.app, ctx.instance].filter(Boolean).join(" ") } : {}),
        ...(ctx.title ? { title: ctx.title } : {}),
        ...(ctx.url ? { url: ctx.url } : {}),
        ...(ctx.privateWindow ? { privateWindow: true } : {}),
      },
      this.policy,
    );
    if (m.exclude && this.scope.useDefaultExclusions) {
      excluded = true;
      reasons.push(`policy:${m.category ?? "excluded"}`);
    }
    if (!excluded && this.unverifiableSite(ctx, appNorms)) {
      excluded = true;
      reasons.push("scope:site-unknown");
    }
    if (appNorms.some((n) => this.promptApps.some((p) => hasPhrase(n, p)))) {
      excluded = true;
      reasons.push("password:prompt-app");
    }
    if (ctx.title) {
      const t = normalizeWords(ctx.title);
      if (this.pwPhrases.some((p) => hasPhrase(t, p))) {
        password = true;
        reasons.push("password:title");
      }
    }
    return { excluded, password, level: m.level, reasons };
  }
}
