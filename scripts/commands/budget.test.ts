import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../cli.ts';
import { openDatabase } from '../../api/db/database.ts';
import { SEED_PLAN_FILE, seedPlan } from '../../api/budget/test-plan.ts';

let dir: string;
const saved = process.env['DATABASE_PATH'];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'budget-cli-'));
  process.env['DATABASE_PATH'] = join(dir, 'db.sqlite');
});
afterEach(() => {
  if (saved === undefined) delete process.env['DATABASE_PATH'];
  else process.env['DATABASE_PATH'] = saved;
});

async function cli(...args: string[]) {
  let out = '';
  let err = '';
  const io = { stdout: { write: (s: string) => ((out += s), true) }, stderr: { write: (s: string) => ((err += s), true) } } as never;
  const code = await runCli(args, io);
  return { code, out, err };
}
const count = (table: string) => {
  const db = openDatabase(process.env['DATABASE_PATH']!);
  try {
    return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
};

describe('budget CLI', () => {
  it('imports the plan and prints {id, inconsistencies}', async () => {
    const r = await cli('budget', 'import', '--file', SEED_PLAN_FILE);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    expect(out.id).toBe(1);
    expect(out.inconsistencies).toHaveLength(3);
  });

  it('refuses a straddling period with exit 2, naming the line, storing nothing', async () => {
    const plan = seedPlan();
    plan.initiatives[3].lines[2].period = '2025';
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(plan));
    const r = await cli('budget', 'import', '--file', join(dir, 'bad.json'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/initiatives\[3\]\.lines\[2\]\.period \(KUBER\): periood 2025 ületab käibemaksumäära muutuse/);
    expect(count('budget_plan')).toBe(0);
  });

  it('imports actual costs from an Estonian CSV all or nothing', async () => {
    await cli('budget', 'import', '--file', SEED_PLAN_FILE);
    const header = 'algatus;kuupäev;konto;summa_km_ta;käibemaks;tarnija;dokumendi_nr;kirjeldus';
    writeFileSync(join(dir, 'ok.csv'), `\uFEFF${header}\r\nKOGUKOND;10.10.2024;55;3 200,50;704,11;Seminarikeskus OÜ;A-1;"Seminar; sügis"\r\nVOLIS;2023-12-15;50;1155;0;ELVL;P-1;Töötasu\r\n`);
    const ok = await cli('budget', 'actuals-import', '--plan', '1', '--file', join(dir, 'ok.csv'));
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/Imporditud 2 kulu/);
    writeFileSync(join(dir, 'bad.csv'), `${header}\nVOLIS;2023-12-15;50;1155;0;ELVL;P-2;Töötasu\nKUBER;10.10.2024;55;3200;704;X;A-1;y\n`);
    const bad = await cli('budget', 'actuals-import', '--plan', '1', '--file', join(dir, 'bad.csv'));
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/rida 3: Algatus KUBER peab enne kulude kandmist läbima äripaneeli/);
    writeFileSync(join(dir, 'dec.csv'), `${header}\nVOLIS;2023-12-15;50;1155,123;0;ELVL;P-3;x\n`);
    expect((await cli('budget', 'actuals-import', '--plan', '1', '--file', join(dir, 'dec.csv'))).err).toMatch(/rida 2: summal võib olla kuni 2 komakohta/);
    expect(count('budget_actual')).toBe(2);
  });
});
