// Reads the first worksheet of an XLSX file as rows of text, in a worker thread the caller runs
// with memory and time limits: exceljs holds the whole workbook in memory, so a hostile file must
// cost a worker, never the server. Plain JavaScript so the worker runs without a TypeScript loader.
import { Buffer } from 'node:buffer';
import { parentPort, workerData } from 'node:worker_threads';
import ExcelJS from 'exceljs';

/** A date cell as ISO yyyy-mm-dd: exceljs gives dates as UTC midnight of the shown day. */
const isoDate = (d) => d.toISOString().slice(0, 10);

function text(value) {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return isoDate(value);
  if (typeof value === 'object') {
    if ('result' in value) return text(value.result);
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return text(value.text);
    if ('error' in value) return '';
    return '';
  }
  if (typeof value === 'boolean') return value ? 'jah' : 'ei';
  return String(value);
}

const { bytes, maxRows, maxColumns } = workerData;
const wb = new ExcelJS.Workbook();
await wb.xlsx.load(Buffer.from(bytes));
const ws = wb.worksheets[0];
const rows = [];
let tooMany = false;
if (ws) {
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    if (n > maxRows + 1) {
      tooMany = true;
      return;
    }
    const cells = [];
    const count = Math.min(row.cellCount, maxColumns);
    for (let c = 1; c <= count; c++) cells.push(text(row.getCell(c).value));
    while (rows.length < n - 1) rows.push([]);
    rows.push(cells);
  });
}
parentPort.postMessage(tooMany ? { tooMany: true } : { rows });
