// Small facts about this installation (table app_meta), e.g. when demo data was loaded.
import type { Db } from '../db/database.ts';
import { prepared } from '../db/statements.ts';

export interface AppMetaRow {
  key: string;
  value: string;
}

const GET = prepared<[string], AppMetaRow>('SELECT key, value FROM app_meta WHERE key = ?');
const SET = prepared<[string, string], unknown>('INSERT OR REPLACE INTO app_meta (key, value) VALUES (?, ?)');

export const metaValue = (db: Db, key: string): string | undefined => GET(db).get(key)?.value;

export const setMetaValue = (db: Db, key: string, value: string): void => void SET(db).run(key, value);

/** The key the demo seeder sets; GET /api/meta answers `demo: true` while it is there. */
export const DEMO_SEEDED_AT = 'demo_seeded_at';
