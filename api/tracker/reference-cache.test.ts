// Scopes and catalogue facts are cached in memory (reference.ts); these tests show that every
// change to them is seen on the very next read, whoever made it, and that a rolled-back change
// leaves nothing behind.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { inTransaction, openDatabase } from '../db/database.ts';
import { createTestContext, signInAs, type TestContext } from '../../tests/helpers/app.ts';
import { seedKovs } from '../../scripts/seed/kov.ts';
import { getMeasureRecord, measureInScope } from './records.ts';
import { saveScope } from './scope.ts';
import { insertTestCatalog } from './test-catalog.ts';

const KOV = '0141';
const STANDARD_MEASURE = 'ISMS.1.M2'; // in the default (standard) scope, not in the basic one
const basic = { edition: '2024', profileName: 'KOV', approach: 'basic' as const, extraModules: [] };
let t: TestContext;
let specialist: string;

beforeEach(() => {
  t = createTestContext();
  insertTestCatalog(t.db);
  specialist = signInAs(t.db, 'specialist', [KOV]).token;
});

describe('cached scopes and catalogue facts', () => {
  it('follows a scope change made through the API on the next request', async () => {
    const read = () => t.request(`/api/kovs/${KOV}/measures/${STANDARD_MEASURE}`, { as: specialist });
    expect((await read()).status).toBe(200);
    const changed = await t.request(`/api/kovs/${KOV}/scope`, { method: 'PUT', as: specialist, json: { approach: 'basic' } });
    expect(changed.status).toBe(200);
    expect((await read()).status).toBe(404);
    const write = await t.request(`/api/kovs/${KOV}/measures/${STANDARD_MEASURE}`, { method: 'PUT', as: specialist, json: { status: 'partial', version: 0 } });
    expect(write.status).toBe(404);
  });

  it('sees a catalogue change and a scope change made by another connection', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'turvarada-ref-')), 'ref.db');
    const db = openDatabase(path);
    seedKovs(db);
    insertTestCatalog(db);
    const other = openDatabase(path);
    expect(getMeasureRecord(db, KOV, 'ISMS.1.M1')).toMatchObject({ title: expect.any(String), moduleTitle: 'Turbehaldus' });
    other.prepare("UPDATE catalog_measure SET title = 'Uus pealkiri' WHERE id = 'ISMS.1.M1'").run();
    other.prepare("UPDATE catalog_module SET title = 'Infoturbe haldus' WHERE id = 'ISMS.1'").run();
    expect(getMeasureRecord(db, KOV, 'ISMS.1.M1')).toMatchObject({ title: 'Uus pealkiri', moduleTitle: 'Infoturbe haldus' });
    expect(measureInScope(db, KOV, STANDARD_MEASURE)).not.toBeNull();
    saveScope(other, KOV, basic, null);
    expect(measureInScope(db, KOV, STANDARD_MEASURE)).toBeNull();
    db.close();
    other.close();
  });

  it('forgets what it read inside a scope change that was rolled back', () => {
    expect(() =>
      inTransaction(t.db, () => {
        saveScope(t.db, KOV, basic, null);
        expect(measureInScope(t.db, KOV, STANDARD_MEASURE)).toBeNull();
        throw new Error('cancelled');
      }),
    ).toThrow('cancelled');
    // The next change, to another municipality, must not make the rolled-back reading current again.
    saveScope(t.db, '0198', basic, null);
    expect(measureInScope(t.db, KOV, STANDARD_MEASURE)).not.toBeNull();
  });
});
