import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCatalogFile, importProfile } from '../catalog/import/index.ts';
import { runCli } from '../../scripts/cli.ts';
import { createTestContext, signInAs } from '../../tests/helpers/app.ts';
import { migrateEdition, type MigrationReport } from './migrate-edition.ts';
import { organisationObjectId } from '../objects/store.ts';
import { getMeasureHistory, getMeasureRecord } from './records.ts';
import { saveScope } from './scope.ts';
import { updateMeasureStatus } from './status-write.ts';
import { createModel } from '../solutions/write.ts';
import { EITS_DATA_DIR, skipWithoutEitsData } from '../../tests/helpers/eits-data.ts';

// The real E-ITS files (EITS_DATA_DIR, ../shared/eits by default); skipped with one line without them.
const SHARED = EITS_DATA_DIR;

describe.skipIf(skipWithoutEitsData())('catalog migrate 2023 → 2024 on the real E-ITS files', () => {
  it('reports 1760 / 42 / 11 / 13 and carries statuses with their history', () => {
    const t = createTestContext();
    const { db } = t;
    importCatalogFile(db, join(SHARED, 'modules_and_measures.json'), { edition: '2023' });
    importProfile(db, { file: join(SHARED, 'profile_combo_250107.json'), column: 'kov', name: 'KOV', edition: '2023' });
    const { userId } = signInAs(db, 'specialist', ['0141']);
    saveScope(db, '0141', { edition: '2023', profileName: 'KOV', approach: 'standard', extraModules: [] }, null);
    const first = updateMeasureStatus(db, '0141', 'ISMS.1.M1', { status: 'partial', description: 'Alustatud', version: 0 }, { id: userId });
    expect(first.edition).toBe('2023');
    updateMeasureStatus(db, '0141', 'ISMS.1.M1', { status: 'implemented', version: 1 }, { id: userId });
    const statement = { responsibility: 'provider', status: 'implemented', note: null, evidenceUrl: null } as const;
    createModel(db, { name: 'Keskne teenus: ELVL', type: 'service', provider: 'ELVL', modules: [], statements: [{ measureId: 'ISMS.1.M1', ...statement }], kovs: ['0198'] }, { id: null }, '2023');

    // Migration needs both editions.
    expect(() => migrateEdition(db, '2023', '2024')).toThrow(/2024/);

    importCatalogFile(db, join(SHARED, '2024_eits_l3_250107.json'), { edition: '2024' });
    importCatalogFile(db, join(SHARED, 'e-its-2024.yaml'), { edition: '2024' });
    importProfile(db, { file: join(SHARED, 'profile_combo_250107.json'), column: 'kov', name: 'KOV', edition: '2024' });
    // A model naming a measure the 2024 edition removed stays in 2023 and is named in the report.
    const removed = db.prepare(`SELECT id FROM catalog_measure WHERE edition = '2023' AND id NOT IN (SELECT id FROM catalog_measure WHERE edition = '2024')`).pluck().get() as string;
    createModel(db, { name: 'Vana teenus', type: 'service', provider: 'X', modules: [], statements: [{ measureId: removed, ...statement }] }, { id: null }, '2023');
    const report: MigrationReport = migrateEdition(db, '2023', '2024');
    expect([report.carried, report.new, report.removed, report.classChanges.length]).toEqual([1760, 42, 11, 13]);
    expect(report.statusesCopied).toBe(1);
    expect(report.historyCopied).toBe(2);
    expect(report.scopesSwitched).toBe(79);

    const after = getMeasureRecord(db, '0141', 'ISMS.1.M1')!;
    expect(after).toMatchObject({ edition: '2024', status: 'implemented', description: 'Alustatud', version: 2 });
    expect(getMeasureHistory(db, '0141', '2024', organisationObjectId(db, '0141')!, 'ISMS.1.M1').map((h) => (h.kind === 'evidence' ? h.action : h.version))).toEqual([2, 1]);
    // The old edition's record is still there.
    expect(getMeasureHistory(db, '0141', '2023', organisationObjectId(db, '0141')!, 'ISMS.1.M1')).toHaveLength(2);
    expect(db.prepare(`SELECT edition, version FROM solution_model WHERE name = 'Keskne teenus: ELVL'`).get()).toEqual({ edition: '2024', version: 2 });
    expect(report.solutionModelsMoved).toBe(1);
    expect(report.solutionModelsLeft).toEqual(['Vana teenus']);
    const stored = db.prepare('SELECT from_edition, to_edition, report FROM edition_migration').all() as Array<{ report: string }>;
    expect(stored).toHaveLength(1);
    expect(JSON.parse(stored[0]!.report).carried).toBe(1760);
  }, 120_000);
});

describe('catalog migrate CLI', () => {
  it('exits 2 with a clear message when an edition is not imported, changing nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'turvarada-migrate-'));
    const previous = process.env['DATABASE_PATH'];
    process.env['DATABASE_PATH'] = join(dir, 'db.sqlite');
    const out: string[] = [];
    const sink = { write: (s: string) => (out.push(s), true) } as unknown as NodeJS.WritableStream;
    try {
      const code = await runCli(['catalog', 'migrate', '--from', '2023', '--to', '2024'], { stdout: sink, stderr: sink });
      expect(code).toBe(2);
      expect(out.join('')).toMatch(/väljaannet 2023 pole andmebaasis/);
      expect(await runCli(['catalog', 'migrate', '--from', '2024', '--to', '2024'], { stdout: sink, stderr: sink })).toBe(2);
    } finally {
      if (previous === undefined) delete process.env['DATABASE_PATH'];
      else process.env['DATABASE_PATH'] = previous;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
