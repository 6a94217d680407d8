import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { RecognizerInput } from "../../types.js";
import { acceptValue, classifyKey, keyedSecrets, keyWords } from "./keyed.js";

const input = (text: string): RecognizerInput => ({ text, lower: text.toLowerCase(), channel: "typed" });
const spans = (text: string) =>
  keyedSecrets.detect(input(text)).map((d) => [text.slice(d.start, d.end), d.type]);

describe("key names", () => {
  it("splits identifiers into words", () => {
    expect(keyWords("azureClientSecret")).toEqual(["azure", "client", "secret"]);
    expect(keyWords("AWS_SECRET_ACCESS_KEY")).toEqual(["aws", "secret", "access", "key"]);
    expect(keyWords("X-API-Key")).toEqual(["x", "api", "key"]);
    expect(keyWords("HTTPServerToken")).toEqual(["http", "server", "token"]);
    expect(keyWords("_authToken")).toEqual(["auth", "token"]);
  });

  it.each([
    ["DB_PASSWORD", "password"],
    ["PGPASSWORD", "password"],
    ["db.pass", "password"],
    ["Passwort", "password"],
    ["wachtwoord", "password"],
    ["client_secret", "secret"],
    ["apiKey", "secret"],
    ["X-Auth-Token", "secret"],
    ["GITHUB_TOKEN", "secret"],
    ["signing_key", "secret"],
    ["sig", "secret"],
    ["ANY_KEY", "key"],
    ["MAILGUN_KEY", "service-key"],
    ["key", "key"],
    ["MY_KEY", "key"],
    ["GPG_KEY", "key"],
    ["IDEMPOTENCY_KEY", "key"],
    ["password_min_length", null],
    ["passwordField", null],
    ["token_type", null],
    ["max_tokens", null],
    ["public_key", null],
    ["client_id", null],
    ["keyboard", null],
    ["monkey", null],
    ["bypass_cache", null],
    ["author", null],
    ["username", null],
  ])("%s → %s", (ident, cls) => {
    expect(classifyKey(ident)).toBe(cls);
  });
});

describe("values", () => {
  it("passwords: anything but placeholders, trivial values and code references", () => {
    expect(acceptValue("password", "hunter2", false)).toBe(true);
    expect(acceptValue("password", "strongp@55!", false)).toBe(true);
    expect(acceptValue("password", "changeme", true)).toBe(false);
    expect(acceptValue("password", "${DB_PASS}", true)).toBe(false);
    expect(acceptValue("password", "os.environ.get", false)).toBe(false);
    expect(acceptValue("password", "user_password", false, true)).toBe(false);
  });

  it("secrets and keys: high entropy, not encoded prose, hashes or paths", () => {
    expect(acceptValue("secret", "ahDzWAqqBHgpAeUBUULuU0gA4p09rt0WDAsUOmFg", true)).toBe(true);
    expect(acceptValue("secret", "not_a_real_token", false)).toBe(false);
    expect(acceptValue("key", "ZHVtbXkgdGV4dCBkYXRhIGRhdGEgZGF0YQ==", false)).toBe(false);
    expect(acceptValue("key", "d41d8cd98f00b204e9800998ecf8427e", true)).toBe(false);
    // a key named for a service: services issue hex and UUID keys (a GPG key's long id is no such key)
    expect(acceptValue("service-key", "c4a1e9f0b2d83c7e6f5a4b3c2d1e0f9a8b7c6d5e", true)).toBe(true);
    expect(acceptValue("service-key", "3f2b9c1e-8a4d-4e7f-b6c5-9d0a1e2f3b4c", true)).toBe(true);
    expect(acceptValue("service-key", "A035C8C19219BA82", true)).toBe(false);
    expect(acceptValue("service-key", "0000000000000000000000000000000000000000", true)).toBe(false);
    expect(acceptValue("secret", "/etc/ssl/private/server.key", true)).toBe(false);
    expect(acceptValue("secret", "https://vault.example.com/v1/x", true)).toBe(false);
  });
});

