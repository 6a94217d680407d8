/**
 * Labels of the 'ids' group ("card number", "SSN", "Steuer-ID", "passport no"…), in one table. A
 * label announces a value when only glue words ("number", "is", "my", "#", ":") and punctuation
 * separate them. The lookup reads backwards from the value, word by word, and stops at the first
 * word that is neither a label word nor glue, at a digit, or after BEFORE_WINDOW characters, so it
 * usually reads one or two words; words are recognised by a hash (no allocation). It is memoised
 * on the digit run, so every recognizer of the group shares it.
 */
import type { RecognizerInput } from "../../types.js";
import type { NumRun } from "./scan.js";

/** Keyword categories (bit flags). */
export const K = {
  CARD: 1 << 0,
  CVV: 1 << 1,
  EXPIRY: 1 << 2,
  SSN: 1 << 3,
  SIN: 1 << 4,
  AADHAAR: 1 << 5,
  IN_PAN: 1 << 6,
  DE_TAX: 1 << 7,
  NIR: 1 << 8,
  ES_ID: 1 << 9,
  IT_CF: 1 << 10,
  TFN: 1 << 11,
  CPF: 1 << 12,
  NINO: 1 << 13,
  PASSPORT: 1 << 14,
  DL: 1 << 15,
  ACCOUNT: 1 << 16,
  ROUTING: 1 << 17,
  SWIFT: 1 << 18,
  IBAN: 1 << 19,
  NL_BSN: 1 << 20,
  PL_PESEL: 1 << 21,
  SE_PNR: 1 << 22,
  DK_CPR: 1 << 23,
  NO_FNR: 1 << 24,
  FI_HETU: 1 << 25,
  BE_NRN: 1 << 26,
  PT_NIF: 1 << 27,
  CZ_RC: 1 << 28,
  NHS: 1 << 29,
} as const;

