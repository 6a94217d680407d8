/**
 * Property tests of the 'ids' group: for each check-digit scheme, random bodies completed with their
 * check digits and embedded in random text are detected with exact offsets; changing one digit (when
 * that breaks the check rule) makes the value undetected as that type.
 */
import { describe, expect, it } from "vitest";
import { analyze } from "../../engine.js";
import type { Channel } from "../../types.js";
import { ID_RECOGNIZERS } from "./index.js";
import {
  abaRoutingValid,
  auTfnValid,
  brCpfValid,
  caSinValid,
  deTaxIdValid,
  esDniValid,
  esNieValid,
  frNirValid,
  inAadhaarValid,
  itFiscalCodeValid,
  ibanValid,
  paymentCardValid,
} from "./validators.js";
import fc from "fast-check";
import { iso7064Mod11_10CheckDigit, luhnCheckDigit, verhoeffCheckDigit } from "../../checksums.js";
import {
  auTfnComplete,
  brCpfCheckDigits,
  esDniLetter,
  frNirKey,
  ibanCheckDigits,
  ibanLength,
  itFiscalCheckChar,
  beNationalNumberValid,
  czBirthNumberValid,
  dkCprDateValid,
  fiHetuValid,
  nlBsnValid,
  noFodselsnummerValid,
  plPeselValid,
  ptNifValid,
  nhsNumberValid,
  sePersonnummerValid,
} from "./validators.js";

const digit = fc.integer({ min: 0, max: 9 }).map(String);
const digits = (n: number) => fc.array(digit, { minLength: n, maxLength: n }).map((a) => a.join(""));

/** Replace the character at i by a different digit. */
function flipDigit(s: string, i: number, delta: number): string {
  const d = (s.charCodeAt(i) - 48 + 1 + (delta % 9)) % 10;
  return s.slice(0, i) + String(d) + s.slice(i + 1);
}

/** Indexes of the digits of s. */
function digitIndexes(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) if (s[i]! >= "0" && s[i]! <= "9") out.push(i);
  return out;
}

// Neutral filler words: no digits, no labels of any identifier.
const FILLER = [
  "hello",
  "the",
  "report",
  "was",
  "sent",
  "today",
  "see",
  "attached",
  "thanks",
  "please",
  "review",
  "team",
  "notes",
  "about",
  "later",
  "quick",
  "update",
];
const filler = fc.array(fc.constantFrom(...FILLER), { maxLength: 5 }).map((w) => w.join(" "));
const trailer = fc.constantFrom("", ".", ",", "!", ")", ";");

/** Payment cards of the major schemes: [prefix, length] then random digits and the Luhn digit. */
const CARD_SHAPES: ReadonlyArray<readonly [string, number]> = [
  ["4", 16],
  ["4", 13],
  ["4", 19],
  ["51", 16],
  ["55", 16],
  ["2221", 16],
  ["2720", 16],
  ["34", 15],
  ["37", 15],
  ["6011", 16],
  ["65", 16],
  ["3528", 16],
  ["3589", 19],
  ["36", 14],
  ["300", 14],
  ["62", 16],
  ["6759", 12],
  ["5018", 18],
];
const card = fc.tuple(fc.constantFrom(...CARD_SHAPES), digits(19)).map(([[prefix, len], rnd]) => {
  const body = (prefix + rnd).slice(0, len - 1);
  return body + luhnCheckDigit(body);
});

/** Group a 16-digit card 4-4-4-4, an Amex 4-6-5, others bare. */
function groupCard(d: string, sep: string): string {
  if (d.length === 16) return [d.slice(0, 4), d.slice(4, 8), d.slice(8, 12), d.slice(12)].join(sep);
  if (d.length === 15) return [d.slice(0, 4), d.slice(4, 10), d.slice(10)].join(sep);
  return d;
}

const ssn = fc
  .tuple(fc.integer({ min: 1, max: 899 }), fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 9999 }))
  .filter(([a]) => a !== 666)
  .map(
    ([a, g, s]) => `${String(a).padStart(3, "0")}${String(g).padStart(2, "0")}${String(s).padStart(4, "0")}`,
  )
  .filter((d) => d !== "078051120" && d !== "219099999" && !/^(\d)\1{8}$/.test(d));

