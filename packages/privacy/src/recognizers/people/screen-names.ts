/**
 * Names on screens: window titles (channel `title`) and the text OCR reads off a window (channel `ocr`). A screen
 * says who a person is by where it puts them, not by the sentences around them that the person recognizer reads:
 * the conversation's part of a chat or mail window's title ("Ilsa Prenn | Microsoft Teams"), the first column of a
 * chat row before its time ("Ilsa Prenn  10:42 AM"), a row of a participants or contacts list, a field beside its
 * label with a column's gap instead of a colon ("Assignee  Ilsa Prenn"), a contact card's first line over a job title
 * or a presence line ("Ilsa Prenn\nProduct Designer\nActive 5m ago").
 *
 * A candidate is one to four words, each capitalised (or of a script without case), none a common word, month,
 * place, organisation word or title in the lexicon unless it is also a given or family name: "Product Designer",
 * "Acme Corp", "Settings" and "Me" are none.
 */
import type { Detection, Recognizer } from "../../types.js";
import {
  L_CALENDAR,
  L_COMMON,
  L_FIRST,
  L_FUNCTION,
  L_FUNCTION_EN,
  L_LAST,
  L_ORG,
  L_BRAND,
  L_PARTICLE,
  L_PLACE,
  L_SUFFIX,
  L_TITLE,
  lexicon,
} from "./lexicon.js";

const ID = "person-screen";
const SCORE = 0.85;

/** Bits that make a word a word rather than a name, unless it is a given or family name too. */
const WORD_BITS =
  L_COMMON | L_PLACE | L_CALENDAR | L_ORG | L_BRAND | L_TITLE | L_FUNCTION | L_FUNCTION_EN | L_SUFFIX;
const NAME_BITS = L_FIRST | L_LAST;

/**
 * Words of app windows that no list of the lexicon holds as common words (mail folders, chat tabs, app names):
 * "Inbox (3) - Gmail" names no one.
 */
const SCREEN_WORDS = new Set(
  (
    "posteingang postausgang entwürfe gesendet papierkorb archiv einstellungen änderungen " +
    "general random inbox outbox drafts snoozed unread spam junk archived huddles apps untitled logout login signin signup " +
    "workspace workspaces docs wiki faq helpdesk admin analytics invoices timesheet timesheets roadmap kanban " +
    "standup onboarding offboarding localhost dashboard gmail outlook linkedin youtube facebook instagram whatsapp " +
    "skype reddit wikipedia github gitlab jira confluence figma notion trello asana loom dropbox onedrive " +
    "sharepoint webex zoom slack teams chromium firefox thunderbird salesforce hubspot zendesk workday greenhouse " +
    "okta grafana kibana datadog sentry vercel netlify heroku postman"
  ).split(" "),
);

