// Sections 4 and 5: the real site build vs a bare Astro build of as many trivial pages, and the
// site search (the built index, queried in Node as the CLI does) with its size raw and gzipped.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT_DIR } from '../../api/config.ts';
import { builtIndexPath, loadBuiltSearcher } from '../search/built-index.ts';
import { rankingQuality, TOPIC_QUERIES } from '../../tests/search/topic-queries.ts';
import { BENCH_TMP } from './fixture.ts';
import { log, ratioFigure, summarize, type Figure } from './lib.ts';

const ASTRO = join(ROOT_DIR, 'node_modules/.bin/astro');

function astroBuild(args: string[], env: Record<string, string> = {}): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(ASTRO, ['build', ...args], { cwd: ROOT_DIR, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.once('exit', (code) => (code === 0 ? resolve((performance.now() - started) / 1000) : reject(new Error(`astro build failed (${code}): ${err.slice(-2000)}`))));
  });
}

function countPages(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) if (e.isFile() && e.name.endsWith('.html')) n++;
  return n;
}

/** A throwaway Astro project with `pages` trivial pages, inside the repository so `astro` resolves. */
function bareProject(pages: number): string {
  const root = join(BENCH_TMP, 'bare-astro');
  rmSync(root, { recursive: true, force: true });
  mkdirSync(join(root, 'src/pages'), { recursive: true });
  writeFileSync(join(root, 'astro.config.mjs'), 'export default {};\n');
  for (let i = 0; i < pages; i++) {
    writeFileSync(join(root, 'src/pages', `p${i}.astro`), `---\nconst n = ${i};\n---\n<html lang="et"><head><title>Leht {n}</title></head><body><h1>Leht {n}</h1></body></html>\n`);
  }
  return root;
}

export async function siteBenchmarks(): Promise<{ figures: Figure[]; distDir: string | null }> {
  const distDir = join(BENCH_TMP, 'site-dist');
  rmSync(distDir, { recursive: true, force: true });
  log('astro build (the real site) …');
  let real: number;
  try {
    real = await astroBuild([], { TURVARADA_OUT_DIR: distDir });
  } catch (err) {
    const note = `build failed: ${(err as Error).message.split('\n')[0]}`;
    return { figures: [{ id: 'site.build', label: 'site build', unit: 's', value: null, floor: null, ratio: null, note }], distDir: null };
  }
  const pages = countPages(distDir);
  log(`astro build (bare, ${pages} trivial pages) …`);
  const root = bareProject(pages);
  const bare = await astroBuild(['--root', root]);
  return { figures: [ratioFigure({ id: 'site.build', label: 'site build', unit: 's', value: real, floor: bare, note: `${pages} pages; floor = bare Astro, ${pages} trivial pages` })], distDir };
}

const WORDS = [
  'varukoopia', 'varukoopiate taastamine', 'parool', 'mitmikautentimine', 'tulemüür', 'e-post', 'DMARC', 'SPF', 'kaugtöö', 'sülearvuti',
  'krüpteerimine', 'logimine', 'intsident', 'õppus', 'koolitus', 'riskianalüüs', 'infoturbepoliitika', 'juurdepääsuõigused', 'serveriruum', 'pilveteenus',
  'Microsoft 365', 'riigipilv', 'andmekaitse', 'isikuandmed', 'turvauuendused', 'viirusetõrje', 'võrguseadmed', 'WiFi', 'printer', 'mobiilseade',
  'ISMS.1', 'ORP.4', 'CON.3', 'OPS.1.1.2', 'APP.5.3', 'NET.3.2', 'SYS.2.1', 'DER.2.1', 'INF.2', 'kool',
];

export function searchBenchmark(distDir: string | null): Figure[] {
  const path = distDir ? builtIndexPath(distDir) : null;
  if (!path || !existsSync(path)) {
    return [{ id: 'search.p50', label: 'search', unit: 'ms', value: null, floor: null, ratio: null, note: 'not available (no built search index)' }];
  }
  const searcher = loadBuiltSearcher(distDir!);
  // 200 queries: single terms, pairs and prefixes of the vocabulary, deterministic.
  const queries: string[] = [];
  for (let i = 0; queries.length < 200; i++) {
    const a = WORDS[i % WORDS.length]!;
    const b = WORDS[(i * 7 + 3) % WORDS.length]!;
    queries.push(i < 40 ? a : i < 120 ? `${a} ${b}` : a.slice(0, Math.max(3, a.length - 3)));
  }
  // A query that throws is a search bug: counted and named in the note, not fatal for the run.
  const failed: string[] = [];
  const samples: number[] = [];
  for (const [i, q] of [...queries.slice(0, 10), ...queries].entries()) {
    const t = performance.now();
    try {
      searcher.search(q, 10);
    } catch (err) {
      if (i >= 10) failed.push(`"${q}": ${(err as Error).message}`);
      continue;
    }
    if (i >= 10) samples.push(performance.now() - t);
  }
  const s = summarize(samples);
  const note = failed.length ? `${failed.length} of ${queries.length} queries threw, e.g. ${failed[0]}` : `${queries.length} queries`;
  const raw = readFileSync(path);
  const gz = gzipSync(raw).length;
  // Ranking quality on the topic query set of tests/search (issue 17): the guide a person wants comes first.
  const quality = rankingQuality(searcher);
  const qNote = `${TOPIC_QUERIES.length} topic queries (tests/search/topic-queries.ts)`;
  return [
    ratioFigure({ id: 'search.p50', label: 'search query p50 (200 queries)', unit: 'ms', value: s.p50, floor: null, note }),
    ratioFigure({ id: 'search.p95', label: 'search query p95 (200 queries)', unit: 'ms', value: s.p95, floor: null, note, goal: '≤ 2 ms', met: s.p95 <= 2 }),
    ratioFigure({ id: 'search.index', label: 'search index size (raw)', unit: 'bytes', value: raw.length, floor: null, note: `gzip ${(gz / 1024).toFixed(1)} KiB` }),
    ratioFigure({ id: 'search.index.gzip', label: 'search index size (gzip)', unit: 'bytes', value: gz, floor: null, goal: '≤ 242 KiB', met: gz <= 242 * 1024 }),
    ratioFigure({ id: 'search.mrr', label: 'search MRR, expected page', unit: 'share', value: quality.mrr, floor: null, note: qNote, goal: '≥ 0.95', met: quality.mrr >= 0.95 }),
    ratioFigure({ id: 'search.top1', label: 'search expected page first', unit: 'share', value: quality.top1, floor: null, note: qNote, goal: '≥ 0.90', met: quality.top1 >= 0.9 }),
  ];
}
