import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { getCountries, getExampleNumber, parsePhoneNumberFromString } from "libphonenumber-js/max";
import examples from "libphonenumber-js/mobile/examples";
import type { Channel, Detection } from "../../types.js";
import { maxDigitCluster, phone, phoneScore } from "./phone.js";
import { numericRuns, scanNumericRuns } from "../ids/scan.js";
import { checkForCallingCode, checkInternational } from "./phone-metadata.js";
import { isDateShape, isIPv4Shape, isVersionOrDecimalShape, scanDigitRuns } from "./numbers.js";

// Fixtures are fictional: libphonenumber's example numbers, the North American 555-01xx range,
// Ofcom's drama ranges (07700 900xxx, 020 7946 0xxx) and Australia's 0491 570 xxx.

function detect(text: string, channel: Channel = "title"): Detection[] {
  return phone.detect({ text, lower: text.toLowerCase(), channel }).filter((d) => d.score >= 0.5);
}

function spans(text: string, channel: Channel = "title"): string[] {
  return detect(text, channel).map((d) => text.slice(d.start, d.end));
}

function run(s: string) {
  const r = scanDigitRuns(s, s.toLowerCase());
  expect(r, s).toHaveLength(1);
  return r[0]!;
}

describe("phone: numbers in brackets", () => {
  it("a bracket around a whole number with an area code in brackets of its own", () => {
    expect(spans("next of kin: Zorq (+55 (18) 8730-3357)")).toEqual(["+55 (18) 8730-3357"]);
    expect(spans("call (+1 (202) 555-0143) today")).toEqual(["+1 (202) 555-0143"]);
    // the country code alone in brackets, and a whole number in brackets, as before
    expect(spans("(+44) 20 7946 0958")).toEqual(["(+44) 20 7946 0958"]);
    expect(spans("(+44 20 7946 0958)")).toEqual(["+44 20 7946 0958"]);
  });
});

describe("phone: international numbers of many countries", () => {
  const cases: [string, string][] = [
    ["US", "+1 202-555-0143"],
    ["US E.164", "+12025550143"],
    ["UK mobile", "+44 7700 900123"],
    ["UK London", "+44 20 7946 0958"],
    ["UK with trunk kept", "+44 (0)20 7946 0958"],
    ["Switzerland", "+41 44 668 18 00"],
    ["Germany", "+49 30 123456"],
    ["France", "+33 1 23 45 67 89"],
    ["Australia", "+61 491 570 156"],
    ["India", "+91 81234 56789"],
    ["Brazil", "+55 11 96123-4567"],
    ["Japan", "+81 90-1234-5678"],
    ["China", "+86 131 2345 6789"],
    ["00 prefix", "0044 20 7946 0958"],
    ["011 prefix", "011 44 20 7946 0958"],
  ];
  for (const [name, num] of cases) {
    it(`${name}: ${num}`, () => {
      const text = `reach me on ${num}, thanks`;
      const d = detect(text);
      expect(d).toHaveLength(1);
      expect(text.slice(d[0]!.start, d[0]!.end)).toBe(num);
      expect(d[0]!.type).toBe("PHONE_NUMBER");
      expect(d[0]!.level).toBe(3);
    });
  }

  it("finds every country's example number in international form, exact offsets, no context needed", () => {
    let checked = 0;
    for (const c of getCountries()) {
      const p = getExampleNumber(c, examples);
      if (!p) continue;
      const intl = p.formatInternational();
      const text = `x ${intl} y`;
      const d = detect(text);
      expect(d, `${c} ${intl}`).toHaveLength(1);
      expect([d[0]!.start, d[0]!.end], `${c} ${intl}`).toEqual([2, 2 + intl.length]);
      checked++;
    }
    expect(checked).toBeGreaterThan(200);
  });

  it("finds every country's example number in national form after a context word", () => {
    for (const c of getCountries()) {
      const p = getExampleNumber(c, examples);
      if (!p || p.nationalNumber.length < 7) continue;
      const nat = p.formatNational();
      const text = `Phone: ${nat}`;
      const d = detect(text);
      expect(d, `${c} ${nat}`).toHaveLength(1);
      expect(text.slice(d[0]!.start, d[0]!.end), c).toBe(nat);
    }
  });
});

