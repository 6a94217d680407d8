import { z } from "zod";

/**
 * Sensitivity levels from docs/architecture.md: 1 public, 2 internal, 3 personal, 4 special or secret.
 * Level 4 content is dropped at the source and never stored.
 */
export const SensitivityLevel = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
export type SensitivityLevel = z.infer<typeof SensitivityLevel>;

/** Where a piece of text was seen. It decides the default level and which rules apply. */
export const Channel = z.enum(["typed", "title", "url", "clipboard", "ocr"]);
export type Channel = z.infer<typeof Channel>;

/** One line of `tracevault redact --in` input. Unknown fields are ignored. */
export const RedactInputLine = z.object({
  id: z.union([z.string(), z.number()]),
  text: z.string(),
  channel: Channel.optional(),
});
export type RedactInputLine = z.infer<typeof RedactInputLine>;

/** A detected span, with UTF-16 offsets into the input text (end exclusive). */
export const RedactedSpan = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  type: z.string(),
  level: SensitivityLevel,
});
export type RedactedSpan = z.infer<typeof RedactedSpan>;

/** One line of `tracevault redact --in` output. */
export const RedactOutputLine = z.object({
  id: z.union([z.string(), z.number()]),
  level: SensitivityLevel,
  redacted: z.string(),
  spans: z.array(RedactedSpan),
});
export type RedactOutputLine = z.infer<typeof RedactOutputLine>;
