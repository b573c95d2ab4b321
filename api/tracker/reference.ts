// The tracker's reference data in memory: the municipalities, their scope settings, the catalogue
// facts of each edition, the scopes built from them (scope-rule.ts, engine.ts) and the shared
// services. They change a few times a year while every status write, list and report needs them.
// Everything is dropped as soon as reference_epoch moves: triggers on every table read here
// (declared in api/db/caches.ts, held against sqlite_master by its test), from this process or
// another. Per use this costs one row read.
import { measureFactsOf, topGroups, type GroupRow } from '../catalog/store.ts';
import { profileMeasures, unclassifiedMeasures } from '../catalog/stores/profiles.ts';
import type { Priority } from '../contracts/tracker.ts';
import { epochOf } from '../db/caches.ts';
import type { Db } from '../db/database.ts';
import { allKovs, type KovRow } from '../kov/store.ts';
import { indexScope, type Scope } from './engine.ts';
import { DEFAULT_APPROACH, DEFAULT_EDITION, DEFAULT_PROFILE, scopeMembers, type MeasureFacts, type ScopeSettings } from './scope-rule.ts';
import { allScopeRows } from './stores/scope.ts';
import { allSharedServiceKovs, allSharedServices } from './stores/shared-services.ts';

/** The shared service that delivers a measure for a municipality (the first by provider). */
export interface SharedRef {
  id: number;
  provider: string;
  note: string | null;
}

interface EditionFacts {
  measures: readonly MeasureFacts[];
  byId: ReadonlyMap<string, MeasureFacts>;
}

interface Reference {
  epoch: number;
  kovs: readonly KovRow[];
  kovByEhak: ReadonlyMap<string, KovRow>;
  settings: ReadonlyMap<string, ScopeSettings>;
  editions: Map<string, EditionFacts>;
  scopes: Map<string, Scope>;
  groups?: readonly GroupRow[];
  /** "ehak|edition" → measure id → the service. */
  shared?: ReadonlyMap<string, ReadonlyMap<string, SharedRef>>;
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
    ref = { epoch, kovs, kovByEhak: new Map(kovs.map((k) => [k.ehak, k])), settings, editions: new Map(), scopes: new Map() };
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

/** The municipality's scope, built once per distinct setting; undefined for an unknown municipality. */
export function scopeOf(db: Db, ehak: string): Scope | undefined {
  const ref = referenceOf(db);
  const s = ref.settings.get(ehak);
  if (!s) return undefined;
  const key = `${s.edition}|${s.profileName}|${s.approach}|${s.extraModules.join(',')}`;
  let scope = ref.scopes.get(key);
  if (!scope) {
    const profile = profileMeasures(db, s.edition, s.profileName);
    const priorities = profile && new Map<string, Priority>(profile.map((p) => [p.measureId, p.priority]));
    const unclassified = new Set(profile ? unclassifiedMeasures(db, s.edition, s.profileName) : []);
    const members = scopeMembers(s, editionFacts(db, s.edition).measures, priorities, unclassified);
    const groups = groupsOf(db).filter((g) => g.edition === s.edition);
    ref.scopes.set(key, (scope = indexScope(s.edition, members, groups)));
  }
  return scope;
}

/** The shared services delivering measures for the municipality in an edition, by measure id. */
export function sharedOf(db: Db, ehak: string, edition: string): ReadonlyMap<string, SharedRef> {
  const ref = referenceOf(db);
  if (!ref.shared) {
    const services = new Map(allSharedServices(db).map((s) => [s.id, s]));
    const shared = new Map<string, Map<string, SharedRef>>();
    for (const { service_id, ehak: kov } of allSharedServiceKovs(db)) {
      const s = services.get(service_id)!;
      let byMeasure = shared.get(`${kov}|${s.edition}`);
      if (!byMeasure) shared.set(`${kov}|${s.edition}`, (byMeasure = new Map()));
      const first = byMeasure.get(s.measure_id);
      if (!first || s.provider < first.provider) byMeasure.set(s.measure_id, { id: s.id, provider: s.provider, note: s.note });
    }
    ref.shared = shared;
  }
  return ref.shared.get(`${ehak}|${edition}`) ?? NONE;
}

const NONE: ReadonlyMap<string, SharedRef> = new Map();
