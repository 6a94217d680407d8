import { z } from "zod";
import { RawEvent } from "./events.js";

/** A frame carried inside a batch: already redacted on the device, base64 in the sealed payload. */
export const BatchFrame = z.object({
  ref: z.string().regex(/^[A-Za-z0-9_.-]{1,128}$/),
  mime: z.enum(["image/jpeg", "image/webp", "image/png"]),
  data: z.string().max(16 * 1024 * 1024),
});

/** Counts the recorder reports with each batch, so the vault can show what filtering did. */
export const BatchStats = z.object({
  droppedKeys: z.number().int().nonnegative().default(0),
  droppedFrames: z.number().int().nonnegative().default(0),
  blackedOutRegions: z.number().int().nonnegative().default(0),
  excludedWindows: z.number().int().nonnegative().default(0),
  redactedSpans: z.number().int().nonnegative().default(0),
  spoolDroppedBatches: z.number().int().nonnegative().default(0),
});

/** The plaintext inside a sealed batch (gzip-compressed JSON). */
export const BatchPayload = z.object({
  v: z.literal(1),
  events: z.array(RawEvent).max(200_000),
  frames: z.array(BatchFrame).max(2_000),
  stats: BatchStats.optional(),
});
export type BatchPayload = z.infer<typeof BatchPayload>;
