// /api/reports/* (ELVL overview, snapshots) and /api/kovs/{ehak}/benchmark.
import { createRoute, z } from '@hono/zod-openapi';
import { requirePermission } from '../auth/access.ts';
import { notFound } from '../lib/errors.ts';
import { createRouter, errorResponse } from '../lib/openapi.ts';
import { BenchmarkSchema, OverviewSchema, PeriodBodySchema, SnapshotSchema, SnapshotSummarySchema } from '../contracts/reports.ts';
import { KovParams } from '../tracker/params.ts';
import { getBenchmark } from './benchmark.ts';
import { getOverview } from './overview.ts';
import { createSnapshot, getSnapshot, listSnapshots } from './snapshots.ts';

const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });

const overviewRoute = createRoute({
  method: 'get',
  path: '/reports/overview',
  tags: ['reports'],
  summary: 'Every municipality: implemented share by class and module group, last activity; the median',
  middleware: [requirePermission('reports.read')] as const,
  responses: { 200: json(OverviewSchema, 'Overview'), 401: errorResponse('Signed out'), 403: errorResponse('No permission') },
});

const benchmarkRoute = createRoute({
  method: 'get',
  path: '/kovs/{ehak}/benchmark',
  tags: ['reports'],
  summary: 'The municipality against anonymised quartiles of its peer group (same type: linn/vald)',
  request: { params: KovParams },
  responses: { 200: json(BenchmarkSchema, 'Benchmark'), 404: errorResponse('Unknown') },
});

const createSnapshotRoute = createRoute({
  method: 'post',
  path: '/reports/snapshots',
  tags: ['reports'],
  summary: "Freeze every municipality's progress for a reporting period",
  middleware: [requirePermission('reports.snapshot')] as const,
  request: { body: { content: { 'application/json': { schema: PeriodBodySchema } }, required: true } },
  responses: { 201: json(SnapshotSummarySchema, 'Snapshot summary'), 400: errorResponse('Bad period'), 409: errorResponse('Period exists') },
});

const listSnapshotsRoute = createRoute({
  method: 'get',
  path: '/reports/snapshots',
  tags: ['reports'],
  summary: 'Snapshots with their median implemented share',
  middleware: [requirePermission('reports.read')] as const,
  responses: { 200: json(z.array(SnapshotSummarySchema), 'Snapshots'), 403: errorResponse('No permission') },
});

const getSnapshotRoute = createRoute({
  method: 'get',
  path: '/reports/snapshots/{period}',
  tags: ['reports'],
  summary: 'One snapshot with every municipality',
  middleware: [requirePermission('reports.read')] as const,
  request: { params: z.object({ period: z.string().openapi({ param: { name: 'period', in: 'path' }, example: '2026-H1' }) }) },
  responses: { 200: json(SnapshotSchema, 'Snapshot'), 404: errorResponse('Unknown period') },
});

export function reportRoutes() {
  return createRouter()
    .openapi(overviewRoute, (c) => c.json(getOverview(c.get('db')), 200))
    .openapi(benchmarkRoute, (c) => {
      const b = getBenchmark(c.get('db'), c.req.valid('param').ehak);
      if (!b) throw notFound('Omavalitsust ei leitud.');
      return c.json(b, 200);
    })
    .openapi(createSnapshotRoute, (c) => {
      const s = createSnapshot(c.get('db'), { period: c.req.valid('json').period, actorId: c.get('user')!.id });
      return c.json(s, 201);
    })
    .openapi(listSnapshotsRoute, (c) => c.json(listSnapshots(c.get('db')), 200))
    .openapi(getSnapshotRoute, (c) => {
      const s = getSnapshot(c.get('db'), c.req.valid('param').period);
      if (!s) throw notFound('Sellise perioodi hetkeseisu ei ole.');
      return c.json(s, 200);
    });
}
