/** Context decisions: manifest scope (exclude / allow), the privacy policy's excluded categories, password heuristics. */
import { describe, expect, it } from "vitest";
import { ContextFilter, normalizeWords, urlHost } from "../src/filter/context.js";
import { testManifest } from "./helpers.js";

const scope = (over: Partial<ReturnType<typeof testManifest>["scope"]>) =>
  testManifest({
    scope: { mode: "exclude", apps: [], sites: [], titles: [], useDefaultExclusions: true, ...over },
  });

describe("ContextFilter", () => {
  it("excludes the policy's level-4 categories by default, and not when the manifest turns them off", () => {
    const f = new ContextFilter(scope({}));
    expect(f.decide({ app: "KeePassXC", title: "db.kdbx" })).toMatchObject({
      excluded: true,
      reasons: ["policy:password-manager"],
    });
    expect(f.decide({ app: "Chromium", title: "Chats", url: "https://web.whatsapp.com/" }).excluded).toBe(
      true,
    );
    expect(f.decide({ app: "Chromium", title: "x", privateWindow: true }).excluded).toBe(true);
    expect(f.decide({ app: "XTerm", title: "bash" }).excluded).toBe(false);
    const off = new ContextFilter(scope({ useDefaultExclusions: false }));
    expect(off.decide({ app: "KeePassXC", title: "db.kdbx" }).excluded).toBe(false);
    expect(off.decide({ app: "KeePassXC", title: "db.kdbx" }).level).toBe(4);
  });

  it("manifest scope: apps as whole words, titles as substrings, sites with subdomains and paths", () => {
    const f = new ContextFilter(
      scope({ apps: ["Slack"], titles: ["Salary"], sites: ["intranet.example.com/hr", "*.corp.example"] }),
    );
    expect(f.decide({ app: "com.slack.Slack" }).excluded).toBe(true);
    expect(f.decide({ app: "Slackware-installer" }).excluded).toBe(false);
    expect(f.decide({ app: "Gedit", title: "2026 salary bands.ods" }).excluded).toBe(true);
    expect(f.decide({ app: "Chromium", url: "https://intranet.example.com/hr/reviews" }).excluded).toBe(true);
    expect(f.decide({ app: "Chromium", url: "https://intranet.example.com/hrx" }).excluded).toBe(false);
    expect(f.decide({ app: "Chromium", url: "https://intranet.example.com/wiki" }).excluded).toBe(false);
    expect(f.decide({ app: "Chromium", url: "https://git.corp.example/x" }).excluded).toBe(true);
  });

  it("a browser window whose page address is unknown is excluded while site rules apply (fail closed)", () => {
    // the default policy excludes sites (banking, webmail, health portals…) by address
    const f = new ContextFilter(scope({}));
    const unknown = { app: "Chromium", instance: "chromium", title: "Dashboard - Chromium" };
    expect(f.decide(unknown)).toMatchObject({ excluded: true, reasons: ["scope:site-unknown"] });
    expect(f.decide({ ...unknown, url: "https://docs.example.org/a" }).excluded).toBe(false);
    expect(f.decide({ app: "firefox-esr", instance: "Navigator", title: "Mozilla Firefox" }).excluded).toBe(
      true,
    );
    expect(f.decide({ app: "Google-chrome", title: "New Tab" }).excluded).toBe(true);
    // not browsers: an editor, a terminal, an Electron app
    expect(f.decide({ app: "XTerm", title: "bash" }).excluded).toBe(false);
    expect(f.decide({ app: "Code", instance: "code", title: "main.ts - Visual Studio Code" }).excluded).toBe(
      false,
    );
    // no rule needs the address: the window is judged by app and title alone
    const noSites = new ContextFilter(scope({ useDefaultExclusions: false }));
    expect(noSites.decide(unknown).excluded).toBe(false);
    // a manifest site rule alone is enough to need it
    const sites = new ContextFilter(scope({ useDefaultExclusions: false, sites: ["mybank.example"] }));
    expect(sites.decide(unknown)).toMatchObject({ excluded: true, reasons: ["scope:site-unknown"] });
    expect(sites.decide({ ...unknown, url: "https://mybank.example/login" })).toMatchObject({
      excluded: true,
      reasons: ["scope:site"],
    });
  });

  it("allow mode: only the listed apps/sites; the desktop and unknown windows are out of scope", () => {
    const f = new ContextFilter(
      testManifest({
        scope: {
          mode: "allow",
          apps: ["XTerm"],
          sites: ["docs.example.org"],
          titles: [],
          useDefaultExclusions: true,
        },
      }),
    );
    expect(f.decide({ app: "XTerm", title: "bash" }).excluded).toBe(false);
    expect(f.decide({ app: "Chromium", url: "https://docs.example.org/a" }).excluded).toBe(false);
    expect(f.decide({ app: "Chromium", url: "https://news.example.org/" }).excluded).toBe(true);
    expect(f.decide({ desktop: true }).excluded).toBe(true);
    // the policy still wins inside the allow list
    expect(f.decide({ app: "XTerm", title: "Online Banking - Sparkasse" }).excluded).toBe(true);
  });

  it("password heuristics: prompt applications are excluded; login / unlock titles mark keys secret", () => {
    const f = new ContextFilter(scope({}));
    expect(f.decide({ app: "Pinentry-gtk", instance: "pinentry-gtk-2" }).excluded).toBe(true);
    expect(f.decide({ app: "Ssh-askpass" }).excluded).toBe(true);
    for (const title of [
      "Sign in - Google Accounts - Chromium",
      "Unlock Keyring",
      "Login",
      "Enter passphrase",
      "Anmelden – Konto",
      "[sudo] password for alice",
    ])
      expect(f.decide({ app: "X", title }).password, title).toBe(true);
    for (const title of ["Design review notes", "Signing the contract", "Logbook 2026"])
      expect(f.decide({ app: "X", title }).password, title).toBe(false);
  });

  it("helpers", () => {
    expect(normalizeWords("Café—Login!")).toBe(" cafe login ");
    expect(urlHost("https://Sub.Example.COM./x")).toBe("sub.example.com");
    expect(urlHost("example.com/path")).toBe("example.com");
    expect(urlHost("::::")).toBeUndefined();
  });
});
