// Progress report and ELVL overview (XLSX) and the public open-data aggregate, at full scale.
import { beforeAll, describe, expect, it } from 'vitest';
import { signInAs, type TestContext } from '../../tests/helpers/app.ts';
import { getOverview } from '../reports/overview.ts';
import { STATUS_LABELS, STATUSES } from '../contracts/labels.ts';
import { getProgress, nextSteps } from '../tracker/progress.ts';
import { round4 } from './format.ts';
import type { OpenData } from '../contracts/exports.ts';
import { OPEN_DATA_FIELDS } from './open-data.ts';
import { NEXT_STEPS_LIMIT } from './progress-report.ts';
import { csvNumber, download, fullScaleContext, readCsv, readWorkbook, sheetRows } from './test-fixture.ts';

const OWN = '0141';
let t: TestContext;
let analyst: string;

beforeAll(() => {
  t = fullScaleContext();
  analyst = signInAs(t.db, 'analyst').token;
}, 120_000);

describe('progress.xlsx', () => {
  it('has the six sheets with numbers that agree with the progress API', async () => {
    const viewer = signInAs(t.db, 'viewer', [OWN]).token;
    const res = await t.request(`/api/kovs/${OWN}/exports/progress.xlsx`, { as: viewer });
    const wb = await readWorkbook(await download(res, 'spreadsheetml', /edenemine-anija-vald-.*\.xlsx/));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Kokkuvõte', 'Klassid', 'Moodulirühmad', 'Moodulid', 'Järgmised sammud', 'Trend']);
    const p = getProgress(t.db, OWN)!;

    const summary = sheetRows(wb, 'Kokkuvõte');
    expect(summary.header).toEqual(['Näitaja', 'Väärtus', 'Osakaal']);
    const byLabel = new Map(summary.rows.map((r) => [r[0] as string, r]));
    expect(byLabel.get('Omavalitsus')![1]).toBe('Anija vald');
    expect(byLabel.get('Meetmeid kokku')![1]).toBe(p.total);
    expect(byLabel.get('Rakendatud (osakaal asjakohastest)')!.slice(1)).toEqual([p.implemented, p.implementedShare]);
    for (const s of STATUSES) expect(byLabel.get(`Seis: ${STATUS_LABELS[s]} (osakaal kõigist)`)![1]).toBe(p.byStatus[s].count);
    const shareCell = wb.getWorksheet('Kokkuvõte')!.getRow(summary.rows.findIndex((r) => r[0] === 'Rakendatud (osakaal asjakohastest)') + 2).getCell(3);
    expect(shareCell.numFmt).toBe('0.0%');

    const classes = sheetRows(wb, 'Klassid');
    expect(classes.rows.map((r) => r[0])).toEqual(['Põhimeetmed', 'Standardmeetmed']);
    expect(classes.rows[0]!.slice(1)).toEqual([p.byClass.basic.total, p.byClass.basic.notApplicable, p.byClass.basic.implemented, p.byClass.basic.share]);

    const groups = sheetRows(wb, 'Moodulirühmad');
    expect(groups.rows.map((r) => r[0])).toEqual(p.byGroup.map((g) => g.group));
    const modules = sheetRows(wb, 'Moodulid');
    expect(modules.rows.length).toBe(p.byModule.length);
    expect(modules.rows.reduce((n, r) => n + (r[3] as number), 0)).toBe(p.total);

    const next = sheetRows(wb, 'Järgmised sammud');
    expect(next.header).toEqual(['Tähis', 'Meede', 'Moodul', 'Prioriteet', 'Klass', 'Seis', 'Tähtaeg', 'Tähtaeg möödas']);
    expect(next.rows.slice(0, p.nextSteps.length).map((r) => r[0])).toEqual(p.nextSteps.map((s) => s.measureId));
    expect(next.rows.map((r) => r[7])).toEqual(nextSteps(t.db, OWN, undefined, NEXT_STEPS_LIMIT).map((s) => (s.overdue ? 'jah' : 'ei')));

    const trend = sheetRows(wb, 'Trend');
    expect(trend.rows.map((r) => r[0])).toEqual(p.trend.map((x) => x.period));
    expect(trend.rows.length).toBeGreaterThanOrEqual(2);
    expect(trend.rows.map((r) => r[1] ?? null)).toEqual(p.trend.map((x) => x.implementedShare));
  });
});

