import { createApp } from '../../api/app.ts';
import { testConfig, type AppConfig } from '../../api/config.ts';
import { openDatabase, type Db } from '../../api/db/database.ts';
import { createSession } from '../../api/auth/sessions.ts';
import { SESSION_COOKIE } from '../../api/auth/sessions.ts';
import type { Role } from '../../api/auth/session-user.ts';
import { hashPassword } from '../../api/auth/passwords.ts';
import { setKovHead, setPasswordHash } from '../../api/users/store.ts';
import { seedKovs } from '../../scripts/seed/kov.ts';

export interface TestContext {
  db: Db;
  config: AppConfig;
  app: ReturnType<typeof createApp>;
  /** app.request with JSON helpers; `as` signs the request in with a session cookie. */
  request(path: string, init?: RequestInit & { as?: string; json?: unknown }): Promise<Response>;
}

/** A fresh in-memory database with the schema and the 79 municipalities, and the app over it. */
export function createTestContext(overrides: Partial<AppConfig> = {}): TestContext {
  const db = openDatabase(':memory:');
  seedKovs(db);
  const config = testConfig(overrides);
  const app = createApp({ db, config });
  return {
    db,
    config,
    app,
    request(path, init = {}) {
      const { as, json, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (as) headers.set('cookie', `${SESSION_COOKIE}=${as}`);
      if (json !== undefined) headers.set('content-type', 'application/json');
      return Promise.resolve(app.request(path, { ...rest, headers, body: json !== undefined ? JSON.stringify(json) : rest.body }));
    },
  };
}

let userCounter = 0;

/**
 * Creates a user with the role (and municipalities) and returns a session token for `as`.
 * Goes straight to the database: tests of other domains do not depend on the login flow.
 */
export function signInAs(db: Db, role: Role, kovs: string[] = [], extra: { accessExpiresOn?: string } = {}): { token: string; userId: number } {
  userCounter += 1;
  const email = `${role}${userCounter}-${Math.random().toString(36).slice(2, 8)}@test.ee`;
  const userId = Number(
    db
      .prepare('INSERT INTO app_user (email, name, role, access_expires_on) VALUES (?, ?, ?, ?)')
      .run(email, `Test ${role} ${userCounter}`, role, extra.accessExpiresOn ?? null).lastInsertRowid,
  );
  const add = db.prepare('INSERT INTO user_kov (user_id, ehak) VALUES (?, ?)');
  for (const k of kovs) add.run(userId, k);
  return { token: createSession(db, userId).token, userId };
}

/** The municipality's head (a viewer marked as head) with a password, for confirming a reporting period. */
export async function signInHead(db: Db, ehak: string, password: string): Promise<{ token: string; userId: number }> {
  const head = signInAs(db, 'viewer', [ehak]);
  setKovHead(db, head.userId, true);
  setPasswordHash(db, head.userId, await hashPassword(password));
  return head;
}