const UPPER = /^\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const CASED = /[\p{Lu}\p{Ll}]/u;
/** A word: letters and marks, with inner apostrophes or hyphens ("O'Neil", "Hyatt-Kunde"). */
const WORD = /^[\p{L}\p{M}]+(?:['’‘ʻʼ-][\p{L}\p{M}]+)*$/u;
/** Georgian writes without case (its capitals are for headings): its letters count as a script without case. */
const GEORGIAN = /^[\u10d0-\u10ff]/;
const INITIAL = /^\p{Lu}\.?$/u;

/** The words of a name at most, and the code units of a candidate (longer runs are prose or headings). */
const MAX_WORDS = 4;
const MAX_NAME = 60;

/**
 * text[a..b) (trimmed) is a name: one to four words, each a capitalised word that is no common word, place, month,
 * title or organisation word unless it is also a given or family name, an initial, or a lower-case particle inside.
 * Words of a script without case count when no list holds them as a word. A word alone that is a name and a word
 * too ("Grace", "Georgia") is a name only when `sure`: where the screen shows a person.
 * @example nameAt("Call Ilsa Prenn", 5, 15) // true
 */
export function nameAt(text: string, a: number, b: number, sure = true): boolean {
  [a, b] = trimmed(text, a, b);
  if (b - a < 2 || b - a > MAX_NAME) return false;
  const words = text.slice(a, b).split(" ");
  if (words.length > MAX_WORDS + 2) return false;
  const lex = lexicon();
  let wordy = 0;
  let plain = 0;
  for (let k = 0; k < words.length; k++) {
    const w = words[k]!;
    if (w === "") return false; // two spaces: two columns, not one name
    if (INITIAL.test(w)) continue;
    const key = w.toLowerCase().normalize("NFC");
    if (!WORD.test(w)) return false;
    const caseless = GEORGIAN.test(w);
    if (!caseless && !UPPER.test(w)) {
      if (LOWER.test(w[0]!)) {
        // "van", "de", "bin" inside a name only
        if (k === 0 || k === words.length - 1 || !(lex.get(key) & L_PARTICLE)) return false;
        continue;
      }
      if (CASED.test(w)) return false;
    } else if (!caseless && w.length > 1 && w === w.toUpperCase() && !(lex.get(key) & NAME_BITS)) {
      return false; // "ACME", "HR": an acronym
    }
    if (SCREEN_WORDS.has(key)) return false;
    let bits = lex.get(key);
    if (bits === 0 && key.includes("-")) for (const part of key.split("-")) bits |= lex.get(part) & NAME_BITS;
    if (bits & WORD_BITS && !(bits & NAME_BITS)) return false;
    if (bits & WORD_BITS) wordy++;
    plain++;
  }
  // at least one word that is not an initial; "Will Grant" is two names that are words too, a name here, but a
  // word alone that is also a name is a name only where the screen puts a person (`sure`): "Grace (Host)", not
  // "Invoice for Grace"
  return plain > 0 && plain <= MAX_WORDS && !(plain === 1 && wordy === 1 && words.length === 1 && !sure);
}

// ---------------------------------------------------------------- window titles

/** What separates the parts of a window title. */
const TITLE_SEPARATORS = [" - ", " – ", " — ", " | ", " • ", " · "];

/** Browsers, whose name ends the title of a page. */
const BROWSERS = new Set([
  "chromium",
  "google chrome",
  "chrome",
  "mozilla firefox",
  "firefox",
  "microsoft edge",
  "edge",
  "safari",
  "brave",
  "opera",
  "vivaldi",
]);

/** Apps whose windows are about people: mail, chat, meetings, contacts, recruiting, HR, sales, support, social. */
const PEOPLE_APPS = new Set([
  "microsoft teams",
  "teams",
  "slack",
  "outlook",
  "microsoft outlook",
  "gmail",
  "mail",
  "apple mail",
  "thunderbird",
  "mozilla thunderbird",
  "evolution",
  "zoom",
  "zoom meeting",
  "zoom workplace",
  "google meet",
  "meet",
  "webex",
  "skype",
  "facetime",
  "google chat",
  "discord",
  "telegram",
  "whatsapp",
  "signal",
  "messenger",
  "facebook",
  "instagram",
  "linkedin",
  "x",
  "twitter",
  "element",
  "mattermost",
  "rocket.chat",
  "contacts",
  "salesforce",
  "hubspot",
  "pipedrive",
  "zendesk",
  "intercom",
  "freshdesk",
  "workday",
  "bamboohr",
  "personio",
  "greenhouse",
  "lever",
  "calendly",
]);

/** Apps whose titles name the workspace or server before the app: "general - Acme - Slack". */
const WORKSPACE_APPS = new Set(["slack", "discord", "mattermost"]);

/** Words that open a part of a title before the person it is about ("Chat with", "RE:", "Candidate:"). */
const TITLE_LEADS = [
  "chat with ",
  "chat: ",
  "message from ",
  "messages with ",
  "meeting with ",
  "call with ",
  "video call with ",
  "direct message with ",
  "dm with ",
  "conversation with ",
  "1:1 with ",
  "one-on-one with ",
  "invitation from ",
  "email from ",
  "mail from ",
  "reply to ",
  "re: ",
  "fw: ",
  "fwd: ",
  "aw: ",
  "wg: ",
  "tr: ",
  "candidate: ",
  "applicant: ",
  "contact: ",
  "lead: ",
  "employee: ",
  "profile: ",
  "from: ",
  "to: ",
  // "1:1 Ilsa Prenn / Ilse Marr - Notion": the people of a one-to-one's notes
  "1:1 ",
  "1-on-1 ",
  "1on1 ",
];

/** Words after which the rest of a title's part is the person it is for, with or about. */
const TITLE_CUES = new Set(["for", "with", "from", "by", "to", "of"]);

/** Endings of a document's file name, cut before a name that ends it ("Invoice for Ilsa Prenn.pdf"). */
const FILE_ENDING = /\.(?:pdf|docx?|xlsx?|pptx?|odt|ods|rtf|txt|md|csv|png|jpe?g|eml|msg|vcf|ics)$/i;
/** A bracketed note ending a part: "(DM)", "(External)", "(you)". */
const TRAILING_NOTE = / \([^()]{1,20}\)$/;

/** The parts of a title, with their offsets. */
function titleParts(text: string): Array<[number, number]> {
  const parts: Array<[number, number]> = [];
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) !== 32 || i + 2 >= text.length || text.charCodeAt(i + 2) !== 32) continue;
    const sep = text.slice(i, i + 3);
    if (!TITLE_SEPARATORS.includes(sep)) continue;
    parts.push([from, i]);
    from = i + 3;
    i += 2;
  }
  parts.push([from, text.length]);
  return parts;
}

