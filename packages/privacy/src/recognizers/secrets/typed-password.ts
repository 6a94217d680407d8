import type { Detection, Recognizer } from "../../types.js";
import { authorizationAfter, basicAfter, bearerAfter } from "./auth-header.js";
import { seedPhraseAfter } from "./crypto-keys.js";
import { K_JOINED, K_NONASCII, tokensOf } from "../people/tokens.js";
import {
  alignedLower,
  FOREIGN_PASSWORD_WORDS,
  isAbsolutePath,
  isNameOrAlphabet,
  isPasswordMessage,
  isPlaceholder,
  isWordChar,
  looksRandom,
  results,
  secretDetection,
} from "./util.js";

/** Scratch list of detect (recognizers are not re-entered). */
const OUT: Detection[] = [];

const ID = "secret-announced";

/** Kinds whose value this module parses itself. */
type ValueKind = "password" | "pin" | "otp" | "code" | "token";
/** What an announcing word says follows it. */
type Kind =
  "password" | "pin" | "otp" | "code" | "token" | "phrase" | "bearer" | "basic" | "authorization" | "pair";

/**
 * Words that announce a password, PIN or one-time code, by language. Lower case; matched as whole words
 * (except CJK). `code` is the bare word "code" (and its translations): it needs a verb or colon and a numeric
 * value, and is ignored after words such as "zip", "error", "promo".
 */
// prettier-ignore
const ANNOUNCERS: ReadonlyArray<readonly [string, Kind]> = [
  // English
  ["password", "password"], ["passwd", "password"], ["passphrase", "password"], ["pass phrase", "password"],
  ["pwd", "password"], ["pw", "password"], ["pass", "password"], ["passcode", "password"], ["pass code", "password"],
  ["pin", "pin"], ["login", "pair"], ["credentials", "pair"], ["creds", "pair"],
  ["pin code", "pin"], ["pin number", "pin"], ["pin-code", "pin"], ["otp", "otp"], ["totp", "otp"],
  ["one-time code", "otp"], ["one time code", "otp"], ["one-time password", "otp"], ["one time password", "otp"],
  ["one-time passcode", "otp"], ["one-time pin", "otp"], ["verification code", "otp"], ["security code", "otp"],
  ["confirmation code", "otp"], ["authentication code", "otp"], ["auth code", "otp"], ["access code", "otp"],
  ["login code", "otp"], ["sign-in code", "otp"], ["signin code", "otp"], ["2fa code", "otp"], ["2fa", "otp"],
  ["mfa code", "otp"], ["sms code", "otp"], ["backup code", "otp"], ["recovery code", "otp"],
  ["unlock code", "otp"], ["door code", "pin"], ["gate code", "pin"], ["alarm code", "pin"], ["code", "code"],
  // a key or token told in prose ("the secret is …", "my api key is …"): only a random-looking value counts
  ["secret", "token"], ["secret key", "token"], ["api key", "token"], ["api token", "token"], ["key", "token"],
  ["access key", "token"], ["access token", "token"], ["auth token", "token"], ["token", "token"],
  // German
  ["passwort", "password"], ["kennwort", "password"], ["geheimzahl", "pin"], ["bestätigungscode", "otp"],
  ["bestaetigungscode", "otp"], ["sicherheitscode", "otp"], ["zugangscode", "otp"], ["einmalcode", "otp"],
  ["verifizierungscode", "otp"], ["tan", "otp"], ["pin-nummer", "pin"],
  // French
  ["mot de passe", "password"], ["mdp", "password"], ["code pin", "pin"], ["code secret", "pin"],
  ["code de vérification", "otp"], ["code de verification", "otp"], ["code de confirmation", "otp"],
  ["code de sécurité", "otp"], ["code d'accès", "otp"], ["code à usage unique", "otp"],
  // Spanish
  ["contraseña", "password"], ["contrasena", "password"], ["clave", "password"], ["clave de acceso", "password"],
  ["código de verificación", "otp"], ["codigo de verificacion", "otp"], ["código de seguridad", "otp"],
  ["código", "code"], ["codigo", "code"],
  // Italian
  ["parola d'ordine", "password"], ["codice di verifica", "otp"], ["codice di sicurezza", "otp"],
  ["codice", "code"],
  // Portuguese
  ["senha", "password"], ["palavra-passe", "password"], ["palavra passe", "password"],
  ["código de verificação", "otp"], ["codigo de verificacao", "otp"],
  // Dutch
  ["wachtwoord", "password"], ["verificatiecode", "otp"], ["pincode", "pin"], ["toegangscode", "otp"],
  // Nordic, Slavic, Finnish, Hungarian, Turkish, Greek, Russian/Ukrainian
  ["lösenord", "password"], ["losenord", "password"], ["adgangskode", "password"], ["passord", "password"],
  ["kodeord", "password"], ["salasana", "password"], ["hasło", "password"], ["haslo", "password"],
  ["heslo", "password"], ["jelszó", "password"], ["jelszo", "password"], ["şifre", "password"],
  ["sifre", "password"], ["parola", "password"], ["κωδικός", "password"], ["пароль", "password"],
  ["пин-код", "pin"], ["код подтверждения", "otp"], ["парола", "password"], ["лозинка", "password"],
  // Baltic, South Slavic, Romanian, Iberian and Celtic languages, Icelandic, Albanian
  ["slaptažodis", "password"], ["slaptazodis", "password"], ["parool", "password"], ["geslo", "password"],
  ["parole", "password"],
  ["lozinka", "password"], ["parolă", "password"], ["contrasenya", "password"], ["contrasinal", "password"],
  ["pasahitza", "password"], ["lykilorð", "password"], ["cyfrinair", "password"], ["fjalëkalimi", "password"],
  ["fjalëkalim", "password"],
  // Hebrew, Arabic, Persian, Hindi, Bengali, Thai, Georgian, Armenian
  ["סיסמה", "password"], ["סיסמא", "password"], ["קוד אימות", "otp"], ["كلمة المرور", "password"],
  ["كلمة السر", "password"], ["رمز التحقق", "otp"], ["رمز عبور", "password"], ["گذرواژه", "password"],
  ["کد تایید", "otp"], ["पासवर्ड", "password"], ["ओटीपी", "otp"], ["পাসওয়ার্ড", "password"], ["รหัสผ่าน", "password"],
  ["პაროლი", "password"], ["գաղտնաբառ", "password"],
  // Vietnamese, Indonesian, Malay, Swahili
  ["mật khẩu", "password"], ["mat khau", "password"], ["mã xác nhận", "otp"], ["mã xác minh", "otp"],
  ["kata sandi", "password"], ["kata laluan", "password"], ["kode verifikasi", "otp"], ["kod pengesahan", "otp"],
  ["nenosiri", "password"],
  // CJK
  ["パスワード", "password"], ["暗証番号", "pin"], ["密码", "password"], ["密碼", "password"], ["验证码", "otp"], ["驗證碼", "otp"],
  ["비밀번호", "password"], ["암호", "password"], ["인증번호", "otp"], ["認証コード", "otp"], ["確認コード", "otp"],
  ["ワンタイムパスワード", "otp"],
  // Seed phrases of cryptocurrency wallets (crypto-keys.ts)
  ["seed phrase", "phrase"], ["recovery phrase", "phrase"], ["secret phrase", "phrase"], ["mnemonic", "phrase"],
  ["seed words", "phrase"], ["backup phrase", "phrase"], ["recovery words", "phrase"], ["wallet words", "phrase"],
  ["secret recovery phrase", "phrase"], ["mnemonic phrase", "phrase"],
  // HTTP authorization (auth-header.ts)
  ["bearer", "bearer"], ["basic", "basic"], ["authorization", "authorization"],
];

