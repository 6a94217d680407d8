import type { Detection, Recognizer } from "../../types.js";
import { alignedLower, codeAt, isDigit, isHex, isWordCode, results } from "./chars.js";
import { knownDigitCount } from "../ids/scan.js";

/** Scratch lists of detect (recognizers are not re-entered). */
const V4: Detection[] = [];
const V6: Detection[] = [];

/**
 * Parse a dotted-quad IPv4 address: exactly four decimal octets 0-255 of 1-3 digits.
 * @example isValidIPv4("192.168.0.1") // true
 * @example isValidIPv4("256.1.1.1") // false
 */
export function isValidIPv4(s: string): boolean {
  let parts = 0;
  let i = 0;
  const n = s.length;
  while (i <= n) {
    let v = 0;
    let len = 0;
    while (i < n && isDigit(s.charCodeAt(i))) {
      v = v * 10 + s.charCodeAt(i) - 48;
      if (++len > 3) return false;
      i++;
    }
    if (len === 0 || v > 255) return false;
    parts++;
    if (i === n) break;
    if (s.charCodeAt(i) !== 46 || parts === 4) return false;
    i++;
  }
  return parts === 4;
}

/**
 * Parse an IPv6 address in any RFC 4291 text form: full, "::"-compressed, with an embedded IPv4 tail,
 * and with an optional zone ("%eth0", "%25eth0" in URLs).
 * @example isValidIPv6("2001:db8::1") // true
 * @example isValidIPv6("::ffff:192.0.2.1") // true
 * @example isValidIPv6("fe80::1%eth0") // true
 * @example isValidIPv6("2001:db8::1::2") // false
 */
export function isValidIPv6(s: string): boolean {
  const pct = s.indexOf("%");
  if (pct >= 0) {
    if (!/^%(?:25)?[A-Za-z0-9_.~-]{1,32}$/.test(s.slice(pct))) return false;
    s = s.slice(0, pct);
  }
  if (s.length < 2 || s.length > 45) return false;
  const dbl = s.indexOf("::");
  if (dbl >= 0 && s.indexOf("::", dbl + 1) >= 0) return false;
  const head = dbl >= 0 ? s.slice(0, dbl) : s;
  const tail = dbl >= 0 ? s.slice(dbl + 2) : "";
  const h = groupsOf(head, dbl < 0);
  const t = dbl >= 0 ? groupsOf(tail, true) : 0;
  if (h < 0 || t < 0) return false;
  // an IPv4 tail may only end the whole address
  if (dbl >= 0 && head.includes(".")) return false;
  return dbl >= 0 ? h + t <= 7 : h === 8;
}

/** Count 16-bit groups of a ':'-separated run ("" counts 0); an IPv4 tail counts 2; -1 when malformed. */
function groupsOf(s: string, mayEndWithIPv4: boolean): number {
  if (s === "") return 0;
  const parts = s.split(":");
  let count = 0;
  for (let k = 0; k < parts.length; k++) {
    const p = parts[k]!;
    if (k === parts.length - 1 && mayEndWithIPv4 && p.includes(".")) {
      if (!isValidIPv4(p)) return -1;
      count += 2;
      continue;
    }
    if (p.length < 1 || p.length > 4) return -1;
    for (let i = 0; i < p.length; i++) if (!isHex(p.charCodeAt(i))) return -1;
    count++;
  }
  return count;
}

const VERSION_BEFORE =
  /(?:^|[^a-z0-9_])(?:version|ver\.?|v|build|release|rev|firmware|kernel|chrome|firefox|safari|android|ios|os)\s?$/;

function isNetChar(c: number): boolean {
  return isHex(c) || c === 58 || c === 46;
}

/**
 * An IPv4 address with one number OCR misread out of range ("263.0.113.20"): four numbers of one to three digits, one
 * of them 256 to 999 (a version's parts are longer or fewer).
 * @example misreadIPv4("263.0.113.20") // true
 */
export function misreadIPv4(s: string): boolean {
  const parts = s.split(".");
  if (parts.length !== 4) return false;
  let over = 0;
  for (const p of parts) {
    if (!/^[0-9]{1,3}$/.test(p)) return false;
    if (+p > 255) over++;
  }
  return over === 1;
}

