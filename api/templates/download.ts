// File downloads. User content is never rendered by the browser: always an attachment with the
// stored content type, nosniff, and a sandboxing CSP in case a browser opens it anyway.
import { createRoute, z } from '@hono/zod-openapi';
import { existsSync } from 'node:fs';
import { readStoredFile, storedFilePath } from '../files/store.ts';
import { ApiError, notFound, unauthorized } from '../lib/errors.ts';
import { createRouter, errorResponse } from '../lib/openapi.ts';
import { getVersion } from './queries.ts';

const route = createRoute({
  method: 'get',
  path: '/templates/{id}/versions/{n}/file',
  tags: ['templates'],
  summary: 'Download a version’s file (approved versions are public, others need sign-in)',
  request: {
    params: z.object({
      id: z.coerce.number().int().positive().openapi({ param: { name: 'id', in: 'path' } }),
      n: z.coerce.number().int().positive().openapi({ param: { name: 'n', in: 'path' } }),
    }),
  },
  responses: {
    200: { description: 'The file, as an attachment', content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } } },
    401: errorResponse('Not signed in (version not approved)'),
    404: errorResponse('No such version or file'),
  },
});

/** RFC 6266/5987 Content-Disposition with an ASCII fallback name and the exact UTF-8 name. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.normalize('NFKD').replace(/[^\x20-\x7e]/g, '').replace(/["\\;]/g, '_') || 'fail';
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (ch) => '%' + ch.charCodeAt(0).toString(16).toUpperCase());
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

export function templateDownloadRoutes() {
  return createRouter().openapi(route, (c) => {
    const { id, n } = c.req.valid('param');
    const v = getVersion(c.get('db'), id, n);
    if (!v) throw notFound('Versiooni ei leitud.');
    if (v.status !== 'approved' && !c.get('user')) throw unauthorized();
    const filesPath = c.get('config').filesPath;
    if (!existsSync(storedFilePath(filesPath, v.storage_key))) throw new ApiError(404, 'file_missing', 'Faili ei leitud failihoidlast.');
    const bytes = readStoredFile(filesPath, v.storage_key);
    c.header('Content-Type', v.content_type);
    c.header('Content-Disposition', contentDisposition(v.file_name));
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Content-Security-Policy', "sandbox; default-src 'none'");
    c.header('Cache-Control', v.status === 'approved' ? 'public, max-age=300' : 'private, no-store');
    c.header('ETag', `"${v.sha256}"`);
    return c.body(new Uint8Array(bytes), 200) as never;
  });
}
