// The sender against a real SMTP server (smtp-server in-process): delivery with the stored Message-ID,
// refusals and dropped connections retried with backoff, and the outbox surviving a killed sender.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inTransaction, openDatabase, type Db } from '../db/database.ts';
import { decodedBody, header, startSmtp, type TestSmtp } from '../../tests/helpers/smtp.ts';
import { escapeHtml, invitationMail, reviewRequestedMail } from './messages.ts';
import { queueMail } from './outbox.ts';
import { createMailSender, LEASE_S, MAX_RETRY_S, retryDelay } from './sender.ts';
import { claimMail } from './store.ts';

const ORIGIN = 'https://turvarada.example';
const FROM = 'Turvarada <turvarada@elvl.ee>';
const LINK = `${ORIGIN}/seadista-parool/#token=${'A'.repeat(43)}`;
const T0 = 1_800_000_000;

let db: Db;
let smtp: TestSmtp;
let clock: number;
const senders: Array<{ stop(): Promise<void> }> = [];

beforeEach(async () => {
  db = openDatabase(':memory:');
  smtp = await startSmtp();
  clock = T0;
});
afterEach(async () => {
  for (const s of senders.splice(0)) await s.stop();
  await smtp.close();
  db.close();
});

function sender(target: Db = db) {
  const s = createMailSender({ db: target, smtpUrl: smtp.url, from: FROM, now: () => clock, log: () => {} });
  senders.push(s);
  return s;
}
function queueInvitation(target: Db = db, to = 'mari@vald.ee') {
  inTransaction(target, () => queueMail(target, ORIGIN, { kind: 'invitation', to, ...invitationMail({ name: 'Mari Maasikas', link: LINK, expiresAt: T0 + 3600 }) }, clock));
}
interface Row {
  id: number;
  message_id: string;
  attempts: number;
  next_attempt_at: number;
  sent_at: number | null;
  last_error: string | null;
}
const rows = (target: Db = db) => target.prepare('SELECT id, message_id, attempts, next_attempt_at, sent_at, last_error FROM mail_outbox ORDER BY id').all() as Row[];

