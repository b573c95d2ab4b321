// `notifications run` queues what is due, prints how many, queues nothing twice, and fails loudly.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../api/db/database.ts';
import { insertTestCatalog } from '../../api/tracker/test-catalog.ts';
import { updateMeasureStatus } from '../../api/tracker/status-write.ts';
import { seedKovs } from '../seed/kov.ts';
import { runCli } from '../cli.ts';

let dbPath: string;
const saved = { ...process.env };
beforeEach(() => {
  dbPath = join(mkdtempSync(join(tmpdir(), 'turvarada-notify-')), 'cli.db');
  process.env['DATABASE_PATH'] = dbPath;
  process.env['PUBLIC_ORIGIN'] = 'https://turvarada.example';
});
afterEach(() => {
  process.env = { ...saved };
});

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const sink = (fn: (s: string) => void) => new Writable({ write: (chunk, _e, cb) => (fn(String(chunk)), cb()) });
  const code = await runCli(argv, { stdout: sink((s) => (out += s)) as never, stderr: sink((s) => (err += s)) as never });
  return { code, out, err };
}

describe('notifications run', () => {
  it('queues an overdue reminder and a digest once and prints the count', async () => {
    const db = openDatabase(dbPath);
    seedKovs(db);
    insertTestCatalog(db);
    const id = Number(db.prepare("INSERT INTO app_user (email, name, role) VALUES ('mari@vald.ee', 'Mari', 'specialist')").run().lastInsertRowid);
    db.prepare("INSERT INTO user_kov (user_id, ehak) VALUES (?, '0141')").run(id);
    updateMeasureStatus(db, '0141', 'ISMS.1.M1', { status: 'partial', ownerUserId: id, dueDate: '2020-01-01', version: 0 }, { id, ip: null });
    db.close();
    const first = await cli('notifications', 'run');
    expect(first).toMatchObject({ code: 0, out: 'Järjekorda lisati 2 kirja.\n' });
    expect(await cli('notifications', 'run')).toMatchObject({ code: 0, out: 'Järjekorda lisati 0 kirja.\n' });
    const check = openDatabase(dbPath);
    const mails = check.prepare('SELECT kind, to_address FROM mail_outbox ORDER BY id').all();
    check.close();
    expect(mails).toEqual([
      { kind: 'reminder', to_address: 'mari@vald.ee' },
      { kind: 'weekly_digest', to_address: 'mari@vald.ee' },
    ]);
  });

  it('exits non-zero when it cannot run', async () => {
    process.env['PUBLIC_ORIGIN'] = 'ftp://nope';
    const r = await cli('notifications', 'run');
    expect(r.code).not.toBe(0);
    expect(r.err).toContain('Viga');
  });
});
