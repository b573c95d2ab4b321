import { setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../lib/context.ts';
import { SESSION_COOKIE, validateSessionToken } from './sessions.ts';

/** Writes the session cookie: HttpOnly, SameSite=Lax, Secure when the public origin is https. */
export function setSessionCookie(c: Parameters<typeof setCookie>[0], token: string, expiresAt: number, publicOrigin: string) {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: publicOrigin.startsWith('https:'),
    expires: new Date(expiresAt * 1000),
  });
}

export function clearSessionCookie(c: Parameters<typeof setCookie>[0], publicOrigin: string) {
  setCookie(c, SESSION_COOKIE, '', {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: publicOrigin.startsWith('https:'),
    maxAge: 0,
  });
}

// Our tokens are [a-z2-9.] only, so the value needs no unquoting or decoding. Hono's getCookie
// parses and validates every cookie in the header: ~4 % of a status write's CPU (same-minute A/B).
const SESSION_COOKIE_VALUE = new RegExp(`(?:^|;)\\s*${SESSION_COOKIE}=([^;]*)`);

/** The session cookie's value from a Cookie header, if any. */
export function sessionCookie(header: string | undefined): string | undefined {
  return header ? SESSION_COOKIE_VALUE.exec(header)?.[1]?.trim() || undefined : undefined;
}

/** Resolves the signed-in user (or null) for every API request. */
export const sessionMiddleware = createMiddleware<AppEnv>(async (c, next) => {
  c.set('user', null);
  c.set('sessionId', null);
  const token = sessionCookie(c.req.header('cookie'));
  if (token) {
    const result = validateSessionToken(c.get('db'), token);
    if (result) {
      c.set('user', result.user);
      c.set('sessionId', result.sessionId);
      if (result.renewedExpiresAt) setSessionCookie(c, token, result.renewedExpiresAt, c.get('config').publicOrigin);
    } else {
      clearSessionCookie(c, c.get('config').publicOrigin);
    }
  }
  await next();
});
