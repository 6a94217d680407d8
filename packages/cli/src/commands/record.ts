import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { join, resolve } from "node:path";
import type { Manifest } from "@tracevault/core";
import { parseVaultPublicFile, verifySignedManifest, type SignedManifest } from "@tracevault/crypto";
import {
  CdpBrowserSource,
  ControlServer,
  Recorder,
  Spool,
  Uploader,
  acknowledge,
  acknowledgementProblem,
  defaultStateDir,
  enrollDevice,
  ensureStateDir,
  fetchManifest,
  formatStatus,
  loadDevice,
  offlineDeviceId,
  sendControl,
  type BrowserSource,
  type RecorderStatus,
} from "@tracevault/recorder";
import { readUserFile } from "../files.js";
import { UsageError } from "../usage.js";
import { describeManifest } from "./manifest.js";

const USAGE = `usage:
  tracevault record --vault URL [--enroll TOKEN]            record and upload (enroll once with a token)
  tracevault record --offline --vault-pub FILE --spool DIR --manifest SIGNED.json [--duration SEC]
  tracevault record --acknowledge (--vault URL | --offline --vault-pub FILE --manifest SIGNED.json) [--yes]
  tracevault record --status | --pause | --resume | --stop   control the running recorder
options:
  --state DIR          device key, acknowledgements, control socket (default $TRACEVAULT_STATE_DIR or
                       ~/.local/state/tracevault)
  --spool DIR          sealed spool (online default: STATE/spool)   --spool-max-mb N (default 512)
  --duration SEC       stop after SEC seconds               --display :N (default $DISPLAY)
  --hotkey CHORD       pause/resume hotkey (default ctrl+alt+shift+p)   --no-hotkey
  --browser-cdp URL    Chromium DevTools endpoint on 127.0.0.1 (exact password fields and URLs)
  --batch-events N     --batch-seconds S (default 1000 events / 5 s)
  --quiet              no status line      --status-every SEC (status line period when not a terminal; default 10)`;

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      options: {
        vault: { type: "string" },
        enroll: { type: "string" },
        offline: { type: "boolean" },
        "vault-pub": { type: "string" },
        spool: { type: "string" },
        manifest: { type: "string" },
        duration: { type: "string" },
        state: { type: "string" },
        acknowledge: { type: "boolean" },
        yes: { type: "boolean" },
        status: { type: "boolean" },
        pause: { type: "boolean" },
        resume: { type: "boolean" },
        stop: { type: "boolean" },
        display: { type: "string" },
        hotkey: { type: "string" },
        "no-hotkey": { type: "boolean" },
        "browser-cdp": { type: "string" },
        "batch-events": { type: "string" },
        "batch-seconds": { type: "string" },
        "spool-max-mb": { type: "string" },
        quiet: { type: "boolean" },
        "status-every": { type: "string" },
        json: { type: "boolean" },
      },
    }).values;
  } catch (e) {
    throw new UsageError(`${(e as Error).message}\n${USAGE}`);
  }
}

function num(v: string | undefined, name: string, min: number): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n < min)
    throw new UsageError(`--${name} must be a number >= ${min}, got '${v}'`);
  return n;
}

const err = (m: string) => process.stderr.write(`tracevault: ${m}\n`);

async function confirm(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  const answer = await new Promise<string>((r) => rl.question(question, r));
  rl.close();
  return /^y(es)?$/i.test(answer.trim());
}

interface Resolved {
  signed: SignedManifest;
  seal: { publicKey: Uint8Array; kid: string };
  deviceId: string;
  spoolDir: string;
  online?: { url: string; privateKey: Uint8Array; publicKey: Uint8Array };
}