const sin = fc
  .tuple(fc.constantFrom("1", "2", "3", "4", "5", "6", "7", "9"), digits(7))
  .map(([f, r]) => f + r + luhnCheckDigit(f + r));

const aadhaar = fc
  .tuple(fc.integer({ min: 2, max: 9 }).map(String), digits(10))
  .map(([f, r]) => f + r + verhoeffCheckDigit(f + r));

const tfn = digits(8)
  .map((b) => [b, auTfnComplete(b)] as const)
  .filter(([, c]) => c !== undefined)
  .map(([b, c]) => b + String(c));

const cpf = digits(9)
  .filter((b) => !/^(\d)\1{8}$/.test(b))
  .map((b) => b + brCpfCheckDigits(b));

/** Steuer-IdNr: nine distinct digits, one of them twice, first digit not 0, then the check digit. */
const deTaxId = fc
  .tuple(
    fc.shuffledSubarray([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], { minLength: 9, maxLength: 9 }),
    fc.nat(8),
    fc.nat(9),
  )
  .map(([nine, which, pos]) => {
    const a = nine.map(String);
    a.splice(pos, 0, a[which]!);
    return a.join("");
  })
  .filter((b) => b[0] !== "0")
  .map((b) => b + iso7064Mod11_10CheckDigit(b));

/** French NIR (mainland departments 01-95 or Corsica 2A/2B). */
const nir = fc
  .tuple(
    fc.constantFrom("1", "2"),
    digits(2),
    fc.integer({ min: 1, max: 12 }),
    fc.oneof(
      fc
        .integer({ min: 1, max: 95 })
        .filter((d) => d !== 20)
        .map((d) => String(d).padStart(2, "0")),
      fc.constantFrom("2A", "2B"),
    ),
    digits(6),
  )
  .map(([sex, yy, mm, dep, rest]) => {
    const body = sex + yy + String(mm).padStart(2, "0") + dep + rest;
    return body + String(frNirKey(body)).padStart(2, "0");
  })
  // a NIR starting 1800 or 2131 can also be a JCB card number; unlabelled it is reported as a card (still masked)
  .filter((v) => !paymentCardValid(v));

const dni = fc.integer({ min: 0, max: 99_999_999 }).map((n) => String(n).padStart(8, "0") + esDniLetter(n));
const nie = fc
  .tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 9_999_999 }))
  .map(
    ([p, n]) =>
      "XYZ"[p]! + String(n).padStart(7, "0") + esDniLetter(+(String(p) + String(n).padStart(7, "0"))),
  );

const upper = fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZ");
const OMO = "LMNPQRSTUV";
/** Codice fiscale, with 0-3 omocodia substitutions (the rightmost digits first, as the rule goes). */
const fiscalCode = fc
  .tuple(
    fc.array(upper, { minLength: 6, maxLength: 6 }),
    digits(2),
    fc.constantFrom(..."ABCDEHLMPRST"),
    fc.integer({ min: 1, max: 31 }),
    fc.boolean(),
    upper,
    digits(3),
    fc.integer({ min: 0, max: 3 }),
  )
  .map(([name, yy, month, day, female, place, town, omo]) => {
    let body = name.join("") + yy + month + String(day + (female ? 40 : 0)).padStart(2, "0") + place + town;
    const positions = [14, 13, 12, 10, 9, 7, 6];
    for (let k = 0; k < omo; k++) {
      const p = positions[k]!;
      body = body.slice(0, p) + OMO[+body[p]!]! + body.slice(p + 1);
    }
    return body + itFiscalCheckChar(body);
  });

const NINO_FIRST = "ABCEGHJKLMNOPRSTWXYZ";
const NINO_SECOND = "ABCEGHJKLMNPRSTWXYZ";
const nino = fc
  .tuple(
    fc.constantFrom(...NINO_FIRST),
    fc.constantFrom(...NINO_SECOND),
    digits(6),
    fc.constantFrom("A", "B", "C", "D"),
  )
  .filter(([a, b]) => !["BG", "GB", "KN", "NK", "NT", "TN", "ZZ"].includes(a + b))
  .map(([a, b, d, s]) => a + b + d + s);

