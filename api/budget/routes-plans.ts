// Plans: import, list, report, revisions and comparison.
import { createRoute, z } from '@hono/zod-openapi';
import type { ZodType } from 'zod';
import { requirePermission } from '../auth/access.ts';
import { PlanComparisonSchema, PlanCreatedSchema, PlanLinesSchema, PlanListSchema, PlanReportSchema } from '../contracts/budget.ts';
import { badRequest } from '../lib/errors.ts';
import { createRouter, errorResponse } from '../lib/openapi.ts';
import { analysePlan } from './analyse.ts';
import { comparePlans } from './compare.ts';
import { PlanInvalidError } from './compute.ts';
import { centsToEuros } from './money.ts';
import { IdParam, invalidPlan, planBodyHook, planOr404 } from './http.ts';
import { buildReport } from './report.ts';
import { PlanSchema } from './schema.ts';
import { insertPlan, listPlans, loadPlan } from './store.ts';

const json = (schema: ZodType, description: string) => ({ description, content: { 'application/json': { schema } } });
const denied = { 401: errorResponse('Not signed in'), 403: errorResponse('Not admin or analyst') };

const create = createRoute({
  method: 'post',
  path: '/budget/plans',
  tags: ['budget'],
  summary: 'Import a plan (new plan family, version 1)',
  middleware: [requirePermission('budget.plan.write')] as const,
  request: { body: { content: { 'application/json': { schema: PlanSchema } }, required: true } },
  responses: { 201: json(PlanCreatedSchema, 'Stored; declared totals that differ from the computed ones'), 400: errorResponse('Invalid plan, naming the line'), ...denied },
});

const revise = createRoute({
  method: 'post',
  path: '/budget/plans/{id}/revisions',
  tags: ['budget'],
  summary: 'Store a revised plan as the next version of the same plan',
  middleware: [requirePermission('budget.plan.write')] as const,
  request: { params: IdParam, body: { content: { 'application/json': { schema: PlanSchema } }, required: true } },
  responses: { 201: json(PlanCreatedSchema, 'New version'), 400: errorResponse('Invalid plan'), 404: errorResponse('No such plan'), ...denied },
});

const list = createRoute({
  method: 'get',
  path: '/budget/plans',
  tags: ['budget'],
  summary: 'Plans with their versions, newest first',
  middleware: [requirePermission('budget.read')] as const,
  responses: { 200: json(PlanListSchema, 'Plans'), ...denied },
});

const report = createRoute({
  method: 'get',
  path: '/budget/plans/{id}/report',
  tags: ['budget'],
  summary: 'Computed totals by period (year), account, source and initiative, with inconsistencies',
  middleware: [requirePermission('budget.read')] as const,
  request: { params: IdParam },
  responses: { 200: json(PlanReportSchema, 'Report, euros as numbers with at most 2 decimals'), 404: errorResponse('No such plan'), ...denied },
});

const document = createRoute({
  method: 'get',
  path: '/budget/plans/{id}/document',
  tags: ['budget'],
  summary: 'The stored plan document (to edit and submit as a revision)',
  middleware: [requirePermission('budget.read')] as const,
  request: { params: IdParam },
  responses: { 200: json(PlanSchema, 'Plan document'), 404: errorResponse('No such plan'), ...denied },
});

const lines = createRoute({
  method: 'get',
  path: '/budget/plans/{id}/lines',
  tags: ['budget'],
  summary: 'Every plan line with its VAT rate, VAT and gross (euros)',
  middleware: [requirePermission('budget.read')] as const,
  request: { params: IdParam },
  responses: { 200: json(PlanLinesSchema, 'Lines'), 404: errorResponse('No such plan'), ...denied },
});

const compare = createRoute({
  method: 'get',
  path: '/budget/plans/{id}/compare/{otherId}',
  tags: ['budget'],
  summary: 'Line-by-line comparison of two versions (half-yearly review)',
  middleware: [requirePermission('budget.read')] as const,
  request: { params: IdParam.extend({ otherId: z.string().regex(/^\d{1,12}$/) }) },
  responses: { 200: json(PlanComparisonSchema, 'Added, removed and changed lines'), 404: errorResponse('No such plan'), ...denied },
});

function analyseOr400(body: unknown) {
  try {
    return analysePlan(body);
  } catch (err) {
    if (err instanceof PlanInvalidError) throw invalidPlan(err);
    throw err;
  }
}

export function budgetPlanRoutes() {
  const r = createRouter();
  r.openapi(
    create,
    (c) => {
      const a = analyseOr400(c.req.valid('json'));
      const { id, version } = insertPlan(c.get('db'), a, c.get('user')!.id);
      return c.json({ id, version, inconsistencies: a.inconsistencies }, 201);
    },
    (result) => planBodyHook(result as { success: boolean; data?: unknown }),
  );
  r.openapi(
    revise,
    (c) => {
      const base = planOr404(c.get('db'), c.req.valid('param').id);
      const a = analyseOr400(c.req.valid('json'));
      const { id, version } = insertPlan(c.get('db'), a, c.get('user')!.id, base.familyId);
      return c.json({ id, version, inconsistencies: a.inconsistencies }, 201);
    },
    (result) => planBodyHook(result as { success: boolean; data?: unknown }),
  );
  r.openapi(list, (c) => c.json(listPlans(c.get('db')), 200));
  r.openapi(report, (c) => {
    const p = planOr404(c.get('db'), c.req.valid('param').id);
    return c.json(buildReport(p.id, p.computed, p.inconsistencies), 200);
  });
  r.openapi(document, (c) => c.json(planOr404(c.get('db'), c.req.valid('param').id).plan, 200));
  r.openapi(lines, (c) =>
    c.json(
      planOr404(c.get('db'), c.req.valid('param').id).computed.lines.map((l) => ({
        initiative: l.initiative,
        period: l.period.key,
        year: String(l.period.year),
        account: l.account,
        vatable: l.vatable,
        vatPercent: l.rateBasisPoints / 100,
        net: centsToEuros(l.net),
        vat: centsToEuros(l.vat),
        gross: centsToEuros(l.gross),
      })),
      200,
    ),
  );
  r.openapi(compare, (c) => {
    const { id, otherId } = c.req.valid('param');
    const a = loadPlan(c.get('db'), Number(id));
    const b = loadPlan(c.get('db'), Number(otherId));
    if (a.familyId !== b.familyId) throw badRequest('Võrrelda saab ainult sama plaani versioone.');
    return c.json(comparePlans(a, b), 200);
  });
  return r;
}
