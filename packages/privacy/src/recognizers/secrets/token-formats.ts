/**
 * Provider token formats, as data. Each row says how one kind of credential looks: its literal prefix(es) or,
 * for the few formats without a stable prefix, a literal that must occur inside it; the regular expression of
 * the whole token (bounded repetitions only); boundaries; and an optional extra check.
 *
 * Facts (prefixes, lengths, alphabets) come from the providers' documentation and from public secret-scanner
 * rule sets (gitleaks, secretlint, GitHub secret scanning partner list); the patterns are written here.
 *
 * Conventions:
 * - `pattern` matches the whole token, prefix included, without anchors or flags.
 * - Prefixed rows are tried only where a prefix starts, and only when the character before is not an ASCII
 *   letter (`before: "alnum"` also rejects a digit or `+/` before it, for short or weak prefixes).
 * - The character after the token must not be one of `after` (default: an ASCII letter or digit), so a token
 *   glued to more token characters is not reported with a wrong length.
 * - `minEntropy` (bits/char over the whole match) guards weak prefixes against ordinary words.
 */
import { shannonEntropy } from "./util.js";

export interface TokenFormat {
  /** Goes into the type: `SECRET:<provider>`. */
  provider: string;
  /** What the token is, for documentation and test names. */
  name: string;
  /** Case-sensitive literal prefixes; the pattern must start with one of them. */
  prefixes?: readonly string[];
  /** For rows without a prefix: a literal the token always contains (used to find candidates). */
  trigger?: string;
  /** Regular expression source of the whole token. */
  pattern: string;
  /** What may not precede the token: an ASCII letter (default) or any of `[A-Za-z0-9+/]` ("alnum"). */
  before?: "letter" | "alnum";
  /** Character class source that may not follow the token. Default `[A-Za-z0-9]`. */
  after?: string;
  /** Minimum Shannon entropy (bits/char) of the match. */
  minEntropy?: number;
  /** Extra validation of the matched token. */
  check?: (token: string) => boolean;
  /** A URL: when `http(s)://` directly precedes the match, the span includes it. */
  url?: boolean;
  /** Confidence; default 0.95 (0.85 for rows with `minEntropy`). */
  score?: number;
}

const HEX = "[a-f0-9]";
const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

const countDigits = (t: string): number => {
  let n = 0;
  for (let i = 0; i < t.length; i++) if (t.charCodeAt(i) >= 48 && t.charCodeAt(i) <= 57) n++;
  return n;
};

/** The marker "T3BlbkFJ" (base64 of "OpenAI") sits inside every OpenAI API key. */
const hasOpenAiMarker = (t: string): boolean => t.includes("T3BlbkFJ");

/** 1Password service-account tokens are base64(url) JSON after `ops_`; the first bytes decode to `{"`. */
const opsIsJson = (t: string): boolean => t.startsWith("ops_eyJ");

