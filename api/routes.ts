import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './lib/context.ts';
import { kovScopeGuard } from './auth/access.ts';
import { mountAccountRoutes } from './auth/index.ts';
import { budgetRoutes } from './budget/routes.ts';
import { catalogRoutes } from './catalog/routes.ts';
import { exportRoutes } from './exports/routes.ts';
import { healthRoutes } from './health/routes.ts';
import { kovRoutes } from './kov/routes.ts';
import { templateRoutes } from './templates/routes.ts';
import { trackerRoutes } from './tracker/routes.ts';

/**
 * Every domain's router, mounted under /api. One line per domain; a domain whose routes take a
 * municipality mounts them under /kovs/:ehak so the scope guard in auth/access.ts applies.
 */
export function mountDomainRoutes(api: OpenAPIHono<AppEnv>): void {
  api.use('/kovs/:ehak', kovScopeGuard);
  api.use('/kovs/:ehak/*', kovScopeGuard);
  api.route('/', healthRoutes());
  api.route('/', kovRoutes());
  api.route('/', catalogRoutes());
  mountAccountRoutes(api);
  api.route('/', budgetRoutes());
  api.route('/', templateRoutes());
  api.route('/', trackerRoutes());
  api.route('/', exportRoutes());
}
