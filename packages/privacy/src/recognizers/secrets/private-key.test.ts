import { randomBytes } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { RecognizerInput } from "../../types.js";
import { isRealKeyBody, privateKey } from "./private-key.js";

const input = (text: string): RecognizerInput => ({ text, lower: text.toLowerCase(), channel: "typed" });
const detect = (text: string) => privateKey.detect(input(text));

/** A fake PEM block: random bytes, base64 in 64-char lines. */
function pem(label: string, bytes = 256, nl = "\n"): string {
  const b64 = randomBytes(bytes).toString("base64");
  const lines = b64.match(/.{1,64}/g)!.join(nl);
  return `-----BEGIN ${label}-----${nl}${lines}${nl}-----END ${label}-----`;
}

describe("PEM private keys", () => {
  it.each([
    "PRIVATE KEY",
    "RSA PRIVATE KEY",
    "EC PRIVATE KEY",
    "DSA PRIVATE KEY",
    "ENCRYPTED PRIVATE KEY",
    "OPENSSH PRIVATE KEY",
  ])("%s block is covered from BEGIN to the end of END", (label) => {
    const key = pem(label);
    const text = `here it is:\n${key}\nthanks`;
    const d = detect(text);
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ start: 12, end: 12 + key.length, type: "SECRET:private-key", level: 4 });
  });

  it("handles PEM headers of encrypted keys and PGP armour", () => {
    const body = randomBytes(300)
      .toString("base64")
      .match(/.{1,64}/g)!
      .join("\n");
    const enc = `-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,0123456789ABCDEF\n\n${body}\n-----END RSA PRIVATE KEY-----`;
    expect(detect(enc)).toHaveLength(1);
    const pgp = `-----BEGIN PGP PRIVATE KEY BLOCK-----\nVersion: fake 1.0\n\n${body}\n=abcd\n-----END PGP PRIVATE KEY BLOCK-----`;
    expect(detect(pgp)[0]).toMatchObject({ start: 0, end: pgp.length });
  });

  it("finds keys inside JSON strings with \\n escapes", () => {
    const key = pem("PRIVATE KEY", 256, "\\n");
    const json = `{"key": "${key}\\n", "prop": "value"}`;
    const d = detect(json);
    expect(d).toHaveLength(1);
    expect(json.slice(d[0]!.start, d[0]!.end)).toBe(key);
  });

  it("reports a whole Google service-account JSON object as SECRET:gcp", () => {
    const key = pem("PRIVATE KEY", 600, "\\n");
    const obj = `{\n  "type": "service_account",\n  "project_id": "fake-project",\n  "private_key_id": "0000",\n  "private_key": "${key}\\n",\n  "client_email": "fake@fake-project.iam.gserviceaccount.com"\n}`;
    const text = `SA=${obj}\n`;
    const gcp = detect(text).find((d) => d.type === "SECRET:gcp");
    expect(gcp).toMatchObject({ start: 3, end: 3 + obj.length });
  });

  it("still reports a key whose END marker is missing (truncated paste)", () => {
    const key = pem("RSA PRIVATE KEY");
    const truncated = key.slice(0, key.indexOf("-----END"));
    const text = `${truncated}\nthanks for your help`;
    const d = detect(text);
    expect(d).toHaveLength(1);
    expect(d[0]!.end).toBe(truncated.length - 1); // up to the last base64 line, not the prose after it
  });

  it("tolerates a short END marker", () => {
    const key = pem("PRIVATE KEY").replace(/-----$/, "----");
    expect(detect(key)).toHaveLength(1);
  });

  it("reports PuTTY key files", () => {
    const lines = randomBytes(400)
      .toString("base64")
      .match(/.{1,64}/g)!;
    const ppk = `PuTTY-User-Key-File-3: ssh-rsa\nEncryption: none\nComment: fake\nPublic-Lines: 1\nAAAAB3NzaC1yc2E\nPrivate-Lines: ${lines.length}\n${lines.join("\n")}\nPrivate-MAC: 00ff00ff`;
    expect(detect(ppk)[0]).toMatchObject({ start: 0, end: ppk.length, type: "SECRET:private-key" });
  });
});

describe("placeholders are not keys", () => {
  it.each([
    ["dots", "-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----"],
    ["dots in JSON", '{"private_key":"-----BEGIN PRIVATE KEY-----\\n...\\n-----END PRIVATE KEY-----\\n"}'],
    ["stars", "-----BEGIN PRIVATE KEY-----\n***\n-----END PRIVATE KEY-----"],
    ["xxx", "-----BEGIN PRIVATE KEY-----\nxxx\n-----END PRIVATE KEY-----"],
    [
      "short base64",
      "-----BEGIN PRIVATE KEY-----\nYWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXo=\n-----END PRIVATE KEY-----",
    ],
    [
      "angle-bracket template",
      "-----BEGIN RSA PRIVATE KEY-----\n<your key here, base64 encoded, many lines of it in fact>\n-----END RSA PRIVATE KEY-----",
    ],
    [
      "public key",
      `-----BEGIN PUBLIC KEY-----\n${"MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA".repeat(3)}\n-----END PUBLIC KEY-----`,
    ],
    [
      "certificate",
      `-----BEGIN CERTIFICATE-----\n${"MIIDOjCCAiICCQCmbkQEYlfyoTANBgkqhkiG9w0BAQUF".repeat(3)}\n-----END CERTIFICATE-----`,
    ],
  ])("%s", (_n, text) => {
    expect(detect(text)).toEqual([]);
  });

  it("isRealKeyBody: random base64 of 60+ chars is a key body, repeated chars are not", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 48, maxLength: 400 }), (bytes) => {
        const b64 = Buffer.from(bytes).toString("base64");
        fc.pre(new Set(b64).size >= 20 && !/x{4}|X{4}/.test(b64));
        expect(isRealKeyBody(`\n${b64}\n`)).toBe(true);
      }),
    );
    expect(isRealKeyBody("A".repeat(200))).toBe(false);
  });
});
