// Set-password links: look one up, and consume it by choosing a password (which also signs in).
import { createRoute, z } from '@hono/zod-openapi';
import { inTransaction } from '../db/database.ts';
import { notFound } from '../lib/errors.ts';
import { createRouter, errorResponse } from '../lib/openapi.ts';
import { validationFailed } from '../users/validation.ts';
import { findInvitation, markInvitationUsed } from './invitations.ts';
import { startSession } from './login.ts';
import { hashPassword, passwordProblem } from './passwords.ts';
import { InvitationSchema, MeSchema } from '../contracts/auth.ts';
import { PasswordField } from './schemas.ts';
import { deleteUserSessions } from './sessions.ts';
import { setPasswordHash } from '../users/store.ts';

// The token travels in the JSON body, never in a URL the server (or a proxy) logs; the page reads it
// from the link's #fragment, which browsers do not send at all.
const Token = z.string().min(1).max(200);
const GONE = 'Link on aegunud, juba kasutatud või vigane. Palu administraatorilt uus link.';

const lookup = createRoute({
  method: 'post',
  path: '/auth/invitations/lookup',
  tags: ['auth'],
  summary: 'Whom a valid set-password link is for (the token in the body, never in the URL)',
  request: { body: { required: true, content: { 'application/json': { schema: z.object({ token: Token }) } } } },
  responses: {
    200: { description: 'Valid link', content: { 'application/json': { schema: InvitationSchema } } },
    404: errorResponse('Unknown, used or expired link'),
  },
});

const consume = createRoute({
  method: 'post',
  path: '/auth/invitations/password',
  tags: ['auth'],
  summary: 'Set the password with a one-time link (the token in the body); signs in',
  request: {
    body: { required: true, content: { 'application/json': { schema: z.object({ token: Token, password: PasswordField }) } } },
  },
  responses: {
    200: { description: 'Password set; Set-Cookie carries the session', content: { 'application/json': { schema: MeSchema } } },
    400: errorResponse('Password too weak (validation_failed, path password)'),
    404: errorResponse('Unknown, used or expired link'),
  },
});

export function invitationRoutes() {
  return createRouter()
    .openapi(lookup, (c) => {
      const inv = findInvitation(c.get('db'), c.req.valid('json').token);
      if (!inv) throw notFound(GONE);
      return c.json({ email: inv.email, name: inv.name }, 200);
    })
    .openapi(consume, async (c) => {
      const db = c.get('db');
      const { token, password } = c.req.valid('json');
      const inv = findInvitation(db, token);
      if (!inv) throw notFound(GONE);
      const problem = passwordProblem(password, inv);
      if (problem) throw validationFailed([{ path: 'password', message: problem }]);
      const hash = await hashPassword(password);
      inTransaction(db, () => {
        // Re-checked inside the transaction: two tabs racing with one link set one password.
        if (!markInvitationUsed(db, inv.invitationId)) throw notFound(GONE);
        setPasswordHash(db, inv.userId, hash);
        deleteUserSessions(db, inv.userId);
      });
      // The audit row says which kind of link set the password: an admin's invitation or the user's reset.
      return c.json(startSession(c, inv.userId, inv.purpose === 'reset' ? 'password_reset.complete' : 'invitation.accept', { passwordSet: true }), 200);
    });
}
