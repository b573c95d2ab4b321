// An uploaded sheet as rows of text, never unbounded: CSV (';' or ',', UTF-8 with or without BOM)
// through csv-parse; XLSX only after its ZIP directory and every entry's real size have been checked
// by bounded decompression (a bomb stops within the limit, in microseconds), then parsed by exceljs
// in a worker with a memory and a time limit.
import { Worker } from 'node:worker_threads';
import { parse } from 'csv-parse/sync';
import { centralDirectory, entryData, inflateBounded, plausibleSizes } from '../files/zip.ts';
import { ApiError } from '../lib/errors.ts';

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
/** What all entries of an XLSX may inflate to together; a 5 MB sheet of text stays far below. */
export const MAX_XLSX_INFLATED_BYTES = 50 * 1024 * 1024;
export const MAX_ROWS = 20_000;
const MAX_COLUMNS = 100;
const MAX_ENTRIES = 2_000;
/** The worker's heap and its time; exceljs needs roughly ten times the inflated XML. */
const WORKER_HEAP_MB = 512;
const WORKER_MS = 15_000;
/** Workers at once: each may take its heap, so a burst of uploads must not multiply it. */
const MAX_WORKERS = 2;
let workers = 0;

const refused = (code: string, message: string) => new ApiError(400, code, message);
const tooComplex = () => refused('file_too_complex', 'Fail on liiga keeruline lugeda (liiga suur või liiga palju andmeid lahtipakituna).');

const isZip = (b: Uint8Array) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** Every entry inflates to exactly the size it claims, and all together stay under the limit. */
export function checkXlsxArchive(bytes: Uint8Array): void {
  const entries = centralDirectory(bytes);
  if (!entries || entries.length > MAX_ENTRIES) throw refused('unreadable_file', 'Fail ei ole loetav XLSX-fail.');
  if (!entries.some((e) => e.name === 'xl/workbook.xml')) throw refused('unreadable_file', 'Fail ei ole Exceli tööraamat (XLSX).');
  if (!plausibleSizes(entries, MAX_XLSX_INFLATED_BYTES)) throw tooComplex();
  for (const e of entries) {
    const data = entryData(bytes, e);
    if (!data) throw refused('unreadable_file', 'Fail ei ole loetav XLSX-fail.');
    if (e.method === 0) continue;
    // Inflate at most one byte past the claimed size: an entry that lies about its size stops there.
    const out = inflateBounded(data, e.size + 1);
    if (!out || out.length !== e.size) throw tooComplex();
  }
}

/** The worker's time; tests shorten it to see a slow parse cut off. */
export interface ReadLimits {
  workerMs: number;
}

async function readXlsx(bytes: Uint8Array, limits: ReadLimits): Promise<string[][]> {
  checkXlsxArchive(bytes);
  if (workers >= MAX_WORKERS) throw new ApiError(503, 'server_busy', 'Server loeb praegu teisi faile. Proovi mõne hetke pärast uuesti.');
  workers++;
  try {
    return await parseInWorker(bytes, limits.workerMs);
  } finally {
    workers--;
  }
}

function parseInWorker(bytes: Uint8Array, workerMs: number): Promise<string[][]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./xlsx-worker.mjs', import.meta.url), {
      workerData: { bytes, maxRows: MAX_ROWS, maxColumns: MAX_COLUMNS },
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: 32 },
    });
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      fn();
    };
    const timer = setTimeout(() => finish(() => reject(tooComplex())), workerMs);
    worker.once('message', (m: { rows?: string[][]; tooMany?: boolean }) =>
      finish(() => (m.tooMany ? reject(tooManyRows()) : resolve(m.rows ?? []))),
    );
    // Out of memory ends the worker with ERR_WORKER_OUT_OF_MEMORY; a broken file throws in exceljs.
    worker.once('error', (err: Error & { code?: string }) =>
      finish(() => reject(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? tooComplex() : refused('unreadable_file', 'Fail ei ole loetav XLSX-fail.'))),
    );
    worker.once('exit', () => finish(() => reject(tooComplex())));
  });
}

const tooManyRows = () => refused('too_many_rows', `Failis on üle ${MAX_ROWS} rea.`);

/** ';' or ',': whichever the header line has more of outside quotes (Estonian Excel writes ';'). */
function delimiterOf(text: string): ';' | ',' {
  const line = text.slice(0, text.search(/\r?\n|$/)).replace(/"[^"]*"/g, '');
  return (line.match(/,/g)?.length ?? 0) > (line.match(/;/g)?.length ?? 0) ? ',' : ';';
}

function readCsv(bytes: Uint8Array): string[][] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw refused('unreadable_file', 'Fail ei ole UTF-8 kodeeringus CSV ega XLSX. Salvesta see Excelis kujul „CSV UTF-8” või XLSX.');
  }
  if (text.includes('\u0000')) throw refused('unreadable_file', 'Fail ei ole CSV ega XLSX.');
  try {
    const rows = parse(text.replace(/^\ufeff/, ''), { delimiter: delimiterOf(text.replace(/^\ufeff/, '')), relax_column_count: true, skip_empty_lines: true, to: MAX_ROWS + 2 }) as string[][];
    if (rows.length > MAX_ROWS + 1) throw tooManyRows();
    return rows.map((r) => r.slice(0, MAX_COLUMNS));
  } catch (err) {
    if (err instanceof ApiError) throw err;
    throw refused('unreadable_file', `CSV-faili ei õnnestunud lugeda: ${(err as Error).message}`);
  }
}

/** The sheet's rows (the first is the header); 400 for anything unreadable, too big or too complex. */
export async function readSheet(bytes: Uint8Array, limits: ReadLimits = { workerMs: WORKER_MS }): Promise<string[][]> {
  if (bytes.length > MAX_IMPORT_BYTES) throw new ApiError(413, 'payload_too_large', 'Fail on liiga suur (lubatud kuni 5 MB).');
  if (bytes.length === 0) throw refused('empty_file', 'Fail on tühi.');
  const rows = isZip(bytes) ? await readXlsx(bytes, limits) : readCsv(bytes);
  const trimmed = rows.map((r) => r.map((c) => c.trim()));
  if (trimmed.length < 2) throw refused('empty_file', 'Failis ei ole päise all ühtegi rida.');
  return trimmed;
}
