import { parseArgs } from "node:util";
import { Manifest } from "@tracevault/core";
import {
  parseVaultKeyFile,
  parseVaultPublicFile,
  signManifest,
  verifySignedManifest,
} from "@tracevault/crypto";
import { readUserFile, writeFileAtomic } from "../files.js";
import { UsageError } from "../usage.js";

const USAGE = `usage:
  tracevault manifest init --out FILE                         write a starting manifest to edit
  tracevault manifest sign --in FILE --key vault.key --out SIGNED.json
  tracevault manifest show FILE [--pub vault.pub]            print what it collects (and verify it)`;

/** A conservative starting point: input and windows, screenshots redacted on the device, 30 days. */
export function defaultManifest(now = new Date()): Manifest {
  return Manifest.parse({
    schema: "tracevault/manifest/v1",
    id: "default",
    version: 1,
    title: "Computer-use recording for agent training",
    issuedAt: now.toISOString(),
    channels: ["keyboard", "mouse", "window", "screenshots"],
    screenshots: {
      trigger: "actions",
      maxPerMinute: 30,
      maxWidth: 1280,
      format: "jpeg",
      quality: 80,
      redactText: true,
    },
    sensitivityCap: 3,
    scope: { mode: "exclude", apps: [], sites: [], titles: [], useDefaultExclusions: true },
    retentionDays: 30,
    purposes: ["agent-training"],
    privacyPolicyVersion: "1",
  });
}

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: "string" },
        in: { type: "string" },
        key: { type: "string" },
        pub: { type: "string" },
        force: { type: "boolean" },
      },
    });
  } catch (e) {
    throw new UsageError(`${(e as Error).message}\n${USAGE}`);
  }
}

function loadJson(path: string, what: string): unknown {
  const text = readUserFile(path, what);
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`${what} ${path} is not JSON`);
  }
}

export function describeManifest(m: Manifest): string {
  const lines = [
    `${m.title} — manifest ${m.id} v${m.version} (issued ${m.issuedAt})`,
    `collects: ${m.channels.join(", ")}`,
  ];
  if (m.screenshots)
    lines.push(
      `screenshots: on ${m.screenshots.trigger}, at most ${m.screenshots.maxPerMinute}/min, ${m.screenshots.maxWidth}px wide, ` +
        `${m.screenshots.format}; on-screen text ${m.screenshots.redactText ? "redacted on this machine" : "NOT redacted"}`,
    );
  lines.push(
    `highest level stored: ${m.sensitivityCap} (level 4 — secrets, IDs, health, finance, HR, private messages — is never stored)`,
    `scope: ${m.scope.mode === "allow" ? "only" : "everything except"} apps [${m.scope.apps.join(", ")}] sites [${m.scope.sites.join(", ")}] titles [${m.scope.titles.join(", ")}]` +
      (m.scope.useDefaultExclusions
        ? " + default exclusions (password managers, banking, tax, health, HR, messaging, private windows)"
        : ""),
    `kept for ${m.retentionDays} days, for: ${m.purposes.join(", ")}`,
  );
  return lines.join("\n") + "\n";
}

/** `tracevault manifest init|sign|show`. */
export async function runManifest(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  const { values, positionals } = parse(rest);
  switch (sub) {
    case "init": {
      if (!values.out) throw new UsageError(`manifest init needs --out FILE\n${USAGE}`);
      writeFileAtomic(values.out, JSON.stringify(defaultManifest(), null, 2) + "\n", 0o644, values.force);
      process.stdout.write(
        `wrote ${values.out}; edit it, then: tracevault manifest sign --in ${values.out} --key vault.key --out signed.json\n`,
      );
      return 0;
    }
    case "sign": {
      if (!values.in || !values.key || !values.out)
        throw new UsageError(`manifest sign needs --in, --key and --out\n${USAGE}`);
      const parsed = Manifest.safeParse(loadJson(values.in, "manifest"));
      if (!parsed.success) {
        const i = parsed.error.issues[0];
        throw new Error(
          `manifest ${values.in} is invalid: ${i?.path.join(".") || "manifest"}: ${i?.message}`,
        );
      }
      const keys = parseVaultKeyFile(readUserFile(values.key, "vault key"));
      const signed = signManifest(parsed.data, keys.sign.privateKey, keys.sign.publicKey);
      writeFileAtomic(values.out, JSON.stringify(signed, null, 2) + "\n", 0o644, values.force);
      process.stdout.write(
        `signed manifest ${signed.manifest.id} v${signed.manifest.version}, hash ${signed.hash}\n`,
      );
      return 0;
    }
    case "show": {
      const file = positionals[0];
      if (!file) throw new UsageError(`manifest show needs FILE\n${USAGE}`);
      const doc = loadJson(file, "manifest");
      if (values.pub) {
        const pub = parseVaultPublicFile(readUserFile(values.pub, "vault public key"));
        const s = verifySignedManifest(doc, pub.sign.publicKey);
        process.stdout.write(
          describeManifest(s.manifest) + `signature: valid (key ${s.signature.kid}), hash ${s.hash}\n`,
        );
        return 0;
      }
      const inner =
        typeof doc === "object" && doc && "manifest" in doc ? (doc as { manifest: unknown }).manifest : doc;
      const m = Manifest.safeParse(inner);
      if (!m.success) {
        const i = m.error.issues[0];
        throw new Error(`manifest ${file} is invalid: ${i?.path.join(".") || "manifest"}: ${i?.message}`);
      }
      process.stdout.write(describeManifest(m.data) + "signature: not checked (pass --pub vault.pub)\n");
      return 0;
    }
    default:
      throw new UsageError(USAGE);
  }
}
