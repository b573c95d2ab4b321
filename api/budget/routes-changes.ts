// Correcting and cancelling actual costs, their history, and the ministry report (JSON, XLSX, CSV).
import { createRoute, z } from '@hono/zod-openapi';
import type { ZodType } from 'zod';
import { requirePermission } from '../auth/access.ts';
import { clientIp } from '../auth/client.ts';
import { ActualChangedSchema } from '../contracts/budget.ts';
import { ActualHistorySchema } from '../contracts/budget-history.ts';
import { MinistryReportSchema } from '../contracts/budget-ministry.ts';
import { BinaryFile } from '../contracts/common.ts';
import { attachment, CONTENT_TYPES } from '../lib/tabular.ts';
import { createRouter, errorResponse } from '../lib/openapi.ts';
import { actualHistory, cancelActual, correctActual } from './actual-changes.ts';
import { ministryCsv, ministryWorkbook } from './export-ministry.ts';
import { IdParam, planOr404 } from './http.ts';
import { buildMinistryReport } from './ministry-report.ts';

const json = (schema: ZodType, description: string) => ({ description, content: { 'application/json': { schema } } });
const denied = { 401: errorResponse('Not signed in'), 403: errorResponse('Not admin or analyst'), 404: errorResponse('No such plan or cost') };
const ActualParams = IdParam.extend({ actualId: z.string().regex(/^\d{1,12}$/).openapi({ param: { name: 'actualId', in: 'path' }, example: '1' }) });
const Amount = z.union([z.number(), z.string().max(30)]).openapi({ description: 'eurodes, kuni 2 komakohta' });

export const ActualPatchBody = z
  .object({
    version: z.number().int().min(1).openapi({ description: 'the version the correction was made from' }),
    initiative: z.string().min(1).max(40).optional(),
    date: z.string().optional().openapi({ example: '2024-03-15' }),
    account: z.string().optional(),
    net: Amount.optional(),
    vat: Amount.optional(),
    supplier: z.string().max(200).optional(),
    documentNumber: z.string().max(100).optional(),
    description: z.string().max(1000).optional(),
  })
  .strict()
  .openapi('BudgetActualPatch');

const CancelBody = z.object({ version: z.number().int().min(1), reason: z.string().max(500) }).strict().openapi('BudgetActualCancel');

const conflict = errorResponse('Stale version (version_conflict, details.current) or a cancelled cost (actual_cancelled)');

const patchRoute = createRoute({
  method: 'patch',
  path: '/budget/plans/{id}/actuals/{actualId}',
  tags: ['budget'],
  summary: 'Correct an actual cost (omitted fields keep their values); answers the entry and VAT warnings',
  middleware: [requirePermission('budget.actuals.write')] as const,
  request: { params: ActualParams, body: { content: { 'application/json': { schema: ActualPatchBody } }, required: true } },
  responses: { 200: json(ActualChangedSchema, 'Corrected'), 400: errorResponse('Invalid entry'), 409: conflict, ...denied },
});

const cancelRoute = createRoute({
  method: 'post',
  path: '/budget/plans/{id}/actuals/{actualId}/cancel',
  tags: ['budget'],
  summary: 'Cancel an actual cost with a reason: it stays listed, marked cancelled, and leaves every sum',
  middleware: [requirePermission('budget.actuals.write')] as const,
  request: { params: ActualParams, body: { content: { 'application/json': { schema: CancelBody } }, required: true } },
  responses: { 200: json(ActualChangedSchema, 'Cancelled'), 400: errorResponse('No reason'), 409: conflict, ...denied },
});

const historyRoute = createRoute({
  method: 'get',
  path: '/budget/plans/{id}/actual-history',
  tags: ['budget'],
  summary: 'Every creation, correction and cancellation of the family’s costs, newest first (`actual` narrows it to one cost)',
  middleware: [requirePermission('budget.read')] as const,
  request: { params: IdParam, query: z.object({ actual: z.string().regex(/^\d{1,12}$/).optional() }) },
  responses: { 200: json(ActualHistorySchema, 'History'), ...denied },
});

const reportRoute = createRoute({
  method: 'get',
  path: '/budget/plans/{id}/ministry-report',
  tags: ['budget'],
  summary: 'Plan vs actual by funding source × EA account × year, with and without VAT, spent and remaining',
  middleware: [requirePermission('budget.read')] as const,
  request: { params: IdParam },
  responses: { 200: json(MinistryReportSchema, 'Report, euros'), ...denied },
});

const reportFile = (format: 'xlsx' | 'csv') => createRoute({
  method: 'get',
  path: `/budget/plans/{id}/ministry-report.${format}`,
  tags: ['budget'],
  summary: `The ministry report as ${format.toUpperCase()} (the same rows and totals as the JSON)`,
  middleware: [requirePermission('budget.read')] as const,
  request: { params: IdParam },
  responses: { 200: { description: format.toUpperCase(), content: { [format === 'csv' ? 'text/csv' : CONTENT_TYPES.xlsx]: { schema: BinaryFile } } }, ...denied },
});

/** "1 250,50" or 1250.5 → euros as a number; anything else NaN, which the entry check refuses by name. */
const euros = (v: number | string | undefined) =>
  v === undefined || typeof v === 'number' ? v : /^-?\d+([.,]\d+)?$/.test(v.replace(/[\s\u00a0]/g, '')) ? Number(v.replace(/[\s\u00a0]/g, '').replace(',', '.')) : NaN;

export function budgetChangeRoutes() {
  const r = createRouter();
  r.openapi(patchRoute, (c) => {
    const { id, actualId } = c.req.valid('param');
    const { net, vat, ...rest } = c.req.valid('json');
    const db = c.get('db');
    const patch = { ...rest, ...(net !== undefined ? { net: euros(net)! } : {}), ...(vat !== undefined ? { vat: euros(vat)! } : {}) };
    return c.json(correctActual(db, planOr404(db, id), Number(actualId), patch, { id: c.get('user')!.id, ip: clientIp(c) }), 200);
  });
  r.openapi(cancelRoute, (c) => {
    const { id, actualId } = c.req.valid('param');
    const db = c.get('db');
    return c.json(cancelActual(db, planOr404(db, id), Number(actualId), c.req.valid('json'), { id: c.get('user')!.id, ip: clientIp(c) }), 200);
  });
  r.openapi(historyRoute, (c) => {
    const db = c.get('db');
    const q = c.req.valid('query').actual;
    return c.json(actualHistory(db, planOr404(db, c.req.valid('param').id), q ? Number(q) : null), 200);
  });
  r.openapi(reportRoute, (c) => c.json(buildMinistryReport(c.get('db'), planOr404(c.get('db'), c.req.valid('param').id)), 200));
  for (const format of ['xlsx', 'csv'] as const) r.openapi(reportFile(format), async (c) => {
    const plan = planOr404(c.get('db'), c.req.valid('param').id);
    const report = buildMinistryReport(c.get('db'), plan);
    const name = `eelarve-aruanne-${plan.id}-v${plan.version}.${format}`;
    const body = format === 'csv' ? ministryCsv(report) : new Uint8Array(await ministryWorkbook(report));
    return c.body(body, 200, { 'content-type': CONTENT_TYPES[format], 'content-disposition': attachment(name) });
  });
  return r;
}
