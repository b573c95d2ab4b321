// Importing a status sheet (issue 23): the plan export round trip, a mapped sheet with Estonian
// words, refused rows, hostile files, 409 after a concurrent change, undo, tenant isolation.
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, signInAs, type TestContext } from '../../tests/helpers/app.ts';
import { buildZip, deflateBomb } from '../../tests/helpers/zip-bomb.ts';
import { insertTestCatalog } from '../tracker/test-catalog.ts';
import { readSheet } from './read-file.ts';

const A = '0141';
const B = '0198';
let t: TestContext;
let specialist: string;

beforeEach(() => {
  t = createTestContext();
  insertTestCatalog(t.db);
  specialist = signInAs(t.db, 'specialist', [A, B]).token;
});

const put = (ehak: string, measureId: string, json: Record<string, unknown>) =>
  t.request(`/api/kovs/${ehak}/measures/${measureId}`, { method: 'PUT', json: { version: 0, ...json }, as: specialist });

function upload(ehak: string, bytes: Uint8Array | string, name: string, extra: Record<string, string> = {}, as = specialist) {
  const form = new FormData();
  form.set('file', new File([typeof bytes === 'string' ? bytes : Buffer.from(bytes)], name));
  for (const [k, v] of Object.entries(extra)) form.set(k, v);
  return t.request(`/api/kovs/${ehak}/imports`, { method: 'POST', body: form, as });
}
const post = (ehak: string, path: string, as = specialist) => t.request(`/api/kovs/${ehak}/imports/${path}`, { method: 'POST', as });

const FIELDS = 'measure_id, status, description, justification, responsible, due_date, accepted_by, accepted_at';
const records = (ehak: string) => t.db.prepare(`SELECT ${FIELDS} FROM measure_status WHERE ehak = ? ORDER BY measure_id`).all(ehak) as Array<Record<string, unknown>>;
const historyCount = (ehak: string) => (t.db.prepare('SELECT count(*) AS n FROM measure_status_history WHERE ehak = ?').get(ehak) as { n: number }).n;

async function seedA() {
  await put(A, 'ISMS.1.M1', { status: 'risk_accepted', justification: 'Väike mõju; vt riskianalüüs', acceptedBy: 'Vallavanem', acceptedAt: '2026-03-01' });
  await put(A, 'ISMS.1.M2', { status: 'partial', description: '=Poliitika kavand', responsible: 'Mari Maasikas; IT', dueDate: '2027-01-31' });
  await put(A, 'OPS.1.1.2.M1', { status: 'not_applicable', justification: 'Teenus on sisse ostetud' });
  await put(A, 'OPS.1.1.2.M2', { status: 'implemented', description: 'Rida 1\nrida 2' });
}

describe('the plan export round trip', () => {
  for (const format of ['csv', 'xlsx'] as const) {
    it(`gives municipality B exactly A's records from A's plan.${format}, and a second apply changes nothing`, async () => {
      await seedA();
      const file = new Uint8Array(await (await t.request(`/api/kovs/${A}/exports/plan.${format}`, { as: specialist })).arrayBuffer());
      const res = await upload(B, file, `tegevuskava.${format}`);
      expect(res.status).toBe(201);
      const preview = await res.json();
      expect(preview).toMatchObject({ format: 'plan', state: 'preview', summary: { new: 4, changed: 0, unchanged: 1, refused: 0 } });
      expect(records(B)).toEqual([]); // a preview writes nothing
      const applied = await post(B, `${preview.id}/apply`);
      expect(applied.status).toBe(200);
      expect(await applied.json()).toEqual({ id: preview.id, state: 'applied', written: 4 });
      expect(records(B)).toEqual(records(A));
      const history = await (await t.request(`/api/kovs/${B}/measures/ISMS.1.M2/history`, { as: specialist })).json();
      expect(history[0].new).toMatchObject({ status: 'partial', note: `imporditud failist tegevuskava.${format}` });
      const audits = t.db.prepare(`SELECT action FROM audit_log WHERE kov = ? AND action LIKE 'import.%'`).all(B);
      expect(audits).toEqual([{ action: 'import.apply' }]);

      const again = await (await upload(B, file, `tegevuskava.${format}`)).json();
      expect(again.summary).toEqual({ new: 0, changed: 0, unchanged: 5, refused: 0 });
      const before = historyCount(B);
      expect(await (await post(B, `${again.id}/apply`)).json()).toMatchObject({ written: 0 });
      expect(historyCount(B)).toBe(before);
    });
  }
});