// [keyword (lower case), categories]. Punctuation inside a keyword is not significant ("a/c" is the
// words a, c; "cc#" is cc).
const TABLE: ReadonlyArray<readonly [string, number]> = [
  // payment cards
  ["card", K.CARD],
  ["cards", K.CARD],
  ["card number", K.CARD],
  ["card no", K.CARD],
  ["card num", K.CARD],
  ["credit card", K.CARD],
  ["debit card", K.CARD],
  ["credit", K.CARD],
  ["debit", K.CARD],
  ["cardholder", K.CARD],
  ["card holder", K.CARD],
  ["visa", K.CARD],
  ["mastercard", K.CARD],
  ["master card", K.CARD],
  ["amex", K.CARD],
  ["american express", K.CARD],
  ["discover", K.CARD],
  ["maestro", K.CARD],
  ["jcb", K.CARD],
  ["diners", K.CARD],
  ["diners club", K.CARD],
  ["unionpay", K.CARD],
  ["union pay", K.CARD],
  ["rupay", K.CARD],
  ["cc", K.CARD],
  ["ccn", K.CARD],
  ["cc#", K.CARD],
  ["cc no", K.CARD],
  ["pan", K.CARD | K.IN_PAN],
  ["kreditkarte", K.CARD],
  ["kreditkartennummer", K.CARD],
  ["karte", K.CARD],
  ["kartennummer", K.CARD],
  ["carte", K.CARD],
  ["carte bancaire", K.CARD],
  ["numéro de carte", K.CARD],
  ["tarjeta", K.CARD],
  ["número de tarjeta", K.CARD],
  ["carta", K.CARD],
  ["carta di credito", K.CARD],
  ["cartão", K.CARD],
  ["cartao", K.CARD],
  // card security code and expiry
  ["cvv", K.CVV | K.CARD],
  ["cvv2", K.CVV | K.CARD],
  ["cvc", K.CVV | K.CARD],
  ["cvc2", K.CVV | K.CARD],
  ["cvn", K.CVV | K.CARD],
  ["cid", K.CVV],
  ["csc", K.CVV],
  ["security code", K.CVV],
  ["card security code", K.CVV | K.CARD],
  ["card verification", K.CVV | K.CARD],
  ["verification code", K.CVV],
  ["kartenprüfnummer", K.CVV | K.CARD],
  ["prüfnummer", K.CVV],
  ["cryptogramme", K.CVV],
  ["código de seguridad", K.CVV],
  ["exp", K.EXPIRY],
  ["exp.", K.EXPIRY],
  ["exp date", K.EXPIRY],
  ["expiry", K.EXPIRY],
  ["expiry date", K.EXPIRY],
  ["expires", K.EXPIRY],
  ["expiration", K.EXPIRY],
  ["expiration date", K.EXPIRY],
  ["valid thru", K.EXPIRY],
  ["valid through", K.EXPIRY],
  ["valid until", K.EXPIRY],
  ["good thru", K.EXPIRY],
  ["mm/yy", K.EXPIRY],
  ["mm/yyyy", K.EXPIRY],
  ["gültig bis", K.EXPIRY],
  ["ablaufdatum", K.EXPIRY],
  ["date d'expiration", K.EXPIRY],
  ["expire", K.EXPIRY],
  ["vencimiento", K.EXPIRY],
  ["caducidad", K.EXPIRY],
  ["scadenza", K.EXPIRY],
  // United States
  ["ssn", K.SSN],
  ["ssns", K.SSN],
  ["ssn#", K.SSN],
  ["ss#", K.SSN],
  ["ss #", K.SSN],
  ["ss no", K.SSN],
  ["soc sec", K.SSN],
  ["social security", K.SSN | K.NIR],
  ["social security number", K.SSN],
  ["social security no", K.SSN],
  ["itin", K.SSN],
  ["taxpayer identification", K.SSN],
  ["tin", K.SSN | K.DE_TAX],
  ["tax id", K.SSN | K.DE_TAX],
  ["tax identification number", K.SSN | K.DE_TAX],
  // Canada
  ["sin", K.SIN],
  ["sin#", K.SIN],
  ["social insurance", K.SIN],
  ["social insurance number", K.SIN],
  ["numéro d'assurance sociale", K.SIN],
  ["assurance sociale", K.SIN],
  ["nas", K.SIN],
  // India
  ["aadhaar", K.AADHAAR],
  ["aadhar", K.AADHAAR],
  ["adhaar", K.AADHAAR],
  ["aadhaar number", K.AADHAAR],
  ["uid", K.AADHAAR],
  ["uidai", K.AADHAAR],
  ["आधार", K.AADHAAR],
  ["permanent account number", K.IN_PAN],
  ["pan card", K.IN_PAN],
  ["pan no", K.IN_PAN],
  ["pan number", K.IN_PAN],
  // Germany
  ["steuer-id", K.DE_TAX],
  ["steuerid", K.DE_TAX],
  ["steuer id", K.DE_TAX],
  ["steuer-idnr", K.DE_TAX],
  ["steueridnr", K.DE_TAX],
  ["idnr", K.DE_TAX],
  ["identifikationsnummer", K.DE_TAX],
  ["steueridentifikationsnummer", K.DE_TAX],
  ["steuer-identifikationsnummer", K.DE_TAX],
  ["steuerliche identifikationsnummer", K.DE_TAX],
  ["steuernummer", K.DE_TAX],
  // France
  ["nir", K.NIR],
  ["insee", K.NIR],
  ["sécurité sociale", K.NIR],
  ["securite sociale", K.NIR],
  ["sécu", K.NIR],
  ["secu", K.NIR],
  ["carte vitale", K.NIR],
  ["numéro de sécurité sociale", K.NIR],
  // Spain
  ["dni", K.ES_ID],
  ["nie", K.ES_ID],
  ["nif", K.ES_ID | K.PT_NIF],
  ["d.n.i.", K.ES_ID],
  ["documento nacional", K.ES_ID],
  ["documento de identidad", K.ES_ID],
  // Netherlands, Poland, the Nordic countries, Belgium, Portugal, Czechia and Slovakia
  ["bsn", K.NL_BSN],
  ["burgerservicenummer", K.NL_BSN],
  ["sofinummer", K.NL_BSN],
  ["sofi-nummer", K.NL_BSN],
  ["pesel", K.PL_PESEL],
  ["numer pesel", K.PL_PESEL],
  ["personnummer", K.SE_PNR | K.DK_CPR | K.NO_FNR],
  ["personnr", K.SE_PNR | K.DK_CPR | K.NO_FNR],
  ["pnr", K.SE_PNR],
  ["samordningsnummer", K.SE_PNR],
  ["cpr", K.DK_CPR],
  ["cpr-nummer", K.DK_CPR],
  ["cpr-nr", K.DK_CPR],
  ["cpr nr", K.DK_CPR],
  ["fødselsnummer", K.NO_FNR],
  ["fodselsnummer", K.NO_FNR],
  ["d-nummer", K.NO_FNR],
  ["henkilötunnus", K.FI_HETU],
  ["henkilotunnus", K.FI_HETU],
  ["hetu", K.FI_HETU],
  ["sotu", K.FI_HETU],
  ["personbeteckning", K.FI_HETU],
  ["rijksregisternummer", K.BE_NRN],
  ["rijksregister", K.BE_NRN],
  ["insz", K.BE_NRN],
  ["niss", K.BE_NRN],
  ["numéro national", K.BE_NRN],
  ["registre national", K.BE_NRN],
  ["numéro de registre national", K.BE_NRN],
  ["contribuinte", K.PT_NIF],
  ["número de contribuinte", K.PT_NIF],
  ["nipc", K.PT_NIF],
  ["rodné číslo", K.CZ_RC],
  ["rodne cislo", K.CZ_RC],
  ["r.č.", K.CZ_RC],
  ["rč", K.CZ_RC],
  // United Kingdom: NHS number (England, Wales, Isle of Man), CHI number (Scotland), H&C number (Northern Ireland)
  ["nhs", K.NHS],
  ["nhs number", K.NHS],
  ["nhs no", K.NHS],
  ["chi number", K.NHS],
  ["chi no", K.NHS],
  ["community health index", K.NHS],
  ["health and care number", K.NHS],
  ["h&c number", K.NHS],
  // Italy
  ["codice fiscale", K.IT_CF],
  ["cod. fisc.", K.IT_CF],
  ["cod fisc", K.IT_CF],
  ["c.f.", K.IT_CF],
  ["cf", K.IT_CF],
  ["fiscal code", K.IT_CF],
  ["tax code", K.IT_CF],
  // Australia
  ["tfn", K.TFN],
  ["tax file number", K.TFN],
  ["tax file no", K.TFN],
  // Brazil
  ["cpf", K.CPF],
  ["cadastro de pessoas físicas", K.CPF],
  ["cadastro de pessoa física", K.CPF],
  // United Kingdom
  ["national insurance", K.NINO],
  ["national insurance number", K.NINO],
  ["nino", K.NINO],
  ["ni number", K.NINO],
  ["ni no", K.NINO],
  ["nin", K.NINO],
  // travel and driving documents
  ["passport", K.PASSPORT],
  ["passports", K.PASSPORT],
  ["passport no", K.PASSPORT],
  ["passport number", K.PASSPORT],
  ["passport #", K.PASSPORT],
  ["passport#", K.PASSPORT],
  ["reisepass", K.PASSPORT],
  ["reisepassnummer", K.PASSPORT],
  ["passnummer", K.PASSPORT],
  ["passeport", K.PASSPORT],
  ["numéro de passeport", K.PASSPORT],
  ["pasaporte", K.PASSPORT],
  ["passaporto", K.PASSPORT],
  ["passaporte", K.PASSPORT],
  ["paspoort", K.PASSPORT],
  ["driver's license", K.DL],
  ["driver’s license", K.DL],
  ["drivers license", K.DL],
  ["driver license", K.DL],
  ["driver's licence", K.DL],
  ["driver’s licence", K.DL],
  ["drivers licence", K.DL],
  ["driver licence", K.DL],
  ["driving licence", K.DL],
  ["driving license", K.DL],
  ["driver's license number", K.DL],
  ["driver license number", K.DL],
  ["license no", K.DL],
  ["license number", K.DL],
  ["license #", K.DL],
  ["license#", K.DL],
  ["licence no", K.DL],
  ["licence number", K.DL],
  ["licence #", K.DL],
  ["lic no", K.DL],
  ["lic#", K.DL],
  ["dl", K.DL],
  ["dl#", K.DL],
  ["dl no", K.DL],
  ["dl number", K.DL],
  ["d/l", K.DL],
  ["führerschein", K.DL],
  ["führerscheinnummer", K.DL],
  ["permis de conduire", K.DL],
  ["licencia de conducir", K.DL],
  ["carnet de conducir", K.DL],
  ["permiso de conducir", K.DL],
  ["patente di guida", K.DL],
  ["rijbewijs", K.DL],
  // bank accounts
  ["account", K.ACCOUNT],
  ["account number", K.ACCOUNT],
  ["account no", K.ACCOUNT],
  ["account #", K.ACCOUNT],
  ["account#", K.ACCOUNT],
  ["acct", K.ACCOUNT],
  ["acct no", K.ACCOUNT],
  ["acct#", K.ACCOUNT],
  ["acc no", K.ACCOUNT],
  ["a/c", K.ACCOUNT],
  ["a/c no", K.ACCOUNT],
  ["bank account", K.ACCOUNT],
  ["checking account", K.ACCOUNT],
  ["savings account", K.ACCOUNT],
  ["kontonummer", K.ACCOUNT],
  ["konto", K.ACCOUNT],
  ["konto-nr", K.ACCOUNT],
  ["kto", K.ACCOUNT],
  ["kto-nr", K.ACCOUNT],
  ["numéro de compte", K.ACCOUNT],
  ["compte", K.ACCOUNT],
  ["número de cuenta", K.ACCOUNT],
  ["cuenta", K.ACCOUNT],
  ["conto", K.ACCOUNT],
  ["conto corrente", K.ACCOUNT],
  ["rekeningnummer", K.ACCOUNT],
  ["routing", K.ROUTING],
  ["routing number", K.ROUTING],
  ["routing no", K.ROUTING],
  ["routing #", K.ROUTING],
  ["routing transit", K.ROUTING],
  ["aba", K.ROUTING],
  ["aba number", K.ROUTING],
  ["abartn", K.ROUTING],
  ["rtn", K.ROUTING],
  ["transit number", K.ROUTING],
  ["swift", K.SWIFT],
  ["swift code", K.SWIFT],
  ["swift/bic", K.SWIFT],
  ["bic", K.SWIFT],
  ["bic code", K.SWIFT],
  ["bic/swift", K.SWIFT],
  ["iban", K.IBAN | K.ACCOUNT],
];