const KIND_OF = new Map(ANNOUNCERS);

const escapeRe = (w: string): string => w.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&");

/**
 * An alternation of `words` factored into a trie ("pin|pin code" → "pin(?: code|)"), which matches exactly
 * what the plain longest-first alternation matches (the longest word at a position: every extension is tried
 * before the word ends), with one branch per character instead of one per word at each position.
 * @example new RegExp(trieAlternation(["pin", "pin code", "pw"])).exec("my pin code")![0] // "pin code"
 */
export function trieAlternation(words: readonly string[]): string {
  return trieBranches(words).join("|");
}

function trieBranches(words: readonly string[]): string[] {
  const byFirst = new Map<string, string[]>();
  let ends = false;
  for (const w of words) {
    if (w === "") ends = true;
    else {
      const rest = byFirst.get(w[0]!);
      if (rest) rest.push(w.slice(1));
      else byFirst.set(w[0]!, [w.slice(1)]);
    }
  }
  const out: string[] = [];
  for (const [c, rest] of byFirst) {
    if (rest.length === 1) out.push(escapeRe(c + rest[0]!));
    else {
      const sub = trieBranches(rest);
      out.push(sub.length === 1 ? escapeRe(c) + sub[0]! : `${escapeRe(c)}(?:${sub.join("|")})`);
    }
  }
  if (ends) out.push("");
  return out;
}
const ASCII_START = ANNOUNCERS.map(([w]) => w).filter((w) => w.charCodeAt(0) < 128);
const OTHER_START = ANNOUNCERS.map(([w]) => w).filter((w) => w.charCodeAt(0) >= 128);
/**
 * All announcers in one pattern: those starting with an ASCII character only at word starts (`\b`), the others
 * (Cyrillic, Greek, Turkish, CJK) anywhere, the alternation factored into a trie. It is tried only at the
 * positions `scanAnnouncers` picks from the record's word tokens (a search of the whole text cost more).
 */
const ANNOUNCER_RE = new RegExp(
  `\\b(?:${trieAlternation(ASCII_START)})|${trieAlternation(OTHER_START)}`,
  "g",
);
/**
 * The pattern of every announcing word (ASCII ones at a word start, the others anywhere): the reference
 * `scanAnnouncers` is checked against.
 * @example new RegExp(ANNOUNCER_PATTERN).test("pin") // true
 */
export const ANNOUNCER_PATTERN: string = ANNOUNCER_RE.source;

/** ANNOUNCER_RE anchored at `lastIndex`, for the candidate positions of `scanAnnouncers`. */
const ANNOUNCER_AT = new RegExp(ANNOUNCER_RE.source, "y");
/**
 * The first three characters of every announcer that starts with an ASCII character, hashed (see `prefixKey`)
 * into a bit table, so that a position is tried only when an announcer can start there (a collision only
 * costs a try). Announcers shorter than three characters are in SHORT_PAIRS, by their two characters.
 */
