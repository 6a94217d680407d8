// First: it bounds the heap for everything the recorder loads after it (see heap.ts).
import "./heap.js";
export * from "./types.js";
export * from "./keymap.js";
export * from "./input-mapper.js";
export * from "./input-source.js";
export * from "./hook-child.js";
export * from "./image.js";
export * from "./ocr.js";
