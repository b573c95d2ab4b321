import { getCookie, setCookie } from 'hono/cookie';
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

/** Resolves the signed-in user (or null) for every API request. */
export const sessionMiddleware = createMiddleware<AppEnv>(async (c, next) => {
  c.set('user', null);
  c.set('sessionId', null);
  const token = getCookie(c, SESSION_COOKIE);
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
