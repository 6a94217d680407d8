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
  it("a terminal's commands and outputs: ssh, scp, chown, a tool's -u, the account a command ends with", () => {
    expect(found("ssh zorvan@10.0.0.5")).toEqual(["zorvan"]);
    expect(found("rsync -avz ./site/ zorvan.k@10.0.0.5:/var/www/")).toEqual(["zorvan.k"]);
    expect(found("sudo chown zorvan:staff /srv/shared/budget.xlsx")).toEqual(["zorvan"]);
    expect(found("mysql -u zorvan -p")).toEqual(["zorvan"]);
    expect(found("psql -U zkeltrude -d orders")).toEqual(["zkeltrude"]);
    expect(found("sudo usermod -aG docker zorvan")).toEqual(["zorvan"]);
    expect(found("su - zorvan")).toEqual(["zorvan"]);
    expect(found("getent passwd zorvan")).toEqual(["zorvan"]);
    expect(found("export PGUSER=zorvan")).toEqual(["zorvan"]);
    expect(found("zorvan@10.0.0.5: Permission denied (publickey).")).toEqual(["zorvan"]);
    expect(found("PS C:\\Users\\zkeltrude> Get-ChildItem")).toEqual(["zkeltrude"]);
  });

  it("listings, who, whoami and sign-ins in six languages", () => {
    expect(found("-rw-r--r--  1 zorvan  staff   4096 Dec  2 10:14 report.pdf")).toEqual(["zorvan"]);
    // a group of the owner's own name is the owner's too
    expect(found("drwx------  12 zorvan zorvan 4096 Jan  3 09:00 Documents")).toEqual(["zorvan", "zorvan"]);
    expect(found("zorvan    pts/0    2026-12-01 09:12 (10.1.2.3)")).toEqual(["zorvan"]);
    expect(found("$ whoami\nzorvan")).toEqual(["zorvan"]);
    expect(found("Signed in as zorvan")).toEqual(["zorvan"]);
    expect(found("Angemeldet als zorvan")).toEqual(["zorvan"]);
    expect(found("Connecté en tant que zorvan")).toEqual(["zorvan"]);
    expect(found("Ingelogd als zorvan")).toEqual(["zorvan"]);
  });

  it("no person there: system accounts, placeholders, prose that opens with a command's word", () => {
    expect(found("drwxr-xr-x  5 root  wheel  160 Dec  2 10:14 bin")).toEqual([]);
    expect(found("ssh -i ~/.ssh/id_ed25519 deploy@build-server")).toEqual([]);
    expect(found("www-data  pts/1  2026-12-01 09:12 (localhost)")).toEqual([]);
    expect(found("sudo -u postgres psql")).toEqual([]);
    expect(found("Signed in as admin")).toEqual([]);
    expect(found("login for the portal")).toEqual([]);
    expect(found("Username=your_username; Password=x")).toEqual([]);
    expect(found("Su hermano llega tarde")).toEqual([]);
    expect(found("id like to go home")).toEqual([]);
    expect(found("change your passwd today")).toEqual([]);
  });

  it("the engine leaves a listing's sizes and dates alone", () => {
    expect(redact("-rw-r--r--  1 zorvan  staff   4096 Dec  2 10:14 report.pdf").redacted).toBe(
      "-rw-r--r--  1 [USERNAME]  staff   4096 Dec  2 10:14 report.pdf",
    );
    expect(redact("drwxr-xr-x 5 root root 160 dic  2 10:14 bin").spans).toEqual([]);
    expect(redact("www-data  pts/1  2026-12-01 09:12 (localhost)").spans).toEqual([]);
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
      "ssh " + " ".repeat(100_000) + "a@b",
      "sudo " + "-u ".repeat(30_000),
      "usermod " + "-a x ".repeat(20_000),
      "logged in as ".repeat(10_000),
      "x".repeat(50_000) + "=zorvan ".repeat(5_000),
    ];
    const t0 = performance.now();
    for (const h of hostile) detectAccountNames(h);
    expect(performance.now() - t0).toBeLessThan(5_000);
  });
});
