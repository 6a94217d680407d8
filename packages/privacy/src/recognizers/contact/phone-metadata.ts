/**
 * Fast validation of international phone numbers against libphonenumber-js's "max" metadata.
 *
 * libphonenumber-js's own `parsePhoneNumberFromString(...).isValid()` costs 20-70 µs a call on Node 20
 * (it rebuilds regular expressions from the metadata on every call), which alone would hold the
 * recognizer under 10 MB/s. The metadata is what carries the knowledge, so this module compiles it
 * once per calling code, lazily, into two anchored regexes (the national number pattern and the union
 * of the per-type patterns) and a set of possible lengths, and answers in well under a microsecond.
 * The rule is libphonenumber's `isValid`: the national significant number matches the general pattern
 * of a region of that calling code and one of its number-type patterns. `phone-metadata.test.ts`
 * cross-checks the answers against libphonenumber-js itself.
 */
import metadata from "libphonenumber-js/metadata.max.json";

/** One numbering plan (a region, or a non-geographic calling code), compiled. */
interface Plan {
  general: RegExp;
  types: RegExp | undefined;
  lengths: ReadonlySet<number>;
  /** National (trunk) prefix such as "0", when the plan has one. */
  nationalPrefix: string | undefined;
}

type MinifiedPlan = readonly unknown[];

/** The plans of one calling code, and a union of their national number patterns for a fast reject. */
interface CallingCodePlans {
  plans: readonly Plan[];
  anyGeneral: RegExp;
  lengths: ReadonlySet<number>;
  nationalPrefixes: readonly string[];
}

const plans = new Map<string, CallingCodePlans>();

function compile(raw: MinifiedPlan): Plan {
  // Minified plan layout (metadata v4): [0] calling code, [2] national number pattern,
  // [3] possible lengths, [5] national prefix, [11] per-type [pattern, lengths?] entries.
  const general = new RegExp(`^(?:${String(raw[2])})$`);
  const lengths = new Set<number>(Array.isArray(raw[3]) ? (raw[3] as number[]) : []);
  const typeEntries = Array.isArray(raw[11]) ? (raw[11] as unknown[]) : [];
  const typePatterns: string[] = [];
  for (const t of typeEntries) {
    if (Array.isArray(t) && typeof t[0] === "string" && t[0] !== "") typePatterns.push(t[0]);
    if (Array.isArray(t) && Array.isArray(t[1])) for (const l of t[1] as number[]) lengths.add(l);
  }
  const types = typePatterns.length ? new RegExp(`^(?:${typePatterns.join("|")})$`) : undefined;
  const nationalPrefix = typeof raw[5] === "string" && raw[5] !== "" ? raw[5] : undefined;
  return { general, types, lengths, nationalPrefix };
}

function plansOf(callingCode: string): CallingCodePlans {
  let p = plans.get(callingCode);
  if (p) return p;
  const out: Plan[] = [];
  const sources = new Set<string>();
  const regions = (metadata.country_calling_codes as Record<string, readonly string[]>)[callingCode];
  const countries = metadata.countries as Record<string, MinifiedPlan | undefined>;
  const raws: MinifiedPlan[] = [];
  if (regions) for (const r of regions) if (countries[r]) raws.push(countries[r]);
  const nonGeo = (metadata.nonGeographic as Record<string, MinifiedPlan | undefined> | undefined)?.[
    callingCode
  ];
  if (nonGeo) raws.push(nonGeo);
  for (const raw of raws) {
    out.push(compile(raw));
    sources.add(String(raw[2]));
  }
  const lengths = new Set<number>();
  for (const pl of out) for (const l of pl.lengths) lengths.add(l);
  const prefixes = [...new Set(out.map((pl) => pl.nationalPrefix).filter((x): x is string => !!x))];
  p = {
    plans: out,
    anyGeneral: new RegExp(`^(?:${[...sources].join("|")})$`),
    lengths,
    nationalPrefixes: prefixes,
  };
  plans.set(callingCode, p);
  return p;
}

/**
 * True when `code` is an assigned country calling code (geographic or not).
 * @example isCallingCode("41") // true
 * @example isCallingCode("42") // false
 */
export function isCallingCode(code: string): boolean {
  return (
    code in (metadata.country_calling_codes as Record<string, unknown>) ||
    code in ((metadata.nonGeographic as Record<string, unknown> | undefined) ?? {})
  );
}

/** How well a number fits the numbering plans of its calling code. */
export type PhoneVerdict = "valid" | "possible" | "invalid";

export interface IntlCheck {
  /** The calling code found at the start of the digits, or "" when none is assigned. */
  callingCode: string;
  verdict: PhoneVerdict;
}

function checkNational(callingCode: string, nsn: string): PhoneVerdict {
  const cp = plansOf(callingCode);
  const variants = [nsn];
  // People often keep the trunk prefix after the country code ("+44 07700 900123"); accept it stripped.
  for (const np of cp.nationalPrefixes)
    if (nsn.startsWith(np) && nsn.length > np.length + 3) variants.push(nsn.slice(np.length));
  let possible = false;
  for (const n of variants) {
    if (cp.lengths.has(n.length)) possible = true;
    if (!cp.anyGeneral.test(n)) continue;
    for (const p of cp.plans) if (p.general.test(n) && (!p.types || p.types.test(n))) return "valid";
  }
  return possible ? "possible" : "invalid";
}

/**
 * Validate digits written after an international prefix ("+" or "00"): the calling code is the
 * shortest assigned prefix (calling codes are prefix-free), the rest is the national significant number.
 * @example checkInternational("41699798058") // { callingCode: "41", verdict: "valid" }
 * @example checkInternational("999123") // { callingCode: "", verdict: "invalid" }
 */
export function checkInternational(digits: string): IntlCheck {
  for (let len = 1; len <= 3 && len < digits.length; len++) {
    const cc = digits.slice(0, len);
    if (!isCallingCode(cc)) continue;
    const nsn = digits.slice(len);
    if (nsn.length < 2 || nsn.length > 17) return { callingCode: cc, verdict: "invalid" };
    return { callingCode: cc, verdict: checkNational(cc, nsn) };
  }
  return { callingCode: "", verdict: "invalid" };
}

/**
 * Validate a national significant number for a known calling code, e.g. a North American number
 * written without "+1".
 * @example checkForCallingCode("1", "2015550123") // "valid"
 */
export function checkForCallingCode(callingCode: string, nsn: string): PhoneVerdict {
  if (!isCallingCode(callingCode)) return "invalid";
  return checkNational(callingCode, nsn);
}
