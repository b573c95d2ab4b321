// The ministry report as a file: the same rows as the API and the page (buildMinistryReport), one per
// funding source × EA account × year, then each source's total and the grand total. XLSX amounts are
// number cells in euro format; the CSV writes them with two decimals and a decimal comma.
import type { MinistryFigures, MinistryReport } from '../contracts/budget-ministry.ts';
import { sheet, toCsv, toXlsx, type Column } from '../lib/tabular.ts';
import { EURO_FORMAT } from './export-plan.ts';

export interface MinistryExportRow extends MinistryFigures {
  source: string;
  code: string;
  basis: string;
  account: string;
  year: string;
}

const BASIS = { gross: 'toetus koos km-ga', net: 'toetus km-ta, km lisandub' } as const;

/** The report's rows in file order: each source's lines and its total, then the grand total. */
export function ministryRows(r: MinistryReport): MinistryExportRow[] {
  const out: MinistryExportRow[] = [];
  for (const s of r.sources) {
    const base = { source: s.name, code: s.code, basis: BASIS[s.grantBasis] };
    for (const row of s.rows) out.push({ ...base, ...row });
    out.push({ ...base, account: 'kokku', year: 'kokku', ...s.total });
  }
  out.push({ source: 'KOKKU', code: '', basis: '', account: 'kokku', year: 'kokku', ...r.total });
  return out;
}

const money = (header: string, value: (r: MinistryExportRow) => number): Column<MinistryExportRow> => ({ header, value, numFmt: EURO_FORMAT, decimals: 2, width: 16 });

export const MINISTRY_COLUMNS: Column<MinistryExportRow>[] = [
  { header: 'Rahastusallikas', value: (r) => r.source, width: 24 },
  { header: 'Kood', value: (r) => r.code, width: 10 },
  { header: 'Toetuse alus', value: (r) => r.basis, width: 26 },
  { header: 'EA konto', value: (r) => r.account, width: 10 },
  { header: 'Aasta', value: (r) => r.year, width: 8 },
  money('Plaan km-ta', (r) => r.planned.net),
  money('Plaan km-ga', (r) => r.planned.gross),
  money('Tegelik km-ta', (r) => r.actual.net),
  money('Tegelik km-ga', (r) => r.actual.gross),
  money('Jääk km-ta', (r) => r.remaining.net),
  money('Jääk km-ga', (r) => r.remaining.gross),
  { header: 'Ülekulu', value: (r) => (r.overspent ? 'jah' : ''), width: 9 },
];

export const ministryCsv = (r: MinistryReport): string => toCsv(MINISTRY_COLUMNS, ministryRows(r));

export const ministryWorkbook = (r: MinistryReport): Promise<Buffer> =>
  toXlsx([sheet<MinistryExportRow>({ name: 'Aruanne ministeeriumile', columns: MINISTRY_COLUMNS, rows: ministryRows(r) })], { title: `${r.plan.name}: plaan ja tegelikkus` });
