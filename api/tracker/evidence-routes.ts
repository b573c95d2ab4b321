// /api/kovs/{ehak}/measures/{measureId}/evidence: list, add (JSON {url, description} or multipart
// `file` + `description`), download, remove (soft: it stays in the history). Evidence belongs to
// a target object × measure; ?object={id} addresses an object other than the organisation object.
import { createRoute, z } from '@hono/zod-openapi';
import { ApiError, notFound } from '../lib/errors.ts';
import { createRouter, errorResponse } from '../lib/openapi.ts';
import { readStoredFile } from '../files/store.ts';
import { addFileEvidence, addUrlEvidence, getEvidenceFile, listEvidence, removeEvidence } from './evidence.ts';
import { evidenceContentType, MAX_EVIDENCE_BYTES } from './evidence-type.ts';
import { actorOf } from './measure-routes.ts';
import { measureInScope } from './records.ts';
import { BinaryFile, IsoDate } from '../contracts/common.ts';
import { EvidenceDescriptionSchema, EvidenceSchema } from '../contracts/tracker.ts';
import { KovMeasureParams, objectOf, ObjectQuery } from './params.ts';

// Both bodies are declared (for the OpenAPI document) with optional fields: the router validates
// each declared content type whatever the request's type; the handler requires the right field.
const UrlSchema = z.object({
  url: z
    .string()
    .max(2000)
    .refine((s) => {
      try {
        const u = new URL(s);
        return u.protocol === 'https:' || u.protocol === 'http:';
      } catch {
        return false;
      }
    }, 'Link peab olema http(s) aadress.')
    .optional(),
  description: EvidenceDescriptionSchema,
  validUntil: IsoDate.nullable().optional().meta({ description: "'Kehtib kuni': the owner is reminded 14 days before" }),
});
const ValidUntilField = IsoDate.nullable().optional();

const listRoute = createRoute({
  method: 'get',
  path: '/kovs/{ehak}/measures/{measureId}/evidence',
  tags: ['tracker'],
  summary: 'Evidence of the measure',
  request: { params: KovMeasureParams, query: ObjectQuery },
  responses: {
    200: { description: 'Evidence', content: { 'application/json': { schema: z.array(EvidenceSchema) } } },
    400: errorResponse('Invalid object id'),
    404: errorResponse("Not in the object's scope"),
  },
});

const addRoute = createRoute({
  method: 'post',
  path: '/kovs/{ehak}/measures/{measureId}/evidence',
  tags: ['tracker'],
  summary: 'Add a link (JSON {url}) or a file (multipart field `file`: PDF, PNG, JPEG, DOCX/XLSX/ODT/ODS, text; max 10 MB)',
  request: {
    params: KovMeasureParams,
    query: ObjectQuery,
    body: {
      content: {
        'application/json': { schema: UrlSchema },
        'multipart/form-data': { schema: z.object({ file: z.any().optional().openapi({ type: 'string', format: 'binary' }), description: EvidenceDescriptionSchema, validUntil: ValidUntilField }) },
      },
      required: true,
    },
  },
  responses: {
    201: { description: 'Added', content: { 'application/json': { schema: EvidenceSchema } } },
    400: errorResponse('Invalid link, file type or object id'),
    404: errorResponse("Not in the object's scope"),
    413: errorResponse('File too large'),
  },
});

const EvidenceParams = KovMeasureParams.extend({ id: z.coerce.number().int().positive().openapi({ param: { name: 'id', in: 'path' } }) });

const removeRoute = createRoute({
  method: 'delete',
  path: '/kovs/{ehak}/measures/{measureId}/evidence/{id}',
  tags: ['tracker'],
  summary: 'Remove evidence: it leaves the list and its file is no longer served, but stays in the history with who removed it and when',
  request: { params: EvidenceParams, query: ObjectQuery },
  responses: { 204: { description: 'Removed' }, 403: errorResponse('Read-only access'), 404: errorResponse('No such evidence (or removed already)') },
});

const fileRoute = createRoute({
  method: 'get',
  path: '/kovs/{ehak}/measures/{measureId}/evidence/{id}/file',
  tags: ['tracker'],
  summary: 'Download an evidence file (as an attachment)',
  request: { params: EvidenceParams, query: ObjectQuery },
  responses: { 200: { description: 'The file, with the type it was stored as', content: { '*/*': { schema: BinaryFile } } }, 404: errorResponse('No such file') },
});

