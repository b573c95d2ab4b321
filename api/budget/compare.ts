// The half-yearly review: two plan versions compared line by line. A line is identified by
// initiative, period and account (the plan's natural key); lines sharing a key are summed.
import type { LineChange, PlanComparison } from '../contracts/budget.ts';
import { centsToEuros } from './money.ts';
import type { StoredPlan } from './store.ts';


function netByKey(p: StoredPlan): Map<string, number> {
  const m = new Map<string, number>();
  for (const l of p.computed.lines) {
    const k = `${l.initiative}|${l.period.key}|${l.account}`;
    m.set(k, (m.get(k) ?? 0) + l.net);
  }
  return m;
}

export function comparePlans(a: StoredPlan, b: StoredPlan): PlanComparison {
  const before = netByKey(a);
  const after = netByKey(b);
  const keys = [...new Set([...before.keys(), ...after.keys()])].sort();
  const changes: LineChange[] = [];
  for (const k of keys) {
    const x = before.get(k);
    const y = after.get(k);
    if (x === y) continue;
    const [initiative, period, account] = k.split('|') as [string, string, string];
    changes.push({
      initiative,
      period,
      account,
      change: x === undefined ? 'added' : y === undefined ? 'removed' : 'changed',
      before: x === undefined ? null : centsToEuros(x),
      after: y === undefined ? null : centsToEuros(y),
      delta: centsToEuros((y ?? 0) - (x ?? 0)),
    });
  }
  const sum = (m: Map<string, number>) => [...m.values()].reduce((s, v) => s + v, 0);
  const meta = (p: StoredPlan) => ({ id: p.id, version: p.version, name: p.name });
  return { from: meta(a), to: meta(b), changes, totals: { before: centsToEuros(sum(before)), after: centsToEuros(sum(after)), delta: centsToEuros(sum(after) - sum(before)) } };
}