describe("assignments", () => {
  it.each([
    [
      "AWS_SECRET_ACCESS_KEY = q9Zr2LmKx7Pw4Vt1Nb8Hs3Jd6Gf0Yc5Ue2Ra9Xo1",
      "AWS_SECRET_ACCESS_KEY = q9Zr2LmKx7Pw4Vt1Nb8Hs3Jd6Gf0Yc5Ue2Ra9Xo1",
      "SECRET:aws",
    ],
    ['"AWS_ACCOUNT_ID"=>0000-0000-0000', 'AWS_ACCOUNT_ID"=>0000-0000-0000', "SECRET:aws"],
    [
      'ad_tenant_id: "dac6fb3d-713c-4555-8a97-4089aa3849be"',
      'ad_tenant_id: "dac6fb3d-713c-4555-8a97-4089aa3849be',
      "SECRET:azure",
    ],
    [
      'var azureClientSecret := "ahDzWAqqBHgpAeUBUULuU0gA4p09rt0WDAsUOmFg"',
      'azureClientSecret := "ahDzWAqqBHgpAeUBUULuU0gA4p09rt0WDAsUOmFg',
      "SECRET:azure",
    ],
    [
      "//registry.npmjs.org/:_authToken=npmQ7x2Kd9LmZp4Rt8Wv",
      "_authToken=npmQ7x2Kd9LmZp4Rt8Wv",
      "SECRET:npm",
    ],
    [
      'HEROKU_API_KEY="01234567-89ab-cdef-0123-456789abcdef"',
      'HEROKU_API_KEY="01234567-89ab-cdef-0123-456789abcdef',
      "SECRET:heroku",
    ],
    [
      "ALGOLIA_ADMIN_KEY=0123456789abcdef0123456789abcdef",
      "ALGOLIA_ADMIN_KEY=0123456789abcdef0123456789abcdef",
      "SECRET:algolia",
    ],
  ])("%s", (text, covered, type) => {
    expect(spans(text)).toContainEqual([covered, type]);
  });

  it("generic secrets in .env, JSON, YAML, PHP and Go", () => {
    expect(spans('API_TOKEN="k8Hq2mZx9PqL4wRtY7vB"')[0]?.[1]).toBe("SECRET:high-entropy");
    expect(spans('{"apiKey": "k8Hq2mZx9PqL4wRtY7vB3n"}')[0]?.[0]).toBe('apiKey": "k8Hq2mZx9PqL4wRtY7vB3n');
    expect(spans("client_secret: k8Hq2mZx9PqL4wRtY7vB3n")[0]?.[0]).toBe(
      "client_secret: k8Hq2mZx9PqL4wRtY7vB3n",
    );
    expect(spans("$secret = 'k8Hq2mZx9PqL4wRtY7vB3n';")[0]?.[0]).toBe("secret = 'k8Hq2mZx9PqL4wRtY7vB3n");
    expect(spans('if token == "k8Hq2mZx9PqL4wRtY7vB3n" {')).toHaveLength(1);
  });

  it("passwords in config and connection strings", () => {
    expect(spans("PGPASSWORD=strongp@ss psql -h db")).toEqual([["PGPASSWORD=strongp@ss", "SECRET:password"]]);
    expect(spans("mysql --user=doadmin --password=strongp@55! --host=db")).toContainEqual([
      "password=strongp@55!",
      "SECRET:password",
    ]);
    expect(spans("Server=db;Database=app;User Id=sa;Password=Xk29mQ7z;")).toEqual([
      ["Password=Xk29mQ7z", "SECRET:connection-string"],
    ]);
    expect(spans("spring.datasource.password=Xk29mQ7z")[0]?.[0]).toBe("spring.datasource.password=Xk29mQ7z");
  });

  it("CLI flags, curl -u and XML elements", () => {
    expect(spans("tool login --token k8Hq2mZx9PqL4wRtY7vB3n --verbose")[0]?.[0]).toBe(
      "--token k8Hq2mZx9PqL4wRtY7vB3n",
    );
    expect(spans("curl -u admin:Xk29mQ7z https://api.example.com")).toContainEqual([
      "admin:Xk29mQ7z",
      "SECRET:basic-auth",
    ]);
    expect(spans("<password>Xk29mQ7z</password>")).toEqual([["Xk29mQ7z", "SECRET:password"]]);
  });

  it("curl's credentials as the shell reads them: quoted parts, no user, or a key as the user", () => {
    expect(spans("curl --user kevin:'pRf7vG2h1L8nQkW9' -X PATCH")).toContainEqual([
      "kevin:'pRf7vG2h1L8nQkW9'",
      "SECRET:basic-auth",
    ]);
    expect(spans('curl -u ":Xk29mQ7z!t" https://localhost:9200')).toContainEqual([
      '":Xk29mQ7z!t"',
      "SECRET:basic-auth",
    ]);
    expect(spans("curl https://api.example.com/v1/charges -u k8Hq2mZx9PqL4wRtY7vB3n:")).toContainEqual([
      "k8Hq2mZx9PqL4wRtY7vB3n:",
      "SECRET:basic-auth",
    ]);
    // a template of the command, and a user alone
    expect(spans("curl -u <user:password> https://example.com/endpoint")).toEqual([]);
    expect(spans("curl -u $USER:$PASS https://example.com")).toEqual([]);
    expect(spans("curl -u admin: https://example.com")).toEqual([]);
  });

  it("short password flags of the commands that take one, as typed in a terminal", () => {
    expect(spans("docker login -u admin -p Xk29mQ7zPw registry.example.com")).toEqual([
      ["Xk29mQ7zPw", "SECRET:password"],
    ]);
    expect(spans("sshpass -p 'Sup3rPw' ssh root@host")).toEqual([["Sup3rPw", "SECRET:password"]]);
    expect(spans("mysql -u root -pXk29mQ7zPw mydb")).toEqual([["Xk29mQ7zPw", "SECRET:password"]]);
    expect(spans("mongosh -u admin -p Xk29mQ7zPw")).toEqual([["Xk29mQ7zPw", "SECRET:password"]]);
    expect(spans("redis-cli -a Xk29mQ7zPw ping")).toEqual([["Xk29mQ7zPw", "SECRET:password"]]);
    // mysql's bare -p prompts (the next word is the database); a variable, stdin, ports and prose are no password
    expect(spans("mysql -u root -p mydb")).toEqual([]);
    expect(spans("docker login -u admin -p $DOCKER_PASS")).toEqual([]);
    expect(spans("docker run -p 8080:80 nginx")).toEqual([]);
    expect(spans("ssh -p 2222 host; ls -a")).toEqual([]);
    expect(spans("after login -p is required")).toEqual([]);
    // RAR, OpenLDAP and Java's keytool
    expect(spans("rar a -hpXk29mQ7zPw backup.rar docs")).toEqual([["Xk29mQ7zPw", "SECRET:password"]]);
    expect(spans("ldapsearch -x -D cn=admin,dc=example -w Xk29mQ7zPw")).toEqual([
      ["Xk29mQ7zPw", "SECRET:password"],
    ]);
    expect(spans("keytool -importkeystore -srcstorepass Xk29mQ7zPw -deststorepass Qm4Tz8Lw2R")).toEqual([
      ["Xk29mQ7zPw", "SECRET:password"],
      ["Qm4Tz8Lw2R", "SECRET:password"],
    ]);
    expect(spans("ldapsearch -x -w")).toEqual([]);
    expect(spans("please pass the salt -w it")).toEqual([]);
  });

  it("a snake_case key name then a random value, as CLI arguments", () => {
    expect(spans("aws configure set aws_secret_access_key fAkE0sEcReT/k7mDeNg+bPxRfiCYzq8Hk2L")).toEqual([
      ["aws_secret_access_key fAkE0sEcReT/k7mDeNg+bPxRfiCYzq8Hk2L", "SECRET:high-entropy"],
    ]);
    expect(spans("heroku config:set API_KEY k8Hq2mZx9PqL4wRtY7vB")).toEqual([
      ["API_KEY k8Hq2mZx9PqL4wRtY7vB", "SECRET:high-entropy"],
    ]);
    expect(spans("click the reset_password link")).toEqual([]);
    expect(spans("see my_secret_notes folder")).toEqual([]);
  });

  it.each([
    // compound assignments
    ['$billingToken .= "k8Hq2mZx9PqL4wRtY7vB3n";', "k8Hq2mZx9PqL4wRtY7vB3n"],
    ["BILLING_TOKEN ?= k8Hq2mZx9PqL4wRtY7vB3n", "k8Hq2mZx9PqL4wRtY7vB3n"],
    ["BILLING_TOKEN ::= k8Hq2mZx9PqL4wRtY7vB3n", "k8Hq2mZx9PqL4wRtY7vB3n"],
    ["BILLING_TOKEN :::= k8Hq2mZx9PqL4wRtY7vB3n", "k8Hq2mZx9PqL4wRtY7vB3n"],
    ['$apiToken ??= "k8Hq2mZx9PqL4wRtY7vB3n";', "k8Hq2mZx9PqL4wRtY7vB3n"],
    // typed declarations: the type stands between the name and '='
    ['var billingToken string = "k8Hq2mZx9PqL4wRtY7vB3n"', "k8Hq2mZx9PqL4wRtY7vB3n"],
    ['val billingToken: String = "k8Hq2mZx9PqL4wRtY7vB3n"', "k8Hq2mZx9PqL4wRtY7vB3n"],
    ['const BILLING_TOKEN: &str = "k8Hq2mZx9PqL4wRtY7vB3n";', "k8Hq2mZx9PqL4wRtY7vB3n"],
    ['export const apiKey: string = "k8Hq2mZx9PqL4wRtY7vB3n";', "k8Hq2mZx9PqL4wRtY7vB3n"],
    // subscripts
    ['os.environ["GEO_API_KEY"] = "k8Hq2mZx9PqL4wRtY7vB3n"', "k8Hq2mZx9PqL4wRtY7vB3n"],
    ["config[:geo_api_key] = 'k8Hq2mZx9PqL4wRtY7vB3n'", "k8Hq2mZx9PqL4wRtY7vB3n"],
    ["ENV['DB_PASSWORD'] = 'Tr0ub4dor&3'", "Tr0ub4dor&3"],
    // a name and a value as a call's arguments
    ['System.setProperty("GEO_API_KEY", "k8Hq2mZx9PqL4wRtY7vB3n");', "k8Hq2mZx9PqL4wRtY7vB3n"],
    ['os.environ.setdefault("DB_PASSWORD", "hunter2x")', "hunter2x"],
    // a passphrase of plain words is a password
    ['DB_PASSWORD="correct horse battery staple"', "correct horse battery staple"],
    // name/value pairs
    ['<add key="GeoApiKey" value="k8Hq2mZx9PqL4wRtY7vB3n" />', "k8Hq2mZx9PqL4wRtY7vB3n"],
    ['{"name": "GEO_API_KEY", "value": "k8Hq2mZx9PqL4wRtY7vB3n"}', "k8Hq2mZx9PqL4wRtY7vB3n"],
    ["env:\n  - name: GEO_API_KEY\n    value: k8Hq2mZx9PqL4wRtY7vB3n", "k8Hq2mZx9PqL4wRtY7vB3n"],
    // a YAML block scalar, and a line of a .env file inside a JSON string
    ["geo_api_key: |\n  k8Hq2mZx9PqL4wRtY7vB3n", "k8Hq2mZx9PqL4wRtY7vB3n"],
    ['{"app.env": "GEO_API_KEY=k8Hq2mZx9PqL4wRtY7vB3n\\nDEBUG=false"}', "k8Hq2mZx9PqL4wRtY7vB3n"],
    // values random by chance that an older test missed: hex of low entropy for base62, letters only
    ["GEO_TOKEN = 76647160a277f7276b7874a3", "76647160a277f7276b7874a3"],
    ["netlifyToken = 02325f07faf76fefc428e304322f103f", "02325f07faf76fefc428e304322f103f"],
    ["mapbox_token: NnjLTNSdKTwNZbyV", "NnjLTNSdKTwNZbyV"],
    ["QUEUE_PASSWORD ?= qYzUbwBIHsij", "qYzUbwBIHsij"],
  ])("%s: the value is found", (text, value) => {
    const at = text.indexOf(value);
    const d = keyedSecrets.detect(input(text));
    expect(d.some((x) => x.start <= at && x.end >= at + value.length)).toBe(true);
  });

  it.each([
    'fields = ["password", "email"]',
    'secret_handler: "XMLHttpRequestIdle"',
    // a translation file's labels and messages
    '"password_mismatch": "Passwords do not match",',
    '  password_too_short: "Das Passwort ist zu kurz"',
    'passwordConfirmation: "Confirm password",',
    'new_password: "Nouveau mot de passe"',
    'password_reset_sent: "Check your inbox."',
    // a public key's fingerprint, as the official Docker images pin the key they verify downloads with
    "ENV GPG_KEY 3F1A9C0E7B42D58E6A0C19B7F24E8D3A5C6B7E10",
    "GPG_KEY=6A0C19B7F24E8D3A",
    '<input type="hidden" name="authenticity_token" value="b7Kq9ZxM2pL4wRt8YvN3cF6hJ1sD5gA0">',
    'csrf_token = "b7Kq9ZxM2pL4wRt8YvN3cF6hJ1sD5gA0"',
    'keyStr = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"',
    'slack_token = "xoxb-0123456789"',
    '<entry key="contoso.build.v8_incremental" value="on" />',
    'deps = "Gradle - org.tokenlib:tkl-jackson-0.11.2"',
    'pwd = "/home/dev/projects/orders"',
    "if token == expected_token_value_here:",
    "password <= 12",
    "- name: GEO_API_URL\n  value: https://geo.example.com",
  ])("no secret in %s", (text) => {
    expect(spans(text)).toEqual([]);
  });

  it("prose 'token: value' covers only the value", () => {
    expect(spans("the token: k8Hq2mZx9PqL4wRtY7vB3n")).toEqual([
      ["k8Hq2mZx9PqL4wRtY7vB3n", "SECRET:high-entropy"],
    ]);
  });

  it.each([
    "AWS_SECRET_ACCESS_KEY = ${AWS_SECRET}",
    "# encrypted with KMS\nAWS_SECRET_ACCESS_KEY = R6WCNd0erkAuZyD+Fe8C4IwjpYQtniKqnHAzE7Pk5fPrBRpwOnuYxA==",
    "ANY_KEY = ZHVtbXkgdGV4dCBkYXRhIGRhdGEgZGF0YQ==",
    "DOCKER_TOKEN=not_a_real_token",
    'DOTENV_PUBLIC_KEY="037cfbfc90234cfdab7eb54050566293789efaa1a35dc420749662db400dc9c4b2"',
    '"private_key_id": "DUMMY", "private_key": "DUMMY"',
    "password = request.form.password",
    'password: ""',
    "password=${PASSWORD}",
    '{"key": "Enter", "code": "Enter"}',
    'cache_key: "user:1234:profile"',
    'sha256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"',
    "token_type: Bearer",
    "export VAULT_ADDR=https://vault.example.com:8200",
    "Time: 10:30, ratio 1:2, a == b",
    // an SDK's constants and placeholders: identifiers made of words
    'GenerateDataKeyWithoutPlaintext: "GenerateDataKeyWithoutPlaintext",',
    "exports.CancelKeyDeletionRequest$ = CancelKeyDeletionRequest$;",
    'signing_key: "generate_data_key_pair"',
    'KeyStorePassword: "STRING_VALUE",',
  ])("no secret in %s", (text) => {
    expect(spans(text)).toEqual([]);
  });

  it("finds random high-entropy values under secret names (property)", () => {
    const alnum = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    fc.assert(
      fc.property(
        fc.constantFrom("API_KEY", "apiSecret", "auth_token", "CLIENT_SECRET", "access-token", "x-api-key"),
        fc.constantFrom("=", ": ", " = ", ":="),
        // unbiased: fast-check's default bias favours the first characters, and a value of mostly "A"s is not
        // random (its entropy is below the bar a real secret clears)
        fc.noBias(fc.array(fc.constantFrom(...alnum.split("")), { minLength: 20, maxLength: 48 })),
        (name, op, chars) => {
          const value = chars.join("") + "9";
          fc.pre(new Set(value).size > 12);
          const text = `${name}${op}"${value}"`;
          const d = keyedSecrets.detect(input(text));
          expect(
            d.some((x) => x.start <= text.indexOf(value) && x.end >= text.indexOf(value) + value.length),
          ).toBe(true);
        },
      ),
    );
  });

  it("random non-secret key names are not flagged (property)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("name", "title", "color", "user_id", "createdAt", "email", "city", "count", "url"),
        fc.stringMatching(/^[A-Za-z0-9]{8,40}$/),
        (name, value) => {
          expect(keyedSecrets.detect(input(`${name}: "${value}"`))).toEqual([]);
        },
      ),
    );
  });
});

describe("a password's dots", () => {
  it("random letters around a dot are a password, not a member access; a line's last dot is the value's", () => {
    const covers = (text: string, value: string) =>
      keyedSecrets.detect(input(text)).some((d) => {
        const i = text.indexOf(value);
        return d.start <= i && d.end >= i + value.length;
      });
    expect(covers("MAILER_PASSWORD=GecZ.ny6w5VE", "GecZ.ny6w5VE")).toBe(true);
    expect(covers("MAILER_PASSWORD=ms_8ssYN4ax.", "ms_8ssYN4ax.")).toBe(true);
    expect(covers("env:\n  - name: SMS_PASSWORD\n    value: 3hMORbz2.dE.", "3hMORbz2.dE.")).toBe(true);
    // member accesses stay code
    expect(spans("DB_PASSWORD=config.password")).toEqual([]);
    expect(spans("DB_PASSWORD=settings.db.pass")).toEqual([]);
    expect(spans("DB_PASSWORD=cfg.dbPW")).toEqual([]);
  });
});
