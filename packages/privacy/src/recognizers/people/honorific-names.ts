/**
 * Names in Chinese, Japanese and Korean writing. These scripts have no capital letters, and Chinese and Japanese
 * no spaces, so the person recognizer's cues do not exist there. What does exist is the honorific written right
 * after a name — 田中さん, 王先生, 김민준 씨 — and the name before it starts with a family name from a list.
 * Only names with such an honorific (or after 我叫 / 我是, "I am called") are found in text of those languages. Inside
 * text written in Latin letters, a short run of those scripts with a listed family or given name is found too.
 */
import type { Detection, Recognizer } from "../../types.js";
import cjk from "../../../data/cjk-names.json" with { type: "json" };
import { CH_NONASCII, peekTokens } from "./tokens.js";
import { PERSON_LABELS } from "./labels.js";

const ID = "person-cjk";

const setOf = (s: string): ReadonlySet<string> => new Set(s.split("\n").filter(Boolean));
function load() {
  return {
    zh: setOf(cjk.zhFamily),
    ja: setOf(cjk.jaFamily),
    jaGiven: setOf(cjk.jaGiven),
    ko: setOf(cjk.koFamily),
    koGiven: setOf(cjk.koGiven),
  };
}
let lists: ReturnType<typeof load> | undefined;
function names(): ReturnType<typeof load> {
  return (lists ??= load());
}

/** A Han ideograph (or 々, which repeats one): the characters of Chinese and most Japanese names. */
function isHan(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || c === 0x3005;
}
function isHangul(c: number): boolean {
  return c >= 0xac00 && c <= 0xd7a3;
}

// Honorifics that follow a name. Japanese: さん 様 さま くん 君 ちゃん 先生 氏 殿. Chinese: 先生 女士 小姐 老师 老師.
const HAN_HONORIFIC = /さん|さま|様|くん|君|ちゃん|先生|氏|殿|女士|小姐|老师|老師/g;
const KO_HONORIFIC = /씨|님/g;
const ZH_INTRO = /我叫|我是/g;
const HAS_CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7a3]/;
/**
 * Chinese words after which a name follows (greetings, thanks, labels, "send to", "tell"), and the verbs that follow
 * a name at a clause's start ("张伟说", "李娜打电话"): Chinese writes no honorific in most messages.
 */
const ZH_CUE_BEFORE =
  /(?:你好|您好|谢谢|謝謝|感谢|感謝|联系人|聯絡人|聯繫人|收件人|收货人|收貨人|姓名|负责人|負責人|发给|發給|转给|轉給|寄给|寄給|交给|交給|告诉|告訴|转告|轉告|通知|抄送|请问|請問|跟|与|與)[，,：:\s]*/g;
const ZH_CUE_AFTER =
  /说|說|告诉我|告訴我|打电话|打電話|打了电话|发来|發來|回复了|回覆了|的电话|的電話|的邮箱|的地址|今天请假|今天請假/g;
/** Words that start with a family name's character and stand where a name would ("明天说", "马上说", "谢谢，你"). */
const ZH_NOT_NAMES = new Set(
  "谢谢 謝謝 谢了 明天 今天 昨天 后天 白天 周末 周一 周二 周三 周四 周五 周六 周日 马上 高兴 安全 文件 方面 时候 时间 王国 黄色 金额 江湖 林业 向来 常常 毛病 钱包 秦朝 汉语".split(
    " ",
  ),
);

/**
 * The name ending at `end` in a run of Han characters: the longest tail of the run (at most four characters) that
 * is a family name, alone or with a listed given name; failing that, the longest that is a family name and one or
 * two more characters (Chinese given names are not listed; Japanese ones often are not: 山田太郎).
 */
