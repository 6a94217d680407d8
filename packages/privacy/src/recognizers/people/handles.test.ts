import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { handles } from "./handles.js";

const found = (text: string, channel: "typed" | "title" = "typed") =>
  handles.detect({ text, lower: text.toLowerCase(), channel }).map((d) => text.slice(d.start, d.end));

describe("handles", () => {
  it("a person's handle in chat, posts, changelogs and titles, without its '@'", () => {
    expect(found("ping @zvennik about the release")).toEqual(["zvennik"]);
    expect(found("thanks @jorik.v!")).toEqual(["jorik.v"]);
    expect(found("Tiv Oranmo (@tiv_oranmo92) wrote")).toEqual(["tiv_oranmo92"]);
    expect(found("- Fixed the parser (thanks to @qwelby-dev)")).toEqual(["qwelby-dev"]);
    expect(found("Contributed by @zvennik.")).toEqual(["zvennik"]);
    expect(found("@zvennik can you check?")).toEqual(["zvennik"]);
    expect(found("Tiv Oranmo (@tivoranmo) / X", "title")).toEqual(["tivoranmo"]);
    // a given name that English also uses as a word is still someone's handle
    expect(found("@mark can you check")).toEqual(["mark"]);
  });

  it("the same handle again in the record, as the profile link beside a credit spells it", () => {
    expect(found("* Tiv Oranmo ([@tivoranmo](https://github.com/tivoranmo))")).toEqual([
      "tivoranmo",
      "tivoranmo",
    ]);
    // not inside another word
    expect(found("@zvenn, zvennik and xzvenn")).toEqual(["zvenn"]);
  });

  it("leaves e-mail addresses, packages, decorators, tags, at-rules, broadcasts and 'at' alone", () => {
    expect(found("write to tiv@example.com or pkg@1.2.3")).toEqual([]);
    expect(found("npm i @types/node @scope/pkg")).toEqual([]);
    expect(found("@scope:registry=https://npm.example.com")).toEqual([]);
    expect(found("@Component({ selector: 'x' })")).toEqual([]);
    expect(found("    @Override\n    public void run() {}")).toEqual([]);
    expect(found("/** @param x the value @returns nothing */")).toEqual([]);
    expect(found(" * @constructor")).toEqual([]);
    expect(found(" * @name SourceCodeInfo")).toEqual([]);
    expect(found("export const x = /* @__PURE__ */ make();")).toEqual([]);
    expect(found("// TODO(@zorvan): fix the retry")).toEqual(["zorvan"]);
    expect(found("@media (max-width: 600px) { @import url(x.css); }")).toEqual([]);
    expect(found("@here standup in 5, @channel too")).toEqual([]);
    expect(found("meet @3pm, I'm @home")).toEqual([]);
    expect(found('{"@timestamp": "2026-01-01", "@message": "ok"}')).toEqual([]);
    expect(found('// @deno-types="./mod.d.ts"')).toEqual([]);
    expect(found("@echo off\n@powershell -Command x")).toEqual([]);
    expect(found("Dependency updates by @dependabot and @greenkeeperio-bot")).toEqual([]);
    expect(found("https://medium.com/@zvennik/post")).toEqual([]);
  });

  it("reports every handle of a random message at its offsets (property)", () => {
    const handle = fc.stringMatching(/^[a-z][a-z0-9_]{2,12}[a-z0-9]$/);
    fc.assert(
      fc.property(fc.array(handle, { minLength: 1, maxLength: 4 }), (hs) => {
        const text = hs.map((h) => `cc @${h}qz,`).join(" ");
        expect(found(text)).toEqual(hs.map((h) => `${h}qz`));
      }),
    );
  });
});
