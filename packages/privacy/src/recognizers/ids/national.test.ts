import { describe, expect, it } from "vitest";
import { iso7064Mod11_10CheckDigit, luhnCheckDigit, verhoeffCheckDigit } from "../../checksums.js";
import type { Channel } from "../../types.js";
import { nationalId } from "./national.js";
import { auTfnComplete, brCpfCheckDigits, esDniLetter, frNirKey, itFiscalCheckChar } from "./validators.js";

function found(text: string, channel: Channel = "typed") {
  return nationalId
    .detect({ text, lower: text.toLowerCase(), channel })
    .filter((d) => d.score >= 0.5)
    .map((d) => `${d.type}:${text.slice(d.start, d.end)}`);
}
function score(text: string): number | undefined {
  return nationalId.detect({ text, lower: text.toLowerCase(), channel: "typed" })[0]?.score;
}
/** Replace the last digit of s by another one (breaks every check-digit scheme here). */
const breakLast = (s: string) => s.slice(0, -1) + ((+s.slice(-1) + 1) % 10);

// Fake identifiers, generated to satisfy the public check rules.
const SIN = "13069254" + luhnCheckDigit("13069254");
const AADHAAR = "23412341234" + verhoeffCheckDigit("23412341234");
const TFN = "12345678" + auTfnComplete("12345678");
const CPF = "529982247" + brCpfCheckDigits("529982247");
const STID = "1234567891" + iso7064Mod11_10CheckDigit("1234567891");
const NIR = "1840776451089" + String(frNirKey("1840776451089")).padStart(2, "0");
const NIR_CORSICA = "284122A451089" + String(frNirKey("284122A451089")).padStart(2, "0");
const DNI = "12345678" + esDniLetter(12345678);
const NIE = "X1234567" + esDniLetter(1234567);
const CF = "RSSMRA85T10A562" + itFiscalCheckChar("RSSMRA85T10A562");
const spaced = (s: string, ...sizes: number[]) => {
  const out: string[] = [];
  let p = 0;
  for (const n of sizes) {
    out.push(s.slice(p, p + n));
    p += n;
  }
  return out.join(" ");
};

describe("US SSN and ITIN", () => {
  it("dashed and spaced formats on their own; bare digits only after a label", () => {
    expect(found("SSN: 536-22-0719")).toEqual(["US_SSN:536-22-0719"]);
    expect(found("ref 536-22-0719")).toEqual(["US_SSN:536-22-0719"]);
    expect(found("see 536 22 0719 today")).toEqual(["US_SSN:536 22 0719"]);
    expect(found("my ssn is 536220719")).toEqual(["US_SSN:536220719"]);
    expect(found("Social Security number: 536220719")).toEqual(["US_SSN:536220719"]);
    expect(found("536220719 is my SSN")).toEqual(["US_SSN:536220719"]);
    expect(found("order 536220719")).toEqual([]);
  });

  it("context raises confidence", () => {
    expect(score("ref 536-22-0719")).toBe(0.85);
    expect(score("SSN 536-22-0719")).toBe(0.95);
    expect(score("see 536 22 0719")).toBe(0.6);
  });

  it("rejects impossible ranges", () => {
    for (const v of ["000-22-0719", "666-22-0719", "536-00-0719", "536-22-0000", "936-22-0719"])
      expect(found(`SSN ${v}`), v).toEqual([]);
  });

  it("ITINs are their own type", () => {
    expect(found("ITIN 912-70-1234")).toEqual(["US_ITIN:912-70-1234"]);
    expect(found("ITIN 912-93-1234")).toEqual([]);
  });

  it("does not take SSN shapes out of longer numbers", () => {
    expect(found("part 536-22-0719-01")).toEqual([]);
    expect(found("call 1-536-22-0719")).toEqual([]);
  });
});