/**
 * Words that name a document about one person: "Resume Ilsa Prenn.odt", "Offer Letter - Ilsa Prenn - Google Docs".
 */
const DOC_WORDS = new Set(
  (
    "resume résumé cv curriculum vitae offer letter contract agreement invoice payslip reference references " +
    "review appraisal evaluation feedback notes application cover onboarding timesheet passport visa certificate " +
    "statement record records interview scorecard assessment warning termination promotion salary bonus nda " +
    "dossier portfolio proposal receipt performance expense expenses report reimbursement claim " +
    // a course's work about one student ("Assignment 3 - Ilsa Prenn - Moodle", "Grades - Ilsa Prenn - Canvas")
    "assignment submission grade grades gradebook essay homework coursework thesis quiz " +
    // a claim's, a policy's or a case's file about its party ("Claim 55-10293 - Ilsa Prenn - Guidewire"), a
    // traveller's booking ("Booking QX7R2P - Ilsa Prenn - Lufthansa")
    "case policy booking reservation itinerary ticket " +
    // a class's register about one pupil ("Class 4B register - Ilsa Prenn - SchoolBase")
    "class register roster attendance"
  ).split(" "),
);

/**
 * Offset after the document words that open text[a..b) ("Offer Letter "), or -1 if it opens with none; a number
 * after one of them belongs to it ("Assignment 3").
 */
function afterDocWords(lower: string, a: number, b: number): number {
  let at = a;
  for (let i = a; i <= b; i++) {
    if (i < b && lower.charCodeAt(i) !== 32) continue;
    if (i === at || !(DOC_WORDS.has(lower.slice(at, i)) || (at > a && NUMBER_WORD.test(lower.slice(at, i)))))
      break;
    at = i + 1;
  }
  return at > a ? at : -1;
}

/**
 * A number, as a document's: "3", "#12", "2b", a file's reference: "55-10293", "clm-2024-0012", or a booking's code
 * of letters and digits: "qx7r2p".
 */
const NUMBER_WORD = /^#?(?:\d{1,4}[a-z]?|(?:[a-z]{1,4}-)?\d[\d/-]{1,15}|(?=[a-z]{0,7}\d)[a-z\d]{5,8})$/;

/** A journey to a place, as a booking's title names one: "Trip to Lisbon", "Reise nach Wien", "Voyage à Rome". */
const TRIP_PART =
  /^\s*(?:trip|flight|flights|journey|holiday|vacation|stay|getaway|reise|urlaub|flug|voyage|séjour|vol|viaje|vuelo|viaggio|volo|vacanza|reis|vakantie|vlucht)\s(?:to|in|nach|à|au|en|a|naar)\s/;
/** Part a..b of title `text` is a journey to a capitalised place: the place's capital after the words marks it. */
function tripPart(text: string, a: number, b: number): boolean {
  const head = text.slice(a, Math.min(b, a + 40));
  const m = TRIP_PART.exec(head.toLowerCase());
  if (m === null || m[0].length >= head.length) return false;
  const c = head[m[0].length]!;
  return c !== c.toLowerCase();
}

/** Names of a window title. */
function titleNames(text: string, lower: string, out: Detection[]): void {
  const parts = titleParts(text);
  const word = (p: number) => lower.slice(parts[p]![0], parts[p]![1]).trim();
  let last = parts.length - 1;
  if (last > 0 && BROWSERS.has(word(last))) last--;
  // the app's part: last ("… - Outlook"), or first with the workspace last ("Slack | Ilsa Prenn | Acme")
  let from = 0;
  let to = last;
  let people = false;
  if (last > 0 && PEOPLE_APPS.has(word(last))) {
    people = true;
    // "X (DM) - Acme - Slack": the workspace stands before the app
    to = last > 1 && WORKSPACE_APPS.has(word(last)) ? last - 2 : last - 1;
  } else if (last > 1 && PEOPLE_APPS.has(word(0))) {
    people = true;
    from = 1;
    to = last - 1;
  }
  // a part that only names a document about a person ("Offer Letter"): the parts beside it may be the person
  const docPart = (p: number) =>
    p >= 0 &&
    p <= last &&
    (afterDocWords(lower, parts[p]![0], parts[p]![1]) >= parts[p]![1] ||
      tripPart(text, parts[p]![0], parts[p]![1]));
  for (let p = 0; p <= last; p++) {
    let [a, b] = parts[p]!;
    // the app's parts, a workspace or an unknown app's name are read only for an owner or a cue below
    const plain = p >= from && p <= to;
    // the opening words of the part, as many as there are ("Chat with", "RE: FW:")
    for (let again = true; again;) {
      again = false;
      for (const lead of TITLE_LEADS)
        if (lower.startsWith(lead, a) && b - a > lead.length) {
          a += lead.length;
          again = true;
          break;
        }
    }
    const led = a !== parts[p]![0];
    // a journey's part names a place ("Trip to Lisbon - X - Booking.com"), and it is about the person beside it
    if (tripPart(text, a, b)) continue;
    const m = FILE_ENDING.exec(text.slice(a, b));
    if (m) b -= m[0].length;
    if (m && fileNameNames(text, lower, a, b, out)) continue;
    const note = TRAILING_NOTE.exec(text.slice(a, b));
    if (note) b -= note[0].length;
    // "Ilsa Prenn's 1:1 notes", "Ilsa Prenn's Personal Meeting Room": the owner of what the part names
    const poss = possessiveEnd(text, a, b);
    if (poss > 0 && nameAt(text, a, poss)) {
      push(out, text, a, poss);
      continue;
    }
    if (plain && (people || led) && namesIn(text, a, b, out)) continue;
    // "Resume Ilsa Prenn.odt"; "Offer Letter - Ilsa Prenn - Google Docs"
    const doc = afterDocWords(lower, a, b);
    if (doc > 0 && doc < b && nameAt(text, doc, b, false)) {
      push(out, text, doc, b);
      continue;
    }
    if (plain && (docPart(p - 1) || docPart(p + 1)) && nameAt(text, a, b, false)) {
      push(out, text, a, b);
      continue;
    }
    // "Invoice for Ilsa Prenn", "Notes from Ilsa Prenn": the words after the part's last cue
    const cue = lastCue(lower, a, b);
    if (cue > 0) namesIn(text, cue, b, out, false);
  }
}

