import { OpenAPIHono } from '@hono/zod-openapi';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { csrfGuard } from './auth/csrf.ts';
import { sessionMiddleware } from './auth/session-middleware.ts';
import type { AppConfig } from './config.ts';
import type { Db } from './db/database.ts';
import type { AppEnv } from './lib/context.ts';
import { ApiError, errorBody } from './lib/errors.ts';
import { APP_VERSION } from './lib/version.ts';
import { MAX_BUFFERED_BYTES } from './body-limits.ts';
import { requestBodies } from './request-body.ts';
import { mountDomainRoutes } from './routes.ts';
import { apiNoStore } from './security-headers.ts';

export interface AppDeps {
  db: Db;
  config: AppConfig;
}

/** The one app factory: the whole API over the given database. Tests pass an in-memory database. */
export function createApp({ db, config }: AppDeps) {
  const app = new OpenAPIHono<AppEnv>({ strict: true });
  // Outermost, so every API answer passes it, errors and refusals included.
  app.use('/api/*', apiNoStore);

  app.use('*', async (c, next) => {
    c.set('db', db);
    c.set('config', config);
    const requestId =
      c.req
        .header('x-request-id')
        ?.replace(/[^\w.-]/g, '')
        .slice(0, 64) || crypto.randomUUID();
    c.set('requestId', requestId);
    await next();
    c.res.headers.set('X-Request-Id', requestId);
  });
  app.use('/api/*', sessionMiddleware);
  app.use('/api/*', csrfGuard);
  // After the session: the limit depends on who asks, and an anonymous upload is refused unread.
  app.use('/api/*', requestBodies(MAX_BUFFERED_BYTES));

  const api = new OpenAPIHono<AppEnv>();
  mountDomainRoutes(api);
  app.route('/api', api);

  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Turvarada API',
      version: APP_VERSION,
      description: 'E-ITS rakendamise jälgimine ja ELVL-i eelarve',
    },
  });

  // An explicit catch-all, so the API's 404 stays JSON also when this app is mounted inside the site.
  app.all('/api/*', (c) => c.json(errorBody('not_found', 'Sellist API aadressi ei ole.'), 404));
  app.notFound((c) => c.json(errorBody('not_found', 'Sellist API aadressi ei ole.'), 404));

  app.onError((err, c) => {
    if (err instanceof ApiError) return c.json(errorBody(err.code, err.message, err.details), err.status);
    if (err instanceof HTTPException) {
      const status = err.status as ContentfulStatusCode;
      const code = status === 400 ? 'bad_request' : status === 413 ? 'payload_too_large' : 'http_error';
      const message = status === 400 ? 'Päringut ei saanud lugeda (vigane JSON või vormiandmed).' : err.message || 'Viga';
      return c.json(errorBody(code, message), status);
    }
    console.error(
      JSON.stringify({
        level: 'error',
        requestId: c.get('requestId'),
        path: c.req.path,
        error: String(err),
        stack: (err as Error).stack,
      }),
    );
    return c.json(errorBody('internal_error', 'Serveri viga. Päring on logitud.'), 500);
  });

  return app;
}

export type App = ReturnType<typeof createApp>;
