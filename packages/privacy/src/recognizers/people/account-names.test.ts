import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { redact } from "../../engine.js";
import { detectAccountNames } from "./account-names.js";

const found = (text: string) => detectAccountNames(text).map((d) => text.slice(d.start, d.end));

describe("account names in home directories and shell prompts", () => {
  it("Linux and macOS home directories", () => {
    expect(found("cd /home/zvennik/projects && ls")).toEqual(["zvennik"]);
    expect(found("report.pdf (/home/zvennik/Documents) - Document Viewer")).toEqual(["zvennik"]);
    expect(found("/Users/zorqual.vennik/Library/Logs")).toEqual(["zorqual.vennik"]);
    expect(found("see ~/x and /home/zvennik")).toEqual(["zvennik"]);
    // a real John's home is his, even though documentation uses the name too
    expect(found("cd /home/john/projects")).toEqual(["john"]);
  });
  it("Windows profiles, with spaces where a backslash ends the name", () => {
    expect(found("C:\\Users\\Zorqual Vennik\\Documents\\budget.xlsx - Excel")).toEqual(["Zorqual Vennik"]);
    expect(found("open C:\\Users\\zvennik\\Desktop\\notes.txt")).toEqual(["zvennik"]);
    expect(found('"D:\\Documents and Settings\\zvennik\\My Documents"')).toEqual(["zvennik"]);
    expect(found("saved in C:\\Users\\zvennik then closed")).toEqual(["zvennik"]);
  });
  it("Windows paths as Japanese Windows shows them, with yen signs for backslashes", () => {
    expect(found("C:¥Users¥zvennik¥Desktop¥memo.txt")).toEqual(["zvennik"]);
    expect(found("保存先: ¥Users¥zvennik¥Documents")).toEqual(["zvennik"]);
    expect(found("パス C:￥Users￥zvennik￥Desktop")).toEqual(["zvennik"]);
    expect(found("月額 ¥1200 / Users ¥500")).toEqual([]);
  });
  it("shell prompts at a line's start", () => {
    expect(found("zvennik@laptop:~$ git status")).toEqual(["zvennik"]);
    expect(found("ok\n[zvennik@laptop api]$ ls")).toEqual(["zvennik"]);
    expect(found("zvennik@laptop ~ % ls")).toEqual(["zvennik"]);
  });
  it("no person: generic accounts, placeholders, API routes, e-mail addresses", () => {
    expect(found("cd /home/runner/work && /home/ubuntu/app")).toEqual([]);
    expect(found("C:\\Users\\Public\\Documents and C:\\Users\\%USERNAME%\\AppData")).toEqual([]);
    expect(found("GET /users/123 and /users/:id")).toEqual([]);
    expect(found("/home/$USER/.config")).toEqual([]);
    expect(found("write to zv@example.com: thanks")).toEqual([]);
    expect(found("root@server:~# reboot")).toEqual([]);
  });
  it("through the engine, in any channel", () => {
    expect(redact("zvennik@laptop: ~/projects/api", { channel: "title" }).redacted).toBe(
      "[USERNAME]@laptop: ~/projects/api",
    );
    expect(redact("cd /home/zvennik/src").redacted).toBe("cd /home/[USERNAME]/src");
  });
  it("spans lie within the text, and long hostile input takes linear time (property)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        for (const d of detectAccountNames(s)) {
          expect(d.start).toBeGreaterThanOrEqual(0);
          expect(d.end).toBeLessThanOrEqual(s.length);
          expect(d.end).toBeGreaterThan(d.start);
        }
      }),
    );
    const hostile = [
      "C:\\Users\\" + "a ".repeat(50_000),
      "/home/" + "a".repeat(100_000),
      "a@b ".repeat(25_000),
    ];
    const t0 = performance.now();
    for (const h of hostile) detectAccountNames(h);
    expect(performance.now() - t0).toBeLessThan(5_000);
  });
});
