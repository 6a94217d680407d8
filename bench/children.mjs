// Child processes for the fleet benches (bench/pause.mjs, bench/pause-floor.mjs): JSON-line children, spawned
// under the highest file-descriptor limit, and their CPU time from the kernel's statistics (Linux).
import { spawn } from "node:child_process";
import { appendFileSync, readFileSync } from "node:fs";
import { createInterface } from "node:readline";

/** `--name VALUE` from argv (`true` for a flag without a value), else `dflt`. */
export function arg(args, name, dflt) {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return dflt;
  const v = args[i + 1];
  return v === undefined || v.startsWith("--") ? true : v;
}

export function pct(sorted, p) {
  if (!sorted.length) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** A child process speaking JSON lines on stdout; `next(pred)` waits for a matching line. */
export function jsonChild(cmd, argv, opts = {}) {
  const p = spawn(cmd, argv, { stdio: ["pipe", "pipe", "pipe"] });
  const lines = [];
  const waiters = [];
  p.once("exit", (code) => {
    for (const w of waiters.splice(0)) w.reject(new Error(`child exited (${code}): ${err.slice(-2000)}`));
  });
  let err = "";
  p.stderr.on("data", (c) => {
    err += c.toString();
    if (err.length > 200_000) err = err.slice(-100_000);
  });
  createInterface({ input: p.stdout }).on("line", (l) => {
    let j;
    try {
      j = JSON.parse(l);
    } catch {
      if (opts.logFile) appendFileSync(opts.logFile, l + "\n");
      return;
    }
    const w = waiters.findIndex((x) => x.pred(j));
    if (w >= 0) waiters.splice(w, 1)[0].resolve(j);
    else lines.push(j);
  });
  return {
    proc: p,
    stderr: () => err,
    send: (obj) => p.stdin.write(JSON.stringify(obj) + "\n"),
    next(pred, ms = 120_000) {
      const i = lines.findIndex(pred);
      if (i >= 0) return Promise.resolve(lines.splice(i, 1)[0]);
      return new Promise((resolve, reject) => {
        const t = setTimeout(
          () => reject(new Error(`${cmd} ${argv[0] ?? ""}: no answer in ${ms} ms\n${err.slice(-2000)}`)),
          ms,
        );
        waiters.push({
          pred,
          resolve: (j) => (clearTimeout(t), resolve(j)),
          reject: (e) => (clearTimeout(t), reject(e)),
        });
      });
    },
  };
}

/** CPU time (ms) the processes have run so far, from the kernel's scheduler statistics (Linux). */
export function cpuMs(children) {
  let ns = 0;
  for (const c of children) {
    try {
      ns += Number(readFileSync(`/proc/${c.proc.pid}/schedstat`, "utf8").split(" ")[0]);
    } catch {
      return null;
    }
  }
  return Math.round(ns / 1e6);
}

/** Of which in the kernel (ms; 10 ms resolution): /proc/PID/stat stime. */
export function sysMs(children) {
  let ticks = 0;
  for (const c of children) {
    try {
      const st = readFileSync(`/proc/${c.proc.pid}/stat`, "utf8");
      ticks += Number(st.slice(st.lastIndexOf(")") + 2).split(" ")[12]);
    } catch {
      return null;
    }
  }
  return ticks * 10;
}

/** Spawn node under the highest file-descriptor limit the shell allows. */
export function nodeWithFds(argv, nice = 0, opts = {}) {
  const quoted = argv.map((a) => `'${String(a).replace(/'/g, "'\\''")}'`).join(" ");
  return jsonChild(
    "bash",
    [
      "-c",
      `ulimit -n "$(ulimit -Hn)" 2>/dev/null; exec ${nice ? `nice -n ${nice} ` : ""}'${process.execPath}' ${quoted}`,
    ],
    opts,
  );
}