describe("UK NINO", () => {
  it("compact or spaced, capitals, suffix A-D", () => {
    expect(found("NI number AB123456C")).toEqual(["UK_NINO:AB123456C"]);
    expect(found("ref AB 12 34 56 C.")).toEqual(["UK_NINO:AB 12 34 56 C"]);
    expect(found("national insurance: ab123456c")).toEqual(["UK_NINO:ab123456c"]);
    expect(found("nino AB123456")).toEqual(["UK_NINO:AB123456"]);
  });
  it("rejects forbidden prefixes, lower case or missing suffix without a label", () => {
    expect(found("QQ123456C")).toEqual([]);
    expect(found("GB123456A")).toEqual([]);
    expect(found("ab123456c")).toEqual([]);
    expect(found("AB123456")).toEqual([]);
    expect(found("AB123456E")).toEqual([]);
  });
});

describe("Canada SIN", () => {
  it("by format (0.5) or by label (0.95)", () => {
    expect(found(`x ${spaced(SIN, 3, 3, 3)} y`)).toEqual([`CA_SIN:${spaced(SIN, 3, 3, 3)}`]);
    expect(score(`x ${spaced(SIN, 3, 3, 3)} y`)).toBe(0.5);
    expect(found(`SIN: ${SIN}`)).toEqual([`CA_SIN:${SIN}`]);
    expect(found(`ref ${SIN}`)).toEqual([]);
    expect(found(`SIN: ${breakLast(SIN)}`)).toEqual([]);
  });
});

describe("India Aadhaar and PAN", () => {
  it("Aadhaar 4-4-4 alone, bare after a label, Verhoeff enforced", () => {
    expect(found(`x ${spaced(AADHAAR, 4, 4, 4)} y`)).toEqual([`IN_AADHAAR:${spaced(AADHAAR, 4, 4, 4)}`]);
    expect(found(`Aadhaar no. ${AADHAAR}`)).toEqual([`IN_AADHAAR:${AADHAAR}`]);
    expect(found(`ref ${AADHAAR}`)).toEqual([]);
    expect(found(`x ${spaced(breakLast(AADHAAR), 4, 4, 4)} y`)).toEqual([]);
  });
  it("PAN: capitals alone, lower case after its label", () => {
    expect(found("PAN ABCPE1234F")).toEqual(["IN_PAN:ABCPE1234F"]);
    expect(found("id ABCPE1234F.")).toEqual(["IN_PAN:ABCPE1234F"]);
    expect(found("pan card abcpe1234f")).toEqual(["IN_PAN:abcpe1234f"]);
    expect(found("id abcpe1234f")).toEqual([]);
    expect(found("id ABCXE1234F")).toEqual([]);
  });
});

describe("Germany Steuer-IdNr", () => {
  it("grouped alone, bare after a label, rules enforced", () => {
    expect(found(`x ${spaced(STID, 2, 3, 3, 3)} y`)).toEqual([`DE_TAX_ID:${spaced(STID, 2, 3, 3, 3)}`]);
    expect(found(`Steuer-ID: ${STID}`)).toEqual([`DE_TAX_ID:${STID}`]);
    expect(found(`Meine steuerliche Identifikationsnummer lautet ${STID}`)).toEqual([`DE_TAX_ID:${STID}`]);
    expect(found(`ref ${STID}`)).toEqual([]);
    expect(found(`Steuer-ID: ${breakLast(STID)}`)).toEqual([]);
  });
});

describe("France NIR", () => {
  it("bare, printed, Corsica; the key is enforced", () => {
    expect(found(`n° ${NIR}`)).toEqual([`FR_NIR:${NIR}`]);
    const printed = spaced(NIR, 1, 2, 2, 2, 3, 3, 2);
    expect(found(`sécurité sociale : ${printed}`)).toEqual([`FR_NIR:${printed}`]);
    const corsica = spaced(NIR_CORSICA, 1, 2, 2, 2, 3, 3, 2);
    expect(found(`NIR ${corsica}`)).toEqual([`FR_NIR:${corsica}`]);
    expect(found(`x ${NIR_CORSICA} y`)).toEqual([`FR_NIR:${NIR_CORSICA}`]);
    expect(found(`n° ${breakLast(NIR)}`)).toEqual([]);
  });
  it("a NIR that is also a JCB card number is a NIR when labelled", () => {
    // 1800… passes both the NIR key and Luhn (found by the property test); unlabelled, the card recognizer has it
    expect(found("NIR 180073414100015")).toEqual(["FR_NIR:180073414100015"]);
  });
  it("a number announced as something else is not taken as a NIR", () => {
    expect(found(`card number ${NIR}`)).toEqual([]);
  });
});