function hanNameBefore(text: string, end: number, chinese: boolean, japanese: boolean): number {
  let s = end;
  while (s > 0 && end - s < 6 && isHan(text.charCodeAt(s - 1))) s--;
  const { zh, ja, jaGiven } = names();
  for (let pass = 0; pass < 2; pass++)
    for (let from = Math.max(s, end - 4); from < end; from++) {
      const tail = text.slice(from, end);
      for (let k = Math.min(3, tail.length); k >= 1; k--) {
        const family = tail.slice(0, k);
        const given = tail.slice(k);
        const known = (japanese && ja.has(family)) || (chinese && zh.has(family));
        if (!known) continue;
        if (pass === 0 ? given === "" || (japanese && jaGiven.has(given)) : given.length <= 2) return from;
      }
    }
  return -1;
}

/**
 * The start of a listed Japanese given name in kana ending at `end` ("あゆみ"), taking a listed family name in Han
 * characters right before it ("遠藤あゆみ"); -1 when the kana run before `end` is no listed given name.
 */
function kanaGivenBefore(text: string, end: number): number {
  let s = end;
  while (s > 0 && end - s < 6 && isKana(text.charCodeAt(s - 1))) s--;
  const { ja, jaGiven } = names();
  if (s === end || !jaGiven.has(text.slice(s, end))) return -1;
  for (let k = Math.min(3, s); k >= 1; k--) if (ja.has(text.slice(s - k, s))) return s - k;
  return s;
}

function isKana(c: number): boolean {
  return c >= 0x3040 && c <= 0x30ff;
}
function isCjk(c: number): boolean {
  return isHan(c) || isHangul(c) || isKana(c);
}
/** A character of the Thai block (letters, vowel signs and tone marks). */
function isThai(c: number): boolean {
  return c >= 0x0e01 && c <= 0x0e5b;
}
/**
 * A letter or mark of a script that has no capitals and no name list here (Thai, Arabic, Hebrew), or the zero-width
 * non-joiner inside a Persian word: names in it are found only where English puts a name.
 */
function isCueScript(c: number): boolean {
  return (
    isThai(c) ||
    (c >= 0x05d0 && c <= 0x05f2) || // Hebrew letters
    (c >= 0x0620 && c <= 0x065f) || // Arabic letters and vowel marks
    (c >= 0x066e && c <= 0x06d3) || // Persian, Urdu letters
    c === 0x06d5 ||
    c === 0x200c
  );
}

/**
 * The text is written in Latin letters, with at least as many of them as Chinese, Japanese or Korean characters
 * (`cjk`), or with some Latin words and Thai, Arabic or Hebrew ones (`cue`): a short run of those scripts inside it
 * is a foreign word, most often a person's or a place's name. Undefined when the text holds none of them, or too
 * few Latin letters.
 */
function latinDominant(text: string): { cjk: boolean; cue: boolean; few: boolean } | undefined {
  let latin = 0;
  let cjk = 0;
  let cue = 0;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c < 0x80) {
      if ((c | 32) >= 97 && (c | 32) <= 122) latin++;
    } else if (c >= 0x0590) {
      if (isCjk(c)) cjk++;
      else if (isCueScript(c)) cue++;
    }
  }
  // none of those characters: nothing for namesInLatinText to find (accented Latin text comes here too)
  // (six: "Signed, 哲瀚 謝"; a form's field may have fewer, "Name: 明軒", and is read by its label alone: `few`)
  if (latin < 2 || cjk + cue === 0) return undefined;
  // a cue is an English word beside the name, so English words suffice: the rest may be an address in Arabic
  return { cjk: cjk > 0 && latin >= cjk, cue: cue > 0, few: latin < 6 };
}

/** One word of a name written in Han, Hangul or kana characters is a listed family or given name. */
function listedNameWord(w: string): boolean {
  const { zh, ja, jaGiven, ko, koGiven } = names();
  const c = w.charCodeAt(0);
  // (a lone family syllable is not enough: "이 사람" is "this person")
  if (isHangul(c)) return koGiven.has(w) || (w.length === 3 && ko.has(w[0]!));
  if (isKana(c)) return jaGiven.has(w);
  // a family name alone or before a given name of one or two characters ("王", "王伟", "司马光", "竹下")
  return (
    ja.has(w) ||
    jaGiven.has(w) ||
    zh.has(w) ||
    (w.length <= 3 && zh.has(w[0]!)) ||
    (w.length <= 4 && w.length >= 3 && zh.has(w.slice(0, 2)))
  );
}

