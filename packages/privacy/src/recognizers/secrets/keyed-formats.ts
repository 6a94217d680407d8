/**
 * Credentials recognisable only by the name they are assigned to, as data: when a key (variable, JSON/YAML key,
 * header, flag) matches `key` and the assigned value matches `value`, the assignment is a `SECRET:<provider>`.
 * `key` is tested on the normalised key name: lower case, words joined by `_` (`azureClientSecret` and
 * `AZURE-CLIENT-SECRET` both become `azure_client_secret`).
 */
export interface KeyedFormat {
  provider: string;
  name: string;
  key: RegExp;
  /** Test `key` on the raw lower-cased key name instead of the normalised one (e.g. `.npmrc`'s `_authToken`). */
  rawKey?: boolean;
  value: RegExp;
}

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const AZURE = "(?:azure|aad|arm|entra|msal|ad|az)";

export const KEYED_FORMATS: readonly KeyedFormat[] = [
  {
    provider: "aws",
    name: "AWS secret access key",
    key: /(?:^|_)(?:aws|amazon|s3)_(?:[a-z0-9]+_)*(?:secret|private)|(?:^|_)secret_?access_?key(?:$|_)/,
    value: /^[A-Za-z0-9/+]{40}$/,
  },
  {
    provider: "aws",
    name: "AWS session token",
    key: /(?:^|_)(?:aws_)?(?:session|security)_token$/,
    value: /^[A-Za-z0-9/+=]{100,2048}$/,
  },
  {
    provider: "aws",
    name: "AWS account id",
    key: /(?:^|_)aws_(?:[a-z]+_)?account_?id$/,
    value: /^\d{4}-?\d{4}-?\d{4}$/,
  },
  {
    provider: "azure",
    name: "Azure tenant / client / subscription id",
    key: new RegExp(
      `(?:^|_)${AZURE}_(?:[a-z]+_)?(?:tenant|client|subscription|app|application|object|directory)_?id$|(?:^|_)tenant_?id$`,
    ),
    value: UUID,
  },
  {
    provider: "azure",
    name: "Azure client secret / key / password",
    key: new RegExp(`(?:^|_)${AZURE}_(?:[a-z0-9]+_)*(?:secret|password|key|pwd)(?:$|_)`),
    value: /^[A-Za-z0-9_~.+/=-]{30,100}$/,
  },
  {
    provider: "azure",
    name: "Azure DevOps personal access token",
    key: /azure_?devops|(?:^|_)(?:azdo|ado|vsts)_(?:[a-z]+_)?(?:pat|token)/,
    value: /^(?:[a-z2-7]{52}|[A-Za-z0-9]{84})$/,
  },
  { provider: "heroku", name: "Heroku API key", key: /heroku/, value: UUID },
  { provider: "algolia", name: "Algolia API key", key: /algolia/, value: /^[a-fA-F0-9]{32}$/ },
  {
    provider: "cohere",
    name: "Cohere API key",
    key: /cohere|(?:^|_)co_api_key$/,
    value: /^[A-Za-z0-9]{40}$/,
  },
  { provider: "mistral", name: "Mistral API key", key: /mistral/, value: /^[A-Za-z0-9]{32}$/ },
  { provider: "deepseek", name: "DeepSeek API key", key: /deepseek/, value: /^sk-[a-f0-9]{32}$/ },
  {
    provider: "datadog",
    name: "Datadog API / application key",
    key: /datadog|(?:^|_)dd_(?:api|app|application|client)_?(?:key|token)/,
    value: /^(?:[a-f0-9]{32}|[a-f0-9]{40})$/,
  },
  { provider: "twilio", name: "Twilio auth token", key: /twilio/, value: /^[a-f0-9]{32}$/ },
  {
    provider: "mailgun",
    name: "Mailgun API / signing key",
    key: /mailgun/,
    value: /^(?:key-)?[a-f0-9]{32}(?:-[a-f0-9]{8}-[a-f0-9]{8})?$/,
  },
  { provider: "okta", name: "Okta API token", key: /okta/, value: /^00[A-Za-z0-9_-]{40}$/ },
  {
    provider: "cloudflare",
    name: "Cloudflare API token / global API key",
    key: /cloudflare|(?:^|_)cf_(?:[a-z]+_)?(?:token|key)/,
    value: /^(?:[A-Za-z0-9_-]{40}|[a-f0-9]{37})$/,
  },
  { provider: "sentry", name: "Sentry auth token (legacy)", key: /sentry/, value: /^[a-f0-9]{64}$/ },
  { provider: "snyk", name: "Snyk API token", key: /snyk/, value: UUID },
  { provider: "netlify", name: "Netlify access token", key: /netlify/, value: /^[A-Za-z0-9_-]{40,64}$/ },
  {
    provider: "atlassian",
    name: "Jira / Confluence API token",
    key: /jira|confluence|atlassian/,
    value: /^[A-Za-z0-9]{24}$/,
  },
  {
    provider: "npm",
    name: "npm registry auth token (.npmrc)",
    key: /^_auth(?:token)?$|^_password$|^npm_(?:auth_)?token$/,
    rawKey: true,
    value: /^[A-Za-z0-9+/=_.:-]{8,512}$/,
  },
  {
    provider: "facebook",
    name: "Facebook app secret",
    key: /facebook|(?:^|_)fb_(?:app_)?secret/,
    value: /^[a-f0-9]{32}$/,
  },
  {
    provider: "slack",
    name: "Slack signing secret",
    key: /slack_(?:[a-z]+_)?(?:signing|secret)/,
    value: /^[a-f0-9]{32}$/,
  },
  {
    provider: "telegram",
    name: "Telegram bot token",
    key: /telegram/,
    value: /^\d{5,16}:[A-Za-z0-9_-]{34,35}$/,
  },
  {
    provider: "discord",
    name: "Discord client secret / public key",
    key: /discord/,
    value: /^(?:[a-f0-9]{64}|[A-Za-z0-9_-]{32})$/,
  },
  {
    provider: "twitter",
    name: "X / Twitter API key or secret",
    key: /twitter/,
    value: /^(?:[A-Za-z0-9]{25}|[A-Za-z0-9]{45,50})$/,
  },
  { provider: "pagerduty", name: "PagerDuty API key", key: /pagerduty/, value: /^[A-Za-z0-9_+-]{20}$/ },
  {
    provider: "launchdarkly",
    name: "LaunchDarkly SDK key",
    key: /launchdarkly/,
    value: /^(?:sdk|api|mob)-[a-f0-9-]{36}$/,
  },
  { provider: "fastly", name: "Fastly API token", key: /fastly/, value: /^[A-Za-z0-9_-]{32}$/ },
  { provider: "pinecone", name: "Pinecone API key (legacy)", key: /pinecone/, value: UUID },
  {
    provider: "wandb",
    name: "Weights & Biases API key",
    key: /wandb|weights_?and_?biases/,
    value: /^[a-f0-9]{40}$/,
  },
  {
    provider: "ngrok",
    name: "ngrok auth token",
    key: /ngrok/,
    value: /^[A-Za-z0-9]{20,30}_[A-Za-z0-9]{20,30}$/,
  },
  {
    provider: "gcp",
    name: "Google OAuth client secret (legacy)",
    key: /(?:google|gcp|gapi)_(?:[a-z]+_)*secret/,
    value: /^[A-Za-z0-9_-]{24}$/,
  },
];