describe('overview.xlsx', () => {
  it('needs reports.read: signed out 401, viewer and specialist 403', async () => {
    expect((await t.request('/api/reports/overview.xlsx')).status).toBe(401);
    for (const role of ['viewer', 'specialist'] as const) {
      const res = await t.request('/api/reports/overview.xlsx', { as: signInAs(t.db, role, [OWN]).token });
      expect(res.status, role).toBe(403);
    }
  });

  it('has one sheet per view with all 79 municipalities and the medians', async () => {
    const wb = await readWorkbook(await download(await t.request('/api/reports/overview.xlsx', { as: analyst }), 'spreadsheetml', /omavalitsuste-ulevaade-.*\.xlsx/));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Omavalitsused', 'Moodulirühmad', 'Mediaan']);
    const o = getOverview(t.db);
    const kovs = sheetRows(wb, 'Omavalitsused');
    expect(kovs.rows.length).toBe(79);
    expect(kovs.header.slice(0, 9)).toEqual(['EHAK', 'Omavalitsus', 'Tüüp', 'Maakond', 'Meetmeid', 'Rakendatud', 'Rakendatud osakaal', 'Põhimeetmed', 'Standardmeetmed']);
    expect(kovs.header.at(-1)).toBe('Viimane muudatus');
    const anija = kovs.rows.find((r) => r[0] === OWN)!;
    const row = o.rows.find((r) => r.ehak === OWN)!;
    expect(anija.slice(1, 9)).toEqual([row.name, row.type, row.county, row.total, row.implemented, row.implementedShare, row.byClass.basic, row.byClass.standard]);
    expect(anija.at(-1)).toBeInstanceOf(Date);

    const heat = sheetRows(wb, 'Moodulirühmad');
    expect(heat.header).toEqual(['EHAK', 'Omavalitsus', ...o.groups.map((g) => `${g.id} ${g.title}`)]);
    expect(heat.rows.find((r) => r[0] === OWN)!.slice(2).map((v) => v ?? null)).toEqual(o.groups.map((g) => row.byGroup[g.id] ?? null));
    const heatSheet = wb.getWorksheet('Moodulirühmad')!;
    expect(heatSheet.getRow(2).getCell(3).numFmt).toBe('0.0%');
    expect(heatSheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    // Not in exceljs's type declarations, but read back from the file.
    const formats = (heatSheet as unknown as { conditionalFormattings: Array<{ ref: string }> }).conditionalFormattings;
    expect(formats.map((f) => f.ref)).toEqual([`C2:${heatSheet.getColumn(2 + o.groups.length).letter}80`]);

    const median = sheetRows(wb, 'Mediaan');
    expect(median.rows[0]).toEqual(['Rakendatud osakaal kokku', o.median.implementedShare]);
    expect(median.rows.length).toBe(1 + 2 + o.groups.length);
  });
});

describe('open data', () => {
  it('is public and holds only the documented aggregate fields', async () => {
    const res = await t.request('/api/open-data/progress.json');
    const data = JSON.parse((await download(res, 'application/json')).toString('utf8')) as OpenData;
    expect(Object.keys(data).sort()).toEqual(['generatedOn', 'municipalities']);
    expect(data.generatedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(data.municipalities.length).toBe(79);
    for (const m of data.municipalities) expect(Object.keys(m).sort()).toEqual([...OPEN_DATA_FIELDS].sort());
    const o = getOverview(t.db).rows.find((r) => r.ehak === OWN)!;
    expect(data.municipalities.find((m) => m.ehak === OWN)).toEqual({
      ehak: OWN,
      name: 'Anija vald',
      type: 'vald',
      county: o.county,
      measuresInScope: o.total,
      implemented: o.implemented,
      implementedShare: round4(o.implementedShare),
      basicShare: round4(o.byClass.basic),
      standardShare: round4(o.byClass.standard),
    });
  });

  it('contains no free text and no people from the status records', async () => {
    const body = (await download(await t.request('/api/open-data/progress.json'), 'application/json')).toString('utf8');
    const csv = (await download(await t.request('/api/open-data/progress.csv'), 'text/csv')).toString('utf8');
    const texts = t.db
      .prepare(
        `SELECT DISTINCT v FROM (SELECT description AS v FROM measure_status UNION SELECT justification FROM measure_status
         UNION SELECT responsible FROM measure_status UNION SELECT accepted_by FROM measure_status UNION SELECT name FROM app_user)
         WHERE v IS NOT NULL AND length(v) > 3`,
      )
      .pluck()
      .all() as string[];
    expect(texts.length).toBeGreaterThan(5);
    for (const s of texts) {
      expect(body.includes(s), s).toBe(false);
      expect(csv.includes(s), s).toBe(false);
    }
  });

  it('CSV round-trips to the JSON values', async () => {
    const data = JSON.parse((await download(await t.request('/api/open-data/progress.json'), 'application/json')).toString('utf8')) as OpenData;
    const csv = readCsv(await download(await t.request('/api/open-data/progress.csv'), 'text/csv', /kov-infoturbe-edenemine-.*\.csv/));
    expect(csv.header).toEqual(['EHAK', 'Omavalitsus', 'Tüüp', 'Maakond', 'Meetmeid ulatuses', 'Rakendatud', 'Rakendatud osakaal', 'Põhimeetmete osakaal', 'Standardmeetmete osakaal', 'Koostatud']);
    const generated = data.generatedOn.split('-').reverse().join('.');
    expect(csv.rows.map((r) => ({
      ehak: r[0], name: r[1], type: r[2], county: r[3], measuresInScope: csvNumber(r[4]!), implemented: csvNumber(r[5]!),
      implementedShare: csvNumber(r[6]!), basicShare: csvNumber(r[7]!), standardShare: csvNumber(r[8]!), generated: r[9],
    }))).toEqual(data.municipalities.map((m) => ({ ...m, generated })));
    expect(csv.rows.some((r) => r[1]!.includes('õ') || r[1]!.includes('ä'))).toBe(true);
  });
});
