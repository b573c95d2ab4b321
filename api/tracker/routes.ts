// The tracker domain's routes, mounted with one line in api/routes.ts: measures, evidence, scope
// and progress under /kovs/{ehak} (tenant-guarded there), shared services, reports and /meta.
import { createRouter } from '../lib/openapi.ts';
import { metaRoutes } from '../meta/routes.ts';
import { reportRoutes } from '../reports/routes.ts';
import { evidenceRoutes } from './evidence-routes.ts';
import { measureRoutes } from './measure-routes.ts';
import { scopeRoutes } from './scope-routes.ts';
import { sharedServiceRoutes } from './shared-routes.ts';

export function trackerRoutes() {
  const r = createRouter();
  r.route('/', measureRoutes());
  r.route('/', evidenceRoutes());
  r.route('/', scopeRoutes());
  r.route('/', sharedServiceRoutes());
  r.route('/', reportRoutes());
  r.route('/', metaRoutes());
  return r;
}
