import type { Kms } from "./kms.js";

/**
 * HashiCorp Vault's Transit secrets engine as the KMS: data keys are wrapped by Vault, and the key-encryption
 * key never leaves it. Shaped to Vault's HTTP API:
 * - `POST /v1/{mount}/encrypt/{key}` `{plaintext: b64, associated_data: b64}` → `{data: {ciphertext: "vault:vN:…", key_version: N}}`
 * - `POST /v1/{mount}/decrypt/{key}` `{ciphertext, associated_data}` → `{data: {plaintext: b64}}`
 * - `POST /v1/{mount}/keys/{key}/rotate`; `GET /v1/{mount}/keys/{key}` → `{data: {latest_version: N, …}}`
 * Errors come back as `{errors: ["…"]}` with a 4xx/5xx status. Authentication: `X-Vault-Token`
 * (and `X-Vault-Namespace` on Vault Enterprise / HCP).
 *
 * The binding context (person pseudonym and month) is sent as `associated_data` (AEAD key types such as the
 * default aes256-gcm96); for a key created with `derived=true`, set `derived` and it is sent as `context`
 * instead, which makes Vault derive a separate key per context.
 * The KEK id stored beside each wrapped key is `transit:{key}:v{N}`, so `rewrapAll()` after `rotate()` finds
 * every key wrapped under an older version.
 */
export interface VaultTransitOptions {
  /** e.g. `https://vault.example.internal:8200` */
  address: string;
  token: string;
  key: string;
  mount?: string;
  namespace?: string;
  derived?: boolean;
  /** Injected for tests; the global fetch otherwise. */
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export class VaultTransitError extends Error {
  override name = "VaultTransitError";
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const b64 = (b: Uint8Array | string) => Buffer.from(b).toString("base64");

export class VaultTransitKms implements Kms {
  readonly name = "vault-transit";
  private latest = 0;
  private readonly base: string;
  private readonly fetchFn: typeof fetch;

  private constructor(private readonly opts: VaultTransitOptions) {
    this.base = `${opts.address.replace(/\/+$/, "")}/v1/${encodeURIComponent(opts.mount ?? "transit")}`;
    this.fetchFn = opts.fetch ?? fetch;
  }

  /** Connect and read the key's latest version (the key must exist: `vault write -f transit/keys/NAME`). */
  static async connect(opts: VaultTransitOptions): Promise<VaultTransitKms> {
    const k = new VaultTransitKms(opts);
    await k.refresh();
    return k;
  }

  /** `vault+https://host:8200/transit/keyname` → options (token from VAULT_TOKEN). */
  static optionsFromUrl(url: string, env: NodeJS.ProcessEnv = process.env): VaultTransitOptions {
    const u = new URL(url);
    const scheme = u.protocol.replace(/^vault\+/, "").replace(/:$/, "");
    if (!u.protocol.startsWith("vault+") || (scheme !== "http" && scheme !== "https"))
      throw new Error("a Vault Transit URL looks like vault+https://host:8200/transit/KEY");
    const parts = u.pathname.split("/").filter(Boolean);
    if (parts.length !== 2) throw new Error("a Vault Transit URL names the mount and the key: /transit/KEY");
    const token = env.VAULT_TOKEN;
    if (!token) throw new Error("set VAULT_TOKEN for the Vault Transit KMS");
    return {
      address: `${scheme}://${u.host}`,
      token,
      mount: parts[0]!,
      key: parts[1]!,
      ...(env.VAULT_NAMESPACE ? { namespace: env.VAULT_NAMESPACE } : {}),
    };
  }

  private async call(method: "GET" | "POST", path: string, body?: unknown): Promise<Record<string, unknown>> {
    const headers: Record<string, string> = { "X-Vault-Token": this.opts.token };
    if (this.opts.namespace) headers["X-Vault-Namespace"] = this.opts.namespace;
    if (body !== undefined) headers["Content-Type"] = "application/json";
    let res: Response;
    try {
      res = await this.fetchFn(`${this.base}${path}`, {
        method,
        headers,
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        signal: AbortSignal.timeout(this.opts.timeoutMs ?? 10_000),
      });
    } catch (e) {
      throw new VaultTransitError(0, `Vault Transit unreachable: ${(e as Error).message}`);
    }
    const text = await res.text();
    let json: Record<string, unknown> = {};
    if (text) {
      try {
        json = JSON.parse(text) as Record<string, unknown>;
      } catch {
        throw new VaultTransitError(res.status, `Vault Transit answered ${res.status} with a non-JSON body`);
      }
    }
    if (!res.ok) {
      const errs = Array.isArray(json.errors) ? (json.errors as unknown[]).map(String).join("; ") : "";
      throw new VaultTransitError(
        res.status,
        `Vault Transit ${method} ${path}: ${res.status} ${errs}`.trim(),
      );
    }
    return json;
  }

  private binding(context: string): Record<string, string> {
    return this.opts.derived ? { context: b64(context) } : { associated_data: b64(context) };
  }

  /** Re-read the key's latest version. */
  async refresh(): Promise<number> {
    const r = await this.call("GET", `/keys/${encodeURIComponent(this.opts.key)}`);
    const v = Number((r.data as { latest_version?: unknown } | undefined)?.latest_version);
    if (!Number.isInteger(v) || v < 1)
      throw new VaultTransitError(502, "Vault Transit key has no latest_version");
    this.latest = v;
    return v;
  }

  currentKekId(): string {
    return `transit:${this.opts.key}:v${this.latest}`;
  }

  async wrap(key: Uint8Array, context: string): Promise<{ kekId: string; wrapped: string }> {
    const r = await this.call("POST", `/encrypt/${encodeURIComponent(this.opts.key)}`, {
      plaintext: b64(key),
      ...this.binding(context),
    });
    const ct = (r.data as { ciphertext?: unknown } | undefined)?.ciphertext;
    const m = typeof ct === "string" ? /^vault:v(\d+):/.exec(ct) : null;
    if (!m) throw new VaultTransitError(502, "Vault Transit returned no vault:vN: ciphertext");
    const version = Number(m[1]);
    if (version > this.latest) this.latest = version; // rotated elsewhere: follow
    return { kekId: `transit:${this.opts.key}:v${version}`, wrapped: ct as string };
  }

  async unwrap(wrapped: string, kekId: string, context: string): Promise<Uint8Array> {
    if (!kekId.startsWith(`transit:${this.opts.key}:v`))
      throw new Error(`key-encryption key ${kekId} is not this Vault Transit key (${this.opts.key})`);
    const r = await this.call("POST", `/decrypt/${encodeURIComponent(this.opts.key)}`, {
      ciphertext: wrapped,
      ...this.binding(context),
    });
    const pt = (r.data as { plaintext?: unknown } | undefined)?.plaintext;
    if (typeof pt !== "string") throw new VaultTransitError(502, "Vault Transit returned no plaintext");
    return new Uint8Array(Buffer.from(pt, "base64"));
  }

  /** Rotate the Transit key (Vault keeps older versions for decryption); new wraps use the new version. */
  async rotate(): Promise<string> {
    await this.call("POST", `/keys/${encodeURIComponent(this.opts.key)}/rotate`, {});
    await this.refresh();
    return this.currentKekId();
  }
}
