// npm run bench -- recognizers: throughput of each recognizer alone on the Presidio eval texts (MB/s),
// to find the one that holds the engine back. Not a headline figure.
import { RECOGNIZERS } from "../packages/privacy/dist/index.js";
import { evalDir, readJsonl } from "./eval-sets.mjs";
import { join } from "node:path";

export async function run() {
  const dir = evalDir();
  const texts = readJsonl(join(dir, "pii_presidio_synth.jsonl")).map((r) => r.text);
  const bytes = texts.reduce((a, t) => a + Buffer.byteLength(t), 0);
  const inputs = texts.map((text) => ({ text, lower: text.toLowerCase(), channel: "typed" }));
  for (const r of RECOGNIZERS) {
    let reps = 0;
    const t0 = performance.now();
    while (performance.now() - t0 < 300) {
      for (const i of inputs) r.detect(i);
      reps++;
    }
    const s = (performance.now() - t0) / 1000;
    console.log(
      JSON.stringify({ name: "recognizer", id: r.id, mb_per_s: +((bytes * reps) / s / 1e6).toFixed(1) }),
    );
  }
}
