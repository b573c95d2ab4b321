// Measures delivered centrally (tables shared_service and shared_service_kov): the one module that
// runs SQL on them. Their rows are reference data: api/tracker/reference.ts keeps them in memory.
import type { Db } from '../../db/database.ts';
import { prepared } from '../../db/statements.ts';

/** A row of shared_service. */
export interface SharedServiceRow {
  id: number;
  edition: string;
  measure_id: string;
  provider: string;
  note: string | null;
  created_by: number | null;
  created_at: string;
}

/** A row of shared_service_kov: a municipality the service delivers for. */
export interface SharedServiceKovRow {
  service_id: number;
  ehak: string;
}

const ALL = prepared<[], SharedServiceRow>('SELECT * FROM shared_service ORDER BY id');
const ALL_KOVS = prepared<[], SharedServiceKovRow>('SELECT service_id, ehak FROM shared_service_kov ORDER BY service_id, ehak');
const BY_KEY = prepared<[string, string, string], SharedServiceRow>('SELECT * FROM shared_service WHERE edition = ? AND measure_id = ? AND provider = ?');
const INSERT = prepared<[Omit<SharedServiceRow, 'id' | 'created_at'> & { created_at: string | null }], unknown>(
  `INSERT INTO shared_service (edition, measure_id, provider, note, created_by, created_at)
   VALUES (@edition, @measure_id, @provider, @note, @created_by, COALESCE(@created_at, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))`,
);
const ADD_KOV = prepared<[number, string], unknown>('INSERT INTO shared_service_kov (service_id, ehak) VALUES (?, ?)');
const DELETE = prepared<[number], unknown>('DELETE FROM shared_service WHERE id = ?');
const SET_EDITION = prepared<[string, number], unknown>('UPDATE shared_service SET edition = ? WHERE id = ?');

export const allSharedServices = (db: Db): SharedServiceRow[] => ALL(db).all();

export const allSharedServiceKovs = (db: Db): SharedServiceKovRow[] => ALL_KOVS(db).all();

export const sharedServiceByKey = (db: Db, edition: string, measureId: string, provider: string): SharedServiceRow | undefined =>
  BY_KEY(db).get(edition, measureId, provider);

/** Inserts a service with its municipalities; returns its id. `created_at` null: now. */
export function insertSharedService(db: Db, row: Omit<SharedServiceRow, 'id' | 'created_at'> & { created_at: string | null }, kovs: readonly string[]): number {
  const id = Number(INSERT(db).run(row).lastInsertRowid);
  for (const ehak of kovs) ADD_KOV(db).run(id, ehak);
  return id;
}

/** Deletes a service (its municipalities go with it: ON DELETE CASCADE). */
export const deleteSharedService = (db: Db, id: number): void => void DELETE(db).run(id);

export const moveSharedService = (db: Db, id: number, edition: string): void => void SET_EDITION(db).run(edition, id);