const routing = fc
  .tuple(fc.constantFrom("01", "02", "11", "12", "21", "26", "32", "61", "67", "72", "80"), digits(6))
  .map(([p, r]) => {
    const b = p + r;
    const w = [3, 7, 1, 3, 7, 1, 3, 7];
    let s = 0;
    for (let i = 0; i < 8; i++) s += +b[i]! * w[i]!;
    return b + String((10 - (s % 10)) % 10);
  });

const IBAN_COUNTRIES = [
  "DE",
  "GB",
  "FR",
  "ES",
  "IT",
  "NL",
  "BE",
  "AT",
  "CH",
  "PL",
  "NO",
  "SE",
  "PT",
  "IE",
  "FI",
  "LU",
  "MT",
  "BR",
  "SA",
  "TR",
];
const iban = fc
  .tuple(
    fc.constantFrom(...IBAN_COUNTRIES),
    fc.array(fc.constantFrom(..."0123456789ABCDEFGHJKLMNPQRSTUVWXYZ"), { minLength: 30, maxLength: 30 }),
  )
  .map(([cc, chars]) => {
    // digits first (bank codes), so the run after the check digits is long enough to be found
    const len = ibanLength(cc)!;
    const bban = chars.join("").slice(0, len - 4);
    return cc + ibanCheckDigits(cc, bban) + bban;
  });

/** Group an IBAN in fours with spaces. */
function groupIban(s: string): string {
  return s.replace(/(.{4})(?=.)/g, "$1 ");
}

// ---------------------------------------------------------------------------------------------

function spans(text: string, channel: Channel = "typed") {
  return analyze(text, { recognizers: ID_RECOGNIZERS, channel }).spans;
}

interface Embedded {
  text: string;
  start: number;
  end: number;
}

/** `pre label value trail post`, with the value's offsets. */
function embed(pre: string, label: string, value: string, trail: string, post: string): Embedded {
  const head = [pre, label].filter((x) => x.length > 0).join(" ");
  const before = head.length ? head + " " : "";
  const text = before + value + trail + (post ? " " + post : "");
  return { text, start: before.length, end: before.length + value.length };
}

function expectExact(e: Embedded, type: string, channel: Channel = "typed"): void {
  const s = spans(e.text, channel);
  expect(
    s.map((x) => [x.start, x.end, x.type]),
    e.text,
  ).toContainEqual([e.start, e.end, type]);
}

function expectNotType(e: Embedded, type: string, channel: Channel = "typed"): void {
  const s = spans(e.text, channel).filter((x) => x.type === type && x.start < e.end && e.start < x.end);
  expect(s, e.text).toEqual([]);
}

const RUNS = { numRuns: 150 };

/**
 * The two properties of one scheme: `make` turns a compact valid value into its written form,
 * `valid` is the check rule on the compact form (so a flip that happens to stay valid is skipped).
 */
function scheme(opts: {
  name: string;
  type: string;
  gen: fc.Arbitrary<string>;
  valid: (compact: string) => boolean;
  label?: fc.Arbitrary<string>;
  format?: fc.Arbitrary<(compact: string) => string>;
  channel?: Channel;
  /** A valid value of the scheme inside the flipped one (found, rightly): such a flip is skipped too. */
  holdsValid?: (compact: string) => boolean;
}) {
  const label = opts.label ?? fc.constant("");
  const format = opts.format ?? fc.constant((x: string) => x);
  const channel = opts.channel ?? "typed";
  describe(opts.name, () => {
    it("valid values embedded in random text are found with exact offsets", () => {
      fc.assert(
        fc.property(filler, label, opts.gen, format, trailer, filler, (pre, lab, v, fmt, tr, post) => {
          expect(opts.valid(v)).toBe(true);
          expectExact(embed(pre, lab, fmt(v), tr, post), opts.type, channel);
        }),
        RUNS,
      );
    });
    it("one changed digit that breaks the check rule is not found as that type", () => {
      fc.assert(
        fc.property(
          filler,
          label,
          opts.gen,
          format,
          fc.nat(),
          fc.nat(8),
          filler,
          (pre, lab, v, fmt, at, delta, post) => {
            const idx = digitIndexes(v);
            const flipped = flipDigit(v, idx[at % idx.length]!, delta);
            fc.pre(!opts.valid(flipped) && !opts.holdsValid?.(flipped));
            expectNotType(embed(pre, lab, fmt(flipped), "", post), opts.type, channel);
          },
        ),
        RUNS,
      );
    });
  });
}

