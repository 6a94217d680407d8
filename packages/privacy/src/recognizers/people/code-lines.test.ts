import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { codePartAt, IN_CODE, IN_COMMENT, IN_STRING, isCodeLine } from "./code-lines.js";
import { redact } from "../../engine.js";

const code = (line: string) => isCodeLine(line, 0, line.length);

describe("lines of program code among typed text", () => {
  it("knows code by its braces, operators, statements and keywords", () => {
    expect(code("const serialize = (val, config, depth) => {")).toBe(true);
    expect(code("if (overlaps(rect, pos, margin)) return;")).toBe(true);
    expect(code("instance[name] = fn")).toBe(true);
    expect(code("name += str[j++];")).toBe(true);
    expect(code("return this.emit('header', name, val);")).toBe(true);
    expect(code('import { Parser, Token, Lexer } from "./parser";')).toBe(true);
    expect(code("class Reader extends Stream {")).toBe(true);
    expect(code("def parse_args(argv, strict=False):")).toBe(true);
    expect(code("retries: 3,")).toBe(true);
    expect(code("util.inherits(Walker, Readable)")).toBe(true);
  });

  it("leaves prose alone, even with a semicolon, brackets or a colon", () => {
    expect(code("Met Zorvan today; he says hi")).toBe(false);
    expect(code("let zorvan know about the demo")).toBe(false);
    expect(code("Lunch with Zorvan (maybe Marvesh too)")).toBe(false);
    expect(code("zorvan: are you coming to the standup?")).toBe(false);
    expect(code("To: Zorvan Keltrude, Marvesh Quillon,")).toBe(false);
    expect(code("see https://example.com/a/b for details")).toBe(false);
  });

  it("tells the code of a line from its strings and its comment", () => {
    const line = 'log("sent to zorvan"); // ask marvesh';
    expect(codePartAt(line, 0, line.indexOf("log"))).toBe(IN_CODE);
    expect(codePartAt(line, 0, line.indexOf("zorvan"))).toBe(IN_STRING);
    expect(codePartAt(line, 0, line.indexOf("marvesh"))).toBe(IN_COMMENT);
    expect(codePartAt("# Maintainer: Zorvan", 0, 14)).toBe(IN_COMMENT);
    // an apostrophe inside a word opens no string; a URL's "//" opens no comment
    expect(codePartAt("don't ask zorvan", 0, 10)).toBe(IN_CODE);
    expect(codePartAt("see http://example.com then zorvan", 0, 28)).toBe(IN_CODE);
  });

  it("the engine leaves identifiers in code unmasked and still finds people in its strings and comments", () => {
    expect(redact("const serialize = (val, config, indentation, depth) => {").spans).toEqual([]);
    expect(redact("if (intersects(fignum, pos, newangle))").spans).toEqual([]);
    expect(redact("meta: {").spans).toEqual([]);
    expect(redact("util.inherits(Walker, Readable)").spans).toEqual([]);
    expect(redact('import { Parser, Token, Lexer } from "./parser";').spans).toEqual([]);
    expect(redact("// TODO: ask Zorvan Keltrude about the retry logic").redacted).toBe(
      "// TODO: ask [PERSON] about the retry logic",
    );
    expect(redact('console.log("sending invoice to zorvan keltrude");').redacted).toBe(
      'console.log("sending invoice to [PERSON]");',
    );
    expect(redact('print(f"Welcome back, Zorvan!")').redacted).toBe('print(f"Welcome back, [PERSON]!")');
  });

  it("answers for any line in bounded time", () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom("a", " ", "(", ")", "=", ";", "'", '"', "/", "*", "#", "{", ",", ":"),
        }),
        (t) => {
          const r = isCodeLine(t, 0, t.length);
          expect(typeof r).toBe("boolean");
          expect([IN_CODE, IN_STRING, IN_COMMENT]).toContain(codePartAt(t, 0, t.length));
        },
      ),
    );
    const long = "const " + " ".repeat(300_000) + "x";
    const t0 = performance.now();
    isCodeLine(long, 0, long.length);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});
