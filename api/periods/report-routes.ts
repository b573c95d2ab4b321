// /api/reporting-periods/{id}/… for ELVL (reports.read): the ministry's period report as XLSX, CSV and
// JSON (the same one row per municipality), and the comparison with another period or with now.
import { createRoute, z } from '@hono/zod-openapi';
import { requirePermission } from '../auth/access.ts';
import { BinaryFile } from '../contracts/common.ts';
import { PeriodCompareSchema, PeriodReportSchema, type PeriodReport } from '../contracts/periods.ts';
import { slug } from '../exports/format.ts';
import { notFound } from '../lib/errors.ts';
import { createRouter, errorResponse } from '../lib/openapi.ts';
import { attachment, CONTENT_TYPES, toCsv, toXlsx } from '../lib/tabular.ts';
import { tallinnToday } from '../lib/today.ts';
import type { Db } from '../db/database.ts';
import { comparePeriod } from './compare.ts';
import { getPeriod } from './periods.ts';
import { periodReportColumns, periodReportSheet } from './report.ts';

type Format = 'xlsx' | 'csv' | 'json';
const idParam = z.string().regex(/^[1-9]\d{0,9}$/).openapi({ param: { name: 'id', in: 'path' }, example: '1' });
const PeriodParams = z.object({ id: idParam });
const CompareQuery = z.object({
  with: z
    .string()
    .regex(/^(now|[1-9]\d{0,9})$/, 'Võrdle perioodi id-ga või väärtusega „now”.')
    .openapi({ param: { name: 'with', in: 'query' }, description: "Another period's id, or `now` for today's figures", example: 'now' }),
});
const readErrors = { 401: errorResponse('Signed out'), 403: errorResponse('No permission'), 404: errorResponse('Unknown period') };

const DESCRIPTIONS: Record<Format, string> = {
  xlsx: 'XLSX workbook',
  csv: 'CSV: UTF-8 with BOM, `;`, decimal comma',
  json: 'JSON {generatedOn, period, kovs}: the same rows, numbers as numbers, dates ISO',
};

const reportRoute = (format: Format) =>
  createRoute({
    method: 'get',
    path: `/reporting-periods/{id}/report.${format}`,
    tags: ['reporting-periods'],
    summary: `The period report for the ministry (${format.toUpperCase()}): one row per municipality`,
    middleware: [requirePermission('reports.read')] as const,
    request: { params: PeriodParams },
    responses: {
      200: { description: DESCRIPTIONS[format], content: { [CONTENT_TYPES[format].split(';')[0]!]: { schema: format === 'json' ? PeriodReportSchema : BinaryFile } } },
      ...readErrors,
    },
  });

const compareRoute = createRoute({
  method: 'get',
  path: '/reporting-periods/{id}/compare',
  tags: ['reporting-periods'],
  summary: "A period's frozen figures per municipality beside another period's (or today's), with the difference",
  middleware: [requirePermission('reports.read')] as const,
  request: { params: PeriodParams, query: CompareQuery },
  responses: { 200: { description: 'The comparison', content: { 'application/json': { schema: PeriodCompareSchema } } }, 400: errorResponse('Invalid `with`'), ...readErrors },
});

const PRIVATE = { 'Cache-Control': 'private, no-store' };

function periodOr404(db: Db, id: string) {
  const p = getPeriod(db, Number(id));
  if (!p) throw notFound('Sellist aruandeperioodi ei ole.');
  return p;
}

const fileName = (name: string, format: Format) => `aruandeperiood-${slug(name)}-${tallinnToday()}.${format}`;
const headers = (name: string, format: Format) => ({ 'Content-Type': CONTENT_TYPES[format], 'Content-Disposition': attachment(fileName(name, format)), ...PRIVATE });

export function periodReportRoutes() {
  return createRouter()
    .openapi(reportRoute('xlsx'), async (c) => {
      const p = periodOr404(c.get('db'), c.req.valid('param').id);
      const xlsx = await toXlsx([periodReportSheet(p)], { title: `Aruandeperiood: ${p.name}` });
      return c.body(new Uint8Array(xlsx), 200, headers(p.name, 'xlsx'));
    })
    .openapi(reportRoute('csv'), (c) => {
      const p = periodOr404(c.get('db'), c.req.valid('param').id);
      return c.body(toCsv(periodReportColumns('csv'), p.kovs), 200, headers(p.name, 'csv'));
    })
    .openapi(reportRoute('json'), (c) => {
      const p = periodOr404(c.get('db'), c.req.valid('param').id);
      const report: PeriodReport = {
        generatedOn: tallinnToday(),
        period: { id: p.id, name: p.name, deadline: p.deadline, openedAt: p.openedAt, closedAt: p.closedAt },
        kovs: p.kovs,
      };
      return c.body(JSON.stringify(report), 200, headers(p.name, 'json'));
    })
    .openapi(compareRoute, (c) => {
      const db = c.get('db');
      const p = periodOr404(db, c.req.valid('param').id);
      const w = c.req.valid('query').with;
      return c.json(comparePeriod(db, p, w === 'now' ? { kind: 'now' } : { kind: 'period', period: periodOr404(db, w) }), 200);
    });
}
