// The signed-in user's own account: sessions list, ending one session, changing the password.
import { createRoute, z } from '@hono/zod-openapi';
import type { ZodType } from 'zod';
import { recordAudit } from '../audit/record.ts';
import { inTransaction } from '../db/database.ts';
import { ApiError, notFound } from '../lib/errors.ts';
import { createRouter, errorResponse, ErrorSchema } from '../lib/openapi.ts';
import { requireUser } from './access.ts';
import { clientIp } from './client.ts';
import { startSession } from './login.ts';
import { checkPassword, ThrottledError, throttledResponse } from './password-check.ts';
import { hashPassword, passwordProblem } from './passwords.ts';
import { MeSchema, SessionSchema } from '../contracts/auth.ts';
import { PasswordField } from './schemas.ts';
import { clearSessionCookie } from './session-middleware.ts';
import { deleteSession, deleteUserSessions } from './sessions.ts';
import { sessionOwnedBy, sessionsOfUser } from './stores/sessions.ts';
import { accountKey } from './throttle.ts';
import { passwordHashOf, setPasswordHash } from '../users/store.ts';
import { validationFailed } from '../users/validation.ts';

const json = <T extends ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const iso = (unix: number) => new Date(unix * 1000).toISOString();

const listSessions = createRoute({
  method: 'get',
  path: '/auth/sessions',
  tags: ['auth'],
  summary: "The caller's active sessions, newest first; `current` marks this one",
  middleware: [requireUser] as const,
  responses: { 200: json(z.array(SessionSchema), 'Sessions'), 401: errorResponse('Not signed in') },
});

const endSession = createRoute({
  method: 'delete',
  path: '/auth/sessions/{id}',
  tags: ['auth'],
  summary: 'End one of the caller’s own sessions',
  middleware: [requireUser] as const,
  request: { params: z.object({ id: z.string().min(1).max(64) }) },
  responses: { 204: { description: 'Ended' }, 401: errorResponse('Not signed in'), 404: errorResponse('No such session of yours') },
});

const changePassword = createRoute({
  method: 'post',
  path: '/auth/password',
  tags: ['auth'],
  summary: 'Change the password; ends every session and starts a new one',
  middleware: [requireUser] as const,
  request: {
    body: { required: true, content: { 'application/json': { schema: z.object({ currentPassword: PasswordField, newPassword: PasswordField }) } } },
  },
  responses: {
    200: json(MeSchema, 'Changed; Set-Cookie carries the new session'),
    400: errorResponse('New password too weak (validation_failed, path newPassword)'),
    401: errorResponse('Not signed in, or wrong current password (code wrong_password)'),
    429: { ...json(ErrorSchema, 'Too many wrong current passwords'), headers: z.object({ 'Retry-After': z.string() }) },
  },
});

export function accountRoutes() {
  return createRouter()
    .openapi(listSessions, (c) => {
      const rows = sessionsOfUser(c.get('db'), c.get('user')!.id);
      const current = c.get('sessionId');
      return c.json(
        rows.map((r) => ({
          id: r.id,
          createdAt: iso(r.created_at),
          lastUsedAt: iso(r.last_used_at),
          expiresAt: iso(r.expires_at),
          userAgent: r.user_agent,
          ip: r.ip,
          current: r.id === current,
        })),
        200,
      );
    })
    .openapi(endSession, (c) => {
      const db = c.get('db');
      const user = c.get('user')!;
      const { id } = c.req.valid('param');
      inTransaction(db, () => {
        if (!sessionOwnedBy(db, id, user.id)) throw notFound('Sellist seanssi ei ole.');
        deleteSession(db, id);
        recordAudit(db, { actorId: user.id, action: 'logout.session', entity: 'session', entityId: id, ip: clientIp(c) });
      });
      if (id === c.get('sessionId')) clearSessionCookie(c, c.get('config').publicOrigin);
      return c.body(null, 204);
    })
    .openapi(changePassword, async (c) => {
      const db = c.get('db');
      const user = c.get('user')!;
      const { currentPassword, newPassword } = c.req.valid('json');
      // A stolen session must not become a password-guessing oracle: same throttle as login.
      const stored = passwordHashOf(db, user.id);
      let ok: boolean;
      try {
        ok = await checkPassword(db, [accountKey(user.email)], stored, currentPassword);
      } catch (err) {
        if (err instanceof ThrottledError) return throttledResponse(c, err);
        throw err;
      }
      if (!ok) {
        recordAudit(db, { actorId: user.id, action: 'password.change_failure', entity: 'app_user', entityId: user.id, ip: clientIp(c) });
        throw new ApiError(401, 'wrong_password', 'Praegune parool ei ole õige.');
      }
      const problem = passwordProblem(newPassword, user);
      if (problem) throw validationFailed([{ path: 'newPassword', message: problem }]);
      if (newPassword === currentPassword) throw validationFailed([{ path: 'newPassword', message: 'Uus parool peab erinema praegusest.' }]);
      const hash = await hashPassword(newPassword);
      inTransaction(db, () => {
        setPasswordHash(db, user.id, hash);
        deleteUserSessions(db, user.id);
      });
      c.set('sessionId', null);
      return c.json(startSession(c, user.id, 'password.change', { endedOtherSessions: true }), 200);
    });
}
