import { describe, expect, it } from "vitest";
import { luhnCheckDigit } from "../../checksums.js";
import type { Channel } from "../../types.js";
import { paymentCard } from "./cards.js";

/** Fake card numbers: a prefix, filler digits, the Luhn digit. */
const luhn = (body: string) => body + luhnCheckDigit(body);
const VISA16 = luhn("411111111111111");
const AMEX = luhn("37828224631000");
const MC2 = luhn("222100000000000");

function found(text: string, channel: Channel = "typed") {
  return paymentCard
    .detect({ text, lower: text.toLowerCase(), channel })
    .filter((d) => d.score >= 0.5)
    .map((d) => ({ type: d.type, value: text.slice(d.start, d.end), score: d.score }));
}
const values = (text: string, channel: Channel = "typed", type = "CREDIT_CARD") =>
  found(text, channel)
    .filter((d) => d.type === type)
    .map((d) => d.value);

describe("card numbers", () => {
  it("finds Luhn-valid numbers of every major issuer, bare or grouped", () => {
    const cases = [
      VISA16,
      luhn("411111111111"), // Visa 13
      luhn("411111111111111111"), // Visa 19
      luhn("555555555555444"), // Mastercard
      MC2,
      AMEX,
      luhn("601111111111111"), // Discover
      luhn("353011133330000"), // JCB
      luhn("3056930902590"), // Diners 14
      luhn("620000000000000"), // UnionPay
      luhn("67590000000"), // Maestro 12
      luhn("220000000000000"), // Mir
    ];
    for (const c of cases) expect(values(`paid with ${c} today`, "title"), c).toEqual([c]);
    const g = `${VISA16.slice(0, 4)} ${VISA16.slice(4, 8)} ${VISA16.slice(8, 12)} ${VISA16.slice(12)}`;
    expect(values(`card ${g}.`, "title")).toEqual([g]);
    expect(values(`card ${g.replace(/ /g, "-")}`, "title")).toEqual([g.replace(/ /g, "-")]);
    const amex = `${AMEX.slice(0, 4)} ${AMEX.slice(4, 10)} ${AMEX.slice(10)}`;
    expect(values(`amex ${amex}`, "url")).toEqual([amex]);
  });

  it("scores issuer + Luhn 0.9 in every channel", () => {
    for (const ch of ["typed", "title", "url", "clipboard", "ocr"] as const)
      expect(found(`x ${VISA16} y`, ch)[0]?.score, ch).toBe(0.9);
  });

  it("typed text: a card-like number that fails Luhn is masked (issuer prefix and length, or card words)", () => {
    const typo = VISA16.slice(0, 15) + ((+VISA16[15]! + 1) % 10);
    expect(found(`order ${typo} shipped`)[0]?.score).toBe(0.55); // issuer + length
    expect(found(`my card ${typo}`)[0]?.score).toBe(0.65); // + card words
    expect(values(`card number 9999888877776666`)).toEqual(["9999888877776666"]); // card words only
    expect(values(`ref 9999888877776666`)).toEqual([]); // neither
    expect(values(`my card ${typo}`, "clipboard")).toEqual([typo]);
    expect(values(`my card ${typo}`, "ocr")).toEqual([typo]);
    // on a screen, after a card's label: what OCR left of the number, marks and all
    expect(values("Card number 45: 572504260", "ocr")).toEqual(["45: 572504260"]);
    expect(values("Card 4539 915% 8 < 5: . 242 8717", "ocr")).toEqual(["4539 915% 8 < 5: . 242 8717"]);
    expect(values("Card 4539 2436 ous", "ocr")).toEqual(["4539 2436 ous"]);
    expect(values("Card 4539 2436 ous", "typed")).toEqual([]);
    expect(values("Paid with card 4242 on 12.03.2024 for 19.99", "ocr")).toEqual([]);
    // not in titles or URLs, and never for runs of one digit
    expect(values(`my card ${typo}`, "title")).toEqual([]);
    expect(values(`my card ${typo}`, "url")).toEqual([]);
    expect(values(`card 4444444444444444`)).toEqual([]);
    // without card words, 13-14 digit codes (EAN-13 barcodes…) are left alone
    expect(values("barcode 4006381333931")).toEqual([]);
    expect(values("my card 4006381333931")).toEqual(["4006381333931"]);
  });

  it("Luhn-valid numbers without an issuer range need card words", () => {
    const n = luhn("99999999999999");
    expect(values(`id ${n}`)).toEqual([]);
    expect(values(`credit card: ${n}`)).toEqual([n]);
  });

  it("hard negatives: phone numbers, glued, decimals, dates, short", () => {
    expect(values(`call +${VISA16}`)).toEqual([]);
    expect(values(`id X${VISA16}`)).toEqual([]);
    expect(values(`pi 3.${VISA16}`)).toEqual([]);
    expect(values("2024-01-15 10:30:00 build 1.2.3")).toEqual([]);
    expect(values(`short ${VISA16.slice(0, 11)}`)).toEqual([]);
    expect(values("tel 0044 20 7946 0958")).toEqual([]);
  });

  it("splits a run only at spaces, and never inside a card-shaped run", () => {
    const g = `${VISA16.slice(0, 4)} ${VISA16.slice(4, 8)} ${VISA16.slice(8, 12)} ${VISA16.slice(12)}`;
    expect(values(`zip 12345 ${g}`, "title")).toEqual([g]);
    expect(values(`${VISA16}-12`, "title")).toEqual([]);
    // a 4-4-4-4 number that fails Luhn is not rescued by a valid 12-digit tail
    const tail = luhn("50000000000");
    const bad = `2720 ${tail.slice(0, 4)} ${tail.slice(4, 8)} ${tail.slice(8)}`;
    expect(values(bad, "title")).toEqual([]);
  });
});

