/**
 * Tables of the governance modules (break-glass grants, datasets, requests from recorded people, objections,
 * OIDC sign-in state). Same dialect rules as the core schema: the common subset of SQLite and PostgreSQL,
 * TEXT ids, BIGINT counters and flags, ISO-8601 times as TEXT. Appended to MIGRATIONS; never edited once shipped.
 */
export const GOVERNANCE_MIGRATIONS = [
  {
    id: "governance-1",
    sql: `CREATE TABLE breakglass_grants (id TEXT PRIMARY KEY, officer TEXT NOT NULL, person TEXT NOT NULL, reason TEXT NOT NULL, purpose TEXT NOT NULL, minutes BIGINT NOT NULL, requested_at TEXT NOT NULL, status TEXT NOT NULL, decided_by TEXT, decided_at TEXT, expires_at TEXT, revoked_at TEXT);
CREATE INDEX breakglass_officer ON breakglass_grants (officer, person);
CREATE TABLE datasets (id TEXT PRIMARY KEY, title TEXT NOT NULL, proposer TEXT NOT NULL, spec TEXT NOT NULL, purpose TEXT NOT NULL, level_cap BIGINT NOT NULL, format TEXT NOT NULL, researchers TEXT NOT NULL, status TEXT NOT NULL, created_at TEXT NOT NULL, decided_by TEXT, decided_at TEXT, decision_note TEXT, job_state TEXT NOT NULL DEFAULT 'none', progress_done BIGINT NOT NULL DEFAULT 0, progress_total BIGINT NOT NULL DEFAULT 0, job_error TEXT, job_started_at TEXT, job_finished_at TEXT, blob_key TEXT, kek_id TEXT, wrapped_key TEXT, card TEXT, stale BIGINT NOT NULL DEFAULT 0);
CREATE TABLE dataset_members (dataset_id TEXT NOT NULL, person TEXT NOT NULL, PRIMARY KEY (dataset_id, person));
CREATE INDEX dataset_members_person ON dataset_members (person);
CREATE TABLE subject_requests (id TEXT PRIMARY KEY, person TEXT NOT NULL, kind TEXT NOT NULL, status TEXT NOT NULL, created_by TEXT NOT NULL, created_at TEXT NOT NULL, due_at TEXT NOT NULL, updated_at TEXT NOT NULL, handled_by TEXT, note TEXT, result TEXT);
CREATE INDEX subject_requests_person ON subject_requests (person, created_at);
CREATE TABLE objections (person TEXT PRIMARY KEY, request_id TEXT NOT NULL, since TEXT NOT NULL);
CREATE TABLE oidc_states (state_hash TEXT PRIMARY KEY, verifier TEXT NOT NULL, nonce TEXT NOT NULL, expires_at TEXT NOT NULL)`,
  },
];
