/**
 * The name of a person's account on a computer, where paths and shell prompts show it: a home directory
 * ("/home/zvennik/…", "/Users/zorqual.vennik/…", "C:\Users\Zorqual Vennik\…") and a prompt ("zvennik@laptop:~$").
 * On a recorded machine it is mostly the recorded person's own name, on every terminal line and in every file
 * dialog. Emits USERNAME, level 3; the generic accounts of servers and images ("root", "ubuntu", "runner",
 * "Public") name no one and stay.
 */
import type { Detection, Recognizer } from "../../types.js";
import { FILE_MODE } from "./code-lines.js";

const ID = "account-name";

/** Accounts that name no person: system, image and CI users, Windows' shared profiles, placeholders. */
const GENERIC = new Set(
  (
    "root admin administrator user users username yourname your_name yourusername me you guest test tester " +
    "ubuntu debian centos fedora alpine ec2-user azureuser opc pi vagrant runner runneradmin builder build " +
    "jenkins gitlab-runner circleci travis node app www-data nobody daemon postgres mysql git docker " +
    "public default shared all default.migrated defaultapppool localservice networkservice systemprofile " +
    "developer dev demo example foo bar johndoe janedoe " +
    // service accounts of deployments and daemons
    "deploy deployer ci cd service svc backup ansible terraform automation bot monitor nagios zabbix prometheus " +
    "grafana nginx apache httpd redis mongodb elastic kafka hadoop oracle sa sys system operator support noreply " +
    // managed databases' default administrators
    "doadmin postgresadmin dbadmin dbuser"
  ).split(" "),
);

/** A home directory on Linux or macOS: "/home/<u>", "/Users/<u>" (an account name has no space there). */
const UNIX_HOME_RE = /(?:^|[\s"'(=:[`])~?\/(?:home|[Uu]sers)\/([A-Za-z0-9._-]{1,64})(?=[/\s"'`)\],;:]|$)/dg;
/**
 * On Windows: "C:\Users\<u>", "C:\Documents and Settings\<u>"; the name may hold spaces where a backslash or a
 * quote ends it ("C:\Users\Zorqual Vennik\Documents"), none where a space or the text's end does.
 */
const WIN_HOME_RE =
  /(?:^|[\s"'(=:[`])[A-Za-z]:\\(?:[Uu]sers|Documents and Settings)\\(?:([^\\\n\r\t"'`<>|:*?/]{1,64}?)(?=\\|["'`])|([^\\\s"'`<>|:*?/]{1,64})(?=[\s,;)>]|$))/dg;
/**
 * Windows in Japanese shows its path separator as a yen sign ("C:¥Users¥tanaka¥Desktop", "¥Users¥tanaka"), and
 * people copy the paths as they see them (the full-width "￥" too).
 */
