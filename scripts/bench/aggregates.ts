// The progress engine recomputed right after a write, each figure timed in turn with its raw-SQL
// floor (RAW_PROGRESS_SQL): the ELVL overview over all 79 municipalities and one municipality's
// progress. The API reuses both until the next write; these are the costs right after one.
import { openDatabase } from '../../api/db/database.ts';
import { getOverview } from '../../api/reports/overview.ts';
import { getProgress } from '../../api/tracker/progress.ts';
import { workingCopy } from './fixture.ts';
import { log, ratioFigure, summarize, type Figure } from './lib.ts';
import { RAW_PROGRESS_SQL } from './raw-sql.ts';

export const EHAK = '0141';
const SECONDS = Number(process.env['BENCH_SECONDS'] || 8);

/**
 * Times `floor` and `run` alternately until `maxMs` has passed (at least 5, at most `max` pairs), so
 * a machine that drifts mid-run moves both alike; `before` runs untimed before each `run`.
 */
function timePair(floor: () => unknown, run: () => unknown, maxMs: number, max = 200, before?: () => void) {
  floor();
  before?.();
  run();
  const floors: number[] = [];
  const runs: number[] = [];
  const until = performance.now() + maxMs;
  while (runs.length < 5 || (runs.length < max && performance.now() < until)) {
    let t = performance.now();
    floor();
    floors.push(performance.now() - t);
    before?.();
    t = performance.now();
    run();
    runs.push(performance.now() - t);
  }
  return [summarize(floors), summarize(runs)] as const;
}

export interface AggregateTimes {
  figures: Figure[];
  /** The raw floors' p50/p95, for the HTTP figures' floors. */
  rawOverview: { p50: number; p95: number };
  rawProgress: { p50: number; p95: number };
}

export function aggregateBenchmarks(): AggregateTimes {
  const db = openDatabase(workingCopy('aggregates'));
  log('aggregates recomputed after a write, alternating with raw SQL …');
  // A write before each run empties the memo (any write does), so each run recomputes.
  const bump = db.prepare("INSERT OR REPLACE INTO app_meta (key, value) VALUES ('bench.bump', ?)");
  const touch = () => void bump.run(String(performance.now()));
  const rawSql = db.prepare(RAW_PROGRESS_SQL);
  const [rawOverview, overview] = timePair(() => rawSql.all({ ehak: null }), () => getOverview(db), SECONDS * 2000, 200, touch);
  const [rawProgress, progress] = timePair(() => rawSql.all({ ehak: EHAK }), () => getProgress(db, EHAK), SECONDS * 1000, 200, touch);
  db.close();
  const figures = (
    [
      ['overview', 'ELVL overview', overview, rawOverview],
      ['progress', `KOV ${EHAK} progress`, progress, rawProgress],
    ] as const
  ).map(([id, label, cold, raw]) =>
    ratioFigure({
      id: `${id}.recomputed.p50`,
      label: `${label} p50, recomputed`,
      unit: 'ms',
      value: cold.p50,
      floor: raw.p50,
      goal: '≤ 2× floor',
      met: cold.p50 <= 2 * raw.p50,
      note: `in-process, right after a write (no cache), alternating with raw SQL; ${cold.n} runs each`,
    }),
  );
  return { figures, rawOverview, rawProgress };
}
