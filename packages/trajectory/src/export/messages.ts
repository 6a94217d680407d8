import { taskOf, imageOf, type JsonlExporter } from "./common.js";
import { agentnetCode } from "./agentnet.js";

export const MESSAGES_SYSTEM_PROMPT =
  "You are a computer-use agent. Given the task, the previous actions and a screenshot, output the next action " +
  "as pyautogui code with coordinates normalised to 0-1 of the screenshot; finish with computer.terminate(status='success').";

/**
 * Chat/SFT view: one line per step, `{"messages": [...], "images": [...]}` with an `{"type": "image"}`
 * placeholder in the user turn, the layout TRL's vision SFT trainer reads.
 */
export const messages: JsonlExporter = {
  id: "messages",
  description:
    "chat/SFT samples (TRL layout): one per step, system + user (task, history, screenshot) + assistant (AgentNet code)",
  limitations: [
    "the assistant turn uses AgentNet code, with its limitations (no drag path, no durations)",
    "history keeps the last 8 actions",
  ],
  records(steps, ctx) {
    const { task_id, instruction } = taskOf(ctx.episode);
    const codes = steps.map((s) => agentnetCode(s, ctx));
    return steps.map((step, i) => {
      const image = imageOf(step, ctx);
      const history = codes.slice(Math.max(0, i - 8), i);
      const text =
        `Task: ${instruction}\n` +
        (history.length > 0
          ? `Previous actions:\n${history.map((c, j) => `${i - history.length + j + 1}. ${c}`).join("\n")}\n`
          : "") +
        "What is the next action?";
      return {
        task_id,
        step: step.index,
        messages: [
          { role: "system", content: [{ type: "text", text: MESSAGES_SYSTEM_PROMPT }] },
          { role: "user", content: [...(image ? [{ type: "image" }] : []), { type: "text", text }] },
          { role: "assistant", content: [{ type: "text", text: codes[i]! }] },
        ],
        images: image ? [image] : [],
      };
    });
  },
};
