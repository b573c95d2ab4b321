// Section 3: importing the 2024 catalogue file vs JSON.parse + a bare prepared-statement insert.
import { existsSync, readFileSync } from 'node:fs';
import { importCatalogFile } from '../../api/catalog/import/index.ts';
import { openDatabase } from '../../api/db/database.ts';
import { ratioFigure, summarize, type Figure } from './lib.ts';

const FILE = new URL('../../../shared/eits/2024_eits_l3_250107.json', import.meta.url);
const ROUNDS = Number(process.env['BENCH_IMPORT_ROUNDS'] || 3);

export function catalogBenchmark(): Figure[] {
  if (!existsSync(FILE)) {
    return [{ id: 'catalog.import', label: 'catalogue import 2024', unit: 'ms', value: null, floor: null, ratio: null, note: 'skipped: ../shared not present' }];
  }
  const path = FILE.pathname;
  const app: number[] = [];
  const bare: number[] = [];
  let rows = 0;
  for (let i = 0; i < ROUNDS; i++) {
    // A fresh database each round: the import's first run is the costly one.
    const db = openDatabase(':memory:');
    let t = performance.now();
    const summary = importCatalogFile(db, path, { edition: '2024' });
    app.push(performance.now() - t);
    db.close();
    rows = summary.measures.inserted;

    const raw = openDatabase(':memory:', { migrate: false });
    raw.exec('CREATE TABLE m (id TEXT PRIMARY KEY, module_id TEXT NOT NULL, title TEXT NOT NULL, class TEXT, content TEXT, link TEXT) STRICT');
    t = performance.now();
    const items = JSON.parse(readFileSync(path, 'utf8')) as Array<Record<string, string>>;
    const insert = raw.prepare('INSERT INTO m VALUES (?, ?, ?, ?, ?, ?)');
    raw.transaction(() => {
      for (const it of items) insert.run(it['mid'], it['pid'], it['title'], it['level'], it['content'], it['link'] ?? null);
    })();
    bare.push(performance.now() - t);
    raw.close();
  }
  const a = summarize(app).p50;
  const b = summarize(bare).p50;
  return [ratioFigure({ id: 'catalog.import', label: 'catalogue import 2024 (median)', unit: 'ms', value: a, floor: b, note: `${rows} measures, ${ROUNDS} rounds each; floor = JSON.parse + bare insert` })];
}
