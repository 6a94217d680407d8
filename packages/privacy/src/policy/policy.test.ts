import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_POLICY,
  DEFAULT_POLICY_SOURCE,
  loadPolicy,
  matchContext,
  PolicyValidationError,
  type RecordContext,
} from "./index.js";
import { containsPhrase, normalizeName, parseUrlLike } from "./normalize.js";

const json = () => JSON.parse(readFileSync(new URL("./default-policy.json", import.meta.url), "utf8"));

/** Load a modified copy of the default policy and return the validation issues' paths. */
function issuesOf(mutate: (p: ReturnType<typeof json>) => void): string[] {
  const p = json();
  mutate(p);
  try {
    loadPolicy(p);
  } catch (e) {
    expect(e).toBeInstanceOf(PolicyValidationError);
    return (e as PolicyValidationError).issues.map((i) => i.path);
  }
  return [];
}

describe("default policy", () => {
  it("loads, is versioned, and default-policy.ts matches default-policy.json (run sync-default.mjs)", () => {
    expect(DEFAULT_POLICY.version).toMatch(/^\d{4}-\d{2}-\d{2}\.\d+$/);
    expect(DEFAULT_POLICY_SOURCE).toEqual(json());
    expect(DEFAULT_POLICY.data.changelog?.some((c) => c.version === DEFAULT_POLICY.version)).toBe(true);
  });

  it("loads from JSON text too", () => {
    expect(loadPolicy(readFileSync(new URL("./default-policy.json", import.meta.url), "utf8")).version).toBe(
      DEFAULT_POLICY.version,
    );
  });

  it("every level-4 category is excluded, and category ids are unique", () => {
    const ids = DEFAULT_POLICY.categories.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of DEFAULT_POLICY.categories) if (c.level === 4) expect(c.exclude, c.id).toBe(true);
  });

  it("channel defaults follow ARCHITECTURE.md (ocr raised to 3: screenshot text)", () => {
    const ch = DEFAULT_POLICY.data.channels;
    expect([ch.typed.level, ch.title.level, ch.url.level, ch.clipboard.level, ch.ocr.level]).toEqual([
      2, 2, 1, 2, 3,
    ]);
  });
});

describe("policy validation names the bad field", () => {
  it("version", () => {
    expect(issuesOf((p) => (p.version = "v1"))).toEqual(["version"]);
    expect(issuesOf((p) => (p.version = "2.3.0"))).toEqual([]);
    expect(issuesOf((p) => (p.version = "2026-13-01.1"))).toEqual(["version"]);
  });
  it("a level out of range", () => {
    expect(issuesOf((p) => (p.categories[1].level = 5))).toEqual(["categories[1].level"]);
    expect(issuesOf((p) => (p.channels.ocr.level = 0))).toEqual(["channels.ocr.level"]);
  });
  it("a missing channel and an unknown key", () => {
    expect(issuesOf((p) => delete p.channels.ocr)).toEqual(["channels.ocr"]);
    const paths = issuesOf((p) => (p.categories[0].match.app = ["x"]));
    expect(paths).toEqual(["categories[0].match"]);
  });
  it("a level-4 category that is not excluded", () => {
    expect(issuesOf((p) => (p.categories[2].exclude = false))).toEqual(["categories[2].exclude"]);
  });
  it("a regular expression that does not compile", () => {
    const paths = issuesOf((p) => (p.categories[0].match.titlePatterns = ["(unclosed"]));
    expect(paths).toEqual(["categories[0].match.titlePatterns[0]"]);
  });
  it("a bad host pattern", () => {
    const paths = issuesOf((p) => (p.categories[1].match.hosts = ["ok.example", "https://bad.example/path"]));
    expect(paths).toEqual(["categories[1].match.hosts[1]"]);
  });
  it("a duplicate category id", () => {
    expect(issuesOf((p) => (p.categories[3].id = p.categories[1].id))).toEqual(["categories[3].id"]);
  });
  it("a bad entity type key and a bad entity level", () => {
    const paths = issuesOf((p) => {
      p.entities.types["credit card"] = { level: 4 };
      p.entities.types.EMAIL_ADDRESS.level = 7;
    });
    expect(paths).toContain('entities.types["credit card"]');
    expect(paths).toContain("entities.types.EMAIL_ADDRESS.level");
  });
  it("a category without matchers", () => {
    expect(issuesOf((p) => (p.categories[0].match = {}))).toEqual(["categories[0].match"]);
  });
  it("the error message lists every issue; JSON syntax errors are reported", () => {
    const p = json();
    p.version = "x";
    p.categories[0].level = 9;
    expect(() => loadPolicy(p)).toThrow(/version: .*\n.*categories\[0\]\.level/s);
    expect(() => loadPolicy("{ not json")).toThrow(PolicyValidationError);
    expect(() => loadPolicy(null)).toThrow(PolicyValidationError);
  });
});

