import { Hono } from 'hono';
import { createApp, type AppDeps } from './app.ts';
import { apiCompression } from './compression.ts';
import type { AppEnv } from './lib/context.ts';
import { redirectWithinSite } from './lib/same-origin.ts';
import { securityHeaders } from './security-headers.ts';
import { createStaticHandler } from './static.ts';

/**
 * The whole product as one fetch handler: the API under /api and the built site for the rest.
 * Used by the server and by tests that need the site too.
 */
export function createSiteApp(deps: AppDeps) {
  const site = new Hono<AppEnv>({ strict: true });
  site.use('*', securityHeaders(deps.config.publicOrigin));
  // Static files come precompressed from the static handler; compress() covers API JSON and exports.
  site.use('/api/*', apiCompression);
  // API routes have no trailing slash: /api/health/ redirects to /api/health.
  site.use('/api/*', async (c, next) => {
    const path = c.req.path;
    if (path.length > 5 && path.endsWith('/') && (c.req.method === 'GET' || c.req.method === 'HEAD')) {
      return redirectWithinSite(c, path.replace(/\/+$/, '') + new URL(c.req.url).search, 301);
    }
    return next();
  });
  const api = createApp(deps);
  site.route('/', api);
  const serveStatic = createStaticHandler(deps.config.distDir);
  site.all('*', (c) => serveStatic(c));
  return site;
}
