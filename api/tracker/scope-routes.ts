// /api/kovs/{ehak}/scope and /api/kovs/{ehak}/progress.
import { createRoute } from '@hono/zod-openapi';
import { notFound } from '../lib/errors.ts';
import { createRouter, errorResponse } from '../lib/openapi.ts';
import { actorOf } from './measure-routes.ts';
import { getProgress } from './progress.ts';
import { KovProgressSchema } from '../contracts/progress.ts';
import { ScopeSchema, ScopeUpdateSchema } from '../contracts/tracker.ts';
import { KovParams } from './params.ts';
import { changeScope, scopeAnswer } from './scope.ts';

const getScopeRoute = createRoute({
  method: 'get',
  path: '/kovs/{ehak}/scope',
  tags: ['tracker'],
  summary: 'Edition, profile, approach and extra modules of the municipality',
  request: { params: KovParams },
  responses: { 200: { description: 'Scope', content: { 'application/json': { schema: ScopeSchema } } }, 404: errorResponse('Unknown') },
});

const putScopeRoute = createRoute({
  method: 'put',
  path: '/kovs/{ehak}/scope',
  tags: ['tracker'],
  summary: 'Change approach, profile or extra modules (the edition changes only by `catalog migrate`)',
  request: { params: KovParams, body: { content: { 'application/json': { schema: ScopeUpdateSchema } }, required: true } },
  responses: {
    200: { description: 'Scope', content: { 'application/json': { schema: ScopeSchema } } },
    400: errorResponse('Unknown profile or module'),
    403: errorResponse('Read-only access'),
  },
});

const progressRoute = createRoute({
  method: 'get',
  path: '/kovs/{ehak}/progress',
  tags: ['tracker'],
  summary: 'Totals and shares by status, class, module, group, priority; next steps; trend',
  request: { params: KovParams },
  responses: { 200: { description: 'Progress', content: { 'application/json': { schema: KovProgressSchema } } }, 404: errorResponse('Unknown') },
});

export function scopeRoutes() {
  return createRouter()
    .openapi(getScopeRoute, (c) => c.json(scopeAnswer(c.get('db'), c.req.valid('param').ehak), 200))
    .openapi(putScopeRoute, (c) => {
      const { ehak } = c.req.valid('param');
      changeScope(c.get('db'), ehak, c.req.valid('json'), actorOf(c));
      return c.json(scopeAnswer(c.get('db'), ehak), 200);
    })
    .openapi(progressRoute, (c) => {
      const { ehak } = c.req.valid('param');
      const progress = getProgress(c.get('db'), ehak);
      if (!progress) throw notFound('Omavalitsust ei leitud.');
      return c.json(progress, 200);
    });
}