describe("phone: metadata validation agrees with libphonenumber-js", () => {
  it("valid example numbers are valid; one digit short is not", () => {
    for (const c of getCountries()) {
      const p = getExampleNumber(c, examples);
      if (!p) continue;
      const digits = p.number.slice(1);
      expect(checkInternational(digits).verdict, `${c} ${p.number}`).toBe("valid");
      const short = digits.slice(0, -1);
      const lib = parsePhoneNumberFromString("+" + short)?.isValid() ?? false;
      expect(checkInternational(short).verdict === "valid", `${c} +${short}`).toBe(lib);
    }
  });

  it("unassigned calling codes are rejected", () => {
    expect(checkInternational("999123456").verdict).toBe("invalid");
    expect(checkInternational("0123456").callingCode).toBe("");
  });

  it("North American numbers are checked against the NANP plans", () => {
    expect(checkForCallingCode("1", "2025550143")).toBe("valid");
    expect(checkForCallingCode("1", "1025550143")).not.toBe("valid"); // area codes never start with 1
    expect(checkForCallingCode("1", "2021550143")).not.toBe("valid"); // nor exchanges
  });
});

describe("phone: national formats, extensions, punctuation", () => {
  it("nine digits in threes with dots, after a phone word, in any channel", () => {
    expect(spans("call me back on 612.345.678")).toEqual(["612.345.678"]);
    expect(spans("móvil 912.345.678", "typed")).toEqual(["912.345.678"]);
    // a number of no plan the engine knows is still a phone after the word, as with other separators
    expect(spans("call me back on 542.807.008", "typed")).toEqual(["542.807.008"]);
    expect(spans("call me back on 542 807 008", "typed")).toEqual(["542 807 008"]);
    // the same shape is a thousands-grouped amount without the word
    expect(spans("the budget is 612.345.678 euros", "typed")).toEqual([]);
    expect(spans("the budget is 542.807.008 pesos", "typed")).toEqual([]);
    // under a signature's delimiter: a name, a role, how to reach them
    expect(spans("Cheers,\n--\nQuavel Drenmoth\nHead of Sales | 612.345.678", "typed")).toEqual([
      "612.345.678",
    ]);
    expect(spans("the table\n---\nrevenue 612.345.678", "typed")).toEqual([]);
  });

  it.each(["(202) 555-0143", "202-555-0143", "202.555.0143", "(202)555-0143", "1-202-555-0143"])(
    "North American %s without context",
    (num) => {
      expect(spans(`ring ${num}`.replace("ring ", "x "))).toEqual([num]);
    },
  );

  it.each([
    ["202-555-0143 x123", "x123"],
    ["202.555.0143x45", "x45"],
    ["(202) 555-0143 ext. 45", "ext. 45"],
    ["+44 20 7946 0958 ext 7", "ext 7"],
    ["202-555-0143 extension 12", "extension 12"],
  ])("extension is part of the span: %s", (num) => {
    expect(spans(`desk: ${num}.`)).toEqual([num]);
  });

  it.each([
    "07700 900123", // UK
    "020 7946 0958", // UK
    "0491 570 156", // Australia
    "(02) 5550 4321", // Australia, area code in parentheses
    "01 23 45 67 89", // France
    "01.23.45.67.89", // France with dots
    "030 1234567", // Germany
    "612 34 56 78", // Spain
    "06-12345678", // Netherlands
  ])("national %s is found with a context word, not without (title channel)", (num) => {
    expect(spans(`Tel: ${num}`)).toEqual([num]);
    expect(spans(`Telefon ${num}`)).toEqual([num]);
    expect(spans(`téléphone : ${num}`)).toEqual([num]);
    expect(spans(`teléfono ${num}`)).toEqual([num]);
    expect(spans(`WhatsApp ${num}`)).toEqual([num]);
    expect(spans(`see ${num}`)).toEqual([]);
  });

  it("a number written right after or before Chinese, Japanese or Korean words, as those scripts write it", () => {
    expect(spans("有事打13812345678。", "typed")).toEqual(["13812345678"]);
    expect(spans("有事打021-12345678。", "typed")).toEqual(["021-12345678"]);
    expect(spans("電話番号は090-1234-5678です", "typed")).toEqual(["090-1234-5678"]);
    expect(spans("전화번호는010-1234-5678입니다", "typed")).toEqual(["010-1234-5678"]);
    // glued to Latin letters it is still part of a word
    expect(spans("abc13812345678", "typed")).toEqual([]);
    expect(spans("2024年3月15日", "typed")).toEqual([]);
  });

  it("a number named after it counts too: '555 0143 (mobile)'", () => {
    expect(spans("555 0143 mobile")).toEqual(["555 0143"]);
  });

  it("context raises the score", () => {
    const a = run("020 7946 0958");
    expect(phoneScore(a, "020 7946 0958")).toBeLessThan(0.5);
    const t = "phone: 020 7946 0958";
    expect(phoneScore(run(t), t)).toBeGreaterThanOrEqual(0.5);
  });

  it("a phone number in a CSV row, a comma and the next field right after it", () => {
    expect(spans("Zqwimbo,+44 20 7946 0958,215 Gwydr Cres", "typed")).toEqual(["+44 20 7946 0958"]);
    expect(spans("Zqwimbo,(555) 010-0199,791 Oak Drive Apt. 851", "typed")).toEqual(["(555) 010-0199"]);
    expect(spans("zqwimbo,020 7946 0958,5 rhos suite 380", "typed")).toEqual(["020 7946 0958"]);
    expect(spans("Zqwimbo,555-010-0199,928 Stone Passage", "typed")).toEqual(["555-010-0199"]);
    // an amount's decimal comma stays no field's end
    expect(spans("total 1 234 567,89 EUR", "typed")).toEqual([]);
    expect(spans("+12 345 678,90 EUR", "typed")).toEqual([]);
  });

  it("an unclosed parenthesis before the number is punctuation", () => {
    expect(spans("(call +44 20 7946 0958")).toEqual(["+44 20 7946 0958"]);
    expect(spans("(+44 20 7946 0958)")).toEqual(["+44 20 7946 0958"]);
  });
});

