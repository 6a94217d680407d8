import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { documentNames } from "./document-names.js";

const found = (text: string) =>
  documentNames
    .detect({ text, lower: text.toLowerCase(), channel: "ocr" })
    .filter((d) => d.score >= 0.5)
    .map((d) => text.slice(d.start, d.end));

// invented names that no list holds (fixtures are fake by construction)
describe("names as travel and identity documents print them", () => {
  it("an airline's SURNAME/GIVEN, with a title after it or a label before it", () => {
    expect(found("PASSENGER NAME KELTRUDE/ZORVAN MR")).toEqual(["KELTRUDE/ZORVAN"]);
    expect(found("Boarding pass: KELTRUDE/ZORVAN MARVESH MS  Seat 14C")).toEqual(["KELTRUDE/ZORVAN MARVESH"]);
    expect(found("Pasajero: VELA ARANDA/LUZ")).toEqual(["VELA ARANDA/LUZ"]);
    expect(found("PASSENGER NAME DE BRUYN/NINA MRS")).toEqual(["DE BRUYN/NINA"]);
    // as lower-case chat copies it, with its title
    expect(found("boarding pass: keltrude/zorvan ms seat 14c")).toEqual(["keltrude/zorvan"]);
    // a pair of words in capitals with neither: a protocol's, a route's
    expect(found("TCP/IP over the VPN")).toEqual([]);
    expect(found("read/write access")).toEqual([]);
  });

  it("the name field of a machine-readable zone", () => {
    expect(found("P<UTOKELTRUDE<<ZORVAN<MARVESH<<<<<<<<<<<<<<<<")).toEqual(["KELTRUDE<<ZORVAN<MARVESH"]);
    expect(found("IDUTO1234567890<<<<<<<<<<<<<<<\nKELTRUDE<<ZORVAN<<<<<<<<<<<<<<")).toEqual([
      "KELTRUDE<<ZORVAN",
    ]);
    expect(found("a<<b and x<<y in code")).toEqual([]);
  });

  it("a passport's field: its label on one line, in one or two languages, the name on the next", () => {
    expect(found("Surname / Nom\nKELTRUDE\nGiven names / Prénoms\nZORVAN MARVESH")).toEqual([
      "KELTRUDE",
      "ZORVAN MARVESH",
    ]);
    expect(found("Apellidos / Surname\nVela Aranda")).toEqual(["Vela Aranda"]);
    expect(found("Surname / Nom\n蕭\nGiven names / Prénoms\n凱瑞")).toEqual(["蕭", "凱瑞"]);
    // what follows a label that is no name: common words, a sentence, a number
    expect(found("Name\nSee Attached")).toEqual([]);
    expect(found("Name\nthe quick brown fox")).toEqual([]);
    expect(found("Surname\nP1234567")).toEqual([]);
  });

  it("a name in capitals after a person's label, a traveller's role, or NAME on a card's line", () => {
    expect(found("Traveller: ZORVAN KELTRUDE")).toEqual(["ZORVAN KELTRUDE"]);
    expect(found("Reisender: ZORVAN KELTRUDE")).toEqual(["ZORVAN KELTRUDE"]);
    expect(found("Lead passenger ZORVAN KELTRUDE, booking ref QX7R2P")).toEqual(["ZORVAN KELTRUDE"]);
    expect(found("NAME ZORVAN KELTRUDE DOB 12 MAR 1984")).toEqual(["ZORVAN KELTRUDE"]);
    // a form's placeholders in capitals are no names
    expect(found("Guest: VIP")).toEqual([]);
    expect(found("Name: TBD")).toEqual([]);
    expect(found("PASSENGER NAME SEE BOOKING")).toEqual([]);
  });

  it("a register's SURNAME Given, after a label or ending its row", () => {
    expect(found("Élève : KELTRUDE Zorvan")).toEqual(["KELTRUDE Zorvan"]);
    expect(found("UJJWAM Tamoha, 3B")).toEqual(["UJJWAM Tamoha"]);
    expect(found("Participant: AVATH Bhoor (FRA)")).toEqual(["AVATH Bhoor"]);
    // an acronym and a word: a product's, a heading's
    expect(found("AWS Lambda")).toEqual([]);
    expect(found("NASA Headquarters")).toEqual([]);
    expect(found("TODO Refactor")).toEqual([]);
  });

  it("finds an airline's name whole, at its exact offsets, wherever the line puts it", () => {
    // (invented: "ZX" and letters are no word of any list)
    const word = fc.stringMatching(/^[A-Z]{2,8}$/).map((w) => `ZX${w}`);
    fc.assert(
      fc.property(
        word,
        word,
        fc.constantFrom("MR", "MRS", "MS"),
        fc.constantFrom("", "Seat 14C ", "PNR QX7R2P\n"),
        (last, first, title, lead) => {
          const name = `${last}/${first}`;
          const text = `${lead}${name} ${title}`;
          const dets = documentNames.detect({ text, lower: text.toLowerCase(), channel: "ocr" });
          const at = text.indexOf(name);
          expect(dets.some((d) => d.start === at && d.end === at + name.length)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});
