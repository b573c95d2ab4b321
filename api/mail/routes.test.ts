// GET /api/mail/outbox: admins only; unsent mail with its attempts and last error; bodies only while
// no SMTP server is configured outside production.
import { describe, expect, it } from 'vitest';
import { createTestContext, signInAs } from '../../tests/helpers/app.ts';
import { OutboxSchema } from '../contracts/mail.ts';
import { inTransaction } from '../db/database.ts';
import { invitationMail } from './messages.ts';
import { queueMail } from './outbox.ts';
import { markMailFailed, markMailSent } from './store.ts';

function setUp(overrides: Parameters<typeof createTestContext>[0] = {}) {
  const t = createTestContext({ publicOrigin: 'https://turvarada.example', ...overrides });
  for (const to of ['yks@vald.ee', 'kaks@vald.ee', 'kolm@vald.ee']) {
    inTransaction(t.db, () => queueMail(t.db, t.config.publicOrigin, { kind: 'invitation', to, ...invitationMail({ name: to, link: `https://turvarada.example/seadista-parool/#token=${to}`, expiresAt: 1_800_000_000 }) }, 1_700_000_000));
  }
  markMailSent(t.db, 3, 1_700_000_100);
  markMailFailed(t.db, 1, 1_700_000_060, '550 Mailbox unavailable');
  return t;
}

describe('GET /api/mail/outbox', () => {
  it('lists unsent mail for an admin, newest first, with the bodies in a demo without SMTP', async () => {
    const t = setUp();
    const res = await t.request('/api/mail/outbox', { as: signInAs(t.db, 'admin').token });
    expect(res.status).toBe(200);
    const body = OutboxSchema.parse(await res.json());
    expect(body).toMatchObject({ smtpConfigured: false, showsBodies: true });
    expect(body.mails.map((m) => [m.id, m.to, m.attempts, m.lastError])).toEqual([
      [2, 'kaks@vald.ee', 0, null],
      [1, 'yks@vald.ee', 1, '550 Mailbox unavailable'],
    ]);
    expect(body.mails[1]).toMatchObject({ kind: 'invitation', subject: 'Turvarada: sinu konto on loodud', createdAt: '2023-11-14T22:13:20.000Z', nextAttemptAt: '2023-11-14T22:14:20.000Z' });
    expect(body.mails[1]!.text).toContain('https://turvarada.example/seadista-parool/#token=yks@vald.ee');
  });

  it('keeps the bodies out with SMTP configured or in production', async () => {
    for (const overrides of [{ smtpUrl: 'smtp://127.0.0.1:2525' }, { production: true }]) {
      const t = setUp(overrides);
      const body = OutboxSchema.parse(await (await t.request('/api/mail/outbox', { as: signInAs(t.db, 'admin').token })).json());
      expect(body.showsBodies).toBe(false);
      expect(body.mails.map((m) => m.text)).toEqual([null, null]);
    }
  });

  it('answers 401 signed out and 403 to every other role', async () => {
    const t = setUp();
    expect((await t.request('/api/mail/outbox')).status).toBe(401);
    for (const role of ['analyst', 'specialist', 'viewer', 'reviewer'] as const) {
      expect((await t.request('/api/mail/outbox', { as: signInAs(t.db, role, role === 'specialist' || role === 'viewer' ? ['0141'] : []).token })).status, role).toBe(403);
    }
  });
});
