// The one authorisation check. Handlers declare a permission; municipality data is reached
// only through the /api/kovs/:ehak scope guard, so a handler cannot forget the tenant check.
import { createMiddleware } from 'hono/factory';
import { prepareCached } from '../db/statements.ts';
import type { AppEnv } from '../lib/context.ts';
import { forbidden, notFound, unauthorized } from '../lib/errors.ts';
import { canReadKov, canWriteKov, hasPermission, type Permission } from './rules.ts';

export { PERMISSIONS, canReadKov, canWriteKov, hasPermission, readableKovs, type Permission } from './rules.ts';

/** 401 when signed out, 403 when the role lacks the permission. */
export const requirePermission = (permission: Permission) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const user = c.get('user');
    if (!user) throw unauthorized();
    if (!hasPermission(user, permission)) throw forbidden();
    await next();
  });

/** Any signed-in user. */
export const requireUser = createMiddleware<AppEnv>(async (c, next) => {
  if (!c.get('user')) throw unauthorized();
  await next();
});

/**
 * Guards every /api/kovs/:ehak/... route. A municipality the user may not read answers 404,
 * so the response does not confirm that it exists; read-only access to a write answers 403.
 */
export const kovScopeGuard = createMiddleware<AppEnv>(async (c, next) => {
  const user = c.get('user');
  if (!user) throw unauthorized();
  const ehak = c.req.param('ehak') ?? '';
  if (!canReadKov(user, ehak)) throw notFound('Omavalitsust ei leitud.');
  // A municipality assigned to the user exists (user_kov references kov): no look-up on the
  // specialists' hot path. Roles that read every municipality still get unknown codes refused.
  if (!user.kovs.includes(ehak) && !prepareCached(c.get('db'), 'SELECT 1 FROM kov WHERE ehak = ?').get(ehak)) {
    throw notFound('Omavalitsust ei leitud.');
  }
  if (!['GET', 'HEAD', 'OPTIONS'].includes(c.req.method) && !canWriteKov(user, ehak)) {
    throw forbidden('Sul on selle omavalitsuse andmetele ainult lugemisõigus.');
  }
  await next();
});