describe("expiry dates and security codes, only near card context", () => {
  it("expiry after an expiry word or right after a card", () => {
    expect(values("exp 12/25", "typed", "CARD_EXPIRY")).toEqual(["12/25"]);
    expect(values("Valid thru: 03/2027", "typed", "CARD_EXPIRY")).toEqual(["03/2027"]);
    expect(values("expiry date 1/28", "typed", "CARD_EXPIRY")).toEqual(["1/28"]);
    expect(values(`${VISA16} 12/26`, "typed", "CARD_EXPIRY")).toEqual(["12/26"]);
    expect(values(`${VISA16} 12-26`, "typed", "CARD_EXPIRY")).toEqual(["12-26"]);
  });

  it("no expiry without context, nor inside longer dates or impossible months", () => {
    expect(values("see you on 12/25", "typed", "CARD_EXPIRY")).toEqual([]);
    expect(values("exp 12/25/2024", "typed", "CARD_EXPIRY")).toEqual([]);
    expect(values("exp 13/25", "typed", "CARD_EXPIRY")).toEqual([]);
    expect(values("exp 2024-12-25", "typed", "CARD_EXPIRY")).toEqual([]);
  });

  it("security code after cvv/cvc/security code, or right after a card and its expiry", () => {
    expect(values("CVV: 123", "typed", "CARD_CVV")).toEqual(["123"]);
    expect(values("cvc 4567", "typed", "CARD_CVV")).toEqual(["4567"]);
    expect(values("the security code is 321", "typed", "CARD_CVV")).toEqual(["321"]);
    expect(values(`${VISA16} 12/26 123`, "typed", "CARD_CVV")).toEqual(["123"]);
    expect(values(`${VISA16} 123`, "typed", "CARD_CVV")).toEqual(["123"]);
    const all = found(`card ${VISA16} exp 12/26 cvv 123`).map((d) => d.type);
    expect(all).toEqual(["CREDIT_CARD", "CARD_EXPIRY", "CARD_CVV"]);
  });

  it("no security code without context or of the wrong length", () => {
    expect(values("room 123", "typed", "CARD_CVV")).toEqual([]);
    expect(values("cvv 12345", "typed", "CARD_CVV")).toEqual([]);
    expect(values("cvv 12", "typed", "CARD_CVV")).toEqual([]);
    expect(values("cvv policy changed in room 123", "typed", "CARD_CVV")).toEqual([]); // not announced
  });
});
