import pg from "pg";
import type { Row, Sql, SqlValue } from "./sql.js";

// BIGINT as JS number where safe: counters and sizes in this schema stay far below 2^53.
pg.types.setTypeParser(20, (v: string) => Number(v));

class PgClientSql implements Sql {
  readonly dialect = "postgres" as const;
  constructor(private readonly client: pg.PoolClient) {}
  async query<T extends Row = Row>(sql: string, params?: readonly SqlValue[]): Promise<T[]> {
    return (await this.client.query(sql, params as unknown[])).rows as T[];
  }
  async exec(sql: string, params?: readonly SqlValue[]): Promise<{ changes: number }> {
    return { changes: (await this.client.query(sql, params as unknown[])).rowCount ?? 0 };
  }
  async tx<T>(fn: (q: Sql) => Promise<T>): Promise<T> {
    return fn(this);
  }
  async close(): Promise<void> {}
}

/** PostgreSQL through a `pg` pool (for fleets). Same SQL as SQLite. */
export class PostgresSql implements Sql {
  readonly dialect = "postgres" as const;
  private readonly pool: pg.Pool;

  constructor(connectionString: string) {
    this.pool = new pg.Pool({ connectionString, max: 8 });
    // An idle client losing its connection (server restart) must not crash the process; the pool replaces it.
    this.pool.on("error", () => undefined);
  }

  async query<T extends Row = Row>(sql: string, params?: readonly SqlValue[]): Promise<T[]> {
    return (await this.pool.query(sql, params as unknown[])).rows as T[];
  }

  async exec(sql: string, params?: readonly SqlValue[]): Promise<{ changes: number }> {
    return { changes: (await this.pool.query(sql, params as unknown[])).rowCount ?? 0 };
  }

  async tx<T>(fn: (q: Sql) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      const out = await fn(new PgClientSql(client));
      await client.query("COMMIT");
      return out;
    } catch (e) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
