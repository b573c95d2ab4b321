// /api/reporting-periods (ELVL: open, list, one period with the 79 municipalities; the reports and the
// comparison are in report-routes.ts) and /api/kovs/{ehak}/reporting-period(s)… (the municipality's view and its
// transitions). Who may do a transition is kovScopeGuard's (canActOnPeriod in auth/rules.ts).
import { createRoute, z } from '@hono/zod-openapi';
import { canActOnPeriod, requirePermission } from '../auth/access.ts';
import { clientIp } from '../auth/client.ts';
import { checkPassword, ThrottledError, throttledResponse } from '../auth/password-check.ts';
import { accountKey } from '../auth/throttle.ts';
import {
  ConclusionBodySchema,
  ConfirmBodySchema,
  CreatedSchema,
  CreatePeriodBodySchema,
  KovPeriodSchema,
  TaraConfirmStartSchema,
  type KovPeriod,
  PeriodKovSchema,
  PeriodSchema,
  PeriodSummarySchema,
  ReopenBodySchema,
} from '../contracts/periods.ts';
import { ApiError, notFound } from '../lib/errors.ts';
import { createRouter, errorResponse, ErrorSchema } from '../lib/openapi.ts';
import { isKovHead, passwordHashOf } from '../users/store.ts';
import { recordAudit } from '../audit/record.ts';
import type { SessionUser } from '../auth/session-user.ts';
import type { Db } from '../db/database.ts';
import type { AppEnv } from '../lib/context.ts';
import type { Context } from 'hono';
import { startTaraConfirm } from './tara-confirm.ts';
import { getPeriod, kovPeriod, kovPeriodById, listPeriods, openPeriod, transition } from './periods.ts';

const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const body = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });

const idParam = z.string().regex(/^[1-9]\d{0,9}$/).openapi({ param: { name: 'id', in: 'path' }, example: '1' });
const PeriodParams = z.object({ id: idParam });
const KovPeriodParams = z.object({ ehak: z.string().openapi({ param: { name: 'ehak', in: 'path' }, example: '0141' }), id: idParam });
const KovParams = z.object({ ehak: z.string().openapi({ param: { name: 'ehak', in: 'path' }, example: '0141' }) });

const readErrors = { 401: errorResponse('Signed out'), 403: errorResponse('No permission'), 404: errorResponse('Unknown period') };
const actionErrors = {
  400: errorResponse('Invalid body'),
  401: errorResponse('Signed out'),
  403: errorResponse('Not allowed for this role or municipality'),
  404: errorResponse('Unknown municipality or period'),
  409: errorResponse('The state does not allow this transition, or the period is closed'),
};

const createPeriodRoute = createRoute({
  method: 'post',
  path: '/reporting-periods',
  tags: ['reporting-periods'],
  summary: 'Open a reporting period with a deadline',
  middleware: [requirePermission('periods.manage')] as const,
  request: body(CreatePeriodBodySchema),
  responses: { 201: json(CreatedSchema, 'Opened'), 400: errorResponse('Invalid body'), 403: errorResponse('No permission'), 409: errorResponse('Name taken') },
});

const listRoute = createRoute({
  method: 'get',
  path: '/reporting-periods',
  tags: ['reporting-periods'],
  summary: 'Reporting periods, newest first, with counts per state',
  middleware: [requirePermission('reports.read')] as const,
  responses: { 200: json(z.array(PeriodSummarySchema), 'Periods'), 401: errorResponse('Signed out'), 403: errorResponse('No permission') },
});

const getRoute = createRoute({
  method: 'get',
  path: '/reporting-periods/{id}',
  tags: ['reporting-periods'],
  summary: 'One period with every municipality: state, lateness, frozen figures',
  middleware: [requirePermission('reports.read')] as const,
  request: { params: PeriodParams },
  responses: { 200: json(PeriodSchema, 'Period'), ...readErrors },
});

