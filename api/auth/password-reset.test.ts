// "Unustasin parooli": the same 202 for every address, a mail only for an active account, a link that
// works once and ends every session, throttling per address and per client, and the audit rows.
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../tests/helpers/app.ts';
import { createSession } from './sessions.ts';
import { GOOD_PASSWORD, sessionToken, userWithPassword } from './test-helpers.ts';
import { RESET_LIFETIME_S } from './invitations.ts';

let t: TestContext;
beforeEach(() => {
  t = createTestContext({ publicOrigin: 'https://turvarada.example' });
});

const ask = (email: string, headers: Record<string, string> = {}) => t.request('/api/auth/password-reset', { method: 'POST', json: { email }, headers });
interface MailRow {
  kind: string;
  to_address: string;
  subject: string;
  text: string;
  html: string;
}
const mails = () => t.db.prepare('SELECT kind, to_address, subject, text, html FROM mail_outbox ORDER BY id').all() as MailRow[];
const linkIn = (text: string) => /https:\/\/turvarada\.example\/seadista-parool\/#token=([A-Za-z0-9_-]{43})/.exec(text)?.[1];
const setPassword = (token: string, password: string) => t.request('/api/auth/invitations/password', { method: 'POST', json: { token, password } });
const audit = (action: string) => t.db.prepare('SELECT entity_id, new_value FROM audit_log WHERE action = ? ORDER BY id').all(action) as Array<{ entity_id: string | null; new_value: string }>;

describe('password reset', () => {
  it('answers 202 with the same words for known and unknown addresses; mails only the known one', async () => {
    const user = await userWithPassword(t.db, { role: 'specialist', kovs: ['0141'], email: 'mari@vald.ee', name: 'Mari Maasikas' });
    const known = await ask('  Mari@Vald.ee ');
    const unknown = await ask('keegi@vald.ee');
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(await known.json()).toEqual(await unknown.json());
    const [mail, ...rest] = mails();
    expect(rest).toEqual([]);
    expect(mail).toMatchObject({ kind: 'password_reset', to_address: 'mari@vald.ee', subject: 'Turvarada: parooli lähtestamine' });
    expect(mail!.text).toContain('Tere, Mari Maasikas!');
    const token = linkIn(mail!.text)!;
    expect(mail!.html).toContain(`#token=${token}`);
    // The token is only in the mail: the invitation row keeps its hash, for an hour.
    const inv = t.db.prepare('SELECT purpose, expires_at - created_at AS life FROM invitation WHERE user_id = ?').get(user.id);
    expect(inv).toEqual({ purpose: 'reset', life: RESET_LIFETIME_S });
    expect(JSON.stringify(t.db.prepare('SELECT * FROM invitation').all())).not.toContain(token);
    expect(audit('password_reset.request').map((r) => [r.entity_id, JSON.parse(r.new_value)])).toEqual([
      [String(user.id), { email: 'mari@vald.ee', sent: true }],
      [null, { email: 'keegi@vald.ee', sent: false }],
    ]);
  });

  it('sends nothing for a closed account or one whose access ended', async () => {
    const closed = await userWithPassword(t.db, { role: 'viewer', kovs: ['0141'], email: 'suletud@vald.ee' });
    t.db.prepare("UPDATE app_user SET disabled_at = '2026-01-01T00:00:00Z' WHERE id = ?").run(closed.id);
    await userWithPassword(t.db, { role: 'auditor', kovs: ['0141'], email: 'audiitor@vald.ee', expiresOn: '2099-01-01' });
    t.db.prepare("UPDATE app_user SET access_expires_on = '2020-01-01' WHERE email = 'audiitor@vald.ee'").run();
    expect((await ask('suletud@vald.ee')).status).toBe(202);
    expect((await ask('audiitor@vald.ee')).status).toBe(202);
    expect(mails()).toEqual([]);
    expect(t.db.prepare('SELECT count(*) FROM invitation').pluck().get()).toBe(0);
  });

  it('the link sets a new password once, ends every session and is audited; a newer link voids it', async () => {
    const user = await userWithPassword(t.db, { role: 'analyst', email: 'ants@elvl.ee' });
    const elsewhere = createSession(t.db, user.id).token;
    expect((await t.request('/api/auth/me', { as: elsewhere })).status).toBe(200);
    await ask('ants@elvl.ee');
    const first = linkIn(mails()[0]!.text)!;
    await ask('ants@elvl.ee');
    const second = linkIn(mails()[1]!.text)!;
    expect((await setPassword(first, 'uus pikk parool siin')).status).toBe(404);
    const done = await setPassword(second, 'uus pikk parool siin');
    expect(done.status).toBe(200);
    expect((await t.request('/api/auth/me', { as: sessionToken(done)! })).status).toBe(200);
    expect((await t.request('/api/auth/me', { as: elsewhere })).status).toBe(401);
    expect((await setPassword(second, 'veel üks pikk parool')).status).toBe(404);
    const login = (password: string) => t.request('/api/auth/login', { method: 'POST', json: { email: 'ants@elvl.ee', password } });
    expect((await login(GOOD_PASSWORD)).status).toBe(401);
    expect((await login('uus pikk parool siin')).status).toBe(200);
    const completed = t.db.prepare("SELECT actor_id FROM audit_log WHERE action = 'password_reset.complete'").pluck().all();
    expect(completed).toEqual([user.id]);
    expect(t.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'invitation.accept'").pluck().get()).toBe(0);
  });

  it('throttles per address (known or not alike) and per client address, with Retry-After', async () => {
    await userWithPassword(t.db, { role: 'viewer', kovs: ['0141'], email: 'vello@vald.ee' });
    for (const email of ['vello@vald.ee', 'pole@vald.ee']) {
      for (let i = 0; i < 3; i++) expect((await ask(email)).status).toBe(202);
      const refused = await ask(email);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/parooli lähtestamise taotlusi/);
    }
    expect(mails()).toHaveLength(3);
    // Ten requests from one client address, each for another account, then that address waits too.
    const t2 = createTestContext();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await t2.request('/api/auth/password-reset', { method: 'POST', json: { email: `x${i}@vald.ee` } })).status);
    expect(statuses).toEqual([...Array(10).fill(202), 429]);
  });

  it('refuses a malformed body', async () => {
    expect((await t.request('/api/auth/password-reset', { method: 'POST', json: {} })).status).toBe(400);
    expect((await t.request('/api/auth/password-reset', { method: 'POST', json: { email: 'x'.repeat(300) } })).status).toBe(400);
  });
});
