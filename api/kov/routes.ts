import { createRoute, z } from '@hono/zod-openapi';
import { readableKovs, requireUser } from '../auth/access.ts';
import { createRouter, errorResponse } from '../lib/openapi.ts';
import { listKovs } from './queries.ts';

export const KovSchema = z
  .object({
    ehak: z.string().openapi({ example: '0141' }),
    name: z.string().openapi({ example: 'Anija vald' }),
    type: z.enum(['linn', 'vald']),
    county: z.string().openapi({ example: 'Harju maakond' }),
  })
  .openapi('Kov');

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

export function kovRoutes() {
  return createRouter().openapi(route, (c) => {
    const user = c.get('user')!;
    return c.json(listKovs(c.get('db'), readableKovs(user)), 200);
  });
}
