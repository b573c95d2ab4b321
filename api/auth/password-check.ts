// The one way a password is checked (sign-in, password change, any re-authentication): an attempt is
// reserved atomically in the database first, so over the limit the answer is 429 and argon2 never runs.
import type { Context } from 'hono';
import type { Db } from '../db/database.ts';
import type { AppEnv } from '../lib/context.ts';
import { ApiError } from '../lib/errors.ts';
import { verifyDummy, verifyPassword } from './passwords.ts';
import { releaseAttempt, reserveAttempt } from './throttle.ts';

export class ThrottledError extends ApiError {
  constructor(
    readonly retryAfterSeconds: number,
    what = 'ebaõnnestunud katseid',
  ) {
    super(429, 'too_many_attempts', `Liiga palju ${what}. Proovi uuesti ${retryAfterSeconds} sekundi pärast.`);
  }
}

/**
 * Verifies `password` against the PHC hash (a dummy hash when null: same work for unknown accounts)
 * after reserving an attempt against the throttle keys. A wrong password keeps the reservation as a
 * failure; a right one hands it back. Throws ThrottledError, without verifying, when over the limit.
 */
export async function checkPassword(db: Db, keys: readonly string[], phc: string | null, password: string): Promise<boolean> {
  const reservation = reserveAttempt(db, keys);
  if ('retryAfter' in reservation) throw new ThrottledError(reservation.retryAfter);
  const ok = phc ? await verifyPassword(phc, password) : await verifyDummy(password);
  if (ok) releaseAttempt(db, reservation);
  return ok;
}

/** The 429 answer with Retry-After, for routes that declare it in their OpenAPI responses. */
export function throttledResponse(c: Context<AppEnv>, err: ThrottledError) {
  return c.json({ error: { code: err.code, message: err.message } }, 429, { 'Retry-After': String(err.retryAfterSeconds) });
}
