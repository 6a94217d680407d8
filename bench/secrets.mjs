// npm run bench -- secrets [--seed S] [--show]: secrets in the places code and configuration keep them, and
// innocent values that look like them, generated here (nothing is read from ../shared/eval).
//
// The secretlint set in ../shared/eval holds about a hundred records, most of them provider tokens with their
// prefix; what it cannot say is whether a secret with no prefix is found where a program or a config file
// assigns it. This set writes random values (base62, hex, base64, base64url and passwords of several lengths)
// into 48 ways of assigning a value to a name — config files (.env, INI, TOML, YAML, JSON, XML, .properties),
// code (Go, Java, Kotlin, C#, Python, JavaScript, TypeScript, PHP, Ruby, Rust, Swift, shell, Makefiles), command
// lines, headers and name/value pairs (Kubernetes env lists, XML attributes, setProperty calls) — under names
// made of a service word and a secret word ("billingToken", "GEO_API_KEY", "crm_secret"). Which assignment
// forms occur in real repositories was learned from gitleaks' sample generator (facts only; the templates,
// names and values are written here). A value counts as found when every character of it is inside a SECRET
// span. The hard negatives are innocent lines of the same files (ids, hashes after their names, public keys,
// placeholders, references to variables, paths, versions, alphabets): the share with any SECRET span is printed.
// Prints one JSON line.
import { redact } from "../packages/privacy/dist/index.js";

/** {n}: the name (as each form writes it), {s}: the value. Forms marked "snake" take GEO_API_KEY-style names. */
const FORMS = [
  ["env", "{N}={s}"],
  ["env export", "export {N}={s}"],
  ["env quoted", '{N}="{s}"'],
  ["ini", "{c} = {s}"],
  ["properties", "{d}={s}"],
  ["toml", '[service]\n{sn} = "{s}"'],
  ["yaml", "{sn}: {s}"],
  ["yaml quoted", "  {sn}: '{s}'"],
  ["yaml block", "{sn}: |\n  {s}"],
  ["json", '{\n  "{c}": "{s}"\n}'],
  ["json nested", '{"config.env": "{N}={s}\\nDEBUG=false"}'],
  ["json name/value", '{"name": "{N}", "value": "{s}"}'],
  ["k8s env", "env:\n  - name: {N}\n    value: {s}"],
  ["xml element", "<{c}>{s}</{c}>"],
  ["xml multiline", "<{c}>\n    {s}\n</{c}>"],
  ["xml attributes", '<add key="{c}" value="{s}" />'],
  ["go", '{c} := "{s}"'],
  ["go var", 'var {c} string = "{s}"'],
  ["go const", "const {c} = `{s}`"],
  ["java", 'private static final String {N} = "{s}";'],
  ["kotlin", 'val {c}: String = "{s}"'],
  ["csharp", 'string {c} = "{s}";'],
  ["python", "{sn} = '{s}'"],
  ["python dict", 'settings = {"{sn}": "{s}"}'],
  ["python environ", 'os.environ["{N}"] = "{s}"'],
  ["python setdefault", 'os.environ.setdefault("{N}", "{s}")'],
  ["javascript", "const {c} = '{s}';"],
  ["js object", 'module.exports = { {c}: "{s}" };'],
  ["typescript", 'export const {c}: string = "{s}";'],
  ["php", '${c} = "{s}";'],
  ["php append", '${c} .= "{s}";'],
  ["ruby", "{sn} = '{s}'"],
  ["ruby hash", "config[:{sn}] = '{s}'"],
  ["rust", 'const {N}: &str = "{s}";'],
  ["swift", 'let {c}: String = "{s}"'],
  ["java setProperty", 'System.setProperty("{N}", "{s}");'],
  ["makefile", "{N} ?= {s}"],
  ["makefile simple", "{N} := {s}"],
  ["makefile immediate", "{N} ::= {s}"],
  ["shell flag", "deploy --{k} {s}"],
  ["shell flag =", "deploy --{k}={s}"],
  ["docker env", "ENV {N}={s}"],
  ["dockerfile arg", "ARG {N}={s}"],
  ["compose", "    environment:\n      {N}: {s}"],
  ["http header", "X-{H}: {s}"],
  ["terraform", '  {sn} = "{s}"'],
  ["url query", "https://api.example.com/v1/items?{sn}={s}&page=2"],
  ["github actions", "        with:\n          {sn}: {s}"],
];

const SERVICES = [
  "billing",
  "geo",
  "search",
  "mailer",
  "crm",
  "metrics",
  "weather",
  "sms",
  "cdn",
  "queue",
  "ledger",
  "maps",
];
/** [camel suffix, snake suffix, header words, flag words] */
const SECRET_WORDS = [
  ["Token", "token", "Token", "token"],
  ["ApiKey", "api_key", "Api-Key", "api-key"],
  ["Secret", "secret", "Secret", "secret"],
  ["AccessKey", "access_key", "Access-Key", "access-key"],
  ["AuthToken", "auth_token", "Auth-Token", "auth-token"],
  ["ClientSecret", "client_secret", "Client-Secret", "client-secret"],
  ["Password", "password", "Password", "password"],
];