async function resolveSetup(
  values: ReturnType<typeof parse>,
  stateDir: string,
  forAck: boolean,
): Promise<Resolved> {
  if (values.offline) {
    if (!values["vault-pub"] || !values.manifest || (!values.spool && !forAck))
      throw new UsageError(`record --offline needs --vault-pub, --manifest and --spool\n${USAGE}`);
    const pub = parseVaultPublicFile(readUserFile(values["vault-pub"], "vault public key"));
    let doc: unknown;
    try {
      doc = JSON.parse(readUserFile(values.manifest, "manifest"));
    } catch (e) {
      if (e instanceof SyntaxError) throw new Error(`manifest ${values.manifest} is not JSON`);
      throw e;
    }
    const signed = verifySignedManifest(doc, pub.sign.publicKey);
    return {
      signed,
      seal: pub.seal,
      deviceId: offlineDeviceId(stateDir),
      spoolDir: resolve(values.spool ?? join(stateDir, "offline-spool")),
    };
  }
  if (!values.vault) throw new UsageError(`record needs --vault URL (or --offline …)\n${USAGE}`);
  const url = values.vault.replace(/\/+$/, "");
  let device = loadDevice(stateDir);
  if (device && device.file.vaultUrl !== url)
    throw new Error(
      `this machine is enrolled with ${device.file.vaultUrl}, not ${url} (use another --state directory to enroll elsewhere)`,
    );
  if (!device) {
    if (!values.enroll)
      throw new Error(
        `this machine is not enrolled with ${url}: pass --enroll TOKEN (from your administrator)`,
      );
    device = await enrollDevice(url, values.enroll, stateDir);
    process.stderr.write(
      `tracevault: enrolled as device ${device.file.deviceId} (key ${device.file.kid}, kept in ${stateDir})\n`,
    );
  } else if (values.enroll) err(`already enrolled as ${device.file.deviceId}; --enroll ignored`);
  const signed = await fetchManifest(url, device.vault.sign.publicKey);
  return {
    signed,
    seal: device.vault.seal,
    deviceId: device.file.deviceId,
    spoolDir: resolve(values.spool ?? join(stateDir, "spool")),
    online: { url, privateKey: device.privateKey, publicKey: device.publicKey },
  };
}

function brief(m: Manifest): string {
  return `manifest '${m.id}' v${m.version} — ${m.title}; collects ${m.channels.join(", ")}`;
}

/**
 * `tracevault record`: record this desktop through the filter pipeline into a sealed spool (and upload it),
 * acknowledge a manifest, or control the running recorder. See USAGE.
 */
