import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyze } from "../../engine.js";
import { DEFAULT_POLICY } from "../../policy/index.js";
import type { Detection } from "../../types.js";
import { SPECIAL_RECOGNIZERS } from "./index.js";
import { fold, wordKey, words } from "./lexicon.js";
import { compileLexicons, ownWords } from "./scanner.js";
import { tokenize, tokensOf } from "../people/tokens.js";
import { SPECIAL_LEXICONS, specialCategories } from "./special-category.js";

function detect(text: string): Detection[] {
  return specialCategories.detect({ text, lower: text.toLowerCase(), channel: "typed" });
}
const typesOf = (text: string) => [...new Set(detect(text).map((d) => d.type))];

describe("special-category recognizer: clear statements fire", () => {
  const cases: [string, string][] = [
    // health, first person, other person, clinical notes, values
    ["I have diabetes", "HEALTH"],
    ["I was diagnosed with type 2 diabetes last spring.", "HEALTH"],
    ["She was diagnosed with breast cancer last year", "HEALTH"],
    ["my son has asthma", "HEALTH"],
    ["My therapist thinks the panic attacks are work-related", "HEALTH"],
    ["I was prescribed sertraline 50 mg", "HEALTH"],
    ["I'm taking metformin twice a day", "HEALTH"],
    ["HbA1c 7.2% (fasting)", "HEALTH"],
    ["my cholesterol is 240 mg/dL", "HEALTH"],
    ["blood pressure 140/90 this morning", "HEALTH"],
    ["I'm pregnant, please keep it between us", "HEALTH"],
    // a condition's stage and organ, a place of care, a salary without a currency sign
    ["I have stage 3 breast cancer", "HEALTH"],
    ["I have lung cancer", "HEALTH"],
    ["I've been in rehab for alcohol addiction", "HEALTH"],
    ["my salary is 85,000 a year", "HR_PERFORMANCE"],
    ["This 54 year old male complaining of chest pain.", "HEALTH"],
    ["Patient is a 40-year-old woman with a history of migraines", "HEALTH"],
    ["I tested positive for covid", "HEALTH"],
    ["Ich habe Diabetes und nehme Insulin", "HEALTH"],
    ["Bei mir wurde Krebs diagnostiziert", "HEALTH"],
    ["J'ai un cancer du sein", "HEALTH"],
    ["Je suis enceinte de trois mois", "HEALTH"],
    ["Tengo diabetes tipo 2", "HEALTH"],
    ["Me diagnosticaron depresión el año pasado", "HEALTH"],
    // finance and tax
    ["I filed my tax return yesterday", "FINANCE_TAX"],
    ["my W-2 shows $85k", "FINANCE_TAX"],
    ["Tax refund: $1,240", "FINANCE_TAX"],
    ["I'm in debt and the debt collectors keep calling", "FINANCE_TAX"],
    ["my credit score dropped to 580", "FINANCE_TAX"],
    ["I owe the IRS $3,000", "FINANCE_TAX"],
    ["Meine Steuererklärung ist fertig", "FINANCE_TAX"],
    ["j'ai reçu mon avis d'imposition", "FINANCE_TAX"],
    ["Mi declaración de la renta sale a pagar", "FINANCE_TAX"],
    // HR and performance
    ["My performance review is on Friday", "HR_PERFORMANCE"],
    ["I was fired yesterday", "HR_PERFORMANCE"],
    ["They put me on a PIP last week", "HR_PERFORMANCE"],
    ["my salary is $85,000", "HR_PERFORMANCE"],
    ["I was rated 2 out of 5 this year by my manager", "HR_PERFORMANCE"],
    ["I'm on sick leave until Monday", "HR_PERFORMANCE"],
    ["Ich habe eine Abmahnung bekommen", "HR_PERFORMANCE"],
    ["Mon entretien annuel est demain", "HR_PERFORMANCE"],
    ["Estoy de baja médica", "HR_PERFORMANCE"],
    ["mi jefe me despidió", "HR_PERFORMANCE"],
    // religion, politics, sexuality
    ["I am Catholic", "RELIGION"],
    ["I'm a practicing Muslim and fast during Ramadan", "RELIGION"],
    ["my church meets on Sundays", "RELIGION"],
    ["Ich bin evangelisch", "RELIGION"],
    ["Je suis musulmane", "RELIGION"],
    ["Soy ateo", "RELIGION"],
    ["I voted for the Greens", "POLITICS"],
    ["I'm a member of the Labour Party", "POLITICS"],
    ["I'm a union member", "POLITICS"],
    ["Ich wähle die Grünen", "POLITICS"],
    ["I'm gay", "SEXUALITY"],
    ["my partner and I are both bisexual", "SEXUALITY"],
    ["I came out as trans to my parents", "SEXUALITY"],
    ["Ich bin schwul", "SEXUALITY"],
    ["Je suis lesbienne", "SEXUALITY"],
  ];
  for (const [text, type] of cases) {
    it(`${type}: ${JSON.stringify(text)}`, () => {
      const ds = detect(text);
      expect(
        ds.map((d) => d.type),
        text,
      ).toContain(type);
      for (const d of ds) {
        expect(d.level).toBe(4);
        expect(d.score).toBeGreaterThanOrEqual(0.5);
        expect(d.start).toBeGreaterThanOrEqual(0);
        expect(d.end).toBeLessThanOrEqual(text.length);
        expect(d.end).toBeGreaterThan(d.start);
      }
    });
  }

  it("the span covers the statement: anchor or cue, term and value", () => {
    const t = "Note: my HbA1c was 7.2% last month";
    const [d] = detect(t);
    expect(t.slice(d!.start, d!.end)).toBe("my HbA1c was 7.2%");
    const u = "She was diagnosed with breast cancer last year";
    expect(detect(u).map((x) => u.slice(x.start, x.end))).toContain("diagnosed with breast cancer");
    const v = "I was prescribed sertraline 50 mg daily";
    expect(detect(v).map((x) => v.slice(x.start, x.end))).toContain("I was prescribed sertraline 50 mg");
  });

  it("scores rise with anchors, cues and values", () => {
    const score = (t: string) => Math.max(0, ...detect(t).map((d) => d.score));
    expect(score("HbA1c 7.2%")).toBeLessThan(score("my HbA1c was 7.2%"));
    expect(score("she has diabetes")).toBeLessThan(score("I have diabetes"));
    expect(score("I have diabetes")).toBeLessThan(score("I was diagnosed with diabetes"));
  });

  it("folds accents and reads decomposed (NFD) text with the right offsets", () => {
    const t = "J'ai du diabete depuis 2019";
    expect(typesOf(t)).toContain("HEALTH");
    const nfd = "Je suis enceinte de trois mois, j'ai du diabète".normalize("NFD");
    const d = detect(nfd).find((x) => nfd.slice(x.start, x.end).includes("diab"));
    expect(d).toBeDefined();
    expect(nfd.slice(d!.start, d!.end).normalize("NFC")).toContain("diabète");
  });

  it("offsets stay right when lower-casing would change the length", () => {
    const t = "İİ I have diabetes";
    const d = specialCategories.detect({ text: t, lower: t.toLowerCase(), channel: "typed" });
    expect(d.map((x) => t.slice(x.start, x.end))).toContain("I have diabetes");
  });
});