describe("matchContext", () => {
  const cases: [RecordContext, string | undefined, number, boolean][] = [
    [{ app: "org.keepassxc.KeePassXC" }, "password-manager", 4, true],
    [{ app: "1Password" }, "password-manager", 4, true],
    [{ app: "Bitwarden.exe" }, "password-manager", 4, true],
    [{ app: "Keychain Access" }, "password-manager", 4, true],
    [{ url: "https://vault.bitwarden.com/#/vault" }, "password-manager", 4, true],
    [{ app: "signal-desktop" }, "personal-messaging", 4, true],
    [{ app: "WhatsApp" }, "personal-messaging", 4, true],
    [{ app: "TelegramDesktop" }, "personal-messaging", 4, true],
    [{ app: "Messages" }, "personal-messaging", 4, true],
    [{ url: "https://web.whatsapp.com/" }, "personal-messaging", 4, true],
    [{ url: "messenger.com/t/123" }, "personal-messaging", 4, true],
    [{ url: "https://web.telegram.org/k/" }, "personal-messaging", 4, true],
    [{ url: "https://www.linkedin.com/messaging/thread/1" }, "personal-messaging", 4, true],
    [{ title: "(3) WhatsApp - Mozilla Firefox" }, "personal-messaging", 4, true],
    [{ url: "https://secure.chase.com/web/auth/dashboard" }, "banking", 4, true],
    [{ url: "https://onlinebanking.example-bank.de/login" }, "banking", 4, true],
    [{ url: "https://www.hsbc.co.uk/" }, "banking", 4, true],
    [{ title: "Sparkasse - Online-Banking" }, "banking", 4, true],
    [{ title: "Banque en ligne - Relevé de compte" }, "banking", 4, true],
    [{ url: "https://www.irs.gov/refunds" }, "tax", 4, true],
    [{ url: "https://www.tax.service.gov.uk/personal-account" }, "tax", 4, true],
    [{ url: "https://www.gov.uk/self-assessment-tax-returns" }, "tax", 4, true],
    [{ url: "https://www.elster.de/eportal/start" }, "tax", 4, true],
    [{ url: "https://cfspart.impots.gouv.fr/" }, "tax", 4, true],
    [{ url: "https://sede.agenciatributaria.gob.es/" }, "tax", 4, true],
    [{ title: "Steuererklärung 2025 – WISO Steuer" }, "tax", 4, true],
    [{ title: "Declaración de la Renta 2025" }, "tax", 4, true],
    [{ url: "https://mychart.example-health.org/MyChart/Authentication/Login" }, "health-portal", 4, true],
    [{ url: "https://patientportal.example-clinic.com/" }, "health-portal", 4, true],
    [{ url: "https://www.nhsapp.service.nhs.uk/" }, "health-portal", 4, true],
    [{ url: "https://www.doctolib.fr/" }, "health-portal", 4, true],
    [{ url: "https://www.nhs.uk/conditions/diabetes/" }, "health-information", 4, true],
    [{ url: "https://wd5.myworkday.com/acme/d/home.htmld" }, "hr-performance", 4, true],
    [{ url: "https://acme.latticehq.com/reviews" }, "hr-performance", 4, true],
    [{ url: "https://app.15five.com/" }, "hr-performance", 4, true],
    [{ url: "https://acme.cultureamp.com/" }, "hr-performance", 4, true],
    [{ url: "https://acme.bamboohr.com/employees/" }, "hr-performance", 4, true],
    [{ title: "Performance Review 2026 - Jane - Google Docs" }, "hr-performance", 4, true],
    [{ title: "Mitarbeitergespräch Vorbereitung.docx" }, "hr-performance", 4, true],
    [{ url: "https://outlook.live.com/mail/0/" }, "personal-webmail", 4, true],
    [{ url: "https://tinder.com/app/recs" }, "dating", 4, true],
    [{ title: "New Incognito Tab - Google Chrome" }, "private-window", 4, true],
    [{ title: "Mozilla Firefox Private Browsing" }, "private-window", 4, true],
    [{ title: "Start - [InPrivate] - Microsoft Edge" }, "private-window", 4, true],
    [{ title: "Neuer Tab — Mozilla Firefox — Privater Modus" }, "private-window", 4, true],
    [{ title: "Nouvel onglet — Navigation privée" }, "private-window", 4, true],
    [{ title: "Nueva pestaña - Navegación privada" }, "private-window", 4, true],
    [{ app: "firefox", privateWindow: true }, "private-window", 4, true],
    [{ app: "Slack" }, "work-chat", 3, false],
    [{ url: "https://teams.microsoft.com/v2/" }, "work-chat", 3, false],
    [{ url: "https://mail.google.com/mail/u/0/#inbox" }, "email", 3, false],
    [{ url: "https://www.reddit.com/r/typescript" }, "social-media", 3, false],
    [{ url: "http://192.168.1.10/admin" }, "internal-host", 2, false],
    [{ url: "https://grafana.corp/d/abc" }, "internal-host", 2, false],
    [{ url: "http://localhost:3000/" }, "internal-host", 2, false],
    [
      { title: "Quarterly plan - Google Docs", app: "chrome", url: "https://docs.google.com/document/d/1" },
      undefined,
      1,
      false,
    ],
    [{ app: "Code", title: "signal.ts — tracevault" }, undefined, 1, false],
    [{ url: "https://github.com/org/repo/pull/1" }, undefined, 1, false],
    [{ url: "https://www.worldbank.org/en/home" }, undefined, 1, false],
    [{ url: "https://en.wikipedia.org/wiki/Incognito_(novel)" }, undefined, 1, false],
    [{ title: "Lattice-based cryptography.pdf" }, undefined, 1, false],
    [{}, undefined, 1, false],
  ];
  for (const [ctx, category, level, exclude] of cases) {
    it(`${JSON.stringify(ctx)} → ${category ?? "none"} ${level}`, () => {
      const m = matchContext(ctx);
      expect(m.category).toBe(category);
      expect(m.level).toBe(level);
      expect(m.exclude).toBe(exclude);
      if (category) expect(m.reasons.some((r) => r.startsWith(`context:${category}:`))).toBe(true);
    });
  }

  it("reasons never contain the matched values", () => {
    const m = matchContext({ url: "https://secure.chase.com/x", title: "Chase Online Banking" });
    expect(m.reasons.join(" ")).not.toMatch(/chase/i);
  });

  it("returns the highest category and excludes when any matched category does", () => {
    const m = matchContext({ app: "Slack", title: "New Incognito Tab" });
    expect(m.categories).toEqual(["private-window", "work-chat"]);
    expect(m.category).toBe("private-window");
    expect(m.level).toBe(4);
    expect(m.exclude).toBe(true);
  });

  it("uses a custom policy", () => {
    const p = json();
    p.version = "2026-11-30.1";
    p.categories = [
      {
        id: "crm",
        description: "the CRM holds customer data",
        level: 3,
        exclude: false,
        match: { hosts: ["crm.example"] },
      },
    ];
    const policy = loadPolicy(p);
    expect(matchContext({ url: "https://eu.crm.example/x" }, policy).category).toBe("crm");
    expect(matchContext({ app: "KeePassXC" }, policy).level).toBe(1);
  });

  it("bounds long titles but still sees a marker at the end", () => {
    const m = matchContext({ title: `${"x ".repeat(100_000)}- Google Chrome (Incognito)` });
    expect(m.category).toBe("private-window");
  });
});

describe("normalisation helpers", () => {
  it("normalizeName / containsPhrase / parseUrlLike", () => {
    expect(normalizeName("org.keepassxc.KeePassXC")).toBe("org keepassxc keepassxc");
    expect(normalizeName("Steuererklärung – ELSTER")).toBe("steuererklarung elster");
    expect(containsPhrase("new incognito tab", "incognito")).toBe(true);
    expect(containsPhrase("signals", "signal")).toBe(false);
    expect(parseUrlLike("web.whatsapp.com/")).toEqual({ host: "web.whatsapp.com", path: "/" });
    expect(parseUrlLike("localhost:8080/x")).toEqual({ host: "localhost", path: "/x" });
    expect(parseUrlLike("about:blank")).toBeUndefined();
    expect(parseUrlLike("")).toBeUndefined();
  });
});