function findIPv4(text: string, lower: string, out: Detection[], ocr: boolean): void {
  let dot = text.indexOf(".");
  while (dot >= 0) {
    if (!isDigit(codeAt(text, dot - 1)) || !isDigit(codeAt(text, dot + 1))) {
      dot = text.indexOf(".", dot + 1);
      continue;
    }
    let s = dot - 1;
    while (s > 0 && (isDigit(text.charCodeAt(s - 1)) || text.charCodeAt(s - 1) === 46)) s--;
    let e = dot + 1;
    while (e < text.length && (isDigit(text.charCodeAt(e)) || text.charCodeAt(e) === 46)) e++;
    let te = e;
    while (te > s && text.charCodeAt(te - 1) === 46) te--; // sentence-final dot
    while (s < te && text.charCodeAt(s) === 46) s++;
    const cand = text.slice(s, te);
    if (isValidIPv4(cand) && !isLocalOnlyV4(cand) && ipv4Boundaries(text, lower, s, te))
      out.push({ start: s, end: te, type: "IP_ADDRESS", score: 0.85, level: 2, recognizer: "ip-address" });
    else if (ocr && misreadIPv4(cand) && ipv4Boundaries(text, lower, s, te))
      out.push({ start: s, end: te, type: "IP_ADDRESS", score: 0.6, level: 2, recognizer: "ip-address" });
    dot = text.indexOf(".", e);
  }
}

/**
 * The loopback and unspecified addresses as people write them (127.0.0.1, 0.0.0.0) name no machine but the one
 * reading them: masking them costs the data and protects nobody. The rest of 127.0.0.0/8 is still masked: such an
 * address is rare in real text and may be any number that happens to start with 127.
 * @example isLocalOnlyV4("127.0.0.1") // true
 * @example isLocalOnlyV4("127.155.154.108") // false
 */
export function isLocalOnlyV4(s: string): boolean {
  return s === "127.0.0.1" || s === "0.0.0.0";
}

/**
 * ::1 in any of its spellings (0:0:0:0:0:0:0:1, 0::1), the IPv6 loopback.
 * @example isLoopbackV6("::1") // true
 */
export function isLoopbackV6(s: string): boolean {
  const parts = s.split(":");
  if (parts.length < 3 || !/^0{0,3}1$/.test(parts[parts.length - 1]!)) return false;
  for (let i = 0; i < parts.length - 1; i++) if (!/^0{0,4}$/.test(parts[i]!)) return false;
  return true;
}

function ipv4Boundaries(text: string, lower: string, s: number, e: number): boolean {
  const b = codeAt(text, s - 1);
  const a = codeAt(text, e);
  if (b >= 0 && isWordCode(b)) return false;
  // product tokens: "Chrome/120.0.6099.109" (also fails the octet test), "Version/1.2.3.4"; not a path's segment
  // ("/proxy/10.0.0.254/status") or a network's prefix after it ("net/10.0.0.0/8")
  if (b === 47 && isWordCode(codeAt(text, s - 2)) && a !== 47) return false;
  if (a >= 0 && isWordCode(a)) return false;
  if (VERSION_BEFORE.test(lower.slice(Math.max(0, s - 12), s))) return false;
  return true;
}

function findIPv6(text: string, out: Detection[]): void {
  const n = text.length;
  let colon = text.indexOf(":");
  let done = -1;
  while (colon >= 0) {
    if (colon < done || (!isNetChar(codeAt(text, colon - 1)) && !isNetChar(codeAt(text, colon + 1)))) {
      colon = text.indexOf(":", colon + 1);
      continue;
    }
    let s = colon;
    while (s > 0 && isNetChar(text.charCodeAt(s - 1)) && colon - s < 46) s--;
    let e = colon + 1;
    while (e < n && isNetChar(text.charCodeAt(e)) && e - s < 60) e++;
    done = e;
    // a single ':' at either edge is punctuation ("IP:fe80::1", "is fe80::1:")
    if (text.charCodeAt(s) === 58 && codeAt(text, s + 1) !== 58) s++;
    while (e > s && text.charCodeAt(e - 1) === 46) e--;
    if (e - s >= 2 && text.charCodeAt(e - 1) === 58 && text.charCodeAt(e - 2) !== 58) e--;
    // zone index
    let z = e;
    if (codeAt(text, e) === 37) {
      z = e + 1;
      while (z < n && z - e < 34 && /[A-Za-z0-9_.~-]/.test(text[z]!)) z++;
      while (z > e + 1 && text.charCodeAt(z - 1) === 46) z--;
      if (z === e + 1) z = e;
    }
    // Every IPv6 form has two colons or more ("::" or seven separators): "10:30" and "Note: a" are not tried.
    if (colonsIn(text, s, e) < 2) {
      colon = text.indexOf(":", Math.max(colon + 1, done));
      continue;
    }
    let cand = text.slice(s, z);
    let ok = ipv6Here(text, cand, s, z);
    // a label glued to the address by a colon ("id:2001:db8::1", "addr:fe80::1%eth0"): the word's hex tail read as
    // a group ("d:2001…") is no part of it
    if (!ok && s > 0 && isWordCode(text.charCodeAt(s - 1))) {
      const c1 = text.indexOf(":", s);
      if (c1 > s && c1 < e && text.charCodeAt(c1 + 1) !== 58) {
        s = c1 + 1;
        cand = text.slice(s, z);
        ok = ipv6Here(text, cand, s, z);
      }
    }
    if (ok)
      out.push({ start: s, end: z, type: "IP_ADDRESS", score: 0.85, level: 2, recognizer: "ip-address" });
    colon = text.indexOf(":", Math.max(colon + 1, done));
  }
}