const kovPeriodRoute = createRoute({
  method: 'get',
  path: '/kovs/{ehak}/reporting-period',
  tags: ['reporting-periods'],
  summary: "The newest open period as the municipality sees it: its state, history and the caller's allowed actions",
  request: { params: KovParams },
  responses: { 200: json(KovPeriodSchema, 'The municipality in the open period'), 404: errorResponse('Unknown municipality') },
});

const kovPeriodByIdRoute = createRoute({
  method: 'get',
  path: '/kovs/{ehak}/reporting-periods/{id}',
  tags: ['reporting-periods'],
  summary: 'One period, open or closed, as the municipality sees it (its council page): its state, dates, frozen figures and history',
  request: { params: KovPeriodParams },
  responses: { 200: json(KovPeriodSchema, 'The municipality in the period'), 404: errorResponse('Unknown municipality or period') },
});

const actionPath = (action: string) => `/kovs/{ehak}/reporting-periods/{id}/${action}` as const;
const entry = json(PeriodKovSchema, "The municipality's new entry");

const submitRoute = createRoute({
  method: 'post',
  path: actionPath('submit'),
  tags: ['reporting-periods'],
  summary: "Submit the municipality's figures (its specialist): they are frozen as they are now",
  request: { params: KovPeriodParams },
  responses: { 200: entry, ...actionErrors },
});

const confirmRoute = createRoute({
  method: 'post',
  path: actionPath('confirm'),
  tags: ['reporting-periods'],
  summary: "Confirm the submission (the municipality's head), with the password re-entered; 409 tara_required when TARA is configured (then confirm/tara)",
  request: { params: KovPeriodParams, ...body(ConfirmBodySchema) },
  responses: {
    200: entry,
    ...actionErrors,
    429: { ...json(ErrorSchema, 'Too many wrong passwords (the sign-in throttle)'), headers: z.object({ 'Retry-After': z.string() }) },
  },
});

const confirmTaraRoute = createRoute({
  method: 'post',
  path: actionPath('confirm/tara'),
  tags: ['reporting-periods'],
  summary: "Begin the head's confirmation by a fresh TARA login (TARA configured); TARA's callback confirms when the same linked person signed in",
  request: { params: KovPeriodParams },
  responses: {
    200: json(TaraConfirmStartSchema, "Go to TARA's URL"),
    ...actionErrors,
    404: errorResponse('Unknown municipality or period, or TARA not configured'),
    409: errorResponse('The state does not allow confirming, the period is closed, or the account has no TARA link (tara_not_linked)'),
    502: errorResponse('TARA unreachable'),
  },
});

const conclusionRoute = createRoute({
  method: 'post',
  path: actionPath('conclusion'),
  tags: ['reporting-periods'],
  summary: "Record the auditor's conclusion on the confirmed submission (the municipality's auditor; the auditor's only write)",
  request: { params: KovPeriodParams, ...body(ConclusionBodySchema) },
  responses: { 200: entry, ...actionErrors },
});

const reopenRoute = createRoute({
  method: 'post',
  path: actionPath('reopen'),
  tags: ['reporting-periods'],
  summary: 'Reopen a submission (ELVL): back to in progress, with a reason kept in the history',
  request: { params: KovPeriodParams, ...body(ReopenBodySchema) },
  responses: { 200: entry, ...actionErrors },
});

/** A fresh TARA login confirms when TARA is configured; the password otherwise. */
const confirmWith = (c: Context<AppEnv>): KovPeriod['confirmWith'] => (c.get('config').tara ? 'tara' : 'password');

/** What the caller may do in the municipality's period (the one rule, canActOnPeriod). */
function allowed(db: Db, user: SessionUser, ehak: string): KovPeriod['can'] {
  const u = { ...user, head: isKovHead(db, user.id) };
  return {
    submit: canActOnPeriod(u, ehak, 'submit'),
    confirm: canActOnPeriod(u, ehak, 'confirm'),
    conclude: canActOnPeriod(u, ehak, 'conclude'),
    reopen: canActOnPeriod(u, ehak, 'reopen'),
  };
}

