// Bursts of password attempts over real HTTP: an attempt is reserved in the database before argon2
// runs, so however many arrive at once only the allowed number is ever verified, the rest answer 429
// without verifying, and a right password that arrives over the limit does not sign in. In one server
// and in two server processes sharing one database file.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession, SESSION_COOKIE } from '../../api/auth/sessions.ts';
import { GOOD_PASSWORD, userWithPassword } from '../../api/auth/test-helpers.ts';
import { ACCOUNT_THRESHOLD, BASE_DELAY_S } from '../../api/auth/throttle.ts';
import { openDatabase, type Db } from '../../api/db/database.ts';
import { seedReference } from '../../scripts/seed/index.ts';
import { signInAs } from '../helpers/app.ts';
import { bundleServer } from '../helpers/bundle-server.ts';
import { exited, spawnServer, type ServerProcess } from '../helpers/process-server.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

const BURST = 150;
const json = { 'content-type': 'application/json' };

interface Outcome {
  status: number;
  retryAfter: string | null;
}

/**
 * 149 wrong passwords and the right one last, all sent at once; the answers in the same order, and how
 * many first locks (15 s each) the burst outlasted: on a loaded machine one more attempt per lock that
 * ran out is rightly verified.
 */
async function burst(send: (password: string, i: number) => Promise<Response>): Promise<{ outcomes: Outcome[]; locksOutlasted: number }> {
  const passwords = Array.from({ length: BURST }, (_, i) => (i === BURST - 1 ? GOOD_PASSWORD : `vale parool number ${i}`));
  const started = Date.now();
  const answers = await Promise.all(passwords.map((p, i) => send(p, i)));
  const outcomes = await Promise.all(answers.map(async (r) => (await r.arrayBuffer(), { status: r.status, retryAfter: r.headers.get('retry-after') })));
  return { outcomes, locksOutlasted: Math.floor((Date.now() - started) / (BASE_DELAY_S * 1000)) };
}

/** The threshold verified (all wrong: 401), every other attempt 429 with Retry-After, the right one too. */
function expectCapped({ outcomes, locksOutlasted }: { outcomes: Outcome[]; locksOutlasted: number }, verifiedInDb: number) {
  const verified = outcomes.filter((o) => o.status !== 429);
  expect(verifiedInDb).toBe(verified.length);
  expect(outcomes.filter((o) => o.status === 429).every((o) => Number(o.retryAfter) > 0)).toBe(true);
  if (locksOutlasted > 0) {
    expect(verified.length).toBeLessThanOrEqual(ACCOUNT_THRESHOLD + locksOutlasted);
    return;
  }
  expect(verified.map((o) => o.status)).toEqual(Array(ACCOUNT_THRESHOLD).fill(401));
  // The right password came over the limit: it must not have signed in.
  expect(outcomes[BURST - 1]!.status).toBe(429);
}

const count = (db: Db, action: string) => db.prepare('SELECT count(*) FROM audit_log WHERE action = ?').pluck().get(action) as number;

describe('a burst of password attempts on one server', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.close());

  it(`login: ${BURST} at once for one account verify at most ${ACCOUNT_THRESHOLD}`, async () => {
    const u = await userWithPassword(server.db, { role: 'admin' });
    const result = await burst((password) =>
      fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: json, body: JSON.stringify({ email: u.email, password }) }),
    );
    expectCapped(result, count(server.db, 'login.failure') + count(server.db, 'login.success'));
    const signedIn = result.outcomes[BURST - 1]!.status === 200; // only possible after a lock ran out
    expect(server.db.prepare('SELECT count(*) FROM session WHERE user_id = ?').pluck().get(u.id)).toBe(signedIn ? 1 : 0);
  }, 120_000);

  it(`password change: ${BURST} at once with one session verify at most ${ACCOUNT_THRESHOLD}`, async () => {
    const u = await userWithPassword(server.db, { role: 'specialist', kovs: ['0141'] });
    const cookie = `${SESSION_COOKIE}=${createSession(server.db, u.id).token}`;
    const before = server.db.prepare('SELECT password_hash FROM app_user WHERE id = ?').pluck().get(u.id);
    const result = await burst((currentPassword, i) =>
      fetch(`${server.url}/api/auth/password`, {
        method: 'POST',
        headers: { ...json, cookie },
        body: JSON.stringify({ currentPassword, newPassword: `uus tugev parool ${i} jõhvikas` }),
      }),
    );
    expectCapped(result, count(server.db, 'password.change_failure') + count(server.db, 'password.change'));
    const changed = result.outcomes[BURST - 1]!.status === 200; // only possible after a lock ran out
    expect(server.db.prepare('SELECT password_hash FROM app_user WHERE id = ?').pluck().get(u.id) !== before).toBe(changed);
  }, 120_000);
});

describe('a burst of login attempts across two server processes on one database', () => {
  const servers: ServerProcess[] = [];
  afterAll(async () => {
    for (const s of servers) {
      s.child.kill('SIGTERM');
      await exited(s.child);
    }
  });

  it(`verifies at most ${ACCOUNT_THRESHOLD} in total`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tr-burst-'));
    const path = join(dir, 'shared.db');
    const db = openDatabase(path);
    seedReference(db);
    const u = await userWithPassword(db, { role: 'analyst' });
    signInAs(db, 'admin'); // a second account, so the database is not just this user
    db.close();
    const bundle = await bundleServer();
    const env = { DATABASE_PATH: path, FILES_PATH: join(dir, 'files') };
    servers.push(await spawnServer(env, { bundle }), await spawnServer(env, { bundle }));
    const result = await burst((password, i) =>
      fetch(`${servers[i % 2]!.url}/api/auth/login`, { method: 'POST', headers: json, body: JSON.stringify({ email: u.email, password }) }),
    );
    const check = openDatabase(path);
    try {
      expectCapped(result, count(check, 'login.failure') + count(check, 'login.success'));
    } finally {
      check.close();
    }
  }, 180_000);
});
