import type Database from 'better-sqlite3';
import type { Db } from './database.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- one cache holds statements of every shape
const caches = new WeakMap<Db, Map<string, Database.Statement<any, any>>>();

/**
 * A prepared statement for `sql`, compiled once per database connection. Hot paths (session
 * check, status writes, scope look-ups) otherwise recompile the same SQL on every request.
 * `P` and `R` type the parameters and the row (stores pass their row types, not `as` casts).
 */
export function prepareCached<P extends unknown[] | object = unknown[], R = unknown>(db: Db, sql: string): Database.Statement<P, R> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let stmt = cache.get(sql);
  if (!stmt) {
    stmt = db.prepare<P, R>(sql);
    // Dynamic SQL (filters) could grow the cache without bound; keep it to the common shapes.
    if (cache.size < 500) cache.set(sql, stmt);
  }
  return stmt as Database.Statement<P, R>;
}

/**
 * A fingerprint that changes whenever the database changes: `total_changes()` counts this
 * connection's writes, `PRAGMA data_version` moves when another connection (process) commits.
 */
export function dataVersion(db: Db): string {
  const others = db.pragma('data_version', { simple: true }) as number;
  const ours = prepareCached(db, 'SELECT total_changes()').pluck().get() as number;
  return `${others}:${ours}`;
}

const memos = new WeakMap<Db, Map<string, { version: string; value: unknown }>>();

/**
 * `compute()` once per database state: heavy read-only aggregates (the ELVL overview over all 79
 * municipalities) are reused until the next write anywhere in the database.
 */
export function memoUntilWrite<T>(db: Db, key: string, compute: () => T): T {
  let memo = memos.get(db);
  if (!memo) {
    memo = new Map();
    memos.set(db, memo);
  }
  const version = dataVersion(db);
  const hit = memo.get(key);
  if (hit && hit.version === version) return hit.value as T;
  const value = compute();
  memo.set(key, { version, value });
  return value;
}

/**
 * A store's statement: `sql` compiled on first use per connection (prepareCached), typed with the
 * parameters `P` and the row `R` the store declares. Only stores, api/db/ and the benchmark's raw
 * floor prepare SQL (eslint.config.js).
 */
export function prepared<P extends unknown[] | object = unknown[], R = unknown>(sql: string): (db: Db) => Database.Statement<P, R> {
  return (db) => prepareCached<P, R>(db, sql);
}
