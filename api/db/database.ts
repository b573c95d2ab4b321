import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate } from './migrate.ts';

export type Db = Database.Database;

/**
 * Opens the one SQLite database of the product and brings its schema up to date.
 * `:memory:` gives a private database (tests).
 */
export function openDatabase(path: string, options: { migrate?: boolean } = {}): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  // FULL: a write acknowledged to a client survives power loss, not only a process crash.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // Writers queue for up to 5 s instead of surfacing SQLITE_BUSY to clients.
  db.pragma('busy_timeout = 5000');
  if (options.migrate !== false) migrate(db);
  return db;
}

interface TransactionStatements {
  begin: Database.Statement;
  commit: Database.Statement;
  rollback: Database.Statement;
  savepoint: Database.Statement;
  release: Database.Statement;
  rollbackTo: Database.Statement;
}

const transactionStatements = new WeakMap<Db, TransactionStatements>();

function statementsOf(db: Db): TransactionStatements {
  let s = transactionStatements.get(db);
  if (!s) {
    s = {
      begin: db.prepare('BEGIN IMMEDIATE'),
      commit: db.prepare('COMMIT'),
      rollback: db.prepare('ROLLBACK'),
      savepoint: db.prepare('SAVEPOINT nested'),
      release: db.prepare('RELEASE nested'),
      rollbackTo: db.prepare('ROLLBACK TO nested'),
    };
    transactionStatements.set(db, s);
  }
  return s;
}

/**
 * Runs `fn` in an IMMEDIATE transaction: all or nothing, and no lock upgrade deadlocks. Inside
 * another transaction it runs in a savepoint, so a throw undoes only its own part. (What
 * better-sqlite3's db.transaction() does, without building a wrapper function per call: status
 * writes run two levels of this per request.)
 */
export function inTransaction<T>(db: Db, fn: () => T): T {
  const s = statementsOf(db);
  const nested = db.inTransaction;
  (nested ? s.savepoint : s.begin).run();
  let result: T;
  try {
    result = fn();
    if (result instanceof Promise) throw new TypeError('A transaction cannot span an await: pass a synchronous function.');
  } catch (err) {
    if (db.inTransaction) {
      if (nested) {
        s.rollbackTo.run();
        s.release.run();
      } else s.rollback.run();
    }
    throw err;
  }
  try {
    (nested ? s.release : s.commit).run();
  } catch (err) {
    // A failed COMMIT can leave the transaction open; nothing of it may stay.
    if (!nested && db.inTransaction) s.rollback.run();
    throw err;
  }
  return result;
}
