import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  iso7064Mod11_10CheckDigit,
  iso7064Mod11_10Valid,
  luhnCheckDigit,
  luhnValid,
  mod97,
  verhoeffCheckDigit,
  verhoeffValid,
  weightedDigitSum,
} from "../../checksums.js";
import {
  abaRoutingValid,
  auTfnComplete,
  auTfnValid,
  brCpfCheckDigits,
  brCpfValid,
  caSinValid,
  cardIssuer,
  deTaxIdValid,
  esDniLetter,
  esDniValid,
  esNieValid,
  frNirKey,
  frNirValid,
  ibanCheckDigits,
  ibanLength,
  ibanLengthOf,
  ibanValid,
  inAadhaarValid,
  inPanValid,
  itFiscalCheckChar,
  itFiscalCodeValid,
  ninoPrefixValid,
  ninoValid,
  paymentCardValid,
  usItinValid,
  usSsnValid,
} from "./validators.js";

const digitString = (min: number, max: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max }).map((a) => a.join(""));

/** A Luhn-valid number from a body (fake values only). */
const luhn = (body: string) => body + luhnCheckDigit(body);

describe("check-digit algorithms (checksums.ts additions)", () => {
  it("Luhn: the computed check digit validates, any other digit does not", () => {
    fc.assert(
      fc.property(digitString(1, 20), fc.integer({ min: 1, max: 9 }), (body, delta) => {
        const c = luhnCheckDigit(body);
        expect(luhnValid(body + c)).toBe(true);
        expect(luhnValid(body + ((c + delta) % 10))).toBe(false);
      }),
    );
  });

  it("Verhoeff: computed check digit validates; every single-digit substitution is caught", () => {
    expect(verhoeffCheckDigit("236")).toBe(3);
    fc.assert(
      fc.property(digitString(1, 15), fc.nat(), fc.integer({ min: 1, max: 9 }), (body, at, delta) => {
        const v = body + verhoeffCheckDigit(body);
        expect(verhoeffValid(v)).toBe(true);
        const i = at % v.length;
        const bad = v.slice(0, i) + ((+v[i]! + delta) % 10) + v.slice(i + 1);
        expect(verhoeffValid(bad)).toBe(false);
      }),
    );
  });

  it("ISO 7064 MOD 11,10: computed check digit validates; single substitutions are caught", () => {
    fc.assert(
      fc.property(digitString(1, 15), fc.nat(), fc.integer({ min: 1, max: 9 }), (body, at, delta) => {
        const v = body + iso7064Mod11_10CheckDigit(body);
        expect(iso7064Mod11_10Valid(v)).toBe(true);
        const i = at % v.length;
        const bad = v.slice(0, i) + ((+v[i]! + delta) % 10) + v.slice(i + 1);
        expect(iso7064Mod11_10Valid(bad)).toBe(false);
      }),
    );
  });

  it("mod97 agrees with BigInt arithmetic on digit strings", () => {
    fc.assert(
      fc.property(digitString(1, 40), (s) => {
        expect(mod97(s)).toBe(Number(BigInt(s) % 97n));
      }),
    );
  });

  it("weightedDigitSum", () => {
    expect(weightedDigitSum("123", [3, 2, 1])).toBe(10);
  });
});

describe("payment cards", () => {
  it("knows the issuers' prefixes and lengths", () => {
    expect(cardIssuer(luhn("411111111111111"))).toEqual({ brand: "visa", lengthOk: true });
    expect(cardIssuer(luhn("510000000000000"))?.brand).toBe("mastercard");
    expect(cardIssuer(luhn("222100000000000"))?.brand).toBe("mastercard");
    expect(cardIssuer(luhn("272099999999999"))?.brand).toBe("mastercard");
    expect(cardIssuer(luhn("27210000000000"))?.brand).not.toBe("mastercard");
    expect(cardIssuer(luhn("34000000000000"))).toEqual({ brand: "amex", lengthOk: true });
    expect(cardIssuer(luhn("601100000000000"))?.brand).toBe("discover");
    expect(cardIssuer(luhn("352800000000000"))?.brand).toBe("jcb");
    expect(cardIssuer(luhn("3000000000000"))?.brand).toBe("diners");
    expect(cardIssuer(luhn("620000000000000"))?.brand).toBe("unionpay");
    expect(cardIssuer(luhn("67590000000"))?.brand).toBe("maestro");
    expect(cardIssuer(luhn("220000000000000"))?.brand).toBe("mir");
    expect(cardIssuer(luhn("4111111111111"))).toEqual({ brand: "visa", lengthOk: false }); // 14 digits
    expect(cardIssuer("0000000000000000")).toBeUndefined();
  });

  it("paymentCardValid needs Luhn, an issuer and one of its lengths", () => {
    expect(paymentCardValid(luhn("411111111111111"))).toBe(true);
    expect(paymentCardValid("4111111111111112")).toBe(false); // Luhn
    expect(paymentCardValid(luhn("3400000000000000"))).toBe(false); // Amex is 15 digits
    expect(paymentCardValid(luhn("9900000000000000"))).toBe(false); // no issuer
  });
});

