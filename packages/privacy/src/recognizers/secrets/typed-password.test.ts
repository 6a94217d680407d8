import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { RecognizerInput } from "../../types.js";
import {
  ANNOUNCER_PATTERN,
  announcedSecrets,
  announcerStarts,
  trieAlternation,
  validValue,
} from "./typed-password.js";
import { alignedLower } from "./util.js";

const input = (text: string): RecognizerInput => ({ text, lower: text.toLowerCase(), channel: "typed" });
const values = (text: string) => announcedSecrets.detect(input(text)).map((d) => text.slice(d.start, d.end));
const typed = (text: string) =>
  announcedSecrets.detect(input(text)).map((d) => [text.slice(d.start, d.end), d.type]);

describe("typed passwords", () => {
  it.each([
    ["my password is hunter2", "hunter2"],
    ["My password is sunshine42!", "sunshine42!"],
    ["password: Tr0ub4dor&3", "Tr0ub4dor&3"],
    ["Password:Tr0ub4dor", "Tr0ub4dor"],
    ["pwd=Xk29mQ7z", "Xk29mQ7z"],
    ["the password for gmail is k8Hq2mZx", "k8Hq2mZx"],
    ["wifi password: correcthorse", "correcthorse"],
    ["I changed my password to Qwerty!2024", "Qwerty!2024"],
    ["the password is now dragonfly", "dragonfly"],
    ["my password is 'correct horse battery staple'", "correct horse battery staple"],
    // other languages
    ["Mein Passwort ist Geheim123", "Geheim123"],
    ["Kennwort: Sommer2024!", "Sommer2024!"],
    ["mon mot de passe est azerty12", "azerty12"],
    ["mot de passe : Soleil2024", "Soleil2024"],
    ["mi contraseña es gato1234", "gato1234"],
    ["la mia password è Roma2024", "Roma2024"],
    ["minha senha é Brasil2024", "Brasil2024"],
    ["mijn wachtwoord is Fiets2024", "Fiets2024"],
    ["lösenord: Sommar2024", "Sommar2024"],
    ["hasło: Wisla2024", "Wisla2024"],
    // more languages and scripts (session 17)
    ["geslo: Ljubljana2024", "Ljubljana2024"],
    ["lozinka je Zagreb2024", "Zagreb2024"],
    ["parool: Tallinn2024", "Tallinn2024"],
    ["slaptažodis: Vilnius2024", "Vilnius2024"],
    ["parole: Riga2024x", "Riga2024x"],
    ["סיסמה: Xk29mQ7z", "Xk29mQ7z"],
    ["كلمة المرور: Xk29mQ7z", "Xk29mQ7z"],
    ["पासवर्ड: Xk29mQ7z", "Xk29mQ7z"],
    ["mật khẩu của tôi là Xk29mQ7z", "Xk29mQ7z"],
    ["kata sandi saya adalah Xk29mQ7z", "Xk29mQ7z"],
    ["認証コード: 482913", "482913"],
    // no verb or colon, before a value with three kinds of character
    ["мой пароль Xk29mQ7z", "Xk29mQ7z"],
    ["wifi password Tr0ub4dor&3 for guests", "Tr0ub4dor&3"],
    ["пароль: Moskva2024", "Moskva2024"],
    ["密码是abc12345", "abc12345"],
    ["パスワード：tokyo2024", "tokyo2024"],
    // short forms and credential pairs
    ["user: jsmith pass: Welcome1!", "Welcome1!"],
    ["wifi: GuestNet / pw BlueSky42", "BlueSky42"],
    ["login admin / admin123", "admin123"],
    ["creds: jsmith/Welcome1!", "Welcome1!"],
  ])("%s", (text, value) => {
    expect(values(text)).toEqual([value]);
  });

  it.each([
    "pass: correcthorse",
    "boarding pass: 12A, bus pass: AB-1234",
    "user: x, test pass: v2.1.0",
    "pwd /home/user",
    "LOGIN (https://acme.example.com",
    "the login page / docs",
    "the password is incorrect",
    // code that calls a function for the password
    "password = getpass.getpass()",
    "password = get_password()",
    "Your password is too short.",
    "password is required",
    "I forgot my password again",
    // a direct value needs a space and three kinds of character
    "password reset link sent",
    "the password policy requires 12 chars",
    'const URI = "mongodb://username:password@localhost:27017/database";',
    "מה הסיסמה",
    // French "parole" is speech
    "la parole est à Marie2 maintenant",
    "reset your password here",
    "password reset link is https://example.com/reset",
    "passwords are hashed with argon2",
    "Password: ********",
    "password: <your password>",
    "the password is not what you think",
    "Passwort ist falsch",
    "le mot de passe est incorrect",
    "la contraseña es obligatoria",
    "a password manager is useful",
    "she passed the exam with a compass",
  ])("no password in %s", (text) => {
    expect(values(text)).toEqual([]);
  });

  it("validValue rejects sentence words after a verb but accepts them after a colon", () => {
    expect(validValue("password", "required", true)).toBe(false);
    expect(validValue("password", "dragonfly", false)).toBe(true);
    expect(validValue("password", "amazing", false)).toBe(false);
    expect(validValue("password", "definitely", false)).toBe(false);
    expect(validValue("password", "changed", false)).toBe(false);
  });
});

