import type { Sql, SqlValue } from "../db/sql.js";

/**
 * Run `head VALUES (…), (…) … tail` for many rows in few statements (`per` rows each): the fleet writes
 * thousands of presence, lease and acknowledgement rows at once, and one statement per row costs more than
 * the rows. Rows in one call must not repeat a conflict key (PostgreSQL refuses to update a row twice).
 */
export async function bulkExec(
  q: Sql,
  head: string,
  rows: readonly SqlValue[][],
  tail = "",
  per = 200,
): Promise<void> {
  const cols = rows[0]?.length ?? 0;
  for (let i = 0; i < rows.length; i += per) {
    const chunk = rows.slice(i, i + per);
    let n = 0;
    const values = chunk
      .map(() => `(${Array.from({ length: cols }, () => `$${++n}`).join(", ")})`)
      .join(", ");
    await q.exec(`${head} VALUES ${values} ${tail}`, chunk.flat());
  }
}
