import { basename } from 'node:path';
import { recordAudit } from '../../audit/record.ts';
import { inTransaction, type Db } from '../../db/database.ts';
import { sortKey, type Priority } from '../ids.ts';
import { measureIdsOf } from '../store.ts';
import { editionExists } from '../stores/editions.ts';
import { deleteProfileMeasure, dropUnclassified, ensureProfile, insertProfileMeasure, measuresOfProfile, updateProfileMeasure } from '../stores/profiles.ts';
import { CatalogInputError } from './bundle.ts';
import { parseProfileRows } from './profile-file.ts';
import { readJsonFile } from './read.ts';

export interface ProfileSummary {
  profile: string;
  edition: string;
  byPriority: Record<Priority, number>;
  inserted: number;
  updated: number;
  removed: number;
  /** Ids with a priority in the file that the edition does not have (reported, not invented). */
  missing: string[];
}

/**
 * Sets a named profile of an edition to exactly the given priorities (measure id → P1/P2/P3).
 * Ids unknown to the edition are returned in `missing`; measures no longer listed are removed.
 * Caller holds the transaction.
 */
export function applyProfile(db: Db, edition: string, name: string, priorities: Map<string, Priority>): Omit<ProfileSummary, 'profile' | 'edition'> {
  if (!editionExists(db, edition)) {
    throw new CatalogInputError(`väljaannet ${edition} ei ole andmebaasis; impordi enne kataloog (catalog import)`);
  }
  const profileId = ensureProfile(db, edition, name);
  const known = new Set(measureIdsOf(db, edition));
  const current = new Map(measuresOfProfile(db, profileId).map((r) => [r.measureId, r.priority]));
  const out = { byPriority: { P1: 0, P2: 0, P3: 0 }, inserted: 0, updated: 0, removed: 0, missing: [] as string[] };
  for (const [id, priority] of priorities) {
    if (!known.has(id)) {
      out.missing.push(id);
      continue;
    }
    out.byPriority[priority]++;
    dropUnclassified(db, profileId, id);
    const had = current.get(id);
    if (had === undefined) {
      insertProfileMeasure(db, profileId, edition, id, priority);
      out.inserted++;
    } else if (had !== priority) {
      updateProfileMeasure(db, profileId, id, priority);
      out.updated++;
    }
  }
  for (const id of current.keys()) {
    if (!priorities.has(id)) {
      deleteProfileMeasure(db, profileId, id);
      out.removed++;
    }
  }
  out.missing.sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1));
  return out;
}

export interface ProfileImportOptions {
  file: string;
  /** Column of the table holding this profile's priorities, e.g. 'kov'. */
  column: string;
  name: string;
  edition: string;
  actorId?: number | null;
}

/** Imports one priority column of a profile table (profile_combo_250107.json) as a named profile. */
export function importProfile(db: Db, options: ProfileImportOptions): ProfileSummary {
  const file = basename(options.file);
  const name = options.name.trim();
  if (name === '' || name.length > 60) throw new CatalogInputError('profiili nimi peab olema 1–60 märki');
  const rows = parseProfileRows(readJsonFile(options.file), file, options.column);
  const priorities = new Map<string, Priority>();
  for (const r of rows) {
    const p = r.columns[options.column];
    if (p) priorities.set(r.measure, p as Priority);
  }
  return inTransaction(db, () => {
    const result = applyProfile(db, options.edition, name, priorities);
    if (result.inserted + result.updated + result.removed > 0) {
      recordAudit(db, {
        actorId: options.actorId ?? null,
        action: 'catalog.profile.import',
        entity: 'catalog_profile',
        entityId: `${options.edition}/${name}`,
        newValue: { file, column: options.column, ...result.byPriority, missing: result.missing.length },
      });
    }
    return { profile: name, edition: options.edition, ...result };
  });
}
