export * from "./bytes.js";
export * from "./keys.js";
export * from "./hpke.js";
export * from "./canonical.js";
export * from "./sign.js";
export * from "./merkle.js";
export * from "./batch.js";
