// Turns a syntactically valid plan into cents per line with VAT, refusing anything that would
// make a figure ambiguous. Errors name the line (`initiatives[2].lines[1].net`) and initiative.
import { MoneyError, parseEuros, vatCents } from './money.ts';
import { parsePeriod, type Period } from './periods.ts';
import type { Account, Plan } from './schema.ts';
import type { VatTreatment } from '../contracts/budget.ts';
import { rateForPeriod, vatTable, type VatRate } from './vat.ts';

export class PlanInvalidError extends Error {
  constructor(
    readonly path: string,
    readonly initiative: string | null,
    readonly reason: string,
  ) {
    super(`${path}${initiative ? ` (${initiative})` : ''}: ${reason}`);
  }
}

export interface Sum {
  net: number;
  vat: number;
  gross: number;
}
export const zero = (): Sum => ({ net: 0, vat: 0, gross: 0 });
export const addTo = (s: Sum, x: Sum): Sum => ((s.net += x.net), (s.vat += x.vat), (s.gross += x.gross), s);

export interface ComputedLine extends Sum {
  initiative: string;
  index: number;
  period: Period;
  account: Account;
  vatable: boolean;
  rateBasisPoints: number;
}

export interface ComputedInitiative {
  code: string;
  name: string;
  fundingSource: string;
  businessPanelRequired: boolean;
  measureActivity: string | null;
  lines: ComputedLine[];
}

export interface ComputedPlan {
  plan: Plan;
  sources: Map<string, { code: string; name: string; vatTreatment: VatTreatment }>;
  initiatives: ComputedInitiative[];
  lines: ComputedLine[];
}

/** Whether an account's amounts carry VAT unless a plan line says otherwise: 15 and 55 yes, 50 (personnel) no. */
export const DEFAULT_VATABLE: Record<Account, boolean> = { '15': true, '50': false, '55': true };

/** Cents of a declared or line amount; a 3-decimal figure is refused naming its path. */
export function centsAt(value: number, path: string, initiative: string | null): number {
  try {
    return parseEuros(value);
  } catch (err) {
    if (err instanceof MoneyError) throw new PlanInvalidError(path, initiative, err.message);
    throw err;
  }
}

function checkDeclaredAmounts(obj: unknown, path: string, initiative: string | null): void {
  if (typeof obj === 'number') {
    centsAt(obj, path, initiative);
    return;
  }
  if (obj && typeof obj === 'object') for (const [k, v] of Object.entries(obj)) checkDeclaredAmounts(v, `${path}.${k}`, initiative);
}

export function computePlan(plan: Plan, table: VatRate[] = vatTable()): ComputedPlan {
  const sources = new Map<string, { code: string; name: string; vatTreatment: VatTreatment }>();
  plan.fundingSources.forEach((s, i) => {
    if (sources.has(s.code)) throw new PlanInvalidError(`fundingSources[${i}].code`, null, `rahastusallikas ${s.code} on korduv`);
    sources.set(s.code, s);
  });
  const seen = new Set<string>();
  const all: ComputedLine[] = [];
  const initiatives = plan.initiatives.map((ini, i) => {
    const at = `initiatives[${i}]`;
    if (seen.has(ini.code)) throw new PlanInvalidError(`${at}.code`, ini.code, `algatuse kood ${ini.code} on korduv`);
    seen.add(ini.code);
    if (!sources.has(ini.fundingSource)) {
      throw new PlanInvalidError(`${at}.fundingSource`, ini.code, `tundmatu rahastusallikas "${ini.fundingSource}" (lubatud: ${[...sources.keys()].join(', ')})`);
    }
    const lines = ini.lines.map((l, j): ComputedLine => {
      const lp = `${at}.lines[${j}]`;
      const period = parsePeriod(l.period);
      if (!period) throw new PlanInvalidError(`${lp}.period`, ini.code, `vigane periood "${l.period}"`);
      const rate = rateForPeriod(period, table);
      if (!rate.ok) throw new PlanInvalidError(`${lp}.period`, ini.code, rate.reason);
      const net = centsAt(l.net, `${lp}.net`, ini.code);
      if (net < 0) throw new PlanInvalidError(`${lp}.net`, ini.code, 'plaani summa ei saa olla negatiivne');
      const vatable = l.vatable ?? DEFAULT_VATABLE[l.account];
      const vat = vatable ? vatCents(net, rate.basisPoints) : 0;
      return { initiative: ini.code, index: j, period, account: l.account, vatable, rateBasisPoints: rate.basisPoints, net, vat, gross: net + vat };
    });
    checkDeclaredAmounts(ini.declared, `${at}.declared`, ini.code);
    all.push(...lines);
    return {
      code: ini.code,
      name: ini.name,
      fundingSource: ini.fundingSource,
      businessPanelRequired: ini.businessPanelRequired,
      measureActivity: ini.measureActivity ?? null,
      lines,
    };
  });
  checkDeclaredAmounts(plan.declared, 'declared', null);
  for (const code of Object.keys(plan.declared?.bySource ?? {})) {
    if (!sources.has(code)) throw new PlanInvalidError(`declared.bySource.${code}`, null, `tundmatu rahastusallikas "${code}"`);
  }
  return { plan, sources, initiatives, lines: all };
}

/** Sums lines grouped by a key. */
export function groupSum<T>(lines: T[], key: (l: T) => string, value: (l: T) => Sum): Map<string, Sum> {
  const out = new Map<string, Sum>();
  for (const l of lines) {
    const k = key(l);
    addTo(out.get(k) ?? (out.set(k, zero()), out.get(k)!), value(l));
  }
  return out;
}

export const sumOf = <T extends Sum>(lines: T[]): Sum => lines.reduce((s, l) => addTo(s, l), zero());