const YEN_HOME_RE =
  /(?:^|[\s"'(=:[`])(?:[A-Za-z]:)?[¥￥](?:[Uu]sers|Documents and Settings)[¥￥]([^¥￥\\\s"'`<>|:*?/]{1,64})(?=[¥￥\s"'`,;)]|$)/dg;
/**
 * A shell prompt at a line's start: "zvennik@laptop:~$", "[zvennik@laptop api]$", "zvennik@laptop ~ %" (tried at
 * the start of each line that holds an "@" in its first 34 characters).
 */
const PROMPT_RE =
  /\[?([a-z_][a-z0-9._-]{0,31})@[A-Za-z0-9][A-Za-z0-9.-]{0,62}(?::\s?[~/]|\s[~/\w.-]{1,64}\]?\s?[$#%>])/dy;

/** An account's name in a command or its output (the name as group 1). */
const ACCOUNT = "([a-z_](?:[a-z0-9._-]{0,30}[a-z0-9_])?)";
/** What a record holds that a reading needs (bits of `gates`, tested once a record with `includes`). */
const G_ALWAYS = 1;
const G_AT = 2;
const G_SSH = 4;
const G_CHOWN = 8;
const G_OPTION_U = 16;
const G_WHOAMI = 32;
const G_LOGIN = 64;
const G_ENV = 128;
const G_SESSION = 256;
/**
 * Commands and outputs of a terminal that name an account (each searched only where its command or shape occurs):
 * - `ssh user@host`, `scp … user@host:`, `rsync`, `sftp`, `mosh`, `ssh-copy-id`;
 * - `chown user:group`, `chown user file`;
 * - a tool's user option: `mysql -u user`, `crontab -u user`, `sudo -u user`, `psql -U user`;
 * - the account a command line ends with, after the command and its options alone: `passwd user`, `usermod -aG
 *   docker user`, `su - user`, `id user`, `getent passwd user` ("su hermano llega tarde" is Spanish);
 * - `ls -l`'s owner (and its group when it is the owner's own), `who`'s and `last`'s first column, `whoami`'s answer;
 * - "login for user", "logged in as user", "Anmeldung von user", "connexion de user".
 */
const COMMAND_RES: readonly (readonly [number, RegExp])[] = [
  [
    G_SSH,
    new RegExp(
      `\\b(?:ssh|scp|sftp|rsync|mosh|ssh-copy-id)\\b[^\\n]{0,200}?[\\s=]${ACCOUNT}@[A-Za-z0-9[]`,
      "dg",
    ),
  ],
  [G_CHOWN, new RegExp(`\\bchown[ \\t]+(?:-[A-Za-z]+[ \\t]+){0,3}${ACCOUNT}(?=[:. \\t]|$)`, "dgm")],
  [
    G_OPTION_U,
    new RegExp(
      `\\b(?:mysql|mariadb|mysqldump|crontab|sudo|psql|pg_dump|pg_restore|runuser)\\b[^\\n]{0,80}?[ \\t]-[uU][ \\t]*${ACCOUNT}(?![\\w@])`,
      "dg",
    ),
  ],
  [G_WHOAMI, new RegExp(`\\bwhoami[ \\t]*\\r?\\n[ \\t]*${ACCOUNT}[ \\t]*(?=\\r?\\n|$)`, "dg")],
  [
    G_LOGIN,
    new RegExp(
      `(?:^|[^\\p{L}])(?:[Ll]og(?:ged)?[ -]?[Ii]n|[Ss]igned in|[Aa]nmeldung|[Aa]ngemeldet|[Ee]ingeloggt|[Ii]ngelogd|[Aa]angemeld|[Cc]onnexion|[Cc]onnectée?|[Ss]esión iniciada|[Cc]onectad[oa]|[Aa]ccesso eseguito|[Cc]onness[oa])[ \\t]+(?:for|as|by|von|als|de|en tant que|como|come)[ \\t]+${ACCOUNT}(?=[\\s:,;.)]|$)`,
      "dgu",
    ),
  ],
  // an account in the environment: "export PGUSER=zorvan", "USERNAME=zorvan npm start"
  [
    G_ENV,
    new RegExp(
      `(?:^|[\\s;])(?:export[ \\t]+)?[A-Za-z_]*(?:USER|[Uu]ser)(?:NAME|[Nn]ame)?=["']?${ACCOUNT}(?=["'\\s;]|$)`,
      "dgm",
    ),
  ],
];
/**
 * The readings of COMMAND_RES that open a line, tried at each line's start only (sticky): the account a command line
 * ends with, `ls -l`'s owner, `who`'s first column, ssh's errors.
 */
const LINE_RES: readonly (readonly [number, RegExp])[] = [
  [
    G_ALWAYS,
    new RegExp(
      `[ \\t]*(?:[$#>%][ \\t]*)?(?:sudo[ \\t]+)?(?:usermod|useradd|userdel|adduser|deluser|passwd|chage|su|id|groups|finger|getent[ \\t]+(?:passwd|group|shadow))(?:[ \\t]+-{1,2}[\\w-]*(?:[ \\t]+[a-z][\\w-]*)?){0,3}[ \\t]+${ACCOUNT}[ \\t]*(?=\\r?\\n|$)`,
      "dy",
    ),
  ],
  [
    G_ALWAYS,
    new RegExp(
      `[ \\t]*${FILE_MODE}[.+@]?[ \\t]+\\d+[ \\t]+${ACCOUNT}[ \\t]+([a-z_][a-z0-9._-]{1,31})[ \\t]`,
      "dy",
    ),
  ],
  [G_SESSION, new RegExp(`${ACCOUNT}[ \\t]+(?:pts\\/\\d|tty\\w|:\\d|console\\b)`, "dy")],
  // ssh's and scp's errors open with the account and its host: "zorvan@10.0.0.5: Permission denied (publickey)."
  [G_AT, new RegExp(`[ \\t]*${ACCOUNT}@[A-Za-z0-9][A-Za-z0-9.:-]{0,62}:[ \\t]`, "dy")],
];
/** Words after "login for" or "logged in as" that name no account. */
const LOGIN_STOP = new Set(
  "the an all any every everyone this that these your our their his her free more details help now today tomorrow users members guests students staff customers admins".split(
    " ",
  ),
);
/** The commands of ssh's targets. */
const SSH_WORDS = /ssh|scp|sftp|rsync|mosh/;

/**
 * Every string a gate stands for, searched for in one pass (one search of the record instead of twenty): what the
 * match starts with says which gate it opens.
 */
const GATE_RE =
  /@|chown|[ \t]-u|whoami|log|signed in|anmeld|ngemeld|ingelog|conne|conectad|sesi|accesso|user=|name=|pts\/|tty|console|[ \t]:\d/g;

/** The gates that hold for a record, from its lower-cased text. */
function gates(l: string): number {
  let g = G_ALWAYS;
  GATE_RE.lastIndex = 0;
  for (let m = GATE_RE.exec(l); m !== null; m = GATE_RE.exec(l)) {
    const w = m[0];
    const c = w.charCodeAt(0);
    // (the commands are looked for once, at the first "@": a run of them would make this quadratic)
    if (c === 64) {
      if ((g & G_AT) === 0) g |= SSH_WORDS.test(l) ? G_AT | G_SSH : G_AT;
    } else if (w === "chown") g |= G_CHOWN;
    else if (w === "whoami") g |= G_WHOAMI;
    else if (w === "user=" || w === "name=") g |= G_ENV;
    else if (w === "pts/" || w === "tty" || w === "console") g |= G_SESSION;
    else if (c === 32 || c === 9) g |= w.charCodeAt(1) === 58 ? G_SESSION : G_OPTION_U;
    else g |= G_LOGIN;
  }
  return g;
}

