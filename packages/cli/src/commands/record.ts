import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { join, resolve } from "node:path";
import type { Manifest } from "@tracevault/core";
import { parseVaultPublicFile, verifySignedManifest, type SignedManifest } from "@tracevault/crypto";
import {
  CdpBrowserSource,
  ControlServer,
  LeasedRecorder,
  startTrayIndicator,
  type TrayIndicator,
  Recorder,
  Spool,
  Uploader,
  acknowledge,
  acknowledgementProblem,
  defaultStateDir,
  enrollDevice,
  ensureStateDir,
  fetchManifest,
  findAcknowledgement,
  formatStatus,
  loadDevice,
  offlineDeviceId,
  sendControl,
  type BaseRecorderOptions,
  type LeaseView,
  type ManifestAndHash,
  type RecorderStatus,
} from "@tracevault/recorder";
import { readUserFile } from "../files.js";
import { UsageError } from "../usage.js";
import { describeManifest } from "./manifest.js";

const USAGE = `usage:
  tracevault record --vault URL [--enroll TOKEN]            record and upload while the vault grants a lease
                                                            (enroll once with a token)
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
  online?: { url: string; privateKey: Uint8Array; publicKey: Uint8Array; signKey: Uint8Array };
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
    online: {
      url,
      privateKey: device.privateKey,
      publicKey: device.publicKey,
      signKey: device.vault.sign.publicKey,
    },
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
        lease?: LeaseView;
        error?: string;
      };
      if (!answer.ok) {
        err(answer.error ?? "the recorder refused");
        return 1;
      }
      if (values.json) process.stdout.write(JSON.stringify(answer) + "\n");
      else if (answer.status)
        process.stdout.write(
          formatStatus(
            answer.status,
            Date.now(),
            answer.upload as Parameters<typeof formatStatus>[2],
            answer.lease,
          ) + "\n",
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
    if (setup.online) {
      // A recorder already running here waits for this acknowledgement: it passes it on to the vault.
      const told = (await sendControl(stateDir, "acknowledge", 10_000, { hash: setup.signed.hash }).catch(
        () => undefined,
      )) as { ok: boolean; result?: string; error?: string } | undefined;
      if (told) process.stdout.write(`running recorder: ${told.ok ? (told.result ?? "told") : told.error}\n`);
    }
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
  const online = setup.online;
  let uploader: Uploader | undefined;
  if (online)
    uploader = new Uploader({
      vaultUrl: online.url,
      deviceId: setup.deviceId,
      privateKey: online.privateKey,
      publicKey: online.publicKey,
      spool,
      log: (msg) => err(msg),
    });

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
  const hotkey = values["no-hotkey"] ? false : (values.hotkey ?? "ctrl+alt+shift+p");
  const recorderOptions = (): BaseRecorderOptions => ({
    vault: setup.seal,
    deviceId: setup.deviceId,
    spool,
    ...(values.display ? { display: values.display } : {}),
    // a DevTools connection per recorder: each one stops its sources, the browser's included
    ...(values["browser-cdp"]
      ? { browser: new CdpBrowserSource({ endpoint: values["browser-cdp"], log: (msg) => err(msg) }) }
      : {}),
    hotkey,
    batch: {
      ...(batchEvents ? { maxEvents: batchEvents } : {}),
      ...(batchSeconds ? { maxAgeMs: batchSeconds * 1000 } : {}),
    },
    log,
    onSealed: () => uploader?.kick(),
  });

  // One shape for both modes: offline records at once; online records only while the vault's lease allows.
  let run: Run;
  if (online) {
    const loaded = new Map<string, ManifestAndHash>([[setup.signed.hash, setup.signed]]);
    const session = new LeasedRecorder({
      lease: {
        vaultUrl: online.url,
        deviceId: setup.deviceId,
        privateKey: online.privateKey,
        publicKey: online.publicKey,
        vaultSignKey: online.signKey,
      },
      manifest: setup.signed,
      recorder: recorderOptions,
      loadManifest: async (hash) => {
        const have = loaded.get(hash);
        if (have) return have;
        const signed = await fetchManifest(online.url, online.signKey);
        if (signed.hash !== hash)
          throw new Error(
            `the vault's manifest in force is '${signed.manifest.id}' v${signed.manifest.version}, not ${hash.slice(0, 12)}…`,
          );
        loaded.set(hash, signed);
        return signed;
      },
      acknowledged: (x) => !!findAcknowledgement(stateDir, x.manifest, x.hash),
      log,
      onChange: () => showStatus(true),
    });
    run = {
      start: async () => session.start(),
      status: () => session.status(),
      lease: () => session.leaseView(),
      pause: () => session.pause(),
      resume: () => session.resume(),
      stop: () => void session.stop(),
      acknowledge: async (hash) => ({ result: await session.personAcknowledged(hash) }),
      done: session.done,
    };
  } else {
    const rec = new Recorder({
      ...recorderOptions(),
      manifest: m,
      manifestHash: setup.signed.hash,
      onState: (st) => {
        if (st === "paused" || st === "recording") showStatus(true);
      },
    });
    run = {
      start: () => rec.start(),
      status: () => rec.status(),
      pause: () => rec.pause(),
      resume: () => rec.resume(),
      stop: () => void rec.stop(),
      done: rec.done,
    };
  }

  const server = new ControlServer(stateDir, {
    status: () => ({
      status: run.status(),
      ...(run.lease ? { lease: run.lease() } : {}),
      ...(uploader ? { upload: uploader.status() } : {}),
    }),
    pause: () => {
      run.pause();
      return { status: run.status() };
    },
    resume: () => {
      run.resume();
      return { status: run.status(), ...(run.lease ? { lease: run.lease() } : {}) };
    },
    stop: () => {
      run.stop();
      return { stopping: true };
    },
    ...(run.acknowledge ? { acknowledge: run.acknowledge } : {}),
  });
  try {
    await server.listen();
  } catch (e) {
    err((e as Error).message);
    return 1;
  }

  // The tray icon (X11, where a tray runs) mirrors the status line: red while recording, grey while paused.
  let tray: TrayIndicator | undefined;
  let trayShown = "";
  function showTray(): void {
    if (!tray || !run) return;
    const st = run.status();
    const blocked = run.lease?.();
    const state = st.state === "recording" ? "recording" : st.state === "paused" ? "paused" : "stopped";
    const detail =
      state === "recording" ? undefined : blocked && !blocked.canRecord ? blocked.reason : undefined;
    const key = `${state}|${detail ?? ""}`;
    if (key === trayShown) return;
    trayShown = key;
    tray.setState(state, detail);
  }

  let lastPrinted = 0;
  function showStatus(force = false): void {
    showTray();
    if (values.quiet || !run) return;
    const line = formatStatus(run.status(), Date.now(), uploader?.status(), run.lease?.());
    if (tty) {
      process.stderr.write(`\r\x1b[2K${line}`);
      lineShown = true;
    } else if (force || Date.now() - lastPrinted >= statusEvery) {
      process.stderr.write(`${line}\n`);
      lastPrinted = Date.now();
    }
  }

  try {
    await run.start();
  } catch (e) {
    await server.close();
    err(`cannot record: ${(e as Error).message}`);
    return 1;
  }
  uploader?.start();
  if (process.platform === "linux" && (values.display ?? process.env.DISPLAY)) {
    const t = await startTrayIndicator({
      display: values.display ?? process.env.DISPLAY,
      state: "recording",
    });
    if ("unavailable" in t) err(`no tray icon: ${t.unavailable}; the status line is the indicator`);
    else tray = t;
  }
  process.stderr.write(
    (online
      ? `tracevault: recording while ${online.url} grants a lease — ${brief(m)}\n`
      : `tracevault: recording — ${brief(m)}\n`) +
      `tracevault: pause/resume: ${hotkey === false ? "tracevault record --pause/--resume" : `${hotkey} or tracevault record --pause/--resume`}; stop: Ctrl-C or tracevault record --stop\n`,
  );
  showStatus(true);
  const statusTimer = setInterval(() => showStatus(), tty ? 1000 : 500);
  const onSignal = () => run.stop();
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  const durTimer = duration !== undefined ? setTimeout(() => run.stop(), duration * 1000) : undefined;

  const summary = await run.done;
  clearInterval(statusTimer);
  if (durTimer) clearTimeout(durTimer);
  process.off("SIGINT", onSignal);
  process.off("SIGTERM", onSignal);
  clearLine();
  await tray?.close();
  if (uploader) {
    await uploader.stop(15_000);
  }
  await server.close();
  const st = summary.status;
  process.stderr.write(`${formatStatus(st, Date.now(), uploader?.status())}\n`);
  if (summary.error) {
    err(`${online ? "exiting" : "recording stopped"}: ${summary.error.message}`);
    return 1;
  }
  process.stderr.write(
    `tracevault: stopped; ${st.batches} batches sealed into ${setup.spoolDir}` +
      (uploader ? `, ${uploader.status().pending} waiting for upload` : "") +
      "\n",
  );
  return 0;
}

/** A recording run: the Recorder itself (offline) or a LeasedRecorder (under the vault's lease). */
interface Run {
  start(): Promise<void>;
  status(): RecorderStatus;
  lease?: () => LeaseView;
  pause(): void;
  resume(): void;
  stop(): void;
  acknowledge?: (hash: string) => Promise<unknown>;
  done: Promise<{ error?: Error; status: RecorderStatus }>;
}
