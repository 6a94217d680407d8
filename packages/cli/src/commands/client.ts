import { UsageError } from "../usage.js";

/**
 * A small client for the vault's HTTP API, shared by the `dataset`, `request`, `breakglass`, `kms` and
 * `retention` commands. The vault URL comes from --url or $TRACEVAULT_URL (default http://127.0.0.1:7420), the
 * session token from --token or $TRACEVAULT_TOKEN (from `POST /api/v1/auth/login`), and every request names its
 * purpose (--purpose, or the command's default).
 */
export interface ClientOptions {
  url?: string;
  token?: string;
  purpose: string;
}

export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    readonly status: number,
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

export class VaultClient {
  readonly base: string;
  private readonly token: string;

  constructor(private readonly opts: ClientOptions) {
    this.base = (opts.url ?? process.env.TRACEVAULT_URL ?? "http://127.0.0.1:7420").replace(/\/+$/, "");
    const token = opts.token ?? process.env.TRACEVAULT_TOKEN;
    if (!token) throw new UsageError("sign in first: pass --token or set TRACEVAULT_TOKEN");
    this.token = token;
  }

  private async send(method: string, path: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = {
      authorization: `Bearer ${this.token}`,
      "x-tracevault-purpose": this.opts.purpose,
    };
    if (body !== undefined) headers["content-type"] = "application/json";
    let res: Response;
    try {
      res = await fetch(`${this.base}${path}`, {
        method,
        headers,
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
    } catch (e) {
      throw new ApiError(0, `cannot reach the vault at ${this.base}: ${(e as Error).message}`, "unreachable");
    }
    if (!res.ok) {
      let msg = `${res.status}`;
      let code = "error";
      try {
        const j = (await res.json()) as { error?: string; code?: string };
        msg = j.error ?? msg;
        code = j.code ?? code;
      } catch {
        /* not JSON */
      }
      throw new ApiError(res.status, msg, code);
    }
    return res;
  }

  async json<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    return (await (await this.send(method, path, body)).json()) as T;
  }

  async bytes(path: string): Promise<Uint8Array> {
    return new Uint8Array(await (await this.send("GET", path)).arrayBuffer());
  }
}

/** Common options of the API commands (for node:util parseArgs). */
export const CLIENT_OPTIONS = {
  url: { type: "string" },
  token: { type: "string" },
  purpose: { type: "string" },
} as const;

/** Run a command body, turning API errors into one line on stderr and exit code 1. */
export async function apiCommand(fn: () => Promise<number>): Promise<number> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof ApiError) {
      process.stderr.write(`tracevault: ${e.message}${e.code !== "error" ? ` (${e.code})` : ""}\n`);
      return 1;
    }
    throw e;
  }
}

/** Print a value as JSON on stdout. */
export function printJson(v: unknown): void {
  process.stdout.write(JSON.stringify(v, null, 2) + "\n");
}

/** `a,b,c` → ["a", "b", "c"] (empty entries dropped). */
export function list(s: string | undefined): string[] {
  return (s ?? "")
    .split(",")
    .map((x) => x.trim())
    .filter(Boolean);
}

/**
 * A progress bar on stderr: redrawn in place on a terminal, one line per change otherwise.
 * @example const bar = progressBar("export"); bar(3, 10); bar.done();
 */
export function progressBar(
  label: string,
  stream: NodeJS.WriteStream = process.stderr,
): ((done: number, total: number) => void) & { done(): void } {
  const tty = Boolean(stream.isTTY);
  let last = "";
  const draw = (done: number, total: number) => {
    const frac = total > 0 ? Math.min(1, done / total) : 0;
    const width = 30;
    const fill = Math.round(frac * width);
    const line = `${label} [${"#".repeat(fill)}${".".repeat(width - fill)}] ${done}/${total} ${Math.round(frac * 100)}%`;
    if (line === last) return;
    last = line;
    stream.write(tty ? `\r${line}` : `${line}\n`);
  };
  return Object.assign(draw, {
    done: () => {
      if (tty && last) stream.write("\n");
    },
  });
}