function accountOk(name: string): boolean {
  const n = name.trim().toLowerCase();
  if (n.length < 2 || GENERIC.has(n)) return false;
  // a placeholder or a variable, not a name: "$USER", "%USERNAME%", "<user>", "{user}"; a name has a letter
  // ("your_username", "my-user", "example_user": placeholders of documentation)
  if (/^(?:your|my[._-])|user_?name|example|placeholder|changeme/.test(n)) return false;
  return !/[$%<>{}]/.test(n) && /[a-z]/.test(n);
}

/**
 * Account names in `text`.
 * @example detectAccountNames("cd /home/zvennik/src").map((d) => [d.start, d.end]) // [[9, 16]]
 */
export function detectAccountNames(text: string, lower?: string): Detection[] {
  const out: Detection[] = [];
  // (each search only where its fixed part occurs: most records hold none, and the engine runs this on all)
  if (text.includes("/home/") || text.includes("/Users/") || text.includes("/users/"))
    scan(UNIX_HOME_RE, text, out);
  if (text.includes(":\\")) scan(WIN_HOME_RE, text, out);
  if (text.includes("¥") || text.includes("￥")) scan(YEN_HOME_RE, text, out);
  commands(text, lower ?? text.toLowerCase(), out);
  // each line that holds an "@" among its first characters, where a prompt's would be
  if (text.includes("@"))
    for (let ls = 0; ls < text.length;) {
      const nl = text.indexOf("\n", ls);
      const le = Math.min(nl < 0 ? text.length : nl, ls + 34);
      for (let k = ls; k < le; k++)
        if (text.charCodeAt(k) === 64) {
          PROMPT_RE.lastIndex = ls;
          const m = PROMPT_RE.exec(text);
          if (m) add(m, 1, out);
          break;
        }
      if (nl < 0) break;
      ls = nl + 1;
    }
  return out;
}

/** The accounts the commands and outputs of COMMAND_RES name. */
function commands(text: string, lower: string, out: Detection[]): void {
  const open = gates(lower);
  for (let k = 0; k < COMMAND_RES.length; k++) {
    const [gate, re] = COMMAND_RES[k]!;
    if ((open & gate) === 0) continue;
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      if (!LOGIN_STOP.has(m[1]!)) add(m, 1, out);
      if (re.lastIndex === m.index) re.lastIndex++;
    }
  }
  for (let ls = 0; ls < text.length;) {
    for (let k = 0; k < LINE_RES.length; k++) {
      const [gate, re] = LINE_RES[k]!;
      if ((open & gate) === 0) continue;
      re.lastIndex = ls;
      const m = re.exec(text);
      if (m === null) continue;
      add(m, 1, out);
      // `ls -l`: the group too when it is the owner's own (systems make one per person)
      if (m[2] !== undefined && m[2] === m[1]) add(m, 2, out);
    }
    const nl = text.indexOf("\n", ls);
    if (nl < 0) break;
    ls = nl + 1;
  }
}

function scan(re: RegExp, text: string, out: Detection[]): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const end = add(m, m[1] !== undefined ? 1 : 2, out);
    // the next search starts after the name, not after the path's separator the lookahead saw
    re.lastIndex = end;
  }
}

/** Push group g of m when it names an account; returns where the group ends. */
function add(m: RegExpExecArray, g: number, out: Detection[]): number {
  const [start, end] = m.indices![g]!;
  if (accountOk(m[g]!)) out.push({ start, end, type: "USERNAME", score: 0.85, level: 3, recognizer: ID });
  return end;
}

export const accountNames: Recognizer = {
  id: ID,
  types: ["USERNAME"],
  // every match holds one of these (a home directory's "/", "\" or "¥", or a prompt's "@")
  // or a command's or an output's word (searched for together: one condition)
  triggers: {
    // a home directory's "/", "\\" or "¥", a prompt's or a target's "@", `who`'s ":0", a mode's or an option's "-",
    // an environment's "=" (each a bit of the record's character summary), or a command's or a sign-in's word
    text: ["/", "\\", "@", "¥", "￥", ":", "-", "="],
    // prettier-ignore
    lower: [
      "chown", "usermod", "useradd", "userdel", "adduser", "deluser", "passwd", "chage", "su ", "su\t", "id ", "id\t",
      "groups", "finger", "getent", "tty", "console", "whoami", "log", "signed in", "anmeld", "angemeld", "eingeloggt",
      "ingelogd", "aangemeld", "conne", "sesi", "conectad", "accesso",
    ],
  },
  detect({ text, lower }) {
    return detectAccountNames(text, lower.length === text.length ? lower : undefined);
  },
};
