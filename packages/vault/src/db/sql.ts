/**
 * The storage seam: one small async SQL interface that the SQLite (embedded default) and PostgreSQL adapters
 * both implement, so every store in the vault is written once and passes the same tests on both.
 * SQL is written with `$1, $2 …` placeholders in the common subset of the two dialects; the SQLite adapter
 * rewrites placeholders. Binary columns are Uint8Array/Buffer on both.
 */
export type SqlValue = string | number | bigint | null | Uint8Array | boolean;
export type Row = Record<string, unknown>;

export interface Sql {
  readonly dialect: "sqlite" | "postgres";
  query<T extends Row = Row>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  exec(sql: string, params?: readonly SqlValue[]): Promise<{ changes: number }>;
  /** Run `fn` in one transaction: all of it is committed or none of it. */
  tx<T>(fn: (q: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Apply migrations in order, once each, recording them in `schema_migrations`. */
export async function migrate(db: Sql, migrations: readonly { id: string; sql: string }[]): Promise<void> {
  await db.exec(
    "CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL)",
  );
  const done = new Set((await db.query<{ id: string }>("SELECT id FROM schema_migrations")).map((r) => r.id));
  for (const m of migrations) {
    if (done.has(m.id)) continue;
    await db.tx(async (q) => {
      for (const stmt of m.sql
        .split(/;\s*\n/)
        .map((s) => s.trim())
        .filter(Boolean))
        await q.exec(stmt);
      await q.exec("INSERT INTO schema_migrations (id, applied_at) VALUES ($1, $2)", [
        m.id,
        new Date().toISOString(),
      ]);
    });
  }
}