const ASCII_PREFIXES = new Uint8Array(1 << 16);
const SHORT_PAIRS = new Uint8Array(128 * 128);
/** Hash of three characters; a non-ASCII one (or one past the end) counts as 0. */
function prefixKey(c0: number, c1: number, c2: number): number {
  return (c0 * 16411 + (c1 < 128 ? c1 : 0) * 131 + (c2 < 128 ? c2 : 0)) & 0xffff;
}
for (const w of ASCII_START) {
  const c0 = w.charCodeAt(0);
  if (w.length >= 3) ASCII_PREFIXES[prefixKey(c0, w.charCodeAt(1), w.charCodeAt(2))] = 1;
  else if (w.length === 2) SHORT_PAIRS[c0 * 128 + (w.charCodeAt(1) < 128 ? w.charCodeAt(1) : 0)] = 1;
  else for (let c1 = 0; c1 < 128; c1++) SHORT_PAIRS[c0 * 128 + c1] = 1;
}
const OTHER_FIRST = new Set(OTHER_START.map((w) => w.charCodeAt(0)));
/** What `\b` counts as a word character (no `u` flag): ASCII letters, digits and '_'. */
const isAsciiWord = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || c === 95;

/**
 * The word tokens' special-category keys (`Tokens.specialKey`: first four characters lower-cased, and how many)
 * of the first words of the ASCII announcers, hashed into a bit table. In a token of plain ASCII letters and
 * digits, an announcer can only start at the token's start and only be accepted when its first word is the whole
 * token (it must end at a word boundary; a joining hyphen or apostrophe makes the token a joined one), so the
 * other tokens are passed over with one look-up.
 */
