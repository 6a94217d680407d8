import { describe, expect, it } from "vitest";
import { redact } from "../../engine.js";
import type { Channel } from "../../types.js";
import { isBareDomain, isIdToken, parseUrlAt, url } from "./url.js";

function parts(text: string, channel: Channel = "typed"): [string, string][] {
  return url
    .detect({ text, lower: text.toLowerCase(), channel })
    .map((d) => [d.type, text.slice(d.start, d.end)] as [string, string]);
}

function masked(text: string, channel: Channel = "typed"): string {
  return redact(text, { channel, recognizers: [url] }).redacted;
}

describe("url: parts and exact offsets", () => {
  it("parses scheme, userinfo, host, path, query and fragment", () => {
    const t = "go to https://jane:pw@www.example.com:8443/a/b?x=1&y=2#top now";
    const u = parseUrlAt(t, 6, 14, true)!;
    const s = (r?: [number, number]) => (r ? t.slice(r[0], r[1]) : undefined);
    expect(s(u.scheme)).toBe("https");
    expect(s(u.userinfo)).toBe("jane:pw");
    expect(s(u.host)).toBe("www.example.com");
    expect(s(u.path)).toBe("/a/b");
    expect(s(u.query)).toBe("x=1&y=2");
    expect(s(u.fragment)).toBe("top");
    expect(t.slice(u.start, u.end)).toBe("https://jane:pw@www.example.com:8443/a/b?x=1&y=2#top");
  });

  it("reports query, fragment and userinfo, keeping scheme, host and path", () => {
    const t = "see https://jdoe:s3cr3tPass@example.com/docs/page?q=term&lang=en#section-2.";
    expect(parts(t)).toEqual([
      ["URL_USERINFO", "jdoe:s3cr3tPass"],
      ["URL_QUERY", "q=term&lang=en"],
      ["URL_FRAGMENT", "section-2"],
    ]);
    expect(masked(t)).toBe("see https://[URL_USERINFO]@example.com/docs/page?[URL_QUERY]#[URL_FRAGMENT].");
  });

  it("flags ID-like path segments", () => {
    const t =
      "https://example.com/users/12345678/files/123e4567-e89b-12d3-a456-426614174000/" +
      "d41d8cd98f00b204e9800998ecf8427e.pdf/aGVsbG8gd29ybGQgdGhpcyBpcyBi/jane@example.com/about-us";
    expect(parts(t).map((p) => p[1])).toEqual([
      "12345678",
      "123e4567-e89b-12d3-a456-426614174000",
      "d41d8cd98f00b204e9800998ecf8427e",
      "aGVsbG8gd29ybGQgdGhpcyBpcyBi",
      "jane@example.com",
    ]);
    expect(parts(t).every((p) => p[0] === "URL_ID")).toBe(true);
  });

  it("a person's account in the path: profiles, handles, people pages", () => {
    const profile = (t: string) =>
      parts(t, "url")
        .filter((p) => p[0] === "URL_PROFILE")
        .map((p) => p[1]);
    expect(profile("https://www.linkedin.com/in/zorqual-vennik/")).toEqual(["zorqual-vennik"]);
    expect(profile("https://twitter.com/zvennik")).toEqual(["zvennik"]);
    expect(profile("https://x.com/zvennik/status/1234567890123")).toEqual(["zvennik"]);
    expect(profile("https://www.instagram.com/zorqual_vennik/")).toEqual(["zorqual_vennik"]);
    expect(profile("https://calendly.com/zorqual-vennik/30min")).toEqual(["zorqual-vennik"]);
    expect(profile("https://mastodon.example/@zvennik")).toEqual(["zvennik"]);
    expect(profile("https://www.youtube.com/@zvennik/videos")).toEqual(["zvennik"]);
    expect(profile("https://intranet.example.com/people/zorqual-vennik")).toEqual(["zorqual-vennik"]);
    expect(profile("https://www.reddit.com/user/zvennik/")).toEqual(["zvennik"]);
    expect(masked("see https://twitter.com/zvennik for news")).toBe(
      "see https://twitter.com/[URL_PROFILE] for news",
    );
    // the sites' own pages, pages named by a word, and packages' scopes are no one's account
    expect(profile("https://x.com/home")).toEqual([]);
    expect(profile("https://x.com/search")).toEqual([]);
    expect(profile("https://www.facebook.com/groups/")).toEqual([]);
    expect(profile("https://example.com/users/guide")).toEqual([]);
    expect(profile("https://example.com/in/stock")).toEqual([]);
    expect(profile("https://www.npmjs.com/package/@types/node")).toEqual([]);
    expect(profile("https://unpkg.com/@scope/pkg")).toEqual([]);
    expect(profile("https://img.shields.io/npm/dm/@scope/pkg.svg")).toEqual([]);
  });

  it("keeps readable slugs, years and short numbers", () => {
    expect(parts("https://blog.example.com/2024/05/how-to-configure-the-network-stack/page/2")).toEqual([]);
    expect(parts("https://example.com/docs/GettingStartedWithTypeScript")).toEqual([]);
    expect(parts("https://example.com/posts/12345678-release-notes")).toEqual([["URL_ID", "12345678"]]);
  });

  it("finds www. and bare domains with a path, query or fragment", () => {
    expect(parts("visit www.example.com/search?q=hello")).toEqual([["URL_QUERY", "q=hello"]]);
    expect(parts("visit example.org/p/1234567")).toEqual([["URL_ID", "1234567"]]);
    expect(parts("see example.co.uk?ref=abc and localhost:3000/x?debug=1")).toEqual([
      ["URL_QUERY", "ref=abc"],
      ["URL_QUERY", "debug=1"],
    ]);
  });

  it("placeholder userinfo names nobody and stays", () => {
    expect(parts("https://user:password@example.com/x")).toEqual([]);
    expect(parts("mysql://$(DB_USER):$(DB_PASS)@db/app")).toEqual([]);
    expect(parts("mongodb://YOUR_USERNAME:YOUR_PASSWORD@host/db")).toEqual([]);
    expect(parts("postgres://postgres:postgres@localhost/db")).toEqual([]);
    // a placeholder user with a filler password
    expect(parts("https://user:abc@api.example.com")).toEqual([]);
    expect(parts("https://admin:123456@api.example.com")).toEqual([]);
    expect(parts("https://jane:abc@api.example.com")).toEqual([["URL_USERINFO", "jane:abc"]]);
    expect(parts("https://jane.doe:Tr0ub4dor@example.com/x")).toEqual([
      ["URL_USERINFO", "jane.doe:Tr0ub4dor"],
    ]);
  });

  it("other schemes: ftp, database URLs", () => {
    expect(parts("ftp://files.example.com/pub/file.txt?x=1")).toEqual([["URL_QUERY", "x=1"]]);
    expect(parts("postgres://app:hunter2@db.internal:5432/prod?sslmode=require")).toEqual([
      ["URL_USERINFO", "app:hunter2"],
      ["URL_QUERY", "sslmode=require"],
    ]);
  });

  it("sentence punctuation and brackets end the URL", () => {
    expect(parts("(see https://example.com/a?q=1).")).toEqual([["URL_QUERY", "q=1"]]);
    expect(parts('"https://example.com/a#frag", she said')).toEqual([["URL_FRAGMENT", "frag"]]);
    expect(parts("is it https://example.com/a? yes")).toEqual([]);
    expect(parts("https://en.wikipedia.org/wiki/Foo_(bar)?x=1 ok")).toEqual([["URL_QUERY", "x=1"]]);
  });

  it("is not fooled by file paths, fractions and questions", () => {
    expect(parts("edit src/app/index.ts and node_modules/lodash.merge/index.js")).toEqual([]);
    expect(parts("and/or 3/4 of them? yes. Is that right?")).toEqual([]);
    expect(parts("Really? #hashtag")).toEqual([]);
  });

  it("url channel: the whole text is one URL, with or without a scheme", () => {
    expect(parts("https://example.com/a?q=secret words#x", "url")).toEqual([
      ["URL_QUERY", "q=secret words"],
      ["URL_FRAGMENT", "x"],
    ]);
    expect(parts("example.com/account/98765432?tab=billing", "url")).toEqual([
      ["URL_ID", "98765432"],
      ["URL_QUERY", "tab=billing"],
    ]);
    expect(parts("mailto:jane@example.com?subject=Hello", "url")).toEqual([["URL_QUERY", "subject=Hello"]]);
    expect(parts("about:blank", "url")).toEqual([]);
  });

  it("isBareDomain and isIdToken", () => {
    expect(isBareDomain("example.com")).toBe(true);
    expect(isBareDomain("sub.example.co.uk")).toBe(true);
    expect(isBareDomain("index.html")).toBe(false);
    expect(isBareDomain("-bad.com")).toBe(false);
    expect(isBareDomain("example")).toBe(false);
    expect(isIdToken("1234567")).toBe(true);
    expect(isIdToken("12345")).toBe(false);
    expect(isIdToken("d41d8cd98f00b204")).toBe(true);
    expect(isIdToken("deadbeefcafebabe")).toBe(false); // no digit: could be a word
    expect(isIdToken("getting-started-with-typescript-2024")).toBe(false);
    expect(isIdToken("aGVsbG8gd29ybGQgdGhpcyBpcyBi")).toBe(true);
    expect(isIdToken("jane@example.com")).toBe(true);
  });
});
