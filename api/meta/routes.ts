// GET /api/meta: public facts the UI needs before sign-in (whether demo data is loaded → banner).
import { createRoute } from '@hono/zod-openapi';
import { MetaSchema } from '../contracts/system.ts';
import type { Db } from '../db/database.ts';
import { createRouter } from '../lib/openapi.ts';
import { DEMO_SEEDED_AT, metaValue } from './store.ts';

/** True when the demo seeder has filled this database (app_meta 'demo_seeded_at'). */
export const isDemo = (db: Db): boolean => metaValue(db, DEMO_SEEDED_AT) !== undefined;

const route = createRoute({
  method: 'get',
  path: '/meta',
  tags: ['system'],
  summary: 'Installation facts for the UI (demo data present)',
  responses: { 200: { description: 'Meta', content: { 'application/json': { schema: MetaSchema } } } },
});

export function metaRoutes() {
  return createRouter().openapi(route, (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json({ demo: isDemo(c.get('db')) }, 200);
  });
}