// Words that may stand between a label and its value: "card number is 4111…", "SSN: …", "my
// driver's license number is …". A label announces a value only across such words and punctuation.
const GLUE = [
  "number",
  "numbers",
  "num",
  "no",
  "nr",
  "n",
  "nummer",
  "numéro",
  "numero",
  "número",
  "is",
  "was",
  "are",
  "be",
  "will",
  "id",
  "of",
  "my",
  "his",
  "her",
  "the",
  "your",
  "their",
  "our",
  "its",
  "it",
  "s",
  "code",
  "card",
  "on",
  "file",
  "in",
  "with",
  "here",
  "new",
  "old",
  "a",
  "an",
  "this",
  "that",
  "for",
  "to",
  "please",
  "use",
  "using",
  "ends",
  "ending",
  "reads",
  "as",
  "below",
  "details",
  "info",
  "digits",
  "last",
  "ist",
  "est",
  "es",
  "meine",
  "mein",
  "ma",
  "mon",
  "mi",
  "mio",
  "la",
  "le",
  "el",
  "de",
  "der",
  "die",
  "das",
  "du",
  "des",
  "del",
  "di",
  "und",
  "et",
  "y",
  "e",
  "é",
  "è",
  "son",
  "sont",
  "sa",
  "su",
  "sua",
  "seu",
  "meu",
  "minha",
  "mia",
  "mes",
  "mis",
  "lautet",
  "lauten",
  "nro",
  "núm",
  "cod",
  // the ordinal indicator is a letter: "n.º", "nº"
  "º",
  "nº",
];