describe("phone: things that are not phone numbers", () => {
  it.each([
    "2024-01-31",
    "31/01/2024",
    "01.31.2024",
    "2024/01/31",
    "31 01 2024",
    "20240131",
    "1999-2005",
    "2024-01-31 14:30:00",
    "10.0.19045.3693", // Windows build
    "120.0.6099.109", // browser version
    "1.2.3.4.5.6.7",
    "192.168.100.200",
    "1234567.89",
    "1.234.567",
    "$1,234,567",
    "€ 1 234 567",
    "1 234 567 EUR",
    "1234567 bytes",
    "4111 1111 1111 1111", // a test card number: the card recognizer's
    "v10.123.4567",
    "ABC1234567",
    "1234567abc",
    "12:30:45",
    "98.6%",
    "3.14159265",
  ])("%s is not a phone in any channel", (s) => {
    const text = `value ${s} here`;
    for (const ch of ["title", "typed", "ocr"] as Channel[])
      expect(
        detect(text, ch).filter((d) => d.type === "PHONE_NUMBER"),
        `${s} in ${ch}`,
      ).toEqual([]);
  });

  it("dates, versions, decimals and IPv4 shapes are classified", () => {
    expect(isDateShape(run("2024-01-31"))).toBe(true);
    expect(isDateShape(run("31.12.2023"))).toBe(true);
    expect(isDateShape(run("21 12 34"))).toBe(false);
    expect(isDateShape(run("2024-13-31"))).toBe(false);
    expect(isIPv4Shape(run("10.20.30.40"))).toBe(true);
    expect(isIPv4Shape(run("10.20.30.400"))).toBe(false);
    expect(isVersionOrDecimalShape(run("10.0.19045.3693"))).toBe(true);
    expect(isVersionOrDecimalShape(run("01.23.45.67.89"))).toBe(false);
    expect(isVersionOrDecimalShape(run("202.555.0143"))).toBe(false);
  });

  it("ages, years, prices and house numbers stay", () => {
    const text = "I am 34, born 1990, paid $129.99 and live at 221B Baker Street, flat 12.";
    for (const ch of ["title", "typed"] as Channel[]) expect(detect(text, ch)).toEqual([]);
  });
});

