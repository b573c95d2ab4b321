// Template list, detail and submissions (new templates and new versions).
import { createRoute, z } from '@hono/zod-openapi';
import { requirePermission, requireTemplateAccess, requireUser } from '../auth/access.ts';
import { createRouter, errorResponse } from '../lib/openapi.ts';
import { notFound, unauthorized } from '../lib/errors.ts';
import { getTemplate, latestVersion, listTemplates, templateDetail } from './queries.ts';
import { DetailSchema, ListItemSchema, STATUSES, SubmitResultSchema } from '../contracts/templates.ts';
import { IdParams, SubmitFormSchema } from './schemas.ts';
import { parseMeta, storeUpload, type SubmissionMeta } from './upload.ts';
import { addVersion, createTemplate } from './workflow.ts';

const listRoute = createRoute({
  method: 'get',
  path: '/templates',
  tags: ['templates'],
  summary: 'Templates; status=approved is public, every other listing needs sign-in',
  request: {
    query: z.object({
      status: z.enum(STATUSES).optional(),
      category: z.string().max(40).optional(),
      measure: z.string().max(40).optional(),
      awaiting: z.enum(['me']).optional().openapi({ description: "'me': open versions the signed-in reviewer has not voted on and did not submit" }),
    }),
  },
  responses: {
    200: { description: 'Templates', content: { 'application/json': { schema: z.array(ListItemSchema) } } },
    401: errorResponse('Not signed in (non-public listing)'),
  },
});

const detailRoute = createRoute({
  method: 'get',
  path: '/templates/{id}',
  tags: ['templates'],
  summary: 'One template: versions, metadata diffs, comments, votes, quorum status',
  middleware: [requireUser] as const,
  request: { params: IdParams },
  responses: {
    200: { description: 'Template', content: { 'application/json': { schema: DetailSchema } } },
    401: errorResponse('Not signed in'),
    404: errorResponse('No such template'),
  },
});

const formBody = {
  required: true,
  content: { 'multipart/form-data': { schema: SubmitFormSchema } },
};
const submitResponses = {
  201: { description: 'Submitted', content: { 'application/json': { schema: SubmitResultSchema } } },
  400: errorResponse('Invalid field, unknown measure id, or file type not accepted / not matching its extension'),
  401: errorResponse('Not signed in'),
  413: errorResponse('File larger than 5 MB'),
};

const createRouteDef = createRoute({
  method: 'post',
  path: '/templates',
  tags: ['templates'],
  summary: 'Submit a new template (multipart: title, summary, category, measures, file)',
  middleware: [requirePermission('templates.submit')] as const,
  request: { body: formBody },
  responses: submitResponses,
});

const versionRoute = createRoute({
  method: 'post',
  path: '/templates/{id}/versions',
  tags: ['templates'],
  summary: "Submit a new version (the template's submitter or an admin); it supersedes earlier undecided versions",
  middleware: [requireTemplateAccess('version')] as const,
  request: { params: IdParams, body: formBody },
  responses: { ...submitResponses, 403: errorResponse("Neither the template's submitter nor an admin"), 404: errorResponse('No such template') },
});

export function templateRoutes() {
  return createRouter()
    .openapi(listRoute, (c) => {
      const q = c.req.valid('query');
      const user = c.get('user');
      if ((q.status !== 'approved' || q.awaiting) && !user) throw unauthorized();
      return c.json(listTemplates(c.get('db'), { ...q, awaiting: q.awaiting ? user!.id : undefined }), 200);
    })
    .openapi(detailRoute, (c) => {
      const detail = templateDetail(c.get('db'), c.req.valid('param').id, c.get('config').templateQuorum, c.get('user')!);
      if (!detail) throw notFound('Malli ei leitud.');
      return c.json(detail, 200);
    })
    .openapi(createRouteDef, async (c) => {
      const form = c.req.valid('form') as Record<string, unknown>;
      const db = c.get('db');
      const meta = parseMeta(db, form);
      const file = await storeUpload(c.get('config').filesPath, form['file']);
      return c.json(createTemplate(db, c.get('config'), c.get('user')!, { ...meta, ...file }), 201);
    })
    .openapi(versionRoute, async (c) => {
      const id = c.req.valid('param').id;
      const form = c.req.valid('form') as Record<string, unknown>;
      const db = c.get('db');
      if (!getTemplate(db, id)) throw notFound('Malli ei leitud.');
      const prev = latestVersion(db, id);
      const fallback: SubmissionMeta = { title: prev.title, summary: prev.summary, category: prev.category, measures: JSON.parse(prev.measures) as string[] };
      const meta = parseMeta(db, form, fallback);
      const file = await storeUpload(c.get('config').filesPath, form['file']);
      return c.json(addVersion(db, c.get('config'), c.get('user')!, id, { ...meta, ...file }), 201);
    });
}
