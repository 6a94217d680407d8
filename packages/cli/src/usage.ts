import { parseArgs, type ParseArgsConfig } from "node:util";

/** A mistake in how the command was called: printed with the usage text, exit code 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

type Options = NonNullable<ParseArgsConfig["options"]>;
type Parsed<O extends Options> = ReturnType<
  typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>
>;

/**
 * `parseArgs` with positionals allowed, where a malformed command line becomes a UsageError that carries
 * the command's usage text (so every command reports mistakes the same way, with exit code 2).
 * @example parseCommand(["--team", "ops", "x"], { team: { type: "string" } }, USAGE).values.team // "ops"
 */
export function parseCommand<O extends Options>(args: string[], options: O, usage: string): Parsed<O> {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(`${(e as Error).message}\n${usage}`);
  }
}