describe("special-category recognizer: innocent uses do not fire", () => {
  const negatives = [
    // single ambiguous words
    "I have a cold",
    "It's cold in the office today",
    "I think the party was fun",
    "Let's throw a party for the launch",
    "I got a warning from the compiler",
    "I have disabled caching for now",
    "I'm working on the covid dashboard",
    "I came out of the meeting at 3",
    "The new version came out today",
    "Please vote for the best logo",
    "I voted for the blue design",
    "I joined the party late",
    "I got a refund of $20 from the shop",
    "I'm sick of these merge conflicts",
    "oh my god, the build is green",
    "my confirmation email never arrived",
    "I pay $12 a month for hosting",
    "I have a performance issue with the database",
    "my review of the pull request is done",
    "The restaurant is rated 4/5",
    "I need to raise an exception here",
    "Let me go through the pip install steps",
    "my std::string is empty",
    "auto my = std::vector<int>();",
    // topics, not a person
    "Diabetes research funding is up this year",
    "Patients diagnosed with diabetes have a higher risk of heart disease",
    "People with depression often feel tired",
    "The Great Depression started in 1929",
    "Mental health awareness week starts Monday",
    "Catholic University of America",
    "The Conservative Party won the election",
    "Democrats and Republicans disagree on the budget",
    "Title VII protects against discrimination on the basis of sex, or religion.",
    "God gave rock and roll to you",
    "the company's tax return is due in March",
    "Cancer Research UK is a charity",
    "The chemotherapy market is growing",
    "Pfizer reported sales of its cholesterol drug",
    "The pharmacy sells ibuprofen and aspirin",
    "Gay rights movement history lecture",
    "Our bank account balance is tracked in the ledger",
    "Die Krebsforschung macht Fortschritte",
    "La recherche sur le diabète avance",
    "La investigación sobre el cáncer avanza",
    "We need a performance evaluation of the new cache",
    "I got fired up about this",
    "I'm in debt to you for the help",
    "My blood pressure cuff project",
    "I have a doctor's appointment at 3pm",
    "Refactor the performance review module",
    "run the diabetes regression example",
    "Please submit your performance review by Friday",
    "File your tax return by April 15",
    "In such diseases as cancer and tuberculosis, early diagnosis is vital",
    "I have a stage 3 presentation tomorrow",
    "the grade 3 students went to the museum",
    "I have a blood orange in my bag",
    "I was at the office until 9",
  ];
  for (const text of negatives) {
    it(JSON.stringify(text), () => {
      expect(
        detect(text).map((d) => `${d.type}:${text.slice(d.start, d.end)}`),
        text,
      ).toEqual([]);
    });
  }

  it("a religion's word that is a name, right after a family member's noun, is the name", () => {
    expect(detect("Survived by his wife Christian Engström and daughter Hanna Olsson")).toEqual([]);
    expect(detect("My husband Christian called")).toEqual([]);
    expect(analyze("my son Baptist starts school today").level).toBeLessThan(4);
    // a statement about the person's faith stays one
    expect(typesOf("my husband is Christian")).toEqual(["RELIGION"]);
    expect(typesOf("my wife, a devout Christian, prays daily")).toEqual(["RELIGION"]);
    expect(typesOf("My Christian wife")).toEqual(["RELIGION"]);
    expect(typesOf("my husband christian called")).toEqual(["RELIGION"]);
  });

  it("does not fire on ordinary prose without special terms", () => {
    expect(detect("Quarterly planning: move the release to Thursday and update the roadmap.")).toEqual([]);
    expect(detect("")).toEqual([]);
  });
});

