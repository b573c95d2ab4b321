// A municipality's scope: which catalogue edition, profile and security approach it works to, and
// its extra modules. Which measures that takes is scope-rule.ts's; this module reads and changes
// the setting (stores/scope.ts) and answers GET/PUT /api/kovs/{ehak}/scope.
import { recordAudit, type Actor } from '../audit/record.ts';
import { moduleExists } from '../catalog/store.ts';
import { profileExists } from '../catalog/stores/profiles.ts';
import type { Approach, ScopeAnswer } from '../contracts/tracker.ts';
import { inTransaction, type Db } from '../db/database.ts';
import { ApiError } from '../lib/errors.ts';
import { scopeOf } from './reference.ts';
import { DEFAULT_APPROACH, DEFAULT_EDITION, DEFAULT_PROFILE } from './scope-rule.ts';
import { scopeRow, upsertScope } from './stores/scope.ts';

export { APPROACHES, type Approach } from '../contracts/tracker.ts';
export { DEFAULT_APPROACH, DEFAULT_EDITION, DEFAULT_PROFILE } from './scope-rule.ts';

export type KovScope = Omit<ScopeAnswer, 'measureCount'>;

export function getScope(db: Db, ehak: string): KovScope {
  const row = scopeRow(db, ehak);
  if (!row) {
    return { ehak, edition: DEFAULT_EDITION, profileName: DEFAULT_PROFILE, approach: DEFAULT_APPROACH, extraModules: [], isDefault: true, updatedAt: null };
  }
  return {
    ehak,
    edition: row.edition,
    profileName: row.profile_name,
    approach: row.approach,
    extraModules: JSON.parse(row.extra_modules) as string[],
    isDefault: false,
    updatedAt: row.updated_at,
  };
}

/** The scope with the number of measures it takes (the answer of GET and PUT …/scope). */
export function scopeAnswer(db: Db, ehak: string): ScopeAnswer {
  return { ...getScope(db, ehak), measureCount: scopeOf(db, ehak)?.entries.length ?? 0 };
}

export interface ScopeSetting {
  edition: string;
  profileName: string;
  approach: Approach;
  extraModules: string[];
}

/** Saves a scope (insert or replace). Call inside a transaction; the caller records the audit entry. */
export function saveScope(db: Db, ehak: string, scope: ScopeSetting, actorId: number | null): void {
  upsertScope(db, { ehak, edition: scope.edition, profile_name: scope.profileName, approach: scope.approach, extra_modules: JSON.stringify(scope.extraModules), updated_by: actorId });
}

/** Changes approach, profile or extra modules (the edition changes only by `catalog migrate`), with an audit entry. */
export function changeScope(db: Db, ehak: string, body: { approach: Approach; profileName?: string; extraModules?: string[] }, actor: Actor): void {
  inTransaction(db, () => {
    const old = getScope(db, ehak);
    const next: ScopeSetting = {
      edition: old.edition,
      profileName: body.profileName ?? old.profileName,
      approach: body.approach,
      extraModules: [...new Set(body.extraModules ?? old.extraModules)],
    };
    const details: Array<{ path: string; message: string }> = [];
    if (!profileExists(db, next.edition, next.profileName)) details.push({ path: 'profileName', message: `Väljaandes ${next.edition} pole profiili „${next.profileName}”.` });
    for (const m of next.extraModules) if (!moduleExists(db, next.edition, m)) details.push({ path: 'extraModules', message: `Moodulit ${m} pole väljaandes ${next.edition}.` });
    if (details.length) throw new ApiError(400, 'validation_failed', 'Sisendis on vigu.', details);
    saveScope(db, ehak, next, actor.id);
    recordAudit(db, { actorId: actor.id, action: 'kov_scope.update', entity: 'kov_scope', entityId: ehak, kov: ehak, oldValue: old, newValue: next, ip: actor.ip ?? null });
  });
}
