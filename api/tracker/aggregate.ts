// Progress totals from grouped counts. Formula (documented in README):
//   effective status = own status, except 'not_assessed' + shared service → 'implemented';
//   implemented      = measures whose effective status is 'implemented';
//   applicable       = measures in scope − 'not_applicable';
//   share            = implemented / applicable (null when nothing is applicable).
// 'risk_accepted' stays in the denominator: an accepted risk is a decision, not an implementation.
import type { Db } from '../db/database.ts';
import type { ModuleCell, ProgressTotals, ShareCell } from '../contracts/progress.ts';
import { CLASSES, PRIORITIES, STATUSES, type MeasureClass, type Priority } from './model.ts';
import { countAllKovs, type CountRow } from './count-all.ts';
import { DEFAULT_EDITION } from './scope.ts';
import { trackedSql } from './tracked-sql.ts';

/** Module ids in natural order (OPS.1.1.10 after OPS.1.1.9); one collator, they are costly to create. */
const ID_ORDER = new Intl.Collator('en', { numeric: true });

const emptyCell = (): ShareCell => ({ total: 0, notApplicable: 0, implemented: 0, share: null });

function add(cell: ShareCell, r: CountRow): void {
  cell.total += r.n;
  if (r.effective === 'not_applicable') cell.notApplicable += r.n;
  if (r.effective === 'implemented') cell.implemented += r.n;
}

function finish(cell: ShareCell): ShareCell {
  const applicable = cell.total - cell.notApplicable;
  cell.share = applicable > 0 ? cell.implemented / applicable : null;
  return cell;
}

/** Grouped counts for one municipality (ehak) or all (null). */
export function countTracked(db: Db, ehak: string | null): CountRow[] {
  const sql = `${trackedSql()}
    SELECT ehak, edition, module_id, group_id, class, priority, effective, via_shared, count(*) AS n
    FROM tracked GROUP BY ehak, edition, module_id, group_id, class, priority, effective, via_shared`;
  return db.prepare(sql).all({ ehak }) as CountRow[];
}

interface Titles {
  modules: Map<string, string>;
  groups: Array<{ id: string; title: string }>;
}

/** Module and top-level group titles of an edition, cached per call site. */
export function titleLoader(db: Db): (edition: string) => Titles {
  const cache = new Map<string, Titles>();
  return (edition) => {
    let t = cache.get(edition);
    if (!t) {
      const modules = db.prepare('SELECT id, title FROM catalog_module WHERE edition = ?').all(edition) as Array<{ id: string; title: string }>;
      const groups = db
        .prepare('SELECT id, title FROM catalog_group WHERE edition = ? AND parent_id IS NULL ORDER BY sort_key')
        .all(edition) as Array<{ id: string; title: string }>;
      t = { modules: new Map(modules.map((m) => [m.id, m.title])), groups };
      cache.set(edition, t);
    }
    return t;
  };
}

/** Totals of one municipality's count rows. */
export function aggregate(rows: CountRow[], edition: string, titles: Titles): ProgressTotals {
  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, { count: 0, share: null as number | null }])) as ProgressTotals['byStatus'];
  const byClass = Object.fromEntries(CLASSES.map((c) => [c, emptyCell()])) as Record<MeasureClass, ShareCell>;
  const byPriority = Object.fromEntries(PRIORITIES.map((p) => [p, emptyCell()])) as Record<Priority, ShareCell>;
  const modules = new Map<string, ModuleCell>();
  const groups = new Map<string, ShareCell>();
  const all = emptyCell();
  let viaShared = 0;
  for (const r of rows) {
    byStatus[r.effective].count += r.n;
    add(all, r);
    add(byClass[r.class], r);
    if (r.priority) add(byPriority[r.priority], r);
    let m = modules.get(r.module_id);
    if (!m) modules.set(r.module_id, (m = { module: r.module_id, title: titles.modules.get(r.module_id) ?? r.module_id, group: r.group_id, ...emptyCell() }));
    add(m, r);
    let g = groups.get(r.group_id);
    if (!g) groups.set(r.group_id, (g = emptyCell()));
    add(g, r);
    if (r.via_shared) viaShared += r.n;
  }
  for (const s of STATUSES) byStatus[s].share = all.total > 0 ? byStatus[s].count / all.total : null;
  finish(all);
  const groupOrder = titles.groups.map((g) => g.id);
  return {
    edition,
    total: all.total,
    applicable: all.total - all.notApplicable,
    implemented: all.implemented,
    implementedShare: all.share,
    sharedServiceImplemented: viaShared,
    byStatus,
    byClass: Object.fromEntries(CLASSES.map((c) => [c, finish(byClass[c])])) as Record<MeasureClass, ShareCell>,
    byModule: [...modules.values()].map((m) => ({ ...m, ...finish(m) })).sort((a, b) => ID_ORDER.compare(a.module, b.module)),
    byGroup: [...groups.entries()]
      .sort(([a], [b]) => (groupOrder.indexOf(a) >>> 0) - (groupOrder.indexOf(b) >>> 0) || a.localeCompare(b))
      .map(([group, cell]) => ({ group, title: titles.groups.find((g) => g.id === group)?.title ?? group, ...finish(cell) })),
    byPriority: Object.fromEntries(PRIORITIES.map((p) => [p, finish(byPriority[p])])) as Record<Priority, ShareCell>,
  };
}

/** Totals for every municipality in one grouped query (overview, snapshots, benchmark). */
export function progressOfAll(db: Db): Map<string, ProgressTotals> {
  return totalsByKov(db, countAllKovs(db));
}

/** Groups count rows by municipality and aggregates each (every municipality gets an entry). */
export function totalsByKov(db: Db, rows: CountRow[]): Map<string, ProgressTotals> {
  const byKov = new Map<string, CountRow[]>();
  for (const r of rows) {
    let list = byKov.get(r.ehak);
    if (!list) byKov.set(r.ehak, (list = []));
    list.push(r);
  }
  const titles = titleLoader(db);
  const editions = new Map(
    (
      db
        .prepare(`SELECT k.ehak, COALESCE(s.edition, '${DEFAULT_EDITION}') AS edition FROM kov k LEFT JOIN kov_scope s ON s.ehak = k.ehak`)
        .all() as Array<{ ehak: string; edition: string }>
    ).map((r) => [r.ehak, r.edition]),
  );
  const out = new Map<string, ProgressTotals>();
  for (const [ehak, edition] of editions) out.set(ehak, aggregate(byKov.get(ehak) ?? [], edition, titles(edition)));
  return out;
}
