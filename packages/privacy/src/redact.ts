import { createHmac } from "node:crypto";
import type { Span } from "./merge.js";

/**
 * How a detected value is replaced.
 * - `placeholder`: `[EMAIL_ADDRESS]`; irreversible and unlinkable.
 * - `hash`: `[EMAIL_ADDRESS:3f9a…]`, an HMAC-SHA256 of the value under a per-person key, so the same value
 *   links across records of that person until the key is erased (then linkability is gone).
 */
export type RedactionOperator = { kind: "placeholder" } | { kind: "hash"; key: Uint8Array; length?: number };

/** The label used in placeholders: `SECRET:github` → `SECRET`. @example placeholderLabel("SECRET:aws") // "SECRET" */
export function placeholderLabel(type: string): string {
  const i = type.indexOf(":");
  return i < 0 ? type : type.slice(0, i);
}

/**
 * Replace every span of `text` (spans must be disjoint and sorted, as `mergeDetections` returns them).
 * @example applyRedaction("mail a@b.co", [{start:5,end:11,type:"EMAIL_ADDRESS",level:3,sources:[]}]) // "mail [EMAIL_ADDRESS]"
 */
export function applyRedaction(
  text: string,
  spans: readonly Span[],
  op: RedactionOperator = { kind: "placeholder" },
): string {
  if (spans.length === 0) return text;
  // plain concatenation: records are short and hold few spans, so no parts array is worth building
  let out = "";
  let pos = 0;
  for (let k = 0; k < spans.length; k++) {
    const s = spans[k]!;
    const label = placeholderLabel(s.type);
    if (op.kind === "hash") {
      const digest = createHmac("sha256", op.key)
        .update(s.type + "\u0000" + text.slice(s.start, s.end))
        .digest("hex")
        .slice(0, op.length ?? 12);
      out += `${text.slice(pos, s.start)}[${label}:${digest}]`;
    } else {
      out += `${text.slice(pos, s.start)}[${label}]`;
    }
    pos = s.end;
  }
  return out + text.slice(pos);
}
