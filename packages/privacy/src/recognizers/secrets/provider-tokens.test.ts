import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Detection, RecognizerInput } from "../../types.js";
import { secretTokens } from "./provider-tokens.js";
import { TOKEN_FORMATS, TOKEN_PROVIDERS, type TokenFormat } from "./token-formats.js";

const input = (text: string): RecognizerInput => ({ text, lower: text.toLowerCase(), channel: "typed" });
const detect = (text: string): Detection[] => secretTokens.detect(input(text)).filter((d) => d.score >= 0.5);

/** Detections covering text[start, end) entirely. */
function covering(dets: Detection[], start: number, end: number): Detection[] {
  return dets.filter((d) => d.start <= start && d.end >= end);
}

// ---------------------------------------------------------------------------------------------------------------
// A small generator of random strings matching the subset of regex syntax the token table uses: literals,
// escapes (\d \. \$ ...), classes with ranges, groups (?:a|b), and the quantifiers ? {n} {n,m}.

type Rng = () => number;

function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Node =
  | { kind: "chars"; set: string }
  | { kind: "alt"; options: Node[][] }
  | { kind: "repeat"; node: Node; min: number; max: number };

function parseClass(src: string, i: number): [string, number] {
  // src[i] === '['
  let j = i + 1;
  let set = "";
  while (src[j] !== "]") {
    let c = src[j]!;
    if (c === "\\") {
      j++;
      c = src[j]!;
      if (c === "d") {
        set += "0123456789";
        j++;
        continue;
      }
    }
    if (src[j + 1] === "-" && src[j + 2] !== "]") {
      let hi = src[j + 2]!;
      let skip = 3;
      if (hi === "\\") {
        hi = src[j + 3]!;
        skip = 4;
      }
      for (let k = c.charCodeAt(0); k <= hi.charCodeAt(0); k++) set += String.fromCharCode(k);
      j += skip;
    } else {
      set += c;
      j++;
    }
  }
  return [set, j + 1];
}

function parseSeq(src: string, i: number): [Node[][], number] {
  const options: Node[][] = [[]];
  while (i < src.length && src[i] !== ")") {
    const c = src[i]!;
    let node: Node;
    if (c === "|") {
      options.push([]);
      i++;
      continue;
    } else if (c === "(") {
      const [opts, j] = parseSeq(src, i + 3); // "(?:"
      node = { kind: "alt", options: opts };
      i = j + 1;
    } else if (c === "[") {
      const [set, j] = parseClass(src, i);
      node = { kind: "chars", set };
      i = j;
    } else if (c === "\\") {
      const e = src[i + 1]!;
      node = { kind: "chars", set: e === "d" ? "0123456789" : e };
      i += 2;
    } else {
      node = { kind: "chars", set: c };
      i++;
    }
    const q = src[i];
    if (q === "?") {
      node = { kind: "repeat", node, min: 0, max: 1 };
      i++;
    } else if (q === "{") {
      const close = src.indexOf("}", i);
      const [a, b] = src.slice(i + 1, close).split(",");
      const min = Number(a);
      const max = b === undefined ? min : b === "" ? min + 20 : Number(b);
      node = { kind: "repeat", node, min, max };
      i = close + 1;
    }
    options[options.length - 1]!.push(node);
  }
  return [options, i];
}

function gen(nodes: Node[], rng: Rng): string {
  let s = "";
  for (const n of nodes) {
    if (n.kind === "chars") s += n.set[Math.floor(rng() * n.set.length)]!;
    else if (n.kind === "alt") s += gen(n.options[Math.floor(rng() * n.options.length)]!, rng);
    else {
      const max = Math.min(n.max, n.min + 30);
      const k = n.min + Math.floor(rng() * (max - n.min + 1));
      for (let r = 0; r < k; r++) s += gen([n.node], rng);
    }
  }
  return s;
}

