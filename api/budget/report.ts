// The plan report: every figure computed from the lines in cents, shown in euros.
import { groupSum, sumOf, type ComputedLine, type ComputedPlan, type Sum } from './compute.ts';
import { centsToEuros } from './money.ts';
import type { Inconsistency, Money, PlanReport } from '../contracts/budget.ts';

export const toEuros = (s: Sum): Money => ({ net: centsToEuros(s.net), vat: centsToEuros(s.vat), gross: centsToEuros(s.gross) });

const sortedRecord = (m: Map<string, Sum>): Record<string, Money> =>
  Object.fromEntries([...m.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, toEuros(v)]));

/** Periods in the report are calendar years: the document's columns, and unambiguous for any line period. */
export const byYear = (lines: ComputedLine[]) => sortedRecord(groupSum(lines, (l) => String(l.period.year), (l) => l));
export const byAccount = (lines: ComputedLine[]) => sortedRecord(groupSum(lines, (l) => l.account, (l) => l));

export function buildReport(id: number, c: ComputedPlan, inconsistencies: Inconsistency[]): PlanReport {
  const bySource: PlanReport['bySource'] = {};
  for (const s of c.sources.values()) {
    const codes = new Set(c.initiatives.filter((i) => i.fundingSource === s.code).map((i) => i.code));
    const lines = c.lines.filter((l) => codes.has(l.initiative));
    bySource[s.code] = { name: s.name, vatTreatment: s.vatTreatment, ...toEuros(sumOf(lines)), byPeriod: byYear(lines) };
  }
  return {
    plan: { id, name: c.plan.name },
    totals: toEuros(sumOf(c.lines)),
    byPeriod: byYear(c.lines),
    byAccount: byAccount(c.lines),
    bySource,
    initiatives: c.initiatives.map((i) => ({
      code: i.code,
      name: i.name,
      fundingSource: i.fundingSource,
      businessPanelRequired: i.businessPanelRequired,
      measureActivity: i.measureActivity,
      ...toEuros(sumOf(i.lines)),
      byPeriod: byYear(i.lines),
      byAccount: byAccount(i.lines),
    })),
    inconsistencies,
  };
}
