// The password check behind POST /api/auth/login: throttling, constant-ish timing, audit.
import type { Context } from 'hono';
import { recordAudit } from '../audit/record.ts';
import { inTransaction } from '../db/database.ts';
import type { AppEnv } from '../lib/context.ts';
import { ApiError } from '../lib/errors.ts';
import { clientIp, userAgent } from './client.ts';
import { checkPassword } from './password-check.ts';
import { setSessionCookie } from './session-middleware.ts';
import type { SessionUser } from './session-user.ts';
import { accountActive, createSession, deleteSession, loadSessionUser } from './sessions.ts';
import { accountKey, clearFailures, ipKey } from './throttle.ts';
import { emailOf, loginRowByEmail } from '../users/store.ts';

export const INVALID_CREDENTIALS = 'Vale e-posti aadress või parool.';

/** Signs the user in (new session + cookie) and returns them; throws 401/429 ApiErrors. */
export async function passwordLogin(c: Context<AppEnv>, emailInput: string, password: string): Promise<SessionUser> {
  const db = c.get('db');
  const ip = clientIp(c);
  const email = emailInput.trim().toLowerCase();
  const row = loginRowByEmail(db, email);
  // Unknown accounts and accounts without a password verify a dummy hash: same work, same answer.
  // Over the limit checkPassword throws ThrottledError (429) before verifying anything.
  const ok = await checkPassword(db, [accountKey(email), ipKey(ip)], row?.password_hash ?? null, password);
  if (!ok || !row) {
    recordAudit(db, { actorId: row?.id ?? null, action: 'login.failure', entity: 'session', newValue: { email }, ip });
    throw new ApiError(401, 'invalid_credentials', INVALID_CREDENTIALS);
  }
  if (!accountActive(row)) {
    // Only someone who knows the password learns that the account is closed.
    recordAudit(db, { actorId: row.id, action: 'login.refused_inactive', entity: 'session', ip });
    throw new ApiError(401, 'account_inactive', 'See konto on suletud või juurdepääs on aegunud. Pöördu ELVL-i administraatori poole.');
  }
  return startSession(c, row.id, 'login.success', { method: 'password' });
}

/** Replaces any current session with a new one for the user (no session fixation) and sets the cookie. */
export function startSession(c: Context<AppEnv>, userId: number, action: string, details: Record<string, unknown>): SessionUser {
  const db = c.get('db');
  const ip = clientIp(c);
  // The validated current session (set by the session middleware), never an id taken from the raw cookie.
  const previous = c.get('sessionId');
  const session = inTransaction(db, () => {
    if (previous) deleteSession(db, previous);
    clearFailures(db, accountKey(emailOf(db, userId)!));
    const created = createSession(db, userId, { userAgent: userAgent(c), ip });
    recordAudit(db, { actorId: userId, action, entity: 'session', entityId: created.id, newValue: details, ip });
    return created;
  });
  setSessionCookie(c, session.token, session.expiresAt, c.get('config').publicOrigin);
  const { active: _a, ...user } = loadSessionUser(db, userId)!;
  c.set('user', user);
  c.set('sessionId', session.id);
  return user;
}