/**
 * Names in a file name whose words are joined by underscores ("Timesheet_Ilsa_Prenn_March.xlsx",
 * "Ilsa_Prenn_Resume.pdf"): the pieces that are names right after a document's word, or else right before it, up to
 * a piece that is no name; none when an organisation's word follows them ("Invoice_Acme_Corp.pdf").
 */
function fileNameNames(text: string, lower: string, a: number, b: number, out: Detection[]): boolean {
  // (searched within the part only: a search to the text's end for each part of a long title would be quadratic)
  if (!text.slice(a, b).includes("_")) return false;
  const pieces: Array<[number, number]> = [];
  for (let i = a, from = a; i <= b; i++) {
    if (i < b && text.charCodeAt(i) !== 95) continue;
    if (i > from) pieces.push([from, i]);
    from = i + 1;
  }
  const doc = (k: number) => afterDocWords(lower, pieces[k]![0], pieces[k]![1]) >= pieces[k]![1];
  const name = (k: number) => nameAt(text, pieces[k]![0], pieces[k]![1], false);
  const org = (k: number) =>
    k >= 0 && k < pieces.length && (lexicon().get(lower.slice(pieces[k]![0], pieces[k]![1])) & L_ORG) !== 0;
  for (let k = 0; k < pieces.length; k++) {
    if (!doc(k)) continue;
    let e = k + 1;
    while (e < pieces.length && e - k <= MAX_WORDS && name(e)) e++;
    if (e > k + 1 && !org(e)) {
      push(out, text, pieces[k + 1]![0], pieces[e - 1]![1]);
      return true;
    }
    let s = k - 1;
    while (s >= 0 && k - s <= MAX_WORDS && name(s)) s--;
    if (s < k - 1 && !org(s)) {
      push(out, text, pieces[s + 1]![0], pieces[k - 1]![1]);
      return true;
    }
  }
  return false;
}

/** Offset of the "'s" that ends the first words of text[a..b), or -1. */
function possessiveEnd(text: string, a: number, b: number): number {
  for (let i = a + 1; i + 2 < b && i - a <= MAX_NAME; i++) {
    const c = text.charCodeAt(i);
    if ((c === 39 || c === 0x2019) && text.charCodeAt(i + 1) === 115 && text.charCodeAt(i + 2) === 32)
      return i;
  }
  return -1;
}

/** Offset after the last cue word of text[a..b) that has words after it, or -1. */
function lastCue(lower: string, a: number, b: number): number {
  for (let i = b - 2; i > a; i--) {
    if (lower.charCodeAt(i) !== 32) continue;
    let j = i - 1;
    while (j >= a && lower.charCodeAt(j) !== 32) j--;
    if (TITLE_CUES.has(lower.slice(j + 1, i))) return i + 1;
  }
  return -1;
}

/**
 * text[a..b) is a name, or a list of them ("Ilsa Prenn and Ilse Marr", "A, B & C", "A; B" as mail lists recipients,
 * "A / B" as a one-to-one's title pairs them): push each; false if not.
 */