export const TOKEN_FORMATS: readonly TokenFormat[] = [
  // ---------------------------------------------------------------- cloud
  {
    provider: "aws",
    name: "AWS access key id",
    prefixes: ["AKIA", "ASIA", "ABIA", "ACCA", "A3T"],
    pattern: "(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z0-9]{16}",
    before: "alnum",
  },
  {
    provider: "aws",
    name: "Amazon Bedrock long-lived API key",
    prefixes: ["ABSK"],
    pattern: "ABSK[A-Za-z0-9+/]{109,269}={0,2}",
    before: "alnum",
    after: "[A-Za-z0-9+/=]",
  },
  {
    provider: "gcp",
    name: "Google API key",
    prefixes: ["AIza"],
    pattern: "AIza[A-Za-z0-9_-]{35}",
    after: "[A-Za-z0-9_-]",
  },
  {
    provider: "gcp",
    name: "Google OAuth client secret",
    prefixes: ["GOCSPX-"],
    pattern: "GOCSPX-[A-Za-z0-9_-]{28}",
    after: "[A-Za-z0-9_-]",
  },
  {
    provider: "gcp",
    name: "Google OAuth access token",
    prefixes: ["ya29."],
    pattern: "ya29\\.[A-Za-z0-9_-]{30,2048}",
    before: "alnum",
    minEntropy: 3.5,
  },
  {
    provider: "gcp",
    name: "Google OAuth refresh token",
    prefixes: ["1//0"],
    pattern: "1//0[A-Za-z0-9_-]{40,512}",
    before: "alnum",
    minEntropy: 3.5,
  },
  {
    provider: "azure",
    name: "Azure AD (Entra) client secret",
    trigger: "Q~",
    pattern: "[A-Za-z0-9_~.]{3}\\dQ~[A-Za-z0-9_~.-]{31,34}",
    before: "alnum",
    after: "[A-Za-z0-9_~.-]",
  },
  {
    provider: "azure",
    name: "Azure storage account key in a connection string",
    prefixes: ["AccountKey="],
    pattern: "AccountKey=[A-Za-z0-9+/]{86}==",
    after: "[A-Za-z0-9+/=]",
  },
  {
    provider: "azure",
    name: "Azure shared access key in a connection string",
    prefixes: ["SharedAccessKey="],
    pattern: "SharedAccessKey=[A-Za-z0-9+/]{42,44}={0,2}",
    after: "[A-Za-z0-9+/=]",
  },
  {
    provider: "digitalocean",
    name: "DigitalOcean token",
    prefixes: ["dop_v1_", "doo_v1_", "dor_v1_"],
    pattern: `do[opr]_v1_${HEX}{64}`,
  },
  {
    provider: "heroku",
    name: "Heroku API key (v2)",
    prefixes: ["HRKU-AA"],
    pattern: "HRKU-AA[0-9A-Za-z_-]{58}",
    after: "[A-Za-z0-9_-]",
  },
  {
    provider: "cloudflare",
    name: "Cloudflare API token / global key (prefixed)",
    prefixes: ["cfk_", "cfut_", "cfat_"],
    pattern: "(?:cfk|cfut|cfat)_[A-Za-z0-9]{48}",
  },
  {
    provider: "cloudflare",
    name: "Cloudflare origin CA key",
    prefixes: ["v1.0-"],
    pattern: `v1\\.0-${HEX}{24}-${HEX}{146}`,
    before: "alnum",
  },
  {
    provider: "databricks",
    name: "Databricks personal access token",
    prefixes: ["dapi"],
    pattern: "dapi[a-fA-F0-9]{32}(?:-\\d)?",
  },
  {
    provider: "vercel",
    name: "Vercel token",
    prefixes: ["vcp_", "vci_", "vca_", "vcr_", "vck_"],
    pattern: "vc[piark]_[A-Za-z0-9]{24,80}",
  },
  {
    provider: "netlify",
    name: "Netlify personal access token",
    prefixes: ["nfp_"],
    pattern: "nfp_[A-Za-z0-9]{36,40}",
  },
  {
    provider: "flyio",
    name: "Fly.io token",
    prefixes: ["fo1_", "fm1a_", "fm1r_", "fm2_"],
    pattern: "(?:fo1_[A-Za-z0-9_-]{43}|(?:fm1[ar]|fm2)_[A-Za-z0-9+/]{100,4096}={0,3})",
    after: "[A-Za-z0-9+/=_-]",
  },
  {
    provider: "supabase",
    name: "Supabase personal access token",
    prefixes: ["sbp_"],
    pattern: `sbp_${HEX}{40}`,
  },
  {
    provider: "supabase",
    name: "Supabase secret API key",
    prefixes: ["sb_secret_"],
    pattern: "sb_secret_[A-Za-z0-9_-]{24,64}",
    after: "[A-Za-z0-9_-]",
  },
  {
    provider: "alibaba",
    name: "Alibaba Cloud access key id",
    prefixes: ["LTAI"],
    pattern: "LTAI[A-Za-z0-9]{20}",
    before: "alnum",
  },
  {
    provider: "tencent",
    name: "Tencent Cloud SecretId",
    prefixes: ["AKID"],
    pattern: "AKID[A-Za-z0-9]{32}",
    before: "alnum",
    after: "[A-Za-z0-9]",
    check: (t) => countDigits(t) >= 2 && /[a-z]/.test(t) && /[A-Z]/.test(t.slice(4)),
  },
  {
    provider: "yandex",
    name: "Yandex Cloud API key, OAuth or IAM token",
    prefixes: ["AQVN", "y0_", "t1."],
    pattern:
      "(?:AQVN[A-Za-z0-9_-]{35,38}|y0_[A-Za-z0-9_-]{50,70}|t1\\.[A-Za-z0-9_-]{8,}={0,2}\\.[A-Za-z0-9_-]{86}={0,2})",
    before: "alnum",
    after: "[A-Za-z0-9_-]",
    check: (t) => countDigits(t) >= 2 && /[a-z]/.test(t) && /[A-Z]/.test(t.slice(3)),
  },
  {
    provider: "render",
    name: "Render API key",
    prefixes: ["rnd_"],
    pattern: "rnd_[A-Za-z0-9]{32}",
    minEntropy: 3.5,
  },
  {
    provider: "planetscale",
    name: "PlanetScale token / password",
    prefixes: ["pscale_tkn_", "pscale_pw_", "pscale_oauth_"],
    pattern: "pscale_(?:tkn|pw|oauth)_[A-Za-z0-9_=.-]{32,64}",
    after: "[A-Za-z0-9_=.-]",
  },
  { provider: "neon", name: "Neon API key", prefixes: ["napi_"], pattern: "napi_[a-z0-9]{64}" },
  {
    provider: "openshift",
    name: "OpenShift user token",
    prefixes: ["sha256~"],
    pattern: "sha256~[A-Za-z0-9_-]{43}",
    after: "[A-Za-z0-9_-]",
  },
  {
    provider: "dynatrace",
    name: "Dynatrace API token",
    prefixes: ["dt0c01."],
    pattern: "dt0c01\\.[A-Za-z0-9]{24}\\.[A-Za-z0-9]{64}",
  },
  {
    provider: "newrelic",
    name: "New Relic key",
    prefixes: ["NRAK-", "NRJS-", "NRII-"],
    pattern: "(?:NRAK-[A-Z0-9]{27}|NRJS-[a-f0-9]{19}|NRII-[A-Za-z0-9_-]{32})",
  },
  { provider: "pulumi", name: "Pulumi access token", prefixes: ["pul-"], pattern: `pul-${HEX}{40}` },
  {
    provider: "terraform",
    name: "Terraform Cloud / HCP API token",
    trigger: ".atlasv1.",
    pattern: "[A-Za-z0-9]{14}\\.atlasv1\\.[A-Za-z0-9_=-]{60,70}",
    before: "alnum",
    after: "[A-Za-z0-9_=-]",
  },
  {
    provider: "hashicorp-vault",
    name: "HashiCorp Vault token (hvs./hvb./hvr.)",
    prefixes: ["hvs.", "hvb.", "hvr."],
    pattern: "hv[sbr]\\.[A-Za-z0-9_-]{24,512}",
    after: "[A-Za-z0-9_-]",
  },
  {
    provider: "hashicorp-vault",
    name: "HashiCorp Vault legacy service token",
    prefixes: ["s."],
    pattern: "s\\.[A-Za-z0-9]{24}",
    before: "alnum",
    after: "[A-Za-z0-9_.-]",
    minEntropy: 3.6,
    check: (t) => /\d/.test(t) && /[A-Z]/.test(t) && /[a-z]/.test(t.slice(2)),
  },
  {
    provider: "doppler",
    name: "Doppler token",
    prefixes: ["dp.pt.", "dp.st.", "dp.sa.", "dp.ct.", "dp.scim.", "dp.audit."],
    pattern: "dp\\.(?:pt|st|sa|ct|scim|audit)\\.[A-Za-z0-9]{40,48}",
  },
  {
    provider: "tailscale",
    name: "Tailscale key",
    prefixes: ["tskey-"],
    pattern: "tskey-[a-z]{2,12}-[A-Za-z0-9]{6,24}-[A-Za-z0-9]{16,64}",
  },
  {
    provider: "1password",
    name: "1Password service account token",
    prefixes: ["ops_"],
    pattern: "ops_eyJ[A-Za-z0-9+/_-]{250,8192}={0,3}",
    after: "[A-Za-z0-9+/=_-]",
    check: opsIsJson,
  },
  {
    provider: "1password",
    name: "1Password account secret key",
    prefixes: ["A3-"],
    pattern: "A3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}",
    before: "alnum",
  },
  {
    provider: "age",
    name: "age secret key",
    prefixes: ["AGE-SECRET-KEY-1"],
    pattern: "AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}",
  },

  // ---------------------------------------------------------------- version control
  {
    provider: "github",
    name: "GitHub token (ghp_/gho_/ghu_/ghs_/ghr_)",
    prefixes: ["ghp_", "gho_", "ghu_", "ghs_", "ghr_"],
    pattern: "gh[pousr]_[A-Za-z0-9_.-]{36,1024}",
    after: "[A-Za-z0-9_.-]",
  },
  {
    provider: "github",
    name: "GitHub fine-grained personal access token",
    prefixes: ["github_pat_"],
    pattern: "github_pat_[A-Za-z0-9_]{60,120}",
    after: "[A-Za-z0-9_]",
  },
  {
    provider: "gitlab",
    name: "GitLab token",
    prefixes: [
      "glpat-",
      "gldt-",
      "glrt-",
      "glcbt-",
      "glptt-",
      "glft-",
      "glimt-",
      "glagent-",
      "gloas-",
      "glsoat-",
      "glffct-",
    ],
    pattern: "gl(?:pat|dt|rt|cbt|ptt|ft|imt|agent|oas|soat|ffct)-[A-Za-z0-9_.-]{20,300}",
    after: "[A-Za-z0-9_.-]",
  },
  {
    provider: "gitlab",
    name: "GitLab runner registration token",
    prefixes: ["GR1348941"],
    pattern: "GR1348941[A-Za-z0-9_-]{20}",
    after: "[A-Za-z0-9_-]",
  },
  {
    provider: "bitbucket",
    name: "Bitbucket app password",
    prefixes: ["ATBB"],
    pattern: "ATBB[A-Za-z0-9]{32,40}",
    before: "alnum",
  },
  {
    provider: "atlassian",
    name: "Atlassian API token / Bitbucket access token",
    prefixes: ["ATATT3", "ATCTT3"],
    pattern: "AT[AC]TT3[A-Za-z0-9_=-]{150,250}",
    after: "[A-Za-z0-9_=-]",
  },

  // ---------------------------------------------------------------- chat
  {
    provider: "slack",
    name: "Slack token (xoxb/xoxp/xoxa/xoxo/xoxs/xoxr/xoxe)",
    prefixes: ["xoxb-", "xoxp-", "xoxa-", "xoxo-", "xoxs-", "xoxr-", "xoxe-"],
    pattern: "xox[bpaosre]-[A-Za-z0-9-]{10,250}",
    after: "[A-Za-z0-9-]",
    // Slack tokens carry numeric team/user ids; "xoxo-see-you-soon" does not.
    check: (t) => countDigits(t) >= 6,
  },
  {
    provider: "slack",
    name: "Slack configuration token",
    prefixes: ["xoxe.xox"],
    pattern: "xoxe\\.xox[bp]-\\d-[A-Za-z0-9]{100,200}",
  },
  {
    provider: "slack",
    name: "Slack app-level token",
    prefixes: ["xapp-"],
    pattern: "xapp-\\d-[A-Za-z0-9]{6,32}-\\d{6,20}-[A-Za-z0-9]{16,128}",
  },
  {
    provider: "slack",
    name: "Slack webhook URL",
    prefixes: ["hooks.slack.com/"],
    pattern: "hooks\\.slack\\.com/(?:services|workflows|triggers)/[A-Za-z0-9_/+-]{20,160}",
    after: "[A-Za-z0-9_/+-]",
    url: true,
  },
  {
    provider: "discord",
    name: "Discord webhook URL",
    prefixes: [
      "discord.com/api/webhooks/",
      "discordapp.com/api/webhooks/",
      "ptb.discord.com/api/webhooks/",
      "canary.discord.com/api/webhooks/",
    ],
    pattern: "(?:ptb\\.|canary\\.)?discord(?:app)?\\.com/api/webhooks/\\d{15,21}/[A-Za-z0-9_-]{60,68}",
    after: "[A-Za-z0-9_-]",
    url: true,
  },
  {
    provider: "discord",
    name: "Discord bot token",
    trigger: ".",
    pattern: "[MNO][A-Za-z0-9_-]{23,27}\\.[A-Za-z0-9_-]{6}\\.[A-Za-z0-9_-]{27,40}",
    before: "alnum",
    after: "[A-Za-z0-9_.-]",
    minEntropy: 4.0,
  },
  {
    provider: "telegram",
    name: "Telegram bot token",
    trigger: ":AA",
    pattern: "\\d{8,10}:AA[A-Za-z0-9_-]{33}",
    before: "alnum",
    after: "[A-Za-z0-9_-]",
  },
  {
    provider: "teams",
    name: "Microsoft Teams incoming webhook URL",
    trigger: ".webhook.office.com/webhook",
    pattern: "[A-Za-z0-9-]{1,63}\\.webhook\\.office\\.com/webhookb2/[A-Za-z0-9@/-]{60,300}",
    before: "alnum",
    after: "[A-Za-z0-9@/-]",
    url: true,
  },
  {
    provider: "teams",
    name: "Microsoft Teams legacy webhook URL",
    prefixes: ["outlook.office.com/webhook/", "outlook.office365.com/webhook/"],
    pattern: "outlook\\.office(?:365)?\\.com/webhook/[A-Za-z0-9@/-]{60,300}",
    after: "[A-Za-z0-9@/-]",
    url: true,
  },

  // ---------------------------------------------------------------- payment
  {
    provider: "stripe",
    name: "Stripe secret / restricted key",
    prefixes: ["sk_live_", "sk_test_", "sk_prod_", "rk_live_", "rk_test_", "rk_prod_"],
    pattern: "[sr]k_(?:live|test|prod)_[A-Za-z0-9]{24,247}",
  },
  {
    provider: "stripe",
    name: "Stripe webhook signing secret",
    prefixes: ["whsec_"],
    pattern: "whsec_[A-Za-z0-9+/]{32,64}",
  },
  {
    provider: "square",
    name: "Square access token / OAuth secret",
    prefixes: ["sq0atp-", "sq0csp-", "EAAA"],
    pattern: "(?:sq0atp-[A-Za-z0-9_-]{22}|sq0csp-[A-Za-z0-9_-]{43}|EAAA[A-Za-z0-9_-]{60})",
    before: "alnum",
    after: "[A-Za-z0-9_-]",
  },
  {
    provider: "paypal",
    name: "PayPal Braintree access token",
    prefixes: ["access_token$"],
    pattern: `access_token\\$(?:production|sandbox)\\$[a-z0-9]{16}\\$${HEX}{32}`,
  },
  {
    provider: "shopify",
    name: "Shopify token / shared secret",
    prefixes: ["shpat_", "shpca_", "shppa_", "shpss_"],
    pattern: "shp(?:at|ca|pa|ss)_[A-Za-z0-9]{32,64}",
  },
  {
    provider: "flutterwave",
    name: "Flutterwave secret key",
    prefixes: ["FLWSECK-", "FLWSECK_TEST-"],
    pattern: "FLWSECK(?:_TEST)?-[a-hA-H0-9]{32}-X",
  },
  {
    provider: "plaid",
    name: "Plaid access token",
    prefixes: ["access-sandbox-", "access-development-", "access-production-"],
    pattern: `access-(?:sandbox|development|production)-${UUID}`,
  },

  // ---------------------------------------------------------------- AI providers
  {
    provider: "openai",
    name: "OpenAI API key",
    prefixes: ["sk-"],
    pattern: "sk-[A-Za-z0-9_-]{40,250}",
    after: "[A-Za-z0-9_-]",
    check: hasOpenAiMarker,
  },
  {
    // DeepSeek's keys, and other providers' that copied the form: "sk-" and 32 hex digits
    provider: "deepseek",
    name: "API key of sk- and 32 hex digits",
    prefixes: ["sk-"],
    pattern: "sk-[a-f0-9]{32}",
    after: "[A-Za-z0-9_-]",
    check: (t) => countDigits(t) >= 4 && /[a-f]/.test(t.slice(3)),
  },
  {
    provider: "anthropic",
    name: "Anthropic API / admin / OAuth key",
    prefixes: ["sk-ant-"],
    pattern: "sk-ant-(?:api|admin|oat|ort|sid)\\d{2}-[A-Za-z0-9_-]{80,200}",
    after: "[A-Za-z0-9_-]",
  },
  {
    provider: "openrouter",
    name: "OpenRouter API key",
    prefixes: ["sk-or-v1-"],
    pattern: `sk-or-v1-${HEX}{64}`,
  },
  {
    provider: "groq",
    name: "Groq API key",
    prefixes: ["gsk_"],
    pattern: "gsk_[A-Za-z0-9]{52}",
    after: "[A-Za-z0-9_-]",
  },
  {
    provider: "huggingface",
    name: "Hugging Face access token",
    prefixes: ["hf_"],
    pattern: "hf_[A-Za-z]{34}",
    after: "[A-Za-z0-9]",
  },
  {
    provider: "huggingface",
    name: "Hugging Face organisation token",
    prefixes: ["api_org_"],
    pattern: "api_org_[A-Za-z]{34}",
  },
  { provider: "replicate", name: "Replicate API token", prefixes: ["r8_"], pattern: "r8_[A-Za-z0-9]{37}" },
  {
    provider: "perplexity",
    name: "Perplexity API key",
    prefixes: ["pplx-"],
    pattern: "pplx-[A-Za-z0-9]{48}",
  },
  { provider: "xai", name: "xAI API key", prefixes: ["xai-"], pattern: "xai-[A-Za-z0-9]{80}" },
  {
    provider: "langsmith",
    name: "LangSmith API key",
    prefixes: ["lsv2_pt_", "lsv2_sk_"],
    pattern: `lsv2_(?:pt|sk)_${HEX}{32}_${HEX}{10}`,
  },
  {
    provider: "pinecone",
    name: "Pinecone API key",
    prefixes: ["pcsk_"],
    pattern: "pcsk_[A-Za-z0-9_]{40,120}",
    after: "[A-Za-z0-9_]",
  },

  // ---------------------------------------------------------------- package registries and CI
  { provider: "npm", name: "npm access token", prefixes: ["npm_"], pattern: "npm_[A-Za-z0-9]{36}" },
  {
    provider: "pypi",
    name: "PyPI upload token",
    prefixes: ["pypi-AgEIcHlwaS5vcmc", "pypi-AgENdGVzdC5weXBpLm9yZw"],
    pattern: "pypi-(?:AgEIcHlwaS5vcmc|AgENdGVzdC5weXBpLm9yZw)[A-Za-z0-9_-]{50,1000}",
    after: "[A-Za-z0-9_-]",
  },
  { provider: "rubygems", name: "RubyGems API key", prefixes: ["rubygems_"], pattern: `rubygems_${HEX}{48}` },
  {
    provider: "nuget",
    name: "NuGet API key",
    prefixes: ["oy2"],
    pattern: "oy2[a-z0-9]{43}",
    before: "alnum",
    minEntropy: 3.5,
  },
  {
    provider: "docker",
    name: "Docker Hub personal / organisation access token",
    prefixes: ["dckr_pat_", "dckr_oat_"],
    pattern: "dckr_(?:pat|oat)_[A-Za-z0-9_-]{27,40}",
    after: "[A-Za-z0-9_-]",
  },
  {
    provider: "jfrog",
    name: "JFrog Artifactory API key / reference token",
    prefixes: ["AKCp", "cmVmd"],
    pattern: "(?:AKCp[A-Za-z0-9]{69}|cmVmd[A-Za-z0-9]{59})",
    before: "alnum",
  },
  {
    provider: "clojars",
    name: "Clojars deploy token",
    prefixes: ["CLOJARS_"],
    pattern: "CLOJARS_[a-z0-9]{60}",
  },
  {
    provider: "crates",
    name: "crates.io API token",
    prefixes: ["cio"],
    pattern: "cio[A-Za-z0-9]{32}",
    before: "alnum",
    minEntropy: 3.8,
  },
  { provider: "buildkite", name: "Buildkite API token", prefixes: ["bkua_"], pattern: `bkua_${HEX}{40}` },
  {
    provider: "circleci",
    name: "CircleCI personal API token",
    prefixes: ["CCIPAT_"],
    pattern: `CCIPAT_[A-Za-z0-9]{22}_${HEX}{40}`,
  },
  {
    provider: "sonarqube",
    name: "SonarQube token",
    prefixes: ["sqp_", "squ_", "sqa_"],
    pattern: `sq[pua]_${HEX}{40}`,
  },
  {
    provider: "sourcegraph",
    name: "Sourcegraph access token",
    prefixes: ["sgp_"],
    // hex, in either case (a token copied from a page that shows it in capitals is still one), random
    pattern: "sgp_(?:(?:[a-fA-F0-9]{16}|local)_)?[a-fA-F0-9]{40}",
    minEntropy: 3.2,
  },
  { provider: "prefect", name: "Prefect API key", prefixes: ["pnu_"], pattern: "pnu_[A-Za-z0-9]{36}" },
  {
    provider: "intra42",
    name: "42 intranet (intra42) client secret",
    prefixes: ["s-s4t2ud-", "s-s4t2af-"],
    pattern: `s-s4t2(?:ud|af)-${HEX}{64}`,
  },
  { provider: "readme", name: "ReadMe API key", prefixes: ["rdme_"], pattern: "rdme_[a-z0-9]{70}" },
  {
    provider: "infracost",
    name: "Infracost API key",
    prefixes: ["ico-"],
    pattern: "ico-[A-Za-z0-9]{32}",
    minEntropy: 3.5,
    check: (t) => countDigits(t) >= 2,
  },
  {
    provider: "harness",
    name: "Harness API key",
    prefixes: ["pat.", "sat."],
    pattern: "[ps]at\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9]{24}\\.[A-Za-z0-9]{20}",
    before: "alnum",
  },
  {
    provider: "octopus",
    name: "Octopus Deploy API key",
    prefixes: ["API-"],
    pattern: "API-[A-Z0-9]{26}",
    before: "alnum",
    minEntropy: 3.5,
    check: (t) => countDigits(t) >= 2,
  },
  {
    provider: "scalingo",
    name: "Scalingo API token",
    prefixes: ["tk-us-"],
    pattern: "tk-us-[A-Za-z0-9_-]{48}",
    after: "[A-Za-z0-9_-]",
  },

  // ---------------------------------------------------------------- messaging, SaaS and others
  {
    provider: "sendgrid",
    name: "SendGrid API key",
    prefixes: ["SG."],
    pattern: "SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}",
    after: "[A-Za-z0-9_-]",
  },
  {
    provider: "mailgun",
    name: "Mailgun private API key",
    prefixes: ["key-"],
    pattern: `key-${HEX}{32}`,
    before: "alnum",
    minEntropy: 3.2,
  },
  {
    provider: "mailchimp",
    name: "Mailchimp API key",
    trigger: "-us",
    pattern: `${HEX}{32}-us\\d{1,2}`,
    before: "alnum",
  },
  {
    provider: "twilio",
    name: "Twilio API key SID / account SID",
    prefixes: ["SK", "AC"],
    pattern: `(?:SK|AC)${HEX}{32}`,
    before: "alnum",
    minEntropy: 3.2,
  },
  {
    provider: "brevo",
    name: "Brevo (Sendinblue) API / SMTP key",
    prefixes: ["xkeysib-", "xsmtpsib-"],
    pattern: `x(?:keysib|smtpsib)-${HEX}{64}-[A-Za-z0-9]{16}`,
  },
  {
    provider: "resend",
    name: "Resend API key",
    prefixes: ["re_"],
    pattern: "re_[A-Za-z0-9]{8}_[A-Za-z0-9]{24}",
    before: "alnum",
    minEntropy: 3.5,
    check: (t) => countDigits(t) >= 2,
  },
  {
    provider: "telnyx",
    name: "Telnyx API key",
    prefixes: ["KEY"],
    pattern: "KEY[0-9A-F]{32}_[A-Za-z0-9]{22}",
    before: "alnum",
  },
  {
    provider: "notion",
    name: "Notion integration token",
    prefixes: ["ntn_", "secret_"],
    pattern: "(?:ntn_\\d{11}[A-Za-z0-9]{35}|secret_[A-Za-z0-9]{43})",
    // the legacy secret_ form must look random (not a long identifier)
    check: (t) => t.startsWith("ntn_") || shannonEntropy(t) >= 4,
  },
  {
    provider: "linear",
    name: "Linear API key / OAuth token",
    prefixes: ["lin_api_", "lin_oauth_"],
    pattern: `(?:lin_api_[A-Za-z0-9]{40,64}|lin_oauth_${HEX}{64})`,
  },
  {
    provider: "figma",
    name: "Figma personal access token",
    prefixes: ["figd_"],
    pattern: "figd_[A-Za-z0-9_-]{36,80}",
    after: "[A-Za-z0-9_-]",
  },
  {
    provider: "grafana",
    name: "Grafana Cloud / service account token",
    prefixes: ["glc_", "glsa_"],
    pattern: "(?:glc_[A-Za-z0-9+/]{32,400}={0,3}|glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8})",
    after: "[A-Za-z0-9+/=]",
  },
  {
    provider: "grafana",
    name: "Grafana API key (legacy)",
    prefixes: ["eyJrIjoi"],
    pattern: "eyJrIjoi[A-Za-z0-9]{70,400}={0,3}",
    before: "alnum",
    after: "[A-Za-z0-9=]",
  },
  {
    provider: "postman",
    name: "Postman API key",
    prefixes: ["PMAK-"],
    pattern: `PMAK-${HEX}{24}-${HEX}{34}`,
  },
  {
    provider: "sentry",
    name: "Sentry auth token",
    prefixes: ["sntrys_eyJ", "sntryu_"],
    pattern: `(?:sntrys_eyJ[A-Za-z0-9+/=_-]{50,600}|sntryu_${HEX}{64})`,
    after: "[A-Za-z0-9+/=_-]",
  },
  {
    provider: "dropbox",
    name: "Dropbox short-lived access token",
    prefixes: ["sl."],
    pattern: "sl\\.[A-Za-z0-9_.-]{130,1400}",
    before: "alnum",
    after: "[A-Za-z0-9_.-]",
    minEntropy: 4.0,
  },
  {
    provider: "asana",
    name: "Asana personal access token",
    prefixes: ["0/", "1/", "2/"],
    pattern: `[012]/\\d{6,20}(?:/\\d{6,20})?:${HEX}{32}`,
    before: "alnum",
  },
  {
    provider: "airtable",
    name: "Airtable personal access token",
    prefixes: ["pat"],
    pattern: `pat[A-Za-z0-9]{14}\\.${HEX}{64}`,
    before: "alnum",
  },
  {
    provider: "contentful",
    name: "Contentful personal access token",
    prefixes: ["CFPAT-"],
    pattern: "CFPAT-[A-Za-z0-9_-]{43}",
    after: "[A-Za-z0-9_-]",
  },
  {
    provider: "typeform",
    name: "Typeform personal token",
    prefixes: ["tfp_"],
    pattern: "tfp_[A-Za-z0-9_.=-]{59}",
    after: "[A-Za-z0-9_.=-]",
  },
  {
    provider: "frameio",
    name: "Frame.io API token",
    prefixes: ["fio-u-"],
    pattern: "fio-u-[A-Za-z0-9_=-]{64}",
    after: "[A-Za-z0-9_=-]",
  },
  {
    provider: "easypost",
    name: "EasyPost API key",
    prefixes: ["EZAK", "EZTK"],
    pattern: "EZ[AT]K[A-Za-z0-9]{54}",
    before: "alnum",
  },
  {
    provider: "duffel",
    name: "Duffel API token",
    prefixes: ["duffel_test_", "duffel_live_"],
    pattern: "duffel_(?:test|live)_[A-Za-z0-9_=-]{43}",
    after: "[A-Za-z0-9_=-]",
  },
  {
    provider: "shippo",
    name: "Shippo API token",
    prefixes: ["shippo_live_", "shippo_test_"],
    pattern: "shippo_(?:live|test)_[a-fA-F0-9]{40}",
  },
  {
    provider: "adobe",
    name: "Adobe client secret",
    prefixes: ["p8e-"],
    pattern: "p8e-[A-Za-z0-9]{32}",
    before: "alnum",
  },
  {
    provider: "facebook",
    name: "Facebook / Meta access token",
    prefixes: ["EAAC", "EAAM", "EAAG", "EAAB"],
    pattern: "EAA[CMGB][A-Za-z0-9]{100,400}",
    before: "alnum",
    minEntropy: 4.0,
  },
  {
    provider: "twitter",
    name: "X / Twitter bearer token",
    prefixes: ["AAAAAAAAAAAAAAAAAAAAA"],
    pattern: "A{21,24}[A-Za-z0-9%]{30,120}",
    before: "alnum",
    check: (t) => /[a-z]/.test(t) && /\d/.test(t),
  },
  {
    provider: "mapbox",
    name: "Mapbox secret token",
    prefixes: ["sk.eyJ"],
    pattern: "sk\\.eyJ[A-Za-z0-9_-]{40,200}\\.[A-Za-z0-9_-]{20,40}",
    after: "[A-Za-z0-9_-]",
  },
  {
    provider: "maxmind",
    name: "MaxMind license key",
    trigger: "_mmk",
    pattern: "[A-Za-z0-9]{6}_[A-Za-z0-9]{29}_mmk",
    before: "alnum",
  },
  {
    provider: "clickhouse",
    name: "ClickHouse Cloud API secret",
    prefixes: ["4b1d"],
    pattern: "4b1d[A-Za-z0-9]{38}",
    before: "alnum",
    minEntropy: 3.8,
  },
];

/** Distinct providers covered by the table (for docs and tests). */
export const TOKEN_PROVIDERS: readonly string[] = [...new Set(TOKEN_FORMATS.map((f) => f.provider))];
