import type { DirectoryPerson, OrgDirectory } from "../../types.js";
import { L_COMMON, lexicon } from "./lexicon.js";
import { tokenize } from "./tokens.js";

/**
 * Prepare the organisation's people for matching: their full names, first and last names (and
 * usernames that are not common words) lower-cased and NFC-normalised. The person recognizer then
 * finds these names in any case ("anna schmidt", "ANNA") with top confidence. Name parts of one or
 * two letters are left out (they would match initials and words).
 * @example prepareDirectory([{ name: "Anna Schmidt" }]).tokens.has("schmidt") // true
 */
export function prepareDirectory(people: readonly DirectoryPerson[]): OrgDirectory {
  const tokens = new Set<string>();
  const fullNames: string[] = [];
  const lex = lexicon();
  const addWord = (w: string, allowCommon: boolean) => {
    const k = w.normalize("NFC").toLowerCase().replace(/’/g, "'");
    if (k.length < 3) return;
    if (!allowCommon && lex.get(k) & L_COMMON) return;
    tokens.add(k);
  };
  for (const p of people) {
    const name = (p.name ?? "").normalize("NFC").trim();
    if (name) {
      const t = tokenize(name);
      const parts: string[] = [];
      for (let i = 0; i < t.count; i++) parts.push(name.slice(t.start[i], t.end[i]));
      // a name that is a common word ("Will") is kept: the recognizer matches it only when capitalised
      for (const part of parts) addWord(part, true);
      if (parts.length > 1) fullNames.push(parts.join(" ").toLowerCase());
    }
    if (p.username) {
      const u = p.username.trim();
      if (/^[\p{L}\p{N}._-]{3,64}$/u.test(u)) addWord(u, false);
    }
  }
  return { tokens, fullNames };
}
