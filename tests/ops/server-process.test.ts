import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../api/db/database.ts';
import { exited, spawnServer } from '../helpers/process-server.ts';
import { spawnSync } from 'node:child_process';
import { ROOT_DIR } from '../../api/config.ts';

describe('server process', () => {
  it('shuts down gracefully on SIGTERM: answers in-flight requests, then exits 0', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tr-proc-'));
    const srv = await spawnServer({ DATABASE_PATH: join(dir, 'db.sqlite') });
    const inflight = fetch(`${srv.url}/api/health`);
    srv.child.kill('SIGTERM');
    expect((await inflight).status).toBe(200);
    expect(await exited(srv.child)).toBe(0);
    // The database was closed cleanly: it opens and checks out.
    const db = openDatabase(join(dir, 'db.sqlite'));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('refuses to start with an invalid setting, in one line, exit 1', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'api/server.ts'], { cwd: ROOT_DIR, env: { ...process.env, PORT: 'kaks' }, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/PORT/);
  });

  it('refuses to start on a database with a newer schema than it knows', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tr-proc-'));
    const db = openDatabase(join(dir, 'db.sqlite'));
    db.pragma('user_version = 999');
    db.close();
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'api/server.ts'], { cwd: ROOT_DIR, env: { ...process.env, DATABASE_PATH: join(dir, 'db.sqlite'), PORT: '4398' }, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/skeemi versioon 999/);
  });
});
