import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyze } from "./engine.js";
import { RECOGNIZERS } from "./recognizers/index.js";
import { asciiCharBit, isSoleChar, tokenize } from "./recognizers/people/tokens.js";
import type { Detection, RecognizerInput } from "./types.js";

/*
 * Recognizers share per-record scans (the word tokens of people/tokens.ts, the digit runs of ids/scan.ts)
 * when another recognizer has made them for the same record, and make their own otherwise. Both ways must
 * give the same detections.
 */

const pieces = [
  "born on 12/03/1985",
  "DOB: 1990-04-12",
  "aged 72",
  "I'm 34",
  "zip code 35350",
  "ZIP: 3520",
  "CA 94105",
  "SW1A 1AA",
  "in Bjert 6091",
  "12 Baker Street",
  "Apt. 864",
  "\n",
  ", ",
  " ",
  "my password is hunter2",
  "pin: 4821",
  "x-password",
  "jane [at] example [dot] com",
  "jane.doe@example.com",
  "00:1A:2B:3C:4D:5E",
  "001A.2B3C.4D5E",
  "4111 1111 1111 1111",
  "+44 20 7946 0958",
  "Anna Smith",
  "Mr. Baker",
  "é",
  "Ö",
  "٣",
  "123-45-6789",
  "(",
  ")",
  "<",
  ":",
  "-",
  ".",
  "7",
  "2024",
  "Koskikatu 25",
  "Uruguay 64677",
  "mot de passe",
  "https://user:pw@db.example.com/a?b=1#c",
  "api_key=EXAMPLEabc123",
  "eyJhbGciOiJIUzI1NiJ9",
  "SWIFT DEUTDEFF",
  "codice fiscale",
  "<secret>",
  "-----BEGIN",
  "/",
  "?",
  "#",
  "=",
];
const textArb = fc.oneof(
  fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 8 }).map((a) => a.join(" ")),
  fc.string({ unit: "grapheme", maxLength: 60 }),
);

const CHANNELS = ["typed", "title", "url", "clipboard", "ocr"] as const;

const strip = (ds: readonly Detection[]) => ds.map((d) => ({ ...d }));

describe("shared per-record scans", () => {
  it("leave the engine's results as they are without them", () => {
    // the same recognizers, none declaring that it reads the words: triggers are searched in the text
    const plain = RECOGNIZERS.map((r) => ({ ...r, readsWords: false }));
    fc.assert(
      fc.property(textArb, fc.constantFrom(...CHANNELS), (text, channel) => {
        const withWords = analyze(text, { channel });
        tokenize("\u0000");
        expect(analyze(text, { channel, recognizers: plain })).toEqual(withWords);
      }),
      { numRuns: 400 },
    );
  });

  it("answer the character triggers as a search of the text does", () => {
    const text = "a-b:c=d<e/f?g#h J";
    const chars = tokenize(text).chars;
    for (let c = 33; c < 127; c++) {
      const bit = asciiCharBit(c);
      if (bit === 0) continue;
      const ch = String.fromCharCode(c);
      if (isSoleChar(c)) expect((chars & bit) !== 0).toBe(text.includes(ch));
      else if (text.includes(ch)) expect(chars & bit).not.toBe(0);
    }
    expect(isSoleChar(58)).toBe(true); // ":"
    expect(isSoleChar(60)).toBe(false); // "<" shares its bit with ">"
    expect(asciiCharBit(97)).toBe(0); // "a": no bit
  });

  it("give every recognizer the detections it finds on its own", () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const shared: RecognizerInput = { text, lower: text.toLowerCase(), channel: "typed" };
        const together = RECOGNIZERS.map((r) => strip(r.detect(shared)));
        RECOGNIZERS.forEach((r, k) => {
          tokenize("\u0000"); // forget the record's tokens: this recognizer alone must scan what it needs
          const alone: RecognizerInput = { text, lower: text.toLowerCase(), channel: "typed" };
          expect(strip(r.detect(alone))).toEqual(together[k]);
        });
      }),
      { numRuns: 400 },
    );
  });
});
