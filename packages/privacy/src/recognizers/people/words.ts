/**
 * Small exact word tables: a lower-case word -> an int (flags and/or a word id), looked up straight
 * from a range of the record's lower-cased text, so that context checks cost a hash over the token's
 * characters and one probe instead of a substring plus a Set lookup. The right single quotation mark
 * ’ counts as the apostrophe ' on both sides.
 */
export class WordTable {
  private readonly keys: string[];
  private readonly vals: Int32Array;
  private readonly mask: number;

  /** `entries`: word and value; the values of a word listed twice are OR-ed. */
  constructor(entries: Iterable<readonly [string, number]>) {
    const list: [string, number][] = [];
    const index = new Map<string, number>();
    for (const [w0, v] of entries) {
      const w = w0.replace(/’/g, "'");
      const at = index.get(w);
      if (at === undefined) {
        index.set(w, list.length);
        list.push([w, v]);
      } else list[at]![1] |= v;
    }
    let size = 16;
    while (size < list.length * 4) size <<= 1;
    this.mask = size - 1;
    this.keys = new Array<string>(size).fill("");
    this.vals = new Int32Array(size);
    for (const [w, v] of list) {
      let i = hashRange(w, 0, w.length) & this.mask;
      while (this.keys[i] !== "") i = (i + 1) & this.mask;
      this.keys[i] = w;
      this.vals[i] = v;
    }
  }

  /**
   * The value of the word `str[s..e)` (0 when absent). No allocation.
   * @example new WordTable([["name", 1]]).getRange("my name", 3, 7) // 1
   */
  getRange(str: string, s: number, e: number): number {
    const len = e - s;
    if (len <= 0 || len > 24) return 0;
    let i = hashRange(str, s, e) & this.mask;
    const keys = this.keys;
    for (;;) {
      const k = keys[i]!;
      if (k === "") return 0;
      if (k.length === len) {
        let q = 0;
        for (; q < len; q++) {
          let c = str.charCodeAt(s + q);
          if (c === 0x2019) c = 39;
          if (c !== k.charCodeAt(q)) break;
        }
        if (q === len) return this.vals[i]!;
      }
      i = (i + 1) & this.mask;
    }
  }

  /**
   * The value of `word` (0 when absent).
   * @example new WordTable([["name", 1]]).get("name") // 1
   */
  get(word: string): number {
    return this.getRange(word, 0, word.length);
  }
}

function hashRange(str: string, s: number, e: number): number {
  let h = 0x811c9dc5 ^ (e - s);
  for (let k = s; k < e; k++) {
    let c = str.charCodeAt(k);
    if (c === 0x2019) c = 39;
    h = Math.imul(h ^ c, 16777619);
  }
  return (h ^ (h >>> 15)) >>> 0;
}

/**
 * Build table entries from word lists: every word of `words` gets `value`.
 * @example [...entries(["a", "b"], 2)] // [["a", 2], ["b", 2]]
 */
export function* entries(words: Iterable<string>, value: number): Iterable<readonly [string, number]> {
  for (const w of words) yield [w, value] as const;
}
