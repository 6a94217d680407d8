export * from "./keys.js";
export * from "./privacy.js";
export * from "./observe.js";
export * from "./reducer.js";
export * from "./synth.js";
export * from "./faithfulness.js";
export * from "./export/index.js";
export * from "./import/agentnet.js";
