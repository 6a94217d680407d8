import type { Detection, Recognizer } from "../../types.js";
import { listingLineAt } from "./code-lines.js";
import {
  L_CALENDAR,
  L_FIRST,
  L_COMMON,
  L_FUNCTION,
  L_LAST,
  L_PLACE,
  L_CITY,
  lexicon,
  MONTH_ABBREVIATIONS,
  multiWordPlaces,
  type Lexicon,
} from "./lexicon.js";
import { knownDigitRuns } from "../ids/scan.js";
import { detectPostcodes, isPostcodeText, isUsStateCode } from "./postcode.js";
import {
  CH_DIGIT,
  CH_NONASCII,
  K_ALLCAP,
  K_CAP,
  K_DIGITS,
  K_JOINED,
  K_LOWER,
  K_MARKS,
  K_NONASCII,
  type Tokens,
  isSpace,
  peekTokens,
  tokensOf,
  wordBits,
} from "./tokens.js";
import { entries, WordTable } from "./words.js";
import { PERSON_LABELS } from "./labels.js";
import { IN_HOUSE } from "./in-house.js";
import { cjkAddresses } from "./address-cjk.js";

/*
 * Street addresses, anchored on numbers: a house number next to a street name is an address when the
 * name carries a street-type word (Street, Rue, Calle, ul., Straße, -katu, -vej ...), when a second
 * number frames it ("20789 Allika 46"), when a unit or a city/postcode block follows it, or when
 * address context precedes it ("lives at", "address:"). The span grows over unit designators,
 * comma-separated city, region and country parts, and the following address lines of a letter.
 * Also: P.O. boxes, US military addresses (PSC/Unit/USS + APO/FPO/DPO), "the corner of X and Y",
 * and "<Name> Street" without a number.
 */

const ID = "street-address";
const STREET_WORD_RE = /(?:Street|Avenue|Road|Boulevard|Lane|Stra(?:ß|ss)e)\b/;

/** "the corner of X and Y" in a text without numbers or street words. */
function cornerOnly(text: string, lower: string, out: Detection[]): Detection[] {
  const mixed = text !== lower;
  for (let at = lower.indexOf("corner of "); at >= 0; at = lower.indexOf("corner of ", at + 10)) {
    const span = corner(text, lower, at, mixed);
    if (span)
      out.push({
        start: span[0],
        end: span[1],
        type: "STREET_ADDRESS",
        score: 0.8,
        level: 3,
        recognizer: ID,
      });
  }
  return out;
}

/** Street-type words that follow the street name and say "street" on their own (lower case, no dot). */
const STRONG_AFTER = [
  "street",
  "st",
  "avenue",
  "ave",
  "road",
  "rd",
  "lane",
  "ln",
  "boulevard",
  "blvd",
  "drive",
  "terrace",
  "crescent",
  "highway",
  "hwy",
  "parkway",
  "pkwy",
  "strasse",
  "straße",
  "str",
  "utca",
  "katu",
  "gatan",
  "vej",
  "gade",
  "straat",
  "ulica",
  "ulice",
  "tänav",
];
/** Street-type words after the name, including the ambiguous ones (Close, Way, Place, Park, Point). */
const TYPE_AFTER = new Set([
  ...STRONG_AFTER,
  // Urdu ("28 ملوک روڈ", "598 حسنہ کالونی")
  "روڈ",
  "گلی",
  "کالونی",
  "چوک",
  "بازار",
  "گاؤں",
  "گاوں",
  "گاوْں",
  "آباد",
  "گھڑی",
  // Slovene, Croatian and Serbian types after the name ("Poljanska steza 45a", "Gundulićev venac 8")
  "steza",
  "naselje",
  "venac",
  "nabrežje",
  "obala",
  "cesta",
  "sokače",
  "streets",
  "av",
  "roads",
  "dr",
  "court",
  "ct",
  "courts",
  "close",
  "way",
  "ways",
  "place",
  "pl",
  "square",
  "sq",
  "squares",
  "ter",
  "tce",
  "cres",
  "mall",
  "alley",
  "circle",
  "cir",
  "trail",
  "trl",
  "row",
  "walk",
  "parade",
  "plaza",
  "gardens",
  "grove",
  "mews",
  "expressway",
  "freeway",
  "turnpike",
  "causeway",
  "pike",
  "crossing",
  "crossroad",
  "gateway",
  "route",
  "loop",
  "esplanade",
  "embankment",
  "promenade",
  "quay",
  "wharf",
  "wynd",
  "weg",
  "gasse",
  "platz",
  "allee",
  "ring",
  "damm",
  "ufer",
  "chaussee",
  "steig",
  "pfad",
  "laan",
  "gracht",
  "plein",
  "kade",
  "singel",
  "dreef",
  "steeg",
  "stræde",
  "allé",
  "vænget",
  "plads",
  "torv",
  "gata",
  "vägen",
  "väg",
  "gränd",
  "torget",
  "veien",
  "vegen",
  "veg",
  "gate",
  "plass",
  "terrasse",
  "stien",
  "út",
  "útja",
  "tér",
  "tere",
  "körút",
  "krt",
  "rkp",
  "rakpart",
  "köz",
  "sor",
  "sétány",
  "fasor",
  "u",
  "iela",
  "gatvė",
  "tie",
  "kuja",
  "polku",
  "tee",
  "põik",
  "puiestee",
  "maantee",
  "odos",
  "οδός",
  "οδ",
  "prospekt",
  "ulitsa",
  "pereulok",
  "cesta",
  "trg",
  "náměstí",
  "nám",
  "třída",
  "nábřeží",
  "sokak",
  "sokağı",
  "caddesi",
  "cad",
  "bulvarı",
  "creek",
  "prairie",
  "points",
  "point",
  "forks",
  "rapids",
  "extensions",
  "extension",
  "cliffs",
  "summit",
  "green",
  "greens",
  "hill",
  "hills",
  "union",
  "pass",
  "isle",
  "flats",
  "falls",
  "fort",
  "heights",
  "harbor",
  "harbour",
  "haven",
  "hollow",
  "island",
  "junction",
  "key",
  "keys",
  "knoll",
  "lake",
  "landing",
  "light",
  "lodge",
  "manor",
  "meadow",
  "meadows",
  "mill",
  "mills",
  "mission",
  "mount",
  "mountain",
  "orchard",
  "oval",
  "park",
  "parks",
  "path",
  "pines",
  "plains",
  "port",
  "ranch",
  "ridge",
  "river",
  "shoal",
  "shore",
  "shores",
  "spring",
  "springs",
  "spur",
  "station",
  "stream",
  "track",
  "valley",
  "via",
  "view",
  "views",
  "village",
  "ville",
  "vista",
  "wall",
  "well",
  "wells",
  "coves",
  "cove",
  "estate",
  "estates",
  "rise",
  "vale",
  "brook",
  "brooks",
  "burg",
  "bypass",
  "camp",
  "canyon",
  "cape",
  "center",
  "circles",
  "common",
  "corner",
  "corners",
  "course",
  "curve",
  "dale",
  "dam",
  "divide",
  "ferry",
  "field",
  "fields",
  "flat",
  "ford",
  "forest",
  "forge",
  "fork",
  "glen",
  "glens",
  "inlet",
  "lights",
  "lock",
  "locks",
  "motorway",
  "overpass",
  "plain",
  "radial",
  "ramp",
  "rapid",
  "rest",
  "skyway",
  "stravenue",
  "throughway",
  "trace",
  "trafficway",
  "tunnel",
  "underpass",
  "unions",
  "valleys",
  "viaduct",
  "villages",
  "walks",
  "croft",
  "gate",
  "end",
  "drove",
  "mead",
  "chase",
  "yard",
  "garth",
  "fold",
  "brae",
  "grange",
  "approach",
  "wood",
  "paddock",
  "brow",
  "lea",
  "copse",
  "glade",
  "link",
  "circuit",
  // the rest of the USPS street suffixes (Publication 28, appendix C1) and their plurals
  "branch",
  "bridge",
  "burgs",
  "centers",
  "cliff",
  "club",
  "crest",
  "drives",
  "fall",
  "fords",
  "forges",
  "garden",
  "groves",
  "harbors",
  "islands",
  "junctions",
  "knolls",
  "lakes",
  "land",
  "loaf",
  "manors",
  "mountains",
  "neck",
  "parkways",
  "passage",
  "pine",
  "ports",
  "ridges",
  "run",
  "shoals",
  "spurs",
  "rue",
  // street types written after the name in Hungarian, Latvian, Lithuanian and Swedish
  "dűlő",
  "főtér",
  "főút",
  "határút",
  "körtér",
  "lakótelep",
  "liget",
  "országút",
  "sugárút",
  "bulvāris",
  "gatve",
  "gāte",
  "laukums",
  "dambis",
  "prospektas",
  "alėja",
  "plentas",
  "gränd",
  "gränden",
  "allén",
  // Norwegian and Danish, written apart after a genitive ("Majas Vei 5", "Kongens Gade 12")
  "vei",
  "vej",
  "gade",
  // and their standard abbreviations that are no common word
  "aly",
  "byp",
  "cswy",
  "ctr",
  "cyn",
  "crk",
  "crst",
  "xing",
  "expy",
  "fwy",
  "gdn",
  "gdns",
  "gtwy",
  "grv",
  "hbr",
  "hts",
  "jct",
  "lk",
  "lndg",
  "mnr",
  "mdw",
  "mdws",
  "mtn",
  "plz",
  "rdg",
  "riv",
  "rte",
  "spg",
  "spgs",
  "tpke",
  "vly",
  "vlg",
  "frst",
  "holw",
  "orch",
  "rnch",
  "shr",
  "smt",
  "trce",
  "tunl",
  "brg",
  "brk",
  "blf",
  "cmn",
]);
const STRONG_AFTER_SET = new Set(STRONG_AFTER);
/** Street-type words that precede the street name. */
const TYPE_BEFORE = new Set([
  "rue",
  "avenue",
  "av",
  "ave",
  "avda",
  "avenida",
  "calle",
  "carrer",
  "camino",
  "carrera",
  "paseo",
  "passeig",
  "plaza",
  "plaça",
  "praça",
  "rua",
  "rúa",
  "travessa",
  "largo",
  "alameda",
  "estrada",
  "rodovia",
  "via",
  "viale",
  "vicolo",
  "corso",
  "piazza",
  "piazzale",
  "strada",
  "contrada",
  "chemin",
  "allée",
  "boulevard",
  "bd",
  "impasse",
  "place",
  "quai",
  "cours",
  "ul",
  "ulica",
  "aleja",
  "al",
  "plac",
  "osiedle",
  "os",
  "λεωφόρος",
  "λ",
  "οδός",
  "jalan",
  "jl",
  "soi",
  "thanon",
  "đường",
  "phố",
  "avinguda",
  "rambla",
  "ronda",
  "glorieta",
  "travesía",
  "rruga",
  "bulevar",
  "bulevardul",
  "calea",
  "piața",
  "str",
  "ulitsa",
  "prospekt",
  "vulytsia",
  "trg",
  "calleja",
  "carretera",
  "cuesta",
  "pasaje",
  "bajada",
  "subida",
  "senda",
  "callejón",
  "urbanización",
  "borgo",
  "rotonda",
  "incrocio",
  "acesso",
  "azinhaga",
  "beco",
  "calçada",
  "caminho",
  "ladeira",
  "praceta",
  "viela",
  "droga",
  "rondo",
  "rynek",
  "skwer",
  "szosa",
  "bulw",
  "wyb",
  "aleea",
  "intrarea",
  "șoseaua",
  "soseaua",
  "splaiul",
  "voie",
  "sentier",
  // fr, es, pt, pl types that faker's and real addresses use ("6 Passage des Rosiers", "Barrio Elsa Salcedo 57")
  "passage",
  "faubourg",
  "ruelle",
  "cité",
  "hameau",
  "puerta",
  "polígono",
  "poligono",
  "arroyo",
  "barrio",
  "poblado",
  "barranco",
  "rincón",
  "rampa",
  "vía",
  "ribera",
  "urbanização",
  "bairro",
  "escadas",
  "escadinhas",
  "wyspa",
  "ogród",
  "pasaż",
  "zaułek",
  "explanada",
  "muelle",
  "riera",
  "caserío",
  "caserio",
  "quinta",
  "extramuros",
  "cañada",
  "vereda",
  "plazuela",
  "prolongación",
  "pasadizo",
  "parque",
  "aldea",
  "ramal",
  "lugar",
  "arrabal",
  "jardines",
  "pl",
  "nám",
  "náměstí",
  "nábř",
  "nábřeží",
  // Mexico ("Blvd. Eje Central 7", "Calz. Elvira Perea 41", "Priv. Marta 3")
  "blvd",
  "calzada",
  "calz",
  "cda",
  "priv",
  "prol",
  "carr",
  "periférico",
  "periferico",
  "perif",
  // Indonesia ("Jln. Sudirman no 5", "Gang Melati 3")
  "jln",
  "gang",
  "kampung",
  "lorong",
  // Greece ("Λεωφ. Κηφισίας 12", "Πλ. Ανδρέου 39")
  "λεωφ",
  "πλ",
  "πλατεία",
  "πάροδος",
  // Welsh ("Ffordd Nant 8", "8 Heol y Bont")
  "stryd",
  "ffordd",
  "heol",
  "lôn",
  "clos",
  "llys",
  "cwrt",
  "rhodfa",
  "cilgant",
  // Belgian French ("Drève Cuerens 99") and South Slavic ("Cesta v Mestni log 5", "Perivoj kralja Tomislava 4")
  "drève",
  "cesta",
  "perivoj",
  "šetalište",
  // Persian, Arabic and Hebrew ("خیابان آزادی، پلاک 5", "شارع الملك فهد 12", "רחוב הרצל 5")
  "خیابان",
  "کوچه",
  "بلوار",
  "میدان",
  "بن",
  "جاده",
  "بزرگراه",
  "شارع",
  "طريق",
  "جادة",
  "سبيل",
  "زقاق",
  "ممر",
  "رصيف",
  "درب",
  "ساحة",
  "רחוב",
  "רח",
  "דרך",
  "שדרות",
  "שד",
  "סמטת",
  "כיכר",
]);
/**
 * Street types that go before the name ("ул. Ленина, 5") or after it ("Каштановая пл., 992"), with a comma between
 * the street and its number either way: Russian, Ukrainian and Bulgarian, and (below) Azerbaijani, Uzbek, Armenian
 * and Georgian.
 */
