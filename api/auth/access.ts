// The one authorisation check. Handlers declare a permission; municipality data is reached
// only through the /api/kovs/:ehak scope guard, so a handler cannot forget the tenant check.
import { createMiddleware } from 'hono/factory';
import { prepareCached } from '../db/statements.ts';
import type { AppEnv } from '../lib/context.ts';
import { forbidden, notFound, unauthorized } from '../lib/errors.ts';
import type { Role, SessionUser } from './session-user.ts';

export const PERMISSIONS = {
  'catalog.read': ['admin', 'analyst', 'specialist', 'viewer', 'reviewer', 'auditor'],
  'catalog.manage': ['admin'],
  'users.manage': ['admin'],
  'audit.read': ['admin', 'analyst'],
  'reports.read': ['admin', 'analyst'],
  'reports.snapshot': ['admin', 'analyst'],
  'shared_services.manage': ['admin'],
  'budget.read': ['admin', 'analyst'],
  'budget.plan.write': ['admin', 'analyst'],
  'budget.actuals.write': ['admin', 'analyst'],
  'templates.submit': ['admin', 'analyst', 'specialist', 'viewer', 'reviewer', 'auditor'],
  'templates.review': ['reviewer'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function hasPermission(user: SessionUser | null, permission: Permission): boolean {
  return !!user && (PERMISSIONS[permission] as readonly Role[]).includes(user.role);
}

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

const SEES_ALL: readonly Role[] = ['admin', 'analyst'];
const WRITES_ASSIGNED: readonly Role[] = ['specialist'];

/** Municipalities whose tracker data the user may read: 'all' or a list of EHAK codes. */
export function readableKovs(user: SessionUser): 'all' | readonly string[] {
  if (SEES_ALL.includes(user.role)) return 'all';
  if (user.role === 'reviewer') return [];
  return user.kovs;
}

export function canReadKov(user: SessionUser, ehak: string): boolean {
  const kovs = readableKovs(user);
  return kovs === 'all' || kovs.includes(ehak);
}

export function canWriteKov(user: SessionUser, ehak: string): boolean {
  if (user.role === 'admin') return true;
  return WRITES_ASSIGNED.includes(user.role) && user.kovs.includes(ehak);
}

/**
 * Guards every /api/kovs/:ehak/... route. A municipality the user may not read answers 404,
 * so the response does not confirm that it exists; read-only access to a write answers 403.
 */
export const kovScopeGuard = createMiddleware<AppEnv>(async (c, next) => {
  const user = c.get('user');
  if (!user) throw unauthorized();
  const ehak = c.req.param('ehak') ?? '';
  const exists = prepareCached(c.get('db'), 'SELECT 1 FROM kov WHERE ehak = ?').get(ehak);
  if (!exists || !canReadKov(user, ehak)) throw notFound('Omavalitsust ei leitud.');
  if (!['GET', 'HEAD', 'OPTIONS'].includes(c.req.method) && !canWriteKov(user, ehak)) {
    throw forbidden('Sul on selle omavalitsuse andmetele ainult lugemisõigus.');
  }
  await next();
});
