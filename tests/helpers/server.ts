import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testConfig, type AppConfig } from '../../api/config.ts';
import { openDatabase, type Db } from '../../api/db/database.ts';
import { startServer, type RunningServer } from '../../api/server.ts';
import { seedReference } from '../../scripts/seed/index.ts';

export interface TestServer {
  url: string;
  db: Db;
  config: AppConfig;
  close(): Promise<void>;
}

/**
 * Starts the real HTTP server (the same code `npm run serve` runs) on a free loopback port over a
 * temporary database with reference data, serving the built site from dist/.
 */
export async function startTestServer(
  options: { prepare?: (db: Db) => void | Promise<void>; distDir?: string; log?: (line: string) => void } = {},
): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'turvarada-srv-'));
  const db = openDatabase(join(dir, 'test.db'));
  seedReference(db);
  await options.prepare?.(db);
  // The build under test: the directory TURVARADA_OUT_DIR sent `astro build` to, else dist/.
  const distDir = options.distDir ?? process.env['TURVARADA_OUT_DIR'];
  const config = testConfig({ port: 0, databasePath: join(dir, 'test.db'), filesPath: join(dir, 'files'), ...(distDir ? { distDir } : {}) });
  const running: RunningServer = await startServer(config, db, { log: options.log ?? false });
  const url = `http://127.0.0.1:${running.port}`;
  config.publicOrigin = url;
  return { url, db, config, close: () => running.close() };
}
