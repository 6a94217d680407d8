import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { redact } from "../../engine.js";
import { commandSecrets } from "./commands.js";

const found = (text: string) =>
  commandSecrets
    .detect({ text, lower: text.toLowerCase(), channel: "typed" })
    .map((d) => text.slice(d.start, d.end));

describe("passwords that commands take as plain arguments", () => {
  it.each([
    ["htpasswd -b .htpasswd jdoe Xk29mQ7zQ", "Xk29mQ7zQ"],
    ["sudo htpasswd -bc /etc/nginx/.htpasswd jdoe 'Tr0ub4dor&3'", "Tr0ub4dor&3"],
    ["htpasswd -nb jdoe Xk29mQ7zQ", "Xk29mQ7zQ"],
    ["net user jdoe Xk29mQ7zQ /add", "Xk29mQ7zQ"],
    ["NET USER jdoe Xk29mQ7zQ", "Xk29mQ7zQ"],
    ["echo Xk29mQ7zQ | docker login -u jdoe --password-stdin registry.example.com", "Xk29mQ7zQ"],
    ['echo -n "Xk29mQ7zQ" | helm registry login -u jdoe --password-stdin', "Xk29mQ7zQ"],
    ['echo "jdoe:Xk29mQ7zQ" | sudo chpasswd', "Xk29mQ7zQ"],
    ["openssl pkcs12 -export -in a.crt -passout pass:Xk29mQ7zQ -out a.p12", "Xk29mQ7zQ"],
    ["openssl rsa -in key.pem -passin pass:Xk29mQ7zQ", "Xk29mQ7zQ"],
    ["openssl enc -aes-256-cbc -k Xk29mQ7zQ -in notes.txt", "Xk29mQ7zQ"],
    ["xfreerdp /v:10.0.0.5 /u:jdoe /p:Xk29mQ7zQ", "Xk29mQ7zQ"],
    ["smbclient //srv/share -U jdoe%Xk29mQ7zQ", "Xk29mQ7zQ"],
    ["lftp -u jdoe,Xk29mQ7zQ ftp.example.com", "Xk29mQ7zQ"],
    // a password fed to sudo's or passwd's standard input
    ["echo 'Xk29mQ7zQ' | sudo -S apt update", "Xk29mQ7zQ"],
    ["echo Xk29mQ7zQ | sudo -kS true", "Xk29mQ7zQ"],
    ["printf 'Xk29mQ7zQ\\n' | sudo --stdin true", "Xk29mQ7zQ"],
    ["echo Xk29mQ7zQ | passwd --stdin jdoe", "Xk29mQ7zQ"],
    ["sudo -S <<< 'Xk29mQ7zQ' apt update", "Xk29mQ7zQ"],
    ["sudo -S systemctl restart nginx <<< Xk29mQ7zQ", "Xk29mQ7zQ"],
    ["chpasswd <<< 'jdoe:Xk29mQ7zQ'", "Xk29mQ7zQ"],
    // a Wi-Fi network's passphrase, HashiCorp Vault's token
    ["wpa_passphrase HomeNet Xk29mQ7zQ", "Xk29mQ7zQ"],
    ["vault login s.Xk29mQ7zQAbCdEfGh1234567", "s.Xk29mQ7zQAbCdEfGh1234567"],
  ])("%s", (text, value) => {
    expect(found(text)).toEqual([value]);
  });

  it.each([
    // a shell (-s), a pipe into another command, a here-string to another command, a variable
    "echo hello | sudo -s",
    "echo Xk29mQ7zQ | sudo tee /etc/motd",
    'cat <<< "Xk29mQ7zQ"',
    "echo $PASS | sudo -S ls",
    "vault login -method=userpass username=jdoe",
    "vault login",
    "wpa_passphrase HomeNet",
    "htpasswd -c .htpasswd jdoe",
    "htpasswd -b .htpasswd jdoe $PASSWORD",
    "net user jdoe * /add",
    "net user jdoe /delete",
    "net use Z: \\\\srv\\share",
    'echo "$REGISTRY_TOKEN" | docker login -u jdoe --password-stdin',
    "echo hello | grep h",
    "echo done; docker login --password-stdin",
    "openssl enc -aes-256-cbc -pass env:SECRET -in a",
    "openssl rsa -passin file:pass.txt",
    "smbclient //srv/share -U jdoe",
    "the internet user base grew",
    "lftp -u jdoe ftp.example.com",
  ])("no password in %s", (text) => {
    expect(found(text)).toEqual([]);
  });

  it("through the engine, with the flags the keyed recognizer reads", () => {
    const masked = (t: string) => redact(t, { channel: "typed" }).redacted;
    expect(masked("az login -u jdoe@example.com -p Xk29mQ7zQ")).not.toContain("Xk29mQ7zQ");
    expect(masked("zip -P Xk29mQ7zQ backup.zip notes.txt")).not.toContain("Xk29mQ7zQ");
    expect(masked("7z a -pXk29mQ7zQ backup.7z notes.txt")).not.toContain("Xk29mQ7zQ");
    expect(masked("ssh-keygen -t ed25519 -N Xk29mQ7zQ -f id_ci")).not.toContain("Xk29mQ7zQ");
    expect(masked("ssh-keygen -p -P Xk29mQ7zQ -N Tr0ub4dor3 -f id_ci")).not.toMatch(/Xk29mQ7zQ|Tr0ub4dor3/);
    expect(masked("sqlcmd -S db -U sa -P Xk29mQ7zQ -Q 'select 1'")).not.toContain("Xk29mQ7zQ");
    expect(masked("htpasswd -b .htpasswd jdoe Xk29mQ7zQ")).not.toContain("Xk29mQ7zQ");
  });

  it("spans lie within the text, on any words after the commands' names (property)", () => {
    const word = fc.constantFrom(
      "htpasswd",
      "net",
      "user",
      "echo",
      "|",
      "openssl",
      "-b",
      "-nb",
      "-k",
      "pass:x1Y2z3W4",
      "/p:Ab1",
      "-U",
      "a%Bc12345",
      "xfreerdp",
      "smbclient",
      "lftp",
      "-u",
      "a,Bc12345",
      '"',
      "'",
      "\n",
      "--password-stdin",
      "chpasswd",
      "Xk29mQ7zQ",
      "*",
    );
    fc.assert(
      fc.property(fc.array(word, { maxLength: 30 }), (words) => {
        const text = words.join(" ");
        for (const d of commandSecrets.detect({ text, lower: text.toLowerCase(), channel: "typed" })) {
          expect(d.start).toBeGreaterThanOrEqual(0);
          expect(d.end).toBeLessThanOrEqual(text.length);
          expect(d.end).toBeGreaterThan(d.start);
        }
      }),
    );
  });
});