describe('a sheet of another origin', () => {
  const sheet = '\ufeffMeede;Olek;Kes;Millal;Miks\r\nISMS.1.M1;jah;Jüri;01.02.2027;\r\nISMS.1.M2;osaliselt;;15.3.2027;\r\nOPS.1.1.2.M1;ei rakendata;;;Pole serverit\r\nOPS.1.1.2.M2;plaanis;Mari;;\r\n';
  const mapping = JSON.stringify({ id: 'Meede', status: 'Olek', owner: 'Kes', dueDate: 'Millal', justification: 'Miks' });

  it('asks for a mapping, listing the columns, then imports the Estonian words with it', async () => {
    const unknown = await upload(A, sheet, 'kava.csv');
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ error: { code: 'mapping_required', details: { columns: ['Meede', 'Olek', 'Kes', 'Millal', 'Miks'] } } });
    const res = await upload(A, sheet, 'kava.csv', { mapping, saveMapping: 'true' });
    expect(res.status).toBe(201);
    const preview = await res.json();
    expect(preview.summary).toEqual({ new: 4, changed: 0, unchanged: 0, refused: 0 });
    expect((await post(A, `${preview.id}/apply`)).status).toBe(200);
    expect(records(A).map((r) => [r['measure_id'], r['status'], r['responsible'], r['due_date'], r['justification']])).toEqual([
      ['ISMS.1.M1', 'implemented', 'Jüri', '2027-02-01', null],
      ['ISMS.1.M2', 'partial', null, '2027-03-15', null],
      ['OPS.1.1.2.M1', 'not_applicable', null, null, 'Pole serverit'],
      ['OPS.1.1.2.M2', 'not_implemented', 'Mari', null, null],
    ]);
    // The saved mapping reads the next file with ',' and the user's own word.
    expect(await (await t.request(`/api/kovs/${A}/import-mapping`, { as: specialist })).json()).toMatchObject({ mapping: { id: 'Meede' } });
    const next = await upload(A, 'Meede,Olek,Kes,Millal,Miks\nISMS.1.M2,jah,,,\n', 'kava2.csv');
    expect(await next.json()).toMatchObject({ format: 'mapped', summary: { changed: 1 } });
  });

  it('refuses the whole file when one row is bad, naming the row, and writes nothing', async () => {
    const bad = sheet + 'ISMS.1.M9;jah;;;\r\nOPS.1.1.2.M3;võib-olla;;;\r\nISMS.1.M3;jah;;;\r\nOPS.1.1.2.M2;jah;;31.02.2027;\r\n';
    const preview = await (await upload(A, bad, 'kava.csv', { mapping })).json();
    expect(preview.summary).toEqual({ new: 4, changed: 0, unchanged: 0, refused: 4 });
    expect(preview.rows.filter((r: { outcome: string }) => r.outcome === 'refused').map((r: { line: number; reason: string }) => [r.line, r.reason])).toEqual([
      [6, 'Tundmatu meetme tähis „ISMS.1.M9”.'],
      [7, 'Tundmatu seis „võib-olla”.'],
      [8, 'Meede ISMS.1.M3 ei kuulu omavalitsuse ulatusse.'],
      [9, 'Tähtaeg „31.02.2027” ei ole kuupäev (pp.kk.aaaa).'],
    ]);
    const res = await post(A, `${preview.id}/apply`);
    expect(res.status).toBe(422);
    expect((await res.json()).error.details[0]).toEqual({ line: 6, measureId: 'ISMS.1.M9', reason: 'Tundmatu meetme tähis „ISMS.1.M9”.' });
    expect(records(A)).toEqual([]);
  });

  it('names a 2023 measure that the 2024 edition no longer has', async () => {
    insertTestCatalog(t.db, '2023');
    t.db.prepare(`INSERT INTO catalog_measure (edition, id, module_id, title, class, responsible, sort_key) VALUES ('2023', 'ISMS.1.M20', 'ISMS.1', 'Eemaldatud', 'basic', 'x', '999')`).run();
    const preview = await (await upload(A, 'Tähis;Seis;Põhjendus\nISMS.1.M20;jah;\nISMS.1.M1;jah;\n', 'vana.csv')).json();
    expect(preview.rows.map((r: { outcome: string; reason: string | null }) => [r.outcome, r.reason])).toEqual([
      ['refused', 'Meede ISMS.1.M20 on väljaandest 2023 ja väljaandes 2024 seda enam ei ole.'],
      ['new', null],
    ]);
  });

  it('reads a CISO Assistant audit export by requirement ref_id', async () => {
    const csv = 'urn,assessable,ref_id,name,compliance_result,requirement_progress,observations\n' +
      'urn:x:isms.1,false,ISMS.1,Turbehaldus,not_assessed,to_do,\n' +
      'urn:x:isms.1.m1,true,ISMS.1.M1,Meede,compliant,done,Kinnitatud\n' +
      'urn:x:ops,true,OPS.1.1.2.M1,Meede,not_applicable,done,Ei kohaldu\n';
    const preview = await (await upload(A, csv, 'audit.csv')).json();
    expect(preview).toMatchObject({ format: 'ciso', summary: { new: 2, refused: 0 } });
    expect(preview.rows.map((r: { after: { status: string } }) => r.after.status)).toEqual(['implemented', 'not_applicable']);
  });

  it('shows a target object the file names and creates it on apply', async () => {
    const csv = 'Tähis;Seis;Põhjendus;Sihtobjekt;Sihtobjekti tüüp\nISMS.1.M1;rakendatud;;Dokumendihaldus;rakendus\n';
    const preview = await (await upload(A, csv, 'kava.csv')).json();
    // The new object models the modules of the measures the file gives it, so its rows are in its scope.
    expect(preview.objectsToCreate).toEqual([{ name: 'Dokumendihaldus', type: 'application', modules: ['ISMS.1'] }]);
    expect(t.db.prepare(`SELECT count(*) AS n FROM target_object WHERE ehak = ? AND name = 'Dokumendihaldus'`).get(A)).toEqual({ n: 0 });
    expect((await post(A, `${preview.id}/apply`)).status).toBe(200);
    expect(t.db.prepare(`SELECT type FROM target_object WHERE ehak = ? AND name = 'Dokumendihaldus'`).get(A)).toEqual({ type: 'application' });
    // The status is the new object's, not the organisation's.
    expect(t.db.prepare(`SELECT o.name, s.status FROM measure_status s JOIN target_object o ON o.id = s.object_id WHERE s.ehak = ? AND s.measure_id = 'ISMS.1.M1'`).all(A)).toEqual([
      { name: 'Dokumendihaldus', status: 'implemented' },
    ]);
  });
});