const WORD_CHAR = /[\p{L}\p{M}]/u;

function isLetter(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  return WORD_CHAR.test(String.fromCharCode(c));
}

function lowerCode(c: number): number {
  if (c < 128) return c >= 65 && c <= 90 ? c + 32 : c;
  return String.fromCharCode(c).toLowerCase().charCodeAt(0);
}

/** Words of a keyword phrase (lower case, letters only). */
function wordsOf(s: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < s.length) {
    if (!isLetter(s.charCodeAt(i))) {
      i++;
      continue;
    }
    const st = i;
    while (i < s.length && isLetter(s.charCodeAt(i))) i++;
    out.push(s.slice(st, i).toLowerCase());
  }
  return out;
}

// A hash small enough to stay a small integer; words are told apart by comparing characters.
function hashRange(text: string, s: number, e: number): number {
  let h = 0;
  for (let k = s; k < e; k++) h = (Math.imul(h, 31) + lowerCode(text.charCodeAt(k))) & 0x3fffffff;
  return h;
}

/** A word the lookup knows: id (index), whether it is glue, and the phrases it starts. */
interface KnownWord {
  id: number;
  word: string;
  glue: boolean;
  starts: Phrase[];
}

interface Phrase {
  ids: number[];
  mask: number;
}

const BY_HASH = new Map<number, KnownWord[]>();
const BLOOM = new Uint8Array(65536);
const KNOWN = new Map<string, KnownWord>();

