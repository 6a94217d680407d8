/**
 * Passwords that commands typed in a terminal take as plain arguments, where no flag or key name says so (the
 * flags that do — `--password x`, `mysql -px`, `docker login -p x` — are the keyed recognizer's):
 * - `htpasswd -b[c] FILE USER PASSWORD`, `htpasswd -nb USER PASSWORD` (batch mode takes the password last);
 * - `net user NAME PASSWORD [/add]` (Windows);
 * - `echo PASSWORD | … --password-stdin` (a registry login in a script), `echo "user:PASSWORD" | chpasswd`,
 *   `echo PASSWORD | sudo -S …`, `passwd --stdin`, the same with `printf 'PASSWORD\n'`, and `sudo -S … <<< PASSWORD`;
 * - openssl's `pass:PASSWORD` after `-pass`, `-passin`, `-passout` (and `-k PASSWORD`, its old form);
 * - `xfreerdp /p:PASSWORD`, `smbclient -U user%PASSWORD`, `lftp -u user,PASSWORD`;
 * - `wpa_passphrase SSID PASSPHRASE`, `vault login TOKEN`, `chpasswd <<< 'user:PASSWORD'`.
 * Each value must pass the password test of the keyed recognizer (not a placeholder, a variable or a trivial
 * word); `*` (prompt for it) and `$VAR` are no passwords.
 */
import type { Detection, Recognizer } from "../../types.js";
import { acceptValue } from "./keyed.js";
import { isCommandEnd, looksRandom, results, secretDetection, shellWordAt, type ShellWord } from "./util.js";

const ID = "secret-commands";
const OUT: Detection[] = [];

/** Most words read from one command. */
const MAX_WORDS = 24;

