import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { L_COMMON, L_FIRST, lexicon } from "./lexicon.js";

const common = (bits: number) => (bits & L_COMMON) !== 0;

/** What `slipMatch` must answer, the slow way: every variant built as a string and looked up. */
function slipByStrings(w: string, wide: boolean, accept: (bits: number) => boolean): boolean {
  const look = (v: string) => accept(lexicon().peekRange(v, 0, v.length));
  const L = w.length;
  for (let k = 0; k < L; k++) {
    if (look(w.slice(0, k) + w.slice(k + 1))) return true;
    if (k + 1 < L && look(w.slice(0, k) + w[k + 1] + w[k] + w.slice(k + 2))) return true;
  }
  if (!wide) return false;
  for (let k = 0; k <= L; k++)
    for (const c of "abcdefghijklmnopqrstuvwxyz") {
      if (k < L && c !== w[k] && look(w.slice(0, k) + c + w.slice(k + 1))) return true;
      if (look(w.slice(0, k) + c + w.slice(k))) return true;
    }
  return false;
}

describe("lexicon: words one slip of typing away", () => {
  it("finds the word a typing slip came from", () => {
    const lex = lexicon();
    const at = (w: string, wide = true) => lex.slipMatch(w, 0, w.length, wide, common);
    expect(at("untill", false)).toBe(true); // a letter added
    expect(at("recieve", false)).toBe(true); // two swapped
    expect(at("definately")).toBe(true); // a letter changed
    expect(at("govrnment")).toBe(true); // a letter dropped
    expect(at("govrnment", false)).toBe(false); // ... which only the wide search tries
    expect(at("zqxvbnrt")).toBe(false);
  });

  it("reads the word inside a longer string, ’ as '", () => {
    const lex = lexicon();
    expect(lex.slipMatch("say untill now", 4, 10, false, common)).toBe(true);
    expect(lex.slipMatch("dont’", 0, 5, false, common)).toBe(slipByStrings("dont'", false, common));
  });

  it("answers as building every variant as a string would", () => {
    const lex = lexicon();
    // slips of real words (so that matches occur) and random letters (so that misses do)
    const words = ["government", "tomorrow", "meeting", "through", "because", "calendar", "anna", "jonathan"];
    const slipped = fc
      .tuple(
        fc.constantFrom(...words),
        fc.nat(12),
        fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz"),
        fc.nat(3),
      )
      .map(([w, at, c, op]) => {
        const k = at % (w.length + 1);
        if (op === 0) return w.slice(0, k) + w.slice(k + 1);
        if (op === 1) return w.slice(0, k) + c + w.slice(k);
        if (op === 2) return w.slice(0, k) + c + w.slice(k + 1);
        return w.slice(0, k) + w[k + 1] + w[k] + w.slice(k + 2);
      });
    const random = fc
      .array(fc.constantFrom(..."abcdeilmnorstu’"), { minLength: 1, maxLength: 14 })
      .map((a) => a.join(""));
    fc.assert(
      fc.property(fc.oneof(slipped, random), fc.boolean(), fc.boolean(), (w, wide, names) => {
        const accept = names ? (b: number) => (b & L_FIRST) !== 0 : common;
        const ref = slipByStrings(w.replace(/’/g, "'"), wide, accept);
        expect(lex.slipMatch(w, 0, w.length, wide, accept)).toBe(ref);
      }),
      { numRuns: 400 },
    );
  });
});
