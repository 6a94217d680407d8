import type { Span } from "./merge.js";
import type { Channel, SensitivityLevel } from "./types.js";

/** Where a record was seen: the application, window title and URL around it. */
export interface RecordContext {
  app?: string;
  title?: string;
  url?: string;
  /** A private/incognito browser window. */
  privateWindow?: boolean;
}

export interface Classification {
  level: SensitivityLevel;
  /** Why: rule ids from the policy file, e.g. `channel:typed`, `context:banking`, `entity:CREDIT_CARD`. */
  reasons: string[];
}

const CHANNEL_LEVEL: Record<Channel, SensitivityLevel> = { typed: 2, title: 2, url: 1, clipboard: 2, ocr: 2 };

/**
 * The level of a record as it will be stored, i.e. after its spans are redacted.
 * @example classifyRecord({ channel: "typed", spans: [] }).level // 2
 */
export function classifyRecord(input: {
  channel: Channel;
  spans: readonly Span[];
  context?: RecordContext;
  text?: string;
}): Classification {
  let level: SensitivityLevel = CHANNEL_LEVEL[input.channel];
  const reasons = [`channel:${input.channel}`];
  for (const s of input.spans) {
    const residual: SensitivityLevel = s.level >= 3 ? 3 : s.level;
    if (residual > level) level = residual;
  }
  return { level, reasons };
}