const EITHER_SIDE_TYPES = [
  "улица",
  "ул",
  "проспект",
  "просп",
  "пр-т",
  "переулок",
  "пер",
  "шоссе",
  "бульвар",
  "б-р",
  "набережная",
  "наб",
  "площадь",
  "пл",
  "аллея",
  "ал",
  "проезд",
  "тупик",
  "вулиця",
  "вул",
  "пр",
  "провулок",
  "пров",
  "площа",
  "майдан",
  "бульв",
  "бул",
  "шосе",
  "набережна",
  "узвіз",
  "алея",
  "булевард",
  "булевар",
  // Azerbaijani, Uzbek, Armenian and Georgian put the type after the name the same way ("Nizami küç., 12", "Anar
  // bulvari, 67a", "Մինասյան պողոտա 2", "ბალმაშევის გამზ. 6")
  "küçəsi",
  "küç",
  "pr",
  "sh",
  "prospekti",
  "döngəsi",
  "sahəsi",
  "meydanı",
  "bulvarı",
  "dalanı",
  "ko'chasi",
  "bulvari",
  "qirg'oqi",
  "qishlog'i",
  "daxasi",
  "xiyoboni",
  "mavzesi",
  "maydoni",
  "mahallasi",
  "yo'li",
  "պողոտա",
  "փողոց",
  "նրբանցք",
  "փակուղի",
  "հրապարակ",
  "გამზ",
  "გამზირი",
  "ქუჩა",
  "შესახვევი",
  "ჩიხი",
  "მოედანი",
];
/** French particles between a street's type and its name ("d'" never stands alone: the tokens join "d'Alésia"). */
const FR_TYPE_ADJECTIVES = new Set(["petite", "grande", "grand", "vieille", "vieux", "nouvelle"]);
const FR_PARTICLES = new Set(["de", "du", "des", "la", "vers", "au", "aux"]);
/** Words for "number" between a street and its house number ("Jl. Sihotang no 3", "Calle Mayor nº 5"). */
const NUMBER_SIGNS = [
  "no",
  "nr",
  "nº",
  "núm",
  "num",
  "nro",
  "número",
  "numero",
  "nomor",
  "номер",
  "bloc",
  "bl",
  "پلاک",
];
/**
 * Street types that are ordinary words too: the rest of the Spanish cadastre's types ("Manzana Catalina, 5",
 * "Sector Ángela Velázquez 35"; Grupo, Mercado, Salida, Monte) and, first, some of other countries. One counts only
 * before a name of a person ("Mercado Leonor 4"; not "Salida 4", "Mercado Libre 2024") or a French particle (see
 * typesStreet), and the number must not read as a year.
 */
const WEAK_TYPES = [
  // Mexico, Brazil, Indonesia, Greece: types that are ordinary words or short abbreviations too ("Privada Marta",
  // "Marginal Tertuliano", "Gg. Melati", "Ds. Zaenab"; not "sesión privada 5", "marginal gains 2", "gg 5")
  "route",
  "maes",
  "privada",
  "cerrada",
  "retorno",
  "circuito",
  "andador",
  "eje",
  "viaducto",
  "marginal",
  "pasar",
  "desa",
  "gg",
  "kpg",
  "psr",
  "ds",
  "dk",
  "ki",
  "jr",
  "lr",
  "παρ",
  "bloque",
  "chalet",
  "colegio",
  "colonia",
  "conjunto",
  "costanilla",
  "edificio",
  "escalinata",
  "extrarradio",
  "ferrocarril",
  "grupo",
  "huerta",
  "lado",
  "manzana",
  "masía",
  "mercado",
  "monte",
  "municipio",
  "paraje",
  "parcela",
  "partida",
  "puente",
  "salida",
  "sección",
  // Belgian French: parks, gardens and arcades that are streets ("Parc Corwin 798/2", "Jardin de l'Epée 8")
  "galerie",
  "parc",
  "jardin",
  "square",
  "sector",
  "solar",
  "terrenos",
  "torrente",
];
/** Endings of one-word street names ("Koskikatu", "Søndergade", "Hauptstraße"). */
const COMPOUND_SUFFIXES = [
  "straße",
  "strasse",
  "str",
  "weg",
  "gasse",
  "platz",
  "allee",
  "damm",
  "ufer",
  "straat",
  "laan",
  "gracht",
  "plein",
  "kade",
  "vej",
  "gade",
  "stræde",
  "vænget",
  "gatan",
  "gata",
  "vägen",
  "veien",
  "vegen",
  "stien",
  "katu",
  "tie",
  "kuja",
  "polku",
  "raitti",
  "väylä",
  "utca",
  "útja",
  "stræti",
  "straeti",
  "braut",
  "vegur",
  "tänav",
  "maantee",
  "iela",
  "graben",
  "ring",
  "stieg",
  "markt",
  "hove",
  "singel",
  "dreef",
  "torget",
  "gate",
  "vei",
  "gränd",
  "gränden",
  "allén",
  "ranta",
  "rinne",
  "penger",
  "plantsoen",
  "bakken",
  "stigen",
  "torg",
  "tori",
  "väg",
  // German field and farm names ("Schmalenbruch", "Pastorskamp", "Kämpenwiese", "Im Jücherfeld")
  "bruch",
  "kamp",
  "wiese",
  "pfad",
  "hütte",
  "höhe",
  "garten",
  "grund",
  "heide",
  "siedlung",
  "steig",
  "zeile",
  "chaussee",
  "promenade",
  "kreuz",
  "hof",
  "feld",
  "berg",
  "winkel",
  "mühle",
  // Dutch, Nordic, Finnish and Czech ones ("Vosdijk", "Hovedgaden", "Järnvägsgärdet", "Saarinenkaari", "Branská")
  "dijk",
  "gaden",
  "gärdet",
  "vollen",
  "haugen",
  "kaari",
  "linja",
  "ská",
  "cká",
  "ova",
  "ého",
  "alle",
  "vejen",
  "svinget",
  "brynet",
  "draget",
  "kæret",
  "marken",
  "lunden",
  "stykket",
  "skrenten",
  "marka",
  "park",
  // Norwegian definite forms ("Sjøsvingen", "Granflata", "Heggeholtet", "Bruengen"), Danish "Åboulevarden", Czech
  // adjectival names ("Krajní", "Osluněná")
  "svingen",
  "havna",
  "flata",
  "myra",
  "stubben",
  "holtet",
  "gropa",
  "engen",
  "gjerdet",
  "eggen",
  "lyngen",
  "tunet",
  "løkka",
  "jordet",
  "åsen",
  "boulevarden",
  "bråten",
  "faret",
  "vika",
  "høgda",
  "plassen",
  "alléen",
  "tjernet",
  "ná",
  "ní",
];
/** COMPOUND_SUFFIXES by their last code unit. */
const COMPOUND_BY_LAST = new Map<number, string[]>();
for (const suf of COMPOUND_SUFFIXES) {
  const last = suf.charCodeAt(suf.length - 1);
  const list = COMPOUND_BY_LAST.get(last);
  if (list) list.push(suf);
  else COMPOUND_BY_LAST.set(last, [suf]);
}

/** str[s..e) ends with a compound street suffix and has at least three characters before it. */
function compoundEnding(str: string, s: number, e: number): boolean {
  const len = e - s;
  if (len < 4) return false;
  const list = COMPOUND_BY_LAST.get(str.charCodeAt(e - 1));
  if (list === undefined) return false;
  for (const suf of list) {
    if (len < suf.length + 3) continue;
    let k = 2;
    while (k <= suf.length && str.charCodeAt(e - k) === suf.charCodeAt(suf.length - k)) k++;
    if (k > suf.length) return true;
  }
  return false;
}

/** Lower-case words inside street names ("Rua do Arenque", "Avenue du Golf", "Jiřího z Poděbrad"). */
const STREET_PARTICLES = new Set([
  "au",
  "aux",
  "do",
  "da",
  "dos",
  "das",
  "de",
  "del",
  "della",
  "di",
  "du",
  "des",
  "la",
  "le",
  "les",
  "al",
  "el",
  "von",
  "van",
  "der",
  "den",
  "ter",
  "ten",
  "y",
  "e",
  "i",
  "nad",
  "pod",
  "am",
  "an",
  "im",
  "auf",
  "dei",
  "degli",
  "delle",
  "of",
  "z",
  "u",
  "v",
  "na",
  "pri",
  "ob",
  "sul",
  "sur",
  "aan",
  "op",
  "bei",
  "d'",
  "l'",
]);
/** Months written short (some are names too: "Dec", "May"): between a day and a year they make a date. */
const MONTHS_SHORT = new Set(MONTH_ABBREVIATIONS);

/** Unit designators (followed by a number). */
const UNITS = new Set([
  // a Belgian letterbox's number after the house number ("Keltrudestraat 5 bus 3"), and its French form
  "bus",
  "bte",
  "boîte",
  "apt",
  "apartment",
  "suite",
  "ste",
  "unit",
  "flat",
  "floor",
  "fl",
  "room",
  "rm",
  "bldg",
  "building",
  "apto",
  "piso",
  "whg",
  "wohnung",
  "etage",
  "étage",
  "app",
  "lgh",
  "dept",
  "zimmer",
  "piano",
  "interno",
  "int",
  "scala",
  "lok",
  "lokal",
  "hus",
  "leil",
  "bolig",
  "esc",
  "ap",
  "apartma",
  "pisarna",
  "dz",
  "kat",
  "sprat",
  "кат",
  "стан",
  "кв",
  "квартира",
  // Slovene: floor, flat ("nadstropje 5", "stanovanje št. 663")
  "nadstropje",
  "stanovanje",
  "stan",
  // Armenian flat and house ("Սահակյան փողոց 30 Բն. 360"), Persian unit ("پلاک 46 واحد 8")
  "բն",
  "տուն",
  "واحد",
  // Greek office and flat ("Λαγού 764, Γρ. 4", "Διαμ. 9")
  "γρ",
  "γραφείο",
  "διαμ",
  "διαμέρισμα",
]);
/** Words that end an address block: greetings, sign-offs and contact labels of a letter. */
const LINE_STOP = new Set([
  "dear",
  "hi",
  "hello",
  "hey",
  "thanks",
  "thank",
  "regards",
  "best",
  "cheers",
  "sincerely",
  "yours",
  "kind",
  "warm",
  "love",
  "mobile",
  "phone",
  "tel",
  "telephone",
  "fax",
  "email",
  "mail",
  "web",
  "website",
  "office",
  "desk",
  "cell",
  "mob",
  "please",
  "call",
  "contact",
  "tax",
  "vat",
  "iban",
  "account",
  "card",
  "ssn",
  "dob",
  "name",
  // thanks and the contact labels of other languages
  "danke",
  "bedankt",
  "merci",
  "gracias",
  "grazie",
  "obrigado",
  "obrigada",
  "tack",
  "takk",
  "kiitos",
  "dzięki",
  "telefon",
  "téléphone",
  "teléfono",
  "telefono",
  "telefoon",
  "telefone",
  "handy",
  "mobil",
  "móvil",
  "cellulare",
  "portable",
  "correo",
  "courriel",
]);
/** Lower-case words inside place names ("Črni Vrh nad Idrijo", "Chiclana de la Frontera"). */
const PLACE_PARTICLES = new Set([
  // (Italian "a": "Polignano a Mare")
  "a",
  "de",
  "del",
  "la",
  "las",
  "los",
  "el",
  "le",
  "les",
  "du",
  "des",
  "da",
  "do",
  "dos",
  "das",
  "di",
  "am",
  "an",
  "im",
  "der",
  "den",
  "nad",
  "pod",
  "na",
  "u",
  "v",
  "z",
  "pri",
  "ob",
  "sur",
  "sul",
  "upon",
  "on",
  "en",
  "y",
  "e",
  "aan",
  "op",
  "bei",
  "ter",
  "ten",
  "nan",
  "of",
]);
// ---- the word lists as one table, looked up straight from a token's range ----
const A_TYPE_AFTER = 1;
const A_STRONG_AFTER = 2;
const A_TYPE_BEFORE = 4;
const A_UNIT = 8;
const A_STREET_PARTICLE = 16;
const A_COMPOUND_KNOWN = 32; // (token memo only) A_COMPOUND is computed
const A_COMPOUND = 64; // (token memo only) a one-word street name ("Koskikatu")
const A_STREET_WORD = 128; // Street, Avenue, Road, Boulevard, Lane, Straße, Strasse (see namedStreets)
const A_WEAK_TYPE = 256; // WEAK_TYPES: a type word only before a person's name
const A_EITHER_TYPE = 512; // EITHER_SIDE_TYPES: a type word before or after the name, a comma before the number
const A_NUMBER_SIGN = 1024; // NUMBER_SIGNS
const ADDRESS_WORDS = new WordTable([
  ...entries(TYPE_AFTER, A_TYPE_AFTER),
  ...entries(STRONG_AFTER, A_STRONG_AFTER),
  ...entries(TYPE_BEFORE, A_TYPE_BEFORE),
  ...entries(WEAK_TYPES, A_TYPE_BEFORE | A_WEAK_TYPE),
  ...entries(EITHER_SIDE_TYPES, A_TYPE_BEFORE | A_EITHER_TYPE),
  ...entries(NUMBER_SIGNS, A_NUMBER_SIGN),
  ...entries(UNITS, A_UNIT),
  ...entries(STREET_PARTICLES, A_STREET_PARTICLE),
  ...entries(["street", "avenue", "road", "boulevard", "lane", "straße", "strasse"], A_STREET_WORD),
]);
/** Per-token memo of ADDRESS_WORDS flags (-1: not looked up yet), reused across records. */
let wordFlags = new Int32Array(256);

const US_ZIP_NEXT_RE = /^[ \t]+\d{5}(?:-\d{4})?(?![\p{L}\p{N}])/u;
const US_TAIL_LOWER_RE =
  /^,[ \t]*\p{L}[\p{L}'’.-]*(?:[ \t]+\p{L}[\p{L}'’.-]*){0,3},?[ \t]+([a-z]{2})[ \t]+\d{5}(?:-\d{4})?(?![\p{L}\p{N}])/u;
/** ", City, ST 12345" (ZIP+4 allowed) right after a street's name. */
const US_TAIL_RE =
  /^,[ \t]*\p{Lu}[\p{L}'’.-]*(?:[ \t]+\p{Lu}[\p{L}'’.-]*){0,3},?[ \t]+[A-Z]{2}[ \t]+\d{5}(?:-\d{4})?(?![\p{L}\p{N}])/u;