/** `cand`, text[s..z), is an IPv6 address as written, no loopback, standing alone in the text. */
function ipv6Here(text: string, cand: string, s: number, z: number): boolean {
  return ipv6Plausible(cand) && isValidIPv6(cand) && !isLoopbackV6(cand) && ipv6Boundaries(text, s, z);
}

function colonsIn(text: string, s: number, e: number): number {
  let n = 0;
  for (let i = s; i < e; i++) if (text.charCodeAt(i) === 58) n++;
  return n;
}

function ipv6Plausible(s: string): boolean {
  // "::" alone, "Add::Abc" (code paths made of hex letters), "ab:cd" are not written addresses
  if (s === "::" || s.length < 3) return false;
  const compressed = s.includes("::");
  if (!compressed) return true;
  for (let i = 0; i < s.length; i++) if (isDigit(s.charCodeAt(i))) return true;
  return false;
}

function ipv6Boundaries(text: string, s: number, e: number): boolean {
  const b = codeAt(text, s - 1);
  const a = codeAt(text, e);
  if (b >= 0 && (isWordCode(b) || b === 46)) return false;
  // a colon before it ends a label ("id:", "x:"), not another group: a letter that is no hex digit stands before it
  if (b === 58 && !labelColon(text, s - 1)) return false;
  if (a >= 0 && isWordCode(a)) return false;
  // a colon after it ends the clause when a space or the end follows ("peer 2001:db8::7334: connection refused"),
  // and a host's when a path follows, as scp and rsync write it ("user@2001:db8::7334:/var/www", "…:~/site")
  if (a === 58) {
    const a2 = codeAt(text, e + 1);
    if (!(a2 === -1 || a2 === 32 || a2 === 9 || a2 === 10 || a2 === 13 || a2 === 47 || a2 === 126))
      return false;
  }
  return true;
}

/** The colon at `k` ends a word with a letter that no hex number holds ("id:", "addr:", "x:"). */
function labelColon(text: string, k: number): boolean {
  let j = k;
  let letter = false;
  while (j > 0 && isWordCode(text.charCodeAt(j - 1))) {
    const c = text.charCodeAt(j - 1) | 32;
    if (c >= 103 && c <= 122) letter = true;
    j--;
  }
  return letter;
}

/**
 * IPv4 (four octets 0-255, not part of a longer dotted number or a version string; on the ocr channel one number
 * may be out of range, as OCR misreads a digit) and IPv6 (every compressed form, embedded IPv4, zone index), type
 * IP_ADDRESS at level 2 ("internal"; still masked).
 */
export const ipAddress: Recognizer = {
  id: "ip-address",
  types: ["IP_ADDRESS"],
  // IPv4 holds digits; IPv6 colons (and may be written in hex letters only)
  triggers: { digit: true, text: [":"] },
  detect(input) {
    const { text } = input;
    const lower = alignedLower(text, input.lower);
    const v4 = V4;
    if (v4.length !== 0) v4.length = 0;
    // An IPv4 address holds digits (free to rule out when the ids recognizers ran on this input).
    if (knownDigitCount(input) !== 0 && text.indexOf(".") >= 0)
      findIPv4(text, lower, v4, input.channel === "ocr");
    if (text.indexOf(":") < 0) return results(v4);
    const v6 = V6;
    if (v6.length !== 0) v6.length = 0;
    findIPv6(text, v6);
    if (v6.length === 0) return results(v4);
    // an embedded IPv4 tail ("::ffff:192.0.2.1") is part of its IPv6 address. Both lists are in text order and
    // each is disjoint, so one walk finds the IPv6 address that may hold each IPv4 one (a search of the whole
    // IPv6 list per IPv4 address made a text of many such addresses quadratic).
    v6.sort((a, b) => a.start - b.start);
    const out = v6.slice();
    let j = 0;
    for (const a of v4) {
      while (j < v6.length && v6[j]!.end < a.end) j++;
      if (!(j < v6.length && v6[j]!.start <= a.start)) out.push(a);
    }
    return out.sort((a, b) => a.start - b.start);
  },
};
