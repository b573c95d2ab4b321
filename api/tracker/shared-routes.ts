// /api/shared-services: measures delivered centrally (ELVL or another provider).
import { createRoute, z } from '@hono/zod-openapi';
import { requirePermission } from '../auth/access.ts';
import { SharedServiceCreateSchema as CreateSchema, SharedServiceSchema } from '../contracts/tracker.ts';
import { createRouter, errorResponse } from '../lib/openapi.ts';
import { actorOf } from './measure-routes.ts';
import { createSharedService, deleteSharedService, listSharedServices } from './shared-services.ts';


const listRoute = createRoute({
  method: 'get',
  path: '/shared-services',
  tags: ['tracker'],
  summary: 'Centrally delivered measures',
  middleware: [requirePermission('reports.read')] as const,
  responses: { 200: { description: 'List', content: { 'application/json': { schema: z.array(SharedServiceSchema) } } }, 403: errorResponse('No permission') },
});

const createRouteDef = createRoute({
  method: 'post',
  path: '/shared-services',
  tags: ['tracker'],
  summary: 'Mark a measure as delivered centrally for the listed municipalities',
  middleware: [requirePermission('shared_services.manage')] as const,
  request: { body: { content: { 'application/json': { schema: CreateSchema } }, required: true } },
  responses: {
    201: { description: 'Created', content: { 'application/json': { schema: SharedServiceSchema } } },
    400: errorResponse('Invalid'),
    404: errorResponse('Unknown measure'),
    409: errorResponse('Already exists'),
  },
});

const deleteRoute = createRoute({
  method: 'delete',
  path: '/shared-services/{id}',
  tags: ['tracker'],
  summary: 'Stop a shared service',
  middleware: [requirePermission('shared_services.manage')] as const,
  request: { params: z.object({ id: z.coerce.number().int().positive().openapi({ param: { name: 'id', in: 'path' } }) }) },
  responses: { 204: { description: 'Deleted' }, 404: errorResponse('Unknown') },
});

export function sharedServiceRoutes() {
  return createRouter()
    .openapi(listRoute, (c) => c.json(listSharedServices(c.get('db')), 200))
    .openapi(createRouteDef, (c) => c.json(createSharedService(c.get('db'), c.req.valid('json'), actorOf(c)), 201))
    .openapi(deleteRoute, (c) => {
      deleteSharedService(c.get('db'), c.req.valid('param').id, actorOf(c));
      return c.body(null, 204);
    });
}
