import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './lib/context.ts';
import { auditRoutes } from './audit/routes.ts';
import { kovScopeGuard } from './auth/access.ts';
import { accountRoutes } from './auth/account-routes.ts';
import { invitationRoutes } from './auth/invitation-routes.ts';
import { passwordResetRoutes } from './auth/reset-routes.ts';
import { authRoutes } from './auth/routes.ts';
import { taraRoutes } from './auth/tara-routes.ts';
import { budgetActualRoutes } from './budget/routes-actuals.ts';
import { budgetChangeRoutes } from './budget/routes-changes.ts';
import { budgetExportRoutes } from './budget/routes-exports.ts';
import { budgetPlanRoutes } from './budget/routes-plans.ts';
import { catalogRoutes } from './catalog/routes.ts';
import { exportRoutes } from './exports/routes.ts';
import { healthRoutes } from './health/routes.ts';
import { firstStepsRoutes } from './imports/first-steps-routes.ts';
import { importRoutes } from './imports/routes.ts';
import { kovRoutes } from './kov/routes.ts';
import { mailRoutes } from './mail/routes.ts';
import { metaRoutes } from './meta/routes.ts';
import { modellingRoutes } from './objects/modelling-routes.ts';
import { preferenceRoutes } from './notifications/routes.ts';
import { objectRoutes } from './objects/routes.ts';
import { periodReportRoutes } from './periods/report-routes.ts';
import { periodRoutes } from './periods/routes.ts';
import { reportRoutes } from './reports/routes.ts';
import { riskRoutes } from './risks/routes.ts';
import { solutionRoutes } from './solutions/routes.ts';
import { templateActionRoutes } from './templates/action-routes.ts';
import { templateAdoptionRoutes } from './templates/adoptions.ts';
import { builtinAdoptionRoutes } from './templates/builtin-adoptions.ts';
import { templateDownloadRoutes } from './templates/download.ts';
import { templateRoutes } from './templates/routes.ts';
import { evidenceRoutes } from './tracker/evidence-routes.ts';
import { measureRoutes } from './tracker/measure-routes.ts';
import { peopleRoutes } from './tracker/people-routes.ts';
import { scopeRoutes } from './tracker/scope-routes.ts';
import { userRoutes } from './users/routes.ts';

/**
 * Every router of the API, in mounting order; each is built by createRouter() (lib/openapi.ts) and
 * mounted here only (tests/architecture.test.ts holds both). Routes that take a municipality live
 * under /kovs/{ehak}, where the scope guard in auth/access.ts applies.
 */
const ROUTERS = [
  healthRoutes,
  kovRoutes,
  catalogRoutes,
  // accounts: sign-in, own account, invitations, password reset, TARA; user admin; the audit log; the mail outbox; own mail preferences
  authRoutes,
  accountRoutes,
  invitationRoutes,
  passwordResetRoutes,
  taraRoutes,
  userRoutes,
  auditRoutes,
  mailRoutes,
  preferenceRoutes,
  // initiative budget (issue 7): plans, actual costs and reviews, exports
  budgetPlanRoutes,
  budgetActualRoutes,
  budgetChangeRoutes,
  budgetExportRoutes,
  // templates: list and submissions, review actions, downloads, adoptions
  templateRoutes,
  templateActionRoutes,
  templateDownloadRoutes,
  templateAdoptionRoutes,
  builtinAdoptionRoutes,
  // tracker: measures, owners and "my tasks", evidence, scope; reports over it; /meta
  measureRoutes,
  peopleRoutes,
  evidenceRoutes,
  scopeRoutes,
  // the structure analysis (issue 18): target objects, protection needs, modelling
  objectRoutes,
  modellingRoutes,
  // risk analysis for objects with a high protection need (issue 19)
  riskRoutes,
  // standard solutions modelled once by ELVL, adopted as objects (issue 19)
  solutionRoutes,
  // importing an existing status sheet and the first-steps check (issue 23)
  importRoutes,
  firstStepsRoutes,
  reportRoutes,
  // ELVL's reporting periods (issue 21): periods, the municipalities' submissions, the ministry report
  periodRoutes,
  periodReportRoutes,
  metaRoutes,
  exportRoutes,
];

export function mountDomainRoutes(api: OpenAPIHono<AppEnv>): void {
  api.use('/kovs/:ehak', kovScopeGuard);
  api.use('/kovs/:ehak/*', kovScopeGuard);
  for (const router of ROUTERS) api.route('/', router());
}
