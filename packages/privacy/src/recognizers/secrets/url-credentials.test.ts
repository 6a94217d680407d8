import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { RecognizerInput } from "../../types.js";
import { isRealUrlPassword, urlCredentials } from "./url-credentials.js";

const input = (text: string): RecognizerInput => ({ text, lower: text.toLowerCase(), channel: "typed" });
const detect = (text: string) => urlCredentials.detect(input(text));
const spans = (text: string) => detect(text).map((d) => [text.slice(d.start, d.end), d.type]);

describe("credentials in URLs", () => {
  it.each([
    ["ftp://bob:Tr0ub4dor@files.example.org/x", "ftp://bob:Tr0ub4dor@files.example.org"],
    ["see https://user:pass@example.com here", "https://user:pass@example.com"],
    ["[url](https://deploy:s3cur3K3y2024@ci.example.net)", "https://deploy:s3cur3K3y2024@ci.example.net"],
    ["svn+ssh://alice:Xy7!pq2@svn.example.org/trunk", "svn+ssh://alice:Xy7!pq2@svn.example.org"],
    [
      "https://svc:myC0mpl3xP@ss@service.internal:8443/api",
      "https://svc:myC0mpl3xP@ss@service.internal:8443",
    ],
  ])("%s", (text, expected) => {
    expect(spans(text)).toEqual([[expected, "SECRET:url-credentials"]]);
  });

  it("reports database and broker URIs whole, as connection strings (jdbc: included)", () => {
    expect(spans('DB="postgresql://app:k9Lm2xQ7@db.example.net:5432/prod?sslmode=require"')).toEqual([
      ["postgresql://app:k9Lm2xQ7@db.example.net:5432/prod?sslmode=require", "SECRET:connection-string"],
    ]);
    expect(spans("jdbc:mysql://admin:str0ngP4ss@db.example.com:3306/app_db")[0]).toEqual([
      "jdbc:mysql://admin:str0ngP4ss@db.example.com:3306/app_db",
      "SECRET:connection-string",
    ]);
    for (const scheme of ["mongodb+srv", "redis", "rediss", "amqp", "mssql", "mysql", "postgres"]) {
      expect(detect(`${scheme}://u:Qz8vR2mK@h.example/x`)[0]?.type, scheme).toBe("SECRET:connection-string");
    }
  });

  it("treats a token used as the user name as a credential", () => {
    const t = "https://0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b:x-oauth-basic@github.com/fake/repo.git";
    expect(spans(`"git+${t}"`)[0]?.[0]).toBe(
      "git+https://0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b:x-oauth-basic@github.com",
    );
    expect(detect("https://k8Hq2mZx9PqL4wRtY7vB3nC6@host.example/x")).toHaveLength(1);
  });

  it("masks credential query parameters", () => {
    const text =
      "https://acct.blob.core.windows.net/c/f?sv=2023-01-01&sig=Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA%3D&se=2030";
    expect(spans(text)).toEqual([["Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA%3D", "SECRET:url-token"]]);
    expect(spans("https://api.example.com/v1?access_token=ya29Qk8Hq2mZx9PqLwRt&x=1")[0]?.[0]).toBe(
      "ya29Qk8Hq2mZx9PqLwRt",
    );
    expect(detect("https://example.com/?token=${TOKEN}")).toEqual([]);
  });

  it.each([
    "https://${username}:${password}@api.example.com/v1",
    "https://{{user}}:{{pass}}@config.example.com",
    "https://{USER}:{PASS}@template.example.com",
    "https://username:password@example.com/api",
    "https://username:mypassword@test.com/endpoint",
    "https://YOUR_USERNAME:YOUR_PASSWORD@api.service.com",
    "https://username:REPLACE_WITH_PASSWORD@example.org",
    "https://user:abc@api.com/v1",
    "https://user:1111@service.com/api",
    "https://testuser:xxxx@demo.com",
    "mongodb://mongodb:mongodb@localhost:27017/database",
    "postgres://postgres@${POSTGRES_HOST:-localhost}:${POSTGRES_PORT:-5432}/db",
    "postgres://$(PGUSER):$(PGPASSWORD)@$(PGHOST)/$(PGDATABASE)",
    "https://example.com/path/@user:foo",
    "mongodb://localhost:27017/database",
    "http://[::1]:8080/",
  ])("no credential in %s", (text) => {
    expect(detect(text)).toEqual([]);
  });

  it("isRealUrlPassword", () => {
    expect(isRealUrlPassword("u", "password")).toBe(false);
    expect(isRealUrlPassword("u", "your_password")).toBe(false);
    expect(isRealUrlPassword("root", "root")).toBe(false);
    expect(isRealUrlPassword("u", "secret123")).toBe(true);
  });

  it("finds random user:password pairs in any scheme (property)", () => {
    const alnum = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    fc.assert(
      fc.property(
        fc.constantFrom("http", "https", "ftp", "sftp", "smb", "git", "postgres", "mongodb"),
        fc.stringMatching(/^[a-z][a-z0-9]{2,10}$/),
        fc.array(fc.constantFrom(...alnum.split("")), { minLength: 8, maxLength: 24 }),
        (scheme, user, pw) => {
          const pass = pw.join("") + "7";
          fc.pre(pass !== user && !/(.)\1{3}/.test(pass));
          const url = `${scheme}://${user}:${pass}@host.example.net/path`;
          const d = detect(`connect to ${url} now`);
          expect(d).toHaveLength(1);
          const covered = `connect to ${url} now`.slice(d[0]!.start, d[0]!.end);
          expect(covered).toContain(`${user}:${pass}@host.example.net`);
        },
      ),
    );
  });
});
