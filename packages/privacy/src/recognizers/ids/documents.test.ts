import { describe, expect, it } from "vitest";
import { idDocument } from "./documents.js";

function found(text: string) {
  return idDocument
    .detect({ text, lower: text.toLowerCase(), channel: "typed" })
    .filter((d) => d.score >= 0.5)
    .map((d) => `${d.type}:${text.slice(d.start, d.end)}`);
}

describe("passports (by their label)", () => {
  it("finds passport numbers announced in several languages", () => {
    expect(found("Passport No: 123456789")).toEqual(["PASSPORT:123456789"]);
    expect(found("my passport number is C01X00T47.")).toEqual(["PASSPORT:C01X00T47"]);
    expect(found("Reisepassnummer C01X00T47")).toEqual(["PASSPORT:C01X00T47"]);
    expect(found("numéro de passeport : 12AB34567")).toEqual(["PASSPORT:12AB34567"]);
    expect(found("pasaporte AAA123456")).toEqual(["PASSPORT:AAA123456"]);
    expect(found("123456789 (passport)")).toEqual([]); // labels after the value are not used for documents
  });

  it("needs the label right before the value, and a passport-shaped value", () => {
    expect(found("ref 123456789")).toEqual([]);
    expect(found("passport photos cost 15000 won")).toEqual([]);
    expect(found("passport expired in 2019")).toEqual([]);
    expect(found("passport no 12345")).toEqual([]); // too short
    expect(found("passport ABCDEFG12345")).toEqual([]); // too many letters
  });
});

describe("driver's licences (by their label)", () => {
  it("finds licence numbers in the usual formats", () => {
    expect(found("My driver's license number is F162823540116")).toEqual(["DRIVER_LICENSE:F162823540116"]);
    expect(found("driver’s licence: 5130634")).toEqual(["DRIVER_LICENSE:5130634"]);
    expect(found("DL# D123-4567-8901")).toEqual(["DRIVER_LICENSE:D123-4567-8901"]);
    expect(found("driving licence MORGA753116SM9IJ")).toEqual(["DRIVER_LICENSE:MORGA753116SM9IJ"]);
    expect(found("Führerscheinnummer B072RRE2I55")).toEqual(["DRIVER_LICENSE:B072RRE2I55"]);
    expect(found("license no. 2270-66-1551")).toEqual(["DRIVER_LICENSE:2270-66-1551"]);
  });

  it("no licence without an announcing label", () => {
    expect(found("Apache License, Version 2.0")).toEqual([]);
    expect(found("MIT license 2023")).toEqual([]);
    expect(found("license renewed on 12345678 days")).toEqual([]);
    expect(found("ticket F162823540116")).toEqual([]);
  });
});
