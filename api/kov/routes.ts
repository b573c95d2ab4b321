import { createRoute, z } from '@hono/zod-openapi';
import { readableKovs, requireUser } from '../auth/access.ts';
import { KovSchema } from '../contracts/kov.ts';
import { notFound } from '../lib/errors.ts';
import { createRouter, errorResponse } from '../lib/openapi.ts';
import { listKovs } from './queries.ts';


const route = createRoute({
  method: 'get',
  path: '/kovs',
  tags: ['kov'],
  summary: 'Municipalities the caller may see',
  middleware: [requireUser] as const,
  responses: {
    200: { description: 'Municipalities', content: { 'application/json': { schema: z.array(KovSchema) } } },
    401: errorResponse('Not signed in'),
  },
});

const one = createRoute({
  method: 'get',
  path: '/kovs/{ehak}',
  tags: ['kov'],
  summary: 'One municipality the caller may see (404 for any other, also when it exists)',
  request: { params: z.object({ ehak: z.string() }) },
  responses: {
    200: { description: 'Municipality', content: { 'application/json': { schema: KovSchema } } },
    401: errorResponse('Not signed in'),
    404: errorResponse('Unknown or not visible to the caller'),
  },
});

export function kovRoutes() {
  return createRouter()
    .openapi(route, (c) => {
      const user = c.get('user')!;
      return c.json(listKovs(c.get('db'), readableKovs(user)), 200);
    })
    // Reached only through kovScopeGuard (api/routes.ts), which has already checked the scope.
    .openapi(one, (c) => {
      const kov = listKovs(c.get('db'), [c.req.valid('param').ehak])[0];
      if (!kov) throw notFound('Omavalitsust ei leitud.');
      return c.json(kov, 200);
    });
}
