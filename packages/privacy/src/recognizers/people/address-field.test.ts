import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addressField } from "./address-field.js";

const found = (text: string, channel: "typed" | "ocr" = "typed") =>
  addressField.detect({ text, lower: text.toLowerCase(), channel }).map((d) => text.slice(d.start, d.end));

describe("address fields", () => {
  it("the value after an address label, in any country's form", () => {
    expect(found("Address: Aleea Prahova, Bloc 82, Ap. 39")).toEqual(["Aleea Prahova, Bloc 82, Ap. 39"]);
    expect(found("Name: Tiv Oranmo\nAddress: 7 Maes Maelor\nPhone: 0121 000 0000")).toEqual([
      "7 Maes Maelor",
    ]);
    expect(found("Adresse: Fünfhaus (Paasdorf) 68c")).toEqual(["Fünfhaus (Paasdorf) 68c"]);
    expect(found("lieferadresse: lehner mühle 4, gronau (westf.)")).toEqual([
      "lehner mühle 4, gronau (westf.)",
    ]);
    expect(found("Dirección: calle del olmo 12, 3º B")).toEqual(["calle del olmo 12, 3º B"]);
    expect(found("Адрес: ул. Лесная, д. 5, кв. 12")).toEqual(["ул. Лесная, д. 5, кв. 12"]);
    expect(found("住所：東京都港区芝公園9-9-9")).toEqual(["東京都港区芝公園9-9-9"]);
    // a field's hint or required mark after the label, a bullet before it
    expect(found("- Home address (optional): 14 Kestrel Lane, Leeds")).toEqual(["14 Kestrel Lane, Leeds"]);
    expect(found("Address*: 14 Kestrel Lane")).toEqual(["14 Kestrel Lane"]);
  });

  it("a field among others on one line ends where the next field begins", () => {
    expect(found("Name: Marin, Address: Aleea Prahova 3, Sector 2, Phone: 0722 000 000")).toEqual([
      "Aleea Prahova 3, Sector 2",
    ]);
    expect(found("Name: Marin\tAddress: Aleea Prahova 3\tPhone: 0722 000 000")).toEqual(["Aleea Prahova 3"]);
  });

  it("the lines under a label that stands alone, up to a blank line or the next field", () => {
    expect(found("Billing address\n421 cwit yr eos\nCard: 5265-3079-0522-0313")).toEqual(["421 cwit yr eos"]);
    expect(found("Ship to:\nJorik Vandermeer\n12 Kestrel Lane\nLeeds LS1 4AB\n\nThanks")).toEqual([
      "Jorik Vandermeer\n12 Kestrel Lane\nLeeds LS1 4AB",
    ]);
    // and the indented lines that continue a value on the label's line
    expect(
      found("Billing address: Tiv Oranmo\n    28245 Puruntie 82 Apt. 595\n    LAPPEENRANTA\nTotal: 4"),
    ).toEqual(["Tiv Oranmo\n    28245 Puruntie 82 Apt. 595\n    LAPPEENRANTA"]);
  });

  it("leaves the other kinds of address, placeholders, code and headings alone", () => {
    expect(found("IP address: 10.0.0.1")).toEqual([]);
    expect(found("E-mail address: tiv@example.com")).toEqual([]);
    expect(found("MAC address: 00:1A:2B:3C:4D:5E")).toEqual([]);
    expect(found("Address: 0x7ffd5e8c")).toEqual([]);
    expect(found("address: localhost\nport: 8080")).toEqual([]);
    expect(found("  address: db-01.prod")).toEqual([]);
    expect(found("address: ${HOST}:${PORT}")).toEqual([]);
    expect(found("Address: N/A")).toEqual([]);
    expect(found("Shipping address: same as billing")).toEqual([]);
    expect(found("Address: https://example.com/contact")).toEqual([]);
    // a heading over prose, and the word inside a sentence
    expect(found("Address\nThe address of the server is set below.")).toEqual([]);
    expect(found("Please update your address: we moved last month")).toEqual([]);
  });

  it("a desk or a floor of a site is no address, a person or a street beside one still is", () => {
    expect(found("Deliver to: Reception, Building 2")).toEqual([]);
    expect(found("Ship to: Loading dock 4 / Warehouse B")).toEqual([]);
    expect(found("Lieferadresse: Poststelle, Gebäude 3")).toEqual([]);
    expect(found("Return address: Finance Dept")).toEqual([]);
    expect(found("Deliver to: Qorvin Tallesh, Building 2")).toEqual(["Qorvin Tallesh, Building 2"]);
    expect(found("Ship to: Floor 3, 41 Wrenfield Road")).toEqual(["Floor 3, 41 Wrenfield Road"]);
  });

  it("every value after a label is reported whole, at its offsets (property)", () => {
    const word = fc.constantFrom("Kestrel", "Lane", "12", "Apt.", "4B", "Leeds", "Oranmo", "Vej", "9");
    fc.assert(
      fc.property(
        fc.constantFrom("Address", "Billing address", "Adresse", "Indirizzo", "adres"),
        fc.array(word, { minLength: 2, maxLength: 6 }),
        fc.constantFrom("", "\n", "\nPhone: 000"),
        (label, words, tail) => {
          const value = words.join(" ");
          const text = `${label}: ${value}${tail}`;
          const want = /\p{L}/u.test(value) ? [value] : [];
          expect(found(text)).toEqual(want);
        },
      ),
    );
  });
});
