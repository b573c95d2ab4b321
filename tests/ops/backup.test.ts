import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupDatabase, BackupError, databaseChecksum, restoreDatabase, rowCounts, verifyBackup } from '../../api/db/backup.ts';
import { openDatabase } from '../../api/db/database.ts';
import { seedKovs } from '../../scripts/seed/kov.ts';
import { runCli } from '../../scripts/cli.ts';

/** A second process appending audit rows as fast as it can, like a busy server. */
function startWriter(dbPath: string, ms: number) {
  const code = `
    const Database = require('better-sqlite3');
    const db = new Database(${JSON.stringify(dbPath)});
    db.pragma('busy_timeout = 5000');
    const ins = db.prepare("INSERT INTO audit_log (action, entity, new_value) VALUES ('load.write', 'test', ?)");
    const end = Date.now() + ${ms};
    let n = 0;
    while (Date.now() < end) { ins.run(JSON.stringify({ n: n++ })); }
    process.stdout.write(String(n));
  `;
  const child = spawn(process.execPath, ['-e', code], { cwd: process.cwd() });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  return new Promise<number>((resolve, reject) => child.on('exit', (c) => (c === 0 ? resolve(Number(out)) : reject(new Error('writer failed')))));
}

describe('backup and restore', () => {
  it('backs up online under write load and restores to an identical database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tr-backup-'));
    const live = join(dir, 'live.db');
    const db = openDatabase(live);
    seedKovs(db);
    const writer = startWriter(live, 1500);
    await new Promise((r) => setTimeout(r, 300));
    const backupPath = join(dir, 'backup.db');
    await backupDatabase(db, backupPath);
    const written = await writer;
    expect(written).toBeGreaterThan(100);

    expect(verifyBackup(backupPath).schemaVersion).toBeGreaterThan(0);
    const backup = openDatabase(backupPath, { migrate: false });
    const backupSum = databaseChecksum(backup);
    const backupCounts = rowCounts(backup);
    backup.close();
    expect(backupCounts['kov']).toBe(79);

    const restoredPath = join(dir, 'restored.db');
    await restoreDatabase(backupPath, restoredPath);
    const restored = openDatabase(restoredPath, { migrate: false });
    expect(restored.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(rowCounts(restored)).toEqual(backupCounts);
    expect(databaseChecksum(restored)).toBe(backupSum);
    restored.close();
    db.close();
  });

  it('refuses to overwrite an existing backup and to restore a file that is not a database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tr-backup-'));
    const db = openDatabase(join(dir, 'a.db'));
    await backupDatabase(db, join(dir, 'b.db'));
    await expect(backupDatabase(db, join(dir, 'b.db'))).rejects.toThrow(BackupError);
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dir, 'junk.db'), 'not a database at all, just text'.repeat(200));
    await expect(restoreDatabase(join(dir, 'junk.db'), join(dir, 'a.db'))).rejects.toThrow(BackupError);
    db.close();
  });

  it('CLI: db restore of a corrupt file exits 2 and leaves the database unchanged', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tr-backup-'));
    const target = join(dir, 'live.db');
    const db = openDatabase(target);
    seedKovs(db);
    const before = databaseChecksum(db);
    db.close();
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dir, 'bad.db'), Buffer.alloc(8192, 7));
    process.env['DATABASE_PATH'] = target;
    const err: string[] = [];
    const sink = { write: (s: string) => (err.push(s), true) } as unknown as NodeJS.WritableStream;
    try {
      expect(await runCli(['db', 'restore', '--from', join(dir, 'bad.db')], { stdout: sink, stderr: sink })).toBe(2);
    } finally {
      delete process.env['DATABASE_PATH'];
    }
    expect(err.join('')).toMatch(/Viga: /);
    const after = openDatabase(target);
    expect(databaseChecksum(after)).toBe(before);
    after.close();
  });
});
