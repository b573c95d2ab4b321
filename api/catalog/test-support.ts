import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { Db } from '../db/database.ts';

export { eitsFile as sharedFile } from '../../tests/helpers/eits-data.ts';
export const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

const TABLES = ['catalog_edition', 'catalog_group', 'catalog_module', 'catalog_measure', 'catalog_threat', 'catalog_profile', 'catalog_profile_measure'];

/** A digest of every catalogue table and the audit log size: equal digests = nothing changed. */
export function catalogChecksum(db: Db): string {
  const hash = createHash('sha256');
  for (const t of TABLES) hash.update(t + JSON.stringify(db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all()));
  hash.update(String(db.prepare('SELECT count(*) FROM audit_log').pluck().get()));
  return hash.digest('hex');
}

export const count = (db: Db, sql: string, ...params: unknown[]) => db.prepare(sql).pluck().get(...params) as number;
