import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { attachment, parseCsv, sheet, toCsv, toXlsx, type Cell, type Column } from './tabular.ts';

interface R { id: string; title: string; share: number; n: number }
const columns: Column<R>[] = [
  { header: 'Meede', value: (r) => r.id },
  { header: 'Pealkiri', value: (r) => r.title, width: 40 },
  { header: 'Osakaal', value: (r) => r.share, numFmt: '0.0%' },
  { header: 'Arv', value: (r) => r.n },
];
const rows: R[] = [
  { id: 'ISMS.1.M1', title: 'Infoturbe üldvastutuse võtmine; "juhtkond"', share: 0.425, n: 3 },
  { id: 'CON.3.M1', title: '=HYPERLINK("x")', share: 1, n: 0 },
];

describe('CSV for Estonian Excel', () => {
  it('writes a BOM, semicolons, decimal commas and quotes, and round-trips', () => {
    const csv = toCsv(columns, rows);
    expect(csv.startsWith('\ufeffMeede;Pealkiri;Osakaal;Arv\r\n')).toBe(true);
    expect(csv).toContain('0,425');
    const parsed = parseCsv(csv);
    expect(parsed[1]).toEqual(['ISMS.1.M1', 'Infoturbe üldvastutuse võtmine; "juhtkond"', '0,425', '3']);
    // Formula-looking text is neutralised so a spreadsheet shows it as text.
    expect(parsed[2]![1]).toBe(`'=HYPERLINK("x")`);
  });

  it('keeps numbers as numbers, negative ones too, and guards only text', () => {
    const cells: Cell[] = [-50, -0.5, -1234.5, '-50,00', '+372 5555', '@SUM(A1)', '\tx', '\rx', '=1+1', "'juba", 'Tallinn'];
    const csv = toCsv<Cell>([{ header: 'Summa', value: (v) => v, decimals: 2 }, { header: 'Arv', value: (v) => v }], cells);
    expect(parseCsv(csv).slice(1)).toEqual([
      ['-50,00', '-50'],
      ['-0,50', '-0,5'],
      ['-1234,50', '-1234,5'],
      ...["'-50,00", "'+372 5555", "'@SUM(A1)", "'\tx", "'\rx", "'=1+1", "'juba", 'Tallinn'].map((s) => [s, s]),
    ]);
  });
});

describe('XLSX', () => {
  it('has the header frozen, an autofilter and the Estonian text intact', async () => {
    const buf = await toXlsx([sheet<R>({ name: 'Tegevuskava', columns, rows })]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Tegevuskava')!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
    expect(ws.getCell('B2').value).toBe('Infoturbe üldvastutuse võtmine; "juhtkond"');
    expect(ws.getCell('C2').value).toBe(0.425);
    expect(ws.getColumn(2).width).toBe(40);
  });

  it('names downloads safely in ASCII and UTF-8', () => {
    expect(attachment('tegevuskava-Jõelähtme.xlsx')).toBe(
      `attachment; filename="tegevuskava-Joelahtme.xlsx"; filename*=UTF-8''tegevuskava-J%C3%B5el%C3%A4htme.xlsx`,
    );
  });
});
