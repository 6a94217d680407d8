export * from "./spool.js";