// Cards: in titles (no typed-text card-like rule), bare or grouped, with or without a label.
scheme({
  name: "payment cards (Luhn + issuer)",
  type: "CREDIT_CARD",
  gen: card,
  valid: paymentCardValid,
  label: fc.constantFrom("", "card", "visa number"),
  format: fc.constantFrom(
    (x: string) => x,
    (x: string) => groupCard(x, " "),
    (x: string) => groupCard(x, "-"),
  ),
  channel: "title",
});

scheme({
  name: "IBAN (mod 97, country length)",
  type: "IBAN_CODE",
  gen: iban,
  valid: ibanValid,
  format: fc.constantFrom(
    (x: string) => x,
    groupIban,
    (x: string) => x.toLowerCase(),
    (x: string) => groupIban(x).toLowerCase(),
  ),
  channel: "title",
  // "SA89LT57JMV6HWU5CHHQWRVM" holds LT57JMV6HWU5CHHQWRVM, a valid Lithuanian IBAN (a case the property found)
  holdsValid: (x: string) => {
    for (let i = 1; i + 15 <= x.length; i++)
      for (let e = i + 15; e <= x.length; e++) if (ibanValid(x.slice(i, e))) return true;
    return false;
  },
});

scheme({
  name: "US routing number (ABA 3-7-1)",
  type: "US_ROUTING",
  gen: routing,
  valid: abaRoutingValid,
  label: fc.constantFrom("routing number", "ABA", "routing no:", "RTN"),
});

scheme({
  name: "Canada SIN (Luhn)",
  type: "CA_SIN",
  gen: sin,
  valid: caSinValid,
  label: fc.constantFrom("SIN", "SIN:", "social insurance number"),
  format: fc.constantFrom(
    (x: string) => x,
    (x: string) => `${x.slice(0, 3)} ${x.slice(3, 6)} ${x.slice(6)}`,
    (x: string) => `${x.slice(0, 3)}-${x.slice(3, 6)}-${x.slice(6)}`,
  ),
});

scheme({
  name: "India Aadhaar (Verhoeff)",
  type: "IN_AADHAAR",
  gen: aadhaar,
  valid: inAadhaarValid,
  label: fc.constantFrom("Aadhaar", "aadhaar no.", "UID"),
  format: fc.constantFrom(
    (x: string) => x,
    (x: string) => `${x.slice(0, 4)} ${x.slice(4, 8)} ${x.slice(8)}`,
  ),
});

scheme({
  name: "Australia TFN (weighted mod 11)",
  type: "AU_TFN",
  gen: tfn,
  valid: auTfnValid,
  label: fc.constantFrom("TFN", "tax file number", "TFN:"),
  format: fc.constantFrom(
    (x: string) => x,
    (x: string) => `${x.slice(0, 3)} ${x.slice(3, 6)} ${x.slice(6)}`,
  ),
});

scheme({
  name: "Brazil CPF (two mod-11 digits), printed",
  type: "BR_CPF",
  gen: cpf,
  valid: brCpfValid,
  format: fc.constant((x: string) => `${x.slice(0, 3)}.${x.slice(3, 6)}.${x.slice(6, 9)}-${x.slice(9)}`),
});

scheme({
  name: "Brazil CPF, bare after its label",
  type: "BR_CPF",
  gen: cpf,
  valid: brCpfValid,
  label: fc.constantFrom("CPF", "CPF:", "meu CPF é"),
});

scheme({
  name: "Germany Steuer-IdNr (ISO 7064 MOD 11,10)",
  type: "DE_TAX_ID",
  gen: deTaxId,
  valid: deTaxIdValid,
  label: fc.constantFrom("Steuer-ID", "IdNr", "steuerliche Identifikationsnummer"),
  format: fc.constantFrom(
    (x: string) => x,
    (x: string) => `${x.slice(0, 2)} ${x.slice(2, 5)} ${x.slice(5, 8)} ${x.slice(8)}`,
  ),
});

