import { describe, expect, it } from "vitest";
import { analyze } from "./engine.js";
import { foldOcrMisreads } from "./ocr-fold.js";
import { spacedDigitsView } from "./spaced-digits.js";
import { RECOGNIZERS } from "./recognizers/index.js";
import type { Channel, Recognizer, RecognizerInput } from "./types.js";

// Inputs that make backtracking regexes blow up: long runs of the characters patterns repeat over.
const UNITS = [
  "a",
  "A",
  "1",
  "1 ",
  "1-",
  "1.",
  "12.",
  "@",
  "a@",
  ".",
  "a.",
  "-",
  "=",
  "a=",
  "Ab3+",
  "Ab3_",
  "Aa ",
  "Mr. ",
  "Anna ",
  "\n",
  ":",
  "a:",
  "ab:",
  "/",
  "http://",
  "a/",
  "0x",
  "password: ",
  "-----BEGIN ",
  "eyJ",
  "sk-",
  "4111 ",
  "a_",
  "Ab",
  "1,",
  "(1) ",
  "+1 ",
  "%",
  "\\n",
  '"',
  "'",
  "a1",
  "St ",
  "12 Main St ",
  // many URLs in one text: each URL's parse once searched the whole text before or after it
  "http://a.com/x ",
  "see https://example.com/a?b=c ok ",
  "http://[::1 ",
  // "pass:" reads its line back for a user name's label: that read once went back to the text's start
  "pass: x ",
  // IPv6 addresses with an IPv4 tail: each IPv4 address was compared with every IPv6 one
  "::ffff:192.0.2.1 ",
  // a screen's key labels (secret-screen-label reads the words after each)
  "key Ab1 ",
  "secret_",
  "KEY= ",
  // Chinese, Japanese and Korean names and addresses
  "中",
  "中1",
  "路8号, ",
  "1丁目",
  "가",
  "가로 1 ",
  "王伟 E. ",
  "Hi 王, ",
  "文 said ",
  "Anna\u200c",
  // short password flags of terminal commands; Welsh articles, Hebrew house numbers
  "mysql -pAb3 ",
  "<<<",
  // vehicle and staff numbers
  "plate ",
  "plate no # ",
  "plate A1 ",
  "badge #1234",
  "vin ",
  // coordinates
  "1.1234, ",
  "1.12345 ",
  "1°1'1\"N ",
  "lat=1.123",
  // handles
  "@a ",
  "(@ab) ",
  " @a.b-c_d",
  "sudo -S <<< a ",
  "printf a | sudo -S ",
  "docker login -p ",
  "Cil Y ",
  // ages spelt out
  "forty-two year ",
  "aged one hundred and ",
  "רחוב 'א5 ",
  // tables: a header and a row, and a header's words alone
  "name,phone\nAb,1\n",
  "name;",
  "| name | email |\n",
];

function input(text: string, channel: Channel = "typed"): RecognizerInput {
  return { text, lower: text.toLowerCase(), channel };
}

function minTime(fn: () => void, runs = 3): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

/** `r` on 8x the input takes at most ~8x as long (24x allowed for noise), for runs of each unit. */
function expectLinear(r: Recognizer, channel: Channel, units: readonly string[]): void {
  for (const unit of units) {
    const small = input(unit.repeat(Math.ceil(12_500 / unit.length)) + "!", channel);
    const big = input(unit.repeat(Math.ceil(100_000 / unit.length)) + "!", channel);
    const ts = minTime(() => r.detect(small));
    const tb = minTime(() => r.detect(big));
    // 8x the input: linear code takes ~8x; quadratic takes ~64x. Allow noise on tiny timings.
    expect(
      tb,
      `${r.id} on runs of ${JSON.stringify(unit)}: ${ts.toFixed(1)} ms → ${tb.toFixed(1)} ms`,
    ).toBeLessThan(Math.max(ts * 24, 60));
  }
}

