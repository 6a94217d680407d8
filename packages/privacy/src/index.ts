export * from "./types.js";
export * from "./engine.js";
export * from "./merge.js";
export * from "./redact.js";
export * from "./classify.js";
export * from "./context.js";
export * from "./checksums.js";
export { RECOGNIZERS } from "./recognizers/index.js";
