// /api/kovs/{ehak}/imports: upload a status sheet for a preview, read it, apply it, undo it; the
// column mapping saved for the municipality. The tenant check (404 for another municipality, 403
// for read-only roles on every POST) is kovScopeGuard's, mounted in api/routes.ts.
import { createRoute, z } from '@hono/zod-openapi';
import { ImportMappingSchema, ImportPreviewSchema, ImportResultSchema, SavedMappingSchema } from '../contracts/imports.ts';
import { ApiError } from '../lib/errors.ts';
import { createRouter, errorResponse } from '../lib/openapi.ts';
import { actorOf } from '../tracker/measure-routes.ts';
import { KovParams } from '../tracker/params.ts';
import { applyImport, undoImport } from './apply.ts';
import { MAX_IMPORT_BYTES } from './read-file.ts';
import { createImport, getImport, mappingOf, parseMapping } from './service.ts';

const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const ImportParams = KovParams.extend({ id: z.coerce.number().int().positive().openapi({ param: { name: 'id', in: 'path' } }) });

const createImportRoute = createRoute({
  method: 'post',
  path: '/kovs/{ehak}/imports',
  tags: ['imports'],
  summary: 'Upload a status sheet (XLSX or CSV, max 5 MB) and get its preview; nothing is written to the statuses yet',
  request: {
    params: KovParams,
    body: {
      content: {
        'multipart/form-data': {
          schema: z.object({
            file: z.any().optional().openapi({ type: 'string', format: 'binary' }),
            mapping: z.string().optional().meta({ description: 'JSON of ImportMapping, for a sheet that is not a plan export or CISO Assistant audit' }),
            saveMapping: z.string().optional().meta({ description: '"true" keeps the mapping for the municipality\'s next file' }),
          }),
        },
      },
      required: true,
    },
  },
  responses: {
    201: json(ImportPreviewSchema, 'The stored preview'),
    400: errorResponse('Unreadable, hostile or unknown file (mapping_required lists the columns)'),
    403: errorResponse('Read-only access'),
    404: errorResponse('Unknown municipality'),
    413: errorResponse('File larger than 5 MB'),
    503: errorResponse('Two spreadsheets are being read already'),
  },
});

const getImportRoute = createRoute({
  method: 'get',
  path: '/kovs/{ehak}/imports/{id}',
  tags: ['imports'],
  summary: 'An import with its preview and state',
  request: { params: ImportParams },
  responses: { 200: json(ImportPreviewSchema, 'The import'), 404: errorResponse('No such import for this municipality') },
});

const applyRoute = createRoute({
  method: 'post',
  path: '/kovs/{ehak}/imports/{id}/apply',
  tags: ['imports'],
  summary: 'Apply a previewed import, all or nothing',
  request: { params: ImportParams },
  responses: {
    200: json(ImportResultSchema, 'Applied'),
    404: errorResponse('No such import'),
    409: errorResponse('A status changed since the preview, or the import was applied already'),
    422: errorResponse('Rows are refused (details list them)'),
  },
});

const undoRoute = createRoute({
  method: 'post',
  path: '/kovs/{ehak}/imports/{id}/undo',
  tags: ['imports'],
  summary: 'Undo an applied import as one step',
  request: { params: ImportParams },
  responses: { 200: json(ImportResultSchema, 'Undone'), 404: errorResponse('No such import'), 409: errorResponse('Not applied, or a later change touched its records') },
});

const mappingRoute = createRoute({
  method: 'get',
  path: '/kovs/{ehak}/import-mapping',
  tags: ['imports'],
  summary: 'The column mapping saved for the municipality',
  request: { params: KovParams },
  responses: { 200: json(SavedMappingSchema, 'The mapping, or null'), 404: errorResponse('Unknown municipality') },
});

const text = (v: unknown) => (typeof v === 'string' ? v : null);

export function importRoutes() {
  return createRouter()
    .openapi(createImportRoute, async (c) => {
      const { ehak } = c.req.valid('param');
      const form = await c.req.parseBody();
      const file = form['file'];
      if (!(file instanceof File)) throw new ApiError(400, 'validation_failed', 'Sisendis on vigu.', [{ path: 'file', message: 'Lisa fail.' }]);
      if (file.size > MAX_IMPORT_BYTES) throw new ApiError(413, 'payload_too_large', 'Fail on liiga suur (lubatud kuni 5 MB).');
      const mapping = parseMapping(text(form['mapping']));
      const bytes = new Uint8Array(await file.arrayBuffer());
      const preview = await createImport(c.get('db'), ehak, { name: file.name, bytes, mapping, saveMapping: text(form['saveMapping']) === 'true' }, actorOf(c));
      return c.json(preview, 201);
    })
    .openapi(getImportRoute, (c) => {
      const { ehak, id } = c.req.valid('param');
      return c.json(getImport(c.get('db'), ehak, id), 200);
    })
    .openapi(applyRoute, (c) => {
      const { ehak, id } = c.req.valid('param');
      return c.json(applyImport(c.get('db'), ehak, id, actorOf(c)), 200);
    })
    .openapi(undoRoute, (c) => {
      const { ehak, id } = c.req.valid('param');
      return c.json(undoImport(c.get('db'), ehak, id, actorOf(c)), 200);
    })
    .openapi(mappingRoute, (c) => {
      const { ehak } = c.req.valid('param');
      const mapping = mappingOf(c.get('db'), ehak);
      return c.json({ mapping: mapping ? ImportMappingSchema.parse(mapping) : null }, 200);
    });
}
