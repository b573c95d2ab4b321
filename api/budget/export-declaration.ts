// Cost declaration for the grant payment claim: actual costs of initiatives funded by a source
// whose grant includes VAT (SF), for a date range.
import ExcelJS from 'exceljs';
import type { Db } from '../db/database.ts';
import { toCsv, type Cell, type Column } from '../lib/tabular.ts';
import { listActuals } from './actuals.ts';
import { EURO_FORMAT } from './export-plan.ts';
import { parseEuros } from './money.ts';
import type { StoredPlan } from './store.ts';

export interface DeclarationRow {
  date: string;
  initiative: string;
  initiativeName: string;
  measureActivity: string;
  source: string;
  account: string;
  supplier: string;
  documentNumber: string;
  description: string;
  net: number;
  vat: number;
  gross: number;
}

const HEADERS = ['Kuupäev', 'Algatuse kood', 'Algatus', 'Meetme tegevus', 'Rahastusallikas', 'EA konto', 'Tarnija', 'Dokumendi nr', 'Kirjeldus', 'Summa km-ta', 'Käibemaks', 'Summa km-ga'];

export function declarationRows(db: Db, plan: StoredPlan, range: { from?: string; to?: string }): DeclarationRow[] {
  const sf = new Map(
    plan.computed.initiatives.filter((i) => plan.computed.sources.get(i.fundingSource)?.vatTreatment === 'grant_includes_vat').map((i) => [i.code, i]),
  );
  return listActuals(db, plan.familyId, range)
    .filter((a) => a.status === 'active' && sf.has(a.initiative))
    .map((a) => {
      const ini = sf.get(a.initiative)!;
      return {
        date: a.date,
        initiative: a.initiative,
        initiativeName: ini.name,
        measureActivity: ini.measureActivity ?? '',
        source: plan.computed.sources.get(ini.fundingSource)!.name,
        account: a.account,
        supplier: a.supplier,
        documentNumber: a.documentNumber,
        description: a.description,
        net: a.net,
        vat: a.vat,
        gross: a.gross,
      };
    });
}

const dmy = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

// Amounts go to the CSV writer as numbers, so they are written as numbers (-50,00), never as text
// that the formula guard would prefix; only the text columns can be guarded.
const CSV_VALUES: Array<(r: DeclarationRow) => Cell> = [
  (r) => dmy(r.date),
  (r) => r.initiative,
  (r) => r.initiativeName,
  (r) => r.measureActivity,
  (r) => r.source,
  (r) => r.account,
  (r) => r.supplier,
  (r) => r.documentNumber,
  (r) => r.description,
  (r) => r.net,
  (r) => r.vat,
  (r) => r.gross,
];
const CSV_COLUMNS: Column<DeclarationRow>[] = CSV_VALUES.map((value, i) => ({ header: HEADERS[i]!, value, ...(i >= 9 ? { decimals: 2 } : {}) }));

/** UTF-8 with BOM, `;`, decimal comma: opens correctly in an Estonian Excel. */
export function declarationCsv(rows: DeclarationRow[]): string {
  return toCsv(CSV_COLUMNS, rows);
}

export async function declarationWorkbook(plan: StoredPlan, rows: DeclarationRow[], range: { from?: string; to?: string }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Turvarada';
  const ws = wb.addWorksheet('Kulude deklaratsioon', { views: [{ state: 'frozen', ySplit: 1 }] });
  const widths = [12, 16, 44, 14, 20, 10, 28, 16, 40, 16, 14, 16];
  ws.columns = HEADERS.map((header, i) => ({ header, width: widths[i]! }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) {
    const row = ws.addRow([new Date(r.date + 'T00:00:00Z'), r.initiative, r.initiativeName, r.measureActivity, r.source, r.account, r.supplier, r.documentNumber, r.description, r.net, r.vat, r.gross]);
    row.getCell(1).numFmt = 'dd.mm.yyyy';
    for (const c of [10, 11, 12]) row.getCell(c).numFmt = EURO_FORMAT;
  }
  const cents = (k: 'net' | 'vat' | 'gross') => rows.reduce((s, r) => s + parseEuros(r[k]), 0) / 100;
  const total = ws.addRow(['KOKKU', '', `${plan.name}${range.from || range.to ? `, ${range.from ? dmy(range.from) : '…'}–${range.to ? dmy(range.to) : '…'}` : ''}`, '', '', '', '', '', '', cents('net'), cents('vat'), cents('gross')]);
  total.font = { bold: true };
  for (const c of [10, 11, 12]) total.getCell(c).numFmt = EURO_FORMAT;
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: HEADERS.length } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
