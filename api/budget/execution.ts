// Plan vs actual: planned figures from the plan lines, actual ones from the family's cost entries.
import type { Db } from '../db/database.ts';
import { actualCents, businessPanels } from './actuals.ts';
import { addTo, groupSum, sumOf, zero, type Sum } from './compute.ts';
import { toEuros } from './report.ts';
import type { Execution, ExecutionRow } from '../contracts/budget.ts';
import type { StoredPlan } from './store.ts';


/** Percent with one decimal from integer cents, rounded half up (both operands are non-negative in practice). */
export function utilisation(actualNet: number, plannedNet: number): number | null {
  if (plannedNet === 0) return null;
  return Math.round((actualNet * 1000) / plannedNet) / 10;
}

const row = (planned: Sum, actual: Sum): ExecutionRow => ({ planned: toEuros(planned), actual: toEuros(actual), utilisation: utilisation(actual.net, planned.net) });

function merge(planned: Map<string, Sum>, actual: Map<string, Sum>): Record<string, ExecutionRow> {
  const keys = [...new Set([...planned.keys(), ...actual.keys()])].sort();
  return Object.fromEntries(keys.map((k) => [k, row(planned.get(k) ?? zero(), actual.get(k) ?? zero())]));
}

export function buildExecution(db: Db, plan: StoredPlan): Execution {
  const actuals = actualCents(db, plan.familyId).map((a) => ({ ...a, gross: a.net + a.vat, year: a.date.slice(0, 4) }));
  const panels = businessPanels(db, plan.familyId);
  const lines = plan.computed.lines;
  return {
    plan: { id: plan.id, name: plan.name },
    totals: row(sumOf(lines), sumOf(actuals)),
    byInitiative: plan.computed.initiatives.map((i) => ({
      code: i.code,
      name: i.name,
      fundingSource: i.fundingSource,
      businessPanelRequired: i.businessPanelRequired,
      businessPanelDate: panels[i.code] ?? null,
      ...row(sumOf(i.lines), actuals.filter((a) => a.initiative === i.code).reduce((s, a) => addTo(s, a), zero())),
    })),
    byAccount: merge(groupSum(lines, (l) => l.account, (l) => l), groupSum(actuals, (a) => a.account, (a) => a)),
    byPeriod: merge(groupSum(lines, (l) => String(l.period.year), (l) => l), groupSum(actuals, (a) => a.year, (a) => a)),
  };
}