/** A random token of the format (retrying until its extra check passes). */
function sample(f: TokenFormat, seed: number): string {
  const rng = mulberry32(seed);
  const [opts] = parseSeq(f.pattern, 0);
  for (let attempt = 0; attempt < 200; attempt++) {
    let tok = gen(opts[Math.floor(rng() * opts.length)]!, rng);
    if (f.name === "OpenAI API key")
      tok = `sk-proj-${gen(parseSeq("[A-Za-z0-9]{20}", 0)[0][0]!, rng)}T3BlbkFJ${gen(parseSeq("[A-Za-z0-9]{20}", 0)[0][0]!, rng)}`;
    if (f.check && !f.check(tok)) continue;
    if (f.prefixes && !f.prefixes.some((p) => tok.startsWith(p))) continue;
    return tok;
  }
  throw new Error(`could not generate a sample of ${f.name}`);
}

// ---------------------------------------------------------------------------------------------------------------

describe("provider token table", () => {
  it("covers at least 60 formats and 60 providers", () => {
    expect(TOKEN_FORMATS.length).toBeGreaterThanOrEqual(60);
    expect(TOKEN_PROVIDERS.length).toBeGreaterThanOrEqual(60);
  });

  it("every row has prefixes or a trigger, and its samples match its pattern", () => {
    for (const f of TOKEN_FORMATS) {
      expect(Boolean(f.prefixes?.length) !== Boolean(f.trigger), f.name).toBe(true);
      const tok = sample(f, 42);
      expect(new RegExp(`^(?:${f.pattern})$`).test(tok), `${f.name}: ${tok}`).toBe(true);
      if (f.trigger) expect(tok.includes(f.trigger)).toBe(true);
    }
  });
});

describe("secret-tokens: random tokens of every format are found", () => {
  for (const f of TOKEN_FORMATS) {
    it(`${f.provider}: ${f.name}`, () => {
      for (let seed = 1; seed <= 12; seed++) {
        const tok = sample(f, seed * 7919 + f.name.length);
        for (const ctx of [`token: ${tok}`, `"${tok}"`, `${tok}\n`, `export KEY=${tok} # fake`]) {
          const at = ctx.indexOf(tok);
          const hits = covering(detect(ctx), at, at + tok.length);
          expect(hits.length, `${f.name} not found in ${JSON.stringify(ctx)}`).toBeGreaterThan(0);
          expect(hits.every((d) => d.type.startsWith("SECRET:") && d.level === 4)).toBe(true);
        }
      }
    });
  }

  it("types the token by provider", () => {
    const tok = "ghp_" + "aB3dE6gH9jK2mN5pQ8sT1vW4yZ7bC0eF3hJ6";
    expect(detect(`use ${tok} now`)[0]?.type).toBe("SECRET:github");
    const stripe = "sk_live_" + "4eC39HqLyjWDarjtT1zdp7dc";
    expect(detect(stripe)[0]?.type).toBe("SECRET:stripe");
  });

  it("an AWS secret access key right after its access key id (fake values)", () => {
    const id = "AKIAFAKEFAKEFAKE2345";
    const secret = "fAkE0sEcReT/k7mDeNg+bPxRfiCYzq8Hk2Lp0wQ1";
    for (const gap of [" ", " / ", "\t", "\n", ", "]) {
      const text = `${id}${gap}${secret}`;
      expect(covering(detect(text), text.indexOf(secret), text.length)[0]?.type).toBe("SECRET:aws");
    }
    // not across words, not a longer run, not without the id
    expect(covering(detect(`${id} and ${secret}`), 25, 65)).toEqual([]);
    expect(detect(`${id} ${secret}xyz`).length).toBe(1);
    expect(detect(secret)).toEqual([]);
  });

  it("includes the scheme of webhook URLs", () => {
    const url = "https://hooks.slack.com/services/T0FAKE000/B0FAKE000/abcdefghijklmnopqrstuvwx";
    const d = detect(`post to ${url} please`);
    expect(d[0]).toMatchObject({ start: 8, end: 8 + url.length, type: "SECRET:slack" });
  });
});

