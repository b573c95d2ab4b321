// Sign-in and sign-out: POST /auth/login, /auth/logout, /auth/logout-all, GET /auth/me, /auth/session, /auth/providers.
import { createRoute, z } from '@hono/zod-openapi';
import type { ZodType } from 'zod';
import { recordAudit } from '../audit/record.ts';
import { inTransaction } from '../db/database.ts';
import { createRouter, errorResponse, ErrorSchema } from '../lib/openapi.ts';
import { requireUser } from './access.ts';
import { clientIp } from './client.ts';
import { passwordLogin } from './login.ts';
import { ThrottledError, throttledResponse } from './password-check.ts';
import { AuthMethodsSchema, MeSchema, SessionStateSchema, SessionsEndedSchema } from '../contracts/auth.ts';
import { PasswordField } from './schemas.ts';
import { clearSessionCookie } from './session-middleware.ts';
import { deleteSession, deleteUserSessions } from './sessions.ts';

const json = <T extends ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });

const login = createRoute({
  method: 'post',
  path: '/auth/login',
  tags: ['auth'],
  summary: 'Sign in with e-mail and password; sets the session cookie',
  request: {
    body: {
      required: true,
      content: { 'application/json': { schema: z.object({ email: z.string().min(1).max(254), password: PasswordField }) } },
    },
  },
  responses: {
    200: json(MeSchema, 'Signed in; Set-Cookie carries the session'),
    400: errorResponse('Malformed body'),
    401: errorResponse('Wrong e-mail or password (one message for both), or a closed account'),
    403: errorResponse('Foreign Origin (CSRF)'),
    429: { ...json(ErrorSchema, 'Too many failures; see Retry-After'), headers: z.object({ 'Retry-After': z.string() }) },
  },
});

const logout = createRoute({
  method: 'post',
  path: '/auth/logout',
  tags: ['auth'],
  summary: 'End the current session',
  responses: { 204: { description: 'Signed out (also when no session was active)' } },
});

const logoutAll = createRoute({
  method: 'post',
  path: '/auth/logout-all',
  tags: ['auth'],
  summary: "End every one of the caller's sessions",
  middleware: [requireUser] as const,
  responses: { 200: json(SessionsEndedSchema, 'Sessions ended'), 401: errorResponse('Not signed in') },
});

const me = createRoute({
  method: 'get',
  path: '/auth/me',
  tags: ['auth'],
  summary: 'The signed-in user',
  middleware: [requireUser] as const,
  responses: { 200: json(MeSchema, 'The user'), 401: errorResponse('Not signed in') },
});

const session = createRoute({
  method: 'get',
  path: '/auth/session',
  tags: ['auth'],
  summary: 'Who is signed in, or null: lets every page ask without a 401 in the browser console',
  responses: { 200: json(SessionStateSchema, 'The user or null') },
});

const providers = createRoute({
  method: 'get',
  path: '/auth/providers',
  tags: ['auth'],
  summary: 'Which sign-in methods are enabled',
  responses: { 200: json(AuthMethodsSchema, 'Enabled methods') },
});

export function authRoutes() {
  return createRouter()
    .openapi(login, async (c) => {
      const { email, password } = c.req.valid('json');
      try {
        return c.json(await passwordLogin(c, email, password), 200);
      } catch (err) {
        if (err instanceof ThrottledError) return throttledResponse(c, err);
        throw err;
      }
    })
    .openapi(logout, (c) => {
      const db = c.get('db');
      const user = c.get('user');
      const sessionId = c.get('sessionId');
      if (user && sessionId) {
        inTransaction(db, () => {
          deleteSession(db, sessionId);
          recordAudit(db, { actorId: user.id, action: 'logout', entity: 'session', entityId: sessionId, ip: clientIp(c) });
        });
      }
      clearSessionCookie(c, c.get('config').publicOrigin);
      return c.body(null, 204);
    })
    .openapi(logoutAll, (c) => {
      const db = c.get('db');
      const user = c.get('user')!;
      const ended = inTransaction(db, () => {
        const n = deleteUserSessions(db, user.id);
        recordAudit(db, { actorId: user.id, action: 'logout.all', entity: 'session', newValue: { ended: n }, ip: clientIp(c) });
        return n;
      });
      clearSessionCookie(c, c.get('config').publicOrigin);
      return c.json({ ended }, 200);
    })
    .openapi(me, (c) => c.json(c.get('user')!, 200))
    .openapi(session, (c) => {
      c.header('Cache-Control', 'no-store');
      return c.json({ user: c.get('user') }, 200);
    })
    .openapi(providers, (c) => c.json({ password: true as const, tara: !!c.get('config').tara }, 200));
}
