// /api/kovs/{ehak}/modelling-report (JSON) and …/exports/modelling.xlsx: the auditor's view of the
// municipality's modelling. Tenant-guarded by kovScopeGuard (api/routes.ts); anyone who may read it.
import { createRoute } from '@hono/zod-openapi';
import { BinaryFile } from '../contracts/common.ts';
import { ModellingReportSchema } from '../contracts/modelling.ts';
import { slug } from '../exports/format.ts';
import { notFound } from '../lib/errors.ts';
import { createRouter, errorResponse } from '../lib/openapi.ts';
import { attachment, CONTENT_TYPES, toXlsx } from '../lib/tabular.ts';
import { tallinnToday } from '../lib/today.ts';
import { KovParams } from '../tracker/params.ts';
import { modellingReport } from './modelling.ts';
import { modellingSheets } from './modelling-xlsx.ts';

const errors = { 401: errorResponse('Signed out'), 404: errorResponse('Unknown municipality or no access to it') };

const reportRoute = createRoute({
  method: 'get',
  path: '/kovs/{ehak}/modelling-report',
  tags: ['objects'],
  summary: "The auditor's view: objects with needs and their origin, modules × objects with suggestions, gaps, risk analyses",
  request: { params: KovParams },
  responses: { 200: { description: 'Modelling report', content: { 'application/json': { schema: ModellingReportSchema } } }, ...errors },
});
const xlsxRoute = createRoute({
  method: 'get',
  path: '/kovs/{ehak}/exports/modelling.xlsx',
  tags: ['exports'],
  summary: 'The modelling report (XLSX): Objektid, Moodulid ja objektid, Lüngad, Riskianalüüs',
  request: { params: KovParams },
  responses: { 200: { description: 'XLSX workbook', content: { [CONTENT_TYPES.xlsx]: { schema: BinaryFile } } }, ...errors },
});

export function modellingRoutes() {
  return createRouter()
    .openapi(reportRoute, (c) => {
      const report = modellingReport(c.get('db'), c.req.valid('param').ehak, tallinnToday());
      if (!report) throw notFound('Omavalitsust ei leitud.');
      return c.json(report, 200);
    })
    .openapi(xlsxRoute, async (c) => {
      const report = modellingReport(c.get('db'), c.req.valid('param').ehak, tallinnToday());
      if (!report) throw notFound('Omavalitsust ei leitud.');
      const xlsx = await toXlsx(modellingSheets(report), { title: `Modelleerimisaruanne: ${report.kov.name}` });
      return c.body(new Uint8Array(xlsx), 200, {
        'Content-Type': CONTENT_TYPES.xlsx,
        'Content-Disposition': attachment(`modelleerimine-${slug(report.kov.name)}-${report.generatedOn}.xlsx`),
        'Cache-Control': 'private, no-store',
      });
    });
}
