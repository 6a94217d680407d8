import type { Detection, Recognizer } from "../../types.js";

// Local part and domain are bounded so that a long run of word characters cannot backtrack badly:
// the '@' anchor is found with indexOf and each side is scanned linearly.
const LOCAL_CHAR = /[A-Za-z0-9._%+\-']/;
const DOMAIN_RE = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}/;

/** Email addresses: anchored on '@', local part scanned backwards, domain must end in a TLD-shaped label. */
export const email: Recognizer = {
  id: "email",
  types: ["EMAIL_ADDRESS"],
  detect({ text }) {
    const out: Detection[] = [];
    let at = text.indexOf("@");
    while (at >= 0) {
      let s = at;
      while (s > 0 && at - s < 64 && LOCAL_CHAR.test(text[s - 1]!)) s--;
      while (s < at && (text[s] === "." || text[s] === "'")) s++;
      if (s < at) {
        const m = DOMAIN_RE.exec(text.slice(at + 1, at + 256));
        if (m) {
          const end = at + 1 + m[0].length;
          out.push({ start: s, end, type: "EMAIL_ADDRESS", score: 0.95, level: 3, recognizer: "email" });
          at = text.indexOf("@", end);
          continue;
        }
      }
      at = text.indexOf("@", at + 1);
    }
    return out;
  },
};