/**
 * A first filter of lookups on a word's length and its first and last letters (lower-cased), which rejects
 * most words of a sentence without hashing them.
 */
const SHAPES = new Uint8Array(65536);
const shapeKey = (len: number, first: number, last: number): number =>
  ((len & 31) << 11) | ((first & 63) << 5) | (last & 31);

function known(word: string): KnownWord {
  let k = KNOWN.get(word);
  if (!k) {
    k = { id: KNOWN.size, word, glue: false, starts: [] };
    KNOWN.set(word, k);
    SHAPES[shapeKey(word.length, word.charCodeAt(0), word.charCodeAt(word.length - 1))] = 1;
    const h = hashRange(word, 0, word.length);
    const list = BY_HASH.get(h) ?? [];
    list.push(k);
    BY_HASH.set(h, list);
    BLOOM[h & 0xffff] = 1;
  }
  return k;
}

const BY_KEY = new Map<string, Phrase>();
for (const [kw, mask] of TABLE) {
  const words = wordsOf(kw);
  if (words.length === 0) continue;
  const key = words.join(" ");
  const seen = BY_KEY.get(key);
  if (seen) {
    seen.mask |= mask;
    continue;
  }
  const ph: Phrase = { ids: words.map((w) => known(w).id), mask };
  BY_KEY.set(key, ph);
  known(words[0]!).starts.push(ph);
}
for (const k of KNOWN.values()) k.starts.sort((a, b) => b.ids.length - a.ids.length);
for (const g of GLUE) known(g).glue = true;

/** The known word at text[s, e), if any (no allocation). */
function lookup(text: string, s: number, e: number): KnownWord | undefined {
  if (SHAPES[shapeKey(e - s, lowerCode(text.charCodeAt(s)), lowerCode(text.charCodeAt(e - 1)))] === 0)
    return undefined;
  const h = hashRange(text, s, e);
  if (BLOOM[h & 0xffff] === 0) return undefined;
  const list = BY_HASH.get(h);
  if (!list) return undefined;
  for (const k of list) {
    if (k.word.length !== e - s) continue;
    let ok = true;
    for (let t = 0; t < k.word.length && ok; t++)
      ok = lowerCode(text.charCodeAt(s + t)) === k.word.charCodeAt(t);
    if (ok) return k;
  }
  return undefined;
}

/** A keyword announcing a value: its end (label before the value) or start (label after it). */
export interface KeywordHit {
  pos: number;
  mask: number;
}

/** How far before a value its label may end, and after it a trailing label may start. */
export const BEFORE_WINDOW = 48;
export const AFTER_WINDOW = 24;
const MAX_WORDS = 10;

const NO_HITS: KeywordHit[] = [];
// Scratch buffers (single-threaded, never re-entered).
const W_KNOWN: KnownWord[] = [];
const W_START: number[] = [];
const W_END: number[] = [];

