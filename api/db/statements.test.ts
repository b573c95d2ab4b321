import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './database.ts';
import { memoUntilWrite } from './statements.ts';

describe('memoUntilWrite', () => {
  it('recomputes after a write on this connection or another process’s connection, not before', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'tr-memo-')), 'm.db');
    const db = openDatabase(path);
    const other = openDatabase(path);
    let runs = 0;
    const count = () => memoUntilWrite(db, 'n', () => (runs++, db.prepare('SELECT count(*) FROM app_meta').pluck().get()));
    expect(count()).toBe(0);
    expect(count()).toBe(0);
    expect(runs).toBe(1);
    db.prepare("INSERT INTO app_meta VALUES ('a', '1')").run();
    expect(count()).toBe(1);
    other.prepare("INSERT INTO app_meta VALUES ('b', '1')").run();
    expect(count()).toBe(2);
    expect(runs).toBe(3);
    db.close();
    other.close();
  });
});
