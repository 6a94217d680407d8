import type { Channel, SensitivityLevel } from "@tracevault/core";

export type { Channel, SensitivityLevel };

/** A candidate found by one recognizer. Offsets are UTF-16 code units into the analysed text, end exclusive. */
export interface Detection {
  start: number;
  end: number;
  /** Entity type, e.g. `EMAIL_ADDRESS`, `CREDIT_CARD`, `SECRET:github`. The placeholder is built from it. */
  type: string;
  /** Confidence in [0, 1] after validation and context. Kept when >= the engine's threshold (0.5). */
  score: number;
  level: SensitivityLevel;
  /** Id of the recognizer that produced it (its provenance). */
  recognizer: string;
}

/** A person known to the organisation; the most precise source of names. */
export interface DirectoryPerson {
  name: string;
  email?: string;
  username?: string;
}

/** What a recognizer sees. `lower` is `text.toLowerCase()` computed once per analysis. */
export interface RecognizerInput {
  text: string;
  lower: string;
  channel: Channel;
  /** Names of people in the organisation, supplied at run time. */
  directory?: OrgDirectory;
}

/** A prepared organisation directory (see `prepareDirectory`). */
export interface OrgDirectory {
  /** Lower-cased full names, first names and last names of people in the organisation. */
  readonly tokens: ReadonlySet<string>;
  readonly fullNames: readonly string[];
}

/**
 * One entity kind: its patterns, validator, context words and score live in one module.
 * Adding a recognizer means writing that module and adding it to `recognizers/index.ts`.
 *
 * Performance contract: `detect` runs on every record (goal: the whole engine >= 20 MB/s), so a
 * recognizer must bail out cheaply when the text cannot contain its entity, and no regular
 * expression may backtrack super-linearly (tests feed every recognizer adversarial input).
 */
export interface Recognizer {
  id: string;
  /** Entity types this recognizer can emit (documentation and the policy file refer to them). */
  types: readonly string[];
  /** Channels it applies to; all when omitted. */
  channels?: readonly Channel[];
  /**
   * What a text must hold for this recognizer to find anything in it; the engine does not call `detect` on a
   * record that has none of it (records are short, so a skipped call is most of what a recognizer costs).
   * Omitted: always called. It must be a true necessary condition — an optimisation, never a filter.
   */
  triggers?: RecognizerTriggers;
  /**
   * It reads the record's shared word tokens (`tokensOf` of recognizers/people/tokens.ts). When a recognizer of
   * the list does, the engine makes them before anything else, and answers the character triggers of every
   * recognizer from their character summary instead of searching the text. An optimisation only: omitting it
   * changes no result.
   */
  readsWords?: boolean;
  detect(input: RecognizerInput): Detection[];
}

/** Conditions of which a record must meet at least one (see `Recognizer.triggers`). */
export interface RecognizerTriggers {
  /** The text holds an ASCII digit. */
  digit?: boolean;
  /** The text holds one of these strings (case-sensitive). */
  text?: readonly string[];
  /** The lower-cased text (`RecognizerInput.lower`) holds one of these strings. */
  lower?: readonly string[];
}