const B62 = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
const HEX = "0123456789abcdef";
const B64 = B62 + "+/";
const B64URL = B62 + "-_";
const PW = B62 + "!#%*+-.@^_~";
/** Value shapes: [name, alphabet, length, padding]. */
const SHAPES = [
  ["base62-16", B62, 16],
  ["base62-24", B62, 24],
  ["base62-32", B62, 32],
  ["base62-48", B62, 48],
  ["hex-24", HEX, 24],
  ["hex-32", HEX, 32],
  ["hex-40", HEX, 40],
  ["hex-64", HEX, 64],
  ["base64-44", B64, 43, "="],
  ["base64url-43", B64URL, 43],
  ["password-12", PW, 12],
  ["password-20", PW, 20],
];

/**
 * Innocent lines of the same kinds of files: nothing in them is a credential. Written for this benchmark (the
 * kinds of look-alike follow what secret scanners' allow-lists and false-positive tests are about).
 */
const NEGATIVES = [
  'credentialsId: "6f1c9e2a-3b4d-4e5f-8a9b-0c1d2e3f4a5b"',
  "jenkinsCredentialsId = 'deploy-ssh-key'",
  'public_key = "MCowBQYDK2VwAyEAq4bT0sN9vRkXw8mZ2pLc7yJf3hGd5eUa1iOo6nBr4tQ="',
  'publishableKey: "pk_live_placeholder"',
  "api_key_header = X-Api-Key",
  'token_url = "https://auth.example.com/oauth/token"',
  "TOKEN_TTL_SECONDS=3600",
  "password_min_length: 12",
  'secretName: "orders-db-credentials"',
  "secret_ref: ${{ secrets.DEPLOY_TOKEN }}",
  "API_KEY=${API_KEY}",
  "const apiKey = process.env.BILLING_API_KEY;",
  'token = os.environ["GITHUB_TOKEN"]',
  'password: "{{ vault_db_password }}"',
  "DB_PASSWORD=<your-db-password>",
  'api_key: "YOUR_API_KEY_HERE"',
  'secret: "changeme"',
  "SECRET_KEY=replace-me",
  'private_key_path = "/etc/ssl/private/server.key"',
  "key_file: ./certs/client-key.pem",
  'sha256: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"',
  "checksum = 5d41402abc4b2a76b9719d911017c592",
  'integrity: "sha512-Q2FydGVyIGJ1aWxkIGludGVncml0eSBjaGVja3N1bSB2YWx1ZQ=="',
  "commit_sha: 3b18e512dba79e4c8300dd08aeb37f8e728b8dad",
  'image: "registry.example.com/orders@sha256:4a5b6c7d8e9f0a1b2c3d4e5f60718293a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9"',
  'request_id = "0d7c3f1e-9a2b-4c5d-8e6f-7a8b9c0d1e2f"',
  "session_timeout = 1800",
  'cache_key = "user:42:profile"',
  'key: "dashboard.widgets.revenue_chart"',
  'token_type: "Bearer"',
  'auth_method: "oauth2"',
  'keyStr = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"',
  'version = "jjwt-jackson-0.11.5"',
  "org.tokenlib:tkl-api:0.11.5",
  'spring.security.oauth2.client.provider.keycloak.token-uri: "https://sso.example.com/token"',
  'primaryKey: "order_id"',
  'sort_key = "created_at"',
  "keyboard_layout: dvorak",
  'hotkey = "ctrl+shift+k"',
  '<input type="hidden" name="csrf_token" value="b7Kq9ZxM2pL4wRt8YvN3cF6hJ1sD5gA0">',
  "X-CSRF-Token: 4bN8qZ2mX7pL9wRt3YvK6cF1hJ5sD0gA",
  'secretlint-disable-next-line: "@secretlint/secretlint-rule-preset-recommend"',
  "PASSWORD_RESET_URL=https://app.example.com/reset",
  'pwd = "/home/dev/projects/orders"',
  "passwordless: true",
  "password_hash_algorithm: argon2id",
  'password: "********"',
  "token: xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
  "apiKey: 'abc'",
  'secret_key_base: "<%= ENV["SECRET_KEY_BASE"] %>"',
  "AWS_REGION=eu-west-1",
  "aws_region: eu-central-1",
  'kms_key_id: "arn:aws:kms:eu-west-1:123456789012:alias/orders"',
  'key_vault_name: "kv-orders-prod-01"',
  'font_key = "InterVariable-Bold"',
  'translation_key = "checkout.payment.card_declined"',
  "token_count: 4096",
  "max_tokens = 2048",
  'tokenizer: "cl100k_base"',
  'client_id = "orders-service"',
  'oauth_scope = "read:orders write:orders"',
  "license_key_required: false",
  "encryption_algorithm: AES-256-GCM",
  "export GNUPGHOME=$HOME/.gnupg",
  'uuid: "a3bb189e-8bf9-3888-9912-ace4e6543002"',
  'color_primary: "#3B82F6"',
  "ENV GPG_KEY 3F1A9C0E7B42D58E6A0C19B7F24E8D3A5C6B7E10",
  '"password_mismatch": "Passwords do not match",',
  '  new_password: "Nouveau mot de passe"',
  '"password": "Password",',
  'token_expired: "Your session has expired. Please sign in again."',
  "ENV PYTHON_SHA256 0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f",
  'build_id = "20261130.4"',
  'git_ref: "refs/heads/release/2026.11"',
  "npm install --save jsonwebtoken@9.0.2",
  "docker pull postgres:16.4-alpine",
  'locale_key = "en_US"',
  'description: "Rotate the API key every 90 days"',
  "# set TOKEN in your shell before running this script",
  'label: "Access token"',
  'placeholder="Enter your password"',
  '<PasswordBox x:Name="PasswordInput" MaxLength="64" />',
  "setPasswordVisible(!passwordVisible)",
  "user.password = hashPassword(form.password)",
  "token = generateToken(user.id, expiresIn)",
  "secret = secrets.token_hex(32)",
];

