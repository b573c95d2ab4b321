// The one authorisation check. Handlers declare a permission; municipality data is reached
// only through the /api/kovs/:ehak scope guard, so a handler cannot forget the tenant check.
import { createMiddleware } from 'hono/factory';
import { kovExists } from '../kov/store.ts';
import type { AppEnv } from '../lib/context.ts';
import { forbidden, notFound, unauthorized } from '../lib/errors.ts';
import type { Db } from '../db/database.ts';
import { canActOnPeriod, canActOnTemplate, canReadKov, canWriteKov, hasPermission, type PeriodAction, type Permission, type TemplateAction } from './rules.ts';
import type { SessionUser } from './session-user.ts';
import { templateFactsRow } from '../templates/stores/templates.ts';
import { isKovHead } from '../users/store.ts';

export { PERMISSIONS, canActOnPeriod, canActOnTemplate, canReadKov, canWriteKov, hasPermission, readableKovs, type Permission, type TemplateAction } from './rules.ts';

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
 * The writes under /kovs/:ehak that are not the municipality's tracker data, each with its own rule
 * (canActOnPeriod): an auditor may record a conclusion and ELVL may reopen a submission, though both
 * only read the municipality's data otherwise. Any other write needs canWriteKov.
 */
const PERIOD_ACTION_PATHS: ReadonlyArray<readonly [RegExp, PeriodAction]> = [
  [/^\/api\/kovs\/[^/]+\/reporting-periods\/[^/]+\/submit$/, 'submit'],
  [/^\/api\/kovs\/[^/]+\/reporting-periods\/[^/]+\/confirm(\/tara)?$/, 'confirm'],
  [/^\/api\/kovs\/[^/]+\/reporting-periods\/[^/]+\/conclusion$/, 'conclude'],
  [/^\/api\/kovs\/[^/]+\/reporting-periods\/[^/]+\/reopen$/, 'reopen'],
];

/** The reporting-period action a request path names, if any (exported for the tenant-isolation test). */
export function periodActionOf(path: string): PeriodAction | null {
  return PERIOD_ACTION_PATHS.find(([re]) => re.test(path))?.[1] ?? null;
}

const PERIOD_REFUSALS: Record<PeriodAction, string> = {
  submit: 'Perioodi aruannet saab esitada ainult omavalitsuse spetsialist.',
  confirm: 'Esitatud aruannet saab kinnitada ainult omavalitsuse juht.',
  conclude: 'Järelduse saab kirja panna ainult omavalitsuse audiitor.',
  reopen: 'Esitatud aruannet saab taasavada ainult ELVL.',
};

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
  if (!user.kovs.includes(ehak) && !kovExists(c.get('db'), ehak)) {
    throw notFound('Omavalitsust ei leitud.');
  }
  if (!['GET', 'HEAD', 'OPTIONS'].includes(c.req.method)) {
    const action = c.req.method === 'POST' ? periodActionOf(c.req.path) : null;
    if (action) {
      const head = action === 'confirm' && isKovHead(c.get('db'), user.id);
      if (!canActOnPeriod({ ...user, head }, ehak, action)) throw forbidden(PERIOD_REFUSALS[action]);
    } else if (!canWriteKov(user, ehak)) {
      throw forbidden('Sul on selle omavalitsuse andmetele ainult lugemisõigus.');
    }
  }
  await next();
});

const TEMPLATE_REFUSALS: Record<TemplateAction, string> = {
  version: 'Uut versiooni saab esitada ainult malli esitaja või administraator.',
  review: 'Oma esitatud versiooni üle ei saa hääletada.',
  comment: 'Sul ei ole õigust seda malli kommenteerida.',
  close: 'Versiooni saab tagasilükatuna sulgeda ainult administraator.',
};

/** 404 for no such template, 403 when the rules refuse the action. Also called inside the write's transaction. */
export function assertTemplateAction(db: Db, user: SessionUser, id: number, action: TemplateAction): void {
  const facts = templateFactsRow(db, id);
  if (!facts) throw notFound('Malli ei leitud.');
  if (canActOnTemplate(user, facts, action)) return;
  const notReviewer = action === 'review' && !hasPermission(user, 'templates.review');
  throw forbidden(notReviewer ? 'Hääletada saavad ainult töörühma liikmed.' : TEMPLATE_REFUSALS[action]);
}

/** Guards every write on an existing template (/templates/:id/…): before the body is read or a file stored. */
export const requireTemplateAccess = (action: TemplateAction) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const user = c.get('user');
    if (!user) throw unauthorized();
    const id = c.req.param('id') ?? '';
    if (!/^[1-9]\d{0,15}$/.test(id)) throw notFound('Malli ei leitud.');
    assertTemplateAction(c.get('db'), user, Number(id), action);
    await next();
  });
