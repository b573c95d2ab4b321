// Sections 1 and 2: report latency and status-write throughput of the real server (its own
// process, so autocannon does not share its event loop) against raw SQL and a bare Hono route.
import { join } from 'node:path';
import { ROOT_DIR } from '../../api/config.ts';
import { SESSION_COOKIE } from '../../api/auth/sessions.ts';
import { openDatabase } from '../../api/db/database.ts';
import { bundleServer } from '../../tests/helpers/bundle-server.ts';
import { exited, spawnServer } from '../../tests/helpers/process-server.ts';
import { addUser, workingCopy } from './fixture.ts';
import { aggregateBenchmarks, EHAK } from './aggregates.ts';
import { load, log, ratioFigure, type Figure } from './lib.ts';
import { startBareServer } from './bare-server.ts';
import { writeBenchmarks } from './writes.ts';

const SECONDS = Number(process.env['BENCH_SECONDS'] || 8);
const MEASURES = 64;

async function bareHono(): Promise<{ p50: number; p95: number; rps: number }> {
  const bare = await startBareServer();
  try {
    return await load({ url: `${bare.url}/api/constant`, connections: 1, duration: Math.max(3, SECONDS / 2) });
  } finally {
    await bare.stop();
  }
}

/**
 * Latency with one connection (requests in series: the service time, not queueing). The request
 * count is sized from a probe so a slow endpoint still gets enough samples in about SECONDS.
 */
async function latency(url: string, headers: Record<string, string>) {
  let ms = 0;
  // Two probes: the first warms caches and prepared statements, the second sizes the run.
  for (let i = 0; i < 2; i++) {
    const t = performance.now();
    const probe = await fetch(url, { headers });
    await probe.arrayBuffer();
    if (!probe.ok) throw new Error(`${url}: ${probe.status}`);
    ms = performance.now() - t;
  }
  const amount = Math.min(5000, Math.max(20, Math.floor((SECONDS * 1000) / ms)));
  return load({ url, headers, connections: 1, amount });
}

/** The HTTP figures and the recomputed aggregates (aggregates.ts), whose raw-SQL times are also the HTTP floors. */
export async function httpBenchmarks(): Promise<Figure[]> {
  const aggregates = aggregateBenchmarks();
  const { rawOverview, rawProgress } = aggregates;
  const path = workingCopy('http');
  const db = openDatabase(path);
  const analyst = addUser(db, 'analyst').token;
  const specialist = addUser(db, 'specialist', [EHAK]).token;
  // The organisation object's rows: the PUTs below address it (no ?object=).
  const slots = (
    db
      .prepare("SELECT s.measure_id AS id, s.version FROM measure_status s JOIN target_object o ON o.id = s.object_id AND o.type = 'organisation' WHERE s.ehak = ? ORDER BY s.measure_id LIMIT ?")
      .all(EHAK, MEASURES) as Array<{ id: string; version: number }>
  ).map(
    (s) => ({ ...s, busy: false }),
  );
  db.close();

  log('bare Hono floor …');
  const bare = await bareHono();
  log('starting the real server (bundled) …');
  // BENCH_PROFILE=1: the server writes a V8 CPU profile to bench/profiles/ when it stops.
  const nodeArgs = process.env['BENCH_PROFILE'] ? ['--cpu-prof', `--cpu-prof-dir=${join(ROOT_DIR, 'bench/profiles')}`] : [];
  const server = await spawnServer({ DATABASE_PATH: path, FILES_PATH: join(ROOT_DIR, 'bench/tmp/files') }, { bundle: await bundleServer(), nodeArgs });
  const figures: Figure[] = [];
  try {
    const headers = { cookie: `${SESSION_COOKIE}=${analyst}` };
    log('GET /api/reports/overview …');
    const overview = await latency(`${server.url}/api/reports/overview`, headers);
    log('GET /api/kovs/0141/progress …');
    const progress = await latency(`${server.url}/api/kovs/${EHAK}/progress`, headers);
    for (const [id, label, r, raw] of [
      ['overview', 'ELVL overview', overview, rawOverview],
      ['progress', 'KOV 0141 progress', progress, rawProgress],
    ] as const) {
      for (const p of ['p50', 'p95'] as const) {
        figures.push(
          ratioFigure({
            id: `${id}.${p}`,
            label: `${label} ${p} (HTTP)`,
            unit: 'ms',
            value: r[p],
            floor: raw[p] + bare[p],
            ...(id === 'overview' ? { goal: '≤ 2× floor', met: r[p] <= 2 * (raw[p] + bare[p]) } : {}),
            note: `floor = raw SQL ${raw[p].toFixed(2)} ms + bare Hono ${bare[p].toFixed(2)} ms; ${r.total} requests, ${r.failures} failures`,
          }),
        );
      }
    }

    figures.push(...aggregates.figures);

    figures.push(...(await writeBenchmarks({ url: server.url, token: specialist, ehak: EHAK, slots, seconds: SECONDS })));
  } finally {
    server.child.kill('SIGTERM');
    await exited(server.child);
  }
  return figures;
}
