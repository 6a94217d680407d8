import { isIPv4, isIPv6 } from "node:net";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { redact } from "../../engine.js";
import type { Detection, Recognizer } from "../../types.js";
import { email } from "./email.js";
import { ipAddress, isLocalOnlyV4, isLoopbackV6, isValidIPv4, isValidIPv6 } from "./ip.js";
import { macAddress } from "./mac.js";
import { url } from "./url.js";

// Words that legitimately change the verdict on the number after them ("version 1.2.3.4").
const CONTEXT_WORDS = new Set([
  "v",
  "ver",
  "version",
  "build",
  "release",
  "rev",
  "firmware",
  "kernel",
  "os",
  "ios",
]);

/** Random filler: words, numbers and punctuation, always separated from the entity by spaces. */
const filler = fc
  .array(
    fc.oneof(
      fc.stringMatching(/^[A-Za-z]{1,9}$/).filter((w) => !CONTEXT_WORDS.has(w.toLowerCase())),
      fc.integer({ min: 0, max: 99_999 }).map(String),
      fc.constantFrom(",", ".", "!", "(", ")", "-", ":", ";", "é", "Ünïcode", "日本", "\n"),
    ),
    { maxLength: 8 },
  )
  .map((a) => a.join(" "));

function embedded(entity: fc.Arbitrary<string>) {
  return fc.tuple(filler, entity, filler).map(([a, e, b]) => {
    const prefix = a ? a + " " : "";
    return { text: prefix + e + (b ? " " + b : ""), start: prefix.length, entity: e };
  });
}

function detects(r: Recognizer, text: string): Detection[] {
  return r.detect({ text, lower: text.toLowerCase(), channel: "typed" }).filter((d) => d.score >= 0.5);
}

function foundExactly(r: Recognizer, c: { text: string; start: number; entity: string }): boolean {
  return detects(r, c.text).some((d) => d.start === c.start && d.end === c.start + c.entity.length);
}

const hexByte = fc.integer({ min: 0, max: 255 }).map((b) => b.toString(16).padStart(2, "0"));

const label = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,10}[a-z0-9])?$/);
const tld = fc.stringMatching(/^[a-z]{2,6}$/);
const domain = fc
  .tuple(fc.array(label, { minLength: 1, maxLength: 3 }), tld)
  .map(([ls, t]) => [...ls, t].join("."))
  .filter((d) => !/^\d+x\./.test(d));
const local = fc.stringMatching(/^[A-Za-z0-9](?:[A-Za-z0-9._+-]{0,20}[A-Za-z0-9])?$/);

describe("property: network identifiers and e-mail addresses embedded in random text", () => {
  it("every IPv4 address is found with exact offsets", () => {
    // 127.0.0.1 and 0.0.0.0 are left unmasked on purpose (they name no machine)
    fc.assert(
      fc.property(embedded(fc.ipV4().filter((s) => !isLocalOnlyV4(s))), (c) => foundExactly(ipAddress, c)),
    );
  });

  it("every IPv6 address (all compressed forms, IPv4 tails) is found with exact offsets", () => {
    // "::" alone and digit-less compressed forms ("a::b") are deliberately not reported: in prose they
    // are C++ scopes and the like.
    // ::1 in any spelling is left unmasked on purpose
    const ipv6 = fc
      .ipV6()
      .filter((s) => s !== "::" && (/\d/.test(s) || !s.includes("::")) && !isLoopbackV6(s));
    fc.assert(fc.property(embedded(ipv6), (c) => foundExactly(ipAddress, c)));
  });

  it("every MAC address is found with exact offsets", () => {
    const mac = fc
      .tuple(fc.array(hexByte, { minLength: 6, maxLength: 6 }), fc.constantFrom(":", "-", "."), fc.boolean())
      .map(([bytes, sep, upper]) => {
        const hex = bytes.join("");
        const s = sep === "." ? [hex.slice(0, 4), hex.slice(4, 8), hex.slice(8)].join(".") : bytes.join(sep);
        return upper ? s.toUpperCase() : s;
      })
      .filter((s) => /\d/.test(s));
    fc.assert(fc.property(embedded(mac), (c) => foundExactly(macAddress, c)));
  });

  it("every e-mail address is found with exact offsets", () => {
    const addr = fc.tuple(local, domain).map(([l, d]) => `${l}@${d}`);
    fc.assert(fc.property(embedded(addr), (c) => foundExactly(email, c)));
  });
});

