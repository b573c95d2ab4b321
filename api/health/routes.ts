import { createRoute } from '@hono/zod-openapi';
import { HealthSchema } from '../contracts/system.ts';
import { kovCount } from '../kov/store.ts';
import { createRouter } from '../lib/openapi.ts';
import { APP_VERSION } from '../lib/version.ts';


const route = createRoute({
  method: 'get',
  path: '/health',
  tags: ['system'],
  summary: 'Liveness and database check',
  responses: {
    200: { description: 'Healthy', content: { 'application/json': { schema: HealthSchema } } },
    503: { description: 'Database unavailable', content: { 'application/json': { schema: HealthSchema } } },
  },
});

export function healthRoutes() {
  return createRouter().openapi(route, (c) => {
    let database: 'ok' | 'error' = 'ok';
    try {
      if (typeof kovCount(c.get('db')) !== 'number') database = 'error';
    } catch {
      database = 'error';
    }
    c.header('Cache-Control', 'no-store');
    if (database === 'ok') return c.json({ status: 'ok' as const, version: APP_VERSION, database }, 200);
    return c.json({ status: 'degraded' as const, version: APP_VERSION, database }, 503);
  });
}
