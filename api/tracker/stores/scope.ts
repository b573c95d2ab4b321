// Each municipality's scope setting (table kov_scope): the one module that runs SQL on it. A
// missing row means the defaults (api/tracker/scope.ts).
import type { Approach } from '../../contracts/tracker.ts';
import type { Db } from '../../db/database.ts';
import { prepared } from '../../db/statements.ts';

/** A row of kov_scope; extra_modules is a JSON array of module ids. */
export interface KovScopeRow {
  ehak: string;
  edition: string;
  profile_name: string;
  approach: Approach;
  extra_modules: string;
  updated_by: number | null;
  updated_at: string;
}

type ScopeWrite = Omit<KovScopeRow, 'updated_at'>;

const ALL = prepared<[], KovScopeRow>('SELECT * FROM kov_scope');
const ONE = prepared<[string], KovScopeRow>('SELECT * FROM kov_scope WHERE ehak = ?');
const UPSERT = prepared<[ScopeWrite], unknown>(
  `INSERT INTO kov_scope (ehak, edition, profile_name, approach, extra_modules, updated_by, updated_at)
   VALUES (@ehak, @edition, @profile_name, @approach, @extra_modules, @updated_by, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
   ON CONFLICT (ehak) DO UPDATE SET edition = excluded.edition, profile_name = excluded.profile_name,
     approach = excluded.approach, extra_modules = excluded.extra_modules,
     updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
);
const INSERT_DEFAULT = prepared<[{ ehak: string; edition: string; profile: string; approach: Approach; actor: number | null }], unknown>(
  `INSERT INTO kov_scope (ehak, edition, profile_name, approach, updated_by) VALUES (@ehak, @edition, @profile, @approach, @actor)`,
);
const SWITCH = prepared<[{ from: string; to: string; actor: number | null }], unknown>(
  `UPDATE kov_scope SET edition = @to, updated_by = @actor, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE edition = @from`,
);

export const allScopeRows = (db: Db): KovScopeRow[] => ALL(db).all();

export const scopeRow = (db: Db, ehak: string): KovScopeRow | undefined => ONE(db).get(ehak);

/** Inserts or replaces a municipality's scope (updated now). */
export const upsertScope = (db: Db, row: ScopeWrite): void => void UPSERT(db).run(row);

/** A scope row with the given edition, profile and approach (no extra modules); for the edition migration. */
export const insertScope = (db: Db, row: { ehak: string; edition: string; profile: string; approach: Approach; actor: number | null }): void =>
  void INSERT_DEFAULT(db).run(row);

/** Moves every scope on `from` to `to`; returns how many moved. */
export const switchScopeEdition = (db: Db, from: string, to: string, actor: number | null): number => SWITCH(db).run({ from, to, actor }).changes;
