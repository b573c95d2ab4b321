import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { serve, type ServerType } from '@hono/node-server';
import { loadConfig, ConfigError, type AppConfig } from './config.ts';
import { openDatabase, type Db } from './db/database.ts';
import { SchemaTooNewError } from './db/migrate.ts';
import { createMailSender } from './mail/sender.ts';
import { createNotificationScheduler } from './notifications/scheduler.ts';
import { createSiteApp } from './site.ts';

export interface RunningServer {
  server: ServerType;
  port: number;
  close(): Promise<void>;
}

/** The path of an absolute request URL without its query: what the log needs, without a URL parse. */
export function pathOf(url: string): string {
  const start = url.indexOf('/', url.indexOf('//') + 2);
  if (start < 0) return '/';
  const query = url.indexOf('?', start);
  return query < 0 ? url.slice(start) : url.slice(start, query);
}

const toStdout = (line: string) => void process.stdout.write(line + '\n');

/**
 * Starts the HTTP server; resolves once it listens. Each request is logged as one JSON line
 * (to stdout unless `log` says otherwise; false: no log). With SMTP_URL set the mail sender polls
 * the outbox until close(); without it mail stays in the outbox (the admin's "Saatmata kirjad").
 * The notification scheduler queues reminders and digests at start and every 15 minutes until close().
 */
export function startServer(config: AppConfig, db: Db, options: { log?: ((line: string) => void) | false } = {}): Promise<RunningServer> {
  const site = createSiteApp({ db, config });
  const log = options.log ?? toStdout;
  const mail = config.smtpUrl ? createMailSender({ db, smtpUrl: config.smtpUrl, from: config.mailFrom }) : null;
  const scheduler = createNotificationScheduler({ db, publicOrigin: config.publicOrigin });
  const fetch = async (req: Request, env: unknown) => {
    const started = performance.now();
    const res = await site.fetch(req, env);
    if (log) {
      log(
        JSON.stringify({
          time: new Date().toISOString(),
          requestId: res.headers.get('x-request-id') ?? undefined,
          method: req.method,
          path: pathOf(req.url),
          status: res.status,
          ms: Math.round((performance.now() - started) * 10) / 10,
        }),
      );
    }
    return res;
  };
  return new Promise((resolve, reject) => {
    const server = serve(
      {
        fetch,
        port: config.port,
        hostname: config.host,
      },
      (info) => {
        mail?.start();
        scheduler.start();
        resolve({
          server,
          port: info.port,
          close: () =>
            new Promise<void>((done) => {
              // Stops accepting, lets in-flight requests and a delivery in progress finish, then closes the database.
              scheduler.stop();
              server.close(() => {
                void (mail ? mail.stop() : Promise.resolve()).finally(() => {
                  db.close();
                  done();
                });
              });
              if ('closeIdleConnections' in server) server.closeIdleConnections();
            }),
        });
      },
    );
    server.once('error', reject);
    // Requests that take longer than this are cut off rather than holding a connection forever.
    if ('requestTimeout' in server) server.requestTimeout = 30_000;
  });
}

/** Reads the environment, opens the database and serves until SIGTERM/SIGINT. */
export async function main(): Promise<void> {
  let config: AppConfig;
  let db: Db;
  try {
    config = loadConfig();
    db = openDatabase(config.databasePath);
  } catch (err) {
    if (err instanceof ConfigError || err instanceof SchemaTooNewError) {
      console.error(`Turvarada ei käivitu: ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
  const running = await startServer(config, db).catch((err: NodeJS.ErrnoException) => {
    console.error(`Turvarada ei käivitu: ${err.code === 'EADDRINUSE' ? `port ${config.port} on juba kasutusel` : err.message}`);
    process.exit(1);
  });
  console.error(`Turvarada töötab: http://${config.host}:${running.port}/ (API: /api/health)`);
  if (!config.smtpUrl) console.error('E-post: SMTP_URL puudub, kirjad jäävad väljasaatmise järjekorda (haldus: /haldus/kirjad/).');
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.error(`${signal}: lõpetan pooleliolevad päringud ja sulgen andmebaasi…`);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    void running.close().then(() => process.exit(0));
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) void main();