scheme({
  name: "Germany Steuer-IdNr, grouped without label",
  type: "DE_TAX_ID",
  gen: deTaxId,
  valid: deTaxIdValid,
  format: fc.constant((x: string) => `${x.slice(0, 2)} ${x.slice(2, 5)} ${x.slice(5, 8)} ${x.slice(8)}`),
});

const nirPrinted = (x: string) =>
  `${x.slice(0, 1)} ${x.slice(1, 3)} ${x.slice(3, 5)} ${x.slice(5, 7)} ${x.slice(7, 10)} ${x.slice(10, 13)} ${x.slice(13)}`;
scheme({
  name: "France NIR (key = 97 - n mod 97, Corsica 2A/2B)",
  type: "FR_NIR",
  gen: nir,
  valid: frNirValid,
  label: fc.constantFrom("", "NIR", "numéro de sécurité sociale"),
  format: fc.constantFrom((x: string) => x, nirPrinted),
});

scheme({
  name: "Spain DNI (mod 23 letter)",
  type: "ES_DNI",
  gen: dni,
  valid: esDniValid,
  label: fc.constantFrom("", "DNI"),
  format: fc.constantFrom(
    (x: string) => x,
    (x: string) => `${x.slice(0, 8)}-${x.slice(8)}`,
  ),
});

scheme({
  name: "Spain NIE (X/Y/Z, mod 23 letter)",
  type: "ES_NIE",
  gen: nie,
  valid: esNieValid,
  label: fc.constantFrom("", "NIE"),
});

scheme({
  name: "Italy codice fiscale (check character, omocodia)",
  type: "IT_FISCAL_CODE",
  gen: fiscalCode,
  valid: itFiscalCodeValid,
  label: fc.constantFrom("", "codice fiscale", "C.F."),
  format: fc.constantFrom(
    (x: string) => x,
    (x: string) => x.toLowerCase(),
  ),
});

// ---- continental European personal numbers ----
const pad2 = (n: number) => String(n).padStart(2, "0");
/** A date of birth as YYMMDD (or DDMMYY with `dayFirst`); days up to 28, valid in any month. */
const birth = (dayFirst: boolean, monthOffset: fc.Arbitrary<number> = fc.constant(0)) =>
  fc
    .tuple(
      fc.integer({ min: 0, max: 99 }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 1, max: 28 }),
      monthOffset,
    )
    .map(([y, m, d, o]) => (dayFirst ? pad2(d) + pad2(m + o) + pad2(y) : pad2(y) + pad2(m + o) + pad2(d)));
/** `body` completed with the first check digits (of `width` digits) that make it valid; bodies with none are skipped. */
const completed = (body: fc.Arbitrary<string>, valid: (d: string) => boolean, width = 1) =>
  body
    .map((b) => {
      for (let c = 0; c < 10 ** width; c++) {
        const v = b + String(c).padStart(width, "0");
        if (valid(v)) return v;
      }
      return "";
    })
    .filter((v) => v !== "");

scheme({
  name: "Netherlands BSN (11-proof), after its label",
  type: "NL_BSN",
  gen: completed(digits(8), nlBsnValid),
  valid: nlBsnValid,
  label: fc.constantFrom("BSN", "BSN:", "burgerservicenummer"),
  format: fc.constantFrom(
    (x: string) => x,
    (x: string) => `${x.slice(0, 4)}.${x.slice(4, 6)}.${x.slice(6)}`,
  ),
});

scheme({
  name: "Poland PESEL (weights 1 3 7 9, century in the month), after its label",
  type: "PL_PESEL",
  gen: completed(
    fc.tuple(birth(false, fc.constantFrom(0, 20)), digits(4)).map(([b, r]) => b + r),
    plPeselValid,
  ),
  valid: plPeselValid,
  label: fc.constantFrom("PESEL", "PESEL:", "numer PESEL"),
});

