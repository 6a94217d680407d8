import { agentnet } from "./agentnet.js";
import { anthropic } from "./anthropic.js";
import type { JsonlExporter } from "./common.js";
import { computer13 } from "./computer13.js";
import { messages } from "./messages.js";
import { openai } from "./openai.js";
import { osworld } from "./osworld.js";

export * from "./common.js";
export * from "./pyautogui.js";
export * from "./agentnet.js";
export * from "./osworld.js";
export * from "./computer13.js";
export * from "./anthropic.js";
export * from "./openai.js";
export * from "./messages.js";
export * from "./hf.js";

/** Every JSONL exporter, by format id (the `hf` dataset folder is built from `hf.ts`). */
export const EXPORTERS: Readonly<Record<string, JsonlExporter>> = {
  agentnet,
  osworld,
  computer13,
  anthropic,
  openai,
  messages,
};

/** Format ids `tracevault export --format` accepts. */
export const EXPORT_FORMATS = [
  "agentnet",
  "osworld",
  "computer13",
  "anthropic",
  "openai",
  "messages",
  "hf",
] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