/** The words of the command that starts at `from`, up to its line's end, ';', '|' or '&'. */
function commandWords(text: string, from: number): ShellWord[] {
  const words: ShellWord[] = [];
  let i = from;
  while (words.length < MAX_WORDS) {
    while (i < text.length && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
    if (i >= text.length || isCommandEnd(text.charCodeAt(i))) break;
    const w = shellWordAt(text, i);
    if (w === null) break;
    words.push(w);
    i = w.end;
  }
  return words;
}

/** Where the word `name` starts a command in `lower` (after the line's start, a space, '(' or a command's end). */
function commandStarts(lower: string, name: string): number[] {
  const at: number[] = [];
  for (let i = lower.indexOf(name); i >= 0; i = lower.indexOf(name, i + name.length)) {
    const b = i > 0 ? lower.charCodeAt(i - 1) : 10;
    const a = lower.charCodeAt(i + name.length);
    if ((b === 32 || b === 9 || b === 40 || b === 47 || isCommandEnd(b)) && (a === 32 || a === 9)) at.push(i);
  }
  return at;
}

/** Push `word` as a password when it is one (not a prompt's "*", a variable, a flag or a placeholder). */
function password(text: string, word: ShellWord | undefined, out: Detection[]): void {
  if (word === undefined) return;
  const v = word.value;
  if (v === "*" || v.startsWith("$") || v.startsWith("%") || v.startsWith("/") || v.startsWith("-")) return;
  if (!acceptValue("password", v, true)) return;
  // a quoted word's quotes are no part of the password
  let { start, end } = word;
  const q = text.charCodeAt(start);
  if ((q === 34 || q === 39) && end - start >= 2 && text.charCodeAt(end - 1) === q) {
    start++;
    end--;
  }
  out.push(secretDetection(start, end, "password", 0.85, ID));
}

/** The part of `word` after its first `sep` ("user%PASSWORD", "pass:PASSWORD"), as a word of its own. */
function after(text: string, word: ShellWord, sep: string): ShellWord | undefined {
  const k = word.value.indexOf(sep);
  const at = text.indexOf(sep, word.start);
  if (k < 0 || at < 0 || at >= word.end) return undefined;
  let end = word.end;
  const q = text.charCodeAt(end - 1);
  if ((q === 34 || q === 39) && end - 1 > at) end--;
  return { start: at + 1, end, value: word.value.slice(k + 1) };
}

function htpasswd(text: string, lower: string, out: Detection[]): void {
  for (const s of commandStarts(lower, "htpasswd")) {
    const words = commandWords(text, s + 8);
    const flags = words.filter((w) => w.value.startsWith("-")).map((w) => w.value.slice(1));
    if (!flags.some((f) => f.includes("b"))) continue;
    const positional = words.filter((w) => !w.value.startsWith("-"));
    password(text, positional[flags.some((f) => f.includes("n")) ? 1 : 2], out);
  }
}

function netUser(text: string, lower: string, out: Detection[]): void {
  for (const s of commandStarts(lower, "net")) {
    const words = commandWords(text, s + 3);
    if (words[0]?.value.toLowerCase() !== "user") continue;
    const positional = words.slice(1).filter((w) => !w.value.startsWith("/"));
    password(text, positional[1], out);
  }
}

/**
 * A command that reads a password from its standard input: `sudo -S` (`-kS`, `--stdin`), `passwd --stdin USER`.
 * Read on the text, not the lower-cased one: `sudo -s` is a shell, not a password read.
 */
const STDIN_PASSWORD_READER =
  /^\|\s*(?:sudo(?:\s+-[A-Za-z]*S[A-Za-z]*\b|\s+--stdin\b)|(?:sudo\s+)?passwd\s+--stdin\b)/;

/**
 * `echo PASSWORD | docker login … --password-stdin`, `echo "user:PASSWORD" | chpasswd`, `echo PASSWORD | sudo -S …`,
 * and the same with `printf 'PASSWORD\n'`.
 */
function echoedIntoStdin(text: string, lower: string, out: Detection[]): void {
  for (const name of ["echo", "printf"]) {
    if (!lower.includes(name)) continue;
    for (const s of commandStarts(lower, name)) {
      const words = commandWords(text, s + name.length).filter((w) => w.value !== "-n" && w.value !== "-e");
      if (words.length !== 1) continue;
      const pipe = words[0]!.end + lower.slice(words[0]!.end, words[0]!.end + 4).indexOf("|");
      if (pipe < words[0]!.end) continue;
      // the rest of the line, 200 characters at most (a search to the line's end made many "echo x |" quadratic)
      const window = text.slice(pipe, pipe + 200);
      const nl = window.indexOf("\n");
      const rest = nl >= 0 ? window.slice(0, nl) : window;
      if (rest.toLowerCase().includes("--password-stdin") || STDIN_PASSWORD_READER.test(rest))
        password(text, withoutNewlineEscape(text, words[0]!), out);
      else if (/^\|\s*(?:sudo\s+)?chpasswd\b/i.test(rest)) {
        const pw = after(text, words[0]!, ":");
        if (pw) password(text, withoutNewlineEscape(text, pw), out);
      }
    }
  }
}

/** `sudo -S … <<< 'PASSWORD'`, `sudo -S <<< PASSWORD cmd`: a here-string fed to a password read from stdin. */
function hereString(text: string, out: Detection[]): void {
  for (let at = text.indexOf("<<<"); at >= 0; at = text.indexOf("<<<", at + 3)) {
    // the command before it, on its line (200 characters at most)
    const before = text.slice(Math.max(0, at - 200), at);
    const line = before.slice(before.lastIndexOf("\n") + 1);
    const sudo = /(?:^|[\s;&|(])sudo(?:\s+-[A-Za-z]*)*\s+(?:-[A-Za-z]*S[A-Za-z]*|--stdin)\b/.test(line);
    const chpasswd = /(?:^|[\s;&|(])chpasswd\b/.test(line);
    if (!sudo && !chpasswd) continue;
    let i = at + 3;
    while (i < text.length && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
    const w = shellWordAt(text, i);
    if (w === null) continue;
    // chpasswd reads "user:password"
    const pw = chpasswd ? after(text, w, ":") : w;
    if (pw) password(text, withoutNewlineEscape(text, pw), out);
  }
}

/** A word without the "\\n" escape that ends a printf's or an echo -e's password ('Xk29…\\n'), and its quotes. */
function withoutNewlineEscape(text: string, w: ShellWord): ShellWord {
  if (!w.value.endsWith("\\n")) return w;
  const q = text.charCodeAt(w.start);
  const quoted = (q === 34 || q === 39) && w.end - w.start >= 2 && text.charCodeAt(w.end - 1) === q;
  const end = (quoted ? w.end - 1 : w.end) - 2;
  if (text.slice(end, end + 2) !== "\\n") return w;
  return { start: quoted ? w.start + 1 : w.start, end, value: w.value.slice(0, -2) };
}

/** `wpa_passphrase SSID PASSPHRASE` (a Wi-Fi network's key), `vault login TOKEN` (HashiCorp Vault's token). */
function positionalSecrets(text: string, lower: string, out: Detection[]): void {
  if (lower.includes("wpa_passphrase"))
    for (const s of commandStarts(lower, "wpa_passphrase")) {
      const words = commandWords(text, s + "wpa_passphrase".length);
      if (words.length === 2) password(text, words[1], out);
    }
  if (lower.includes("vault"))
    for (const s of commandStarts(lower, "vault")) {
      const words = commandWords(text, s + "vault".length);
      if (words[0]?.value !== "login") continue;
      // the first argument that is no flag and no "name=value" of an auth method
      const token = words.slice(1).find((w) => !w.value.startsWith("-") && !w.value.includes("="));
      if (token !== undefined && looksRandom(token.value.replace(/^(?:hv[sbr]|s|b|r)\./, ""), 16))
        password(text, token, out);
    }
}

/** openssl's `-pass pass:X`, `-passin pass:X`, `-passout pass:X`, and `-k X`. */
function opensslPass(text: string, lower: string, out: Detection[]): void {
  for (const s of commandStarts(lower, "openssl")) {
    const words = commandWords(text, s + 7);
    for (let k = 0; k + 1 < words.length; k++) {
      const f = words[k]!.value;
      const next = words[k + 1]!;
      if ((f === "-pass" || f === "-passin" || f === "-passout") && next.value.startsWith("pass:")) {
        const pw = after(text, next, ":");
        if (pw) password(text, pw, out);
      } else if (f === "-k") password(text, next, out);
    }
  }
}

/** `xfreerdp /p:X`, `smbclient -U user%X`, `lftp -u user,X`. */
function remoteLogins(text: string, lower: string, out: Detection[]): void {
  for (const s of commandStarts(lower, "xfreerdp")) {
    for (const w of commandWords(text, s + 8))
      if (/^\/p(?:assword)?:/i.test(w.value)) {
        const pw = after(text, w, ":");
        if (pw) password(text, pw, out);
      }
  }
  for (const [name, flag, sep] of [
    ["smbclient", "-U", "%"],
    ["lftp", "-u", ","],
  ] as const) {
    for (const s of commandStarts(lower, name)) {
      const words = commandWords(text, s + name.length);
      for (let k = 0; k + 1 < words.length; k++)
        if (words[k]!.value === flag) {
          const pw = after(text, words[k + 1]!, sep);
          if (pw) password(text, pw, out);
        }
    }
  }
}

/**
 * Passwords given to commands as plain arguments (see the module's comment).
 * @example commandSecrets.detect({ text: "htpasswd -b .htpasswd jdoe Xk29mQ7zQ", lower: "htpasswd -b .htpasswd jdoe xk29mq7zq", channel: "typed" })[0].start // 27
 */
export const commandSecrets: Recognizer = {
  id: ID,
  types: ["SECRET:password"],
  // the command names each parser looks for
  triggers: {
    lower: [
      "htpasswd",
      "net ",
      "echo",
      "printf",
      "<<<",
      "openssl",
      "xfreerdp",
      "smbclient",
      "lftp",
      "wpa_passphrase",
      "vault",
    ],
  },
  detect({ text, lower }) {
    const out = OUT;
    if (out.length !== 0) out.length = 0;
    // (the engine's lower-cased text has the text's length unless lower-casing changed it; then nothing here)
    if (lower.length !== text.length) return [];
    if (lower.includes("htpasswd")) htpasswd(text, lower, out);
    if (lower.includes("net ")) netUser(text, lower, out);
    if (lower.includes("echo") || lower.includes("printf")) echoedIntoStdin(text, lower, out);
    if (text.includes("<<<")) hereString(text, out);
    if (lower.includes("wpa_passphrase") || lower.includes("vault")) positionalSecrets(text, lower, out);
    if (lower.includes("openssl")) opensslPass(text, lower, out);
    if (lower.includes("xfreerdp") || lower.includes("smbclient") || lower.includes("lftp"))
      remoteLogins(text, lower, out);
    return results(out);
  },
};
