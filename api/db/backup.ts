import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import type { Db } from './database.ts';
import { latestSchemaVersion } from './migrate.ts';

export class BackupError extends Error {}

/**
 * Online backup through SQLite's backup API: consistent even while the server keeps writing,
 * because pages changed during the copy make SQLite restart the affected steps.
 */
export async function backupDatabase(db: Db, targetPath: string): Promise<{ pages: number }> {
  if (existsSync(targetPath)) throw new BackupError(`sihtfail on juba olemas: ${targetPath} (vali uus nimi, varukoopiaid ei kirjutata üle)`);
  const result = await db.backup(targetPath);
  return { pages: result.totalPages };
}

/** Checks that a file is an intact Turvarada database this version can run. */
export function verifyBackup(path: string): { schemaVersion: number } {
  if (!existsSync(path)) throw new BackupError(`faili ei ole: ${path}`);
  let src: Database.Database;
  try {
    src = new Database(path, { readonly: true, fileMustExist: true });
  } catch (err) {
    throw new BackupError(`fail ei ole SQLite andmebaas: ${(err as Error).message}`);
  }
  try {
    let integrity: unknown;
    try {
      integrity = src.pragma('integrity_check', { simple: true });
    } catch (err) {
      throw new BackupError(`fail ei ole SQLite andmebaas: ${(err as Error).message}`);
    }
    if (integrity !== 'ok') throw new BackupError(`varukoopia terviklikkuse kontroll ebaõnnestus: ${String(integrity)}`);
    const version = src.pragma('user_version', { simple: true }) as number;
    if (version < 1) throw new BackupError('fail ei ole Turvarada andmebaas (skeemi versioon puudub)');
    if (version > latestSchemaVersion()) {
      throw new BackupError(`varukoopia skeemi versioon ${version} on uuem kui see rakendus (${latestSchemaVersion()})`);
    }
    return { schemaVersion: version };
  } finally {
    src.close();
  }
}

/**
 * Restores a verified backup into the database at `targetPath` through the backup API, so the
 * target is replaced page by page under SQLite's own locking (never a half-copied file).
 */
export async function restoreDatabase(sourcePath: string, targetPath: string): Promise<{ schemaVersion: number }> {
  const { schemaVersion } = verifyBackup(sourcePath);
  const src = new Database(sourcePath, { readonly: true, fileMustExist: true });
  try {
    await src.backup(targetPath);
  } finally {
    src.close();
  }
  return { schemaVersion };
}

/** A content checksum over every table (rows in primary-key order): equal checksums, equal data. */
export function databaseChecksum(db: Db, options: { exclude?: string[] } = {}): string {
  const hash = createHash('sha256');
  const tables = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  for (const table of tables) {
    if (options.exclude?.includes(table)) continue;
    const pk = (db.prepare(`SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk`).pluck().all(table) as string[]);
    const order = pk.length ? pk.map((c) => `"${c}"`).join(', ') : 'rowid';
    hash.update(`\u0000${table}\u0000`);
    for (const row of db.prepare(`SELECT * FROM "${table}" ORDER BY ${order}`).raw().iterate()) {
      hash.update(JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : typeof v === 'bigint' ? v.toString() : v)));
    }
  }
  return hash.digest('hex');
}

/** Row counts per table, for restore reports. */
export function rowCounts(db: Db): Record<string, number> {
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number]));
}
