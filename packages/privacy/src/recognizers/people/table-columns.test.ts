import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyze } from "../../engine.js";
import { tableColumns, thingCells } from "./table-columns.js";

/** What the recognizer finds in `text`, as "TYPE:value". */
function found(text: string): string[] {
  return tableColumns
    .detect({ text, lower: text.toLowerCase(), channel: "clipboard" })
    .map((d) => `${d.type}:${text.slice(d.start, d.end)}`);
}

describe("table columns", () => {
  it("reads the cells of a CSV's name and address columns", () => {
    expect(found("name,phone,city\nZqwimbo,+44 20 7946 0958,Leeds\nQwertel Vox,555-0100,York")).toEqual([
      "PERSON:Zqwimbo",
      "PERSON:Qwertel Vox",
    ]);
    expect(found("first_name,last_name,street_address\nzqwimbo,qwertel,12 leeds rd")).toEqual([
      "PERSON:zqwimbo",
      "PERSON:qwertel",
      "STREET_ADDRESS:12 leeds rd",
    ]);
  });

  it("reads semicolons, tabs, quoted cells and piped tables, in other languages", () => {
    expect(found("Vorname;Nachname;Straße\nQwer;Zqwimbo;Leedsweg 4")).toEqual([
      "PERSON:Qwer",
      "PERSON:Zqwimbo",
      "STREET_ADDRESS:Leedsweg 4",
    ]);
    expect(found("Name\tE-mail\tPhone\nZqwimbo Vox\tz@example.com\t555-0100")).toEqual([
      "PERSON:Zqwimbo Vox",
    ]);
    expect(found('name,address,email\n"Vox, Zqwimbo","4 Qwertel Lane, Leeds",z@example.com')).toEqual([
      "PERSON:Vox, Zqwimbo",
      "STREET_ADDRESS:4 Qwertel Lane, Leeds",
    ]);
    expect(found("| Name | Email |\n|---|---|\n| zqwimbo qwertel | z@example.com |")).toEqual([
      "PERSON:zqwimbo qwertel",
    ]);
  });

  it("a column of names is a person's only in a table of people", () => {
    expect(found("name,description\nexpress,Fast web framework")).toEqual([]);
    expect(found("name,version\nexpress,4.18.2")).toEqual([]);
    expect(found("| Name | Type | Default |\n|---|---|---|\n| timeout | number | 30 |")).toEqual([]);
    expect(found("name,email\nexpress,team@example.com")).toEqual(["PERSON:express"]);
  });

  it("no header, no rows: prose, rows of another width, placeholders, numbers", () => {
    expect(found("Hello, world\nName, please, and your phone")).toEqual([]);
    expect(found("id,amount,status\n1,200,ok")).toEqual([]);
    expect(found("name,phone\nZqwimbo, Vox, and others were there")).toEqual([]);
    expect(found("name,phone\nN/A,555-0100\n-,555-0101\n12345,555-0102")).toEqual([]);
    // a blank line ends the table
    expect(found("name,phone\nZqwimbo,555-0100\n\nhello,world")).toEqual(["PERSON:Zqwimbo"]);
  });

  it("a column of places, organisations or roles holds no person for the person recognizer", () => {
    const names = (t: string) =>
      analyze(t, { channel: "clipboard" })
        .spans.filter((x) => x.type === "PERSON")
        .map((x) => t.slice(x.start, x.end));
    expect(names("name,phone,city\nZqwimbo,555-0100,Leeds")).toEqual(["Zqwimbo"]);
    expect(names("City\tCountry\nParis\tFrance")).toEqual([]);
    expect(names("name,company,email\nAnna Schmidt,Morgan Stanley,a@example.com")).toEqual(["Anna Schmidt"]);
    // outside a table the same words are read as before
    expect(names("Hi Anna, the city is Leeds")).toContain("Anna");
    expect(
      thingCells("name,phone,city\nZqwimbo,555-0100,Leeds", "name,phone,city\nzqwimbo,555-0100,leeds"),
    ).toEqual([33, 38]);
  });

  it("the engine masks the column's names that no other recognizer finds", () => {
    const a = analyze("name,phone,city\nZqwimbo,+44 20 7946 0958,Leeds", { channel: "clipboard" });
    expect(a.spans.map((s) => s.type)).toContain("PERSON");
  });

  it("property: every cell of a name column is found at its offsets, and nothing else", () => {
    const word = fc.stringMatching(/^[A-Z][a-z]{2,9}$/);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(word, fc.integer({ min: 100, max: 999 })), { minLength: 1, maxLength: 8 }),
        fc.constantFrom(",", ";", "\t"),
        (rows, sep) => {
          const text = [
            `id${sep}name${sep}phone`,
            ...rows.map(([w, k], i) => `${i}${sep}${w}${sep}555-0${k}`),
          ].join("\n");
          const spans = tableColumns.detect({ text, lower: text.toLowerCase(), channel: "clipboard" });
          expect(spans.map((d) => text.slice(d.start, d.end))).toEqual(rows.map(([w]) => w));
        },
      ),
    );
  });
});
