// /api/me/preferences: the signed-in user's own mail settings (the weekly digest on or off), audited.
import { createRoute, z } from '@hono/zod-openapi';
import { requireUser } from '../auth/access.ts';
import { recordAudit } from '../audit/record.ts';
import { clientIp } from '../auth/client.ts';
import { PreferencesSchema, PreferencesUpdateSchema } from '../contracts/notifications.ts';
import { inTransaction } from '../db/database.ts';
import { createRouter, errorResponse } from '../lib/openapi.ts';
import { setWeeklyDigest, weeklyDigestOf } from '../users/store.ts';

const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });

const getRoute = createRoute({
  method: 'get',
  path: '/me/preferences',
  tags: ['auth'],
  summary: "The caller's mail preferences",
  middleware: [requireUser] as const,
  responses: { 200: json(PreferencesSchema, 'Preferences'), 401: errorResponse('Not signed in') },
});

const patchRoute = createRoute({
  method: 'patch',
  path: '/me/preferences',
  tags: ['auth'],
  summary: 'Turn the weekly digest on or off',
  middleware: [requireUser] as const,
  request: { body: { content: { 'application/json': { schema: PreferencesUpdateSchema } }, required: true } },
  responses: { 200: json(PreferencesSchema, 'Saved'), 400: errorResponse('Invalid input'), 401: errorResponse('Not signed in') },
});

export function preferenceRoutes() {
  return createRouter()
    .openapi(getRoute, (c) => c.json({ weeklyDigest: weeklyDigestOf(c.get('db'), c.get('user')!.id) }, 200))
    .openapi(patchRoute, (c) => {
      const db = c.get('db');
      const user = c.get('user')!;
      const { weeklyDigest } = c.req.valid('json');
      inTransaction(db, () => {
        const old = weeklyDigestOf(db, user.id);
        setWeeklyDigest(db, user.id, weeklyDigest);
        recordAudit(db, { actorId: user.id, action: 'user.preferences', entity: 'app_user', entityId: user.id, oldValue: { weeklyDigest: old }, newValue: { weeklyDigest }, ip: clientIp(c) });
      });
      return c.json({ weeklyDigest }, 200);
    });
}
