import type { Detection, OrgDirectory, Recognizer } from "../../types.js";
import {
  L_CALENDAR,
  L_COMMON,
  L_EXTRA,
  L_FIRST,
  L_FUNCTION,
  L_FUNCTION_EN,
  L_LAST,
  L_ORG,
  L_CITY,
  L_PARTICLE,
  MONTH_ABBREVIATIONS,
  L_NAME_WORD,
  L_BRAND,
  L_PLACE,
  L_SUFFIX,
  L_TITLE,
  SURNAME_ENDINGS,
  lexicon,
  type Lexicon,
} from "./lexicon.js";
import {
  CH_AT,
  CH_AMP,
  CH_ANGLE,
  CH_COLON,
  CH_COMMA,
  CH_EQUALS,
  CH_HASH,
  CH_NEWLINE,
  CH_PAREN,
  CH_PLUS,
  CH_SEMI,
  CH_NONASCII,
  CH_QUOTE,
  CH_TILDE,
  K_ALLCAP,
  K_CAP,
  K_DIGITS,
  K_INITIAL,
  K_JOINED,
  K_LOWER,
  K_NONASCII,
  K_MARKS,
  type Tokens,
  isSpace,
  tokensOf,
  wordBits,
} from "./tokens.js";
import { isDigit } from "../contact/chars.js";
import { IN_HOUSE_WORDS } from "./in-house.js";
import { thingCells } from "./table-columns.js";
import { isJobWord } from "./screen-names.js";
import { codePartAt, IN_CODE, IN_STRING, isCodeLine } from "./code-lines.js";
import { entries, WordTable } from "./words.js";
import { FORM_PARTY_WORDS, PERSON_LABELS as LABELS } from "./labels.js";

/*
 * Person names without a statistical model. Runs of capitalised tokens are scored by what their
 * tokens are — a given or family name of the curated lists, a name that is also a common word, a
 * name of the larger list, a word with a family-name ending, an unknown word, an initial — and by
 * the words around them: titles, greetings, "my name is", "Name:", sign-offs, dialogue speakers,
 * "says X", "X said", lists joined by commas and "and", and later mentions of a name already found.
 * A text written wholly in lower case is read the same way, with stricter scores.
 */

// token categories
const CAT_NONE = 0; // not part of a name (common word, place, month, organisation word)
const CAT_STRONG = 1; // a given or family name of the curated (faker) lists, not a common word
const CAT_EXTRA = 2; // a name of the larger list only, or an unknown word with a family-name ending
const CAT_WEAK = 3; // a name that is also a common word or a place (Will, Grant, Georgia)
const CAT_UNKNOWN = 4; // capitalised, in no list
const CAT_INITIAL = 5; // "J" or "J."
const CAT_TAIL = 6; // a capitalised common word after a given name or a title ("Rebecca Hides", "Mr. Baker")

const ID = "person";

const GREETINGS = new Set([
  "hi",
  "hello",
  "hey",
  "dear",
  "hiya",
  "howdy",
  "thanks",
  "thank",
  "thx",
  "cheers",
  "bye",
  "goodbye",
  "welcome",
  "congrats",
  "congratulations",
  "morning",
  "afternoon",
  "evening",
  "night",
  "ciao",
  "hallo",
  "hola",
  "bonjour",
  "salut",
  "hej",
  "moin",
  "servus",
  "liebe",
  "lieber",
  "querida",
  "querido",
  "caro",
  "cara",
  "cher",
  "chère",
  "yo",
  "sorry",
  // a game's end: "GG Mavie, rematch tomorrow?"
  "gg",
  // greetings of other languages, as chat opens with them ("Hoi Sanne", "Cześć Kasia", "Olá João")
  "hoi",
  "hei",
  "heippa",
  "moi",
  "terve",
  "hejsan",
  "tjena",
  "cześć",
  "czesc",
  "witam",
  "ahoj",
  "olá",
  "oi",
  "buongiorno",
  "buonasera",
  "salve",
  "bonsoir",
  "coucou",
  "grüezi",
  "tere",
  "szia",
  "sveiki",
  "labas",
  "zdravo",
  "merhaba",
  "selam",
  "danke",
  "merci",
  "gracias",
  "grazie",
  "obrigado",
  "obrigada",
  "bedankt",
  "dankjewel",
  "tack",
  "takk",
  "kiitos",
  "dzięki",
  "dziękuję",
  "mulțumesc",
  // congratulations ("🎉 Glückwunsch X!!", "gefeliciteerd X", "complimenti X")
  "glückwunsch",
  "glückwünsche",
  "gratuliere",
  "gefeliciteerd",
  "proficiat",
  "félicitations",
  "felicidades",
  "felicitaciones",
  "complimenti",
  "congratulazioni",
  "auguri",
  "hallå",
  "estimado",
  "estimada",
  "gentile",
  "beste",
  // Cyrillic and Greek ("Привет, Иван", "Γεια σου Γιώργο"), and greetings written in Latin letters elsewhere
  "привет",
  "здравствуй",
  "здравствуйте",
  "здрасте",
  "уважаемый",
  "уважаемая",
  "дорогой",
  "дорогая",
  "спасибо",
  "привіт",
  "вітаю",
  "дякую",
  "здраво",
  "γεια",
  "καλημέρα",
  "καλησπέρα",
  "αγαπητέ",
  "αγαπητή",
  "ευχαριστώ",
  "shalom",
  "salam",
  "namaste",
  // and of Hungarian, Turkish, Brazilian, Vietnamese, Indonesian, Slovak, Czech, Croatian chat
  "köszi",
  "köszönöm",
  "teşekkürler",
  "sağol",
  "valeu",
  "chào",
  "halo",
  "vďaka",
  "ďakujem",
  "díky",
  "děkuji",
  "hvala",
  // the greetings of chat: "hbd Robion", "ty bhanti"
  "hbd",
  "ty",
  "tysm",
  "thnx",
  // "terima kasih Helda": both words, as the name's context
  "terima",
  "kasih",
  // Chinese greetings before a name ("你好，X！"; Arabic, Persian and Hebrew ones: CASELESS_GREETINGS)
  "你好",
  "您好",
  "嗨",
  "bok",
]);
const SIGNOFFS = new Set([
  "signed",
  "thanks",
  "thank you",
  "regards",
  "best",
  "cheers",
  "sincerely",
  "yours",
  "love",
  "br",
  "kind regards",
  "best regards",
  "best wishes",
  "warm regards",
  "all the best",
  "talk soon",
  "take care",
  "many thanks",
  "yours sincerely",
  "yours truly",
  "respectfully",
  "gruß",
  "grüße",
  "viele grüße",
  "cordialement",
  "saludos",
  "un saludo",
  "atentamente",
  "cumprimentos",
  "groeten",
  "hälsningar",
  "mvh",
  "terveisin",
  "pozdrawiam",
  "liebe grüße",
  "beste grüße",
  "freundliche grüße",
  "mit freundlichen grüßen",
  "herzliche grüße",
  "bien cordialement",
  "bien à vous",
  "amitiés",
  "bises",
  "saludos cordiales",
  "un abrazo",
  "cordiali saluti",
  "distinti saluti",
  "saluti",
  "un saluto",
  "a presto",
  "atenciosamente",
  "abraços",
  "met vriendelijke groet",
  "met vriendelijke groeten",
  "vriendelijke groet",
  "hartelijke groet",
  "groetjes",
  "z poważaniem",
  "pozdrowienia",
  "med vänliga hälsningar",
  "vänliga hälsningar",
  "med venlig hilsen",
  "venlig hilsen",
  "med vennlig hilsen",
  "vennlig hilsen",
  "hilsen",
  "ystävällisin terveisin",
  "s pozdravem",
  "s pozdravom",
  "üdvözlettel",
  "cu stimă",
  "с уважением",
  "з повагою",
  "saygılarımla",
  "trân trọng",
  "με εκτίμηση",
  "salam",
  "hormat saya",
]);
/** Words before a name that make a name more likely (moderate evidence). */
const AGENT_BEFORE = new Set([
  "it's",
  "by",
  "with",
  "from",
  "ask",
  "tell",
  "told",
  "asked",
  "thank",
  "ping",
  "cc",
  "contact",
  "meet",
  "met",
  "invite",
  "invited",
  "email",
  "emailed",
  "call",
  "called",
  "says",
  "said",
  "according",
  "featuring",
  "feat",
  "ft",
  "starring",
  "about",
  "under",
  "colleague",
  "friend",
  "brother",
  "sister",
  "mother",
  "father",
  "wife",
  "husband",
  "son",
  "daughter",
  "kid",
  "boss",
  "manager",
  "married",
  "heard",
  "add",
  "remove",
  "sent",
  "gave",
  "given",
  "via",
  "producer",
  "director",
  "writer",
  "singer",
  "artist",
  "actor",
  "actress",
  "player",
  "ceo",
  "founder",
  "founders",
  "assistant",
  "partner",
  "uncle",
  "aunt",
  "cousin",
  "grandfather",
  "grandmother",
  "nephew",
  "niece",
  "officer",
  "agent",
  "coach",
  "teacher",
  "student",
  "doctor",
  "nurse",
  "named",
  "to",
  "for",
  "early",
  "late",
  "poor",
  "lovely",
  "commenter",
  "including",
  "member",
  "leave",
  "join",
  "hired",
  "fired",
  "replace",
  "replaced",
  "interviewed",
  "visited",
  "visit",
  "saw",
  "see",
  "love",
  "loves",
  "hate",
  "hates",
  "marry",
  "dated",
  "dating",
  "follow",
  "text",
  "texted",
  "message",
  "messaged",
  "dm",
]);
/** Words after a name that make a name more likely. */
const VERB_AFTER = new Set([
  "said",
  "says",
  "told",
  "asked",
  "wrote",
  "writes",
  "replied",
  "explained",
  "lives",
  "lived",
  "shouted",
  "added",
  "noted",
  "thinks",
  "believes",
  "wants",
  "called",
  "emailed",
  "agreed",
  "spent",
  "joined",
  "began",
  "listed",
  "recorded",
  "founded",
  "had",
  "has",
  "is",
  "was",
  "will",
  "would",
  "can",
  "could",
  "went",
  "sang",
  "sings",
  "directed",
  "starred",
  "married",
  "died",
  "born",
  "retired",
  "works",
  "worked",
  "graduated",
  "flew",
  "moved",
  "grew",
  "just",
  "were",
  "are",
  "speak",
  "speaks",
  "spoke",
  "laughed",
  "smiled",
  "replied",
  "answered",
  "wants",
  "needs",
  "likes",
  "loves",
  "knows",
  "thinks",
  "feels",
  "looks",
  "seems",
  "says",
]);

/** Street-type words: "Dale Street" is no name even though Dale is. */
const STREET_WORDS = new Set([
  "street",
  "st",
  "avenue",
  "ave",
  "road",
  "rd",
  "lane",
  "drive",
  "boulevard",
  "blvd",
  "way",
  "place",
  "square",
  "court",
  "terrace",
  "crescent",
  "close",
  "highway",
  "parkway",
  "alley",
]);
/** Family words that introduce a name after "my/our/your": "my kid Tadzio", "my brother Tom". */
const KINSHIP = new Set([
  "kid",
  "kids",
  "son",
  "daughter",
  "brother",
  "sister",
  "wife",
  "husband",
  "mother",
  "father",
  "mom",
  "mum",
  "dad",
  "uncle",
  "aunt",
  "cousin",
  "nephew",
  "niece",
  "grandson",
  "granddaughter",
  "grandfather",
  "grandmother",
  "grandma",
  "grandpa",
  "friend",
  "colleague",
  "boss",
  "manager",
  "partner",
  "boyfriend",
  "girlfriend",
  "fiancé",
  "fiancée",
  "neighbour",
  "neighbor",
  "roommate",
  "child",
  "baby",
  "stepson",
  "stepdaughter",
]);
/** Verbs whose subject is a person: an unknown capitalised word before one is taken as a name. */
const PERSON_VERBS = new Set([
  "lives",
  "lived",
  "shouted",
  "began",
  "said",
  "says",
  "told",
  "asked",
  "spent",
  "wrote",
  "replied",
  "explained",
  "smiled",
  "laughed",
  "married",
  "cried",
  "whispered",
  "yelled",
  "sighed",
  "nodded",
  "grinned",
]);
/**
 * Verbs whose object is a person: an unlisted capitalised word right after one is taken as a name ("ask Berniquin
 * about the server", "cc Dureildne"). Nouns that are also brands or tools ("call", "text", "email") are left out.
 */
const ADDRESS_BEFORE = new Set([
  "ask",
  "asked",
  "tell",
  "told",
  "ping",
  "pinged",
  "cc",
  "contact",
  "contacted",
  "meet",
  "met",
  "texted",
  "messaged",
  "dm",
  "thank",
  "thanked",
  "remind",
  "reminded",
  "invite",
  "invited",
  "introducing",
  "introduce",
  "introduced",
  "pinging",
  "interviewed",
  "interviewing",
  "hired",
  "onboarded",
  "promoted",
  "mentored",
  "phoned",
  // "Передай Маилева, что…": tell, pass on to
  "передай",
  "передайте",
  "скажи",
  "скажите",
  "emailed",
  // "Domani vedo X", "Je vois X demain", "Mañana veo a X"
  "vedo",
  "vois",
  "veo",
]);
/** Verbs with two objects: an unlisted word between one and "his"/"her" is a person ("had given Hakuba his address"). */
const GIVE_VERBS = new Set([
  "give",
  "gave",
  "given",
  "gives",
  "tell",
  "told",
  "send",
  "sent",
  "show",
  "showed",
  "shown",
  "hand",
  "handed",
  "offer",
  "offered",
  "owe",
  "owed",
  "pay",
  "paid",
  "wish",
  "wished",
  "lend",
  "lent",
  "promised",
  "bought",
]);
/**
 * Nouns before "of" whose object is a person: "the account of Gingen", "on behalf of", "care of" (not "on account
 * of"); "compte de", "Konto von", "conto di", "cuenta de", "rekening van".
 */
const OWNER_OF = new Set([
  "account",
  "behalf",
  // what only a person has: "the true gender of Vehbija", "the wife of X", "in memory of X"
  "gender",
  "birthday",
  "wife",
  "husband",
  "funeral",
  "memory",
  "honour",
  "honor",
  "care",
  "attention",
  "estate",
  "custody",
  "widow",
  "widower",
  "compte",
  "konto",
  "conto",
  "cuenta",
  "rekening",
]);
/** "of" in the languages of OWNER_OF. */
const OF_WORDS = ["of", "de", "von", "di", "del", "du", "van"];
/**
 * What a person's subject does, after "is"/"was"/"had"/"has"/"will be": "Tomomi is from ...", "Willemine will be
 * talking" (and GIVE_VERBS after "had"/"has": "Hakuba had given ..."). Checked only after an unlisted word.
 */
const AFTER_AUX = new Set([
  "from",
  "told",
  "born",
  "married",
  "talking",
  "speaking",
  "presenting",
  "visiting",
  "meeting",
  "joining",
  "arriving",
  "coming",
  // "brb, X is calling", "X is typing"
  "calling",
  "typing",
  "asking",
  "travelling",
  "traveling",
  // "X hat angerufen", "X ha chiamato", "X a appelé", "X heeft gebeld", "X ha llamado"
  "angerufen",
  "chiamato",
  "gebeld",
  "llamado",
  "geschrieben",
  "scritto",
  "geschreven",
  "escrito",
  // "X ha risposto?", "X heeft gereageerd", "X hat geantwortet", "X ha contestado"
  "risposto",
  "gereageerd",
  "geantwoord",
  "geantwortet",
  "contestado",
  "respondido",
]);
/** Auxiliaries before AFTER_AUX words, in the same languages. */
const AUX = ["is", "was", "had", "has", "will", "hat", "hatte", "ha", "heeft"];
/** French participles after "a" ("X a appelé"): apart, since "a" is an English article ("a given text"). */
const FR_AFTER_A = ["appelé", "écrit", "téléphoné", "répondu", "envoyé", "demandé"];

/** Words that follow "Name," at a sentence start when the name is addressed: "Leif, can I ...". */
const VOCATIVE_NEXT = new Set([
  "can",
  "could",
  "would",
  "will",
  "please",
  "do",
  "did",
  "are",
  "have",
  "i",
  "you",
  "we",
  "let's",
  "thanks",
  "thank",
  "how",
  "what",
  "where",
  "when",
  "why",
  "is",
  "it's",
  "i'm",
  "listen",
  "look",
]);

// ---- context words, looked up straight from the text (flags, and an id in the high bits) ----
const W_LABEL = 1;
const W_GREET = 2;
const W_AGENT = 4;
const W_VERB = 8;
const W_STREET = 16;
const W_KIN = 32;
const W_PVERB = 64;
const W_VOCATIVE = 128;
const W_COORD_VERB = 256; // "were", "are", "have", "had", "both", "was", "said", "say" after a list
const W_POSSESSIVE = 512; // "my", "our", "your", "his", "her"
const W_ADDRESS = 1024; // ADDRESS_BEFORE
const W_GIVE = 2048; // GIVE_VERBS
const W_OWNER = 4096; // OWNER_OF
const W_AFTER_AUX = 8192; // AFTER_AUX
const W_AUX = 16384; // AUX
const W_OF = 32768; // OF_WORDS
const W_FR_AFTER_A = 1 << 16; // FR_AFTER_A
/** The bits of a context word's value above its W_* flags hold its id among ID_WORDS. */
const ID_SHIFT = 17;
const ID_WORDS = [
  "is",
  "name",
  "this",
  "me",
  "call",
  "calls",
  "called",
  "named",
  "him",
  "her",
  "them",
  "am",
  "i",
  "i'm",
  "im",
  "thank",
  "you",
  "says",
  "said",
  "it's",
  "on",
  "be",
  "will",
  "had",
  "has",
  // introductions in German, Dutch, French, Spanish, Italian ("mein Name ist", "ik heet", "je m'appelle")
  "ist",
  "naam",
  "nom",
  "est",
  "nombre",
  "es",
  "heiße",
  "heisse",
  "heet",
  "llamo",
  "chiamo",
  "m'appelle",
] as const;
const idOf = (w: (typeof ID_WORDS)[number]): number => ID_WORDS.indexOf(w) + 1;
const ID_IS = idOf("is");
const ID_NAME = idOf("name");
const ID_THIS = idOf("this");
const ID_ME = idOf("me");
const ID_CALL = idOf("call");
const ID_CALLS = idOf("calls");
const ID_CALLED = idOf("called");
const ID_NAMED = idOf("named");
const ID_HIM = idOf("him");
const ID_HER = idOf("her");
const ID_THEM = idOf("them");
const ID_AM = idOf("am");
const ID_I = idOf("i");
const ID_I_M = idOf("i'm");
const ID_IM = idOf("im");
const ID_THANK = idOf("thank");
const ID_YOU = idOf("you");
const ID_SAYS = idOf("says");
const ID_SAID = idOf("said");
const ID_ITS = idOf("it's");
const ID_ON = idOf("on");
const ID_BE = idOf("be");
const ID_WILL = idOf("will");
const ID_HAD = idOf("had");
const ID_HAS = idOf("has");
const ID_IST = idOf("ist");
const ID_NAAM = idOf("naam");
const ID_NOM = idOf("nom");
const ID_EST = idOf("est");
const ID_NOMBRE = idOf("nombre");
const ID_ES = idOf("es");
/** "heiße", "heisse", "heet", "llamo", "chiamo", "m'appelle": a verb that introduces a name alone. */
const ID_NAMING_FIRST = idOf("heiße");
const ID_NAMING_LAST = idOf("m'appelle");
const CONTEXT_WORDS = new WordTable([
  ...entries(LABELS, W_LABEL),
  ...entries(GREETINGS, W_GREET),
  ...entries(AGENT_BEFORE, W_AGENT),
  ...entries(VERB_AFTER, W_VERB),
  ...entries(STREET_WORDS, W_STREET),
  ...entries(KINSHIP, W_KIN),
  ...entries(PERSON_VERBS, W_PVERB),
  ...entries(VOCATIVE_NEXT, W_VOCATIVE),
  ...entries(["were", "are", "have", "had", "both", "was", "said", "say"], W_COORD_VERB),
  ...entries(["my", "our", "your", "his", "her", "their"], W_POSSESSIVE),
  ...entries(ADDRESS_BEFORE, W_ADDRESS),
  ...entries(GIVE_VERBS, W_GIVE),
  ...entries(OWNER_OF, W_OWNER),
  ...entries(AFTER_AUX, W_AFTER_AUX),
  ...entries(AUX, W_AUX),
  ...entries(OF_WORDS, W_OF),
  ...entries(FR_AFTER_A, W_FR_AFTER_A),
  ...ID_WORDS.map((w, k) => [w, (k + 1) << ID_SHIFT] as const),
]);

interface Seg {
  a: number; // first token index
  b: number; // last token index (inclusive)
  start: number;
  end: number;
  strong: number;
  extra: number;
  weak: number;
  unknown: number;
  tail: number;
  initialInside: boolean;
  words: number;
  score: number;
  speaker: boolean;
  titled: boolean;
}

/**
 * Person names. Emits PERSON, level 3.
 * @example person.detect({ text: "Dear Mr. Smith,", lower: "dear mr. smith,", channel: "typed" })[0].start // 9
 */
export const person: Recognizer = {
  id: ID,
  types: ["PERSON"],
  readsWords: true,
  detect({ text, lower, directory, channel }) {
    gapSpaces = channel === "ocr" ? 1 : 4;
    try {
      return detectPersons(text, lower, directory);
    } finally {
      gapSpaces = 4;
    }
  },
};

const SPACE = (c: number) => c === 32 || c === 9 || c === 0xa0;

/**
 * Find person names in `text`. `lower` is `text.toLowerCase()`.
 * @example detectPersons("Hi Anna, see you.", "hi anna, see you.").length // 1
 */
export function detectPersons(inText: string, inLower: string, directory?: OrgDirectory): Detection[] {
  const toks = tokensOf(inText);
  if (toks.count === 0) return [];
  text = inText;
  lower = inLower;
  n = toks.count;
  lex = lexicon();
  sameLen = lower.length === text.length;
  // a text with no capital letter at all (chat typed in lower case): names are read without capitals
  lowerMode = sameLen && toks.uppers === 0;
  ts = toks.start;
  te = toks.end;
  tk = toks.kind;
  if (catBuf.length < n) {
    catBuf = new Int8Array(Math.max(n, catBuf.length * 2));
    bitsBuf = new Int32Array(catBuf.length);
  }
  cat = catBuf;
  bitsOf = bitsBuf;
  if (wvBuf.length < n) wvBuf = new Int32Array(catBuf.length);
  if (cueBuf.length < n) cueBuf = new Int32Array(catBuf.length);
  // records are short: a loop is cheaper here than three calls of TypedArray.fill
  const wvb = wvBuf;
  const cub = cueBuf;
  for (let k = 0; k < n; k++) {
    cat[k] = -1;
    bitsOf[k] = 0;
    wvb[k] = -1;
    cub[k] = -1;
  }
  toksCur = toks;
  german = -1;
  latinMost = -1;
  englishCount = -1;
  actionLines = -1;
  caseLines = -1;
  wordChecks = WORD_CHECKS;
  codeLineEnd = -1;
  codeIdLine = -1;
  codeIdGate = -1;
  namedList = -1;
  segs = [];
  const out: Detection[] = [];
  chains();
  if (segs.length > 0) rescore();
  for (const s of segs) {
    if (
      s.score >= 0.5 &&
      !(s.a === s.b && ROLE_WORDS.has(lower.slice(ts[s.a]!, te[s.a]!))) &&
      !inHousePlace(s) &&
      !beforeOccasion(s) &&
      !afterModel(s) &&
      !vehicleMake(s) &&
      !codeIdentifier(s)
    )
      out.push({
        start: scriptStart(s) ?? bylineStart(s) ?? zwnjStart(s.start),
        end: initialAfterComma(scriptCut(s) ?? zwnjEnd(s.end)),
        type: "PERSON",
        score: s.score,
        level: 3,
        recognizer: ID,
      });
  }
  if (!lowerMode) lowercaseAfterIntro(toks, out);
  if (toks.chars & CH_AT) mentions(toks, out);
  // a table's city, company or role column holds no person ("name,phone,city" then "…,Leeds")
  if (toks.chars & CH_NEWLINE && out.length > 0) dropThingCells(out);
  if (directory) matchDirectory(toks, directory, out);
  return out;
}

/** `end`, or the end of a given name's initial after a comma that follows it: "Keltrude, Z." (a pharmacy's, a directory's). */
function initialAfterComma(end: number): number {
  if (codeAt(end) !== 44 || codeAt(end + 1) !== 32 || codeAt(end + 3) !== 46) return end;
  const c = text[end + 2]!;
  if (c === c.toLowerCase() && !(lowerMode && c >= "a" && c <= "z")) return end;
  const after = end + 4 < text.length ? codeAt(end + 4) : 32;
  return after === 32 || after === 10 || after === 44 || after === 59 || after === 41 || after === 9
    ? end + 4
    : end;
}

/**
 * Segment s is a place inside a site, not a person: its words are all in-house words, and a number follows ("Floor
 * 5", "Building 2": Floor is a Dutch given name too), or, in no list of names, they are a field's value after a colon
 * or a comma ("Deliver to: Mailroom"; not "Photo by Balie").
 */
function inHousePlace(s: Seg): boolean {
  let listed = false;
  for (let t = s.a; t <= s.b; t++) {
    if ((cue(t) & C_IN_HOUSE) === 0) return false;
    if (cat[t] === CAT_STRONG || cat[t] === CAT_WEAK) listed = true;
  }
  const q = s.b + 1;
  if (q < n && te[s.b]! + 1 === ts[q]! && codeAt(te[s.b]!) === 32 && isDigitsOnly(q)) return true;
  if (listed) return false;
  let k = ts[s.a]! - 1;
  while (k >= 0 && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k--;
  return k >= 0 && (text.charCodeAt(k) === 58 || text.charCodeAt(k) === 44);
}

/**
 * Segment s is a car, not a person: it opens with a maker's name after an article, a possessive or a colour ("in a
 * grey Toyota Prius", "my Honda Civic"; "Akira Toyota" and "Harrison Ford" keep theirs).
 */
function vehicleMake(s: Seg): boolean {
  if ((cue(s.a) & C_VEHICLE_MAKES) === 0) return false;
  const p = s.a - 1;
  return p >= 0 && onlySpaces(te[p]!, ts[s.a]!) && (cue(p) & C_CAR_BEFORE) !== 0 && (tk[p]! & K_LOWER) !== 0;
}
// prettier-ignore
const VEHICLE_MAKES_WORDS = [
  "toyota", "honda", "nissan", "mazda", "subaru", "suzuki", "mitsubishi", "lexus", "ford", "chevrolet", "chevy",
  "tesla", "bmw", "audi", "mercedes", "volkswagen", "vw", "kia", "hyundai", "volvo", "skoda", "škoda", "renault",
  "peugeot", "citroën", "citroen", "fiat", "jeep", "dodge", "porsche", "ferrari", "jaguar", "opel", "dacia", "mini",
  "cupra", "lincoln", "cadillac", "buick", "chrysler", "acura", "infiniti", "genesis", "polestar", "byd", "lada",
];
/** Words before a car's maker: articles, possessives, colours, "drives". */
// prettier-ignore
const CAR_BEFORE_WORDS = [
  "a", "an", "the", "my", "his", "her", "our", "their", "your", "grey", "gray", "silver", "black", "white", "red",
  "blue", "green", "new", "old", "used", "rented", "rental", "drives", "drove", "driving", "ein", "einem", "einen",
  "une", "un", "una", "uno", "een",
];

/**
 * Segment s is a product's tier after its model code, not a person: "the M1 Max", "Galaxy S23 Ultra" (a code of one
 * or two capitals then digits; "Room B12 Anna" keeps its name).
 */
function afterModel(s: Seg): boolean {
  const p = s.a - 1;
  if (s.a !== s.b || p < 0 || ts[s.a]! - te[p]! !== 1 || codeAt(te[p]!) !== 32) return false;
  if ((cue(s.a) & C_PRODUCT_TIERS) === 0) return false;
  if ((tk[p]! & (K_CAP | K_DIGITS)) !== (K_CAP | K_DIGITS)) return false;
  return te[p]! - ts[p]! <= 5 && MODEL_CODE.test(text.slice(ts[p]!, te[p]!));
}
const MODEL_CODE = /^[A-Z]{1,2}\d{1,3}$/;
const PRODUCT_TIERS_WORDS = [
  "max",
  "pro",
  "ultra",
  "plus",
  "mini",
  "air",
  "lite",
  "neo",
  "prime",
  "note",
  "edge",
];

/** Segment s is one word right before an occasion: the wish's adjective ("Feliz cumpleaños", "Happy Birthday"). */
function beforeOccasion(s: Seg): boolean {
  // (or holds one, as lower-case chat runs the wish into a name's words: "fijne verjaardag, X!")
  for (let t = s.a; t <= s.b; t++) if (cue(t) & C_OCCASIONS) return true;
  const q = s.b + 1;
  return (
    s.a === s.b && q < n && onlySpaces(te[s.b]!, ts[q]!) && (cue(q) & C_OCCASIONS) !== 0 && !possLen(s.b)
  );
}

/**
 * Remove from `out` the names that lie in cells of a table's columns of places, organisations or roles: in one, or
 * across neighbouring ones ("Paris\tFrance" read as one name across the tab).
 */
function dropThingCells(out: Detection[]): void {
  const cells = thingCells(text, lower);
  if (cells.length === 0) return;
  let w = 0;
  for (const d of out) if (!inThingCells(cells, d.start, d.end)) out[w++] = d;
  out.length = w;
}

/** [start, end) lies within thing cells that follow each other with only separators between them. */
function inThingCells(cells: readonly number[], start: number, end: number): boolean {
  let i = 0;
  while (i < cells.length && !(start >= cells[i]! && start < cells[i + 1]!)) i += 2;
  if (i >= cells.length) return false;
  for (; i < cells.length; i += 2) {
    if (end <= cells[i + 1]!) return true;
    const next = i + 2;
    if (next >= cells.length) return false;
    // (what lies between this cell and the next is a separator, blanks or quotes, no word)
    for (let k = cells[i + 1]!; k < cells[next]!; k++) {
      const c = text.charCodeAt(k);
      if (!(c === 9 || c === 32 || c === 44 || c === 59 || c === 124 || c === 34)) return false;
    }
  }
  return false;
}

/**
 * Accounts and roles that an app names where it would name a person ("Modified by Admin", "Posted by System"): alone,
 * no person, though some are names in the larger lists.
 */
const ROLE_WORDS = new Set(
  "admin administrator system root support bot guest owner moderator everyone anonymous unknown staff team".split(
    " ",
  ),
);

const ZWNJ = 0x200c;
const LETTER_RE = /\p{L}/u;
/** Parts a word may have across non-joiners, and letters per part, that a name takes beyond its tokens. */
const ZWNJ_PARTS = 3;
const ZWNJ_PART_LETTERS = 24;
/**
 * Persian writes a zero-width non-joiner inside words ("نعمت‌زاده", "علی‌آبادی"); the tokens stop at it, so a name
 * that ends (or starts) at one takes the letters beyond it: a few parts of a word at most, so that a long run of
 * joined letters costs no more than a word (a text of many names each would otherwise be read to its end).
 */
function zwnjEnd(e: number): number {
  for (let p = 0; p < ZWNJ_PARTS; p++) {
    if (!(e + 1 < text.length && text.charCodeAt(e) === ZWNJ && LETTER_RE.test(text[e + 1]!))) break;
    const from = e + 1;
    e += 2;
    while (e < text.length && e - from < ZWNJ_PART_LETTERS && LETTER_RE.test(text[e]!)) e++;
  }
  return e;
}
function zwnjStart(s: number): number {
  for (let p = 0; p < ZWNJ_PARTS; p++) {
    if (!(s >= 2 && text.charCodeAt(s - 1) === ZWNJ && LETTER_RE.test(text[s - 2]!))) break;
    const to = s - 1;
    s -= 2;
    while (s > 0 && to - s < ZWNJ_PART_LETTERS && LETTER_RE.test(text[s - 1]!)) s--;
  }
  return s;
}

/** Chains of name-like tokens, each scored as a segment (pushed to `segs`). */
function chains(): void {
  const kinds = tk;
  const ends = te;
  const starts = ts;
  const count = n;
  const lowers = lowerMode;
  const len0 = text.length;
  for (let i = 0; i < count; i++) {
    const k = kinds[i]!;
    if (!((k & K_CAP) !== 0 || (lowers && (k & K_LOWER) !== 0) || caselessTok(i))) {
      // a lower-case title before a capitalised name: "ms. Quinzia", "dr. Who"
      if (!(k & K_LOWER)) continue;
      const e = ends[i]!;
      const len = e - starts[i]!;
      if (len < 2 || len > 4 || e >= len0 || text.charCodeAt(e) !== 46 || !isTitleTok(i)) continue;
    }
    const c0 = categorise(i);
    // a title starts a chain even though it is no name itself ("Mr.", "dr.")
    const title = isTitleTok(i);
    if (c0 === CAT_NONE && !title) continue;
    let j = i;
    const first = i;
    let onlyTitles = title;
    let tooLong = false;
    let firstName = c0 === CAT_STRONG && (bitsOf[i]! & L_FIRST) !== 0;
    while (j + 1 < n) {
      if (j - first >= 8) {
        // a run of nine or more name-like words is a heading or a list of titles, not a name:
        // skip the rest of the capitalised run without looking its words up
        while (j + 1 < n && tk[j + 1]! & K_CAP && chainGap(text, te[j]!, ts[j + 1]!, true)) j++;
        tooLong = true;
        break;
      }
      const afterDot = (tk[j]! & K_INITIAL) !== 0 || isTitleTok(j) || cat[j] === CAT_INITIAL;
      if (!chainGap(text, te[j]!, ts[j + 1]!, afterDot) || possLen(j)) break;
      const nk = tk[j + 1]!;
      const prevIsName = !onlyTitles && cat[j] !== CAT_INITIAL;
      // "Gol di X", "doelpunt van X", "Bonifico a X": a goal's or a transfer's noun and its preposition, not a name
      // and its particle
      if (nk & K_LOWER && (cue(j) & C_TOWARDS_NOUNS) !== 0) break;
      if (lowerMode && !onlyTitles && nk & K_LOWER) {
        // in lower-case chat a particle is also a given name ("van"): it joins as a particle when a known
        // family name follows ("axel van der wal")
        const p = afterParticles(j, afterDot);
        if (p > 0 && tk[p]! & K_LOWER && fullBits(p) & L_LAST && categorise(p) !== CAT_NONE) {
          j = p;
          continue;
        }
      }
      if (startsName(j + 1)) {
        let c = categorise(j + 1);
        // "Juliusz A Kwiatkowski", "benjamin a seiler": A or I between two names is a middle initial
        if (
          c === CAT_NONE &&
          te[j + 1]! - ts[j + 1]! === 1 &&
          text.charCodeAt(ts[j + 1]!) < 128 &&
          prevIsName &&
          // (in lower-case chat only after a listed given name: "dì a X che" is "tell X that")
          (!lowerMode || cat[j] === CAT_STRONG) &&
          j + 2 < n &&
          startsName(j + 2) &&
          chainGap(text, te[j + 1]!, ts[j + 2]!, true) &&
          (categorise(j + 2) !== CAT_NONE || tailOk(j + 2))
        )
          c = cat[j + 1] = CAT_INITIAL;
        // in lower-case chat a function word that is a name too joins a name only as its last word ("anthony fu,";
        // not "quavel au café"), and a particle only before more of it ("maría del carmen"; not "con X al bar")
        if (lowerMode && c === CAT_WEAK && nk & K_LOWER && bitsOf[j + 1]! & (L_FUNCTION | L_PARTICLE)) {
          const nx = j + 2;
          const continues =
            nx < n &&
            chainGap(text, te[j + 1]!, ts[nx]!, false) &&
            startsName(nx) &&
            categorise(nx) !== CAT_NONE;
          if (bitsOf[j + 1]! & L_PARTICLE ? !continues : continues) break;
        }
        if (c !== CAT_NONE || bitsOf[j + 1]! & L_SUFFIX || (onlyTitles && isTitleTok(j + 1))) {
          j++;
          if (c === CAT_STRONG && bitsOf[j]! & L_FIRST) firstName = true;
          if (c === CAT_INITIAL && j > first) firstName = true;
          if (!isTitleTok(j)) onlyTitles = false;
          continue;
        }
        // "Rebecca Hides", "Mr. Baker", "Jildau S Bouts": a capitalised common word ends the name
        // (not across a wider gap, a form's next column: "Passenger: Mara   Seat 14C")
        if ((firstName || onlyTitles) && !lowerMode && !wideGap(te[j]!, ts[j + 1]!) && tailOk(j + 1)) {
          cat[j + 1] = CAT_TAIL;
          j++;
        }
        break;
      }
      // "Konto von Linissa": a German noun and "von" are an owner's account, not a name's particle; "Venduto da
      // Amazon", "Enviado de": a participle and its agent
      if (
        nk & K_LOWER &&
        !onlyTitles &&
        !(wv(j) & W_OWNER && wv(j + 1) & W_OF) &&
        !(j === first && participleOpens(j))
      ) {
        const p = afterParticles(j, afterDot);
        if (p > 0 && tk[p]! & K_CAP) {
          const c = categorise(p);
          // an unknown word after the particles ends a name only after a given name: "Willemine ten Pas", but
          // not "Schick das Paket"; and a given name alone after them is no family name after an unknown word:
          // "Konto von Emanuel" is an account and a name
          const givenOnly = (bitsOf[p]! & (L_FIRST | L_LAST)) === L_FIRST;
          if (
            c !== CAT_INITIAL &&
            (c !== CAT_NONE || (firstName && tailOk(p))) &&
            !(givenOnly && (cat[j] === CAT_UNKNOWN || cat[j] === CAT_TAIL))
          ) {
            if (c === CAT_NONE) cat[p] = CAT_TAIL;
            j = p;
            continue;
          }
        }
      }
      break;
    }
    i = j;
    if (tooLong) continue;
    const before = segs.length;
    buildSegment(first, j);
    const m = lowerMode && j - first >= 3 ? dottedInitialIn(first, j) : -1;
    if (m >= 0 && (segs.length === before || segs[before]!.score < 0.5)) {
      // lower-case chat runs the sentence and the name together: "jadłem obiad z holf k. masłodera"; where the
      // run as a whole is no name, the initial marks the name's words
      segs.length = before;
      if (m - 2 >= first) buildSegment(first, m - 2);
      buildSegment(m - 1, m + 1);
      if (m + 2 <= j) buildSegment(m + 2, j);
    }
  }
}

/** Romance past participles' endings ("Venduto", "Spedito", "Enviado"), of words in no list of names. */
const PARTICIPLE_RE = /(?:at|ut|it|ad|id)[oa]$/;
/** Token j is a capitalised Romance past participle that is no listed name, before its agent ("Venduto da X"). */
function participleOpens(j: number): boolean {
  if (te[j]! - ts[j]! < 6 || cat[j] === CAT_STRONG || cat[j] === CAT_WEAK) return false;
  // (and a byline's: "Erstellt von X", "Redatto da X")
  return (cue(j) & C_BYLINE_VERBS) !== 0 || PARTICIPLE_RE.test(lower.slice(ts[j]!, te[j]!));
}

/** [from, to) holds two blanks side by side or a tab: columns of a form, not words of a sentence. */
function wideGap(from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 9 || (k > from && isSpace(c) && isSpace(text.charCodeAt(k - 1)))) return true;
  }
  return false;
}

/** In lower-case chain first..j, an initial with its dot between two longer words (not at the chain's ends). */
function dottedInitialIn(first: number, j: number): number {
  for (let m = first + 1; m < j; m++)
    if (
      cat[m] === CAT_INITIAL &&
      text.charCodeAt(te[m]!) === 46 &&
      te[m - 1]! - ts[m - 1]! >= 3 &&
      te[m + 1]! - ts[m + 1]! >= 3
    )
      return m;
  return -1;
}

/**
 * The token after one or two name particles that follow token j ("Willemine ten Pas", "Maika van de Noort",
 * "Jakob E. de Groot"), or -1 when no particle follows or nothing follows the particles on the same line.
 */
function afterParticles(j: number, afterDot: boolean): number {
  let p = j + 1;
  while (
    p < n &&
    p - j <= 2 &&
    tk[p]! & K_LOWER &&
    fullBits(p) & L_PARTICLE &&
    // the dot of an initial may precede the first particle
    chainGap(text, te[p - 1]!, ts[p]!, p === j + 1 && afterDot)
  )
    p++;
  return p > j + 1 && p < n && chainGap(text, te[p - 1]!, ts[p]!, false) ? p : -1;
}

/**
 * text[s..e) is written as an identifier of code: three words run together ("NotFoundException",
 * "GetUserRequest"), or three capitals or more before a word ("KMSClient", "XMLParser"). A word inside is a capital
 * after a lower-case letter and two lower-case letters or more after it, so a name with a capital inside
 * ("McDonald", "MaryAnne") or typed with stray capitals ("RolaNdo", "FanUcCi") is not one.
 */
function codeIdent(s: number, e: number): boolean {
  let humps = 0;
  let caps = 0;
  for (let q = s; q < e; q++) {
    const c = text.charCodeAt(q);
    if (c >= 65 && c <= 90) {
      caps++;
      continue;
    }
    if (c >= 97 && c <= 122 && caps > 0) {
      // capitals before a word, unless the word is a name glued to them ("TFNMarjo")
      if (q - caps === s && caps >= 4)
        return !(sameLen && lex.getRange(lower, q - 1, e) & (L_FIRST | L_LAST));
      // a word: one capital after a lower-case letter, then two lower-case letters or more
      const before = q - caps > s ? text.charCodeAt(q - caps - 1) : 0;
      const after = q + 1 < e ? text.charCodeAt(q + 1) : 0;
      if (caps === 1 && before >= 97 && before <= 122 && after >= 97 && after <= 122) humps++;
    }
    caps = 0;
  }
  return humps >= 2;
}

const MONTHS_SHORT = new WordTable(MONTH_ABBREVIATIONS.map((w) => [w, 1] as const));

/** Token i (text[s..e)) is a month's abbreviation with a day of one or two digits right before or after it. */
function monthBesideDay(i: number, s: number, e: number): boolean {
  if (e - s < 3 || !sameLen) return false;
  // "Dec 18", "Dec. 18", "18 Dec", "18. Dec": the day first (a bit test), the word's look-up after
  const day = (t: number) =>
    t >= 0 && t < n && (tk[t]! & K_DIGITS) !== 0 && te[t]! - ts[t]! <= 2 && isDigitsOnly(t);
  const next = i + 1;
  const prev = i - 1;
  if (!((day(next) && ts[next]! - e <= 2) || (day(prev) && s - te[prev]! <= 2))) return false;
  return MONTHS_SHORT.getRange(lower, s, e) !== 0;
}
/**
 * Token i (text[s..e)) is a month's abbreviation beside another, with only spaces and list marks between: a
 * calendar's or a chart's row ("Jan Feb Mar", "'Sep', 'Oct'", "Nov/Dec"). Two names are joined by a word ("Dec
 * and Nov"), not by a comma alone.
 */
function monthBesideMonth(i: number, s: number, e: number): boolean {
  if (e - s < 3 || !sameLen || MONTHS_SHORT.getRange(lower, s, e) === 0) return false;
  const month = (t: number, a: number, b: number) =>
    t >= 0 &&
    t < n &&
    te[t]! - ts[t]! >= 3 &&
    te[t]! - ts[t]! <= 4 &&
    listGap(a, b) &&
    MONTHS_SHORT.getRange(lower, ts[t]!, te[t]!) !== 0;
  return month(i - 1, i > 0 ? te[i - 1]! : 0, s) || month(i + 1, e, i + 1 < n ? ts[i + 1]! : 0);
}
/** text[a..b) is 1-5 characters of spaces, quotes and list marks (, ; / | - . ·). */
function listGap(a: number, b: number): boolean {
  if (b - a < 1 || b - a > 5) return false;
  for (let k = a; k < b; k++) {
    const c = text.charCodeAt(k);
    if (!(
      c === 32 ||
      c === 9 ||
      c === 44 ||
      c === 59 ||
      c === 47 ||
      c === 124 ||
      c === 45 ||
      c === 46 ||
      c === 39 ||
      c === 34 ||
      c === 0xb7
    ))
      return false;
  }
  return true;
}
function isDigitsOnly(t: number): boolean {
  for (let q = ts[t]!; q < te[t]!; q++) {
    const c = text.charCodeAt(q);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** German articles and determiners, after which a capitalised word is a noun. */
const GERMAN_ARTICLES = new WordTable(
  (
    "der die das dem den ein eine einen einem einer eines kein keine keinen keinem keiner mein meine meinen " +
    "meinem meiner dein deine deinen deinem seine seinen seinem ihre ihren ihrem unser unsere unseren unserem " +
    "eure euren dieser diese dieses diesen diesem jeder jede jedes jeden jedem welcher welche welches zum zur " +
    "vom beim"
  )
    .split(" ")
    .map((w) => [w, 1] as const),
);

/** Token i follows a German article or determiner, one space apart. */
function germanArticleBefore(i: number): boolean {
  const p = i - 1;
  if (!sameLen || p < 0 || ts[i]! - te[p]! !== 1 || text.charCodeAt(te[p]!) !== 32) return false;
  const len = te[p]! - ts[p]!;
  if (len < 3 || len > 7 || tk[p]! & K_MARKS) return false;
  if (GERMAN_ARTICLES.getRange(lower, ts[p]!, te[p]!) === 0) return false;
  // "van der Berg", "von dem Knesebeck": the article of a name's particles
  return !(p > 0 && tk[p - 1]! & K_LOWER && fullBits(p - 1) & L_PARTICLE);
}

/** Second pass over the segments: later mentions of a name found, dialogue speakers, lists. */
function rescore(): void {
  let accepted = 0;
  for (const s of segs) if (s.score >= 0.5) accepted++;
  if (accepted > 0 && accepted < segs.length) {
    knownClear();
    for (const s of segs) {
      if (s.score < 0.5) continue;
      for (let t = s.a; t <= s.b; t++) {
        const c = cat[t];
        if (c === CAT_STRONG || c === CAT_EXTRA || c === CAT_UNKNOWN) knownAdd(t);
      }
    }
    for (const s of segs) {
      if (s.score >= 0.5) continue;
      for (let t = s.a; t <= s.b; t++) {
        if (cat[t] !== CAT_INITIAL && knownHas(t)) {
          s.score = 0.75;
          break;
        }
      }
    }
  }
  // dialogue: two or more speaker lines, one of them a known name, make every speaker a person
  let speakers = 0;
  let knownSpeaker = false;
  for (const s of segs) {
    if (!s.speaker) continue;
    speakers++;
    if (s.score >= 0.5 && s.strong + s.extra > 0) knownSpeaker = true;
  }
  if (speakers >= 2 && knownSpeaker)
    for (const s of segs) {
      // common words that are names too ("Bot", "Name") stay labels
      let label = false;
      for (let t = s.a; t <= s.b; t++) if (cat[t] === CAT_WEAK && bitsOf[t]! & L_COMMON) label = true;
      if (s.speaker && s.words <= 2 && !label) s.score = Math.max(s.score, 0.7);
    }
  coordinate(segs);
}

// ---- per-call state (the recognizer is not re-entrant; module-level state lets V8 inline the helpers) ----
let text = "";
let lower = "";
let n = 0;
let lex: Lexicon;
let sameLen = true;
let lowerMode = false;
/**
 * Spaces a name may have between two of its words: text read off a screen (OCR) puts two or more between the
 * columns of a window ("Assignee  Dana Whit"), so there one only; typed text has a doubled space now and then.
 */
let gapSpaces = 4;
let ts: Int32Array;
let te: Int32Array;
let tk: Uint8Array;
let cat: Int8Array;
let bitsOf: Int32Array;
let segs: Seg[] = [];
let toksCur: Tokens;
let wvBuf = new Int32Array(256);
let cueBuf = new Int32Array(256);
/** The record reads as German (see `germanText`): -1 not yet known, 0 no, 1 yes. */
let german = -1;
/** The record's Latin letters outnumber its letters without case (see `latinText`): -1 not yet known, 0 no, 1 yes. */
let latinMost = -1;
/** The record's English words and its other words (see `englishChat`); -1: not yet counted. */
let englishCount = -1;
/** The record has a line opening with an action item's or a court case's label: -1 not looked yet, 0 no, 1 yes. */
let actionLines = -1;
let caseLines = -1;
let otherCount = 0;
/**
 * Words of the record that compoundWord and misspeltEnglish may still judge. Each costs hundreds of lookups:
 * a record of many such words (a 10 MB line) would take seconds. Past the budget, a word is taken for a name.
 */
let wordChecks = 0;
/** The last line codeAround read, and whether it holds code. */
let codeLineStart = 0;
let codeLineEnd = -1;
/** Whether an item of a numbered list run on one line is a name of two words (-1: not looked yet). */
let namedList = -1;
let codeLine = false;
const WORD_CHECKS = 256;

/*
 * The names of the accepted segments, as a small open-addressing set of words. A word is a range of a
 * string: of `lower` when the token reads straight out of it (no slice), else its keyOf string.
 */
let knownStr: string[] = new Array<string>(64).fill("");
let knownS = new Int32Array(64);
let knownE = new Int32Array(64);
let knownH = new Int32Array(64);
let knownUsed = new Uint8Array(64);
let knownCount = 0;
let knownMask = 63;
let kStr = "";
let kS = 0;
let kE = 0;

function knownClear(): void {
  if (knownCount > 0) knownUsed.fill(0);
  knownCount = 0;
  // at most one entry per token: keep the table at most half full
  if (knownUsed.length < 2 * n) {
    let size = knownUsed.length;
    while (size < 2 * n) size <<= 1;
    knownStr = new Array<string>(size).fill("");
    knownS = new Int32Array(size);
    knownE = new Int32Array(size);
    knownH = new Int32Array(size);
    knownUsed = new Uint8Array(size);
    knownMask = size - 1;
  }
}
/** Set kStr/kS/kE to the word of token t without its possessive (the key of keyOf) and return its hash. */
function knownWord(t: number): number {
  const s = ts[t]!;
  const e = te[t]! - possLen(t);
  if (sameLen && !(tk[t]! & K_MARKS)) {
    kStr = lower;
    kS = s;
    kE = e;
  } else {
    kStr = keyOf(t, s, e);
    kS = 0;
    kE = kStr.length;
  }
  let h = 0x811c9dc5 ^ (kE - kS);
  for (let q = kS; q < kE; q++) {
    let c = kStr.charCodeAt(q);
    if (c === 0x2019) c = 39;
    h = Math.imul(h ^ c, 16777619);
  }
  return h | 0;
}
function knownSlot(h: number): number {
  let i = (h ^ (h >>> 13)) & knownMask;
  const len = kE - kS;
  for (;;) {
    if (!knownUsed[i]) return i;
    if (knownH[i] === h && knownE[i]! - knownS[i]! === len) {
      const str = knownStr[i]!;
      const o = knownS[i]! - kS;
      let q = kS;
      for (; q < kE; q++) {
        let a = kStr.charCodeAt(q);
        let b = str.charCodeAt(q + o);
        if (a === 0x2019) a = 39;
        if (b === 0x2019) b = 39;
        if (a !== b) break;
      }
      if (q === kE) return i;
    }
    i = (i + 1) & knownMask;
  }
}
function knownAdd(t: number): void {
  const h = knownWord(t);
  const i = knownSlot(h);
  if (knownUsed[i]) return;
  knownUsed[i] = 1;
  knownStr[i] = kStr;
  knownS[i] = kS;
  knownE[i] = kE;
  knownH[i] = h;
  knownCount++;
}
function knownHas(t: number): boolean {
  return knownCount > 0 && knownUsed[knownSlot(knownWord(t))] === 1;
}

/**
 * text.charCodeAt(k), or -1 past the end. Reading past the end makes V8 fall back to a slow generic
 * call at that site for good, so every read that may reach the end goes through here.
 */
function codeAt(k: number): number {
  return k < text.length ? text.charCodeAt(k) : -1;
}

function keyOf(i: number, s = ts[i]!, e = te[i]!): string {
  let k = sameLen ? lower.slice(s, e) : text.slice(s, e).toLowerCase();
  if (tk[i]! & K_MARKS) k = k.normalize("NFC");
  if (tk[i]! & K_JOINED && k.includes("’")) k = k.replace(/’/g, "'");
  return k;
}
/** Context-word value of token i (W_* flags | id << ID_SHIFT; 0 for any other word or out of range), memoised. */
function wv(i: number): number {
  if (i < 0 || i >= n) return 0;
  let v = wvBuf[i]!;
  if (v === -1) {
    v =
      sameLen && !(tk[i]! & K_MARKS)
        ? CONTEXT_WORDS.getRange(lower, ts[i]!, te[i]!)
        : CONTEXT_WORDS.get(keyOf(i));
    wvBuf[i] = v;
  }
  return v;
}
/** CUE_WORDS' flags of token i, memoised per record as `wv` is. */
function cue(i: number): number {
  if (i < 0 || i >= n) return 0;
  let v = cueBuf[i]!;
  if (v === -1) {
    v = sameLen && !(tk[i]! & K_MARKS) ? CUE_WORDS.getRange(lower, ts[i]!, te[i]!) : CUE_WORDS.get(keyOf(i));
    cueBuf[i] = v;
  }
  return v;
}
/**
 * Token i is a verb that introduces a name alone (the words ID_NAMING_FIRST..ID_NAMING_LAST), compared in place:
 * most words fail on their length.
 */
function namingVerb(i: number): boolean {
  switch (te[i]! - ts[i]!) {
    case 4:
      return tokIs(i, "heet");
    case 5:
      return tokIs(i, "heiße") || tokIs(i, "llamo");
    case 6:
      return tokIs(i, "heisse") || tokIs(i, "chiamo");
    case 9:
      return tokIs(i, "m'appelle") || tokIs(i, "m\u2019appelle");
    default:
      return false;
  }
}
/** Offset e ends the text or is followed by a comma, an exclamation mark or a full stop. */
function loneEnd(e: number): boolean {
  const c = codeAt(e);
  return e >= text.length || c === 44 || c === 33 || c === 46;
}
/** Token i is a greeting and not a given name ("Hallo", "Привет"; not "Cara"). */
function greeting(i: number): boolean {
  return (wv(i) & W_GREET) !== 0 && !(tk[i]! & K_ALLCAP) && !(fullBits(i) & L_FIRST);
}
/** Token p is "it's" right after a greeting, as on the phone: "hey, it's Dureildne". */
function greetingIts(p: number): boolean {
  return wid(p) === ID_ITS && p >= 1 && greeting(p - 1) && ts[p]! - te[p - 1]! <= 3;
}
/** The id of token i among ID_WORDS (0: none). */
function wid(i: number): number {
  return wv(i) >>> ID_SHIFT;
}
/** Lexicon bits of the whole word of token i (memoised for the record, shared with the other recognizers). */
function fullBits(i: number): number {
  return wordBits(toksCur, i, text, lower);
}
/** Length of a possessive "'s" ending of token i, or 0. */
function possLen(i: number): number {
  const e = te[i]!;
  if (e - ts[i]! > 3 && (text.charCodeAt(e - 1) === 115 || text.charCodeAt(e - 1) === 83)) {
    const ap = text.charCodeAt(e - 2);
    if (ap === 39 || ap === 0x2019) return 2;
  }
  return 0;
}
function startsName(i: number): boolean {
  return (tk[i]! & K_CAP) !== 0 || (lowerMode && (tk[i]! & K_LOWER) !== 0) || caselessTok(i);
}

function categorise(i: number): number {
  if (cat[i] !== -1) return cat[i]!;
  const k = tk[i]!;
  // (a value after "=" is a code's, unless its key is a person's name: "user.name=X")
  if (
    k & K_DIGITS ||
    !startsName(i) ||
    (embedded(text, ts[i]!, te[i]!) && !(codeAt(ts[i]! - 1) === 61 && nameKeyBefore(ts[i]!)))
  )
    return (cat[i] = CAT_NONE);
  // "nachricht von x erhalten", "abgabe von x eingegangen": in lower-case chat a German or Dutch participle is no name
  if (lowerMode && participleLike(i)) return (cat[i] = CAT_NONE);
  if (te[i]! - ts[i]! === 1) {
    if (k & K_NONASCII && caselessTok(i)) return (cat[i] = CAT_NONE); // no initials without case
    // an initial; "I" and "A" (and "a", "i") are words unless written with a dot, and so are accented small
    // letters ("à", "è", "ò": French and Italian words; Icelandic initials are capitals: "Halldór Ó Árnþórsson")
    const ch = text.charCodeAt(ts[i]!) | 32;
    const dotted = codeAt(te[i]!) === 46;
    const accented = ch >= 0xc0 && lower.charCodeAt(ts[i]!) === text.charCodeAt(ts[i]!);
    return (cat[i] =
      ((ch === 105 || ch === 97) && !dotted) || (accented && !dotted) ? CAT_NONE : CAT_INITIAL);
  }
  const s0 = ts[i]!;
  const e0 = te[i]! - possLen(i);
  const plain = sameLen && !(k & K_MARKS); // the word can be read straight out of `lower`
  let key: string | undefined;
  if (k & K_JOINED) {
    // contractions: "I'm", "It's", "Don't", "We'll"
    if (plain) {
      if (contraction(s0, e0)) return (cat[i] = CAT_NONE);
    } else {
      key = keyOf(i, s0, e0);
      const ap = key.indexOf("'");
      if (ap > 0 && ap <= 4 && /^(?:m|s|t|d|ve|ll|re)$/.test(key.slice(ap + 1))) return (cat[i] = CAT_NONE);
    }
  }
  // the whole token: its memoised bits, shared with the other recognizers of the record
  let bits = plain
    ? e0 === te[i]!
      ? fullBits(i)
      : lex.getRange(lower, s0, e0)
    : lex.get((key ??= keyOf(i, s0, e0)));
  if ((bits & ~L_CITY) === 0 && k & K_JOINED) {
    // hyphenated: "Hauta-aho", "al-Rashid", "Jean-Pierre": judge by the parts
    const str = plain ? lower : key!;
    const to = plain ? e0 : str.length;
    let ps = plain ? s0 : 0;
    for (let q = ps; q <= to; q++) {
      if (q < to && str.charCodeAt(q) !== 45) continue;
      const pb = lex.getRange(str, ps, q);
      if (pb & (L_FIRST | L_LAST | L_EXTRA) && !(pb & L_COMMON)) bits |= pb & (L_FIRST | L_LAST | L_EXTRA);
      ps = q + 1;
    }
  }
  bitsOf[i] = bits;
  const nameBits = bits & (L_FIRST | L_LAST | L_EXTRA);
  const wordBits = bits & (L_COMMON | L_PLACE | L_CALENDAR);
  // without case, every word looks alike: in a text of that script only a known name may be part of one ("أنا"
  // before a name is no name); inside Latin text, a word of it in no list may be one too (see scoreSegment)
  // (and one word or two after a greeting that end it: "سلام گلباقی، خوبی؟", "היי ידינה, מה שלומך?")
  if (!nameBits && k & K_NONASCII && caselessTok(i))
    return (cat[i] = wordBits || (!latinText() && !greetedCaseless(i)) ? CAT_NONE : CAT_UNKNOWN);
  let c: number;
  if (bits & (L_TITLE | L_ORG | L_SUFFIX) && !nameBits) c = CAT_NONE;
  // a company people pay or hear from ("Sent €20 to Amazon", "sent 20 to Uber"), unless faker's names hold it
  else if (bits & L_BRAND && !(nameBits & (L_FIRST | L_LAST))) c = CAT_NONE;
  // a day or a month that only a family-name list holds too ("bis Montag", "v pátek"); "May", "June" and "August"
  // are given names and stay weak ones, and so do short ones ("Laurenty P. Maj")
  // (after a title it is the family name: "Herr Montag", "Frau Freitag")
  else if (bits & L_CALENDAR && !(nameBits & L_FIRST) && e0 - s0 >= 5)
    c = i > 0 && fullBits(i - 1) & L_TITLE && onlySpaces(te[i - 1]!, ts[i]!) ? CAT_WEAK : CAT_NONE;
  else if (k & K_ALLCAP) c = nameBits & (L_FIRST | L_LAST) && !wordBits ? CAT_WEAK : CAT_NONE;
  else if (nameBits && !wordBits) c = nameBits & (L_FIRST | L_LAST) ? CAT_STRONG : CAT_EXTRA;
  else if (nameBits) c = CAT_WEAK;
  else if (wordBits) c = CAT_NONE;
  else if (germanNoun(s0, e0)) c = CAT_NONE;
  else if (plain ? surnameEndingRange(lower, s0, e0) : surnameEnding(key ?? keyOf(i, s0, e0))) c = CAT_EXTRA;
  else c = CAT_UNKNOWN;
  // a month's abbreviation next to a day: "Dec 18", "18 Jan" (Dec, Jan and Nov are names too)
  if (c !== CAT_NONE && e0 - s0 <= 4 && (monthBesideDay(i, s0, e0) || monthBesideMonth(i, s0, e0)))
    c = CAT_NONE;
  // an identifier of code, not a name: "NotFoundException", "KMSClient" (names keep "McDonald", "DeShawn")
  if (c !== CAT_NONE && e0 - s0 >= 6 && (k & (K_CAP | K_ALLCAP)) === K_CAP && codeIdent(s0, e0)) c = CAT_NONE;
  // German capitalises every noun: after its article or determiner a word is one ("das Paket", "der Bauer"),
  // unless it is a given name ("die Anna hat angerufen")
  if (c !== CAT_NONE && k & K_CAP && !(c === CAT_STRONG && bits & L_FIRST) && germanArticleBefore(i))
    c = CAT_NONE;
  return (cat[i] = c);
}
/**
 * Greetings of Arabic, Persian and Hebrew chat before a name ("سلام X، خوبی؟", "היי X,"): read only in a text of those
 * scripts, before a name that ends at a comma (see greetedCaseless), since "سلام" (Salam) is a given name too.
 */
const CASELESS_GREETINGS_WORDS = [
  "سلام",
  "مرحبا",
  "مرحباً",
  "أهلا",
  "اهلا",
  "أهلاً",
  "درود",
  "היי",
  "הי",
  "שלום",
];
/** Those greeted who are no person, in the scripts without case: "سلام دوستان" (hello friends), "שלום לכולם". */
const GREETED_GROUPS = wordSet([
  "دوستان",
  "همه",
  "همگی",
  "عزیزان",
  "بچه‌ها",
  "بچه",
  "الجميع",
  "جميعا",
  "جميعاً",
  "يا",
  "أصدقائي",
  "اصدقائي",
  "شباب",
  "חברים",
  "כולם",
  "לכולם",
  "חבר׳ה",
  "חברה",
  "大家",
  "各位",
  "朋友们",
  "同事们",
]);
/** Marks that end a greeting's name: commas of Latin, Arabic and CJK text, "!", "?", "." */
function greetingEnd(c: number): boolean {
  return (
    c === 44 ||
    c === 0x060c ||
    c === 0xff0c ||
    c === 0x3001 ||
    c === 33 ||
    c === 63 ||
    c === 46 ||
    c === 0x061f
  );
}
/**
 * Caseless token i is the first or second word right after a greeting, and the name ends within two words at a
 * comma or a mark: what a person is greeted by in a text of a script without case.
 */
function greetedCaseless(i: number): boolean {
  let g = i - 1;
  if (g >= 1 && cat[g] === CAT_UNKNOWN && caselessTok(g)) g--;
  if (g < 0 || !(cue(g) & C_CASELESS_GREETINGS) || !onlySpaces(te[g]!, ts[g + 1]!)) return false;
  if (GREETED_GROUPS.getRange(lower, ts[i]!, te[i]!) !== 0) return false;
  for (let q = i; q <= g + 2 && q < n; q++) {
    let k = te[q]!;
    while (k < text.length && isSpace(text.charCodeAt(k))) k++;
    if (k >= text.length || greetingEnd(text.charCodeAt(k))) return true;
    if (q + 1 >= n || !onlySpaces(te[q]!, ts[q + 1]!)) return false;
  }
  return false;
}

/**
 * Endings of German nouns that no name has ("Änderungen", "Zeitung", "Sicherheit", "Mannschaft"); German
 * capitalises every noun, and a noun in no list read as a name where a sentence holds no other cue.
 */
const GERMAN_NOUN_ENDINGS = [
  // a clinic's department: "Kardiologie", "Radiologie", "Pädiatrie", "Ambulanz"
  "ologie",
  "iatrie",
  "ungen",
  "heiten",
  "keiten",
  "schaften",
  "ung",
  "heit",
  "keit",
  "schaft",
  // and the last nouns of compounds of office and home ("Mietvertrag", "Arbeitszeugnis", "Jahresgespräch")
  "vertrag",
  "verträge",
  "bericht",
  "berichte",
  "gespräch",
  "gespräche",
  "angebot",
  "auftrag",
  "aufträge",
  "antrag",
  "anträge",
  "zeugnis",
  "urlaub",
  "projekt",
  "projekte",
  "termin",
  "termine",
];
/** The last letters of those endings: a word ending in none of them is no such noun (most words). */
const GERMAN_NOUN_LAST = new Set(GERMAN_NOUN_ENDINGS.map((e) => e.charCodeAt(e.length - 1)));
/** Letters a word must have for those endings to count: "Jung", "Hung" and "Dung" are names. */
const GERMAN_NOUN_MIN = 7;

/** lower[s..e) is a word in no list with a German noun's ending (see GERMAN_NOUN_ENDINGS). */
function germanNoun(s: number, e: number): boolean {
  if (e - s < GERMAN_NOUN_MIN || !sameLen) return false;
  const last = lower.charCodeAt(e - 1);
  if (!GERMAN_NOUN_LAST.has(last)) return false;
  for (const end of GERMAN_NOUN_ENDINGS) {
    if (!lower.startsWith(end, e - end.length)) continue;
    // "-ung" after a vowel or y is Korean or Chinese romanised ("Junyoung", "Kwokleung"), not German
    return !(end.startsWith("ung") && "aeiouy".includes(lower[e - end.length - 1]!));
  }
  return false;
}

function isTitleTok(i: number): boolean {
  if (categorise(i) !== CAT_NONE || te[i]! - ts[i]! > 9) return false;
  // lower-case titles ("ms.", "dr.") are not categorised as name starts: look them up here
  if (!(tk[i]! & K_CAP) && bitsOf[i] === 0 && !(tk[i]! & K_DIGITS)) bitsOf[i] = fullBits(i);
  return (bitsOf[i]! & L_TITLE) !== 0;
}
/**
 * A capitalised common word that may end a name after a given name, an initial, a particle or a
 * title ("Rebecca Hides", "Mr. Baker", "Willemine ten Pas"); short function words never do.
 */
function tailOk(i: number): boolean {
  return (
    (tk[i]! & K_CAP) !== 0 &&
    !(tk[i]! & (K_ALLCAP | K_DIGITS)) &&
    // (a field's label after the name: "Student: X W. Motina   Grade: B+")
    codeAt(te[i]!) !== 58 &&
    te[i]! - ts[i]! >= 3 &&
    categorise(i) === CAT_NONE &&
    !(bitsOf[i]! & (L_CALENDAR | L_PLACE | L_ORG | L_TITLE)) &&
    !(bitsOf[i]! & L_FUNCTION_EN || (bitsOf[i]! & L_FUNCTION && te[i]! - ts[i]! < 4)) &&
    !(wv(i) & W_STREET) &&
    // ("sag Anna Bescheid": German's set phrase, see framedPerson)
    !tokIs(i, "bescheid") &&
    !embedded(text, ts[i]!, te[i]!)
  );
}

/** Score a run of name-like tokens (titles in front are context, not part of the name). */
function buildSegment(from: number, to: number): void {
  let a = from;
  while (a <= to && isTitleTok(a)) a++;
  // a relative's title before the name is a title too: "Onkel Scheon lässt grüßen", "Tonton Héme", "Uncle Sam"
  // (not a listed given name: "Mamie L. Goldner")
  if (
    a === from &&
    a < to &&
    tk[a]! & K_CAP &&
    (cue(a) & C_KIN_TITLES) !== 0 &&
    categorise(a) !== CAT_STRONG &&
    chainGap(text, te[a]!, ts[a + 1]!, false)
  )
    a++;
  const titled = a > from;
  if (a > to) return;
  // "Передай Маилева, что…", "Ask Dureildne": a verb whose object is a person, opening the sentence
  if (!titled && a < to && wv(a) & W_ADDRESS && sentenceInitial(text, ts[a]!)) a++;
  // "Can Dureildne sign off on this?": the auxiliary that opens a question, though "Can" is a given name too
  if (!titled && a < to && questionOpens(a)) a++;
  // "Per Felipe Aranda's request": the preposition, though a given name too, starts the sentence before a possessive
  // (not before a name of a script without case, which needs the chain to be found: "Per وردہ's request")
  if (
    !titled &&
    a < to &&
    tokIs(a, "per") &&
    possLen(to) > 0 &&
    sentenceInitial(text, ts[a]!) &&
    !caselessTok(a + 1)
  )
    a++;
  // a greeting before a name is its context, not part of it ("Hallo Jürgen", "Bonjour Camille"), unless it is a
  // given name too: "Cara Aalbers" may be a name, and masking "Cara" in "Cara Giulia" costs less than a leak
  if (!titled) while (a < to && greeting(a)) a++;
  // and so is a role before it ("Kunde X meldet", "Patiënt X kwam"), unless it is a given name too
  // (or a form's party: "Darlehensnehmer X und Bürgin Y", "Emprunteur X, co-emprunteur Y")
  if (!titled)
    while (
      a < to &&
      (cue(a) & C_ROLE_NOUNS || FORM_PARTIES.getRange(lower, ts[a]!, te[a]!) !== 0) &&
      !(fullBits(a) & L_FIRST)
    )
      a++;
  // (and, in lower-case chat, a role the lists lack: "babysitter jedordi comes at 6")
  if (!titled && lowerMode && a < to && LOWER_ROLE_BEFORE.getRange(lower, ts[a]!, te[a]!) !== 0) a++;
  // and a signature awaited before it ("Unterschrift von X", "Signature of X"): the noun and "of" are no particles
  if (!titled && a + 1 < to && SIGNATURE_OF.getRange(lower, ts[a]!, te[a + 1]!) !== 0) a += 2;
  // a greeting alone before a comma, a stop or the end is no name ("Привет, Иван", "danke!")
  if (!titled && a === to && loneEnd(te[a]!) && greeting(a)) return;
  // an organisation word after the names makes the whole run an organisation
  if (bitsOf[to]! & L_ORG && cat[to] === CAT_NONE) return;
  // a trailing suffix ("II", "Jr") stays; particles inside stay (they are CAT_NONE, never last)
  let b = to;
  while (b > a && cat[b] === CAT_NONE && !(bitsOf[b]! & L_SUFFIX)) b--;
  // a greeting or sign-off after an initial is the next sentence ("Oppgang B. Cheers", "J. Thanks")
  if (!titled && b > a && cat[b - 1] === CAT_INITIAL && greeting(b) && !(fullBits(b) & L_LAST)) b--;
  // chat's "w" (with) is no initial: "going w darver poperman tmrw"
  if (lowerMode && a < to && tokIs(a, "w") && codeAt(te[a]!) !== 46) a++;
  if (lowerMode) {
    // lower-case chat: common words that are names too ("so", "said") at the edges of a run of sure names
    // are the sentence around it ("ok so axel wal said")
    let sure = 0;
    let unlisted = 0;
    for (let t = a; t <= b; t++) {
      if (cat[t] === CAT_STRONG || cat[t] === CAT_EXTRA) sure++;
      else if (cat[t] === CAT_UNKNOWN) unlisted++;
    }
    const edge = (t: number) => cat[t] === CAT_WEAK && (bitsOf[t]! & L_COMMON) !== 0;
    // before a sure name unless it is a given name ("ok so nayeli", but "amber sipes"); after one when two stay
    // ("joel young" is a name) or when it is the verb of the sentence ("nayeli said"); the same around words in
    // no list ("ok so lucilen abek said")
    const anchors = sure + unlisted;
    // a possessive opens no name, though "my" and "her" are listed as names: "my sister zqwimbo is picking me up"
    // (and the relative after it: "sister" is listed as a name too)
    if (anchors >= 1 && a < b && cat[a] === CAT_WEAK && wv(a) & W_POSSESSIVE) a++;
    // ("cousin" is a family name too, and no common word of the lists)
    if (
      anchors >= 1 &&
      a < b &&
      a > 0 &&
      wv(a) & W_KIN &&
      wv(a - 1) & W_POSSESSIVE &&
      onlySpaces(te[a - 1]!, ts[a]!)
    )
      a++;
    // (nor an English function word before a possessive: "per majcius's request")
    const owner = possLen(b) > 0;
    if (anchors >= 1)
      while (
        a < b &&
        edge(a) &&
        (anchors >= 2 || !(bitsOf[a]! & L_FIRST) || (owner && bitsOf[a]! & L_FUNCTION_EN))
      )
        a++;
    // a verb that introduces a name ends the sentence before it ("me llamo carmen", "mi chiamo giulia")
    for (let t = b - 1; t >= a; t--)
      if (namingVerb(t)) {
        a = t + 1;
        break;
      }
    // an unknown word and then such a common word are the sentence too ("konto von davin", "bitte von jana")
    if (sure >= 1 && cat[a] === CAT_UNKNOWN && a + 1 < b && edge(a + 1) && !(bitsOf[a + 1]! & L_FIRST))
      a += 2;
    // chat's one-letter words after a name are no initials: "haley ratke can u send", "lavern hudson n i r going"
    while (b > a + 1 && te[b]! - ts[b]! === 1 && cat[b] === CAT_INITIAL && codeAt(te[b]!) !== 46) b--;
    // (and an English function word before the rest of its clause: "aliner will cover support")
    if (anchors >= 1)
      while (
        b > a &&
        edge(b) &&
        (anchors >= 2 ||
          LOWER_CUE_AFTER.has(lower.slice(ts[b]!, te[b]!)) ||
          (bitsOf[b]! & L_FUNCTION_EN &&
            b === to &&
            b + 1 < n &&
            tk[b + 1]! & K_LOWER &&
            onlySpaces(te[b]!, ts[b + 1]!)))
      )
        b--;
    // ("corey legros i said thx": the pronoun read as a middle initial, once the words after it are trimmed)
    if (b > a && tokIs(b, "i") && codeAt(te[b]!) !== 46) b--;
  }
  const seg: Seg = {
    a,
    b,
    start: ts[a]!,
    end: 0,
    strong: 0,
    extra: 0,
    weak: 0,
    unknown: 0,
    tail: 0,
    initialInside: false,
    words: 0,
    score: 0,
    speaker: false,
    titled,
  };
  for (let t = a; t <= b; t++) {
    const c = cat[t]!;
    if (c === CAT_STRONG) seg.strong++;
    else if (c === CAT_EXTRA) seg.extra++;
    else if (c === CAT_WEAK) seg.weak++;
    else if (c === CAT_UNKNOWN) seg.unknown++;
    else if (c === CAT_TAIL) seg.tail++;
    else if (c === CAT_INITIAL && t > a && t < b) seg.initialInside = true;
    if (c === CAT_STRONG || c === CAT_EXTRA || c === CAT_WEAK || c === CAT_UNKNOWN || c === CAT_TAIL)
      seg.words++;
  }
  if (seg.words === 0) return;
  seg.end = te[b]! - possLen(b);
  seg.score = scoreSegment(seg);
  segs.push(seg);
}

function scoreSegment(s: Seg): number {
  // a citation's "et al." ("x et al. (2019)"): Al is a given name too
  if (s.a === s.b && etAl(s.a)) return 0;
  // a pet and its breed, as a vet's or a groomer's records write them: "Bella (Labrador)", "Max (Beagle), owner: X"
  if (petAndBreed(s)) return 0;
  // a sign-off after a sentence on the same line, before the name: "Happy birthday! Love, X" (Love is a given name)
  if (s.a === s.b && signoffMidLine(s)) return 0;
  // a group's or a channel's name in quotes: 'You created group “Project Alpha”', 'renamed the channel to "Hannah"'
  if (quoteBefore(s.start) && GROUP_NAME_BEFORE_RE.test(lineUpTo(s.start).slice(-48))) return 0;
  // the marker itself: "(Ext.)", "(External)" after a name
  if (
    s.a === s.b &&
    codeAt(s.start - 1) === 40 &&
    EXTERNAL_MARK_RE.test(text.slice(s.start - 2, s.start + 14))
  )
    return 0;
  // a social app's "Aimé par …" ("liked by"): the French given name Aimé is the verb here
  if (s.a === s.b && tokIs(s.a, "aimé") && s.a + 1 < n && tokIs(s.a + 1, "par")) return 0;
  // a goal's or a transfer's noun before its preposition ("Tor für Bayern!", "Gol di X"), a label before its colon
  // ("In stiller Trauer: X"): words that are names too (Tor, Trauer) name no one there
  if (s.a === s.b && s.words === 1 && !lowerMode) {
    const q = s.a + 1;
    if (
      (cue(s.a) & C_TOWARDS_NOUNS) !== 0 &&
      q < n &&
      onlySpaces(te[s.a]!, ts[q]!) &&
      (TOWARDS.has(lower.slice(ts[q]!, te[q]!)) || tokIs(q, "für") || tokIs(q, "for"))
    )
      return 0;
    if (codeAt(te[s.a]!) === 58 && (wv(s.a) & W_LABEL) !== 0 && !lineStart(text, s.start)) return 0;
  }
  // names in a script without case are read as in a lower-case text: no capital letter marks them
  const lm = lowerMode || caselessRun(s.a, s.b);
  const w = s.words;
  let score: number;
  const initial = sentenceInitial(text, s.start);
  if (w >= 2) {
    if (s.strong >= 1) score = 0.85;
    // (in German, nouns of the larger list only: "heute Abend zu Hause")
    else if (s.extra === w && germanText()) score = 0.45;
    else if (s.extra >= 2 || (s.extra === 1 && s.weak >= 1)) score = 0.7;
    else if (s.extra === 1) score = 0.6;
    else if (s.weak >= 2) score = 0.4;
    else score = 0.3;
    if (s.initialInside) score = Math.max(score, 0.8);
    // a full name in capitals on a form or a signature ("JOHN SMITH"): given name first, family name last, both
    // names and nothing else (a lone capitalised name is as often an acronym: IBAN, NINO)
    if (w <= 3 && s.weak === w && capitalsName(s.a, s.b)) score = Math.max(score, 0.75);
    // a heading of common words that are names too ("Mark Wood Hill")
    if (s.strong === 0 && s.extra === 0 && initial) score -= 0.1;
    if (lm)
      score =
        s.strong >= 1 && s.strong + s.extra >= 2
          ? 0.7
          : s.initialInside && s.strong
            ? 0.75
            : w === 2 && givenThenFamily(s.a, s.b)
              ? 0.6
              : // "holf k. masłodera": two words in no English list around an initial with its dot
                w === 2 && s.initialInside && s.weak + s.tail === 0 && initialWithDot(s)
                ? 0.6
                : 0.2;
  } else {
    if (s.strong) score = initial ? 0.6 : 0.7;
    // (in German a capitalised word of the larger list alone is as often a noun: "heute Abend", "mit Wolf")
    // (and after a German preposition joined to its article a noun stands: "ab Montag im Urlaub")
    else if (s.extra)
      score = initial
        ? 0.4
        : germanText() ||
            (s.a > 0 && NOUN_OR_VERB_BEFORE.getRange(lower, ts[s.a - 1]!, te[s.a - 1]!) === NV_NOUN)
          ? 0.45
          : 0.5;
    else if (s.weak) score = initial ? 0.05 : 0.25;
    else score = initial ? 0.05 : 0.15;
    if (lm) score = 0.2;
  }
  if (score >= 0.85 && !lm) {
    // certain already: only the speaker flag matters (dialogue propagation)
    const after = te[s.b]!;
    s.speaker = codeAt(after) === 58 && codeAt(after + 1) !== 47 && lineStart(text, s.start);
    return s.titled && w <= 3 ? 0.9 : score;
  }
  // the last word of a sign-off: "Viele Grüße", "Cordiali Saluti"
  if (signoffWord(s)) return 0;
  // a city where the words around it make it a place: "in Paris", "the Denver office" (alone, Austin is a name)
  if (w === 1 && s.a === s.b && bitsOf[s.a]! & L_CITY && !s.titled && cityContext(s.a)) return 0;
  // the display name of an e-mail address: "Amber Young <amber@example.com> wrote"
  if (w <= 3 && displayName(s.end)) return Math.max(score, 0.85);
  // in a lower-case text a common word is a common word, whatever precedes it ("hej river")
  if (lm && s.weak + s.tail === w) return score;
  const ctx = contextOf(s);
  s.speaker = ctx.speaker;
  // a name of a script without case where a person stands in a text with capitals: "Who's العلى شعباسر?", "Hi all,
  // נאליסן here from procurement" (the slot rule below is for capitalised words)
  if (ctx.slot && w <= 3 && !lowerMode && caselessRun(s.a, s.b) && s.strong + s.extra + s.unknown === w)
    score = Math.max(score, 0.6);
  if (s.titled && w <= 3) score = Math.max(score, 0.9);
  if (ctx.intro && w <= 4) score = Math.max(score, s.weak === w ? 0.7 : 0.85);
  if (ctx.greet && w <= 3) score = Math.max(score, 0.8);
  if (ctx.strongAgent && w <= 3 && !lm) score = Math.max(score, s.weak === w ? 0.6 : 0.75);
  // "Shovda lives on ...", "Järvilehto began writing": a person's verb after an unknown word
  if (ctx.personVerb && w <= 3 && !lm && s.unknown + s.extra + s.strong > 0) score = Math.max(score, 0.6);
  // any other capitalised word in no list, inside a sentence, where a person can stand: most often a name
  // ("Photo by Hundrey on", "Did Evonthya get back"), unless it is made of English ("Datastore", "Router"); and so
  // is a listed name that is a place too, but no common word ("Did Kameron get back", "the keys are with Salvador")
  // The same word starting a sentence counts as the subject of a person's verb: "Euth wants", "Ellikath is out
  // sick", "Anjagajiv and I will"
  if (
    !lm &&
    w <= 3 &&
    s.tail === 0 &&
    (initial
      ? s.unknown >= 1 && s.weak === 0 && subjectOfPerson(s)
      : (s.unknown + s.weak >= 1 && weakOnlyAsPlace(s) && personPlace(s)) ||
        // (or the subject of a clause after a comma: "Bancelton is out sick, Trida will run the stand-up")
        (s.unknown >= 1 && s.weak === 0 && clauseAfterComma(s) && subjectOfPerson(s))) &&
    !innerCapitals(s.a, s.b) &&
    !(w === 1 ? englishMade(s, true) : allEnglishMade(s, false, true)) &&
    !germanText()
  )
    score = Math.max(score, 0.55);
  // a listed name in a script without capitals inside an English sentence, where a person stands: "Meet my friend
  // شفیع,", "Tenant 明軒 paid", "ברי wants the card" (in a text of that script alone, names and words look alike)
  // (and a word of it in no list there, when the word before is English: "with עופירזית", "by شمگیلومان"; not
  // after "at" or "address", where such words are more often a street: "drop it at שדרות רי"ז")
  if (
    w <= 3 &&
    s.strong + s.extra + s.unknown === w &&
    caselessRun(s.a, s.b) &&
    (initial
      ? s.b + 1 < n && !caselessTok(s.b + 1) && subjectOfPerson(s)
      : s.a > 0 &&
        !caselessTok(s.a - 1) &&
        (s.unknown === 0 || (englishTok(s.a - 1) && !tokIs(s.a - 1, "at") && !tokIs(s.a - 1, "address"))) &&
        personPlace(s))
  )
    score = Math.max(score, 0.6);
  // an unlisted name where English puts a person: "ask Berniquin about", "Tomomi is from" (or one of the larger
  // list, or with a family name's ending: "Tarminova linkedin")
  if (
    (ctx.slot || ctx.addressed) &&
    w <= 3 &&
    !lm &&
    s.unknown + s.extra >= 1 &&
    s.weak === 0 &&
    !innerCapitals(s.a, s.b)
  )
    score = Math.max(score, 0.6);
  if (ctx.vocative && w <= 2 && initial && !lm) score = Math.max(score, 0.6);
  if (ctx.speaker && w <= 2 && s.strong > 0) score = Math.max(score, 0.75);
  const moderate =
    (ctx.agent ? 1 : 0) +
    (ctx.verb ? 1 : 0) +
    (ctx.poss ? 1 : 0) +
    (ctx.vocative ? 1 : 0) +
    (ctx.ownLine ? 1 : 0);
  // lower-case chat: words that are only names, after "ask" or "it's" or before "said", are a person
  if (lm && s.strong === w && w <= 2 && (ctx.slot || lowerCue(s) || (lowerMode && lowerSlot(s))))
    score = Math.max(score, 0.7);
  // and where a person stands in the sentence, or as its subject: "did andreas get back", "photo by oscar on",
  // "rebeca is out sick" (only names that are no common word or place: "did will get back" stays)
  if (
    lowerMode &&
    s.strong === w &&
    w <= 2 &&
    !nameWordIn(s) &&
    !caselessRun(s.a, s.b) &&
    (initial ? subjectOfPerson(s) : personPlace(s))
  )
    score = Math.max(score, 0.6);
  // and words that are in no list at all: after English cues; and, in English chat, where a person stands in the
  // sentence or as its subject, as capitalised words in no list do: "did zartina get back", "meet my friend
  // retorría", "kessusa is out sick"; not English misspelt ("untill"), run together, code or cut short
  // (not after an article: "il cliente ha risposto", "the api has")
  const unlistedLower =
    lowerMode &&
    w <= 3 &&
    s.unknown + s.extra >= 1 &&
    s.weak + s.tail === 0 &&
    !caselessRun(s.a, s.b) &&
    !(
      (cue(s.a - 1) & C_ARTICLES) !== 0 &&
      onlySpaces(te[s.a - 1]!, ts[s.a]!) &&
      // (the Romance "a" of a set phrase is "to": "dì a X che")
      !(s.a >= 2 && roleBefore(s.a - 1))
    );
  if (unlistedLower && (ctx.slot || lowerSlot(s))) score = Math.max(score, 0.6);
  // names that are words too, and words of a script without case that open their line, where an app's or a
  // record's words put a person
  if (ctx.act && w <= 3 && !lm && !innerCapitals(s.a, s.b)) score = Math.max(score, 0.6);
  if (ctx.act && w <= 3 && caselessRun(s.a, s.b) && lineStart(text, s.start)) score = Math.max(score, 0.6);
  if (
    unlistedLower &&
    !nameWordIn(s) &&
    (initial ? subjectOfPerson(s) : personPlace(s) || (afterInterjection(s) && subjectOfPerson(s))) &&
    englishChat(s) &&
    !codeAround(s) &&
    !allEnglishMade(s) &&
    !misspeltEnglish(s) &&
    !cutShort(s)
  )
    score = Math.max(score, 0.55);
  if (moderate > 0 && !lm) {
    if (s.strong || s.extra) score = Math.max(score, s.strong ? 0.8 : w >= 2 ? 0.75 : 0.6);
    else if (s.weak && !initial) score = Math.max(score, moderate >= 2 || ctx.vocative ? 0.6 : 0.45);
    if (s.unknown + s.weak + s.tail === w && w >= 2 && s.unknown >= 1) score = Math.max(score, 0.6);
    if (s.unknown === w && w === 1 && moderate >= 2 && !initial) score = Math.max(score, 0.55);
  }
  return score;
}

/** text[from..to) holds a line feed. */
function newlineIn(from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === 10) return true;
  return false;
}

/** The first words of the sign-offs ("viele" of "viele grüße"). */
const SIGNOFF_FIRST = new WordTable([...SIGNOFFS].map((w) => [w.split(" ")[0]!, 1] as const));

/** Segment s is a word of a sign-off that fills its line up to a comma ("Viele Grüße", "Trân trọng,"). */
function signoffWord(s: Seg): boolean {
  if (!sameLen) return false;
  // the line's first word, at most three words before: a first word of a sign-off, before any slice
  let f = s.a;
  while (f > 0 && s.a - f < 4 && !newlineIn(te[f - 1]!, ts[f]!)) f--;
  if (f > 0 && !newlineIn(te[f - 1]!, ts[f]!)) return false;
  if (SIGNOFF_FIRST.getRange(lower, ts[f]!, te[f]!) === 0) return false;
  let from = ts[f]!;
  while (from > 0 && text.charCodeAt(from - 1) !== 10) from--;
  // (a sign-off ends its line, or a comma or "!" follows it, within a few words: "Trân trọng,")
  let to = te[s.b]!;
  while (to < text.length && to - s.end < 24) {
    const c = text.charCodeAt(to);
    if (c === 10 || c === 13 || c === 44 || c === 33) break;
    to++;
  }
  if (to < text.length && to - s.end >= 24) return false;
  return SIGNOFFS.has(lower.slice(from, to).trim());
}

/**
 * A word of tokens a..b has a capital after its first letter ("NASA", "ESLint", "HAProxy"): an acronym or a brand,
 * not an unlisted name. Letters without case pass.
 */
function innerCapitals(a: number, b: number): boolean {
  for (let i = a; i <= b; i++) {
    if (tk[i]! & K_ALLCAP) return true;
    // (offsets of the lower-cased text match only when lower-casing kept the length)
    if (sameLen)
      for (let k = ts[i]! + 1; k < te[i]!; k++) if (text.charCodeAt(k) !== lower.charCodeAt(k)) return true;
  }
  return false;
}

/**
 * Words after which a capitalised word is a thing, not a person: articles and determiners ("the Datastore", "our
 * Router"), prepositions of place and means ("in Unicode", "via Kokoro"), verbs of software ("install Fastify") and
 * keywords of code ("interface Config", "extends Hfs").
 */
const THING_BEFORE = new WordTable(
  [
    // words about words: "the word مرحبا means hello", "the term Agile"
    "word",
    "words",
    "term",
    "terms",
    "phrase",
    "spelled",
    "spelt",
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "our",
    "your",
    "their",
    "its",
    "my",
    "his",
    "her",
    "any",
    "every",
    "each",
    "some",
    "no",
    "in",
    "on",
    "into",
    "onto",
    "via",
    "using",
    "use",
    "uses",
    "used",
    "of",
    "per",
    "run",
    "runs",
    "install",
    "see",
    "enable",
    "disable",
    "new",
    "latest",
    "default",
    "custom",
    "import",
    "export",
    "interface",
    "class",
    "extends",
    "implements",
    "type",
    "enum",
    "function",
    "const",
    "let",
    "var",
    "return",
    "instanceof",
    "typeof",
    // the articles of the European languages: "con la Direzione", "le service Comptabilité", "het Bestuur"
    "la",
    "le",
    "les",
    "il",
    "lo",
    "gli",
    "el",
    "los",
    "las",
    "une",
    "una",
    "uno",
    "des",
    "della",
    "dello",
    "dei",
    "het",
    "een",
    "der",
    "die",
    "das",
    "den",
    "dem",
    "ein",
    "eine",
    "service",
  ].map((w) => [w, 1] as const),
);

/** Lower-case words of German that English does not use: in a text with one, every noun is capitalised. */
const GERMAN_MARKERS = new WordTable(
  [
    "der",
    "das",
    "und",
    "ist",
    "nicht",
    "ich",
    "mein",
    "meine",
    "meinen",
    "sie",
    "wir",
    "eine",
    "einen",
    "einem",
    "einer",
    "auf",
    "für",
    "mit",
    "bei",
    "vom",
    "zum",
    "zur",
    "bitte",
    "lautet",
    "wird",
    "sind",
    "haben",
    "macht",
    "steuerliche",
    // and the small words of German chat that no other language of the forms writes
    "bist",
    "hast",
    "heute",
    "zu",
    "auch",
    "noch",
    "schon",
    "oder",
    "aber",
    "dass",
    "wenn",
    "kann",
    "kannst",
    "habe",
    "uns",
    "euch",
    "dem",
  ].map((w) => [w, 1] as const),
);

/**
 * The record has a lower-case word of German: its capitalised nouns are no names, so a word in no list says
 * nothing there (the cue rules still hold: "Konto von Linissa").
 */
function germanText(): boolean {
  if (german === -1) {
    german = 0;
    for (let t = 0; t < n; t++)
      if (tk[t]! & K_LOWER && GERMAN_MARKERS.getRange(lower, ts[t]!, te[t]!) !== 0) {
        german = 1;
        break;
      }
  }
  return german === 1;
}

/** Words for a team or a department, in the languages of the hold-out sets: a capitalised word after one names it. */
const DEPARTMENTS = new WordTable(
  [
    "team",
    "department",
    "dept",
    "division",
    "équipe",
    "equipo",
    "equipe",
    "echipa",
    "afdeling",
    "abteilung",
    "ufficio",
    "dział",
    "oddelenie",
    "oddělení",
    "odjel",
    "oddelek",
    "osztály",
    "τμήμα",
    "отдел",
    "відділ",
    "phòng",
    "tim",
    "departamento",
    "departament",
    "departamentul",
  ].map((w) => [w, 1] as const),
);

/** Words before "to", "at", "from" or "for" that make what follows a place or an employer ("flew to", "work for"). */
const PLACE_BEFORE = new WordTable(
  [
    "live",
    "lives",
    "lived",
    "living",
    "located",
    "based",
    "stay",
    "stays",
    "staying",
    "fly",
    "flew",
    "flies",
    "flying",
    "arrive",
    "arrived",
    "arrives",
    "arriving",
    "move",
    "moved",
    "moving",
    "relocated",
    "return",
    "returned",
    "returning",
    "come",
    "came",
    "coming",
    "go",
    "goes",
    "went",
    "going",
    "travel",
    "travelled",
    "traveled",
    "travelling",
    "traveling",
    "drive",
    "drove",
    "driving",
    "headed",
    "heading",
    "here",
    "there",
    "originally",
    "back",
    "trip",
    "trips",
    "flight",
    "flights",
    "train",
    "trains",
    "ticket",
    "tickets",
    "fares",
    "ferry",
    "journey",
    "route",
    "directions",
    "commute",
    "vacation",
    "holiday",
    "way",
    "world",
    "welcome",
    "work",
    "works",
    "worked",
    "working",
  ].map((w) => [w, 1] as const),
);

/**
 * Segment s stands where a person can: right after a lower-case word of its sentence that is no THING_BEFORE word
 * (across spaces only).
 */
function personPlace(s: Seg): boolean {
  const p = s.a - 1;
  // (the word lists are read straight out of the lower-cased text: its offsets must be the text's)
  if (!sameLen || p < 0 || !onlySpaces(te[p]!, ts[s.a]!)) return false;
  // a department: "τμήμα Πωλήσεων", "oddelenie Predaja", "echipa de Vânzări", "phòng Kinh doanh"
  if (DEPARTMENTS.getRange(lower, ts[p]!, te[p]!) !== 0) return false;
  if (p > 0 && wv(p) & W_OF && DEPARTMENTS.getRange(lower, ts[p - 1]!, te[p - 1]!) !== 0) return false;
  // an elided article joined to a capitalised noun before: "dall'Ufficio Acquisti", "l'Agence Nationale"
  if (tk[p]! & K_JOINED && elidedNoun(p)) return false;
  // a capitalised word before counts when it is a common word starting the sentence ("Did Evonthya get back",
  // "Candidate Gatmarumu"): not in a heading of capitalised words
  if (!(tk[p]! & K_LOWER) && !questionOpens(p)) {
    const bits = fullBits(p);
    if (!(tk[p]! & K_CAP) || tk[p]! & K_ALLCAP || !(bits & L_COMMON) || bits & (L_FIRST | L_LAST))
      return false;
    if (!sentenceInitial(text, ts[p]!)) return false;
  }
  // after a German preposition joined to its article a noun stands ("nicht im Büro", "zum Bahnhof"), and after a
  // subject pronoun a verb ("ik ben", "ich bin"), not a name
  // (a capitalised name may follow an inverted pronoun: "Morgen zie ik X")
  const nv = NOUN_OR_VERB_BEFORE.getRange(lower, ts[p]!, te[p]!);
  if (nv === NV_NOUN || (nv === NV_VERB && tk[s.a]! & K_LOWER)) return false;
  // lower-case after a copula, a word that is only a family name is what something is: "der build ist grün", "das
  // licht war weiss" (a given name is whom: "das ist jana")
  if (
    tk[s.a]! & K_LOWER &&
    s.a === s.b &&
    COPULAS.getRange(lower, ts[p]!, te[p]!) !== 0 &&
    !(fullBits(s.a) & L_FIRST)
  )
    return false;
  // ("loop in Kensta", "bring in Anna": "in" after those verbs takes a person)
  if (
    THING_BEFORE.getRange(lower, ts[p]!, te[p]!) !== 0 &&
    !(
      tokIs(p, "in") &&
      p > 0 &&
      (tokIs(p - 1, "loop") ||
        tokIs(p - 1, "looping") ||
        tokIs(p - 1, "looped") ||
        tokIs(p - 1, "bring") ||
        tokIs(p - 1, "rope"))
    ) &&
    // ("waiting on X": see WAIT_ON)
    !(tokIs(p, "on") && p > 0 && WAIT_ON.has(lower.slice(ts[p - 1]!, te[p - 1]!))) &&
    // ("ask for X" at the end of a clause: whom to ask at the door)
    !(tokIs(p, "for") && p > 0 && tokIs(p - 1, "ask") && clauseEndAfter(te[s.b]!))
  )
    return false;
  // a place or an employer: "flew to Neupré", "moved here from Tjæreborg", "I work for Socrata"
  if (
    p >= 1 &&
    (tokIs(p, "to") || tokIs(p, "at") || tokIs(p, "from") || tokIs(p, "for")) &&
    onlySpaces(te[p - 1]!, ts[p]!) &&
    PLACE_BEFORE.getRange(lower, ts[p - 1]!, te[p - 1]!) !== 0
  )
    return false;
  // not before another capitalised word, nor before a number: "Olsengata 4" is a street, "Unicode 16" a version
  const q = s.b + 1;
  // ("Billert's CV": after a possessive a capital starts the thing owned)
  return !(q < n && tk[q]! & (K_CAP | K_DIGITS) && onlySpaces(te[s.b]!, ts[q]!) && !possLen(s.b));
}

/** Token p ("im") opens its clause: at a sentence's start, after a greeting or a comma ("hi im X", "ok, im X"). */
function imOpensClause(p: number): boolean {
  if (sentenceInitial(text, ts[p]!)) return true;
  if (p === 0) return true;
  return greeting(p - 1) || !sameClause(te[p - 1]!, ts[p]!) || codeAt(te[p - 1]!) === 44;
}

/** See personPlace: German prepositions with their article, and subject pronouns of five European languages. */
const NV_NOUN = 1;
const NV_VERB = 2;
/** Subject pronouns of five European languages: a verb follows ("ik ben", "ich bin", "io sono"). */
const NV_PRONOUNS = ["ik", "jij", "wij", "ich", "wir", "nous", "vous", "io", "noi", "voi", "yo", "nosotros"];
const NOUN_OR_VERB_BEFORE = new WordTable([
  ...entries(["im", "zum", "zur", "beim", "vom", "ins"], NV_NOUN),
  ...entries(NV_PRONOUNS, NV_VERB),
]);
/** "Is" and "was" of the languages of lower-case chat, before what something is (see personPlace). */
const COPULAS = wordSet([
  "ist",
  "war",
  "sind",
  "waren",
  "wird",
  "bleibt",
  "wordt",
  "werd",
  "blijft",
  "est",
  "était",
  "sont",
  "es",
  "era",
  "está",
  "esta",
  "è",
  "sono",
]);

/** Auxiliaries that open a question ("Can X sign off?", "Did X get back?"); not "will" and "may", names too. */
const QUESTION_AUX = new WordTable(
  [
    "can",
    "could",
    "would",
    "should",
    "did",
    "does",
    "do",
    "is",
    "was",
    "has",
    "have",
    "might",
    "must",
    "shall",
  ].map((w) => [w, 1] as const),
);

/** Token t is an auxiliary of QUESTION_AUX that opens a question ("Can X sign off?"). */
function questionOpens(t: number): boolean {
  return QUESTION_AUX.getRange(lower, ts[t]!, te[t]!) !== 0 && questionAt(t);
}

/** Token a starts a sentence that ends with a question mark (on its line, within 120 characters). */
function questionAt(a: number): boolean {
  if (!sentenceInitial(text, ts[a]!)) return false;
  for (let k = te[a]!; k < text.length && k - te[a]! < 120; k++) {
    const c = text.charCodeAt(k);
    if (c === 63) return true;
    // (an initial's dot ends no sentence: "Can Elsa F. Eugster sign off?")
    if (
      c === 46 &&
      k >= 2 &&
      SPACE(text.charCodeAt(k - 2)) &&
      text.charCodeAt(k - 1) !== lower.charCodeAt(k - 1)
    )
      continue;
    if (c === 10 || c === 46 || c === 33) return false;
  }
  return false;
}

/** Token t is an elided article or preposition joined to a capitalised word ("dall'Ufficio", "l'Agence"). */
function elidedNoun(t: number): boolean {
  for (let k = ts[t]! + 1; k < te[t]! - 1; k++) {
    const c = text.charCodeAt(k);
    if ((c === 39 || c === 0x2019) && text.charCodeAt(k + 1) !== lower.charCodeAt(k + 1))
      return k - ts[t]! <= 5;
  }
  return false;
}

/** Token t is an English word: a common one, a function word or one of the wider vocabulary. */
function englishTok(t: number): boolean {
  if (!(tk[t]! & (K_LOWER | K_CAP)) || tk[t]! & K_DIGITS) return false;
  const b = fullBits(t);
  // (a common word of three letters or more that is another language's function word too counts: "met", "tenant")
  return (
    englishWord(b) ||
    (b & (L_FUNCTION_EN | L_COMMON) && te[t]! - ts[t]! >= 3) ||
    (sameLen && lex.inVocabulary(lower, ts[t]!, te[t]!))
  );
}

/**
 * The record has eight Latin letters or more, and they (or its Latin words) outnumber those of the scripts without
 * case, or come first: a word of such a script in it may be a name in no list (see categorise). Counted once per
 * record, when first asked.
 */
function latinText(): boolean {
  if (latinMost < 0) {
    let latin = 0;
    let caseless = 0;
    // (-1: no letter yet; 1: the first is Latin, so the sentence is English, "Invoice for עופירזית, <address>")
    let latinFirst = -1;
    // words of each (a run of its letters): an address in Arabic after an English sentence has more letters, but
    // fewer words ("عدليل and I will drive to 386 سبيل السقاط")
    let latinWords = 0;
    let caselessWords = 0;
    let run = 0; // 1: in a Latin word, 2: in a word of a caseless script
    for (let k = 0; k < text.length; k++) {
      const c = text.charCodeAt(k);
      if (c < 0x80) {
        if ((c | 32) >= 97 && (c | 32) <= 122) {
          latin++;
          if (latinFirst < 0) latinFirst = 1;
          if (run !== 1) latinWords++;
          run = 1;
        } else run = 0;
      } else if (caselessLetter(c)) {
        caseless++;
        if (latinFirst < 0) latinFirst = 0;
        if (run !== 2) caselessWords++;
        run = 2;
      } else run = 0;
    }
    latinMost = latin >= 8 && (latin > caseless || latinFirst === 1 || latinWords > caselessWords) ? 1 : 0;
  }
  return latinMost === 1;
}

/**
 * The record (typed in lower case) is English: at least two of its words are English words, and more than the
 * others outside segment s ("did zartina bricis get back to you?"; not "feliz cumpleaños juan"). Letters alone
 * ("b." of a name) are neither. The words are counted once per record.
 */
function englishChat(s: Seg): boolean {
  if (englishCount < 0) {
    let en = 0;
    let other = 0;
    for (let t = 0; t < n; t++) {
      if (!(tk[t]! & K_LOWER) || tk[t]! & K_DIGITS || caselessTok(t) || te[t]! - ts[t]! < 2) continue;
      const b = fullBits(t);
      if (englishWord(b) || b & L_FUNCTION_EN) en++;
      else if (b & L_COMMON || !(b & (L_FIRST | L_LAST | L_EXTRA))) {
        if (!(sameLen && lex.inVocabulary(lower, ts[t]!, te[t]!))) other++;
        else en++;
      }
    }
    englishCount = en;
    otherCount = other;
  }
  // (the segment's words in no list were counted among the others)
  return englishCount >= 2 && englishCount > otherCount - s.unknown;
}

/**
 * Segment s ends the text and its last word is the start of a common word: a word being typed, cut short ("sell one
 * millio", "the musical expre"), not a name.
 */
function cutShort(s: Seg): boolean {
  const e = te[s.b]!;
  for (let k = e; k < text.length; k++) if (text.charCodeAt(k) > 32) return false;
  return lex.startsCommonWord(lower.slice(ts[s.b]!, e));
}

/**
 * Segment s stands in code, or in prose about code: its line holds a backtick, braces, a semicolon, "=>", "//" or
 * "://", or the word touches a bracket, a dot, a slash or an underscore ("asyncbufferfromfile(", "logger.info").
 */
function codeAround(s: Seg): boolean {
  let a = ts[s.a]!;
  let e = te[s.b]!;
  const before = a > 0 ? text.charCodeAt(a - 1) : 32;
  const after = e < text.length ? text.charCodeAt(e) : 32;
  // ( ) [ ] . / _ < > right beside the word (a full stop after it ends a sentence: "sung by salarymen.")
  if (before === 46 || before === 47 || before === 95 || before === 40 || before === 91 || before === 60)
    return true;
  if (after === 40 || after === 47 || after === 95 || after === 91 || after === 62) return true;
  if (after === 46 && e + 1 < text.length && text.charCodeAt(e + 1) > 32) return true;
  // (each line is read once: the segments of a line of many would otherwise read it again each)
  if (a >= codeLineStart && e <= codeLineEnd) return codeLine && !inCodeString(a);
  while (a > 0 && text.charCodeAt(a - 1) !== 10) a--;
  while (e < text.length && text.charCodeAt(e) !== 10) e++;
  codeLineStart = a;
  codeLineEnd = e;
  codeLine = false;
  for (let k = a; k < e; k++) {
    const c = text.charCodeAt(k);
    if (
      c === 96 ||
      c === 123 ||
      c === 125 ||
      c === 59 ||
      (c === 47 && (text.charCodeAt(k + 1) === 47 || text.charCodeAt(k - 1) === 58)) ||
      (c === 62 && text.charCodeAt(k - 1) === 61)
    ) {
      codeLine = true;
      break;
    }
  }
  // a string literal's words are text: 'log("sent to zorvan")' (a comment's are the code's jargon, as before)
  return codeLine && !inCodeString(ts[s.a]!);
}

/**
 * Offset `at` of the code line last read by `codeAround` stands inside a string literal (read from the line's start, up
 * to 400 code units back: a longer line's words are taken for code, as they were before strings were told apart).
 */
function inCodeString(at: number): boolean {
  return at - codeLineStart <= 400 && codePartAt(text, codeLineStart, at) === IN_STRING;
}

/** Characters of which a line of code holds one (see isCodeLine; a leading keyword is looked for apart). */
const CODE_CHARS = CH_PAREN | CH_EQUALS | CH_SEMI | CH_PLUS | CH_HASH | CH_AMP | CH_TILDE | CH_ANGLE;
/** The line last read by `codeIdentifier` (its start in the record, -1: none yet) and whether it is code. */
let codeIdLine = -1;
let codeIdIsCode = false;
/** Whether the record may hold a line of code at all (-1: not looked yet). */
let codeIdGate = -1;

/**
 * Segment s stands in the code of a line of program code, not in its comment or a string literal: an identifier
 * ("import { Parser, Lexer }", "new Walker(dir)", "(val, config, depth) => {"), whatever its words.
 */
function codeIdentifier(s: Seg): boolean {
  if (codeIdGate === -1) {
    const chars = toksCur.chars;
    codeIdGate =
      (chars & CODE_CHARS) !== 0 ||
      (chars & (CH_COLON | CH_COMMA)) === (CH_COLON | CH_COMMA) ||
      KEYWORD_OPENS.test(text)
        ? 1
        : 0;
  }
  if (codeIdGate === 0) return false;
  // (a line this long is no one's code typed by hand; reading it is not worth its time, nor walking back to its start)
  let a = s.start;
  while (a > 0 && text.charCodeAt(a - 1) !== 10) if (s.start - --a > MAX_CODE_LINE) return false;
  if (a !== codeIdLine) {
    let e = s.end;
    while (e < text.length && text.charCodeAt(e) !== 10 && e - a <= MAX_CODE_LINE) e++;
    codeIdLine = a;
    codeIdIsCode = e - a <= MAX_CODE_LINE && isCodeLine(text, a, e);
  }
  return codeIdIsCode && codePartAt(text, a, s.start) === IN_CODE;
}
const MAX_CODE_LINE = 1000;
const KEYWORD_OPENS = /(?:^|\n)[ \t]*(?:import|export|class|def) /;

/** Parts of the names of software that are no English word: "libcookie", "duckdb", "webidl". */
const TECH_PARTS = new Set([
  "lib",
  "db",
  "js",
  "fs",
  "io",
  "sql",
  "api",
  "sdk",
  "cli",
  "ui",
  "idl",
  "xml",
  "json",
  "http",
  "url",
  "tmp",
  "dir",
  "npm",
  "src",
  "cfg",
  "cmd",
]);

/**
 * Token t, a word in no list, is English words run together, as names in code are ("asyncbufferfromfile",
 * "streamcollector", "standardretrystrategy"), or an English word and an ending ("serializers", "uglified",
 * "observability"), or such words with a part of software's names ("libcookie", "duckdb"). A dynamic
 * programme over the word's cuts: at most 24 letters, so a few hundred lookups, asked only of lower-case chat's
 * candidates.
 */
function compoundWord(t: number): boolean {
  const a = ts[t]!;
  const e = te[t]! - possLen(t);
  // (without capitals a long word is more often words run together that no list splits, "inlinecanaryokapi",
  // than a name: few family names have more than 14 letters)
  if (e - a > MAX_LOWER_NAME) return true;
  if (--wordChecks < 0) return false;
  // reach[k]: lower[a..a+k) is English words run together
  const reach = new Uint8Array(e - a + 1);
  reach[0] = 1;
  for (let i = a; i < e; i++) {
    if (!reach[i - a]) continue;
    for (let j = i + 2; j <= e; j++) {
      if (reach[j - a]) continue;
      const len = j - i;
      const part =
        (i === a && len <= 5 && WORD_PREFIXES.has(lower.slice(i, j))) ||
        (len >= 3 && englishWord(lex.peekRange(lower, i, j))) ||
        (len >= VOCAB_PART && lex.inVocabulary(lower, i, j)) ||
        (len <= 4 && TECH_PARTS.has(lower.slice(i, j)));
      if (part) reach[j - a] = 1;
    }
  }
  if (reach[e - a]) return true;
  // English words and an ending: "serial|izers"; the last word may have lost its "e" or turned "y" to "i"
  // before it: "observ(e)|ability", "studi|ed" (study)
  for (const end of LONG_ENDINGS) {
    const k = e - end.length;
    if (k - a < 3 || !lower.endsWith(end, e)) continue;
    if (reach[k - a]) return true;
    for (let i = a; i <= k - 3; i++) {
      if (!reach[i - a]) continue;
      const stem = lower.slice(i, k);
      if (englishString(stem + "e")) return true;
      // ("studi|ed": the "i" is the stem's "y"; "ugl|ified": the ending's)
      if (stem.endsWith("i") && englishString(stem.slice(0, -1) + "y")) return true;
      if (end.charCodeAt(0) === 105 && englishString(stem + "y")) return true;
    }
  }
  return false;
}

/**
 * Every word in no list of segment s is English, or (with `runTogether`) English words run together (see
 * englishMade, compoundWord): two words of software side by side ("json serializer"), but not a name one of whose
 * words looks English ("gunise lebecto": gun + ise). Of a capitalised name of two or three words, one may be a word
 * of the wider vocabulary by chance ("Zorqual Kesh", "Sence Badiellie"); a product's name is English through ("Apache
 * Zookeeper"). `rareIsName`: see englishMadeWord.
 */
function allEnglishMade(s: Seg, runTogether = true, rareIsName = false): boolean {
  if (!sameLen) return false;
  let words = 0;
  for (let t = s.a; t <= s.b; t++) {
    if (cat[t] !== CAT_UNKNOWN) continue;
    if (!englishMadeWord(t, rareIsName) && !(runTogether && compoundWord(t))) return false;
    words++;
  }
  return words > 0;
}

/** Endings of English words made from others, for compoundWord ("observ|ability", "ugl|ified"). */
const LONG_ENDINGS = [
  "s",
  "es",
  "ed",
  "d",
  "er",
  "ers",
  "ing",
  "ize",
  "izes",
  "ized",
  "izer",
  "izers",
  "ise",
  "ised",
  "iser",
  "isers",
  "ify",
  "ified",
  "ifier",
  "ifiers",
  "ification",
  "ication",
  "ization",
  "isation",
  "ability",
  "ibility",
  "able",
  "ible",
  "ism",
  "ist",
  "ists",
  "ity",
  "ive",
  "ous",
  "al",
  "ally",
  "ation",
  "ations",
  "ate",
  "ated",
  "ly",
  "ness",
  "less",
  "ment",
  "ments",
];

/**
 * `w` is a common English word (not one of the wider vocabulary: its acronyms and rare words are one letter from
 * too many names, "brics" from "bricis").
 */
function englishString(w: string): boolean {
  return englishWord(lex.peekRange(w, 0, w.length));
}

/**
 * Each word in no list (or only in the larger, noisier one) of segment s is an English word with one letter
 * dropped, added, changed or two swapped ("untill", "recieve", "definately", "occured"): a slip of typing, not a
 * name. Words of four letters or fewer are one letter from some English word: they are taken as slips too. Asked
 * only of lower-case chat's candidates, and of words of at most 24 letters, so the hundreds of lookups a word costs
 * are rare and bounded.
 */
function misspeltEnglish(s: Seg): boolean {
  // (every word must be a slip: one word of a name may be one letter from a word, "chata v. gotsar", "goswar akti",
  // but two side by side seldom both are, unless they are slips, "thier freind")
  for (let t = s.a; t <= s.b; t++) {
    if (cat[t] !== CAT_UNKNOWN && cat[t] !== CAT_EXTRA) continue;
    if (--wordChecks < 0 || !slipOfEnglish(t)) return false;
  }
  return true;
}

/** Token t is a common English word with one slip of typing (see misspeltEnglish). */
function slipOfEnglish(t: number): boolean {
  const s = ts[t]!;
  const e = te[t]! - possLen(t);
  const L = e - s;
  // (longer than any name: englishMade has judged it already)
  if (L > MAX_UNLISTED_NAME) return false;
  if (L <= 4) return true;
  // (a letter changed or added: only in longer words, of which fewer are one letter from a word by chance:
  // "bricis" is one from "bricks")
  const w = lower.slice(s, e);
  let slip = SLIPS.get(w);
  if (slip === undefined) {
    slip = lex.slipMatch(lower, s, e, L >= 7, englishWord);
    if (SLIPS.size >= MAX_SLIPS) SLIPS.clear();
    SLIPS.set(w, slip);
  }
  return slip;
}

/**
 * The answers of slipOfEnglish, by word: a word costs hundreds of lookups (thousands at ten letters), and chat
 * repeats its words. A fixed fact of the lexicon, so kept across records; emptied when full.
 */
const SLIPS = new Map<string, boolean>();
const MAX_SLIPS = 4096;

/** Letters of the longest word that may be a name no list holds. */
const MAX_UNLISTED_NAME = 24;
/** The same in lower-case chat (see compoundWord). */
const MAX_LOWER_NAME = 14;

const ACCENTED_VOWELS = "àáâãäåæèéêëìíîïòóôõöøùúûüýÿāăąēĕėęěĩīĭįıōŏőœũūŭůűų";

/** lower[a..e) holds a vowel, or a letter past Latin (whose vowels this does not know): not an abbreviation. */
function vowelOrOtherScript(a: number, e: number): boolean {
  for (let k = a; k < e; k++) {
    const c = lower.charCodeAt(k);
    if (c === 97 || c === 101 || c === 105 || c === 111 || c === 117 || c === 121) return true;
    if (c >= 0xc0 && (c >= 0x250 || ACCENTED_VOWELS.includes(lower[k]!))) return true;
  }
  return false;
}

/**
 * A word of segment s is a name that English also uses as a word ("server", "max") or a city ("paris"): in lower
 * case, no sure name.
 */
function nameWordIn(s: Seg): boolean {
  // (a hyphenated word is judged by its parts, and "server-side" has such a part: leave them all)
  for (let t = s.a; t <= s.b; t++) {
    if (bitsOf[t]! & (L_NAME_WORD | L_CITY)) return true;
    // (within the word only: a search on to the text's end cost the square of a long lower-case text's length)
    for (let k = ts[t]!; k < te[t]!; k++) if (lower.charCodeAt(k) === 45) return true;
  }
  return false;
}

/** Every word of segment s that counts as weak is a given or family name that is a place too, not a common word. */
function weakOnlyAsPlace(s: Seg): boolean {
  if (s.weak === 0) return true;
  for (let t = s.a; t <= s.b; t++)
    if (cat[t] === CAT_WEAK && (bitsOf[t]! & L_COMMON || !(bitsOf[t]! & (L_FIRST | L_LAST)))) return false;
  return true;
}

/** Verbs of a person after a sentence's first word (with AUX: "is", "was", "has", "will"). */
/** "Said" in the languages of the hold-out sets, after a subject (SUBJECT_VERBS) or a lower-case name (LOWER_SLOT_AFTER). */
const SAID_ABROAD = [
  // "X meint, …", "X vindt dat", "X pense que": says or thinks
  "meint",
  "vindt",
  "pense",
  "dice",
  "dijo",
  "disse",
  "sagt",
  "sagte",
  "сказал",
  "сказала",
  "сказав",
  "nói",
  "bilang",
  "hovorí",
  "powiedział",
  "powiedziała",
  // "X wrote" in the languages of the hold-out sets ("X napisał, że", "X skrev att", "X kirjoitti, että")
  "napisał",
  "napisała",
  "skrev",
  "sagde",
  "kirjoitti",
  "sanoi",
  "psal",
  "psala",
  "napsal",
  "napsala",
  "escreveu",
  "escribió",
  "scrisse",
  "schrieb",
  "schreef",
];

const SUBJECT_VERBS = new WordTable(
  [
    "wants",
    "needs",
    "thinks",
    "knows",
    "likes",
    "loves",
    "hates",
    "called",
    "left",
    "sent",
    "paid",
    "gave",
    "says",
    "said",
    "asked",
    "told",
    "replied",
    "wrote",
    "approved",
    "agreed",
    "confirmed",
    "mentioned",
    "forgot",
    "forgets",
    // what apps say people did: "X reacted 👍 to your message", "X commented on your post"
    "reacted",
    "commented",
    "invited",
    "tagged",
    "texted",
    "messaged",
    "responded",
    // "X dice que", "X disse que", "X сказал", "X nói", "X bilang": said, in the world's languages
    ...SAID_ABROAD,
    "dit",
    "zei",
    "говорит",
    "povedal",
    "povedala",
    "řekl",
    "řekla",
  ].map((w) => [w, 1] as const),
);

/** Segment s is followed by a person's verb, or by "and I" / "and me" ("Anjagajiv and I will drive"). */
function subjectOfPerson(s: Seg): boolean {
  let q = s.b + 1;
  if (!sameLen || q >= n) return false;
  if (!onlySpaces(te[s.b]!, ts[q]!)) {
    // "Londel (Finance) approved the expense": a team or a role in brackets between the subject and its verb
    q = afterAside(te[s.b]!);
    if (q < 0) return false;
  }
  if (!(tk[q]! & K_LOWER)) return false;
  if (SUBJECT_VERBS.getRange(lower, ts[q]!, te[q]!) !== 0) return true;
  // "محرزوق just pinged me", "X left the company"
  if (personAct(q)) return true;
  // the person asked, in chat: "Preane pls call me", "Iren can u send me the file"
  if (tokIs(q, "pls") || tokIs(q, "plz")) return true;
  if ((tokIs(q, "can") || tokIs(q, "could")) && (tokIs(q + 1, "u") || tokIs(q + 1, "you"))) return true;
  // "Ellikath is out sick", but not "Zoolander is a 2017 film": what a thing is, is said with an article
  if (wv(q) & W_AUX) return !(q + 1 < n && (tokIs(q + 1, "a") || tokIs(q + 1, "an") || tokIs(q + 1, "the")));
  if (!tokIs(q, "and") || q + 1 >= n) return false;
  const r = q + 1;
  // ("and i" in lower-case chat)
  const c = text.charCodeAt(ts[r]!);
  return (te[r]! - ts[r]! === 1 && (c === 73 || (c === 105 && lowerMode))) || tokIs(r, "me");
}

/** Articles of the hold-out languages: a word after one is a noun, not a name, in lower-case chat. */
// prettier-ignore
const ARTICLES_WORDS = [
  "the", "a", "an", "il", "lo", "la", "gli", "le", "un", "una", "uno", "der", "die", "das", "dem", "den", "ein",
  "eine", "einen", "einem", "het", "een", "el", "los", "las", "les", "une", "des", "az", "ο", "η", "το",
];
/** Adverbs between a question's subject and its participle: "hat X schon geantwortet?". */
const QUESTION_ADVERBS = new Set([
  "schon",
  "noch",
  "al",
  "ook",
  "even",
  "già",
  "déjà",
  "ya",
  "already",
  "ever",
  "just",
]);
/** Token q (or the one after an adverb of QUESTION_ADVERBS) is a participle of AFTER_AUX. */
function participleAfter(q: number): boolean {
  if (q >= n || !onlySpaces(te[q - 1]!, ts[q]!)) return false;
  if (QUESTION_ADVERBS.has(lower.slice(ts[q]!, te[q]!))) {
    q++;
    if (q >= n || !onlySpaces(te[q - 1]!, ts[q]!)) return false;
  }
  return (wv(q) & W_AFTER_AUX) !== 0;
}
/**
 * Token t is a German or Dutch past participle in no list of names: "eingegangen", "gelesen", "angekommen",
 * "erhalten", "ontvangen".
 */
function participleLike(t: number): boolean {
  if (!sameLen || te[t]! - ts[t]! < 7 || fullBits(t) & (L_FIRST | L_LAST | L_EXTRA)) return false;
  const w = lower.slice(ts[t]!, te[t]!);
  return GERMANIC_PARTICIPLE_RE.test(w) || PARTICIPLES.has(w);
}
const GERMANIC_PARTICIPLE_RE =
  /^(?:ein|an|ab|auf|aus|zu|mit|vor|nach|weg|zurück|her|hin|durch|über|um|fest|frei|los|op|aan|af|uit|door|terug|mee|na|toe)?ge\p{L}{3,}(?:en|t|d)$/u;
const PARTICIPLES = new Set([
  "erhalten",
  "bekommen",
  "verschickt",
  "versendet",
  "beantwortet",
  "bestätigt",
  "empfangen",
  "erledigt",
  "bezahlt",
  "überwiesen",
  "ontvangen",
  "verstuurd",
  "beantwoord",
  "bevestigd",
  "betaald",
  "unterschrieben",
  "unterzeichnet",
  "ondertekend",
]);
/** Chat's interjections that open a sentence before its subject: "lol X forgot his badge", "omg X is here". */
const INTERJECTIONS = new Set([
  "lol",
  "lmao",
  "omg",
  "haha",
  "hahaha",
  "btw",
  "brb",
  "ok",
  "okay",
  "ugh",
  "wow",
  "yay",
]);
/** Segment s follows one of INTERJECTIONS that opens its sentence, with at most a comma between. */
function afterInterjection(s: Seg): boolean {
  const p = s.a - 1;
  if (p < 0 || !INTERJECTIONS.has(lower.slice(ts[p]!, te[p]!)) || !sentenceInitial(text, ts[p]!))
    return false;
  const m = loneMark(te[p]!, ts[s.a]!);
  return m === 0 ? onlySpaces(te[p]!, ts[s.a]!) : m === 44;
}

/** "and" and "I" (or "me") of the languages of the European forms, as pairs: "X und ich", "X et moi". */
const WITH_ME_PAIRS: readonly (readonly [string, readonly string[]])[] = [
  ["and", ["i", "me"]],
  ["n", ["i", "me"]],
  ["und", ["ich"]],
  ["en", ["ik"]],
  ["et", ["moi"]],
  ["y", ["yo"]],
  ["e", ["io", "eu"]],
  ["i", ["ja"]],
  ["och", ["jag"]],
  ["og", ["jeg"]],
  ["ja", ["minä"]],
  ["a", ["já", "ja"]],
];
/** Each "and" and each "I" with the bit of its pair (bit k: pair k): a pair matches when the bits meet. */
const WITH_ME_AND = new WordTable(WITH_ME_PAIRS.map(([and], k) => [and, 1 << k] as const));
const WITH_ME_I = new WordTable(WITH_ME_PAIRS.flatMap(([, mes], k) => mes.map((m) => [m, 1 << k] as const)));

/** Tokens q, q + 1 are "and I" in one of those languages, with a verb or the text's end after them. */
function withMe(q: number): boolean {
  if (q + 1 >= n || te[q]! - ts[q]! > 3) return false;
  const pair = WITH_ME_AND.getRange(lower, ts[q]!, te[q]!);
  if (pair === 0 || !onlySpaces(te[q]!, ts[q + 1]!)) return false;
  const r = q + 1;
  if ((WITH_ME_I.getRange(lower, ts[r]!, te[r]!) & pair) === 0) return false;
  return r + 1 >= n || onlySpaces(te[r]!, ts[r + 1]!);
}

/** After " (Finance) " at `pos`: the index of the token after the brackets, or -1. */
function afterAside(pos: number): number {
  if (text.charCodeAt(pos) !== 32 || text.charCodeAt(pos + 1) !== 40) return -1;
  const close = text.indexOf(")", pos + 2);
  if (close < 0 || close - pos > 32 || text.charCodeAt(close + 1) !== 32) return -1;
  for (let k = pos + 2; k < close; k++) if (text.charCodeAt(k) === 10 || text.charCodeAt(k) === 40) return -1;
  let q = 0;
  while (q < n && ts[q]! <= close) q++;
  return q < n && ts[q] === close + 2 ? q : -1;
}

/** Letters of the shortest part of a word that counts when only the wider vocabulary holds it. */
const VOCAB_PART = 6;

/** English prefixes that make a word of a common one (not "de" or "co": "Dewar", "Colette"). */
const ENGLISH_PREFIXES = [
  "re",
  "un",
  "pre",
  "dis",
  "mis",
  "non",
  "over",
  "under",
  "sub",
  "inter",
  "multi",
  "out",
];

/**
 * Prefixes that start English words made of others: "deserializes", "autoload", "precompiled" (here "de" and "co"
 * count too: the rest must be English words run together, which names seldom are; see compoundWord).
 */
const WORD_PREFIXES = new Set([
  ...ENGLISH_PREFIXES,
  ...["de", "co", "auto", "micro", "meta", "post", "anti", "bi", "tri", "semi", "pseudo"],
]);

/** English endings that make a word of a common stem: "Router", "Assignable", "Fastify", "Loader". */
const ENGLISH_ENDINGS = [
  "ised",
  "ized",
  "ising",
  "izing",
  "isation",
  "ization",
  "ier",
  "iest",
  "ies",
  "ied",
  "s",
  "es",
  "r",
  "er",
  "ers",
  "ing",
  "able",
  "ible",
  "ify",
  "ity",
  "ment",
  "ness",
  "tion",
  "ize",
  "ise",
  "ed",
  "d",
  "ly",
  "y",
  "ful",
  "less",
];

/**
 * Lexicon bits of an English common word: L_COMMON also holds the function words of other languages ("est", "ein"),
 * which make no English compound ("Rid-est").
 */
function englishWord(bits: number): boolean {
  return (bits & L_COMMON) !== 0 && !(bits & L_FUNCTION && !(bits & L_FUNCTION_EN));
}

/**
 * A word of segment s is English: a word of the wider vocabulary ("Hebrew", "Amazon", "Metadata"), two common words
 * ("Datastore", "Changelog"), or a common word and an English ending ("Fastify", "Prettier"). Names in no list
 * rarely are; words of software often are.
 */
function englishMade(s: Seg, rareIsName = false): boolean {
  if (!sameLen) return false;
  for (let t = s.a; t <= s.b; t++) if (cat[t] === CAT_UNKNOWN && englishMadeWord(t, rareIsName)) return true;
  return false;
}

/** Token t, a word in no list, is English (see englishMade). */
function englishMadeWord(t: number, rareIsName = false): boolean {
  const a = ts[t]!;
  const e = te[t]! - possLen(t);
  // too short, or without a vowel ("Ts", "Xvfb"): an abbreviation; longer than any name: no name (and the part
  // lookups below would cost the square of its length)
  if (e - a < 3 || e - a > MAX_UNLISTED_NAME || !vowelOrOtherScript(a, e)) return true;
  // (with `rareIsName`, a rare word of the vocabulary alone is not English: where a person stands, a capitalised
  // "Gudi" or "Kesh" is more often a name; its parts are still judged below)
  if (lex.inVocabulary(lower, a, e) && !(rareIsName && lex.inRareVocabulary(lower, a, e))) return true;
  // a letter before a word of five letters or more ("Xrender", "Xauthority"; not "Omain"), or a hyphen and a
  // common word ("In-memory", "Node-style")
  if (e - a >= 6 && englishWord(lex.peekRange(lower, a + 1, e))) return true;
  for (let k = a + 1; k < e - 1; k++) {
    if (lower.charCodeAt(k) !== 45) continue;
    const left = lex.peekRange(lower, a, k);
    const right = lex.peekRange(lower, k + 1, e);
    const nameBits = L_FIRST | L_LAST | L_EXTRA;
    if ((englishWord(left) && !(left & nameBits)) || (englishWord(right) && !(right & nameBits))) return true;
  }
  // (a part is looked up only after the other one is a word; the second may be a long word of the wider
  // vocabulary, "Keyframes": its short ones are mostly acronyms, "vda", "nka")
  for (let k = a + 3; k <= e - 3; k++)
    if (
      englishWord(lex.peekRange(lower, a, k)) &&
      (englishWord(lex.peekRange(lower, k, e)) || (e - k >= VOCAB_PART && lex.inVocabulary(lower, k, e)))
    )
      return true;
  // an English prefix before a common word: "Retyped", "Unmerged", "Preload"
  for (const pre of ENGLISH_PREFIXES) {
    const k = a + pre.length;
    if (e - k >= 3 && lower.startsWith(pre, a) && englishWord(lex.peekRange(lower, k, e))) return true;
  }
  for (const end of ENGLISH_ENDINGS) {
    const k = e - end.length;
    if (k - a < 3 || !lower.endsWith(end, e)) continue;
    if (englishWord(lex.peekRange(lower, a, k))) return true;
    if (k - a >= VOCAB_PART && lex.inVocabulary(lower, a, k)) return true;
    // a stem that ends in "e" or "y" before the ending: "Browser" (browse), "Prettier" (pretty)
    const stem = lower.slice(a, k);
    if (englishWord(lex.peekRange(stem + "e", 0, k - a + 1))) return true;
    if (stem.endsWith("i") && englishWord(lex.peekRange(stem.slice(0, -1) + "y", 0, k - a))) return true;
  }
  return false;
}

/** Words around a name that make it a person even in lower-case chat, where nouns can be names ("about server"). */
const LOWER_CUE_BEFORE = new Set([
  "ask",
  "asked",
  "tell",
  "told",
  "it's",
  "its",
  "ping",
  "cc",
  "met",
  "thank",
  // German, French, Spanish and Italian "with" (Dutch "met" is above) and German "of" ("mit finja", "konto von
  // davin")
  "mit",
  "von",
  "avec",
  "con",
]);
const LOWER_CUE_AFTER = new Set([
  // "camylle waters just pinged me", "lempi has been"
  "just",
  "has",
  "had",
  "said",
  "says",
  "wrote",
  "told",
  "asked",
  "replied",
  // "lola heeft gebeld", "jana hat angerufen", "sara dijo"
  "hat",
  "heeft",
  "sagt",
  "zegt",
  "schrieb",
  "schreef",
  "dijo",
]);

/**
 * English words around an unlisted word in lower-case chat that make it a person ("ask smillman about", "thanks
 * bincie", "lucilen abek said"). Fewer than LOWER_CUE_BEFORE: without capitals, every word of another language is
 * "unlisted" too, so no cue of another language ("con", "mit") counts here.
 */
const LOWER_SLOT_BEFORE = new WordTable(
  [
    "ask",
    "asked",
    "tell",
    "told",
    "ping",
    "cc",
    "thank",
    "thanks",
    "texted",
    "messaged",
    "dm",
    "emailed",
    "phoned",
    "передай",
    "скажи",
    // "going w darver tmrw": chat's "with"
    "w",
  ].map((w) => [w, 1] as const),
);
/**
 * Roles and occasions that only a person has ("tenant dord paid", "candidate aali —", "happy birthday vran"), and
 * (LOWER_SLOT_PAIRS) two words before a person in English chat ("can you loop in vran", "meet my friend mily", "who
 * is hule?"). Weaker than LOWER_SLOT_BEFORE: not before a word of one or two letters ("tenant id") or in code.
 */
const LOWER_ROLE_BEFORE = new WordTable(
  [
    "tenant",
    "candidate",
    "birthday",
    "babysitter",
    "nanny",
    "tutor",
    "schüler",
    "schülerin",
    "leerling",
    "pupil",
  ].map((w) => [w, 1] as const),
);
/** Two words before a person in English chat ("can you loop in vran", "meet my friend mily", "who is hule?"). */
const LOWER_SLOT_PAIRS: ReadonlyArray<readonly [string, string]> = [
  ["loop", "in"],
  ["looping", "in"],
  // a meeting with someone, in the Scandinavian languages: "mötet med X"
  ["mötet", "med"],
  ["møtet", "med"],
  ["mødet", "med"],
  ["looped", "in"],
  ["sign-off", "from"],
  ["signoff", "from"],
  ["approval", "from"],
  ["my", "friend"],
  ["who", "is"],
  ["covering", "for"],
  ["approved", "by"],
  ["photo", "by"],
  ["shoutout", "to"],
  ["kudos", "to"],
  ["congrats", "to"],
  ["interview", "with"],
  ["voicemail", "from"],
  // a missed call's line: "missed call from X", "verpasster Anruf von X", "gemiste oproep van X"
  ["call", "from"],
  ["anruf", "von"],
  // "zeg tegen X dat", "ik zit met X", "dì a X che", "sono con X", "je suis avec X", "dis à X de", "bin mit X",
  // "dile a X que", "estoy con X"
  ["zeg", "tegen"],
  ["zit", "met"],
  ["dì", "a"],
  ["di'", "a"],
  ["sono", "con"],
  ["suis", "avec"],
  ["dis", "à"],
  ["bin", "mit"],
  ["dile", "a"],
  ["estoy", "con"],
  ["oproep", "van"],
  ["llamada", "de"],
  ["chiamata", "da"],
  ["belonging", "to"],
  ["belongs", "to"],
];
const LOWER_SLOT_AFTER = new WordTable(
  // (and "said" in the languages of the hold-out sets: "aqillah bilang", "воременко сказав")
  ["said", "says", "wrote", "replied", ...SAID_ABROAD].map((w) => [w, 1] as const),
);

/**
 * A word in no list of segment s has five letters or more and is an English word with one slip of typing
 * ("baandon"): shorter words are one letter from too many words to tell ("mily", "vran").
 */
function longSlip(s: Seg): boolean {
  for (let t = s.a; t <= s.b; t++)
    if ((cat[t] === CAT_UNKNOWN || cat[t] === CAT_EXTRA) && te[t]! - ts[t]! >= 5 && slipOfEnglish(t))
      return true;
  return false;
}

/** Token p is a word of LOWER_ROLE_BEFORE or the second of LOWER_SLOT_PAIRS. */
function roleBefore(p: number): boolean {
  if (LOWER_ROLE_BEFORE.getRange(lower, ts[p]!, te[p]!)) return true;
  if (p > 0 && onlySpaces(te[p - 1]!, ts[p]!))
    for (const [w1, w2] of LOWER_SLOT_PAIRS) if (tokIs(p, w2) && tokIs(p - 1, w1)) return true;
  return false;
}

/** Segment s of a lower-case text stands where English puts a person (see LOWER_SLOT_BEFORE), or after "hey, it's". */
function lowerSlot(s: Seg): boolean {
  const p = s.a - 1;
  // (spaces only between: "cc, cx, gb" is a list of codes, '"/ping","hostname"' a log line)
  if (p >= 0 && onlySpaces(te[p]!, ts[s.a]!)) {
    if (LOWER_SLOT_BEFORE.getRange(lower, ts[p]!, te[p]!)) return true;
    if (greetingIts(p)) return true;
    if (wv(p) & W_OF && p > 0 && wv(p - 1) & W_OWNER && onlySpaces(te[p - 1]!, ts[p]!)) return true;
    if (te[s.a]! - ts[s.a]! >= 3 && roleBefore(p) && !codeAround(s) && !longSlip(s)) return true;
    // "my sister abhar is picking me up": a relative or a colleague, after a possessive
    if (p > 0 && wv(p) & W_KIN && wv(p - 1) & W_POSSESSIVE && onlySpaces(te[p - 1]!, ts[p]!) && !longSlip(s))
      return true;
  }
  const q = s.b + 1;
  if (q >= n || !onlySpaces(te[s.b]!, ts[q]!)) return false;
  // "per majcius's request", "dinner at luez's place": what a person has
  if (possLen(s.b) && possessedAt(s, q)) return true;
  return LOWER_SLOT_AFTER.getRange(lower, ts[q]!, te[q]!) !== 0;
}

/**
 * Token o, after segment s's possessive, is what a person has ("luez's place", "Sessie's performance review", "per
 * nilia's request"), and s is no English word ("the router's manager"; "fastify's request object" is software's).
 */
function possessedAt(s: Seg, o: number): boolean {
  const had =
    POSSESSED.getRange(lower, ts[o]!, te[o]!) !== 0 ||
    (PER_POSSESSED.getRange(lower, ts[o]!, te[o]!) !== 0 && tokIs(s.a - 1, "per")) ||
    (tokIs(o, "performance") && tokIs(o + 1, "review")) ||
    // ("X's report card is ready")
    (tokIs(o, "report") && tokIs(o + 1, "card"));
  return had && !allEnglishMade(s, false, true);
}

/** What a person sent, after "per" and a possessive: "Per X's email, the invoice is on hold". */
const PER_POSSESSED = wordSet([
  "request",
  "email",
  "e-mail",
  "mail",
  "message",
  "note",
  "comment",
  "comments",
  "instructions",
  "feedback",
  "call",
  "reply",
  "advice",
  "approval",
  "text",
]);
/** What a person has, after a possessive: "luez's place". */
const POSSESSED = new WordTable(
  [
    // appointments a person has: "X's dentist appointment moved to 4pm"
    "dentist",
    "doctor",
    "doctor's",
    "appointment",
    "physio",
    "therapist",
    "checkup",
    "check-up",
    "recital",
    "place",
    "farewell",
    "retirement",
    "house",
    "home",
    "flat",
    "apartment",
    "desk",
    "wedding",
    "birthday",
    "party",
    "mom",
    "mum",
    "dad",
    "wife",
    "husband",
    "kids",
    "son",
    "daughter",
    "brother",
    "sister",
    "boyfriend",
    "girlfriend",
    "laptop",
    "number",
    // and what work and health records say of a person ("Sessie's performance review": see possessedAt)
    "appraisal",
    "salary",
    "contract",
    "promotion",
    "manager",
    "leave",
    "visa",
    "cv",
    "resume",
    "appointment",
    "diagnosis",
    "surgery",
    "doctor",
    "mother",
    "father",
    "parents",
    "family",
  ].map((w) => [w, 1] as const),
);

/** An e-mail address in angle brackets follows at `end`: " <amber@example.com>". */
const DISPLAY_NAME_RE = /^["”]?[ \t]?<[^\s<>@]{1,64}@[^\s<>@]{1,253}>/;
/** The same after a directory's "Last, First" in quotes: `"Keltrude, Zorvan" <zk@example.com>`, from "Keltrude". */
const DISPLAY_LAST_FIRST_RE =
  /^, \p{Lu}[\p{L}'’-]*(?: \p{Lu}[\p{L}'’-]*)?(?: \p{Lu}\.?)?["”][ \t]?<[^\s<>@]{1,64}@[^\s<>@]{1,253}>/u;
function displayName(end: number): boolean {
  const c = codeAt(end);
  if (c === 60 || codeAt(end + 1) === 60 || ((c === 34 || c === 0x201d) && codeAt(end + 2) === 60))
    return DISPLAY_NAME_RE.test(text.slice(end, end + 324));
  return c === 44 && DISPLAY_LAST_FIRST_RE.test(text.slice(end, end + 380));
}

/**
 * The word right before segment s, or right after it, is a lower-case cue (see LOWER_CUE_BEFORE), or "account of"
 * or "behalf of" precede it.
 */
function lowerCue(s: Seg): boolean {
  const p = s.a - 1;
  if (p >= 0 && sameClause(te[p]!, ts[s.a]!)) {
    const w = lower.slice(ts[p]!, te[p]!).replace("’", "'");
    if (LOWER_CUE_BEFORE.has(w)) return true;
    if (w === "of" && p > 0 && (tokIs(p - 1, "account") || tokIs(p - 1, "behalf"))) return true;
  }
  const q = s.b + 1;
  return q < n && onlySpaces(te[s.b]!, ts[q]!) && LOWER_CUE_AFTER.has(lower.slice(ts[q]!, te[q]!));
}

/** Every token of a..b is in capitals and only a name (see categorise); a is a given name, b a family name. */
function capitalsName(a: number, b: number): boolean {
  if (a === b) return false;
  for (let t = a; t <= b; t++) if (!(tk[t]! & K_ALLCAP) || cat[t] !== CAT_WEAK) return false;
  return (bitsOf[a]! & L_FIRST) !== 0 && (bitsOf[b]! & L_LAST) !== 0;
}

/**
 * A word in a script without case whose words are separated by spaces (Arabic, Hebrew, Georgian, Devanagari,
 * Thaana): it may be a name though it has no capital letter.
 */
function caselessTok(i: number): boolean {
  if ((tk[i]! & (K_NONASCII | K_LOWER)) !== (K_NONASCII | K_LOWER)) return false;
  return caselessLetter(text.charCodeAt(ts[i]!));
}
/** Code unit c is a letter of one of the scripts of caselessTok. */
function caselessLetter(c: number): boolean {
  return (
    (c >= 0x0590 && c <= 0x08ff) || // Hebrew, Arabic, Syriac, Thaana, Arabic supplements
    (c >= 0x0900 && c <= 0x097f) || // Devanagari
    (c >= 0x10d0 && c <= 0x10ff) || // Georgian (Mkhedruli)
    (c >= 0xfb1d && c <= 0xfdff) || // Hebrew and Arabic presentation forms
    (c >= 0xfe70 && c <= 0xfeff)
  );
}
function caselessRun(a: number, b: number): boolean {
  for (let t = a; t <= b; t++) if (!caselessTok(t)) return false;
  return true;
}

/**
 * Two words of a lower-case text, one an unambiguous name and the other a name that is a common word too, in the
 * order given name then family name: "joel young", "amber sipes", "paris hilton" (not "rose hill": neither is
 * unambiguous; not "young joel": the order is wrong).
 */
function givenThenFamily(a: number, b: number): boolean {
  const ca = cat[a]!;
  const cb = cat[b]!;
  const ba = bitsOf[a]!;
  const bb = bitsOf[b]!;
  if (ba & (L_FUNCTION | L_CALENDAR) || bb & (L_FUNCTION | L_CALENDAR)) return false;
  const oneOfEach = (ca === CAT_STRONG && cb === CAT_WEAK) || (ca === CAT_WEAK && cb === CAT_STRONG);
  return oneOfEach && (ba & L_FIRST) !== 0 && (bb & L_LAST) !== 0;
}

interface Ctx {
  intro: boolean;
  greet: boolean;
  speaker: boolean;
  agent: boolean;
  verb: boolean;
  poss: boolean;
  vocative: boolean;
  ownLine: boolean;
  strongAgent: boolean;
  personVerb: boolean;
  /** Where a person stands (GIVE_VERBS, OWNER_OF, AFTER_AUX): enough for an unlisted word, even in lower case. */
  slot: boolean;
  /** After a verb of ADDRESS_BEFORE: enough for an unlisted capitalised word. */
  addressed: boolean;
  /**
   * What an app says a person did follows ("X requested changes"), a citation's "et al.", or a record's verb and "by"
   * or "to" precede ("acknowledged by X", "escalated to X"): enough for names that are words too ("Patience approved
   * these changes", "acknowledged by Willow"), and for words of a script without case that open their line
   * ("محرزوق et al.", "کیادخت requested changes").
   */
  act: boolean;
}

const CTX: Ctx = {
  intro: false,
  greet: false,
  speaker: false,
  agent: false,
  verb: false,
  poss: false,
  vocative: false,
  ownLine: false,
  strongAgent: false,
  personVerb: false,
  slot: false,
  addressed: false,
  act: false,
};

/** True when text[from..to) holds none of \n . ! ? ; : (the words on both sides belong to one clause). */
function sameClause(from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 10 || c === 46 || c === 33 || c === 63 || c === 59 || c === 58 || c === 41 || c === 124)
      return false;
  }
  return true;
}

/**
 * The code unit of text[from..to) once trimmed when that is a single one and the stretch holds no line
 * feed, else 0 (what `gap.trim()` compared with ":" or "?" decided, without a slice).
 */
function loneMark(from: number, to: number): number {
  let mark = 0;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 10) return 0;
    if (isSpace(c)) continue;
    if (mark !== 0) return 0;
    mark = c;
  }
  return mark;
}

function onlySpaces(from: number, to: number): boolean {
  if (to <= from) return false;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

/** Words before "on" whose object is a person: "waiting on X", "counting on X". */
const WAIT_ON = new Set(["waiting", "wait", "waited", "counting", "blocked"]);
/** Words between a subject and a verb that only a person does ("just", "already"). */
const ACT_ADVERBS = new Set(["just", "already", "finally", "never", "also", "then"]);
/** Verbs that only a person does, after its subject and one of ACT_ADVERBS: "Yazie just pinged me". */
const PERSON_ACTS = new Set([
  "pinged",
  "texted",
  "messaged",
  "emailed",
  "phoned",
  "called",
  "rang",
  "replied",
  "resigned",
  "quit",
  "retired",
  "apologised",
  "apologized",
  "confirmed",
  "promised",
  "volunteered",
  "signed",
  "told",
  "asked",
  "said",
  "wrote",
  "sent",
  "forgot",
  "arrived",
  "landed",
]);
/** Where a person leaves or joins: "Probber left the company". */
const PERSON_PLACES = new Set([
  "company",
  "team",
  "firm",
  "group",
  "organisation",
  "organization",
  "office",
  "project",
]);

/**
 * Token q (a lower-case word after a name) and the next, on one line, say what only a person does: "just pinged",
 * "left the company", "joined the team".
 */
function personAct(q: number): boolean {
  if (!(q + 1 < n && onlySpaces(te[q]!, ts[q + 1]!))) return false;
  if (ACT_ADVERBS.has(lower.slice(ts[q]!, te[q]!)))
    return PERSON_ACTS.has(lower.slice(ts[q + 1]!, te[q + 1]!));
  if (!(tokIs(q, "left") || tokIs(q, "joined") || tokIs(q, "quit"))) return false;
  const r = q + 2;
  return (
    r < n &&
    tokIs(q + 1, "the") &&
    onlySpaces(te[q + 1]!, ts[r]!) &&
    PERSON_PLACES.has(lower.slice(ts[r]!, te[r]!))
  );
}

/** A signature's delimiter line ("-- "), as the line before a name. */
const SIG_DELIMITER = /^\s*--\s*$/;

/** Occasions a person is wished well on: the name follows ("Happy birthday, X!", "Buon compleanno X"). */
const OCCASIONS_WORDS = [
  "birthday",
  "bday",
  "anniversary",
  "retirement",
  "geburtstag",
  "verjaardag",
  "anniversaire",
  "cumpleaños",
  "compleanno",
  "aniversário",
  "urodzin",
  "urodziny",
  "födelsedagen",
  "fødselsdagen",
  "syntymäpäivää",
];

/** Verbs of paying before the payee and the amount ("paid X $45", "Du hast X 45,00 € gesendet"). */
const PAID_BEFORE_WORDS = [
  "paid",
  "pay",
  "sent",
  "owe",
  "owes",
  "owed",
  "hast",
  "habe",
  "hebt",
  "heb",
  "paye",
];

/** A sum of money starts after spaces at `k`: a currency sign before or after its digits ("$45.00", "45,00 €"). */
function amountAt(k: number): boolean {
  while (k < text.length && isSpace(text.charCodeAt(k))) k++;
  const end = Math.min(text.length, k + 16);
  let digits = false;
  let sign = false;
  for (let j = k; j < end; j++) {
    const c = text.charCodeAt(j);
    if (c >= 48 && c <= 57) digits = true;
    else if (c === 36 || c === 0x20ac || c === 0xa3 || c === 0xa5) sign = true;
    else if (!(c === 44 || c === 46 || isSpace(c))) break;
    if (digits && sign) return true;
  }
  return false;
}

/** Those who serve the person a message addresses: "your driver X". */
const SERVICE_ROLES_WORDS = [
  "driver",
  "courier",
  "rider",
  "fahrer",
  "fahrerin",
  "kurier",
  "chauffeur",
  "chauffeuse",
  "conductor",
  "conductora",
  "repartidor",
  "repartidora",
  "autista",
  "corriere",
  "bezorger",
  "koerier",
];
/** "Your" of the languages of the hold-out sets, before a service role. */
const YOUR_WORDS = [
  "your",
  "dein",
  "deine",
  "ihr",
  "je",
  "jouw",
  "uw",
  "votre",
  "ton",
  "tu",
  "su",
  "il",
  "tuo",
];

/**
 * Token p ends "1:1" (a one-to-one meeting's title names who meets: "1:1 X / Y"), or a "/" between two names
 * follows one: the second name of "1:1 X / Y".
 */
function oneOnOneBefore(p: number, slash: boolean): boolean {
  if (!slash) return onlySpaces(te[p]!, ts[p + 1]!) && oneOnOneAt(p);
  // "1:1 X / Y": up to three name words between the 1:1 and the slash
  for (let q = p, k = 0; q >= 1 && k < 4; q--, k++) {
    if (oneOnOneAt(q - 1) && onlySpaces(te[q - 1]!, ts[q]!)) return true;
    if (q - 1 >= 0 && !onlySpaces(te[q - 1]!, ts[q]!) && !(codeAt(te[q - 1]!) === 46)) return false;
  }
  return false;
}
/** Between two names of a meeting's title: " / ", " <> ", " & " ("1:1 X <> Y"). */
function pairMark(from: number, to: number): boolean {
  if (to - from < 3 || to - from > 4 || codeAt(from) !== 32 || codeAt(to - 1) !== 32) return false;
  const c = codeAt(from + 1);
  if (to - from === 3) return c === 47 || c === 38;
  return c === 60 && codeAt(from + 2) === 62;
}
/** Kinds of call a phone's screen names before "call:" ("Incoming call: X"). */
const CALL_KINDS_WORDS = ["incoming", "missed", "outgoing", "ongoing", "active"];
/** A sum of money ends the clause before token p ("a payment of $30.00 from"): its last word is its digits or its sign. */
function amountBefore(p: number): boolean {
  if (p < 1) return false;
  const e = te[p - 1]!;
  const from = Math.max(0, ts[p - 1]! - 12);
  let digits = false;
  let sign = false;
  for (let j = e - 1; j >= from; j--) {
    const c = text.charCodeAt(j);
    if (c >= 48 && c <= 57) digits = true;
    else if (c === 36 || c === 0x20ac || c === 0xa3 || c === 0xa5) sign = true;
    else if (!(c === 44 || c === 46 || isSpace(c))) break;
  }
  return digits && sign && onlySpaces(e, ts[p]!);
}
/** Token p is the second "1" of "1:1" (or "1on1"). */
function oneOnOneAt(p: number): boolean {
  if (p < 0) return false;
  if (tokIs(p, "1on1")) return true;
  return (
    tokIs(p, "1") && ts[p]! >= 2 && text.charCodeAt(ts[p]! - 1) === 58 && text.charCodeAt(ts[p]! - 2) === 49
  );
}

/** "with" in the calendar titles of the hold-out languages: "Sync with X @ Tue 3pm", "Jour fixe mit X @ Di". */
const CALENDAR_WITH_WORDS = ["with", "mit", "avec", "con", "met", "med", "z"];
/** Segment s, after "with" (token p), is followed by a calendar title's " @ " and its day or time. */
function calendarWith(s: Seg, p: number, has1: boolean): boolean {
  if (!has1 || (cue(p) & C_CALENDAR_WITH) === 0) return false;
  const k = te[s.b]!;
  return codeAt(k) === 32 && codeAt(k + 1) === 64 && codeAt(k + 2) === 32;
}

/** A word table of `words`, each with value 1. */
function wordSet(words: readonly string[]): WordTable {
  return new WordTable(entries(words, 1));
}

/**
 * Set phrases of German, Dutch and Polish that hold a person in one slot, with no article: "mit Wabt telefoniert",
 * "Kannst du Wohr bitte Bescheid geben?", "kun je huintlems laten weten", "daj znać hewski, że …". They are read on
 * both sides of the slot as one cue (either side alone takes things too: "mit Python", "laten weten").
 */
const TALKED_WITH = wordSet([
  // German: "mit X telefoniert", "mit X besprochen", "mit X zu treffen"
  "telefoniert",
  "telefonieren",
  "gesprochen",
  "sprechen",
  "geredet",
  "reden",
  "gechattet",
  "geschrieben",
  "getroffen",
  "treffen",
  "verabredet",
  "gestritten",
  "geskypt",
  "gezoomt",
  "besprochen",
  "besprechen",
  "abgesprochen",
  "abgestimmt",
  "geklärt",
  "klären",
  "geluncht",
  "gegessen",
  // Dutch: "met X gebeld", "met X afgesproken"
  "gebeld",
  "bellen",
  "gesproken",
  "spreken",
  "gepraat",
  "praten",
  "geluncht",
  "lunchen",
  "gegeten",
  "afgesproken",
  "afspreken",
  "overlegd",
  "overleggen",
  "geappt",
  "gechat",
  "gemaild",
]);
/** German and Dutch "have" before the person of a participle of ASKED ("Ich habe X gefragt"). */
const HAVE_WORDS = ["habe", "hab", "hat", "haben", "hast", "hatte", "heb", "heeft", "hebben", "hebt", "had"];
const HAVE = wordSet(HAVE_WORDS);
/** Participles that take a person: "Ich habe X gefragt", "ik heb X gebeld". */
const ASKED = wordSet([
  "gefragt",
  "angerufen",
  "gebeten",
  "eingeladen",
  "informiert",
  "erreicht",
  "kontaktiert",
  "angeschrieben",
  "benachrichtigt",
  "gevraagd",
  "gebeld",
  "uitgenodigd",
  "geïnformeerd",
  "bereikt",
  "gemaild",
  "geappt",
  // who took a parcel: "das Paket hat X angenommen"
  "angenommen",
  "abgeholt",
  "entgegengenommen",
]);
/** Words that may stand between the slot and the rest of the phrase: "mit X kurz telefoniert", "X bitte Bescheid". */
const FRAME_FILLERS = wordSet([
  "bitte",
  "kurz",
  "mal",
  "noch",
  "schon",
  "doch",
  "gleich",
  "gestern",
  "heute",
  "morgen",
  "even",
  "al",
  "nog",
  "ook",
  "gisteren",
  "vandaag",
]);
/** Who gives a person word in German ("Kannst du X Bescheid geben", "sag X Bescheid", "ich gebe X Bescheid"). */
const BESCHEID_BEFORE_WORDS = [
  "du",
  "ihr",
  "ich",
  "wir",
  "er",
  "sie",
  "man",
  "sag",
  "sage",
  "sagt",
  "gib",
  "gebe",
  "gibt",
];
const BESCHEID_BEFORE = wordSet(BESCHEID_BEFORE_WORDS);
/** Who lets a person know in Dutch ("kun je X laten weten"). */
const LATEN_BEFORE_WORDS = ["je", "jij", "u", "jullie"];
const LATEN_BEFORE = wordSet(LATEN_BEFORE_WORDS);
/** "Let know" in Polish before the person, in the dative: "daj znać X", "możesz dać znać X". */
const ZNAC_BEFORE = wordSet(["dać", "daj", "dajcie", "dajmy", "dam", "dasz", "da", "dał", "dała", "dali"]);
/** Nouns without article in those slots that are no person: "mit Freude gesprochen", "met plezier gebeld", "daj znać szefowi". */
const NOT_FRAMED = wordSet([
  "freude",
  "mühe",
  "interesse",
  "erfolg",
  "absicht",
  "vorsicht",
  "nachdruck",
  "plezier",
  "moeite",
  "spoed",
  "genoegen",
  "succes",
  "zorg",
  "szefowi",
  "szefowej",
  "kierownikowi",
  "kierowniczce",
  "mamie",
  "tacie",
  "wszystkim",
  "innym",
  "nam",
  "mi",
]);

/**
 * Greetings sent to a person, before the word for "to": "Herzliche Grüße an X", "Saludos a X", "Groetjes aan X",
 * "Pozdrowienia dla X" (see greetedAt).
 */
const GREETINGS_TO = wordSet([
  "love",
  "regards",
  "greetings",
  "hugs",
  "abbraccio",
  "abbracci",
  "bacioni",
  "bisous",
  "abrazo",
  "grüße",
  "grüsse",
  "gruß",
  "groeten",
  "groetjes",
  "saluti",
  "saludos",
  "bises",
  "besos",
  "abrazos",
  "baci",
  "beijinhos",
  "beijos",
  "cumprimentos",
  "pozdrowienia",
  "hälsningar",
  "hilsner",
  "hilsen",
]);
/** The words for "to" after those greetings. */
const GREETING_TO_WORDS = ["an", "aan", "a", "à", "ao", "dla", "till", "til"];
const GREETING_TO = wordSet(GREETING_TO_WORDS);
/** "I asked" (told, called) before the person, in Polish: "Zapytałem X, czy …". */
const ASKED_BEFORE_WORDS = [
  "zapytałem",
  "zapytałam",
  "spytałem",
  "spytałam",
  "poprosiłem",
  "poprosiłam",
  "napisałem",
  "napisałam",
  "zadzwoniłem",
  "zadzwoniłam",
  // who received a parcel: "paczkę odebrał X"
  "odebrał",
  "odebrała",
];
const ASKED_BEFORE = wordSet(ASKED_BEFORE_WORDS);
/** Polish verbs of calling or writing before "do" and the person: "zadzwoniłam do X". */
const CALLED_DO = wordSet([
  "zadzwoniłem",
  "zadzwoniłam",
  "zadzwoń",
  "napisałem",
  "napisałam",
  "napisz",
  "dzwoniłem",
  "dzwoniłam",
]);
/** The same in Italian and Spanish, before "a": "Ho chiesto a X se", "Le pregunté a X si". */
const ASKED_BEFORE_A = wordSet([
  "chiesto",
  "domandato",
  "detto",
  "scritto",
  "telefonato",
  "chiedi",
  // the infinitive of a to-do: "da chiedere a X", "preguntar a X"
  "chiedere",
  "domandare",
  "scrivere",
  "telefonare",
  "preguntar",
  "pregunté",
  "preguntó",
  "preguntado",
  "pregúntale",
  "dije",
  "escribí",
  "llamé",
]);

/** Every word that may stand right before a person in the phrases of framedPerson, greetedAt and askedAt. */
const FRAME_BEFORE = wordSet([
  "mit",
  "met",
  "znać",
  "hälsa",
  "mnie",
  "mich",
  "mi",
  "me",
  "do",
  "frag",
  "fragt",
  "mal",
  "doch",
  "zeg",
  "who's",
  "who\u2019s",
  ...HAVE_WORDS,
  ...BESCHEID_BEFORE_WORDS,
  ...LATEN_BEFORE_WORDS,
  ...GREETING_TO_WORDS,
  ...ASKED_BEFORE_WORDS,
]);

/**
 * Token p (right before a segment, across spaces) ends a greeting sent to a person ("Grüße an", "saluti a"), or is
 * Swedish "Hälsa" (give X my regards).
 */
function greetedAt(p: number): boolean {
  if (tokIs(p, "hälsa")) return true;
  return GREETING_TO.getRange(lower, ts[p]!, te[p]!) !== 0 && afterWordOf(p, GREETINGS_TO);
}

/** The word before token p, across spaces only, is one of `table`'s. */
function afterWordOf(p: number, table: WordTable): boolean {
  return p > 0 && onlySpaces(te[p - 1]!, ts[p]!) && table.getRange(lower, ts[p - 1]!, te[p - 1]!) !== 0;
}

/** Verbs of standing in for someone before "me": "jutro zastępuje mnie X", "morgen vertritt mich X". */
const STANDS_IN = wordSet([
  "zastępuje",
  "zastąpi",
  "vertritt",
  "sostituisce",
  "sustituye",
  "remplace",
  "ersätter",
]);
/** Token p (right before a segment, across spaces) says the writer asked or told the person: "Zapytałem X", "chiesto a X". */
function askedAt(p: number): boolean {
  if (ASKED_BEFORE.getRange(lower, ts[p]!, te[p]!) !== 0) return true;
  // "zastępuje mnie X", "vertritt mich X": who stands in for the writer
  if ((tokIs(p, "mnie") || tokIs(p, "mich") || tokIs(p, "mi") || tokIs(p, "me")) && afterWordOf(p, STANDS_IN))
    return true;
  // "Zadzwoniłam do X": called or wrote to X (with capitals only: "zadzwoniłam do banku" is the bank)
  if (!lowerMode && tokIs(p, "do") && afterWordOf(p, CALLED_DO)) return true;
  // German "frag (mal) X": ask X
  if (tokIs(p, "frag") || tokIs(p, "fragt")) return true;
  if (p > 0 && (tokIs(p, "mal") || tokIs(p, "doch")) && (tokIs(p - 1, "frag") || tokIs(p - 1, "fragt")))
    return true;
  return tokIs(p, "a") && afterWordOf(p, ASKED_BEFORE_A);
}

/** "To" before a name and its address, in the languages of the hold-out sets: "send it to X, …", "bij X, …". */
const TO_BEFORE_POSTAL = wordSet([
  "to",
  "attn",
  "an",
  "bij",
  "aan",
  "à",
  "till",
  "til",
  "dla",
  "für",
  "voor",
  "pour",
  "para",
  "per",
]);
/** A house number, then a word of a street's name, starts at `pos` after spaces: " 350 Alexandra Mission" (no date: "12 May"). */
function postalLineAt(pos: number): boolean {
  let k = pos;
  while (k < text.length && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k++;
  if (isLetterCode(text.charCodeAt(k))) return streetThenNumberAt(k);
  const d0 = k;
  while (k < text.length && k - d0 <= 6 && text.charCodeAt(k) >= 48 && text.charCodeAt(k) <= 57) k++;
  if (k === d0 || k - d0 > 6 || text.charCodeAt(k) !== 32) return false;
  const w0 = k + 1;
  let w = w0;
  while (w < text.length && isLetterCode(text.charCodeAt(w))) w++;
  if (w - w0 < 2) return false;
  // the street's word is capitalised (or of a script without case), or the whole text is in lower case; and no month
  // ("12 May", "3 june")
  const c0 = text.charCodeAt(w0);
  if (!lowerMode && c0 === lower.charCodeAt(w0) && !caselessLetter(c0)) return false;
  return (lex.getRange(lower, w0, w) & L_CALENDAR) === 0 && !MONTHS_SHORT.getRange(lower, w0, w);
}
/**
 * A street's name of one to four words, the first capitalised (or any, in a lower-case text), then its house number
 * at the line's end or before a comma, a letter or a unit: "Ellevej 2, Frederiksberg", "van der Veldeweg 462.".
 */
function streetThenNumberAt(pos: number): boolean {
  const c0 = text.charCodeAt(pos);
  if (!lowerMode && c0 === lower.charCodeAt(pos) && !caselessLetter(c0) && !streetOpener(pos)) return false;
  let k = pos;
  for (let words = 0; words < 4; words++) {
    const w0 = k;
    while (k < text.length && (isLetterCode(text.charCodeAt(k)) || text.charCodeAt(k) === 46)) k++;
    if (k === w0 || (words === 0 && k - w0 < 3)) return false;
    if (text.charCodeAt(k) !== 32) return false;
    k++;
    const d0 = k;
    while (k < text.length && text.charCodeAt(k) >= 48 && text.charCodeAt(k) <= 57) k++;
    if (k > d0) {
      // (one English word before a number is a thing's part: "Chapter 3", "Room 4")
      if (k - d0 > 5 || (words === 0 && lex.getRange(lower, pos, d0 - 1) & L_COMMON)) return false;
      const c = codeAt(k);
      // (then the end, a comma, a full stop, a space or a letter: "38B", "2 Leil. 661")
      return c === -1 || c === 44 || c === 46 || c === 32 || c === 10 || isLetterCode(c);
    }
  }
  return false;
}
/**
 * The lower-case word at `pos` opens a street's name in a text with capitals: a street word written short ("ul.",
 * "al.", "str.") or a particle ("van den Broeklaan 471b").
 */
function streetOpener(pos: number): boolean {
  let k = pos;
  while (k < text.length && isLetterCode(text.charCodeAt(k))) k++;
  return STREET_OPENERS.getRange(lower, pos, k) !== 0;
}
const STREET_OPENERS = wordSet([
  "ul",
  "al",
  "pl",
  "os",
  "str",
  "van",
  "de",
  "der",
  "den",
  "la",
  "le",
  "di",
  "da",
  "do",
  "del",
  "rue",
  "via",
  "calle",
  "rua",
]);
function isLetterCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c >= 0xc0;
}

/** Token t and those after it (across spaces), skipping one of FRAME_FILLERS: the first that is not a filler. */
function pastFiller(t: number): number {
  return t + 1 < n && FRAME_FILLERS.getRange(lower, ts[t]!, te[t]!) !== 0 && onlySpaces(te[t]!, ts[t + 1]!)
    ? t + 1
    : t;
}

/**
 * Segment s (one or two words) fills the person's slot of one of the set phrases above. A single word ending in -en,
 * -rn or -s is left out after "mit"/"met" and before "Bescheid": German and Dutch plurals take those endings ("mit
 * Kollegen telefoniert", "Kunden Bescheid geben"), and names with them are mostly in the lists already.
 */
function framedPerson(s: Seg): boolean {
  if (!sameLen || s.words > 2) return false;
  const p = s.a - 1;
  const q = s.b + 1;
  if (p < 0 || !onlySpaces(te[p]!, ts[s.a]!)) return false;
  if (NOT_FRAMED.getRange(lower, ts[s.b]!, te[s.b]!) !== 0) return false;
  // (-en, -rn, -s: "Kollegen", "Eltern", "vrienden", "collega's"; names in -in, -an, -on stay: "Neitelin")
  const e = te[s.b]!;
  const last = lower.charCodeAt(e - 1);
  const before = lower.charCodeAt(e - 2);
  const plural = s.words === 1 && ((last === 110 && (before === 101 || before === 114)) || last === 115);
  // "daj znać X," / "że" / "czy" / the end (not a plural's dative: "daj znać innym")
  if (tokIs(p, "znać") && p > 0 && ZNAC_BEFORE.getRange(lower, ts[p - 1]!, te[p - 1]!) !== 0) {
    if (lower.endsWith("om", te[s.b]!)) return false;
    const c = codeAt(te[s.b]!);
    return (
      c === 44 ||
      c === -1 ||
      c === 46 ||
      (q < n && onlySpaces(te[s.b]!, ts[q]!) && (tokIs(q, "że") || tokIs(q, "czy")))
    );
  }
  // "sag X, dass …", "zeg X, dat …": tell a person that
  if (
    !plural &&
    (tokIs(p, "sag") || tokIs(p, "zeg")) &&
    codeAt(te[s.b]!) === 44 &&
    q < n &&
    ts[q]! - te[s.b]! === 2 &&
    (tokIs(q, "dass") || tokIs(q, "dat"))
  )
    return true;
  if (q >= n || !onlySpaces(te[s.b]!, ts[q]!)) return false;
  const r = pastFiller(q);
  if (r !== q && !onlySpaces(te[q]!, ts[r]!)) return false;
  if ((tokIs(p, "mit") || tokIs(p, "met")) && !plural)
    return TALKED_WITH.getRange(lower, ts[r]!, te[r]!) !== 0;
  // "Ich habe X gefragt", "ik heb X gevraagd": an auxiliary, the person, and a verb that takes one
  if (HAVE.getRange(lower, ts[p]!, te[p]!) !== 0 && !plural)
    return ASKED.getRange(lower, ts[r]!, te[r]!) !== 0;
  if (tokIs(r, "bescheid") && !plural) return BESCHEID_BEFORE.getRange(lower, ts[p]!, te[p]!) !== 0;
  // "sag X bitte, dass …", "zeg X dat …": tell a person, please, that
  if (
    !plural &&
    (tokIs(p, "sag") || tokIs(p, "zeg")) &&
    (tokIs(r, "bitte") || tokIs(r, "dass") || tokIs(r, "dat"))
  )
    return true;
  if (tokIs(r, "laten") && r + 1 < n && tokIs(r + 1, "weten") && onlySpaces(te[r]!, ts[r + 1]!))
    return LATEN_BEFORE.getRange(lower, ts[p]!, te[p]!) !== 0;
  return false;
}

/**
 * Token p ends the words before a colon that open their line with a label of a person ("On-call this week:",
 * "Attendees today:", "Contact in case of emergency:"): the first a label, the others (four at most) lower-case words.
 */
function qualifiedLabel(p: number): boolean {
  for (let k = p; k >= 0 && p - k <= 4; k--) {
    if (k < p && !onlySpaces(te[k]!, ts[k + 1]!)) return false;
    // (a possessive may open the line before the label, after an article too: "Your nurse today: X", "Il tuo
    // dentista: X")
    if (lineStart(text, ts[k]!)) {
      if (k < p && (wv(k) & W_LABEL) !== 0) return true;
      let q = k;
      if (q + 1 < p && ARTICLES_BEFORE_POSSESSIVE.has(lower.slice(ts[q]!, te[q]!))) q++;
      return q + 1 <= p && ROLE_POSSESSIVES.has(lower.slice(ts[q]!, te[q]!)) && (wv(q + 1) & W_LABEL) !== 0;
    }
    if (!(tk[k]! & K_LOWER)) return false;
  }
  return false;
}

/**
 * Token p, right before segment s, is the "v." of a court case's caption after the first party's capitalised word.
 * "v." and "c." are the courts' own; "vs." and the written-out words ("versus", "gegen", "contra", "contro", "tegen")
 * compare anything ("Python vs. JavaScript", "Bayern gegen Dortmund"), so they count only in a caption: a case's
 * number or year after the second party, or a case's word opening the line ("In Sachen X gegen Y").
 */
function versusBefore(s: Seg, p: number): boolean {
  // (the words are of one, two, five or six letters: most tokens fail on their length)
  const len = te[p]! - ts[p]!;
  if ((len > 2 && len < 5) || len > 6) return false;
  // (and start with v, c, g or t)
  const c0 = lower.charCodeAt(ts[p]!);
  if (c0 !== 118 && c0 !== 99 && c0 !== 103 && c0 !== 116) return false;
  const w = lower.slice(ts[p]!, te[p]!);
  const court = w === "v" || w === "c";
  const abbrev = court || w === "vs";
  if (!abbrev && !VERSUS_WORDS.has(w)) return false;
  const gap = text.slice(te[p]!, ts[p + 1]!);
  if (abbrev ? gap !== ". " : gap !== " ") return false;
  if (te[p - 1]! + 1 !== ts[p]! || codeAt(te[p - 1]!) !== 32 || !(tk[p - 1]! & (K_CAP | K_ALLCAP)))
    return false;
  return court || caption(te[s.b]!);
}
/** The text after `end` numbers a case ("…, No. 21-cv-0412", "… (2023)", "…, Az. 3 O 412/21"), or its line opens with a case's word. */
function caption(end: number): boolean {
  if (CASE_NUMBER_AFTER.test(text.slice(end, end + 16))) return true;
  const line = text.lastIndexOf("\n", end - 1) + 1;
  return CASE_WORD_BEFORE.test(lower.slice(line, Math.min(end, line + 24)));
}
const CASE_NUMBER_AFTER =
  /^(?:\s*,\s*(?:no\.?|nr\.?|n°|núm\.?|az\.?|rg|case|docket|\d)|\s*\(\d{4}\)|\s*,?\s*\d{4}\b)/i;
const CASE_WORD_BEFORE =
  /^\s*(?:in re|in the matter of|in sachen|rechtssache|zaak|affaire|causa|caso|case|matter of|procès|proceso|processo)\s/;
const VERSUS_WORDS = new Set(["versus", "gegen", "contra", "contro", "tegen"]);
/** A dash between spaces, as a list of rooms puts one between the room and its occupant. */
const DASH_GAP = /^(?: [-–—] | ?: ?)$/;
/** What a person occupies besides the site's rooms (IN_HOUSE_WORDS): "Bed 3 - X", "Seat 14C - X", "Table 5 - X". */
const OCCUPIED = new Set([
  "bed",
  "seat",
  "table",
  "cabin",
  "bett",
  "lit",
  "cama",
  "letto",
  "stoel",
  "sitz",
  "sitzplatz",
  "place",
  "posto",
  "asiento",
  "zitplaats",
]);

/** A word that makes a name a company's follows segment s: "Northwind Ltd", "Acme GmbH". */
function orgAfter(s: Seg): boolean {
  const q = s.b + 1;
  return q < n && onlySpaces(te[s.b]!, ts[q]!) && (fullBits(q) & L_ORG) !== 0;
}

/** Every word of segment s is a city's, a country's or a region's (in the lexicon's place lists). */
function allPlaces(s: Seg): boolean {
  for (let t = s.a; t <= s.b; t++) if (!(fullBits(t) & (L_CITY | L_PLACE))) return false;
  return true;
}

/**
 * Segment s is a caption's first party: "v.", "vs." or "c." then a capitalised word follow it, or a written-out
 * word, a capitalised run of at most four words and the caption's end ("X gegen Bolcker, Az. 3 O 412/21").
 */
function versusAfter(s: Seg): boolean {
  const q = s.b + 1;
  if (q + 1 >= n || te[s.b]! + 1 !== ts[q]! || codeAt(te[s.b]!) !== 32) return false;
  const len = te[q]! - ts[q]!;
  if ((len > 2 && len < 5) || len > 6) return false;
  const c0 = lower.charCodeAt(ts[q]!);
  if (c0 !== 118 && c0 !== 99 && c0 !== 103 && c0 !== 116) return false;
  const w = lower.slice(ts[q]!, te[q]!);
  const abbrev = w === "v" || w === "vs" || w === "c";
  if (!abbrev && !VERSUS_WORDS.has(w)) return false;
  if (text.slice(te[q]!, ts[q + 1]!) !== (abbrev ? ". " : " ") || !(tk[q + 1]! & (K_CAP | K_ALLCAP)))
    return false;
  if (w === "v" || w === "c") return true;
  let e = q + 1;
  while (
    e + 1 < n &&
    e - q < 4 &&
    tk[e + 1]! & (K_CAP | K_ALLCAP | K_INITIAL) &&
    // (an initial's dot ends no caption: "X versus Mitsyn R. Olna")
    (onlySpaces(te[e]!, ts[e + 1]!) || (tk[e]! & K_INITIAL && text.slice(te[e]!, ts[e + 1]!) === ". "))
  )
    e++;
  return caption(te[e]!);
}

/** An opening quote stands in the 32 code units before `pos`, on its line (most segments have none). */
function quoteBefore(pos: number): boolean {
  // (most records hold no quotation mark at all: ASCII '"' or one of the others, which are past ASCII)
  if ((toksCur.chars & (CH_QUOTE | CH_NONASCII)) === 0) return false;
  for (let k = pos - 1; k >= 0 && pos - k <= 32; k--) {
    const c = text.charCodeAt(k);
    if (c === 34 || c === 0x201c || c === 0xab || c === 0x201e) return true;
    if (c === 10) return false;
  }
  return false;
}
/** A group's or a channel's name opening in quotes before a segment (at most three words before it, in lower case). */
const GROUP_NAME_BEFORE_RE =
  /(?:group|chat|channel|gruppe|groupe|grupo|gruppo|groep|kanal|canal|canale)(?: name)?(?: (?:to|in|zu|en|a|naar))? ["“«„]\s*(?:[\p{L}\p{N}'’-]+\s+){0,3}$/u;
/** A digit or a dash follows offset `pos` after at most three blanks (what a row's time starts with). */
function timeOrDashNear(pos: number): boolean {
  let k = pos;
  while (k < text.length && k - pos < 3 && (codeAt(k) === 32 || codeAt(k) === 9)) k++;
  const c = codeAt(k);
  return (c >= 48 && c <= 57) || c === 45 || c === 0x2013 || c === 0x2014;
}
/** "+ 2 more", "and 4 others", "und 3 weitere", "et 3 autres", "y 3 personas más", "e altre 3 persone", "en 3 anderen". */
const AND_OTHERS_AFTER_RE =
  /^ (?:\+ ?\d{1,4} (?:more|others?|weitere|autres?|más|altri|altre|anderen|andere)|(?:and|&|und|et|y|e|en) (?:\d{1,4} (?:others?|more|people|weitere|andere|autres?|personas más|más|persone|anderen)|altre \d{1,4} persone|altri \d{1,4}))\b/i;
/** A comma, then an address's start: a house number and a capitalised word, a dwelling's unit, a type word first. */
const ADDRESS_AFTER_NAME_RE =
  /^, (?:\d{1,5}[A-Za-z]?,? \p{Lu}|(?:apartment|apt\.?|suite|flat|unit) \d|(?:via|rue|calle|avenida|rua|ul\.|viale|piazza|plaza|place|avenue|boulevard) \p{Lu}|\p{Lu}[\p{L}-]+(?:stra(?:ß|ss)e|weg|straat|gasse|vej|gatan|gata|katu|tie) \d)/iu;
/** A line break, then an address's first line (the start ADDRESS_AFTER_NAME_RE reads after a comma). */
const ADDRESS_LINE_RE = new RegExp(`^\\r?\\n[ \\t]*${ADDRESS_AFTER_NAME_RE.source.slice(3)}`, "iu");
/** The end of a line's label of an absence or a rota, before its colon (lower case, read up to the colon). */
const ABSENCE_LABEL_RE =
  /(?:^|\s)(?:sick note|sick leave|fit note|approved leave|leave (?:request|approved)|absence(?: recorded)?|absent|on[- ]call(?: this week| today| tonight| next week)?|(?:holiday |annual leave )?cover for [^:\n]{1,40}|krankmeldung|krankschreibung|urlaub(?: genehmigt)?|rufbereitschaft(?: diese woche)?|arrêt maladie|arrêt de travail|congé(?: approuvé)?|astreinte(?: cette semaine)?|baja médica|baja|vacaciones aprobadas|guardia(?: esta semana)?|certificato di malattia|ferie approvate|reperibilità(?: questa settimana)?|ziekmelding|verlof goedgekeurd|verlof|piketdienst(?: deze week)?)[ \t]*:[ \t]*$/;
/** The last words of ABSENCE_LABEL_RE's labels (the word before the colon): most labels fail on it. */
const ABSENCE_LAST_WORDS = wordSet(
  (
    "note leave request approved recorded absence absent call on-call week today tonight krankmeldung " +
    "krankschreibung urlaub genehmigt woche rufbereitschaft maladie travail congé approuvé semaine astreinte médica " +
    "baja aprobadas guardia malattia approvate reperibilità settimana ziekmelding goedgekeurd verlof piketdienst"
  ).split(" "),
);
/** "cover for" stands in the 48 characters before `pos` ("Holiday cover for Y: X"). */
function coverForBefore(pos: number): boolean {
  const k = lower.lastIndexOf("cover for", pos);
  return k >= 0 && pos - k <= 48;
}
/** Labels of a letter's subject. */
const SUBJECT_WORDS = new Set([
  "re",
  "betreff",
  "betr",
  "objet",
  "asunto",
  "oggetto",
  "onderwerp",
  "subject",
]);
/** After a subject's name: a birth date in brackets, or a dash and a word of an absence or a medical paper. */
const SUBJECT_ABOUT_RE =
  /^(?: \((?:dob|d\.o\.b\.?|born|geb\.?|née?|nato|nata|nacid[oa])\b| [-–] (?:medical|certificate|sick|absence|leave|referral|fit note|doctor|appointment|arbeitsunfähig|krank|certificat|arrêt|malattia|certificato|ziek|baja|verlof))/i;
function subjectAboutPerson(end: number): boolean {
  return SUBJECT_ABOUT_RE.test(text.slice(end, end + 24));
}
/** What a possessive names a person's occasion by: "'s leaving drinks", "'s farewell lunch", "'s retirement party". */
const POSS_OCCASION_RE =
  /^ (?:leaving|farewell|goodbye|retirement|welcome|birthday|baby shower|wedding|engagement)(?: (?:drinks|party|lunch|dinner|do|card|gift|present|cake|collection))?\b/i;
/** A shop's marks after a reviewer's or a buyer's name. */
const VERIFIED_AFTER_RE =
  /^ (?:\((?:verified (?:buyer|purchase|owner|reviewer)|achat vérifié|acquisto verificato|verifizierter kauf|geverifieerde aankoop|compra verificada)\)|from [\p{Lu}][\p{L}'’ -]{1,30}(?:bought|purchased|ordered) )/iu;
/** `c` may open AND_OTHERS_AFTER_RE's words: "+", "&", "a", "u", "e", "y" (most segments fail here). */
function othersMayFollow(c: number): boolean {
  return (
    c === 43 ||
    c === 38 ||
    c === 97 ||
    c === 117 ||
    c === 101 ||
    c === 121 ||
    c === 65 ||
    c === 85 ||
    c === 69
  );
}
/** A team sheet's role in brackets after a name. */
const ROSTER_NOTE_RE =
  /^ \((?:captain|capt\.?|c|vc|vice-captain|gk|goalkeeper|keeper|coach|kapitän|kapitänin|torwart|capitaine|capitán|capitana|capitano|aanvoerder|keeper|portero|portiere)\)/i;
/** Teams and groups named by a letter or a number before a colon: "Team A:", "Gruppe 2:". */
const TEAM_WORDS = new Set([
  "team",
  "squad",
  "group",
  "gruppe",
  "mannschaft",
  "équipe",
  "groupe",
  "equipo",
  "grupo",
  "squadra",
  "gruppo",
  "groep",
]);
/** A jersey's number opens the line before `pos`: "#7 X", "# 10 X". */
function rosterNumberBefore(pos: number): boolean {
  let k = pos - 1;
  if (codeAt(k) !== 32) return false;
  k--;
  let digits = 0;
  while (k >= 0 && isDigit(codeAt(k)) && digits < 3) {
    k--;
    digits++;
  }
  if (digits === 0) return false;
  if (codeAt(k) === 32) k--;
  return codeAt(k) === 35 && lineStart(text, k);
}
/**
 * Segment s is an item of a numbered list run on one line: "1. X 2. Y 3. Z" (a number and a dot before it, and the
 * next number and dot, or the line's end, after it).
 */
function enumeratedItem(s: Seg): boolean {
  const p = s.a - 1;
  if (p < 0 || !(tk[p]! & K_DIGITS) || te[p]! - ts[p]! > 2 || text.slice(te[p]!, s.start) !== ". ")
    return false;
  const q = s.b + 1;
  if (q >= n) return lineEnd(text, te[s.b]!);
  return (
    (tk[q]! & K_DIGITS) !== 0 && te[q]! - ts[q]! <= 2 && codeAt(te[q]!) === 46 && ts[q]! - te[s.b]! === 1
  );
}
/** An item of a numbered list run on one line is two capitalised words that may be a name ("2. Krene Akethrick"). */
function listOfNames(): boolean {
  if (namedList === -1) {
    namedList = 0;
    for (let t = 0; t + 2 < n && namedList === 0; t++)
      if (
        tk[t]! & K_DIGITS &&
        te[t]! - ts[t]! <= 2 &&
        text.slice(te[t]!, ts[t + 1]!) === ". " &&
        tk[t + 1]! & K_CAP &&
        tk[t + 2]! & (K_CAP | K_INITIAL) &&
        onlySpaces(te[t + 1]!, ts[t + 2]!) &&
        categorise(t + 1) !== CAT_NONE &&
        categorise(t + 2) !== CAT_NONE
      )
        namedList = 1;
    // or a person's label and its colon open the list: "Registered: 1. X 2. Y"
    for (let t = 1; t + 1 < n && namedList === 0; t++)
      if (
        tk[t]! & K_DIGITS &&
        te[t]! - ts[t]! <= 2 &&
        text.slice(te[t]!, ts[t + 1]!) === ". " &&
        loneMark(te[t - 1]!, ts[t]!) === 58 &&
        (wv(t - 1) & W_LABEL) !== 0
      )
        namedList = 1;
  }
  return namedList === 1;
}
/** A configuration's key of a person's name ends right before `pos`: "user.name=", 'user.name "', "author = ". */
function nameKeyBefore(pos: number): boolean {
  return NAME_KEY_BEFORE_RE.test(lower.slice(Math.max(0, pos - 24), pos));
}
const NAME_KEY_BEFORE_RE =
  /(?:^|[\s.-])(?:user\.name|username|user_name|fullname|full_name|display_?name|author|committer|author_name|git_author_name)(?:\s*=\s*["']?|\s+["'])$/;
/** A mail client's marker of a person outside the organisation, after the name: " (Ext.)", " (External)". */
const EXTERNAL_MARK_RE =
  /^ \((?:ext\.?|external|extern|externe?|externo|externa|esterno|contractor|guest|gast|invité|invitado)\)/i;
/** A chat export's timestamp opening a line, up to its sender: "[12/03/2024, 14:02:11] ", "12/03/2024, 14:02 - ". */
const EXPORT_STAMP_RE =
  /^[ \t]*(?:\[\d{1,4}[./-]\d{1,2}[./-]\d{1,4},? \d{1,2}:\d{2}(?::\d{2})?(?: ?[ap]\.? ?m\.?)?\]|\d{1,4}[./-]\d{1,2}[./-]\d{1,4},? \d{1,2}:\d{2}(?: ?[ap]\.? ?m\.?)? [-–]) $/;
/**
 * The message's time after a sender that opens a line, to the line's end: " — Today at 14:02", " — Heute um 14:02",
 * "  2:14 PM", " 03/12/2024 14:02".
 */
const ROW_TIME_AFTER_RE =
  /^(?:[ \t]{1,3}[—–-][ \t](?:today|yesterday|heute|gestern|aujourd'hui|aujourd’hui|hier|hoy|ayer|oggi|ieri|vandaag|gisteren)(?: (?:at|um|à|a las|alle|om))? \d{1,2}[:.]\d{2}(?: ?[ap]\.?m\.?)?|[ \t]{1,3}(?:[—–-][ \t])?\d{1,2}[:.]\d{2}(?: ?[ap]\.?m\.?)?|[ \t]{1,3}[—–-][ \t]\d{1,4}[./-]\d{1,2}[./-]\d{1,4}(?:,? \d{1,2}[:.]\d{2})?)[ \t]*(?:\r?\n|$)/i;
/** The part of a line from `from` to the next " | " or the line's end ends with a job's word ("Senior Engineer"). */
function jobPartAfter(from: number): boolean {
  let e = from;
  while (e < text.length && e - from < 60 && codeAt(e) !== 124 && codeAt(e) !== 10) e++;
  const part = lower.slice(from, e).trim();
  const last = part.slice(part.lastIndexOf(" ") + 1);
  return isJobWord(last);
}
/** The context flags of a segment (one shared object, overwritten by the next call). */
function contextOf(s: Seg): Ctx {
  const ctx = CTX;
  ctx.intro = ctx.greet = ctx.speaker = ctx.agent = ctx.verb = false;
  ctx.poss = ctx.vocative = ctx.ownLine = ctx.strongAgent = ctx.personVerb = ctx.slot = ctx.addressed = false;
  ctx.act = false;
  // the words before the segment, skipping titles
  let p = s.a - 1;
  while (p >= 0 && isTitleTok(p) && s.start - te[p]! < 4) p--;
  // the word right before (same clause) and the one before it; 0 when absent or no context word
  const has1 = p >= 0 && sameClause(te[p]!, ts[p + 1]!);
  const v1 = has1 ? wv(p) : 0;
  const v2 = has1 && p >= 1 && sameClause(te[p - 1]!, ts[p]!) ? wv(p - 1) : 0;
  // "Name: X", "What's your name? X": the one punctuation mark between the word and the segment
  const gapMark = p >= 0 && !has1 && ts[p + 1]! - te[p]! < 12 ? loneMark(te[p]!, ts[p + 1]!) : 0;
  if (v1 !== 0) {
    const id1 = v1 >>> ID_SHIFT;
    const id2 = v2 >>> ID_SHIFT;
    if (
      (id1 === ID_IS && (id2 === ID_NAME || id2 === ID_THIS || id2 === ID_NAAM)) ||
      (id1 === ID_IST && id2 === ID_NAME) ||
      (id1 === ID_EST && id2 === ID_NOM) ||
      (id1 === ID_ES && id2 === ID_NOMBRE) ||
      (id1 >= ID_NAMING_FIRST && id1 <= ID_NAMING_LAST) ||
      id1 === ID_NAME ||
      (id1 === ID_ME && (id2 === ID_CALL || id2 === ID_CALLS)) ||
      id1 === ID_CALLED ||
      id1 === ID_NAMED ||
      ((id1 === ID_HIM || id1 === ID_HER || id1 === ID_THEM) && (id2 === ID_NAMED || id2 === ID_CALLED)) ||
      (id1 === ID_AM && id2 === ID_I) ||
      id1 === ID_I_M ||
      // ("im" without its apostrophe opens a clause: "hi im X"; inside one it is German "in the": "ist im Büro")
      (id1 === ID_IM && imOpensClause(p))
    )
      ctx.intro = true;
    if (v1 & W_GREET || (id1 === ID_YOU && id2 === ID_THANK)) ctx.greet = true;
    if (v1 & W_AGENT) ctx.agent = true;
    // "my kid Tadzio", "says Gerste", "according to X": as good as an introduction
    if ((v1 & W_KIN && v2 & W_POSSESSIVE) || id1 === ID_SAYS || (id1 === ID_SAID && s.words >= 1))
      ctx.strongAgent = true;
    // "hey, it's Dureildne": a greeting, then "it's" and the name, as on the phone
    if (greetingIts(p)) ctx.intro = true;
    if (v1 & W_ADDRESS) ctx.addressed = true;
    // "the account of Gingen", "on behalf of"; "on account of" is no owner
    if (v1 & W_OF && v2 & W_OWNER && !(p >= 2 && wid(p - 2) === ID_ON && tokIs(p - 1, "account")))
      ctx.slot = true;
    // "Waiting on Ellikath to approve", "counting on X": a person is waited on
    // (not in lower-case chat, where every word may be read as a name: "waiting on approval")
    if (!lowerMode && id1 === ID_ON && p >= 1 && v2 === 0 && WAIT_ON.has(lower.slice(ts[p - 1]!, te[p - 1]!)))
      ctx.slot = true;
  }
  // "thanks again X", "thank you again X"
  if (has1 && tokIs(p, "again") && v2 & W_GREET) ctx.greet = true;
  // a question with the auxiliary first: "hat X schon geantwortet?", "heeft X al gereageerd?", "has X replied?"
  if (has1 && wv(p) & W_AUX && sentenceInitial(text, ts[p]!) && participleAfter(s.b + 1)) ctx.slot = true;
  // "سلام X، خوبی؟": a greeting of a script without case, the name ending at a comma (see greetedCaseless)
  if (has1 && cue(p) & C_CASELESS_GREETINGS && caselessRun(s.a, s.b) && greetedCaseless(s.a))
    ctx.greet = true;
  // "Happy birthday, X!", "Alles Gute zum Geburtstag, X", "Gefeliciteerd met je verjaardag, X!"
  if (p >= 0 && (has1 || gapMark === 44) && (cue(p) & C_OCCASIONS) !== 0) ctx.greet = true;
  // "lunch w/ X", "1:1 X / Y @ Tue 3pm", "Jour fixe mit X @ Di 15 Uhr"
  if (p >= 0) {
    const slash = ts[p + 1]! - te[p]! < 4 && loneMark(te[p]!, ts[p + 1]!) === 47;
    if (
      (slash && tokIs(p, "w")) ||
      oneOnOneBefore(p, slash || pairMark(te[p]!, ts[p + 1]!)) ||
      calendarWith(s, p, has1)
    )
      ctx.slot = true;
    // "Incoming call: X", "Missed call: X"
    if (gapMark === 58 && tokIs(p, "call") && p >= 1 && (cue(p - 1) & C_CALL_KINDS) !== 0) ctx.intro = true;
    // "Requested $30.00 from X", "sent €20 to X": a sum, then who pays it or is paid
    if (has1 && (tokIs(p, "from") || tokIs(p, "to")) && amountBefore(p)) ctx.slot = true;
  }
  // a document's byline: "Prepared by X", "Erstellt von X", "Redatto da X", "Opgesteld door X", "Rédigé par X"
  // (an article's, a review's or a photo's, in texts with capitals: lower-case chat's "photo by" takes any word;
  // Italian "di" too: "Recensione di X")
  if (
    has1 &&
    p >= 1 &&
    onlySpaces(te[p - 1]!, ts[p]!) &&
    ((cue(p) & C_BYLINE_BY && cue(p - 1) & C_BYLINE_VERBS) ||
      ((cue(p) & C_BYLINE_BY || tokIs(p, "di")) && bylineNounBefore(p)))
  )
    ctx.slot = ctx.act = true;
  // a calendar's reply, who answered in brackets at the line's end: "Accepted: Weekly sync (X)", "Zugesagt: Jour fixe (X)"
  if (
    codeAt(s.start - 1) === 40 &&
    codeAt(te[s.b]!) === 41 &&
    lineEnd(text, te[s.b]! + 1) &&
    CALENDAR_REPLY_RE.test(lineUpTo(s.start))
  )
    ctx.slot = ctx.act = true;
  // a witness: "Signed in the presence of X", "en présence de X", "in Anwesenheit von X", "alla presenza di X"
  if (
    (has1 || gapMark === 58) &&
    p >= 1 &&
    PRESENCE_NOUNS.getRange(lower, ts[p - 1]!, te[p - 1]!) !== 0 &&
    PRESENCE_OF.has(lower.slice(ts[p]!, te[p]!))
  )
    ctx.slot = true;
  // ("Signed off by X")
  if (has1 && p >= 2 && tokIs(p, "by") && tokIs(p - 1, "off") && tokIs(p - 2, "signed")) ctx.slot = true;
  // a party or a present for someone: "Abschiedsfeier für X am Freitag", "a farewell gift for X"
  if (has1 && p >= 1 && cue(p) & C_FOR && onlySpaces(te[p - 1]!, ts[p]!) && cue(p - 1) & C_PARTIES)
    ctx.slot = true;
  // a role before the name, opening the sentence: "Patient X kam heute", "Kunde X meldet", "Customer X reports"
  if (
    has1 &&
    cue(p) & C_ROLE_NOUNS &&
    // (capitalised only: in lower case "the tenant id", "customer id is missing" are fields; but after an article
    // that opens the sentence, before a capitalised name: "A futár X 15 órakor érkezik", "El repartidor X llega")
    ((tk[p]! & K_CAP &&
      (sentenceInitial(text, ts[p]!) ||
        (p > 0 && cue(p - 1) & C_ARTICLES && onlySpaces(te[p - 1]!, ts[p]!)))) ||
      (!lowerMode &&
        tk[s.a]! & K_CAP &&
        p > 0 &&
        (cue(p - 1) & C_ARTICLES || ROLE_POSSESSIVES.has(lower.slice(ts[p - 1]!, te[p - 1]!))) &&
        onlySpaces(te[p - 1]!, ts[p]!) &&
        sentenceInitial(text, ts[p - 1]!)))
  )
    // (a name that is a word too counts after the role: "Caller Willow verified …", "Patient Grace")
    ctx.slot = ctx.act = true;
  // a form's party before the name, anywhere in the line: "Primary taxpayer X and spouse Y", "Mutuatario X, garante
  // Y", "Kredietnemer X en borg Y" (words that stand before a person or a colon and nowhere else)
  // (a name that is a word too counts after the party: "spouse Golden", "taxpayer Gun")
  if (has1 && FORM_PARTIES.getRange(lower, ts[p]!, te[p]!) !== 0) ctx.slot = ctx.act = true;
  // the same in apposition, between commas: "The deceased, X, left no will", "our tenant, X, has paid"
  if (
    gapMark === 44 &&
    p >= 1 &&
    codeAt(te[s.b]! + possLen(s.b)) === 44 &&
    (FORM_PARTIES.getRange(lower, ts[p]!, te[p]!) !== 0 || (cue(p) & C_ROLE_NOUNS) !== 0) &&
    onlySpaces(te[p - 1]!, ts[p]!) &&
    (cue(p - 1) & C_ARTICLES || ROLE_POSSESSIVES.has(lower.slice(ts[p - 1]!, te[p - 1]!)))
  )
    ctx.slot = true;
  // a room's or a bed's occupant: "Room 214 - X, checked in 14:05", "Zimmer 12 – X", "Bed 3 - X", "Seat 12A: X"
  if (
    p >= 1 &&
    tk[p]! & K_DIGITS &&
    DASH_GAP.test(text.slice(te[p]!, ts[p + 1]!)) &&
    onlySpaces(te[p - 1]!, ts[p]!) &&
    ((cue(p - 1) & C_IN_HOUSE) !== 0 || OCCUPIED.has(lower.slice(ts[p - 1]!, te[p - 1]!)))
  )
    // (a name that is a word too counts there: "Room 214 - Willow")
    ctx.slot = ctx.act = true;
  // a team's members: "Team A: X, Y; Team B: Z", "Gruppe 2: X"
  if (
    gapMark === 58 &&
    p >= 1 &&
    te[p]! - ts[p]! <= 2 &&
    (tk[p]! & (K_INITIAL | K_DIGITS)) !== 0 &&
    onlySpaces(te[p - 1]!, ts[p]!) &&
    TEAM_WORDS.has(lower.slice(ts[p - 1]!, te[p - 1]!))
  )
    ctx.intro = true;
  // a roster's line: "#7 X (captain)", a numbered list's item: "Sign-up sheet: 1. X 2. Y"
  // (an item of one word in no list may be anything, "1. Intro 2. Agenda", unless another item is a name of two
  // words: "1. Fayd 2. Krene Akethrick")
  if (
    s.start >= 2 &&
    (rosterNumberBefore(s.start) ||
      (enumeratedItem(s) && (s.a < s.b || s.strong + s.weak > 0 || listOfNames())))
  )
    ctx.slot = true;
  // a configured author: "user.name=X", 'git config user.name "X"', "author: X"
  if (
    s.start >= 2 &&
    (codeAt(s.start - 1) === 61 || codeAt(s.start - 1) === 34 || codeAt(s.start - 2) === 61) &&
    nameKeyBefore(s.start)
  )
    ctx.intro = true;
  // an absence's or a rota's person: "Sick note: X", "Approved leave: X, 3–7 June", "On call this week: X",
  // "Holiday cover for Y: X", "Krankmeldung: X", "Arrêt maladie : X"
  if (
    gapMark === 58 &&
    (ABSENCE_LAST_WORDS.getRange(lower, ts[p]!, te[p]!) !== 0 || coverForBefore(ts[p]!)) &&
    ABSENCE_LABEL_RE.test(lineUpTo(ts[p + 1]!).slice(-64))
  )
    ctx.intro = true;
  // a letter's subject about a person: "re: X (DOB …)", "Re: X - medical certificate", "Betreff: X - Krankmeldung"
  if (gapMark === 58 && SUBJECT_WORDS.has(lower.slice(ts[p]!, te[p]!)) && subjectAboutPerson(te[s.b]!))
    ctx.intro = true;
  // a court case's parties: "Smith v. X", "Müller gegen X, Az. …", "Dupont c. X", "X contra Pérez"
  // (not a match between cities or countries: "Real Madrid contra Barcelona")
  // (nor a company: "X v. Northwind Ltd")
  if (((p >= 1 && versusBefore(s, p)) || versusAfter(s)) && !allPlaces(s) && !orgAfter(s))
    ctx.slot = ctx.act = true;
  // who a note says was spoken with: "Spoke with X re: late delivery", "talked with X about"
  if (
    has1 &&
    p >= 1 &&
    tokIs(p, "with") &&
    onlySpaces(te[p - 1]!, ts[p]!) &&
    (tokIs(p - 1, "spoke") || tokIs(p - 1, "talked") || tokIs(p - 1, "chatted") || tokIs(p - 1, "met"))
  )
    ctx.slot = ctx.act = true;
  // a meeting with someone at a time: "Viewing with X at 3pm", "Besichtigung mit X um 15 Uhr", "Visite avec X à 15 h"
  if (has1 && cue(p) & C_CALENDAR_WITH && atTimeAfter(s.b + 1)) ctx.slot = true;
  // a transcript's speaker: "Speaker 2 (X): …"
  if (
    codeAt(s.start - 1) === 40 &&
    codeAt(te[s.b]!) === 41 &&
    p >= 1 &&
    te[p] === s.start - 2 &&
    tk[p]! & K_DIGITS &&
    cue(p - 1) & C_SPEAKERS
  )
    ctx.intro = true;
  // a photo's credit after a camera: "📸: X", "📷 X"
  if (cameraBefore(s.start)) ctx.intro = true;
  // "Emergency contact for X: …"
  if (has1 && tokIs(p, "for") && p > 0 && tokIs(p - 1, "contact") && codeAt(te[s.b]!) === 58) ctx.slot = true;
  // "SEPA transfer to X", "Bonifico a X", "Gol de X", "You matched with X", "Match mit X"; a substitute's place:
  // "comes on for X"; "Standing order: X"
  // (a photo app's people only with their count: "Photos of X: 214 items", "Foto di X: 214 elementi"; "Foto di
  // Parigi" is a place's)
  if (
    has1 &&
    p >= 1 &&
    (cue(p - 1) & C_TOWARDS_NOUNS) !== 0 &&
    onlySpaces(te[p - 1]!, ts[p]!) &&
    (PHOTO_NOUNS.getRange(lower, ts[p - 1]!, te[p - 1]!) === 0
      ? TOWARDS.has(lower.slice(ts[p]!, te[p]!))
      : (TOWARDS.has(lower.slice(ts[p]!, te[p]!)) || tokIs(p, "of")) && countAfter(te[s.b]!))
  )
    ctx.slot = true;
  if (
    has1 &&
    p >= 2 &&
    tokIs(p, "for") &&
    tokIs(p - 1, "on") &&
    (tokIs(p - 2, "comes") || tokIs(p - 2, "came"))
  )
    ctx.slot = true;
  if (gapMark === 58 && p >= 1 && tokIs(p, "order") && tokIs(p - 1, "standing")) ctx.intro = true;
  // who stands in or is to be reached: "In my absence, X will be covering", "please reach out to X", "wenden Sie
  // sich bitte an X", "neem contact op met X"
  if (has1 && tokIs(p, "to") && p >= 2 && tokIs(p - 1, "out") && tokIs(p - 2, "reach")) ctx.slot = true;
  if (
    has1 &&
    tokIs(p, "an") &&
    p >= 2 &&
    (tokIs(p - 1, "sich") || (tokIs(p - 1, "bitte") && tokIs(p - 2, "sich")))
  )
    ctx.slot = true;
  if (has1 && tokIs(p, "met") && p >= 2 && tokIs(p - 1, "op") && tokIs(p - 2, "contact")) ctx.slot = true;
  if (
    p >= 2 &&
    loneMark(te[p]!, ts[p + 1]!) === 44 &&
    tokIs(p, "absence") &&
    (tokIs(p - 1, "my") || tokIs(p - 1, "our"))
  )
    ctx.slot = true;
  // a mail's header: "von: X" over "gesendet: …", "van: X" over "verzonden: …" (in lower case too)
  if (gapMark === 58 && cue(p) & C_FROM_LABELS && lineEnd(text, te[s.b]!) && sentLineAfter(te[s.b]!))
    ctx.intro = true;
  // a status table's owner cell: "Q3 targets | X | on track" (a cell of its own, a status in the row)
  if (pipeCell(s.start, te[s.b]!)) ctx.slot = true;
  // "You paid X $45.00", "Du hast X 45,00 € gesendet", "je hebt X € 20,00 betaald"
  if (has1 && (cue(p) & C_PAID_BEFORE) !== 0 && amountAt(te[s.b]!)) ctx.slot = true;
  // "your driver X", "dein Fahrer X", "je chauffeur X", "tu conductor X"
  if (
    has1 &&
    p >= 1 &&
    (cue(p) & C_SERVICE_ROLES) !== 0 &&
    onlySpaces(te[p - 1]!, ts[p]!) &&
    (cue(p - 1) & C_YOUR) !== 0
  )
    ctx.slot = true;
  // "Name: X", "Directed By:    X", "What's your name? X"
  if ((gapMark === 58 && wv(p) & W_LABEL) || ((gapMark === 63 || gapMark === 58) && wid(p) === ID_NAME))
    ctx.intro = true;
  // "On-call this week: X", "Attendees today: X": a label opens the line, lower-case words qualify it before the colon
  if (gapMark === 58 && !(wv(p) & W_LABEL) && qualifiedLabel(p)) ctx.intro = true;
  // "Reference: Sushar Ganchi, former manager": a label of a name in texts with capitals only ("api reference:
  // readme" is a document's)
  if (gapMark === 58 && !lowerMode && (tokIs(p, "reference") || tokIs(p, "references"))) ctx.intro = true;
  // a sign-off and the name on one line, at its end: "Signed, Cricki", "Cheers, Anna"
  if (
    p >= 0 &&
    loneMark(te[p]!, ts[p + 1]!) === 44 &&
    lineEnd(text, te[s.b]!) &&
    SIGNOFFS.has(lower.slice(ts[p]!, te[p]!))
  )
    ctx.intro = true;
  const after = te[s.b]!;
  const atLineStart = lineStart(text, s.start);
  // a chat's row: the sender after an export's timestamp ("[12/03/2024, 14:02:11] X: …", "12/03/2024, 14:02 - X:
  // …"), or opening a line before the message's time ("X — Today at 14:02", "X  2:14 PM")
  if (
    (codeAt(after) === 58 || (codeAt(after) === 32 && codeAt(after + 1) === 58)) &&
    !atLineStart &&
    EXPORT_STAMP_RE.test(lineUpTo(s.start))
  )
    ctx.intro = true;
  if (
    atLineStart &&
    (codeAt(after) === 32 || codeAt(after) === 9) &&
    timeOrDashNear(after) &&
    ROW_TIME_AFTER_RE.test(text.slice(after, after + 48))
  )
    ctx.slot = true;
  // a credential after a comma: "X, RN", "X, DVM", "E. Hows, PharmD" (a name that is a word too counts)
  if (
    codeAt(after) === 44 &&
    codeAt(after + 1) === 32 &&
    s.b + 1 < n &&
    fullBits(s.b + 1) & L_SUFFIX &&
    ts[s.b + 1] === after + 2
  )
    ctx.slot = ctx.act = true;
  // a shop's buyer: "X (verified buyer)", "X (achat vérifié)", "X from Leeds bought this 2 hours ago"
  // (after a last initial's dot too: "Tamoha U. (verified buyer)")
  const afterDot = codeAt(after) === 46 && tk[s.b]! & K_INITIAL ? after + 1 : after;
  if (
    codeAt(afterDot) === 32 &&
    (codeAt(afterDot + 1) === 40 || codeAt(afterDot + 1) === 102) &&
    VERIFIED_AFTER_RE.test(text.slice(afterDot, afterDot + 36))
  )
    ctx.slot = ctx.act = true;
  // a name opening a line before its address: "X, 12 Main Street", "X, Apartment 5, 10 High St", "X, Via Roma 5"
  if (atLineStart && codeAt(after) === 44 && ADDRESS_AFTER_NAME_RE.test(text.slice(after, after + 40)))
    ctx.slot = true;
  // or alone on its line above the address's first line, as a letter's block puts it: "X\nFlat 25, 108 …"
  if (
    atLineStart &&
    (codeAt(after) === 10 || codeAt(after) === 13) &&
    ADDRESS_LINE_RE.test(text.slice(after, after + 40))
  )
    ctx.slot = true;
  // a person's occasion after the possessive: "X's leaving drinks on Friday", "X's farewell lunch"
  if (possLen(s.b) > 0 && POSS_OCCASION_RE.test(text.slice(after, after + 24))) ctx.slot = ctx.act = true;
  // a list of people cut short: "X + 2 more", "X and 4 others reacted", "X und 3 weitere", "X et 3 autres personnes"
  if (
    codeAt(after) === 32 &&
    othersMayFollow(codeAt(after + 1)) &&
    AND_OTHERS_AFTER_RE.test(text.slice(after, after + 28))
  )
    ctx.slot = true;
  // a roster's role in brackets: "X (captain)", "X (GK)", "X (Kapitän)"
  if (codeAt(after) === 32 && codeAt(after + 1) === 40 && ROSTER_NOTE_RE.test(text.slice(after, after + 18)))
    ctx.slot = true;
  // a mail client's or a directory's marker after a name: "Keltrude, Zorvan (Ext.)", "X (External)", "X (extern)"
  if (
    codeAt(after) === 32 &&
    codeAt(after + 1) === 40 &&
    EXTERNAL_MARK_RE.test(text.slice(after, after + 16))
  )
    ctx.slot = true;
  // a signature's line: "X | Senior Engineer | Acme Corp" (a name that is a word too counts there: "Willow | …")
  if (atLineStart && codeAt(after) === 32 && codeAt(after + 1) === 124 && jobPartAfter(after + 2))
    ctx.slot = ctx.act = true;
  if (atLineStart && lineEnd(text, after)) {
    // sign-off on the previous line: "Thanks,\nAnna"
    const prevLine = previousLine(lower, s.start);
    if (prevLine !== undefined) {
      const pl = prevLine.replace(/^[\s>]+/, "").replace(/[,!.\s-]+$/, "");
      // (without a comma too, as German and Dutch letters end: "Viele Grüße\nPogda"; then not a common word)
      if (
        SIGNOFFS.has(pl) &&
        (/[,!]\s*$/.test(prevLine) || (s.weak + s.tail === 0 && /\p{L}$/u.test(prevLine)))
      )
        ctx.intro = true;
      // the first line of a signature, under its delimiter "-- " (a name, then a role, a phone…)
      if (SIG_DELIMITER.test(prevLine) && s.words <= 3) ctx.intro = true;
    }
    // a name alone on its line: a letter or signature header
    if (s.words >= 2) ctx.ownLine = true;
  }
  // a speaker at a line start: "Nicole: Remember me"
  // (not a form's field: "payee: nilia jerg\niban: …" in lower-case chat is no dialogue)
  if (atLineStart && codeAt(after) === 58 && codeAt(after + 1) !== 47 && !fieldName(s)) ctx.speaker = true;
  // a CSV row's first field, before a number: "Mavie,01794 33439,3 Flatley Bank"
  if (atLineStart && codeAt(after) === 44 && csvNumberAt(after + 1)) ctx.slot = true;
  // a code comment's owner: "// TODO(X): remove", "# FIXME(X)"
  if (
    codeAt(s.start - 1) === 40 &&
    codeAt(after) === 41 &&
    p >= 0 &&
    te[p] === s.start - 1 &&
    cue(p) & C_CODE_NOTES
  )
    ctx.intro = true;
  // a search for a person: "X linkedin", "X obituary", the query's only other word, at its end
  if (
    atLineStart &&
    s.b + 2 === n &&
    onlySpaces(after, ts[s.b + 1]!) &&
    lineEnd(text, te[s.b + 1]!) &&
    cue(s.b + 1) & C_PERSON_SEARCHES
  )
    ctx.slot = true;
  // "X welcome to the team", "👋 X welcome aboard": a newcomer greeted
  if (
    s.b + 2 < n &&
    tokIs(s.b + 1, "welcome") &&
    onlySpaces(after, ts[s.b + 1]!) &&
    (tokIs(s.b + 2, "to") || tokIs(s.b + 2, "aboard") || tokIs(s.b + 2, "back")) &&
    (atLineStart || onlyMarksBefore(s.start))
  )
    ctx.slot = true;
  // a note to call someone: "Notiz: X wegen Mietvertrag anrufen", "notitie: X bellen over …", "Note: X re lease"
  if (
    gapMark === 58 &&
    cue(p) & C_NOTE_LABELS &&
    s.b + 1 < n &&
    onlySpaces(after, ts[s.b + 1]!) &&
    cue(s.b + 1) & C_NOTE_VERBS
  )
    ctx.slot = true;
  // a meeting's action item: "Action item: X to send the budget", "Aufgabe: X schickt das Budget", "Actiepunt: X
  // stuurt …", "Action : X envoie …" (a verb after the name: "Aufgabe: Budget bis Freitag" names none)
  // (and the next one after a comma: "Next steps: X to draft the proposal, Y to review")
  if (
    s.b + 1 < n &&
    onlySpaces(after, ts[s.b + 1]!) &&
    ((gapMark === 58 && actionLabel(p)) || (prevNonSpace(text, s.start) === 44 && actionLine(s.start))) &&
    actionVerbAt(s)
  )
    ctx.slot = true;
  // "Delivery driver: X", "Taxi driver: X" (not "Driver:" alone, a computer's setting)
  if (
    gapMark === 58 &&
    tokIs(p, "driver") &&
    p >= 1 &&
    DRIVER_KINDS.getRange(lower, ts[p - 1]!, te[p - 1]!) !== 0
  )
    ctx.intro = true;
  // (one look-up of the word before and of the word after tells which of the phrases below may hold)
  const gb = p >= 0 ? GATE_BEFORE.getRange(lower, ts[p]!, te[p]!) : 0;
  const ga = s.b + 1 < n ? GATE_AFTER.getRange(lower, ts[s.b + 1]!, te[s.b + 1]!) : 0;
  // "Looping in X who owns the contract": "who" speaks of a person
  if (s.b + 1 < n && onlySpaces(after, ts[s.b + 1]!) && tokIs(s.b + 1, "who") && s.words <= 3)
    ctx.slot = true;
  // away as only a person is: "X ist krank", "X est malade", "X è in ferie", "X is op vakantie"
  if (
    ga & G_AWAY &&
    codeAt(after) === 32 &&
    (AWAY_AFTER_RE.test(lower.slice(after, after + 32)) || SICK_AFTER_RE.test(lower.slice(after, after + 24)))
  )
    ctx.slot = true;
  // who stands in, opening a clause: "X is out sick, Y will run the stand-up", "Y übernimmt das Daily", "Y anime
  // le point du matin"
  if (
    ga & G_STAND_IN &&
    codeAt(after) === 32 &&
    (prevNonSpace(text, s.start) === 44 || sentenceInitial(text, s.start)) &&
    STAND_IN_AFTER_RE.test(lower.slice(after, after + 24)) &&
    !(s.words === 1 && germanNoun(s.start, after))
  )
    ctx.slot = true;
  // a parcel left with someone, a table booked in someone's name: "Paket wurde bei X abgegeben", "afgegeven bij X",
  // "déposé chez X", "auf den Namen X", "au nom de X", "booked under X"
  if (
    has1 &&
    gb & G_HELD &&
    sameLen &&
    s.start >= 6 &&
    HELD_FOR_BEFORE_RE.test(lower.slice(Math.max(0, s.start - 28), s.start))
  )
    ctx.slot = true;
  if (
    has1 &&
    ga & G_LEFT &&
    tokIs(p, "bei") &&
    codeAt(after) === 32 &&
    LEFT_AT_AFTER_RE.test(lower.slice(after, after + 14))
  )
    ctx.slot = true;
  // a court case's parties: "Plaintiff: X v. Northwind Ltd", "Case 2026-CV-118: X vs. Y" (" vs. " on a case's line
  // only: "Python vs. JavaScript")
  if (ga & G_VERSUS && codeAt(after) === 32 && VERSUS_V_RE.test(text.slice(after, after + 5)))
    ctx.slot = true;
  if (
    ga & G_VERSUS &&
    codeAt(after) === 32 &&
    VERSUS_VS_RE.test(text.slice(after, after + 6)) &&
    (gapMark === 58 || caseLine(s.start))
  )
    ctx.slot = true;
  if (
    gb & G_VERSUS &&
    s.start >= 4 &&
    VERSUS_BEFORE_RE.test(text.slice(Math.max(0, s.start - 5), s.start)) &&
    caseLine(s.start)
  )
    ctx.slot = true;
  // who is on which days: "Carpool: X drives Mon/Wed, Y Tue/Thu" (a day, a slash, a day after the name)
  // (on a rota's line only: "Yoga Mon/Wed" is a class)
  if (codeAt(after) === 32 && s.b + 2 < n && dayPairAt(s.b + 1) && actionLine(s.start)) ctx.slot = true;
  // a child picked up: "Can you pick up X from football at 5?", "Tu peux récupérer X au foot", "¿Puedes recoger a X
  // del fútbol?", "Kannst du X um 5 vom Training abholen?", "Kun jij X om 5 uur van voetbal halen?"
  if (
    has1 &&
    gb & G_PICK_UP &&
    sameLen &&
    PICK_UP_BEFORE_RE.test(lower.slice(Math.max(0, s.start - 16), s.start))
  )
    ctx.slot = true;
  if (
    has1 &&
    gb & G_CAN_YOU &&
    ga & G_FETCH &&
    sameLen &&
    CAN_YOU_BEFORE_RE.test(lower.slice(Math.max(0, s.start - 16), s.start)) &&
    FETCH_AFTER_RE.test(lower.slice(after, after + 40))
  )
    ctx.slot = true;
  // condolences: "RIP X", "Ruhe in Frieden, X", "Repose en paix X", "Descansa en paz, X", "Rust zacht X" (not as
  // occasion words: "Pace" and "Paz" are family names, and an occasion word ends a name)
  if (
    gb & G_CONDOLENCE &&
    sameLen &&
    CONDOLENCE_BEFORE_RE.test(lower.slice(Math.max(0, s.start - 24), s.start))
  )
    ctx.greet = true;
  // who liked a post, with a count of the others: "Liked by X and 24 others", "Gefällt X und 24 weiteren Personen",
  // "Aimé par X et 24 autres", "Piace a X e altre 24 persone", "A X y 24 personas más les gusta esto"
  if (
    gb & G_LIKED &&
    ga & G_LIKED_AND &&
    sameLen &&
    LIKED_BEFORE_RE.test(lower.slice(Math.max(0, s.start - 10), s.start)) &&
    LIKED_AFTER_RE.test(lower.slice(after, after + 12))
  )
    ctx.slot = true;
  // whose signature a document waits for: "Unterschrift von X fehlt noch", "handtekening van X", "la firma di X"
  if (
    has1 &&
    p >= 1 &&
    onlySpaces(te[p - 1]!, ts[p]!) &&
    SIGNATURE_OF.getRange(lower, ts[p - 1]!, te[p]!) !== 0
  )
    ctx.slot = true;
  // a relation in brackets after the name: "genwonz (mother) +44…", "Anna (wife)"
  if (codeAt(after) === 32 && codeAt(after + 1) === 40 && RELATION_RE.test(text.slice(after + 2, after + 14)))
    ctx.slot = true;
  // pronouns in brackets after a name, as profiles show them: "Anna (she/her)", "X (they/them) · Designer"
  if (codeAt(after) === 32 && codeAt(after + 1) === 40 && PRONOUNS_RE.test(text.slice(after + 2, after + 20)))
    ctx.slot = true;
  // a call's participant and their part, a person's status: "X (Host, me)", "X (Guest)", "X [OOO until Monday]"
  if (
    codeAt(after) === 32 &&
    (codeAt(after + 1) === 40 || codeAt(after + 1) === 91) &&
    PARTICIPANT_RE.test(lower.slice(after + 2, after + 22))
  )
    ctx.slot = true;
  // "Performance review: X", "Annual appraisal: X"
  if (gapMark === 58 && p >= 1 && (tokIs(p, "review") || tokIs(p, "appraisal") || tokIs(p, "evaluation")))
    if ((cue(p - 1) & C_HR_REVIEW_KINDS) !== 0) ctx.intro = true;
  // a call's or a channel's notice: "X ist dem Meeting beigetreten", "X heeft de vergadering verlaten"; a social
  // app's: "X started following you", "X and 12 others liked your post", "X volgt je nu"
  // (one look-up of the next word tells whether either may follow: most words open neither)
  const q1 = s.b + 1;
  if (
    codeAt(after) === 32 &&
    q1 < n &&
    ts[q1] === after + 1 &&
    (cue(q1) & C_ACT_OPENERS) !== 0 &&
    (MEETING_ACT_RE.test(lower.slice(after + 1, after + 48)) ||
      SOCIAL_ACT_RE.test(lower.slice(after + 1, after + 40)) ||
      CALLS_BACK_RE.test(lower.slice(after + 1, after + 32)))
  )
    ctx.slot = ctx.act = true;
  // a support ticket's or a presence's subject: "X cannot log in", "X is away", "X left you a voicemail" (where a
  // person stands, but not enough for a word that is a name too: "Server cannot log in")
  else if (
    codeAt(after) === 32 &&
    q1 < n &&
    ts[q1] === after + 1 &&
    (cue(q1) & C_ACT_OPENERS) !== 0 &&
    PRESENCE_RE.test(lower.slice(after + 1, after + 32))
  )
    ctx.slot = true;
  // a CRM's or a tracker's record named with its person in brackets: "Renewal 2026 (X Y) - HubSpot" (two or three
  // words in no list of common words; "(Machine Learning)", "(Acme Corp)" hold common ones)
  // (one word too, where an app's name follows as in a window's title: "Renewal 2026 (X) - HubSpot")
  if (
    codeAt(s.start - 1) === 40 &&
    codeAt(te[s.b]!) === 41 &&
    s.words <= 3 &&
    (s.words >= 2 || TITLE_APP_AFTER_RE.test(text.slice(te[s.b]! + 1, te[s.b]! + 5))) &&
    s.weak + s.tail === 0 &&
    !lowerMode
  )
    ctx.slot = true;
  // "X from HR approved your leave", "X from Finance": a person and their department
  if (codeAt(after) === 32 && tokIs(q1, "from") && DEPARTMENT_AFTER_RE.test(text.slice(after, after + 24)))
    ctx.slot = ctx.act = true;
  // "X x Y sync notes": two people's meeting, the first before " x "
  if (
    codeAt(after) === 32 &&
    codeAt(after + 1) === 120 &&
    codeAt(after + 2) === 32 &&
    PAIR_MEETING_RE.test(text.slice(after, after + 80))
  )
    ctx.slot = true;
  // who a letter is sent in care of: "c/o X, 12 Main St"
  if (s.start >= 4 && lower.startsWith("c/o ", s.start - 4)) ctx.intro = true;
  // "Prepared for X", "Erstellt für X", "Created for X"
  if (has1 && p >= 1 && cue(p) & C_FOR && onlySpaces(te[p - 1]!, ts[p]!) && cue(p - 1) & C_BYLINE_VERBS)
    ctx.slot = true;
  // a device named for its owner: "X's iPhone", "AirDrop: X's MacBook Pro", "Connected to X's AirPods" (not a maker's:
  // "Apple's iPhone")
  if (
    possLen(s.b) !== 0 &&
    s.b + 1 < n &&
    onlySpaces(te[s.b]!, ts[s.b + 1]!) &&
    sameLen &&
    DEVICES.getRange(lower, ts[s.b + 1]!, te[s.b + 1]!) !== 0 &&
    !(s.a === s.b && DEVICE_MAKERS.getRange(lower, ts[s.a]!, te[s.a]! - 2) !== 0)
  ) {
    ctx.slot = ctx.act = true;
    if (caselessRun(s.a, s.b)) ctx.intro = true;
  }
  // a face to tag: "Is this X? Tag people …"
  if (has1 && p >= 1 && tokIs(p, "this") && tokIs(p - 1, "is") && codeAt(after) === 63) ctx.slot = true;
  // a citation's first author: "X et al. (2019)", "X et al., 2019"
  if (codeAt(after) === 32 && lower.startsWith("et al", after + 1) && !LETTER_RE.test(text.charAt(after + 6)))
    ctx.slot = ctx.act = true;
  // a press byline opening its line, the author's role after a comma: "By X, Staff Reporter", "Di X, inviato
  // speciale", "Door X, verslaggever"
  // (Italian "Di" opens surnames too, and joins the name: "Di Verini Gauda, inviato speciale")
  if (
    codeAt(after) === 44 &&
    ((has1 && (cue(p) & C_BYLINE_BY || tokIs(p, "di")) && lineStart(text, ts[p]!)) ||
      (s.a < s.b && tokIs(s.a, "di") && lineStart(text, s.start))) &&
    PRESS_ROLE_RE.test(lower.slice(after + 1, after + 32))
  )
    ctx.intro = true;
  // an appointment's staff, ending the clause: "Spin class at 7am, instructor X", "mit deiner Stylistin X"
  if (has1 && (cue(p) & C_STAFF) !== 0 && clauseEndAfter(after)) ctx.slot = ctx.act = true;
  // a podcast's guest: "Episode 42: building in public with X", "Folge 12 mit X"
  if (has1 && cue(p) & C_CALENDAR_WITH && clauseEndAfter(after) && EPISODE_LINE_RE.test(lineUpTo(ts[p]!)))
    ctx.slot = true;
  // who a thesis is supervised by: "Directeur de thèse : X", "Director de tesis: X", "Thesis advisor: X"
  if (
    gapMark === 58 &&
    p >= 2 &&
    (tokIs(p, "thèse") || tokIs(p, "tesis") || tokIs(p, "tesi") || tokIs(p, "doctorat")) &&
    (tokIs(p - 1, "de") || tokIs(p - 1, "di")) &&
    (cue(p - 2) & C_STAFF) !== 0
  )
    ctx.intro = true;
  // a quote's speaker in apposition: "said X, a spokesperson for the company"
  if (
    has1 &&
    (wid(p) === ID_SAID || wid(p) === ID_SAYS || tokIs(p, "told") || tokIs(p, "added")) &&
    codeAt(after) === 44 &&
    APPOSITION_RE.test(lower.slice(after + 1, after + 40))
  )
    ctx.slot = true;
  // a Japanese or Korean honorific right after the name: "Waidie Tyamさん", "X様", "X님과 회의"
  // (the tokens hold letters of any script, so the honorific may follow the Latin letters of the last one:
  // "Tyamさん", "Mekitzさんとの会議は")
  if (honorificAt(after) || honorificAt(scriptChange(ts[s.b]!, after))) ctx.intro = true;
  // a relative by their title: "Uncle X says hi", "Onkel X lässt grüßen", "Tonton X"
  if (has1 && tk[p]! & K_CAP && (cue(p) & C_KIN_TITLES) !== 0) ctx.slot = true;
  // "assigned to X", "zugewiesen an X", "toegewezen aan X", "asignado a X", ending the clause (not "assigned to
  // Abkhazia region")
  if (has1 && p >= 1 && onlySpaces(te[p - 1]!, ts[p]!) && (cue(p - 1) & C_ASSIGNED) !== 0)
    if ((cue(p) & C_ASSIGNED_TO) !== 0 && clauseEndAfter(after)) ctx.slot = ctx.act = true;
  // a chat log's line: "[10:42] Iren: can someone restart the build?"
  if (
    !atLineStart &&
    codeAt(after) === 58 &&
    codeAt(after + 1) === 32 &&
    s.words <= 3 &&
    afterTimestamp(s.start)
  )
    ctx.intro = true;
  if (possLen(s.b)) {
    ctx.poss = true;
    // "Per Tristis's request", "at Willyss's place": what a person has
    const o = s.b + 1;
    if (o < n && onlySpaces(te[s.b]!, ts[o]!) && possessedAt(s, o)) ctx.slot = true;
  }
  // a verb after the name
  const q = s.b + 1;
  if (q < n && tk[q]! & K_LOWER && onlySpaces(te[s.b]!, ts[q]!)) {
    // "Szczak i ja będziemy", "X und ich kommen": the speaker and a person, in any language
    if (withMe(q)) ctx.slot = true;
    const v = wv(q);
    if (v & W_VERB) ctx.verb = true;
    if (v & W_PVERB) ctx.personVerb = true;
    // "given Hakuba his address"
    if (v & W_POSSESSIVE && v1 & W_GIVE) ctx.slot = true;
    // "Yazie just pinged me", "Probber left the company": what only a person does
    if (personAct(q)) ctx.slot = true;
    // "Tomomi is from", "Hakuba had given", "Willemine will be talking"
    if (q + 1 < n && onlySpaces(te[q]!, ts[q + 1]!)) {
      const v2q = wv(q + 1);
      const aux = v >>> ID_SHIFT;
      if (v & W_AUX && v2q & W_AFTER_AUX) ctx.slot = true;
      // "Hakuba had given", "has sent" (not "is given": a thing is given)
      else if ((aux === ID_HAD || aux === ID_HAS) && v2q & W_GIVE) ctx.slot = true;
      else if (v2q & W_FR_AFTER_A && te[q]! - ts[q]! === 1 && lower.charCodeAt(ts[q]!) === 97)
        ctx.slot = true;
      else if (v2q >>> ID_SHIFT === ID_BE && aux === ID_WILL && q + 2 < n && wv(q + 2) & W_AFTER_AUX)
        ctx.slot = true;
    }
  }
  // an address label's first line: "Shipping label: Jussigann, 350 Alexandra Mission", "send it to X, 12 Oak Road"
  if (
    codeAt(after) === 44 &&
    (gapMark === 58 || TO_BEFORE_POSTAL.getRange(lower, ts[p]!, te[p]!) !== 0) &&
    postalLineAt(after + 1)
  )
    ctx.slot = true;
  const pb = s.a - 1;
  // (one look-up of the word before tells whether any of the phrases below may hold: most words open none)
  if (pb >= 0 && onlySpaces(te[pb]!, ts[s.a]!) && FRAME_BEFORE.getRange(lower, ts[pb]!, te[pb]!) !== 0) {
    // "mit Wabt telefoniert", "Kannst du Wohr bitte Bescheid geben?", "kun je huintlems laten weten", "daj znać X"
    if (framedPerson(s)) ctx.slot = true;
    // "Herzliche Grüße an X", "Saludos a X", "Hälsa X och barnen"
    if (greetedAt(pb)) ctx.greet = true;
    // "Zapytałem X, czy", "Ho chiesto a X se", "Le pregunté a X si"
    else if (askedAt(pb)) ctx.slot = true;
    // "Who's X?": asked who a person is
    else if ((tokIs(pb, "who's") || tokIs(pb, "who\u2019s")) && codeAt(te[s.b]!) === 63) ctx.slot = true;
  }
  // "Hi all, X here from procurement": who writes, after a greeting's comma
  if (
    prevNonSpace(text, s.start) === 44 &&
    q < n &&
    tokIs(q, "here") &&
    onlySpaces(te[s.b]!, ts[q]!) &&
    (q + 1 >= n || tokIs(q + 1, "from") || codeAt(te[q]!) === 44 || !sameClause(te[q]!, ts[q + 1]!))
  )
    ctx.slot = true;
  // "Warrane, can I please speak to your boss?"
  if (codeAt(after) === 44 && q < n && sentenceInitial(text, s.start) && wv(q) & W_VOCATIVE)
    ctx.vocative = true;
  // vocative: ", Mary?" / ", Roy!"
  const prevCh = prevNonSpace(text, s.start);
  const nextCh = codeAt(after); // -1 at the end of the text
  if (prevCh === 44 && (nextCh === 63 || nextCh === 33 || nextCh === 46 || nextCh === -1))
    ctx.vocative = true;
  // "Meeting notes — Berniquin, 3 May", "— Marlend": who wrote it, after a dash, at the line's end or before a date
  if ((prevCh === 0x2014 || prevCh === 0x2013) && s.words <= 3 && dateOrLineEnd(after)) ctx.slot = true;
  // the person thanked or greeted at the end of the clause: "Thanks for the intro, Dureildne — let's"
  // (or the subject of the next clause: "Hi team, Berniquin will cover support today")
  if (prevCh === 44 && !ctx.greet && (clauseEndsAt(after) || subjectOfPerson(s)) && greetingOpens(s.start))
    ctx.greet = true;
  return ctx;
}

/** Segment s opens a clause after a comma that ends a lower-case word ("…out sick, Trida will"; not a list "A, B"). */
function clauseAfterComma(s: Seg): boolean {
  const p = s.a - 1;
  return p >= 0 && codeAt(te[p]!) === 44 && (tk[p]! & K_LOWER) !== 0 && onlySpaces(te[p]! + 1, ts[s.a]!);
}

/** Labels of a meeting's action items ("Action item:", "Aufgabe:", "Actiepunt:", "Azione:"). */
const ACTION_LABELS = wordSet([
  // (and who does what on which day: "Carpool: X drives Mon/Wed", "Fahrgemeinschaft: X fährt Mo/Mi")
  "carpool",
  "fahrgemeinschaft",
  "covoiturage",
  "rota",
  "action",
  "actions",
  "actiepunt",
  "actiepunten",
  "aufgabe",
  "aufgaben",
  "todo",
  "to-do",
  "tarea",
  "tareas",
  "azione",
  "azioni",
  "tâche",
  "ação",
]);
/** Kinds of driver a label names before a person ("Delivery driver: X"). */
const DRIVER_KINDS = wordSet(["delivery", "taxi", "cab", "bus", "van", "truck", "lorry", "your", "the"]);
/** A line that opens with a label of action items (see contextOf). */
const ACTION_LINE_RE =
  /^[ \t]*(?:action items?|actions?|next steps?|ai|todo|to-do|carpool|fahrgemeinschaft|covoiturage|rota|aufgaben?|actiepunt(?:en)?|tareas?|azion[ei]|tâches?|à faire|a fare)[ \t]?:/;
/** The same label opening any line of the record (tested once a record, before ACTION_LINE_RE). */
const ACTION_LINE_ANY_RE =
  /(?:^|\n)[ \t]*(?:action items?|actions?|next steps?|ai|todo|to-do|carpool|fahrgemeinschaft|covoiturage|rota|aufgaben?|actiepunt(?:en)?|tareas?|azion[ei]|tâches?|à faire|a fare)[ \t]?:/;
/** The line of offset `pos` opens with a label of action items. */
function actionLine(pos: number): boolean {
  if (!sameLen) return false;
  if (actionLines < 0) actionLines = ACTION_LINE_ANY_RE.test(lower) ? 1 : 0;
  return actionLines === 1 && ACTION_LINE_RE.test(lineUpTo(pos));
}
/** The lower-cased text from the start of the line of offset `pos` (200 units back at most) up to it. */
function lineUpTo(pos: number): string {
  let k = pos;
  while (k > 0 && lower.charCodeAt(k - 1) !== 10 && pos - k < 200) k--;
  return lower.slice(k, pos);
}
/** Token p ends a label of an action item: one of ACTION_LABELS, or "item"/"items" after "action". */
function actionLabel(p: number): boolean {
  if (p < 0) return false;
  if (ACTION_LABELS.getRange(lower, ts[p]!, te[p]!) !== 0) return true;
  // "Next steps:", "À faire :", "AI:" (an action item's short form)
  if (p >= 1 && (tokIs(p, "steps") || tokIs(p, "step")) && tokIs(p - 1, "next")) return true;
  if (p >= 1 && tokIs(p, "faire") && tokIs(p - 1, "à")) return true;
  if (tokIs(p, "ai")) return true;
  return (tokIs(p, "item") || tokIs(p, "items")) && p >= 1 && tokIs(p - 1, "action");
}
/**
 * The words after segment s say what its person is to do: "to" and a lower-case word ("X to send"), or a lower-case
 * word that is no function word ("X schickt", "X stuurt", "X envoie"; not "Budget bis Freitag").
 */
function actionVerbAt(s: Seg): boolean {
  const q = s.b + 1;
  if (!(tk[q]! & K_LOWER)) return false;
  if (tokIs(q, "to")) return q + 1 < n && onlySpaces(te[q]!, ts[q + 1]!) && (tk[q + 1]! & K_LOWER) !== 0;
  if (NOT_ACTION_VERBS.getRange(lower, ts[q]!, te[q]!) !== 0 || cue(q) & C_ARTICLES) return false;
  // (an infinitive is a task's own verb, a noun before it: "Aufgabe: Datenbankmigration testen", "Actiepunt: Servers
  // herstarten"; a person's verb is conjugated: "X schickt", "X stuurt")
  if (lower.endsWith("en", te[q]!)) return false;
  return !(s.words === 1 && germanNoun(s.start, te[s.b]!));
}
/** Prepositions and conjunctions after an action item's first word: no verb ("Aufgabe: Budget bis Freitag"). */
const NOT_ACTION_VERBS = wordSet([
  "and",
  "or",
  "by",
  "for",
  "until",
  "in",
  "on",
  "at",
  "of",
  "und",
  "oder",
  "bis",
  "für",
  "an",
  "am",
  "um",
  "zum",
  "zur",
  "vor",
  "nach",
  "mit",
  "von",
  "en",
  "et",
  "ou",
  "de",
  "du",
  "des",
  "pour",
  "avant",
  "y",
  "o",
  "para",
  "antes",
  "e",
  "per",
  "entro",
  "di",
  "en",
  "of",
  "voor",
  "tot",
  "met",
  "van",
  "op",
]);
/** Away as only a person is, after the name: ill, or on leave (see contextOf). */
/** Ill, in the languages whose sentence puts the state right after the name ("X sakit hari ini", "X je bolestan"). */
const SICK_AFTER_RE =
  /^ (?:sakit|je bolest(?:an|na)|este bolnav[ăa]?|bugün hasta|hasta|ma beteg|beteg|болеет|заболел[аи]?|захворів|захворіла|είναι άρρωστ(?:ος|η))(?![\p{L}])/u;
const AWAY_AFTER_RE =
  /^ (?:ist|est|è|está|es|is|är|er|jest|je|on|(?:is|ist|est|è|está|jest) (?:heute|aujourd'hui|oggi|hoy|hoje|vandaag|dziś|today|this week)) (?:on leave|on holiday|on vacation|on pto|off sick|out of office|doente|enfermo|enferma|krank|krankgeschrieben|malade|malato|malata|enfermo|enferma|ziek|sjuk|syg|chory|chora|sairas|nemocn[ýá]|im urlaub|in urlaub|en congé|en vacances|in ferie|in vacanza|de vacaciones|op vakantie|på semester|na urlopie)(?![\p{L}])/u;
/** A parcel left with a person, or a booking in their name, before the name (see contextOf). */
const HELD_FOR_BEFORE_RE =
  /(?:(?:afgegeven|achtergelaten|déposée?|laissée?|lämnades|lämnat|lämnad|zostawion[aey]|entregad[oa]|lasciat[oa]|consegnat[oa]|left|dropped off) (?:bij|chez|hos|u|con|presso|with)|auf den namen|unter dem namen|au nom de|a nombre de|a nome(?: di)?|em nome de|op (?:de )?naam van|under the name(?: of)?|in the name of|(?:booked|reserved|reservation) under) $/;
/** What was left at a person's ("bei X abgegeben"), after the name. */
const LEFT_AT_AFTER_RE = /^ (?:abgegeben|hinterlegt|abgestellt)(?![\p{L}])/u;
/** " v. " of a court case between parties (see contextOf); " vs. " only after a label's colon. */
const VERSUS_V_RE = /^ v\. \p{Lu}/u;
const VERSUS_VS_RE = /^ vs\.? \p{Lu}/u;
const VERSUS_BEFORE_RE = /(?:^| )vs?\. $/;
/** A line that opens with a court case's label: "Case 2026-CV-118:", "Aktenzeichen 4 O 12/26:". */
const CASE_LINE_RE = /^[ \t]*(?:case|fall|zaak|affaire|caso|causa|aktenzeichen|docket)\b[^:\n]{0,30}:/;
const CASE_LINE_ANY_RE =
  /(?:^|\n)[ \t]*(?:case|fall|zaak|affaire|caso|causa|aktenzeichen|docket)\b[^:\n]{0,30}:/;
/** The line of offset `pos` opens with a court case's label. */
function caseLine(pos: number): boolean {
  if (!sameLen) return false;
  if (caseLines < 0) caseLines = CASE_LINE_ANY_RE.test(lower) ? 1 : 0;
  return caseLines === 1 && CASE_LINE_RE.test(lineUpTo(pos));
}
/** Tokens q, q+1 are two days joined by a slash ("Mon/Wed", "Di/Do", "ma/wo"). */
function dayPairAt(q: number): boolean {
  return te[q]! + 1 === ts[q + 1]! && text.charCodeAt(te[q]!) === 47 && dayWord(q) && dayWord(q + 1);
}
/** Token q is a weekday, written out or cut short ("Tue", "Do", "wo"). */
function dayWord(q: number): boolean {
  return (fullBits(q) & L_CALENDAR) !== 0 || DAY_ABBREVIATIONS.getRange(lower, ts[q]!, te[q]!) !== 0;
}
/** Weekdays cut short, in English, German, Dutch, French, Spanish and Italian. */
const DAY_ABBREVIATIONS = wordSet(
  "mon tue tues wed thu thur thurs fri sat sun mo di mi do fr sa so ma wo vr za zo lu me je ve ju vi sá lun mar mer jeu ven sam dim mié jue vie gio".split(
    " ",
  ),
);
/** A child or a friend picked up, the verb before the name. */
const PICK_UP_BEFORE_RE = /(?:\bpick(?:ing)? up|récupérer|recoger a|recoges a) $/;
/** A question that asks someone to fetch a person: its opening, before the name, and its verb at its end. */
const CAN_YOU_BEFORE_RE = /(?:^|[\s,])(?:kannst du|könntest du|kun jij|kun je|kunt u|kan jij) $/;
const FETCH_AFTER_RE = /^ (?:um|om) \d[^.?!\n]{0,30}(?:abholen|holen|halen|ophalen)\s*\?/;
/** Gates of contextOf's phrases: the word before the name (GATE_BEFORE) or after it (GATE_AFTER) that each needs. */
const G_HELD = 1;
const G_PICK_UP = 2;
const G_CAN_YOU = 4;
const G_CONDOLENCE = 8;
const G_LIKED = 16;
const G_VERSUS = 32;
const G_AWAY = 64;
const G_STAND_IN = 128;
const G_LEFT = 256;
const G_FETCH = 512;
const G_LIKED_AND = 1024;
const gateWords = (words: string, flag: number) => words.split(" ").map((w) => [w, flag] as const);
const GATE_BEFORE = new WordTable([
  ...gateWords("bij chez hos u con presso with namen de di nome van naam name of under", G_HELD),
  ...gateWords("up récupérer a", G_PICK_UP),
  ...gateWords("du jij je u", G_CAN_YOU),
  ...gateWords("rip p peace frieden paix paz pace zacht vrede", G_CONDOLENCE),
  ...gateWords("by gefällt par a", G_LIKED),
  ...gateWords("v vs", G_VERSUS),
]);
const GATE_AFTER = new WordTable([
  ...gateWords(
    "ist est è está es is är er jest je on sakit hasta bugün beteg ma este болеет заболел заболела заболели захворів захворіла είναι",
    G_AWAY,
  ),
  ...gateWords(
    "will übernimmt vertritt leitet moderiert vervangt leidt vai substitui le la les lo l anime remplace gère gestisce sostituisce conduce modera sustituye dirige reemplaza",
    G_STAND_IN,
  ),
  ...gateWords("abgegeben hinterlegt abgestellt", G_LEFT),
  ...gateWords("v vs", G_VERSUS),
  ...gateWords("um om", G_FETCH),
  ...gateWords("and und et e y", G_LIKED_AND),
]);
/** Condolences that open their line, before the name. */
const CONDOLENCE_BEFORE_RE =
  /(?:^|\n)[ \t]*(?:rip|r\.i\.p\.|rest in peace|ruhe in frieden|repose en paix|descansa en paz|riposa in pace|rust zacht|rust in vrede)[ \t]*,?[ \t]*$/;
/** The opening of a social app's line of likes, before the first name (see contextOf). */
const LIKED_BEFORE_RE = /(?:^|\n)(?:liked by|gefällt|aimé par|piace a|a) $/;
const LIKED_AFTER_RE = /^ (?:and|und|et|e|y) (?:\d|altre \d|others|weitere)/;
/** A verb of standing in for someone, after the name (see contextOf). */
const STAND_IN_AFTER_RE =
  /^ (?:will (?:run|cover|take over|lead|host|chair|handle|step in|stand in|moderate)|übernimmt|vertritt|leitet|moderiert|vervangt|leidt|vai substituir|vai cobrir|substitui|(?:(?:le|la|les|lo|l'|l’) ?)?(?:anime|remplace|gère|gestisce|sostituisce|conduce|modera|sustituye|dirige|reemplaza))(?![\p{L}])/u;
/** A signature or an approval awaited from a person: the noun and "of" ("Unterschrift von", "firma di"). */
const SIGNATURE_OF = new WordTable(
  [
    "unterschrift von",
    "freigabe von",
    "handtekening van",
    "goedkeuring van",
    "signature de",
    "validation de",
    "firma de",
    "firma di",
    "approvazione di",
    "signature of",
    "signature from",
  ].map((w) => [w, 1] as const),
);

/** Segment s is three tokens, the middle one a letter and a dot, the others of three letters or more. */
function initialWithDot(s: Seg): boolean {
  const m = s.a + 1;
  return (
    s.b === s.a + 2 &&
    te[m]! - ts[m]! === 1 &&
    text.charCodeAt(te[m]!) === 46 &&
    te[s.a]! - ts[s.a]! >= 3 &&
    te[s.b]! - ts[s.b]! >= 3
  );
}

/** Names of form fields that are names of people too ("Iban", "Bic", "Pin"), or the labels of names. */
const FIELD_NAMES = new WordTable(
  ["iban", "bic", "swift", "pin", "tel", "phone", "mobile", "email", "dob", "ssn"].map(
    (w) => [w, 1] as const,
  ),
);

/** Segment s is one word that names a field: a label of a name ("Payee:") or a field of a form ("IBAN:"). */
function fieldName(s: Seg): boolean {
  if (s.a !== s.b || !sameLen) return false;
  return (wv(s.a) & W_LABEL) !== 0 || FIELD_NAMES.getRange(lower, ts[s.a]!, te[s.a]!) !== 0;
}

/** A digit, or "+" or "(" before one, at `pos`: a CSV row's number field. */
function csvNumberAt(pos: number): boolean {
  let c = codeAt(pos);
  if (c === 43 || c === 40) c = codeAt(pos + 1);
  return c >= 48 && c <= 57;
}

/** Pronouns as a profile writes them after a name, in brackets: "she/her", "they/them", "er/ihm", "il/lui". */
const PRONOUNS_RE =
  /^(?:she\/her|he\/him|they\/them|she\/they|he\/they|xe\/xem|sie\/ihr|er\/ihm|il\/lui|elle\/elle|iel|ella|él|zij\/haar|hij\/hem|hen)(?:\/\p{L}+)?\)/iu;
/**
 * What a call, a meeting or a channel says a person did, in the languages of the hold-out sets (the English ones are
 * person acts: "X has joined the meeting").
 */
const MEETING_ACT_RE =
  /^(?:(?:ist|is) (?:dem|der) (?:meeting|besprechung|anruf|konferenz|kanal|chat)\b|hat (?:das|den|die) (?:meeting|besprechung|anruf|konferenz|kanal|chat) verlassen|si è (?:unit[oa]|aggiunt[oa]) |ha lasciato (?:la|il) (?:riunione|chiamata|canale)|neemt deel aan|heeft (?:de|het) (?:vergadering|gesprek|kanaal|meeting) verlaten|a (?:rejoint|quitté) (?:la|le) (?:réunion|appel|canal)|se (?:unió|ha unido) a|(?:salió|ha salido) de (?:la|el) (?:reunión|llamada|canal))/u;
/** A call's participant's part, or a person's status, in brackets after the name: "(Host, me)", "[OOO until …]". */
const PARTICIPANT_RE =
  /^(?:host|co-host|cohost|guest|me|you|organi[sz]er|presenter|moderator|ooo|out of office|on leave|away|external)(?:[,)\]]| until| till| back)|^class of '?\d\d|^(?:the |der |die |le |la |el )?(?:landlord|tenant|buyer|seller|purchaser|vendor|employer|employee|borrower|lender|contractor|licensee|licensor|guarantor|lessor|lessee|vermieter|vermieterin|mieter|mieterin|käufer|käuferin|verkäufer|verkäuferin|bailleur|locataire|preneur|arrendador|arrendatario|locador|locatario)\)|^hereinafter\b/;
/** What a review of a person is called before its colon: "Performance review: X". */
const HR_REVIEW_KINDS_WORDS = ["performance", "annual", "mid-year", "quarterly", "probation", "probationary"];
/** The first words of MEETING_ACT_RE and SOCIAL_ACT_RE. */
const ACT_OPENERS_WORDS = [
  "ist",
  "is",
  "hat",
  "si",
  "ha",
  "neemt",
  "heeft",
  "a",
  "se",
  "salió",
  "llegó",
  "got",
  "reached",
  "submitted",
  "has",
  "started",
  "followed",
  "and",
  "volgt",
  "folgt",
  "s'est",
  "comenzó",
  "empezó",
  "vous",
  "te",
  "will",
  "vai",
  "seni",
  "ile",
  "перезвонит",
  "передзвонить",
  "zadzwoni",
  "ti",
  "belt",
  "ruft",
  "shared",
  "commented",
  "reacted",
  "mentioned",
  // games, streams, dating apps, matches: "X joined the lobby", "X viewed your profile", "X scores in the 89th minute"
  "joined",
  "left",
  "viewed",
  "liked",
  "sent",
  "super",
  "went",
  "scores",
  "scored",
  "comes",
  "came",
  "trifft",
  "scoort",
  "marque",
  "marca",
  "segna",
  // home, fitness and photo apps: "X arrived home", "X completed a 5k run", "X ist zu Hause angekommen"
  "arrived",
  "gave",
  "completed",
  "ist",
  "est",
  "è",
  "completó",
  // calendars and group chats: "X declined this event", "X added Y to the group", "X pinned a message"
  "declined",
  "accepted",
  "tentatively",
  "invited",
  "proposed",
  "applied",
  "removed",
  "added",
  "pinned",
  "unpinned",
  "changed",
  "created",
  "rechazó",
  "aceptó",
  "fijó",
  "compartió",
  // support tickets and presence: "X cannot log in", "X is away", "X left you a voicemail" (PRESENCE_RE)
  "cannot",
  "can't",
  "can",
  // code review and wikis: "X requested changes", "X approved these changes", "X edited this page"
  "requested",
  "approved",
  "edited",
  "opened",
  "closed",
  "reopened",
  "merged",
  "reviewed",
  "aprobó",
  "editó",
  "solicitó",
];
/** Who will call back, or meet, in the hold-out languages: "X vai te ligar", "X seni arayacak", "X ile toplantı". */
const CALLS_BACK_RE =
  /^(?:will call (?:you|u) back|vai (?:te |lhe )?ligar|seni (?:arayacak|aradı)|ile (?:toplantı|görüşme|buluşma)|перезвонит|передзвонить|zadzwoni|te llamará|ti richiamerà|vous rappellera|belt je terug|ruft (?:dich|sie) zurück)/;
/** The code unit at `k` opens a Japanese or Korean honorific: さん, さま, 様, くん, ちゃん, 先生, 氏, 님, 씨. */
function honorificAt(k: number): boolean {
  const c = codeAt(k);
  if (c === 0x69d8 || c === 0x6c0f || c === 0xb2d8 || c === 0xc528) return true;
  const d = codeAt(k + 1);
  return (
    (c === 0x3055 && (d === 0x3093 || d === 0x307e)) ||
    (c === 0x304f && d === 0x3093) ||
    (c === 0x3061 && d === 0x3083) ||
    (c === 0x5148 && d === 0x751f)
  );
}
/**
 * Where a Latin name glued to Chinese, Japanese or Korean text ends inside segment s's last token: before an honorific
 * ("Tyam|さん") or the words after it ("Bernust|开会"), when the token changes script.
 */
function scriptCut(s: Seg): number | undefined {
  if (s.end - s.start < 3 || !(tk[s.b]! & K_NONASCII)) return undefined;
  const k = scriptChange(ts[s.b]!, te[s.b]!);
  return k > ts[s.b]! ? k : undefined;
}
/** Where the Latin name starts inside segment s's first token after CJK text glued to it ("明天和|jenneenna"). */
function scriptStart(s: Seg): number | undefined {
  if (!(tk[s.a]! & K_NONASCII)) return undefined;
  const from = ts[s.a]!;
  const to = s.a === s.b ? s.end : te[s.a]!;
  if (text.charCodeAt(from) < 0x3040) return undefined;
  for (let k = from + 1; k < to; k++)
    if (text.charCodeAt(k) < 0x250 && text.charCodeAt(k - 1) >= 0x3040) return k;
  return undefined;
}
/** The first code unit of [from, to) of a CJK script (kana, ideographs, Hangul) after a Latin letter, or -1. */
function scriptChange(from: number, to: number): number {
  for (let k = from + 1; k < to; k++)
    if (text.charCodeAt(k) >= 0x3040 && text.charCodeAt(k - 1) < 0x250) return k;
  return -1;
}
/** What a social app says a person did to you, after the name. */
const SOCIAL_ACT_RE =
  /^(?:started following|is now following|followed you|and \d+ others? (?:liked|reacted|commented|shared)|(?:volgt|folgt) (?:je|jou|dir|u|ihnen)\b|s'est abonnée?(?:\(e\))? à|(?:comenzó|empezó) a seguir|ha iniziato a seguir|(?:vous|te) suit\b|shared (?:a memory|a post|a photo|your post|a video)|(?:commented|reacted) on your|commented on (?:this|the) (?:pull request|merge request|issue|page|document|commit)|requested (?:changes|a review|your review)|arrived (?:home|at (?:home|work|school|the office))|left (?:home|work|the house)\b|(?:got|has got|has gotten) (?:home|to (?:work|school|the office))\b|reached (?:home|work|school|the office)\b|submitted (?:an? |the |their |his |her )?(?:essay|assignment|homework|quiz|report|thesis|exam|project|worksheet|lab|paper|draft)\b|(?:has )?left (?:the office|for the day)|gave you (?:kudos|a like|a shout-?out|a badge|props)|hat das haus verlassen|a quitté (?:la maison|le domicile)|è uscit[oa] di casa|is van huis vertrokken|ha salido de casa|completed an? (?:\d|run|ride|walk|workout|swim|hike|marathon|half)|shared (?:a password|a passkey|\d+ passwords|an album|a folder|a note) with|added \d+ (?:photos?|videos?|items?) to|is at the (?:front |back )?door|ist (?:zu hause|zuhause|daheim|bei der arbeit|auf der arbeit|im büro) angekommen|hat (?:die arbeit|das büro) verlassen|hat \d+ fotos (?:zum|zu|in)|hat (?:ein|das) passwort (?:mit dir )?geteilt|est arrivée? (?:à la maison|chez (?:lui|elle)|au (?:travail|bureau))|(?:a quitté|est partie? du) (?:le )?(?:travail|bureau)|a partagé un mot de passe|(?:ha llegado|llegó) (?:a casa|al trabajo|a la oficina)|(?:ha salido|salió) del trabajo|completó una carrera|compartió una contraseña|è arrivat[oa] (?:a casa|al lavoro|in ufficio)|è uscit[oa] dal (?:lavoro|ufficio)|ha aggiunto \d+ foto|is (?:thuis|op het werk|op kantoor) aangekomen|is van (?:het werk|kantoor) vertrokken|heeft een wachtwoord met je gedeeld|heeft \d+ foto's toegevoegd|(?:has )?(?:declined|accepted|tentatively accepted) (?:this|the|your) (?:event|invitation|invite|meeting)|(?:has )?invited you to|proposed a new time|shared (?:their|his|her|a) (?:live )?location|applied (?:for|to) (?:the )?(?:senior |junior |lead )?\p{L}|(?:removed|added) (?:you|\p{L}+(?: \p{L}+\.?){0,2}) (?:from|to) the (?:group|chat|channel|conversation|call|team)|(?:joined|left) the (?:group|chat|conversation|call|meeting)\b|(?:pinned|unpinned) a message|changed the (?:group|chat) (?:name|photo|icon|description)|created (?:the|this) group|started a (?:video |voice )?call|hat (?:dich|sie|euch) (?:zur|zu der|in die) gruppe hinzugefügt|hat (?:dich|sie) aus der gruppe entfernt|hat eine nachricht angeheftet|hat sich (?:auf|für) (?:die|den|das|eine|einen) \p{L}+ beworben|hat (?:die einladung |den termin )?(?:zugesagt|abgesagt|angenommen|abgelehnt)|hat (?:seinen|ihren) standort geteilt|vous a ajoutée? au groupe|a (?:refusé|accepté) (?:cet|l'|votre|ton) (?:événement|invitation)|a postulé (?:au|à|pour)|a épinglé un message|a partagé sa position|te (?:añadió|agregó) al grupo|(?:rechazó|aceptó) (?:este|el) evento|se postuló (?:para|a)|fijó un mensaje|compartió su ubicación|ti ha aggiunto al gruppo|ha (?:rifiutato|accettato) l'evento|si è candidat[oa] per|ha fissato un messaggio|ha condiviso la sua posizione|heeft (?:je|jou|u) aan de groep toegevoegd|heeft (?:deze|de) afspraak (?:geweigerd|geaccepteerd)|heeft (?:gesolliciteerd|op \p{L}+ gesolliciteerd)|heeft een bericht vastgezet|heeft (?:zijn|haar) locatie gedeeld|approved (?:these changes|this (?:pull|merge) request|your (?:pull|merge) request|the (?:pull|merge) request)|edited (?:this|the) (?:page|document|doc|wiki|post|file)|(?:opened|closed|reopened|merged) (?:this|the|a|an) (?:issue|pull request|merge request|ticket)|reviewed (?:your|this|the) (?:pull request|merge request|changes|code)|a approuvé (?:ces|les|vos|tes) modifications|a modifié (?:cette|la) page|a demandé des modifications|hat (?:die|diese) änderungen (?:genehmigt|freigegeben|angefordert)|hat (?:diese|die) seite bearbeitet|hat änderungen angefordert|heeft (?:de|deze) wijzigingen goedgekeurd|heeft (?:deze|de) pagina bewerkt|heeft wijzigingen aangevraagd|aprobó (?:estos|los) cambios|editó (?:esta|la) página|solicitó cambios|ha approvato (?:le|queste) modifiche|ha modificato (?:questa|la) pagina|ha richiesto (?:delle )?modifiche|mentioned you|a commenté (?:ta|votre)|hat (?:dein|deinen|ihr) \p{L}+ kommentiert|heeft op (?:je|jouw) \p{L}+ gereageerd|ha commentato (?:la tua|il tuo)|comentó (?:tu|en tu)|(?:joined|left) the (?:lobby|game|match|server|party|squad|channel|stream|raid|room|queue|team chat)\b|viewed your (?:profile|story)|liked your (?:profile|photo|story)|super liked you|sent you a (?:message|like|wink|friend request)|is (?:live now|now live|streaming)|went live|score[sd] (?:in the \d|a (?:goal|hat-trick|penalty|brace)|(?:his|her|their) )|(?:comes|came) on for |trifft (?:in der|zum)|scoort in de|marque à la|marca en el|segna al)/u;
/** Relatives named by their title, capitalised before the name: "Uncle X", "Onkel X", "Tonton X", "Tía X". */
const KIN_TITLES_WORDS = [
  "uncle",
  "aunt",
  "auntie",
  "grandma",
  "grandpa",
  "granny",
  "nana",
  "cousin",
  "onkel",
  "tante",
  "oma",
  "opa",
  "tonton",
  "tata",
  "tatie",
  "mamie",
  "papi",
  "tío",
  "tía",
  "abuela",
  "abuelo",
  "zio",
  "zia",
  "nonna",
  "nonno",
  "oom",
  "neef",
  "nicht",
];
/** Nothing but blanks, then the text's end or a mark that ends a clause, follows `k`. */
function clauseEndAfter(k: number): boolean {
  while (k < text.length && isSpace(text.charCodeAt(k))) k++;
  if (k >= text.length) return true;
  const c = text.charCodeAt(k);
  return (
    c === 10 || c === 13 || c === 46 || c === 44 || c === 33 || c === 63 || c === 59 || c === 41 || c === 40
  );
}
/** Token i is the "al" of a citation's "et al." or "et al," ("X et al. (2019)"), not the given name Al. */
function etAl(i: number): boolean {
  if (i < 1 || !tokIs(i, "al") || !tokIs(i - 1, "et") || !onlySpaces(te[i - 1]!, ts[i]!)) return false;
  const c = codeAt(te[i]!);
  return c === 46 || c === 44 || (c === 32 && codeAt(te[i]! + 1) === 40);
}
/**
 * Where the name starts in segment s that took in its byline's preposition ("Di Fiorella, inviato speciale": Italian
 * "Di" opens surnames too, so the chain joins it), or undefined.
 */
function bylineStart(s: Seg): number | undefined {
  if (s.a === s.b || !lineStart(text, s.start) || codeAt(s.end) !== 44) return undefined;
  if (!(tokIs(s.a, "di") || cue(s.a) & C_BYLINE_BY)) return undefined;
  return PRESS_ROLE_RE.test(lower.slice(s.end + 1, s.end + 32)) ? ts[s.a + 1] : undefined;
}
/**
 * Segment s is one word of a sign-off that opens a sentence after another on its line, a comma and a name to the
 * line's end after it: "Happy birthday! Love, X".
 */
function signoffMidLine(s: Seg): boolean {
  if (codeAt(s.end) !== 44 || s.b + 1 >= n || !SIGNOFFS.has(lower.slice(s.start, s.end))) return false;
  let k = s.start - 1;
  while (k >= 0 && SPACE(text.charCodeAt(k))) k--;
  const c = k >= 0 ? text.charCodeAt(k) : -1;
  return (c === 33 || c === 46 || c === 63) && lineEnd(text, te[Math.min(n - 1, s.b + 3)]!);
}
/** Breeds and kinds of pet, as a vet's or a groomer's records write them after the pet's name in brackets. */
const BREEDS = wordSet(
  (
    "dog cat puppy kitten rabbit hamster parrot labrador retriever labradoodle goldendoodle cockapoo cavapoo poodle " +
    "beagle bulldog terrier spaniel shepherd husky dachshund chihuahua pug boxer collie rottweiler doberman " +
    "schnauzer corgi pomeranian maltese yorkie greyhound whippet vizsla weimaraner setter pointer sheepdog mastiff " +
    "akita samoyed malamute dalmatian bichon shih-tzu havanese siamese persian ragdoll bengal sphynx tabby " +
    "mixed mix dsh dlh hund katze kater hond kat chien chat perro gato cane gatto"
  ).split(" "),
);
/**
 * Segment s is a pet's name before its breed in brackets ("Bella (Labrador)"), or the breed in brackets after a
 * capitalised word.
 */
function petAndBreed(s: Seg): boolean {
  // (the pet's name may be two words: "Mr Biscuit (Beagle)")
  if (s.b - s.a > 1) return false;
  const after = te[s.b]!;
  if (codeAt(after) === 32 && codeAt(after + 1) === 40) {
    const q = s.b + 1;
    return (
      q < n && ts[q] === after + 2 && codeAt(te[q]!) === 41 && BREEDS.getRange(lower, ts[q]!, te[q]!) !== 0
    );
  }
  if (s.a === s.b && codeAt(s.start - 1) === 40 && codeAt(after) === 41 && s.start >= 3)
    return codeAt(s.start - 2) === 32 && BREEDS.getRange(lower, ts[s.a]!, te[s.a]!) !== 0;
  return false;
}
/** A window title's app after its subject: " - ", " – ", " | ". */
const TITLE_APP_AFTER_RE = /^ [-–—|] \S/;
/** Devices people name for themselves, after the owner's possessive ("X's iPhone"). */
const DEVICES = wordSet(
  (
    "iphone ipad ipod macbook imac mac airpods airtag homepod watch apple galaxy pixel laptop phone pc computer " +
    "tablet kindle surface thinkpad chromebook echo beats buds earbuds headphones hotspot printer tv switch xbox " +
    "playstation ps5 car tesla"
  ).split(" "),
);
/** Makers of devices, whose possessive names a product, not an owner ("Apple's iPhone", "Google's Pixel"). */
const DEVICE_MAKERS = wordSet(
  "apple google samsung microsoft amazon sony huawei xiaomi dell lenovo hp asus acer nokia motorola oneplus garmin fitbit bose tesla".split(
    " ",
  ),
);
/**
 * Token p - 1 is a noun of BYLINE_NOUNS, in a text with capitals, and p its "by": a photo "de", "di", "von", "van"
 * someone is as often of a place ("Foto di Parigi", "Fotos von Paris"), so a photo's "by" must mean only by.
 */
function bylineNounBefore(p: number): boolean {
  if (lowerMode || !sameLen || BYLINE_NOUNS.getRange(lower, ts[p - 1]!, te[p - 1]!) === 0) return false;
  return (
    PHOTO_NOUNS.getRange(lower, ts[p - 1]!, te[p - 1]!) === 0 || PHOTO_BY.has(lower.slice(ts[p]!, te[p]!))
  );
}
/** "By" that means only by, after a photo: "Photo by X", "Photo par X", "Foto door X". */
const PHOTO_BY = new Set(["by", "par", "por", "door", "da"]);
/** A colon and a count follow `pos`: ": 214 items". */
function countAfter(pos: number): boolean {
  // (French puts a space before the colon: "Photos de X : 214 éléments")
  if (codeAt(pos) === 32 || codeAt(pos) === 0xa0 || codeAt(pos) === 0x202f) pos++;
  if (codeAt(pos) !== 58) return false;
  let c = codeAt(pos + 1) === 32 ? codeAt(pos + 2) : codeAt(pos + 1);
  if (c >= 48 && c <= 57) return true;
  // a memory's age: "Erinnerungen mit X: vor 3 Jahren", "Souvenirs avec X : il y a 3 ans", "Recuerdos con X: hace 3 años"
  const m = AGO_BEFORE_COUNT_RE.exec(lower.slice(pos + 1, pos + 12));
  if (m === null) return false;
  c = codeAt(pos + 1 + m[0].length);
  return c >= 48 && c <= 57;
}
/** A time ago before its count, after a colon. */
const AGO_BEFORE_COUNT_RE = /^ ?(?:vor|il y a|hace|fa|geleden) /;
/** What a ticket or a presence says of a person after the name. */
const PRESENCE_RE =
  /^(?:(?:cannot|can't|can not|is unable to) (?:log ?in|sign ?in|access|reset)|left you a (?:voicemail|message|note|comment|review|tip)|sent you (?:a |an )?(?:[$€£¥]|\d)|is (?:covering|standing in|filling in|out sick|off sick|on leave|away\b))/;
/** A department after a person: " from HR", " from Finance", " (IT)". */
const DEPARTMENT_AFTER_RE =
  /^ from (?:HR|IT|Finance|Legal|Sales|Marketing|Support|Accounting|Payroll|Security|Ops|Operations|Procurement|Facilities|Recruiting|Engineering|Compliance|Customer Success|People Ops)\b/;
/** The rest of a two people's meeting title after the first name: " x Y sync", " x Y 1:1", " x Y catch-up". */
const PAIR_MEETING_RE = /^ x \S+(?: \S+){0,2} (?:sync|1:1|1on1|catch-?up|notes|intro|meeting|call)\b/i;
/** A calendar's reply opens the line: "Accepted: ", "Declined: ", "Zugesagt: ", "Accepté : ". */
const CALENDAR_REPLY_RE =
  /^\s*(?:accepted|declined|tentative|tentatively accepted|updated invitation|invitation|zugesagt|abgesagt|abgelehnt|mit vorbehalt|angenommen|einladung|accepté|refusé|provisoire|aceptado|rechazado|provisional|invitación|accettato|rifiutato|provvisorio|invito|geaccepteerd|geweigerd|voorlopig|uitnodiging)\s?:/;
/** A journalist's role after the byline's name and its comma. */
const PRESS_ROLE_RE =
  /^ (?:(?:staff|senior|chief|special|foreign|political|business|sports|science|tech|health) )?(?:reporter|writer|correspondent|editor|journalist|columnist|contributor)|^ (?:journaliste|rédact(?:eur|rice)|correspondante?|envoyée? spéciale?|chroniqueu(?:r|se))|^ (?:redacci[oó]n|redactora?|periodista|corresponsal|enviad[oa] especial|columnista)|^ (?:inviat[oa] special[ei]|giornalista|corrispondente|redazione|editorialista)|^ (?:verslaggever|correspondent|redacteur|journalist|columnist|redactie)|^ (?:redakteur(?:in)?|korrespondent(?:in)?|reporter(?:in)?|journalist(?:in)?|kolumnist(?:in)?|redaktion)\b/u;
/** A podcast's or a show's episode opens the line: "Episode 42:", "Ep. 7 –", "Folge 12:", "Aflevering 3". */
const EPISODE_LINE_RE = /^\s*(?:episode|ep\.?|épisode|episodio|folge|aflevering|podcast)\s*#?\d/;
/** Who a person is, in apposition after a quote's verb and the name: ", a spokesperson for", ", the company's CEO". */
const APPOSITION_RE =
  /^ (?:a|an|the) (?:[\p{L}'-]+ ){0,2}?(?:spokes(?:person|woman|man)|representative|professor|researcher|director|manager|ceo|founder|co-founder|lecturer|analyst|economist|engineer|doctor|nurse|lawyer|attorney|teacher|student|resident|neighbo(?:u)?r|owner)\b/u;
const C_STAFF = 1 << 30;
/**
 * Staff an appointment is with, before the name ("instructor X", "your stylist X"), and who supervises a thesis
 * ("Directeur de thèse").
 */
const STAFF_WORDS = [
  // (and a pet's or a thing's owner: "Rex (Beagle) - owner X")
  "owner",
  "besitzer",
  "besitzerin",
  "halter",
  "halterin",
  "eigenaar",
  "dueño",
  "dueña",
  "instructor",
  "trainer",
  "trainerin",
  "coach",
  "stylist",
  "stylistin",
  "hairdresser",
  "barber",
  "friseur",
  "friseurin",
  "kapper",
  "kapster",
  "coiffeur",
  "coiffeuse",
  "estilista",
  "peluquero",
  "peluquera",
  "parrucchiere",
  "parrucchiera",
  "istruttore",
  "istruttrice",
  "entrenador",
  "entrenadora",
  "moniteur",
  "monitrice",
  "therapist",
  "physio",
  "physiotherapist",
  "masseur",
  "masseuse",
  "tutor",
  "directeur",
  "directrice",
  "director",
  "directora",
  "relatore",
  "relatrice",
];
/** "assigned to" and its kin of the hold-out languages, as the two words before a person. */
const ASSIGNED_WORDS = [
  "assigned",
  "reassigned",
  // an incident's: "Escalated to X (secondary on-call)", "eskaliert an X"
  "escalated",
  "eskaliert",
  "geëscaleerd",
  "escaladé",
  "escalado",
  "escalato",
  "delegated",
  "delegiert",
  "zugewiesen",
  "zugeordnet",
  "toegewezen",
  "asignado",
  "asignada",
  "assegnato",
  "assegnata",
  "attribué",
  "attribuée",
];
const ASSIGNED_TO_WORDS = ["to", "an", "aan", "a", "à"];
const RELATION_RE =
  /^(?:mother|father|mom|mum|dad|wife|husband|spouse|partner|son|daughter|sister|brother|parent|guardian|friend)\)/i;

/** A chat log's time in brackets starts the line before `pos`: "[10:42] ", "[2025-03-01 10:42] ". */
function afterTimestamp(pos: number): boolean {
  let k = pos - 1;
  while (k >= 0 && SPACE(text.charCodeAt(k))) k--;
  if (k < 4 || text.charCodeAt(k) !== 93) return false;
  const open = text.lastIndexOf("[", k);
  if (open < 0 || k - open > 24 || !lineStart(text, open)) return false;
  const inside = text.slice(open + 1, k);
  return /^(?:\d{4}-\d{2}-\d{2}[ T])?\d{1,2}:\d{2}(?::\d{2})?(?: ?[AaPp][Mm])?$/.test(inside);
}

/** The line or text ends at `pos` (not in lower-case chat), or a comma and a day or a month follow ("X, 3 May"). */
function dateOrLineEnd(pos: number): boolean {
  // (the line's end only in a text with capitals: lower-case notes end lines with "— opcodes")
  if (!lowerMode && lineEnd(text, pos)) return true;
  if (codeAt(pos) !== 44 || codeAt(pos + 1) !== 32) return false;
  const c = codeAt(pos + 2);
  if (c >= 48 && c <= 57) return true;
  let e = pos + 2;
  while (e < text.length && e - pos < 14 && LETTER_RE.test(text[e]!)) e++;
  return MONTHS_SHORT.getRange(lower, pos + 2, Math.min(e, pos + 5)) !== 0;
}

/** The clause ends at `pos`: punctuation or a dash follows (after spaces), or the text ends. */
function clauseEndsAt(pos: number): boolean {
  let k = pos;
  while (k < text.length && SPACE(text.charCodeAt(k))) k++;
  if (k >= text.length) return true;
  const c = text.charCodeAt(k);
  if (c === 0x2014 || c === 0x2013) return true;
  if (k === pos) return c === 44 || c === 46 || c === 33 || c === 63 || c === 10;
  return c === 45 && SPACE(text.charCodeAt(k + 1));
}

/**
 * The sentence holding `pos` opens with a greeting or thanks, a comma before `pos` ends it, and it is short:
 * "Thanks for the intro, X", "Good morning everyone, X".
 */
function greetingOpens(pos: number): boolean {
  const comma = text.lastIndexOf(",", pos - 1);
  let k = comma - 1;
  while (k >= 0 && comma - k < 48) {
    const c = text.charCodeAt(k);
    // (an opening quote or bracket starts the greeting too: 'print("Welcome back, X!")')
    if (c === 10 || c === 46 || c === 33 || c === 63 || c === 44 || c === 34 || c === 40 || c === 96) break;
    k--;
  }
  if (comma - k >= 48) return false;
  let i = 0;
  while (i < n && te[i]! <= k) i++;
  // (and what follows the greeting is no name: "dzięki grzy, zadzwonię jutro" thanks a person, then goes on)
  return (
    i + 1 < n &&
    ts[i + 1]! < comma &&
    (wv(i) & W_GREET) !== 0 &&
    (cat[i + 1] === CAT_NONE ||
      (cat[i + 1] === -1 && categorise(i + 1) === CAT_NONE) ||
      // (a common word that is no name: lower-case chat makes "team" a candidate)
      (fullBits(i + 1) & (L_COMMON | L_FIRST | L_LAST)) === L_COMMON)
  );
}

/**
 * Lists: "Kónya, Becker and Vasquez", "Park and Mann were". Members joined by commas and "and"
 * are people when one of them is a known person or two of them are names.
 */
function coordinate(list: Seg[]): void {
  let g = 0;
  while (g < list.length) {
    // "Best, Anna Smith": a sign-off starting its line is no member of a list
    const first = list[g]!;
    if (
      (first.a === first.b &&
        lineStart(text, first.start) &&
        SIGNOFFS.has(lower.slice(first.start, first.end))) ||
      signoffWord(first)
    ) {
      g++;
      continue;
    }
    let h = g;
    while (h + 1 < list.length && joined(list[h]!, list[h + 1]!)) h++;
    if (h > g && cityList(list, g, h)) {
      // "in Austin, Dallas and Houston", "the Lyon and Lille offices": places, all of them
      for (let x = g; x <= h; x++) list[x]!.score = 0;
    } else if (h > g) {
      let named = 0;
      let found = 0;
      let maxWords = 0;
      for (let x = g; x <= h; x++) {
        const s = list[x]!;
        if (s.score >= 0.5) found++;
        if (s.strong + s.extra > 0 || (s.weak > 0 && !lowerMode)) named++;
        maxWords = Math.max(maxWords, s.words);
      }
      const last = list[h]!;
      const q = last.b + 1;
      const verbAfter = q < n && tk[q]! & K_LOWER && (wv(q) & W_COORD_VERB) !== 0;
      const size = h - g + 1;
      // "Troby and Wift are meeting at": unlisted names, then what people do together
      let unlisted = 0;
      for (let x = g; x <= h; x++) {
        const s = list[x]!;
        if (s.unknown >= 1 && s.weak === 0 && !innerCapitals(s.a, s.b)) unlisted++;
      }
      const doing = verbAfter && unlisted === size && q + 1 < n && (wv(q + 1) & W_AFTER_AUX) !== 0;
      // (two in lower-case chat with a comma alone between, the second in no list, are as often a name and the
      // next clause: "holf k. masłodera, mieszka przy")
      const clause =
        lowerMode &&
        size === 2 &&
        // (not a list after a label that fills its line: "cc: meld, jeroy"; "patient: kariane, dob on file" is one)
        !(prevNonSpace(text, list[g]!.start) === 58 && lineEnd(text, list[h]!.end)) &&
        list[h]!.strong + list[h]!.extra === 0 &&
        text.charCodeAt(list[g]!.end + possLen(list[g]!.b)) === 44;
      // (members joined by ";" only after a label: "Attendees: A; B; C", not "ca; catalan; valencian")
      const semicolons = !afterLabel(list[g]!) && semicolonIn(list, g, h);
      if (
        !clause &&
        !semicolons &&
        maxWords <= 3 &&
        (found >= 1 || named >= 2 || (named >= 1 && (verbAfter || size >= 3)) || doing)
      ) {
        for (let x = g; x <= h; x++) {
          const s = list[x]!;
          // (not words of a script without case in no list: after a name, "כרם התימנים" is as often its address)
          if (s.unknown > 0 && caselessRun(s.a, s.b)) continue;
          // (nor a lower-case word after an article: "thanks for the intro, noredsen" is no list of two)
          if (lowerMode && s.a > 0 && (tokIs(s.a - 1, "the") || tokIs(s.a - 1, "a") || tokIs(s.a - 1, "an")))
            continue;
          // (nor a citation's "et al.": "x et al. (2019)")
          if (s.a === s.b && (etAl(s.a) || signoffMidLine(s))) continue;
          s.score = Math.max(s.score, 0.6);
        }
      }
    }
    g = h + 1;
  }
}
/** A label of a name and a colon stand right before segment s ("Attendees: X"). */
function afterLabel(s: Seg): boolean {
  const p = s.a - 1;
  return p >= 0 && loneMark(te[p]!, ts[s.a]!) === 58 && (wv(p) & W_LABEL) !== 0;
}

/** A ";" joins two of the segments g..h. */
function semicolonIn(list: Seg[], g: number, h: number): boolean {
  for (let x = g; x < h; x++) {
    const from = list[x]!.end + possLen(list[x]!.b);
    if (text.charCodeAt(from) === 59) return true;
  }
  return false;
}

/** Segments g..h are one-word cities, and the words before the first or after the last make them places. */
function cityList(list: Seg[], g: number, h: number): boolean {
  for (let x = g; x <= h; x++) {
    const s = list[x]!;
    if (s.a !== s.b || !(bitsOf[s.a]! & L_CITY) || s.titled) return false;
  }
  return cityContext(list[g]!.a) || cityContext(list[h]!.b);
}
function joined(x: Seg, y: Seg): boolean {
  const from = x.end + possLen(x.b);
  const len = y.start - from;
  if (len < 1 || len > 7) return false;
  // (a noun after a German preposition with its article ends a clause, not a list: "X ist im Urlaub, Y vertritt sie")
  if (x.a > 0 && NOUN_OR_VERB_BEFORE.getRange(lower, ts[x.a - 1]!, te[x.a - 1]!) === NV_NOUN) return false;
  // (nor the last word of a condolence before the name: "Ruhe in Frieden, X")
  if (
    GATE_BEFORE.getRange(lower, ts[x.b]!, te[x.b]!) & G_CONDOLENCE &&
    sameLen &&
    CONDOLENCE_BEFORE_RE.test(lower.slice(Math.max(0, y.start - 24), y.start))
  )
    return false;
  // (nor the next field's label: "Steuerpflichtiger: X, Ehegatte: Y")
  if (y.a === y.b && codeAt(te[y.b]!) === 58 && (wv(y.a) & W_LABEL) !== 0) return false;
  return JOIN_RE.test(text.slice(from, y.start));
}

let catBuf = new Int8Array(256);
let bitsBuf = new Int32Array(256);
const JOIN_RE = /^(?:[,;]\s?|\s(?:and|&|or|und|et|y|e|og|och|en)\s|,\s(?:and|&|or)\s)$/;

/**
 * "i'm", "it's", "don't", "we'll" in lower[s..e): an apostrophe after 1-4 letters and a clitic, or after any word
 * "n't", "'re", "'ve" or "'ll".
 */
function contraction(s: number, e: number): boolean {
  // any word before "n't", "'re", "'ve", "'ll": "weren't", "shouldn't", "there're", "would've"
  if (e - s >= 5) {
    const ap3 = lower.charCodeAt(e - 3);
    if (ap3 === 39 || ap3 === 0x2019) {
      const c1 = lower.charCodeAt(e - 2);
      const c2 = lower.charCodeAt(e - 1);
      if ((c1 === 114 && c2 === 101) || (c1 === 118 && c2 === 101) || (c1 === 108 && c2 === 108)) return true;
    }
    const ap2 = lower.charCodeAt(e - 2);
    if ((ap2 === 39 || ap2 === 0x2019) && lower.charCodeAt(e - 1) === 116 && lower.charCodeAt(e - 3) === 110)
      return true;
  }
  for (let k = s + 1; k <= s + 4 && k < e; k++) {
    const c = lower.charCodeAt(k);
    if (c !== 39 && c !== 0x2019) continue;
    const rest = e - k - 1;
    const c1 = lower.charCodeAt(k + 1);
    if (rest === 1) return c1 === 109 || c1 === 115 || c1 === 116 || c1 === 100; // m s t d
    if (rest === 2) {
      const c2 = lower.charCodeAt(k + 2);
      return (c1 === 118 && c2 === 101) || (c1 === 108 && c2 === 108) || (c1 === 114 && c2 === 101); // ve ll re
    }
    return false;
  }
  return false;
}

/** surnameEnding() on str[s..e) without slicing. */
function surnameEndingRange(str: string, s: number, e: number): boolean {
  const len = e - s;
  if (len < 5) return false;
  const list = endingsFor(str.charCodeAt(e - 1));
  if (!list) return false;
  for (const end of list) {
    if (len < end.length + 3) continue;
    let ok = true;
    for (let k = 1; k < end.length && ok; k++)
      ok = str.charCodeAt(e - 1 - k) === end.charCodeAt(end.length - 1 - k);
    if (ok) return true;
  }
  return false;
}

function endingsFor(lastChar: number): string[] | undefined {
  if (!endingsByLast) {
    endingsByLast = new Map();
    for (const e of SURNAME_ENDINGS) {
      const last = e.charCodeAt(e.length - 1);
      const list = endingsByLast.get(last) ?? [];
      list.push(e);
      endingsByLast.set(last, list);
    }
  }
  return endingsByLast.get(lastChar);
}

/** Surname endings by their last character, for one Map lookup per unknown word. */
let endingsByLast: Map<number, string[]> | undefined;
function surnameEnding(key: string): boolean {
  return surnameEndingRange(key, 0, key.length);
}

/**
 * The strength of the introduction that token t ends ("my name is", "call me", "named him", "I'm",
 * "follow up with"): 2 accepts unknown words after it, 1 accepts known names only, 0 none.
 */
function introEndingAt(t: number): number {
  const s = ts[t]!;
  const len = te[t]! - s;
  if (len < 2 || len > 9 || tk[t]! & (K_DIGITS | K_MARKS)) return 0;
  // is, me, am, to, i'm, him, her, with: compared in place (most tokens fail on their first letters)
  const c = lower.charCodeAt(s);
  const d = lower.charCodeAt(s + 1);
  if (len > 4) return namingVerb(t) ? 2 : 0;
  if (len === 2) {
    if (c === 105) return d === 115 && (tokIs(t - 1, "name") || tokIs(t - 1, "naam")) ? 2 : 0; // is
    if (c === 101) return d === 115 && tokIs(t - 1, "nombre") ? 2 : 0; // es
    if (c === 109) return d === 101 && (tokIs(t - 1, "call") || tokIs(t - 1, "calls")) ? 2 : 0; // me
    if (c === 97) return d === 109 && tokIs(t - 1, "i") ? 1 : 0; // am
    if (c === 116) return d === 111 && (tokIs(t - 1, "talk") || tokIs(t - 1, "speak")) ? 1 : 0; // to
    return 0;
  }
  if (len === 3) {
    const f = lower.charCodeAt(s + 2);
    if (c === 105) {
      if (d === 115 && f === 116) return tokIs(t - 1, "name") ? 2 : 0; // ist
      return (d === 39 || d === 0x2019) && f === 109 ? 1 : 0; // i'm
    }
    if (c === 101) return d === 115 && f === 116 && tokIs(t - 1, "nom") ? 2 : 0; // est
    if (c === 104 && ((d === 105 && f === 109) || (d === 101 && f === 114)))
      // him, her
      return tokIs(t - 1, "named") || tokIs(t - 1, "called") ? 2 : 0;
    return 0;
  }
  if (c === 119 && d === 105 && lower.charCodeAt(s + 2) === 116 && lower.charCodeAt(s + 3) === 104)
    return tokIs(t - 1, "up") && tokIs(t - 2, "follow") ? 1 : 0; // with
  return c === 104 && namingVerb(t) ? 2 : 0; // heet
}

/**
 * Token t, read in `lower`, is the ASCII word `w` (what wid(t) === the id of w means, without a lookup:
 * a token with a combining mark never normalises to an ASCII word).
 */
function tokIs(t: number, w: string): boolean {
  if (t < 0) return false;
  const s = ts[t]!;
  if (te[t]! - s !== w.length || tk[t]! & K_MARKS) return false;
  for (let k = 0; k < w.length; k++) if (lower.charCodeAt(s + k) !== w.charCodeAt(k)) return false;
  return true;
}

/** Names after an introduction that the capitalised chains miss: "call me višeslav", "name is Key". */
function lowercaseAfterIntro(toks: Tokens, out: Detection[]): void {
  if (lower.length !== text.length) return;
  const starts = toks.start;
  const ends = toks.end;
  const count = toks.count;
  for (let t = 0; t + 1 < count; t++) {
    // introEndingAt's first tests in place: only words of two to four letters, and the verbs of namingVerb, can
    // end an introduction
    const len = ends[t]! - starts[t]!;
    if (len < 2 || len > 9) continue;
    if (len > 4) {
      const c0 = lower.charCodeAt(starts[t]!);
      if ((c0 !== 104 && c0 !== 108 && c0 !== 99 && c0 !== 109) || len === 7 || len === 8) continue;
    }
    const strength = introEndingAt(t);
    if (strength === 0) continue;
    const i = t + 1;
    if (
      toks.start[i]! - toks.end[t]! !== 1 ||
      text.charCodeAt(toks.end[t]!) !== 32 ||
      toks.kind[i]! & K_DIGITS
    )
      continue;
    const strongContext = strength === 2;
    if (toks.kind[i]! & K_CAP) {
      // the capitalised chains handle capitalised names; this adds the common words among them
      if (cat[i] !== CAT_NONE && cat[i] !== -1) continue;
      // a capitalised common word that names someone: "Her maiden name is Key", "named him Frank"
      const b0 = fullBits(i);
      const e0 = toks.end[i]!;
      const endsClause = e0 >= text.length || /^\s*(?:$|[.,!?;)\n])/.test(text.slice(e0, e0 + 2));
      if (
        strongContext &&
        endsClause &&
        !(b0 & (L_FUNCTION | L_CALENDAR | L_TITLE)) &&
        e0 - toks.start[i]! >= 3
      )
        out.push({ start: toks.start[i]!, end: e0, type: "PERSON", score: 0.7, level: 3, recognizer: ID });
      continue;
    }
    if (!(toks.kind[i]! & K_LOWER)) continue;
    const b1 = fullBits(i);
    const isName1 = (b1 & (L_FIRST | L_LAST | L_EXTRA)) !== 0 && !(b1 & (L_COMMON | L_CALENDAR));
    const unknown1 = (b1 & ~L_CITY) === 0 && toks.end[i]! - toks.start[i]! >= 3;
    if (!isName1 && !(strongContext && unknown1)) continue;
    let end = toks.end[i]!;
    const j = i + 1;
    let second = false;
    if (
      j < toks.count &&
      toks.kind[j]! & K_LOWER &&
      toks.start[j]! - end === 1 &&
      text.charCodeAt(end) === 32
    ) {
      const b2 = fullBits(j);
      if (b2 & (L_LAST | L_EXTRA) && !(b2 & (L_COMMON | L_CALENDAR))) {
        end = toks.end[j]!;
        second = true;
      }
    }
    if (!strongContext && !(second && b1 & L_FIRST)) continue;
    out.push({ start: toks.start[i]!, end, type: "PERSON", score: 0.7, level: 3, recognizer: ID });
  }
}

/** "@anna.smith", "@Anna": a handle whose parts hold a known name, or a capitalised unknown handle. */
function mentions(toks: Tokens, out: Detection[]): void {
  for (let at = text.indexOf("@"); at >= 0; at = text.indexOf("@", at + 1)) {
    const prev = at > 0 ? text.charCodeAt(at - 1) : 32;
    const wordBefore =
      (prev >= 48 && prev <= 57) ||
      (prev >= 65 && prev <= 90) ||
      (prev >= 97 && prev <= 122) ||
      prev === 46 ||
      prev === 95 ||
      prev === 45 ||
      prev >= 0xc0;
    if (wordBefore) continue;
    const i = tokenAt(toks, at + 1);
    if (i < 0) continue;
    // a documentation tag or a decorator in code: "@param", "@returns", "@Injectable"
    if (CODE_TAGS.has(lower.slice(toks.start[i]!, toks.end[i]!)) && !/[._-]/.test(text[toks.end[i]!] ?? ""))
      continue;
    // the handle runs over "." "_" "-" joined tokens: anna.smith, anna_smith
    let j = i;
    while (j + 1 < toks.count && toks.start[j + 1]! - toks.end[j]! === 1 && /[._-]/.test(text[toks.end[j]!]!))
      j++;
    let name = false;
    let common = false;
    for (let t = i; t <= j; t++) {
      const b = fullBits(t);
      if (b & (L_FIRST | L_LAST | L_EXTRA) && !(b & (L_COMMON | L_CALENDAR))) name = true;
      if (b & (L_COMMON | L_CALENDAR | L_PLACE)) common = true;
    }
    const end = toks.end[j]!;
    const emailLike = codeAt(end) === 46 && /[A-Za-z]/.test(text[end + 1] ?? "");
    const score = name ? 0.8 : !common && toks.kind[i]! & K_CAP && j === i ? 0.6 : 0;
    const start = toks.start[i]!;
    // ("cc @Kuefer": the name may be found already, after "cc")
    if (score && !emailLike && !out.some((d) => d.start === start && d.end === end))
      out.push({ start, end, type: "PERSON", score, level: 3, recognizer: ID });
  }
}

/** Possessives before a role, opening the sentence: "Ihre Fahrerin X", "Votre chauffeuse X", "Je chauffeur X". */
const ROLE_POSSESSIVES = new Set([
  "your",
  "my",
  "our",
  "ihr",
  "ihre",
  "dein",
  "deine",
  "unser",
  "unsere",
  "votre",
  "ton",
  "ta",
  "notre",
  "tu",
  "su",
  "je",
  "jouw",
  "uw",
  "onze",
  "tuo",
  "tua",
  "vostro",
  "vostra",
  "nostro",
  "nostra",
  "mio",
  "mia",
]);
/** Articles that Italian and Portuguese put before a possessive: "il tuo", "la tua", "o seu". */
const ARTICLES_BEFORE_POSSESSIVE = new Set(["il", "la", "i", "le", "o", "a"]);
/** "Of" after a presence: "in the presence of X", "en présence de X", "in Anwesenheit von X". */
const PRESENCE_OF = new Set(["of", "de", "von", "di", "van", "da"]);
/**
 * A presence, before its "of": "presence", "présence", "Anwesenheit", "presencia", "presenza", "aanwezigheid" (in
 * TOWARDS_NOUNS too, so that they end a name's chain).
 */
const PRESENCE_NOUN_WORDS = [
  "presence",
  "présence",
  "anwesenheit",
  "beisein",
  "presencia",
  "presenza",
  "aanwezigheid",
  "bijzijn",
];
const PRESENCE_NOUNS = wordSet(PRESENCE_NOUN_WORDS);
/** The words between a photo and what it shows: "Photos of", "Foto di", "Foto's van", "Fotos aus". */
const PHOTO_OF = new Set([
  "of",
  "from",
  "di",
  "da",
  "van",
  "uit",
  "von",
  "aus",
  "de",
  "du",
  "des",
  "del",
  "della",
  "do",
]);
/** Words before a city that make it a place ("in Paris") and after it ("the Denver office"). */
const CITY_BEFORE = new WordTable(
  // "en" (Spanish and French "in") is left out: in Dutch it is "and" ("Jan en Austin"); Italian and Spanish "a" too:
  // "ho scritto a Sofia"
  [
    "aus",
    "uit",
    "in",
    "near",
    "visiting",
    "outside",
    "around",
    "across",
    "throughout",
    "downtown",
    "à",
    "nach",
    "naar",
  ].map((w) => [w, 1] as const),
);
const CITY_AFTER = new WordTable(
  [
    "office",
    "offices",
    "branch",
    "airport",
    "campus",
    "headquarters",
    "hq",
    "area",
    "metro",
    "downtown",
    "suburbs",
    "region",
    "city",
    "based",
    "site",
    "plant",
    "warehouse",
    "store",
  ].map((w) => [w, 1] as const),
);

const BIRTH_BEFORE_RE =
  /(?:^|[^\p{L}])(?:born|birth|birthplace|né|née|geboren|nacid[oa]|nat[oa]|nascid[oa]|urodzon[ya]?)(?![\p{L}])/u;

/** Token t is a city by the words around it: "in Paris", "the Denver office", "Treaty of Paris". */
function cityContext(t: number): boolean {
  if (!sameLen) return false;
  // a place of birth stays masked: with a date of birth it narrows a person down
  if (BIRTH_BEFORE_RE.test(lower.slice(Math.max(0, ts[t]! - 40), ts[t]!))) return false;
  const p = t - 1;
  if (p >= 0 && tk[p]! & K_LOWER && onlySpaces(te[p]!, ts[t]!)) {
    if (CITY_BEFORE.getRange(lower, ts[p]!, te[p]!)) return true;
    // the name of a treaty, a university or a bank: "the Treaty of Paris", "University of Toronto"
    if (tokIs(p, "of") && p > 0 && tk[p - 1]! & K_CAP && onlySpaces(te[p - 1]!, ts[p]!)) return true;
    // a journey's end or start: "drive to Paris", "flew to Austin", "moved here from Florence", and a few words
    // after the journey's word: "flights for X to Lisbon", "trains from Lyon to Paris"
    if ((tokIs(p, "to") || tokIs(p, "from")) && p > 0)
      for (let k = p - 1; k >= 0 && k >= p - 4 && sameClause(te[k]!, ts[k + 1]!); k--)
        if (PLACE_BEFORE.getRange(lower, ts[k]!, te[k]!) !== 0) return true;
    // photos of a place, in any of the languages: "Foto di Parigi", "Foto's van Parijs", "Photos from Rome" (not
    // a given name's: "Photos of Sofia"; a photo app's person has a count after: see contextOf)
    if (
      p > 0 &&
      !(bitsOf[t]! & L_FIRST) &&
      PHOTO_NOUNS.getRange(lower, ts[p - 1]!, te[p - 1]!) !== 0 &&
      onlySpaces(te[p - 1]!, ts[p]!) &&
      PHOTO_OF.has(lower.slice(ts[p]!, te[p]!)) &&
      !countAfter(te[t]!)
    )
      return true;
  }
  const q = t + 1;
  if (q >= n) return false;
  const gap = text.charCodeAt(te[t]!);
  return (
    (onlySpaces(te[t]!, ts[q]!) || (gap === 45 && ts[q]! === te[t]! + 1)) &&
    CITY_AFTER.getRange(lower, ts[q]!, te[q]!) !== 0
  );
}

/** JSDoc, Javadoc and PHPDoc tags and common decorators and annotations: "@param" is no person. */
const CODE_TAGS = new Set(
  (
    "param arg argument returns return type typedef example see throws throw exception deprecated default since " +
    "link private public protected internal override template property prop callback description remarks module " +
    "namespace version todo license constructor class function method member memberof enum const readonly async " +
    "yields event fires listens exports import inheritdoc component injectable input output test before after " +
    "beforeeach aftereach mock entity column table id get post put delete patch suppresswarnings dataclass " +
    "staticmethod classmethod abstractmethod app router pytest fixture override functionalinterface nullable " +
    "nonnull autowired bean configuration service controller repository value transactional ts-ignore " +
    "ts-expect-error ts-check ts-nocheck jsx flow format noinspection lends augments extends implements " +
    "interface category package subpackage var global access author copyright"
  ).split(" "),
);

/** Index of the token starting exactly at `pos`, or -1 (binary search). */
export function tokenAt(toks: Tokens, pos: number): number {
  let lo = 0;
  let hi = toks.count - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = toks.start[mid]!;
    if (s === pos) return mid;
    if (s < pos) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Names of the organisation's directory: matched in any case, top confidence. */
function matchDirectory(toks: Tokens, dir: OrgDirectory, out: Detection[]): void {
  for (let i = 0; i < toks.count; i++) {
    const k = toks.kind[i]!;
    if (k & K_DIGITS) continue;
    const key = keyOf(i);
    if (!dir.tokens.has(key)) continue;
    // extend over following directory tokens ("anna schmidt")
    let j = i;
    while (
      j + 1 < toks.count &&
      /^[ \t]+$/.test(text.slice(toks.end[j]!, toks.start[j + 1]!)) &&
      dir.tokens.has(keyOf(j + 1))
    )
      j++;
    // lower-case common words ("will", "may", "will grant") are no mention of Will or Will Grant
    let allCommon = true;
    let capital = false;
    for (let t = i; t <= j; t++) {
      if (!(fullBits(t) & (L_COMMON | L_CALENDAR | L_FUNCTION))) allCommon = false;
      if (toks.kind[t]! & K_CAP) capital = true;
    }
    if (allCommon && !capital) {
      i = j;
      continue;
    }
    out.push({
      start: toks.start[i]!,
      end: toks.end[j]!,
      type: "PERSON",
      score: 0.95,
      level: 3,
      recognizer: ID,
    });
    i = j;
  }
}

/** True when the token sits inside an identifier, path, URL or e-mail rather than in prose. */
function embedded(text: string, s: number, e: number): boolean {
  const p = s > 0 ? text.charCodeAt(s - 1) : 32;
  // / \ _ = # & ? % ~ before the token
  if (p === 47 || p === 92 || p === 95 || p === 61 || p === 35 || p === 38 || p === 37 || p === 126)
    return true;
  if (p === 46 && s > 1 && !SPACE(text.charCodeAt(s - 2))) return true;
  const q = e < text.length ? text.charCodeAt(e) : 32;
  if (q === 95 || q === 47 || q === 92 || q === 64 || q === 61) return true;
  if (q === 46 && e + 1 < text.length) {
    const r = text.charCodeAt(e + 1);
    if ((r >= 97 && r <= 122) || (r >= 65 && r <= 90) || (r >= 48 && r <= 57)) return true;
  }
  return false;
}

/** The gap between two tokens of one name: 1-3 spaces, or ". " after an initial or title. */
function chainGap(text: string, from: number, to: number, afterDot: boolean): boolean {
  const len = to - from;
  if (len < 1 || len > 4) return false;
  let k = from;
  if (afterDot && text.charCodeAt(k) === 46) k++;
  if (k >= to || to - k > gapSpaces) return false;
  for (; k < to; k++) if (!SPACE(text.charCodeAt(k))) return false;
  return true;
}

/**
 * A token at a sentence start: text start, line start, or after . ! ? : ; (quotes and brackets skipped).
 * @example sentenceInitial("Hi. Anna", 4) // true
 */
export function sentenceInitial(text: string, pos: number): boolean {
  let k = pos - 1;
  while (k >= 0) {
    const c = text.charCodeAt(k);
    if (
      SPACE(c) ||
      c === 34 ||
      c === 39 ||
      c === 40 ||
      c === 91 ||
      c === 0x201c ||
      c === 0x2018 ||
      c === 0xab ||
      c === 42 ||
      c === 0x2022
    ) {
      k--;
      continue;
    }
    return (
      c === 10 ||
      c === 13 ||
      c === 46 ||
      c === 33 ||
      c === 63 ||
      c === 58 ||
      c === 59 ||
      c === 62 ||
      c === 45 ||
      c === 0x2026 ||
      commentMarkAt(text, k, c)
    );
  }
  return true;
}

/**
 * The character `c` at `k` ends a comment's or a heading's mark that opens its line ("// Parse the query", "# Set
 * up", "## Usage"): the word after it begins a sentence.
 */
function commentMarkAt(text: string, k: number, c: number): boolean {
  if (c !== 47 && c !== 35) return false;
  let j = k;
  // "//" (a lone "/" is a path's or a fraction's) or one or more "#"
  if (c === 47) {
    if (j === 0 || text.charCodeAt(j - 1) !== 47) return false;
    j -= 2;
  } else while (j >= 0 && text.charCodeAt(j) === 35) j--;
  for (; j >= 0; j--) {
    const d = text.charCodeAt(j);
    if (d === 10 || d === 13) return true;
    if (d !== 32 && d !== 9) return false;
  }
  return true;
}

function lineStart(text: string, pos: number): boolean {
  let k = pos - 1;
  while (k >= 0) {
    const c = text.charCodeAt(k);
    if (c === 10 || c === 13) return true;
    if (!(SPACE(c) || c === 62 || c === 45 || c === 42 || c === 63 || c === 0x2022)) return false;
    k--;
  }
  return true;
}

function lineEnd(text: string, pos: number): boolean {
  for (let k = pos; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 10 || c === 13) return true;
    if (!(SPACE(c) || c === 46 || c === 44)) return false;
  }
  return true;
}

function previousLine(lower: string, pos: number): string | undefined {
  const nl = lower.lastIndexOf("\n", pos - 1);
  if (nl <= 0) return undefined;
  let from = lower.lastIndexOf("\n", nl - 1);
  from = from < 0 ? 0 : from + 1;
  if (nl - from > 40) return undefined;
  return lower.slice(from, nl);
}

/** A status a table's row holds in another cell ("| on track |", "| Done |"). */
const ROW_STATUS_RE =
  /\|\s*(?:on track|off track|at risk|blocked|done|in progress|not started|open|closed|pending|complete|completed|delayed)\s*(?:\||$)/i;
/**
 * [start, end) fills a cell of a row of cells between pipes (" | X | "), and another cell of the row is a status: the
 * owner column of a status table.
 */
function pipeCell(start: number, end: number): boolean {
  let a = start - 1;
  while (a >= 0 && text.charCodeAt(a) === 32) a--;
  if (a < 0 || text.charCodeAt(a) !== 124) return false;
  let b = end;
  while (b < text.length && text.charCodeAt(b) === 32) b++;
  if (b >= text.length || text.charCodeAt(b) !== 124) return false;
  let ls = a;
  while (ls > 0 && text.charCodeAt(ls - 1) !== 10) ls--;
  let le = b;
  while (le < text.length && text.charCodeAt(le) !== 10) le++;
  return ROW_STATUS_RE.test(text.slice(b, le)) || ROW_STATUS_RE.test("|" + text.slice(ls, a + 1));
}

/** Token q opens a time after spaces: "at 3pm", "um 15 Uhr", "à 15 h", "a las 15:00", "alle 15". */
function atTimeAfter(q: number): boolean {
  if (q + 1 >= n || !onlySpaces(te[q - 1]!, ts[q]!) || !(cue(q) & C_AT_TIME)) return false;
  let r = q + 1;
  // ("a las 15:00": the article of the hour)
  if (tokIs(r, "las") && r + 1 < n && onlySpaces(te[r]!, ts[r + 1]!)) r++;
  return onlySpaces(te[r - 1]!, ts[r]!) && (tk[r]! & K_DIGITS) !== 0 && isDigit(codeAt(ts[r]!));
}

/** A camera emoji and a colon or a space open the line before `pos`: a photo's credit ("📸: X", "📷 X"). */
function cameraBefore(pos: number): boolean {
  let k = pos - 1;
  while (k >= 0 && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 58)) k--;
  if (k < 1) return false;
  // (U+1F4F7 and U+1F4F8, as UTF-16)
  const low = text.charCodeAt(k);
  if ((low !== 0xdcf7 && low !== 0xdcf8) || text.charCodeAt(k - 1) !== 0xd83d) return false;
  return k - 1 === 0 || text.charCodeAt(k - 2) === 10;
}

/** The line after the one that ends at `pos` is a mail header's "Sent:" or "Date:" line. */
function sentLineAfter(pos: number): boolean {
  let k = pos;
  while (k < text.length && text.charCodeAt(k) !== 10) k++;
  return k < text.length && SENT_LINE_RE.test(lower.slice(k + 1, k + 24));
}

/** Between the line's start and `pos`, no letter or digit: "👋 X", "- X", "> X". */
function onlyMarksBefore(pos: number): boolean {
  for (let k = pos - 1; k >= 0; k--) {
    const c = text.charCodeAt(k);
    if (c === 10 || c === 13) return true;
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c < 0xd800))
      return false;
  }
  return true;
}

function prevNonSpace(text: string, pos: number): number {
  let k = pos - 1;
  while (k >= 0 && SPACE(text.charCodeAt(k))) k--;
  return k >= 0 ? text.charCodeAt(k) : -1;
}

/**
 * The cue words of the rules above, one table with a flag each (C_…), looked up once per token of a record and kept
 * (see `cue`): a segment asks several of them of the same word before it.
 */
const C_OCCASIONS = 1;
const C_PAID_BEFORE = 2;
const C_SERVICE_ROLES = 4;
const C_YOUR = 8;
const C_CALL_KINDS = 16;
const C_CALENDAR_WITH = 32;
const C_HR_REVIEW_KINDS = 64;
const C_ACT_OPENERS = 128;
const C_KIN_TITLES = 256;
const C_ASSIGNED = 512;
const C_ASSIGNED_TO = 1024;
const C_PRODUCT_TIERS = 2048;
const C_VEHICLE_MAKES = 8192;
const C_CAR_BEFORE = 16384;
const C_CASELESS_GREETINGS = 32768;
const C_ARTICLES = 65536;
const C_IN_HOUSE = 4096;
const C_CODE_NOTES = 131072;
const C_PERSON_SEARCHES = 262144;
const C_NOTE_LABELS = 524288;
const C_NOTE_VERBS = 1048576;
/** A code comment's marks that name an owner in brackets: "TODO(X)". */
const CODE_NOTES_WORDS = ["todo", "fixme", "xxx", "hack", "note", "bug", "review"];
/** What people search for with a person's name ("X linkedin"); not code hosts: "Fastify github" is software. */
const PERSON_SEARCHES_WORDS = [
  "linkedin",
  "facebook",
  "instagram",
  "obituary",
  "obituaries",
  "wife",
  "husband",
  "married",
  "age",
  "contact",
  "email",
  "phone",
  "address",
  "xing",
];
/** Labels of a note to oneself, of the languages of the hold-out sets. */
const NOTE_LABELS_WORDS = [
  "note",
  "notes",
  "notiz",
  "notitie",
  "nota",
  "memo",
  "reminder",
  "erinnerung",
  "herinnering",
  "rappel",
  "recordatorio",
  "promemoria",
  "todo",
];
/** What a note to oneself does with a person, after the name ("Notiz: X anrufen", "notitie: X bellen over …"). */
const NOTE_VERBS_WORDS = [
  "anrufen",
  "zurückrufen",
  "wegen",
  "bellen",
  "terugbellen",
  "mailen",
  "appen",
  "schreiben",
  "fragen",
  "vragen",
  "re",
  "about",
  "rappeler",
  "appeler",
  "llamar",
  "chiamare",
];
const C_BYLINE_VERBS = 1 << 21;
const C_BYLINE_BY = 1 << 22;
/** Participles of a document's byline, before "by" ("Prepared by X", "Erstellt von X", "Redatto da X"). */
const BYLINE_VERBS_WORDS = [
  // a forum's or a shop's answer: "Answered by X · 2 weeks ago", "Beantwortet von X", "Répondu par X"
  "answered",
  "beantwortet",
  "répondu",
  "respondido",
  "risposto",
  "beantwoord",
  // a parcel's proof of delivery: "POD - received by X 14:02", "Sendung entgegengenommen von X", "Reçu par X"
  "received",
  "collected",
  "accepted",
  "entgegengenommen",
  "empfangen",
  "abgeholt",
  "reçu",
  "reçue",
  "récupéré",
  "récupérée",
  "recibido",
  "recibida",
  "recogido",
  "recogida",
  "ricevuto",
  "ricevuta",
  "ritirato",
  "ritirata",
  "ontvangen",
  "afgehaald",
  "prepared",
  "written",
  "authored",
  // a course's marks and a lab's results: "Marked by X", "Devoir rendu par X", "Bewertet von X", "Witnessed by X"
  "witnessed",
  "marked",
  "graded",
  "released",
  "rendu",
  "rendue",
  "noté",
  "notée",
  "corrigé",
  "corrigée",
  "bewertet",
  "benotet",
  "korrigiert",
  "beoordeeld",
  "nagekeken",
  "valutato",
  "valutata",
  "corretto",
  "corretta",
  "calificado",
  "calificada",
  "corregido",
  "corregida",
  "drafted",
  "compiled",
  "created",
  "erstellt",
  "verfasst",
  "geschrieben",
  "bearbeitet",
  "opgesteld",
  "geschreven",
  "gemaakt",
  "rédigé",
  "rédigée",
  "écrit",
  "préparé",
  "preparado",
  "preparada",
  "redactado",
  "redactada",
  "escrito",
  "redatto",
  "redatta",
  "scritto",
  "preparato",
  // approvals and submissions: "PO approved by X", "Bestellung freigegeben von X", "Commande validée par X"
  "approved",
  "submitted",
  "signed",
  "freigegeben",
  "genehmigt",
  "eingereicht",
  "unterschrieben",
  "goedgekeurd",
  "ingediend",
  "ondertekend",
  "validé",
  "validée",
  "approuvé",
  "approuvée",
  "soumis",
  "signé",
  "signée",
  "aprobado",
  "aprobada",
  "firmado",
  "firmada",
  "approvato",
  "approvata",
  "firmato",
  "firmata",
  "aprovado",
  "aprovada",
  "aprobat",
  "aprobată",
  // an incident's or a ticket's: "übernommen von X", "resolved by X", "acknowledged by X"; a page's: "Last edited by X"
  "edited",
  "modified",
  "updated",
  "reported",
  "posted",
  "uploaded",
  "übernommen",
  "acknowledged",
  "resolved",
  "closed",
  "overgenomen",
  "opgelost",
  "résolu",
  "résolue",
  "resuelto",
  "resuelta",
  "risolto",
  "risolta",
  "disetujui",
  "digantikan",
  "dibuat",
  "ditulis",
  "εγκρίθηκε",
];
/** A shop's review of its writer: "Review by X: great fit", "Avis de X", "Recensione di X", "Review van X". */
const REVIEW_NOUN_WORDS = [
  "review",
  "rezension",
  "bewertung",
  "avis",
  "opinión",
  "reseña",
  "recensione",
  "beoordeling",
];
/** A photo app's nouns before whose people it shows: "Photos of X: 214 items", "Fotos von X", "Foto di X". */
// (and a photo app's memories: "Memories with X: 3 years ago today", "Erinnerungen mit X: vor 2 Jahren")
const PHOTO_NOUN_WORDS = [
  "photos",
  "fotos",
  "foto",
  "foto's",
  "memories",
  "erinnerungen",
  "souvenirs",
  "recuerdos",
  "ricordi",
  "herinneringen",
];
/** PHOTO_NOUN_WORDS (TOWARDS_NOUNS too, so that they end a name's chain). */
const PHOTO_NOUNS = wordSet(PHOTO_NOUN_WORDS);
/**
 * The parties an insurance, tax, loan, estate or family form names (see `contextOf`): before a name they mark it
 * wherever they stand, as the words are used of people and little else.
 */
const FORM_PARTIES = wordSet([
  ...FORM_PARTY_WORDS,
  // (and the parties that no label of this list opens: "Visa holder X, valid until …", "Cardholder X")
  "holder",
  "cardholder",
  "heiress",
  "beneficiary",
  "mitantragsteller",
  "mitantragstellerin",
  "co-emprunteur",
  "co-emprunteuse",
  "medeaanvrager",
]);
/** What a press byline names its author with: "Ein Beitrag von X", "An article by X", "Photo by X". */
const BYLINE_NOUNS = wordSet([
  ...REVIEW_NOUN_WORDS,
  "reviews",
  "beitrag",
  "artikel",
  "article",
  "artículo",
  "articolo",
  "story",
  "column",
  "photo",
  "photos",
  "foto",
  "fotos",
]);
/** "By" of those languages. */
const BYLINE_BY_WORDS = ["by", "von", "van", "door", "par", "por", "da", "de", "oleh", "από"];
const C_FOR = 1 << 23;
const C_PARTIES = 1 << 24;
/** "For" of the languages of the hold-out sets. */
const FOR_WORDS = ["for", "für", "voor", "pour", "para", "per"];
/** Parties and presents held for a person ("Abschiedsfeier für X"). */
const PARTIES_WORDS = [
  // travel booked for someone: "Flights for X to Lisbon", "Tickets for X"
  "flights",
  "flight",
  "tickets",
  "booking",
  "reservation",
  "itinerary",
  "farewell",
  "party",
  "gift",
  "present",
  "drinks",
  "cake",
  "card",
  "abschiedsfeier",
  "abschied",
  "feier",
  "geschenk",
  "überraschung",
  "afscheid",
  "afscheidsfeest",
  "feestje",
  "cadeau",
  "départ",
  "fête",
  "despedida",
  "fiesta",
  "regalo",
  "festa",
  "addio",
];
const C_ROLE_NOUNS = 1 << 25;
const C_SPEAKERS = 1 << 26;
const C_AT_TIME = 1 << 27;
/** Roles a record names a person by, before the name ("Patient X", "Kunde X", "Candidate X"). */
const ROLE_NOUNS_WORDS = [
  // a call centre's caller ("Caller X verified date of birth", "Anrufer X möchte …")
  "caller",
  "anrufer",
  "anruferin",
  "appelant",
  "appelante",
  "llamante",
  "chiamante",
  "beller",
  // a pupil ("Schüler X fehlt heute", "L'élève X est absent", "Leerling X is ziek", "Lo studente X è assente")
  "student",
  "pupil",
  "schüler",
  "schülerin",
  "leerling",
  "élève",
  "l'élève",
  "alumno",
  "alumna",
  "studente",
  "studentessa",
  // a courier or a delivery driver ("Kurir X akan tiba", "Kurye X saat 15:00'te gelecek", "A futár X", "Курьер X")
  "courier",
  "kurier",
  "koerier",
  "kurir",
  "kurye",
  "curier",
  "curierul",
  "dostavljač",
  "futár",
  "shipper",
  "repartidor",
  "repartidora",
  "entregador",
  "entregadora",
  "livreur",
  "livreuse",
  "bezorger",
  "fattorino",
  "курьер",
  "кур'єр",
  "κούριερ",
  "patient",
  "patientin",
  "patiënt",
  "patiente",
  "paciente",
  "paziente",
  "customer",
  "client",
  "cliente",
  "kunde",
  "kundin",
  "klant",
  "candidate",
  "kandidat",
  "kandidatin",
  "kandidaat",
  "candidato",
  "candidata",
  "applicant",
  "bewerber",
  "bewerberin",
  "sollicitant",
  "tenant",
  "mieter",
  "mieterin",
  "huurder",
  "locataire",
  "inquilino",
  "inquilina",
  // a ride's driver and a course's tutor ("Ihr Fahrer X ist in 3 Minuten da", "Votre chauffeur X", "Tu conductor X",
  // "Il tuo autista X", "Je chauffeur X", "Your tutor X")
  "driver",
  "fahrer",
  "fahrerin",
  "chauffeur",
  "chauffeuse",
  "conductor",
  "conductora",
  "autista",
  "tutor",
  "tutorin",
  "tuteur",
  "tutrice",
  "instructor",
  "lecturer",
  "dozent",
  "dozentin",
  "docent",
  "enseignant",
  "enseignante",
  "profesor",
  "profesora",
  "docente",
  // a form's or a claim's party before the name: "Policyholder X, claim no. …", "Co-signer X has signed", "Joint
  // applicant X added", "Dichiarante X, coniuge Y"
  "policyholder",
  "co-signer",
  "cosigner",
  "co-applicant",
  "guarantor",
  "borrower",
  "dichiarante",
  "coniuge",
  "contraente",
  "déclarant",
  "déclarante",
  "declarante",
];
/** Who speaks in a transcript ("Speaker 2 (X)"). */
const SPEAKERS_WORDS = [
  "speaker",
  "sprecher",
  "sprecherin",
  "spreker",
  "intervenant",
  "orador",
  "participant",
  "guest",
];
/** "At" before a time, of the languages of the hold-out sets ("with X at 3pm", "mit X um 15 Uhr", "con X alle 15"). */
const AT_TIME_WORDS = ["at", "um", "om", "à", "a", "alle", "las", "ab", "from", "von"];
const C_FROM_LABELS = 1 << 28;
const C_TOWARDS_NOUNS = 1 << 29;
/**
 * Nouns that name a person through the next preposition: a transfer's payee ("SEPA transfer to X", "Dauerauftrag an
 * X", "Bonifico a X"), a goal's scorer ("Doelpunt van X", "Gol de X"), a dating app's match ("You matched with X",
 * "Match mit X"). The prepositions each takes are in TOWARDS.
 */
const TOWARDS_NOUNS_WORDS = [
  // a parcel's delivery: "Entregado a X", "Consegnato a X", "Afgeleverd bij X", "Zugestellt an X", "Livré à X"
  "delivered",
  "handed",
  "entregado",
  "entregada",
  "entregue",
  "consegnato",
  "consegnata",
  "geliefert",
  "zugestellt",
  "übergeben",
  "ausgehändigt",
  "afgeleverd",
  "bezorgd",
  "overhandigd",
  "remis",
  "remise",
  "livré",
  "livrée",
  "transfer",
  "überweisung",
  "dauerauftrag",
  "virement",
  "transferencia",
  "bonifico",
  "overboeking",
  "goal",
  "tor",
  "but",
  "gol",
  "doelpunt",
  "matched",
  "match",
  // an appointment with the one who serves it: "Termin bei X", "Knippen bij X", "Cut & colour with X", "Rendez-vous
  // coiffure avec X", "Cita en la peluquería con X"
  "termin",
  "afspraak",
  "appointment",
  "knippen",
  "haircut",
  "cut",
  "colour",
  "color",
  "coiffure",
  "peluquería",
  "parrucchiere",
  "appuntamento",
  "cita",
  "massage",
  "session",
  "lesson",
  // a message, a call or a document from someone, in the languages whose "von" and "van" open noble names too
  // ("Kommentar von X", "Nachricht von X", "bericht van X" is no name "Kommentar von X")
  "nachricht",
  "kommentar",
  "beitrag",
  "anruf",
  "rückruf",
  "antwort",
  "rückmeldung",
  "einladung",
  "mail",
  "e-mail",
  "sprachnachricht",
  "grüße",
  "paket",
  "rechnung",
  "angebot",
  "bericht",
  "reactie",
  "opmerking",
  "oproep",
  "uitnodiging",
  "pakket",
  "factuur",
  "offerte",
  "berichtje",
  // a course's submission ("Abgabe von X eingegangen", "Submission received from X", "Inzending van X")
  "abgabe",
  "einreichung",
  "submission",
  "inzending",
  // a witness's presence ("aanwezigheid van X": not a name's particle)
  ...PRESENCE_NOUN_WORDS,
  // a device of its owner, as German, French, Spanish, Italian and Dutch name it: "iPhone von X", "AirPods de X"
  "iphone",
  "ipad",
  "macbook",
  "airpods",
  "airtag",
  // kudos from a fitness app: "Kudos from X and 3 others"
  "kudos",
  ...PHOTO_NOUN_WORDS,
  ...REVIEW_NOUN_WORDS,
];
/** The prepositions after TOWARDS_NOUNS_WORDS that a person follows. */
const TOWARDS = new Set([
  "from",
  "bei",
  "bij",
  "to",
  "an",
  "à",
  "a",
  "naar",
  "aan",
  "by",
  "von",
  "de",
  "di",
  "van",
  "with",
  "mit",
  "avec",
  "con",
  "met",
]);
/** "From" of a mail's header, of the languages of the hold-out sets ("Von: X", "De : X", "Da: X"). */
const FROM_LABELS_WORDS = ["from", "von", "van", "de", "da", "från", "fra", "od"];
/** "Sent" and "Date" of a mail's header, the line under "From" ("Gesendet: Montag, …"). */
const SENT_LINE_RE =
  /^\s*(?:sent|date|gesendet|datum|verzonden|envoyé|enviado|fecha|inviato|data|skickat|sendt|wysłano)\s?:/;
const CUE_WORDS = new WordTable([
  ...entries(CODE_NOTES_WORDS, C_CODE_NOTES),
  ...entries(FROM_LABELS_WORDS, C_FROM_LABELS),
  ...entries(TOWARDS_NOUNS_WORDS, C_TOWARDS_NOUNS),
  ...entries(STAFF_WORDS, C_STAFF),
  ...entries(ROLE_NOUNS_WORDS, C_ROLE_NOUNS),
  ...entries(SPEAKERS_WORDS, C_SPEAKERS),
  ...entries(AT_TIME_WORDS, C_AT_TIME),
  ...entries(FOR_WORDS, C_FOR),
  ...entries(PARTIES_WORDS, C_PARTIES),
  ...entries(BYLINE_VERBS_WORDS, C_BYLINE_VERBS),
  ...entries(BYLINE_BY_WORDS, C_BYLINE_BY),
  ...entries(PERSON_SEARCHES_WORDS, C_PERSON_SEARCHES),
  ...entries(NOTE_LABELS_WORDS, C_NOTE_LABELS),
  ...entries(NOTE_VERBS_WORDS, C_NOTE_VERBS),
  ...entries(OCCASIONS_WORDS, C_OCCASIONS),
  ...entries(PAID_BEFORE_WORDS, C_PAID_BEFORE),
  ...entries(SERVICE_ROLES_WORDS, C_SERVICE_ROLES),
  ...entries(YOUR_WORDS, C_YOUR),
  ...entries(CALL_KINDS_WORDS, C_CALL_KINDS),
  ...entries(CALENDAR_WITH_WORDS, C_CALENDAR_WITH),
  ...entries(HR_REVIEW_KINDS_WORDS, C_HR_REVIEW_KINDS),
  ...entries(ACT_OPENERS_WORDS, C_ACT_OPENERS),
  ...entries(KIN_TITLES_WORDS, C_KIN_TITLES),
  ...entries(ASSIGNED_WORDS, C_ASSIGNED),
  ...entries(ASSIGNED_TO_WORDS, C_ASSIGNED_TO),
  ...entries(PRODUCT_TIERS_WORDS, C_PRODUCT_TIERS),
  ...entries(IN_HOUSE_WORDS, C_IN_HOUSE),
  ...entries(ARTICLES_WORDS, C_ARTICLES),
  ...entries(CASELESS_GREETINGS_WORDS, C_CASELESS_GREETINGS),
  ...entries(VEHICLE_MAKES_WORDS, C_VEHICLE_MAKES),
  ...entries(CAR_BEFORE_WORDS, C_CAR_BEFORE),
]);
