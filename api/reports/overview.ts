// The ELVL overview: one row per municipality (shares by class and module group, last activity)
// and the median over all municipalities, from the progress engine over every municipality.
import type { ProgressTotals } from '../contracts/progress.ts';
import type { Overview, OverviewRow } from '../contracts/reports.ts';
import { CLASSES, type MeasureClass } from '../contracts/tracker.ts';
import type { Db } from '../db/database.ts';
import { memoUntilWrite } from '../db/statements.ts';
import type { KovRow } from '../kov/store.ts';
import { progressOfAll } from '../tracker/progress.ts';
import { groupsOf, kovList } from '../tracker/reference.ts';
import { statusDigests } from '../tracker/stores/status.ts';
import { median, present } from './stats.ts';

export function overviewRow(kov: KovRow, p: ProgressTotals, lastActivity: string | null): OverviewRow {
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

/** The overview, recomputed only after a write (it counts every municipality's scope). */
export function getOverview(db: Db): Overview {
  return memoUntilWrite(db, 'reports.overview', () => computeOverview(db));
}

function computeOverview(db: Db): Overview {
  // One scan of the statuses feeds both the counts and each municipality's last change (any edition).
  const digests = statusDigests(db);
  const lastActivity = new Map<string, string>();
  for (const r of digests) {
    const at = lastActivity.get(r.ehak);
    if (at === undefined || r.last_change > at) lastActivity.set(r.ehak, r.last_change);
  }
  const progress = progressOfAll(db, { digests });
  const rows = kovList(db).map((k) => overviewRow(k, progress.get(k.ehak)!, lastActivity.get(k.ehak) ?? null));
  const seen = new Map<string, string>();
  for (const p of progress.values()) for (const g of p.byGroup) if (!seen.has(g.group)) seen.set(g.group, g.title);
  const order = [...new Set(groupsOf(db).map((g) => g.id))];
  const groups = [...seen.entries()]
    .map(([id, title]) => ({ id, title }))
    .sort((a, b) => (order.indexOf(a.id) >>> 0) - (order.indexOf(b.id) >>> 0));
  return { groups, rows, median: medians(rows, groups.map((g) => g.id)) };
}