/**
 * Names written in Chinese, Japanese or Korean characters inside a text written in Latin letters ("account of 洋子
 * 竹下", "윤재 서 and 루아 are meeting"): a run of one or two such words, each of at most four characters (see
 * `nameHere`). With `cue`, the same for Thai, Arabic and Hebrew script, whose names are longer words and have no
 * list here: one to three words, only where English puts a name ("Hi ธราวิทญ์,", "account of أنسيف أمود").
 */
function namesInLatinText(text: string, out: Detection[], cue: boolean, few: boolean): void {
  const inRun = cue ? isCueScript : isCjk;
  const maxWord = cue ? 20 : 4;
  const maxWords = cue ? 3 : 2;
  const n = text.length;
  let k = 0;
  while (k < n) {
    if (!inRun(text.charCodeAt(k))) {
      k++;
      continue;
    }
    const start = k;
    const words: [number, number][] = [];
    for (;;) {
      const ws = k;
      while (k < n && inRun(text.charCodeAt(k))) k++;
      words.push([ws, k]);
      if (k + 1 < n && text.charCodeAt(k) === 32 && inRun(text.charCodeAt(k + 1))) k++;
      else if (latinInitialAt(text, k) && inRun(text.charCodeAt(k + 4)))
        k += 4; // "哲也 E. 村上"
      else break;
    }
    // a word character right before or after: part of a longer token ("ABC株式会社", "7丁目8番")
    const before = start > 0 ? text.charCodeAt(start - 1) : 32;
    const after = k < n ? text.charCodeAt(k) : 32;
    const glued =
      /[\p{L}\p{N}]/u.test(String.fromCharCode(before)) || /[\p{L}\p{N}]/u.test(String.fromCharCode(after));
    if (glued || words.length > maxWords || !words.every(([a, b]) => b - a <= maxWord)) continue;
    // (with few Latin letters, only a label before the run says the text is a form's and the run a name in it)
    if (
      few
        ? labelBefore(text, start)
        : cue
          ? cueBefore(text, start) || cueAfter(text, k)
          : nameHere(text, words, start, k)
    )
      push(out, start, k, 0.7);
  }
}

/**
 * The run of `words` from `start` to `end` is a name: one of its words is listed, or it stands where English puts a
 * name ("Hi 宇泽,", "ask 明軒", "立軒 said": Chinese given names are not listed). A lone character is too often a word
 * or a symbol of its own ("中文", "文"): it needs a cue, or to be a listed given name ("翼").
 */
function nameHere(text: string, words: readonly [number, number][], start: number, end: number): boolean {
  const cue = (): boolean =>
    words.every(([a, b]) => b - a <= 3) && (cueBefore(text, start) || cueAfter(text, end));
  if (words.length === 1 && end - start === 1) return names().jaGiven.has(text.slice(start, end)) || cue();
  if (words.some(([a, b]) => listedNameWord(text.slice(a, b))) || cue()) return true;
  // a Chinese given name of two or three characters where an English sentence puts a person ("Tenant 明軒 paid",
  // "covering for 鶴軒 this week", "睿渊 is out sick"), not after an article, a possessive or a preposition of things
  return (
    words.length === 1 &&
    end - start >= 2 &&
    end - start <= 3 &&
    isHan(text.charCodeAt(start)) &&
    !HAN_WORDS.has(text.slice(start, end)) &&
    (personWordBefore(text, start) || personVerbAfter(text, start, end))
  );
}

/** Words in Chinese characters that people type inside English text and that are no names. */
const HAN_WORDS = new Set([
  "中文",
  "中国",
  "汉语",
  "漢語",
  "汉字",
  "漢字",
  "日本",
  "日语",
  "英语",
  "你好",
  "谢谢",
  "謝謝",
  "加油",
]);

