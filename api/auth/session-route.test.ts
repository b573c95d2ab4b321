import { describe, expect, it } from 'vitest';
import { createTestContext, signInAs } from '../../tests/helpers/app.ts';

describe('GET /api/auth/session', () => {
  it('answers 200 with null when signed out, so pages can ask without an error', async () => {
    const t = createTestContext();
    const res = await t.request('/api/auth/session');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ user: null });
  });

  it('answers with the signed-in user and their municipalities', async () => {
    const t = createTestContext();
    const { token, userId } = signInAs(t.db, 'specialist', ['0141', '0198']);
    const body = await (await t.request('/api/auth/session', { as: token })).json();
    expect(body.user).toMatchObject({ id: userId, role: 'specialist', kovs: ['0141', '0198'], accessExpiresOn: null });
  });

  it("tells an auditor when their access ends (the page shows it), from /api/auth/me too", async () => {
    const t = createTestContext();
    const { token } = signInAs(t.db, 'auditor', ['0141'], { accessExpiresOn: '2099-03-01' });
    expect((await (await t.request('/api/auth/session', { as: token })).json()).user).toMatchObject({ role: 'auditor', accessExpiresOn: '2099-03-01' });
    expect(await (await t.request('/api/auth/me', { as: token })).json()).toMatchObject({ accessExpiresOn: '2099-03-01' });
  });
});
