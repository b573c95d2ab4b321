// Download routes: the municipality's plan (XLSX/CSV/JSON) and progress report (XLSX) under
// /kovs/{ehak} (tenant-guarded by kovScopeGuard), the ELVL overview (reports.read) and the public
// open-data aggregate (no sign-in). Mounted with one line in api/routes.ts.
import { createRoute, z } from '@hono/zod-openapi';
import { requirePermission } from '../auth/access.ts';
import { notFound } from '../lib/errors.ts';
import { createRouter, errorResponse } from '../lib/openapi.ts';
import { attachment, CONTENT_TYPES, sheet, toCsv, toXlsx } from '../lib/tabular.ts';
import { BinaryFile } from '../contracts/common.ts';
import { OpenDataSchema, PlanSchema } from '../contracts/exports.ts';
import { KovParams, objectOf, ObjectQuery } from '../tracker/params.ts';
import { kovOf } from '../tracker/reference.ts';
import { tallinnToday } from '../lib/today.ts';
import { slug } from './format.ts';
import { cachedOpenData, OPEN_DATA_COLUMNS, openDataCsvRows } from './open-data.ts';
import { overviewWorkbook } from './overview-report.ts';
import type { PlanRow } from '../contracts/exports.ts';
import { buildPlan, planColumns } from './plan.ts';
import { progressSheets } from './progress-report.ts';

type Format = 'xlsx' | 'csv' | 'json';

/** A download's body: JSON described by its contract, XLSX and CSV as binary strings. */
const file = (format: Format, description: string, json?: z.ZodType) => ({
  description,
  content: { [CONTENT_TYPES[format].split(';')[0]!]: { schema: json ?? BinaryFile } },
});

const kovErrors = { 401: errorResponse('Signed out'), 404: errorResponse('Unknown municipality or no access to it') };

const planRoute = (format: Format) =>
  createRoute({
    method: 'get',
    path: `/kovs/{ehak}/exports/plan.${format}`,
    tags: ['exports'],
    summary: `Implementation plan (${format.toUpperCase()}): every object × measure in scope, or one object's (?object=), with status, owner, due date and texts`,
    request: { params: KovParams, query: ObjectQuery },
    responses: {
      200: file(format, format === 'csv' ? 'CSV: UTF-8 with BOM, `;` separator, decimal comma, dates dd.mm.yyyy' : format === 'xlsx' ? 'XLSX workbook' : 'JSON {kov, edition, approach, generatedOn, measures}', format === 'json' ? PlanSchema : undefined),
      400: errorResponse('Invalid object id'),
      ...kovErrors,
    },
  });

const progressRoute = createRoute({
  method: 'get',
  path: '/kovs/{ehak}/exports/progress.xlsx',
  tags: ['exports'],
  summary: 'Progress report: summary, classes, module groups, modules, next steps, trend',
  request: { params: KovParams },
  responses: { 200: file('xlsx', 'XLSX workbook'), ...kovErrors },
});

const overviewRoute = createRoute({
  method: 'get',
  path: '/reports/overview.xlsx',
  tags: ['exports'],
  summary: 'ELVL overview: municipalities, module-group heat table, medians (one sheet each)',
  middleware: [requirePermission('reports.read')] as const,
  responses: { 200: file('xlsx', 'XLSX workbook'), 401: errorResponse('Signed out'), 403: errorResponse('No permission') },
});

const openDataRoute = (format: 'csv' | 'json') =>
  createRoute({
    method: 'get',
    path: `/open-data/progress.${format}`,
    tags: ['exports'],
    summary: 'Public open data (no sign-in): per municipality counts and implemented shares only; no free text, no personal data',
    responses: { 200: file(format, format === 'csv' ? 'CSV: UTF-8 with BOM, `;`, decimal comma' : 'JSON {generatedOn, municipalities}', format === 'json' ? OpenDataSchema : undefined) },
  });

const PRIVATE = { 'Cache-Control': 'private, no-store' };

function download(body: string | Buffer, format: Format, fileName: string, extra: Record<string, string> = PRIVATE) {
  return [typeof body === 'string' ? body : new Uint8Array(body), 200, { 'Content-Type': CONTENT_TYPES[format], 'Content-Disposition': attachment(fileName), ...extra }] as const;
}

export function exportRoutes() {
  const r = createRouter();
  for (const format of ['xlsx', 'csv', 'json'] as const) {
    r.openapi(planRoute(format), async (c) => {
      const db = c.get('db');
      const today = tallinnToday();
      const plan = buildPlan(db, c.req.valid('param').ehak, today, objectOf(c.req.valid('query')));
      const name = `tegevuskava-${slug(plan.kov.name)}${plan.object ? `-${slug(plan.object.name)}` : ''}-${today}.${format}`;
      if (format === 'json') return c.body(...download(JSON.stringify(plan), 'json', name));
      if (format === 'csv') return c.body(...download(toCsv(planColumns('csv'), plan.measures), 'csv', name));
      const xlsx = await toXlsx([sheet<PlanRow>({ name: 'Tegevuskava', columns: planColumns('xlsx'), rows: plan.measures })], { title: `Tegevuskava: ${plan.kov.name}${plan.object ? ` – ${plan.object.name}` : ''}` });
      return c.body(...download(xlsx, 'xlsx', name));
    });
  }
  r.openapi(progressRoute, async (c) => {
    const db = c.get('db');
    const { ehak } = c.req.valid('param');
    const today = tallinnToday();
    const sheets = progressSheets(db, ehak, today);
    if (!sheets) throw notFound('Omavalitsust ei leitud.');
    const { name } = kovOf(db, ehak)!;
    const xlsx = await toXlsx(sheets, { title: `Edenemise aruanne: ${name}` });
    return c.body(...download(xlsx, 'xlsx', `edenemine-${slug(name)}-${today}.xlsx`));
  });
  r.openapi(overviewRoute, async (c) => {
    const xlsx = await overviewWorkbook(c.get('db'));
    return c.body(...download(xlsx, 'xlsx', `omavalitsuste-ulevaade-${tallinnToday()}.xlsx`));
  });
  // Public: anyone may fetch and reuse it (CORS open, short cache; no cookies are read for it).
  const PUBLIC = { 'Cache-Control': 'public, max-age=300', 'Access-Control-Allow-Origin': '*' };
  r.openapi(openDataRoute('json'), (c) => {
    const data = cachedOpenData(c.get('db'), tallinnToday());
    return c.body(JSON.stringify(data), 200, { 'Content-Type': CONTENT_TYPES.json, ...PUBLIC });
  });
  r.openapi(openDataRoute('csv'), (c) => {
    const today = tallinnToday();
    const data = cachedOpenData(c.get('db'), today);
    return c.body(...download(toCsv(OPEN_DATA_COLUMNS, openDataCsvRows(data)), 'csv', `kov-infoturbe-edenemine-${today}.csv`, PUBLIC));
  });
  return r;
}
