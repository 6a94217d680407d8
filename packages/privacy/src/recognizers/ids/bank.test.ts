import { describe, expect, it } from "vitest";
import type { Channel, Recognizer } from "../../types.js";
import { bankAccount, iban } from "./bank.js";
import { ibanCheckDigits } from "./validators.js";

function found(r: Recognizer, text: string, channel: Channel = "typed") {
  return r
    .detect({ text, lower: text.toLowerCase(), channel })
    .filter((d) => d.score >= 0.5)
    .map((d) => `${d.type}:${text.slice(d.start, d.end)}`);
}

/** A fake IBAN: country, computed check digits, BBAN. */
const make = (cc: string, bban: string) => cc + ibanCheckDigits(cc, bban) + bban;
const DE = make("DE", "370400440532013000");
const FR = make("FR", "20041010050500013M02606");
const NO = make("NO", "86011117947");
const group = (s: string) => s.replace(/(.{4})(?=.)/g, "$1 ");

describe("IBAN", () => {
  it("finds compact and grouped IBANs, upper or lower case, of any listed country", () => {
    expect(found(iban, `pay to ${DE} today`)).toEqual([`IBAN_CODE:${DE}`]);
    expect(found(iban, `IBAN: ${group(DE)}.`)).toEqual([`IBAN_CODE:${group(DE)}`]);
    expect(found(iban, `iban ${group(FR).toLowerCase()}`)).toEqual([`IBAN_CODE:${group(FR).toLowerCase()}`]);
    expect(found(iban, `(${NO})`)).toEqual([`IBAN_CODE:${NO}`]);
    expect(found(iban, `a ${DE.replace(/(.{4})(?=.)/g, "$1-")} b`, "url")).toHaveLength(1);
  });

  it("rejects a wrong checksum, a wrong length, unknown countries and glued text", () => {
    const bad = DE.slice(0, 21) + ((+DE[21]! + 1) % 10);
    expect(found(iban, `x ${bad} y`, "title")).toEqual([]);
    expect(found(iban, `x ${DE}0 y`)).toEqual([]);
    expect(found(iban, `x ${DE.slice(0, 21)} y`)).toEqual([]);
    expect(found(iban, "x QQ82WEST12345698765432 y")).toEqual([]);
    expect(found(iban, `x A${DE} y`)).toEqual([]);
  });

  it("a separator counts only between groups of four: words after a short code are not glued on", () => {
    // found by the UK NINO property test: a NINO followed by words passed mod 97 once in 97 tries
    expect(found(iban, "JE230469C team quick sent")).toEqual([]);
    expect(found(iban, `pay ${DE.slice(0, 6)} ${DE.slice(6)}`)).toEqual([]);
  });

  it("typed text: a mistyped IBAN announced as such is kept at a lower score", () => {
    const bad = DE.slice(0, 21) + ((+DE[21]! + 1) % 10);
    expect(found(iban, `my IBAN is ${bad}`)).toEqual([`IBAN_CODE:${bad}`]);
    expect(found(iban, `my IBAN is ${bad}`, "title")).toEqual([]);
    expect(found(iban, `reference ${bad}`)).toEqual([]);
  });

  it("OCR: an IBAN printed in groups that OCR misread (a character changed, dropped or added) is kept", () => {
    const g = group(DE); // "DE.. 3704 0044 0532 0130 00"
    const changed = g.slice(0, 12) + (g[12] === "9" ? "8" : "9") + g.slice(13);
    const dropped = g.slice(0, 12) + g.slice(13);
    const added = g.slice(0, 12) + "7" + g.slice(12);
    for (const v of [changed, dropped, added])
      expect(found(iban, `Pay to ${v} thanks`, "ocr"), v).toEqual([`IBAN_CODE:${v}`]);
    // a speck read as a dot after a group ("GB44 MIDL. 6830 …"); a full stop after the last group stays outside
    const dotted = g.slice(0, 9) + "." + g.slice(9);
    expect(found(iban, `IBAN ${dotted}`, "ocr")).toEqual([`IBAN_CODE:${dotted}`]);
    expect(found(iban, `Pay to ${changed}. Thanks`, "ocr")).toEqual([`IBAN_CODE:${changed}`]);
    // groups whose country code OCR broke: what is left of it holds a digit ("GBG61", "E61")
    expect(found(iban, "IBAN GBG61 MIDL 2615 3003 2473 79", "ocr")).toEqual([
      "IBAN_CODE:GBG61 MIDL 2615 3003 2473 79",
    ]);
    expect(found(iban, "Pay to E61 9211 8524 8786 5438 81", "ocr")).toEqual([
      "IBAN_CODE:E61 9211 8524 8786 5438 81",
    ]);
    // a card's four groups, a word before groups, and typed text are no such account
    expect(found(iban, "Visa 4111 1111 1111 1111", "ocr")).toEqual([]);
    expect(found(iban, "Room 1204 1205 1206 1207 floors 12", "ocr")).toEqual([]);
    expect(found(iban, "Pay to E61 9211 8524 8786 5438 81")).toEqual([]);
    // typed text is what was typed; OCR text without an IBAN's printed groups is no IBAN
    expect(found(iban, `Pay to ${changed} thanks`)).toEqual([]);
    expect(found(iban, `ref DE12 2024 report`, "ocr")).toEqual([]);
    expect(found(iban, `Model AB12 3456 7890 1234 5678 x`, "ocr")).toEqual([]);
  });
});

