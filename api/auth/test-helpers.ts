// Shared by the accounts tests: a user with a real password, and reading the session cookie.
import type { Db } from '../db/database.ts';
import { createUser, type NewUser } from '../users/service.ts';
import { hashPassword } from './passwords.ts';
import { SESSION_COOKIE } from './sessions.ts';

export const GOOD_PASSWORD = 'kolm rohelist kassi 42';

export async function userWithPassword(db: Db, input: Partial<NewUser> & { role: NewUser['role'] }, password = GOOD_PASSWORD) {
  const email = input.email ?? `${input.role}-${Math.random().toString(36).slice(2, 8)}@test.ee`;
  const { user } = createUser(db, { name: 'Test Kasutaja', kovs: [], ...input, email }, { id: null }, await hashPassword(password));
  return { ...user, password };
}

/** The session token from a response's Set-Cookie, or null (also when the cookie is being cleared). */
export function sessionToken(res: Response): string | null {
  const header = res.headers.getSetCookie().find((h) => h.startsWith(`${SESSION_COOKIE}=`));
  const value = header?.split(';')[0]!.slice(SESSION_COOKIE.length + 1);
  return value ? value : null;
}
