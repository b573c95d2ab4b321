// The server runs the sender when SMTP_URL is set: an invitation made through the API (and mail queued
// by another connection, as the CLI does) reaches the SMTP server within seconds; close() stops it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSession, SESSION_COOKIE } from '../auth/sessions.ts';
import { testConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { startServer } from '../server.ts';
import { createUser } from '../users/service.ts';
import { decodedBody, header, startSmtp, type TestSmtp } from '../../tests/helpers/smtp.ts';
import { seedKovs } from '../../scripts/seed/kov.ts';

let smtp: TestSmtp | undefined;
afterEach(async () => {
  await smtp?.close();
});

const waitFor = async (check: () => boolean, ms = 10_000) => {
  const until = Date.now() + ms;
  while (!check() && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
  return check();
};

describe('the server and the mail sender', () => {
  it('delivers an invitation made through the API and one queued by another process', async () => {
    smtp = await startSmtp();
    const path = join(mkdtempSync(join(tmpdir(), 'turvarada-mailsrv-')), 'srv.db');
    const db = openDatabase(path);
    seedKovs(db);
    const admin = createUser(db, { email: 'ada@elvl.ee', name: 'Ada', role: 'admin', kovs: [] }, { id: null }, 'x').user;
    const config = testConfig({ port: 0, databasePath: path, smtpUrl: smtp.url, mailFrom: 'Turvarada <turvarada@elvl.ee>' });
    const running = await startServer(config, db, { log: false });
    const url = `http://127.0.0.1:${running.port}`;
    config.publicOrigin = url;
    try {
      const res = await fetch(`${url}/api/users`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: url, cookie: `${SESSION_COOKIE}=${createSession(db, admin.id).token}` },
        body: JSON.stringify({ email: 'uus@vald.ee', name: 'Uus', role: 'viewer', kovs: ['0141'] }),
      });
      expect(res.status).toBe(201);
      const { invitation } = (await res.json()) as { invitation: { link: string } };
      expect(await waitFor(() => smtp!.mails.length === 1)).toBe(true);
      expect(decodedBody(smtp.mails[0]!.raw)).toContain(invitation.link);
      expect(header(smtp.mails[0]!.raw, 'From')).toBe('Turvarada <turvarada@elvl.ee>');
      // The CLI on its own connection: its mail leaves through the running server.
      const cli = openDatabase(path);
      createUser(cli, { email: 'teine@vald.ee', name: 'Teine', role: 'viewer', kovs: ['0141'] }, { id: null }, undefined, url);
      cli.close();
      expect(await waitFor(() => smtp!.mails.length === 2)).toBe(true);
      expect(smtp.mails[1]!.to).toEqual(['teine@vald.ee']);
    } finally {
      await running.close();
    }
    expect(db.open).toBe(false);
  }, 30_000);
});
