import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyze, analyzeMany, redact } from "./engine.js";
import { foldOcrMisreads } from "./ocr-fold.js";

describe("OCR's digits read as letters", () => {
  it("folds letters back to digits inside number-like runs only", () => {
    expect(foldOcrMisreads("Call +44 2O 7946 O958")).toBe("Call +44 20 7946 0958");
    expect(foldOcrMisreads("Card 4111 1111 1lll 1111")).toBe("Card 4111 1111 1111 1111");
    expect(foldOcrMisreads("SSN 123-45-67B9")).toBe("SSN 123-45-6789");
    // words, and runs without a digit or with a letter beside them, stay
    expect(foldOcrMisreads("SOS at 10 o'clock, B2B deal in Oslo")).toBe(
      "SOS at 10 o'clock, B2B deal in Oslo",
    );
    expect(foldOcrMisreads("COVID19 and H2O")).toBe("COVID19 and H2O");
  });
  it("folds back the other misreadings real Tesseract made on rendered screens", () => {
    // (each one seen in `npm run bench -- ocr`)
    expect(foldOcrMisreads("IBAN DEO8 1175 7263 9722 3260 29")).toBe("IBAN DE08 1175 7263 9722 3260 29");
    expect(foldOcrMisreads("IBAN DE@2 0284 7772 4788 6709 81")).toBe("IBAN DE02 0284 7772 4788 6709 81");
    expect(foldOcrMisreads("Pay to GBOS WEST 8173 4384 9207 07")).toBe("Pay to GB05 WEST 8173 4384 9207 07");
    expect(foldOcrMisreads("IBAN GB66 WEST 7407 3368 1772.44")).toBe("IBAN GB66 WEST 7407 3368 1772 44");
    expect(foldOcrMisreads("Card $105 6069 7925 7877")).toBe("Card 5105 6069 7925 7877");
    expect(foldOcrMisreads("Host 198,51.100.191")).toBe("Host 198.51.100.191");
    expect(foldOcrMisreads("Pay with card 4111 $121 8177 1298")).toBe("Pay with card 4111 5121 8177 1298");
    expect(foldOcrMisreads("Reply to zorq.vennik73¢example. com")).toBe(
      "Reply to zorq.vennik73@example. com",
    );
    expect(foldOcrMisreads("Email zorq.vennik7@@example.com")).toBe("Email zorq.vennik7_@example.com");
    expect(foldOcrMisreads("AWS key AKTAB4QSUQUSRIOMFAKE")).toBe("AWS key AKIAB4QSUQUSRIOMFAKE");
    expect(foldOcrMisreads("api_key =AKIA)VPUHWKCRMF2FAKE,")).toBe("api_key =AKIAJVPUHWKCRMF2FAKE,");
    expect(foldOcrMisreads("KEY \\KIAMBWLC2CTZDVFAKE}")).toBe("KEY AKIAMBWLC2CTZDVFAKEJ");
    // "@" read as "g", where the line labels an address or brackets hold it
    expect(foldOcrMisreads("Reply to ilsa.olbeck30gexample. com")).toBe(
      "Reply to ilsa.olbeck30@example. com",
    );
    expect(foldOcrMisreads("Email zorq.vennikS4gexample.org.")).toBe("Email zorq.vennikS4@example.org.");
    expect(foldOcrMisreads("Kontakt: greg.vennikgexample.io")).toBe("Kontakt: greg.vennik@example.io");
    expect(foldOcrMisreads("Ilsa Prenn <ilsa.prenngexample.net>")).toBe(
      "Ilsa Prenn <ilsa.prenn@example.net>",
    );
    expect(foldOcrMisreads("Contact ilsa.olbeck96Gexample.net")).toBe("Contact ilsa.olbeck96@example.net");
    expect(foldOcrMisreads("Reply to mavek.maqsSégexample.org")).toBe("Reply to mavek.maqsSé@example.org");
    // "&" for the 8 before an address's "@"; "@" for a number's first digit; "@" for an AWS key id's O
    expect(foldOcrMisreads("From: zorq.maqs9&@example.org")).toBe("From: zorq.maqs98@example.org");
    expect(foldOcrMisreads("Reply to zorq prenn&3@example.net")).toBe("Reply to zorq prenn83@example.net");
    // "@" read as "e" in small type, on a labelled line (the whole word is then an address)
    expect(foldOcrMisreads("From: ilsa.vennik53eexample.org")).toContain("@");
    expect(foldOcrMisreads("From: news.example.com")).toBe("From: news.example.com");
    expect(foldOcrMisreads("Reply to support.example.com")).toBe("Reply to support.example.com");
    // a card's first "5" as "$" before groups OCR ran together
    expect(foldOcrMisreads("(Card $555 11727715 7343")).toBe("(Card 5555 11727715 7343");
    // an IBAN's check digit or a group's first digit as "@"
    expect(foldOcrMisreads("Pay to GB9@ MIDL 5138 9936 5125 60")).toBe("Pay to GB90 MIDL 5138 9936 5125 60");
    expect(foldOcrMisreads("Pay to GB43 NWBK 9474 @870 4620 82")).toBe("Pay to GB43 NWBK 9474 0870 4620 82");
    expect(foldOcrMisreads("Total $120 1500 units")).toBe("Total $120 1500 units");
    expect(foldOcrMisreads("SSN: @11-62-5516")).toBe("SSN: 011-62-5516");
    expect(foldOcrMisreads("token: AKTAR@SSHXNKMZFAKEQQ")).toBe("token: AKIAROSSHXNKMZFAKEQQ");
    // a bracket or bar inside a long random token, as the letter it was
    expect(foldOcrMisreads("api_key =f6vZHbC4oukCyo4E{PCVtbBKrM69D20g,")).toBe(
      "api_key =f6vZHbC4oukCyo4EfPCVtbBKrM69D20g,",
    );
    expect(foldOcrMisreads("token: kytdqNtiRoe2)hdPhEPAcKIO|ES2qu")).toBe(
      "token: kytdqNtiRoe2JhdPhEPAcKIOIES2qu",
    );
    // what looks alike but is no misreading stays
    expect(foldOcrMisreads("ABOS DATA, GBOO WEST")).toBe("ABOS DATA, GBOO WEST");
    expect(foldOcrMisreads("lists 1,2,3,4 and 1.5,2.5")).toBe("lists 1,2,3,4 and 1.5,2.5");
    expect(foldOcrMisreads("Prices 12 $100 and 14 $200")).toBe("Prices 12 $100 and 14 $200");
    expect(foldOcrMisreads("Total $105 for 2 items")).toBe("Total $105 for 2 items");
    expect(foldOcrMisreads("Paid $10 4111\nCard $105 6069 7925 7877")).toBe(
      "Paid $10 4111\nCard 5105 6069 7925 7877",
    );
    expect(foldOcrMisreads("version AB12 1234 1.5 and 2.5")).toBe("version AB12 1234 1.5 and 2.5");
    expect(foldOcrMisreads("@@ -1,3 +1,4 @@ and © 2024 Acme.com")).toBe(
      "@@ -1,3 +1,4 @@ and © 2024 Acme.com",
    );
    // a host name with a "g" is no address: not without a label, nor in a link, nor after "www."
    for (const t of [
      "Go to images.google.com",
      "Email: https://images.google.com",
      "Email www.blogger.com",
      "Contact GitHub Gist.github.com",
      "meet @10 people, @ 12-3",
      "R&D @home",
      "Email jane@example.com",
      "if (a|b) {x} else {y}",
      "fooBar(x)|bazQux{y}",
    ])
      expect(foldOcrMisreads(t)).toBe(t);
  });
  it("the engine finds each value in its misread form on the ocr channel", () => {
    const ocr = (t: string) => redact(t, { channel: "ocr" }).redacted;
    expect(ocr("IBAN DEO8 1175 7263 9722 3260 29")).toBe("IBAN [IBAN_CODE]");
    expect(ocr("Host 198,51.100.191")).toBe("Host [IP_ADDRESS]");
    expect(ocr("Pay with card 4111 $121 8177 1298")).toBe("Pay with card [CREDIT_CARD]");
    expect(ocr("Reply to zorq.vennik73¢example. com")).toBe("Reply to [EMAIL_ADDRESS]");
    expect(ocr("Email zorq.vennik7@@example.com")).toBe("Email [EMAIL_ADDRESS]");
    expect(ocr("AWS key AKTAB4QSUQUSRIOMFAKE")).toMatch(/^AWS key \[SECRET/);
    expect(ocr("Email zorq.vennik69gexample. com")).toBe("Email [EMAIL_ADDRESS]");
    expect(ocr("Go to images.google.com")).toBe("Go to images.google.com");
    expect(ocr("From: ilsa.vennik53eexample.org")).toBe("From: [EMAIL_ADDRESS]");
    expect(ocr("Reply to zorq prenn&3@example.net")).toBe("Reply to [EMAIL_ADDRESS]");
    expect(ocr("export AWS SECRET ACCESS KEY=LOdMqC9IbgSdsdf j CQWq5wGFeliud4Fd")).toMatch(
      /^export AWS SECRET ACCESS KEY=\[SECRET/,
    );
  });
  it("the engine masks what either reading finds, on the ocr channel only", () => {
    expect(redact("Call +44 2O 7946 O958", { channel: "ocr" }).redacted).toBe("Call [PHONE_NUMBER]");
    expect(redact("Card 4111 1111 1lll 1111", { channel: "ocr" }).redacted).toBe("Card [CREDIT_CARD]");
    expect(redact("SSN 123-45-67B9", { channel: "ocr" }).redacted).toBe("SSN [US_SSN]");
    // typed text is what was typed: no folding there
    expect(redact("Call +44 2O 7946 O958", { channel: "typed" }).redacted).toBe("Call +44 2O 7946 O958");
    // the batch path gives the same results
    const texts = ["Call +44 2O 7946 O958", "plain words", "Card 4111 1111 1lll 1111"];
    expect(analyzeMany(texts, { channel: "ocr" })).toEqual(texts.map((t) => analyze(t, { channel: "ocr" })));
  });
  it("keeps length, is idempotent, and changes only what OCR misreads, to what it misread (property)", () => {
    const chars = fc.constantFrom(..."0123456789OoDQIl|ZzSsGBabcxyzgDEAW -.,+()/\n\n'$@¢©}]{&\\".split(""));
    // (and runs shaped like an IBAN, so that its rule is exercised too)
    const iban = fc.constantFrom(
      "GBOS WEST 8173 4384 ",
      "DE@2 0284 7772 ",
      "DEO8 1175 ",
      "AB12 CD",
      "1772.44 ",
      "Email ",
      "<",
      ">",
      ".com",
    );
    fc.assert(
      fc.property(
        fc.array(fc.oneof(chars, iban), { maxLength: 60 }).map((a) => a.join("")),
        fc.string({ maxLength: 30 }),
        (a, b) => {
          // (the last two: cases the property once found, kept)
          for (const s of [
            a,
            b,
            a + b,
            "GBOS WEST 8173 4384 |GBOS WEST 8173 4384 ",
            "GBOS WEST 8173 4384 @00o",
            ".com&0z@0",
          ]) {
            const f = foldOcrMisreads(s);
            expect(f.length).toBe(s.length);
            expect(foldOcrMisreads(f)).toBe(f);
            for (let i = 0; i < s.length; i++)
              if (f[i] !== s[i]) {
                const pair = s[i]! + f[i]!;
                if (/[0-9]/.test(f[i]!)) expect(s[i]).toMatch(/[OoDQIl|ZzSsGB$@&]/);
                else
                  expect([
                    ",.",
                    "g@",
                    "G@",
                    "e@",
                    "@O",
                    "{f",
                    "¢@",
                    "©@",
                    "®@",
                    "@_",
                    ". ",
                    "0O",
                    "1I",
                    "8B",
                    ")J",
                    "}J",
                    "]J",
                    "|I",
                    "TI",
                    "lI",
                    "\\A",
                    "4A",
                  ]).toContain(pair);
                // an IBAN's check digit, or a number's first digit
                if (s[i] === "@" && f[i] === "0")
                  expect(
                    /^[A-Z]{2}$|^[A-Z][0-9OoDQIl|ZzSsGB@]$/.test(s.slice(i - 2, i)) ||
                      /^[0-9]{2}[-. ][0-9]/.test(s.slice(i + 1)) ||
                      // (an IBAN group's first digit: the group as folded)
                      /^[0-9]{3}(?![A-Za-z0-9])/.test(f.slice(i + 1)),
                  ).toBe(true);
                if (s[i] === "$") expect(f[i]).toBe("5");
                // (before digits as read back: OCR misreads the 8 and the digits after it together, ".com&0z@")
                if (s[i] === "&") expect(f.slice(i + 1)).toMatch(/^[0-9]{0,3}@/);
              }
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
  it("masks on the misread text at least what it masks on the text read right (property)", () => {
    const parts = fc.constantFrom(
      "Call ",
      "+44 ",
      "2O ",
      "7946 ",
      "O958",
      "4111 ",
      "1lll ",
      "Anna ",
      "at ",
      "12 Oak St ",
    );
    fc.assert(
      fc.property(
        fc.array(parts, { maxLength: 8 }).map((a) => a.join("")),
        (t) => {
          const covered = new Uint8Array(t.length);
          for (const s of analyze(t, { channel: "ocr" }).spans) covered.fill(1, s.start, s.end);
          for (const s of analyze(foldOcrMisreads(t), { channel: "ocr" }).spans)
            for (let k = s.start; k < s.end; k++) expect(covered[k]).toBe(1);
        },
      ),
      { numRuns: 50 },
    );
  });
});