export async function runRecord(argv: string[]): Promise<number> {
  const values = parse(argv);
  const stateDir = ensureStateDir(resolve(values.state ?? defaultStateDir()));

  const control = (["status", "pause", "resume", "stop"] as const).filter((c) => values[c]);
  if (control.length > 1) throw new UsageError("give one of --status, --pause, --resume, --stop");
  if (control.length === 1) {
    const cmd = control[0]!;
    try {
      const answer = (await sendControl(stateDir, cmd)) as {
        ok: boolean;
        status?: RecorderStatus;
        upload?: unknown;
        error?: string;
      };
      if (!answer.ok) {
        err(answer.error ?? "the recorder refused");
        return 1;
      }
      if (values.json) process.stdout.write(JSON.stringify(answer) + "\n");
      else if (answer.status)
        process.stdout.write(
          formatStatus(answer.status, Date.now(), answer.upload as Parameters<typeof formatStatus>[2]) + "\n",
        );
      else process.stdout.write(`${cmd}: done\n`);
      return 0;
    } catch (e) {
      err((e as Error).message);
      return cmd === "status" ? 3 : 1;
    }
  }

  const setup = await resolveSetup(values, stateDir, !!values.acknowledge);
  const m = setup.signed.manifest;

  if (values.acknowledge) {
    process.stdout.write(describeManifest(m) + `hash ${setup.signed.hash}\n`);
    if (process.stdin.isTTY && !values.yes) {
      if (!(await confirm("Record under this manifest? Type 'yes' to acknowledge: "))) {
        err("not acknowledged");
        return 1;
      }
    }
    const ack = acknowledge(stateDir, m, setup.signed.hash);
    process.stdout.write(
      `acknowledged manifest '${ack.manifestId}' v${ack.version} at ${ack.acknowledgedAt}\n`,
    );
    return 0;
  }

  const problem = acknowledgementProblem(stateDir, m, setup.signed.hash);
  if (problem) {
    err(`not recording: ${problem}`);
    return 1;
  }

  const duration = num(values.duration, "duration", 0.1);
  const spoolMb = num(values["spool-max-mb"], "spool-max-mb", 1) ?? 512;
  const batchEvents = num(values["batch-events"], "batch-events", 1);
  const batchSeconds = num(values["batch-seconds"], "batch-seconds", 0.1);
  const statusEvery = (num(values["status-every"], "status-every", 0.5) ?? 10) * 1000;

  const spool = Spool.open(setup.spoolDir, Math.round(spoolMb * 1024 * 1024));
  let uploader: Uploader | undefined;
  if (setup.online)
    uploader = new Uploader({
      vaultUrl: setup.online.url,
      deviceId: setup.deviceId,
      privateKey: setup.online.privateKey,
      publicKey: setup.online.publicKey,
      spool,
      log: (msg) => err(msg),
    });

  let browser: BrowserSource | undefined;
  if (values["browser-cdp"])
    browser = new CdpBrowserSource({ endpoint: values["browser-cdp"], log: (msg) => err(msg) });

  const tty = process.stderr.isTTY && !values.quiet;
  let lineShown = false;
  const clearLine = () => {
    if (tty && lineShown) process.stderr.write("\r\x1b[2K");
    lineShown = false;
  };
  const log = (msg: string) => {
    clearLine();
    err(msg);
  };
  const rec = new Recorder({
    manifest: m,
    manifestHash: setup.signed.hash,
    vault: setup.seal,
    deviceId: setup.deviceId,
    spool,
    ...(values.display ? { display: values.display } : {}),
    ...(browser ? { browser } : {}),
    hotkey: values["no-hotkey"] ? false : (values.hotkey ?? "ctrl+alt+shift+p"),
    batch: {
      ...(batchEvents ? { maxEvents: batchEvents } : {}),
      ...(batchSeconds ? { maxAgeMs: batchSeconds * 1000 } : {}),
    },
    log,
    onSealed: () => uploader?.kick(),
    onState: (s) => {
      if (s === "paused" || s === "recording") showStatus(true);
    },
  });

  const server = new ControlServer(stateDir, {
    status: () => ({ status: rec.status(), ...(uploader ? { upload: uploader.status() } : {}) }),
    pause: () => {
      rec.pause();
      return { status: rec.status() };
    },
    resume: () => {
      rec.resume();
      return { status: rec.status() };
    },
    stop: () => {
      void rec.stop();
      return { stopping: true };
    },
  });
  try {
    await server.listen();
  } catch (e) {
    err((e as Error).message);
    return 1;
  }

  let lastPrinted = 0;
  function showStatus(force = false): void {
    if (values.quiet) return;
    const line = formatStatus(rec.status(), Date.now(), uploader?.status());
    if (tty) {
      process.stderr.write(`\r\x1b[2K${line}`);
      lineShown = true;
    } else if (force || Date.now() - lastPrinted >= statusEvery) {
      process.stderr.write(`${line}\n`);
      lastPrinted = Date.now();
    }
  }

  try {
    await rec.start();
  } catch (e) {
    await server.close();
    err(`cannot record: ${(e as Error).message}`);
    return 1;
  }
  uploader?.start();
  process.stderr.write(
    `tracevault: recording — ${brief(m)}\n` +
      `tracevault: pause/resume: ${values["no-hotkey"] ? "tracevault record --pause/--resume" : `${values.hotkey ?? "ctrl+alt+shift+p"} or tracevault record --pause/--resume`}; stop: Ctrl-C or tracevault record --stop\n`,
  );
  showStatus(true);
  const statusTimer = setInterval(() => showStatus(), tty ? 1000 : 500);
  const onSignal = () => void rec.stop();
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  const durTimer = duration !== undefined ? setTimeout(() => void rec.stop(), duration * 1000) : undefined;

  const summary = await rec.done;
  clearInterval(statusTimer);
  if (durTimer) clearTimeout(durTimer);
  process.off("SIGINT", onSignal);
  process.off("SIGTERM", onSignal);
  clearLine();
  if (uploader) {
    await uploader.stop(15_000);
  }
  await server.close();
  const st = summary.status;
  process.stderr.write(`${formatStatus(st, Date.now(), uploader?.status())}\n`);
  if (summary.error) {
    err(`recording stopped: ${summary.error.message}`);
    return 1;
  }
  process.stderr.write(
    `tracevault: stopped; ${st.batches} batches sealed into ${setup.spoolDir}` +
      (uploader ? `, ${uploader.status().pending} waiting for upload` : "") +
      "\n",
  );
  return 0;
}
