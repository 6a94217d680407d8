import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dobAge } from "./dob-age.js";

function found(text: string): string[] {
  return dobAge
    .detect({ text, lower: text.toLowerCase(), channel: "typed" })
    .filter((d) => d.score >= 0.5)
    .map((d) => `${d.type}:${text.slice(d.start, d.end)}`);
}

describe("dates of birth by context", () => {
  it("numeric, ISO and written dates after a birth word", () => {
    expect(found("She was born on 2/8/1935.")).toEqual(["DATE_OF_BIRTH:2/8/1935"]);
    expect(found("DOB: 1990-04-12")).toEqual(["DATE_OF_BIRTH:1990-04-12"]);
    expect(found("Please tell me your date of birth. It's 6/24/1991")).toEqual(["DATE_OF_BIRTH:6/24/1991"]);
    expect(found("date of birth: March 12, 1985")).toEqual(["DATE_OF_BIRTH:March 12, 1985"]);
    expect(found("born 12 March 1985 in Leeds")).toEqual(["DATE_OF_BIRTH:12 March 1985"]);
  });

  it("other languages", () => {
    expect(found("geboren am 12.03.1985")).toEqual(["DATE_OF_BIRTH:12.03.1985"]);
    expect(found("né le 12/03/1985 à Lyon")).toEqual(["DATE_OF_BIRTH:12/03/1985"]);
    expect(found("fecha de nacimiento: 12-03-1985")).toEqual(["DATE_OF_BIRTH:12-03-1985"]);
  });

  it("dates without a birth word are left alone", () => {
    expect(found("Date: 1978-04-13 12:20:39")).toEqual([]);
    expect(found("The invoice of 12/03/2024 is due")).toEqual([]);
    expect(found("The orchestra was founded in 1977.")).toEqual([]);
  });
});

describe("ages by context", () => {
  it("the word for years alone is an age, and a time after 'ago' words is not", () => {
    expect(found("il a 34 ans")).toEqual(["AGE:34"]);
    expect(found("tiene 34 años")).toEqual(["AGE:34"]);
    expect(found("hij is 34 jaar")).toEqual(["AGE:34"]);
    expect(found("ze is bijna 3 jaar")).toEqual(["AGE:3"]);
    expect(found("Souvenirs : il y a 3 ans aujourd'hui")).toEqual([]);
    expect(found("hace 3 años")).toEqual([]);
    expect(found("3 jaar geleden")).toEqual([]);
    expect(found("da 3 anni lavoro qui")).toEqual([]);
    expect(found("depuis plus de 5 ans")).toEqual([]);
    expect(found("3 lata temu")).toEqual([]);
  });

  it("numbers with an age word around them", () => {
    expect(found("He just turned 69 years old")).toEqual(["AGE:69"]);
    expect(found("Patient is a 38-year-old male")).toEqual(["AGE:38"]);
    expect(found("This 79 year old female complains of pain")).toEqual(["AGE:79"]);
    expect(found("My father retired at the age of 61")).toEqual(["AGE:61"]);
    expect(found("aged 72, she still runs")).toEqual(["AGE:72"]);
    expect(found("age: 34")).toEqual(["AGE:34"]);
    expect(found("I am 34.")).toEqual(["AGE:34"]);
    expect(found("and i'm 31 y/o.")).toEqual(["AGE:31"]);
    expect(found("I just turned 47")).toEqual(["AGE:47"]);
    expect(found("Written when he was 78.")).toEqual(["AGE:78"]);
  });

  it("numbers that are no ages", () => {
    expect(found("I'm 5 minutes away")).toEqual([]);
    expect(found("turn 2 left at the lights")).toEqual([]);
    expect(found("I am 100% sure")).toEqual([]);
    expect(found("There are 34 years of data")).toEqual([]);
    expect(found("version 3.14 is out")).toEqual([]);
  });

  it("ages spelt out in English words", () => {
    expect(found("she is forty-two years old")).toEqual(["AGE:forty-two"]);
    expect(found("a twenty-five-year-old nurse")).toEqual(["AGE:twenty-five"]);
    expect(found("He is one hundred and two years old.")).toEqual(["AGE:one hundred and two"]);
    expect(found("my son, aged three, and my daughter, aged Seventy One")).toEqual([
      "AGE:three",
      "AGE:Seventy One",
    ]);
    // not other numbers, nor "old" alone
    expect(found("the house is two hundred years old")).toEqual([]);
    expect(found("an old friend of forty years")).toEqual([]);
  });

  it("any age from 1 to 119 spelt out before 'years old' is found with exact offsets (property)", () => {
    const units = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
    const teens = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen"];
    const tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
    const words = (n: number): string => {
      if (n >= 100) return n === 100 ? "a hundred" : `one hundred and ${words(n - 100)}`;
      if (n >= 20) return tens[Math.floor(n / 10)]! + (n % 10 ? `-${units[n % 10]}` : "");
      if (n >= 10) return teens[n - 10] ?? ["eighteen", "nineteen"][n - 18]!;
      return units[n]!;
    };
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 119 }), fc.constantFrom("He is ", "a ", "Now "), (age, lead) => {
        const w = words(age);
        expect(found(`${lead}${w} years old.`)).toEqual([`AGE:${w}`]);
      }),
    );
  });

  it("any age from 0 to 120 in '<n> years old' is found with exact offsets", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 120 }),
        fc.constantFrom("He is ", "My sister is ", "Now "),
        (age, lead) => {
          const text = `${lead}${age} years old.`;
          expect(dobAge.detect({ text, lower: text.toLowerCase(), channel: "typed" })).toEqual([
            {
              start: lead.length,
              end: lead.length + String(age).length,
              type: "AGE",
              score: 0.85,
              level: 3,
              recognizer: "dob-age",
            },
          ]);
        },
      ),
    );
  });
});
