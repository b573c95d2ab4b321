// At-least-once mail across a SIGKILL, with the real server process: its scheduler queues an overdue
// reminder at start, its sender hands the message to an SMTP server that takes it and never answers,
// the server is killed, and after a restart the same mail (same Message-ID) arrives once and nothing is
// queued again (the reminder's occasion was recorded with the mail).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../api/db/database.ts';
import { updateMeasureStatus } from '../../api/tracker/status-write.ts';
import { insertTestCatalog } from '../../api/tracker/test-catalog.ts';
import { seedKovs } from '../../scripts/seed/kov.ts';
import { exited, spawnServer, type ServerProcess } from '../helpers/process-server.ts';
import { header, startSmtp, type TestSmtp } from '../helpers/smtp.ts';

let smtp: TestSmtp | undefined;
let server: ServerProcess | undefined;
afterEach(async () => {
  if (server && server.child.exitCode === null && server.child.signalCode === null) {
    server.child.kill('SIGKILL');
    await exited(server.child);
  }
  await smtp?.close();
});

const waitFor = async (check: () => boolean, ms = 20_000) => {
  const until = Date.now() + ms;
  while (!check() && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
  return check();
};

describe('mail across a SIGKILL', () => {
  it('delivers the mail the killed server was sending, with the same Message-ID, once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tr-mail-kill-'));
    const path = join(dir, 'mail.db');
    const db = openDatabase(path);
    seedKovs(db);
    insertTestCatalog(db);
    const id = Number(db.prepare("INSERT INTO app_user (email, name, role, weekly_digest) VALUES ('mari@vald.ee', 'Mari', 'specialist', 0)").run().lastInsertRowid);
    db.prepare("INSERT INTO user_kov (user_id, ehak) VALUES (?, '0141')").run(id);
    updateMeasureStatus(db, '0141', 'ISMS.1.M1', { status: 'partial', ownerUserId: id, dueDate: '2020-01-01', version: 0 }, { id, ip: null });
    db.close();

    smtp = await startSmtp();
    smtp.mode = 'stall';
    const env = { DATABASE_PATH: path, FILES_PATH: join(dir, 'files'), SMTP_URL: smtp.url, MAIL_FROM: 'Turvarada <turvarada@elvl.ee>', NODE_ENV: 'test' };
    server = await spawnServer(env);
    expect(await waitFor(() => smtp!.stalled.length === 1)).toBe(true);
    server.child.kill('SIGKILL');
    await exited(server.child);

    const check = openDatabase(path);
    const rows = () => check.prepare('SELECT message_id, sent_at FROM mail_outbox').all() as Array<{ message_id: string; sent_at: number | null }>;
    try {
      expect(rows()).toEqual([{ message_id: header(smtp.stalled[0]!.raw, 'Message-ID'), sent_at: null }]);
      // Time passes: the killed sender's 5-minute lease on the mail runs out.
      check.prepare('UPDATE mail_outbox SET next_attempt_at = 0').run();

      smtp.mode = 'accept';
      server = await spawnServer(env);
      expect(await waitFor(() => smtp!.mails.length === 1)).toBe(true);
      expect(header(smtp.mails[0]!.raw, 'Message-ID')).toBe(header(smtp.stalled[0]!.raw, 'Message-ID'));
      expect(smtp.mails[0]!.to).toEqual(['mari@vald.ee']);
      expect(await waitFor(() => rows()[0]!.sent_at !== null)).toBe(true);
      await new Promise((r) => setTimeout(r, 3_500)); // one more poll: nothing else leaves
      expect(smtp.mails).toHaveLength(1);
      expect(rows()).toHaveLength(1);
      expect(check.prepare('SELECT count(*) FROM notification_sent').pluck().get()).toBe(1);
    } finally {
      check.close();
    }
  }, 90_000);
});
