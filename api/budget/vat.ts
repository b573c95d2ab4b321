// VAT rates come from a dated table in data/, so a rate change is a data edit, not a code change.
import { readFileSync } from 'node:fs';
import { ROOT_DIR } from '../config.ts';
import type { Period } from './periods.ts';

export interface VatRate {
  from: string;
  /** Rate in basis points (22 % = 2200), so VAT stays integer arithmetic. */
  basisPoints: number;
}

export const VAT_RATES_FILE = `${ROOT_DIR}data/budget/vat-rates.json`;

export function parseVatTable(json: unknown): VatRate[] {
  const rates = (json as { rates?: unknown }).rates;
  if (!Array.isArray(rates) || rates.length === 0) throw new Error('vat-rates.json: "rates" must be a non-empty list');
  const out = rates.map((r: { from?: unknown; percent?: unknown }, i) => {
    if (typeof r.from !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(r.from) || typeof r.percent !== 'number' || !Number.isInteger(r.percent * 100)) {
      throw new Error(`vat-rates.json rates[${i}]: expected {from: "yyyy-mm-dd", percent: number with ≤ 2 decimals}`);
    }
    return { from: r.from, basisPoints: Math.round(r.percent * 100) };
  });
  for (let i = 1; i < out.length; i++) if (out[i]!.from <= out[i - 1]!.from) throw new Error('vat-rates.json: dates must increase');
  return out;
}

let cached: VatRate[] | undefined;
export function vatTable(): VatRate[] {
  return (cached ??= parseVatTable(JSON.parse(readFileSync(VAT_RATES_FILE, 'utf8'))));
}

/** The rate in force on an ISO date, or null before the table's first entry. */
export function rateOn(date: string, table = vatTable()): VatRate | null {
  let found: VatRate | null = null;
  for (const r of table) if (r.from <= date) found = r;
  return found;
}

export type PeriodRate = { ok: true; basisPoints: number } | { ok: false; reason: string };

/** The rate on the period's first day; refused when the rate changes inside the period. */
export function rateForPeriod(period: Period, table = vatTable()): PeriodRate {
  const first = rateOn(period.start, table);
  if (!first) return { ok: false, reason: `perioodi ${period.key} kohta pole käibemaksumäära` };
  const change = table.find((r) => r.from > period.start && r.from <= period.end);
  if (change) {
    return {
      ok: false,
      reason: `periood ${period.key} ületab käibemaksumäära muutuse (${change.from}: ${change.basisPoints / 100} %); jaga rida väiksemateks perioodideks (nt poolaasta, kvartal või kuu)`,
    };
  }
  return { ok: true, basisPoints: first.basisPoints };
}
