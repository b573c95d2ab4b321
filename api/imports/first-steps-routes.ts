// The first-steps check: GET /api/first-steps (the questions), and under /api/kovs/{ehak}: the
// saved answers with the next steps, saving answers, and turning them into an import preview that
// is applied like a file (POST …/imports/{id}/apply).
import { createRoute, z } from '@hono/zod-openapi';
import { FirstStepsAnswersBodySchema, FirstStepsSchema, FirstStepsStateSchema, ImportPreviewSchema } from '../contracts/imports.ts';
import { createRouter, errorResponse } from '../lib/openapi.ts';
import { actorOf } from '../tracker/measure-routes.ts';
import { KovParams } from '../tracker/params.ts';
import { answersOf, firstStepsQuestions, firstStepsRows, firstStepsState, saveAnswers } from './first-steps.ts';
import { storePreview } from './service.ts';

const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });

const questionsRoute = createRoute({
  method: 'get',
  path: '/first-steps',
  tags: ['imports'],
  summary: 'The questions of the first-steps check, by theme, with the P1 measures each evidences',
  responses: { 200: json(FirstStepsSchema, 'Questions') },
});

const stateRoute = createRoute({
  method: 'get',
  path: '/kovs/{ehak}/first-steps',
  tags: ['imports'],
  summary: "The municipality's saved answers and its ten most important next steps",
  request: { params: KovParams },
  responses: { 200: json(FirstStepsStateSchema, 'Answers'), 404: errorResponse('Unknown municipality') },
});

const saveRoute = createRoute({
  method: 'put',
  path: '/kovs/{ehak}/first-steps',
  tags: ['imports'],
  summary: 'Save answers (any subset; null clears one), so the check can be paused and resumed',
  request: { params: KovParams, body: { content: { 'application/json': { schema: FirstStepsAnswersBodySchema } }, required: true } },
  responses: { 200: json(FirstStepsStateSchema, 'Saved'), 400: errorResponse('Unknown question'), 403: errorResponse('Read-only access'), 404: errorResponse('Unknown municipality') },
});

const previewRoute = createRoute({
  method: 'post',
  path: '/kovs/{ehak}/first-steps/preview',
  tags: ['imports'],
  summary: 'The saved answers as an import preview (jah → implemented, osaliselt → partial, ei → not_implemented, ei tea → no change)',
  request: { params: KovParams },
  responses: { 201: json(ImportPreviewSchema, 'The stored preview'), 403: errorResponse('Read-only access'), 404: errorResponse('Unknown municipality') },
});

export function firstStepsRoutes() {
  return createRouter()
    .openapi(questionsRoute, (c) => c.json({ questions: firstStepsQuestions().map(({ weight: _weight, ...q }) => q) }, 200))
    .openapi(stateRoute, (c) => c.json(firstStepsState(c.get('db'), c.req.valid('param').ehak), 200))
    .openapi(saveRoute, (c) => {
      const { ehak } = c.req.valid('param');
      return c.json(saveAnswers(c.get('db'), ehak, c.req.valid('json').answers, actorOf(c)), 200);
    })
    .openapi(previewRoute, (c) => {
      const { ehak } = c.req.valid('param');
      const db = c.get('db');
      return c.json(storePreview(db, ehak, 'esimeste sammude kontroll', 'first_steps', firstStepsRows(db, ehak, answersOf(db, ehak)), actorOf(c)), 201);
    });
}
