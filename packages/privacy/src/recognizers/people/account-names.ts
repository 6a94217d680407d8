/**
 * The name of a person's account on a computer, where paths and shell prompts show it: a home directory
 * ("/home/zvennik/…", "/Users/zorqual.vennik/…", "C:\Users\Zorqual Vennik\…") and a prompt ("zvennik@laptop:~$").
 * On a recorded machine it is mostly the recorded person's own name, on every terminal line and in every file
 * dialog. Emits USERNAME, level 3; the generic accounts of servers and images ("root", "ubuntu", "runner",
 * "Public") name no one and stay.
 */
import type { Detection, Recognizer } from "../../types.js";

const ID = "account-name";

/** Accounts that name no person: system, image and CI users, Windows' shared profiles, placeholders. */
const GENERIC = new Set(
  (
    "root admin administrator user users username yourname your_name yourusername me you guest test tester " +
    "ubuntu debian centos fedora alpine ec2-user azureuser opc pi vagrant runner runneradmin builder build " +
    "jenkins gitlab-runner circleci travis node app www-data nobody daemon postgres mysql git docker " +
    "public default shared all default.migrated defaultapppool localservice networkservice systemprofile " +
    "developer dev demo example foo bar johndoe janedoe"
  ).split(" "),
);

/** A home directory on Linux or macOS: "/home/<u>", "/Users/<u>" (an account name has no space there). */
const UNIX_HOME_RE = /(?:^|[\s"'(=:[`])~?\/(?:home|Users)\/([A-Za-z0-9._-]{1,64})(?=[/\s"'`)\],;:]|$)/dg;
/**
 * On Windows: "C:\Users\<u>", "C:\Documents and Settings\<u>"; the name may hold spaces where a backslash or a
 * quote ends it ("C:\Users\Zorqual Vennik\Documents"), none where a space or the text's end does.
 */
const WIN_HOME_RE =
  /(?:^|[\s"'(=:[`])[A-Za-z]:\\(?:[Uu]sers|Documents and Settings)\\(?:([^\\\n\r\t"'`<>|:*?/]{1,64}?)(?=\\|["'`])|([^\\\s"'`<>|:*?/]{1,64})(?=[\s,;)]|$))/dg;
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

function accountOk(name: string): boolean {
  const n = name.trim().toLowerCase();
  if (n.length < 2 || GENERIC.has(n)) return false;
  // a placeholder or a variable, not a name: "$USER", "%USERNAME%", "<user>", "{user}"; a name has a letter
  return !/[$%<>{}]/.test(n) && /[a-z]/.test(n);
}

/**
 * Account names in `text`.
 * @example detectAccountNames("cd /home/zvennik/src").map((d) => [d.start, d.end]) // [[9, 16]]
 */
export function detectAccountNames(text: string): Detection[] {
  const out: Detection[] = [];
  // (each search only where its fixed part occurs: most records hold none, and the engine runs this on all)
  if (text.includes("/home/") || text.includes("/Users/")) scan(UNIX_HOME_RE, text, out);
  if (text.includes(":\\")) scan(WIN_HOME_RE, text, out);
  if (text.includes("¥") || text.includes("￥")) scan(YEN_HOME_RE, text, out);
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
  triggers: { text: ["/", "\\", "@", "¥", "￥"] },
  detect({ text }) {
    return detectAccountNames(text);
  },
};
