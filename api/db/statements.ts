import type Database from 'better-sqlite3';
import type { Db } from './database.ts';

const caches = new WeakMap<Db, Map<string, Database.Statement>>();

/**
 * A prepared statement for `sql`, compiled once per database connection. Hot paths (session
 * check, status writes, scope look-ups) otherwise recompile the same SQL on every request.
 */
export function prepareCached(db: Db, sql: string): Database.Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let stmt = cache.get(sql);
  if (!stmt) {
    stmt = db.prepare(sql);
    // Dynamic SQL (filters) could grow the cache without bound; keep it to the common shapes.
    if (cache.size < 500) cache.set(sql, stmt);
  }
  return stmt;
}
