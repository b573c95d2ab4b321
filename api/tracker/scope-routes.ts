// /api/kovs/{ehak}/scope and /api/kovs/{ehak}/progress.
import { createRoute } from '@hono/zod-openapi';
import { recordAudit } from '../audit/record.ts';
import { inTransaction } from '../db/database.ts';
import { ApiError, notFound } from '../lib/errors.ts';
import { createRouter, errorResponse } from '../lib/openapi.ts';
import { actorOf } from './measure-routes.ts';
import { getProgress } from './progress.ts';
import { KovProgressSchema } from '../contracts/progress.ts';
import { ScopeSchema, ScopeUpdateSchema } from '../contracts/tracker.ts';
import { KovParams } from './params.ts';
import { getScope, profileExists, saveScope, unknownModules } from './scope.ts';
import { SCOPE_CTES } from './scope.ts';

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
    .openapi(getScopeRoute, (c) => {
      const { ehak } = c.req.valid('param');
      const db = c.get('db');
      const { n } = db.prepare(`WITH ${SCOPE_CTES} SELECT count(*) AS n FROM in_scope`).get({ ehak }) as { n: number };
      return c.json({ ...getScope(db, ehak), measureCount: n }, 200);
    })
    .openapi(putScopeRoute, (c) => {
      const { ehak } = c.req.valid('param');
      const body = c.req.valid('json');
      const db = c.get('db');
      const actor = actorOf(c);
      inTransaction(db, () => {
        const old = getScope(db, ehak);
        const next = {
          edition: old.edition,
          profileName: body.profileName ?? old.profileName,
          approach: body.approach,
          extraModules: [...new Set(body.extraModules ?? old.extraModules)],
        };
        const details: Array<{ path: string; message: string }> = [];
        if (!profileExists(db, next.edition, next.profileName)) details.push({ path: 'profileName', message: `Väljaandes ${next.edition} pole profiili „${next.profileName}”.` });
        for (const m of unknownModules(db, next.edition, next.extraModules)) details.push({ path: 'extraModules', message: `Moodulit ${m} pole väljaandes ${next.edition}.` });
        if (details.length) throw new ApiError(400, 'validation_failed', 'Sisendis on vigu.', details);
        saveScope(db, ehak, next, actor.id);
        recordAudit(db, { actorId: actor.id, action: 'kov_scope.update', entity: 'kov_scope', entityId: ehak, kov: ehak, oldValue: old, newValue: next, ip: actor.ip ?? null });
      });
      const { n } = db.prepare(`WITH ${SCOPE_CTES} SELECT count(*) AS n FROM in_scope`).get({ ehak }) as { n: number };
      return c.json({ ...getScope(db, ehak), measureCount: n }, 200);
    })
    .openapi(progressRoute, (c) => {
      const { ehak } = c.req.valid('param');
      const progress = getProgress(c.get('db'), ehak);
      if (!progress) throw notFound('Omavalitsust ei leitud.');
      return c.json(progress, 200);
    });
}