/** English words after which a word in Chinese characters is a thing, not a person ("the 火锅", "some 茶"). */
const HAN_THING_BEFORE = new Set([
  "the",
  "a",
  "an",
  "this",
  "that",
  "my",
  "your",
  "our",
  "their",
  "his",
  "her",
  "its",
  "some",
  "any",
  "of",
  "in",
  "on",
  "eat",
  "ate",
  "eating",
  "drink",
  "order",
  "ordered",
  "called",
  "means",
  "word",
  "character",
  "characters",
  "say",
  "says",
  "write",
  "wrote",
  "type",
  "typed",
  "learn",
  "learned",
  "like",
  "love",
]);

/**
 * The word right before `start` (across one space, or a comma and a space) is an English word of a sentence that
 * is no HAN_THING_BEFORE word: "by", "for", "with", "Tenant", "Did".
 */
function personWordBefore(text: string, start: number): boolean {
  let e = start;
  if (e > 0 && text.charCodeAt(e - 1) === 32) e--;
  else return false;
  let s = e;
  while (
    s > 0 &&
    (((text.charCodeAt(s - 1) | 32) >= 97 && (text.charCodeAt(s - 1) | 32) <= 122) ||
      text.charCodeAt(s - 1) === 39)
  )
    s--;
  if (e - s < 2 || (s > 0 && /[\p{L}\p{N}]/u.test(text[s - 1]!))) return false;
  const word = text.slice(s, e);
  // a lower-case word of a sentence, or a capitalised one starting its line ("Tenant 明軒"), not a label in capitals
  const c = word.charCodeAt(0);
  if (c < 97 && !(word.slice(1) === word.slice(1).toLowerCase() && lineStartsAt(text, s))) return false;
  return !HAN_THING_BEFORE.has(word.toLowerCase());
}

/** The run `start..end` starts the text or a line, and a person's verb follows it: "睿渊 is out sick", "楷瑞 wants". */
function personVerbAfter(text: string, start: number, end: number): boolean {
  return (
    /^ (?:is|was|has|had|will|wants|needs|said|says|asked|and I\b)/.test(text.slice(end, end + 8)) &&
    lineStartsAt(text, start)
  );
}

/** Only spaces or tabs stand between the text's or a line's start and `pos`. */
function lineStartsAt(text: string, pos: number): boolean {
  let k = pos;
  while (k > 0 && (text.charCodeAt(k - 1) === 32 || text.charCodeAt(k - 1) === 9)) k--;
  return k === 0 || text.charCodeAt(k - 1) === 10;
}

/** Words right before a name in English: greetings, introductions, labels ("Hi X", "it's X", "Name: X"). */
const CUES_BEFORE = new Set([
  "hi",
  "hello",
  "hey",
  "dear",
  "thanks",
  "thank you",
  "cheers",
  "it's",
  "i'm",
  "this is",
  "ask",
  "tell",
  "call",
  "ping",
  "cc",
  "contact",
  "name",
  "account of",
  // a sign-off, a role or a label before a person ("Signed, 哲瀚", "Owner: 健雄", "Patient: 思源"), and the English
  // of asking after one ("Can you loop in 鶴軒", "Who is 民?", "Happy birthday 수지", "my friend 민준")
  "signed",
  "owner",
  "patient",
  "assignee",
  "reviewer",
  "tenant",
  "candidate",
  "loop in",
  "who is",
  "birthday",
  "friend",
  // labels of forms and invitations ("Payee: 王芳", "RSVP: מואל", "Next of kin: …")
  "payee",
  "rsvp",
  "kin",
  "introducing",
]);
/** Words right after a name in English ("X said", "X wrote"). */
const CUES_AFTER = new Set(["said", "says", "wrote", "writes", "replied", "asked"]);

