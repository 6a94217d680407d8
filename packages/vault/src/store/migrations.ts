import { AUDIT_MIGRATIONS } from "../audit/log.js";
import { DATAKEY_MIGRATIONS } from "../keys/datakeys.js";
import { FLEET_MIGRATIONS } from "../fleet/migrations.js";
import { GOVERNANCE_MIGRATIONS } from "./governance-migrations.js";

/** The vault's schema, in the common subset of SQLite and PostgreSQL (TEXT ids, BIGINT counters, ISO times). */
export const MIGRATIONS = [
  ...AUDIT_MIGRATIONS,
  ...DATAKEY_MIGRATIONS,
  {
    id: "core-1",
    sql: `CREATE TABLE people (id TEXT PRIMARY KEY, pseudonym TEXT NOT NULL UNIQUE, team TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL, erased_at TEXT);
CREATE TABLE accounts (id TEXT PRIMARY KEY, username TEXT NOT NULL UNIQUE, role TEXT NOT NULL, person TEXT NOT NULL DEFAULT '', password_hash TEXT NOT NULL, active BIGINT NOT NULL DEFAULT 1, created_at TEXT NOT NULL);
CREATE TABLE sessions (token_hash TEXT PRIMARY KEY, account_id TEXT NOT NULL, expires_at TEXT NOT NULL, created_at TEXT NOT NULL);
CREATE TABLE setup_tokens (token_hash TEXT PRIMARY KEY, expires_at TEXT NOT NULL, used_at TEXT);
CREATE TABLE enrollment_tokens (token_hash TEXT PRIMARY KEY, person TEXT NOT NULL, created_by TEXT NOT NULL, expires_at TEXT NOT NULL, used_at TEXT, device_id TEXT);
CREATE TABLE devices (id TEXT PRIMARY KEY, person TEXT NOT NULL, public_key TEXT NOT NULL, kid TEXT NOT NULL, enrolled_at TEXT NOT NULL, revoked_at TEXT, last_seq BIGINT NOT NULL DEFAULT -1, last_seen TEXT);
CREATE TABLE manifests (hash TEXT PRIMARY KEY, id TEXT NOT NULL, version BIGINT NOT NULL, doc TEXT NOT NULL, published_at TEXT NOT NULL, published_by TEXT NOT NULL);
CREATE TABLE batches (batch_id TEXT PRIMARY KEY, device_id TEXT NOT NULL, seq BIGINT NOT NULL, digest TEXT NOT NULL, person TEXT NOT NULL, month TEXT NOT NULL, manifest_hash TEXT NOT NULL, level BIGINT NOT NULL, events BIGINT NOT NULL, frames BIGINT NOT NULL, blob_key TEXT NOT NULL, received_at TEXT NOT NULL, redactions BIGINT NOT NULL DEFAULT 0);
CREATE INDEX batches_person ON batches (person, month);
CREATE TABLE policies (version BIGINT PRIMARY KEY, text TEXT NOT NULL, changed_by TEXT NOT NULL, changed_at TEXT NOT NULL, reason TEXT NOT NULL)`,
  },
  ...GOVERNANCE_MIGRATIONS,
  ...FLEET_MIGRATIONS,
  {
    id: "policy-changes-1",
    sql: `CREATE TABLE policy_changes (id TEXT PRIMARY KEY, text TEXT NOT NULL, reason TEXT NOT NULL, proposed_by TEXT NOT NULL, proposed_at TEXT NOT NULL, status TEXT NOT NULL, decided_by TEXT, decided_at TEXT)`,
  },
];