scheme({
  name: "Sweden personnummer (date + Luhn)",
  type: "SE_PERSONNUMMER",
  // (one in 31 is also a Finnish henkilötunnus with a digit for its check character: that reading wins unlabelled)
  gen: completed(
    fc.tuple(birth(false), digits(3)).map(([b, r]) => b + r),
    sePersonnummerValid,
  ).filter((v) => !fiHetuValid(`${v.slice(0, 6)}-${v.slice(6)}`)),
  valid: sePersonnummerValid,
  label: fc.constantFrom("", "personnummer", "personnummer:"),
  format: fc.constant((x: string) => `${x.slice(0, 6)}-${x.slice(6)}`),
});

scheme({
  name: "Norway fødselsnummer (two modulus-11 digits)",
  type: "NO_FODSELSNUMMER",
  gen: completed(
    fc.tuple(birth(true), digits(3)).map(([b, r]) => b + r),
    noFodselsnummerValid,
    2,
  ),
  valid: noFodselsnummerValid,
  label: fc.constantFrom("fødselsnummer", "fodselsnummer:"),
  format: fc.constantFrom(
    (x: string) => x,
    (x: string) => `${x.slice(0, 6)} ${x.slice(6)}`,
  ),
});

const HETU = "0123456789ABCDEFHJKLMNPRSTUVWXY";
scheme({
  name: "Finland henkilötunnus (modulus 31 check character)",
  type: "FI_HETU",
  gen: fc
    .tuple(birth(true), fc.constantFrom("-", "+", "A", "B", "Y"), fc.integer({ min: 2, max: 899 }))
    .map(([b, sign, n]) => {
      const ind = String(n).padStart(3, "0");
      return b + sign + ind + HETU[Number(b + ind) % 31]!;
    }),
  valid: fiHetuValid,
  label: fc.constantFrom("", "HETU", "henkilötunnus"),
});

scheme({
  name: "Belgium national register number (97 - n mod 97), printed",
  type: "BE_NATIONAL_NUMBER",
  gen: fc.tuple(birth(false), digits(3)).map(([b, r]) => {
    const body = b + r;
    return body + pad2(97 - (Number(body) % 97));
  }),
  valid: beNationalNumberValid,
  label: fc.constantFrom("", "rijksregisternummer", "numéro national"),
  format: fc.constant(
    (x: string) => `${x.slice(0, 2)}.${x.slice(2, 4)}.${x.slice(4, 6)}-${x.slice(6, 9)}.${x.slice(9)}`,
  ),
});

scheme({
  name: "Portugal NIF (modulus 11), after its label",
  type: "PT_NIF",
  gen: completed(
    fc.tuple(fc.constantFrom("1", "2", "3", "5", "6", "8", "9"), digits(7)).map(([f, r]) => f + r),
    ptNifValid,
  ),
  valid: ptNifValid,
  label: fc.constantFrom("NIF", "NIF:", "contribuinte n.º", "número de contribuinte"),
});

scheme({
  name: "UK NHS / CHI number (modulus 11), after its label",
  type: "UK_NHS",
  gen: completed(digits(9), nhsNumberValid),
  valid: nhsNumberValid,
  label: fc.constantFrom("NHS number", "NHS No:", "my nhs number is", "CHI number"),
  format: fc.constantFrom(
    (x: string) => x,
    (x: string) => `${x.slice(0, 3)} ${x.slice(3, 6)} ${x.slice(6)}`,
    (x: string) => `${x.slice(0, 3)}-${x.slice(3, 6)}-${x.slice(6)}`,
  ),
});

scheme({
  name: "Czech and Slovak rodné číslo (divisible by 11)",
  type: "CZ_BIRTH_NUMBER",
  gen: completed(
    fc
      .tuple(
        fc.integer({ min: 54, max: 99 }),
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom(0, 50),
        fc.integer({ min: 1, max: 28 }),
        digits(3),
      )
      .map(([y, m, o, d, r]) => pad2(y) + pad2(m + o) + pad2(d) + r),
    (v) => czBirthNumberValid(v) && Number(v) % 11 === 0,
  ),
  valid: czBirthNumberValid,
  label: fc.constantFrom("", "rodné číslo", "r.č."),
  format: fc.constant((x: string) => `${x.slice(0, 6)}/${x.slice(6)}`),
});

