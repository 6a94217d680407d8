// npm run bench -- holdout [--n N] [--seed S] [--locales english|europe|world|de,fr,…] [--names faker|unlisted]
// [--templates first|second|…|sixtyfifth] [--misses TYPE] [--over] | --all [--n N] [--seed S]: the eval figures
// on a second, generated set.
//
// ../shared/eval is one generator's output (Presidio's templates); rules tuned on it can miss what the same
// entities look like elsewhere, which is what the sealed acceptance set checks. This set is generated here, from a
// fixed seed, with faker's English locales (names, US/UK/AU/CA/IE/IN street formats, phones, cards, IBANs, IPs,
// SSNs) placed in chat, e-mail and form templates that Presidio's set does not use (a fifth of them typed in
// lower case), plus innocent look-alikes (versions, rooms, times, prices) for over-redaction. `--locales europe`
// fills them from twelve continental European locales, and for five of them (de, fr, es, it, nl) two records in
// three are written in that language. It is scored by ../shared/eval/score.mjs.
// `--names unlisted` replaces every person's name by an invented one that no list of the engine holds (see
// `unlistedNamer`): the lexicon was built from faker's name lists, so with faker's own names PERSON recall
// mostly measures the lexicon; with invented ones it measures what the context rules find alone, as with the
// names of people from anywhere that a real recording holds.
// Values are fake by construction (faker); nothing is written to the repository.
import { mkdtempSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { redactMany } from "../packages/privacy/dist/index.js";
import { lexicon } from "../packages/privacy/dist/recognizers/people/lexicon.js";
import { evalDir, scoreSet } from "./eval-sets.mjs";

const require = createRequire(import.meta.url);

const ENGLISH = ["en_US", "en_US", "en_US", "en_GB", "en_AU", "en_CA", "en_IE", "en_IN", "en"];
/** `--locales europe`: the same templates with names, streets and phones of continental European locales. */
const EUROPE = ["de", "fr", "es", "it", "nl", "pt_PT", "pl", "sv", "nb_NO", "da", "fi", "cs_CZ"];
/**
 * `--locales world`: faker's other locales with names and addresses of their own, in Latin, Cyrillic, Greek,
 * Armenian, Georgian, Arabic, Hebrew, South Asian and CJK scripts (not Thai: see the README).
 */
const WORLD = [
  "af_ZA",
  "ar",
  "az",
  "bn_BD",
  "cy",
  "de_AT",
  "de_CH",
  "el",
  "es_MX",
  "fa",
  "fr_BE",
  "fr_CH",
  "he",
  "hr",
  "hu",
  "hy",
  "id_ID",
  "ja",
  "ka_GE",
  "ko",
  "lv",
  "mk",
  "ne",
  "nl_BE",
  "pt_BR",
  "ro",
  "ru",
  "sk",
  "sl_SI",
  "sr_RS_latin",
  "ta_IN",
  "tr",
  "uk",
  "ur",
  "uz_UZ_latin",
  "vi",
  "zh_CN",
  "zh_TW",
];

/** Deterministic choice (the faker instance is seeded). */
const pick = (f, xs) => xs[f.number.int({ min: 0, max: xs.length - 1 })];

/** One fake value of each entity kind, from faker `f`. */
const VALUES = {
  PERSON: (f) =>
    pick(f, [
      () => `${f.person.firstName()} ${f.person.lastName()}`,
      () =>
        `${f.person.firstName()} ${f.string.alpha({ length: 1, casing: "upper" })}. ${f.person.lastName()}`,
      () => f.person.firstName(),
    ])(),
  STREET_ADDRESS: (f, loc) =>
    pick(f, [
      () => f.location.streetAddress(false),
      () => f.location.streetAddress(true),
      () =>
        loc === "en_US"
          ? `${f.location.streetAddress(false)}, ${f.location.city()}, ${f.location.state({ abbreviated: true })} ${f.location.zipCode()}`
          : `${f.location.streetAddress(false)}, ${f.location.city()}`,
    ])(),
  /**
   * An address with a dwelling's unit and its tail as the countries write them (labelled STREET_ADDRESS): a UK flat
   * or an Australian unit before the street, a Belgian "bus", a French "Bât.", a Danish floor and side, an Austrian
   * "Stiege/Top", a Spanish staircase and floor, a Czech house number and district.
   */
  STREET_UNIT: (f) => {
    const street = f.location.streetAddress(false);
    const zip = f.location.zipCode();
    const city = f.location.city();
    const n = f.number.int({ min: 1, max: 40 });
    const letter = f.string.alpha({ length: 1, casing: "upper" });
    return pick(f, [
      () => `Flat ${n}, ${street}`,
      () => `Unit ${n}/${street}`,
      () => `${street} bus ${n}, ${zip} ${city}`,
      () => `${street}, Bât. ${letter}, ${zip} ${city}`,
      () => `${street}, ${n % 6}. tv., ${zip} ${city}`,
      () => `${street}, Stiege ${(n % 5) + 1}/Top ${n}, ${zip} ${city}`,
      () => `${street}, esc. ${letter}, ${(n % 9) + 1}º ${letter}, ${zip} ${city}`,
      () => `${street}, ${zip} ${city} ${(n % 10) + 1}`,
    ])();
  },
  /** The check of STREET_UNIT's rules: other units and tails (labelled STREET_ADDRESS). */
  STREET_UNIT_CHECK: (f) => {
    const street = f.location.streetAddress(false);
    const zip = f.location.zipCode();
    const city = f.location.city();
    const n = f.number.int({ min: 1, max: 40 });
    const letter = f.string.alpha({ length: 1, casing: "upper" });
    return pick(f, [
      () => `Apartment ${n}, ${street}`,
      () => `Suite ${n}/${street}`,
      () => `${street} boîte ${n}, ${zip} ${city}`,
      () => `${street}, Top ${n}, ${zip} ${city}`,
      () => `${street}, Whg. ${n}, ${zip} ${city}`,
      () => `${street}, ${(n % 9) + 1}. th., ${zip} ${city}`,
      () => `${street}, Bloc ${letter}, ${zip} ${city}`,
      () => `${street}, ${zip} ${city}`,
    ])();
  },
  PHONE_NUMBER: (f) =>
    f.phone.number(pick(f, [{ style: "human" }, { style: "national" }, { style: "international" }])),
  EMAIL_ADDRESS: (f) => f.internet.email(),
  CREDIT_CARD: (f) => f.finance.creditCardNumber(pick(f, ["visa", "mastercard", "amex", "discover"])),
  IBAN_CODE: (f) => f.finance.iban({ formatted: f.datatype.boolean() }),
  IP_ADDRESS: (f) => (f.datatype.boolean({ probability: 0.7 }) ? f.internet.ipv4() : f.internet.ipv6()),
  US_SSN: (f) =>
    `${f.number.int({ min: 1, max: 665 }).toString().padStart(3, "0")}-${f.number
      .int({ min: 1, max: 99 })
      .toString()
      .padStart(2, "0")}-${f.number.int({ min: 1, max: 9999 }).toString().padStart(4, "0")}`,
};

const NAMERS = new Map();

/**
 * A source of invented names for locale `loc`: a character trigram model of faker's given and family names of the
 * locale, sampled with faker's seeded generator, keeping only words of 4 to 9 letters that the engine's lexicon
 * does not know at all (no name, common word, place or title), so that they read like names of the locale but
 * only context can find them. Falls back to the English names when the locale has too few names in one script.
 * @example unlistedNamer(f, "en_US")() // "Marlend"
 */
function unlistedNamer(f, loc) {
  let model = NAMERS.get(loc);
  if (!model) {
    const words = (l) => {
      const d = require("@faker-js/faker").allFakers[l].rawDefinitions.person ?? {};
      const flat = (v) => (Array.isArray(v) ? v : v && typeof v === "object" ? Object.values(v).flat() : []);
      return [...flat(d.first_name), ...flat(d.last_name)].filter((w) => /^\p{L}{3,}$/u.test(w));
    };
    let train = words(loc);
    if (train.length < 200) train = words("en");
    const next = new Map();
    for (const w of new Set(train.map((x) => x.toLowerCase()))) {
      const s = `^^${w}$`;
      for (let i = 2; i < s.length; i++) {
        const k = s.slice(i - 2, i);
        const m = next.get(k) ?? new Map();
        m.set(s[i], (m.get(s[i]) ?? 0) + 1);
        next.set(k, m);
      }
    }
    model = { next, known: new Set(train.map((x) => x.toLowerCase())) };
    NAMERS.set(loc, model);
  }
  const lex = lexicon();
  return () => {
    for (let attempt = 0; attempt < 200; attempt++) {
      let w = "";
      let k = "^^";
      while (w.length < 12) {
        const m = model.next.get(k);
        let r = f.number.int({ min: 0, max: [...m.values()].reduce((a, b) => a + b, 0) - 1 });
        let c = "$";
        for (const [ch, cnt] of m) {
          if (r < cnt) {
            c = ch;
            break;
          }
          r -= cnt;
        }
        if (c === "$") break;
        w += c;
        k = k[1] + c;
      }
      const len = [...w].length;
      if (len < 4 || len > 9 || model.known.has(w) || lex.get(w) !== 0) continue;
      return w[0].toUpperCase() + w.slice(1);
    }
    throw new Error(`no unlisted name for ${loc} in 200 tries`);
  };
}

/** PERSON values made of invented names (`--names unlisted`), in the same three shapes as faker's. */
function unlistedPerson(f, loc) {
  const name = unlistedNamer(f, loc);
  return pick(f, [
    () => `${name()} ${name()}`,
    () => `${name()} ${f.string.alpha({ length: 1, casing: "upper" })}. ${name()}`,
    () => name(),
  ])();
}

/**
 * A person's name as travel and identity documents print it (labelled PERSON): `PERSON_SLASH` "KELTRUDE/ZORVAN" (an
 * airline's), `PERSON_UPPER` "ZORVAN KELTRUDE", `PERSON_LAST_UPPER` and `PERSON_FIRST_UPPER` (a passport page's
 * fields), `PERSON_MRZ` "KELTRUDE<<ZORVAN" (a machine-readable zone's, A-Z only), `PERSON_LASTFIRST` "Keltrude,
 * Zorvan" (a company directory's and a mail client's), `PERSON_NOM` "KELTRUDE Zorvan" (a register's, as French,
 * Italian and Central European schools and sports print it), and names shortened to an initial: `PERSON_INITIAL_LAST`
 * "Z. Keltrude", `PERSON_FIRST_INITIAL` "Zorvan K." (a review's, a forum's), `PERSON_LAST_INITIAL` "Keltrude, Z.".
 */
function documentPerson(kind, f, loc, names) {
  const name = names === "unlisted" ? unlistedNamer(f, loc) : undefined;
  let first = name ? name() : f.person.firstName();
  let lastName = name ? name() : f.person.lastName();
  const up = (x) => x.toLocaleUpperCase("en");
  // (airlines and machine-readable zones print Latin letters only: a name of another script is transliterated
  // there, which this generator cannot do, so such a record gets an invented Latin name instead)
  const LATIN_FOLD = {
    Đ: "D",
    Ø: "O",
    Ł: "L",
    ß: "SS",
    Æ: "AE",
    Œ: "OE",
    Þ: "TH",
    Ð: "D",
    Ħ: "H",
    İ: "I",
    ı: "I",
  };
  const latin = (x) =>
    up(x.normalize("NFD").replace(/\p{M}/gu, "")).replace(/[ĐØŁßÆŒÞÐĦİı]/g, (c) => LATIN_FOLD[c] ?? c);
  if ((kind === "PERSON_SLASH" || kind === "PERSON_MRZ") && /[^A-Z' -]/.test(latin(first + lastName))) {
    const latinName = unlistedNamer(f, "en_US");
    first = latinName();
    lastName = latinName();
  }
  const mrz = (x) => latin(x).replace(/[^A-Z]+/g, "<");
  switch (kind) {
    case "PERSON_SLASH":
      return `${latin(lastName)}/${latin(first)}`;
    case "PERSON_UPPER":
      return `${up(first)} ${up(lastName)}`;
    case "PERSON_LAST_UPPER":
      return up(lastName);
    case "PERSON_FIRST_UPPER":
      return up(first);
    case "PERSON_INITIAL_LAST":
      return `${up(first[0])}. ${lastName}`;
    case "PERSON_FIRST_INITIAL":
      return `${first} ${up(lastName[0])}.`;
    case "PERSON_LAST_INITIAL":
      return `${lastName}, ${up(first[0])}.`;
    case "PERSON_NOM":
      return `${up(lastName)} ${first}`;
    case "PERSON_LASTFIRST":
      return `${lastName}, ${first}`;
    case "PERSON_MRZ":
      return `${mrz(lastName)}<<${mrz(first)}`;
    default:
      throw new Error(`unknown person placeholder ${kind}`);
  }
}

/**
 * An account's name as systems make it from a person's (labelled USERNAME): "zorvan", "zkeltrude", "zorvan.keltrude",
 * "keltrudez", "zorvan_k", "zorvan85" — in Latin letters, lower case (a name of another script gets an invented one).
 */
function accountName(f, loc, names) {
  const namer = names === "unlisted" ? unlistedNamer(f, loc) : undefined;
  let first = namer ? namer() : f.person.firstName();
  let last = namer ? namer() : f.person.lastName();
  const fold = (x) =>
    x
      .normalize("NFD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .replace(/[^a-z]/g, "");
  if (fold(first).length < 2 || fold(last).length < 2 || /[^\p{Script=Latin}' -]/u.test(first + last)) {
    const latin = unlistedNamer(f, "en_US");
    first = latin();
    last = latin();
  }
  const a = fold(first);
  const b = fold(last);
  return pick(f, [
    () => a,
    () => `${a[0]}${b}`,
    () => `${a}.${b}`,
    () => `${b}${a[0]}`,
    () => `${a}_${b[0]}`,
    () => `${a}${f.number.int({ min: 1, max: 99 })}`,
  ])();
}

/**
 * A name as Chinese, Japanese and Korean write it in their own sentences (faker writes them in Western order with a
 * space): family and given name run together, or the family name alone, or the given name alone.
 * @example nativeOrderPerson(allFakers.zh_CN) // "王芳"
 */
function nativeOrderPerson(f) {
  return pick(f, [
    () => `${f.person.lastName()}${f.person.firstName()}`,
    () => `${f.person.lastName()}${f.person.firstName()}`,
    () => `${f.person.lastName()}${f.person.firstName()}`,
    () => f.person.lastName(),
    () => f.person.firstName(),
  ])();
}

/** Templates: {TYPE} holes filled with a value of that type. */
const TEMPLATES = [
  "hey, it's {PERSON} — can you call me back on {PHONE_NUMBER}?",
  "Hi {PERSON},\n\nthe parcel goes to {STREET_ADDRESS}. Cheers",
  "{PERSON} <{EMAIL_ADDRESS}> wrote: moving to {STREET_ADDRESS} next month",
  "Billing address\n{STREET_ADDRESS}\nCard: {CREDIT_CARD}",
  "pls wire it to {IBAN_CODE} (account of {PERSON})",
  "SSN {US_SSN}, DOB on file, contact {EMAIL_ADDRESS}",
  "login from {IP_ADDRESS} flagged, user {EMAIL_ADDRESS}",
  "ok so {PERSON} said the new office is {STREET_ADDRESS}",
  "Name: {PERSON}\nPhone: {PHONE_NUMBER}\nAddress: {STREET_ADDRESS}",
  "thanks {PERSON}! I'll drop it at {STREET_ADDRESS} tomorrow",
  "my card {CREDIT_CARD} got declined again",
  "Ask {PERSON} about server {IP_ADDRESS}",
  "{PERSON} and {PERSON} are meeting at {STREET_ADDRESS}",
  "Emergency contact: {PERSON}, {PHONE_NUMBER}",
];

/**
 * `--templates second`: other English messages, written in session 10 after the rules for unlisted names were made
 * from the first set's misses, and kept apart so that their figures stay a check nobody tuned on: read their
 * misses only to report them, and when a rule is made from them, write a third set.
 */
const SECOND_TEMPLATES = [
  "Can you forward this to {PERSON}? The address is {STREET_ADDRESS}",
  "{PERSON} will join the call at 3pm, dial {PHONE_NUMBER}",
  "Attendees: {PERSON}, {PERSON}\nLocation: {STREET_ADDRESS}",
  "I spoke with {PERSON} yesterday about the refund to {IBAN_CODE}",
  "Please send the contract to {PERSON} before Friday ({EMAIL_ADDRESS})",
  "{PERSON} left you a voicemail from {PHONE_NUMBER}",
  "Reminder: lunch with {PERSON} on Thursday at {STREET_ADDRESS}",
  "From: {PERSON}\nSubject: quarterly numbers\nReply to {EMAIL_ADDRESS}",
  "{PERSON} from HR approved your leave",
  "my neighbour {PERSON} found your cat near {STREET_ADDRESS}",
  "Congrats to {PERSON} on the promotion!",
  "Assigned to: {PERSON}\nReporter: {PERSON}",
  "lol {PERSON} just sent the meme again",
  "{PERSON}'s laptop was reported stolen, last seen on {IP_ADDRESS}",
  "Shipping to {PERSON}, {STREET_ADDRESS}",
  "can {PERSON} cover my shift? my number is {PHONE_NUMBER}",
];

/**
 * `--templates third`: more English messages, written in session 10 to make rules from (as the first set was), so
 * that the second set stays unread. Names stand in many roles: subject, object, after prepositions, in lists, in
 * headers and tickets.
 */
const THIRD_TEMPLATES = [
  "Forwarding {PERSON}'s CV — she lives at {STREET_ADDRESS}",
  "Can you loop in {PERSON} on this thread?",
  "{PERSON} is out sick today, call {PHONE_NUMBER} if urgent",
  "Owner: {PERSON}\nStatus: in review",
  "sent the invoice to {PERSON} at {EMAIL_ADDRESS}",
  "I'm covering for {PERSON} this week",
  "Interview with {PERSON} moved to Monday",
  "{PERSON} and I will drive to {STREET_ADDRESS}",
  "Approved by {PERSON} on behalf of the committee",
  "Who is {PERSON}? They keep emailing me",
  "Happy birthday {PERSON}!! 🎉",
  "Patient: {PERSON}, DOB on file, address {STREET_ADDRESS}",
  "according to {PERSON}, the server {IP_ADDRESS} is down",
  "The keys are with {PERSON} until Sunday",
  "Driver {PERSON} will pick you up at {STREET_ADDRESS}",
  "Tenant {PERSON} paid rent into {IBAN_CODE}",
  "{PERSON} wants the card {CREDIT_CARD} cancelled",
  "Signed, {PERSON}",
  "omg {PERSON} is hilarious",
  "Meet my friend {PERSON}, she's new here",
  "Did {PERSON} get back to you?",
  "Candidate {PERSON} — phone {PHONE_NUMBER}",
  "Photo by {PERSON} on Unsplash",
  "Invoice for {PERSON}, {STREET_ADDRESS}",
];

/**
 * `--templates fourth`: written in session 13 to make rules from, with names in roles none of the sets above used
 * (thanks, apologies, sign-offs with a job title, payees, commit messages, bookings), and, for `--locales europe`,
 * its own messages in seven languages (`NATIVE_FOURTH`): the sets above share one set of native messages, which
 * left in-language names in no list (after "mit", "con", "avec") untested but for one template each.
 */
const FOURTH_TEMPLATES = [
  "Thanks for the intro, {PERSON} — let's grab coffee next week",
  "Per {PERSON}'s request the refund goes to {IBAN_CODE}",
  "Note to self: text {PERSON} at {PHONE_NUMBER} after 6",
  "Dear {PERSON},\nYour appointment is confirmed for 14 May at {STREET_ADDRESS}.",
  "Best regards,\n{PERSON}\nSenior Analyst",
  "Invite sent to {PERSON} and {PERSON} for the offsite",
  "Next of kin: {PERSON} ({PHONE_NUMBER})",
  "Booked a table for two under {PERSON}",
  "Hey {PERSON}, the plumber comes to {STREET_ADDRESS} at 9",
  "Recommendation letter for {PERSON}, former intern",
  "Payee: {PERSON}\nIBAN: {IBAN_CODE}",
  "{PERSON} replied: sounds good, see you at {STREET_ADDRESS}",
  "git commit -m 'fix login bug reported by {PERSON}'",
  "Just got off the phone with {PERSON}, she's in",
  "Tell {PERSON} I said hi",
  "Dinner at {PERSON}'s place, {STREET_ADDRESS}, 7pm",
  "Reviewer comments from {PERSON} attached",
  "{PERSON} (Finance) approved the expense",
  "RSVP: {PERSON} +1",
  "Sorry {PERSON}, running 10 min late",
  "Do you know if {PERSON} still lives at {STREET_ADDRESS}?",
  "Introducing {PERSON}, our new head of design",
];

/** `--templates fourth --locales europe`: the fourth set's messages in the locale's language. */
const NATIVE_FOURTH = {
  de: {
    templates: [
      "Danke {PERSON}, ich melde mich morgen.",
      "Kannst du {PERSON} bitte Bescheid geben?",
      "Gestern habe ich mit {PERSON} telefoniert, Rückruf unter {PHONE_NUMBER}.",
      "Viele Grüße\n{PERSON}",
      "Die Rechnung geht an {PERSON}, {STREET_ADDRESS}.",
      "Ansprechpartner: {PERSON}, Tel. {PHONE_NUMBER}",
      "Bist du heute Abend bei {PERSON}?",
      "{PERSON} und ich kommen um acht in die {STREET_ADDRESS}.",
      "Liebe {PERSON}, herzlichen Glückwunsch zum Geburtstag!",
    ],
    negatives: [
      "Kannst du bitte Bescheid geben, ob die Lieferung heute ankommt?",
      "Mit freundlichen Grüßen, Ihr Kundenservice",
      "Die Abrechnung für November liegt in der Ablage im zweiten Stock.",
    ],
  },
  fr: {
    templates: [
      "Merci {PERSON}, je te rappelle demain.",
      "Peux-tu prévenir {PERSON} que la réunion est annulée ?",
      "J'ai déjeuné avec {PERSON} hier, il habite {STREET_ADDRESS}.",
      "Cordialement,\n{PERSON}",
      "Interlocuteur : {PERSON}, tél. {PHONE_NUMBER}",
      "{PERSON} et moi arrivons vers 20 h au {STREET_ADDRESS}.",
      "Chère {PERSON}, joyeux anniversaire !",
    ],
    negatives: [
      "Merci de prévenir le service Comptabilité avant vendredi.",
      "Cordialement, l'équipe Support",
    ],
  },
  es: {
    templates: [
      "Gracias {PERSON}, te llamo mañana.",
      "¿Puedes avisar a {PERSON} de que se cancela la reunión?",
      "Ayer comí con {PERSON}, vive en {STREET_ADDRESS}.",
      "Un saludo,\n{PERSON}",
      "Contacto: {PERSON}, tel. {PHONE_NUMBER}",
      "{PERSON} y yo llegamos a las ocho a {STREET_ADDRESS}.",
    ],
    negatives: [
      "Un saludo del equipo de Recursos Humanos",
      "Gracias por avisar, lo reviso con Contabilidad.",
    ],
  },
  it: {
    templates: [
      "Grazie {PERSON}, ti richiamo domani.",
      "Puoi avvisare {PERSON} che la riunione è annullata?",
      "Ieri ho pranzato con {PERSON}, abita in {STREET_ADDRESS}.",
      "Cordiali saluti,\n{PERSON}",
      "Referente: {PERSON}, tel. {PHONE_NUMBER}",
      "{PERSON} e io arriviamo alle otto in {STREET_ADDRESS}.",
    ],
    negatives: ["Cordiali saluti dall'Ufficio Acquisti", "Grazie, ne parlo con la Direzione lunedì."],
  },
  nl: {
    templates: [
      "Bedankt {PERSON}, ik bel je morgen.",
      "Kun je {PERSON} laten weten dat de vergadering niet doorgaat?",
      "Gisteren heb ik met {PERSON} geluncht, hij woont op {STREET_ADDRESS}.",
      "Met vriendelijke groet,\n{PERSON}",
      "Contactpersoon: {PERSON}, tel. {PHONE_NUMBER}",
      "{PERSON} en ik komen om acht uur naar {STREET_ADDRESS}.",
    ],
    negatives: [
      "Met vriendelijke groet, de afdeling Inkoop",
      "Bedankt, ik bespreek het maandag met Financiën.",
    ],
  },
  pt_PT: {
    templates: [
      "Obrigado {PERSON}, ligo-te amanhã.",
      "Podes avisar {PERSON} que a reunião foi cancelada?",
      "Ontem almocei com {PERSON}, mora na {STREET_ADDRESS}.",
      "Cumprimentos,\n{PERSON}",
      "Contacto: {PERSON}, tel. {PHONE_NUMBER}",
      "{PERSON} e eu chegamos às oito à {STREET_ADDRESS}.",
    ],
    negatives: [
      "Cumprimentos da equipa de Recursos Humanos",
      "Obrigado, falo com a Contabilidade na segunda.",
    ],
  },
  pl: {
    templates: [
      "Dzięki {PERSON}, zadzwonię jutro.",
      "Możesz dać znać {PERSON}, że spotkanie jest odwołane?",
      "Wczoraj jadłem obiad z {PERSON}, mieszka przy {STREET_ADDRESS}.",
      "Pozdrawiam,\n{PERSON}",
      "Osoba kontaktowa: {PERSON}, tel. {PHONE_NUMBER}",
      "{PERSON} i ja będziemy o ósmej na {STREET_ADDRESS}.",
    ],
    negatives: ["Pozdrawiam, Dział Kadr", "Dzięki, porozmawiam o tym z Księgowością w poniedziałek."],
  },
};

/**
 * `--templates fifth`: written in session 13 after the fourth set's rules, to make rules from: English messages with
 * names in still other roles, and, for `--locales world`, messages in eleven of its languages (`NATIVE_FIFTH`):
 * the sets above write every world locale's values into English sentences only.
 */
const FIFTH_TEMPLATES = [
  "Can {PERSON} sign off on this by EOD?",
  "{PERSON} is on parental leave until March",
  "Forward the NDA to {PERSON} in Legal",
  "{PERSON}, {PERSON} and {PERSON} are on the rota this weekend",
  "I'll ask {PERSON}'s manager",
  "Spoke to {PERSON}, she's fine with {STREET_ADDRESS} for the workshop",
  "Message from {PERSON}: running late, call {PHONE_NUMBER}",
  "The bouquet is for {PERSON}, deliver to {STREET_ADDRESS}",
  "welcome {PERSON} to the team!",
  "Minutes taken by {PERSON}",
  "Hand over to {PERSON} before you leave",
  "{PERSON} (she/her) will facilitate",
  "As discussed with {PERSON} on Monday, the budget stays",
  "Visitor: {PERSON} — escort to floor 3",
  "I think {PERSON} has the spare key",
  "Meeting notes — {PERSON}, 3 May",
  "Pinging {PERSON} for a review",
  "Our landlord {PERSON} lives at {STREET_ADDRESS}",
];

/** `--templates fifth --locales world`: the fifth set's messages in eleven of the world locales' languages. */
const NATIVE_FIFTH = {
  ru: {
    templates: [
      "Привет, {PERSON}! Перезвони мне на {PHONE_NUMBER}.",
      "Спасибо, {PERSON}, завтра всё отправлю.",
      "{PERSON} сказал, что офис переехал на {STREET_ADDRESS}.",
      "Передай {PERSON}, что встреча переносится.",
      "С уважением,\n{PERSON}",
      "Контактное лицо: {PERSON}, тел. {PHONE_NUMBER}",
    ],
    negatives: ["Совещание перенесли на понедельник, отдел Продаж в курсе.", "С уважением, Служба поддержки"],
  },
  uk: {
    templates: [
      "Привіт, {PERSON}! Передзвони мені на {PHONE_NUMBER}.",
      "Дякую, {PERSON}, завтра все надішлю.",
      "{PERSON} сказав, що офіс переїхав на {STREET_ADDRESS}.",
      "З повагою,\n{PERSON}",
      "Учора говорив з {PERSON}, усе гаразд.",
    ],
    negatives: ["Нараду перенесли на понеділок, відділ Продажів знає."],
  },
  tr: {
    templates: [
      "Merhaba {PERSON}, beni {PHONE_NUMBER} numarasından arar mısın?",
      "Teşekkürler {PERSON}, yarın gönderirim.",
      "{PERSON} ofisin {STREET_ADDRESS} adresine taşındığını söyledi.",
      "Saygılarımla,\n{PERSON}",
      "İletişim: {PERSON}, tel. {PHONE_NUMBER}",
    ],
    negatives: ["Toplantı Pazartesi günü saat 10'da, Satış ekibi katılacak."],
  },
  pt_BR: {
    templates: [
      "Oi {PERSON}, me liga no {PHONE_NUMBER}?",
      "Valeu {PERSON}, amanhã eu mando.",
      "{PERSON} disse que o escritório mudou para {STREET_ADDRESS}.",
      "Atenciosamente,\n{PERSON}",
      "Falei com {PERSON} ontem, ela topou.",
    ],
    negatives: ["A reunião foi para segunda, o time de Vendas já sabe."],
  },
  es_MX: {
    templates: [
      "Qué onda {PERSON}, ¿me marcas al {PHONE_NUMBER}?",
      "Gracias {PERSON}, mañana te lo mando.",
      "{PERSON} dice que la oficina se cambió a {STREET_ADDRESS}.",
      "Saludos,\n{PERSON}",
      "Hablé con {PERSON} ayer y está de acuerdo.",
    ],
    negatives: ["La junta se movió al lunes, el equipo de Ventas ya sabe."],
  },
  id_ID: {
    templates: [
      "Halo {PERSON}, bisa telepon saya di {PHONE_NUMBER}?",
      "Terima kasih {PERSON}, besok saya kirim.",
      "{PERSON} bilang kantornya pindah ke {STREET_ADDRESS}.",
      "Salam,\n{PERSON}",
      "Tadi saya bicara dengan {PERSON}, dia setuju.",
    ],
    negatives: ["Rapat dipindah ke hari Senin, tim Penjualan sudah tahu."],
  },
  vi: {
    templates: [
      "Chào {PERSON}, gọi lại cho mình số {PHONE_NUMBER} nhé?",
      "Cảm ơn {PERSON}, mai mình gửi.",
      "{PERSON} nói văn phòng đã chuyển đến {STREET_ADDRESS}.",
      "Trân trọng,\n{PERSON}",
      "Hôm qua mình đã nói chuyện với {PERSON}.",
    ],
    negatives: ["Cuộc họp dời sang thứ Hai, phòng Kinh doanh đã biết."],
  },
  ro: {
    templates: [
      "Salut {PERSON}, mă suni la {PHONE_NUMBER}?",
      "Mulțumesc {PERSON}, trimit mâine.",
      "{PERSON} a spus că biroul s-a mutat pe {STREET_ADDRESS}.",
      "Cu stimă,\n{PERSON}",
      "Am vorbit cu {PERSON} ieri, e de acord.",
    ],
    negatives: ["Ședința s-a mutat luni, echipa de Vânzări știe deja."],
  },
  hu: {
    templates: [
      "Szia {PERSON}, visszahívnál a {PHONE_NUMBER} számon?",
      "Köszi {PERSON}, holnap küldöm.",
      "{PERSON} szerint az iroda ide költözött: {STREET_ADDRESS}.",
      "Üdvözlettel,\n{PERSON}",
      "Tegnap beszéltem vele: {PERSON}.",
    ],
    negatives: ["A megbeszélés hétfőre került, az Értékesítés már tudja."],
  },
  el: {
    templates: [
      "Γεια σου {PERSON}, με παίρνεις στο {PHONE_NUMBER};",
      "Ευχαριστώ {PERSON}, αύριο το στέλνω.",
      "Μίλησα χθες με {PERSON}, συμφωνεί.",
      "Με εκτίμηση,\n{PERSON}",
      "Το γραφείο μετακόμισε στην {STREET_ADDRESS}, μου είπε {PERSON}.",
    ],
    negatives: ["Η σύσκεψη μεταφέρθηκε για Δευτέρα, το τμήμα Πωλήσεων το ξέρει."],
  },
  sk: {
    templates: [
      "Ahoj {PERSON}, zavoláš mi na {PHONE_NUMBER}?",
      "Vďaka {PERSON}, zajtra to pošlem.",
      "{PERSON} hovorí, že kancelária sa presťahovala na {STREET_ADDRESS}.",
      "S pozdravom,\n{PERSON}",
      "Včera som hovoril s {PERSON}.",
    ],
    negatives: ["Porada sa presunula na pondelok, oddelenie Predaja to vie."],
  },
};

/**
 * `--templates sixth`: written in session 13 to make rules from, after the fifth set's: the text of work tools, with
 * names in commit headers, calendar invites, CSV rows, tickets, chat logs, clinical and HR notes; in English for
 * every locale (no native messages).
 */
const SIXTH_TEMPLATES = [
  "Author: {PERSON} <{EMAIL_ADDRESS}>\nDate:   Mon Mar 3 10:12:44 2025 +0100",
  "Co-authored-by: {PERSON} <{EMAIL_ADDRESS}>",
  "Attendees: {PERSON}; {PERSON}; {PERSON}",
  "{PERSON},{PHONE_NUMBER},{STREET_ADDRESS}",
  "Customer {PERSON} reported the app crashes on login",
  "{PERSON}'s performance review is due Friday",
  "Pt {PERSON}, 54, presents with chest pain",
  "[10:42] {PERSON}: can someone restart the build?",
  "Reassigned from {PERSON} to {PERSON}",
  "cc: {PERSON}, {PERSON}",
  "Emergency contact — {PERSON} (mother) {PHONE_NUMBER}",
  "Reference: {PERSON}, former manager at Acme",
  "Shout-out to {PERSON} for fixing the deploy!",
  "Expense claim submitted by {PERSON}, refund to {IBAN_CODE}",
  "Beneficiary name: {PERSON}\nAccount: {IBAN_CODE}",
  "Hi team, {PERSON} will cover support today",
  "{PERSON} <{EMAIL_ADDRESS}> accepted: Quarterly planning",
  "Interviewed {PERSON} today, strong hire",
];

/**
 * `--templates fourteenth`: written in session 16 to make rules from: typed messages with people in roles the sets
 * above use little (waiting on someone, passing a message on, on-call rotas, welcomes, shifts, condolences, pickups).
 */
const FOURTEENTH_TEMPLATES = [
  "Can you ask {PERSON} whether the contract is signed?",
  "{PERSON} just pinged me about the release",
  "Waiting on {PERSON} to approve the PR",
  "Lunch with {PERSON} got moved to Thursday",
  "I'll pass the message on to {PERSON}",
  "Ping {PERSON} if the build breaks again",
  "{PERSON} left the company last month",
  "Flowers for {PERSON}'s mum — send to {STREET_ADDRESS}",
  "On-call this week: {PERSON}, backup {PERSON}",
  "Spoke to {PERSON} from accounting about the refund",
  "New hire {PERSON} starts Monday, desk by the window",
  "{PERSON} says the wifi password changed",
  "Please welcome {PERSON} to the team!",
  "Can someone cover {PERSON}'s shift on Saturday?",
  "Kudos to {PERSON} and {PERSON} for the launch",
  "Ask {PERSON} — she knows the landlord at {STREET_ADDRESS}",
  "{PERSON} x {PERSON} sync notes",
  "TODO: reply to {PERSON} re visa letter",
  "Condolences to {PERSON} and family",
  "Picked up by {PERSON} at 5:40pm",
];

/**
 * `--templates seventh --locales zh_CN,zh_TW,ja,ko`: written in session 13 after the Chinese cue rules, as a check of
 * them in messages that only partly use their words (請假, 约了, 转告, 的同事 are none of them), in Chinese,
 * Japanese and Korean; other locales get the first set's English templates.
 */
const NATIVE_SEVENTH = {
  zh_CN: {
    templates: [
      "你好，{PERSON}！明天见。",
      "麻烦转告{PERSON}一声，会议改到周五。",
      "{PERSON}今天请假了，有事打{PHONE_NUMBER}。",
      "跟{PERSON}约了下午三点在{STREET_ADDRESS}见面。",
      "{PERSON}，你的快递到了。",
      "我是{PERSON}的同事，他的地址是{STREET_ADDRESS}。",
      "收件人：{PERSON}\n地址：{STREET_ADDRESS}",
    ],
    negatives: ["明天下午三点开会，请准时参加。", "周末愉快，下周一见。"],
  },
  zh_TW: {
    templates: [
      "你好，{PERSON}！明天見。",
      "請把合約寄給{PERSON}，謝謝。",
      "{PERSON}說辦公室搬到{STREET_ADDRESS}。",
      "聯絡人：{PERSON}，電話 {PHONE_NUMBER}",
      "{PERSON}今天請假。",
    ],
    negatives: ["明天下午三點開會，請準時參加。"],
  },
  ja: {
    templates: [
      "{PERSON}さん、お疲れ様です。",
      "{PERSON}様\n{STREET_ADDRESS}",
      "担当：{PERSON}（{PHONE_NUMBER}）",
      "{PERSON}から電話がありました。",
      "明日{PERSON}と{STREET_ADDRESS}で会います。",
    ],
    negatives: ["明日の会議は十時からです。"],
  },
  ko: {
    templates: [
      "{PERSON}님, 안녕하세요.",
      "{PERSON} 씨에게 전화해 주세요: {PHONE_NUMBER}",
      "담당자: {PERSON}",
      "{PERSON}이 사무실이 {STREET_ADDRESS}로 이사했다고 했어요.",
      "어제 {PERSON}랑 점심 먹었어.",
    ],
    negatives: ["내일 회의는 열 시에 시작합니다."],
  },
};

/**
 * `--templates eighth`: written in session 13 to make rules from: informal chat as typed on a phone, abbreviations
 * and all (the names keep the case faker gives them; every fifth record is lower-cased, as in every set).
 */
const EIGHTH_TEMPLATES = [
  "lmk if {PERSON} is coming tonight",
  "omw to {PERSON}'s, be there in 10",
  "tell {PERSON} i said thx",
  "{PERSON} n i r going to {STREET_ADDRESS} later",
  "idk, ask {PERSON}",
  "brb {PERSON} is calling",
  "{PERSON} can u send me the file",
  "did u see what {PERSON} posted",
  "{PERSON} is sooo late lol",
  "just saw {PERSON} at the gym",
  "hbd {PERSON}!!",
  "ty {PERSON}",
  "{PERSON} pls call me {PHONE_NUMBER}",
  "going w {PERSON} tmrw",
  "heard from {PERSON}? she moved to {STREET_ADDRESS}",
  "{PERSON}'s number is {PHONE_NUMBER} fyi",
];

/** A template or negative read from a screen, not typed: `channel` is where the recorder saw it. */
const title = (text) => ({ channel: "title", text });
const ocr = (text) => ({ channel: "ocr", text });

/**
 * `--templates ninth`: written in session 14 to make rules from: what a recorder reads off the screen rather than
 * from the keyboard: window titles of mail, chat, meeting, HR and CRM tools (channel `title`), and the text of their
 * windows as OCR gives it (channel `ocr`: one line per row of the window, columns run together with spaces).
 */
const NINTH_TEMPLATES = [
  title("{PERSON} | Microsoft Teams"),
  title("Chat | {PERSON} | Microsoft Teams"),
  title("{PERSON} (DM) - Acme Corp - Slack"),
  title("RE: Contract renewal - {PERSON} - Outlook"),
  title("{PERSON} - Zoom Meeting"),
  title("Message from {PERSON} - Gmail - Chromium"),
  title("{PERSON}'s 1:1 notes - Google Docs"),
  title("Candidate: {PERSON} - Greenhouse"),
  title("{PERSON} | LinkedIn"),
  title("Contact: {PERSON} - Salesforce"),
  title("Invoice for {PERSON}.pdf - Document Viewer"),
  title("Inbox - {EMAIL_ADDRESS} - Mozilla Thunderbird"),
  ocr("{PERSON}  10:42 AM\nsure, send it over\n{PERSON}  10:43 AM\nthanks!"),
  ocr("From: {PERSON} <{EMAIL_ADDRESS}>\nTo: me\nSubject: Re: offsite agenda"),
  ocr("Search\nRecent\n{PERSON}\nYou: see you then\n{PERSON}\nTyping…"),
  ocr("{PERSON}\nProduct Designer\nActive 5m ago"),
  ocr("Employee: {PERSON}    ID: 48213    Department: Sales"),
  ocr("Ship to\n{PERSON}\n{STREET_ADDRESS}\nPhone {PHONE_NUMBER}"),
  ocr("Participants (3)\n{PERSON} (Host)\n{PERSON}\nMe"),
  ocr("Assignee  {PERSON}\nReporter  {PERSON}\nPriority  High"),
  ocr("Missed call\n{PERSON}\n{PHONE_NUMBER}\nYesterday"),
];

/**
 * `--templates tenth`: written in session 14 together with the ninth set and kept apart as its check (the second
 * set's role for screens): other apps and layouts, never read for tuning.
 */
const TENTH_TEMPLATES = [
  title("{PERSON} - Google Chat"),
  title("Direct message with {PERSON} | Discord"),
  title("{PERSON} • Messenger"),
  title("Re: Offer letter for {PERSON} - Mail"),
  title("Performance review — {PERSON}.docx - Word"),
  title("Meeting with {PERSON} and {PERSON} - Webex"),
  title("{PERSON} — Telegram"),
  title("Ticket #4821: {PERSON} cannot log in - Zendesk"),
  ocr("Organizer: {PERSON}\nAttendees: {PERSON}, {PERSON}"),
  ocr("{PERSON} reacted to your message"),
  ocr("Last edited by {PERSON} 2 hours ago"),
  ocr("Customer\n{PERSON}\n{EMAIL_ADDRESS}\n{PHONE_NUMBER}"),
  ocr("Payee  {PERSON}\nIBAN  {IBAN_CODE}"),
  ocr("{PERSON} is presenting"),
  ocr("Approved by {PERSON} on 3 March"),
  ocr("Inbox\n{PERSON}  Lunch tomorrow?  9:14\n{PERSON}  Invoice attached  Yesterday"),
  ocr("Deliver to: {PERSON}, {STREET_ADDRESS}"),
];

/**
 * `--templates eleventh`: written in session 14 after the ninth set's rules, to make more rules from: other titles
 * (an account's owner, group chats, file names joined by underscores) and the activity lines of apps ("X is
 * typing…", "X joined the meeting", "Message X").
 */
const ELEVENTH_TEMPLATES = [
  title("Mail - {PERSON} - Outlook"),
  title("Chat | {PERSON}, {PERSON} | Microsoft Teams"),
  title("Slack | {PERSON} | Acme"),
  title("Zoom Meeting - {PERSON}'s Personal Meeting Room"),
  title("Offer Letter - {PERSON} - Google Docs"),
  title("Resume {PERSON}.odt - LibreOffice Writer"),
  ocr("{PERSON}\nto me\n10:42 AM (2 hours ago)"),
  ocr("Message {PERSON}"),
  ocr("{PERSON} is typing…"),
  ocr("{PERSON} joined the meeting\n{PERSON} left the meeting"),
  ocr("Shared with {PERSON} and 2 others"),
  ocr("Signed in as {PERSON}"),
  ocr("Seen by {PERSON}"),
  ocr("{PERSON} commented on your post"),
  ocr("{PERSON}  Yesterday 4:12 PM\nsounds good"),
  ocr("Reply to {PERSON}"),
];

/**
 * `--templates thirteenth`: written in session 16 to make rules from, after the tenth set had been read for its
 * templates (not its misses): other apps and rows of screens: messengers' titles, HR and expense tools, call
 * screens, people pickers, notifications, bylines, the fields of a record.
 */
const THIRTEENTH_TEMPLATES = [
  title("{PERSON} - WhatsApp"),
  title("Signal - {PERSON}"),
  title("Call with {PERSON} - Google Meet"),
  title("Draft: Reference letter for {PERSON} - Word"),
  title("{PERSON}'s calendar - Outlook"),
  title("Expense report - {PERSON} - SAP Concur"),
  title("1:1 {PERSON} / {PERSON} - Notion"),
  title("Timesheet_{PERSON}_March.xlsx - Excel"),
  ocr("Chat with {PERSON}\nOnline"),
  ocr("{PERSON} sent you a message\nReply"),
  ocr("Manager: {PERSON}\nLocation: Berlin office"),
  ocr("Call ended · {PERSON} · 12:31"),
  ocr("Owner  {PERSON}\nStatus  In review\nDue  Friday"),
  ocr("To: {PERSON}; {PERSON}\nCc: {PERSON}"),
  ocr("{PERSON} mentioned you in #general"),
  ocr("Request from {PERSON}: access to Finance drive"),
  ocr("Contact details\nName: {PERSON}\nMobile: {PHONE_NUMBER}"),
  ocr("Incoming call\n{PERSON}\nMobile"),
  ocr("{PERSON} accepted your invitation"),
  ocr("Written by {PERSON} · 5 min read"),
  ocr("Forwarded message from {PERSON}"),
  ocr("Pinned by {PERSON}"),
  ocr("Host: {PERSON} · 14 participants"),
  ocr("{PERSON} and {PERSON} are typing…"),
];
/** The thirteenth set's innocent screens: the same rows with a team, a file or a bot where a person stood. */
const THIRTEENTH_NEGATIVES = [
  title("Pull Request #214 - Fix Login Timeout - GitHub"),
  title("Budget_Forecast_March.xlsx - Excel"),
  title("Call with Support - Google Meet"),
  ocr("Call ended · 12:31\nCall again"),
  ocr("Owner  Finance Operations\nStatus  Approved"),
  ocr("Written by Support Team · 3 min read"),
  ocr("Pinned by admin\nWelcome to #general"),
  ocr("Request from Finance: access to Shared Drive"),
];

/**
 * `--templates twelfth --locales europe`: written in session 14 to make rules from: the same kinds of screens with
 * their apps set to German, French or Spanish (other locales get the eleventh set's English screens).
 */
const NATIVE_TWELFTH = {
  de: {
    templates: [
      title("Posteingang - {PERSON} - Outlook"),
      ocr("Teilnehmer (3)\n{PERSON} (Organisator)\n{PERSON}\nIch"),
      ocr("{PERSON} hat das Meeting verlassen"),
      ocr("Nachricht an {PERSON}"),
      ocr("Zugewiesen an  {PERSON}\nPriorität  Hoch"),
      ocr("{PERSON}  Gestern 16:12\nklingt gut"),
      ocr("{PERSON} schreibt…"),
    ],
    negatives: [
      title("Einstellungen - Visual Studio Code"),
      ocr("Datei  Bearbeiten  Ansicht  Hilfe\nAlle Änderungen gespeichert"),
    ],
  },
  fr: {
    templates: [
      title("Boîte de réception - {PERSON} - Outlook"),
      ocr("Participants (3)\n{PERSON} (Organisateur)\n{PERSON}\nMoi"),
      ocr("{PERSON} a quitté la réunion"),
      ocr("Envoyer un message à {PERSON}"),
      ocr("Assigné à  {PERSON}\nPriorité  Haute"),
      ocr("{PERSON}  Hier 16:12\nça marche"),
      ocr("{PERSON} est en train d'écrire…"),
    ],
    negatives: [
      title("Paramètres - Visual Studio Code"),
      ocr("Fichier  Édition  Affichage  Aide\nModifications enregistrées"),
    ],
  },
  es: {
    templates: [
      title("Bandeja de entrada - {PERSON} - Outlook"),
      ocr("Participantes (3)\n{PERSON} (Organizador)\n{PERSON}\nYo"),
      ocr("{PERSON} salió de la reunión"),
      ocr("Enviar mensaje a {PERSON}"),
      ocr("Asignado a  {PERSON}\nPrioridad  Alta"),
      ocr("{PERSON}  Ayer 16:12\nde acuerdo"),
      ocr("{PERSON} está escribiendo…"),
    ],
    negatives: [
      title("Configuración - Visual Studio Code"),
      ocr("Archivo  Editar  Ver  Ayuda\nCambios guardados"),
    ],
  },
};

/**
 * `--templates sixteenth`: written in session 19 before any of its records was read: messages of ordinary work and
 * life in English and in eight European languages (`NATIVE_SIXTEENTH`), with names as objects of verbs, after
 * prepositions, in lists, before addresses and in signatures, phrased as none of the earlier sets do; with
 * look-alikes that name no person.
 */
const SIXTEENTH_TEMPLATES = [
  "Could you cc {PERSON} on the thread with the auditors?",
  "{PERSON} will cover the front desk while I'm at the dentist",
  "Shipping label: {PERSON}, {STREET_ADDRESS}",
  "Reminder: {PERSON}'s farewell drinks on Friday",
  "I've added {PERSON} as a reviewer",
  "Can we move my 1:1 with {PERSON} to Wednesday?",
  "Parcel left with neighbour {PERSON} at {STREET_ADDRESS}",
  "{PERSON} and I split the bill, send yours to {EMAIL_ADDRESS}",
  "Please send the signed lease to {PERSON}, {STREET_ADDRESS}",
  "Emergency contact: {PERSON}, {PHONE_NUMBER}",
  "my sister {PERSON} is picking me up",
  "Who's {PERSON}? She keeps emailing about the invoice",
  "Got a voicemail from {PERSON} about the deposit, call back on {PHONE_NUMBER}",
  "Shoutout to {PERSON} for fixing the printer",
  "Hi all, {PERSON} here from procurement",
  "Refund approved for {PERSON} (IBAN {IBAN_CODE})",
  "Sitting next to {PERSON} at the conference dinner",
  "{PERSON} wants the report by noon",
  "Interview with {PERSON} at 3pm, room 2B",
  "Lost and found: wallet belonging to {PERSON}",
];
const SIXTEENTH_NEGATIVES = [
  "Could you cc the finance team on the thread?",
  "The front desk is closed while we move to Building 2",
  "Reminder: the farewell drinks start at 6 on Friday",
  "Interview slots at 3pm, room 2B",
  "Shoutout to the platform team for fixing the printer",
  "Lost and found: a blue umbrella in Meeting Room 4",
];

/** `--templates sixteenth --locales europe`: the sixteenth set's kind of messages in the locale's language. */
const NATIVE_SIXTEENTH = {
  de: {
    templates: [
      "Ich habe {PERSON} gefragt, ob der Vertrag unterschrieben ist.",
      "Das Paket hat {PERSON} angenommen, {STREET_ADDRESS}.",
      "Frag mal {PERSON}, die kennt sich aus.",
      "Morgen vertritt mich {PERSON}, erreichbar unter {PHONE_NUMBER}.",
      "Herzliche Grüße an {PERSON} und die Kinder!",
      "Notfallkontakt: {PERSON}, {PHONE_NUMBER}",
    ],
    negatives: [
      "Ich habe gefragt, ob der Vertrag unterschrieben ist.",
      "Das Paket wurde an der Rezeption abgegeben.",
      "Herzliche Grüße aus der Buchhaltung!",
    ],
  },
  fr: {
    templates: [
      "J'ai demandé à {PERSON} si le contrat est signé.",
      "Le colis a été remis à {PERSON}, {STREET_ADDRESS}.",
      "Demain c'est {PERSON} qui me remplace, joignable au {PHONE_NUMBER}.",
      "Bises à {PERSON} et aux enfants !",
      "Contact d'urgence : {PERSON}, {PHONE_NUMBER}",
    ],
    negatives: ["J'ai demandé si le contrat est signé.", "Le colis a été déposé à l'accueil."],
  },
  es: {
    templates: [
      "Le pregunté a {PERSON} si el contrato está firmado.",
      "El paquete lo recogió {PERSON} en {STREET_ADDRESS}.",
      "Mañana me sustituye {PERSON}, localizable en el {PHONE_NUMBER}.",
      "¡Saludos a {PERSON} y a los niños!",
      "Contacto de emergencia: {PERSON}, {PHONE_NUMBER}",
    ],
    negatives: ["Pregunté si el contrato está firmado.", "El paquete se dejó en recepción."],
  },
  it: {
    templates: [
      "Ho chiesto a {PERSON} se il contratto è firmato.",
      "Il pacco l'ha ritirato {PERSON} in {STREET_ADDRESS}.",
      "Domani mi sostituisce {PERSON}, raggiungibile al {PHONE_NUMBER}.",
      "Saluti a {PERSON} e ai bambini!",
      "Contatto di emergenza: {PERSON}, {PHONE_NUMBER}",
    ],
    negatives: ["Ho chiesto se il contratto è firmato.", "Il pacco è stato lasciato alla reception."],
  },
  nl: {
    templates: [
      "Ik heb {PERSON} gevraagd of het contract getekend is.",
      "Het pakket is afgegeven bij {PERSON}, {STREET_ADDRESS}.",
      "Morgen neemt {PERSON} het van me over, bereikbaar op {PHONE_NUMBER}.",
      "Groetjes aan {PERSON} en de kinderen!",
      "Noodcontact: {PERSON}, {PHONE_NUMBER}",
    ],
    negatives: ["Ik heb gevraagd of het contract getekend is.", "Het pakket ligt bij de receptie."],
  },
  pt_PT: {
    templates: [
      "Perguntei ao {PERSON} se o contrato está assinado.",
      "A encomenda foi entregue a {PERSON}, {STREET_ADDRESS}.",
      "Amanhã quem me substitui é {PERSON}, contactável pelo {PHONE_NUMBER}.",
      "Beijinhos à {PERSON} e aos miúdos!",
    ],
    negatives: ["Perguntei se o contrato está assinado.", "A encomenda ficou na receção."],
  },
  pl: {
    templates: [
      "Zapytałem {PERSON}, czy umowa jest podpisana.",
      "Paczkę odebrał {PERSON}, {STREET_ADDRESS}.",
      "Jutro zastępuje mnie {PERSON}, tel. {PHONE_NUMBER}.",
      "Pozdrowienia dla {PERSON} i dzieci!",
    ],
    negatives: ["Zapytałem, czy umowa jest podpisana.", "Paczka czeka w recepcji."],
  },
  sv: {
    templates: [
      "Jag frågade {PERSON} om avtalet är påskrivet.",
      "Paketet lämnades till {PERSON}, {STREET_ADDRESS}.",
      "I morgon ersätter {PERSON} mig, nås på {PHONE_NUMBER}.",
      "Hälsa {PERSON} och barnen!",
    ],
    negatives: ["Jag frågade om avtalet är påskrivet.", "Paketet ligger i receptionen."],
  },
};

/**
 * `--templates seventeenth`: session 19's check of the rules it made from the sixteenth set's misses, written after
 * them and before any of its own records was read: the same kinds of message in other words (address labels and
 * CSV rows, greetings sent to someone, someone asked or phoned, a relative named), with look-alikes.
 */
const SEVENTEENTH_TEMPLATES = [
  "Deliver to: {PERSON}, {STREET_ADDRESS}",
  "Return address: {PERSON}, {STREET_ADDRESS}",
  "name,phone,city\n{PERSON},{PHONE_NUMBER},Leeds",
  "Give my love to {PERSON}!",
  "I asked {PERSON} about the keys yesterday",
  "my cousin {PERSON} lent me the car",
  "Please forward the invoice to {PERSON}, {STREET_ADDRESS}",
  "Who is {PERSON}? She's on the invite",
  "Morning all, {PERSON} here, covering for the team lead",
  "{PERSON}'s retirement lunch is on Thursday",
  "Contact in case of emergency: {PERSON}, {PHONE_NUMBER}",
  "Kudos to {PERSON} for closing the deal",
];
const SEVENTEENTH_NEGATIVES = [
  "Deliver to: Reception, Building 2",
  "name,phone,city",
  "Give my love to the whole team!",
  "I asked about the keys yesterday",
  "Who is on the invite?",
  "The retirement lunch is on Thursday",
];

/** `--templates seventeenth --locales europe`: its kind of messages in the locale's language. */
const NATIVE_SEVENTEENTH = {
  de: {
    templates: [
      "Liebe Grüße an {PERSON}!",
      "Ich habe {PERSON} angerufen, sie kommt später.",
      "Hast du mit {PERSON} gesprochen?",
      "Sag {PERSON} bitte Bescheid, dass es später wird.",
      "Lieferung an: {PERSON}, {STREET_ADDRESS}",
    ],
    negatives: ["Liebe Grüße an alle!", "Hast du mit dem Vermieter gesprochen?"],
  },
  fr: {
    templates: [
      "Bisous à {PERSON} !",
      "J'ai appelé {PERSON}, elle arrive plus tard.",
      "Livraison : {PERSON}, {STREET_ADDRESS}",
    ],
    negatives: ["Bisous à tous !", "J'ai appelé la banque ce matin."],
  },
  es: {
    templates: [
      "¡Un abrazo a {PERSON}!",
      "Le escribí a {PERSON} esta mañana.",
      "Entregar a: {PERSON}, {STREET_ADDRESS}",
    ],
    negatives: ["¡Un abrazo a todos!", "Escribí al banco esta mañana."],
  },
  it: {
    templates: [
      "Un abbraccio a {PERSON}!",
      "Ho scritto a {PERSON} stamattina.",
      "Consegna a: {PERSON}, {STREET_ADDRESS}",
    ],
    negatives: ["Un abbraccio a tutti!", "Ho scritto alla banca stamattina."],
  },
  nl: {
    templates: [
      "Doe de groeten aan {PERSON}!",
      "Ik heb {PERSON} gebeld, ze komt later.",
      "Heb je met {PERSON} gesproken?",
      "Afleveren bij: {PERSON}, {STREET_ADDRESS}",
    ],
    negatives: ["Doe de groeten aan iedereen!", "Heb je met de verhuurder gesproken?"],
  },
  pl: {
    templates: [
      "Pozdrowienia dla {PERSON}!",
      "Zadzwoniłam do {PERSON}, będzie później.",
      "Dostawa: {PERSON}, {STREET_ADDRESS}",
    ],
    negatives: ["Pozdrowienia dla wszystkich!", "Zadzwoniłam do banku rano."],
  },
  sv: {
    templates: ["Hälsningar till {PERSON}!", "Jag ringde {PERSON}, hon kommer senare."],
    negatives: ["Hälsningar till alla!", "Jag ringde banken i morse."],
  },
};

/**
 * `--templates eighteenth`: session 20's first reading, written before any of its records was read: what apps put
 * around a name that the earlier sets do not (calendar invitations, commit trailers, payment apps' lines, ride and
 * travel bookings, reactions and missed calls, birthday wishes, a signature's block, shorthand chat), with look-alikes.
 */
const EIGHTEENTH_TEMPLATES = [
  "Invitation: 1:1 {PERSON} / {PERSON} @ Tue 3pm",
  "Accepted: Design review (organizer: {PERSON})",
  "Co-authored-by: {PERSON} <{EMAIL_ADDRESS}>",
  "Reviewed-by: {PERSON}",
  "You paid {PERSON} $45.00 for dinner 🍕",
  "{PERSON} sent you €20.00",
  "Missed call from {PERSON} ({PHONE_NUMBER})",
  "{PERSON} reacted 👍 to your message",
  "Your driver {PERSON} is arriving in a grey Toyota Prius",
  "Passenger: {PERSON}   Seat 14C",
  "Happy birthday {PERSON}!! 🎉",
  "--\n{PERSON}\nSenior Accountant\n{PHONE_NUMBER}",
  "lunch w/ {PERSON} tmrw?",
  "cc {PERSON} on the thread pls",
  "Your parcel to {STREET_ADDRESS} is out for delivery",
  "Booking for {PERSON}, 2 guests, check-in Friday",
];
const EIGHTEENTH_NEGATIVES = [
  "Invitation: Weekly sync @ Tue 3pm",
  "Accepted: Design review",
  "You paid $45.00 for dinner",
  "Missed call (2)",
  "Happy birthday!! 🎉",
  "Seat 14C, Gate B22, Boarding 09:40",
  "lunch tmrw?",
  "Your parcel is out for delivery",
];

/** `--templates eighteenth --locales europe`: its kind of messages in the locale's language. */
const NATIVE_EIGHTEENTH = {
  de: {
    templates: [
      "Einladung: Jour fixe mit {PERSON} @ Di 15 Uhr",
      "Du hast {PERSON} 45,00 € gesendet",
      "Verpasster Anruf von {PERSON}",
      "Alles Gute zum Geburtstag, {PERSON}! 🎉",
      "Dein Fahrer {PERSON} ist gleich da",
      "Dein Paket an {STREET_ADDRESS} wird heute zugestellt",
    ],
    negatives: ["Verpasster Anruf (2)", "Alles Gute zum Geburtstag! 🎉"],
  },
  fr: {
    templates: [
      "Invitation : point hebdo avec {PERSON} @ mar. 15h",
      "Appel manqué de {PERSON}",
      "Joyeux anniversaire {PERSON} ! 🎉",
      "Votre chauffeur {PERSON} arrive",
    ],
    negatives: ["Appel manqué (2)", "Joyeux anniversaire ! 🎉"],
  },
  es: {
    templates: [
      "Llamada perdida de {PERSON}",
      "¡Feliz cumpleaños, {PERSON}! 🎉",
      "Tu conductor {PERSON} está llegando",
      "Le enviaste 20,00 € a {PERSON}",
    ],
    negatives: ["Llamada perdida (2)", "¡Feliz cumpleaños! 🎉"],
  },
  it: {
    templates: [
      "Chiamata persa da {PERSON}",
      "Buon compleanno {PERSON}! 🎉",
      "Il tuo autista {PERSON} sta arrivando",
    ],
    negatives: ["Chiamata persa (2)", "Buon compleanno! 🎉"],
  },
  nl: {
    templates: [
      "Gemiste oproep van {PERSON}",
      "Gefeliciteerd met je verjaardag, {PERSON}! 🎉",
      "Je chauffeur {PERSON} komt eraan",
      "Je hebt {PERSON} € 20,00 betaald",
    ],
    negatives: ["Gemiste oproep (2)", "Gefeliciteerd! 🎉"],
  },
};

/**
 * `--templates nineteenth`: session 20's check of the rules it made from the eighteenth set's misses, written after
 * them and before any of its own records was read: the same kinds of app line in other words (meetings, trailers,
 * payments, notifications, rides, wishes, signatures, parcels), with look-alikes.
 */
const NINETEENTH_TEMPLATES = [
  "Updated invitation: Coffee chat with {PERSON} @ Wed 10am",
  "1:1 {PERSON} <> {PERSON}",
  "Signed-off-by: {PERSON} <{EMAIL_ADDRESS}>",
  "Requested a payment of $30.00 from {PERSON}",
  "{PERSON} commented on your photo",
  '{PERSON} invited you to edit "Q3 budget"',
  "Your courier {PERSON} has picked up your order",
  "Traveller: {PERSON} | Flight BA 117 | Seat 22A",
  "happy bday {PERSON}!!",
  "Cheers,\n--\n{PERSON}\nHead of Sales | {PHONE_NUMBER}",
  "call w/ {PERSON} moved to 4",
  "Your package to {STREET_ADDRESS} was delivered",
  "Table for {PERSON}, 4 people, 8pm",
  "Incoming call: {PERSON}",
];
const NINETEENTH_NEGATIVES = [
  "Updated invitation: Coffee chat @ Wed 10am",
  "Requested a payment of $30.00",
  "Your courier has picked up your order",
  "Flight BA 117 | Seat 22A",
  "happy bday!!",
  "Your package was delivered",
  "Table for 4 people, 8pm",
  "Incoming call",
];

/** `--templates nineteenth --locales europe`: its kind of messages in the locale's language. */
const NATIVE_NINETEENTH = {
  de: {
    templates: [
      "Kaffee mit {PERSON} @ Mi 10 Uhr",
      "Dein Kurier {PERSON} hat dein Paket abgeholt",
      "Herzlichen Glückwunsch zum Geburtstag, {PERSON}!",
      "Du hast {PERSON} 12,50 € geschickt",
      "Dein Päckchen an {STREET_ADDRESS} wurde zugestellt",
    ],
    negatives: ["Herzlichen Glückwunsch zum Geburtstag!", "Dein Kurier hat dein Paket abgeholt"],
  },
  fr: {
    templates: [
      "Café avec {PERSON} @ mer. 10h",
      "Bon anniversaire, {PERSON} !",
      "Votre colis pour {STREET_ADDRESS} a été livré",
    ],
    negatives: ["Bon anniversaire !", "Votre colis a été livré"],
  },
  es: {
    templates: ["Café con {PERSON} @ mié 10h", "Tu repartidor {PERSON} ya recogió tu pedido"],
    negatives: ["Tu repartidor ya recogió tu pedido"],
  },
  it: {
    templates: ["Caffè con {PERSON} @ mer 10", "Tanti auguri di buon compleanno, {PERSON}!"],
    negatives: ["Tanti auguri di buon compleanno!"],
  },
  nl: {
    templates: [
      "Koffie met {PERSON} @ wo 10 uur",
      "Je bezorger {PERSON} heeft je pakket opgehaald",
      "Fijne verjaardag, {PERSON}!",
      "Je pakket naar {STREET_ADDRESS} is bezorgd",
    ],
    negatives: ["Fijne verjaardag!", "Je pakket is bezorgd"],
  },
};

/**
 * `--templates twentieth`: session 20's second first reading, written before any of its records was read: a video
 * call's and a chat's presence lines, pronouns and status after a name, HR and clinic lines, a phone's contact
 * screens; with look-alikes.
 */
const TWENTIETH_TEMPLATES = [
  "{PERSON} has joined the meeting",
  "{PERSON} left the meeting",
  "{PERSON} (Host, me)",
  "{PERSON} is presenting",
  "Waiting for {PERSON} to let you in",
  "{PERSON} (she/her) · Product Designer",
  "{PERSON} [OOO until Monday]",
  "{PERSON} is away",
  "Performance review: {PERSON} — meets expectations",
  "Patient {PERSON}, seen 14:20, follow-up in 2 weeks",
  "Contact saved: {PERSON}",
  "Call {PERSON}? Mobile {PHONE_NUMBER}",
  "Shared with {PERSON} and 3 others",
  "Last edited by {PERSON} just now",
];
const TWENTIETH_NEGATIVES = [
  "You have joined the meeting",
  "Recording started",
  "Waiting for the host to let you in",
  "Performance review: Q3 cycle opens Monday",
  "Contact saved",
  "Shared with 3 others",
  "Last edited just now",
];

/** `--templates twentieth --locales europe`: its kind of messages in the locale's language. */
const NATIVE_TWENTIETH = {
  de: {
    templates: [
      "{PERSON} ist dem Meeting beigetreten",
      "{PERSON} hat das Meeting verlassen",
      "{PERSON} präsentiert",
      "Zuletzt bearbeitet von {PERSON}",
      "Kontakt gespeichert: {PERSON}",
    ],
    negatives: ["Sie sind dem Meeting beigetreten", "Zuletzt bearbeitet vor 2 Minuten"],
  },
  fr: {
    templates: [
      "{PERSON} a rejoint la réunion",
      "{PERSON} a quitté la réunion",
      "Dernière modification par {PERSON}",
    ],
    negatives: ["Vous avez rejoint la réunion"],
  },
  es: {
    templates: ["{PERSON} se unió a la reunión", "{PERSON} salió de la reunión", "Editado por {PERSON}"],
    negatives: ["Te uniste a la reunión"],
  },
  it: {
    templates: ["{PERSON} si è unito alla riunione", "{PERSON} ha lasciato la riunione"],
    negatives: ["Ti sei unito alla riunione"],
  },
  nl: {
    templates: [
      "{PERSON} neemt deel aan de vergadering",
      "{PERSON} heeft de vergadering verlaten",
      "Laatst bewerkt door {PERSON}",
    ],
    negatives: ["Je neemt deel aan de vergadering"],
  },
};

/**
 * `--templates twentyfirst`: session 20's third first reading, written before any of its records was read: shops'
 * and social apps' lines, documents prepared for someone, support chats, schools, a lease's parties, relatives by
 * their title; with look-alikes.
 */
const TWENTYFIRST_TEMPLATES = [
  "Sold by {PERSON} (4.9★, 212 ratings)",
  "Review by {PERSON}: Great product, fast shipping!",
  "{PERSON} and 12 others liked your post",
  "{PERSON} started following you",
  "New follower: {PERSON}",
  "You matched with {PERSON}!",
  "Prepared for {PERSON} by {PERSON}",
  "c/o {PERSON}, {STREET_ADDRESS}",
  "Ticket #4521 assigned to {PERSON}",
  "You are now chatting with {PERSON}",
  "Student: {PERSON}   Grade: B+",
  "Uncle {PERSON} says hi!",
  "This lease is between {PERSON} (the Tenant) and {PERSON} (the Landlord)",
  "Agent: {PERSON}, {PHONE_NUMBER}",
];
const TWENTYFIRST_NEGATIVES = [
  "Sold by Amazon (4.9★, 212 ratings)",
  "12 people liked your post",
  "New follower request",
  "Prepared for the board by Finance",
  "Ticket #4521 closed",
  "You are now chatting with Support",
  "Grade: B+",
];

/** `--templates twentyfirst --locales europe`: its kind of messages in the locale's language. */
const NATIVE_TWENTYFIRST = {
  de: {
    templates: [
      "Verkauft von {PERSON}",
      "{PERSON} folgt dir jetzt",
      "Erstellt für {PERSON}",
      "Ticket #4521 zugewiesen an {PERSON}",
      "Onkel {PERSON} lässt grüßen!",
    ],
    negatives: ["Verkauft von Amazon", "Ticket #4521 geschlossen"],
  },
  fr: {
    templates: [
      "{PERSON} s'est abonné(e) à vous",
      "Vendu par {PERSON}",
      "Tonton {PERSON} te passe le bonjour !",
    ],
    negatives: ["Vendu par Amazon"],
  },
  es: {
    templates: ["{PERSON} comenzó a seguirte", "Vendido por {PERSON}", "Ticket asignado a {PERSON}"],
    negatives: ["Vendido por Amazon"],
  },
  it: {
    templates: ["{PERSON} ha iniziato a seguirti", "Venduto da {PERSON}"],
    negatives: ["Venduto da Amazon"],
  },
  nl: {
    templates: ["{PERSON} volgt je nu", "Verkocht door {PERSON}", "Ticket toegewezen aan {PERSON}"],
    negatives: ["Verkocht door Amazon"],
  },
};

/**
 * `--templates twentysecond --locales world`: session 20's fourth first reading, written before any of its records
 * was read: everyday chat in the world locales' own languages and scripts (greetings, meetings, calls, addresses
 * given), which the earlier sets wrote in English for them; with look-alikes.
 */
const TWENTYSECOND_TEMPLATES = [
  "Meeting with {PERSON} moved to 3pm",
  "Hi {PERSON}, can you send me the file?",
  "My address is {STREET_ADDRESS}",
  "{PERSON} will call you back",
];
const TWENTYSECOND_NEGATIVES = ["Meeting moved to 3pm", "Can you send me the file?"];
const NATIVE_TWENTYSECOND = {
  ru: {
    templates: [
      "Привет, {PERSON}! Как дела?",
      "Встреча с {PERSON} перенесена на 15:00",
      "{PERSON} перезвонит тебе завтра",
      "Мой адрес: {STREET_ADDRESS}",
    ],
    negatives: ["Привет всем! Как дела?", "Встреча перенесена на 15:00"],
  },
  uk: {
    templates: ["Привіт, {PERSON}!", "Зустріч з {PERSON} о 15:00", "Моя адреса: {STREET_ADDRESS}"],
    negatives: ["Привіт усім!", "Зустріч о 15:00"],
  },
  el: {
    templates: ["Γεια σου {PERSON}!", "Συνάντηση με {PERSON} στις 3", "Η διεύθυνσή μου: {STREET_ADDRESS}"],
    negatives: ["Γεια σε όλους!", "Συνάντηση στις 3"],
  },
  tr: {
    templates: [
      "Merhaba {PERSON}, nasılsın?",
      "{PERSON} ile toplantı saat 15:00'te",
      "Adresim: {STREET_ADDRESS}",
      "{PERSON} seni yarın arayacak",
    ],
    negatives: ["Merhaba, nasılsın?", "Toplantı saat 15:00'te"],
  },
  pt_BR: {
    templates: [
      "Oi {PERSON}, tudo bem?",
      "Reunião com {PERSON} às 15h",
      "Meu endereço é {STREET_ADDRESS}",
      "{PERSON} vai te ligar amanhã",
    ],
    negatives: ["Oi, tudo bem?", "Reunião às 15h"],
  },
  id_ID: {
    templates: [
      "Halo {PERSON}, apa kabar?",
      "Rapat dengan {PERSON} jam 3 sore",
      "Alamat saya: {STREET_ADDRESS}",
    ],
    negatives: ["Halo semua, apa kabar?", "Rapat jam 3 sore"],
  },
  ar: {
    templates: ["مرحبا {PERSON}، كيف حالك؟", "اجتماع مع {PERSON} الساعة 3", "عنواني: {STREET_ADDRESS}"],
    negatives: ["مرحبا، كيف حالك؟", "الاجتماع الساعة 3"],
  },
  he: {
    templates: ["היי {PERSON}, מה שלומך?", "פגישה עם {PERSON} בשעה 3", "הכתובת שלי: {STREET_ADDRESS}"],
    negatives: ["היי, מה שלומך?", "הפגישה בשעה 3"],
  },
  fa: {
    templates: ["سلام {PERSON}، خوبی؟", "جلسه با {PERSON} ساعت ۳", "آدرس من: {STREET_ADDRESS}"],
    negatives: ["سلام، خوبی؟", "جلسه ساعت ۳"],
  },
  ja: {
    templates: ["{PERSON}さん、こんにちは！", "{PERSON}さんとの会議は3時からです", "住所：{STREET_ADDRESS}"],
    negatives: ["こんにちは！", "会議は3時からです"],
  },
  ko: {
    templates: ["{PERSON}님, 안녕하세요!", "{PERSON}님과 회의는 3시입니다", "주소: {STREET_ADDRESS}"],
    negatives: ["안녕하세요!", "회의는 3시입니다"],
  },
  zh_CN: {
    templates: ["你好，{PERSON}！", "明天和{PERSON}开会", "我的地址是{STREET_ADDRESS}"],
    negatives: ["大家好！", "明天开会"],
  },
  vi: {
    templates: [
      "Chào {PERSON}, khỏe không?",
      "Họp với {PERSON} lúc 3 giờ",
      "Địa chỉ của tôi: {STREET_ADDRESS}",
    ],
    negatives: ["Chào mọi người!", "Họp lúc 3 giờ"],
  },
  hu: {
    templates: ["Szia {PERSON}!", "Megbeszélés {PERSON} kollégával 3-kor", "A címem: {STREET_ADDRESS}"],
    negatives: ["Sziasztok!", "Megbeszélés 3-kor"],
  },
  ro: {
    templates: ["Salut {PERSON}, ce faci?", "Ședință cu {PERSON} la ora 3", "Adresa mea: {STREET_ADDRESS}"],
    negatives: ["Salut, ce faci?", "Ședință la ora 3"],
  },
  hr: {
    templates: ["Bok {PERSON}, kako si?", "Sastanak s {PERSON} u 15 sati", "Moja adresa: {STREET_ADDRESS}"],
    negatives: ["Bok svima!", "Sastanak u 15 sati"],
  },
};

/**
 * `--templates twentythird`: session 20's fifth first reading, written before any of its records was read: window
 * titles and screen text of apps the screen sets did not use (messengers, video calls, calendars, HR and CRM tools,
 * a phone's call log, a bank's transfer screen); with look-alikes.
 */
const TWENTYTHIRD_TEMPLATES = [
  title("{PERSON} - WhatsApp"),
  title("Signal — {PERSON}"),
  title("FaceTime — {PERSON}"),
  title("{PERSON}'s Personal Meeting Room - Zoom"),
  title("Meeting with {PERSON} - Calendar - Outlook"),
  title("{PERSON} | Profile | Workday"),
  title("Opportunity: Renewal 2026 ({PERSON}) - HubSpot"),
  title("Direct message with {PERSON} | Discord"),
  ocr("Recents\n{PERSON}\nmobile · 2 min ago\n{PERSON}\nFaceTime Audio · Yesterday"),
  ocr("Transfer to\n{PERSON}\n{IBAN_CODE}\nAmount  250.00 EUR"),
  ocr("Organizer: {PERSON}\nAttendees: {PERSON}, {PERSON}\nRoom: 4B"),
  ocr("{PERSON} is typing…"),
  ocr("Manager  {PERSON}\nLocation  Remote\nStart date  03/02/2021"),
  ocr("Reply to {PERSON}"),
];
const TWENTYTHIRD_NEGATIVES = [
  title("WhatsApp"),
  title("Calendar - Outlook"),
  title("Settings | Workday"),
  ocr("Recents\nNo recent calls"),
  ocr("Amount  250.00 EUR\nFee  0.00 EUR"),
  ocr("Room: 4B\nCapacity: 8"),
];

/**
 * `--templates twentyfourth`: session 20's sixth first reading, written before any of its records was read: chat
 * typed all in lower case (every record of the set, not one in five), the way people write to friends and
 * colleagues, in English and five European languages; with look-alikes.
 */
const TWENTYFOURTH_TEMPLATES = [
  "omw, tell {PERSON} to save me a seat",
  "did {PERSON} ever reply about friday?",
  "{PERSON} says the build is green now",
  "can u forward it to {PERSON} pls",
  "just had coffee w {PERSON}, she's in",
  "{PERSON} and i are driving up tmrw",
  "lol {PERSON} forgot his badge again",
  "send it to {STREET_ADDRESS} when ur done",
  "my number changed, it's {PHONE_NUMBER}",
  "brb, {PERSON} is calling",
];
const TWENTYFOURTH_NEGATIVES = [
  "omw, save me a seat",
  "did anyone reply about friday?",
  "the build is green now",
  "just had coffee, heading back",
  "lol forgot my badge again",
];
const NATIVE_TWENTYFOURTH = {
  de: {
    templates: [
      "sag {PERSON} bitte, dass ich später komme",
      "hat {PERSON} schon geantwortet?",
      "{PERSON} meint, der build ist grün",
      "bin mit {PERSON} beim kaffee",
    ],
    negatives: ["hat schon jemand geantwortet?", "bin beim kaffee"],
  },
  fr: {
    templates: [
      "dis à {PERSON} de me garder une place",
      "{PERSON} a répondu ?",
      "je suis avec {PERSON} au café",
    ],
    negatives: ["quelqu'un a répondu ?"],
  },
  es: {
    templates: [
      "dile a {PERSON} que llego tarde",
      "{PERSON} ya contestó?",
      "estoy con {PERSON} tomando un café",
    ],
    negatives: ["alguien contestó?"],
  },
  it: {
    templates: ["dì a {PERSON} che arrivo tardi", "{PERSON} ha risposto?", "sono con {PERSON} al bar"],
    negatives: ["qualcuno ha risposto?"],
  },
  nl: {
    templates: [
      "zeg tegen {PERSON} dat ik later kom",
      "heeft {PERSON} al gereageerd?",
      "ik zit met {PERSON} aan de koffie",
    ],
    negatives: ["heeft iemand al gereageerd?"],
  },
};

/**
 * `--templates twentyfifth`: session 21's first reading, written before any of its records was read: what people
 * type outside messages (search boxes, terminal commands, code comments, document footers, spreadsheet cells, a
 * dictated note) and short messages with emoji; a fifth in lower case, as in the first sets; with look-alikes.
 */
const TWENTYFIFTH_TEMPLATES = [
  "{PERSON} linkedin",
  "is {PERSON} still at the company",
  'git commit -m "address review comments from {PERSON}"',
  "// TODO({PERSON}): remove after the migration",
  "# owner: {PERSON}",
  "Prepared by {PERSON}, March 2026",
  "🎉 congrats {PERSON}!!",
  "👋 {PERSON} welcome to the team",
  "Q3 targets | {PERSON} | on track",
  "note to self: call {PERSON} about the lease at {PHONE_NUMBER}",
  "thanks again {PERSON} 🙏",
  "cc {PERSON} for visibility",
  "reminder: {PERSON}'s farewell drinks on friday",
  "flights for {PERSON} to Lisbon, 2 adults",
];
const TWENTYFIFTH_NEGATIVES = [
  "weather lisbon tomorrow",
  'git commit -m "address review comments"',
  "// TODO: remove after the migration",
  "🎉 congrats team!!",
  "Q3 targets | on track",
  "note to self: call the bank about the lease",
];
const NATIVE_TWENTYFIFTH = {
  de: {
    templates: [
      "Erstellt von {PERSON}, März 2026",
      "🎉 Glückwunsch {PERSON}!!",
      "Notiz: {PERSON} wegen Mietvertrag anrufen",
      "Abschiedsfeier für {PERSON} am Freitag",
    ],
    negatives: ["🎉 Glückwunsch an alle!!", "Notiz: Bank wegen Mietvertrag anrufen"],
  },
  fr: {
    templates: [
      "Rédigé par {PERSON}, mars 2026",
      "🎉 bravo {PERSON} !!",
      "Note : appeler {PERSON} pour le bail",
    ],
    negatives: ["🎉 bravo à tous !!"],
  },
  es: {
    templates: [
      "Preparado por {PERSON}, marzo de 2026",
      "🎉 ¡felicidades {PERSON}!",
      "Nota: llamar a {PERSON} por el contrato",
    ],
    negatives: ["🎉 ¡felicidades a todos!"],
  },
  it: {
    templates: [
      "Redatto da {PERSON}, marzo 2026",
      "🎉 complimenti {PERSON}!!",
      "Nota: chiamare {PERSON} per il contratto",
    ],
    negatives: ["🎉 complimenti a tutti!!"],
  },
  nl: {
    templates: [
      "Opgesteld door {PERSON}, maart 2026",
      "🎉 gefeliciteerd {PERSON}!!",
      "Notitie: {PERSON} bellen over het huurcontract",
    ],
    negatives: ["🎉 gefeliciteerd allemaal!!"],
  },
};

/**
 * `--templates twentysixth`: session 21's second first reading, written before any of its records was read: meeting
 * transcripts, photo captions, clinic and legal paperwork, hiring, clubs and support tickets; with look-alikes.
 */
const TWENTYSIXTH_TEMPLATES = [
  "[00:12:03] {PERSON}: ok so the numbers are in",
  "Speaker 2 ({PERSON}): I can take that one",
  "📸: {PERSON}",
  "cr: {PERSON}",
  "Referred by {PERSON}",
  "Patient {PERSON} was seen today for a follow-up",
  "Witness: {PERSON}",
  "Interviewer: {PERSON} · Round 2",
  "Team captain this season is {PERSON}",
  "Customer {PERSON} reports the app crashes on login",
  "Ticket escalated by {PERSON} to tier 2",
  "Candidate {PERSON} accepted the offer",
  "Viewing with {PERSON} at 3pm, {STREET_ADDRESS}",
  "Emergency contact for {PERSON}: {PHONE_NUMBER}",
];
const TWENTYSIXTH_NEGATIVES = [
  "[00:12:03] ok so the numbers are in",
  "📸: my phone",
  "Customer reports the app crashes on login",
  "Ticket escalated to tier 2",
  "Viewing at 3pm",
  "Team captain this season is undecided",
];
const NATIVE_TWENTYSIXTH = {
  de: {
    templates: [
      "Patient {PERSON} kam heute zur Nachuntersuchung",
      "Zeuge: {PERSON}",
      "Kunde {PERSON} meldet, dass die App abstürzt",
      "Besichtigung mit {PERSON} um 15 Uhr",
    ],
    negatives: ["Kunde meldet, dass die App abstürzt", "Besichtigung um 15 Uhr"],
  },
  fr: {
    templates: [
      "Le patient {PERSON} a été vu aujourd'hui",
      "Témoin : {PERSON}",
      "Visite avec {PERSON} à 15 h",
    ],
    negatives: ["Visite à 15 h"],
  },
  es: {
    templates: [
      "El paciente {PERSON} acudió hoy a revisión",
      "Testigo: {PERSON}",
      "Visita con {PERSON} a las 15:00",
    ],
    negatives: ["Visita a las 15:00"],
  },
  it: {
    templates: [
      "Il paziente {PERSON} è stato visitato oggi",
      "Testimone: {PERSON}",
      "Visita con {PERSON} alle 15",
    ],
    negatives: ["Visita alle 15"],
  },
  nl: {
    templates: [
      "Patiënt {PERSON} kwam vandaag op controle",
      "Getuige: {PERSON}",
      "Bezichtiging met {PERSON} om 15:00",
    ],
    negatives: ["Bezichtiging om 15:00"],
  },
};

/**
 * `--templates twentyseventh`: session 21's third first reading, written before any of its records was read: the
 * lines mail programs and out-of-office replies write around a name (quoted replies, forwarded headers, delegates
 * and stand-ins), in English and five European languages; with look-alikes.
 */
const TWENTYSEVENTH_TEMPLATES = [
  "On Mon, 3 Mar 2026 at 10:14, {PERSON} wrote:",
  "---------- Forwarded message ---------\nFrom: {PERSON}\nDate: Mon, 3 Mar 2026",
  "I'm out of office until Monday. For anything urgent please contact {PERSON}.",
  "In my absence, {PERSON} will be covering.",
  "Backup: {PERSON}",
  "Sent on behalf of {PERSON}",
  "Delegate: {PERSON} (until 14 March)",
  "> {PERSON} wrote:\n> sounds good",
  "Please reach out to {PERSON} or the service desk",
  "Automatic reply: {PERSON} is away",
];
const TWENTYSEVENTH_NEGATIVES = [
  "I'm out of office until Monday. For anything urgent please contact the service desk.",
  "Backup: nightly at 02:00",
  "Automatic reply: away",
  "On Mon, 3 Mar 2026 at 10:14, the build failed",
];
const NATIVE_TWENTYSEVENTH = {
  de: {
    templates: [
      "Am Montag, 3. März 2026 um 10:14 schrieb {PERSON}:",
      "Ich bin bis Montag nicht im Büro. In dringenden Fällen wenden Sie sich bitte an {PERSON}.",
      "Vertretung: {PERSON}",
      "Von: {PERSON}\nGesendet: Montag, 3. März 2026",
    ],
    negatives: ["Ich bin bis Montag nicht im Büro.", "Vertretung: noch offen"],
  },
  fr: {
    templates: [
      "Le lun. 3 mars 2026 à 10:14, {PERSON} a écrit :",
      "Je suis absent jusqu'à lundi. En cas d'urgence, veuillez contacter {PERSON}.",
      "De : {PERSON}\nEnvoyé : lundi 3 mars 2026",
    ],
    negatives: ["Je suis absent jusqu'à lundi."],
  },
  es: {
    templates: [
      "El lun, 3 mar 2026 a las 10:14, {PERSON} escribió:",
      "Estoy fuera de la oficina hasta el lunes. Para urgencias, contacte con {PERSON}.",
      "De: {PERSON}\nEnviado: lunes, 3 de marzo de 2026",
    ],
    negatives: ["Estoy fuera de la oficina hasta el lunes."],
  },
  it: {
    templates: [
      "Il giorno lun 3 mar 2026 alle 10:14 {PERSON} ha scritto:",
      "Sono fuori ufficio fino a lunedì. Per urgenze contattare {PERSON}.",
      "Da: {PERSON}\nInviato: lunedì 3 marzo 2026",
    ],
    negatives: ["Sono fuori ufficio fino a lunedì."],
  },
  nl: {
    templates: [
      "Op ma 3 mrt 2026 om 10:14 schreef {PERSON}:",
      "Ik ben tot maandag afwezig. Neem voor dringende zaken contact op met {PERSON}.",
      "Van: {PERSON}\nVerzonden: maandag 3 maart 2026",
    ],
    negatives: ["Ik ben tot maandag afwezig."],
  },
};

/**
 * `--templates twentyeighth`: session 21's fourth first reading, written before any of its records was read: everyday
 * work chat in the European languages the earlier sets wrote least in (Polish, Swedish, Portuguese, Norwegian,
 * Danish, Finnish, Czech), beside its English; with look-alikes.
 */
const TWENTYEIGHTH_TEMPLATES = [
  "Hey {PERSON}, got a minute?",
  "The meeting with {PERSON} moved to tomorrow",
  "Can you call {PERSON} this afternoon?",
  "{PERSON} wrote that they'll be late",
];
const TWENTYEIGHTH_NEGATIVES = ["Hey, got a minute?", "The meeting moved to tomorrow"];
const NATIVE_TWENTYEIGHTH = {
  pl: {
    templates: [
      "Cześć {PERSON}, masz chwilę?",
      "Spotkanie z {PERSON} przeniesione na jutro",
      "{PERSON} napisał, że się spóźni",
    ],
    negatives: ["Cześć, masz chwilę?", "Spotkanie przeniesione na jutro"],
  },
  sv: {
    templates: [
      "Hej {PERSON}, har du en minut?",
      "Mötet med {PERSON} är flyttat till imorgon",
      "Ring {PERSON} i eftermiddag",
      "{PERSON} skrev att hen blir sen",
    ],
    negatives: ["Hej, har du en minut?", "Mötet är flyttat till imorgon"],
  },
  pt_PT: {
    templates: [
      "Olá {PERSON}, tens um minuto?",
      "A reunião com {PERSON} passou para amanhã",
      "{PERSON} escreveu que vai chegar atrasado",
    ],
    negatives: ["Olá, tens um minuto?", "A reunião passou para amanhã"],
  },
  nb_NO: {
    templates: [
      "Hei {PERSON}, har du et minutt?",
      "Møtet med {PERSON} er flyttet til i morgen",
      "Ring {PERSON} i ettermiddag",
    ],
    negatives: ["Hei, har du et minutt?"],
  },
  da: {
    templates: [
      "Hej {PERSON}, har du et øjeblik?",
      "Mødet med {PERSON} er flyttet til i morgen",
      "{PERSON} skrev, at han bliver forsinket",
    ],
    negatives: ["Hej, har du et øjeblik?"],
  },
  fi: {
    templates: [
      "Moi {PERSON}, onko sinulla hetki?",
      "{PERSON} kirjoitti, että hän myöhästyy",
      "Kokous: {PERSON}, klo 15",
    ],
    negatives: ["Moi, onko sinulla hetki?", "Kokous klo 15"],
  },
  cs_CZ: {
    templates: [
      "Ahoj {PERSON}, máš chvilku?",
      "Schůzka s {PERSON} se přesouvá na zítra",
      "{PERSON} psal, že se zpozdí",
    ],
    negatives: ["Ahoj, máš chvilku?", "Schůzka se přesouvá na zítra"],
  },
};

/**
 * `--templates twentyninth`: session 22's first reading, written before any of its records was read: the lines of
 * delivery, ride, lettings, event, insurance and school apps and forms, where a name stands beside an address, a
 * phone number or an e-mail address; in English and eight European languages; with look-alikes.
 */
const TWENTYNINTH_TEMPLATES = [
  "Your driver {PERSON} is arriving at {STREET_ADDRESS}",
  "Order #4471 out for delivery to {STREET_ADDRESS}. Courier: {PERSON} ({PHONE_NUMBER})",
  "Pickup: {STREET_ADDRESS}\nDrop-off: {STREET_ADDRESS}\nPassenger: {PERSON}",
  "Viewing booked for {STREET_ADDRESS} on Saturday 11:00, agent {PERSON}",
  "Landlord: {PERSON}, tel. {PHONE_NUMBER}",
  "RSVP to {PERSON} by Friday, party is at {STREET_ADDRESS}",
  "Claim 88-2231: policyholder {PERSON}, incident at {STREET_ADDRESS}",
  "Parent/guardian: {PERSON}   Phone: {PHONE_NUMBER}   Email: {EMAIL_ADDRESS}",
  "Left at front door of {STREET_ADDRESS}, signed by {PERSON}",
  "New tenant {PERSON} moves into {STREET_ADDRESS} on the 1st",
  "Please return the keys to {PERSON} at {STREET_ADDRESS}",
  "Visitor badge: {PERSON} — host {PERSON}",
  "hi, this is {PERSON} from the letting agency, call me back on {PHONE_NUMBER}",
  "Invoice to: {PERSON}\n{STREET_ADDRESS}",
  "Your table for 4 is booked under {PERSON}",
  "Lost & found: wallet belonging to {PERSON} handed in at reception",
];
const TWENTYNINTH_NEGATIVES = [
  "Order #4471 out for delivery. Courier arriving in 5 min",
  "Platform 9, coach B, seat 42",
  "Viewing booked for Saturday 11:00",
  "Building 4, floor 2, room 2.14",
  "Your table for 4 is booked for 19:30",
  "Claim 88-2231 closed on 12 March",
];
const NATIVE_TWENTYNINTH = {
  de: {
    templates: [
      "Ihr Fahrer {PERSON} ist gleich bei {STREET_ADDRESS}",
      "Besichtigung am Samstag um 11 Uhr, {STREET_ADDRESS}, Makler: {PERSON}",
      "Vermieter: {PERSON}, Tel. {PHONE_NUMBER}",
      "Paket wurde bei {PERSON} abgegeben (Nachbar, {STREET_ADDRESS})",
      "Tisch für 4 Personen auf den Namen {PERSON} reserviert",
    ],
    negatives: ["Ihr Fahrer ist gleich da", "Tisch für 4 Personen um 19:30 reserviert"],
  },
  fr: {
    templates: [
      "Votre chauffeur {PERSON} arrive au {STREET_ADDRESS}",
      "Visite prévue samedi à 11h, {STREET_ADDRESS}, agent : {PERSON}",
      "Propriétaire : {PERSON}, tél. {PHONE_NUMBER}",
      "Colis déposé chez {PERSON}, {STREET_ADDRESS}",
      "Table pour 4 réservée au nom de {PERSON}",
    ],
    negatives: ["Votre chauffeur arrive dans 5 minutes", "Table pour 4 réservée à 19h30"],
  },
  es: {
    templates: [
      "Tu conductor {PERSON} está llegando a {STREET_ADDRESS}",
      "Visita el sábado a las 11:00 en {STREET_ADDRESS}, agente: {PERSON}",
      "Casero: {PERSON}, tel. {PHONE_NUMBER}",
      "Mesa para 4 reservada a nombre de {PERSON}",
    ],
    negatives: ["Tu conductor está llegando", "Mesa para 4 reservada a las 21:00"],
  },
  it: {
    templates: [
      "Il tuo autista {PERSON} sta arrivando in {STREET_ADDRESS}",
      "Visita sabato alle 11, {STREET_ADDRESS}, agente: {PERSON}",
      "Proprietario: {PERSON}, tel. {PHONE_NUMBER}",
      "Tavolo per 4 prenotato a nome {PERSON}",
    ],
    negatives: ["Il tuo autista sta arrivando", "Tavolo per 4 prenotato alle 20:30"],
  },
  nl: {
    templates: [
      "Je chauffeur {PERSON} komt eraan bij {STREET_ADDRESS}",
      "Bezichtiging zaterdag om 11:00, {STREET_ADDRESS}, makelaar: {PERSON}",
      "Verhuurder: {PERSON}, tel. {PHONE_NUMBER}",
      "Pakket afgegeven bij {PERSON} (buren, {STREET_ADDRESS})",
    ],
    negatives: ["Je chauffeur komt eraan", "Bezichtiging zaterdag om 11:00"],
  },
  pl: {
    templates: [
      "Twój kierowca {PERSON} dojeżdża na {STREET_ADDRESS}",
      "Właściciel: {PERSON}, tel. {PHONE_NUMBER}",
      "Paczka zostawiona u {PERSON}, {STREET_ADDRESS}",
    ],
    negatives: ["Twój kierowca dojeżdża", "Paczka zostawiona w paczkomacie"],
  },
  pt_PT: {
    templates: [
      "O seu motorista {PERSON} está a chegar à {STREET_ADDRESS}",
      "Senhorio: {PERSON}, tel. {PHONE_NUMBER}",
      "Mesa para 4 reservada em nome de {PERSON}",
    ],
    negatives: ["O seu motorista está a chegar", "Mesa para 4 reservada às 20h"],
  },
  sv: {
    templates: [
      "Din förare {PERSON} är snart framme vid {STREET_ADDRESS}",
      "Hyresvärd: {PERSON}, tel. {PHONE_NUMBER}",
      "Paketet lämnades hos {PERSON}, {STREET_ADDRESS}",
    ],
    negatives: ["Din förare är snart framme", "Paketet lämnades vid dörren"],
  },
};

/**
 * `--templates thirtieth`: session 22's second first reading, written before any of its records was read: people in
 * hiring, procurement, finance and project work (candidates, approvers, vendors' contacts, owners of tasks and
 * budgets, minutes' action items), named once or twice in a line, in English and five European languages; with
 * look-alikes.
 */
const THIRTIETH_TEMPLATES = [
  "Candidate {PERSON} accepted the offer, start date 1 March",
  "Interview panel: {PERSON}, {PERSON} and {PERSON}",
  "PO 55120 approved by {PERSON}, pending sign-off from {PERSON}",
  "Action item: {PERSON} to send the revised budget by Friday",
  "Vendor contact is {PERSON} ({EMAIL_ADDRESS})",
  "Expense report submitted by {PERSON} — 3 receipts missing",
  "Owner: {PERSON} | Due: 14 Apr | Status: blocked",
  "Referred by {PERSON}, recruiter {PERSON}",
  "Budget holder {PERSON} needs to approve anything over 5k",
  "{PERSON} is out sick, {PERSON} will run the stand-up",
  "Per {PERSON}'s email, the invoice is on hold",
  "Looping in {PERSON} who owns the contract",
  "We need a second reviewer — maybe {PERSON}?",
  "offer letter for {PERSON} is ready to sign",
];
const THIRTIETH_NEGATIVES = [
  "PO 55120 approved, pending sign-off",
  "Owner: Finance | Due: 14 Apr | Status: blocked",
  "Action item: send the revised budget by Friday",
  "3 receipts missing from the expense report",
  "We need a second reviewer for the contract",
];
const NATIVE_THIRTIETH = {
  de: {
    templates: [
      "Kandidat {PERSON} hat das Angebot angenommen",
      "Bestellung freigegeben von {PERSON}, Unterschrift von {PERSON} fehlt noch",
      "Aufgabe: {PERSON} schickt das Budget bis Freitag",
      "{PERSON} ist krank, {PERSON} übernimmt das Daily",
    ],
    negatives: ["Bestellung freigegeben, Unterschrift fehlt noch", "Aufgabe: Budget bis Freitag schicken"],
  },
  fr: {
    templates: [
      "Le candidat {PERSON} a accepté l'offre",
      "Commande validée par {PERSON}, en attente de la signature de {PERSON}",
      "Action : {PERSON} envoie le budget révisé vendredi",
      "{PERSON} est malade, {PERSON} anime le point du matin",
    ],
    negatives: ["Commande validée, en attente de signature", "Action : envoyer le budget révisé vendredi"],
  },
  es: {
    templates: [
      "El candidato {PERSON} aceptó la oferta",
      "Pedido aprobado por {PERSON}, falta la firma de {PERSON}",
      "Tarea: {PERSON} envía el presupuesto el viernes",
    ],
    negatives: ["Pedido aprobado, falta la firma", "Tarea: enviar el presupuesto el viernes"],
  },
  it: {
    templates: [
      "Il candidato {PERSON} ha accettato l'offerta",
      "Ordine approvato da {PERSON}, manca la firma di {PERSON}",
      "{PERSON} è malato, {PERSON} gestisce lo stand-up",
    ],
    negatives: ["Ordine approvato, manca la firma"],
  },
  nl: {
    templates: [
      "Kandidaat {PERSON} heeft het aanbod geaccepteerd",
      "Bestelling goedgekeurd door {PERSON}, handtekening van {PERSON} ontbreekt nog",
      "Actiepunt: {PERSON} stuurt de begroting vrijdag",
    ],
    negatives: ["Bestelling goedgekeurd, handtekening ontbreekt nog", "Actiepunt: begroting vrijdag sturen"],
  },
};

/**
 * `--templates thirtyfirst`: session 22's check of the rules it made from the twentyninth and thirtieth sets'
 * misses, written after them and before any of its own records was read: the same kinds of line in other words
 * (action items, stand-ins, approvals, deliveries, lettings, bookings, rides), with look-alikes.
 */
const THIRTYFIRST_TEMPLATES = [
  "AI: {PERSON} to follow up with legal",
  "Next steps: {PERSON} to draft the proposal, {PERSON} to review",
  "{PERSON} is on leave this week, {PERSON} will cover the on-call",
  "Signed off by {PERSON} on 3 March",
  "Approval pending from {PERSON}",
  "As per {PERSON}'s message, the meeting is cancelled",
  "Can we bring in {PERSON}, who handled the last audit?",
  "Delivery driver: {PERSON}",
  "Your parcel was left with {PERSON} at {STREET_ADDRESS}",
  "Reservation under {PERSON} for 8pm",
  "Move-in date for {PERSON}: 1 May, unit at {STREET_ADDRESS}",
  "Pick-up point: {STREET_ADDRESS}",
  "The barbecue is at {STREET_ADDRESS} from 2pm",
  "Tenant: {PERSON}\nProperty: {STREET_ADDRESS}\nRent due: 1st",
  "Your courier {PERSON} has picked up the package",
];
const THIRTYFIRST_NEGATIVES = [
  "AI: summarise the thread",
  "Next steps: draft the proposal, then review",
  "Signed off on 3 March",
  "Approval pending from finance",
  "Reservation for 8pm confirmed",
  "Pick-up point: main entrance",
];
const NATIVE_THIRTYFIRST = {
  de: {
    templates: [
      "ToDo: {PERSON} ruft den Kunden an",
      "{PERSON} ist im Urlaub, {PERSON} vertritt sie",
      "Genehmigt von {PERSON} am 3. März",
      "Sendung wurde bei {PERSON} hinterlegt, {STREET_ADDRESS}",
      "Reserviert auf den Namen {PERSON}",
    ],
    negatives: ["ToDo: Kunden anrufen", "Sendung wurde in der Filiale hinterlegt"],
  },
  fr: {
    templates: [
      "À faire : {PERSON} appelle le client",
      "{PERSON} est en congé, {PERSON} le remplace",
      "Approuvé par {PERSON} le 3 mars",
      "Réservation au nom de {PERSON} pour 20h",
    ],
    negatives: ["À faire : appeler le client", "Réservation pour 20h confirmée"],
  },
  es: {
    templates: [
      "{PERSON} está de vacaciones, {PERSON} lo sustituye",
      "Aprobado por {PERSON} el 3 de marzo",
      "Reserva a nombre de {PERSON} para las 21:00",
    ],
    negatives: ["Reserva para las 21:00 confirmada"],
  },
  it: {
    templates: [
      "{PERSON} è in ferie, {PERSON} la sostituisce",
      "Approvato da {PERSON} il 3 marzo",
      "Prenotazione a nome di {PERSON} per le 20",
    ],
    negatives: ["Prenotazione per le 20 confermata"],
  },
  nl: {
    templates: [
      "{PERSON} is ziek, {PERSON} vervangt hem",
      "Goedgekeurd door {PERSON} op 3 maart",
      "Pakket achtergelaten bij {PERSON}, {STREET_ADDRESS}",
      "Gereserveerd op naam van {PERSON}",
    ],
    negatives: ["Pakket achtergelaten bij de buren"],
  },
};

/**
 * `--templates thirtysecond`: session 22's third first reading, written before any of its records was read: travel
 * and hotel lines, a family's logistics (carpools, babysitters, pickups, appointments), court and case headers, a
 * neighbourhood group's posts; with look-alikes.
 */
const THIRTYSECOND_TEMPLATES = [
  "Guest: {PERSON}, Room 412, check-out 11:00",
  "Boarding pass for {PERSON} — seat 14C, gate B7",
  "Hotel booking confirmed for {PERSON} ({EMAIL_ADDRESS})",
  "Carpool: {PERSON} drives Mon/Wed, {PERSON} Tue/Thu",
  "babysitter {PERSON} comes at 6, kids in bed by 8",
  "Can you pick up {PERSON} from football at 5?",
  "{PERSON}'s dentist appointment moved to 4pm",
  "Plaintiff: {PERSON} v. Northwind Ltd",
  "Case 2026-CV-118: {PERSON} vs. {PERSON}",
  "Lost dog near {STREET_ADDRESS} — call {PERSON} on {PHONE_NUMBER}",
  "Free sofa, collect from {STREET_ADDRESS}, ask for {PERSON}",
  "Welcome to the neighbourhood, {PERSON}!",
  "{PERSON} and I will be at the school gate at 3:15",
  "Flight TK1984 — passenger {PERSON}, booking ref QX7PLM",
];
const THIRTYSECOND_NEGATIVES = [
  "Room 412, check-out 11:00",
  "Boarding pass — seat 14C, gate B7",
  "Carpool: Mon/Wed and Tue/Thu",
  "Case 2026-CV-118 adjourned to 4 May",
  "Free sofa, collect this weekend",
  "Flight TK1984 delayed, booking ref QX7PLM",
];
const NATIVE_THIRTYSECOND = {
  de: {
    templates: [
      "Gast: {PERSON}, Zimmer 412",
      "Kannst du {PERSON} um 5 vom Training abholen?",
      "Fahrgemeinschaft: {PERSON} fährt Mo/Mi, {PERSON} Di/Do",
      "Kläger: {PERSON} gegen Nordwind GmbH",
    ],
    negatives: ["Zimmer 412, Abreise 11 Uhr", "Fahrgemeinschaft: Mo/Mi und Di/Do"],
  },
  fr: {
    templates: [
      "Client : {PERSON}, chambre 412",
      "Tu peux récupérer {PERSON} au foot à 17h ?",
      "Covoiturage : {PERSON} conduit lundi, {PERSON} mardi",
    ],
    negatives: ["Chambre 412, départ 11h"],
  },
  es: {
    templates: [
      "Huésped: {PERSON}, habitación 412",
      "¿Puedes recoger a {PERSON} del fútbol a las 5?",
      "Demandante: {PERSON} contra Northwind S.L.",
    ],
    negatives: ["Habitación 412, salida a las 11"],
  },
  it: {
    templates: ["Ospite: {PERSON}, camera 412", "Puoi prendere {PERSON} a calcio alle 17?"],
    negatives: ["Camera 412, partenza alle 11"],
  },
  nl: {
    templates: [
      "Gast: {PERSON}, kamer 412",
      "Kun jij {PERSON} om 5 uur van voetbal halen?",
      "Carpool: {PERSON} rijdt ma/wo, {PERSON} di/do",
    ],
    negatives: ["Kamer 412, vertrek 11:00"],
  },
};

/**
 * `--templates thirtythird --locales world`: session 22's fourth first reading, written before any of its records was
 * read: work and delivery lines (couriers, approvals, stand-ins, addresses) in the world locales' own languages and
 * scripts (Russian, Ukrainian, Greek, Turkish, Hungarian, Romanian, Croatian, Brazilian Portuguese, Mexican Spanish,
 * Indonesian, Vietnamese); other locales get its English; with look-alikes.
 */
const THIRTYTHIRD_TEMPLATES = [
  "The courier {PERSON} will be there at 3pm",
  "Approved by {PERSON}",
  "{PERSON} is off sick today, {PERSON} is covering",
  "Delivery address: {STREET_ADDRESS}",
];
const THIRTYTHIRD_NEGATIVES = ["The courier will be there at 3pm", "Approved by the board"];
const NATIVE_THIRTYTHIRD = {
  ru: {
    templates: [
      "Курьер {PERSON} будет у вас в 15:00",
      "Согласовано: {PERSON}",
      "Передай {PERSON}, что встреча переносится",
      "Адрес доставки: {STREET_ADDRESS}",
    ],
    negatives: ["Курьер будет у вас в 15:00", "Встреча переносится на завтра"],
  },
  uk: {
    templates: [
      "Кур'єр {PERSON} прибуде о 15:00",
      "Погоджено: {PERSON}",
      "Адреса доставки: {STREET_ADDRESS}",
    ],
    negatives: ["Кур'єр прибуде о 15:00"],
  },
  el: {
    templates: [
      "Ο κούριερ {PERSON} έρχεται στις 15:00",
      "Εγκρίθηκε από {PERSON}",
      "Διεύθυνση παράδοσης: {STREET_ADDRESS}",
    ],
    negatives: ["Ο κούριερ έρχεται στις 15:00"],
  },
  tr: {
    templates: [
      "Kurye {PERSON} saat 15:00'te gelecek",
      "Onaylayan: {PERSON}",
      "Teslimat adresi: {STREET_ADDRESS}",
    ],
    negatives: ["Kurye saat 15:00'te gelecek"],
  },
  hu: {
    templates: [
      "Jóváhagyta: {PERSON}",
      "A futár {PERSON} 15 órakor érkezik",
      "Szállítási cím: {STREET_ADDRESS}",
    ],
    negatives: ["A futár 15 órakor érkezik"],
  },
  ro: {
    templates: [
      "Curierul {PERSON} ajunge la ora 15",
      "Aprobat de {PERSON}",
      "Adresa de livrare: {STREET_ADDRESS}",
    ],
    negatives: ["Curierul ajunge la ora 15"],
  },
  hr: {
    templates: [
      "Dostavljač {PERSON} stiže u 15 sati",
      "Odobrio: {PERSON}",
      "Adresa dostave: {STREET_ADDRESS}",
    ],
    negatives: ["Dostavljač stiže u 15 sati"],
  },
  pt_BR: {
    templates: [
      "O entregador {PERSON} chega às 15h",
      "Aprovado por {PERSON}",
      "{PERSON} está doente hoje, {PERSON} vai substituir",
      "Endereço de entrega: {STREET_ADDRESS}",
    ],
    negatives: ["O entregador chega às 15h"],
  },
  es_MX: {
    templates: [
      "El repartidor {PERSON} llega a las 3",
      "Aprobado por {PERSON}",
      "Dirección de entrega: {STREET_ADDRESS}",
    ],
    negatives: ["El repartidor llega a las 3"],
  },
  id_ID: {
    templates: [
      "Kurir {PERSON} akan tiba jam 15.00",
      "Disetujui oleh {PERSON}",
      "{PERSON} sakit hari ini, digantikan oleh {PERSON}",
      "Alamat pengiriman: {STREET_ADDRESS}",
    ],
    negatives: ["Kurir akan tiba jam 15.00"],
  },
  vi: {
    templates: [
      "Shipper {PERSON} sẽ đến lúc 15h",
      "Đã duyệt: {PERSON}",
      "Địa chỉ giao hàng: {STREET_ADDRESS}",
    ],
    negatives: ["Shipper sẽ đến lúc 15h"],
  },
};

/**
 * `--templates thirtyfourth`: session 22's fifth first reading, written before any of its records was read: what
 * social and community apps show and what people write under it (comments, likes, memories, anniversaries,
 * condolences, cheering, reunions, club news), in English and five European languages; with look-alikes.
 */
const THIRTYFOURTH_TEMPLATES = [
  "{PERSON} commented on your photo: so proud of you!",
  "Liked by {PERSON} and 24 others",
  "Happy anniversary {PERSON} and {PERSON}! 10 years already",
  "RIP {PERSON}, you will be missed",
  "In loving memory of {PERSON}, 1941–2026",
  "Go {PERSON}!! Finish strong",
  "{PERSON} (class of 2009) is organising the reunion",
  "Congratulations to {PERSON} on finishing the marathon",
  "{PERSON} shared a memory from 5 years ago",
  "Our club welcomes new member {PERSON}",
  "thinking of you {PERSON} ❤️",
  "Photo: {PERSON} crossing the finish line",
];
const THIRTYFOURTH_NEGATIVES = [
  "Liked by 24 others",
  "10 years already!",
  "Go team!! Finish strong",
  "Class of 2009 reunion is on",
  "Shared a memory from 5 years ago",
];
const NATIVE_THIRTYFOURTH = {
  de: {
    templates: [
      "{PERSON} hat dein Foto kommentiert: so stolz auf dich!",
      "Gefällt {PERSON} und 24 weiteren Personen",
      "Ruhe in Frieden, {PERSON}",
      "Herzlich willkommen im Verein, {PERSON}!",
    ],
    negatives: ["Gefällt 24 weiteren Personen", "Herzlich willkommen im Verein!"],
  },
  fr: {
    templates: [
      "{PERSON} a commenté ta photo : trop fier de toi !",
      "Aimé par {PERSON} et 24 autres personnes",
      "Repose en paix {PERSON}",
    ],
    negatives: ["Aimé par 24 autres personnes"],
  },
  es: {
    templates: [
      "A {PERSON} y 24 personas más les gusta esto",
      "Descansa en paz, {PERSON}",
      "¡Vamos {PERSON}!",
    ],
    negatives: ["A 24 personas más les gusta esto", "¡Vamos equipo!"],
  },
  it: {
    templates: ["Piace a {PERSON} e altre 24 persone", "Riposa in pace {PERSON}", "Forza {PERSON}!!"],
    negatives: ["Piace a 24 persone", "Forza ragazzi!!"],
  },
  nl: {
    templates: [
      "{PERSON} heeft op je foto gereageerd",
      "Rust zacht {PERSON}",
      "Welkom bij de club, {PERSON}!",
    ],
    negatives: ["Welkom bij de club!"],
  },
};

/**
 * `--templates thirtyfifth`: session 22's sixth first reading, written before any of its records was read: schools'
 * and clinics' portals and messages (pupils absent, teachers and parents, referrals, prescriptions, nurses, report
 * cards), in English and five European languages; with look-alikes.
 */
const THIRTYFIFTH_TEMPLATES = [
  "Student {PERSON} was absent today",
  "Parent-teacher meeting with Ms. {PERSON} on Thursday",
  "Referred to Dr. {PERSON} (cardiology)",
  "Prescription for {PERSON}, DOB on file",
  "Nurse {PERSON} will call you back this afternoon",
  "{PERSON}'s report card is ready to download",
  "Homework club: {PERSON}, {PERSON} and {PERSON}",
  "Your child {PERSON} was picked up at 15:10",
  "Class 4B teacher: {PERSON}",
  "Appointment confirmed with {PERSON}, physiotherapist",
];
const THIRTYFIFTH_NEGATIVES = [
  "Student absent today, no reason given",
  "Parent-teacher meetings on Thursday",
  "Referred to cardiology",
  "Report card is ready to download",
  "Class 4B: homework due Friday",
];
const NATIVE_THIRTYFIFTH = {
  de: {
    templates: [
      "Schüler {PERSON} fehlt heute",
      "Klassenlehrerin: Frau {PERSON}",
      "Termin bei Dr. {PERSON} am Dienstag",
      "Überweisung an {PERSON}, Kardiologie",
    ],
    negatives: ["Schüler fehlt heute entschuldigt", "Termin am Dienstag"],
  },
  fr: {
    templates: [
      "L'élève {PERSON} est absent aujourd'hui",
      "Rendez-vous avec le Dr {PERSON} mardi",
      "Professeur principal : {PERSON}",
    ],
    negatives: ["Rendez-vous mardi à 10h"],
  },
  es: {
    templates: ["El alumno {PERSON} no vino hoy", "Cita con la Dra. {PERSON} el martes", "Tutora: {PERSON}"],
    negatives: ["Cita el martes a las 10"],
  },
  it: {
    templates: ["Lo studente {PERSON} è assente oggi", "Appuntamento con il dott. {PERSON} martedì"],
    negatives: ["Appuntamento martedì alle 10"],
  },
  nl: {
    templates: [
      "Leerling {PERSON} is vandaag afwezig",
      "Afspraak bij dokter {PERSON} op dinsdag",
      "Mentor: {PERSON}",
    ],
    negatives: ["Afspraak op dinsdag om 10 uur"],
  },
};

/**
 * `--templates thirtysixth`: session 23's first reading, written before any of its records was read: sports, games
 * and streams, dating apps, obituaries and family notices, contracts' parties and witnesses, bank statements' lines,
 * in English and five European languages; with look-alikes.
 */
const THIRTYSIXTH_TEMPLATES = [
  "Goal! {PERSON} scores in the 89th minute",
  "{PERSON} joined the lobby",
  "GG {PERSON}, rematch tomorrow?",
  "{PERSON} is live now: ranked grind",
  "You matched with {PERSON}!",
  "{PERSON} viewed your profile",
  "Survived by his wife {PERSON} and daughter {PERSON}",
  "Witness: {PERSON}",
  "This agreement is made between {PERSON} (the Landlord) and {PERSON} (the Tenant)",
  "SEPA transfer to {PERSON} - rent March",
  "Standing order: {PERSON}, monthly",
  "Substitution: {PERSON} comes on for {PERSON}",
];
const THIRTYSIXTH_NEGATIVES = [
  "Goal! 2-1 in the 89th minute",
  "Ranked lobby is full",
  "You have 3 new matches",
  "Standing order: rent, monthly",
  "This agreement is made on 1 March 2026",
];
const NATIVE_THIRTYSIXTH = {
  de: {
    templates: [
      "Tor für Bayern! {PERSON} trifft in der 89. Minute",
      "Du hast ein Match mit {PERSON}!",
      "In stiller Trauer: {PERSON}",
      "Dauerauftrag an {PERSON}, monatlich",
      "Zeuge: {PERSON}",
    ],
    negatives: ["Tor in der 89. Minute", "Dauerauftrag Miete, monatlich"],
  },
  fr: {
    templates: [
      "But de {PERSON} à la 89e minute !",
      "Vous avez un match avec {PERSON} !",
      "Virement à {PERSON} - loyer mars",
      "Témoin : {PERSON}",
    ],
    negatives: ["But à la 89e minute !", "Virement loyer mars"],
  },
  es: {
    templates: [
      "¡Gol de {PERSON} en el minuto 89!",
      "¡Has hecho match con {PERSON}!",
      "Transferencia a {PERSON} - alquiler marzo",
      "Testigo: {PERSON}",
    ],
    negatives: ["¡Gol en el minuto 89!", "Transferencia alquiler marzo"],
  },
  it: {
    templates: [
      "Gol di {PERSON} al minuto 89!",
      "Bonifico a {PERSON} - affitto marzo",
      "Ne danno il triste annuncio la moglie {PERSON} e i figli",
      "Testimone: {PERSON}",
    ],
    negatives: ["Gol al minuto 89!", "Bonifico affitto marzo"],
  },
  nl: {
    templates: [
      "Doelpunt van {PERSON} in de 89e minuut!",
      "Je hebt een match met {PERSON}!",
      "Overboeking naar {PERSON} - huur maart",
      "Getuige: {PERSON}",
    ],
    negatives: ["Doelpunt in de 89e minuut!", "Overboeking huur maart"],
  },
};

/**
 * `--templates thirtyseventh`: session 23's check of the thirty-sixth set's rules, written after them: the same kinds of
 * text (games, streams, dating apps, matches, transfers, contracts, notices) in other words and orders.
 */
const THIRTYSEVENTH_TEMPLATES = [
  "{PERSON} left the game",
  "{PERSON} liked your photo",
  "{PERSON} went live: chill stream",
  "Penalty! {PERSON} scored a hat-trick tonight",
  "It's a match! You and {PERSON} liked each other",
  "Bank transfer to {PERSON} completed",
  "Lease between {PERSON} (the Lessor) and {PERSON} (the Lessee)",
  "{PERSON} came on for {PERSON} at half time",
  "{PERSON} sent you a message",
  "Payment to {PERSON} failed: insufficient funds",
  "GG {PERSON}",
  "Standing order: {PERSON}, weekly",
];
const THIRTYSEVENTH_NEGATIVES = [
  "Penalty! 3-1 at half time",
  "Bank transfer completed",
  "You have a new match",
  "Payment failed: insufficient funds",
  "The stream went live at 8",
];
const NATIVE_THIRTYSEVENTH = {
  de: {
    templates: [
      "Überweisung an {PERSON} ausgeführt",
      "{PERSON} hat das Spiel verlassen",
      "Treffer von {PERSON} zum 2:1!",
      "Mietvertrag zwischen {PERSON} (Vermieter) und {PERSON} (Mieter)",
    ],
    negatives: ["Überweisung ausgeführt", "Treffer zum 2:1!"],
  },
  fr: {
    templates: ["Virement à {PERSON} effectué", "But de {PERSON} !", "{PERSON} a aimé ta photo"],
    negatives: ["Virement effectué", "But !"],
  },
  es: {
    templates: [
      "Transferencia a {PERSON} realizada",
      "Gol de {PERSON} en el descuento",
      "{PERSON} te ha enviado un mensaje",
    ],
    negatives: ["Transferencia realizada", "Gol en el descuento"],
  },
  it: {
    templates: [
      "Bonifico a {PERSON} eseguito",
      "Gol di {PERSON} nel recupero",
      "{PERSON} ha messo mi piace alla tua foto",
    ],
    negatives: ["Bonifico eseguito", "Gol nel recupero"],
  },
  nl: {
    templates: [
      "Overboeking naar {PERSON} uitgevoerd",
      "Doelpunt van {PERSON} in blessuretijd",
      "{PERSON} heeft je een bericht gestuurd",
    ],
    negatives: ["Overboeking uitgevoerd", "Doelpunt in blessuretijd"],
  },
};

/**
 * `--templates thirtyeighth`: session 24's first reading, written before any of its records was read: press, academic
 * and podcast lines (bylines, quotes, citations, supervisors, guests), code review and on-call tools (approvals,
 * requested changes, acknowledgements, escalations, page edits), and bookings at salons, gyms and vets, in English
 * and five European languages; with look-alikes.
 */
const THIRTYEIGHTH_TEMPLATES = [
  "{PERSON} et al. (2019) report a similar effect",
  "By {PERSON}, Staff Reporter",
  '"We are thrilled," said {PERSON}, a spokesperson for the company.',
  "Episode 42: building in public with {PERSON}",
  "Supervisor: Prof. {PERSON} | Second reader: Dr. {PERSON}",
  "{PERSON} requested changes on this pull request",
  "{PERSON} approved these changes",
  "Incident #4821 acknowledged by {PERSON}",
  "Escalated to {PERSON} (secondary on-call)",
  "Cut & colour with {PERSON} on Sat 10:30",
  "Bella (Labrador), owner: {PERSON}, vaccines due",
  "Spin class at 7am, instructor {PERSON}",
  "{PERSON} edited this page 3 minutes ago",
];
const THIRTYEIGHTH_NEGATIVES = [
  "Episode 42: building in public",
  "Incident #4821 acknowledged, severity 2",
  "Spin class at 7am in Studio 2",
  "This pull request has 3 approvals",
  "Cut & colour on Sat 10:30",
  "Staff Reporter, Business Desk",
];
const NATIVE_THIRTYEIGHTH = {
  de: {
    templates: [
      "Ein Beitrag von {PERSON}",
      "Betreuer: Prof. {PERSON}",
      "Termin bei {PERSON} am Samstag um 10:30",
      "{PERSON} hat die Änderungen genehmigt",
      "Störung #4821 übernommen von {PERSON}",
    ],
    negatives: ["Termin am Samstag um 10:30", "Störung #4821 behoben"],
  },
  fr: {
    templates: [
      "Par {PERSON}, journaliste",
      "Directeur de thèse : {PERSON}",
      "Rendez-vous coiffure avec {PERSON} samedi à 10h30",
      "{PERSON} a approuvé ces modifications",
    ],
    negatives: ["Rendez-vous coiffure samedi à 10h30", "Modifications approuvées"],
  },
  es: {
    templates: [
      "Por {PERSON}, redacción",
      "Director de tesis: {PERSON}",
      "Cita en la peluquería con {PERSON} el sábado",
      "{PERSON} aprobó estos cambios",
    ],
    negatives: ["Cita en la peluquería el sábado", "Cambios aprobados"],
  },
  it: {
    templates: [
      "Di {PERSON}, inviato speciale",
      "Relatore: prof. {PERSON}",
      "Appuntamento dal parrucchiere con {PERSON} sabato",
      "{PERSON} ha approvato le modifiche",
    ],
    negatives: ["Appuntamento dal parrucchiere sabato", "Modifiche approvate"],
  },
  nl: {
    templates: [
      "Door {PERSON}, verslaggever",
      "Promotor: prof. {PERSON}",
      "Knippen bij {PERSON} op zaterdag 10:30",
      "{PERSON} heeft de wijzigingen goedgekeurd",
    ],
    negatives: ["Knippen op zaterdag 10:30", "Wijzigingen goedgekeurd"],
  },
};

/**
 * `--templates thirtyninth`: session 24's check of the thirty-eighth set's rules, written after them and before any of
 * its own records was read: the same kinds of line (code review, wikis, on-call, bylines, citations, quotes, podcasts,
 * theses, classes and bookings, pets) in other words and orders.
 */
const THIRTYNINTH_TEMPLATES = [
  "{PERSON} commented on this issue",
  "{PERSON} merged this pull request",
  "{PERSON} and {PERSON} (2021) found no such effect",
  "As {PERSON} et al. argue, the model overfits",
  "Reported by {PERSON} (on-call)",
  "Page resolved by {PERSON}",
  "Written by {PERSON}, Science Correspondent",
  "\"It's a setback,\" said {PERSON}, the project's lead engineer.",
  "Guest this week: {PERSON}",
  "Thesis advisor: {PERSON}",
  "Yoga with {PERSON} at 6pm",
  "Haircut with {PERSON} tomorrow 9:15",
  "Rex (Beagle) - owner {PERSON}",
  "Last edited by {PERSON}",
];
const THIRTYNINTH_NEGATIVES = [
  "Merged into main 3 hours ago",
  "On-call page resolved at 04:12",
  "Yoga at 6pm in Studio 1",
  "Max (Beagle) is due for vaccines",
  "Written by the Science Desk",
];
const NATIVE_THIRTYNINTH = {
  de: {
    templates: [
      "{PERSON} hat diese Seite bearbeitet",
      "Kommentar von {PERSON}",
      "Yoga mit {PERSON} um 18 Uhr",
      "Doktorvater: Prof. {PERSON}",
    ],
    negatives: ["Yoga um 18 Uhr im Studio 1", "Seite zuletzt bearbeitet am 3. Mai"],
  },
  fr: {
    templates: [
      "{PERSON} a modifié cette page",
      "Un article de {PERSON}",
      "Cours de yoga avec {PERSON} à 18h",
    ],
    negatives: ["Cours de yoga à 18h", "Page modifiée le 3 mai"],
  },
  es: {
    templates: [
      "{PERSON} editó esta página",
      "Un artículo de {PERSON}",
      "Clase de yoga con {PERSON} a las 18:00",
    ],
    negatives: ["Clase de yoga a las 18:00", "Página editada el 3 de mayo"],
  },
  it: {
    templates: [
      "{PERSON} ha modificato questa pagina",
      "Un articolo di {PERSON}",
      "Lezione di yoga con {PERSON} alle 18",
    ],
    negatives: ["Lezione di yoga alle 18", "Pagina modificata il 3 maggio"],
  },
  nl: {
    templates: [
      "{PERSON} heeft deze pagina bewerkt",
      "Een artikel van {PERSON}",
      "Yogales met {PERSON} om 18:00",
    ],
    negatives: ["Yogales om 18:00", "Pagina bewerkt op 3 mei"],
  },
};

/**
 * `--templates fortieth`: session 24's second first reading, written before any of its records was read: what
 * calendars and group chats write about people (invitations, replies, members added and removed, pinned messages,
 * shared locations), call-centre notes, shops' gift messages and reviews, and hiring pipelines, in English and five
 * European languages; with look-alikes.
 */
const FORTIETH_TEMPLATES = [
  "{PERSON} has invited you to Weekly sync",
  "Accepted: Weekly sync ({PERSON})",
  "{PERSON} declined this event",
  "{PERSON} added {PERSON} to the group",
  "{PERSON} removed you from the group",
  "{PERSON} pinned a message",
  "{PERSON} shared their live location",
  "Caller {PERSON} verified date of birth, wants a refund",
  "Spoke with {PERSON} re: late delivery, credit issued",
  "Gift message: Happy birthday! Love, {PERSON}",
  "Review by {PERSON}: great fit, fast shipping",
  "{PERSON} applied for Senior Data Engineer",
  "Interviewers: {PERSON}, {PERSON}",
];
const FORTIETH_NEGATIVES = [
  "You have been invited to Weekly sync",
  "Accepted: Weekly sync",
  "A message was pinned",
  "Review: great fit, fast shipping",
  "3 people applied for Senior Data Engineer",
];
const NATIVE_FORTIETH = {
  de: {
    templates: [
      "{PERSON} hat dich zur Gruppe hinzugefügt",
      "Zugesagt: Jour fixe ({PERSON})",
      "{PERSON} hat eine Nachricht angeheftet",
      "Anrufer {PERSON} möchte eine Rückerstattung",
      "{PERSON} hat sich auf die Stelle beworben",
    ],
    negatives: ["Du wurdest zur Gruppe hinzugefügt", "Zugesagt: Jour fixe"],
  },
  fr: {
    templates: [
      "{PERSON} vous a ajouté au groupe",
      "{PERSON} a refusé cet événement",
      "Avis de {PERSON} : taille parfaite",
      "{PERSON} a postulé au poste de data engineer",
    ],
    negatives: ["Vous avez été ajouté au groupe", "Avis : taille parfaite"],
  },
  es: {
    templates: [
      "{PERSON} te añadió al grupo",
      "{PERSON} rechazó este evento",
      "Opinión de {PERSON}: talla perfecta",
      "{PERSON} se postuló para Data Engineer",
    ],
    negatives: ["Te añadieron al grupo", "Opinión: talla perfecta"],
  },
  it: {
    templates: [
      "{PERSON} ti ha aggiunto al gruppo",
      "{PERSON} ha rifiutato l'evento",
      "Recensione di {PERSON}: taglia perfetta",
      "{PERSON} si è candidato per Data Engineer",
    ],
    negatives: ["Sei stato aggiunto al gruppo", "Recensione: taglia perfetta"],
  },
  nl: {
    templates: [
      "{PERSON} heeft je aan de groep toegevoegd",
      "{PERSON} heeft deze afspraak geweigerd",
      "Review van {PERSON}: past perfect",
      "{PERSON} heeft gesolliciteerd op Data Engineer",
    ],
    negatives: ["Je bent aan de groep toegevoegd", "Review: past perfect"],
  },
};

/**
 * `--templates fortyfirst`: session 24's check of the fortieth set's rules, written after them and before any of its
 * own records was read: the same kinds of line (calendars, group chats, call notes, reviews, hiring) in other words
 * and orders.
 */
const FORTYFIRST_TEMPLATES = [
  "{PERSON} accepted your invitation",
  "Declined: Quarterly planning ({PERSON})",
  "{PERSON} left the group",
  "{PERSON} changed the group name to Book club",
  "{PERSON} started a video call",
  "Talked with {PERSON} about the invoice, will call back",
  "Caller {PERSON} asked to close the account",
  "Reviewed by {PERSON} on 3 May: runs small",
  "Candidate {PERSON} applied to Product Designer",
  "Panel: {PERSON}, {PERSON}",
  "Happy anniversary! Love, {PERSON}",
  "{PERSON} proposed a new time",
];
const FORTYFIRST_NEGATIVES = [
  "Declined: Quarterly planning",
  "The group name was changed to Book club",
  "Runs small, order a size up",
  "Happy anniversary!",
  "A video call started at 10:02",
];
const NATIVE_FORTYFIRST = {
  de: {
    templates: [
      "{PERSON} hat die Gruppe verlassen",
      "Abgesagt: Quartalsplanung ({PERSON})",
      "Bewertung von {PERSON}: fällt klein aus",
    ],
    negatives: ["Abgesagt: Quartalsplanung", "Fällt klein aus"],
  },
  fr: {
    templates: ["{PERSON} a accepté votre invitation", "Avis de {PERSON} : taille petit"],
    negatives: ["Invitation acceptée", "Taille petit"],
  },
  es: {
    templates: ["{PERSON} aceptó tu invitación", "Reseña de {PERSON}: talla pequeña"],
    negatives: ["Invitación aceptada", "Talla pequeña"],
  },
  it: {
    templates: ["{PERSON} ha accettato il tuo invito", "Recensione di {PERSON}: veste piccolo"],
    negatives: ["Invito accettato", "Veste piccolo"],
  },
  nl: {
    templates: ["{PERSON} heeft je uitnodiging geaccepteerd", "Beoordeling van {PERSON}: valt klein"],
    negatives: ["Uitnodiging geaccepteerd", "Valt klein"],
  },
};

/**
 * `--templates fortysecond`: session 24's third first reading, written before any of its records was read: devices
 * named for their owner (phones, laptops, earbuds, hotspots, AirDrop), smart-home and find-my notices, fitness and
 * photo apps, shared passwords, in English and five European languages; with look-alikes.
 */
const FORTYSECOND_TEMPLATES = [
  "{PERSON}'s iPhone",
  "AirDrop: {PERSON}'s MacBook Pro would like to share a photo",
  "Connected to {PERSON}'s AirPods",
  "Wi-Fi: {PERSON}'s Galaxy S23 (hotspot)",
  "{PERSON} is at the front door",
  "{PERSON} arrived home",
  "{PERSON} completed a 5k run in 27:14",
  "Kudos from {PERSON} and 3 others",
  "Is this {PERSON}? Tag people to find photos faster",
  "{PERSON} added 12 photos to Family trip",
  "{PERSON} shared a password with you: Netflix",
  "Find My: {PERSON}'s AirTag is near you",
];
const FORTYSECOND_NEGATIVES = [
  "iPhone 15 Pro connected",
  "Motion detected at the front door",
  "5k run completed in 27:14",
  "12 photos added to Family trip",
  "AirTag found moving with you",
  "Wi-Fi: Office-Guest (5 GHz)",
];
const NATIVE_FORTYSECOND = {
  de: {
    templates: [
      "iPhone von {PERSON}",
      "{PERSON} ist zu Hause angekommen",
      "Verbunden mit den AirPods von {PERSON}",
      "{PERSON} hat 12 Fotos zum Album Familienurlaub hinzugefügt",
    ],
    negatives: ["Bewegung an der Haustür erkannt", "iPhone verbunden"],
  },
  fr: {
    templates: [
      "iPhone de {PERSON}",
      "{PERSON} est arrivé à la maison",
      "Connecté aux AirPods de {PERSON}",
      "{PERSON} a partagé un mot de passe avec vous",
    ],
    negatives: ["Mouvement détecté à la porte d'entrée", "iPhone connecté"],
  },
  es: {
    templates: [
      "iPhone de {PERSON}",
      "{PERSON} ha llegado a casa",
      "Conectado a los AirPods de {PERSON}",
      "{PERSON} completó una carrera de 5 km",
    ],
    negatives: ["Movimiento detectado en la puerta", "iPhone conectado"],
  },
  it: {
    templates: [
      "iPhone di {PERSON}",
      "{PERSON} è arrivato a casa",
      "Connesso agli AirPods di {PERSON}",
      "{PERSON} ha aggiunto 12 foto all'album Vacanze",
    ],
    negatives: ["Movimento rilevato alla porta", "iPhone connesso"],
  },
  nl: {
    templates: [
      "iPhone van {PERSON}",
      "{PERSON} is thuis aangekomen",
      "Verbonden met AirPods van {PERSON}",
      "{PERSON} heeft een wachtwoord met je gedeeld",
    ],
    negatives: ["Beweging gedetecteerd bij de voordeur", "iPhone verbonden"],
  },
};

/**
 * `--templates fortythird`: session 24's check of the forty-second set's rules, written after them and before any of
 * its own records was read: devices, smart-home, fitness and photo apps in other words and orders.
 */
const FORTYTHIRD_TEMPLATES = [
  "Bluetooth: {PERSON}'s Pixel 8 connected",
  "{PERSON}'s iPad is charging",
  "Personal Hotspot - {PERSON}'s iPhone",
  "{PERSON} left home",
  "{PERSON} completed a 40 min ride",
  "{PERSON} gave you kudos",
  "Photos of {PERSON}: 214 items",
  "{PERSON} shared an album with you: Lisbon 2026",
  "Doorbell: {PERSON} is at the door",
  "{PERSON}'s Apple Watch: low battery",
];
const FORTYTHIRD_NEGATIVES = [
  "Bluetooth: Pixel 8 connected",
  "iPad is charging",
  "Ride completed: 40 min",
  "Album shared: Lisbon 2026",
  "Doorbell pressed at 18:02",
];
const NATIVE_FORTYTHIRD = {
  de: {
    templates: [
      "{PERSON} hat das Haus verlassen",
      "Fotos von {PERSON}: 214 Objekte",
      "iPad von {PERSON} wird geladen",
    ],
    negatives: ["iPad wird geladen", "Fahrt beendet: 40 Min."],
  },
  fr: {
    templates: [
      "{PERSON} a quitté la maison",
      "Photos de {PERSON} : 214 éléments",
      "iPad de {PERSON} en charge",
    ],
    negatives: ["iPad en charge", "Sortie terminée : 40 min"],
  },
  es: {
    templates: [
      "{PERSON} ha salido de casa",
      "Fotos de {PERSON}: 214 elementos",
      "iPad de {PERSON} cargando",
    ],
    negatives: ["iPad cargando", "Ruta completada: 40 min"],
  },
  it: {
    templates: ["{PERSON} è uscito di casa", "Foto di {PERSON}: 214 elementi", "iPad di {PERSON} in carica"],
    negatives: ["iPad in carica", "Uscita completata: 40 min"],
  },
  nl: {
    templates: [
      "{PERSON} is van huis vertrokken",
      "Foto's van {PERSON}: 214 items",
      "iPad van {PERSON} wordt opgeladen",
    ],
    negatives: ["iPad wordt opgeladen", "Rit voltooid: 40 min"],
  },
};

/**
 * `--templates fortyfourth`: session 24's check of the rules made from the forty-third set (read first as a check,
 * then used), written after them and before any of its own records was read: photo apps' people, leaving and
 * arriving, kudos and devices in other words.
 */
const FORTYFOURTH_TEMPLATES = [
  "Memories with {PERSON}: 3 years ago today",
  "{PERSON} left work",
  "{PERSON} gave you a shout-out",
  "People: {PERSON}, {PERSON} and 4 more",
  "Photos of {PERSON} and {PERSON}",
  "{PERSON}'s MacBook Air wants to connect",
  "{PERSON} arrived at work",
  "Your kudos to {PERSON} was sent",
];
const FORTYFOURTH_NEGATIVES = [
  "Memories: 3 years ago today",
  "People: 6 faces found",
  "Photos of Paris: 214 items",
  "MacBook Air wants to connect",
];
const NATIVE_FORTYFOURTH = {
  de: {
    templates: ["{PERSON} hat die Arbeit verlassen", "Fotos mit {PERSON}", "Personen: {PERSON}, {PERSON}"],
    negatives: ["Fotos von Paris", "Personen: 6 Gesichter"],
  },
  fr: {
    templates: ["{PERSON} est arrivée au travail", "Photos avec {PERSON}", "Personnes : {PERSON}, {PERSON}"],
    negatives: ["Photos de Paris", "Personnes : 6 visages"],
  },
  es: {
    templates: ["{PERSON} ha llegado al trabajo", "Fotos con {PERSON}"],
    negatives: ["Fotos de París"],
  },
  it: {
    templates: ["{PERSON} è arrivata al lavoro", "Foto con {PERSON}"],
    negatives: ["Foto di Parigi"],
  },
  nl: {
    templates: ["{PERSON} is op het werk aangekomen", "Foto's met {PERSON}"],
    negatives: ["Foto's van Parijs"],
  },
};

/**
 * `--templates fortyfifth`: session 25's check of the rules made from the forty-fourth set (a city as another language
 * writes it after photos, labels of people, arriving at and leaving work, memories, "3 years ago" in other
 * languages), written after them and before any of its records was read: the same in other words.
 */
const FORTYFIFTH_TEMPLATES = [
  "{PERSON} got to the office",
  "{PERSON} has left the office",
  "Participants: {PERSON}, {PERSON}",
  "Memories with {PERSON}: 5 years ago",
  "Photos with {PERSON}: 38 items",
  "Members: {PERSON}, {PERSON}",
  "{PERSON} reached work at 8:42",
  "On this day with {PERSON}",
];
const FORTYFIFTH_NEGATIVES = [
  "Photos from Lisbon",
  "Memories from Vienna",
  "People: 12 faces",
  "Members: 4 of 10 online",
];
const NATIVE_FORTYFIFTH = {
  de: {
    templates: [
      "{PERSON} ist im Büro angekommen",
      "Erinnerungen mit {PERSON}: vor 3 Jahren",
      "Teilnehmende: {PERSON}, {PERSON}",
    ],
    negatives: ["Fotos aus Venedig", "vor 3 Jahren in Wien"],
  },
  fr: {
    templates: [
      "{PERSON} a quitté le bureau",
      "Souvenirs avec {PERSON} : il y a 3 ans",
      "Participants : {PERSON}, {PERSON}",
    ],
    negatives: ["Photos de Venise", "il y a 3 ans à Lisbonne"],
  },
  es: {
    templates: ["{PERSON} salió del trabajo", "Personas: {PERSON}, {PERSON}"],
    negatives: ["Fotos de Lisboa", "hace 3 años en Sevilla"],
  },
  it: {
    templates: ["{PERSON} è uscita dal lavoro", "Persone: {PERSON}, {PERSON}"],
    negatives: ["Foto di Venezia", "3 anni fa a Firenze"],
  },
  nl: {
    templates: ["{PERSON} is van kantoor vertrokken", "Deelnemers: {PERSON}, {PERSON}"],
    negatives: ["Foto's uit Lissabon", "3 jaar geleden in Wenen"],
  },
};

/**
 * `--templates fortysixth`: session 25's first reading, written before any of its records was read: school and
 * course platforms (graded, submitted, feedback), patient portals (referred, prescribed, results reviewed), rides
 * (your driver, rate your trip) and signatures before witnesses, in English and five European languages; with
 * look-alikes.
 */
const FORTYSIXTH_TEMPLATES = [
  "Graded by {PERSON} · 18/20",
  "Submission received from {PERSON}",
  "Feedback from your tutor {PERSON} is ready",
  "Referral: Dr. {PERSON}, cardiology",
  "Results reviewed by {PERSON} on Monday",
  "Prescribed by {PERSON}, GP",
  "Your driver {PERSON} is 3 minutes away",
  "Rate your trip with {PERSON}",
  ocr("Witness: {PERSON}"),
  "Signed in the presence of {PERSON}",
  "{PERSON} submitted Essay 2",
  title("Assignment 3 - {PERSON} - Moodle"),
];
const FORTYSIXTH_NEGATIVES = [
  "Graded automatically · 18/20",
  "Your driver is 3 minutes away",
  "Results reviewed on Monday",
  title("Assignment 3 - Week 5 - Moodle"),
];
const NATIVE_FORTYSIXTH = {
  de: {
    templates: [
      "Bewertet von {PERSON}: 1,7",
      "Ihr Fahrer {PERSON} ist in 3 Minuten da",
      "Überweisung an Dr. {PERSON}, Kardiologie",
      "Abgabe von {PERSON} eingegangen",
    ],
    negatives: ["Ihr Fahrer ist in 3 Minuten da", "Bewertet: 1,7"],
  },
  fr: {
    templates: [
      "Noté par {PERSON} : 15/20",
      "Votre chauffeur {PERSON} arrive dans 3 minutes",
      "Ordonnance du Dr {PERSON}",
      "Témoin : {PERSON}",
    ],
    negatives: ["Votre chauffeur arrive dans 3 minutes"],
  },
  es: {
    templates: [
      "Calificado por {PERSON}: 9/10",
      "Tu conductor {PERSON} llega en 3 minutos",
      "Receta de la Dra. {PERSON}",
    ],
    negatives: ["Tu conductor llega en 3 minutos"],
  },
  it: {
    templates: [
      "Valutato da {PERSON}: 28/30",
      "Il tuo autista {PERSON} arriva tra 3 minuti",
      "Referto firmato da {PERSON}",
    ],
    negatives: ["Il tuo autista arriva tra 3 minuti"],
  },
  nl: {
    templates: [
      "Beoordeeld door {PERSON}: 7,5",
      "Je chauffeur {PERSON} is er over 3 minuten",
      "Verwijzing naar dr. {PERSON}, cardiologie",
    ],
    negatives: ["Je chauffeur is er over 3 minuten"],
  },
};

/**
 * `--templates fortyseventh`: session 25's check of the rules made from the forty-sixth set, written after them and
 * before any of its records was read: courses, rides, witnesses and patient portals in other words.
 */
const FORTYSEVENTH_TEMPLATES = [
  "{PERSON} submitted the assignment late",
  "Marked by {PERSON}: B+",
  "Your Uber driver {PERSON} has arrived",
  "Witnessed by {PERSON}",
  "In the presence of: {PERSON}",
  "Lab results released by {PERSON}",
  title("Quiz 4 - {PERSON} - Canvas"),
  "Your instructor {PERSON} left a comment",
];
const FORTYSEVENTH_NEGATIVES = [
  "Marked automatically: B+",
  "Your Uber driver has arrived",
  "Witnessed by two colleagues",
  title("Quiz 4 - Review - Canvas"),
];
const NATIVE_FORTYSEVENTH = {
  de: {
    templates: [
      "Ihre Fahrerin {PERSON} ist angekommen",
      "In Anwesenheit von {PERSON} unterschrieben",
      "Einreichung von {PERSON} erhalten",
    ],
    negatives: ["Ihre Fahrerin ist angekommen"],
  },
  fr: {
    templates: ["Votre chauffeuse {PERSON} est arrivée", "Devoir rendu par {PERSON}"],
    negatives: ["Votre chauffeuse est arrivée"],
  },
  es: {
    templates: ["Tu conductora {PERSON} ha llegado", "Firmado en presencia de {PERSON}"],
    negatives: ["Tu conductora ha llegado"],
  },
  it: {
    templates: ["Il tuo autista {PERSON} è arrivato", "Firmato alla presenza di {PERSON}"],
    negatives: ["Il tuo autista è arrivato"],
  },
  nl: {
    templates: ["Je chauffeur {PERSON} is aangekomen", "Ondertekend in aanwezigheid van {PERSON}"],
    negatives: ["Je chauffeur is aangekomen"],
  },
};

/** Screens with nothing personal on them: titles and windows of ordinary work. */
/**
 * `--templates fifteenth`: written in session 17 after the tenth set's misses were read and rules made from them
 * (bylines with a time after the name, a ticket's line, an inbox's rows): the same kinds of screen text in other
 * words and orders, as a check of those rules; with look-alikes that name no person.
 */
const FIFTEENTH_TEMPLATES = [
  ocr("Modified 3 days ago by {PERSON}"),
  ocr("Updated by {PERSON} yesterday"),
  ocr("Created by {PERSON} on 12 May"),
  ocr("INC-2231: {PERSON} cannot access VPN"),
  ocr("Bug 4410: {PERSON} reported a crash on login"),
  ocr("Unread\n{PERSON}  Re: Q3 budget  11:02\n{PERSON}  Invoice #2231  Mon"),
  ocr("{PERSON}  Team standup notes  08:15"),
  ocr("Owner: {PERSON}\nLast modified by {PERSON} 5 minutes ago"),
  ocr("Comment by {PERSON}: looks good to me"),
  ocr("{PERSON} is out of office until Monday"),
  ocr("Assigned to {PERSON}"),
  ocr("Reviewer  {PERSON}  Approved"),
  title("{PERSON} - Out of Office - Outlook"),
  ocr("Last updated by {PERSON} just now"),
];
const FIFTEENTH_NEGATIVES = [
  ocr("Modified 3 days ago by Admin"),
  ocr("Unread\nNewsletter  Weekly digest  11:02"),
  ocr("Bug 4410: Login page crashes on submit"),
  ocr("Assigned to Support Team"),
  ocr("Updated by System yesterday"),
  ocr("Status: Build cannot start"),
  ocr("Drafts  Quarterly plan  Yesterday"),
];

const SCREEN_NEGATIVES = [
  title("Settings - Visual Studio Code"),
  title("Quarterly Report.xlsx - Excel"),
  title("Calendar - Week of 3 March - Outlook"),
  title("General | Engineering | Microsoft Teams"),
  ocr("File  Edit  View  Help\nUntitled document\nAll changes saved"),
  ocr("Build #1842 failed\nStep 6 of 9: Run tests\nRetry  Cancel"),
  ocr("New Message\nTo\nSubject\nSend"),
  ocr("Product Roadmap Q3\nOwner  Platform Team\nStatus  In Progress"),
];

/** Innocent look-alikes: numbers, capitalised words and places that are no personal data. */
const NEGATIVES = [
  "Version 3.2 of the app ships on Monday, Room 4 at 10:30",
  "We sold 250 units in Q3, up 12% from the 220 in Q2",
  "Chapter 7, Section 2: the Treaty of Paris (1783)",
  "Upgrade Node to 20.11 and Python to 3.12 before Friday",
  "The meeting moved to 3 pm; bring the Q4 Budget Review",
  "Order #48213 shipped: 2 x USB-C Cable, 1 x Power Adapter",
  "Build 1842 failed on step 6 of 9",
  "Read pages 120-145 of Principles of Economics",
];

/**
 * The same kinds of message written in the locale's own language (`--locales europe`): chat, a delivery address, a
 * call-back request, a form, and innocent sentences of ordinary office work (German capitalises every noun).
 */
const NATIVE = {
  de: {
    templates: [
      "Hallo {PERSON}, kannst du mich unter {PHONE_NUMBER} zurückrufen?",
      "Mein Name ist {PERSON} und ich wohne in der {STREET_ADDRESS}.",
      "Schick das Paket bitte an {STREET_ADDRESS}, danke!",
      "{PERSON} hat angerufen, Rückruf unter {PHONE_NUMBER}",
      "Lieferadresse: {STREET_ADDRESS}\nTelefon: {PHONE_NUMBER}",
      "Ich treffe mich morgen mit {PERSON} in der {STREET_ADDRESS}.",
      "Bitte überweise es auf {IBAN_CODE} (Konto von {PERSON})",
      "{PERSON} <{EMAIL_ADDRESS}> schrieb: wir ziehen nächsten Monat in die {STREET_ADDRESS}",
    ],
    negatives: [
      "Sehr geehrte Damen und Herren, anbei die Rechnung für das Projekt.",
      "Die Besprechung ist am Montag um 10 Uhr im Raum 4.",
      "Wir müssen das Budget für Marketing und Vertrieb noch einmal prüfen.",
      "Der Vertrag läuft bis Ende Dezember und verlängert sich um ein Jahr.",
    ],
  },
  fr: {
    templates: [
      "Bonjour {PERSON}, tu peux me rappeler au {PHONE_NUMBER} ?",
      "Je m'appelle {PERSON} et j'habite au {STREET_ADDRESS}.",
      "Envoie le colis à {STREET_ADDRESS}, merci !",
      "{PERSON} a appelé, rappelle-le au {PHONE_NUMBER}",
      "Adresse de livraison : {STREET_ADDRESS}\nTéléphone : {PHONE_NUMBER}",
      "Je vois {PERSON} demain au {STREET_ADDRESS}.",
      "Fais le virement sur {IBAN_CODE} (compte de {PERSON})",
    ],
    negatives: [
      "La réunion est reportée à jeudi, merci de confirmer.",
      "Nous avons terminé la phase de test, la mise en production est prévue lundi.",
      "Le chapitre 3 de la Constitution, version 2.1 du document",
    ],
  },
  es: {
    templates: [
      "Hola {PERSON}, ¿me puedes llamar al {PHONE_NUMBER}?",
      "Me llamo {PERSON} y vivo en {STREET_ADDRESS}.",
      "Manda el paquete a {STREET_ADDRESS}, ¡gracias!",
      "{PERSON} ha llamado, devuélvele la llamada al {PHONE_NUMBER}",
      "Dirección de envío: {STREET_ADDRESS}\nTeléfono: {PHONE_NUMBER}",
      "Mañana quedo con {PERSON} en {STREET_ADDRESS}.",
    ],
    negatives: [
      "El informe está listo, lo reviso mañana con el equipo.",
      "La reunión es el lunes a las 10 en la sala 4.",
      "Hemos vendido 250 unidades en el tercer trimestre.",
    ],
  },
  it: {
    templates: [
      "Ciao {PERSON}, mi richiami al {PHONE_NUMBER}?",
      "Mi chiamo {PERSON} e abito in {STREET_ADDRESS}.",
      "Spedisci il pacco a {STREET_ADDRESS}, grazie!",
      "{PERSON} ha chiamato, richiamalo al {PHONE_NUMBER}",
      "Indirizzo di consegna: {STREET_ADDRESS}\nTelefono: {PHONE_NUMBER}",
      "Domani vedo {PERSON} in {STREET_ADDRESS}.",
    ],
    negatives: [
      "Il cliente ha confermato l'ordine, spediamo lunedì.",
      "La riunione è spostata a giovedì alle 15 nella sala 2.",
    ],
  },
  nl: {
    templates: [
      "Hoi {PERSON}, kun je me terugbellen op {PHONE_NUMBER}?",
      "Ik heet {PERSON} en ik woon op {STREET_ADDRESS}.",
      "Stuur het pakket naar {STREET_ADDRESS}, bedankt!",
      "{PERSON} heeft gebeld, bel terug op {PHONE_NUMBER}",
      "Afleveradres: {STREET_ADDRESS}\nTelefoon: {PHONE_NUMBER}",
      "Morgen zie ik {PERSON} op {STREET_ADDRESS}.",
    ],
    negatives: [
      "De vergadering is verplaatst naar donderdag.",
      "Versie 3.2 van de app komt maandag uit, kamer 4 om 10:30.",
    ],
  },
};

/**
 * Each set of templates (`--templates`): its English messages, and the messages in the locales' own languages that
 * two in three records of those locales take. `nativeOrder`: names in those messages are written as their language
 * writes them (see nativeOrderPerson).
 */
/**
 * `--templates fortyeighth`: session 26's first reading, written before any of its records was read: insurance
 * claims, tax returns, estates and probate, loans and tenancies, proof of delivery and family forms (the parties a
 * form names by their role: insured, taxpayer, spouse, guarantor, executor, co-signer, dependant, signed for by).
 */
const FORTYEIGHTH_TEMPLATES = [
  "Insured: {PERSON}",
  "Policyholder {PERSON}, claim no. 55-10293",
  "Taxpayer: {PERSON}   Spouse: {PERSON}",
  "Guarantor: {PERSON}, {STREET_ADDRESS}",
  "Executor of the estate: {PERSON}",
  "Co-signer {PERSON} has signed the loan agreement",
  "Dependant: {PERSON} (child, 9)",
  "Signed for by: {PERSON}",
  ocr("POD - received by {PERSON} 14:02"),
  "Tenant: {PERSON}, {STREET_ADDRESS}, tel. {PHONE_NUMBER}",
  "Joint applicant {PERSON} added",
  title("Claim 55-10293 - {PERSON} - Guidewire"),
];
const FORTYEIGHTH_NEGATIVES = [
  "Insured: yes   Claim no. 55-10293",
  "Taxpayer status: single",
  "Signed for by: front desk",
  title("Claim 55-10293 - Open - Guidewire"),
];
const NATIVE_FORTYEIGHTH = {
  de: {
    templates: [
      "Versicherungsnehmer: {PERSON}",
      "Steuerpflichtiger: {PERSON}, Ehegatte: {PERSON}",
      "Bürge: {PERSON}, {STREET_ADDRESS}",
      "Sendung entgegengenommen von {PERSON}",
    ],
    negatives: ["Versicherungsnehmer: siehe Anlage", "Sendung entgegengenommen"],
  },
  fr: {
    templates: [
      "Assuré : {PERSON}",
      "Déclarant : {PERSON} — Conjoint : {PERSON}",
      "Caution solidaire : {PERSON}",
      "Colis remis à {PERSON}",
    ],
    negatives: ["Assuré : oui", "Colis remis en main propre"],
  },
  es: {
    templates: [
      "Tomador del seguro: {PERSON}",
      "Declarante: {PERSON}, cónyuge: {PERSON}",
      "Avalista: {PERSON}",
      "Entregado a {PERSON}",
    ],
    negatives: ["Entregado en portería"],
  },
  it: {
    templates: [
      "Contraente: {PERSON}",
      "Dichiarante {PERSON}, coniuge {PERSON}",
      "Garante: {PERSON}",
      "Consegnato a {PERSON}",
    ],
    negatives: ["Consegnato in portineria"],
  },
  nl: {
    templates: [
      "Verzekeringnemer: {PERSON}",
      "Belastingplichtige: {PERSON}, partner: {PERSON}",
      "Borg: {PERSON}",
      "Afgeleverd bij {PERSON}",
    ],
    negatives: ["Afgeleverd bij de buren"],
  },
};

/**
 * `--templates fortyninth`: session 26's check of the rules made from the forty-eighth set, written after them and
 * before any of its records was read: the parties of insurance, tax, loan, estate and tenancy forms and parcels'
 * deliveries in other words and orders.
 */
const FORTYNINTH_TEMPLATES = [
  "Name of insured: {PERSON}",
  "Primary taxpayer {PERSON} and spouse {PERSON} filed jointly",
  "Co-borrower: {PERSON}",
  "Beneficiary of the policy: {PERSON}, {STREET_ADDRESS}",
  "Trustee: {PERSON}",
  "Parcel handed to {PERSON} at the door",
  ocr("Delivered - signed by {PERSON}"),
  "Landlord: {PERSON}, {STREET_ADDRESS}, phone {PHONE_NUMBER}",
  "Heir: {PERSON} (son)",
  "The deceased, {PERSON}, left no will",
  title("Policy 88-20417 - {PERSON} - Duck Creek"),
  "Applicant: {PERSON}, {STREET_ADDRESS}",
];
const FORTYNINTH_NEGATIVES = [
  "Name of insured: see schedule",
  "Parcel handed to reception at the door",
  "Trustee: to be appointed",
  title("Policy 88-20417 - Renewal - Duck Creek"),
];
const NATIVE_FORTYNINTH = {
  de: {
    templates: [
      "Versicherte Person: {PERSON}",
      "Darlehensnehmer {PERSON} und Bürgin {PERSON}",
      "Erbin: {PERSON}, {STREET_ADDRESS}",
      "Paket übergeben an {PERSON}",
    ],
    negatives: ["Paket übergeben an Nachbarn", "Versicherte Person: siehe Police"],
  },
  fr: {
    templates: [
      "Souscripteur : {PERSON}",
      "Emprunteur {PERSON}, co-emprunteur {PERSON}",
      "Héritière : {PERSON}, {STREET_ADDRESS}",
      "Livré à {PERSON} à 14h02",
    ],
    negatives: ["Livré en point relais"],
  },
  es: {
    templates: [
      "Asegurado: {PERSON}",
      "Prestatario {PERSON} y fiador {PERSON}",
      "Heredera: {PERSON}, {STREET_ADDRESS}",
      "Paquete entregado a {PERSON}",
    ],
    negatives: ["Paquete entregado en conserjería"],
  },
  it: {
    templates: [
      "Assicurato: {PERSON}",
      "Mutuatario {PERSON}, garante {PERSON}",
      "Erede: {PERSON}, {STREET_ADDRESS}",
      "Pacco consegnato a {PERSON}",
    ],
    negatives: ["Pacco consegnato al portiere"],
  },
  nl: {
    templates: [
      "Verzekerde: {PERSON}",
      "Kredietnemer {PERSON} en borg {PERSON}",
      "Erfgenaam: {PERSON}, {STREET_ADDRESS}",
      "Pakket overhandigd aan {PERSON}",
    ],
    negatives: ["Pakket afgeleverd bij de buren"],
  },
};

/**
 * `--templates fiftieth`: session 26's second first reading, written before any of its records was read: travel
 * and identity documents (boarding passes' SURNAME/GIVEN, passport pages' fields in capitals, machine-readable
 * zones, hotel check-ins, visas) and court captions ("X v. Y", "in the matter of the estate of X").
 */
const FIFTIETH_TEMPLATES = [
  ocr("PASSENGER NAME {PERSON_SLASH} MR"),
  "Boarding pass: {PERSON_SLASH} MS  Seat 14C  Gate B22",
  ocr("Surname / Nom\n{PERSON_LAST_UPPER}\nGiven names / Prénoms\n{PERSON_FIRST_UPPER}"),
  ocr("P<GBR{PERSON_MRZ}<<<<<<<<<<<<"),
  "{PERSON} v. {PERSON}, No. 21-cv-0412",
  "In the matter of the estate of {PERSON}, deceased",
  "Traveller: {PERSON_UPPER}",
  "Check-in: {PERSON}, 2 adults, 3 nights",
  "Visa holder {PERSON}, valid until 12/2027",
  ocr("NAME {PERSON_UPPER} DOB 12 MAR 1984"),
  title("Booking QX7R2P - {PERSON} - Lufthansa"),
  "Lead passenger {PERSON_UPPER}, booking ref QX7R2P",
];
const FIFTIETH_NEGATIVES = [
  "Boarding pass  Seat 14C  Gate B22",
  ocr("PASSENGER NAME SEE BOOKING"),
  "Check-in: 2 adults, 3 nights",
  title("Booking QX7R2P - Manage - Lufthansa"),
];
const NATIVE_FIFTIETH = {
  de: {
    templates: [
      "Name/Vorname: {PERSON_SLASH}",
      "Reisender: {PERSON_UPPER}",
      ocr("Familienname / Surname\n{PERSON_LAST_UPPER}\nVornamen / Given names\n{PERSON_FIRST_UPPER}"),
      "{PERSON} gegen {PERSON}, Az. 3 O 412/21",
    ],
    negatives: ["Reisender: siehe Buchung"],
  },
  fr: {
    templates: [
      "Passager : {PERSON_SLASH} M",
      ocr("Nom / Surname\n{PERSON_LAST_UPPER}\nPrénoms / Given names\n{PERSON_FIRST_UPPER}"),
      "{PERSON} c. {PERSON}, RG 21/04123",
      "Voyageur : {PERSON}",
    ],
    negatives: ["Passager : voir réservation"],
  },
  es: {
    templates: [
      "Pasajero: {PERSON_SLASH}",
      ocr("Apellidos / Surname\n{PERSON_LAST_UPPER}\nNombre / Given names\n{PERSON_FIRST_UPPER}"),
      "Huésped: {PERSON}, 2 adultos",
      "{PERSON} contra {PERSON}",
    ],
    negatives: ["Huésped: 2 adultos"],
  },
  it: {
    templates: [
      "Passeggero: {PERSON_SLASH}",
      ocr("Cognome / Surname\n{PERSON_LAST_UPPER}\nNome / Given names\n{PERSON_FIRST_UPPER}"),
      "{PERSON} contro {PERSON}",
    ],
    negatives: ["Passeggero: vedi prenotazione"],
  },
  nl: {
    templates: [
      "Passagier: {PERSON_SLASH}",
      ocr("Naam / Surname\n{PERSON_LAST_UPPER}\nVoornamen / Given names\n{PERSON_FIRST_UPPER}"),
      "{PERSON} tegen {PERSON}",
    ],
    negatives: ["Passagier: zie boeking"],
  },
};

/**
 * `--templates fiftyfirst`: session 26's check of the rules made from the fiftieth set, written after them and before
 * any of its records was read: travel and identity documents and court captions in other words and orders.
 */
const FIFTYFIRST_TEMPLATES = [
  ocr("NAME OF PASSENGER {PERSON_SLASH} MRS  FLIGHT LH 904"),
  "E-ticket: {PERSON_SLASH}  PNR 5KQ2XA",
  ocr("Given names / Prénoms\n{PERSON_FIRST_UPPER}\nSurname / Nom\n{PERSON_LAST_UPPER}"),
  ocr("I<UTOD231458907<<<<<<<<<<<<<<<\n{PERSON_MRZ}<<<<<<<<<<<<<<"),
  "{PERSON} vs. {PERSON} (2023)",
  "Estate of {PERSON}, deceased",
  "Guest name: {PERSON_UPPER}",
  "Room 214 - {PERSON}, checked in 14:05",
  "Cardholder {PERSON_UPPER}",
  ocr("HOLDER {PERSON_UPPER} EXPIRES 09/29"),
  title("Trip to Lisbon - {PERSON} - Booking.com"),
  "{PERSON} versus {PERSON}",
];
const FIFTYFIRST_NEGATIVES = [
  "E-ticket: PNR 5KQ2XA",
  "Estate of the late client, see file",
  "Room 214 - checked in 14:05",
  title("Trip to Lisbon - Reservations - Booking.com"),
];
const NATIVE_FIFTYFIRST = {
  de: {
    templates: [
      "Fluggast: {PERSON_SLASH} MR",
      ocr("Vornamen / Given names\n{PERSON_FIRST_UPPER}\nName / Surname\n{PERSON_LAST_UPPER}"),
      "In Sachen {PERSON} gegen {PERSON}",
      "Gast: {PERSON_UPPER}",
    ],
    negatives: ["Gast: siehe Buchung"],
  },
  fr: {
    templates: [
      "Nom du passager : {PERSON_SLASH}",
      ocr("Prénoms / Given names\n{PERSON_FIRST_UPPER}\nNom / Surname\n{PERSON_LAST_UPPER}"),
      "Affaire {PERSON} c. {PERSON}",
      "Client : {PERSON_UPPER}",
    ],
    negatives: ["Client : voir dossier"],
  },
  es: {
    templates: [
      "Nombre del pasajero: {PERSON_SLASH}",
      ocr("Nombre / Given names\n{PERSON_FIRST_UPPER}\nApellidos / Surname\n{PERSON_LAST_UPPER}"),
      "Caso {PERSON} contra {PERSON}",
    ],
    negatives: ["Nombre del pasajero: ver reserva"],
  },
  it: {
    templates: [
      "Nome passeggero: {PERSON_SLASH}",
      ocr("Nome / Given names\n{PERSON_FIRST_UPPER}\nCognome / Surname\n{PERSON_LAST_UPPER}"),
      "Causa {PERSON} contro {PERSON}",
    ],
    negatives: ["Nome passeggero: vedi prenotazione"],
  },
  nl: {
    templates: [
      "Naam passagier: {PERSON_SLASH}",
      ocr("Voornamen / Given names\n{PERSON_FIRST_UPPER}\nNaam / Surname\n{PERSON_LAST_UPPER}"),
      "Zaak {PERSON} tegen {PERSON}",
    ],
    negatives: ["Naam passagier: zie boeking"],
  },
};

/**
 * `--templates fiftysecond`: session 26's third first reading, written before any of its records was read: chat
 * exports and chat apps' rows (a WhatsApp export's "[date, time] X: …", Discord's "X — Today at 14:02", Slack's "X
 * 2:14 PM"), mail headers with a quoted "Last, First", company directories' "Last, First" and signatures' "X | role |
 * company".
 */
const FIFTYSECOND_TEMPLATES = [
  "[12/03/2024, 14:02:11] {PERSON}: running late, start without me",
  "12/03/2024, 14:02 - {PERSON}: ok see you there",
  "{PERSON} — Today at 14:02",
  "{PERSON}  2:14 PM\ncan someone review my PR?",
  'From: "{PERSON_LASTFIRST}" <{EMAIL_ADDRESS}>',
  "Manager: {PERSON_LASTFIRST}",
  "To: {PERSON_LASTFIRST}; {PERSON_LASTFIRST}",
  "{PERSON} | Senior Engineer | Acme Corp",
  "{PERSON} reacted 👍 to your message",
  "Forwarded message from {PERSON}",
  "{PERSON_LASTFIRST} (Ext.) is out of office",
  title("{PERSON} | Microsoft Teams"),
];
const FIFTYSECOND_NEGATIVES = [
  "[12/03/2024, 14:02:11] Messages and calls are end-to-end encrypted.",
  "Today at 14:02",
  "Senior Engineer | Acme Corp | Careers",
  "To: All Staff; Managers",
];
const NATIVE_FIFTYSECOND = {
  de: {
    templates: [
      "[12.03.24, 14:02:11] {PERSON}: bin gleich da",
      'Von: "{PERSON_LASTFIRST}" <{EMAIL_ADDRESS}>',
      "Vorgesetzte: {PERSON_LASTFIRST}",
      "{PERSON} — Heute um 14:02",
    ],
    negatives: ["Heute um 14:02"],
  },
  fr: {
    templates: [
      "[12/03/2024 14:02:11] {PERSON} : j'arrive",
      'De : "{PERSON_LASTFIRST}" <{EMAIL_ADDRESS}>',
      "Responsable : {PERSON_LASTFIRST}",
      "{PERSON} — Aujourd'hui à 14:02",
    ],
    negatives: ["Aujourd'hui à 14:02"],
  },
  es: {
    templates: [
      "[12/3/24, 14:02:11] {PERSON}: ya voy",
      'De: "{PERSON_LASTFIRST}" <{EMAIL_ADDRESS}>',
      "Responsable: {PERSON_LASTFIRST}",
    ],
    negatives: ["[12/3/24, 14:02:11] Los mensajes están cifrados de extremo a extremo."],
  },
  it: {
    templates: [
      "[12/03/24, 14:02:11] {PERSON}: arrivo",
      'Da: "{PERSON_LASTFIRST}" <{EMAIL_ADDRESS}>',
      "Responsabile: {PERSON_LASTFIRST}",
    ],
    negatives: ["Oggi alle 14:02"],
  },
  nl: {
    templates: [
      "[12-03-2024 14:02:11] {PERSON}: kom eraan",
      'Van: "{PERSON_LASTFIRST}" <{EMAIL_ADDRESS}>',
      "Leidinggevende: {PERSON_LASTFIRST}",
    ],
    negatives: ["Vandaag om 14:02"],
  },
};

/**
 * `--templates fiftythird`: session 26's check of the rules made from the fifty-second set, written after them and
 * before any of its records was read: chat exports and rows, mail headers, directories and signatures in other
 * words and orders.
 */
const FIFTYTHIRD_TEMPLATES = [
  "[3/12/24, 9:05:44 AM] {PERSON}: Photo omitted",
  "03.12.24, 09:05 - {PERSON}: Where are you?",
  "{PERSON} — Yesterday at 9:05 PM",
  "{PERSON}  9:05 AM\nPushed the fix, please take a look",
  'Reply-To: "{PERSON_LASTFIRST}" <{EMAIL_ADDRESS}>',
  "Line manager: {PERSON_LASTFIRST}",
  "Cc: {PERSON_LASTFIRST}; {PERSON_LASTFIRST}",
  "{PERSON} | Product Manager | Northwind",
  "{PERSON_LASTFIRST} (External) accepted the invitation",
  "{PERSON} (Guest) joined the meeting",
  "Sent by {PERSON} via WhatsApp",
  title("Chat with {PERSON} - Discord"),
];
const FIFTYTHIRD_NEGATIVES = [
  "[3/12/24, 9:05:44 AM] You created group “Project Alpha”",
  "Yesterday at 9:05 PM",
  "Product Manager | Northwind | Jobs",
  "Cc: Finance Team; Legal",
];
const NATIVE_FIFTYTHIRD = {
  de: {
    templates: [
      "03.12.24, 09:05 - {PERSON}: Wo bist du?",
      'Antwort an: "{PERSON_LASTFIRST}" <{EMAIL_ADDRESS}>',
      "{PERSON} | Projektleiterin | Northwind",
      "{PERSON} — Gestern um 21:05",
    ],
    negatives: ["Gestern um 21:05"],
  },
  fr: {
    templates: [
      "03/12/2024 09:05 - {PERSON}: Tu es où ?",
      'Répondre à : "{PERSON_LASTFIRST}" <{EMAIL_ADDRESS}>',
      "{PERSON} — Hier à 21:05",
    ],
    negatives: ["Hier à 21:05"],
  },
  es: {
    templates: [
      "3/12/24, 9:05 - {PERSON}: ¿Dónde estás?",
      "{PERSON} — Ayer a las 21:05",
      "Jefe directo: {PERSON_LASTFIRST}",
    ],
    negatives: ["Ayer a las 21:05"],
  },
  it: {
    templates: [
      "03/12/24, 09:05 - {PERSON}: Dove sei?",
      "{PERSON} — Ieri alle 21:05",
      "Responsabile diretto: {PERSON_LASTFIRST}",
    ],
    negatives: ["Ieri alle 21:05"],
  },
  nl: {
    templates: [
      "03-12-2024 09:05 - {PERSON}: Waar ben je?",
      "{PERSON} — Gisteren om 21:05",
      "Manager: {PERSON_LASTFIRST}",
    ],
    negatives: ["Gisteren om 21:05"],
  },
};

/**
 * `--templates fiftyfourth`: session 26's fourth first reading, written before any of its records was read: registers
 * and rosters (class lists and attendance, sign-up sheets, seating plans, team sheets, "SURNAME Given" as French,
 * Italian and Central European registers print it), "X and 3 others", a tool's configured user name.
 */
const FIFTYFOURTH_TEMPLATES = [
  "Participant: {PERSON_NOM} (FRA)",
  "{PERSON_NOM}, 3B",
  "Seat 12A: {PERSON}",
  "Sign-up sheet: 1. {PERSON} 2. {PERSON} 3. {PERSON}",
  "{PERSON} + 2 more",
  "{PERSON} and 4 others reacted",
  "user.name={PERSON}",
  'git config --global user.name "{PERSON}"',
  "#7 {PERSON} (captain)",
  "Absent today: {PERSON}, {PERSON}",
  "Team A: {PERSON}, {PERSON}; Team B: {PERSON}",
  ocr("1  {PERSON_NOM}  12.5/20"),
];
const FIFTYFOURTH_NEGATIVES = [
  "Absent today: none",
  "Seat 12A: empty",
  "1. Intro 2. Agenda 3. Q&A",
  "Team A vs Team B",
];
const NATIVE_FIFTYFOURTH = {
  de: {
    templates: [
      "Schüler: {PERSON_NOM}",
      "Anwesend: {PERSON}, {PERSON}",
      "{PERSON} und 3 weitere",
      "Sitzplatz 12A: {PERSON}",
    ],
    negatives: ["Anwesend: alle"],
  },
  fr: {
    templates: [
      "Élève : {PERSON_NOM}",
      "Absents : {PERSON}, {PERSON}",
      "{PERSON} et 3 autres personnes",
      "Place 12A : {PERSON}",
    ],
    negatives: ["Absents : aucun"],
  },
  es: {
    templates: ["Alumno: {PERSON_NOM}", "Ausentes: {PERSON}, {PERSON}", "{PERSON} y 3 personas más"],
    negatives: ["Ausentes: ninguno"],
  },
  it: {
    templates: ["Alunno: {PERSON_NOM}", "Assenti: {PERSON}, {PERSON}", "{PERSON} e altre 3 persone"],
    negatives: ["Assenti: nessuno"],
  },
  nl: {
    templates: ["Leerling: {PERSON_NOM}", "Afwezig: {PERSON}, {PERSON}", "{PERSON} en 3 anderen"],
    negatives: ["Afwezig: niemand"],
  },
};

/**
 * `--templates fiftyfifth`: session 26's check of the rules made from the fifty-fourth set, written after them and
 * before any of its records was read: registers, rosters and sign-up lists in other words and orders.
 */
const FIFTYFIFTH_TEMPLATES = [
  "Excused: {PERSON}, {PERSON}",
  "Group 3: {PERSON}, {PERSON}",
  "Table 4: {PERSON} and {PERSON}",
  "{PERSON_NOM}\t14/20",
  "Registered: 1. {PERSON} 2. {PERSON}",
  "{PERSON} (GK)",
  "Liked by {PERSON} + 5 more",
  "author = {PERSON}",
  "Present: {PERSON_NOM}, {PERSON_NOM}",
  "Bed 7 - {PERSON}",
  "{PERSON} and 2 others are typing",
  title("Class 4B register - {PERSON} - SchoolBase"),
];
const FIFTYFIFTH_NEGATIVES = [
  "Excused: none",
  "Group 3: TBD",
  "1. Budget 2. Hiring 3. Other business",
  "Bed 7 - free",
];
const NATIVE_FIFTYFIFTH = {
  de: {
    templates: ["Entschuldigt: {PERSON}, {PERSON}", "Gruppe 3: {PERSON}, {PERSON}", "{PERSON} und 2 weitere"],
    negatives: ["Entschuldigt: niemand"],
  },
  fr: {
    templates: [
      "Présents : {PERSON_NOM}, {PERSON_NOM}",
      "Groupe 3 : {PERSON}, {PERSON}",
      "{PERSON} et 2 autres",
    ],
    negatives: ["Présents : tous"],
  },
  es: {
    templates: ["Presentes: {PERSON}, {PERSON}", "Grupo 3: {PERSON}, {PERSON}", "{PERSON} y 2 más"],
    negatives: ["Presentes: todos"],
  },
  it: {
    templates: ["Presenti: {PERSON_NOM}, {PERSON_NOM}", "Gruppo 3: {PERSON}, {PERSON}", "{PERSON} e altri 2"],
    negatives: ["Presenti: tutti"],
  },
  nl: {
    templates: ["Aanwezig: {PERSON}, {PERSON}", "Groep 3: {PERSON}, {PERSON}", "{PERSON} en 2 anderen"],
    negatives: ["Aanwezig: iedereen"],
  },
};

/**
 * `--templates fiftysixth`: session 26's fifth first reading, written before any of its records was read: names
 * shortened to an initial (reviews' "Zorvan K.", staff lists' "Z. Keltrude", pharmacies' "Keltrude, Z."), clinicians'
 * and professionals' credentials after a name ("X, RN", "X, DVM", "X, CPA"), and shops', pharmacies' and clinics'
 * lines around them.
 */
const FIFTYSIXTH_TEMPLATES = [
  "Pharmacist: {PERSON_INITIAL_LAST}",
  "{PERSON_FIRST_INITIAL} (verified buyer)",
  "{PERSON_FIRST_INITIAL} from Leeds bought this 2 hours ago",
  "Dispensed to {PERSON_LAST_INITIAL}",
  "{PERSON}, RN",
  "{PERSON}, DVM",
  "Prepared by {PERSON}, CPA",
  "Reviewed by {PERSON_INITIAL_LAST}, PharmD",
  "★★★★★ Great fit! — {PERSON_FIRST_INITIAL}",
  "Your nurse today: {PERSON_FIRST_INITIAL}",
  "Vet: Dr {PERSON_INITIAL_LAST}",
  "Posted by {PERSON_FIRST_INITIAL} · 3 days ago",
];
const FIFTYSIXTH_NEGATIVES = [
  "★★★★★ Great fit! — verified buyer",
  "Dispensed 2 of 3 refills",
  "Prepared by Finance, Q3",
  "Posted 3 days ago",
];
const NATIVE_FIFTYSIXTH = {
  de: {
    templates: [
      "Apotheker: {PERSON_INITIAL_LAST}",
      "{PERSON_FIRST_INITIAL} (verifizierter Kauf)",
      "Tierärztin: Dr. {PERSON_INITIAL_LAST}",
      "Bewertung von {PERSON_FIRST_INITIAL} · vor 3 Tagen",
    ],
    negatives: ["Bewertung · vor 3 Tagen"],
  },
  fr: {
    templates: [
      "Pharmacien : {PERSON_INITIAL_LAST}",
      "{PERSON_FIRST_INITIAL} (achat vérifié)",
      "Avis de {PERSON_FIRST_INITIAL} · il y a 3 jours",
    ],
    negatives: ["Avis vérifié · il y a 3 jours"],
  },
  es: {
    templates: [
      "Farmacéutico: {PERSON_INITIAL_LAST}",
      "{PERSON_FIRST_INITIAL} (compra verificada)",
      "Opinión de {PERSON_FIRST_INITIAL}",
    ],
    negatives: ["Opinión verificada"],
  },
  it: {
    templates: [
      "Farmacista: {PERSON_INITIAL_LAST}",
      "{PERSON_FIRST_INITIAL} (acquisto verificato)",
      "Recensione di {PERSON_FIRST_INITIAL}",
    ],
    negatives: ["Recensione verificata"],
  },
  nl: {
    templates: [
      "Apotheker: {PERSON_INITIAL_LAST}",
      "{PERSON_FIRST_INITIAL} (geverifieerde aankoop)",
      "Review van {PERSON_FIRST_INITIAL}",
    ],
    negatives: ["Geverifieerde review"],
  },
};

/**
 * `--templates fiftyseventh`: session 26's check of the rules made from the fifty-sixth set, written after them and
 * before any of its records was read: initials and credentials in other words and orders.
 */
const FIFTYSEVENTH_TEMPLATES = [
  "Technician: {PERSON_INITIAL_LAST}",
  "Collected by {PERSON_LAST_INITIAL}",
  "{PERSON_FIRST_INITIAL} (verified purchase)",
  "Seen by {PERSON}, NP",
  "Signed: {PERSON}, CPA",
  "Your dentist: {PERSON_INITIAL_LAST}",
  "{PERSON_FIRST_INITIAL} from Austin purchased this",
  "Compounded by {PERSON_INITIAL_LAST}, PharmD",
  "Therapist: {PERSON_FIRST_INITIAL}",
  "Answered by {PERSON_FIRST_INITIAL} · 2 weeks ago",
  "Patient: {PERSON_LAST_INITIAL}",
  "Notes: {PERSON}, LCSW",
];
const FIFTYSEVENTH_NEGATIVES = [
  "Collected by courier",
  "Signed: yes",
  "Therapist: not assigned",
  "Answered 2 weeks ago",
];
const NATIVE_FIFTYSEVENTH = {
  de: {
    templates: [
      "Abgeholt von {PERSON_LAST_INITIAL}",
      "Ihre Zahnärztin: {PERSON_INITIAL_LAST}",
      "{PERSON_FIRST_INITIAL} (verifizierter Kauf)",
    ],
    negatives: ["Abgeholt von Kurier"],
  },
  fr: {
    templates: [
      "Retiré par {PERSON_LAST_INITIAL}",
      "Votre dentiste : {PERSON_INITIAL_LAST}",
      "{PERSON_FIRST_INITIAL} (achat vérifié)",
    ],
    negatives: ["Retiré par coursier"],
  },
  es: {
    templates: ["Recogido por {PERSON_LAST_INITIAL}", "Su dentista: {PERSON_INITIAL_LAST}"],
    negatives: ["Recogido por mensajero"],
  },
  it: {
    templates: ["Ritirato da {PERSON_LAST_INITIAL}", "Il tuo dentista: {PERSON_INITIAL_LAST}"],
    negatives: ["Ritirato dal corriere"],
  },
  nl: {
    templates: ["Opgehaald door {PERSON_LAST_INITIAL}", "Je tandarts: {PERSON_INITIAL_LAST}"],
    negatives: ["Opgehaald door koerier"],
  },
};

/**
 * `--templates fiftyeighth`: session 26's sixth first reading, written before any of its records was read: addresses
 * with a dwelling's unit and their tails as the countries write them (`{STREET_UNIT}`), in the lines that carry them.
 */
const FIFTYEIGHTH_TEMPLATES = [
  "Deliver to: {STREET_UNIT}",
  "New address: {STREET_UNIT}",
  "I've moved to {STREET_UNIT}",
  "Billing address {STREET_UNIT}",
  "{PERSON}\n{STREET_UNIT}",
  "Ship to {PERSON}, {STREET_UNIT}",
  "Address on file: {STREET_UNIT} (since 2021)",
  "The party is at {STREET_UNIT}, bring snacks",
];
const FIFTYEIGHTH_NEGATIVES = [
  "Deliver to: front desk",
  "New address: see below",
  "The party is at 7, bring snacks",
];
const NATIVE_FIFTYEIGHTH = {
  de: {
    templates: [
      "Lieferadresse: {STREET_UNIT}",
      "Neue Adresse: {STREET_UNIT}",
      "Ich wohne jetzt in der {STREET_UNIT}",
    ],
    negatives: ["Lieferadresse: siehe unten"],
  },
  fr: {
    templates: [
      "Adresse de livraison : {STREET_UNIT}",
      "Nouvelle adresse : {STREET_UNIT}",
      "J'habite au {STREET_UNIT}",
    ],
    negatives: ["Adresse de livraison : voir ci-dessous"],
  },
  es: {
    templates: ["Dirección de envío: {STREET_UNIT}", "Nueva dirección: {STREET_UNIT}"],
    negatives: ["Dirección de envío: ver abajo"],
  },
  it: {
    templates: ["Indirizzo di consegna: {STREET_UNIT}", "Nuovo indirizzo: {STREET_UNIT}"],
    negatives: ["Indirizzo di consegna: vedi sotto"],
  },
  nl: {
    templates: ["Afleveradres: {STREET_UNIT}", "Nieuw adres: {STREET_UNIT}"],
    negatives: ["Afleveradres: zie onder"],
  },
};

/**
 * `--templates fiftyninth`: session 26's check of the rules made from the fifty-eighth set, written after them and
 * before any of its records was read: other units and tails (`{STREET_UNIT_CHECK}`) in other lines.
 */
const FIFTYNINTH_TEMPLATES = [
  "Send the keys to {STREET_UNIT_CHECK}",
  "Mailing address: {STREET_UNIT_CHECK}",
  "we live at {STREET_UNIT_CHECK} now",
  "{PERSON}, {STREET_UNIT_CHECK}",
  "Return label: {STREET_UNIT_CHECK}",
  "Correspondence address {STREET_UNIT_CHECK}",
];
const FIFTYNINTH_NEGATIVES = [
  "Send the keys to reception",
  "Mailing address: unchanged",
  "Return label: printed",
];
const NATIVE_FIFTYNINTH = {
  de: {
    templates: ["Postanschrift: {STREET_UNIT_CHECK}", "Schick die Schlüssel an {STREET_UNIT_CHECK}"],
    negatives: ["Postanschrift: unverändert"],
  },
  fr: {
    templates: ["Adresse postale : {STREET_UNIT_CHECK}", "Envoie les clés au {STREET_UNIT_CHECK}"],
    negatives: ["Adresse postale : inchangée"],
  },
  es: { templates: ["Dirección postal: {STREET_UNIT_CHECK}"], negatives: ["Dirección postal: sin cambios"] },
  it: { templates: ["Indirizzo postale: {STREET_UNIT_CHECK}"], negatives: ["Indirizzo postale: invariato"] },
  nl: { templates: ["Postadres: {STREET_UNIT_CHECK}"], negatives: ["Postadres: ongewijzigd"] },
};

/**
 * `--templates sixtieth`: session 26's seventh first reading, written before any of its records was read: absence
 * and HR case lines (leave approved, sick notes, on-call rotas, "re: X (DOB …)" in letters, directory names in
 * capitals "LAST, FIRST", leaving drinks and a person's events).
 */
const SIXTIETH_TEMPLATES = [
  "Approved leave: {PERSON}, 3–7 June",
  "Sick note: {PERSON}",
  "On call this week: {PERSON}",
  "Dear Sir or Madam, re: {PERSON} (DOB 01/02/1990)",
  "Employee: {PERSON_UPPER}",
  "{PERSON}'s leaving drinks on Friday",
  "Parental leave request from {PERSON}",
  "Absence recorded: {PERSON} (sick, 2 days)",
  "Return-to-work interview with {PERSON} on Monday",
  "Re: {PERSON} - medical certificate",
  "Holiday cover for {PERSON}: {PERSON}",
  "Grievance raised by {PERSON}",
];
const SIXTIETH_NEGATIVES = [
  "Approved leave: 3–7 June",
  "Sick note received",
  "On call this week: platform team",
  "Re: Q3 budget - final",
];
const NATIVE_SIXTIETH = {
  de: {
    templates: [
      "Urlaub genehmigt: {PERSON}, 3.–7. Juni",
      "Krankmeldung: {PERSON}",
      "Rufbereitschaft diese Woche: {PERSON}",
      "Betreff: {PERSON} - Arbeitsunfähigkeitsbescheinigung",
    ],
    negatives: ["Krankmeldung eingegangen"],
  },
  fr: {
    templates: [
      "Congé approuvé : {PERSON}, du 3 au 7 juin",
      "Arrêt maladie : {PERSON}",
      "Astreinte cette semaine : {PERSON}",
      "Objet : {PERSON} - certificat médical",
    ],
    negatives: ["Arrêt maladie reçu"],
  },
  es: {
    templates: [
      "Baja médica: {PERSON}",
      "Vacaciones aprobadas: {PERSON}, 3–7 junio",
      "Guardia esta semana: {PERSON}",
    ],
    negatives: ["Baja médica recibida"],
  },
  it: {
    templates: [
      "Certificato di malattia: {PERSON}",
      "Ferie approvate: {PERSON}, 3–7 giugno",
      "Reperibilità questa settimana: {PERSON}",
    ],
    negatives: ["Certificato di malattia ricevuto"],
  },
  nl: {
    templates: [
      "Ziekmelding: {PERSON}",
      "Verlof goedgekeurd: {PERSON}, 3–7 juni",
      "Piketdienst deze week: {PERSON}",
    ],
    negatives: ["Ziekmelding ontvangen"],
  },
};

/**
 * `--templates sixtyfirst`: session 26's check of the rules made from the sixtieth set, written after them and before
 * any of its records was read: absences, rotas and letters' subjects in other words and orders.
 */
const SIXTYFIRST_TEMPLATES = [
  "Sick leave: {PERSON} (3 days)",
  "On-call tonight: {PERSON}",
  "Annual leave cover for {PERSON}: {PERSON}",
  "Subject: {PERSON} - fit note",
  "RE: {PERSON} (born 1984)",
  "{PERSON}'s farewell lunch is at 1pm",
  "Leave request approved for {PERSON}",
  "{PERSON}'s retirement card is in the kitchen",
];
const SIXTYFIRST_NEGATIVES = [
  "Sick leave: policy updated",
  "On-call tonight: nobody",
  "Subject: fit note template",
];
const NATIVE_SIXTYFIRST = {
  de: {
    templates: ["Krankschreibung: {PERSON}", "Urlaub: {PERSON}, 3.–7. Juni"],
    negatives: ["Krankschreibung: Vorlage"],
  },
  fr: {
    templates: ["Arrêt de travail : {PERSON}", "Congé : {PERSON}"],
    negatives: ["Arrêt de travail : modèle"],
  },
  es: { templates: ["Baja: {PERSON}", "Asunto: {PERSON} - baja médica"], negatives: ["Baja: plantilla"] },
  it: {
    templates: ["Oggetto: {PERSON} - certificato medico", "Reperibilità: {PERSON}"],
    negatives: ["Oggetto: modello"],
  },
  nl: {
    templates: ["Verlof: {PERSON}", "Onderwerp: {PERSON} - ziekmelding"],
    negatives: ["Verlof: sjabloon"],
  },
};

/**
 * `--templates sixtysecond`: session 27's first reading: code a developer types, with people in it (a fixture's name, a
 * query's value, a commit's author, a TODO's colleague), and lines of code with no one in them (arguments, keys,
 * types), which a recorder of developers sees all day and must leave readable.
 */
const SIXTYSECOND_TEMPLATES = [
  "const user = { name: '{PERSON}', email: '{EMAIL_ADDRESS}' };",
  "SELECT * FROM customers WHERE full_name = '{PERSON}';",
  'git commit -m "fix typo" --author="{PERSON} <{EMAIL_ADDRESS}>"',
  "Co-authored-by: {PERSON} <{EMAIL_ADDRESS}>",
  "// TODO: ask {PERSON} about the retry logic",
  'expect(getDisplayName(user)).toBe("{PERSON}");',
  "INSERT INTO patients (name, phone) VALUES ('{PERSON}', '{PHONE_NUMBER}');",
  '"author": "{PERSON} <{EMAIL_ADDRESS}>",',
  'assignee = "{PERSON}"',
  '{"customer": {"name": "{PERSON}", "address": "{STREET_ADDRESS}"}}',
  "# Maintainer: {PERSON}",
  'console.log("Sending invoice to {PERSON}");',
  'user.setName("{PERSON}");',
  "UPDATE employees SET manager = '{PERSON}' WHERE id = 42;",
  "reviewers: ['{PERSON}', '{PERSON}']",
  'it("sends the welcome e-mail to {PERSON}", async () => {',
  "Signed-off-by: {PERSON} <{EMAIL_ADDRESS}>",
  'contact = Contact(name="{PERSON}", phone="{PHONE_NUMBER}")',
];
const SIXTYSECOND_NEGATIVES = [
  "const render = (node, opts, depth) => {",
  "if (overlaps(rect, pos, margin)) return;",
  "labels: {",
  "retries: 3,",
  "return this.send('data', key, value);",
  "event.type = 'FocusChanged';",
  'import { Parser, Token, Lexer } from "./parser";',
  "class Reader extends Stream {",
  " * @param {string} label Shown next to the field",
  "- [Dev Deps] update prettier and vitest",
  "for (const item of items) total += item.price * qty;",
  "export default defineConfig({ plugins: [react()] });",
];
const NATIVE_SIXTYSECOND = {
  de: {
    templates: [
      "const kunde = { name: '{PERSON}', ort: 'Berlin' };",
      "// TODO: {PERSON} fragen, ob das so passt",
      'console.log("Rechnung an {PERSON} gesendet");',
    ],
    negatives: ["const summe = preise.reduce((a, b) => a + b, 0);"],
  },
  fr: {
    templates: [
      "const client = { nom: '{PERSON}' };",
      "// À FAIRE : demander à {PERSON} pour les droits",
      'console.log("Facture envoyée à {PERSON}");',
    ],
    negatives: ["const total = lignes.map((l) => l.prix);"],
  },
  es: {
    templates: [
      'cliente = {"nombre": "{PERSON}", "telefono": "{PHONE_NUMBER}"}',
      "// TODO: preguntar a {PERSON} por el formato",
    ],
    negatives: ["const filas = datos.filter((d) => d.activo);"],
  },
  it: {
    templates: ["const cliente = { nome: '{PERSON}' };", "// TODO: chiedere a {PERSON} il formato"],
    negatives: ["const righe = dati.map((r) => r.importo);"],
  },
  nl: {
    templates: ["const klant = { naam: '{PERSON}' };", "// TODO: {PERSON} vragen naar het formaat"],
    negatives: ["const regels = data.filter((r) => r.actief);"],
  },
};

/**
 * `--templates sixtythird`: session 27's check of the rules made from the sixty-second set, written after them and
 * before any of its records was read: other languages of code (Python, Go, Ruby, C#, PHP, YAML, shell, SQL), other
 * keys, setters and assertions, and code with no one in it.
 */
const SIXTYTHIRD_TEMPLATES = [
  'patient = Patient(first_name="{PERSON}", status="admitted")',
  'owner: "{PERSON}"',
  "maintainer: {PERSON} <{EMAIL_ADDRESS}>",
  'u := User{Name: "{PERSON}", Email: "{EMAIL_ADDRESS}"}',
  'User.create!(name: "{PERSON}", role: "admin")',
  "DELETE FROM users WHERE last_name = '{PERSON}';",
  'git config user.name "{PERSON}"',
  '"assignee": {"displayName": "{PERSON}"},',
  'customer.setFullName("{PERSON}");',
  'assert.equal(formatName(user), "{PERSON}");',
  "$user->name = '{PERSON}';",
  "Reviewed-by: {PERSON} <{EMAIL_ADDRESS}>",
  'const recipients = ["{PERSON}", "{PERSON}"];',
  'var employee = new Employee { Name = "{PERSON}", Phone = "{PHONE_NUMBER}" };',
  'print(f"Welcome back, {PERSON}!")',
  'GIT_AUTHOR_NAME="{PERSON}"',
];
const SIXTYTHIRD_NEGATIVES = [
  'const { data, error } = await supabase.from("orders").select();',
  "def parse_args(argv, strict=False):",
  'name: "build-and-test"',
  "SELECT id, status FROM orders WHERE created_at > NOW() - INTERVAL '7 days';",
  'throw new ValidationError("Invalid Name Format");',
  "export const handler = async (event, context) => {",
  'Name = "Release Build"',
  "return Response.json({ ok: true, items });",
  "self.assertEqual(result.status_code, 200)",
  "docker compose up -d --build",
];
const NATIVE_SIXTYTHIRD = {
  de: {
    templates: ['mitarbeiter = {"vorname": "{PERSON}"}', 'kunde.setName("{PERSON}");'],
    negatives: ["const zeilen = daten.filter((z) => z.aktiv);"],
  },
  fr: {
    templates: ['utilisateur = {"prenom": "{PERSON}"}', 'client.setNom("{PERSON}");'],
    negatives: ["const lignes = données.map((l) => l.montant);"],
  },
  es: {
    templates: ['empleado = Empleado(nombre="{PERSON}")', "// pendiente: hablar con {PERSON}"],
    negatives: ["filas = [f for f in datos if f.activo]"],
  },
  it: {
    templates: ['paziente = {"nome": "{PERSON}", "telefono": "{PHONE_NUMBER}"}', "# da chiedere a {PERSON}"],
    negatives: ["righe = [r for r in dati if r.attivo]"],
  },
  nl: {
    templates: ['medewerker = {"naam": "{PERSON}"}', "// navragen bij {PERSON}"],
    negatives: ["regels = [r for r in gegevens if r.actief]"],
  },
};

/**
 * `--templates sixtyfourth`: session 27's second first reading: a terminal's and a system's lines, where people stand
 * as account names (prompts, `ls -l` owners, `ssh user@host`, `chown`, `who`, home directories, PowerShell prompts,
 * database and cron users) and as commits' authors, and the same lines with only system accounts in them.
 */
const SIXTYFOURTH_TEMPLATES = [
  "{USERNAME}@laptop:~/code/app$ git pull",
  "ssh {USERNAME}@{IP_ADDRESS}",
  "-rw-r--r--  1 {USERNAME}  staff   4096 Dec  2 10:14 report.pdf",
  "sudo chown {USERNAME}:staff /srv/shared/budget.xlsx",
  "PS C:\\Users\\{USERNAME}> Get-ChildItem",
  "Last login for {USERNAME}: Tue Dec 1 09:12",
  "$ whoami\n{USERNAME}",
  'git log --author="{PERSON}"',
  "Author: {PERSON} <{EMAIL_ADDRESS}>\nDate:   Tue Dec 1 10:02:11 2026 +0100",
  "error: could not lock config file /home/{USERNAME}/.gitconfig: Permission denied",
  "docker run -v /Users/{USERNAME}/data:/data postgres",
  "{USERNAME}    pts/0    2026-12-01 09:12 ({IP_ADDRESS})",
  "mysql -u {USERNAME} -p",
  "crontab -u {USERNAME} -l",
  "sudo passwd {USERNAME}",
  "sudo usermod -aG docker {USERNAME}",
];
const SIXTYFOURTH_NEGATIVES = [
  "drwxr-xr-x  5 root  wheel  160 Dec  2 10:14 bin",
  "ssh -i ~/.ssh/id_ed25519 deploy@build-server",
  "sudo systemctl restart nginx",
  "PS C:\\Program Files\\Git> git --version",
  "chmod 600 ~/.ssh/config",
  "docker compose logs -f api",
  "npm ERR! code EACCES",
  "www-data  pts/1  2026-12-01 09:12 (localhost)",
];
const NATIVE_SIXTYFOURTH = {
  de: {
    templates: [
      "-rw-r--r-- 1 {USERNAME} staff 4096  2. Dez 10:14 bericht.pdf",
      "Letzte Anmeldung von {USERNAME}: Di 1. Dez 09:12",
      "sudo chown {USERNAME}:mitarbeiter /srv/freigabe/budget.xlsx",
    ],
    negatives: ["drwxr-xr-x 5 root root 160  2. Dez 10:14 bin"],
  },
  fr: {
    templates: [
      "-rw-r--r-- 1 {USERNAME} staff 4096 2 déc. 10:14 rapport.pdf",
      "su - {USERNAME}",
      "Dernière connexion de {USERNAME} : mar. 1 déc. 09:12",
    ],
    negatives: ["drwxr-xr-x 5 root root 160 2 déc. 10:14 bin"],
  },
  es: {
    templates: ["-rw-r--r-- 1 {USERNAME} staff 4096 dic  2 10:14 informe.pdf", "ssh {USERNAME}@{IP_ADDRESS}"],
    negatives: ["drwxr-xr-x 5 root root 160 dic  2 10:14 bin"],
  },
  it: {
    templates: ["-rw-r--r-- 1 {USERNAME} staff 4096 dic  2 10:14 relazione.pdf", "su - {USERNAME}"],
    negatives: ["drwxr-xr-x 5 root root 160 dic  2 10:14 bin"],
  },
  nl: {
    templates: ["-rw-r--r-- 1 {USERNAME} staff 4096 dec  2 10:14 verslag.pdf", "ssh {USERNAME}@{IP_ADDRESS}"],
    negatives: ["drwxr-xr-x 5 root root 160 dec  2 10:14 bin"],
  },
};

/**
 * `--templates sixtyfifth`: session 27's check of the rules made from the sixty-fourth set, written after them and
 * before any of its records was read: other commands (scp, rsync, psql, userdel, id, getent), other prompts and
 * listings, "signed in as" in six languages, and lines with only system accounts.
 */
const SIXTYFIFTH_TEMPLATES = [
  "scp report.pdf {USERNAME}@{IP_ADDRESS}:/tmp/",
  "rsync -avz ./site/ {USERNAME}@{IP_ADDRESS}:/var/www/",
  "sudo -u {USERNAME} psql",
  "psql -U {USERNAME} -d orders",
  "sudo userdel -r {USERNAME}",
  "id {USERNAME}",
  "getent passwd {USERNAME}",
  "{USERNAME}@devbox ~ % npm test",
  "[{USERNAME}@web01 ~]$ tail -f /var/log/app.log",
  "drwx------  12 {USERNAME} users 4096 Jan  3 09:00 Documents",
  "last -n 3\n{USERNAME}   pts/2   {IP_ADDRESS}   Wed Dec  2 08:01   still logged in",
  "{USERNAME}@{IP_ADDRESS}: Permission denied (publickey).",
  "Signed in as {USERNAME}",
  "export PGUSER={USERNAME}",
];
const SIXTYFIFTH_NEGATIVES = [
  "scp build.tar.gz deploy@ci-runner:/opt/",
  "sudo -u postgres psql",
  "id -u",
  "last reboot",
  "Signed in as admin",
  "tail -f /var/log/syslog",
  "ls -la ~/projects",
  "-rw-------  1 root root 220 Jan  3 09:00 .bash_logout",
];
const NATIVE_SIXTYFIFTH = {
  de: {
    templates: ["Angemeldet als {USERNAME}", "drwx------ 12 {USERNAME} users 4096  3. Jan 09:00 Dokumente"],
    negatives: ["ls -la ~/Dokumente"],
  },
  fr: {
    templates: ["Connecté en tant que {USERNAME}", "scp rapport.pdf {USERNAME}@{IP_ADDRESS}:/tmp/"],
    negatives: ["ls -la ~/Documents"],
  },
  es: {
    templates: ["Sesión iniciada como {USERNAME}", "sudo -u {USERNAME} psql"],
    negatives: ["ls -la ~/Documentos"],
  },
  it: {
    templates: ["Accesso eseguito come {USERNAME}", "psql -U {USERNAME} -d ordini"],
    negatives: ["ls -la ~/Documenti"],
  },
  nl: {
    templates: ["Ingelogd als {USERNAME}", "sudo userdel -r {USERNAME}"],
    negatives: ["ls -la ~/Documenten"],
  },
};

const TEMPLATE_SETS = {
  first: { english: TEMPLATES, natives: NATIVE },
  second: { english: SECOND_TEMPLATES, natives: NATIVE },
  third: { english: THIRD_TEMPLATES, natives: NATIVE },
  fourth: { english: FOURTH_TEMPLATES, natives: NATIVE_FOURTH },
  fifth: { english: FIFTH_TEMPLATES, natives: NATIVE_FIFTH },
  sixth: { english: SIXTH_TEMPLATES, natives: {} },
  seventh: { english: TEMPLATES, natives: NATIVE_SEVENTH, nativeOrder: true },
  eighth: { english: EIGHTH_TEMPLATES, natives: {} },
  ninth: { english: NINTH_TEMPLATES, natives: {}, negatives: SCREEN_NEGATIVES },
  tenth: { english: TENTH_TEMPLATES, natives: {}, negatives: SCREEN_NEGATIVES },
  eleventh: { english: ELEVENTH_TEMPLATES, natives: {}, negatives: SCREEN_NEGATIVES },
  twelfth: { english: ELEVENTH_TEMPLATES, natives: NATIVE_TWELFTH, negatives: SCREEN_NEGATIVES },
  thirteenth: { english: THIRTEENTH_TEMPLATES, natives: {}, negatives: THIRTEENTH_NEGATIVES },
  fourteenth: { english: FOURTEENTH_TEMPLATES, natives: {} },
  fifteenth: { english: FIFTEENTH_TEMPLATES, natives: {}, negatives: FIFTEENTH_NEGATIVES },
  sixteenth: { english: SIXTEENTH_TEMPLATES, natives: NATIVE_SIXTEENTH, negatives: SIXTEENTH_NEGATIVES },
  seventeenth: {
    english: SEVENTEENTH_TEMPLATES,
    natives: NATIVE_SEVENTEENTH,
    negatives: SEVENTEENTH_NEGATIVES,
  },
  eighteenth: {
    english: EIGHTEENTH_TEMPLATES,
    natives: NATIVE_EIGHTEENTH,
    negatives: EIGHTEENTH_NEGATIVES,
  },
  nineteenth: {
    english: NINETEENTH_TEMPLATES,
    natives: NATIVE_NINETEENTH,
    negatives: NINETEENTH_NEGATIVES,
  },
  twentieth: {
    english: TWENTIETH_TEMPLATES,
    natives: NATIVE_TWENTIETH,
    negatives: TWENTIETH_NEGATIVES,
  },
  twentyfirst: {
    english: TWENTYFIRST_TEMPLATES,
    natives: NATIVE_TWENTYFIRST,
    negatives: TWENTYFIRST_NEGATIVES,
  },
  twentysecond: {
    english: TWENTYSECOND_TEMPLATES,
    natives: NATIVE_TWENTYSECOND,
    negatives: TWENTYSECOND_NEGATIVES,
  },
  twentythird: { english: TWENTYTHIRD_TEMPLATES, natives: {}, negatives: TWENTYTHIRD_NEGATIVES },
  twentyfourth: {
    english: TWENTYFOURTH_TEMPLATES,
    natives: NATIVE_TWENTYFOURTH,
    negatives: TWENTYFOURTH_NEGATIVES,
    lower: true,
  },
  twentyfifth: {
    english: TWENTYFIFTH_TEMPLATES,
    natives: NATIVE_TWENTYFIFTH,
    negatives: TWENTYFIFTH_NEGATIVES,
  },
  twentysixth: {
    english: TWENTYSIXTH_TEMPLATES,
    natives: NATIVE_TWENTYSIXTH,
    negatives: TWENTYSIXTH_NEGATIVES,
  },
  twentyseventh: {
    english: TWENTYSEVENTH_TEMPLATES,
    natives: NATIVE_TWENTYSEVENTH,
    negatives: TWENTYSEVENTH_NEGATIVES,
  },
  twentyeighth: {
    english: TWENTYEIGHTH_TEMPLATES,
    natives: NATIVE_TWENTYEIGHTH,
    negatives: TWENTYEIGHTH_NEGATIVES,
  },
  twentyninth: {
    english: TWENTYNINTH_TEMPLATES,
    natives: NATIVE_TWENTYNINTH,
    negatives: TWENTYNINTH_NEGATIVES,
  },
  thirtieth: {
    english: THIRTIETH_TEMPLATES,
    natives: NATIVE_THIRTIETH,
    negatives: THIRTIETH_NEGATIVES,
  },
  thirtyfirst: {
    english: THIRTYFIRST_TEMPLATES,
    natives: NATIVE_THIRTYFIRST,
    negatives: THIRTYFIRST_NEGATIVES,
  },
  thirtysecond: {
    english: THIRTYSECOND_TEMPLATES,
    natives: NATIVE_THIRTYSECOND,
    negatives: THIRTYSECOND_NEGATIVES,
  },
  thirtythird: {
    english: THIRTYTHIRD_TEMPLATES,
    natives: NATIVE_THIRTYTHIRD,
    negatives: THIRTYTHIRD_NEGATIVES,
  },
  thirtyfourth: {
    english: THIRTYFOURTH_TEMPLATES,
    natives: NATIVE_THIRTYFOURTH,
    negatives: THIRTYFOURTH_NEGATIVES,
  },
  thirtyfifth: {
    english: THIRTYFIFTH_TEMPLATES,
    natives: NATIVE_THIRTYFIFTH,
    negatives: THIRTYFIFTH_NEGATIVES,
  },
  thirtysixth: {
    english: THIRTYSIXTH_TEMPLATES,
    natives: NATIVE_THIRTYSIXTH,
    negatives: THIRTYSIXTH_NEGATIVES,
  },
  thirtyseventh: {
    english: THIRTYSEVENTH_TEMPLATES,
    natives: NATIVE_THIRTYSEVENTH,
    negatives: THIRTYSEVENTH_NEGATIVES,
  },
  thirtyeighth: {
    english: THIRTYEIGHTH_TEMPLATES,
    natives: NATIVE_THIRTYEIGHTH,
    negatives: THIRTYEIGHTH_NEGATIVES,
  },
  thirtyninth: {
    english: THIRTYNINTH_TEMPLATES,
    natives: NATIVE_THIRTYNINTH,
    negatives: THIRTYNINTH_NEGATIVES,
  },
  fortieth: {
    english: FORTIETH_TEMPLATES,
    natives: NATIVE_FORTIETH,
    negatives: FORTIETH_NEGATIVES,
  },
  fortyfirst: {
    english: FORTYFIRST_TEMPLATES,
    natives: NATIVE_FORTYFIRST,
    negatives: FORTYFIRST_NEGATIVES,
  },
  fortysecond: {
    english: FORTYSECOND_TEMPLATES,
    natives: NATIVE_FORTYSECOND,
    negatives: FORTYSECOND_NEGATIVES,
  },
  fortythird: {
    english: FORTYTHIRD_TEMPLATES,
    natives: NATIVE_FORTYTHIRD,
    negatives: FORTYTHIRD_NEGATIVES,
  },
  fortyfourth: {
    english: FORTYFOURTH_TEMPLATES,
    natives: NATIVE_FORTYFOURTH,
    negatives: FORTYFOURTH_NEGATIVES,
  },
  fortyfifth: {
    english: FORTYFIFTH_TEMPLATES,
    natives: NATIVE_FORTYFIFTH,
    negatives: FORTYFIFTH_NEGATIVES,
  },
  fortysixth: {
    english: FORTYSIXTH_TEMPLATES,
    natives: NATIVE_FORTYSIXTH,
    negatives: FORTYSIXTH_NEGATIVES,
  },
  fortyseventh: {
    english: FORTYSEVENTH_TEMPLATES,
    natives: NATIVE_FORTYSEVENTH,
    negatives: FORTYSEVENTH_NEGATIVES,
  },
  fortyeighth: {
    english: FORTYEIGHTH_TEMPLATES,
    natives: NATIVE_FORTYEIGHTH,
    negatives: FORTYEIGHTH_NEGATIVES,
  },
  fortyninth: {
    english: FORTYNINTH_TEMPLATES,
    natives: NATIVE_FORTYNINTH,
    negatives: FORTYNINTH_NEGATIVES,
  },
  fiftieth: {
    english: FIFTIETH_TEMPLATES,
    natives: NATIVE_FIFTIETH,
    negatives: FIFTIETH_NEGATIVES,
  },
  fiftyfirst: {
    english: FIFTYFIRST_TEMPLATES,
    natives: NATIVE_FIFTYFIRST,
    negatives: FIFTYFIRST_NEGATIVES,
  },
  fiftysecond: {
    english: FIFTYSECOND_TEMPLATES,
    natives: NATIVE_FIFTYSECOND,
    negatives: FIFTYSECOND_NEGATIVES,
  },
  fiftythird: {
    english: FIFTYTHIRD_TEMPLATES,
    natives: NATIVE_FIFTYTHIRD,
    negatives: FIFTYTHIRD_NEGATIVES,
  },
  fiftyfourth: {
    english: FIFTYFOURTH_TEMPLATES,
    natives: NATIVE_FIFTYFOURTH,
    negatives: FIFTYFOURTH_NEGATIVES,
  },
  fiftyfifth: {
    english: FIFTYFIFTH_TEMPLATES,
    natives: NATIVE_FIFTYFIFTH,
    negatives: FIFTYFIFTH_NEGATIVES,
  },
  fiftysixth: {
    english: FIFTYSIXTH_TEMPLATES,
    natives: NATIVE_FIFTYSIXTH,
    negatives: FIFTYSIXTH_NEGATIVES,
  },
  fiftyseventh: {
    english: FIFTYSEVENTH_TEMPLATES,
    natives: NATIVE_FIFTYSEVENTH,
    negatives: FIFTYSEVENTH_NEGATIVES,
  },
  fiftyeighth: {
    english: FIFTYEIGHTH_TEMPLATES,
    natives: NATIVE_FIFTYEIGHTH,
    negatives: FIFTYEIGHTH_NEGATIVES,
  },
  fiftyninth: {
    english: FIFTYNINTH_TEMPLATES,
    natives: NATIVE_FIFTYNINTH,
    negatives: FIFTYNINTH_NEGATIVES,
  },
  sixtieth: {
    english: SIXTIETH_TEMPLATES,
    natives: NATIVE_SIXTIETH,
    negatives: SIXTIETH_NEGATIVES,
  },
  sixtyfirst: {
    english: SIXTYFIRST_TEMPLATES,
    natives: NATIVE_SIXTYFIRST,
    negatives: SIXTYFIRST_NEGATIVES,
  },
  sixtysecond: {
    english: SIXTYSECOND_TEMPLATES,
    natives: NATIVE_SIXTYSECOND,
    negatives: SIXTYSECOND_NEGATIVES,
  },
  sixtythird: {
    english: SIXTYTHIRD_TEMPLATES,
    natives: NATIVE_SIXTYTHIRD,
    negatives: SIXTYTHIRD_NEGATIVES,
  },
  sixtyfourth: {
    english: SIXTYFOURTH_TEMPLATES,
    natives: NATIVE_SIXTYFOURTH,
    negatives: SIXTYFOURTH_NEGATIVES,
  },
  sixtyfifth: {
    english: SIXTYFIFTH_TEMPLATES,
    natives: NATIVE_SIXTYFIFTH,
    negatives: SIXTYFIFTH_NEGATIVES,
  },
};

export function generate(n, seed, locales, names = "faker", templates = "first") {
  const { allFakers } = require("@faker-js/faker");
  const records = [];
  for (let i = 0; i < n; i++) {
    const loc = locales[i % locales.length];
    const f = allFakers[loc];
    f.seed(seed * 100_003 + i);
    // the locale's own language for its first two in three records, where there are templates of it
    const set = TEMPLATE_SETS[templates];
    const natives = set.natives;
    const native = natives[loc] && i % 3 !== 2 ? natives[loc] : undefined;
    if (i % 10 === 9) {
      const neg = pick(f, native?.negatives ?? set.negatives ?? NEGATIVES);
      records.push({ id: `holdout-${i}`, channel: neg.channel ?? "typed", text: neg.text ?? neg, spans: [] });
      continue;
    }
    const picked = pick(f, native?.templates ?? set.english);
    const tpl = picked.text ?? picked;
    const channel = picked.channel ?? "typed";
    let text = "";
    const spans = [];
    let last = 0;
    for (const m of tpl.matchAll(/\{([A-Z_]+)\}/g)) {
      text += tpl.slice(last, m.index);
      const value = m[1].startsWith("PERSON_")
        ? documentPerson(m[1], f, loc, names)
        : m[1] === "USERNAME"
          ? accountName(f, loc, names)
          : m[1] === "PERSON" && names === "unlisted"
            ? unlistedPerson(f, loc)
            : m[1] === "PERSON" && native && set.nativeOrder
              ? nativeOrderPerson(f)
              : VALUES[m[1]](f, loc);
      const type = m[1].startsWith("PERSON_")
        ? "PERSON"
        : m[1].startsWith("STREET_")
          ? "STREET_ADDRESS"
          : m[1];
      spans.push({ start: text.length, end: text.length + value.length, type });
      text += value;
      last = m.index + m[0].length;
    }
    text += tpl.slice(last);
    // every fifth typed record all in lower case, as chat often is (offsets hold while the length does)
    if (channel === "typed" && (set.lower || i % 5 === 4) && text.toLowerCase().length === text.length)
      text = text.toLowerCase();
    records.push({ id: `holdout-${i}`, channel, text, spans });
  }
  return records;
}

/** The engine's redaction of each record, read with the record's channel (batched per channel, results in order). */
export function redactByChannel(records) {
  const results = new Array(records.length);
  for (const channel of new Set(records.map((r) => r.channel))) {
    const at = [];
    records.forEach((r, i) => r.channel === channel && at.push(i));
    const got = redactMany(
      at.map((i) => records[i].text),
      { channel },
    );
    at.forEach((i, k) => (results[i] = got[k]));
  }
  return results;
}

/**
 * For record `r` and the engine's result `x`: whether a labelled span leaks, i.e. holds a letter or a digit that no
 * detected span masks (a record classed level 4 leaks nothing: the recorder drops it whole).
 */
function leaksOf(r, x) {
  if (x.level === 4) return () => false;
  const masked = new Uint8Array(r.text.length);
  for (const sp of x.spans) masked.fill(1, sp.start, sp.end);
  return (g) => {
    for (let k = g.start; k < g.end; k++) if (!masked[k] && /[\p{L}\p{N}]/u.test(r.text[k])) return true;
    return false;
  };
}

/**
 * `--all`: every template set × faker's and invented names × the three locale groups, `n` records each, in one
 * process: per type, the share of labelled spans whose every letter and digit is masked (a record classed level 4
 * counts as masked: the recorder drops it whole), and the weakest set/names/locales cells. A rule made from one set
 * shows here what it does to all the others.
 */
function runAll(n, seed) {
  const groups = { english: ENGLISH, europe: EUROPE, world: WORLD };
  const total = {};
  const cells = [];
  for (const templates of Object.keys(TEMPLATE_SETS))
    for (const names of ["unlisted", "faker"])
      for (const [group, locales] of Object.entries(groups)) {
        const records = generate(n, seed, locales, names, templates);
        const results = redactByChannel(records);
        const per = {};
        records.forEach((r, i) => {
          const leaks = leaksOf(r, results[i]);
          for (const g of r.spans) {
            const t = (per[g.type] ??= [0, 0]);
            t[0]++;
            if (!leaks(g)) t[1]++;
          }
        });
        for (const [type, [spans, hit]] of Object.entries(per)) {
          const t = (total[type] ??= [0, 0]);
          t[0] += spans;
          t[1] += hit;
          if (spans >= 20)
            cells.push({ templates, names, locales: group, type, spans, recall: +(hit / spans).toFixed(4) });
        }
      }
  cells.sort((a, b) => a.recall - b.recall);
  const perType = Object.fromEntries(
    Object.entries(total).map(([type, [spans, hit]]) => [type, { spans, recall: +(hit / spans).toFixed(4) }]),
  );
  console.log(
    JSON.stringify({
      name: "holdout-all",
      seed,
      records_per_cell: n,
      sets: Object.keys(TEMPLATE_SETS).length,
      per_type: perType,
      weakest: cells.slice(0, 12),
    }),
  );
}

export async function run(args) {
  const dir = evalDir();
  if (!dir)
    throw new Error("no ../shared/eval beside this checkout (its scorer is used; set TRACEVAULT_EVAL_DIR)");
  const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
  if (args.includes("--all")) {
    const n = Number(opt("--n", "1500"));
    const seed = Number(opt("--seed", "1"));
    if (!Number.isInteger(n) || n < 1) throw new Error("--n must be a positive integer");
    if (!Number.isInteger(seed)) throw new Error("--seed must be an integer");
    runAll(n, seed);
    return;
  }
  const n = Number(opt("--n", "3000"));
  const seed = Number(opt("--seed", "1"));
  const missType = opt("--misses", undefined);
  if (!Number.isInteger(n) || n < 1) throw new Error("--n must be a positive integer");
  if (!Number.isInteger(seed)) throw new Error("--seed must be an integer");
  const localeArg = opt("--locales", "english");
  const locales =
    localeArg === "english"
      ? ENGLISH
      : localeArg === "europe"
        ? EUROPE
        : localeArg === "world"
          ? WORLD
          : localeArg.split(",").filter(Boolean);
  const { allFakers } = require("@faker-js/faker");
  for (const l of locales)
    if (!allFakers[l])
      throw new Error(`--locales: faker has no locale "${l}" (english, europe, world, or a list: de,fr)`);
  const names = opt("--names", "faker");
  if (names !== "faker" && names !== "unlisted")
    throw new Error(`--names must be faker or unlisted, not "${names}"`);
  const templates = opt("--templates", "first");
  if (!Object.hasOwn(TEMPLATE_SETS, templates))
    throw new Error(
      `--templates must be one of ${Object.keys(TEMPLATE_SETS).join(", ")}, not "${templates}"`,
    );
  const records = generate(n, seed, locales, names, templates);
  const tmp = mkdtempSync(join(tmpdir(), "tv-holdout-"));
  writeFileSync(join(tmp, "holdout.jsonl"), records.map((r) => JSON.stringify(r)).join("\n") + "\n");
  const results = redactByChannel(records);
  const byId = new Map(records.map((r, i) => [r.id, results[i]]));
  // scoreSet reads the gold from its directory and the scorer from the eval directory
  const res = scoreSet(
    tmp,
    "holdout",
    (r) => {
      const x = byId.get(r.id);
      return { level: x.level, spans: x.spans };
    },
    join(dir, "score.mjs"),
  );
  if (args.includes("--over")) {
    // the innocent words masked: letters and digits under a span that no gold span holds
    for (let i = 0; i < records.length; i++) {
      const r = records[i];
      const x = results[i];
      const gold = new Uint8Array(r.text.length);
      for (const g of r.spans) gold.fill(1, g.start, g.end);
      const over = x.spans
        .filter((sp) => {
          for (let k = sp.start; k < sp.end; k++)
            if (!gold[k] && /[\p{L}\p{N}]/u.test(r.text[k])) return true;
          return false;
        })
        .map((sp) => `${sp.type}:${JSON.stringify(r.text.slice(sp.start, sp.end))}`);
      if (over.length > 0 || x.level === 4)
        console.log(
          `OVER ${r.id}: ${x.level === 4 ? "(level 4) " : ""}${over.join(" ")} | ${JSON.stringify(r.text)}`,
        );
    }
  }
  if (missType) {
    for (let i = 0; i < records.length; i++) {
      const r = records[i];
      const x = results[i];
      const leaks = leaksOf(r, x);
      for (const g of r.spans)
        if (g.type === missType && leaks(g))
          console.log(`MISS ${r.id}: ${JSON.stringify(r.text)} -> ${JSON.stringify(x.redacted)}`);
    }
  }
  console.log(
    JSON.stringify({ name: "holdout", records: n, seed, locales: localeArg, names, templates, set: res }),
  );
}