describe("keys and tokens told in prose", () => {
  it("a random-looking value after 'secret', 'api key', 'token'… and a verb", () => {
    expect(typed("the secret is fAkE0sEcReT/k7mDeNg+bPxRfiCYzq8Hk2L")).toEqual([
      ["fAkE0sEcReT/k7mDeNg+bPxRfiCYzq8Hk2L", "SECRET:high-entropy"],
    ]);
    expect(values("my api key is k8Hq2mZx9PqL4wRtY7vB ok")).toEqual(["k8Hq2mZx9PqL4wRtY7vB"]);
  });
  it("not the words of a sentence about keys", () => {
    expect(values("the key is to be patient")).toEqual([]);
    expect(values("the access token is expired")).toEqual([]);
    expect(values("the secret is out")).toEqual([]);
    expect(values("my api key is your_api_key_here")).toEqual([]);
    // a form's anti-forgery token, a template's variable, a working directory
    expect(values("X-CSRF-Token: 4bN8qZ2mX7pL9wRt3YvK6cF1hJ5sD0gA")).toEqual([]);
    expect(values('password: "{{ vault_db_password }}"')).toEqual([]);
    expect(values('pwd: "/home/dev/projects/orders"')).toEqual([]);
    // a translation file's label of the field
    expect(values('"password": "Password"')).toEqual([]);
    expect(values('"password": "Mot de passe"')).toEqual([]);
    expect(values("my password is password")).toEqual(["password"]);
    expect(values("session token: 4bN8qZ2mX7pL9wRt3YvK6cF1hJ5sD0gA")).toEqual([
      "4bN8qZ2mX7pL9wRt3YvK6cF1hJ5sD0gA",
    ]);
  });
  it("a long random value right after the word, as a screen puts a label beside it", () => {
    expect(values("AWS key FaKe0k8Hq2mZx9PqL4wRtY7vBnC3 rotated")).toEqual(["FaKe0k8Hq2mZx9PqL4wRtY7vBnC3"]);
    expect(values("Token k8Hq2mZx9PqL4wRtY7vB")).toEqual(["k8Hq2mZx9PqL4wRtY7vB"]);
    // not code's identifiers, hashes, ids or a short value
    expect(values("key NotFoundExceptionHandler")).toEqual([]);
    expect(values("Token e2e_tests_run_2024_v1")).toEqual([]);
    expect(values("key 9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B")).toEqual([]);
    expect(values("key 550e8400-e29b-41d4-a716-446655440000")).toEqual([]);
    expect(values("token k8Hq2mZx9P")).toEqual([]);
    // after "token" itself, hex and UUIDs are what many services issue (not after "key": commits, fingerprints)
    expect(values("here is the token 0b1e5d9c4a7f3e2d8c6b0a9f1e2d3c4b5a6f7e8d thanks")).toEqual([
      "0b1e5d9c4a7f3e2d8c6b0a9f1e2d3c4b5a6f7e8d",
    ]);
    expect(values("api token api-0b1e5d9c-4a7f-4e2d-8c6b-0a9f1e2d3c4b")).toEqual([
      "api-0b1e5d9c-4a7f-4e2d-8c6b-0a9f1e2d3c4b",
    ]);
    expect(values("the key 0b1e5d9c4a7f3e2d8c6b0a9f1e2d3c4b5a6f7e8d")).toEqual([]);
    expect(values("csrf token 0b1e5d9c4a7f3e2d8c6b0a9f1e2d3c4b set")).toEqual([]);
  });
});

