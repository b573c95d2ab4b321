// Set-password tokens never reach a URL the server sees: the page sends them in JSON bodies, so the
// request log (and any proxy's log) has the path of the route and nothing of the token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../api/users/service.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

const lines: string[] = [];
let server: TestServer;
let token = '';
let unused = '';

beforeAll(async () => {
  server = await startTestServer({
    log: (line) => lines.push(line),
    prepare: (db) => {
      token = createUser(db, { email: 'kutse@vald.ee', name: 'Kutse Saaja', role: 'viewer', kovs: ['0141'] }, { id: null }).invitation!.token;
      unused = createUser(db, { email: 'teine@vald.ee', name: 'Teine', role: 'viewer', kovs: ['0141'] }, { id: null }).invitation!.token;
    },
  });
});
afterAll(() => server.close());

const post = (path: string, body: unknown) =>
  fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', origin: server.url }, body: JSON.stringify(body) });

describe('set-password links and the request log', () => {
  it('looks up and consumes a link with the token in the body only; no log line has the token', async () => {
    const who = await post('/api/auth/invitations/lookup', { token });
    expect(who.status).toBe(200);
    expect(await who.json()).toEqual({ email: 'kutse@vald.ee', name: 'Kutse Saaja' });
    const set = await post('/api/auth/invitations/password', { token, password: 'kolm rohelist jõhvikat' });
    expect(set.status).toBe(200);
    expect((await post('/api/auth/invitations/lookup', { token })).status).toBe(404);
    const entries = lines.map((l) => JSON.parse(l) as { method: string; path: string; status: number });
    expect(entries.map((e) => `${e.method} ${e.path} ${e.status}`)).toEqual([
      'POST /api/auth/invitations/lookup 200',
      'POST /api/auth/invitations/password 200',
      'POST /api/auth/invitations/lookup 404',
    ]);
    expect(lines.join('\n')).not.toContain(token);
  });

  it('has no route that takes the token in its path any more', async () => {
    expect((await fetch(`${server.url}/api/auth/invitations/${unused}`)).status).toBe(404);
    expect((await post(`/api/auth/invitations/${unused}/password`, { password: 'kolm rohelist jõhvikat' })).status).toBe(404);
    expect(server.db.prepare('SELECT count(*) FROM invitation WHERE used_at IS NULL').pluck().get()).toBe(1);
  });
});