describe('mail sender', () => {
  it('delivers with the stored Message-ID, the configured From, the subject and the link; once', async () => {
    queueInvitation();
    const [queued] = rows();
    expect(queued!.message_id).toMatch(/^<[0-9a-f-]{36}@turvarada\.example>$/);
    expect(await sender().runOnce()).toBe(1);
    expect(smtp.mails).toHaveLength(1);
    const mail = smtp.mails[0]!;
    expect(mail.to).toEqual(['mari@vald.ee']);
    expect(mail.from).toBe('turvarada@elvl.ee');
    expect(header(mail.raw, 'Message-ID')).toBe(queued!.message_id);
    expect(header(mail.raw, 'From')).toBe('Turvarada <turvarada@elvl.ee>');
    expect(header(mail.raw, 'Subject')).toBe('Turvarada: sinu konto on loodud');
    expect(header(mail.raw, 'Auto-Submitted')).toBe('auto-generated');
    expect(mail.raw).toMatch(/Content-Type: multipart\/alternative/i);
    expect(decodedBody(mail.raw)).toContain(LINK);
    expect(rows()[0]).toMatchObject({ attempts: 1, sent_at: T0, last_error: null });
    // Marked sent: no later run, nor another sender, sends it again.
    clock += 10 * MAX_RETRY_S;
    expect(await sender().runOnce()).toBe(0);
    expect(smtp.mails).toHaveLength(1);
  });

  it.each([
    ['refuse', /550/],
    ['tempfail', /421/],
  ] as const)('a server that refuses (%s) leaves the mail queued, backs off, and delivers it later', async (mode, code) => {
    queueInvitation();
    smtp.mode = mode;
    const s = sender();
    expect(await s.runOnce()).toBe(0);
    expect(rows()[0]).toMatchObject({ attempts: 1, next_attempt_at: T0 + 60, sent_at: null });
    expect(rows()[0]!.last_error).toMatch(code);
    // Not due yet: nothing is tried.
    clock += 59;
    expect(await s.runOnce()).toBe(0);
    expect(rows()[0]!.attempts).toBe(1);
    clock += 1;
    expect(await s.runOnce()).toBe(0);
    expect(rows()[0]).toMatchObject({ attempts: 2, next_attempt_at: clock + 120 });
    smtp.mode = 'accept';
    clock += 120;
    expect(await s.runOnce()).toBe(1);
    expect(rows()[0]).toMatchObject({ attempts: 3, sent_at: clock, last_error: null });
    expect(smtp.mails).toHaveLength(1);
    expect(header(smtp.mails[0]!.raw, 'Message-ID')).toBe(rows()[0]!.message_id);
  });

  it('a dropped connection in the middle of the message is retried', async () => {
    queueInvitation();
    smtp.mode = 'drop';
    const s = sender();
    expect(await s.runOnce()).toBe(0);
    expect(rows()[0]).toMatchObject({ attempts: 1, sent_at: null });
    expect(rows()[0]!.last_error).toBeTruthy();
    smtp.mode = 'accept';
    clock += 60;
    expect(await s.runOnce()).toBe(1);
    expect(smtp.mails).toHaveLength(1);
  });

  it('backs off exponentially up to an hour', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map(retryDelay)).toEqual([60, 120, 240, 480, 960, 1920, 3600, 3600]);
  });

  it('mail queued before a crash (no sender ran) is delivered by a new sender; a killed delivery after its lease', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'turvarada-mail-')), 'mail.db');
    // One process queues and "dies" before any sender runs.
    const first = openDatabase(path);
    queueInvitation(first, 'yks@vald.ee');
    queueInvitation(first, 'kaks@vald.ee');
    // A sender took the second one and was killed before it could mark it.
    expect(claimMail(first, rows(first)[1]!.id, clock, clock + LEASE_S)).toBe(true);
    first.close();
    const second = openDatabase(path);
    try {
      const s = sender(second);
      expect(await s.runOnce()).toBe(1);
      expect(smtp.mails.map((m) => m.to[0])).toEqual(['yks@vald.ee']);
      clock += LEASE_S;
      expect(await s.runOnce()).toBe(1);
      expect(smtp.mails.map((m) => m.to[0])).toEqual(['yks@vald.ee', 'kaks@vald.ee']);
      expect(rows(second).every((r) => r.sent_at !== null)).toBe(true);
    } finally {
      await senders.pop()?.stop();
      second.close();
    }
  });

  it('a polling sender delivers mail another connection (the CLI) queues, within its interval', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'turvarada-mail-')), 'mail.db');
    const server = openDatabase(path);
    const cli = openDatabase(path);
    const s = createMailSender({ db: server, smtpUrl: smtp.url, from: FROM, intervalMs: 50, log: () => {} });
    try {
      s.start();
      clock = Math.floor(Date.now() / 1000);
      queueInvitation(cli);
      const until = Date.now() + 5000;
      while (smtp.mails.length === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
      expect(smtp.mails).toHaveLength(1);
    } finally {
      await s.stop();
      cli.close();
      server.close();
    }
  });

  it('queues only inside a transaction, and escapes every value in the HTML', () => {
    expect(() => queueMail(db, ORIGIN, { kind: 'invitation', to: 'x@vald.ee', subject: 's', text: 't', html: 'h' })).toThrow(/transaction/);
    const mail = reviewRequestedMail({ name: 'Mari <b>', title: '<script>alert(1)</script> & "mall"', version: 2, submitter: "O'Brien", link: `${ORIGIN}/mallid/ulevaatus/?id=1&x="y"` });
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain(escapeHtml('<script>alert(1)</script> & "mall"'));
    expect(mail.html).toContain('href="https://turvarada.example/mallid/ulevaatus/?id=1&amp;x=&quot;y&quot;"');
    expect(mail.text).toContain('<script>alert(1)</script>');
    expect(mail.subject).toBe('Turvarada: mall „<script>alert(1)</script> & "mall"“ ootab sinu otsust');
  });
});