function namesIn(text: string, a: number, b: number, out: Detection[], sure = true): boolean {
  if (nameAt(text, a, b, sure)) {
    push(out, text, a, b);
    return true;
  }
  const pieces: Array<[number, number]> = [];
  let from = a;
  for (let i = a; i < b; i++) {
    let len = 0;
    if (text.startsWith(" and ", i)) len = 5;
    else if (text.startsWith(" & ", i) || text.startsWith(" / ", i)) len = 3;
    else if (text.startsWith(", ", i) || text.startsWith("; ", i)) len = 2;
    if (len === 0) continue;
    pieces.push([from, i]);
    from = i + len;
    i += len - 1;
  }
  pieces.push([from, b]);
  if (pieces.length < 2 || !pieces.every(([s, e]) => nameAt(text, s, e, sure))) return false;
  for (const [s, e] of pieces) push(out, text, s, e);
  return true;
}

/** text[a..b) without the spaces and tabs at either end, as [a, b]. */
function trimmed(text: string, a: number, b: number): [number, number] {
  const blank = (c: number) => c === 32 || c === 9;
  while (a < b && blank(text.charCodeAt(a))) a++;
  while (b > a && blank(text.charCodeAt(b - 1))) b--;
  return [a, b];
}

/** A PERSON for text[a..b), without the spaces at either end (as nameAt reads it). */
function push(out: Detection[], text: string, a: number, b: number): void {
  [a, b] = trimmed(text, a, b);
  out.push({ start: a, end: b, type: "PERSON", score: SCORE, level: 3, recognizer: ID });
}

// ---------------------------------------------------------------- OCR'd windows

/** A time or day that ends a row of a chat or a list: "10:42 AM", "9.14", "Yesterday", "5m", "2 h ago", "Tue". */
/** Days a row's time may follow: English, and yesterday, today and the weekdays of German, French, Spanish, Italian. */
const DAY =
  "(?:yesterday|today|mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs?|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|" +
  "gestern|heute|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|hier|aujourd'hui|lun|mar|mer|jeu|ven|" +
  "sam|dim|ayer|hoy|mié|jue|vie|sáb|dom|ieri|oggi|gisteren|vandaag|ontem|hoje)\\.?,?";
