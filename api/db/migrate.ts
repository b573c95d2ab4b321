import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type Database from 'better-sqlite3';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Migrations are `NNN_name.sql` files; NNN is the schema version they produce. */
export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const migrations = readdirSync(dir)
    .filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 3)), name: f, sql: readFileSync(dir + f, 'utf8') }));
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migration numbering gap at ${m.name}: expected ${i + 1}`);
  });
  return migrations;
}

export function latestSchemaVersion(): number {
  return loadMigrations().length;
}

export class SchemaTooNewError extends Error {}

/** Applies every pending migration, each in its own transaction, tracked in PRAGMA user_version. */
export function migrate(db: Database.Database): { from: number; to: number } {
  const migrations = loadMigrations();
  const from = db.pragma('user_version', { simple: true }) as number;
  if (from > migrations.length) {
    throw new SchemaTooNewError(
      `Andmebaasi skeemi versioon ${from} on uuem kui see rakendus tunneb (${migrations.length}). Uuenda rakendust.`,
    );
  }
  for (const m of migrations.slice(from)) {
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
  return { from, to: migrations.length };
}
