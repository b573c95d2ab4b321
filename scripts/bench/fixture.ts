// The full-scale database, built once and cached in bench/tmp (keyed by the seeder, the
// migrations and the shipped catalogue) so re-running the benchmark skips the ~1M-row seed.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT_DIR } from '../../api/config.ts';
import { createSession } from '../../api/auth/sessions.ts';
import { openDatabase, type Db } from '../../api/db/database.ts';
import { seedScale } from '../seed/scale.ts';
import { log } from './lib.ts';

export const BENCH_TMP = join(ROOT_DIR, 'bench', 'tmp');
const PRISTINE = join(BENCH_TMP, 'scale-pristine.db');
const KEY_FILE = join(BENCH_TMP, 'scale-pristine.key');

function fixtureKey(): string {
  const h = createHash('sha256');
  for (const f of ['scale.ts', 'scale-objects.ts']) h.update(readFileSync(join(ROOT_DIR, 'scripts/seed', f)));
  const migrations = join(ROOT_DIR, 'api/db/migrations');
  for (const f of readdirSync(migrations).sort()) h.update(f).update(readFileSync(join(migrations, f)));
  const catalog = join(ROOT_DIR, 'data/catalog');
  if (existsSync(catalog)) for (const f of readdirSync(catalog).sort()) h.update(f);
  return h.digest('hex');
}

/** Builds (or reuses) the pristine scale database; returns the seed time when it was built. */
export function ensureScaleFixture(): { built: boolean; seedMs: number | null } {
  mkdirSync(BENCH_TMP, { recursive: true });
  const key = fixtureKey();
  if (existsSync(PRISTINE) && existsSync(KEY_FILE) && readFileSync(KEY_FILE, 'utf8') === key) {
    log('scale fixture: reusing bench/tmp/scale-pristine.db');
    return { built: false, seedMs: null };
  }
  for (const suffix of ['', '-wal', '-shm']) rmSync(PRISTINE + suffix, { force: true });
  log('scale fixture: seeding 79 KOVs, 1 000 000 history rows, 12 snapshots …');
  const db = openDatabase(PRISTINE);
  const { ms } = seedScale(db, log);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  writeFileSync(KEY_FILE, key);
  return { built: true, seedMs: ms };
}

/** A private working copy of the fixture (writes in one benchmark do not leak into another). */
export function workingCopy(name: string): string {
  const path = join(BENCH_TMP, `${name}.db`);
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  copyFileSync(PRISTINE, path);
  return path;
}

/** A user with a session, straight in the database (no login flow); returns the cookie value and id. */
export function addUser(db: Db, role: string, kovs: string[] = []): { token: string; id: number } {
  const email = `bench-${role}-${Math.random().toString(36).slice(2, 8)}@bench.invalid`;
  const id = Number(db.prepare('INSERT INTO app_user (email, name, role) VALUES (?, ?, ?)').run(email, `Bench ${role}`, role).lastInsertRowid);
  for (const k of kovs) db.prepare('INSERT INTO user_kov (user_id, ehak) VALUES (?, ?)').run(id, k);
  return { token: createSession(db, id).token, id };
}
