/**
 * OCR reads digits as the letters they look like ("2O 7946 O958", "1lll", "67B9"): the number recognizers then
 * see no number and the value is stored. The engine also reads OCR text with those letters folded back to digits
 * inside tokens that hold a digit, and keeps what either reading finds.
 */

/** Letters OCR gives for digits, and the digit each stands for. */
const CONFUSED: Readonly<Record<string, string>> = {
  O: "0",
  o: "0",
  D: "0",
  Q: "0",
  I: "1",
  l: "1",
  "|": "1",
  Z: "2",
  z: "2",
  S: "5",
  s: "5",
  G: "6",
  B: "8",
};

/** A character of a token that may be a number: a digit, or a letter OCR gives for one. */
function numberish(c: string): boolean {
  return (c >= "0" && c <= "9") || CONFUSED[c] !== undefined;
}

/**
 * `text` with every run of digits and digit-like letters that holds at least one digit and no other letter
 * written with digits only; the same length, so offsets hold. Text without such a run comes back as it is.
 * @example foldOcrDigits("Call +44 2O 7946 O958") // "Call +44 20 7946 0958"
 * @example foldOcrDigits("SOS at 10 o'clock") // "SOS at 10 o'clock"
 */
export function foldOcrDigits(text: string): string {
  let out: string[] | undefined;
  let i = 0;
  while (i < text.length) {
    if (!numberish(text[i]!)) {
      i++;
      continue;
    }
    // the whole run of letters and digits around it must be number-like, or it is a word ("Oslo", "B2B" stays)
    let e = i;
    let digits = 0;
    let letters = 0;
    while (e < text.length && numberish(text[e]!)) {
      if (text[e]! >= "0" && text[e]! <= "9") digits++;
      else letters++;
      e++;
    }
    const before = i > 0 ? text.charCodeAt(i - 1) : 32;
    const after = e < text.length ? text.charCodeAt(e) : 32;
    const wordAround = isLetter(before) || isLetter(after);
    // at least as many real digits as letters: "O958", "1lll"? (1 of 4) is a run a card's group reads as digits
    // only beside other digit groups, so a single digit with letters must sit between numbers
    if (letters > 0 && digits > 0 && !wordAround && (digits >= letters || besideNumber(text, i, e))) {
      out ??= text.split("");
      for (let k = i; k < e; k++) {
        const d = CONFUSED[text[k]!];
        if (d !== undefined) out[k] = d;
      }
    }
    i = e;
  }
  return out === undefined ? text : out.join("");
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 127;
}

/**
 * Another number-like run stands within two characters before `s` or after `e`: "4111 1111 1lll 1111" (judged
 * by the characters as read, so that folding twice changes nothing more).
 */
function besideNumber(text: string, s: number, e: number): boolean {
  const near = (k: number) => k >= 0 && k < text.length && numberish(text[k]!);
  return near(s - 2) || near(s - 3) || near(e + 1) || near(e + 2);
}
