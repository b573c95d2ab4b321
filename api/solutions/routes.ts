// /api/solution-models…: standard solutions modelled once by ELVL. Everyone signed in reads them
// (catalog.read); admins write (solutions.manage). Adoption is POST /api/kovs/{ehak}/objects
// {solutionModel} (api/objects/routes.ts), under the municipality's scope guard.
import { createRoute, z } from '@hono/zod-openapi';
import { requirePermission } from '../auth/access.ts';
import { SolutionModelChangeSchema, SolutionModelCreateSchema, SolutionModelPatchSchema, SolutionModelSchema } from '../contracts/solutions.ts';
import { notFound } from '../lib/errors.ts';
import { createRouter, errorResponse } from '../lib/openapi.ts';
import { actorOf } from '../tracker/measure-routes.ts';
import { listModels, modelChanges, modelOf } from './read.ts';
import { createModel, patchModel } from './write.ts';

const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const IdParams = z.object({ id: z.string().regex(/^[1-9]\d{0,9}$/, 'Mudeli tunnus on positiivne täisarv.').meta({ example: '3' }) });
const readers = requirePermission('catalog.read');
const admins = requirePermission('solutions.manage');

const listRoute = createRoute({
  method: 'get', path: '/solution-models', tags: ['solution models'], middleware: readers,
  summary: 'Every standard-solution model with modules, default need and the per-measure statements',
  responses: { 200: json(z.array(SolutionModelSchema), 'Models by name'), 401: errorResponse('Signed out') },
});
const getRoute = createRoute({
  method: 'get', path: '/solution-models/{id}', tags: ['solution models'], middleware: readers,
  summary: 'One model', request: { params: IdParams },
  responses: { 200: json(SolutionModelSchema, 'Model'), 401: errorResponse('Signed out'), 404: errorResponse('Unknown model') },
});
const historyRoute = createRoute({
  method: 'get', path: '/solution-models/{id}/history', tags: ['solution models'], middleware: readers,
  summary: "The model's changes, newest first: what every adopting municipality sees", request: { params: IdParams },
  responses: { 200: json(z.array(SolutionModelChangeSchema), 'Changes'), 401: errorResponse('Signed out'), 404: errorResponse('Unknown model') },
});
const createModelRoute = createRoute({
  method: 'post', path: '/solution-models', tags: ['solution models'], middleware: admins,
  summary: 'Add a model (admin); it is adoptable at once',
  request: { body: { content: { 'application/json': { schema: SolutionModelCreateSchema } }, required: true } },
  responses: { 201: json(SolutionModelSchema, 'Created'), 400: errorResponse('Field errors'), 401: errorResponse('Signed out'), 403: errorResponse('Not an admin') },
});
const patchRoute = createRoute({
  method: 'patch', path: '/solution-models/{id}', tags: ['solution models'], middleware: admins,
  summary: 'Change a model (admin): any subset of the fields, with the version read and a summary for the adopters’ history',
  request: { params: IdParams, body: { content: { 'application/json': { schema: SolutionModelPatchSchema } }, required: true } },
  responses: {
    200: json(SolutionModelSchema, 'Changed'), 400: errorResponse('Field errors'), 401: errorResponse('Signed out'),
    403: errorResponse('Not an admin'), 404: errorResponse('Unknown model'), 409: errorResponse('Changed by someone else meanwhile (details.current)'),
  },
});

export function solutionRoutes() {
  return createRouter()
    .openapi(listRoute, (c) => c.json(listModels(c.get('db')), 200))
    .openapi(getRoute, (c) => {
      const model = modelOf(c.get('db'), Number(c.req.valid('param').id));
      if (!model) throw notFound('Sellist mudelit ei ole.');
      return c.json(model, 200);
    })
    .openapi(historyRoute, (c) => {
      const id = Number(c.req.valid('param').id);
      if (!modelOf(c.get('db'), id)) throw notFound('Sellist mudelit ei ole.');
      return c.json(modelChanges(c.get('db'), id), 200);
    })
    .openapi(createModelRoute, (c) => c.json(createModel(c.get('db'), c.req.valid('json'), actorOf(c)), 201))
    .openapi(patchRoute, (c) => c.json(patchModel(c.get('db'), Number(c.req.valid('param').id), c.req.valid('json'), actorOf(c)), 200));
}