describe("Spain DNI and NIE", () => {
  it("letters checked; glued, dashed or spaced", () => {
    expect(found(`DNI ${DNI}`)).toEqual([`ES_DNI:${DNI}`]);
    expect(found(`x ${DNI.slice(0, 8)}-${DNI[8]} y`)).toEqual([`ES_DNI:${DNI.slice(0, 8)}-${DNI[8]}`]);
    const dotted = `12.345.678-${DNI[8]}`;
    expect(found(`x ${dotted}`)).toEqual([`ES_DNI:${dotted}`]);
    expect(found(`NIE: ${NIE}`)).toEqual([`ES_NIE:${NIE}`]);
    expect(found(`x ${NIE[0]}-${NIE.slice(1, 8)}-${NIE[8]} y`)).toEqual([
      `ES_NIE:${NIE[0]}-${NIE.slice(1, 8)}-${NIE[8]}`,
    ]);
    expect(found("DNI 12345678A")).toEqual([]);
    expect(found("x 12345678 z is lower")).toEqual([]);
  });
});

describe("Italy codice fiscale", () => {
  it("check character, omocodia, case", () => {
    expect(found(`codice fiscale ${CF}`)).toEqual([`IT_FISCAL_CODE:${CF}`]);
    expect(found(`cf: ${CF.toLowerCase()}.`)).toEqual([`IT_FISCAL_CODE:${CF.toLowerCase()}`]);
    const omo = "RSSMRA85T10A5MN";
    expect(found(`x ${omo + itFiscalCheckChar(omo)} y`)).toEqual([
      `IT_FISCAL_CODE:${omo + itFiscalCheckChar(omo)}`,
    ]);
    const full = "RSSMRAURTMLAQSN"; // every digit replaced: only where a fiscal label is present
    expect(found(`codice fiscale: ${full + itFiscalCheckChar(full)}`)).toEqual([
      `IT_FISCAL_CODE:${full + itFiscalCheckChar(full)}`,
    ]);
    expect(found(`x ${full + itFiscalCheckChar(full)} y`)).toEqual([]);
    expect(found(`x ${CF.slice(0, 15)}${CF[15] === "A" ? "B" : "A"} y`)).toEqual([]);
  });
});

describe("Australia TFN", () => {
  it("only after its label", () => {
    expect(found(`TFN ${spaced(TFN, 3, 3, 3)}`)).toEqual([`AU_TFN:${spaced(TFN, 3, 3, 3)}`]);
    expect(found(`my tax file number is ${TFN}`)).toEqual([`AU_TFN:${TFN}`]);
    expect(found(`TFN ${breakLast(TFN)}`)).toEqual([]);
  });
});

describe("Brazil CPF", () => {
  it("printed alone, bare after its label, all-equal rejected", () => {
    const printed = `${CPF.slice(0, 3)}.${CPF.slice(3, 6)}.${CPF.slice(6, 9)}-${CPF.slice(9)}`;
    expect(found(`x ${printed} y`)).toEqual([`BR_CPF:${printed}`]);
    expect(found(`CPF: ${CPF}`)).toEqual([`BR_CPF:${CPF}`]);
    expect(found(`ref ${CPF}`)).toEqual([]);
    expect(found("x 111.111.111-11 y")).toEqual([]);
    expect(found(`x ${printed.slice(0, -1)}${(+printed.slice(-1) + 1) % 10} y`)).toEqual([]);
  });
});

