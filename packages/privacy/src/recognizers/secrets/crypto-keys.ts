/**
 * Cryptocurrency and raw private keys: 64 hex digits (with or without 0x) next to private-key or wallet words,
 * Bitcoin WIF keys after key words, and 12-24 word seed phrases after "seed phrase"/"mnemonic". Hashes,
 * transaction ids, public keys and addresses (by the words before them) are not keys.
 * The hex and WIF scans run on the token runs the provider-token recognizer already computed; the seed-phrase
 * parser runs where the announced-secrets scan finds its announcing words.
 */
import type { Detection } from "../../types.js";
import { hasContextAfter, hasContextBefore } from "../../context.js";
import { isAsciiAlnum, isHexChar, isSequenceOrRepeat, secretDetection, type TokenRuns } from "./util.js";

/** Words before a 64-hex value that say it is a private key. */
// prettier-ignore
const KEY_BEFORE = [
  "private key", "private_key", "privatekey", "privkey", "priv key", "priv_key", "secret key", "secret_key",
  "secretkey", "signing key", "signing_key", "wallet", "seed", "mnemonic", "eth_private_key", "secret",
];
/** Words after it that say so (a sentence about the wallet the key controls). */
// prettier-ignore
const KEY_AFTER = [
  "wallet", "private key", "privkey", "seed", "funds", "metamask",
];
/** Words before that say it is something else (hashes, transaction ids, public keys, addresses). */
// prettier-ignore
const NOT_KEY = [
  "sha", "sha1", "sha256", "sha-256", "sha512", "hash", "hashes", "digest", "checksum", "commit", "tx", "txid",
  "txhash", "tx hash", "transaction", "block", "public", "pubkey", "public_key", "address", "integrity",
  "fingerprint", "merkle", "nonce", "salt", "id", "uuid", "etag",
];

function distinct(s: string): number {
  return new Set(s.toLowerCase()).size;
}

/**
 * 64-hex-digit private keys (secp256k1 / Ethereum, Ed25519 seeds...), optionally 0x-prefixed, by context, in the
 * given token runs ([start, end) pairs).
 * @example hexKeys(t, t.toLowerCase(), tokenRuns(t), out, "secret-tokens") // t = "private key: 4c08…(64 hex)"
 */
export function hexKeys(text: string, lower: string, runs: TokenRuns, out: Detection[], id: string): void {
  for (let r = 0; r < runs.length; r += 2) {
    const rs = runs[r]!;
    const re = runs[r + 1]!;
    if (re - rs < 64) continue;
    // Every stretch of 64 hex digits holds one of the probed positions, 64 apart: a probe that is no hex digit
    // rules out the 63 positions before it (long base64 runs are mostly skipped).
    let p = rs + 63;
    while (p < re) {
      if (!isHexChar(text.charCodeAt(p))) {
        p += 64;
        continue;
      }
      let s = p;
      while (s > rs && isHexChar(text.charCodeAt(s - 1))) s--;
      let i = p + 1;
      while (i < re && isHexChar(text.charCodeAt(i))) i++;
      p = i + 64;
      if (i - s !== 64) continue;
      const prefixed =
        s >= 2 &&
        text[s - 1] === "x" &&
        text[s - 2] === "0" &&
        (s < 3 || !isAsciiAlnum(text.charCodeAt(s - 3)));
      const beforeOk = prefixed || s === 0 || !isAsciiAlnum(text.charCodeAt(s - 1));
      const afterOk = i >= text.length || !isAsciiAlnum(text.charCodeAt(i));
      if (!beforeOk || !afterOk) continue;
      const hex = text.slice(s, i);
      if (isSequenceOrRepeat(hex) || distinct(hex) < 8) continue;
      const from = prefixed ? s - 2 : s;
      if (hasContextBefore(lower, from, NOT_KEY, 30)) continue;
      const before = hasContextBefore(lower, from, KEY_BEFORE, 60);
      const after = prefixed && hasContextAfter(lower, i, KEY_AFTER, 80);
      if (before || after) out.push(secretDetection(s, i, "private-key", before ? 0.9 : 0.8, id));
    }
  }
}

const BASE58 = /^[5KL][1-9A-HJ-NP-Za-km-z]{50,51}$/;

/** Bitcoin WIF private keys (base58, 51-52 chars starting 5, K or L) after private-key words, in token runs. */
export function wifKeys(text: string, lower: string, runs: TokenRuns, out: Detection[], id: string): void {
  for (let r = 0; r < runs.length; r += 2) {
    const rs = runs[r]!;
    const re = runs[r + 1]!;
    const len = re - rs;
    if (len < 51 || len > 52) continue;
    const tok = text.slice(rs, re);
    if (!BASE58.test(tok)) continue;
    if (
      hasContextBefore(
        lower,
        rs,
        ["wif", "private key", "privkey", "private_key", "bitcoin", "btc", "wallet"],
        60,
      )
    ) {
      out.push(secretDetection(rs, re, "private-key", 0.85, id));
    }
  }
}

/**
 * After a word announcing a seed phrase (ending at `end`): 12 to 24 lower-case words, after optional glue
 * ("is", ":", quotes, a newline).
 */
export function seedPhraseAfter(lower: string, end: number, out: Detection[], id: string): void {
  let i = end;
  const glueEnd = Math.min(lower.length, i + 24);
  const m = /^[^a-z\n]*(?:(?:is|was|are|=|:|-)[^a-z\n]*)?(?:\n\s*)?/.exec(lower.slice(i, glueEnd));
  i += m ? m[0].length : 0;
  const words = /^(?:[a-z]{3,8}[ \t\n]{1,3}){11,23}[a-z]{3,8}\b/.exec(lower.slice(i, i + 24 * 12));
  if (words) out.push(secretDetection(i, i + words[0].length, "seed-phrase", 0.85, id));
}
