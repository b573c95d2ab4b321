// Compares every figure the document printed with the computed one. Mismatches do not stop an
// import (the document is what it is); they are reported so the plan owner can fix the source.
import { ACCOUNTS } from './schema.ts';
import { PlanInvalidError, centsAt, sumOf, type ComputedLine, type ComputedPlan, type Sum } from './compute.ts';
import { centsToEuros } from './money.ts';
import { overlaps, parsePeriod, within } from './periods.ts';
import type { Figure } from './schema.ts';
import type { Inconsistency } from '../contracts/budget.ts';

type Where = { path: string; initiative: string | null };

function linesInPeriod(lines: ComputedLine[], key: string, w: Where): ComputedLine[] {
  const p = parsePeriod(key);
  if (!p) throw new PlanInvalidError(`${w.path}.byPeriod.${key}`, w.initiative, `vigane periood "${key}"`);
  const partial = lines.find((l) => overlaps(l.period, p) && !within(l.period, p));
  if (partial) {
    throw new PlanInvalidError(`${w.path}.byPeriod.${key}`, w.initiative, `deklareeritud periood ${key} lõikab rea perioodi ${partial.period.key} pooleks; võrdlemiseks kasuta sama või suuremat perioodi`);
  }
  return lines.filter((l) => within(l.period, p));
}

function linesOfAccount(lines: ComputedLine[], key: string, w: Where): ComputedLine[] {
  if (!(ACCOUNTS as readonly string[]).includes(key)) throw new PlanInvalidError(`${w.path}.byAccount.${key}`, w.initiative, `EA konto peab olema 15, 50 või 55`);
  return lines.filter((l) => l.account === key);
}

function compare(out: Inconsistency[], base: Omit<Inconsistency, 'field' | 'declared' | 'computed'>, fig: Figure | undefined, computed: Sum, w: Where): void {
  for (const field of ['net', 'gross'] as const) {
    const d = fig?.[field];
    if (d === undefined) continue;
    const declared = centsAt(d, `${w.path}.${field}`, w.initiative);
    if (declared !== computed[field]) out.push({ ...base, field, declared: centsToEuros(declared), computed: centsToEuros(computed[field]) });
  }
}

/** Every declared figure that differs from the computed one, initiatives first, then the plan. */
export function findInconsistencies(c: ComputedPlan): Inconsistency[] {
  const out: Inconsistency[] = [];
  c.plan.initiatives.forEach((ini, i) => {
    const d = ini.declared;
    if (!d) return;
    const lines = c.initiatives[i]!.lines;
    const w = { path: `initiatives[${i}].declared`, initiative: ini.code };
    const base = { scope: 'initiative' as const, code: ini.code };
    compare(out, { ...base, key: 'total' }, d, sumOf(lines), w);
    for (const [a, fig] of Object.entries(d.byAccount ?? {})) compare(out, { ...base, key: `account:${a}` }, fig, sumOf(linesOfAccount(lines, a, w)), w);
    for (const [p, fig] of Object.entries(d.byPeriod ?? {})) compare(out, { ...base, key: `period:${p}` }, fig, sumOf(linesInPeriod(lines, p, w)), w);
  });
  const t = c.plan.declared?.total;
  const plan = { scope: 'plan' as const, code: null };
  if (t) {
    const w = { path: 'declared.total', initiative: null };
    compare(out, { ...plan, key: 'total' }, t, sumOf(c.lines), w);
    for (const [a, fig] of Object.entries(t.byAccount ?? {})) compare(out, { ...plan, key: `account:${a}` }, fig, sumOf(linesOfAccount(c.lines, a, w)), w);
    for (const [p, fig] of Object.entries(t.byPeriod ?? {})) compare(out, { ...plan, key: `period:${p}` }, fig, sumOf(linesInPeriod(c.lines, p, w)), w);
  }
  for (const [code, s] of Object.entries(c.plan.declared?.bySource ?? {})) {
    const codes = new Set(c.initiatives.filter((x) => x.fundingSource === code).map((x) => x.code));
    const lines = c.lines.filter((l) => codes.has(l.initiative));
    const w = { path: `declared.bySource.${code}`, initiative: null };
    compare(out, { scope: 'plan', code, key: `source:${code}` }, s, sumOf(lines), w);
    for (const [p, fig] of Object.entries(s.byPeriod ?? {})) {
      compare(out, { scope: 'plan', code, key: `source:${code}/period:${p}` }, fig, sumOf(linesInPeriod(lines, p, w)), w);
    }
  }
  return out;
}
