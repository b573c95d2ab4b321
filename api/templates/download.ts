// File downloads and previews. User content is never rendered by the browser: the file is always an
// attachment with the stored content type, nosniff, and a sandboxing CSP in case a browser opens it
// anyway; the preview is JSON text blocks (preview.ts) that the page renders as text.
import { createRoute, z } from '@hono/zod-openapi';
import { existsSync } from 'node:fs';
import { readStoredFile, storedFilePath } from '../files/store.ts';
import { ApiError, notFound, unauthorized } from '../lib/errors.ts';
import { createRouter, errorResponse } from '../lib/openapi.ts';
import { PreviewSchema } from '../contracts/templates.ts';
import { getVersion, type VersionRow } from './queries.ts';
import { previewOf } from './preview.ts';
import type { Context } from 'hono';
import type { AppEnv } from '../lib/context.ts';

const VersionParams = z.object({
  id: z.coerce.number().int().positive().openapi({ param: { name: 'id', in: 'path' } }),
  n: z.coerce.number().int().positive().openapi({ param: { name: 'n', in: 'path' } }),
});

const previewRoute = createRoute({
  method: 'get',
  path: '/templates/{id}/versions/{n}/preview',
  tags: ['templates'],
  summary: "A version's text as plain-text blocks (Markdown, ODT, DOCX); kind 'none' for PDF, spreadsheets and documents too large to inflate",
  request: { params: VersionParams },
  responses: {
    200: { description: 'The preview', content: { 'application/json': { schema: PreviewSchema } } },
    401: errorResponse('Not signed in (version not approved)'),
    404: errorResponse('No such version or file'),
  },
});

const route = createRoute({
  method: 'get',
  path: '/templates/{id}/versions/{n}/file',
  tags: ['templates'],
  summary: 'Download a version’s file (approved versions are public, others need sign-in)',
  request: { params: VersionParams },
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

/** The version and its file's bytes, with the download's access rule: approved versions are public. */
function versionFile(c: Context<AppEnv>, id: number, n: number): { v: VersionRow; bytes: Buffer } {
  const v = getVersion(c.get('db'), id, n);
  if (!v) throw notFound('Versiooni ei leitud.');
  if (v.status !== 'approved' && !c.get('user')) throw unauthorized();
  const filesPath = c.get('config').filesPath;
  if (!existsSync(storedFilePath(filesPath, v.storage_key))) throw new ApiError(404, 'file_missing', 'Faili ei leitud failihoidlast.');
  return { v, bytes: readStoredFile(filesPath, v.storage_key) };
}

export function templateDownloadRoutes() {
  return createRouter()
    .openapi(previewRoute, (c) => {
      const { id, n } = c.req.valid('param');
      const { v, bytes } = versionFile(c, id, n);
      return c.json(previewOf(new Uint8Array(bytes), v.content_type), 200);
    })
    .openapi(route, (c) => {
      const { id, n } = c.req.valid('param');
      const { v, bytes } = versionFile(c, id, n);
      c.header('Content-Type', v.content_type);
      c.header('Content-Disposition', contentDisposition(v.file_name));
      c.header('X-Content-Type-Options', 'nosniff');
      c.header('Content-Security-Policy', "sandbox; default-src 'none'");
      c.header('Cache-Control', v.status === 'approved' ? 'public, max-age=300' : 'private, no-store');
      c.header('ETag', `"${v.sha256}"`);
      return c.body(new Uint8Array(bytes), 200) as never;
    });
}