describe("PINs and one-time codes", () => {
  it.each([
    ["my pin is 4821", "4821", "SECRET:pin"],
    ["PIN: 0739", "0739", "SECRET:pin"],
    ["PIN 482193", "482193", "SECRET:pin"],
    ["Your verification code is 482913", "482913", "SECRET:otp"],
    ["OTP: 552 019", "552 019", "SECRET:otp"],
    ["G-482913 is your Google code... no wait: security code: G-482913", "G-482913", "SECRET:otp"],
    ["the code is 7391", "7391", "SECRET:otp"],
    ["Ihre TAN: 583920", "583920", "SECRET:otp"],
    ["votre code de vérification est 384756", "384756", "SECRET:otp"],
    ["tu código de verificación es 847362", "847362", "SECRET:otp"],
    ["2FA code: 119283", "119283", "SECRET:otp"],
    ["door code 4455", "4455", "SECRET:pin"],
  ])("%s", (text, value, type) => {
    expect(typed(text)).toContainEqual([value, type]);
  });

  it.each([
    "the zip code is 94105",
    "error code: 4012",
    "promo code is SAVE2024",
    "the area code is 0207",
    "pin the tab to 1234 pixels",
    "the code is 200 lines long",
    "see code 12 in the manual",
    "<code>SYMMETRIC_DEFAULT</code>: 4096 bytes",
  ])("no code in %s", (text) => {
    expect(values(text)).toEqual([]);
  });
});

describe("seed phrases and HTTP credentials", () => {
  it("finds a 12-word seed phrase after 'seed phrase'", () => {
    const words = "ribbon arctic focus wagon lunar ticket credit salad motion vivid orange pulse";
    const text = `my seed phrase: ${words}. keep it safe`;
    expect(typed(text)).toEqual([[words, "SECRET:seed-phrase"]]);
    expect(values("the seed phrase is written on paper")).toEqual([]);
  });

  it("finds Bearer, Basic and Authorization credentials", () => {
    expect(typed("Authorization: Bearer 9f8Kq2LmZx7Rt4Vw1Np6Hs3J")).toEqual([
      ["9f8Kq2LmZx7Rt4Vw1Np6Hs3J", "SECRET:bearer-token"],
    ]);
    expect(typed("-H 'Authorization: Basic YWxhZGRpbjpvcGVuc2VzYW1l'")).toEqual([
      ["YWxhZGRpbjpvcGVuc2VzYW1l", "SECRET:basic-auth"],
    ]);
    expect(typed("Authorization: token k8Hq2mZx9PqL4wRtY7vB3n")).toEqual([
      ["k8Hq2mZx9PqL4wRtY7vB3n", "SECRET:authorization-header"],
    ]);
    expect(values("Authorization: Bearer ${TOKEN}")).toEqual([]);
    expect(values("Authorization: Basic dXNlcjpwYXNzd29yZA==")).toEqual([]); // user:password
    // base64 that decodes to bytes, not "user:password" text: still a long random credential
    expect(values("Authorization: Basic k8Hq2mZx9PqL4wRtY7vB3nFaKe0SeCrEt1x2y3z4")).toEqual([
      "k8Hq2mZx9PqL4wRtY7vB3nFaKe0SeCrEt1x2y3z4",
    ]);
    expect(values("basic knowledge of bearer bonds")).toEqual([]);
  });
});

