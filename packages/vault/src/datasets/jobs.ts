import type { Vault } from "../vault.js";
import { buildDatasetExport } from "./export.js";

/**
 * Runs dataset export jobs inside the vault process, one at a time, in the order they were queued. State lives
 * in the `datasets` row (queued → running → ready | failed, with done/total for progress), so a restart picks
 * queued and interrupted jobs up again (`resume`).
 */
export class DatasetJobs {
  private running: Promise<void> | undefined;
  private closed = false;

  constructor(private readonly vault: Vault) {}

  /** Start working through queued jobs (no-op while already working). Resolves when the queue is empty. */
  kick(): Promise<void> {
    if (this.closed) return Promise.resolve();
    // A failure outside a job (the database went away) leaves the queue as it is; `resume` picks it up later.
    this.running ??= this.loop()
      .catch(() => undefined)
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }

  /** Re-queue jobs that a previous process left running, then start. */
  async resume(): Promise<void> {
    await this.vault.db.exec("UPDATE datasets SET job_state = 'queued' WHERE job_state = 'running'");
    const [q] = await this.vault.db.query<{ n: number }>(
      "SELECT COUNT(*) AS n FROM datasets WHERE job_state = 'queued'",
    );
    if (Number(q?.n ?? 0) > 0) void this.kick();
  }

  /** Wait until no job is running (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Stop picking up new jobs; waits for the current one. */
  async close(): Promise<void> {
    this.closed = true;
    await this.idle();
  }

  private async loop(): Promise<void> {
    for (;;) {
      if (this.closed) return;
      const [next] = await this.vault.db.query<{ id: string }>(
        "SELECT id FROM datasets WHERE job_state = 'queued' ORDER BY decided_at, id LIMIT 1",
      );
      if (!next) return;
      const claimed = await this.vault.db.exec(
        "UPDATE datasets SET job_state = 'running', job_started_at = $1, job_finished_at = NULL, job_error = NULL, progress_done = 0, progress_total = 0 WHERE id = $2 AND job_state = 'queued'",
        [new Date().toISOString(), next.id],
      );
      if (claimed.changes !== 1) continue; // another process took it
      let lastWrite = 0;
      try {
        await buildDatasetExport(this.vault, next.id, async (done, total) => {
          const now = Date.now();
          if (done !== 0 && done !== total && now - lastWrite < 200) return;
          lastWrite = now;
          await this.vault.db.exec(
            "UPDATE datasets SET progress_done = $1, progress_total = $2 WHERE id = $3",
            [done, total, next.id],
          );
        });
        await this.vault.db.exec(
          "UPDATE datasets SET job_state = 'ready', job_finished_at = $1 WHERE id = $2",
          [new Date().toISOString(), next.id],
        );
      } catch (e) {
        // The message names the failing step, never content.
        await this.vault.db
          .exec(
            "UPDATE datasets SET job_state = 'failed', job_error = $1, job_finished_at = $2 WHERE id = $3",
            [(e as Error).message.slice(0, 300), new Date().toISOString(), next.id],
          )
          .catch(() => undefined);
      }
    }
  }
}

const jobs = new WeakMap<Vault, DatasetJobs>();

/** The job runner of a vault (one per open vault). */
export function datasetJobs(vault: Vault): DatasetJobs {
  let j = jobs.get(vault);
  if (!j) jobs.set(vault, (j = new DatasetJobs(vault)));
  return j;
}
