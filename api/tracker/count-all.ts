// Grouped counts for ALL municipalities, fast: the scope is resolved once per distinct scope
// setting (usually one: KOV profile, standard), the statuses are read in one narrow scan, and the
// effective status is decided in memory with the same rule as tracked-sql.ts. The full-scale test
// checks this path against the per-municipality SQL path and a direct SQL count.
import type { Db } from '../db/database.ts';
import type { CountRow } from './aggregate.ts';
import type { MeasureClass, Priority, Status } from './model.ts';
import { SCOPE_CTES } from './scope.ts';

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
  const byConfig = new Map<string, ScopeMeasure[]>();
  const own = new Map<string, Status>();
  for (const r of db.prepare('SELECT ehak, edition, measure_id, status FROM measure_status').raw().all() as Array<[string, string, string, Status]>) {
    own.set(`${r[0]}|${r[1]}|${r[2]}`, r[3]);
  }
  const shared = new Set(
    (
      db
        .prepare('SELECT sk.ehak, s.edition, s.measure_id FROM shared_service s JOIN shared_service_kov sk ON sk.service_id = s.id')
        .raw()
        .all() as Array<[string, string, string]>
    ).map((r) => r.join('|')),
  );
  const counts = new Map<string, CountRow>();
  for (const sc of scopes) {
    const config = `${sc.edition}|${sc.profile_name}|${sc.approach}|${sc.extra_modules}`;
    let members = byConfig.get(config);
    if (!members) byConfig.set(config, (members = membersOf.all({ ehak: sc.ehak }) as ScopeMeasure[]));
    for (const m of members) {
      const key = `${sc.ehak}|${m.edition}|${m.measure_id}`;
      const status = own.get(key) ?? 'not_assessed';
      const viaShared = status === 'not_assessed' && shared.has(key) ? 1 : 0;
      const effective: Status = viaShared ? 'implemented' : status;
      const group = `${sc.ehak}|${m.module_id}|${m.class}|${m.priority}|${effective}|${viaShared}`;
      const row = counts.get(group);
      if (row) row.n += 1;
      else {
        counts.set(group, {
          ehak: sc.ehak,
          edition: m.edition,
          module_id: m.module_id,
          group_id: m.group_id,
          class: m.class,
          priority: m.priority,
          effective,
          via_shared: viaShared,
          n: 1,
        });
      }
    }
  }
  return [...counts.values()];
}
