// The XLSX exports open in LibreOffice with the Estonian characters intact. LibreOffice must be
// installed (CI installs libreoffice-calc-nogui): a missing binary fails this test, it never skips.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, signInAs, type TestContext } from '../../tests/helpers/app.ts';
import { insertTestCatalog } from '../tracker/test-catalog.ts';
import { parseCsv } from '../lib/tabular.ts';
import { download } from './test-fixture.ts';

const run = promisify(execFile);
const OWN = '0141';
// Explicit UTF-8 (charset 76), ';' separator and '"' quotes: the plain "csv" filter writes the
// system's legacy 8-bit encoding, which would hide exactly the problem this test looks for.
const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):59,34,76,1';

let t: TestContext;
let dir: string;
const profile = `/tmp/lo-${randomUUID()}`;

beforeAll(async () => {
  t = createTestContext();
  insertTestCatalog(t.db);
  const specialist = signInAs(t.db, 'specialist', [OWN]).token;
  const put = await t.request(`/api/kovs/${OWN}/measures/ISMS.1.M1`, {
    method: 'PUT',
    as: specialist,
    json: { status: 'partial', description: 'Õigused üle vaadatud; tööjaam äriüksuses', responsible: 'Küllike Mägi', dueDate: '2027-03-31', version: 0 },
  });
  expect(put.status).toBe(200);
  dir = mkdtempSync(join(tmpdir(), 'turvarada-lo-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(profile, { recursive: true, force: true });
});

describe('XLSX exports in LibreOffice', () => {
  it(
    'convert to CSV with the Estonian characters and dd.mm.yyyy dates intact',
    async () => {
      const analyst = signInAs(t.db, 'analyst').token;
      const files = {
        plan: `/api/kovs/${OWN}/exports/plan.xlsx`,
        progress: `/api/kovs/${OWN}/exports/progress.xlsx`,
        overview: '/api/reports/overview.xlsx',
      };
      for (const [name, url] of Object.entries(files)) {
        writeFileSync(join(dir, `${name}.xlsx`), await download(await t.request(url, { as: analyst }), 'spreadsheetml'));
      }
      const paths = Object.keys(files).map((n) => join(dir, `${n}.xlsx`));
      // libreoffice missing → ENOENT rejects here and the test fails.
      await run('libreoffice', ['--headless', `-env:UserInstallation=file://${profile}`, '--convert-to', CSV_FILTER, '--outdir', dir, ...paths], { timeout: 85_000 });
      const csv = (n: string) => readFileSync(join(dir, `${n}.csv`), 'utf8');

      const plan = csv('plan');
      expect(plan).toContain('Põhimeede');
      expect(plan).toContain('Standardmeede');
      const [header, first] = parseCsv(plan);
      expect(header).toEqual(['Tähis', 'Moodul', 'Meede', 'Klass', 'Prioriteet', 'Seis', 'Vastutaja', 'Tähtaeg', 'Rakendamise kirjeldus', 'Põhjendus', 'Riski aktsepteerija', 'Aktsepteerimise kuupäev', 'Muudetud', 'Sihtobjekt', 'Omanik']);
      expect(first!.slice(0, 9)).toEqual(['ISMS.1.M1', 'ISMS.1', 'Meede ISMS.1.M1', 'Põhimeede', 'P1', 'osaliselt rakendatud', 'Küllike Mägi', '31.03.2027', 'Õigused üle vaadatud; tööjaam äriüksuses']);
      expect(first![12]).toMatch(/^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}$/);

      // The first sheet of each workbook is what the CSV filter writes.
      const progress = csv('progress');
      expect(progress).toContain('Näitaja');
      expect(progress).toContain('Anija vald');
      expect(progress).toContain('standardturve');

      const overview = csv('overview');
      expect(overview).toContain('Jõelähtme vald');
      expect(overview).toContain('Põhimeetmed');
      expect(overview).toContain('Võru maakond');
    },
    90_000,
  );
});