describe("routing, account numbers and BIC by their labels", () => {
  it("US routing numbers need the label and the ABA checksum", () => {
    expect(found(bankAccount, "routing number 011000015")).toEqual(["US_ROUTING:011000015"]);
    expect(found(bankAccount, "ABA: 011000015")).toEqual(["US_ROUTING:011000015"]);
    expect(found(bankAccount, "order 011000015")).toEqual([]);
    expect(found(bankAccount, "routing number 011000016")).not.toContain("US_ROUTING:011000016");
  });

  it("account numbers after account labels in several languages", () => {
    expect(found(bankAccount, "account number 12345678")).toEqual(["BANK_ACCOUNT:12345678"]);
    expect(found(bankAccount, "Acct #: 0012-345678")).toEqual(["BANK_ACCOUNT:0012-345678"]);
    expect(found(bankAccount, "a/c no. 987654321012")).toEqual(["BANK_ACCOUNT:987654321012"]);
    expect(found(bankAccount, "Kontonummer 0532013000")).toEqual(["BANK_ACCOUNT:0532013000"]);
    expect(found(bankAccount, "número de cuenta: 12345678901")).toEqual(["BANK_ACCOUNT:12345678901"]);
    expect(found(bankAccount, "my account is 55512345")).toEqual(["BANK_ACCOUNT:55512345"]);
  });

  it("no account number when the label does not announce the value", () => {
    expect(found(bankAccount, "account settings updated 20230115")).toEqual([]);
    expect(found(bankAccount, "my account was charged 1234567 times")).toEqual([]);
    expect(found(bankAccount, "account number 1234")).toEqual([]); // too short
    expect(found(bankAccount, "account 12.345.678")).toEqual([]); // dotted: an amount
    expect(found(bankAccount, "call 55512345")).toEqual([]);
  });

  it("BIC/SWIFT codes after their label", () => {
    expect(found(bankAccount, "BIC: DEUTDEFF")).toEqual(["SWIFT_CODE:DEUTDEFF"]);
    expect(found(bankAccount, "SWIFT code DEUTDEFF500")).toEqual(["SWIFT_CODE:DEUTDEFF500"]);
    expect(found(bankAccount, "SWIFT/BIC: NWBKGB2L")).toEqual(["SWIFT_CODE:NWBKGB2L"]);
    expect(found(bankAccount, "the swift code is wonderful")).toEqual([]);
    expect(found(bankAccount, "DEUTDEFF without a label")).toEqual([]);
  });
});