describe("IBAN", () => {
  it("validates the mod 97 checksum and each country's length", () => {
    expect(ibanValid("GB82WEST12345698765432")).toBe(true); // the registry's documentation example
    expect(ibanValid("gb82west12345698765432")).toBe(true);
    expect(ibanValid("GB83WEST12345698765432")).toBe(false);
    expect(ibanValid("GB82WEST1234569876543")).toBe(false); // one short
    expect(ibanValid("QQ82WEST12345698765432")).toBe(false); // no such country
    expect(ibanLength("DE")).toBe(22);
    expect(ibanLength("NO")).toBe(15);
    expect(ibanLength("US")).toBeUndefined();
  });

  it("ibanLengthOf agrees with ibanLength for every pair of letters, either case", () => {
    const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    for (const a of letters)
      for (const b of letters) {
        const want = ibanLength(a + b) ?? 0;
        expect(ibanLengthOf(a.charCodeAt(0), b.charCodeAt(0))).toBe(want);
        expect(ibanLengthOf(a.toLowerCase().charCodeAt(0), b.toLowerCase().charCodeAt(0))).toBe(want);
      }
    expect(ibanLengthOf(0x40, 0x45)).toBe(0); // "@E"
    expect(ibanLengthOf(0x5b, 0x45)).toBe(0); // "[E"
  });

  it("ibanCheckDigits completes any BBAN into a valid IBAN", () => {
    fc.assert(
      fc.property(fc.constantFrom("DE", "FR", "NL", "ES", "IT", "CH"), digitString(30, 30), (cc, d) => {
        const bban = d.slice(0, ibanLength(cc)! - 4);
        expect(ibanValid(cc + ibanCheckDigits(cc, bban) + bban)).toBe(true);
      }),
    );
  });
});

describe("United States", () => {
  it("routing numbers: Fed prefix and 3-7-1 checksum", () => {
    expect(abaRoutingValid("011000015")).toBe(true);
    expect(abaRoutingValid("011000016")).toBe(false);
    expect(abaRoutingValid("991000015")).toBe(false); // no such Fed prefix
  });

  it("SSN ranges", () => {
    expect(usSsnValid("536220719")).toBe(true);
    expect(usSsnValid("000220719")).toBe(false);
    expect(usSsnValid("666220719")).toBe(false);
    expect(usSsnValid("936220719")).toBe(false);
    expect(usSsnValid("536000719")).toBe(false);
    expect(usSsnValid("536220000")).toBe(false);
    expect(usSsnValid("078051120")).toBe(false); // voided (printed in advertising)
    expect(usSsnValid("111111111")).toBe(false);
  });

  it("ITIN: 9xx with the ITIN groups", () => {
    for (const g of ["50", "65", "70", "88", "90", "92", "94", "99"])
      expect(usItinValid(`912${g}1234`)).toBe(true);
    for (const g of ["49", "66", "69", "89", "93", "00"]) expect(usItinValid(`912${g}1234`)).toBe(false);
    expect(usItinValid("812701234")).toBe(false);
  });
});

describe("United Kingdom NINO", () => {
  it("prefix rules and suffix", () => {
    expect(ninoValid("AB123456C")).toBe(true);
    expect(ninoValid("AB123456E")).toBe(false);
    for (const p of [
      "DA",
      "FA",
      "IA",
      "QA",
      "UA",
      "VA",
      "AD",
      "AF",
      "AI",
      "AO",
      "AQ",
      "AU",
      "AV",
      "BG",
      "GB",
      "KN",
      "NK",
      "NT",
      "TN",
      "ZZ",
    ])
      expect(ninoPrefixValid(p), p).toBe(false);
    expect(ninoPrefixValid("OA")).toBe(true);
  });
});

