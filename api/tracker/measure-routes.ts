// /api/kovs/{ehak}/measures…: list, read, update (optimistic), bulk update, history.
// The tenant check (read for GET, write for mutations) is kovScopeGuard's, mounted in api/routes.ts.
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Actor } from '../audit/record.ts';
import { clientIp } from '../auth/client.ts';
import { groupCommit } from '../db/group-commit.ts';
import type { AppEnv } from '../lib/context.ts';
import { notFound } from '../lib/errors.ts';
import { createRouter, errorResponse } from '../lib/openapi.ts';
import { getMeasureHistory, getMeasureRecord, listMeasures, measureInScope } from './records.ts';
import {
  BulkResultSchema,
  BulkUpdateSchema,
  HistoryEntrySchema,
  MeasureListItemSchema,
  MeasureQuerySchema,
  MeasureRecordSchema,
  StatusUpdateSchema,
} from '../contracts/tracker.ts';
import { KovMeasureParams, KovParams } from './params.ts';
import { bulkUpdateStatus, updateMeasureStatus } from './status-write.ts';

const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });

export function actorOf(c: Context<AppEnv>): Actor {
  // The socket's address, as every audit entry records it: a forwarded header is the client's to forge.
  return { id: c.get('user')?.id ?? null, ip: clientIp(c) };
}

const listRoute = createRoute({
  method: 'get',
  path: '/kovs/{ehak}/measures',
  tags: ['tracker'],
  summary: "The municipality's measures in scope with their status",
  request: { params: KovParams, query: MeasureQuerySchema },
  responses: { 200: json(z.array(MeasureListItemSchema), 'Measures'), 404: errorResponse('Unknown municipality') },
});

const getRoute = createRoute({
  method: 'get',
  path: '/kovs/{ehak}/measures/{measureId}',
  tags: ['tracker'],
  summary: 'One measure: status record, evidence, shared service',
  request: { params: KovMeasureParams },
  responses: { 200: json(MeasureRecordSchema, 'Record'), 404: errorResponse('Not in scope') },
});

const putRoute = createRoute({
  method: 'put',
  path: '/kovs/{ehak}/measures/{measureId}',
  tags: ['tracker'],
  summary: 'Change a status record (send the version you read; omitted fields are kept, null clears)',
  request: { params: KovMeasureParams, body: { content: { 'application/json': { schema: StatusUpdateSchema } }, required: true } },
  responses: {
    200: json(MeasureRecordSchema, 'The new record'),
    400: errorResponse('Invalid input'),
    404: errorResponse('Not in scope'),
    409: errorResponse('Stale version: details.current is the stored record'),
  },
});

// PATCH on the collection rather than POST …/measures/bulk: a static segment beside
// {measureId} made Hono fall back from its RegExpRouter for the whole API (~4 % of a write's CPU).
const bulkRoute = createRoute({
  method: 'patch',
  path: '/kovs/{ehak}/measures',
  tags: ['tracker'],
  summary: 'Set one status on many measures, all or nothing',
  request: { params: KovParams, body: { content: { 'application/json': { schema: BulkUpdateSchema } }, required: true } },
  responses: {
    200: json(BulkResultSchema, 'Done'),
    400: errorResponse('Invalid input'),
    404: errorResponse('Some measure is not in scope (details.unknown)'),
  },
});

const historyRoute = createRoute({
  method: 'get',
  path: '/kovs/{ehak}/measures/{measureId}/history',
  tags: ['tracker'],
  summary: 'Every change of the status record, newest first',
  request: { params: KovMeasureParams },
  responses: { 200: json(z.array(HistoryEntrySchema), 'History'), 404: errorResponse('Not in scope') },
});

export function measureRoutes() {
  return createRouter()
    .openapi(listRoute, (c) => {
      const { ehak } = c.req.valid('param');
      const q = c.req.valid('query');
      const { overdue, ...rest } = q;
      return c.json(listMeasures(c.get('db'), ehak, { ...rest, overdue: overdue === 'true' }), 200);
    })
    .openapi(bulkRoute, async (c) => {
      const { ehak } = c.req.valid('param');
      const { measureIds, ...patch } = c.req.valid('json');
      const db = c.get('db');
      const items = await groupCommit(db, () => bulkUpdateStatus(db, ehak, measureIds, patch, actorOf(c)));
      return c.json({ updated: items.length, items }, 200);
    })
    .openapi(getRoute, (c) => {
      const { ehak, measureId } = c.req.valid('param');
      const record = getMeasureRecord(c.get('db'), ehak, measureId);
      if (!record) throw notFound('Seda meedet selle omavalitsuse ulatuses ei ole.');
      return c.json(record, 200);
    })
    .openapi(putRoute, async (c) => {
      const { ehak, measureId } = c.req.valid('param');
      const db = c.get('db');
      // Status writes are the hot path (a specialist working through a list): they share commits.
      const record = await groupCommit(db, () => updateMeasureStatus(db, ehak, measureId, c.req.valid('json'), actorOf(c)));
      return c.json(record, 200);
    })
    .openapi(historyRoute, (c) => {
      const { ehak, measureId } = c.req.valid('param');
      const db = c.get('db');
      const scope = measureInScope(db, ehak, measureId);
      if (!scope) throw notFound('Seda meedet selle omavalitsuse ulatuses ei ole.');
      return c.json(getMeasureHistory(db, ehak, scope.edition, measureId), 200);
    });
}
