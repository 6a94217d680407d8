export * from "./sensitivity.js";
export * from "./manifest.js";
export * from "./batch.js";
export * from "./lease.js";
export * from "./events.js";
export * from "./step.js";
export * from "./episode.js";
export * from "./payload.js";