/** Phrases among the collected words W[0..n) (in text order) followed by nothing but glue up to the value. */
function phrasesThenGlue(n: number, before: boolean): KeywordHit[] {
  let hits: KeywordHit[] | undefined;
  // glueFrom: index from which every word up to the value is glue (before) / up to which (after)
  let k = 0;
  while (k < n) {
    const w = W_KNOWN[k]!;
    let matched: Phrase | undefined;
    for (const ph of w.starts) {
      const m = ph.ids.length;
      if (k + m > n) continue;
      let ok = true;
      for (let t = 1; t < m && ok; t++)
        ok = W_KNOWN[k + t]!.id === ph.ids[t] && W_START[k + t]! - W_END[k + t - 1]! <= 3;
      if (ok) {
        matched = ph;
        break;
      }
    }
    if (!matched) {
      if (!before && !w.glue) break; // after a value: labels only across glue
      k++;
      continue;
    }
    const m = matched.ids.length;
    if (before) {
      let glueAfter = true;
      for (let t = k + m; t < n && glueAfter; t++) glueAfter = W_KNOWN[t]!.glue;
      if (glueAfter) (hits ??= []).push({ pos: W_END[k + m - 1]!, mask: matched.mask });
    } else (hits ??= []).push({ pos: W_START[k]!, mask: matched.mask });
    k += m;
  }
  return hits ?? NO_HITS;
}

/**
 * Labels that end before `start`, reading backwards over known words and punctuation only: the scan
 * stops at a digit, at an unknown word, at `limit` or after MAX_WORDS words, so it usually reads one
 * or two words. Nearest last.
 */
function scanBefore(text: string, start: number, limit: number): KeywordHit[] {
  let i = start;
  let n = 0;
  while (i > limit && n < MAX_WORDS) {
    let c = text.charCodeAt(i - 1);
    while (i > limit && !isLetter(c)) {
      if (c >= 48 && c <= 57) {
        i = limit;
        break;
      }
      i--;
      c = text.charCodeAt(i - 1);
    }
    if (i <= limit) break;
    const e = i;
    while (i > limit && isLetter(text.charCodeAt(i - 1))) i--;
    if (i === limit && limit > 0 && isLetter(text.charCodeAt(limit - 1))) break; // word cut by the window
    const k = lookup(text, i, e);
    if (!k) break;
    // collected backwards; stored from the end of the buffer, reversed below
    W_KNOWN[n] = k;
    W_START[n] = i;
    W_END[n] = e;
    n++;
  }
  if (n === 0) return NO_HITS;
  for (let a = 0, b = n - 1; a < b; a++, b--) {
    const tk = W_KNOWN[a]!;
    W_KNOWN[a] = W_KNOWN[b]!;
    W_KNOWN[b] = tk;
    const ts = W_START[a]!;
    W_START[a] = W_START[b]!;
    W_START[b] = ts;
    const te = W_END[a]!;
    W_END[a] = W_END[b]!;
    W_END[b] = te;
  }
  return phrasesThenGlue(n, true);
}

/** Labels that start after `end` across glue only ("123-45-6789 is my SSN"), within AFTER_WINDOW. */
function scanAfter(text: string, end: number): KeywordHit[] {
  const limit = Math.min(text.length, end + AFTER_WINDOW);
  let i = end;
  let n = 0;
  while (i < limit && n < MAX_WORDS) {
    let c = text.charCodeAt(i);
    while (i < limit && !isLetter(c)) {
      if (c >= 48 && c <= 57) {
        i = limit;
        break;
      }
      i++;
      c = text.charCodeAt(i);
    }
    if (i >= limit) break;
    const s = i;
    while (i < text.length && isLetter(text.charCodeAt(i))) i++;
    const k = lookup(text, s, i);
    if (!k) break;
    W_KNOWN[n] = k;
    W_START[n] = s;
    W_END[n] = i;
    n++;
  }
  return n === 0 ? NO_HITS : phrasesThenGlue(n, false);
}

function hitsBefore(text: string, start: number, run?: NumRun): KeywordHit[] {
  const limit = Math.max(0, start - BEFORE_WINDOW, run ? run.prevEnd : 0);
  if (!run || start !== run.start) return scanBefore(text, start, limit);
  return (run.kwBefore ??= scanBefore(text, start, limit)) as KeywordHit[];
}

function hitsAfter(text: string, end: number, run?: NumRun): KeywordHit[] {
  if (!run || end !== run.end) return scanAfter(text, end);
  return (run.kwAfter ??= scanAfter(text, end)) as KeywordHit[];
}