describe("property: validators agree with node:net", () => {
  const hexy = fc.stringMatching(/^[0-9a-fA-F:.]{1,40}$/);
  it("isValidIPv6 matches net.isIPv6 on random hex/colon/dot strings", () => {
    fc.assert(
      fc.property(fc.oneof(hexy, fc.ipV6()), (s) => {
        // node rejects IPv4 tails with leading zeros; so do we (octets are compared as numbers, and a
        // tail like 01.2.3.4 is not produced by the address generator)
        if (/(?:^|[:.])0\d/.test(s.slice(s.lastIndexOf(":") + 1)) && s.includes(".")) return true;
        return isValidIPv6(s) === isIPv6(s);
      }),
      { numRuns: 2000 },
    );
  });

  it("isValidIPv4 matches net.isIPv4 (leading zeros aside)", () => {
    const dotted = fc.stringMatching(/^[0-9.]{1,16}$/);
    fc.assert(
      fc.property(fc.oneof(dotted, fc.ipV4()), (s) => {
        if (/(?:^|\.)0\d/.test(s)) return isValidIPv4(s) ? /^(?:\d{1,3}\.){3}\d{1,3}$/.test(s) : true;
        return isValidIPv4(s) === isIPv4(s);
      }),
      { numRuns: 2000 },
    );
  });
});

const PERSON_WORDS = new Set(
  "people person profile profiles user users u member members author authors staff employee employees contact contacts candidate candidates patient patients".split(
    " ",
  ),
);

describe("property: URLs keep scheme, host and path and never show the query value", () => {
  const word = fc.stringMatching(/^[a-z]{1,10}$/);
  const urlParts = fc.record({
    scheme: fc.constantFrom("http", "https", "ftp"),
    host: domain.filter((d) => !/\d/.test(d.split(".").pop()!)),
    // (a segment after "/users/", "/people/"… names a person's account and is redacted: url.test.ts)
    path: fc
      .array(
        word.filter((w) => !PERSON_WORDS.has(w)),
        { maxLength: 4 },
      )
      .map((ws) => ws.map((w) => "/" + w).join("")),
    key: word,
    value: fc.stringMatching(/^[A-Za-z0-9_~%-]{1,24}$/),
    fragment: fc.option(word, { nil: undefined }),
  });
  const prose = fc.array(word, { maxLength: 5 }).map((ws) => ws.join(" "));

  it("redacts exactly the query (and fragment)", () => {
    fc.assert(
      fc.property(prose, urlParts, prose, (before, u, after) => {
        const base = `${u.scheme}://${u.host}${u.path}`;
        const link = `${base}?${u.key}=${u.value}${u.fragment ? "#" + u.fragment : ""}`;
        const text = `${before} ${link} ${after}`;
        const out = redact(text, { recognizers: [url] }).redacted;
        const expected = `${before} ${base}?[URL_QUERY]${u.fragment ? "#[URL_FRAGMENT]" : ""} ${after}`;
        expect(out).toBe(expected);
        expect(out.includes(`${u.key}=${u.value}`)).toBe(false);
      }),
    );
  });

  it("the url channel treats the whole text as one URL", () => {
    fc.assert(
      fc.property(urlParts, (u) => {
        const text = `${u.host}${u.path}?${u.key}=${u.value}`;
        const out = redact(text, { channel: "url", recognizers: [url] }).redacted;
        expect(out).toBe(`${u.host}${u.path}?[URL_QUERY]`);
      }),
    );
  });
});
