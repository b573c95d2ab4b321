// Estonian spreadsheet CSV: `;` separator, decimal comma, UTF-8 with or without BOM, "" quoting.
import { parseCsv } from '../lib/tabular.ts';
import { MoneyError, centsToEuros, parseEstonianEuros } from './money.ts';
import type { ActualInput } from './actuals.ts';

export const ACTUALS_CSV_HEADER = ['algatus', 'kuupäev', 'konto', 'summa_km_ta', 'käibemaks', 'tarnija', 'dokumendi_nr', 'kirjeldus'] as const;

export class CsvError extends Error {}

/** dd.mm.yyyy or yyyy-mm-dd → yyyy-mm-dd (validity is checked later with the entry). */
function isoDate(s: string): string {
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
  return m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : s;
}

/** Parses the actual-costs CSV into entries (amounts as euros); errors name the row. */
export function parseActualsCsv(text: string): ActualInput[] {
  let lines: string[][];
  try {
    lines = parseCsv(text).filter((cells) => cells.some((c) => c.trim() !== ''));
  } catch (err) {
    throw new CsvError(`fail ei ole loetav CSV: ${(err as Error).message}`);
  }
  if (lines.length === 0) throw new CsvError('fail on tühi');
  const header = lines[0]!.map((h) => h.trim().toLowerCase());
  if (header.join(';') !== ACTUALS_CSV_HEADER.join(';')) throw new CsvError(`päis peab olema: ${ACTUALS_CSV_HEADER.join(';')}`);
  return lines.slice(1).map((line, i) => {
    const row = i + 2;
    const cells = line.map((c) => c.trim());
    if (cells.length !== ACTUALS_CSV_HEADER.length) throw new CsvError(`rida ${row}: oodati ${ACTUALS_CSV_HEADER.length} veergu, saadi ${cells.length}`);
    const [initiative, date, account, net, vat, supplier, documentNumber, description] = cells as [string, string, string, string, string, string, string, string];
    try {
      return { initiative, date: isoDate(date), account, net: centsToEuros(parseEstonianEuros(net)), vat: centsToEuros(parseEstonianEuros(vat)), supplier, documentNumber, description };
    } catch (err) {
      if (err instanceof MoneyError) throw new CsvError(`rida ${row}: ${err.message}`);
      throw err;
    }
  });
}
