// `npm run bench`: every figure beside its floor on the same machine, printed as a table and
// written to bench/results.json. Not part of `npm test`. BENCH_SECONDS (default 8) sets the length
// of each HTTP load run; BENCH_SKIP=site,catalog,http skips sections (http includes the recomputed
// aggregates; with http skipped, they run alone: BENCH_SKIP=site,catalog,http npm run bench). BENCH_DIST=<built
// site> skips the two site builds and runs the search figures on that build (e.g. BENCH_SKIP=http,catalog
// BENCH_DIST=/tmp/site npm run bench: the search part alone, in seconds).
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { ROOT_DIR } from '../../api/config.ts';
import { catalogBenchmark } from './catalog.ts';
import { ensureScaleFixture } from './fixture.ts';
import { aggregateBenchmarks } from './aggregates.ts';
import { httpBenchmarks } from './http.ts';
import { log, printTable, type Figure } from './lib.ts';
import { searchBenchmark, siteBenchmarks } from './site.ts';

const skip = new Set((process.env['BENCH_SKIP'] ?? '').split(',').filter(Boolean));
const started = Date.now();
const loadBefore = loadavg();
const figures: Figure[] = [];

// Only the HTTP section uses the full-scale database; a search-only run need not seed it.
const fixture = skip.has('http') ? { seedMs: null } : ensureScaleFixture();
if (fixture.seedMs != null) {
  figures.push({ id: 'seed.scale', label: 'db seed --scale (1M history rows)', unit: 's', value: fixture.seedMs / 1000, floor: null, ratio: null });
}
if (!skip.has('http')) figures.push(...(await httpBenchmarks()));
else if (!skip.has('aggregates')) figures.push(...aggregateBenchmarks().figures);
if (!skip.has('catalog')) {
  log('catalogue import …');
  figures.push(...catalogBenchmark());
}
const reuseDist = process.env['BENCH_DIST'];
if (!skip.has('site')) {
  const site = reuseDist ? { figures: [], distDir: reuseDist } : await siteBenchmarks();
  figures.push(...site.figures);
  log(`search${reuseDist ? ` (on ${reuseDist})` : ''} …`);
  figures.push(...searchBenchmark(site.distDir));
}

let commit: string | null = null;
try {
  commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT_DIR, encoding: 'utf8' }).trim();
} catch {
  /* not a git checkout */
}
const result = {
  at: new Date().toISOString(),
  commit,
  skipped: [...skip],
  machine: { cpus: cpus().length, model: cpus()[0]?.model ?? null, node: process.version, loadavgBefore: loadBefore, loadavgAfter: loadavg() },
  durationSeconds: Math.round((Date.now() - started) / 1000),
  figures,
};
process.stdout.write('\n');
printTable(figures);
process.stdout.write(`\nload average before ${loadBefore.map((l) => l.toFixed(1)).join(' ')}, after ${loadavg().map((l) => l.toFixed(1)).join(' ')}; ${result.durationSeconds} s total\n`);
writeFileSync(join(ROOT_DIR, 'bench/results.json'), JSON.stringify(result, null, 2) + '\n');
log('wrote bench/results.json');
