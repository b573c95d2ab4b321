import { createRouter } from '../lib/openapi.ts';
import { mountActualRoutes } from './routes-actuals.ts';
import { mountExportRoutes } from './routes-exports.ts';
import { mountPlanRoutes } from './routes-plans.ts';

/** The initiative budget API (issue 7): plans, actual costs, reviews and exports. */
export function budgetRoutes() {
  const r = createRouter();
  mountPlanRoutes(r);
  mountActualRoutes(r);
  mountExportRoutes(r);
  return r;
}
