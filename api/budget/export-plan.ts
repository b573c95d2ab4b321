// The plan table as in the action plan document: initiatives × years × accounts, and for sources
// whose grant includes VAT the "Summa koos käibemaksuga" rows.
import ExcelJS from 'exceljs';
import { groupSum, sumOf, type ComputedLine, type Sum } from './compute.ts';
import type { StoredPlan } from './store.ts';

export const EURO_FORMAT = '# ##0.00 "€"';

function years(plan: StoredPlan): string[] {
  return [...new Set(plan.computed.lines.map((l) => String(l.period.year)))].sort();
}

/** Cells for one row: total, then each year, as euros. */
function cells(lines: ComputedLine[], ys: string[], field: keyof Sum): number[] {
  const byYear = groupSum(lines, (l) => String(l.period.year), (l) => l);
  return [sumOf(lines)[field], ...ys.map((y) => byYear.get(y)?.[field] ?? 0)].map((c) => c / 100);
}

export async function planWorkbook(plan: StoredPlan): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Turvarada';
  const ws = wb.addWorksheet('Tegevuskava eelarve', { views: [{ state: 'frozen', ySplit: 1 }] });
  const ys = years(plan);
  ws.columns = [
    { header: 'Algatus', key: 'a', width: 48 },
    { header: 'Rahastuse allikas / meetme tegevus', key: 's', width: 28 },
    { header: 'Rida', key: 'r', width: 28 },
    { header: 'Summa kokku', key: 't', width: 16 },
    ...ys.map((y) => ({ header: `${y} kokku`, key: y, width: 16 })),
  ];
  ws.getRow(1).font = { bold: true };
  const add = (a: string, s: string, r: string, values: number[], bold = false) => {
    const row = ws.addRow([a, s, r, ...values]);
    for (let i = 4; i < 4 + values.length; i++) row.getCell(i).numFmt = EURO_FORMAT;
    if (bold) row.font = { bold: true };
  };
  const accounts = (lines: ComputedLine[]) => [...new Set(lines.map((l) => l.account))].sort();
  const all = plan.computed.lines;
  add('KOKKU', '', 'ilma käibemaksuta', cells(all, ys, 'net'), true);
  for (const a of accounts(all)) add('', '', `EA konto ${a}`, cells(all.filter((l) => l.account === a), ys, 'net'));
  for (const ini of plan.computed.initiatives) {
    const src = plan.computed.sources.get(ini.fundingSource)!;
    const label = `${src.name}${ini.measureActivity ? ` / ${ini.measureActivity}` : ''}`;
    const name = `${ini.name}${ini.businessPanelRequired ? ' *' : ''}`;
    add(name, label, 'ilma käibemaksuta', cells(ini.lines, ys, 'net'), true);
    for (const a of accounts(ini.lines)) add('', '', `EA konto ${a}`, cells(ini.lines.filter((l) => l.account === a), ys, 'net'));
    if (src.vatTreatment === 'grant_includes_vat') {
      add('', '', 'Summa koos käibemaksuga', cells(ini.lines, ys, 'gross'), true);
      for (const a of accounts(ini.lines)) add('', '', `EA konto ${a} koos km-ga`, cells(ini.lines.filter((l) => l.account === a), ys, 'gross'));
    }
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 4 + ys.length } };
  ws.addRow([]);
  ws.addRow(['* – enne algatusega alustamist tuleb läbida äripaneel.']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
