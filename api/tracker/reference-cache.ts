// Each municipality's scope and the catalogue facts of its measures, kept in memory: they change
// a few times a year, while every status write and record read needs them. Everything is dropped
// as soon as reference_epoch changes (migration 009: triggers on the municipalities, their scopes
// and the catalogue, from this process or another). Per request this costs one row read, instead
// of evaluating the scope in SQL (a status write: ~8 % less server CPU).
import type { Db } from '../db/database.ts';
import { prepareCached } from '../db/statements.ts';
import type { MeasureClass, Priority } from './model.ts';
import { SCOPE_CTES } from './scope.ts';

/** What the catalogue says of a measure (one object per edition and measure, shared by all). */
export interface MeasureFacts {
  edition: string;
  measureId: string;
  title: string;
  moduleId: string;
  moduleTitle: string;
  groupId: string;
  class: MeasureClass;
  /** The catalogue's responsible role, e.g. 'Infoturbejuht'. */
  role: string;
  link: string | null;
}

/** A measure in a municipality's scope: its facts and its priority in the scope's profile. */
export interface ScopedMeasure {
  facts: MeasureFacts;
  priority: Priority | null;
}

interface Cache {
  epoch: number;
  facts: Map<string, Map<string, MeasureFacts>>;
  scopes: Map<string, Map<string, ScopedMeasure>>;
}

const caches = new WeakMap<Db, Cache>();

function cacheOf(db: Db): Cache {
  const epoch = prepareCached(db, 'SELECT n FROM reference_epoch WHERE id = 1').pluck().get() as number;
  let cache = caches.get(db);
  if (!cache || cache.epoch !== epoch) {
    cache = { epoch, facts: new Map(), scopes: new Map() };
    caches.set(db, cache);
  }
  return cache;
}

function factsOf(db: Db, cache: Cache, edition: string): Map<string, MeasureFacts> {
  let facts = cache.facts.get(edition);
  if (!facts) {
    const rows = prepareCached(
      db,
      `SELECT m.edition, m.id AS measureId, m.title, m.module_id AS moduleId, md.title AS moduleTitle, md.group_id AS groupId,
              m.class, m.responsible AS role, m.link
       FROM catalog_measure m JOIN catalog_module md ON md.edition = m.edition AND md.id = m.module_id
       WHERE m.edition = ?`,
    ).all(edition) as MeasureFacts[];
    facts = new Map(rows.map((f) => [f.measureId, Object.freeze(f)]));
    cache.facts.set(edition, facts);
  }
  return facts;
}

/** The measures in the municipality's scope by id (empty for an unknown municipality). */
export function scopedMeasures(db: Db, ehak: string): ReadonlyMap<string, ScopedMeasure> {
  const cache = cacheOf(db);
  let scope = cache.scopes.get(ehak);
  if (!scope) {
    const rows = prepareCached(db, `WITH ${SCOPE_CTES} SELECT edition, measure_id, priority FROM in_scope`).all({ ehak }) as Array<{
      edition: string;
      measure_id: string;
      priority: Priority | null;
    }>;
    scope = new Map();
    for (const r of rows) scope.set(r.measure_id, Object.freeze({ facts: factsOf(db, cache, r.edition).get(r.measure_id)!, priority: r.priority }));
    // An unknown code has no scope: not remembered, so asking for made-up codes cannot fill memory.
    if (scope.size) cache.scopes.set(ehak, scope);
  }
  return scope;
}

/** One measure of the municipality's scope, or null when it is not in scope. */
export function scopedMeasure(db: Db, ehak: string, measureId: string): ScopedMeasure | null {
  return scopedMeasures(db, ehak).get(measureId) ?? null;
}
