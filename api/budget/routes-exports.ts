// XLSX/CSV downloads. File names carry the plan id, version and period so saved files stay apart.
import { createRoute, z } from '@hono/zod-openapi';
import { requirePermission } from '../auth/access.ts';
import { BinaryFile } from '../contracts/common.ts';
import { createRouter, errorResponse } from '../lib/openapi.ts';
import { declarationCsv, declarationRows, declarationWorkbook } from './export-declaration.ts';
import { planWorkbook } from './export-plan.ts';
import { IdParam, parseRange, planOr404 } from './http.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const denied = { 401: errorResponse('Not signed in'), 403: errorResponse('Not admin or analyst'), 404: errorResponse('No such plan') };

const planXlsx = createRoute({
  method: 'get',
  path: '/budget/plans/{id}/export.xlsx',
  tags: ['budget'],
  summary: 'The plan table in the action plan layout',
  middleware: [requirePermission('budget.read')] as const,
  request: { params: IdParam },
  responses: { 200: { description: 'XLSX', content: { [XLSX]: { schema: BinaryFile } } }, ...denied },
});

const declarationRoute = (format: 'xlsx' | 'csv') => createRoute({
  method: 'get',
  path: `/budget/plans/{id}/cost-declaration.${format}`,
  tags: ['budget'],
  summary: 'Actual costs of SF initiatives for a date range (grant payment claim)',
  middleware: [requirePermission('budget.read')] as const,
  request: {
    params: IdParam,
    query: z.object({ from: z.string().optional().openapi({ example: '2024-01-01' }), to: z.string().optional().openapi({ example: '2024-06-30' }) }),
  },
  responses: {
    200: { description: format === 'csv' ? 'CSV: UTF-8 with BOM, `;`, decimal comma' : 'XLSX', content: { [format === 'csv' ? 'text/csv' : XLSX]: { schema: BinaryFile } } },
    400: errorResponse('Bad dates'), ...denied },
});

const disposition = (name: string) => `attachment; filename="${name}"`;

export function budgetExportRoutes() {
  const r = createRouter();
  r.openapi(planXlsx, async (c) => {
    const plan = planOr404(c.get('db'), c.req.valid('param').id);
    const body = await planWorkbook(plan);
    return c.body(new Uint8Array(body), 200, { 'content-type': XLSX, 'content-disposition': disposition(`eelarve-${plan.id}-v${plan.version}.xlsx`) });
  });
  for (const format of ['xlsx', 'csv'] as const) r.openapi(declarationRoute(format), async (c) => {
    const { id } = c.req.valid('param');
    const q = c.req.valid('query');
    const range = parseRange(q.from, q.to);
    const plan = planOr404(c.get('db'), id);
    const rows = declarationRows(c.get('db'), plan, range);
    const name = `kulude-deklaratsioon-${plan.id}-${range.from ?? 'algus'}-${range.to ?? 'lopp'}.${format}`;
    if (format === 'csv') return c.body(declarationCsv(rows), 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': disposition(name) });
    const body = await declarationWorkbook(plan, rows, range);
    return c.body(new Uint8Array(body), 200, { 'content-type': XLSX, 'content-disposition': disposition(name) });
  });
  return r;
}