export function periodRoutes() {
  return createRouter()
    .openapi(createPeriodRoute, (c) => {
      const id = openPeriod(c.get('db'), c.req.valid('json'), { id: c.get('user')!.id, ip: clientIp(c) });
      return c.json({ id }, 201);
    })
    .openapi(listRoute, (c) => c.json(listPeriods(c.get('db')), 200))
    .openapi(getRoute, (c) => {
      const p = getPeriod(c.get('db'), Number(c.req.valid('param').id));
      if (!p) throw notFound('Sellist aruandeperioodi ei ole.');
      return c.json(p, 200);
    })
    .openapi(kovPeriodRoute, (c) => {
      const { ehak } = c.req.valid('param');
      return c.json({ ...kovPeriod(c.get('db'), ehak, allowed(c.get('db'), c.get('user')!, ehak)), confirmWith: confirmWith(c) }, 200);
    })
    .openapi(kovPeriodByIdRoute, (c) => {
      const db = c.get('db');
      const { ehak, id } = c.req.valid('param');
      const view = kovPeriodById(db, Number(id), ehak, allowed(db, c.get('user')!, ehak));
      if (!view) throw notFound('Sellist aruandeperioodi ei ole.');
      return c.json({ ...view, confirmWith: confirmWith(c) }, 200);
    })
    .openapi(submitRoute, (c) => {
      const { ehak, id } = c.req.valid('param');
      return c.json(transition(c.get('db'), Number(id), ehak, { action: 'submit' }, { id: c.get('user')!.id, ip: clientIp(c) }), 200);
    })
    .openapi(confirmRoute, async (c) => {
      const db = c.get('db');
      const user = c.get('user')!;
      const { ehak, id } = c.req.valid('param');
      if (c.get('config').tara) throw new ApiError(409, 'tara_required', 'Kui TARA on seadistatud, kinnitab omavalitsuse juht aruande TARA kaudu uuesti sisse logides.');
      // Re-entry of the password through the one check, so the sign-in throttle applies to it.
      let ok: boolean;
      try {
        ok = await checkPassword(db, [accountKey(user.email)], passwordHashOf(db, user.id), c.req.valid('json').password);
      } catch (err) {
        if (err instanceof ThrottledError) return throttledResponse(c, err);
        throw err;
      }
      if (!ok) {
        recordAudit(db, { actorId: user.id, action: 'reporting_period.confirm_failure', entity: 'reporting_period', entityId: id, kov: ehak, ip: clientIp(c) });
        throw new ApiError(400, 'wrong_password', 'Parool ei ole õige; aruannet ei kinnitatud.');
      }
      return c.json(transition(db, Number(id), ehak, { action: 'confirm' }, { id: user.id, ip: clientIp(c) }), 200);
    })
    .openapi(confirmTaraRoute, async (c) => {
      const tara = c.get('config').tara;
      if (!tara) throw notFound('TARA sisselogimine ei ole seadistatud.');
      const { ehak, id } = c.req.valid('param');
      return c.json({ url: await startTaraConfirm(c, tara, Number(id), ehak) }, 200);
    })
    .openapi(conclusionRoute, (c) => {
      const { ehak, id } = c.req.valid('param');
      const b = c.req.valid('json');
      return c.json(transition(c.get('db'), Number(id), ehak, { action: 'conclude', conclusion: b.conclusion, remarks: b.remarks || null }, { id: c.get('user')!.id, ip: clientIp(c) }), 200);
    })
    .openapi(reopenRoute, (c) => {
      const { ehak, id } = c.req.valid('param');
      return c.json(transition(c.get('db'), Number(id), ehak, { action: 'reopen', reason: c.req.valid('json').reason }, { id: c.get('user')!.id, ip: clientIp(c) }), 200);
    });
}
