import { existsSync } from "node:fs";

import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import {
  attachFleetChannel,
  buildServer,
  datasetJobs,
  Devices,
  issueEnrollment,
  openKms,
  PostgresSql,
  S3BlobStore,
  startRetention,
  Vault,
  verifyAuditLog,
  type Sql,
} from "@tracevault/vault";
import { UsageError } from "../usage.js";

const USAGE = `usage:
  tracevault vault [--data DIR] [--port 7420] [--host 127.0.0.1] [--db postgres://…] [--blobs s3://…] [--kms …]
  tracevault start            the vault with embedded defaults in ./.tracevault (or $TRACEVAULT_HOME)
  tracevault audit verify --data DIR
  tracevault audit checkpoint --data DIR`;

export function defaultHome(): string {
  return resolve(process.env.TRACEVAULT_HOME ?? join(process.cwd(), ".tracevault"));
}

function sqlFor(db: string | undefined): Sql | undefined {
  if (!db) return undefined;
  if (!/^postgres(ql)?:\/\//.test(db))
    throw new UsageError(`--db must be a postgres:// URL (SQLite is the default), got '${db}'`);
  return new PostgresSql(db);
}

/** The person id this machine's user records as: the login name, reduced to what person ids allow. */
export function localPerson(env: NodeJS.ProcessEnv = process.env): string {
  const name = (env.USER ?? env.LOGNAME ?? "").replace(/[^A-Za-z0-9._@-]/g, "").slice(0, 128);
  return name || "local-user";
}

/**
 * On a machine with a display, `tracevault start` offers to record it: a one-time enrollment token for the local
 * user (audited like one an administrator issues) and the command that uses it — once, while that person has no
 * enrolled device. Recording itself still waits for a published manifest and the person's acknowledgement.
 */
export async function offerLocalRecorder(vault: Vault, url: string, display: string): Promise<string> {
  const person = localPerson();
  if (await new Devices(vault.db).hasActive(person))
    return `A recorder for '${person}' is enrolled with this vault: npx tracevault record --status\n`;
  const t = await issueEnrollment(vault, person, "system:start");
  return (
    `A display is available (${display}). To record this desktop as '${person}':\n` +
    `  npx tracevault record --vault ${url} --enroll ${t.token}\n` +
    `  (one-time token, valid until ${t.expiresAt}; recording starts once an administrator has published a\n` +
    `  collection manifest and '${person}' has acknowledged it)\n`
  );
}

/** `tracevault vault` and `tracevault start`: run the vault until interrupted. */
export async function runVault(argv: string[], start = false): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        data: { type: "string" },
        port: { type: "string" },
        host: { type: "string" },
        db: { type: "string" },
        blobs: { type: "string" },
        kms: { type: "string" },
        quiet: { type: "boolean" },
      },
    }));
  } catch (e) {
    throw new UsageError(`${(e as Error).message}\n${USAGE}`);
  }
  const dataDir = resolve(values.data ?? defaultHome());
  const port = Number(values.port ?? process.env.TRACEVAULT_PORT ?? 7420);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port must be 0-65535, got '${values.port}'`);
  const host = values.host ?? "127.0.0.1";
  const fresh = !existsSync(join(dataDir, "vault.db"));
  const vault = await Vault.open({
    dataDir,
    sql: sqlFor(values.db),
    blobs: values.blobs ? S3BlobStore.fromUrl(values.blobs) : undefined,
    kms: await openKms(values.kms),
  });
  const app = await buildServer(vault, { logger: values.quiet ? false : { level: "warn" } });
  // The lease / pause channel (WebSocket) and fleet background work; NATS, lease TTL and node id come from
  // TRACEVAULT_NATS_URL, TRACEVAULT_LEASE_TTL_MS and TRACEVAULT_FLEET_NODE.
  await attachFleetChannel(app, vault);
  const stopRetention = startRetention(vault, {
    onError: (e) => process.stderr.write(`tracevault: retention run failed: ${(e as Error).message}\n`),
  });
  const jobs = datasetJobs(vault);
  await jobs.resume();
  const address = await app.listen({ port, host });
  const url = address.replace("0.0.0.0", "127.0.0.1");
  process.stdout.write(`tracevault vault listening on ${url} (data in ${dataDir})\n`);
  if ((await vault.accounts.count()) === 0) {
    const token = await vault.accounts.createSetupToken();
    process.stdout.write(
      `${fresh ? "New vault. " : ""}Create the first administrator (one-time link, valid 24 h):\n` +
        `  ${url}/setup#token=${token}\n` +
        `  or: curl -X POST ${url}/api/v1/auth/setup -H 'content-type: application/json' -d '{"token":"${token}","username":"admin","password":"…"}'\n`,
    );
  }
  if (start && process.env.DISPLAY)
    process.stdout.write(await offerLocalRecorder(vault, url, process.env.DISPLAY));
  await new Promise<void>((res) => {
    const stop = () => res();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  stopRetention();
  await jobs.close();
  await app.close();
  await vault.close();
  return 0;
}

/** `tracevault audit verify|checkpoint --data DIR`. Exit 1 when the log has been tampered with. */
export async function runAudit(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  let values;
  try {
    ({ values } = parseArgs({ args: rest, options: { data: { type: "string" }, db: { type: "string" } } }));
  } catch (e) {
    throw new UsageError(`${(e as Error).message}\n${USAGE}`);
  }
  const dataDir = resolve(values.data ?? defaultHome());
  if (!existsSync(join(dataDir, "keys", "vault.key")))
    throw new Error(`no vault in ${dataDir} (no keys/vault.key)`);
  const vault = await Vault.open({ dataDir, sql: sqlFor(values.db) });
  try {
    if (sub === "verify") {
      const r = await verifyAuditLog(vault.db, vault.origin, vault.keys.sign.publicKey);
      if (r.problems.length === 0) {
        process.stdout.write(`audit log intact: ${r.size} entries, root ${r.root}\n`);
        return 0;
      }
      for (const p of r.problems) process.stdout.write(`TAMPERED: ${p.message}\n`);
      process.stdout.write(
        `audit log FAILED verification (${r.problems.length} problem(s) in ${r.size} entries)\n`,
      );
      return 1;
    }
    if (sub === "checkpoint") {
      process.stdout.write(await vault.audit.checkpoint());
      return 0;
    }
    throw new UsageError(USAGE);
  } finally {
    await vault.close();
  }
}
