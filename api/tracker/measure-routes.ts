// /api/kovs/{ehak}/measures…: list, read, update (optimistic), bulk update, history. Each row is a
// target object × measure; ?object={id} addresses an object other than the organisation object.
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
import { KovMeasureParams, KovParams, objectOf, ObjectQuery } from './params.ts';
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
  summary: "The municipality's object × measure rows in scope with their status (the organisation object's first; ?object= for one object's)",
  request: { params: KovParams, query: MeasureQuerySchema },
  responses: { 200: json(z.array(MeasureListItemSchema), 'Measures'), 404: errorResponse('Unknown municipality') },
});

const getRoute = createRoute({
  method: 'get',
  path: '/kovs/{ehak}/measures/{measureId}',
  tags: ['tracker'],
  summary: 'One measure on a target object (default: the organisation object): status record, evidence, shared service',
  request: { params: KovMeasureParams, query: ObjectQuery },
  responses: { 200: json(MeasureRecordSchema, 'Record'), 400: errorResponse('Invalid object id'), 404: errorResponse("Not in the object's scope, or no such object in this municipality") },
});

const putRoute = createRoute({
  method: 'put',
  path: '/kovs/{ehak}/measures/{measureId}',
  tags: ['tracker'],
  summary: 'Change a status record on a target object (default: the organisation object; send the version you read; omitted fields are kept, null clears)',
  request: { params: KovMeasureParams, query: ObjectQuery, body: { content: { 'application/json': { schema: StatusUpdateSchema } }, required: true } },
  responses: {
    200: json(MeasureRecordSchema, 'The new record'),
    400: errorResponse('Invalid input'),
    404: errorResponse("Not in the object's scope, or no such object in this municipality"),
    409: errorResponse('Stale version: details.current is the stored record'),
  },
});

// PATCH on the collection rather than POST …/measures/bulk: a static segment beside
// {measureId} made Hono fall back from its RegExpRouter for the whole API (~4 % of a write's CPU).
const bulkRoute = createRoute({
  method: 'patch',
  path: '/kovs/{ehak}/measures',
  tags: ['tracker'],
  summary: 'Set one status on many measures of one target object (objectId; default: the organisation object), all or nothing',
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
  summary: 'Every change of the status record on a target object (default: the organisation object), newest first',
  request: { params: KovMeasureParams, query: ObjectQuery },
  responses: { 200: json(z.array(HistoryEntrySchema), 'History'), 400: errorResponse('Invalid object id'), 404: errorResponse("Not in the object's scope") },
});

export function measureRoutes() {
  return createRouter()
    .openapi(listRoute, (c) => {
      const { ehak } = c.req.valid('param');
      const q = c.req.valid('query');
      const { overdue, object, ...rest } = q;
      return c.json(listMeasures(c.get('db'), ehak, { ...rest, overdue: overdue === 'true', ...(object ? { object: Number(object) } : {}) }), 200);
    })
    .openapi(bulkRoute, async (c) => {
      const { ehak } = c.req.valid('param');
      const { measureIds, objectId, ...patch } = c.req.valid('json');
      const db = c.get('db');
      const items = await groupCommit(db, () => bulkUpdateStatus(db, ehak, measureIds, patch, actorOf(c), objectId));
      return c.json({ updated: items.length, items }, 200);
    })
    .openapi(getRoute, (c) => {
      const { ehak, measureId } = c.req.valid('param');
      const record = getMeasureRecord(c.get('db'), ehak, measureId, objectOf(c.req.valid('query')));
      if (!record) throw notFound('Seda meedet selle objekti ulatuses ei ole.');
      return c.json(record, 200);
    })
    .openapi(putRoute, async (c) => {
      const { ehak, measureId } = c.req.valid('param');
      const db = c.get('db');
      // Status writes are the hot path (a specialist working through a list): they share commits.
      const object = objectOf(c.req.valid('query'));
      const record = await groupCommit(db, () => updateMeasureStatus(db, ehak, measureId, c.req.valid('json'), actorOf(c), object));
      return c.json(record, 200);
    })
    .openapi(historyRoute, (c) => {
      const { ehak, measureId } = c.req.valid('param');
      const db = c.get('db');
      const scope = measureInScope(db, ehak, measureId, objectOf(c.req.valid('query')));
      if (!scope) throw notFound('Seda meedet selle objekti ulatuses ei ole.');
      return c.json(getMeasureHistory(db, ehak, scope.edition, scope.objectId, measureId), 200);
    });
}