describe('hostile and oversized files', () => {
  it('refuses a zip bomb quickly with 400', async () => {
    const bomb = buildZip([
      { name: 'xl/workbook.xml', method: 8, data: deflateBomb(200), claimedSize: 100 },
      { name: '[Content_Types].xml', method: 0, data: new Uint8Array(10), claimedSize: 10 },
    ]);
    const started = performance.now();
    const res = await upload(A, bomb, 'pomm.xlsx');
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('file_too_complex');
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('refuses an archive whose sizes are plausible but false (bounded inflation finds it)', async () => {
    const lying = buildZip([{ name: 'xl/workbook.xml', method: 8, data: deflateBomb(20), claimedSize: 40_000 }]);
    const res = await upload(A, lying, 'pomm.xlsx');
    expect(res.status).toBe(400);
  });

  it('refuses a 50 MB upload with 413 before parsing it', async () => {
    const form = new FormData();
    form.set('file', new File([new Uint8Array(50 * 1024 * 1024)], 'suur.csv'));
    // The multipart body is built before the clock starts: the test measures the server, not FormData.
    const encoded = new Response(form);
    const body = await encoded.arrayBuffer();
    const headers = { 'content-type': encoded.headers.get('content-type')!, 'content-length': String(body.byteLength) };
    const started = performance.now();
    const res = await t.request(`/api/kovs/${A}/imports`, { method: 'POST', body, headers, as: specialist });
    expect(res.status).toBe(413);
    expect(performance.now() - started).toBeLessThan(3000);
    expect(t.db.prepare('SELECT count(*) AS n FROM status_import').get()).toEqual({ n: 0 });
  }, 60_000);

  it('stops a worker that parses too long and answers 400 "liiga keeruline"', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Leht');
    for (let i = 0; i < 300; i++) ws.addRow([`ISMS.1.M${i}`, 'jah', 'x'.repeat(50)]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    await expect(readSheet(bytes, { workerMs: 1 })).rejects.toMatchObject({ status: 400, code: 'file_too_complex' });
    expect((await readSheet(bytes)).length).toBe(300);
  }, 60_000);

  it('refuses a file that is neither UTF-8 CSV nor XLSX with 400', async () => {
    const res = await upload(A, new Uint8Array([0xff, 0xfe, 0x00, 0x41, 0x00]), 'x.csv');
    expect(res.status).toBe(400);
  });
});

describe('apply, conflicts and undo', () => {
  const csv = 'Tähis;Seis;Vastutaja;Põhjendus\nISMS.1.M1;rakendatud;Jüri;\nISMS.1.M2;osaliselt;;\n';

  it('answers 409 and writes nothing when a status changed after the preview', async () => {
    const preview = await (await upload(A, csv, 'kava.csv')).json();
    await put(A, 'ISMS.1.M2', { status: 'not_implemented' });
    const res = await post(A, `${preview.id}/apply`);
    expect(res.status).toBe(409);
    expect(records(A).map((r) => [r['measure_id'], r['status']])).toEqual([['ISMS.1.M2', 'not_implemented']]);
    expect(t.db.prepare('SELECT state FROM status_import WHERE id = ?').get(preview.id)).toEqual({ state: 'preview' });
  });

  it('undoes an applied import as one step, and refuses once a later change touched its records', async () => {
    await put(A, 'ISMS.1.M2', { status: 'not_implemented', responsible: 'Mari' });
    const preview = await (await upload(A, csv, 'kava.csv')).json();
    expect(preview.rows[1]).toMatchObject({ outcome: 'changed', before: { status: 'not_implemented' }, after: { status: 'partial' }, version: 1 });
    await post(A, `${preview.id}/apply`);
    const undo = await post(A, `${preview.id}/undo`);
    expect(undo.status).toBe(200);
    expect(records(A).map((r) => [r['measure_id'], r['status'], r['responsible']])).toEqual([
      ['ISMS.1.M1', 'not_assessed', null],
      ['ISMS.1.M2', 'not_implemented', 'Mari'],
    ]);
    expect((await post(A, `${preview.id}/undo`)).status).toBe(409);

    const second = await (await upload(A, csv, 'kava.csv')).json();
    await post(A, `${second.id}/apply`);
    await t.request(`/api/kovs/${A}/measures/ISMS.1.M1`, { method: 'PUT', json: { status: 'partial', version: 3 }, as: specialist });
    const refused = await post(A, `${second.id}/undo`);
    expect(refused.status).toBe(409);
    expect(records(A).find((r) => r['measure_id'] === 'ISMS.1.M1')!['status']).toBe('partial');
  });

  it("keeps imports to their municipality (404) and refuses read-only roles (403)", async () => {
    const preview = await (await upload(A, csv, 'kava.csv')).json();
    expect((await t.request(`/api/kovs/${B}/imports/${preview.id}`, { as: specialist })).status).toBe(404);
    expect((await post(B, `${preview.id}/apply`)).status).toBe(404);
    const other = signInAs(t.db, 'specialist', [B]).token;
    expect((await post(A, `${preview.id}/apply`, other)).status).toBe(404);
    for (const role of ['viewer', 'auditor'] as const) {
      const token = signInAs(t.db, role, [A]).token;
      expect((await upload(A, csv, 'kava.csv', {}, token)).status).toBe(403);
      expect((await post(A, `${preview.id}/apply`, token)).status).toBe(403);
    }
    expect(records(A)).toEqual([]);
  });
});

it('reads XLSX dates written as real date cells', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Leht');
  ws.addRow(['Tähis', 'Seis', 'Tähtaeg', 'Põhjendus']);
  ws.addRow(['ISMS.1.M1', 'osaliselt rakendatud', new Date('2027-05-04T00:00:00Z'), '']);
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  const preview = await (await upload(A, bytes, 'kava.xlsx')).json();
  expect(preview.rows[0].after).toMatchObject({ status: 'partial', dueDate: '2027-05-04' });
});
