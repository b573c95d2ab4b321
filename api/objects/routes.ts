// /api/kovs/{ehak}/objects…: the structure analysis (target objects, protection needs, modelling).
// The tenant check (read for GET, write for mutations) is kovScopeGuard's, mounted in api/routes.ts.
import { createRoute, z } from '@hono/zod-openapi';
import { ObjectMeasureSchema, TargetObjectCreateSchema, TargetObjectPatchSchema, TargetObjectSchema } from '../contracts/objects.ts';
import { notFound } from '../lib/errors.ts';
import { createRouter, errorResponse } from '../lib/openapi.ts';
import { actorOf } from '../tracker/measure-routes.ts';
import { KovParams } from '../tracker/params.ts';
import { AdoptSolutionSchema } from '../contracts/solutions.ts';
import { adoptModel } from '../solutions/write.ts';
import { measureItem } from './measures.ts';
import { listObjects, objectEntries, objectOf } from './read.ts';
import { createObject, patchObject, removeObject } from './write.ts';

const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const ObjectParams = KovParams.extend({ id: z.string().regex(/^[1-9]\d{0,9}$/, 'Objekti tunnus on positiivne täisarv.').meta({ example: '12' }) });

const listRoute = createRoute({
  method: 'get',
  path: '/kovs/{ehak}/objects',
  tags: ['objects'],
  summary: "The municipality's target objects with protection needs (own and effective), dependencies and modules",
  request: { params: KovParams },
  responses: { 200: json(z.array(TargetObjectSchema), 'Target objects, the organisation object first'), 404: errorResponse('Unknown municipality') },
});
const getRoute = createRoute({
  method: 'get',
  path: '/kovs/{ehak}/objects/{id}',
  tags: ['objects'],
  summary: 'One target object',
  request: { params: ObjectParams },
  responses: { 200: json(TargetObjectSchema, 'Target object'), 404: errorResponse('Unknown object') },
});
const measuresRoute = createRoute({
  method: 'get',
  path: '/kovs/{ehak}/objects/{id}/measures',
  tags: ['objects'],
  summary: "The measures that apply to the object under the municipality's approach: baseline by class, high measures by protection need",
  request: { params: ObjectParams },
  responses: { 200: json(z.array(ObjectMeasureSchema), 'Measures in catalogue order'), 404: errorResponse('Unknown object') },
});
const createObjectRoute = createRoute({
  method: 'post',
  path: '/kovs/{ehak}/objects',
  tags: ['objects'],
  summary: 'Add a target object (a need above normal needs a justification), or adopt a standard-solution model ({solutionModel}) as a new object',
  request: { params: KovParams, body: { content: { 'application/json': { schema: z.union([TargetObjectCreateSchema, AdoptSolutionSchema]) } }, required: true } },
  responses: { 201: json(TargetObjectSchema, 'Created'), 400: errorResponse('Field errors'), 403: errorResponse('Read-only access') },
});
const patchRoute = createRoute({
  method: 'patch',
  path: '/kovs/{ehak}/objects/{id}',
  tags: ['objects'],
  summary: 'Change any subset of the fields; a change of protection need comes with a justification',
  request: { params: ObjectParams, body: { content: { 'application/json': { schema: TargetObjectPatchSchema } }, required: true } },
  responses: {
    200: json(TargetObjectSchema, 'Changed'),
    400: errorResponse('Field errors'),
    403: errorResponse('Read-only access'),
    404: errorResponse('Unknown object'),
    409: errorResponse('Changed by someone else meanwhile (details.current)'),
  },
});
const deleteRoute = createRoute({
  method: 'delete',
  path: '/kovs/{ehak}/objects/{id}',
  tags: ['objects'],
  summary: 'Remove a target object (never the organisation object, nor one holding statuses or evidence)',
  request: { params: ObjectParams },
  responses: { 204: { description: 'Removed' }, 403: errorResponse('Read-only access'), 404: errorResponse('Unknown object'), 409: errorResponse('The organisation object, or an object holding statuses or evidence') },
});

export function objectRoutes() {
  return createRouter()
    .openapi(listRoute, (c) => c.json(listObjects(c.get('db'), c.req.valid('param').ehak), 200))
    .openapi(getRoute, (c) => {
      const { ehak, id } = c.req.valid('param');
      const object = objectOf(c.get('db'), ehak, Number(id));
      if (!object) throw notFound('Objekti ei leitud.');
      return c.json(object, 200);
    })
    .openapi(measuresRoute, (c) => {
      const { ehak, id } = c.req.valid('param');
      const db = c.get('db');
      if (!objectOf(db, ehak, Number(id))) throw notFound('Objekti ei leitud.');
      return c.json(objectEntries(db, ehak, Number(id)).map(measureItem), 200);
    })
    .openapi(createObjectRoute, (c) => {
      const { ehak } = c.req.valid('param');
      const body = c.req.valid('json');
      const object = 'solutionModel' in body ? adoptModel(c.get('db'), ehak, body, actorOf(c)) : createObject(c.get('db'), ehak, body, actorOf(c));
      return c.json(object, 201);
    })
    .openapi(patchRoute, (c) => {
      const { ehak, id } = c.req.valid('param');
      return c.json(patchObject(c.get('db'), ehak, Number(id), c.req.valid('json'), actorOf(c)), 200);
    })
    .openapi(deleteRoute, (c) => {
      const { ehak, id } = c.req.valid('param');
      removeObject(c.get('db'), ehak, Number(id), actorOf(c));
      return c.body(null, 204);
    });
}