const ROW_TIME = new RegExp(
  `(?:^|\\s)(?:(?:${DAY}(?:\\s{1,3}at)?\\s{1,3})?\\d{1,2}[:.]\\d{2}(?:\\s?[ap]\\.?m\\.?)?|${DAY}|now|just now|` +
    `\\d{1,2}\\s?(?:s|m|min|mins|h|hr|hrs|d|w)(?:\\s{1,3}ago)?)$`,
  "i",
);
/** What an app says a person did, after their name at a line's start: "Ilsa Prenn joined the meeting". */
const ACTIVITY = new RegExp(
  " (?:" +
    [
      "is typing|is calling|is speaking|is sharing|is now|has joined|has left|joined|left|commented|replied|reacted",
      "mentioned you|shared|liked|invited you|sent you|sent a|accepted|declined|added|removed|changed|updated",
      "edited|created|uploaded|assigned|completed|requested|called|started|followed you|wants to|was added",
      "cannot|can't|can not|is unable to|is out of office|is away|is on leave|reported|needs access",
      // German, French, Spanish, Italian, Dutch, Portuguese
      "schreibt|tippt|hat das meeting verlassen|hat die besprechung verlassen|ist beigetreten|hat kommentiert",
      "hat geantwortet|hat reagiert|hat geteilt|hat angerufen|est en train d'écrire|écrit|a quitté|a rejoint",
      "a commenté|a répondu|a partagé|a réagi|a aimé|est en train d’écrire|está escribiendo|escribe|salió|se unió",
      "comentó|respondió|compartió|reaccionó|ha salido|se ha unido|sta scrivendo|ha lasciato|si è unito",
      "si è unita|ha commentato|ha risposto|is aan het typen|typt|heeft de vergadering verlaten|is toegetreden",
      "está digitando|está a escrever|saiu|entrou|comentou|respondeu",
    ].join("|") +
    ")(?=[\\s.,!…]|$)",
);
/** Words of an app's chrome before a person, at a line's start: "Message Ilsa Prenn", "Signed in as Ilsa Prenn". */
const LINE_LEADS = [
  "message ",
  "reply to ",
  "signed in as ",
  "logged in as ",
  "seen by ",
  "shared with ",
  "sent by ",
  "created by ",
  "owned by ",
  "edited by ",
  "modified by ",
  "last edited by ",
  "last modified by ",
  "last updated by ",
  "updated by ",
  "changed by ",
  "invited by ",
  "added by ",
  "calling ",
  "chat with ",
  "written by ",
  "posted by ",
  "pinned by ",
  "reviewed by ",
  "approved by ",
  "requested by ",
  "assigned by ",
  "uploaded by ",
  "hosted by ",
  "organized by ",
  "organised by ",
  "presented by ",
  "forwarded message from ",
  "message from ",
  "request from ",
  "invitation from ",
  "missed call from ",
  "call from ",
  "meeting with ",
  "you and ",
  "nachricht an ",
  "antworten an ",
  "angemeldet als ",
  "gesehen von ",
  "geteilt mit ",
  "envoyer un message à ",
  "message à ",
  "répondre à ",
  "connecté en tant que ",
  "vu par ",
  "partagé avec ",
  "enviar mensaje a ",
  "mensaje a ",
  "responder a ",
  "visto por ",
  "compartido con ",
  "invia un messaggio a ",
  "messaggio a ",
  "rispondi a ",
  "condiviso con ",
  "bericht aan ",
  "gedeeld met ",
  "enviar mensagem para ",
  "compartilhado com ",
  "partilhado com ",
];
/** When something was done, after the name of who did it: "2 hours ago", "on 3 March", "yesterday at 9:14". */
const WHEN_AFTER =
  /\s+(?:\d{1,3}\s(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\sago|(?:on|at)\s[^\n]{1,30}|yesterday(?:\s[^\n]{1,20})?|today(?:\s[^\n]{1,20})?|just now)$/i;
/** "… and 2 others" after the people a line lists. */
const AND_OTHERS = /,? (?:and|&|\+) ?\d{1,4} (?:others?|more)$/i;
/** A bracketed role after a name in a meeting's or a thread's list: "(Host)", "(me)". */
const ROLE_NOTE =
  /\s\((?:host|co-host|me|you|guest|organi[sz]er|presenter|external|owner|admin|moderator|speaker|author|organisator(?:in)?|gastgeber(?:in)?|ich|gast|extern|organisateur|organisatrice|hôte|moi|invitée?|externe|organizador(?:a)?|anfitri[oó]n|yo|invitad[oa]|extern[oa]|organizzat(?:ore|rice)|io|ospite|ik|eu)\)$/i;
/** A line that says whether a person is there: the second line of a contact's card. */
const PRESENCE =
  /^(?:to me|to you|active|online|offline|away|busy|available|typing|is typing|last seen|do not disturb|in a meeting|out of office|on a call|presenting|idle)\b/i;
/** A line that is only a phone number or an e-mail address: a contact's card or a call log's row. */
const CONTACT_LINE = /^(?:\+?[\d\s().-]{7,20}|[^\s@]{1,64}@[^\s@]{1,255}\.[a-z]{2,24})$/i;
/** Last words of a job title: the line under a name on a contact's card (and a signature's part after it). */
const JOB_WORDS: ReadonlySet<string> = new Set(
  (
    "designer engineer manager director developer lead analyst consultant specialist coordinator officer assistant " +
    "intern recruiter nurse doctor physician accountant architect administrator ceo cto cfo coo founder co-founder " +
    "president vp head scientist researcher representative associate partner advisor adviser counsel attorney " +
    "lawyer teacher student technician agent editor writer producer owner supervisor executive strategist " +
    "marketer planner therapist pharmacist clerk cashier"
  ).split(" "),
);
/** Job titles' last words in the other languages of the hold-out sets ("Directrice", "Ingeniero", "Projectleider"). */
const JOB_WORDS_EUROPE = new Set(
  (
    "directeur directrice ingénieur ingénieure chef cheffe responsable développeur développeuse consultante " +
    "gérant gérante gerente director directora ingeniero ingeniera desarrollador desarrolladora jefe jefa " +
    "direttore direttrice ingegnere sviluppatore sviluppatrice responsabile adviseur ontwikkelaar projectleider " +
    "teamleider medewerker medewerkster directie ingenieur ingenieurin"
  ).split(" "),
);
/** German job titles are compounds: "Projektleiterin", "Softwareentwickler", "Vertriebsmitarbeiterin". */
const GERMAN_JOB_ENDING =
  /(?:leiter|leiterin|entwickler|entwicklerin|berater|beraterin|führer|führerin|referent|referentin|assistent|assistentin|mitarbeiter|mitarbeiterin|ingenieur|ingenieurin|managerin|direktor|direktorin)$/;

/**
 * `w` (lower case) is the last word of a job title in English or the other languages of the hold-out sets: "engineer",
 * "directrice", "Projektleiterin" (a signature's part after the name).
 * @example isJobWord("projektleiterin") // true
 */
export function isJobWord(w: string): boolean {
  return JOB_WORDS.has(w) || JOB_WORDS_EUROPE.has(w) || GERMAN_JOB_ENDING.test(w);
}
/** Headers of a list of people: the lines after one, to a blank line, that are names are people. */
const LIST_HEADERS = new Set([
  // German, French, Spanish, Italian, Dutch, Portuguese
  "teilnehmer",
  "teilnehmende",
  "mitglieder",
  "kontakte",
  "personen",
  "gäste",
  "empfänger",
  "zuletzt",
  "membres",
  "invités",
  "destinataires",
  "récents",
  "participantes",
  "miembros",
  "contactos",
  "invitados",
  "destinatarios",
  "recientes",
  "partecipanti",
  "membri",
  "contatti",
  "invitati",
  "deelnemers",
  "leden",
  "contacten",
  "gasten",
  "membros",
  "contatos",
  "convidados",
  "recent",
  "recents",
  "chats",
  "direct messages",
  "messages",
  "participants",
  "attendees",
  "invitees",
  "guests",
  "members",
  "people",
  "contacts",
  "favorites",
  "favourites",
  "team",
  "team members",
  "recipients",
  "followers",
  "online",
  "in this meeting",
  "in call",
  "ship to",
  "bill to",
  "sold to",
  "deliver to",
  "missed call",
  "incoming call",
  "outgoing call",
  "calling",
  "customer",
  "client",
  "patient",
  "candidate",
  "assignees",
  "reviewers",
  "approvers",
]);
/** Labels of a field whose value is a person, read with a colon or a column's gap after them. */
const FIELD_LABELS = new Set([
  // German, French, Spanish, Italian, Dutch, Portuguese
  "zugewiesen an",
  "zuständig",
  "bearbeiter",
  "verantwortlich",
  "erstellt von",
  "von",
  "absender",
  "kunde",
  "ansprechpartner",
  "assigné à",
  "responsable",
  "créé par",
  "expéditeur",
  "destinataire",
  "asignado a",
  "creado por",
  "remitente",
  "destinatario",
  "cliente",
  "nombre",
  "assegnato a",
  "creato da",
  "mittente",
  "toegewezen aan",
  "aangemaakt door",
  "afzender",
  "ontvanger",
  "klant",
  "atribuído a",
  "criado por",
  "remetente",
  "assignee",
  "assigned to",
  "reporter",
  "reported by",
  "owner",
  "author",
  "organizer",
  "organiser",
  "host",
  "from",
  "to",
  "cc",
  "bcc",
  "sender",
  "recipient",
  "customer",
  "client",
  "contact",
  "employee",
  "manager",
  "line manager",
  "approver",
  "approved by",
  "requested by",
  "created by",
  "submitted by",
  "modified by",
  "updated by",
  "reviewer",
  "payee",
  "name",
  "full name",
  "candidate",
  "applicant",
  "patient",
  "presenter",
  "speaker",
  "driver",
  "agent",
  "caller",
  "emergency contact",
  "next of kin",
  // a bank's or a payment app's screen: "Transfer to\nX", "Paid to  X"
  "transfer to",
  "transfer from",
  "send to",
  "sent to",
  "pay to",
  "paid to",
  "payment to",
  "payment from",
  "received from",
  "reply to",
  "replying to",
]);

/** The label of a field that opens text[a..b), and where its value starts; -1 if none. */
function fieldValue(text: string, lower: string, a: number, b: number): number {
  for (let i = a + 1; i < b && i - a <= 20; i++) {
    const c = text.charCodeAt(i);
    const colon = c === 58;
    const gap = (c === 32 && text.charCodeAt(i + 1) === 32) || c === 9;
    if (!colon && !gap) continue;
    if (!FIELD_LABELS.has(lower.slice(a, i))) return -1;
    let v = i + 1;
    while (v < b && (text.charCodeAt(v) === 32 || text.charCodeAt(v) === 9)) v++;
    return v < b ? v : -1;
  }
  return -1;
}

/** End of the first column of text[a..b): the first gap of two spaces or a tab, or b. */
function columnEnd(text: string, a: number, b: number): number {
  for (let i = a; i < b; i++) {
    const c = text.charCodeAt(i);
    if (c === 9 || (c === 32 && i + 1 < b && text.charCodeAt(i + 1) === 32)) return i;
  }
  return b;
}

/** Names of an OCR'd window, line by line. */
function screenTextNames(text: string, lower: string, out: Detection[]): void {
  const lines: Array<[number, number]> = [];
  // (the next " · " of the text, searched again only once passed: one search per line would be quadratic)
  let dot = text.indexOf(" · ");
  for (let from = 0; from <= text.length;) {
    let to = text.indexOf("\n", from);
    if (to < 0) to = text.length;
    const end = to > from && text.charCodeAt(to - 1) === 13 ? to - 1 : to;
    // a compact row's cells, joined by middle dots, are read as lines of their own: "Call ended · Ilsa Prenn · 12:31"
    // is a call's row (the name over its time), "Written by Ilsa Prenn · 5 min read" a byline
    let c = from;
    while (dot >= 0 && dot < end) {
      if (dot >= c) {
        lines.push(trimmed(text, c, dot));
        c = dot + 3;
      }
      dot = text.indexOf(" · ", dot + 1);
    }
    lines.push(trimmed(text, c, end));
    from = to + 1;
  }
  let inList = false;
  for (let l = 0; l < lines.length; l++) {
    const [a, b] = lines[l]!;
    if (a === b) {
      inList = false;
      continue;
    }
    const line = text.slice(a, b);
    // a header of a list of people: "Participants (3)", "Ship to", "Recent"
    const header = lower.slice(a, b).replace(/\s*\(\d{1,5}\)$|:$/, "");
    if (LIST_HEADERS.has(header)) {
      inList = true;
      continue;
    }
    // a field's label alone, its value on the next line (OCR splits a row whose columns are far apart)
    if (FIELD_LABELS.has(header) && l + 1 < lines.length) {
      const [na, nb] = lines[l + 1]!;
      if (na < nb && nameAt(text, na, nb)) {
        push(out, text, na, nb);
        l++;
        continue;
      }
    }
    // "Assignee  Ilsa Prenn", "Employee: Ilsa Prenn    ID: 4821"
    const v = fieldValue(text, lower, a, b);
    if (v > 0) {
      const e = columnEnd(text, v, b);
      if (namesIn(text, v, e, out)) continue;
    }
    // "Ilsa Prenn (Host)"
    const role = ROLE_NOTE.exec(line);
    const nameEnd = role ? b - role[0].length : b;
    if (role && nameAt(text, a, nameEnd)) {
      push(out, text, a, nameEnd);
      continue;
    }
    // "Ilsa Prenn joined the meeting", "Ilsa Prenn is typing…"
    const act = ACTIVITY.exec(lower.slice(a, b));
    if (act && act.index > 0 && nameAt(text, a, a + act.index)) {
      push(out, text, a, a + act.index);
      continue;
    }
    // "Message Ilsa Prenn", "Shared with Ilsa Prenn and 2 others"
    const lead = LINE_LEADS.find((w) => lower.startsWith(w, a));
    if (lead !== undefined) {
      const others = AND_OTHERS.exec(line);
      // the value ends at a colon or a column's gap: "Request from Ilsa Prenn: access to …"
      const v = a + lead.length;
      let e = others ? a + others.index : b;
      const colon = text.slice(v, e).indexOf(":");
      if (colon >= 0) e = v + colon;
      e = columnEnd(text, v, e);
      // "Last edited by Ilsa Prenn 2 hours ago", "Approved by Ilsa Prenn on 3 March": the time after the name
      const when = WHEN_AFTER.exec(text.slice(v, e));
      if (when) e = v + when.index;
      if (namesIn(text, v, e, out)) continue;
    }
    // "Ilsa Prenn  10:42 AM": a row of a chat or a list, its time last
    const time = ROW_TIME.exec(line);
    if (time && time.index > 0) {
      let e = a + time.index;
      while (
        e > a &&
        (text.charCodeAt(e - 1) === 32 || text.charCodeAt(e - 1) === 183 || text.charCodeAt(e - 1) === 44)
      )
        e--;
      if (nameAt(text, a, e)) {
        push(out, text, a, e);
        continue;
      }
      // "Ilsa Prenn  Lunch tomorrow?  9:14": an inbox's row, its sender in the first column
      const first = columnEnd(text, a, e);
      if (first < e && nameAt(text, a, first)) {
        push(out, text, a, first);
        continue;
      }
    }
    // "Ticket #4821: Ilsa Prenn cannot log in": what a person did, after a short label
    const colon = line.indexOf(": ");
    if (colon > 0 && colon <= 24) {
      const r = a + colon + 2;
      const act2 = ACTIVITY.exec(lower.slice(r, b));
      if (act2 && act2.index > 0 && nameAt(text, r, r + act2.index)) {
        push(out, text, r, r + act2.index);
        continue;
      }
    }
    if (!nameAt(text, a, b)) continue;
    if (inList) {
      push(out, text, a, b);
      continue;
    }
    // a contact's card: the name over a job title, a presence line, a phone number or an address; a chat's
    // sender over the message's time (OCR puts the smaller time on a line of its own)
    if (l + 1 < lines.length) {
      const [na, nb] = lines[l + 1]!;
      const next = text.slice(na, nb);
      const lastWord = lower.slice(na + next.lastIndexOf(" ") + 1, nb);
      if (
        PRESENCE.test(next) ||
        CONTACT_LINE.test(next) ||
        ROW_TIME.exec(next)?.index === 0 ||
        (JOB_WORDS.has(lastWord) && !/\d/.test(next) && next.length <= 60)
      )
        push(out, text, a, b);
    }
  }
}

export const screenNames: Recognizer = {
  id: ID,
  types: ["PERSON"],
  channels: ["title", "ocr"],
  detect({ text, lower, channel }) {
    const out: Detection[] = [];
    if (channel === "title") titleNames(text, lower, out);
    else if (channel === "ocr") screenTextNames(text, lower, out);
    return out;
  },
};
