import { describe, expect, it } from "vitest";
import { email } from "./email.js";

function found(text: string, channel: "typed" | "ocr" = "typed"): string[] {
  return email
    .detect({ text, lower: text.toLowerCase(), channel })
    .filter((d) => d.score >= 0.5)
    .map((d) => text.slice(d.start, d.end));
}

describe("email", () => {
  it.each([
    "jane.doe@example.com",
    "j.o'neil+tag@mail.example.co.uk",
    "first_last-99@sub.example.org",
    "user%relay@example.net",
    "josé.müller@exämple.de",
    "info@xn--mnchen-3ya.xn--p1ai",
  ])("finds %s with exact offsets", (addr) => {
    const text = `Write to ${addr}, please.`;
    const d = email.detect({ text, lower: text.toLowerCase(), channel: "typed" });
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ start: 9, end: 9 + addr.length, type: "EMAIL_ADDRESS", level: 3 });
  });

  it("finds addresses in mailto links and in URL paths and queries", () => {
    expect(found("mailto:jane@example.com")).toEqual(["jane@example.com"]);
    expect(found("https://example.com/u/jane@example.com/settings")).toEqual(["jane@example.com"]);
    expect(found("https://example.com/invite?to=jane@example.com&x=1")).toEqual(["jane@example.com"]);
  });

  it("reads OCR's space after a dot before the top-level domain, on the ocr channel only", () => {
    expect(found("Reply to zorq.vennik94@example. com today", "ocr")).toEqual(["zorq.vennik94@example. com"]);
    expect(found("cc ilsa@mail.example. co. uk", "ocr")).toEqual(["ilsa@mail.example. co. uk"]);
    expect(found("Reply to dureildne. vennik57@example.com", "ocr")).toEqual([
      "dureildne. vennik57@example.com",
    ]);
    expect(found("Contact dureildne.vennik31 @example.net", "ocr")).toEqual([
      "dureildne.vennik31 @example.net",
    ]);
    // a sentence after an address cut short is no domain; typed text is what was typed
    expect(found("write to ilsa@example. Thanks", "ocr")).toEqual([]);
    expect(found("Reply to zorq.vennik94@example. com today")).toEqual([]);
  });

  it("takes the word OCR split off an address's local part when a label alone stands before it (ocr only)", () => {
    expect(found("From: tavrin vennik69@example.com", "ocr")).toEqual(["tavrin vennik69@example.com"]);
    expect(found("Email zorqual olbeck38@example.net", "ocr")).toEqual(["zorqual olbeck38@example.net"]);
    // not after other words, not a capitalised word, not in typed text
    expect(found("write to me at tavrin@example.com", "ocr")).toEqual(["tavrin@example.com"]);
    expect(found("From: Tavrin vennik69@example.com", "ocr")).toEqual(["vennik69@example.com"]);
    expect(found("From: tavrin vennik69@example.com")).toEqual(["vennik69@example.com"]);
  });

  it("needs a TLD-shaped last label", () => {
    expect(found("root@localhost and admin@server and a@b.c and pkg@1.2.3")).toEqual([]);
  });

  it("does not fire on URL userinfo (the URL and secrets recognizers own it)", () => {
    expect(found("postgres://user:pw@db.example.com:5432/app")).toEqual([]);
    expect(found("https://deploy-token@git.example.com/org/repo.git")).toEqual([]);
    expect(found("postgres://user:pw@localhost/db")).toEqual([]);
  });

  it("does not fire on scp-style ssh remotes", () => {
    expect(found("git clone git@github.com:org/repo.git")).toEqual([]);
    expect(found("ssh deploy@host.example.com:22")).toEqual([]);
    // but an address followed by a colon and a space is still an address
    expect(found("Email jane@example.com: she replied")).toEqual(["jane@example.com"]);
  });

  it("skips image density suffixes, @-mentions and scoped packages", () => {
    expect(found("icon@2x.png logo@1.5x.jpg @jane @types/node npm i react@18.2.0")).toEqual([]);
  });

  it("stops before trailing punctuation and does not cut labels", () => {
    expect(found("(jane@example.com).")).toEqual(["jane@example.com"]);
    expect(found("jane@example.com2")).toEqual([]);
  });

  describe("obfuscated forms", () => {
    it.each([
      ["jane [at] example [dot] com", "jane [at] example [dot] com"],
      ["jane(at)example.com", "jane(at)example.com"],
      ["jane {at} mail {dot} example {dot} org", "jane {at} mail {dot} example {dot} org"],
      ["write jane at example dot com", "jane at example dot com"],
      ["john dot doe at gmail dot com", "john dot doe at gmail dot com"],
    ])("%s", (text, addr) => {
      expect(found(text)).toEqual([addr]);
    });

    it("plain prose with 'at' and 'dot' is not an address", () => {
      expect(found("I'm at home dot then")).toEqual([]);
      expect(found("meet at noon. Then dot the i's")).toEqual([]);
      expect(found("we met at work dot matrix printers")).toEqual([]);
    });

    it("obfuscated forms score lower than plain addresses", () => {
      const t = "jane at example dot com and jane@example.com";
      const d = email.detect({ text: t, lower: t.toLowerCase(), channel: "typed" });
      expect(d.map((x) => x.score)).toEqual([0.7, 0.95]);
    });
  });
});
