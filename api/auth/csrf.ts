import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../lib/context.ts';
import { ApiError } from '../lib/errors.ts';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cross-site request protection for mutating API requests: a present Origin must be ours,
 * and bodies must be JSON or multipart, which a plain cross-site HTML form cannot send
 * without a CORS preflight (multipart is still Origin-checked).
 */
export const csrfGuard = createMiddleware<AppEnv>(async (c, next) => {
  if (SAFE.has(c.req.method)) return next();
  const origin = c.req.header('origin');
  if (origin !== undefined && origin !== c.get('config').publicOrigin) {
    throw new ApiError(403, 'csrf_origin', 'Päring tuli võõralt lehelt ja lükati tagasi.');
  }
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  const hasBody = c.req.header('content-length') !== undefined && c.req.header('content-length') !== '0';
  if ((hasBody || type !== '') && type !== 'application/json' && type !== 'multipart/form-data') {
    throw new ApiError(415, 'unsupported_media_type', 'Päringu keha peab olema JSON (application/json) või multipart/form-data.');
  }
  await next();
});
