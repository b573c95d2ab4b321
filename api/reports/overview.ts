// The ELVL overview: one row per municipality (shares by class and module group, last activity)
// and the median over all municipalities. Computed from one grouped query (aggregate.ts).
import type { Db } from '../db/database.ts';
import { memoUntilWrite } from '../db/statements.ts';
import type { ProgressTotals } from '../contracts/progress.ts';
import type { Overview, OverviewRow } from '../contracts/reports.ts';
import { progressOfAll } from '../tracker/aggregate.ts';
import { CLASSES, type MeasureClass } from '../tracker/model.ts';
import { median, present } from './stats.ts';

export function overviewRow(kov: { ehak: string; name: string; type: 'linn' | 'vald'; county: string }, p: ProgressTotals, lastActivity: string | null): OverviewRow {
  return {
    ...kov,
    edition: p.edition,
    total: p.total,
    implemented: p.implemented,
    implementedShare: p.implementedShare,
    byClass: Object.fromEntries(CLASSES.map((c) => [c, p.byClass[c].share])) as Record<MeasureClass, number | null>,
    byGroup: Object.fromEntries(p.byGroup.map((g) => [g.group, g.share])),
    lastActivity,
  };
}

/** Median of each column over the rows (nulls ignored). */
export function medians(rows: OverviewRow[], groupIds: string[]): Overview['median'] {
  return {
    implementedShare: median(present(rows.map((r) => r.implementedShare))),
    byClass: Object.fromEntries(CLASSES.map((c) => [c, median(present(rows.map((r) => r.byClass[c])))])) as Record<MeasureClass, number | null>,
    byGroup: Object.fromEntries(groupIds.map((g) => [g, median(present(rows.map((r) => r.byGroup[g])))])),
  };
}

/** The overview, recomputed only after a write (it aggregates every municipality's scope). */
export function getOverview(db: Db): Overview {
  return memoUntilWrite(db, 'reports.overview', () => computeOverview(db));
}

function computeOverview(db: Db): Overview {
  const progress = progressOfAll(db);
  const kovs = db.prepare('SELECT ehak, name, type, county FROM kov ORDER BY name COLLATE NOCASE').all() as Array<{
    ehak: string;
    name: string;
    type: 'linn' | 'vald';
    county: string;
  }>;
  const activity = new Map(
    (db.prepare('SELECT ehak, MAX(updated_at) AS at FROM measure_status GROUP BY ehak').all() as Array<{ ehak: string; at: string }>).map((r) => [r.ehak, r.at]),
  );
  const rows = kovs.map((k) => overviewRow(k, progress.get(k.ehak)!, activity.get(k.ehak) ?? null));
  const seen = new Map<string, string>();
  for (const p of progress.values()) for (const g of p.byGroup) if (!seen.has(g.group)) seen.set(g.group, g.title);
  const order = (db.prepare(`SELECT DISTINCT id FROM catalog_group WHERE parent_id IS NULL ORDER BY sort_key`).all() as Array<{ id: string }>).map((r) => r.id);
  const groups = [...seen.entries()]
    .map(([id, title]) => ({ id, title }))
    .sort((a, b) => (order.indexOf(a.id) >>> 0) - (order.indexOf(b.id) >>> 0));
  return { groups, rows, median: medians(rows, groups.map((g) => g.id)) };
}