/**
 * Categories of the labels announcing a run from before (see keywordBefore). A cheap first test
 * shared by every recognizer of the group.
 * @example maskBefore("card 4111 1111 1111 1111", run) & K.CARD // non-zero
 */
export function maskBefore(text: string, run: NumRun): number {
  return (run.kwMask ??= maskAt(text, run.start, run));
}

/**
 * Categories of the labels announcing a value that starts at `start` (memoised when it is `run`'s start).
 * @example maskAt("DL# F1234567", 4) & K.DL // non-zero
 */
export function maskAt(text: string, start: number, run?: NumRun): number {
  let m = 0;
  for (const h of hitsBefore(text, start, run)) m |= h.mask;
  return m;
}

/**
 * Offset where the nearest label of category `cat` announcing the value at `start` ends, or -1.
 * A label announces a value when only glue words ("number", "is", "my", "#", ":") and punctuation
 * lie between them, within BEFORE_WINDOW characters and never across another number. `run`, when
 * the value starts at it, memoises the lookup.
 * @example keywordBefore("passport no: X1234567", 13, K.PASSPORT) // 8
 */
export function keywordBefore(text: string, start: number, cat: number, run?: NumRun): number {
  const hits = hitsBefore(text, start, run);
  for (let k = hits.length - 1; k >= 0; k--) if (hits[k]!.mask & cat) return hits[k]!.pos;
  return -1;
}

/**
 * True when a label of `cat` follows the value ending at `end` across glue only.
 * @example keywordAfter("123-45-6789 is my ssn", 11, K.SSN) // true
 */
export function keywordAfter(text: string, end: number, cat: number, run?: NumRun): boolean {
  for (const h of hitsAfter(text, end, run)) if (h.mask & cat) return true;
  return false;
}

/**
 * A label of `cat` announces the value [start, end) from before or after.
 * @example hasKeyword("ssn: 123-45-6789", 5, 16, K.SSN) // true
 */
export function hasKeyword(text: string, start: number, end: number, cat: number, run?: NumRun): boolean {
  return keywordBefore(text, start, cat, run) >= 0 || keywordAfter(text, end, cat, run);
}

/** The category mask of a label phrase (0 when unknown). @example keywordMask("card number") & K.CARD // 1 */
export function keywordMask(phrase: string): number {
  return BY_KEY.get(wordsOf(phrase).join(" "))?.mask ?? 0;
}

// ---------------------------------------------------------------------------------------------
// Words looked for in the whole record, in one search shared by the group

/** Bits of `recordWords`. */
export const W = {
  SWIFT: 1,
  BIC: 2,
  FISCAL: 4,
} as const;

// One native search for the three words (cheaper than three `includes`; none can overlap another).
const RECORD_WORDS = /swift|bic|fiscal/g;
const WORD_BITS: Readonly<Record<string, number>> = { swift: W.SWIFT, bic: W.BIC, fiscal: W.FISCAL };

let wordsInput: RecognizerInput | undefined;
let wordsText = "";
let wordsLower = "";
let wordsMask = 0;

/**
 * `recordWords(input)` when a recognizer already asked for this input, else -1.
 * @example knownRecordWords({ text: "bic", lower: "bic", channel: "typed" }) // -1 (not asked yet)
 */
export function knownRecordWords(input: RecognizerInput): number {
  return wordsInput === input && wordsText === input.text && wordsLower === input.lower ? wordsMask : -1;
}

/**
 * Which of the words in `W` occur in `input.lower` (as substrings), found once per input and shared by the
 * recognizers of the group.
 * @example recordWords({ text: "BIC: DEUTDEFF", lower: "bic: deutdeff", channel: "typed" }) & W.BIC // 2
 */
export function recordWords(input: RecognizerInput): number {
  const { text, lower } = input;
  if (wordsInput === input && wordsText === text && wordsLower === lower) return wordsMask;
  let m = 0;
  RECORD_WORDS.lastIndex = 0;
  let hit: RegExpExecArray | null;
  while ((hit = RECORD_WORDS.exec(lower)) !== null) m |= WORD_BITS[hit[0]]!;
  wordsInput = input;
  wordsText = text;
  wordsLower = lower;
  wordsMask = m;
  return m;
}
