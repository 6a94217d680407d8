/**
 * Normalisation shared by the policy's app and title matchers: lower-case, no diacritics, every run of
 * characters that are not letters or digits turned into one space, trimmed.
 * @example normalizeName("org.keepassxc.KeePassXC") // "org keepassxc keepassxc"
 * @example normalizeName("Steuererklärung 2025 – ELSTER") // "steuererklarung 2025 elster"
 */
export function normalizeName(s: string): string {
  return s
    .toLowerCase()
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/**
 * Whole-word phrase containment on normalised strings (both sides already passed through `normalizeName`).
 * @example containsPhrase("new incognito tab google chrome", "incognito tab") // true
 * @example containsPhrase("signals", "signal") // false
 */
export function containsPhrase(normalizedHay: string, normalizedPhrase: string): boolean {
  if (normalizedPhrase.length === 0) return false;
  let i = normalizedHay.indexOf(normalizedPhrase);
  while (i >= 0) {
    const end = i + normalizedPhrase.length;
    if (
      (i === 0 || normalizedHay.charCodeAt(i - 1) === 32) &&
      (end === normalizedHay.length || normalizedHay.charCodeAt(end) === 32)
    )
      return true;
    i = normalizedHay.indexOf(normalizedPhrase, i + 1);
  }
  return false;
}

/** Longest title or app string the matchers look at; longer ones keep their head and tail (markers sit at the end). */
export const MAX_CONTEXT_FIELD = 2048;

/**
 * Bound a context string: keep its first and last `MAX_CONTEXT_FIELD / 2` code units.
 * @example clip("short") // "short"
 */
export function clip(s: string): string {
  if (s.length <= MAX_CONTEXT_FIELD) return s;
  const half = MAX_CONTEXT_FIELD / 2;
  return `${s.slice(0, half)} … ${s.slice(s.length - half)}`;
}

/**
 * Host and path of a URL-like string, lower-case; the scheme may be missing (`web.whatsapp.com/`).
 * Returns undefined when there is no host (e.g. `about:blank`, `file:///tmp/x`).
 * @example parseUrlLike("https://WWW.IRS.gov/refunds?x=1") // { host: "www.irs.gov", path: "/refunds" }
 */
export function parseUrlLike(raw: string): { host: string; path: string } | undefined {
  let s = raw.trim();
  if (s.length === 0) return undefined;
  if (s.length > 4096) s = s.slice(0, 4096);
  if (!/^[a-z][a-z0-9+.-]{0,30}:/i.test(s) || /^[a-z0-9.-]+:\d{1,5}(?:[/?#]|$)/i.test(s)) s = `https://${s}`;
  let u: URL;
  try {
    u = new URL(s);
  } catch {
    return undefined;
  }
  const host = u.hostname.toLowerCase().replace(/\.$/, "");
  if (!host) return undefined;
  let path: string;
  try {
    path = decodeURIComponent(u.pathname).toLowerCase();
  } catch {
    path = u.pathname.toLowerCase();
  }
  return { host, path };
}