describe("secret-tokens: look-alikes are not tokens", () => {
  it.each([
    ["publishable Stripe key", "pk_live_AAAAAAAAAAAAAAAAAAAAAAAA"],
    ["Stripe key one char short", "sk_live_AAAAAAAAAAAAAAAAAAAAAAA"],
    ["prefix glued to a word", "xsk_live_AAAAAAAAAAAAAAAAAAAAAAAA"],
    ["Hugging Face body with a digit", "hf_FakeFakeFake1FakeFakeFakeFakeFakeFa"],
    ["Hugging Face body too long", "hf_FakeFakeFakeFakeFakeFakeFakeFakeFak"],
    ["Groq key too long", "gsk_aBcDeFgHiJkLmNoPqRsT1234567890abcdefghijklmnopqrstuvWXYZ"],
    ["Cloudflare token with an extra char", "cfat_aAbBcCdDeEfFgGhHiIjJkKlLmMnNoOpPqQrRsStT03fa099bZ"],
    ["Databricks token too long", "dapiABCDEF1234567890ABCDEF1234567890AB"],
    ["Notion token with 10 digits", "ntn_1234567890aBcDeFgHiJkLmNoPqRsT1234567890abcdef"],
    ["OpenAI-shaped key without the marker", "sk-sUeBP9asw6GiYHXqtg70abcdefghJuLwJFco90bOpU0Ntest"],
    ["Anthropic stub", "sk-ant-api02-notarealkey"],
    ["Vault stub", "hvs.example"],
    ["Tailscale glued to letters", "abctskey-api-AAAAAAAAAAAA-BBBBBBBBBBBBBBBBBBBBBBBB"],
    ["SendGrid missing its last part", "SG.APhb3zgjtx3hajdas1TjBB."],
    ["Docker stub", "dckr_pat_tooshort"],
    [
      "1Password prefix without JSON",
      "ops_DUMMYWFpbCI6ImVqd2U2NHFtbHhocmlAMXBhc3N3b3Jkc2VydmljZWFjY291bnRzLmxjbCIsIm11ayI6",
    ],
    ["AWS id glued to a digit", "1AKIAIOSFODNN7EXAMPLE"],
    ["word that shares a prefix", "SKILLS_inventory_management_system"],
    ["URL of the provider", "https://api.cloudflare.com/client/v4/zones"],
    ["hugs and kisses", "xoxo-see-you-soon-grandma-and-grandpa"],
    ["upper-case identifier after API-", "API-REFERENCEDOCUMENTATIONSX"],
    ["snake_case identifier after re_", "re_compute_averagesforallusersinthedb"],
    // a file's name with a hash after a prefix; a Sourcegraph-shaped placeholder
    ["a file's name", "/static/banner.ico-3c9d5e0f1a2b4c6d8e7f9a0b1c2d3e4f.png"],
    ["runs of one character", "sgp_4444444bDDDDD9999999EeeeEAbbbbbbbbbbbbbb"],
  ])("%s", (_name, text) => {
    expect(detect(text)).toEqual([]);
  });

  it("does not report a 64-hex value without key context, nor a public key / hash with it", () => {
    const hex = "c8f12fb8b20008e14b5a5ff4bad15af9b545d98144da8707892dcc2a2014ba58";
    expect(detect(`commit ${hex}`)).toEqual([]);
    expect(detect(`DOTENV_PUBLIC_KEY="${hex}"`)).toEqual([]);
    expect(detect(`sha256: ${hex}`)).toEqual([]);
    expect(detect(`0x${"0".repeat(64)} wallet`)).toEqual([]);
  });

  it("reports a raw hex private key next to key or wallet words", () => {
    const hex = "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318";
    const t1 = `ETH private key: ${hex}`;
    expect(covering(detect(t1), t1.indexOf(hex), t1.length)[0]?.type).toBe("SECRET:private-key");
    const t2 = `oops: 0x${hex}! do not send money to this wallet`;
    expect(covering(detect(t2), t2.indexOf(hex), t2.indexOf(hex) + 64).length).toBe(1);
  });

  it("random prose is never flagged", () => {
    const word = fc.oneof(
      fc.stringMatching(/^[a-z]{1,12}$/),
      fc.stringMatching(/^[A-Z][a-z]{0,20}$/),
      fc.stringMatching(/^[0-9]{1,6}$/),
    );
    const sep = fc.constantFrom(" ", ", ", ". ", "\n", " - ", ": ", "-", "_", "/");
    fc.assert(
      fc.property(fc.array(fc.tuple(word, sep), { maxLength: 60 }), (parts) => {
        const text = parts.map(([w, s]) => w + s).join("");
        expect(detect(text)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