describe("digit-run fallback (typed, clipboard, ocr)", () => {
  it("masks any 7+ digit run a person typed", () => {
    const text = "my account is 12-3456-789 and order #98765432";
    const d = detect(text, "typed");
    expect(d.map((x) => text.slice(x.start, x.end))).toEqual(["12-3456-789", "98765432"]);
    for (const x of d) {
      expect(x.score).toBeGreaterThanOrEqual(0.5);
      expect(x.score).toBeLessThan(0.6);
    }
    expect(detect(text, "title")).toEqual([]);
  });

  it("types phone-shaped runs PHONE_NUMBER and others NUMBER", () => {
    const t1 = "msg 358 0594 asap";
    expect(detect(t1, "typed").map((d) => d.type)).toEqual(["PHONE_NUMBER"]);
    const t2 = "id 12345678901234567890";
    expect(detect(t2, "clipboard").map((d) => d.type)).toEqual(["NUMBER"]);
    const t3 = "card 4111 1111 1111 1111";
    expect(detect(t3, "ocr").map((d) => d.type)).toEqual(["NUMBER"]);
  });

  it("covers formats libphonenumber rejects", () => {
    for (const num of ["358 0594", "78 651 450", "(37) 788-063", "60-56-85-91", "9472 7916"]) {
      const text = `They're not answering at ${num}`;
      expect(spans(text, "typed"), num).toEqual([num]);
    }
  });

  it("does not reach across line breaks or commas", () => {
    const text = "Hungary 34796\n(37) 788-063, 12345";
    expect(spans(text, "typed")).toEqual(["(37) 788-063"]);
  });

  it("six-digit runs need a context word", () => {
    expect(spans("code 123456", "typed")).toEqual([]);
    expect(spans("Tel. 12 34 56", "typed")).toEqual(["12 34 56"]);
  });

  it("a trailing label glued with a dash does not hide the number", () => {
    const text = "21 253 109 8211-Office";
    expect(spans(text, "typed")).toEqual(["21 253 109 8211"]);
  });

  it("pieces of host names and hyphenated identifiers are not digit runs", () => {
    expect(detect("host db-mysql-ams3-23775-do-user-7772205-0.db.example.com", "typed")).toEqual([]);
    expect(detect("file.1234567 and id_1234567", "typed")).toEqual([]);
    expect(spans("Office-5551234567", "typed")).toEqual(["5551234567"]);
  });

  it("one digit repeated is filler, not an identifier", () => {
    expect(detect("key 0000000000000000 and 9999 9999", "typed")).toEqual([]);
  });

  it("pieces of UUIDs and hex tokens are not digit runs", () => {
    expect(detect("id 123e4567-e89b-12d3-a456-426614174000", "typed")).toEqual([]);
  });
});

describe("phone: the digit-cluster bound", () => {
  it("sums digit runs across short joiners only", () => {
    const t = "6750 Koskikatu 25 Apt. 864";
    expect(maxDigitCluster(t, scanNumericRuns(t))).toBe(4);
    const u = "call (602)  272-9781 now";
    expect(maxDigitCluster(u, scanNumericRuns(u))).toBe(10);
    expect(maxDigitCluster("x", [])).toBe(0);
  });

  it("no candidate holds more digits than the bound (property)", () => {
    const piece = fc.constantFrom(
      ..."0123456789".split(""),
      " ",
      "  ",
      "-",
      ".",
      "/",
      "(",
      ")",
      "+",
      "x",
      "ab",
      ":",
      "\u2013",
      "\u00a0",
      ", ",
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        const text = parts.join("");
        const bound = maxDigitCluster(text, scanNumericRuns(text));
        for (const r of scanDigitRuns(text, text.toLowerCase()))
          expect(r.digits.length).toBeLessThanOrEqual(bound);
      }),
      { numRuns: 3000 },
    );
  });

  it("gives the same result whether or not the digit runs were shared", () => {
    for (const text of [
      "+41 44 668 18 00",
      "tel 555-0100 x12",
      "12 34 56",
      "2024-01-31 14:30",
      "(0)69 979 80 58",
    ]) {
      const alone = phone.detect({ text, lower: text.toLowerCase(), channel: "typed" });
      const input = { text, lower: text.toLowerCase(), channel: "typed" as const };
      numericRuns(input); // what the ids recognizers do first in the engine
      expect(phone.detect(input)).toEqual(alone);
    }
  });
});
