import type { OpenAPIHono } from '@hono/zod-openapi';
import { auditRoutes } from '../audit/routes.ts';
import type { AppEnv } from '../lib/context.ts';
import { userRoutes } from '../users/routes.ts';
import { accountRoutes } from './account-routes.ts';
import { invitationRoutes } from './invitation-routes.ts';
import { authRoutes } from './routes.ts';
import { taraRoutes } from './tara-routes.ts';

/** Every accounts-domain router (auth, own account, invitations, TARA, user admin, audit log), one mount. */
export function mountAccountRoutes(api: OpenAPIHono<AppEnv>): void {
  api.route('/', authRoutes());
  api.route('/', accountRoutes());
  api.route('/', invitationRoutes());
  api.route('/', taraRoutes());
  api.route('/', userRoutes());
  api.route('/', auditRoutes());
}