function rng(seed) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
}

function option(args, name, fallback) {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
}

/** Every character of text[start, end) inside some SECRET span. */
function covered(spans, start, end) {
  const inside = new Uint8Array(end - start);
  for (const sp of spans)
    if (sp.type.startsWith("SECRET"))
      for (let q = Math.max(start, sp.start); q < Math.min(end, sp.end); q++) inside[q - start] = 1;
  return inside.every((x) => x === 1);
}

export async function run(args = []) {
  const seed = Number(option(args, "--seed", "1"));
  if (!Number.isInteger(seed) || seed < 0) throw new Error("--seed must be a non-negative integer");
  const show = args.includes("--show");
  const rand = rng(seed * 7919 + 17);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const value = (alphabet, n, pad = "") => {
    let s = "";
    for (let i = 0; i < n; i++) s += alphabet[Math.floor(rand() * alphabet.length)];
    return s + pad;
  };
  const byForm = {};
  const byShape = {};
  let total = 0;
  let found = 0;
  const misses = [];
  for (const [form, template] of FORMS) {
    for (const [shape, alphabet, len, pad] of SHAPES) {
      // each form and shape twice, under different names
      for (let rep = 0; rep < 2; rep++) {
        const service = pick(SERVICES);
        const [camel, snake, header, flag] = shape.startsWith("password")
          ? SECRET_WORDS[6]
          : pick(SECRET_WORDS.slice(0, 6));
        const s = value(alphabet, len, pad);
        const text = template
          .replaceAll("{N}", `${service}_${snake}`.toUpperCase())
          .replaceAll("{c}", service + camel)
          .replaceAll("{sn}", `${service}_${snake}`)
          .replaceAll("{d}", `${service}.${snake.replaceAll("_", "-")}`)
          .replaceAll("{k}", `${service}-${flag}`)
          .replaceAll("{H}", `${service[0].toUpperCase()}${service.slice(1)}-${header}`)
          .replaceAll("{s}", s);
        const at = text.indexOf(s);
        const ok = covered(redact(text, { channel: "typed" }).spans, at, at + s.length);
        total++;
        if (ok) found++;
        else misses.push({ form, shape, text });
        for (const [table, k] of [
          [byForm, form],
          [byShape, shape],
        ]) {
          table[k] ??= [0, 0];
          table[k][0] += ok ? 1 : 0;
          table[k][1]++;
        }
      }
    }
  }
  const flagged = [];
  for (const line of NEGATIVES) {
    const spans = redact(line, { channel: "typed" }).spans.filter((sp) => sp.type.startsWith("SECRET"));
    if (spans.length > 0) flagged.push({ line, types: spans.map((sp) => sp.type) });
  }
  const ratio = ([a, b]) => Number((a / b).toFixed(3));
  const missedForms = Object.fromEntries(
    Object.entries(byForm)
      .filter(([, v]) => v[0] < v[1])
      .map(([k, v]) => [k, ratio(v)]),
  );
  console.log(
    JSON.stringify({
      name: "secrets",
      seed,
      values: total,
      found,
      recall: Number((found / total).toFixed(4)),
      forms: FORMS.length,
      forms_below_1: missedForms,
      by_shape: Object.fromEntries(Object.entries(byShape).map(([k, v]) => [k, ratio(v)])),
      hard_negatives: {
        lines: NEGATIVES.length,
        flagged: flagged.length,
        rate: Number((flagged.length / NEGATIVES.length).toFixed(4)),
      },
    }),
  );
  if (show) {
    for (const m of misses) console.log(`missed  ${m.form} | ${m.shape} | ${JSON.stringify(m.text)}`);
    for (const f of flagged) console.log(`flagged ${f.types.join(",")} | ${JSON.stringify(f.line)}`);
  }
}