describe("special-category recognizer: structure", () => {
  it("is registered and emits only its declared types", () => {
    expect(SPECIAL_RECOGNIZERS).toContain(specialCategories);
    expect([...specialCategories.types].sort()).toEqual(
      ["FINANCE_TAX", "HEALTH", "HR_PERFORMANCE", "POLITICS", "RELIGION", "SEXUALITY"].sort(),
    );
  });

  it("every special type is an unmaskable level-4 entity in the default policy", () => {
    for (const t of specialCategories.types) {
      const rule = DEFAULT_POLICY.data.entities.types[t];
      expect(rule, t).toBeDefined();
      expect(rule!.level).toBe(4);
      expect(rule!.maskable).toBe(false);
    }
    expect(DEFAULT_POLICY.data.entities.unmaskableRecognizers).toContain(specialCategories.id);
  });

  it("lexicons compile; stems are long enough; phrases have words", () => {
    expect(() => compileLexicons(SPECIAL_LEXICONS)).not.toThrow();
    expect(() =>
      compileLexicons([
        { type: "HEALTH", groups: [{ id: "x", strength: "strong", terms: ["ab*"] }], cues: [] },
      ]),
    ).toThrow(/stem/);
    expect(() =>
      compileLexicons([
        { type: "HEALTH", groups: [{ id: "x", strength: "strong", terms: ["--"] }], cues: [] },
      ]),
    ).toThrow(/empty/);
  });

  it("words() cuts phrases like the scanner cuts text", () => {
    expect(words("Crohn's disease")).toEqual(["crohn", "s", "disease"]);
    expect(words("W-2")).toEqual(["w", "2"]);
    expect(words("Steuererklärung")).toEqual(["steuererklarung"]);
    expect(String.fromCharCode(fold("é".charCodeAt(0)))).toBe("e");
  });

  it("a record with a special statement is level 4 in the engine; a masked card alone is 3", () => {
    expect(analyze("I was diagnosed with diabetes in May").level).toBe(4);
    expect(analyze("Diabetes research funding is up this year").level).toBeLessThan(4);
  });
});