/**
 * A word that announces a person's name after a colon (PERSON_LABELS: "Insured: 鶴軒", "Ehegatte: 明軒") ends right
 * before `start`, across the colon and spaces; the label's word is Latin and opens the text, a line or a field.
 */
function labelBefore(text: string, start: number): boolean {
  let e = start;
  while (e > 0 && text.charCodeAt(e - 1) === 32) e--;
  if (e === 0 || text.charCodeAt(e - 1) !== 58) return false;
  e--;
  while (e > 0 && text.charCodeAt(e - 1) === 32) e--;
  let s = e;
  while (s > 0 && e - s <= 24 && /[\p{L}-]/u.test(text[s - 1]!)) s--;
  if (e - s >= 2 && PERSON_LABELS.has(text.slice(s, e).toLowerCase())) return true;
  // a label that opens its line and lower-case words that qualify it: "Executor of the estate: 燁磊"
  const line = text.lastIndexOf("\n", e - 1) + 1;
  if (e - line > 48) return false;
  const m = QUALIFIED_LABEL.exec(text.slice(line, e));
  return m !== null && PERSON_LABELS.has(m[1]!.toLowerCase());
}
/** A line's start before a colon: a word, then at most four lower-case words. */
const QUALIFIED_LABEL = /^[ \t]*([\p{L}-]{2,24})(?: [\p{Ll}'’-]+){1,4}$/u;

/**
 * A cue of CUES_BEFORE (or a label of a person's name before a colon: see `labelBefore`) ends right before `start`
 * (across spaces, a colon or a comma; one or two words, any case, ’ as ').
 */
function cueBefore(text: string, start: number): boolean {
  if (labelBefore(text, start)) return true;
  let e = start;
  while (
    e > 0 &&
    (text.charCodeAt(e - 1) === 32 || text.charCodeAt(e - 1) === 58 || text.charCodeAt(e - 1) === 44)
  )
    e--;
  if (e === start) return false;
  const from = Math.max(0, e - 12);
  const head = text
    .slice(from, e)
    .toLowerCase()
    .replace(/\u2019/g, "'");
  const m = /(?:^|[^a-z'])((?:[a-z']+ )?[a-z']+)$/.exec(head);
  if (!m) return false;
  const two = m[1]!;
  const one = two.slice(two.lastIndexOf(" ") + 1);
  return CUES_BEFORE.has(two) || CUES_BEFORE.has(one);
}

/** A word of CUES_AFTER, or an e-mail address in angle brackets, follows `end` ("立軒 said", "鑫 <a@b.cn> wrote"). */
function cueAfter(text: string, end: number): boolean {
  if (text.charCodeAt(end) !== 32) return false;
  if (text.charCodeAt(end + 1) === 60) return true;
  const m = /^[a-z]+/i.exec(text.slice(end + 1, end + 10));
  return m !== null && CUES_AFTER.has(m[0].toLowerCase());
}

/** " E. " at k: a Latin initial between the words of a name. */
function latinInitialAt(text: string, k: number): boolean {
  const c = text.charCodeAt(k + 1) | 32;
  return (
    k + 4 < text.length &&
    text.charCodeAt(k) === 32 &&
    c >= 97 &&
    c <= 122 &&
    text.charCodeAt(k + 2) === 46 &&
    text.charCodeAt(k + 3) === 32
  );
}

/**
 * Chinese names beside the words that Chinese puts around a person (ZH_CUE_BEFORE, ZH_CUE_AFTER, and a line's
 * start before "，你"): a family name of the list and one or two more characters, ending where the run of Han
 * characters ends or a word that follows names starts ("告诉王芳明天" takes "王芳").
 */
function zhCues(text: string, out: Detection[]): void {
  ZH_CUE_BEFORE.lastIndex = 0;
  for (let m: RegExpExecArray | null; (m = ZH_CUE_BEFORE.exec(text));) {
    const from = m.index + m[0].length;
    const family = zhFamilyLength(text, from);
    if (family === 0) continue;
    // one or two characters of a given name, the second not a word that follows names ("王芳明天", "谭雪的同事")
    let e = from + family;
    let g = 0;
    while (
      g < 2 &&
      e < text.length &&
      isHan(text.charCodeAt(e)) &&
      !(g > 0 && ZH_AFTER_NAME.includes(text[e]!))
    ) {
      e++;
      g++;
    }
    // the run of characters ends with the name, or goes on with such a word
    if (g === 0 || (e < text.length && isHan(text.charCodeAt(e)) && !ZH_AFTER_NAME.includes(text[e]!)))
      continue;
    // (a label's name is found by cjkLabels too)
    if (ZH_NOT_NAMES.has(text.slice(from, from + 2)) || out.some((d) => d.start === from && d.end === e))
      continue;
    push(out, from, e, 0.7);
  }
  // the person spoken to, at a line's start: "戴航，你的快递到了"
  ZH_VOCATIVE.lastIndex = 0;
  for (let m: RegExpExecArray | null; (m = ZH_VOCATIVE.exec(text));) {
    const from = m.index + m[1]!.length;
    const e = from + m[2]!.length;
    const family = zhFamilyLength(text, from);
    if (family === 0 || ZH_NOT_NAMES.has(text.slice(from, e)) || HAN_WORDS.has(text.slice(from, e))) continue;
    push(out, from, e, 0.7);
  }
  ZH_CUE_AFTER.lastIndex = 0;
  for (let m: RegExpExecArray | null; (m = ZH_CUE_AFTER.exec(text));) {
    const end = m.index;
    let s = end;
    while (s > 0 && end - s < 4 && isHan(text.charCodeAt(s - 1))) s--;
    // (at a clause's start only: "昨天张伟说" is left, "张伟说" is taken)
    if (end - s < 2 || end - s > 3 || (s > 0 && !zhClauseBreak(text.charCodeAt(s - 1)))) continue;
    const family = zhFamilyLength(text, s);
    if (family === 0 || end - s < family + 1 || ZH_NOT_NAMES.has(text.slice(s, end))) continue;
    push(out, s, end, 0.7);
  }
}

/** Labels of a person's name on Chinese, Japanese and Korean forms, with their colon. */
const CJK_LABEL =
  /(?:联系人|聯絡人|聯繫人|收件人|收货人|收貨人|姓名|负责人|負責人|担当者?|氏名|名前|宛先|담당자|이름|성명|수신인|받는 사람)[ \t]?[：:][ \t]?/g;

/**
 * The name after a form's label ("担当：小出辰雄（…", "담당자: 방윤찬", "聯絡人：夏，"): one to four Han, kana or Hangul
 * characters (a space between Korean or Japanese family and given names), up to punctuation or the line's end.
 */
function cjkLabels(text: string, out: Detection[]): void {
  CJK_LABEL.lastIndex = 0;
  for (let m: RegExpExecArray | null; (m = CJK_LABEL.exec(text));) {
    const from = m.index + m[0].length;
    let e = from;
    while (
      e < text.length &&
      e - from <= 5 &&
      (isCjk(text.charCodeAt(e)) || (text.charCodeAt(e) === 32 && e > from))
    )
      e++;
    while (e > from && text.charCodeAt(e - 1) === 32) e--;
    if (e === from || e - from > 5) continue;
    const c = e < text.length ? text.charCodeAt(e) : 10;
    // (the name ends there: punctuation, a bracket, a line's end; not more letters of any script)
    if (/[\p{L}\p{N}]/u.test(String.fromCharCode(c))) continue;
    push(out, from, e, 0.75);
  }
}

/** Japanese particles and words after a person: "広田優から電話", "明日野中英樹と…で会います", "佐藤に連絡". */
const JA_AFTER = /から(?:電話|連絡|メール|聞)|と|に(?:連絡|電話|伝え|聞)|が(?:言|来)/g;

/** A listed Japanese family name (and a listed or short given name) right before JA_AFTER. */
function jaParticles(text: string, out: Detection[]): void {
  JA_AFTER.lastIndex = 0;
  for (let m: RegExpExecArray | null; (m = JA_AFTER.exec(text));) {
    // (a bare と, "and" as often as "with", only after a family name of two characters or more: "山田と", "野中英樹と";
    // not "東京と大阪")
    const s = m[0] === "と" ? jaFamilyBefore(text, m.index) : hanNameBefore(text, m.index, false, true);
    if (s >= 0) push(out, s, m.index, 0.7);
  }
}

/** A Japanese family name of two characters or more, alone or before a given name, ending at `end`. */
function jaFamilyBefore(text: string, end: number): number {
  let s = end;
  while (s > 0 && end - s < 6 && isHan(text.charCodeAt(s - 1))) s--;
  const { ja, jaGiven } = names();
  for (let from = Math.max(s, end - 4); from < end - 1; from++)
    for (let k = Math.min(3, end - from); k >= 2; k--) {
      const given = text.slice(from + k, end);
      if (ja.has(text.slice(from, from + k)) && (given.length <= 2 || jaGiven.has(given))) return from;
    }
  return -1;
}

/** Korean particles after a name: subject, "with", "to", topic, object, possessive. */
const KO_PARTICLE = /^(?:이|가|랑|이랑|와|과|에게|한테|께서|께|은|는|을|를|의|도)(?=[\s.,!?]|$)/;

/**
 * Korean names before a particle ("강윤서이 사무실이", "어제 용호진랑 점심"): a word that starts with a listed family
 * syllable followed by a listed given name, or is a listed given name, with a particle glued to it.
 */
function koParticles(text: string, out: Detection[]): void {
  const { ko, koGiven } = names();
  let k = 0;
  while (k < text.length) {
    if (!isHangul(text.charCodeAt(k)) || (k > 0 && isHangul(text.charCodeAt(k - 1)))) {
      k++;
      continue;
    }
    let e = k;
    while (e < text.length && isHangul(text.charCodeAt(e))) e++;
    // the name's syllables, then a particle: try a family name and a given name of two, then a given name alone
    for (const len of [3, 2]) {
      if (e - k <= len) continue;
      const word = text.slice(k, k + len);
      const named = len === 3 ? ko.has(word[0]!) && koGiven.has(word.slice(1)) : koGiven.has(word);
      if (named && KO_PARTICLE.test(text.slice(k + len, Math.min(e + 1, k + len + 4)))) {
        push(out, k, k + len, 0.7);
        break;
      }
    }
    k = e;
  }
}

/** A line that starts with one to four Han characters, a comma, then "you": the person spoken to. */
const ZH_VOCATIVE = /(^|\n)(\p{sc=Han}{1,4})[，,](?=你|您)/gu;

/** Characters that start the words after a Chinese name ("谭雪的同事", "王芳说", "李娜今天", "张伟在"). */
const ZH_AFTER_NAME = "的说說今明在是和跟也都请請约約打发發你您了一吧呢吗嗎啊来來去要会會给給让讓对對到过過";

/** The length of the listed Chinese family name (two characters, else one) at `at`, or 0. */
function zhFamilyLength(text: string, at: number): number {
  const zh = names().zh;
  return zh.has(text.slice(at, at + 2)) ? 2 : zh.has(text.slice(at, at + 1)) ? 1 : 0;
}

/** Punctuation, a space or a line break: a Chinese clause starts after it. */
function zhClauseBreak(c: number): boolean {
  return (
    c === 32 ||
    c === 10 ||
    c === 0xff0c ||
    c === 0x3002 ||
    c === 0xff01 ||
    c === 0xff1f ||
    c === 44 ||
    c === 0xff1a
  );
}

function push(out: Detection[], start: number, end: number, score: number): void {
  out.push({ start, end, type: "PERSON", score, level: 3, recognizer: ID });
}

/**
 * Chinese, Japanese and Korean names followed by an honorific ("田中さん", "王先生", "김민준 씨") or after 我叫/我是.
 * @example honorificNames.detect({ text: "田中さんに聞いて", lower: "田中さんに聞いて", channel: "typed" })[0].end // 2
 */
export const honorificNames: Recognizer = {
  id: ID,
  types: ["PERSON"],
  detect(input) {
    const { text } = input;
    const toks = peekTokens(text);
    if (
      toks !== undefined
        ? (toks.chars & CH_NONASCII) === 0
        : !/[\u05d0-\u05f2\u0620-\u06d5\u0e01-\u0e5b\u3005\u3400-\u9fff\uac00-\ud7a3]/.test(text)
    )
      return [];
    const out: Detection[] = [];
    HAN_HONORIFIC.lastIndex = 0;
    for (let m: RegExpExecArray | null; (m = HAN_HONORIFIC.exec(text));) {
      const h = m.index;
      const w = m[0];
      const chinese = w === "先生" || w === "女士" || w === "小姐" || w === "老师" || w === "老師";
      const japanese = !chinese || w === "先生";
      const s = hanNameBefore(text, h, chinese, japanese);
      if (s >= 0) push(out, s, h, 0.8);
      else if (japanese) {
        // a given name in kana ("あゆみさん"), after a family name in Han characters or not ("遠藤あゆみさん")
        const k = kanaGivenBefore(text, h);
        if (k >= 0) push(out, k, h, 0.8);
      }
    }
    ZH_INTRO.lastIndex = 0;
    for (let m: RegExpExecArray | null; (m = ZH_INTRO.exec(text));) {
      const from = m.index + 2;
      let e = from;
      while (e < text.length && e - from < 3 && isHan(text.charCodeAt(e))) e++;
      // ("我是谭雪的同事": a word that follows names ends the name)
      if (e - from === 3 && ZH_AFTER_NAME.includes(text[e - 1]!)) e--;
      // 我叫王伟, 我是李娜: a family name and one or two characters, ending where the Han run ends
      if (
        e - from >= 2 &&
        e - from <= 3 &&
        (e === text.length || !isHan(text.charCodeAt(e)) || ZH_AFTER_NAME.includes(text[e]!))
      ) {
        if (zhFamilyLength(text, from) > 0) push(out, from, e, 0.75);
      }
    }
    // (the cue rules of Chinese, Japanese and Korean read text of those scripts only: most records past ASCII are
    // accented Latin)
    if (HAS_CJK.test(text)) {
      cjkLabels(text, out);
      zhCues(text, out);
      jaParticles(text, out);
      koParticles(text, out);
    }
    const latin = latinDominant(text);
    if (latin !== undefined) {
      if (latin.cjk) namesInLatinText(text, out, false, latin.few);
      if (latin.cue) namesInLatinText(text, out, true, latin.few);
    }
    KO_HONORIFIC.lastIndex = 0;
    for (let m: RegExpExecArray | null; (m = KO_HONORIFIC.exec(text));) {
      const h = m.index;
      let e = h;
      const spaced = e > 0 && text.charCodeAt(e - 1) === 32; // "김민준 씨" (particles may follow: 씨가, 님께)
      if (spaced) e--;
      let s = e;
      while (s > 0 && e - s < 4 && isHangul(text.charCodeAt(s - 1))) s--;
      if (s === e || (s > 0 && isHangul(text.charCodeAt(s - 1)))) continue;
      const word = text.slice(s, e);
      if (word === "하나" && m[0] === "님") continue; // 하나님: God, not Hana
      const { ko, koGiven } = names();
      const family = ko.has(word[0]!);
      const ok =
        koGiven.has(word) || // 민서님
        (family && word.length === 3) || // 김민준 씨: a family name and a two-syllable given name
        (family && word.length === 1 && spaced && m[0] === "씨"); // 김 씨 (but not 손님, a guest)
      if (ok) push(out, s, e, 0.8);
    }
    return out;
  },
};
