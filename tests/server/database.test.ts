import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inTransaction, openDatabase } from '../../api/db/database.ts';
import { latestSchemaVersion, migrate, SchemaTooNewError } from '../../api/db/migrate.ts';
import { seedKovs } from '../../scripts/seed/kov.ts';

describe('database layer', () => {
  it('opens with WAL, foreign keys, full sync and the latest schema', () => {
    const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'tr-db-')), 'x.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion());
    expect(migrate(db)).toEqual({ from: latestSchemaVersion(), to: latestSchemaVersion() });
  });

  it('refuses a database whose schema is newer than the code', () => {
    const db = openDatabase(':memory:');
    db.pragma(`user_version = ${latestSchemaVersion() + 1}`);
    expect(() => migrate(db)).toThrow(SchemaTooNewError);
  });

  it('seeds the 79 municipalities idempotently', () => {
    const db = openDatabase(':memory:');
    expect(seedKovs(db)).toBe(79);
    seedKovs(db);
    expect(db.prepare('SELECT count(*) FROM kov').pluck().get()).toBe(79);
    expect(db.prepare("SELECT count(*) FROM kov WHERE type = 'linn'").pluck().get()).toBe(15);
    expect(db.prepare("SELECT name FROM kov WHERE ehak = '0141'").pluck().get()).toBe('Anija vald');
  });

  it('keeps the audit log append-only', () => {
    const db = openDatabase(':memory:');
    db.prepare("INSERT INTO audit_log (action, entity) VALUES ('test', 'x')").run();
    expect(() => db.prepare('UPDATE audit_log SET action = ?').run('y')).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
  });
});

describe('inTransaction', () => {
  const fresh = () => {
    const db = openDatabase(':memory:', { migrate: false });
    db.exec('CREATE TABLE t (v TEXT)');
    return { db, values: () => db.prepare('SELECT v FROM t ORDER BY rowid').pluck().all() };
  };

  it('commits all or nothing', () => {
    const { db, values } = fresh();
    inTransaction(db, () => db.exec("INSERT INTO t VALUES ('a')"));
    expect(() =>
      inTransaction(db, () => {
        db.exec("INSERT INTO t VALUES ('b')");
        throw new Error('stop');
      }),
    ).toThrow('stop');
    expect(values()).toEqual(['a']);
    expect(db.inTransaction).toBe(false);
  });

  it('undoes only the inner part when a nested call throws, and everything when the outer one does', () => {
    const { db, values } = fresh();
    inTransaction(db, () => {
      db.exec("INSERT INTO t VALUES ('outer')");
      expect(() =>
        inTransaction(db, () => {
          db.exec("INSERT INTO t VALUES ('inner')");
          throw new Error('inner');
        }),
      ).toThrow('inner');
      inTransaction(db, () => db.exec("INSERT INTO t VALUES ('inner2')"));
    });
    expect(values()).toEqual(['outer', 'inner2']);
    expect(() =>
      inTransaction(db, () => {
        inTransaction(db, () => db.exec("INSERT INTO t VALUES ('kept?')"));
        throw new Error('outer');
      }),
    ).toThrow('outer');
    expect(values()).toEqual(['outer', 'inner2']);
  });

  it('refuses a function that returns a promise, writing nothing', () => {
    const { db, values } = fresh();
    expect(() =>
      inTransaction(db, () => {
        db.exec("INSERT INTO t VALUES ('x')");
        return Promise.resolve();
      }),
    ).toThrow(/await/);
    expect(values()).toEqual([]);
  });
});
