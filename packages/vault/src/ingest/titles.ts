import { createHash } from "node:crypto";
import type { FocusEvent } from "@tracevault/core";
import { redact } from "@tracevault/privacy";

/** What redacting one title or URL gave: the text to store, its level, and how many values were masked. */
export interface TextRedaction {
  text: string;
  level: number;
  redactions: number;
}

/**
 * Title and URL redaction, remembered. A person stays in one window for many batches, so the same focus title
 * comes back again and again, and `redact` (every recognizer, plus the context rules) costs ~1 ms for it.
 * `redact` is a pure function of the text and its context under the built-in policy, so its result can be
 * reused. The cache is keyed by a SHA-256 of the inputs and holds only the redacted output: the raw titles
 * are not kept in memory.
 */
export class TitleRedactor {
  private readonly memo = new Map<string, TextRedaction>();

  constructor(private readonly capacity = 4096) {}

  redact(field: "title" | "url", e: FocusEvent): TextRedaction {
    const value = e[field]!;
    const key = createHash("sha256")
      .update(JSON.stringify([field, value, e.app ?? null, e.title ?? null, e.url ?? null]))
      .digest("base64");
    const hit = this.memo.get(key);
    if (hit) return hit;
    const r = redact(value, { channel: field, context: { app: e.app, title: e.title, url: e.url } });
    const out: TextRedaction =
      r.level === 4
        ? { text: "[EXCLUDED]", level: 3, redactions: 1 }
        : { text: r.redacted, level: Math.min(r.level, 3), redactions: r.spans.length };
    // Oldest first out: a Map iterates in insertion order.
    if (this.memo.size >= this.capacity) this.memo.delete(this.memo.keys().next().value!);
    this.memo.set(key, out);
    return out;
  }
}
