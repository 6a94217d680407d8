export * from "./sensitivity.js";
