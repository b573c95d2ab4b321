// Progress totals from the engine's counts. Formula (README "Progress"):
//   implemented = measures whose effective status is 'implemented';
//   applicable  = measures in scope − 'not_applicable';
//   share       = implemented / applicable (null when nothing is applicable).
// 'risk_accepted' stays in the denominator: an accepted risk is a decision, not an implementation.
// The same formula gives the shares by class, module, module group and priority.
import type { ModuleCell, ObjectCell, ProgressTotals, ShareCell } from '../contracts/progress.ts';
import { CLASSES, PRIORITIES, STATUSES, type MeasureClass, type Priority } from '../contracts/tracker.ts';
import { countAt, effectiveAt, STATUS_CODE, tally, type Ledger, type Scope } from './engine.ts';

const NA = STATUS_CODE.not_applicable;
const IMPLEMENTED = STATUS_CODE.implemented;

const emptyCell = (): ShareCell => ({ total: 0, notApplicable: 0, implemented: 0, share: null });

function finish<T extends ShareCell>(cell: T): T {
  const applicable = cell.total - cell.notApplicable;
  cell.share = applicable > 0 ? cell.implemented / applicable : null;
  return cell;
}

/** The totals of one municipality's ledger. */
export const totalsOf = (l: Ledger): ProgressTotals => totalsOfCounts(l.scope, tally(l));

/** The totals of counts over a scope (engine.ts's tally). */
export function totalsOfCounts(scope: Scope, counts: Int32Array): ProgressTotals {
  const statusCounts = new Array<number>(STATUSES.length).fill(0);
  const all = emptyCell();
  const byClass = Object.fromEntries(CLASSES.map((c) => [c, emptyCell()])) as Record<MeasureClass, ShareCell>;
  const byPriority = Object.fromEntries(PRIORITIES.map((p) => [p, emptyCell()])) as Record<Priority, ShareCell>;
  const modules = scope.modules.map((m): ModuleCell => ({ module: m.id, title: m.title, group: m.group, ...emptyCell() }));
  const groups = scope.groups.map((g) => ({ group: g.id, title: g.title, ...emptyCell() }));
  let viaShared = 0;
  scope.buckets.forEach((b, bucket) => {
    const cells = [all, byClass[b.class], modules[b.module]!, groups[b.group]!];
    if (b.priority) cells.push(byPriority[b.priority]);
    for (let s = 0; s < STATUSES.length; s++) {
      const own = countAt(counts, bucket, s, 0);
      const via = countAt(counts, bucket, s, 1);
      const n = own + via;
      if (!n) continue;
      statusCounts[s]! += n;
      viaShared += via;
      for (const cell of cells) {
        cell.total += n;
        if (s === NA) cell.notApplicable += n;
        if (s === IMPLEMENTED) cell.implemented += n;
      }
    }
  });
  finish(all);
  return {
    edition: scope.edition,
    total: all.total,
    applicable: all.total - all.notApplicable,
    implemented: all.implemented,
    implementedShare: all.share,
    sharedServiceImplemented: viaShared,
    byStatus: Object.fromEntries(STATUSES.map((s, i) => [s, { count: statusCounts[i]!, share: all.total > 0 ? statusCounts[i]! / all.total : null }])) as ProgressTotals['byStatus'],
    byClass: Object.fromEntries(CLASSES.map((c) => [c, finish(byClass[c])])) as ProgressTotals['byClass'],
    byModule: modules.map(finish),
    byGroup: groups.map(finish),
    byPriority: Object.fromEntries(PRIORITIES.map((p) => [p, finish(byPriority[p])])) as ProgressTotals['byPriority'],
  };
}

/** The totals per target object in play (the organisation object first); they add up to the municipality's. */
export function objectTotalsOf(l: Ledger): ObjectCell[] {
  return l.scope.objects.map((o) => {
    const cell: ObjectCell = { objectId: o.id, name: o.name, type: o.type, ...emptyCell() };
    for (let i = o.from; i < o.to; i++) {
      const s = effectiveAt(l, i);
      cell.total += 1;
      if (s === 'not_applicable') cell.notApplicable += 1;
      if (s === 'implemented') cell.implemented += 1;
    }
    return finish(cell);
  });
}