describe("hard negatives", () => {
  it("phones, dates, versions, amounts, addresses", () => {
    for (const t of [
      "Call 555-123-4567 or +1 (415) 555-2671",
      "Meeting 2024-01-15 10:30, version 1.2.3.4, total $1,234,567.89",
      "Visit 1600 Pennsylvania Ave NW, Washington, DC 20500",
      "Tel 0044 20 7946 0958, fax 01632 960 123",
    ])
      expect(found(t), t).toEqual([]);
  });
});

// Published example numbers of each scheme (no real person's): BSN 111222333, PESEL 44051401359,
// personnummer 811218-9876, CPR 070761-4285, fødselsnummer 01010750160, HETU 131052-308T, Belgian
// 85.07.30-033.28, NIF 123456789.
describe("continental European personal numbers", () => {
  it("finds each after its label", () => {
    expect(found("mijn BSN: 111222333")).toEqual(["NL_BSN:111222333"]);
    expect(found("burgerservicenummer 1112.22.333")).toEqual(["NL_BSN:1112.22.333"]);
    expect(found("numer PESEL 44051401359")).toEqual(["PL_PESEL:44051401359"]);
    expect(found("mitt personnummer är 19811218-9876")).toEqual(["SE_PERSONNUMMER:19811218-9876"]);
    expect(found("CPR-nummer: 070761-4285")).toEqual(["DK_CPR:070761-4285"]);
    expect(found("fødselsnummer 01010750160")).toEqual(["NO_FODSELSNUMMER:01010750160"]);
    expect(found("henkilötunnus 131052-308T")).toEqual(["FI_HETU:131052-308T"]);
    expect(found("Rijksregisternummer 85073003328")).toEqual(["BE_NATIONAL_NUMBER:85073003328"]);
    expect(found("número de contribuinte 123456789")).toEqual(["PT_NIF:123456789"]);
    expect(found("contribuinte n.º 123456789")).toEqual(["PT_NIF:123456789"]);
    expect(found("rodné číslo 710319/2745")).toEqual(["CZ_BIRTH_NUMBER:710319/2745"]);
    // the NHS's own example number, as its letters print it
    expect(found("NHS number: 943 476 5919")).toEqual(["UK_NHS:943 476 5919"]);
    expect(found("CHI no 9434765919")).toEqual(["UK_NHS:9434765919"]);
    // a label after the value, as for every other identifier
    expect(found("0707614285 is my CPR")).toEqual(["DK_CPR:0707614285"]);
  });

  it("finds the printed forms that only a personal number has alone", () => {
    expect(found("ring mig, 811218-9876")).toEqual(["SE_PERSONNUMMER:811218-9876"]);
    expect(found("id 010107 50160 ok")).toEqual(["NO_FODSELSNUMMER:010107 50160"]);
    expect(found("hetu: 131052A308T")).toEqual(["FI_HETU:131052A308T"]);
    expect(found("nr 85.07.30-033.28")).toEqual(["BE_NATIONAL_NUMBER:85.07.30-033.28"]);
    expect(found("710319/2745")).toEqual(["CZ_BIRTH_NUMBER:710319/2745"]);
  });

  it("leaves digits without the label, with a broken check or an impossible date", () => {
    expect(found("call 111222333 now")).toEqual([]);
    expect(found("BSN: 111222334")).toEqual([]);
    expect(found("PESEL " + breakLast("44051401359"))).toEqual([]);
    expect(found("order 811218-9875")).toEqual([]);
    expect(found("CPR: 320161-4285")).toEqual([]);
    expect(found("henkilötunnus 131052-308U")).toEqual([]);
    expect(found("NIF 123456788")).toEqual([]);
    expect(found("710319/2746")).toEqual([]);
    expect(found("see page 12/2024")).toEqual([]);
    // an NHS number's digits print as a US phone number: only the label makes one of them
    expect(found("call 943 476 5919 today")).toEqual([]);
    expect(found("NHS number: 943 476 5918")).toEqual([]);
    expect(found("NHS number 0000000000")).toEqual([]);
  });
});