describe("no recognizer is super-linear on adversarial input", () => {
  for (const r of RECOGNIZERS) {
    // (on each channel the recognizer reads: the screen recognizer reads titles and OCR text differently)
    for (const channel of r.channels ?? (["typed"] as const))
      it(`${r.id} scales linearly${r.channels ? ` (${channel})` : ""}`, () =>
        expectLinear(r, channel, UNITS));
  }

  // Recognizers that read every channel but have paths of their own on the ocr channel (OCR's misreadings)
  for (const id of ["iban", "email"])
    it(`${id} scales linearly (ocr)`, () =>
      expectLinear(
        RECOGNIZERS.find((x) => x.id === id)!,
        "ocr",
        [...UNITS, "AB12 ", "A1 1234 ", "GB12 ABCD ", "a. ", "a @b. ", "From: a b@"],
      ));

  // Inputs whose quadratic part only shows on long texts (the constant is small): 16x the input, at most 48x the time.
  const LONG: [string, string][] = [
    ["ip-address", "::ffff:192.0.2.1 "],
    ["street-address", "4丁目1番4号 桑原394号室: "],
    // a capitalised word before a Chinese name once matched a pattern against the whole text before it
    ["person-cjk", "Tenant 明軒 paid. "],
    // a name in no list in lower-case chat: the check for code on its line once read the whole line for each
    ["person", "with zartinaqwertyuioplkj and "],
  ];
  for (const [id, unit] of LONG) {
    it(`${id} scales linearly on long runs of ${JSON.stringify(unit)}`, () => {
      const r = RECOGNIZERS.find((x) => x.id === id)!;
      const small = input(unit.repeat(Math.ceil(25_000 / unit.length)));
      const big = input(unit.repeat(Math.ceil(400_000 / unit.length)));
      const ts = minTime(() => r.detect(small));
      const tb = minTime(() => r.detect(big), 2);
      expect(tb, `${ts.toFixed(1)} ms → ${tb.toFixed(1)} ms`).toBeLessThan(Math.max(ts * 48, 400));
    });
  }

  // One long word where a name can stand: the checks of a name no list holds look up its parts, which once cost
  // the square of the word's length (40,000 letters: 3 s)
  it("person scales linearly on one long capitalised word after a person's cue", () => {
    const r = RECOGNIZERS.find((x) => x.id === "person")!;
    const word = (n: number) => input(`thanks to Q${"a".repeat(n)} for it`);
    const ts = minTime(() => r.detect(word(12_500)));
    const tb = minTime(() => r.detect(word(100_000)));
    expect(tb, `${ts.toFixed(1)} ms → ${tb.toFixed(1)} ms`).toBeLessThan(Math.max(ts * 24, 60));
  });

  // A listed name in lower-case chat: the check for a hyphen in it once searched on to the text's end. The search is
  // fast, so its square shows only past a megabyte (4 MB: 6 s, now 0.6 s)
  it("person scales linearly on long lower-case chat of listed names", () => {
    const r = RECOGNIZERS.find((x) => x.id === "person")!;
    const unit = "did andreas go ";
    const ts = minTime(() => r.detect(input(unit.repeat(100_000 / unit.length))));
    const tb = minTime(() => r.detect(input(unit.repeat(1_600_000 / unit.length))), 2);
    expect(tb, `${ts.toFixed(1)} ms → ${tb.toFixed(1)} ms`).toBeLessThan(Math.max(ts * 32, 400));
  });

  // A record equal to the one before (a window title seen again): memos keyed by the last text compared the two
  // equal texts letter by letter for every word (person: 400K letters, 2.5 s, now 0.06 s) or every run of digits
  // (national-id, id-document: 200K letters of "0x", 1.8 s, now 0.1 s)
  const AGAIN: [string, string][] = [
    ["person", "did andreas go "],
    ["national-id", "0x"],
    ["id-document", "0x"],
  ];
  for (const [id, unit] of AGAIN) {
    it(`${id} scales linearly on a long record of ${JSON.stringify(unit)} equal to the one before`, () => {
      const r = RECOGNIZERS.find((x) => x.id === id)!;
      const again = (size: number) => {
        r.detect(input(unit.repeat(size / unit.length)));
        return minTime(() => r.detect(input(unit.repeat(size / unit.length))), 1);
      };
      const ts = Math.min(again(25_000), again(25_000));
      const tb = again(400_000);
      expect(tb, `${ts.toFixed(1)} ms → ${tb.toFixed(1)} ms`).toBeLessThan(Math.max(ts * 48, 400));
    });
  }

  // "corner of", or a postcode after "in" and a place, in a lower-case text with one capital at its end: each
  // compared the text with its lower-cased form
  for (const unit of ["corner of elm and oak ", "in bjert 6091 "]) {
    it(`street-address scales linearly on runs of ${JSON.stringify(unit)} before a late capital`, () => {
      const r = RECOGNIZERS.find((x) => x.id === "street-address")!;
      const at = (size: number) => input(unit.repeat(size / unit.length) + "X");
      // (32x the input: the comparison is fast, so its square shows only on longer texts)
      const ts = minTime(() => r.detect(at(25_000)));
      const tb = minTime(() => r.detect(at(800_000)), 2);
      expect(tb, `${ts.toFixed(1)} ms → ${tb.toFixed(1)} ms`).toBeLessThan(Math.max(ts * 96, 400));
    });
  }

  it("the whole engine handles 5 MB of OCR text with misread digits in bounded time (it is read twice)", () => {
    const text = "Call +44 2O 7946 O958 or Zorqual Vennik  10:42 AM ".repeat(5_000_000 / 50);
    const t0 = performance.now();
    const a = analyze(text, { channel: "ocr" });
    expect(a.spans.length).toBe(100_000);
    expect(performance.now() - t0).toBeLessThan(20_000);
  });

  it("folding OCR's misreadings is linear on inputs built against each of its patterns", () => {
    const n = 400_000;
    for (const unit of [
      "a.",
      "1,1.",
      "12,",
      "DE0",
      "x@@a.",
      "x¢a. ",
      "1 $1",
      "$12",
      "AB12 1234 1234 1234.1 ",
      "1.1 ",
      "ag.co ",
      "Email a.bgc.io ",
      "gg.",
      "Email aGb.co ",
      "x{Y1",
      "a]B2",
      "a&@",
      "@11-1",
    ]) {
      const small = unit.repeat(n / 8) + "!";
      const big = unit.repeat(n) + "!";
      const time = (t: string) => {
        const t0 = performance.now();
        foldOcrMisreads(t);
        return performance.now() - t0;
      };
      time(small);
      // eight times the text may take eight times as long and some more, not 64 times
      expect(time(big), unit).toBeLessThan(40 * Math.max(1, time(small)) + 200);
    }
  });

  it("the spaced-number view is linear on runs of spaced digits and its near misses", () => {
    const n = 400_000;
    for (const unit of ["1 ", "1  ", "1234  ", "1\t", "v1 ", "12345 1 ", "1 2 3.", "1 a "]) {
      const time = (t: string) => {
        const t0 = performance.now();
        spacedDigitsView(t);
        return performance.now() - t0;
      };
      const small = unit.repeat(n / 8 / unit.length) + "!";
      const big = unit.repeat(n / unit.length) + "!";
      time(small);
      expect(time(big), unit).toBeLessThan(40 * Math.max(1, time(small)) + 200);
    }
  });

  it("the whole engine handles a 10 MB line in bounded time", () => {
    const line = "Lorem ipsum 4111 1111 1111 1111 jane@example.com ".repeat(10_000_000 / 49);
    const t0 = performance.now();
    const a = analyze(line);
    expect(a.spans.length).toBeGreaterThan(0);
    expect(performance.now() - t0).toBeLessThan(20_000);
  });
});
