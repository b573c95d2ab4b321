// The next steps of a municipality: open measures (not assessed, partial, not implemented by their
// effective status) in the order the KOV profile asks them to be done.
import type { NextStep } from '../contracts/progress.ts';
import type { MeasureClass, Priority } from '../contracts/tracker.ts';
import { effectiveAt, OPEN_STATUSES, type Ledger } from './engine.ts';

const CLASS_RANK = { basic: 0, standard: 1, high: 2 } as const;
const PRIORITY_RANK = { P1: 0, P2: 1, P3: 2 } as const;

/**
 * The profile's order: P1 first, then P2, P3 and none. A basic measure the profile gives no priority
 * (the KOV profile predates the 2024 catalogue, e.g. ORP.4.M10) is required all the same: it ranks with P1.
 */
export const profileRank = (priority: Priority | null, cls: MeasureClass): number => (priority ? PRIORITY_RANK[priority] : cls === 'basic' ? 0 : 3);
/** Code-unit order: ISO dates are ASCII. */
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Up to `limit` open measures: P1 (with unprioritised basic measures) before P2 before P3 before none;
 * within each, overdue first, then basic before standard, earliest due date (none last), catalogue
 * order. `dueDates` by entry index.
 */
export function nextStepsOf(l: Ledger, dueDates: ReadonlyArray<string | null | undefined>, today: string, limit: number): NextStep[] {
  const { entries } = l.scope;
  const due = (i: number) => dueDates[i] ?? null;
  const overdue = (i: number) => {
    const d = due(i);
    return d !== null && d < today;
  };
  const before = (a: number, b: number): number => {
    const x = entries[a]!;
    const y = entries[b]!;
    const da = due(a);
    const db = due(b);
    return (
      profileRank(x.priority, x.facts.class) - profileRank(y.priority, y.facts.class) ||
      Number(overdue(b)) - Number(overdue(a)) ||
      CLASS_RANK[x.facts.class] - CLASS_RANK[y.facts.class] ||
      Number(da === null) - Number(db === null) ||
      cmp(da ?? '', db ?? '') ||
      a - b
    );
  };
  // The best `limit` open entries, kept sorted: most entries fall behind the last kept one at once.
  const best: number[] = [];
  for (let i = 0; i < entries.length; i++) {
    if (!OPEN_STATUSES.includes(effectiveAt(l, i))) continue;
    if (best.length === limit && before(i, best[limit - 1]!) > 0) continue;
    let at = best.length;
    while (at > 0 && before(i, best[at - 1]!) < 0) at--;
    best.splice(at, 0, i);
    if (best.length > limit) best.pop();
  }
  return best.map((i): NextStep => {
    const { facts, priority, objectId } = entries[i]!;
    const dueDate = due(i);
    return { objectId, measureId: facts.measureId, title: facts.title, module: facts.moduleId, priority, class: facts.class, status: effectiveAt(l, i), dueDate, overdue: overdue(i) };
  });
}
