import { describe, expect, it } from 'vitest';
import { ACTUALS_CSV_HEADER, CsvError, parseActualsCsv } from './csv.ts';

const header = ACTUALS_CSV_HEADER.join(';');

describe('actual-costs CSV', () => {
  it('reads quoted cells, a BOM and the decimal comma', () => {
    const rows = parseActualsCsv(`\ufeff${header}\r\nA1;31.01.2024;55;"1 000,50";220,11;"Tarnija; OÜ";A-1;"Kirjeldus ""jutumärkides"""\r\n`);
    expect(rows).toEqual([{ initiative: 'A1', date: '2024-01-31', account: '55', net: 1000.5, vat: 220.11, supplier: 'Tarnija; OÜ', documentNumber: 'A-1', description: 'Kirjeldus "jutumärkides"' }]);
  });

  it('refuses malformed quoting with a CsvError (a 400), not an unexpected error', () => {
    expect(() => parseActualsCsv(`${header}\nA1;31.01.2024;55;"1 000,50;220,11;T;A-1;x\n`)).toThrow(CsvError);
  });
});
