import type { SensitivityLevel } from "@tracevault/core";

/** Where a piece of text in a step came from (the privacy engine's channel names). */
export type TextChannel = "typed" | "title" | "url";

/** What a redaction function returns for one text. */
export interface TextRedaction {
  /** The text with sensitive spans replaced. */
  text: string;
  /** Entity types (or rule ids) that matched, one entry per redacted span. */
  rules: string[];
  /** The text's sensitivity level after redaction; 4 means: drop the whole step. */
  level: SensitivityLevel;
}

/**
 * A redaction function supplied by the caller (the CLI passes @tracevault/privacy's `redact`);
 * this package stays pure and does not depend on the privacy engine.
 * @example const none: TextRedactor = (text) => ({ text, rules: [], level: 1 });
 */
export type TextRedactor = (text: string, channel: TextChannel) => TextRedaction;

/** The identity redactor: used when no redaction function is given (tests, benchmarks). */
export const noRedaction: TextRedactor = (text) => ({ text, rules: [], level: 1 });
