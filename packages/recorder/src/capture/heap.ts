import { setFlagsFromString } from "node:v8";

/**
 * Keep V8's young generation at its starting size (two 1 MB semi-spaces) in the recorder process.
 *
 * V8 doubles the young generation whenever much of it survives a scavenge, up to two 16 MB semi-spaces,
 * and never gives the memory back while allocation goes on. Loading the privacy engine (its lexicons are
 * built at import: everything allocated survives) grows it to the maximum at once, so a recorder idling at
 * 1,000 events/s kept ~30 MB of young generation it does not need (measured: 117 MB → 91 MB resident with
 * growth off; the cost is a scavenge per MB allocated, a few per second while recording).
 *
 * The growth factor is read each time V8 considers growing, so setting it here takes effect for everything
 * allocated after this module is evaluated: it is the first module the recorder package evaluates (spool.ts,
 * the package index's first export, imports it first), before zod schemas and the privacy engine. What was
 * loaded before the recorder (the CLI loads @tracevault/core first: its schemas grow the young generation to
 * 2 × 4 MB) keeps its size. `--max-semi-space-size=1` on the node command line does the same from the start.
 */
setFlagsFromString("--semi-space-growth-factor=1");