describe("Denmark CPR number (a valid date, after its label)", () => {
  it("is found with exact offsets, dashed or bare", () => {
    fc.assert(
      fc.property(filler, birth(true), digits(4), fc.boolean(), filler, (pre, b, r, dash, post) => {
        fc.pre(!sePersonnummerValid(b + r));
        expect(dkCprDateValid(b + r)).toBe(true);
        expectExact(embed(pre, "CPR-nummer:", dash ? `${b}-${r}` : b + r, "", post), "DK_CPR");
      }),
      RUNS,
    );
  });
  it("an impossible date is no CPR number", () => {
    expectNotType(embed("", "CPR:", "320161-4285", "", ""), "DK_CPR");
    expectNotType(embed("", "CPR:", "071361-4285", "", ""), "DK_CPR");
  });
});

describe("US SSN (no check digit: ranges)", () => {
  it("possible SSNs are found with exact offsets (dashed alone, bare after a label)", () => {
    fc.assert(
      fc.property(filler, ssn, fc.boolean(), trailer, filler, (pre, d, dashed, tr, post) => {
        const v = dashed ? `${d.slice(0, 3)}-${d.slice(3, 5)}-${d.slice(5)}` : d;
        expectExact(embed(pre, dashed ? "" : "SSN", v, tr, post), "US_SSN");
      }),
      RUNS,
    );
  });
  it("impossible areas, groups and serials are never US_SSN", () => {
    const bad = fc.oneof(
      fc.tuple(fc.constantFrom(0, 666), fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 9999 })),
      fc.tuple(
        fc.integer({ min: 900, max: 999 }),
        fc.integer({ min: 1, max: 99 }),
        fc.integer({ min: 1, max: 9999 }),
      ),
      fc.tuple(fc.integer({ min: 1, max: 899 }), fc.constant(0), fc.integer({ min: 1, max: 9999 })),
      fc.tuple(fc.integer({ min: 1, max: 899 }), fc.integer({ min: 1, max: 99 }), fc.constant(0)),
    );
    fc.assert(
      fc.property(filler, bad, filler, (pre, [a, g, s], post) => {
        const v = `${String(a).padStart(3, "0")}-${String(g).padStart(2, "0")}-${String(s).padStart(4, "0")}`;
        expectNotType(embed(pre, "SSN", v, "", post), "US_SSN");
      }),
      RUNS,
    );
  });
});

describe("UK NINO (prefix rules)", () => {
  it("valid numbers are found, compact or spaced", () => {
    fc.assert(
      fc.property(filler, nino, fc.boolean(), trailer, filler, (pre, n, spaced, tr, post) => {
        const v = spaced
          ? `${n.slice(0, 2)} ${n.slice(2, 4)} ${n.slice(4, 6)} ${n.slice(6, 8)} ${n.slice(8)}`
          : n;
        expectExact(embed(pre, "", v, tr, post), "UK_NINO");
      }),
      RUNS,
    );
  });
  it("forbidden prefixes are not NINOs", () => {
    const badPrefix = fc.oneof(
      fc.tuple(fc.constantFrom(..."DFIQUV"), fc.constantFrom(..."ABCEGH")).map(([a, b]) => a + b),
      fc.tuple(fc.constantFrom(..."ABCEGH"), fc.constantFrom(..."DFIOQUV")).map(([a, b]) => a + b),
      fc.constantFrom("BG", "GB", "KN", "NK", "NT", "TN", "ZZ"),
    );
    fc.assert(
      fc.property(
        filler,
        badPrefix,
        digits(6),
        fc.constantFrom("A", "B", "C", "D"),
        filler,
        (pre, p, d, s, post) => {
          expectNotType(embed(pre, "", p + d + s, "", post), "UK_NINO");
        },
      ),
      RUNS,
    );
  });
});

describe("typed-text card-like rule", () => {
  it("a card number with one wrong digit is still masked in typed text after a card word", () => {
    fc.assert(
      fc.property(
        filler,
        card.filter((c) => c.length >= 13),
        fc.nat(),
        fc.nat(8),
        filler,
        (pre, v, at, delta, post) => {
          const idx = digitIndexes(v);
          const flipped = flipDigit(v, idx[at % idx.length]!, delta);
          expectExact(embed(pre, "my card", flipped, "", post), "CREDIT_CARD", "typed");
        },
      ),
      RUNS,
    );
  });
});
