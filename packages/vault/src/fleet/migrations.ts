/**
 * Tables of fleet control: pauses and their acknowledgements, recording leases (one row per grant, extended by
 * renewals), where each recorder is connected, vault nodes, consent decisions, incidents and their timelines,
 * canaries and detector cursors. Same dialect rules as the core schema (common subset of SQLite and
 * PostgreSQL, TEXT ids, BIGINT counters, ISO-8601 UTC times as TEXT, which compare in time order).
 * Appended to MIGRATIONS; never edited once shipped.
 */
export const FLEET_MIGRATIONS = [
  {
    id: "fleet-1",
    sql: `CREATE TABLE fleet_pauses (id TEXT PRIMARY KEY, scope_kind TEXT NOT NULL, scope_value TEXT NOT NULL DEFAULT '', reason TEXT NOT NULL, by_kind TEXT NOT NULL, actor TEXT NOT NULL, incident_id TEXT, created_at TEXT NOT NULL, in_scope BIGINT NOT NULL DEFAULT 0, resumed_at TEXT, resumed_by TEXT, resume_reason TEXT);
CREATE INDEX fleet_pauses_active ON fleet_pauses (resumed_at);
CREATE TABLE fleet_acks (pause_id TEXT NOT NULL, device_id TEXT NOT NULL, acked_at TEXT NOT NULL, node TEXT NOT NULL, ok BIGINT NOT NULL DEFAULT 1, PRIMARY KEY (pause_id, device_id));
CREATE TABLE fleet_leases (lease_id TEXT PRIMARY KEY, device_id TEXT NOT NULL, person TEXT NOT NULL, manifest_hash TEXT NOT NULL, manifest_version BIGINT NOT NULL, ttl_ms BIGINT NOT NULL, node TEXT NOT NULL, issued_at TEXT NOT NULL, renewed_at TEXT NOT NULL, valid_until TEXT NOT NULL, ended_at TEXT, end_reason TEXT);
CREATE INDEX fleet_leases_device ON fleet_leases (device_id, valid_until);
CREATE TABLE fleet_presence (device_id TEXT PRIMARY KEY, node TEXT NOT NULL, connected BIGINT NOT NULL, connected_at TEXT, last_seen TEXT NOT NULL, state TEXT NOT NULL, detail TEXT NOT NULL DEFAULT '', lease_id TEXT, lease_until TEXT, last_ack_pause TEXT, last_ack_at TEXT);
CREATE TABLE fleet_nodes (node TEXT PRIMARY KEY, started_at TEXT NOT NULL, heartbeat_at TEXT NOT NULL, stopped_at TEXT);
CREATE TABLE fleet_consent (id TEXT PRIMARY KEY, person TEXT NOT NULL, manifest_id TEXT NOT NULL, manifest_version BIGINT NOT NULL, manifest_hash TEXT NOT NULL, decision TEXT NOT NULL, via TEXT NOT NULL, actor TEXT NOT NULL, shown TEXT NOT NULL DEFAULT '', note TEXT NOT NULL DEFAULT '', at TEXT NOT NULL);
CREATE INDEX fleet_consent_person ON fleet_consent (person, at);
CREATE TABLE incidents (id TEXT PRIMARY KEY, sev BIGINT NOT NULL, title TEXT NOT NULL, status TEXT NOT NULL, owner TEXT NOT NULL DEFAULT '', scope_kind TEXT NOT NULL, scope_value TEXT NOT NULL DEFAULT '', source TEXT NOT NULL, dedupe_key TEXT, opened_by TEXT NOT NULL, opened_at TEXT NOT NULL, closed_at TEXT, pause_id TEXT);
CREATE UNIQUE INDEX incidents_dedupe ON incidents (dedupe_key);
CREATE TABLE incident_events (incident_id TEXT NOT NULL, seq BIGINT NOT NULL, at TEXT NOT NULL, actor TEXT NOT NULL, kind TEXT NOT NULL, text TEXT NOT NULL, PRIMARY KEY (incident_id, seq));
CREATE TABLE fleet_canaries (id TEXT PRIMARY KEY, label TEXT NOT NULL, created_by TEXT NOT NULL, created_at TEXT NOT NULL);
CREATE TABLE fleet_detector_state (name TEXT PRIMARY KEY, cursor BIGINT NOT NULL, updated_at TEXT NOT NULL);
CREATE TABLE fleet_unleased (device_id TEXT NOT NULL, batch_id TEXT NOT NULL, created_at TEXT NOT NULL, seen_at TEXT NOT NULL, PRIMARY KEY (device_id, batch_id))`,
  },
];
