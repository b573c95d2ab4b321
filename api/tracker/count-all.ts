// Grouped counts for ALL municipalities, fast: the scope is resolved once per distinct scope
// setting (usually one: KOV profile, standard), the statuses are read in one narrow scan, and the
// effective status is decided in memory with model.ts's rule (tracked-sql.ts states it in SQL). The full-scale test
// checks this path against the per-municipality SQL path and a direct SQL count.
import type { Db } from '../db/database.ts';
import { STATUSES, viaSharedService, type MeasureClass, type Priority, type Status } from './model.ts';
import { SCOPE_CTES } from './scope.ts';

/** One grouped count row of the tracked measures: what countAllKovs and aggregate.ts's countTracked return. */
export interface CountRow {
  ehak: string;
  edition: string;
  module_id: string;
  group_id: string;
  class: MeasureClass;
  priority: Priority | null;
  effective: Status;
  via_shared: number;
  n: number;
}

interface ScopeMeasure {
  edition: string;
  measure_id: string;
  module_id: string;
  group_id: string;
  class: MeasureClass;
  priority: Priority | null;
}

export function countAllKovs(db: Db): CountRow[] {
  const scopes = db.prepare(`WITH ${SCOPE_CTES} SELECT ehak, edition, profile_name, approach, extra_modules FROM scope_raw`).all({ ehak: null }) as Array<{
    ehak: string;
    edition: string;
    profile_name: string;
    approach: string;
    extra_modules: string;
  }>;
  const membersOf = db.prepare(
    `WITH ${SCOPE_CTES}
     SELECT i.edition, i.measure_id, i.module_id, md.group_id, i.class, i.priority
     FROM in_scope i CROSS JOIN catalog_module md ON md.edition = i.edition AND md.id = i.module_id`,
  );
  // Own statuses and shared services per "ehak|edition", then per measure id. Rows come in key
  // order, so the outer key is built once per municipality, not once per row; the inner keys are
  // the strings SQLite returned, and lookups below reuse the members' own id strings.
  const own = groupByKov<Status>(db.prepare('SELECT ehak, edition, measure_id, status FROM measure_status ORDER BY ehak, edition').raw().all() as string[][]);
  const shared = groupByKov<number>(
    db
      .prepare(
        'SELECT sk.ehak, s.edition, s.measure_id, 1 FROM shared_service s JOIN shared_service_kov sk ON sk.service_id = s.id ORDER BY sk.ehak, s.edition',
      )
      .raw()
      .all() as string[][],
  );
  const configs = new Map<string, { members: ScopeMeasure[]; bucketOf: Int32Array; buckets: ScopeMeasure[] }>();
  const out: CountRow[] = [];
  for (const sc of scopes) {
    const config = `${sc.edition}|${sc.profile_name}|${sc.approach}|${sc.extra_modules}`;
    let c = configs.get(config);
    if (!c) configs.set(config, (c = bucketed(membersOf.all({ ehak: sc.ehak }) as ScopeMeasure[])));
    // One counter per bucket (module x class x priority) x effective status x via shared service.
    const counts = new Int32Array(c.buckets.length * STATUS_COUNT * 2);
    // Every member of a scope is of the scope's edition.
    const ownStatus = own.get(`${sc.ehak}|${sc.edition}`);
    const sharedHere = shared.get(`${sc.ehak}|${sc.edition}`);
    for (let j = 0; j < c.members.length; j++) {
      const m = c.members[j]!;
      const status = ownStatus?.get(m.measure_id) ?? 'not_assessed';
      const viaShared = viaSharedService(status, sharedHere?.has(m.measure_id) ?? false) ? 1 : 0;
      counts[(c.bucketOf[j]! * STATUS_COUNT + STATUS_INDEX[viaShared ? 'implemented' : status]) * 2 + viaShared]! += 1;
    }
    for (let i = 0; i < counts.length; i++) {
      if (!counts[i]) continue;
      const b = c.buckets[Math.floor(i / (STATUS_COUNT * 2))]!;
      out.push({
        ehak: sc.ehak,
        edition: b.edition,
        module_id: b.module_id,
        group_id: b.group_id,
        class: b.class,
        priority: b.priority,
        effective: STATUSES[Math.floor(i / 2) % STATUS_COUNT]!,
        via_shared: i % 2,
        n: counts[i]!,
      });
    }
  }
  return out;
}

const STATUS_COUNT = STATUSES.length;
const STATUS_INDEX = Object.fromEntries(STATUSES.map((s, i) => [s, i])) as Record<Status, number>;

/** Rows [ehak, edition, measureId, value] in ehak/edition order → "ehak|edition" → measureId → value. */
function groupByKov<T>(rows: unknown[][]): Map<string, Map<string, T>> {
  const out = new Map<string, Map<string, T>>();
  let ehak: unknown = null;
  let edition: unknown = null;
  let current: Map<string, T> | undefined;
  for (const r of rows) {
    if (!current || r[0] !== ehak || r[1] !== edition) {
      ehak = r[0];
      edition = r[1];
      const key = `${String(ehak)}|${String(edition)}`;
      current = out.get(key);
      if (!current) out.set(key, (current = new Map()));
    }
    current.set(r[2] as string, r[3] as T);
  }
  return out;
}

/** A scope's members with each one's counting bucket (edition, module, group, class, priority). */
function bucketed(members: ScopeMeasure[]) {
  const index = new Map<string, number>();
  const buckets: ScopeMeasure[] = [];
  const bucketOf = new Int32Array(members.length);
  members.forEach((m, j) => {
    const key = `${m.edition}|${m.module_id}|${m.class}|${m.priority}`;
    let b = index.get(key);
    if (b === undefined) {
      index.set(key, (b = buckets.length));
      buckets.push(m);
    }
    bucketOf[j] = b;
  });
  return { members, bucketOf, buckets };
}
