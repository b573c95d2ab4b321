// The tracker's reference data in memory: the municipalities, their scope settings, the catalogue
// facts of each edition, the target objects, the scopes built from them (scope-rule.ts for the
// setting, api/objects/ for the objects, engine.ts to index) and what solution models deliver. They change a
// few times a year (objects a few times a month) while every status write, list and report needs them.
// Everything is dropped as soon as reference_epoch moves: triggers on every table read here
// (declared in api/db/caches.ts, held against sqlite_master by its test), from this process or
// another. Per use this costs one row read.
import { measureFactsOf, topGroups, type GroupRow } from '../catalog/store.ts';
import { profileMeasures, unclassifiedMeasures } from '../catalog/stores/profiles.ts';
import type { Priority } from '../contracts/tracker.ts';
import { epochOf } from '../db/caches.ts';
import type { Db } from '../db/database.ts';
import { allKovs, type KovRow } from '../kov/store.ts';
import { kovMembers, objectsForScope } from '../objects/measures.ts';
import type { CatalogForScope } from '../objects/object-scope.ts';
import { allDependencyRows, allModuleRows, allObjectRows, type TargetObjectRow } from '../objects/store.ts';
import { allAdoptions, allModelKovs, providerImplemented } from '../solutions/store.ts';
import { entryKey, indexScope, type Scope } from './engine.ts';
import { DEFAULT_APPROACH, DEFAULT_EDITION, DEFAULT_PROFILE, scopeMembers, type MeasureFacts, type ScopeMember, type ScopeSettings } from './scope-rule.ts';
import { allScopeRows } from './stores/scope.ts';
import { groupBy, pushTo } from '../lib/group.ts';

/** The solution model whose provider delivers a measure for a municipality (the first by provider). */
export interface SharedRef {
  /** The solution model. */
  id: number;
  provider: string;
  note: string | null;
}

interface EditionFacts {
  measures: readonly MeasureFacts[];
  byId: ReadonlyMap<string, MeasureFacts>;
}

/** What one scope setting takes before objects: the catalogue it reads and its members. */
interface SettingScope {
  catalog: CatalogForScope;
  members: readonly ScopeMember[];
  modules: readonly string[];
}

interface KovObjects {
  rows: TargetObjectRow[];
  dependsOn: Map<number, number[]>;
  modules: Map<number, string[]>;
}

interface Reference {
  epoch: number;
  kovs: readonly KovRow[];
  kovByEhak: ReadonlyMap<string, KovRow>;
  settings: ReadonlyMap<string, ScopeSettings>;
  editions: Map<string, EditionFacts>;
  /** By setting ("edition|profile|approach|extra modules"). */
  settingScopes: Map<string, SettingScope>;
  /** By EHAK code: the municipality's object × measure scope. */
  scopes: Map<string, Scope>;
  objects?: ReadonlyMap<string, KovObjects>;
  groups?: readonly GroupRow[];
  /** Per municipality: what providers deliver, by entry key (deliveredOf). */
  delivered?: Map<string, ReadonlyMap<string, SharedRef>>;
  /** Per municipality: the provider-implemented measures of the models it receives; objectId null for the organisation object. */
  provided?: ReadonlyMap<string, ReadonlyArray<{ objectId: number | null; edition: string; measureId: string; ref: SharedRef }>>;
}

const caches = new WeakMap<Db, Reference>();

function referenceOf(db: Db): Reference {
  const epoch = epochOf(db, 'reference_epoch');
  let ref = caches.get(db);
  if (!ref || ref.epoch !== epoch) {
    const kovs = allKovs(db);
    const saved = new Map(allScopeRows(db).map((r) => [r.ehak, r]));
    const settings = new Map<string, ScopeSettings>();
    for (const k of kovs) {
      const r = saved.get(k.ehak);
      settings.set(k.ehak, r ? { edition: r.edition, profileName: r.profile_name, approach: r.approach, extraModules: JSON.parse(r.extra_modules) as string[] }
        : { edition: DEFAULT_EDITION, profileName: DEFAULT_PROFILE, approach: DEFAULT_APPROACH, extraModules: [] });
    }
    ref = { epoch, kovs, kovByEhak: new Map(kovs.map((k) => [k.ehak, k])), settings, editions: new Map(), settingScopes: new Map(), scopes: new Map() };
    caches.set(db, ref);
  }
  return ref;
}

/** Every municipality, by name. */
export const kovList = (db: Db): readonly KovRow[] => referenceOf(db).kovs;

export const kovOf = (db: Db, ehak: string): KovRow | undefined => referenceOf(db).kovByEhak.get(ehak);

export const settingsOf = (db: Db, ehak: string): ScopeSettings | undefined => referenceOf(db).settings.get(ehak);

/** The catalogue facts of an edition's measures, in catalogue order, by id. */
export function editionFacts(db: Db, edition: string): EditionFacts {
  const ref = referenceOf(db);
  let facts = ref.editions.get(edition);
  if (!facts) {
    const measures = measureFactsOf(db, edition).map((m) => Object.freeze(m));
    ref.editions.set(edition, (facts = { measures, byId: new Map(measures.map((m) => [m.measureId, m])) }));
  }
  return facts;
}

/** Top-level module groups of every edition, in catalogue order. */
export function groupsOf(db: Db): readonly GroupRow[] {
  const ref = referenceOf(db);
  return (ref.groups ??= topGroups(db));
}

