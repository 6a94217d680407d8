import { z } from "zod";
import { Channel, SensitivityLevel } from "@tracevault/core";

/**
 * The schema of a privacy policy file (see `default-policy.json` and `README.md` beside this file).
 * A policy is data: levels, entity rules and context categories. `loadPolicy` validates a file against
 * this schema and compiles its matchers once.
 */

/** `YYYY-MM-DD.N` (date of the change, then a revision counter for that day) or semver `1.4.0`. */
export const POLICY_VERSION_RE =
  /^(?:\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])\.\d{1,4}|\d{1,4}\.\d{1,4}\.\d{1,4}(?:-[0-9A-Za-z.-]{1,40})?)$/;

/** Entity types are upper-case (`CREDIT_CARD`), optionally with a sub-type (`SECRET:github`) or `:*` for all sub-types. */
export const ENTITY_KEY_RE = /^[A-Z][A-Z0-9_]{0,63}(?::(?:\*|[A-Za-z0-9_.-]{1,64}))?$/;

/** Category ids are kebab-case: they appear in reasons (`context:banking:host`). */
export const CATEGORY_ID_RE = /^[a-z][a-z0-9-]{0,63}$/;

/**
 * Host patterns: dot-separated labels, lower-case. A pattern matches the host itself and any subdomain
 * (`irs.gov` matches `www.irs.gov`). A `*` label matches exactly one label (`*.bank.example`), a trailing
 * `*` label one or more labels (`mychart.*` matches `mychart.example-health.org`).
 */
export const HOST_PATTERN_RE =
  /^(?:\*|[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.(?:\*|[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)){0,20}$/;

const nonEmpty = z.string().trim().min(1, "must not be empty");

/** A regular expression given as a string; it must compile (flags `iu` are added by the loader). */
const RegexString = z
  .string()
  .min(1, "must not be empty")
  .max(500, "is longer than 500 characters")
  .superRefine((src, ctx) => {
    try {
      new RegExp(src, "iu");
    } catch (e) {
      ctx.addIssue({ code: "custom", message: `is not a valid regular expression: ${(e as Error).message}` });
    }
  });

export const ChannelRule = z.strictObject({
  level: SensitivityLevel,
  reason: nonEmpty,
});

export const EntityRule = z.strictObject({
  level: SensitivityLevel,
  /**
   * Whether masking the span removes what makes it sensitive. A masked card number no longer exposes the
   * number (true); a health statement stays a health statement around the mask (false).
   */
  maskable: z.boolean().default(true),
  reason: nonEmpty.optional(),
});

export const ContextMatcher = z
  .strictObject({
    /**
     * Application names, executable names, WM_CLASS values or bundle ids. Compared after lower-casing,
     * removing diacritics and turning every non-alphanumeric run into one space; an entry matches as a whole
     * word sequence (`keepassxc` matches `org.keepassxc.KeePassXC`). A leading `=` requires the whole app
     * string to equal the entry (`=messages`).
     */
    apps: z.array(nonEmpty).optional(),
    /** Words or phrases in the window title, matched as whole words under the same normalisation as apps. */
    titleKeywords: z.array(nonEmpty).optional(),
    /** Regular expressions tested against the window title (case-insensitive, Unicode). */
    titlePatterns: z.array(RegexString).optional(),
    /** Host patterns (see HOST_PATTERN_RE) tested against the URL's host. */
    hosts: z
      .array(
        z
          .string()
          .regex(
            HOST_PATTERN_RE,
            "is not a host pattern (lower-case labels separated by dots, '*' for any label)",
          ),
      )
      .optional(),
    /** Regular expressions tested against `host + path` of the URL, lower-cased, without scheme, query or fragment. */
    urlPatterns: z.array(RegexString).optional(),
    /** Matches records whose context says the browser window is private/incognito. */
    privateWindow: z.literal(true).optional(),
  })
  .refine(
    (m) =>
      (m.apps?.length ?? 0) +
        (m.titleKeywords?.length ?? 0) +
        (m.titlePatterns?.length ?? 0) +
        (m.hosts?.length ?? 0) +
        (m.urlPatterns?.length ?? 0) >
        0 || m.privateWindow === true,
    {
      message:
        "needs at least one matcher (apps, titleKeywords, titlePatterns, hosts, urlPatterns, privateWindow)",
    },
  );

export const ContextCategory = z
  .strictObject({
    id: z.string().regex(CATEGORY_ID_RE, "must be kebab-case, e.g. 'password-manager'"),
    description: nonEmpty,
    level: SensitivityLevel,
    /** The recorder stops capturing (keys, screenshots, text) while this context is in the foreground. */
    exclude: z.boolean(),
    match: ContextMatcher,
  })
  .superRefine((c, ctx) => {
    if (c.level === 4 && !c.exclude) {
      ctx.addIssue({
        code: "custom",
        path: ["exclude"],
        message: "must be true for a level-4 category: level-4 data is dropped at the source, never captured",
      });
    }
  });

export const PolicySource = z.strictObject({
  $schema: z.string().optional(),
  $comment: z.string().optional(),
  version: z.string().regex(POLICY_VERSION_RE, "must be 'YYYY-MM-DD.N' or semver 'MAJOR.MINOR.PATCH'"),
  description: nonEmpty,
  changelog: z
    .array(
      z.strictObject({
        version: z.string().regex(POLICY_VERSION_RE, "is not a policy version"),
        changes: nonEmpty,
      }),
    )
    .optional(),
  masking: z.strictObject({
    /** The most a masked (maskable) span contributes to its record's level. */
    residualLevel: SensitivityLevel,
    reason: nonEmpty,
  }),
  channels: z.strictObject(
    Object.fromEntries(Channel.options.map((c) => [c, ChannelRule])) as Record<Channel, typeof ChannelRule>,
  ),
  entities: z.strictObject({
    /** Rule for an entity type the policy does not name and whose recognizer gave no level. */
    default: EntityRule,
    types: z.record(
      z.string().regex(ENTITY_KEY_RE, "is not an entity type (e.g. 'CREDIT_CARD', 'SECRET:*')"),
      EntityRule,
    ),
    /** Recognizer ids whose spans are never maskable, whatever type the merged span ended up with. */
    unmaskableRecognizers: z.array(nonEmpty).default([]),
  }),
  categories: z.array(ContextCategory).superRefine((cats, ctx) => {
    const seen = new Map<string, number>();
    cats.forEach((c, i) => {
      const prev = seen.get(c.id);
      if (prev !== undefined)
        ctx.addIssue({
          code: "custom",
          path: [i, "id"],
          message: `duplicates the id of categories[${prev}]`,
        });
      else seen.set(c.id, i);
    });
  }),
});

/** A policy file as written (input of `loadPolicy`). */
export type PolicySourceInput = z.input<typeof PolicySource>;
/** A policy file after validation and defaults. */
export type PolicyData = z.output<typeof PolicySource>;
export type ContextCategoryData = z.output<typeof ContextCategory>;
export type EntityRuleData = z.output<typeof EntityRule>;
