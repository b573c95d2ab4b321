// `npm start`: build the site if it is missing or stale, migrate, seed, serve.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, loadConfig, ROOT_DIR } from '../api/config.ts';
import { openDatabase } from '../api/db/database.ts';
import { SchemaTooNewError } from '../api/db/migrate.ts';
import { startServer } from '../api/server.ts';
import { hasUsers, seedDemo, seedReference } from './seed/index.ts';

const SOURCES = ['site', 'content', 'data', 'astro.config.mjs', 'content.config.ts', 'package.json'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'runtime' || entry === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

function siteIsStale(distDir: string): boolean {
  const index = join(distDir, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return SOURCES.some((s) => newestMtime(join(ROOT_DIR, s)) > built);
}

async function main() {
  const config = (() => {
    try {
      return loadConfig();
    } catch (err) {
      if (err instanceof ConfigError) {
        console.error(`Turvarada ei käivitu: ${err.message}`);
        process.exit(1);
      }
      throw err;
    }
  })();
  if (siteIsStale(config.distDir)) {
    console.error('Ehitan teadmusbaasi (npm run build)…');
    const result = spawnSync('npm', ['run', 'build'], { cwd: ROOT_DIR, stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', TURVARADA_OUT_DIR: config.distDir } });
    if (result.status !== 0) {
      console.error('Saidi ehitamine ebaõnnestus; vaata ülalolevat väljundit.');
      process.exit(1);
    }
  }
  let db;
  try {
    db = openDatabase(config.databasePath);
  } catch (err) {
    if (err instanceof SchemaTooNewError) {
      console.error(`Turvarada ei käivitu: ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
  const log = (line: string) => console.error(line);
  seedReference(db, log);
  if (!hasUsers(db)) {
    if (config.production) {
      console.error('Kasutajaid pole (tootmisrežiimis näidiskontosid ei looda). Loo esimene administraator:');
      console.error('  npm run cli -- users create --email sina@example.ee --name "Sinu Nimi" --role admin');
      console.error('Käsk prindib ühekordse parooli seadmise lingi (kehtib 72 tundi); ava see brauseris ja vali parool.');
      console.error('Või anna parool kohe: lisa --password-stdin ja sisesta parool (vähemalt 12 märki) standardsisendisse.');
    } else {
      console.error('Tühi andmebaas: laadin näidisandmed (demorežiim).');
      await seedDemo(db, log);
    }
  }
  const running = await startServer(config, db);
  console.error(`Turvarada töötab: ${config.publicOrigin}/`);
  const stop = () => void running.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

void main();