describe("properties", () => {
  const pw = fc
    .array(fc.constantFrom(..."abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789!#&".split("")), {
      minLength: 6,
      maxLength: 20,
    })
    .map((a) => a.join("") + "7");

  it("'<announcer> is <password>' reports exactly the password", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(
          "my password is",
          "Password:",
          "pwd =",
          "Passwort:",
          "mot de passe :",
          "senha:",
          "wachtwoord is",
        ),
        pw,
        (lead, p) => {
          expect(values(`${lead} ${p}`)).toEqual([p]);
        },
      ),
    );
  });

  it("random prose without announcing words is not flagged", () => {
    const word = fc.constantFrom(
      "the",
      "cat",
      "sat",
      "on",
      "mat",
      "and",
      "then",
      "went",
      "home",
      "quickly",
      "blue",
      "42",
      "report",
      "meeting",
      "is",
      "was",
      "today",
    );
    fc.assert(
      fc.property(fc.array(word, { maxLength: 40 }), (ws) => {
        expect(values(ws.join(" "))).toEqual([]);
      }),
    );
  });
});

describe("trieAlternation", () => {
  const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&");
  const plain = (ws: readonly string[]) =>
    [...ws]
      .sort((a, b) => b.length - a.length)
      .map(escape)
      .join("|");

  it("factors words sharing a prefix and keeps the longest match", () => {
    expect(trieAlternation(["pin", "pin code", "pw"])).toBe("p(?:in(?: code|)|w)");
    expect(new RegExp(trieAlternation(["pin", "pin code", "pw"])).exec("my pin code")![0]).toBe("pin code");
    expect(new RegExp(trieAlternation(["a.b", "a+"])).test("a.b")).toBe(true);
    expect(new RegExp(trieAlternation(["a.b", "a+"])).test("axb")).toBe(false);
  });

  it("matches exactly what the longest-first plain alternation matches (property)", () => {
    const word = fc.string({ unit: fc.constantFrom(..."abc .-".split("")), minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(
        fc.uniqueArray(word, { minLength: 1, maxLength: 12 }),
        fc.string({ unit: fc.constantFrom(..."abc .-x".split("")), maxLength: 40 }),
        (words, text) => {
          const all = (src: string) =>
            [...text.matchAll(new RegExp(src, "g"))].map((m) => `${m.index}:${m[0]}`);
          expect(all(trieAlternation(words))).toEqual(all(plain(words)));
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("announcer scan", () => {
  // the reference: the global scan of the announcer pattern over the lower-cased text
  const reference = (lower: string): number[] => {
    const re = new RegExp(ANNOUNCER_PATTERN, "g");
    const out: number[] = [];
    for (let m = re.exec(lower); m !== null; m = re.exec(lower)) out.push(m.index);
    return out;
  };
  const pieces = [
    "password",
    "Password",
    "PASS",
    "pass",
    " phrase",
    "pin",
    "PIN",
    "-code",
    " code",
    "code",
    "2fa",
    "otp",
    "tan",
    "mot de passe",
    "clave",
    "código",
    "şifre",
    "Şifre",
    "κωδικός",
    "ΚΩΔΙΚΌΣ",
    "пароль",
    "ПАРОЛЬ",
    "пин-код",
    "密码",
    "パスワード",
    "비밀번호",
    "bearer",
    "basic",
    "mnemonic",
    " ",
    "  ",
    "_",
    "'",
    "’",
    "-",
    ".",
    ":",
    "=",
    "x",
    "é",
    "É",
    "K",
    "İ",
    "ß",
    "\u0301",
    "7",
    "42",
    "a",
    "Z",
    "\n",
    "ǅ",
    "ﬁ",
  ];
  const textArb = fc.oneof(
    fc.array(fc.constantFrom(...pieces), { maxLength: 14 }).map((a) => a.join("")),
    fc.string({ unit: "grapheme", maxLength: 40 }),
  );

  it("finds exactly the announcers the global regex scan finds", () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const lower = alignedLower(input(text));
        expect(announcerStarts(text, lower)).toEqual(reference(lower));
      }),
      { numRuns: 3000 },
    );
  });

  it("sees announcers after joiners, underscores and non-ASCII letters as the regex does", () => {
    for (const text of [
      "x-password",
      "O'pin",
      "_password",
      "épassword",
      "\u212Apassword",
      "2fa",
      "a2fa",
      "xпароль",
    ]) {
      const lower = alignedLower(input(text));
      expect(announcerStarts(text, lower)).toEqual(reference(lower));
    }
  });
});
