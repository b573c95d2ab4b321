// /api/kovs/{ehak}/risk-analyses and /api/kovs/{ehak}/objects/{id}/risk-analysis…: the risk analysis
// for objects with a high protection need. The tenant check (read for GET, write for PUT) is
// kovScopeGuard's, mounted in api/routes.ts.
import { createRoute, z } from '@hono/zod-openapi';
import { RiskAnalysisSchema, RiskAnalysisSummarySchema, ThreatAssessmentSchema, ThreatAssessmentWriteSchema } from '../contracts/risks.ts';
import { notFound } from '../lib/errors.ts';
import { createRouter, errorResponse } from '../lib/openapi.ts';
import { actorOf } from '../tracker/measure-routes.ts';
import { KovParams } from '../tracker/params.ts';
import { riskAnalysisOf, riskAnalysisSummaries } from './analysis.ts';
import { assessThreat } from './write.ts';

const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const ObjectParams = KovParams.extend({ id: z.string().regex(/^[1-9]\d{0,9}$/, 'Objekti tunnus on positiivne täisarv.').meta({ example: '12' }) });
const ThreatParams = ObjectParams.extend({
  threat: z
    .string()
    .regex(/^G ?0\.\d{1,2}$/, 'Ohu tähis on kujul "G 0.18".')
    .transform((s) => s.replace(/^G ?/, 'G '))
    .meta({ example: 'G 0.18', description: 'Elementary threat code; the space may be left out (G0.18)' }),
});

const summaryRoute = createRoute({
  method: 'get',
  path: '/kovs/{ehak}/risk-analyses',
  tags: ['risk analysis'],
  summary: "Every target object's risk analysis state: not required, missing, incomplete or complete",
  request: { params: KovParams },
  responses: { 200: json(z.array(RiskAnalysisSummarySchema), 'One row per object'), 404: errorResponse('Unknown municipality') },
});
const getRoute = createRoute({
  method: 'get',
  path: '/kovs/{ehak}/objects/{id}/risk-analysis',
  tags: ['risk analysis'],
  summary: "The object's elementary threats (from its measures' threat links) with each decision",
  request: { params: ObjectParams },
  responses: { 200: json(RiskAnalysisSchema, 'Risk analysis'), 404: errorResponse('Unknown object') },
});
const putRoute = createRoute({
  method: 'put',
  path: '/kovs/{ehak}/objects/{id}/risk-analysis/{threat}',
  tags: ['risk analysis'],
  summary: 'Record the decision on one threat: covered, an additional measure, or an accepted or transferred risk (justified, by whom, when)',
  request: { params: ThreatParams, body: { content: { 'application/json': { schema: ThreatAssessmentWriteSchema } }, required: true } },
  responses: {
    200: json(ThreatAssessmentSchema, 'The threat as it now reads'),
    400: errorResponse('Field errors'),
    403: errorResponse('Read-only access'),
    404: errorResponse('Unknown object, or a threat its measures do not counter'),
    409: errorResponse('Changed by someone else meanwhile (details.current)'),
  },
});

export function riskRoutes() {
  return createRouter()
    .openapi(summaryRoute, (c) => c.json(riskAnalysisSummaries(c.get('db'), c.req.valid('param').ehak), 200))
    .openapi(getRoute, (c) => {
      const { ehak, id } = c.req.valid('param');
      const analysis = riskAnalysisOf(c.get('db'), ehak, Number(id));
      if (!analysis) throw notFound('Objekti ei leitud.');
      return c.json(analysis, 200);
    })
    .openapi(putRoute, (c) => {
      const { ehak, id, threat } = c.req.valid('param');
      return c.json(assessThreat(c.get('db'), ehak, Number(id), threat, c.req.valid('json'), actorOf(c)), 200);
    });
}