function settingScopeOf(db: Db, ref: Reference, s: ScopeSettings): SettingScope {
  const key = `${s.edition}|${s.profileName}|${s.approach}|${s.extraModules.join(',')}`;
  let scope = ref.settingScopes.get(key);
  if (!scope) {
    const profile = profileMeasures(db, s.edition, s.profileName);
    const priorities = profile && new Map<string, Priority>(profile.map((p) => [p.measureId, p.priority]));
    const unclassified = new Set(profile ? unclassifiedMeasures(db, s.edition, s.profileName) : []);
    const catalog: CatalogForScope = { measures: editionFacts(db, s.edition).measures, profile: priorities, unclassified };
    const members = scopeMembers(s, catalog.measures, priorities, unclassified);
    ref.settingScopes.set(key, (scope = { catalog, members, modules: [...new Set(members.map((m) => m.facts.moduleId))] }));
  }
  return scope;
}

function objectsOf(db: Db, ref: Reference, ehak: string): KovObjects {
  if (!ref.objects) {
    const byKov = new Map<string, KovObjects>();
    const kovOfObject = new Map<number, KovObjects>();
    for (const r of allObjectRows(db)) {
      let k = byKov.get(r.ehak);
      if (!k) byKov.set(r.ehak, (k = { rows: [], dependsOn: new Map(), modules: new Map() }));
      k.rows.push(r);
      kovOfObject.set(r.id, k);
    }
    for (const d of allDependencyRows(db)) pushTo(kovOfObject.get(d.object_id)!.dependsOn, d.object_id, d.depends_on);
    for (const m of allModuleRows(db)) pushTo(kovOfObject.get(m.object_id)!.modules, m.object_id, m.module_id);
    ref.objects = byKov;
  }
  return ref.objects.get(ehak) ?? { rows: [], dependsOn: new Map(), modules: new Map() };
}

/** The modules the municipality's scope setting takes (what its organisation object models by itself). */
export function settingModules(db: Db, ehak: string): readonly string[] {
  const ref = referenceOf(db);
  const s = ref.settings.get(ehak);
  return s ? settingScopeOf(db, ref, s).modules : [];
}

/**
 * The municipality's scope: every target object's measures (the organisation object's first),
 * built once per reference epoch; undefined for an unknown municipality.
 */
export function scopeOf(db: Db, ehak: string): Scope | undefined {
  const ref = referenceOf(db);
  let scope = ref.scopes.get(ehak);
  if (scope) return scope;
  const s = ref.settings.get(ehak);
  if (!s) return undefined;
  const setting = settingScopeOf(db, ref, s);
  const { rows, dependsOn, modules } = objectsOf(db, ref, ehak);
  const objects = objectsForScope(rows, dependsOn, modules, setting.modules);
  const members = kovMembers(s.approach, objects, setting.catalog, setting.members);
  const groups = groupsOf(db).filter((g) => g.edition === s.edition);
  ref.scopes.set(ehak, (scope = indexScope(s.edition, rows, members, groups)));
  return scope;
}

/**
 * Per municipality: where a solution model's provider-implemented statements land. A model delivered
 * to the municipality's organisation as a whole (solution_model_kov; what shared services were
 * before migration 024) lands on the organisation object, an adopted model on the adopting object.
 */
function providedByKov(db: Db, ref: Reference) {
  if (!ref.provided) {
    const byModel = groupBy(providerImplemented(db), (p) => p.model_id, (p) => ({ edition: p.edition, measureId: p.measure_id, ref: { id: p.model_id, provider: p.provider, note: p.note } }));
    const out = new Map<string, Array<{ objectId: number | null; edition: string; measureId: string; ref: SharedRef }>>();
    const add = (ehak: string, objectId: number | null, modelId: number) => {
      for (const m of byModel.get(modelId) ?? []) pushTo(out, ehak, { objectId, ...m });
    };
    for (const k of allModelKovs(db)) add(k.ehak, null, k.model_id);
    for (const a of allAdoptions(db)) add(a.ehak, a.id, a.solution_model_id);
    ref.provided = out;
  }
  return ref.provided;
}

/**
 * What providers deliver in the municipality's scope, by entry key (engine.ts entryKey): every measure
 * a solution model's provider states as implemented, on the organisation object when the model is
 * delivered to the municipality as a whole and on the adopting object otherwise, for models of the
 * scope's edition. It counts as implemented unless the municipality records its own status. Where two
 * models deliver the same entry, the first provider by name is named.
 */
export function deliveredOf(db: Db, ehak: string): ReadonlyMap<string, SharedRef> {
  const ref = referenceOf(db);
  const cached = ref.delivered?.get(ehak);
  if (cached) return cached;
  const scope = scopeOf(db, ehak);
  const out = new Map<string, SharedRef>();
  if (scope) {
    for (const p of providedByKov(db, ref).get(ehak) ?? []) {
      if (p.edition !== scope.edition) continue;
      const key = entryKey(p.objectId ?? scope.organisationId, p.measureId);
      const first = out.get(key);
      if (scope.byKey.has(key) && (!first || p.ref.provider < first.provider)) out.set(key, p.ref);
    }
  }
  (ref.delivered ??= new Map()).set(ehak, out);
  return out;
}
