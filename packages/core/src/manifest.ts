import { z } from "zod";
import { SensitivityLevel } from "./sensitivity.js";

/** Purposes no manifest or dataset may name: they turn recording into surveillance. */
export const FORBIDDEN_PURPOSES = ["performance-evaluation", "emotion-inference"] as const;

export const Purpose = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,63}$/, "a purpose is a lower-case slug such as 'agent-training'")
  .refine((p) => !(FORBIDDEN_PURPOSES as readonly string[]).includes(p), {
    message: `forbidden purpose (never allowed: ${FORBIDDEN_PURPOSES.join(", ")})`,
  });

/** The capture channels a manifest can allow. A source the manifest lacks is never started. */
export const CaptureChannel = z.enum(["keyboard", "mouse", "window", "screenshots", "clipboard"]);
export type CaptureChannel = z.infer<typeof CaptureChannel>;

export const ScreenshotPolicy = z.object({
  /** `actions`: just before and after actions; `actions+changes`: also on screen change at a low rate. */
  trigger: z.enum(["actions", "actions+changes"]),
  maxPerMinute: z.number().int().min(1).max(600),
  maxWidth: z.number().int().min(160).max(7680),
  format: z.enum(["jpeg", "webp", "png"]),
  quality: z.number().int().min(1).max(100),
  /** Black out text the privacy engine flags (OCR on the device). Only `false` when screenshots are off. */
  redactText: z.boolean(),
});

export const Scope = z.object({
  /** `exclude`: everything except the listed apps/sites; `allow`: only the listed ones. */
  mode: z.enum(["exclude", "allow"]),
  apps: z.array(z.string().min(1).max(200)).max(1000),
  sites: z.array(z.string().min(1).max(253)).max(1000),
  /** Case-insensitive substrings of window titles. */
  titles: z.array(z.string().min(1).max(200)).max(1000),
  /** Also exclude the privacy policy's level-4 context categories (password managers, banking, …). */
  useDefaultExclusions: z.boolean(),
});

/** What is collected, why, and for how long: the document a recorded person acknowledges. */
export const Manifest = z
  .object({
    schema: z.literal("tracevault/manifest/v1"),
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/),
    version: z.number().int().min(1),
    title: z.string().min(1).max(200),
    issuedAt: z.string().datetime(),
    channels: z.array(CaptureChannel).min(1),
    screenshots: ScreenshotPolicy.optional(),
    /** The highest level that may be stored; content above it is dropped at the source. Level 4 is never stored. */
    sensitivityCap: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    scope: Scope,
    retentionDays: z.number().int().min(1).max(3650),
    purposes: z.array(Purpose).min(1),
    /** Version of the privacy engine's policy file the recorder must apply (or newer). */
    privacyPolicyVersion: z.string().min(1),
  })
  .superRefine((m, ctx) => {
    if (m.channels.includes("screenshots") !== (m.screenshots !== undefined))
      ctx.addIssue({
        code: "custom",
        path: ["screenshots"],
        message: "a screenshot policy is required exactly when the 'screenshots' channel is collected",
      });
    if (new Set(m.channels).size !== m.channels.length)
      ctx.addIssue({ code: "custom", path: ["channels"], message: "a channel is listed twice" });
  });
export type Manifest = z.infer<typeof Manifest>;

export const SensitivityCap = SensitivityLevel;
