// Group commit: writes that arrive in the same event-loop turn share one transaction, so they
// share one WAL fsync (synchronous=FULL). Each write still runs in its own savepoint: one that
// fails (409, 400, 404) is rolled back alone and the others commit. A caller's promise settles
// only after the shared COMMIT, so a 200 still means the change is on disk.
import { inTransaction, type Db } from './database.ts';

interface Job {
  fn: () => unknown;
  resolve: (value: unknown) => void;
  reject: (reason: unknown) => void;
}

/** Upper bound on writes per shared transaction, so one burst cannot hold the lock for long. */
const MAX_BATCH = 64;

const queues = new WeakMap<Db, Job[]>();

function flush(db: Db, jobs: Job[]): void {
  const outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = [];
  try {
    inTransaction(db, () => {
      for (const job of jobs) {
        try {
          // Nested: each job runs in its own savepoint.
          outcomes.push({ ok: true, value: inTransaction(db, job.fn) });
        } catch (error) {
          outcomes.push({ ok: false, error });
        }
      }
    });
  } catch (error) {
    // BEGIN or COMMIT failed: nothing of the batch is stored, so no caller may hear otherwise.
    for (const job of jobs) job.reject(error);
    return;
  }
  jobs.forEach((job, i) => {
    const outcome = outcomes[i]!;
    if (outcome.ok) job.resolve(outcome.value);
    else job.reject(outcome.error);
  });
}

function drain(db: Db): void {
  const queue = queues.get(db);
  if (!queue?.length) return;
  const jobs = queue.splice(0, MAX_BATCH);
  if (queue.length) setImmediate(drain, db);
  flush(db, jobs);
}

/**
 * Runs `fn` (synchronous database work; may throw to reject) in the next shared transaction and
 * resolves with its result once that transaction has committed.
 */
export function groupCommit<T>(db: Db, fn: () => T): Promise<T> {
  let queue = queues.get(db);
  if (!queue) {
    queue = [];
    queues.set(db, queue);
  }
  return new Promise<T>((resolve, reject) => {
    queue.push({ fn, resolve: resolve as (value: unknown) => void, reject });
    // The first write of a turn schedules the flush; writes parsed in the same turn join it.
    if (queue.length === 1) setImmediate(drain, db);
  });
}
