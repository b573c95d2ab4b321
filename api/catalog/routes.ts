import { createRoute, z } from '@hono/zod-openapi';
import { requirePermission } from '../auth/access.ts';
import { badRequest, notFound } from '../lib/errors.ts';
import { createRouter, errorResponse } from '../lib/openapi.ts';
import { CLASSES, PRIORITIES } from './ids.ts';
import { getMeasure, listEditions, listMeasures, listModules } from './queries.ts';
import { moduleExists } from './store.ts';
import { editionExists } from './stores/editions.ts';
import { profileExists } from './stores/profiles.ts';

const Edition = z.string().regex(/^\d{4}$/, 'väljaanne on aastaarv, nt 2024').openapi({ example: '2024' });
const ClassEnum = z.enum(CLASSES).openapi({ description: 'Põhimeede = basic, Standardmeede = standard, Kõrgmeede = high' });
const PriorityEnum = z.enum(PRIORITIES);
const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const errors = { 401: errorResponse('Not signed in'), 403: errorResponse('No permission') };

const EditionSchema = z
  .object({ edition: z.string(), title: z.string(), moduleCount: z.number().int(), measureCount: z.number().int(), profiles: z.array(z.string()) })
  .openapi('CatalogEdition');
const ModuleSchema = z
  .object({
    id: z.string().openapi({ example: 'OPS.1.1.5' }),
    title: z.string(),
    group: z.string().openapi({ example: 'OPS' }),
    subgroup: z.string().nullable(),
    measureCount: z.number().int(),
    byClass: z.object({ basic: z.number().int(), standard: z.number().int(), high: z.number().int() }),
  })
  .openapi('CatalogModule');
const MeasureFields = {
  id: z.string().openapi({ example: 'ISMS.1.M1' }),
  module: z.string(),
  title: z.string(),
  class: ClassEnum,
  responsible: z.string(),
  lifecycle: z.string(),
  cia: z.string().openapi({ example: 'CI' }),
  threats: z.array(z.string()).openapi({ example: ['G 0.18'] }),
};
const MeasureSchema = z.object({ ...MeasureFields, priority: PriorityEnum.nullable() }).openapi('CatalogMeasure');
const MeasureDetailSchema = z
  .object({
    ...MeasureFields,
    edition: z.string(),
    moduleTitle: z.string(),
    coResponsible: z.array(z.string()),
    link: z.string().nullable(),
    description: z.string().nullable().openapi({ description: 'RIA text; null until an official file is imported' }),
    profiles: z.record(z.string(), PriorityEnum),
  })
  .openapi('CatalogMeasureDetail');

const editionsRoute = createRoute({
  method: 'get', path: '/catalog', tags: ['catalog'], summary: 'Catalogue editions with counts', middleware: [requirePermission('catalog.read')] as const,
  responses: { 200: json(z.array(EditionSchema), 'Editions, newest first'), ...errors },
});
const modulesRoute = createRoute({
  method: 'get', path: '/catalog/{edition}/modules', tags: ['catalog'], summary: 'Modules of an edition', middleware: [requirePermission('catalog.read')] as const,
  request: { params: z.object({ edition: Edition }) },
  responses: { 200: json(z.array(ModuleSchema), 'Modules in catalogue order'), 400: errorResponse('Bad edition'), ...errors, 404: errorResponse('Unknown edition') },
});
const measuresRoute = createRoute({
  method: 'get', path: '/catalog/{edition}/measures', tags: ['catalog'], summary: 'Measures of an edition, filtered', middleware: [requirePermission('catalog.read')] as const,
  request: {
    params: z.object({ edition: Edition }),
    query: z.object({
      module: z.string().max(30).optional(),
      class: ClassEnum.optional(),
      profile: z.string().min(1).max(60).optional().openapi({ description: 'profile name, e.g. KOV; adds priority' }),
      priority: PriorityEnum.optional().openapi({ description: 'only this priority (requires profile)' }),
    }),
  },
  responses: { 200: json(z.array(MeasureSchema), 'Measures in catalogue order'), 400: errorResponse('Bad filter'), ...errors, 404: errorResponse('Unknown edition, module or profile') },
});
const measureRoute = createRoute({
  method: 'get', path: '/catalog/{edition}/measures/{id}', tags: ['catalog'], summary: 'One measure with roles, link and text', middleware: [requirePermission('catalog.read')] as const,
  request: { params: z.object({ edition: Edition, id: z.string().max(30).openapi({ example: 'ISMS.1.M1' }) }) },
  responses: { 200: json(MeasureDetailSchema, 'The measure'), 400: errorResponse('Bad edition'), ...errors, 404: errorResponse('Unknown edition or measure') },
});

export function catalogRoutes() {
  const app = createRouter();
  const requireEdition = (db: Parameters<typeof editionExists>[0], edition: string) => {
    if (!editionExists(db, edition)) throw notFound(`E-ITS väljaannet ${edition} ei ole.`);
  };
  app.openapi(editionsRoute, (c) => c.json(listEditions(c.get('db')), 200));
  app.openapi(modulesRoute, (c) => {
    const { edition } = c.req.valid('param');
    requireEdition(c.get('db'), edition);
    return c.json(listModules(c.get('db'), edition), 200);
  });
  app.openapi(measuresRoute, (c) => {
    const db = c.get('db');
    const { edition } = c.req.valid('param');
    const q = c.req.valid('query');
    requireEdition(db, edition);
    if (q.priority && !q.profile) throw badRequest('Prioriteedi filter vajab profiili (profile=KOV).');
    if (q.profile && !profileExists(db, edition, q.profile)) throw notFound(`Väljaandel ${edition} ei ole profiili ${q.profile}.`);
    if (q.module && !moduleExists(db, edition, q.module)) throw notFound(`Väljaandes ${edition} ei ole moodulit ${q.module}.`);
    return c.json(listMeasures(db, edition, q), 200);
  });
  app.openapi(measureRoute, (c) => {
    const { edition, id } = c.req.valid('param');
    requireEdition(c.get('db'), edition);
    const measure = getMeasure(c.get('db'), edition, id);
    if (!measure) throw notFound(`Väljaandes ${edition} ei ole meedet ${id}.`);
    return c.json(measure, 200);
  });
  return app;
}
