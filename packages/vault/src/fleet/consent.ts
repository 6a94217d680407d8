import { randomBytes } from "node:crypto";
import { Manifest } from "@tracevault/core";
import type { Sql } from "../db/sql.js";
import type { ManifestRef } from "./protocol.js";

/**
 * Consent to a manifest version: the recorded person acknowledges it (themself, or through their recorder after
 * it showed them what changed), objects to it, or withdraws an acknowledgement. Every decision is a row of an
 * append-only history (the latest decision for a manifest hash counts), visible to the person and audited.
 */
export const CONSENT_DECISIONS = ["acknowledge", "object", "withdraw"] as const;
export type ConsentDecision = (typeof CONSENT_DECISIONS)[number];

export interface ConsentRecord {
  id: string;
  person: string;
  manifest: ManifestRef;
  decision: ConsentDecision;
  /** `api` (the person, signed in) or `recorder` (their device, on their behalf). */
  via: "api" | "recorder";
  /** The account or device that submitted it. */
  actor: string;
  /** What the person was shown before deciding: the diff from their last version, the full manifest, nothing. */
  shown: string;
  note: string;
  at: string;
}

export interface CurrentManifest extends ManifestRef {
  manifest: Manifest;
}

/** The manifest in force (the same rule as GET /api/v1/manifests/current). */
export async function currentManifest(db: Sql): Promise<CurrentManifest | undefined> {
  const [m] = await db.query<{ doc: string; hash: string }>(
    "SELECT doc, hash FROM manifests ORDER BY published_at DESC, version DESC LIMIT 1",
  );
  if (!m) return undefined;
  const manifest = Manifest.parse(JSON.parse(m.doc));
  return { id: manifest.id, version: manifest.version, hash: m.hash, manifest };
}

export async function manifestByHash(db: Sql, hash: string): Promise<CurrentManifest | undefined> {
  const [m] = await db.query<{ doc: string; hash: string }>(
    "SELECT doc, hash FROM manifests WHERE hash = $1",
    [hash],
  );
  if (!m) return undefined;
  const manifest = Manifest.parse(JSON.parse(m.doc));
  return { id: manifest.id, version: manifest.version, hash: m.hash, manifest };
}

/** The person's latest decision about one manifest hash, if any. */
export async function latestDecision(
  db: Sql,
  person: string,
  hash: string,
): Promise<ConsentDecision | undefined> {
  const [r] = await db.query<{ decision: ConsentDecision }>(
    "SELECT decision FROM fleet_consent WHERE person = $1 AND manifest_hash = $2 ORDER BY at DESC, id DESC LIMIT 1",
    [person, hash],
  );
  return r?.decision;
}

/** The last manifest the person acknowledged (and still does), for showing what changed since. */
export async function lastAcknowledged(db: Sql, person: string): Promise<ManifestRef | undefined> {
  const rows = await db.query<{
    manifest_id: string;
    manifest_version: number;
    manifest_hash: string;
    decision: string;
  }>(
    "SELECT manifest_id, manifest_version, manifest_hash, decision FROM fleet_consent WHERE person = $1 ORDER BY at DESC, id DESC",
    [person],
  );
  const seen = new Set<string>();
  for (const r of rows) {
    if (seen.has(r.manifest_hash)) continue;
    seen.add(r.manifest_hash);
    if (r.decision === "acknowledge")
      return { id: r.manifest_id, version: Number(r.manifest_version), hash: r.manifest_hash };
  }
  return undefined;
}

export async function insertConsent(q: Sql, c: Omit<ConsentRecord, "id">): Promise<ConsentRecord> {
  const rec: ConsentRecord = { ...c, id: `cs-${randomBytes(9).toString("base64url")}` };
  await q.exec(
    `INSERT INTO fleet_consent (id, person, manifest_id, manifest_version, manifest_hash, decision, via, actor, shown, note, at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      rec.id,
      rec.person,
      rec.manifest.id,
      rec.manifest.version,
      rec.manifest.hash,
      rec.decision,
      rec.via,
      rec.actor,
      rec.shown,
      rec.note,
      rec.at,
    ],
  );
  return rec;
}

export async function consentHistory(db: Sql, person: string): Promise<ConsentRecord[]> {
  const rows = await db.query<{
    id: string;
    person: string;
    manifest_id: string;
    manifest_version: number;
    manifest_hash: string;
    decision: ConsentDecision;
    via: "api" | "recorder";
    actor: string;
    shown: string;
    note: string;
    at: string;
  }>("SELECT * FROM fleet_consent WHERE person = $1 ORDER BY at, id", [person]);
  return rows.map((r) => ({
    id: r.id,
    person: r.person,
    manifest: { id: r.manifest_id, version: Number(r.manifest_version), hash: r.manifest_hash },
    decision: r.decision,
    via: r.via,
    actor: r.actor,
    shown: r.shown,
    note: r.note,
    at: r.at,
  }));
}

/** A readable list of what differs between two manifests (for the person, before they acknowledge). */
export function manifestDiff(before: Manifest | undefined, after: Manifest): string[] {
  if (!before) return [`new collection: ${after.title} (collects ${after.channels.join(", ")})`];
  const out: string[] = [];
  const added = after.channels.filter((c) => !before.channels.includes(c));
  const removed = before.channels.filter((c) => !after.channels.includes(c));
  if (added.length) out.push(`now also collects: ${added.join(", ")}`);
  if (removed.length) out.push(`no longer collects: ${removed.join(", ")}`);
  if (before.sensitivityCap !== after.sensitivityCap)
    out.push(`sensitivity cap ${before.sensitivityCap} → ${after.sensitivityCap}`);
  if (before.retentionDays !== after.retentionDays)
    out.push(`kept for ${after.retentionDays} days (was ${before.retentionDays})`);
  const pa = after.purposes.filter((p) => !before.purposes.includes(p));
  const pr = before.purposes.filter((p) => !after.purposes.includes(p));
  if (pa.length) out.push(`new purposes: ${pa.join(", ")}`);
  if (pr.length) out.push(`purposes dropped: ${pr.join(", ")}`);
  if (JSON.stringify(before.scope) !== JSON.stringify(after.scope)) out.push("what is in scope changed");
  if (JSON.stringify(before.screenshots ?? null) !== JSON.stringify(after.screenshots ?? null))
    out.push("screenshot settings changed");
  if (before.title !== after.title) out.push(`title: ${after.title}`);
  if (out.length === 0) out.push("wording only (same channels, purposes, retention and scope)");
  return out;
}
