// Colour scale on the overview's heat table. The shared writer (lib/tabular.ts) has no hook for
// conditional formatting, so the finished workbook is loaded once more and the rule added; for
// 79 rows this costs milliseconds. Pale colours keep black text readable; the numbers stay the data.
import ExcelJS from 'exceljs';

/** Light orange (0 %) → white (50 %) → light blue (100 %). */
const SCALE = { low: 'FFF8CBAD', mid: 'FFFFFFFF', high: 'FFBDD7EE' };

const columnLetter = (n: number): string => (n <= 26 ? String.fromCharCode(64 + n) : columnLetter(Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26)));

/** Adds a 0..1 colour scale over columns `fromColumn`..`toColumn` (1-based) of the sheet's data rows. */
export async function withHeatScale(xlsx: Buffer, sheetName: string, fromColumn: number, toColumn: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(sheetName);
  if (!ws || toColumn < fromColumn || ws.rowCount < 2) return xlsx;
  ws.addConditionalFormatting({
    ref: `${columnLetter(fromColumn)}2:${columnLetter(toColumn)}${ws.rowCount}`,
    rules: [
      {
        type: 'colorScale',
        priority: 1,
        cfvo: [
          { type: 'num', value: 0 },
          { type: 'num', value: 0.5 },
          { type: 'num', value: 1 },
        ],
        color: [{ argb: SCALE.low }, { argb: SCALE.mid }, { argb: SCALE.high }],
      },
    ],
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
