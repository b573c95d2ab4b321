import { mkdtempSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../api/auth/sessions.ts';
import { openDatabase } from '../../api/db/database.ts';
import { seedReference } from '../../scripts/seed/index.ts';
import { signInAs } from '../helpers/app.ts';
import { exited, spawnServer } from '../helpers/process-server.ts';
import { spawnSync } from 'node:child_process';
import { ROOT_DIR } from '../../api/config.ts';

describe('server process', () => {
  it('shuts down gracefully on SIGTERM: finishes a write in flight, then exits 0', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tr-proc-'));
    const setup = openDatabase(join(dir, 'db.sqlite'));
    seedReference(setup);
    const { token } = signInAs(setup, 'specialist', ['0141']);
    setup.close();
    const srv = await spawnServer({ DATABASE_PATH: join(dir, 'db.sqlite') });
    // A raw connection, so the test controls when each byte arrives: the request is surely in the
    // server's hands (headers and half the body) before SIGTERM, and the rest comes after it.
    const socket = connect(Number(new URL(srv.url).port), '127.0.0.1');
    let received = '';
    socket.setEncoding('utf8').on('data', (d: string) => (received += d));
    await new Promise((resolve) => socket.once('connect', resolve));
    const body = JSON.stringify({ status: 'implemented', description: 'Kirjutatud sulgemise ajal', version: 0 });
    socket.write(
      `PUT /api/kovs/0141/measures/ISMS.1.M1 HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: ${SESSION_COOKIE}=${token}\r\n` +
        `Content-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body.slice(0, 20)}`,
    );
    await new Promise((r) => setTimeout(r, 300));
    srv.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    socket.end(body.slice(20));
    await new Promise((resolve) => socket.once('close', resolve));
    expect(received).toMatch(/^HTTP\/1\.1 200 /);
    expect(await exited(srv.child)).toBe(0);
    // The write is stored and the database was closed cleanly.
    const db = openDatabase(join(dir, 'db.sqlite'));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.prepare("SELECT status FROM measure_status WHERE ehak = '0141' AND measure_id = 'ISMS.1.M1'").pluck().get()).toBe('implemented');
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
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'api/server.ts'], {
      cwd: ROOT_DIR,
      env: { ...process.env, DATABASE_PATH: join(dir, 'db.sqlite'), PORT: '4398' },
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/skeemi versioon 999/);
  });
});
