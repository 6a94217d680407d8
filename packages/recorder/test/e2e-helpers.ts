/** Helpers for the recorder's e2e tests: run the recorder's CLI commands as child processes. */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const RUNNER = fileURLToPath(new URL("./cli-runner.mjs", import.meta.url));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface RecorderProc {
  proc: ChildProcess;
  out: () => string;
  err: () => string;
  exited: Promise<number | null>;
  waitFor(re: RegExp, ms?: number): Promise<void>;
}

export function runCli(args: string[], env: NodeJS.ProcessEnv, logDir?: string): RecorderProc {
  const proc = spawn(process.execPath, [RUNNER, ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let err = "";
  proc.stdout!.on("data", (c: Buffer) => (out += c.toString()));
  proc.stderr!.on("data", (c: Buffer) => (err += c.toString()));
  const exited = new Promise<number | null>((r) =>
    proc.once("exit", (code) => {
      if (logDir) {
        writeFileSync(join(logDir, `rec-${proc.pid}.out`), out);
        writeFileSync(join(logDir, `rec-${proc.pid}.err`), err);
      }
      r(code);
    }),
  );
  return {
    proc,
    out: () => out,
    err: () => err,
    exited,
    async waitFor(re, ms = 30_000) {
      const end = Date.now() + ms;
      while (!re.test(err) && !re.test(out)) {
        if (Date.now() > end) throw new Error(`timed out waiting for ${re}; stderr: ${err}`);
        if (proc.exitCode !== null) throw new Error(`recorder exited (${proc.exitCode}): ${err}`);
        await sleep(50);
      }
    },
  };
}

export function cliSync(
  args: string[],
  env: NodeJS.ProcessEnv,
): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [RUNNER, ...args], { env, encoding: "utf8", timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Like cliSync, without blocking this process (needed when the vault runs in the test process). */
export async function cliAsync(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; out: string; err: string }> {
  const r = runCli(args, env);
  const code = await r.exited;
  return { code, out: r.out(), err: r.err() };
}
