// The admin API's set-password links also go out by mail: queued in the same transaction, with the
// same link the API answers (the admin page still shows it once).
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, signInAs, type TestContext } from '../../tests/helpers/app.ts';
import { userWithPassword } from '../auth/test-helpers.ts';

let t: TestContext;
let admin: string;
beforeEach(() => {
  t = createTestContext({ publicOrigin: 'https://turvarada.example' });
  admin = signInAs(t.db, 'admin').token;
});
const mails = () => t.db.prepare('SELECT kind, to_address, subject, text FROM mail_outbox ORDER BY id').all() as Array<{ kind: string; to_address: string; subject: string; text: string }>;

describe('invitation mail', () => {
  it('creating a user and a new link each queue a mail with the link the API answers', async () => {
    const created = await t.request('/api/users', { method: 'POST', as: admin, json: { email: 'Uus@Vald.ee', name: 'Uus Kasutaja', role: 'viewer', kovs: ['0141'] } });
    expect(created.status).toBe(201);
    const { user, invitation } = (await created.json()) as { user: { id: number }; invitation: { link: string } };
    expect(mails()).toEqual([{ kind: 'invitation', to_address: 'uus@vald.ee', subject: 'Turvarada: sinu konto on loodud', text: expect.stringContaining(invitation.link) }]);
    expect(mails()[0]!.text).toContain('Tere, Uus Kasutaja!');
    const again = await t.request(`/api/users/${user.id}/invitation`, { method: 'POST', as: admin });
    const { link } = (await again.json()) as { link: string };
    expect(mails()).toHaveLength(2);
    expect(mails()[1]!.text).toContain(link);
    expect(link).not.toBe(invitation.link);
  });

  it('queues nothing when the request fails or no link is made', async () => {
    await userWithPassword(t.db, { role: 'admin', email: 'olemas@elvl.ee' });
    expect((await t.request('/api/users', { method: 'POST', as: admin, json: { email: 'olemas@elvl.ee', name: 'X', role: 'admin' } })).status).toBe(409);
    expect((await t.request('/api/users', { method: 'POST', as: admin, json: { email: 'v@vald.ee', name: 'V', role: 'viewer', kovs: [] } })).status).toBe(400);
    expect(mails()).toEqual([]);
  });
});
