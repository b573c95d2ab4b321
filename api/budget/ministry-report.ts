// The budget report as the ministry reads it: plan vs actual by funding source × EA account × year.
//
// One computation, not a second one: planned figures are the plan lines exactly as compute.ts made
// them (net from the plan, VAT = net × the rate on the period's first day for VAT-able lines,
// rounded per line, gross = net + VAT), and actual figures are the active cost entries as entered
// (net and VAT from the invoice, gross = net + VAT), via actuals.ts – the same rows the execution
// report sums. Cancelled costs are not in them.
//
// VAT for plan lines: a plan line always states its amount WITHOUT VAT (`lines[].net`), whatever
// the funding source; both columns are computed the same way for every source. The funding source's
// `vatTreatment` only says who pays the VAT and therefore which column is the grant amount the
// ministry reads (`grantBasis`): SF (`grant_includes_vat`) – the grant includes VAT, read "koos
// km-ga"; base budget/RES (`vat_from_state_budget`), RRF (`vat_added_to_grant`) and other
// (`implementer_applies_vat`) – the grant is the amount without VAT, VAT comes on top.
//
// Remaining = planned − actual, field by field, in cents; a negative remaining is an overspend
// (`overspent`). Years are calendar years: a line's period year, a cost's date year.
import type { MinistryFigures, MinistryReport, MinistrySource } from '../contracts/budget-ministry.ts';
import type { VatTreatment } from '../contracts/budget.ts';
import type { Db } from '../db/database.ts';
import { actualCents } from './actuals.ts';
import { addTo, zero, type Sum } from './compute.ts';
import { toEuros } from './report.ts';
import type { StoredPlan } from './store.ts';

export const grantBasis = (t: VatTreatment): 'gross' | 'net' => (t === 'grant_includes_vat' ? 'gross' : 'net');

interface Cell {
  planned: Sum;
  actual: Sum;
}

function figures(c: Cell): MinistryFigures {
  const remaining = { net: c.planned.net - c.actual.net, vat: c.planned.vat - c.actual.vat, gross: c.planned.gross - c.actual.gross };
  return { planned: toEuros(c.planned), actual: toEuros(c.actual), remaining: toEuros(remaining), overspent: remaining.net < 0 || remaining.gross < 0 };
}

const sumCells = (cells: Cell[]): Cell => cells.reduce((t, c) => (addTo(t.planned, c.planned), addTo(t.actual, c.actual), t), { planned: zero(), actual: zero() });

export function buildMinistryReport(db: Db, plan: StoredPlan): MinistryReport {
  const sourceOf = new Map(plan.computed.initiatives.map((i) => [i.code, i.fundingSource]));
  // source → "account|year" → cell
  const cells = new Map<string, Map<string, Cell>>();
  const cell = (source: string, account: string, year: string): Cell => {
    const bySource = cells.get(source) ?? (cells.set(source, new Map()), cells.get(source)!);
    const key = `${account}|${year}`;
    return bySource.get(key) ?? (bySource.set(key, { planned: zero(), actual: zero() }), bySource.get(key)!);
  };
  for (const l of plan.computed.lines) addTo(cell(sourceOf.get(l.initiative)!, l.account, String(l.period.year)).planned, l);
  for (const a of actualCents(db, plan.familyId)) {
    const source = sourceOf.get(a.initiative);
    if (source) addTo(cell(source, a.account, a.date.slice(0, 4)).actual, { net: a.net, vat: a.vat, gross: a.net + a.vat });
  }
  const sources: MinistrySource[] = [...plan.computed.sources.values()].map((s) => {
    const bySource = cells.get(s.code) ?? new Map<string, Cell>();
    const keys = [...bySource.keys()].sort((a, b) => {
      const [accA, yearA] = a.split('|');
      const [accB, yearB] = b.split('|');
      return accA!.localeCompare(accB!) || yearA!.localeCompare(yearB!);
    });
    return {
      code: s.code,
      name: s.name,
      vatTreatment: s.vatTreatment,
      grantBasis: grantBasis(s.vatTreatment),
      rows: keys.map((k) => {
        const [account, year] = k.split('|');
        return { account: account!, year: year!, ...figures(bySource.get(k)!) };
      }),
      total: figures(sumCells([...bySource.values()])),
    };
  });
  const all = [...cells.values()].flatMap((m) => [...m.values()]);
  return { plan: { id: plan.id, name: plan.name, version: plan.version }, sources, total: figures(sumCells(all)) };
}
