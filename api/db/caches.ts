// Every cache that keeps database data in memory, with what invalidates it: one list, held against
// the triggers in sqlite_master and against the tables each cache's loader really reads
// (api/db/caches.test.ts). A new table a cache reads needs a trigger and an entry here.
import type { Db } from './database.ts';
import { prepared } from './statements.ts';

export type Epoch = 'auth_epoch' | 'reference_epoch';

export interface CacheDeclaration {
  name: string;
  /** Where the cache lives. */
  module: string;
  /** The one-row table the cache compares on every use; triggers on `tables` move it. null: not trigger-driven. */
  epoch: Epoch | null;
  /** The tables whose every insert, update and delete must empty the cache. */
  tables: readonly string[];
  invalidation: string;
}

export const CACHES: readonly CacheDeclaration[] = [
  {
    name: 'validated sessions',
    module: 'api/auth/session-cache.ts',
    epoch: 'auth_epoch',
    tables: ['session', 'app_user', 'user_kov'],
    invalidation: 'auth_epoch moves (migration 008)',
  },
  {
    name: 'tracker reference: municipalities, their scopes and target objects, catalogue facts, module groups, solution models and where they are delivered',
    module: 'api/tracker/reference.ts',
    epoch: 'reference_epoch',
    tables: ['kov', 'kov_scope', 'catalog_group', 'catalog_module', 'catalog_measure', 'catalog_profile', 'catalog_profile_measure', 'catalog_profile_unclassified', 'target_object', 'target_object_dependency', 'target_object_module', 'solution_model', 'solution_statement', 'solution_model_kov'],
    invalidation: 'reference_epoch moves (migrations 009, 010, 018, 023, 024)',
  },
  {
    name: "a municipality's progress and the ELVL overview",
    module: 'api/db/statements.ts (memoUntilWrite)',
    epoch: null,
    tables: [],
    invalidation: 'any write by any connection: PRAGMA data_version and total_changes()',
  },
  {
    name: 'open data',
    module: 'api/exports/open-data.ts',
    epoch: null,
    tables: [],
    invalidation: 'after 5 minutes, the time clients may cache the answer (built from the overview)',
  },
];

const EPOCH = {
  auth_epoch: prepared<[], number>('SELECT n FROM auth_epoch WHERE id = 1'),
  reference_epoch: prepared<[], number>('SELECT n FROM reference_epoch WHERE id = 1'),
};

/** The epoch's current value (one row read; the statements are plucked). */
export function epochOf(db: Db, epoch: Epoch): number {
  return EPOCH[epoch](db).pluck().get()!;
}
