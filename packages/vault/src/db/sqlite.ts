import Database from "better-sqlite3";
import type { Row, Sql, SqlValue } from "./sql.js";

const statementCache = new Map<string, { sql: string; order: number[] }>();

/** Rewrite `$n` placeholders to `?` and remember which parameter each one takes ($1 may appear twice). */
function convert(sql: string): { sql: string; order: number[] } {
  let hit = statementCache.get(sql);
  if (!hit) {
    const order: number[] = [];
    const out = sql.replace(/\$(\d+)/g, (_, n: string) => {
      order.push(Number(n) - 1);
      return "?";
    });
    hit = { sql: out, order };
    if (statementCache.size < 2000) statementCache.set(sql, hit);
  }
  return hit;
}

function bind(order: number[], params: readonly SqlValue[] | undefined): unknown[] {
  const p = params ?? [];
  return order.map((i) => {
    const v = p[i];
    if (v === undefined) throw new Error(`SQL parameter $${i + 1} is missing`);
    return typeof v === "boolean" ? (v ? 1 : 0) : v;
  });
}

/** The handle a transaction callback gets: same connection, nested `tx` runs inline. */
class SqliteTx implements Sql {
  readonly dialect = "sqlite" as const;
  /** Compiled statements by SQL text: compiling costs more than running a typical point query. */
  private readonly statements = new Map<string, Database.Statement>();
  constructor(private readonly db: Database.Database) {}

  private prepare(sql: string): Database.Statement {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      if (this.statements.size < 2000) this.statements.set(sql, stmt);
    }
    return stmt;
  }

  async query<T extends Row = Row>(sql: string, params?: readonly SqlValue[]): Promise<T[]> {
    const c = convert(sql);
    return this.prepare(c.sql).all(...bind(c.order, params)) as T[];
  }
  async exec(sql: string, params?: readonly SqlValue[]): Promise<{ changes: number }> {
    const c = convert(sql);
    const stmt = this.prepare(c.sql);
    if (stmt.reader) {
      stmt.all(...bind(c.order, params));
      return { changes: 0 };
    }
    return { changes: stmt.run(...bind(c.order, params)).changes };
  }
  async tx<T>(fn: (q: Sql) => Promise<T>): Promise<T> {
    return fn(this);
  }
  async close(): Promise<void> {}
}

/**
 * SQLite through better-sqlite3 on one connection. WAL mode and synchronous=FULL: an acknowledged commit
 * survives kill -9 and power loss. Transactions and writes are serialised through a promise chain, so an async
 * transaction callback may await without another caller's statements landing inside it.
 */
export class SqliteSql implements Sql {
  readonly dialect = "sqlite" as const;
  private readonly db: Database.Database;
  private readonly inner: SqliteTx;
  private chain: Promise<unknown> = Promise.resolve();

  constructor(path: string) {
    this.db = new Database(path);
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = FULL");
    this.db.pragma("foreign_keys = ON");
    this.db.pragma("busy_timeout = 5000");
    // Deleted rows (shredded wrapped keys) are overwritten with zeros, not left in free pages.
    this.db.pragma("secure_delete = ON");
    this.inner = new SqliteTx(this.db);
  }

  private serial<T>(run: () => Promise<T>): Promise<T> {
    const p = this.chain.then(run, run);
    this.chain = p.catch(() => undefined);
    return p;
  }

  async query<T extends Row = Row>(sql: string, params?: readonly SqlValue[]): Promise<T[]> {
    return this.serial(() => this.inner.query<T>(sql, params));
  }

  async exec(sql: string, params?: readonly SqlValue[]): Promise<{ changes: number }> {
    return this.serial(() => this.inner.exec(sql, params));
  }

  async tx<T>(fn: (q: Sql) => Promise<T>): Promise<T> {
    return this.serial(async () => {
      this.db.exec("BEGIN IMMEDIATE");
      try {
        const out = await fn(this.inner);
        this.db.exec("COMMIT");
        return out;
      } catch (e) {
        if (this.db.inTransaction) this.db.exec("ROLLBACK");
        throw e;
      }
    });
  }

  async close(): Promise<void> {
    await this.chain;
    this.db.close();
  }
}
