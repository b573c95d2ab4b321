import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { groupCommit } from './group-commit.ts';

function twoConnections() {
  const path = join(mkdtempSync(join(tmpdir(), 'turvarada-gc-')), 'gc.db');
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE t (name TEXT PRIMARY KEY)');
  const other = new Database(path);
  return { db, other, names: () => other.prepare('SELECT name FROM t ORDER BY name').pluck().all() };
}

describe('groupCommit', () => {
  it('commits the writes of one turn together, rolling back only the one that failed', async () => {
    const { db, names } = twoConnections();
    const insert = db.prepare('INSERT INTO t (name) VALUES (?)');
    const results = await Promise.allSettled([
      groupCommit(db, () => insert.run('a').changes),
      groupCommit(db, () => {
        insert.run('b');
        throw new Error('conflict');
      }),
      groupCommit(db, () => insert.run('a').changes), // duplicate key: fails alone
      groupCommit(db, () => insert.run('c').changes),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
    expect(names()).toEqual(['a', 'c']);
  });

  it('settles a promise only once its write is committed and visible to other connections', async () => {
    const { db, other } = twoConnections();
    const count = other.prepare('SELECT count(*) FROM t').pluck();
    const pending = groupCommit(db, () => db.prepare("INSERT INTO t (name) VALUES ('x')").run());
    expect(count.get()).toBe(0);
    await pending;
    expect(count.get()).toBe(1);
  });

  it('rejects every write of a batch when the shared transaction cannot be opened, storing nothing', async () => {
    const { db, other, names } = twoConnections();
    db.pragma('busy_timeout = 0');
    other.exec('BEGIN IMMEDIATE'); // another process holds the write lock
    const results = await Promise.allSettled([1, 2].map((n) => groupCommit(db, () => db.prepare('INSERT INTO t (name) VALUES (?)').run(`n${n}`))));
    other.exec('ROLLBACK');
    expect(results.every((r) => r.status === 'rejected' && /locked|busy/i.test(String(r.reason)))).toBe(true);
    expect(names()).toEqual([]);
  });

  it('splits a large burst into several transactions and keeps every result in order', async () => {
    const { db, names } = twoConnections();
    const insert = db.prepare('INSERT INTO t (name) VALUES (?)');
    const ids = Array.from({ length: 150 }, (_, i) => `k${String(i).padStart(3, '0')}`);
    const rowids = await Promise.all(ids.map((id) => groupCommit(db, () => insert.run(id).lastInsertRowid)));
    expect(rowids.map(Number)).toEqual(ids.map((_, i) => i + 1));
    expect(names()).toEqual(ids);
  });
});
