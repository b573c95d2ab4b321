// Which templates each municipality adopted: a working group's approved version, or a built-in
// template of the knowledge base by its slug (builtin.ts). Writes go through the /kovs/:ehak scope
// guard (writers of that municipality); ELVL sees all 79 per working-group template.
import { createRoute, z } from '@hono/zod-openapi';
import { recordAudit } from '../audit/record.ts';
import { requirePermission } from '../auth/access.ts';
import { inTransaction } from '../db/database.ts';
import { badRequest, conflict, notFound } from '../lib/errors.ts';
import { createRouter, errorResponse } from '../lib/openapi.ts';
import { getTemplate, getVersion } from './queries.ts';
import { AdoptionAcrossSchema, AdoptionInputSchema, AdoptionSchema } from '../contracts/templates.ts';
import { IdParams } from './schemas.ts';
import { tallinnToday } from '../lib/today.ts';
import { allKovs } from '../kov/store.ts';
import { adoptionOf, adoptionsOfTemplate, adoptionViewRow, adoptionViewRows, builtinAdoptionRows, upsertAdoption, type AdoptionViewRow } from './stores/adoptions.ts';
import { builtinJson, recordBuiltin } from './builtin-adoptions.ts';
import type { Adoption } from '../contracts/templates.ts';

const EhakParams = z.object({ ehak: z.string().regex(/^\d{4}$/).openapi({ param: { name: 'ehak', in: 'path' }, example: '0784' }) });


const list = createRoute({
  method: 'get',
  path: '/kovs/{ehak}/adoptions',
  tags: ['templates'],
  summary: 'Templates this municipality adopted (working-group and built-in), with newerVersionAvailable',
  request: { params: EhakParams },
  responses: {
    200: { description: 'Adoptions', content: { 'application/json': { schema: z.array(AdoptionSchema) } } },
    401: errorResponse('Not signed in'),
    404: errorResponse('Municipality not found or not visible'),
  },
});

const record = createRoute({
  method: 'post',
  path: '/kovs/{ehak}/adoptions',
  tags: ['templates'],
  summary: 'Record that the municipality adopted an approved working-group version ({templateId, version}) or a built-in template ({slug}); replaces its earlier record',
  request: { params: EhakParams, body: { required: true, content: { 'application/json': { schema: AdoptionInputSchema } } } },
  responses: {
    201: { description: 'Recorded', content: { 'application/json': { schema: AdoptionSchema } } },
    400: errorResponse('Invalid input'),
    403: errorResponse('Read-only access to this municipality'),
    404: errorResponse('Municipality, template or version not found'),
    409: errorResponse('Version is not approved'),
  },
});

const perTemplate = createRoute({
  method: 'get',
  path: '/templates/{id}/adoptions',
  tags: ['templates'],
  summary: 'Adoption of one template across the 79 municipalities (ELVL)',
  middleware: [requirePermission('reports.read')] as const,
  request: { params: IdParams },
  responses: {
    200: {
      description: 'Every municipality with its adopted version or null',
      content: {
        'application/json': {
          schema: AdoptionAcrossSchema,
        },
      },
    },
    401: errorResponse('Not signed in'),
    403: errorResponse('No reports.read permission'),
    404: errorResponse('No such template'),
  },
});

const toJson = (r: AdoptionViewRow): Adoption => ({
  ehak: r.ehak,
  source: 'working_group',
  templateId: r.template_id,
  slug: null,
  title: r.title,
  version: r.n,
  builtinVersion: null,
  adoptedOn: r.adopted_on,
  recordedAt: r.recorded_at,
  currentVersion: r.current_version,
  newerVersionAvailable: r.current_version !== null && r.current_version > r.n,
});

const byTitle = (a: Adoption, b: Adoption) => a.title.localeCompare(b.title, 'et');

export function templateAdoptionRoutes() {
  return createRouter()
    .openapi(list, (c) => {
      const { ehak } = c.req.valid('param');
      const db = c.get('db');
      return c.json([...adoptionViewRows(db, ehak).map(toJson), ...builtinAdoptionRows(db, ehak).map(builtinJson)].sort(byTitle), 200);
    })
    .openapi(record, (c) => {
      const { ehak } = c.req.valid('param');
      const input = c.req.valid('json');
      const db = c.get('db');
      const d = new Date(input.adoptedOn + 'T00:00:00Z');
      if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== input.adoptedOn) throw badRequest('Kuupäev ei ole kehtiv.', [{ path: 'adoptedOn', message: 'Kehtetu kuupäev' }]);
      if (input.adoptedOn > tallinnToday()) throw badRequest('Kasutuselevõtu kuupäev ei saa olla tulevikus.', [{ path: 'adoptedOn', message: 'Tulevikus' }]);
      const user = c.get('user')!;
      if ('slug' in input) return c.json(recordBuiltin(db, user, ehak, input.slug, input.adoptedOn), 201);
      const row = inTransaction(db, () => {
        if (!getTemplate(db, input.templateId)) throw notFound('Malli ei leitud.');
        const v = getVersion(db, input.templateId, input.version);
        if (!v) throw notFound('Versiooni ei leitud.');
        if (v.approved_at === null) throw conflict('Kasutusele saab võtta ainult kinnitatud versiooni.');
        const old = adoptionOf(db, ehak, input.templateId);
        upsertAdoption(db, { ehak, template_id: input.templateId, n: input.version, adopted_on: input.adoptedOn, recorded_by: user.id });
        recordAudit(db, { actorId: user.id, action: 'template_adoption.record', entity: 'template_adoption', entityId: input.templateId, kov: ehak, oldValue: old ?? null, newValue: { n: input.version, adoptedOn: input.adoptedOn } });
        return adoptionViewRow(db, ehak, input.templateId)!;
      });
      return c.json(toJson(row), 201);
    })
    .openapi(perTemplate, (c) => {
      const db = c.get('db');
      const id = c.req.valid('param').id;
      const t = getTemplate(db, id);
      if (!t) throw notFound('Malli ei leitud.');
      const adopted = new Map(adoptionsOfTemplate(db, id).map((a) => [a.ehak, a]));
      const kovs = allKovs(db).map((k) => {
        const a = adopted.get(k.ehak);
        const n = a?.n ?? null;
        return { ehak: k.ehak, name: k.name, version: n, adoptedOn: a?.adopted_on ?? null, newerVersionAvailable: n !== null && t.current_version !== null && t.current_version > n };
      });
      return c.json({
        templateId: id,
        currentVersion: t.current_version,
        adopted: kovs.filter((k) => k.version !== null).length,
        onCurrent: kovs.filter((k) => k.version !== null && k.version === t.current_version).length,
        kovs,
      }, 200);
    });
}