describe("special-category recognizer: robustness", () => {
  it("never throws and returns in-bounds spans on arbitrary text (property)", () => {
    const vocab = [
      "my",
      "I",
      "have",
      "was",
      "diagnosed",
      "with",
      "diabetes",
      "cancer",
      "HbA1c",
      "7.2%",
      "50",
      "mg",
      "tax",
      "return",
      "$",
      "100",
      "party",
      "voted",
      "the",
      "gay",
      "review",
      "performance",
      ".",
      "\n",
      "'",
      "-",
      "é",
      "İ",
    ];
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...vocab), fc.string({ maxLength: 6 })), { maxLength: 40 }),
        (parts) => {
          const text = parts.join(" ");
          for (const d of detect(text)) {
            expect(d.start).toBeGreaterThanOrEqual(0);
            expect(d.end).toBeLessThanOrEqual(text.length);
            expect(d.start).toBeLessThan(d.end);
            expect(d.score).toBeGreaterThanOrEqual(0.5);
            expect(d.score).toBeLessThanOrEqual(0.95);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("adding a generic word next to a statement never raises its score (property)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("I have diabetes", "my tax return", "I am Catholic", "my salary is $90,000"),
        fc.constantFrom("research", "people", "company", "study"),
        (s, g) => {
          const base = Math.max(0, ...detect(s).map((d) => d.score));
          const withGeneric = Math.max(0, ...detect(`${s} ${g}`).map((d) => d.score));
          expect(withGeneric).toBeLessThanOrEqual(base);
        },
      ),
    );
  });

  it("stays linear on runs of lexicon words, anchors and values", () => {
    const time = (text: string) => {
      const input = { text, lower: text.toLowerCase(), channel: "typed" as const };
      let best = Infinity;
      for (let i = 0; i < 3; i++) {
        const t0 = performance.now();
        specialCategories.detect(input);
        best = Math.min(best, performance.now() - t0);
      }
      return best;
    };
    for (const unit of [
      "my diabetes ",
      "i have ",
      "the pill ",
      "hba1c 7.2% ",
      "i was fired ",
      "my my my cancer ",
      "a a a a ",
      "tax return $1 ",
    ]) {
      const small = unit.repeat(Math.ceil(12_500 / unit.length));
      const big = unit.repeat(Math.ceil(100_000 / unit.length));
      const ts = time(small);
      const tb = time(big);
      expect(tb, `${JSON.stringify(unit)}: ${ts.toFixed(1)} ms -> ${tb.toFixed(1)} ms`).toBeLessThan(
        Math.max(ts * 24, 80),
      );
    }
  });
});

describe("special-category recognizer: shared tokens and its own pass agree", () => {
  // statements, their parts, and characters that split or change words (marks, joiners, non-Latin)
  const parts = [
    "I",
    "my",
    "have",
    "was",
    "diagnosed",
    "with",
    "diabetes",
    "diabète",
    "diabe\u0301te",
    "type",
    "2",
    "she",
    "takes",
    "sertraline",
    "50",
    "mg",
    "credit",
    "card",
    "debt",
    "fired",
    "got",
    "I've",
    "voted",
    "for",
    "the",
    "Greens",
    "union",
    "member",
    "tax",
    "return",
    "$1,200",
    "HbA1c",
    "7.2%",
    "Krebs",
    "j'ai",
    "un",
    "cancer",
    "W-2",
    "w‑2",
    "crohn's",
    "disease",
    "research",
    ".",
    "!",
    "\n",
    ",",
    "İ",
    "ǅ",
    "ж",
    "🙂",
    "’",
    "-",
  ];
  const arb = fc.array(fc.constantFrom(...parts), { maxLength: 18 }).map((a) => a.join(" "));
  it("on any text", () => {
    fc.assert(
      fc.property(arb, (text) => {
        const input = { text, lower: text.toLowerCase(), channel: "typed" as const };
        tokenize("-");
        const own = specialCategories.detect(input);
        tokensOf(text);
        const shared = specialCategories.detect(input);
        expect(shared).toEqual(own);
      }),
      { numRuns: 1500 },
    );
  });

  it("finds a trigger word that holds a combining mark (its length is no count of its letters)", () => {
    for (const [plain, marked] of [
      ["I was diagnosed with hiv last year", "I was diagnosed with hiv\u0307 last year"],
      ["she has hiv", "she has hi\u0301v"],
    ]) {
      expect(detect(plain).map((d) => d.type)).toEqual(["HEALTH"]);
      expect(detect(marked).map((d) => d.type)).toEqual(["HEALTH"]);
    }
  });

  it("ownWords cuts words as the scanner does and keys them", () => {
    const w = ownWords("my dia\u0301bete, w-2!");
    const cut = [...Array(w.count).keys()].map((k) => [w.start[k], w.end[k]]);
    expect(cut).toEqual([
      [0, 2],
      [3, 11],
      [13, 14],
      [15, 16],
    ]);
    expect(w.key[1]).toBe(wordKey("diabete"));
  });
});
