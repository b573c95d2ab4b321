// For migration tests: an empty in-memory database built by the first `version` migrations only, as an
// installation that has not updated yet would have it.
import Database from 'better-sqlite3';
import type { Db } from './database.ts';
import { loadMigrations } from './migrate.ts';

export function databaseAtSchema(version: number): Db {
  const db = new Database(':memory:') as Db;
  db.pragma('foreign_keys = ON');
  for (const m of loadMigrations().slice(0, version)) db.exec(m.sql);
  db.pragma(`user_version = ${version}`);
  return db;
}