export function evidenceRoutes() {
  return createRouter()
    .openapi(listRoute, (c) => {
      const { ehak, measureId } = c.req.valid('param');
      const db = c.get('db');
      const scope = measureInScope(db, ehak, measureId, objectOf(c.req.valid('query')));
      if (!scope) throw notFound('Seda meedet selle objekti ulatuses ei ole.');
      return c.json(listEvidence(db, ehak, scope.edition, scope.objectId, measureId), 200);
    })
    .openapi(addRoute, async (c) => {
      const { ehak, measureId } = c.req.valid('param');
      const db = c.get('db');
      const scope = measureInScope(db, ehak, measureId, objectOf(c.req.valid('query')));
      if (!scope) throw notFound('Seda meedet selle objekti ulatuses ei ole.');
      const target = { ehak, edition: scope.edition, objectId: scope.objectId, measureId };
      const type = (c.req.header('content-type') ?? '').toLowerCase();
      if (type.startsWith('application/json')) {
        const { url, description, validUntil } = c.req.valid('json') as { url?: string; description?: string | null; validUntil?: string | null };
        if (!url) throw new ApiError(400, 'validation_failed', 'Sisendis on vigu.', [{ path: 'url', message: 'Lisa link.' }]);
        return c.json(addUrlEvidence(db, target, { url, description, validUntil }, actorOf(c)), 201);
      }
      const form = await c.req.parseBody();
      const file = form['file'];
      if (!(file instanceof File)) throw new ApiError(400, 'validation_failed', 'Sisendis on vigu.', [{ path: 'file', message: 'Lisa fail.' }]);
      const parsed = EvidenceDescriptionSchema.safeParse(typeof form['description'] === 'string' ? form['description'] : null);
      if (!parsed.success) throw new ApiError(400, 'validation_failed', 'Sisendis on vigu.', [{ path: 'description', message: parsed.error.issues[0]!.message }]);
      const validUntil = ValidUntilField.safeParse(typeof form['validUntil'] === 'string' && form['validUntil'] !== '' ? form['validUntil'] : null);
      if (!validUntil.success) throw new ApiError(400, 'validation_failed', 'Sisendis on vigu.', [{ path: 'validUntil', message: validUntil.error.issues[0]!.message }]);
      if (file.size > MAX_EVIDENCE_BYTES) throw new ApiError(413, 'payload_too_large', 'Fail on liiga suur (lubatud kuni 10 MB).');
      const bytes = new Uint8Array(await file.arrayBuffer());
      const contentType = evidenceContentType(bytes);
      if (!contentType) {
        throw new ApiError(400, 'unsupported_file_type', 'Faili sisu ei vasta ühelegi lubatud tüübile (PDF, PNG, JPEG, DOCX, XLSX, ODT, ODS, tekst).');
      }
      const evidence = addFileEvidence(db, c.get('config').filesPath, target, { name: file.name, bytes, contentType, description: parsed.data, validUntil: validUntil.data }, actorOf(c));
      return c.json(evidence, 201);
    })
    .openapi(removeRoute, (c) => {
      const { ehak, measureId, id } = c.req.valid('param');
      const db = c.get('db');
      const scope = measureInScope(db, ehak, measureId, objectOf(c.req.valid('query')));
      if (!scope || !removeEvidence(db, { ehak, edition: scope.edition, objectId: scope.objectId, measureId }, id, actorOf(c))) throw notFound('Tõendit ei leitud.');
      return c.body(null, 204);
    })
    .openapi(fileRoute, (c) => {
      const { ehak, measureId, id } = c.req.valid('param');
      const db = c.get('db');
      const scope = measureInScope(db, ehak, measureId, objectOf(c.req.valid('query')));
      const found = scope && getEvidenceFile(db, ehak, scope.objectId, measureId, id);
      if (!found) throw notFound('Faili ei leitud.');
      const bytes = readStoredFile(c.get('config').filesPath, found.storageKey);
      const ascii = found.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
      return c.body(new Uint8Array(bytes), 200, {
        'Content-Type': found.contentType,
        'Content-Length': String(bytes.length),
        'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(found.fileName)}`,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'private, no-store',
      });
    });
}