const HEAD_KEYS = new Uint8Array(1 << 16);
const headSlot = (key: number): number => (key ^ (key >>> 16)) & 0xffff;
for (const w of ASCII_START) {
  const head = w.split(" ")[0]!;
  if (/[-'\u0080-\uffff]/.test(head)) continue; // in a joined token or one with a non-ASCII letter only
  if (!/^[a-z0-9]+$/.test(head)) throw new Error(`announcer ${JSON.stringify(w)}: unexpected character`);
  let h = 0;
  const kc = Math.min(4, head.length);
  for (let i = 0; i < kc; i++) h = (Math.imul(h, 31) + head.charCodeAt(i)) | 0;
  HEAD_KEYS[headSlot(((h & 0x07ffffff) << 3) | kc)] = 1;
}

/**
 * Find the announcers of `lower` (the same-length lower-cased `text`) in order, exactly where the global scan of
 * ANNOUNCER_RE finds them, but trying the regex only where a match can start. An ASCII announcer needs `\b` before
 * it, hence a letter or digit that starts a word token of `text`, follows a joining apostrophe or hyphen, or
 * follows a non-ASCII character inside a token; the others start with a non-ASCII letter, inside a token that
 * holds one. The record's word tokens are shared with the people recognizers (tokensOf). With `out`, each
 * announcement is parsed (the scan resumes after what it consumed); without, the starts found are returned.
 */
function scanAnnouncers(text: string, lower: string, out: Detection[] | undefined): number[] | undefined {
  const found: number[] | undefined = out === undefined ? [] : undefined;
  const heads = out !== undefined;
  const toks = tokensOf(text);
  const { start, end, kind, count, specialKey } = toks;
  const n = lower.length;
  let from = 0;
  for (let t = 0; t < count; t++) {
    const k = kind[t]!;
    const inner = (k & (K_NONASCII | K_JOINED)) !== 0;
    // (announcers not accepted matter to `announcerStarts` only)
    if (!inner && heads && HEAD_KEYS[headSlot(specialKey[t]!)] === 0) continue;
    const s = start[t]!;
    const e = end[t]!;
    if (e <= from) continue;
    for (let p = s < from ? from : s; p < e; p++) {
      if (p !== s) {
        if (!inner) break;
        if (!(k & K_NONASCII)) {
          const b = text.charCodeAt(p - 1);
          if (b !== 39 && b !== 45 && b !== 0x2019) continue;
        }
      }
      const c0 = lower.charCodeAt(p);
      if (c0 < 128) {
        // an ASCII announcer needs `\b` before it: inside a token, after a character other than an ASCII word one
        if (p !== s && isAsciiWord(lower.charCodeAt(p - 1))) continue;
        const c1 = p + 1 < n ? lower.charCodeAt(p + 1) : 0;
        const c2 = p + 2 < n ? lower.charCodeAt(p + 2) : 0;
        if (ASCII_PREFIXES[prefixKey(c0, c1, c2)] === 0 && SHORT_PAIRS[c0 * 128 + (c1 < 128 ? c1 : 0)] === 0)
          continue;
      } else if (!OTHER_FIRST.has(c0)) continue;
      ANNOUNCER_AT.lastIndex = p;
      const m = ANNOUNCER_AT.exec(lower);
      if (m === null) continue;
      const word = m[0];
      let next = p + word.length;
      if (found !== undefined) found.push(p);
      else {
        const resume = announcement(text, lower, word, p, out!);
        if (resume > next) next = resume;
      }
      from = next;
      if (from >= e) break;
      p = from - 1;
    }
  }
  return found;
}

/**
 * Start offsets of the announcing words of `text` (as the announced-secrets recognizer scans them: after a word,
 * the scan resumes at its end); `lower` is its same-length lower-cased form.
 * @example announcerStarts("my password is hunter2", "my password is hunter2") // [3]
 */
export function announcerStarts(text: string, lower: string): number[] {
  return scanAnnouncers(text, lower, undefined)!;
}

const isCjk = (s: string): boolean => /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/.test(s);

/** Words that introduce a value: verbs and separators in the supported languages. */
// prettier-ignore
const MARKERS = new Set([
  "is", "was", "are", "be", "equals", "reads", "to", "ist", "lautet", "war", "est", "était", "etait", "es",
  "era", "será", "sera", "è", "é", "e'", "luidt", "är", "er", "on", "jest", "je", "=", ":", "-", "–", "—", "->",
  "là", "adalah", "ialah", "yra", "este", "هي", "هو", "היא", "הוא",
  "→", "：",
]);
/** Words allowed between a marker and the value. */
// prettier-ignore
const ADVERBS = new Set([
  "now", "still", "actually", "just", "currently", "simply", "always", "literally", "jetzt", "noch", "immer",
  "maintenant", "toujours", "ahora", "todavía", "ora", "agora", "nu", "nog", "now:", "be", "set", "changed",
]);
/** Words that may start a qualifier between the announcer and the marker ("password for gmail is ..."). */
// prettier-ignore
const PREPS = new Set([
  "for", "of", "on", "at", "to", "from", "für", "fur", "zum", "zur", "vom", "von", "de", "du", "des", "del",
  "de la", "para", "per", "di", "del", "della", "do", "da", "dos", "das", "van", "voor", "för", "til", "dla",
  "pro", "для", "i", "in", "into", "on", "my", "your", "the", "our", "their", "his", "her", "mein", "meine",
  "mon", "ma", "mi", "của", "tôi", "bạn", "saya", "anda", "kamu", "aku", "mu", "ku", "yangu", "wangu",
]);
/** Ordinary words that follow "password is ..." in sentences about passwords (not a password). */
// prettier-ignore
const STOP = new Set([
  // English
  "the", "a", "an", "my", "your", "his", "her", "our", "their", "its", "this", "that", "these", "those", "it",
  "not", "no", "too", "very", "so", "also", "just", "only", "really", "pretty", "quite", "still", "now",
  "always", "never", "usually", "required", "incorrect", "wrong", "invalid", "correct", "right", "strong",
  "weak", "secure", "insecure", "safe", "empty", "blank", "missing", "expired", "expiring", "changed", "reset",
  "saved", "stored", "hidden", "visible", "shown", "set", "updated", "mandatory", "optional", "protected",
  "encrypted", "hashed", "long", "short", "different", "same", "unique", "known", "unknown", "easy", "hard",
  "simple", "complex", "good", "bad", "fine", "ok", "okay", "valid", "compromised", "leaked", "stolen", "used",
  "needed", "requested", "sent", "emailed", "attached", "below", "above", "following", "here", "there", "in",
  "on", "at", "for", "of", "to", "with", "and", "or", "but", "being", "been", "going", "about", "generated",
  "random", "temporary", "default", "something", "nothing", "anything", "what", "which", "who", "how", "where",
  "when", "why", "written", "printed", "kept", "managed", "sensitive", "confidential", "private", "personal",
  "important", "forgotten", "lost", "locked", "disabled", "enabled", "active", "case", "case-sensitive",
  "too short", "username", "user", "email", "login", "name", "confirm", "repeat", "show", "hide", "forgot",
  "enter", "submit", "field", "required.", "needed.", "one", "two", "three", "four", "five", "six", "seven",
  "eight", "nine", "ten", "digits", "characters", "chars", "letters", "numbers", "number", "same.", "mine",
  "yours", "given", "provided", "shared", "sent.", "stored.", "like", "as", "because", "if", "then", "than",
  "will", "would", "should", "could", "can", "must", "may", "might", "has", "have", "had", "does", "did", "do",
  "is", "was", "were", "are", "be", "by", "via", "from", "into", "please", "again", "manager", "policy",
  "reset.", "hint", "protected.", "expires", "expired.", "valid.", "incorrect.",
  // German
  "ist", "nicht", "falsch", "richtig", "zu", "sehr", "erforderlich", "ungültig", "abgelaufen", "geändert", "der",
  "die", "das", "ein", "eine", "mein", "meine", "dein", "deine", "sicher", "unsicher", "leer", "vergessen",
  "noch", "immer", "jetzt", "auch", "und", "oder", "für", "mit",
  // French
  "est", "pas", "trop", "requis", "obligatoire", "invalide", "expiré", "le", "la", "les", "un", "une", "mon",
  "ma", "mes", "ton", "ta", "votre", "vos", "notre", "sûr", "vide", "oublié", "toujours", "encore", "aussi",
  "et", "ou", "pour", "avec", "très", "faux", "correct.",
  // Spanish / Portuguese / Italian
  "es", "no", "muy", "incorrecta", "incorrecto", "obligatoria", "obligatorio", "requerida", "el", "los", "las",
  "mi", "tu", "su", "segura", "seguro", "vacía", "olvidé", "todavía", "también", "y", "o", "para", "con", "é",
  "não", "muito", "incorreta", "obrigatória", "minha", "meu", "sua", "seu", "esquecida", "è", "non", "troppo",
  "errata", "obbligatoria", "il", "lo", "gli", "mia", "mio", "tua", "sicura", "vuota", "dimenticata", "anche",
  "e", "con",
  // Dutch
  "niet", "te", "onjuist", "verplicht", "ongeldig", "het", "de", "een", "mijn", "jouw", "uw", "veilig", "leeg",
  "vergeten", "nog", "ook", "en", "of", "voor", "met",
]);
/** Words before a bare "code" that make it something other than a secret code. */
// prettier-ignore
const NOT_SECRET_CODE = [
  "zip", "postal", "post", "postcode", "area", "country", "source", "promo", "promotional", "discount", "coupon",
  "voucher", "product", "error", "status", "exit", "return", "response", "http", "iso", "currency", "tax",
  "sort", "swift", "bic", "bank", "branch", "dialing", "dial", "airport", "station", "qr", "bar", "color",
  "colour", "hex", "ascii", "unicode", "html", "css", "cpt", "icd", "diagnosis", "billing", "language", "region",
  "zone", "class", "course", "item", "sku", "part", "model", "serial", "reference", "order", "tracking",
  "booking", "dress", "morse", "source", "machine", "byte", "op", "opcode", "building", "zip", "department",
  "cost", "account", "routing", "postal", "código postal", "code postal", "postleitzahl", "codice fiscale",
  "fiscale", "referral", "invite", "gift", "redeem", "redemption", "activation", "license", "product", "sample",
  "example",
];

/** Whitespace that separates tokens (ASCII space, tab, newlines, no-break space). */
const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13 || c === 160 || c === 12;

interface Tok {
  start: number;
  end: number;
  text: string;
}

/** Up to `max` whitespace-separated tokens on the rest of the line from `from`. Quoted values stay whole. */
function tokensAfter(text: string, from: number, max: number, maxChars: number): Tok[] {
  const toks: Tok[] = [];
  const lim = Math.min(text.length, from + maxChars);
  let i = from;
  while (i < lim && toks.length < max) {
    let c = text.charCodeAt(i);
    while (i < lim && (c === 32 || c === 9 || c === 160)) c = text.charCodeAt(++i);
    if (i >= lim || c === 10 || c === 13) break;
    const s = i;
    if ((c === 34 || c === 39 || c === 8220 || c === 171) && toks.length > 0) {
      const close = c === 8220 ? 8221 : c === 171 ? 187 : c;
      let j = i + 1;
      while (j < lim && j - i <= 66 && text.charCodeAt(j) !== close && text.charCodeAt(j) !== 10) j++;
      if (j < lim && text.charCodeAt(j) === close) {
        toks.push({ start: s, end: j + 1, text: text.slice(s, j + 1) });
        i = j + 1;
        continue;
      }
    }
    while (i < lim && !isSpace(text.charCodeAt(i))) i++;
    toks.push({ start: s, end: i, text: text.slice(s, i) });
  }
  return toks;
}

/** Trim quotes, brackets and sentence punctuation around a value token; returns [start, end] in the text. */
function trimValue(t: Tok): [number, number] {
  let s = t.start;
  let e = t.end;
  const text = t.text;
  const QUOTES = "\"'`“”‘’«»()[]<>{}";
  while (s < e && QUOTES.includes(text[s - t.start]!)) s++;
  while (e > s && (QUOTES.includes(text[e - 1 - t.start]!) || ".,;:?".includes(text[e - 1 - t.start]!))) e--;
  return [s, e];
}

const DIGITS = /^\d{4,12}$/;
/** Adverbs in -ly (a password rarely is one; "dragonfly" and "butterfly" are left alone). */
const LY_ADVERB =
  /(?:ally|ently|antly|ously|ively|ably|ibly|fully|lessly|ingly|edly|ately|itely|ctly|rely|arly)$|^(?:only|really|usually|simply|truly|likely|daily|weekly|nearly|mostly|rarely|merely|surely|lately|partly|highly|hardly|barely|openly|easily|kindly|solely|widely|safely|wisely|quickly|slowly|badly|sadly|clearly|exactly|directly|strongly|totally|finally|actually|currently|probably|obviously|basically|literally|apparently|seriously|honestly|definitely|completely|absolutely|certainly|perfectly|entirely|suddenly|recently)$/;
const OTP = /^(?=(?:[^0-9]*[0-9]){4})[A-Z0-9]{1,3}-?[0-9A-Z]{3,9}$|^\d{3}[- ]\d{3}$/;

/**
 * Is `v` a plausible value of this kind (not a word of the sentence, a placeholder or a URL)?
 * @example validValue("password", "hunter2", true) // true
 * @example validValue("password", "required", true) // false
 * @example validValue("pin", "4821", false) // true
 */
export function validValue(kind: ValueKind, v: string, afterColon: boolean): boolean {
  if (v.length === 0) return false;
  const lv = v.toLowerCase();
  if (kind === "pin") return DIGITS.test(v) && v.length <= 8;
  if (kind === "token")
    return (
      v.length <= 512 &&
      !/:\/\/|^www\./i.test(v) &&
      !isPlaceholder(v) &&
      !isNameOrAlphabet(v) &&
      looksRandom(v, 16)
    );
  if (kind === "otp" || kind === "code")
    return (DIGITS.test(v) && v.length <= 10) || (kind === "otp" && OTP.test(v));
  if (v.length < 4 || v.length > 64) return false;
  if (STOP.has(lv) || isPlaceholder(v) || /:\/\/|^www\./i.test(v) || isAbsolutePath(v)) return false;
  if (isPasswordMessage(v)) return false;
  if (/^[*•●·x.]+$/i.test(v)) return false;
  // A plain word after a verb reads as prose unless it looks like a password.
  if (
    !afterColon &&
    /^[\p{Ll}]+$/u.test(v) &&
    (v.length < 6 || /(?:ed|ing|able|ible|ous|ful|less)$/.test(v) || LY_ADVERB.test(v))
  ) {
    return false;
  }
  return true;
}

/** A token that calls a function, as code does: "getpass.getpass()", "get_password()", "input('…')". */
const CALL_RE = /^[A-Za-z_$][\w$.]{2,}\((?:\)|["'\w])/;
function callExpression(tok: string): boolean {
  return CALL_RE.test(tok);
}

function endsWithMarker(tok: string): boolean {
  const last = tok[tok.length - 1];
  return last === ":" || last === "=" || last === "：";
}

function emit(out: Detection[], kind: ValueKind, s: number, e: number, score: number): void {
  const type =
    kind === "password" ? "password" : kind === "pin" ? "pin" : kind === "token" ? "high-entropy" : "otp";
  out.push(secretDetection(s, e, type, score, ID));
}

/**
 * A value that is plainly a password whatever announces it: 6 to 64 characters without spaces, a letter, two kinds
 * of character or more among lower case, capitals, digits and symbols, no link, no placeholder.
 * @example strongPassword("BlueSky42") // true
 * @example strongPassword("correcthorse") // false
 */
export function strongPassword(v: string): boolean {
  if (v.length < 6 || v.length > 64 || /\s|:\/\/|^www\./i.test(v) || isPlaceholder(v)) return false;
  // a version number ("v2.1.0")
  if (/^v?\d+(?:\.\d+)+$/i.test(v)) return false;
  return characterKinds(v) >= 2 && /[A-Za-z]/.test(v) && !STOP.has(v.toLowerCase());
}

/** How many of small letters, capitals, digits and other characters `v` holds. */
function characterKinds(v: string): number {
  return (
    (/[a-z]/.test(v) ? 1 : 0) +
    (/[A-Z]/.test(v) ? 1 : 0) +
    (/\d/.test(v) ? 1 : 0) +
    (/[^A-Za-z0-9]/.test(v) ? 1 : 0)
  );
}

/**
 * "pass: Welcome1!", "pw BlueSky42": after a short or ambiguous announcer ("pass" is also a boarding pass or a
 * test result), the next token, after a colon or equals sign if any, counts only when it is plainly a password.
 */
function strongAfter(text: string, end: number, out: Detection[]): boolean {
  let from = end;
  const c = text[from];
  if (c === ":" || c === "=" || c === "：") from++;
  else if (c !== " " && c !== "\t") return false;
  const [t] = tokensAfter(text, from, 1, 80);
  if (!t) return false;
  const [s, e] = trimValue(t);
  if (!strongPassword(text.slice(s, e))) return false;
  emit(out, "password", s, e, 0.8);
  return true;
}

/** A user name's label earlier on the line: "user: jsmith pass: …". */
const USER_CUE = /(?:^|[^a-z])(?:user|username|user name|login|email|e-mail|account|acct|id)\b/;

/** Start of the line holding `pos` (at most 120 characters back). */
function lineStartOf(lower: string, pos: number): number {
  // searched back 120 characters only: a search to the text's start made a long line of "pass:" quadratic
  const from = Math.max(0, pos - 120);
  let nl = Math.min(pos, lower.length - 1);
  while (nl >= from && lower.charCodeAt(nl) !== 10) nl--;
  return nl >= from ? nl + 1 : from;
}

/**
 * "login admin / admin123", "creds: jsmith/Welcome1!": a user name and a password after a slash. The password
 * must hold letters and digits or symbols, so "login page / docs" stays.
 */
function credentialPair(text: string, end: number, out: Detection[]): void {
  let from = end;
  if (text[from] === ":") from++;
  const toks = tokensAfter(text, from, 3, 140);
  let pass: Tok | undefined;
  const t0 = toks[0];
  // a user name holds no colon, query or bracket: "LOGIN (https://…", "login localhost:3000/x" are no pairs
  if (!t0 || /[:?=&()<>[\]{}]/.test(t0.text) || t0.text.startsWith("/")) return;
  const slash = t0.text.indexOf("/");
  if (slash > 0 && slash < t0.text.length - 1) {
    // "jsmith/Welcome1!" in one token
    const at = t0.start + slash + 1;
    pass = { start: at, end: t0.end, text: text.slice(at, t0.end) };
  } else if (toks[1]?.text === "/" && toks[2]) pass = toks[2];
  else if (t0.text.endsWith("/") && toks[1]) pass = toks[1];
  if (!pass) return;
  const [s, e] = trimValue(pass);
  const v = text.slice(s, e);
  if (v.length >= 4 && v.length <= 64 && /[A-Za-z]/.test(v) && /[^A-Za-z]/.test(v) && !isPlaceholder(v))
    emit(out, "password", s, e, 0.8);
}

/** Parse what follows an announcer ending at `end`; push a detection of the value if there is one. */
function parseAfter(text: string, lower: string, kind: ValueKind, end: number, out: Detection[]): void {
  // Value glued to a colon or equals sign: "password:hunter2", "PIN=4821".
  const c = text[end];
  if (
    (c === ":" || c === "=" || c === "：") &&
    text[end + 1] !== " " &&
    text[end + 1] !== "\t" &&
    end + 1 < text.length
  ) {
    const [t] = tokensAfter(text, end + 1, 1, 80);
    if (t) {
      const [s, e] = trimValue(t);
      if (validValue(kind, text.slice(s, e), true) && !(kind === "password" && callExpression(t.text)))
        emit(out, kind, s, e, 0.85);
    }
    return;
  }
  const toks = tokensAfter(text, end, 10, 120);
  let i = 0;
  let sawMarker = c === ":" || c === "=" || c === "：";
  let symbolMarker = sawMarker;
  if (sawMarker) {
    // "password: x" — the colon is glued to the announcer, so the first token is the value.
    const t0 = toks[0];
    if (t0 && t0.start === end) toks.shift(); // only the ':' itself
  }
  let qualifiers = 0;
  while (i < toks.length) {
    const t = toks[i]!;
    const lt = lower.slice(t.start, t.end);
    if (sawMarker) {
      if (ADVERBS.has(lt) && i + 1 < toks.length) {
        i++;
        continue;
      }
      const [s, e0] = trimValue(t);
      let e = e0;
      // "552 019": a code typed in two groups of three digits
      const t2 = toks[i + 1];
      if (
        kind !== "password" &&
        kind !== "token" &&
        /^\d{3}$/.test(text.slice(s, e)) &&
        t2 &&
        t2.start === e + 1 &&
        /^\d{3}\b/.test(t2.text)
      ) {
        e = t2.start + 3;
      }
      const v = text.slice(s, e);
      if (
        validValue(kind, v, symbolMarker) &&
        // "{{ vault_db_password }}": a template's variable (the braces are trimmed off the value)
        !isPlaceholder(t.text) &&
        // `"password": "Password"`: a translation file's label, quoted
        !(kind === "password" && /^["'“«]/.test(t.text) && PASSWORD_LABEL.test(v)) &&
        !(kind === "password" && (endsWithMarker(t.text) || callExpression(t.text)))
      ) {
        emit(out, kind, s, e, symbolMarker ? 0.85 : 0.8);
        return;
      }
      if (kind === "token") return; // "the key is to be patient"
      if (kind !== "password" || STOP.has(v.toLowerCase())) {
        sawMarker = false; // "password is not ...": keep looking for another marker
        i++;
        continue;
      }
      return;
    }
    if (MARKERS.has(lt)) {
      sawMarker = true;
      symbolMarker = !/^\p{L}/u.test(lt);
      i++;
      continue;
    }
    if (endsWithMarker(t.text) && i < 6) {
      // "password for gmail: x"
      sawMarker = true;
      symbolMarker = true;
      i++;
      continue;
    }
    // Direct value: "PIN 4821", "OTP 482913".
    if (i === 0 && (kind === "pin" || kind === "otp")) {
      const [s, e] = trimValue(t);
      if (validValue(kind, text.slice(s, e), false)) emit(out, kind, s, e, 0.8);
      return;
    }
    // Direct key: "AWS key wJalrXUtnFEMI…", "token 9fQ2…", as a screen shows a label beside its value. Only a long
    // random-looking value of capitals, small letters and digits (an identifier of code seldom has all three:
    // "NotFoundExceptionHandler", "e2e_tests_run_2024") that is no hash or UUID (those name commits and records far
    // more often than keys).
    if (i === 0 && kind === "token") {
      const [s, e] = trimValue(t);
      const v = text.slice(s, e);
      if (
        v.length >= 20 &&
        ((/\d/.test(v) && /[a-z]/.test(v) && /[A-Z]/.test(v)) ||
          (tokenWordBefore(lower, end) && hexToken(v))) &&
        validValue(kind, v, false)
      )
        emit(out, kind, s, e, 0.8);
      return;
    }
    // Direct password: "мой пароль Xk29mQ7z", "wifi password Tr0ub4dor&3" — a value with three kinds of character
    // (small letters, capitals, digits or symbols), which the words of a sentence are not
    if (i === 0 && kind === "password") {
      const [s, e] = trimValue(t);
      const v = text.slice(s, e);
      // (a space apart: "user:password@host" is a URL's template, not an announcement)
      const spaced = t.start > end && /^[ \t]+$/.test(text.slice(end, t.start));
      if (
        spaced &&
        strongPassword(v) &&
        characterKinds(v) >= 3 &&
        !callExpression(t.text) &&
        !/^[@:/]/.test(v)
      )
        emit(out, kind, s, e, 0.75);
      if (!PREPS.has(lt)) return;
    }
    if (i === 0 && !PREPS.has(lt)) return;
    if (++qualifiers > 5) return;
    i++;
  }
}

/**
 * The announcing word that ends at `end` is "token" ("the token …", "api token …"): a token's value may be hex or a
 * UUID, which after "key" more often names a commit, a record or a fingerprint.
 */
function tokenWordBefore(lower: string, end: number): boolean {
  return lower.endsWith("token", end);
}

/**
 * Hex of a token's length, alone or after a short prefix ("08d5…", "sk-38fe…", "live_99c0…", "api-9da71459-…"):
 * 32 hex digits or more, or a UUID.
 */
const HEX_TOKEN =
  /^(?:[a-z]{2,8}[_-])?(?:[0-9a-f]{32,128}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
function hexToken(v: string): boolean {
  return HEX_TOKEN.test(v) && /\d/.test(v) && /[a-f]/i.test(v.replace(/^[a-z]{2,8}[_-]/i, ""));
}

/** CJK: "密码是abc123", "パスワード：abc123", "비밀번호는 abc123". */
function parseCjk(text: string, kind: ValueKind, end: number, out: Detection[]): void {
  const m = /^\s*(?:是|为|為|は|는|은|:|：|=)?\s*/.exec(text.slice(end, end + 8));
  const s = end + (m ? m[0].length : 0);
  let e = s;
  while (e < text.length && e - s < 64 && /[\x21-\x7e]/.test(text[e]!)) e++;
  const v = text.slice(s, e).replace(/[.,;:?。、]+$/, "");
  if (validValue(kind, v, true)) emit(out, kind, s, s + v.length, 0.8);
}

/**
 * Secrets announced by a word before them, found in one scan for all announcing words:
 * - passwords, PINs and one-time codes typed after words that announce them, in English, German, French,
 *   Spanish, Italian, Portuguese, Dutch, Nordic and Slavic languages, Finnish, Hungarian, Turkish, Greek,
 *   Russian and CJK: "my password is hunter2", "Passwort: geheim123", "mot de passe : azerty12", "my pin is
 *   4821", "verification code 482913". Only the value is reported; sentences about passwords ("the password is
 *   incorrect") are not;
 * - wallet seed phrases after "seed phrase", "mnemonic"... (crypto-keys.ts);
 * - HTTP credentials after "Bearer", "Basic", "Authorization:" (auth-header.ts).
 * @example announcedSecrets.detect({ text: "my password is hunter2", lower: "my password is hunter2", channel: "typed" })[0].start // 15
 */
export const announcedSecrets: Recognizer = {
  id: ID,
  types: [
    "SECRET:password",
    "SECRET:pin",
    "SECRET:otp",
    "SECRET:seed-phrase",
    "SECRET:bearer-token",
    "SECRET:basic-auth",
    "SECRET:authorization-header",
  ],
  readsWords: true,
  detect(input) {
    const { text } = input;
    const lower = alignedLower(input);
    const out = OUT;
    if (out.length !== 0) out.length = 0;
    scanAnnouncers(text, lower, out);
    return results(out);
  },
};

/**
 * Handle the announcing `word` found at `start`: check its boundaries and parse what follows.
 * Returns where scanning may resume (after a detected value), or `start + 1`.
 */
function announcement(text: string, lower: string, word: string, start: number, out: Detection[]): number {
  const end = start + word.length;
  const kind = KIND_OF.get(word)!;
  const before = out.length;
  if (isCjk(word)) {
    parseCjk(text, kind as ValueKind, end, out);
  } else {
    if (start > 0 && isWordChar(lower.charCodeAt(start - 1))) return start + 1;
    if (end < lower.length && isWordChar(lower.charCodeAt(end))) return start + 1;
    if (kind === "code" && containsBefore(lower, start, NOT_SECRET_CODE)) return start + 1;
    // "X-CSRF-Token: …", "csrf token": a form's anti-forgery value, not a credential
    if (kind === "token") {
      const head = lower.slice(Math.max(0, start - 24), start).replace(/[-_]/g, " ");
      if (containsBefore(head, head.length, NOT_SECRET_TOKEN)) return start + 1;
    }
    // an HTML or XML tag: "<code>SYMMETRIC_DEFAULT</code>: 4096 bytes"
    if (
      kind === "code" &&
      start > 0 &&
      (lower.charCodeAt(start - 1) === 60 || lower.charCodeAt(start - 1) === 47)
    )
      return start + 1;
    if (kind === "bearer") bearerAfter(text, end, out, ID);
    else if (kind === "basic") basicAfter(text, end, out, ID);
    else if (kind === "authorization") authorizationAfter(text, lower, end, out, ID);
    else if (kind === "phrase") seedPhraseAfter(lower, end, out, ID);
    else if (kind === "pair") credentialPair(text, end, out);
    else if (word === "pass") {
      // "user: jsmith pass: Welcome1!": "pass" is also a boarding pass, a bus pass, a test result
      const marked = text[end] === ":" || text[end] === "=";
      if (marked && USER_CUE.test(lower.slice(lineStartOf(lower, start), start))) strongAfter(text, end, out);
    } else if (word === "parole") {
      // Latvian "parole: …"; in French "parole" is speech ("la parole est à …"): after a colon only, and plainly
      // a password
      if (text[end] === ":") strongAfter(text, end, out);
    } else if (word === "pw" && text[end] === " ") {
      // "pw BlueSky42": the short form without a colon, before a value that is plainly a password
      if (!strongAfter(text, end, out)) parseAfter(text, lower, kind, end, out);
    } else parseAfter(text, lower, kind as ValueKind, end, out);
  }
  return out.length > before ? Math.max(start + 1, out[out.length - 1]!.end) : start + 1;
}

/** A password's label alone ("Password", "Passwort", "Mot de passe", "Contraseña"). */
const PASSWORD_LABEL = new RegExp(`^(?:pass ?word|passwort|${FOREIGN_PASSWORD_WORDS})$`, "i");

/** Words before "token" that make it no credential. */
const NOT_SECRET_TOKEN = ["csrf", "xsrf", "authenticity", "anti forgery"];

/** One of `words` ends right before `pos` (within two words / 24 chars). */
function containsBefore(lower: string, pos: number, words: readonly string[]): boolean {
  const slice = lower.slice(Math.max(0, pos - 24), pos).trimEnd();
  for (const w of words) {
    if (slice.endsWith(w)) {
      const b = slice.length - w.length - 1;
      if (b < 0 || !isWordChar(slice.charCodeAt(b))) return true;
    }
  }
  return false;
}
