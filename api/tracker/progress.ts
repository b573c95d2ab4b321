// One municipality's progress: totals (aggregate.ts), next steps and the trend across snapshots.
import type { Db } from '../db/database.ts';
import { tallinnToday } from '../lib/today.ts';
import { memoUntilWrite } from '../db/statements.ts';
import type { KovProgress, NextStep, TrendPoint } from '../contracts/progress.ts';
import { aggregate, countTracked, titleLoader } from './aggregate.ts';
import { OPEN_STATUSES, type MeasureClass, type Priority, type Status } from './model.ts';
import { getScope } from './scope.ts';
import { trackedSql } from './tracked-sql.ts';

const OPEN_SQL = OPEN_STATUSES.map((s) => `'${s}'`).join(', ');

/**
 * Up to `limit` open measures (not assessed, partial, not implemented): overdue first, then
 * P1 before P2 before P3 before none, basic before standard, earliest due date, catalogue order.
 */
export function nextSteps(db: Db, ehak: string, today = tallinnToday(), limit = 10): NextStep[] {
  const rows = db
    .prepare(
      `${trackedSql()}
       SELECT t.measure_id, m.title, t.module_id, t.priority, t.class, t.effective, t.due_date,
              COALESCE(t.due_date < @today, 0) AS overdue
       FROM tracked t JOIN catalog_measure m ON m.edition = t.edition AND m.id = t.measure_id
       WHERE t.effective IN (${OPEN_SQL})
       ORDER BY overdue DESC, COALESCE(t.priority, 'P9'), CASE t.class WHEN 'basic' THEN 0 WHEN 'standard' THEN 1 ELSE 2 END,
                t.due_date IS NULL, t.due_date, m.sort_key
       LIMIT @limit`,
    )
    .all({ ehak, today, limit }) as Array<Record<string, unknown>>;
  return rows.map((r) => ({
    measureId: r['measure_id'] as string,
    title: r['title'] as string,
    module: r['module_id'] as string,
    priority: r['priority'] as Priority | null,
    class: r['class'] as MeasureClass,
    status: r['effective'] as Status,
    dueDate: r['due_date'] as string | null,
    overdue: r['overdue'] === 1,
  }));
}

/** The municipality's implemented share in every snapshot, oldest period first. */
export function trendOf(db: Db, ehak: string): TrendPoint[] {
  return (
    db
      .prepare(
        `SELECT s.period, json_extract(r.data, '$.implementedShare') AS share
         FROM progress_snapshot_row r JOIN progress_snapshot s ON s.id = r.snapshot_id
         WHERE r.ehak = ? ORDER BY s.period`,
      )
      .all(ehak) as Array<{ period: string; share: number | null }>
  ).map((r) => ({ period: r.period, implementedShare: r.share }));
}

/** Progress of one municipality; null when the EHAK code is unknown. */
export function getProgress(db: Db, ehak: string, today = tallinnToday()): KovProgress | null {
  // Dashboards ask far more often than statuses change: reuse the result until the next write.
  return memoUntilWrite(db, `tracker.progress:${ehak}:${today}`, () => computeProgress(db, ehak, today));
}

function computeProgress(db: Db, ehak: string, today: string): KovProgress | null {
  const kov = db.prepare('SELECT name FROM kov WHERE ehak = ?').get(ehak) as { name: string } | undefined;
  if (!kov) return null;
  const scope = getScope(db, ehak);
  const totals = aggregate(countTracked(db, ehak), scope.edition, titleLoader(db)(scope.edition));
  return { ehak, name: kov.name, approach: scope.approach, ...totals, nextSteps: nextSteps(db, ehak, today), trend: trendOf(db, ehak) };
}