describe("Canada, India, Australia, Brazil", () => {
  it("SIN: Luhn and first digit", () => {
    const v = luhn("13069254");
    expect(caSinValid(v)).toBe(true);
    expect(caSinValid(luhn("03069254"))).toBe(false);
    expect(caSinValid(luhn("83069254"))).toBe(false);
    expect(caSinValid(v.slice(0, 8) + ((+v[8]! + 1) % 10))).toBe(false);
  });

  it("Aadhaar: Verhoeff and first digit 2-9", () => {
    const body = "23412341234";
    expect(inAadhaarValid(body + verhoeffCheckDigit(body))).toBe(true);
    expect(inAadhaarValid(body + ((verhoeffCheckDigit(body) + 1) % 10))).toBe(false);
    const b1 = "13412341234";
    expect(inAadhaarValid(b1 + verhoeffCheckDigit(b1))).toBe(false);
  });

  it("PAN: structure and holder-type letter", () => {
    expect(inPanValid("ABCPE1234F")).toBe(true);
    expect(inPanValid("ABCCE1234F")).toBe(true);
    expect(inPanValid("ABCXE1234F")).toBe(false);
    expect(inPanValid("ABCPE12345")).toBe(false);
  });

  it("TFN: 9 and 8 digit weights", () => {
    const c = auTfnComplete("12345678");
    expect(c).toBe(2);
    expect(auTfnValid("123456782")).toBe(true);
    expect(auTfnValid("123456783")).toBe(false);
    expect(auTfnValid("12345677")).toBe(weightedDigitSum("12345677", [10, 7, 8, 4, 6, 3, 5, 1]) % 11 === 0);
  });

  it("CPF: two check digits, all-equal digits rejected", () => {
    const v = "529982247" + brCpfCheckDigits("529982247");
    expect(brCpfValid(v)).toBe(true);
    expect(brCpfValid(v.slice(0, 10) + ((+v[10]! + 1) % 10))).toBe(false);
    expect(brCpfValid("11111111111")).toBe(false);
    expect(brCpfCheckDigits("111111111")).toBe("11"); // checksum would pass: rejected by the rule
  });
});

describe("Germany Steuer-IdNr", () => {
  const make = (body: string) => body + iso7064Mod11_10CheckDigit(body);
  it("accepts exactly one digit twice (or thrice, not all adjacent) and a valid check digit", () => {
    expect(deTaxIdValid(make("1234567891"))).toBe(true); // 1 twice, 0 missing
    expect(deTaxIdValid(make("1213456789"))).toBe(true); // 1 twice, apart
    expect(deTaxIdValid(make("1121345678"))).toBe(true); // 1 three times, not all adjacent
  });
  it("rejects the other digit patterns and wrong check digits", () => {
    expect(deTaxIdValid(make("1234567890"))).toBe(false); // all distinct
    expect(deTaxIdValid(make("1112345678"))).toBe(false); // three adjacent
    expect(deTaxIdValid(make("1122345678"))).toBe(false); // two digits repeated
    expect(deTaxIdValid(make("1111234567"))).toBe(false); // four times
    expect(deTaxIdValid(make("0234567891"))).toBe(false); // leading zero
    const v = make("1234567891");
    expect(deTaxIdValid(v.slice(0, 10) + ((+v[10]! + 1) % 10))).toBe(false);
  });
});

describe("France NIR", () => {
  const make = (body: string) => body + String(frNirKey(body)).padStart(2, "0");
  it("key = 97 - n mod 97, Corsica 2A/2B as 19/18", () => {
    expect(frNirValid(make("1840776451089"))).toBe(true);
    expect(frNirValid(make("28412" + "2A" + "451089"))).toBe(true);
    expect(frNirValid(make("28412" + "2b" + "451089"))).toBe(true);
    expect(frNirKey("28412" + "2A" + "451089")).toBe(frNirKey("2841219451089"));
    const v = make("1840776451089");
    expect(frNirValid(v.slice(0, 14) + ((+v[14]! + 1) % 10))).toBe(false);
  });
  it("structure: sex digit and month", () => {
    expect(frNirValid(make("5840776451089"))).toBe(false);
    expect(frNirValid(make("1841376451089"))).toBe(false); // month 13
    expect(frNirValid(make("1843076451089"))).toBe(true); // month 30: unknown month range
  });
});

describe("Spain", () => {
  it("DNI and NIE letters", () => {
    expect(esDniLetter(12345678)).toBe("Z");
    expect(esDniValid("12345678Z")).toBe(true);
    expect(esDniValid("12345678z")).toBe(true);
    expect(esDniValid("12345678A")).toBe(false);
    expect(esNieValid("X1234567L")).toBe(true);
    expect(esNieValid("Y1234567" + esDniLetter(11234567))).toBe(true);
    expect(esNieValid("X1234567A")).toBe(false);
  });
});

describe("Italy codice fiscale", () => {
  it("check character, month letter, day, omocodia", () => {
    const body = "RSSMRA85T10A562";
    const v = body + itFiscalCheckChar(body);
    expect(itFiscalCodeValid(v)).toBe(true);
    expect(itFiscalCodeValid(v.toLowerCase())).toBe(true);
    expect(itFiscalCodeValid(body + (itFiscalCheckChar(body) === "A" ? "B" : "A"))).toBe(false);
    // omocodia: the last digit 2 written as N
    const omo = "RSSMRA85T10A56N";
    expect(itFiscalCodeValid(omo + itFiscalCheckChar(omo))).toBe(true);
    const badMonth = "RSSMRA85Z10A562";
    expect(itFiscalCodeValid(badMonth + itFiscalCheckChar(badMonth))).toBe(false);
    const badDay = "RSSMRA85T35A562";
    expect(itFiscalCodeValid(badDay + itFiscalCheckChar(badDay))).toBe(false);
    const woman = "RSSMRA85T50A562";
    expect(itFiscalCodeValid(woman + itFiscalCheckChar(woman))).toBe(true);
  });
});