const POSTCODE_PART_RE = /^\d{2,6}(?:-\d{2,4})?$/;
const UK_CA_PART_RE = /^[A-Z]\d[A-Z]$|^\d[A-Z]\d$|^[A-Z]{1,2}\d[A-Z\d]?$|^\d[A-Z]{2}$/;
/** Lexicon bits `b` are no frequent English word's (another language's function word may name a town: "Nové", "Le"). */
function englishWordOrNone(b: number): boolean {
  return !(b & L_COMMON) || (b & L_FUNCTION) !== 0;
}
/** A town's capitalised word after its postcode: letters, an inner hyphen or apostrophe. */
const TOWN_WORD_RE = /^\p{Lu}[\p{L}\p{M}'’-]*$/u;
/** An ordinal or a time in lower case, no postcode's part: "1st", "7pm", "9h". */
const ORDINAL_OR_TIME_RE = /^\d{1,2}(?:st|nd|rd|th|am|pm|h)$/;
/** An Eircode's unique identifier: four of its letters and digits, a letter and a digit among them. */
const EIRCODE_PART_RE = /^(?=[0-9A-Z]*\d)(?=[0-9A-Z]*[A-Z])[0-9ACDEFHKNPRTVWXY]{4}$/;
// (Uzbek writes its apostrophes also as ` ʻ ʼ: "Uchqo`rg`on", "Farg‘ona"; Persian joins parts of a word with a
// zero-width non-joiner: "نجف‌آباد")
const PLACE_WORD_RE = /^[\p{L}∆][\p{L}\p{M}'’`ʻʼ‘∆.\u200c-]*$/u;

/**
 * The last words of Italian towns' names, which say the region or the kind of place ("Albano Laziale", "Finale
 * Ligure", "Montecatini Terme", "Polignano a Mare", "Reggio nell'Emilia"): part of the town after its first word,
 * also when typed in lower case.
 */
const ITALIAN_TOWN_TAILS = new Set([
  "terme",
  "lido",
  "marina",
  "mare",
  "ligure",
  "laziale",
  "calabro",
  "calabra",
  "umbro",
  "umbra",
  "salentino",
  "salentina",
  "sardo",
  "sarda",
  "veneto",
  "veneta",
  "marittimo",
  "marittima",
  "emilia",
  "friuli",
  "romagna",
]);

/** Words of place names that are common words too ("New", "South", "United", "Republic"). */
let placeWords: Set<string> | undefined;
function placeWord(w: string): boolean {
  if (!placeWords) {
    placeWords = new Set([
      "new",
      "north",
      "south",
      "east",
      "west",
      "upper",
      "lower",
      "saint",
      "st",
      "san",
      "santa",
      "port",
      "mount",
      "lake",
      "cape",
      "city",
      "town",
      "village",
      "bay",
      "beach",
      "island",
      "islands",
    ]);
    for (const p of multiWordPlaces()) for (const t of p.split(" ")) placeWords.add(t);
  }
  return placeWords.has(w);
}
/**
 * Words before an address that announce it (checked in the 48 characters before); those of other scripts, or
 * ending in a letter past ASCII, stand outside the `\b…\b` group (`\b` knows ASCII letters only).
 */
const CONTEXT_RE =
  /\b(?:address(?:es)?|lives?|lived|living|located|location|ship(?:ping)?|send|sent|deliver(?:y|ed)?|mail(?:ing)?|moved?|moving|office|meet|meeting at|drop (?:it|them|this) (?:off )?at|residence|resides?|reside|billing|postal|(?:parcel|package|packet|shipment|paket|päckchen|sendung|pakket|zending|paquete|pacco|colis) (?:to|an|naar|voor|para|per|pour)|(?:parcel|package|packet|letter|delivery|keys?) (?:(?:goes|went|is going) to|(?:was |were )?(?:left|dropped|delivered|handed))|visit|side of|corner|drops? you off|stop at|station|picks? (?:you|me|us|them|him|her) up|picked (?:you|me|us|them|him|her) up|(?:drive|driving|drove|walk|walking|head|heading|come|comes|came|coming) (?:over )?to|(?:i'm|im|i am|we're|we are|are|r|am) going to|see (?:you|u) (?:there )?at|appointment|(?:'s|’s) (?:place|house|home|flat|apartment)|anschrift|adresse|dirección|direccion|indirizzo|endereço|wohnt|wohnhaft|wohne|wohnen|vivo|vive|viven|habite|habitons|habitent|abito|abita|woon|woont|mudou|mudamos|cambió|pindah|mutat|adres|adresa|adresi|alamat)\b|invoice (?:for|to):? [^,\n]{1,40}(?:, ?|\n)$|pick-?up:|drop-?off:|(?:pick-?up|drop-?off|collection|meeting|handover) point:?|property:|premises:|venue:|mov(?:es?|ing|ed) into|arriv(?:es?|ing) at|(?:party|event|dinner|wedding|drinks|barbecue|bbq|reception) is at|incident at|front door of|\bkeys? to [^,\n]{1,40} at $|gleich bei|komt eraan bij|collect(?:ion)? from|lost (?:dog|cat|keys|wallet|phone|bike) near|arrive au|llegando a|arrivando in|a chegar à|dojeżdża na|framme vid|(?:viewing|besichtigung|bezichtiging|visite|visita)\b|\b(?:at|um|om|à|alle|a las) \d{1,2}(?:[:.]\d\d)? ?(?:am|pm|uhr|h)?, ?$|neighbou?r|переехал|переїха|μετακόμισ|адрес|διεύθυνσ|presťahoval|přestěhoval|költözött|címe|taşın|chuyển đến|địa chỉ/;

/** The parcels of CONTEXT_RE and the prepositions after them, lower case. */
const PARCEL_WORDS = new Set(
  "parcel package packet shipment paket päckchen sendung pakket zending paquete pacco colis".split(" "),
);
const PARCEL_TO = new Set("to an naar voor para per pour".split(" "));

/**
 * Something sent to a person, then a comma, before a street: "send the signed lease to Σταύρος Y. Δυοβουνιώτης, …",
 * and a letter's "care of" ("c/o X, Nikšićka 864")
 * (a name may stand between the verb and the street, farther back than CONTEXT_RE looks).
 */
/** A CSV field that holds a phone number, right before the field at the end (see contextBefore). */
const PHONE_FIELD_BEFORE_RE = /(?:^|,)[ \t]*\+?\(?\d[\d \-()]{5,}\d,$/;
const SENT_TO_RE =
  /(?:\b(?:send|sent|ship|mail|post|forward|deliver)\b[^\n]{0,24} to |\bc\/o |\b(?:left|dropped off) (?:with|at) |\b(?:abgegeben|hinterlegt) bei |\bafgegeven bij |\bdéposée? chez |\bzostawion[aey] u |\blämnades hos )[^,\n]{1,40}, $/;

/**
 * Street addresses (STREET_ADDRESS, level 3) and postcodes (POSTCODE, level 3).
 * @example streetAddress.detect({ text: "I live at 12 Baker Street", lower: "i live at 12 baker street", channel: "typed" })[0].start // 10
 */
export const streetAddress: Recognizer = {
  id: ID,
  types: ["STREET_ADDRESS", "POSTCODE"],
  detect(input) {
    const { text, lower } = input;
    let out = detectAddresses(text, lower);
    // a directory listing's line ("drwxr-xr-x 5 root root 160 dic  2 10:14 bin"): sizes and dates, no street
    if (out.length > 0 && (text.charCodeAt(0) === 45 || text.charCodeAt(0) === 100 || text.includes("\n")))
      out = out.filter((d) => !listingLineAt(text, d.start));
    for (const p of detectPostcodes(text, lower, knownDigitRuns(input))) out.push(p);
    // Chinese, Japanese and Korean addresses hold characters past ASCII (known for free when the record is tokenised)
    const toks = peekTokens(text);
    if (toks === undefined || toks.chars & CH_NONASCII) for (const d of cjkAddresses(text)) out.push(d);
    return out;
  },
};

/**
 * Find street addresses in `text` (`lower` is `text.toLowerCase()`).
 * @example detectAddresses("Ship to 4 Privet Drive", "ship to 4 privet drive")[0].end // 22
 */
export function detectAddresses(text: string, lower: string): Detection[] {
  // Without an ASCII digit or a street word only "corner of" can match. When no other recognizer has
  // tokenised the record, two native searches decide that before it is tokenised here.
  let toks = peekTokens(text);
  // "s/n": a Spanish street without a house number
  const sinNum = lower.indexOf("s/n") >= 0;
  if (toks === undefined) {
    if (!ASCII_DIGIT_RE.test(text) && !STREET_WORD_RE.test(text) && !sinNum)
      return cornerOnly(text, lower, []);
    toks = tokensOf(text);
  }
  const hasDigit = (toks.chars & CH_DIGIT) !== 0;
  const n = toks.count;
  const { start: ts, end: te, kind: tk } = toks;
  const sameLen = lower.length === text.length;
  if (wordFlags.length < n) wordFlags = new Int32Array(Math.max(n, wordFlags.length * 2));
  // records are short: a loop is cheaper here than a call of TypedArray.fill
  const wf = wordFlags;
  for (let k = 0; k < n; k++) wf[k] = -1;
  // "<Name> Street" needs a capitalised street word (see namedStreets) besides the text-wide match
  let streetWord = false;
  for (let t = 1; t < n && !streetWord; t++) {
    if (!(tk[t]! & K_CAP) || te[t]! - ts[t]! < 4) continue;
    const c = text.charCodeAt(ts[t]!);
    if (
      (c === 83 || c === 65 || c === 82 || c === 66 || c === 76) &&
      tokenFlags(toks, t, text, lower) & A_STREET_WORD
    )
      streetWord = true;
  }
  const hasStreetWord = streetWord && STREET_WORD_RE.test(text);
  if (!hasDigit && !hasStreetWord && !sinNum) return cornerOnly(text, lower, []);
  return addressesIn(text, lower, toks, sameLen, hasDigit || sinNum, hasStreetWord);
}

const ASCII_DIGIT_RE = /[0-9]/;

/** ADDRESS_WORDS flags of token i (memoised in `wordFlags` for the current record). */
function tokenFlags(toks: Tokens, i: number, text: string, lower: string): number {
  let v = wordFlags[i]!;
  if (v === -1) {
    const s = toks.start[i]!;
    const e = toks.end[i]!;
    if (lower.length === text.length && !(toks.kind[i]! & K_MARKS)) v = ADDRESS_WORDS.getRange(lower, s, e);
    else {
      let k = lower.length === text.length ? lower.slice(s, e) : text.slice(s, e).toLowerCase();
      if (toks.kind[i]! & K_MARKS) k = withoutVowelMarks(k.normalize("NFC"));
      v = ADDRESS_WORDS.get(k);
    }
    wordFlags[i] = v;
  }
  return v;
}

// ---- per-call state of addressesIn (not re-entrant; module-level so that no closure is made per record) ----
let text = "";
let lower = "";
let toks: Tokens;
let n = 0;
let ts: Int32Array;
let te: Int32Array;
let tk: Uint8Array;
let sameLen = true;
let allLower = false;
let lex: Lexicon;
let covered = -1; // end offset of the last emitted span
let out: Detection[] = [];
/** Whether the record holds "po a", which every military address does (-1: not looked yet). */
let militaryPossible = -1;

function addressesIn(
  inText: string,
  inLower: string,
  inToks: Tokens,
  inSameLen: boolean,
  scanNumbers: boolean,
  hasStreetWord: boolean,
): Detection[] {
  text = inText;
  lower = inLower;
  toks = inToks;
  n = toks.count;
  ts = toks.start;
  te = toks.end;
  tk = toks.kind;
  sameLen = inSameLen;
  allLower = sameLen && text === lower;
  lex = lexicon();
  covered = -1;
  out = [];
  militaryPossible = -1;
  if (scanNumbers) {
    for (let i = 0; i < n; i++) {
      if (ts[i]! < covered) continue;
      if (!isNum(i)) {
        // "Polígono María Cristina s/n": a Spanish street without a house number (sin número)
        const sn = sinNumero(i);
        if (sn) {
          const e = extend(sn[1]);
          emit(sn[0], e, 0.8);
          while (i + 1 < n && ts[i + 1]! < e) i++;
        }
        continue;
      }
      // ---- P.O. boxes and military addresses ----
      const special = specialAddress(text, lower, ts[i]!);
      if (special) {
        let [sStart, sEnd] = special;
        if (!special[2]) {
          // a P.O. box: a building number before it, units and city parts after it
          const f = tokenAt(toks, sStart);
          if (f > 0 && isNum(f - 1) && gapOk(f - 1, 1) && ts[f - 1]! >= covered) sStart = ts[f - 1]!;
          sEnd = extend(sEnd);
        }
        if (sStart < covered) sStart = covered;
        emit(sStart, sEnd, 0.9);
        while (i + 1 < n && ts[i + 1]! < sEnd) i++;
        continue;
      }
      // "10:43": a clock's time, no house number ("Ilsa Prenn 10:43 AM" is a chat's row, "meet at Prenn 10:43")
      if (clockAt(te[i]!)) continue;
      // "1:1 Ryan Mills / Cassie": a ratio's or a time's second number is no house number either
      if (ts[i]! >= 2 && text.charCodeAt(ts[i]! - 1) === 58 && digitBefore(ts[i]! - 1)) continue;
      const found = streetAt(i);
      if (!found) continue;
      const score = found[2];
      let [start, end] = found;
      // a building number before the street number ("17151 2450 Crown St")
      const first = tokenAt(toks, start);
      if (first > 0 && isNum(first - 1) && gapOk(first - 1, 1)) start = ts[first - 1]!;
      else if (first === i) {
        // street words before the number: "Λεωφόρος Συγγρού 119 Nino Point", "Tungata 11 Rott Crossroad"
        let c = i;
        while (
          c - 1 >= 0 &&
          i - c < 4 &&
          gapOk(c - 1) &&
          (capOk(c - 1) || particle(c - 1)) &&
          !(bits(c - 1) & L_FUNCTION)
        )
          c--;
        while (c < i && particle(c)) c++;
        // a type word before the name, also one that is a function word or a particle elsewhere ("al. kucharski
        // 31c": Polish aleja, Spanish "to the"; "Llegamos al 5" has no name)
        if (c < i && c - 1 >= 0 && gapOk(c - 1) && isTypeBefore(c - 1)) c--;
        if (c < i) {
          let typed = false;
          for (let t = c; t < i; t++)
            if (typesStreet(t, i - 1, i) || isTypeAfter(t) || isCompound(t)) typed = true;
          if (
            typed ||
            lineStart(ts[c]!) ||
            contextBefore(ts[c]!) ||
            /(?:in|to|at|on|with|is)\s+$/.test(lower.slice(Math.max(0, ts[c]! - 6), ts[c]!))
          )
            start = ts[c]!;
        }
      }
      if (start < covered) start = covered;
      const e = extend(end);
      emit(start, e, score);
      end = e;
      while (i + 1 < n && ts[i + 1]! < end) i++;
    }
  }

  // ---- "the corner of X and Y" ----
  for (let at = lower.indexOf("corner of "); at >= 0; at = lower.indexOf("corner of ", at + 10)) {
    const span = corner(text, lower, at, !allLower);
    if (span) emit(span[0], span[1], 0.8);
  }
  // ---- "<Name> Street" without a number: "on Marina Fort Street" ----
  if (hasStreetWord) namedStreets();
  return out;
}

/** At `e`: a colon and two digits that end there, the minutes of a time ("10:43", not "10:435"). */
function clockAt(e: number): boolean {
  return (
    codeAt(e) === 58 &&
    isAsciiDigit(codeAt(e + 1)) &&
    isAsciiDigit(codeAt(e + 2)) &&
    !isAsciiDigit(codeAt(e + 3))
  );
}

function key(i: number): string {
  let k = sameLen ? lower.slice(ts[i]!, te[i]!) : text.slice(ts[i]!, te[i]!).toLowerCase();
  if (tk[i]! & K_MARKS) k = withoutVowelMarks(k.normalize("NFC"));
  return k;
}

const ARABIC_VOWEL_MARK_RE = /[\u064b-\u065f\u0670]/;
const ARABIC_VOWEL_MARKS_RE = /[\u064b-\u065f\u0670]/g;
/**
 * `k` without Arabic vowel marks (harakat), which a writer adds or leaves out at will: "مَمَر" is the type word
 * "ممر". Other marks stay (NFC has joined those that belong to a letter).
 */
function withoutVowelMarks(k: string): string {
  return ARABIC_VOWEL_MARK_RE.test(k) ? k.replace(ARABIC_VOWEL_MARKS_RE, "") : k;
}
function flags(i: number): number {
  return tokenFlags(toks, i, text, lower);
}
function bits(i: number): number {
  return wordBits(toks, i, text, lower);
}

/**
 * A house number: 1-6 digits with at most one trailing letter ("12", "12B"), or up to five digits with a door or
 * floor joined by a hyphen, as Portuguese addresses write them ("39-Ed", "99-Piso", "45-loja").
 */
function isNum(i: number): boolean {
  if (i < 0 || i >= n || !(tk[i]! & K_DIGITS)) return false;
  const s = ts[i]!;
  const e = te[i]!;
  if (e - s > 11) return false;
  const c0 = text.charCodeAt(s);
  if (c0 < 48 || c0 > 57) return hebrewLetterNumber(s, e);
  let letters = 0;
  for (let k = s; k < e; k++) {
    const c = text.charCodeAt(k);
    if (c < 48 || c > 57) {
      if (c === 45 && letters === 0 && k - s <= 5 && e - k >= 2 && tk[i]! & K_JOINED)
        return hyphenDoor(k + 1, e);
      letters++;
    }
  }
  return letters <= 1 && e - s <= 6;
}
/**
 * text[s..e) is a Hebrew house number written letter first after a geresh or apostrophe: "'א54" (the building's
 * letter, then its number).
 */
function hebrewLetterNumber(s: number, e: number): boolean {
  if (e - s < 2 || e - s > 5 || !hebrewLetter(text.charCodeAt(s)) || !geresh(codeAt(s - 1))) return false;
  for (let k = s + 1; k < e; k++) if (!isAsciiDigit(text.charCodeAt(k))) return false;
  return true;
}
function hebrewLetter(c: number): boolean {
  return c >= 0x05d0 && c <= 0x05ea;
}
/** An apostrophe or the Hebrew geresh. */
function geresh(c: number): boolean {
  return c === 39 || c === 0x05f3;
}

/**
 * text[s..e) is a door or floor after a house number's hyphen: digits and letters ("8A"), or a word of up to five
 * letters not in capitals ("Ed", "loja"; "49-END" is no address).
 */
function hyphenDoor(s: number, e: number): boolean {
  if (e - s > 5) return false;
  const c0 = text.charCodeAt(s);
  const word = !(c0 >= 48 && c0 <= 57);
  for (let k = s; k < e; k++) {
    const c = text.charCodeAt(k);
    if (!(c >= 48 && c <= 57) && !isAsciiLetter(c)) return false;
    if (word && k > s && !(c >= 97 && c <= 122)) return false;
  }
  return true;
}
function isWord(i: number): boolean {
  return i >= 0 && i < n && !(tk[i]! & K_DIGITS);
}
/** A numbered street's name: "3rd", "14th", "101st" (an ordinal of one to three digits). */
function isOrdinal(i: number): boolean {
  if (i < 0 || i >= n || !(tk[i]! & K_DIGITS)) return false;
  const s = ts[i]!;
  const e = te[i]!;
  if (e - s < 3 || e - s > 5) return false;
  for (let k = s; k < e - 2; k++) {
    const c = text.charCodeAt(k);
    if (c < 48 || c > 57) return false;
  }
  const x = text.charCodeAt(e - 2) | 32;
  const y = text.charCodeAt(e - 1) | 32;
  // st nd rd th
  return (
    (x === 115 && y === 116) ||
    (x === 110 && y === 100) ||
    (x === 114 && y === 100) ||
    (x === 116 && y === 104)
  );
}
/** Token i is a Roman numeral in capitals followed by a dot ("XII.", "IV."): an ordinal in Hungarian street names. */
function romanOrdinal(i: number): boolean {
  if (i < 0 || i >= n || !(tk[i]! & K_ALLCAP) || codeAt(te[i]!) !== 46 || te[i]! - ts[i]! > 5) return false;
  for (let k = ts[i]!; k < te[i]!; k++) if (!"IVXLC".includes(text[k]!)) return false;
  return true;
}
/** A compass direction written as a US street's prefix or suffix: N, S, E, W, NE, NW, SE, SW. */
function isDirection(i: number): boolean {
  if (!isWord(i)) return false;
  const s = ts[i]!;
  const len = te[i]! - s;
  const c = text.charCodeAt(s);
  if (len === 1) return c === 78 || c === 83 || c === 69 || c === 87;
  if (len !== 2 || (c !== 78 && c !== 83)) return false;
  const d = text.charCodeAt(s + 1);
  return d === 69 || d === 87;
}
/** A word of a street's name: a word, or a numbered street's ordinal ("W 3rd Street"). */
function isNameWord(i: number): boolean {
  return isWord(i) || isOrdinal(i);
}
/** Gap between two tokens of one street: spaces, or a dot after a short abbreviation, same line. */
function gapOk(i: number, maxSpaces = 2): boolean {
  if (i < 0 || i + 1 >= n) return false;
  let k = te[i]!;
  let to = ts[i + 1]!;
  // the geresh of a Hebrew house number belongs to the number: "רחוב הזית 'א5"
  if (geresh(text.charCodeAt(to - 1)) && to - 1 > k && hebrewLetter(text.charCodeAt(to))) to--;
  // an Arabic comma between two type words: "درب، طريق نوف"
  if (text.charCodeAt(k) === 0x060c && isTypeBefore(i) && isTypeBefore(i + 1)) k++;
  // a dot after an abbreviation: "u.", "ul.", "St.", "Goethestr." (not before a sign-off: "Ffordd Nant. Cheers")
  if (text.charCodeAt(k) === 46 && (te[i]! - ts[i]! <= 4 || (text.charCodeAt(k - 1) | 32) === 114)) {
    if (LINE_STOP.has(key(i + 1))) return false;
    k++;
  }
  if (to - k < 1 || to - k > maxSpaces) return false;
  for (; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c !== 32 && c !== 0xa0) return false;
  }
  return true;
}
function common(i: number): boolean {
  return (bits(i) & (L_COMMON | L_CALENDAR)) !== 0;
}
function isTypeAfter(i: number): boolean {
  // Hungarian writes its one-letter "u." (utca) in lower case, with its dot; "Ben U. Hoeger" has a middle initial,
  // and "u" without a dot is the South Slavic "at" ("Sastanak u 15 sati")
  return (
    isWord(i) &&
    (flags(i) & A_TYPE_AFTER) !== 0 &&
    !(
      te[i]! - ts[i]! === 1 &&
      ((text.charCodeAt(ts[i]!) >= 65 && text.charCodeAt(ts[i]!) <= 90) || codeAt(te[i]!) !== 46)
    )
  );
}
function isStrongAfter(i: number): boolean {
  return isWord(i) && (flags(i) & A_STRONG_AFTER) !== 0;
}
function isTypeBefore(i: number): boolean {
  return isWord(i) && (flags(i) & A_TYPE_BEFORE) !== 0;
}
/**
 * Token t is a type word that makes the words up to token `last` a street: a cadastre type (A_WEAK_TYPE) only
 * before a person's name, with a house number at `num` (-1: none) that is no year.
 */
function typesStreet(t: number, last: number, num: number): boolean {
  if (!isTypeBefore(t)) return false;
  if (!(flags(t) & A_WEAK_TYPE)) return true;
  if (num >= 0 && yearLike(text, ts[num]!, te[num]!)) return false;
  // or before a French particle and a name ("Route du Cratat"; not "Route 66")
  if (t + 1 < last && FR_PARTICLES.has(key(t + 1))) return true;
  for (let k = t + 1; k <= last; k++) if (isWord(k) && bits(k) & (L_FIRST | L_LAST)) return true;
  return false;
}
/** Token t is the Welsh article "Y" or "Yr" in capitals, as inside a place's name ("Pant Y Rhedyn"). */
function welshArticle(t: number): boolean {
  if (!(tk[t]! & K_CAP)) return false;
  const len = te[t]! - ts[t]!;
  return text.charCodeAt(ts[t]!) === 89 && (len === 1 || (len === 2 && text.charCodeAt(ts[t]! + 1) === 114));
}
const WELSH_JOINED_RE = /^\p{L}{2,}-yr?-\p{L}{2,}$/u;
/** Compounds with a street's ending that name a seat or a space, not a street: "Sitzplatz 12A", "Stellplatz 4". */
const NOT_STREETS = new Set([
  "sitzplatz",
  "parkplatz",
  "stellplatz",
  "arbeitsplatz",
  "liegeplatz",
  "zeltplatz",
  "stehplatz",
]);
function isCompound(i: number): boolean {
  if (!isWord(i)) return false;
  const f = flags(i);
  if (f & A_COMPOUND_KNOWN) return (f & A_COMPOUND) !== 0;
  const r =
    (sameLen && !(tk[i]! & K_MARKS)
      ? compoundEnding(lower, ts[i]!, te[i]!) && !common(i) && !NOT_STREETS.has(lower.slice(ts[i]!, te[i]!))
      : compoundEnding(key(i), 0, key(i).length) && !common(i) && !NOT_STREETS.has(key(i))) ||
    // a Welsh name joined by its article: "Heol-Y-Bardd", "Llys-Y-Bryn"
    ((tk[i]! & K_JOINED) !== 0 && WELSH_JOINED_RE.test(key(i)));
  wordFlags[i] = f | A_COMPOUND_KNOWN | (r ? A_COMPOUND : 0);
  return r;
}
function isUnit(i: number): boolean {
  return isWord(i) && (flags(i) & A_UNIT) !== 0;
}
function particle(i: number): boolean {
  return (
    isWord(i) && (tk[i]! & K_LOWER) !== 0 && te[i]! - ts[i]! <= 5 && (flags(i) & A_STREET_PARTICLE) !== 0
  );
}
/** A street-name word: capitalised, or any uncommon word of an all-lower-case text. */
function capOk(t: number): boolean {
  if (!isWord(t)) return false;
  if (tk[t]! & (K_CAP | K_ALLCAP)) return true;
  // a French name after its elided article: "l'Église", "d'Alésia"
  if (tk[t]! & K_JOINED && elidedCapital(ts[t]!)) return true;
  if (allLower && (tk[t]! & K_LOWER) !== 0) return !common(t);
  // a script without capitals (see caselessScript; no word of them is in the common-word list)
  return (tk[t]! & K_NONASCII) !== 0 && caselessScript(text.charCodeAt(ts[t]!));
}

/** At `s`: "l'" or "d'" (either apostrophe), then a capital letter. */
function elidedCapital(s: number): boolean {
  const c = text.charCodeAt(s) | 32;
  const q = text.charCodeAt(s + 1);
  if ((c !== 108 && c !== 100) || (q !== 39 && q !== 0x2019) || s + 2 >= text.length) return false;
  const ch = text[s + 2]!;
  return ch !== ch.toLowerCase();
}

/**
 * `c` is a letter of a script that has no capitals: Hebrew, Arabic, Persian and Urdu; the scripts of India, Nepal,
 * Bangladesh and Sri Lanka; Thai and Lao; Georgian.
 */
function caselessScript(c: number): boolean {
  return (c >= 0x0590 && c <= 0x08ff) || (c >= 0x0900 && c <= 0x0eff) || (c >= 0x10d0 && c <= 0x10ff);
}

function emit(start: number, end: number, score: number): void {
  start = unitBefore(start);
  out.push({ start, end, type: "STREET_ADDRESS", score, level: 3, recognizer: ID });
  if (end > covered) covered = end;
}

/**
 * `start`, or the start of a dwelling's unit written before the street: "Flat 25, 108 Annabelle Forges", "Unit 7/5970
 * Russell Mount", "Apt 4B, 221 Keltrude Ave" (not before what an earlier address already covers).
 */
function unitBefore(start: number): number {
  if (start < 6 || start <= covered) return start;
  const c = text.charCodeAt(start - 1);
  if (c !== 32 && c !== 47) return start;
  const m = UNIT_BEFORE_RE.exec(text.slice(Math.max(0, start - 24), start));
  return m !== null && start - m[1]!.length >= Math.max(covered, 0) ? start - m[1]!.length : start;
}
const UNIT_BEFORE_RE =
  /(?:^|[\s,:;(])((?:flat|unit|apt\.?|apartment|suite|ste\.?|appartement|wohnung|whg\.?)[ \t]?\d{1,4}[a-z]?(?:,[ \t]|\/))$/i;

/**
 * A capitalised type word that goes before the name stands at most three lower-case words left of token t, with
 * only such words between: "Trg" in "Trg slobode", "Cesta" in "Cesta dveh cesarjev".
 */
function typeBeforeLeads(t: number): boolean {
  for (let k = t - 1; k >= 0 && t - k <= 3 && gapOk(k); k--) {
    if (isTypeBefore(k)) return (tk[k]! & K_CAP) !== 0 && !(flags(k) & A_WEAK_TYPE);
    if (!(tk[k]! & K_LOWER) || common(k)) return false;
  }
  return false;
}

/**
 * A capitalised word that is no function word stands one or two words left of token t, with only lower-case words
 * in no list of common words between.
 */
function capitalLeads(t: number): boolean {
  for (let k = t - 1; k >= 0 && t - k <= 2 && gapOk(k); k--) {
    if (tk[k]! & (K_CAP | K_ALLCAP)) return !(bits(k) & L_FUNCTION) || prefixKind(k) !== 0;
    if (!(tk[k]! & K_LOWER) || common(k)) return false;
  }
  return false;
}

/** The street around number token i: [start, end, score] or undefined. */
function streetAt(i: number): [number, number, number] | undefined {
  // ---- words after the number: NUM [words] [NUM] ----
  const a = i + 1;
  let b = i;
  while (b + 1 < n && b - i < 6 && isNameWord(b + 1) && gapOk(b)) b++;
  if (b > i) {
    let end = -1;
    // type word first: "3482 Via Franscini 71", "86036 Rua do Arenque 1634", "48334 36 rue de pologne"
    if (a < b && isTypeBefore(a)) {
      end = typeBeforeRunEnd(a + 1, b);
      if (end >= 0 && !typesStreet(a, end, end + 1 < n && isNum(end + 1) ? end + 1 : -1)) end = -1;
    }
    // NUM + name + type word: "74 Diakou Street", "3911 Fourth Avenue", "2224 Trenerys gate 232", "12 W 3rd St"
    for (let t = a + 1; t <= b && end < 0; t++) {
      if (isTypeAfter(t)) {
        const named =
          capOk(a) ||
          isOrdinal(a) ||
          (allLower && isStrongAfter(t) && !(bits(a) & L_FUNCTION)) ||
          // a unit and its number after the type word: "1318 hunter pass suite 925"
          (allLower && !(bits(a) & L_FUNCTION) && unitFollows(t)) ||
          // words that announce an address before a house number of two digits or more: "i live at 86 towne court"
          // (not "meet me at 3 food court")
          (allLower && !(bits(a) & L_FUNCTION) && te[i]! - ts[i]! >= 2 && contextBefore(ts[i]!));
        // (a date and a preposition are no street's name: "14 May at Lundströms Gata 518")
        const date = MONTHS_SHORT.has(key(a)) && lowerWords(a, t - 1) > 0;
        if (named && lowerWords(a, t - 1) <= 2 && !date) end = t;
        break;
      }
    }
    // a direction then the name, without a type word: "647 W Main", "136 E Broadway", "9 NW 3rd"
    if (
      end < 0 &&
      a < b &&
      isDirection(a) &&
      gapOk(a, 1) &&
      (isOrdinal(a + 1) ||
        // a capitalised name (a word in capitals after a letter is more often a code: "54 E DEUTDEFF")
        ((tk[a + 1]! & (K_CAP | K_ALLCAP)) === K_CAP &&
          !(bits(a + 1) & L_FUNCTION) &&
          te[a + 1]! - ts[a + 1]! >= 3))
    )
      end = a + 1;
    // a one-word street name: "28245 Puruntie 82", "5586 Þórunnarstræti 31"
    if (end < 0) {
      const e2 = nameRunEnd(a, b);
      for (let t = a; t <= e2; t++)
        if (isCompound(t)) {
          end = t;
          break;
        }
    }
    // a Welsh name with its article: "114 Cil Y Graig", "968 Pant Y Rhedyn"
    if (end < 0 && a + 2 <= b && capOk(a) && !(bits(a) & L_FUNCTION))
      for (let t = a + 1; t < b && t <= a + 2; t++)
        if (welshArticle(t) && capOk(t + 1) && !common(t + 1)) {
          end = t + 1;
          break;
        }
    if (end >= 0) {
      // a direction after the street: "Main Street W"
      if (end + 1 < n && isDirection(end + 1) && gapOk(end, 1)) end++;
      let e = te[end]!;
      // the house number after the name
      if (end + 1 < n && isNum(end + 1) && gapOk(end)) e = te[end + 1]!;
      return [ts[i]!, e, 0.85];
    }
    const run = nameRunEnd(a, b);
    // a name and then a dwelling's unit with its number: "8 Hillside Apt. 169", "3 The Meadows Suite 708"
    const from = a < b && tokIsThe(a) ? a + 1 : a;
    let named = from;
    while (named < b && named - from < 3 && !isUnit(named + 1)) named++;
    if (named < b && capOk(from) && nameRunEnd(from, named) === named && unitDirectlyAfter(named))
      return [ts[i]!, te[named]!, 0.8];
    // a one-word street before a US city, state and ZIP: "5210 Broadway, North Ashlyfield, OH 25701"
    if (run >= a && run - a < 3 && US_TAIL_RE.test(text.slice(te[run]!, te[run]! + 64)))
      return [ts[i]!, te[run]!, 0.85];
    // the same typed in lower case: "5106 w main, judystead, mo 21285"
    if (allLower && b - a < 3) {
      const m = US_TAIL_LOWER_RE.exec(text.slice(te[b]!, te[b]! + 64));
      if (m && isUsStateCode(m[1]!)) return [ts[i]!, te[b]!, 0.85];
    }
    if (
      b + 1 < n &&
      isNum(b + 1) &&
      gapOk(b) &&
      b - a < 3 &&
      run === b &&
      !allCommon(a, b) &&
      // a date: "18 Dec 2024"
      !(a === b && MONTHS_SHORT.has(key(a))) &&
      // one letter between two numbers is a size or a grid's cell, no street: "a 4 x 8 sheet", "row 3 b 12"
      !(a === b && te[a]! - ts[a]! === 1) &&
      // nor is an item between the numbers of a list run on one line: "1. Intro 2. Agenda", "1. X 2. Y"
      !(enumerator(i) && enumerator(b + 1))
    ) {
      // NUM name NUM: "20789 Allika 46", "10252 Μεγάλη Άμμος 184"
      let score = yearLike(text, ts[i]!, te[i]!) ? 0.45 : 0.75;
      if (unitFollows(b + 1) || contextBefore(ts[i]!)) score = 0.85;
      return [ts[i]!, te[b + 1]!, score];
    }
    if (
      run >= a &&
      run - a < 3 &&
      !allCommon(a, run) &&
      te[a]! - ts[a]! >= 3 &&
      !text.slice(ts[a]!, te[a]!).includes("'") &&
      i > 0 &&
      isNum(i - 1) &&
      gapOk(i - 1, 1) &&
      !(i > 1 && isNum(i - 2) && gapOk(i - 2, 1)) &&
      !yearLike(text, ts[i - 1]!, te[i - 1]!)
    ) {
      // NUM NUM name: a building number and a street number ("9816 214 Pavlou Drandaki")
      return [ts[i]!, te[run]!, 0.7];
    }
  }
  // ---- words before the number: [words] NUM ("Via Franscini 71", "Koskikatu 25") ----
  // a word for "number" between the street and its number ("Jl. Sihotang no 3", "Calle Mayor nº 5"): the street
  // ends before it (h: the token the street's words end before)
  const h = i > 1 && isWord(i - 1) && flags(i - 1) & A_NUMBER_SIGN && gapOk(i - 1) ? i - 1 : i;
  // Spanish and Italian addresses put a comma before the number ("Plaza Jordi, 53"): then a type word must lead, or
  // one of EITHER_SIDE_TYPES end the name ("Каштановая пл., 992")
  const comma = h > 0 && isWord(h - 1) && commaGap(te[h - 1]! + abbrevDot(h - 1), ts[h]!);
  let c = h;
  // once a one-word street name is reached, only its prefix, an initial, an abbreviation or a German place
  // adjective may come before it: "Anouk op Jespergracht 38" is a person and a street, "C. Beerninckstraat 88",
  // "Gl. Kongevej 13" and "Brucker Bundesstrasse 3" are one street
  let head = false;
  // every word taken so far is in lower case (see capitalLeads below)
  let lowerTail = true;
  while (c - 1 >= 0 && h - c < 5 && isWord(c - 1) && (gapOk(c - 1) || (c === h && comma))) {
    const t = c - 1;
    if (
      head &&
      !(
        prefixLength(t, h) > 0 ||
        (t > 0 && prefixLength(t - 1, h) === 2) ||
        (capOk(t) && (te[t]! - ts[t]! === 1 || (te[t]! - ts[t]! <= 3 && codeAt(te[t]!) === 46))) ||
        placeAdjective(t)
      )
    )
      break;
    const ok =
      capOk(t) ||
      // a Roman numeral with its dot, as Hungarian names streets: "XII. országút 252"
      romanOrdinal(t) ||
      // the article of a two-word prefix: "Auf dem Weierberg 27"
      (t > 0 && prefixLength(t - 1, h) === 2) ||
      isTypeBefore(t) ||
      isTypeAfter(t) ||
      isCompound(t) ||
      particle(t) ||
      // a lower-case word before a type word: "Árpád fejedelem útja 3."
      (tk[t]! & K_LOWER && c < h && isTypeAfter(c) && !common(t)) ||
      // or after one that goes first: "Trg slobode 699", "Cesta dveh cesarjev 46c"
      (tk[t]! & K_LOWER && !common(t) && typeBeforeLeads(t)) ||
      // or after a capitalised word, as Slavic names of places are written ("Zlaté piesky 94", "Na vŕšku 7"; with
      // no type word the words before must announce an address: see the score below)
      (lowerTail && tk[t]! & K_LOWER && !common(t) && capitalLeads(t));
    if (!ok) break;
    c--;
    if (!(tk[c]! & K_LOWER)) lowerTail = false;
    if (isCompound(c)) head = true;
    // (in lower-case text any word in no list passes capOk: a type word that leads ends the walk, "переехал на
    // улица ленина, 5")
    // (not one of two type words after a name: "oltinsoy prospekti daxasi, 392")
    if (allLower && c < h - 1 && isTypeBefore(c) && !isTypeAfter(c + 1) && !isTypeBefore(c + 1)) break;
  }
  // not from a particle, a function word or a sentence-initial common word ("The", "Address"), but from a street
  // name's leading preposition or direction ("Am Buttermarkt 20b", "Auf der Ohmer 3", "Övre Bäckgatan 8")
  let pre = 0;
  while (c < h) {
    pre = prefixLength(c, h);
    if (
      pre > 0 ||
      isTypeBefore(c) ||
      placeAdjective(c) ||
      romanOrdinal(c) ||
      !(
        particle(c) ||
        bits(c) & L_FUNCTION ||
        (common(c) && !isTypeAfter(c) && !isCompound(c) && sentenceStart(c))
      )
    )
      break;
    c++;
  }
  // a parcel's word and its preposition announce the street and are no part of it ("Päckchen an Kieler Str. 26")
  while (c < h - 1 && PARCEL_WORDS.has(key(c))) {
    c++;
    if (c < h - 1 && PARCEL_TO.has(key(c))) c++;
  }
  // a French type word's adjective: "Petite rue Joy 4", "Grande rue 12"
  if (c < h && c > 0 && isTypeBefore(c) && gapOk(c - 1) && FR_TYPE_ADJECTIVES.has(key(c - 1))) c--;
  if (comma && !(c + 1 < h && (isTypeBefore(c) || flags(h - 1) & A_EITHER_TYPE)))
    return bareUnit(i) ?? announcedNumberFirst(i);
  if (c < h) {
    let typed = false;
    // (a year after a name and a weaker type word is a date's or a version's: "API Key 2024", "Lake Union 2024")
    const year = yearLike(text, ts[i]!, te[i]!);
    // a one-letter type word that goes after the name needs one before it ("Király u. 15"; "U Know 5" is none)
    for (let t = c; t < h; t++)
      if (
        (isTypeAfter(t) && (t > c || te[t]! - ts[t]! > 1) && !(year && !isStrongAfter(t))) ||
        // a type word right before the number only where it begins the street ("Calle 72"; not "Llegamos al 5"), or
        // where one of EITHER_SIDE_TYPES ends a name ("Гражданская аллея 429"; not "на майдан 5")
        (typesStreet(t, h - 1, i) && (t < h - 1 || (flags(t) & A_EITHER_TYPE ? t > c : t === c))) ||
        isCompound(t)
      )
        typed = true;
    // a two-word German preposition or a Nordic or Czech direction is as good as a type word; "Am" and "Im" (also
    // "Am Montag 3") need a house number with a letter
    // (after a one-letter Czech preposition, a name that is not all common words: "V Javorech 9", not "K Pop 5")
    if (
      pre > 0 &&
      (strongPrefix(c) || (prefixKind(c) === P_SHORT && shortPrefixNumber(i))) &&
      !(te[c]! - ts[c]! === 1 && allCommon(c + pre, h - 1))
    )
      typed = true;
    const ctx = contextBefore(ts[c]!) || atNearHouse(c, i);
    // (a postcode and a town after the number stand for a unit: "Pakračka 90, 10000 Zagreb")
    const unit = unitFollows(i) || postcodeTownAfter(te[i]!);
    let score = 0;
    if (typed && (!allCommon(c, h - 1) || typeLedField(c, h))) score = 0.8;
    // (a city alone before a number is no street: "drive to Paris 2 days")
    else if ((ctx || unit) && !allCommon(c, h - 1) && !(c === h - 1 && bits(c) & (L_PLACE | L_CITY)))
      score = 0.7;
    if (score > 0) {
      let start = ts[c]!;
      // a title joined to the street's name: "Dr.-Oberreiter-Straße 3", "St.-Anna-Weg 2"
      if (
        c > 0 &&
        te[c - 1] === start - 2 &&
        text.charCodeAt(start - 2) === 46 &&
        text.charCodeAt(start - 1) === 45 &&
        te[c - 1]! - ts[c - 1]! <= 4 &&
        tk[c - 1]! & K_CAP
      )
        start = ts[c - 1]!;
      // a building number before the name ("28245 Puruntie 82")
      if (c - 1 >= 0 && isNum(c - 1) && gapOk(c - 1)) start = ts[c - 1]!;
      return [start, te[i]!, score];
    }
  }
  return bareUnit(i) ?? announcedNumberFirst(i);
}

/**
 * The last reading of a number: a house number and a name with no type word where the words before announce an
 * address, up to the clause's end ("Parcel left with neighbour X at 5 Rhosfryn", "send the lease to X, 9 Trem
 * Eryri, Caerffilli"; not "meet at 3 Food Court", common words).
 */
function announcedNumberFirst(i: number): [number, number, number] | undefined {
  const a = i + 1;
  if (a >= n || !gapOk(i) || te[i]! - ts[i]! > 5 || yearLike(text, ts[i]!, te[i]!)) return undefined;
  let b = i;
  while (b + 1 < n && b - i < 3 && isNameWord(b + 1) && gapOk(b)) b++;
  const run = nameRunEnd(a, b);
  if (run < a || allCommon(a, run) || MONTHS_SHORT.has(key(a)) || !clauseEndsAt(te[run]!)) return undefined;
  return contextBefore(ts[i]!) ? [ts[i]!, te[run]!, 0.75] : undefined;
}

/**
 * Words that begin a street's name before its proper name: German prepositions ("Am", "Im", "An der"), Nordic
 * directions ("Övre", "Vestre"), Czech prepositions ("Pod", "Na"), Dutch particles ("van den"). The value says how
 * much the word tells: P_SHORT and P_ARTICLE (German; P_ARTICLE needs der/dem/den/die/das after it), P_STRONG (as
 * good as a type word), P_WEAK (a particle: kept in the address, no evidence of one).
 */
const P_SHORT = 1;
const P_ARTICLE = 2;
const P_STRONG = 3;
const P_WEAK = 4;
const STREET_PREFIXES = new Map<string, number>([
  ...["am", "im", "zum", "zur", "beim"].map((w) => [w, P_SHORT] as const),
  ...["an", "auf", "in", "unter", "hinter", "vor", "über", "zu"].map((w) => [w, P_ARTICLE] as const),
  ...[
    "övre",
    "undre",
    "nedre",
    "södra",
    "norra",
    "västra",
    "östra",
    "øvre",
    "søndre",
    "nordre",
    "vestre",
    "østre",
    "gamle",
    "pod",
    "nad",
    "mezi",
    "na",
    "ke",
    "za",
    "ve",
    "před",
    "v",
    "k",
    "u",
  ].map((w) => [w, P_STRONG] as const),
  ...["van", "de", "den", "ter", "ten"].map((w) => [w, P_WEAK] as const),
]);
const GERMAN_ARTICLES = new Set(["der", "dem", "den", "die", "das"]);
const DUTCH_ARTICLES = new Set(["de", "den", "der"]);

/** The kind of street prefix at token c (see STREET_PREFIXES; 0: none). */
function prefixKind(c: number): number {
  if (!isWord(c) || te[c]! - ts[c]! > 6) return 0;
  const kind = STREET_PREFIXES.get(key(c)) ?? 0;
  // German and Czech prepositions are capitalised in a street's name, unless the whole text is in lower case (not
  // the one-letter ones: "u" is also chat for "you")
  if (kind === P_SHORT || kind === P_ARTICLE || kind === P_STRONG) {
    if (!(tk[c]! & K_CAP) && !(allLower && te[c]! - ts[c]! > 1)) return 0;
  }
  return kind;
}

/** Number of tokens of a street prefix at c (before number token i, with a name word between them), or 0. */
function prefixLength(c: number, i: number): number {
  const kind = prefixKind(c);
  if (kind === 0) return 0;
  let len = 1;
  if (kind === P_ARTICLE || kind === P_WEAK) {
    const next = c + 1 < i && tk[c + 1]! & K_LOWER ? key(c + 1) : "";
    if (kind === P_ARTICLE && !GERMAN_ARTICLES.has(next)) return 0;
    if (kind === P_ARTICLE || DUTCH_ARTICLES.has(next)) len = 2;
  }
  if (c + len >= i) return 0;
  if (capOk(c + len)) return len;
  // a Czech or Slovak name in lower case after its capitalised preposition: "Na vŕšku 7", "Pod lipami 7", "U smaltovny"
  const w = c + len;
  return kind === P_STRONG && tk[c]! & K_CAP && tk[w]! & K_LOWER && !common(w) && te[w]! - ts[w]! >= 3
    ? len
    : 0;
}

/** The prefix at c alone makes a street: a German preposition with its article, a direction, a Czech preposition. */
function strongPrefix(c: number): boolean {
  const kind = prefixKind(c);
  return kind === P_ARTICLE || kind === P_STRONG;
}

/** Token t is the article "the" (any case). */
function tokIsThe(t: number): boolean {
  return te[t]! - ts[t]! === 3 && key(t) === "the";
}

/** Units that name a home or an office and little else ("Room 4" and "Floor 3" are said of anything). */
const DWELLING_UNITS = new Set(["apt", "apartment", "suite", "ste", "unit", "flat"]);

/**
 * A dwelling's unit designator and its number right after token t, on the same line: "Hillside Apt. 169" (the
 * name may then be a common word).
 */
function unitDirectlyAfter(t: number): boolean {
  const u = t + 1;
  if (u >= n || !isUnit(u) || !DWELLING_UNITS.has(key(u)) || !gapOk(t, 1) || !isNum(u + 1)) return false;
  const between = text.slice(te[u]!, ts[u + 1]!);
  return /^\.?[ \t]{0,2}#?[ \t]?$/.test(between) && between.length > 0;
}

/**
 * Token t is a capitalised German adjective made from a place's name ("Brucker", "Frankfurter") or one of
 * STREET_ADJECTIVES ("Alte").
 */
function placeAdjective(t: number): boolean {
  const s = ts[t]!;
  const e = te[t]!;
  if ((tk[t]! & (K_CAP | K_ALLCAP)) !== K_CAP) return false;
  return (
    (e - s >= 5 && text.charCodeAt(e - 2) === 101 && text.charCodeAt(e - 1) === 114) ||
    (text.charCodeAt(e - 1) === 101 && STREET_ADJECTIVES.has(key(t)))
  );
}
/** German adjectives that begin street names in their -e form ("Alte Landstr. 7", "Große Kirchstraße 3"). */
const STREET_ADJECTIVES = new Set([
  "alte",
  "neue",
  "große",
  "grosse",
  "kleine",
  "lange",
  "kurze",
  "hohe",
  "breite",
  "schmale",
  "obere",
  "untere",
  "mittlere",
  "hintere",
  "vordere",
  "innere",
  "äußere",
  "äussere",
  "krumme",
  "stille",
  "weiße",
  "rote",
  "grüne",
  "schwarze",
]);

/**
 * After "Am"/"Im", number token i reads as a house number: with a letter ("Am Buttermarkt 20b"), a floor after it
 * ("Im Oberdorf 418 3 OG"), or a town after a comma ("Am Weiher 269, Bad Jilland"); "Am Montag 3" has none.
 */
function shortPrefixNumber(i: number): boolean {
  if (letterSuffix(i) || euAfterNumber(te[i]!) > 0) return true;
  return i + 1 < n && commaGap(te[i]!, ts[i + 1]!) && capOk(i + 1);
}

/** House number token i ends with a letter ("20b"). */
function letterSuffix(i: number): boolean {
  return isAsciiLetter(text.charCodeAt(te[i]! - 1));
}

/** text[a..b) is a comma and one or two spaces. */
/** 1 when token t is an abbreviated type of EITHER_SIDE_TYPES followed by its dot ("пл.", "ул."), else 0. */
function abbrevDot(t: number): number {
  return text.charCodeAt(te[t]!) === 46 && te[t]! - ts[t]! <= 4 && flags(t) & A_EITHER_TYPE ? 1 : 0;
}

function commaGap(a: number, b: number): boolean {
  if (b - a < 2 || b - a > 3 || text.charCodeAt(a) !== 44) return false;
  for (let k = a + 1; k < b; k++) if (text.charCodeAt(k) !== 32) return false;
  return true;
}

/** "s/n" at token i after a type word and a name ("Plaza Mayor s/n"): [start, end] of the street, or undefined. */
function sinNumero(i: number): [number, number] | undefined {
  const s = ts[i]!;
  if (te[i]! - s !== 1 || (text.charCodeAt(s) | 32) !== 115 || text.charCodeAt(s + 1) !== 47)
    return undefined;
  if ((text.charCodeAt(s + 2) | 32) !== 110 || /[\p{L}\p{N}]/u.test(text.charAt(s + 3))) return undefined;
  let c = i;
  while (c - 1 >= 0 && i - c < 5 && isWord(c - 1) && (gapOk(c - 1) || (c === i && commaGap(te[c - 1]!, s)))) {
    const t = c - 1;
    if (!(capOk(t) || particle(t) || isTypeBefore(t))) break;
    c--;
  }
  while (c + 1 < i && !isTypeBefore(c)) c++;
  // with its dot: what follows is read as after a house number ("s/n. 1º Izda.", "s/n., Almería")
  const end = text.charCodeAt(s + 3) === 46 ? s + 4 : s + 3;
  return c + 1 < i && isTypeBefore(c) ? [ts[c]!, end] : undefined;
}

/** text ends with "s/n." at e. */
function sinNumeroEnds(e: number): boolean {
  return (
    e >= 4 &&
    text.charCodeAt(e - 3) === 47 &&
    (text.charCodeAt(e - 2) | 32) === 110 &&
    (text.charCodeAt(e - 4) | 32) === 115
  );
}

/** A bare unit before number token i: "Apt. 460", "Suite 501". */
function bareUnit(i: number): [number, number, number] | undefined {
  if (i >= 1 && isUnit(i - 1) && gapOk(i - 1)) {
    const u = key(i - 1);
    if (u === "apt" || u === "apartment" || u === "suite" || u === "ste" || u === "apto")
      return [ts[i - 1]!, te[i]!, 0.65];
  }
  return undefined;
}

function lineStart(pos: number): boolean {
  let k = pos - 1;
  for (; k >= 0; k--) {
    const c = text.charCodeAt(k);
    // space, tab, > | ? * • -
    if (c !== 32 && c !== 9 && c !== 62 && c !== 124 && c !== 63 && c !== 42 && c !== 0x2022 && c !== 45)
      break;
  }
  return k < 0 || text.charCodeAt(k) === 10 || text.charCodeAt(k) === 13 || text.charCodeAt(k) === 58;
}
function sentenceStart(t: number): boolean {
  let k = ts[t]! - 1;
  while (k >= 0 && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k--;
  if (k < 0) return true;
  const ch = text.charCodeAt(k);
  return ch === 46 || ch === 33 || ch === 63 || ch === 10 || ch === 58 || ch === 62;
}
function lowerWords(a: number, b: number): number {
  let k = 0;
  for (let t = a; t <= b; t++) if (tk[t]! & K_LOWER && !particle(t)) k++;
  return k;
}
/** Last token of a run of name words from `a` (particles such as "do", "de", "van" may join them). */
function nameRunEnd(a: number, b: number): number {
  if (a > b || !capOk(a)) return -1;
  let last = a;
  for (let t = a + 1; t <= b; t++) {
    if (capOk(t)) last = t;
    else if (particle(t)) continue;
    else break;
  }
  return last;
}
/** After a leading type word: up to four words, to a house number or a common lower-case word. */
function typeBeforeRunEnd(a: number, b: number): number {
  const lim = Math.min(b, a + 5);
  // all words up to a house number ("rue du centre 320")
  if (lim + 1 < n && isNum(lim + 1) && lim === b) {
    let ok = false;
    for (let t = a; t <= lim; t++) if (!particle(t)) ok = true;
    if (ok) return lim;
  }
  let last = -1;
  for (let t = a; t <= Math.min(lim, a + 3); t++) {
    if (capOk(t) || (tk[t]! & K_LOWER && !common(t) && !particle(t))) last = t;
    else if (particle(t)) continue;
    else break;
  }
  return last;
}
function allCommon(a: number, b: number): boolean {
  for (let t = a; t <= b; t++) if (!(bits(t) & (L_COMMON | L_CALENDAR)) && !(flags(t) & A_UNIT)) return false;
  return true;
}
/** The text ends at `pos`, or a comma, full stop, semicolon, line break or bracket follows (after blanks). */
function clauseEndsAt(pos: number): boolean {
  let k = pos;
  while (k < text.length && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k++;
  if (k >= text.length) return true;
  const c = text.charCodeAt(k);
  // (a full stop ends the clause before a blank or the end, not an abbreviation's: "0912 P.O. Box 287")
  if (c === 46) {
    const d = codeAt(k + 1);
    return d === -1 || d === 32 || d === 9 || d === 10 || d === 13;
  }
  return c === 44 || c === 59 || c === 10 || c === 13 || c === 40 || c === 33 || c === 63;
}
/**
 * "at" or "near" stands right before the words of token c, and the number (token i) is a house number that ends the
 * clause, or is followed by a time or a day: "lunch on Thursday at Kursulina 44", "found your cat near Bože Jankovića
 * 172", "the barbecue is at Rapska 87 from 2pm" (streets named without a type word, as much of Central and Southeast
 * Europe writes them); not "at Wimbledon 2024", "at Siemens 3 days a week".
 */
function atNearHouse(c: number, i: number): boolean {
  const pos = ts[c]!;
  if (pos < 3 || text.charCodeAt(pos - 1) !== 32) return false;
  const before = lower.slice(Math.max(0, pos - 6), pos - 1);
  if (!/(?:^|[^\p{L}])(?:at|near)$/u.test(before)) return false;
  const len = te[i]! - ts[i]!;
  if (len > 5 || yearLike(text, ts[i]!, te[i]!)) return false;
  const e = te[i]!;
  return clauseEndsAt(e) || AFTER_HOUSE_RE.test(lower.slice(e, e + 12));
}
/** Words after a house number that end the address, not a count: " from 2pm", " tomorrow", " on Friday". */
const AFTER_HOUSE_RE =
  /^ (?:from|tomorrow|today|tonight|on (?:mon|tue|wed|thu|fri|sat|sun)|at \d|next|this)\b/;
function contextBefore(pos: number): boolean {
  return (
    CONTEXT_RE.test(lower.slice(Math.max(0, pos - 48), pos)) ||
    // a CSV row's field after a phone number's: "Hrvoj Pajčić,+385459678,Zagrebačka 26, Mursko Središce"
    (text.charCodeAt(pos - 1) === 44 && PHONE_FIELD_BEFORE_RE.test(text.slice(Math.max(0, pos - 28), pos))) ||
    (text.charCodeAt(pos - 2) === 44 &&
      (SENT_TO_RE.test(lower.slice(Math.max(0, pos - 72), pos)) || personFieldBefore(pos - 2)))
  );
}

/**
 * The comma at `comma` ends a form's field that names a person, opened by its label at the line's start: "Guarantor:
 * X, Pakračka 90", "Tenant: X, 61090 The Fairway", "Bürge: X, Auf dem End 1" (the label's word, or its first one
 * before lower-case words that qualify it, is one of PERSON_LABELS).
 */
function personFieldBefore(comma: number): boolean {
  const line = text.lastIndexOf("\n", comma - 1) + 1;
  if (comma - line > 96) return false;
  const m = PERSON_FIELD_RE.exec(lower.slice(line, comma));
  if (m === null || !(PERSON_LABELS.has(m[1]!) || PERSON_LABELS.has(m[2]!))) return false;
  // (a place inside the site is no street: "Gast: X, Kamer 412", "Guest: X, Room 5")
  let a = comma + 1;
  while (a < lower.length && lower.charCodeAt(a) === 32) a++;
  let b = a;
  while (b < lower.length && lower.charCodeAt(b) > 32 && lower.charCodeAt(b) !== 44) b++;
  return IN_HOUSE.getRange(lower, a, b) === 0;
}
/** A line's start up to a comma: a label (one word, or one and up to three lower-case words), a colon, a value. */
const PERSON_FIELD_RE =
  /^[ \t]*([\p{L}-]{2,24})(?: [\p{L}'’-]+){0,3}?(?: ([\p{L}-]{2,24}))?[ \t]*:[ \t]*[^,:\n]{1,48}$/u;
/**
 * Tokens c..h-1 are a capitalised type word that opens a line or a field, then capitalised words: "Via Fedora 903",
 * "Erede: X, Via Sabato 39" (words that are common elsewhere name the street after its type word; "sent via Email 3
 * times" is none).
 */
function typeLedField(c: number, h: number): boolean {
  if (c + 1 >= h || !isTypeBefore(c) || !(tk[c]! & K_CAP)) return false;
  for (let t = c + 1; t < h; t++) if (!(tk[t]! & K_CAP)) return false;
  let k = ts[c]!;
  while (k > 0 && text.charCodeAt(k - 1) === 32) k--;
  return (
    k === 0 || text.charCodeAt(k - 1) === 10 || text.charCodeAt(k - 1) === 44 || text.charCodeAt(k - 1) === 58
  );
}

/** Token t is a list's number: one or two digits and a dot ("1.", "12."). */
function enumerator(t: number): boolean {
  return te[t]! - ts[t]! <= 2 && text.charCodeAt(te[t]!) === 46 && /^\d+$/.test(text.slice(ts[t]!, te[t]!));
}

/**
 * A comma, a postcode and a town's capitalised name follow offset e: "…, 10000 Zagreb", "…, 110 00 Praha", "…,
 * 1200-195 Lisboa", "…, D-10115 Berlin" (a year before a capitalised word is no postcode: "…, 2024 Edition").
 */
function postcodeTownAfter(e: number): boolean {
  if (text.charCodeAt(e) !== 44) return false;
  const m = POSTCODE_TOWN_RE.exec(text.slice(e, e + 32));
  if (m === null) return false;
  if (!yearLike(m[1]!, 0, m[1]!.length)) return true;
  // (a postcode that reads as a year, before a town the lexicon knows: "Torvet 7, 2000 Frederiksberg")
  const t = tokenAt(toks, e + m[0].length - 2);
  return t >= 0 && (bits(t) & L_CITY) !== 0;
}
const POSTCODE_TOWN_RE = /^,[ \t]*(?:[A-Z]{1,2}-)?(\d{3,5}(?:[ -]\d{2,3})?)[ \t]+\p{Lu}\p{Ll}/u;

/** A unit designator after token i (same line, or the start of the next line), then a number. */
function unitFollows(i: number): boolean {
  let j = i + 1;
  // skip up to three words of a trailing street part ("176 Pinto Hill\n Suite 487")
  let words = 0;
  while (j < n && words < 3 && isWord(j) && !isUnit(j)) {
    j++;
    words++;
  }
  if (j >= n || !isUnit(j)) return false;
  const between = text.slice(te[j - 1]!, ts[j]!);
  if (!/^[\s,.>?]*$/.test(between) || (between.match(/\n/g)?.length ?? 0) > 1) return false;
  return isNum(j + 1);
}

/** Grow an address over units, ", City, Region Country Postcode" and following address lines. */
function extend(end: number): number {
  let e = end;
  for (let guard = 0; guard < 12; guard++) {
    const next = grow(e);
    if (next <= e) break;
    e = next;
  }
  return e;
}
function grow(e: number): number {
  // a dot followed by a capital letter ends the sentence and the address (also right after a door's letter: "4
  // Oppgang B. Cheers")
  if (
    text.charCodeAt(e) === 46 &&
    /^\.[ \t]+\p{Lu}/u.test(text.slice(e, e + 5)) &&
    !/^\.[ \t]+(?:apt|suite|ste|unit|flat|floor)\b/i.test(text.slice(e, e + 9))
  )
    return e;
  // ("s/n." is no sentence's end: "s/n. Ático A")
  if (text.charCodeAt(e - 1) === 46 && /^[ \t]+\p{Lu}/u.test(text.slice(e, e + 4)) && !sinNumeroEnds(e)) {
    if (!/^[ \t]+(?:Apt|Suite|Ste|Unit|Flat|Floor)\b/.test(text.slice(e, e + 8))) return e;
  }
  // unit designator + number, on the same line: " Apt. 864", " Suite 697", ". Suite 638", " #5"
  if (unitMayFollow(e)) {
    // (a sign of "number" may stand between: "stanovanje št. 663", "Apt no. 4")
    const m =
      /^[ \t,.]{1,3}(?:#\s?\d{1,5}\b|(\p{L}{2,11})\.?\s?(?:#|(?:št|nr|no)\.?)?\s?(\d{1,5}[A-Za-z]?)\b)/u.exec(
        text.slice(e, e + 30),
      );
    if (m && (!m[1] || UNITS.has(m[1].toLowerCase()))) return e + m[0].length;
  }
  // a flat or room written number first in Hebrew and Arabic ("'א69 4 דירה", "2904 درب 390 عمارة"), an Uzbek
  // flat or house joined to its number (", 916-xonadon", ", 804-uy")
  if (
    digitAfterSpace(e) &&
    (digitBefore(e) || hebrewLetter(codeAt(e - 1)) || (isAsciiLetter(codeAt(e - 1)) && digitBefore(e - 1)))
  ) {
    const m = FLAT_AFTER_RE.exec(text.slice(e, e + 24));
    if (m) return e + m[0].length;
  }
  // what follows a house number in continental Europe: a floor, a door, a staircase, a flat
  const eu = euAfterNumber(e);
  if (eu > 0) return e + eu;
  // rest of the line: place words, codes, postcodes, comma-separated parts
  const lineEnd = indexOfLineEnd(text, e);
  const rest = text.slice(e, lineEnd);
  const restEnd = acceptInline(rest, true);
  if (restEnd > 0) return e + restEnd;
  if (lineEnd >= text.length) return e;
  for (let k = e; k < lineEnd; k++) {
    const c = text.charCodeAt(k);
    if (c !== 44 && c !== 46 && !isSpace(c)) return e;
  }
  // the following lines of a letter-style block
  const more = acceptLines(lineEnd);
  return more > 0 ? lineEnd + more : e;
}
/**
 * Floors, doors, staircases and flats after a house number: "7 OG", "3 hoog achter", "9 étage", ", Piano 9",
 * "m. 394", "4º B", "Ático A", ", 9. tv", "2/5", "39-Ed.", "723 I", "7 A 2". Each is a form of one country's
 * address; the single letters and Roman numerals count only where the address ends after them.
 */
// "Stock" only as written (an English word); "og" (Norwegian "and") only after a floor's number, never alone
const EU_FLOOR_RE =
  /^[ \t]{0,2},?[ \t]{1,2}\d{1,2}\.?[ \t]?(?:OG|og|Stock|[Ee]tage|[Éé]tage|e étage|ème étage|[Hh]oog|[Pp]iso|[Aa]ndar|[Kk]erros|em\.?(?=[ \t,]|$)|emelet|e[ \t]verdieping|de[ \t]verdieping|طبقه|ος)(?![\p{L}\p{N}])(?:[ \t]+(?:achter|voor|links|rechts|boven|beneden|\d{1,3}\.?[ \t]?ajtó(?![\p{L}\p{N}])))?/u;
// the Danish floor and side after a dotted number: "4. th", "2. sal" ("4 th" without the dot is English)
const EU_DANISH_RE =
  /^[ \t]{0,2},?[ \t]{1,2}\d{1,2}\.[ \t]?(?:sal|tv|th|mf)(?:\.(?=[ \t,]|$))?(?![\p{L}\p{N}])/u;
/** An Austrian staircase and door: ", Stiege 2/Top 5", ", Top 12", ", Stg. 1, Tür 4". */
const EU_AUSTRIAN_RE =
  /^[ \t]{0,2},?[ \t]{1,2}(?:(?:stiege|stg\.?)[ \t]?\d{1,2}(?:[ \t]?[/,][ \t]?(?:top|tür)[ \t]?\d{1,3})?|(?:top|tür)[ \t]?\d{1,3})(?![\p{L}\p{N}])/iu;
const EU_FLAT_RE = /^[ \t]{0,2},?[ \t]{1,2}m\.[ \t]?\d{1,4}[A-Za-z]?(?![\p{L}\p{N}])/u;
const EU_DOOR_RE =
  /^[ \t]{0,2},?[ \t]{1,2}(?:\d{1,2}[ \t]?[º°ª](?:[ \t]?(?:izq(?:da|uierda)?|izda|dcha|der(?:echa)?|[A-Za-z])\.?(?![\p{L}\p{N}]))?|(?:ático|atico|bajo|oppgang|inngang|trappa|escalera|esc|portal|bloque|bloco|stiege|stg)\.?[ \t]?[A-Za-z](?![\p{L}\p{N}])|(?:bât|bat|bâtiment|batiment|bloc)(?:\.[ \t]?|[ \t])[A-Za-z](?![\p{L}\p{N}-])|bajos?(?:[ \t]?(?:izq(?:da|uierda)?|izda|dcha|der(?:echa)?)\.?)?(?![\p{L}\p{N}]))/iu;
const EU_ATTACHED_RE = /^(?:\/\d{1,4}[A-Za-z]?|-(?:\d{1,3}[A-Za-z]{0,4}|[A-Za-z]{1,5})\.?)(?![\p{L}\p{N}])/u;
/** "12 bis", "7 ter": a French house number's suffix. */
const EU_BIS_RE = /^[ \t]{1,2}(?:bis|ter|quater)(?![\p{L}\p{N}])/u;
const EU_FLOOR_WORD_RE =
  /^[ \t]{1,2}(?:[Éé]tage|[Ee]tage|OG|Stock|[Hh]oog|[Pp]iso|[Aa]ndar|[Kk]erros)(?![\p{L}\p{N}])/u;
const FLAT_AFTER_RE =
  /^(?:[ \t]{1,2}\d{1,4}[ \t]{1,2}(?:דירה|חדר|קומה|عمارة|طابق|شقة|بناية|بيت)|,?[ \t]{1,2}\d{1,4}-(?:uy|xonadon))(?![\p{L}\p{N}])/u;
/** Latvian flat after the house number, spaced: "Mūrnieku gatve 429 - 394" (then the line's or sentence's end). */
const LV_FLAT_RE = /^[ \t]-[ \t]\d{1,4}(?=[ \t]*(?:$|[;\n]|,(?!\d)|\.(?:[ \t]|$)))/u;
const EU_LAST_RE =
  /^[ \t]{1,2}(?:[A-Ha-h][ \t]\d{1,3}(?![\p{L}\p{N}])|(?:I{1,3}|IV|i{1,3}|iv|[A-Ha-h])(?=[ \t]*(?:$|[,.!?)\n]|\d{1,2}[ \t]?hoog))|[B-H](?=[ \t]+\p{Ll}))/u;

/** Length of a European floor, door or flat part at `e`, right after a house number (0 when none). */
function euAfterNumber(e: number): number {
  if (e <= 0) return 0;
  const before = text.charCodeAt(e - 1);
  const afterNumber = (before >= 48 && before <= 57) || (isAsciiLetter(before) && digitBefore(e - 1));
  const c = codeAt(e);
  if (c === 47 || c === 45) {
    if (!afterNumber) return 0;
    const m = EU_ATTACHED_RE.exec(text.slice(e, e + 12));
    return m ? m[0].length : 0;
  }
  if (c !== 32 && c !== 9 && c !== 44) return 0;
  const rest = text.slice(e, e + 32);
  const m =
    EU_FLOOR_RE.exec(rest) ??
    EU_DANISH_RE.exec(rest) ??
    EU_FLAT_RE.exec(rest) ??
    EU_DOOR_RE.exec(rest) ??
    EU_AUSTRIAN_RE.exec(rest) ??
    (afterNumber
      ? (EU_FLOOR_WORD_RE.exec(rest) ??
        EU_BIS_RE.exec(rest) ??
        EU_LAST_RE.exec(rest) ??
        LV_FLAT_RE.exec(rest))
      : null);
  return m ? m[0].length : 0;
}
/** At `e`: an optional comma, one or two spaces or tabs, then an ASCII digit (what FLAT_AFTER_RE begins with). */
function digitAfterSpace(e: number): boolean {
  let k = e;
  if (codeAt(k) === 44) k++;
  if (codeAt(k) !== 32 && codeAt(k) !== 9) return false;
  k++;
  if (codeAt(k) === 32 || codeAt(k) === 9) k++;
  return isAsciiDigit(codeAt(k));
}
function digitBefore(k: number): boolean {
  const c = k > 0 ? text.charCodeAt(k - 1) : -1;
  return c >= 48 && c <= 57;
}

/** The first letters of the UNITS: the ASCII ones a bit each, the others (é, к, с) with their capitals in a set. */
let UNIT_INITIALS = 0;
const UNIT_INITIALS_OTHER = new Set<number>();
for (const u of UNITS) {
  const l = u.charCodeAt(0) - 97;
  if (l >= 0 && l < 26) UNIT_INITIALS |= 1 << l;
  else if (u.charCodeAt(0) >= 128)
    for (const f of [u[0]!, u[0]!.toUpperCase()]) UNIT_INITIALS_OTHER.add(f.charCodeAt(0));
}

/**
 * Whether the unit pattern of `grow` can match at `e`: one to three of [ \t,.], then "#" or the first letter of
 * a unit designator (the regex's word is the whole run of letters, so its first letter is the unit's).
 */
function unitMayFollow(e: number): boolean {
  let k = e;
  for (; k < e + 3; k++) {
    const c = codeAt(k);
    if (c !== 32 && c !== 9 && c !== 44 && c !== 46) break;
  }
  if (k === e) return false;
  const c = codeAt(k);
  return c === 35 || unitInitial(c);
}

/** `c` is the first letter of a unit designator (either case). */
function unitInitial(c: number): boolean {
  if (c >= 128) return UNIT_INITIALS_OTHER.has(c);
  const l = (c | 32) - 97;
  return l >= 0 && l < 26 && ((UNIT_INITIALS >> l) & 1) === 1;
}

/** A character that ends a word without being part of it in `acceptInline`: . ? ! ; : ) */
function trailingMark(c: number): boolean {
  return c === 46 || c === 63 || c === 33 || c === 59 || c === 58 || c === 41;
}

/** Length of the accepted continuation of `rest` (0 when none). */
function acceptInline(rest: string, sameLine: boolean): number {
  const len = rest.length;
  let accepted = 0;
  let words = 0;
  // words of a town that may follow: two after a postcode's part
  let townWords = 0;
  let k = 0;
  while (words < 8) {
    // the next part, as /[ \t]*(,)?[ \t]*([^,\s]+)/y would read it
    while (k < len && (rest.charCodeAt(k) === 32 || rest.charCodeAt(k) === 9)) k++;
    const comma = k < len && rest.charCodeAt(k) === 44;
    if (comma) {
      k++;
      while (k < len && (rest.charCodeAt(k) === 32 || rest.charCodeAt(k) === 9)) k++;
    }
    const s = k;
    while (k < len && !partGap(rest.charCodeAt(k))) k++;
    if (k === s) break;
    let we = k;
    while (we > s && trailingMark(rest.charCodeAt(we - 1))) we--;
    const w = rest.slice(s, we);
    // a sentence's end after the word (a closing parenthesis alone is none)
    let stop = false;
    for (let q = we; q < k; q++) if (rest.charCodeAt(q) !== 41) stop = true;
    const place = placeToken(w, sameLine && words === 0 && !comma, !sameLine);
    // the town's words right after its postcode, though a list reads them as words ("010 52 Nové Hrady", "Le Mans")
    const town =
      !place &&
      townWords > 0 &&
      !comma &&
      TOWN_WORD_RE.test(w) &&
      englishWordOrNone(lex.get(w.toLowerCase()));
    if (
      !place &&
      !town &&
      // a US state code in a lower-case text, then a ZIP: "springfield, or 97403"
      !(allLower && isUsStateCode(w) && US_ZIP_NEXT_RE.test(rest.slice(k)))
    )
      break;
    townWords =
      POSTCODE_PART_RE.test(w) || UK_CA_PART_RE.test(w) || EIRCODE_PART_RE.test(w)
        ? 2
        : town
          ? townWords - 1
          : 0;
    // a lower-case street word after the number is prose ("lives on Rua Mina 50 street.")
    if (sameLine && !allLower && STRONG_AFTER_SET.has(w) && w.length >= 4 && w === w.toLowerCase()) break;
    words++;
    // a trailing particle is no part of the address ("Spain 16200, and ...")
    if (PLACE_PARTICLES.has(w) && w !== "nan" && w === w.toLowerCase()) continue;
    // keep a closing parenthesis or an abbreviation dot, not a sentence's full stop
    accepted = k - (stop && !/^[A-Z]{1,3}$|^(?:St|Rd|Ave|Dr)$/.test(w) ? k - we : 0);
    if (stop) break;
  }
  return accepted;
}

/** A character skipped before an address line: `[\s>|?*•-]`. */
function lineLead(c: number): boolean {
  return c === 62 || c === 124 || c === 63 || c === 42 || c === 0x2022 || c === 45 || isSpace(c);
}

/** Accepted length of the address lines that follow the newline at `from`. */
function acceptLines(from: number): number {
  let pos = from;
  let accepted = 0;
  let blank = 0;
  for (let lines = 0; lines < 6 && pos < text.length; lines++) {
    const nl = text.charCodeAt(pos) === 13 && text.charCodeAt(pos + 1) === 10 ? 2 : 1;
    const ls = pos + nl;
    const le = indexOfLineEnd(text, ls);
    // the line without its leading marks and spaces, and without its trailing spaces
    let bs = ls;
    while (bs < le && lineLead(text.charCodeAt(bs))) bs++;
    if (bs === le) {
      if (++blank > 1) break;
      pos = le;
      continue;
    }
    blank = 0;
    let be = le;
    while (isSpace(text.charCodeAt(be - 1))) be--;
    const body = text.slice(bs, be);
    // a form's next field opens the line ("Drop-off: …", "Passenger: X"): the block ended with the line before
    if (FIELD_LINE_RE.test(body)) break;
    if (addressLine(body)) {
      accepted = be - from;
      pos = le;
      continue;
    }
    // the last line may run on into a sentence: "Cyprus 36903? I am in ..."
    const part = acceptInline(body, false);
    if (part > 0) accepted = bs + part - from;
    break;
  }
  return accepted;
}
/** A line that opens with a field's label: a word or two, a colon, a blank ("Drop-off: ", "Passenger: "). */
const FIELD_LINE_RE = /^\p{L}[\p{L}-]{1,19}(?: \p{L}[\p{L}-]{0,19})?:[ \t]/u;
const UNIT_LINE_RE = /^(\p{L}{2,9})\.?\s?#?\s?\d{1,5}[A-Za-z]?$/u;

/** Where the parts of the line `addressLine` reads start and end (it reads at most 8). */
const PART_START = new Int32Array(8);
const PART_END = new Int32Array(8);

/** `t`, a line without leading or trailing spaces, is an address line. */
function addressLine(t: string): boolean {
  const len = t.length;
  // a unit line: "Suite 501", "Apt. 123" (it ends in a digit, or a digit and a letter)
  const last = t.charCodeAt(len - 1);
  if (
    (isAsciiDigit(last) || (len >= 2 && isAsciiLetter(last) && isAsciiDigit(t.charCodeAt(len - 2)))) &&
    unitInitial(t.charCodeAt(0))
  ) {
    const u = UNIT_LINE_RE.exec(t);
    if (u && UNITS.has(u[1]!.toLowerCase())) return true;
  }
  if (len > 60) return false;
  // one pass: no : @ / = http www. (a link, a label); at most 9 digits and no /\d[\d\s().-]{6,}\d/ (a phone
  // number is no address line); the parts between spaces and commas
  let digits = 0;
  let paren = false;
  let phone = false;
  let first = -1; // first digit of the current run of [\d\s().-]
  let parts = 0;
  let inPart = false;
  for (let k = 0; k < len; k++) {
    const c = t.charCodeAt(k);
    const space = c <= 32 ? c === 32 || (c >= 9 && c <= 13) : c >= 0xa0 && isSpace(c);
    if (space || c === 44) {
      if (inPart) {
        if (parts <= 8) PART_END[parts - 1] = k;
        inPart = false;
      }
    } else if (!inPart) {
      if (parts < 8) PART_START[parts] = k;
      parts++;
      inPart = true;
    }
    if (c >= 48 && c <= 57) {
      digits++;
      if (first < 0) first = k;
      else if (k - first >= 7) phone = true;
      continue;
    }
    if (!(space || c === 40 || c === 41 || c === 46 || c === 45)) first = -1;
    if (c === 58 || c === 64 || c === 47 || c === 61) return false;
    if (c === 40) paren = true;
    else if ((c | 32) === 104) {
      if (
        k + 3 < len &&
        (t.charCodeAt(k + 1) | 32) === 116 &&
        (t.charCodeAt(k + 2) | 32) === 116 &&
        (t.charCodeAt(k + 3) | 32) === 112
      )
        return false;
    } else if ((c | 32) === 119) {
      if (
        k + 3 < len &&
        (t.charCodeAt(k + 1) | 32) === 119 &&
        (t.charCodeAt(k + 2) | 32) === 119 &&
        t.charCodeAt(k + 3) === 46
      )
        return false;
    }
  }
  if (inPart && parts <= 8) PART_END[parts - 1] = len;
  if (digits > 9) return false;
  if (phone && !isPostcodeText(t.replace(/^[^\d]*/, ""))) return false;
  // "(...)" is left out of the parts: read them again from the line without it
  const body = paren ? t.replace(/\([^)]*\)/g, " ") : t;
  if (paren) parts = partsOf(body);
  // one to seven place words
  if (parts === 0 || parts > 7) return false;
  for (let q = 0; q < parts; q++) {
    const s = PART_START[q]!;
    const k = PART_END[q]!;
    // without its dot: "St." "N.Y."
    const e = body.charCodeAt(k - 1) === 46 ? k - 1 : k;
    if (!placeToken(s === 0 && e === body.length ? body : body.slice(s, e), false, true)) return false;
  }
  return true;
}

/** Number of the parts of `body` between spaces and commas; the first 8 are noted in PART_START/PART_END. */
function partsOf(body: string): number {
  const n = body.length;
  let parts = 0;
  for (let k = 0; k < n;) {
    while (k < n && partGap(body.charCodeAt(k))) k++;
    if (k === n) break;
    const s = k;
    while (k < n && !partGap(body.charCodeAt(k))) k++;
    if (parts < 8) {
      PART_START[parts] = s;
      PART_END[parts] = k;
    }
    parts++;
  }
  return parts;
}

/** A separator of an address line's parts: `[\s,]`. */
function partGap(c: number): boolean {
  return c <= 44 ? c === 44 || c === 32 || (c >= 9 && c <= 13) : c >= 0xa0 && isSpace(c);
}

function isAsciiDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** A word of a city, region or country part, a region code, or a postcode. */
function placeToken(w: string, firstOnLine: boolean, lineMode: boolean): boolean {
  let word = w;
  if (word.charCodeAt(0) === 40) word = word.slice(1); // (
  if (word.charCodeAt(word.length - 1) === 41) word = word.slice(0, -1); // )
  if (word === "") return false;
  const c0 = word.charCodeAt(0);
  const digit0 = c0 >= 48 && c0 <= 57;
  if (digit0 && POSTCODE_PART_RE.test(word)) return true; // postcode or its part
  if ((digit0 || (c0 >= 65 && c0 <= 90)) && UK_CA_PART_RE.test(word)) return true; // UK/CA parts
  // an Eircode's second part ("D02 X285", "K83 M39R"); and the codes as lower-case chat types them ("ml73 04v")
  if ((digit0 || (c0 >= 65 && c0 <= 90)) && EIRCODE_PART_RE.test(word)) return true;
  if (allLower && (digit0 || (c0 >= 97 && c0 <= 122)) && word.length <= 4 && !ORDINAL_OR_TIME_RE.test(word)) {
    const up = word.toUpperCase();
    if (UK_CA_PART_RE.test(up) || EIRCODE_PART_RE.test(up)) return true;
  }
  if (digit0 || !PLACE_WORD_RE.test(word)) return false;
  const lw = word.toLowerCase();
  if (PLACE_PARTICLES.has(lw) && !firstOnLine && lw === word) return true;
  if (word.length < 2) return (lineMode || !firstOnLine) && /^\p{Lu}$/u.test(word); // "København V"
  // a town written in a script without capitals ("…, الكويت", "…, سنندج", "…, ციხელაშვილი")
  if (caselessScript(c0)) return true;
  const b = lex.get(lw);
  // a greeting ends the block, a state code in capitals does not ("Honolulu, HI 96813")
  if (LINE_STOP.has(lw) && !(word.length === 2 && word !== lw && word === word.toUpperCase())) return false;
  if (b & L_PLACE || TYPE_AFTER.has(lw) || ((word[0] !== lw[0] || allLower) && placeWord(lw))) return true;
  if (PLACE_PARTICLES.has(lw)) return !firstOnLine;
  if (ITALIAN_TOWN_TAILS.has(lw) || (lw.startsWith("nell'") && ITALIAN_TOWN_TAILS.has(lw.slice(5))))
    return !firstOnLine;
  if (word === word.toUpperCase() && word !== lw) return true; // OULU, LAPPEENRANTA, NSW
  if (word[0] !== lw[0]) return !(b & L_FUNCTION) || lw.length > 4; // capitalised
  // lower case: only in an all-lower-case text, and not a common word
  if (firstOnLine && !allLower) return false;
  return allLower && !(b & (L_COMMON | L_CALENDAR));
}

/** "Marina Fort Street", "Tarsicio Isle Street": capitalised words before Street/Avenue/Road. */
function namedStreets(): void {
  for (let t = 1; t < n; t++) {
    if (!(tk[t]! & K_CAP) || te[t]! - ts[t]! < 4 || ts[t]! < covered) continue;
    const c = text.charCodeAt(ts[t]!);
    // Street, Avenue, Road, Boulevard, Lane, Straße/Strasse
    if (c !== 83 && c !== 65 && c !== 82 && c !== 66 && c !== 76) continue;
    if (!(flags(t) & A_STREET_WORD)) continue;
    let s = t;
    while (
      s - 1 >= 0 &&
      t - s < 3 &&
      tk[s - 1]! & K_CAP &&
      isWord(s - 1) &&
      gapOk(s - 1, 1) &&
      !(bits(s - 1) & L_FUNCTION)
    )
      s--;
    if (s === t || allCommon(s, t - 1) || (sentenceStart(s) && t - s < 2)) continue;
    emit(ts[s]!, te[t]!, 0.6);
  }
}

/** text.charCodeAt(k), or -1 past the end (reading past the end makes V8 fall back to a slow call). */
function codeAt(k: number): number {
  return k < text.length ? text.charCodeAt(k) : -1;
}

/** Index of the token starting at `pos` (binary search), or -1. */
function tokenAt(toks: Tokens, pos: number): number {
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

/** End of the line that holds `from` (at most 240 characters on: address lines are short). */
function indexOfLineEnd(text: string, from: number): number {
  const lim = Math.min(text.length, from + 240);
  let e = from;
  while (e < lim && text.charCodeAt(e) !== 10) e++;
  return e > from && text.charCodeAt(e - 1) === 13 ? e - 1 : e;
}

function yearLike(text: string, s: number, e: number): boolean {
  if (e - s !== 4) return false;
  const y = Number(text.slice(s, e));
  return y >= 1900 && y <= 2099;
}

const MILITARY_RE =
  /(?:\b(?:PSC|CMR|Unit) \d{1,5},? Box \d{1,5}|\b(?:USNS|USNV|USS|USCGC) \p{L}[\p{L}\p{M}'-]+(?: \p{Lu}[\p{L}\p{M}'-]+)?)[ \t]*(?:\r?\n|,)?[ \t]*\b[ADF]PO (?:AA|AE|AP) \d{5}\b/iuy;
/** The start of a military address within the 48 characters before a number (checked on lower case). */
const MILITARY_HINT_RE = /\b(?:psc|cmr|unit|usns|usnv|uss|uscgc) /g;
/** A P.O. box label right before a number (checked on lower case). */
const POBOX_RE =
  /\b(?:p\.? ?o\.? ?box|post(?:al)? office box|postbox|po box|postfach|apartado(?: de correos)?|caixa postal|bo[iî]te postale|postboks|postbus)\s?#?\s?$/;

/** x h o s l e: the last letters of the P.O. box labels. */
function poBoxLabelEnd(c: number): boolean {
  return c === 120 || c === 104 || c === 111 || c === 115 || c === 108 || c === 101;
}

/** Whether a POBOX_RE label can end `before`: after it only `\s?#?\s?`. */
function poBoxEndPossible(str: string, from: number, end: number): boolean {
  const k = end - 1;
  if (k < from) return false;
  if (poBoxLabelEnd(str.charCodeAt(k))) return true;
  // strip each optional part in turn: \s? #? \s?
  let p = k;
  if (isSpace(str.charCodeAt(p))) {
    p--;
    if (p >= from && poBoxLabelEnd(str.charCodeAt(p))) return true;
  }
  if (p >= from && str.charCodeAt(p) === 35) {
    p--;
    if (p >= from && poBoxLabelEnd(str.charCodeAt(p))) return true;
  }
  if (p >= from && p < k && isSpace(str.charCodeAt(p))) {
    p--;
    if (p >= from && poBoxLabelEnd(str.charCodeAt(p))) return true;
  }
  return false;
}

/**
 * A P.O. box or a US military address whose number starts at `numPos`: [start, end, military] or
 * undefined.
 */
function specialAddress(text: string, lower: string, numPos: number): [number, number, boolean] | undefined {
  const from = Math.max(0, numPos - 48);
  const plain = lower.length === text.length;
  // a military address ends in "APO AE 09123" (any case): without "po a" in the text there is none;
  // without a P.O. box label's last letter right before the number there is no box either
  if (militaryPossible < 0) militaryPossible = lower.includes("po a") ? 1 : 0;
  if (militaryPossible === 0 && plain && !poBoxEndPossible(lower, from, numPos)) return undefined;
  const before = plain ? lower.slice(from, numPos) : text.slice(from, numPos).toLowerCase();
  // military: PSC / CMR / Unit / USNS ... then APO/FPO/DPO and a ZIP code
  // (a superset of what MILITARY_HINT_RE needs)
  if (
    militaryPossible === 1 &&
    (before.includes("psc") ||
      before.includes("unit") ||
      before.includes("usn") ||
      before.includes("uss") ||
      before.includes("usc") ||
      before.includes("cmr"))
  ) {
    MILITARY_HINT_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = MILITARY_HINT_RE.exec(before)) !== null) {
      const s = from + m.index;
      MILITARY_RE.lastIndex = s;
      const mm = MILITARY_RE.exec(text);
      if (mm && s + mm[0].length > numPos) return [s, s + mm[0].length, true];
    }
  }
  // P.O. box: the label ends right before the number
  if (!poBoxEndPossible(before, 0, before.length)) return undefined;
  const pb = POBOX_RE.exec(before.length > 24 ? before.slice(-24) : before);
  if (pb) {
    let e = numPos;
    while (e < text.length && text.charCodeAt(e) >= 48 && text.charCodeAt(e) <= 57) e++;
    return [numPos - (Math.min(before.length, 24) - pb.index), e, false];
  }
  return undefined;
}

/**
 * "the corner of 11 Botley Road and Herceg Gateway": [start, end] or undefined. `mixed`: the text has capitals (or
 * lower-casing changed its length), found once by the caller: comparing the text with its lower-cased form here, for
 * every "corner of", cost the square of a long lower-case text's length.
 */
function corner(text: string, lower: string, at: number, mixed: boolean): [number, number] | undefined {
  const from = at + "corner of ".length;
  const lineEnd = indexOfLineEnd(text, from);
  const rel = lower.slice(from, from + 64).indexOf(" and ");
  const and = rel < 0 ? -1 : from + rel;
  if (and < 0 || and > lineEnd || and - from < 3) return undefined;
  // the second street: up to five words, until punctuation or a common lower-case word
  const re = /[\p{L}\p{M}\p{N}'’.-]+/uy;
  let pos = and + 5;
  let end = -1;
  const lex = lexicon();
  for (let w = 0; w < 5; w++) {
    while (text.charCodeAt(pos) === 32) pos++;
    re.lastIndex = pos;
    const m = re.exec(text);
    if (!m) break;
    let word = m[0];
    const trailingDot = word.endsWith(".") && w > 0;
    if (trailingDot) word = word.slice(0, -1);
    const lw = word.toLowerCase();
    const bits = lex.get(lw);
    const cap = word !== lw;
    const part = STREET_PARTICLES.has(lw);
    if (w > 0 && !cap && bits & L_COMMON && !TYPE_AFTER.has(lw) && !part) break;
    if (w === 0 && !cap && bits & L_COMMON && mixed && !part) return undefined;
    end = pos + word.length;
    pos = m.index + m[0].length;
    if (trailingDot || /^[,;!?)]/.test(text.slice(pos, pos + 1)) || text.charCodeAt(pos) !== 32) break;
  }
  if (end < 0) return undefined;
  const the = at >= 4 && lower.slice(at - 4, at) === "the " ? at - 4 : at;
  return [the, end];
}
